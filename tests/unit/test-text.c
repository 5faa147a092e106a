/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of the plain-text filter (bt_filter_text, src/filter/text.c)
 * and of what all filters share (src/filter/filter.h).
 *
 * Each input is read with bt_filter_read_document() and checked three
 * ways: the units it gives (paragraphs split at blank lines with any line
 * ends, at form feeds and at runs of two or more ideographic spaces); the
 * invariants of any text document (skeleton is whitespace only, no unit
 * starts or ends with whitespace or starts with U+3000, no unit holds a
 * paragraph break, skeleton and units put together give the decoded
 * text); and the round trip: written back with bt_filter_write()
 * through bt_output, the file must equal the input byte for byte.  The
 * inputs include the tricky cases (empty, whitespace only, BOMs, UTF-16,
 * GB18030, marker characters, NUL bytes, paragraphs and whitespace runs
 * across the 64 KiB read chunks) and every file under $top_srcdir/corpora.
 */
#include "system.h"

#include <ftw.h>
#include <iconv.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/output.h"
#include "doc/content.h"
#include "doc/document.h"
#include "filter/filter.h"
#include "tap.h"

#define IDSP "\xE3\x80\x80"	/* U+3000 ideographic space */

static char *work;	/* scratch folder */
static int n_out;	/* to name output files */

/* Encodes utf8[0..len) with iconv(3).  Caller frees. */
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
	if (iconv(cd, &src, &left, &dst, &room) == (size_t) -1)
		tap_bail("iconv cannot encode the test text to %s", to);
	iconv_close(cd);
	*out_len = (size_t) (dst - out);
	return out;
}

