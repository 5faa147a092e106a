/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XLIFF 2.x processing requirements inside a <unit> (and inside an
 * <mtc:match>, whose source and target follow the same rules):
 *
 *   - ids: segments, ignorables and source inline elements share one id
 *     space per unit; a target inline element reuses the id of its source
 *     counterpart (same element) or has an id of its own;
 *   - <data> ids, and dataRef / dataRefStart / dataRefEnd pointing to them;
 *   - copyOf: the base code exists, may be copied, has no original data;
 *   - <sc>/<ec> and <sm>/<em> pairing, in the order of the content
 *     (sources in document order, targets in their `order`), isolated
 *     codes, and matching editing hints on both ends;
 *   - editing hints: canReorder no/firstNo with canCopy and canDelete no,
 *     non-reorderable sequences (kept together and in order in the
 *     target), canDelete no (kept in the target);
 *   - type / subType, <cp>, comment annotations, references to notes,
 *     subFlows, target order, xml:space and languages of source and
 *     target.
 *
 * The content of all the segments and ignorables of a unit is one flow:
 * a code may open in one segment and close in a later one.
 */
#include "system.h"

#include "core/xalloc.h"
#include "format/validate-internal.h"

enum kind { K_PH, K_PC, K_PC_END, K_SC, K_EC, K_MRK, K_MRK_END, K_SM,
	    K_EM, K_CP };

/* One inline element (or the end of a <pc> or <mrk>) in content order. */
struct code {
	const xmlNode *node;
	enum kind kind;
	const xmlNode *part;	/* its segment, ignorable or match */
};

struct flow {
	struct code *v;		/* owned */
	size_t n, cap;
	bool target;
};

struct content {
	struct bt_vcheck *c;
	const xmlNode *container;	/* <unit> or <mtc:match> */
	bool is_match;
	const xmlNode *original_data;
	const xmlNode **parts;		/* owned array; borrowed nodes */
	size_t n_parts;
	struct flow src, trg;
	xmlHashTablePtr data;		/* data id -> <data> */
	xmlHashTablePtr ids;		/* unit-wide ids -> element */
	xmlHashTablePtr codes;		/* code id -> first code */
	xmlHashTablePtr in_target;	/* signature -> first target code */
};

static const char *
name_of(const xmlNode *n)
{
	return (const char *) n->name;
}

static bool
core(const struct bt_vcheck *c, const xmlNode *n, const char *name)
{
	return bt_vx_is(n, c->core_ns, name);
}

static void
push(struct flow *f, const xmlNode *node, enum kind kind,
     const xmlNode *part)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->v = bt_xreallocarray(f->v, f->cap, sizeof(*f->v));
	}
	f->v[f->n++] = (struct code) { node, kind, part };
}

/* Appends the inline elements of content (a <source> or <target>). */
static void
collect(const struct bt_vcheck *c, struct flow *f, const xmlNode *content,
	const xmlNode *part)
{
	for (const xmlNode *n = content->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !bt_vx_ns(n)
		    || strcmp(bt_vx_ns(n), c->core_ns))
			continue;
		const char *name = name_of(n);
		if (!strcmp(name, "ph"))
			push(f, n, K_PH, part);
		else if (!strcmp(name, "pc")) {
			push(f, n, K_PC, part);
			collect(c, f, n, part);
			push(f, n, K_PC_END, part);
		} else if (!strcmp(name, "sc"))
			push(f, n, K_SC, part);
		else if (!strcmp(name, "ec"))
			push(f, n, K_EC, part);
		else if (!strcmp(name, "mrk")) {
			push(f, n, K_MRK, part);
			collect(c, f, n, part);
			push(f, n, K_MRK_END, part);
		} else if (!strcmp(name, "sm"))
			push(f, n, K_SM, part);
		else if (!strcmp(name, "em"))
			push(f, n, K_EM, part);
		else if (!strcmp(name, "cp"))
			push(f, n, K_CP, part);
	}
}

static bool
is_isolated(const xmlNode *n)
{
	return bt_vx_attr_is(n, "isolated", "yes");
}

/* What identifies a code across source and target: its id, or for a
 * non-isolated <ec> / an <em> the id of its start. */
