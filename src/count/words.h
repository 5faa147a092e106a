/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Word and character counting for coverage reports.
 *
 * The rules (README.md, "Word counting", says the same for users):
 *
 *   - Text is cut at white space (Unicode White_Space) into runs.
 *   - Space-delimited scripts (Latin, Cyrillic, Greek, Arabic, Hangul...):
 *     the words of a run are the Unicode word-boundary (UAX #29,
 *     libunistring's u8_wordbreaks) tokens that hold a letter or a digit.
 *     Numbers are words ("3.5", "1,000", "2020"); punctuation and symbols
 *     alone are not.  Two words joined by a hyphen are one word
 *     ("well-known"), as Trados, Word and pocount count them.  A URL or an
 *     e-mail address is one word.
 *   - BT_CJK_IDEOGRAPHS (the default): each Han ideograph and each kana
 *     is one word.  Korean is counted by its space-delimited words
 *     (eojeol): Hangul syllables are letters to UAX #29, so "한국어를" is
 *     one word; Hanja inside Korean text count one each, as Han.
 *   - BT_CJK_GMX: Han, kana and Hangul characters are not words but are
 *     tallied by language (zh, ja, ko), and a report divides each tally by
 *     its GMX-V factor (zh 2.8, ja 3.0, ko 3.3), rounded to the nearest
 *     word: see bt_words_gmx().  Which factor applies is the source
 *     language's; when that is none of the three, the script's (Han 2.8,
 *     kana 3.0, Hangul 3.3).
 *   - BT_CJK_SPACES: a word is a white-space-delimited run that holds a
 *     letter, a digit or a CJK character, whatever its script: a Chinese
 *     sentence without spaces is one word, as Translate Toolkit's pocount
 *     counts it.
 *   - Characters: every character that is not white space (code points,
 *     so a base letter and a combining accent are two).
 *
 * Inline codes and placeholders are the caller's business: the readers
 * leave their text out (a standalone code becomes a space, so it separates
 * words; a paired code joins the text on both sides, as in "<b>bold</b>ly").
 *
 *	struct bt_words w;
 *	bt_words_init(&w, BT_CJK_IDEOGRAPHS);
 *	bt_words_set_lang(&w, "ja");
 *	struct bt_word_count c = { 0 };
 *	bt_words_count(&w, text, len, &c);
 *	... c.words, c.chars ...
 *	bt_words_release(&w);
 */
#ifndef BT_COUNT_WORDS_H
#define BT_COUNT_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* How Chinese, Japanese and Korean text is counted. */
enum bt_cjk_words {
	BT_CJK_IDEOGRAPHS,	/* each Han / kana one word; Korean by word */
	BT_CJK_GMX,		/* CJK characters / GMX-V factor */
	BT_CJK_SPACES,		/* space-delimited runs, as pocount */
};

/* The GMX-V factor classes, indexes of bt_word_count.cjk. */
enum bt_gmx_class { BT_GMX_ZH, BT_GMX_JA, BT_GMX_KO, BT_GMX_N };

/* Counts, added to by bt_words_count(). */
struct bt_word_count {
	uint64_t words;		/* words (without the GMX tallies) */
	uint64_t chars;		/* characters that are not white space */
	uint64_t cjk[BT_GMX_N];	/* BT_CJK_GMX: CJK characters by class */
};

/* A counter: the mode, the language, and scratch memory. */
struct bt_words {
	enum bt_cjk_words mode;
	int lang_class;		/* enum bt_gmx_class, or -1: by script */
	char *breaks;		/* owned: u8_wordbreaks() scratch */
	size_t breaks_cap;
};

void bt_words_init(struct bt_words *w, enum bt_cjk_words mode);
void bt_words_release(struct bt_words *w);

/*
 * Sets the source language (BCP 47, e.g. "zh-CN", "ja", "ko_KR"; NULL or
 * unknown: none), which picks the GMX-V factor of CJK characters.
 */
void bt_words_set_lang(struct bt_words *w, const char *lang);

/*
 * Adds the words and characters of text[0..len) (UTF-8; a byte that does
 * not decode counts as one character of no script) to *acc.  A word never
 * spans two calls: call once per segment.
 */
void bt_words_count(struct bt_words *w, const char *text, size_t len,
		    struct bt_word_count *acc);

/*
 * The words the GMX-V tallies make: each class divided by its factor,
 * added up, rounded to the nearest whole word.
 */
uint64_t bt_words_gmx(const uint64_t cjk[BT_GMX_N]);

/* Parses "ideographs", "gmx" or "spaces"; -1 for anything else. */
int bt_words_parse_mode(const char *s, enum bt_cjk_words *mode);

#endif /* BT_COUNT_WORDS_H */
