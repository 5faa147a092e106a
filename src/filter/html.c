/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The HTML / XHTML filter.
 *
 * Units.  Block elements (p, h1-h6, li, td, th, dt, dd, title, caption,
 * figcaption, option, label, button, legend, summary, div...) break the
 * text; what lies between two block tags is a "run" of text, character
 * references and inline elements (b, i, a, span, code, br, img...), and a
 * run with a letter or digit in it is a unit.  So the text of a div that
 * is not inside a block child is a unit too, one per stretch between its
 * children.  Unknown and custom elements are inline, as browsers show them.
 *
 * Inline codes.  Inline tags become codes holding their original bytes:
 * an opening tag and the closing tag that matches it in the unit share an
 * id; a tag without its partner in the unit, and void elements (br, img,
 * input, wbr), are standalone.  Types: "link" for a, "image" for img,
 * "lb" for br, "ui" for input, "quote" for q, "fmt" for the others.  A
 * comment, a script, an svg, or an inline element marked translate="no"
 * (or class="notranslate") inside a unit is one standalone code holding
 * the whole of it.
 *
 * Trimming.  The unit starts at its first and ends at its last piece of
 * content: whitespace, comments, scripts, void elements, tags whose
 * partner is outside the unit, and a pair of tags around the whole text
 * (<li><a href="...">Home</a></li>) stay in the skeleton.  Translators
 * see "Home", not two codes around it; character references and
 * translate="no" elements at the edges stay in the unit, as content.
 *
 * Not translated (kept in the skeleton): the doctype and comments between
 * blocks, script, style, template, svg and math content, elements with
 * translate="no" or class="notranslate" (translate="yes" below them turns
 * translation back on for a block element, not for an inline one, which
 * stays inside its ancestor's code).  pre is translated, its whitespace
 * kept as written.
 *
 * title and textarea hold text only (RCDATA): their tags are text too.
 *
 * Attributes.  alt, title, placeholder, aria-label, label (option,
 * optgroup, track), value (input type button, submit or reset) and the
 * content of <meta name="description|keywords|twitter:title|twitter:
 * description"> and <meta property="og:title|og:description"> are units
 * of their own when their element is in the skeleton: a block element, or
 * an inline one left out of any unit (trimmed, or in a run without text).
 * The attributes of an inline element inside a unit stay in its code,
 * untranslated: a limitation of inline codes, which carry no text.  Their
 * names are the block path, the element and the attribute:
 * "html/head/meta/@content".
 *
 * Escaping.  Text keeps the references the writer writes back: &amp;
 * &lt; &gt; decode to & < > (and &quot; in a double-quoted attribute
 * value, &#39; in a single-quoted one).  Every other reference (&nbsp;
 * &eacute; &#169; &#x4E2D;) and every raw character the writer would
 * escape (a '>' or a lone '&' in text) is a standalone code with the
 * original bytes, its character as display.  html-write.c escapes by the
 * context the skeleton gives each unit.
 *
 * Structure.  A stack of open elements with the implied end tags of HTML
 * (an open p closed by a block, li by li, dt/dd by dt/dd, option by
 * option, td/th/tr by the next cell or row; stray end tags ignored;
 * end tags found within their scope), enough to know where translate="no"
 * and foreign content end and to name units by their block element path
 * ("html/body/article/p").  Errors: a file that ends inside a tag, a
 * comment, a markup declaration or a raw text element; bytes invalid in
 * the encoding.  Both give the line and column.
 *
 * Encoding and language.  Without --encoding, the first 1024 bytes are
 * prescanned for <meta charset>, <meta http-equiv=Content-Type> or an XML
 * declaration (a byte-order mark wins; standard input, read once, is not
 * prescanned); the lang (or xml:lang) of <html> is the document's
 * language, which html-write.c sets to the target language.  XHTML
 * (.xhtml, an XML declaration, or the XHTML namespace on <html>) differs
 * only in that "/>" closes any element and <![CDATA[ opens a section;
 * foreign content (svg, math) too.
 *
 * Streaming.  The reader holds the text from the first byte not yet
 * handed on: one run (one paragraph) and what the tokenizer needs to end
 * the current token, so memory does not grow with the file.
 */
#include "system.h"

#include <fcntl.h>
#include <iconv.h>
#include <unictype.h>
#include <unistd.h>
#include <unistr.h>

#include "filter/filter.h"
#include "filter/html-internal.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/xalloc.h"

#define HTML_FILTER_VERSION "1"

enum {
	CHUNK = 1 << 16,
	MAX_PENDING = 256 << 20,	/* one paragraph, element, comment */
	MAX_DEPTH = 512,		/* open elements tracked */
	PAIR_REACH = 64,		/* open tags a closing tag looks at */
	WALK_REACH = 256,		/* entries an end tag looks at */
	SNIFF_BYTES = 1024,		/* prescanned for a charset */
	PRESCAN_MAX = 1 << 20,		/* looked at for <html lang> */
	DISPLAY_MAX = 40,		/* text an opaque code shows, bytes */
};

enum item_kind { IT_TEXT, IT_REF, IT_OPEN, IT_CLOSE, IT_VOID, IT_OPAQUE };

/* A piece of a run: what becomes text or one inline code. */
struct item {
	size_t start, end;	/* absolute offsets of its bytes */
	size_t name, name_len;	/* tags: absolute offset of the name */
	size_t partner;		/* the other tag of a pair; SIZE_MAX */
	const struct html_tag_info *tag;	/* NULL if unknown */
	enum item_kind kind;
	bool content;		/* IT_OPAQUE: translate="no" text */
	int code_id;		/* IT_OPEN: the id its pair got */
};

/* An open element. */
struct elem {
	const struct html_tag_info *tag;	/* NULL if unknown */
	enum html_tag_id id;
	char name[32];		/* lower case, cut to 31 bytes */
	size_t len;		/* of the whole name */
	bool translate;
	bool foreign;		/* inside svg or math */
};

struct reader {
	const char *path;	/* for messages */
	const char *file;	/* as opened ("-" for stdin) */
	const struct bt_sink *sink;
	struct bt_input *in;
	struct bt_unit_ids *ids;
	/* The text: buf.data[0] is at absolute offset base. */
	struct bt_buf buf;
	size_t base;
	size_t pos;		/* the next token starts here */
	size_t sk;		/* skeleton not handed on starts here */
	bool eof;
	long line0, col0;	/* line, characters before base on it */
	/* Structure. */
	struct elem *stack;
	size_t depth, cap_stack;
	size_t opaque;		/* opaque element's depth + 1; 0: none */
	size_t opaque_start;	/* where that element starts */
	bool opaque_inline;	/* it is a translate="no" inline element */
	size_t rc_end;		/* RCDATA ends here; SIZE_MAX: none */
	bool xhtml;
	/* The run. */
	struct item *items;
	size_t n_items, cap_items;
	struct bt_buf run_name;	/* see block_path() */
	bool path_ready;
	/* Scratch. */
	struct html_token tok, tok2;
	struct bt_buf text, name;
	size_t *pairs;
	size_t cap_pairs;
};

/* ---- small helpers ---------------------------------------------------- */

static inline const char *
at(const struct reader *r, size_t abs)
{
	return r->buf.data + (abs - r->base);
}

static bool
all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!html_is_space((unsigned char) s[i]))
			return false;
	return true;
}

/* Whether s[0..n) holds a letter or a digit, references decoded. */
static bool
has_word(const char *s, size_t n, bool in_attr)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char) s[i];
		if (c == '&') {
			char out[8];
			size_t out_len;
			size_t len = html_ref_lex(s + i, n - i, true, in_attr,
						  out, &out_len);
			if (out_len && has_word(out, out_len, false))
				return true;
			i += len;
		} else if (c < 0x80) {
			if ((unsigned char) ((c | 0x20) - 'a') < 26
			    || (unsigned char) (c - '0') < 10)
				return true;
			i++;
		} else {
			ucs4_t uc;
			int len = u8_mbtouc(&uc, (const uint8_t *) s + i,
					    n - i);
			if (uc_is_alnum(uc))
				return true;
			i += (size_t) len;
		}
	}
	return false;
}

