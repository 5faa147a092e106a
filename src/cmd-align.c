/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext align: pairs the sentences of a document with those of its
 * translation and writes the pairs as TMX (default), bilingual XLIFF,
 * TSV, beads or an HTML review page, with a summary on stderr.  Both
 * documents go through the same filters and segmenter as `bitext segment`
 * (or, with --sentences, are taken one sentence a line); the aligning is
 * the library's (src/align/).
 */
#include "system.h"

#include <getopt.h>

#include "align/align.h"
#include "cli.h"
#include "commands.h"
#include "core/input.h"
#include "core/output.h"
#include "filter/filter.h"
#include "segment/srx.h"

static void
usage(void)
{
	printf(_("Usage: bitext align [OPTION]... SOURCE TARGET\n"));
	fputs(_("Align the sentences of a document with those of its "
		"translation, and write\nthe pairs as a translation memory "
		"or for review.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -s, --srclang=LANG     the source document's language "
		"(BCP 47, e.g. de, zh-CN)\n"), stdout);
	fputs(_("  -t, --trglang=LANG     the target document's language\n"),
	      stdout);
	fputs(_("  -o, --output=FILE      write to FILE instead of standard "
		"output\n"), stdout);
	fputs(_("  -f, --format=FORMAT    tmx (default), xliff, tsv, beads "
		"or html\n"), stdout);
	fputs(_("      --dict=FILE        a bilingual dictionary, one "
		"'TARGET @ SOURCE' entry a line\n"
		"                         (hunalign's format), instead of "
		"bitext's own\n"), stdout);
	fputs(_("      --no-dict          no dictionary, not even bitext's "
		"own\n"), stdout);
	fputs(_("      --sentences        the inputs hold one sentence a line, "
		"taken as it is;\n"
		"                         blank lines separate paragraphs\n"),
	      stdout);
	fputs(_("      --no-paragraphs    do not let paragraphs guide the "
		"alignment\n"), stdout);
	fputs(_("      --srx=FILE         segmentation rules (SRX 2.0) "
		"instead of bitext's own\n"), stdout);
	fputs(_("  -e, --encoding=ENC     the inputs' encoding when they have "
		"no byte-order mark\n"), stdout);
	fputs(_("      --filter=NAME      read the inputs as NAME (default: "
		"detected)\n"), stdout);
	fputs(_("  -q, --quiet            no summary on standard error\n"),
	      stdout);
	bt_cli_help_footer();
	fputs("\n", stdout);
	fputs(_("Beads join 0 to 3 sentences of each side (1-1, 1-2, 2-1, "
		"2-2, 1-3, 3-1, and\n1-0 / 0-1 for a sentence without a "
		"counterpart); each has a score from 0 to 1.\nTMX carries them "
		"as <prop type=\"x-bitext-score\"> and "
		"<prop type=\"x-bitext-bead\">.\n"
		"--format=beads writes '[0]:[0, 1]' lines: 0-based sentence "
		"numbers, counted as\n'bitext segment' lists the segments "
		"(with --sentences, the non-blank lines).\n"), stdout);
	fputs(_("\nbitext has its own dictionary for some pairs of languages "
		"(Chinese-English,\nfrom CC-CEDICT), in either direction; the "
		"summary names the one used.\n"), stdout);
}

/* Reads one side: through its filter and a segmenter, or line by line. */
static struct bt_align_side *
read_side(const char *path, const char *lang, bool lines,
	  const struct bt_filter *forced, const char *encoding,
	  const struct bt_srx *srx, struct bt_error *err)
{
	struct bt_align_side *side = bt_align_side_new(path, lang);
	if (lines) {
		if (bt_align_side_read_lines(side, encoding, err) < 0)
			goto fail;
		return side;
	}
	const struct bt_filter *f = forced ? forced
		: bt_filter_detect(path, err);
	if (!f)
		goto fail;
	struct bt_segmenter *seg = bt_segmenter_new(srx, lang, &bt_cli_diag,
						    err);
	if (!seg)
		goto fail;
	struct bt_filter_options fopt = { .encoding = encoding,
					  .diag = &bt_cli_diag };
	int rc = bt_align_side_read(side, f, &fopt, seg, err);
	bt_segmenter_free(seg);
	if (rc < 0)
		goto fail;
	return side;
fail:
	bt_align_side_free(side);
	return NULL;
}

static void
summary(const struct bt_align_side *src, const struct bt_align_side *tgt,
	const struct bt_alignment *a, const char *dict_path,
	const struct bt_align_dict *dict, bool reversed)
{
	fprintf(stderr, _("bitext: aligned %zu source and %zu target "
			  "sentences in %zu beads\n"),
		bt_align_side_count(src), bt_align_side_count(tgt),
		a->n_beads);
	fprintf(stderr, "%s", _("bitext:   beads by type:"));
	for (unsigned t = 0; t < BT_ALIGN_N_TYPES; t++)
		if (a->by_type[t])
			fprintf(stderr, " %s %zu", bt_align_type_name(t),
				a->by_type[t]);
	fputc('\n', stderr);
	fprintf(stderr, _("bitext:   unaligned: %zu source, %zu target "
			  "sentences\n"), a->unaligned_src, a->unaligned_tgt);
	fprintf(stderr, _("bitext:   mean score: %.3f\n"), a->mean_score);
	if (!dict) {
		fprintf(stderr, "%s", _("bitext:   dictionary: none\n"));
		return;
	}
	size_t n = bt_align_dict_count(dict);
	if (reversed)
		fprintf(stderr, ngettext("bitext:   dictionary: %s (%zu entry, "
					 "read the other way round)\n",
					 "bitext:   dictionary: %s (%zu entries, "
					 "read the other way round)\n", n),
			dict_path, n);
	else
		fprintf(stderr, ngettext("bitext:   dictionary: %s (%zu entry)\n",
					 "bitext:   dictionary: %s (%zu entries)\n",
					 n), dict_path, n);
}

