/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The coverage report as one self-contained HTML page: no script, no
 * external style sheet, font or image.  The total and each file get a bar
 * split by state (in the chosen measure) with its numbers under it; a
 * table holds every number; bilingual files get an alignment bar.  The
 * layout is one column that narrows to a phone's width, and prints with
 * its colours (print-color-adjust) and without splitting a file's block.
 */
#include "system.h"

#include "core/buf.h"
#include "report/report.h"

static const char style[] =
	":root{--untranslated:#cf222e;--needs_review:#d4a72c;"
	"--translated:#3b82f6;--reviewed:#8250df;--final:#1a7f37;"
	"--excluded:#8c959f;--aligned:#0a7e8c;--low:#fb8f44;"
	"--unaligned:#8c959f}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;color:#1f2328;background:#fff;font:16px/1.45 "
	"system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
	"\"Noto Sans CJK SC\",sans-serif}\n"
	"main{max-width:60rem;margin:0 auto;padding:1rem}\n"
	"h1{font-size:1.5rem;margin:.25rem 0 .5rem}\n"
	"h2{font-size:1.15rem;margin:1.5rem 0 .5rem}\n"
	".summary{font-size:1.1rem;margin:.5rem 0}\n"
	".fail{color:var(--untranslated);font-weight:700}\n"
	".pass{color:var(--final);font-weight:700}\n"
	".legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;"
	"list-style:none;padding:0;margin:.75rem 0}\n"
	".legend li{display:flex;align-items:center;gap:.35rem}\n"
	".sw{display:inline-block;width:1rem;height:1rem;"
	"border:1px solid rgba(0,0,0,.25)}\n"
	".file{margin:0 0 1rem;break-inside:avoid;page-break-inside:avoid}\n"
	".file h3{font-size:1rem;font-weight:600;margin:0 0 .25rem;"
	"display:flex;flex-wrap:wrap;gap:0 .75rem;"
	"justify-content:space-between}\n"
	".path{font-family:ui-monospace,Menlo,Consolas,monospace;"
	"overflow-wrap:anywhere}\n"
	".fmt{font-weight:400;color:#57606a}\n"
	".bar{display:flex;height:1.25rem;border:1px solid rgba(0,0,0,.25);"
	"border-radius:3px;overflow:hidden;background:#eaeef2}\n"
	".bar span{display:block;height:100%}\n"
	".total .bar{height:2rem}\n"
	".nums{font-size:.85rem;color:#57606a;margin:.2rem 0 0}\n"
	".untranslated{background:var(--untranslated)}\n"
	".needs_review{background:var(--needs_review)}\n"
	".translated{background:var(--translated)}\n"
	".reviewed{background:var(--reviewed)}\n"
	".final{background:var(--final)}\n"
	".excluded{background:var(--excluded)}\n"
	".aligned{background:var(--aligned)}\n"
	".low{background:var(--low)}\n"
	".unaligned{background:var(--unaligned)}\n"
	".nums .sw{width:.75rem;height:.75rem;vertical-align:-1px;"
	"margin-right:.25rem}\n"
	".scroll{overflow-x:auto}\n"
	"table{border-collapse:collapse;font-size:.85rem;width:100%}\n"
	"th,td{padding:.25rem .5rem;border-bottom:1px solid #d0d7de;"
	"text-align:right;white-space:nowrap}\n"
	"th:first-child,td:first-child{text-align:left;white-space:normal;"
	"overflow-wrap:anywhere;min-width:10rem}\n"
	"tfoot td{font-weight:700}\n"
	"footer{margin-top:2rem;font-size:.8rem;color:#57606a}\n"
	"@media (max-width:30rem){body{font-size:15px}main{padding:.5rem}}\n"
	"@media print{*{-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact}body{font-size:10pt}main{max-width:none;"
	"padding:0}.scroll{overflow:visible}}\n";

static void
add_escaped(struct bt_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': bt_buf_addstr(b, "&amp;"); break;
		case '<': bt_buf_addstr(b, "&lt;"); break;
		case '>': bt_buf_addstr(b, "&gt;"); break;
		case '"': bt_buf_addstr(b, "&quot;"); break;
		case '\'': bt_buf_addstr(b, "&#39;"); break;
		default: bt_buf_addch(b, *s); break;
		}
	}
}

