/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tokens the aligner compares, with the anchors normalised so that they
 * match across languages and scripts.
 *
 * A sentence becomes a list of token strings:
 *   - words, lower-cased (each Han ideograph and kana on its own, Hangul
 *     and other scripts by runs of letters), so that identical tokens
 *     (names, Latin words inside Chinese text) match;
 *   - numbers as their value, whatever their script and separators:
 *     "5,000", "5000", "5 000" (no-break space), "５０００", "五千" all give
 *     the same token; a multiplier folds in ("5000万" and "50 million" are
 *     one token), and so do small number words ("five", "fünf", "cinq");
 *   - months, from their names in ten languages or from "5月", but only
 *     next to a number, so that "May 2020", "18. Mai", "2020年5月18日"
 *     share their month, day and year while the verb "may" stays a word;
 *   - URLs whole; the punctuation that survives translation: question and
 *     exclamation marks, colons, quotation marks of every style.
 * Special tokens begin with a control character, so no word can be one.
 *
 * bt_align_cognate_key() gives the key under which words of two
 * languages that share their first letters (after folding accents) match:
 * "Expedition" and "expédition".
 */
#include "system.h"

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "align/align-internal.h"
#include "core/buf.h"

enum tok_kind { T_WORD, T_NUM, T_MONTH, T_OTHER };

struct tok {
	enum tok_kind kind;
	size_t off, len;	/* into the scratch buffer */
	double value;		/* T_NUM, T_MONTH */
	double alt;		/* T_NUM: the other reading, or -1 */
	bool month_name;	/* T_WORD that names a month */
	int month;
};

struct tokenizer {
	struct bt_buf buf;	/* token strings */
	struct tok *toks;
	size_t n, cap;
};

static struct tok *
push(struct tokenizer *t, enum tok_kind kind)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->toks = realloc(t->toks, t->cap * sizeof(*t->toks));
		if (!t->toks)
			abort();
	}
	struct tok *k = &t->toks[t->n++];
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	k->off = t->buf.len;
	k->alt = -1;
	return k;
}

/* Han ideographs (with extensions and compatibility ideographs) and
 * kana: the characters that are each a token of their own. */
bool
bt_align_ideograph_char(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
		|| (c >= 0xF900 && c <= 0xFAFF)
		|| (c >= 0x20000 && c <= 0x3134F)
		|| (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)
		|| (c >= 0xFF66 && c <= 0xFF9D);
}

static int
digit_of(ucs4_t c)
{
	if (c >= '0' && c <= '9')
		return (int) (c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)		/* full width */
		return (int) (c - 0xFF10);
	return -1;
}

/* The value of a Chinese numeral character: 0-9, or 10, 100, 1000,
 * 10000, 1e8 for the units; -1 if none. */
static double
han_numeral(ucs4_t c)
{
	switch (c) {
	case 0x96F6: case 0x3007: return 0;	/* 零 〇 */
	case 0x4E00: return 1;			/* 一 */
	case 0x4E8C: case 0x4E24: return 2;	/* 二 两 */
	case 0x4E09: return 3;
	case 0x56DB: return 4;
	case 0x4E94: return 5;
	case 0x516D: return 6;
	case 0x4E03: return 7;
	case 0x516B: return 8;
	case 0x4E5D: return 9;
	case 0x5341: return 10;			/* 十 */
	case 0x767E: return 100;		/* 百 */
	case 0x5343: return 1000;		/* 千 */
	case 0x4E07: return 1e4;		/* 万 */
	case 0x842C: return 1e4;		/* 萬 */
	case 0x4EBF: case 0x5104: return 1e8;	/* 亿 億 */
	default: return -1;
	}
}

/* Characters after which a lone Chinese numeral is a number: 第 before
 * it, or a counter / unit after it. */
static bool
han_counter(ucs4_t c)
{
	static const ucs4_t counters[] = {
		0x5E74, 0x6708, 0x65E5, 0x53F7, 0x6761, 0x5C4A, 0x4E2A,
		0x9879, 0x6B21, 0x5927, 0x540D, 0x4F4D, 0x5929, 0x5C81,
		0x500B, 0x689D, 0x9805, 0x6B72, 0x70B9, 0x7AE0, 0x8282,
	};	/* 年月日号条届个项次大名位天岁個條項歲点章节 */
	for (size_t i = 0; i < BT_ARRAY_SIZE(counters); i++)
		if (counters[i] == c)
			return true;
	return false;
}