/* Length of the filter's whitespace at s[0..n): ASCII blanks, U+3000. */
static size_t
ws_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	if (n >= 1 && (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r')))
		return 1;
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

static int
ends_with_ws(const char *s, size_t n)
{
	return (n >= 1 && ws_len(s + n - 1, 1))
		|| (n >= 3 && !memcmp(s + n - 3, IDSP, 3));
}

/*
 * Whether s[0..n) holds a paragraph break, judged independently of the
 * filter: a whitespace run with a form feed, two ideographic spaces in a
 * row, or two line ends (CR LF counting as one).
 */
static int
holds_break(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (!ws_len(s + i, n - i)) {
			i++;
			continue;
		}
		int lines = 0, idsp = 0;
		size_t w;
		while (i < n && (w = ws_len(s + i, n - i))) {
			if (w == 3) {
				if (++idsp >= 2)
					return 1;
			} else {
				idsp = 0;
				if (s[i] == '\f')
					return 1;
				if (s[i] == '\n' || (s[i] == '\r'
				    && (i + 1 >= n || s[i + 1] != '\n')))
					lines++;
				if (lines >= 2)
					return 1;
			}
			i += w;
		}
	}
	return 0;
}

/* Units rendered and joined by "|".  Caller releases out. */
static void
join_units(const struct bt_document *doc, struct bt_buf *out)
{
	for (size_t i = 0; i < doc->n_units; i++) {
		if (i)
			bt_buf_addch(out, '|');
		bt_unit_render(doc, doc->units[i], out);
	}
	bt_buf_addstr(out, "");
}

/*
 * Checks what holds for every document the text filter reads; want is the
 * decoded text (UTF-8) the document must put back together.  Returns 1 if
 * all holds; says why not in diagnostics.
 */
static int
invariants(const struct bt_document *doc, const char *want, size_t wlen)
{
	int good = 1;
	struct bt_buf all = BT_BUF_INIT, r = BT_BUF_INIT;
	size_t next_unit = 0;
	for (size_t i = 0; i < doc->n_parts; i++) {
		const struct bt_skeleton_part *p = &doc->parts[i];
		if (p->unit == SIZE_MAX) {
			const char *t = doc->skeleton + p->offset;
			for (size_t k = 0, w; k < p->len; k += w)
				if (!(w = ws_len(t + k, p->len - k))) {
					diag("skeleton part %zu holds '%c' "
					     "at %zu", i, t[k], k);
					good = 0;
					break;
				}
			bt_buf_add(&all, t, p->len);
			continue;
		}
		if (p->unit != next_unit++) {
			diag("part %zu: unit %zu out of order", i, p->unit);
			good = 0;
		}
		if (p->unit >= doc->n_units)
			continue;
		const struct bt_unit *u = doc->units[p->unit];
		const char *t = u->source.text;
		size_t n = u->source.len;
		bt_buf_reset(&r);
		bt_unit_render(NULL, u, &r);
		bt_buf_add(&all, r.data, r.len);
		if (!n || ws_len(t, n) || ends_with_ws(t, n)) {
			diag("unit %zu is empty or has whitespace at an "
			     "end", p->unit);
			good = 0;
		}
		if (holds_break(t, n)) {
			diag("unit %zu holds a paragraph break", p->unit);
			good = 0;
		}
		if (!u->id || u->id[0] != 'u' || !u->translate) {
			diag("unit %zu has no proper id", p->unit);
			good = 0;
		}
		if (u->n_segments != 1 || u->segments[0].start != 0
		    || u->segments[0].end != n) {
			diag("unit %zu is not one whole segment", p->unit);
			good = 0;
		}
	}
	if (next_unit != doc->n_units) {
		diag("%zu units but %zu placed", doc->n_units, next_unit);
		good = 0;
	}
	/* Unique ids. */
	for (size_t i = 0; i < doc->n_units && good; i++)
		for (size_t k = i + 1; k < doc->n_units && k < i + 50; k++)
			if (!strcmp(doc->units[i]->id, doc->units[k]->id)) {
				diag("units %zu and %zu share id %s", i, k,
				     doc->units[i]->id);
				good = 0;
			}
	if (all.len != wlen || (wlen && memcmp(all.data, want, wlen))) {
		diag("skeleton and units do not give the text back");
		good = 0;
	}
	bt_buf_release(&all);
	bt_buf_release(&r);
	return good;
}

/* Writes doc back through bt_output; returns the file's bytes (caller
 * frees) or NULL. */
static char *
write_back(const struct bt_document *doc, const char *input, size_t *len)
{
	char name[64];
	snprintf(name, sizeof(name), "out-%d.txt", ++n_out);
	char *path = t_path(work, name);
	const char *inputs[] = { input, NULL };
	struct bt_error err = BT_ERROR_INIT;
	char *got = NULL;
	struct bt_output *out = bt_output_open(path, doc->encoding, doc->bom,
					       inputs, &err);
	if (!out) {
		diag("cannot open %s: %s", path, err.msg);
	} else if (bt_filter_write(&bt_filter_text, doc, out, &err) < 0) {
		diag("write failed: %s", err.msg);
		bt_output_abort(out);
	} else if (bt_output_commit(out, &err) < 0) {
		diag("commit failed: %s", err.msg);
	} else {
		got = t_read(path, len);
		unlink(path);
	}
	bt_error_release(&err);
	free(path);
	return got;
}

/*
 * Reads file (bytes[0..len) written to the scratch folder, or an existing
 * file when bytes is NULL) with the given encoding option, and checks
 * units, invariants and round trip.  decoded is the UTF-8 text the file
 * holds; want_units the units joined by "|" (NULL: not checked).  Returns
 * the document (caller frees) for more checks.
 */
static struct bt_document *
check_file(const char *name, const char *bytes, size_t len,
	   const char *path, const char *encoding, const char *decoded,
	   size_t dlen, const char *want_units, size_t want_len)
{
	char *own = NULL;
	if (bytes) {
		own = t_path(work, "in.txt");
		t_write(own, bytes, len);
		path = own;
	}
	struct bt_filter_options opt = { .encoding = encoding };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_document *doc = bt_filter_read_document(&bt_filter_text,
							  path, &opt, &err);
	ok(doc != NULL, "%s: reads", name);
	if (!doc) {
		diag("%s", err.msg);
		bt_error_release(&err);
		free(own);
		return NULL;
	}
	if (want_units) {
		struct bt_buf j = BT_BUF_INIT;
		join_units(doc, &j);
		is_mem(j.data, j.len, want_units, want_len, "%s: units", name);
		bt_buf_release(&j);
	}
	if (decoded)
		ok(invariants(doc, decoded, dlen), "%s: skeleton and units "
		   "are sound", name);

	size_t in_len = 0, out_len = 0;
	char *in = t_read(path, &in_len);
	char *out = write_back(doc, path, &out_len);
	ok(out != NULL, "%s: writes back", name);
	if (out)
		is_mem(out, out_len, in, in_len, "%s: round trip is lossless",
		       name);
	free(in);
	free(out);
	free(own);
	return doc;
}

/* A UTF-8 input read without an encoding option. */
static struct bt_document *
check_utf8(const char *name, const char *bytes, size_t len,
	   const char *want_units, size_t want_len)
{
	size_t skip = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
	return check_file(name, bytes, len, NULL, NULL, bytes + skip,
			  len - skip, want_units, want_len);
}

#define S(lit) (lit), (sizeof(lit) - 1)

/* --- paragraphs ------------------------------------------------------ */

static const struct {
	const char *name;
	const char *in;
	size_t len;
	const char *units;
	size_t units_len;
} cases[] = {
	{ "two paragraphs", S("Hello world.\n\nSecond para.\n"),
	  S("Hello world.|Second para.") },
	{ "a line break inside a paragraph",
	  S("line one\nline two\n\nnext"), S("line one\nline two|next") },
	{ "CRLF", S("a\r\nb\r\n\r\nc\r\n"), S("a\r\nb|c") },
	{ "CRLF blank line with spaces", S("a\r\n \t\r\nb"), S("a|b") },
	{ "lone CR", S("a\rb\r\rc\r"), S("a\rb|c") },
	{ "LF then CRLF", S("a\n\r\nb"), S("a|b") },
	{ "blank line holding spaces", S("a\n  \t \nb"), S("a|b") },
	{ "indented paragraph", S("  \n\n  indented para  \n\n"),
	  S("indented para") },
	{ "leading space only", S(" a"), S("a") },
	{ "spaces and tabs inside", S("a \t b\tc"), S("a \t b\tc") },
	{ "newline with spaces around", S("a \n b"), S("a \n b") },
	{ "vertical tab inside", S("a\vb"), S("a\vb") },
	{ "form feed", S("page1\fpage2"), S("page1|page2") },
	{ "form feed after a newline", S("page1\n\f\npage2\f"),
	  S("page1|page2") },
	{ "empty file", S(""), S("") },
	{ "only whitespace", S("  \n\n\t  \n"), S("") },
	{ "only ideographic spaces", S(IDSP IDSP "\n" IDSP), S("") },
	{ "no trailing newline", S("abc"), S("abc") },
	{ "trailing blank line with spaces", S("a\n \n"), S("a") },
	{ "ideographic runs on one line",
	  S("第一段。" IDSP IDSP "第二段。" IDSP IDSP "第三段。"),
	  S("第一段。|第二段。|第三段。") },
	{ "three ideographic spaces", S("甲" IDSP IDSP IDSP "乙"),
	  S("甲|乙") },
	{ "one ideographic space stays", S("A" IDSP "B"),
	  S("A" IDSP "B") },
	{ "title then indented paragraphs",
	  S("标题" IDSP IDSP "正文一。" IDSP IDSP "正文二。"),
	  S("标题|正文一。|正文二。") },
	{ "newline then ideographic indent",
	  S("第一段。\n" IDSP IDSP "第二段。\n"), S("第一段。|第二段。") },
	{ "ideographic indent at the start",
	  S("\n" IDSP IDSP "第一段"), S("第一段") },
	{ "one ideographic space after a blank line",
	  S("a\n\n" IDSP "b"), S("a|b") },
	{ "single ideographic spaces around a newline",
	  S("a" IDSP "\n" IDSP "b"), S("a" IDSP "\n" IDSP "b") },
	{ "ideographic spaces split by a space",
	  S("a" IDSP " " IDSP "b"), S("a" IDSP " " IDSP "b") },
	{ "a NUL byte", S("a\0b\n\nc"), S("a\0b|c") },
	{ "marker characters",
	  S("x\xEF\xB7\x90y\xEF\xB7\x91\n\n\xEF\xB7\x92"),
	  S("x\xEF\xB7\x90y\xEF\xB7\x91|\xEF\xB7\x92") },
	{ "UTF-8 BOM", S("\xEF\xBB\xBFHello\n"), S("Hello") },
	{ "UTF-8 BOM then blank lines", S("\xEF\xBB\xBF\n\nHello\n\nBye"),
	  S("Hello|Bye") },
	{ "only a UTF-8 BOM", S("\xEF\xBB\xBF"), S("") },
	{ "non-breaking spaces are text",
	  S("a\xC2\xA0\xC2\xA0" "b\n\nc"), S("a\xC2\xA0\xC2\xA0" "b|c") },
};

static void
test_cases(void)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(cases); i++) {
		struct bt_document *doc = check_utf8(cases[i].name,
			cases[i].in, cases[i].len, cases[i].units,
			cases[i].units_len);
		bt_document_free(doc);
	}

	/* A closer look at some. */
	struct bt_document *doc = check_utf8("skeleton of two paragraphs",
		S(" \nHello world.\n\nSecond para.\n"), NULL, 0);
	if (doc) {
		is_int(doc->n_parts, 5, "parts: text unit text unit text");
		is_mem(doc->skeleton, doc->skeleton_len, " \n\n\n\n", 5,
		       "the skeleton is the whitespace");
		is_str(doc->encoding, "UTF-8", "encoding UTF-8");
		ok(!doc->bom, "no BOM");
		is_str(doc->filter, "text", "the document names its filter");
		ok(strcmp(doc->units[0]->id, doc->units[1]->id),
		   "units have distinct ids");
	}
	bt_document_free(doc);

	doc = check_utf8("BOM flag", S("\xEF\xBB\xBF" "a"), NULL, 0);
	ok(doc && doc->bom, "a UTF-8 BOM is recorded");
	bt_document_free(doc);

	doc = check_utf8("marker codes",
		S("x\xEF\xB7\x90y\xEF\xB7\x91\n\n\xEF\xB7\x92"), NULL, 0);
	if (doc && doc->n_units == 2) {
		const struct bt_content *c = &doc->units[0]->source;
		is_int(c->n_codes, 2, "literal markers are codes");
		ok(c->codes[0].kind == BT_CODE_STANDALONE
		   && c->codes[1].kind == BT_CODE_STANDALONE,
		   "standalone codes");
		is_mem(c->codes[0].data, c->codes[0].data_len,
		       "\xEF\xB7\x90", 3, "holding the character");
	}
	bt_document_free(doc);

	doc = check_utf8("same paragraph twice", S("Same.\n\nSame.\n\nSame."),
			 S("Same.|Same.|Same."));
	if (doc && doc->n_units == 3) {
		char want[64];
		snprintf(want, sizeof(want), "%s-2", doc->units[0]->id);
		is_str(doc->units[1]->id, want, "a repeated paragraph gets -2");
	}
	bt_document_free(doc);
}

