/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Applying SRX rules to a unit: see srx.h for the semantics.
 *
 * Cost: every break rule is searched through the paragraph once.  Only if
 * one matched are the no-break rules that come before the last matching
 * break rule searched too, since a no-break rule can only cancel a break
 * that a later rule would make.  Most paragraphs thus cost a handful of
 * PCRE2 JIT scans, which skip quickly to the punctuation the break rules
 * start with.
 */
#include "system.h"
#include "segment/srx-internal.h"
#include "core/xalloc.h"

/* Backtracking budget per search, so that a pathological rule in a
 * third-party file cannot hang us on one paragraph. */
enum { MATCH_LIMIT = 10000000 };

/* A position where a break rule matched, and the first such rule. */
struct candidate {
	size_t pos;
	size_t rule;	/* SIZE_MAX once a no-break rule cancelled it */
};

struct bt_segmenter {
	const struct srx_rule **rules;	/* borrowed from the bt_srx */
	size_t n_rules;
	pcre2_match_data *md;		/* owned */
	pcre2_match_context *mctx;	/* owned */
	pcre2_jit_stack *jit_stack;	/* owned */
	struct candidate *candidates;	/* owned: where breaks may go */
	size_t n_candidates, cap_candidates;
	size_t len;		/* of the unit being split */
	const struct bt_diag *diag;
	int warned_limit;
};

static void
add_language(struct bt_segmenter *s, const struct srx_language *lang)
{
	s->rules = bt_xreallocarray(s->rules, s->n_rules + lang->n_rules,
				    sizeof(*s->rules));
	for (size_t i = 0; i < lang->n_rules; i++) {
		/* JIT makes the scans several times faster; without it
		 * (an old CPU, a locked-down system) PCRE2 still works. */
		pcre2_jit_compile(lang->rules[i].code, PCRE2_JIT_COMPLETE);
		s->rules[s->n_rules++] = &lang->rules[i];
	}
}

