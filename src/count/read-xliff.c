/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Counting XLIFF 1.2 and 2.x, streaming.
 *
 * States (README.md, "bitext coverage", has the table):
 *
 *   XLIFF 2.x, per <segment>: an empty target is untranslated, whatever
 *   the state says; state="initial" with a target needs review;
 *   translated, reviewed and final are themselves; a target with no state
 *   is translated (CAT tools such as OmegaT fill targets without touching
 *   the state).
 *
 *   XLIFF 1.2, per <trans-unit>: an empty target is untranslated; with a
 *   target, state new and needs-translation are untranslated, the other
 *   needs-* states need review, translated is translated, signed-off is
 *   reviewed, final is final, and none (or an x- state) is translated;
 *   approved="yes" makes it final.  With <seg-source>, each <mrk
 *   mtype="seg"> is a segment, filled when the target's <mrk> with the
 *   same mid is.
 *
 *   translate="no" on a unit, or inherited from its <group> (2.x: <file>),
 *   puts it in excluded.  <alt-trans>, notes, <ignorable>, original data
 *   and other modules are not counted.
 *
 * Inline codes: paired codes (2.x <pc> <sc/> <ec/>, 1.2 <g> <bx/> <ex/>
 * <bpt> <ept> <it>) leave the text on both sides joined; standalone codes
 * (<ph>, <x/>) separate words; the native code inside 1.2 <ph> <bpt> <ept>
 * <it> is not text.  <mrk> is transparent, but its content is not counted
 * when it says translate="no" (2.x) or mtype="protected" (1.2).
 */
#include "system.h"

#include "core/xalloc.h"
#include "count/readers.h"

/* Element names, interned in the reader's dictionary so that a name
 * compares by pointer. */
enum name {
	N_FILE, N_GROUP, N_UNIT, N_TRANS_UNIT, N_SEGMENT, N_IGNORABLE,
	N_SOURCE, N_TARGET, N_SEG_SOURCE, N_MRK, N_PC, N_SC, N_EC, N_SM,
	N_EM, N_PH, N_CP, N_G, N_X, N_BX, N_EX, N_BPT, N_EPT, N_IT,
	N_PROP_GROUP, N_PROP, N_METADATA, N_META_GROUP, N_META, N_BODY,
	N_COUNT
};

static const char *const name_text[N_COUNT] = {
	"file", "group", "unit", "trans-unit", "segment", "ignorable",
	"source", "target", "seg-source", "mrk", "pc", "sc", "ec", "sm",
	"em", "ph", "cp", "g", "x", "bx", "ex", "bpt", "ept", "it",
	"prop-group", "prop", "metadata", "metaGroup", "meta", "body",
};

#define MDA_NS "urn:oasis:names:tc:xliff:metadata:2.0"

/* Slots of the name hash (a power of two, over twice N_COUNT). */
#define NAME_SLOTS 64

/* What read_content() does with the content it reads. */
enum content {
	C_SOURCE,	/* collect the text of a source */
	C_TARGET,	/* only see whether the target holds anything */
	C_SEG_SOURCE,	/* 1.2 <seg-source>: one segment per <mrk> */
	C_SEG_TARGET,	/* 1.2 <target>: filled <mrk>s by mid */
};

struct xliff {
	struct bt_xml_count *x;
	int major;			/* 1 or 2 */
	char *ns;			/* owned: the root's namespace */
	const char *root_ns;		/* the same, borrowed from the root
					 * element, which lives until the end:
					 * most elements point to it */
	const xmlChar *names[N_COUNT];
	/* The same names hashed by address, for name_of(): slot -> name
	 * index + 1 (0: empty). */
	unsigned char name_slot[NAME_SLOTS];
	/* translate="no" inheritance: depths of open file/group elements
	 * and whether each translates. */
	struct {
		int depth;
		bool translate;
	} *stack;
	size_t n_stack, cap_stack;
	/* The unit being read. */
	bool in_unit;
	int unit_depth;
	xmlNodePtr unit_node;		/* the unit's element, alive until
					 * its end tag */
	bool translate;			/* the unit's own or inherited */
	bool approved;			/* 1.2 approved="yes" */
	bool seg_source;		/* 1.2: segments from <seg-source> */
	bool target_segs;		/* 1.2: the target has seg mrks */
	bool target_filled;		/* 1.2: the whole target */
	enum bt_state target_state;	/* 1.2: what <target state> says,
					 * approved="yes" aside */
	struct bt_seg_tally *seg;	/* 2.x: the current segment */
	char *bead;			/* owned: x-bitext-bead */
	double score;			/* x-bitext-score, or -1 */
	bool marked;			/* the file has bitext marks */
	int align_group;		/* depth of the open <mda:metaGroup
					 * category="x-bitext-align">, or -1 */
};