/* --- chunk boundaries -------------------------------------------------- */

/* "x" * before + mid + tail: a file with mid at byte `before`. */
static char *
around(size_t before, const char *mid, size_t mlen, const char *tail,
       size_t *len)
{
	size_t tl = strlen(tail);
	char *s = malloc(before + mlen + tl + 1);
	memset(s, 'x', before);
	memcpy(s + before, mid, mlen);
	memcpy(s + before + mlen, tail, tl + 1);
	*len = before + mlen + tl;
	return s;
}

static void
check_around(const char *what, size_t before, const char *mid,
	     size_t mlen, int splits, int bom)
{
	size_t len;
	char *s = around(before, mid, mlen, "tail", &len);
	char name[128];
	snprintf(name, sizeof(name), "%s at byte %zu%s", what, before,
		 bom ? " (BOM)" : "");
	/* Expected units: the x's, then either "tail" alone or joined. */
	struct bt_buf want = BT_BUF_INIT;
	bt_buf_add(&want, s, before);
	if (splits)
		bt_buf_addstr(&want, "|tail");
	else
		bt_buf_add(&want, s + before, len - before);
	char *file = s;
	if (bom) {
		file = malloc(len + 3);
		memcpy(file, "\xEF\xBB\xBF", 3);
		memcpy(file + 3, s, len);
		len += 3;
	}
	struct bt_document *doc = check_utf8(name, file, len, want.data,
					     want.len);
	bt_document_free(doc);
	bt_buf_release(&want);
	if (file != s)
		free(file);
	free(s);
}

