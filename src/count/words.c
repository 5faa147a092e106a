/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Word and character counting; the rules are in words.h.
 *
 * Speed matters here (coverage must keep up with the XML parser), so the
 * common cases have fast paths that give the same answer as the general
 * one: ASCII text is cut into UAX #29 words by a small state machine
 * (tests/unit/test-words.c checks it against u8_wordbreaks() on random
 * strings), Han and kana characters are recognised by their code point
 * ranges, and so is the CJK punctuation between them.  Only a run of
 * other non-ASCII characters (accented Latin, Cyrillic, Hangul...) goes
 * through u8_wordbreaks().
 */
#include "system.h"

#include <unictype.h>
#include <uniwbrk.h>

#include "core/xalloc.h"
#include "count/words.h"

/* Classes of ASCII characters, for the word machine. */
enum {
	A_NONASCII,	/* a byte from 0x80 on */
	A_SPACE,	/* white space */
	A_LETTER,	/* ALetter */
	A_DIGIT,	/* Numeric */
	A_EXTEND,	/* ExtendNumLet: '_' */
	A_MIDLETTER,	/* ':' */
	A_MIDNUM,	/* ',' ';' */
	A_MIDNUMLET,	/* '.' and the apostrophe (MidNumLetQ) */
	A_HYPHEN,	/* '-' */
	A_OTHER,
};

/* Indexed by any byte, so that a loop over a word needs no separate test
 * for non-ASCII bytes (A_NONASCII). */
static unsigned char ascii_class[256];

/* Whether class c is one a UAX #29 word is made of. */
#define IS_WORD_CLASS(c) ((unsigned) (c) - A_LETTER <= A_EXTEND - A_LETTER)

static void
init_ascii_class(void)
{
	if (ascii_class['a'])
		return;
	for (int c = 0; c < 128; c++) {
		unsigned char k = A_OTHER;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			k = A_SPACE;
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			k = A_LETTER;
		else if (c >= '0' && c <= '9')
			k = A_DIGIT;
		else if (c == '_')
			k = A_EXTEND;
		else if (c == ':')
			k = A_MIDLETTER;
		else if (c == ',' || c == ';')
			k = A_MIDNUM;
		else if (c == '.' || c == '\'')
			k = A_MIDNUMLET;
		else if (c == '-')
			k = A_HYPHEN;
		ascii_class[c] = k;
	}
}

/* What a non-ASCII character is to the counter. */
enum kind {
	K_OTHER,	/* part of a run for u8_wordbreaks() */
	K_SPACE,	/* White_Space */
	K_HAN,		/* Han ideograph (and 々 〆 〇) */
	K_KANA,		/* hiragana or katakana letter */
	K_MARK,		/* kana sound mark: a character, never a word */
	K_HANGUL,	/* Hangul syllable or jamo */
	K_PUNCT,	/* CJK punctuation and general punctuation that
			 * UAX #29 always breaks around */
};