static const char *
code_key(const struct code *k)
{
	if ((k->kind == K_EC && !is_isolated(k->node)) || k->kind == K_EM)
		return bt_vx_attr(k->node, "startRef");
	return bt_vx_attr(k->node, "id");
}

/* Whether the kind carries editing hints (the original codes). */
static bool
is_code(enum kind k)
{
	return k == K_PH || k == K_PC || k == K_PC_END || k == K_SC
		|| k == K_EC;
}

/* --- ids ------------------------------------------------------------- */

static void
check_ids(struct content *u)
{
	struct bt_vcheck *c = u->c;
	const char *where = u->is_match ? "<mtc:match>" : "unit";
	for (size_t i = 0; i < u->n_parts && !u->is_match; i++) {
		const char *id = bt_vx_attr(u->parts[i], "id");
		const xmlNode *first = bt_vset_add(u->ids, id, u->parts[i]);
		if (first)
			bt_validate_report(c, u->parts[i],
					   _("id '%s' is used twice in the %s "
					     "(first by <%s> at line %ld)"), id,
					   where, name_of(first),
					   bt_vx_line(first));
	}
	for (size_t i = 0; i < u->src.n; i++) {
		const struct code *k = &u->src.v[i];
		if (k->kind == K_PC_END || k->kind == K_MRK_END
		    || k->kind == K_EM || k->kind == K_CP)
			continue;
		const char *id = bt_vx_attr(k->node, "id");
		const xmlNode *first = bt_vset_add(u->ids, id, k->node);
		if (first)
			bt_validate_report(c, k->node,
					   _("id '%s' is used twice in the %s "
					     "(first by <%s> at line %ld)"), id,
					   where, name_of(first),
					   bt_vx_line(first));
	}
	xmlHashTablePtr target_ids = xmlHashCreate(16);
	for (size_t i = 0; i < u->trg.n; i++) {
		const struct code *k = &u->trg.v[i];
		if (k->kind == K_PC_END || k->kind == K_MRK_END
		    || k->kind == K_EM || k->kind == K_CP)
			continue;
		const char *id = bt_vx_attr(k->node, "id");
		if (!id)
			continue;
		const xmlNode *twin = xmlHashLookup(u->ids, BAD_CAST id);
		if (twin && strcmp(name_of(twin), name_of(k->node)))
			bt_validate_report(c, k->node,
				_("<%s id='%s'> in a target matches <%s> at "
				  "line %ld; a target inline element reuses "
				  "only the id of the same element in the "
				  "source"),
				name_of(k->node), id, name_of(twin),
				bt_vx_line(twin));
		const xmlNode *first = bt_vset_add(target_ids, id, k->node);
		if (first)
			bt_validate_report(c, k->node,
					   _("id '%s' is used twice in the "
					     "targets of the %s (first at line "
					     "%ld)"), id, where,
					   bt_vx_line(first));
	}
	xmlHashFree(target_ids, NULL);
}

/* --- original data ---------------------------------------------------- */

static void
check_data_ref(struct content *u, const xmlNode *n, const char *attr)
{
	const char *ref = bt_vx_attr(n, attr);
	if (!ref)
		return;
	if (!u->original_data)
		bt_validate_report(u->c, n, _("%s='%s' but the %s has no "
					      "<originalData>"), attr, ref,
				   u->is_match ? "<mtc:match>" : "unit");
	else if (!xmlHashLookup(u->data, BAD_CAST ref))
		bt_validate_report(u->c, n, _("%s='%s' names no <data> of the "
					      "%s"), attr, ref,
				   u->is_match ? "<mtc:match>" : "unit");
}

static void
check_data(struct content *u)
{
	for (const xmlNode *d = u->original_data
	     ? u->original_data->children : NULL; d; d = d->next) {
		if (!core(u->c, d, "data"))
			continue;
		const char *id = bt_vx_attr(d, "id");
		const xmlNode *first = bt_vset_add(u->data, id, d);
		if (first)
			bt_validate_report(u->c, d, _("data id '%s' is used "
						      "twice (first at line "
						      "%ld)"), id,
					   bt_vx_line(first));
	}
	for (int t = 0; t < 2; t++) {
		const struct flow *f = t ? &u->trg : &u->src;
		for (size_t i = 0; i < f->n; i++) {
			const struct code *k = &f->v[i];
			if (k->kind == K_PH || k->kind == K_SC
			    || k->kind == K_EC)
				check_data_ref(u, k->node, "dataRef");
			else if (k->kind == K_PC) {
				check_data_ref(u, k->node, "dataRefStart");
				check_data_ref(u, k->node, "dataRefEnd");
			}
		}
	}
}

