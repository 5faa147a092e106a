/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing XLIFF 2.1 / 2.0 / 1.2 with xmlTextWriter, units serialised by
 * hand in the writer's layout; see xliff.h.
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
	struct bt_buf scratch;		/* a unit, serialised */
	struct bt_xml_emit emit;	/* serialising into scratch */
	bool raw_last;			/* the last unit was a plain one */
	/* The start tag of the writer's innermost element (<file> without
	 * a skeleton, 1.2 <body>) still waits for its '>': no unit yet. */
	bool parent_open;
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


/*
 * Units are serialised by hand into scratch (see struct bt_xml_emit) and
 * handed to the writer in one call: xmlTextWriter's cost per call made
 * it most of extract's time.  The bytes are the ones the writer's own
 * calls gave.
 */
#define E (&w->emit)

/* The writer as it stands between units: the elements it has open, and
 * whether the innermost one's start tag still waits for its '>'. */
static void
begin_unit(struct bt_xliff_writer *w)
{
	bt_buf_reset(&w->scratch);
	bt_xml_emit_init(E, &w->scratch,
			 w->opt.version == BT_XLIFF_12 ? 3 : 2,
			 w->parent_open);
}

static int
end_unit(struct bt_xliff_writer *w, struct bt_error *err)
{
	const char *p = w->scratch.data;
	size_t n = w->scratch.len;
	if (w->parent_open) {
		/* The writer closes its start tag itself. */
		if (!n || *p != '>')
			BT_BUG("a unit that does not close the start tag");
		p++, n--;
	}
	W(xmlTextWriterWriteRawLen(X, BAD_CAST p, (int) n));
	/* Leave the writer as its own end tag would have: ready to indent
	 * the next one. */
	W(xmlTextWriterSetIndent(X, 1));
	w->parent_open = false;
	w->raw_last = false;
	return 0;
}

/*
 * Inline content is mixed content: the writer must not indent inside it,
 * or the indentation would become text.  open_mixed() starts the element
 * on its own line and turns indentation off until close_mixed().
 */
static void
open_mixed(struct bt_xliff_writer *w, const char *name)
{
	bt_xml_emit_start(E, name);
	bt_xml_emit_indent(E, false);
}

static void
close_mixed(struct bt_xliff_writer *w)
{
	bt_xml_emit_end(E);
	/* What follows starts a line of its own, as when indenting. */
	bt_xml_emit_raw(E, "\n", 1);
	bt_xml_emit_indent(E, true);
}

/*
 * prefix (may be empty) and v in decimal, into buf, which must hold 32
 * bytes; returns buf.  By hand, not printf: this runs for every code and
 * segment, and printf showed in the profile.
 */
