/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PLACEHOLDER: the po filter is being written; this file is replaced. */
#include "system.h"
#include "filter/filter.h"

static int
po_probe(const char *path, const char *head, size_t len)
{
	(void) path, (void) head, (void) len;
	return 0;
}

static int
po_read(const char *path, const struct bt_filter_options *opt,
	  const struct bt_sink *sink, struct bt_error *err)
{
	(void) opt, (void) sink;
	return bt_error_set(err, BT_EUSAGE, path, "the po filter is not "
			    "built yet");
}

static int
po_write_skeleton(void *state, const struct bt_document *doc, const char *text,
		    size_t len, struct bt_output *out, struct bt_error *err)
{
	(void) state, (void) doc;
	return bt_output_write(out, text, len, err);
}

static int
po_write_unit(void *state, const struct bt_document *doc, const struct bt_unit *u,
		struct bt_output *out, struct bt_error *err)
{
	(void) state;
	struct bt_buf b = BT_BUF_INIT;
	bt_unit_render(doc, u, &b);
	int rc = bt_output_write(out, bt_buf_cstr(&b), b.len, err);
	bt_buf_release(&b);
	return rc;
}

const struct bt_filter bt_filter_po = {
	.name = "po",
	.version = "0",
	.summary = "po",
	.probe = po_probe,
	.read = po_read,
	.write_skeleton = po_write_skeleton,
	.write_unit = po_write_unit,
};