static enum kind
classify(ucs4_t u)
{
	if (u < 0x2000) {
		if (u == 0x85 || u == 0xA0 || u == 0x1680)
			return K_SPACE;
		if (u >= 0x1100 && u <= 0x11FF)
			return K_HANGUL;
		return K_OTHER;
	}
	if (u < 0x3000) {
		if (u <= 0x200A || u == 0x2028 || u == 0x2029 || u == 0x202F
		    || u == 0x205F)
			return K_SPACE;
		/* Dashes, quotes, daggers, bullets, ellipsis: WB Other.
		 * Not U+2010/2011 (hyphens, joined like '-'), U+2019 and
		 * U+2024 (MidNumLet), U+2027 (MidLetter). */
		if ((u >= 0x2012 && u <= 0x2018) || (u >= 0x201A && u <= 0x2023)
		    || u == 0x2025 || u == 0x2026 || (u >= 0x2030 && u <= 0x205E
						       && u != 0x203F
						       && u != 0x2040
						       && u != 0x2044
						       && u != 0x2054))
			return K_PUNCT;
		return K_OTHER;
	}
	if (u < 0x3400) {
		if (u == 0x3000)
			return K_SPACE;
		if (u == 0x3005 || u == 0x3006 || u == 0x3007
		    || (u >= 0x3021 && u <= 0x3029)
		    || (u >= 0x3038 && u <= 0x303B))
			return K_HAN;
		if (u <= 0x303F) {
			if (u >= 0x3031 && u <= 0x3035)
				return K_KANA;	/* kana repeat marks */
			if (u >= 0x302A && u <= 0x302F)
				return K_OTHER;	/* tone marks */
			return K_PUNCT;
		}
		if ((u >= 0x3041 && u <= 0x3096) || (u >= 0x309D && u <= 0x309F)
		    || (u >= 0x30A1 && u <= 0x30FA)
		    || (u >= 0x30FC && u <= 0x30FF)
		    || (u >= 0x31F0 && u <= 0x31FF))
			return K_KANA;
		if (u >= 0x3099 && u <= 0x309C)
			return K_MARK;
		if (u == 0x30A0 || u == 0x30FB)
			return K_PUNCT;
		if (u >= 0x3131 && u <= 0x318E)
			return K_HANGUL;
		return K_OTHER;
	}
	if (u <= 0x4DBF || (u >= 0x4E00 && u <= 0x9FFF)
	    || (u >= 0xF900 && u <= 0xFAFF)
	    || (u >= 0x20000 && u <= 0x3FFFF))
		return K_HAN;
	if ((u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xA960 && u <= 0xA97F)
	    || (u >= 0xD7B0 && u <= 0xD7FF))
		return K_HANGUL;
	if (u >= 0xFE10 && u <= 0xFE19)
		return K_PUNCT;		/* vertical forms */
	if (u >= 0xFE30 && u <= 0xFE4F && u != 0xFE33 && u != 0xFE34
	    && u < 0xFE4D)
		return K_PUNCT;		/* CJK compatibility forms */
	if (u >= 0xFF01 && u <= 0xFF65) {
		/* Full-width forms: digits and letters are words. */
		if ((u >= 0xFF10 && u <= 0xFF19) || (u >= 0xFF21 && u <= 0xFF3A)
		    || (u >= 0xFF41 && u <= 0xFF5A))
			return K_OTHER;
		/* Full-width comma, full stop, colon, semicolon and
		 * apostrophe are MidNum / MidLetter / MidNumLet. */
		if (u == 0xFF07 || u == 0xFF0C || u == 0xFF0E || u == 0xFF1A
		    || u == 0xFF1B || u == 0xFF3F)
			return K_OTHER;
		return K_PUNCT;
	}
	if (u >= 0xFF66 && u <= 0xFF9D)
		return K_KANA;		/* half-width katakana */
	if (u == 0xFF9E || u == 0xFF9F)
		return K_MARK;
	if (u >= 0x1B000 && u <= 0x1B16F)
		return K_KANA;		/* kana supplement, extended */
	return K_OTHER;
}

/* Decodes one UTF-8 character of p[0..end); a byte that does not start a
 * valid sequence is U+FFFD, one byte long. */