/* Appends the name s[0..n) to b in lower case. */
static void
add_lower(struct bt_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		bt_buf_addch(b, (char) (c >= 'A' && c <= 'Z' ? c | 0x20 : c));
	}
}

/* The value of attribute `name` of tag t (lexed in s), or NULL. */
static const char *
attr_value(const char *s, const struct html_token *t, const char *name,
	   size_t *len)
{
	for (size_t i = 0; i < t->n_attrs; i++)
		if (html_name_is(s + t->attrs[i].name, t->attrs[i].name_len,
				 name)) {
			*len = t->attrs[i].value_len;
			return s + t->attrs[i].value;
		}
	return NULL;
}

/* Whether s[0..n) is word among whitespace-separated words (a class). */
static bool
has_class(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word), i = 0;
	while (i < n) {
		while (i < n && html_is_space((unsigned char) s[i]))
			i++;
		size_t j = i;
		while (j < n && !html_is_space((unsigned char) s[j]))
			j++;
		if (j - i == w && !strncasecmp(s + i, word, w))
			return true;
		i = j;
	}
	return false;
}

/* 1 if tag t says translate="no" (or class="notranslate"), -1 if it says
 * translate="yes", else 0. */
static int
translate_attr(const char *s, const struct html_token *t)
{
	size_t n;
	const char *v = attr_value(s, t, "translate", &n);
	if (v && html_name_is(v, n, "no"))
		return 1;
	const char *c = attr_value(s, t, "class", &n);
	if (c && has_class(c, n, "notranslate"))
		return 1;
	if (v && (n == 0 || html_name_is(v, n, "yes")))
		return -1;
	return 0;
}

/* ---- lines and columns ------------------------------------------------- */

/* Characters (not continuation bytes) in s[0..n). */
static long
count_chars(const char *s, size_t n)
{
	long c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char) s[i] & 0xC0) != 0x80;
	return c;
}

/* Line and column (from 1) of absolute offset abs, in the buffer. */
static void
locate(const struct reader *r, size_t abs, long *line, long *col)
{
	const char *s = r->buf.data;
	size_t n = abs - r->base, line_start = 0;
	bool new_line = false;
	*line = r->line0;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t) (p - s)));
	     p++) {
		++*line;
		line_start = (size_t) (p - s) + 1;
		new_line = true;
	}
	*col = (new_line ? 0 : r->col0)
		+ count_chars(s + line_start, n - line_start) + 1;
}

/* Moves line0/col0 past the first n bytes of the buffer. */
static void
count_lines(struct reader *r, size_t n)
{
	long line, col;
	locate(r, r->base + n, &line, &col);
	r->line0 = line;
	r->col0 = col - 1;
}

/* Fills err for a file that ends inside the token at abs. */
static int
truncated_at(struct reader *r, size_t abs, const char *what,
	     struct bt_error *err)
{
	long line, col;
	locate(r, abs, &line, &col);
	bt_error_set(err, BT_ESYNTAX, r->path,
		     _("the file ends inside %s that starts at line %ld, "
		       "column %ld"), what, line, col);
	bt_error_at_line(err, line);
	bt_error_at_offset(err, (long long) abs);
	return -1;
}

/* The same for raw text or RCDATA whose end tag never comes. */
static int
truncated_element(struct reader *r, const struct html_token *t,
		  const struct html_tag_info *tag, struct bt_error *err)
{
	char what[64];
	snprintf(what, sizeof(what), _("a <%s> element"), tag->name);
	return truncated_at(r, r->base + t->start, what, err);
}

static int
truncated(struct reader *r, const struct html_token *t, struct bt_error *err)
{
	const char *what;
	switch (t->kind) {
	case HTML_START:
	case HTML_END:
		what = _("a tag");
		break;
	case HTML_COMMENT:
		what = _("a comment");
		break;
	case HTML_CDATA:
		what = _("a CDATA section");
		break;
	default:
		what = _("a markup declaration");
		break;
	}
	return truncated_at(r, r->base + t->start, what, err);
}

/*
 * The column of the bytes at the end of line[0..n) of a file in encoding
 * enc: characters, the line decoded; bytes if it does not decode.
 */
static long
column_of(const char *line, size_t n, const char *enc)
{
	if (!strcmp(enc, "UTF-8"))
		return count_chars(line, n) + 1;
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t) -1)
		return (long) n + 1;
	char out[4096];
	char *in = (char *) line;
	size_t left = n;
	long col = 1;
	while (left) {
		char *o = out;
		size_t room = sizeof(out);
		size_t rc = iconv(cd, &in, &left, &o, &room);
		col += count_chars(out, (size_t) (o - out));
		if (rc == (size_t) -1 && errno != E2BIG) {
			col += (long) left;	/* cannot tell: bytes */
			break;
		}
	}
	iconv_close(cd);
	return col;
}

/*
 * Rewrites an encoding error (which names a byte offset in the file) to
 * name the line and column of the bad bytes as well.
 */
