/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The ITS 2.0 rules engine; see its.h.
 *
 * Rules are kept in precedence order: a rule's place in the list is its
 * rank, and a node takes, for each data category, the value of the
 * highest-ranked rule that selects it.  Local markup ranks above every
 * rule; inheritance (Translate, Localization Note, Preserve Space) only
 * fills what neither set.  Since ranks decide, rules can be evaluated in
 * any order, which lets the common selectors be matched without XPath:
 * a selector that is a union of //name, //@name, //name/@name and
 * //name/.. steps is looked up by name during one walk of the tree,
 * where evaluating forty such rules with XPath would walk the tree forty
 * times.  Anything else goes to libxml2's XPath engine, with the rule's
 * in-scope namespaces and its its:param values as variables.
 *
 * Elements are numbered in document order; node->_private holds the
 * number plus one (attributes: the number of their state plus one).
 * Pointers (locNotePointer, locNoteRefPointer, idValue) are evaluated
 * only for the rule that wins on each node, once every rule is applied.
 */
#include "system.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "filter/its.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "core/xalloc.h"
#include "core/xml-safe.h"

#define XLINK_NS "http://www.w3.org/1999/xlink"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

/* Rule files linking rule files: this deep at most (cycles end here). */
enum { MAX_LINK_DEPTH = 8 };

enum its_cat { CAT_TRANSLATE, CAT_WITHIN, CAT_NOTE, CAT_ID, CAT_SPACE,
	       N_CAT };

/* Rank of local markup: above every rule. */
#define RANK_LOCAL UINT32_MAX

/* Set on the elements of its:rules during the last pass only. */
#define IN_RULES (1 << 7)

struct its_param {
	char *name;		/* owned */
	char *value;		/* owned */
};

/* One step of a selector simple enough to match by name: //a, //p:a,
 * //@b, //a/@b, //a/.. (a's parent). */
struct fast_step {
	char *ns, *local;	/* the element; local NULL: any element */
	char *ans, *alocal;	/* its attribute; alocal NULL: the element */
	bool up;		/* the element's parent instead */
};

struct its_rule {
	enum its_cat cat;
	uint8_t value;		/* translate 0/1, within, space 0/1 */
	char *selector;		/* owned */
	char *file;		/* owned; the file the rule is in */
	long line;
	xmlNsPtr *ns;		/* owned (xmlFree); in-scope namespaces */
	int n_ns;
	size_t param_from, param_to;	/* its params in rules->params */
	struct fast_step *fast;	/* owned; NULL: XPath */
	size_t n_fast;
	xmlXPathCompExprPtr sel;	/* compiled while applied */
	char *note;		/* owned; the note, or locNoteRef's URI */
	bool alert, ref;
	char *pointer;		/* owned; locNote(Ref)Pointer, idValue */
	xmlXPathCompExprPtr ptr;	/* compiled while applied */
};

struct bt_its_rules {
	struct its_rule *rules;
	size_t n, cap;
	struct its_param *params;
	size_t n_params, cap_params;
	xmlDocPtr *docs;	/* owned; rule files, kept for ns */
	size_t n_docs;
};

/* What the rules and local markup say of one node, while applying. */
struct node_state {
	uint32_t rank[N_CAT];	/* 0: unset; rule index + 1; RANK_LOCAL */
	uint8_t value[N_CAT];
	uint32_t note, id;	/* local markup's, resolved */
};

struct fast_entry {
	size_t rule, next;	/* next: SIZE_MAX ends the chain */
	bool up;		/* selects the parent of the node found */
};

struct apply {
	struct bt_its_rules *r;
	xmlDocPtr doc;
	const char *path;
	unsigned flags;
	xmlXPathContextPtr xp;
	size_t param_from, param_to;	/* variables now registered */
	xmlNodePtr *elems;	/* owned; by number */
	size_t n_elems;
	struct node_state *est;	/* owned; by element number */
	struct node_state *ast;	/* owned; attributes' */
	xmlAttrPtr *attrs;	/* owned; the attribute of each ast */
	size_t n_attrs, cap_attrs;
	xmlNodePtr *rules_elems;	/* owned; the doc's its:rules */
	size_t n_rules_elems;
	/* Fast selectors: key -> first entry of a chain of rules. */
	struct bt_strmap fast;
	struct fast_entry *entries;
	size_t n_entries;
	bool fast_attrs;	/* some fast step selects attributes */
	struct bt_strmap note_index;	/* interned notes */
	struct bt_its_map *map;
	struct bt_buf key;
};

/* --- small helpers -------------------------------------------------- */

static bool
is_its(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href
		&& !strcmp((const char *) n->ns->href, BT_ITS_NS)
		&& !strcmp((const char *) n->name, name);
}

static bool
attr_in(const xmlAttr *a, const char *ns, const char *name)
{
	if (strcmp((const char *) a->name, name))
		return false;
	if (!ns)
		return !a->ns;
	return a->ns && a->ns->href && !strcmp((const char *) a->ns->href, ns);
}

/* The value of an attribute (caller frees), "" when empty. */
static char *
attr_value(const xmlAttr *a)
{
	xmlChar *v = xmlNodeListGetString(a->doc, a->children, 1);
	char *s = bt_xstrdup(v ? (const char *) v : "");
	xmlFree(v);
	return s;
}

/* Attribute name (without namespace) of element n, or NULL.  Caller
 * frees. */
static char *
plain_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (attr_in(a, NULL, name))
			return attr_value(a);
	return NULL;
}

static char *
node_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = bt_xstrdup(t ? (const char *) t : "");
	xmlFree(t);
	return s;
}

/* A syntax error in a rule (or local markup) at file:line.  Returns -1. */
static int rule_error(struct bt_error *err, const char *file, long line,
		      const char *fmt, ...) BT_PRINTF(4, 5);

