/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which characters a legacy encoding can hold; see encodable.h.  iconv
 * answers once per character of the Basic Multilingual Plane, and the
 * answer is kept.
 */
#include "system.h"

#include <iconv.h>
#include <unistr.h>

#include "filter/encodable.h"
#include "core/xalloc.h"

struct bt_encodable {
	iconv_t cd;		/* UTF-8 -> the encoding */
	unsigned char *known;	/* per BMP character: 0 unknown, 1 fits, 2 not */
};

/* Whether enc encodes all of Unicode. */
static bool
is_unicode(const char *enc)
{
	return !enc || !strncasecmp(enc, "UTF", 3)
		|| !strncasecmp(enc, "UCS", 3) || !strcasecmp(enc, "GB18030");
}

struct bt_encodable *
bt_encodable_new(const char *encoding)
{
	if (is_unicode(encoding))
		return NULL;
	iconv_t cd = iconv_open(encoding, "UTF-8");
	if (cd == (iconv_t) -1)
		return NULL;
	struct bt_encodable *e = bt_xmalloc(sizeof(*e));
	e->cd = cd;
	e->known = bt_xcalloc(0x10000, 1);
	return e;
}

void
bt_encodable_free(struct bt_encodable *e)
{
	if (!e)
		return;
	iconv_close(e->cd);
	free(e->known);
	free(e);
}

/* Whether e holds character c, s[0..n) in UTF-8. */
static bool
fits(struct bt_encodable *e, ucs4_t c, const char *s, size_t n)
{
	if (c < 0x10000 && e->known[c])
		return e->known[c] == 1;
	char out[16];
	char *in = (char *) s, *o = out;
	size_t left = n, room = sizeof(out);
	iconv(e->cd, NULL, NULL, NULL, NULL);
	bool ok = iconv(e->cd, &in, &left, &o, &room) != (size_t) -1
		&& left == 0;
	if (c < 0x10000)
		e->known[c] = ok ? 1 : 2;
	return ok;
}

void
bt_encodable_refs(struct bt_encodable *e, struct bt_buf *out,
		  const char *text, size_t len)
{
	size_t i = 0, done = 0;
	while (e && i < len) {
		if ((unsigned char) text[i] < 0x80) {
			i++;
			continue;
		}
		ucs4_t uc;
		int n = u8_mbtouc(&uc, (const uint8_t *) text + i, len - i);
		if (n <= 0)
			n = 1;
		if (!fits(e, uc, text + i, (size_t) n)) {
			bt_buf_add(out, text + done, i - done);
			bt_buf_addf(out, "&#x%X;", (unsigned) uc);
			done = i + (size_t) n;
		}
		i += (size_t) n;
	}
	bt_buf_add(out, text + done, len - done);
}
