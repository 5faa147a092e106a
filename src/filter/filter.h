/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Filters: one per document format, each a {name, probe, read, write}
 * entry in one table (filter.c), as commands are in src/bitext.c; write
 * comes as two hooks, for skeleton text and for units.
 *
 * read() turns a file into skeleton text and units pushed to a sink (see
 * doc/document.h), streaming where the format allows.  write() turns a
 * document, with targets where the units have them, back into the format.
 * The invariant of every filter: read, then write with no targets, gives
 * the input back byte for byte.
 *
 * To add a filter: write src/filter/NAME.c defining `const struct
 * bt_filter bt_filter_NAME`, declare it below, add it to the table in
 * filter.c and to src/local.mk, and give it round-trip tests.
 */
#ifndef BT_FILTER_FILTER_H
#define BT_FILTER_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/output.h"
#include "doc/document.h"

struct bt_filter_options {
	const char *encoding;	/* --encoding, or NULL to detect */
	const struct bt_diag *diag;
	const char *target_lang;	/* --trglang, or NULL */
	const char *its_rules;	/* --its: a file of ITS 2.0 rules, or NULL */
	/* --md-front-matter: comma-separated front matter keys whose
	 * values are translated, or NULL */
	const char *md_front_matter;
};

struct bt_filter {
	const char *name;	/* "text", "html"... as given to --format */
	const char *version;	/* recorded in XLIFF so merge can check */
	const char *summary;	/* N_() one-line description */
	/*
	 * How sure the filter is that it reads this file, 0 (no) to 100,
	 * from its name and its first bytes head[0..len).
	 */
	int (*probe)(const char *path, const char *head, size_t len);
	int (*read)(const char *path, const struct bt_filter_options *opt,
		    const struct bt_sink *sink, struct bt_error *err);
	/*
	 * Writing, one piece at a time in document order, so that merge
	 * can stream: skeleton text as the format needs it written, and a
	 * unit with its targets (see bt_unit_render()).  doc gives the
	 * document's settings (target language...), not its units.
	 */
	int (*write_skeleton)(void *state, const struct bt_document *doc,
			      const char *text, size_t len,
			      struct bt_output *out, struct bt_error *err);
	int (*write_unit)(void *state, const struct bt_document *doc,
			  const struct bt_unit *u, struct bt_output *out,
			  struct bt_error *err);
	/*
	 * Optional, for a filter that must see more than one piece at a
	 * time (a PO message's fuzzy flag comes before its unit): state
	 * kept across the writing of one document, passed to the hooks
	 * above (NULL for filters without).  write_end writes what is
	 * still held and frees the state; with out NULL (the writing was
	 * abandoned) it only frees.
	 */
	void *(*write_begin)(const struct bt_document *doc);
	int (*write_end)(void *state, struct bt_output *out,
			 struct bt_error *err);
};

/* Writes a whole document with f's write hooks. */
int bt_filter_write(const struct bt_filter *f, const struct bt_document *doc,
		    struct bt_output *out, struct bt_error *err);

extern const struct bt_filter bt_filter_html;
extern const struct bt_filter bt_filter_json;
extern const struct bt_filter bt_filter_markdown;
extern const struct bt_filter bt_filter_po;
extern const struct bt_filter bt_filter_text;
extern const struct bt_filter bt_filter_xml;

/* The filter named name, or NULL. */
const struct bt_filter *bt_filter_find(const char *name);
/* The i-th filter of the table, NULL past the end. */
const struct bt_filter *bt_filter_at(size_t i);
/*
 * The filter that reads path best, from its name and first bytes.
 * Returns NULL and fills err when the file cannot be read.
 */
const struct bt_filter *bt_filter_detect(const char *path,
					 struct bt_error *err);

/*
 * Appends the text of unit u to out as it goes back into the document:
 * each segment's target where it has one (or its source), with the
 * ignorable text between segments as in the source, and every inline code
 * as its original data.  Filters whose format needs no escaping use it as
 * it is.
 *
 * Between two translated segments, the space the source had between them
 * is adapted to the target language (doc->target_lang; doc may be NULL): Chinese or
 * Japanese sentences follow each other with no space, which English needs,
 * and the other way round.  Line breaks are kept as they are.
 */
void bt_unit_render(const struct bt_document *doc, const struct bt_unit *u,
		    struct bt_buf *out);

/* bt_unit_render(), passing every run of text through escape(ctx, ...)
 * (bt_escape_fn, content.h). */
void bt_unit_render_escaped(const struct bt_document *doc,
			    const struct bt_unit *u, bt_escape_fn *escape,
			    void *ctx, struct bt_buf *out);

/* Whether sentences in lang are separated by spaces (not zh, ja, th...). */
bool bt_lang_spaces_sentences(const char *lang);

/*
 * Reads path with f and throws everything away: whether the file can be
 * read at all (encoding, syntax).  A command that streams to standard
 * output checks its inputs first, so that bad input leaves no half output.
 */
int bt_filter_check(const struct bt_filter *f, const char *path,
		    const struct bt_filter_options *opt, struct bt_error *err);

/* Reads a whole document with filter f into a new document. */
struct bt_document *bt_filter_read_document(const struct bt_filter *f,
					    const char *path,
					    const struct bt_filter_options *opt,
					    struct bt_error *err);

#endif /* BT_FILTER_FILTER_H */
