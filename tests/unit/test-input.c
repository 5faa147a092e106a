/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of decoded input (src/core/input.h) and atomic encoded output
 * (src/core/output.h).
 *
 * Input: byte-order marks (UTF-8, UTF-16LE, UTF-16BE) and what they win
 * over; legacy encodings through iconv (GB18030, GBK, Big5, Shift_JIS,
 * EUC-KR, windows-1252), each test file made here by encoding a known
 * UTF-8 string with iconv(3) rather than kept as a binary fixture; invalid
 * and truncated input reported with the byte offset of the first bad byte
 * in the original file (the BOM counted); and files larger than the 64 KiB
 * read buffer, with multibyte characters at every alignment across the
 * buffer boundaries, which must decode to exactly the expected UTF-8 with
 * no read ever ending inside a character.
 *
 * Output: nothing appears before commit, nothing at all (no temporary
 * file) after abort or a failed write, an input is never overwritten, and
 * text is encoded to GB18030 or UTF-16LE with a BOM.
 */
#include "system.h"

#include <dirent.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/input.h"
#include "core/output.h"
#include "tap.h"

static char *work;	/* scratch folder, from t_workdir() */

/* A file name in the scratch folder.  Static: valid until the next call
 * with the same slot. */
static const char *
wpath(int slot, const char *name)
{
	static char paths[4][4096];
	snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", work, name);
	return paths[slot];
}

/* Encodes utf8[0..len) to the encoding `to` with iconv(3).  Caller frees;
 * *out_len gets the length. */
static char *
encode(const char *to, const char *utf8, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t) -1)
		tap_bail("iconv cannot encode to %s", to);
	size_t cap = len * 4 + 16;
	char *out = malloc(cap);
	char *src = (char *) utf8, *dst = out;
	size_t left = len, room = cap;
	if (iconv(cd, &src, &left, &dst, &room) == (size_t) -1
	    || iconv(cd, NULL, NULL, &dst, &room) == (size_t) -1)
		tap_bail("iconv cannot encode the test text to %s", to);
	iconv_close(cd);
	*out_len = (size_t) (dst - out);
	return out;
}

/* Whether s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF), written independently of the library. */
static int
valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2, cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3, cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4, cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)
		    || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return 0;
		i += len;
	}
	return 1;
}

/* What reading a whole file gave. */
struct decoded {
	int open_ok;		/* bt_input_open succeeded */
	int rc;			/* 0 at end of input, -1 on error */
	char *data;		/* owned: everything read before the end */
	size_t len;
	size_t reads;		/* calls that returned bytes */
	int chunks_valid;	/* every read was valid UTF-8 on its own */
	int chunks_fit;		/* no read returned more than cap */
	char *encoding;		/* owned: bt_input_encoding() */
	int bom;
	struct bt_error err;
};

static void
decoded_release(struct decoded *d)
{
	free(d->data);
	free(d->encoding);
	bt_error_release(&d->err);
}

/* Reads path with bt_input_read(cap) to the end or to an error. */
static struct decoded
decode(const char *path, const char *encoding, size_t cap)
{
	struct decoded d = { 0, -1, NULL, 0, 0, 1, 1, NULL, 0,
			     BT_ERROR_INIT };
	struct bt_input *in = bt_input_open(path, encoding, &d.err);
	if (!in)
		return d;
	d.open_ok = 1;
	d.encoding = strdup(bt_input_encoding(in));
	d.bom = bt_input_has_bom(in);
	char *buf = malloc(cap + 1);
	size_t size = 0;
	for (;;) {
		/* Fill with garbage to catch a read that claims too much. */
		memset(buf, 0xFF, cap + 1);
		ssize_t n = bt_input_read(in, buf, cap, &d.err);
		if (n <= 0) {
			d.rc = n < 0 ? -1 : 0;
			break;
		}
		if ((size_t) n > cap)
			d.chunks_fit = 0;
		if (!valid_utf8((const unsigned char *) buf, (size_t) n))
			d.chunks_valid = 0;
		if (d.len + (size_t) n + 1 > size) {
			size = (d.len + (size_t) n + 1) * 2;
			d.data = realloc(d.data, size);
		}
		memcpy(d.data + d.len, buf, (size_t) n);
		d.len += (size_t) n;
		d.reads++;
	}
	if (!d.data)
		d.data = calloc(1, 1);
	d.data[d.len] = '\0';
	free(buf);
	bt_input_free(in);
	return d;
}

