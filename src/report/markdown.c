/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The coverage report in Markdown (GitHub-flavoured tables), for a pull
 * request comment: a heading, the summary sentence with a pass / fail
 * mark when there is a threshold, one table row per file and the total,
 * and an alignment table for files that are alignments.  File names are
 * escaped so that no character in them makes Markdown or HTML.
 */
#include "system.h"

#include "core/buf.h"
#include "report/report.h"

/* Appends s with every character Markdown could take for syntax escaped,
 * and the ones a table cell cannot hold replaced. */
static void
add_escaped(struct bt_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s && strchr("\\`*_[]<>|~&$", *s))
			bt_buf_addch(b, '\\');
		if (*s == '\n' || *s == '\r' || *s == '\t')
			bt_buf_addch(b, ' ');
		else
			bt_buf_addch(b, *s);
	}
}

static void
add_row(struct bt_buf *b, const char *path, const char *format,
	const struct bt_coverage_file *f, const struct bt_report_options *opt,
	bool strong)
{
	const struct bt_counts *c = &f->counts;
	enum bt_measure m = opt->measure;
	const char *em = strong ? "**" : "";
	bt_buf_addf(b, "| %s", em);
	add_escaped(b, path);
	bt_buf_addf(b, "%s | ", em);
	add_escaped(b, format ? format : "");
	if (m != BT_UNITS)
		bt_buf_addf(b, " | %" PRIu64, bt_counts_total(c, BT_UNITS));
	bt_buf_addf(b, " | %" PRIu64, bt_counts_total(c, m));
	for (int s = 0; s < BT_N_STATES; s++)
		bt_buf_addf(b, " | %" PRIu64, c->n[m][s]);
	bt_buf_addf(b, " | %s", em);
	bt_report_add_pct(b, bt_counts_percent(c, m, opt->min_state));
	bt_buf_addf(b, "%s |\n", em);
}

static void
add_align_row(struct bt_buf *b, const char *path,
	      const struct bt_alignment *a)
{
	bt_buf_addstr(b, "| ");
	add_escaped(b, path);
	bt_buf_addf(b, " | %" PRIu64 " | %" PRIu64 " | %" PRIu64 " | %" PRIu64
		    " | %" PRIu64 " | ", a->pairs, a->aligned, a->unaligned,
		    a->low_confidence, a->unaligned_target);
	bt_report_add_pct(b, bt_report_aligned_pct(a));
	bt_buf_addstr(b, " |\n");
}

int
bt_report_markdown(struct bt_output *out, const struct bt_coverage *cov,
		   const struct bt_report_options *opt, struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT;
	enum bt_measure m = opt->measure;
	double pct = bt_counts_percent(&cov->total.counts, m, opt->min_state);
	bt_buf_addf(&b, "### %s\n\n", _("Translation coverage"));
	if (opt->fail_under >= 0)
		bt_buf_addstr(&b, bt_report_fails(pct, opt) ? ":x: "
			      : ":white_check_mark: ");
	bt_report_add_summary(&b, cov, opt);
	bt_buf_addstr(&b, ".\n\n");

	bt_buf_addf(&b, "| %s | %s", _("file"), _("format"));
	if (m != BT_UNITS)
		bt_buf_addf(&b, " | %s", bt_report_measure_label(BT_UNITS));
	bt_buf_addf(&b, " | %s", bt_report_measure_label(m));
	for (int s = 0; s < BT_N_STATES; s++)
		bt_buf_addf(&b, " | %s",
			    bt_report_state_label((enum bt_state) s));
	bt_buf_addf(&b, " | %s |\n|:--|:--", _("coverage"));
	for (int k = m != BT_UNITS ? 9 : 8; k > 0; k--)
		bt_buf_addstr(&b, "|--:");
	bt_buf_addstr(&b, "|\n");
	for (size_t i = 0; i < cov->n_files; i++)
		add_row(&b, cov->files[i].path, cov->files[i].format,
			&cov->files[i], opt, false);
	add_row(&b, _("total"), "", &cov->total, opt, true);

	if (cov->total.align.present) {
		bt_buf_addf(&b, "\n#### %s\n\n", _("Alignment"));
		bt_buf_addf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n"
			    "|:--|--:|--:|--:|--:|--:|--:|\n", _("file"),
			    _("pairs"), _("aligned"), _("unaligned"),
			    _("low confidence"), _("target only"),
			    _("aligned %"));
		for (size_t i = 0; i < cov->n_files; i++)
			if (cov->files[i].align.present)
				add_align_row(&b, cov->files[i].path,
					      &cov->files[i].align);
		bt_buf_addf(&b, "\n%s\n",
			    _("Aligned, unaligned and low confidence count "
			      "source sentences; low confidence is a score "
			      "under 0.5."));
	}
	if (cov->n_failed)
		bt_buf_addf(&b, "\n%s\n",
			    _("Some files could not be read; see the "
			      "messages."));
	int rc = bt_output_write(out, b.data, b.len, err);
	bt_buf_release(&b);
	return rc;
}
