/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of the Java regex -> PCRE2 translation
 * (src/segment/java-regex.h) that SRX rules go through.
 *
 * Most checks compare the exact PCRE2 text produced for one Java
 * construct: \uXXXX, octal escapes, Unicode properties under their Java
 * names (IsLu, javaLowerCase), POSIX classes (Punct), blocks (InHiragana),
 * class union, inline flags, '-' beside a class escape.  Constructs PCRE2
 * cannot express must give BT_EINVALID, broken patterns BT_ESYNTAX.
 *
 * Where pcre2.h is at hand, every translation is also compiled with the
 * options the segmenter uses and matched against sample text, so that a
 * translation that is text-perfect but means something else than in Java
 * is caught too.
 */
#include "system.h"

#include "core/buf.h"
#include "core/error.h"
#include "segment/java-regex.h"
#include "tap.h"

#if defined(__has_include)
# if __has_include(<pcre2.h>)
#  define HAVE_PCRE2_H 1
#  define PCRE2_CODE_UNIT_WIDTH 8
#  include <pcre2.h>
# endif
#endif

/* Translates java; returns the PCRE2 text (caller frees) or NULL, with
 * *code the error code. */
static char *
translate(const char *java, enum bt_error_code *code)
{
	struct bt_buf out = BT_BUF_INIT;
	struct bt_error err = BT_ERROR_INIT;
	int rc = bt_java_regex_to_pcre2(java, &out, &err);
	*code = err.code;
	if (rc < 0) {
		if (!err.msg || !*err.msg)
			diag("error without a message for '%s'", java);
		bt_error_release(&err);
		bt_buf_release(&out);
		return NULL;
	}
	if (err.code != BT_OK)
		diag("success but an error code for '%s'", java);
	bt_error_release(&err);
	bt_buf_addstr(&out, "");
	return bt_buf_detach(&out, NULL);
}

#ifdef HAVE_PCRE2_H
/* Whether the translation of java compiles with the segmenter's options
 * and finds a match in subject.  -1: does not compile. */
static int
pcre_matches(const char *pcre, const char *subject)
{
	int code;
	PCRE2_SIZE at;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR) pcre, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_UCP, &code, &at,
				       NULL);
	if (!re)
		return -1;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	int rc = pcre2_match(re, (PCRE2_SPTR) subject, strlen(subject), 0, 0,
			     md, NULL);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return rc >= 0;
}
#endif

/* Java pattern, the exact PCRE2 text expected, and (optionally) a subject
 * it must match and one it must not. */
