/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing HTML back (the html filter's write hooks; the reader is html.c).
 *
 * The skeleton goes out as it is.  A unit's text is escaped for where it
 * goes, which the skeleton before it tells: after a '"', '\'' or '=' (and
 * spaces) it is an attribute value, double-quoted, single-quoted or
 * unquoted; otherwise element content.  Content escapes & < >; a quoted
 * value also its quote (&quot; &#39;); an unquoted value also " ' = `
 * and whitespace, and an empty one gets "" so that the next attribute does
 * not become its value.  The reader decodes exactly these references, so
 * a unit written with no translation is its source, byte for byte.  (The
 * reader makes the skeleton before a text unit end with a tag's '>',
 * whitespace, or nothing, never with a quote or '='.)
 *
 * When the document's encoding cannot hold a character of a translation
 * (Chinese into a windows-1252 page), it is written as a numeric character
 * reference, &#x4E2D;, rather than failing.
 *
 * Language: when the XLIFF names a target language, the lang (and
 * xml:lang) attribute of the <html> start tag is set to it (its quotes
 * kept), or a lang attribute added.  Only for a translated document: the
 * output is held back until the first unit with a translation, and the
 * tag rewritten then; a document with no translation in its first
 * megabyte keeps its lang (so extract + merge with no translations gives
 * the input back byte for byte).
 */
#include "system.h"

#include "filter/encodable.h"
#include "filter/encoding-decl.h"
#include "filter/filter.h"
#include "filter/html-internal.h"
#include "core/buf.h"
#include "core/output.h"
#include "core/xalloc.h"

/* How much output waits for a translation before lang is left alone. */
enum { HOLD_MAX = 1 << 20 };

struct html_writer {
	char last;		/* last non-space skeleton byte, or 0 */
	bool holding;		/* output held until a translated unit */
	struct bt_buf held;
	struct bt_buf unit;	/* a unit, rendered */
	struct bt_buf tmp;
	struct bt_encodable *enc;	/* a legacy encoding's, or NULL */
	/* merge --encoding: the skeleton with the page's charset set. */
	struct bt_buf decl;
	bool started;		/* the first skeleton text has come */
	bool declared;		/* a <meta> charset has been set */
};

/* ---- escaping ---------------------------------------------------------- */

static void
escape(struct bt_buf *out, const char *s, size_t n, enum html_context cx)
{
	size_t done = 0;
	for (size_t i = 0; i < n; i++) {
		const char *ref = NULL;
		switch (s[i]) {
		case '&': ref = "&amp;"; break;
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '"':
			if (cx == HTML_CX_DQ || cx == HTML_CX_UNQ)
				ref = "&quot;";
			break;
		case '\'':
			if (cx == HTML_CX_SQ || cx == HTML_CX_UNQ)
				ref = "&#39;";
			break;
		case '=':
			if (cx == HTML_CX_UNQ)
				ref = "&#61;";
			break;
		case '`':
			if (cx == HTML_CX_UNQ)
				ref = "&#96;";
			break;
		}
		if (!ref)
			continue;
		bt_buf_add(out, s + done, i - done);
		bt_buf_addstr(out, ref);
		done = i + 1;
	}
	bt_buf_add(out, s + done, n - done);
}

/* escape() as bt_unit_render_escaped() wants it: cx points to the
 * context. */
static void
escape_in(void *cx, struct bt_buf *out, const char *s, size_t n)
{
	escape(out, s, n, *(const enum html_context *) cx);
}

/* The context the last skeleton byte gives the next unit. */
static enum html_context
context_after(char last)
{
	switch (last) {
	case '"': return HTML_CX_DQ;
	case '\'': return HTML_CX_SQ;
	case '=': return HTML_CX_UNQ;
	default: return HTML_CX_TEXT;
	}
}

static void
swap(struct bt_buf *a, struct bt_buf *b)
{
	struct bt_buf t = *a;
	*a = *b;
	*b = t;
}

/* An unquoted value: whitespace as references (only a translation, or
 * the space between two translated sentences, can have any), and "" for
 * an empty one. */
static void
fix_unquoted(struct html_writer *w)
{
	struct bt_buf *b = &w->unit;
	if (!b->len) {
		bt_buf_addstr(b, "\"\"");
		return;
	}
	size_t i = 0;
	while (i < b->len && !html_is_space((unsigned char) b->data[i]))
		i++;
	if (i == b->len)
		return;
	bt_buf_reset(&w->tmp);
	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char) b->data[i];
		if (html_is_space(c))
			bt_buf_addf(&w->tmp, "&#%u;", c);
		else
			bt_buf_addch(&w->tmp, (char) c);
	}
	swap(b, &w->tmp);
}

