/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XLIFF 2.x modules: the constraints of their specifications that the
 * module schemas cannot express.
 *
 *   Translation Candidates (mtc)  match ids, no xml:lang, subType needs
 *                                 type, ref points into the unit, and the
 *                                 match content follows the core rules
 *   Glossary (gls)                entry and translation ids, an entry has
 *                                 a translation or a definition
 *   Metadata (mda)                metadata and metaGroup ids
 *   Resource Data (res)           item ids, href or content, languages
 *   Change Tracking (ctr)         ref resolves, appliesTo needs ref when
 *                                 ambiguous, item properties
 *   Size and Length (slr)         restriction patterns, integers, where
 *                                 sizeInfo / sizeInfoRef / equivStorage
 *                                 go and what sizeInfoRef points to
 *   Validation (val)              one test per rule, existsInSource,
 *                                 occurs, disabled
 *   Format Style (fs)             subFs needs fs; on <ec> only isolated
 *
 * Module elements may appear only at their extension points.
 */
#include "system.h"

#include "core/xalloc.h"
#include "format/validate-internal.h"

static const char *const module_ns[] = {
	BT_NS_MTC, BT_NS_GLS, BT_NS_FS, BT_NS_MDA, BT_NS_RES, BT_NS_CTR,
	BT_NS_SLR, BT_NS_VAL, BT_NS_ITS, BT_NS_ITSM21, BT_NS_ITSM20,
	BT_NS_PGS,
};

bool
bt_validate_x2_is_module_ns(const struct bt_vcheck *c, const char *ns)
{
	(void) c;
	for (size_t i = 0; i < BT_ARRAY_SIZE(module_ns); i++)
		if (!strcmp(ns, module_ns[i]))
			return true;
	return false;
}

/* Which module elements a core element may hold. */
static const struct {
	const char *ns, *name, *parents;	/* parents: " a b c " */
} placements[] = {
	{ BT_NS_MTC, "matches", " unit " },
	{ BT_NS_GLS, "glossary", " unit " },
	{ BT_NS_MDA, "metadata", " xliff file group unit " },
	{ BT_NS_RES, "resourceData", " file group unit " },
	{ BT_NS_CTR, "changeTrack", " file group unit " },
	{ BT_NS_SLR, "profiles", " file " },
	{ BT_NS_SLR, "data", " file group unit " },
	{ BT_NS_VAL, "validation", " file group unit " },
	{ BT_NS_ITS, "locQualityIssues", " file group unit " },
	{ BT_NS_ITS, "provenanceRecords", " file group unit " },
};

static bool
word_in(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
		if (p[-1] == ' ' && p[n] == ' ')
			return true;
	return false;
}

static void
check_placement(struct bt_vcheck *c, const xmlNode *n)
{
	const xmlNode *parent = n->parent;
	const char *pns = bt_vx_ns(parent);
	const char *ns = bt_vx_ns(n);
	if (!parent || parent->type != XML_ELEMENT_NODE || !pns
	    || strcmp(pns, c->core_ns) || !strcmp(ns, BT_NS_PGS)
	    || bt_vx_is(parent, c->core_ns, "skeleton"))
		return;
	bool known = false;
	for (size_t i = 0; i < BT_ARRAY_SIZE(placements); i++) {
		if (strcmp(placements[i].ns, ns)
		    || strcmp(placements[i].name, (const char *) n->name))
			continue;
		known = true;
		if (word_in(placements[i].parents,
			    (const char *) parent->name))
			return;
	}
	if (known)
		bt_validate_report(c, n, _("<%s> of module %s is not allowed "
					   "in <%s>"), (const char *) n->name,
				   ns, (const char *) parent->name);
	else
		bt_validate_report(c, n, _("<%s> is not an element module %s "
					   "allows in <%s>"),
				   (const char *) n->name, ns,
				   (const char *) parent->name);
}

/* Ids of the elements called a or b (in ns) in the subtree of scope
 * must be unique. */
static void
unique_ids(struct bt_vcheck *c, const xmlNode *scope, const char *ns,
	   const char *a, const char *b, xmlHashTablePtr ids,
	   const char *what)
{
	for (const xmlNode *n = scope->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (bt_vx_is(n, ns, a) || (b && bt_vx_is(n, ns, b))) {
			const char *id = bt_vx_attr(n, "id");
			const xmlNode *first = bt_vset_add(ids, id, n);
			if (first)
				bt_validate_report(c, n, _("id '%s' is used "
							   "twice in %s (first "
							   "at line %ld)"), id,
						   what, bt_vx_line(first));
		}
		unique_ids(c, n, ns, a, b, ids, what);
	}
}

