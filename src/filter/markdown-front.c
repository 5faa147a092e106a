/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Front matter of Markdown files: YAML between "---" lines (Jekyll, Hugo,
 * Hexo...) or TOML between "+++" lines (Hugo), at the very start.
 *
 * It is not Markdown, so MD4C never sees it.  Keys are never translated.
 * The values of the keys the user names (--md-front-matter
 * "title,description,seo.title") are units named after their key path:
 * plain or quoted one-line scalars, and the scalar items of a block
 * sequence under such a key.  Everything else (block scalars, flow
 * collections, dates, numbers, multi-line values) stays skeleton.
 *
 * The quotes of a quoted value stay in the skeleton; its escapes (\" \n
 * \u00e9 in double quotes, '' in single quotes) are inline codes showing
 * the character.  The writer escapes what the translator wrote as the
 * quotes need, and puts a translated plain value in double quotes when
 * plain YAML could not hold it (": ", " #", a leading "-"...).
 *
 * This is a line reader for the usual shapes of front matter, not a YAML
 * parser: what it does not recognise is skeleton, never an error.
 */
#include "system.h"

#include "filter/filter.h"
#include "filter/markdown.h"
#include "core/xalloc.h"

/* Length of the line end at s[i] ("\r\n" or "\n"), 0 if none. */
static size_t
eol_len(const char *s, size_t i, size_t len)
{
	if (i < len && s[i] == '\n')
		return 1;
	return i + 1 < len && s[i] == '\r' && s[i + 1] == '\n' ? 2 : 0;
}

/* End of the line at i (before its line end). */
static size_t
line_end(const char *s, size_t i, size_t len)
{
	while (i < len && !eol_len(s, i, len))
		i++;
	return i;
}

/* Whether the line s[i..e) is delim with trailing blanks only. */
static bool
is_delimiter(const char *s, size_t i, size_t e, const char *delim)
{
	if (e - i < 3 || memcmp(s + i, delim, 3))
		return false;
	for (i += 3; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Whether value s[i..e) looks like a language tag ("zh-CN"). */
static bool
is_lang_tag(const char *s, size_t i, size_t e)
{
	size_t n = 0;
	if (e - i < 2 || e - i > 35)
		return false;
	for (; i < e; i++) {
		char c = s[i];
		if (c == '-' || c == '_') {
			if (n < 2 && i > 0)
				return false;
			n = 0;
			continue;
		}
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		    && !(c >= '0' && c <= '9'))
			return false;
		n++;
	}
	return n > 0;
}

/* The declared language: a top-level "lang" or "language" key. */
static char *
find_lang(const char *s, size_t from, size_t to, bool toml)
{
	for (size_t i = from; i < to;) {
		size_t e = line_end(s, i, to);
		for (size_t k = 0; k < 2; k++) {
			const char *key = k ? "language" : "lang";
			size_t n = strlen(key), v = i + n;
			if (e - i <= n || memcmp(s + i, key, n))
				continue;
			while (v < e && s[v] == ' ')
				v++;
			if (v >= e || s[v] != (toml ? '=' : ':'))
				continue;
			v++;
			while (v < e && s[v] == ' ')
				v++;
			size_t ve = e;
			while (ve > v && (s[ve - 1] == ' '
					   || s[ve - 1] == '\t'))
				ve--;
			if (ve - v >= 2 && (s[v] == '"' || s[v] == '\'')
			    && s[ve - 1] == s[v])
				v++, ve--;
			if (is_lang_tag(s, v, ve))
				return bt_xstrndup(s + v, ve - v);
		}
		i = e + eol_len(s, e, to);
	}
	return NULL;
}

int
md_front_matter_scan(const struct md_reader *r, struct md_front_matter *fm)
{
	const char *s = r->buf;
	size_t e = line_end(s, 0, r->len), n = eol_len(s, e, r->len);
	const char *delim = NULL;
	if (n && is_delimiter(s, 0, e, "---"))
		delim = "---";
	else if (n && is_delimiter(s, 0, e, "+++"))
		delim = "+++";
	if (!delim)
		return 0;
	fm->toml = delim[0] == '+';
	fm->open = e + n;
	for (size_t i = fm->open; i < r->len;) {
		size_t le = line_end(s, i, r->len);
		if (is_delimiter(s, i, le, delim)
		    || (!fm->toml && is_delimiter(s, i, le, "...")))  {
			fm->close = i;
			fm->end = le + eol_len(s, le, r->len);
			fm->lang = find_lang(s, fm->open, i, fm->toml);
			return 0;
		}
		i = le + eol_len(s, le, r->len);
	}
	bt_error_set(r->err, BT_ESYNTAX, r->path,
		     _("the front matter opened by '%s' on line 1 is never "
		       "closed (no '%s' line follows)"), delim, delim);
	bt_error_at_line(r->err, 1);
	return -1;
}

/* --- values --------------------------------------------------------------- */

enum quoting { Q_PLAIN, Q_DOUBLE, Q_SINGLE, Q_LITERAL };

/* Length of the escape sequence at s[i] in a double-quoted value. */
static size_t
escape_len(const char *s, size_t i, size_t e)
{
	size_t n = i + 1 < e ? (s[i + 1] == 'x' ? 4 : s[i + 1] == 'u' ? 6
				: s[i + 1] == 'U' ? 10 : 2) : 1;
	return i + n <= e ? n : e - i;
}

/* Appends code point cp as UTF-8 (nothing if it is not a character). */
static void
add_utf8(struct bt_buf *out, unsigned long cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20)
		return;
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char) cp, n = 1;
	} else if (cp < 0x800) {
		b[0] = (char) (0xC0 | cp >> 6), n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char) (0xE0 | cp >> 12), n = 3;
	} else {
		b[0] = (char) (0xF0 | cp >> 18), n = 4;
	}
	for (size_t k = 1; k < n; k++)
		b[k] = (char) (0x80 | ((cp >> (6 * (n - 1 - k))) & 0x3F));
	bt_buf_add(out, b, n);
}

