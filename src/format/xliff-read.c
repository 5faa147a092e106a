/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading XLIFF 2.x and 1.2 back into documents; see xliff.h.
 *
 * The reader streams with libxml2's push parser and builds one <unit>
 * (or <trans-unit>) at a time into a small tree (see "the stream").
 * What CAT tools add around our units (notes, <alt-trans>,
 * <mtc:matches>, other namespaces, re-indentation, reordered
 * attributes) is skipped; what they change inside a target is
 * checked: every inline code of the source exactly once, each pair in
 * order.
 */
#include "system.h"

#include <nettle/base64.h>
#include <libgen.h>

#include <libxml/SAX2.h>

#include "format/xliff.h"
#include "core/strmap.h"
#include "core/xalloc.h"
#include "core/xml-safe.h"

#define NS_XLIFF2 "urn:oasis:names:tc:xliff:document:2.0"
#define NS_XLIFF22 "urn:oasis:names:tc:xliff:document:2.2"
#define NS_XLIFF12 "urn:oasis:names:tc:xliff:document:1.2"
#define STATE_COMMENT "bitext-state:"

struct reader {
	const char *path;
	xmlParserCtxtPtr ctxt;		/* owned: the push parser */
	const struct bt_xliff_handler *h;
	enum bt_xliff_version version;
	char *srclang, *trglang;	/* from <xliff> (2.x) */
	struct bt_xliff_file *file;	/* the <file> being read */
	bool file_begun;		/* handler's begin_file was called */
	size_t n_files;
	struct bt_strmap unit_ids;	/* of the current file */
	/* Attribute values attr() could not borrow from the tree: owned,
	 * freed once the unit is read. */
	char **kept;
	size_t n_kept, cap_kept;

	/* Where the parse is (see "the stream" below). */
	int depth;			/* of the element parsed; root: 1 */
	int keep;			/* depth of the subtree being built */
	enum { KEEP_UNIT, KEEP_SKELETON, KEEP_OTHER } kept_kind;
	bool seen_root;
	bool failed;			/* err is set; the parser stopped */
	struct bt_error *err;
	/* The embedded skeleton, decoded as the parser hands it over. */
	char *skel_href;		/* owned: an external one's name */
	struct base64_decode_ctx b64;
	struct bt_buf skel_data;
	bool skel_bad;			/* not base64 */
};

/* --- small helpers -------------------------------------------------- */

static int
named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE
		&& !strcmp((const char *) n->name, name)
		&& (!n->ns || !strcmp((const char *) n->ns->href, NS_XLIFF2)
		    || !strcmp((const char *) n->ns->href, NS_XLIFF22)
		    || !strcmp((const char *) n->ns->href, NS_XLIFF12));
}

/*
 * Sets *value to n's attribute name (in no namespace), borrowed from the
 * tree, or NULL when n has none.  An attribute's value is nearly always
 * one text node; for anything else (an entity in the value, a default
 * from a DTD) this returns false and xmlGetNoNsProp() must answer.
 */
static bool
prop_borrowed(const xmlNode *n, const char *name, const char **value)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (a->ns || strcmp((const char *) a->name, name))
			continue;
		const xmlNode *t = a->children;
		if (!t) {
			*value = "";
			return true;
		}
		if (t->next || (t->type != XML_TEXT_NODE
				&& t->type != XML_CDATA_SECTION_NODE))
			return false;
		*value = (const char *) t->content;
		return true;
	}
	if (n->doc && (n->doc->intSubset || n->doc->extSubset))
		return false;
	*value = NULL;
	return true;
}

/* n's attribute name, or NULL.  Caller frees. */
static char *
prop(const xmlNode *n, const char *name)
{
	const char *b;
	if (prop_borrowed(n, name, &b))
		return bt_xstrdup(b);
	xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
	char *s = v ? bt_xstrdup((const char *) v) : NULL;
	xmlFree(v);
	return s;
}

/* n's attribute name, or NULL; borrowed until the unit is read (see
 * struct reader's kept). */
static const char *
attr(struct reader *rd, const xmlNode *n, const char *name)
{
	const char *b;
	if (prop_borrowed(n, name, &b))
		return b;
	char *s = prop(n, name);
	if (s) {
		if (rd->n_kept == rd->cap_kept) {
			rd->cap_kept = rd->cap_kept ? 2 * rd->cap_kept : 8;
			rd->kept = bt_xreallocarray(rd->kept, rd->cap_kept,
						    sizeof(*rd->kept));
		}
		rd->kept[rd->n_kept++] = s;
	}
	return s;
}

/* Frees what attr() had to copy. */
static void
drop_kept(struct reader *rd)
{
	for (size_t i = 0; i < rd->n_kept; i++)
		free(rd->kept[i]);
	rd->n_kept = 0;
}