/* The slot where the hash of an interned name starts. */
static inline unsigned
name_hash(const xmlChar *p)
{
	return (unsigned) (((uint64_t) (uintptr_t) p * 0x9E3779B97F4A7C15u)
			   >> 58) & (NAME_SLOTS - 1);
}

/* Fills xl->name_slot from xl->names (open addressing). */
static void
hash_names(struct xliff *xl)
{
	memset(xl->name_slot, 0, sizeof(xl->name_slot));
	for (int i = 0; i < N_COUNT; i++) {
		unsigned h = name_hash(xl->names[i]);
		while (xl->name_slot[h])
			h = (h + 1) & (NAME_SLOTS - 1);
		xl->name_slot[h] = (unsigned char) (i + 1);
	}
}

/* Which of the names local (interned in the reader's dictionary) is, or
 * -1: a lookup by address in the hash. */
static int
name_of(const struct xliff *xl, const xmlChar *local)
{
	for (unsigned h = name_hash(local); xl->name_slot[h];
	     h = (h + 1) & (NAME_SLOTS - 1))
		if (xl->names[xl->name_slot[h] - 1] == local)
			return xl->name_slot[h] - 1;
	return -1;
}

/* Whether ns is the root's namespace. */
static inline bool
in_ns(const struct xliff *xl, const char *ns)
{
	return ns == xl->root_ns || bt_xml_count_same_ns(ns, xl->ns);
}

static bool
inherited_translate(const struct xliff *xl)
{
	return xl->n_stack ? xl->stack[xl->n_stack - 1].translate : true;
}

static void
push_translate(struct xliff *xl, int depth)
{
	const char *v = bt_xml_count_attr_ref(xl->x, "translate", NULL);
	bool t = v ? strcmp(v, "no") != 0 : inherited_translate(xl);
	if (xl->n_stack == xl->cap_stack) {
		xl->cap_stack = xl->cap_stack ? 2 * xl->cap_stack : 8;
		xl->stack = bt_xreallocarray(xl->stack, xl->cap_stack,
					     sizeof(*xl->stack));
	}
	xl->stack[xl->n_stack].depth = depth;
	xl->stack[xl->n_stack].translate = t;
	xl->n_stack++;
}

static void
pop_translate(struct xliff *xl, int depth)
{
	if (xl->n_stack && xl->stack[xl->n_stack - 1].depth == depth)
		xl->n_stack--;
}

/* Counts the collected source text into seg. */
static void
count_text(struct xliff *xl, struct bt_seg_tally *seg)
{
	struct bt_xml_count *x = xl->x;
	if (x->text.len)
		bt_words_count(x->words, x->text.data, x->text.len, &seg->wc);
	bt_buf_reset(&x->text);
}

