/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libxml2's xmlTextWriter writing into a struct bt_output, so that XLIFF
 * and TMX are streamed out, encoded and committed atomically like every
 * other output.  Also: writing text that may hold characters XML 1.0
 * cannot carry.
 */
#ifndef BT_FORMAT_XML_WRITER_H
#define BT_FORMAT_XML_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libxml/xmlwriter.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/output.h"

struct bt_xml_writer {
	xmlTextWriterPtr w;	/* owned */
	struct bt_output *out;	/* borrowed */
	struct bt_error io_err;	/* the first failure of the output */
	struct bt_buf escaped;	/* scratch for bt_xml_write_text() */
};

/* Starts an XML writer on out (which stays the caller's), indenting when
 * indent is set.  Caller ends with bt_xml_writer_finish(). */
void bt_xml_writer_init(struct bt_xml_writer *xw, struct bt_output *out,
			int indent);
/* Ends the document, flushes and frees the writer.  Returns 0, or -1
 * with err when anything failed on the way. */
int bt_xml_writer_finish(struct bt_xml_writer *xw, struct bt_error *err);
/* Frees without flushing (after an error). */
void bt_xml_writer_release(struct bt_xml_writer *xw);
/* Returns -1 with err filled if a writer call failed (rc < 0). */
int bt_xml_writer_check(struct bt_xml_writer *xw, int rc,
			struct bt_error *err);

/*
 * Appends text[0..len) to b escaped as XML character data: &, <, > and
 * CR (as a reference, or a parser would turn it into LF).  The text must
 * hold only characters XML can carry.
 */
void bt_xml_escape(struct bt_buf *b, const char *text, size_t len);

/* Whether code point c may appear in XML 1.0 content. */
int bt_xml_char_ok(uint32_t c);

/*
 * Writes text[0..len) as character data.  A character XML 1.0 cannot
 * carry (a control character, U+FFFE) is handed to bad_char(ctx, c),
 * which writes a replacement element; without it such characters are an
 * error.  Inline-code markers are not special here.
 */
int bt_xml_write_text(struct bt_xml_writer *xw, const char *text,
		      size_t len, int (*bad_char)(void *ctx, uint32_t c),
		      void *ctx, struct bt_error *err);

/*
 * Appends the attribute value v to b escaped as xmlTextWriter escapes it
 * between double quotes: &, <, >, ", tab, LF and CR.  Other characters go
 * as they are (the writer's document is UTF-8, so it does not turn them
 * into references).
 */
void bt_xml_escape_attr(struct bt_buf *b, const char *v);

/*
 * Serialising XML by hand into a buffer, byte for byte as xmlTextWriter
 * (indenting with two spaces) would write the same calls, to be handed
 * to the writer in one xmlTextWriterWriteRawLen(): the writer's cost per
 * call was most of the time extract spent on units with inline codes.
 *
 * The layout rules copied are those of libxml2's xmlwriter.c, when
 * indenting: a start tag is indented by its depth, and closing its
 * parent's start tag adds a newline after the '>'; an end tag (or "/>")
 * is followed by a newline, and indented unless raw text came last;
 * raw text closes a pending start tag with a bare '>'; switching
 * indentation on or off makes the next end tag indented again.
 * tests/unit/test-xml-emit.c holds the emitter to the real writer.
 *
 *	struct bt_xml_emit e;
 *	bt_xml_emit_init(&e, &buf, 2, false);	// inside <xliff><file>
 *	bt_xml_emit_start(&e, "unit");
 *	bt_xml_emit_attr(&e, "id", "u1");
 *	...
 *	bt_xml_emit_end(&e);
 *	bt_xml_emit_release(&e);
 */
struct bt_xml_emit {
	struct bt_buf *b;	/* borrowed: where the XML goes */
	const char **open;	/* owned array of borrowed names: elements
				 * started here and not yet ended */
	size_t n_open, cap_open;
	size_t outer;		/* elements open in the writer around b */
	bool tag_open;		/* the last start tag still lacks its '>' */
	bool indent;		/* xmlTextWriterSetIndent() */
	bool doindent;		/* the writer's: indent the next end tag */
};

/*
 * Starts serialising into b (appended to) as if the writer had `outer`
 * elements open, the innermost with its start tag still open when
 * tag_open: then the XML starts with the '>' that closes it, which
 * xmlTextWriterWriteRawLen() writes itself (skip b's first byte).
 */
void bt_xml_emit_init(struct bt_xml_emit *e, struct bt_buf *b, size_t outer,
		      bool tag_open);
void bt_xml_emit_release(struct bt_xml_emit *e);
/* xmlTextWriterStartElement(); name must outlive the element. */
void bt_xml_emit_start(struct bt_xml_emit *e, const char *name);
/* xmlTextWriterWriteAttribute(), right after the start tag. */
void bt_xml_emit_attr(struct bt_xml_emit *e, const char *name,
		      const char *value);
/* xmlTextWriterEndElement(): "/>" when the element is empty. */
void bt_xml_emit_end(struct bt_xml_emit *e);
/* xmlTextWriterWriteRawLen() of s[0..len) (nothing when len is 0). */
void bt_xml_emit_raw(struct bt_xml_emit *e, const char *s, size_t len);
/* xmlTextWriterSetIndent(). */
void bt_xml_emit_indent(struct bt_xml_emit *e, bool on);
/* bt_xml_write_text() into the emitter; bad_char(ctx, c) writes its
 * replacement through the same emitter. */
int bt_xml_emit_text(struct bt_xml_emit *e, const char *text, size_t len,
		     int (*bad_char)(void *ctx, uint32_t c), void *ctx,
		     struct bt_error *err);

#endif /* BT_FORMAT_XML_WRITER_H */
