/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A self-contained HTML page to review an alignment: the beads side by
 * side in a table, each with its score and type; beads scored below
 * BT_ALIGN_LOW_SCORE, and sentences left unaligned, stand out, and a
 * checkbox (CSS only, no script) hides the others.  Inline codes show as
 * their original markup, escaped.
 */
#include "system.h"
#include "align/align-internal.h"

static const char style[] =
	"body{font-family:sans-serif;margin:1em 2em;color:#222}"
	"table{border-collapse:collapse;width:100%;table-layout:fixed}"
	"th,td{border-bottom:1px solid #ddd;padding:.3em .5em;"
	"vertical-align:top;text-align:left}"
	"th{background:#f4f4f4;position:sticky;top:0}"
	"col.n{width:3.5em}col.s{width:4em}col.b{width:3em}"
	"tr.low td{background:#fff0e0}tr.gap td{background:#fde4e4}"
	"td.num{font-variant-numeric:tabular-nums;color:#555}"
	"#review:checked~table tr.ok{display:none}"
	".summary{color:#555}";

static void
add_html(struct bt_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '<': bt_buf_addstr(b, "&lt;"); break;
		case '>': bt_buf_addstr(b, "&gt;"); break;
		case '&': bt_buf_addstr(b, "&amp;"); break;
		case '"': bt_buf_addstr(b, "&quot;"); break;
		default: bt_buf_addch(b, s[i]); break;
		}
	}
}

static void
add_htmlstr(struct bt_buf *b, const char *s)
{
	add_html(b, s, strlen(s));
}

static void
head(struct bt_buf *b, const struct bt_align_side *src,
     const struct bt_align_side *tgt, const struct bt_alignment *a)
{
	bt_buf_addstr(b, "<!DOCTYPE html>\n<html>\n<head>\n"
		      "<meta charset=\"utf-8\">\n<title>");
	add_htmlstr(b, _("Alignment"));
	bt_buf_addstr(b, ": ");
	add_htmlstr(b, bt_align_side_path(src));
	bt_buf_addstr(b, " \xE2\x86\x94 ");
	add_htmlstr(b, bt_align_side_path(tgt));
	bt_buf_addstr(b, "</title>\n<style>");
	bt_buf_addstr(b, style);
	bt_buf_addstr(b, "</style>\n</head>\n<body>\n<h1>");
	add_htmlstr(b, _("Alignment"));
	bt_buf_addstr(b, "</h1>\n<p class=\"summary\">");
	size_t low = 0;
	for (size_t k = 0; k < a->n_beads; k++)
		if (a->beads[k].score < BT_ALIGN_LOW_SCORE
		    || !a->beads[k].n_src || !a->beads[k].n_tgt)
			low++;
	bt_buf_addf(b, _("%zu beads; mean score %.3f; %zu to review."),
		    a->n_beads, a->mean_score, low);
	bt_buf_addstr(b, " ");
	for (unsigned t = 0; t < BT_ALIGN_N_TYPES; t++)
		if (a->by_type[t])
			bt_buf_addf(b, " %s: %zu", bt_align_type_name(t),
				    a->by_type[t]);
	bt_buf_addstr(b, "</p>\n<input type=\"checkbox\" id=\"review\"> "
		      "<label for=\"review\">");
	add_htmlstr(b, _("show only the beads to review"));
	bt_buf_addstr(b, "</label>\n<table>\n<colgroup><col class=\"n\">"
		      "<col class=\"s\"><col class=\"b\"><col><col>"
		      "</colgroup>\n<thead><tr><th>#</th><th>");
	add_htmlstr(b, _("score"));
	bt_buf_addstr(b, "</th><th>");
	add_htmlstr(b, _("bead"));
	bt_buf_addstr(b, "</th><th>");
	add_htmlstr(b, bt_align_side_path(src));
	bt_buf_addf(b, " (%s)</th><th>", bt_align_side_lang(src));
	add_htmlstr(b, bt_align_side_path(tgt));
	bt_buf_addf(b, " (%s)</th></tr></thead>\n<tbody>\n",
		    bt_align_side_lang(tgt));
}

int
bt_align_write_html(struct bt_output *out, const struct bt_align_side *src,
		    const struct bt_align_side *tgt,
		    const struct bt_alignment *a, struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT, text = BT_BUF_INIT;
	const char *ls = bt_align_side_lang(src);
	const char *lt = bt_align_side_lang(tgt);
	head(&b, src, tgt, a);
	int rc = 0;
	for (size_t k = 0; k < a->n_beads && rc == 0; k++) {
		const struct bt_bead *d = &a->beads[k];
		const char *cls = !d->n_src || !d->n_tgt ? "gap"
			: d->score < BT_ALIGN_LOW_SCORE ? "low" : "ok";
		char score[16];
		bead_score_str(d->score, score, sizeof(score));
		bt_buf_addf(&b, "<tr class=\"%s\" id=\"b%zu\"><td class=\"num\">"
			    "%zu</td><td class=\"num\">%s</td><td>%u-%u</td>"
			    "<td lang=\"", cls, k + 1, k + 1, score, d->n_src,
			    d->n_tgt);
		add_htmlstr(&b, ls);
		bt_buf_addstr(&b, "\">");
		bt_buf_reset(&text);
		bead_render(src, d->src, d->n_src, &text);
		add_html(&b, text.data, text.len);
		bt_buf_addstr(&b, "</td><td lang=\"");
		add_htmlstr(&b, lt);
		bt_buf_addstr(&b, "\">");
		bt_buf_reset(&text);
		bead_render(tgt, d->tgt, d->n_tgt, &text);
		add_html(&b, text.data, text.len);
		bt_buf_addstr(&b, "</td></tr>\n");
		if (b.len > (1 << 16)) {
			rc = bt_output_write(out, b.data, b.len, err);
			bt_buf_reset(&b);
		}
	}
	bt_buf_addstr(&b, "</tbody>\n</table>\n</body>\n</html>\n");
	if (rc == 0)
		rc = bt_output_write(out, b.data, b.len, err);
	bt_buf_release(&b);
	bt_buf_release(&text);
	return rc;
}
