/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Loading SRX 2.0 files: libxml2 parses, every regex is translated from
 * Java syntax and compiled with PCRE2 once, at load time, so that a broken
 * rule is reported before any text is touched.
 */
#include "system.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "segment/srx-internal.h"
#include "segment/java-regex.h"
#include "core/buf.h"
#include "core/datadir.h"
#include "core/xml-safe.h"
#include "core/xalloc.h"

const char *
bt_srx_default_path(void)
{
	static char *path;
	if (!path)
		path = bt_data_path("srx/bitext.srx");
	return path;
}

static int
is_element(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE
		&& !strcmp((const char *) n->name, name);
}

/* The text of the first child element called name, or "" if none.
 * Caller frees. */
static char *
child_text(const xmlNode *parent, const char *name)
{
	for (const xmlNode *c = parent->children; c; c = c->next)
		if (is_element(c, name)) {
			xmlChar *t = xmlNodeGetContent(c);
			char *s = bt_xstrdup(t ? (const char *) t : "");
			xmlFree(t);
			return s;
		}
	return bt_xstrdup("");
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *) name);
	char *s = v ? bt_xstrdup((const char *) v) : NULL;
	xmlFree(v);
	return s;
}

/*
 * Compiles one Java-syntax pattern.  Returns the code, or NULL: with
 * *unsupported set for a construct PCRE2 lacks, else with err filled.
 */
static pcre2_code *
compile(struct bt_srx *srx, const char *java_pattern, uint32_t options,
	int *unsupported, struct bt_buf *why, struct bt_error *err)
{
	struct bt_buf pat = BT_BUF_INIT;
	struct bt_error terr = BT_ERROR_INIT;
	*unsupported = 0;
	if (bt_java_regex_to_pcre2(java_pattern, &pat, &terr) < 0) {
		*unsupported = terr.code == BT_EINVALID;
		bt_buf_addstr(why, terr.msg);
		bt_error_set(err, BT_ESYNTAX, srx->path, "%s", terr.msg);
		bt_error_release(&terr);
		bt_buf_release(&pat);
		return NULL;
	}
	int code;
	PCRE2_SIZE at;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR) pat.data, pat.len,
				       options, &code, &at, srx->cctx);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof(msg));
		/* Java allows bounded variable-length lookbehind; PCRE2
		 * before 10.43 does not.  That is our limit, not a bug in
		 * the rule. */
		*unsupported = code == PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH;
		bt_buf_addf(why, "%s", (const char *) msg);
		bt_error_set(err, BT_ESYNTAX, srx->path, "%s",
			     (const char *) msg);
	}
	bt_buf_release(&pat);
	return re;
}

static int
load_rule(struct bt_srx *srx, struct srx_language *lang, const xmlNode *n,
	  const struct bt_diag *diag, struct bt_error *err)
{
	char *brk = attr(n, "break");
	char *before = child_text(n, "beforebreak");
	char *after = child_text(n, "afterbreak");
	struct bt_buf java = BT_BUF_INIT, why = BT_BUF_INIT;
	int rc = 0, unsupported;
	long line = xmlGetLineNo(n);

	/* The rule as one pattern: the match ends where the break goes. */
	bt_buf_addf(&java, "(?:%s)", before);
	if (*after)
		bt_buf_addf(&java, "(?=(?:%s))", after);

	struct srx_rule rule = { !brk || strcmp(brk, "no"), line, NULL };
	rule.code = compile(srx, java.data, BT_SRX_PCRE2_OPTIONS,
			    &unsupported, &why, err);
	if (!rule.code && unsupported) {
		bt_warn(diag, srx->path, line,
			_("rule of '%s' skipped: %s (before-break '%s', "
			  "after-break '%s')"),
			lang->name, why.data, before, after);
		bt_error_release(err);
	} else if (!rule.code) {
		bt_error_set(err, BT_ESYNTAX, srx->path,
			     _("rule of '%s' does not compile: %s "
			       "(before-break '%s', after-break '%s')"),
			     lang->name, why.data, before, after);
		bt_error_at_line(err, line);
		rc = -1;
	} else {
		lang->rules = bt_xreallocarray(lang->rules, lang->n_rules + 1,
					       sizeof(*lang->rules));
		lang->rules[lang->n_rules++] = rule;
	}
	free(brk);
	free(before);
	free(after);
	bt_buf_release(&java);
	bt_buf_release(&why);
	return rc;
}

static int
load_languages(struct bt_srx *srx, const xmlNode *langrules,
	       const struct bt_diag *diag, struct bt_error *err)
{
	for (const xmlNode *n = langrules->children; n; n = n->next) {
		if (!is_element(n, "languagerule"))
			continue;
		srx->languages = bt_xreallocarray(srx->languages,
						  srx->n_languages + 1,
						  sizeof(*srx->languages));
		struct srx_language *lang = &srx->languages[srx->n_languages++];
		lang->name = attr(n, "languagerulename");
		if (!lang->name)
			lang->name = bt_xstrdup("");
		lang->rules = NULL;
		lang->n_rules = 0;
		for (const xmlNode *r = n->children; r; r = r->next)
			if (is_element(r, "rule")
			    && load_rule(srx, lang, r, diag, err) < 0)
				return -1;
	}
	return 0;
}

