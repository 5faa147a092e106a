/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The validator: reads a file safely, detects its format from the root
 * element, validates it against the official grammar (XSD or DTD, each
 * loaded once from the data folder), runs the format's processing checks,
 * and sends the problems, sorted by line, to the caller's sink.  See
 * validate.h.
 */
#include "system.h"

#include <libxml/globals.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "core/buf.h"
#include "core/datadir.h"
#include "core/xalloc.h"
#include "core/xml-safe.h"
#include "format/validate-internal.h"

/* The grammars, by data-folder path. */
enum grammar {
	G_XLIFF12_TRANSITIONAL,
	G_XLIFF12_STRICT,
	G_XLIFF20,
	G_XLIFF21,
	G_XLIFF22,
	G_TMX14,
	G_COUNT
};

static const char *const grammar_files[G_COUNT] = {
	[G_XLIFF12_TRANSITIONAL] = "schemas/xliff-core-1.2-transitional.xsd",
	[G_XLIFF12_STRICT] = "schemas/xliff-core-1.2-strict.xsd",
	[G_XLIFF20] = "schemas/xliff20-all.xsd",
	[G_XLIFF21] = "schemas/xliff2-all.xsd",
	[G_XLIFF22] = "schemas/xliff22-all.xsd",
	[G_TMX14] = "schemas/tmx14.dtd",
};

struct bt_validator {
	unsigned flags;
	xmlSchemaPtr schemas[G_COUNT];	/* owned; NULL until loaded */
	xmlDtdPtr tmx_dtd;		/* owned */
	bool tried[G_COUNT];
	char *load_error[G_COUNT];	/* owned; why a grammar failed */
	xmlHashTablePtr prefixes;	/* extension prefix -> namespace */
};

/* Fragment identifier prefixes of the core and the modules. */
static const char *const known_prefixes[] = {
	"f", "g", "u", "n", "d", "t",
	"mtc", "gls", "fs", "mda", "res", "ctr", "slr", "val", "its",
	"pgs",
};

const char *
bt_vformat_name(enum bt_vformat format)
{
	switch (format) {
	case BT_VFORMAT_XLIFF12: return "XLIFF 1.2";
	case BT_VFORMAT_XLIFF20: return "XLIFF 2.0";
	case BT_VFORMAT_XLIFF21: return "XLIFF 2.1";
	case BT_VFORMAT_XLIFF22: return "XLIFF 2.2";
	case BT_VFORMAT_TMX14: return "TMX 1.4b";
	case BT_VFORMAT_UNKNOWN: break;
	}
	return "unknown";
}

struct bt_validator *
bt_validator_new(unsigned flags)
{
	struct bt_validator *v = bt_xcalloc(1, sizeof(*v));
	v->flags = flags;
	v->prefixes = xmlHashCreate(8);
	if (!v->prefixes)
		BT_BUG("out of memory");
	return v;
}

static void
free_payload(void *payload, const xmlChar *name)
{
	(void) name;
	free(payload);
}

void
bt_validator_free(struct bt_validator *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < G_COUNT; i++) {
		if (v->schemas[i])
			xmlSchemaFree(v->schemas[i]);
		free(v->load_error[i]);
	}
	if (v->tmx_dtd)
		xmlFreeDtd(v->tmx_dtd);
	xmlHashFree(v->prefixes, free_payload);
	free(v);
}

bool
bt_validator_knows_prefix(const struct bt_validator *v, const char *prefix)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(known_prefixes); i++)
		if (!strcmp(known_prefixes[i], prefix))
			return true;
	return xmlHashLookup(v->prefixes, BAD_CAST prefix) != NULL;
}

int
bt_validator_add_prefix(struct bt_validator *v, const char *prefix,
			const char *ns, struct bt_error *err)
{
	if (!bt_vx_is_nmtoken(prefix) || strlen(prefix) < 2)
		return bt_error_set(err, BT_EUSAGE, NULL,
				    _("'%s' is not a valid fragment identifier "
				      "prefix (an NMTOKEN of two characters "
				      "or more)"), prefix);
	char *copy = bt_xstrdup(ns ? ns : "");
	if (xmlHashUpdateEntry(v->prefixes, BAD_CAST prefix, copy,
			       free_payload) < 0)
		BT_BUG("out of memory");
	return 0;
}