static int
rule_error(struct bt_error *err, const char *file, long line,
	   const char *fmt, ...)
{
	struct bt_buf msg = BT_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	bt_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	bt_error_set(err, BT_ESYNTAX, file, "%s", bt_buf_cstr(&msg));
	bt_buf_release(&msg);
	if (line > 0)
		bt_error_at_line(err, line);
	return -1;
}

/* libxml2's XPath message, without its trailing newline.  Its context
 * keeps the error's code; the message is in the global last error. */
static const char *
xpath_message(xmlXPathContextPtr xp, char *buf, size_t size)
{
	const xmlError *g = xmlGetLastError();
	const char *m = xp->lastError.message;
	if (!m && g && g->domain == XML_FROM_XPATH)
		m = g->message;
	snprintf(buf, size, "%s", m ? m : "?");
	size_t n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return buf;
}

/* --- reading rules -------------------------------------------------- */

static void free_steps(struct fast_step *steps, size_t n);

static void
rule_release(struct its_rule *rule)
{
	free(rule->selector);
	free(rule->file);
	xmlFree(rule->ns);
	free_steps(rule->fast, rule->n_fast);
	if (rule->sel)
		xmlXPathFreeCompExpr(rule->sel);
	if (rule->ptr)
		xmlXPathFreeCompExpr(rule->ptr);
	free(rule->note);
	free(rule->pointer);
}

struct bt_its_rules *
bt_its_rules_new(void)
{
	return bt_xcalloc(1, sizeof(struct bt_its_rules));
}

/* Drops the rules from number n on (and their params from np on). */
static void
truncate_rules(struct bt_its_rules *r, size_t n, size_t np)
{
	while (r->n > n)
		rule_release(&r->rules[--r->n]);
	while (r->n_params > np) {
		r->n_params--;
		free(r->params[r->n_params].name);
		free(r->params[r->n_params].value);
	}
}

void
bt_its_rules_free(struct bt_its_rules *r)
{
	if (!r)
		return;
	truncate_rules(r, 0, 0);
	free(r->rules);
	free(r->params);
	for (size_t i = 0; i < r->n_docs; i++)
		xmlFreeDoc(r->docs[i]);
	free(r->docs);
	free(r);
}

static bool
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the XML name (NCName) at s, 0 if none.  Lenient: any byte
 * above 0x7F counts as a name character. */
static size_t
ncname_len(const char *s)
{
	size_t i = 0;
	unsigned char c = (unsigned char) s[0];
	if (!(c == '_' || is_letter(c) || c >= 0x80))
		return 0;
	while ((c = (unsigned char) s[++i]) && (c == '_' || c == '-'
		|| c == '.' || is_letter(c) || (c >= '0' && c <= '9')
		|| c >= 0x80))
		;
	return i;
}

/* The namespace bound to prefix[0..len) for rule, or NULL when unbound. */
static const char *
rule_ns(const struct its_rule *rule, const char *prefix, size_t len)
{
	if (len == 3 && !memcmp(prefix, "xml", 3))
		return XML_NS;
	for (int i = 0; i < rule->n_ns; i++) {
		const char *p = (const char *) rule->ns[i]->prefix;
		if (p && strlen(p) == len && !memcmp(p, prefix, len))
			return (const char *) rule->ns[i]->href;
	}
	return NULL;
}

/*
 * Reads the QName at *s into *ns / *local (owned copies; ns NULL for no
 * prefix).  Returns false if there is none or its prefix is unbound.
 */
static bool
parse_qname(const struct its_rule *rule, const char **s, char **ns,
	    char **local)
{
	size_t n = ncname_len(*s);
	if (!n)
		return false;
	const char *name = *s;
	*ns = NULL;
	if ((*s)[n] == ':' && ncname_len(*s + n + 1)) {
		const char *uri = rule_ns(rule, *s, n);
		if (!uri)
			return false;
		name = *s + n + 1;
		*ns = bt_xstrdup(uri);
		n = ncname_len(name);
	}
	*local = bt_xstrndup(name, n);
	*s = name + n;
	return true;
}

static void
skip_blanks(const char **s)
{
	while (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')
		(*s)++;
}

/* One step of a fast selector at *s. */
static bool
parse_fast_step(const struct its_rule *rule, const char **s,
		struct fast_step *st)
{
	memset(st, 0, sizeof(*st));
	if (strncmp(*s, "//", 2))
		return false;
	*s += 2;
	if (**s != '@') {
		if (!parse_qname(rule, s, &st->ns, &st->local))
			return false;
		if (!strncmp(*s, "/..", 3) && (*s)[3] != '.'
		    && (*s)[3] != '/') {
			*s += 3;
			st->up = true;
			return true;
		}
		if (strncmp(*s, "/@", 2))
			return true;
		(*s)++;
	}
	(*s)++;		/* the '@' */
	return parse_qname(rule, s, &st->ans, &st->alocal);
}

static void
free_steps(struct fast_step *steps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(steps[i].ns);
		free(steps[i].local);
		free(steps[i].ans);
		free(steps[i].alocal);
	}
	free(steps);
}

/* Sets rule->fast when the selector is a union of simple steps. */
static void
parse_fast(struct its_rule *rule)
{
	const char *s = rule->selector;
	struct fast_step *steps = NULL;
	size_t n = 0;
	for (;;) {
		skip_blanks(&s);
		steps = bt_xreallocarray(steps, n + 1, sizeof(*steps));
		bool ok = parse_fast_step(rule, &s, &steps[n++]);
		skip_blanks(&s);
		if (!ok || (*s && *s != '|'))
			break;
		if (!*s) {
			rule->fast = steps;
			rule->n_fast = n;
			return;
		}
		s++;
	}
	free_steps(steps, n);
}

