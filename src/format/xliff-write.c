/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing XLIFF 2.1 / 2.0 / 1.2 with xmlTextWriter; see xliff.h.
 *
 * Inline codes: a pair whose two ends fall in the same segment and nest
 * properly is written as <pc> (2.x) or <g> (1.2); otherwise <sc>/<ec> or
 * <bx>/<ex>; standalone codes as <ph> (2.x) or <x> (1.2).  In 2.x every
 * code's original markup is in <originalData>; in both versions it is
 * also in the skeleton, from which merge takes it.  Characters XML 1.0
 * cannot carry become <cp hex=".."/> (2.x) or an <x ctype="x-bitext-cp-..">
 * (1.2).
 */
#include "system.h"

#include "format/xliff.h"
#include "format/xml-writer.h"

#include <nettle/base64.h>
#include "core/xalloc.h"

#define NS_XLIFF2 "urn:oasis:names:tc:xliff:document:2.0"
#define NS_XLIFF12 "urn:oasis:names:tc:xliff:document:1.2"
/*
 * XLIFF 1.2 has one state per <target>, and its strict schema allows no
 * attribute of our own.  When the segments of a unit differ in state,
 * each <mrk> says its own in its comment attribute, read back by
 * xliff-read.c.
 */
#define STATE_COMMENT "bitext-state:"

struct bt_xliff_writer {
	struct bt_xml_writer xw;
	struct bt_xliff_options opt;
	char *srclang, *trglang;	/* owned copies in opt */
	struct bt_buf scratch;		/* a plain unit, serialised */
	bool raw_last;			/* the last unit was written raw */
	/* code_index_at()'s memory: codes in count_content before count_at */
	const struct bt_content *count_content;
	size_t count_at, count_codes;
	size_t n_files;
	/* XLIFF 1.2 only: write codes with their original data (<bpt>,
	 * <ept>, <ph>, <it>) when there is no skeleton to keep it. */
	int native_codes;
};

int
bt_xliff_version_parse(const char *s)
{
	if (!strncasecmp(s, "xliff", 5))
		s += 5;
	if (!strcmp(s, "2.1") || !strcmp(s, "2"))
		return BT_XLIFF_21;
	if (!strcmp(s, "2.0"))
		return BT_XLIFF_20;
	if (!strcmp(s, "1.2"))
		return BT_XLIFF_12;
	return -1;
}

#define W(call) do { if (bt_xml_writer_check(&w->xw, (call), err) < 0) \
		return -1; } while (0)
#define X (w->xw.w)

static int
attr(struct bt_xliff_writer *w, const char *name, const char *value,
     struct bt_error *err)
{
	W(xmlTextWriterWriteAttribute(X, BAD_CAST name, BAD_CAST value));
	return 0;
}

/*
 * Inline content is mixed content: the writer must not indent inside it,
 * or the indentation would become text.  open_mixed() starts the element
 * on its own line and turns indentation off until close_mixed().
 */
static int
open_mixed(struct bt_xliff_writer *w, const char *name, struct bt_error *err)
{
	W(xmlTextWriterStartElement(X, BAD_CAST name));
	W(xmlTextWriterSetIndent(X, 0));
	return 0;
}

static int
close_mixed(struct bt_xliff_writer *w, struct bt_error *err)
{
	W(xmlTextWriterEndElement(X));
	/* What follows starts a line of its own, as when indenting. */
	W(xmlTextWriterWriteRaw(X, BAD_CAST "\n"));
	W(xmlTextWriterSetIndent(X, 1));
	return 0;
}

struct bt_xliff_writer *
bt_xliff_writer_new(struct bt_output *out, const struct bt_xliff_options *o,
		    struct bt_error *err)
{
	struct bt_xliff_writer *w = bt_xcalloc(1, sizeof(*w));
	w->opt = *o;
	/* Ours to keep: the caller's strings may go before we do. */
	w->opt.srclang = w->srclang = bt_xstrdup(o->srclang);
	w->opt.trglang = w->trglang = bt_xstrdup(o->trglang);
	bt_xml_writer_init(&w->xw, out, 1);
	int v12 = o->version == BT_XLIFF_12;
	if (bt_xml_writer_check(&w->xw, xmlTextWriterStartDocument(X, "1.0",
			"UTF-8", NULL), err) < 0
	    || bt_xml_writer_check(&w->xw, xmlTextWriterStartElement(X,
			BAD_CAST "xliff"), err) < 0
	    || attr(w, "xmlns", v12 ? NS_XLIFF12 : NS_XLIFF2, err) < 0
	    || attr(w, "version", v12 ? "1.2"
		    : o->version == BT_XLIFF_20 ? "2.0" : "2.1", err) < 0
	    || (!v12 && attr(w, "srcLang", o->srclang, err) < 0)
	    || (!v12 && o->trglang && attr(w, "trgLang", o->trglang,
					   err) < 0)) {
		bt_xliff_writer_free(w);
		return NULL;
	}
	return w;
}

