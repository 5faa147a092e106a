/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Counting XML files: opens the streaming reader (through
 * core/xml-safe.h), finds the root element and hands over to the XLIFF or
 * TMX reader; and the helpers those readers share.
 */
#include "system.h"

#include "core/xalloc.h"
#include "core/xml-safe.h"
#include "count/readers.h"

int
bt_xml_count_type(struct bt_xml_count *x)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	if (n && (n->type == XML_TEXT_NODE
		  || n->type == XML_CDATA_SECTION_NODE))
		return XML_READER_TYPE_TEXT;
	return xmlTextReaderNodeType(x->r);
}

const char *
bt_xml_count_ns(struct bt_xml_count *x)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	return n && n->ns ? (const char *) n->ns->href : NULL;
}

bool
bt_xml_count_same_ns(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

const char *
bt_xml_count_attr_ref(struct bt_xml_count *x, const char *local,
		      const char *ns)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name[0] != (xmlChar) local[0]
		    || strcmp((const char *) a->name, local)
		    || !bt_xml_count_same_ns(a->ns ? (const char *) a->ns->href
					     : NULL, ns))
			continue;
		xmlNodePtr v = a->children;
		if (!v)
			return "";
		if (v->type == XML_TEXT_NODE && !v->next && v->content)
			return (const char *) v->content;
		/* Entity references in the value: let libxml2 join it. */
		char *joined = bt_xml_count_attr(x, local, ns);
		bt_buf_reset(&x->attr);
		bt_buf_addstr(&x->attr, joined ? joined : "");
		xmlFree(joined);
		return bt_buf_cstr(&x->attr);
	}
	return NULL;
}

int
bt_xml_count_skip(struct bt_xml_count *x)
{
	if (xmlTextReaderIsEmptyElement(x->r))
		return bt_xml_count_read(x);
	int rc = xmlTextReaderNext(x->r);
	if (rc < 0)
		return bt_xml_reader_error(x->r, x->path, x->err);
	return rc;
}

int
bt_xml_count_append(struct bt_xml_count *x, const char *s, size_t n)
{
	if (x->text.len + n > BT_COUNT_MAX_SEGMENT_BYTES) {
		bt_error_set(x->err, BT_ELIMIT, x->path,
			     _("a segment longer than %zu MiB"),
			     BT_COUNT_MAX_SEGMENT_BYTES >> 20);
		bt_error_at_line(x->err,
				 xmlTextReaderGetParserLineNumber(x->r));
		return -1;
	}
	bt_buf_add(&x->text, s, n);
	return 0;
}

char *
bt_xml_count_attr(struct bt_xml_count *x, const char *local, const char *ns)
{
	return (char *) (ns ? xmlTextReaderGetAttributeNs(
				      x->r, BAD_CAST local, BAD_CAST ns)
			 : xmlTextReaderGetAttribute(x->r, BAD_CAST local));
}

bool
bt_count_has_text(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return true;
	return false;
}

int
bt_xml_count_invalid(struct bt_xml_count *x, const char *msg)
{
	bt_error_set(x->err, BT_ESYNTAX, x->path, "%s", msg);
	bt_error_at_line(x->err, xmlTextReaderGetParserLineNumber(x->r));
	return -1;
}

int
bt_count_xml(const char *path, struct bt_coverage_file *file,
	     struct bt_words *words, struct bt_error *err)
{
	struct bt_xml_count x = {
		.path = path, .file = file, .words = words, .err = err,
		.text = BT_BUF_INIT, .attr = BT_BUF_INIT,
	};
	bt_words_set_lang(words, NULL);
	x.r = bt_xml_reader_open(path, err);
	if (!x.r)
		return -1;
	int rc;
	while ((rc = bt_xml_count_read(&x)) == 1
	       && xmlTextReaderNodeType(x.r) != XML_READER_TYPE_ELEMENT)
		;
	x.past_root = true;
	if (rc == 0)
		rc = bt_error_set(err, BT_ESYNTAX, path,
				  _("not well-formed XML: no root element"));
	if (rc == 1) {
		const char *name =
			(const char *) xmlTextReaderConstLocalName(x.r);
		if (!strcmp(name, "xliff"))
			rc = bt_count_xliff(&x);
		else if (!strcmp(name, "tmx"))
			rc = bt_count_tmx(&x);
		else
			rc = bt_error_set(err, BT_ESYNTAX, path,
					  _("not XLIFF or TMX: the root "
					    "element is <%s>"), name);
	}
	/* bt_xml_reader_next() asks for the document to check a DOCTYPE,
	 * which makes the reader leave it to us (xmlTextReaderCurrentDoc);
	 * take it in every case, and free it once the reader is gone. */
	xmlDocPtr doc = xmlTextReaderCurrentDoc(x.r);
	xmlFreeTextReader(x.r);
	xmlFreeDoc(doc);
	bt_buf_release(&x.text);
	bt_buf_release(&x.attr);
	bt_unit_tally_release(&x.unit);
	return rc < 0 ? -1 : 0;
}
