/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One side of an alignment: the sentences of a document, in order, with
 * their paragraph numbers and inline codes.
 *
 * A side is read either through a filter and the segmenter (each unit a
 * paragraph, each segment a sentence, exactly as `bitext segment` lists
 * them) or as one sentence per line.  All sentence texts live in one
 * buffer, NUL-separated, and all codes in one array, so that a side of a
 * million sentences costs little more than its text.
 */
#include "system.h"
#include "align/align.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/xalloc.h"

struct sentence {
	size_t off;		/* into text */
	size_t len;
	uint32_t para;
	uint32_t n_codes;
	size_t code;		/* first code, into codes */
};

struct bt_align_side {
	char *path;		/* owned */
	char *lang;		/* owned */
	struct bt_buf text;	/* every sentence, each followed by NUL */
	struct sentence *sents;	/* owned */
	size_t n, cap;
	struct bt_code *codes;	/* owned, deep copies */
	size_t n_codes, cap_codes;
	size_t n_paras;
};

struct bt_align_side *
bt_align_side_new(const char *path, const char *lang)
{
	struct bt_align_side *s = bt_xcalloc(1, sizeof(*s));
	s->path = bt_xstrdup(path);
	s->lang = bt_xstrdup(lang);
	bt_buf_init(&s->text);
	return s;
}

void
bt_align_side_free(struct bt_align_side *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_codes; i++) {
		free(s->codes[i].type);
		free(s->codes[i].data);
		free(s->codes[i].display);
	}
	free(s->codes);
	free(s->sents);
	bt_buf_release(&s->text);
	free(s->path);
	free(s->lang);
	free(s);
}

static char *
dup_bytes(const char *p, size_t len)
{
	if (!p)
		return NULL;
	char *d = bt_xmalloc(len + 1);
	memcpy(d, p, len);
	d[len] = '\0';
	return d;
}

void
bt_align_side_add(struct bt_align_side *s, const char *text, size_t len,
		  const struct bt_code *codes, size_t n_codes,
		  bool new_paragraph)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->sents = bt_xreallocarray(s->sents, s->cap,
					    sizeof(*s->sents));
	}
	if (new_paragraph || !s->n_paras)
		s->n_paras++;
	struct sentence *t = &s->sents[s->n++];
	t->off = s->text.len;
	t->len = len;
	t->para = (uint32_t) (s->n_paras - 1);
	t->code = s->n_codes;
	t->n_codes = (uint32_t) n_codes;
	bt_buf_add(&s->text, text, len);
	bt_buf_addch(&s->text, '\0');
	if (s->n_codes + n_codes > s->cap_codes) {
		s->cap_codes = 2 * (s->n_codes + n_codes);
		s->codes = bt_xreallocarray(s->codes, s->cap_codes,
					    sizeof(*s->codes));
	}
	for (size_t k = 0; k < n_codes; k++) {
		struct bt_code *c = &s->codes[s->n_codes++];
		*c = codes[k];
		c->type = bt_xstrdup(codes[k].type);
		c->data = dup_bytes(codes[k].data, codes[k].data_len);
		c->display = bt_xstrdup(codes[k].display);
	}
}

size_t
bt_align_side_count(const struct bt_align_side *s)
{
	return s->n;
}

size_t
bt_align_side_paragraphs(const struct bt_align_side *s)
{
	return s->n_paras;
}

const char *
bt_align_side_path(const struct bt_align_side *s)
{
	return s->path;
}

const char *
bt_align_side_lang(const struct bt_align_side *s)
{
	return s->lang;
}

size_t
bt_align_side_paragraph_of(const struct bt_align_side *s, size_t i)
{
	return s->sents[i].para;
}

void
bt_align_side_sentence(const struct bt_align_side *s, size_t i,
		       struct bt_content *view)
{
	const struct sentence *t = &s->sents[i];
	bt_content_init(view);	/* a view: nothing of its own to grow */
	view->text = s->text.data + t->off;
	view->len = t->len;
	view->codes = t->n_codes ? s->codes + t->code : NULL;
	view->n_codes = t->n_codes;
}