/* --- inline content ------------------------------------------------- */

/* For each code, the index of its partner in the content, or SIZE_MAX. */
static size_t *
find_partners(const struct bt_content *c)
{
	size_t *partner = bt_xmalloc((c->n_codes + 1) * sizeof(*partner));
	for (size_t k = 0; k < c->n_codes; k++)
		partner[k] = SIZE_MAX;
	for (size_t k = 0; k < c->n_codes; k++) {
		if (c->codes[k].kind != BT_CODE_OPEN)
			continue;
		for (size_t j = k + 1; j < c->n_codes; j++)
			if (c->codes[j].kind == BT_CODE_CLOSE
			    && c->codes[j].id == c->codes[k].id
			    && partner[j] == SIZE_MAX) {
				partner[k] = j;
				partner[j] = k;
				break;
			}
	}
	return partner;
}

/* Whether the pair k..partner[k] lies in codes [lo, hi) and every code
 * between them has its partner between them too. */
static int
nests(const struct bt_content *c, const size_t *partner, size_t k,
      size_t lo, size_t hi)
{
	size_t j = partner[k];
	if (j == SIZE_MAX || j < lo || j >= hi)
		return 0;
	for (size_t m = k + 1; m < j; m++)
		if (c->codes[m].kind != BT_CODE_STANDALONE
		    && (partner[m] == SIZE_MAX || partner[m] < k
			|| partner[m] > j))
			return 0;
	return 1;
}

struct inline_ctx {
	struct bt_xliff_writer *w;
	const struct bt_content *c;
	const size_t *partner;
	size_t next_cp;
	struct bt_error *err;
};

static int
write_cp(void *vctx, uint32_t cp)
{
	struct inline_ctx *ctx = vctx;
	struct bt_xliff_writer *w = ctx->w;
	char hex[16];
	snprintf(hex, sizeof(hex), "%04X", (unsigned) cp);
	if (w->opt.version != BT_XLIFF_12) {
		if (xmlTextWriterStartElement(X, BAD_CAST "cp") < 0
		    || xmlTextWriterWriteAttribute(X, BAD_CAST "hex",
						   BAD_CAST hex) < 0)
			return -1;
	} else {
		char id[32], ctype[48];
		snprintf(id, sizeof(id), "cp%zu", ++ctx->next_cp);
		snprintf(ctype, sizeof(ctype), "x-bitext-cp-%s", hex);
		if (xmlTextWriterStartElement(X, BAD_CAST "x") < 0
		    || xmlTextWriterWriteAttribute(X, BAD_CAST "id",
						   BAD_CAST id) < 0
		    || xmlTextWriterWriteAttribute(X, BAD_CAST "ctype",
						   BAD_CAST ctype) < 0)
			return -1;
	}
	return xmlTextWriterEndElement(X) < 0 ? -1 : 0;
}

/*
 * XLIFF 2's type and subType of a code: the types the standard defines,
 * and the formatting it names with an xlf: subType (a line break...).
 */
static const char *
type2(const struct bt_code *code, const char **subtype)
{
	static const char *const known[] = {
		"fmt", "ui", "quote", "link", "image", "other",
	};
	static const struct { const char *name, *subtype; } fmt[] = {
		{ "lb", "xlf:lb" }, { "pb", "xlf:pb" }, { "bold", "xlf:b" },
		{ "italic", "xlf:i" }, { "underlined", "xlf:u" },
	};
	*subtype = NULL;
	for (size_t i = 0; code->type && i < BT_ARRAY_SIZE(known); i++)
		if (!strcmp(code->type, known[i]))
			return known[i];
	for (size_t i = 0; code->type && i < BT_ARRAY_SIZE(fmt); i++)
		if (!strcmp(code->type, fmt[i].name)) {
			*subtype = fmt[i].subtype;
			return "fmt";
		}
	return NULL;
}

/* XLIFF 1.2's ctype: its own names where they exist, else "x-TYPE". */
static void
ctype12(const struct bt_code *code, char *out, size_t size)
{
	static const char *const known[] = { "link", "image", "lb", "pb",
					     "bold", "italic", "underlined" };
	out[0] = '\0';
	if (!code->type || !*code->type)
		return;
	for (size_t i = 0; i < BT_ARRAY_SIZE(known); i++)
		if (!strcmp(code->type, known[i])) {
			bool placeholder = i == 1 || i == 2 || i == 3;
			if (placeholder == (code->kind == BT_CODE_STANDALONE))
				snprintf(out, size, "%s", known[i]);
			return;
		}
	snprintf(out, size, "x-%s", code->type);
}

/*
 * What a translator's tool shows for a code, and its kind: XLIFF 2 type
 * and disp (dispStart/dispEnd on <pc>, with the closing code's display),
 * XLIFF 1.2 ctype and equiv-text.
 */