/* Writes bytes to a file in the scratch folder and decodes it. */
static struct decoded
decode_bytes(const char *bytes, size_t len, const char *encoding,
	     size_t cap)
{
	const char *path = wpath(0, "in.txt");
	t_write(path, bytes, len);
	return decode(path, encoding, cap);
}

#define S(lit) (lit), (sizeof(lit) - 1)

/* --- byte-order marks ------------------------------------------------ */

static void
test_plain_and_bom(void)
{
	static const char text[] = "Hello, \xE4\xB8\x96\xE7\x95\x8C!\n"
		"\xF0\x9F\x98\x80 caf\xC3\xA9\n";	/* 世界 😀 é */
	struct decoded d = decode_bytes(S(text), NULL, 65536);
	ok(d.open_ok && d.rc == 0, "UTF-8 without BOM reads");
	is_mem(d.data, d.len, S(text), "UTF-8 without BOM: same bytes");
	is_str(d.encoding, "UTF-8", "encoding UTF-8");
	is_int(d.bom, 0, "no BOM");
	decoded_release(&d);

	char *b = malloc(sizeof(text) + 3);
	memcpy(b, "\xEF\xBB\xBF", 3);
	memcpy(b + 3, text, sizeof(text) - 1);
	d = decode_bytes(b, sizeof(text) + 2, NULL, 65536);
	is_mem(d.data, d.len, S(text), "UTF-8 BOM: the BOM is not returned");
	is_str(d.encoding, "UTF-8", "UTF-8 BOM: encoding UTF-8");
	is_int(d.bom, 1, "UTF-8 BOM: has_bom");
	decoded_release(&d);

	/* A BOM is proof: it wins over --encoding. */
	d = decode_bytes(b, sizeof(text) + 2, "GB18030", 65536);
	is_mem(d.data, d.len, S(text), "UTF-8 BOM wins over GB18030");
	is_str(d.encoding, "UTF-8", "UTF-8 BOM wins: encoding UTF-8");
	decoded_release(&d);
	free(b);

	static const char *const utf16[] = { "UTF-16LE", "UTF-16BE" };
	static const char *const marks[] = { "\xFF\xFE", "\xFE\xFF" };
	for (int k = 0; k < 2; k++) {
		size_t n;
		char *e = encode(utf16[k], S(text), &n);
		char *f = malloc(n + 2);
		memcpy(f, marks[k], 2);
		memcpy(f + 2, e, n);
		d = decode_bytes(f, n + 2, NULL, 65536);
		ok(d.open_ok && d.rc == 0, "%s with BOM reads", utf16[k]);
		is_mem(d.data, d.len, S(text), "%s with BOM: decoded, "
		       "surrogate pair included", utf16[k]);
		is_str(d.encoding, utf16[k], "%s: encoding name", utf16[k]);
		is_int(d.bom, 1, "%s: has_bom", utf16[k]);
		decoded_release(&d);
		d = decode_bytes(f, n + 2, "windows-1252", 65536);
		is_mem(d.data, d.len, S(text), "%s BOM wins over windows-1252",
		       utf16[k]);
		decoded_release(&d);
		/* Without a BOM, named by the caller. */
		d = decode_bytes(e, n, utf16[k], 65536);
		is_mem(d.data, d.len, S(text), "%s without BOM, named",
		       utf16[k]);
		is_int(d.bom, 0, "%s without BOM: no BOM", utf16[k]);
		decoded_release(&d);
		free(e);
		free(f);
	}

	/* Files shorter than the longest BOM. */
	d = decode_bytes("", 0, NULL, 8);
	ok(d.open_ok && d.rc == 0 && d.len == 0, "empty file: nothing");
	is_int(d.bom, 0, "empty file: no BOM");
	decoded_release(&d);
	d = decode_bytes("a", 1, NULL, 8);
	is_mem(d.data, d.len, "a", 1, "one-byte file");
	decoded_release(&d);
	d = decode_bytes(S("\xEF\xBB\xBF"), NULL, 8);
	ok(d.rc == 0 && d.len == 0 && d.bom, "only a UTF-8 BOM: empty text");
	decoded_release(&d);
	d = decode_bytes(S("\xFF\xFE"), NULL, 8);
	ok(d.rc == 0 && d.len == 0 && d.bom, "only a UTF-16LE BOM");
	is_str(d.encoding, "UTF-16LE", "only a UTF-16LE BOM: encoding");
	decoded_release(&d);
	d = decode_bytes(S("\xFE\xFF"), NULL, 8);
	ok(d.rc == 0 && d.len == 0 && d.bom, "only a UTF-16BE BOM");
	decoded_release(&d);
	d = decode_bytes(S("\xEF\xBB"), NULL, 8);
	ok(d.rc == -1 && d.err.code == BT_EENCODING && d.err.offset == 0,
	   "a cut UTF-8 BOM is invalid UTF-8 at offset 0 (got %lld)",
	   d.err.offset);
	decoded_release(&d);
	d = decode_bytes(S("\xFF\xFE" "a"), NULL, 8);
	ok(d.rc == -1 && d.err.code == BT_EENCODING,
	   "UTF-16LE with an odd number of bytes is an error");
	decoded_release(&d);
}

