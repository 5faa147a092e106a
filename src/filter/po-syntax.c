/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a PO message's flags and its language say about its text: the
 * placeholders of each format flag (c-format: %s %1$d %-5.2f %%;
 * python-format: also %(name)s; python-brace-format, java-format,
 * csharp-format: {0} {name}; qt-format: %1; sh-format: $HOME...), which
 * the filter turns into standalone inline codes so that translators move
 * them but cannot break them; and the number of plural forms of common
 * languages, for files whose header does not say it (templates).
 *
 * The placeholder grammars follow gettext's format-*.c closely enough for
 * real messages; a directive gettext would call invalid stays text.  With
 * no format flag, a message has no placeholders at all ("100% free").
 */
#include "system.h"

#include "filter/po-internal.h"
#include "core/xalloc.h"

/* --- flags ------------------------------------------------------------ */

static const struct {
	const char *flag;
	unsigned syntax;
} flag_syntaxes[] = {
	{ "c-format", BT_PO_SYN_PRINTF },
	{ "objc-format", BT_PO_SYN_PRINTF },
	{ "gcc-internal-format", BT_PO_SYN_PRINTF },
	{ "gfc-internal-format", BT_PO_SYN_PRINTF },
	{ "php-format", BT_PO_SYN_PRINTF },
	{ "perl-format", BT_PO_SYN_PRINTF },
	{ "awk-format", BT_PO_SYN_PRINTF },
	{ "lua-format", BT_PO_SYN_PRINTF },
	{ "tcl-format", BT_PO_SYN_PRINTF },
	{ "javascript-format", BT_PO_SYN_PRINTF },
	{ "java-printf-format", BT_PO_SYN_PRINTF },
	{ "object-pascal-format", BT_PO_SYN_PRINTF },
	{ "librep-format", BT_PO_SYN_PRINTF },
	{ "elisp-format", BT_PO_SYN_PRINTF },
	{ "sh-printf-format", BT_PO_SYN_PRINTF },
	{ "d-format", BT_PO_SYN_PRINTF },
	{ "go-format", BT_PO_SYN_PRINTF },
	{ "python-format", BT_PO_SYN_PYTHON },
	{ "ruby-format", BT_PO_SYN_RUBY },
	{ "boost-format", BT_PO_SYN_BOOST },
	{ "python-brace-format", BT_PO_SYN_BRACE },
	{ "java-format", BT_PO_SYN_BRACE },
	{ "csharp-format", BT_PO_SYN_BRACE },
	{ "perl-brace-format", BT_PO_SYN_BRACE },
	{ "c++-format", BT_PO_SYN_BRACE },
	{ "rust-format", BT_PO_SYN_BRACE },
	{ "qt-format", BT_PO_SYN_QT },
	{ "qt-plural-format", BT_PO_SYN_QT },
	{ "kde-format", BT_PO_SYN_QT },
	{ "kde-kuit-format", BT_PO_SYN_QT },
	{ "ycp-format", BT_PO_SYN_QT },
	{ "smalltalk-format", BT_PO_SYN_QT },
	{ "sh-format", BT_PO_SYN_SHELL },
};

unsigned
bt_po_flag_syntax(const char *flag, size_t len)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(flag_syntaxes); i++)
		if (strlen(flag_syntaxes[i].flag) == len
		    && !memcmp(flag_syntaxes[i].flag, flag, len))
			return flag_syntaxes[i].syntax;
	return 0;
}

unsigned
bt_po_flags(const char *s, size_t len, bool *fuzzy, bool *no_wrap)
{
	unsigned syn = 0;
	size_t i = 0;
	while (i < len) {
		while (i < len && strchr(", \t\r", s[i]))
			i++;
		size_t start = i;
		while (i < len && !strchr(", \t\r", s[i]))
			i++;
		size_t n = i - start;
		if (n == 5 && !memcmp(s + start, "fuzzy", 5))
			*fuzzy = true;
		else if (n == 7 && !memcmp(s + start, "no-wrap", 7))
			*no_wrap = true;
		else if (n)
			syn |= bt_po_flag_syntax(s + start, n);
	}
	return syn;
}