static void
locate_bad_bytes(struct reader *r, struct bt_error *err)
{
	if (err->code != BT_EENCODING || err->offset < 0
	    || !strcmp(r->file, "-"))
		return;
	const char *enc = bt_input_encoding(r->in);
	if (!strncasecmp(enc, "UTF-16", 6) || !strncasecmp(enc, "UTF-32", 6))
		return;		/* lines are not bytes there */
	int fd = open(r->file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	long long offset = err->offset, done = 0;
	long line = 1;
	char chunk[4096];
	struct bt_buf tail = BT_BUF_INIT;	/* the bad line up to it */
	while (done < offset) {
		size_t want = offset - done < (long long) sizeof(chunk)
			? (size_t) (offset - done) : sizeof(chunk);
		ssize_t got = read(fd, chunk, want);
		if (got <= 0)
			break;
		size_t from = 0;
		for (size_t i = 0; i < (size_t) got; i++)
			if (chunk[i] == '\n') {
				line++;
				from = i + 1;
				bt_buf_reset(&tail);
			}
		if (tail.len < (1 << 20))
			bt_buf_add(&tail, chunk + from, (size_t) got - from);
		done += got;
	}
	close(fd);
	if (bt_input_has_bom(r->in) && line == 1 && tail.len >= 3)
		bt_buf_consume(&tail, 3);
	long col = column_of(tail.data ? tail.data : "", tail.len, enc);
	bt_buf_release(&tail);
	bt_error_set(err, BT_EENCODING, r->path,
		     _("bytes that are not valid %s at line %ld, column %ld "
		       "(byte offset %lld); if the file's declared encoding "
		       "is wrong, name the right one with --encoding"), enc,
		     line, col, offset);
	bt_error_at_line(err, line);
	bt_error_at_offset(err, offset);
}

/* ---- the stack of open elements ---------------------------------------- */

/* Whether e is named name[0..len) (any case). */
static bool
elem_is(const struct elem *e, const char *name, size_t len)
{
	size_t n = len < sizeof(e->name) - 1 ? len : sizeof(e->name) - 1;
	return e->len == len && !strncasecmp(e->name, name, n);
}

static bool
in_foreign(const struct reader *r)
{
	return r->depth && r->stack[r->depth - 1].foreign;
}

/* Whether text here is to be translated. */
static bool
translating(const struct reader *r)
{
	return r->depth ? r->stack[r->depth - 1].translate : true;
}

/* The element on top of the stack, HTML_UNKNOWN if none. */
static enum html_tag_id
top_id(const struct reader *r)
{
	return r->depth ? r->stack[r->depth - 1].id : HTML_UNKNOWN;
}

/* The index of the nearest open element `id`, or SIZE_MAX. */
static size_t
find_id(const struct reader *r, enum html_tag_id id)
{
	for (size_t k = r->depth; k-- > 0;)
		if (r->stack[k].id == id)
			return k;
	return SIZE_MAX;
}

/* Closes the open elements from index k up.  The block path changes
 * when a block element goes. */
static void
pop_to(struct reader *r, size_t k)
{
	for (size_t i = k; i < r->depth && r->path_ready; i++)
		if (r->stack[i].tag && (r->stack[i].tag->flags & HT_BLOCK))
			r->path_ready = false;
	r->depth = k;
}

/* Pushes an element; false if the stack is full (or html, head, body
 * that is open already: their second start tag opens nothing). */
static bool
push(struct reader *r, const char *name, size_t len,
     const struct html_tag_info *tag, bool translate, bool foreign)
{
	enum html_tag_id id = tag ? tag->id : HTML_UNKNOWN;
	if ((id == HTML_TAG_html || id == HTML_TAG_head || id == HTML_TAG_body)
	    && find_id(r, id) != SIZE_MAX)
		return false;
	if (r->depth == MAX_DEPTH)
		return false;
	if (r->depth == r->cap_stack) {
		r->cap_stack = r->cap_stack ? 2 * r->cap_stack : 32;
		r->stack = bt_xreallocarray(r->stack, r->cap_stack,
					    sizeof(*r->stack));
	}
	struct elem *e = &r->stack[r->depth++];
	e->tag = tag;
	e->id = id;
	e->len = len;
	size_t n = len < sizeof(e->name) - 1 ? len : sizeof(e->name) - 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) name[i];
		e->name[i] = (char) (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	e->name[n] = '\0';
	e->translate = translate;
	e->foreign = foreign;
	if (tag && (tag->flags & HT_BLOCK))
		r->path_ready = false;
	return true;
}

/* Whether e bounds the search of an end tag: HT_SCOPE elements, and
 * extra (a list that ends with HTML_UNKNOWN). */
static bool
is_boundary(const struct elem *e, const enum html_tag_id *extra)
{
	if (!e->tag)
		return false;
	if (e->tag->flags & HT_SCOPE)
		return true;
	for (; extra && *extra; extra++)
		if (e->id == *extra)
			return true;
	return false;
}

/* The nearest open element named name[0..len) within the scope that
 * `extra` widens, or SIZE_MAX. */
static size_t
find_in_scope(const struct reader *r, const char *name, size_t len,
	      const enum html_tag_id *extra)
{
	for (size_t k = r->depth; k-- > 0;) {
		if (elem_is(&r->stack[k], name, len))
			return k;
		if (is_boundary(&r->stack[k], extra))
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* The scope of table parts: only html, table and template bound it. */
static size_t
find_in_table_scope(const struct reader *r, const char *name, size_t len)
{
	for (size_t k = r->depth; k-- > 0;) {
		const struct elem *e = &r->stack[k];
		if (elem_is(e, name, len))
			return k;
		if (e->id == HTML_TAG_html || e->id == HTML_TAG_table
		    || e->id == HTML_TAG_template)
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

static const enum html_tag_id button_scope[] = {
	HTML_TAG_button, HTML_UNKNOWN };
static const enum html_tag_id list_scope[] = {
	HTML_TAG_ol, HTML_TAG_ul, HTML_UNKNOWN };

/* Closes an open p, as the start tag of most blocks does. */
static void
close_p(struct reader *r)
{
	size_t k = find_in_scope(r, "p", 1, button_scope);
	if (k != SIZE_MAX)
		pop_to(r, k);
}

/* <li> closes the open li, <dd> and <dt> the open dd or dt: the nearest
 * one, unless a block other than address, div and p is in between. */
static void
close_item(struct reader *r, enum html_tag_id a, enum html_tag_id b)
{
	for (size_t k = r->depth; k-- > 0;) {
		const struct elem *e = &r->stack[k];
		if (e->id == a || e->id == b) {
			pop_to(r, k);
			return;
		}
		if (e->tag && (e->tag->flags & HT_BLOCK)
		    && e->id != HTML_TAG_address && e->id != HTML_TAG_div
		    && e->id != HTML_TAG_p)
			return;
	}
}

/* Closes what is open above the nearest table element whose id is in
 * `stop` (a row closes the open cell and row...). */
static void
close_to_table(struct reader *r, const enum html_tag_id *stop)
{
	for (size_t k = r->depth; k-- > 0;) {
		const struct elem *e = &r->stack[k];
		for (const enum html_tag_id *s = stop; *s; s++)
			if (e->id == *s) {
				pop_to(r, k + 1);
				return;
			}
		if (e->id == HTML_TAG_html)
			return;
	}
}

static bool
is_heading(enum html_tag_id id)
{
	return id == HTML_TAG_h1 || id == HTML_TAG_h2 || id == HTML_TAG_h3
		|| id == HTML_TAG_h4 || id == HTML_TAG_h5 || id == HTML_TAG_h6;
}

/* The end tags HTML implies before the start tag of block `tag`. */
static void
implied_closes(struct reader *r, const struct html_tag_info *tag)
{
	static const enum html_tag_id sections[] = {
		HTML_TAG_tbody, HTML_TAG_thead, HTML_TAG_tfoot, HTML_TAG_table,
		HTML_UNKNOWN };
	static const enum html_tag_id rows[] = {
		HTML_TAG_tr, HTML_TAG_tbody, HTML_TAG_thead, HTML_TAG_tfoot,
		HTML_TAG_table, HTML_UNKNOWN };
	static const enum html_tag_id tables[] = {
		HTML_TAG_table, HTML_UNKNOWN };
	if (tag->flags & HT_CLOSES_P)
		close_p(r);
	switch (tag->id) {
	case HTML_TAG_h1: case HTML_TAG_h2: case HTML_TAG_h3:
	case HTML_TAG_h4: case HTML_TAG_h5: case HTML_TAG_h6:
		if (is_heading(top_id(r)))
			pop_to(r, r->depth - 1);
		break;
	case HTML_TAG_li:
		close_item(r, HTML_TAG_li, HTML_UNKNOWN);
		break;
	case HTML_TAG_dd:
	case HTML_TAG_dt:
		close_item(r, HTML_TAG_dd, HTML_TAG_dt);
		break;
	case HTML_TAG_option:
	case HTML_TAG_optgroup:
		if (top_id(r) == HTML_TAG_option)
			pop_to(r, r->depth - 1);
		if (tag->id == HTML_TAG_optgroup
		    && top_id(r) == HTML_TAG_optgroup)
			pop_to(r, r->depth - 1);
		break;
	case HTML_TAG_tr:
		close_to_table(r, sections);
		break;
	case HTML_TAG_td:
	case HTML_TAG_th:
		close_to_table(r, rows);
		break;
	case HTML_TAG_tbody: case HTML_TAG_thead: case HTML_TAG_tfoot:
	case HTML_TAG_caption: case HTML_TAG_colgroup:
		close_to_table(r, tables);
		break;
	case HTML_TAG_body: {
		size_t k = find_id(r, HTML_TAG_head);
		if (k != SIZE_MAX)
			pop_to(r, k);
		break;
	}
	default:
		break;
	}
}

/* Pops what the end tag of block `tag`, named name[0..len), closes. */
static void
close_block(struct reader *r, const struct html_tag_info *tag,
	    const char *name, size_t len)
{
	size_t k;
	switch (tag->id) {
	case HTML_TAG_body:
	case HTML_TAG_html:
		return;		/* what follows is still in the body */
	case HTML_TAG_head:
		k = find_id(r, HTML_TAG_head);
		break;
	case HTML_TAG_table: case HTML_TAG_tbody: case HTML_TAG_thead:
	case HTML_TAG_tfoot: case HTML_TAG_tr: case HTML_TAG_td:
	case HTML_TAG_th: case HTML_TAG_caption: case HTML_TAG_colgroup:
		k = find_in_table_scope(r, name, len);
		break;
	case HTML_TAG_p:
		k = find_in_scope(r, name, len, button_scope);
		break;
	case HTML_TAG_li:
		k = find_in_scope(r, name, len, list_scope);
		break;
	default:
		k = find_in_scope(r, name, len, NULL);
		break;
	}
	if (k != SIZE_MAX)
		pop_to(r, k);
}

/* Pops what the end tag of an inline element closes: the nearest element
 * of that name, unless a block comes first (then the tag is stray). */
static void
close_inline(struct reader *r, const char *name, size_t len)
{
	for (size_t k = r->depth, n = 0; k-- > 0 && n < WALK_REACH; n++) {
		const struct elem *e = &r->stack[k];
		if (elem_is(e, name, len)) {
			pop_to(r, k);
			return;
		}
		if (e->tag && (e->tag->flags & HT_BLOCK))
			return;
	}
}

/*
 * The path of the open block elements, "html/body/div/p": the name of the
 * units of a run.  Kept until a block element opens or closes (push() and
 * pop_to() clear r->path_ready).
 */
static const char *
block_path(struct reader *r)
{
	struct bt_buf *b = &r->run_name;
	if (r->path_ready)
		return bt_buf_cstr(b);
	r->path_ready = true;
	bt_buf_reset(b);
	for (size_t k = 0; k < r->depth; k++) {
		const struct elem *e = &r->stack[k];
		if (!e->tag || !(e->tag->flags & HT_BLOCK))
			continue;
		if (b->len)
			bt_buf_addch(b, '/');
		bt_buf_addstr(b, e->name);
	}
	return bt_buf_cstr(b);
}

/* ---- handing on -------------------------------------------------------- */

/* Hands on the skeleton up to absolute offset abs. */
static int
skeleton_to(struct reader *r, size_t abs, struct bt_error *err)
{
	if (abs <= r->sk)
		return 0;
	size_t from = r->sk;
	r->sk = abs;
	return r->sink->skeleton(r->sink->ctx, at(r, from), abs - from, err);
}

static int
hand_unit(struct reader *r, struct bt_unit *u, const char *name,
	  struct bt_error *err)
{
	u->name = name && *name ? bt_xstrdup(name) : NULL;
	bt_unit_ids_assign(r->ids, u);
	bt_unit_set_one_segment(u);
	return r->sink->unit(r->sink->ctx, u, err);
}

/* ---- building a unit's content ----------------------------------------- */

struct builder {
	struct bt_content *c;
	struct bt_buf *text;	/* decoded text not yet added */
};

static void
pending_text(struct builder *b)
{
	if (b->text->len) {
		bt_content_add_text(b->c, b->text->data, b->text->len);
		bt_buf_reset(b->text);
	}
}

static int
add_code(struct builder *b, enum bt_code_kind kind, int id, const char *type,
	 const char *data, size_t len, const char *display,
	 size_t display_len)
{
	pending_text(b);
	size_t k = bt_content_add_code(b->c, kind, id, type, data, len);
	if (display)
		b->c->codes[k].display = bt_xstrndup(display, display_len);
	return b->c->codes[k].id;
}

/* The character the reference s[0..n) decodes to, if the writer of
 * context cx writes that character back as exactly this reference; the
 * reader decodes no other (see html-write.c). */
static int
written_ref(enum html_context cx, const char *s, size_t n)
{
	static const struct {
		const char *ref;
		char c;
		unsigned contexts;
	} refs[] = {
		{ "&amp;", '&', 15 }, { "&lt;", '<', 15 }, { "&gt;", '>', 15 },
		{ "&quot;", '"', 1 << HTML_CX_DQ | 1 << HTML_CX_UNQ },
		{ "&#39;", '\'', 1 << HTML_CX_SQ | 1 << HTML_CX_UNQ },
		{ "&#61;", '=', 1 << HTML_CX_UNQ },
		{ "&#96;", '`', 1 << HTML_CX_UNQ },
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(refs); i++)
		if ((refs[i].contexts & (1u << cx)) && n == strlen(refs[i].ref)
		    && !memcmp(s, refs[i].ref, n))
			return refs[i].c;
	return -1;
}

/* Whether the writer of context cx escapes the raw character c. */
static bool
escaped_raw(enum html_context cx, unsigned char c)
{
	if (c == '<' || c == '>')
		return true;
	return cx == HTML_CX_UNQ && (c == '"' || c == '\'' || c == '='
				|| c == '`');
}

/* Whether the decoded character s[0..n) is fit to show a translator:
 * not a control character, not a noncharacter (our code markers). */
static bool
showable(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *) s + i, n - i);
		if (c < 0x20 || (c >= 0x7F && c < 0xA0)
		    || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
			return false;
		i += (size_t) len;
	}
	return true;
}

/*
 * Appends s[0..n), text with references, decoded for context cx: what
 * the writer writes back as it was is text, the rest standalone codes.
 */
static void
add_decoded(struct builder *b, const char *s, size_t n,
	    enum html_context cx)
{
	size_t i = 0, done = 0;
	while (i < n) {
		unsigned char c = (unsigned char) s[i];
		if (c != '&' && !escaped_raw(cx, c)) {
			i++;
			continue;
		}
		bt_buf_add(b->text, s + done, i - done);
		size_t len = 1;
		if (c == '&') {
			char out[8];
			size_t out_len;
			len = html_ref_lex(s + i, n - i, true,
					   cx != HTML_CX_TEXT, out, &out_len);
			int ch = written_ref(cx, s + i, len);
			if (ch >= 0) {
				bt_buf_addch(b->text, (char) ch);
			} else if (out_len && showable(out, out_len)) {
				add_code(b, BT_CODE_STANDALONE, -1, "other",
					 s + i, len, out, out_len);
			} else {
				add_code(b, BT_CODE_STANDALONE, -1, "other",
					 s + i, len, s + i, len);
			}
		} else {
			add_code(b, BT_CODE_STANDALONE, -1, "other", s + i, 1,
				 s + i, 1);
		}
		i += len;
		done = i;
	}
	bt_buf_add(b->text, s + done, n - done);
}

/* Cuts b back to a character boundary (it may end inside one). */
static void
whole_chars(struct bt_buf *b)
{
	size_t k = b->len;
	while (k && ((unsigned char) b->data[k - 1] & 0xC0) == 0x80)
		k--;
	if (k && (unsigned char) b->data[k - 1] >= 0xC0) {
		unsigned char lead = (unsigned char) b->data[k - 1];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
		if (b->len - (k - 1) < need)
			b->len = k - 1;
	}
	if (b->data)
		b->data[b->len] = '\0';
}

/*
 * What an opaque code s[0..n) shows: a comment "<!---->"; other markup
 * (<?php ...?>, CDATA) itself, cut short; an element its text (the
 * brand name in <span translate="no">), cut short, or its tag.
 */
static void
opaque_display(const char *s, size_t n, bool element, struct bt_buf *out)
{
	bt_buf_reset(out);
	if (n >= 4 && !memcmp(s, "<!--", 4)) {
		bt_buf_addstr(out, "<!---->");
		return;
	}
	if (!element) {
		bt_buf_add(out, s, n < DISPLAY_MAX ? n : DISPLAY_MAX);
		whole_chars(out);
		return;
	}
	bool in_tag = false, space = false;
	for (size_t i = 0; i < n && out->len < DISPLAY_MAX; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c == '<')
			in_tag = true;
		else if (c == '>')
			in_tag = false;
		else if (!in_tag && html_is_space(c))
			space = out->len > 0;
		else if (!in_tag) {
			if (space)
				bt_buf_addch(out, ' ');
			space = false;
			bt_buf_addch(out, (char) c);
		}
	}
	whole_chars(out);
	if (out->len)
		return;
	/* No text: the tag itself, as "<svg/>". */
	size_t j = 1;
	while (j < n && j < 24 && !html_is_space((unsigned char) s[j])
	       && s[j] != '>' && s[j] != '/')
		j++;
	bt_buf_add(out, s, j);
	bt_buf_addstr(out, "/>");
}

/* The display of a tag item: "<b>", "</b>", "<br/>". */
static void
tag_display(const struct reader *r, const struct item *it, struct bt_buf *out)
{
	bt_buf_reset(out);
	bt_buf_addstr(out, it->kind == IT_CLOSE ? "</" : "<");
	add_lower(out, at(r, it->name), it->name_len < 24 ? it->name_len : 24);
	bt_buf_addstr(out, it->kind == IT_VOID ? "/>" : ">");
}

/* ---- runs -------------------------------------------------------------- */

static void
add_item(struct reader *r, enum item_kind kind, size_t start, size_t end,
	 const struct html_tag_info *tag, size_t name, size_t name_len,
	 bool content)
{
	struct item *last = r->n_items ? &r->items[r->n_items - 1] : NULL;
	if (last && kind == IT_TEXT && last->kind == IT_TEXT
	    && last->end == start) {
		r->items[r->n_items - 1].end = end;
		return;
	}
	if (r->n_items == r->cap_items) {
		r->cap_items = r->cap_items ? 2 * r->cap_items : 64;
		r->items = bt_xreallocarray(r->items, r->cap_items,
					    sizeof(*r->items));
	}
	r->items[r->n_items++] = (struct item){
		.start = start, .end = end, .name = name, .name_len = name_len,
		.partner = SIZE_MAX, .tag = tag, .kind = kind,
		.content = content, .code_id = -1,
	};
}

/* Pairs each closing tag of the run with the opening tag it closes. */
static void
pair_tags(struct reader *r)
{
	size_t sp = 0;
	for (size_t i = 0; i < r->n_items; i++) {
		struct item *it = &r->items[i];
		if (it->kind == IT_OPEN) {
			if (sp == r->cap_pairs) {
				r->cap_pairs = r->cap_pairs ? 2 * r->cap_pairs
					: 32;
				r->pairs = bt_xreallocarray(r->pairs,
					r->cap_pairs, sizeof(*r->pairs));
			}
			r->pairs[sp++] = i;
			continue;
		}
		if (it->kind != IT_CLOSE)
			continue;
		for (size_t k = sp, n = 0; k-- > 0 && n < PAIR_REACH; n++) {
			struct item *o = &r->items[r->pairs[k]];
			if (o->name_len == it->name_len
			    && !strncasecmp(at(r, o->name), at(r, it->name),
					    it->name_len)) {
				o->partner = i;
				it->partner = r->pairs[k];
				sp = k;
				break;
			}
		}
	}
}

/* Whether item i may stay out of a unit that spans items [lo, hi). */
static bool
trimmable(const struct reader *r, size_t i, size_t lo, size_t hi)
{
	const struct item *it = &r->items[i];
	switch (it->kind) {
	case IT_TEXT:
		return all_space(at(r, it->start), it->end - it->start);
	case IT_REF:
		return false;
	case IT_OPAQUE:
		return !it->content;
	case IT_VOID:
		return true;
	default:
		return it->partner == SIZE_MAX || it->partner < lo
			|| it->partner >= hi;
	}
}

/* The items [*lo, *hi) that make the unit, edges trimmed. */
static void
trim_run(const struct reader *r, size_t *lo, size_t *hi)
{
	size_t a = 0, b = r->n_items;
	for (;;) {
		while (a < b && trimmable(r, a, a, b))
			a++;
		while (b > a && trimmable(r, b - 1, a, b))
			b--;
		if (b - a >= 2 && r->items[a].kind == IT_OPEN
		    && r->items[a].partner == b - 1) {
			a++;
			b--;
			continue;
		}
		break;
	}
	*lo = a;
	*hi = b;
}

static bool
run_has_word(const struct reader *r)
{
	for (size_t i = 0; i < r->n_items; i++) {
		const struct item *it = &r->items[i];
		if ((it->kind == IT_TEXT || it->kind == IT_REF)
		    && has_word(at(r, it->start), it->end - it->start, false))
			return true;
	}
	return false;
}

/* Whether attribute a of tag t (lexed in s) is translatable text. */
static bool
translatable_attr(const char *s, const struct html_token *t,
		  const struct html_attr *a)
{
	const char *tag = s + t->name, *name = s + a->name;
	size_t tl = t->name_len, nl = a->name_len, n;
	const char *v;
	if (!a->quote)
		return false;
	if (html_name_is(name, nl, "alt") || html_name_is(name, nl, "title")
	    || html_name_is(name, nl, "placeholder")
	    || html_name_is(name, nl, "aria-label"))
		return true;
	if (html_name_is(name, nl, "label"))
		return html_name_is(tag, tl, "option")
			|| html_name_is(tag, tl, "optgroup")
			|| html_name_is(tag, tl, "track");
	if (html_name_is(name, nl, "value")) {
		v = attr_value(s, t, "type", &n);
		return html_name_is(tag, tl, "input") && v
			&& (html_name_is(v, n, "button")
			    || html_name_is(v, n, "submit")
			    || html_name_is(v, n, "reset"));
	}
	if (!html_name_is(name, nl, "content")
	    || !html_name_is(tag, tl, "meta"))
		return false;
	if ((v = attr_value(s, t, "name", &n)))
		return html_name_is(v, n, "description")
			|| html_name_is(v, n, "keywords")
			|| html_name_is(v, n, "twitter:title")
			|| html_name_is(v, n, "twitter:description");
	if ((v = attr_value(s, t, "property", &n)))
		return html_name_is(v, n, "og:title")
			|| html_name_is(v, n, "og:description");
	return false;
}

/*
 * Hands on the translatable attributes of start tag t (lexed in the
 * buffer) as units, the skeleton before each first.  Their names are the
 * block path, the element and the attribute: "html/head/meta/@content".
 */
static int
attr_units(struct reader *r, const struct html_token *t,
	   struct bt_error *err)
{
	const char *s = r->buf.data;
	for (size_t i = 0; i < t->n_attrs; i++) {
		const struct html_attr *a = &t->attrs[i];
		if (!translatable_attr(s, t, a))
			continue;
		size_t vs = a->value, ve = a->value + a->value_len;
		while (vs < ve && html_is_space((unsigned char) s[vs]))
			vs++;
		while (ve > vs && html_is_space((unsigned char) s[ve - 1]))
			ve--;
		if (!has_word(s + vs, ve - vs, true))
			continue;
		if (skeleton_to(r, r->base + vs, err) < 0)
			return -1;
		/* The pointers above stay valid: the buffer does not move
		 * while a token is handled. */
		struct bt_unit *u = bt_unit_new();
		struct builder b = { &u->source, &r->text };
		enum html_context cx = a->quote == '"' ? HTML_CX_DQ
			: a->quote == '\'' ? HTML_CX_SQ : HTML_CX_UNQ;
		add_decoded(&b, s + vs, ve - vs, cx);
		pending_text(&b);
		const char *path = block_path(r);
		bt_buf_reset(&r->name);
		if (*path) {
			bt_buf_addstr(&r->name, path);
			bt_buf_addch(&r->name, '/');
		}
		add_lower(&r->name, s + t->name, t->name_len);
		bt_buf_addstr(&r->name, "/@");
		add_lower(&r->name, s + a->name, a->name_len);
		r->sk = r->base + ve;
		if (hand_unit(r, u, bt_buf_cstr(&r->name), err) < 0)
			return -1;
	}
	return 0;
}

/* The attribute units of the start tags among items [i, j) of the run,
 * which stay in the skeleton. */
static int
skeleton_items(struct reader *r, size_t i, size_t j, struct bt_error *err)
{
	for (; i < j; i++) {
		const struct item *it = &r->items[i];
		if (it->kind != IT_OPEN && it->kind != IT_VOID)
			continue;
		if (html_lex(r->buf.data, it->start - r->base, r->buf.len, true,
			     0, &r->tok2) != HTML_LEX_OK)
			BT_BUG("a start tag does not lex again");
		if (attr_units(r, &r->tok2, err) < 0)
			return -1;
	}
	return 0;
}

/* Adds item i, clipped to [from, to), to the unit being built. */
static void
build_item(struct reader *r, struct builder *b, size_t i, size_t lo,
	   size_t hi, size_t from, size_t to)
{
	struct item *it = &r->items[i];
	size_t s = it->start > from ? it->start : from;
	size_t e = it->end < to ? it->end : to;
	enum bt_code_kind kind = BT_CODE_STANDALONE;
	int id = -1;
	const char *type = it->tag && it->tag->type ? it->tag->type : "fmt";
	switch (it->kind) {
	case IT_TEXT:
	case IT_REF:
		add_decoded(b, at(r, s), e - s, HTML_CX_TEXT);
		return;
	case IT_OPAQUE:
		if (it->tag && (it->tag->flags & HT_RAW)) {
			/* A script's text means nothing to a translator. */
			bt_buf_reset(&r->name);
			bt_buf_addf(&r->name, "<%s/>", it->tag->name);
		} else {
			opaque_display(at(r, s), e - s, it->tag || it->content,
				       &r->name);
		}
		add_code(b, BT_CODE_STANDALONE, -1, it->tag && it->tag->type
			 ? it->tag->type : "other", at(r, s), e - s,
			 r->name.data, r->name.len);
		return;
	case IT_OPEN:
		if (it->partner != SIZE_MAX && it->partner >= lo
		    && it->partner < hi)
			kind = BT_CODE_OPEN;
		break;
	case IT_CLOSE:
		if (it->partner != SIZE_MAX && it->partner >= lo
		    && it->partner < hi) {
			kind = BT_CODE_CLOSE;
			id = r->items[it->partner].code_id;
		}
		break;
	case IT_VOID:
		break;
	}
	tag_display(r, it, &r->name);
	it->code_id = add_code(b, kind, id, type, at(r, s), e - s,
			       r->name.data, r->name.len);
}

/* Hands on the run as skeleton and a unit, and empties it. */
static int
flush_run(struct reader *r, struct bt_error *err)
{
	size_t n = r->n_items;
	if (!n)
		return 0;
	int rc;
	if (!run_has_word(r)) {
		rc = skeleton_items(r, 0, n, err);
		r->n_items = 0;
		return rc;
	}
	pair_tags(r);
	size_t lo, hi;
	trim_run(r, &lo, &hi);
	size_t from = r->items[lo].start, to = r->items[hi - 1].end;
	if (r->items[lo].kind == IT_TEXT)
		while (from < to && html_is_space((unsigned char) *at(r, from)))
			from++;
	if (r->items[hi - 1].kind == IT_TEXT)
		while (to > from
		       && html_is_space((unsigned char) *at(r, to - 1)))
			to--;
	rc = skeleton_items(r, 0, lo, err);
	if (rc == 0)
		rc = skeleton_to(r, from, err);
	if (rc == 0) {
		struct bt_unit *u = bt_unit_new();
		struct builder b = { &u->source, &r->text };
		for (size_t i = lo; i < hi; i++)
			build_item(r, &b, i, lo, hi, from, to);
		pending_text(&b);
		r->sk = to;
		rc = hand_unit(r, u, block_path(r), err);
	}
	if (rc == 0)
		rc = skeleton_items(r, hi, n, err);
	r->n_items = 0;
	return rc;
}

/* ---- tokens ------------------------------------------------------------ */

/* Ends the opaque element at absolute offset end: it is one item. */
static void
end_opaque(struct reader *r, size_t end)
{
	size_t root = r->opaque - 1;
	const struct elem *e = &r->stack[root];
	add_item(r, IT_OPAQUE, r->opaque_start, end, e->tag, 0, 0,
		 r->opaque_inline);
	r->opaque = 0;
	pop_to(r, root);
}

/*
 * A raw text element (script, style...) at the start tag t: the whole
 * element, end tag included, is one token.  Returns 1, 0 for more text,
 * -1 on error.
 */
static int
on_raw(struct reader *r, const struct html_token *t,
       const struct html_tag_info *tag, struct bt_error *err)
{
	const char *s = r->buf.data;
	size_t len = r->buf.len, end;
	if (tag->id == HTML_TAG_plaintext) {
		if (!r->eof)
			return 0;
		end = len;	/* the rest of the file */
	} else {
		bool more;
		size_t close = html_raw_end(s, t->end, len, r->eof, tag->name,
					    strlen(tag->name), &more);
		if (close == SIZE_MAX)
			return more ? 0 : truncated_element(r, t, tag, err);
		int rc = html_lex(s, close, len, r->eof, 0, &r->tok2);
		if (rc == HTML_LEX_MORE)
			return 0;
		if (rc == HTML_LEX_TRUNCATED)
			return truncated(r, &r->tok2, err);
		end = r->tok2.end;
	}
	size_t abs_end = r->base + end;
	if (!r->opaque && translating(r))
		add_item(r, IT_OPAQUE, r->base + t->start, abs_end, tag, 0, 0,
			 false);
	r->pos = abs_end;
	return 1;
}

static int
on_start(struct reader *r, const struct html_token *t, struct bt_error *err)
{
	const char *s = r->buf.data;
	const char *name = s + t->name;
	const struct html_tag_info *tag = html_tag_find(name, t->name_len);
	size_t start = r->base + t->start, end = r->base + t->end;
	bool foreign = in_foreign(r) || (tag && (tag->flags & HT_FOREIGN));
	bool is_void = (tag && (tag->flags & HT_VOID) && !foreign)
		|| (t->self_closing && (r->xhtml || foreign));
	if (tag && !foreign && (tag->flags & HT_RAW))
		return on_raw(r, t, tag, err);
	size_t rc_end = SIZE_MAX;
	if (tag && !foreign && (tag->flags & HT_RCDATA) && !is_void
	    && !r->opaque) {
		bool more;
		size_t close = html_raw_end(s, t->end, r->buf.len, r->eof,
					    tag->name, strlen(tag->name),
					    &more);
		if (close == SIZE_MAX)
			return more ? 0 : truncated_element(r, t, tag, err);
		rc_end = r->base + close;
	}
	if (r->opaque) {
		if (!is_void)
			push(r, name, t->name_len, tag, false, foreign);
		r->pos = end;
		return 1;
	}
	int said = translate_attr(s, t);
	bool parent = translating(r);
	if (tag && (tag->flags & HT_BLOCK)) {
		if (flush_run(r, err) < 0)
			return -1;
		implied_closes(r, tag);
		parent = translating(r);
		bool own = said > 0 ? false : said < 0 ? true : parent;
		if (parent && own && tag->id != HTML_TAG_html
		    && attr_units(r, t, err) < 0)
			return -1;
		if (!is_void)
			push(r, name, t->name_len, tag, own, foreign);
		r->rc_end = rc_end;
		r->pos = end;
		return 1;
	}
	if (parent && (said > 0 || (tag && (tag->flags & HT_OPAQUE)))) {
		/* The whole element is one standalone code. */
		if (is_void || !push(r, name, t->name_len, tag, false,
				     foreign)) {
			add_item(r, IT_OPAQUE, start, end, tag, 0, 0,
				 said > 0);
		} else {
			r->opaque = r->depth;
			r->opaque_start = start;
			r->opaque_inline = !(tag && (tag->flags & HT_OPAQUE));
		}
		r->pos = end;
		return 1;
	}
	if (parent)
		add_item(r, is_void ? IT_VOID : IT_OPEN, start, end, tag,
			 r->base + t->name, t->name_len, false);
	if (!is_void)
		push(r, name, t->name_len, tag, parent, foreign);
	r->pos = end;
	return 1;
}

/* An end tag inside an opaque element.  Returns 1 when it is handled,
 * 0 when it ends the element from outside and is still to handle. */
static int
on_end_opaque(struct reader *r, const struct html_token *t)
{
	const char *name = r->buf.data + t->name;
	size_t root = r->opaque - 1, end = r->base + t->end;
	for (size_t k = r->depth; k-- > root;) {
		if (!elem_is(&r->stack[k], name, t->name_len))
			continue;
		if (k == root) {
			end_opaque(r, end);
		} else {
			pop_to(r, k);
		}
		r->pos = end;
		return 1;
	}
	if (r->opaque_inline) {
		for (size_t k = root; k-- > 0;)
			if (elem_is(&r->stack[k], name, t->name_len)) {
				end_opaque(r, r->base + t->start);
				return 0;
			}
	}
	r->pos = end;		/* stray: part of the element */
	return 1;
}

static int
on_end(struct reader *r, const struct html_token *t, struct bt_error *err)
{
	const char *name = r->buf.data + t->name;
	const struct html_tag_info *tag = html_tag_find(name, t->name_len);
	size_t start = r->base + t->start, end = r->base + t->end;
	if (r->opaque && on_end_opaque(r, t))
		return 1;
	if (tag && tag->id == HTML_TAG_br && !in_foreign(r)) {
		/* </br> is read as <br>. */
		if (translating(r))
			add_item(r, IT_VOID, start, end, tag,
				 r->base + t->name, t->name_len, false);
	} else if (tag && (tag->flags & HT_BLOCK)) {
		if (flush_run(r, err) < 0)
			return -1;
		close_block(r, tag, name, t->name_len);
	} else {
		if (translating(r))
			add_item(r, IT_CLOSE, start, end, tag,
				 r->base + t->name, t->name_len, false);
		close_inline(r, name, t->name_len);
	}
	r->pos = end;
	return 1;
}

/*
 * Reads and handles the next token.  Returns 1 when it is handled, 0 when
 * more text is needed, -1 on error.
 */
static int
step(struct reader *r, struct bt_error *err)
{
	size_t len = r->buf.len;
	bool eof = r->eof;
	unsigned flags = r->xhtml || in_foreign(r) ? HTML_LEX_CDATA : 0;
	if (r->rc_end != SIZE_MAX) {
		if (r->pos < r->rc_end) {
			len = r->rc_end - r->base;
			eof = true;
			flags |= HTML_LEX_TEXT_ONLY;
		} else {
			r->rc_end = SIZE_MAX;
		}
	}
	struct html_token *t = &r->tok;
	int rc = html_lex(r->buf.data, r->pos - r->base, len, eof, flags, t);
	if (rc == HTML_LEX_MORE)
		return 0;
	if (rc == HTML_LEX_TRUNCATED)
		return truncated(r, t, err);
	size_t start = r->base + t->start, end = r->base + t->end;
	switch (t->kind) {
	case HTML_START:
		return on_start(r, t, err);
	case HTML_END:
		return on_end(r, t, err);
	case HTML_TEXT:
		if (!r->opaque && translating(r)
		    && (r->n_items || !all_space(at(r, start), end - start)))
			add_item(r, IT_TEXT, start, end, NULL, 0, 0, false);
		break;
	case HTML_REF:
		if (!r->opaque && translating(r))
			add_item(r, IT_REF, start, end, NULL, 0, 0, false);
		break;
	default:	/* comments, doctype, CDATA... */
		if (!r->opaque && translating(r))
			add_item(r, IT_OPAQUE, start, end, NULL, 0, 0, false);
		break;
	}
	r->pos = end;
	return 1;
}

/* ---- reading ----------------------------------------------------------- */

/*
 * Reads more text: at least as much as is waiting undecided, so that a
 * long token costs linear time.  Before that, hands on the skeleton that
 * is settled and drops what is handed on.
 */
static int
fill(struct reader *r, struct bt_error *err)
{
	if (!r->n_items && !r->opaque && r->rc_end == SIZE_MAX
	    && skeleton_to(r, r->pos, err) < 0)
		return -1;
	size_t drop = r->sk - r->base;
	if (drop >= CHUNK && drop * 2 >= r->buf.len) {
		count_lines(r, drop);
		memmove(r->buf.data, r->buf.data + drop, r->buf.len - drop);
		r->buf.len -= drop;
		r->buf.data[r->buf.len] = '\0';
		r->base = r->sk;
	}
	if (r->buf.len - (r->sk - r->base) > MAX_PENDING) {
		long line, col;
		locate(r, r->sk, &line, &col);
		bt_error_set(err, BT_ELIMIT, r->path,
			     _("more than %d MB without a break, from line "
			       "%ld, column %ld"), MAX_PENDING >> 20, line,
			     col);
		bt_error_at_line(err, line);
		return -1;
	}
	size_t want = r->buf.len - (r->pos - r->base);
	if (want < CHUNK)
		want = CHUNK;
	for (size_t got_all = 0; got_all < want;) {
		bt_buf_grow(&r->buf, CHUNK);
		ssize_t got = bt_input_read(r->in, r->buf.data + r->buf.len,
					    CHUNK, err);
		if (got < 0) {
			locate_bad_bytes(r, err);
			return -1;
		}
		if (got == 0) {
			r->eof = true;
			break;
		}
		r->buf.len += (size_t) got;
		r->buf.data[r->buf.len] = '\0';
		got_all += (size_t) got;
	}
	return 0;
}

/*
 * Looks at the start of the text for the <html> tag: its lang (or
 * xml:lang) is the document's language, its xmlns may say XHTML.
 * Returns 1 when decided, 0 when more text is needed.
 */
static int
look_for_html(struct reader *r, char **lang)
{
	const char *s = r->buf.data;
	size_t p = 0;
	while (p < r->buf.len) {
		int rc = html_lex(s, p, r->buf.len, r->eof, HTML_LEX_CDATA,
				  &r->tok);
		if (rc == HTML_LEX_MORE)
			return 0;
		if (rc == HTML_LEX_TRUNCATED)
			return 1;
		const struct html_token *t = &r->tok;
		if (t->kind == HTML_TEXT && all_space(s + t->start,
						      t->end - t->start)) {
			p = t->end;
			continue;
		}
		if (t->kind == HTML_COMMENT || t->kind == HTML_DOCTYPE
		    || t->kind == HTML_BOGUS) {
			p = t->end;
			continue;
		}
		if (t->kind != HTML_START
		    || !html_name_is(s + t->name, t->name_len, "html"))
			return 1;
		size_t n;
		const char *v = attr_value(s, t, "lang", &n);
		if (!v || all_space(v, n))
			v = attr_value(s, t, "xml:lang", &n);
		while (v && n && html_is_space((unsigned char) *v))
			v++, n--;
		while (v && n && html_is_space((unsigned char) v[n - 1]))
			n--;
		if (v && n)
			*lang = bt_xstrndup(v, n);
		v = attr_value(s, t, "xmlns", &n);
		if (v && n == 28 && !memcmp(v, "http://www.w3.org/1999/xhtml",
					    28))
			r->xhtml = true;
		return 1;
	}
	return r->eof;
}

static int
read_all(struct reader *r, struct bt_error *err)
{
	for (;;) {
		if (r->pos == r->base + r->buf.len) {
			if (r->eof)
				break;
			if (fill(r, err) < 0)
				return -1;
			continue;
		}
		int rc = step(r, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			if (r->eof)
				BT_BUG("the tokenizer wants text after the "
				       "end");
			if (fill(r, err) < 0)
				return -1;
		}
	}
	if (r->opaque)
		end_opaque(r, r->base + r->buf.len);
	if (flush_run(r, err) < 0)
		return -1;
	return skeleton_to(r, r->base + r->buf.len, err);
}

/*
 * The encoding the first bytes of the file declare, into name (NULL when
 * none, or when a byte-order mark says it).
 */
static const char *
declared_encoding(const char *path, char name[64])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char head[SNIFF_BYTES];
	size_t n = 0;
	ssize_t got;
	while (n < sizeof(head)
	       && (got = read(fd, head + n, sizeof(head) - n)) > 0)
		n += (size_t) got;
	close(fd);
	const unsigned char *u = (const unsigned char *) head;
	if ((n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
	    || (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE)
			   || (u[0] == 0xFE && u[1] == 0xFF))))
		return NULL;
	char other[HTML_CHARSET_MAX];
	const char *found = html_sniff_charset(head, n, other);
	if (!found || !bt_encoding_known(found))
		return NULL;
	snprintf(name, 64, "%s", found);
	return name;
}

