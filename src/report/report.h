/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Coverage reports: the counters of a struct bt_coverage written as an
 * aligned table, JSON, CSV, Markdown or a self-contained HTML page.  The
 * writers only write through struct bt_output; none prints.
 *
 *	struct bt_report_options ro = { .measure = BT_WORDS,
 *		.min_state = BT_TRANSLATED, .fail_under = 95 };
 *	if (bt_report_write(out, BT_REPORT_JSON, cov, &ro, &err) < 0)
 *		...
 *
 * The JSON shape, which scripts rely on:
 *
 *	{"files": [{"path", "format", "language", "units": C, "segments": C,
 *	            "words": C, "chars": C, "coverage": PCT,
 *	            "alignment": A (bilingual files only)}, ...],
 *	 "total": {"units": C, "segments": C, "words": C, "chars": C,
 *	           "coverage": PCT, "alignment": A (when any file has one)},
 *	 "measure", "min_state", "cjk_words", "fail_under" (when given),
 *	 "errors": [{"path", "line", "message"}, ...]}
 *
 * where C is {"total", "untranslated", "needs_review", "translated",
 * "reviewed", "final", "excluded"} ("total" leaves "excluded" out), PCT is
 * the coverage by measure at min_state, rounded down to two decimals, and
 * A is {"pairs", "aligned", "unaligned", "low_confidence",
 * "low_confidence_pairs", "unaligned_target", "aligned_chars",
 * "unaligned_chars"}, in source sentences but for the *_chars and *pairs.
 */
#ifndef BT_REPORT_REPORT_H
#define BT_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/output.h"
#include "count/coverage.h"

enum bt_report_format {
	BT_REPORT_TABLE,
	BT_REPORT_JSON,
	BT_REPORT_CSV,
	BT_REPORT_MARKDOWN,
	BT_REPORT_HTML,
};

struct bt_report_options {
	enum bt_measure measure;	/* what coverage is computed on */
	enum bt_state min_state;	/* the least state that counts done */
	double fail_under;		/* the threshold; negative: none */
	bool color;			/* table: ANSI colours */
	enum bt_cjk_words cjk_words;	/* recorded in JSON */
};

/* Parses "table", "json", "csv", "markdown" (or "md") or "html"; -1 for
 * anything else. */
int bt_report_parse_format(const char *s, enum bt_report_format *f);

/* Writes the report of cov to out.  -1 with err when out fails. */
int bt_report_write(struct bt_output *out, enum bt_report_format f,
		    const struct bt_coverage *cov,
		    const struct bt_report_options *opt, struct bt_error *err);

/* The writers behind bt_report_write(). */
int bt_report_table(struct bt_output *out, const struct bt_coverage *cov,
		    const struct bt_report_options *opt, struct bt_error *err);
int bt_report_json(struct bt_output *out, const struct bt_coverage *cov,
		   const struct bt_report_options *opt, struct bt_error *err);
int bt_report_csv(struct bt_output *out, const struct bt_coverage *cov,
		  const struct bt_report_options *opt, struct bt_error *err);
int bt_report_markdown(struct bt_output *out, const struct bt_coverage *cov,
		       const struct bt_report_options *opt,
		       struct bt_error *err);
int bt_report_html(struct bt_output *out, const struct bt_coverage *cov,
		   const struct bt_report_options *opt, struct bt_error *err);

/* --- shared by the writers -------------------------------------------- */

/* pct rounded down to one decimal and "%": "99.9%" until it is 100. */
void bt_report_add_pct(struct bt_buf *b, double pct);
/* pct rounded down to two decimals. */
double bt_report_floor2(double pct);
/* The translated label of a state ("needs review"), for people. */
const char *bt_report_state_label(enum bt_state s);
/* The translated name of a measure, plural ("words"), for people. */
const char *bt_report_measure_label(enum bt_measure m);
/* The sentence under every human report: "87.5% of the words are
 * translated or better; the threshold is 95%: below." */
void bt_report_add_summary(struct bt_buf *b, const struct bt_coverage *cov,
			   const struct bt_report_options *opt);
/* Whether coverage pct fails the options' threshold. */
bool bt_report_fails(double pct, const struct bt_report_options *opt);
/* aligned / (aligned + unaligned) in percent; 100 when both are 0. */
double bt_report_aligned_pct(const struct bt_alignment *a);

#endif /* BT_REPORT_REPORT_H */
