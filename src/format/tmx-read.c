/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading TMX 1.4b (and the 1.1-1.3 files tools still write) one <tu> at
 * a time; see tmx.h.
 */
#include "system.h"

#include "format/tmx.h"
#include "core/strmap.h"
#include "core/xalloc.h"
#include "core/xml-safe.h"

static char *
prop(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *s = v ? bt_xstrdup((const char *) v) : NULL;
	xmlFree(v);
	return s;
}

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE
		&& !strcmp((const char *) n->name, name);
}

/* The text of a code element, <sub> included, as its original data. */
static void
code_data(const xmlNode *n, struct bt_buf *out)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			bt_buf_addstr(out, (const char *) c->content);
		else if (c->type == XML_ELEMENT_NODE)
			code_data(c, out);
	}
}

/* A code number for TMX's i (pairs) or x (everything else) attribute:
 * "i1" and "x1" are different codes. */
static int
number(struct bt_strmap *ids, char kind, const char *s)
{
	if (!s)
		return -1;
	char *key = bt_xasprintf("%c%s", kind, s);
	size_t v = bt_strmap_get(ids, key);
	if (v == SIZE_MAX) {
		v = ids->used + 1;
		bt_strmap_put(ids, key, v);
	}
	free(key);
	return (int) v;
}

static void
read_seg(const xmlNode *first, struct bt_content *c, struct bt_strmap *ids)
{
	for (const xmlNode *n = first; n; n = n->next) {
		if (n->type == XML_TEXT_NODE
		    || n->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *) n->content;
			bt_content_add_text(c, t, strlen(t));
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, "hi") || is(n, "ut")) {
			if (is(n, "hi"))
				read_seg(n->children, c, ids);
			continue;
		}
		enum bt_code_kind kind;
		char *key = NULL, key_kind = 'x';
		if (is(n, "bpt") || is(n, "ept")) {
			key_kind = 'i';
			kind = is(n, "bpt") ? BT_CODE_OPEN : BT_CODE_CLOSE;
			key = prop(n, "i");
		} else if (is(n, "it")) {
			char *pos = prop(n, "pos");
			kind = pos && !strcmp(pos, "end") ? BT_CODE_CLOSE
				: BT_CODE_OPEN;
			free(pos);
			key = prop(n, "x");
		} else if (is(n, "ph")) {
			char *type = prop(n, "type");
			if (type && !strcmp(type, "x-bitext-cp")) {
				/* Our own escape of a character XML cannot
				 * carry: "&#xC;" as text. */
				struct bt_buf b = BT_BUF_INIT;
				code_data(n, &b);
				unsigned long cp = b.len > 3
					? strtoul(b.data + 3, NULL, 16) : 0;
				char ch = (char) cp;
				if (cp && cp < 0x80)
					bt_content_add_text(c, &ch, 1);
				bt_buf_release(&b);
				free(type);
				continue;
			}
			free(type);
			kind = BT_CODE_STANDALONE;
			key = prop(n, "x");
		} else {
			read_seg(n->children, c, ids);	/* unknown: its text */
			continue;
		}
		struct bt_buf data = BT_BUF_INIT;
		code_data(n, &data);
		char *type = prop(n, "type");
		int id = key ? number(ids, key_kind, key) : -1;
		bt_content_add_code(c, kind, id, type, data.len ? data.data : "",
				    data.len);
		free(type);
		free(key);
		bt_buf_release(&data);
	}
}

static void
free_tu(struct bt_tmx_read_tu *tu)
{
	free(tu->tuid);
	for (size_t i = 0; i < tu->n_tuvs; i++) {
		free(tu->tuvs[i].lang);
		bt_content_release(&tu->tuvs[i].content);
	}
	free(tu->tuvs);
	for (size_t i = 0; i < tu->n_props; i++) {
		free(tu->prop_types[i]);
		free(tu->prop_values[i]);
	}
	free(tu->prop_types);
	free(tu->prop_values);
	for (size_t i = 0; i < tu->n_notes; i++)
		free(tu->notes[i]);
	free(tu->notes);
	memset(tu, 0, sizeof(*tu));
}

