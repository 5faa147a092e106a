/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The one way bitext parses a PO file: libgettextpo, with its errors
 * turned into a struct bt_error.
 *
 *	po_file_t po = bt_po_parse(path, path, &err);
 *	if (!po)
 *		return -1;
 *	...
 *	po_file_free(po);
 */
#ifndef BT_CORE_PO_PARSE_H
#define BT_CORE_PO_PARSE_H

#include <gettext-po.h>

#include "core/error.h"

/*
 * Parses file with libgettextpo, naming path in errors (file may be a
 * temporary copy of path).  Returns the parsed file (free it with
 * po_file_free()), or NULL with err: BT_ESYNTAX at the line of the
 * first error ("bad PO file: MESSAGE (column N)"), or BT_EIO.  Not
 * reentrant: libgettextpo's error handler has no context pointer.
 */
po_file_t bt_po_parse(const char *path, const char *file,
		      struct bt_error *err);

#endif /* BT_CORE_PO_PARSE_H */
