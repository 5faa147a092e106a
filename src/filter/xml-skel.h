/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the xml filter's reader (xml.c) and writer (xml-write.c) agree on:
 * the markers in its skeleton, the type of codes with holes, escaping.
 *
 * Markers are control characters that XML 1.0 and 1.1 never allow raw in
 * a document, so a skeleton byte below 0x07 is always one of ours (the
 * skeleton format carries them escaped):
 *
 *   \1 K,OFF,LEN \2  a region begins: what follows, up to \3, replaces
 *                    bytes OFF..OFF+LEN of the data of code number K of
 *                    the unit written last (a code of type XML_HOLES_TYPE)
 *   \3               the region ends
 *   \4               every region of that unit has come: write it out
 *   \5 Q             the next unit is an attribute value quoted with Q,
 *                    or with Q = ']' the text of a CDATA section
 *   \6 ... \6        the root's xml:lang value: merge writes the target
 *                    language instead, when it knows it
 *
 * Regions are how text that sits inside an inline code gets translated:
 * a translatable attribute of an inline element (<a title="...">) and a
 * nested element (a footnote inside a paragraph) become units of their
 * own, written after the unit that holds their code, each in a region.
 */
#ifndef BT_FILTER_XML_SKEL_H
#define BT_FILTER_XML_SKEL_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/output.h"
#include "doc/document.h"

#define XML_MARK_REGION		'\1'
#define XML_MARK_REGION_ARGS	'\2'
#define XML_MARK_REGION_END	'\3'
#define XML_MARK_UNIT_END	'\4'
#define XML_MARK_QUOTE		'\5'
#define XML_MARK_LANG		'\6'
#define XML_MARK_LAST		'\6'

/* After XML_MARK_QUOTE: the unit is all inside a CDATA section. */
#define XML_QUOTE_CDATA		']'

/* The type of a code whose data has holes filled by regions. */
#define XML_HOLES_TYPE "bitext-holes"

/*
 * Escapers for bt_unit_render_escaped(): character data escapes & < >,
 * attribute values also their quote.  Characters XML cannot carry are
 * dropped.  The context, when not NULL, is a struct bt_encodable: the
 * characters it cannot hold become references.
 */
bt_escape_fn xml_escape_text, xml_escape_attr_dq, xml_escape_attr_sq;
/* For the text of a CDATA section: only "]]>" is split. */
bt_escape_fn xml_escape_cdata;

/* The write hooks of bt_filter_xml. */
void *xml_write_begin(const struct bt_document *doc);
int xml_write_skeleton(void *state, const struct bt_document *doc,
		       const char *text, size_t len, struct bt_output *out,
		       struct bt_error *err);
int xml_write_unit(void *state, const struct bt_document *doc,
		   const struct bt_unit *u, struct bt_output *out,
		   struct bt_error *err);
int xml_write_end(void *state, struct bt_output *out, struct bt_error *err);

#endif /* BT_FILTER_XML_SKEL_H */