/* What the escape s[0..n) stands for, for the translator. */
static char *
escape_display(const char *s, size_t n)
{
	struct bt_buf out = BT_BUF_INIT;
	if (n >= 4 && (s[1] == 'x' || s[1] == 'u' || s[1] == 'U')) {
		char hex[9];
		memcpy(hex, s + 2, n - 2);
		hex[n - 2] = '\0';
		add_utf8(&out, strtoul(hex, NULL, 16));
	} else if (n == 2) {
		switch (s[1]) {
		case '"': case '\\': case '/': case '\'': case ' ':
			bt_buf_addch(&out, s[1]);
			break;
		case '_':
			bt_buf_addstr(&out, "\xC2\xA0");
			break;
		case 't':
			bt_buf_addch(&out, '\t');
			break;
		case 'n':
			bt_buf_addstr(&out, "\xE2\x86\xB5");
			break;
		default:
			break;
		}
	}
	if (!out.len)
		bt_buf_add(&out, s, n);
	return bt_buf_detach(&out, NULL);
}

/* Whether s[i..e) has something to translate. */
static bool
has_words(const char *s, size_t i, size_t e)
{
	for (; i < e; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9')
		    || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return true;
	}
	return false;
}

/* Adds code s[i..i+n) showing display to c. */
static void
add_escape(struct bt_content *c, const char *s, size_t n, char *display)
{
	size_t at = bt_content_add_code(c, BT_CODE_STANDALONE,
					(int) c->n_codes + 1, NULL, s, n);
	c->codes[at].display = display;
}

/* The value s[i..e) of key path as a unit, handed on. */
static int
emit_value(struct md_reader *r, size_t i, size_t e, const char *path,
	   enum quoting q)
{
	const char *s = r->buf;
	if (!has_words(s, i, e))
		return 0;
	struct bt_unit *u = bt_unit_new();
	u->name = bt_xstrdup(path);
	size_t run = i;
	for (size_t k = i; k < e;) {
		size_t n = 0;
		char *display = NULL;
		if (q == Q_DOUBLE && s[k] == '\\') {
			n = escape_len(s, k, e);
			display = escape_display(s + k, n);
		} else if (q == Q_SINGLE && s[k] == '\'' && k + 1 < e
			   && s[k + 1] == '\'') {
			n = 2;
			display = bt_xstrdup("'");
		}
		if (!n) {
			k++;
			continue;
		}
		bt_content_add_text(&u->source, s + run, k - run);
		add_escape(&u->source, s + k, n, display);
		k += n;
		run = k;
	}
	bt_content_add_text(&u->source, s + run, e - run);
	return md_reader_emit(r, i, e, u);
}

/* End of the quoted value opening at s[i], on its line, or SIZE_MAX. */
static size_t
closing_quote(const char *s, size_t i, size_t e, enum quoting q)
{
	for (size_t k = i + 1; k < e; k++) {
		if (q == Q_DOUBLE && s[k] == '\\')
			k++;
		else if (q == Q_SINGLE && s[k] == '\'' && k + 1 < e
			 && s[k + 1] == '\'')
			k++;
		else if (s[k] == s[i])
			return k;
	}
	return SIZE_MAX;
}

