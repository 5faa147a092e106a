/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Inside the po filter: what its files share.  Not an API for the rest
 * of bitext (the filter is bt_filter_po, see filter.h).
 *
 *	po.c         reading: libgettextpo, lock-step with the lexer, units
 *	po-write.c   merging: fuzzy flags, msgstr lines, the header
 *	po-lex.c     a small PO lexer over UTF-8 text, with byte offsets
 *	po-syntax.c  placeholders of each format flag, plural forms table
 *	po-wrap.c    writing a string as msgcat does (79 columns)
 */
#ifndef BT_FILTER_PO_INTERNAL_H
#define BT_FILTER_PO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/output.h"
#include "doc/content.h"
#include "doc/document.h"

/* --- the lexer (po-lex.c) -------------------------------------------- */

/* A comment line of an entry: text[start..end), the newline excluded. */
struct bt_po_comment {
	size_t start, end;
	char kind;	/* ',' flags, '|' previous, ':' '.' ' ' the others */
};

/* One msgstr or msgstr[N] of an entry. */
struct bt_po_msgstr {
	int index;		/* N of msgstr[N]; -1 for a plain msgstr */
	size_t kw;		/* offset of the keyword */
	size_t end;		/* just after its last string's '"' */
	struct bt_buf value;	/* decoded */
};

/*
 * One message of a PO file, as the lexer found it in the text.  Obsolete
 * messages (#~) are comments to the lexer: they are skeleton.  An entry's
 * own comments are those after the previous message, the last obsolete
 * line and the last domain directive.
 */
struct bt_po_entry {
	size_t kw_line;		/* start of its first keyword's line */
	long line;		/* that line's number, from 1 */
	size_t end;		/* just after the '"' of its last msgstr */
	struct bt_po_comment *comments;	/* owned; in order */
	size_t n_comments, cap_comments;
	bool has_ctxt, has_plural;
	struct bt_buf ctxt, id, plural;	/* decoded */
	struct bt_po_msgstr *strs;	/* owned; in file order */
	size_t n_strs, cap_strs;
};

struct bt_po_lexer {
	const char *text;	/* borrowed */
	size_t len;
	size_t pos;		/* where the next entry is looked for */
	long line;		/* the line number at pos */
	/* After an error: where and what (a constant, untranslated). */
	long error_line;
	const char *error;
};

void bt_po_lexer_init(struct bt_po_lexer *lx, const char *text, size_t len);
void bt_po_entry_init(struct bt_po_entry *e);
void bt_po_entry_release(struct bt_po_entry *e);

/*
 * Reads the next message into e (whose memory is reused).  Returns 1 with
 * an entry, 0 at the end of the text, -1 when the text is not PO syntax
 * the lexer knows (lx->error, lx->error_line say why and where).
 */
int bt_po_lex_entry(struct bt_po_lexer *lx, struct bt_po_entry *e);

/* Whether the entry is a header: empty msgid, no msgctxt. */
bool bt_po_entry_is_header(const struct bt_po_entry *e);

/* --- placeholders, flags and plurals (po-syntax.c) -------------------- */

/* Placeholder syntaxes, from a message's format flags. */
enum bt_po_syntax {
	BT_PO_SYN_PRINTF = 1 << 0,	/* %s %-5.2f %1$d %% %<PRId64> */
	BT_PO_SYN_PYTHON = 1 << 1,	/* printf and %(name)s */
	BT_PO_SYN_RUBY = 1 << 2,	/* printf and %{name} %<name>s */
	BT_PO_SYN_BRACE = 1 << 3,	/* {0} {name} {0,number} {x:>10} */
	BT_PO_SYN_QT = 1 << 4,		/* %1 %L2 %n */
	BT_PO_SYN_SHELL = 1 << 5,	/* $VAR ${VAR} */
	BT_PO_SYN_BOOST = 1 << 6,	/* printf and %1% %|1$d| */
};

/* The syntaxes a format flag ("c-format"...) announces, 0 if none. */
unsigned bt_po_flag_syntax(const char *flag, size_t len);

/*
 * The flags of a "#," line's text s[0..len) (after the "#,"): returns the
 * syntaxes of its format flags, and sets *fuzzy and *no_wrap when it has
 * those flags (leaves them alone otherwise).
 */
unsigned bt_po_flags(const char *s, size_t len, bool *fuzzy, bool *no_wrap);

/*
 * The length of the placeholder that starts at s[0..len) in one of the
 * syntaxes, 0 if none.  The caller moves on by one byte when 0.
 */
size_t bt_po_placeholder(const char *s, size_t len, unsigned syntaxes);

/*
 * Appends text[0..len) to c with each placeholder as a standalone code
 * (type "other", its text as data and display).  With like (a source),
 * only placeholders like among like's codes become codes, each with the
 * id of the first such code of like not yet taken: a msgstr's
 * placeholders that its msgid lacks stay text.
 */
void bt_po_add_content(struct bt_content *c, const char *text, size_t len,
		       unsigned syntaxes, const struct bt_content *like);

/*
 * The number of plural forms and the Plural-Forms expression of a
 * language ("ru", "pt_BR", "zh-CN"), from a table of common languages.
 * Returns 0 when the language is not in it.
 */
int bt_po_lang_plurals(const char *lang, const char **expression);

/* nplurals of a Plural-Forms value ("nplurals=3; plural=..."), 0 when it
 * has none (a template's "nplurals=INTEGER"). */
int bt_po_header_nplurals(const char *plural_forms);

/* --- writing strings (po-wrap.c) -------------------------------------- */

/*
 * Appends `name "value"` to out as msgcat writes it: escapes, lines of at
 * most 79 columns broken where Unicode allows (not inside placeholders of
 * the given syntaxes), a break after each \n, and `name ""` first when
 * the value takes more than one line.  Lines are separated by eol, and
 * the last one has none.  no_wrap: only the breaks after \n.  charset is
 * the file's (widths of East Asian ambiguous characters follow it).
 * With name NULL, only the lines that follow a `name ""` line are written
 * (to replace some of a multi-line string's lines).
 */
void bt_po_wrap(struct bt_buf *out, const char *name, const char *value,
		size_t len, unsigned syntaxes, bool no_wrap,
		const char *charset, const char *eol);

/* --- merging (po-write.c): the write hooks of bt_filter_po ----------- */

void *bt_po_write_begin(const struct bt_document *doc);
int bt_po_write_skeleton(void *state, const struct bt_document *doc,
			 const char *text, size_t len, struct bt_output *out,
			 struct bt_error *err);
int bt_po_write_unit(void *state, const struct bt_document *doc,
		     const struct bt_unit *u, struct bt_output *out,
		     struct bt_error *err);
int bt_po_write_end(void *state, struct bt_output *out,
		    struct bt_error *err);

#endif /* BT_FILTER_PO_INTERNAL_H */