/* One span of a bar: width in percent of total, with a tooltip. */
static void
add_span(struct bt_buf *b, const char *cls, const char *label, uint64_t n,
	 uint64_t total, const char *unit)
{
	if (!n || !total)
		return;
	double w = 100.0 * (double) n / (double) total;
	bt_buf_addf(b, "<span class=\"%s\" style=\"width:%.3f%%\" title=\"",
		    cls, w);
	add_escaped(b, label);
	bt_buf_addf(b, ": %" PRIu64 " ", n);
	add_escaped(b, unit);
	bt_buf_addstr(b, "\"></span>");
}

static void
add_file(struct bt_buf *b, const char *path, const char *format,
	 const struct bt_coverage_file *f, const struct bt_report_options *opt,
	 bool total_block)
{
	const struct bt_counts *c = &f->counts;
	enum bt_measure m = opt->measure;
	uint64_t total = bt_counts_total(c, m);
	double pct = bt_counts_percent(c, m, opt->min_state);
	const char *unit = bt_report_measure_label(m);

	bt_buf_addstr(b, total_block ? "<section class=\"file total\">\n"
		      : "<section class=\"file\">\n");
	bt_buf_addstr(b, "<h3><span class=\"path\">");
	add_escaped(b, path);
	if (format && *format) {
		bt_buf_addstr(b, " <span class=\"fmt\">");
		add_escaped(b, format);
		bt_buf_addstr(b, "</span>");
	}
	bt_buf_addf(b, "</span><span class=\"%s\">",
		    bt_report_fails(pct, opt) ? "fail" : "pct");
	bt_report_add_pct(b, pct);
	bt_buf_addstr(b, "</span></h3>\n<div class=\"bar\" role=\"img\" "
		      "aria-label=\"");
	bt_report_add_pct(b, pct);
	bt_buf_addstr(b, "\">");
	for (int s = 0; s < BT_EXCLUDED; s++)
		add_span(b, bt_state_name((enum bt_state) s),
			 bt_report_state_label((enum bt_state) s), c->n[m][s],
			 total, unit);
	bt_buf_addstr(b, "</div>\n<p class=\"nums\">");
	bt_buf_addf(b, "%" PRIu64 " %s", total, unit);
	for (int s = 0; s < BT_N_STATES; s++) {
		if (!c->n[m][s])
			continue;
		bt_buf_addf(b, " · %" PRIu64 " ", c->n[m][s]);
		add_escaped(b, bt_report_state_label((enum bt_state) s));
	}
	bt_buf_addstr(b, "</p>\n");
	const struct bt_alignment *a = &f->align;
	if (a->present) {
		uint64_t all = a->aligned + a->unaligned;
		/* TRANSLATORS: the unit of the alignment bar. */
		const char *sent = _("source sentences");
		bt_buf_addstr(b, "<div class=\"bar\" role=\"img\" "
			      "aria-label=\"");
		add_escaped(b, _("alignment"));
		bt_buf_addstr(b, "\">");
		add_span(b, "aligned", _("aligned"),
			 a->aligned - a->low_confidence, all, sent);
		add_span(b, "low", _("low confidence"), a->low_confidence,
			 all, sent);
		add_span(b, "unaligned", _("unaligned"), a->unaligned, all,
			 sent);
		bt_buf_addstr(b, "</div>\n<p class=\"nums\">"
			      "<span class=\"sw aligned\"></span>");
		/* TRANSLATORS: "6 of 7 source sentences aligned". */
		bt_buf_addf(b, _("%" PRIu64 " of %" PRIu64 " source sentences "
				 "aligned"), a->aligned, all);
		bt_buf_addf(b, " · <span class=\"sw low\"></span>%" PRIu64 " ",
			    a->low_confidence);
		add_escaped(b, _("low confidence"));
		bt_buf_addf(b, " · <span class=\"sw unaligned\"></span>"
			    "%" PRIu64 " ", a->unaligned);
		add_escaped(b, _("unaligned"));
		bt_buf_addf(b, " · %" PRIu64 " ", a->unaligned_target);
		add_escaped(b, _("target only"));
		bt_buf_addstr(b, "</p>\n");
	}
	bt_buf_addstr(b, "</section>\n");
}

static void
add_table_row(struct bt_buf *b, const char *path,
	      const struct bt_coverage_file *f,
	      const struct bt_report_options *opt)
{
	const struct bt_counts *c = &f->counts;
	enum bt_measure m = opt->measure;
	bt_buf_addstr(b, "<tr><td>");
	add_escaped(b, path);
	bt_buf_addf(b, "</td><td>%" PRIu64 "</td>",
		    bt_counts_total(c, BT_UNITS));
	bt_buf_addf(b, "<td>%" PRIu64 "</td>", bt_counts_total(c, m));
	for (int s = 0; s < BT_N_STATES; s++)
		bt_buf_addf(b, "<td>%" PRIu64 "</td>", c->n[m][s]);
	bt_buf_addstr(b, "<td>");
	bt_report_add_pct(b, bt_counts_percent(c, m, opt->min_state));
	bt_buf_addstr(b, "</td></tr>\n");
}

