/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Java regex -> PCRE2; see java-regex.h for what changes and why.
 */
#include "system.h"

#include <ctype.h>

#include "segment/java-regex.h"

/* Properties whose Java and PCRE2 names differ. */
static const struct {
	const char *java;
	const char *pcre;	/* class contents, usable inside [...] */
} property_map[] = {
	/* java.lang.Character methods */
	{ "javaLowerCase", "\\p{Ll}" },
	{ "javaUpperCase", "\\p{Lu}" },
	{ "javaTitleCase", "\\p{Lt}" },
	{ "javaLetter", "\\p{L}" },
	{ "javaDigit", "\\p{Nd}" },
	{ "javaLetterOrDigit", "\\p{L}\\p{Nd}" },
	{ "javaAlphabetic", "\\p{L}\\p{Nl}" },
	{ "javaWhitespace", "\\s" },
	{ "javaSpaceChar", "\\p{Z}" },
	{ "javaIdeographic", "\\p{Han}" },
	/* POSIX classes: ASCII only in Java */
	{ "Lower", "a-z" },
	{ "Upper", "A-Z" },
	{ "ASCII", "\\x00-\\x7F" },
	{ "Alpha", "a-zA-Z" },
	{ "Digit", "0-9" },
	{ "Alnum", "a-zA-Z0-9" },
	{ "Punct", "!-\\/:-@\\[-`{-~" },
	{ "Graph", "!-~" },
	{ "Print", " -~" },
	{ "Blank", " \\t" },
	{ "Cntrl", "\\x00-\\x1F\\x7F" },
	{ "XDigit", "0-9a-fA-F" },
	{ "Space", " \\t\\n\\x0B\\f\\r" },
	/* binary properties */
	{ "IsAlphabetic", "\\p{L}\\p{Nl}" },
	{ "IsLetter", "\\p{L}" },
	{ "IsLowercase", "\\p{Ll}" },
	{ "IsUppercase", "\\p{Lu}" },
	{ "IsTitlecase", "\\p{Lt}" },
	{ "IsDigit", "\\p{Nd}" },
	{ "IsPunctuation", "\\p{P}" },
	{ "IsWhite_Space", "\\s" },
	{ "IsWhiteSpace", "\\s" },
	{ "IsIdeographic", "\\p{Han}" },
};

/* Unicode blocks (\p{InXxx}), which PCRE2 does not know by name. */
static const struct {
	const char *name;	/* lower case, no spaces, '_' or '-' */
	const char *range;
} blocks[] = {
	{ "basiclatin", "\\x{0}-\\x{7F}" },
	{ "latin1supplement", "\\x{80}-\\x{FF}" },
	{ "latinextendeda", "\\x{100}-\\x{17F}" },
	{ "latinextendedb", "\\x{180}-\\x{24F}" },
	{ "greek", "\\x{370}-\\x{3FF}" },
	{ "greekandcoptic", "\\x{370}-\\x{3FF}" },
	{ "cyrillic", "\\x{400}-\\x{4FF}" },
	{ "armenian", "\\x{530}-\\x{58F}" },
	{ "hebrew", "\\x{590}-\\x{5FF}" },
	{ "arabic", "\\x{600}-\\x{6FF}" },
	{ "devanagari", "\\x{900}-\\x{97F}" },
	{ "thai", "\\x{E00}-\\x{E7F}" },
	{ "khmer", "\\x{1780}-\\x{17FF}" },
	{ "generalpunctuation", "\\x{2000}-\\x{206F}" },
	{ "cjkradicalssupplement", "\\x{2E80}-\\x{2EFF}" },
	{ "cjksymbolsandpunctuation", "\\x{3000}-\\x{303F}" },
	{ "hiragana", "\\x{3040}-\\x{309F}" },
	{ "katakana", "\\x{30A0}-\\x{30FF}" },
	{ "hangulcompatibilityjamo", "\\x{3130}-\\x{318F}" },
	{ "cjkunifiedideographsextensiona", "\\x{3400}-\\x{4DBF}" },
	{ "cjkunifiedideographs", "\\x{4E00}-\\x{9FFF}" },
	{ "hangulsyllables", "\\x{AC00}-\\x{D7AF}" },
	{ "cjkcompatibilityideographs", "\\x{F900}-\\x{FAFF}" },
	{ "cjkcompatibilityforms", "\\x{FE30}-\\x{FE4F}" },
	{ "smallformvariants", "\\x{FE50}-\\x{FE6F}" },
	{ "halfwidthandfullwidthforms", "\\x{FF00}-\\x{FFEF}" },
};