/* --- copyOf ------------------------------------------------------------ */

/* Indexes the codes (not their ends) by id, sources first. */
static void
index_codes(struct content *u)
{
	for (int t = 0; t < 2; t++) {
		const struct flow *f = t ? &u->trg : &u->src;
		for (size_t i = 0; i < f->n; i++)
			if (is_code(f->v[i].kind) && f->v[i].kind != K_PC_END)
				bt_vset_add(u->codes,
					    bt_vx_attr(f->v[i].node, "id"),
					    f->v[i].node);
	}
}

static bool
has_original_data(const xmlNode *n)
{
	return bt_vx_attr(n, "dataRef") || bt_vx_attr(n, "dataRefStart")
		|| bt_vx_attr(n, "dataRefEnd");
}

static void
check_copies(struct content *u)
{
	for (int t = 0; t < 2; t++) {
		const struct flow *f = t ? &u->trg : &u->src;
		for (size_t i = 0; i < f->n; i++) {
			const struct code *k = &f->v[i];
			const char *of = bt_vx_attr(k->node, "copyOf");
			if (!of || !is_code(k->kind) || k->kind == K_PC_END)
				continue;
			if (has_original_data(k->node))
				bt_validate_report(u->c, k->node,
					_("<%s> has copyOf and also refers "
					  "to original data; a copy has "
					  "neither"),
					name_of(k->node));
			const xmlNode *base = xmlHashLookup(u->codes,
							    BAD_CAST of);
			if (!base)
				bt_validate_report(u->c, k->node,
					_("copyOf='%s' names no code of the "
					  "unit"),
					of);
			else if (bt_vx_attr_is(base, "canCopy", "no"))
				bt_validate_report(u->c, k->node,
					_("copyOf='%s' copies a code with "
					  "canCopy='no' (line %ld)"),
					of, bt_vx_line(base));
			else if (has_original_data(base))
				bt_validate_report(u->c, k->node,
					_("copyOf='%s' copies a code that "
					  "has original data (line %ld); use "
					  "its dataRef instead"),
					of, bt_vx_line(base));
		}
	}
}

/* --- pairing ----------------------------------------------------------- */

static const char *const hints[] = {
	"canCopy", "canDelete", "canOverlap", "canReorder",
};

/* <ec> against its <sc>: the same editing hints (firstNo on the start
 * is no on the end). */
static void
check_ends_agree(struct bt_vcheck *c, const xmlNode *sc, const xmlNode *ec)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(hints); i++) {
		const char *want = bt_vx_attr_or(sc, hints[i], "yes");
		const char *have = bt_vx_attr_or(ec, hints[i], "yes");
		if (!strcmp(hints[i], "canReorder")
		    && !strcmp(want, "firstNo")) {
			if (strcmp(have, "no"))
				bt_validate_report(c, ec,
					_("<ec> has canReorder='%s' but its "
					  "<sc> (line %ld) has 'firstNo', "
					  "which needs 'no' on the end"),
					have, bt_vx_line(sc));
			continue;
		}
		if (strcmp(want, have))
			bt_validate_report(c, ec, _("<ec> has %s='%s' but its "
						    "<sc> (line %ld) has '%s'"),
					   hints[i], have, bt_vx_line(sc),
					   want);
	}
}

static void
check_ec_form(struct bt_vcheck *c, const xmlNode *ec)
{
	const char *id = bt_vx_attr(ec, "id");
	const char *start = bt_vx_attr(ec, "startRef");
	if (is_isolated(ec)) {
		if (!id)
			bt_validate_report(c, ec, _("<ec isolated='yes'> needs "
						    "an id"));
		if (start)
			bt_validate_report(c, ec,
				_("<ec isolated='yes'> must not have "
				  "startRef (its <sc> is in another unit)"));
		return;
	}
	if (!start)
		bt_validate_report(c, ec, _("<ec> without isolated='yes' needs "
					    "startRef, the id of its <sc>"));
	if (id)
		bt_validate_report(c, ec,
			_("<ec> without isolated='yes' must not have an id "
			  "(startRef names its <sc>)"));
	if (bt_vx_attr(ec, "dir"))
		bt_validate_report(c, ec, _("dir is allowed on <ec> only with "
					    "isolated='yes'"));
}

