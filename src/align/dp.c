/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The dynamic programme over beads, inside a band.
 *
 * States are (i, j): the first i source items and the first j target
 * items are aligned.  A bead of a source and b target items leads from
 * (i - a, j - b) to (i, j).  Only the states of the band are kept: row i
 * holds columns lo[i]..hi[i], both non-decreasing in i, so memory and time
 * are the band's area, never the whole matrix.
 *
 * The cost of a bead: the prior of its type, the paragraph term, the
 * length term, and minus the lexical evidence: for each item of the
 * bead, how much of its vector the other side's items cover (coverage()
 * below).  That needs only the items' norms and the dot products of one
 * source item with one target item, computed once per band cell (struct
 * dots), so a bead of 2-2 costs four look-ups, not a new vector.
 */
#include "system.h"

#include <math.h>

#include "align/align-internal.h"
#include "core/xalloc.h"

/*
 * Items of many sentences (the coarse levels) are compared through dense
 * vectors of DENSE_DIM numbers: each feature adds its weight, with a sign,
 * to one coordinate chosen by a hash.  Dot products keep their expected
 * value, and cost DENSE_DIM operations however long the items, where the
 * exact sparse ones would cost the items' length: that is what keeps the
 * coarse levels, and the whole-rectangle DP at the coarsest, linear.
 */
enum { DENSE_DIM = 64, DENSE_FROM = 8 };

static float *
dense_vectors(const struct model *m, int side, const struct items *it)
{
	const struct tokens *tk = side ? m->t : m->s;
	const struct featmap *fm = side ? &m->ft : &m->fs;
	float *v = bt_xcalloc(it->n * DENSE_DIM + 1, sizeof(float));
	for (size_t r = 0; r < it->n; r++) {
		float *x = v + r * DENSE_DIM;
		for (size_t k = tk->off[it->b[r]]; k < tk->off[it->b[r + 1]];
		     k++) {
			uint32_t t = tk->ids[k];
			for (size_t e = fm->off[t]; e < fm->off[t + 1]; e++) {
				uint32_t h = fm->feat[e] * 2654435761u;
				float w = fm->w[e];
				x[h >> 26] += h & 0x8000 ? w : -w;
			}
		}
	}
	return v;
}

static double
dense_dot(const float *x, const float *y)
{
	float s = 0;
	for (size_t k = 0; k < DENSE_DIM; k++)
		s += x[k] * y[k];
	return s;
}

/* What the DP needs of each item of one side. */
struct side_items {
	double *len;	/* characters */
	double *cum;	/* cum[r]: characters of items before r */
	uint32_t *cbrk;	/* cbrk[r]: breaks at the starts of items < r */
	double *inv;	/* 1 / n2, or 0 */
	double *mass;	/* n2 / (n2 + tau) */
	bool *end;	/* end[r]: a paragraph ends before item r */
	double *n2;	/* |v|^2 */
	uint32_t *brk;	/* paragraph breaks before item r (at its start) */
};

static void
side_items_init(struct side_items *si, struct model *m, int side,
		const struct items *it, const float *dense)
{
	const struct tokens *tk = side ? m->t : m->s;
	size_t n = it->n;
	si->len = bt_xcalloc(n + 1, sizeof(double));
	si->n2 = bt_xcalloc(n + 1, sizeof(double));
	si->brk = bt_xcalloc(n + 1, sizeof(uint32_t));
	si->cum = bt_xcalloc(n + 1, sizeof(double));
	si->cbrk = bt_xcalloc(n + 1, sizeof(uint32_t));
	si->inv = bt_xcalloc(n + 1, sizeof(double));
	si->mass = bt_xcalloc(n + 1, sizeof(double));
	si->end = bt_xcalloc(n + 1, sizeof(bool));
	for (size_t r = 0; r < n; r++) {
		size_t from = it->b[r], to = it->b[r + 1];
		double len = 0;
		for (size_t k = from; k < to; k++)
			len += tk->chars[k];
		si->len[r] = len;
		si->brk[r] = from > 0 && from < tk->n
			&& tk->para[from] != tk->para[from - 1];
		if (dense) {
			const float *x = dense + r * DENSE_DIM;
			si->n2[r] = dense_dot(x, x);
		} else {
			si->n2[r] = model_norm2(m, side, from, to);
		}
	}
	for (size_t r = 0; r <= n; r++)
		si->end[r] = r == 0 || r == n || si->brk[r];
	for (size_t r = 0; r < n; r++) {
		si->cum[r + 1] = si->cum[r] + si->len[r];
		si->cbrk[r + 1] = si->cbrk[r] + si->brk[r];
		if (si->n2[r] > 0) {
			si->inv[r] = 1 / si->n2[r];
			si->mass[r] = si->n2[r] / (si->n2[r] + m->par.tau);
		}
	}
}