static struct its_rule *
new_rule(struct bt_its_rules *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->rules = bt_xreallocarray(r->rules, r->cap,
					    sizeof(*r->rules));
	}
	struct its_rule *rule = &r->rules[r->n++];
	memset(rule, 0, sizeof(*rule));
	return rule;
}

/* The value of attr (no namespace) of a rule element as one of words
 * (NULL-terminated); its index, or -1 with err. */
static int
rule_choice(xmlNodePtr el, const char *attr, const char *const *words,
	    const char *file, struct bt_error *err)
{
	char *v = plain_attr(el, attr);
	if (!v)
		return rule_error(err, file, xmlGetLineNo(el),
				  _("ITS %s needs the attribute %s"),
				  (const char *) el->name, attr);
	for (int i = 0; words[i]; i++)
		if (!strcmp(v, words[i])) {
			free(v);
			return i;
		}
	bt_error_set(err, BT_ESYNTAX, file,
		     _("ITS %s: '%s' is not a value of %s"),
		     (const char *) el->name, v, attr);
	bt_error_at_line(err, xmlGetLineNo(el));
	free(v);
	return -1;
}

/* The Localization Note of a locNoteRule: its:locNote, a pointer, a
 * reference or a reference pointer. */
static int
read_loc_note(struct its_rule *rule, xmlNodePtr el, const char *file,
	      struct bt_error *err)
{
	static const char *const types[] = { "description", "alert", NULL };
	char *type = plain_attr(el, "locNoteType");
	int t = 0;	/* a description, when the type is left out */
	if (type && (t = rule_choice(el, "locNoteType", types, file, err)) < 0)
		t = -1;
	free(type);
	if (t < 0)
		return -1;
	rule->alert = t == 1;
	for (xmlNodePtr c = el->children; c; c = c->next)
		if (is_its(c, "locNote")) {
			rule->note = node_text(c);
			return 0;
		}
	if ((rule->pointer = plain_attr(el, "locNotePointer")))
		return 0;
	rule->ref = true;
	if ((rule->note = plain_attr(el, "locNoteRef")))
		return 0;
	if ((rule->pointer = plain_attr(el, "locNoteRefPointer")))
		return 0;
	return rule_error(err, file, xmlGetLineNo(el),
			  _("ITS %s has no note (%s)"),
			  (const char *) el->name,
			  "locNote, locNotePointer, locNoteRef, "
			  "locNoteRefPointer");
}

/* The value of each kind of rule: what it sets, from which attribute. */
static int
read_rule_value(struct its_rule *rule, xmlNodePtr el, const char *file,
		struct bt_error *err)
{
	static const char *const yes_no[] = { "no", "yes", NULL };
	static const char *const within[] = { "no", "yes", "nested", NULL };
	static const char *const space[] = { "default", "preserve", NULL };
	int v = 0;
	switch (rule->cat) {
	case CAT_TRANSLATE:
		v = rule_choice(el, "translate", yes_no, file, err);
		break;
	case CAT_WITHIN:
		v = rule_choice(el, "withinText", within, file, err);
		break;
	case CAT_SPACE:
		v = rule_choice(el, "space", space, file, err);
		break;
	case CAT_NOTE:
		return read_loc_note(rule, el, file, err);
	case CAT_ID:
		if (!(rule->pointer = plain_attr(el, "idValue")))
			return rule_error(err, file, xmlGetLineNo(el),
					  _("ITS %s needs the attribute %s"),
					  (const char *) el->name, "idValue");
		return 0;
	default:
		break;
	}
	if (v < 0)
		return -1;
	rule->value = (uint8_t) v;
	return 0;
}

/* Adds the rule element el, if it is one of the rules we know. */
static int
add_rule(struct bt_its_rules *r, xmlDocPtr doc, xmlNodePtr el,
	 const char *file, size_t param_from, struct bt_error *err)
{
	static const struct {
		const char *name;
		enum its_cat cat;
	} kinds[] = {
		{ "translateRule", CAT_TRANSLATE },
		{ "withinTextRule", CAT_WITHIN },
		{ "locNoteRule", CAT_NOTE },
		{ "idValueRule", CAT_ID },
		{ "preserveSpaceRule", CAT_SPACE },
	};
	size_t k = 0;
	while (k < BT_ARRAY_SIZE(kinds) && !is_its(el, kinds[k].name))
		k++;
	if (k == BT_ARRAY_SIZE(kinds))
		return 0;	/* a data category we do not use */
	char *selector = plain_attr(el, "selector");
	if (!selector)
		return rule_error(err, file, xmlGetLineNo(el),
				  _("ITS %s needs the attribute %s"),
				  (const char *) el->name, "selector");
	struct its_rule *rule = new_rule(r);
	rule->cat = kinds[k].cat;
	rule->selector = selector;
	rule->file = bt_xstrdup(file);
	rule->line = xmlGetLineNo(el);
	rule->ns = xmlGetNsList(doc, el);
	while (rule->ns && rule->ns[rule->n_ns])
		rule->n_ns++;
	rule->param_from = param_from;
	rule->param_to = r->n_params;
	if (read_rule_value(rule, el, file, err) < 0)
		return -1;
	parse_fast(rule);
	return 0;
}

static int add_rules_element(struct bt_its_rules *r, xmlDocPtr doc,
			     xmlNodePtr rules, const char *file, int depth,
			     struct bt_error *err);

/* The file an xlink:href of file points at.  Caller frees. */
static char *
resolve_link(const char *file, const char *href)
{
	if (!strncmp(href, "file://", 7))
		href += 7;
	else if (!strncmp(href, "file:", 5))
		href += 5;
	const char *slash = strrchr(file, '/');
	if (href[0] == '/' || !slash)
		return bt_xstrdup(href);
	return bt_xasprintf("%.*s/%s", (int) (slash - file), file, href);
}

