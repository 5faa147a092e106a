/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XLIFF 2.1, 2.0 and 1.2: writing documents out for translators, and
 * reading translated XLIFF back into documents with targets.
 *
 * Writing streams one <file> per document through xmlTextWriter.  The
 * skeleton (format/skeleton.h) travels in the file (2.x <skeleton>, 1.2
 * <skl><internal-file>) or beside it, so that merge needs nothing else.
 *
 * Reading streams too (xmlTextReader, safe options): each <file> becomes
 * a document, handed to a callback and freed, so memory is bounded by the
 * largest document, not by the XLIFF.
 */
#ifndef BT_FORMAT_XLIFF_H
#define BT_FORMAT_XLIFF_H

#include <stdbool.h>

#include "core/error.h"
#include "core/output.h"
#include "doc/document.h"
#include "format/skeleton.h"

enum bt_xliff_version {
	BT_XLIFF_21 = 0,	/* the default */
	BT_XLIFF_20,
	BT_XLIFF_12,
};

/* "2.1", "2.0", "1.2" (also "xliff2.1"...) -> version; -1 if unknown. */
int bt_xliff_version_parse(const char *s);

struct bt_xliff_options {
	enum bt_xliff_version version;
	const char *srclang;
	const char *trglang;	/* may be NULL for 2.x */
	bool copy_source;	/* fill empty targets with the source */
};

struct bt_xliff_writer;

struct bt_xliff_writer *bt_xliff_writer_new(struct bt_output *out,
					    const struct bt_xliff_options *o,
					    struct bt_error *err);
/*
 * Writes one <file> in three steps, so that a document can be streamed
 * through: begin (with the skeleton, or NULL for bilingual XLIFF that has
 * none), each unit (segmented; targets and states where it has them), end.
 * original is the file's name; filter the filter's name (for 1.2's
 * datatype).
 */
int bt_xliff_writer_begin_file(struct bt_xliff_writer *w, const char *id,
			       const char *original, const char *filter,
			       const char *skeleton, size_t skeleton_len,
			       const char *skeleton_href, struct bt_error *err);
int bt_xliff_writer_unit(struct bt_xliff_writer *w, const struct bt_unit *u,
			 struct bt_error *err);
int bt_xliff_writer_end_file(struct bt_xliff_writer *w, struct bt_error *err);

/*
 * Writes doc (segmented; targets and states where it has them) as the
 * next <file>.  skeleton is the text bt_skeleton_write() made for it, or,
 * when skeleton_href is set, NULL and the skeleton is in that file.
 */
int bt_xliff_writer_add(struct bt_xliff_writer *w,
			const struct bt_document *doc, const char *file_id,
			const char *skeleton, size_t skeleton_len,
			const char *skeleton_href, struct bt_error *err);
int bt_xliff_writer_finish(struct bt_xliff_writer *w, struct bt_error *err);
void bt_xliff_writer_free(struct bt_xliff_writer *w);

/* One <file> read back. */
struct bt_xliff_file {
	char *id;		/* owned */
	char *original;		/* owned */
	char *srclang;		/* owned */
	char *trglang;		/* owned; may be NULL */
	enum bt_xliff_version version;
	struct bt_skeleton skeleton;	/* empty when the file had none */
	bool has_skeleton;
	/* The document: the skeleton's layout with the XLIFF's units in
	 * place, each with source segments, targets and states. */
	struct bt_document *doc;	/* owned */
	long line;		/* of the <file> element */
};

/*
 * Streaming: for each <file>, begin_file (once its skeleton is read:
 * f->doc then holds the skeleton's layout with placeholder units, each
 * with only its id), unit for each unit in XLIFF order (the handler takes
 * ownership of u), end_file.  Any callback may be NULL but unit.  Errors
 * as for bt_xliff_read().
 */
struct bt_xliff_handler {
	int (*begin_file)(void *ctx, struct bt_xliff_file *f,
			  struct bt_error *err);
	int (*unit)(void *ctx, struct bt_xliff_file *f, struct bt_unit *u,
		    struct bt_error *err);
	int (*end_file)(void *ctx, struct bt_xliff_file *f,
			struct bt_error *err);
	void *ctx;
};

int bt_xliff_read_stream(const char *path, const struct bt_xliff_handler *h,
			 struct bt_error *err);

/*
 * Reads path and calls on_file for each <file>, in order; the callback
 * may keep nothing (the file is released when it returns).  External
 * skeletons are looked for relative to path.  Returns 0, or -1 with err:
 * BT_ESYNTAX (malformed XML, damaged skeleton), BT_EINVALID (not XLIFF,
 * unsupported version, missing ids, broken inline codes in a target),
 * BT_EIO.
 */
int bt_xliff_read(const char *path,
		  int (*on_file)(void *ctx, struct bt_xliff_file *f,
				 struct bt_error *err),
		  void *ctx, struct bt_error *err);

#endif /* BT_FORMAT_XLIFF_H */
