/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The length model of Gale and Church (1993), in characters: a sentence
 * of ls characters translates into about ratio * ls characters, and the
 * difference is normal with a variance proportional to the length.  The
 * ratio comes from the two documents' totals, so the model needs no
 * tables and works for any pair of languages (Chinese has about a third
 * of the characters of its English translation; German a little fewer
 * than French).  The variance starts at Gale and Church's 6.8 and is
 * re-estimated from the first pass's sure 1-1 beads.
 */
#include "system.h"

#include <math.h>

#include "align/align-internal.h"

void
length_init(struct length_model *lm, double total_src, double total_tgt)
{
	lm->ratio = total_src > 0 && total_tgt > 0 ? total_tgt / total_src
		: 1.0;
	lm->var = 6.8;
	for (size_t k = 0; k < BT_LENGTH_TABLE; k++) {
		double x = (double) k / BT_LENGTH_STEPS;
		lm->table[k] = -log(erfc(x) + 1e-300);
	}
}

double
length_cost(const struct length_model *lm, double ls, double lt)
{
	/* The mean of the two lengths in source characters: symmetric, so
	 * that a 1-0 bead and a 0-1 bead of the same text cost the same. */
	double mean = (ls + lt / lm->ratio) / 2;
	if (mean <= 0)
		return 0;
	double delta = fabs(lt - ls * lm->ratio)
		/ sqrt(lm->var * mean * lm->ratio);
	double x = delta / M_SQRT2;
	/* -log(2 (1 - Phi(delta))) = -log(erfc(delta / sqrt 2)), from the
	 * table (linear between its points); past it, the asymptote. */
	double at = x * BT_LENGTH_STEPS;
	if (at < BT_LENGTH_TABLE - 1) {
		size_t k = (size_t) at;
		double f = at - (double) k;
		return lm->table[k] + f * (lm->table[k + 1] - lm->table[k]);
	}
	return x * x + log(x * sqrt(M_PI));
}

void
length_fit(struct length_model *lm, const double *ls, const double *lt,
	   size_t n)
{
	if (n < 20)
		return;		/* too few to say better than the default */
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		double mean = (ls[i] + lt[i] / lm->ratio) / 2;
		if (mean <= 0)
			continue;
		double d = lt[i] - ls[i] * lm->ratio;
		sum += d * d / (mean * lm->ratio);
	}
	double var = sum / (double) n;
	/* Sure beads are the easy ones: do not trust a variance much below
	 * what real translations show. */
	if (var < 2)
		var = 2;
	if (var > 40)
		var = 40;
	lm->var = var;
}
