/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Messages and exit statuses for the command front-ends; see cli.h.
 */
#include "system.h"
#include "cli.h"
#include "core/input.h"

static void
print_location(const char *file, long line)
{
	if (file && line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
}

int
bt_cli_report(struct bt_error *err)
{
	fputs("bitext: ", stderr);
	print_location(err->file, err->line);
	if (err->unit)
		fprintf(stderr, _("unit %s: "), err->unit);
	fprintf(stderr, "%s\n", err->msg ? err->msg : _("unknown error"));
	int status = err->code == BT_EINVALID || err->code == BT_EMISMATCH
		? BT_EXIT_FAILED : BT_EXIT_ERROR;
	bt_error_release(err);
	return status;
}

int
bt_cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("bitext: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return BT_EXIT_ERROR;
}

int
bt_cli_check_encoding(const char *encoding)
{
	if (!encoding || bt_encoding_known(encoding))
		return BT_EXIT_OK;
	return bt_cli_error(_("unknown encoding '%s' (see 'iconv --list' "
			      "for the names)"), encoding);
}

static void
warn(void *ctx, const char *file, long line, const char *msg)
{
	(void) ctx;
	fputs("bitext: ", stderr);
	print_location(file, line);
	fprintf(stderr, _("warning: %s\n"), msg);
}

const struct bt_diag bt_cli_diag = { warn, NULL };

int
bt_cli_try_help(const char *cmd)
{
	if (cmd)
		fprintf(stderr, _("Try 'bitext %s --help' for more "
				  "information.\n"), cmd);
	else
		fprintf(stderr, _("Try 'bitext --help' for more "
				  "information.\n"));
	return BT_EXIT_ERROR;
}

void
bt_cli_help_footer(void)
{
	fputs(_("  -h, --help             display this help and exit\n"),
	      stdout);
	fputs("\n", stdout);
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

void
bt_cli_version(void)
{
	printf("bitext %s\n", PACKAGE_VERSION);
	/* TRANSLATORS: keep the URL as it is. */
	fputs(_("Copyright (C) 2026 The bitext authors.\n"
		"License GPLv3+: GNU GPL version 3 or later "
		"<https://gnu.org/licenses/gpl.html>.\n"
		"This is free software: you are free to change and "
		"redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n"),
	      stdout);
}
