/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Placeholders and markup inside JSON i18n strings, as inline codes.
 *
 * i18n libraries put variables, nested messages and markup in their
 * strings, each with its own syntax; a translator must keep them intact
 * but may move them.  A hand-written scanner (no regex: one pass, no
 * backtracking beyond a bounded ICU parse) finds, in decoded text:
 *
 *	{name} {0} {count, number}     ICU, Angular, Vue, FormatJS   fmt
 *	{{count}} {{- html}} {{x, y}}  i18next, ngx-translate        fmt
 *	{$INTERPOLATION}               Angular (START_/CLOSE_ pair)  fmt
 *	${name}                        template literals             fmt
 *	$t(key) $t(key, {"a": 1})      i18next nesting               ui
 *	@:key @.lower:key @:(key)      Vue linked messages           ui
 *	%s %d %1$s %.2f %(name)s %%    printf, Python                fmt
 *	$NAME$ ($1 $$ in Chrome files) Chrome extensions             fmt
 *	<b> </b> <br/> <a href=..>     HTML, react-i18next <1></1>   fmt/link
 *	&amp; &#169;                   HTML character references
 *
 * ICU plural and select messages keep their sub-messages translatable:
 * in "{n, plural, one {# file} other {# files}}" the head "{n, plural,",
 * each " one {" with its "}", and the final "}" are paired codes, "#" a
 * standalone one, and "file"/"files" text.  Pairs nest, so XLIFF shows
 * <pc> elements that a CAT tool keeps balanced; a translator cannot add
 * plural categories this way (a limitation shared with most tools).
 * Where the ICU syntax does not parse, the braces fall back to the
 * simpler patterns or stay text.
 */
#include "system.h"
#include "filter/json.h"
#include "core/xalloc.h"

enum {
	MAX_ICU_DEPTH = 16,	/* nested plural/select deeper stays text */
	MAX_BRACE = 256,	/* a {placeholder} longer than this is text */
	MAX_TAG = 2048,		/* likewise an HTML tag */
	MAX_STACK_SEARCH = 64,	/* how far a close tag looks back */
};

struct scan {
	const char *s;
	size_t n;
	unsigned flags;
	struct bt_json_spans *out;
	size_t steps, budget;	/* ICU parses stop past the budget */
};

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_word(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c == '_';
}

static bool
is_xdigit(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t
skip_spaces(const struct scan *sc, size_t i)
{
	while (i < sc->n && is_space((unsigned char) sc->s[i]))
		i++;
	return i;
}

/* Whether s[i..) starts with the NUL-terminated word w. */
static bool
starts(const struct scan *sc, size_t i, const char *w)
{
	size_t n = strlen(w);
	return sc->n - i >= n && !memcmp(sc->s + i, w, n);
}

/* Appends a span; returns its index. */
static size_t
push(struct scan *sc, size_t start, size_t end, enum bt_code_kind kind,
     const char *type)
{
	struct bt_json_spans *o = sc->out;
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 16;
		o->v = bt_xreallocarray(o->v, o->cap, sizeof(*o->v));
	}
	o->v[o->n] = (struct bt_json_span) {
		start, end, kind, SIZE_MAX, type, -1,
	};
	return o->n++;
}

static size_t
alone(struct scan *sc, size_t start, size_t end, const char *type)
{
	push(sc, start, end, BT_CODE_STANDALONE, type);
	return end;
}

/* Makes spans a and b a pair. */
static void
pair(struct scan *sc, size_t a, size_t b)
{
	sc->out->v[a].partner = b;
	sc->out->v[b].partner = a;
}

/* --- tag pairing ------------------------------------------------------ */

/*
 * The name a tag span pairs by: s[*off..*off+*len).  HTML tags by element
 * name (case-insensitively), Angular's {$START_X}/{$CLOSE_X} by X.
 */
static void
tag_name(const struct scan *sc, const struct bt_json_span *sp, size_t *off,
	 size_t *len, bool *angular)
{
	const char *s = sc->s;
	size_t i = sp->start + 1;
	*angular = s[sp->start] == '{';
	if (*angular) {
		i = sp->start + 8;	/* after "{$START_" or "{$CLOSE_" */
		*off = i;
		*len = sp->end - 1 - i;
		return;
	}
	if (s[i] == '/')
		i++;
	*off = i;
	while (i < sp->end && (is_word((unsigned char) s[i]) || s[i] == ':'
			       || s[i] == '-' || s[i] == '.'))
		i++;
	*len = i - *off;
}

