/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XLIFF 2.x processing requirements at the document level: the languages
 * of <xliff>, identifiers of <file>, <group>, <unit>, <note> and of
 * extension elements, <skeleton>, where extension and module elements and
 * attributes may appear.  Each unit is then checked by
 * validate-xliff2-unit.c and each module element by
 * validate-xliff2-modules.c.
 */
#include "system.h"

#include "format/validate-internal.h"

/* Core elements that take attributes from any other namespace; the
 * inline codes take module attributes only (see check_attributes). */
static const char *const open_elements[] = {
	"xliff", "file", "group", "unit", "note", "mrk", "sm",
};

static bool
is_core(const struct bt_vcheck *c, const xmlNode *n)
{
	const char *ns = bt_vx_ns(n);
	return ns && !strcmp(ns, c->core_ns);
}

/* An element of neither the core nor a module: an extension. */
static bool
is_extension(const struct bt_vcheck *c, const xmlNode *n)
{
	const char *ns = bt_vx_ns(n);
	return n->type == XML_ELEMENT_NODE && !is_core(c, n)
		&& !(ns && bt_validate_x2_is_module_ns(c, ns));
}

/* Attributes from other namespaces on core elements: any on the open
 * elements, only module attributes on <pc>, <sc>, <ec>, <ph>. */
static void
check_attributes(struct bt_vcheck *c, const xmlNode *n)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(open_elements); i++)
		if (!strcmp((const char *) n->name, open_elements[i]))
			return;
	if (strcmp((const char *) n->name, "pc")
	    && strcmp((const char *) n->name, "sc")
	    && strcmp((const char *) n->name, "ec")
	    && strcmp((const char *) n->name, "ph"))
		return;	/* the schema allows no foreign attribute */
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		const char *ns = a->ns && a->ns->href
			? (const char *) a->ns->href : NULL;
		if (!ns || !strcmp(ns, BT_NS_XML))
			continue;
		if (!strcmp(ns, BT_NS_FS) || !strcmp(ns, BT_NS_SLR)
		    || !strcmp(ns, BT_NS_ITS) || !strcmp(ns, BT_NS_ITSM21)
		    || !strcmp(ns, BT_NS_ITSM20))
			continue;
		bt_validate_report(c, n, _("<%s> takes no extension "
					   "attribute: %s (namespace %s) is "
					   "not allowed here"),
				   (const char *) n->name,
				   (const char *) a->name, ns);
	}
}

/* Collects the id / xml:id of the extension elements among n's children
 * and their extension descendants (never entering core or module
 * elements): they must be unique within scope, the enclosing <file>,
 * <group> or <unit>. */
static void
collect_extension_ids(struct bt_vcheck *c, const xmlNode *n,
		      xmlHashTablePtr ids, const xmlNode *scope)
{
	for (const xmlNode *e = n->children; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE || !is_extension(c, e))
			continue;
		const char *id = bt_vx_attr(e, "id");
		if (!id)
			id = bt_vx_attr_ns(e, BT_NS_XML, "id");
		const xmlNode *first = bt_vset_add(ids, id, e);
		if (first)
			bt_validate_report(c, e,
				_("extension element id '%s' is used twice "
				  "in <%s> (first at line %ld)"),
				id, (const char *) scope->name,
				bt_vx_line(first));
		collect_extension_ids(c, e, ids, scope);
	}
}

static void
check_extension_ids(struct bt_vcheck *c, const xmlNode *scope)
{
	xmlHashTablePtr ids = xmlHashCreate(8);
	collect_extension_ids(c, scope, ids, scope);
	xmlHashFree(ids, NULL);
}

/* Ids of the notes of one <notes>. */
static void
check_notes(struct bt_vcheck *c, const xmlNode *owner)
{
	const xmlNode *notes = bt_vx_child(owner, c->core_ns, "notes");
	if (!notes)
		return;
	xmlHashTablePtr ids = xmlHashCreate(8);
	for (const xmlNode *n = notes->children; n; n = n->next) {
		if (!bt_vx_is(n, c->core_ns, "note"))
			continue;
		const char *id = bt_vx_attr(n, "id");
		const xmlNode *first = bt_vset_add(ids, id, n);
		if (first)
			bt_validate_report(c, n, _("note id '%s' is used twice "
						   "in this <notes> (first at "
						   "line %ld)"), id,
					   bt_vx_line(first));
	}
	xmlHashFree(ids, NULL);
}

struct walk {
	struct bt_x2file f;
};

