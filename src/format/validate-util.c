/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Small helpers of the validator: borrowed attribute values and
 * inherited xml:lang / xml:space on a libxml2 tree, NMTOKENs, and the
 * well-formedness of BCP 47 language tags (RFC 5646, section 2.1).
 */
#include "system.h"

#include "core/xalloc.h"
#include "format/validate-internal.h"

bool
bt_vx_is(const xmlNode *n, const char *ns, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE
	    || strcmp((const char *) n->name, name))
		return false;
	const char *have = bt_vx_ns(n);
	if (!ns || !have)
		return !ns && !have;
	return !strcmp(ns, have);
}

const char *
bt_vx_ns(const xmlNode *n)
{
	return n && n->ns && n->ns->href ? (const char *) n->ns->href : NULL;
}

/* The text of an attribute node: one text child, or none for "". */
static const char *
attr_value(const xmlAttr *a)
{
	if (!a->children)
		return "";
	if (a->children->type == XML_TEXT_NODE && a->children->content)
		return (const char *) a->children->content;
	return "";
}

const char *
bt_vx_attr_ns(const xmlNode *n, const char *ns, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcmp((const char *) a->name, name))
			continue;
		const char *have = a->ns && a->ns->href
			? (const char *) a->ns->href : NULL;
		if ((!ns && !have) || (ns && have && !strcmp(ns, have)))
			return attr_value(a);
	}
	return NULL;
}

const char *
bt_vx_attr(const xmlNode *n, const char *name)
{
	return bt_vx_attr_ns(n, NULL, name);
}

const char *
bt_vx_attr_or(const xmlNode *n, const char *name, const char *dflt)
{
	const char *v = bt_vx_attr(n, name);
	return v ? v : dflt;
}

bool
bt_vx_attr_is(const xmlNode *n, const char *name, const char *value)
{
	const char *v = bt_vx_attr(n, name);
	return v && !strcmp(v, value);
}

static const char *
inherited(const xmlNode *n, const char *name)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const char *v = bt_vx_attr_ns(n, BT_NS_XML, name);
		if (v)
			return v;
	}
	return NULL;
}

const char *
bt_vx_lang(const xmlNode *n)
{
	return inherited(n, "lang");
}

const char *
bt_vx_space(const xmlNode *n)
{
	return inherited(n, "space");
}

long
bt_vx_line(const xmlNode *n)
{
	long line = n ? xmlGetLineNo(n) : 0;
	return line > 0 ? line : 0;
}

xmlNode *
bt_vx_child(const xmlNode *n, const char *ns, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (bt_vx_is(c, ns, name))
			return c;
	return NULL;
}

xmlNode *
bt_vx_next_element(const xmlNode *n)
{
	for (xmlNode *c = n ? n->next : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

bool
bt_vx_has_content(const xmlNode *n)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			return true;
		if ((c->type == XML_TEXT_NODE
		     || c->type == XML_CDATA_SECTION_NODE) && c->content)
			for (const xmlChar *s = c->content; *s; s++)
				if (*s != ' ' && *s != '\t' && *s != '\n'
				    && *s != '\r')
					return true;
	}
	return false;
}

bool
bt_vx_is_nmtoken(const char *s)
{
	if (!s || !*s)
		return false;
	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
		if (!(*p >= 0x80 || (*p >= 'a' && *p <= 'z')
		      || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
		      || *p == '.' || *p == '-' || *p == '_' || *p == ':'))
			return false;
	return true;
}

bool
bt_vx_is_uint(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

const xmlNode *
bt_vset_add(xmlHashTablePtr set, const char *key, const xmlNode *node)
{
	if (!key)
		return NULL;
	const xmlNode *have = xmlHashLookup(set, BAD_CAST key);
	if (have)
		return have;
	if (xmlHashAddEntry(set, BAD_CAST key, (void *) node) < 0)
		BT_BUG("out of memory");
	return NULL;
}

/* --- BCP 47 ---------------------------------------------------------- */

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
all_of(const char *s, size_t n, bool (*pred)(char))
{
	for (size_t i = 0; i < n; i++)
		if (!pred(s[i]))
			return false;
	return true;
}

/* The grandfathered tags of RFC 5646, which the ABNF lists whole. */
static const char *const grandfathered[] = {
	"en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak",
	"i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao",
	"i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
	"art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu",
	"zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
};

#define MAX_SUBTAGS 64

bool
bt_lang_wellformed(const char *tag)
{
	if (!tag || !*tag)
		return false;
	for (size_t i = 0; i < BT_ARRAY_SIZE(grandfathered); i++)
		if (!strcasecmp(tag, grandfathered[i]))
			return true;

	const char *sub[MAX_SUBTAGS];
	size_t len[MAX_SUBTAGS], n = 0;
	for (const char *s = tag;;) {
		const char *end = strchr(s, '-');
		size_t l = end ? (size_t) (end - s) : strlen(s);
		if (n == MAX_SUBTAGS || l < 1 || l > 8)
			return false;
		for (size_t k = 0; k < l; k++)
			if (!is_alpha(s[k]) && !is_digit(s[k]))
				return false;
		sub[n] = s;
		len[n++] = l;
		if (!end)
			break;
		s = end + 1;
	}

	size_t i = 0;
	/* privateuse = "x" 1*("-" 1*8alphanum) */
	if (len[0] == 1 && (sub[0][0] == 'x' || sub[0][0] == 'X'))
		return n >= 2;
	/* language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA */
	if (len[0] < 2 || !all_of(sub[0], len[0], is_alpha))
		return false;
	i = 1;
	if (len[0] <= 3)
		for (int k = 0; k < 3 && i < n && len[i] == 3
		     && all_of(sub[i], 3, is_alpha); k++)
			i++;
	/* script = 4ALPHA */
	if (i < n && len[i] == 4 && all_of(sub[i], 4, is_alpha))
		i++;
	/* region = 2ALPHA / 3DIGIT */
	if (i < n && ((len[i] == 2 && all_of(sub[i], 2, is_alpha))
		      || (len[i] == 3 && all_of(sub[i], 3, is_digit))))
		i++;
	/* variant = 5*8alphanum / (DIGIT 3alphanum) */
	while (i < n && (len[i] >= 5 || (len[i] == 4 && is_digit(sub[i][0]))))
		i++;
	/* extension = singleton 1*("-" (2*8alphanum)) */
	while (i < n && len[i] == 1 && sub[i][0] != 'x' && sub[i][0] != 'X') {
		i++;
		size_t k = 0;
		while (i < n && len[i] >= 2) {
			i++;
			k++;
		}
		if (!k)
			return false;
	}
	/* ["-" privateuse] */
	if (i < n && len[i] == 1 && (sub[i][0] == 'x' || sub[i][0] == 'X'))
		return i + 1 < n;
	return i == n;
}

bool
bt_lang_equal(const char *a, const char *b)
{
	return a && b && !strcasecmp(a, b);
}