static void
test_chunks(void)
{
	static const struct {
		const char *what;
		const char *mid;
		size_t len;
		int splits;
	} mids[] = {
		{ "blank line", S("\n\n"), 1 },
		{ "CRLF blank line", S("\r\n\r\n"), 1 },
		{ "CR LF", S("\r\n"), 0 },
		{ "CR CR", S("\r\r"), 1 },
		{ "blank line with spaces", S("\n    \t  \n"), 1 },
		{ "one newline", S("\n"), 0 },
		{ "ideographic spaces", S(IDSP IDSP), 1 },
		{ "one ideographic space", S(IDSP), 0 },
		{ "newline, ideographic spaces", S("\n" IDSP IDSP), 1 },
		{ "form feed", S(" \f "), 1 },
	};
	for (size_t m = 0; m < BT_ARRAY_SIZE(mids); m++)
		for (size_t at = 65530; at <= 65538; at++)
			check_around(mids[m].what, at, mids[m].mid,
				     mids[m].len, mids[m].splits,
				     at == 65533 || at == 65534);
	check_around("blank line", 131071, S("\n\n"), 1, 0);

	/* Whitespace runs longer than a chunk. */
	size_t n = 200000;
	char *sp = malloc(n + 3);
	memset(sp, ' ', n);
	memcpy(sp + n / 2, "\n\n", 2);
	check_around("200 KB of spaces with a blank line", 100, sp, n, 1, 0);
	sp[n / 2] = ' ';
	sp[n / 2 + 1] = '\n';
	check_around("200 KB of spaces with one newline", 100, sp, n, 0, 0);
	memset(sp, ' ', n);
	check_around("200 KB of spaces", 65530, sp, n, 0, 0);
	free(sp);

	/* Whitespace only, longer than a chunk. */
	n = 300000;
	char *ws = malloc(n);
	for (size_t i = 0; i < n; i++)
		ws[i] = " \n\t\r"[i % 4];
	struct bt_document *doc = check_utf8("300 KB of whitespace only",
					     ws, n, "", 0);
	bt_document_free(doc);
	memcpy(ws + 150000, "word", 4);
	doc = check_utf8("one word in 300 KB of whitespace", ws, n, "word", 4);
	bt_document_free(doc);
	free(ws);

	/* A paragraph much longer than a chunk, with multibyte text. */
	struct bt_buf big = BT_BUF_INIT, units = BT_BUF_INIT;
	while (big.len < 300000)
		bt_buf_addstr(&big, "中文 text 健康，");
	bt_buf_addstr(&big, "end.");
	bt_buf_addstr(&units, big.data);
	bt_buf_addstr(&big, "\n\nNext.\n");
	bt_buf_addstr(&units, "|Next.");
	doc = check_utf8("a 300 KB paragraph", big.data, big.len, units.data,
			 units.len);
	bt_document_free(doc);

	/* Many paragraphs, separators at every alignment. */
	bt_buf_reset(&big);
	bt_buf_reset(&units);
	static const char *const seps[] = {
		"\n\n", IDSP IDSP, "\r\n\r\n", "\f", "\n \n", "\r\r",
		"\n" IDSP IDSP,
	};
	for (int i = 0; big.len < 400000; i++) {
		if (i)
			bt_buf_addstr(&big, seps[i % 7]);
		bt_buf_addf(&big, "P%d%.*s", i, i % 13, "abcdefghijklm");
		bt_buf_addf(&units, "%sP%d%.*s", i ? "|" : "", i, i % 13,
			    "abcdefghijklm");
	}
	doc = check_utf8("400 KB of short paragraphs", big.data, big.len,
			 units.data, units.len);
	bt_document_free(doc);
	bt_buf_release(&big);
	bt_buf_release(&units);
}