/* The value of a run of Chinese numerals.  Digits alone read positionally
 * ("二〇二〇" is 2020); with units, as numbers are said ("七十三"). */
static double
han_value(const double *d, size_t n)
{
	bool units = false;
	for (size_t i = 0; i < n; i++)
		if (d[i] >= 10)
			units = true;
	double v = 0;
	if (!units) {
		for (size_t i = 0; i < n; i++)
			v = v * 10 + d[i];
		return v;
	}
	double section = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[i] < 10) {
			digit = d[i];
		} else if (d[i] < 1e4) {
			section += (digit ? digit : 1) * d[i];
			digit = 0;
		} else {
			section += digit;
			v = (v + (section ? section : 1)) * d[i];
			section = digit = 0;
		}
	}
	return v + section + digit;
}

static void
add_special(struct bt_buf *b, char kind, const char *fmt, double v)
{
	bt_buf_addch(b, kind);
	bt_buf_addf(b, fmt, v);
}

/* Writes a number token: its value, integral when it is. */
static void
add_number(struct bt_buf *b, double v)
{
	if (v == (double) (long long) v && v < 1e18)
		add_special(b, BT_TOK_NUM, "%.0f", v);
	else
		add_special(b, BT_TOK_NUM, "%.6g", v);
}

/*
 * Parses the number at s[i..n): digit groups joined by single '.', ',',
 * '\'' or no-break spaces.  A lone separator before exactly three digits
 * reads both ways ("3,500": 3500 or 3.5).  Returns the bytes used.
 */
static size_t
parse_number(const uint8_t *s, size_t i, size_t n, double *value,
	     double *alt)
{
	char digits[64];
	size_t nd = 0, start = i;
	int groups = 0;
	size_t group_len[16] = { 0 };
	char seps[16];
	for (;;) {
		ucs4_t c;
		int w = u8_mbtouc(&c, s + i, n - i);
		int d = digit_of(c);
		if (d >= 0) {
			if (nd < sizeof(digits) - 1)
				digits[nd++] = (char) ('0' + d);
			if (groups < 16)
				group_len[groups]++;
			i += (size_t) w;
			continue;
		}
		/* A separator counts only between two digits. */
		bool sep = c == '.' || c == ',' || c == '\'' || c == 0xA0
			|| c == 0x202F || c == 0x2009 || c == 0xFF0C
			|| c == 0xFF0E;
		if (!sep || i + (size_t) w >= n || groups >= 15)
			break;
		ucs4_t next;
		u8_mbtouc(&next, s + i + w, n - i - (size_t) w);
		if (digit_of(next) < 0)
			break;
		seps[groups++] = (char) (c == ',' || c == 0xFF0C ? ','
					 : c == '.' || c == 0xFF0E ? '.'
					 : ' ');
		i += (size_t) w;
	}
	digits[nd] = '\0';
	*alt = -1;
	/* Where the decimal point is, if any: after a lone '.' or ',', or
	 * the last separator when it differs from the others. */
	int point = -1;
	if (groups == 1 && seps[0] != ' ') {
		point = 0;
		if (group_len[1] == 3 && group_len[0] <= 3)
			*alt = 1;	/* also read as thousands */
	} else if (groups > 1 && seps[groups - 1] != seps[0]
		   && seps[groups - 1] != ' ') {
		point = groups - 1;
	}
	double v = 0, scale = 0;
	size_t k = 0;
	for (int g = 0; g <= groups && g < 16; g++) {
		for (size_t j = 0; j < group_len[g] && k < nd; j++, k++) {
			v = v * 10 + (digits[k] - '0');
			if (scale)
				scale *= 10;
		}
		if (g == point)
			scale = 1;
	}
	if (*alt > 0)
		*alt = v;	/* all digits, as an integer */
	*value = scale ? v / scale : v;
	if (*alt == *value)
		*alt = -1;
	return i - start;
}

struct word_value {
	const char *word;
	int value;
};

