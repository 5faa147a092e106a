/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the files of src/align/ share and nothing else sees: tokens, the
 * vocabulary, the length model, the token vectors both sides are compared
 * with, the dictionary's and Model 1's word links, and the banded dynamic
 * programme.
 *
 * Vocabulary ids are shared by both sides, so that a token spelt the same
 * on both (a name, a number, a URL) is one id.  A sentence is a list of
 * token ids.  What a token contributes to the sentence's vector is a short
 * list of (feature, weight) pairs: its own id when the other side has it,
 * its cognate key, and on the source side the target words that the
 * dictionary or Model 1 link it to.  Each feature then has one weight,
 * high for rare features seen equally often on both sides (an anchor), low
 * for common or lopsided ones.  Vectors are never stored: a sentence's
 * vector is scattered into a dense array indexed by feature and dotted by
 * gathering, so similarity costs a few operations per token.
 */
#ifndef BT_ALIGN_INTERNAL_H
#define BT_ALIGN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align/align.h"
#include "core/buf.h"

/* ---- tokens (anchors.c) ------------------------------------------------------ */

/* First byte of the special tokens. */
#define BT_TOK_NUM	'\x01'	/* "\x01" "2020": a number's value */
#define BT_TOK_MONTH	'\x02'	/* "\x02" "5": May */
#define BT_TOK_PUNCT	'\x03'	/* "\x03" "?": ? ¿ ？ */
#define BT_TOK_COGNATE	'\x04'	/* "\x04" "expe": a cognate key */

/* Cognate keys: the first BT_COGNATE_PREFIX folded letters of words of at
 * least BT_COGNATE_MIN letters. */
#define BT_COGNATE_PREFIX 4
#define BT_COGNATE_MIN 4

typedef void (*bt_align_tok_fn)(void *ctx, const char *tok, size_t len);

/* Whether c is a Han ideograph or kana: a token of its own. */
bool bt_align_ideograph_char(uint32_t c);

/* Calls emit for each token of text[0..len); returns the text's length in
 * characters, spaces and inline codes left out. */
size_t bt_align_tokenize(const char *text, size_t len, bt_align_tok_fn emit,
			 void *ctx);

/* Writes the cognate key of the word tok[0..len) to out (cap >= 16);
 * returns its length, or 0 when the token has none. */
size_t bt_align_cognate_key(const char *tok, size_t len, char *out,
			    size_t cap);

/* ---- vocabulary (vocab.c) ----------------------------------------------------- */

struct vocab {
	uint32_t *slots;	/* owned; id + 1, 0 empty */
	size_t n_slots;
	size_t *off;		/* owned; string of id i at strings + off[i] */
	uint32_t *len;		/* owned */
	struct bt_buf strings;
	size_t n, cap;
};

void vocab_init(struct vocab *v);
void vocab_release(struct vocab *v);
/* The id of s[0..len), added if new. */
uint32_t vocab_intern(struct vocab *v, const char *s, size_t len);
/* The id of s[0..len), or UINT32_MAX. */
uint32_t vocab_find(const struct vocab *v, const char *s, size_t len);
/* Borrowed until the next intern. */
const char *vocab_str(const struct vocab *v, uint32_t id, size_t *len);

/* ---- words in text without spaces (words.c) ------------------------------ */

/* Whether tok[0..len) is one Han ideograph or kana. */
bool bt_align_is_ideograph(const char *tok, size_t len);

/*
 * Words of two or more ideographs (a dictionary's), and for each
 * character of the Basic Multilingual Plane the length of the longest
 * word that starts with it, so that the joiner tries no longer ones.
 */
struct lexicon {
	struct vocab words;
	uint8_t *longest;	/* owned; 0x10000 entries; NULL while empty */
};

void lexicon_init(struct lexicon *l);
void lexicon_release(struct lexicon *l);
/* Adds word[0..len) if it is two or more ideographs. */
void lexicon_add(struct lexicon *l, const char *word, size_t len);
bool lexicon_has(const struct lexicon *l, const char *s, size_t len);

