/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Decoded input streams: BOM detection, iconv, UTF-8 validation with byte
 * offsets.  Memory is bounded by the chunk size whatever the file size.
 */
#include "system.h"

#include <ctype.h>
#include <fcntl.h>
#include <iconv.h>
#include <unistd.h>

#include "core/input.h"
#include "core/xalloc.h"

enum { RAW_CAP = 1 << 16 };

struct bt_input {
	char *path;		/* owned: the name for messages */
	int fd;
	int owns_fd;
	char *encoding;		/* owned: canonical name */
	int bom;
	iconv_t cd;		/* (iconv_t) -1 for UTF-8 input */
	char raw[RAW_CAP];	/* undecoded bytes */
	size_t raw_start, raw_len;
	long long raw_offset;	/* file offset of raw[raw_start] */
	int eof;
};

bool
bt_same_encoding(const char *a, const char *b)
{
	/* "utf8", "UTF-8" and "utf_8" all name the same thing. */
	for (;;) {
		while (*a == '-' || *a == '_')
			a++;
		while (*b == '-' || *b == '_')
			b++;
		if (tolower((unsigned char) *a) != tolower((unsigned char) *b))
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}

int
bt_encoding_known(const char *name)
{
	if (bt_same_encoding(name, "UTF-8"))
		return 1;
	iconv_t cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t) -1)
		return 0;
	iconv_close(cd);
	return 1;
}

int
bt_iconv_string(iconv_t cd, const char *s, size_t len, struct bt_buf *out)
{
	char *src = (char *) s;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (len) {
		bt_buf_grow(out, len * 4 + 16);
		char *dst = out->data + out->len;
		size_t room = out->cap - out->len - 1;
		size_t r = iconv(cd, &src, &len, &dst, &room);
		out->len = (size_t) (dst - out->data);
		out->data[out->len] = '\0';
		if (r == (size_t) -1 && errno != E2BIG)
			return -1;
	}
	return 0;
}

static char *
upper_name(const char *s)
{
	char *p = bt_xstrdup(s);
	for (char *q = p; *q; q++)
		*q = (char) toupper((unsigned char) *q);
	return p;
}

/* Reads more raw bytes after the ones kept.  Returns -1 on read error. */
static int
fill_raw(struct bt_input *in, struct bt_error *err)
{
	if (in->raw_start > 0) {
		memmove(in->raw, in->raw + in->raw_start, in->raw_len);
		in->raw_start = 0;
	}
	while (!in->eof && in->raw_len < RAW_CAP) {
		ssize_t n = read(in->fd, in->raw + in->raw_len,
				 RAW_CAP - in->raw_len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return bt_error_set(err, BT_EIO, in->path,
					    _("cannot read: %s"),
					    strerror(errno));
		}
		if (n == 0)
			in->eof = 1;
		in->raw_len += (size_t) n;
		if (n > 0)
			break;
	}
	return 0;
}

/*
 * The byte order in which iconv reads "UTF-16" or "UTF-32" text that has
 * no mark ("UTF-16LE"...): glibc takes the machine's, other libraries
 * big-endian.  Asked of iconv itself, with the letter A.
 */
static const char *
unmarked_order(const char *name)
{
	int wide = !strcmp(name, "UTF-32");
	char in[4] = { 'A', 0, 0, 0 }, outbuf[8];
	char *src = in, *dst = outbuf;
	size_t left = wide ? 4 : 2, room = sizeof(outbuf);
	iconv_t cd = iconv_open("UTF-8", name);
	int little = 0;
	if (cd != (iconv_t) -1) {
		little = iconv(cd, &src, &left, &dst, &room) != (size_t) -1
			&& dst - outbuf == 1 && outbuf[0] == 'A';
		iconv_close(cd);
	}
	if (wide)
		return little ? "UTF-32LE" : "UTF-32BE";
	return little ? "UTF-16LE" : "UTF-16BE";
}