/* --- encodings ---------------------------------------------------------- */

static void
check_encoded(const char *name, const char *enc, const char *bom,
	      size_t bom_len, const char *opt_enc, const char *text,
	      size_t tlen, const char *want_units, const char *want_enc)
{
	size_t n;
	char *e = encode(enc, text, tlen, &n);
	char *file = malloc(n + bom_len);
	memcpy(file, bom, bom_len);
	memcpy(file + bom_len, e, n);
	char *path = t_path(work, "encoded.txt");
	t_write(path, file, n + bom_len);
	struct bt_document *doc = check_file(name, NULL, 0, path, opt_enc,
					     text, tlen, want_units,
					     want_units ? strlen(want_units)
					     : 0);
	if (doc) {
		is_str(doc->encoding, want_enc, "%s: encoding", name);
		is_int(doc->bom, bom_len > 0, "%s: BOM", name);
	}
	bt_document_free(doc);
	free(path);
	free(file);
	free(e);
}

static void
test_encodings(void)
{
	static const char text[] = "Title\r\n\r\n第一段。" IDSP IDSP
		"第二段 \xF0\x9F\x98\x80。\n\n" IDSP "é\n";
	static const char units[] =
		"Title|第一段。|第二段 \xF0\x9F\x98\x80。|é";
	check_encoded("UTF-16LE with BOM", "UTF-16LE", "\xFF\xFE", 2, NULL,
		      S(text), units, "UTF-16LE");
	check_encoded("UTF-16BE with BOM", "UTF-16BE", "\xFE\xFF", 2, NULL,
		      S(text), units, "UTF-16BE");
	check_encoded("UTF-16LE named", "UTF-16LE", "", 0, "UTF-16LE",
		      S(text), units, "UTF-16LE");
	check_encoded("GB18030 named", "GB18030", "", 0, "GB18030", S(text),
		      units, "GB18030");
	check_encoded("gb18030 named in lower case", "GB18030", "", 0,
		      "gb18030", S(text), units, "GB18030");
	check_encoded("Big5 named", "BIG5", "", 0, "BIG5",
		      S("繁體中文。" IDSP IDSP "第二段。"),
		      "繁體中文。|第二段。", "BIG5");
	/* "UTF-16" named without a BOM: iconv reads it in the machine's
	 * byte order and, when writing, puts a BOM first, which the input
	 * did not have; the round trip must still give the input back. */
	check_encoded("UTF-16 named, no BOM", "UTF-16LE", "", 0, "UTF-16",
		      S("Hello\n\nWorld\n"), NULL,
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		      "UTF-16BE");
#else
		      "UTF-16LE");	/* the byte order iconv read it in */
