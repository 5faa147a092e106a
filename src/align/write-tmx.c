/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TMX 1.4b through the project's TMX writer (format/tmx.h): a <tu> per
 * bead with a <tuv> per side that has sentences (so a 1-0 bead keeps its
 * source), and the bead's score and type as properties:
 *
 *	<prop type="x-bitext-score">0.873</prop>
 *	<prop type="x-bitext-bead">1-2</prop>
 */
#include "system.h"
#include "align/align-internal.h"
#include "format/tmx.h"

int
bt_align_write_tmx(struct bt_output *out, const struct bt_align_side *src,
		   const struct bt_align_side *tgt,
		   const struct bt_alignment *a, struct bt_error *err)
{
	struct bt_tmx_header h = { .srclang = bt_align_side_lang(src),
				   .datatype = "plaintext",
				   .segtype = "sentence" };
	struct bt_tmx_writer *w = bt_tmx_writer_new(out, &h, err);
	if (!w)
		return -1;
	for (size_t k = 0; k < a->n_beads; k++) {
		const struct bt_bead *d = &a->beads[k];
		struct bead_content s, t;
		bead_content_get(src, d->src, d->n_src, &s);
		bead_content_get(tgt, d->tgt, d->n_tgt, &t);
		char score[16], bead[16];
		bead_score_str(d->score, score, sizeof(score));
		snprintf(bead, sizeof(bead), "%u-%u", d->n_src, d->n_tgt);
		struct bt_tmx_prop props[2] = {
			{ "x-bitext-score", score }, { "x-bitext-bead", bead },
		};
		struct bt_tmx_tuv tuv[2] = {
			{ bt_align_side_lang(src), &s.c },
			{ bt_align_side_lang(tgt), &t.c },
		};
		struct bt_tmx_tu tu = { .tuvs = tuv, .n_tuvs = 2,
					.props = props, .n_props = 2 };
		int rc = bt_tmx_writer_add(w, &tu, err);
		bead_content_release(&s);
		bead_content_release(&t);
		if (rc < 0) {
			bt_tmx_writer_free(w);
			return -1;
		}
	}
	return bt_tmx_writer_finish(w, err);
}
