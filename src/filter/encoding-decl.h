/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Encoding declarations written into documents, for `merge --encoding`:
 * a document written in another encoding than it was read in must say so,
 * or a browser or XML parser reads its bytes in the old one.
 */
#ifndef BT_FILTER_ENCODING_DECL_H
#define BT_FILTER_ENCODING_DECL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

/*
 * Appends text[0..len), the start of an XML document, to out with its XML
 * declaration's encoding set to enc: the value replaced, or the
 * pseudo-attribute added after the version; a document without a
 * declaration gets one when add is true.  Returns whether text starts
 * with a declaration.
 */
bool bt_set_xml_encoding(struct bt_buf *out, const char *text, size_t len,
			 const char *enc, bool add);

/*
 * Appends text[0..len) (HTML) to out with the charset of every <meta>
 * declaration set to enc: <meta charset="X"> and <meta http-equiv=
 * "Content-Type" content="text/html; charset=X">.  Returns how many.
 */
size_t bt_set_meta_charset(struct bt_buf *out, const char *text, size_t len,
			   const char *enc);

#endif /* BT_FILTER_ENCODING_DECL_H */