/* Groups and units of a file, at any depth: ids and their checks. */
static void
walk_file(struct bt_vcheck *c, struct walk *w, const xmlNode *parent)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (bt_vx_is(n, c->core_ns, "group")) {
			const char *id = bt_vx_attr(n, "id");
			const xmlNode *first = bt_vset_add(w->f.groups, id, n);
			if (first)
				bt_validate_report(c, n,
					_("group id '%s' is used twice in "
					  "the file (first at line %ld)"),
					id, bt_vx_line(first));
			check_notes(c, n);
			check_extension_ids(c, n);
			walk_file(c, w, n);
		} else if (bt_vx_is(n, c->core_ns, "unit")) {
			const char *id = bt_vx_attr(n, "id");
			const xmlNode *first = bt_vset_add(w->f.units, id, n);
			if (first)
				bt_validate_report(c, n,
					_("unit id '%s' is used twice in the "
					  "file (first at line %ld)"),
					id, bt_vx_line(first));
		}
	}
}

static void
check_units(struct bt_vcheck *c, struct walk *w, const xmlNode *parent)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (bt_vx_is(n, c->core_ns, "group"))
			check_units(c, w, n);
		else if (bt_vx_is(n, c->core_ns, "unit")) {
			check_notes(c, n);
			check_extension_ids(c, n);
			bt_validate_x2_unit(c, &w->f, n);
		}
	}
}

static void
check_skeleton(struct bt_vcheck *c, const xmlNode *file)
{
	const xmlNode *sk = bt_vx_child(file, c->core_ns, "skeleton");
	if (!sk)
		return;
	bool href = bt_vx_attr(sk, "href") != NULL;
	bool content = bt_vx_has_content(sk);
	if (href && content)
		bt_validate_report(c, sk, _("<skeleton> has both an href and "
					    "content; it must have one or the "
					    "other"));
	else if (!href && !content)
		bt_validate_report(c, sk, _("<skeleton> is empty and has no "
					    "href; it must have one or the "
					    "other"));
}

static void
check_file(struct bt_vcheck *c, const xmlNode *file)
{
	struct walk w = { { file, xmlHashCreate(64), xmlHashCreate(16) } };
	check_skeleton(c, file);
	check_notes(c, file);
	check_extension_ids(c, file);
	walk_file(c, &w, file);
	c->file = &w.f;
	check_units(c, &w, file);
	c->file = NULL;
	xmlHashFree(w.f.units, NULL);
	xmlHashFree(w.f.groups, NULL);
}

/* Every element: attribute placement, module elements and attributes. */
static void
walk_elements(struct bt_vcheck *c, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *ns = bt_vx_ns(n);
		if (is_core(c, n))
			check_attributes(c, n);
		else if (ns && bt_validate_x2_is_module_ns(c, ns))
			bt_validate_x2_module_element(c, n);
		bt_validate_x2_module_attrs(c, n);
		walk_elements(c, n->children);
	}
}

/* The first <target> of a segment or ignorable in the document. */
static const xmlNode *
first_target(const struct bt_vcheck *c, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !is_core(c, n))
			continue;
		if (bt_vx_is(n, c->core_ns, "target") && n->parent
		    && (bt_vx_is(n->parent, c->core_ns, "segment")
			|| bt_vx_is(n->parent, c->core_ns, "ignorable")))
			return n;
		const xmlNode *t = first_target(c, n->children);
		if (t)
			return t;
	}
	return NULL;
}

static void
check_language(struct bt_vcheck *c, const xmlNode *root, const char *name)
{
	const char *tag = bt_vx_attr(root, name);
	if (tag && !bt_lang_wellformed(tag))
		bt_validate_report(c, root,
			_("%s '%s' is not a well-formed BCP 47 language tag"),
			name, tag);
}

void
bt_validate_xliff2(struct bt_vcheck *c, xmlNode *root)
{
	check_language(c, root, "srcLang");
	check_language(c, root, "trgLang");
	if (!bt_vx_attr(root, "trgLang")) {
		const xmlNode *t = first_target(c, root->children);
		if (t)
			bt_validate_report(c, t, _("the document has <target> "
						   "elements, so <xliff> needs "
						   "a trgLang"));
	}
	xmlHashTablePtr files = xmlHashCreate(8);
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (!bt_vx_is(n, c->core_ns, "file"))
			continue;
		const char *id = bt_vx_attr(n, "id");
		const xmlNode *first = bt_vset_add(files, id, n);
		if (first)
			bt_validate_report(c, n, _("file id '%s' is used twice "
						   "(first at line %ld)"), id,
					   bt_vx_line(first));
		check_file(c, n);
	}
	xmlHashFree(files, NULL);
	walk_elements(c, root);
}
