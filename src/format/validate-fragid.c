/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XLIFF 2 fragment identifiers ("#/f=f1/u=u1/n=n1"): their syntax, the
 * constraints of the specification's "Fragment Identification" section,
 * and their resolution to an element of the document.
 *
 * A fragment identifier is an optional "/" and then selectors separated
 * by "/"; a selector is "prefix=id" or a bare "id".  The core prefixes
 * are f (file), g (group), u (unit), n (note), d (data) and t (an inline
 * element of a target); a bare id names a segment, an ignorable or an
 * inline element of a source.  Modules and registered extensions add
 * prefixes of two characters or more.  Constraints: no prefix twice; f,
 * g and u in that order, before the rest; exactly one leaf selector (n,
 * d, t, a bare id, a module or extension selector), and it comes last.
 * Without f the identifier is relative to the element that carries it:
 * "#n=n1" in a unit is a note of that unit.
 */
#include "system.h"

#include "core/xalloc.h"
#include "format/validate-internal.h"

static bool
is_core_prefix(const char *p)
{
	return p[0] && !p[1] && strchr("fgundt", p[0]);
}

/* Whether the selector ends the path (a note, data, inline element, or
 * something a module or an extension defines). */
static bool
is_leaf(const struct bt_fragsel *s)
{
	return !s->has_prefix || !is_core_prefix(s->prefix)
		|| strchr("ndt", s->prefix[0]);
}

static int
rank(const struct bt_fragsel *s)
{
	if (!s->has_prefix || !is_core_prefix(s->prefix))
		return 3;
	switch (s->prefix[0]) {
	case 'f': return 0;
	case 'g': return 1;
	case 'u': return 2;
	default: return 3;
	}
}

void
bt_fragid_release(struct bt_fragid *f)
{
	free(f->copy);
	f->copy = NULL;
	f->n = 0;
}

/* Whether s[0..n) is an NMTOKEN. */
static bool
nmtoken_n(const char *s, size_t n)
{
	char *copy = bt_xstrndup(s, n);
	bool ok = bt_vx_is_nmtoken(copy);
	free(copy);
	return ok;
}

const char *
bt_fragid_parse(const struct bt_vcheck *c, const char *value,
		struct bt_fragid *f)
{
	memset(f, 0, sizeof(*f));
	if (!value || value[0] != '#')
		return _("a fragment identifier starts with '#'");
	f->copy = bt_xstrdup(value + 1);
	char *s = f->copy;
	if (*s == '/')
		s++;
	if (!*s)
		return _("the fragment identifier is empty");
	for (;;) {
		char *end = strchr(s, '/');
		if (end)
			*end = '\0';
		if (!*s)
			return _("empty selector (two '/' in a row, or a final "
				 "'/')");
		if (f->n == BT_FRAGID_MAX)
			return _("too many selectors");
		struct bt_fragsel *sel = &f->sel[f->n++];
		char *eq = strchr(s, '=');
		if (eq) {
			size_t plen = (size_t) (eq - s);
			if (plen == 0)
				return _("a selector has '=' but no prefix");
			if (plen >= sizeof(sel->prefix))
				return _("a selector's prefix is too long");
			memcpy(sel->prefix, s, plen);
			sel->prefix[plen] = '\0';
			sel->has_prefix = true;
			s = eq + 1;
		}
		sel->id = s;
		sel->id_len = strlen(s);
		if (!end)
			break;
		s = end + 1;
	}

	char *reason = f->why;
	for (size_t i = 0; i < f->n; i++) {
		const struct bt_fragsel *sel = &f->sel[i];
		if (sel->has_prefix) {
			if (!bt_vx_is_nmtoken(sel->prefix)) {
				snprintf(reason, sizeof(f->why),
					 _("prefix '%s' is not an NMTOKEN"),
					 sel->prefix);
				return reason;
			}
			if (strlen(sel->prefix) == 1
			    && !is_core_prefix(sel->prefix)) {
				snprintf(reason, sizeof(f->why),
					 _("prefix '%s' is not one of XLIFF's "
					   "(f, g, u, n, d, t); module and "
					   "extension prefixes have two "
					   "characters or more"), sel->prefix);
				return reason;
			}
			if (!is_core_prefix(sel->prefix)
			    && !bt_validator_knows_prefix(c->v, sel->prefix)) {
				snprintf(reason, sizeof(f->why),
					 _("prefix '%s' is not registered (see "
					   "--prefixes)"), sel->prefix);
				return reason;
			}
			for (size_t j = 0; j < i; j++)
				if (f->sel[j].has_prefix
				    && !strcmp(f->sel[j].prefix, sel->prefix)) {
					snprintf(reason, sizeof(f->why),
						 _("prefix '%s' is used twice"),
						 sel->prefix);
					return reason;
				}
		}
		if (!nmtoken_n(sel->id, sel->id_len))
			return _("a selector's id is not an NMTOKEN");
		if (i > 0 && rank(sel) < rank(&f->sel[i - 1]))
			return _("selectors out of order (f, then g, then u, "
				 "then the rest)");
		if (is_leaf(sel) && i + 1 < f->n)
			return _("a note, data, inline, module or extension "
				 "selector must be the last one");
	}
	return NULL;
}

