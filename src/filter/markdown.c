/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Markdown filter: CommonMark with GitHub's tables, strikethrough,
 * task lists and bare-URL autolinks, parsed by MD4C.
 *
 * Units are the blocks that hold running text: paragraphs (in block
 * quotes and list items too, and the text of a tight list item), ATX and
 * setext headings, and table cells; and in raw HTML blocks, the text
 * between block-level tags (a <summary>, a <p align="center">).  Code
 * blocks, thematic breaks, link reference definitions and every block's
 * markers (`#`, `>`, `- `, `|`, `[ ]`) are skeleton.  Inside a unit, emphasis,
 * links, images, code spans, autolinks, raw HTML, escapes, entities and
 * hard breaks are inline codes; see markdown-inline.c.
 *
 * The file is read whole (MD4C needs it so) and decoded to UTF-8.  MD4C
 * gives no positions for blocks or spans, only pointers into our buffer
 * for text; so each unit is the range of bytes from its first markup to
 * its last, found from those pointers, and the skeleton is exactly the
 * bytes between units.  The round trip is lossless by construction: a
 * unit holds every byte of its range once, as text or code data.
 *
 * Line breaks inside a unit are the text "\n" when the next line starts
 * with the prefix derived from the unit's first line ("> " in a block
 * quote, spaces under a list marker); the writer puts that prefix back
 * after every "\n" of the unit, the translator's own line breaks too, so
 * sentences and lines can move freely without breaking the structure.
 * A CR LF file keeps "\n" in units and says "crlf" in the document's
 * settings; the writer writes CR LF.
 *
 * Translated text is written as it is, with no escaping: translators
 * write Markdown.  Front matter is read apart (markdown-front.c): only
 * the values of the keys given with --md-front-matter are units.
 *
 * Bad input: invalid UTF-8, a NUL byte (Markdown is text) and front
 * matter that is never closed are errors with their line.
 */
#include "system.h"

#include <md4c.h>

#include "filter/filter.h"
#include "filter/markdown.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/xalloc.h"

#define MARKDOWN_FILTER_VERSION "1"

/* MD4C takes sizes as unsigned int; a larger file is refused. */
enum { MAX_FILE = 1 << 30, CHUNK = 1 << 16 };

static int
markdown_probe(const char *path, const char *head, size_t len)
{
	static const char *const exts[] = {
		".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn",
	};
	size_t n = strlen(path);
	for (size_t i = 0; i < BT_ARRAY_SIZE(exts); i++) {
		size_t e = strlen(exts[i]);
		if (n > e && !strcasecmp(path + n - e, exts[i]))
			return 90;
	}
	/* A file that opens with an ATX heading, as READMEs do. */
	if (len > 2 && head[0] == '#' && (head[1] == ' ' || (head[1] == '#'
							 && head[2] == ' ')))
		return 30;
	return 0;
}

/* --- events --------------------------------------------------------------- */

void
md_events_reset(struct md_events *ev)
{
	ev->n = 0;
	bt_buf_reset(&ev->strs);
}

void
md_events_release(struct md_events *ev)
{
	free(ev->v);
	ev->v = NULL;
	ev->n = ev->cap = 0;
	bt_buf_release(&ev->strs);
}

struct md_event *
md_events_add(struct md_events *ev, enum md_event_kind kind, unsigned type)
{
	if (ev->n == ev->cap) {
		ev->cap = ev->cap ? 2 * ev->cap : 64;
		ev->v = bt_xreallocarray(ev->v, ev->cap, sizeof(*ev->v));
	}
	struct md_event *e = &ev->v[ev->n++];
	*e = (struct md_event){ (unsigned char) kind, (unsigned char) type,
				0, 0, 0, 0 };
	return e;
}

/* --- reading -------------------------------------------------------------- */

int
md_reader_skeleton(struct md_reader *r, size_t end)
{
	if (end <= r->done)
		return 0;
	size_t from = r->done;
	r->done = end;
	return r->sink->skeleton(r->sink->ctx, r->buf + from, end - from,
				 r->err);
}

int
md_reader_emit(struct md_reader *r, size_t start, size_t end,
	       struct bt_unit *u)
{
	if (start < r->done || end <= start || end > r->len) {
		bt_unit_free(u);
		return 0;
	}
	if (md_reader_skeleton(r, start) < 0) {
		bt_unit_free(u);
		return -1;
	}
	bt_unit_ids_assign(r->ids, u);
	bt_unit_set_one_segment(u);
	r->done = end;
	return r->sink->unit(r->sink->ctx, u, r->err);
}