static int
code_hints(struct bt_xliff_writer *w, const struct bt_code *code,
	   const struct bt_code *close, int as_pair, struct bt_error *err)
{
	if (w->opt.version == BT_XLIFF_12) {
		char ctype[64];
		ctype12(code, ctype, sizeof(ctype));
		if (*ctype && attr(w, "ctype", ctype, err) < 0)
			return -1;
		return code->display
			? attr(w, "equiv-text", code->display, err) : 0;
	}
	const char *subtype;
	const char *type = type2(code, &subtype);
	if ((type && attr(w, "type", type, err) < 0)
	    || (subtype && attr(w, "subType", subtype, err) < 0))
		return -1;
	if (!as_pair)
		return code->display ? attr(w, "disp", code->display, err) : 0;
	if (code->display && attr(w, "dispStart", code->display, err) < 0)
		return -1;
	return close && close->display
		? attr(w, "dispEnd", close->display, err) : 0;
}

static int
write_code_element(struct inline_ctx *ctx, size_t k, int as_pair,
		   size_t lo, size_t hi)
{
	struct bt_xliff_writer *w = ctx->w;
	struct bt_error *err = ctx->err;
	const struct bt_code *code = &ctx->c->codes[k];
	size_t j = ctx->partner[k];
	int v12 = w->opt.version == BT_XLIFF_12;
	char id[24], data[24], data2[24];
	snprintf(id, sizeof(id), "%d", code->id);
	snprintf(data, sizeof(data), "d%zu", k + 1);
	snprintf(data2, sizeof(data2), "d%zu", j + 1);

	if (v12 && w->native_codes) {
		const char *name = code->kind == BT_CODE_STANDALONE ? "ph"
			: j == SIZE_MAX || j < lo || j >= hi ? "it"
			: code->kind == BT_CODE_OPEN ? "bpt" : "ept";
		W(xmlTextWriterStartElement(X, BAD_CAST name));
		if (attr(w, "id", id, err) < 0
		    || (!strcmp(name, "it") && attr(w, "pos",
			code->kind == BT_CODE_OPEN ? "open" : "close", err) < 0)
		    || (code->display && attr(w, "equiv-text",
					      code->display, err) < 0)
		    || bt_xml_write_text(&w->xw, code->data, code->data_len,
					 write_cp, ctx, err) < 0)
			return -1;
		W(xmlTextWriterEndElement(X));
		return 0;
	}
	if (code->kind == BT_CODE_STANDALONE) {
		W(xmlTextWriterStartElement(X, BAD_CAST (v12 ? "x" : "ph")));
		if (attr(w, "id", id, err) < 0
		    || (!v12 && attr(w, "dataRef", data, err) < 0)
		    || code_hints(w, code, NULL, 0, err) < 0)
			return -1;
		W(xmlTextWriterEndElement(X));
		return 0;
	}
	if (as_pair) {	/* the start of <pc>/<g>; the caller closes it */
		W(xmlTextWriterStartElement(X, BAD_CAST (v12 ? "g" : "pc")));
		if (attr(w, "id", id, err) < 0
		    || (!v12 && (attr(w, "dataRefStart", data, err) < 0
				 || attr(w, "dataRefEnd", data2, err) < 0))
		    || code_hints(w, code, &ctx->c->codes[j], 1, err) < 0)
			return -1;
		return 0;
	}
	int isolated = j == SIZE_MAX;
	if (v12) {
		char id12[32];
		snprintf(id12, sizeof(id12), "%c%d",
			 code->kind == BT_CODE_OPEN ? 'b' : 'e', code->id);
		W(xmlTextWriterStartElement(X, BAD_CAST (code->kind
			== BT_CODE_OPEN ? "bx" : "ex")));
		/* <ex> has no ctype in the 1.2 schema. */
		if (attr(w, "id", id12, err) < 0 || attr(w, "rid", id, err) < 0
		    || (code->kind == BT_CODE_OPEN
			? code_hints(w, code, NULL, 0, err) < 0
			: code->display && attr(w, "equiv-text",
						code->display, err) < 0))
			return -1;
	} else if (code->kind == BT_CODE_OPEN) {
		W(xmlTextWriterStartElement(X, BAD_CAST "sc"));
		if (attr(w, "id", id, err) < 0
		    || (isolated && attr(w, "isolated", "yes", err) < 0)
		    || attr(w, "dataRef", data, err) < 0
		    || code_hints(w, code, NULL, 0, err) < 0)
			return -1;
	} else {
		W(xmlTextWriterStartElement(X, BAD_CAST "ec"));
		if ((isolated ? attr(w, "id", id, err) < 0
			      || attr(w, "isolated", "yes", err) < 0
			      : attr(w, "startRef", id, err) < 0)
		    || attr(w, "dataRef", data, err) < 0
		    || (code->display
			&& attr(w, "disp", code->display, err) < 0))
			return -1;
	}
	W(xmlTextWriterEndElement(X));
	return 0;
}

