/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Inside the JSON filter: what json.c (the reader and its walk),
 * json-write.c (the writer), json-scan.c (the lexer and the shapes of
 * i18n files), json-string.c (string escapes) and json-inline.c
 * (placeholders and markup as inline codes) share.  Not an API for
 * anything else.
 *
 * A JSON string goes through three steps on its way into a unit:
 *
 *	raw bytes between the quotes   "Hi <b>{{name}}<\/b>\u00e9"
 *	  | bt_json_string_decode()      escapes decoded, each one remembered
 *	decoded text                   Hi <b>{{name}}</b>é
 *	  | bt_json_find_codes()         spans of placeholders and tags
 *	  | bt_json_add_content()        text, and codes holding raw bytes
 *	content                        Hi [<b>][{{name}}][<\/b>][\u00e9]
 *
 * Codes always hold the raw bytes (escapes and all), so that the writer
 * puts them back as they were; only text goes through bt_json_escape().
 */
#ifndef BT_FILTER_JSON_H
#define BT_FILTER_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/strmap.h"
#include "doc/content.h"
#include "filter/filter.h"

/* --- json-scan.c: valid JSON text s[0..n), followed by a NUL ----------- */

/* Skips white space from s[i], counting line breaks into *line. */
size_t bt_json_skip_ws(const char *s, size_t i, long *line);
/* The offset of the closing quote of the string opened at s[q]. */
size_t bt_json_string_end(const char *s, size_t n, size_t q);
/* Skips the value at s[i] (no white space before it); returns the offset
 * after it, counting the line breaks inside into *line. */
size_t bt_json_skip_value(const char *s, size_t n, size_t i, long *line);

/*
 * The members of an object, by the offsets of their keys' quotes:
 *
 *	for (k = bt_json_first_member(s, n, obj); k != SIZE_MAX;
 *	     k = bt_json_next_member(s, n, k))
 *		... bt_json_member_value(s, n, k) ...
 *
 * obj is the offset of the object's '{' (anything else has no members).
 */
size_t bt_json_first_member(const char *s, size_t n, size_t obj);
size_t bt_json_next_member(const char *s, size_t n, size_t key);
/* The offset of the value of the member whose key is at s[key]. */
size_t bt_json_member_value(const char *s, size_t n, size_t key);
/* Whether the key at s[key], decoded, is name. */
bool bt_json_key_is(const char *s, size_t n, size_t key, const char *name);
/* The offset of the value of member name of the object at s[obj], or
 * SIZE_MAX. */
size_t bt_json_find_member(const char *s, size_t n, size_t obj,
			   const char *name);
/* The string at s[v], decoded (up to a NUL), or NULL when s[v] is not a
 * string (v may be SIZE_MAX).  Caller frees. */
char *bt_json_string_dup(const char *s, size_t n, size_t v);

/* The layouts of i18n files the reader knows beyond nested keys. */
enum bt_json_shape {
	BT_JSON_PLAIN,
	BT_JSON_CHROME,		/* {"k": {"message", "description"}} */
	BT_JSON_ANGULAR,	/* {"locale": ..., "translations": {...}} */
	BT_JSON_ARB,		/* Flutter: "@@locale", "@key" metadata */
};

/* The shape of the file path whose text is s[0..n); sets *root to the
 * offset of the top-level value. */
enum bt_json_shape bt_json_shape_of(const char *path, const char *s,
				    size_t n, size_t *root);
/* Maps each member "@key" of the object at s[root] from "key" to the
 * offset of its value (ARB metadata). */
void bt_json_index_metadata(const char *s, size_t n, size_t root,
			    struct bt_strmap *map);
/* Adds the notes of the metadata object at s[meta] (SIZE_MAX for none)
 * to u: its "description", and its "placeholders" listed (Chrome's
 * "content" or ARB's "type", and "example"). */
void bt_json_add_metadata_notes(struct bt_unit *u, const char *s, size_t n,
				size_t meta, bool chrome);

/* --- json-write.c ---------------------------------------------------- */

/* The write hooks of bt_filter_json (see filter.h). */
void *bt_json_write_begin(const struct bt_document *doc);
int bt_json_write_skeleton(void *state, const struct bt_document *doc,
			   const char *text, size_t len, struct bt_output *out,
			   struct bt_error *err);
int bt_json_write_unit(void *state, const struct bt_document *doc,
		       const struct bt_unit *u, struct bt_output *out,
		       struct bt_error *err);
int bt_json_write_end(void *state, struct bt_output *out,
		      struct bt_error *err);

/* --- json-string.c --------------------------------------------------- */

/*
 * How a file writes its strings, as far as the writer must copy it
 * (kept in bt_doc_info.settings as "ascii", "upper", "slash").
 */
enum bt_json_style {
	BT_JSON_ASCII = 1 << 0,	/* every non-ASCII character as \uXXXX */
	BT_JSON_UPPER = 1 << 1,	/* \u escapes in upper-case hex */
	BT_JSON_SLASH = 1 << 2,	/* every '/' as \/ (PHP's json_encode) */
};