/* Characters the legacy encoding cannot hold become &#x...;. */
static void
refs_for_unencodable(struct html_writer *w)
{
	bt_buf_reset(&w->tmp);
	bt_encodable_refs(w->enc, &w->tmp, w->unit.data ? w->unit.data : "",
			  w->unit.len);
	swap(&w->unit, &w->tmp);
}
/* ---- the lang of <html> ------------------------------------------------ */

/* Appends value v as an attribute value quoted with q ('=': unquoted). */
static void
add_value(struct bt_buf *out, const char *v, char q)
{
	escape(out, v, strlen(v), q == '"' ? HTML_CX_DQ
	       : q == '\'' ? HTML_CX_SQ : HTML_CX_UNQ);
}

/*
 * Sets the lang and xml:lang attributes of the <html> start tag in
 * w->held to lang, or adds lang when it has neither.  Does nothing when
 * the held text does not start (after a doctype, comments and spaces)
 * with a whole <html> tag.
 */
static void
rewrite_lang(struct html_writer *w, const char *lang)
{
	const char *s = w->held.data;
	size_t n = w->held.len, p = 0;
	struct html_token t = { .attrs = NULL };
	while (p < n) {
		if (html_lex(s, p, n, false, HTML_LEX_CDATA, &t) != HTML_LEX_OK)
			break;
		if (t.kind == HTML_START
		    && html_name_is(s + t.name, t.name_len, "html")) {
			bt_buf_reset(&w->tmp);
			size_t done = 0;
			bool seen = false;
			for (size_t i = 0; i < t.n_attrs; i++) {
				const struct html_attr *a = &t.attrs[i];
				if (!html_name_is(s + a->name, a->name_len,
						  "lang")
				    && !html_name_is(s + a->name, a->name_len,
						     "xml:lang"))
					continue;
				seen = true;
				if (!a->quote) {
					size_t e = a->name + a->name_len;
					bt_buf_add(&w->tmp, s + done, e - done);
					bt_buf_addch(&w->tmp, '=');
					bt_buf_addch(&w->tmp, '"');
					add_value(&w->tmp, lang, '"');
					bt_buf_addch(&w->tmp, '"');
					done = e;
					continue;
				}
				bt_buf_add(&w->tmp, s + done, a->value - done);
				add_value(&w->tmp, lang, a->quote);
				done = a->value + a->value_len;
			}
			if (!seen) {
				size_t e = t.name + t.name_len;
				bt_buf_add(&w->tmp, s, e);
				bt_buf_addstr(&w->tmp, " lang=\"");
				add_value(&w->tmp, lang, '"');
				bt_buf_addch(&w->tmp, '"');
				done = e;
			}
			bt_buf_add(&w->tmp, s + done, n - done);
			swap(&w->held, &w->tmp);
			break;
		}
		bool blank = t.kind == HTML_TEXT
			&& strspn(s + t.start, " \t\n\r\f") >= t.end - t.start;
		if (t.kind == HTML_START || t.kind == HTML_END
		    || t.kind == HTML_REF || (t.kind == HTML_TEXT && !blank))
			break;
		p = t.end;
	}
	html_token_release(&t);
}

static bool
has_translation(const struct bt_unit *u)
{
	for (size_t i = 0; i < u->n_segments; i++)
		if (u->segments[i].target)
			return true;
	return false;
}

/* Writes the output held back, with lang set to target_lang unless it is
 * NULL. */
static int
release_held(struct html_writer *w, const char *target_lang,
	     struct bt_output *out, struct bt_error *err)
{
	w->holding = false;
	if (target_lang && *target_lang)
		rewrite_lang(w, target_lang);
	int rc = bt_output_write(out, w->held.data ? w->held.data : "",
				 w->held.len, err);
	bt_buf_release(&w->held);
	return rc;
}