/* --- legacy encodings ------------------------------------------------ */

static void
test_iconv_encodings(void)
{
	static const struct {
		const char *name;	/* as a user types it */
		const char *canonical;	/* bt_input_encoding() */
		const char *text;	/* UTF-8 */
	} cases[] = {
		{ "GB18030", "GB18030",
		  "健康共同体：一年来，中国积极开展抗疫国际合作。"
		  "€ é \xF0\x9F\x98\x80 \xE3\x80\x80\xE3\x80\x80" "end\n" },
		{ "gb18030", "GB18030", "小写的名字也行。\n" },
		{ "GBK", "GBK", "简体中文与繁體中文：测试。ABC 123\n" },
		{ "Big5", "BIG5", "繁體中文測試：臺灣的天氣很好。\n" },
		{ "Shift_JIS", "SHIFT_JIS",
		  "日本語のテキスト、カタカナとひらがな。ABC\n" },
		{ "EUC-KR", "EUC-KR", "한국어 텍스트입니다. 세계인권선언\n" },
		{ "windows-1252", "WINDOWS-1252",
		  "café – “quotes” € naïve Œuvre\n" },
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(cases); i++) {
		const char *text = cases[i].text;
		size_t n;
		char *e = encode(cases[i].name, text, strlen(text), &n);
		ok(n != strlen(text) || memcmp(e, text, n),
		   "%s: the encoded file differs from UTF-8", cases[i].name);
		ok(bt_encoding_known(cases[i].name), "%s is known",
		   cases[i].name);
		struct decoded d = decode_bytes(e, n, cases[i].name, 65536);
		ok(d.open_ok && d.rc == 0, "%s reads", cases[i].name);
		is_str(d.data, text, "%s decodes to the original",
		       cases[i].name);
		is_str(d.encoding, cases[i].canonical, "%s: encoding name",
		       cases[i].name);
		decoded_release(&d);
		d = decode_bytes(e, n, cases[i].name, 8);
		is_str(d.data, text, "%s decodes 8 bytes at a time",
		       cases[i].name);
		ok(d.chunks_valid && d.chunks_fit,
		   "%s: every 8-byte read is whole characters", cases[i].name);
		decoded_release(&d);
		free(e);
	}

	ok(bt_encoding_known("UTF-8") && bt_encoding_known("utf8")
	   && bt_encoding_known("utf_8"), "UTF-8 is known by any spelling");
	ok(!bt_encoding_known("no-such-encoding"), "a made-up name is not");

	struct decoded d = decode_bytes(S("abc"), "utf8", 8);
	is_str(d.encoding, "UTF-8", "'utf8' is read as UTF-8");
	decoded_release(&d);

	struct bt_error err = BT_ERROR_INIT;
	t_write(wpath(0, "in.txt"), "abc", 3);
	struct bt_input *in = bt_input_open(wpath(0, "in.txt"),
					    "no-such-encoding", &err);
	ok(in == NULL, "an unknown encoding: open fails");
	is_int(err.code, BT_EENCODING, "an unknown encoding: BT_EENCODING");
	ok(err.msg && strstr(err.msg, "no-such-encoding"),
	   "the message names the encoding (%s)", err.msg);
	bt_input_free(in);
	bt_error_release(&err);

	/* Bytes that do not decode in the named encoding. */
	d = decode_bytes(S("ab\x81\x20" "cd"), "GB18030", 8);
	ok(d.rc == -1 && d.err.code == BT_EENCODING, "bad GB18030: error");
	is_int(d.err.offset, 2, "bad GB18030: offset of the bad byte");
	is_mem(d.data, d.len, "ab", 2, "bad GB18030: the good text before");
	decoded_release(&d);
	d = decode_bytes(S("abc\xD6"), "GB18030", 8);
	ok(d.rc == -1 && d.err.code == BT_EENCODING,
	   "GB18030 cut at the end: error");
	is_int(d.err.offset, 3, "GB18030 cut at the end: offset");
	decoded_release(&d);
	d = decode_bytes(S("ab\x81"), "windows-1252", 8);
	ok(d.rc == -1 && d.err.code == BT_EENCODING,
	   "0x81 is not windows-1252");
	is_int(d.err.offset, 2, "bad windows-1252: offset");
	decoded_release(&d);

	/* UTF-16: a lone surrogate, and a pair cut at the end. */
	d = decode_bytes(S("\xFF\xFE" "a\0" "\x00\xD8" "b\0"), NULL, 64);
	ok(d.rc == -1 && d.err.code == BT_EENCODING,
	   "UTF-16LE lone high surrogate: error");
	is_int(d.err.offset, 4, "UTF-16LE lone surrogate: offset (BOM "
	       "counted)");
	decoded_release(&d);
	d = decode_bytes(S("\xFF\xFE" "a\0" "\x3D\xD8"), NULL, 64);
	ok(d.rc == -1 && d.err.code == BT_EENCODING,
	   "UTF-16LE pair cut at the end: error");
	is_int(d.err.offset, 4, "UTF-16LE cut pair: offset");
	decoded_release(&d);

	/* Deep in a big file, past the first buffers. */
	size_t n = 200002;
	char *big = malloc(n);
	memset(big, 'a', n);
	memcpy(big + 140000, "\x81\x20", 2);
	d = decode_bytes(big, n, "GB18030", 65536);
	ok(d.rc == -1 && d.err.code == BT_EENCODING, "bad GB18030 deep in "
	   "a 200 KB file: error");
	is_int(d.err.offset, 140000, "bad GB18030 deep in the file: offset");
	is_int(d.len, 140000, "and all the text before it was read");
	decoded_release(&d);
	free(big);
}

