/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A small lexer over the bytes of an XML document that libxml2 has
 * already found well formed: it only has to find where each piece of
 * markup starts and ends, so that the xml filter can keep every byte
 * (quotes, spaces inside tags, references, CDATA) as it was written.
 *
 * It reads one token at a time from a given offset, and keeps no state
 * between calls: the filter can go back to an element it passed over.
 * Offsets are into the whole document s[0..n).
 */
#ifndef BT_FILTER_XML_LEX_H
#define BT_FILTER_XML_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum xml_tok {
	XML_TOK_TEXT,		/* character data, up to the next '<' */
	XML_TOK_START,		/* <a ...> or <a .../> */
	XML_TOK_END,		/* </a> */
	XML_TOK_COMMENT,	/* <!-- ... --> */
	XML_TOK_PI,		/* <? ... ?>, the XML declaration too */
	XML_TOK_CDATA,		/* <![CDATA[ ... ]]> */
	XML_TOK_DOCTYPE,	/* <!DOCTYPE ... [ ... ]> */
	XML_TOK_EOF,
};

/* An attribute of a start tag: s[name..name_end)="s[value..value_end)". */
struct xml_attr {
	size_t name, name_end;
	size_t value, value_end;	/* between the quotes */
	char quote;			/* '"' or '\'' */
	bool xmlns;			/* a namespace declaration */
};

struct xml_token {
	enum xml_tok type;
	size_t start, end;		/* the token is s[start..end) */
	size_t name, name_end;		/* start and end tags: the name */
	bool empty;			/* <a/> */
	struct xml_attr *attrs;		/* owned; start tags, in order */
	size_t n_attrs, cap_attrs;
};

/*
 * Reads the token at s[pos] into t (its attrs array is reused).  Returns
 * 0, or -1 when the bytes are not what a well-formed document holds
 * there: the caller's tree and these bytes disagree.
 */
int xml_lex(const char *s, size_t n, size_t pos, struct xml_token *t);

void xml_token_release(struct xml_token *t);

#endif /* BT_FILTER_XML_LEX_H */