static void
side_items_release(struct side_items *si)
{
	free(si->len);
	free(si->n2);
	free(si->brk);
	free(si->cum);
	free(si->cbrk);
	free(si->inv);
	free(si->mass);
	free(si->end);
}

/* The pairwise dots of the band: row r holds columns [lo[r], hi[r]). */
struct dots {
	size_t *lo, *hi, *off;
	float *v;
};

static double
dot_at(const struct dots *d, size_t r, size_t c)
{
	if (c < d->lo[r] || c >= d->hi[r])
		return 0;
	return d->v[d->off[r] + c - d->lo[r]];
}

static void
dots_init(struct dots *d, struct model *m, const struct items *S,
	  const struct items *T, const struct band *band, unsigned max_a,
	  unsigned max_b, const float *ds, const float *dt)
{
	size_t ns = S->n, nt = T->n;
	d->lo = bt_xcalloc(ns + 1, sizeof(size_t));
	d->hi = bt_xcalloc(ns + 1, sizeof(size_t));
	d->off = bt_xcalloc(ns + 1, sizeof(size_t));
	size_t total = 0;
	for (size_t r = 0; r < ns; r++) {
		/* Item r is in beads that end in rows r + 1 .. r + max_a. */
		size_t last = r + max_a < ns ? r + max_a : ns;
		size_t lo = band->lo[r + 1] > max_b ? band->lo[r + 1] - max_b
			: 0;
		size_t hi = band->hi[last] < nt ? band->hi[last] : nt;
		if (hi < lo)
			hi = lo;
		d->lo[r] = lo;
		d->hi[r] = hi;
		d->off[r] = total;
		total += hi - lo;
	}
	d->v = bt_xmalloc((total ? total : 1) * sizeof(float));
	for (size_t r = 0; r < ns; r++) {
		if (d->hi[r] == d->lo[r])
			continue;
		if (ds) {
			for (size_t c = d->lo[r]; c < d->hi[r]; c++)
				d->v[d->off[r] + c - d->lo[r]] = (float)
					dense_dot(ds + r * DENSE_DIM,
						  dt + c * DENSE_DIM);
			continue;
		}
		model_scatter(m, 0, S->b[r], S->b[r + 1]);
		for (size_t c = d->lo[r]; c < d->hi[r]; c++)
			d->v[d->off[r] + c - d->lo[r]] = (float)
				model_gather(m, 1, T->b[c], T->b[c + 1]);
		model_clear(m, 0, S->b[r], S->b[r + 1]);
	}
}

static void
dots_release(struct dots *d)
{
	free(d->lo);
	free(d->hi);
	free(d->off);
	free(d->v);
}

void
path_release(struct path *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

static void
path_push(struct path *p, struct step s)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 256;
		p->v = bt_xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	p->v[p->n++] = s;
}

/*
 * How well the bead covers one of its items (r of side si, matched with
 * weight `matched` by the bead's `partners` items of the other side):
 * the item's weight (its saturating norm) times its coverage, less c0
 * and less kappa per partner beyond the first (more partners match more
 * by chance).  An item with no feature says nothing; one full of anchors
 * that the other side lacks says "not here".
 */
static inline double
coverage(const struct model *m, const struct side_items *si, size_t r,
	 double matched, unsigned partners)
{
	double cov = matched * si->inv[r];
	if (cov > 1)
		cov = 1;
	return si->mass[r] * (cov - m->par.c0
			      - m->par.kappa * (partners - 1));
}

/* The cost of the bead of type t ending at (i, j); *ev gets its lexical
 * evidence. */