/* Undoes the escapes of a Java properties key or value, in place. */
static void
unescape_property(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			switch (*r) {
			case 't': *w++ = '\t'; break;
			case 'n': *w++ = '\n'; break;
			default: *w++ = *r; break;
			}
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\f')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'
		     || s[n - 1] == '\n' || s[n - 1] == '\f'))
		s[--n] = '\0';
	return s;
}

int
bt_validator_load_prefixes(struct bt_validator *v, const char *path,
			   struct bt_error *err)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				    strerror(errno));
	char line[4096];
	long lineno = 0;
	int rc = 0;
	while (rc == 0 && fgets(line, sizeof(line), fp)) {
		lineno++;
		char *s = trim(line);
		if (!*s || *s == '#' || *s == '!')
			continue;
		/* The key ends at the first unescaped '=' or ':'. */
		char *sep = s;
		while (*sep && *sep != '=' && *sep != ':') {
			if (*sep == '\\' && sep[1])
				sep++;
			sep++;
		}
		if (!*sep) {
			rc = bt_error_set(err, BT_ESYNTAX, path,
					  _("expected NAMESPACE=PREFIX"));
			bt_error_at_line(err, lineno);
			break;
		}
		*sep = '\0';
		char *ns = trim(s), *prefix = trim(sep + 1);
		unescape_property(ns);
		unescape_property(prefix);
		if (bt_validator_add_prefix(v, prefix, ns, err) < 0) {
			rc = -1;
			if (err) {
				free(err->file);
				err->file = bt_xstrdup(path);
			}
			bt_error_at_line(err, lineno);
		}
	}
	if (rc == 0 && ferror(fp))
		rc = bt_error_set(err, BT_EIO, path, _("cannot read: %s"),
				  strerror(errno));
	fclose(fp);
	return rc;
}

/* --- problems ------------------------------------------------------- */

static void
vreport(struct bt_vcheck *c, long line, const char *fmt, va_list ap)
{
	if (c->n_problems == c->cap_problems) {
		c->cap_problems = c->cap_problems ? 2 * c->cap_problems : 16;
		c->problems = bt_xreallocarray(c->problems, c->cap_problems,
					       sizeof(*c->problems));
	}
	struct bt_buf b = BT_BUF_INIT;
	bt_buf_vaddf(&b, fmt, ap);
	struct bt_vproblem *p = &c->problems[c->n_problems];
	p->line = line > 0 ? line : 0;
	p->seq = c->n_problems++;
	p->msg = bt_buf_detach(&b, NULL);
}

void
bt_validate_report(struct bt_vcheck *c, const xmlNode *node,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(c, node ? bt_vx_line(node) : 0, fmt, ap);
	va_end(ap);
}

void
bt_validate_report_line(struct bt_vcheck *c, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(c, line, fmt, ap);
	va_end(ap);
}