/*
 * Decides the style of the JSON text s[0..n) (known valid) from how all
 * its strings, keys included, are written:
 *  - ASCII when no string holds a raw non-ASCII character and at least
 *    one holds a \u escape of one (Python's ensure_ascii, Java, PHP);
 *  - SLASH when no string holds a raw '/' and at least one holds \/;
 *  - UPPER when more \u escapes have upper-case hex letters than lower.
 */
unsigned bt_json_detect_style(const char *s, size_t n);

/* One escape sequence of a decoded string. */
struct bt_json_escape {
	size_t dpos, dlen;	/* what it decodes to, in the decoded text */
	size_t rpos, rlen;	/* the escape itself, in the raw string */
	bool keep;		/* the writer would not write it so: a code */
};

/* A decoded string.  Initialise with BT_JSON_STRING_INIT. */
struct bt_json_string {
	const char *text;	/* decoded; borrowed from raw or from buf */
	size_t len;
	struct bt_buf buf;	/* the decoded text, when it had escapes */
	struct bt_json_escape *esc;	/* owned; in text order */
	size_t n_esc, cap_esc;
};

#define BT_JSON_STRING_INIT { NULL, 0, BT_BUF_INIT, NULL, 0, 0 }

/*
 * Decodes raw[0..len), the inside of a valid JSON string, into js (whose
 * earlier contents are dropped).  An escape is marked keep when the
 * writer, following style, would write its character otherwise: \/
 * without BT_JSON_SLASH, \u00e9 without BT_JSON_ASCII, \u0041, \u000a,
 * hex digits in the other case; and \u0000, code markers (content.h),
 * U+FFFE and U+FFFF, which unit text must not hold.  js->text borrows raw
 * when raw holds no escape, so raw must outlive the use of js.
 */
void bt_json_string_decode(struct bt_json_string *js, const char *raw,
			   size_t len, unsigned style);
void bt_json_string_release(struct bt_json_string *js);
/* The offset in the raw string of offset pos of js's decoded text. */
size_t bt_json_raw_offset(const struct bt_json_string *js, size_t pos);

/*
 * Appends text[0..len) to out as a JSON string's inside, written in
 * style: " \ and control characters escaped (\n \t \r \b \f, else
 * \u00XX), '/' as \/ with BT_JSON_SLASH, non-ASCII as \uXXXX (surrogate
 * pairs beyond the BMP) with BT_JSON_ASCII.
 */
void bt_json_escape(struct bt_buf *out, const char *text, size_t len,
		    unsigned style);
/* bt_json_escape() as bt_unit_render_escaped() wants it: style points to
 * the unsigned style. */
void bt_json_escape_styled(void *style, struct bt_buf *out, const char *text,
			   size_t len);

/* --- json-inline.c --------------------------------------------------- */

/* Flags of bt_json_find_codes(). */
enum bt_json_codes_flags {
	BT_JSON_CHROME_CODES = 1 << 0,	/* $1..$9 and $$ are codes too */
};

/* A placeholder or tag found in decoded text. */
struct bt_json_span {
	size_t start, end;	/* in the decoded text */
	enum bt_code_kind kind;	/* the halves of a pair are partners */
	size_t partner;		/* SIZE_MAX for a standalone code */
	const char *type;	/* static: "fmt", "ui", "link"... or NULL */
	int code_id;		/* set by bt_json_add_content() */
};

struct bt_json_spans {
	struct bt_json_span *v;	/* owned */
	size_t n, cap;
	size_t *stack;		/* owned; scratch for pairing tags */
	size_t n_stack, cap_stack;
};

/*
 * Fills spans (emptied first) with the inline codes of the decoded text
 * s[0..n), in order and not overlapping: interpolations ({name}, {0},
 * {{count}}, {{- var}}, ${x}, Angular's {$INTERPOLATION}), nesting
 * ($t(key), Vue's @:key), printf conversions (%s %d %1$s %(name)s %%),
 * Chrome's $NAME$, HTML tags and entities, and the structure of ICU
 * plural/select messages, whose sub-message texts stay text.  Tags that
 * match (<b>...</b>, {$START_X}...{$CLOSE_X}) become pairs; the others
 * standalone codes.
 */
void bt_json_find_codes(const char *s, size_t n, unsigned flags,
			struct bt_json_spans *spans);
void bt_json_spans_release(struct bt_json_spans *spans);

/*
 * Whether the decoded text js->text[t0..t1) holds anything outside the
 * spans but white space: a string of placeholders alone is not worth a
 * unit.
 */
bool bt_json_has_text(const struct bt_json_string *js, size_t t0, size_t t1,
		      const struct bt_json_spans *spans);

/*
 * Appends js->text[t0..t1) to c: the text between the spans as text,
 * but escapes marked keep as standalone codes (their display is the
 * character), and so are raw U+FFFE and U+FFFF; each span as a code
 * holding its raw bytes, taken from raw (the string js was decoded
 * from).
 */
void bt_json_add_content(struct bt_content *c, const struct bt_json_string *js,
			 const char *raw, size_t t0, size_t t1,
			 struct bt_json_spans *spans);

#endif /* BT_FILTER_JSON_H */
