/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PLACEHOLDER: the xml filter is being written; this file is replaced. */
#include "system.h"
#include "filter/filter.h"

static int
xml_probe(const char *path, const char *head, size_t len)
{
	(void) path, (void) head, (void) len;
	return 0;
}

static int
xml_read(const char *path, const struct bt_filter_options *opt,
	  const struct bt_sink *sink, struct bt_error *err)
{
	(void) opt, (void) sink;
	return bt_error_set(err, BT_EUSAGE, path, "the xml filter is not "
			    "built yet");
}

static int
xml_write_skeleton(void *state, const struct bt_document *doc, const char *text,
		    size_t len, struct bt_output *out, struct bt_error *err)
{
	(void) state, (void) doc;
	return bt_output_write(out, text, len, err);
}

static int
xml_write_unit(void *state, const struct bt_document *doc, const struct bt_unit *u,
		struct bt_output *out, struct bt_error *err)
{
	(void) state;
	struct bt_buf b = BT_BUF_INIT;
	bt_unit_render(doc, u, &b);
	int rc = bt_output_write(out, bt_buf_cstr(&b), b.len, err);
	bt_buf_release(&b);
	return rc;
}

const struct bt_filter bt_filter_xml = {
	.name = "xml",
	.version = "0",
	.summary = "xml",
	.probe = xml_probe,
	.read = xml_read,
	.write_skeleton = xml_write_skeleton,
	.write_unit = xml_write_unit,
};