/* <sc>/<ec> or <sm>/<em> in one flow. */
static void
pair(struct content *u, const struct flow *f, enum kind start,
     enum kind end)
{
	struct bt_vcheck *c = u->c;
	const char *sname = start == K_SC ? "sc" : "sm";
	const char *ename = end == K_EC ? "ec" : "em";
	const char *in = f->target ? _("the target content")
		: _("the source content");
	xmlHashTablePtr open = xmlHashCreate(8);
	xmlHashTablePtr closed = xmlHashCreate(8);
	xmlHashTablePtr isolated = xmlHashCreate(8);
	xmlHashTablePtr starts = xmlHashCreate(8);	/* every start id */
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].kind == start)
			bt_vset_add(starts, bt_vx_attr(f->v[i].node, "id"),
				    f->v[i].node);
	for (size_t i = 0; i < f->n; i++) {
		const struct code *k = &f->v[i];
		if (k->kind == start) {
			const char *id = bt_vx_attr(k->node, "id");
			if (!id)
				continue;
			if (start == K_SC && is_isolated(k->node))
				bt_vset_add(isolated, id, k->node);
			else
				bt_vset_add(open, id, k->node);
			continue;
		}
		if (k->kind != end)
			continue;
		if (end == K_EC) {
			check_ec_form(c, k->node);
			if (is_isolated(k->node))
				continue;
		}
		const char *ref = bt_vx_attr(k->node, "startRef");
		if (!ref)
			continue;
		const xmlNode *s = xmlHashLookup(open, BAD_CAST ref);
		if (s) {
			if (end == K_EC)
				check_ends_agree(c, s, k->node);
			xmlHashRemoveEntry(open, BAD_CAST ref, NULL);
			bt_vset_add(closed, ref, k->node);
		} else if ((s = xmlHashLookup(isolated, BAD_CAST ref))) {
			bt_validate_report(c, k->node,
				_("<ec startRef='%s'> ends an <sc> that is "
				  "isolated='yes' (line %ld); an isolated "
				  "start has no end in the same unit"),
				ref, bt_vx_line(s));
		} else if (xmlHashLookup(closed, BAD_CAST ref)) {
			bt_validate_report(c, k->node,
					   _("<%s startRef='%s'>: its <%s> is "
					     "already ended at line %ld"),
					   ename, ref, sname,
					   bt_vx_line(xmlHashLookup(
						   closed, BAD_CAST ref)));
		} else if (xmlHashLookup(starts, BAD_CAST ref)) {
			/* Not open, ended or isolated yet: it comes later. */
			bt_validate_report(c, k->node,
					   _("<%s startRef='%s'> comes before "
					     "its <%s>"), ename, ref, sname);
		} else {
			bt_validate_report(c, k->node,
					   _("<%s startRef='%s'> has no <%s "
					     "id='%s'> in %s of the %s"),
					   ename, ref, sname, ref, in,
					   u->is_match ? "<mtc:match>"
					   : "unit");
		}
	}
	for (size_t i = 0; i < f->n; i++) {
		const struct code *k = &f->v[i];
		const char *id = k->kind == start
			? bt_vx_attr(k->node, "id") : NULL;
		if (id && xmlHashLookup(open, BAD_CAST id) == k->node) {
			if (start == K_SC)
				bt_validate_report(c, k->node,
					_("<sc id='%s'> has no <ec> in %s of "
					  "the %s (if its end is in another "
					  "unit, mark it isolated='yes')"),
					id, in,
					u->is_match ? "<mtc:match>" : "unit");
			else
				bt_validate_report(c, k->node,
					_("<sm id='%s'> has no <em> after it "
					  "in %s of the %s"),
					id, in,
					u->is_match ? "<mtc:match>" : "unit");
		}
	}
	xmlHashFree(open, NULL);
	xmlHashFree(closed, NULL);
	xmlHashFree(isolated, NULL);
	xmlHashFree(starts, NULL);
}

