/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The coverage report as an aligned text table, for a terminal: one row
 * per file and a total, the states in the chosen measure, the coverage
 * (coloured when asked: green at 100% or at the threshold, yellow under
 * 100%, red under the threshold), the summary sentence, and a second
 * table for files that are alignments.  Widths count display columns, so
 * that Chinese file names line up.
 */
#include "system.h"

#include <uniwidth.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "report/report.h"

#define BOLD "\033[1m"
#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RESET "\033[0m"

enum { MAX_COLS = 12 };

/* A table being built: rows of owned cells. */
struct table {
	char **cells;			/* n_rows * n_cols */
	const char **colors;		/* per cell, or NULL */
	size_t n_rows, cap_rows, n_cols;
	bool numeric[MAX_COLS];		/* right-aligned columns */
	size_t width[MAX_COLS];
};

static void
add_row(struct table *t)
{
	if (t->n_rows == t->cap_rows) {
		t->cap_rows = t->cap_rows ? 2 * t->cap_rows : 16;
		t->cells = bt_xreallocarray(t->cells, t->cap_rows * t->n_cols,
					    sizeof(*t->cells));
		t->colors = bt_xreallocarray(t->colors,
					     t->cap_rows * t->n_cols,
					     sizeof(*t->colors));
	}
	for (size_t c = 0; c < t->n_cols; c++) {
		t->cells[t->n_rows * t->n_cols + c] = NULL;
		t->colors[t->n_rows * t->n_cols + c] = NULL;
	}
	t->n_rows++;
}

/* Sets cell c of the last row (takes ownership of s). */
static void
set(struct table *t, size_t c, char *s)
{
	t->cells[(t->n_rows - 1) * t->n_cols + c] = s;
}

static void
set_num(struct table *t, size_t c, uint64_t n)
{
	set(t, c, bt_xasprintf("%" PRIu64, n));
}

static size_t
width_of(const char *s)
{
	int w = u8_strwidth((const uint8_t *) s, "UTF-8");
	return w < 0 ? strlen(s) : (size_t) w;
}

static void
table_free(struct table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->colors);
}

/* Renders t into b; the first and last rows bold when color. */
static void
render(struct table *t, struct bt_buf *b, bool color, bool bold_last)
{
	for (size_t c = 0; c < t->n_cols; c++) {
		t->width[c] = 0;
		for (size_t r = 0; r < t->n_rows; r++) {
			const char *s = t->cells[r * t->n_cols + c];
			size_t w = s ? width_of(s) : 0;
			if (w > t->width[c])
				t->width[c] = w;
		}
	}
	for (size_t r = 0; r < t->n_rows; r++) {
		bool bold = color && (r == 0 || (bold_last
						 && r == t->n_rows - 1));
		if (bold)
			bt_buf_addstr(b, BOLD);
		for (size_t c = 0; c < t->n_cols; c++) {
			const char *s = t->cells[r * t->n_cols + c];
			const char *col = color ? t->colors[r * t->n_cols + c]
				: NULL;
			if (!s)
				s = "";
			size_t pad = t->width[c] - width_of(s);
			bool last = c + 1 == t->n_cols;
			if (c)
				bt_buf_addstr(b, "  ");
			if (t->numeric[c])
				for (size_t i = 0; i < pad; i++)
					bt_buf_addch(b, ' ');
			if (col)
				bt_buf_addstr(b, col);
			bt_buf_addstr(b, s);
			if (col)
				bt_buf_addstr(b, bold ? RESET BOLD : RESET);
			if (!t->numeric[c] && !last)
				for (size_t i = 0; i < pad; i++)
					bt_buf_addch(b, ' ');
		}
		if (bold)
			bt_buf_addstr(b, RESET);
		bt_buf_addch(b, '\n');
	}
}

static const char *
pct_color(double pct, const struct bt_report_options *opt)
{
	if (bt_report_fails(pct, opt))
		return RED;
	if (pct >= 100.0 || opt->fail_under >= 0)
		return GREEN;
	return YELLOW;
}

static char *
pct_string(double pct)
{
	struct bt_buf b = BT_BUF_INIT;
	bt_report_add_pct(&b, pct);
	return bt_buf_detach(&b, NULL);
}

