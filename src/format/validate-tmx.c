/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TMX 1.4b requirements that the DTD cannot express:
 *
 *   - <header>: srclang is a language tag or "*all*", adminlang a
 *     language tag; every <tu> holds a <tuv> in its source language
 *     (the tu's srclang, or the header's unless that is "*all*");
 *   - language tags (xml:lang, or the deprecated lang) are well-formed;
 *   - inline codes: i and x are integers; in each <tuv> a <bpt> i is used
 *     once; in each <seg> (and each <sub>, a content of its own) every
 *     <bpt> is closed by one later <ept> with the same i and every <ept>
 *     follows its <bpt>;
 *   - <ude>: a base when one of its <map> has a code; <map>: at least one
 *     of ent, subst, code.
 *
 * TMX 1.4b asks nothing of x beyond matching codes across the <tuv>s of a
 * <tu>: it need not be unique, so it is not checked for that.
 */
#include "system.h"

#include "format/validate-internal.h"

static bool
tmx(const xmlNode *n, const char *name)
{
	return bt_vx_is(n, NULL, name);
}

/* xml:lang, or TMX 1.1's lang. */
static const char *
lang_of(const xmlNode *n)
{
	const char *l = bt_vx_attr_ns(n, BT_NS_XML, "lang");
	return l ? l : bt_vx_attr(n, "lang");
}

/* TMX 1.4b names languages by RFC 3066 (now BCP 47); "x-" private tags
 * and the older forms BCP 47 kept are accepted. */
static void
check_lang(struct bt_vcheck *c, const xmlNode *n, const char *attr,
	   const char *tag)
{
	if (tag && !bt_lang_wellformed(tag))
		bt_validate_report(c, n, _("%s '%s' is not a well-formed "
					   "language tag"), attr, tag);
}

static void
check_integer(struct bt_vcheck *c, const xmlNode *n, const char *attr)
{
	const char *v = bt_vx_attr(n, attr);
	const char *digits = v && *v == '-' ? v + 1 : v;
	if (v && !bt_vx_is_uint(digits))
		bt_validate_report(c, n, _("<%s> %s='%s' is not an integer"),
				   (const char *) n->name, attr, v);
}

struct seg_pairs {
	xmlHashTablePtr open;	/* i -> <bpt> waiting for its <ept> */
	xmlHashTablePtr bpt_in_tuv;	/* i -> <bpt>, for the whole tuv */
};

static void pair_content(struct bt_vcheck *c, const xmlNode *content,
			 xmlHashTablePtr bpt_in_tuv);

static void
scan(struct bt_vcheck *c, const xmlNode *n, struct seg_pairs *p)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || bt_vx_ns(n))
			continue;
		if (tmx(n, "sub")) {
			pair_content(c, n, p->bpt_in_tuv);
			continue;
		}
		if (tmx(n, "bpt") || tmx(n, "ept") || tmx(n, "it")
		    || tmx(n, "ph") || tmx(n, "hi") || tmx(n, "ut")) {
			check_integer(c, n, "x");
			if (tmx(n, "bpt") || tmx(n, "ept"))
				check_integer(c, n, "i");
		}
		const char *i = bt_vx_attr(n, "i");
		if (tmx(n, "bpt") && i) {
			const xmlNode *first = bt_vset_add(p->bpt_in_tuv, i, n);
			if (first)
				bt_validate_report(c, n,
					_("<bpt i='%s'> is used twice in the "
					  "<tuv> (first at line %ld)"),
					i, bt_vx_line(first));
			bt_vset_add(p->open, i, n);
		} else if (tmx(n, "ept") && i) {
			if (xmlHashLookup(p->open, BAD_CAST i))
				xmlHashRemoveEntry(p->open, BAD_CAST i, NULL);
			else
				bt_validate_report(c, n,
					_("<ept i='%s'> has no open <bpt "
					  "i='%s'> before it in the same "
					  "content"),
					i, i);
		}
		scan(c, n->children, p);
	}
}

static void
report_open(void *payload, void *data, const xmlChar *name)
{
	bt_validate_report(data, payload, _("<bpt i='%s'> has no <ept> "
					    "after it in the same content"),
			   (const char *) name);
}

static void
pair_content(struct bt_vcheck *c, const xmlNode *content,
	     xmlHashTablePtr bpt_in_tuv)
{
	struct seg_pairs p = { xmlHashCreate(8), bpt_in_tuv };
	scan(c, content->children, &p);
	xmlHashScan(p.open, report_open, c);
	xmlHashFree(p.open, NULL);
}

static void
check_tuv(struct bt_vcheck *c, const xmlNode *tuv)
{
	const char *lang = lang_of(tuv);
	if (!lang)
		bt_validate_report(c, tuv, _("<tuv> has no xml:lang"));
	check_lang(c, tuv, "xml:lang", lang);
	xmlHashTablePtr bpts = xmlHashCreate(8);
	for (const xmlNode *s = tuv->children; s; s = s->next)
		if (tmx(s, "seg"))
			pair_content(c, s, bpts);
	xmlHashFree(bpts, NULL);
}

static void
check_tu(struct bt_vcheck *c, const xmlNode *tu, const char *header_src)
{
	const char *src = bt_vx_attr(tu, "srclang");
	if (src && strcmp(src, "*all*"))
		check_lang(c, tu, "srclang", src);
	if (!src)
		src = header_src;
	bool found = false;
	for (const xmlNode *n = tu->children; n; n = n->next) {
		if (!tmx(n, "tuv"))
			continue;
		check_tuv(c, n);
		if (src && bt_lang_equal(lang_of(n), src))
			found = true;
	}
	if (src && strcmp(src, "*all*") && !found)
		bt_validate_report(c, tu, _("<tu> has no <tuv> in its source "
					    "language '%s'"), src);
}

static void
check_ude(struct bt_vcheck *c, const xmlNode *ude)
{
	bool code = false;
	for (const xmlNode *m = ude->children; m; m = m->next) {
		if (!tmx(m, "map"))
			continue;
		if (bt_vx_attr(m, "code"))
			code = true;
		if (!bt_vx_attr(m, "code") && !bt_vx_attr(m, "ent")
		    && !bt_vx_attr(m, "subst"))
			bt_validate_report(c, m,
				_("<map> needs at least one of code, ent, "
				  "subst"));
	}
	if (code && !bt_vx_attr(ude, "base"))
		bt_validate_report(c, ude, _("<ude> needs a base: one of its "
					     "<map> elements has a code"));
}

/* Language tags on <note> and <prop> anywhere. */
static void
check_langs(struct bt_vcheck *c, const xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tmx(n, "note") || tmx(n, "prop"))
			check_lang(c, n, "xml:lang", lang_of(n));
		check_langs(c, n->children);
	}
}

void
bt_validate_tmx(struct bt_vcheck *c, xmlNode *root)
{
	const xmlNode *header = bt_vx_child(root, NULL, "header");
	const xmlNode *body = bt_vx_child(root, NULL, "body");
	const char *src = header ? bt_vx_attr(header, "srclang") : NULL;
	if (header) {
		if (src && strcmp(src, "*all*"))
			check_lang(c, header, "srclang", src);
		check_lang(c, header, "adminlang",
			   bt_vx_attr(header, "adminlang"));
		for (const xmlNode *n = header->children; n; n = n->next)
			if (tmx(n, "ude"))
				check_ude(c, n);
	}
	for (const xmlNode *tu = body ? body->children : NULL; tu;
	     tu = tu->next)
		if (tmx(tu, "tu"))
			check_tu(c, tu, src);
	check_langs(c, root->children);
}
