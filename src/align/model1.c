/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * IBM Model 1 (Brown et al. 1993) on the beads the first pass is sure
 * of: EM over p(target word | source word), with an empty source word
 * to absorb what has no counterpart.  A few hundred sentence pairs teach
 * the common words (und / et, Gipfel / sommet); a document of thousands
 * teaches much more.  Training is capped (MAX_PAIRS entries in the table)
 * so that memory stays bounded however long the documents are.
 */
#include "system.h"
#include "align/align-internal.h"
#include "core/xalloc.h"

enum { MAX_ENTRIES = 1 << 21 };

#define NULL_WORD UINT32_MAX

struct table {
	uint64_t *keys;		/* (src << 32 | tgt) + 1, 0 empty */
	float *p;		/* p(tgt | src) */
	float *count;		/* expected counts of this iteration */
	size_t n_slots, n;
};

static uint64_t
key_of(uint32_t s, uint32_t t)
{
	return ((uint64_t) s << 32 | t) + 1;
}

static size_t
slot(const struct table *tb, uint64_t key)
{
	uint64_t h = key * 0x9E3779B97F4A7C15ULL;
	size_t mask = tb->n_slots - 1;
	size_t i = (size_t) (h >> 20) & mask;
	while (tb->keys[i] && tb->keys[i] != key)
		i = (i + 1) & mask;
	return i;
}

/* Adds the pair; returns false when the table is full. */
static bool
table_add(struct table *tb, uint32_t s, uint32_t t)
{
	uint64_t key = key_of(s, t);
	size_t i = slot(tb, key);
	if (tb->keys[i])
		return true;
	if (2 * (tb->n + 1) > tb->n_slots)
		return false;
	tb->keys[i] = key;
	tb->n++;
	return true;
}

static size_t
find(const struct table *tb, uint32_t s, uint32_t t)
{
	size_t i = slot(tb, key_of(s, t));
	return tb->keys[i] ? i : SIZE_MAX;
}

struct best {
	uint32_t tgt;
	float p;
};

void
model1_learn(const struct tokens *S, const struct tokens *T,
	     size_t vocab_size, const struct model1_pair *pairs, size_t n,
	     int iterations, unsigned max_per_word, float min_p,
	     struct links *out)
{
	struct table tb = { 0 };
	tb.n_slots = 1024;
	while (tb.n_slots < 2 * (size_t) MAX_ENTRIES)
		tb.n_slots *= 2;
	/* Start small; size the table to what the pairs need. */
	size_t want = 0;
	for (size_t k = 0; k < n; k++) {
		size_t ns = S->off[pairs[k].src + pairs[k].n_src]
			- S->off[pairs[k].src] + 1;
		size_t nt = T->off[pairs[k].tgt + pairs[k].n_tgt]
			- T->off[pairs[k].tgt];
		want += ns * nt;
	}
	size_t slots = 1024;
	while (slots < 2 * want && slots < tb.n_slots)
		slots *= 2;
	tb.n_slots = slots;
	tb.keys = bt_xcalloc(tb.n_slots, sizeof(*tb.keys));

	/* The pairs that fit in the table. */
	size_t used = 0;
	for (; used < n; used++) {
		const struct model1_pair *q = &pairs[used];
		bool ok = true;
		for (size_t j = T->off[q->tgt]; ok
		     && j < T->off[q->tgt + q->n_tgt]; j++) {
			ok = table_add(&tb, NULL_WORD, T->ids[j]);
			for (size_t i = S->off[q->src]; ok
			     && i < S->off[q->src + q->n_src]; i++)
				ok = table_add(&tb, S->ids[i], T->ids[j]);
		}
		if (!ok)
			break;
	}
	tb.p = bt_xcalloc(tb.n_slots, sizeof(*tb.p));
	tb.count = bt_xcalloc(tb.n_slots, sizeof(*tb.count));
	for (size_t i = 0; i < tb.n_slots; i++)
		tb.p[i] = 1.0f;		/* uniform: any constant will do */
	float *total = bt_xcalloc(vocab_size + 1, sizeof(*total));

