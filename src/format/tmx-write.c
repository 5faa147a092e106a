/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing TMX 1.4b with xmlTextWriter; see tmx.h.
 */
#include "system.h"

#include <time.h>

#include "format/tmx.h"
#include "format/xml-writer.h"
#include "core/xalloc.h"

struct bt_tmx_writer {
	struct bt_xml_writer xw;
};

#define W(call) do { if (bt_xml_writer_check(&w->xw, (call), err) < 0) \
		goto fail; } while (0)

struct bt_tmx_writer *
bt_tmx_writer_new(struct bt_output *out, const struct bt_tmx_header *h,
		  struct bt_error *err)
{
	struct bt_tmx_writer *w = bt_xcalloc(1, sizeof(*w));
	bt_xml_writer_init(&w->xw, out, 1);
	xmlTextWriterPtr x = w->xw.w;
	char date[32];
	time_t now = time(NULL);
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (epoch && *epoch)
		now = (time_t) strtoll(epoch, NULL, 10);
	strftime(date, sizeof(date), "%Y%m%dT%H%M%SZ", gmtime(&now));

	W(xmlTextWriterStartDocument(x, "1.0", "UTF-8", NULL));
	W(xmlTextWriterWriteDTD(x, BAD_CAST "tmx", NULL, BAD_CAST "tmx14.dtd",
				NULL));
	W(xmlTextWriterStartElement(x, BAD_CAST "tmx"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "version", BAD_CAST "1.4"));
	W(xmlTextWriterStartElement(x, BAD_CAST "header"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "creationtool",
				      BAD_CAST PACKAGE_NAME));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "creationtoolversion",
				      BAD_CAST PACKAGE_VERSION));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "segtype",
		BAD_CAST (h->segtype ? h->segtype : "sentence")));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "o-tmf",
		BAD_CAST (h->o_tmf ? h->o_tmf : PACKAGE_NAME)));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "adminlang",
		BAD_CAST (h->adminlang ? h->adminlang : "en")));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "srclang",
		BAD_CAST (h->srclang ? h->srclang : "*all*")));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "datatype",
		BAD_CAST (h->datatype ? h->datatype : "plaintext")));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "creationdate",
				      BAD_CAST date));
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterStartElement(x, BAD_CAST "body"));
	return w;
fail:
	bt_tmx_writer_free(w);
	return NULL;
}

/* A character XML cannot hold: a <ph> whose data names it. */
static int
write_bad_char(void *ctx, uint32_t c)
{
	xmlTextWriterPtr x = ctx;
	if (xmlTextWriterStartElement(x, BAD_CAST "ph") < 0
	    || xmlTextWriterWriteAttribute(x, BAD_CAST "type",
					   BAD_CAST "x-bitext-cp") < 0
	    || xmlTextWriterWriteFormatString(x, "&#x%X;", (unsigned) c) < 0
	    || xmlTextWriterEndElement(x) < 0)
		return -1;
	return 0;
}

/* Whether the code at index k has its partner inside the same content. */
static int
has_partner(const struct bt_content *c, size_t k)
{
	const struct bt_code *code = &c->codes[k];
	for (size_t i = 0; i < c->n_codes; i++)
		if (i != k && c->codes[i].id == code->id
		    && c->codes[i].kind != code->kind
		    && c->codes[i].kind != BT_CODE_STANDALONE
		    && (code->kind == BT_CODE_OPEN ? i > k : i < k))
			return 1;
	return 0;
}

