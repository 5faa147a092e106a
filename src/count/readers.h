/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Inside src/count/: what the per-format readers share with coverage.c.
 * Not an API for the rest of bitext; use count/coverage.h.
 *
 * A reader walks one file, and for each unit it meets fills a struct
 * bt_unit_tally (one entry per segment: its source words and characters,
 * its state) and hands it to bt_coverage_file_add_unit(), which adds it to
 * the file's counters.  Bilingual pairs also go to
 * bt_coverage_file_add_pair().  Readers report errors through bt_error and
 * never print.
 */
#ifndef BT_COUNT_READERS_H
#define BT_COUNT_READERS_H

#include <libxml/xmlreader.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/xml-safe.h"
#include "count/coverage.h"
#include "count/words.h"

/* Limits on what one input may make us hold in memory (BT_ELIMIT). */
#define BT_COUNT_MAX_SEGMENT_BYTES ((size_t) 64 << 20)
#define BT_COUNT_MAX_SEGMENTS ((size_t) 1 << 20)

/* One segment of the unit being read. */
struct bt_seg_tally {
	struct bt_word_count wc;	/* its source */
	enum bt_state state;
	bool target;		/* its target holds something */
	char *mid;		/* owned: XLIFF 1.2 <mrk mid>, or NULL */
};

/* The segments of the unit being read; reused from unit to unit. */
struct bt_unit_tally {
	struct bt_seg_tally *segs;	/* owned */
	size_t n;
	size_t cap;
};

/* A new zeroed segment at the end of u; NULL past BT_COUNT_MAX_SEGMENTS. */
struct bt_seg_tally *bt_unit_tally_add(struct bt_unit_tally *u);
/* Forgets the segments (keeps the memory). */
void bt_unit_tally_reset(struct bt_unit_tally *u);
void bt_unit_tally_release(struct bt_unit_tally *u);

/*
 * Adds a unit to f: its segments with any source text count in their
 * state (all in BT_EXCLUDED when excluded), and the unit in the least
 * advanced state of them.  A unit whose source is empty (or only white
 * space and codes) is not counted at all.
 */
void bt_coverage_file_add_unit(struct bt_coverage_file *f,
			       const struct bt_unit_tally *u, bool excluded);

/*
 * Adds one bilingual unit to f's alignment: src_chars source characters
 * (0: no source), whether it has a target, its bead ("2-1", or NULL: one
 * sentence a non-empty side) and its score (negative: none).
 */
void bt_coverage_file_add_pair(struct bt_coverage_file *f, uint64_t src_chars,
			       bool target, const char *bead, double score);

/* Parses a score "0.73"; negative when it is not a number in 0..1. */
double bt_count_parse_score(const char *s);

/* --- XML readers ------------------------------------------------------ */

/* What an XML reader works with. */
struct bt_xml_count {
	xmlTextReaderPtr r;
	const char *path;
	struct bt_coverage_file *file;
	struct bt_words *words;
	struct bt_error *err;
	struct bt_buf text;		/* source text being collected */
	struct bt_unit_tally unit;
	struct bt_buf attr;		/* bt_xml_count_attr_ref() scratch */
	bool past_root;			/* the root element was read */
};

/*
 * Counts an XML file: finds its root element and hands over to the XLIFF
 * or TMX reader.  Fills file->format and file->lang.
 */
int bt_count_xml(const char *path, struct bt_coverage_file *file,
		 struct bt_words *words, struct bt_error *err);

/* The readers; x->r is on the root element (<xliff> or <tmx>). */
int bt_count_xliff(struct bt_xml_count *x);
int bt_count_tmx(struct bt_xml_count *x);

/* Helpers for the XML readers. */
/*
 * Next node, as bt_xml_reader_next(): 1, 0 at the end, -1 with x->err.
 * Inline: it runs for every node.
 */
static inline int
bt_xml_count_read(struct bt_xml_count *x)
{
	/* A document type declaration, the only node whose entities
	 * bt_xml_reader_next() checks, cannot come after the root element:
	 * from there on, read without asking each node its type. */
	if (!x->past_root)
		return bt_xml_reader_next(x->r, x->path, x->err);
	int rc = xmlTextReaderRead(x->r);
	if (rc < 0)
		return bt_xml_reader_error(x->r, x->path, x->err);
	return rc;
}
/*
 * The type of the current node, as xmlTextReaderNodeType() but cheaper:
 * text, CDATA and white space are all XML_READER_TYPE_TEXT (asking the
 * reader whether a text node is white space makes it look for xml:space
 * up the tree, for every node).
 */
int bt_xml_count_type(struct bt_xml_count *x);