int
bt_report_html(struct bt_output *out, const struct bt_coverage *cov,
	       const struct bt_report_options *opt, struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT;
	enum bt_measure m = opt->measure;
	double pct = bt_counts_percent(&cov->total.counts, m, opt->min_state);
	int rc = 0;

	bt_buf_addstr(&b, "<!DOCTYPE html>\n<html><head>\n"
		      "<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, "
		      "initial-scale=1\">\n<title>");
	add_escaped(&b, _("Translation coverage"));
	bt_buf_addf(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
		    "<main>\n<h1>", style);
	add_escaped(&b, _("Translation coverage"));
	bt_buf_addf(&b, "</h1>\n<p class=\"summary %s\">",
		    opt->fail_under < 0 ? ""
		    : bt_report_fails(pct, opt) ? "fail" : "pass");
	struct bt_buf s = BT_BUF_INIT;
	bt_report_add_summary(&s, cov, opt);
	add_escaped(&b, s.data);
	bt_buf_release(&s);
	bt_buf_addstr(&b, ".</p>\n<ul class=\"legend\">\n");
	for (int st = 0; st < BT_EXCLUDED; st++) {
		bt_buf_addf(&b, "<li><span class=\"sw %s\"></span>",
			    bt_state_name((enum bt_state) st));
		add_escaped(&b, bt_report_state_label((enum bt_state) st));
		bt_buf_addstr(&b, "</li>\n");
	}
	bt_buf_addstr(&b, "</ul>\n");
	add_file(&b, _("Total"), NULL, &cov->total, opt, true);
	if (cov->n_failed) {
		bt_buf_addstr(&b, "<p class=\"fail\">");
		add_escaped(&b, _("Some files could not be read:"));
		for (size_t i = 0; i < cov->n_failed; i++) {
			bt_buf_addstr(&b, i ? ", " : " ");
			add_escaped(&b, cov->failed[i].path);
		}
		bt_buf_addstr(&b, "</p>\n");
	}
	bt_buf_addstr(&b, "<h2>");
	add_escaped(&b, _("Files"));
	bt_buf_addstr(&b, "</h2>\n");
	for (size_t i = 0; i < cov->n_files; i++) {
		add_file(&b, cov->files[i].path, cov->files[i].format,
			 &cov->files[i], opt, false);
		if (b.len >= 65536) {
			rc = bt_output_write(out, b.data, b.len, err);
			bt_buf_reset(&b);
			if (rc < 0)
				goto done;
		}
	}

	bt_buf_addstr(&b, "<h2>");
	add_escaped(&b, _("Numbers"));
	bt_buf_addstr(&b, "</h2>\n<div class=\"scroll\"><table>\n<thead><tr>"
		      "<th>");
	add_escaped(&b, _("file"));
	bt_buf_addstr(&b, "</th><th>");
	add_escaped(&b, bt_report_measure_label(BT_UNITS));
	bt_buf_addstr(&b, "</th><th>");
	add_escaped(&b, bt_report_measure_label(m));
	for (int st = 0; st < BT_N_STATES; st++) {
		bt_buf_addstr(&b, "</th><th>");
		add_escaped(&b, bt_report_state_label((enum bt_state) st));
	}
	bt_buf_addstr(&b, "</th><th>");
	add_escaped(&b, _("coverage"));
	bt_buf_addstr(&b, "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < cov->n_files; i++) {
		add_table_row(&b, cov->files[i].path, &cov->files[i], opt);
		if (b.len >= 65536) {
			rc = bt_output_write(out, b.data, b.len, err);
			bt_buf_reset(&b);
			if (rc < 0)
				goto done;
		}
	}
	bt_buf_addstr(&b, "</tbody>\n<tfoot>\n");
	add_table_row(&b, _("total"), &cov->total, opt);
	bt_buf_addstr(&b, "</tfoot>\n</table></div>\n<footer>");
	add_escaped(&b, _("Made by bitext coverage"));
	bt_buf_addf(&b, " %s.</footer>\n</main>\n</body>\n</html>\n",
		    PACKAGE_VERSION);
	rc = bt_output_write(out, b.data, b.len, err);
done:
	bt_buf_release(&b);
	return rc;
}
