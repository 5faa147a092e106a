/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext segment: show the units of documents and their sentence
 * segments, as text, TSV or JSON.  Streams: each unit is segmented,
 * printed and freed before the next is read.
 */
#include "system.h"

#include <getopt.h>
#include <jansson.h>

#include "cli.h"
#include "commands.h"
#include "core/buf.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "filter/filter.h"
#include "segment/srx.h"

enum out_format { OUT_TEXT, OUT_TSV, OUT_JSON };

struct segment_run {
	const char *lang;		/* --lang, or NULL */
	const struct bt_srx *srx;
	struct bt_segmenter *segmenter;	/* for segmenter_lang */
	char *segmenter_lang;
	enum out_format format;
	struct bt_output *out;
	const char *path;		/* file being read */
	const char *filter;
	size_t n_files;
	size_t file_index;
	size_t units_in_file;
	struct bt_buf line;
};

static void
usage(void)
{
	printf(_("Usage: bitext segment [OPTION]... FILE...\n"));
	fputs(_("Split documents into translation units and sentence "
		"segments, and show them.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -l, --lang=LANG        the documents' language (BCP 47, "
		"e.g. zh-CN, en);\n"
		"                         needed when the format does not "
		"declare it\n"), stdout);
	fputs(_("      --srx=FILE         segmentation rules (SRX 2.0) "
		"instead of bitext's own\n"), stdout);
	fputs(_("  -e, --encoding=ENC     the input's encoding when it has "
		"no byte-order mark\n"
		"                         (default UTF-8; e.g. GB18030, Big5, "
		"Shift_JIS)\n"), stdout);
	fputs(_("      --filter=NAME      read the input as NAME (default: "
		"detected)\n"), stdout);
	fputs(_("      --its=FILE         ITS 2.0 rules for XML inputs, "
		"besides their own\n"), stdout);
	fputs(_("      --md-front-matter=KEYS  translate these "
		"comma-separated front matter\n"
		"                         keys of Markdown inputs\n"), stdout);
	fputs(_("  -f, --format=FORMAT    output as text (default), tsv or "
		"json\n"), stdout);
	fputs(_("  -o, --output=FILE      write to FILE instead of standard "
		"output\n"), stdout);
	bt_cli_help_footer();
	fputs("\n", stdout);
	fputs(_("With --format=tsv, each segment is one line: UNIT_ID, TAB, "
		"SEGMENT_NUMBER\n(from 1 within each unit), TAB, TEXT; tab, "
		"newline, carriage return and\nbackslash in TEXT are written "
		"as \\t, \\n, \\r and \\\\.\n"), stdout);
}

/* Whether s[0..8) holds a tab, newline, carriage return or backslash. */
static int
has_special_byte(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w;
	memcpy(&w, s, 8);
	/* A byte below 0x20 (tab, newline, CR and other controls, which
	 * the byte loop then looks at), or a backslash. */
	uint64_t control = ((w & ~highs) - ones * 0x20) & ~w & highs;
	uint64_t x = w ^ (ones * '\\');
	return (control | ((x - ones) & ~x & highs)) != 0;
}

static void
add_tsv_escaped(struct bt_buf *b, const char *s, size_t len)
{
	static const unsigned char special[256] = {
		['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
	};
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		/* Most segments hold nothing to escape: skip 8 at a time. */
		while (i + 8 <= len && !has_special_byte(s + i))
			i += 8;
		if (i >= len)
			break;
		unsigned char e = special[(unsigned char) s[i]];
		if (!e)
			continue;
		bt_buf_add(b, s + done, i - done);
		bt_buf_addch(b, '\\');
		bt_buf_addch(b, (char) e);
		done = i + 1;
	}
	bt_buf_add(b, s + done, len - done);
}

/* Appends "\tN\t": printf is too slow for a line per sentence. */
static void
add_tab_number(struct bt_buf *b, size_t n)
{
	char digits[24];
	size_t k = sizeof(digits);
	digits[--k] = '\t';
	do
		digits[--k] = (char) ('0' + n % 10);
	while (n /= 10);
	digits[--k] = '\t';
	bt_buf_add(b, digits + k, sizeof(digits) - k);
}