/*
 * Index of the first code at or after byte offset `from` in c.  The
 * segments of a unit are written in order, so counting goes on from the
 * last answer for the same content: a unit with many codes and sentences
 * costs its length once, not once per sentence.
 */
static size_t
code_index_at(struct bt_xliff_writer *w, const struct bt_content *c,
	      size_t from)
{
	if (w->count_content != c || from < w->count_at) {
		w->count_content = c;
		w->count_at = 0;
		w->count_codes = 0;
	}
	w->count_codes += bt_content_count_codes(c, w->count_at, from);
	w->count_at = from;
	return w->count_codes;
}

/*
 * Writes c->text[start..end) as XLIFF inline content.  The codes of the
 * range are [lo, hi).
 */
static int
write_inline(struct bt_xliff_writer *w, const struct bt_content *c,
	     const size_t *partner, size_t start, size_t end,
	     struct bt_error *err)
{
	struct inline_ctx ctx = { w, c, partner, 0, err };
	size_t lo = code_index_at(w, c, start);
	size_t hi = lo + bt_content_count_codes(c, start, end);
	size_t *open_pairs = bt_xmalloc((hi - lo + 1) * sizeof(size_t));
	size_t depth = 0, k = lo, done = start;
	int rc = 0;

	for (size_t i = start; i + BT_MARK_LEN <= end && rc == 0; i++) {
		if ((unsigned char) c->text[i] != 0xEF
		    || !bt_mark_at(c->text + i, end - i, NULL))
			continue;
		rc = bt_xml_write_text(&w->xw, c->text + done, i - done,
				       write_cp, &ctx, err);
		if (rc == 0 && c->codes[k].kind == BT_CODE_CLOSE && depth
		    && open_pairs[depth - 1] == partner[k]) {
			depth--;	/* ends the <pc>/<g> */
			rc = bt_xml_writer_check(&w->xw,
				xmlTextWriterEndElement(X), err);
		} else if (rc == 0) {
			int pair = c->codes[k].kind == BT_CODE_OPEN
				&& !(w->native_codes
				     && w->opt.version == BT_XLIFF_12)
				&& nests(c, partner, k, lo, hi);
			rc = write_code_element(&ctx, k, pair, lo, hi);
			if (pair)
				open_pairs[depth++] = k;
		}
		k++;
		i += BT_MARK_LEN - 1;
		done = i + 1;
	}
	if (rc == 0 && end > done)
		rc = bt_xml_write_text(&w->xw, c->text + done, end - done,
				       write_cp, &ctx, err);
	free(open_pairs);
	return rc;
}

/* --- units ---------------------------------------------------------- */

static const char *
state_name(enum bt_state s, int v12)
{
	switch (s) {
	case BT_STATE_TRANSLATED: return "translated";
	case BT_STATE_REVIEWED: return v12 ? "signed-off" : "reviewed";
	case BT_STATE_FINAL: return "final";
	default: return v12 ? "needs-translation" : "initial";
	}
}

/* The ranges of a unit: segments, and the ignorable text around them.
 * An unsegmented unit is one segment. */
struct range {
	size_t start, end;
	const struct bt_segment *seg;	/* NULL for ignorable text */
};

static struct range *
unit_ranges(const struct bt_unit *u, size_t *n)
{
	struct range *r = bt_xmalloc((2 * u->n_segments + 2) * sizeof(*r));
	size_t k = 0, pos = 0;
	if (!u->n_segments) {
		r[0] = (struct range){ 0, u->source.len, NULL };
		*n = 1;
		return r;	/* the caller writes it as a segment */
	}
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *s = &u->segments[i];
		if (s->start > pos)
			r[k++] = (struct range){ pos, s->start, NULL };
		r[k++] = (struct range){ s->start, s->end, s };
		pos = s->end;
	}
	if (u->source.len > pos)
		r[k++] = (struct range){ pos, u->source.len, NULL };
	*n = k;
	return r;
}

static int
write_target_content(struct bt_xliff_writer *w, const struct bt_unit *u,
		     const struct range *r, const size_t *partner,
		     struct bt_error *err)
{
	const struct bt_segment *s = r->seg;
	if (s && s->target) {
		size_t *tp = find_partners(s->target);
		int rc = write_inline(w, s->target, tp, 0, s->target->len, err);
		free(tp);
		return rc;
	}
	return write_inline(w, &u->source, partner, r->start, r->end, err);
}

/*
 * Whether text[0..len) can be written as it is once &, <, > and CR are
 * escaped: no inline-code marker, no character XML 1.0 cannot carry.
 */
/* Eight bytes at a time: whether any is below 0x20 or is 0xEF, the only
 * bytes plain_text() must look at. */