static const char *
number(char *buf, const char *prefix, long long v)
{
	char digits[24];
	size_t k = sizeof(digits), n = strlen(prefix);
	unsigned long long u = v < 0 ? -(unsigned long long) v
		: (unsigned long long) v;
	do
		digits[--k] = (char) ('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		digits[--k] = '-';
	memcpy(buf, prefix, n);
	memcpy(buf + n, digits + k, sizeof(digits) - k);
	buf[n + sizeof(digits) - k] = '\0';
	return buf;
}

/* --- inline content ------------------------------------------------- */

/* Sorting codes by id, then place. */
struct code_ref {
	int id;
	size_t k;
};

static int
cmp_code_ref(const void *a, const void *b)
{
	const struct code_ref *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/*
 * For each code, the index of its partner in the content, or SIZE_MAX:
 * each closing code goes with the earliest opening code of its id that
 * has none yet (the same pairs as giving each opening code, in order, the
 * first free closing one after it).  The codes are taken id by id, so
 * that a unit with n codes costs n log n, not n * n.
 */
static size_t *
find_partners(const struct bt_content *c)
{
	size_t n = c->n_codes;
	size_t *partner = bt_xmalloc((n + 1) * sizeof(*partner));
	struct code_ref *by_id = bt_xmalloc((n + 1) * sizeof(*by_id));
	size_t *waiting = bt_xmalloc((n + 1) * sizeof(*waiting));
	for (size_t k = 0; k < n; k++) {
		partner[k] = SIZE_MAX;
		by_id[k] = (struct code_ref){ c->codes[k].id, k };
	}
	qsort(by_id, n, sizeof(*by_id), cmp_code_ref);
	for (size_t g = 0, end; g < n; g = end) {
		/* by_id[g..end) have one id; waiting[head..tail) holds its
		 * opening codes that have no partner yet, in order. */
		size_t head = 0, tail = 0;
		for (end = g; end < n && by_id[end].id == by_id[g].id; end++) {
			size_t k = by_id[end].k;
			if (c->codes[k].kind == BT_CODE_OPEN) {
				waiting[tail++] = k;
			} else if (c->codes[k].kind == BT_CODE_CLOSE
				   && head < tail) {
				partner[k] = waiting[head++];
				partner[partner[k]] = k;
			}
		}
	}
	free(by_id);
	free(waiting);
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
};

static int
write_cp(void *vctx, uint32_t cp)
{
	struct inline_ctx *ctx = vctx;
	struct bt_xliff_writer *w = ctx->w;
	char hex[16];
	snprintf(hex, sizeof(hex), "%04X", (unsigned) cp);
	if (w->opt.version != BT_XLIFF_12) {
		bt_xml_emit_start(E, "cp");
		bt_xml_emit_attr(E, "hex", hex);
	} else {
		char id[32], ctype[48];
		snprintf(id, sizeof(id), "cp%zu", ++ctx->next_cp);
		snprintf(ctype, sizeof(ctype), "x-bitext-cp-%s", hex);
		bt_xml_emit_start(E, "x");
		bt_xml_emit_attr(E, "id", id);
		bt_xml_emit_attr(E, "ctype", ctype);
	}
	bt_xml_emit_end(E);
	return 0;
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
static void
code_hints(struct bt_xliff_writer *w, const struct bt_code *code,
	   const struct bt_code *close, int as_pair)
{
	if (w->opt.version == BT_XLIFF_12) {
		char ctype[64];
		ctype12(code, ctype, sizeof(ctype));
		if (*ctype)
			bt_xml_emit_attr(E, "ctype", ctype);
		if (code->display)
			bt_xml_emit_attr(E, "equiv-text", code->display);
		return;
	}
	const char *subtype;
	const char *type = type2(code, &subtype);
	if (type)
		bt_xml_emit_attr(E, "type", type);
	if (subtype)
		bt_xml_emit_attr(E, "subType", subtype);
	if (!as_pair) {
		if (code->display)
			bt_xml_emit_attr(E, "disp", code->display);
		return;
	}
	if (code->display)
		bt_xml_emit_attr(E, "dispStart", code->display);
	if (close && close->display)
		bt_xml_emit_attr(E, "dispEnd", close->display);
}

static int
write_code_element(struct inline_ctx *ctx, size_t k, int as_pair,
		   size_t lo, size_t hi, struct bt_error *err)
{
	struct bt_xliff_writer *w = ctx->w;
	const struct bt_code *code = &ctx->c->codes[k];
	size_t j = ctx->partner[k];
	int v12 = w->opt.version == BT_XLIFF_12;
	char id[32], data[32], data2[32];
	number(id, "", code->id);
	number(data, "d", (long long) k + 1);
	number(data2, "d", j == SIZE_MAX ? 0 : (long long) j + 1);

	if (v12 && w->native_codes) {
		const char *name = code->kind == BT_CODE_STANDALONE ? "ph"
			: j == SIZE_MAX || j < lo || j >= hi ? "it"
			: code->kind == BT_CODE_OPEN ? "bpt" : "ept";
		bt_xml_emit_start(E, name);
		bt_xml_emit_attr(E, "id", id);
		if (!strcmp(name, "it"))
			bt_xml_emit_attr(E, "pos", code->kind == BT_CODE_OPEN
					 ? "open" : "close");
		if (code->display)
			bt_xml_emit_attr(E, "equiv-text", code->display);
		if (bt_xml_emit_text(E, code->data, code->data_len, write_cp,
				     ctx, err) < 0)
			return -1;
		bt_xml_emit_end(E);
		return 0;
	}
	if (code->kind == BT_CODE_STANDALONE) {
		bt_xml_emit_start(E, v12 ? "x" : "ph");
		bt_xml_emit_attr(E, "id", id);
		if (!v12)
			bt_xml_emit_attr(E, "dataRef", data);
		code_hints(w, code, NULL, 0);
		bt_xml_emit_end(E);
		return 0;
	}
	if (as_pair) {	/* the start of <pc>/<g>; the caller closes it */
		bt_xml_emit_start(E, v12 ? "g" : "pc");
		bt_xml_emit_attr(E, "id", id);
		if (!v12) {
			bt_xml_emit_attr(E, "dataRefStart", data);
			bt_xml_emit_attr(E, "dataRefEnd", data2);
		}
		code_hints(w, code, &ctx->c->codes[j], 1);
		return 0;
	}
	int isolated = j == SIZE_MAX;
	if (v12) {
		char id12[32];
		number(id12, code->kind == BT_CODE_OPEN ? "b" : "e", code->id);
		bt_xml_emit_start(E, code->kind == BT_CODE_OPEN ? "bx" : "ex");
		bt_xml_emit_attr(E, "id", id12);
		bt_xml_emit_attr(E, "rid", id);
		/* <ex> has no ctype in the 1.2 schema. */
		if (code->kind == BT_CODE_OPEN)
			code_hints(w, code, NULL, 0);
		else if (code->display)
			bt_xml_emit_attr(E, "equiv-text", code->display);
	} else if (code->kind == BT_CODE_OPEN) {
		bt_xml_emit_start(E, "sc");
		bt_xml_emit_attr(E, "id", id);
		if (isolated)
			bt_xml_emit_attr(E, "isolated", "yes");
		bt_xml_emit_attr(E, "dataRef", data);
		code_hints(w, code, NULL, 0);
	} else {
		bt_xml_emit_start(E, "ec");
		if (isolated) {
			bt_xml_emit_attr(E, "id", id);
			bt_xml_emit_attr(E, "isolated", "yes");
		} else {
			bt_xml_emit_attr(E, "startRef", id);
		}
		bt_xml_emit_attr(E, "dataRef", data);
		if (code->display)
			bt_xml_emit_attr(E, "disp", code->display);
	}
	bt_xml_emit_end(E);
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
	struct inline_ctx ctx = { w, c, partner, 0 };
	size_t lo = code_index_at(w, c, start);
	size_t hi = lo + bt_content_count_codes(c, start, end);
	size_t *open_pairs = bt_xmalloc((hi - lo + 1) * sizeof(size_t));
	size_t depth = 0, k = lo, done = start;
	int rc = 0;

	for (size_t i = start; i + BT_MARK_LEN <= end && rc == 0; i++) {
		if ((unsigned char) c->text[i] != 0xEF
		    || !bt_mark_at(c->text + i, end - i, NULL))
			continue;
		rc = bt_xml_emit_text(E, c->text + done, i - done, write_cp,
				      &ctx, err);
		if (rc == 0 && c->codes[k].kind == BT_CODE_CLOSE && depth
		    && open_pairs[depth - 1] == partner[k]) {
			depth--;	/* ends the <pc>/<g> */
			bt_xml_emit_end(E);
		} else if (rc == 0) {
			int pair = c->codes[k].kind == BT_CODE_OPEN
				&& !(w->native_codes
				     && w->opt.version == BT_XLIFF_12)
				&& nests(c, partner, k, lo, hi);
			rc = write_code_element(&ctx, k, pair, lo, hi, err);
			if (pair)
				open_pairs[depth++] = k;
		}
		k++;
		i += BT_MARK_LEN - 1;
		done = i + 1;
	}
	if (rc == 0 && end > done)
		rc = bt_xml_emit_text(E, c->text + done, end - done, write_cp,
				      &ctx, err);
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

/*
 * A unit that has no inline codes, no notes and only plain text, which is
 * most units of most documents, written straight into one buffer without
 * struct bt_xml_emit's bookkeeping.  The escaping is the writer's; the
 * framing is not quite: such a unit starts with a newline of its own and
 * ends without one, where the other units end with theirs.  XLIFF written
 * so far looks so (a blank line, or a unit starting after two spaces,
 * where the two kinds meet), and the tests compare such files byte for
 * byte, so it stays.
 */
static int
write_plain_unit(struct bt_xliff_writer *w, const struct bt_unit *u,
		 const struct range *ranges, size_t n, struct bt_error *err)
{
	struct bt_buf *b = &w->scratch;
	size_t n_seg = 0, n_ign = 0;
	bt_buf_reset(b);
	bt_buf_addstr(b, "\n    <unit id=\"");
	bt_xml_escape_attr(b, u->id);
	if (u->name) {
		bt_buf_addstr(b, "\" name=\"");
		bt_xml_escape_attr(b, u->name);
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
	w->parent_open = false;
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


/* The unit's notes: XLIFF 2 <note category>, XLIFF 1.2 <note from>. */
static int
write_notes(struct bt_xliff_writer *w, const struct bt_unit *u,
	    const char *category, struct bt_error *err)
{
	for (size_t i = 0; i < u->n_notes; i++) {
		open_mixed(w, "note");
		if (u->notes[i].category)
			bt_xml_emit_attr(E, category, u->notes[i].category);
		if (bt_xml_emit_text(E, u->notes[i].text,
				     strlen(u->notes[i].text), NULL, NULL,
				     err) < 0)
			return -1;
		close_mixed(w);
	}
	return 0;
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
	begin_unit(w);
	bt_xml_emit_start(E, "unit");
	bt_xml_emit_attr(E, "id", u->id);
	if (u->name)
		bt_xml_emit_attr(E, "name", u->name);
	if (!u->translate)
		bt_xml_emit_attr(E, "translate", "no");
	if (u->n_notes) {
		bt_xml_emit_start(E, "notes");
		if (write_notes(w, u, "category", err) < 0)
			goto out;
		bt_xml_emit_end(E);
	}
	if (u->source.n_codes) {
		bt_xml_emit_start(E, "originalData");
		for (size_t k = 0; k < u->source.n_codes; k++) {
			const struct bt_code *c = &u->source.codes[k];
			struct inline_ctx ctx = { w, &u->source, partner, 0 };
			open_mixed(w, "data");
			bt_xml_emit_attr(E, "id", number(id, "d",
						       (long long) k + 1));
			if (bt_xml_emit_text(E, c->data, c->data_len,
					     write_cp, &ctx, err) < 0)
				goto out;
			close_mixed(w);
		}
		bt_xml_emit_end(E);
	}
	size_t n_seg = 0, n_ign = 0;
	for (size_t i = 0; i < n; i++) {
		const struct range *r = &ranges[i];
		int is_seg = r->seg || !u->n_segments;
		bt_xml_emit_start(E, is_seg ? "segment" : "ignorable");
		bt_xml_emit_attr(E, "id", is_seg
				 ? number(id, "s", (long long) ++n_seg)
				 : number(id, "i", (long long) ++n_ign));
		int has_target = is_seg && ((r->seg && r->seg->target)
					    || w->opt.copy_source);
		if (has_target)
			bt_xml_emit_attr(E, "state", state_name(r->seg
				&& r->seg->target ? r->seg->state
				: BT_STATE_INITIAL, 0));
		open_mixed(w, "source");
		if (write_inline(w, &u->source, partner, r->start, r->end,
				 err) < 0)
			goto out;
		close_mixed(w);
		if (has_target) {
			open_mixed(w, "target");
			if (write_target_content(w, u, r, partner, err) < 0)
				goto out;
			close_mixed(w);
		}
		bt_xml_emit_end(E);
	}
	bt_xml_emit_end(E);
	rc = end_unit(w, err);
out:
	bt_xml_emit_release(E);
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
	char mid[32];
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
		bt_xml_emit_start(E, "mrk");
		bt_xml_emit_attr(E, "mtype", "seg");
		bt_xml_emit_attr(E, "mid", number(mid, "",
						(long long) ++n_seg));
		if (target && mixed_states && r->seg && r->seg->target) {
			char comment[48];
			snprintf(comment, sizeof(comment), STATE_COMMENT "%s",
				 state_name(r->seg->state, 0));
			bt_xml_emit_attr(E, "comment", comment);
		}
		int rc = !target ? write_inline(w, &u->source, partner,
						r->start, r->end, err)
			: (r->seg && r->seg->target) || w->opt.copy_source
			? write_target_content(w, u, r, partner, err) : 0;
		if (rc < 0)
			return -1;
		bt_xml_emit_end(E);
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

	begin_unit(w);
	bt_xml_emit_start(E, "trans-unit");
	bt_xml_emit_attr(E, "id", u->id);
	if (u->name)
		bt_xml_emit_attr(E, "resname", u->name);
	if (!u->translate)
		bt_xml_emit_attr(E, "translate", "no");
	if (unit_state(u) == BT_STATE_FINAL)
		bt_xml_emit_attr(E, "approved", "yes");
	bt_xml_emit_attr(E, "xml:space", "preserve");
	open_mixed(w, "source");
	if (write_inline(w, &u->source, partner, 0, u->source.len, err) < 0)
		goto out;
	close_mixed(w);
	open_mixed(w, "seg-source");
	if (write_mrks(w, u, ranges, n, partner, 0, err) < 0)
		goto out;
	close_mixed(w);
	open_mixed(w, "target");
	enum bt_state st = unit_state(u);
	bt_xml_emit_attr(E, "state", st == BT_STATE_NONE ? (any_target
			 ? "needs-translation" : "new") : state_name(st, 1));
	if (any_target && write_mrks(w, u, ranges, n, partner, 1, err) < 0)
		goto out;
	close_mixed(w);
	if (write_notes(w, u, "from", err) < 0)
		goto out;
	bt_xml_emit_end(E);
	rc = end_unit(w, err);
out:
	bt_xml_emit_release(E);
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
		w->parent_open = true;
	} else {
		if (attr(w, "id", file_id, err) < 0
		    || attr(w, "original", original, err) < 0
		    || attr(w, "xml:space", "preserve", err) < 0
		    || write_skeleton(w, skeleton, skeleton_len,
				      skeleton_href, err) < 0)
			return -1;
		w->parent_open = !skeleton && !skeleton_href;
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
	/* After a plain unit the writer would not indent the end tag. */
	if (w->raw_last && w->opt.version != BT_XLIFF_12)
		W(xmlTextWriterWriteRaw(X, BAD_CAST "\n  "));
	w->raw_last = false;
	w->parent_open = false;
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
	bt_xml_emit_release(&w->emit);
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
	bt_xml_emit_release(&w->emit);
	free(w);
}