/* --- invalid UTF-8 ----------------------------------------------------- */

/* Decodes prefix (pad bytes of 'a') + bad and checks the error offset. */
static void
check_bad(const char *what, size_t pad, const char *bad, size_t bad_len,
	  long long want, int bom)
{
	size_t n = (bom ? 3 : 0) + pad + bad_len;
	char *f = malloc(n + 1);
	size_t at = 0;
	if (bom)
		memcpy(f, "\xEF\xBB\xBF", 3), at = 3;
	memset(f + at, 'a', pad);
	memcpy(f + at + pad, bad, bad_len);
	static const size_t caps[] = { 8, 4096, 65536 };
	for (size_t c = 0; c < BT_ARRAY_SIZE(caps); c++) {
		struct decoded d = decode_bytes(f, n, NULL, caps[c]);
		ok(d.rc == -1 && d.err.code == BT_EENCODING,
		   "%s after %zu bytes%s (read %zu): BT_EENCODING", what, pad,
		   bom ? " and a BOM" : "", caps[c]);
		is_int(d.err.offset, want, "%s after %zu bytes%s (read %zu): "
		       "offset", what, pad, bom ? " and a BOM" : "", caps[c]);
		ok((long long) d.len <= want - (bom ? 3 : 0)
		   && !memchr(d.data, 0xFF, d.len)
		   && d.chunks_valid, "%s: only good text handed on", what);
		decoded_release(&d);
	}
	free(f);
}

