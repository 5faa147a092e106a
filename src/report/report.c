/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the coverage report writers share: the format table, percentages,
 * labels and the summary sentence.
 */
#include "system.h"

#include "report/report.h"

int
bt_report_parse_format(const char *s, enum bt_report_format *f)
{
	static const struct {
		const char *name;
		enum bt_report_format f;
	} names[] = {
		{ "table", BT_REPORT_TABLE }, { "json", BT_REPORT_JSON },
		{ "csv", BT_REPORT_CSV }, { "markdown", BT_REPORT_MARKDOWN },
		{ "md", BT_REPORT_MARKDOWN }, { "html", BT_REPORT_HTML },
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i].name)) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

int
bt_report_write(struct bt_output *out, enum bt_report_format f,
		const struct bt_coverage *cov,
		const struct bt_report_options *opt, struct bt_error *err)
{
	switch (f) {
	case BT_REPORT_TABLE:
		return bt_report_table(out, cov, opt, err);
	case BT_REPORT_JSON:
		return bt_report_json(out, cov, opt, err);
	case BT_REPORT_CSV:
		return bt_report_csv(out, cov, opt, err);
	case BT_REPORT_MARKDOWN:
		return bt_report_markdown(out, cov, opt, err);
	case BT_REPORT_HTML:
		return bt_report_html(out, cov, opt, err);
	}
	return bt_error_set(err, BT_EUSAGE, NULL, _("unknown report format"));
}

void
bt_report_add_pct(struct bt_buf *b, double pct)
{
	/* Rounded down, so that 99.96% never shows as 100%. */
	long tenths = (long) (pct * 10.0 + 1e-9);
	bt_buf_addf(b, "%ld.%ld%%", tenths / 10, tenths % 10);
}

double
bt_report_floor2(double pct)
{
	return (double) (long) (pct * 100.0 + 1e-9) / 100.0;
}

const char *
bt_report_state_label(enum bt_state s)
{
	static const char *const labels[BT_N_STATES] = {
		N_("untranslated"), N_("needs review"), N_("translated"),
		N_("reviewed"), N_("final"), N_("excluded"),
	};
	return s < BT_N_STATES ? _(labels[s]) : "?";
}

const char *
bt_report_measure_label(enum bt_measure m)
{
	static const char *const labels[BT_N_MEASURES] = {
		N_("units"), N_("segments"), N_("words"), N_("characters"),
	};
	return m < BT_N_MEASURES ? _(labels[m]) : "?";
}

bool
bt_report_fails(double pct, const struct bt_report_options *opt)
{
	return opt->fail_under >= 0 && pct < opt->fail_under;
}

double
bt_report_aligned_pct(const struct bt_alignment *a)
{
	uint64_t all = a->aligned + a->unaligned;
	return all ? 100.0 * (double) a->aligned / (double) all : 100.0;
}

void
bt_report_add_summary(struct bt_buf *b, const struct bt_coverage *cov,
		      const struct bt_report_options *opt)
{
	const struct bt_counts *c = &cov->total.counts;
	double pct = bt_counts_percent(c, opt->measure, opt->min_state);
	struct bt_buf p = BT_BUF_INIT;
	bt_report_add_pct(&p, pct);
	/* TRANSLATORS: "87.5% of 1200 words are translated or better". */
	bt_buf_addf(b, _("%s of %" PRIu64 " %s are %s or better"),
		    p.data, bt_counts_total(c, opt->measure),
		    bt_report_measure_label(opt->measure),
		    bt_report_state_label(opt->min_state));
	if (opt->fail_under >= 0) {
		bt_buf_reset(&p);
		bt_report_add_pct(&p, opt->fail_under);
		bt_buf_addf(b, bt_report_fails(pct, opt)
			    ? _("; under the threshold of %s")
			    : _("; the threshold is %s"), p.data);
	}
	bt_buf_release(&p);
}
