/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A small PO lexer over UTF-8 text, for the byte offsets libgettextpo
 * does not give.
 *
 * libgettextpo is the parser of record: reading, it validates the file
 * before this lexer sees it, and the reader checks that both agree on
 * every string (po.c).  This lexer only finds, for each message, where its
 * comment lines, keywords and msgstr strings are, and decodes the strings
 * the way gettext's own lexer (po-lex.c) does: the escapes \n \t \b \r \f
 * \v \a \\ \" , octal \ooo and hexadecimal \xhh, and a backslash-newline
 * that continues a string on the next line.  Merging, it reads the
 * skeleton, which is PO text too.
 *
 * Obsolete messages (lines starting with #~) are comments here: they stay
 * in the skeleton.  An entry's own comments are those after the last
 * obsolete line, so that the fuzzy flag of an obsolete message is never
 * taken for the next one's.
 */
#include "system.h"

#include "filter/po-internal.h"
#include "core/xalloc.h"

void
bt_po_lexer_init(struct bt_po_lexer *lx, const char *text, size_t len)
{
	*lx = (struct bt_po_lexer){ .text = text, .len = len, .line = 1 };
}

void
bt_po_entry_init(struct bt_po_entry *e)
{
	memset(e, 0, sizeof(*e));
}

void
bt_po_entry_release(struct bt_po_entry *e)
{
	free(e->comments);
	bt_buf_release(&e->ctxt);
	bt_buf_release(&e->id);
	bt_buf_release(&e->plural);
	for (size_t i = 0; i < e->cap_strs; i++)
		bt_buf_release(&e->strs[i].value);
	free(e->strs);
	bt_po_entry_init(e);
}

bool
bt_po_entry_is_header(const struct bt_po_entry *e)
{
	return !e->has_ctxt && e->id.len == 0;
}

static int
fail(struct bt_po_lexer *lx, const char *what)
{
	lx->error = what;
	lx->error_line = lx->line;
	return -1;
}

/* Skips blanks and line breaks (not comments), and backslash-newlines,
 * which gettext removes wherever they are. */
static void
skip_space(struct bt_po_lexer *lx)
{
	const char *s = lx->text;
	size_t i = lx->pos;
	while (i < lx->len) {
		char c = s[i];
		if (c == '\\' && i + 1 < lx->len && s[i + 1] == '\n') {
			lx->line++;
			i += 2;
			continue;
		}
		if (c == '\n')
			lx->line++;
		else if (c != ' ' && c != '\t' && c != '\r' && c != '\f'
			 && c != '\v')
			break;
		i++;
	}
	lx->pos = i;
}

static void
add_comment(struct bt_po_entry *e, size_t start, size_t end, char kind)
{
	if (e->n_comments == e->cap_comments) {
		e->cap_comments = e->cap_comments ? 2 * e->cap_comments : 8;
		e->comments = bt_xreallocarray(e->comments, e->cap_comments,
					       sizeof(*e->comments));
	}
	e->comments[e->n_comments++] = (struct bt_po_comment){ start, end,
							       kind };
}

/* The comment line at lx->pos ('#'): recorded, or forgetting the ones
 * before when it is obsolete.  A backslash-newline continues it. */
static void
comment_line(struct bt_po_lexer *lx, struct bt_po_entry *e)
{
	size_t start = lx->pos;
	const char *nl = memchr(lx->text + start, '\n', lx->len - start);
	while (nl && nl > lx->text + start && nl[-1] == '\\') {
		lx->line++;
		nl = memchr(nl + 1, '\n', lx->len - (size_t) (nl + 1
							     - lx->text));
	}
	size_t end = nl ? (size_t) (nl - lx->text) : lx->len;
	char kind = start + 1 < end ? lx->text[start + 1] : ' ';
	if (end > start && lx->text[end - 1] == '\r')
		end--;
	if (kind == '~')
		e->n_comments = 0;	/* an obsolete message's line */
	else
		add_comment(e, start, end,
			    kind && strchr(",|:.", kind) ? kind : ' ');
	lx->pos = nl ? (size_t) (nl - lx->text) : lx->len;
}

static bool
is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/* The keyword at lx->pos (maybe empty); lx->pos moves past it. */
static size_t
keyword(struct bt_po_lexer *lx, const char **kw)
{
	size_t start = lx->pos;
	while (lx->pos < lx->len && is_word_char(lx->text[lx->pos]))
		lx->pos++;
	*kw = lx->text + start;
	return lx->pos - start;
}

static bool
is_kw(const char *kw, size_t n, const char *want)
{
	return n == strlen(want) && !memcmp(kw, want, n);
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the escape after a backslash at s[*i] (the character after it)
 * into out; *i moves past it.  -1 when gettext would not take it. */
static int
escape(const char *s, size_t n, size_t *i, struct bt_buf *out)
{
	static const char simple[] = "n\nt\tb\br\rf\fv\va\a\\\\\"\"";
	char c = s[*i];
	for (size_t k = 0; simple[k]; k += 2)
		if (c == simple[k]) {
			bt_buf_addch(out, simple[k + 1]);
			(*i)++;
			return 0;
		}
	/* Only the low byte counts (gettext's too), so wrapping is fine. */
	unsigned val = 0;
	if (c >= '0' && c <= '7') {
		for (int digits = 0; digits < 3 && *i < n && s[*i] >= '0'
		     && s[*i] <= '7'; digits++)
			val = val * 8 + (s[(*i)++] - '0');
	} else if (c == 'x' && *i + 1 < n && hex_value(s[*i + 1]) >= 0) {
		(*i)++;
		while (*i < n && hex_value(s[*i]) >= 0)
			val = val * 16 + hex_value(s[(*i)++]);
	} else {
		return -1;
	}
	bt_buf_addch(out, (char) val);
	return 0;
}

/* Decodes the string at lx->pos ('"') onto out.  Like gettext, which
 * keeps strings as C strings, it ends at a NUL an escape makes. */
static int
string(struct bt_po_lexer *lx, struct bt_buf *out)
{
	const char *s = lx->text;
	size_t n = lx->len, i = lx->pos + 1, from = out->len;
	for (;;) {
		size_t run = i;
		while (i < n && s[i] != '"' && s[i] != '\\' && s[i] != '\n')
			i++;
		bt_buf_add(out, s + run, i - run);
		if (i >= n)
			return fail(lx, "end of file within a string");
		if (s[i] == '"')
			break;
		if (s[i] == '\n')
			return fail(lx, "end of line within a string");
		if (++i < n && s[i] == '\n') {
			lx->line++;	/* a backslash-newline: nothing */
			i++;
			continue;
		}
		if (i >= n || escape(s, n, &i, out) < 0)
			return fail(lx, "invalid escape sequence in a string");
	}
	const char *nul = out->len > from
		? memchr(out->data + from, '\0', out->len - from) : NULL;
	if (nul) {
		out->len = (size_t) (nul - out->data);
		out->data[out->len] = '\0';
	}
	lx->pos = i + 1;
	return 0;
}

/* One or more strings, separated by white space, decoded into out;
 * *end is set after the last one's closing quote. */
static int
strings(struct bt_po_lexer *lx, struct bt_buf *out, size_t *end)
{
	bt_buf_reset(out);
	skip_space(lx);
	if (lx->pos >= lx->len || lx->text[lx->pos] != '"')
		return fail(lx, "a keyword without a string");
	do {
		if (string(lx, out) < 0)
			return -1;
		*end = lx->pos;
		skip_space(lx);
	} while (lx->pos < lx->len && lx->text[lx->pos] == '"');
	return 0;
}

static struct bt_po_msgstr *
new_msgstr(struct bt_po_entry *e)
{
	if (e->n_strs == e->cap_strs) {
		size_t cap = e->cap_strs ? 2 * e->cap_strs : 4;
		e->strs = bt_xreallocarray(e->strs, cap, sizeof(*e->strs));
		for (size_t i = e->cap_strs; i < cap; i++)
			bt_buf_init(&e->strs[i].value);
		e->cap_strs = cap;
	}
	return &e->strs[e->n_strs++];
}

/* "[N]" after msgstr; returns N, or -1 when there is none (-2 bad). */
static int
plural_index(struct bt_po_lexer *lx)
{
	size_t save = lx->pos;
	long line = lx->line;
	skip_space(lx);
	if (lx->pos >= lx->len || lx->text[lx->pos] != '[') {
		lx->pos = save;
		lx->line = line;
		return -1;
	}
	lx->pos++;
	skip_space(lx);
	long v = 0;
	size_t digits = 0;
	while (lx->pos < lx->len && lx->text[lx->pos] >= '0'
	       && lx->text[lx->pos] <= '9' && digits++ < 6)
		v = v * 10 + (lx->text[lx->pos++] - '0');
	skip_space(lx);
	if (!digits || lx->pos >= lx->len || lx->text[lx->pos] != ']')
		return -2;
	lx->pos++;
	return (int) v;
}

/* The msgstr keywords and strings that end an entry; stops before the
 * next entry's first token. */
static int
msgstrs(struct bt_po_lexer *lx, struct bt_po_entry *e)
{
	for (;;) {
		size_t at = lx->pos;
		long line = lx->line;
		const char *kw;
		size_t n = keyword(lx, &kw);
		if (!is_kw(kw, n, "msgstr")) {
			lx->pos = at;
			lx->line = line;
			return e->n_strs ? 0 : fail(lx, "a message without "
						    "msgstr");
		}
		int index = plural_index(lx);
		if (index == -2)
			return fail(lx, "a bad msgstr[] index");
		struct bt_po_msgstr *m = new_msgstr(e);
		m->index = index;
		m->kw = at;
		if (strings(lx, &m->value, &m->end) < 0)
			return -1;
	}
}

/* Skips a domain directive's string(s). */
static int
domain(struct bt_po_lexer *lx)
{
	struct bt_buf scratch = BT_BUF_INIT;
	size_t end;
	int rc = strings(lx, &scratch, &end);
	bt_buf_release(&scratch);
	return rc;
}

/* Comments, blank lines and domain directives before an entry. */
static int
before_entry(struct bt_po_lexer *lx, struct bt_po_entry *e)
{
	for (;;) {
		skip_space(lx);
		if (lx->pos >= lx->len)
			return 0;
		char c = lx->text[lx->pos];
		if (c == '#') {
			comment_line(lx, e);
			continue;
		}
		if (!is_word_char(c))
			return fail(lx, "unexpected character");
		size_t at = lx->pos;
		const char *kw;
		size_t n = keyword(lx, &kw);
		if (!is_kw(kw, n, "domain")) {
			lx->pos = at;
			return 1;
		}
		e->n_comments = 0;
		if (domain(lx) < 0)
			return -1;
	}
}

int
bt_po_lex_entry(struct bt_po_lexer *lx, struct bt_po_entry *e)
{
	e->n_comments = 0;
	e->n_strs = 0;
	e->has_ctxt = e->has_plural = false;
	bt_buf_reset(&e->ctxt);
	bt_buf_reset(&e->plural);
	int rc = before_entry(lx, e);
	if (rc <= 0)
		return rc;
	size_t line_start = lx->pos;
	while (line_start > 0 && lx->text[line_start - 1] != '\n')
		line_start--;
	e->kw_line = line_start;
	e->line = lx->line;

	const char *kw;
	size_t n = keyword(lx, &kw), end;
	if (is_kw(kw, n, "msgctxt")) {
		e->has_ctxt = true;
		if (strings(lx, &e->ctxt, &end) < 0)
			return -1;
		n = keyword(lx, &kw);
	}
	if (!is_kw(kw, n, "msgid"))
		return fail(lx, "expected msgid");
	if (strings(lx, &e->id, &end) < 0)
		return -1;
	size_t at = lx->pos;
	long line = lx->line;
	n = keyword(lx, &kw);
	if (is_kw(kw, n, "msgid_plural")) {
		e->has_plural = true;
		if (strings(lx, &e->plural, &end) < 0)
			return -1;
	} else {
		lx->pos = at;
		lx->line = line;
	}
	if (msgstrs(lx, e) < 0)
		return -1;
	e->end = e->strs[e->n_strs - 1].end;
	return 1;
}
