/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The XML filter, driven by ITS 2.0 (its.h).
 *
 * Reading goes in two steps over a document held in memory, decoded to
 * UTF-8 from the encoding its XML declaration names (or its byte-order
 * mark, or --encoding):
 *
 *  1. libxml2 parses it into a tree, with the safe options (no network,
 *     no DTD loading, no entity substitution; a document that declares
 *     entities is refused, while one with a DOCTYPE and no internal
 *     subset keeps its undeclared references, &nbsp; and the like).  The
 *     tree proves the document well formed (or gives the line and column
 *     of the error) and lets the ITS rules be evaluated with XPath: the
 *     built-in rules (data/its/docbook.xml for DocBook 4 and 5,
 *     data/its/xhtml.xml for XHTML), then --its, then the document's
 *     own, the later winning.  What they decide is kept per element, by
 *     element number in document order, and the tree is freed.  That map
 *     is also kept for the next read of the same file (extract reads
 *     each document twice).
 *
 *  2. A small lexer (xml-lex.h) walks the original bytes; the n-th start
 *     tag it meets is the n-th element of the tree.  Everything that is
 *     not text to translate goes to the skeleton byte for byte: the XML
 *     declaration, the DOCTYPE, comments, processing instructions, tags
 *     with their quotes and spaces, entity references.
 *
 * Units.  Every element whose Elements Within Text value is "no" (the
 * default) is a container: the text directly in it, with its inline
 * ("yes") descendants, makes runs, which a "no" child ends.  A run with
 * translatable words is a unit; white space, comments, processing
 * instructions, CDATA delimiters and nested elements at its edges stay
 * in the skeleton.  In a unit:
 *   - an inline element's start and end tags are a pair of codes (an
 *     empty element one standalone code); an inline element that is not
 *     translatable is one standalone code holding all of it;
 *   - &amp; &lt; &gt; are text (written back escaped); every other
 *     reference (&quot;, &#169;, &nbsp;) and a raw '>' is a standalone
 *     code with the original bytes;
 *   - comments and processing instructions are standalone codes;
 *   - a CDATA section that holds all the unit's text stays around it in
 *     the skeleton: the text is taken as it is and written back
 *     unescaped (but for "]]>", which is split in two sections);
 *   - a CDATA section among other content is a pair of codes around its
 *     text, and & < > inside it are standalone codes holding the raw
 *     character, so that the one escaper of the unit leaves the section
 *     as it was (a translator's new '<' there comes out as &lt;, which
 *     is then literal);
 *   - a "nested" element (a footnote) is a standalone code; its own
 *     units follow the unit, and merge puts them back in its place (see
 *     xml-skel.h: regions);
 *   - untranslatable text (its:translate="no" between translatable
 *     inline elements) is a standalone code.
 * Translatable attributes (selected by a translateRule) are units of
 * their own, before the content of their element; when their element
 * is inline, they are regions too.  What an untranslatable inline
 * element holds is never extracted, whatever rules say of its parts.
 * A unit's name is the Id Value of its element (xml:id, idValueRule),
 * else its path from the nearest element with one (ch-2/section/para)
 * or from the root (/book/chapter/para); attributes add /@name.  Its
 * notes are the Localization Notes of its element and inline elements.
 * Preserve Space ("preserve") keeps the white space at a unit's edges
 * in it.
 *
 * The root's xml:lang (lang in DocBook 4) is marked in the skeleton so
 * that merge sets it to the target language.  Writing is xml-write.c.
 */
#include "system.h"

#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "filter/filter.h"
#include "filter/its.h"
#include "filter/xml-lex.h"
#include "filter/xml-skel.h"
#include "core/buf.h"
#include "core/datadir.h"
#include "core/input.h"
#include "core/xalloc.h"
#include "core/xml-safe.h"

#define XML_FILTER_VERSION "1"

#define DOCBOOK_NS "http://docbook.org/ns/docbook"
#define XHTML_NS "http://www.w3.org/1999/xhtml"

enum { CHUNK = 1 << 16, DISPLAY_MAX = 40 };

/* --- input ----------------------------------------------------------- */

/*
 * The encoding named by the XML declaration at the head of path, when
 * bt_input would not find it: no byte-order mark, not UTF-8.  UTF-16
 * without a mark is told by its first bytes.  Caller frees; NULL: none.
 */
static char *
declared_encoding(const char *path)
{
	char head[512];
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;
	if (!f)
		return NULL;
	size_t n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	if (n >= 4 && !memcmp(head, "<\0?\0", 4))
		return bt_xstrdup("UTF-16LE");
	if (n >= 4 && !memcmp(head, "\0<\0?", 4))
		return bt_xstrdup("UTF-16BE");
	char *end = strstr(head, "?>");
	if (strncmp(head, "<?xml", 5) || !end)
		return NULL;
	*end = '\0';
	char *e = strstr(head, "encoding");
	if (!e)
		return NULL;
	e += strspn(e + 8, " \t\r\n") + 8;
	if (*e != '=')
		return NULL;
	e += strspn(e + 1, " \t\r\n") + 1;
	char q = *e;
	char *close = q == '"' || q == '\'' ? strchr(e + 1, q) : NULL;
	if (!close)
		return NULL;
	*close = '\0';
	e++;
	if (!strcasecmp(e, "UTF-8") || !strcasecmp(e, "UTF8")
	    || !strncasecmp(e, "UTF-16", 6))
		return NULL;	/* the default, or found by its mark */
	return bt_xstrdup(e);
}

struct source {
	struct bt_buf text;	/* the document in UTF-8 */
	char *encoding;		/* owned */
	bool bom;
	char *path;		/* owned; as bt_input names it */
};

static int
read_source(const char *path, const char *encoding, struct source *src,
	    struct bt_error *err)
{
	char *declared = encoding ? NULL : declared_encoding(path);
	struct bt_input *in = bt_input_open(path, encoding ? encoding
					    : declared, err);
	free(declared);
	if (!in)
		return -1;
	int rc = 0;
	for (;;) {
		bt_buf_grow(&src->text, CHUNK);
		ssize_t got = bt_input_read(in, src->text.data + src->text.len,
					    CHUNK, err);
		if (got <= 0) {
			rc = got < 0 ? -1 : 0;
			break;
		}
		src->text.len += (size_t) got;
		src->text.data[src->text.len] = '\0';
	}
	src->encoding = bt_xstrdup(bt_input_encoding(in));
	src->bom = bt_input_has_bom(in);
	src->path = bt_xstrdup(bt_input_path(in));
	bt_input_free(in);
	return rc;
}

static void
source_release(struct source *src)
{
	bt_buf_release(&src->text);
	free(src->encoding);
	free(src->path);
}

/* --- the tree -------------------------------------------------------- */

static void
parse_error(xmlParserCtxtPtr ctxt, const char *path, struct bt_error *err)
{
	const xmlError *e = xmlCtxtGetLastError(ctxt);
	char msg[512];
	snprintf(msg, sizeof(msg), "%s", e && e->message ? e->message : "?");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	bt_error_set(err, BT_ESYNTAX, path,
		     _("not well-formed XML (line %d, column %d): %s"),
		     e ? e->line : 0, e ? e->int2 : 0, msg);
	if (e && e->line > 0)
		bt_error_at_line(err, e->line);
}

static xmlDocPtr
parse_tree(const char *path, const struct bt_buf *text, struct bt_error *err)
{
	if (text->len > INT_MAX) {
		bt_error_set(err, BT_ELIMIT, path,
			     _("an XML document larger than %d MB"),
			     INT_MAX >> 20);
		return NULL;
	}
	bt_xml_safe_init();
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		bt_error_set(err, BT_EIO, path, _("cannot read"));
		return NULL;
	}
	bt_xml_refuse_entities(ctxt);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bt_buf_cstr(text),
		(int) text->len, NULL, "UTF-8", BT_XML_SAFE_OPTIONS
		| XML_PARSE_HUGE | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT);
	if (bt_xml_entities_refused(ctxt)) {
		bt_error_set(err, BT_ELIMIT, path,
			     _("the file declares XML entities, which bitext "
			       "does not expand"));
		bt_error_at_line(err, ctxt->input ? ctxt->input->line : 0);
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (!doc) {
		parse_error(ctxt, path, err);
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* Whether s contains "docbook", in any case. */
static bool
says_docbook(const xmlChar *s)
{
	return s && strcasestr((const char *) s, "docbook");
}

/*
 * DocBook 5 is in its namespace.  DocBook 4 has none: its DOCTYPE names
 * it, or the root is an element only DocBook has (a chapter kept in a
 * file of its own often has no DOCTYPE).
 */
static bool
is_docbook(const xmlNode *root)
{
	static const char *const roots[] = {
		"book", "article", "chapter", "part", "preface", "appendix",
		"sect1", "sect2", "refentry", "partintro", "set",
	};
	if (root->ns && root->ns->href)
		return !strcmp((const char *) root->ns->href, DOCBOOK_NS);
	const xmlDtd *dtd = root->doc ? root->doc->intSubset : NULL;
	if (dtd && (says_docbook(dtd->ExternalID)
		    || says_docbook(dtd->SystemID)))
		return true;
	for (size_t i = 0; i < BT_ARRAY_SIZE(roots); i++)
		if (!strcmp((const char *) root->name, roots[i]))
			return true;
	return false;
}

/* The rules bitext brings for the document's vocabulary, if any. */
static const char *
builtin_rules(const xmlNode *root, unsigned *flags)
{
	if (root->ns && root->ns->href
	    && !strcmp((const char *) root->ns->href, XHTML_NS)) {
		*flags |= BT_ITS_HTML_TRANSLATE;
		return "its/xhtml.xml";
	}
	if (is_docbook(root))
		return "its/docbook.xml";
	return NULL;
}

/*
 * The root's language: its xml:lang, or for DocBook 4 its lang (*plain is
 * then set).  Caller frees; NULL when it has none.
 */
static char *
root_lang(xmlNodePtr root, bool *plain)
{
	xmlChar *l = xmlGetNsProp(root, BAD_CAST "lang",
		BAD_CAST "http://www.w3.org/XML/1998/namespace");
	*plain = !l && !root->ns && is_docbook(root);
	if (*plain)
		l = xmlGetNoNsProp(root, BAD_CAST "lang");
	char *lang = l ? bt_xstrdup((const char *) l) : NULL;
	xmlFree(l);
	return lang;
}

/* Evaluates the ITS rules on the tree; *lang gets the root's language. */
static int
apply_its(const char *path, xmlDocPtr doc, const char *its_rules,
	  struct bt_its_map *map, char **lang, bool *plain,
	  struct bt_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	unsigned flags = 0;
	const char *builtin = root ? builtin_rules(root, &flags) : NULL;
	struct bt_its_rules *rules = bt_its_rules_new();
	int rc = 0;
	if (builtin) {
		char *file = bt_data_path(builtin);
		rc = bt_its_rules_add_file(rules, file, err);
		free(file);
	}
	if (rc == 0 && its_rules)
		rc = bt_its_rules_add_file(rules, its_rules, err);
	if (rc == 0)
		rc = bt_its_apply(rules, doc, path, flags, map, err);
	bt_its_rules_free(rules);
	*lang = root ? root_lang(root, plain) : NULL;
	return rc;
}

/* --- the walk: state ------------------------------------------------- */

enum item_kind {
	IT_TEXT,	/* character data s[a..b) */
	IT_CDATA_OPEN,	/* "<![CDATA[" */
	IT_CDATA_CLOSE,	/* "]]>" */
	IT_MISC,	/* a comment or processing instruction */
	IT_OPEN,	/* start tag of an inline element */
	IT_CLOSE,	/* its end tag */
	IT_EMPTY,	/* an empty inline element */
	IT_WHOLE,	/* an untranslatable inline element, all of it */
	IT_NESTED,	/* a nested element, all of it */
};

/* A piece of a run: the bytes s[a..b) and what they are. */
struct item {
	enum item_kind kind;
	bool translate;		/* IT_TEXT: is to be translated */
	bool cdata;		/* IT_TEXT: inside a CDATA section */
	size_t a, b;
	size_t elem;		/* elements: their number */
	size_t pair;		/* IT_CLOSE: its IT_OPEN item, or SIZE_MAX */
	int code_id;		/* IT_OPEN: the id its code got */
};

/* An inline element whose end tag is still to come. */
struct open_inline {
	size_t elem;
	size_t item;		/* its IT_OPEN in the run, or SIZE_MAX */
};

/* A part of a code's data that a region fills (see xml-skel.h). */
struct hole {
	size_t code;		/* the code's index in its unit */
	size_t off, len;	/* the part of its data */
	size_t elem;		/* the nested element, or the attribute's */
	size_t a, b;		/* its bytes: the element, or the value */
	char quote;		/* an attribute's quote; 0 for an element */
	size_t tag_name, tag_name_end;	/* attribute: its element's name */
	size_t name, name_end;	/* attribute: its name */
	uint32_t note, id;	/* attribute: its ITS note and id */
};

struct reader {
	const char *path;
	const char *s;		/* the document */
	size_t n;
	const struct bt_its_map *its;
	const struct bt_sink *sink;
	struct bt_unit_ids *ids;
	size_t next_elem;	/* number of the next start tag */
	struct xml_token tok;	/* scratch, valid until the next lex */
	struct item *items;	/* the runs being gathered */
	size_t n_items, cap_items;
	struct open_inline *open;	/* inline elements not closed yet */
	size_t n_open, cap_open;
	struct hole *holes;	/* of the units being written */
	size_t n_holes, cap_holes;
	struct bt_buf where;	/* /root/child/...: the container's path */
	struct bt_buf scratch;
	size_t pend_a, pend_b;	/* skeleton bytes not handed on yet */
	bool lang_plain;	/* the root's language is in lang= */
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static uint8_t
flags_of(const struct reader *r, size_t elem)
{
	return r->its->flags[elem];
}

static int
lost(const struct reader *r, size_t pos, struct bt_error *err)
{
	bt_error_set(err, BT_ESYNTAX, r->path,
		     _("cannot follow the XML markup at byte %zu"), pos);
	bt_error_at_offset(err, (long long) pos);
	return -1;
}

static int
lex(struct reader *r, size_t pos, struct bt_error *err)
{
	if (xml_lex(r->s, r->n, pos, &r->tok) < 0)
		return lost(r, pos, err);
	return 0;
}

/* --- the walk: skeleton ---------------------------------------------- */

/* Hands on the skeleton bytes kept back. */
static int
flush_skel(struct reader *r, struct bt_error *err)
{
	size_t a = r->pend_a, b = r->pend_b;
	r->pend_a = r->pend_b = 0;
	if (b <= a)
		return 0;
	return r->sink->skeleton(r->sink->ctx, r->s + a, b - a, err);
}

/* Skeleton bytes s[a..b): kept back while they follow each other, so
 * that the sink sees few, long pieces. */
static int
emit_skel(struct reader *r, size_t a, size_t b, struct bt_error *err)
{
	if (b <= a)
		return 0;
	if (r->pend_b > r->pend_a && r->pend_b == a) {
		r->pend_b = b;
		return 0;
	}
	if (flush_skel(r, err) < 0)
		return -1;
	r->pend_a = a;
	r->pend_b = b;
	return 0;
}

static int
emit_mark(struct reader *r, const char *mark, size_t len,
	  struct bt_error *err)
{
	if (flush_skel(r, err) < 0)
		return -1;
	return r->sink->skeleton(r->sink->ctx, mark, len, err);
}

static int
emit_unit(struct reader *r, struct bt_unit *u, struct bt_error *err)
{
	bt_unit_ids_assign(r->ids, u);
	bt_unit_set_one_segment(u);
	if (flush_skel(r, err) < 0) {
		bt_unit_free(u);
		return -1;
	}
	return r->sink->unit(r->sink->ctx, u, err);
}

/* --- content: text and codes ----------------------------------------- */

/* The end of the reference at s[i] ('&'), up to b: just past its ';'. */
static size_t
ref_end(const char *s, size_t i, size_t b)
{
	const char *semi = memchr(s + i, ';', b - i);
	return semi ? (size_t) (semi - s) + 1 : i + 1;
}

/* The character &amp; &lt; &gt; (and, in an attribute value quoted with
 * quote, &quot; or &apos;) stand for, or NULL for any other reference. */
static const char *
plain_ref(const char *p, size_t len, char quote)
{
	if (len == 5 && !memcmp(p, "&amp;", 5))
		return "&";
	if (len == 4 && !memcmp(p, "&lt;", 4))
		return "<";
	if (len == 4 && !memcmp(p, "&gt;", 4))
		return ">";
	if (quote == '"' && len == 6 && !memcmp(p, "&quot;", 6))
		return "\"";
	if (quote == '\'' && len == 6 && !memcmp(p, "&apos;", 6))
		return "'";
	return NULL;
}

/* The character a reference or raw character stands for, for display:
 * NULL for a named entity the document does not define. */
static char *
ref_display(const char *p, size_t len)
{
	if (len < 3 || p[0] != '&')
		return bt_xstrndup(p, len);
	if (len == 6 && !memcmp(p, "&quot;", 6))
		return bt_xstrdup("\"");
	if (len == 6 && !memcmp(p, "&apos;", 6))
		return bt_xstrdup("'");
	if (p[1] != '#')
		return NULL;
	unsigned long c = p[2] == 'x' ? strtoul(p + 3, NULL, 16)
		: strtoul(p + 2, NULL, 10);
	char u[5] = "";
	if (c < 0x80) {
		u[0] = (char) c;
	} else if (c < 0x800) {
		u[0] = (char) (0xC0 | (c >> 6));
		u[1] = (char) (0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		u[0] = (char) (0xE0 | (c >> 12));
		u[1] = (char) (0x80 | ((c >> 6) & 0x3F));
		u[2] = (char) (0x80 | (c & 0x3F));
	} else if (c < 0x110000) {
		u[0] = (char) (0xF0 | (c >> 18));
		u[1] = (char) (0x80 | ((c >> 12) & 0x3F));
		u[2] = (char) (0x80 | ((c >> 6) & 0x3F));
		u[3] = (char) (0x80 | (c & 0x3F));
	}
	return u[0] ? bt_xstrdup(u) : NULL;
}

/* A reference or character the writer would not write back as it is: a
 * standalone code holding it. */
static void
add_ref_code(struct bt_content *out, const char *p, size_t len)
{
	size_t k = bt_content_add_code(out, BT_CODE_STANDALONE, -1, "other",
				       p, len);
	out->codes[k].display = ref_display(p, len);
}

/*
 * The first index >= i of s[..b) that holds & < or >, or b.  Eight bytes
 * at a time (the has-zero-byte trick): this loop sees all the text.
 */
static size_t
next_special(const char *s, size_t i, size_t b)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
#define HAS_BYTE(w, c) ((((w) ^ (ones * (c))) - ones) \
			& ~((w) ^ (ones * (c))) & highs)
	while (i + 8 <= b) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (HAS_BYTE(w, '&') | HAS_BYTE(w, '<') | HAS_BYTE(w, '>'))
			break;
		i += 8;
	}
#undef HAS_BYTE
	while (i < b && s[i] != '&' && s[i] != '<' && s[i] != '>')
		i++;
	return i;
}

/*
 * Adds character data s[a..b) to the content.  quote: 0 for element
 * content, else the quote of the attribute value it is.  In a CDATA
 * section every & < > is a code, since the section is written unescaped.
 */
static void
add_char_data(struct bt_content *out, const char *s, size_t a, size_t b,
	      bool cdata, char quote)
{
	size_t done = a;
	for (size_t i = a; (i = next_special(s, i, b)) < b; i++) {
		char c = s[i];
		bt_content_add_text(out, s + done, i - done);
		size_t end = c == '&' && !cdata ? ref_end(s, i, b) : i + 1;
		const char *plain = cdata ? NULL
			: plain_ref(s + i, end - i, quote);
		if (plain)
			bt_content_add_text(out, plain, 1);
		else
			add_ref_code(out, s + i, end - i);
		done = end;
		i = end - 1;
	}
	bt_content_add_text(out, s + done, b - done);
}

/* Whether character data s[a..b) has words to translate: a character
 * that is not white space, outside references to other characters. */
static bool
has_words(const char *s, size_t a, size_t b, bool cdata, char quote)
{
	for (size_t i = a; i < b; i++) {
		if (is_space(s[i]))
			continue;
		if (s[i] != '&' || cdata)
			return true;
		size_t end = ref_end(s, i, b);
		if (plain_ref(s + i, end - i, quote))
			return true;
		i = end - 1;
	}
	return false;
}

static size_t
skip_space_fwd(const char *s, size_t a, size_t b)
{
	while (a < b && is_space(s[a]))
		a++;
	return a;
}

static size_t
skip_space_back(const char *s, size_t a, size_t b)
{
	while (b > a && is_space(s[b - 1]))
		b--;
	return b;
}

/* The text of the markup s[a..b) without its tags, white space
 * squeezed, cut to a few characters: for display. */
static char *
markup_display(const char *s, size_t a, size_t b)
{
	struct bt_buf d = BT_BUF_INIT;
	bool in_tag = false, space = false;
	for (size_t i = a; i < b;) {
		unsigned char c = (unsigned char) s[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (n > b - i)
			n = b - i;
		if (c == '<') {
			in_tag = true;
		} else if (c == '>' && in_tag) {
			in_tag = false;
		} else if (!in_tag && is_space((char) c)) {
			space = d.len > 0;
		} else if (!in_tag) {
			if (d.len + n + space > DISPLAY_MAX)
				break;
			if (space)
				bt_buf_addch(&d, ' ');
			bt_buf_add(&d, s + i, n);
			space = false;
		}
		i += n;
	}
	if (!d.len) {
		bt_buf_release(&d);
		return NULL;
	}
	return bt_buf_detach(&d, NULL);
}

/* --- names and notes ------------------------------------------------- */

/* u->name for the text of the container being walked: where. */
static void
name_element_unit(struct reader *r, struct bt_unit *u)
{
	u->name = bt_xstrdup(bt_buf_cstr(&r->where));
}

static void
add_note(struct reader *r, struct bt_unit *u, uint32_t note)
{
	const struct bt_its_note *nt = &r->its->notes[note];
	bt_unit_add_note(u, nt->alert ? "alert" : "description", nt->text);
}

/* The notes of the container and of the inline elements in the unit. */
static void
add_notes(struct reader *r, struct bt_unit *u, size_t container,
	  size_t i0, size_t i1)
{
	uint32_t seen[16];
	size_t n_seen = 0;
	uint32_t note = r->its->note[container];
	if (note) {
		add_note(r, u, note);
		seen[n_seen++] = note;
	}
	for (size_t i = i0; i < i1; i++) {
		const struct item *it = &r->items[i];
		if (it->kind != IT_OPEN && it->kind != IT_EMPTY)
			continue;
		note = r->its->note[it->elem];
		size_t k = 0;
		while (k < n_seen && seen[k] != note)
			k++;
		if (!note || k < n_seen || n_seen == BT_ARRAY_SIZE(seen))
			continue;
		add_note(r, u, note);
		seen[n_seen++] = note;
	}
}

/* --- attributes ------------------------------------------------------ */

/*
 * Emits the value s[h->a..h->b) of a translatable attribute as a unit.
 * in_path: the attribute's element is the container whose path r->where
 * is (else it is an inline element inside it).
 */
static int
emit_attr_unit(struct reader *r, const struct hole *h, bool in_path,
	       struct bt_error *err)
{
	char mark[2] = { XML_MARK_QUOTE, h->quote };
	if (emit_mark(r, mark, 2, err) < 0)
		return -1;
	struct bt_unit *u = bt_unit_new();
	add_char_data(&u->source, r->s, h->a, h->b, false, h->quote);
	struct bt_buf *name = &r->scratch;
	bt_buf_reset(name);
	if (h->id) {
		bt_buf_addstr(name, r->its->ids[h->id]);
	} else {
		uint32_t owner = in_path ? 0 : r->its->id[h->elem];
		bt_buf_addstr(name, owner ? r->its->ids[owner]
			      : bt_buf_cstr(&r->where));
		if (!in_path && !owner) {
			bt_buf_addch(name, '/');
			bt_buf_add(name, r->s + h->tag_name,
				   h->tag_name_end - h->tag_name);
		}
		bt_buf_addstr(name, "/@");
		bt_buf_add(name, r->s + h->name, h->name_end - h->name);
	}
	u->name = bt_xstrdup(bt_buf_cstr(name));
	if (h->note)
		add_note(r, u, h->note);
	return emit_unit(r, u, err);
}

/*
 * The translatable attributes with words of the start tag at pos (of
 * element elem), as holes pushed on r->holes.  Returns how many.
 */
static size_t
find_attr_holes(struct reader *r, size_t elem, size_t pos, size_t code,
		struct bt_error *err, int *rc)
{
	*rc = 0;
	if (!(flags_of(r, elem) & BT_ITS_HAS_ATTRS))
		return 0;
	if (lex(r, pos, err) < 0) {
		*rc = -1;
		return 0;
	}
	bool preserve = flags_of(r, elem) & BT_ITS_PRESERVE;
	size_t found = 0, ordinal = 0;
	for (size_t j = 0; j < r->tok.n_attrs; j++) {
		const struct xml_attr *at = &r->tok.attrs[j];
		if (at->xmlns)
			continue;
		const struct bt_its_attr *ia = bt_its_map_attr(r->its, elem,
							       ordinal++);
		size_t va = at->value, vb = at->value_end;
		if (!preserve) {
			va = skip_space_fwd(r->s, va, vb);
			vb = skip_space_back(r->s, va, vb);
		}
		if (!ia || !has_words(r->s, va, vb, false, at->quote))
			continue;
		if (r->n_holes == r->cap_holes) {
			r->cap_holes = r->cap_holes ? 2 * r->cap_holes : 16;
			r->holes = bt_xreallocarray(r->holes, r->cap_holes,
						    sizeof(*r->holes));
		}
		r->holes[r->n_holes++] = (struct hole){
			code, va - pos, vb - va, elem, va, vb, at->quote,
			r->tok.name, r->tok.name_end, at->name, at->name_end,
			ia->note, ia->id };
		found++;
	}
	return found;
}

/* Is attribute at of the start tag in r->tok the root's language? */
static bool
is_root_lang(const struct reader *r, size_t elem, const struct xml_attr *at)
{
	const char *name = r->lang_plain ? "lang" : "xml:lang";
	size_t n = strlen(name);
	return elem == 0 && at->name_end - at->name == n
		&& !memcmp(r->s + at->name, name, n);
}

/*
 * Emits the start tag at pos (of element elem) as skeleton, but for its
 * translatable attributes (units) and the root's xml:lang (marked).
 * Returns the end of the tag through *end.
 */
static int
emit_start_tag(struct reader *r, size_t elem, size_t pos, bool in_path,
	       size_t *end, struct bt_error *err)
{
	size_t hbase = r->n_holes, done = pos, la = SIZE_MAX, lb = 0;
	int rc;
	find_attr_holes(r, elem, pos, 0, err, &rc);
	if (rc < 0 || ((r->tok.start != pos || r->tok.type != XML_TOK_START)
		       && lex(r, pos, err) < 0))
		return -1;
	*end = r->tok.end;
	for (size_t j = 0; elem == 0 && j < r->tok.n_attrs; j++)
		if (is_root_lang(r, elem, &r->tok.attrs[j])) {
			la = r->tok.attrs[j].value;
			lb = r->tok.attrs[j].value_end;
		}
	for (size_t i = hbase; ; i++) {
		size_t ha = i < r->n_holes ? r->holes[i].a : SIZE_MAX;
		if (la != SIZE_MAX && la < ha) {
			char mark = XML_MARK_LANG;
			if (emit_skel(r, done, la, err) < 0
			    || emit_mark(r, &mark, 1, err) < 0
			    || emit_skel(r, la, lb, err) < 0
			    || emit_mark(r, &mark, 1, err) < 0)
				return -1;
			done = lb;
			la = SIZE_MAX;
		}
		if (i >= r->n_holes)
			break;
		struct hole h = r->holes[i];
		if (h.a < done)
			continue;	/* the xml:lang itself */
		if (emit_skel(r, done, h.a, err) < 0
		    || emit_attr_unit(r, &h, in_path, err) < 0)
			return -1;
		done = h.b;
	}
	r->n_holes = hbase;
	return emit_skel(r, done, *end, err);
}

/* --- the walk: containers and runs ----------------------------------- */

static int walk_container(struct reader *r, size_t pos, size_t elem,
			  size_t *end, struct bt_error *err);

/* Walks a nested (or any) element met earlier, out of order. */
static int
walk_again(struct reader *r, const struct item *it, struct bt_error *err)
{
	size_t save = r->next_elem, end;
	r->next_elem = it->elem + 1;
	int rc = walk_container(r, it->a, it->elem, &end, err);
	r->next_elem = save;
	return rc;
}

/*
 * Skeleton for the bytes s[from..to) of the items [i0, i1): nested
 * elements among them are walked in place, translatable attributes of
 * inline tags are units.
 */
static int
emit_plain(struct reader *r, size_t i0, size_t i1, size_t from, size_t to,
	   struct bt_error *err)
{
	size_t done = from;
	for (size_t i = i0; i < i1; i++) {
		struct item it = r->items[i];
		if (it.kind == IT_NESTED) {
			if (emit_skel(r, done, it.a, err) < 0
			    || walk_again(r, &it, err) < 0)
				return -1;
			done = it.b;
		} else if ((it.kind == IT_OPEN || it.kind == IT_EMPTY)
			   && (flags_of(r, it.elem) & BT_ITS_HAS_ATTRS)) {
			size_t end;
			if (emit_skel(r, done, it.a, err) < 0
			    || emit_start_tag(r, it.elem, it.a, false, &end,
					      err) < 0)
				return -1;
			done = end;
		}
	}
	return emit_skel(r, done, to, err);
}

/* The code of an inline start tag (or empty element), with holes for
 * its translatable attributes. */
static int
add_tag_code(struct reader *r, struct bt_content *out, struct item *it,
	     enum bt_code_kind kind, struct bt_error *err)
{
	int rc;
	size_t k = out->n_codes;
	size_t holes = find_attr_holes(r, it->elem, it->a, k, err, &rc);
	if (rc < 0)
		return -1;
	k = bt_content_add_code(out, kind, -1,
				holes ? XML_HOLES_TYPE : "fmt", r->s + it->a,
				it->b - it->a);
	it->code_id = out->codes[k].id;
	return 0;
}

/* The code of a nested element: its start and end tags, all a hole. */
static int
add_nested_code(struct reader *r, struct bt_content *out,
		const struct item *it, struct bt_error *err)
{
	if (lex(r, it->a, err) < 0)
		return -1;
	size_t tag_end = r->tok.end, etag = it->b;
	if (!r->tok.empty)
		while (etag > tag_end && r->s[etag - 1] != '<')
			etag--;
	struct bt_buf *d = &r->scratch;
	bt_buf_reset(d);
	bt_buf_add(d, r->s + it->a, tag_end - it->a);
	if (!r->tok.empty)
		bt_buf_add(d, r->s + etag - 1, it->b - etag + 1);
	size_t k = bt_content_add_code(out, BT_CODE_STANDALONE, -1,
				       XML_HOLES_TYPE, d->data, d->len);
	out->codes[k].display = markup_display(r->s, tag_end, it->b);
	if (r->n_holes == r->cap_holes) {
		r->cap_holes = r->cap_holes ? 2 * r->cap_holes : 16;
		r->holes = bt_xreallocarray(r->holes, r->cap_holes,
					    sizeof(*r->holes));
	}
	r->holes[r->n_holes++] = (struct hole){ k, 0, d->len, it->elem, it->a,
						it->b, 0, 0, 0, 0, 0, 0, 0 };
	return 0;
}

/* Adds item it, cut to s[a..b), to the unit being built. */
static int
add_item(struct reader *r, struct bt_content *out, size_t i, size_t i0,
	 size_t a, size_t b, int *cdata_id, struct bt_error *err)
{
	struct item *it = &r->items[i];
	const char *s = r->s;
	size_t k;
	switch (it->kind) {
	case IT_TEXT:
		if (it->translate) {
			add_char_data(out, s, a, b, it->cdata, 0);
		} else {
			k = bt_content_add_code(out, BT_CODE_STANDALONE, -1,
						"other", s + a, b - a);
			out->codes[k].display = markup_display(s, a, b);
		}
		return 0;
	case IT_MISC:
		bt_content_add_code(out, BT_CODE_STANDALONE, -1, "other", s + a,
				    b - a);
		return 0;
	case IT_CDATA_OPEN:
		k = bt_content_add_code(out, BT_CODE_OPEN, -1, "other", s + a,
					b - a);
		*cdata_id = out->codes[k].id;
		return 0;
	case IT_CDATA_CLOSE:
		bt_content_add_code(out, BT_CODE_CLOSE, *cdata_id, "other",
				    s + a, b - a);
		*cdata_id = -1;
		return 0;
	case IT_OPEN:
		return add_tag_code(r, out, it, BT_CODE_OPEN, err);
	case IT_EMPTY:
		return add_tag_code(r, out, it, BT_CODE_STANDALONE, err);
	case IT_CLOSE:
		bt_content_add_code(out, BT_CODE_CLOSE, it->pair != SIZE_MAX
				    && it->pair >= i0
				    ? r->items[it->pair].code_id : -1,
				    "fmt", s + a, b - a);
		return 0;
	case IT_WHOLE:
		k = bt_content_add_code(out, BT_CODE_STANDALONE, -1, "fmt",
					s + a, b - a);
		out->codes[k].display = markup_display(s, a, b);
		return 0;
	case IT_NESTED:
		return add_nested_code(r, out, it, err);
	}
	return 0;
}

/* After a unit with holes: each region, then the end mark. */
static int
emit_regions(struct reader *r, size_t hbase, struct bt_error *err)
{
	char mark[64];
	for (size_t i = hbase; i < r->n_holes; i++) {
		struct hole h = r->holes[i];
		int n = snprintf(mark, sizeof(mark), "%c%zu,%zu,%zu%c",
				 XML_MARK_REGION, h.code, h.off, h.len,
				 XML_MARK_REGION_ARGS);
		if (emit_mark(r, mark, (size_t) n, err) < 0)
			return -1;
		if (h.quote) {
			if (emit_attr_unit(r, &h, false, err) < 0)
				return -1;
		} else {
			struct item it = { .kind = IT_NESTED, .a = h.a,
					   .b = h.b, .elem = h.elem };
			if (walk_again(r, &it, err) < 0)
				return -1;
		}
		mark[0] = XML_MARK_REGION_END;
		if (emit_mark(r, mark, 1, err) < 0)
			return -1;
	}
	mark[0] = XML_MARK_UNIT_END;
	return emit_mark(r, mark, 1, err);
}

/* The unit of items [i0, i1), cut to the bytes s[ua..ub). */
static int
emit_run_unit(struct reader *r, size_t container, size_t i0, size_t i1,
	      size_t ua, size_t ub, struct bt_error *err)
{
	struct bt_unit *u = bt_unit_new();
	size_t hbase = r->n_holes;
	int cdata_id = -1, rc = 0;
	const struct item *only = &r->items[i0];
	if (i1 - i0 == 1 && only->kind == IT_TEXT && only->cdata) {
		/* All in one CDATA section: its text as it is, written back
		 * unescaped. */
		char mark[2] = { XML_MARK_QUOTE, XML_QUOTE_CDATA };
		bt_content_add_text(&u->source, r->s + ua, ub - ua);
		i1 = i0;
		rc = emit_mark(r, mark, 2, err);
	}
	for (size_t i = i0; i < i1 && rc == 0; i++) {
		const struct item *it = &r->items[i];
		rc = add_item(r, &u->source, i, i0, it->a > ua ? it->a : ua,
			      it->b < ub ? it->b : ub, &cdata_id, err);
	}
	if (rc < 0) {
		bt_unit_free(u);
		r->n_holes = hbase;
		return -1;
	}
	name_element_unit(r, u);
	add_notes(r, u, container, i0, i1);
	rc = emit_unit(r, u, err);
	if (rc == 0 && r->n_holes > hbase)
		rc = emit_regions(r, hbase, err);
	r->n_holes = hbase;
	return rc;
}

/* Whether an item at the edge of a unit stays in the skeleton. */
static bool
neutral(const struct reader *r, const struct item *it, bool preserve)
{
	switch (it->kind) {
	case IT_TEXT:
		return !it->translate || (!preserve && skip_space_fwd(r->s,
						it->a, it->b) == it->b);
	case IT_MISC:
	case IT_NESTED:
	case IT_CDATA_OPEN:
	case IT_CDATA_CLOSE:
		return true;
	default:
		return false;
	}
}

static bool
run_has_words(const struct reader *r, size_t i0, size_t i1)
{
	for (size_t i = i0; i < i1; i++) {
		const struct item *it = &r->items[i];
		if (it->kind == IT_TEXT && it->translate
		    && has_words(r->s, it->a, it->b, it->cdata, 0))
			return true;
	}
	return false;
}

/* Hands on the run of items [base, end) over s[from..to): one unit with
 * the skeleton around it, or all skeleton. */
static int
emit_run(struct reader *r, size_t container, size_t base, size_t from,
	 size_t to, struct bt_error *err)
{
	size_t end = r->n_items;
	if (!run_has_words(r, base, end))
		return emit_plain(r, base, end, from, to, err);
	bool preserve = flags_of(r, container) & BT_ITS_PRESERVE;
	size_t first = base, last = end;
	while (first < last && neutral(r, &r->items[first], preserve))
		first++;
	while (last > first && neutral(r, &r->items[last - 1], preserve))
		last--;
	const struct item *fi = &r->items[first], *la = &r->items[last - 1];
	size_t ua = fi->a, ub = la->b;
	if (!preserve && fi->kind == IT_TEXT)
		ua = skip_space_fwd(r->s, fi->a, fi->b);
	if (!preserve && la->kind == IT_TEXT)
		ub = skip_space_back(r->s, la->a, la->b);
	if (emit_plain(r, base, first, from, ua, err) < 0
	    || emit_run_unit(r, container, first, last, ua, ub, err) < 0)
		return -1;
	return emit_plain(r, last, end, ub, to, err);
}

/* Ends the run being gathered (items from base on, bytes from..to). */
static int
flush_run(struct reader *r, size_t container, size_t base, size_t open_base,
	  size_t from, size_t to, struct bt_error *err)
{
	int rc = r->n_items > base
		? emit_run(r, container, base, from, to, err)
		: emit_skel(r, from, to, err);
	r->n_items = base;
	for (size_t i = open_base; i < r->n_open; i++)
		r->open[i].item = SIZE_MAX;
	return rc;
}

static void
push_item(struct reader *r, enum item_kind kind, size_t a, size_t b,
	  size_t elem)
{
	if (r->n_items == r->cap_items) {
		r->cap_items = r->cap_items ? 2 * r->cap_items : 64;
		r->items = bt_xreallocarray(r->items, r->cap_items,
					    sizeof(*r->items));
	}
	r->items[r->n_items++] = (struct item){ kind, false, false, a, b, elem,
						SIZE_MAX, -1 };
}

/* Character data, translatable as the innermost open element says. */
static void
push_text(struct reader *r, size_t container, size_t open_base, size_t a,
	  size_t b, bool cdata)
{
	if (b <= a)
		return;
	size_t e = r->n_open > open_base ? r->open[r->n_open - 1].elem
		: container;
	push_item(r, IT_TEXT, a, b, e);
	r->items[r->n_items - 1].translate = flags_of(r, e) & BT_ITS_TRANSLATE;
	r->items[r->n_items - 1].cdata = cdata;
}

static void
push_open(struct reader *r, size_t elem, size_t item)
{
	if (r->n_open == r->cap_open) {
		r->cap_open = r->cap_open ? 2 * r->cap_open : 16;
		r->open = bt_xreallocarray(r->open, r->cap_open,
					   sizeof(*r->open));
	}
	r->open[r->n_open++] = (struct open_inline){ elem, item };
}

/* From the start tag at pos (already counted), past its end tag. */
static int
skip_element(struct reader *r, size_t pos, size_t *end,
	     struct bt_error *err)
{
	if (lex(r, pos, err) < 0)
		return -1;
	size_t depth = r->tok.empty ? 0 : 1, cur = r->tok.end;
	while (depth) {
		if (lex(r, cur, err) < 0)
			return -1;
		if (r->tok.type == XML_TOK_START) {
			r->next_elem++;
			depth += !r->tok.empty;
		} else if (r->tok.type == XML_TOK_END) {
			depth--;
		} else if (r->tok.type == XML_TOK_EOF) {
			return lost(r, cur, err);
		}
		cur = r->tok.end;
	}
	*end = cur;
	return 0;
}

/* A start tag met in a run: another container, or an item. */
static int
start_in_run(struct reader *r, size_t container, size_t base,
	     size_t open_base, size_t *run, size_t *cur,
	     struct bt_error *err)
{
	size_t a = r->tok.start, b = r->tok.end, e = r->next_elem++;
	bool empty = r->tok.empty;
	if (e >= r->its->n_elems)
		return lost(r, a, err);
	uint8_t f = flags_of(r, e);
	enum bt_its_within w = BT_ITS_WITHIN(f);
	if (w == BT_ITS_WITHIN_NO) {
		if (flush_run(r, container, base, open_base, *run, a, err) < 0
		    || walk_container(r, a, e, cur, err) < 0)
			return -1;
		*run = *cur;
		return 0;
	}
	if (w == BT_ITS_WITHIN_NESTED || !(f & BT_ITS_TRANSLATE)) {
		if (skip_element(r, a, &b, err) < 0)
			return -1;
		push_item(r, w == BT_ITS_WITHIN_NESTED ? IT_NESTED : IT_WHOLE,
			  a, b, e);
	} else {
		push_item(r, empty ? IT_EMPTY : IT_OPEN, a, b, e);
		if (!empty)
			push_open(r, e, r->n_items - 1);
	}
	*cur = b;
	return 0;
}

/* The content of container, from *pos to past its end tag. */
static int
walk_content(struct reader *r, size_t container, size_t *pos,
	     struct bt_error *err)
{
	size_t cur = *pos, run = cur;
	size_t base = r->n_items, open_base = r->n_open;
	for (;;) {
		if (lex(r, cur, err) < 0)
			return -1;
		size_t a = r->tok.start, b = r->tok.end;
		switch (r->tok.type) {
		case XML_TOK_TEXT:
			push_text(r, container, open_base, a, b, false);
			break;
		case XML_TOK_COMMENT:
		case XML_TOK_PI:
			push_item(r, IT_MISC, a, b, container);
			break;
		case XML_TOK_CDATA:
			push_item(r, IT_CDATA_OPEN, a, a + 9, container);
			push_text(r, container, open_base, a + 9, b - 3, true);
			push_item(r, IT_CDATA_CLOSE, b - 3, b, container);
			break;
		case XML_TOK_START:
			if (start_in_run(r, container, base, open_base, &run,
					 &cur, err) < 0)
				return -1;
			continue;
		case XML_TOK_END:
			if (r->n_open > open_base) {
				struct open_inline o = r->open[--r->n_open];
				push_item(r, IT_CLOSE, a, b, o.elem);
				r->items[r->n_items - 1].pair = o.item;
				break;
			}
			if (flush_run(r, container, base, open_base, run, a,
				      err) < 0 || emit_skel(r, a, b, err) < 0)
				return -1;
			*pos = b;
			return 0;
		default:
			return lost(r, a, err);
		}
		cur = b;
	}
}

/* The element at pos, numbered elem, as a container: its start tag,
 * content and end tag; *end is where it ends. */
static int
walk_container(struct reader *r, size_t pos, size_t elem, size_t *end,
	       struct bt_error *err)
{
	if (lex(r, pos, err) < 0)
		return -1;
	if (r->tok.type != XML_TOK_START)
		return lost(r, pos, err);
	size_t where = r->where.len;
	char *outer = NULL;
	uint32_t id = r->its->id[elem];
	if (id) {
		/* An element with an id starts the paths below it. */
		outer = bt_xstrdup(bt_buf_cstr(&r->where));
		bt_buf_reset(&r->where);
		bt_buf_addstr(&r->where, r->its->ids[id]);
	} else {
		bt_buf_addch(&r->where, '/');
		bt_buf_add(&r->where, r->s + r->tok.name,
			   r->tok.name_end - r->tok.name);
	}
	bool empty = r->tok.empty;
	int rc = emit_start_tag(r, elem, pos, true, end, err);
	if (rc == 0 && !empty)
		rc = walk_content(r, elem, end, err);
	if (outer) {
		bt_buf_reset(&r->where);
		bt_buf_addstr(&r->where, outer);
		free(outer);
	} else {
		r->where.len = where;
		r->where.data[where] = '\0';
	}
	return rc;
}

/* The prolog, the root element, and what follows it. */
static int
walk_document(struct reader *r, struct bt_error *err)
{
	size_t pos = 0, done = 0;
	for (;;) {
		if (lex(r, pos, err) < 0)
			return -1;
		switch (r->tok.type) {
		case XML_TOK_EOF:
			if (emit_skel(r, done, r->n, err) < 0)
				return -1;
			return flush_skel(r, err);
		case XML_TOK_START:
			if (r->next_elem || !r->its->n_elems)
				return lost(r, pos, err);
			if (emit_skel(r, done, pos, err) < 0)
				return -1;
			r->next_elem = 1;
			if (walk_container(r, pos, 0, &pos, err) < 0)
				return -1;
			done = pos;
			continue;
		case XML_TOK_END:
		case XML_TOK_CDATA:
			return lost(r, pos, err);
		default:
			break;
		}
		pos = r->tok.end;
	}
}

/* --- the filter ------------------------------------------------------ */

/*
 * Extract reads each document twice (for the skeleton, then the units),
 * three times when it writes to stdout (a check first).  What the ITS
 * rules decided for the last document read is kept, so that reading the
 * same file again, unchanged (same inode, size and time), with the same
 * options, skips parsing it.  One map at most is held.
 */
struct its_cache {
	char *key;		/* owned; path, options; NULL: empty */
	struct stat st;
	struct bt_its_map map;
	char *lang;		/* owned */
	bool lang_plain;
};

static struct its_cache cache;

static void
cache_drop(void)
{
	free(cache.key);
	bt_its_map_release(&cache.map);
	free(cache.lang);
	memset(&cache, 0, sizeof(cache));
}

/* The key of a read, or NULL when the input cannot be told again. */
static char *
cache_key(const char *path, const struct bt_filter_options *opt,
	  struct stat *st)
{
	if (!strcmp(path, "-") || stat(path, st) < 0 || !S_ISREG(st->st_mode))
		return NULL;
	return bt_xasprintf("%s%c%s%c%s", path, 0, opt->its_rules
			    ? opt->its_rules : "", 0, opt->encoding
			    ? opt->encoding : "");
}

static bool
cache_hit(const char *key, const struct stat *st)
{
	size_t n = key ? strlen(key) : 0;
	return key && cache.key && !memcmp(cache.key, key, n + 1)
		&& cache.st.st_dev == st->st_dev
		&& cache.st.st_ino == st->st_ino
		&& cache.st.st_size == st->st_size
		&& cache.st.st_mtim.tv_sec == st->st_mtim.tv_sec
		&& cache.st.st_mtim.tv_nsec == st->st_mtim.tv_nsec;
}

/* The ITS map of the document in src, from its tree. */
static int
its_of(const struct bt_filter_options *opt, const struct source *src,
       struct bt_its_map *map, char **lang, bool *plain,
       struct bt_error *err)
{
	xmlDocPtr doc = parse_tree(src->path, &src->text, err);
	int rc = doc ? apply_its(src->path, doc, opt->its_rules, map, lang,
				 plain, err) : -1;
	xmlFreeDoc(doc);
	return rc;
}

static void
reader_release(struct reader *r)
{
	xml_token_release(&r->tok);
	free(r->items);
	free(r->open);
	free(r->holes);
	bt_buf_release(&r->where);
	bt_buf_release(&r->scratch);
	bt_unit_ids_free(r->ids);
}

/* What the rules say of the document in src: *map and *lang point into
 * the cache, or into *own when the input cannot be cached. */
struct doc_its {
	struct bt_its_map own;
	char *own_lang;		/* owned */
	const struct bt_its_map *map;
	const char *lang;
	bool lang_plain;
};

static int
doc_its_get(const char *path, const struct bt_filter_options *opt,
	    const struct source *src, struct doc_its *d, struct bt_error *err)
{
	struct stat st;
	char *key = cache_key(path, opt, &st);
	int rc = 0;
	if (!cache_hit(key, &st)) {
		cache_drop();
		rc = its_of(opt, src, &d->own, &d->own_lang, &d->lang_plain,
			    err);
		d->map = &d->own;
		d->lang = d->own_lang;
		if (rc < 0 || !key) {
			free(key);
			return rc;
		}
		cache.key = key;
		cache.st = st;
		cache.map = d->own;
		cache.lang = d->own_lang;
		cache.lang_plain = d->lang_plain;
		memset(&d->own, 0, sizeof(d->own));
		d->own_lang = NULL;
	} else {
		free(key);
	}
	d->map = &cache.map;
	d->lang = cache.lang;
	d->lang_plain = cache.lang_plain;
	return 0;
}

static int
xml_read(const char *path, const struct bt_filter_options *opt,
	 const struct bt_sink *sink, struct bt_error *err)
{
	struct source src = { BT_BUF_INIT, NULL, false, NULL };
	struct doc_its d = { .map = NULL };
	int rc = read_source(path, opt->encoding, &src, err);
	if (rc == 0)
		rc = doc_its_get(path, opt, &src, &d, err);
	struct bt_doc_info info = { src.encoding, src.bom, d.lang, NULL };
	if (rc == 0)
		rc = sink->begin(sink->ctx, &info, err);
	struct reader r = { .path = src.path, .s = bt_buf_cstr(&src.text),
			    .n = src.text.len, .its = d.map, .sink = sink,
			    .ids = bt_unit_ids_new(),
			    .lang_plain = d.lang_plain };
	if (rc == 0)
		rc = walk_document(&r, err);
	reader_release(&r);
	source_release(&src);
	bt_its_map_release(&d.own);
	free(d.own_lang);
	return rc;
}

static bool
has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);
	return n > k && !strcasecmp(path + n - k, suffix);
}