static bool
same_tag(const struct scan *sc, const struct bt_json_span *a,
	 const struct bt_json_span *b)
{
	size_t ao, al, bo, bl;
	bool aa, ba;
	tag_name(sc, a, &ao, &al, &aa);
	tag_name(sc, b, &bo, &bl, &ba);
	if (aa != ba || al != bl)
		return false;
	return aa ? !memcmp(sc->s + ao, sc->s + bo, al)
		: !strncasecmp(sc->s + ao, sc->s + bo, al);
}

/* An opening tag: pushed on the stack until its closing tag comes. */
static size_t
open_tag(struct scan *sc, size_t start, size_t end, const char *type)
{
	struct bt_json_spans *o = sc->out;
	size_t k = push(sc, start, end, BT_CODE_OPEN, type);
	if (o->n_stack == o->cap_stack) {
		o->cap_stack = o->cap_stack ? 2 * o->cap_stack : 16;
		o->stack = bt_xreallocarray(o->stack, o->cap_stack,
					    sizeof(*o->stack));
	}
	o->stack[o->n_stack++] = k;
	return end;
}

/*
 * A closing tag: pairs with the nearest open tag of the same name above
 * stack[base] (the opens above that one stay unpaired).
 */
static size_t
close_tag(struct scan *sc, size_t start, size_t end, const char *type,
	  size_t base)
{
	struct bt_json_spans *o = sc->out;
	size_t k = push(sc, start, end, BT_CODE_CLOSE, type);
	for (size_t j = o->n_stack, seen = 0;
	     j > base && seen < MAX_STACK_SEARCH; j--, seen++) {
		if (same_tag(sc, &o->v[o->stack[j - 1]], &o->v[k])) {
			pair(sc, o->stack[j - 1], k);
			o->n_stack = j - 1;
			break;
		}
	}
	return end;
}

/* --- the patterns ------------------------------------------------------ */

static size_t scan_message(struct scan *sc, size_t i, int depth,
			   bool nested, bool plural);

/* {{...}}: i18next and ngx-translate interpolation.  Returns the end, or
 * i when it does not match. */
static size_t
double_brace(struct scan *sc, size_t i)
{
	size_t j = i + 2;
	while (j < sc->n && j - i < MAX_BRACE && sc->s[j] != '{'
	       && sc->s[j] != '}' && sc->s[j] != '\n')
		j++;
	if (j == i + 2 || j + 1 >= sc->n || sc->s[j] != '}'
	    || sc->s[j + 1] != '}')
		return i;
	return alone(sc, i, j + 2, "fmt");
}

/* {...} with no brace inside: a simple argument.  Angular's {$START_X}
 * and {$CLOSE_X} are tags. */
static size_t
single_brace(struct scan *sc, size_t i, size_t base)
{
	size_t j = i + 1;
	bool blank = true;
	while (j < sc->n && j - i < MAX_BRACE && sc->s[j] != '{'
	       && sc->s[j] != '}' && sc->s[j] != '\n')
		blank &= is_space((unsigned char) sc->s[j++]);
	if (blank || j >= sc->n || sc->s[j] != '}')
		return i;
	j++;
	if (sc->s[i + 1] == '$' && starts(sc, i, "{$START_") && j - i > 9)
		return open_tag(sc, i, j, "fmt");
	if (sc->s[i + 1] == '$' && starts(sc, i, "{$CLOSE_") && j - i > 9)
		return close_tag(sc, i, j, "fmt", base);
	return alone(sc, i, j, "fmt");
}

/* An ICU argument name or plural selector: letters, digits, '_'. */
static size_t
icu_word(const struct scan *sc, size_t i)
{
	while (i < sc->n && is_word((unsigned char) sc->s[i]))
		i++;
	return i;
}

/* The head of a plural/select argument: "{name, plural," and an offset.
 * Returns its end, or 0; sets *plural. */