/* ---- reading through a filter and the segmenter ---------------------------- */

struct side_reader {
	struct bt_align_side *side;
	struct bt_segmenter *seg;
};

static int
on_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	(void) ctx, (void) info, (void) err;
	return 0;
}

static int
on_skeleton(void *ctx, const char *text, size_t len, struct bt_error *err)
{
	(void) ctx, (void) text, (void) len, (void) err;
	return 0;
}

/* Adds the segments of u, each with the codes whose markers it holds. */
static int
on_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	struct side_reader *r = ctx;
	if (bt_segmenter_split(r->seg, u, err) < 0) {
		bt_unit_free(u);
		return -1;
	}
	size_t code = 0, pos = 0;
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *g = &u->segments[i];
		code += bt_content_count_codes(&u->source, pos, g->start);
		size_t n = bt_content_count_codes(&u->source, g->start,
						  g->end);
		bt_align_side_add(r->side, u->source.text + g->start,
				  g->end - g->start,
				  n ? u->source.codes + code : NULL, n, i == 0);
		code += n;
		pos = g->end;
	}
	bt_unit_free(u);
	return 0;
}

int
bt_align_side_read(struct bt_align_side *s, const struct bt_filter *f,
		   const struct bt_filter_options *opt,
		   struct bt_segmenter *seg, struct bt_error *err)
{
	struct side_reader r = { s, seg };
	struct bt_sink sink = { on_begin, on_skeleton, on_unit, &r };
	return f->read(s->path, opt, &sink, err);
}

/* ---- reading one sentence per line ----------------------------------------- */

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Adds the line p[0..len), trimmed; a blank line only ends a paragraph. */
static void
add_line(struct bt_align_side *s, const char *p, size_t len, bool *new_para)
{
	while (len && is_blank((unsigned char) p[0]))
		p++, len--;
	while (len && is_blank((unsigned char) p[len - 1]))
		len--;
	if (!len) {
		*new_para = true;
		return;
	}
	if (!memmem(p, len, "\xEF\xB7", 2)) {
		bt_align_side_add(s, p, len, NULL, 0, *new_para);
	} else {
		/* Noncharacters in the input become codes, as in filters. */
		struct bt_content c;
		bt_content_init(&c);
		bt_content_add_text(&c, p, len);
		bt_align_side_add(s, c.text, c.len, c.codes, c.n_codes,
				  *new_para);
		bt_content_release(&c);
	}
	*new_para = false;
}

int
bt_align_side_read_lines(struct bt_align_side *s, const char *encoding,
			 struct bt_error *err)
{
	struct bt_input *in = bt_input_open(s->path, encoding, err);
	if (!in)
		return -1;
	struct bt_buf buf = BT_BUF_INIT;
	bool new_para = true;
	size_t start = 0;
	int rc = 0;
	for (;;) {
		bt_buf_grow(&buf, 1 << 16);
		ssize_t got = bt_input_read(in, buf.data + buf.len, 1 << 16,
					    err);
		if (got < 0) {
			rc = -1;
			break;
		}
		if (got == 0)
			break;
		size_t scan = buf.len;
		buf.len += (size_t) got;
		buf.data[buf.len] = '\0';
		char *nl;
		while ((nl = memchr(buf.data + scan, '\n', buf.len - scan))) {
			size_t end = (size_t) (nl - buf.data);
			add_line(s, buf.data + start, end - start, &new_para);
			start = scan = end + 1;
		}
		bt_buf_consume(&buf, start);
		start = 0;
	}
	if (rc == 0 && buf.len)
		add_line(s, buf.data, buf.len, &new_para);
	bt_buf_release(&buf);
	bt_input_free(in);
	return rc;
}