/* --- placeholders ----------------------------------------------------- */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Index of the first byte at or after i that is not in set. */
static size_t
span(const char *s, size_t n, size_t i, const char *set)
{
	while (i < n && s[i] && strchr(set, s[i]))
		i++;
	return i;
}

/* The index just after close, looking from i for at most 64 bytes on
 * the same line; 0 when there is none. */
static size_t
after(const char *s, size_t n, size_t i, char close)
{
	for (size_t k = 0; i < n && k < 64; i++, k++) {
		if (s[i] == close)
			return i + 1;
		if (s[i] == '\n' || s[i] == '%')
			return 0;
	}
	return 0;
}

/* A width or precision: digits, or '*' with an optional argument
 * number ("*2$"). */
static size_t
number_or_star(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '*') {
		size_t k = span(s, n, i + 1, "0123456789");
		return k > i + 1 && k < n && s[k] == '$' ? k + 1 : i + 1;
	}
	return span(s, n, i, "0123456789");
}

/* The length of the printf directive at s ('%'), 0 if it is none. */
static size_t
printf_len(const char *s, size_t n, unsigned syn)
{
	size_t i = 1;
	if (i >= n)
		return 0;
	if (s[i] == '%')
		return 2;
	if ((syn & BT_PO_SYN_PYTHON) && s[i] == '(') {
		if (!(i = after(s, n, i + 1, ')')))
			return 0;
	} else if ((syn & BT_PO_SYN_RUBY) && s[i] == '{') {
		return after(s, n, i + 1, '}');
	} else if ((syn & BT_PO_SYN_RUBY) && s[i] == '<') {
		if (!(i = after(s, n, i + 1, '>')))
			return 0;
	} else if ((syn & BT_PO_SYN_BOOST) && s[i] == '|') {
		return after(s, n, i + 1, '|');
	} else {
		size_t k = span(s, n, i, "0123456789");
		if (k > i && k < n && s[k] == '$')
			i = k + 1;
		else if ((syn & BT_PO_SYN_BOOST) && k > i && k < n
			 && s[k] == '%')
			return k + 1;	/* boost's %1% */
	}
	i = span(s, n, i, "-+ #0'I");
	i = number_or_star(s, n, i);
	if (i < n && s[i] == '.')
		i = number_or_star(s, n, i + 1);
	i = span(s, n, i, "hlLqjzZt");
	if (i >= n)
		return 0;
	if (s[i] == '<' && (syn & BT_PO_SYN_PRINTF)
	    && i + 4 < n && !memcmp(s + i + 1, "PRI", 3)) {
		size_t k = after(s, n, i + 1, '>');	/* <PRId64> */
		return k;
	}
	const char *conv = syn & BT_PO_SYN_PYTHON ? "diouxXeEfFgGcrsa"
		: "diouxXeEfFgGaAcspnCSm@";
	return strchr(conv, s[i]) ? i + 1 : 0;
}

/* The length of a brace placeholder at s ('{'): {0} {name} {} {x:>10}
 * {0,number,#.##} {0,choice,0#none|1#{0} file}, nested braces counted. */
static size_t
brace_len(const char *s, size_t n)
{
	if (n < 2 || !(is_name_start(s[1]) || is_digit(s[1]) || s[1] == '}'
		       || s[1] == ':' || s[1] == '!'))
		return 0;
	int depth = 0;
	for (size_t i = 0; i < n && i < 256; i++) {
		if (s[i] == '\n')
			return 0;
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0)
			return i + 1;
	}
	return 0;
}

/* Qt and KDE: %1 to %99, %L1, %n, %Ln. */
static size_t
qt_len(const char *s, size_t n)
{
	size_t i = 1;
	if (i < n && s[i] == 'L')
		i++;
	if (i < n && s[i] == 'n')
		return i + 1;
	if (i < n && s[i] >= '1' && s[i] <= '9')
		return i + 1 + (i + 1 < n && is_digit(s[i + 1]));
	return 0;
}

