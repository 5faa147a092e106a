/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the three files of the Markdown filter share (not a public API):
 * markdown.c reads the file, drives MD4C and writes documents back;
 * markdown-inline.c turns the inline events of one block into a unit, and
 * the text of a raw HTML block into units;
 * markdown-front.c reads and writes the YAML or TOML front matter.
 *
 * Every unit covers one range of bytes of the decoded file, and the
 * skeleton is exactly the bytes between units, so the round trip is
 * lossless by construction.  See markdown.c for the design.
 */
#ifndef BT_FILTER_MARKDOWN_H
#define BT_FILTER_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "doc/document.h"

/* One inline event of a block, as MD4C reported it. */
enum md_event_kind {
	MD_EV_TEXT,	/* text whose bytes are in the file: start..end */
	MD_EV_STATIC,	/* text MD4C made up ("\n" of inline HTML...) */
	MD_EV_ENTER,	/* a span opens; type is its MD_SPANTYPE */
	MD_EV_LEAVE,	/* a span closes */
	MD_EV_SOFTBR,	/* a line break inside the block */
	MD_EV_BR,	/* a hard line break */
};

struct md_event {
	unsigned char kind;	/* enum md_event_kind */
	unsigned char type;	/* MD_TEXTTYPE or MD_SPANTYPE */
	size_t start, end;	/* bytes of the file, for MD_EV_TEXT */
	size_t str, str_len;	/* link target in md_events.strs, or 0 */
};

/* The inline events of the block being read. */
struct md_events {
	struct md_event *v;	/* owned */
	size_t n, cap;
	struct bt_buf strs;	/* link targets (MD4C's copies are gone) */
};

void md_events_reset(struct md_events *ev);
void md_events_release(struct md_events *ev);
/* Appends an event; returns it for the caller to fill. */
struct md_event *md_events_add(struct md_events *ev, enum md_event_kind kind,
			       unsigned type);

/* The file being read, shared by the block reader and front matter. */
struct md_reader {
	const char *path;
	const struct bt_sink *sink;
	struct bt_error *err;
	struct bt_unit_ids *ids;
	const char *buf;	/* the whole decoded file; borrowed */
	size_t len;
	bool crlf;		/* the file's line ends are CR LF */
	size_t done;		/* buf[0..done) is handed on */
};

/*
 * Hands on buf[done..start) as skeleton, then u (the bytes start..end),
 * and moves done to end.  Takes ownership of u.  A unit that would start
 * before done is dropped (its bytes stay skeleton).
 */
int md_reader_emit(struct md_reader *r, size_t start, size_t end,
		   struct bt_unit *u);
/* Hands on buf[done..end) as skeleton. */
int md_reader_skeleton(struct md_reader *r, size_t end);

/*
 * The prefix that a line break inside a unit is followed by: the
 * container marks ("> ") of the line the unit starts on, with list
 * markers and anything else turned into spaces.  tail is what comes
 * between the last line break (or the unit before) and the unit.  Both
 * the reader and the writer derive it the same way, so translators see
 * plain line breaks and the writer puts the prefix back after each.
 */
void md_prefix_of(const char *tail, size_t len, struct bt_buf *out);

/*
 * Builds the unit of one block from its inline events: NULL when the
 * block has no text to translate.  *start and *end get the bytes the unit
 * covers (the block's inline content), never before r->done.
 */
struct bt_unit *md_inline_unit(const struct md_reader *r,
			       const struct md_events *ev,
			       size_t *start, size_t *end);

/*
 * The next unit of the raw HTML block r->buf[*pos..end), from *pos on:
 * the text between two block-level tags (<p>, <summary>, <td>...), with
 * inline tags (<b>, <a>...) and entities as inline codes.  Returns NULL
 * when there is no more; *pos moves past what was read.
 */
struct bt_unit *md_html_unit(const struct md_reader *r, size_t *pos,
			     size_t end, size_t *start, size_t *uend);

/* Front matter: YAML between "---" lines, or TOML between "+++" lines. */
struct md_front_matter {
	size_t open;	/* end of the opening line; 0 when there is none */
	size_t close;	/* start of the closing line */
	size_t end;	/* end of the closing line: the Markdown starts */
	bool toml;
	char *lang;	/* owned; its lang or language value, or NULL */
};

/*
 * Finds the front matter at the start of r->buf, if any (fm->end stays
 * 0 when there is none).  Fails when it is never closed.
 */
int md_front_matter_scan(const struct md_reader *r,
			 struct md_front_matter *fm);

/*
 * Hands on the front matter: skeleton, but for the values of the keys
 * listed in keys (comma-separated dotted paths such as
 * "title,seo.description", or NULL), which become units named after
 * their key.  Plain and quoted one-line values are read; the quotes stay
 * in the skeleton, escapes become inline codes.
 */
int md_front_matter_read(struct md_reader *r,
			 const struct md_front_matter *fm, const char *keys);

/*
 * Renders front matter unit u, which follows the skeleton text whose last
 * byte is before (its opening quote, or a space): escapes what the quotes
 * need, and quotes a translated plain YAML value when it must be.
 */
int md_front_render(const struct bt_document *doc, const struct bt_unit *u,
		    int before, bool toml, struct bt_buf *out,
		    struct bt_error *err);

/* Whether any segment of u has a translation. */
bool md_unit_translated(const struct bt_unit *u);

#endif /* BT_FILTER_MARKDOWN_H */
