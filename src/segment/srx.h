/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SRX 2.0 segmentation rules, and the segmenter that applies them.
 *
 * An SRX file holds named language rules (ordered break / no-break rules,
 * each a before-break and an after-break regular expression) and map rules
 * that pick language rules by a pattern on the language code.  With
 * cascade on, every matching map contributes its rules, in map order;
 * without, only the first.
 *
 * Rules are applied as Okapi and LanguageTool apply them, so that rule
 * files written for those tools behave the same here: each rule's
 * `(?:before)(?=after)` is searched through the paragraph from left to
 * right, every match end is a position the rule speaks for, and at each
 * position the first rule in order decides.  Positions no rule speaks for
 * do not break.
 *
 *	struct bt_srx *srx = bt_srx_load(path, diag, &err);
 *	struct bt_segmenter *s = bt_segmenter_new(srx, "zh-CN", diag, &err);
 *	bt_segmenter_split(s, unit);	// fills unit->segments
 */
#ifndef BT_SEGMENT_SRX_H
#define BT_SEGMENT_SRX_H

#include "core/error.h"
#include "doc/document.h"

struct bt_srx;
struct bt_segmenter;

/*
 * Loads and compiles an SRX file (libxml2, no network, no entities).  A
 * rule that does not compile is an error naming the file, line and rule
 * (BT_ESYNTAX); a rule that uses Java regex features PCRE2 lacks is
 * skipped with a warning through diag.  Caller frees with bt_srx_free().
 */
struct bt_srx *bt_srx_load(const char *path, const struct bt_diag *diag,
			   struct bt_error *err);
void bt_srx_free(struct bt_srx *srx);

/* The path of bitext's own default rules (BITEXT_DATADIR overrides the
 * installed data folder).  Borrowed, static. */
const char *bt_srx_default_path(void);

/* Number of language rules and rules in total (for tests and messages). */
size_t bt_srx_count_languages(const struct bt_srx *srx);
size_t bt_srx_count_rules(const struct bt_srx *srx);

/*
 * A segmenter for one language: the cascade of srx's rules that apply to
 * lang.  srx must outlive it.  When no rule applies, a warning says so and
 * units stay whole.  Caller frees with bt_segmenter_free().
 */
struct bt_segmenter *bt_segmenter_new(const struct bt_srx *srx,
				      const char *lang,
				      const struct bt_diag *diag,
				      struct bt_error *err);
void bt_segmenter_free(struct bt_segmenter *s);
/* Number of rules the segmenter applies. */
size_t bt_segmenter_count_rules(const struct bt_segmenter *s);

/*
 * Splits u's source into segments (replacing any it had), with the
 * whitespace around each segment left out of it as ignorable text.  A
 * unit of only whitespace gets no segments.  A unit that already has a
 * target (read with the document, as a PO msgstr) is left as it is.  Returns 0, or -1 with err
 * when a regex hits its match limit.
 */
int bt_segmenter_split(struct bt_segmenter *s, struct bt_unit *u,
		       struct bt_error *err);

#endif /* BT_SEGMENT_SRX_H */
