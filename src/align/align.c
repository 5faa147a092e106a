/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The aligner's driver: tokenises both sides, builds the model, and runs
 * the banded DP coarse to fine, in two passes.
 *
 * Coarse to fine: to align n items with m items, align coarser items
 * first (the paragraphs, when both sides have them; otherwise pairs of
 * neighbouring items, recursively), then run the DP only in a band of
 * BAND items around the coarse path.  Below FULL_CELLS states the DP
 * takes the whole rectangle, which is then small.  Each level costs time
 * and memory proportional to its items times the band, and the levels
 * halve: the whole is linear in the documents' length.  A coarse path
 * that paragraphs give lets the sentence level wander BAND sentences off
 * it, so a paragraph split differently on the two sides is recovered.
 *
 * Two passes: the first scores beads with lengths, anchors, identical
 * tokens, cognates and the dictionary.  From its surest beads come a
 * better length variance, the frequency of each bead type, and word
 * translations learnt by Model 1; the second pass realigns in a band
 * around the first's path with all of that.
 */
#include "system.h"

#include <math.h>

#include "align/align-internal.h"
#include "core/xalloc.h"

const struct bead_type bt_align_types[BT_ALIGN_N_TYPES] = {
	{ 1, 1 }, { 1, 0 }, { 0, 1 }, { 1, 2 },
	{ 2, 1 }, { 2, 2 }, { 1, 3 }, { 3, 1 },
};

static const char *const type_names[BT_ALIGN_N_TYPES] = {
	"1-1", "1-0", "0-1", "1-2", "2-1", "2-2", "1-3", "3-1",
};

/* How often each type is, before the first pass has counted. */
static const double default_p[BT_ALIGN_N_TYPES] = {
	0.80, 0.01, 0.01, 0.06, 0.06, 0.02, 0.01, 0.01,
};

enum {
	FULL_CELLS = 1 << 16,	/* states below which the DP takes all */
	MAX_TRAIN = 5000,	/* bead pairs Model 1 learns from, at most */
};

const char *
bt_align_type_name(unsigned t)
{
	return t < BT_ALIGN_N_TYPES ? type_names[t] : "?";
}

unsigned
bt_align_type_of(unsigned n_src, unsigned n_tgt)
{
	for (unsigned t = 0; t < BT_ALIGN_N_TYPES; t++)
		if (bt_align_types[t].a == n_src && bt_align_types[t].b == n_tgt)
			return t;
	return BT_ALIGN_N_TYPES;
}

void
bt_alignment_release(struct bt_alignment *a)
{
	free(a->beads);
	memset(a, 0, sizeof(*a));
}

static void
params_default(struct params *p)
{
	p->lex = 6.0;
	p->tau = 1.0;
	p->c0 = 0.3;
	p->kappa = 0.3;
	p->bg = 0;
	p->cognate = 0.5;
	p->agree = 1.0;
	p->skip = 3.0;
	p->para = 2.0;
	p->len = 1.0;
	p->band = 4;
	p->passes = 2;
	/* BITEXT_ALIGN_PARAMS="lex=5,bg=0.2": for tuning on held-out data. */
	const char *env = getenv("BITEXT_ALIGN_PARAMS");
	while (env && *env) {
		char name[16];
		double v;
		int used;
		if (sscanf(env, "%15[a-z0-9_]=%lf%n", name, &v, &used) != 2)
			break;
		if (!strcmp(name, "lex")) p->lex = v;
		else if (!strcmp(name, "tau")) p->tau = v;
		else if (!strcmp(name, "c0")) p->c0 = v;
		else if (!strcmp(name, "kappa")) p->kappa = v;
		else if (!strcmp(name, "passes")) p->passes = v;
		else if (!strcmp(name, "learn_priors")) p->learn_priors = v;
		else if (!strcmp(name, "bg")) p->bg = v;
		else if (!strcmp(name, "cognate")) p->cognate = v;
		else if (!strcmp(name, "agree")) p->agree = v;
		else if (!strcmp(name, "skip")) p->skip = v;
		else if (!strcmp(name, "para")) p->para = v;
		else if (!strcmp(name, "len")) p->len = v;
		else if (!strcmp(name, "band")) p->band = (unsigned) v;
		env += used;
		if (*env == ',')
			env++;
	}
}

