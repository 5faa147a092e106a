/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The inline content of one Markdown block, made into one unit; and the
 * text of raw HTML blocks.
 *
 * MD4C reports a block's inline content as events: runs of text whose
 * bytes are in our buffer, spans that open and close (with no position),
 * line breaks.  The bytes between two runs of text are the markup of the
 * events between them, in order.  This file finds the bytes of each
 * event's markup by reading the Markdown syntax where the event stands:
 * `**` for strong emphasis, `[` and `](url "title")` for a link, `![` for
 * an image...  A span becomes an opening and a closing inline code around
 * its text (link text and image alt text are translated; URLs and titles
 * are in the closing code).  A code span, an autolink, an entity, a
 * backslash escape and raw inline HTML become one standalone code each
 * (an HTML start tag and its end tag become a pair).
 *
 * Line breaks: a soft break is the text "\n" when the next line starts
 * with the prefix the writer puts back after every line break of the
 * unit (md_prefix_of: "> " in a block quote, the indentation of a list
 * item), so translators see plain lines and may move sentences and line
 * breaks freely.  A hard break, or a line whose prefix is not that one (a
 * lazy continuation line), is a standalone code holding the break and the
 * next line's prefix.
 *
 * Raw HTML blocks are read here too, with a small tokenizer: the text
 * between two block-level tags (a <summary>, a <p align="center">) is a
 * unit, with the tags of inline elements (<b>, <a>, <br>) and entities as
 * codes; <pre>, <script>, <style> and comments are left alone.
 *
 * Whatever this reading of the syntax does not explain becomes a
 * standalone code of its own, and a span whose markup is not found loses
 * its pairing: every byte between the unit's start and end goes into the
 * unit exactly once, in order, so the round trip holds whatever happens.
 */
#include "system.h"

#include <md4c.h>

#include "filter/markdown.h"
#include "core/xalloc.h"

enum piece_what {
	PC_TEXT,	/* text: the bytes start..end */
	PC_EOL,		/* the text "\n": a line end and the prefix */
	PC_CODE,	/* an inline code holding the bytes start..end */
};

/* A piece of the unit being built. */
struct piece {
	size_t start, end;	/* bytes of the file */
	unsigned char what;	/* enum piece_what */
	unsigned char kind;	/* enum bt_code_kind */
	bool html;		/* raw inline HTML, to pair by tag name */
	const char *type;	/* static; the code's type */
	size_t pair;		/* the other code of a pair, or SIZE_MAX */
	char *display;		/* owned; or NULL */
	int id;			/* code id, once added */
};

/* An open span: which piece holds its opening markup. */
struct span {
	unsigned char type;	/* MD_SPANTYPE */
	size_t open;		/* piece index, or SIZE_MAX if none */
	size_t marks;		/* its number of '~' for strikethrough */
};

struct builder {
	const struct md_reader *r;
	const char *s;		/* the file */
	size_t len;
	const struct md_events *events;
	const struct md_event *ev;	/* events->v */
	size_t n_ev;
	size_t *lim;		/* owned; for each event, where the next
				 * text starts */
	struct piece *p;	/* owned */
	size_t n, cap;
	struct span *stack;	/* owned */
	size_t depth, stack_cap;
	size_t cur;		/* bytes before cur are in pieces */
	struct bt_buf prefix;	/* what follows a line break */
	bool strict;		/* markup nothing explains is a failure */
	bool failed;
};

static const char ascii_punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

static bool
is_punct(char c)
{
	return c && strchr(ascii_punct, c);
}

/* Appends a piece for the bytes cur..end; returns its index. */
static size_t
add_piece(struct builder *b, size_t end, enum piece_what what)
{
	if (end < b->cur) {
		b->failed = true;
		end = b->cur;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->p = bt_xreallocarray(b->p, b->cap, sizeof(*b->p));
	}
	struct piece *p = &b->p[b->n];
	*p = (struct piece){ b->cur, end, (unsigned char) what,
			     BT_CODE_STANDALONE, false, NULL, SIZE_MAX, NULL,
			     0 };
	b->cur = end;
	return b->n++;
}

static size_t
add_code(struct builder *b, size_t end, enum bt_code_kind kind,
	 const char *type, char *display)
{
	size_t k = add_piece(b, end, PC_CODE);
	b->p[k].kind = (unsigned char) kind;
	b->p[k].type = type;
	b->p[k].display = display;
	return k;
}

/* The first '\n' or '\r' of s[i..end), or end. */
static size_t
line_end_in(const char *s, size_t i, size_t end)
{
	const char *lf = memchr(s + i, '\n', end - i);
	size_t stop = lf ? (size_t) (lf - s) : end;
	const char *cr = memchr(s + i, '\r', stop - i);
	return cr ? (size_t) (cr - s) : stop;
}

/*
 * Text from cur to end.  A line end in it (MD4C sometimes puts one in a
 * text after a bare URL) is a code: in a unit's text, "\n" stands for a
 * line end the writer completes with the file's line end and a prefix.
 */
static void
add_text(struct builder *b, size_t end)
{
	while (b->cur < end) {
		size_t i = line_end_in(b->s, b->cur, end);
		if (i > b->cur)
			add_piece(b, i, PC_TEXT);
		while (i < end && (b->s[i] == '\n' || b->s[i] == '\r'))
			i++;
		if (i > b->cur)
			add_code(b, i, BT_CODE_STANDALONE, "lb",
				 bt_xstrdup("\xE2\x86\xB5"));
	}
}

/* Whether the unit has text worth translating: a letter, a digit or any
 * non-ASCII character. */
