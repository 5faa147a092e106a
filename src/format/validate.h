/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Validation of XLIFF 1.2, XLIFF 2.0 / 2.1 / 2.2 and TMX 1.4b files.
 *
 * A file is checked in two passes over one DOM tree, parsed with the
 * safe options of core/xml-safe.h:
 *
 *   1. the official grammar: the OASIS XSD of the file's version with
 *      every module schema (XLIFF), or the TMX 1.4 DTD loaded from the
 *      data folder (never the one the file's DOCTYPE names);
 *   2. the processing requirements no grammar can express: identifier
 *      uniqueness, <sc>/<ec> and <sm>/<em> pairing, references
 *      (dataRef, copyOf, subFlows, fragment identifiers), languages,
 *      editing hints, module constraints; for TMX the pairing of <bpt>
 *      and <ept>; for XLIFF 1.2 the pairing of <bpt>/<ept>, <bx>/<ex>.
 *
 * Each problem goes to the caller's sink with the file and line, sorted
 * by line; the library never prints.  A validator loads each schema once,
 * on first need, and keeps it for every later file.
 *
 *	struct bt_validator *v = bt_validator_new(0);
 *	long n = bt_validator_check(v, "a.xlf", &sink, NULL, &err);
 *	// n > 0: invalid, n problems sent to the sink; n == 0: valid;
 *	// n < 0: err says why the file could not be judged
 *	bt_validator_free(v);
 */
#ifndef BT_FORMAT_VALIDATE_H
#define BT_FORMAT_VALIDATE_H

#include "core/error.h"

/* The formats a validator knows, as detected from the root element. */
enum bt_vformat {
	BT_VFORMAT_UNKNOWN = 0,
	BT_VFORMAT_XLIFF12,
	BT_VFORMAT_XLIFF20,
	BT_VFORMAT_XLIFF21,
	BT_VFORMAT_XLIFF22,
	BT_VFORMAT_TMX14,
};

/* "XLIFF 2.1", "TMX 1.4b"...: a borrowed, untranslated name. */
const char *bt_vformat_name(enum bt_vformat format);

/* One problem in a file.  All strings are borrowed for the call. */
struct bt_problem {
	const char *file;	/* the path as given to the check */
	long line;		/* 1-based; 0 when unknown */
	const char *msg;	/* translated, one line, no final newline */
};

/* Where a validator sends the problems it finds. */
struct bt_validate_sink {
	void (*problem)(void *ctx, const struct bt_problem *problem);
	void *ctx;
};

enum bt_validate_flags {
	/* XLIFF 1.2: the strict schema (no deprecated constructs, every
	 * extension namespace needs a schema) instead of the transitional
	 * one that real-world files need. */
	BT_VALIDATE_STRICT = 1 << 0,
};

struct bt_validator;

/* A validator with flags (enum bt_validate_flags).  Never NULL; caller
 * frees with bt_validator_free(). */
struct bt_validator *bt_validator_new(unsigned flags);
void bt_validator_free(struct bt_validator *v);

/*
 * XLIFF 2 fragment identifiers may only use the prefixes the XLIFF TC has
 * registered: the core's and the modules', which the validator knows, and
 * extension prefixes, which it learns here.  Adds prefix (an NMTOKEN of
 * two characters or more) for namespace ns.  Returns 0, or -1 with err
 * (BT_EUSAGE) for a malformed prefix.
 */
int bt_validator_add_prefix(struct bt_validator *v, const char *prefix,
			    const char *ns, struct bt_error *err);

/*
 * Reads extension prefixes from a Java properties file of NAMESPACE=PREFIX
 * lines (the format of the OASIS test suite's extra-prefixes.properties;
 * `\:` escapes a colon, `#` and `!` start comments).  Returns 0, or -1 with
 * err (BT_EIO, BT_ESYNTAX with the line).
 */
int bt_validator_load_prefixes(struct bt_validator *v, const char *path,
			       struct bt_error *err);

/*
 * Validates the file at path ("-" is standard input).  Sends every
 * problem to sink (which may be NULL) and returns how many there were: 0
 * means the file is valid.  Returns -1 with err when the file cannot be
 * judged: it cannot be read (BT_EIO), is not well-formed XML (BT_ESYNTAX),
 * declares entities (BT_EINVALID, refused unexpanded), is not a format or
 * version the validator knows (BT_EUSAGE), or a schema is missing from the
 * data folder (BT_EIO).  *format, when format is not NULL, receives the
 * format detected (BT_VFORMAT_UNKNOWN if none).
 */
long bt_validator_check(struct bt_validator *v, const char *path,
			const struct bt_validate_sink *sink,
			enum bt_vformat *format, struct bt_error *err);

#endif /* BT_FORMAT_VALIDATE_H */
