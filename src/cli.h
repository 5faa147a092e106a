/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the command front-ends share: reporting errors and warnings, the
 * standard help lines, and exit statuses.  Only front-end files (bitext.c,
 * cli.c, cmd-*.c) print or exit; the library reports through bt_error.
 */
#ifndef BT_CLI_H
#define BT_CLI_H

#include "core/error.h"

/* Exit statuses, the same for every command (DESIGN.md). */
enum {
	BT_EXIT_OK = 0,
	BT_EXIT_FAILED = 1,	/* the check the command exists for failed */
	BT_EXIT_ERROR = 2,	/* usage error, unreadable or bad input */
};

/*
 * Prints err as "bitext: FILE:LINE: message" (with the byte offset or unit
 * when known) and returns the exit status it maps to: 1 for BT_EINVALID
 * and BT_EMISMATCH, 2 for the rest.  Releases err.
 */
int bt_cli_report(struct bt_error *err);

/* Prints "bitext: " and a formatted message; returns BT_EXIT_ERROR. */
int bt_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Checks an --encoding argument (NULL passes): returns BT_EXIT_OK, or
 * prints why iconv does not know it and returns BT_EXIT_ERROR.
 */
int bt_cli_check_encoding(const char *encoding);

/* Warnings from the library: "bitext: FILE:LINE: warning: message". */
extern const struct bt_diag bt_cli_diag;

/* Prints "Try 'bitext CMD --help'..." to stderr; returns BT_EXIT_ERROR. */
int bt_cli_try_help(const char *cmd);

/* The help lines every command ends with (--help, and the bug address). */
void bt_cli_help_footer(void);

/* Prints the --version text. */
void bt_cli_version(void);

#endif /* BT_CLI_H */
