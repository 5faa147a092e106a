/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Translation and alignment coverage: what `bitext coverage` counts.
 *
 * A run (struct bt_coverage) reads files and folders (XLIFF 1.2 and 2.x,
 * TMX, PO; folders recursively), one at a time and streaming, and keeps
 * one struct bt_coverage_file of counters per file plus their total.
 * Memory grows with the number of files (a few hundred bytes each), never
 * with their size, except for PO files, which libgettextpo reads whole.
 *
 * Counters are a matrix: measure (units, segments, source words, source
 * characters) x state (untranslated ... final, excluded).  A unit is in the
 * least advanced state of its segments; each segment brings its words and
 * characters to its own state.  The "total" of a measure leaves the
 * excluded ones out (units with translate="no", obsolete PO entries).
 *
 *	struct bt_coverage_options opt = { .cjk_words = BT_CJK_IDEOGRAPHS,
 *		.file_error = report, .ctx = NULL };
 *	struct bt_coverage *cov = bt_coverage_new(&opt);
 *	for (i...) bt_coverage_add(cov, argv[i]);
 *	double pct = bt_counts_percent(&cov->total.counts, BT_WORDS,
 *				       BT_TRANSLATED);
 *	bt_coverage_free(cov);
 */
#ifndef BT_COUNT_COVERAGE_H
#define BT_COUNT_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "count/words.h"

/* Translation states, from least to most advanced, then excluded. */
enum bt_state {
	BT_UNTRANSLATED,
	BT_NEEDS_REVIEW,
	BT_TRANSLATED,
	BT_REVIEWED,
	BT_FINAL,
	BT_EXCLUDED,
	BT_N_STATES
};

enum bt_measure { BT_UNITS, BT_SEGMENTS, BT_WORDS, BT_CHARS, BT_N_MEASURES };

struct bt_counts {
	uint64_t n[BT_N_MEASURES][BT_N_STATES];
};

/*
 * Alignment of a bilingual file (TMX; XLIFF that carries bitext's
 * x-bitext-score / x-bitext-bead marks), in source sentences: a pair whose
 * both sides are non-empty is aligned; a unit with only a source is
 * unaligned; with only a target, it counts in unaligned_target.  A pair
 * with a score under 0.5 is low confidence.  A bead "2-1" holds two source
 * sentences; without a bead mark a side holds one.
 */
struct bt_alignment {
	bool present;		/* the file is an alignment */
	uint64_t pairs;		/* aligned units (beads) */
	uint64_t aligned;	/* source sentences in pairs */
	uint64_t unaligned;	/* source sentences without a target */
	uint64_t unaligned_target; /* target sentences without a source */
	uint64_t low_confidence;   /* source sentences in low pairs */
	uint64_t low_confidence_pairs;
	uint64_t aligned_chars;	   /* source characters in pairs */
	uint64_t unaligned_chars;  /* source characters without target */
};

/* Counters of one file (or of the total). */
struct bt_coverage_file {
	char *path;		/* owned */
	const char *format;	/* static: "xliff-1.2", "xliff-2.1", "tmx",
				 * "po"...; NULL for the total */
	char *lang;		/* owned: source language, or NULL */
	struct bt_counts counts;
	struct bt_alignment align;
	/* BT_CJK_GMX tallies by state, folded into the words at the end of
	 * the file (bt_coverage_file_finish). */
	uint64_t cjk[BT_N_STATES][BT_GMX_N];
};

/* Names: "untranslated", "needs_review", ... "excluded" (JSON keys);
 * "units", "segments", "words", "chars". */
const char *bt_state_name(enum bt_state s);
const char *bt_measure_name(enum bt_measure m);
/* Parses a --measure / --min-state argument; -1 if unknown.  min-state
 * accepts translated, reviewed and final only. */
int bt_measure_parse(const char *s, enum bt_measure *m);
int bt_min_state_parse(const char *s, enum bt_state *st);

/* Sum of the states of measure m, excluded left out. */
uint64_t bt_counts_total(const struct bt_counts *c, enum bt_measure m);
/* Sum of the states from min to final of measure m. */
uint64_t bt_counts_done(const struct bt_counts *c, enum bt_measure m,
			enum bt_state min);
/* done / total * 100; 100 when there is nothing to translate. */
double bt_counts_percent(const struct bt_counts *c, enum bt_measure m,
			 enum bt_state min);
/* Adds every counter of b to a. */
void bt_counts_add(struct bt_counts *a, const struct bt_counts *b);
void bt_alignment_add(struct bt_alignment *a, const struct bt_alignment *b);

struct bt_coverage_options {
	enum bt_cjk_words cjk_words;
	/* Called for each file that cannot be read (not found, malformed,
	 * unknown format); err is released after the call.  NULL: ignored. */
	void (*file_error)(void *ctx, struct bt_error *err);
	void *ctx;
};

/* A file that could not be read. */
struct bt_coverage_failure {
	char *path;		/* owned */
	long line;		/* 0 when unknown */
	char *msg;		/* owned; translated */
};

struct bt_coverage {
	struct bt_coverage_options opt;
	struct bt_coverage_file *files;	/* owned, n_files of them */
	size_t n_files;
	size_t cap;
	struct bt_coverage_file total;	/* sum of files[] */
	struct bt_coverage_failure *failed;	/* owned, n_failed */
	size_t n_failed;
	struct bt_words words;		/* the counter the readers use */
};

/* A new run.  Caller frees with bt_coverage_free(). */
struct bt_coverage *bt_coverage_new(const struct bt_coverage_options *opt);
void bt_coverage_free(struct bt_coverage *cov);

/*
 * Counts path: a file (any name; its format is found from its content),
 * "-" (standard input), or a folder, searched recursively for *.xlf,
 * *.xliff, *.sdlxliff, *.mqxliff, *.tmx, *.po and *.pot, and *.xml whose
 * root is <xliff> or <tmx>, in byte order of their names; names starting
 * with a dot and symbolic links to folders are skipped.  Each file that
 * cannot be read goes to opt.file_error and leaves no counts; the others
 * are counted.  Returns 0, or -1 when some file could not be read.
 */
int bt_coverage_add(struct bt_coverage *cov, const char *path);

/*
 * The files whose own coverage (measure m at min or better) is under pct:
 * their indexes in cov->files, the lowest coverage first, written to
 * *out (which the caller frees).  Returns how many.
 */
size_t bt_coverage_below(const struct bt_coverage *cov, enum bt_measure m,
			 enum bt_state min, double pct, size_t **out);

#endif /* BT_COUNT_COVERAGE_H */