static size_t
icu_head(const struct scan *sc, size_t i, bool *plural)
{
	size_t j = skip_spaces(sc, i + 1), w = icu_word(sc, j);
	if (w == j)
		return 0;
	j = skip_spaces(sc, w);
	if (j >= sc->n || sc->s[j] != ',')
		return 0;
	j = skip_spaces(sc, j + 1);
	w = icu_word(sc, j);
	size_t len = w - j;
	if (len == 6 && !memcmp(sc->s + j, "plural", 6))
		*plural = true;
	else if (len == 13 && !memcmp(sc->s + j, "selectordinal", 13))
		*plural = true;
	else if (len == 6 && !memcmp(sc->s + j, "select", 6))
		*plural = false;
	else
		return 0;
	j = skip_spaces(sc, w);
	if (j >= sc->n || sc->s[j] != ',')
		return 0;
	j++;
	size_t k = skip_spaces(sc, j);
	if (*plural && starts(sc, k, "offset:")) {
		k = skip_spaces(sc, k + 7);
		size_t d = k;
		while (d < sc->n && is_digit((unsigned char) sc->s[d]))
			d++;
		if (d == k)
			return 0;
		j = d;
	}
	return j;
}

/*
 * {name, plural|select|selectordinal, [offset:N] sel {msg} ...}: returns
 * its end, or i (and no spans added) when it does not parse.
 */
static size_t
icu_complex(struct scan *sc, size_t i, int depth)
{
	bool plural;
	size_t j = icu_head(sc, i, &plural);
	if (!j || depth >= MAX_ICU_DEPTH || sc->steps > sc->budget)
		return i;
	size_t saved = sc->out->n, saved_stack = sc->out->n_stack;
	size_t head = push(sc, i, j, BT_CODE_OPEN, "fmt");
	int cases = 0;
	for (;;) {
		size_t k = skip_spaces(sc, j);
		if (k < sc->n && sc->s[k] == '}' && cases) {
			pair(sc, head, push(sc, j, k + 1, BT_CODE_CLOSE,
					    "fmt"));
			return k + 1;
		}
		size_t w = k < sc->n && sc->s[k] == '=' ? k + 1 : k;
		size_t e = icu_word(sc, w);
		if (e == w)
			break;
		e = skip_spaces(sc, e);
		if (e >= sc->n || sc->s[e] != '{')
			break;
		size_t open = push(sc, j, e + 1, BT_CODE_OPEN, "fmt");
		size_t end = scan_message(sc, e + 1, depth + 1, true, plural);
		if (end >= sc->n)
			break;
		pair(sc, open, push(sc, end, end + 1, BT_CODE_CLOSE, "fmt"));
		j = end + 1;
		cases++;
	}
	sc->out->n = saved;
	sc->out->n_stack = saved_stack;
	return i;
}

static size_t
brace(struct scan *sc, size_t i, int depth, size_t base)
{
	size_t e;
	if (i + 1 < sc->n && sc->s[i + 1] == '{'
	    && (e = double_brace(sc, i)) > i)
		return e;
	if ((e = icu_complex(sc, i, depth)) > i)
		return e;
	return single_brace(sc, i, base);
}

/* printf conversions: %s %d %1$s %-5.2f %lld %@ %(name)s %%. */
static size_t
percent(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i + 1;
	if (j < n && s[j] == '%')
		return alone(sc, i, j + 1, "fmt");
	if (j < n && s[j] == '(') {		/* Python's %(name)s */
		size_t k = j + 1;
		while (k < n && k - j < 64 && (is_word((unsigned char) s[k])
					       || s[k] == '.' || s[k] == '-'))
			k++;
		if (k == j + 1 || k >= n || s[k] != ')')
			return i;
		j = k + 1;
	} else {
		size_t k = j;
		while (k < n && is_digit((unsigned char) s[k]))
			k++;
		if (k > j && k < n && s[k] == '$')
			j = k + 1;			/* %1$s */
	}
	while (j < n && strchr("-+#0'", s[j]) && s[j])
		j++;
	while (j < n && (is_digit((unsigned char) s[j]) || s[j] == '*'))
		j++;
	if (j < n && s[j] == '.') {
		j++;
		while (j < n && (is_digit((unsigned char) s[j]) || s[j] == '*'))
			j++;
	}
	if (j < n && strchr("hlLqjzt", s[j]) && s[j]) {
		if (j + 1 < n && (s[j + 1] == 'h' || s[j + 1] == 'l')
		    && s[j + 1] == s[j])
			j++;
		j++;
	}
	if (j < n && s[j] && strchr("diouxXeEfFgGaAcCsSpn@", s[j]))
		return alone(sc, i, j + 1, "fmt");
	return i;
}

/* $t(...) with balanced parentheses and quotes, ${...}, $NAME$, and in
 * Chrome files $1..$9 and $$. */