static void
coverage_row(struct table *t, const char *path, const char *format,
	     const struct bt_coverage_file *f,
	     const struct bt_report_options *opt)
{
	const struct bt_counts *c = &f->counts;
	enum bt_measure m = opt->measure;
	add_row(t);
	set(t, 0, bt_xstrdup(path));
	set(t, 1, bt_xstrdup(format ? format : ""));
	size_t col = 2;
	if (m != BT_UNITS)
		set_num(t, col++, bt_counts_total(c, BT_UNITS));
	set_num(t, col++, bt_counts_total(c, m));
	for (int s = 0; s < BT_N_STATES; s++)
		set_num(t, col++, c->n[m][s]);
	double pct = bt_counts_percent(c, m, opt->min_state);
	set(t, col, pct_string(pct));
	t->colors[(t->n_rows - 1) * t->n_cols + col] = pct_color(pct, opt);
}

static void
coverage_table(const struct bt_coverage *cov,
	       const struct bt_report_options *opt, struct bt_buf *b)
{
	enum bt_measure m = opt->measure;
	struct table t = { .n_cols = m == BT_UNITS ? 10 : 11 };
	for (size_t c = 2; c < t.n_cols; c++)
		t.numeric[c] = true;
	add_row(&t);
	set(&t, 0, bt_xstrdup(_("file")));
	set(&t, 1, bt_xstrdup(_("format")));
	size_t col = 2;
	if (m != BT_UNITS)
		set(&t, col++, bt_xstrdup(bt_report_measure_label(BT_UNITS)));
	set(&t, col++, bt_xstrdup(bt_report_measure_label(m)));
	for (int s = 0; s < BT_N_STATES; s++)
		set(&t, col++, bt_xstrdup(bt_report_state_label(
					    (enum bt_state) s)));
	set(&t, col, bt_xstrdup(_("coverage")));
	for (size_t i = 0; i < cov->n_files; i++)
		coverage_row(&t, cov->files[i].path, cov->files[i].format,
			     &cov->files[i], opt);
	coverage_row(&t, _("total"), "", &cov->total, opt);
	render(&t, b, opt->color, true);
	table_free(&t);
}

static void
alignment_row(struct table *t, const char *path, const struct bt_alignment *a)
{
	add_row(t);
	set(t, 0, bt_xstrdup(path));
	set_num(t, 1, a->pairs);
	set_num(t, 2, a->aligned);
	set_num(t, 3, a->unaligned);
	set_num(t, 4, a->low_confidence);
	set_num(t, 5, a->unaligned_target);
	set(t, 6, pct_string(bt_report_aligned_pct(a)));
}

static void
alignment_table(const struct bt_coverage *cov,
		const struct bt_report_options *opt, struct bt_buf *b)
{
	struct table t = { .n_cols = 7 };
	for (size_t c = 1; c < t.n_cols; c++)
		t.numeric[c] = true;
	add_row(&t);
	set(&t, 0, bt_xstrdup(_("alignment")));
	set(&t, 1, bt_xstrdup(_("pairs")));
	/* TRANSLATORS: the next four count source sentences. */
	set(&t, 2, bt_xstrdup(_("aligned")));
	set(&t, 3, bt_xstrdup(_("unaligned")));
	set(&t, 4, bt_xstrdup(_("low confidence")));
	set(&t, 5, bt_xstrdup(_("target only")));
	set(&t, 6, bt_xstrdup(_("aligned %")));
	size_t n = 0;
	for (size_t i = 0; i < cov->n_files; i++)
		if (cov->files[i].align.present) {
			alignment_row(&t, cov->files[i].path,
				      &cov->files[i].align);
			n++;
		}
	if (n > 1)
		alignment_row(&t, _("total"), &cov->total.align);
	render(&t, b, opt->color, n > 1);
	table_free(&t);
}

int
bt_report_table(struct bt_output *out, const struct bt_coverage *cov,
		const struct bt_report_options *opt, struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT;
	coverage_table(cov, opt, &b);
	bt_buf_addch(&b, '\n');
	bt_report_add_summary(&b, cov, opt);
	bt_buf_addstr(&b, ".\n");
	if (cov->total.align.present) {
		bt_buf_addch(&b, '\n');
		alignment_table(cov, opt, &b);
		bt_buf_addstr(&b, _("Aligned, unaligned and low confidence "
				    "count source sentences; low confidence "
				    "is a score under 0.5.\n"));
	}
	int rc = bt_output_write(out, b.data, b.len, err);
	bt_buf_release(&b);
	return rc;
}
