/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Sentence alignment: pairs the sentences of a document with those of its
 * translation, as a list of beads.
 *
 * A bead joins n_src consecutive source sentences with n_tgt consecutive
 * target sentences (0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1).  The beads
 * cover both documents in order, every sentence exactly once.
 *
 *	struct bt_align_side *src = bt_align_side_new("a.txt", "de");
 *	struct bt_align_side *tgt = bt_align_side_new("b.txt", "fr");
 *	bt_align_side_read(src, filter, &fopt, seg_de, &err);   // or _read_lines
 *	bt_align_side_read(tgt, filter, &fopt, seg_fr, &err);
 *	struct bt_alignment a;
 *	bt_align_run(src, tgt, &opt, &a, &err);
 *	bt_align_write(out, BT_ALIGN_TMX, src, tgt, &a, &err);
 *	bt_alignment_release(&a);
 *
 * How (doc/internals would say it at length; align.c says it in short):
 * each sentence becomes a length in characters and a bag of tokens
 * (anchors.c: words, numbers and dates normalised across scripts, URLs,
 * punctuation).  The cost of a bead adds a Gale-Church length term
 * (length.c), a lexical term (the cosine of the two sides' token vectors,
 * where identical tokens, cognates, dictionary entries (dict.c) and, in
 * the second pass, learnt word translations (model1.c) match) and the
 * bead type's prior.  The dynamic programme (dp.c) runs in a band that a
 * coarser alignment (paragraphs, then pairs of items, recursively) fixes,
 * so time and memory grow linearly with the documents.
 *
 * The library never prints: problems come back through struct bt_error,
 * doubts (an empty side, very different lengths, a side that does not
 * look like its language) through opt->diag.
 */
#ifndef BT_ALIGN_ALIGN_H
#define BT_ALIGN_ALIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/output.h"
#include "doc/content.h"
#include "filter/filter.h"
#include "segment/srx.h"

/* ---- one side: the sentences of a document ------------------------------ */

struct bt_align_side;

/* A new empty side for the document path in language lang (both copied).
 * Caller frees with bt_align_side_free(). */
struct bt_align_side *bt_align_side_new(const char *path, const char *lang);
void bt_align_side_free(struct bt_align_side *s);

/*
 * Reads the side's document with filter f and splits each unit with seg,
 * keeping the segments in document order (the order `bitext segment`
 * lists them in); each unit starts a paragraph.  Streams: units are freed
 * as they are read.  Returns 0, or -1 with err.
 */
int bt_align_side_read(struct bt_align_side *s, const struct bt_filter *f,
		       const struct bt_filter_options *opt,
		       struct bt_segmenter *seg, struct bt_error *err);

/*
 * Reads the side's document as one sentence per line, taken as it is
 * (no segmentation): blank lines separate paragraphs and are not
 * sentences.  encoding as for bt_input_open().  Returns 0, or -1 with err.
 */
int bt_align_side_read_lines(struct bt_align_side *s, const char *encoding,
			     struct bt_error *err);

/*
 * Appends one sentence: text[0..len) in the content convention (markers
 * for inline codes, codes[k] the k-th marker; both copied).  new_paragraph
 * starts a paragraph with it.
 */
void bt_align_side_add(struct bt_align_side *s, const char *text, size_t len,
		       const struct bt_code *codes, size_t n_codes,
		       bool new_paragraph);

size_t bt_align_side_count(const struct bt_align_side *s);
size_t bt_align_side_paragraphs(const struct bt_align_side *s);
/* Borrowed until the side is freed. */
const char *bt_align_side_path(const struct bt_align_side *s);
const char *bt_align_side_lang(const struct bt_align_side *s);
/* The paragraph number (from 0) of sentence i. */
size_t bt_align_side_paragraph_of(const struct bt_align_side *s, size_t i);

/*
 * Fills *view with sentence i: its text and inline codes, borrowed from
 * the side until it is freed (never release the view).  view->text is
 * NUL-terminated.
 */
void bt_align_side_sentence(const struct bt_align_side *s, size_t i,
			    struct bt_content *view);

/* ---- a bilingual dictionary ---------------------------------------------- */

struct bt_align_dict;

/*
 * Loads a dictionary in hunalign's format: one entry a line,
 * "TARGET WORDS @ SOURCE WORDS".  Blank lines are skipped; a line without
 * " @ " is an error naming the line (BT_ESYNTAX).  Caller frees with
 * bt_align_dict_free().
 */
struct bt_align_dict *bt_align_dict_load(const char *path,
					 struct bt_error *err);
void bt_align_dict_free(struct bt_align_dict *d);
size_t bt_align_dict_count(const struct bt_align_dict *d);
/* Swaps the two sides of every entry: a dictionary of TGT @ SRC entries
 * for aligning SRC documents with TGT translations the other way. */