/*
 * The current node (borrowed until the next read) in *node, and its type
 * as bt_xml_count_type() gives it, in one call: the readers then take the
 * element's name, namespace and attributes, or the text's content, from
 * the node itself rather than through an accessor call each.  An element's
 * name (node->name) is interned in the reader's dictionary, so it compares
 * by pointer with xmlTextReaderConstString(); a text node's content is
 * node->content.
 */
static inline int
bt_xml_count_node(struct bt_xml_count *x, xmlNodePtr *node)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	*node = n;
	if (n && (n->type == XML_TEXT_NODE
		  || n->type == XML_CDATA_SECTION_NODE))
		return XML_READER_TYPE_TEXT;
	return xmlTextReaderNodeType(x->r);
}

/*
 * As bt_xml_count_node(), when the reader is known to be inside element
 * open (whose start tag was read, not skipped; NULL: none): a node that is
 * open itself is its end tag, since the reader reports an end tag on the
 * node of the start tag, which lives until then.  Spares asking the
 * reader.
 */
static inline int
bt_xml_count_node_in(struct bt_xml_count *x, xmlNodePtr *node,
		     xmlNodePtr open)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	*node = n;
	if (n && n == open)
		return XML_READER_TYPE_END_ELEMENT;
	if (n && (n->type == XML_TEXT_NODE
		  || n->type == XML_CDATA_SECTION_NODE))
		return XML_READER_TYPE_TEXT;
	return xmlTextReaderNodeType(x->r);
}

/* The namespace URI of element node n, or NULL; borrowed as n. */
static inline const char *
bt_xml_node_ns(xmlNodePtr n)
{
	return n->ns ? (const char *) n->ns->href : NULL;
}
/* The namespace URI of the current element, or NULL; borrowed until the
 * next read. */
const char *bt_xml_count_ns(struct bt_xml_count *x);
/* Whether two namespace URIs (either NULL) are the same. */
bool bt_xml_count_same_ns(const char *a, const char *b);
/* The value of the current element's attribute local (in namespace ns, or
 * in none), or NULL; borrowed until the next call or read.  Unlike
 * xmlTextReaderGetAttribute() it allocates nothing in the common case. */
const char *bt_xml_count_attr_ref(struct bt_xml_count *x, const char *local,
				  const char *ns);
/* Skips the current element's subtree: the reader ends on the node after
 * it.  Same returns. */
int bt_xml_count_skip(struct bt_xml_count *x);
/* Appends text to x->text; -1 (BT_ELIMIT) past the segment limit. */
int bt_xml_count_append(struct bt_xml_count *x, const char *s, size_t n);
/* The attribute's value, which the caller frees with xmlFree(); NULL if
 * absent.  local: its local name; ns: its namespace URI or NULL. */
char *bt_xml_count_attr(struct bt_xml_count *x, const char *local,
			const char *ns);
/* Whether s holds anything but XML white space. */
bool bt_count_has_text(const char *s);
/* Sets x->err to "malformed FORMAT: msg" at the reader's line. */
int bt_xml_count_invalid(struct bt_xml_count *x, const char *msg);

/* --- PO --------------------------------------------------------------- */

/* Counts a PO file through libgettextpo.  Fills file->format. */
int bt_count_po(const char *path, struct bt_coverage_file *file,
		struct bt_words *words, struct bt_error *err);

/* Placeholder syntaxes a PO message's flags announce. */
enum bt_po_syntax {
	BT_PO_PRINTF = 1 << 0,	/* %s %d %1$s %(name)s %%: c-format... */
	BT_PO_BRACE = 1 << 1,	/* {0} {name} {name:fmt}: python-brace,
				 * java, csharp... */
	BT_PO_QT = 1 << 2,	/* %1 .. %99: qt-format, kde-format */
};

/*
 * Copies PO text to out with what is not translatable text blanked out:
 * XML/HTML tags (removed, so "<b>bold</b>ly" stays one word; <br> becomes
 * a space) and the placeholders of syntaxes (a space each).
 */
void bt_po_strip(const char *s, unsigned syntaxes, struct bt_buf *out);

/* --- inputs ----------------------------------------------------------- */

enum bt_input_kind { BT_INPUT_UNKNOWN, BT_INPUT_XML, BT_INPUT_PO };

/* Tells an input's kind from its first bytes (and its name, for PO).
 * -1 with err when it cannot be read. */
int bt_input_sniff(const char *path, enum bt_input_kind *kind,
		   struct bt_error *err);

/*
 * Calls fn(ctx, path) for each file under dir that coverage reads (see
 * bt_coverage_add), in byte order, recursively.  A folder that cannot be
 * read gives fn's err_fn; -1 when one could not.
 */
int bt_input_walk(const char *dir, void (*fn)(void *ctx, const char *path),
		  void (*err_fn)(void *ctx, struct bt_error *err), void *ctx);

#endif /* BT_COUNT_READERS_H */
