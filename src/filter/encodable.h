/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which characters a legacy encoding can hold, for writers that turn the
 * others into character references (&#x7EFF;) instead of failing: HTML
 * and XML documents written in ISO-8859-1, windows-1252, Shift_JIS...
 */
#ifndef BT_FILTER_ENCODABLE_H
#define BT_FILTER_ENCODABLE_H

#include <stddef.h>

#include "core/buf.h"

struct bt_encodable;

/* For encoding, or NULL when it holds all of Unicode (UTF-*, GB18030)
 * or iconv does not know it (the output then reports what it cannot
 * write). */
struct bt_encodable *bt_encodable_new(const char *encoding);
void bt_encodable_free(struct bt_encodable *e);

/* Appends text[0..len) (UTF-8) to out, each character e cannot hold as
 * &#xHEX;.  e may be NULL: text as it is. */
void bt_encodable_refs(struct bt_encodable *e, struct bt_buf *out,
		       const char *text, size_t len);

#endif /* BT_FILTER_ENCODABLE_H */