static inline ucs4_t
decode(const unsigned char *p, const unsigned char *end, size_t *len)
{
	unsigned c = p[0];
	if (c < 0x80) {
		*len = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
		*len = 2;
		return ((c & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (c >= 0xE0 && c <= 0xEF && end - p >= 3 && (p[1] & 0xC0) == 0x80
	    && (p[2] & 0xC0) == 0x80) {
		ucs4_t u = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6)
			| (p[2] & 0x3F);
		if (u >= 0x800 && (u < 0xD800 || u > 0xDFFF)) {
			*len = 3;
			return u;
		}
	}
	if (c >= 0xF0 && c <= 0xF4 && end - p >= 4 && (p[1] & 0xC0) == 0x80
	    && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
		ucs4_t u = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12)
			| ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		if (u >= 0x10000 && u <= 0x10FFFF) {
			*len = 4;
			return u;
		}
	}
	*len = 1;
	return 0xFFFD;
}

/*
 * Whether p[0..3) (three bytes there) is a character of U+4E00..U+9FFF,
 * the bulk of Chinese and Japanese text: E4 B8 80 .. E9 BF BF, which,
 * with both continuation bytes well formed, is one range of the three
 * bytes read as a number.
 */
static inline bool
is_han3(const unsigned char *p)
{
	uint32_t v = (uint32_t) p[0] << 16 | (uint32_t) p[1] << 8 | p[2];
	return (v & 0xC0C0) == 0x8080 && v - 0xE4B880u <= 0xE9BFBFu - 0xE4B880u;
}

static bool
is_letter_or_digit(ucs4_t u)
{
	if (u < 0x80)
		return ascii_class[u] == A_LETTER || ascii_class[u] == A_DIGIT;
	return uc_is_general_category_withtable(u, UC_CATEGORY_MASK_L
						| UC_CATEGORY_MASK_N);
}

/* Whether s[0..n) starts with "www." in any case. */
static inline bool
starts_www(const unsigned char *s, size_t n)
{
	return n > 4 && (s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w'
		&& (s[2] | 0x20) == 'w' && s[3] == '.';
}

/*
 * The UAX #29 words of the ASCII run starting at s: it ends at white space,
 * at a non-ASCII byte or at end, where the return value points.  Hyphenated
 * words are joined, and a run that holds a URL or an e-mail address is one
 * word.  *words gets the count, valid if the run really ends there (a
 * non-ASCII letter next would make it part of a longer run).
 */
static const unsigned char *
ascii_run(const unsigned char *s, const unsigned char *end, uint64_t *words)
{
	uint64_t n = 0;
	int join = 0;		/* 1: after a word; 2: after word + '-' */
	const unsigned char *p = s;
	bool special = false;
	while (p < end) {
		int c = ascii_class[*p];
		if (IS_WORD_CLASS(c)) {
			const unsigned char *t = p;
			p++;
			for (;;) {
				/* Letters, digits and '_': the bulk of it. */
				while (p < end && IS_WORD_CLASS(ascii_class[*p]))
					p++;
				if (p + 1 >= end)
					break;
				/* A non-ASCII byte is A_NONASCII, which no rule
				 * below joins. */
				int d = ascii_class[*p], e = ascii_class[p[1]];
				int prev = ascii_class[p[-1]];
				/* WB6/7: letter (MidLetter|MidNumLetQ) letter;
				 * WB11/12: digit (MidNum|MidNumLetQ) digit. */
				if (prev == A_LETTER && e == A_LETTER
				    && (d == A_MIDLETTER || d == A_MIDNUMLET)) {
					p += 2;
					continue;
				}
				if (prev == A_DIGIT && e == A_DIGIT
				    && (d == A_MIDNUM || d == A_MIDNUMLET)) {
					p += 2;
					continue;
				}
				break;
			}
			/* A word holds a letter or a digit, not only '_'. */
			bool alnum = c != A_EXTEND;
			for (const unsigned char *k = t; !alnum && k < p; k++)
				alnum = ascii_class[*k] == A_LETTER
					|| ascii_class[*k] == A_DIGIT;
			if (alnum) {
				if (join != 2)
					n++;
				join = 1;
			} else {
				join = 0;
			}
			continue;
		}
		if (c == A_SPACE || c == A_NONASCII)
			break;
		if (*p == '@' || (*p == ':' && end - p > 2 && p[1] == '/'
				  && p[2] == '/'))
			special = true;
		join = c == A_HYPHEN && join == 1 ? 2 : 0;
		p++;
	}
	if ((special || starts_www(s, (size_t) (p - s))) && n)
		n = 1;
	*words = n;
	return p;
}

static bool
is_hyphen_token(const unsigned char *s, size_t n)
{
	return (n == 1 && s[0] == '-')
		|| (n == 3 && s[0] == 0xE2 && s[1] == 0x80
		    && (s[2] == 0x90 || s[2] == 0x91));	/* U+2010/1 */
}

/* The words of a run holding non-ASCII characters, by u8_wordbreaks(). */
static uint64_t
unicode_run_words(struct bt_words *w, const unsigned char *s, size_t n)
{
	/* One character alone (a full-width comma between ideographs, a
	 * letter between two spaces): one token, a word if it is a letter
	 * or a digit. */
	size_t len1;
	ucs4_t u1 = decode(s, s + n, &len1);
	if (len1 == n)
		return is_letter_or_digit(u1) ? 1 : 0;
	if (n > w->breaks_cap) {
		free(w->breaks);
		w->breaks_cap = n < 256 ? 256 : n;
		w->breaks = bt_xmalloc(w->breaks_cap);
	}
	u8_wordbreaks(s, n, w->breaks);
	uint64_t words = 0;
	int join = 0;
	bool special = starts_www(s, n) || memchr(s, '@', n)
		|| memmem(s, n, "://", 3);
	size_t start = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !w->breaks[i])
			continue;
		const unsigned char *t = s + start, *end = s + i;
		size_t len = i - start;
		start = i;
		bool alnum = false;
		for (const unsigned char *p = t; p < end && !alnum;) {
			size_t k;
			alnum = is_letter_or_digit(decode(p, end, &k));
			p += k;
		}
		if (alnum) {
			if (join != 2)
				words++;
			join = 1;
		} else {
			join = is_hyphen_token(t, len) && join == 1 ? 2 : 0;
		}
	}
	return special && words ? 1 : words;
}