static size_t
dollar(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n;
	if (starts(sc, i, "$t(")) {
		int level = 1;
		char quote = 0;
		for (size_t j = i + 3; j < n && j - i < MAX_BRACE; j++) {
			if (quote) {
				if (s[j] == '\\')
					j++;
				else if (s[j] == quote)
					quote = 0;
			} else if (s[j] == '"' || s[j] == '\'') {
				quote = s[j];
			} else if (s[j] == '(') {
				level++;
			} else if (s[j] == ')' && !--level) {
				return alone(sc, i, j + 1, "ui");
			}
		}
		return i;
	}
	if (i + 1 < n && s[i + 1] == '{') {
		size_t j = i + 2;
		while (j < n && j - i < MAX_BRACE && s[j] != '}' && s[j] != '{'
		       && s[j] != '\n')
			j++;
		return j > i + 2 && j < n && s[j] == '}'
			? alone(sc, i, j + 1, "fmt") : i;
	}
	if ((sc->flags & BT_JSON_CHROME_CODES) && i + 1 < n
	    && (s[i + 1] == '$' || (s[i + 1] >= '1' && s[i + 1] <= '9')))
		return alone(sc, i, i + 2, "fmt");
	if (i + 1 < n && (is_alpha((unsigned char) s[i + 1])
			  || s[i + 1] == '_')) {
		size_t j = i + 2;
		while (j < n && (is_word((unsigned char) s[j]) || s[j] == '@'))
			j++;
		if (j < n && s[j] == '$')
			return alone(sc, i, j + 1, "fmt");
	}
	return i;
}

/* Vue linked messages: @:key, @.modifier:key, @:(key). */
static size_t
at_link(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i + 1;
	if (j < n && s[j] == '.') {
		size_t k = j + 1;
		while (k < n && s[k] >= 'a' && s[k] <= 'z')
			k++;
		if (k == j + 1)
			return i;
		j = k;
	}
	if (j >= n || s[j] != ':')
		return i;
	j++;
	if (j < n && s[j] == '(') {
		size_t k = j + 1;
		while (k < n && k - j < MAX_BRACE && s[k] != ')'
		       && s[k] != '\n')
			k++;
		return k > j + 1 && k < n && s[k] == ')'
			? alone(sc, i, k + 1, "ui") : i;
	}
	size_t k = j;
	while (k < n && (is_word((unsigned char) s[k]) || strchr("-|./", s[k]))
	       && s[k])
		k++;
	while (k > j && s[k - 1] == '.')	/* a full stop ends the text */
		k--;
	return k > j ? alone(sc, i, k, "ui") : i;
}

/* &name; &#123; &#x1F600; */
static size_t
entity(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i + 1;
	int kind = 0;			/* 0 named, 1 decimal, 2 hex */
	if (j < n && s[j] == '#') {
		kind = 1;
		j++;
		if (j < n && (s[j] == 'x' || s[j] == 'X'))
			kind = 2, j++;
	} else if (j >= n || !is_alpha((unsigned char) s[j])) {
		return i;
	}
	size_t k = j;
	while (k < n && k - j < 32
	       && (kind == 0 ? is_word((unsigned char) s[k])
		   : kind == 1 ? is_digit((unsigned char) s[k])
		   : is_xdigit((unsigned char) s[k])))
		k++;
	if (k == j || k >= n || s[k] != ';')
		return i;
	return alone(sc, i, k + 1, NULL);
}

/* Elements that never have a closing tag. */
static bool
is_void_element(const char *name, size_t len)
{
	static const char *const voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "param", "source", "track", "wbr",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(voids); i++)
		if (strlen(voids[i]) == len
		    && !strncasecmp(voids[i], name, len))
			return true;
	return false;
}

/* The end of the attributes of a tag whose name ends at s[i]: the index
 * of its '>' (or of "/>"), or 0. */
static size_t
tag_attributes(const struct scan *sc, size_t i, size_t start)
{
	const char *s = sc->s;
	size_t n = sc->n;
	while (i < n && i - start < MAX_TAG) {
		size_t j = skip_spaces(sc, i);
		if (j < n && (s[j] == '>' || (s[j] == '/' && j + 1 < n
					      && s[j + 1] == '>')))
			return j;
		if (j == i)
			return 0;	/* attributes are separated by space */
		size_t k = j;
		while (k < n && !is_space((unsigned char) s[k])
		       && !strchr("\"'<>/=", s[k]))
			k++;
		if (k == j)
			return 0;
		i = k;
		k = skip_spaces(sc, k);
		if (k < n && s[k] == '=') {
			k = skip_spaces(sc, k + 1);
			if (k < n && (s[k] == '"' || s[k] == '\'')) {
				const char *q = memchr(s + k + 1, s[k],
						       n - k - 1);
				if (!q)
					return 0;
				i = (size_t) (q - s) + 1;
			} else {
				size_t v = k;
				while (v < n && !is_space((unsigned char) s[v])
				       && !strchr("\"'<>=`", s[v]))
					v++;
				if (v == k)
					return 0;
				i = v;
			}
		}
	}
	return 0;
}

