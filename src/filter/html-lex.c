/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The HTML tokenizer of the html filter; see html-internal.h.
 *
 * It follows the tokenization rules of the WHATWG HTML standard where they
 * decide where a token ends: a '<' starts markup only before a letter,
 * '/', '!' or '?'; attribute values are double-quoted, single-quoted or
 * unquoted; a '/' inside a tag that is not before '>' is ignored; comments
 * end at "-->" or "--!>" and may be empty ("<!-->", "<!--->"); anything
 * else after "<!", "<?" or "</" is a bogus comment up to the next '>'.
 * What the rules leave to the tree builder (raw text elements, RCDATA)
 * the reader asks for with html_raw_end() and HTML_LEX_TEXT_ONLY.
 *
 * Every position is a byte offset into the text lexed, so that the reader
 * can keep each byte where it was.  Also here: character references, and
 * the charset prescan of the first bytes of a file.
 */
#include "system.h"

#include "core/xalloc.h"
#include "filter/html-internal.h"

static inline bool
is_alpha(unsigned char c)
{
	return (unsigned char) ((c | 0x20) - 'a') < 26;
}

static inline bool
is_digit(unsigned char c)
{
	return (unsigned char) (c - '0') < 10;
}

static inline bool
is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

static inline bool
is_hex(unsigned char c)
{
	return is_digit(c) || (unsigned char) ((c | 0x20) - 'a') < 6;
}

bool
html_name_is(const char *s, size_t n, const char *lit)
{
	size_t i = 0;
	for (; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		if (!lit[i] || c != (unsigned char) lit[i])
			return false;
	}
	return lit[i] == '\0';
}

void
html_token_release(struct html_token *t)
{
	free(t->attrs);
	t->attrs = NULL;
	t->n_attrs = t->cap_attrs = 0;
}

/* ---- character references -------------------------------------------- */

/* Windows-1252 for the C1 range, as numeric references are read. */
static const unsigned short c1_map[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
};

