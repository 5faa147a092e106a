/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Error records and warning dispatch; see error.h.
 */
#include "system.h"
#include "core/error.h"
#include "core/buf.h"
#include "core/xalloc.h"

int
bt_error_set(struct bt_error *err, enum bt_error_code code,
	     const char *file, const char *fmt, ...)
{
	if (!err)
		return -1;
	bt_error_release(err);
	err->code = code;
	err->file = bt_xstrdup(file);
	struct bt_buf b = BT_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	bt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	err->msg = bt_buf_detach(&b, NULL);
	return -1;
}

void
bt_error_at_line(struct bt_error *err, long line)
{
	if (err)
		err->line = line;
}

void
bt_error_at_offset(struct bt_error *err, long long offset)
{
	if (err)
		err->offset = offset;
}

void
bt_error_at_unit(struct bt_error *err, const char *unit)
{
	if (!err)
		return;
	free(err->unit);
	err->unit = bt_xstrdup(unit);
}

void
bt_error_release(struct bt_error *err)
{
	free(err->file);
	free(err->unit);
	free(err->msg);
	struct bt_error init = BT_ERROR_INIT;
	*err = init;
}

void
bt_warn(const struct bt_diag *diag, const char *file, long line,
	const char *fmt, ...)
{
	if (!diag || !diag->warn)
		return;
	struct bt_buf b = BT_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	bt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	diag->warn(diag->ctx, file, line, bt_buf_cstr(&b));
	bt_buf_release(&b);
}
