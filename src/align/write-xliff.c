/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A bilingual XLIFF 2.1 of an alignment: one <file> for the source
 * document, one <unit> per bead with a <segment> holding the bead's
 * source and target, and the bead's score and type in the metadata
 * module:
 *
 *	<unit id="b1">
 *	  <mda:metadata>
 *	    <mda:metaGroup category="x-bitext-align">
 *	      <mda:meta type="score">0.873</mda:meta>
 *	      <mda:meta type="bead">1-2</mda:meta>
 *	    </mda:metaGroup>
 *	  </mda:metadata>
 *	  <originalData>...</originalData>     when there are inline codes
 *	  <segment state="translated"><source>...</source><target>...</target>
 *
 * A 1-0 bead has no <target>; a 0-1 bead an empty <source>.  Inline codes
 * become <sc>/<ec> (isolated when their partner is in another bead) and
 * <ph>, their original markup in <originalData>.  A character XML cannot
 * carry becomes <cp hex="..."/>.  Valid against the XLIFF 2.1 core and
 * metadata schemas.
 */
#include "system.h"
#include "align/align-internal.h"
#include "format/xml-writer.h"

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:2.0"
#define MDA_NS "urn:oasis:names:tc:xliff:metadata:2.0"

#define W(call) do { if (bt_xml_writer_check(xw, (call), err) < 0) \
		return -1; } while (0)

static int
write_cp(void *ctx, uint32_t c)
{
	xmlTextWriterPtr x = ctx;
	if (xmlTextWriterStartElement(x, BAD_CAST "cp") < 0
	    || xmlTextWriterWriteFormatAttribute(x, BAD_CAST "hex", "%04X",
						 (unsigned) c) < 0
	    || xmlTextWriterEndElement(x) < 0)
		return -1;
	return 0;
}

/* The index of the code that pairs with code k in c, or -1. */
static long
partner(const struct bt_content *c, size_t k)
{
	const struct bt_code *code = &c->codes[k];
	if (code->kind == BT_CODE_STANDALONE)
		return -1;
	for (size_t i = 0; i < c->n_codes; i++)
		if (i != k && c->codes[i].id == code->id
		    && c->codes[i].kind != BT_CODE_STANDALONE
		    && c->codes[i].kind != code->kind
		    && (code->kind == BT_CODE_OPEN ? i > k : i < k))
			return (long) i;
	return -1;
}

static int
write_code(struct bt_xml_writer *xw, const struct bt_content *c, size_t k,
	   char side, struct bt_error *err)
{
	xmlTextWriterPtr x = xw->w;
	const struct bt_code *code = &c->codes[k];
	long p = partner(c, k);
	const char *name = code->kind == BT_CODE_STANDALONE ? "ph"
		: code->kind == BT_CODE_OPEN ? "sc" : "ec";
	W(xmlTextWriterStartElement(x, BAD_CAST name));
	if (code->kind == BT_CODE_CLOSE && p >= 0) {
		W(xmlTextWriterWriteFormatAttribute(x, BAD_CAST "startRef",
						    "%c%ld", side, p + 1));
	} else {
		W(xmlTextWriterWriteFormatAttribute(x, BAD_CAST "id", "%c%zu",
						    side, k + 1));
		if (code->kind != BT_CODE_STANDALONE && p < 0)
			W(xmlTextWriterWriteAttribute(x, BAD_CAST "isolated",
						      BAD_CAST "yes"));
	}
	W(xmlTextWriterWriteFormatAttribute(x, BAD_CAST "dataRef", "d%c%zu",
					    side, k + 1));
	W(xmlTextWriterEndElement(x));
	return 0;
}

static int
write_content(struct bt_xml_writer *xw, const struct bt_content *c,
	      char side, struct bt_error *err)
{
	size_t done = 0, code = 0;
	for (size_t i = 0; i + BT_MARK_LEN <= c->len; i++) {
		if ((unsigned char) c->text[i] != 0xEF
		    || !bt_mark_at(c->text + i, c->len - i, NULL))
			continue;
		if (bt_xml_write_text(xw, c->text + done, i - done, write_cp,
				      xw->w, err) < 0
		    || write_code(xw, c, code++, side, err) < 0)
			return -1;
		i += BT_MARK_LEN - 1;
		done = i + 1;
	}
	return bt_xml_write_text(xw, c->text + done, c->len - done, write_cp,
				 xw->w, err);
}

static int
write_data(struct bt_xml_writer *xw, const struct bt_content *c, char side,
	   struct bt_error *err)
{
	xmlTextWriterPtr x = xw->w;
	for (size_t k = 0; k < c->n_codes; k++) {
		W(xmlTextWriterStartElement(x, BAD_CAST "data"));
		W(xmlTextWriterWriteFormatAttribute(x, BAD_CAST "id", "d%c%zu",
						    side, k + 1));
		if (bt_xml_write_text(xw, c->codes[k].data,
				      c->codes[k].data_len, write_cp, x,
				      err) < 0)
			return -1;
		W(xmlTextWriterEndElement(x));
	}
	return 0;
}