static bool
may_be_special(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w, x;
	memcpy(&w, s, 8);
	x = w ^ (ones * 0xEF);
	return ((((w & ~highs) - ones * 0x20) & ~w & highs)
		| ((x - ones) & ~x & highs)) != 0;
}

static bool
plain_text(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *) text;
	for (size_t i = 0; i < len; i++) {
		while (i + 8 <= len && !may_be_special(s + i))
			i += 8;
		if (i >= len)
			break;
		if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n'
		    && s[i] != '\r')
			return false;
		if (s[i] == 0xEF && i + 2 < len
		    && ((s[i + 1] == 0xB7 && s[i + 2] >= 0x90
			 && s[i + 2] <= 0x92)		/* our markers */
			|| (s[i + 1] == 0xBF && s[i + 2] >= 0xBE)))
			return false;			/* U+FFFE, U+FFFF */
	}
	return true;
}

/* Appends an attribute value, escaped for double quotes. */
static void
add_attr_escaped(struct bt_buf *b, const char *v)
{
	for (; *v; v++) {
		switch (*v) {
		case '<': bt_buf_addstr(b, "&lt;"); break;
		case '>': bt_buf_addstr(b, "&gt;"); break;
		case '&': bt_buf_addstr(b, "&amp;"); break;
		case '"': bt_buf_addstr(b, "&quot;"); break;
		case '\t': bt_buf_addstr(b, "&#9;"); break;
		case '\n': bt_buf_addstr(b, "&#10;"); break;
		case '\r': bt_buf_addstr(b, "&#13;"); break;
		default: bt_buf_addch(b, *v); break;
		}
	}
}

/*
 * A unit that has no inline codes, no notes and only plain text, which is
 * most units of most documents, serialised by hand into one buffer and
 * handed to the writer in one call: xmlTextWriter's cost per call made it
 * most of extract's time.  The layout is the one the writer gives the
 * other units; the escaping is the writer's.
 */
static int
write_plain_unit(struct bt_xliff_writer *w, const struct bt_unit *u,
		 const struct range *ranges, size_t n, struct bt_error *err)
{
	struct bt_buf *b = &w->scratch;
	size_t n_seg = 0, n_ign = 0;
	bt_buf_reset(b);
	bt_buf_addstr(b, "\n    <unit id=\"");
	add_attr_escaped(b, u->id);
	if (u->name) {
		bt_buf_addstr(b, "\" name=\"");
		add_attr_escaped(b, u->name);
	}
	bt_buf_addstr(b, u->translate ? "\">" : "\" translate=\"no\">");
	for (size_t i = 0; i < n; i++) {
		const struct range *r = &ranges[i];
		int is_seg = r->seg || !u->n_segments;
		int has_target = is_seg && ((r->seg && r->seg->target)
					    || w->opt.copy_source);
		/* By hand, not printf: this runs for every sentence. */
		char num[24];
		size_t k = sizeof(num), v = is_seg ? ++n_seg : ++n_ign;
		do
			num[--k] = (char) ('0' + v % 10);
		while (v /= 10);
		bt_buf_addstr(b, is_seg ? "\n      <segment id=\"s"
			      : "\n      <ignorable id=\"i");
		bt_buf_add(b, num + k, sizeof(num) - k);
		bt_buf_addch(b, '"');
		if (has_target) {
			bt_buf_addstr(b, " state=\"");
			bt_buf_addstr(b, state_name(r->seg && r->seg->target
				? r->seg->state : BT_STATE_INITIAL, 0));
			bt_buf_addch(b, '"');
		}
		bt_buf_addstr(b, ">\n        <source>");
		bt_xml_escape(b, u->source.text + r->start, r->end - r->start);
		bt_buf_addstr(b, "</source>");
		if (has_target) {
			const struct bt_content *t = r->seg && r->seg->target
				? r->seg->target : NULL;
			bt_buf_addstr(b, "\n        <target>");
			if (t)
				bt_xml_escape(b, t->text, t->len);
			else
				bt_xml_escape(b, u->source.text + r->start,
					    r->end - r->start);
			bt_buf_addstr(b, "</target>");
		}
		bt_buf_addstr(b, is_seg ? "\n      </segment>"
			      : "\n      </ignorable>");
	}
	bt_buf_addstr(b, "\n    </unit>");
	W(xmlTextWriterWriteRawLen(X, BAD_CAST b->data, (int) b->len));
	w->raw_last = true;
	return 0;
}

/* Whether write_plain_unit() can write unit u. */
static bool
plain_unit(const struct bt_unit *u)
{
	if (u->source.n_codes || u->n_notes
	    || !plain_text(u->source.text, u->source.len))
		return false;
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_content *t = u->segments[i].target;
		if (t && (t->n_codes || !plain_text(t->text, t->len)))
			return false;
	}
	return true;
}

