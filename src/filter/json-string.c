/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * JSON string escapes, both ways, for the JSON filter.
 *
 * Jansson decodes strings too, but forgets how they were written, and
 * the round trip must give back every byte.  So the filter decodes each
 * string itself and remembers its escapes.  The writer escapes text one
 * way only (the canonical one: \" \\ \n \t \r \b \f, \u00XX for other
 * control characters), adapted to the file's style (json.h): \uXXXX for
 * every non-ASCII character in a file that does so, \/ in a file that
 * escapes every slash, hex digits in the file's case.  An escape of the
 * input that this writer would not write the same way is kept as it is,
 * as an inline code (see bt_json_add_content()).
 */
#include "system.h"
#include "filter/json.h"
#include "core/xalloc.h"

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The value of the 4 hex digits at s (known to be hex digits). */
static unsigned
hex4(const char *s)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++)
		v = v << 4 | (unsigned) hex_value((unsigned char) s[i]);
	return v;
}

/* Letters among the hex digits s[0..n): bit 0 lower case, bit 1 upper. */
static unsigned
hex_cases(const char *s, size_t n)
{
	unsigned cases = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'f')
			cases |= 1;
		else if (s[i] >= 'A' && s[i] <= 'F')
			cases |= 2;
	}
	return cases;
}

/* Counts of how a file writes what the writer must write alike. */
struct style_counts {
	size_t raw_high, esc_high;	/* non-ASCII raw / as \uXXXX */
	size_t raw_slash, esc_slash;	/* '/' raw / as \/ */
	size_t lower, upper;		/* \u escapes by case of letters */
};

/* What the writer escapes, by byte: 1 always, 2 with BT_JSON_SLASH, 3 with
 * BT_JSON_ASCII. */
static const unsigned char needs_escape[256] = {
	[0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, ['/'] = 2,
	[0x80] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0x90] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0xA0] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0xB0] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0xC0] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0xD0] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0xE0] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	[0xF0] = 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

/* Counts the string starting after the quote at s[i]; returns the index
 * after its closing quote. */
static size_t
count_string(const char *s, size_t n, size_t i, struct style_counts *k)
{
	while (i < n) {
		/* What the writer may escape is what the counts look at
		 * (a valid string has no raw control character). */
		while (i < n && !needs_escape[(unsigned char) s[i]])
			i++;
		if (i == n)
			break;
		unsigned char c = (unsigned char) s[i];
		if (c == '"')
			return i + 1;
		if (c != '\\') {
			k->raw_high += c >= 0x80;
			k->raw_slash += c == '/';
			i++;
			continue;
		}
		if (i + 1 < n && s[i + 1] == '/')
			k->esc_slash++;
		if (i + 5 < n && s[i + 1] == 'u') {
			unsigned cases = hex_cases(s + i + 2, 4);
			k->lower += cases & 1;
			k->upper += cases >> 1;
			k->esc_high += hex4(s + i + 2) >= 0x80;
			i += 6;
			continue;
		}
		i += 2;
	}
	return n;
}

unsigned
bt_json_detect_style(const char *s, size_t n)
{
	struct style_counts k = { 0 };
	size_t i = 0;
	if (!memchr(s, '\\', n))
		return 0;	/* no escape: nothing to copy */
	/* In valid JSON, a quote outside strings starts one. */
	while (i < n) {
		const char *q = memchr(s + i, '"', n - i);
		if (!q)
			break;
		i = count_string(s, n, (size_t) (q - s) + 1, &k);
	}
	unsigned style = 0;
	if (k.esc_high && !k.raw_high)
		style |= BT_JSON_ASCII;
	if (k.esc_slash && !k.raw_slash)
		style |= BT_JSON_SLASH;
	if (k.upper > k.lower)
		style |= BT_JSON_UPPER;
	return style;
}

/* Appends the UTF-8 form of code point cp. */
static void
add_utf8(struct bt_buf *b, unsigned cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char) cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char) (0xC0 | cp >> 6);
		u[1] = (char) (0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char) (0xE0 | cp >> 12);
		u[1] = (char) (0x80 | (cp >> 6 & 0x3F));
		u[2] = (char) (0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char) (0xF0 | cp >> 18);
		u[1] = (char) (0x80 | (cp >> 12 & 0x3F));
		u[2] = (char) (0x80 | (cp >> 6 & 0x3F));
		u[3] = (char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	bt_buf_add(b, u, n);
}

/* The short escape letter of control character c, or 0. */
static char
short_escape(unsigned c)
{
	switch (c) {
	case '\b': return 'b';
	case '\f': return 'f';
	case '\n': return 'n';
	case '\r': return 'r';
	case '\t': return 't';
	default: return 0;
	}
}

/*
 * Whether the writer, in style, writes code point cp as the \u escape
 * whose hex digits are hex[0..nhex) (4, or 8 for a surrogate pair).
 */
static bool
u_canonical(unsigned cp, const char *hex, size_t nhex, unsigned style)
{
	unsigned cases = hex_cases(hex, nhex);
	bool case_ok = style & BT_JSON_UPPER ? !(cases & 1) : !(cases & 2);
	if (cp == 0)
		return false;	/* no NUL in unit text: kept as a code */
	if (cp < 0x20)
		return !short_escape(cp) && case_ok;
	if (cp < 0x80)
		return false;	/* written as itself, or as \" \\ \/ */
	if ((cp >= BT_MARK_OPEN && cp <= BT_MARK_ALONE) || cp == 0xFFFE
	    || cp == 0xFFFF)
		return false;	/* a code marker, or not for XML */
	return (style & BT_JSON_ASCII) && case_ok;
}

