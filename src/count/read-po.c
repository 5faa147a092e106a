/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Counting PO files, through gettext's libgettextpo.
 *
 * Each message but the header is one unit of one segment; its source is
 * the msgid and, for a plural message, the msgid_plural too (as pocount
 * counts).  A message whose msgstr (every msgstr[N] of a plural) is filled
 * is translated, or needs review when it is marked fuzzy; otherwise it is
 * untranslated, fuzzy or not.  Obsolete messages (#~) are excluded.
 *
 * Not translatable text does not count: XML/HTML tags in any message, and
 * the placeholders of the format its flags name (c-format and the other
 * printf-like ones: %s %5.2f %1$s %(name)s; python-brace, java, csharp:
 * {0} {name}; qt, kde: %1).
 *
 * libgettextpo reads a whole file into memory, so a PO file is the one
 * input whose size the memory follows.  Its error handler has no context
 * pointer and must not return on a fatal error: the handler below keeps
 * the first error in a static and jumps back (one run at a time).
 */
#include "system.h"

#include <gettext-po.h>
#include <iconv.h>
#include <unistr.h>

#include "core/buf.h"
#include "core/input.h"
#include "core/po-parse.h"
#include "core/xalloc.h"
#include "count/readers.h"

/* --- blanking out tags and placeholders ------------------------------- */

static bool
is_name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool
is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-'
		|| c == '.' || c == ':';
}

/* The length of an XML/HTML tag at s ("<b>", "</a>", "<a href='x'>",
 * "<br/>"), or 0; *br when it is a <br>. */
static size_t
tag_len(const char *s, bool *br)
{
	const unsigned char *p = (const unsigned char *) s + 1;
	if (*p == '/')
		p++;
	if (!is_name_start(*p))
		return 0;
	const unsigned char *name = p;
	while (is_name_char(*p))
		p++;
	*br = p - name == 2 && !strncasecmp((const char *) name, "br", 2);
	char quote = 0;
	for (size_t n = 0; *p && n < 1024; p++, n++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = (char) *p;
		} else if (*p == '>') {
			return (size_t) ((const char *) p + 1 - s);
		} else if (*p == '<' || *p == '\n') {
			return 0;
		}
	}
	return 0;
}

/* The length of a printf directive at s ("%s", "%-5.2lf", "%1$s",
 * "%(name)s", "%{name}"), or 0.  "%%" is text. */
static size_t
printf_len(const char *s)
{
	const char *p = s + 1;
	if (*p == '(' || *p == '{') {
		char close = *p == '(' ? ')' : '}';
		const char *e = strchr(p, close);
		if (!e || e - p > 64 || memchr(p, ' ', (size_t) (e - p)))
			return 0;
		p = e + 1;
		if (close == '}')
			return (size_t) (p - s);	/* Ruby %{name} */
	} else {
		const char *q = p;
		while (*q >= '0' && *q <= '9')
			q++;
		if (q > p && *q == '$')
			p = q + 1;
	}
	p += strspn(p, "-+ #0'I");
	if (*p == '*')
		p++;
	else
		p += strspn(p, "0123456789");
	if (*p == '.') {
		p++;
		if (*p == '*')
			p++;
		else
			p += strspn(p, "0123456789");
	}
	p += strspn(p, "hlLqjzt");
	if (*p && strchr("diouxXeEfFgGaAcspnCS@", *p))
		return (size_t) (p + 1 - s);
	return 0;
}

/* The length of a brace placeholder at s ("{0}", "{name}", "{0,number}",
 * "{name:>10}"), or 0.  "{{" is text. */
static size_t
brace_len(const char *s)
{
	const unsigned char *p = (const unsigned char *) s + 1;
	if (!is_name_start(*p) && !(*p >= '0' && *p <= '9'))
		return 0;
	for (size_t n = 0; *p && n < 64; p++, n++) {
		if (*p == '}')
			return (size_t) ((const char *) p + 1 - s);
		if (*p == '{' || *p == '\n')
			return 0;
	}
	return 0;
}

