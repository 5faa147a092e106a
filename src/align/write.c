/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing an alignment: the format names, the dispatch to one writer per
 * format (write-*.c), and the helpers they share to turn a bead's side
 * into text.
 */
#include "system.h"
#include "align/align-internal.h"
#include "core/xalloc.h"

int
bt_align_format_parse(const char *name, enum bt_align_format *f)
{
	static const struct {
		const char *name;
		enum bt_align_format f;
	} names[] = {
		{ "tmx", BT_ALIGN_TMX }, { "xliff", BT_ALIGN_XLIFF },
		{ "tsv", BT_ALIGN_TSV }, { "beads", BT_ALIGN_BEADS },
		{ "html", BT_ALIGN_HTML },
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i].name)) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

int
bt_align_write(struct bt_output *out, enum bt_align_format f,
	       const struct bt_align_side *src,
	       const struct bt_align_side *tgt,
	       const struct bt_alignment *a, struct bt_error *err)
{
	switch (f) {
	case BT_ALIGN_TMX:
		return bt_align_write_tmx(out, src, tgt, a, err);
	case BT_ALIGN_XLIFF:
		return bt_align_write_xliff(out, src, tgt, a, err);
	case BT_ALIGN_TSV:
		return bt_align_write_tsv(out, src, tgt, a, err);
	case BT_ALIGN_BEADS:
		return bt_align_write_beads(out, src, tgt, a, err);
	case BT_ALIGN_HTML:
		return bt_align_write_html(out, src, tgt, a, err);
	}
	BT_BUG("unknown alignment format");
}

/* Whether sentences of lang are written without spaces between them. */
static bool
joins_without_space(const char *lang)
{
	return lang && (!strncasecmp(lang, "zh", 2) || !strncasecmp(lang, "ja", 2)
			|| !strncasecmp(lang, "ko", 2))
		&& (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

void
bead_content_get(const struct bt_align_side *s, size_t first, unsigned n,
		 struct bead_content *out)
{
	out->owned = false;
	if (n == 0) {
		bt_content_init(&out->c);
		return;
	}
	if (n == 1) {
		bt_align_side_sentence(s, first, &out->c);
		return;
	}
	const char *sep = joins_without_space(bt_align_side_lang(s)) ? ""
		: " ";
	struct bt_buf text = BT_BUF_INIT;
	size_t n_codes = 0;
	for (unsigned k = 0; k < n; k++) {
		struct bt_content v;
		bt_align_side_sentence(s, first + k, &v);
		n_codes += v.n_codes;
	}
	struct bt_code *codes = n_codes
		? bt_xmalloc(n_codes * sizeof(*codes)) : NULL;
	n_codes = 0;
	for (unsigned k = 0; k < n; k++) {
		struct bt_content v;
		bt_align_side_sentence(s, first + k, &v);
		if (k)
			bt_buf_addstr(&text, sep);
		bt_buf_add(&text, v.text, v.len);
		for (size_t c = 0; c < v.n_codes; c++)
			codes[n_codes++] = v.codes[c];	/* shallow */
	}
	bt_content_init(&out->c);
	out->c.len = text.len;
	out->c.text = bt_buf_detach(&text, NULL);
	out->c.codes = codes;
	out->c.n_codes = n_codes;
	out->owned = true;
}

void
bead_content_release(struct bead_content *bc)
{
	if (bc->owned) {
		free(bc->c.text);
		free(bc->c.codes);	/* the codes' strings are the side's */
	}
	bc->owned = false;
}

void
bead_render(const struct bt_align_side *s, size_t first, unsigned n,
	    struct bt_buf *out)
{
	struct bead_content bc;
	bead_content_get(s, first, n, &bc);
	bt_content_render(&bc.c, 0, bc.c.len, 0, out);
	bead_content_release(&bc);
}

void
bead_score_str(double score, char *buf, size_t size)
{
	if (!(score >= 0))
		score = 0;
	if (score > 1)
		score = 1;
	snprintf(buf, size, "%.3f", score);
}