static double
bead_cost(const struct model *m, const struct side_items *si,
	  const struct side_items *ti, const struct dots *d, unsigned t,
	  size_t i, size_t j, double *ev)
{
	unsigned a = bt_align_types[t].a, b = bt_align_types[t].b;
	double cost = m->prior[t];
	if (m->paragraphs) {
		/* Sentences of two paragraphs in one bead; and a bead that
		 * ends a paragraph on one side only (where both sides end
		 * one, the paragraphs match). */
		if (a > 1 || b > 1)
			cost += m->par.para
				* (si->cbrk[i] - si->cbrk[i - a + 1]
				   + ti->cbrk[j] - ti->cbrk[j - b + 1]);
		if (si->end[i] != ti->end[j])
			cost += m->par.para;
	}
	*ev = 0;
	/* A sentence without a counterpart has no length to compare, and
	 * claims nothing about words: its cost is its prior and the skip
	 * cost. */
	if (!a || !b)
		return cost + m->par.skip;
	double ls = si->cum[i] - si->cum[i - a];
	double lt = ti->cum[j] - ti->cum[j - b];
	cost += m->par.len * length_cost(&m->lm, ls, lt);
	double dot[3][3] = { { 0 } };
	for (unsigned x = 0; x < a; x++)
		for (unsigned y = 0; y < b; y++)
			dot[x][y] = dot_at(d, i - a + x, j - b + y);
	double lex = 0;
	for (unsigned x = 0; x < a; x++)
		lex += coverage(m, si, i - a + x,
				dot[x][0] + dot[x][1] + dot[x][2], b);
	for (unsigned y = 0; y < b; y++)
		lex += coverage(m, ti, j - b + y,
				dot[0][y] + dot[1][y] + dot[2][y], a);
	*ev = lex;
	return cost - m->par.lex * lex;
}

void
dp_run(struct model *m, const struct items *S, const struct items *T,
       const struct band *band, unsigned max_a, unsigned max_b,
       struct path *out)
{
	size_t ns = S->n, nt = T->n;
	struct side_items si, ti;
	float *ds = NULL, *dt = NULL;
	if (ns && nt && S->b[ns] >= DENSE_FROM * ns
	    && T->b[nt] >= DENSE_FROM * nt) {
		ds = dense_vectors(m, 0, S);
		dt = dense_vectors(m, 1, T);
	}
	side_items_init(&si, m, 0, S, ds);
	side_items_init(&ti, m, 1, T, dt);
	struct dots d;
	dots_init(&d, m, S, T, band, max_a, max_b, ds, dt);
	free(ds);
	free(dt);

	size_t *row = bt_xcalloc(ns + 2, sizeof(size_t));
	for (size_t i = 0; i <= ns; i++)
		row[i + 1] = row[i] + (band->hi[i] - band->lo[i] + 1);
	size_t cells = row[ns + 1];
	double *cost = bt_xmalloc(cells * sizeof(double));
	uint8_t *back = bt_xmalloc(cells);

	for (size_t i = 0; i <= ns; i++) {
		for (size_t j = band->lo[i]; j <= band->hi[i]; j++) {
			size_t cell = row[i] + j - band->lo[i];
			double best = HUGE_VAL;
			uint8_t how = 0xFF;
			if (i == 0 && j == 0)
				best = 0;
			for (unsigned t = 0; t < BT_ALIGN_N_TYPES; t++) {
				unsigned a = bt_align_types[t].a;
				unsigned b = bt_align_types[t].b;
				if (a > max_a || b > max_b || a > i || b > j)
					continue;
				size_t pi = i - a, pj = j - b;
				if (pj < band->lo[pi] || pj > band->hi[pi])
					continue;
				double prev = cost[row[pi] + pj
						   - band->lo[pi]];
				if (prev == HUGE_VAL)
					continue;
				double c;
				double here = prev + bead_cost(m, &si, &ti, &d,
							       t, i, j, &c);
				if (here < best) {
					best = here;
					how = (uint8_t) t;
				}
			}
			cost[cell] = best;
			back[cell] = how;
		}
	}

	/* Back from the end.  The band always holds a path: 1-0 and 0-1
	 * beads reach every state from its neighbours. */
	size_t i = ns, j = nt, n = 0;
	out->n = 0;
	while (i > 0 || j > 0) {
		size_t cell = row[i] + j - band->lo[i];
		unsigned t = back[cell];
		if (t == 0xFF)
			BT_BUG("no path through the alignment band");
		double c;
		double bc = bead_cost(m, &si, &ti, &d, t, i, j, &c);
		struct step s = { i, j, t, bc, c };
		path_push(out, s);
		i -= bt_align_types[t].a;
		j -= bt_align_types[t].b;
		n++;
	}
	/* Into document order. */
	for (size_t k = 0; k < out->n / 2; k++) {
		struct step tmp = out->v[k];
		out->v[k] = out->v[out->n - 1 - k];
		out->v[out->n - 1 - k] = tmp;
	}
	free(row);
	free(cost);
	free(back);
	dots_release(&d);
	side_items_release(&si);
	side_items_release(&ti);
}