static bool
has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix);
	return n > m && !strcasecmp(path + n - m, suffix);
}

static int
html_read(const char *path, const struct bt_filter_options *opt,
	  const struct bt_sink *sink, struct bt_error *err)
{
	char declared[64];
	const char *encoding = opt->encoding;
	if (!encoding && strcmp(path, "-"))
		encoding = declared_encoding(path, declared);
	struct bt_input *in = bt_input_open(path, encoding, err);
	if (!in)
		return -1;
	struct reader r = {
		.path = bt_input_path(in), .file = path, .sink = sink,
		.in = in, .ids = bt_unit_ids_new(), .line0 = 1,
		.rc_end = SIZE_MAX,
		.xhtml = has_suffix(path, ".xhtml") || has_suffix(path, ".xht"),
	};
	char *lang = NULL;
	int rc = 0;
	while (rc == 0 && !look_for_html(&r, &lang)
	       && r.buf.len < PRESCAN_MAX)
		rc = fill(&r, err);
	if (r.buf.len >= 5 && !memcmp(r.buf.data, "<?xml", 5))
		r.xhtml = true;
	struct bt_doc_info info = { bt_input_encoding(in), bt_input_has_bom(in),
				    lang, NULL };
	if (rc == 0 && sink->begin)
		rc = sink->begin(sink->ctx, &info, err);
	if (rc == 0)
		rc = read_all(&r, err);
	free(lang);
	html_token_release(&r.tok);
	html_token_release(&r.tok2);
	bt_buf_release(&r.buf);
	bt_buf_release(&r.run_name);
	bt_buf_release(&r.text);
	bt_buf_release(&r.name);
	free(r.items);
	free(r.stack);
	free(r.pairs);
	bt_unit_ids_free(r.ids);
	bt_input_free(in);
	return rc;
}

