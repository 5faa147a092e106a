/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of src/count/words.c: the word-counting rules of README.md
 * ("Word counting") one by one, in the three CJK modes, and the ASCII fast
 * path checked against libunistring's u8_wordbreaks() on random strings.
 */
#include "system.h"

#include "count/words.h"
#include "tap.h"

static struct bt_word_count
count(enum bt_cjk_words mode, const char *lang, const char *text)
{
	struct bt_words w;
	struct bt_word_count c = { 0 };
	bt_words_init(&w, mode);
	bt_words_set_lang(&w, lang);
	bt_words_count(&w, text, strlen(text), &c);
	bt_words_release(&w);
	return c;
}

static uint64_t
words(const char *text)
{
	return count(BT_CJK_IDEOGRAPHS, NULL, text).words;
}

static void
test_space_delimited(void)
{
	is_int(words(""), 0, "empty text");
	is_int(words(" \t\n "), 0, "white space only");
	is_int(words("Hello, world!"), 2, "punctuation is not a word");
	is_int(words("don't stop"), 2, "apostrophe inside a word");
	is_int(words("it\xE2\x80\x99s"), 1, "typographic apostrophe");
	is_int(words("well-known e-mail"), 2, "hyphenated words are one");
	is_int(words("state\xE2\x80\x91of\xE2\x80\x91the\xE2\x80\x91"
		     "art"), 1, "non-breaking hyphens join too");
	is_int(words("1990\xE2\x80\x93" "2000"), 2, "an en dash separates");
	is_int(words("a -- b"), 2, "a spaced double hyphen is no word");
	is_int(words("3.5 1,000,000 2020"), 3, "numbers are words");
	is_int(words("50% (optional)"), 2, "percent sign and brackets");
	is_int(words("snake_case_name"), 1, "underscores join");
	is_int(words("___ ... !!! --"), 0, "no letters, no words");
	is_int(words("end.Start"), 1, "UAX #29: a full stop between letters");
	is_int(words("a.1"), 2, "letter, full stop, digit: two");
	is_int(words("C++ and C#"), 3, "C++ is one word");
	is_int(words("see https://example.com/a-b?q=1 now"), 3,
	       "a URL is one word");
	is_int(words("mail user.name@example.com today"), 3,
	       "an e-mail address is one word");
	is_int(words("www.example.org"), 1, "www. address");
	is_int(words("caf\xC3\xA9 au lait"), 3, "accented Latin");
	is_int(words("na\xC3\xAFve-looking"), 1, "non-ASCII hyphenated");
	is_int(words("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, "
		     "\xD0\xBC\xD0\xB8\xD1\x80"), 2, "Cyrillic");
	is_int(words("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
		     "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"),
	       2, "Arabic");
	is_int(words("co\xC2\xADoperate"), 1, "a soft hyphen is invisible");
	is_int(words("a\xC2\xA0" "b"), 2, "no-break space separates");
	is_int(words("\xF0\x9F\x98\x80 ok"), 1, "an emoji is no word");
}

static void
test_cjk_ideographs(void)
{
	/* 一年来，中国积极开展抗疫国际合作。 */
	const char *zh = "\xE4\xB8\x80\xE5\xB9\xB4\xE6\x9D\xA5\xEF\xBC\x8C"
		"\xE4\xB8\xAD\xE5\x9B\xBD\xE7\xA7\xAF\xE6\x9E\x81\xE5\xBC\x80"
		"\xE5\xB1\x95\xE6\x8A\x97\xE7\x96\xAB\xE5\x9B\xBD\xE9\x99\x85"
		"\xE5\x90\x88\xE4\xBD\x9C\xE3\x80\x82";
	struct bt_word_count c = count(BT_CJK_IDEOGRAPHS, "zh-CN", zh);
	is_int(c.words, 15, "Chinese: one word per ideograph");
	is_int(c.chars, 17, "Chinese: characters include punctuation");
	/* 2020年5月18日 */
	is_int(words("2020\xE5\xB9\xB4" "5\xE6\x9C\x88" "18\xE6\x97\xA5"), 6,
	       "numbers between ideographs are words");
	/* 日本語のテキストです。 */
	is_int(words("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE"
		     "\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88"
		     "\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82"), 10,
	       "Japanese: one word per kanji and per kana");
	/* ガ written as カ + combining voiced mark: one word. */
	is_int(words("\xE3\x82\xAB\xE3\x82\x99"), 1,
	       "a kana sound mark is not a word");
	/* 한국어를 배웁니다. */
	c = count(BT_CJK_IDEOGRAPHS, "ko",
		  "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4\xEB\xA5\xBC "
		  "\xEB\xB0\xB0\xEC\x9B\x81\xEB\x8B\x88\xEB\x8B\xA4.");
	is_int(c.words, 2, "Korean: by space-delimited word");
	is_int(c.chars, 9, "Korean: characters");
	/* 韓國語를 배웁니다 */
	is_int(words("\xE9\x9F\x93\xE5\x9C\x8B\xE8\xAA\x9E\xEB\xA5\xBC "
		     "\xEB\xB0\xB0\xEC\x9B\x81\xEB\x8B\x88\xEB\x8B\xA4"), 5,
	       "Hanja in Korean count one each");
	/* “引号”和English混排 */
	is_int(words("\xE2\x80\x9C\xE5\xBC\x95\xE5\x8F\xB7\xE2\x80\x9D"
		     "\xE5\x92\x8C" "English\xE6\xB7\xB7\xE6\x8E\x92"), 6,
	       "Chinese with an English word inside");
	is_int(words("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x91"), 1,
	       "full-width digits are one number");
}