/* <name attr="v">, </name>, <name/>, <!-- comment -->. */
static size_t
tag(struct scan *sc, size_t i, size_t base)
{
	const char *s = sc->s;
	size_t n = sc->n, j = i + 1;
	if (starts(sc, i, "<!--")) {
		for (size_t k = i + 4; k + 3 <= n && k - i < MAX_TAG; k++)
			if (!memcmp(s + k, "-->", 3))
				return alone(sc, i, k + 3, "fmt");
		return i;
	}
	bool closing = j < n && s[j] == '/';
	j += closing;
	size_t name = j;
	if (j < n && is_digit((unsigned char) s[j])) {	/* <1>: Trans */
		while (j < n && is_digit((unsigned char) s[j]))
			j++;
	} else if (j < n && is_alpha((unsigned char) s[j])) {
		while (j < n && (is_word((unsigned char) s[j]) || s[j] == ':'
				 || s[j] == '-' || s[j] == '.'))
			j++;
	}
	if (j == name)
		return i;
	const char *type = j - name == 1 && (s[name] == 'a' || s[name] == 'A')
		? "link" : j - name == 3 && !strncasecmp(s + name, "img", 3)
		? "image" : "fmt";
	if (closing) {
		j = skip_spaces(sc, j);
		return j < n && s[j] == '>'
			? close_tag(sc, i, j + 1, type, base) : i;
	}
	/* React-i18next's numbered tags have no attributes. */
	size_t e = is_digit((unsigned char) s[name]) ? skip_spaces(sc, j)
		: tag_attributes(sc, j, i);
	if (!e || e >= n || (s[e] != '>' && (s[e] != '/' || e + 1 >= n
					     || s[e + 1] != '>')))
		return i;
	if (s[e] == '/')
		return alone(sc, i, e + 2, type);
	if (is_void_element(s + name, j - name))
		return alone(sc, i, e + 1, type);
	return open_tag(sc, i, e + 1, type);
}

/*
 * Scans message text from s[i]: to the end, or (nested, inside an ICU
 * sub-message) to the '}' that ends it, whose index it returns (n when
 * there is none).  In a plural sub-message, '#' is a code.
 */
static size_t
scan_message(struct scan *sc, size_t i, int depth, bool nested, bool plural)
{
	/* The bytes that may start a code; the others are skipped fast. */
	static const unsigned char special[256] = {
		['{'] = 1, ['}'] = 1, ['#'] = 1, ['%'] = 1, ['$'] = 1,
		['@'] = 1, ['&'] = 1, ['<'] = 1,
	};
	const char *s = sc->s;
	size_t n = sc->n, base = sc->out->n_stack;
	while (i < n) {
		size_t e = i;
		while (e < n && !special[(unsigned char) s[e]])
			e++;
		sc->steps += e - i + 1;
		if ((i = e) == n)
			break;
		switch (s[i]) {
		case '{': e = brace(sc, i, depth, base); break;
		case '}':
			if (nested)
				goto end;
			break;
		case '#':
			if (plural)
				e = alone(sc, i, i + 1, "fmt");
			break;
		case '%': e = percent(sc, i); break;
		case '$': e = dollar(sc, i); break;
		case '@': e = at_link(sc, i); break;
		case '&': e = entity(sc, i); break;
		case '<': e = tag(sc, i, base); break;
		default: break;
		}
		i = e > i ? e : i + 1;
	}
end:
	/* Open tags of this message left unclosed stay standalone. */
	sc->out->n_stack = base;
	return i;
}

void
bt_json_find_codes(const char *s, size_t n, unsigned flags,
		   struct bt_json_spans *spans)
{
	struct scan sc = { s, n, flags, spans, 0, 8 * n + 4096 };
	spans->n = 0;
	spans->n_stack = 0;
	scan_message(&sc, 0, 0, false, false);
	/* Unpaired halves of tags become standalone codes. */
	for (size_t k = 0; k < spans->n; k++)
		if (spans->v[k].partner == SIZE_MAX)
			spans->v[k].kind = BT_CODE_STANDALONE;
}