/* ---- tokenising ------------------------------------------------------------------ */

struct tok_ctx {
	struct vocab *v;
	struct tokens *tk;
	size_t n, cap;		/* tokens so far, room */
};

static void
on_token(void *ctx, const char *tok, size_t len)
{
	struct tok_ctx *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4096;
		c->tk->ids = bt_xreallocarray(c->tk->ids, c->cap,
					      sizeof(uint32_t));
	}
	c->tk->ids[c->n++] = vocab_intern(c->v, tok, len);
}

static void
tokenise(const struct bt_align_side *side, const struct lexicon *lexicon,
	 struct vocab *v, struct tokens *tk)
{
	size_t n = bt_align_side_count(side);
	memset(tk, 0, sizeof(*tk));
	tk->n = n;
	tk->off = bt_xcalloc(n + 1, sizeof(size_t));
	tk->chars = bt_xcalloc(n + 1, sizeof(float));
	tk->para = bt_xcalloc(n + 1, sizeof(uint32_t));
	tk->n_paras = bt_align_side_paragraphs(side);
	struct tok_ctx c = { v, tk, 0, 0 };
	struct word_joiner j;
	word_joiner_init(&j, lexicon, on_token, &c);
	for (size_t i = 0; i < n; i++) {
		struct bt_content s;
		bt_align_side_sentence(side, i, &s);
		tk->off[i] = c.n;
		size_t chars = bt_align_tokenize(s.text, s.len,
						 word_joiner_token, &j);
		word_joiner_flush(&j);
		tk->chars[i] = (float) chars;
		tk->total_chars += (double) chars;
		tk->para[i] = (uint32_t) bt_align_side_paragraph_of(side, i);
	}
	tk->off[n] = c.n;
	word_joiner_release(&j);
}

static void
tokens_release(struct tokens *tk)
{
	free(tk->off);
	free(tk->ids);
	free(tk->chars);
	free(tk->para);
}

/* ---- bands ----------------------------------------------------------------------------- */

static void
band_alloc(struct band *b, size_t ns)
{
	b->lo = bt_xcalloc(ns + 1, sizeof(size_t));
	b->hi = bt_xcalloc(ns + 1, sizeof(size_t));
}

static void
band_release(struct band *b)
{
	free(b->lo);
	free(b->hi);
}

/*
 * The band around a coarse path: each coarse bead's rectangle in fine
 * items (coarse item k is fine items [map_s[k], map_s[k + 1])), widened
 * by w items every way.
 */
static void
project_band(const struct path *cp, const size_t *map_s, const size_t *map_t,
	     size_t ns, size_t nt, size_t w, struct band *out)
{
	size_t *lo = bt_xmalloc((ns + 1) * sizeof(size_t));
	size_t *hi = bt_xcalloc(ns + 1, sizeof(size_t));
	for (size_t i = 0; i <= ns; i++)
		lo[i] = SIZE_MAX;
	lo[0] = 0;
	size_t I = 0, J = 0;
	for (size_t k = 0; k < cp->n; k++) {
		size_t I1 = cp->v[k].i, J1 = cp->v[k].j;
		size_t r0 = map_s[I], r1 = map_s[I1];
		size_t c0 = map_t[J], c1 = map_t[J1];
		for (size_t r = r0; r <= r1; r++) {
			if (c0 < lo[r])
				lo[r] = c0;
			if (c1 > hi[r])
				hi[r] = c1;
		}
		I = I1;
		J = J1;
	}
	band_alloc(out, ns);
	for (size_t i = 0; i <= ns; i++) {
		size_t a = i > w ? i - w : 0;
		size_t b = i + w < ns ? i + w : ns;
		out->lo[i] = lo[a] == SIZE_MAX ? 0 : lo[a] > w ? lo[a] - w : 0;
		out->hi[i] = hi[b] + w < nt ? hi[b] + w : nt;
	}
	/* Monotone and connected: every state reachable. */
	out->lo[0] = 0;
	out->hi[ns] = nt;
	for (size_t i = 1; i <= ns; i++) {
		if (out->lo[i] < out->lo[i - 1])
			out->lo[i] = out->lo[i - 1];
		if (out->hi[i] < out->hi[i - 1])
			out->hi[i] = out->hi[i - 1];
		if (out->lo[i] > out->hi[i - 1])
			out->lo[i] = out->hi[i - 1];
	}
	for (size_t i = 0; i <= ns; i++)
		if (out->hi[i] < out->lo[i])
			out->hi[i] = out->lo[i];
	free(lo);
	free(hi);
}

