/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext: main().  Sets up the locale and message catalogue, handles the
 * global options (--help, --version, --list-commands, --list-formats) and
 * dispatches to
 * the command named by the first argument, from the one table below.
 */
#include "system.h"

#include <getopt.h>
#include <locale.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "filter/filter.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;	/* N_() */
};

/* Sorted by name; `bitext --help` lists them in this order. */
static const struct command commands[] = {
	{ "align", cmd_align,
	  N_("align the sentences of a document with its translation") },
	{ "convert", cmd_convert,
	  N_("convert between XLIFF versions and TMX") },
	{ "coverage", cmd_coverage,
	  N_("report translation and alignment coverage") },
	{ "extract", cmd_extract,
	  N_("write documents as XLIFF for translators") },
	{ "help", cmd_help, N_("show help for bitext or one of its commands") },
	{ "merge", cmd_merge,
	  N_("merge translated XLIFF back into documents") },
	{ "segment", cmd_segment,
	  N_("split documents into units and sentence segments") },
	{ "validate", cmd_validate, N_("validate XLIFF and TMX files") },
};

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static void
usage(void)
{
	printf(_("Usage: bitext COMMAND [OPTION]... [FILE]...\n"));
	fputs(_("A translation and alignment workbench: cut documents into "
		"translation units\nand sentences, exchange them with CAT "
		"tools, and check translations.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("Commands:\n"), stdout);
	for (size_t i = 0; i < BT_ARRAY_SIZE(commands); i++)
		printf("  %-10s %s\n", commands[i].name,
		       _(commands[i].summary));
	fputs("\n", stdout);
	fputs(_("Options:\n"), stdout);
	fputs(_("      --list-commands    list the commands, one a line\n"),
	      stdout);
	fputs(_("      --list-formats     list the document formats bitext "
		"reads and writes\n"), stdout);
	fputs(_("  -V, --version          output version information and "
		"exit\n"), stdout);
	bt_cli_help_footer();
	fputs("\n", stdout);
	fputs(_("Run 'bitext COMMAND --help' for the options of a command.\n"
		"Exit status: 0 success, 1 the check failed (invalid file, "
		"coverage under\nthreshold, merge refused), 2 usage error or "
		"unreadable input.\n"), stdout);
}

/* Help for `bitext help [COMMAND]`: runs "COMMAND --help". */
int
cmd_help(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage();
		return BT_EXIT_OK;
	}
	const struct command *cmd = find_command(argv[1]);
	if (!cmd) {
		bt_cli_error(_("'%s' is not a bitext command"), argv[1]);
		return bt_cli_try_help(NULL);
	}
	char *args[] = { (char *) cmd->name, (char *) "--help", NULL };
	return cmd->run(2, args);
}

/*
 * Makes a failed write to stdout (a full disk, a closed pipe) an error,
 * as coreutils' close_stdout does: otherwise `bitext ... >/dev/full`
 * would succeed.
 */
static void
close_stdout(void)
{
	if (fclose(stdout) != 0) {
		fprintf(stderr, _("bitext: write error: %s\n"),
			strerror(errno));
		_exit(BT_EXIT_ERROR);
	}
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	const char *localedir = getenv("BITEXT_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir
		       : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	atexit(close_stdout);

	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "list-commands", no_argument, NULL, 'L' },
		{ "list-formats", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	/* Global options come before the command; "+" stops at it. */
	int c;
	while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			return BT_EXIT_OK;
		case 'V':
			bt_cli_version();
			return BT_EXIT_OK;
		case 'L':
			for (size_t i = 0; i < BT_ARRAY_SIZE(commands); i++)
				puts(commands[i].name);
			return BT_EXIT_OK;
		case 'F':
			for (size_t i = 0; bt_filter_at(i); i++)
				printf("%-10s %s\n", bt_filter_at(i)->name,
				       _(bt_filter_at(i)->summary));
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help(NULL);
		}
	}
	if (optind >= argc) {
		bt_cli_error(_("no command given"));
		return bt_cli_try_help(NULL);
	}
	const struct command *cmd = find_command(argv[optind]);
	if (!cmd) {
		bt_cli_error(_("'%s' is not a bitext command"), argv[optind]);
		return bt_cli_try_help(NULL);
	}
	/* The command parses its own options from a fresh start. */
	int first = optind;
	optind = 0;
	return cmd->run(argc - first, argv + first);
}
