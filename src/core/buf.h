/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A growable byte buffer.
 *
 * Invariants: data is NULL only while cap is 0; otherwise data[len] is
 * always '\0', so data can be used as a C string when the contents hold no
 * NUL.  Initialise with BT_BUF_INIT or bt_buf_init(); release with
 * bt_buf_release().
 */
#ifndef BT_CORE_BUF_H
#define BT_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct bt_buf {
	char *data;	/* owned; NULL until the first append */
	size_t len;
	size_t cap;
};

#define BT_BUF_INIT { NULL, 0, 0 }

void bt_buf_init(struct bt_buf *b);
/* Frees the memory; the buffer is empty and usable again. */
void bt_buf_release(struct bt_buf *b);
/* Empties the buffer but keeps its memory. */
void bt_buf_reset(struct bt_buf *b);
/* Makes room for extra more bytes (plus the terminating NUL). */
void bt_buf_grow(struct bt_buf *b, size_t extra);

/*
 * Appending is inline, with only the growth out of line: writers and
 * filters append a few bytes at a time, and the calls showed in profiles.
 * cap - len never underflows: cap is 0 (and len 0) or above len.
 */
static inline void
bt_buf_add(struct bt_buf *b, const void *data, size_t len)
{
	if (len >= b->cap - b->len)
		bt_buf_grow(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

static inline void
bt_buf_addstr(struct bt_buf *b, const char *s)
{
	bt_buf_add(b, s, strlen(s));
}

static inline void
bt_buf_addch(struct bt_buf *b, char c)
{
	if (b->cap - b->len < 2)
		bt_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void bt_buf_addf(struct bt_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void bt_buf_vaddf(struct bt_buf *b, const char *fmt, va_list ap);
/* Removes the first n bytes. */
void bt_buf_consume(struct bt_buf *b, size_t n);
/* Returns the contents as a NUL-terminated string the caller frees; the
 * buffer is left empty. */
char *bt_buf_detach(struct bt_buf *b, size_t *len);
/* Current contents as a C string (never NULL). Borrowed until the next
 * change. */
const char *bt_buf_cstr(const struct bt_buf *b);

#endif /* BT_CORE_BUF_H */