static void
full_band(struct band *b, size_t ns, size_t nt)
{
	band_alloc(b, ns);
	for (size_t i = 0; i <= ns; i++) {
		b->lo[i] = 0;
		b->hi[i] = nt;
	}
}

/* ---- coarse to fine ------------------------------------------------------------------------ */

/* Coarse items of pairs of fine items; map[k] is the first fine item of
 * coarse item k (map has n + 1 entries). */
static size_t *
coarsen_pairs(const struct items *fine, struct items *coarse)
{
	size_t n = fine->n <= 1 ? fine->n : (fine->n + 1) / 2;
	size_t step = fine->n <= 1 ? 1 : 2;
	size_t *map = bt_xmalloc((n + 1) * sizeof(size_t));
	coarse->n = n;
	coarse->b = bt_xmalloc((n + 1) * sizeof(size_t));
	for (size_t k = 0; k < n; k++)
		map[k] = k * step;
	map[n] = fine->n;
	for (size_t k = 0; k <= n; k++)
		coarse->b[k] = fine->b[map[k]];
	return map;
}

/* Coarse items of paragraphs (the fine items are sentences). */
static size_t *
coarsen_paragraphs(const struct items *fine, const struct tokens *tk,
		   struct items *coarse)
{
	size_t *map = bt_xmalloc((tk->n_paras + 2) * sizeof(size_t));
	size_t n = 0;
	for (size_t k = 0; k < fine->n; k++)
		if (k == 0 || tk->para[k] != tk->para[k - 1])
			map[n++] = k;
	map[n] = fine->n;
	coarse->n = n;
	coarse->b = bt_xmalloc((n + 1) * sizeof(size_t));
	for (size_t k = 0; k <= n; k++)
		coarse->b[k] = fine->b[map[k]];
	return map;
}

static void
solve(struct model *m, const struct items *S, const struct items *T,
      bool by_paragraph, struct path *out)
{
	struct band band;
	if ((double) (S->n + 1) * (double) (T->n + 1) <= FULL_CELLS) {
		full_band(&band, S->n, T->n);
	} else {
		struct items cs, ct;
		size_t *ms, *mt;
		if (by_paragraph) {
			ms = coarsen_paragraphs(S, m->s, &cs);
			mt = coarsen_paragraphs(T, m->t, &ct);
		} else {
			ms = coarsen_pairs(S, &cs);
			mt = coarsen_pairs(T, &ct);
		}
		struct path cp = { NULL, 0, 0 };
		solve(m, &cs, &ct, false, &cp);
		project_band(&cp, ms, mt, S->n, T->n, m->par.band, &band);
		path_release(&cp);
		free(cs.b);
		free(ct.b);
		free(ms);
		free(mt);
	}
	dp_run(m, S, T, &band, 3, 3, out);
	band_release(&band);
}

/* ---- the two passes ------------------------------------------------------------------------ */

struct run {
	struct vocab vocab;
	struct tokens s, t;
	size_t n_words;		/* token ids; cognate keys follow */
	uint32_t *cog;		/* per token id: its key, or UINT32_MAX */
	uint32_t *count_s, *count_t;
	struct model m;
};

static void
run_release(struct run *r)
{
	model_release(&r->m);
	free(r->cog);
	free(r->count_s);
	free(r->count_t);
	tokens_release(&r->s);
	tokens_release(&r->t);
	vocab_release(&r->vocab);
}