/* Appends the character of <cp hex="..."/>. */
static int
append_cp(struct xliff *xl)
{
	const char *hex = bt_xml_count_attr_ref(xl->x, "hex", NULL);
	unsigned long u = hex ? strtoul(hex, NULL, 16) : 0;
	char b[4];
	size_t n;
	if (u == 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
		return 0;
	if (u < 0x80) {
		b[0] = (char) u;
		n = 1;
	} else if (u < 0x800) {
		b[0] = (char) (0xC0 | (u >> 6));
		b[1] = (char) (0x80 | (u & 0x3F));
		n = 2;
	} else if (u < 0x10000) {
		b[0] = (char) (0xE0 | (u >> 12));
		b[1] = (char) (0x80 | ((u >> 6) & 0x3F));
		b[2] = (char) (0x80 | (u & 0x3F));
		n = 3;
	} else {
		b[0] = (char) (0xF0 | (u >> 18));
		b[1] = (char) (0x80 | ((u >> 12) & 0x3F));
		b[2] = (char) (0x80 | ((u >> 6) & 0x3F));
		b[3] = (char) (0x80 | (u & 0x3F));
		n = 4;
	}
	return bt_xml_count_append(xl->x, b, n);
}

/* Whether the attribute equals value. */
static bool
attr_is(struct xliff *xl, const char *attr, const char *value)
{
	const char *v = bt_xml_count_attr_ref(xl->x, attr, NULL);
	return v && !strcmp(v, value);
}

/* The segment of the unit whose mid is mid, looking from hint on. */
static struct bt_seg_tally *
find_mid(struct xliff *xl, const char *mid, size_t *hint)
{
	struct bt_unit_tally *u = &xl->x->unit;
	for (size_t k = 0; k < u->n; k++) {
		size_t i = (*hint + k) % u->n;
		if (u->segs[i].mid && mid && !strcmp(u->segs[i].mid, mid)) {
			*hint = i + 1;
			return &u->segs[i];
		}
	}
	return NULL;
}

/*
 * Reads the content of the element the reader is on (a source, target or
 * seg-source), up to its end tag, as kind says.  *filled (C_TARGET,
 * C_SEG_TARGET) tells whether it held text or codes.  Returns 1 on the end
 * tag, -1 on error.
 */
static int
read_content(struct xliff *xl, enum content kind, bool *filled)
{
	struct bt_xml_count *x = xl->x;
	xmlTextReaderPtr r = x->r;
	bool source = kind == C_SOURCE || kind == C_SEG_SOURCE;
	/* The content ends on the end tag of the element we are on, and a
	 * seg <mrk> on its own: the reader reports an end tag on the node
	 * of its start tag, which lives until then. */
	xmlNodePtr top = xmlTextReaderCurrentNode(r);
	xmlNodePtr seg_node = NULL;	/* the open seg <mrk>, if any */
	struct bt_seg_tally *seg = NULL;
	bool seg_filled = false;
	size_t hint = 0;
	bool any = false;

	if (filled)
		*filled = false;
	if (xmlTextReaderIsEmptyElement(r))
		return 1;
	int rc = bt_xml_count_read(x);
	while (rc == 1) {
		/* Of top and seg_node, the next end tag is seg_node's while
		 * it is open. */
		xmlNodePtr n;
		int type = bt_xml_count_node_in(x, &n,
						seg_node ? seg_node : top);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (n == top)
				break;
			if (n == seg_node) {
				seg_node = NULL;
				if (kind == C_SEG_SOURCE)
					count_text(xl, seg);
				else if (seg)
					seg->target = seg_filled;
			}
			rc = bt_xml_count_read(x);
			continue;
		}
		bool in_seg = kind == C_SOURCE || kind == C_TARGET
			|| seg_node;
		if (type == XML_READER_TYPE_TEXT) {
			/* Text and CDATA (bt_xml_count_node() does not tell
			 * white space apart). */
			const char *v = (const char *) n->content;
			if (source && in_seg) {
				if (v && bt_xml_count_append(x, v, strlen(v))
				    < 0)
					return -1;
			} else if (!source && v && bt_count_has_text(v)) {
				any = true;
				seg_filled |= in_seg;
			}
			rc = bt_xml_count_read(x);
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT) {
			rc = bt_xml_count_read(x);
			continue;
		}
		int name = in_ns(xl, bt_xml_node_ns(n))
			? name_of(xl, n->name) : -1;
		/* 1.2 segment markers. */
		if (name == N_MRK && (kind == C_SEG_SOURCE
				      || kind == C_SEG_TARGET)
		    && !seg_node && attr_is(xl, "mtype", "seg")) {
			bool empty = xmlTextReaderIsEmptyElement(r);
			const char *mid = bt_xml_count_attr_ref(x, "mid", NULL);
			if (kind == C_SEG_SOURCE) {
				if (!xl->seg_source) {
					bt_unit_tally_reset(&x->unit);
					xl->seg_source = true;
				}
				seg = bt_unit_tally_add(&x->unit);
				if (!seg) {
					bt_error_set(x->err, BT_ELIMIT, x->path,
						     _("too many segments in "
						       "one unit"));
					return -1;
				}
				seg->mid = bt_xstrdup(mid);
				bt_buf_reset(&x->text);
			} else {
				xl->target_segs = true;
				seg = find_mid(xl, mid, &hint);
				seg_filled = false;
			}
			if (empty) {
				if (kind == C_SEG_SOURCE)
					count_text(xl, seg);
				else if (seg)
					seg->target = false;
			} else {
				seg_node = n;
			}
			rc = bt_xml_count_read(x);
			continue;
		}
		bool transparent = false, separator = false;
		switch (name) {
		case N_PC:
		case N_G:
			transparent = true;
			break;
		case N_MRK:
			transparent = !attr_is(xl, "translate", "no")
				&& !attr_is(xl, "mtype", "protected");
			separator = !transparent;
			break;
		case N_PH:
		case N_X:
			separator = true;
			break;
		case N_CP:
			if (source && in_seg && append_cp(xl) < 0)
				return -1;
			break;
		default:
			/* sc ec sm em bx ex bpt ept it, and anything else:
			 * nothing of theirs is text. */
			break;
		}
		if (!source && in_seg) {
			any = true;
			seg_filled = true;
		}
		if (source && in_seg && separator
		    && bt_xml_count_append(x, " ", 1) < 0)
			return -1;
		rc = transparent ? bt_xml_count_read(x)
			: bt_xml_count_skip(x);
	}
	if (rc == 0)
		return bt_xml_count_invalid(x, _("the file ends inside a "
						 "source or target"));
	if (rc < 0)
		return -1;
	if (filled)
		*filled = any;
	return 1;
}