static size_t
put_utf8(char *out, unsigned long c)
{
	if (c < 0x80) {
		out[0] = (char) c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char) (0xC0 | (c >> 6));
		out[1] = (char) (0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char) (0xE0 | (c >> 12));
		out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
		out[2] = (char) (0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (c >> 18));
	out[1] = (char) (0x80 | ((c >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((c >> 6) & 0x3F));
	out[3] = (char) (0x80 | (c & 0x3F));
	return 4;
}

/* The entity named s[0..n) (case matters), or NULL. */
static const struct html_entity *
entity_find(const char *s, size_t n)
{
	size_t lo = 0, hi = html_n_entities;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *name = html_entities[mid].name;
		int c = strncmp(name, s, n);
		if (c == 0)
			c = name[n] ? 1 : 0;
		if (c == 0)
			return &html_entities[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A numeric reference "&#..." of s[0..n); see html_ref_lex(). */
static size_t
numeric_ref(const char *s, size_t n, bool eof, char out[8], size_t *out_len)
{
	size_t i = 2;
	bool hex = false;
	if (i < n && (s[i] | 0x20) == 'x') {
		hex = true;
		i++;
	}
	size_t digits = i;
	unsigned long c = 0;
	while (i < n && (hex ? is_hex((unsigned char) s[i])
			 : is_digit((unsigned char) s[i]))) {
		unsigned d = is_digit((unsigned char) s[i])
			? (unsigned) (s[i] - '0')
			: (unsigned) ((s[i] | 0x20) - 'a' + 10);
		if (c <= 0x10FFFF)
			c = c * (hex ? 16 : 10) + d;
		i++;
	}
	if (i == n && !eof)
		return 0;
	if (i == digits) {	/* "&#" with no digits: no reference */
		*out_len = 0;
		return 1;
	}
	if (i < n && s[i] == ';')
		i++;
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	else if (c >= 0x80 && c <= 0x9F)
		c = c1_map[c - 0x80];
	*out_len = put_utf8(out, c);
	return i;
}

size_t
html_ref_lex(const char *s, size_t n, bool eof, bool in_attr, char out[8],
	     size_t *out_len)
{
	*out_len = 0;
	if (n < 2)
		return eof ? 1 : 0;
	if (s[1] == '#')
		return numeric_ref(s, n, eof, out, out_len);
	/* A name: letters and digits, 31 at most in the table. */
	size_t i = 1;
	while (i < n && i < 40 && is_alnum((unsigned char) s[i]))
		i++;
	if (i == n && !eof && i < 40)
		return 0;
	if (i == 1)
		return 1;
	const struct html_entity *e;
	if (i < n && s[i] == ';' && (e = entity_find(s + 1, i - 1))) {
		size_t len = strlen(e->value);
		memcpy(out, e->value, len);
		*out_len = len;
		return i + 1;
	}
	/* The legacy names need no ';': the longest one that fits. */
	for (size_t k = i - 1 < 6 ? i - 1 : 6; k >= 2; k--) {
		e = entity_find(s + 1, k);
		if (!e || !e->legacy)
			continue;
		if (in_attr && 1 + k < n && (is_alnum((unsigned char) s[1 + k])
					     || s[1 + k] == '='))
			return 1;
		size_t len = strlen(e->value);
		memcpy(out, e->value, len);
		*out_len = len;
		return 1 + k;
	}
	return 1;
}

/* ---- markup ------------------------------------------------------------ */

/* The offset just past the first `c` in s[from..len), or 0 if none. */
static size_t
past_char(const char *s, size_t from, size_t len, char c)
{
	if (from >= len)
		return 0;
	const char *p = memchr(s + from, c, len - from);
	return p ? (size_t) (p - s) + 1 : 0;
}

static int
need_more(bool eof)
{
	return eof ? HTML_LEX_TRUNCATED : HTML_LEX_MORE;
}

static void
add_attr(struct html_token *t, const struct html_attr *a)
{
	if (t->n_attrs == t->cap_attrs) {
		t->cap_attrs = t->cap_attrs ? 2 * t->cap_attrs : 8;
		t->attrs = bt_xreallocarray(t->attrs, t->cap_attrs,
					    sizeof(*t->attrs));
	}
	t->attrs[t->n_attrs++] = *a;
}

/*
 * A start or end tag at s[pos] ('<' then a letter, or "</" then a letter):
 * its name, its attributes, and where it ends.
 */
static int
lex_tag(const char *s, size_t pos, size_t len, bool eof,
	struct html_token *t)
{
	size_t i = pos + (t->kind == HTML_END ? 2 : 1);
	t->name = i;
	while (i < len && !html_is_space((unsigned char) s[i]) && s[i] != '/'
	       && s[i] != '>')
		i++;
	t->name_len = i - t->name;
	for (;;) {
		while (i < len && html_is_space((unsigned char) s[i]))
			i++;
		if (i >= len)
			return need_more(eof);
		if (s[i] == '>') {
			t->end = i + 1;
			return HTML_LEX_OK;
		}
		if (s[i] == '/') {
			if (i + 1 >= len)
				return need_more(eof);
			if (s[i + 1] == '>') {
				t->self_closing = true;
				t->end = i + 2;
				return HTML_LEX_OK;
			}
			i++;
			continue;
		}
		struct html_attr a = { .name = i };
		i++;	/* the first character may be '=' */
		while (i < len && !html_is_space((unsigned char) s[i])
		       && s[i] != '/' && s[i] != '>' && s[i] != '=')
			i++;
		a.name_len = i - a.name;
		size_t j = i;
		while (j < len && html_is_space((unsigned char) s[j]))
			j++;
		if (j >= len)
			return need_more(eof);
		if (s[j] != '=') {
			add_attr(t, &a);
			i = j;
			continue;
		}
		j++;
		while (j < len && html_is_space((unsigned char) s[j]))
			j++;
		if (j >= len)
			return need_more(eof);
		if (s[j] == '"' || s[j] == '\'') {
			size_t close = past_char(s, j + 1, len, s[j]);
			if (!close)
				return need_more(eof);
			a.quote = s[j];
			a.value = j + 1;
			a.value_len = close - 1 - a.value;
			i = close;
		} else {
			a.quote = '=';
			a.value = j;
			while (j < len && !html_is_space((unsigned char) s[j])
			       && s[j] != '>')
				j++;
			if (j >= len)
				return need_more(eof);
			a.value_len = j - a.value;
			i = j;
		}
		add_attr(t, &a);
	}
}

/* A comment; s[pos..pos+4) is "<!--". */
static int
lex_comment(const char *s, size_t pos, size_t len, bool eof,
	    struct html_token *t)
{
	t->kind = HTML_COMMENT;
	if (len - pos < 6 && !eof)
		return HTML_LEX_MORE;
	size_t i = pos + 4;
	if (i < len && s[i] == '>') {		/* <!--> */
		t->end = i + 1;
		return HTML_LEX_OK;
	}
	if (i + 1 < len && s[i] == '-' && s[i + 1] == '>') {	/* <!---> */
		t->end = i + 2;
		return HTML_LEX_OK;
	}
	while (i + 2 < len) {
		const char *p = memchr(s + i, '-', len - i - 2);
		if (!p)
			break;
		i = (size_t) (p - s);
		if (s[i + 1] == '-') {
			if (s[i + 2] == '>') {
				t->end = i + 3;
				return HTML_LEX_OK;
			}
			if (s[i + 2] == '!' && i + 3 < len && s[i + 3] == '>') {
				t->end = i + 4;
				return HTML_LEX_OK;
			}
		}
		i++;
	}
	return need_more(eof);
}

/* Markup that ends at the first '>' from s[from]: doctype, bogus. */
static int
lex_to_gt(const char *s, size_t from, size_t len, bool eof,
	  struct html_token *t, enum html_tok_kind kind)
{
	t->kind = kind;
	size_t end = past_char(s, from, len, '>');
	if (!end)
		return need_more(eof);
	t->end = end;
	return HTML_LEX_OK;
}

/* Whether s[pos..len) starts with lit, ignoring ASCII case. */
static bool
starts_ci(const char *s, size_t pos, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	return len - pos >= n && !strncasecmp(s + pos, lit, n);
}

/*
 * Markup at s[pos] == '<'.  Returns HTML_LEX_OK..., or 2 when the '<' is
 * only a character of text.
 */
static int
lex_markup(const char *s, size_t pos, size_t len, bool eof, unsigned flags,
	   struct html_token *t)
{
	size_t n = len - pos;
	if (n < 2)
		return eof ? 2 : HTML_LEX_MORE;
	unsigned char c = (unsigned char) s[pos + 1];
	if (is_alpha(c)) {
		t->kind = HTML_START;
		return lex_tag(s, pos, len, eof, t);
	}
	if (c == '/') {
		if (n < 3)
			return eof ? 2 : HTML_LEX_MORE;
		if (is_alpha((unsigned char) s[pos + 2])) {
			t->kind = HTML_END;
			return lex_tag(s, pos, len, eof, t);
		}
		return lex_to_gt(s, pos + 2, len, eof, t, HTML_BOGUS);
	}
	if (c == '?')
		return lex_to_gt(s, pos + 2, len, eof, t, HTML_BOGUS);
	if (c != '!')
		return 2;
	if (n < 9 && !eof)
		return HTML_LEX_MORE;	/* not enough to tell which */
	if (starts_ci(s, pos, len, "<!--"))
		return lex_comment(s, pos, len, eof, t);
	if (starts_ci(s, pos, len, "<!doctype"))
		return lex_to_gt(s, pos + 9, len, eof, t, HTML_DOCTYPE);
	if ((flags & HTML_LEX_CDATA) && n >= 9
	    && !memcmp(s + pos, "<![CDATA[", 9)) {
		t->kind = HTML_CDATA;
		for (size_t i = pos + 9; i + 2 < len; i++) {
			const char *p = memchr(s + i, ']', len - i - 2);
			if (!p)
				break;
			i = (size_t) (p - s);
			if (s[i + 1] == ']' && s[i + 2] == '>') {
				t->end = i + 3;
				return HTML_LEX_OK;
			}
		}
		return need_more(eof);
	}
	return lex_to_gt(s, pos + 2, len, eof, t, HTML_BOGUS);
}

/* Bytes that end a run of text: '<' and '&'. */
static const unsigned char text_stop[256] = { ['<'] = 1, ['&'] = 1 };

int
html_lex(const char *s, size_t pos, size_t len, bool eof, unsigned flags,
	 struct html_token *t)
{
	t->start = pos;
	t->n_attrs = 0;
	t->self_closing = false;
	t->ref_len = 0;
	t->name = t->name_len = 0;
	if (s[pos] == '&') {
		size_t n = html_ref_lex(s + pos, len - pos, eof, false, t->ref,
					&t->ref_len);
		if (!n)
			return HTML_LEX_MORE;
		t->kind = HTML_REF;
		t->end = pos + n;
		return HTML_LEX_OK;
	}
	size_t i = pos;
	if (s[pos] == '<' && !(flags & HTML_LEX_TEXT_ONLY)) {
		int rc = lex_markup(s, pos, len, eof, flags, t);
		if (rc != 2)
			return rc;
		i++;	/* a '<' that is text */
	}
	if (flags & HTML_LEX_TEXT_ONLY) {
		const char *amp = memchr(s + i, '&', len - i);
		i = amp ? (size_t) (amp - s) : len;
		if (i == pos)
			i++;
	} else {
		while (i < len && !text_stop[(unsigned char) s[i]])
			i++;
	}
	t->kind = HTML_TEXT;
	t->end = i;
	return HTML_LEX_OK;
}

size_t
html_raw_end(const char *s, size_t pos, size_t len, bool eof,
	     const char *name, size_t name_len, bool *more)
{
	size_t i = pos;
	*more = false;
	while (i < len) {
		const char *p = memchr(s + i, '<', len - i);
		if (!p)
			break;
		size_t j = (size_t) (p - s);
		if (j + 2 + name_len >= len) {
			/* Too close to the end to tell. */
			*more = !eof;
			return SIZE_MAX;
		}
		unsigned char c = (unsigned char) s[j + 2 + name_len];
		if (s[j + 1] == '/' && !strncasecmp(s + j + 2, name, name_len)
		    && (html_is_space(c) || c == '/' || c == '>'))
			return j;
		i = j + 1;
	}
	*more = !eof;
	return SIZE_MAX;
}

/* ---- the charset prescan ------------------------------------------------ */

/* Labels as browsers map them (WHATWG Encoding), where iconv's own name
 * would read the document differently; others go to iconv as they are. */
static const struct {
	const char *label, *name;
} charset_labels[] = {
	{ "ansi_x3.4-1968", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "big5", "BIG5" }, { "chinese", "GBK" }, { "cp1252", "WINDOWS-1252" },
	{ "cp819", "WINDOWS-1252" }, { "cp936", "GBK" },
	{ "csgb2312", "GBK" }, { "csisolatin1", "WINDOWS-1252" },
	{ "euc-kr", "CP949" }, { "gb2312", "GBK" }, { "gb_2312", "GBK" },
	{ "gb_2312-80", "GBK" }, { "gbk", "GBK" }, { "ibm819", "WINDOWS-1252" },
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso-ir-100", "WINDOWS-1252" },
	{ "iso-ir-58", "GBK" }, { "iso8859-1", "WINDOWS-1252" },
	{ "iso88591", "WINDOWS-1252" }, { "iso_8859-1", "WINDOWS-1252" },
	{ "iso_8859-1:1987", "WINDOWS-1252" }, { "korean", "CP949" },
	{ "ks_c_5601-1987", "CP949" }, { "ksc5601", "CP949" },
	{ "l1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
	{ "ms932", "CP932" }, { "ms_kanji", "SHIFT_JIS" },
	{ "unicode", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
	{ "us-ascii", "WINDOWS-1252" }, { "utf-16", "UTF-8" },
	{ "utf-16be", "UTF-8" }, { "utf-16le", "UTF-8" }, { "utf-8", "UTF-8" },
	{ "utf8", "UTF-8" }, { "windows-1252", "WINDOWS-1252" },
	{ "windows-31j", "CP932" }, { "windows-936", "GBK" },
	{ "windows-949", "CP949" }, { "x-cp1252", "WINDOWS-1252" },
	{ "x-gbk", "GBK" }, { "x-sjis", "SHIFT_JIS" },
	{ "x-user-defined", "WINDOWS-1252" },
};

/* The iconv name for the label s[0..n), or NULL; a label of no table
 * entry is copied, upper case, into other. */
static const char *
charset_name(const char *s, size_t n, char other[HTML_CHARSET_MAX])
{
	while (n && html_is_space((unsigned char) *s))
		s++, n--;
	while (n && html_is_space((unsigned char) s[n - 1]))
		n--;
	if (!n || n >= HTML_CHARSET_MAX)
		return NULL;
	for (size_t i = 0; i < BT_ARRAY_SIZE(charset_labels); i++)
		if (html_name_is(s, n, charset_labels[i].label))
			return charset_labels[i].name;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		if (!is_alnum(c) && c != '-' && c != '_' && c != ':'
		    && c != '.')
			return NULL;
		other[i] = (char) (c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	other[n] = '\0';
	return other;
}

/* The charset in a Content-Type value: "text/html; charset=gb2312". */
static const char *
charset_of_content(const char *s, size_t n, char other[HTML_CHARSET_MAX])
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if (strncasecmp(s + i, "charset", 7))
			continue;
		size_t j = i + 7;
		while (j < n && html_is_space((unsigned char) s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && html_is_space((unsigned char) s[j]))
			j++;
		char q = j < n && (s[j] == '"' || s[j] == '\'') ? s[j] : 0;
		size_t from = j + (q != 0), to = from;
		while (to < n && (q ? s[to] != q
				  : !html_is_space((unsigned char) s[to])
				  && s[to] != ';'))
			to++;
		return charset_name(s + from, to - from, other);
	}
	return NULL;
}

/* The charset a <meta> tag declares, or NULL. */
static const char *
meta_charset(const char *s, const struct html_token *t,
	     char other[HTML_CHARSET_MAX])
{
	const char *content = NULL;
	size_t content_len = 0;
	bool http_equiv = false;
	for (size_t i = 0; i < t->n_attrs; i++) {
		const struct html_attr *a = &t->attrs[i];
		const char *name = s + a->name;
		if (html_name_is(name, a->name_len, "charset"))
			return charset_name(s + a->value, a->value_len,
					    other);
		if (html_name_is(name, a->name_len, "http-equiv"))
			http_equiv = html_name_is(s + a->value, a->value_len,
						  "content-type");
		if (html_name_is(name, a->name_len, "content")) {
			content = s + a->value;
			content_len = a->value_len;
		}
	}
	return http_equiv && content
		? charset_of_content(content, content_len, other) : NULL;
}

/* The encoding an XML declaration at head[0] names, or NULL. */
static const char *
xml_decl_charset(const char *head, size_t len, char other[HTML_CHARSET_MAX])
{
	size_t end = 0;
	while (end + 1 < len && !(head[end] == '?' && head[end + 1] == '>'))
		end++;
	for (size_t i = 5; i + 8 < end; i++) {
		if (strncmp(head + i, "encoding", 8))
			continue;
		size_t j = i + 8;
		while (j < end && html_is_space((unsigned char) head[j]))
			j++;
		if (j >= end || head[j++] != '=')
			return NULL;
		while (j < end && html_is_space((unsigned char) head[j]))
			j++;
		if (j >= end || (head[j] != '"' && head[j] != '\''))
			return NULL;
		const char *q = memchr(head + j + 1, head[j], end - j - 1);
		return q ? charset_name(head + j + 1,
					(size_t) (q - head) - j - 1, other)
			: NULL;
	}
	return NULL;
}

const char *
html_sniff_charset(const char *head, size_t len,
		   char other[HTML_CHARSET_MAX])
{
	if (len >= 5 && !memcmp(head, "<?xml", 5))
		return xml_decl_charset(head, len, other);
	struct html_token t = { .attrs = NULL };
	const char *found = NULL;
	size_t i = 0;
	while (i < len && !found) {
		const char *lt = memchr(head + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t) (lt - head);
		if (html_lex(head, i, len, true, 0, &t) != HTML_LEX_OK)
			break;
		if (t.kind == HTML_START
		    && html_name_is(head + t.name, t.name_len, "meta"))
			found = meta_charset(head, &t, other);
		i = t.end > i ? t.end : i + 1;
	}
	html_token_release(&t);
	return found;
}