/* Appends the JSON form of value (which it frees) to b. */
static void
add_json(struct bt_buf *b, json_t *value)
{
	size_t n = json_dumpb(value, NULL, 0, JSON_ENCODE_ANY | JSON_COMPACT);
	bt_buf_grow(b, n);
	json_dumpb(value, b->data + b->len, n, JSON_ENCODE_ANY | JSON_COMPACT);
	b->len += n;
	b->data[b->len] = '\0';
	json_decref(value);
}

static int
write_unit(struct segment_run *run, const struct bt_unit *u,
	   struct bt_error *err)
{
	struct bt_buf *b = &run->line;
	struct bt_buf text = BT_BUF_INIT;
	json_t *segments = run->format == OUT_JSON ? json_array() : NULL;
	size_t code = 0, pos = 0;

	bt_buf_reset(b);
	if (run->format == OUT_TEXT)
		bt_buf_addf(b, "[%s]\n", u->id);
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *s = &u->segments[i];
		code += bt_content_count_codes(&u->source, pos, s->start);
		bt_buf_reset(&text);
		bt_content_render(&u->source, s->start, s->end, code, &text);
		code += bt_content_count_codes(&u->source, s->start, s->end);
		pos = s->end;
		switch (run->format) {
		case OUT_TSV:
			bt_buf_addstr(b, u->id);
			add_tab_number(b, i + 1);
			add_tsv_escaped(b, text.data, text.len);
			bt_buf_addch(b, '\n');
			break;
		case OUT_TEXT:
			bt_buf_addf(b, "%4zu  ", i + 1);
			bt_buf_add(b, text.data, text.len);
			bt_buf_addch(b, '\n');
			break;
		case OUT_JSON:
			json_array_append_new(segments,
				json_stringn(text.data, text.len));
			break;
		}
	}
	if (run->format == OUT_TEXT)
		bt_buf_addch(b, '\n');
	if (run->format == OUT_JSON) {
		json_t *unit = json_pack("{s:s, s:b, s:o}", "id", u->id,
					 "translate", u->translate,
					 "segments", segments);
		if (u->name)
			json_object_set_new(unit, "name", json_string(u->name));
		bt_buf_reset(b);
		bt_buf_addstr(b, run->units_in_file ? ",\n    " : "\n    ");
		add_json(b, unit);
	}
	bt_buf_release(&text);
	run->units_in_file++;
	return bt_output_write(run->out, b->data, b->len, err);
}

static int
on_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	struct segment_run *run = ctx;
	const char *lang = run->lang ? run->lang : info->lang;
	if (!lang)
		return bt_error_set(err, BT_EUSAGE, run->path,
				    _("the file does not say its language; "
				      "give it with --lang"));
	if (!run->segmenter_lang || strcmp(run->segmenter_lang, lang)) {
		bt_segmenter_free(run->segmenter);
		free(run->segmenter_lang);
		run->segmenter = bt_segmenter_new(run->srx, lang,
						  &bt_cli_diag, err);
		run->segmenter_lang = bt_xstrdup(lang);
		if (!run->segmenter)
			return -1;
	}
	run->units_in_file = 0;
	struct bt_buf *b = &run->line;
	bt_buf_reset(b);
	if (run->format == OUT_TEXT && run->n_files > 1)
		bt_buf_addf(b, "==> %s <==\n", run->path);
	if (run->format == OUT_JSON) {
		bt_buf_addstr(b, run->file_index ? ",\n  {" : "\n  {");
		bt_buf_addstr(b, "\"path\": ");
		add_json(b, json_string(run->path));
		bt_buf_addstr(b, ", \"filter\": ");
		add_json(b, json_string(run->filter));
		bt_buf_addstr(b, ", \"encoding\": ");
		add_json(b, json_string(info->encoding));
		bt_buf_addstr(b, ", \"language\": ");
		add_json(b, json_string(lang));
		bt_buf_addstr(b, ", \"units\": [");
	}
	return bt_output_write(run->out, b->data, b->len, err);
}

static int
on_skeleton(void *ctx, const char *text, size_t len, struct bt_error *err)
{
	(void) ctx, (void) text, (void) len, (void) err;
	return 0;
}

static int
on_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	struct segment_run *run = ctx;
	int rc = bt_segmenter_split(run->segmenter, u, err);
	if (rc == 0)
		rc = write_unit(run, u, err);
	bt_unit_free(u);
	return rc;
}