static int
add_file(struct bt_its_rules *r, const char *path, int depth,
	 struct bt_error *err);

/* The rules an its:rules element links with xlink:href, if any. */
static int
add_linked(struct bt_its_rules *r, xmlNodePtr rules, const char *file,
	   int depth, struct bt_error *err)
{
	char *href = NULL;
	for (xmlAttrPtr a = rules->properties; a && !href; a = a->next)
		if (attr_in(a, XLINK_NS, "href"))
			href = attr_value(a);
	if (!href)
		return 0;
	int rc;
	if (strstr(href, "://") && strncmp(href, "file://", 7))
		rc = rule_error(err, file, xmlGetLineNo(rules),
				_("ITS rules at '%s' are not read: only "
				  "local files are"), href);
	else if (depth >= MAX_LINK_DEPTH)
		rc = rule_error(err, file, xmlGetLineNo(rules),
				_("ITS rules link '%s' too deep (a cycle?)"),
				href);
	else {
		char *path = resolve_link(file, href);
		rc = add_file(r, path, depth + 1, err);
		free(path);
	}
	free(href);
	return rc;
}

static int
add_rules_element(struct bt_its_rules *r, xmlDocPtr doc, xmlNodePtr rules,
		  const char *file, int depth, struct bt_error *err)
{
	char *ql = plain_attr(rules, "queryLanguage");
	if (ql && strcmp(ql, "xpath")) {
		rule_error(err, file, xmlGetLineNo(rules),
			   _("ITS rules in the query language '%s' are not "
			     "supported (only %s)"), ql, "xpath");
		free(ql);
		return -1;
	}
	free(ql);
	if (add_linked(r, rules, file, depth, err) < 0)
		return -1;
	size_t param_from = r->n_params;
	for (xmlNodePtr c = rules->children; c; c = c->next) {
		if (!is_its(c, "param"))
			continue;
		char *name = plain_attr(c, "name");
		if (!name)
			return rule_error(err, file, xmlGetLineNo(c),
					  _("ITS %s needs the attribute %s"),
					  "param", "name");
		if (r->n_params == r->cap_params) {
			r->cap_params = r->cap_params ? 2 * r->cap_params : 8;
			r->params = bt_xreallocarray(r->params, r->cap_params,
						     sizeof(*r->params));
		}
		r->params[r->n_params].name = name;
		r->params[r->n_params++].value = node_text(c);
	}
	for (xmlNodePtr c = rules->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE
		    && add_rule(r, doc, c, file, param_from, err) < 0)
			return -1;
	return 0;
}

/* Every its:rules element under n (n included), in document order. */
static int
add_rules_under(struct bt_its_rules *r, xmlDocPtr doc, xmlNodePtr n,
		const char *file, int depth, struct bt_error *err)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		int rc = is_its(n, "rules")
			? add_rules_element(r, doc, n, file, depth, err)
			: add_rules_under(r, doc, n->children, file, depth,
					  err);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
add_file(struct bt_its_rules *r, const char *path, int depth,
	 struct bt_error *err)
{
	xmlDocPtr doc = bt_xml_read_file(path, err);
	if (!doc)
		return -1;
	r->docs = bt_xreallocarray(r->docs, r->n_docs + 1, sizeof(*r->docs));
	r->docs[r->n_docs++] = doc;
	return add_rules_under(r, doc, xmlDocGetRootElement(doc), path, depth,
			       err);
}

int
bt_its_rules_add_file(struct bt_its_rules *r, const char *path,
		      struct bt_error *err)
{
	return add_file(r, path, 0, err);
}

/* --- applying: marking the nodes rules select ------------------------ */

static struct node_state *
state_of(struct apply *a, xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE && n->_private)
		return &a->est[(uintptr_t) n->_private - 1];
	if (n->type != XML_ATTRIBUTE_NODE)
		return NULL;
	if (!n->_private) {
		if (a->n_attrs == a->cap_attrs) {
			a->cap_attrs = a->cap_attrs ? 2 * a->cap_attrs : 64;
			a->ast = bt_xreallocarray(a->ast, a->cap_attrs,
						  sizeof(*a->ast));
			a->attrs = bt_xreallocarray(a->attrs, a->cap_attrs,
						    sizeof(*a->attrs));
		}
		memset(&a->ast[a->n_attrs], 0, sizeof(*a->ast));
		a->attrs[a->n_attrs] = (xmlAttrPtr) n;
		n->_private = (void *) (uintptr_t) ++a->n_attrs;
	}
	return &a->ast[(uintptr_t) n->_private - 1];
}

static void
mark(struct apply *a, xmlNodePtr n, size_t rule_index)
{
	const struct its_rule *rule = &a->r->rules[rule_index];
	struct node_state *st = state_of(a, n);
	uint32_t rank = (uint32_t) rule_index + 1;
	if (st && st->rank[rule->cat] < rank) {
		st->rank[rule->cat] = rank;
		st->value[rule->cat] = rule->value;
	}
}

/* Numbers the elements of the tree in document order; finds its:rules. */
static void
number_elements(struct apply *a)
{
	size_t cap = 1024;
	a->elems = bt_xmalloc(cap * sizeof(*a->elems));
	xmlNodePtr n = xmlDocGetRootElement(a->doc);
	while (n) {
		if (a->n_elems == cap) {
			cap *= 2;
			a->elems = bt_xreallocarray(a->elems, cap,
						    sizeof(*a->elems));
		}
		a->elems[a->n_elems++] = n;
		n->_private = (void *) (uintptr_t) a->n_elems;
		if (is_its(n, "rules")) {
			a->rules_elems = bt_xreallocarray(a->rules_elems,
				a->n_rules_elems + 1, sizeof(*a->rules_elems));
			a->rules_elems[a->n_rules_elems++] = n;
		}
		xmlNodePtr next = xmlFirstElementChild(n);
		while (!next && n) {
			next = xmlNextElementSibling(n);
			if (!next) {
				n = n->parent;
				if (n && n->type != XML_ELEMENT_NODE)
					n = NULL;
			}
		}
		n = next;
	}
	a->est = bt_xcalloc(a->n_elems ? a->n_elems : 1, sizeof(*a->est));
}

