/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Atomic, encoded output.
 *
 * An output file is written to a temporary file in the target's folder and
 * renamed into place by bt_output_commit(), so that a failed or
 * interrupted command never leaves a half-written file.  Text is handed
 * over as UTF-8 and written in the output's encoding (through iconv), with
 * a byte-order mark if asked.  "-" writes to stdout, unbuffered by us.
 */
#ifndef BT_CORE_OUTPUT_H
#define BT_CORE_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

struct bt_output;

/*
 * Opens path for writing ("-" is stdout).  encoding NULL means UTF-8.
 * Refuses to write over any of the NULL-terminated list of inputs
 * (BT_EUSAGE).  Caller ends with bt_output_commit() or bt_output_abort().
 */
struct bt_output *bt_output_open(const char *path, const char *encoding,
				 bool bom, const char *const *inputs,
				 struct bt_error *err);
/* Writes UTF-8 text, converted to the output encoding. */
int bt_output_write(struct bt_output *out, const char *text, size_t len,
		    struct bt_error *err);
int bt_output_puts(struct bt_output *out, const char *s,
		   struct bt_error *err);
/* Flushes, syncs and renames into place; frees out.  On failure nothing
 * is left behind. */
int bt_output_commit(struct bt_output *out, struct bt_error *err);
/* Removes the temporary file and frees out.  NULL does nothing. */
void bt_output_abort(struct bt_output *out);

#endif /* BT_CORE_OUTPUT_H */