static const struct {
	const char *java;
	const char *pcre;
	const char *yes;
	const char *no;
} good[] = {
	/* Common ground passes through. */
	{ "abc", "abc", "xabcx", "ab" },
	{ "[.?!]+\\s", "[.?!]+\\s", "end. ", "end." },
	{ "(?<!Mr)\\.", "(?<!Mr)\\.", "end.", "Mr." },
	{ "(?<=\\d)\\.(?=\\s)", "(?<=\\d)\\.(?=\\s)", "5. x", "a. x" },
	{ "\\b\\w+\\b", "\\b\\w+\\b", "word", " " },
	{ "\\x41\\x{1F600}", "\\x41\\x{1F600}", "A\xF0\x9F\x98\x80", "A" },
	{ "\\Q.*\\E", "\\Q.*\\E", "a.*b", "ab" },
	{ "\\pL", "\\pL", "x", "1" },
	{ "", "", "", NULL },
	/* \uXXXX */
	{ "\\u00A0", "\\x{00A0}", "\xC2\xA0", " " },
	{ "\\u3002", "\\x{3002}", "\xE3\x80\x82", "." },
	{ "[\\u3002\\uff01\\uFF1F]", "[\\x{3002}\\x{ff01}\\x{FF1F}]",
	  "\xEF\xBC\x81", "!" },
	{ "[\\u0041-\\u005A]", "[\\x{0041}-\\x{005A}]", "Q", "q" },
	/* octal */
	{ "\\0101", "\\o{101}", "A", "B" },
	{ "\\012", "\\o{12}", "\n", "\r" },
	{ "\\07", "\\o{7}", "\a", "7" },
	/* properties with Java names */
	{ "\\p{IsLu}", "\\p{Lu}", "\xC3\x89", "\xC3\xA9" },
	{ "\\p{Lu}", "\\p{Lu}", "A", "a" },
	{ "\\P{IsLu}", "\\P{Lu}", "a", "A" },
	{ "\\p{IsL}", "\\p{L}", "\xE4\xB8\xAD", "1" },
	{ "\\p{IsLatin}", "\\p{Latin}", "a", "\xD0\x96" },
	{ "\\p{IsHan}", "\\p{Han}", "\xE4\xB8\xAD", "a" },
	{ "\\p{gc=Lu}", "\\p{Lu}", "A", "a" },
	{ "\\p{javaLowerCase}", "[\\p{Ll}]", "\xC3\xA9", "\xC3\x89" },
	{ "\\p{javaUpperCase}", "[\\p{Lu}]", "A", "a" },
	{ "\\P{javaLowerCase}", "[^\\p{Ll}]", "A", "a" },
	{ "[\\p{javaLowerCase}\\d]", "[\\p{Ll}\\d]", "7", "A" },
	{ "\\p{javaLetterOrDigit}", "[\\p{L}\\p{Nd}]", "9", "-" },
	{ "\\p{IsAlphabetic}", "[\\p{L}\\p{Nl}]", "a", "1" },
	{ "\\p{IsPunctuation}", "[\\p{P}]", "\xE3\x80\x82", "a" },
	{ "\\p{IsIdeographic}", "[\\p{Han}]", "\xE4\xB8\xAD", "a" },
	/* POSIX classes: ASCII only, as in Java */
	{ "\\p{Punct}", "[!-\\/:-@\\[-`{-~]", "x!", "a b" },
	{ "\\P{Punct}", "[^!-\\/:-@\\[-`{-~]", "a", "!?" },
	{ "[\\p{Punct}\\s]", "[!-\\/:-@\\[-`{-~\\s]", " ", "a" },
	{ "\\p{Lower}", "[a-z]", "a", "\xC3\xA9" },
	{ "\\p{Upper}+", "[A-Z]+", "ABC", "abc" },
	{ "\\p{Alpha}", "[a-zA-Z]", "Z", "5" },
	{ "\\p{Digit}", "[0-9]", "5", "\xD9\xA5" },
	{ "\\p{Space}", "[ \\t\\n\\x0B\\f\\r]", "\t", "\xC2\xA0" },
	/* blocks */
	{ "\\p{InHiragana}", "[\\x{3040}-\\x{309F}]", "\xE3\x81\x82",
	  "\xE3\x82\xA2" },
	{ "\\p{InKatakana}", "[\\x{30A0}-\\x{30FF}]", "\xE3\x82\xA2",
	  "\xE3\x81\x82" },
	{ "\\p{InCJK_Unified_Ideographs}", "[\\x{4E00}-\\x{9FFF}]",
	  "\xE4\xB8\xAD", "\xE3\x81\x82" },
	{ "\\p{InCJKUnifiedIdeographs}", "[\\x{4E00}-\\x{9FFF}]", NULL,
	  NULL },
	{ "\\p{InCJK Symbols and Punctuation}", "[\\x{3000}-\\x{303F}]",
	  "\xE3\x80\x82", "." },
	{ "\\p{InBasic_Latin}", "[\\x{0}-\\x{7F}]", "a", "\xC3\xA9" },
	{ "\\P{InHiragana}", "[^\\x{3040}-\\x{309F}]", "a", "\xE3\x81\x82" },
	{ "[\\p{InHiragana}\\p{InKatakana}]",
	  "[\\x{3040}-\\x{309F}\\x{30A0}-\\x{30FF}]", "\xE3\x82\xA2", "a" },
	/* class union */
	{ "[a-z[A-Z]]", "[a-zA-Z]", "Q", "1" },
	{ "[a-c[x-z][0-9]]", "[a-cx-z0-9]", "y", "m" },
	{ "[a[b[c]]]", "[abc]", "c", "d" },
	{ "[\\[\\]]", "[\\[\\]]", "]", "a" },
	{ "[]a]", "[\\]a]", "]", "b" },
	{ "[^]a]", "[^\\]a]", "b", "]" },
	/* inline flags: u, U and d dropped */
	{ "(?iu)abc", "(?i)abc", "ABC", "abd" },
	{ "(?i)abc", "(?i)abc", "AbC", NULL },
	{ "(?u)abc", "abc", "abc", "ABC" },
	{ "(?U)\\w", "\\w", "a", NULL },
	{ "(?iu:mr)\\.", "(?i:mr)\\.", "MR.", "MR" },
	{ "(?u:x)", "(?:x)", "x", NULL },
	{ "(?-i)a", "(?-i)a", "a", "A" },
	{ "(?i-u)a", "(?i-)a", "A", NULL },
	{ "(?d)a", "a", "a", NULL },
	{ "(?=x)", "(?=x)", "x", "y" },
	{ "(?:ab)+", "(?:ab)+", "abab", "b" },
	{ "(?<name>a)\\k<name>", "(?<name>a)\\k<name>", "aa", "ab" },
	/* '-' beside a class escape is a literal in Java */
	{ "[\\d-x]", "[\\d\\-x]", "-", "c" },
	{ "[x-\\d]", "[x\\-\\d]", "-", "c" },
	{ "[\\w-]", "[\\w\\-]", "-", " " },
	{ "[\\s-\\d]", "[\\s\\-\\d]", "-", "a" },
	{ "[\\p{Lu}-x]", "[\\p{Lu}\\-x]", "-", "a" },
	{ "[a-z]", "[a-z]", "m", "-" },
};