/* --- editing hints ------------------------------------------------------ */

/* canReorder of a code event; the end of a firstNo <pc> continues its
 * sequence. */
static const char *
reorder_of(const struct code *k)
{
	const char *v = bt_vx_attr_or(k->node, "canReorder", "yes");
	if (k->kind == K_PC_END && !strcmp(v, "firstNo"))
		return "no";
	return v;
}

static bool
same_code(const struct code *a, const struct code *b)
{
	if (a->kind != b->kind)
		return false;
	const char *x = code_key(a), *y = code_key(b);
	return x && y && !strcmp(x, y);
}

/* "kind:key" of a code, which a target copy of it shares.  Caller
 * frees; NULL when the code has no key. */
static char *
signature(const struct code *k)
{
	const char *key = code_key(k);
	return key ? bt_xasprintf("%d:%s", (int) k->kind, key) : NULL;
}

/* The first code of the target flow with k's signature, or NULL. */
static const struct code *
in_target(const struct content *u, const struct code *k)
{
	char *sig = signature(k);
	const struct code *t = sig ? xmlHashLookup(u->in_target,
						   BAD_CAST sig) : NULL;
	free(sig);
	return t;
}

static void
index_target(struct content *u)
{
	for (size_t i = 0; i < u->trg.n; i++) {
		const struct code *k = &u->trg.v[i];
		if (!is_code(k->kind))
			continue;
		char *sig = signature(k);
		if (sig && !xmlHashLookup(u->in_target, BAD_CAST sig)
		    && xmlHashAddEntry(u->in_target, BAD_CAST sig,
				       (void *) k) < 0)
			BT_BUG("out of memory");
		free(sig);
	}
}

/* Whether every part holding codes of the sequence has a target. */
static bool
translated(const struct content *u, const struct code *const *seq, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!bt_vx_child(seq[i]->part, u->c->core_ns, "target"))
			return false;
	return true;
}

/* A non-reorderable sequence of the source must appear in the target
 * unchanged: the same codes, together, in the same order. */
static void
check_sequence_kept(struct content *u, const struct code *const *seq,
		    size_t n)
{
	if (!translated(u, seq, n))
		return;
	const struct code *first = in_target(u, seq[0]);
	if (!first)
		return;	/* deleted: a canDelete matter */
	size_t j = (size_t) (first - u->trg.v);
	for (size_t i = 1; i < n; i++) {
		do
			j++;
		while (j < u->trg.n && !is_code(u->trg.v[j].kind));
		if (j == u->trg.n || !same_code(&u->trg.v[j], seq[i])) {
			bt_validate_report(u->c, seq[0]->node,
				_("the non-reorderable sequence that starts "
				  "with <%s id='%s'> is not kept together "
				  "and in order in the target"),
				name_of(seq[0]->node),
				code_key(seq[0]) ? code_key(seq[0]) : "?");
			return;
		}
	}
}

static void
check_reorder(struct content *u)
{
	struct bt_vcheck *c = u->c;
	for (int t = 0; t < 2; t++) {
		const struct flow *f = t ? &u->trg : &u->src;
		for (size_t i = 0; i < f->n; i++) {
			const struct code *k = &f->v[i];
			if (!is_code(k->kind) || k->kind == K_PC_END)
				continue;
			const char *v = bt_vx_attr(k->node, "canReorder");
			if (v && (!strcmp(v, "no") || !strcmp(v, "firstNo"))
			    && (!bt_vx_attr_is(k->node, "canCopy", "no")
				|| !bt_vx_attr_is(k->node, "canDelete", "no")))
				bt_validate_report(c, k->node,
					_("<%s> has canReorder='%s', which "
					  "needs canCopy='no' and "
					  "canDelete='no'"),
					name_of(k->node), v);
		}
	}
	/* Sequences in the source: firstNo, then codes with no. */
	const struct code **seq = bt_xcalloc(u->src.n + 1, sizeof(*seq));
	size_t n = 0;
	const struct code *prev = NULL;
	for (size_t i = 0; i <= u->src.n; i++) {
		const struct code *k = i < u->src.n ? &u->src.v[i] : NULL;
		if (k && !is_code(k->kind))
			continue;
		const char *v = k ? reorder_of(k) : "yes";
		if (k && !strcmp(v, "no")) {
			if (!prev || !strcmp(reorder_of(prev), "yes")) {
				if (k->kind != K_PC_END)
					bt_validate_report(c, k->node,
						_("<%s> has canReorder='no' "
						  "but does not follow a "
						  "code with canReorder "
						  "'firstNo' or 'no'"),
						name_of(k->node));
			} else if (n) {
				seq[n++] = k;
			}
		} else {
			if (n > 1)
				check_sequence_kept(u, seq, n);
			n = 0;
			if (k && !strcmp(v, "firstNo"))
				seq[n++] = k;
		}
		prev = k;
	}
	free(seq);
}