/* Key of a fast step, or of a node to look up, in a->key. */
static const char *
make_key(struct apply *a, char kind, const char *ns, const char *local,
	 const char *ans, const char *alocal)
{
	struct bt_buf *k = &a->key;
	bt_buf_reset(k);
	bt_buf_addch(k, kind);
	if (local) {
		bt_buf_addstr(k, ns ? ns : "");
		bt_buf_addch(k, '\1');
		bt_buf_addstr(k, local);
	}
	if (alocal) {
		bt_buf_addch(k, '\1');
		bt_buf_addstr(k, ans ? ans : "");
		bt_buf_addch(k, '\1');
		bt_buf_addstr(k, alocal);
	}
	return bt_buf_cstr(k);
}

static void
index_fast_rules(struct apply *a)
{
	for (size_t i = 0; i < a->r->n; i++) {
		const struct its_rule *rule = &a->r->rules[i];
		for (size_t j = 0; j < rule->n_fast; j++) {
			const struct fast_step *st = &rule->fast[j];
			char kind = !st->alocal ? 'E' : st->local ? 'O' : 'A';
			const char *key = make_key(a, kind, st->ns, st->local,
						   st->ans, st->alocal);
			a->fast_attrs |= st->alocal != NULL;
			a->entries = bt_xreallocarray(a->entries,
				a->n_entries + 1, sizeof(*a->entries));
			a->entries[a->n_entries] = (struct fast_entry){ i,
							SIZE_MAX, st->up };
			size_t head = bt_strmap_get(&a->fast, key);
			if (head == SIZE_MAX) {
				bt_strmap_put(&a->fast, key, a->n_entries);
			} else {
				while (a->entries[head].next != SIZE_MAX)
					head = a->entries[head].next;
				a->entries[head].next = a->n_entries;
			}
			a->n_entries++;
		}
	}
}

static const char *
ns_of(const xmlNs *ns)
{
	return ns ? (const char *) ns->href : NULL;
}

/*
 * The chain of fast rules for a kind of node, by the pointers of its
 * names: libxml2 keeps each name once in the document's dictionary and
 * each namespace once per declaration, so a few slots remember what the
 * same names found last time, without building and hashing a key.
 */
struct name_slot {
	const void *p[4];	/* element name and ns, attribute name and ns */
	size_t head;
	bool used;
};

enum { NAME_SLOTS = 256 };

static size_t
chain_of(struct apply *a, struct name_slot *slots, char kind,
	 const xmlNode *el, const xmlAttr *at)
{
	const void *p[4] = { el ? el->name : NULL, el ? el->ns : NULL,
			     at ? at->name : NULL, at ? at->ns : NULL };
	uintptr_t h = (uintptr_t) p[0] * 31 + (uintptr_t) p[1] * 7
		+ (uintptr_t) p[2] * 131 + (uintptr_t) p[3];
	struct name_slot *slot = &slots[(h >> 4) % NAME_SLOTS];
	if (slot->used && !memcmp(slot->p, p, sizeof(p)))
		return slot->head;
	const char *key = make_key(a, kind,
		el ? ns_of(el->ns) : NULL, el ? (const char *) el->name : NULL,
		at ? ns_of(at->ns) : NULL, at ? (const char *) at->name : NULL);
	memcpy(slot->p, p, sizeof(p));
	slot->head = bt_strmap_get(&a->fast, key);
	slot->used = true;
	return slot->head;
}

static void
apply_chain(struct apply *a, size_t e, xmlNodePtr n)
{
	for (; e != SIZE_MAX; e = a->entries[e].next) {
		bool up = a->entries[e].up;
		xmlNodePtr m = up ? n->parent : n;
		if (m && (!up || m->type == XML_ELEMENT_NODE))
			mark(a, m, a->entries[e].rule);
	}
}

/* One walk applies every fast rule. */
static void
apply_fast_rules(struct apply *a)
{
	index_fast_rules(a);
	if (!a->n_entries)
		return;
	struct name_slot *slots = bt_xcalloc(3 * NAME_SLOTS, sizeof(*slots));
	for (size_t i = 0; i < a->n_elems; i++) {
		xmlNodePtr n = a->elems[i];
		apply_chain(a, chain_of(a, slots, 'E', n, NULL), n);
		if (!a->fast_attrs)
			continue;
		for (xmlAttrPtr at = n->properties; at; at = at->next) {
			xmlNodePtr an = (xmlNodePtr) at;
			apply_chain(a, chain_of(a, slots + NAME_SLOTS, 'A',
						NULL, at), an);
			apply_chain(a, chain_of(a, slots + 2 * NAME_SLOTS, 'O',
						n, at), an);
		}
	}
	free(slots);
}

/* Makes the rule's namespaces and params those of the XPath context. */
static void
use_rule_context(struct apply *a, const struct its_rule *rule)
{
	a->xp->namespaces = rule->ns;
	a->xp->nsNr = rule->n_ns;
	if (a->param_from == rule->param_from && a->param_to == rule->param_to)
		return;
	xmlXPathRegisteredVariablesCleanup(a->xp);
	for (size_t i = rule->param_from; i < rule->param_to; i++)
		xmlXPathRegisterVariable(a->xp,
			BAD_CAST a->r->params[i].name,
			xmlXPathNewCString(a->r->params[i].value));
	a->param_from = rule->param_from;
	a->param_to = rule->param_to;
}

