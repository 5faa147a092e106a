/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Scanning JSON text that is known to be valid (Jansson said so): the
 * lexer steps the reader walks with, a look at an object's members
 * without building anything, and the known shapes of i18n files with
 * their metadata (Chrome's descriptions and placeholders, ARB's "@key"
 * objects).  Everything works on byte offsets into the text, which ends
 * with a NUL byte that stops every scan.
 */
#include "system.h"
#include "filter/json.h"
#include "core/xalloc.h"

size_t
bt_json_skip_ws(const char *s, size_t i, long *line)
{
	for (;; i++) {
		switch (s[i]) {
		case '\n':
			++*line;
			break;
		case ' ': case '\t': case '\r':
			break;
		default:
			return i;
		}
	}
}

size_t
bt_json_string_end(const char *s, size_t n, size_t q)
{
	size_t i = q + 1;
	for (;;) {
		const char *p = memchr(s + i, '"', n - i);
		if (!p)
			return n;	/* not in valid JSON */
		size_t k = (size_t) (p - s), bs = 0;
		while (k - bs > q + 1 && s[k - bs - 1] == '\\')
			bs++;
		if (!(bs & 1))
			return k;
		i = k + 1;
	}
}

size_t
bt_json_skip_value(const char *s, size_t n, size_t i, long *line)
{
	size_t depth = 0;
	for (; i < n; i++) {
		switch (s[i]) {
		case '"':
			i = bt_json_string_end(s, n, i);
			if (!depth)
				return i + 1;
			break;
		case '{': case '[':
			depth++;
			break;
		case '}': case ']':
			if (!depth)
				return i;
			if (!--depth)
				return i + 1;
			break;
		case ',': case ' ': case '\t': case '\r':
			if (!depth)
				return i;
			break;
		case '\n':
			if (!depth)
				return i;
			++*line;
			break;
		default:
			break;
		}
	}
	return n;
}

size_t
bt_json_first_member(const char *s, size_t n, size_t obj)
{
	long line = 0;
	if (obj >= n || s[obj] != '{')
		return SIZE_MAX;
	size_t i = bt_json_skip_ws(s, obj + 1, &line);
	return s[i] == '"' ? i : SIZE_MAX;
}

size_t
bt_json_member_value(const char *s, size_t n, size_t key)
{
	long line = 0;
	size_t i = bt_json_skip_ws(s, bt_json_string_end(s, n, key) + 1,
				   &line);
	return bt_json_skip_ws(s, i + 1, &line);	/* after the ':' */
}

size_t
bt_json_next_member(const char *s, size_t n, size_t key)
{
	long line = 0;
	size_t i = bt_json_skip_value(s, n, bt_json_member_value(s, n, key),
				      &line);
	i = bt_json_skip_ws(s, i, &line);
	return s[i] == ',' ? bt_json_skip_ws(s, i + 1, &line) : SIZE_MAX;
}

bool
bt_json_key_is(const char *s, size_t n, size_t key, const char *name)
{
	size_t e = bt_json_string_end(s, n, key), len = strlen(name);
	if (!memchr(s + key + 1, '\\', e - key - 1))
		return e - key - 1 == len && !memcmp(s + key + 1, name, len);
	struct bt_json_string js = BT_JSON_STRING_INIT;
	bt_json_string_decode(&js, s + key + 1, e - key - 1, 0);
	bool same = js.len == len && !memcmp(js.text, name, len);
	bt_json_string_release(&js);
	return same;
}

size_t
bt_json_find_member(const char *s, size_t n, size_t obj, const char *name)
{
	for (size_t k = bt_json_first_member(s, n, obj); k != SIZE_MAX;
	     k = bt_json_next_member(s, n, k))
		if (bt_json_key_is(s, n, k, name))
			return bt_json_member_value(s, n, k);
	return SIZE_MAX;
}

char *
bt_json_string_dup(const char *s, size_t n, size_t v)
{
	if (v >= n || s[v] != '"')
		return NULL;
	size_t e = bt_json_string_end(s, n, v);
	struct bt_json_string js = BT_JSON_STRING_INIT;
	bt_json_string_decode(&js, s + v + 1, e - v - 1, 0);
	char *copy = bt_xstrndup(js.text, js.len);	/* stops at a NUL */
	bt_json_string_release(&js);
	return copy;
}

/* Whether every member of the object at s[root] is an object with a
 * string "message" and nothing but "description" and "placeholders". */