struct bt_input *
bt_input_open(const char *path, const char *encoding, struct bt_error *err)
{
	struct bt_input *in = bt_xcalloc(1, sizeof(*in));
	in->path = bt_xstrdup(strcmp(path, "-") ? path : _("(standard input)"));
	in->cd = (iconv_t) -1;
	if (!strcmp(path, "-")) {
		in->fd = 0;
	} else {
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				     strerror(errno));
			goto fail;
		}
		in->owns_fd = 1;
	}

	/* Read enough for a byte-order mark. */
	while (!in->eof && in->raw_len < 4)
		if (fill_raw(in, err) < 0)
			goto fail;

	const unsigned char *r = (const unsigned char *) in->raw;
	const char *from = encoding;
	if (in->raw_len >= 3 && r[0] == 0xEF && r[1] == 0xBB && r[2] == 0xBF) {
		in->bom = 3;
		from = "UTF-8";
	} else if (in->raw_len >= 2 && r[0] == 0xFF && r[1] == 0xFE) {
		in->bom = 2;
		from = "UTF-16LE";
	} else if (in->raw_len >= 2 && r[0] == 0xFE && r[1] == 0xFF) {
		in->bom = 2;
		from = "UTF-16BE";
	}
	/* A byte-order mark is proof of the encoding: it wins over a name
	 * given on the command line or declared in the file. */
	in->raw_start = (size_t) in->bom;
	in->raw_len -= (size_t) in->bom;
	in->raw_offset = in->bom;

	/* "UTF-16" and "UTF-32" without a mark: name the byte order iconv
	 * reads them in, or writing the document back would add a mark. */
	if (from && bt_same_encoding(from, "UTF-16"))
		from = unmarked_order("UTF-16");
	else if (from && bt_same_encoding(from, "UTF-32"))
		from = unmarked_order("UTF-32");
	if (!from || bt_same_encoding(from, "UTF-8")) {
		in->encoding = bt_xstrdup("UTF-8");
	} else {
		in->cd = iconv_open("UTF-8", from);
		if (in->cd == (iconv_t) -1) {
			bt_error_set(err, BT_EENCODING, in->path,
				     _("unknown encoding '%s'"), from);
			goto fail;
		}
		in->encoding = upper_name(from);
	}
	return in;
fail:
	bt_input_free(in);
	return NULL;
}

static int
bad_bytes(struct bt_input *in, long long offset, struct bt_error *err)
{
	if (in->cd == (iconv_t) -1)
		bt_error_set(err, BT_EENCODING, in->path,
			     _("invalid UTF-8 at byte offset %lld; "
			       "if the file is in another encoding, "
			       "name it with --encoding"), offset);
	else
		bt_error_set(err, BT_EENCODING, in->path,
			     _("invalid %s at byte offset %lld; "
			       "check the encoding given with --encoding"),
			     in->encoding, offset);
	bt_error_at_offset(err, offset);
	return -1;
}

/*
 * The first invalid byte of s[0..n) as UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or NULL.  Like libunistring's
 * u8_check, with a fast path over ASCII, which is most of many texts.
 */
static const uint8_t *
utf8_check(const uint8_t *s, size_t n)
{
	const uint8_t *end = s + n;
	while (s < end) {
		if (end - s >= 8) {
			uint64_t w;
			memcpy(&w, s, 8);
			if (!(w & 0x8080808080808080ULL)) {
				s += 8;
				continue;
			}
		}
		uint8_t c = *s;
		if (c < 0x80) {
			s++;
			continue;
		}
		size_t left = (size_t) (end - s);
		if (c >= 0xC2 && c <= 0xDF) {
			if (left < 2 || (s[1] ^ 0x80) >= 0x40)
				return s;
			s += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (left < 3 || (s[1] ^ 0x80) >= 0x40
			    || (s[2] ^ 0x80) >= 0x40
			    || (c == 0xE0 && s[1] < 0xA0)	/* overlong */
			    || (c == 0xED && s[1] >= 0xA0))	/* surrogate */
				return s;
			s += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (left < 4 || (s[1] ^ 0x80) >= 0x40
			    || (s[2] ^ 0x80) >= 0x40 || (s[3] ^ 0x80) >= 0x40
			    || (c == 0xF0 && s[1] < 0x90)	/* overlong */
			    || (c == 0xF4 && s[1] >= 0x90))	/* > U+10FFFF */
				return s;
			s += 4;
		} else {
			return s;
		}
	}
	return NULL;
}

/* Length of the longest prefix of s[0..n) that ends on a character
 * boundary, looking at most 3 bytes back for a lead byte. */