/* A code with canDelete='no' in a translated segment must be in some
 * target of the unit. */
static void
check_undeletable(struct content *u)
{
	for (size_t i = 0; i < u->src.n; i++) {
		const struct code *k = &u->src.v[i];
		if (!is_code(k->kind) || k->kind == K_PC_END
		    || !bt_vx_attr_is(k->node, "canDelete", "no")
		    || !bt_vx_child(k->part, u->c->core_ns, "target"))
			continue;
		if (!in_target(u, k))
			bt_validate_report(u->c, k->node,
					   _("<%s id='%s'> has canDelete='no' "
					     "but is missing from the target"),
					   name_of(k->node),
					   code_key(k) ? code_key(k) : "?");
	}
}

/* --- other inline constraints --------------------------------------- */

static void
check_type(struct bt_vcheck *c, const xmlNode *n)
{
	const char *sub = bt_vx_attr(n, "subType");
	if (!sub)
		return;
	const char *type = bt_vx_attr(n, "type");
	if (!type) {
		bt_validate_report(c, n, _("<%s> has subType but no type"),
				   name_of(n));
		return;
	}
	if (strncmp(sub, "xlf:", 4))
		return;
	const char *want = NULL;
	if (!strcmp(sub, "xlf:lb") || !strcmp(sub, "xlf:pb")
	    || !strcmp(sub, "xlf:b") || !strcmp(sub, "xlf:i")
	    || !strcmp(sub, "xlf:u"))
		want = "fmt";
	else if (!strcmp(sub, "xlf:var"))
		want = "ui";
	if (!want)
		bt_validate_report(c, n, _("subType '%s' is not one XLIFF "
					   "defines"), sub);
	else if (strcmp(type, want))
		bt_validate_report(c, n, _("subType '%s' goes with type='%s', "
					   "not '%s'"), sub, want, type);
}

