/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading XLIFF 2.x and 1.2 back into documents; see xliff.h.
 *
 * The reader streams with xmlTextReader and expands one <unit> (or
 * <trans-unit>) at a time into a small tree, which is the way libxml2
 * recommends for record-like XML.  What CAT tools add around our units
 * (notes, <alt-trans>, <mtc:matches>, other namespaces, re-indentation,
 * reordered attributes) is skipped; what they change inside a target is
 * checked: every inline code of the source exactly once, each pair in
 * order.
 */
#include "system.h"

#include <nettle/base64.h>
#include <libgen.h>

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
	xmlTextReaderPtr r;
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
	bt_content_add_code(st->out, kind, id, type, data, data_len);
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

static int
start_file(struct reader *rd, struct bt_error *err)
{
	xmlTextReaderPtr r = rd->r;
	free_file(rd);
	struct bt_xliff_file *f = bt_xcalloc(1, sizeof(*f));
	rd->file = f;
	f->version = rd->version;
	f->line = xmlTextReaderGetParserLineNumber(r);
	xmlChar *v;
#define ATTR(field, name) do { v = xmlTextReaderGetAttribute(r, \
		BAD_CAST (name)); f->field = v ? bt_xstrdup((char *) v) : NULL; \
		xmlFree(v); } while (0)
	ATTR(id, "id");
	ATTR(original, "original");
	if (rd->version == BT_XLIFF_12) {
		ATTR(srclang, "source-language");
		ATTR(trglang, "target-language");
	} else {
		f->srclang = bt_xstrdup(rd->srclang);
		f->trglang = bt_xstrdup(rd->trglang);
	}
#undef ATTR
	if (!f->id) {
		char num[24];
		snprintf(num, sizeof(num), "f%zu", rd->n_files + 1);
		f->id = bt_xstrdup(num);
	}
	(void) err;
	return 0;
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

/* The length of the text of n's descendants. */
static size_t
text_length(const xmlNode *n)
{
	size_t len = 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			len += text_length(c);
		else if ((c->type == XML_TEXT_NODE
			  || c->type == XML_CDATA_SECTION_NODE) && c->content)
			len += strlen((const char *) c->content);
	return len;
}

/* Room for decoding base64 text: exact, since a skeleton is megabytes
 * and doubling would waste as much again. */
struct decoded {
	uint8_t *data;		/* owned */
	size_t len, cap;
};

/*
 * Decodes the base64 text of n's descendants into out, in the order
 * xmlNodeGetContent() would put it together, but straight from the
 * tree's text nodes: copying it out first cost as much again.  Returns
 * 0 on bad base64.
 */
static int
decode_base64(const xmlNode *n, struct base64_decode_ctx *ctx,
	      struct decoded *out)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (!decode_base64(c, ctx, out))
				return 0;
			continue;
		}
		if ((c->type != XML_TEXT_NODE
		     && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		size_t len = strlen((const char *) c->content);
		size_t room = BASE64_DECODE_LENGTH(len);
		if (room > out->cap - out->len) {
			out->cap = out->len + room;
			out->data = bt_xrealloc(out->data, out->cap);
		}
		if (!base64_decode_update(ctx, &room, out->data + out->len,
					  len, (const char *) c->content))
			return 0;
		out->len += room;
	}
	return 1;
}

