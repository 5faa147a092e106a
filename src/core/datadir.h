/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where bitext's installed data lives: segmentation rules, schemas.
 *
 * The data folder is $BITEXT_DATADIR when that is set and not empty (the
 * tests point it at the source tree's data/), otherwise the PKGDATADIR
 * that configure chose ($(pkgdatadir), e.g. /usr/local/share/bitext).
 *
 *	char *xsd = bt_data_path("schemas/xml.xsd");
 *	...
 *	free(xsd);
 */
#ifndef BT_CORE_DATADIR_H
#define BT_CORE_DATADIR_H

/*
 * Returns the data folder joined with relative ("srx/bitext.srx"), or
 * the folder itself when relative is NULL or empty.  Never NULL; the
 * file need not exist.  Caller frees.
 */
char *bt_data_path(const char *relative);

#endif /* BT_CORE_DATADIR_H */