/*
 * Passes tokens on to emit, runs of ideographs cut into the words of
 * lexicon (longest first); with an empty or NULL lexicon, every token as
 * it is.  Give word_joiner_token as the tokeniser's callback with the
 * joiner as its context, and flush at the end of each text.
 */
struct word_cut;
struct word_joiner {
	const struct lexicon *lexicon;	/* borrowed; NULL: pass through */
	bt_align_tok_fn emit;
	void *ctx;
	struct bt_buf run;	/* the ideographs held */
	size_t *ends;		/* owned; end of each in run */
	size_t n, cap;
	struct word_cut *cut;	/* owned; cap + 1, scratch of the flush */
};

void word_joiner_init(struct word_joiner *j, const struct lexicon *lexicon,
		      bt_align_tok_fn emit, void *ctx);
void word_joiner_token(void *ctx, const char *tok, size_t len);
void word_joiner_flush(struct word_joiner *j);
void word_joiner_release(struct word_joiner *j);

/* ---- the length model (length.c) ------------------------------------------------ */

#define BT_LENGTH_STEPS 64	/* table points per unit of x */
#define BT_LENGTH_TABLE (20 * BT_LENGTH_STEPS + 1)

struct length_model {
	double ratio;	/* target characters per source character */
	double var;	/* variance of the difference, per character */
	double table[BT_LENGTH_TABLE];	/* -log erfc(x) */
};

/* Gale-Church: minus the log probability that a source of ls characters
 * and a target of lt characters are translations of each other. */
double length_cost(const struct length_model *lm, double ls, double lt);
/* The ratio of the two totals; the variance of Gale and Church. */
void length_init(struct length_model *lm, double total_src,
		 double total_tgt);
/* Re-estimates the variance from n sure pairs of lengths. */
void length_fit(struct length_model *lm, const double *ls, const double *lt,
		size_t n);

/* ---- word links: dictionary and Model 1 ---------------------------------------- */

struct link {
	uint32_t src, tgt;	/* vocabulary ids */
	float p;		/* how sure: 1 for the dictionary */
};

struct links {
	struct link *v;		/* owned */
	size_t n, cap;
};

void links_add(struct links *l, uint32_t src, uint32_t tgt, float p);
void links_release(struct links *l);

/* The dictionary's entries as links between words of the vocabulary
 * (words it does not hold are left out).  dict.c */
void dict_links(const struct bt_align_dict *d, struct vocab *v,
		struct links *out);
/* The dictionary's words of two or more ideographs, for the word joiner;
 * NULL without a dictionary. */
const struct lexicon *dict_lexicon(const struct bt_align_dict *d);

/* A tokenised side: token ids per sentence, lengths, paragraphs. */
struct tokens {
	size_t n;		/* sentences */
	size_t *off;		/* owned; n + 1; into ids */
	uint32_t *ids;		/* owned */
	float *chars;		/* owned; n; length in characters */
	uint32_t *para;		/* owned; n; paragraph number */
	size_t n_paras;
	double total_chars;
};

/*
 * IBM Model 1 (model1.c): learns p(target word | source word) by EM from
 * n pairs of sentence ranges (src[k], n_src[k]) / (tgt[k], n_tgt[k]), and
 * appends to out, for each source word, its likeliest target words (at
 * most max_per_word, each with p >= min_p, never the word itself).
 */
struct model1_pair {
	size_t src, n_src, tgt, n_tgt;
};
void model1_learn(const struct tokens *s, const struct tokens *t,
		  size_t vocab_size, const struct model1_pair *pairs,
		  size_t n, int iterations, unsigned max_per_word,
		  float min_p, struct links *out);

/* ---- vectors and the model the DP scores with (align.c) --------------------- */

/* Bead types: the order of bt_alignment.by_type. */
struct bead_type {
	unsigned a, b;		/* source and target items */
};
extern const struct bead_type bt_align_types[BT_ALIGN_N_TYPES];

/* The features of one side's tokens: feat[off[v]..off[v+1]) for id v. */
struct featmap {
	size_t *off;		/* owned; vocab size + 1 */
	uint32_t *feat;		/* owned */
	float *w;		/* owned */
};

