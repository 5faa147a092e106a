/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A bilingual dictionary in hunalign's format, one entry a line:
 *
 *	maison @ Haus
 *	pomme de terre @ Kartoffel
 *
 * the target words first, then " @ ", then the source words.  Each entry
 * links the words of its two sides: a one-word entry with weight 1, a
 * phrase with 1 over its length, so that a long phrase does not weigh
 * more than a word.
 */
#include "system.h"
#include "align/align-internal.h"
#include "core/input.h"
#include "core/xalloc.h"

struct entry {
	char *src, *tgt;	/* owned */
};

struct bt_align_dict {
	struct entry *v;
	size_t n, cap;
};

void
bt_align_dict_free(struct bt_align_dict *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].src);
		free(d->v[i].tgt);
	}
	free(d->v);
	free(d);
}

size_t
bt_align_dict_count(const struct bt_align_dict *d)
{
	return d ? d->n : 0;
}

/* Adds the line p[0..len) (line number line) to d. */
static int
add_line(struct bt_align_dict *d, const char *path, long line,
	 const char *p, size_t len, struct bt_error *err)
{
	while (len && (p[len - 1] == '\r' || p[len - 1] == ' '
		       || p[len - 1] == '\t'))
		len--;
	while (len && (*p == ' ' || *p == '\t'))
		p++, len--;
	if (!len || *p == '#')
		return 0;
	const char *at = memmem(p, len, " @ ", 3);
	if (!at) {
		bt_error_set(err, BT_ESYNTAX, path,
			     _("not a dictionary entry (expected "
			       "'TARGET @ SOURCE')"));
		bt_error_at_line(err, line);
		return -1;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->v = bt_xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n].tgt = bt_xstrndup(p, (size_t) (at - p));
	d->v[d->n].src = bt_xstrndup(at + 3, len - (size_t) (at - p) - 3);
	d->n++;
	return 0;
}

struct bt_align_dict *
bt_align_dict_load(const char *path, struct bt_error *err)
{
	struct bt_input *in = bt_input_open(path, NULL, err);
	if (!in)
		return NULL;
	struct bt_align_dict *d = bt_xcalloc(1, sizeof(*d));
	struct bt_buf buf = BT_BUF_INIT;
	long line = 0;
	int rc = 0;
	for (;;) {
		bt_buf_grow(&buf, 1 << 16);
		ssize_t got = bt_input_read(in, buf.data + buf.len, 1 << 16,
					    err);
		if (got <= 0) {
			rc = (int) got;
			break;
		}
		buf.len += (size_t) got;
		size_t start = 0;
		char *nl;
		while (rc == 0 && (nl = memchr(buf.data + start, '\n',
					       buf.len - start))) {
			size_t end = (size_t) (nl - buf.data);
			rc = add_line(d, path, ++line, buf.data + start,
				      end - start, err);
			start = end + 1;
		}
		bt_buf_consume(&buf, start);
		if (rc < 0)
			break;
	}
	if (rc == 0 && buf.len)
		rc = add_line(d, path, ++line, buf.data, buf.len, err);
	bt_buf_release(&buf);
	bt_input_free(in);
	if (rc < 0) {
		bt_align_dict_free(d);
		return NULL;
	}
	return d;
}

struct id_list {
	const struct vocab *v;
	uint32_t ids[64];
	size_t n, words;
};

static void
collect(void *ctx, const char *tok, size_t len)
{
	struct id_list *l = ctx;
	l->words++;
	uint32_t id = vocab_find(l->v, tok, len);
	if (id != UINT32_MAX && l->n < BT_ARRAY_SIZE(l->ids))
		l->ids[l->n++] = id;
}

void
dict_links(const struct bt_align_dict *d, struct vocab *v, struct links *out)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct id_list s = { v, { 0 }, 0, 0 }, t = { v, { 0 }, 0, 0 };
		bt_align_tokenize(d->v[i].src, strlen(d->v[i].src), collect,
				  &s);
		bt_align_tokenize(d->v[i].tgt, strlen(d->v[i].tgt), collect,
				  &t);
		size_t longest = s.words > t.words ? s.words : t.words;
		if (!longest)
			continue;
		for (size_t a = 0; a < s.n; a++)
			for (size_t b = 0; b < t.n; b++)
				if (s.ids[a] != t.ids[b])
					links_add(out, s.ids[a], t.ids[b],
						  1.0f / (float) longest);
	}
}