static void
test_invalid_utf8(void)
{
	static const struct {
		const char *what;
		const char *bytes;
		size_t len;
		size_t bad_at;	/* offset of the first bad byte in bytes */
	} bad[] = {
		{ "0xFF", "\xFF" "def", 4, 0 },
		{ "a lone continuation byte", "\x80" "x", 2, 0 },
		{ "an overlong NUL", "\xC0\x80" "x", 3, 0 },
		{ "an overlong slash", "\xE0\x80\xAF" "x", 4, 0 },
		{ "a surrogate", "\xED\xA0\x80" "x", 4, 0 },
		{ "a code point past U+10FFFF", "\xF4\x90\x80\x80" "x", 5, 0 },
		{ "0xF5", "\xF5\x80\x80\x80", 4, 0 },
		{ "a cut sequence followed by ASCII", "\xE4\xB8" "x", 3, 0 },
		{ "a good character then a cut one",
		  "\xE4\xB8\xAD\xE4\xB8" "x", 6, 3 },
		{ "a sequence cut at the end of the file", "\xE4\xB8", 2, 0 },
		{ "a 4-byte sequence cut at the end", "\xF0\x9F\x98", 3, 0 },
		{ "a lead byte at the end", "\xC3", 1, 0 },
	};
	static const size_t pads[] = {
		0, 3, 65532, 65533, 65534, 65535, 65536, 65537, 131071, 131072,
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(bad); i++)
		for (size_t p = 0; p < BT_ARRAY_SIZE(pads); p++) {
			/* Every case at a few places; the cut ones at all. */
			if (p % 3 && !strstr(bad[i].what, "cut")
			    && !strstr(bad[i].what, "lead"))
				continue;
			check_bad(bad[i].what, pads[p], bad[i].bytes,
				  bad[i].len,
				  (long long) (pads[p] + bad[i].bad_at), 0);
		}
	check_bad("0xFF", 0, "\xFF", 1, 3, 1);
	check_bad("0xFF", 65533, "\xFF", 1, 65536, 1);
	check_bad("a sequence cut at the end of the file", 65532, "\xE4\xB8",
		  2, 65535, 1);

	/* bt_input_check reads the whole file. */
	struct bt_error err = BT_ERROR_INIT;
	t_write(wpath(0, "good.txt"), "\xE4\xB8\xAD\xE6\x96\x87\n", 7);
	is_int(bt_input_check(wpath(0, "good.txt"), NULL, &err), 0,
	       "bt_input_check: good UTF-8");
	size_t n = 200000;
	char *big = malloc(n);
	memset(big, 'x', n);
	big[150001] = '\xFE';
	t_write(wpath(0, "bad.txt"), big, n);
	free(big);
	is_int(bt_input_check(wpath(0, "bad.txt"), NULL, &err), -1,
	       "bt_input_check: bad byte deep in the file");
	is_int(err.code, BT_EENCODING, "bt_input_check: BT_EENCODING");
	is_int(err.offset, 150001, "bt_input_check: its offset");
	is_str(err.file, wpath(0, "bad.txt"), "bt_input_check: the file");
	bt_error_release(&err);

	/* A folder is not a file. */
	struct bt_input *din = bt_input_open(work, NULL, &err);
	char dbuf[64];
	ok(!din || bt_input_read(din, dbuf, sizeof(dbuf), &err) < 0,
	   "a folder: open or read fails");
	is_int(err.code, BT_EIO, "a folder: BT_EIO");
	bt_input_free(din);
	bt_error_release(&err);

	/* A missing file. */
	struct bt_input *in = bt_input_open(wpath(0, "missing.txt"), NULL,
					    &err);
	ok(!in, "missing file: open fails");
	is_int(err.code, BT_EIO, "missing file: BT_EIO");
	is_str(err.file, wpath(0, "missing.txt"), "missing file: named");
	bt_error_release(&err);
	is_int(bt_input_check(wpath(0, "missing.txt"), NULL, &err), -1,
	       "bt_input_check: missing file");
	is_int(err.code, BT_EIO, "bt_input_check: missing file: BT_EIO");
	bt_error_release(&err);
}

/* --- chunk boundaries -------------------------------------------------- */

/* UTF-8 text of at least min bytes: pad ASCII bytes, then a mix of 1-,
 * 2-, 3- and 4-byte characters and the whitespace filters care about.
 * Caller frees. */
static char *
mixed_text(size_t pad, size_t min, size_t *len)
{
	static const char unit[] = "a\xE4\xB8\xAD\xC3\xA9\xF0\x9F\x98\x80"
		"\xE3\x80\x80\n\xE6\x96\x87\xD0\x96 ";	/* a中é😀　\n文Ж */
	size_t u = sizeof(unit) - 1;
	size_t n = pad + (min / u + 1) * u;
	char *s = malloc(n + 1);
	memset(s, 'p', pad);
	for (size_t i = pad; i < n; i += u)
		memcpy(s + i, unit, u);
	s[n] = '\0';
	*len = n;
	return s;
}