static void
prepare(struct run *r, const struct bt_align_side *src,
	const struct bt_align_side *tgt, const struct bt_align_dict *dict)
{
	vocab_init(&r->vocab);
	tokenise(src, dict_lexicon(dict), &r->vocab, &r->s);
	tokenise(tgt, dict_lexicon(dict), &r->vocab, &r->t);
	size_t n = r->n_words = r->vocab.n;
	r->count_s = bt_xcalloc(n + 1, sizeof(uint32_t));
	r->count_t = bt_xcalloc(n + 1, sizeof(uint32_t));
	for (size_t k = 0; k < r->s.off[r->s.n]; k++)
		r->count_s[r->s.ids[k]]++;
	for (size_t k = 0; k < r->t.off[r->t.n]; k++)
		r->count_t[r->t.ids[k]]++;
	r->cog = bt_xmalloc((n + 1) * sizeof(uint32_t));
	for (size_t v = 0; v < n; v++) {
		size_t len;
		const char *w = vocab_str(&r->vocab, (uint32_t) v, &len);
		char key[64];
		size_t kl = bt_align_cognate_key(w, len, key, sizeof(key));
		r->cog[v] = kl ? vocab_intern(&r->vocab, key, kl) : UINT32_MAX;
	}
}

static void
set_priors(struct model *m, const double *p)
{
	for (unsigned t = 0; t < BT_ALIGN_N_TYPES; t++)
		m->prior[t] = -log(p[t]);
}

/* Cost per sentence of a bead beyond its prior: the evidence against it. */
static double
evidence(const struct model *m, const struct step *s)
{
	unsigned a = bt_align_types[s->type].a, b = bt_align_types[s->type].b;
	return (s->cost - m->prior[s->type]) / ((a + b) / 2.0);
}

static int
by_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

/*
 * What the first pass teaches the second: type frequencies, the length
 * variance, and Model 1's word translations from the surer beads.
 */
static void
learn(struct run *r, const struct path *p, struct links *links)
{
	struct model *m = &r->m;
	double count[BT_ALIGN_N_TYPES] = { 0 }, total = 0;
	for (size_t k = 0; k < p->n; k++) {
		count[p->v[k].type]++;
		total++;
	}
	double prob[BT_ALIGN_N_TYPES];
	const double weight = 20;	/* pseudo-beads of the defaults */
	for (unsigned t = 0; t < BT_ALIGN_N_TYPES; t++)
		prob[t] = (count[t] + weight * default_p[t]) / (total + weight);
	if (m->par.learn_priors)
		set_priors(m, prob);

	/* The beads with both sides, surest first. */
	double *ev = bt_xmalloc((p->n + 1) * sizeof(double));
	size_t n_ev = 0;
	for (size_t k = 0; k < p->n; k++)
		if (bt_align_types[p->v[k].type].a
		    && bt_align_types[p->v[k].type].b)
			ev[n_ev++] = evidence(m, &p->v[k]);
	if (!n_ev) {
		free(ev);
		return;
	}
	qsort(ev, n_ev, sizeof(double), by_double);
	double cut = ev[(size_t) (0.7 * (double) (n_ev - 1))];
	free(ev);

	double *ls = bt_xmalloc((p->n + 1) * sizeof(double));
	double *lt = bt_xmalloc((p->n + 1) * sizeof(double));
	struct model1_pair *pairs = bt_xmalloc((p->n + 1) * sizeof(*pairs));
	size_t n_len = 0, n_pairs = 0;
	size_t i = 0, j = 0;
	size_t stride = n_ev > MAX_TRAIN ? n_ev / MAX_TRAIN + 1 : 1;
	size_t seen = 0;
	for (size_t k = 0; k < p->n; k++) {
		const struct step *s = &p->v[k];
		unsigned a = bt_align_types[s->type].a;
		unsigned b = bt_align_types[s->type].b;
		if (a && b && evidence(m, s) <= cut) {
			if (a == 1 && b == 1) {
				ls[n_len] = r->s.chars[i];
				lt[n_len++] = r->t.chars[j];
			}
			if (seen++ % stride == 0) {
				struct model1_pair q = { i, a, j, b };
				pairs[n_pairs++] = q;
			}
		}
		i += a;
		j += b;
	}
	length_fit(&m->lm, ls, lt, n_len);
	model1_learn(&r->s, &r->t, r->n_words, pairs, n_pairs, 5, 3, 0.2f,
		     links);
	free(ls);
	free(lt);
	free(pairs);
}