static size_t
complete_prefix(const unsigned char *s, size_t n)
{
	size_t i = n;
	for (int back = 0; back < 4 && i > 0; back++) {
		unsigned char c = s[i - 1];
		if (c < 0x80)
			return n;	/* ASCII: complete */
		if (c >= 0xC0) {
			/* lead byte at i-1: how long is its sequence? */
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			return n - (i - 1) >= need ? n : i - 1;
		}
		i--;
	}
	return n;	/* garbage: let validation report it */
}

static ssize_t
read_utf8(struct bt_input *in, char *buf, size_t cap, struct bt_error *err)
{
	for (;;) {
		if (in->raw_len < 4 && !in->eof && fill_raw(in, err) < 0)
			return -1;
		if (in->raw_len == 0)
			return 0;
		size_t n = in->raw_len < cap ? in->raw_len : cap;
		const unsigned char *s =
			(const unsigned char *) in->raw + in->raw_start;
		size_t ok = n;
		if (!(in->eof && n == in->raw_len))
			ok = complete_prefix(s, n);
		if (ok == 0) {
			if (in->eof || n < in->raw_len)
				return bad_bytes(in, in->raw_offset, err);
			if (fill_raw(in, err) < 0)
				return -1;
			continue;
		}
		const uint8_t *bad = utf8_check(s, ok);
		if (bad)
			return bad_bytes(in, in->raw_offset + (bad - s), err);
		memcpy(buf, s, ok);
		in->raw_start += ok;
		in->raw_len -= ok;
		in->raw_offset += (long long) ok;
		return (ssize_t) ok;
	}
}

static ssize_t
read_iconv(struct bt_input *in, char *buf, size_t cap, struct bt_error *err)
{
	for (;;) {
		if (in->raw_len < 8 && !in->eof && fill_raw(in, err) < 0)
			return -1;
		if (in->raw_len == 0)
			return 0;
		char *src = in->raw + in->raw_start;
		size_t srclen = in->raw_len;
		char *dst = buf;
		size_t dstlen = cap;
		size_t r = iconv(in->cd, &src, &srclen, &dst, &dstlen);
		size_t used = in->raw_len - srclen;
		long long at = in->raw_offset + (long long) used;
		in->raw_start += used;
		in->raw_len = srclen;
		in->raw_offset = at;
		if (dst > buf) {
			/* glibc's decoders can pass U+FFFE-style noise; make
			 * sure what we hand on is valid UTF-8. */
			if (utf8_check((const uint8_t *) buf, (size_t) (dst - buf)))
				return bad_bytes(in, at, err);
			return dst - buf;
		}
		if (r != (size_t) -1)
			continue;
		if (errno == EILSEQ)
			return bad_bytes(in, at, err);
		if (errno == EINVAL) {	/* incomplete sequence at the end */
			if (in->eof)
				return bad_bytes(in, at, err);
			if (fill_raw(in, err) < 0)
				return -1;
			continue;
		}
		if (errno == E2BIG)
			BT_BUG("input buffer too small for one character");
		return bad_bytes(in, at, err);
	}
}

ssize_t
bt_input_read(struct bt_input *in, char *buf, size_t cap,
	      struct bt_error *err)
{
	if (cap < 8)
		BT_BUG("bt_input_read needs room for a character");
	if (in->cd == (iconv_t) -1)
		return read_utf8(in, buf, cap, err);
	return read_iconv(in, buf, cap, err);
}

const char *
bt_input_encoding(const struct bt_input *in)
{
	return in->encoding;
}

int
bt_input_has_bom(const struct bt_input *in)
{
	return in->bom != 0;
}

const char *
bt_input_path(const struct bt_input *in)
{
	return in->path;
}

void
bt_input_free(struct bt_input *in)
{
	if (!in)
		return;
	if (in->owns_fd)
		close(in->fd);
	if (in->cd != (iconv_t) -1)
		iconv_close(in->cd);
	free(in->path);
	free(in->encoding);
	free(in);
}

int
bt_input_check(const char *path, const char *encoding, struct bt_error *err)
{
	struct bt_input *in = bt_input_open(path, encoding, err);
	if (!in)
		return -1;
	char *buf = bt_xmalloc(RAW_CAP * 4);
	ssize_t n;
	while ((n = bt_input_read(in, buf, RAW_CAP * 4, err)) > 0)
		;
	free(buf);
	bt_input_free(in);
	return n < 0 ? -1 : 0;
}