static int
xpath_error(struct apply *a, const struct its_rule *rule, const char *expr,
	    struct bt_error *err)
{
	char msg[256];
	return rule_error(err, rule->file, rule->line,
			  _("bad ITS selector '%s': %s"), expr,
			  xpath_message(a->xp, msg, sizeof(msg)));
}

/* Compiles the rule's XPath selector and pointer: errors come before any
 * evaluation. */
static int
compile_rule(struct apply *a, struct its_rule *rule, struct bt_error *err)
{
	use_rule_context(a, rule);
	xmlResetLastError();
	if (!rule->fast) {
		rule->sel = xmlXPathCtxtCompile(a->xp, BAD_CAST rule->selector);
		if (!rule->sel)
			return xpath_error(a, rule, rule->selector, err);
	}
	if (rule->pointer) {
		rule->ptr = xmlXPathCtxtCompile(a->xp, BAD_CAST rule->pointer);
		if (!rule->ptr)
			return xpath_error(a, rule, rule->pointer, err);
	}
	return 0;
}

static int
apply_xpath_rule(struct apply *a, size_t i, struct bt_error *err)
{
	const struct its_rule *rule = &a->r->rules[i];
	use_rule_context(a, rule);
	a->xp->node = (xmlNodePtr) a->doc;
	xmlResetLastError();
	xmlXPathObjectPtr res = xmlXPathCompiledEval(rule->sel, a->xp);
	if (!res)
		return xpath_error(a, rule, rule->selector, err);
	if (res->type != XPATH_NODESET) {
		xmlXPathFreeObject(res);
		return rule_error(err, rule->file, rule->line,
				  _("the ITS selector '%s' selects no nodes "
				    "(it is a value)"), rule->selector);
	}
	xmlNodeSetPtr set = res->nodesetval;
	for (int k = 0; set && k < set->nodeNr; k++)
		mark(a, set->nodeTab[k], i);
	xmlXPathFreeObject(res);
	return 0;
}

/* --- local markup --------------------------------------------------- */

static void
set_local(struct node_state *st, enum its_cat cat, uint8_t value)
{
	st->rank[cat] = RANK_LOCAL;
	st->value[cat] = value;
}

/* A copy of s without the white space around it.  Caller frees. */
static char *
trimmed(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'
		     || s[n - 1] == '\r'))
		n--;
	return bt_xstrndup(s, n);
}

static uint32_t
intern_note(struct apply *a, const char *text, bool alert, bool ref)
{
	struct bt_buf *k = &a->key;
	bt_buf_reset(k);
	bt_buf_addch(k, alert ? 'a' : 'd');
	bt_buf_addch(k, ref ? 'r' : 'n');
	bt_buf_addstr(k, text);
	size_t i = bt_strmap_get(&a->note_index, bt_buf_cstr(k));
	if (i != SIZE_MAX)
		return (uint32_t) i;
	struct bt_its_map *m = a->map;
	m->notes = bt_xreallocarray(m->notes, m->n_notes + 1,
				    sizeof(*m->notes));
	m->notes[m->n_notes] = (struct bt_its_note){ trimmed(text), alert,
						     ref };
	bt_strmap_put(&a->note_index, bt_buf_cstr(k), m->n_notes);
	return (uint32_t) m->n_notes++;
}

static uint32_t
add_id(struct apply *a, const char *id)
{
	struct bt_its_map *m = a->map;
	m->ids = bt_xreallocarray(m->ids, m->n_ids + 1, sizeof(*m->ids));
	m->ids[m->n_ids] = trimmed(id);
	return (uint32_t) m->n_ids++;
}

static int
local_choice(struct apply *a, xmlAttrPtr at, const char *const *words,
	     struct bt_error *err)
{
	char *v = attr_value(at);
	for (int i = 0; words[i]; i++)
		if (!strcmp(v, words[i])) {
			free(v);
			return i;
		}
	bt_error_set(err, BT_ESYNTAX, a->path,
		     _("'%s' is not a value of %s"), v,
		     (const char *) at->name);
	bt_error_at_line(err, xmlGetLineNo(at->parent));
	free(v);
	return -1;
}

/* its:locNote, its:locNoteType and its:locNoteRef of one element. */
static void
local_note(struct apply *a, xmlNodePtr n, struct node_state *st)
{
	char *note = NULL, *ref = NULL;
	bool alert = false;
	for (xmlAttrPtr at = n->properties; at; at = at->next) {
		if (attr_in(at, BT_ITS_NS, "locNote"))
			note = attr_value(at);
		else if (attr_in(at, BT_ITS_NS, "locNoteRef"))
			ref = attr_value(at);
		else if (attr_in(at, BT_ITS_NS, "locNoteType")) {
			char *t = attr_value(at);
			alert = !strcmp(t, "alert");
			free(t);
		}
	}
	if (note || ref) {
		st->rank[CAT_NOTE] = RANK_LOCAL;
		st->note = intern_note(a, note ? note : ref, alert, !note);
	}
	free(note);
	free(ref);
}