#endif
	check_encoded("UTF-16LE with BOM and marker characters", "UTF-16LE",
		      "\xFF\xFE", 2, NULL, S("a\xEF\xB7\x92" "b\n\nc"),
		      "a\xEF\xB7\x92" "b|c", "UTF-16LE");

	/* Big encoded files, with boundaries everywhere. */
	struct bt_buf big = BT_BUF_INIT, units_big = BT_BUF_INIT;
	for (int i = 0; big.len < 300000; i++) {
		if (i)
			bt_buf_addstr(&big, i % 2 ? IDSP IDSP : "\r\n\r\n");
		/* Whole characters only: 3 bytes each. */
		bt_buf_addf(&big, "段落%d：健康%.*s", i, i % 5 * 3,
			    "共同体。。");
		bt_buf_addf(&units_big, "%s段落%d：健康%.*s", i ? "|" : "",
			    i, i % 5 * 3, "共同体。。");
	}
	check_encoded("300 KB GB18030", "GB18030", "", 0, "GB18030",
		      big.data, big.len, units_big.data, "GB18030");
	check_encoded("300 KB UTF-16LE with BOM", "UTF-16LE", "\xFF\xFE", 2,
		      NULL, big.data, big.len, units_big.data, "UTF-16LE");
	bt_buf_release(&big);
	bt_buf_release(&units_big);
}

/* --- errors ------------------------------------------------------------- */

static void
test_errors(void)
{
	struct bt_filter_options opt = { .encoding = NULL };
	struct bt_error err = BT_ERROR_INIT;
	char *path = t_path(work, "bad.txt");
	size_t n = 100000;
	char *bad = malloc(n);
	memset(bad, 'a', n);
	memcpy(bad + 70000, "\n\n\xC3(", 4);
	t_write(path, bad, n);
	free(bad);
	struct bt_document *doc = bt_filter_read_document(&bt_filter_text,
							  path, &opt, &err);
	ok(doc == NULL, "invalid UTF-8: no document");
	is_int(err.code, BT_EENCODING, "invalid UTF-8: BT_EENCODING");
	is_int(err.offset, 70002, "invalid UTF-8: the offset");
	is_str(err.file, path, "invalid UTF-8: the file");
	bt_error_release(&err);

	opt.encoding = "no-such-encoding";
	doc = bt_filter_read_document(&bt_filter_text, path, &opt, &err);
	ok(doc == NULL && err.code == BT_EENCODING,
	   "unknown encoding: BT_EENCODING");
	bt_error_release(&err);
	opt.encoding = NULL;
	free(path);

	path = t_path(work, "missing.txt");
	doc = bt_filter_read_document(&bt_filter_text, path, &opt, &err);
	ok(doc == NULL && err.code == BT_EIO, "missing file: BT_EIO");
	bt_error_release(&err);
	free(path);
}

/* A sink that counts, and fails at the unit numbered fail_at. */
struct counting {
	int begun, units, fail_at, order_ok;
	size_t skeleton;
};

static int
c_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	struct counting *c = ctx;
	(void) info;
	(void) err;
	if (c->units || c->skeleton)
		c->order_ok = 0;
	c->begun++;
	return 0;
}

static int
c_skeleton(void *ctx, const char *text, size_t len, struct bt_error *err)
{
	struct counting *c = ctx;
	(void) text;
	(void) err;
	if (!c->begun)
		c->order_ok = 0;
	c->skeleton += len;
	return 0;
}

static int
c_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	struct counting *c = ctx;
	bt_unit_free(u);
	if (!c->begun)
		c->order_ok = 0;
	if (++c->units == c->fail_at)
		return bt_error_set(err, BT_ELIMIT, NULL, "stop here");
	return 0;
}

