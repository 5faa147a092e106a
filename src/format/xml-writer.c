/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xmlTextWriter on top of struct bt_output; see xml-writer.h.
 */
#include "system.h"
#include "format/xml-writer.h"
#include "core/xalloc.h"

static int
write_cb(void *ctx, const char *buf, int len)
{
	struct bt_xml_writer *xw = ctx;
	if (xw->io_err.code != BT_OK)
		return -1;
	if (bt_output_write(xw->out, buf, (size_t) len, &xw->io_err) < 0)
		return -1;
	return len;
}

static int
close_cb(void *ctx)
{
	(void) ctx;
	return 0;
}

void
bt_xml_writer_init(struct bt_xml_writer *xw, struct bt_output *out,
		   int indent)
{
	struct bt_error init = BT_ERROR_INIT;
	xw->out = out;
	xw->io_err = init;
	bt_buf_init(&xw->escaped);
	xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(write_cb, close_cb,
							 xw, NULL);
	if (!buf)
		BT_BUG("cannot create an XML output buffer");
	xw->w = xmlNewTextWriter(buf);
	if (!xw->w)
		BT_BUG("cannot create an XML writer");
	if (indent) {
		xmlTextWriterSetIndent(xw->w, 1);
		xmlTextWriterSetIndentString(xw->w, BAD_CAST "  ");
	}
}

int
bt_xml_writer_check(struct bt_xml_writer *xw, int rc, struct bt_error *err)
{
	if (rc >= 0)
		return 0;
	if (xw->io_err.code != BT_OK) {
		bt_error_set(err, xw->io_err.code, xw->io_err.file, "%s",
			     xw->io_err.msg);
		return -1;
	}
	return bt_error_set(err, BT_EIO, NULL, _("cannot write XML"));
}

int
bt_xml_writer_finish(struct bt_xml_writer *xw, struct bt_error *err)
{
	int rc = xmlTextWriterEndDocument(xw->w);
	if (rc >= 0)
		rc = xmlTextWriterFlush(xw->w);
	rc = bt_xml_writer_check(xw, rc, err);
	bt_xml_writer_release(xw);
	return rc;
}

void
bt_xml_writer_release(struct bt_xml_writer *xw)
{
	if (xw->w)
		xmlFreeTextWriter(xw->w);
	xw->w = NULL;
	bt_error_release(&xw->io_err);
	bt_buf_release(&xw->escaped);
}

int
bt_xml_char_ok(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD
		|| (c >= 0x20 && c <= 0xD7FF)
		|| (c >= 0xE000 && c <= 0xFFFD)
		|| (c >= 0x10000 && c <= 0x10FFFF);
}