static int
xml_probe(const char *path, const char *head, size_t len)
{
	static const char *const ours[] = {
		".xml", ".dbk", ".docbook", ".dita", ".ditamap", ".its",
	};
	static const char *const likely[] = {
		".svg", ".resx", ".xsd", ".rng", ".plist", ".xul",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(ours); i++)
		if (has_suffix(path, ours[i]))
			return 90;
	for (size_t i = 0; i < BT_ARRAY_SIZE(likely); i++)
		if (has_suffix(path, likely[i]))
			return 60;
	size_t i = 0;
	if (len >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && is_space(head[i]))
		i++;
	if (len - i < 5 || strncmp(head + i, "<?xml", 5))
		return 0;
	char copy[4096];
	size_t n = len < sizeof(copy) - 1 ? len : sizeof(copy) - 1;
	memcpy(copy, head, n);
	copy[n] = '\0';
	for (size_t k = 0; k < n; k++)
		if (!copy[k])
			copy[k] = ' ';
	if (strstr(copy, "<html") || strstr(copy, "<!DOCTYPE html"))
		return 40;	/* XHTML: the html filter's */
	if (strstr(copy, "DocBook") || strstr(copy, DOCBOOK_NS))
		return 85;
	return 70;
}

const struct bt_filter bt_filter_xml = {
	.name = "xml",
	.version = XML_FILTER_VERSION,
	.summary = N_("XML, with ITS 2.0 rules (DocBook and XHTML built in)"),
	.probe = xml_probe,
	.read = xml_read,
	.write_begin = xml_write_begin,
	.write_skeleton = xml_write_skeleton,
	.write_unit = xml_write_unit,
	.write_end = xml_write_end,
};
