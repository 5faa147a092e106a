/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The xml filter's lexer; see xml-lex.h.  It trusts the document to be
 * well formed but never reads past its end, whatever the bytes.
 */
#include "system.h"

#include "filter/xml-lex.h"
#include "core/xalloc.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The offset just past the first needle[0..k) at or after s[pos], or 0
 * when there is none. */
static size_t
find_after(const char *s, size_t n, size_t pos, const char *needle,
	   size_t k)
{
	if (pos > n)
		return 0;
	const char *p = memmem(s + pos, n - pos, needle, k);
	return p ? (size_t) (p - s) + k : 0;
}

/* End of a name at s[pos]: up to a space, '/', '>' or '='. */
static size_t
name_end(const char *s, size_t n, size_t pos)
{
	while (pos < n && !is_space(s[pos]) && s[pos] != '/' && s[pos] != '>'
	       && s[pos] != '=')
		pos++;
	return pos;
}

static size_t
skip_space(const char *s, size_t n, size_t pos)
{
	while (pos < n && is_space(s[pos]))
		pos++;
	return pos;
}

static int
add_attr(struct xml_token *t, const char *s, size_t n, size_t *pos)
{
	size_t p = *pos, name = p;
	p = name_end(s, n, p);
	if (p == name)
		return -1;
	size_t nend = p;
	p = skip_space(s, n, p);
	if (p >= n || s[p] != '=')
		return -1;
	p = skip_space(s, n, p + 1);
	if (p >= n || (s[p] != '"' && s[p] != '\''))
		return -1;
	char q = s[p];
	const char *close = memchr(s + p + 1, q, n - p - 1);
	if (!close)
		return -1;
	if (t->n_attrs == t->cap_attrs) {
		t->cap_attrs = t->cap_attrs ? 2 * t->cap_attrs : 8;
		t->attrs = bt_xreallocarray(t->attrs, t->cap_attrs,
					    sizeof(*t->attrs));
	}
	size_t len = nend - name;
	t->attrs[t->n_attrs++] = (struct xml_attr){
		name, nend, p + 1, (size_t) (close - s), q,
		(len == 5 && !memcmp(s + name, "xmlns", 5))
		|| (len > 6 && !memcmp(s + name, "xmlns:", 6)) };
	*pos = (size_t) (close - s) + 1;
	return 0;
}

static int
lex_start(const char *s, size_t n, size_t pos, struct xml_token *t)
{
	t->type = XML_TOK_START;
	t->name = pos + 1;
	t->name_end = name_end(s, n, pos + 1);
	if (t->name_end == t->name)
		return -1;
	size_t p = t->name_end;
	for (;;) {
		p = skip_space(s, n, p);
		if (p >= n)
			return -1;
		if (s[p] == '>') {
			t->end = p + 1;
			return 0;
		}
		if (s[p] == '/') {
			if (p + 1 >= n || s[p + 1] != '>')
				return -1;
			t->empty = true;
			t->end = p + 2;
			return 0;
		}
		if (add_attr(t, s, n, &p) < 0)
			return -1;
	}
}

static int
lex_end(const char *s, size_t n, size_t pos, struct xml_token *t)
{
	t->type = XML_TOK_END;
	t->name = pos + 2;
	t->name_end = name_end(s, n, pos + 2);
	size_t p = skip_space(s, n, t->name_end);
	if (t->name_end == t->name || p >= n || s[p] != '>')
		return -1;
	t->end = p + 1;
	return 0;
}

/* <!DOCTYPE name ids [internal subset]>: quotes, comments and PIs in the
 * subset may hold '>' or ']'. */
static int
lex_doctype(const char *s, size_t n, size_t pos, struct xml_token *t)
{
	t->type = XML_TOK_DOCTYPE;
	size_t p = pos + 9;
	int in_subset = 0;
	while (p < n) {
		char c = s[p];
		if (c == '"' || c == '\'') {
			const char *q = memchr(s + p + 1, c, n - p - 1);
			if (!q)
				return -1;
			p = (size_t) (q - s) + 1;
		} else if (in_subset && n - p >= 4
			   && !memcmp(s + p, "<!--", 4)) {
			if (!(p = find_after(s, n, p + 4, "-->", 3)))
				return -1;
		} else if (in_subset && n - p >= 2
			   && !memcmp(s + p, "<?", 2)) {
			if (!(p = find_after(s, n, p + 2, "?>", 2)))
				return -1;
		} else {
			if (c == '[')
				in_subset = 1;
			else if (c == ']')
				in_subset = 0;
			else if (c == '>' && !in_subset) {
				t->end = p + 1;
				return 0;
			}
			p++;
		}
	}
	return -1;
}

/* Markup that starts with "<!" or "<?". */
static int
lex_special(const char *s, size_t n, size_t pos, struct xml_token *t)
{
	size_t left = n - pos;
	if (s[pos + 1] == '?') {
		t->type = XML_TOK_PI;
		t->end = find_after(s, n, pos + 2, "?>", 2);
	} else if (left >= 4 && !memcmp(s + pos, "<!--", 4)) {
		t->type = XML_TOK_COMMENT;
		t->end = find_after(s, n, pos + 4, "-->", 3);
	} else if (left >= 9 && !memcmp(s + pos, "<![CDATA[", 9)) {
		t->type = XML_TOK_CDATA;
		t->end = find_after(s, n, pos + 9, "]]>", 3);
	} else if (left >= 9 && !memcmp(s + pos, "<!DOCTYPE", 9)) {
		return lex_doctype(s, n, pos, t);
	} else {
		return -1;
	}
	return t->end ? 0 : -1;
}

int
xml_lex(const char *s, size_t n, size_t pos, struct xml_token *t)
{
	t->start = pos;
	t->n_attrs = 0;
	t->empty = false;
	t->name = t->name_end = pos;
	if (pos >= n) {
		t->type = XML_TOK_EOF;
		t->end = n;
		return 0;
	}
	if (s[pos] != '<') {
		const char *lt = memchr(s + pos, '<', n - pos);
		t->type = XML_TOK_TEXT;
		t->end = lt ? (size_t) (lt - s) : n;
		return 0;
	}
	if (pos + 1 >= n)
		return -1;
	if (s[pos + 1] == '/')
		return lex_end(s, n, pos, t);
	if (s[pos + 1] == '!' || s[pos + 1] == '?')
		return lex_special(s, n, pos, t);
	return lex_start(s, n, pos, t);
}

void
xml_token_release(struct xml_token *t)
{
	free(t->attrs);
	t->attrs = NULL;
	t->n_attrs = t->cap_attrs = 0;
}