void bt_align_dict_reverse(struct bt_align_dict *d);
/*
 * The dictionary bitext installs for the two languages (by their primary
 * subtags): dict/SRC-TGT.dic of the data folder, or dict/TGT-SRC.dic read
 * the other way round (*reversed).  *path gets the file's path (caller
 * frees).  NULL when there is none (err untouched) or when it cannot be
 * read (err set).
 */
struct bt_align_dict *bt_align_dict_builtin(const char *srclang,
					    const char *tgtlang, char **path,
					    bool *reversed,
					    struct bt_error *err);

/* ---- aligning --------------------------------------------------------------- */

enum bt_align_flags {
	BT_ALIGN_NO_PARAGRAPHS = 1 << 0,	/* ignore paragraph structure */
	BT_ALIGN_ONE_PASS = 1 << 1,	/* no second, learnt-lexicon pass */
};

struct bt_align_options {
	unsigned flags;			/* enum bt_align_flags */
	const struct bt_align_dict *dict;	/* or NULL */
	const struct bt_diag *diag;	/* warnings; or NULL */
};

struct bt_bead {
	size_t src, tgt;	/* first sentence of each side */
	unsigned n_src, n_tgt;	/* how many; one of them may be 0 */
	double score;		/* confidence, 0..1 */
};

/* Bead types the aligner makes, in the order of bt_alignment.by_type. */
enum { BT_ALIGN_N_TYPES = 8 };
/* "1-1", "1-0"... for type t < BT_ALIGN_N_TYPES.  Static. */
const char *bt_align_type_name(unsigned t);
/* The type of a bead with the given sides, or BT_ALIGN_N_TYPES. */
unsigned bt_align_type_of(unsigned n_src, unsigned n_tgt);

struct bt_alignment {
	struct bt_bead *beads;	/* owned; in document order */
	size_t n_beads;
	size_t by_type[BT_ALIGN_N_TYPES];
	size_t unaligned_src, unaligned_tgt;	/* sentences in 1-0 / 0-1 */
	double mean_score;	/* over beads with both sides */
};

/*
 * Aligns src with tgt into *out (which the caller releases with
 * bt_alignment_release(), also after an error).  Either side may be empty
 * (a warning, and every sentence of the other in a 1-0 or 0-1 bead).
 * Returns 0, or -1 with err.
 */
int bt_align_run(const struct bt_align_side *src,
		 const struct bt_align_side *tgt,
		 const struct bt_align_options *opt, struct bt_alignment *out,
		 struct bt_error *err);
void bt_alignment_release(struct bt_alignment *a);

/* ---- writing ------------------------------------------------------------------ */

enum bt_align_format {
	BT_ALIGN_TMX,		/* TMX 1.4b, score and bead as <prop> */
	BT_ALIGN_XLIFF,		/* bilingual XLIFF 2.1, a unit per bead */
	BT_ALIGN_TSV,		/* score, bead, source, target */
	BT_ALIGN_BEADS,		/* "[0]:[0, 1]", the gold files' format */
	BT_ALIGN_HTML,		/* a side-by-side review page */
};

/* Parses "tmx", "xliff", "tsv", "beads" or "html"; -1 if none. */
int bt_align_format_parse(const char *name, enum bt_align_format *f);

/* Beads whose score is below this are marked for review (HTML). */
#define BT_ALIGN_LOW_SCORE 0.5

/*
 * Writes the alignment a of src and tgt to out (which stays the caller's,
 * uncommitted) in format f.  Returns 0, or -1 with err.
 */
int bt_align_write(struct bt_output *out, enum bt_align_format f,
		   const struct bt_align_side *src,
		   const struct bt_align_side *tgt,
		   const struct bt_alignment *a, struct bt_error *err);

/* One writer per format (write-*.c); bt_align_write() picks one. */
int bt_align_write_tmx(struct bt_output *out,
		       const struct bt_align_side *src,
		       const struct bt_align_side *tgt,
		       const struct bt_alignment *a, struct bt_error *err);
int bt_align_write_xliff(struct bt_output *out,
			 const struct bt_align_side *src,
			 const struct bt_align_side *tgt,
			 const struct bt_alignment *a, struct bt_error *err);
int bt_align_write_tsv(struct bt_output *out,
		       const struct bt_align_side *src,
		       const struct bt_align_side *tgt,
		       const struct bt_alignment *a, struct bt_error *err);
int bt_align_write_beads(struct bt_output *out,
			 const struct bt_align_side *src,
			 const struct bt_align_side *tgt,
			 const struct bt_alignment *a, struct bt_error *err);
int bt_align_write_html(struct bt_output *out,
			const struct bt_align_side *src,
			const struct bt_align_side *tgt,
			const struct bt_alignment *a, struct bt_error *err);

#endif /* BT_ALIGN_ALIGN_H */
