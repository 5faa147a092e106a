/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The CSV coverage report (RFC 4180): a header line, one row per file and
 * a last row for the total, whose "row" column says "total" (files say
 * "file").  Columns: row, path, format, language, then for each measure
 * (units, segments, words, chars) its total and its seven states, then
 * coverage (by --measure at --min-state, two decimals), then the
 * alignment counters (empty for files that are not alignments).
 */
#include "system.h"

#include "core/buf.h"
#include "report/report.h"

static void
add_field(struct bt_buf *b, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		bt_buf_addstr(b, s);
		return;
	}
	bt_buf_addch(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			bt_buf_addch(b, '"');
		bt_buf_addch(b, *s);
	}
	bt_buf_addch(b, '"');
}

static void
add_row(struct bt_buf *b, const char *row, const struct bt_coverage_file *f,
	const struct bt_report_options *opt)
{
	add_field(b, row);
	bt_buf_addch(b, ',');
	add_field(b, f->path);
	bt_buf_addch(b, ',');
	add_field(b, f->format);
	bt_buf_addch(b, ',');
	add_field(b, f->lang);
	for (int m = 0; m < BT_N_MEASURES; m++) {
		bt_buf_addf(b, ",%" PRIu64,
			    bt_counts_total(&f->counts, (enum bt_measure) m));
		for (int s = 0; s < BT_N_STATES; s++)
			bt_buf_addf(b, ",%" PRIu64, f->counts.n[m][s]);
	}
	double pct = bt_counts_percent(&f->counts, opt->measure,
				       opt->min_state);
	long hundredths = (long) (pct * 100.0 + 1e-9);
	bt_buf_addf(b, ",%ld.%02ld", hundredths / 100, hundredths % 100);
	const struct bt_alignment *a = &f->align;
	if (a->present)
		bt_buf_addf(b, ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64
			    ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64,
			    a->pairs, a->aligned, a->unaligned,
			    a->low_confidence, a->low_confidence_pairs,
			    a->unaligned_target, a->aligned_chars,
			    a->unaligned_chars);
	else
		bt_buf_addstr(b, ",,,,,,,,");
	bt_buf_addstr(b, "\r\n");
}

int
bt_report_csv(struct bt_output *out, const struct bt_coverage *cov,
	      const struct bt_report_options *opt, struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT;
	bt_buf_addstr(&b, "row,path,format,language");
	for (int m = 0; m < BT_N_MEASURES; m++) {
		const char *mn = bt_measure_name((enum bt_measure) m);
		bt_buf_addf(&b, ",%s_total", mn);
		for (int s = 0; s < BT_N_STATES; s++)
			bt_buf_addf(&b, ",%s_%s", mn,
				    bt_state_name((enum bt_state) s));
	}
	bt_buf_addstr(&b, ",coverage,pairs,aligned,unaligned,low_confidence,"
		      "low_confidence_pairs,unaligned_target,aligned_chars,"
		      "unaligned_chars\r\n");
	int rc = 0;
	for (size_t i = 0; i < cov->n_files && rc == 0; i++) {
		add_row(&b, "file", &cov->files[i], opt);
		if (b.len >= 65536) {
			rc = bt_output_write(out, b.data, b.len, err);
			bt_buf_reset(&b);
		}
	}
	if (rc == 0) {
		add_row(&b, "total", &cov->total, opt);
		rc = bt_output_write(out, b.data, b.len, err);
	}
	bt_buf_release(&b);
	return rc;
}