static int
local_markup(struct apply *a, xmlNodePtr n, struct node_state *st,
	     struct bt_error *err)
{
	static const char *const yes_no[] = { "no", "yes", NULL };
	static const char *const within[] = { "no", "yes", "nested", NULL };
	static const char *const space[] = { "default", "preserve", NULL };
	bool note = false;
	int v;
	for (xmlAttrPtr at = n->properties; at; at = at->next) {
		if (!at->ns) {
			if ((a->flags & BT_ITS_HTML_TRANSLATE)
			    && attr_in(at, NULL, "translate")) {
				if ((v = local_choice(a, at, yes_no, err)) < 0)
					return -1;
				set_local(st, CAT_TRANSLATE, (uint8_t) v);
			}
			continue;
		}
		if (attr_in(at, BT_ITS_NS, "translate")) {
			if ((v = local_choice(a, at, yes_no, err)) < 0)
				return -1;
			set_local(st, CAT_TRANSLATE, (uint8_t) v);
		} else if (attr_in(at, BT_ITS_NS, "withinText")) {
			if ((v = local_choice(a, at, within, err)) < 0)
				return -1;
			set_local(st, CAT_WITHIN, (uint8_t) v);
		} else if (attr_in(at, XML_NS, "space")) {
			if ((v = local_choice(a, at, space, err)) < 0)
				return -1;
			set_local(st, CAT_SPACE, (uint8_t) v);
		} else if (attr_in(at, XML_NS, "id")) {
			char *id = attr_value(at);
			st->rank[CAT_ID] = RANK_LOCAL;
			st->id = add_id(a, id);
			free(id);
		} else if (attr_in(at, BT_ITS_NS, "locNote")
			   || attr_in(at, BT_ITS_NS, "locNoteRef")) {
			note = true;
		}
	}
	if (note)
		local_note(a, n, st);
	return 0;
}

/* --- results -------------------------------------------------------- */

/* Evaluates rule's pointer on n as a string; caller frees.  NULL with
 * err when XPath fails. */
static char *
eval_pointer(struct apply *a, const struct its_rule *rule, xmlNodePtr n,
	     struct bt_error *err)
{
	use_rule_context(a, rule);
	a->xp->node = n;
	xmlResetLastError();
	xmlXPathObjectPtr res = xmlXPathCompiledEval(rule->ptr, a->xp);
	if (!res) {
		xpath_error(a, rule, rule->pointer, err);
		return NULL;
	}
	xmlChar *s = xmlXPathCastToString(res);
	xmlXPathFreeObject(res);
	char *out = bt_xstrdup(s ? (const char *) s : "");
	xmlFree(s);
	return out;
}

/* The note (an index into map->notes) of the rule that won on n. */
static int
rule_note(struct apply *a, xmlNodePtr n, uint32_t rank, uint32_t *note,
	  struct bt_error *err)
{
	const struct its_rule *rule = &a->r->rules[rank - 1];
	if (!rule->ptr) {
		*note = intern_note(a, rule->note, rule->alert, rule->ref);
		return 0;
	}
	char *s = eval_pointer(a, rule, n, err);
	if (!s)
		return -1;
	*note = *s ? intern_note(a, s, rule->alert, rule->ref) : 0;
	free(s);
	return 0;
}

static int
rule_id(struct apply *a, xmlNodePtr n, uint32_t rank, uint32_t *id,
	struct bt_error *err)
{
	char *s = eval_pointer(a, &a->r->rules[rank - 1], n, err);
	if (!s)
		return -1;
	*id = *s ? add_id(a, s) : 0;
	free(s);
	return 0;
}

/* Resolves the note and id a node's winning rules give it. */
static int
resolve(struct apply *a, xmlNodePtr n, struct node_state *st,
	struct bt_error *err)
{
	uint32_t r = st->rank[CAT_NOTE];
	if (r && r != RANK_LOCAL && rule_note(a, n, r, &st->note, err) < 0)
		return -1;
	r = st->rank[CAT_ID];
	if (r && r != RANK_LOCAL && rule_id(a, n, r, &st->id, err) < 0)
		return -1;
	return 0;
}

/* Flags, note and id of element i, from its own state and its parent's
 * (inheritance). */
static void
settle_element(struct apply *a, size_t i)
{
	struct bt_its_map *m = a->map;
	const struct node_state *st = &a->est[i];
	xmlNodePtr n = a->elems[i], p = n->parent;
	size_t pi = p && p->type == XML_ELEMENT_NODE && p->_private
		? (uintptr_t) p->_private - 1 : SIZE_MAX;
	uint8_t pf = pi == SIZE_MAX ? BT_ITS_TRANSLATE : m->flags[pi];
	uint8_t f = 0;

	if (st->rank[CAT_TRANSLATE] ? st->value[CAT_TRANSLATE]
	    : (pf & BT_ITS_TRANSLATE))
		f |= BT_ITS_TRANSLATE;
	enum bt_its_within w = st->rank[CAT_WITHIN]
		? (enum bt_its_within) st->value[CAT_WITHIN]
		: is_its(n, "span") ? BT_ITS_WITHIN_YES : BT_ITS_WITHIN_NO;
	f |= (uint8_t) (w << BT_ITS_WITHIN_SHIFT);
	if (st->rank[CAT_SPACE] ? st->value[CAT_SPACE]
	    : (pf & BT_ITS_PRESERVE))
		f |= BT_ITS_PRESERVE;
	/* ITS markup itself is never content. */
	if ((pf & IN_RULES) || is_its(n, "rules"))
		f = (uint8_t) ((f & ~BT_ITS_TRANSLATE) | IN_RULES);
	m->flags[i] = f;
	m->note[i] = st->rank[CAT_NOTE] ? st->note
		: pi == SIZE_MAX ? 0 : m->note[pi];
	m->id[i] = st->rank[CAT_ID] ? st->id : 0;
}

static int
cmp_attr(const void *x, const void *y)
{
	const struct bt_its_attr *a = x, *b = y;
	if (a->elem != b->elem)
		return a->elem < b->elem ? -1 : 1;
	return a->ordinal < b->ordinal ? -1 : a->ordinal > b->ordinal;
}

