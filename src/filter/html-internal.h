/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the files of the HTML filter share (not an API of the library):
 *
 *	html-lex.c	the tokenizer, after the HTML tokenization rules,
 *			with byte positions for everything it returns;
 *			character references; the charset prescan
 *	html-tags.c	what the filter knows of each element
 *	html-entities.c	the named character references (generated)
 *	html.c		the reader: blocks and inlines, units, skeleton
 *	html-write.c	the writer: escaping by context, lang of <html>
 *
 * The tokenizer works on UTF-8 text in memory and never allocates but for
 * a token's attribute list.  It is told whether the text it sees goes on
 * (eof false): then a token cut by the end of the text is "more needed",
 * and at the real end of the text it is "truncated".
 */
#ifndef BT_FILTER_HTML_INTERNAL_H
#define BT_FILTER_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* ---- named character references (html-entities.c) ------------------ */

struct html_entity {
	const char *name;	/* without '&' and ';' */
	const char *value;	/* UTF-8 */
	int legacy;		/* also recognised without the ';' */
};

extern const struct html_entity html_entities[];	/* sorted by name */
extern const size_t html_n_entities;

/* ---- tokens (html-lex.c) -------------------------------------------- */

enum html_tok_kind {
	HTML_TEXT,	/* character data: no '&', no markup */
	HTML_REF,	/* '&' and the character reference it starts, if any */
	HTML_START,	/* <name attr...> */
	HTML_END,	/* </name ...> */
	HTML_COMMENT,	/* <!-- ... -->, <!-->, <!---> */
	HTML_DOCTYPE,	/* <!DOCTYPE ...> */
	HTML_CDATA,	/* <![CDATA[ ... ]]> (XHTML and foreign content) */
	HTML_BOGUS,	/* <? ...>, <! ...>, </ ...>, </> */
};

struct html_attr {
	size_t name, name_len;	/* offsets into the text lexed */
	size_t value, value_len;	/* the value between its quotes */
	char quote;	/* '"', '\'', '=' (unquoted value) or 0 (no value) */
};

struct html_token {
	enum html_tok_kind kind;
	size_t start, end;	/* the token is text[start..end) */
	size_t name, name_len;	/* HTML_START, HTML_END: the tag name */
	bool self_closing;	/* "/>" */
	struct html_attr *attrs;	/* owned, reused from token to token */
	size_t n_attrs, cap_attrs;
	char ref[8];		/* HTML_REF: the character(s), UTF-8 */
	size_t ref_len;		/* 0: the '&' starts no reference */
};

enum html_lex_result {
	HTML_LEX_TRUNCATED = -1,	/* the text ends inside the token */
	HTML_LEX_MORE = 0,		/* the token goes on past the text */
	HTML_LEX_OK = 1,
};

enum html_lex_flags {
	HTML_LEX_CDATA = 1,	/* <![CDATA[ opens a CDATA section */
	HTML_LEX_TEXT_ONLY = 2,	/* RCDATA: text and references only */
};

/*
 * Reads the token that starts at text[pos] (pos < len) into t.  The text
 * goes on past len unless eof.  Returns an enum html_lex_result; on
 * HTML_LEX_TRUNCATED, t->kind says what was cut.
 */
int html_lex(const char *text, size_t pos, size_t len, bool eof,
	     unsigned flags, struct html_token *t);

void html_token_release(struct html_token *t);

/*
 * The character reference that starts with the '&' at s[0] (n bytes
 * available, more to come unless eof).  Returns its length in bytes (1
 * for a '&' that starts none) with its UTF-8 value in out[0..*out_len)
 * (*out_len 0 for none), or 0 when more text is needed.  in_attr applies
 * the rule for attribute values: "&copy=" is no reference there.
 */
size_t html_ref_lex(const char *s, size_t n, bool eof, bool in_attr,
		    char out[8], size_t *out_len);

/*
 * Where the raw text or RCDATA of element `name` that starts at text[pos]
 * ends: the offset of the '<' of its end tag.  SIZE_MAX when the end tag
 * is not in text[pos..len): *more then says whether more text may hold it.
 */
size_t html_raw_end(const char *text, size_t pos, size_t len, bool eof,
		    const char *name, size_t name_len, bool *more);

/* Whether s[0..n) is lit (lower case ASCII), ignoring ASCII case. */
bool html_name_is(const char *s, size_t n, const char *lit);

static inline bool
html_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

enum { HTML_CHARSET_MAX = 40 };