/* ---- the charset, for merge --encoding ------------------------------------ */

/*
 * Sets text's declarations of the page's charset to enc, into w->decl:
 * an XML declaration at the start (XHTML) and every <meta> charset; a
 * page that has no <meta> charset gets one before the end of its head,
 * so that browsers do not read it in the old encoding.
 */
static void
declare_charset(struct html_writer *w, const char *enc, const char *text,
		size_t len)
{
	struct bt_buf tmp = BT_BUF_INIT;
	bt_buf_reset(&w->decl);
	if (!w->started) {
		w->started = true;
		bt_set_xml_encoding(&tmp, text, len, enc, false);
		text = tmp.data ? tmp.data : "";
		len = tmp.len;
	}
	size_t end = len;
	if (!w->declared) {
		/* Where the head ends: its end tag, or the body's start. */
		for (size_t i = 0; i < len; i++)
			if (text[i] == '<'
			    && (!strncasecmp(text + i, "</head", 6)
				|| !strncasecmp(text + i, "<body", 5))) {
				end = i;
				break;
			}
	}
	if (bt_set_meta_charset(&w->decl, text, end, enc))
		w->declared = true;
	if (end < len && !w->declared) {
		bt_buf_addstr(&w->decl, "<meta charset=\"");
		bt_buf_addstr(&w->decl, enc);
		bt_buf_addstr(&w->decl, "\">");
		w->declared = true;
	}
	if (end < len)
		bt_buf_add(&w->decl, text + end, len - end);
	bt_buf_release(&tmp);
}

/* ---- the hooks --------------------------------------------------------- */

void *
html_write_begin(const struct bt_document *doc)
{
	struct html_writer *w = bt_xcalloc(1, sizeof(*w));
	w->holding = doc->target_lang != NULL;
	w->enc = bt_encodable_new(doc->encoding);
	return w;
}

int
html_write_skeleton(void *state, const struct bt_document *doc,
		    const char *text, size_t len, struct bt_output *out,
		    struct bt_error *err)
{
	struct html_writer *w = state;
	if (doc->encoding_changed) {
		declare_charset(w, doc->encoding, text, len);
		text = w->decl.data ? w->decl.data : "";
		len = w->decl.len;
	}
	for (size_t i = len; i-- > 0;)
		if (!html_is_space((unsigned char) text[i])) {
			w->last = text[i];
			break;
		}
	if (w->holding) {
		bt_buf_add(&w->held, text, len);
		return w->held.len > HOLD_MAX
			? release_held(w, NULL, out, err) : 0;
	}
	return bt_output_write(out, text, len, err);
}

int
html_write_unit(void *state, const struct bt_document *doc,
		const struct bt_unit *u, struct bt_output *out,
		struct bt_error *err)
{
	struct html_writer *w = state;
	if (w->holding && has_translation(u)
	    && release_held(w, doc->target_lang, out, err) < 0)
		return -1;
	enum html_context cx = context_after(w->last);
	w->last = 0;
	bt_buf_reset(&w->unit);
	bt_unit_render_escaped(doc, u, escape_in, &cx, &w->unit);
	if (cx == HTML_CX_UNQ)
		fix_unquoted(w);
	if (w->enc)
		refs_for_unencodable(w);
	if (w->holding) {
		bt_buf_add(&w->held, w->unit.data, w->unit.len);
		return w->held.len > HOLD_MAX
			? release_held(w, NULL, out, err) : 0;
	}
	return bt_output_write(out, w->unit.data ? w->unit.data : "",
			       w->unit.len, err);
}

int
html_write_end(void *state, struct bt_output *out, struct bt_error *err)
{
	struct html_writer *w = state;
	int rc = 0;
	if (!w)
		return 0;
	if (out && w->holding)
		rc = release_held(w, NULL, out, err);
	bt_buf_release(&w->held);
	bt_buf_release(&w->unit);
	bt_buf_release(&w->tmp);
	bt_buf_release(&w->decl);
	bt_encodable_free(w->enc);
	free(w);
	return rc;
}