static int
write_code(struct bt_tmx_writer *w, const struct bt_content *c, size_t k,
	   struct bt_error *err)
{
	xmlTextWriterPtr x = w->xw.w;
	const struct bt_code *code = &c->codes[k];
	const char *name;
	char num[24];
	if (code->kind == BT_CODE_STANDALONE)
		name = "ph";
	else if (has_partner(c, k))
		name = code->kind == BT_CODE_OPEN ? "bpt" : "ept";
	else
		name = "it";
	W(xmlTextWriterStartElement(x, BAD_CAST name));
	snprintf(num, sizeof(num), "%d", code->id < 0 ? (int) k + 1
		 : code->id);
	if (!strcmp(name, "bpt") || !strcmp(name, "ept"))
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "i", BAD_CAST num));
	if (!strcmp(name, "it"))
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "pos",
			BAD_CAST (code->kind == BT_CODE_OPEN ? "begin" : "end")));
	if (strcmp(name, "ept"))
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "x", BAD_CAST num));
	if (code->type && strcmp(name, "ept"))
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "type",
					      BAD_CAST code->type));
	if (bt_xml_write_text(&w->xw, code->data, code->data_len,
			      write_bad_char, x, err) < 0)
		goto fail;
	W(xmlTextWriterEndElement(x));
	return 0;
fail:
	return -1;
}

static int
write_seg(struct bt_tmx_writer *w, const struct bt_content *c,
	  struct bt_error *err)
{
	xmlTextWriterPtr x = w->xw.w;
	/* Mixed content: indenting inside it would add text to it. */
	W(xmlTextWriterStartElement(x, BAD_CAST "seg"));
	W(xmlTextWriterSetIndent(x, 0));
	size_t done = 0, code = 0;
	for (size_t i = 0; i + BT_MARK_LEN <= c->len; i++) {
		if ((unsigned char) c->text[i] != 0xEF
		    || !bt_mark_at(c->text + i, c->len - i, NULL))
			continue;
		if (bt_xml_write_text(&w->xw, c->text + done, i - done,
				      write_bad_char, x, err) < 0
		    || write_code(w, c, code++, err) < 0)
			goto fail;
		i += BT_MARK_LEN - 1;
		done = i + 1;
	}
	if (bt_xml_write_text(&w->xw, c->text + done, c->len - done,
			      write_bad_char, x, err) < 0)
		goto fail;
	W(xmlTextWriterEndElement(x));
	/* Back to indenting, on a line of its own. */
	W(xmlTextWriterWriteRaw(x, BAD_CAST "\n"));
	W(xmlTextWriterSetIndent(x, 1));
	return 0;
fail:
	return -1;
}

int
bt_tmx_writer_add(struct bt_tmx_writer *w, const struct bt_tmx_tu *tu,
		  struct bt_error *err)
{
	xmlTextWriterPtr x = w->xw.w;
	W(xmlTextWriterStartElement(x, BAD_CAST "tu"));
	if (tu->tuid)
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "tuid",
					      BAD_CAST tu->tuid));
	/* The DTD wants notes, then props, then the variants. */
	for (size_t i = 0; i < tu->n_notes; i++)
		W(xmlTextWriterWriteElement(x, BAD_CAST "note",
					    BAD_CAST tu->notes[i]));
	for (size_t i = 0; i < tu->n_props; i++) {
		W(xmlTextWriterStartElement(x, BAD_CAST "prop"));
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "type",
					      BAD_CAST tu->props[i].type));
		W(xmlTextWriterWriteString(x, BAD_CAST tu->props[i].value));
		W(xmlTextWriterEndElement(x));
	}
	for (size_t i = 0; i < tu->n_tuvs; i++) {
		const struct bt_tmx_tuv *v = &tu->tuvs[i];
		if (!v->content || !v->content->len)
			continue;
		W(xmlTextWriterStartElement(x, BAD_CAST "tuv"));
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "xml:lang",
					      BAD_CAST v->lang));
		if (write_seg(w, v->content, err) < 0)
			goto fail;
		W(xmlTextWriterEndElement(x));
	}
	W(xmlTextWriterEndElement(x));
	return 0;
fail:
	return -1;
}

int
bt_tmx_writer_finish(struct bt_tmx_writer *w, struct bt_error *err)
{
	int rc = bt_xml_writer_finish(&w->xw, err);
	free(w);
	return rc;
}

void
bt_tmx_writer_free(struct bt_tmx_writer *w)
{
	if (!w)
		return;
	bt_xml_writer_release(&w->xw);
	free(w);
}
