/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading XML safely: every XML file bitext reads (XLIFF, TMX, SRX,
 * schemas) goes through these openers, which set the parser options the
 * project's security rules require:
 *
 *   - no network access (XML_PARSE_NONET);
 *   - no external DTD or external entity loading, no entity substitution
 *     (XML_PARSE_DTDLOAD and XML_PARSE_NOENT are never set, and an
 *     external entity loader that refuses everything is installed);
 *   - documents that declare entities at all are refused, so that
 *     billion-laughs style expansion cannot happen even through
 *     attribute defaults or character data;
 *   - errors are collected with their line, not printed by libxml2.
 */
#ifndef BT_CORE_XML_SAFE_H
#define BT_CORE_XML_SAFE_H

#include <stdbool.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "core/error.h"

/* The options every parse of an untrusted file uses. */
#define BT_XML_SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR \
			     | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)
/*
 * Streaming readers also lift libxml2's 10 MB limit on one text node: an
 * embedded skeleton of a large document is one long base64 text.  That
 * limit guards against entity expansion, which we refuse anyway.
 */
#define BT_XML_READER_OPTIONS (BT_XML_SAFE_OPTIONS | XML_PARSE_HUGE)

/*
 * Installs the refusing entity loader and quiet error handlers, once per
 * process.  The openers below call it; call it yourself before using
 * libxml2 in another way.
 */
void bt_xml_safe_init(void);

/*
 * Opens path as a streaming reader with the safe options.  Returns NULL
 * with err (BT_EIO) if the file cannot be opened.  Parse errors surface
 * through bt_xml_reader_error() when xmlTextReaderRead() returns -1.
 * Caller frees with xmlFreeTextReader().
 */
xmlTextReaderPtr bt_xml_reader_open(const char *path, struct bt_error *err);

/*
 * Advances the reader like xmlTextReaderRead(): 1 on a node, 0 at the
 * end, -1 with err filled.  A document type declaration that declares
 * entities is refused here (BT_EINVALID), before any can be expanded.
 */
int bt_xml_reader_next(xmlTextReaderPtr reader, const char *path,
		       struct bt_error *err);

/*
 * Fills err from the reader's last error: BT_ESYNTAX with file and line
 * for a well-formedness error, BT_EINVALID for a refused DTD or entity.
 * Returns -1.
 */
int bt_xml_reader_error(xmlTextReaderPtr reader, const char *path,
			struct bt_error *err);

/*
 * For a parser context the caller reads with itself (from memory, say):
 * makes a declaration of an entity stop the parse, before anything can
 * expand it; bt_xml_entities_refused() tells afterwards whether that
 * happened (then the document, if any, must be dropped).
 */
void bt_xml_refuse_entities(xmlParserCtxtPtr ctxt);
bool bt_xml_entities_refused(xmlParserCtxtPtr ctxt);

/*
 * Parses path into a tree with the safe options (for small files: SRX,
 * schemas).  Returns NULL with err on failure.  Caller frees with
 * xmlFreeDoc().
 */
xmlDocPtr bt_xml_read_file(const char *path, struct bt_error *err);

#endif /* BT_CORE_XML_SAFE_H */
