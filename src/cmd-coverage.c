/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext coverage: how much of a set of XLIFF, TMX and PO files is
 * translated, reviewed, final, in units, segments, words or characters,
 * per file and in total, as a table, JSON, CSV, Markdown or HTML; and a
 * gate for CI with --fail-under.  The counting is in src/count/, the
 * reports in src/report/.
 */
#include "system.h"

#include <getopt.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "core/buf.h"
#include "core/output.h"
#include "count/coverage.h"
#include "report/report.h"

/* At most this many files are named when --fail-under fails. */
enum { MAX_NAMED = 10 };

static void
usage(void)
{
	printf(_("Usage: bitext coverage [OPTION]... FILE|DIR...\n"));
	fputs(_("Report how much of XLIFF 1.2/2.x, TMX and PO files is "
		"translated, per file\nand in total; folders are searched "
		"recursively.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -f, --format=FORMAT    table (default), json, csv, markdown "
		"or html\n"), stdout);
	fputs(_("  -o, --output=FILE      write to FILE instead of standard "
		"output\n"), stdout);
	fputs(_("      --fail-under=PCT   exit with status 1 when the total "
		"coverage is under\n"
		"                         PCT percent\n"), stdout);
	fputs(_("  -m, --measure=WHAT     compute coverage on words "
		"(default), units, segments\n"
		"                         or chars\n"), stdout);
	fputs(_("      --min-state=STATE  the least state that counts as "
		"done: translated\n"
		"                         (default), reviewed or final\n"),
	      stdout);
	fputs(_("      --cjk-words=MODE   Chinese and Japanese words: "
		"ideographs (default: one\n"
		"                         word per ideograph or kana), gmx "
		"(characters divided\n"
		"                         by 2.8 zh, 3.0 ja, 3.3 ko) or "
		"spaces (as pocount)\n"), stdout);
	fputs(_("      --color=WHEN       colour the table: auto (default: "
		"on a terminal),\n"
		"                         always or never\n"), stdout);
	bt_cli_help_footer();
	fputs("\n", stdout);
	fputs(_("States: untranslated, needs review (XLIFF 1.2 needs-*, "
		"XLIFF 2 initial,\nPO fuzzy), translated (also a filled target "
		"with no state), reviewed (1.2\nsigned-off, 2 reviewed), final "
		"(1.2 final or approved=\"yes\", 2 final);\n"
		"translate=\"no\" units and obsolete PO entries are "
		"excluded.\n"), stdout);
	fputs(_("Exit status: 0 success, 1 coverage under --fail-under, 2 "
		"usage error or a\nfile that cannot be read (the others are "
		"still counted).\n"), stdout);
}

static void
file_error(void *ctx, struct bt_error *err)
{
	(void) ctx;
	/* bt_cli_report releases; the library releases again, harmlessly. */
	bt_cli_report(err);
}

/* Parses a percentage 0..100; -1 if it is not one. */
static int
parse_pct(const char *s, double *pct)
{
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	if (end != s && *end == '%')
		end++;
	if (end == s || *end || errno || !(d >= 0 && d <= 100))
		return -1;
	*pct = d;
	return 0;
}

static bool
use_color(const char *when, const char *output)
{
	if (!strcmp(when, "always"))
		return true;
	if (!strcmp(when, "never") || strcmp(output, "-"))
		return false;
	const char *term = getenv("TERM");
	const char *no_color = getenv("NO_COLOR");
	return isatty(1) && !(no_color && *no_color)
		&& !(term && !strcmp(term, "dumb"));
}

/* Says that coverage is under the threshold, and which files pull it
 * down, lowest first. */
static void
report_under(const struct bt_coverage *cov,
	     const struct bt_report_options *ro, double pct)
{
	struct bt_buf b = BT_BUF_INIT, p = BT_BUF_INIT, t = BT_BUF_INIT;
	bt_report_add_pct(&p, pct);
	bt_report_add_pct(&t, ro->fail_under);
	size_t *low;
	size_t n = bt_coverage_below(cov, ro->measure, ro->min_state,
				     ro->fail_under, &low);
	for (size_t i = 0; i < n && i < MAX_NAMED; i++) {
		const struct bt_coverage_file *f = &cov->files[low[i]];
		bt_buf_addstr(&b, i ? ", " : "");
		bt_buf_addf(&b, "%s (", f->path);
		bt_report_add_pct(&b, bt_counts_percent(&f->counts,
							ro->measure,
							ro->min_state));
		bt_buf_addch(&b, ')');
	}
	if (n > MAX_NAMED)
		bt_buf_addf(&b, ngettext(" and %zu more file", " and %zu more "
					 "files", n - MAX_NAMED),
			    n - MAX_NAMED);
	/* TRANSLATORS: "coverage 62.5% of words (translated or better) is
	 * under 95.0%; files under it: a.xlf (0.0%), b.po (50.0%)". */
	if (n)
		bt_cli_error(_("coverage %s of %s (%s or better) is under %s; "
			       "files under it: %s"), p.data,
			     bt_report_measure_label(ro->measure),
			     bt_report_state_label(ro->min_state), t.data,
			     b.data);
	else
		bt_cli_error(_("coverage %s of %s (%s or better) is under %s"),
			     p.data, bt_report_measure_label(ro->measure),
			     bt_report_state_label(ro->min_state), t.data);
	free(low);
	bt_buf_release(&b);
	bt_buf_release(&p);
	bt_buf_release(&t);
}

