/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Decoded input: a file (or stdin) read as a stream of valid UTF-8.
 *
 * The encoding comes from a byte-order mark (UTF-8, UTF-16LE, UTF-16BE),
 * else from the caller (--encoding, or what a filter found declared in the
 * file), else UTF-8.  Anything else goes through iconv.  Invalid bytes are
 * an error that names their byte offset in the original file.  The reader
 * never splits a UTF-8 character across two reads, so filters can scan
 * each chunk as text.
 */
#ifndef BT_CORE_INPUT_H
#define BT_CORE_INPUT_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/buf.h"
#include "core/error.h"

struct bt_input;

/*
 * Opens path ("-" is stdin).  encoding is an iconv name or NULL to detect
 * (BOM, else UTF-8).  Returns NULL and fills err (BT_EIO, BT_EENCODING) on
 * failure.  Caller frees with bt_input_free().
 */
struct bt_input *bt_input_open(const char *path, const char *encoding,
			       struct bt_error *err);

/*
 * Reads up to cap bytes of UTF-8 (cap >= 8).  Returns the number of bytes,
 * 0 at end of input, -1 on error (BT_EIO, BT_EENCODING with the offset).
 */
ssize_t bt_input_read(struct bt_input *in, char *buf, size_t cap,
		      struct bt_error *err);

/* The canonical name of the input's encoding ("UTF-8", "UTF-16LE", or the
 * caller's name upper-cased).  Borrowed until bt_input_free(). */
const char *bt_input_encoding(const struct bt_input *in);
/* Whether the input started with a byte-order mark (not returned by read). */
int bt_input_has_bom(const struct bt_input *in);
/* The name the input was opened with.  Borrowed. */
const char *bt_input_path(const struct bt_input *in);

void bt_input_free(struct bt_input *in);

/* Whether iconv knows the encoding name (to check --encoding early). */
int bt_encoding_known(const char *name);
/* Whether a and b name the same encoding ("utf8", "UTF-8", "utf_8"). */
bool bt_same_encoding(const char *a, const char *b);
/* Appends s[0..len) converted by cd to out.  Returns -1 when a sequence
 * does not convert (out then holds what did). */
int bt_iconv_string(iconv_t cd, const char *s, size_t len,
		    struct bt_buf *out);

/*
 * Reads the whole of path to check that it decodes, without keeping
 * anything: lets a command refuse bad input before it writes a byte.
 * Returns 0 or -1 with err as bt_input_read() sets it.
 */
int bt_input_check(const char *path, const char *encoding,
		   struct bt_error *err);

#endif /* BT_CORE_INPUT_H */