static bool
is_chrome(const char *s, size_t n, size_t root)
{
	size_t k = bt_json_first_member(s, n, root);
	if (k == SIZE_MAX)
		return false;
	for (; k != SIZE_MAX; k = bt_json_next_member(s, n, k)) {
		size_t entry = bt_json_member_value(s, n, k);
		bool message = false;
		if (s[entry] != '{')
			return false;
		for (size_t m = bt_json_first_member(s, n, entry);
		     m != SIZE_MAX; m = bt_json_next_member(s, n, m)) {
			if (bt_json_key_is(s, n, m, "message"))
				message = s[bt_json_member_value(s, n, m)]
					== '"';
			else if (!bt_json_key_is(s, n, m, "description")
				 && !bt_json_key_is(s, n, m, "placeholders"))
				return false;
		}
		if (!message)
			return false;
	}
	return true;
}

/* Whether the object at s[root] is {"locale": "...", "translations":
 * {...}} and nothing else. */
static bool
is_angular(const char *s, size_t n, size_t root)
{
	int members = 0, found = 0;
	for (size_t k = bt_json_first_member(s, n, root);
	     k != SIZE_MAX && members < 3; k = bt_json_next_member(s, n, k)) {
		char c = s[bt_json_member_value(s, n, k)];
		members++;
		if (bt_json_key_is(s, n, k, "locale") && c == '"')
			found |= 1;
		else if (bt_json_key_is(s, n, k, "translations") && c == '{')
			found |= 2;
	}
	return members == 2 && found == 3;
}

enum bt_json_shape
bt_json_shape_of(const char *path, const char *s, size_t n, size_t *root)
{
	long line = 0;
	size_t plen = strlen(path);
	*root = bt_json_skip_ws(s, 0, &line);
	if (s[*root] != '{')
		return BT_JSON_PLAIN;
	if (is_chrome(s, n, *root))
		return BT_JSON_CHROME;
	if (is_angular(s, n, *root))
		return BT_JSON_ANGULAR;
	if ((plen > 4 && !strcasecmp(path + plen - 4, ".arb"))
	    || bt_json_find_member(s, n, *root, "@@locale") != SIZE_MAX)
		return BT_JSON_ARB;
	return BT_JSON_PLAIN;
}

void
bt_json_index_metadata(const char *s, size_t n, size_t root,
		       struct bt_strmap *map)
{
	for (size_t k = bt_json_first_member(s, n, root); k != SIZE_MAX;
	     k = bt_json_next_member(s, n, k)) {
		if (s[k + 1] != '@')
			continue;
		char *key = bt_json_string_dup(s, n, k);
		bt_strmap_put(map, key + 1, bt_json_member_value(s, n, k));
		free(key);
	}
}

/* Adds a note listing the placeholders of the object at s[obj]: each
 * name, what it stands for, an example. */
static void
add_placeholders_note(struct bt_unit *u, const char *s, size_t n, size_t obj,
		      bool chrome)
{
	struct bt_buf b = BT_BUF_INIT;
	for (size_t k = bt_json_first_member(s, n, obj); k != SIZE_MAX;
	     k = bt_json_next_member(s, n, k)) {
		size_t ph = bt_json_member_value(s, n, k);
		char *name = bt_json_string_dup(s, n, k);
		char *what = bt_json_string_dup(s, n, bt_json_find_member(s, n,
			ph, chrome ? "content" : "type"));
		char *example = bt_json_string_dup(s, n, bt_json_find_member(s,
			n, ph, "example"));
		bt_buf_addf(&b, chrome ? "%s$%s$" : "%s{%s}", b.len ? "; " : "",
			    name);
		if (what)
			bt_buf_addf(&b, " = %s", what);
		if (example)
			bt_buf_addf(&b, _(" (example: %s)"), example);
		free(name);
		free(what);
		free(example);
	}
	if (b.len) {
		char *text = bt_xasprintf(_("placeholders: %s"),
					  bt_buf_cstr(&b));
		bt_unit_add_note(u, "developer", text);
		free(text);
	}
	bt_buf_release(&b);
}

void
bt_json_add_metadata_notes(struct bt_unit *u, const char *s, size_t n,
			   size_t meta, bool chrome)
{
	if (meta >= n || s[meta] != '{')
		return;
	char *desc = bt_json_string_dup(s, n, bt_json_find_member(s, n, meta,
		"description"));
	if (desc && *desc)
		bt_unit_add_note(u, "developer", desc);
	free(desc);
	size_t ph = bt_json_find_member(s, n, meta, "placeholders");
	if (ph != SIZE_MAX && s[ph] == '{')
		add_placeholders_note(u, s, n, ph, chrome);
}