bool
bt_fragid_check(struct bt_vcheck *c, const xmlNode *n, const char *attr,
		const char *value)
{
	struct bt_fragid f;
	const char *why = bt_fragid_parse(c, value, &f);
	if (why)
		bt_validate_report(c, n, _("%s='%s' is not a valid fragment "
					   "identifier: %s"), attr, value, why);
	bt_fragid_release(&f);
	return why == NULL;
}

/* --- resolution ------------------------------------------------------ */

static const xmlNode *
ancestor(const xmlNode *n, const char *ns, const char *name)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (bt_vx_is(n, ns, name))
			return n;
	return NULL;
}

static bool
id_is(const xmlNode *n, const struct bt_fragsel *s)
{
	const char *id = bt_vx_attr(n, "id");
	return id && strlen(id) == s->id_len && !strncmp(id, s->id, s->id_len);
}

static bool
in_ns(const xmlNode *n, const char *ns)
{
	const char *have = bt_vx_ns(n);
	return have && !strcmp(have, ns);
}

/* The first element in the subtree of n (n excluded) in ns called name
 * (any name if NULL) whose id is sel's. */
static const xmlNode *
find_in(const xmlNode *n, const char *ns, const char *name,
	const struct bt_fragsel *sel)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((name ? bt_vx_is(c, ns, name) : in_ns(c, ns))
		    && id_is(c, sel))
			return c;
		const xmlNode *r = find_in(c, ns, name, sel);
		if (r)
			return r;
	}
	return NULL;
}

/* An element with sel's id inside the <source> (or <target>) children of
 * the unit's segments and ignorables. */
static const xmlNode *
find_inline(const struct bt_vcheck *c, const xmlNode *unit,
	    const char *part, const struct bt_fragsel *sel)
{
	for (const xmlNode *p = unit->children; p; p = p->next) {
		if (!bt_vx_is(p, c->core_ns, "segment")
		    && !bt_vx_is(p, c->core_ns, "ignorable"))
			continue;
		if (!strcmp(part, "source") && id_is(p, sel))
			return p;
		const xmlNode *content = bt_vx_child(p, c->core_ns, part);
		const xmlNode *r = find_in(content, c->core_ns, NULL, sel);
		if (r)
			return r;
	}
	return NULL;
}

const xmlNode *
bt_fragid_resolve(const struct bt_vcheck *c, const struct bt_fragid *f,
		  const xmlNode *context)
{
	const char *ns = c->core_ns;
	const xmlNode *file = ancestor(context, ns, "file");
	const xmlNode *group = ancestor(context, ns, "group");
	const xmlNode *unit = ancestor(context, ns, "unit");
	size_t i = 0;
	if (f->n == 0)
		return NULL;
	if (f->sel[0].has_prefix && !strcmp(f->sel[0].prefix, "f")) {
		const xmlNode *root = context->doc
			? xmlDocGetRootElement(context->doc) : NULL;
		file = NULL;
		for (const xmlNode *n = root ? root->children : NULL; n;
		     n = n->next)
			if (bt_vx_is(n, ns, "file") && id_is(n, &f->sel[0]))
				file = n;
		group = unit = NULL;
		i++;
		if (!file)
			return NULL;
	}
	/* The file being checked has its groups and units indexed. */
	const struct bt_x2file *ix = c->file && c->file->file == file
		? c->file : NULL;
	bool explicit_group = false;
	if (i < f->n && f->sel[i].has_prefix
	    && !strcmp(f->sel[i].prefix, "g")) {
		group = ix ? xmlHashLookup(ix->groups, BAD_CAST f->sel[i].id)
			: find_in(file, ns, "group", &f->sel[i]);
		explicit_group = true;
		unit = NULL;
		if (!group)
			return NULL;
		i++;
	}
	if (i < f->n && f->sel[i].has_prefix
	    && !strcmp(f->sel[i].prefix, "u")) {
		if (ix) {
			unit = xmlHashLookup(ix->units, BAD_CAST f->sel[i].id);
			/* With g, the unit must be in that group. */
			const xmlNode *up = unit;
			while (explicit_group && up && up != group)
				up = up->parent;
			if (!up)
				unit = NULL;
		} else {
			unit = find_in(explicit_group ? group : file, ns,
				       "unit", &f->sel[i]);
		}
		if (!explicit_group)
			group = NULL;
		if (!unit)
			return NULL;
		i++;
	}
	if (i == f->n)
		return unit ? unit : group ? group : file;
	const struct bt_fragsel *leaf = &f->sel[i];
	const xmlNode *scope = unit ? unit : group ? group : file;
	if (!leaf->has_prefix)
		return unit ? find_inline(c, unit, "source", leaf) : NULL;
	if (!strcmp(leaf->prefix, "n"))
		return find_in(bt_vx_child(scope, ns, "notes"), ns, "note",
			       leaf);
	if (!strcmp(leaf->prefix, "d"))
		return unit ? find_in(bt_vx_child(unit, ns, "originalData"),
				      ns, "data", leaf) : NULL;
	if (!strcmp(leaf->prefix, "t"))
		return unit ? find_inline(c, unit, "target", leaf) : NULL;
	return NULL;	/* a module or extension selector */
}