void
bt_words_init(struct bt_words *w, enum bt_cjk_words mode)
{
	init_ascii_class();
	w->mode = mode;
	w->lang_class = -1;
	w->breaks = NULL;
	w->breaks_cap = 0;
}

void
bt_words_release(struct bt_words *w)
{
	free(w->breaks);
	w->breaks = NULL;
	w->breaks_cap = 0;
}

void
bt_words_set_lang(struct bt_words *w, const char *lang)
{
	static const struct {
		const char *tag;
		int cls;
	} tags[] = {
		{ "zh", BT_GMX_ZH }, { "cmn", BT_GMX_ZH }, { "yue", BT_GMX_ZH },
		{ "lzh", BT_GMX_ZH }, { "wuu", BT_GMX_ZH }, { "ja", BT_GMX_JA },
		{ "ko", BT_GMX_KO },
	};
	w->lang_class = -1;
	if (!lang)
		return;
	size_t n = strcspn(lang, "-_");
	for (size_t i = 0; i < BT_ARRAY_SIZE(tags); i++)
		if (strlen(tags[i].tag) == n
		    && !strncasecmp(lang, tags[i].tag, n))
			w->lang_class = tags[i].cls;
}

/* Spaces mode: one word per white-space-delimited run that holds a letter,
 * a digit or a CJK character. */
static void
count_spaces(const unsigned char *p, const unsigned char *end,
	     struct bt_word_count *acc)
{
	bool in_run = false, counted = false;
	while (p < end) {
		size_t k = 1;
		bool space, wordish;
		if (*p < 0x80) {
			int c = ascii_class[*p];
			space = c == A_SPACE;
			wordish = c == A_LETTER || c == A_DIGIT;
		} else {
			ucs4_t u = decode(p, end, &k);
			space = classify(u) == K_SPACE;
			wordish = !space && is_letter_or_digit(u);
		}
		p += k;
		if (space) {
			in_run = counted = false;
			continue;
		}
		acc->chars++;
		if (!in_run)
			in_run = true;
		if (wordish && !counted) {
			acc->words++;
			counted = true;
		}
	}
}