static void
check_unique(struct bt_vcheck *c, const xmlNode *scope, const char *ns,
	     const char *a, const char *b, const char *what)
{
	xmlHashTablePtr ids = xmlHashCreate(8);
	const char *own = bt_vx_attr(scope, "id");
	if (own && bt_vx_is(scope, ns, "metadata"))
		bt_vset_add(ids, own, scope);
	unique_ids(c, scope, ns, a, b, ids, what);
	xmlHashFree(ids, NULL);
}

/* --- Translation Candidates ---------------------------------------------- */

static void
check_match(struct bt_vcheck *c, const xmlNode *m)
{
	if (bt_vx_attr_ns(m, BT_NS_XML, "lang"))
		bt_validate_report(c, m, _("<mtc:match> must not have "
					   "xml:lang"));
	if (bt_vx_attr(m, "subType") && !bt_vx_attr(m, "type"))
		bt_validate_report(c, m, _("<mtc:match> has subType but no "
					   "type"));
	const char *ref = bt_vx_attr(m, "ref");
	if (ref) {
		struct bt_fragid f;
		const char *why = bt_fragid_parse(c, ref, &f);
		const xmlNode *to = why ? NULL : bt_fragid_resolve(c, &f, m);
		const xmlNode *unit = m;
		while (unit && !bt_vx_is(unit, c->core_ns, "unit"))
			unit = unit->parent;
		const xmlNode *up = to;
		while (up && up != unit)
			up = up->parent;
		if (why)
			bt_validate_report(c, m, _("ref='%s' is not a valid "
						   "fragment identifier: %s"),
					   ref, why);
		else if (!to || to == unit || !up)
			bt_validate_report(c, m,
				_("ref='%s' must point to content of the "
				  "same unit (a segment, an ignorable or an "
				  "inline element)"),
				ref);
		bt_fragid_release(&f);
	}
	bt_validate_x2_content(c, m, bt_vx_child(m, c->core_ns,
						  "originalData"), true);
}

/* --- Glossary, Resource Data ---------------------------------------------- */

static void
check_gloss_entry(struct bt_vcheck *c, const xmlNode *e)
{
	if (!bt_vx_child(e, BT_NS_GLS, "translation")
	    && !bt_vx_child(e, BT_NS_GLS, "definition"))
		bt_validate_report(c, e, _("<gls:glossEntry> needs a "
					   "<gls:translation> or a "
					   "<gls:definition>"));
}

static void
check_res_content(struct bt_vcheck *c, const xmlNode *n, bool source)
{
	bool href = bt_vx_attr(n, "href") != NULL;
	bool content = bt_vx_has_content(n);
	if (href && content)
		bt_validate_report(c, n, _("<res:%s> has both an href and "
					   "content"), (const char *) n->name);
	else if (!href && !content)
		bt_validate_report(c, n, _("<res:%s> is empty and has no "
					   "href"), (const char *) n->name);
	/* The source's language must be the document's.  The specification
	 * says the same of <res:target> and trgLang, but the OASIS 2.1 test
	 * suite counts a mismatch there as valid
	 * (modules/valid/Good-res_source-has-no-content-and-href.xlf), so
	 * only the source is held to it. */
	const char *lang = bt_vx_attr_ns(n, BT_NS_XML, "lang");
	const xmlNode *root = xmlDocGetRootElement(n->doc);
	const char *want = bt_vx_attr(root, "srcLang");
	if (source && lang && want && !bt_lang_equal(lang, want))
		bt_validate_report(c, n, _("<res:source xml:lang='%s'> must "
					   "match the document's srcLang '%s'"),
				   lang, want);
}

/* --- Change Tracking ----------------------------------------------------- */

/* What a <ctr:changeTrack> can point to in its enclosing element: ids
 * anywhere below it (the tracking itself aside), and the core elements
 * that have an id, by name, without entering nested units and groups
 * (ref must pick one of several such instances; elements without an id,
 * like <source>, cannot be picked and need no ref). */
struct track_index {
	xmlHashTablePtr ids;		/* id -> element */
	xmlHashTablePtr names;		/* name -> struct named */
};

struct named {
	size_t count;
	const xmlNode *last;
};

static void
free_named(void *payload, const xmlChar *name)
{
	(void) name;
	free(payload);
}

static void
index_ids(const xmlNode *scope, const xmlNode *skip, xmlHashTablePtr ids)
{
	for (const xmlNode *n = scope->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || n == skip)
			continue;
		bt_vset_add(ids, bt_vx_attr(n, "id"), n);
		index_ids(n, skip, ids);
	}
}