static int
prop_is(const xmlNode *n, const char *name, const char *value)
{
	const char *b;
	if (prop_borrowed(n, name, &b))
		return b && !strcmp(b, value);
	char *v = prop(n, name);
	int is = v && !strcmp(v, value);
	free(v);
	return is;
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n->children; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static int
invalid(struct reader *rd, const xmlNode *n, const char *unit,
	const char *fmt, const char *arg, struct bt_error *err)
{
	bt_error_set(err, BT_EINVALID, rd->path, fmt, arg);
	if (n)
		bt_error_at_line(err, xmlGetLineNo(n));
	if (unit)
		bt_error_at_unit(err, unit);
	return -1;
}

/* A code id as an int: our own are numbers; others get a number of
 * their own from the unit's id map. */
static int
code_number(struct bt_strmap *ids, const char *xid)
{
	char *end;
	long v = strtol(xid, &end, 10);
	if (*xid && !*end && v >= 0 && v < 1000000)
		return (int) v;
	size_t have = bt_strmap_get(ids, xid);
	if (have != SIZE_MAX)
		return (int) have;
	size_t next = 1000000 + ids->used;
	bt_strmap_put(ids, xid, next);
	return (int) next;
}

/* --- inline content ------------------------------------------------- */

/*
 * The codes of one content by kind and id: open addressing over indexes
 * into c->codes, so that a unit with n codes is read in time n, not
 * n * n.  The content may grow between look-ups (the source of the unit
 * being read): the codes added since are indexed first.  Where a kind and
 * id are there twice, the first one is found, as a search from the start
 * would.
 */
struct code_map {
	const struct bt_content *c;	/* borrowed; may be NULL */
	size_t *slots;		/* owned; index + 1 into c->codes, 0: empty */
	size_t cap;		/* 0 or a power of two */
	size_t indexed;		/* c->codes[0..indexed) are in slots */
};

/* Below this many codes a plain search is quicker than the map. */
#define CODE_MAP_MIN 16

static void
code_map_init(struct code_map *m, const struct bt_content *c)
{
	*m = (struct code_map){ .c = c };
}

static void
code_map_release(struct code_map *m)
{
	free(m->slots);
	code_map_init(m, NULL);
}

static size_t
code_slot(const struct code_map *m, enum bt_code_kind kind, int id)
{
	uint64_t h = ((uint64_t) (unsigned) id << 2 | (unsigned) kind)
		* 0x9E3779B97F4A7C15ULL;	/* Fibonacci hashing */
	size_t i = (size_t) (h >> 32) & (m->cap - 1);
	while (m->slots[i]) {
		const struct bt_code *k = &m->c->codes[m->slots[i] - 1];
		if (k->kind == kind && k->id == id)
			break;
		i = (i + 1) & (m->cap - 1);
	}
	return i;
}

static void
code_map_catch_up(struct code_map *m)
{
	const struct bt_content *c = m->c;
	if (2 * c->n_codes > m->cap) {
		/* At most half full; index everything again, in order. */
		free(m->slots);
		m->cap = 64;
		while (m->cap < 2 * c->n_codes)
			m->cap *= 2;
		m->slots = bt_xcalloc(m->cap, sizeof(*m->slots));
		m->indexed = 0;
	}
	for (; m->indexed < c->n_codes; m->indexed++) {
		const struct bt_code *k = &c->codes[m->indexed];
		size_t i = code_slot(m, k->kind, k->id);
		if (!m->slots[i])
			m->slots[i] = m->indexed + 1;
	}
}

/* The index of the first code of kind and id in m's content, or
 * SIZE_MAX. */
static size_t
code_map_find(struct code_map *m, enum bt_code_kind kind, int id)
{
	const struct bt_content *c = m->c;
	if (!c)
		return SIZE_MAX;
	if (c->n_codes < CODE_MAP_MIN) {
		for (size_t i = 0; i < c->n_codes; i++)
			if (c->codes[i].kind == kind && c->codes[i].id == id)
				return i;
		return SIZE_MAX;
	}
	code_map_catch_up(m);
	size_t i = code_slot(m, kind, id);
	return m->slots[i] ? m->slots[i] - 1 : SIZE_MAX;
}

struct inline_state {
	struct reader *rd;
	struct bt_unit *u;		/* the unit being read */
	struct bt_content *out;		/* where content goes */
	int target;			/* codes must come from the source */
	struct code_map source_codes;	/* of u->source */
	struct code_map skel_codes;	/* recorded codes, or none */
	xmlNode *original_data;		/* 2.x <originalData>, or NULL */
	/* Its <data> elements by id, made the first time one is needed. */
	struct bt_strmap data_ids;
	xmlNode **data;			/* owned */
	bool data_indexed;
	struct bt_strmap *code_ids;
	struct bt_error *err;
};

static void
inline_state_release(struct inline_state *st)
{
	drop_kept(st->rd);
	code_map_release(&st->source_codes);
	code_map_release(&st->skel_codes);
	bt_strmap_release(&st->data_ids);
	free(st->data);
}

static const struct bt_code *
find_code(struct code_map *m, enum bt_code_kind kind, int id)
{
	size_t i = code_map_find(m, kind, id);
	return i == SIZE_MAX ? NULL : &m->c->codes[i];
}

/* The <data> element of <originalData> whose id is ref, or NULL: the
 * first of them, as a search from the start would find. */
static xmlNode *
data_element(struct inline_state *st, const char *ref)
{
	if (!st->original_data || !ref)
		return NULL;
	if (!st->data_indexed) {
		size_t n = 0;
		st->data_indexed = true;
		for (xmlNode *d = st->original_data->children; d; d = d->next)
			n += named(d, "data");
		st->data = bt_xmalloc((n + 1) * sizeof(*st->data));
		n = 0;
		for (xmlNode *d = st->original_data->children; d; d = d->next) {
			char *id = named(d, "data") ? prop(d, "id") : NULL;
			if (id && !bt_strmap_put(&st->data_ids, id, n))
				st->data[n++] = d;
			free(id);
		}
	}
	size_t k = bt_strmap_get(&st->data_ids, ref);
	return k == SIZE_MAX ? NULL : st->data[k];
}

/* The text of <data id=ref> in <originalData>, or NULL.  Caller frees. */
static char *
original_data(struct inline_state *st, const char *ref)
{
	xmlNode *d = data_element(st, ref);
	if (d) {
		struct bt_buf b = BT_BUF_INIT;
		for (xmlNode *t = d->children; t; t = t->next) {
			if (t->type == XML_TEXT_NODE
			    || t->type == XML_CDATA_SECTION_NODE)
				bt_buf_addstr(&b, (const char *) t->content);
			else if (named(t, "cp")) {
				char *hex = prop(t, "hex");
				if (hex)
					bt_buf_addch(&b, (char) strtol(hex,
								NULL, 16));
				free(hex);
			}
		}
		return bt_buf_detach(&b, NULL);
	}
	return NULL;
}

/* Whether a 1.2 element holds its code's native data (not content). */
static int
native_code(const xmlNode *n)
{
	const char *name = (const char *) n->name;
	return !strcmp(name, "ph") || !strcmp(name, "bpt")
		|| !strcmp(name, "ept") || !strcmp(name, "it");
}

static int
add_code(struct inline_state *st, xmlNode *n, enum bt_code_kind kind,
	 const char *xid, const char *data_ref)
{
	if (!xid)
		return invalid(st->rd, n, st->u->id,
			       _("an inline code without id (<%s>)"),
			       (const char *) n->name, st->err);
	int id = code_number(st->code_ids, xid);
	const struct bt_code *src = NULL;
	char *owned = NULL;
	const char *data = "", *type = NULL;
	size_t data_len = 0;

	if (st->target) {
		src = find_code(&st->source_codes, kind, id);
		if (!src)
			return invalid(st->rd, n, st->u->id,
				       _("the target has an inline code the "
					 "source does not have (id %s)"),
				       xid, st->err);
	} else {
		src = find_code(&st->skel_codes, kind, id);
	}
	if (src) {
		data = src->data;
		data_len = src->data_len;
		type = src->type;
	} else if ((owned = original_data(st, data_ref))) {
		data = owned;
		data_len = strlen(owned);
	} else if (st->rd->version == BT_XLIFF_12 && n->children
		   && native_code(n)) {
		/* 1.2 <ph>, <bpt>, <ept>, <it> hold the native code. */
		xmlChar *t = xmlNodeGetContent(n);
		owned = bt_xstrdup((const char *) t);
		xmlFree(t);
		data = owned;
		data_len = strlen(owned);
	}
	size_t at = bt_content_add_code(st->out, kind, id, type, data,
					data_len);
	if (src && src->display)
		st->out->codes[at].display = bt_xstrdup(src->display);
	free(owned);
	return 0;
}

static int parse_inline(struct inline_state *st, xmlNode *first);

static int
parse_element(struct inline_state *st, xmlNode *n)
{
	const char *name = (const char *) n->name;
	int v12 = st->rd->version == BT_XLIFF_12;
	int rc = 0;
	const char *id = attr(st->rd, n, "id");

	if (!strcmp(name, "cp")) {
		const char *hex = attr(st->rd, n, "hex");
		unsigned long c = hex ? strtoul(hex, NULL, 16) : 0;
		char ch = (char) c;
		if (c == 0 || c >= 0x80)
			rc = invalid(st->rd, n, st->u->id,
				     _("bad <cp> (%s)"), "hex", st->err);
		else
			bt_content_add_text(st->out, &ch, 1);
	} else if (!v12 && !strcmp(name, "ph")) {
		const char *ref = attr(st->rd, n, "dataRef");
		rc = add_code(st, n, BT_CODE_STANDALONE, id, ref);
	} else if (!v12 && !strcmp(name, "pc")) {
		const char *rs = attr(st->rd, n, "dataRefStart");
		const char *re = attr(st->rd, n, "dataRefEnd");
		rc = add_code(st, n, BT_CODE_OPEN, id, rs);
		if (rc == 0)
			rc = parse_inline(st, n->children);
		if (rc == 0)
			rc = add_code(st, n, BT_CODE_CLOSE, id, re);
	} else if (!v12 && !strcmp(name, "sc")) {
		const char *ref = attr(st->rd, n, "dataRef");
		rc = add_code(st, n, BT_CODE_OPEN, id, ref);
	} else if (!v12 && !strcmp(name, "ec")) {
		const char *ref = attr(st->rd, n, "dataRef");
		const char *start = attr(st->rd, n, "startRef");
		rc = add_code(st, n, BT_CODE_CLOSE, start ? start : id, ref);
	} else if (v12 && !strcmp(name, "x")) {
		const char *ctype = attr(st->rd, n, "ctype");
		if (ctype && !strncmp(ctype, "x-bitext-cp-", 12)) {
			char ch = (char) strtol(ctype + 12, NULL, 16);
			bt_content_add_text(st->out, &ch, 1);
		} else {
			rc = add_code(st, n, BT_CODE_STANDALONE, id, NULL);
		}
	} else if (v12 && (!strcmp(name, "ph") || !strcmp(name, "it"))) {
		enum bt_code_kind kind = BT_CODE_STANDALONE;
		if (!strcmp(name, "it"))
			kind = prop_is(n, "pos", "open")
				|| prop_is(n, "pos", "begin") ? BT_CODE_OPEN
				: BT_CODE_CLOSE;
		rc = add_code(st, n, kind, id, NULL);
	} else if (v12 && (!strcmp(name, "bx") || !strcmp(name, "ex")
			   || !strcmp(name, "bpt") || !strcmp(name, "ept"))) {
		const char *rid = attr(st->rd, n, "rid");
		enum bt_code_kind kind = name[0] == 'b' ? BT_CODE_OPEN
			: BT_CODE_CLOSE;
		rc = add_code(st, n, kind, rid ? rid : id, NULL);
	} else if (v12 && !strcmp(name, "g")) {
		rc = add_code(st, n, BT_CODE_OPEN, id, NULL);
		if (rc == 0)
			rc = parse_inline(st, n->children);
		if (rc == 0)
			rc = add_code(st, n, BT_CODE_CLOSE, id, NULL);
	} else if (!strcmp(name, "sm") || !strcmp(name, "em")
		   || !strcmp(name, "sub")) {
		/* Annotation markers: no content of their own. */
	} else {
		/* <mrk> and elements we do not know: their text counts. */
		rc = parse_inline(st, n->children);
	}
	return rc;
}

/* Adds one node (text or element) to the content. */
static int
parse_node(struct inline_state *st, xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		const char *t = (const char *) n->content;
		bt_content_add_text(st->out, t, strlen(t));
		return 0;
	}
	return n->type == XML_ELEMENT_NODE ? parse_element(st, n) : 0;
}