/* ---- detection --------------------------------------------------------- */

static int
html_probe(const char *path, const char *head, size_t len)
{
	if (has_suffix(path, ".html") || has_suffix(path, ".htm")
	    || has_suffix(path, ".xhtml") || has_suffix(path, ".xht")
	    || has_suffix(path, ".shtml"))
		return 90;
	size_t i = 0;
	if (len >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && html_is_space((unsigned char) head[i]))
		i++;
	const char *s = head + i;
	size_t n = len - i;
	if ((n >= 14 && !strncasecmp(s, "<!doctype html", 14))
	    || (n >= 5 && !strncasecmp(s, "<html", 5)))
		return 80;
	if (n >= 5 && !memcmp(s, "<?xml", 5)
	    && (memmem(s, n, "http://www.w3.org/1999/xhtml", 28)
		|| memmem(s, n, "<html", 5)
		|| memmem(s, n, "<!DOCTYPE html", 14)))
		return 75;	/* XHTML */
	return 0;
}

const struct bt_filter bt_filter_html = {
	.name = "html",
	.version = HTML_FILTER_VERSION,
	.summary = N_("HTML and XHTML: blocks as units, inline elements as "
		      "codes, translatable attributes"),
	.probe = html_probe,
	.read = html_read,
	.write_skeleton = html_write_skeleton,
	.write_unit = html_write_unit,
	.write_begin = html_write_begin,
	.write_end = html_write_end,
};