/* The state of a 1.2 unit whose target holds something, by its state
 * attribute (approved="yes" makes it final whatever this says). */
static enum bt_state
state_12(const char *state)
{
	if (!state || !strncmp(state, "x-", 2))
		return BT_TRANSLATED;
	if (!strcmp(state, "new") || !strcmp(state, "needs-translation"))
		return BT_UNTRANSLATED;
	if (!strncmp(state, "needs-", 6))
		return BT_NEEDS_REVIEW;
	if (!strcmp(state, "signed-off"))
		return BT_REVIEWED;
	if (!strcmp(state, "final"))
		return BT_FINAL;
	return BT_TRANSLATED;
}

/* The state of a 2.x segment whose target holds something. */
static enum bt_state
state_2(const char *state)
{
	if (!state)
		return BT_TRANSLATED;
	if (!strcmp(state, "initial"))
		return BT_NEEDS_REVIEW;
	if (!strcmp(state, "reviewed"))
		return BT_REVIEWED;
	if (!strcmp(state, "final"))
		return BT_FINAL;
	return BT_TRANSLATED;
}

static void
begin_unit(struct xliff *xl, int depth)
{
	struct bt_xml_count *x = xl->x;
	const char *v = bt_xml_count_attr_ref(x, "translate", NULL);
	xl->translate = v ? strcmp(v, "no") != 0 : inherited_translate(xl);
	xl->approved = xl->major == 1 && attr_is(xl, "approved", "yes");
	xl->in_unit = true;
	xl->unit_depth = depth;
	xl->unit_node = xmlTextReaderCurrentNode(x->r);
	xl->seg_source = xl->target_segs = xl->target_filled = false;
	xl->target_state = BT_TRANSLATED;
	xl->seg = NULL;
	free(xl->bead);
	xl->bead = NULL;
	xl->score = -1;
	bt_unit_tally_reset(&x->unit);
}

static void
end_unit(struct xliff *xl)
{
	struct bt_xml_count *x = xl->x;
	struct bt_unit_tally *u = &x->unit;
	uint64_t src_chars = 0;
	bool target = false;
	for (size_t i = 0; i < u->n; i++) {
		struct bt_seg_tally *s = &u->segs[i];
		if (xl->major == 1) {
			bool filled = xl->target_segs ? s->target
				: xl->target_filled;
			s->target = filled;
			s->state = !filled ? BT_UNTRANSLATED
				: xl->approved ? BT_FINAL : xl->target_state;
		}
		src_chars += s->wc.chars;
		target |= s->target;
	}
	bt_coverage_file_add_unit(x->file, u, !xl->translate);
	if (xl->translate && (src_chars || target))
		bt_coverage_file_add_pair(x->file, src_chars, target,
					  xl->bead, xl->score);
	xl->in_unit = false;
}

/*
 * Reads a bitext alignment mark, the reader ends after it: 1.2 <prop
 * prop-type="x-bitext-score|bead">, 2.x <mda:meta type="x-bitext-...">,
 * or what bitext align writes in XLIFF 2: <mda:meta type="score|bead">
 * inside <mda:metaGroup category="x-bitext-align">.
 */