static int
read_skeleton(struct reader *rd, xmlNode *n, struct bt_error *err)
{
	char *href = prop(n, "href");
	char *data;
	size_t len;
	int rc;
	if (href) {
		data = read_external(rd, href, &len, err);
		free(href);
		if (!data)
			return -1;
	} else {
		struct base64_decode_ctx ctx;
		/* Room for all of it at once: each text node's own bound
		 * adds at most one byte to what the whole decodes to. */
		struct decoded d = { NULL, 0,
				     BASE64_DECODE_LENGTH(text_length(n)) + 1 };
		d.data = bt_xmalloc(d.cap);
		base64_decode_init(&ctx);
		int ok = decode_base64(n, &ctx, &d) && base64_decode_final(&ctx);
		data = (char *) d.data;
		len = d.len;
		if (!ok) {
			free(data);
			bt_error_set(err, BT_ESYNTAX, rd->path,
				     _("the skeleton is damaged: not "
				       "base64"));
			bt_error_at_line(err, xmlGetLineNo(n));
			return -1;
		}
	}
	rc = bt_skeleton_parse(data, len, &rd->file->skeleton, rd->path, err);
	if (rc < 0)
		bt_error_at_line(err, xmlGetLineNo(n));
	else
		rd->file->has_skeleton = true;
	free(data);
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

static int
check_root(struct reader *rd, struct bt_error *err)
{
	xmlTextReaderPtr r = rd->r;
	const char *name = (const char *) xmlTextReaderConstLocalName(r);
	const char *ns = (const char *) xmlTextReaderConstNamespaceUri(r);
	xmlChar *version = xmlTextReaderGetAttribute(r, BAD_CAST "version");
	int rc = 0;
	if (strcmp(name, "xliff")) {
		rc = bt_error_set(err, BT_ESYNTAX, rd->path,
				  _("not an XLIFF file (the root element is "
				    "<%s>)"), name);
	} else if (ns && !strcmp(ns, NS_XLIFF12)) {
		rd->version = BT_XLIFF_12;
	} else if (ns && (!strcmp(ns, NS_XLIFF2) || !strcmp(ns, NS_XLIFF22))
		   && version && (!strcmp((char *) version, "2.0")
				  || !strcmp((char *) version, "2.1")
				  || !strcmp((char *) version, "2.2"))) {
		rd->version = !strcmp((char *) version, "2.0") ? BT_XLIFF_20
			: BT_XLIFF_21;
		xmlChar *s = xmlTextReaderGetAttribute(r, BAD_CAST "srcLang");
		xmlChar *t = xmlTextReaderGetAttribute(r, BAD_CAST "trgLang");
		rd->srclang = s ? bt_xstrdup((char *) s) : NULL;
		rd->trglang = t ? bt_xstrdup((char *) t) : NULL;
		xmlFree(s);
		xmlFree(t);
	} else {
		rc = bt_error_set(err, BT_ESYNTAX, rd->path,
				  _("unsupported XLIFF version '%s' (bitext "
				    "reads 1.2, 2.0, 2.1 and 2.2)"),
				  version ? (char *) version : "?");
	}
	xmlFree(version);
	if (rc < 0)
		bt_error_at_line(err, xmlTextReaderGetParserLineNumber(r));
	return rc;
}

int
bt_xliff_read_stream(const char *path, const struct bt_xliff_handler *h,
		     struct bt_error *err)
{
	struct reader rd = { .path = path, .h = h };
	bt_strmap_init(&rd.unit_ids);
	rd.r = bt_xml_reader_open(path, err);
	if (!rd.r)
		return -1;
	int rc, seen_root = 0, skip = 0;
	while ((rc = skip ? xmlTextReaderNext(rd.r)
		    : bt_xml_reader_next(rd.r, path, err)) == 1) {
		skip = 0;
		int type = xmlTextReaderNodeType(rd.r);
		const char *name = (const char *) xmlTextReaderConstLocalName(rd.r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (rd.file && !strcmp(name, "file")
			    && finish_file(&rd, err) < 0)
				goto fail;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (!seen_root) {
			seen_root = 1;
			if (check_root(&rd, err) < 0)
				goto fail;
			continue;
		}
		int v12 = rd.version == BT_XLIFF_12;
		if (!strcmp(name, "file")) {
			if (start_file(&rd, err) < 0)
				goto fail;
			if (xmlTextReaderIsEmptyElement(rd.r)
			    && finish_file(&rd, err) < 0)
				goto fail;
			continue;
		}
		if (!rd.file)
			continue;
		int is_skel = v12 ? !strcmp(name, "internal-file")
				   || !strcmp(name, "external-file")
				 : !strcmp(name, "skeleton")
				   && xmlTextReaderDepth(rd.r) == 2;
		int is_unit = !strcmp(name, v12 ? "trans-unit" : "unit");
		if (!is_skel && !is_unit
		    && strcmp(name, v12 ? "bin-unit" : "matches"))
			continue;
		xmlNode *n = xmlTextReaderExpand(rd.r);
		if (!n) {
			bt_xml_reader_error(rd.r, path, err);
			goto fail;
		}
		skip = 1;
		if (is_skel) {
			if (read_skeleton(&rd, n, err) < 0)
				goto fail;
		} else if (is_unit) {
			struct bt_unit *u = (v12 ? parse_unit12
					     : parse_unit2)(&rd, n, err);
			if (!u || add_unit(&rd, u, n, err) < 0)
				goto fail;
		}
	}
	if (rc < 0) {
		if (skip)
			bt_xml_reader_error(rd.r, path, err);
		goto fail;
	}
	if (!seen_root) {
		bt_error_set(err, BT_ESYNTAX, path, _("empty file"));
		goto fail;
	}
	free_file(&rd);
	free(rd.srclang);
	free(rd.trglang);
	drop_kept(&rd);
	free(rd.kept);
	xmlFreeTextReader(rd.r);
	return 0;
fail:
	free_file(&rd);
	free(rd.srclang);
	free(rd.trglang);
	drop_kept(&rd);
	free(rd.kept);
	xmlFreeTextReader(rd.r);
	return -1;
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