int
cmd_coverage(int argc, char **argv)
{
	enum { OPT_FAIL_UNDER = 256, OPT_MIN_STATE, OPT_CJK, OPT_COLOR };
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
		{ "measure", required_argument, NULL, 'm' },
		{ "min-state", required_argument, NULL, OPT_MIN_STATE },
		{ "cjk-words", required_argument, NULL, OPT_CJK },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "colour", required_argument, NULL, OPT_COLOR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct bt_report_options ro = {
		.measure = BT_WORDS, .min_state = BT_TRANSLATED,
		.fail_under = -1, .cjk_words = BT_CJK_IDEOGRAPHS,
	};
	enum bt_report_format format = BT_REPORT_TABLE;
	const char *output = "-", *color = "auto";
	int c;

	while ((c = getopt_long(argc, argv, "f:o:m:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (bt_report_parse_format(optarg, &format) < 0) {
				bt_cli_error(_("unknown output format '%s' "
					       "(use table, json, csv, "
					       "markdown or html)"), optarg);
				return bt_cli_try_help("coverage");
			}
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_FAIL_UNDER:
			if (parse_pct(optarg, &ro.fail_under) < 0) {
				bt_cli_error(_("--fail-under wants a "
					       "percentage from 0 to 100, not "
					       "'%s'"), optarg);
				return bt_cli_try_help("coverage");
			}
			break;
		case 'm':
			if (bt_measure_parse(optarg, &ro.measure) < 0) {
				bt_cli_error(_("unknown measure '%s' (use "
					       "words, units, segments or "
					       "chars)"), optarg);
				return bt_cli_try_help("coverage");
			}
			break;
		case OPT_MIN_STATE:
			if (bt_min_state_parse(optarg, &ro.min_state) < 0) {
				bt_cli_error(_("unknown state '%s' (use "
					       "translated, reviewed or "
					       "final)"), optarg);
				return bt_cli_try_help("coverage");
			}
			break;
		case OPT_CJK:
			if (bt_words_parse_mode(optarg, &ro.cjk_words) < 0) {
				bt_cli_error(_("unknown --cjk-words mode '%s' "
					       "(use ideographs, gmx or "
					       "spaces)"), optarg);
				return bt_cli_try_help("coverage");
			}
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always")
			    && strcmp(optarg, "never")) {
				bt_cli_error(_("--color wants auto, always or "
					       "never, not '%s'"), optarg);
				return bt_cli_try_help("coverage");
			}
			color = optarg;
			break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("coverage");
		}
	}
	if (optind >= argc) {
		bt_cli_error(_("no input file or folder"));
		return bt_cli_try_help("coverage");
	}
	ro.color = format == BT_REPORT_TABLE && use_color(color, output);

	struct bt_coverage_options co = {
		.cjk_words = ro.cjk_words, .file_error = file_error,
	};
	struct bt_coverage *cov = bt_coverage_new(&co);
	for (int i = optind; i < argc; i++)
		bt_coverage_add(cov, argv[i]);

	if (!cov->n_files && !cov->n_failed)
		bt_warn(&bt_cli_diag, NULL, 0,
			_("no XLIFF, TMX or PO file found"));
	int status = cov->n_failed ? BT_EXIT_ERROR : BT_EXIT_OK;
	struct bt_error err = BT_ERROR_INIT;
	if (cov->n_files || !cov->n_failed) {
		/* argv[argc] is NULL: the inputs list ends there. */
		struct bt_output *out = bt_output_open(
			output, NULL, false,
			(const char *const *) argv + optind, &err);
		int rc = out ? 0 : -1;
		if (rc == 0 && bt_report_write(out, format, cov, &ro,
					       &err) < 0) {
			bt_output_abort(out);
			rc = -1;
		} else if (rc == 0) {
			rc = bt_output_commit(out, &err);
		}
		if (rc < 0) {
			bt_coverage_free(cov);
			return bt_cli_report(&err);
		}
	}
	double pct = bt_counts_percent(&cov->total.counts, ro.measure,
				       ro.min_state);
	if (bt_report_fails(pct, &ro)) {
		report_under(cov, &ro, pct);
		if (status == BT_EXIT_OK)
			status = BT_EXIT_FAILED;
	}
	bt_coverage_free(cov);
	return status;
}
