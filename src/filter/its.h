/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ITS 2.0 (https://www.w3.org/TR/its20/): what a document's markup says
 * about its own translation, for the xml filter.
 *
 * Five data categories are understood: Translate, Elements Within Text,
 * Localization Note, Id Value and Preserve Space.  Global rules come from
 * its:rules elements (in rule files and in the document, with the files
 * they link with xlink:href); their selectors are XPath 1.0, evaluated by
 * libxml2 with the rule's in-scope namespaces and its:param variables.
 * Local markup (its:translate, its:withinText, its:locNote, xml:id,
 * xml:space) wins over global rules; among global rules the later wins.
 *
 *	struct bt_its_rules *r = bt_its_rules_new();
 *	bt_its_rules_add_file(r, "docbook.xml", err);	   (lowest first)
 *	bt_its_apply(r, doc, path, 0, &map, err);	   (+ doc's own rules)
 *	... map.flags[i] for the i-th element in document order ...
 *	bt_its_map_release(&map);
 *	bt_its_rules_free(r);
 *
 * The result is a map by element number (elements counted in document
 * order from 0, the root first), so that the document tree can be freed
 * and its bytes read again in the same order.
 */
#ifndef BT_FILTER_ITS_H
#define BT_FILTER_ITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "core/error.h"

#define BT_ITS_NS "http://www.w3.org/2005/11/its"

enum bt_its_within {
	BT_ITS_WITHIN_NO,	/* the element's text is a unit of its own */
	BT_ITS_WITHIN_YES,	/* it is inline: codes in its parent's unit */
	BT_ITS_WITHIN_NESTED,	/* units of its own inside its parent's */
};

/* bt_its_map.flags[] bits. */
enum {
	BT_ITS_TRANSLATE = 1 << 0,
	BT_ITS_WITHIN_SHIFT = 1,	/* 2 bits of enum bt_its_within */
	BT_ITS_PRESERVE = 1 << 3,	/* xml:space="preserve" in effect */
	BT_ITS_HAS_ATTRS = 1 << 4,	/* some of its attributes are units */
};

#define BT_ITS_WITHIN(flags) \
	((enum bt_its_within) (((flags) >> BT_ITS_WITHIN_SHIFT) & 3))

/* A localization note: text for the translator, or where to find it. */
struct bt_its_note {
	char *text;		/* owned */
	bool alert;		/* locNoteType="alert" (else description) */
	bool ref;		/* text is a URI (locNoteRef) */
};

/* A translatable attribute. */
struct bt_its_attr {
	size_t elem;		/* number of its element */
	size_t ordinal;		/* place among the element's attributes,
				   namespace declarations not counted */
	uint32_t note, id;	/* as in bt_its_map, 0 for none */
};

struct bt_its_map {
	size_t n_elems;
	uint8_t *flags;		/* owned; per element: BT_ITS_* bits */
	uint32_t *note;		/* owned; per element: index into notes */
	uint32_t *id;		/* owned; per element: index into ids */
	struct bt_its_note *notes;	/* owned; [0] unused */
	size_t n_notes;
	char **ids;		/* owned; [0] unused */
	size_t n_ids;
	struct bt_its_attr *attrs;	/* owned; by element, then ordinal */
	size_t n_attrs;
};

enum bt_its_apply_flags {
	/* The translate attribute without namespace is local Translate
	 * markup, as in (X)HTML. */
	BT_ITS_HTML_TRANSLATE = 1 << 0,
};

struct bt_its_rules;

/* An empty rule list.  Caller frees with bt_its_rules_free(). */
struct bt_its_rules *bt_its_rules_new(void);
void bt_its_rules_free(struct bt_its_rules *r);

/*
 * Adds the global rules of every its:rules element of the file at path,
 * after those already there (so they win over them), each preceded by
 * the rules it links with xlink:href.  Returns 0, or -1 with err (the
 * file cannot be read, is not well formed, or has a bad rule).
 */
int bt_its_rules_add_file(struct bt_its_rules *r, const char *path,
			  struct bt_error *err);

/*
 * Adds the rules of doc's own its:rules elements (path names doc, for
 * messages and relative links), then evaluates every rule and the local
 * markup of doc, and fills map.  The rules must outlive this call only.
 * Returns 0, or -1 with err: a selector that is not XPath, or that
 * selects no nodes, names the rule's file, line and selector.
 */
int bt_its_apply(struct bt_its_rules *r, xmlDocPtr doc, const char *path,
		 unsigned flags, struct bt_its_map *map, struct bt_error *err);

/* The translatable attribute number ordinal of element elem, or NULL. */
const struct bt_its_attr *bt_its_map_attr(const struct bt_its_map *map,
					  size_t elem, size_t ordinal);

void bt_its_map_release(struct bt_its_map *map);

#endif /* BT_FILTER_ITS_H */