int
cmd_align(int argc, char **argv)
{
	enum { OPT_DICT = 256, OPT_NO_DICT, OPT_SENTENCES, OPT_NO_PARAGRAPHS,
	       OPT_SRX, OPT_FILTER };
	static const struct option options[] = {
		{ "srclang", required_argument, NULL, 's' },
		{ "trglang", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "dict", required_argument, NULL, OPT_DICT },
		{ "no-dict", no_argument, NULL, OPT_NO_DICT },
		{ "sentences", no_argument, NULL, OPT_SENTENCES },
		{ "no-paragraphs", no_argument, NULL, OPT_NO_PARAGRAPHS },
		{ "srx", required_argument, NULL, OPT_SRX },
		{ "encoding", required_argument, NULL, 'e' },
		{ "filter", required_argument, NULL, OPT_FILTER },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *srclang = NULL, *trglang = NULL, *output = "-";
	const char *dict_path = NULL, *srx_path = NULL, *encoding = NULL;
	const char *filter_name = NULL;
	enum bt_align_format format = BT_ALIGN_TMX;
	bool lines = false, quiet = false, no_dict = false;
	struct bt_align_options opt = { 0, NULL, &bt_cli_diag };
	struct bt_error err = BT_ERROR_INIT;
	int c;

	while ((c = getopt_long(argc, argv, "s:t:o:f:e:qh", options, NULL))
	       != -1) {
		switch (c) {
		case 's': srclang = optarg; break;
		case 't': trglang = optarg; break;
		case 'o': output = optarg; break;
		case 'e': encoding = optarg; break;
		case 'q': quiet = true; break;
		case OPT_DICT: dict_path = optarg; break;
		case OPT_NO_DICT: no_dict = true; break;
		case OPT_SENTENCES: lines = true; break;
		case OPT_NO_PARAGRAPHS:
			opt.flags |= BT_ALIGN_NO_PARAGRAPHS;
			break;
		case OPT_SRX: srx_path = optarg; break;
		case OPT_FILTER: filter_name = optarg; break;
		case 'f':
			if (bt_align_format_parse(optarg, &format) < 0) {
				bt_cli_error(_("unknown output format '%s' "
					       "(use tmx, xliff, tsv, beads or "
					       "html)"), optarg);
				return bt_cli_try_help("align");
			}
			break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("align");
		}
	}
	if (argc - optind != 2) {
		bt_cli_error(argc - optind < 2
			     ? _("two input files are needed: the source "
				 "document and its translation")
			     : _("too many input files: give the source "
				 "document and its translation"));
		return bt_cli_try_help("align");
	}
	if (!srclang || !trglang) {
		bt_cli_error(_("give the languages with --srclang and "
			       "--trglang"));
		return bt_cli_try_help("align");
	}
	if (bt_cli_check_encoding(encoding) != BT_EXIT_OK)
		return BT_EXIT_ERROR;
	const struct bt_filter *forced = NULL;
	if (filter_name && !(forced = bt_filter_find(filter_name)))
		return bt_cli_error(_("unknown filter '%s'"), filter_name);
	const char *src_path = argv[optind], *tgt_path = argv[optind + 1];
	if (!strcmp(src_path, "-") && !strcmp(tgt_path, "-"))
		return bt_cli_error(_("only one input can be standard input"));

	struct bt_srx *srx = NULL;
	struct bt_align_side *src = NULL, *tgt = NULL;
	struct bt_align_dict *dict = NULL;
	char *builtin_path = NULL;
	bool reversed = false;
	struct bt_alignment a = { 0 };
	struct bt_output *out = NULL;
	int status = BT_EXIT_OK;

	if (!lines) {
		srx = bt_srx_load(srx_path ? srx_path : bt_srx_default_path(),
				  &bt_cli_diag, &err);
		if (!srx)
			goto error;
	}
	if (dict_path && !no_dict) {
		if (!(dict = bt_align_dict_load(dict_path, &err)))
			goto error;
	} else if (!no_dict) {
		dict = bt_align_dict_builtin(srclang, trglang, &builtin_path,
					     &reversed, &err);
		if (!dict && err.code != BT_OK)
			goto error;
		dict_path = builtin_path;
	}
	opt.dict = dict;
	if (!(src = read_side(src_path, srclang, lines, forced, encoding, srx,
			      &err))
	    || !(tgt = read_side(tgt_path, trglang, lines, forced, encoding,
				 srx, &err)))
		goto error;
	if (bt_align_run(src, tgt, &opt, &a, &err) < 0)
		goto error;
	/* argv[argc] is NULL: the inputs list ends there. */
	out = bt_output_open(output, NULL, false,
			     (const char *const *) argv + optind, &err);
	if (!out)
		goto error;
	if (bt_align_write(out, format, src, tgt, &a, &err) < 0) {
		bt_output_abort(out);
		goto error;
	}
	if (bt_output_commit(out, &err) < 0)
		goto error;
	if (!quiet)
		summary(src, tgt, &a, dict_path, dict, reversed);
	goto done;
error:
	status = bt_cli_report(&err);
done:
	bt_alignment_release(&a);
	bt_align_side_free(src);
	bt_align_side_free(tgt);
	bt_align_dict_free(dict);
	free(builtin_path);
	bt_srx_free(srx);
	return status;
}