/* ---- checks that turn into warnings -------------------------------------------------- */

/* The script most of a side's letters are in, as a name; NULL if none. */
static const char *
main_script(const struct bt_align_side *side, double *share)
{
	size_t n = bt_align_side_count(side);
	size_t cjk = 0, hangul = 0, latin = 0, cyrillic = 0, arabic = 0;
	size_t greek = 0, letters = 0;
	size_t step = n > 2000 ? n / 2000 : 1;
	for (size_t i = 0; i < n; i += step) {
		struct bt_content s;
		bt_align_side_sentence(side, i, &s);
		const unsigned char *p = (const unsigned char *) s.text;
		for (size_t k = 0; k < s.len;) {
			uint32_t c = p[k];
			size_t w = 1;
			if (c >= 0xF0 && k + 3 < s.len) {
				c = (uint32_t) (c & 7) << 18
					| (uint32_t) (p[k + 1] & 63) << 12
					| (uint32_t) (p[k + 2] & 63) << 6
					| (p[k + 3] & 63);
				w = 4;
			} else if (c >= 0xE0 && k + 2 < s.len) {
				c = (uint32_t) (c & 15) << 12
					| (uint32_t) (p[k + 1] & 63) << 6
					| (p[k + 2] & 63);
				w = 3;
			} else if (c >= 0xC0 && k + 1 < s.len) {
				c = (uint32_t) (c & 31) << 6 | (p[k + 1] & 63);
				w = 2;
			}
			k += w;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
			    || (c >= 0xC0 && c < 0x250))
				latin++;
			else if ((c >= 0x4E00 && c <= 0x9FFF)
				 || (c >= 0x3040 && c <= 0x30FF))
				cjk++;
			else if (c >= 0xAC00 && c <= 0xD7AF)
				hangul++;
			else if (c >= 0x400 && c <= 0x4FF)
				cyrillic++;
			else if (c >= 0x600 && c <= 0x6FF)
				arabic++;
			else if (c >= 0x370 && c <= 0x3FF)
				greek++;
			else
				continue;
			letters++;
		}
	}
	if (!letters)
		return NULL;
	struct { const char *name; size_t n; } all[] = {
		{ "Latin", latin }, { "Han", cjk }, { "Hangul", hangul },
		{ "Cyrillic", cyrillic }, { "Arabic", arabic },
		{ "Greek", greek },
	};
	size_t best = 0;
	for (size_t k = 1; k < BT_ARRAY_SIZE(all); k++)
		if (all[k].n > all[best].n)
			best = k;
	*share = (double) all[best].n / (double) letters;
	return all[best].name;
}

/* The script a language is written in, from its primary subtag; NULL
 * when we do not know. */