static void
test_sink(void)
{
	char *path = t_path(work, "sink.txt");
	t_write(path, S("  one\n\ntwo\n\nthree\n"));
	struct bt_filter_options opt = { .encoding = NULL };
	struct bt_error err = BT_ERROR_INIT;
	struct counting c = { 0, 0, 0, 1, 0 };
	struct bt_sink sink = { c_begin, c_skeleton, c_unit, &c };
	is_int(bt_filter_text.read(path, &opt, &sink, &err), 0,
	       "read into a streaming sink");
	ok(c.begun == 1 && c.order_ok, "begin is called once, first");
	is_int(c.units, 3, "three units");
	is_int(c.skeleton, 7, "seven bytes of skeleton");

	struct counting f = { 0, 0, 2, 1, 0 };
	sink.ctx = &f;
	is_int(bt_filter_text.read(path, &opt, &sink, &err), -1,
	       "a sink error stops the reader");
	is_int(err.code, BT_ELIMIT, "and its error comes back");
	is_int(f.units, 2, "no unit after the failure");
	bt_error_release(&err);
	free(path);
}

/* --- the filter table and rendering -------------------------------------- */

static void
test_table(void)
{
	ok(bt_filter_find("text") == &bt_filter_text, "find 'text'");
	ok(bt_filter_find("no-such-format") == NULL, "find an unknown name");
	int seen = 0;
	for (size_t i = 0; bt_filter_at(i); i++)
		seen |= bt_filter_at(i) == &bt_filter_text;
	ok(seen, "the table holds the text filter");
	is_str(bt_filter_text.name, "text", "its name");
	ok(bt_filter_text.version && *bt_filter_text.version, "a version");
	ok(bt_filter_text.summary && *bt_filter_text.summary, "a summary");
	ok(bt_filter_text.probe("a.txt", "x", 1)
	   > bt_filter_text.probe("a.dat", "x", 1), "probe prefers .txt");
	ok(bt_filter_text.probe("a.dat", "", 0) > 0, "probe reads anything");

	struct bt_error err = BT_ERROR_INIT;
	char *path = t_path(work, "detect.txt");
	t_write(path, "hello\n", 6);
	ok(bt_filter_detect(path, &err) == &bt_filter_text,
	   "detect a .txt file");
	free(path);
	path = t_path(work, "missing.txt");
	ok(bt_filter_detect(path, &err) == NULL && err.code == BT_EIO,
	   "detect a missing file: BT_EIO");
	bt_error_release(&err);
	free(path);
}

static char *
render_unit(const struct bt_unit *u)
{
	struct bt_buf b = BT_BUF_INIT;
	bt_unit_render(NULL, u, &b);
	bt_buf_addstr(&b, "");
	return bt_buf_detach(&b, NULL);
}

static struct bt_content *
target_of(const char *before, const char *code_data, const char *after)
{
	struct bt_content *t = calloc(1, sizeof(*t));
	bt_content_init(t);
	bt_content_add_text(t, before, strlen(before));
	if (code_data) {
		bt_content_add_code(t, BT_CODE_OPEN, 1, NULL, code_data,
				    strlen(code_data));
		bt_content_add_text(t, after, strlen(after));
		bt_content_add_code(t, BT_CODE_CLOSE, 1, NULL, "</em>", 5);
	}
	return t;
}

