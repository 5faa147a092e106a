/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The document model every format shares.
 *
 * A document is an ordered list of units plus a skeleton: everything
 * between the units, kept byte for byte (as UTF-8; the document remembers
 * the original encoding), with a place where each unit goes.  A unit is one
 * translatable block: a paragraph, a heading, a table cell, a PO message.
 * Its content is split into segments (sentences); the text between two
 * segments (whitespace, usually) stays in the unit as ignorable content.
 *
 * Filters do not build documents directly: they push skeleton text and
 * units into a struct bt_sink, in document order.  bt_document_sink() is the
 * sink that collects a whole document; a command that only needs to look
 * at each unit once (segment, coverage) passes its own sink and keeps
 * memory flat however large the input is.
 */
#ifndef BT_DOC_DOCUMENT_H
#define BT_DOC_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "doc/content.h"

/* Translation state of a target, in XLIFF 2 terms. */
enum bt_state {
	BT_STATE_NONE = 0,	/* no target */
	BT_STATE_INITIAL,
	BT_STATE_TRANSLATED,
	BT_STATE_REVIEWED,
	BT_STATE_FINAL,
};

struct bt_segment {
	size_t start, end;	/* byte range in the unit's source text */
	struct bt_content *target;	/* owned; NULL when untranslated */
	enum bt_state state;
};

struct bt_note {
	char *text;		/* owned */
	char *category;		/* owned; "translator", "developer"... */
};

struct bt_unit {
	char *id;		/* owned; stable, unique in the document */
	char *name;		/* owned; element path, msgctxt, key; or NULL */
	bool translate;
	struct bt_note *notes;	/* owned */
	size_t n_notes;
	struct bt_content source;
	struct bt_segment *segments;	/* owned; empty until segmented */
	size_t n_segments;
};

/* Creates an empty translatable unit.  Caller frees with bt_unit_free()
 * or hands it to a sink. */
struct bt_unit *bt_unit_new(void);
void bt_unit_free(struct bt_unit *u);
void bt_unit_add_note(struct bt_unit *u, const char *category,
		      const char *text);
/* Makes the whole source one segment (what an unsegmented unit is). */
void bt_unit_set_one_segment(struct bt_unit *u);

/* What a filter knows about the file it read. */
struct bt_doc_info {
	const char *encoding;	/* "UTF-8", "UTF-16LE", "GB18030"... */
	bool bom;
	const char *lang;	/* declared language, or NULL */
	/*
	 * What the filter needs to know again when it writes the document,
	 * as a short text of its own ("ascii-escapes" for a JSON file that
	 * escapes every non-ASCII character...), or NULL.  It travels in
	 * the skeleton and comes back as bt_document.settings at merge.
	 */
	const char *settings;
};

struct bt_sink {
	/* Called once before anything else; never NULL. */
	int (*begin)(void *ctx, const struct bt_doc_info *info,
		     struct bt_error *err);
	/* Skeleton text that comes next in the document. */
	int (*skeleton)(void *ctx, const char *text, size_t len,
			struct bt_error *err);
	/* The next unit; the sink takes ownership of u. */
	int (*unit)(void *ctx, struct bt_unit *u, struct bt_error *err);
	void *ctx;
};

/*
 * Unit ids: a filter names each unit from its content (and its name, when
 * it has one), so that adding a paragraph does not renumber the others.
 * The id is "u" followed by 8 hex digits of a hash; a second unit with the
 * same text gets "-2", a third "-3", and so on.
 */
struct bt_unit_ids;
struct bt_unit_ids *bt_unit_ids_new(void);
void bt_unit_ids_free(struct bt_unit_ids *ids);
/* Sets u->id from u->name and u->source; u->id must be NULL. */
void bt_unit_ids_assign(struct bt_unit_ids *ids, struct bt_unit *u);

/* A piece of skeleton: text, or the place of unit number `unit`. */
struct bt_skeleton_part {
	size_t offset, len;	/* into skeleton text; len 0 for a unit */
	size_t unit;		/* SIZE_MAX for text */
};

struct bt_document {
	char *path;		/* owned; as given on the command line */
	char *filter;		/* owned; name of the filter that read it */
	char *encoding;		/* owned */
	/* Written in another encoding than the file was read in (merge
	 * --encoding): a writer updates the document's own declaration of
	 * its encoding, where it has one. */
	bool encoding_changed;
	bool bom;
	char *lang;		/* owned; declared source language or NULL */
	char *target_lang;	/* owned; language of the targets, or NULL */
	char *settings;		/* owned; the filter's, see bt_doc_info */
	struct bt_unit **units;	/* owned */
	size_t n_units;
	char *skeleton;		/* owned; all skeleton text, concatenated */
	size_t skeleton_len;
	struct bt_skeleton_part *parts;	/* owned; in document order */
	size_t n_parts;
	size_t cap_units, cap_parts, cap_skeleton;
};

struct bt_document *bt_document_new(const char *path);
void bt_document_free(struct bt_document *doc);
/* A sink that fills doc.  doc must outlive the sink's use. */
struct bt_sink bt_document_sink(struct bt_document *doc);

#endif /* BT_DOC_DOCUMENT_H */