static int
write_unit(struct bt_xml_writer *xw, size_t n, const struct bt_bead *d,
	   const struct bt_content *s, const struct bt_content *t,
	   struct bt_error *err)
{
	xmlTextWriterPtr x = xw->w;
	char score[16];
	bead_score_str(d->score, score, sizeof(score));
	W(xmlTextWriterStartElement(x, BAD_CAST "unit"));
	W(xmlTextWriterWriteFormatAttribute(x, BAD_CAST "id", "b%zu", n));
	W(xmlTextWriterStartElementNS(x, BAD_CAST "mda", BAD_CAST "metadata",
				      NULL));
	W(xmlTextWriterStartElementNS(x, BAD_CAST "mda",
				      BAD_CAST "metaGroup", NULL));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "category",
				      BAD_CAST "x-bitext-align"));
	W(xmlTextWriterStartElementNS(x, BAD_CAST "mda", BAD_CAST "meta",
				      NULL));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "type", BAD_CAST "score"));
	W(xmlTextWriterWriteString(x, BAD_CAST score));
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterStartElementNS(x, BAD_CAST "mda", BAD_CAST "meta",
				      NULL));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "type", BAD_CAST "bead"));
	W(xmlTextWriterWriteFormatString(x, "%u-%u", d->n_src, d->n_tgt));
	W(xmlTextWriterEndElement(x));
	W(xmlTextWriterEndElement(x));	/* metaGroup */
	W(xmlTextWriterEndElement(x));	/* metadata */
	if (s->n_codes || t->n_codes) {
		W(xmlTextWriterStartElement(x, BAD_CAST "originalData"));
		if (write_data(xw, s, 's', err) < 0
		    || write_data(xw, t, 't', err) < 0)
			return -1;
		W(xmlTextWriterEndElement(x));
	}
	W(xmlTextWriterStartElement(x, BAD_CAST "segment"));
	if (d->n_tgt)
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "state",
					      BAD_CAST "translated"));
	W(xmlTextWriterStartElement(x, BAD_CAST "source"));
	if (write_content(xw, s, 's', err) < 0)
		return -1;
	W(xmlTextWriterEndElement(x));
	if (d->n_tgt) {
		W(xmlTextWriterStartElement(x, BAD_CAST "target"));
		if (write_content(xw, t, 't', err) < 0)
			return -1;
		W(xmlTextWriterEndElement(x));
	}
	W(xmlTextWriterEndElement(x));	/* segment */
	W(xmlTextWriterEndElement(x));	/* unit */
	return 0;
}

static int
write_all(struct bt_xml_writer *xw, const struct bt_align_side *src,
	  const struct bt_align_side *tgt, const struct bt_alignment *a,
	  struct bt_error *err)
{
	xmlTextWriterPtr x = xw->w;
	W(xmlTextWriterStartDocument(x, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(x, BAD_CAST "xliff"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "xmlns", BAD_CAST XLIFF_NS));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "xmlns:mda",
				      BAD_CAST MDA_NS));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "version", BAD_CAST "2.1"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "srcLang",
				      BAD_CAST bt_align_side_lang(src)));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "trgLang",
				      BAD_CAST bt_align_side_lang(tgt)));
	W(xmlTextWriterStartElement(x, BAD_CAST "file"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "id", BAD_CAST "f1"));
	W(xmlTextWriterWriteAttribute(x, BAD_CAST "original",
				      BAD_CAST bt_align_side_path(src)));
	for (size_t k = 0; k < a->n_beads; k++) {
		const struct bt_bead *d = &a->beads[k];
		struct bead_content s, t;
		bead_content_get(src, d->src, d->n_src, &s);
		bead_content_get(tgt, d->tgt, d->n_tgt, &t);
		int rc = write_unit(xw, k + 1, d, &s.c, &t.c, err);
		bead_content_release(&s);
		bead_content_release(&t);
		if (rc < 0)
			return -1;
	}
	if (!a->n_beads) {
		/* A <file> needs a unit: an empty one for empty documents. */
		W(xmlTextWriterStartElement(x, BAD_CAST "unit"));
		W(xmlTextWriterWriteAttribute(x, BAD_CAST "id", BAD_CAST "b0"));
		W(xmlTextWriterStartElement(x, BAD_CAST "segment"));
		W(xmlTextWriterWriteElement(x, BAD_CAST "source", BAD_CAST ""));
		W(xmlTextWriterEndElement(x));
		W(xmlTextWriterEndElement(x));
	}
	W(xmlTextWriterEndElement(x));	/* file */
	W(xmlTextWriterEndElement(x));	/* xliff */
	return 0;
}

int
bt_align_write_xliff(struct bt_output *out, const struct bt_align_side *src,
		     const struct bt_align_side *tgt,
		     const struct bt_alignment *a, struct bt_error *err)
{
	struct bt_xml_writer w;
	bt_xml_writer_init(&w, out, 1);
	if (write_all(&w, src, tgt, a, err) < 0) {
		bt_xml_writer_release(&w);
		return -1;
	}
	return bt_xml_writer_finish(&w, err);
}
