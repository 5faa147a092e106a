/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Content: the text of a unit or segment, with inline codes.
 *
 * The text is UTF-8.  Each inline code stands in the text as one marker
 * character, and the k-th marker in the text is codes[k].  The markers are
 * Unicode noncharacters, which the standard reserves for internal use, so
 * the segmenter, the word counter and the aligner see ordinary text with
 * one opaque character where a code sits:
 *
 *	U+FDD0  opening code   (<b>, <a href=...>, **)      XLIFF 2 <sc>/<pc>
 *	U+FDD1  closing code   (</b>, </a>, **)              XLIFF 2 <ec>/</pc>
 *	U+FDD2  standalone code (<br/>, %s, {name})          XLIFF 2 <ph>
 *
 * A filter that meets one of these noncharacters in its input turns it into
 * a standalone code whose original data is the character itself, so no
 * input can forge a marker and the round trip stays lossless.
 */
#ifndef BT_DOC_CONTENT_H
#define BT_DOC_CONTENT_H

#include <stddef.h>

#include "core/buf.h"

#define BT_MARK_OPEN	0xFDD0
#define BT_MARK_CLOSE	0xFDD1
#define BT_MARK_ALONE	0xFDD2
#define BT_MARK_LEN	3	/* bytes of a marker in UTF-8: EF B7 9x */

enum bt_code_kind {
	BT_CODE_OPEN,
	BT_CODE_CLOSE,
	BT_CODE_STANDALONE,
};

struct bt_code {
	enum bt_code_kind kind;
	int id;		/* the same for an opening code and its closing one */
	char *type;	/* owned; XLIFF 2 "fmt", "link", "ui"...; may be NULL */
	char *data;	/* owned; the original markup, byte for byte */
	size_t data_len;
	char *display;	/* owned; short text for the translator, or NULL */
};

/*
 * Contents made by hand (views into other memory, say) may leave the last
 * three fields 0: they only make appending cheap, and 0 means "not known".
 */
struct bt_content {
	char *text;	/* owned; NUL-terminated UTF-8 with markers */
	size_t len;
	struct bt_code *codes;	/* owned; codes[k] is the k-th marker */
	size_t n_codes;
	size_t text_cap;	/* bytes allocated at text, or 0 */
	size_t codes_cap;	/* entries allocated at codes, or 0 */
	int next_id;	/* above every code's id (at least 1), or 0 */
};

void bt_content_init(struct bt_content *c);
void bt_content_release(struct bt_content *c);
/* Replaces the text with a copy of text[0..len) (no codes). */
void bt_content_set_text(struct bt_content *c, const char *text, size_t len);
/* Appends plain text; noncharacter markers in it become standalone codes
 * holding the character, so they cannot pose as codes. */
void bt_content_add_text(struct bt_content *c, const char *text, size_t len);
/* Appends an inline code with its original data; returns its index.  An
 * id below 0 asks for the next id unused in c. */
size_t bt_content_add_code(struct bt_content *c, enum bt_code_kind kind,
			   int id, const char *type,
			   const char *data, size_t data_len);
/* Gives back what c has allocated beyond its text and codes, for content
 * that is complete and kept for long (text and codes grow by doubling). */
void bt_content_trim(struct bt_content *c);
/* Deep copy of src into dst (dst must be released or fresh). */
void bt_content_copy(struct bt_content *dst, const struct bt_content *src);

/*
 * Whether s[0..len) starts with a marker; returns its kind through *kind.
 */
int bt_mark_at(const char *s, size_t len, enum bt_code_kind *kind);

/*
 * Appends text[start..end) of c to out with every marker replaced by its
 * code's original data: the bytes the filter read.  first_code is the index
 * of the first marker at or after start (0 when start is 0).
 */
void bt_content_render(const struct bt_content *c, size_t start, size_t end,
		       size_t first_code, struct bt_buf *out);

/*
 * Appends text[0..len) to out escaped as a format needs it (&amp;...);
 * ctx is the caller's.  Only text goes through it, never an inline code's
 * original data.
 */
typedef void bt_escape_fn(void *ctx, struct bt_buf *out, const char *text,
			  size_t len);

/* bt_content_render(), with the text between markers passed through
 * escape(ctx, out, text, len) when escape is not NULL (codes never are). */
void bt_content_render_escaped(const struct bt_content *c, size_t start,
			       size_t end, size_t first_code,
			       bt_escape_fn *escape, void *ctx,
			       struct bt_buf *out);

/* Number of markers in text[start..end). */
size_t bt_content_count_codes(const struct bt_content *c, size_t start,
			      size_t end);

#endif /* BT_DOC_CONTENT_H */
