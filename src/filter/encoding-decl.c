/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Encoding declarations written into documents; see encoding-decl.h.
 */
#include "system.h"

#include "filter/encoding-decl.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool
bt_set_xml_encoding(struct bt_buf *out, const char *text, size_t len,
		    const char *enc, bool add)
{
	const char *end = len >= 5 && !memcmp(text, "<?xml", 5)
		&& len > 5 && is_space(text[5])
		? memmem(text, len, "?>", 2) : NULL;
	if (!end) {
		if (add) {
			bt_buf_addstr(out, "<?xml version=\"1.0\" encoding=\"");
			bt_buf_addstr(out, enc);
			bt_buf_addstr(out, "\"?>\n");
		}
		bt_buf_add(out, text, len);
		return false;
	}
	size_t decl = (size_t) (end - text);
	const char *key = memmem(text, decl, "encoding", 8);
	if (key) {
		/* encoding = "VALUE" (or 'VALUE'). */
		size_t i = (size_t) (key - text) + 8;
		while (i < decl && is_space(text[i]))
			i++;
		if (i < decl && text[i] == '=') {
			i++;
			while (i < decl && is_space(text[i]))
				i++;
			char q = i < decl ? text[i] : 0;
			const char *close = q == '"' || q == '\''
				? memchr(text + i + 1, q, decl - i - 1) : NULL;
			if (close) {
				bt_buf_add(out, text, i + 1);
				bt_buf_addstr(out, enc);
				bt_buf_add(out, close, len - (size_t) (close
								       - text));
				return true;
			}
		}
	}
	/* No encoding: add it after the version's value (it must follow
	 * the version and come before standalone). */
	const char *ver = memmem(text, decl, "version", 7);
	size_t at = 5;
	if (ver) {
		size_t i = (size_t) (ver - text) + 7;
		while (i < decl && text[i] != '"' && text[i] != '\'')
			i++;
		const char *close = i < decl
			? memchr(text + i + 1, text[i], decl - i - 1) : NULL;
		if (close)
			at = (size_t) (close - text) + 1;
	}
	bt_buf_add(out, text, at);
	bt_buf_addstr(out, " encoding=\"");
	bt_buf_addstr(out, enc);
	bt_buf_addch(out, '"');
	bt_buf_add(out, text + at, len - at);
	return true;
}

/* Where text[from..len) has s (ASCII, lower case), in any case; or len. */
static size_t
find_nocase(const char *text, size_t from, size_t len, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = from; i + n <= len; i++)
		if (!strncasecmp(text + i, s, n))
			return i;
	return len;
}

/* The end of the tag that starts at text[i] ('<'): after its '>', quoted
 * values skipped; len when it does not end. */
static size_t
tag_end(const char *text, size_t i, size_t len)
{
	char q = 0;
	for (; i < len; i++) {
		if (q) {
			if (text[i] == q)
				q = 0;
		} else if (text[i] == '"' || text[i] == '\'') {
			q = text[i];
		} else if (text[i] == '>') {
			return i + 1;
		}
	}
	return len;
}

size_t
bt_set_meta_charset(struct bt_buf *out, const char *text, size_t len,
		    const char *enc)
{
	size_t done = 0, n = 0, i = 0;
	while ((i = find_nocase(text, i, len, "<meta")) < len) {
		size_t end = tag_end(text, i, len);
		size_t k = find_nocase(text, i + 5, end, "charset");
		i = end;
		if (k == end)
			continue;
		/* charset = VALUE, quoted or not ("...; charset=gb2312"). */
		k += 7;
		while (k < end && is_space(text[k]))
			k++;
		if (k == end || text[k] != '=')
			continue;
		k++;
		while (k < end && is_space(text[k]))
			k++;
		size_t from = k;
		if (k < end && (text[k] == '"' || text[k] == '\'')) {
			char q = text[k];
			from = ++k;
			while (k < end && text[k] != q)
				k++;
		} else {
			while (k < end && !is_space(text[k]) && text[k] != ';'
			       && text[k] != '"' && text[k] != '\''
			       && text[k] != '>' && text[k] != '/')
				k++;
		}
		if (k == from || k == end)
			continue;
		bt_buf_add(out, text + done, from - done);
		bt_buf_addstr(out, enc);
		done = k;
		n++;
	}
	bt_buf_add(out, text + done, len - done);
	return n;
}