struct bt_segmenter *
bt_segmenter_new(const struct bt_srx *srx, const char *lang,
		 const struct bt_diag *diag, struct bt_error *err)
{
	(void) err;
	struct bt_segmenter *s = bt_xcalloc(1, sizeof(*s));
	s->diag = diag;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	for (size_t i = 0; i < srx->n_maps; i++) {
		const struct srx_map *m = &srx->maps[i];
		int rc = pcre2_match(m->pattern, (PCRE2_SPTR) lang,
				     strlen(lang), 0, 0, md, NULL);
		if (rc < 0)
			continue;
		if (m->language != SIZE_MAX)
			add_language(s, &srx->languages[m->language]);
		if (!srx->cascade)
			break;
	}
	pcre2_match_data_free(md);
	if (!s->n_rules)
		bt_warn(diag, srx->path, 0,
			_("no segmentation rules for language '%s': "
			  "units are not split into sentences"), lang);

	s->md = pcre2_match_data_create(1, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(s->mctx, MATCH_LIMIT);
	s->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	pcre2_jit_stack_assign(s->mctx, NULL, s->jit_stack);
	return s;
}

void
bt_segmenter_free(struct bt_segmenter *s)
{
	if (!s)
		return;
	free(s->rules);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_jit_stack_free(s->jit_stack);
	free(s->candidates);
	free(s);
}

size_t
bt_segmenter_count_rules(const struct bt_segmenter *s)
{
	return s->n_rules;
}

/* Length of the UTF-8 character starting at s[0]. */
static size_t
char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * Calls found(s, rule, pos) for the end of each match of rule r in
 * text[0..len), searching as Java's Matcher.find() does.
 */
static int
scan(struct bt_segmenter *s, size_t r, const char *text, size_t len,
     void (*found)(struct bt_segmenter *, size_t, size_t),
     struct bt_error *err)
{
	const pcre2_code *code = s->rules[r]->code;
	size_t start = 0;
	while (start <= len) {
		int rc = pcre2_match(code, (PCRE2_SPTR) text, len, start,
				     PCRE2_NO_UTF_CHECK, s->md, s->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0) {
			if (!s->warned_limit++)
				bt_warn(s->diag, NULL, s->rules[r]->line,
					_("a segmentation rule gave up on a "
					  "paragraph (PCRE2 error %d): its "
					  "matches there are ignored"), rc);
			(void) err;
			return 0;
		}
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
		found(s, r, ov[1]);
		if (ov[1] > ov[0])
			start = ov[1];
		else if (ov[1] < len)
			start = ov[1] + char_len((unsigned char) text[ov[1]]);
		else
			break;
	}
	return 0;
}

static void
found_break(struct bt_segmenter *s, size_t r, size_t pos)
{
	if (pos == 0 || pos >= s->len)
		return;
	if (s->n_candidates == s->cap_candidates) {
		s->cap_candidates = s->cap_candidates ? s->cap_candidates * 2
						      : 16;
		s->candidates = bt_xreallocarray(s->candidates,
						 s->cap_candidates,
						 sizeof(*s->candidates));
	}
	s->candidates[s->n_candidates++] = (struct candidate){ pos, r };
}

static int
by_position_then_rule(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Sorts the candidates and keeps, for each position, the first rule. */
static void
settle_candidates(struct bt_segmenter *s)
{
	if (s->n_candidates < 2)
		return;
	qsort(s->candidates, s->n_candidates, sizeof(*s->candidates),
	      by_position_then_rule);
	size_t kept = 0;
	for (size_t i = 0; i < s->n_candidates; i++)
		if (!kept || s->candidates[kept - 1].pos
			     != s->candidates[i].pos)
			s->candidates[kept++] = s->candidates[i];
	s->n_candidates = kept;
}

static void
found_no_break(struct bt_segmenter *s, size_t r, size_t pos)
{
	/* A no-break rule wins over the break rules after it. */
	size_t lo = 0, hi = s->n_candidates;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->candidates[mid].pos < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n_candidates && s->candidates[lo].pos == pos
	    && s->candidates[lo].rule != SIZE_MAX
	    && s->candidates[lo].rule > r)
		s->candidates[lo].rule = SIZE_MAX;
}

/* Whether the character ending at text[end] (exclusive) / starting at
 * text[start] is whitespace to trim off a segment's edge. */
static size_t
space_at(const unsigned char *t, size_t n)
{
	if (n >= 1 && (t[0] == ' ' || (t[0] >= '\t' && t[0] <= '\r')))
		return 1;
	if (n >= 2 && t[0] == 0xC2 && t[1] == 0x85)		/* NEL */
		return 2;
	if (n >= 3 && t[0] == 0xE3 && t[1] == 0x80 && t[2] == 0x80)
		return 3;					/* U+3000 */
	if (n >= 3 && t[0] == 0xE2 && t[1] == 0x80
	    && ((t[2] >= 0x80 && t[2] <= 0x86)	/* U+2000..2006 */
		|| (t[2] >= 0x88 && t[2] <= 0x8A)	/* U+2008..200A */
		|| t[2] == 0xA8 || t[2] == 0xA9))	/* U+2028, U+2029 */
		return 3;
	return 0;
}

static size_t
space_before(const unsigned char *t, size_t end)
{
	if (end >= 1 && space_at(t + end - 1, 1))
		return 1;
	if (end >= 2 && space_at(t + end - 2, 2) == 2)
		return 2;
	if (end >= 3 && space_at(t + end - 3, 3) == 3)
		return 3;
	return 0;
}

/*
 * A break that falls before closing codes moves after them: the end of
 * <b>一句话！</b> closes with the sentence, or the next sentence would
 * start with a code whose opening is in this one.
 */
static size_t
after_closing_codes(const char *text, size_t len, size_t pos)
{
	enum bt_code_kind kind;
	while (pos < len && bt_mark_at(text + pos, len - pos, &kind)
	       && kind == BT_CODE_CLOSE)
		pos += BT_MARK_LEN;
	return pos;
}

static void
add_segment(struct bt_unit *u, const char *text, size_t start, size_t end,
	    size_t *cap)
{
	const unsigned char *t = (const unsigned char *) text;
	size_t w;
	while (start < end && (w = space_at(t + start, end - start)))
		start += w;
	while (end > start && (w = space_before(t, end)))
		end -= w;
	if (start == end)
		return;
	if (u->n_segments == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		u->segments = bt_xreallocarray(u->segments, *cap,
					       sizeof(*u->segments));
	}
	u->segments[u->n_segments++] =
		(struct bt_segment){ start, end, NULL, BT_STATE_NONE };
}

int
bt_segmenter_split(struct bt_segmenter *s, struct bt_unit *u,
		   struct bt_error *err)
{
	const char *text = u->source.text;
	size_t len = u->source.len;

	/* A translation read with the document (a PO message's msgstr)
	 * belongs to the whole unit and cannot be split with it. */
	for (size_t i = 0; i < u->n_segments; i++)
		if (u->segments[i].target)
			return 0;
	free(u->segments);
	u->segments = NULL;
	u->n_segments = 0;

	/* Break rules first: where could a break go at all? */
	s->len = len;
	s->n_candidates = 0;
	for (size_t r = 0; r < s->n_rules; r++)
		if (s->rules[r]->is_break
		    && scan(s, r, text, len, found_break, err) < 0)
			return -1;
	settle_candidates(s);
	/* Then the no-break rules that could cancel one of those: those
	 * before the last break rule that placed a candidate. */
	size_t last = 0;
	for (size_t i = 0; i < s->n_candidates; i++)
		if (s->candidates[i].rule > last)
			last = s->candidates[i].rule;
	if (s->n_candidates)
		for (size_t r = 0; r < last; r++)
			if (!s->rules[r]->is_break
			    && scan(s, r, text, len, found_no_break, err) < 0)
				return -1;

	size_t cap = 0, start = 0;
	for (size_t i = 0; i < s->n_candidates; i++)
		if (s->candidates[i].rule != SIZE_MAX) {
			size_t pos = after_closing_codes(text, len,
						s->candidates[i].pos);
			if (pos <= start)
				continue;
			add_segment(u, text, start, pos, &cap);
			start = pos;
		}
	add_segment(u, text, start, len, &cap);
	return 0;
}