static int
parse_inline(struct inline_state *st, xmlNode *first)
{
	for (xmlNode *n = first; n; n = n->next)
		if (parse_node(st, n) < 0)
			return -1;
	return 0;
}

/* --- states --------------------------------------------------------- */

static enum bt_state
state2(const char *s)
{
	if (!s || !strcmp(s, "initial"))
		return BT_STATE_INITIAL;
	if (!strcmp(s, "translated"))
		return BT_STATE_TRANSLATED;
	if (!strcmp(s, "reviewed"))
		return BT_STATE_REVIEWED;
	if (!strcmp(s, "final"))
		return BT_STATE_FINAL;
	return BT_STATE_INITIAL;
}

static enum bt_state
state12(const xmlNode *target)
{
	char *s = prop(target, "state");
	enum bt_state st = BT_STATE_TRANSLATED;	/* a target, no state */
	if (s) {
		if (!strcmp(s, "final"))
			st = BT_STATE_FINAL;
		else if (!strcmp(s, "signed-off"))
			st = BT_STATE_REVIEWED;
		else if (!strcmp(s, "translated"))
			st = BT_STATE_TRANSLATED;
		else
			st = BT_STATE_INITIAL;	/* new, needs-* */
	}
	free(s);
	return st;
}

/* --- units ---------------------------------------------------------- */

/* Adds a segment to a unit being read.  The array doubles whenever n
 * reaches a power of two, so its capacity need not be kept. */
static void
add_segment(struct bt_unit *u, size_t start, size_t end)
{
	size_t n = u->n_segments;
	if ((n & (n - 1)) == 0)
		u->segments = bt_xreallocarray(u->segments, n ? 2 * n : 1,
					       sizeof(*u->segments));
	u->segments[u->n_segments++] =
		(struct bt_segment){ start, end, NULL, BT_STATE_NONE };
}

static struct bt_content *
new_content(void)
{
	struct bt_content *c = bt_xmalloc(sizeof(*c));
	bt_content_init(c);
	return c;
}

static void
drop_content(struct bt_content *c)
{
	if (c) {
		bt_content_release(c);
		free(c);
	}
}

/* Sets segment i's target, or drops it when it is empty. */
static void
set_target(struct bt_unit *u, size_t i, struct bt_content *t,
	   enum bt_state st)
{
	if (!t->len) {
		drop_content(t);
		return;
	}
	u->segments[i].target = t;
	u->segments[i].state = st;
}

static void
add_notes(struct bt_unit *u, xmlNode *parent, const char *category_attr)
{
	for (xmlNode *n = parent->children; n; n = n->next) {
		if (!named(n, "note"))
			continue;
		xmlChar *t = xmlNodeGetContent(n);
		char *cat = prop(n, category_attr);
		bt_unit_add_note(u, cat, (const char *) t);
		free(cat);
		xmlFree(t);
	}
}

/*
 * Checks the inline codes of the targets against the source: each code
 * exactly once over the unit (targets where there are, the source of the
 * segments that have none), and each pair in order within a target.
 */
