/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TMX 1.4b output: a translation memory written one <tu> at a time.
 *
 *	struct bt_tmx_header h = { .srclang = "zh-CN", .datatype = "plaintext" };
 *	struct bt_tmx_writer *w = bt_tmx_writer_new(out, &h, &err);
 *	struct bt_tmx_tuv tuv[2] = { { "zh-CN", &src }, { "en", &tgt } };
 *	struct bt_tmx_tu tu = { .tuvs = tuv, .n_tuvs = 2 };
 *	bt_tmx_writer_add(w, &tu, &err);
 *	bt_tmx_writer_finish(w, &err);
 *
 * Inline codes become <bpt>/<ept> when both ends are in the same <tuv>,
 * <it pos="begin|end"> when not, and <ph> for standalone codes, each
 * carrying the code's original data.  The output validates against the
 * TMX 1.4 DTD.
 */
#ifndef BT_FORMAT_TMX_H
#define BT_FORMAT_TMX_H

#include <stddef.h>

#include "core/error.h"
#include "core/output.h"
#include "doc/content.h"

struct bt_tmx_header {
	const char *srclang;	/* required; "*all*" allowed by TMX */
	const char *adminlang;	/* default "en" */
	const char *datatype;	/* default "plaintext" */
	const char *segtype;	/* default "sentence" */
	const char *o_tmf;	/* default "bitext" */
};

struct bt_tmx_prop {
	const char *type;	/* e.g. "x-bitext-score" */
	const char *value;
};

struct bt_tmx_tuv {
	const char *lang;
	const struct bt_content *content;	/* NULL or empty: no <tuv> */
};

struct bt_tmx_tu {
	const char *tuid;	/* or NULL */
	const struct bt_tmx_tuv *tuvs;
	size_t n_tuvs;
	const struct bt_tmx_prop *props;
	size_t n_props;
	const char *const *notes;
	size_t n_notes;
};

struct bt_tmx_writer;

/* Writes the header to out (which stays the caller's).  Caller ends with
 * bt_tmx_writer_finish() or bt_tmx_writer_free(). */
struct bt_tmx_writer *bt_tmx_writer_new(struct bt_output *out,
					const struct bt_tmx_header *h,
					struct bt_error *err);
int bt_tmx_writer_add(struct bt_tmx_writer *w, const struct bt_tmx_tu *tu,
		      struct bt_error *err);
/* Closes the document and frees w.  Does not commit out. */
int bt_tmx_writer_finish(struct bt_tmx_writer *w, struct bt_error *err);
/* Frees w after an error. NULL does nothing. */
void bt_tmx_writer_free(struct bt_tmx_writer *w);

/* --- reading ---------------------------------------------------------- */

/* A <tu> as read; everything is borrowed for the callback's duration. */
struct bt_tmx_read_tuv {
	char *lang;
	struct bt_content content;
};

struct bt_tmx_read_tu {
	char *tuid;			/* or NULL */
	struct bt_tmx_read_tuv *tuvs;
	size_t n_tuvs;
	char **prop_types, **prop_values;
	size_t n_props;
	char **notes;
	size_t n_notes;
	long line;
};

struct bt_tmx_read_header {
	char *srclang;
	char *datatype;
	char *creationtool;
};

/*
 * Streams the <tu>s of a TMX file (UTF-8 or UTF-16 with BOM, safe
 * options) to on_tu, after on_header (either may be NULL).  <bpt>,
 * <ept>, <it>, <ph> become inline codes carrying their content as the
 * original data; <hi> keeps its text; <sub> is part of its code's data.
 * Returns 0, or -1 with err (BT_ESYNTAX, BT_EINVALID for a file that is
 * not TMX, or whatever a callback returned).
 */
int bt_tmx_read(const char *path,
		int (*on_header)(void *ctx, const struct bt_tmx_read_header *h,
				 struct bt_error *err),
		int (*on_tu)(void *ctx, const struct bt_tmx_read_tu *tu,
			     struct bt_error *err),
		void *ctx, struct bt_error *err);

#endif /* BT_FORMAT_TMX_H */