/*
 * The encoding that the first bytes of a document declare, by the HTML
 * prescan (<meta charset>, <meta http-equiv=Content-Type content=
 * "...charset=...">) or an XML declaration: an iconv name (labels mapped
 * as browsers map them: iso-8859-1 reads as windows-1252, gb2312 as GBK),
 * or NULL when nothing usable is declared.  The name is a constant or
 * the label, upper case, in other (the caller's).
 */
const char *html_sniff_charset(const char *head, size_t len,
			       char other[HTML_CHARSET_MAX]);

/*
 * Where a unit goes back, which decides how its text is escaped: element
 * content (& < >), or an attribute value in double quotes (also "), in
 * single quotes (also '), or unquoted (also " ' = ` and whitespace, and
 * never empty).  The reader decodes exactly the references the writer
 * writes; html-write.c tells the context from the skeleton before a unit.
 */
enum html_context { HTML_CX_TEXT, HTML_CX_DQ, HTML_CX_SQ, HTML_CX_UNQ };

/* ---- elements (html-tags.c) ------------------------------------------ */

enum html_tag_flags {
	HT_VOID = 1 << 0,	/* has no content and no end tag */
	HT_BLOCK = 1 << 1,	/* ends the text before it: units break */
	HT_RAW = 1 << 2,	/* raw text (script, style...) */
	HT_RCDATA = 1 << 3,	/* text and references only (title...) */
	HT_OPAQUE = 1 << 4,	/* never translated: svg, math, template */
	HT_CLOSES_P = 1 << 5,	/* its start tag closes an open <p> */
	HT_FOREIGN = 1 << 6,	/* svg, math: XML-like content */
	HT_SCOPE = 1 << 7,	/* bounds the search for an end tag */
	HT_TABLE = 1 << 8,	/* table, tbody, thead, tfoot, tr */
};

/*
 * The elements the filter knows, sorted by name: X(name, flags, type of
 * the inline code it becomes).  Unknown and custom elements are inline.
 */