static int
check_codes(struct inline_state *st, xmlNode *un, struct bt_error *err)
{
	struct reader *rd = st->rd;
	struct bt_unit *u = st->u;
	const struct bt_content *src = &u->source;
	if (!src->n_codes) {
		for (size_t i = 0; i < u->n_segments; i++)
			if (u->segments[i].target
			    && u->segments[i].target->n_codes)
				return invalid(rd, un, u->id,
					       _("the target has inline codes "
						 "the source does not have%s"),
					       "", err);
		return 0;
	}
	size_t *seen = bt_xcalloc(src->n_codes, sizeof(*seen));
	size_t pos = 0, code = 0;
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *s = &u->segments[i];
		code += bt_content_count_codes(src, pos, s->start);
		size_t in_seg = bt_content_count_codes(src, s->start, s->end);
		if (!s->target) {
			for (size_t k = code; k < code + in_seg; k++)
				seen[k]++;
		} else {
			const struct bt_content *t = s->target;
			struct code_map target_codes;
			code_map_init(&target_codes, t);
			int misplaced = 0;
			for (size_t k = 0; k < t->n_codes && !misplaced; k++) {
				const struct bt_code *c = &t->codes[k];
				size_t j = code_map_find(&st->source_codes,
							 c->kind, c->id);
				if (j != SIZE_MAX)
					seen[j]++;
				/* An opening code after its closing one. */
				misplaced = c->kind == BT_CODE_OPEN
					&& code_map_find(&target_codes,
						BT_CODE_CLOSE, c->id) < k;
			}
			code_map_release(&target_codes);
			if (misplaced) {
				free(seen);
				return invalid(rd, un, u->id,
					       _("a closing inline code comes "
						 "before its opening one%s"),
					       "", err);
			}
		}
		code += in_seg;
		pos = s->end;
	}
	/* Codes in ignorable text stay where they are. */
	pos = 0;
	code = 0;
	for (size_t i = 0; i <= u->n_segments; i++) {
		size_t start = i < u->n_segments ? u->segments[i].start
			: src->len;
		size_t n = bt_content_count_codes(src, pos, start);
		for (size_t k = code; k < code + n; k++)
			seen[k]++;
		code += n;
		if (i < u->n_segments) {
			code += bt_content_count_codes(src,
				u->segments[i].start, u->segments[i].end);
			pos = u->segments[i].end;
		}
	}
	int rc = 0;
	for (size_t k = 0; k < src->n_codes && rc == 0; k++) {
		char id[24];
		snprintf(id, sizeof(id), "%d", src->codes[k].id);
		if (seen[k] == 0)
			rc = invalid(rd, un, u->id, _("the target lacks the "
				     "inline code %s of the source"), id, err);
		else if (seen[k] > 1)
			rc = invalid(rd, un, u->id, _("the target has the "
				     "inline code %s more than once"), id, err);
	}
	free(seen);
	return rc;
}

/* A unit read is kept until its file is done: give back what its
 * contents hold beyond their size. */
static void
trim_unit(struct bt_unit *u)
{
	bt_content_trim(&u->source);
	for (size_t i = 0; i < u->n_segments; i++)
		if (u->segments[i].target)
			bt_content_trim(u->segments[i].target);
}

/* Starts reading unit un into st, whose rd, code_ids and err are set. */
static struct bt_unit *
start_unit(struct reader *rd, xmlNode *un, struct inline_state *st,
	   struct bt_error *err)
{
	char *id = prop(un, "id");
	if (!id || !*id) {
		free(id);
		invalid(rd, un, NULL, _("a unit without an id%s"), "", err);
		return NULL;
	}
	struct bt_unit *u = bt_unit_new();
	u->id = id;
	u->name = prop(un, rd->version == BT_XLIFF_12 ? "resname" : "name");
	u->translate = !prop_is(un, "translate", "no");
	st->u = u;
	st->out = &u->source;
	code_map_init(&st->source_codes, &u->source);
	code_map_init(&st->skel_codes, rd->file->has_skeleton
		      ? bt_skeleton_codes(&rd->file->skeleton, id) : NULL);
	return u;
}

static struct bt_unit *
parse_unit2(struct reader *rd, xmlNode *un, struct bt_error *err)
{
	struct bt_strmap code_ids;
	bt_strmap_init(&code_ids);
	struct inline_state st = { .rd = rd, .code_ids = &code_ids,
				   .err = err };
	struct bt_unit *u = start_unit(rd, un, &st, err);
	if (!u)
		goto fail;
	st.original_data = child(un, "originalData");
	for (xmlNode *c = un->children; c; c = c->next) {
		if (named(c, "notes")) {
			add_notes(u, c, "category");
			continue;
		}
		int seg = named(c, "segment");
		if (!seg && !named(c, "ignorable"))
			continue;
		xmlNode *src = child(c, "source"), *tgt = child(c, "target");
		if (!src) {
			invalid(rd, c, u->id, _("a segment without "
						"<source>%s"), "", err);
			goto fail;
		}
		size_t start = u->source.len;
		st.out = &u->source;
		st.target = 0;
		if (parse_inline(&st, src->children) < 0)
			goto fail;
		if (!seg)
			continue;
		add_segment(u, start, u->source.len);
		if (tgt) {
			struct bt_content *t = new_content();
			st.out = t;
			st.target = 1;
			if (parse_inline(&st, tgt->children) < 0) {
				drop_content(t);
				goto fail;
			}
			char *state = prop(c, "state");
			set_target(u, u->n_segments - 1, t, state2(state));
			free(state);
		}
	}
	if (!u->n_segments) {
		invalid(rd, un, u->id, _("a unit without segments%s"), "",
			err);
		goto fail;
	}
	if (check_codes(&st, un, err) < 0)
		goto fail;
	trim_unit(u);
	inline_state_release(&st);
	bt_strmap_release(&code_ids);
	return u;
fail:
	inline_state_release(&st);
	bt_strmap_release(&code_ids);
	bt_unit_free(u);
	return NULL;
}

/* The <mrk mtype="seg"> children of n, by mid, in order. */
static size_t
seg_mrks(xmlNode *n, xmlNode ***out)
{
	size_t k = 0, cap = 0;
	*out = NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		if (named(c, "mrk") && prop_is(c, "mtype", "seg")) {
			if (k == cap) {
				cap = cap ? 2 * cap : 8;
				*out = bt_xreallocarray(*out, cap,
							sizeof(xmlNode *));
			}
			(*out)[k++] = c;
		}
	return k;
}

