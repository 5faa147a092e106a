/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of the aligner: the anchors that must match across languages
 * and scripts (numbers, dates, multipliers, URLs, punctuation), cognate
 * keys, text without spaces cut into a dictionary's words, and
 * bt_align_run()'s invariants (every sentence in exactly one bead, in
 * order; an empty side).
 */
#include "system.h"
#include "tap.h"

#include "align/align-internal.h"
#include "core/buf.h"

static void
collect(void *ctx, const char *tok, size_t len)
{
	struct bt_buf *b = ctx;
	if (b->len)
		bt_buf_addch(b, '|');
	for (size_t i = 0; i < len; i++) {
		switch (tok[i]) {
		case BT_TOK_NUM: bt_buf_addch(b, '#'); break;
		case BT_TOK_MONTH: bt_buf_addstr(b, "M"); break;
		case BT_TOK_PUNCT: bt_buf_addstr(b, "P"); break;
		default: bt_buf_addch(b, tok[i]); break;
		}
	}
}

/* The tokens of s, '|'-separated, specials marked # M P.  Static. */
static const char *
tokens(const char *s)
{
	static struct bt_buf b = BT_BUF_INIT;
	bt_buf_reset(&b);
	bt_align_tokenize(s, strlen(s), collect, &b);
	return bt_buf_cstr(&b);
}

static void
test_anchors(void)
{
	is_str(tokens("2020年5月18日"), "#2020|年|M5|月|#18|日",
	       "a Chinese date: year, month, day");
	is_str(tokens("18 May 2020"), "#18|may|M5|#2020",
	       "an English date: the same year, month and day");
	is_str(tokens("am 18. Mai 2020"), "am|#18|mai|M5|#2020",
	       "a German date");
	is_str(tokens("may be"), "may|be", "'may' far from a number is a word");
	is_str(tokens("5000万"), "#50000000", "a Chinese multiplier");
	is_str(tokens("50 million"), "#50000000", "an English multiplier");
	is_str(tokens("1,5 Milliarden"), "#1500000000", "a German one");
	is_str(tokens("第七十三届"), "第|#73|届", "a Chinese ordinal");
	is_str(tokens("the 73rd"), "the|#73|rd", "an English ordinal");
	is_str(tokens("二〇二〇年十二月"), "#2020|年|M12|月",
	       "Chinese numerals, positional and with units");
	is_str(tokens("五大举措"), "#5|大|举|措", "a Chinese number word");
	is_str(tokens("five measures"), "five|#5|measures",
	       "an English number word");
	is_str(tokens("3,5 %"), "#3.5", "a decimal comma");
	is_str(tokens("3,500"), "#3.5|#3500", "an ambiguous separator reads both ways");
	is_str(tokens("1.000.000"), "#1000000", "thousands separators");
	is_str(tokens("８８４８"), "#8848", "full-width digits");
	is_str(tokens("See https://Example.org/A."), "see|https://example.org/a",
	       "a URL, whole and lower-cased, without the full stop");
	is_str(tokens("¿Qué? «Oui!»"), "P?|qué|P?|P\"|oui|P!|P\"",
	       "question and exclamation marks, quotes of every style");
	is_str(tokens("COVID-19 疫情"), "covid|#19|疫|情",
	       "Latin names inside Chinese text");
	is_str(tokens("Straße Ärzte"), "straße|ärzte", "lower case beyond ASCII");
	struct bt_buf b = BT_BUF_INIT;
	size_t n = bt_align_tokenize("a b\xEF\xB7\x92 c", 8, collect, &b);
	is_int(n, 3, "an inline code is not a character");
	bt_buf_release(&b);
}

static const char *
key(const char *w)
{
	static char out[64];
	size_t n = bt_align_cognate_key(w, strlen(w), out, sizeof(out));
	out[n] = '\0';
	return n ? out + 1 : "";
}

static void
test_cognates(void)
{
	is_str(key("expedition"), "expe", "a German word's key");
	is_str(key("expédition"), "expe", "the French cognate's is the same");
	is_str(key("Łódź"), "lodz", "Latin Extended-A folds");
	is_str(key("und"), "", "short words have none");
	is_str(key("москва"), "", "nor do other scripts");
}

static struct bt_align_side *
side(const char *lang, const char *const *sents, size_t n)
{
	struct bt_align_side *s = bt_align_side_new("mem", lang);
	for (size_t i = 0; i < n; i++)
		bt_align_side_add(s, sents[i], strlen(sents[i]), NULL, 0,
				  i == 0);
	return s;
}

/* Whether the beads cover ns and nt sentences, each once, in order. */
static int
covers(const struct bt_alignment *a, size_t ns, size_t nt)
{
	size_t i = 0, j = 0;
	for (size_t k = 0; k < a->n_beads; k++) {
		const struct bt_bead *d = &a->beads[k];
		if ((d->n_src && d->src != i) || (d->n_tgt && d->tgt != j))
			return 0;
		if (!d->n_src && !d->n_tgt)
			return 0;
		if (d->score < 0 || d->score > 1)
			return 0;
		i += d->n_src;
		j += d->n_tgt;
	}
	return i == ns && j == nt;
}