void
md_prefix_of(const char *tail, size_t len, struct bt_buf *out)
{
	bt_buf_reset(out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) tail[i];
		if (c == '>' || c == '\t')
			bt_buf_addch(out, (char) c);
		else if ((c & 0xC0) != 0x80)	/* one space a character */
			bt_buf_addch(out, ' ');
	}
}

/* What MD4C reports while it parses the body. */
struct md_parse {
	struct md_reader *r;
	struct md_events ev;		/* of the block being read */
	unsigned char *blocks;		/* owned; open MD_BLOCKTYPEs */
	size_t depth, cap;
	bool collecting;		/* inline events make a unit */
	size_t html_start, html_end;	/* of the raw HTML block read */
	int rc;
};

/* Makes the collected events a unit and hands it on.  Non-zero stops
 * MD4C. */
static int
flush(struct md_parse *m)
{
	if (!m->collecting)
		return 0;
	m->collecting = false;
	size_t start = 0, end = 0;
	struct bt_unit *u = md_inline_unit(m->r, &m->ev, &start, &end);
	md_events_reset(&m->ev);
	if (u && md_reader_emit(m->r, start, end, u) < 0) {
		m->rc = -1;
		return 1;
	}
	return 0;
}

/* Hands on the units of the raw HTML block just read. */
static int
flush_html(struct md_parse *m)
{
	size_t pos = m->html_start, start = 0, end = 0;
	struct bt_unit *u;
	while (pos < m->html_end
	       && (u = md_html_unit(m->r, &pos, m->html_end, &start, &end)))
		if (md_reader_emit(m->r, start, end, u) < 0) {
			m->rc = -1;
			return 1;
		}
	m->html_start = m->html_end = 0;
	return 0;
}

static int
on_enter_block(MD_BLOCKTYPE type, void *detail, void *ctx)
{
	struct md_parse *m = ctx;
	(void) detail;
	if (flush(m))
		return 1;
	if (m->depth == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->blocks = bt_xrealloc(m->blocks, m->cap);
	}
	m->blocks[m->depth++] = (unsigned char) type;
	m->collecting = type == MD_BLOCK_P || type == MD_BLOCK_H
		|| type == MD_BLOCK_TH || type == MD_BLOCK_TD;
	m->html_start = SIZE_MAX;
	m->html_end = 0;
	return 0;
}

static int
on_leave_block(MD_BLOCKTYPE type, void *detail, void *ctx)
{
	struct md_parse *m = ctx;
	(void) detail;
	if (flush(m) || (type == MD_BLOCK_HTML && flush_html(m)))
		return 1;
	if (m->depth)
		m->depth--;
	return 0;
}

/* Whether inline events belong to a unit now: in a leaf block, or right
 * in a list item (a tight list has no paragraphs). */
static bool
collect(struct md_parse *m)
{
	if (!m->collecting && m->depth
	    && m->blocks[m->depth - 1] == MD_BLOCK_LI)
		m->collecting = true;
	return m->collecting;
}

/* Adds a span event, with the link's target for the translator. */
static int
span_event(struct md_parse *m, enum md_event_kind kind, MD_SPANTYPE type,
	   void *detail)
{
	if (!collect(m))
		return 0;
	struct md_event *e = md_events_add(&m->ev, kind, type);
	const MD_ATTRIBUTE *target = NULL;
	if (type == MD_SPAN_A)
		target = &((MD_SPAN_A_DETAIL *) detail)->href;
	else if (type == MD_SPAN_IMG)
		target = &((MD_SPAN_IMG_DETAIL *) detail)->src;
	if (kind == MD_EV_LEAVE && target && target->size) {
		e->str = m->ev.strs.len;
		e->str_len = target->size;
		bt_buf_add(&m->ev.strs, target->text, target->size);
	}
	return 0;
}

static int
on_enter_span(MD_SPANTYPE type, void *detail, void *ctx)
{
	return span_event(ctx, MD_EV_ENTER, type, detail);
}

static int
on_leave_span(MD_SPANTYPE type, void *detail, void *ctx)
{
	return span_event(ctx, MD_EV_LEAVE, type, detail);
}

