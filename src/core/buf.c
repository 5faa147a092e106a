/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Growable byte buffer; see buf.h for the invariants.
 */
#include "system.h"
#include "core/buf.h"
#include "core/xalloc.h"

void
bt_buf_init(struct bt_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
bt_buf_release(struct bt_buf *b)
{
	free(b->data);
	bt_buf_init(b);
}

void
bt_buf_reset(struct bt_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
bt_buf_grow(struct bt_buf *b, size_t extra)
{
	if (extra >= SIZE_MAX - b->len - 1)
		BT_BUG("buffer size overflow");
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap < SIZE_MAX / 2 ? cap * 2 : need;
	b->data = bt_xrealloc(b->data, cap);
	b->cap = cap;
}

void
bt_buf_vaddf(struct bt_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BT_BUG("bad format string");
	bt_buf_grow(b, (size_t) n);
	vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
	b->len += (size_t) n;
}

void
bt_buf_addf(struct bt_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bt_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
bt_buf_consume(struct bt_buf *b, size_t n)
{
	if (n >= b->len) {
		bt_buf_reset(b);
		return;
	}
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
	b->data[b->len] = '\0';
}

char *
bt_buf_detach(struct bt_buf *b, size_t *len)
{
	if (!b->data)
		bt_buf_grow(b, 0), b->data[0] = '\0';
	char *p = b->data;
	if (len)
		*len = b->len;
	bt_buf_init(b);
	return p;
}

const char *
bt_buf_cstr(const struct bt_buf *b)
{
	return b->data ? b->data : "";
}