void
bt_words_count(struct bt_words *w, const char *text, size_t len,
	       struct bt_word_count *acc)
{
	const unsigned char *p = (const unsigned char *) text;
	const unsigned char *end = p + len;
	if (w->mode == BT_CJK_SPACES) {
		count_spaces(p, end, acc);
		return;
	}
	/* The run (white-space-delimited, CJK characters apart) not yet
	 * counted: all ASCII so far, with its words in run_words, or not. */
	const unsigned char *run = NULL;
	bool run_ascii = true;
	uint64_t run_words = 0, words = 0, chars = 0;

#define FLUSH_RUN(at) do { \
		if (run) { \
			words += run_ascii ? run_words \
				: unicode_run_words(w, run, \
						    (size_t) ((at) - run)); \
			run = NULL; \
		} \
	} while (0)

	while (p < end) {
		if (*p < 0x80) {
			if (ascii_class[*p] == A_SPACE) {
				FLUSH_RUN(p);
				p++;
				continue;
			}
			const unsigned char *q;
			if (run) {
				/* More of a run that holds non-ASCII. */
				for (q = p + 1; q < end && *q < 0x80
				     && ascii_class[*q] != A_SPACE; q++)
					;
			} else {
				run = p;
				run_ascii = true;
				q = ascii_run(p, end, &run_words);
			}
			chars += (uint64_t) (q - p);
			p = q;
			continue;
		}
		if (w->mode == BT_CJK_IDEOGRAPHS && end - p >= 3 && is_han3(p)) {
			FLUSH_RUN(p);
			const unsigned char *q = p + 3;
			while (end - q >= 3 && is_han3(q))
				q += 3;
			uint64_t n = (uint64_t) (q - p) / 3;
			chars += n;
			words += n;
			p = q;
			continue;
		}
		size_t k;
		ucs4_t u = decode(p, end, &k);
		enum kind kind = classify(u);
		if (kind == K_HANGUL && w->mode != BT_CJK_GMX)
			kind = K_OTHER;	/* Korean: by UAX #29 words */
		switch (kind) {
		case K_SPACE:
			FLUSH_RUN(p);
			break;
		case K_HAN:
		case K_KANA:
		case K_HANGUL:
			FLUSH_RUN(p);
			chars++;
			if (w->mode == BT_CJK_GMX) {
				int cls = w->lang_class;
				if (cls < 0)
					cls = kind == K_HAN ? BT_GMX_ZH
						: kind == K_KANA ? BT_GMX_JA
						: BT_GMX_KO;
				acc->cjk[cls]++;
			} else {
				words++;
			}
			break;
		case K_MARK:
		case K_PUNCT:
			FLUSH_RUN(p);
			chars++;
			break;
		case K_OTHER:
			if (!run)
				run = p;
			run_ascii = false;
			chars++;
			break;
		}
		p += k;
	}
	FLUSH_RUN(end);
#undef FLUSH_RUN
	acc->words += words;
	acc->chars += chars;
}

uint64_t
bt_words_gmx(const uint64_t cjk[BT_GMX_N])
{
	/* n/2.8 + n/3.0 + n/3.3 over the common denominator 462:
	 * 462/2.8 = 165, 462/3 = 154, 462/3.3 = 140. */
	uint64_t num = cjk[BT_GMX_ZH] * 165 + cjk[BT_GMX_JA] * 154
		+ cjk[BT_GMX_KO] * 140;
	return (num + 231) / 462;
}

int
bt_words_parse_mode(const char *s, enum bt_cjk_words *mode)
{
	if (!strcmp(s, "ideographs"))
		*mode = BT_CJK_IDEOGRAPHS;
	else if (!strcmp(s, "gmx"))
		*mode = BT_CJK_GMX;
	else if (!strcmp(s, "spaces"))
		*mode = BT_CJK_SPACES;
	else
		return -1;
	return 0;
}
