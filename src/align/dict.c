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
 * more than a word.  Phrases of two or more ideographs (Chinese, Japanese
 * words) are also kept as a lexicon, for cutting text that has no spaces
 * into the dictionary's words (words.c).
 */
#include "system.h"

#include <ctype.h>
#include <unistd.h>

#include "align/align-internal.h"
#include "core/datadir.h"
#include "core/input.h"
#include "core/xalloc.h"

struct entry {
	char *src, *tgt;	/* owned */
};

struct bt_align_dict {
	struct entry *v;
	size_t n, cap;
	struct lexicon lexicon;
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
	lexicon_release(&d->lexicon);
	free(d);
}

size_t
bt_align_dict_count(const struct bt_align_dict *d)
{
	return d ? d->n : 0;
}

void
bt_align_dict_reverse(struct bt_align_dict *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = d->v[i].src;
		d->v[i].src = d->v[i].tgt;
		d->v[i].tgt = s;
	}
}

const struct lexicon *
dict_lexicon(const struct bt_align_dict *d)
{
	return d ? &d->lexicon : NULL;
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
	lexicon_init(&d->lexicon);
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
	for (size_t i = 0; i < d->n; i++) {
		lexicon_add(&d->lexicon, d->v[i].src, strlen(d->v[i].src));
		lexicon_add(&d->lexicon, d->v[i].tgt, strlen(d->v[i].tgt));
	}
	return d;
}

/* The primary subtag of a BCP 47 tag, lower-cased: "zh" of "zh-Hant-TW". */
static void
primary_subtag(const char *lang, char *out, size_t size)
{
	size_t n = 0;
	for (; lang[n] && lang[n] != '-' && lang[n] != '_' && n + 1 < size;
	     n++)
		out[n] = (char) tolower((unsigned char) lang[n]);
	out[n] = '\0';
}

struct bt_align_dict *
bt_align_dict_builtin(const char *srclang, const char *tgtlang,
		      char **path, bool *reversed, struct bt_error *err)
{
	char s[16], t[16];
	*path = NULL;
	*reversed = false;
	if (!srclang || !tgtlang)
		return NULL;
	primary_subtag(srclang, s, sizeof(s));
	primary_subtag(tgtlang, t, sizeof(t));
	if (!*s || !*t || !strcmp(s, t))
		return NULL;
	for (int way = 0; way < 2; way++) {
		char name[48];
		snprintf(name, sizeof(name), "dict/%s-%s.dic", way ? t : s,
			 way ? s : t);
		char *file = bt_data_path(name);
		if (access(file, R_OK) != 0) {
			free(file);
			continue;
		}
		struct bt_align_dict *d = bt_align_dict_load(file, err);
		if (!d) {
			free(file);
			return NULL;
		}
		if (way)
			bt_align_dict_reverse(d);
		*path = file;
		*reversed = way;
		return d;
	}
	return NULL;
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

/* Collects the tokens of phrase, its ideographs cut into words. */
static void
phrase_ids(const struct bt_align_dict *d, const char *phrase,
	   struct id_list *l)
{
	size_t len = strlen(phrase);
	if (lexicon_has(&d->lexicon, phrase, len)) {
		/* One word of the lexicon: one token, found directly. */
		collect(l, phrase, len);
		return;
	}
	struct word_joiner j;
	word_joiner_init(&j, &d->lexicon, collect, l);
	bt_align_tokenize(phrase, len, word_joiner_token, &j);
	word_joiner_flush(&j);
	word_joiner_release(&j);
}

void
dict_links(const struct bt_align_dict *d, struct vocab *v, struct links *out)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct id_list s = { v, { 0 }, 0, 0 }, t = { v, { 0 }, 0, 0 };
		phrase_ids(d, d->v[i].src, &s);
		if (!s.n)
			continue;	/* not in the source document */
		phrase_ids(d, d->v[i].tgt, &t);
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