void
bt_json_spans_release(struct bt_json_spans *spans)
{
	free(spans->v);
	free(spans->stack);
	memset(spans, 0, sizeof(*spans));
}

bool
bt_json_has_text(const struct bt_json_string *js, size_t t0, size_t t1,
		 const struct bt_json_spans *spans)
{
	size_t pos = t0;
	for (size_t k = 0; k <= spans->n; k++) {
		size_t end = k < spans->n ? spans->v[k].start : t1;
		for (size_t i = pos; i < end; i++)
			if (!is_space((unsigned char) js->text[i]))
				return true;
		if (k < spans->n)
			pos = spans->v[k].end;
	}
	return false;
}

/* Decoded offsets to raw ones, for offsets that only grow. */
struct raw_cursor {
	const struct bt_json_string *js;
	size_t k, delta;
};

static size_t
raw_at(struct raw_cursor *rc, size_t pos)
{
	const struct bt_json_string *js = rc->js;
	while (rc->k < js->n_esc && js->esc[rc->k].dpos < pos) {
		const struct bt_json_escape *e = &js->esc[rc->k++];
		rc->delta += e->rlen - e->dlen;
	}
	return pos + rc->delta;
}

/* Whether the character s[0..n) can show a kept escape in XLIFF: not a
 * control character, nor one of our code markers, nor U+FFFE/U+FFFF. */
static bool
displayable(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	if (n == 1)
		return u[0] >= 0x20 && u[0] != 0x7F;
	if (n == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] >= 0xBE)
		return false;
	return !bt_mark_at(s, n, NULL);
}

/*
 * Appends text[0..len), but U+FFFE and U+FFFF as standalone codes holding
 * the character: XML cannot carry them, and XLIFF readers refuse them
 * even as <cp>.
 */
static void
add_plain(struct bt_content *out, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *q = text;
	while ((q = memchr(q, 0xEF, (size_t) (end - q)))) {
		if (end - q < 3 || (unsigned char) q[1] != 0xBF
		    || (unsigned char) q[2] < 0xBE) {
			q++;
			continue;
		}
		bt_content_add_text(out, p, (size_t) (q - p));
		bt_content_add_code(out, BT_CODE_STANDALONE, -1, NULL, q, 3);
		p = q += 3;
	}
	bt_content_add_text(out, p, (size_t) (end - p));
}

/* Text js->text[a..b), with the kept escapes in it as codes; *k is the
 * first escape not yet looked at. */
static void
add_text(struct bt_content *out, const struct bt_json_string *js,
	 const char *raw, size_t a, size_t b, size_t *k)
{
	while (*k < js->n_esc && js->esc[*k].dpos < a)
		++*k;
	for (; *k < js->n_esc && js->esc[*k].dpos < b; ++*k) {
		const struct bt_json_escape *e = &js->esc[*k];
		if (!e->keep)
			continue;
		add_plain(out, js->text + a, e->dpos - a);
		size_t i = bt_content_add_code(out, BT_CODE_STANDALONE, -1,
					       NULL, raw + e->rpos, e->rlen);
		if (displayable(js->text + e->dpos, e->dlen))
			out->codes[i].display =
				bt_xstrndup(js->text + e->dpos, e->dlen);
		a = e->dpos + e->dlen;
	}
	add_plain(out, js->text + a, b - a);
}

void
bt_json_add_content(struct bt_content *c, const struct bt_json_string *js,
		    const char *raw, size_t t0, size_t t1,
		    struct bt_json_spans *spans)
{
	struct raw_cursor rc = { js, 0, 0 };
	size_t pos = t0, k = 0;
	for (size_t j = 0; j < spans->n; j++) {
		struct bt_json_span *sp = &spans->v[j];
		add_text(c, js, raw, pos, sp->start, &k);
		size_t r0 = raw_at(&rc, sp->start), r1 = raw_at(&rc, sp->end);
		int id = sp->kind == BT_CODE_CLOSE
			? spans->v[sp->partner].code_id : -1;
		size_t i = bt_content_add_code(c, sp->kind, id, sp->type,
					       raw + r0, r1 - r0);
		sp->code_id = c->codes[i].id;
		pos = sp->end;
	}
	add_text(c, js, raw, pos, t1, &k);
}