static int
read_mark(struct xliff *xl, const char *type_attr)
{
	struct bt_xml_count *x = xl->x;
	char *type = bt_xstrdup(bt_xml_count_attr_ref(x, type_attr, NULL));
	const char *t = type;
	if (t && xl->align_group >= 0
	    && (!strcmp(t, "score") || !strcmp(t, "bead")))
		t = !strcmp(t, "score") ? "x-bitext-score" : "x-bitext-bead";
	if (t && (!strcmp(t, "x-bitext-score")
		  || !strcmp(t, "x-bitext-bead"))) {
		char *v = (char *) xmlTextReaderReadString(x->r);
		xl->marked = true;
		if (!strcmp(t, "x-bitext-score")) {
			xl->score = bt_count_parse_score(v);
		} else {
			free(xl->bead);
			xl->bead = bt_xstrdup(v);
		}
		xmlFree(v);
	}
	free(type);
	return bt_xml_count_skip(x);
}

static const char *
format_name(int major, const char *version)
{
	static const char *const v2[] = { "xliff-2.0", "xliff-2.1",
					  "xliff-2.2" };
	static const char *const v1[] = { "xliff-1.0", "xliff-1.1",
					  "xliff-1.2" };
	if (version && strlen(version) == 3 && version[1] == '.'
	    && version[2] >= '0' && version[2] <= '2') {
		if (version[0] == '2')
			return v2[version[2] - '0'];
		if (version[0] == '1')
			return v1[version[2] - '0'];
	}
	return major == 2 ? "xliff-2" : "xliff-1.2";
}

/* Handles an element start inside a unit; the reader is on it. */
static int
unit_element(struct xliff *xl, int name)
{
	struct bt_xml_count *x = xl->x;
	bool filled;
	if (xl->major == 2) {
		switch (name) {
		case N_SEGMENT: {
			xl->seg = bt_unit_tally_add(&x->unit);
			if (!xl->seg)
				return bt_error_set(x->err, BT_ELIMIT, x->path,
						    _("too many segments in "
						      "one unit"));
			/* Kept until </segment> in the state field's place:
			 * the state is decided once the target is seen. */
			const char *st = bt_xml_count_attr_ref(x, "state",
							       NULL);
			xl->seg->state = st ? state_2(st) : BT_N_STATES;
			return bt_xml_count_read(x);
		}
		case N_SOURCE:
			if (!xl->seg)
				break;
			bt_buf_reset(&x->text);
			if (read_content(xl, C_SOURCE, NULL) < 0)
				return -1;
			count_text(xl, xl->seg);
			return bt_xml_count_read(x);
		case N_TARGET:
			if (!xl->seg)
				break;
			if (read_content(xl, C_TARGET, &filled) < 0)
				return -1;
			xl->seg->target |= filled;
			return bt_xml_count_read(x);
		default:
			break;
		}
		return bt_xml_count_skip(x);
	}
	switch (name) {
	case N_SOURCE:
		if (xl->seg_source)
			break;
		bt_unit_tally_reset(&x->unit);
		struct bt_seg_tally *seg = bt_unit_tally_add(&x->unit);
		bt_buf_reset(&x->text);
		if (read_content(xl, C_SOURCE, NULL) < 0)
			return -1;
		count_text(xl, seg);
		return bt_xml_count_read(x);
	case N_SEG_SOURCE:
		if (read_content(xl, C_SEG_SOURCE, NULL) < 0)
			return -1;
		return bt_xml_count_read(x);
	case N_TARGET:
		xl->target_state = state_12(
			bt_xml_count_attr_ref(x, "state", NULL));
		if (read_content(xl, xl->seg_source ? C_SEG_TARGET : C_TARGET,
				 &filled) < 0)
			return -1;
		xl->target_filled = filled;
		return bt_xml_count_read(x);
	case N_PROP_GROUP:
		return bt_xml_count_read(x);
	case N_PROP:
		return read_mark(xl, "prop-type");
	default:
		break;
	}
	return bt_xml_count_skip(x);
}