static void
test_render(void)
{
	/* "A. <br/> B.<b>C.</b>" with segments "A." and "B.<b>C.</b>". */
	struct bt_unit *u = bt_unit_new();
	struct bt_content *c = &u->source;
	bt_content_add_text(c, "A. ", 3);
	bt_content_add_code(c, BT_CODE_STANDALONE, 1, NULL, "<br/>", 5);
	bt_content_add_text(c, " B.", 3);
	bt_content_add_code(c, BT_CODE_OPEN, 2, NULL, "<b>", 3);
	bt_content_add_text(c, "C.", 2);
	bt_content_add_code(c, BT_CODE_CLOSE, 2, NULL, "</b>", 4);

	char *r = render_unit(u);
	is_str(r, "A. <br/> B.<b>C.</b>", "render without segments");
	free(r);
	bt_unit_set_one_segment(u);
	r = render_unit(u);
	is_str(r, "A. <br/> B.<b>C.</b>", "render of one whole segment");
	free(r);

	u->segments = realloc(u->segments, 2 * sizeof(*u->segments));
	u->n_segments = 2;
	size_t s1 = 3 + BT_MARK_LEN + 1;
	u->segments[0] = (struct bt_segment){ 0, 2, NULL, BT_STATE_NONE };
	u->segments[1] = (struct bt_segment){ s1, c->len, NULL,
					      BT_STATE_NONE };
	r = render_unit(u);
	is_str(r, "A. <br/> B.<b>C.</b>",
	       "untranslated segments: the source, code in between kept");
	free(r);

	u->segments[0].target = target_of("X.", NULL, NULL);
	u->segments[0].state = BT_STATE_TRANSLATED;
	r = render_unit(u);
	is_str(r, "X. <br/> B.<b>C.</b>",
	       "a target for segment 1; later codes still line up");
	free(r);

	u->segments[1].target = target_of("Y", "<em>", "Z");
	r = render_unit(u);
	is_str(r, "X. <br/> Y<em>Z</em>", "targets with their own codes");
	free(r);

	bt_content_release(u->segments[0].target);
	free(u->segments[0].target);
	u->segments[0].target = NULL;
	r = render_unit(u);
	is_str(r, "A. <br/> Y<em>Z</em>",
	       "source before, target after, the ignorable code in between");
	free(r);
	bt_unit_free(u);
}

/* --- corpora ------------------------------------------------------------ */

static int n_corpus;

static int
corpus_file(const char *path, const struct stat *st, int flag,
	    struct FTW *ftw)
{
	(void) ftw;
	if (flag != FTW_F || !S_ISREG(st->st_mode))
		return 0;
	size_t len = 0;
	char *bytes = t_read(path, &len);
	size_t skip = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
	struct bt_document *doc = check_file(path, NULL, 0, path, NULL,
					     bytes + skip, len - skip, NULL, 0);
	if (doc)
		ok(doc->n_units > 0, "%s: %zu units", path, doc->n_units);
	bt_document_free(doc);
	free(bytes);
	n_corpus++;
	return 0;
}

static void
test_corpora(void)
{
	const char *top = getenv("top_srcdir");
	char *dir = t_path(top && *top ? top : ".", "corpora");
	n_corpus = 0;
	nftw(dir, corpus_file, 16, FTW_PHYS);
	ok(n_corpus >= 10, "read every file under %s (%d)", dir, n_corpus);

	/* The seed article: a title, then paragraphs indented with two
	 * ideographic spaces, all on one line. */
	char *seed = t_path(dir, "seed/health-community.zh-CN.txt");
	size_t len = 0;
	char *text = t_read(seed, &len);
	ok(text != NULL, "the seed article is there");
	struct bt_filter_options opt = { .encoding = NULL };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_document *doc = text
		? bt_filter_read_document(&bt_filter_text, seed, &opt, &err)
		: NULL;
	ok(doc != NULL, "the seed article reads");
	if (doc && doc->n_units >= 2) {
		char *first = strstr(text, IDSP IDSP);
		char *second = first ? strstr(first + 6, IDSP IDSP) : NULL;
		const struct bt_content *t = &doc->units[0]->source;
		ok(first && second, "the seed has indented paragraphs");
		if (first && second) {
			is_mem(t->text, t->len, text, (size_t) (first - text),
			       "the first unit is the title, alone");
			ok(!strstr(t->text, "\xE3\x80\x82"),
			   "the title has no full stop");
			const struct bt_content *p = &doc->units[1]->source;
			is_mem(p->text, p->len, first + 6,
			       (size_t) (second - first - 6),
			       "the second unit is the first paragraph");
		}
		ok(doc->parts[0].unit == 0, "the title is the first part");
		int clean = 1, no_runs = 1;
		for (size_t i = 0; i < doc->n_units; i++) {
			const struct bt_content *c = &doc->units[i]->source;
			if (ws_len(c->text, c->len)
			    || ends_with_ws(c->text, c->len))
				clean = 0;
			if (strstr(c->text, IDSP IDSP))
				no_runs = 0;
		}
		ok(clean, "no unit starts or ends with whitespace");
		ok(no_runs, "no unit holds two ideographic spaces");
		ok(doc->n_units > 20, "the seed has many paragraphs (%zu)",
		   doc->n_units);
	}
	bt_document_free(doc);
	bt_error_release(&err);
	free(text);
	free(seed);
	free(dir);
}

int
main(void)
{
	work = t_workdir("test-text");
	test_cases();
	test_chunks();
	test_encodings();
	test_errors();
	test_sink();
	test_table();
	test_render();
	test_corpora();
	t_cleanup(work);
	return done_testing();
}