static void
add_escape(struct bt_json_string *js, size_t dpos, size_t rpos, size_t rlen,
	   bool keep)
{
	if (js->n_esc == js->cap_esc) {
		js->cap_esc = js->cap_esc ? 2 * js->cap_esc : 16;
		js->esc = bt_xreallocarray(js->esc, js->cap_esc,
					   sizeof(*js->esc));
	}
	js->esc[js->n_esc++] = (struct bt_json_escape) {
		dpos, js->buf.len - dpos, rpos, rlen, keep,
	};
}

/* Decodes the escape at raw[i] (a backslash); returns its length. */
static size_t
decode_escape(struct bt_json_string *js, const char *raw, size_t i,
	      unsigned style)
{
	size_t dpos = js->buf.len;
	char e = raw[i + 1];
	if (e != 'u') {
		static const char from[] = "\"\\/bfnrt";
		static const char to[] = "\"\\/\b\f\n\r\t";
		const char *p = strchr(from, e);
		bt_buf_addch(&js->buf, p ? to[p - from] : e);
		add_escape(js, dpos, i, 2,
			   e == '/' && !(style & BT_JSON_SLASH));
		return 2;
	}
	unsigned cp = hex4(raw + i + 2);
	size_t rlen = 6;
	/* Jansson let only whole surrogate pairs through. */
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		unsigned lo = hex4(raw + i + 8);
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		rlen = 12;
	}
	char hex[8];
	memcpy(hex, raw + i + 2, 4);
	if (rlen == 12)
		memcpy(hex + 4, raw + i + 8, 4);
	add_utf8(&js->buf, cp);
	add_escape(js, dpos, i, rlen,
		   !u_canonical(cp, hex, rlen == 12 ? 8 : 4, style));
	return rlen;
}

void
bt_json_string_decode(struct bt_json_string *js, const char *raw, size_t len,
		      unsigned style)
{
	js->n_esc = 0;
	const char *bs = memchr(raw, '\\', len);
	if (!bs) {
		js->text = raw;
		js->len = len;
		return;
	}
	bt_buf_reset(&js->buf);
	size_t i = 0;
	while (bs) {
		size_t at = (size_t) (bs - raw);
		bt_buf_add(&js->buf, raw + i, at - i);
		i = at + decode_escape(js, raw, at, style);
		bs = i < len ? memchr(raw + i, '\\', len - i) : NULL;
	}
	bt_buf_add(&js->buf, raw + i, len - i);
	js->text = bt_buf_cstr(&js->buf);
	js->len = js->buf.len;
}

void
bt_json_string_release(struct bt_json_string *js)
{
	bt_buf_release(&js->buf);
	free(js->esc);
	*js = (struct bt_json_string) BT_JSON_STRING_INIT;
}

size_t
bt_json_raw_offset(const struct bt_json_string *js, size_t pos)
{
	/* The last escape that starts before pos, by binary search. */
	size_t lo = 0, hi = js->n_esc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (js->esc[mid].dpos < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return pos;
	const struct bt_json_escape *e = &js->esc[lo - 1];
	return e->rpos + e->rlen + (pos - e->dpos - e->dlen);
}

/* Appends \uXXXX for the 16-bit value v. */
static void
add_u(struct bt_buf *out, unsigned v, unsigned style)
{
	const char *digits = style & BT_JSON_UPPER ? "0123456789ABCDEF"
		: "0123456789abcdef";
	char u[6] = { '\\', 'u', digits[v >> 12 & 15], digits[v >> 8 & 15],
		      digits[v >> 4 & 15], digits[v & 15] };
	bt_buf_add(out, u, sizeof(u));
}

/* Decodes the UTF-8 character at s[0..n) (valid, from a document);
 * returns its length and sets *cp. */
static size_t
utf8_char(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2
		: 1;
	if (len > n)
		len = n;
	unsigned v = len == 1 ? s[0] : s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++)
		v = v << 6 | (s[i] & 0x3F);
	*cp = v;
	return len;
}

/* Whether the writer escapes byte c in style. */
static bool
escapes(unsigned char c, unsigned style)
{
	switch (needs_escape[c]) {
	case 1: return true;
	case 2: return style & BT_JSON_SLASH;
	case 3: return style & BT_JSON_ASCII;
	default: return false;
	}
}

void
bt_json_escape(struct bt_buf *out, const char *text, size_t len,
	       unsigned style)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t i = 0, done = 0;
	while (i < len) {
		if (!escapes(s[i], style)) {
			i++;
			continue;
		}
		bt_buf_add(out, text + done, i - done);
		unsigned cp;
		size_t n = utf8_char(s + i, len - i, &cp);
		char e = short_escape(cp);
		if (cp == '"' || cp == '\\' || cp == '/') {
			bt_buf_addch(out, '\\');
			bt_buf_addch(out, (char) cp);
		} else if (e) {
			bt_buf_addch(out, '\\');
			bt_buf_addch(out, e);
		} else if (cp >= 0x10000) {
			cp -= 0x10000;
			add_u(out, 0xD800 + (cp >> 10), style);
			add_u(out, 0xDC00 + (cp & 0x3FF), style);
		} else {
			add_u(out, cp, style);
		}
		i += n;
		done = i;
	}
	bt_buf_add(out, text + done, len - done);
}

void
bt_json_escape_styled(void *style, struct bt_buf *out, const char *text,
		      size_t len)
{
	bt_json_escape(out, text, len, *(const unsigned *) style);
}
