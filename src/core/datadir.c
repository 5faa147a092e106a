/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The data folder: $BITEXT_DATADIR or the configured PKGDATADIR; see
 * datadir.h.
 */
#include "system.h"

#include "core/datadir.h"
#include "core/xalloc.h"

char *
bt_data_path(const char *relative)
{
	const char *dir = getenv("BITEXT_DATADIR");
	if (!dir || !*dir)
		dir = PKGDATADIR;
	if (!relative || !*relative)
		return bt_xstrdup(dir);
	size_t n = strlen(dir);
	/* One separator between the parts, whatever each brings. */
	while (n > 1 && dir[n - 1] == '/')
		n--;
	while (*relative == '/')
		relative++;
	return bt_xasprintf("%.*s/%s", (int) n, dir, relative);
}
