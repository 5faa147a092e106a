/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TSV: one bead a line, SCORE<TAB>BEAD<TAB>SOURCE<TAB>TARGET, the bead as
 * "1-2", the sentences of a side joined as in the TMX, inline codes as
 * their original data; tab, newline, carriage return and backslash are
 * written \t, \n, \r and \\, as `bitext segment --format tsv` does.
 */
#include "system.h"
#include "align/align-internal.h"

static void
add_escaped(struct bt_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '\t': bt_buf_addstr(b, "\\t"); break;
		case '\n': bt_buf_addstr(b, "\\n"); break;
		case '\r': bt_buf_addstr(b, "\\r"); break;
		case '\\': bt_buf_addstr(b, "\\\\"); break;
		default: bt_buf_addch(b, s[i]); break;
		}
	}
}

int
bt_align_write_tsv(struct bt_output *out, const struct bt_align_side *src,
		   const struct bt_align_side *tgt,
		   const struct bt_alignment *a, struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT, text = BT_BUF_INIT;
	int rc = 0;
	for (size_t k = 0; k < a->n_beads && rc == 0; k++) {
		const struct bt_bead *d = &a->beads[k];
		char score[16];
		bead_score_str(d->score, score, sizeof(score));
		bt_buf_addf(&b, "%s\t%u-%u\t", score, d->n_src, d->n_tgt);
		bt_buf_reset(&text);
		bead_render(src, d->src, d->n_src, &text);
		add_escaped(&b, text.data, text.len);
		bt_buf_addch(&b, '\t');
		bt_buf_reset(&text);
		bead_render(tgt, d->tgt, d->n_tgt, &text);
		add_escaped(&b, text.data, text.len);
		bt_buf_addch(&b, '\n');
		if (b.len > (1 << 16) || k + 1 == a->n_beads) {
			rc = bt_output_write(out, b.data, b.len, err);
			bt_buf_reset(&b);
		}
	}
	bt_buf_release(&b);
	bt_buf_release(&text);
	return rc;
}