static void
read_tu(const xmlNode *n, struct bt_tmx_read_tu *tu)
{
	tu->tuid = prop(n, "tuid");
	tu->line = xmlGetLineNo(n);
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "prop")) {
			size_t k = tu->n_props++;
			tu->prop_types = bt_xreallocarray(tu->prop_types,
				tu->n_props, sizeof(char *));
			tu->prop_values = bt_xreallocarray(tu->prop_values,
				tu->n_props, sizeof(char *));
			tu->prop_types[k] = prop(c, "type");
			xmlChar *t = xmlNodeGetContent(c);
			tu->prop_values[k] = bt_xstrdup((const char *) t);
			xmlFree(t);
		} else if (is(c, "note")) {
			tu->notes = bt_xreallocarray(tu->notes, tu->n_notes + 1,
						     sizeof(char *));
			xmlChar *t = xmlNodeGetContent(c);
			tu->notes[tu->n_notes++] = bt_xstrdup((const char *) t);
			xmlFree(t);
		} else if (is(c, "tuv")) {
			tu->tuvs = bt_xreallocarray(tu->tuvs, tu->n_tuvs + 1,
						    sizeof(*tu->tuvs));
			struct bt_tmx_read_tuv *v = &tu->tuvs[tu->n_tuvs++];
			v->lang = prop(c, "lang");	/* xml:lang */
			if (!v->lang)
				v->lang = prop(c, "lang");
			bt_content_init(&v->content);
			struct bt_strmap ids;
			bt_strmap_init(&ids);
			for (const xmlNode *s = c->children; s; s = s->next)
				if (is(s, "seg"))
					read_seg(s->children, &v->content, &ids);
			bt_strmap_release(&ids);
		}
	}
}

int
bt_tmx_read(const char *path,
	    int (*on_header)(void *ctx, const struct bt_tmx_read_header *h,
			     struct bt_error *err),
	    int (*on_tu)(void *ctx, const struct bt_tmx_read_tu *tu,
			 struct bt_error *err),
	    void *ctx, struct bt_error *err)
{
	xmlTextReaderPtr r = bt_xml_reader_open(path, err);
	if (!r)
		return -1;
	int rc, skip = 0, seen_root = 0, fail = 0;
	while (!fail && (rc = skip ? xmlTextReaderNext(r)
			 : bt_xml_reader_next(r, path, err)) == 1) {
		skip = 0;
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const char *name = (const char *) xmlTextReaderConstLocalName(r);
		if (!seen_root) {
			seen_root = 1;
			if (strcmp(name, "tmx")) {
				bt_error_set(err, BT_EINVALID, path,
					     _("not a TMX file (the root "
					       "element is <%s>)"), name);
				fail = 1;
			}
			continue;
		}
		if (!strcmp(name, "header")) {
			xmlNode *n = xmlTextReaderExpand(r);
			if (!n)
				break;
			skip = 1;
			struct bt_tmx_read_header h = { prop(n, "srclang"),
				prop(n, "datatype"), prop(n, "creationtool") };
			if (on_header && on_header(ctx, &h, err) < 0)
				fail = 1;
			free(h.srclang);
			free(h.datatype);
			free(h.creationtool);
		} else if (!strcmp(name, "tu")) {
			xmlNode *n = xmlTextReaderExpand(r);
			if (!n)
				break;
			skip = 1;
			struct bt_tmx_read_tu tu = { 0 };
			read_tu(n, &tu);
			if (on_tu && on_tu(ctx, &tu, err) < 0)
				fail = 1;
			free_tu(&tu);
		}
	}
	if (!fail && rc < 0 && (skip || !err || err->code == BT_OK))
		bt_xml_reader_error(r, path, err);
	if (!fail && rc == 0 && !seen_root)
		fail = bt_error_set(err, BT_ESYNTAX, path, _("empty file"));
	xmlFreeTextReader(r);
	return fail || rc < 0 ? -1 : 0;
}
