/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The token vectors the aligner compares sentences with (see
 * align-internal.h): what each token contributes, the weight of each
 * feature, and scatter / gather over a dense scratch array.
 *
 * A feature's weight is
 *
 *	(min(cs, ct) / max(cs, ct))^agree * log(1 + (Ns + Nt) / (cs + ct))
 *
 * where cs and ct count it on each side and N are the sentence counts:
 * a name or a number that appears three times on each side is a strong
 * anchor; "de", which a German text has twice and its French translation
 * four hundred times, is almost none.  Cognate features weigh less.
 */
#include "system.h"

#include <math.h>

#include "align/align-internal.h"
#include "core/xalloc.h"

void
links_add(struct links *l, uint32_t src, uint32_t tgt, float p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = bt_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n].src = src;
	l->v[l->n].tgt = tgt;
	l->v[l->n].p = p;
	l->n++;
}

void
links_release(struct links *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
by_src(const void *a, const void *b)
{
	const struct link *x = a, *y = b;
	return x->src < y->src ? -1 : x->src > y->src;
}

/* Builds the raw (feature, weight) lists of each token of one side. */
static void
build_map(struct featmap *fm, size_t n_vocab, const uint32_t *cog,
	  const uint32_t *count, const struct links *links)
{
	size_t li = 0;
	fm->off = bt_xcalloc(n_vocab + 1, sizeof(size_t));
	size_t cap = 2 * n_vocab + (links ? links->n : 0) + 1;
	fm->feat = bt_xmalloc(cap * sizeof(uint32_t));
	fm->w = bt_xmalloc(cap * sizeof(float));
	size_t n = 0;
	for (size_t v = 0; v < n_vocab; v++) {
		fm->off[v] = n;
		if (count[v]) {
			fm->feat[n] = (uint32_t) v;
			fm->w[n++] = 1;
			if (cog[v] != UINT32_MAX) {
				fm->feat[n] = cog[v];
				fm->w[n++] = 1;
			}
		}
		while (links && li < links->n && links->v[li].src < v)
			li++;
		for (; links && li < links->n && links->v[li].src == v; li++) {
			if (!count[v])
				continue;
			fm->feat[n] = links->v[li].tgt;
			fm->w[n++] = links->v[li].p;
		}
	}
	fm->off[n_vocab] = n;
}

/* Drops the entries whose feature weighs nothing. */
static void
prune_map(struct featmap *fm, size_t n_vocab, const float *weight)
{
	size_t n = 0;
	for (size_t v = 0; v < n_vocab; v++) {
		size_t from = fm->off[v], to = fm->off[v + 1];
		fm->off[v] = n;
		for (size_t k = from; k < to; k++)
			if (weight[fm->feat[k]] > 0) {
				fm->feat[n] = fm->feat[k];
				fm->w[n++] = fm->w[k] * weight[fm->feat[k]];
			}
	}
	fm->off[n_vocab] = n;
}

static void
count_features(const struct featmap *fm, const struct tokens *tk,
	       double *c)
{
	for (size_t k = 0; k < tk->off[tk->n]; k++) {
		uint32_t v = tk->ids[k];
		for (size_t e = fm->off[v]; e < fm->off[v + 1]; e++)
			c[fm->feat[e]] += fm->w[e];
	}
}

static void
featmap_release(struct featmap *fm)
{
	free(fm->off);
	free(fm->feat);
	free(fm->w);
	memset(fm, 0, sizeof(*fm));
}

void
model_release(struct model *m)
{
	featmap_release(&m->fs);
	featmap_release(&m->ft);
	free(m->weight);
	free(m->dense);
	m->weight = NULL;
	m->dense = NULL;
}

void
model_build(struct model *m, size_t n_vocab, size_t n_feat,
	    const uint32_t *cog, const uint32_t *count_s,
	    const uint32_t *count_t, struct links *links)
{
	featmap_release(&m->fs);
	featmap_release(&m->ft);
	free(m->weight);
	free(m->dense);
	if (links && links->n)
		qsort(links->v, links->n, sizeof(*links->v), by_src);
	build_map(&m->fs, n_vocab, cog, count_s, links);
	build_map(&m->ft, n_vocab, cog, count_t, NULL);
	double *cs = bt_xcalloc(n_feat, sizeof(double));
	double *ct = bt_xcalloc(n_feat, sizeof(double));
	count_features(&m->fs, m->s, cs);
	count_features(&m->ft, m->t, ct);
	m->n_feat = n_feat;
	m->weight = bt_xcalloc(n_feat, sizeof(float));
	double nsent = (double) (m->s->n + m->t->n);
	for (size_t f = 0; f < n_feat; f++) {
		if (cs[f] <= 0 || ct[f] <= 0)
			continue;
		double lo = cs[f] < ct[f] ? cs[f] : ct[f];
		double hi = cs[f] < ct[f] ? ct[f] : cs[f];
		double w = pow(lo / hi, m->par.agree)
			* log(1 + nsent / (cs[f] + ct[f]));
		if (f >= n_vocab)	/* a cognate key */
			w *= m->par.cognate;
		m->weight[f] = (float) w;
	}
	prune_map(&m->fs, n_vocab, m->weight);
	prune_map(&m->ft, n_vocab, m->weight);
	m->dense = bt_xcalloc(n_feat, sizeof(double));
	free(cs);
	free(ct);
}

void
model_scatter(struct model *m, int side, size_t from, size_t to)
{
	const struct tokens *tk = side ? m->t : m->s;
	const struct featmap *fm = side ? &m->ft : &m->fs;
	for (size_t k = tk->off[from]; k < tk->off[to]; k++) {
		uint32_t v = tk->ids[k];
		for (size_t e = fm->off[v]; e < fm->off[v + 1]; e++)
			m->dense[fm->feat[e]] += fm->w[e];
	}
}

double
model_gather(const struct model *m, int side, size_t from, size_t to)
{
	const struct tokens *tk = side ? m->t : m->s;
	const struct featmap *fm = side ? &m->ft : &m->fs;
	double sum = 0;
	for (size_t k = tk->off[from]; k < tk->off[to]; k++) {
		uint32_t v = tk->ids[k];
		for (size_t e = fm->off[v]; e < fm->off[v + 1]; e++)
			sum += m->dense[fm->feat[e]] * fm->w[e];
	}
	return sum;
}

void
model_clear(struct model *m, int side, size_t from, size_t to)
{
	const struct tokens *tk = side ? m->t : m->s;
	const struct featmap *fm = side ? &m->ft : &m->fs;
	for (size_t k = tk->off[from]; k < tk->off[to]; k++) {
		uint32_t v = tk->ids[k];
		for (size_t e = fm->off[v]; e < fm->off[v + 1]; e++)
			m->dense[fm->feat[e]] = 0;
	}
}

double
model_norm2(struct model *m, int side, size_t from, size_t to)
{
	const struct tokens *tk = side ? m->t : m->s;
	const struct featmap *fm = side ? &m->ft : &m->fs;
	model_scatter(m, side, from, to);
	double sum = 0;
	for (size_t k = tk->off[from]; k < tk->off[to]; k++) {
		uint32_t v = tk->ids[k];
		for (size_t e = fm->off[v]; e < fm->off[v + 1]; e++) {
			double x = m->dense[fm->feat[e]];
			sum += x * x;
			m->dense[fm->feat[e]] = 0;
		}
	}
	return sum + m->par.bg * (double) (tk->off[to] - tk->off[from]);
}