/* Whether only blanks or a comment follow s[i] on its line. */
static bool
rest_is_blank(const char *s, size_t i, size_t e)
{
	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == e || s[i] == '#';
}

/* --- key selection -------------------------------------------------------- */

/* Whether path is one of the comma-separated keys. */
static bool
selected(const char *keys, const char *path)
{
	size_t n = strlen(path);
	for (const char *k = keys; k && *k;) {
		while (*k == ' ' || *k == ',')
			k++;
		size_t len = strcspn(k, ",");
		size_t t = len;
		while (t && k[t - 1] == ' ')
			t--;
		if (t == n && !memcmp(k, path, n))
			return true;
		k += len;
	}
	return false;
}

/* --- YAML ----------------------------------------------------------------- */

/* Keys open around the current line: a stack of (indent, name). */
struct key_path {
	size_t *indent;		/* owned */
	size_t *name_len;	/* owned; length of path after each key */
	size_t depth, cap;
	struct bt_buf path;	/* "seo.title" */
};

static void
key_path_pop_to(struct key_path *kp, size_t indent)
{
	while (kp->depth && kp->indent[kp->depth - 1] >= indent)
		kp->depth--;
	kp->path.len = kp->depth ? kp->name_len[kp->depth - 1] : 0;
	if (kp->path.data)
		kp->path.data[kp->path.len] = '\0';
}

static void
key_path_push(struct key_path *kp, size_t indent, const char *key, size_t n)
{
	if (kp->depth == kp->cap) {
		kp->cap = kp->cap ? 2 * kp->cap : 8;
		kp->indent = bt_xreallocarray(kp->indent, kp->cap,
					      sizeof(*kp->indent));
		kp->name_len = bt_xreallocarray(kp->name_len, kp->cap,
						sizeof(*kp->name_len));
	}
	if (kp->path.len)
		bt_buf_addch(&kp->path, '.');
	bt_buf_add(&kp->path, key, n);
	kp->indent[kp->depth] = indent;
	kp->name_len[kp->depth++] = kp->path.len;
}

static void
key_path_release(struct key_path *kp)
{
	free(kp->indent);
	free(kp->name_len);
	bt_buf_release(&kp->path);
}

/* The YAML reader's state over the lines of the front matter. */
struct yaml {
	struct md_reader *r;
	const char *keys;
	struct key_path kp;
	size_t end;		/* where the front matter's lines end */
	bool skipping;		/* in a value over several lines */
	size_t skip_indent;	/* ...indented more than this */
};

static size_t
indent_of(const char *s, size_t i, size_t e)
{
	size_t n = 0;
	while (i + n < e && s[i + n] == ' ')
		n++;
	return n;
}

/* Whether the next line with content after pos is indented more than
 * indent (the value at pos goes on there). */
static bool
continues(const struct yaml *y, size_t pos, size_t indent)
{
	const char *s = y->r->buf;
	size_t i = line_end(s, pos, y->end);
	i += eol_len(s, i, y->end);
	while (i < y->end) {
		size_t e = line_end(s, i, y->end), n = indent_of(s, i, e);
		if (i + n < e && s[i + n] != '#')
			return n > indent;
		i = e + eol_len(s, e, y->end);
	}
	return false;
}