static int
load_maps(struct bt_srx *srx, const xmlNode *maprules,
	  const struct bt_diag *diag, struct bt_error *err)
{
	for (const xmlNode *n = maprules->children; n; n = n->next) {
		if (!is_element(n, "languagemap"))
			continue;
		char *pattern = attr(n, "languagepattern");
		char *name = attr(n, "languagerulename");
		long line = xmlGetLineNo(n);
		struct bt_buf why = BT_BUF_INIT;
		int unsupported, rc = 0;
		/* Java's matches(): the whole code, and OmegaT writes "EN.*"
		 * for "en", so case does not matter. */
		pcre2_code *re = compile(srx, pattern ? pattern : "",
					 BT_SRX_PCRE2_OPTIONS | PCRE2_ANCHORED
					 | PCRE2_ENDANCHORED | PCRE2_CASELESS,
					 &unsupported, &why, err);
		if (!re) {
			bt_error_set(err, BT_ESYNTAX, srx->path,
				     _("language pattern '%s' does not "
				       "compile: %s"), pattern ? pattern : "",
				     why.data);
			bt_error_at_line(err, line);
			rc = -1;
		} else {
			size_t lang = SIZE_MAX;
			for (size_t i = 0; i < srx->n_languages; i++)
				if (name && !strcmp(srx->languages[i].name,
						    name))
					lang = i;
			if (lang == SIZE_MAX)
				bt_warn(diag, srx->path, line,
					_("map rule names unknown language "
					  "rule '%s'"), name ? name : "");
			srx->maps = bt_xreallocarray(srx->maps,
						     srx->n_maps + 1,
						     sizeof(*srx->maps));
			srx->maps[srx->n_maps++] =
				(struct srx_map){ re, lang };
		}
		free(pattern);
		free(name);
		bt_buf_release(&why);
		if (rc < 0)
			return -1;
	}
	return 0;
}

struct bt_srx *
bt_srx_load(const char *path, const struct bt_diag *diag,
	    struct bt_error *err)
{
	struct bt_srx *srx = bt_xcalloc(1, sizeof(*srx));
	srx->path = bt_xstrdup(path);
	srx->cascade = true;
	srx->cctx = pcre2_compile_context_create(NULL);
	/* Java's line terminators for "." and "$". */
	pcre2_set_newline(srx->cctx, PCRE2_NEWLINE_ANY);

	xmlDoc *doc = bt_xml_read_file(path, err);
	if (!doc) {
		if (err && err->code == BT_EIO) {
			free(err->msg);
			err->msg = bt_xstrdup(_("cannot read SRX rules"));
		}
		goto fail;
	}
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !is_element(root, "srx")) {
		bt_error_set(err, BT_ESYNTAX, path,
			     _("not an SRX file (no <srx> root element)"));
		goto fail;
	}
	char *version = attr(root, "version");
	if (version && strcmp(version, "2.0"))
		bt_warn(diag, path, xmlGetLineNo(root),
			_("SRX version %s; reading it as SRX 2.0"), version);
	free(version);

	const xmlNode *body = NULL;
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (is_element(n, "header")) {
			char *cascade = attr(n, "cascade");
			srx->cascade = !cascade || strcmp(cascade, "no");
			free(cascade);
		} else if (is_element(n, "body")) {
			body = n;
		}
	}
	if (!body) {
		bt_error_set(err, BT_ESYNTAX, path,
			     _("not an SRX file (no <body>)"));
		goto fail;
	}
	for (const xmlNode *n = body->children; n; n = n->next)
		if (is_element(n, "languagerules")
		    && load_languages(srx, n, diag, err) < 0)
			goto fail;
	for (const xmlNode *n = body->children; n; n = n->next)
		if (is_element(n, "maprules")
		    && load_maps(srx, n, diag, err) < 0)
			goto fail;
	xmlFreeDoc(doc);
	return srx;
fail:
	xmlFreeDoc(doc);
	bt_srx_free(srx);
	return NULL;
}

void
bt_srx_free(struct bt_srx *srx)
{
	if (!srx)
		return;
	for (size_t i = 0; i < srx->n_languages; i++) {
		struct srx_language *l = &srx->languages[i];
		for (size_t j = 0; j < l->n_rules; j++)
			pcre2_code_free(l->rules[j].code);
		free(l->rules);
		free(l->name);
	}
	free(srx->languages);
	for (size_t i = 0; i < srx->n_maps; i++)
		pcre2_code_free(srx->maps[i].pattern);
	free(srx->maps);
	pcre2_compile_context_free(srx->cctx);
	free(srx->path);
	free(srx);
}

size_t
bt_srx_count_languages(const struct bt_srx *srx)
{
	return srx->n_languages;
}

size_t
bt_srx_count_rules(const struct bt_srx *srx)
{
	size_t n = 0;
	for (size_t i = 0; i < srx->n_languages; i++)
		n += srx->languages[i].n_rules;
	return n;
}