static int
parse_format(const char *s, enum out_format *f)
{
	if (!strcmp(s, "text"))
		*f = OUT_TEXT;
	else if (!strcmp(s, "tsv"))
		*f = OUT_TSV;
	else if (!strcmp(s, "json"))
		*f = OUT_JSON;
	else
		return -1;
	return 0;
}

int
cmd_segment(int argc, char **argv)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "srx", required_argument, NULL, 'S' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "filter", required_argument, NULL, 'F' },
		{ "its", required_argument, NULL, 'I' },
		{ "md-front-matter", required_argument, NULL, 'M' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct segment_run run = { .format = OUT_TEXT };
	const char *srx_path = NULL, *encoding = NULL, *filter_name = NULL;
	const char *output = "-";
	struct bt_filter_options fopt = { .diag = &bt_cli_diag };
	struct bt_error err = BT_ERROR_INIT;
	int c;

	while ((c = getopt_long(argc, argv, "l:e:f:o:h", options, NULL))
	       != -1) {
		switch (c) {
		case 'l': run.lang = optarg; break;
		case 'S': srx_path = optarg; break;
		case 'e': encoding = optarg; break;
		case 'F': filter_name = optarg; break;
		case 'I': fopt.its_rules = optarg; break;
		case 'M': fopt.md_front_matter = optarg; break;
		case 'o': output = optarg; break;
		case 'f':
			if (parse_format(optarg, &run.format) < 0) {
				bt_cli_error(_("unknown output format '%s' "
					       "(use text, tsv or json)"),
					     optarg);
				return bt_cli_try_help("segment");
			}
			break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("segment");
		}
	}
	if (optind >= argc) {
		bt_cli_error(_("no input file"));
		return bt_cli_try_help("segment");
	}
	if (bt_cli_check_encoding(encoding) != BT_EXIT_OK)
		return BT_EXIT_ERROR;
	const struct bt_filter *forced = NULL;
	if (filter_name && !(forced = bt_filter_find(filter_name)))
		return bt_cli_error(_("unknown filter '%s'"), filter_name);

	/* Refuse bad input before writing anything. */
	const struct bt_filter **filters =
		bt_xcalloc((size_t) (argc - optind), sizeof(*filters));
	struct bt_srx *srx = NULL;
	int status = BT_EXIT_OK;
	fopt.encoding = encoding;
	for (int i = optind; i < argc; i++) {
		const struct bt_filter *f = forced ? forced
			: bt_filter_detect(argv[i], &err);
		if (!f || (!strcmp(output, "-") && strcmp(argv[i], "-")
			   && bt_filter_check(f, argv[i], &fopt, &err) < 0)) {
			status = bt_cli_report(&err);
			goto done;
		}
		filters[i - optind] = f;
	}
	srx = bt_srx_load(srx_path ? srx_path : bt_srx_default_path(),
			  &bt_cli_diag, &err);
	if (!srx) {
		status = bt_cli_report(&err);
		goto done;
	}
	run.srx = srx;
	run.n_files = (size_t) (argc - optind);
	/* argv[argc] is NULL: the inputs list ends there. */
	run.out = bt_output_open(output, NULL, false,
				 (const char *const *) argv + optind, &err);
	if (!run.out) {
		status = bt_cli_report(&err);
		goto done;
	}
	if (run.format == OUT_JSON
	    && bt_output_puts(run.out, "{\"files\": [", &err) < 0)
		goto fail;
	struct bt_sink sink = { on_begin, on_skeleton, on_unit, &run };
	for (int i = optind; i < argc; i++) {
		run.path = argv[i];
		run.filter = filters[i - optind]->name;
		run.file_index = (size_t) (i - optind);
		if (filters[i - optind]->read(argv[i], &fopt, &sink, &err) < 0)
			goto fail;
		if (run.format == OUT_JSON
		    && bt_output_puts(run.out, "\n  ]}", &err) < 0)
			goto fail;
	}
	if (run.format == OUT_JSON
	    && bt_output_puts(run.out, "\n]}\n", &err) < 0)
		goto fail;
	if (bt_output_commit(run.out, &err) < 0)
		status = bt_cli_report(&err);
	goto done;
fail:
	bt_output_abort(run.out);
	status = bt_cli_report(&err);
done:
	bt_segmenter_free(run.segmenter);
	free(run.segmenter_lang);
	bt_srx_free(srx);
	bt_buf_release(&run.line);
	free(filters);
	return status;
}
