/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Errors and warnings of the library.
 *
 * A library function that can fail returns -1 (or NULL) and fills the
 * struct bt_error its caller passed last.  The library never prints: only
 * the command front-end (src/cli.c) turns an error into a message and an
 * exit status.  Warnings go to the bt_diag callback the caller installed.
 *
 *	struct bt_error err = BT_ERROR_INIT;
 *	if (bt_thing_do(..., &err) < 0)
 *		return bt_cli_report(&err);
 */
#ifndef BT_CORE_ERROR_H
#define BT_CORE_ERROR_H

#include <stddef.h>

enum bt_error_code {
	BT_OK = 0,
	BT_EIO,		/* cannot open, read or write a file */
	BT_EUSAGE,	/* the caller asked for something impossible */
	BT_EENCODING,	/* bytes that do not decode, unknown encoding */
	BT_ESYNTAX,	/* malformed input: XML, SRX, regex */
	BT_EINVALID,	/* well formed but violates the format's rules */
	BT_EMISMATCH,	/* does not fit its source */
	BT_ELIMIT,	/* input exceeds a safety limit */
};

struct bt_error {
	enum bt_error_code code;
	char *file;	/* owned; NULL when unknown */
	long line;	/* 0 when unknown */
	long long offset;	/* byte offset, -1 when unknown */
	char *unit;	/* owned; unit id, NULL when unknown */
	char *msg;	/* owned; translated */
};

#define BT_ERROR_INIT { BT_OK, NULL, 0, -1, NULL, NULL }

/*
 * Records an error (replacing any earlier one) with a printf-style message
 * that the caller has already passed through _().  err may be NULL.
 * Returns -1 so that a caller can write `return bt_error_set(...)`.
 */
int bt_error_set(struct bt_error *err, enum bt_error_code code,
		 const char *file, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Sets the line / byte offset / unit of the error already recorded. */
void bt_error_at_line(struct bt_error *err, long line);
void bt_error_at_offset(struct bt_error *err, long long offset);
void bt_error_at_unit(struct bt_error *err, const char *unit);
/* Frees the strings and resets to BT_ERROR_INIT. */
void bt_error_release(struct bt_error *err);

/* Warnings: a callback the front-end installs; NULL ignores them. */
struct bt_diag {
	void (*warn)(void *ctx, const char *file, long line,
		     const char *msg);
	void *ctx;
};

/* Sends a printf-style warning to diag (which may be NULL). */
void bt_warn(const struct bt_diag *diag, const char *file, long line,
	     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif /* BT_CORE_ERROR_H */
