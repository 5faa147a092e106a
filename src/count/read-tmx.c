/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Counting TMX (1.1 to 1.4b), streaming.
 *
 * Each <tu> is one unit of one segment.  Its source is the <tuv> in the
 * source language (the <tu>'s srclang, else the header's; matched exactly,
 * then by primary language; "*all*" or no match: the first <tuv>).  A
 * memory has no workflow states: a unit with a non-empty <tuv> in another
 * language is translated, one without is untranslated.
 *
 * Every TMX file also gets an alignment: a <tu> with both sides filled is
 * an aligned pair, with only one an unaligned sentence.  bitext align
 * marks each <tu> with <prop type="x-bitext-score"> (0..1; under 0.5 is
 * low confidence) and <prop type="x-bitext-bead"> ("2-1": two source
 * sentences, one target sentence).
 *
 * Inline codes: <hi> is transparent; <ph> separates words; <bpt> <ept>
 * <it> <ut> hold native code, not text, and join the text around them.
 */
#include "system.h"

#include "core/xalloc.h"
#include "count/readers.h"

enum name { N_HEADER, N_BODY, N_TU, N_TUV, N_SEG, N_PROP, N_HI, N_PH,
	    N_COUNT };

static const char *const name_text[N_COUNT] = {
	"header", "body", "tu", "tuv", "seg", "prop", "hi", "ph",
};

enum { MAX_TUVS = 4096 };

struct tuv {
	char *lang;			/* owned, or NULL */
	struct bt_word_count wc;
};

struct tmx {
	struct bt_xml_count *x;
	const xmlChar *names[N_COUNT];
	char *srclang;			/* owned: the header's, or NULL */
	char *tu_srclang;		/* owned: the <tu>'s, or NULL */
	struct tuv *tuvs;		/* owned */
	size_t n_tuvs, cap_tuvs;
	char *bead;			/* owned */
	double score;
};

static int
name_of(const struct tmx *t, const xmlChar *local)
{
	for (int i = 0; i < N_COUNT; i++)
		if (t->names[i] == local)
			return i;
	return -1;
}

static void
reset_tu(struct tmx *t)
{
	for (size_t i = 0; i < t->n_tuvs; i++)
		free(t->tuvs[i].lang);
	t->n_tuvs = 0;
	free(t->tu_srclang);
	t->tu_srclang = NULL;
	free(t->bead);
	t->bead = NULL;
	t->score = -1;
}

/* The xml:lang of the element the reader is on (TMX 1.1: lang). */
static char *
lang_attr(struct tmx *t)
{
	const char *v = bt_xml_count_attr_ref(
		t->x, "lang", "http://www.w3.org/XML/1998/namespace");
	if (!v)
		v = bt_xml_count_attr_ref(t->x, "lang", NULL);
	return bt_xstrdup(v);
}

/* Whether two language tags have the same primary language. */
static bool
same_primary(const char *a, const char *b)
{
	size_t n = strcspn(a, "-_"), k = strcspn(b, "-_");
	return n == k && !strncasecmp(a, b, n);
}

/* Which tuv is the source. */
static size_t
source_tuv(const struct tmx *t)
{
	const char *src = t->tu_srclang ? t->tu_srclang : t->srclang;
	if (!src || !strcmp(src, "*all*"))
		return 0;
	for (size_t i = 0; i < t->n_tuvs; i++)
		if (t->tuvs[i].lang && !strcasecmp(t->tuvs[i].lang, src))
			return i;
	for (size_t i = 0; i < t->n_tuvs; i++)
		if (t->tuvs[i].lang && same_primary(t->tuvs[i].lang, src))
			return i;
	return 0;
}

static void
end_tu(struct tmx *t)
{
	struct bt_xml_count *x = t->x;
	if (!t->n_tuvs)
		return;
	size_t s = source_tuv(t);
	bool target = false;
	for (size_t i = 0; i < t->n_tuvs; i++)
		if (i != s && t->tuvs[i].wc.chars)
			target = true;
	bt_unit_tally_reset(&x->unit);
	struct bt_seg_tally *seg = bt_unit_tally_add(&x->unit);
	seg->wc = t->tuvs[s].wc;
	seg->target = target;
	seg->state = target ? BT_TRANSLATED : BT_UNTRANSLATED;
	bt_coverage_file_add_unit(x->file, &x->unit, false);
	if (seg->wc.chars || target)
		bt_coverage_file_add_pair(x->file, seg->wc.chars, target,
					  t->bead, t->score);
}

/* Reads a <seg> into the current tuv's counts; the reader ends on its end
 * tag (or on it, when empty). */