	/* The slots each pair's links use, in order, so that EM walks
	 * arrays instead of hashing: per target word, the empty word's
	 * slot and then the source words'. */
	size_t n_idx = 0;
	for (size_t k = 0; k < used; k++) {
		const struct model1_pair *q = &pairs[k];
		n_idx += (T->off[q->tgt + q->n_tgt] - T->off[q->tgt])
			* (S->off[q->src + q->n_src] - S->off[q->src] + 1);
	}
	uint32_t *idx = bt_xmalloc((n_idx + 1) * sizeof(*idx));
	n_idx = 0;
	for (size_t k = 0; k < used; k++) {
		const struct model1_pair *q = &pairs[k];
		for (size_t j = T->off[q->tgt]; j < T->off[q->tgt + q->n_tgt];
		     j++) {
			uint32_t f = T->ids[j];
			idx[n_idx++] = (uint32_t) find(&tb, NULL_WORD, f);
			for (size_t i = S->off[q->src];
			     i < S->off[q->src + q->n_src]; i++)
				idx[n_idx++] = (uint32_t) find(&tb, S->ids[i], f);
		}
	}

	for (int it = 0; it < iterations; it++) {
		memset(tb.count, 0, tb.n_slots * sizeof(*tb.count));
		size_t x = 0;
		for (size_t k = 0; k < used; k++) {
			const struct model1_pair *q = &pairs[k];
			size_t ns = S->off[q->src + q->n_src] - S->off[q->src]
				+ 1;
			size_t nt = T->off[q->tgt + q->n_tgt] - T->off[q->tgt];
			for (size_t j = 0; j < nt; j++, x += ns) {
				double denom = 0;
				for (size_t i = 0; i < ns; i++)
					denom += tb.p[idx[x + i]];
				if (denom <= 0)
					continue;
				for (size_t i = 0; i < ns; i++)
					tb.count[idx[x + i]] += (float)
						(tb.p[idx[x + i]] / denom);
			}
		}
		memset(total, 0, (vocab_size + 1) * sizeof(*total));
		for (size_t i = 0; i < tb.n_slots; i++) {
			if (!tb.keys[i])
				continue;
			uint32_t s = (uint32_t) ((tb.keys[i] - 1) >> 32);
			total[s == NULL_WORD ? vocab_size : s] += tb.count[i];
		}
		for (size_t i = 0; i < tb.n_slots; i++) {
			if (!tb.keys[i])
				continue;
			uint32_t s = (uint32_t) ((tb.keys[i] - 1) >> 32);
			float tot = total[s == NULL_WORD ? vocab_size : s];
			tb.p[i] = tot > 0 ? tb.count[i] / tot : 0;
		}
	}
	free(idx);

	/* The best translations of each source word. */
	struct best *best = bt_xcalloc(vocab_size * (size_t) max_per_word,
				       sizeof(*best));
	for (size_t i = 0; i < tb.n_slots; i++) {
		if (!tb.keys[i])
			continue;
		uint32_t s = (uint32_t) ((tb.keys[i] - 1) >> 32);
		uint32_t t = (uint32_t) (tb.keys[i] - 1);
		float p = tb.p[i];
		if (s == NULL_WORD || s == t || p < min_p)
			continue;
		struct best *b = best + (size_t) s * max_per_word;
		unsigned k = max_per_word;
		while (k > 0 && b[k - 1].p < p)
			k--;
		if (k == max_per_word)
			continue;
		memmove(b + k + 1, b + k,
			(max_per_word - k - 1) * sizeof(*b));
		b[k].tgt = t;
		b[k].p = p;
	}
	for (size_t s = 0; s < vocab_size; s++)
		for (unsigned k = 0; k < max_per_word; k++)
			if (best[s * max_per_word + k].p > 0)
				links_add(out, (uint32_t) s,
					  best[s * max_per_word + k].tgt,
					  best[s * max_per_word + k].p);
	free(best);
	free(total);
	free(tb.keys);
	free(tb.p);
	free(tb.count);
}