static struct bt_unit *
parse_unit12(struct reader *rd, xmlNode *un, struct bt_error *err)
{
	struct bt_strmap code_ids, mids;
	xmlNode **mrks = NULL, **tmrks = NULL;
	bt_strmap_init(&code_ids);
	bt_strmap_init(&mids);
	struct inline_state st = { .rd = rd, .code_ids = &code_ids,
				   .err = err };
	struct bt_unit *u = start_unit(rd, un, &st, err);
	if (!u)
		goto fail;
	xmlNode *src = child(un, "source"), *seg = child(un, "seg-source");
	xmlNode *tgt = child(un, "target");
	if (!src) {
		invalid(rd, un, u->id, _("a unit without <source>%s"), "", err);
		goto fail;
	}
	add_notes(u, un, "from");
	size_t n_mrks = seg ? seg_mrks(seg, &mrks) : 0;
	if (n_mrks) {
		/* The segmented source: mrks are segments, the rest is
		 * ignorable. */
		for (xmlNode *c = seg->children; c; c = c->next) {
			size_t start = u->source.len;
			if (!named(c, "mrk") || !prop_is(c, "mtype", "seg")) {
				if (parse_node(&st, c) < 0)
					goto fail;
				continue;
			}
			if (parse_inline(&st, c->children) < 0)
				goto fail;
			add_segment(u, start, u->source.len);
		}
	} else {
		if (parse_inline(&st, src->children) < 0)
			goto fail;
		add_segment(u, 0, u->source.len);
	}
	if (tgt) {
		enum bt_state unit_st = state12(tgt);
		if (prop_is(un, "approved", "yes"))
			unit_st = BT_STATE_FINAL;
		size_t n_t = seg_mrks(tgt, &tmrks);
		st.target = 1;
		if (n_t && n_mrks) {
			/* The source segments by mid; the last of a mid
			 * counts, so they go in from the last one. */
			for (size_t j = n_mrks; j-- > 0;) {
				char *mid = prop(mrks[j], "mid");
				if (mid)
					bt_strmap_put(&mids, mid, j);
				free(mid);
			}
			for (size_t i = 0; i < n_t; i++) {
				char *mid = prop(tmrks[i], "mid");
				size_t which = mid ? bt_strmap_get(&mids, mid)
					: SIZE_MAX;
				free(mid);
				if (which == SIZE_MAX) {
					invalid(rd, tmrks[i], u->id,
						_("a target segment (mrk) that "
						  "is not in the source%s"),
						"", err);
					goto fail;
				}
				struct bt_content *t = new_content();
				st.out = t;
				if (parse_inline(&st, tmrks[i]->children) < 0) {
					drop_content(t);
					goto fail;
				}
				/* A state of its own, when the segments
				 * differ (see xliff-write.c). */
				char *c = prop(tmrks[i], "comment");
				size_t n = strlen(STATE_COMMENT);
				set_target(u, which, t, c && !strncmp(c,
					STATE_COMMENT, n) ? state2(c + n)
					: unit_st);
				free(c);
			}
		} else {
			/* One target for the whole unit (what OmegaT and
			 * Translate Toolkit may write): the segments become
			 * one. */
			struct bt_content *t = new_content();
			st.out = t;
			if (parse_inline(&st, tgt->children) < 0) {
				drop_content(t);
				goto fail;
			}
			if (t->len && u->n_segments > 1) {
				u->segments[0].end =
					u->segments[u->n_segments - 1].end;
				u->n_segments = 1;
			}
			set_target(u, 0, t, unit_st);
		}
	}
	if (check_codes(&st, un, err) < 0)
		goto fail;
	trim_unit(u);
	free(mrks);
	free(tmrks);
	inline_state_release(&st);
	bt_strmap_release(&code_ids);
	bt_strmap_release(&mids);
	return u;
fail:
	free(mrks);
	free(tmrks);
	inline_state_release(&st);
	bt_strmap_release(&code_ids);
	bt_strmap_release(&mids);
	bt_unit_free(u);
	return NULL;
}

/* --- files ---------------------------------------------------------- */

static void
free_file(struct reader *rd)
{
	struct bt_xliff_file *f = rd->file;
	if (!f)
		return;
	free(f->id);
	free(f->original);
	free(f->srclang);
	free(f->trglang);
	if (f->has_skeleton)
		bt_skeleton_release(&f->skeleton);
	bt_document_free(f->doc);
	free(f);
	rd->file = NULL;
	rd->file_begun = false;
	bt_strmap_release(&rd->unit_ids);
}

/* A <file> element n begins, on the parser's line `line`. */
static void
start_file(struct reader *rd, const xmlNode *n, long line)
{
	free_file(rd);
	struct bt_xliff_file *f = bt_xcalloc(1, sizeof(*f));
	rd->file = f;
	f->version = rd->version;
	f->line = line;
	f->id = prop(n, "id");
	f->original = prop(n, "original");
	if (rd->version == BT_XLIFF_12) {
		f->srclang = prop(n, "source-language");
		f->trglang = prop(n, "target-language");
	} else {
		f->srclang = bt_xstrdup(rd->srclang);
		f->trglang = bt_xstrdup(rd->trglang);
	}
	if (!f->id) {
		char num[24];
		snprintf(num, sizeof(num), "f%zu", rd->n_files + 1);
		f->id = bt_xstrdup(num);
	}
}

/* Reads an external skeleton named by href, relative to the XLIFF. */
static char *
read_external(struct reader *rd, const char *href, size_t *len,
	      struct bt_error *err)
{
	char *dir_copy = bt_xstrdup(rd->path);
	char *path = href[0] == '/' ? bt_xstrdup(href)
		: bt_xasprintf("%s/%s", dirname(dir_copy), href);
	free(dir_copy);
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		bt_error_set(err, BT_EIO, path, _("cannot open the "
			     "skeleton: %s"), strerror(errno));
		free(path);
		return NULL;
	}
	struct bt_buf b = BT_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		bt_buf_add(&b, chunk, n);
	fclose(fp);
	free(path);
	return bt_buf_detach(&b, len);
}

/*
 * Decodes more of an embedded skeleton's base64 text, as the parser hands
 * it over in pieces: in document order, as xmlNodeGetContent() would put
 * the text together, but without the megabytes of text ever becoming a
 * node.  After bad base64 the rest is ignored (the skeleton is refused
 * at its end).
 */
static void
skeleton_text(struct reader *rd, const char *text, size_t len)
{
	if (rd->skel_href || rd->skel_bad || !len)
		return;
	size_t room = BASE64_DECODE_LENGTH(len);
	struct bt_buf *b = &rd->skel_data;
	bt_buf_grow(b, room);
	if (!base64_decode_update(&rd->b64, &room,
				  (uint8_t *) b->data + b->len, len, text)) {
		rd->skel_bad = true;
		return;
	}
	b->len += room;
	b->data[b->len] = '\0';
}

/* A skeleton element n begins: external (href) or embedded. */
static void
skeleton_begin(struct reader *rd, const xmlNode *n)
{
	free(rd->skel_href);
	rd->skel_href = prop(n, "href");
	base64_decode_init(&rd->b64);
	bt_buf_reset(&rd->skel_data);
	rd->skel_bad = false;
}

/* The skeleton element n has ended: read its skeleton. */
static int
skeleton_end(struct reader *rd, const xmlNode *n, struct bt_error *err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (rd->skel_href) {
		data = read_external(rd, rd->skel_href, &len, err);
		if (!data)
			return -1;
	} else if (rd->skel_bad || !base64_decode_final(&rd->b64)) {
		bt_error_set(err, BT_ESYNTAX, rd->path,
			     _("the skeleton is damaged: not base64"));
		bt_error_at_line(err, xmlGetLineNo(n));
		return -1;
	}
	rc = bt_skeleton_parse(data ? data : bt_buf_cstr(&rd->skel_data),
			       data ? len : rd->skel_data.len,
			       &rd->file->skeleton, rd->path, err);
	if (rc < 0)
		bt_error_at_line(err, xmlGetLineNo(n));
	else
		rd->file->has_skeleton = true;
	free(data);
	bt_buf_release(&rd->skel_data);
	return rc;
}