static bool
has_words(const struct builder *b)
{
	for (size_t k = 0; k < b->n; k++)
		for (size_t i = b->p[k].start; b->p[k].what == PC_TEXT
		     && i < b->p[k].end; i++) {
			unsigned char c = (unsigned char) b->s[i];
			if (c >= 0x80 || (c >= '0' && c <= '9')
			    || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
				return true;
		}
	return false;
}

static char *
dup_bytes(const struct builder *b, size_t start, size_t end)
{
	return bt_xstrndup(b->s + start, end - start);
}

/* A copy of s[start..end) for display, each line break and the next
 * line's prefix made one space. */
static char *
one_line(const struct builder *b, size_t start, size_t end)
{
	struct bt_buf out = BT_BUF_INIT;
	for (size_t i = start; i < end; i++) {
		if (b->s[i] != '\n' && b->s[i] != '\r') {
			bt_buf_addch(&out, b->s[i]);
			continue;
		}
		bt_buf_addch(&out, ' ');
		while (i + 1 < end && strchr(" \t\r\n>", b->s[i + 1]))
			i++;
	}
	return bt_buf_detach(&out, NULL);
}

/* --- syntax --------------------------------------------------------------- */

/* Length of the run of the byte c at s[pos..lim), at most max. */
static size_t
run_of(const struct builder *b, size_t pos, size_t lim, char c, size_t max)
{
	size_t n = 0;
	while (pos + n < lim && n < max && b->s[pos + n] == c)
		n++;
	return n;
}

/* Whether s[pos..pos+n) is n times '*' or n times '_' before lim. */
static bool
emphasis_at(const struct builder *b, size_t pos, size_t lim, size_t n)
{
	if (pos + n > lim)
		return false;
	char c = b->s[pos];
	return (c == '*' || c == '_') && run_of(b, pos, lim, c, n) == n;
}

static size_t
skip_spaces(const struct builder *b, size_t pos, size_t lim)
{
	while (pos < lim) {
		char c = b->s[pos++];
		if (c == '\n' || c == '\r') {
			/* The next line's prefix ("> ") too. */
			while (pos < lim && strchr(" \t>\n", b->s[pos]))
				pos++;
		} else if (c != ' ' && c != '\t') {
			return pos - 1;
		}
	}
	return pos;
}

/* End of a link destination at pos, or SIZE_MAX. */
static size_t
link_destination(const struct builder *b, size_t pos, size_t lim)
{
	const char *s = b->s;
	if (pos < lim && s[pos] == '<') {
		for (pos++; pos < lim; pos++) {
			if (s[pos] == '\\' && pos + 1 < lim)
				pos++;
			else if (s[pos] == '>')
				return pos + 1;
			else if (s[pos] == '<' || s[pos] == '\n'
				 || s[pos] == '\r')
				return SIZE_MAX;
		}
		return SIZE_MAX;
	}
	int depth = 0;
	for (; pos < lim; pos++) {
		unsigned char c = (unsigned char) s[pos];
		if (c == '\\' && pos + 1 < lim && is_punct(s[pos + 1]))
			pos++;
		else if (c <= ' ')
			break;
		else if (c == '(')
			depth++;
		else if (c == ')' && depth-- == 0)
			break;
	}
	return depth > 0 ? SIZE_MAX : pos;
}

/* End of a link title at pos ("...", '...' or (...)), or SIZE_MAX. */
static size_t
link_title(const struct builder *b, size_t pos, size_t lim)
{
	char close = b->s[pos] == '(' ? ')' : b->s[pos];
	for (pos++; pos < lim; pos++) {
		if (b->s[pos] == '\\' && pos + 1 < lim)
			pos++;
		else if (b->s[pos] == close)
			return pos + 1;
	}
	return SIZE_MAX;
}

/* End of `(destination "title")` at pos, or SIZE_MAX. */
static size_t
inline_link_tail(const struct builder *b, size_t pos, size_t lim)
{
	pos = skip_spaces(b, pos + 1, lim);
	if (pos < lim && b->s[pos] != ')') {
		size_t d = link_destination(b, pos, lim);
		if (d == SIZE_MAX)
			return SIZE_MAX;
		pos = skip_spaces(b, d, lim);
		if (pos > d && pos < lim && strchr("\"'(", b->s[pos])) {
			pos = link_title(b, pos, lim);
			if (pos == SIZE_MAX)
				return SIZE_MAX;
			pos = skip_spaces(b, pos, lim);
		}
	}
	return pos < lim && b->s[pos] == ')' ? pos + 1 : SIZE_MAX;
}

/* End of a link label `[...]` at pos, or SIZE_MAX. */
static size_t
link_label(const struct builder *b, size_t pos, size_t lim)
{
	for (pos++; pos < lim; pos++) {
		if (b->s[pos] == '\\' && pos + 1 < lim)
			pos++;
		else if (b->s[pos] == ']')
			return pos + 1;
		else if (b->s[pos] == '[')
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/*
 * End of the markup that closes a link or image at pos: `]` and what
 * follows it, `(destination "title")`, `[label]` or nothing (a shortcut
 * reference); SIZE_MAX if there is no `]`.
 */
static size_t
link_close(const struct builder *b, size_t pos, size_t lim)
{
	if (pos >= lim || b->s[pos] != ']')
		return SIZE_MAX;
	pos++;
	if (pos < lim && b->s[pos] == '(') {
		size_t e = inline_link_tail(b, pos, lim);
		if (e != SIZE_MAX)
			return e;
	} else if (pos < lim && b->s[pos] == '[') {
		size_t e = link_label(b, pos, lim);
		if (e != SIZE_MAX)
			return e;
	}
	return pos;
}

/* Length of the line end at pos ("\r\n", "\n" or "\r"), 0 if none. */
static size_t
eol_at(const struct builder *b, size_t pos, size_t lim)
{
	if (pos < lim && b->s[pos] == '\r')
		return pos + 1 < lim && b->s[pos + 1] == '\n' ? 2 : 1;
	return pos < lim && b->s[pos] == '\n' ? 1 : 0;
}

/* --- events --------------------------------------------------------------- */

static void
push_span(struct builder *b, unsigned type, size_t open, size_t marks)
{
	if (b->depth == b->stack_cap) {
		b->stack_cap = b->stack_cap ? 2 * b->stack_cap : 8;
		b->stack = bt_xreallocarray(b->stack, b->stack_cap,
					    sizeof(*b->stack));
	}
	b->stack[b->depth++] = (struct span){ (unsigned char) type, open,
					      marks };
}

/* The index of the event that closes the span event i opens. */
static size_t
matching_leave(const struct builder *b, size_t i)
{
	unsigned type = b->ev[i].type;
	size_t depth = 0;
	for (size_t j = i + 1; j < b->n_ev; j++) {
		if (b->ev[j].kind == MD_EV_ENTER && b->ev[j].type == type)
			depth++;
		else if (b->ev[j].kind == MD_EV_LEAVE && b->ev[j].type == type
			 && depth-- == 0)
			return j;
	}
	return SIZE_MAX;
}

/* The end of the last text of events i..j, or from. */
static size_t
last_text_end(const struct builder *b, size_t i, size_t j, size_t from)
{
	for (size_t k = j; k > i; k--)
		if (b->ev[k - 1].kind == MD_EV_TEXT)
			return b->ev[k - 1].end > from ? b->ev[k - 1].end
				: from;
	return from;
}

/*
 * A code span from cur (its opening backticks) to the event j that
 * closes it: one standalone code showing its content.  Returns false
 * when the closing backticks are not where they should be.
 */
static bool
code_span(struct builder *b, size_t i, size_t j)
{
	size_t open = run_of(b, b->cur, b->len, '`', SIZE_MAX);
	if (!open || j == SIZE_MAX)
		return false;
	size_t from = b->cur + open;
	size_t pos = last_text_end(b, i, j, from);
	while (pos < b->len && strchr(" \t\r\n>", b->s[pos]))
		pos++;
	if (run_of(b, pos, b->len, '`', SIZE_MAX) != open)
		return false;
	size_t inner = pos;
	while (inner > from && strchr(" \t\r\n", b->s[inner - 1]))
		inner--;
	size_t lead = from;
	if (lead < inner && b->s[lead] == ' ')
		lead++;
	add_code(b, pos + open, BT_CODE_STANDALONE, "code",
		 one_line(b, lead < inner ? lead : from, inner));
	return true;
}

/*
 * An autolink: `<https://...>`, or a bare URL that MD4C recognised (with
 * nothing around it).  The whole is one standalone code: a URL is not
 * translated.
 */
static bool
autolink(struct builder *b, size_t i, size_t j)
{
	if (j == SIZE_MAX)
		return false;
	bool angle = b->s[b->cur] == '<';
	size_t from = b->cur + angle;
	size_t end = last_text_end(b, i, j, from);
	if (end == from)
		return false;
	if (angle) {
		if (end >= b->len || b->s[end] != '>')
			return false;
		end++;
	} else if (b->lim[i] != b->cur) {
		return false;	/* a bare URL starts with its text */
	}
	add_code(b, end, BT_CODE_STANDALONE, "link",
		 dup_bytes(b, from, end - angle));
	return true;
}

/* The display of the code that closes a link: its target. */
static char *
link_display(const struct builder *b, const struct md_event *e)
{
	if (!e->str_len)
		return NULL;
	return bt_xstrndup(b->events->strs.data + e->str, e->str_len);
}

/* Opens span event i at cur; returns the last event it took. */
static size_t
enter_span(struct builder *b, size_t i)
{
	const struct md_event *e = &b->ev[i];
	size_t lim = b->lim[i], n = 0, open = SIZE_MAX;
	const char *type = "fmt";
	switch (e->type) {
	case MD_SPAN_EM:
	case MD_SPAN_STRONG:
		n = e->type == MD_SPAN_EM ? 1 : 2;
		type = e->type == MD_SPAN_EM ? "italic" : "bold";
		if (!emphasis_at(b, b->cur, lim, n))
			n = 0;
		break;
	case MD_SPAN_DEL:
		n = run_of(b, b->cur, lim, '~', 2);
		break;
	case MD_SPAN_IMG:
		type = "image";
		if (b->cur + 2 <= lim && b->s[b->cur] == '!'
		    && b->s[b->cur + 1] == '[')
			n = 2;
		break;
	case MD_SPAN_A:
		type = "link";
		if (b->cur < lim && b->s[b->cur] == '[') {
			n = 1;
			break;
		}
		/* Else an autolink. */
		/* fall through */
	case MD_SPAN_CODE: {
		size_t j = matching_leave(b, i);
		bool ok = e->type == MD_SPAN_CODE ? code_span(b, i, j)
			: autolink(b, i, j);
		if (ok)
			return j;
		break;
	}
	default:
		break;
	}
	if (n)
		open = add_code(b, b->cur + n, BT_CODE_OPEN, type,
				dup_bytes(b, b->cur, b->cur + n));
	push_span(b, e->type, open, n);
	return i;
}

/*
 * A shortcut `[text]` or collapsed `[text][]` reference link (or image),
 * whose text is also the label of its definition: translated, the link
 * would be lost.  The whole link, from the piece open on, becomes one
 * standalone code showing its text.
 */
static void
label_link(struct builder *b, size_t open, size_t end, const char *type)
{
	size_t from = b->p[open].end, to = b->cur;
	for (size_t k = open; k < b->n; k++)
		free(b->p[k].display);
	b->cur = b->p[open].start;
	b->n = open;
	add_code(b, end, BT_CODE_STANDALONE, type, one_line(b, from, to));
}

/* Closes the innermost span at cur, for event i. */
static void
leave_span(struct builder *b, size_t i)
{
	const struct md_event *e = &b->ev[i];
	size_t lim = b->lim[i], end = SIZE_MAX;
	struct span sp = b->depth ? b->stack[--b->depth]
		: (struct span){ e->type, SIZE_MAX, 0 };
	char *display = NULL;
	const char *type = "fmt";
	switch (e->type) {
	case MD_SPAN_EM:
	case MD_SPAN_STRONG: {
		size_t n = e->type == MD_SPAN_EM ? 1 : 2;
		type = e->type == MD_SPAN_EM ? "italic" : "bold";
		if (emphasis_at(b, b->cur, lim, n))
			end = b->cur + n;
		break;
	}
	case MD_SPAN_DEL: {
		size_t n = run_of(b, b->cur, lim, '~', 2);
		if (n && (sp.open == SIZE_MAX || n == sp.marks))
			end = b->cur + n;
		break;
	}
	case MD_SPAN_A:
	case MD_SPAN_IMG:
		type = e->type == MD_SPAN_A ? "link" : "image";
		end = link_close(b, b->cur, lim);
		if (end != SIZE_MAX && sp.open != SIZE_MAX
		    && (end - b->cur == 1 || (end - b->cur == 3
					      && b->s[b->cur + 1] == '['))) {
			label_link(b, sp.open, end, type);
			return;
		}
		if (end != SIZE_MAX)
			display = link_display(b, e);
		break;
	default:
		break;
	}
	if (end == SIZE_MAX)
		return;		/* its markup stays for a plain code */
	if (e->type != MD_SPAN_A && e->type != MD_SPAN_IMG)
		display = dup_bytes(b, b->cur, end);
	size_t k = add_code(b, end, BT_CODE_CLOSE, type, display);
	if (sp.open != SIZE_MAX) {
		b->p[k].pair = sp.open;
		b->p[sp.open].pair = k;
	}
}

static bool
is_prefix_char(char c)
{
	return c == ' ' || c == '\t' || c == '>';
}

/*
 * The line end at pos (eol bytes), after the text from cur, and the next
 * line's prefix (before lim): the text "\n" when that prefix is the
 * unit's (which the writer puts back), else one code.  A hard break is
 * one code from cur on.
 */
static void
break_at(struct builder *b, size_t pos, size_t eol, size_t lim, bool hard)
{
	size_t line = pos + eol, text = line;
	while (text < lim && is_prefix_char(b->s[text]))
		text++;
	size_t d = b->prefix.len;
	bool plain = !hard && (b->r->crlf ? eol == 2
			       : eol == 1 && b->s[pos] == '\n')
		&& text - line >= d
		&& (!d || !memcmp(b->s + line, b->prefix.data, d));
	for (size_t k = line + d; plain && k < text; k++)
		plain = b->s[k] != '>';
	if (hard) {
		add_code(b, text, BT_CODE_STANDALONE, "lb",
			 bt_xstrdup("\xE2\x86\xB5"));	/* U+21B5 */
		return;
	}
	add_text(b, pos);	/* the text and blanks before */
	if (plain) {
		add_piece(b, line + d, PC_EOL);
		add_text(b, text);
	} else {
		add_code(b, text, BT_CODE_STANDALONE, "lb",
			 bt_xstrdup("\xE2\x86\xB5"));
	}
}

/*
 * A line break at cur, for event i: trailing blanks, the line end (after
 * a backslash for a hard break), and the next line's prefix up to its
 * text.
 */
static void
line_break(struct builder *b, size_t i, bool hard)
{
	size_t lim = b->lim[i], pos = b->cur;
	while (pos < lim && (b->s[pos] == ' ' || b->s[pos] == '\t'))
		pos++;
	if (hard && pos < lim && b->s[pos] == '\\')
		pos++;
	size_t eol = eol_at(b, pos, lim);
	if (eol)
		break_at(b, pos, eol, lim, hard);
	/* else its bytes stay for a plain code */
}

/* Named character references: the display of the common ones. */
static const struct {
	const char *name, *utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
	{ "apos", "'" }, { "nbsp", "\xC2\xA0" }, { "copy", "\xC2\xA9" },
	{ "reg", "\xC2\xAE" }, { "trade", "\xE2\x84\xA2" },
	{ "hellip", "\xE2\x80\xA6" }, { "mdash", "\xE2\x80\x94" },
	{ "ndash", "\xE2\x80\x93" }, { "lsquo", "\xE2\x80\x98" },
	{ "rsquo", "\xE2\x80\x99" }, { "ldquo", "\xE2\x80\x9C" },
	{ "rdquo", "\xE2\x80\x9D" }, { "laquo", "\xC2\xAB" },
	{ "raquo", "\xC2\xBB" }, { "times", "\xC3\x97" },
	{ "divide", "\xC3\xB7" }, { "deg", "\xC2\xB0" },
	{ "plusmn", "\xC2\xB1" }, { "middot", "\xC2\xB7" },
	{ "bull", "\xE2\x80\xA2" }, { "euro", "\xE2\x82\xAC" },
	{ "pound", "\xC2\xA3" }, { "yen", "\xC2\xA5" }, { "cent", "\xC2\xA2" },
	{ "sect", "\xC2\xA7" }, { "para", "\xC2\xB6" },
	{ "larr", "\xE2\x86\x90" }, { "rarr", "\xE2\x86\x92" },
	{ "uarr", "\xE2\x86\x91" }, { "darr", "\xE2\x86\x93" },
	{ "harr", "\xE2\x86\x94" }, { "shy", "\xC2\xAD" },
	{ "ensp", "\xE2\x80\x82" }, { "emsp", "\xE2\x80\x83" },
	{ "thinsp", "\xE2\x80\x89" }, { "zwnj", "\xE2\x80\x8C" },
	{ "zwj", "\xE2\x80\x8D" }, { "iexcl", "\xC2\xA1" },
	{ "iquest", "\xC2\xBF" }, { "frac12", "\xC2\xBD" },
	{ "frac14", "\xC2\xBC" }, { "frac34", "\xC2\xBE" },
	{ "micro", "\xC2\xB5" }, { "check", "\xE2\x9C\x93" },
};

/* Appends code point cp as UTF-8; false if it is not a character. */
static bool
add_utf8(struct bt_buf *out, unsigned long cp)
{
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	if (cp < 0x80) {
		bt_buf_addch(out, (char) cp);
	} else if (cp < 0x800) {
		bt_buf_addch(out, (char) (0xC0 | cp >> 6));
		bt_buf_addch(out, (char) (0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		bt_buf_addch(out, (char) (0xE0 | cp >> 12));
		bt_buf_addch(out, (char) (0x80 | ((cp >> 6) & 0x3F)));
		bt_buf_addch(out, (char) (0x80 | (cp & 0x3F)));
	} else {
		bt_buf_addch(out, (char) (0xF0 | cp >> 18));
		bt_buf_addch(out, (char) (0x80 | ((cp >> 12) & 0x3F)));
		bt_buf_addch(out, (char) (0x80 | ((cp >> 6) & 0x3F)));
		bt_buf_addch(out, (char) (0x80 | (cp & 0x3F)));
	}
	return true;
}

/* What entity s[0..n) ("&copy;", "&#169;") stands for, for display. */
static char *
entity_display(const char *s, size_t n)
{
	struct bt_buf out = BT_BUF_INIT;
	if (n > 3 && s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		char *end;
		unsigned long cp = strtoul(s + 2 + hex, &end, hex ? 16 : 10);
		if (end == s + n - 1 && add_utf8(&out, cp))
			return bt_buf_detach(&out, NULL);
	}
	for (size_t i = 0; n > 2 && i < BT_ARRAY_SIZE(entities); i++)
		if (strlen(entities[i].name) == n - 2
		    && !memcmp(entities[i].name, s + 1, n - 2))
			return bt_xstrdup(entities[i].utf8);
	bt_buf_release(&out);
	return bt_xstrndup(s, n);
}

/*
 * Text event i: first the bytes between cur and its start (a backslash
 * escape, else markup nothing explained), then the text.  Returns the
 * last event it took (inline HTML over several lines is one code).
 */
static size_t
text_event(struct builder *b, size_t i)
{
	const struct md_event *e = &b->ev[i];
	if (b->cur > e->start) {
		/* Its start is taken (the blanks a unit does not start
		 * with): the rest of a text is still text. */
		if (e->type != MD_TEXT_NORMAL)
			b->failed = true;
		else if (b->cur < e->end)
			add_text(b, e->end);
		return i;
	}
	if (b->cur < e->start) {
		if (e->start - b->cur == 1 && b->s[b->cur] == '\\'
		    && e->type == MD_TEXT_NORMAL && e->end > e->start
		    && is_punct(b->s[e->start]))
			add_code(b, e->start + 1, BT_CODE_STANDALONE, NULL,
				 dup_bytes(b, e->start, e->start + 1));
		else if (b->strict)
			b->failed = true;
		else
			add_code(b, e->start, BT_CODE_STANDALONE, "fmt",
				 NULL);
	}
	size_t end = e->end;
	switch (e->type) {
	case MD_TEXT_NORMAL:
		add_text(b, end);
		break;
	case MD_TEXT_ENTITY:
		add_code(b, end, BT_CODE_STANDALONE, NULL,
			 entity_display(b->s + e->start, end - e->start));
		break;
	case MD_TEXT_HTML: {
		size_t j = i;
		while (j + 2 < b->n_ev && b->ev[j + 1].kind == MD_EV_STATIC
		       && b->ev[j + 2].kind == MD_EV_TEXT
		       && b->ev[j + 2].type == MD_TEXT_HTML)
			j += 2;
		size_t k = add_code(b, b->ev[j].end, BT_CODE_STANDALONE,
				    "fmt", NULL);
		b->p[k].html = true;
		return j;
	}
	default:
		add_code(b, end, BT_CODE_STANDALONE, "code", NULL);
		break;
	}
	return i;
}

/* --- raw inline HTML ------------------------------------------------------ */

/* The name of the tag s[0..n) into name (lower case); 1 for a start tag
 * that needs an end tag, -1 for an end tag, 0 for anything else. */
static int
tag_name(const char *s, size_t n, char *name, size_t size)
{
	static const char *const voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "source", "track", "wbr",
	};
	size_t i = 1, k = 0;
	int end = n > 2 && s[1] == '/';
	i += (size_t) end;
	while (i < n && k + 1 < size
	       && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
		   || (k && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-'))))
		name[k++] = (char) (s[i++] | 0x20);
	name[k] = '\0';
	if (!k || s[n - 1] != '>')
		return 0;
	if (end)
		return -1;
	if (n >= 2 && s[n - 2] == '/')
		return 0;
	for (size_t v = 0; v < BT_ARRAY_SIZE(voids); v++)
		if (!strcmp(name, voids[v]))
			return 0;
	return 1;
}

/* The type of the pair of codes of HTML element name. */
static const char *
pair_type(const char *name)
{
	if (!strcmp(name, "b") || !strcmp(name, "strong"))
		return "bold";
	if (!strcmp(name, "i") || !strcmp(name, "em"))
		return "italic";
	if (!strcmp(name, "u"))
		return "underlined";
	if (!strcmp(name, "a"))
		return "link";
	return "fmt";
}

/* Pairs each HTML start tag with the end tag that closes it, and gives
 * the tags a display ("<b>", "</b>"). */
static void
pair_html(struct builder *b)
{
	struct { size_t piece; char name[24]; } *open = NULL;
	size_t depth = 0, cap = 0;
	for (size_t k = 0; k < b->n; k++) {
		struct piece *p = &b->p[k];
		if (!p->html)
			continue;
		char name[24];
		int t = tag_name(b->s + p->start, p->end - p->start, name,
				 sizeof(name));
		if (*name)
			p->display = bt_xasprintf(t < 0 ? "</%s>" : "<%s>",
						  name);
		if (t > 0) {
			if (depth == cap) {
				cap = cap ? 2 * cap : 8;
				open = bt_xreallocarray(open, cap,
							sizeof(*open));
			}
			open[depth].piece = k;
			memcpy(open[depth++].name, name, sizeof(name));
		} else if (t < 0 && depth && !strcmp(open[depth - 1].name,
						     name)) {
			size_t o = open[--depth].piece;
			b->p[o].kind = BT_CODE_OPEN;
			p->kind = BT_CODE_CLOSE;
			b->p[o].pair = k;
			p->pair = o;
			b->p[o].type = p->type = pair_type(name);
		}
	}
	free(open);
}

/* --- the unit ------------------------------------------------------------- */

/*
 * Where the unit starts: before the markup of the spans that open before
 * its first text (event first), read backwards from that text.  Returns
 * false when that markup is not what is expected there.
 */
static bool
leading_start(const struct builder *b, size_t first, size_t *start)
{
	const struct md_event *f = &b->ev[first];
	const char *s = b->s;
	size_t pos = f->start, lo = b->r->done;
	if (f->type == MD_TEXT_NORMAL && pos > lo && s[pos - 1] == '\\'
	    && is_punct(s[pos]))
		pos--;
	for (size_t k = first; k-- > 0;) {
		const struct md_event *e = &b->ev[k];
		size_t n = 0;
		if (e->kind == MD_EV_STATIC)
			continue;
		if (e->kind != MD_EV_ENTER)
			return false;
		switch (e->type) {
		case MD_SPAN_EM:
		case MD_SPAN_STRONG:
			n = e->type == MD_SPAN_EM ? 1 : 2;
			if (pos < lo + n || !emphasis_at(b, pos - n, pos, n))
				return false;
			break;
		case MD_SPAN_DEL:
			while (n < 2 && pos > lo + n && s[pos - n - 1] == '~')
				n++;
			if (!n)
				return false;
			break;
		case MD_SPAN_IMG:
			if (pos < lo + 2 || s[pos - 2] != '!'
			    || s[pos - 1] != '[')
				return false;
			n = 2;
			break;
		case MD_SPAN_A:
			n = pos > lo
				&& (s[pos - 1] == '[' || s[pos - 1] == '<');
			break;
		case MD_SPAN_CODE:
			if (pos >= lo + 2 && s[pos - 1] == ' '
			    && s[pos - 2] == '`')
				pos--;
			while (pos > lo + n && s[pos - n - 1] == '`')
				n++;
			if (!n)
				return false;
			break;
		default:
			return false;
		}
		pos -= n;
	}
	*start = pos;
	return true;
}

/* lim[i]: where the first text after event i starts (or the end). */
static void
find_limits(struct builder *b)
{
	size_t next = b->len;
	b->lim = bt_xcalloc(b->n_ev ? b->n_ev : 1, sizeof(*b->lim));
	for (size_t i = b->n_ev; i-- > 0;) {
		b->lim[i] = next;
		if (b->ev[i].kind == MD_EV_TEXT)
			next = b->ev[i].start;
	}
}

/* Reads events first..upto, the unit starting at cur. */
static void
read_events(struct builder *b, size_t first, size_t upto)
{
	for (size_t i = 0; i < first; i++) {
		/* Spans whose markup is left in the skeleton. */
		if (b->ev[i].kind == MD_EV_ENTER)
			push_span(b, b->ev[i].type, SIZE_MAX, 0);
		else if (b->ev[i].kind == MD_EV_LEAVE && b->depth)
			b->depth--;
	}
	for (size_t i = first; i < upto && !b->failed; i++) {
		switch (b->ev[i].kind) {
		case MD_EV_TEXT:
			i = text_event(b, i);
			break;
		case MD_EV_ENTER:
			i = enter_span(b, i);
			break;
		case MD_EV_LEAVE:
			leave_span(b, i);
			break;
		case MD_EV_SOFTBR:
		case MD_EV_BR:
			line_break(b, i, b->ev[i].kind == MD_EV_BR);
			break;
		default:
			break;
		}
	}
}

/*
 * Adds the text held in text to c and empties it; returns the next code
 * id free after the codes that noncharacters in the text became.
 */
static int
flush_text(struct bt_content *c, struct bt_buf *text, int next_id)
{
	size_t had = c->n_codes;
	bt_content_add_text(c, text->data, text->len);
	bt_buf_reset(text);
	for (size_t k = had; k < c->n_codes; k++)
		if (c->codes[k].id >= next_id)
			next_id = c->codes[k].id + 1;
	return next_id;
}

/* Moves the pieces into content c. */
static void
fill_content(struct builder *b, struct bt_content *c)
{
	struct bt_buf text = BT_BUF_INIT;
	int next_id = 1;
	for (size_t k = 0; k < b->n; k++) {
		struct piece *p = &b->p[k];
		if (p->what == PC_TEXT) {
			bt_buf_add(&text, b->s + p->start, p->end - p->start);
			continue;
		}
		if (p->what == PC_EOL) {
			bt_buf_addch(&text, '\n');
			continue;
		}
		if (text.len)
			next_id = flush_text(c, &text, next_id);
		enum bt_code_kind kind = p->pair == SIZE_MAX
			? BT_CODE_STANDALONE : (enum bt_code_kind) p->kind;
		p->id = kind == BT_CODE_CLOSE ? b->p[p->pair].id : next_id++;
		size_t at = bt_content_add_code(c, kind, p->id, p->type,
						b->s + p->start,
						p->end - p->start);
		c->codes[at].display = p->display;
		p->display = NULL;
	}
	if (text.len)
		flush_text(c, &text, next_id);
	bt_buf_release(&text);
}

/* Frees what b holds but its limits. */
static void
builder_release(struct builder *b)
{
	for (size_t k = 0; k < b->n; k++)
		free(b->p[k].display);
	free(b->p);
	free(b->stack);
	bt_buf_release(&b->prefix);
}

/*
 * When the block opens with spans that close before its first text (a
 * badge `[![](x.svg)](link)` with no alt text), where it starts cannot be
 * read backwards: try the places on the first text's line where markup
 * may start, and take the first from which the markup reads exactly up
 * to that text.  Returns SIZE_MAX if none does.
 */
static size_t
probe_start(const struct builder *b, size_t first)
{
	size_t to = b->ev[first].start, line = to, tries = 0;
	while (line > b->r->done && b->s[line - 1] != '\n')
		line--;
	for (size_t p = line; p < to && tries < 64; p++) {
		if (!strchr("[!*_~`<", b->s[p]))
			continue;
		tries++;
		struct builder t = {
			.r = b->r, .s = b->s, .len = b->len,
			.events = b->events, .ev = b->ev, .n_ev = b->n_ev,
			.lim = b->lim, .cur = p, .strict = true,
		};
		read_events(&t, 0, first + 1);
		bool ok = !t.failed && t.cur == b->ev[first].end;
		builder_release(&t);
		if (ok)
			return p;
	}
	return SIZE_MAX;
}

struct bt_unit *
md_inline_unit(const struct md_reader *r, const struct md_events *events,
	       size_t *start, size_t *end)
{
	struct builder b = {
		.r = r, .s = r->buf, .len = r->len, .events = events,
		.ev = events->v, .n_ev = events->n,
	};
	size_t first = 0;
	while (first < b.n_ev && b.ev[first].kind != MD_EV_TEXT)
		first++;
	if (first == b.n_ev)
		return NULL;
	find_limits(&b);
	size_t from = 0;
	if (!leading_start(&b, first, &b.cur)
	    && (b.cur = probe_start(&b, first)) == SIZE_MAX) {
		/* Its opening markup stays in the skeleton. */
		b.cur = b.ev[first].start;
		while (b.cur < b.ev[first].end && (b.s[b.cur] == ' '
						   || b.s[b.cur] == '\t'))
			b.cur++;
		from = first;
	}
	if (b.cur < r->done) {
		builder_release(&b);
		free(b.lim);
		return NULL;
	}
	size_t line = b.cur;
	while (line > r->done && b.s[line - 1] != '\n')
		line--;
	md_prefix_of(b.s + line, b.cur - line, &b.prefix);
	*start = b.cur;
	read_events(&b, from, b.n_ev);
	free(b.lim);
	if (b.failed || !has_words(&b)) {
		builder_release(&b);
		return NULL;
	}
	pair_html(&b);
	struct bt_unit *u = bt_unit_new();
	fill_content(&b, &u->source);
	*end = b.cur;
	builder_release(&b);
	return u;
}

/* --- raw HTML blocks ------------------------------------------------------ */

enum html_token {
	HT_TEXT,	/* text */
	HT_ENTITY,	/* &amp; &#169; */
	HT_TAG,		/* a tag of an inline element: a code */
	HT_CODE,	/* a <code> element, whole */
	HT_BREAK,	/* what ends a unit: a block tag, a comment, a
			 * <script> or <pre> element... */
};

/* Whether the tags of element name may stand inside a unit. */
static bool
is_inline_element(const char *name)
{
	static const char *const names[] = {
		"a", "abbr", "b", "bdi", "bdo", "br", "cite", "del", "dfn",
		"em", "font", "i", "img", "ins", "kbd", "mark", "q", "s",
		"samp", "small", "span", "strike", "strong", "sub", "sup",
		"time", "tt", "u", "var", "wbr",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static bool
is_alpha(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* End of the tag at s[p] (quoted attribute values may hold '>'), or
 * SIZE_MAX if no tag starts there. */
static size_t
tag_end(const char *s, size_t p, size_t end)
{
	size_t i = p + 1;
	if (i < end && s[i] == '/')
		i++;
	if (i >= end || !is_alpha(s[i]))
		return SIZE_MAX;
	for (; i < end; i++) {
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '"' || s[i] == '\'') {
			const char *q = memchr(s + i + 1, s[i], end - i - 1);
			if (!q)
				return SIZE_MAX;
			i = (size_t) (q - s);
		}
	}
	return SIZE_MAX;
}

/* Where the element name, whose start tag ends at p, ends: after its
 * end tag, or at end. */
static size_t
element_end(const char *s, size_t p, size_t end, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = p; i + n + 2 < end; i++)
		if (s[i] == '<' && s[i + 1] == '/'
		    && !strncasecmp(s + i + 2, name, n)
		    && !is_alpha(s[i + 2 + n])) {
			size_t e = tag_end(s, i, end);
			return e == SIZE_MAX ? end : e;
		}
	return end;
}

/* After s[p] ("<!--", "<!", "<?"): the end of the markup, or end. */
static size_t
markup_end(const char *s, size_t p, size_t end)
{
	const char *e;
	if (end - p >= 4 && !memcmp(s + p, "<!--", 4)) {
		e = memmem(s + p + 4, end - p - 4, "-->", 3);
		return e ? (size_t) (e - s) + 3 : end;
	}
	e = memchr(s + p, '>', end - p);
	return e ? (size_t) (e - s) + 1 : end;
}

/* The token of an HTML block at s[p] (p < end); *next is its end. */
static enum html_token
html_token(const char *s, size_t p, size_t end, size_t *next)
{
	*next = p + 1;
	if (s[p] == '&') {
		size_t i = p + 1 + (p + 1 < end && s[p + 1] == '#'), j = i;
		while (j < end && j - i < 32
		       && (is_alpha(s[j]) || (s[j] >= '0' && s[j] <= '9')))
			j++;
		if (j == i || j >= end || s[j] != ';')
			return HT_TEXT;
		*next = j + 1;
		return HT_ENTITY;
	}
	if (s[p] != '<') {
		size_t i = p;
		while (i < end && s[i] != '<' && s[i] != '&')
			i++;
		*next = i;
		return HT_TEXT;
	}
	if (p + 1 < end && (s[p + 1] == '!' || s[p + 1] == '?')) {
		*next = markup_end(s, p, end);
		return HT_BREAK;
	}
	size_t e = tag_end(s, p, end);
	if (e == SIZE_MAX)
		return HT_TEXT;		/* a '<' of the text */
	char name[24];
	int t = tag_name(s + p, e - p, name, sizeof(name));
	*next = e;
	if (t > 0 && (!strcmp(name, "script") || !strcmp(name, "style")
		      || !strcmp(name, "pre") || !strcmp(name, "textarea"))) {
		*next = element_end(s, e, end, name);
		return HT_BREAK;
	}
	if (t > 0 && !strcmp(name, "code")) {
		*next = element_end(s, e, end, name);
		return HT_CODE;
	}
	return is_inline_element(name) ? HT_TAG : HT_BREAK;
}

/* What the <code> element s[start..end) shows: its content, entities
 * and all. */
static char *
code_display(const struct builder *b, size_t start, size_t end)
{
	size_t from = tag_end(b->s, start, end), to = end;
	while (to > from && b->s[to - 1] != '<')
		to--;
	return from == SIZE_MAX || to <= from ? NULL
		: one_line(b, from, to - 1);
}

/* The text cur..end of an HTML block, its line ends made as in
 * break_at(). */
static void
html_text(struct builder *b, size_t end)
{
	while (b->cur < end) {
		size_t i = b->cur;
		while (i < end && b->s[i] != '\n' && b->s[i] != '\r')
			i++;
		size_t eol = eol_at(b, i, end);
		if (!eol) {
			add_text(b, end);
			return;
		}
		break_at(b, i, eol, end, false);
	}
}

/*
 * Where the next unit of an HTML block at *pos (before end) is: the text
 * and inline tags between two block tags, without the blanks around.
 * Returns false when no text is left; moves *pos past it.
 */
static bool
html_run(const char *s, size_t *pos, size_t end, size_t *a, size_t *z)
{
	while (*pos < end) {
		size_t p = *pos, next = p;
		bool words = false, bol = false;
		*a = SIZE_MAX;
		enum html_token t;
		while (p < end
		       && (t = html_token(s, p, end, &next)) != HT_BREAK) {
			for (size_t i = p; i < next; i++) {
				unsigned char c = (unsigned char) s[i];
				/* Blanks, and the prefix of a line ("> "). */
				if (c == '\n' || c == '\r')
					bol = true;
				if (t == HT_TEXT && (strchr(" \t\r\n", c)
						     || (bol && c == '>')))
					continue;
				bol = false;
				if (*a == SIZE_MAX)
					*a = i;
				*z = t == HT_TEXT ? i + 1 : next;
				words |= t == HT_TEXT && (c >= 0x80
							  || is_alpha((char) c)
							  || (c >= '0'
							      && c <= '9'));
				if (t != HT_TEXT)
					break;
			}
			p = next;
		}
		*pos = p < end ? next : end;
		if (words)
			return true;
	}
	return false;
}

struct bt_unit *
md_html_unit(const struct md_reader *r, size_t *pos, size_t end,
	     size_t *start, size_t *uend)
{
	size_t a, z;
	while (html_run(r->buf, pos, end, &a, &z)) {
		if (a < r->done)
			continue;
		struct builder b = { .r = r, .s = r->buf, .len = r->len,
				     .cur = a };
		size_t line = a;
		while (line > r->done && b.s[line - 1] != '\n')
			line--;
		md_prefix_of(b.s + line, a - line, &b.prefix);
		for (size_t q = a, next; q < z && !b.failed; q = b.cur) {
			enum html_token t = html_token(b.s, q, z, &next);
			size_t k;
			switch (t) {
			case HT_ENTITY:
				add_code(&b, next, BT_CODE_STANDALONE, NULL,
					 entity_display(b.s + q, next - q));
				break;
			case HT_TAG:
				k = add_code(&b, next, BT_CODE_STANDALONE,
					     "fmt", NULL);
				b.p[k].html = true;
				break;
			case HT_CODE:
				add_code(&b, next, BT_CODE_STANDALONE, "code",
					 code_display(&b, q, next));
				break;
			default:
				html_text(&b, next < z ? next : z);
				break;
			}
		}
		if (b.failed || b.cur != z || !has_words(&b)) {
			builder_release(&b);
			continue;
		}
		pair_html(&b);
		struct bt_unit *u = bt_unit_new();
		fill_content(&b, &u->source);
		builder_release(&b);
		*start = a;
		*uend = z;
		return u;
	}
	return NULL;
}
