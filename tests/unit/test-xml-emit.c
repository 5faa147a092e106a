/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of struct bt_xml_emit (src/format/xml-writer.h), the hand
 * serialiser the XLIFF writer uses for units: it must give the very bytes
 * libxml2's xmlTextWriter gives for the same calls, or XLIFF files change
 * where units of the two kinds meet.
 *
 * Each case drives a real xmlTextWriter (indenting with two spaces, in a
 * UTF-8 document, inside an element whose start tag may still be open, as
 * the XLIFF writer's is) and an emitter through the same random sequence
 * of start tags, attributes, end tags, raw text and indentation switches,
 * and compares what each wrote.  A libxml2 whose writer lays XML out
 * differently fails here, not in the golden files.
 */
#include "system.h"

#include <libxml/xmlwriter.h>

#include "core/buf.h"
#include "format/xml-writer.h"
#include "tap.h"

static const char *const names[] = { "unit", "segment", "source", "pc",
				     "ph", "data" };
static const char *const values[] = {
	"1", "d12", "", "a \"quoted\" <b> & 'c'", "tab\there", "line\nbreak",
	"cr\rhere", "caf\xc3\xa9 \xe4\xb8\xad", "ctl\x01" "char",
};
static const char *const texts[] = {
	"\n", "plain", "&lt;escaped&gt;", "  ", "\xe4\xb8\xad\xe6\x96\x87",
};

/* A small fixed pseudo-random sequence: the same cases on every run. */
static unsigned long seed = 12345;

static unsigned
pick(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned) ((seed >> 33) % n);
}

/* Runs one random case; returns whether both wrote the same. */
static int
one_case(int n_ops, bool tag_open, struct bt_buf *want, struct bt_buf *got)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "file");
	if (tag_open)
		xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "f1");
	else
		xmlTextWriterWriteRaw(w, BAD_CAST "x");
	xmlTextWriterFlush(w);
	size_t before = (size_t) xmlBufferLength(xb);

	struct bt_xml_emit e;
	bt_buf_reset(got);
	bt_xml_emit_init(&e, got, 1, tag_open);
	int depth = 0;
	bool can_attr = false;
	for (int i = 0; i < n_ops; i++) {
		unsigned op = pick(6);
		if (op == 0 || (op == 2 && !depth)) {
			const char *name = names[pick(BT_ARRAY_SIZE(names))];
			xmlTextWriterStartElement(w, BAD_CAST name);
			bt_xml_emit_start(&e, name);
			depth++;
			can_attr = true;
		} else if (op == 1 && can_attr) {
			const char *v = values[pick(BT_ARRAY_SIZE(values))];
			xmlTextWriterWriteAttribute(w, BAD_CAST "a", BAD_CAST v);
			bt_xml_emit_attr(&e, "a", v);
		} else if (op == 2) {
			xmlTextWriterEndElement(w);
			bt_xml_emit_end(&e);
			depth--;
			can_attr = false;
		} else if (op == 3 || op == 1) {
			const char *t = texts[pick(BT_ARRAY_SIZE(texts))];
			xmlTextWriterWriteRaw(w, BAD_CAST t);
			bt_xml_emit_raw(&e, t, strlen(t));
			can_attr = false;
		} else {
			bool on = pick(2);
			xmlTextWriterSetIndent(w, on);
			bt_xml_emit_indent(&e, on);
		}
	}
	xmlTextWriterFlush(w);
	bt_buf_reset(want);
	bt_buf_add(want, xmlBufferContent(xb) + before,
		   (size_t) xmlBufferLength(xb) - before);
	xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	bt_xml_emit_release(&e);
	return want->len == got->len && !memcmp(want->data, got->data,
						 want->len);
}

int
main(void)
{
	struct bt_buf want = BT_BUF_INIT, got = BT_BUF_INIT;
	int same = 0, cases = 2000;
	for (int i = 0; i < cases; i++) {
		if (one_case(1 + pick(40), pick(2), &want, &got)) {
			same++;
			continue;
		}
		diag("case %d: xmlTextWriter wrote\n%s\n# the emitter\n%s", i,
		     bt_buf_cstr(&want), bt_buf_cstr(&got));
		break;
	}
	is_int(same, cases, "the emitter writes what xmlTextWriter writes");

	/* The XLIFF writer's own shape: a unit after the skeleton. */
	bt_buf_reset(&got);
	struct bt_xml_emit e;
	bt_xml_emit_init(&e, &got, 2, false);
	bt_xml_emit_start(&e, "unit");
	bt_xml_emit_attr(&e, "id", "u1");
	bt_xml_emit_start(&e, "source");
	bt_xml_emit_indent(&e, false);
	bt_xml_emit_raw(&e, "Hi ", 3);
	bt_xml_emit_start(&e, "ph");
	bt_xml_emit_attr(&e, "id", "1");
	bt_xml_emit_end(&e);
	bt_xml_emit_end(&e);
	bt_xml_emit_raw(&e, "\n", 1);
	bt_xml_emit_indent(&e, true);
	bt_xml_emit_end(&e);
	bt_xml_emit_release(&e);
	is_str(bt_buf_cstr(&got), "    <unit id=\"u1\">\n"
	       "      <source>Hi <ph id=\"1\"/></source>\n"
	       "    </unit>\n", "a unit as the XLIFF writer lays it out");

	/* Characters XML cannot carry go to the caller's handler. */
	bt_buf_reset(&got);
	bt_xml_emit_init(&e, &got, 0, true);
	struct bt_error err = BT_ERROR_INIT;
	is_int(bt_xml_emit_text(&e, "a\x01" "b", 3, NULL, NULL, &err), -1,
	       "a control character without a handler is an error");
	is_int(err.code, BT_EINVALID, "BT_EINVALID");
	bt_error_release(&err);
	bt_buf_reset(&got);
	is_int(bt_xml_emit_text(&e, "x < y & \xef\xbf\xbe", 11, NULL, NULL,
				&err), -1, "so is U+FFFE");
	bt_error_release(&err);
	bt_xml_emit_release(&e);

	bt_buf_release(&want);
	bt_buf_release(&got);
	return done_testing();
}
