/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the files of the validator share (validate*.c); not a public API.
 *
 * validate.c reads the file, detects its format, runs the grammar (XSD or
 * DTD) and collects the problems; the format checkers add the processing
 * requirements, each through bt_validate_report() on the node at fault:
 *
 *   validate-xliff2.c          XLIFF 2.x documents: files, groups, units,
 *                              notes, languages, extension points
 *   validate-xliff2-unit.c     inside a unit: ids, inline codes, pairing,
 *                              references, editing hints, ordering
 *   validate-xliff2-modules.c  the modules (mtc, gls, mda, res, ctr, slr,
 *                              val, fs)
 *   validate-fragid.c          XLIFF 2 fragment identifiers
 *   validate-xliff12.c         XLIFF 1.2
 *   validate-tmx.c             TMX 1.4b
 *   validate-util.c            DOM helpers, language tags
 */
#ifndef BT_FORMAT_VALIDATE_INTERNAL_H
#define BT_FORMAT_VALIDATE_INTERNAL_H

#include <stdbool.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "format/validate.h"

/* Namespaces. */
#define BT_NS_XML	"http://www.w3.org/XML/1998/namespace"
#define BT_NS_XLIFF12	"urn:oasis:names:tc:xliff:document:1.2"
#define BT_NS_XLIFF20	"urn:oasis:names:tc:xliff:document:2.0"
#define BT_NS_XLIFF22	"urn:oasis:names:tc:xliff:document:2.2"
#define BT_NS_MTC	"urn:oasis:names:tc:xliff:matches:2.0"
#define BT_NS_GLS	"urn:oasis:names:tc:xliff:glossary:2.0"
#define BT_NS_FS	"urn:oasis:names:tc:xliff:fs:2.0"
#define BT_NS_MDA	"urn:oasis:names:tc:xliff:metadata:2.0"
#define BT_NS_RES	"urn:oasis:names:tc:xliff:resourcedata:2.0"
#define BT_NS_CTR	"urn:oasis:names:tc:xliff:changetracking:2.0"
#define BT_NS_SLR	"urn:oasis:names:tc:xliff:sizerestriction:2.0"
#define BT_NS_VAL	"urn:oasis:names:tc:xliff:validation:2.0"
#define BT_NS_ITS	"http://www.w3.org/2005/11/its"
#define BT_NS_ITSM21	"urn:oasis:names:tc:xliff:itsm:2.1"
#define BT_NS_ITSM20	"urn:oasis:names:tc:xliff:itsm:2.0"
#define BT_NS_PGS	"urn:oasis:names:tc:xliff:pgs:1.0"

/* A problem waiting to be sorted and sent. */
struct bt_vproblem {
	long line;
	size_t seq;	/* order of discovery, to keep the sort stable */
	char *msg;	/* owned */
};

/* The state of one file's check. */
struct bt_vcheck {
	const struct bt_validator *v;
	const char *path;
	enum bt_vformat format;
	const char *core_ns;	/* XLIFF 2: the core namespace */
	const struct bt_x2file *file;	/* XLIFF 2: the file being checked,
					 * to resolve references quickly */
	struct bt_vproblem *problems;	/* owned */
	size_t n_problems, cap_problems;
};

/* Records a problem at node's line (msg already through _()). */
void bt_validate_report(struct bt_vcheck *c, const xmlNode *node,
			const char *fmt, ...) BT_PRINTF(3, 4);
/* Records a problem at a line (0: unknown). */
void bt_validate_report_line(struct bt_vcheck *c, long line,
			     const char *fmt, ...) BT_PRINTF(3, 4);

/* Whether prefix is registered for XLIFF 2 fragment identifiers, as a
 * module's or through bt_validator_add_prefix(). */
bool bt_validator_knows_prefix(const struct bt_validator *v,
			       const char *prefix);

/* --- DOM helpers (validate-util.c) --------------------------------- */

/* Whether n is an element in namespace ns (NULL: none) called name. */
bool bt_vx_is(const xmlNode *n, const char *ns, const char *name);
/* n's namespace URI, or NULL. */
const char *bt_vx_ns(const xmlNode *n);
/* The value of the attribute name in no namespace (ns NULL) or in ns, or
 * NULL when absent.  Borrowed from the tree. */
const char *bt_vx_attr(const xmlNode *n, const char *name);
const char *bt_vx_attr_ns(const xmlNode *n, const char *ns,
			  const char *name);
/* The attribute's value or dflt when absent. */
const char *bt_vx_attr_or(const xmlNode *n, const char *name,
			  const char *dflt);
/* Whether the attribute is present with value. */
bool bt_vx_attr_is(const xmlNode *n, const char *name, const char *value);
/* The xml:lang or xml:space in effect at n (on n or an ancestor), or
 * NULL. */