static void
test_good(void)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(good); i++) {
		enum bt_error_code code;
		char *got = translate(good[i].java, &code);
		is_str(got, good[i].pcre, "'%s'", good[i].java);
#ifdef HAVE_PCRE2_H
		if (got && *good[i].pcre && strcmp(got, good[i].pcre))
			diag("(checking its meaning anyway)");
		if (got && good[i].yes)
			is_int(pcre_matches(got, good[i].yes), 1,
			       "'%s' compiles and matches '%s'", good[i].java,
			       good[i].yes);
		if (got && good[i].no)
			is_int(pcre_matches(got, good[i].no), 0,
			       "'%s' does not match '%s'", good[i].java,
			       good[i].no);
#endif
		free(got);
	}
}

static const struct {
	const char *java;
	enum bt_error_code code;
} bad[] = {
	{ "[a-z&&[^aeiou]]", BT_EINVALID },	/* intersection */
	{ "[\\p{Punct}&&[^.]]", BT_EINVALID },
	{ "[a-z&&b]", BT_EINVALID },
	{ "[a[^b]]", BT_EINVALID },		/* negated nested class */
	{ "[\\P{InHiragana}]", BT_EINVALID },	/* negated block in class */
	{ "\\p{NoSuchProperty}", BT_EINVALID },
	{ "\\p{InNoSuchBlock}", BT_EINVALID },
	{ "abc\\", BT_ESYNTAX },		/* trailing backslash */
	{ "\\", BT_ESYNTAX },
	{ "[a\\", BT_ESYNTAX },
	{ "\\u12G4", BT_ESYNTAX },		/* bad \u escape */
	{ "\\u12", BT_ESYNTAX },
	{ "\\p{Lu", BT_ESYNTAX },		/* unclosed \p{ */
};

static void
test_bad(void)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(bad); i++) {
		enum bt_error_code code = BT_OK;
		char *got = translate(bad[i].java, &code);
		ok(got == NULL, "'%s' is refused", bad[i].java);
		is_int(code, bad[i].code, "'%s': %s", bad[i].java,
		       bad[i].code == BT_EINVALID ? "BT_EINVALID (unsupported)"
		       : "BT_ESYNTAX (broken)");
		free(got);
	}

	struct bt_buf out = BT_BUF_INIT;
	struct bt_error err = BT_ERROR_INIT;
	bt_java_regex_to_pcre2("[a-z&&[^aeiou]]", &out, &err);
	ok(err.msg && strstr(err.msg, "&&"),
	   "the message names the construct (%s)", err.msg);
	is_str(err.file, NULL, "the error has no file");
	bt_error_release(&err);
	bt_buf_release(&out);
}

static void
test_appends(void)
{
	struct bt_buf out = BT_BUF_INIT;
	struct bt_error err = BT_ERROR_INIT;
	bt_buf_addstr(&out, "(?:");
	is_int(bt_java_regex_to_pcre2("\\u3002", &out, &err), 0,
	       "translate into a buffer that holds text");
	bt_buf_addstr(&out, ")");
	is_str(bt_buf_cstr(&out), "(?:\\x{3002})", "the text is appended");
	bt_buf_release(&out);
	bt_error_release(&err);
}

/*
 * Java constructs whose exact PCRE2 spelling is open, checked by meaning
 * only (with pcre2.h): what they must match is what Java matches.
 */
static void
test_java_semantics(void)
{
#ifdef HAVE_PCRE2_H
	static const struct {
		const char *java;
		const char *yes;
		const char *no;
		const char *why;
	} cases[] = {
		/* Java's \0mnn takes a third digit only when m <= 3: \0477
		 * is \047 (') followed by '7'. */
		{ "^\\0477$", "'7", "\xC4\xBF",
		  "octal: \\0477 is \\047 then 7" },
		{ "^\\0400$", "\x20" "0", "\xC4\x80",
		  "octal: \\0400 is \\040 then 0" },
		/* An escaped surrogate pair is one supplementary character
		 * in Java (Pattern reads \uD83D\uDE00 as U+1F600). */
		{ "\\uD83D\\uDE00", "\xF0\x9F\x98\x80", "x",
		  "\\uD83D\\uDE00 is U+1F600" },
		{ "[\\uD83D\\uDE00-\\uD83D\\uDE4F]", "\xF0\x9F\x98\x83", "x",
		  "a class of emoji written as surrogate pairs" },
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(cases); i++) {
		enum bt_error_code code;
		char *got = translate(cases[i].java, &code);
		ok(got != NULL, "%s: '%s' translates (%s)", cases[i].why,
		   cases[i].java, got ? got : "error");
		if (got) {
			is_int(pcre_matches(got, cases[i].yes), 1,
			       "%s: '%s' matches as in Java", cases[i].why,
			       got);
			is_int(pcre_matches(got, cases[i].no), 0,
			       "%s: '%s' does not match what Java rejects",
			       cases[i].why, got);
		}
		free(got);
	}
#else
	diag("pcre2.h not found: matching checks skipped");
#endif
}

int
main(void)
{
	test_good();
	test_bad();
	test_appends();
	test_java_semantics();
	return done_testing();
}