static void
index_names(const struct bt_vcheck *c, const xmlNode *scope,
	    xmlHashTablePtr names)
{
	for (const xmlNode *n = scope->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (bt_vx_ns(n) && !strcmp(bt_vx_ns(n), c->core_ns)
		    && bt_vx_attr(n, "id")) {
			struct named *e = xmlHashLookup(names, n->name);
			if (!e) {
				e = bt_xcalloc(1, sizeof(*e));
				if (xmlHashAddEntry(names, n->name, e) < 0)
					BT_BUG("out of memory");
			}
			e->count++;
			e->last = n;
		}
		if (!bt_vx_is(n, c->core_ns, "unit")
		    && !bt_vx_is(n, c->core_ns, "group"))
			index_names(c, n, names);
	}
}

static void
check_revisions(struct bt_vcheck *c, const xmlNode *r,
		const struct track_index *ix, const xmlNode *scope)
{
	const char *applies = bt_vx_attr(r, "appliesTo");
	const char *ref = bt_vx_attr(r, "ref");
	const xmlNode *target = NULL;
	if (ref) {
		target = xmlHashLookup(ix->ids, BAD_CAST ref);
		if (!target)
			bt_validate_report(c, r,
				_("ref='%s' names no element of the "
				  "enclosing <%s>"),
				ref, (const char *) scope->name);
	} else if (applies) {
		const struct named *e = xmlHashLookup(ix->names,
						      BAD_CAST applies);
		if (e && e->count > 1)
			bt_validate_report(c, r, _("appliesTo='%s' matches %zu "
						   "elements of the enclosing "
						   "<%s>; ref must say which"),
					   applies, e->count,
					   (const char *) scope->name);
		else if (e)
			target = e->last;
	}
	for (const xmlNode *rev = r->children; rev; rev = rev->next) {
		if (!bt_vx_is(rev, BT_NS_CTR, "revision"))
			continue;
		xmlHashTablePtr seen = xmlHashCreate(4);
		for (const xmlNode *it = rev->children; it; it = it->next) {
			if (!bt_vx_is(it, BT_NS_CTR, "item"))
				continue;
			const char *p = bt_vx_attr(it, "property");
			if (!p)
				continue;
			const xmlNode *first = bt_vset_add(seen, p, it);
			if (first)
				bt_validate_report(c, it,
					_("property '%s' is given twice in "
					  "one revision (first at line %ld)"),
					p, bt_vx_line(first));
			else if (target && strcmp(p, "content")
				 && !bt_vx_attr(target, p))
				bt_validate_report(c, it,
					_("property '%s' is neither "
					  "'content' nor an attribute of "
					  "<%s> (line %ld)"),
					p, (const char *) target->name,
					bt_vx_line(target));
		}
		xmlHashFree(seen, NULL);
	}
}

static void
check_change_track(struct bt_vcheck *c, const xmlNode *track)
{
	const xmlNode *scope = track->parent;
	if (!scope || scope->type != XML_ELEMENT_NODE)
		return;
	struct track_index ix = { xmlHashCreate(16), xmlHashCreate(16) };
	index_ids(scope, track, ix.ids);
	index_names(c, scope, ix.names);
	for (const xmlNode *r = track->children; r; r = r->next)
		if (bt_vx_is(r, BT_NS_CTR, "revisions"))
			check_revisions(c, r, &ix, scope);
	xmlHashFree(ix.ids, NULL);
	xmlHashFree(ix.names, free_named);
}

/* --- Validation ---------------------------------------------------- */

static void
check_rule(struct bt_vcheck *c, const xmlNode *rule)
{
	static const char *const tests[] = {
		"isPresent", "isNotPresent", "startsWith", "endsWith",
	};
	size_t n = 0;
	for (size_t i = 0; i < BT_ARRAY_SIZE(tests); i++)
		n += bt_vx_attr(rule, tests[i]) != NULL;
	bool custom = false;
	for (const xmlAttr *a = rule->properties; a; a = a->next)
		if (a->ns && a->ns->href
		    && strcmp((const char *) a->ns->href, BT_NS_VAL)
		    && strcmp((const char *) a->ns->href, BT_NS_XML))
			custom = true;
	n += custom;
	if (n != 1)
		bt_validate_report(c, rule,
			_("<val:rule> needs exactly one test: isPresent, "
			  "isNotPresent, startsWith, endsWith or a custom "
			  "attribute (it has %zu)"),
			n);
	if (bt_vx_attr(rule, "existsInSource")
	    && (bt_vx_attr(rule, "isPresent") != NULL)
	    + (bt_vx_attr(rule, "startsWith") != NULL)
	    + (bt_vx_attr(rule, "endsWith") != NULL) != 1)
		bt_validate_report(c, rule, _("existsInSource needs exactly "
					      "one of isPresent, startsWith, "
					      "endsWith"));
	if (bt_vx_attr(rule, "occurs") && !bt_vx_attr(rule, "isPresent"))
		bt_validate_report(c, rule, _("occurs goes only with "
					      "isPresent"));
	const xmlNode *owner = rule->parent ? rule->parent->parent : NULL;
	if (bt_vx_attr_is(rule, "disabled", "yes")
	    && bt_vx_is(owner, c->core_ns, "file"))
		bt_validate_report(c, rule, _("disabled='yes' cannot be used "
					      "at the file level"));
}

