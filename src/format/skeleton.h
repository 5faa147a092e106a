/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The skeleton as it travels inside XLIFF: everything merge needs to
 * rebuild the original document that the XLIFF itself does not say.
 *
 * A small line-based text (base64-encoded inside <skeleton> or
 * <internal-file>, or a file of its own with --skeleton external):
 *
 *	bitext-skeleton 1
 *	filter text 1                       name and version of the filter
 *	encoding UTF-8 0                    the original's encoding, BOM
 *	sha256 9f86d08...                   of the original's bytes
 *	original corpora/seed/article.txt
 *	settings ascii-escapes              the filter's settings, if any
 *	code u1a2b3c4d o 1 fmt <b> <b>      a unit's inline codes, in order:
 *	code u1a2b3c4d c 1 fmt </b> </b>    kind (o c s), id, type, data and
 *	                                    the display, when it has one
 *	-
 *	t\u{3000}\u{3000}                   skeleton text
 *	uu1a2b3c4d                          the place of a unit
 *
 * Fields are separated by one space; text fields escape backslash, space,
 * line breaks, tab and every control character as \\, \s, \n, \r, \t and
 * \u{HEX}, so a field never holds a space and a line never a newline;
 * "-" is an empty field (a text "-" is written \u{2D}).
 * The form is the same for every XLIFF version, so convert copies it as
 * it is.
 */
#ifndef BT_FORMAT_SKELETON_H
#define BT_FORMAT_SKELETON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"
#include "doc/document.h"

struct bt_skeleton_info {
	char *filter;		/* owned */
	char *filter_version;	/* owned */
	char *encoding;		/* owned */
	bool bom;
	char *sha256;		/* owned; 64 hex digits */
	char *original;		/* owned */
	char *settings;		/* owned; NULL when the filter has none */
};

void bt_skeleton_info_release(struct bt_skeleton_info *info);

/*
 * Builds a skeleton piece by piece, as a filter hands the document on,
 * so that extract need not keep the document in memory.
 */
struct bt_skeleton_builder {
	struct bt_buf codes;	/* the "code" lines */
	struct bt_buf body;	/* the "t" and "u" lines */
	bool in_text;		/* body ends with a "t" line */
};

void bt_skeleton_builder_init(struct bt_skeleton_builder *b);
void bt_skeleton_builder_text(struct bt_skeleton_builder *b,
			      const char *text, size_t len);
void bt_skeleton_builder_unit(struct bt_skeleton_builder *b,
			      const struct bt_unit *u);
/* Appends the finished skeleton, with info, to out; releases b. */
void bt_skeleton_builder_finish(struct bt_skeleton_builder *b,
				const struct bt_skeleton_info *info,
				struct bt_buf *out);

/* Appends the skeleton of a whole document, with info, to out. */
void bt_skeleton_write(const struct bt_document *doc,
		       const struct bt_skeleton_info *info,
		       struct bt_buf *out);

/*
 * A skeleton read back: doc gets the skeleton text and parts, with each
 * unit part's index pointing into unit_ids (the ids in skeleton order);
 * the units themselves come from the XLIFF.  codes holds each unit's
 * inline codes (by unit id) as bt_content with only codes filled.
 */
struct bt_skeleton {
	struct bt_skeleton_info info;
	struct bt_document *doc;	/* owned; units not filled */
	char **unit_ids;		/* owned */
	size_t n_unit_ids;
	char **code_units;		/* owned: unit ids with codes */
	struct bt_content *codes;	/* owned: their codes */
	size_t n_code_units;
	struct bt_strmap code_index;	/* unit id -> index in codes */
};

/* Parses data[0..len).  BT_ESYNTAX when it is not a skeleton of ours or
 * has been tampered with.  Caller releases with bt_skeleton_release(). */
int bt_skeleton_parse(const char *data, size_t len, struct bt_skeleton *skel,
		      const char *where, struct bt_error *err);
void bt_skeleton_release(struct bt_skeleton *skel);

/* The inline codes recorded for unit id, or NULL.  Borrowed. */
const struct bt_content *bt_skeleton_codes(const struct bt_skeleton *skel,
					   const char *unit_id);

/* SHA-256 of the file at path, as 64 lower-case hex digits into hex[65].
 * Returns -1 with err when it cannot be read. */
int bt_sha256_file(const char *path, char hex[65], struct bt_error *err);

#endif /* BT_FORMAT_SKELETON_H */