/* Shell: $NAME and ${NAME}. */
static size_t
shell_len(const char *s, size_t n)
{
	if (n > 2 && s[1] == '{' && is_name_start(s[2]))
		return after(s, n, 2, '}');
	size_t i = 1;
	if (i >= n || !is_name_start(s[i]))
		return 0;
	while (i < n && (is_name_start(s[i]) || is_digit(s[i])))
		i++;
	return i;
}

/*
 * What starts at s: the length of a placeholder (*code true), of an
 * escape that is text ("{{", "}}": *code false), or 0.
 */
static size_t
placeholder(const char *s, size_t n, unsigned syn, bool *code)
{
	*code = true;
	switch (s[0]) {
	case '%': {
		size_t k = syn & BT_PO_SYN_QT ? qt_len(s, n) : 0;
		if (!k && (syn & (BT_PO_SYN_PRINTF | BT_PO_SYN_PYTHON
				  | BT_PO_SYN_RUBY | BT_PO_SYN_BOOST)))
			k = printf_len(s, n, syn);
		return k;
	}
	case '{':
	case '}':
		if (!(syn & BT_PO_SYN_BRACE))
			return 0;
		if (n > 1 && s[1] == s[0]) {
			*code = false;
			return 2;
		}
		return s[0] == '{' ? brace_len(s, n) : 0;
	case '$':
		return syn & BT_PO_SYN_SHELL ? shell_len(s, n) : 0;
	default:
		return 0;
	}
}

size_t
bt_po_placeholder(const char *s, size_t len, unsigned syntaxes)
{
	bool code;
	size_t k = placeholder(s, len, syntaxes, &code);
	return code ? k : 0;
}

/* The first code of like with this data not taken yet, or SIZE_MAX. */
static size_t
find_like(const struct bt_content *like, bool *taken, const char *data,
	  size_t len)
{
	for (size_t k = 0; k < like->n_codes; k++)
		if (!taken[k] && like->codes[k].data_len == len
		    && !memcmp(like->codes[k].data, data, len)) {
			taken[k] = true;
			return k;
		}
	return SIZE_MAX;
}

void
bt_po_add_content(struct bt_content *c, const char *text, size_t len,
		  unsigned syntaxes, const struct bt_content *like)
{
	if (!syntaxes || (like && !like->n_codes)) {
		bt_content_add_text(c, text, len);
		return;
	}
	bool *taken = like ? bt_xcalloc(like->n_codes, 1) : NULL;
	size_t done = 0, i = 0;
	while (i < len) {
		char ch = text[i];
		if (ch != '%' && ch != '{' && ch != '}' && ch != '$') {
			i++;
			continue;
		}
		bool code;
		size_t k = placeholder(text + i, len - i, syntaxes, &code);
		size_t from = like && k && code
			? find_like(like, taken, text + i, k) : 0;
		if (!k || from == SIZE_MAX || !code) {
			i += k ? k : 1;
			continue;
		}
		bt_content_add_text(c, text + done, i - done);
		int id = like ? like->codes[from].id : -1;
		size_t at = bt_content_add_code(c, BT_CODE_STANDALONE, id,
						"other", text + i, k);
		c->codes[at].display = bt_xstrndup(text + i, k);
		i += k;
		done = i;
	}
	bt_content_add_text(c, text + done, len - done);
	free(taken);
}

/* --- plural forms ----------------------------------------------------- */

#define P_EAST_SLAVIC "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && " \
	"(n%100<10 || n%100>=20) ? 1 : 2)"

/* From gettext's plural-table.c and the CLDR, for the languages most
 * software is translated into. */