struct params {
	double lex;		/* weight of the lexical term */
	double tau;		/* norm at which an item weighs 1/2 */
	double c0;		/* coverage that is neither for nor against */
	double kappa;		/* coverage taken off per extra partner */
	double passes;		/* 1 or 2 */
	double learn_priors;	/* whether pass 2 takes pass 1's type counts */
	double bg;		/* norm of a token that matches nothing */
	double cognate;		/* weight of cognate features */
	double agree;		/* exponent of the count agreement */
	double skip;		/* extra cost of a 1-0 / 0-1 bead */
	double para;		/* cost of a bead across a paragraph break */
	double len;		/* weight of the length term */
	unsigned band;		/* half-width added around a coarse path */
};

struct model {
	const struct tokens *s, *t;
	struct featmap fs, ft;	/* per side */
	float *weight;		/* owned; per feature */
	double *dense;		/* owned; scratch, per feature, all 0 */
	size_t n_feat;
	struct length_model lm;
	double prior[BT_ALIGN_N_TYPES];	/* -log p of each type */
	struct params par;
	bool paragraphs;	/* paragraph breaks cost */
};

/*
 * (Re)builds m's features for tokens ids < n_vocab: each token's own id,
 * its cognate key cog[v] (an id >= n_vocab, or UINT32_MAX), and on the
 * source side the links (sorted here); features seen on one side only are
 * dropped.  count_s / count_t count each token on each side.  m->s, m->t
 * and m->par must be set.
 */
void model_build(struct model *m, size_t n_vocab, size_t n_feat,
		 const uint32_t *cog, const uint32_t *count_s,
		 const uint32_t *count_t, struct links *links);
void model_release(struct model *m);

/* side 0 is the source, 1 the target. */
void model_scatter(struct model *m, int side, size_t from, size_t to);
double model_gather(const struct model *m, int side, size_t from, size_t to);
void model_clear(struct model *m, int side, size_t from, size_t to);
/* |v|^2 of sentences [from, to) of side, the background included. */
double model_norm2(struct model *m, int side, size_t from, size_t to);

/* ---- the banded DP (dp.c) ------------------------------------------------------- */

/* Items: runs of sentences; item k is sentences [b[k], b[k+1]). */
struct items {
	size_t n;
	size_t *b;		/* n + 1 */
};

/* A band: for each row i in [0, ns], the columns [lo[i], hi[i]]. */
struct band {
	size_t *lo, *hi;	/* owned; ns + 1 each */
};

struct step {
	size_t i, j;		/* state after the bead, in items */
	unsigned type;		/* index into bt_align_types */
	double cost;
	double ev;		/* lexical evidence */
};

struct path {
	struct step *v;		/* owned; in order */
	size_t n, cap;
};

/*
 * Aligns the items S and T inside band, with the bead types whose sides
 * are at most max_a / max_b items.  Fills out (released by the caller).
 */
void dp_run(struct model *m, const struct items *S, const struct items *T,
	    const struct band *band, unsigned max_a, unsigned max_b,
	    struct path *out);
void path_release(struct path *p);

/* ---- what the writers share (write.c) ------------------------------------------- */

/*
 * The sentences [first, first + n) of side s as one content: a borrowed
 * view for one sentence, else the sentences joined by a space (nothing in
 * Chinese, Japanese and Korean), their codes in order.  Release with
 * bead_content_release().
 */
struct bead_content {
	struct bt_content c;
	bool owned;		/* c.text and c.codes are ours */
};
void bead_content_get(const struct bt_align_side *s, size_t first,
		      unsigned n, struct bead_content *out);
void bead_content_release(struct bead_content *bc);
/* The same as text, every inline code as its original data. */
void bead_render(const struct bt_align_side *s, size_t first, unsigned n,
		 struct bt_buf *out);
/* "0.873" for a score. */
void bead_score_str(double score, char *buf, size_t size);

#endif /* BT_ALIGN_INTERNAL_H */