static const char *
find_block(const char *name, size_t len)
{
	char key[64];
	size_t k = 0;
	for (size_t i = 0; i < len && k + 1 < sizeof(key); i++)
		if (name[i] != ' ' && name[i] != '_' && name[i] != '-')
			key[k++] = (char) tolower((unsigned char) name[i]);
	key[k] = '\0';
	for (size_t i = 0; i < BT_ARRAY_SIZE(blocks); i++)
		if (!strcmp(blocks[i].name, key))
			return blocks[i].range;
	return NULL;
}

/* General categories and scripts PCRE2 accepts as they are. */
static int
pcre_knows(const char *name, size_t len)
{
	static const char *const cats[] = {
		"C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "Ll", "Lm", "Lo",
		"Lt", "Lu", "L&", "LC", "M", "Mc", "Me", "Mn", "N", "Nd",
		"Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps",
		"S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs", "Any",
		"Xan", "Xps", "Xsp", "Xwd", "Xuc",
		"Arabic", "Armenian", "Bengali", "Common", "Cyrillic",
		"Devanagari", "Georgian", "Greek", "Gujarati", "Gurmukhi",
		"Han", "Hangul", "Hebrew", "Hiragana", "Inherited",
		"Kannada", "Katakana", "Khmer", "Lao", "Latin", "Malayalam",
		"Myanmar", "Oriya", "Sinhala", "Tamil", "Telugu", "Thai",
		"Tibetan",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(cats); i++)
		if (strlen(cats[i]) == len && !memcmp(cats[i], name, len))
			return 1;
	return 0;
}

/*
 * Translates \p{name} / \P{name}.  in_class says whether we are inside
 * [...], where only class contents may be written.
 */
static int
translate_property(const char *name, size_t len, int negated, int in_class,
		   struct bt_buf *out, struct bt_error *err)
{
	const char *contents = NULL;

	/* "Is" and "general_category=" prefixes name the same thing. */
	if (len > 2 && !memcmp(name, "Is", 2) && pcre_knows(name + 2, len - 2))
		name += 2, len -= 2;
	if (len > 3 && !memcmp(name, "gc=", 3))
		name += 3, len -= 3;

	if (pcre_knows(name, len)) {
		bt_buf_addf(out, "\\%c{%.*s}", negated ? 'P' : 'p', (int) len,
			    name);
		return 0;
	}
	for (size_t i = 0; i < BT_ARRAY_SIZE(property_map); i++)
		if (strlen(property_map[i].java) == len
		    && !memcmp(property_map[i].java, name, len))
			contents = property_map[i].pcre;
	if (!contents && len > 2 && !memcmp(name, "In", 2))
		contents = find_block(name + 2, len - 2);
	if (!contents)
		return bt_error_set(err, BT_EINVALID, NULL,
				    _("unknown Unicode property '%.*s'"),
				    (int) len, name);
	if (in_class && negated)
		return bt_error_set(err, BT_EINVALID, NULL,
				    _("negated property '\\P{%.*s}' inside a "
				      "character class"), (int) len, name);
	if (in_class)
		bt_buf_addstr(out, contents);
	else
		bt_buf_addf(out, "[%s%s]", negated ? "^" : "", contents);
	return 0;
}

/*
 * Inline flags "(?iu)" or "(?iu:": Java's u (Unicode case folding) and U
 * (Unicode classes) are always on with PCRE2_UTF | PCRE2_UCP, and d (Unix
 * lines) has no equivalent worth keeping, so they are dropped.  Returns 1
 * and advances *pp past what it wrote, or 0 if this is another group.
 */
static int
translate_flags(const char **pp, struct bt_buf *out)
{
	const char *p = *pp + 2;
	const char *end = p;
	while (*end && strchr("imsxuUd-", *end))
		end++;
	if (end == p || (*end != ')' && *end != ':'))
		return 0;
	struct bt_buf kept = BT_BUF_INIT;
	for (; p < end; p++)
		if (!strchr("uUd", *p))
			bt_buf_addch(&kept, *p);
	/* "(?-)" or "(?)" would be an error in PCRE2. */
	int empty = !kept.len || !strcmp(kept.data, "-");
	if (*end == ':')
		bt_buf_addf(out, "(?%s:", empty ? "" : kept.data);
	else if (!empty)
		bt_buf_addf(out, "(?%s)", kept.data);
	bt_buf_release(&kept);
	*pp = end + 1;
	return 1;
}

int
bt_java_regex_to_pcre2(const char *java, struct bt_buf *out,
		       struct bt_error *err)
{
	const char *p = java;
	int class_depth = 0;	/* nesting of [...] */
	int after_class_escape = 0;	/* last item was \d, \p{..}... */