static void
test_cjk_gmx(void)
{
	/* 28 ideographs / 2.8 = 10 words. */
	char zh[28 * 3 + 1];
	for (int i = 0; i < 28; i++)
		memcpy(zh + 3 * i, "\xE4\xB8\xAD", 3);
	zh[84] = '\0';
	struct bt_word_count c = count(BT_CJK_GMX, "zh-Hans", zh);
	is_int(c.cjk[BT_GMX_ZH], 28, "gmx: Chinese tally");
	is_int(c.words, 0, "gmx: ideographs are not words by themselves");
	is_int(bt_words_gmx(c.cjk), 10, "gmx: 28 / 2.8 = 10");
	c = count(BT_CJK_GMX, "ja", zh);
	is_int(c.cjk[BT_GMX_JA], 28, "gmx: the language picks the factor");
	is_int(bt_words_gmx(c.cjk), 9, "gmx: 28 / 3.0 = 9.33 -> 9");
	c = count(BT_CJK_GMX, "ko",
		  "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4\xEB\xA5\xBC");
	is_int(c.cjk[BT_GMX_KO], 4, "gmx: Hangul is tallied in Korean");
	c = count(BT_CJK_GMX, NULL, "\xE3\x81\x82 abc \xE4\xB8\xAD");
	is_int(c.cjk[BT_GMX_JA], 1, "gmx, no language: kana by script");
	is_int(c.cjk[BT_GMX_ZH], 1, "gmx, no language: Han by script");
	is_int(c.words, 1, "gmx: other words still count");
	uint64_t half[BT_GMX_N] = { 7, 0, 0 };
	is_int(bt_words_gmx(half), 3, "gmx: 7 / 2.8 = 2.5 rounds up");
}

static void
test_cjk_spaces(void)
{
	const char *zh = "\xE4\xB8\x80\xE5\xB9\xB4\xE6\x9D\xA5\xEF\xBC\x8C"
		"\xE4\xB8\xAD\xE5\x9B\xBD\xE3\x80\x82";
	struct bt_word_count c = count(BT_CJK_SPACES, "zh", zh);
	is_int(c.words, 1, "spaces: a Chinese sentence is one word");
	is_int(c.chars, 7, "spaces: characters");
	is_int(count(BT_CJK_SPACES, "en", "Hello , world - ok").words, 3,
	       "spaces: punctuation runs are not words");
	is_int(count(BT_CJK_SPACES, "en", "well-known").words, 1,
	       "spaces: one run, one word");
}

/*
 * The ASCII fast path agrees with u8_wordbreaks(): a run followed by "×"
 * (U+00D7, a symbol no rule joins) goes through u8_wordbreaks(), the run
 * alone through the fast path.
 */
static void
test_fast_path(void)
{
	static const char alphabet[] = "abXY09_:.,;'-@/#%+!?\"()";
	unsigned seed = 12345;
	int mismatches = 0;
	char s[24], t[32];
	for (int n = 0; n < 20000; n++) {
		size_t len = 1 + n % 12;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		s[len] = '\0';
		snprintf(t, sizeof(t), "%s\xC3\x97", s);
		uint64_t a = words(s), b = words(t);
		if (a != b && mismatches++ < 5)
			diag("'%s': fast path %" PRIu64 ", u8_wordbreaks %"
			     PRIu64, s, a, b);
	}
	is_int(mismatches, 0, "ASCII fast path = u8_wordbreaks on 20000 "
	       "random strings");
}

int
main(void)
{
	test_space_delimited();
	test_cjk_ideographs();
	test_cjk_gmx();
	test_cjk_spaces();
	test_fast_path();
	enum bt_cjk_words m;
	ok(bt_words_parse_mode("gmx", &m) == 0 && m == BT_CJK_GMX,
	   "parse gmx");
	ok(bt_words_parse_mode("chars", &m) < 0, "parse rejects chars");
	return done_testing();
}
