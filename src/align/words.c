/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Words of the dictionary in text written without spaces.
 *
 * The tokeniser gives each Han ideograph and kana its own token: it knows
 * no words.  A dictionary does: "世卫组织 → WHO" links the word, and
 * linking each of its four characters to "WHO" would link 组 and 织 in
 * every "组织" (organisation) too.  So, when a dictionary is given, runs
 * of ideograph tokens are cut into its words, and each word becomes one
 * token.  The cut is the one with the fewest words, then the fewest
 * characters left alone, then the shortest first word (a dynamic
 * programme over the run).  Forward maximum matching, the classic way,
 * takes the longest word at each place and so reads "14日中国" (on the
 * 14th, China) as "日中" (Japan-China) and "国"; this cut finds "日" and
 * "中国".  The dictionary's own phrases are cut the same way, so a word in
 * the text and the same word in the dictionary are one vocabulary id.
 */
#include "system.h"

#include <unistr.h>

#include "align/align-internal.h"
#include "core/xalloc.h"

/* Longest word tried, in characters. */
enum { MAX_WORD_CHARS = 12 };

bool
bt_align_is_ideograph(const char *tok, size_t len)
{
	ucs4_t c;
	int w = u8_mbtouc(&c, (const uint8_t *) tok, len);
	return w > 0 && (size_t) w == len && bt_align_ideograph_char(c);
}

void
lexicon_init(struct lexicon *l)
{
	vocab_init(&l->words);
	l->longest = NULL;
}

void
lexicon_release(struct lexicon *l)
{
	vocab_release(&l->words);
	free(l->longest);
	l->longest = NULL;
}

void
lexicon_add(struct lexicon *l, const char *word, size_t len)
{
	size_t chars = 0;
	ucs4_t first = 0;
	for (size_t i = 0; i < len; chars++) {
		ucs4_t c;
		int w = u8_mbtouc(&c, (const uint8_t *) word + i, len - i);
		if (w <= 0 || !bt_align_is_ideograph(word + i, (size_t) w))
			return;
		if (!chars)
			first = c;
		i += (size_t) w;
	}
	if (chars < 2)
		return;
	/* A longer word is kept whole (a dictionary entry of it stays one
	 * entry) but never found in text. */
	vocab_intern(&l->words, word, len);
	if (chars > MAX_WORD_CHARS)
		chars = MAX_WORD_CHARS;
	if (!l->longest)
		l->longest = bt_xcalloc(0x10000, 1);
	if (first < 0x10000 && l->longest[first] < chars)
		l->longest[first] = (uint8_t) chars;
}

bool
lexicon_has(const struct lexicon *l, const char *s, size_t len)
{
	return l->longest && vocab_find(&l->words, s, len) != UINT32_MAX;
}

/* The longest word that may start with the ideograph at s. */
static size_t
longest_from(const struct lexicon *l, const char *s, size_t len)
{
	ucs4_t c;
	if (u8_mbtouc(&c, (const uint8_t *) s, len) <= 0)
		return 1;
	return c < 0x10000 ? l->longest[c] : MAX_WORD_CHARS;
}

void
word_joiner_init(struct word_joiner *j, const struct lexicon *lexicon,
		 bt_align_tok_fn emit, void *ctx)
{
	memset(j, 0, sizeof(*j));
	j->lexicon = lexicon && lexicon->longest ? lexicon : NULL;
	j->emit = emit;
	j->ctx = ctx;
	bt_buf_init(&j->run);
}

void
word_joiner_release(struct word_joiner *j)
{
	bt_buf_release(&j->run);
	free(j->ends);
	free(j->cut);
}

/* The best cut of the ideographs from one place to the end of the run. */
struct word_cut {
	uint32_t words, singles;	/* from here to the end of the run */
	uint32_t first;			/* characters in the first word */
};

static bool
better(struct word_cut a, struct word_cut b)
{
	return a.words != b.words ? a.words < b.words
		: a.singles < b.singles;
}

/* Cuts the run of ideographs held into words and passes them on. */
void
word_joiner_flush(struct word_joiner *j)
{
	const char *s = j->run.data;
	size_t n = j->n;
	if (!n)
		return;
	/* From the end: the best cut of ideographs i.. given those of
	 * every later place. */
	j->cut[n] = (struct word_cut) { 0, 0, 0 };
	for (size_t i = n; i-- > 0;) {
		size_t at = i ? j->ends[i - 1] : 0;
		struct word_cut best = j->cut[i + 1];
		best.words++;
		best.singles++;
		best.first = 1;
		size_t k = longest_from(j->lexicon, s + at, j->ends[i] - at);
		if (k > n - i)
			k = n - i;
		for (size_t w = 2; w <= k; w++) {
			if (vocab_find(&j->lexicon->words, s + at,
				       j->ends[i + w - 1] - at) == UINT32_MAX)
				continue;
			struct word_cut c = j->cut[i + w];
			c.words++;
			c.first = (uint32_t) w;
			if (better(c, best))
				best = c;
		}
		j->cut[i] = best;
	}
	for (size_t i = 0, at = 0; i < n;) {
		size_t end = j->ends[i + j->cut[i].first - 1];
		j->emit(j->ctx, s + at, end - at);
		at = end;
		i += j->cut[i].first;
	}
	j->n = 0;
	bt_buf_reset(&j->run);
}

void
word_joiner_token(void *ctx, const char *tok, size_t len)
{
	struct word_joiner *j = ctx;
	if (!j->lexicon) {
		j->emit(j->ctx, tok, len);
		return;
	}
	if (!bt_align_is_ideograph(tok, len)) {
		word_joiner_flush(j);
		j->emit(j->ctx, tok, len);
		return;
	}
	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 64;
		j->ends = bt_xreallocarray(j->ends, j->cap, sizeof(size_t));
		j->cut = bt_xreallocarray(j->cut, j->cap + 1, sizeof(*j->cut));
	}
	bt_buf_add(&j->run, tok, len);
	j->ends[j->n++] = j->run.len;
}