/* Month names (and genitives) of en, de, fr, es, it, pt, ru, nl. */
static const struct word_value months[] = {
	{ "january", 1 }, { "jan", 1 }, { "januar", 1 }, { "jänner", 1 },
	{ "janvier", 1 }, { "enero", 1 }, { "gennaio", 1 }, { "janeiro", 1 },
	{ "января", 1 }, { "январь", 1 }, { "januari", 1 },
	{ "february", 2 }, { "feb", 2 }, { "februar", 2 }, { "février", 2 },
	{ "febrero", 2 }, { "febbraio", 2 }, { "fevereiro", 2 },
	{ "февраля", 2 }, { "февраль", 2 }, { "februari", 2 },
	{ "march", 3 }, { "mar", 3 }, { "märz", 3 }, { "mars", 3 },
	{ "marzo", 3 }, { "março", 3 }, { "марта", 3 }, { "март", 3 },
	{ "maart", 3 },
	{ "april", 4 }, { "apr", 4 }, { "avril", 4 }, { "abril", 4 },
	{ "aprile", 4 }, { "апреля", 4 }, { "апрель", 4 },
	{ "may", 5 }, { "mai", 5 }, { "mayo", 5 }, { "maggio", 5 },
	{ "maio", 5 }, { "мая", 5 }, { "май", 5 }, { "mei", 5 },
	{ "june", 6 }, { "jun", 6 }, { "juni", 6 }, { "juin", 6 },
	{ "junio", 6 }, { "giugno", 6 }, { "junho", 6 }, { "июня", 6 },
	{ "июнь", 6 },
	{ "july", 7 }, { "jul", 7 }, { "juli", 7 }, { "juillet", 7 },
	{ "julio", 7 }, { "luglio", 7 }, { "julho", 7 }, { "июля", 7 },
	{ "июль", 7 },
	{ "august", 8 }, { "aug", 8 }, { "août", 8 }, { "agosto", 8 },
	{ "августа", 8 }, { "август", 8 }, { "augustus", 8 },
	{ "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "septembre", 9 },
	{ "septiembre", 9 }, { "setiembre", 9 }, { "settembre", 9 },
	{ "setembro", 9 }, { "сентября", 9 }, { "сентябрь", 9 },
	{ "october", 10 }, { "oct", 10 }, { "oktober", 10 },
	{ "octobre", 10 }, { "octubre", 10 }, { "ottobre", 10 },
	{ "outubro", 10 }, { "октября", 10 }, { "октябрь", 10 },
	{ "november", 11 }, { "nov", 11 }, { "novembre", 11 },
	{ "noviembre", 11 }, { "novembro", 11 }, { "ноября", 11 },
	{ "ноябрь", 11 },
	{ "december", 12 }, { "dec", 12 }, { "dezember", 12 },
	{ "décembre", 12 }, { "diciembre", 12 }, { "dicembre", 12 },
	{ "dezembro", 12 }, { "декабря", 12 }, { "декабрь", 12 },
};

/* Number words 2-12 (not "one": it is an article in most languages). */
static const struct word_value number_words[] = {
	{ "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
	{ "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
	{ "zwei", 2 }, { "drei", 3 }, { "vier", 4 }, { "fünf", 5 },
	{ "sechs", 6 }, { "sieben", 7 }, { "acht", 8 }, { "neun", 9 },
	{ "zehn", 10 }, { "zwölf", 12 },
	{ "deux", 2 }, { "trois", 3 }, { "quatre", 4 }, { "cinq", 5 },
	{ "sept", 7 }, { "huit", 8 }, { "neuf", 9 }, { "dix", 10 },
	{ "onze", 11 }, { "douze", 12 },
	{ "dos", 2 }, { "tres", 3 }, { "cuatro", 4 }, { "cinco", 5 },
	{ "seis", 6 }, { "siete", 7 }, { "ocho", 8 }, { "nueve", 9 },
	{ "diez", 10 }, { "doce", 12 },
	{ "due", 2 }, { "tre", 3 }, { "quattro", 4 }, { "cinque", 5 },
	{ "sei", 6 }, { "sette", 7 }, { "otto", 8 }, { "nove", 9 },
	{ "dieci", 10 }, { "dodici", 12 },
	{ "два", 2 }, { "три", 3 }, { "четыре", 4 }, { "пять", 5 },
	{ "шесть", 6 }, { "семь", 7 }, { "восемь", 8 }, { "девять", 9 },
	{ "десять", 10 },
};

/* Multiplier words that follow a number: "50 million". */
static const struct word_value multipliers[] = {
	{ "thousand", 3 }, { "tausend", 3 }, { "mille", 3 }, { "mil", 3 },
	{ "million", 6 }, { "millions", 6 }, { "millionen", 6 },
	{ "mio", 6 }, { "millón", 6 }, { "millones", 6 }, { "milioni", 6 },
	{ "milione", 6 }, { "milhões", 6 }, { "milhão", 6 },
	{ "миллиона", 6 }, { "миллионов", 6 }, { "миллион", 6 },
	{ "billion", 9 }, { "billions", 9 }, { "milliarde", 9 },
	{ "milliarden", 9 }, { "milliard", 9 }, { "milliards", 9 },
	{ "mrd", 9 }, { "miliardi", 9 }, { "miliardo", 9 },
	{ "миллиарда", 9 }, { "миллиардов", 9 }, { "миллиард", 9 },
	{ "trillion", 12 }, { "trillions", 12 },
};

/*
 * The three tables above in one hash set, built on first use: every word
 * of every sentence is looked up, so a scan of the tables would cost more
 * than the rest of the tokenizer.
 */
enum { WORD_SLOTS = 1024 };

struct word_entry {
	const char *word;	/* NULL: empty slot */
	size_t len;
	int month, number, multiplier;
};

static struct word_entry word_set[WORD_SLOTS];
static bool word_set_ready;

static size_t
word_hash(const char *w, size_t len)
{
	size_t h = 5381;
	for (size_t i = 0; i < len; i++)
		h = h * 33 + (unsigned char) w[i];
	return h & (WORD_SLOTS - 1);
}

static struct word_entry *
word_slot(const char *w, size_t len)
{
	size_t i = word_hash(w, len);
	while (word_set[i].word && (word_set[i].len != len
				    || memcmp(word_set[i].word, w, len)))
		i = (i + 1) & (WORD_SLOTS - 1);
	return &word_set[i];
}

static void
word_set_add(const struct word_value *t, size_t n, int kind)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(t[i].word);
		struct word_entry *e = word_slot(t[i].word, len);
		e->word = t[i].word;
		e->len = len;
		if (kind == 0)
			e->month = t[i].value;
		else if (kind == 1)
			e->number = t[i].value;
		else
			e->multiplier = t[i].value;
	}
}

/* The entry of word w[0..len), or NULL. */
static const struct word_entry *
word_lookup(const char *w, size_t len)
{
	if (!word_set_ready) {
		word_set_add(months, BT_ARRAY_SIZE(months), 0);
		word_set_add(number_words, BT_ARRAY_SIZE(number_words), 1);
		word_set_add(multipliers, BT_ARRAY_SIZE(multipliers), 2);
		word_set_ready = true;
	}
	if (len > 24)
		return NULL;
	const struct word_entry *e = word_slot(w, len);
	return e->word ? e : NULL;
}

static bool
starts_url(const uint8_t *s, size_t n)
{
	return (n > 8 && !strncasecmp((const char *) s, "https://", 8))
		|| (n > 7 && !strncasecmp((const char *) s, "http://", 7))
		|| (n > 4 && !strncasecmp((const char *) s, "www.", 4));
}

/* The punctuation token for c, or 0. */
static char
punct_of(ucs4_t c)
{
	switch (c) {
	case '?': case 0xFF1F: case 0xBF: return '?';
	case '!': case 0xFF01: case 0xA1: return '!';
	case ':': case 0xFF1A: return ':';
	case '"': case 0x201C: case 0x201D: case 0x201E: case 0xAB:
	case 0xBB: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
	case 0x2039: case 0x203A: case 0xFF02:
		return '"';
	default:
		return 0;
	}
}

static bool
is_space(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0
		|| c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F
		|| c == '\f' || c == '\v' || c == 0xFEFF;
}

/* Whether c continues a word: letters, combining marks, and the ASCII
 * digits inside words such as "A380" once a word has begun. */
static bool
is_word_char(ucs4_t c)
{
	return uc_is_alpha(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

/* Splits text into raw tokens; returns its length in characters. */
static size_t
scan(struct tokenizer *t, const uint8_t *s, size_t n)
{
	size_t chars = 0;
	size_t i = 0;
	while (i < n) {
		ucs4_t c;
		int w = u8_mbtouc(&c, s + i, n - i);
		if (w <= 0)
			w = 1;
		if (c >= 0xFDD0 && c <= 0xFDD2) {	/* inline code */
			i += (size_t) w;
			continue;
		}
		if (is_space(c)) {
			i += (size_t) w;
			continue;
		}
		chars++;
		if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		    && !((c | 0x20) == 'h' || (c | 0x20) == 'w')) {
			/* The common case: an ASCII word. */
			struct tok *k = push(t, T_WORD);
			size_t j = i;
			while (j < n && s[j] < 0x80
			       && (((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')))
				bt_buf_addch(&t->buf, (char) (s[j++] | 0x20));
			if (j < n && s[j] >= 0x80) {
				ucs4_t u;
				u8_mbtouc(&u, s + j, n - j);
				if (is_word_char(u) && !bt_align_ideograph_char(u)
				    && !(u >= 0xFDD0 && u <= 0xFDD2)) {
					/* Goes on beyond ASCII: the slow way. */
					t->buf.len = k->off;
					t->n--;
					goto word;
				}
			}
			k->len = t->buf.len - k->off;
			chars += j - i - 1;
			i = j;
			continue;
		}
		if ((c == 'h' || c == 'H' || c == 'w' || c == 'W')
		    && starts_url(s + i, n - i)) {
			struct tok *k = push(t, T_OTHER);
			size_t j = i;
			while (j < n && s[j] > ' ' && s[j] != '>'
			       && s[j] != ')' && s[j] != '"') {
				bt_buf_addch(&t->buf, (char) (s[j] >= 'A'
					&& s[j] <= 'Z' ? s[j] + 32 : s[j]));
				j++;
			}
			/* A full stop after a URL ends the sentence. */
			while (j > i && (s[j - 1] == '.' || s[j - 1] == ',')) {
				j--;
				t->buf.len--;
			}
			t->buf.data[t->buf.len] = '\0';
			k->len = t->buf.len - k->off;
			chars += j - i - 1;
			i = j;
			continue;
		}
		if (digit_of(c) >= 0) {
			struct tok *k = push(t, T_NUM);
			size_t used = parse_number(s, i, n, &k->value,
						   &k->alt);
			chars += u8_mbsnlen(s + i, used) - 1;
			i += used;
			/* A Chinese multiplier or date unit right after. */
			ucs4_t u;
			if (i < n) {
				int uw = u8_mbtouc(&u, s + i, n - i);
				double m = han_numeral(u);
				if (m >= 1e4) {
					k->value *= m;
					k->alt = -1;
					i += (size_t) uw;
					chars++;
				} else if (u == 0x6708) {	/* 月 */
					k->kind = T_MONTH;
				}
			}
			continue;
		}
		if (c >= 0x3007 && han_numeral(c) >= 0) {
			double d[32];
			size_t nd = 0, j = i;
			ucs4_t u = 0;
			int uw = 0;
			while (j < n) {
				uw = u8_mbtouc(&u, s + j, n - j);
				double v = han_numeral(u);
				if (v < 0)
					break;
				if (nd < BT_ARRAY_SIZE(d))
					d[nd++] = v;
				j += (size_t) uw;
			}
			bool after_di = i >= 3 && !memcmp(s + i - 3, "\xE7\xAC\xAC", 3);
			bool counter = j < n && han_counter(u);
			if (nd >= 2 || after_di || counter) {
				struct tok *k = push(t, T_NUM);
				k->value = han_value(d, nd);
				if (j < n && u == 0x6708 && k->value <= 12)
					k->kind = T_MONTH;
				chars += nd - 1;
				i = j;
				continue;
			}
			/* else an ordinary ideograph, below */
		}
		if (bt_align_ideograph_char(c)) {
			struct tok *k = push(t, T_WORD);
			bt_buf_add(&t->buf, s + i, (size_t) w);
			k->len = (size_t) w;
			i += (size_t) w;
			continue;
		}
word:
		if (is_word_char(c)) {
			struct tok *k = push(t, T_WORD);
			size_t j = i;
			bool first = true;
			while (j < n) {
				ucs4_t u;
				int uw = u8_mbtouc(&u, s + j, n - j);
				if (uw <= 0)
					break;
				if (!is_word_char(u) || bt_align_ideograph_char(u)
				    || (u >= 0xFDD0 && u <= 0xFDD2))
					break;
				uint8_t out[6];
				int ow = u8_uctomb(out, uc_tolower(u), 6);
				if (ow > 0)
					bt_buf_add(&t->buf, out, (size_t) ow);
				if (!first)
					chars++;
				first = false;
				j += (size_t) uw;
			}
			k->len = t->buf.len - k->off;
			i = j;
			continue;
		}
		char p = punct_of(c);
		if (p) {
			struct tok *k = push(t, T_OTHER);
			bt_buf_addch(&t->buf, BT_TOK_PUNCT);
			bt_buf_addch(&t->buf, p);
			k->len = 2;
		}
		i += (size_t) w;
	}
	return chars;
}

size_t
bt_align_tokenize(const char *text, size_t len, bt_align_tok_fn emit,
		  void *ctx)
{
	struct tokenizer t = { BT_BUF_INIT, NULL, 0, 0 };
	size_t chars = scan(&t, (const uint8_t *) text, len);
	struct bt_buf num = BT_BUF_INIT;

	/* Words that carry numbers: number words, multipliers, months. */
	for (size_t i = 0; i < t.n; i++) {
		struct tok *k = &t.toks[i];
		if (k->kind != T_WORD)
			continue;
		const struct word_entry *e = word_lookup(t.buf.data + k->off,
							 k->len);
		if (!e)
			continue;
		if (i > 0 && t.toks[i - 1].kind == T_NUM && e->multiplier) {
			struct tok *p = &t.toks[i - 1];
			double f = 1;
			for (int m = e->multiplier; m > 0; m--)
				f *= 10;
			p->value *= f;
			p->alt = p->alt >= 0 ? p->alt * f : -1;
			k->kind = T_OTHER;	/* folded into the number */
			k->len = 0;
			continue;
		}
		if (e->month) {
			k->month_name = true;
			k->month = e->month;
		}
		if (e->number)
			k->value = e->number;
	}
	for (size_t i = 0; i < t.n; i++) {
		struct tok *k = &t.toks[i];
		switch (k->kind) {
		case T_NUM:
			bt_buf_reset(&num);
			add_number(&num, k->value);
			emit(ctx, num.data, num.len);
			if (k->alt >= 0) {
				bt_buf_reset(&num);
				add_number(&num, k->alt);
				emit(ctx, num.data, num.len);
			}
			break;
		case T_MONTH:
			bt_buf_reset(&num);
			add_special(&num, BT_TOK_MONTH, "%.0f", k->value);
			emit(ctx, num.data, num.len);
			break;
		case T_WORD:
			emit(ctx, t.buf.data + k->off, k->len);
			if (k->month_name
			    && ((i > 0 && t.toks[i - 1].kind == T_NUM)
				|| (i + 1 < t.n
				    && t.toks[i + 1].kind == T_NUM))) {
				bt_buf_reset(&num);
				add_special(&num, BT_TOK_MONTH, "%.0f",
					    (double) k->month);
				emit(ctx, num.data, num.len);
			}
			if (k->value > 0) {
				bt_buf_reset(&num);
				add_number(&num, k->value);
				emit(ctx, num.data, num.len);
			}
			break;
		case T_OTHER:
			if (k->len)
				emit(ctx, t.buf.data + k->off, k->len);
			break;
		}
	}
	bt_buf_release(&num);
	bt_buf_release(&t.buf);
	free(t.toks);
	return chars;
}

/*
 * ASCII folding of Latin-1 and Latin Extended-A letters (U+00C0-U+017F),
 * lower case; "" for signs.  Enough for the cognates of European
 * languages; other scripts keep their letters.
 */
static const char *const fold_c0[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "th", "y",
};
static const char fold_100[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkk"
	"llllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuu"
	"wwyyyzzzzzzs";

size_t
bt_align_cognate_key(const char *tok, size_t len, char *out, size_t cap)
{
	const uint8_t *s = (const uint8_t *) tok;
	size_t n = 0, letters = 0, i = 0;
	if (!len || (unsigned char) tok[0] < 0x20)
		return 0;	/* a special token */
	out[n++] = BT_TOK_COGNATE;
	while (i < len) {
		ucs4_t c;
		int w = u8_mbtouc(&c, s + i, len - i);
		if (w <= 0)
			return 0;
		i += (size_t) w;
		char one[2] = { 0, 0 };
		const char *f;
		if (c < 0x80) {
			one[0] = (char) c;
			f = one;
		} else if (c >= 0xC0 && c < 0x100) {
			f = fold_c0[c - 0xC0];
		} else if (c >= 0x100 && c < 0x100 + sizeof(fold_100) - 1) {
			one[0] = fold_100[c - 0x100];
			f = one;
		} else if (uc_is_general_category(c, UC_CATEGORY_M)) {
			continue;
		} else {
			return 0;	/* no cognates across other scripts */
		}
		for (; *f; f++) {
			if (letters < BT_COGNATE_PREFIX && n + 1 < cap)
				out[n++] = *f;
			letters++;
		}
	}
	if (letters < BT_COGNATE_MIN)
		return 0;
	return n;
}
