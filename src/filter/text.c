/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The plain-text filter.
 *
 * A unit is a paragraph.  Paragraphs end at a blank line (two line breaks
 * with only spaces between them), at a form feed, and at a run of two or
 * more ideographic spaces (U+3000): Chinese web text often has no line
 * breaks at all and starts each paragraph with "　　" instead.  Whitespace
 * around a paragraph, the indentation included, is skeleton; a single line
 * break inside a paragraph is part of its text.
 *
 * The reader streams: it holds one paragraph (and the whitespace after it)
 * at a time, so memory does not grow with the file.
 */
#include "system.h"
#include "filter/filter.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/xalloc.h"

#define TEXT_FILTER_VERSION "1"

/* A paragraph longer than this is refused rather than eating memory. */
enum { MAX_PARAGRAPH = 256 << 20, CHUNK = 1 << 16 };

static int
text_probe(const char *path, const char *head, size_t len)
{
	(void) head;
	(void) len;
	size_t n = strlen(path);
	if (n > 4 && !strcasecmp(path + n - 4, ".txt"))
		return 50;
	return 1;	/* anything can be read as text */
}

/* Length of the whitespace character at s[0..n), 0 if none.  Only the
 * characters that shape paragraphs count: ASCII blanks and U+3000. */
static size_t
space_len(const unsigned char *s, size_t n)
{
	switch (s[0]) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
		return 1;
	case 0xE3:
		return n >= 3 && s[1] == 0x80 && s[2] == 0x80 ? 3 : 0;
	default:
		return 0;
	}
}

/* Whether the whitespace run s[0..n) separates two paragraphs. */
static int
is_paragraph_break(const unsigned char *s, size_t n)
{
	int breaks = 0, ideographic = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == 0xE3) {		/* U+3000 */
			if (++ideographic >= 2)
				return 1;
			i += 2;
			continue;
		}
		ideographic = 0;
		if (s[i] == '\f')
			return 1;
		if (s[i] == '\n' || (s[i] == '\r'
				     && (i + 1 == n || s[i + 1] != '\n')))
			if (++breaks >= 2)
				return 1;
	}
	return 0;
}

/* Length of the whitespace character that ends just before s[pos], not
 * looking before s[lo]; 0 if none. */
static size_t
space_before(const unsigned char *s, size_t pos, size_t lo)
{
	if (pos > lo && space_len(s + pos - 1, 1))
		return 1;
	if (pos >= lo + 3 && space_len(s + pos - 3, 3) == 3)
		return 3;
	return 0;
}

/* Bytes that can start a paragraph break: line ends, form feed, and the
 * first byte of U+3000.  Inside a paragraph only these need a look. */
static const unsigned char may_break[256] = {
	['\n'] = 1, ['\r'] = 1, ['\f'] = 1, [0xE3] = 1,
};

/*
 * The first index >= i where may_break[] holds, or n.  Eight bytes at a
 * time (the has-zero-byte trick), since this loop sees every byte of
 * every paragraph.
 */
static size_t
skip_to_may_break(const unsigned char *s, size_t i, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
#define HAS_BYTE(w, b) ((((w) ^ (ones * (b))) - ones) & ~((w) ^ (ones * (b))) & highs)
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		/* Any control character (\n \r \f among them) or 0xE3. */
		if ((((w & ~highs) - ones * 0x20) & ~w & highs)
		    | HAS_BYTE(w, 0xE3))
			break;
		i += 8;
	}
#undef HAS_BYTE
	while (i < n && !may_break[s[i]])
		i++;
	return i;
}

struct text_reader {
	const struct bt_sink *sink;
	struct bt_unit_ids *ids;
	struct bt_buf buf;	/* decoded text; buf[0..start) handed on */
	size_t start;		/* what is not handed on starts here */
	size_t scan;		/* buf[start..scan) is examined */
	int in_unit;		/* buf[start..] starts with a paragraph */
	const char *path;
};

static int
emit_unit(struct text_reader *r, size_t end, struct bt_error *err)
{
	struct bt_unit *u = bt_unit_new();
	bt_content_add_text(&u->source, r->buf.data + r->start,
			    end - r->start);
	bt_unit_ids_assign(r->ids, u);
	bt_unit_set_one_segment(u);
	r->start = end;
	return r->sink->unit(r->sink->ctx, u, err);
}

static int
emit_skeleton(struct text_reader *r, size_t end, struct bt_error *err)
{
	size_t from = r->start;
	r->start = end;
	if (end == from)
		return 0;
	return r->sink->skeleton(r->sink->ctx, r->buf.data + from, end - from,
				 err);
}