static void
check_cp(struct bt_vcheck *c, const xmlNode *n)
{
	const char *hex = bt_vx_attr(n, "hex");
	if (!hex)
		return;
	char *end;
	errno = 0;
	unsigned long cp = strtoul(hex, &end, 16);
	if (errno || *end || !*hex || cp > 0x10FFFF) {
		bt_validate_report(c, n, _("<cp hex='%s'> is not a Unicode "
					   "code point"), hex);
		return;
	}
	/* Characters XML 1.0 cannot hold, plus the discouraged C1
	 * controls, as the official Schematron allows. */
	bool invalid = cp <= 0x8 || cp == 0xB || cp == 0xC
		|| (cp >= 0xE && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x84)
		|| (cp >= 0x86 && cp <= 0x9F)
		|| (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE
		|| cp == 0xFFFF;
	if (!invalid)
		bt_validate_report(c, n, _("<cp hex='%s'> stands for a "
					   "character XML can hold; write the "
					   "character itself"), hex);
}

/* Comment annotations and references on <mrk> and <sm>. */
static void
check_marker(struct content *u, const xmlNode *n)
{
	struct bt_vcheck *c = u->c;
	const char *type = bt_vx_attr(n, "type");
	const char *ref = bt_vx_attr(n, "ref");
	const char *value = bt_vx_attr(n, "value");
	if (type && !strcmp(type, "comment")) {
		if (ref && value)
			bt_validate_report(c, n, _("a comment annotation has "
						   "either value or ref, not "
						   "both"));
		else if (!ref && !value)
			bt_validate_report(c, n, _("a comment annotation needs "
						   "value (the comment) or ref "
						   "(a note)"));
		else if (ref) {
			struct bt_fragid f;
			const char *why = bt_fragid_parse(c, ref, &f);
			const xmlNode *note = why ? NULL
				: bt_fragid_resolve(c, &f, n);
			const xmlNode *unit = n;
			while (unit && !core(c, unit, "unit"))
				unit = unit->parent;
			const xmlNode *owner = note && note->parent
				? note->parent->parent : NULL;
			if (why)
				bt_validate_report(c, n, _("ref='%s' is not a "
							   "valid fragment "
							   "identifier: %s"),
						   ref, why);
			else if (!note || !core(c, note, "note")
				 || owner != unit)
				bt_validate_report(c, n,
					_("ref='%s' of a comment annotation "
					  "must point to a <note> of the "
					  "same unit"),
					ref);
			bt_fragid_release(&f);
		}
		return;
	}
	if (ref && ref[0] == '#')
		bt_fragid_check(c, n, "ref", ref);
}

static void
check_subflows(struct content *u, const struct bt_x2file *file,
	       const xmlNode *n)
{
	static const char *const attrs[] = {
		"subFlows", "subFlowsStart", "subFlowsEnd",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(attrs); i++) {
		const char *v = bt_vx_attr(n, attrs[i]);
		if (!v)
			continue;
		/* A space-separated list of unit ids. */
		for (const char *p = v; *p;) {
			while (*p == ' ' || *p == '\t' || *p == '\r'
			       || *p == '\n')
				p++;
			size_t len = strcspn(p, " \t\r\n");
			if (!len)
				break;
			char *id = bt_xstrndup(p, len);
			if (!xmlHashLookup(file->units, BAD_CAST id))
				bt_validate_report(u->c, n,
					_("%s names unit '%s', which is not "
					  "in this file"),
					attrs[i], id);
			free(id);
			p += len;
		}
	}
}

static void
check_inline(struct content *u, const struct bt_x2file *file)
{
	for (int t = 0; t < 2; t++) {
		const struct flow *f = t ? &u->trg : &u->src;
		for (size_t i = 0; i < f->n; i++) {
			const struct code *k = &f->v[i];
			switch (k->kind) {
			case K_PH: case K_PC: case K_SC: case K_EC:
				check_type(u->c, k->node);
				if (file)
					check_subflows(u, file, k->node);
				break;
			case K_MRK: case K_SM:
				check_marker(u, k->node);
				break;
			case K_CP:
				check_cp(u->c, k->node);
				break;
			default:
				break;
			}
		}
	}
}

/* --- parts: order, space, languages ------------------------------------ */

struct ordered {
	const xmlNode *target;
	unsigned long order;
	size_t pos;
};

static int
compare_ordered(const void *a, const void *b)
{
	const struct ordered *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The targets in their `order`, with the checks of that attribute. */
static struct ordered *
order_targets(struct content *u, size_t *count)
{
	struct ordered *v = bt_xcalloc(u->n_parts + 1, sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < u->n_parts; i++) {
		const xmlNode *t = bt_vx_child(u->parts[i], u->c->core_ns,
					       "target");
		if (!t)
			continue;
		const char *o = bt_vx_attr(t, "order");
		unsigned long order = i + 1;
		if (o && bt_vx_is_uint(o) && !u->is_match) {
			order = strtoul(o, NULL, 10);
			if (order < 1 || order > u->n_parts)
				bt_validate_report(u->c, t,
					_("order='%s' is outside 1 to %zu, "
					  "the number of segments and "
					  "ignorables of the unit"),
					o, u->n_parts);
		}
		v[n++] = (struct ordered) { t, order, i + 1 };
	}
	qsort(v, n, sizeof(*v), compare_ordered);
	for (size_t i = 1; i < n; i++)
		if (v[i].order == v[i - 1].order)
			bt_validate_report(u->c, v[i].target,
					   _("two targets of the unit take "
					     "position %lu (explicitly with "
					     "order, or implicitly by their "
					     "place)"), v[i].order);
	*count = n;
	return v;
}

static void
check_languages(struct content *u, const xmlNode *part)
{
	struct bt_vcheck *c = u->c;
	const xmlNode *root = xmlDocGetRootElement(part->doc);
	const char *src = bt_vx_attr(root, "srcLang");
	const char *trg = bt_vx_attr(root, "trgLang");
	const xmlNode *s = bt_vx_child(part, c->core_ns, "source");
	const xmlNode *t = bt_vx_child(part, c->core_ns, "target");
	const char *ls = s ? bt_vx_lang(s) : NULL;
	const char *lt = t ? bt_vx_lang(t) : NULL;
	if (ls && src && !bt_lang_equal(ls, src))
		bt_validate_report(c, s, _("the source is in '%s' (xml:lang) "
					   "but srcLang is '%s'"), ls, src);
	bool reference = u->is_match
		&& bt_vx_attr_is(u->container, "reference", "yes");
	if (lt && trg && !reference && !bt_lang_equal(lt, trg))
		bt_validate_report(c, t, _("the target is in '%s' (xml:lang) "
					   "but trgLang is '%s'"), lt, trg);
	if (s && t) {
		const char *ss = bt_vx_space(s), *st = bt_vx_space(t);
		if (strcmp(ss ? ss : "default", st ? st : "default"))
			bt_validate_report(c, t,
				_("the target has xml:space='%s' but its "
				  "source has '%s'"),
				st ? st : "default", ss ? ss : "default");
	}
}

static void
content_release(struct content *u)
{
	free(u->parts);
	free(u->src.v);
	free(u->trg.v);
	xmlHashFree(u->data, NULL);
	xmlHashFree(u->ids, NULL);
	xmlHashFree(u->codes, NULL);
	xmlHashFree(u->in_target, NULL);
}

static void
check_content(struct bt_vcheck *c, const xmlNode *container,
	      const xmlNode *original_data, bool is_match,
	      const struct bt_x2file *file)
{
	struct content u = {
		.c = c, .container = container, .is_match = is_match,
		.original_data = original_data,
		.data = xmlHashCreate(8), .ids = xmlHashCreate(32),
		.codes = xmlHashCreate(32), .in_target = xmlHashCreate(32),
	};
	u.trg.target = true;
	size_t cap = 1;
	for (const xmlNode *n = container->children; n; n = n->next)
		cap++;
	u.parts = bt_xcalloc(cap, sizeof(*u.parts));
	if (is_match) {
		u.parts[u.n_parts++] = container;
	} else {
		for (const xmlNode *n = container->children; n; n = n->next)
			if (core(c, n, "segment") || core(c, n, "ignorable"))
				u.parts[u.n_parts++] = n;
	}
	for (size_t i = 0; i < u.n_parts; i++) {
		const xmlNode *s = bt_vx_child(u.parts[i], c->core_ns,
					       "source");
		if (s)
			collect(c, &u.src, s, u.parts[i]);
		check_languages(&u, u.parts[i]);
	}
	size_t n_targets;
	struct ordered *targets = order_targets(&u, &n_targets);
	for (size_t i = 0; i < n_targets; i++)
		collect(c, &u.trg, targets[i].target,
			targets[i].target->parent);
	free(targets);
	index_codes(&u);
	index_target(&u);

	check_ids(&u);
	check_data(&u);
	check_copies(&u);
	pair(&u, &u.src, K_SC, K_EC);
	pair(&u, &u.trg, K_SC, K_EC);
	pair(&u, &u.src, K_SM, K_EM);
	pair(&u, &u.trg, K_SM, K_EM);
	check_reorder(&u);
	if (!is_match)
		check_undeletable(&u);
	check_inline(&u, file);
	content_release(&u);
}

void
bt_validate_x2_content(struct bt_vcheck *c, const xmlNode *container,
		       const xmlNode *original_data, bool is_match)
{
	check_content(c, container, original_data, is_match, NULL);
}

void
bt_validate_x2_unit(struct bt_vcheck *c, const struct bt_x2file *f,
		    const xmlNode *unit)
{
	for (const xmlNode *s = unit->children; s; s = s->next)
		if (core(c, s, "segment") && bt_vx_attr(s, "subState")
		    && !bt_vx_attr(s, "state"))
			bt_validate_report(c, s, _("<segment> has subState but "
						   "no state"));
	if (!bt_vx_child(unit, c->core_ns, "segment"))
		bt_validate_report(c, unit, _("unit '%s' has no <segment>"),
				   bt_vx_attr_or(unit, "id", "?"));
	check_content(c, unit, bt_vx_child(unit, c->core_ns, "originalData"),
		      false, f);
}