int
bt_count_xliff(struct bt_xml_count *x)
{
	struct xliff xl = { .x = x, .score = -1, .align_group = -1 };
	xmlTextReaderPtr r = x->r;
	const char *version = bt_xml_count_attr_ref(x, "version", NULL);
	xl.root_ns = bt_xml_count_ns(x);
	xl.ns = bt_xstrdup(xl.root_ns);
	xl.major = version ? (version[0] == '2' ? 2 : 1)
		: xl.ns && strstr(xl.ns, ":2.") ? 2 : 1;
	x->file->format = format_name(xl.major, version);
	for (int i = 0; i < N_COUNT; i++)
		xl.names[i] = xmlTextReaderConstString(r,
						       BAD_CAST name_text[i]);
	hash_names(&xl);
	if (xl.major == 2) {
		const char *lang = bt_xml_count_attr_ref(x, "srcLang", NULL);
		bt_words_set_lang(x->words, lang);
		x->file->lang = bt_xstrdup(lang);
	}

	int rc = bt_xml_count_read(x);
	while (rc == 1) {
		xmlNodePtr n;
		int type = bt_xml_count_node_in(x, &n,
						xl.in_unit ? xl.unit_node
						: NULL);
		if (type == XML_READER_TYPE_END_ELEMENT
		    && xl.in_unit && n == xl.unit_node) {
			/* The end of the unit (at xl.unit_depth). */
			end_unit(&xl);
			rc = bt_xml_count_read(x);
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			int depth = xmlTextReaderDepth(r);
			if (depth == xl.align_group)
				xl.align_group = -1;
			if (xl.in_unit && depth == xl.unit_depth)
				end_unit(&xl);
			else if (xl.in_unit && xl.seg
				 && depth == xl.unit_depth + 1
				 && n->name == xl.names[N_SEGMENT]) {
				struct bt_seg_tally *s = xl.seg;
				s->state = !s->target ? BT_UNTRANSLATED
					: s->state == BT_N_STATES
					? BT_TRANSLATED : s->state;
				xl.seg = NULL;
			} else if (!xl.in_unit) {
				pop_translate(&xl, depth);
			}
			rc = bt_xml_count_read(x);
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT) {
			rc = bt_xml_count_read(x);
			continue;
		}
		const char *ns = bt_xml_node_ns(n);
		int name = in_ns(&xl, ns) ? name_of(&xl, n->name) : -1;
		if (xl.in_unit) {
			if (xl.major == 2 && ns && !in_ns(&xl, ns)
			    && !strcmp(ns, MDA_NS)) {
				int mname = name_of(&xl, n->name);
				if (mname == N_META)
					rc = read_mark(&xl, "type");
				else if (mname == N_META_GROUP) {
					const char *cat =
						bt_xml_count_attr_ref(
							x, "category", NULL);
					if (cat && !xmlTextReaderIsEmptyElement(
						    r) && !strcmp(
						    cat, "x-bitext-align"))
						xl.align_group =
							xmlTextReaderDepth(r);
					rc = bt_xml_count_read(x);
				} else if (mname == N_METADATA)
					rc = bt_xml_count_read(x);
				else
					rc = bt_xml_count_skip(x);
				continue;
			}
			rc = unit_element(&xl, name);
			continue;
		}
		switch (name) {
		case N_FILE:
			if (xl.major == 1) {
				const char *lang = bt_xml_count_attr_ref(
					x, "source-language", NULL);
				bt_words_set_lang(x->words, lang);
				if (lang && !x->file->lang)
					x->file->lang = bt_xstrdup(lang);
			}
			/* fall through */
		case N_GROUP:
			if (!xmlTextReaderIsEmptyElement(r))
				push_translate(&xl, xmlTextReaderDepth(r));
			rc = bt_xml_count_read(x);
			break;
		case N_UNIT:
		case N_TRANS_UNIT:
			if ((name == N_UNIT) != (xl.major == 2)) {
				rc = bt_xml_count_skip(x);
				break;
			}
			begin_unit(&xl, xmlTextReaderDepth(r));
			if (xmlTextReaderIsEmptyElement(r))
				end_unit(&xl);
			rc = bt_xml_count_read(x);
			break;
		case N_BODY:
			rc = bt_xml_count_read(x);
			break;
		default:
			/* <header>, <notes>, <skeleton>, <bin-unit>,
			 * modules, extensions: nothing to count inside. */
			if (xmlTextReaderDepth(r) == 0)
				rc = bt_xml_count_read(x);
			else
				rc = bt_xml_count_skip(x);
			break;
		}
	}
	free(xl.ns);
	free(xl.bead);
	free(xl.stack);
	if (rc < 0)
		return -1;
	/* Only bitext's marks make an XLIFF file an alignment. */
	if (xl.marked)
		x->file->align.present = true;
	else
		memset(&x->file->align, 0, sizeof(x->file->align));
	return 0;
}