static int
write_unit2(struct bt_xliff_writer *w, const struct bt_unit *u,
	    struct bt_error *err)
{
	size_t n;
	struct range *ranges = unit_ranges(u, &n);
	size_t *partner = NULL;
	int rc = -1;
	char id[32];

	if (plain_unit(u)) {
		rc = write_plain_unit(w, u, ranges, n, err);
		goto out;
	}
	partner = find_partners(&u->source);
	w->raw_last = false;
	W(xmlTextWriterStartElement(X, BAD_CAST "unit"));
	if (attr(w, "id", u->id, err) < 0
	    || (u->name && attr(w, "name", u->name, err) < 0)
	    || (!u->translate && attr(w, "translate", "no", err) < 0))
		goto out;
	if (u->n_notes) {
		W(xmlTextWriterStartElement(X, BAD_CAST "notes"));
		for (size_t i = 0; i < u->n_notes; i++) {
			if (open_mixed(w, "note", err) < 0
			    || (u->notes[i].category && attr(w, "category",
					u->notes[i].category, err) < 0)
			    || bt_xml_write_text(&w->xw, u->notes[i].text,
						 strlen(u->notes[i].text),
						 NULL, NULL, err) < 0
			    || close_mixed(w, err) < 0)
				goto out;
		}
		W(xmlTextWriterEndElement(X));
	}
	if (u->source.n_codes) {
		W(xmlTextWriterStartElement(X, BAD_CAST "originalData"));
		for (size_t k = 0; k < u->source.n_codes; k++) {
			const struct bt_code *c = &u->source.codes[k];
			snprintf(id, sizeof(id), "d%zu", k + 1);
			struct inline_ctx ctx = { w, &u->source, partner, 0,
						  err };
			if (open_mixed(w, "data", err) < 0
			    || attr(w, "id", id, err) < 0
			    || bt_xml_write_text(&w->xw, c->data, c->data_len,
						 write_cp, &ctx, err) < 0
			    || close_mixed(w, err) < 0)
				goto out;
		}
		W(xmlTextWriterEndElement(X));
	}
	size_t n_seg = 0, n_ign = 0;
	for (size_t i = 0; i < n; i++) {
		const struct range *r = &ranges[i];
		int is_seg = r->seg || !u->n_segments;
		W(xmlTextWriterStartElement(X, BAD_CAST (is_seg ? "segment"
							: "ignorable")));
		snprintf(id, sizeof(id), "%c%zu", is_seg ? 's' : 'i',
			 is_seg ? ++n_seg : ++n_ign);
		if (attr(w, "id", id, err) < 0)
			goto out;
		int has_target = is_seg && ((r->seg && r->seg->target)
					    || w->opt.copy_source);
		if (has_target && attr(w, "state", state_name(r->seg && r->seg->target
				? r->seg->state : BT_STATE_INITIAL, 0), err) < 0)
			goto out;
		if (open_mixed(w, "source", err) < 0
		    || write_inline(w, &u->source, partner, r->start, r->end,
				    err) < 0
		    || close_mixed(w, err) < 0)
			goto out;
		if (has_target
		    && (open_mixed(w, "target", err) < 0
			|| write_target_content(w, u, r, partner, err) < 0
			|| close_mixed(w, err) < 0))
			goto out;
		W(xmlTextWriterEndElement(X));
	}
	W(xmlTextWriterEndElement(X));
	rc = 0;
out:
	free(ranges);
	free(partner);
	return rc;
}

/* The unit's state for XLIFF 1.2's one <target>: the lowest of its
 * segments', and none if a segment has no target. */
static enum bt_state
unit_state(const struct bt_unit *u)
{
	enum bt_state st = BT_STATE_FINAL;
	if (!u->n_segments)
		return BT_STATE_NONE;
	for (size_t i = 0; i < u->n_segments; i++) {
		if (!u->segments[i].target)
			return BT_STATE_NONE;
		if (u->segments[i].state < st)
			st = u->segments[i].state;
	}
	return st;
}

static int
write_mrks(struct bt_xliff_writer *w, const struct bt_unit *u,
	   const struct range *ranges, size_t n, const size_t *partner,
	   int target, struct bt_error *err)
{
	char mid[24];
	size_t n_seg = 0;
	int mixed_states = 0;
	for (size_t i = 1; i < u->n_segments; i++)
		mixed_states |= u->segments[i].state
			!= u->segments[0].state
			|| !u->segments[i].target != !u->segments[0].target;
	for (size_t i = 0; i < n; i++) {
		const struct range *r = &ranges[i];
		if (!r->seg && u->n_segments) {
			if (write_inline(w, &u->source, partner, r->start,
					 r->end, err) < 0)
				return -1;
			continue;
		}
		W(xmlTextWriterStartElement(X, BAD_CAST "mrk"));
		snprintf(mid, sizeof(mid), "%zu", ++n_seg);
		if (attr(w, "mtype", "seg", err) < 0
		    || attr(w, "mid", mid, err) < 0)
			return -1;
		if (target && mixed_states && r->seg && r->seg->target) {
			char comment[48];
			snprintf(comment, sizeof(comment), STATE_COMMENT "%s",
				 state_name(r->seg->state, 0));
			if (attr(w, "comment", comment, err) < 0)
				return -1;
		}
		int rc = !target ? write_inline(w, &u->source, partner,
						r->start, r->end, err)
			: (r->seg && r->seg->target) || w->opt.copy_source
			? write_target_content(w, u, r, partner, err) : 0;
		if (rc < 0)
			return -1;
		W(xmlTextWriterEndElement(X));
	}
	return 0;
}