/*
 * The file's document, once its skeleton (which comes first) is read:
 * the skeleton's layout with placeholder units, or an empty document for
 * bilingual XLIFF; then the handler's begin_file.
 */
static int
begin_file(struct reader *rd, struct bt_error *err)
{
	struct bt_xliff_file *f = rd->file;
	rd->file_begun = true;
	if (f->has_skeleton) {
		struct bt_skeleton *sk = &f->skeleton;
		f->doc = sk->doc;
		sk->doc = NULL;
		free(f->doc->path);
		f->doc->path = bt_xstrdup(sk->info.original ? sk->info.original
					  : f->original);
		f->doc->filter = bt_xstrdup(sk->info.filter);
		free(f->doc->encoding);
		f->doc->encoding = bt_xstrdup(sk->info.encoding);
		f->doc->bom = sk->info.bom;
	} else {
		f->doc = bt_document_new(f->original ? f->original : f->id);
	}
	f->doc->lang = bt_xstrdup(f->srclang);
	f->doc->target_lang = bt_xstrdup(f->trglang);
	return rd->h->begin_file ? rd->h->begin_file(rd->h->ctx, f, err) : 0;
}

static int
add_unit(struct reader *rd, struct bt_unit *u, xmlNode *un,
	 struct bt_error *err)
{
	if (bt_strmap_put(&rd->unit_ids, u->id, 0)) {
		invalid(rd, un, u->id, _("the unit id %s is used twice"),
			u->id, err);
		bt_unit_free(u);
		return -1;
	}
	if (!rd->file_begun && begin_file(rd, err) < 0) {
		bt_unit_free(u);
		return -1;
	}
	return rd->h->unit(rd->h->ctx, rd->file, u, err);
}

static int
finish_file(struct reader *rd, struct bt_error *err)
{
	if (!rd->file_begun && begin_file(rd, err) < 0)
		return -1;
	rd->n_files++;
	int rc = rd->h->end_file ? rd->h->end_file(rd->h->ctx, rd->file, err)
		: 0;
	free_file(rd);
	return rc;
}

/* The root element n, on the parser's line `line`: XLIFF, and which. */
static int
check_root(struct reader *rd, const xmlNode *n, long line,
	   struct bt_error *err)
{
	const char *name = (const char *) n->name;
	const char *ns = n->ns ? (const char *) n->ns->href : NULL;
	const char *version = attr(rd, n, "version");
	int rc = 0;
	if (strcmp(name, "xliff")) {
		rc = bt_error_set(err, BT_ESYNTAX, rd->path,
				  _("not an XLIFF file (the root element is "
				    "<%s>)"), name);
	} else if (ns && !strcmp(ns, NS_XLIFF12)) {
		rd->version = BT_XLIFF_12;
	} else if (ns && (!strcmp(ns, NS_XLIFF2) || !strcmp(ns, NS_XLIFF22))
		   && version && (!strcmp(version, "2.0")
				  || !strcmp(version, "2.1")
				  || !strcmp(version, "2.2"))) {
		rd->version = !strcmp(version, "2.0") ? BT_XLIFF_20
			: BT_XLIFF_21;
		rd->srclang = prop(n, "srcLang");
		rd->trglang = prop(n, "trgLang");
	} else {
		rc = bt_error_set(err, BT_ESYNTAX, rd->path,
				  _("unsupported XLIFF version '%s' (bitext "
				    "reads 1.2, 2.0, 2.1 and 2.2)"),
				  version ? version : "?");
	}
	drop_kept(rd);
	if (rc < 0)
		bt_error_at_line(err, line);
	return rc;
}

/* --- the stream ----------------------------------------------------- */

/*
 * The XLIFF goes through libxml2's push parser in large pieces, with the
 * SAX2 handlers that build a tree called only for what is looked at: the
 * root and each <file> (for their attributes), each unit (the tree that
 * xmlTextReaderExpand() gave before), and the elements on the way, each
 * freed at its end; text outside units never becomes a node, and an
 * embedded skeleton is decoded as it is parsed.  xmlTextReader did the
 * same work 512 bytes and one node at a time, at about twice the cost,
 * and held the whole skeleton text and its copy in memory.
 *
 * As with the reader, the parse stops at the first error libxml2 reports
 * (xmlParseChunk() returns it), and a document that declares entities is
 * refused before anything could expand them.
 */

/*
 * After an error of ours (in err) nothing more is looked at, but the
 * parser goes on to the end of the piece it was given: if the XML is
 * broken there, that is what is reported, as the reader did (it handed
 * nothing on from a piece that failed to parse).
 */
static void
stop(struct reader *rd)
{
	rd->failed = true;
}

/* The element n (just built) starts; depth is rd->depth. */
static void
element_start(struct reader *rd, xmlNode *n)
{
	const char *name = (const char *) n->name;
	long line = xmlSAX2GetLineNumber(rd->ctxt);
	if (!rd->seen_root) {
		rd->seen_root = true;
		if (check_root(rd, n, line, rd->err) < 0)
			stop(rd);
		return;
	}
	int v12 = rd->version == BT_XLIFF_12;
	if (!strcmp(name, "file")) {
		start_file(rd, n, line);
		return;
	}
	if (!rd->file)
		return;
	if (v12 ? !strcmp(name, "internal-file")
		  || !strcmp(name, "external-file")
		: !strcmp(name, "skeleton") && rd->depth == 3) {
		rd->keep = rd->depth;
		rd->kept_kind = KEEP_SKELETON;
		skeleton_begin(rd, n);
	} else if (!strcmp(name, v12 ? "trans-unit" : "unit")) {
		rd->keep = rd->depth;
		rd->kept_kind = KEEP_UNIT;
	} else if (!strcmp(name, v12 ? "bin-unit" : "matches")) {
		rd->keep = rd->depth;	/* skipped whole, units and all */
		rd->kept_kind = KEEP_OTHER;
	}
}

/* The subtree n that was kept is complete. */
static int
kept_end(struct reader *rd, xmlNode *n, struct bt_error *err)
{
	if (rd->kept_kind == KEEP_SKELETON)
		return skeleton_end(rd, n, err);
	if (rd->kept_kind != KEEP_UNIT)
		return 0;
	struct bt_unit *u = (rd->version == BT_XLIFF_12 ? parse_unit12
			     : parse_unit2)(rd, n, err);
	if (!u || add_unit(rd, u, n, err) < 0)
		return -1;
	return 0;
}

/* Whether the parse is inside a unit, whose nodes make its tree. */
static bool
in_unit(const struct reader *rd)
{
	return rd->keep && rd->kept_kind == KEEP_UNIT && !rd->failed;
}

