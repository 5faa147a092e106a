/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The beads format of the alignment literature and of the Text+Berg gold
 * files, one bead a line, 0-based sentence numbers of each side:
 *
 *	[0]:[0, 1]
 *	[1, 2]:[2]
 *	[3]:[]
 *	[]:[3]
 */
#include "system.h"
#include "align/align-internal.h"

static void
add_side(struct bt_buf *b, size_t first, unsigned n)
{
	bt_buf_addch(b, '[');
	for (unsigned k = 0; k < n; k++)
		bt_buf_addf(b, k ? ", %zu" : "%zu", first + k);
	bt_buf_addch(b, ']');
}

int
bt_align_write_beads(struct bt_output *out, const struct bt_align_side *src,
		     const struct bt_align_side *tgt,
		     const struct bt_alignment *a, struct bt_error *err)
{
	(void) src, (void) tgt;
	struct bt_buf b = BT_BUF_INIT;
	int rc = 0;
	for (size_t k = 0; k < a->n_beads && rc == 0; k++) {
		const struct bt_bead *d = &a->beads[k];
		add_side(&b, d->src, d->n_src);
		bt_buf_addch(&b, ':');
		add_side(&b, d->tgt, d->n_tgt);
		bt_buf_addch(&b, '\n');
		if (b.len > (1 << 16) || k + 1 == a->n_beads) {
			rc = bt_output_write(out, b.data, b.len, err);
			bt_buf_reset(&b);
		}
	}
	bt_buf_release(&b);
	return rc;
}