/* The value at s[v..e) of the key (or sequence item) at indent. */
static int
yaml_value(struct yaml *y, size_t v, size_t e, size_t indent)
{
	const char *s = y->r->buf;
	const char *path = bt_buf_cstr(&y->kp.path);
	if (v >= e || s[v] == '#')
		return 0;	/* a nested map or sequence follows */
	bool wanted = selected(y->keys, path);
	if (s[v] == '"' || s[v] == '\'') {
		enum quoting q = s[v] == '"' ? Q_DOUBLE : Q_SINGLE;
		size_t c = closing_quote(s, v, e, q);
		if (c == SIZE_MAX) {
			y->skipping = true;	/* over several lines */
			y->skip_indent = indent;
			return 0;
		}
		if (!wanted || !rest_is_blank(s, c + 1, e))
			return 0;
		return emit_value(y->r, v + 1, c, path, q);
	}
	if (strchr("|>[{&*!%@`", s[v]) || continues(y, v, indent)) {
		y->skipping = true;
		y->skip_indent = indent;
		return 0;
	}
	if (!wanted)
		return 0;
	size_t ve = v;
	while (ve < e && !((s[ve] == '#') && (s[ve - 1] == ' '
					      || s[ve - 1] == '\t')))
		ve++;
	while (ve > v && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
		ve--;
	return emit_value(y->r, v, ve, path, Q_PLAIN);
}

/* Where the ':' that ends a key at s[i..e) is, or SIZE_MAX. */
static size_t
key_colon(const char *s, size_t i, size_t e)
{
	if (i < e && (s[i] == '"' || s[i] == '\'')) {
		size_t c = closing_quote(s, i, e, s[i] == '"' ? Q_DOUBLE
					 : Q_SINGLE);
		if (c == SIZE_MAX || c + 1 >= e || s[c + 1] != ':')
			return SIZE_MAX;
		return c + 2 == e || s[c + 2] == ' ' ? c + 1 : SIZE_MAX;
	}
	for (size_t k = i; k < e; k++) {
		if (s[k] == '#' && k > i && s[k - 1] == ' ')
			return SIZE_MAX;
		if (s[k] == ':' && (k + 1 == e || s[k + 1] == ' '
				    || s[k + 1] == '\t'))
			return k;
	}
	return SIZE_MAX;
}

/* One line s[i..e) of YAML. */
static int
yaml_line(struct yaml *y, size_t i, size_t e)
{
	const char *s = y->r->buf;
	size_t indent = indent_of(s, i, e), p = i + indent;
	if (y->skipping) {
		if (p == e || indent > y->skip_indent)
			return 0;
		y->skipping = false;
	}
	if (p == e || s[p] == '#' || s[p] == '\t')
		return 0;
	bool item = s[p] == '-' && (p + 1 == e || s[p + 1] == ' ');
	if (item) {
		size_t dash = p - i;
		p++;
		while (p < e && s[p] == ' ')
			p++;
		if (key_colon(s, p, e) == SIZE_MAX) {
			/* A scalar item of the sequence of the key above. */
			key_path_pop_to(&y->kp, dash + 1);
			return y->kp.depth ? yaml_value(y, p, e, dash) : 0;
		}
		indent = p - i;
	}
	size_t colon = key_colon(s, p, e);
	if (colon == SIZE_MAX)
		return 0;
	size_t k = p, ke = colon;
	if (s[k] == '"' || s[k] == '\'')
		k++, ke--;
	while (ke > k && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
		ke--;
	key_path_pop_to(&y->kp, indent);
	key_path_push(&y->kp, indent, s + k, ke - k);
	size_t v = colon + 1;
	while (v < e && (s[v] == ' ' || s[v] == '\t'))
		v++;
	return yaml_value(y, v, e, indent);
}

/* --- TOML ----------------------------------------------------------------- */

/* One line s[i..e) of TOML; *table is the current [table] path, and
 * *pending the closing token of a value over several lines. */
static int
toml_line(struct md_reader *r, const char *keys, size_t i, size_t e,
	  struct bt_buf *table, const char **pending)
{
	const char *s = r->buf;
	if (*pending) {
		const char *c = memmem(s + i, e - i, *pending,
				       strlen(*pending));
		if (c)
			*pending = NULL;
		return 0;
	}
	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == e || s[i] == '#')
		return 0;
	if (s[i] == '[') {
		size_t k = i + 1 + (i + 1 < e && s[i + 1] == '[');
		size_t ke = k;
		while (ke < e && s[ke] != ']')
			ke++;
		bt_buf_reset(table);
		while (k < ke && s[k] == ' ')
			k++;
		while (ke > k && s[ke - 1] == ' ')
			ke--;
		bt_buf_add(table, s + k, ke - k);
		return 0;
	}
	const char *eq = memchr(s + i, '=', e - i);
	if (!eq)
		return 0;
	size_t ke = (size_t) (eq - s), v = ke + 1;
	while (ke > i && (s[ke - 1] == ' ' || s[ke - 1] == '\t'))
		ke--;
	if (ke - i >= 2 && (s[i] == '"' || s[i] == '\'') && s[ke - 1] == s[i])
		i++, ke--;
	while (v < e && (s[v] == ' ' || s[v] == '\t'))
		v++;
	if (e - v >= 3 && (!memcmp(s + v, "\"\"\"", 3)
			   || !memcmp(s + v, "'''", 3))) {
		const char *tok = s[v] == '"' ? "\"\"\"" : "'''";
		if (!memmem(s + v + 3, e - v - 3, tok, 3))
			*pending = tok;
		return 0;
	}
	if (v < e && s[v] == '[') {
		if (s[e - 1] != ']' && !memchr(s + v, '#', e - v))
			*pending = "]";
		return 0;
	}
	if (v >= e || (s[v] != '"' && s[v] != '\''))
		return 0;
	enum quoting q = s[v] == '"' ? Q_DOUBLE : Q_LITERAL;
	size_t c = closing_quote(s, v, e, q);
	if (c == SIZE_MAX || !rest_is_blank(s, c + 1, e))
		return 0;
	struct bt_buf path = BT_BUF_INIT;
	if (table->len) {
		bt_buf_add(&path, table->data, table->len);
		bt_buf_addch(&path, '.');
	}
	bt_buf_add(&path, s + i, ke - i);
	int rc = selected(keys, bt_buf_cstr(&path))
		? emit_value(r, v + 1, c, path.data, q) : 0;
	bt_buf_release(&path);
	return rc;
}

int
md_front_matter_read(struct md_reader *r,
		     const struct md_front_matter *fm, const char *keys)
{
	if (!fm->end)
		return 0;
	const char *s = r->buf;
	struct yaml y = { .r = r, .keys = keys, .end = fm->close };
	struct bt_buf table = BT_BUF_INIT;
	const char *pending = NULL;
	int rc = 0;
	for (size_t i = fm->open; rc == 0 && keys && i < fm->close;) {
		size_t e = line_end(s, i, fm->close);
		rc = fm->toml ? toml_line(r, keys, i, e, &table, &pending)
			: yaml_line(&y, i, e);
		i = e + eol_len(s, e, fm->close);
	}
	key_path_release(&y.kp);
	bt_buf_release(&table);
	return rc < 0 ? -1 : md_reader_skeleton(r, fm->end);
}

/* --- writing -------------------------------------------------------------- */

struct front_text {
	enum quoting q;
	bool bad;		/* a quote a TOML literal string cannot hold */
};

/* Text of a front matter value, escaped as its quotes need; a line
 * break becomes a space. */
static void
front_text(void *ctx, struct bt_buf *out, const char *text, size_t len)
{
	struct front_text *ft = ctx;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\n')
			bt_buf_addch(out, ' ');
		else if (ft->q == Q_DOUBLE && (c == '"' || c == '\\'))
			bt_buf_addch(out, '\\'), bt_buf_addch(out, c);
		else if (ft->q == Q_SINGLE && c == '\'')
			bt_buf_addstr(out, "''");
		else if (ft->q == Q_LITERAL && c == '\'')
			ft->bad = true, bt_buf_addch(out, c);
		else
			bt_buf_addch(out, c);
	}
}