static int
on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ctx)
{
	struct md_parse *m = ctx;
	const struct md_reader *r = m->r;
	/* Compared as numbers: MD4C's own strings are elsewhere. */
	uintptr_t p = (uintptr_t) text, lo = (uintptr_t) r->buf;
	bool ours = p >= lo && p + size <= lo + r->len;
	if (ours && type == MD_TEXT_HTML && m->depth
	    && m->blocks[m->depth - 1] == MD_BLOCK_HTML) {
		size_t start = (size_t) (p - lo);
		if (start < m->html_start)
			m->html_start = start;
		if (start + size > m->html_end)
			m->html_end = start + size;
		return 0;
	}
	if (!collect(m))
		return 0;
	enum md_event_kind kind = type == MD_TEXT_BR ? MD_EV_BR
		: type == MD_TEXT_SOFTBR ? MD_EV_SOFTBR
		: ours ? MD_EV_TEXT : MD_EV_STATIC;
	struct md_event *e = md_events_add(&m->ev, kind, type);
	if (kind == MD_EV_TEXT) {
		e->start = (size_t) (p - lo);
		e->end = e->start + size;
	}
	return 0;
}

/* Reads buf[body..len) with MD4C, handing on units and skeleton. */
static int
read_body(struct md_reader *r, size_t body)
{
	struct md_parse m = { .r = r };
	MD_PARSER parser = {
		.abi_version = 0,
		.flags = MD_DIALECT_GITHUB,
		.enter_block = on_enter_block,
		.leave_block = on_leave_block,
		.enter_span = on_enter_span,
		.leave_span = on_leave_span,
		.text = on_text,
	};
	int rc = md_parse(r->buf + body, (MD_SIZE) (r->len - body), &parser,
			  &m);
	if (rc == 0 && flush(&m))
		rc = 1;
	md_events_release(&m.ev);
	free(m.blocks);
	if (m.rc < 0)
		return -1;
	if (rc != 0)
		return bt_error_set(r->err, BT_ELIMIT, r->path,
				    _("the Markdown parser ran out of "
				      "memory"));
	return md_reader_skeleton(r, r->len);
}

/* The line of byte offset of the file at path, or 0 if unknown. */
static long
line_of_offset(const char *path, long long offset)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : NULL;
	if (!fp)
		return 0;
	long line = 1;
	for (long long i = 0; i < offset; i++) {
		int c = getc(fp);
		if (c == EOF)
			break;
		line += c == '\n';
	}
	fclose(fp);
	return line;
}

/* Reads the whole input into buf. */
static int
read_all(struct bt_input *in, const char *path, struct bt_buf *buf,
	 struct bt_error *err)
{
	for (;;) {
		bt_buf_grow(buf, CHUNK);
		ssize_t got = bt_input_read(in, buf->data + buf->len, CHUNK,
					    err);
		if (got < 0) {
			if (err && err->code == BT_EENCODING
			    && err->offset >= 0
			    && !strcmp(bt_input_encoding(in), "UTF-8"))
				bt_error_at_line(err, line_of_offset(
						 path, err->offset));
			return -1;
		}
		if (got == 0)
			return 0;
		buf->len += (size_t) got;
		buf->data[buf->len] = '\0';
		if (buf->len > MAX_FILE)
			return bt_error_set(err, BT_ELIMIT, path,
					    _("a Markdown file larger than "
					      "%d MB"), MAX_FILE >> 20);
	}
}

/* Refuses a NUL byte, with its line and column. */
static int
check_nul(const char *path, const char *buf, size_t len,
	  struct bt_error *err)
{
	const char *nul = memchr(buf, '\0', len);
	if (!nul)
		return 0;
	long line = 1;
	const char *bol = buf;
	for (const char *p = buf; p < nul; p++)
		if (*p == '\n') {
			line++;
			bol = p + 1;
		}
	bt_error_set(err, BT_ESYNTAX, path,
		     _("a NUL byte at column %ld: a Markdown file is text"),
		     (long) (nul - bol) + 1);
	bt_error_at_line(err, line);
	bt_error_at_offset(err, nul - buf);
	return -1;
}

/* Whether the file's first line ends with CR LF. */
static bool
first_eol_crlf(const char *buf, size_t len)
{
	const char *nl = memchr(buf, '\n', len);
	return nl && nl > buf && nl[-1] == '\r';
}

static int
markdown_read(const char *path, const struct bt_filter_options *opt,
	      const struct bt_sink *sink, struct bt_error *err)
{
	struct bt_input *in = bt_input_open(path, opt->encoding, err);
	if (!in)
		return -1;
	struct bt_buf buf = BT_BUF_INIT;
	int rc = read_all(in, path, &buf, err);
	if (rc == 0)
		rc = check_nul(bt_input_path(in), buf.data, buf.len, err);
	struct md_reader r = {
		.path = bt_input_path(in), .sink = sink, .err = err,
		.ids = bt_unit_ids_new(), .buf = bt_buf_cstr(&buf),
		.len = buf.len, .crlf = first_eol_crlf(buf.data, buf.len),
	};
	struct md_front_matter fm = { 0 };
	if (rc == 0)
		rc = md_front_matter_scan(&r, &fm);
	if (rc == 0 && sink->begin) {
		const char *settings = r.crlf
			? (fm.toml ? "crlf toml" : "crlf")
			: (fm.toml ? "toml" : NULL);
		struct bt_doc_info info = { bt_input_encoding(in),
					    bt_input_has_bom(in), fm.lang,
					    settings };
		rc = sink->begin(sink->ctx, &info, err);
	}
	if (rc == 0)
		rc = md_front_matter_read(&r, &fm, opt->md_front_matter);
	if (rc == 0)
		rc = read_body(&r, fm.end);
	free(fm.lang);
	bt_unit_ids_free(r.ids);
	bt_buf_release(&buf);
	bt_input_free(in);
	return rc;
}

