/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Safe XML openers; see xml-safe.h for the rules they enforce.
 */
#include "system.h"

#include <libxml/entities.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>

#include "core/xml-safe.h"

/*
 * The external entity loader: refuses everything that is not a local
 * file named by the program itself (schemas import their neighbours).
 * Documents never get here for entities, since no parse sets
 * XML_PARSE_NOENT or XML_PARSE_DTDLOAD; this is the second lock.
 */
static xmlExternalEntityLoader default_loader;

static xmlParserInputPtr
refusing_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (!url || strstr(url, "://") || (ctxt && ctxt->myDoc
					    && ctxt->myDoc->intSubset))
		return NULL;
	/* Local files: only schema imports ask, and only under the data
	 * folder or beside the schema that imports them. */
	return default_loader(url, id, ctxt);
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void) ctx;
	(void) msg;
}

void
bt_xml_safe_init(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	xmlInitParser();
	default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(refusing_loader);
	xmlSetGenericErrorFunc(NULL, quiet);
}

xmlTextReaderPtr
bt_xml_reader_open(const char *path, struct bt_error *err)
{
	bt_xml_safe_init();
	FILE *probe = strcmp(path, "-") ? fopen(path, "rb") : NULL;
	if (strcmp(path, "-") && !probe) {
		bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
			     strerror(errno));
		return NULL;
	}
	if (probe)
		fclose(probe);
	xmlTextReaderPtr r = strcmp(path, "-")
		? xmlReaderForFile(path, NULL, BT_XML_READER_OPTIONS)
		: xmlReaderForFd(0, NULL, NULL, BT_XML_READER_OPTIONS);
	if (!r)
		bt_error_set(err, BT_EIO, path, _("cannot read"));
	return r;
}

int
bt_xml_reader_error(xmlTextReaderPtr reader, const char *path,
		    struct bt_error *err)
{
	(void) reader;
	const xmlError *e = xmlGetLastError();
	if (e && e->domain == XML_FROM_IO)
		bt_error_set(err, BT_EIO, path, _("cannot read: %s"),
			     e->message ? e->message : "?");
	else
		bt_error_set(err, BT_ESYNTAX, path,
			     _("not well-formed XML: %s"),
			     e && e->message ? e->message : "?");
	if (err && err->msg) {
		/* libxml2's messages end with a newline. */
		size_t n = strlen(err->msg);
		while (n && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' '))
			err->msg[--n] = '\0';
	}
	if (e && e->line > 0)
		bt_error_at_line(err, e->line);
	return -1;
}

int
bt_xml_reader_next(xmlTextReaderPtr reader, const char *path,
		   struct bt_error *err)
{
	int rc = xmlTextReaderRead(reader);
	if (rc < 0)
		return bt_xml_reader_error(reader, path, err);
	if (rc == 1
	    && xmlTextReaderNodeType(reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
		/* The DTD node itself: asking for the document instead would
		 * make the reader leave it to us to free. */
		xmlNodePtr node = xmlTextReaderCurrentNode(reader);
		xmlDtdPtr dtd = node && node->type == XML_DTD_NODE
			? (xmlDtdPtr) node : NULL;
		if (dtd && dtd->entities) {
			bt_error_set(err, BT_EINVALID, path,
				     _("the file declares XML entities, which "
				       "bitext does not expand"));
			bt_error_at_line(err, xmlTextReaderGetParserLineNumber(
						      reader));
			return -1;
		}
	}
	return rc;
}

/* SAX hook: a document that declares an entity is refused on the spot,
 * before anything can expand it. */
static void
refuse_entity(void *ctx, const xmlChar *name, int type,
	      const xmlChar *public_id, const xmlChar *system_id,
	      xmlChar *content)
{
	(void) name, (void) type, (void) public_id, (void) system_id;
	(void) content;
	xmlParserCtxtPtr ctxt = ctx;
	ctxt->_private = (void *) 1;
	xmlStopParser(ctxt);
}

void
bt_xml_refuse_entities(xmlParserCtxtPtr ctxt)
{
	ctxt->sax->entityDecl = refuse_entity;
	ctxt->_private = NULL;
}

bool
bt_xml_entities_refused(xmlParserCtxtPtr ctxt)
{
	return ctxt->_private != NULL;
}

xmlDocPtr
bt_xml_read_file(const char *path, struct bt_error *err)
{
	bt_xml_safe_init();
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		bt_error_set(err, BT_EIO, path, _("cannot read"));
		return NULL;
	}
	bt_xml_refuse_entities(ctxt);
	xmlDocPtr doc = xmlCtxtReadFile(ctxt, path, NULL, BT_XML_SAFE_OPTIONS);
	if (bt_xml_entities_refused(ctxt)) {
		bt_error_set(err, BT_EINVALID, path,
			     _("the file declares XML entities, which bitext "
			       "does not expand"));
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (!doc) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		if (e && e->code == XML_IO_LOAD_ERROR)
			bt_error_set(err, BT_EIO, path, _("cannot read"));
		else
			bt_error_set(err, BT_ESYNTAX, path,
				     _("not well-formed XML: %s"),
				     e && e->message ? e->message : "?");
		if (err && err->msg) {
			size_t n = strlen(err->msg);
			while (n && err->msg[n - 1] == '\n')
				err->msg[--n] = '\0';
		}
		if (e && e->line > 0)
			bt_error_at_line(err, e->line);
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}