#define HTML_TAGS(X) \
	X(a, 0, "link") \
	X(abbr, 0, "fmt") \
	X(acronym, 0, "fmt") \
	X(address, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(applet, HT_BLOCK | HT_SCOPE, NULL) \
	X(area, HT_VOID | HT_BLOCK, NULL) \
	X(article, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(aside, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(audio, HT_BLOCK, NULL) \
	X(b, 0, "fmt") \
	X(base, HT_VOID | HT_BLOCK, NULL) \
	X(basefont, HT_VOID | HT_BLOCK, NULL) \
	X(bdi, 0, "fmt") \
	X(bdo, 0, "fmt") \
	X(bgsound, HT_VOID | HT_BLOCK, NULL) \
	X(big, 0, "fmt") \
	X(blink, 0, "fmt") \
	X(blockquote, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(body, HT_BLOCK, NULL) \
	X(br, HT_VOID, "lb") \
	X(button, HT_BLOCK, NULL) \
	X(canvas, HT_BLOCK, NULL) \
	X(caption, HT_BLOCK | HT_SCOPE, NULL) \
	X(center, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(cite, 0, "fmt") \
	X(code, 0, "fmt") \
	X(col, HT_VOID | HT_BLOCK, NULL) \
	X(colgroup, HT_BLOCK, NULL) \
	X(data, 0, "fmt") \
	X(datalist, HT_BLOCK, NULL) \
	X(dd, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(del, 0, "fmt") \
	X(details, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(dfn, 0, "fmt") \
	X(dialog, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(dir, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(div, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(dl, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(dt, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(em, 0, "fmt") \
	X(embed, HT_VOID, "image") \
	X(fieldset, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(figcaption, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(figure, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(font, 0, "fmt") \
	X(footer, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(form, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(frame, HT_VOID | HT_BLOCK, NULL) \
	X(frameset, HT_BLOCK, NULL) \
	X(h1, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(h2, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(h3, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(h4, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(h5, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(h6, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(head, HT_BLOCK, NULL) \
	X(header, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(hgroup, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(hr, HT_VOID | HT_BLOCK | HT_CLOSES_P, NULL) \
	X(html, HT_BLOCK | HT_SCOPE, NULL) \
	X(i, 0, "fmt") \
	X(iframe, HT_RAW | HT_OPAQUE, "other") \
	X(image, HT_VOID, "image") \
	X(img, HT_VOID, "image") \
	X(input, HT_VOID, "ui") \
	X(ins, 0, "fmt") \
	X(kbd, 0, "fmt") \
	X(keygen, HT_VOID, "ui") \
	X(label, HT_BLOCK, NULL) \
	X(legend, HT_BLOCK, NULL) \
	X(li, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(link, HT_VOID | HT_BLOCK, NULL) \
	X(listing, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(main, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(map, HT_BLOCK, NULL) \
	X(mark, 0, "fmt") \
	X(marquee, HT_BLOCK | HT_SCOPE, NULL) \
	X(math, HT_OPAQUE | HT_FOREIGN | HT_SCOPE, "other") \
	X(menu, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(meta, HT_VOID | HT_BLOCK, NULL) \
	X(meter, 0, "fmt") \
	X(nav, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(nobr, 0, "fmt") \
	X(noembed, HT_RAW | HT_OPAQUE, "other") \
	X(noframes, HT_RAW | HT_OPAQUE, "other") \
	X(noscript, HT_BLOCK, NULL) \
	X(object, HT_BLOCK | HT_SCOPE, NULL) \
	X(ol, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(optgroup, HT_BLOCK, NULL) \
	X(option, HT_BLOCK, NULL) \
	X(output, 0, "fmt") \
	X(p, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(param, HT_VOID | HT_BLOCK, NULL) \
	X(picture, 0, "image") \
	X(plaintext, HT_RAW | HT_OPAQUE | HT_CLOSES_P, "other") \
	X(pre, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(progress, 0, "fmt") \
	X(q, 0, "quote") \
	X(rb, 0, "fmt") \
	X(rp, 0, "fmt") \
	X(rt, 0, "fmt") \
	X(rtc, 0, "fmt") \
	X(ruby, 0, "fmt") \
	X(s, 0, "fmt") \
	X(samp, 0, "fmt") \
	X(script, HT_RAW | HT_OPAQUE, "other") \
	X(search, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(section, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(select, HT_BLOCK, NULL) \
	X(slot, 0, "fmt") \
	X(small, 0, "fmt") \
	X(source, HT_VOID, "image") \
	X(span, 0, "fmt") \
	X(strike, 0, "fmt") \
	X(strong, 0, "fmt") \
	X(style, HT_RAW | HT_OPAQUE, "other") \
	X(sub, 0, "fmt") \
	X(summary, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(sup, 0, "fmt") \
	X(svg, HT_OPAQUE | HT_FOREIGN | HT_SCOPE, "image") \
	X(table, HT_BLOCK | HT_CLOSES_P | HT_SCOPE | HT_TABLE, NULL) \
	X(tbody, HT_BLOCK | HT_TABLE, NULL) \
	X(td, HT_BLOCK | HT_SCOPE, NULL) \
	X(template, HT_OPAQUE | HT_SCOPE, "other") \
	X(textarea, HT_BLOCK | HT_RCDATA, NULL) \
	X(tfoot, HT_BLOCK | HT_TABLE, NULL) \
	X(th, HT_BLOCK | HT_SCOPE, NULL) \
	X(thead, HT_BLOCK | HT_TABLE, NULL) \
	X(time, 0, "fmt") \
	X(title, HT_BLOCK | HT_RCDATA, NULL) \
	X(tr, HT_BLOCK | HT_TABLE, NULL) \
	X(track, HT_VOID, "other") \
	X(tt, 0, "fmt") \
	X(u, 0, "fmt") \
	X(ul, HT_BLOCK | HT_CLOSES_P, NULL) \
	X(var, 0, "fmt") \
	X(video, HT_BLOCK, NULL) \
	X(wbr, HT_VOID, "fmt") \
	X(xmp, HT_RAW | HT_OPAQUE | HT_CLOSES_P, "other")

enum html_tag_id {
	HTML_UNKNOWN = 0,
#define HTML_TAG_ID(name, flags, type) HTML_TAG_##name,
	HTML_TAGS(HTML_TAG_ID)
#undef HTML_TAG_ID
};

struct html_tag_info {
	char name[12];		/* lower case, padded with NULs */
	unsigned flags;
	const char *type;	/* the inline code's type: "fmt", "link"... */
	enum html_tag_id id;
};

/* What the filter knows of element name[0..len) (any case), or NULL. */
const struct html_tag_info *html_tag_find(const char *name, size_t len);

/* ---- the writer's hooks (html-write.c) -------------------------------- */

struct bt_document;
struct bt_output;
struct bt_unit;
struct bt_error;

void *html_write_begin(const struct bt_document *doc);
int html_write_skeleton(void *state, const struct bt_document *doc,
			const char *text, size_t len, struct bt_output *out,
			struct bt_error *err);
int html_write_unit(void *state, const struct bt_document *doc,
		    const struct bt_unit *u, struct bt_output *out,
		    struct bt_error *err);
int html_write_end(void *state, struct bt_output *out, struct bt_error *err);

#endif /* BT_FILTER_HTML_INTERNAL_H */
