/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing a PO string the way msgcat does, so that a merged translation
 * looks as if gettext's tools had written it.
 *
 * This follows wrap() in gettext's write-po.c (default style: page width
 * 79, no indentation).  The value is cut into portions after each "\n";
 * each portion is escaped (\a \b \f \n \r \t \v \\ \"), and libunistring
 * finds where its lines may break (Unicode line breaking, East Asian
 * widths), never inside an escape, inside a placeholder, or just before
 * the final "\n".  When the first portion would take more than one line,
 * or more portions follow, the keyword gets an empty string of its own
 * line (msgstr "") and the text starts on the next.
 */
#include "system.h"

#include <unilbrk.h>

#include "filter/po-internal.h"
#include "core/xalloc.h"

enum { PAGE_WIDTH = 79 };

static char
escape_letter(char c)
{
	switch (c) {
	case '\a': return 'a';
	case '\b': return 'b';
	case '\f': return 'f';
	case '\n': return 'n';
	case '\r': return 'r';
	case '\t': return 't';
	case '\v': return 'v';
	default: return 0;
	}
}

/*
 * A portion escaped into p, with a break override for each of its bytes
 * in o: no break inside an escape, a character, or a placeholder (whose
 * bytes inside[] marks, for the value from its start).
 */
static void
escape_portion(const char *s, size_t n, const bool *inside,
	       struct bt_buf *p, struct bt_buf *o)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i], letter = escape_letter(c);
		char brk = inside[i] ? UC_BREAK_PROHIBITED : UC_BREAK_UNDEFINED;
		if (letter || c == '\\' || c == '"') {
			bt_buf_addch(p, '\\');
			bt_buf_addch(p, letter ? letter : c);
			bt_buf_addch(o, brk);
			bt_buf_addch(o, UC_BREAK_PROHIBITED);
			continue;
		}
		bt_buf_addch(p, c);
		/* A UTF-8 continuation byte never starts a line. */
		bt_buf_addch(o, ((unsigned char) c & 0xC0) == 0x80
			     ? UC_BREAK_PROHIBITED : brk);
	}
}

/* Marks the bytes of value that are inside a placeholder (not its first). */
static bool *
placeholder_bytes(const char *value, size_t len, unsigned syntaxes)
{
	bool *inside = bt_xcalloc(len + 1, sizeof(*inside));
	for (size_t i = 0; syntaxes && i < len;) {
		size_t k = bt_po_placeholder(value + i, len - i, syntaxes);
		if (!k) {
			i++;
			continue;
		}
		for (size_t j = 1; j < k; j++)
			inside[i + j] = true;
		i += k;
	}
	return inside;
}

void
bt_po_wrap(struct bt_buf *out, const char *name, const char *value,
	   size_t len, unsigned syntaxes, bool no_wrap, const char *charset,
	   const char *eol)
{
	bool *inside = placeholder_bytes(value, len, syntaxes);
	struct bt_buf p = BT_BUF_INIT, o = BT_BUF_INIT;
	char *breaks = NULL;
	size_t start = out->len, s = 0;
	bool first = name != NULL;
	/* Room for the closing quote; the opening one starts each line. */
	int width = (no_wrap ? INT_MAX : PAGE_WIDTH) - 1 - 1;

	do {
		const char *nl = memchr(value + s, '\n', len - s);
		size_t es = nl ? (size_t) (nl - value) + 1 : len;
		bt_buf_reset(&p);
		bt_buf_reset(&o);
		escape_portion(value + s, es - s, inside + s, &p, &o);
		if (es > s && value[es - 1] == '\n')
			o.data[o.len - 2] = UC_BREAK_PROHIBITED;
		breaks = bt_xrealloc(breaks, p.len + 1);
		int startcol;
	recompute:
		startcol = first ? (int) strlen(name) + 1 : 0;
		u8_width_linebreaks((const uint8_t *) p.data, p.len, width,
				    startcol, 0, o.data, charset, breaks);
		if (first && p.len && (es < len || startcol > width
				       || memchr(breaks, UC_BREAK_POSSIBLE,
						 p.len))) {
			if (out->len > start)
				bt_buf_addstr(out, eol);
			bt_buf_addstr(out, name);
			bt_buf_addstr(out, " \"\"");
			first = false;
			goto recompute;
		}
		if (out->len > start)
			bt_buf_addstr(out, eol);
		if (first)
			bt_buf_addf(out, "%s ", name);
		bt_buf_addch(out, '"');
		for (size_t i = 0; i < p.len; i++) {
			if (breaks[i] == UC_BREAK_POSSIBLE) {
				bt_buf_addch(out, '"');
				bt_buf_addstr(out, eol);
				bt_buf_addch(out, '"');
			}
			bt_buf_addch(out, p.data[i]);
		}
		bt_buf_addch(out, '"');
		first = false;
		s = es;
	} while (s < len);
	free(breaks);
	free(inside);
	bt_buf_release(&p);
	bt_buf_release(&o);
}
