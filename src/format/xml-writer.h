/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libxml2's xmlTextWriter writing into a struct bt_output, so that XLIFF
 * and TMX are streamed out, encoded and committed atomically like every
 * other output.  Also: writing text that may hold characters XML 1.0
 * cannot carry.
 */
#ifndef BT_FORMAT_XML_WRITER_H
#define BT_FORMAT_XML_WRITER_H

#include <stddef.h>
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

#endif /* BT_FORMAT_XML_WRITER_H */