/*
 * Hands on what buf holds up to the last decision that can be made
 * without seeing more text; at_eof says there is no more.
 */
static int
process(struct text_reader *r, int at_eof, struct bt_error *err)
{
	const unsigned char *s = (const unsigned char *) r->buf.data;
	size_t n = r->buf.len;
	size_t i = r->scan;

	while (i < n) {
		size_t w;
		if (!r->in_unit) {
			if ((w = space_len(s + i, n - i))) {
				i += w;
				continue;
			}
			/* A paragraph starts: hand on the skeleton first. */
			if (emit_skeleton(r, i, err) < 0)
				return -1;
			r->in_unit = 1;
			continue;
		}
		i = skip_to_may_break(s, i, n);
		if (i == n)
			break;
		if (!(w = space_len(s + i, n - i))) {
			i++;	/* a CJK character other than U+3000 */
			continue;
		}
		/* The whitespace run around it: where does it start and end
		 * (which may need more text)? */
		size_t run = i, end = i;
		while ((w = space_before(s, run, r->start)))
			run -= w;
		while (end < n && (w = space_len(s + end, n - end)))
			end += w;
		if (end == n && !at_eof) {
			i = run;
			break;
		}
		if (end == n || is_paragraph_break(s + run, end - run)) {
			if (emit_unit(r, run, err) < 0)
				return -1;
			r->in_unit = 0;
		}
		i = end;
	}
	r->scan = i;
	if (at_eof) {
		if (r->in_unit) {
			/* Trailing blanks at the very end are skeleton. */
			size_t run = n, w;
			while ((w = space_before(s, run, r->start)))
				run -= w;
			if (emit_unit(r, run, err) < 0)
				return -1;
		}
		return emit_skeleton(r, n, err);
	}
	/* A long run of whitespace: hand it on in pieces. */
	if (!r->in_unit && r->scan == n && emit_skeleton(r, n, err) < 0)
		return -1;
	if (n - r->start > MAX_PARAGRAPH)
		return bt_error_set(err, BT_ELIMIT, r->path,
				    _("a paragraph is longer than %d MB"),
				    MAX_PARAGRAPH >> 20);
	/* Keep only what is not handed on: one move per chunk read. */
	memmove(r->buf.data, r->buf.data + r->start, n - r->start);
	r->buf.len = n - r->start;
	r->scan -= r->start;
	r->start = 0;
	return 0;
}

static int
text_read(const char *path, const struct bt_filter_options *opt,
	  const struct bt_sink *sink, struct bt_error *err)
{
	struct bt_input *in = bt_input_open(path, opt->encoding, err);
	if (!in)
		return -1;
	struct text_reader r = { sink, bt_unit_ids_new(), BT_BUF_INIT, 0, 0,
				 0, bt_input_path(in) };
	struct bt_doc_info info = { bt_input_encoding(in),
				    bt_input_has_bom(in), NULL, NULL };
	int rc = sink->begin ? sink->begin(sink->ctx, &info, err) : 0;
	while (rc == 0) {
		bt_buf_grow(&r.buf, CHUNK);
		ssize_t got = bt_input_read(in, r.buf.data + r.buf.len, CHUNK,
					    err);
		if (got < 0) {
			rc = -1;
			break;
		}
		r.buf.len += (size_t) got;
		r.buf.data[r.buf.len] = '\0';
		rc = process(&r, got == 0, err);
		if (got == 0)
			break;
	}
	bt_buf_release(&r.buf);
	bt_unit_ids_free(r.ids);
	bt_input_free(in);
	return rc;
}

/* Plain text needs no escaping: skeleton and units go out as they are. */
static int
text_write_skeleton(void *state, const struct bt_document *doc,
		    const char *text, size_t len, struct bt_output *out,
		    struct bt_error *err)
{
	(void) state, (void) doc;
	return bt_output_write(out, text, len, err);
}

static int
text_write_unit(void *state, const struct bt_document *doc,
		const struct bt_unit *u, struct bt_output *out,
		struct bt_error *err)
{
	(void) state;
	struct bt_buf b = BT_BUF_INIT;
	bt_unit_render(doc, u, &b);
	int rc = bt_output_write(out, bt_buf_cstr(&b), b.len, err);
	bt_buf_release(&b);
	return rc;
}

const struct bt_filter bt_filter_text = {
	.name = "text",
	.version = TEXT_FILTER_VERSION,
	.summary = N_("plain text: paragraphs by blank lines and "
		      "ideographic indentation"),
	.probe = text_probe,
	.read = text_read,
	.write_skeleton = text_write_skeleton,
	.write_unit = text_write_unit,
};
