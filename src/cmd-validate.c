/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext validate: check XLIFF 1.2 / 2.0 / 2.1 / 2.2 and TMX 1.4b files
 * against their official schemas and the processing requirements of their
 * specifications (the work is in src/format/validate.c).  Each problem is
 * a line "bitext: FILE:LINE: reason" on stderr, or an entry of the JSON
 * report on stdout.  Exit status: 0 every file valid, 1 a file invalid,
 * 2 a file unreadable, not well-formed or of an unknown format.
 */
#include "system.h"

#include <getopt.h>
#include <jansson.h>

#include "cli.h"
#include "commands.h"
#include "core/xalloc.h"
#include "format/validate.h"

enum out_format { OUT_TEXT, OUT_JSON };

struct validate_run {
	enum out_format format;
	bool quiet;
	json_t *problems;	/* JSON: the current file's problems */
};

static void
usage(void)
{
	printf(_("Usage: bitext validate [OPTION]... FILE...\n"));
	fputs(_("Check XLIFF 1.2, 2.0, 2.1, 2.2 and TMX 1.4b files against "
		"their official\nschemas and the processing requirements of "
		"their specifications.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -f, --format=FORMAT    report as text (default: one line "
		"per problem on\n"
		"                         standard error) or json (on "
		"standard output)\n"), stdout);
	fputs(_("  -q, --quiet            print nothing; only the exit status "
		"tells\n"), stdout);
	fputs(_("      --strict           validate XLIFF 1.2 against the "
		"strict schema (default:\n"
		"                         transitional, which admits tool "
		"extensions)\n"), stdout);
	fputs(_("      --prefixes=FILE    register XLIFF 2 fragment identifier "
		"prefixes of\n"
		"                         extensions, from NAMESPACE=PREFIX "
		"lines\n"), stdout);
	bt_cli_help_footer();
	fputs("\n", stdout);
	fputs(_("The format is detected from the root element, its namespace "
		"and version.\n"
		"Exit status: 0 if every file is valid, 1 if a file is "
		"invalid, 2 if a file\n"
		"cannot be read, is not well-formed XML or is not XLIFF or "
		"TMX.\n"), stdout);
}

static void
on_problem(void *ctx, const struct bt_problem *p)
{
	struct validate_run *run = ctx;
	if (run->quiet)
		return;
	if (run->format == OUT_JSON) {
		json_array_append_new(run->problems,
				      json_pack("{s:I, s:s}", "line",
						(json_int_t) p->line,
						"message", p->msg));
		return;
	}
	/* Through the one reporting function every command uses. */
	struct bt_error e = BT_ERROR_INIT;
	bt_error_set(&e, BT_EINVALID, p->file, "%s", p->msg);
	bt_error_at_line(&e, p->line);
	bt_cli_report(&e);
}

/* Fills the JSON entry of a file that could not be judged. */
static void
set_error(json_t *entry, const struct bt_error *err)
{
	json_object_set_new(entry, "valid", json_null());
	json_object_set_new(entry, "error",
			    json_string(err->msg ? err->msg : "?"));
	json_object_set_new(entry, "line", err->line > 0
			    ? json_integer(err->line) : json_null());
}

/* Writes one file's JSON entry; first tells whether a comma is due. */
static void
print_json_file(json_t *entry, bool first)
{
	fputs(first ? "\n  " : ",\n  ", stdout);
	json_dumpf(entry, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(entry);
}

int
cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "strict", no_argument, NULL, 'S' },
		{ "prefixes", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct validate_run run = { .format = OUT_TEXT };
	unsigned flags = 0;
	const char *prefixes[16];
	size_t n_prefixes = 0;
	int c;

	while ((c = getopt_long(argc, argv, "f:qh", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "text"))
				run.format = OUT_TEXT;
			else if (!strcmp(optarg, "json"))
				run.format = OUT_JSON;
			else {
				bt_cli_error(_("unknown output format '%s' "
					       "(use text or json)"), optarg);
				return bt_cli_try_help("validate");
			}
			break;
		case 'q':
			run.quiet = true;
			break;
		case 'S':
			flags |= BT_VALIDATE_STRICT;
			break;
		case 'P':
			if (n_prefixes == BT_ARRAY_SIZE(prefixes)) {
				bt_cli_error(_("too many --prefixes files"));
				return bt_cli_try_help("validate");
			}
			prefixes[n_prefixes++] = optarg;
			break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("validate");
		}
	}
	if (optind >= argc) {
		bt_cli_error(_("no input file"));
		return bt_cli_try_help("validate");
	}

	struct bt_validator *v = bt_validator_new(flags);
	struct bt_error err = BT_ERROR_INIT;
	int status = BT_EXIT_OK;
	for (size_t i = 0; i < n_prefixes; i++)
		if (bt_validator_load_prefixes(v, prefixes[i], &err) < 0) {
			status = BT_EXIT_ERROR;
			if (run.quiet)
				bt_error_release(&err);
			else
				bt_cli_report(&err);
			goto done;
		}

	struct bt_validate_sink sink = { on_problem, &run };
	bool json = run.format == OUT_JSON && !run.quiet;
	if (json)
		fputs("{\"files\": [", stdout);
	for (int i = optind; i < argc; i++) {
		enum bt_vformat format;
		run.problems = json ? json_array() : NULL;
		long n = bt_validator_check(v, argv[i], &sink, &format, &err);
		json_t *entry = NULL;
		if (json) {
			/* json_string() is NULL for a path that is not
			 * UTF-8, which set_new() then skips. */
			const char *name = format == BT_VFORMAT_UNKNOWN
				? NULL : bt_vformat_name(format);
			entry = json_object();
			json_object_set_new(entry, "path",
					    json_string(argv[i]));
			json_object_set_new(entry, "format", name
					    ? json_string(name) : json_null());
		}
		if (n < 0) {
			/* The mapping of bt_cli_report(), which prints. */
			int s = err.code == BT_EINVALID
				? BT_EXIT_FAILED : BT_EXIT_ERROR;
			if (json) {
				set_error(entry, &err);
				json_decref(run.problems);
			}
			if (!run.quiet)
				bt_cli_report(&err);
			if (s > status)
				status = s;
		} else {
			if (json) {
				json_object_set_new(entry, "valid",
						    json_boolean(n == 0));
				json_object_set_new(entry, "problems",
						    run.problems);
			}
			if (n > 0 && status < BT_EXIT_FAILED)
				status = BT_EXIT_FAILED;
		}
		if (json)
			print_json_file(entry, i == optind);
		bt_error_release(&err);
	}
	if (json)
		fputs("\n]}\n", stdout);
done:
	bt_validator_free(v);
	return status;
}