/* The length of a Qt placeholder at s ("%1", "%L2", "%n"), or 0. */
static size_t
qt_len(const char *s)
{
	const char *p = s + 1;
	if (*p == 'L')
		p++;
	if (*p == 'n')
		return (size_t) (p + 1 - s);
	if (*p >= '1' && *p <= '9')
		return (size_t) (p + 1 + (p[1] >= '0' && p[1] <= '9') - s);
	return 0;
}

void
bt_po_strip(const char *s, unsigned syntaxes, struct bt_buf *out)
{
	const char *done = s, *p = s;
	while (*p) {
		size_t n = 0;
		bool space = true, br = false;
		if (*p == '<') {
			n = tag_len(p, &br);
			space = br;
		} else if (*p == '%' && p[1] == '%') {
			p += 2;
			continue;
		} else if (*p == '%') {
			if (syntaxes & BT_PO_QT)
				n = qt_len(p);
			if (!n && (syntaxes & BT_PO_PRINTF))
				n = printf_len(p);
		} else if (*p == '{' && p[1] == '{') {
			p += 2;
			continue;
		} else if (*p == '{' && (syntaxes & BT_PO_BRACE)) {
			n = brace_len(p);
		}
		if (!n) {
			p++;
			continue;
		}
		bt_buf_add(out, done, (size_t) (p - done));
		if (space)
			bt_buf_addch(out, ' ');
		p += n;
		done = p;
	}
	bt_buf_add(out, done, (size_t) (p - done));
}

/* The placeholder syntaxes a message's format flags announce. */
static unsigned
message_syntaxes(po_message_t m)
{
	static const char *const printf_like[] = {
		"c-format", "objc-format", "python-format", "php-format",
		"perl-format", "gcc-internal-format", "gfc-internal-format",
		"awk-format", "lua-format", "tcl-format", "ruby-format",
		"javascript-format", "java-printf-format", "boost-format",
		"object-pascal-format", "librep-format",
	};
	static const char *const brace_like[] = {
		"python-brace-format", "java-format", "csharp-format",
		"perl-brace-format",
	};
	static const char *const qt_like[] = {
		"qt-format", "qt-plural-format", "kde-format",
		"kde-kuit-format",
	};
	unsigned s = 0;
	for (size_t i = 0; i < BT_ARRAY_SIZE(printf_like); i++)
		if (po_message_is_format(m, printf_like[i]))
			s |= BT_PO_PRINTF;
	for (size_t i = 0; i < BT_ARRAY_SIZE(brace_like); i++)
		if (po_message_is_format(m, brace_like[i]))
			s |= BT_PO_BRACE;
	for (size_t i = 0; i < BT_ARRAY_SIZE(qt_like); i++)
		if (po_message_is_format(m, qt_like[i]))
			s |= BT_PO_QT;
	return s;
}

/* --- counting --------------------------------------------------------- */

struct po_count {
	const char *path;
	struct bt_coverage_file *file;
	struct bt_words *words;
	struct bt_error *err;
	iconv_t cd;			/* (iconv_t) -1: already UTF-8 */
	struct bt_buf conv;
	struct bt_buf text;
	struct bt_unit_tally unit;
};

/* s in UTF-8: s itself, or its conversion in pc->conv.  NULL with
 * pc->err when it does not convert or is not valid UTF-8. */
static const char *
to_utf8(struct po_count *pc, const char *s)
{
	if (pc->cd != (iconv_t) -1) {
		bt_buf_reset(&pc->conv);
		if (bt_iconv_string(pc->cd, s, strlen(s), &pc->conv) < 0)
			goto bad;
		return pc->conv.data ? pc->conv.data : "";
	}
	if (u8_check((const uint8_t *) s, strlen(s)))
		goto bad;
	return s;
bad:
	bt_error_set(pc->err, BT_EENCODING, pc->path,
		     _("a message does not decode in the file's charset: "
		       "'%.40s'"), s);
	return NULL;
}

/* Adds the words of one source string. */
static int
count_source(struct po_count *pc, const char *s, unsigned syntaxes,
	     struct bt_seg_tally *seg)
{
	const char *u = to_utf8(pc, s);
	if (!u)
		return -1;
	bt_buf_reset(&pc->text);
	bt_po_strip(u, syntaxes, &pc->text);
	if (pc->text.len)
		bt_words_count(pc->words, pc->text.data, pc->text.len,
			       &seg->wc);
	return 0;
}