static const struct {
	const char *lang;
	int n;
	const char *expr;
} plural_table[] = {
	{ "ja", 1, "0" }, { "ko", 1, "0" }, { "zh", 1, "0" }, { "vi", 1, "0" },
	{ "th", 1, "0" }, { "id", 1, "0" }, { "ms", 1, "0" }, { "lo", 1, "0" },
	{ "km", 1, "0" }, { "my", 1, "0" }, { "bo", 1, "0" }, { "jv", 1, "0" },
	{ "en", 2, "(n != 1)" }, { "de", 2, "(n != 1)" },
	{ "nl", 2, "(n != 1)" }, { "sv", 2, "(n != 1)" },
	{ "da", 2, "(n != 1)" }, { "nb", 2, "(n != 1)" },
	{ "nn", 2, "(n != 1)" }, { "no", 2, "(n != 1)" },
	{ "fo", 2, "(n != 1)" }, { "fi", 2, "(n != 1)" },
	{ "et", 2, "(n != 1)" }, { "el", 2, "(n != 1)" },
	{ "it", 2, "(n != 1)" }, { "es", 2, "(n != 1)" },
	{ "pt", 2, "(n != 1)" }, { "ca", 2, "(n != 1)" },
	{ "gl", 2, "(n != 1)" }, { "eu", 2, "(n != 1)" },
	{ "eo", 2, "(n != 1)" }, { "hu", 2, "(n != 1)" },
	{ "bg", 2, "(n != 1)" }, { "he", 2, "(n != 1)" },
	{ "hi", 2, "(n != 1)" }, { "bn", 2, "(n != 1)" },
	{ "ta", 2, "(n != 1)" }, { "te", 2, "(n != 1)" },
	{ "ml", 2, "(n != 1)" }, { "mr", 2, "(n != 1)" },
	{ "ur", 2, "(n != 1)" }, { "tr", 2, "(n != 1)" },
	{ "az", 2, "(n != 1)" }, { "af", 2, "(n != 1)" },
	{ "sq", 2, "(n != 1)" }, { "sw", 2, "(n != 1)" },
	{ "pt_BR", 2, "(n > 1)" }, { "fr", 2, "(n > 1)" },
	{ "oc", 2, "(n > 1)" }, { "fa", 2, "(n > 1)" },
	{ "ru", 3, P_EAST_SLAVIC }, { "uk", 3, P_EAST_SLAVIC },
	{ "be", 3, P_EAST_SLAVIC }, { "sr", 3, P_EAST_SLAVIC },
	{ "hr", 3, P_EAST_SLAVIC }, { "bs", 3, P_EAST_SLAVIC },
	{ "cs", 3, "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2" },
	{ "sk", 3, "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2" },
	{ "pl", 3, "(n==1 ? 0 : n%10>=2 && n%10<=4 && "
		"(n%100<10 || n%100>=20) ? 1 : 2)" },
	{ "lt", 3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
		"(n%100<10 || n%100>=20) ? 1 : 2)" },
	{ "lv", 3, "(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2)" },
	{ "ro", 3, "(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) "
		"? 1 : 2)" },
	{ "ga", 3, "n==1 ? 0 : n==2 ? 1 : 2" },
	{ "sl", 4, "(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 "
		"? 2 : 3)" },
	{ "ar", 6, "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
		"n%100<=10 ? 3 : n%100>=11 ? 4 : 5)" },
};

/* Whether lang[0..n) names entry (case-insensitively, '-' as '_'). */
static bool
same_lang(const char *lang, size_t n, const char *entry)
{
	if (strlen(entry) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char a = lang[i] == '-' ? '_' : lang[i];
		if ((a | 0x20) != (entry[i] | 0x20) && !(a == '_'
							 && entry[i] == '_'))
			return false;
	}
	return true;
}

int
bt_po_lang_plurals(const char *lang, const char **expression)
{
	if (!lang)
		return 0;
	size_t full = strcspn(lang, ".@"), primary = strcspn(lang, "-_.@");
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < BT_ARRAY_SIZE(plural_table); i++)
			if (same_lang(lang, pass ? primary : full,
				      plural_table[i].lang)) {
				if (expression)
					*expression = plural_table[i].expr;
				return plural_table[i].n;
			}
	return 0;
}

int
bt_po_header_nplurals(const char *plural_forms)
{
	const char *p = plural_forms ? strstr(plural_forms, "nplurals") : NULL;
	if (!p)
		return 0;
	p += strlen("nplurals");
	p += strspn(p, " \t");
	if (*p++ != '=')
		return 0;
	p += strspn(p, " \t");
	int n = 0;
	while (is_digit(*p) && n < 1000)
		n = n * 10 + (*p++ - '0');
	return n;
}
