/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XLIFF 1.2 processing requirements the schema leaves out.  The schema's
 * keys already make trans-unit, group and bpt/bx rid values unique and
 * have every ept/ex rid name a bpt/bx; what it cannot see is order and
 * completeness: in each <source>, <seg-source> or <target> (and in each
 * <sub>, a content of its own), every <bpt> is closed by one later <ept>
 * and every <bx> by one later <ex>, paired by rid, or by id when there is
 * no rid.
 */
#include "system.h"

#include "format/validate-internal.h"

struct pairing {
	const char *open, *close;	/* "bpt"/"ept" or "bx"/"ex" */
	xmlHashTablePtr started;	/* key -> open element */
	xmlHashTablePtr ended;		/* key -> close element */
};

static const char *
pair_key(const xmlNode *n)
{
	const char *rid = bt_vx_attr(n, "rid");
	return rid ? rid : bt_vx_attr(n, "id");
}

static void walk_content(struct bt_vcheck *c, const xmlNode *content);

/* Pairs the codes of one content, in document order; <sub> elements are
 * contents of their own. */
static void
scan(struct bt_vcheck *c, const xmlNode *n, struct pairing *p)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE
		    || !bt_vx_ns(n) || strcmp(bt_vx_ns(n), BT_NS_XLIFF12))
			continue;
		const char *name = (const char *) n->name;
		if (!strcmp(name, "sub")) {
			walk_content(c, n);
			continue;
		}
		const char *key = pair_key(n);
		if (!strcmp(name, p->open) && key) {
			const xmlNode *first = bt_vset_add(p->started, key, n);
			if (first)
				bt_validate_report(c, n, _("<%s> %s '%s' is "
							   "used twice in this "
							   "content (first at "
							   "line %ld)"), name,
						   bt_vx_attr(n, "rid") ? "rid"
						   : "id", key,
						   bt_vx_line(first));
		} else if (!strcmp(name, p->close) && key) {
			if (!xmlHashLookup(p->started, BAD_CAST key))
				bt_validate_report(c, n, _("<%s> '%s' has no "
							   "<%s> before it"),
						   name, key, p->open);
			else if (bt_vset_add(p->ended, key, n))
				bt_validate_report(c, n, _("<%s> '%s' is ended "
							   "twice"), p->open,
						   key);
		}
		scan(c, n->children, p);
	}
}

static void
pair_codes(struct bt_vcheck *c, const xmlNode *content, const char *open,
	   const char *close)
{
	struct pairing p = { open, close, xmlHashCreate(8),
			     xmlHashCreate(8) };
	scan(c, content->children, &p);
	/* Starts without an end, in document order. */
	for (const xmlNode *n = content->children; n;) {
		if (n->type == XML_ELEMENT_NODE
		    && bt_vx_is(n, BT_NS_XLIFF12, open)) {
			const char *key = pair_key(n);
			if (key && xmlHashLookup(p.started, BAD_CAST key) == n
			    && !xmlHashLookup(p.ended, BAD_CAST key))
				bt_validate_report(c, n, _("<%s> '%s' has no "
							   "<%s> after it"),
						   open, key, close);
		}
		/* Depth-first, but not into <sub>. */
		if (n->children && n->type == XML_ELEMENT_NODE
		    && !bt_vx_is(n, BT_NS_XLIFF12, "sub")) {
			n = n->children;
			continue;
		}
		while (n && !n->next && n->parent != content)
			n = n->parent;
		n = n ? n->next : NULL;
	}
	xmlHashFree(p.started, NULL);
	xmlHashFree(p.ended, NULL);
}

static void
walk_content(struct bt_vcheck *c, const xmlNode *content)
{
	pair_codes(c, content, "bpt", "ept");
	pair_codes(c, content, "bx", "ex");
}

static void
walk(struct bt_vcheck *c, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (bt_vx_is(n, BT_NS_XLIFF12, "source")
		    || bt_vx_is(n, BT_NS_XLIFF12, "seg-source")
		    || bt_vx_is(n, BT_NS_XLIFF12, "target"))
			walk_content(c, n);
		else
			walk(c, n->children);
	}
}

void
bt_validate_xliff12(struct bt_vcheck *c, xmlNode *root)
{
	walk(c, root->children);
}