/* Whether the element at rd->depth is built as a node: all but those
 * inside a skeleton (whose text is all that counts) or skipped. */
static bool
building(const struct reader *rd)
{
	return !rd->keep || rd->kept_kind == KEEP_UNIT
		|| rd->depth == rd->keep;
}

/* Frees a string of the tree unless the parser's dictionary holds it. */
static void
free_string(xmlDictPtr dict, const xmlChar *s)
{
	if (s && !(dict && xmlDictOwns(dict, s)))
		xmlFree((xmlChar *) s);
}

/*
 * Forgets attribute a of element n as an ID, where a DTD could have made
 * it one, as xmlTextReader did: the ID stays known, but not its node.
 */
static void
forget_id(xmlDocPtr doc, xmlNode *n, xmlAttr *a)
{
	if (!doc || !doc->ids || (!doc->intSubset && !doc->extSubset)
	    || !xmlIsID(doc, n, a))
		return;
	xmlChar *value = xmlNodeListGetString(doc, a->children, 1);
	xmlIDPtr id = value ? xmlHashLookup(doc->ids, value) : NULL;
	xmlFree(value);
	if (id && id->attr == a) {
		id->name = a->name;
		id->attr = NULL;
	}
}

/* Free lists: the SAX2 handlers take their next nodes from here.  A
 * unit's worth of nodes (xmlTextReader kept 100, which many units of
 * JSON or HTML outgrow). */
enum { FREE_LIST_MAX = 1024 };

static void free_nodes(xmlParserCtxtPtr ctxt, xmlNode *n);

static void
free_attrs(xmlParserCtxtPtr ctxt, xmlNode *n)
{
	xmlAttr *next;
	for (xmlAttr *a = n->properties; a; a = next) {
		next = a->next;
		forget_id(n->doc, n, a);
		free_nodes(ctxt, a->children);
		free_string(ctxt->dict, a->name);
		if (ctxt->freeAttrsNr < FREE_LIST_MAX) {
			a->next = ctxt->freeAttrs;
			ctxt->freeAttrs = a;
			ctxt->freeAttrsNr++;
		} else {
			xmlFree(a);
		}
	}
	n->properties = NULL;
}

/* Frees n and its following siblings, with their subtrees. */
static void
free_nodes(xmlParserCtxtPtr ctxt, xmlNode *n)
{
	xmlNode *next;
	for (; n; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE && n->type != XML_TEXT_NODE) {
			/* Not unlinked first: the siblings before it are on
			 * the free list already.  xmlFreeNode() leaves them. */
			xmlFreeNode(n);
			continue;
		}
		if (n->type == XML_ELEMENT_NODE) {
			free_nodes(ctxt, n->children);
			free_attrs(ctxt, n);
			if (n->nsDef)
				xmlFreeNsList(n->nsDef);
			free_string(ctxt->dict, n->name);
		} else if (n->content != (xmlChar *) &n->properties) {
			/* (not a compact text node, whose text is inline) */
			free_string(ctxt->dict, n->content);
		}
		if (ctxt->freeElemsNr < FREE_LIST_MAX) {
			n->next = ctxt->freeElems;
			ctxt->freeElems = n;
			ctxt->freeElemsNr++;
		} else {
			xmlFree(n);
		}
	}
}

/*
 * Frees the tree n (unlinked) as xmlTextReader did: element and text
 * nodes and attributes go back to the parser's free lists rather than
 * to malloc; building and freeing one unit's nodes
 * after the other was a tenth of merge.
 */
static void
free_tree(xmlParserCtxtPtr ctxt, xmlNode *n)
{
	n->next = NULL;
	free_nodes(ctxt, n);
}

static void
sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
	  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
	  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (rd->failed)
		return;
	rd->depth++;
	if (!building(rd))
		return;
	xmlNode *parent = ctxt->node;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
			      namespaces, nb_attributes, nb_defaulted,
			      attributes);
	if (ctxt->node == parent)
		return;		/* out of memory: libxml2 has said so */
	if (!rd->keep)
		element_start(rd, ctxt->node);
}

static void
sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
	const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (rd->failed)
		return;
	xmlNode *n = ctxt->node;
	bool built = building(rd);
	if (built)
		xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	if (rd->keep == rd->depth) {
		rd->keep = 0;
		if (kept_end(rd, n, rd->err) < 0)
			stop(rd);
	} else if (!rd->keep && rd->file
		   && !strcmp((const char *) localname, "file")) {
		if (finish_file(rd, rd->err) < 0)
			stop(rd);
	}
	/* Done with: a kept subtree, or an element on the way to one
	 * (whose children are gone already). */
	if (built && !rd->keep && n) {
		xmlUnlinkNode(n);
		free_tree(ctxt, n);
	}
	rd->depth--;
}

static void
sax_text(void *ctx, const xmlChar *text, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (in_unit(rd))
		xmlSAX2Characters(ctx, text, len);
	else if (rd->keep && rd->kept_kind == KEEP_SKELETON && !rd->failed)
		skeleton_text(rd, (const char *) text, (size_t) len);
	/* else between units: nothing we read */
}

static void
sax_cdata(void *ctx, const xmlChar *text, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (in_unit(rd))
		xmlSAX2CDataBlock(ctx, text, len);
	else if (rd->keep && rd->kept_kind == KEEP_SKELETON && !rd->failed)
		skeleton_text(rd, (const char *) text, (size_t) len);
}

/* Comments, processing instructions and entity references become nodes
 * only inside what is kept, as text does. */
static void
sax_comment(void *ctx, const xmlChar *value)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (in_unit(rd))
		xmlSAX2Comment(ctx, value);
}

static void
sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (in_unit(rd))
		xmlSAX2ProcessingInstruction(ctx, target, data);
}

static void
sax_reference(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (in_unit(rd))
		xmlSAX2Reference(ctx, name);
}

/* A declared general entity: refused on the spot, before anything can
 * expand it (parameter entities are the DTD's own business). */
static void
refuse_entities(struct reader *rd)
{
	bt_error_set(rd->err, BT_EINVALID, rd->path,
		     _("the file declares XML entities, which bitext does "
		       "not expand"));
	bt_error_at_line(rd->err, xmlSAX2GetLineNumber(rd->ctxt));
	stop(rd);
	xmlStopParser(rd->ctxt);	/* at once, not a byte further */
}

static void
sax_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
	   const xmlChar *system_id, xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	if (type == XML_INTERNAL_PARAMETER_ENTITY
	    || type == XML_EXTERNAL_PARAMETER_ENTITY)
		xmlSAX2EntityDecl(ctx, name, type, public_id, system_id,
				  content);
	else if (!rd->failed)
		refuse_entities(rd);
}

static void
sax_unparsed_entity(void *ctx, const xmlChar *name, const xmlChar *public_id,
		    const xmlChar *system_id, const xmlChar *notation)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	(void) name, (void) public_id, (void) system_id, (void) notation;
	if (!rd->failed)
		refuse_entities(rd);
}