static int
write_unit12(struct bt_xliff_writer *w, const struct bt_unit *u,
	     struct bt_error *err)
{
	size_t n;
	struct range *ranges = unit_ranges(u, &n);
	size_t *partner = find_partners(&u->source);
	int rc = -1;
	int any_target = w->opt.copy_source;
	for (size_t i = 0; i < u->n_segments; i++)
		any_target |= u->segments[i].target != NULL;

	W(xmlTextWriterStartElement(X, BAD_CAST "trans-unit"));
	if (attr(w, "id", u->id, err) < 0
	    || (u->name && attr(w, "resname", u->name, err) < 0)
	    || (!u->translate && attr(w, "translate", "no", err) < 0)
	    || (unit_state(u) == BT_STATE_FINAL
		&& attr(w, "approved", "yes", err) < 0)
	    || attr(w, "xml:space", "preserve", err) < 0)
		goto out;
	if (open_mixed(w, "source", err) < 0
	    || write_inline(w, &u->source, partner, 0, u->source.len, err) < 0
	    || close_mixed(w, err) < 0
	    || open_mixed(w, "seg-source", err) < 0
	    || write_mrks(w, u, ranges, n, partner, 0, err) < 0
	    || close_mixed(w, err) < 0
	    || open_mixed(w, "target", err) < 0)
		goto out;
	enum bt_state st = unit_state(u);
	if (attr(w, "state", st == BT_STATE_NONE ? (any_target
			? "needs-translation" : "new") : state_name(st, 1),
		 err) < 0)
		goto out;
	if ((any_target && write_mrks(w, u, ranges, n, partner, 1, err) < 0)
	    || close_mixed(w, err) < 0)
		goto out;
	for (size_t i = 0; i < u->n_notes; i++)
		if (open_mixed(w, "note", err) < 0
		    || (u->notes[i].category
			&& attr(w, "from", u->notes[i].category, err) < 0)
		    || bt_xml_write_text(&w->xw, u->notes[i].text,
					 strlen(u->notes[i].text), NULL, NULL,
					 err) < 0
		    || close_mixed(w, err) < 0)
			goto out;
	W(xmlTextWriterEndElement(X));
	rc = 0;
out:
	free(ranges);
	free(partner);
	return rc;
}

/* --- files ---------------------------------------------------------- */

/*
 * The skeleton in base64, in lines of 76 characters: Nettle's encoder,
 * written raw, is several times faster than xmlTextWriterWriteBase64
 * for the megabytes a large document's skeleton takes.
 */
static int
write_base64(struct bt_xliff_writer *w, const char *data, size_t len,
	     struct bt_error *err)
{
	enum { LINE = 57 };	/* bytes per line of 76 characters */
	struct bt_buf *b = &w->scratch;
	bt_buf_reset(b);
	for (size_t i = 0; i < len; i += LINE) {
		size_t n = len - i < LINE ? len - i : LINE;
		bt_buf_grow(b, BASE64_ENCODE_RAW_LENGTH(n) + 1);
		base64_encode_raw((char *) b->data + b->len, n,
				  (const uint8_t *) data + i);
		b->len += BASE64_ENCODE_RAW_LENGTH(n);
		if (i + n < len)
			b->data[b->len++] = '\n';
		b->data[b->len] = '\0';
		if (b->len >= 1 << 16) {
			W(xmlTextWriterWriteRawLen(X, BAD_CAST b->data,
						   (int) b->len));
			bt_buf_reset(b);
		}
	}
	if (b->len)
		W(xmlTextWriterWriteRawLen(X, BAD_CAST b->data, (int) b->len));
	return 0;
}