/* Read sizes: small ones for UTF-8; iconv gets only larger ones, since
 * glibc converts the whole pending input at each call, which makes tiny
 * reads of a big file quadratic (and iconv never splits a character). */
static const size_t utf8_caps[] = { 8, 9, 10, 11, 4096, 65535, 65536,
				    65537, 300000, 0 };
static const size_t iconv_caps[] = { 4096, 65535, 65536, 65537, 300000, 0 };

static void
check_big(const char *what, const char *file, size_t flen,
	  const char *encoding, const char *want, size_t wlen,
	  const size_t *caps)
{
	int all_same = 1, all_valid = 1, all_fit = 1, all_ok = 1;
	size_t reads_64k = 0;
	t_write(wpath(0, "big.txt"), file, flen);
	for (size_t c = 0; caps[c]; c++) {
		struct decoded d = decode(wpath(0, "big.txt"), encoding,
					  caps[c]);
		if (d.rc != 0)
			all_ok = 0;
		if (d.len != wlen || memcmp(d.data, want, wlen)) {
			all_same = 0;
			is_mem(d.data, d.len, want, wlen, "%s, read %zu: "
			       "decoded text", what, caps[c]);
		}
		if (!d.chunks_valid)
			all_valid = 0;
		if (!d.chunks_fit)
			all_fit = 0;
		if (caps[c] == 65536)
			reads_64k = d.reads;
		decoded_release(&d);
	}
	ok(all_ok, "%s: reads to the end without error", what);
	ok(all_same, "%s: decodes to exactly the expected UTF-8 whatever "
	   "the read size", what);
	ok(all_valid, "%s: no read ends inside a character", what);
	ok(all_fit, "%s: no read returns more than asked", what);
	ok(reads_64k >= 2, "%s: took several 64 KiB reads (%zu)", what,
	   reads_64k);
}

static void
test_chunk_boundaries(void)
{
	/* The mix repeats every 21 bytes, so pads 0..20 put each of its
	 * characters (and each byte of them) across byte 65536. */
	for (size_t pad = 0; pad < 21; pad++) {
		size_t n;
		char *text = mixed_text(pad, 200000, &n);
		char what[64];
		snprintf(what, sizeof(what), "UTF-8, %zu KB, pad %zu",
			 n / 1000, pad);
		check_big(what, text, n, NULL, text, n, utf8_caps);

		/* The same behind a BOM: the boundaries move by 3. */
		if (pad < 3 || pad > 17) {
			char *f = malloc(n + 3);
			memcpy(f, "\xEF\xBB\xBF", 3);
			memcpy(f + 3, text, n);
			snprintf(what, sizeof(what), "UTF-8 BOM, pad %zu", pad);
			check_big(what, f, n + 3, NULL, text, n,
				  utf8_caps);
			free(f);
		}
		free(text);
	}

	static const char *const encs[] = { "GB18030", "UTF-16LE",
					    "UTF-16BE" };
	for (size_t k = 0; k < BT_ARRAY_SIZE(encs); k++)
		for (size_t pad = 0; pad < 8; pad++) {
			size_t n, en;
			char *text = mixed_text(pad, 150000, &n);
			char *e = encode(encs[k], text, n, &en);
			char what[64];
			snprintf(what, sizeof(what), "%s, pad %zu", encs[k],
				 pad);
			check_big(what, e, en, encs[k], text, n, iconv_caps);
			if (k > 0) {	/* with a BOM instead of the name */
				char *f = malloc(en + 2);
				memcpy(f, k == 1 ? "\xFF\xFE" : "\xFE\xFF", 2);
				memcpy(f + 2, e, en);
				snprintf(what, sizeof(what), "%s BOM, pad %zu",
					 encs[k], pad);
				check_big(what, f, en + 2, NULL, text, n,
					  iconv_caps);
				free(f);
			}
			free(e);
			free(text);
		}
}