/* Feeds data[0..len) to the parser (terminate: the end of the file).
 * Returns 0, or -1 with err. */
static int
feed(struct reader *rd, const char *data, size_t len, int terminate)
{
	int rc = xmlParseChunk(rd->ctxt, data, (int) len, terminate);
	/* Broken XML comes first (see stop()). */
	if (rc != 0 && rc != XML_ERR_USER_STOP)
		return bt_xml_reader_error(NULL, rd->path, rd->err);
	return rd->failed ? -1 : 0;
}

/* Parses the file at path ("-": standard input) through rd. */
static int
parse_stream(struct reader *rd, const char *path, struct bt_error *err)
{
	enum { CHUNK = 1 << 16 };
	bool is_stdin = !strcmp(path, "-");
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp)
		return bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				    strerror(errno));
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	xmlSAXVersion(&sax, 2);
	sax.startElementNs = sax_start;
	sax.endElementNs = sax_end;
	sax.characters = sax_text;
	sax.ignorableWhitespace = sax_text;
	sax.cdataBlock = sax_cdata;
	sax.comment = sax_comment;
	sax.processingInstruction = sax_pi;
	sax.reference = sax_reference;
	sax.entityDecl = sax_entity;
	sax.unparsedEntityDecl = sax_unparsed_entity;

	char *buf = bt_xmalloc(CHUNK);
	/* The first bytes tell the parser the encoding. */
	size_t n = fread(buf, 1, 4, fp);
	int rc = -1;
	rd->ctxt = xmlCreatePushParserCtxt(&sax, NULL, buf, (int) n, path);
	if (!rd->ctxt) {
		bt_error_set(err, BT_EIO, path, _("cannot read"));
		goto out;
	}
	/* Compact: short texts (an id, a dataRef) are kept inside their
	 * node, not in a malloc'd string of their own; nothing here changes
	 * a tree once built, which is all the option asks. */
	xmlCtxtUseOptions(rd->ctxt, BT_XML_READER_OPTIONS | XML_PARSE_COMPACT);
	rd->ctxt->_private = rd;
	rd->ctxt->linenumbers = 1;	/* for xmlGetLineNo(), as the reader */
	rd->err = err;
	while ((n = fread(buf, 1, CHUNK, fp)) > 0) {
		if (feed(rd, buf, n, 0) == 0)
			continue;
		/* If the file ended in this piece, the parser gets to say
		 * what is wrong at its end too, as the reader's did. */
		if (rd->failed && n < CHUNK && !ferror(fp))
			feed(rd, NULL, 0, 1);
		goto out;
	}
	if (ferror(fp)) {
		bt_error_set(err, BT_EIO, path, _("cannot read: %s"),
			     strerror(errno));
		goto out;
	}
	rc = feed(rd, NULL, 0, 1);
out:
	free(buf);
	if (!is_stdin)
		fclose(fp);
	return rc;
}

int
bt_xliff_read_stream(const char *path, const struct bt_xliff_handler *h,
		     struct bt_error *err)
{
	struct reader rd = { .path = path, .h = h };
	bt_strmap_init(&rd.unit_ids);
	bt_xml_safe_init();
	int rc = parse_stream(&rd, path, err);
	if (rc == 0 && !rd.seen_root)
		rc = bt_error_set(err, BT_ESYNTAX, path, _("empty file"));
	free_file(&rd);
	free(rd.srclang);
	free(rd.trglang);
	free(rd.skel_href);
	bt_buf_release(&rd.skel_data);
	drop_kept(&rd);
	free(rd.kept);
	if (rd.ctxt) {
		xmlFreeDoc(rd.ctxt->myDoc);
		xmlFreeParserCtxt(rd.ctxt);
	}
	return rc;
}

/* --- whole documents ------------------------------------------------ */

struct collect {
	int (*on_file)(void *, struct bt_xliff_file *, struct bt_error *);
	void *ctx;
	const char *path;
	struct bt_unit **units;		/* in XLIFF order */
	size_t n_units, cap_units;
};

static int
collect_unit(void *vc, struct bt_xliff_file *f, struct bt_unit *u,
	     struct bt_error *err)
{
	struct collect *c = vc;
	(void) f, (void) err;
	if (c->n_units == c->cap_units) {
		c->cap_units = c->cap_units ? c->cap_units * 2 : 64;
		c->units = bt_xreallocarray(c->units, c->cap_units,
					    sizeof(*c->units));
	}
	c->units[c->n_units++] = u;
	return 0;
}

/* Puts the units in the skeleton's places (or in XLIFF order when there
 * is no skeleton) and hands the document on. */
static int
collect_end(void *vc, struct bt_xliff_file *f, struct bt_error *err)
{
	struct collect *c = vc;
	struct bt_document *doc = f->doc;
	int rc = 0;
	if (!f->has_skeleton) {
		struct bt_sink sink = bt_document_sink(doc);
		for (size_t i = 0; i < c->n_units; i++)
			sink.unit(sink.ctx, c->units[i], NULL);
		c->n_units = 0;
	} else {
		struct bt_strmap ids;
		bt_strmap_init(&ids);
		for (size_t j = 0; j < c->n_units; j++)
			bt_strmap_put(&ids, c->units[j]->id, j);
		for (size_t i = 0; i < doc->n_units && rc == 0; i++) {
			const char *id = doc->units[i]->id;
			size_t j = bt_strmap_get(&ids, id);
			if (j == SIZE_MAX || !c->units[j]) {
				rc = bt_error_set(err, BT_EMISMATCH, c->path,
						  _("unit %s of the skeleton is "
						    "missing from the XLIFF"),
						  id);
				bt_error_at_line(err, f->line);
				break;
			}
			bt_unit_free(doc->units[i]);
			doc->units[i] = c->units[j];
			c->units[j] = NULL;
		}
		for (size_t j = 0; j < c->n_units && rc == 0; j++)
			if (c->units[j]) {
				rc = bt_error_set(err, BT_EMISMATCH, c->path,
						  _("unit %s is not in the "
						    "skeleton"), c->units[j]->id);
				bt_error_at_line(err, f->line);
			}
		bt_strmap_release(&ids);
	}
	for (size_t j = 0; j < c->n_units; j++)
		bt_unit_free(c->units[j]);
	c->n_units = 0;
	return rc < 0 ? -1 : c->on_file(c->ctx, f, err);
}

int
bt_xliff_read(const char *path,
	      int (*on_file)(void *ctx, struct bt_xliff_file *f,
			     struct bt_error *err),
	      void *ctx, struct bt_error *err)
{
	struct collect c = { on_file, ctx, path, NULL, 0, 0 };
	struct bt_xliff_handler h = { NULL, collect_unit, collect_end, &c };
	int rc = bt_xliff_read_stream(path, &h, err);
	for (size_t j = 0; j < c.n_units; j++)
		bt_unit_free(c.units[j]);
	free(c.units);
	return rc;
}