/* Decodes the UTF-8 character at s (valid UTF-8 assumed); sets *len. */
static uint32_t
decode(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80)
		return *len = 1, s[0];
	if (s[0] < 0xE0)
		return *len = 2, ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	if (s[0] < 0xF0)
		return *len = 3, ((uint32_t) (s[0] & 0x0F) << 12)
			| ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return *len = 4, ((uint32_t) (s[0] & 0x07) << 18)
		| ((uint32_t) (s[1] & 0x3F) << 12)
		| ((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Eight bytes at a time: whether any is &, <, > or CR. */
static bool
may_need_escape(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	static const unsigned char specials[] = { '&', '<', '>', '\r' };
	uint64_t w, hit = 0;
	memcpy(&w, s, 8);
	for (size_t k = 0; k < sizeof(specials); k++) {
		uint64_t x = w ^ (ones * specials[k]);
		hit |= (x - ones) & ~x & highs;
	}
	return hit != 0;
}

void
bt_xml_escape(struct bt_buf *b, const char *text, size_t len)
{
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		while (i + 8 <= len && !may_need_escape(text + i))
			i += 8;
		if (i >= len)
			break;
		const char *esc;
		switch (text[i]) {
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '&': esc = "&amp;"; break;
		case '\r': esc = "&#13;"; break;
		default: continue;
		}
		bt_buf_add(b, text + done, i - done);
		bt_buf_addstr(b, esc);
		done = i + 1;
	}
	bt_buf_add(b, text + done, len - done);
}

/* Eight bytes at a time: whether any is below 0x20 or above 0x7F, the
 * only bytes next_bad_char() must decode. */
static bool
may_be_bad(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w;
	memcpy(&w, s, 8);
	return ((((w - ones * 0x20) & ~w) | w) & highs) != 0;
}

/*
 * The offset of the first character at or after text[i] that XML 1.0
 * cannot carry, or len; its code point and length go to *c and *n.
 */
static size_t
next_bad_char(const char *text, size_t len, size_t i, uint32_t *c,
	      size_t *n)
{
	const unsigned char *s = (const unsigned char *) text;
	while (i < len) {
		if (i + 8 <= len && !may_be_bad(s + i)) {
			i += 8;
			continue;
		}
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		*c = decode(s + i, n);
		if (!bt_xml_char_ok(*c))
			return i;
		i += *n;
	}
	return len;
}

static int
bad_char_error(uint32_t c, struct bt_error *err)
{
	return bt_error_set(err, BT_EINVALID, NULL, _("character U+%04X "
			    "cannot be written in XML"), (unsigned) c);
}

/*
 * Writes text[0..len) as character data, escaped by hand and written raw:
 * libxml2's own escaping allocates a copy per call, which showed up as
 * the largest cost of extract.
 */
static int
write_escaped(struct bt_xml_writer *xw, const char *text, size_t len,
	      struct bt_error *err)
{
	bt_buf_reset(&xw->escaped);
	bt_xml_escape(&xw->escaped, text, len);
	if (!xw->escaped.len)
		return 0;
	return bt_xml_writer_check(xw, xmlTextWriterWriteRawLen(xw->w,
			BAD_CAST xw->escaped.data, (int) xw->escaped.len), err);
}

int
bt_xml_write_text(struct bt_xml_writer *xw, const char *text, size_t len,
		  int (*bad_char)(void *ctx, uint32_t c), void *ctx,
		  struct bt_error *err)
{
	size_t done = 0, i, n;
	uint32_t c;
	while ((i = next_bad_char(text, len, done, &c, &n)) < len) {
		if (i > done && write_escaped(xw, text + done, i - done,
					      err) < 0)
			return -1;
		if (!bad_char)
			return bad_char_error(c, err);
		if (bad_char(ctx, c) < 0)
			return bt_xml_writer_check(xw, -1, err);
		done = i + n;
	}
	return len > done ? write_escaped(xw, text + done, len - done, err)
			  : 0;
}

/* The bytes bt_xml_escape_attr() stops at: what it escapes, and NUL. */
static const bool attr_stop[256] = {
	[0] = true, ['<'] = true, ['>'] = true, ['&'] = true, ['"'] = true,
	['\t'] = true, ['\n'] = true, ['\r'] = true,
};

void
bt_xml_escape_attr(struct bt_buf *b, const char *v)
{
	const char *done = v;
	for (;; v++) {
		while (!attr_stop[(unsigned char) *v])
			v++;
		if (!*v)
			break;
		const char *esc;
		switch (*v) {
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '&': esc = "&amp;"; break;
		case '"': esc = "&quot;"; break;
		case '\t': esc = "&#9;"; break;
		case '\n': esc = "&#10;"; break;
		case '\r': esc = "&#13;"; break;
		default: continue;	/* not reached: see attr_stop */
		}
		bt_buf_add(b, done, (size_t) (v - done));
		bt_buf_addstr(b, esc);
		done = v + 1;
	}
	bt_buf_add(b, done, (size_t) (v - done));
}

/* --- serialising by hand ------------------------------------------- */

void
bt_xml_emit_init(struct bt_xml_emit *e, struct bt_buf *b, size_t outer,
		 bool tag_open)
{
	*e = (struct bt_xml_emit){
		.b = b, .outer = outer, .tag_open = tag_open,
		.indent = true, .doindent = true,
	};
}

void
bt_xml_emit_release(struct bt_xml_emit *e)
{
	free(e->open);
	e->open = NULL;
	e->n_open = e->cap_open = 0;
}

/* The writer's indentation: two spaces for each open element but one. */
static void
emit_indentation(struct bt_xml_emit *e)
{
	static const char spaces[] = "                                ";
	size_t n = 2 * (e->outer + e->n_open - 1);
	for (; n > sizeof(spaces) - 1; n -= sizeof(spaces) - 1)
		bt_buf_add(e->b, spaces, sizeof(spaces) - 1);
	bt_buf_add(e->b, spaces, n);
}

void
bt_xml_emit_start(struct bt_xml_emit *e, const char *name)
{
	if (e->tag_open)
		bt_buf_addstr(e->b, e->indent ? ">\n" : ">");
	if (e->n_open == e->cap_open) {
		e->cap_open = e->cap_open ? 2 * e->cap_open : 16;
		e->open = bt_xreallocarray(e->open, e->cap_open,
					   sizeof(*e->open));
	}
	e->open[e->n_open++] = name;
	if (e->indent)
		emit_indentation(e);
	bt_buf_addch(e->b, '<');
	bt_buf_addstr(e->b, name);
	e->tag_open = true;
}

void
bt_xml_emit_attr(struct bt_xml_emit *e, const char *name, const char *value)
{
	bt_buf_addch(e->b, ' ');
	bt_buf_addstr(e->b, name);
	bt_buf_addstr(e->b, "=\"");
	bt_xml_escape_attr(e->b, value);
	bt_buf_addch(e->b, '"');
}

void
bt_xml_emit_end(struct bt_xml_emit *e)
{
	if (!e->n_open)
		BT_BUG("an end tag with no element open");
	if (e->tag_open) {
		bt_buf_addstr(e->b, "/>");
		if (e->indent)
			e->doindent = true;
	} else {
		if (e->indent && e->doindent)
			emit_indentation(e);
		e->doindent = true;
		bt_buf_addstr(e->b, "</");
		bt_buf_addstr(e->b, e->open[e->n_open - 1]);
		bt_buf_addch(e->b, '>');
	}
	if (e->indent)
		bt_buf_addch(e->b, '\n');
	e->n_open--;
	e->tag_open = false;
}

/* What the writer does before raw text: close a pending start tag, and
 * leave the next end tag where the text ends. */
static void
begin_text(struct bt_xml_emit *e)
{
	if (e->tag_open)
		bt_buf_addch(e->b, '>');
	e->tag_open = false;
	if (e->indent)
		e->doindent = false;
}

void
bt_xml_emit_raw(struct bt_xml_emit *e, const char *s, size_t len)
{
	if (!len)
		return;
	begin_text(e);
	bt_buf_add(e->b, s, len);
}

void
bt_xml_emit_indent(struct bt_xml_emit *e, bool on)
{
	e->indent = on;
	e->doindent = true;
}

/* Escaped text, as write_escaped() hands it to the writer. */
static void
emit_escaped(struct bt_xml_emit *e, const char *text, size_t len)
{
	if (!len)
		return;
	begin_text(e);
	bt_xml_escape(e->b, text, len);
}

int
bt_xml_emit_text(struct bt_xml_emit *e, const char *text, size_t len,
		 int (*bad_char)(void *ctx, uint32_t c), void *ctx,
		 struct bt_error *err)
{
	size_t done = 0, i, n;
	uint32_t c;
	while ((i = next_bad_char(text, len, done, &c, &n)) < len) {
		emit_escaped(e, text + done, i - done);
		if (!bad_char)
			return bad_char_error(c, err);
		if (bad_char(ctx, c) < 0)
			return -1;
		done = i + n;
	}
	emit_escaped(e, text + done, len - done);
	return 0;
}
