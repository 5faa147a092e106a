/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The JSON coverage report, built with Jansson; report.h gives its shape.
 */
#include "system.h"

#include <jansson.h>

#include "report/report.h"

static json_t *
counts_json(const struct bt_counts *c, enum bt_measure m)
{
	json_t *o = json_object();
	json_object_set_new(o, "total",
			    json_integer((json_int_t) bt_counts_total(c, m)));
	for (int s = 0; s < BT_N_STATES; s++)
		json_object_set_new(o, bt_state_name((enum bt_state) s),
				    json_integer((json_int_t) c->n[m][s]));
	return o;
}

static json_t *
alignment_json(const struct bt_alignment *a)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "pairs", (json_int_t) a->pairs,
			 "aligned", (json_int_t) a->aligned,
			 "unaligned", (json_int_t) a->unaligned,
			 "low_confidence", (json_int_t) a->low_confidence,
			 "low_confidence_pairs",
			 (json_int_t) a->low_confidence_pairs,
			 "unaligned_target", (json_int_t) a->unaligned_target,
			 "aligned_chars", (json_int_t) a->aligned_chars,
			 "unaligned_chars", (json_int_t) a->unaligned_chars);
}

/* The counters of a file or of the total, added to o. */
static void
add_counters(json_t *o, const struct bt_coverage_file *f,
	     const struct bt_report_options *opt)
{
	for (int m = 0; m < BT_N_MEASURES; m++)
		json_object_set_new(o, bt_measure_name((enum bt_measure) m),
				    counts_json(&f->counts,
						(enum bt_measure) m));
	double pct = bt_counts_percent(&f->counts, opt->measure,
				       opt->min_state);
	json_object_set_new(o, "coverage", json_real(bt_report_floor2(pct)));
	if (f->align.present)
		json_object_set_new(o, "alignment",
				    alignment_json(&f->align));
}

struct sink {
	struct bt_output *out;
	struct bt_error *err;
};

static int
dump(const char *buffer, size_t size, void *data)
{
	struct sink *s = data;
	return bt_output_write(s->out, buffer, size, s->err);
}

int
bt_report_json(struct bt_output *out, const struct bt_coverage *cov,
	       const struct bt_report_options *opt, struct bt_error *err)
{
	static const char *const modes[] = { "ideographs", "gmx", "spaces" };
	json_t *root = json_object();
	json_t *files = json_array();
	for (size_t i = 0; i < cov->n_files; i++) {
		const struct bt_coverage_file *f = &cov->files[i];
		json_t *o = json_object();
		json_object_set_new(o, "path", json_string(f->path));
		json_object_set_new(o, "format", json_string(f->format));
		json_object_set_new(o, "language",
				    f->lang ? json_string(f->lang)
				    : json_null());
		add_counters(o, f, opt);
		json_array_append_new(files, o);
	}
	json_object_set_new(root, "files", files);
	json_t *total = json_object();
	add_counters(total, &cov->total, opt);
	json_object_set_new(root, "total", total);
	json_object_set_new(root, "measure",
			    json_string(bt_measure_name(opt->measure)));
	json_object_set_new(root, "min_state",
			    json_string(bt_state_name(opt->min_state)));
	json_object_set_new(root, "cjk_words",
			    json_string(modes[opt->cjk_words]));
	if (opt->fail_under >= 0)
		json_object_set_new(root, "fail_under",
				    json_real(opt->fail_under));
	json_t *errors = json_array();
	for (size_t i = 0; i < cov->n_failed; i++) {
		const struct bt_coverage_failure *e = &cov->failed[i];
		json_array_append_new(errors, json_pack(
			"{s:s, s:o, s:s}", "path", e->path, "line",
			e->line > 0 ? json_integer(e->line) : json_null(),
			"message", e->msg));
	}
	json_object_set_new(root, "errors", errors);

	struct sink s = { out, err };
	int rc = json_dump_callback(root, dump, &s,
				    JSON_INDENT(2) | JSON_REAL_PRECISION(6));
	json_decref(root);
	if (rc < 0)
		return err && err->code ? -1 : bt_error_set(
			err, BT_EIO, NULL, _("cannot write the JSON report"));
	return bt_output_puts(out, "\n", err);
}