	while (*p) {
		char c = *p;
		int was_after = after_class_escape;
		after_class_escape = class_depth > 0 && c == '\\' && p[1]
			&& strchr("dDwWsSpPhHvV", p[1]);
		if (c == '\\') {
			char e = p[1];
			if (!e)
				return bt_error_set(err, BT_ESYNTAX, NULL,
						    _("trailing backslash"));
			if (e == 'Q') {	/* literal up to \E */
				const char *end = strstr(p + 2, "\\E");
				size_t n = end ? (size_t) (end - p) + 2
					       : strlen(p);
				bt_buf_add(out, p, n);
				p += n;
				continue;
			}
			if (e == 'u') {
				int ok = 1;
				for (int i = 2; i < 6; i++)
					ok = ok && isxdigit((unsigned char) p[i]);
				if (!ok)
					return bt_error_set(err, BT_ESYNTAX,
						NULL, _("bad \\u escape"));
				unsigned long cp = strtoul((char[]){ p[2], p[3],
					p[4], p[5], 0 }, NULL, 16);
				/* Java reads an escaped surrogate pair as the
				 * one character it encodes. */
				if (cp >= 0xD800 && cp <= 0xDBFF && p[6] == '\\'
				    && p[7] == 'u' && isxdigit((unsigned char) p[8])
				    && isxdigit((unsigned char) p[9])
				    && isxdigit((unsigned char) p[10])
				    && isxdigit((unsigned char) p[11])) {
					unsigned long lo = strtoul((char[]){
						p[8], p[9], p[10], p[11], 0 },
						NULL, 16);
					if (lo >= 0xDC00 && lo <= 0xDFFF) {
						cp = 0x10000 + ((cp - 0xD800)
							<< 10) + (lo - 0xDC00);
						p += 6;
					}
				}
				if (cp > 0xFFFF)
					bt_buf_addf(out, "\\x{%lX}", cp);
				else	/* as written */
					bt_buf_addf(out, "\\x{%.4s}", p + 2);
				p += 6;
				continue;
			}
			if (e == '0' && p[2] >= '0' && p[2] <= '7') {
				/* \0n, \0nn, or \0mnn with m at most 3. */
				size_t max = p[2] <= '3' ? 5 : 4;
				size_t n = 2;
				while (n < max && p[n] >= '0' && p[n] <= '7')
					n++;
				bt_buf_addf(out, "\\o{%.*s}", (int) (n - 2),
					    p + 2);
				p += n;
				continue;
			}
			if ((e == 'p' || e == 'P') && p[2] == '{') {
				const char *end = strchr(p + 3, '}');
				if (!end)
					return bt_error_set(err, BT_ESYNTAX,
						NULL, _("unclosed \\p{"));
				if (translate_property(p + 3,
						       (size_t) (end - p - 3),
						       e == 'P', class_depth > 0,
						       out, err) < 0)
					return -1;
				p = end + 1;
				continue;
			}
			bt_buf_add(out, p, 2);
			p += 2;
			continue;
		}
		if (class_depth == 0) {
			if (c == '(' && p[1] == '?'
			    && translate_flags(&p, out))
				continue;
			if (c == '[') {
				class_depth = 1;
				bt_buf_addch(out, c);
				p++;
				/* "[]" and "[^]" start with a literal ']'. */
				if (*p == '^')
					bt_buf_addch(out, *p++);
				if (*p == ']')
					bt_buf_addstr(out, "\\]"), p++;
				continue;
			}
			bt_buf_addch(out, c);
			p++;
			continue;
		}
		/* Inside a class. */
		if (c == '&' && p[1] == '&')
			return bt_error_set(err, BT_EINVALID, NULL,
					    _("character class intersection "
					      "'&&'"));
		if (c == '[' && p[1] == ':') {	/* POSIX [:alpha:] */
			const char *end = strstr(p, ":]");
			size_t n = end ? (size_t) (end - p) + 2 : 1;
			bt_buf_add(out, p, n);
			p += n;
			continue;
		}
		if (c == '[') {	/* union: [a-z[A-Z]] */
			if (p[1] == '^')
				return bt_error_set(err, BT_EINVALID, NULL,
						    _("negated class inside a "
						      "character class"));
			class_depth++;
			p++;
			continue;
		}
		if (c == ']') {
			if (--class_depth == 0)
				bt_buf_addch(out, c);
			p++;
			continue;
		}
		/* Java reads "-" next to a class escape ([\d-x], [x-\w])
		 * as a literal; PCRE2 calls it a bad range. */
		if (c == '-' && (was_after
				 || (p[1] == '\\' && p[2]
				     && strchr("dDwWsSpPhHvV", p[2])))) {
			bt_buf_addstr(out, "\\-");
			p++;
			continue;
		}
		bt_buf_addch(out, c);
		p++;
	}
	return 0;
}