static void
test_run(void)
{
	static const char *const de[] = {
		"Am 29. Mai 1953 erreichten Hillary und Tenzing den Gipfel.",
		"Der Everest ist 8848 m hoch.",
		"Die Expedition kehrte im Juni zurück.",
		"Sie wurde in London gefeiert.",
	};
	static const char *const fr[] = {
		"Le 29 mai 1953, Hillary et Tenzing atteignirent le sommet.",
		"L'Everest mesure 8848 m.",
		"L'expédition revint en juin, et fut fêtée à Londres.",
	};
	struct bt_align_side *s = side("de", de, 4), *t = side("fr", fr, 3);
	struct bt_align_options opt = { 0, NULL, NULL };
	struct bt_alignment a;
	struct bt_error err = BT_ERROR_INIT;
	ok(bt_align_run(s, t, &opt, &a, &err) == 0, "aligns");
	ok(covers(&a, 4, 3), "every sentence in one bead, in order");
	is_int(a.n_beads, 3, "three beads");
	if (a.n_beads == 3) {
		is_int(a.beads[2].n_src, 2, "the last bead joins 2 sources");
		is_int(a.beads[2].n_tgt, 1, "to 1 target");
	}
	bt_alignment_release(&a);

	struct bt_align_side *e = side("fr", NULL, 0);
	ok(bt_align_run(s, e, &opt, &a, &err) == 0, "an empty target");
	ok(covers(&a, 4, 0), "all 1-0");
	is_int(a.by_type[bt_align_type_of(1, 0)], 4, "four 1-0 beads");
	bt_alignment_release(&a);
	ok(bt_align_run(e, e, &opt, &a, &err) == 0, "both empty");
	is_int(a.n_beads, 0, "no beads");
	bt_alignment_release(&a);
	bt_align_side_free(e);
	bt_align_side_free(s);
	bt_align_side_free(t);
	is_str(bt_align_type_name(bt_align_type_of(1, 2)), "1-2", "type names");
}

/* The tokens of s cut into the words of lexicon, '|'-separated.  Static. */
static const char *
words(const struct lexicon *lexicon, const char *s)
{
	static struct bt_buf b = BT_BUF_INIT;
	struct word_joiner j;
	bt_buf_reset(&b);
	word_joiner_init(&j, lexicon, collect, &b);
	bt_align_tokenize(s, strlen(s), word_joiner_token, &j);
	word_joiner_flush(&j);
	word_joiner_release(&j);
	return bt_buf_cstr(&b);
}

static void
test_words(void)
{
	struct lexicon lex;
	lexicon_init(&lex);
	is_str(words(&lex, "世卫组织"), "世|卫|组|织",
	       "no lexicon: one token per ideograph");
	const char *w[] = { "世卫组织", "组织", "世界卫生组织", "卫生", "世界" };
	for (size_t i = 0; i < BT_ARRAY_SIZE(w); i++)
		lexicon_add(&lex, w[i], strlen(w[i]));
	lexicon_add(&lex, "WHO", 3);	/* not ideographs: left out */
	lexicon_add(&lex, "组", 3);	/* one character: left out */
	ok(lexicon_has(&lex, "卫生", 6) && !lexicon_has(&lex, "WHO", 3)
	   && !lexicon_has(&lex, "组", 3), "what the lexicon keeps");
	is_str(words(&lex, "世界卫生组织和世卫组织"), "世界卫生组织|和|世卫组织",
	       "the longest word at each place");
	is_str(words(&lex, "卫生组织"), "卫生|组织", "two words");
	is_str(words(&lex, "WHO即世卫组织。"), "who|即|世卫组织",
	       "words between Latin text and punctuation");
	is_str(words(&lex, "2020年世界"), "#2020|年|世界",
	       "a number ends a run of ideographs");
	const char *more[] = { "日中", "中国", "研究", "研究生", "生命" };
	for (size_t i = 0; i < BT_ARRAY_SIZE(more); i++)
		lexicon_add(&lex, more[i], strlen(more[i]));
	is_str(words(&lex, "14日中国"), "#14|日|中国",
	       "not the longest word first: fewest words, then the later");
	is_str(words(&lex, "研究生命"), "研究|生命",
	       "fewest words, then fewest characters alone");
	is_str(words(&lex, "中国世界卫生组织"), "中国|世界卫生组织",
	       "fewest words");
	ok(bt_align_is_ideograph("组", 3) && bt_align_is_ideograph("の", 3)
	   && !bt_align_is_ideograph("a", 1)
	   && !bt_align_is_ideograph("组织", 6), "what an ideograph is");
	lexicon_release(&lex);
}

int
main(void)
{
	test_anchors();
	test_cognates();
	test_words();
	test_run();
	return done_testing();
}