static int
write_skeleton(struct bt_xliff_writer *w, const char *skel, size_t len,
	       const char *href, struct bt_error *err)
{
	int v12 = w->opt.version == BT_XLIFF_12;
	if (!skel && !href)
		return 0;	/* not ours: bilingual XLIFF from a TMX */
	if (v12)
		W(xmlTextWriterStartElement(X, BAD_CAST "skl"));
	if (href) {
		W(xmlTextWriterStartElement(X, BAD_CAST (v12 ? "external-file"
							: "skeleton")));
		if (attr(w, "href", href, err) < 0)
			return -1;
	} else {
		W(xmlTextWriterStartElement(X, BAD_CAST (v12 ? "internal-file"
							: "skeleton")));
		if (v12 && attr(w, "form", "base64", err) < 0)
			return -1;
		if (write_base64(w, skel, len, err) < 0)
			return -1;
	}
	W(xmlTextWriterEndElement(X));
	if (v12)
		W(xmlTextWriterEndElement(X));
	return 0;
}

/* XLIFF 1.2's datatype: its own names where they fit. */
static const char *
datatype_of(const char *filter)
{
	if (!strcmp(filter, "text"))
		return "plaintext";
	if (!strcmp(filter, "html"))
		return "html";
	if (!strcmp(filter, "xml"))
		return "xml";
	if (!strcmp(filter, "po"))
		return "po";
	return "x-bitext";
}

int
bt_xliff_writer_begin_file(struct bt_xliff_writer *w, const char *file_id,
			   const char *original, const char *filter,
			   const char *skeleton, size_t skeleton_len,
			   const char *skeleton_href, struct bt_error *err)
{
	int v12 = w->opt.version == BT_XLIFF_12;
	w->n_files++;
	w->native_codes = !skeleton && !skeleton_href;
	W(xmlTextWriterStartElement(X, BAD_CAST "file"));
	if (v12) {
		if (attr(w, "original", original, err) < 0
		    || attr(w, "source-language", w->opt.srclang, err) < 0
		    || (w->opt.trglang && attr(w, "target-language",
					       w->opt.trglang, err) < 0)
		    || attr(w, "datatype", datatype_of(filter ? filter
						       : "text"), err) < 0
		    || attr(w, "tool-id", PACKAGE_NAME, err) < 0)
			return -1;
		W(xmlTextWriterStartElement(X, BAD_CAST "header"));
		if (write_skeleton(w, skeleton, skeleton_len, skeleton_href,
				   err) < 0)
			return -1;
		W(xmlTextWriterStartElement(X, BAD_CAST "tool"));
		if (attr(w, "tool-id", PACKAGE_NAME, err) < 0
		    || attr(w, "tool-name", PACKAGE_NAME, err) < 0
		    || attr(w, "tool-version", PACKAGE_VERSION, err) < 0)
			return -1;
		W(xmlTextWriterEndElement(X));
		W(xmlTextWriterEndElement(X));
		W(xmlTextWriterStartElement(X, BAD_CAST "body"));
	} else {
		if (attr(w, "id", file_id, err) < 0
		    || attr(w, "original", original, err) < 0
		    || attr(w, "xml:space", "preserve", err) < 0
		    || write_skeleton(w, skeleton, skeleton_len,
				      skeleton_href, err) < 0)
			return -1;
	}
	return 0;
}

int
bt_xliff_writer_unit(struct bt_xliff_writer *w, const struct bt_unit *u,
		     struct bt_error *err)
{
	return w->opt.version == BT_XLIFF_12 ? write_unit12(w, u, err)
		: write_unit2(w, u, err);
}

int
bt_xliff_writer_end_file(struct bt_xliff_writer *w, struct bt_error *err)
{
	/* After raw text the writer would not indent the end tag. */
	if (w->raw_last && w->opt.version != BT_XLIFF_12)
		W(xmlTextWriterWriteRaw(X, BAD_CAST "\n  "));
	w->raw_last = false;
	if (w->opt.version == BT_XLIFF_12)
		W(xmlTextWriterEndElement(X));	/* body */
	W(xmlTextWriterEndElement(X));
	return 0;
}

int
bt_xliff_writer_add(struct bt_xliff_writer *w, const struct bt_document *doc,
		    const char *file_id, const char *skeleton,
		    size_t skeleton_len, const char *skeleton_href,
		    struct bt_error *err)
{
	if (bt_xliff_writer_begin_file(w, file_id, doc->path, doc->filter,
				       skeleton, skeleton_len, skeleton_href,
				       err) < 0)
		return -1;
	for (size_t i = 0; i < doc->n_units; i++)
		if (bt_xliff_writer_unit(w, doc->units[i], err) < 0)
			return -1;
	return bt_xliff_writer_end_file(w, err);
}

int
bt_xliff_writer_finish(struct bt_xliff_writer *w, struct bt_error *err)
{
	int rc = bt_xml_writer_finish(&w->xw, err);
	free(w->srclang);
	free(w->trglang);
	bt_buf_release(&w->scratch);
	free(w);
	return rc;
}

void
bt_xliff_writer_free(struct bt_xliff_writer *w)
{
	if (!w)
		return;
	bt_xml_writer_release(&w->xw);
	free(w->srclang);
	free(w->trglang);
	bt_buf_release(&w->scratch);
	free(w);
}