static int
compare_problems(const void *a, const void *b)
{
	const struct bt_vproblem *p = a, *q = b;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* Sorts by line, drops repeats of one message on one line, and sends the
 * rest.  Returns how many were sent. */
static long
flush_problems(struct bt_vcheck *c, const struct bt_validate_sink *sink)
{
	if (c->n_problems > 1)
		qsort(c->problems, c->n_problems, sizeof(*c->problems),
		      compare_problems);
	long sent = 0;
	xmlHashTablePtr seen = xmlHashCreate(64);	/* (msg, line) */
	for (size_t i = 0; i < c->n_problems; i++) {
		const struct bt_vproblem *p = &c->problems[i];
		char line[32];
		snprintf(line, sizeof(line), "%ld", p->line);
		if (xmlHashAddEntry2(seen, BAD_CAST p->msg, BAD_CAST line,
				     (void *) p) < 0)
			continue;	/* said already on this line */
		sent++;
		if (sink && sink->problem) {
			struct bt_problem out = { c->path, p->line, p->msg };
			sink->problem(sink->ctx, &out);
		}
	}
	xmlHashFree(seen, NULL);
	return sent;
}

static void
release_check(struct bt_vcheck *c)
{
	for (size_t i = 0; i < c->n_problems; i++)
		free(c->problems[i].msg);
	free(c->problems);
	c->problems = NULL;
	c->n_problems = c->cap_problems = 0;
}

/* --- grammars ------------------------------------------------------- */

/* Collects a schema parser's first error. */
static void
on_load_error(void *ctx, xmlErrorPtr e)
{
	char **first = ctx;
	if (*first || !e || e->level < XML_ERR_ERROR)
		return;
	*first = bt_xasprintf("%s:%d: %s", e->file ? e->file : "?", e->line,
			      e->message ? e->message : "?");
	size_t n = strlen(*first);
	while (n && (*first)[n - 1] == '\n')
		(*first)[--n] = '\0';
}

static int
load_grammar(struct bt_validator *v, enum grammar g, struct bt_error *err)
{
	char *path = bt_data_path(grammar_files[g]);
	if (!v->tried[g]) {
		v->tried[g] = true;
		bt_xml_safe_init();
		FILE *probe = fopen(path, "rb");
		if (probe)
			fclose(probe);
		if (!probe) {
			v->load_error[g] = bt_xstrdup(strerror(errno));
		} else if (g == G_TMX14) {
			v->tmx_dtd = xmlParseDTD(NULL, BAD_CAST path);
			if (!v->tmx_dtd)
				v->load_error[g] = bt_xstrdup(
					_("not a DTD bitext can read"));
		} else {
			xmlSchemaParserCtxtPtr pc =
				xmlSchemaNewParserCtxt(path);
			char *first = NULL;
			if (pc) {
				xmlSchemaSetParserStructuredErrors(
					pc, on_load_error, &first);
				v->schemas[g] = xmlSchemaParse(pc);
				xmlSchemaFreeParserCtxt(pc);
			}
			if (!v->schemas[g])
				v->load_error[g] = first ? first : bt_xstrdup(
					_("not a schema bitext can read"));
			else
				free(first);
		}
	}
	int rc = 0;
	if (v->load_error[g])
		rc = bt_error_set(err, BT_EIO, path,
				  _("cannot load the schema (%s); is "
				    "BITEXT_DATADIR right?"), v->load_error[g]);
	free(path);
	return rc;
}

/* Conventional prefixes, to shorten libxml2's "{namespace}name". */
static const struct {
	const char *ns, *prefix;
} ns_prefixes[] = {
	{ BT_NS_MTC, "mtc:" }, { BT_NS_GLS, "gls:" }, { BT_NS_FS, "fs:" },
	{ BT_NS_MDA, "mda:" }, { BT_NS_RES, "res:" }, { BT_NS_CTR, "ctr:" },
	{ BT_NS_SLR, "slr:" }, { BT_NS_VAL, "val:" }, { BT_NS_ITS, "its:" },
	{ BT_NS_ITSM21, "itsm:" }, { BT_NS_PGS, "pgs:" },
	{ BT_NS_XML, "xml:" },
};

/* Whether s[0..n) is ns. */
static bool
is_ns(const char *s, size_t n, const char *ns)
{
	return ns && strlen(ns) == n && !strncmp(s, ns, n);
}

/* libxml2's message, on one line, with "{core-ns}x" written "x" and
 * "{module-ns}x" written "prefix:x".  Caller frees. */
static char *
tidy_message(const char *msg, const char *core_ns)
{
	struct bt_buf b = BT_BUF_INIT;
	const char *s = msg ? msg : "?";
	while (*s) {
		if (*s == '{') {
			const char *end = strchr(s, '}');
			if (end) {
				size_t n = (size_t) (end - s - 1);
				const char *repl = NULL;
				if (is_ns(s + 1, n, core_ns))
					repl = "";
				for (size_t i = 0; !repl
				     && i < BT_ARRAY_SIZE(ns_prefixes); i++)
					if (is_ns(s + 1, n, ns_prefixes[i].ns))
						repl = ns_prefixes[i].prefix;
				if (repl) {
					bt_buf_addstr(&b, repl);
					s = end + 1;
					continue;
				}
			}
		}
		bt_buf_addch(&b, *s == '\n' ? ' ' : *s);
		s++;
	}
	char *out = bt_buf_detach(&b, NULL);
	size_t n = strlen(out);
	while (n && out[n - 1] == ' ')
		out[--n] = '\0';
	return out;
}

/* Structured error handler for schema and DTD validation. */
static void
on_grammar_error(void *ctx, xmlErrorPtr e)
{
	struct bt_vcheck *c = ctx;
	if (!e || e->level < XML_ERR_ERROR)
		return;
	char *msg = tidy_message(e->message, c->core_ns);
	long line = e->line;
	if (e->node && ((xmlNodePtr) e->node)->type == XML_ELEMENT_NODE)
		line = bt_vx_line(e->node);
	if (c->format == BT_VFORMAT_TMX14)
		bt_validate_report_line(c, line, _("DTD: %s"), msg);
	else
		bt_validate_report_line(c, line, _("schema: %s"), msg);
	free(msg);
}

static void
validate_xsd(struct bt_vcheck *c, xmlSchemaPtr schema, xmlDocPtr doc)
{
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	if (!vc)
		BT_BUG("out of memory");
	xmlSchemaSetValidStructuredErrors(vc, on_grammar_error, c);
	int rc = xmlSchemaValidateDoc(vc, doc);
	if (rc != 0 && c->n_problems == 0)
		bt_validate_report_line(c, 0, _("schema: the document does "
						"not validate"));
	xmlSchemaFreeValidCtxt(vc);
}

/*
 * DTD validation reports through the process-wide structured handler
 * (a standalone xmlValidCtxt has no handler of its own that knows lines),
 * so it is set for the call and put back.
 */
static void
validate_dtd(struct bt_vcheck *c, xmlDtdPtr dtd, xmlDocPtr doc)
{
	xmlValidCtxtPtr vc = xmlNewValidCtxt();
	if (!vc)
		BT_BUG("out of memory");
	xmlStructuredErrorFunc old = xmlStructuredError;
	void *old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(c, on_grammar_error);
	int ok = xmlValidateDtd(vc, doc, dtd);
	xmlSetStructuredErrorFunc(old_ctx, old);
	if (!ok && c->n_problems == 0)
		bt_validate_report_line(c, 0, _("DTD: the document does not "
						"validate"));
	xmlFreeValidCtxt(vc);
}

/* --- format detection ---------------------------------------------- */

static enum bt_vformat
detect(const xmlNode *root, const char *path, struct bt_error *err)
{
	const char *ns = bt_vx_ns(root);
	const char *name = (const char *) root->name;
	const char *version = bt_vx_attr(root, "version");
	if (!strcmp(name, "xliff")) {
		if (ns && !strcmp(ns, BT_NS_XLIFF12))
			return BT_VFORMAT_XLIFF12;
		if (ns && !strcmp(ns, BT_NS_XLIFF22))
			return BT_VFORMAT_XLIFF22;
		if (ns && !strcmp(ns, BT_NS_XLIFF20)) {
			if (!version || !strcmp(version, "2.1"))
				return BT_VFORMAT_XLIFF21;
			if (!strcmp(version, "2.0"))
				return BT_VFORMAT_XLIFF20;
			bt_error_set(err, BT_EUSAGE, path,
				     _("XLIFF version '%s' in namespace %s is "
				       "not one bitext validates (2.0, 2.1)"),
				     version, ns);
			bt_error_at_line(err, bt_vx_line(root));
			return BT_VFORMAT_UNKNOWN;
		}
		bt_error_set(err, BT_EUSAGE, path,
			     _("XLIFF %s (namespace %s) is not a version "
			       "bitext validates (1.2, 2.0, 2.1, 2.2)"),
			     version ? version : "?", ns ? ns : "none");
		bt_error_at_line(err, bt_vx_line(root));
		return BT_VFORMAT_UNKNOWN;
	}
	if (!strcmp(name, "tmx") && !ns) {
		if (version && !strcmp(version, "1.4"))
			return BT_VFORMAT_TMX14;
		bt_error_set(err, BT_EUSAGE, path,
			     _("TMX version '%s' is not one bitext validates "
			       "(1.4)"), version ? version : "?");
		bt_error_at_line(err, bt_vx_line(root));
		return BT_VFORMAT_UNKNOWN;
	}
	bt_error_set(err, BT_EUSAGE, path,
		     _("not XLIFF or TMX: the root element is <%s>%s%s"),
		     name, ns ? _(" in namespace ") : "", ns ? ns : "");
	bt_error_at_line(err, bt_vx_line(root));
	return BT_VFORMAT_UNKNOWN;
}

static enum grammar
grammar_of(const struct bt_validator *v, enum bt_vformat f)
{
	switch (f) {
	case BT_VFORMAT_XLIFF12:
		return v->flags & BT_VALIDATE_STRICT ? G_XLIFF12_STRICT
			: G_XLIFF12_TRANSITIONAL;
	case BT_VFORMAT_XLIFF20: return G_XLIFF20;
	case BT_VFORMAT_XLIFF21: return G_XLIFF21;
	case BT_VFORMAT_XLIFF22: return G_XLIFF22;
	case BT_VFORMAT_TMX14: return G_TMX14;
	case BT_VFORMAT_UNKNOWN: break;
	}
	BT_BUG("no grammar for an unknown format");
}

long
bt_validator_check(struct bt_validator *v, const char *path,
		   const struct bt_validate_sink *sink,
		   enum bt_vformat *format, struct bt_error *err)
{
	if (format)
		*format = BT_VFORMAT_UNKNOWN;
	if (strcmp(path, "-")) {
		FILE *probe = fopen(path, "rb");
		if (!probe)
			return bt_error_set(err, BT_EIO, path,
					    _("cannot open: %s"),
					    strerror(errno));
		fclose(probe);
	}
	xmlDocPtr doc = bt_xml_read_file(path, err);
	if (!doc)
		return -1;
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root) {
		xmlFreeDoc(doc);
		return bt_error_set(err, BT_ESYNTAX, path,
				    _("not well-formed XML: no root element"));
	}
	struct bt_vcheck c = { .v = v, .path = path };
	c.format = detect(root, path, err);
	if (format)
		*format = c.format;
	if (c.format == BT_VFORMAT_UNKNOWN) {
		xmlFreeDoc(doc);
		return -1;
	}
	enum grammar g = grammar_of(v, c.format);
	if (load_grammar(v, g, err) < 0) {
		xmlFreeDoc(doc);
		return -1;
	}
	switch (c.format) {
	case BT_VFORMAT_XLIFF12:
		c.core_ns = BT_NS_XLIFF12;
		validate_xsd(&c, v->schemas[g], doc);
		bt_validate_xliff12(&c, root);
		break;
	case BT_VFORMAT_XLIFF20:
	case BT_VFORMAT_XLIFF21:
	case BT_VFORMAT_XLIFF22:
		c.core_ns = c.format == BT_VFORMAT_XLIFF22 ? BT_NS_XLIFF22
			: BT_NS_XLIFF20;
		validate_xsd(&c, v->schemas[g], doc);
		bt_validate_xliff2(&c, root);
		break;
	case BT_VFORMAT_TMX14:
		validate_dtd(&c, v->tmx_dtd, doc);
		bt_validate_tmx(&c, root);
		break;
	case BT_VFORMAT_UNKNOWN:
		break;
	}
	long n = flush_problems(&c, sink);
	release_check(&c);
	xmlFreeDoc(doc);
	return n;
}