void
bt_validate_x2_module_element(struct bt_vcheck *c, const xmlNode *n)
{
	const char *ns = bt_vx_ns(n);
	check_placement(c, n);
	if (!strcmp(ns, BT_NS_MTC)) {
		if (bt_vx_is(n, ns, "matches"))
			check_unique(c, n, ns, "match", NULL,
				     "<mtc:matches>");
		else if (bt_vx_is(n, ns, "match"))
			check_match(c, n);
	} else if (!strcmp(ns, BT_NS_GLS)) {
		if (bt_vx_is(n, ns, "glossary"))
			check_unique(c, n, ns, "glossEntry", "translation",
				     "<gls:glossary>");
		else if (bt_vx_is(n, ns, "glossEntry"))
			check_gloss_entry(c, n);
		const char *ref = bt_vx_attr(n, "ref");
		if (ref && ref[0] == '#'
		    && (bt_vx_is(n, ns, "glossEntry")
			|| bt_vx_is(n, ns, "translation")))
			bt_fragid_check(c, n, "ref", ref);
	} else if (!strcmp(ns, BT_NS_MDA)) {
		if (bt_vx_is(n, ns, "metadata"))
			check_unique(c, n, ns, "metaGroup", NULL,
				     "<mda:metadata>");
	} else if (!strcmp(ns, BT_NS_RES)) {
		if (bt_vx_is(n, ns, "resourceData"))
			check_unique(c, n, ns, "resourceItem",
				     "resourceItemRef", "<res:resourceData>");
		else if (bt_vx_is(n, ns, "source"))
			check_res_content(c, n, true);
		else if (bt_vx_is(n, ns, "target"))
			check_res_content(c, n, false);
	} else if (!strcmp(ns, BT_NS_CTR)) {
		if (bt_vx_is(n, ns, "changeTrack"))
			check_change_track(c, n);
	} else if (!strcmp(ns, BT_NS_VAL)) {
		if (bt_vx_is(n, ns, "rule"))
			check_rule(c, n);
	}
}

/* --- module attributes --------------------------------------------------- */

/* "*", "N", "N,N" or "N,*" (N: a non-negative integer). */
static bool
is_restriction(const char *v)
{
	if (!strcmp(v, "*"))
		return true;
	size_t n = strspn(v, "0123456789");
	if (!n)
		return false;
	if (!v[n])
		return true;
	if (v[n] != ',')
		return false;
	v += n + 1;
	return !strcmp(v, "*") || bt_vx_is_uint(v);
}

/* The element with id (or xml:id) in the subtree of n, n included. */
static const xmlNode *
find_any_id(const xmlNode *n, const char *id)
{
	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	const char *have = bt_vx_attr(n, "id");
	if (!have)
		have = bt_vx_attr_ns(n, BT_NS_XML, "id");
	if (have && !strcmp(have, id))
		return n;
	for (const xmlNode *k = n->children; k; k = k->next) {
		const xmlNode *r = find_any_id(k, id);
		if (r)
			return r;
	}
	return NULL;
}

/* sizeInfoRef points into an <slr:data> that is a sibling of n or of
 * one of its ancestors. */
static bool
size_info_resolves(const xmlNode *n, const char *ref)
{
	for (const xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE;
	     a = a->parent)
		for (const xmlNode *d = a->children; d; d = d->next)
			if (bt_vx_is(d, BT_NS_SLR, "data"))
				for (const xmlNode *k = d->children; k;
				     k = k->next)
					if (find_any_id(k, ref))
						return true;
	return false;
}

/*
 * Whether sizeInfo is held to be a count.  Its meaning belongs to the
 * general profile: under the standard xliff:codepoints it is a
 * non-negative integer.  Under another profile, or none declared, a value
 * written as a number must still be a non-negative integer, and other
 * text is left to the profile: the OASIS 2.1 suite has both
 * sizeInfo="25.5" invalid (modules/invalid/Bad-slr_sizeInfo-not-integer)
 * and sizeInfo="some info" valid (core/valid/withModulesAttributesInEc),
 * neither under a declared profile.
 */
