/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libgettextpo's parser with bitext's errors; see po-parse.h.
 *
 * libgettextpo reports errors through a handler that has no context
 * pointer and must not return on a fatal error: the handler records the
 * first error in a static, and a fatal one jumps back to bt_po_parse()
 * (one file is parsed at a time).
 */
#include "system.h"

#include <setjmp.h>

#include "core/po-parse.h"
#include "core/xalloc.h"

static struct {
	jmp_buf jump;
	bool failed;		/* an error was recorded */
	char *msg;		/* owned: the first error, without its end */
	long line;		/* 0 when unknown */
	size_t column;		/* 0 when unknown */
} first_error;

static void
on_xerror(int severity, po_message_t message, const char *filename,
	  size_t lineno, size_t column, int multiline_p,
	  const char *message_text)
{
	(void) message, (void) multiline_p;
	if (severity == PO_SEVERITY_WARNING)
		return;
	if (!first_error.failed) {
		first_error.failed = true;
		first_error.msg = bt_xstrdup(message_text ? message_text
					     : "?");
		size_t n = strlen(first_error.msg);
		while (n && strchr("\n .", first_error.msg[n - 1]))
			first_error.msg[--n] = '\0';
		first_error.line = filename && lineno != (size_t) -1
			? (long) lineno : 0;
		first_error.column = column != (size_t) -1 ? column : 0;
	}
	if (severity == PO_SEVERITY_FATAL_ERROR)
		longjmp(first_error.jump, 1);
}

static void
on_xerror2(int severity, po_message_t message1, const char *filename1,
	   size_t lineno1, size_t column1, int multiline_p1,
	   const char *message_text1, po_message_t message2,
	   const char *filename2, size_t lineno2, size_t column2,
	   int multiline_p2, const char *message_text2)
{
	(void) message2, (void) filename2, (void) lineno2, (void) column2;
	(void) multiline_p2, (void) message_text2;
	on_xerror(severity, message1, filename1, lineno1, column1,
		  multiline_p1, message_text1);
}

static const struct po_xerror_handler handler = { on_xerror, on_xerror2 };

po_file_t
bt_po_parse(const char *path, const char *file, struct bt_error *err)
{
	/* volatile: they live across the longjmp. */
	po_file_t volatile po = NULL;
	volatile int saved_errno = 0;
	first_error.failed = false;
	if (setjmp(first_error.jump) == 0) {
		errno = 0;
		po = po_file_read(file, &handler);
		saved_errno = errno;
	}
	if (first_error.failed) {
		/* After a fatal error the partial file leaks (once): the
		 * library jumped out before it could return it. */
		if (po)
			po_file_free(po);
		if (first_error.column)
			bt_error_set(err, BT_ESYNTAX, path,
				     _("bad PO file: %s (column %zu)"),
				     first_error.msg, first_error.column);
		else
			bt_error_set(err, BT_ESYNTAX, path,
				     _("bad PO file: %s"), first_error.msg);
		bt_error_at_line(err, first_error.line);
		free(first_error.msg);
		first_error.msg = NULL;
		return NULL;
	}
	if (!po)
		bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
			     strerror(saved_errno ? saved_errno : ENOENT));
	return po;
}