/* The translatable attributes, sorted for bt_its_map_attr(). */
static int
settle_attributes(struct apply *a, struct bt_error *err)
{
	struct bt_its_map *m = a->map;
	m->attrs = bt_xcalloc(a->n_attrs ? a->n_attrs : 1, sizeof(*m->attrs));
	for (size_t i = 0; i < a->n_attrs; i++) {
		struct node_state *st = &a->ast[i];
		xmlAttrPtr at = a->attrs[i];
		xmlNodePtr owner = at->parent;
		if (!st->rank[CAT_TRANSLATE] || !st->value[CAT_TRANSLATE]
		    || !owner || !owner->_private)
			continue;
		size_t elem = (uintptr_t) owner->_private - 1;
		if (m->flags[elem] & IN_RULES)
			continue;
		if (resolve(a, (xmlNodePtr) at, st, err) < 0)
			return -1;
		size_t ordinal = 0;
		for (xmlAttrPtr p = owner->properties; p && p != at;
		     p = p->next)
			ordinal++;
		m->attrs[m->n_attrs++] = (struct bt_its_attr){ elem, ordinal,
			st->rank[CAT_NOTE] ? st->note : 0,
			st->rank[CAT_ID] ? st->id : 0 };
		m->flags[elem] |= BT_ITS_HAS_ATTRS;
	}
	qsort(m->attrs, m->n_attrs, sizeof(*m->attrs), cmp_attr);
	return 0;
}

static int
settle(struct apply *a, struct bt_error *err)
{
	struct bt_its_map *m = a->map;
	size_t n = a->n_elems ? a->n_elems : 1;
	m->n_elems = a->n_elems;
	m->flags = bt_xcalloc(n, sizeof(*m->flags));
	m->note = bt_xcalloc(n, sizeof(*m->note));
	m->id = bt_xcalloc(n, sizeof(*m->id));
	for (size_t i = 0; i < a->n_elems; i++) {
		if (local_markup(a, a->elems[i], &a->est[i], err) < 0
		    || resolve(a, a->elems[i], &a->est[i], err) < 0)
			return -1;
		settle_element(a, i);
	}
	if (settle_attributes(a, err) < 0)
		return -1;
	for (size_t i = 0; i < a->n_elems; i++)
		m->flags[i] &= (uint8_t) ~IN_RULES;
	return 0;
}

static int
evaluate(struct apply *a, struct bt_error *err)
{
	for (size_t i = 0; i < a->r->n; i++)
		if (compile_rule(a, &a->r->rules[i], err) < 0)
			return -1;
	for (size_t i = 0; i < a->r->n; i++)
		if (a->r->rules[i].sel && apply_xpath_rule(a, i, err) < 0)
			return -1;
	apply_fast_rules(a);
	return settle(a, err);
}

/* Forgets the compiled expressions: they belong to one context. */
static void
uncompile(struct bt_its_rules *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->rules[i].sel)
			xmlXPathFreeCompExpr(r->rules[i].sel);
		if (r->rules[i].ptr)
			xmlXPathFreeCompExpr(r->rules[i].ptr);
		r->rules[i].sel = r->rules[i].ptr = NULL;
	}
}

int
bt_its_apply(struct bt_its_rules *r, xmlDocPtr doc, const char *path,
	     unsigned flags, struct bt_its_map *map, struct bt_error *err)
{
	struct apply a = { .r = r, .doc = doc, .path = path, .flags = flags,
			   .map = map, .param_from = SIZE_MAX };
	size_t n_before = r->n, np_before = r->n_params;
	int rc = 0;

	memset(map, 0, sizeof(*map));
	map->n_notes = map->n_ids = 1;	/* [0] means none */
	map->notes = bt_xcalloc(1, sizeof(*map->notes));
	map->ids = bt_xcalloc(1, sizeof(*map->ids));
	bt_strmap_init(&a.fast);
	bt_strmap_init(&a.note_index);
	number_elements(&a);
	for (size_t i = 0; i < a.n_rules_elems && rc == 0; i++)
		rc = add_rules_element(r, doc, a.rules_elems[i], path, 0, err);
	if (rc == 0) {
		a.xp = xmlXPathNewContext(doc);
		for (size_t i = 0; i < r->n; i++)
			if (!r->rules[i].fast) {
				/* Faster sorting of node sets. */
				xmlXPathOrderDocElems(doc);
				break;
			}
		rc = evaluate(&a, err);
		a.xp->namespaces = NULL;
		a.xp->nsNr = 0;
		xmlXPathFreeContext(a.xp);
	}
	uncompile(r);
	truncate_rules(r, n_before, np_before);
	for (size_t i = 0; i < a.n_elems; i++)
		a.elems[i]->_private = NULL;
	for (size_t i = 0; i < a.n_attrs; i++)
		a.attrs[i]->_private = NULL;
	free(a.elems);
	free(a.est);
	free(a.ast);
	free(a.attrs);
	free(a.rules_elems);
	free(a.entries);
	bt_strmap_release(&a.fast);
	bt_strmap_release(&a.note_index);
	bt_buf_release(&a.key);
	if (rc < 0)
		bt_its_map_release(map);
	return rc;
}

const struct bt_its_attr *
bt_its_map_attr(const struct bt_its_map *map, size_t elem, size_t ordinal)
{
	size_t lo = 0, hi = map->n_attrs;
	const struct bt_its_attr key = { elem, ordinal, 0, 0 };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_attr(&map->attrs[mid], &key);
		if (c == 0)
			return &map->attrs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
bt_its_map_release(struct bt_its_map *map)
{
	free(map->flags);
	free(map->note);
	free(map->id);
	for (size_t i = 0; i < map->n_notes; i++)
		free(map->notes[i].text);
	free(map->notes);
	for (size_t i = 0; i < map->n_ids; i++)
		free(map->ids[i]);
	free(map->ids);
	free(map->attrs);
	memset(map, 0, sizeof(*map));
}