const char *bt_vx_lang(const xmlNode *n);
const char *bt_vx_space(const xmlNode *n);
/* n's line in the file (0 when unknown). */
long bt_vx_line(const xmlNode *n);
/* First child element of n in ns called name, or NULL. */
xmlNode *bt_vx_child(const xmlNode *n, const char *ns, const char *name);
/* Next element sibling (any name), or NULL. */
xmlNode *bt_vx_next_element(const xmlNode *n);
/* Whether n has any child element or non-blank text. */
bool bt_vx_has_content(const xmlNode *n);

/* An XML NMTOKEN (ASCII-only letters, digits and . - _ : plus any
 * non-ASCII character). */
bool bt_vx_is_nmtoken(const char *s);
/* One or more ASCII digits. */
bool bt_vx_is_uint(const char *s);
/* Whether the BCP 47 tag is well-formed (RFC 5646 section 2.1). */
bool bt_lang_wellformed(const char *tag);
/* Whether two language tags are equal, ignoring case. */
bool bt_lang_equal(const char *a, const char *b);

/* A set of strings with a node each: xmlHashTable with the node as
 * payload.  Returns the node already there, or NULL after adding. */
const xmlNode *bt_vset_add(xmlHashTablePtr set, const char *key,
			   const xmlNode *node);

/* --- format checks -------------------------------------------------- */

/* XLIFF 2.x processing requirements (validate-xliff2.c). */
void bt_validate_xliff2(struct bt_vcheck *c, xmlNode *root);

/* What the unit checks need to know of the enclosing file. */
struct bt_x2file {
	const xmlNode *file;
	xmlHashTablePtr units;	/* unit id -> unit */
	xmlHashTablePtr groups;	/* group id -> group */
};

/* One unit's processing requirements (validate-xliff2-unit.c). */
void bt_validate_x2_unit(struct bt_vcheck *c, const struct bt_x2file *f,
			 const xmlNode *unit);

/*
 * The inline-content checks shared with the Translation Candidates module:
 * ids, data references, pairing of <sc>/<ec> and <sm>/<em> in a container
 * whose <source>/<target> children hold content (a <unit>'s segments, an
 * <mtc:match>).  original_data is the <originalData> that dataRef points
 * into (may be NULL).
 */
void bt_validate_x2_content(struct bt_vcheck *c, const xmlNode *container,
			    const xmlNode *original_data, bool is_match);

/* Module elements and attributes (validate-xliff2-modules.c).  Called on
 * every element of the document. */
void bt_validate_x2_module_element(struct bt_vcheck *c, const xmlNode *n);
void bt_validate_x2_module_attrs(struct bt_vcheck *c, const xmlNode *n);
/* Whether ns is one of the modules of the core namespace's version. */
bool bt_validate_x2_is_module_ns(const struct bt_vcheck *c, const char *ns);

/* XLIFF 1.2 (validate-xliff12.c) and TMX 1.4b (validate-tmx.c). */
void bt_validate_xliff12(struct bt_vcheck *c, xmlNode *root);
void bt_validate_tmx(struct bt_vcheck *c, xmlNode *root);

/* --- fragment identifiers (validate-fragid.c) ------------------------ */

#define BT_FRAGID_MAX 8

/* One selector: prefix (NULL for a bare id) and id. */
struct bt_fragsel {
	char prefix[32];
	bool has_prefix;
	const char *id;		/* points into the parsed copy */
	size_t id_len;
};

struct bt_fragid {
	char *copy;		/* owned */
	char why[256];		/* the reason bt_fragid_parse() returns */
	struct bt_fragsel sel[BT_FRAGID_MAX];
	size_t n;
};

/*
 * Parses the fragment identifier of value (the part after '#'; value must
 * start with '#').  Returns NULL on success, or a translated reason.
 * Release with bt_fragid_release() either way.
 */
const char *bt_fragid_parse(const struct bt_vcheck *c, const char *value,
			    struct bt_fragid *f);
void bt_fragid_release(struct bt_fragid *f);

/*
 * Resolves a parsed fragment identifier against the document, relative to
 * the element context (the element carrying the reference).  Returns the
 * element it points to, or NULL.
 */
const xmlNode *bt_fragid_resolve(const struct bt_vcheck *c,
				 const struct bt_fragid *f,
				 const xmlNode *context);

/* Checks the syntax of a same-document reference ("#...") in attribute
 * attr of n, reporting problems; returns whether it parsed. */
bool bt_fragid_check(struct bt_vcheck *c, const xmlNode *n,
		     const char *attr, const char *value);

#endif /* BT_FORMAT_VALIDATE_INTERNAL_H */