static void
test_stdin(void)
{
	static const char text[] = "from standard input \xE4\xB8\xAD\n";
	t_write(wpath(0, "stdin.txt"), S(text));
	int saved = dup(0);
	FILE *f = freopen(wpath(0, "stdin.txt"), "rb", stdin);
	ok(f != NULL, "stdin redirected");
	struct decoded d = decode("-", NULL, 64);
	is_str(d.data, text, "'-' reads standard input");
	decoded_release(&d);
	struct bt_error err = BT_ERROR_INIT;
	rewind(stdin);
	lseek(0, 0, SEEK_SET);
	struct bt_input *in = bt_input_open("-", NULL, &err);
	ok(in && strcmp(bt_input_path(in), "-"),
	   "stdin has a readable name (%s)", in ? bt_input_path(in) : "");
	bt_input_free(in);
	if (saved >= 0) {
		dup2(saved, 0);
		close(saved);
	}
	in = bt_input_open(wpath(0, "stdin.txt"), NULL, &err);
	is_str(in ? bt_input_path(in) : NULL, wpath(0, "stdin.txt"),
	       "a file's name is the path given");
	bt_input_free(in);
	bt_error_release(&err);
}

/* --- output ------------------------------------------------------------ */

/* Number of entries in folder dir, "." and ".." aside. */
static int
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return -1;
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void
test_output(void)
{
	struct bt_error err = BT_ERROR_INIT;
	char *dir = t_path(work, "out");
	t_mkdir(dir);
	char *target = t_path(dir, "result.txt");
	size_t len;

	/* Commit. */
	struct bt_output *out = bt_output_open(target, NULL, false, NULL,
					       &err);
	ok(out != NULL, "open an output");
	is_int(bt_output_puts(out, "first line\n", &err), 0, "puts");
	is_int(bt_output_write(out, "second\nline", 7, &err), 0, "write");
	ok(!t_exists(target), "before commit the file does not exist");
	is_int(bt_output_commit(out, &err), 0, "commit");
	char *got = t_read(target, &len);
	is_mem(got, len, S("first line\nsecond\n"), "after commit: the text");
	free(got);
	is_int(count_entries(dir), 1, "after commit: no temporary file left");
	struct stat st = { 0 };
	mode_t mask = umask(022);
	umask(mask);
	int stat_rc = stat(target, &st);
	ok(stat_rc == 0 && (st.st_mode & 0777) == (0666 & ~mask),
	   "the file gets the usual permissions (%o)",
	   (unsigned) (st.st_mode & 0777));

	/* Replace atomically: the old file stays until commit. */
	out = bt_output_open(target, NULL, false, NULL, &err);
	bt_output_puts(out, "new contents\n", &err);
	got = t_read(target, &len);
	is_mem(got, len, S("first line\nsecond\n"),
	       "before commit the old file is untouched");
	free(got);
	is_int(bt_output_commit(out, &err), 0, "commit over the old file");
	got = t_read(target, &len);
	is_mem(got, len, S("new contents\n"), "the old file is replaced");
	free(got);

	/* Abort leaves nothing, even after more than a buffer of text. */
	char *other = t_path(dir, "aborted.txt");
	out = bt_output_open(other, NULL, false, NULL, &err);
	char *lots = malloc(300000);
	memset(lots, 'z', 300000);
	is_int(bt_output_write(out, lots, 300000, &err), 0,
	       "write 300 KB (flushed to disk)");
	is_int(count_entries(dir), 2, "while writing: a temporary file");
	bt_output_abort(out);
	ok(!t_exists(other), "abort: the file does not appear");
	is_int(count_entries(dir), 1, "abort: no temporary file is left");
	bt_output_abort(NULL);
	ok(1, "bt_output_abort(NULL) does nothing");

	/* A big file arrives whole. */
	out = bt_output_open(other, NULL, false, NULL, &err);
	bt_output_write(out, lots, 300000, &err);
	bt_output_write(out, "end", 3, &err);
	is_int(bt_output_commit(out, &err), 0, "commit 300 KB");
	got = t_read(other, &len);
	ok(len == 300003 && !memcmp(got, lots, 300000)
	   && !memcmp(got + 300000, "end", 3), "300 KB arrive whole");
	free(got);
	free(lots);
	unlink(other);

	/* Refuse to write over an input, however it is named. */
	char *in = t_path(dir, "input.txt");
	t_write(in, "precious\n", 9);
	const char *inputs[] = { wpath(1, "elsewhere.txt"), in, NULL };
	out = bt_output_open(in, NULL, false, inputs, &err);
	ok(out == NULL, "refuses to write over an input");
	is_int(err.code, BT_EUSAGE, "writing over an input: BT_EUSAGE");
	bt_error_release(&err);
	char *dotted = t_path(dir, "./input.txt");
	out = bt_output_open(dotted, NULL, false, inputs, &err);
	ok(out == NULL, "refuses it under another spelling of the name");
	bt_output_abort(out);
	bt_error_release(&err);
	char *linked = t_path(dir, "hardlink.txt");
	ok(link(in, linked) == 0, "make a hard link to the input");
	out = bt_output_open(linked, NULL, false, inputs, &err);
	ok(out == NULL, "refuses a hard link to the input");
	bt_output_abort(out);
	bt_error_release(&err);
	unlink(linked);
	got = t_read(in, &len);
	is_mem(got, len, S("precious\n"), "the input is untouched");
	free(got);
	is_int(count_entries(dir), 2, "and nothing was created");
	out = bt_output_open(target, NULL, false, inputs, &err);
	ok(out != NULL, "another file beside the inputs is fine");
	bt_output_abort(out);
	free(in);
	free(dotted);
	free(linked);

	/* Encodings. */
	static const char zh[] = "中文：健康 \xF0\x9F\x98\x80\n";
	size_t en;
	char *want = encode("GB18030", S(zh), &en);
	out = bt_output_open(target, "GB18030", false, NULL, &err);
	ok(out != NULL, "open a GB18030 output");
	bt_output_write(out, S(zh), &err);
	is_int(bt_output_commit(out, &err), 0, "commit GB18030");
	got = t_read(target, &len);
	is_mem(got, len, want, en, "GB18030 output is encoded");
	free(got);
	free(want);

	want = encode("UTF-16LE", S(zh), &en);
	out = bt_output_open(target, "UTF-16LE", true, NULL, &err);
	bt_output_write(out, zh, 6, &err);	/* in two pieces */
	bt_output_write(out, zh + 6, sizeof(zh) - 7, &err);
	is_int(bt_output_commit(out, &err), 0, "commit UTF-16LE with BOM");
	got = t_read(target, &len);
	ok(len == en + 2 && !memcmp(got, "\xFF\xFE", 2)
	   && !memcmp(got + 2, want, en), "UTF-16LE: FF FE, then the text");
	free(got);
	free(want);

	out = bt_output_open(target, NULL, true, NULL, &err);
	bt_output_write(out, S(zh), &err);
	is_int(bt_output_commit(out, &err), 0, "commit UTF-8 with BOM");
	got = t_read(target, &len);
	ok(len == sizeof(zh) + 2 && !memcmp(got, "\xEF\xBB\xBF", 3)
	   && !memcmp(got + 3, zh, sizeof(zh) - 1), "UTF-8: EF BB BF, text");
	free(got);

	/* A character the encoding lacks: an error, and nothing left. */
	unlink(target);
	out = bt_output_open(target, "windows-1252", false, NULL, &err);
	ok(out != NULL, "open a windows-1252 output");
	is_int(bt_output_puts(out, "caf\xC3\xA9 ", &err), 0,
	       "é is in windows-1252");
	is_int(bt_output_puts(out, "\xE4\xB8\xAD", &err), -1,
	       "中 is not in windows-1252");
	is_int(err.code, BT_EENCODING, "unrepresentable: BT_EENCODING");
	bt_error_release(&err);
	bt_output_abort(out);
	ok(!t_exists(target), "after the failed write, no file");
	is_int(count_entries(dir), 1, "and no temporary file (only input)");

	out = bt_output_open(target, "no-such-encoding", false, NULL, &err);
	ok(out == NULL, "an unknown output encoding: open fails");
	is_int(err.code, BT_EENCODING, "unknown output encoding: "
	       "BT_EENCODING");
	bt_error_release(&err);
	is_int(count_entries(dir), 1, "and nothing is left behind");

	char *nodir = t_path(dir, "no/such/folder.txt");
	out = bt_output_open(nodir, NULL, false, NULL, &err);
	ok(out == NULL, "a missing folder: open fails");
	is_int(err.code, BT_EIO, "a missing folder: BT_EIO");
	bt_error_release(&err);
	free(nodir);

	free(target);
	free(other);
	free(dir);
}

int
main(void)
{
	work = t_workdir("test-input");
	test_plain_and_bom();
	test_iconv_encodings();
	test_invalid_utf8();
	test_chunk_boundaries();
	test_stdin();
	test_output();
	t_cleanup(work);
	return done_testing();
}