/* --- writing -------------------------------------------------------------- */

bool
md_unit_translated(const struct bt_unit *u)
{
	for (size_t i = 0; i < u->n_segments; i++)
		if (u->segments[i].target)
			return true;
	return false;
}

/* What the writer keeps while it writes one document. */
struct md_writer {
	struct bt_buf tail;	/* skeleton since the last line break */
	struct bt_buf prefix;	/* md_prefix_of(tail) */
	struct bt_buf unit;	/* the unit being rendered */
	bool crlf, toml;
};

/* Whether the document's settings hold word. */
static bool
has_setting(const char *settings, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = settings; p && (p = strstr(p, word)); p += n)
		if ((p == settings || p[-1] == ' ')
		    && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

static void *
markdown_write_begin(const struct bt_document *doc)
{
	struct md_writer *w = bt_xcalloc(1, sizeof(*w));
	w->crlf = has_setting(doc->settings, "crlf");
	w->toml = has_setting(doc->settings, "toml");
	return w;
}

static int
markdown_write_end(void *state, struct bt_output *out, struct bt_error *err)
{
	struct md_writer *w = state;
	(void) out, (void) err;
	if (!w)
		return 0;
	bt_buf_release(&w->tail);
	bt_buf_release(&w->prefix);
	bt_buf_release(&w->unit);
	free(w);
	return 0;
}

static int
markdown_write_skeleton(void *state, const struct bt_document *doc,
			const char *text, size_t len, struct bt_output *out,
			struct bt_error *err)
{
	struct md_writer *w = state;
	(void) doc;
	const char *nl = len ? memrchr(text, '\n', len) : NULL;
	if (nl) {
		bt_buf_reset(&w->tail);
		bt_buf_add(&w->tail, nl + 1, len - (size_t) (nl + 1 - text));
	} else {
		bt_buf_add(&w->tail, text, len);
	}
	return bt_output_write(out, text, len, err);
}

/* Text of a body unit: every line break gets the line end of the file
 * and the prefix of the unit's lines. */
static void
body_text(void *ctx, struct bt_buf *out, const char *text, size_t len)
{
	const struct md_writer *w = ctx;
	const char *nl;
	while ((nl = memchr(text, '\n', len))) {
		size_t n = (size_t) (nl - text);
		bt_buf_add(out, text, n);
		bt_buf_add(out, w->crlf ? "\r\n" : "\n", w->crlf ? 2 : 1);
		if (w->prefix.len)
			bt_buf_add(out, w->prefix.data, w->prefix.len);
		text += n + 1;
		len -= n + 1;
	}
	bt_buf_add(out, text, len);
}

static int
markdown_write_unit(void *state, const struct bt_document *doc,
		    const struct bt_unit *u, struct bt_output *out,
		    struct bt_error *err)
{
	struct md_writer *w = state;
	int rc = 0;
	bt_buf_reset(&w->unit);
	if (u->name) {
		int before = w->tail.len ? w->tail.data[w->tail.len - 1] : 0;
		rc = md_front_render(doc, u, before, w->toml, &w->unit, err);
	} else {
		md_prefix_of(w->tail.data, w->tail.len, &w->prefix);
		bt_unit_render_escaped(doc, u, body_text, w, &w->unit);
	}
	bt_buf_reset(&w->tail);
	if (rc < 0)
		return -1;
	return bt_output_write(out, w->unit.data, w->unit.len, err);
}

const struct bt_filter bt_filter_markdown = {
	.name = "markdown",
	.version = MARKDOWN_FILTER_VERSION,
	.summary = N_("Markdown (CommonMark and GitHub tables): paragraphs, "
		      "headings, list items and table cells"),
	.probe = markdown_probe,
	.read = markdown_read,
	.write_skeleton = markdown_write_skeleton,
	.write_unit = markdown_write_unit,
	.write_begin = markdown_write_begin,
	.write_end = markdown_write_end,
};