static const char *
script_of(const char *lang)
{
	static const struct { const char *lang, *script; } known[] = {
		{ "zh", "Han" }, { "ja", "Han" }, { "ko", "Hangul" },
		{ "ru", "Cyrillic" }, { "uk", "Cyrillic" },
		{ "bg", "Cyrillic" }, { "be", "Cyrillic" },
		{ "ar", "Arabic" }, { "fa", "Arabic" }, { "el", "Greek" },
		{ "en", "Latin" }, { "de", "Latin" }, { "fr", "Latin" },
		{ "es", "Latin" }, { "it", "Latin" }, { "pt", "Latin" },
		{ "nl", "Latin" }, { "pl", "Latin" }, { "cs", "Latin" },
		{ "sv", "Latin" }, { "da", "Latin" }, { "fi", "Latin" },
		{ "tr", "Latin" }, { "ro", "Latin" }, { "hu", "Latin" },
	};
	if (!lang)
		return NULL;
	for (size_t k = 0; k < BT_ARRAY_SIZE(known); k++) {
		size_t n = strlen(known[k].lang);
		if (!strncasecmp(lang, known[k].lang, n)
		    && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_'))
			return known[k].script;
	}
	return NULL;
}

static void
check_language(const struct bt_align_side *side, const struct bt_diag *diag)
{
	double share = 0;
	const char *want = script_of(bt_align_side_lang(side));
	const char *got = main_script(side, &share);
	if (want && got && strcmp(want, got) && share > 0.5)
		bt_warn(diag, bt_align_side_path(side), 0,
			_("the text is mostly in %s script, which is not how "
			  "'%s' is written: is it the right file, or the "
			  "right language?"), got, bt_align_side_lang(side));
}

/*
 * A bead's score: how sure the aligner is of it, from 0 to 1.  A logistic
 * regression on the lexical evidence per sentence, the length cost and
 * the bead's type, fitted on the Text+Berg development document, where it
 * is calibrated: the mean score is the share of correct beads (0.84), and
 * 95% of the beads scored 0.9 or more are right.
 */
static double
bead_score(const struct model *m, const struct run *r, const struct step *st,
	   size_t i, size_t j)
{
	unsigned a = bt_align_types[st->type].a, b = bt_align_types[st->type].b;
	double z = 1.393 + 0.254 * st->ev / ((a + b) / 2.0);
	if (a && b) {
		double ls = 0, lt = 0;
		for (unsigned x = 0; x < a; x++)
			ls += r->s.chars[i + x];
		for (unsigned y = 0; y < b; y++)
			lt += r->t.chars[j + y];
		z -= 0.510 * length_cost(&m->lm, ls, lt);
	}
	if (a == 1 && b == 1)
		z += 1.410;
	if (!a || !b)
		z -= 0.094;
	return 1 / (1 + exp(-z));
}

/* ---- the entry point ------------------------------------------------------------------------- */

static void
add_bead(struct bt_alignment *out, size_t *cap, size_t i, size_t j,
	 unsigned a, unsigned b, double score)
{
	if (out->n_beads == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		out->beads = bt_xreallocarray(out->beads, *cap,
					      sizeof(*out->beads));
	}
	struct bt_bead *d = &out->beads[out->n_beads++];
	d->src = i;
	d->tgt = j;
	d->n_src = a;
	d->n_tgt = b;
	d->score = score;
}

static void
summarise(struct bt_alignment *out)
{
	double sum = 0;
	size_t n = 0;
	memset(out->by_type, 0, sizeof(out->by_type));
	out->unaligned_src = out->unaligned_tgt = 0;
	for (size_t k = 0; k < out->n_beads; k++) {
		const struct bt_bead *d = &out->beads[k];
		unsigned t = bt_align_type_of(d->n_src, d->n_tgt);
		if (t < BT_ALIGN_N_TYPES)
			out->by_type[t]++;
		if (!d->n_tgt)
			out->unaligned_src += d->n_src;
		if (!d->n_src)
			out->unaligned_tgt += d->n_tgt;
		if (d->n_src && d->n_tgt) {
			sum += d->score;
			n++;
		}
	}
	out->mean_score = n ? sum / (double) n : 0;
}

int
bt_align_run(const struct bt_align_side *src, const struct bt_align_side *tgt,
	     const struct bt_align_options *opt, struct bt_alignment *out,
	     struct bt_error *err)
{
	(void) err;
	const struct bt_diag *diag = opt ? opt->diag : NULL;
	unsigned flags = opt ? opt->flags : 0;
	size_t ns = bt_align_side_count(src), nt = bt_align_side_count(tgt);
	size_t cap = 0;
	memset(out, 0, sizeof(*out));

	if (!ns || !nt) {
		if (!ns)
			bt_warn(diag, bt_align_side_path(src), 0,
				_("no sentences to align"));
		if (!nt)
			bt_warn(diag, bt_align_side_path(tgt), 0,
				_("no sentences to align"));
		for (size_t i = 0; i < ns; i++)
			add_bead(out, &cap, i, 0, 1, 0, 0);
		for (size_t j = 0; j < nt; j++)
			add_bead(out, &cap, ns, j, 0, 1, 0);
		summarise(out);
		return 0;
	}
	check_language(src, diag);
	check_language(tgt, diag);
	if (ns > 3 * nt + 10 || nt > 3 * ns + 10)
		bt_warn(diag, bt_align_side_path(tgt), 0,
			_("the documents differ greatly in length (%zu and "
			  "%zu sentences): many sentences will stay "
			  "unaligned"), ns, nt);

	struct run r;
	memset(&r, 0, sizeof(r));
	prepare(&r, src, tgt, opt ? opt->dict : NULL);
	struct model *m = &r.m;
	params_default(&m->par);
	m->s = &r.s;
	m->t = &r.t;
	m->paragraphs = !(flags & BT_ALIGN_NO_PARAGRAPHS)
		&& r.s.n_paras > 1 && r.t.n_paras > 1;
	length_init(&m->lm, r.s.total_chars, r.t.total_chars);
	set_priors(m, default_p);

	struct links links = { NULL, 0, 0 };
	dict_links(opt ? opt->dict : NULL, &r.vocab, &links);
	model_build(m, r.n_words, r.vocab.n, r.cog, r.count_s, r.count_t,
		    &links);

	struct items S = { ns, bt_xmalloc((ns + 1) * sizeof(size_t)) };
	struct items T = { nt, bt_xmalloc((nt + 1) * sizeof(size_t)) };
	for (size_t i = 0; i <= ns; i++)
		S.b[i] = i;
	for (size_t j = 0; j <= nt; j++)
		T.b[j] = j;
	/* Paragraphs guide when both sides have them in like numbers. */
	bool by_para = m->paragraphs
		&& 2 * r.s.n_paras >= r.t.n_paras
		&& 2 * r.t.n_paras >= r.s.n_paras;

	struct path p = { NULL, 0, 0 };
	solve(m, &S, &T, by_para, &p);

	/* Pairs the first pass aligns whose words, numbers and names match
	 * better than by chance: 39% to 90% of them in the translations
	 * tried (Text+Berg, UDHR, the seed article), 10% to 14% in unrelated
	 * documents.  (The second pass would learn a lexicon from whatever
	 * it is given.) */
	size_t n_pairs = 0, n_evident = 0;
	for (size_t k = 0; k < p.n; k++)
		if (bt_align_types[p.v[k].type].a
		    && bt_align_types[p.v[k].type].b) {
			n_pairs++;
			n_evident += p.v[k].ev > 0;
		}

	if (!(flags & BT_ALIGN_ONE_PASS) && m->par.passes > 1) {
		learn(&r, &p, &links);
		model_build(m, r.n_words, r.vocab.n, r.cog, r.count_s,
			    r.count_t, &links);
		size_t *id_s = S.b, *id_t = T.b;	/* identity maps */
		struct band band;
		project_band(&p, id_s, id_t, ns, nt, m->par.band, &band);
		struct path p2 = { NULL, 0, 0 };
		dp_run(m, &S, &T, &band, 3, 3, &p2);
		band_release(&band);
		path_release(&p);
		p = p2;
	}

	size_t i = 0, j = 0;
	for (size_t k = 0; k < p.n; k++) {
		unsigned a = bt_align_types[p.v[k].type].a;
		unsigned b = bt_align_types[p.v[k].type].b;
		double score = bead_score(m, &r, &p.v[k], i, j);
		add_bead(out, &cap, i, j, a, b, score);
		i += a;
		j += b;
	}
	summarise(out);
	if (n_pairs >= 10 && (double) n_evident < 0.25 * (double) n_pairs)
		bt_warn(diag, bt_align_side_path(tgt), 0,
			_("only %zu of %zu aligned pairs share words, numbers "
			  "or names: are the documents translations of each "
			  "other, in the languages given?"), n_evident, n_pairs);

	path_release(&p);
	links_release(&links);
	free(S.b);
	free(T.b);
	run_release(&r);
	return 0;
}