static bool
is_filled(po_message_t m)
{
	if (!po_message_msgid_plural(m))
		return *po_message_msgstr(m) != '\0';
	const char *s = po_message_msgstr_plural(m, 0);
	if (!s)
		return false;
	for (int i = 0; s; s = po_message_msgstr_plural(m, ++i))
		if (!*s)
			return false;
	return true;
}

static int
count_message(struct po_count *pc, po_message_t m)
{
	const char *msgid = po_message_msgid(m);
	if (!*msgid && !po_message_msgctxt(m))
		return 0;		/* the header */
	unsigned syntaxes = message_syntaxes(m);
	bt_unit_tally_reset(&pc->unit);
	struct bt_seg_tally *seg = bt_unit_tally_add(&pc->unit);
	if (count_source(pc, msgid, syntaxes, seg) < 0)
		return -1;
	const char *plural = po_message_msgid_plural(m);
	if (plural && count_source(pc, plural, syntaxes, seg) < 0)
		return -1;
	seg->target = is_filled(m);
	seg->state = !seg->target ? BT_UNTRANSLATED
		: po_message_is_fuzzy(m) ? BT_NEEDS_REVIEW : BT_TRANSLATED;
	bt_coverage_file_add_unit(pc->file, &pc->unit,
				  po_message_is_obsolete(m));
	return 0;
}

/* The charset of the header's Content-Type, which the caller frees, or
 * NULL when it is UTF-8, ASCII or not given. */
static char *
header_charset(po_file_t po, const char *domain)
{
	/* A copy the caller frees (gettext-po.c: xstrdup), though the
	 * prototype says const. */
	char *header = (char *) po_file_domain_header(po, domain);
	if (!header)
		return NULL;
	char *ct = po_header_field(header, "Content-Type");
	free(header);
	if (!ct)
		return NULL;
	char *cs = strstr(ct, "charset=");
	char *name = NULL;
	if (cs) {
		cs += 8;
		name = bt_xstrndup(cs, strcspn(cs, " ;\t\n"));
	}
	free(ct);
	if (name && (!strcasecmp(name, "UTF-8") || !strcasecmp(name, "UTF8")
		     || !strcasecmp(name, "ASCII")
		     || !strcasecmp(name, "US-ASCII")
		     || !strcmp(name, "CHARSET") || !*name)) {
		free(name);
		name = NULL;
	}
	return name;
}

static int
count_domains(struct po_count *pc, po_file_t po)
{
	const char *const *domains = po_file_domains(po);
	for (size_t d = 0; domains && domains[d]; d++) {
		char *charset = header_charset(po, domains[d]);
		pc->cd = (iconv_t) -1;
		if (charset) {
			pc->cd = iconv_open("UTF-8", charset);
			if (pc->cd == (iconv_t) -1) {
				bt_error_set(pc->err, BT_EENCODING, pc->path,
					     _("unknown charset '%s'"),
					     charset);
				free(charset);
				return -1;
			}
			free(charset);
		}
		po_message_iterator_t it = po_message_iterator(po, domains[d]);
		po_message_t m;
		int rc = 0;
		while (rc == 0 && (m = po_next_message(it)))
			rc = count_message(pc, m);
		po_message_iterator_free(it);
		if (pc->cd != (iconv_t) -1)
			iconv_close(pc->cd);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
bt_count_po(const char *path, struct bt_coverage_file *file,
	    struct bt_words *words, struct bt_error *err)
{
	struct po_count pc = {
		.path = path, .file = file, .words = words, .err = err,
		.conv = BT_BUF_INIT, .text = BT_BUF_INIT,
	};
	file->format = "po";
	bt_words_set_lang(words, NULL);
	po_file_t po = bt_po_parse(path, path, err);
	if (!po)
		return -1;
	int rc = count_domains(&pc, po);
	po_file_free(po);
	bt_buf_release(&pc.conv);
	bt_buf_release(&pc.text);
	bt_unit_tally_release(&pc.unit);
	return rc;
}