/* Whether a plain YAML scalar cannot hold v as it is. */
static bool
needs_quotes(const char *v, size_t n)
{
	if (!n || v[0] == ' ' || v[n - 1] == ' ' || v[n - 1] == ':'
	    || strchr("-?:,[]{}#&*!|>'\"%@`", v[0]))
		return true;
	for (size_t i = 0; i + 1 < n; i++)
		if ((v[i] == ':' && (v[i + 1] == ' ' || v[i + 1] == '\t'))
		    || ((v[i] == ' ' || v[i] == '\t') && v[i + 1] == '#'))
			return true;
	return false;
}

int
md_front_render(const struct bt_document *doc, const struct bt_unit *u,
		int before, bool toml, struct bt_buf *out,
		struct bt_error *err)
{
	struct front_text ft = {
		before == '"' ? Q_DOUBLE : before == '\''
			? (toml ? Q_LITERAL : Q_SINGLE) : Q_PLAIN, false,
	};
	size_t start = out->len;
	bt_unit_render_escaped(doc, u, front_text, &ft, out);
	if (ft.bad) {
		bt_error_set(err, BT_EINVALID, doc->path,
			     _("the translation of front matter key '%s' has "
			       "an apostrophe, which a TOML literal string "
			       "cannot hold"), u->name);
		bt_error_at_unit(err, u->id);
		return -1;
	}
	if (ft.q == Q_PLAIN && md_unit_translated(u)
	    && needs_quotes(out->data + start, out->len - start)) {
		out->len = start;
		ft.q = Q_DOUBLE;
		bt_buf_addch(out, '"');
		bt_unit_render_escaped(doc, u, front_text, &ft, out);
		bt_buf_addch(out, '"');
	}
	return 0;
}