static bool
size_info_is_count(const struct bt_vcheck *c, const xmlNode *n,
		   const char *v)
{
	const xmlNode *file = n;
	while (file && !bt_vx_is(file, c->core_ns, "file"))
		file = file->parent;
	const xmlNode *profiles = bt_vx_child(file, BT_NS_SLR, "profiles");
	if (bt_vx_attr_is(profiles, "generalProfile", "xliff:codepoints"))
		return true;
	return strchr("0123456789+-.", v[0]) != NULL;
}

/* The attributes each module defines for core elements (ITS has too
 * many to list and is left to its schema). */
static const struct {
	const char *ns, *names;		/* names: " a b c " */
} module_attrs[] = {
	{ BT_NS_FS, " fs subFs " },
	{ BT_NS_SLR, " equivStorage sizeInfo sizeInfoRef sizeRestriction "
	  "storageRestriction " },
	{ BT_NS_MTC, " " }, { BT_NS_GLS, " " }, { BT_NS_MDA, " " },
	{ BT_NS_RES, " " }, { BT_NS_CTR, " " }, { BT_NS_VAL, " " },
};

static void
check_attribute_names(struct bt_vcheck *c, const xmlNode *n)
{
	if (!bt_vx_ns(n) || strcmp(bt_vx_ns(n), c->core_ns))
		return;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->ns || !a->ns->href)
			continue;
		for (size_t i = 0; i < BT_ARRAY_SIZE(module_attrs); i++)
			if (!strcmp((const char *) a->ns->href,
				    module_attrs[i].ns)
			    && !word_in(module_attrs[i].names,
					(const char *) a->name))
				bt_validate_report(c, n, _("attribute '%s' is "
							   "not defined by "
							   "module %s"),
						   (const char *) a->name,
						   module_attrs[i].ns);
	}
}

void
bt_validate_x2_module_attrs(struct bt_vcheck *c, const xmlNode *n)
{
	check_attribute_names(c, n);
	bool ec = bt_vx_is(n, c->core_ns, "ec");
	bool isolated = ec && bt_vx_attr_is(n, "isolated", "yes");
	const char *fs = bt_vx_attr_ns(n, BT_NS_FS, "fs");
	const char *sub = bt_vx_attr_ns(n, BT_NS_FS, "subFs");
	if (sub && !fs)
		bt_validate_report(c, n, _("fs:subFs needs fs:fs"));
	if ((fs || sub) && ec && !isolated)
		bt_validate_report(c, n, _("fs:fs and fs:subFs go on <ec> only "
					   "when it is isolated='yes'"));

	static const char *const restrictions[] = {
		"sizeRestriction", "storageRestriction",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(restrictions); i++) {
		const char *v = bt_vx_attr_ns(n, BT_NS_SLR, restrictions[i]);
		if (v && !is_restriction(v))
			bt_validate_report(c, n, _("slr:%s='%s' is not '*', "
						   "'MAX', 'MIN,MAX' or "
						   "'MIN,*'"), restrictions[i],
					   v);
	}
	static const char *const counts[] = { "equivStorage", "sizeInfo" };
	for (size_t i = 0; i < BT_ARRAY_SIZE(counts); i++) {
		const char *v = bt_vx_attr_ns(n, BT_NS_SLR, counts[i]);
		if (v && !bt_vx_is_uint(v)
		    && (i == 0 || size_info_is_count(c, n, v)))
			bt_validate_report(c, n, _("slr:%s='%s' is not a "
						   "non-negative integer"),
					   counts[i], v);
		if (v && ec && !isolated)
			bt_validate_report(c, n, _("slr:%s goes on <ec> only "
						   "when it is isolated='yes'"),
					   counts[i]);
	}
	const char *ref = bt_vx_attr_ns(n, BT_NS_SLR, "sizeInfoRef");
	if (ref) {
		if (bt_vx_attr_ns(n, BT_NS_SLR, "sizeInfo"))
			bt_validate_report(c, n, _("slr:sizeInfo and "
						   "slr:sizeInfoRef cannot be "
						   "used together"));
		if (ec && !isolated)
			bt_validate_report(c, n, _("slr:sizeInfoRef goes on "
						   "<ec> only when it is "
						   "isolated='yes'"));
		if (!size_info_resolves(n, ref))
			bt_validate_report(c, n, _("slr:sizeInfoRef='%s' names "
						   "nothing in an <slr:data> "
						   "beside this element or one "
						   "of its ancestors"), ref);
	}
}