static int
read_seg(struct tmx *t, struct tuv *tuv)
{
	struct bt_xml_count *x = t->x;
	xmlTextReaderPtr r = x->r;
	int d0 = xmlTextReaderDepth(r);
	bt_buf_reset(&x->text);
	if (!xmlTextReaderIsEmptyElement(r)) {
		int rc = bt_xml_count_read(x);
		while (rc == 1) {
			int type = bt_xml_count_type(x);
			if (type == XML_READER_TYPE_END_ELEMENT
			    && xmlTextReaderDepth(r) == d0)
				break;
			if (type == XML_READER_TYPE_ELEMENT) {
				int name = name_of(t,
					xmlTextReaderConstLocalName(r));
				if (name == N_HI) {
					rc = bt_xml_count_read(x);
					continue;
				}
				if (name == N_PH
				    && bt_xml_count_append(x, " ", 1) < 0)
					return -1;
				rc = bt_xml_count_skip(x);
				continue;
			}
			if (type == XML_READER_TYPE_TEXT
			    || type == XML_READER_TYPE_CDATA
			    || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
			    || type == XML_READER_TYPE_WHITESPACE) {
				const char *v = (const char *)
					xmlTextReaderConstValue(r);
				if (v && bt_xml_count_append(x, v, strlen(v))
				    < 0)
					return -1;
			}
			rc = bt_xml_count_read(x);
		}
		if (rc == 0)
			return bt_xml_count_invalid(x, _("the file ends "
							 "inside a <seg>"));
		if (rc < 0)
			return -1;
	}
	bt_words_set_lang(x->words, tuv->lang);
	if (x->text.len)
		bt_words_count(x->words, x->text.data, x->text.len, &tuv->wc);
	bt_buf_reset(&x->text);
	return 0;
}

/* Reads an x-bitext-* <prop>; the reader ends after it. */
static int
read_prop(struct tmx *t)
{
	struct bt_xml_count *x = t->x;
	char *type = bt_xstrdup(bt_xml_count_attr_ref(x, "type", NULL));
	if (type && (!strcmp(type, "x-bitext-score")
		     || !strcmp(type, "x-bitext-bead"))) {
		char *v = (char *) xmlTextReaderReadString(x->r);
		if (!strcmp(type, "x-bitext-score")) {
			t->score = bt_count_parse_score(v);
		} else {
			free(t->bead);
			t->bead = bt_xstrdup(v);
		}
		xmlFree(v);
	}
	free(type);
	return bt_xml_count_skip(x);
}

int
bt_count_tmx(struct bt_xml_count *x)
{
	struct tmx t = { .x = x, .score = -1 };
	xmlTextReaderPtr r = x->r;
	x->file->format = "tmx";
	x->file->align.present = true;
	for (int i = 0; i < N_COUNT; i++)
		t.names[i] = xmlTextReaderConstString(r,
						      BAD_CAST name_text[i]);
	int tu_depth = -1, tuv_depth = -1;
	int rc = bt_xml_count_read(x);
	while (rc == 1) {
		int type = bt_xml_count_type(x);
		int depth = xmlTextReaderDepth(r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (depth == tuv_depth) {
				tuv_depth = -1;
			} else if (depth == tu_depth) {
				end_tu(&t);
				tu_depth = -1;
			}
			rc = bt_xml_count_read(x);
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT) {
			rc = bt_xml_count_read(x);
			continue;
		}
		int name = name_of(&t, xmlTextReaderConstLocalName(r));
		bool empty = xmlTextReaderIsEmptyElement(r);
		if (tuv_depth >= 0) {
			if (name == N_SEG) {
				if (read_seg(&t, &t.tuvs[t.n_tuvs - 1]) < 0) {
					rc = -1;
					break;
				}
				rc = bt_xml_count_read(x);
			} else {
				rc = bt_xml_count_skip(x);
			}
			continue;
		}
		if (tu_depth >= 0) {
			if (name == N_PROP) {
				rc = read_prop(&t);
			} else if (name == N_TUV) {
				if (t.n_tuvs >= MAX_TUVS) {
					rc = bt_xml_count_invalid(
						x, _("too many <tuv> in one "
						     "<tu>"));
					x->err->code = BT_ELIMIT;
					break;
				}
				if (t.n_tuvs == t.cap_tuvs) {
					t.cap_tuvs = t.cap_tuvs
						? 2 * t.cap_tuvs : 4;
					t.tuvs = bt_xreallocarray(
						t.tuvs, t.cap_tuvs,
						sizeof(*t.tuvs));
				}
				struct tuv *v = &t.tuvs[t.n_tuvs++];
				memset(v, 0, sizeof(*v));
				v->lang = lang_attr(&t);
				if (!empty)
					tuv_depth = depth;
				rc = bt_xml_count_read(x);
			} else {
				rc = bt_xml_count_skip(x);
			}
			continue;
		}
		switch (name) {
		case N_HEADER: {
			free(t.srclang);
			t.srclang = bt_xstrdup(
				bt_xml_count_attr_ref(x, "srclang", NULL));
			if (t.srclang && strcmp(t.srclang, "*all*")
			    && !x->file->lang)
				x->file->lang = bt_xstrdup(t.srclang);
			rc = bt_xml_count_skip(x);
			break;
		}
		case N_BODY:
			rc = bt_xml_count_read(x);
			break;
		case N_TU: {
			reset_tu(&t);
			t.tu_srclang = bt_xstrdup(
				bt_xml_count_attr_ref(x, "srclang", NULL));
			if (empty)
				end_tu(&t);
			else
				tu_depth = depth;
			rc = bt_xml_count_read(x);
			break;
		}
		default:
			rc = depth == 0 ? bt_xml_count_read(x)
				: bt_xml_count_skip(x);
			break;
		}
	}
	reset_tu(&t);
	free(t.tuvs);
	free(t.srclang);
	return rc < 0 ? -1 : 0;
}
