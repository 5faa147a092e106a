/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The PO (gettext) filter: reading.
 *
 * Each message is one unit whose source is its msgid, its escapes decoded;
 * the header (msgid "") and obsolete messages (#~) are skeleton.  The
 * unit's name is its msgctxt.  Its notes: references (#:) as "location",
 * translator comments (# ) as "translator", extracted comments (#.) as
 * "developer", and a fuzzy message's previous msgid (#|) as "context".
 * The placeholders of the message's format flags (c-format, python-format,
 * python-brace-format, qt-format...) are standalone codes; a message
 * without such a flag has none, and neither has one whose msgstr does not
 * use each placeholder of its msgid once ("%2$s" for "%s"), since merge
 * wants every code of a source in its target.  A non-empty msgstr is the
 * unit's target, translated, or initial when the message is fuzzy: XLIFF
 * 2 has no needs-review state, and initial is what merge turns back into
 * fuzzy.  Targets need a target language (--trglang): without one the
 * XLIFF carries none, and merge leaves the msgstr as they are.
 *
 * A message with msgid_plural is one unit per plural form of the language
 * (nplurals of the header's Plural-Forms, else of a table of common
 * languages for --trglang or the header's Language, else 2), one after the
 * other, named "msgid_plural[N]" (after the msgctxt and a space, if any):
 * form 0's source is the msgid, the others' the msgid_plural.  A language
 * with one form (zh, ja...) gets the msgid_plural as the source of its
 * only form, since that form says every number.
 *
 * libgettextpo is the parser of record: it reads the file first, and any
 * error it reports (with its line) refuses the file.  It gives no byte
 * offsets, so a small lexer (po-lex.c) walks the decoded text in step with
 * libgettextpo's messages, and each message's strings must be the same in
 * both or the file is refused too.  Comments and flags come from the
 * lines the lexer found (libgettextpo's comment getters leak a copy per
 * call); fuzziness and the previous msgid from libgettextpo.  Names and
 * notes show control characters as escapes: XML cannot hold them, and
 * they never go back into the file.  The skeleton is the text itself, cut
 * just after each message's last msgstr string: the units of a message
 * take their place there, and merge (po-write.c) rewrites the message's
 * flags and msgstr lines before it when their translation changed.
 *
 * The file is decoded with the charset its header declares (sniffed from
 * the raw bytes before decoding, unless --encoding names one) and written
 * back in it.  libgettextpo reads a whole file into memory, and extract
 * reads each file twice: the last file parsed is kept for the next read
 * of the same file (same device, inode, size and time of change).
 */
#include "system.h"

#include <ctype.h>
#include <fcntl.h>
#include <gettext-po.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "filter/filter.h"
#include "filter/po-internal.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/po-parse.h"
#include "core/xalloc.h"

#define PO_FILTER_VERSION "1"

enum { HEAD_BYTES = 1 << 16, CHUNK = 1 << 16 };

/* --- detection -------------------------------------------------------- */

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && !strcasecmp(s + n - k, suffix);
}

/* Whether head has a line starting with word and a space or quote. */
static bool
has_line(const char *head, size_t len, const char *word)
{
	size_t k = strlen(word);
	for (size_t i = 0; i + k < len; i++)
		if ((i == 0 || head[i - 1] == '\n')
		    && !memcmp(head + i, word, k)
		    && (head[i + k] == ' ' || head[i + k] == '"'))
			return true;
	return false;
}

static int
po_probe(const char *path, const char *head, size_t len)
{
	if (ends_with(path, ".po") || ends_with(path, ".pot"))
		return 90;
	if (has_line(head, len, "msgid") && has_line(head, len, "msgstr"))
		return 70;
	return 0;
}

/* --- libgettextpo ----------------------------------------------------- */

/* The last file parsed, kept for extract's second pass. */
static struct {
	po_file_t po;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
} cache;

static bool
same_file(const struct stat *st)
{
	return cache.po && cache.dev == st->st_dev && cache.ino == st->st_ino
		&& cache.size == st->st_size
		&& cache.mtime.tv_sec == st->st_mtim.tv_sec
		&& cache.mtime.tv_nsec == st->st_mtim.tv_nsec
		&& cache.ctime.tv_sec == st->st_ctim.tv_sec
		&& cache.ctime.tv_nsec == st->st_ctim.tv_nsec;
}

/*
 * Parses file (a copy of path for stdin or a file with a byte-order mark)
 * with libgettextpo.  st is path's identity, or NULL not to keep the
 * result.  Returns a file that the cache owns (*again when it was parsed
 * before), or NULL with err.
 */
static po_file_t
parse(const char *path, const char *file, const struct stat *st,
      bool *again, struct bt_error *err)
{
	*again = st && same_file(st);
	if (*again)
		return cache.po;
	po_file_t po = bt_po_parse(path, file, err);
	if (!po)
		return NULL;
	if (cache.po)
		po_file_free(cache.po);
	cache.po = po;
	cache.dev = st ? st->st_dev : 0;
	cache.ino = st ? st->st_ino : 0;
	cache.size = st ? st->st_size : -1;
	if (st) {
		cache.mtime = st->st_mtim;
		cache.ctime = st->st_ctim;
	}
	return po;
}

/* Forgets a parse that must not be reused (a temporary copy). */
static void
forget(po_file_t po)
{
	if (cache.po == po && cache.size == -1) {
		po_file_free(cache.po);
		cache.po = NULL;
	}
}

/* --- the file as bytes ------------------------------------------------ */

/*
 * Copies src ("-": standard input) to a new temporary file, without its
 * first skip bytes.  Returns its name (caller unlinks and frees) or NULL.
 */
static char *
copy_to_temp(const char *path, const char *src, size_t skip,
	     struct bt_error *err)
{
	const char *dir = getenv("TMPDIR");
	char *tmp = bt_xasprintf("%s/bitext-po.XXXXXX",
				 dir && *dir ? dir : "/tmp");
	int in = strcmp(src, "-") ? open(src, O_RDONLY | O_CLOEXEC) : 0;
	int out = in >= 0 ? mkstemp(tmp) : -1;
	char buf[CHUNK];
	ssize_t n = 0;
	bool ok = out >= 0;
	while (ok && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		size_t from = skip < (size_t) n ? skip : (size_t) n;
		skip -= from;
		ok = n > 0 && write(out, buf + from, (size_t) n - from)
			== n - (ssize_t) from;
	}
	int saved = errno;
	if (in > 0)
		close(in);
	if (out >= 0 && close(out) < 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		bt_error_set(err, BT_EIO, path, _("cannot keep a copy: %s"),
			     strerror(saved));
		if (out >= 0)
			unlink(tmp);
		free(tmp);
		return NULL;
	}
	return tmp;
}

/* Reads up to cap bytes of the start of file into head. */
static ssize_t
read_head(const char *path, const char *file, char *head, size_t cap,
	  struct bt_error *err)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	size_t got = 0;
	ssize_t n = 0;
	while (fd >= 0 && got < cap
	       && ((n = read(fd, head + got, cap - got)) > 0
		   || (n < 0 && errno == EINTR)))
		got += n > 0 ? (size_t) n : 0;
	if (fd < 0 || n < 0) {
		bt_error_set(err, BT_EIO, path, fd < 0 ? _("cannot open: %s")
			     : _("cannot read: %s"), strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return (ssize_t) got;
}

/*
 * The charset the header declares ("Content-Type: text/plain;
 * charset=ISO-8859-1"), from the raw first bytes; NULL for none, UTF-8
 * or a template's "CHARSET".  Caller frees.
 */
static char *
sniff_charset(const char *head, size_t len)
{
	static const char key[] = "charset=";
	const char *ct = NULL;
	for (size_t i = 0; i + 13 < len && !ct; i++)
		if (!memcmp(head + i, "Content-Type:", 13))
			ct = head + i;
	if (!ct)
		return NULL;
	const char *end = memchr(ct, '"', len - (size_t) (ct - head));
	size_t room = end ? (size_t) (end - ct) : len - (size_t) (ct - head);
	for (size_t i = 0; i + sizeof(key) - 1 < room; i++) {
		if (memcmp(ct + i, key, sizeof(key) - 1))
			continue;
		const char *v = ct + i + sizeof(key) - 1;
		size_t n = 0;
		while (v + n < ct + room && (isalnum((unsigned char) v[n])
					     || strchr("-_.:", v[n])))
			n++;
		char *name = bt_xstrndup(v, n);
		if (!n || !strcmp(name, "CHARSET") || !strcasecmp(name, "UTF-8")
		    || !strcasecmp(name, "UTF8")) {
			free(name);
			return NULL;
		}
		return name;
	}
	return NULL;
}

/* --- the reader ------------------------------------------------------- */

struct po_reader {
	const char *path;		/* for messages */
	const struct bt_filter_options *opt;
	const struct bt_sink *sink;
	struct bt_error *err;
	struct bt_buf text;		/* the whole file, decoded */
	size_t done;			/* text[0..done) handed on */
	struct bt_po_lexer lx;
	struct bt_po_entry e;
	iconv_t cd;		/* libgettextpo's strings to UTF-8, or -1 */
	struct bt_buf conv;
	struct bt_buf scratch;
	int nplurals;
	char *plural_expr;		/* owned; for the notes */
	bool again;			/* read before: warned already */
	struct bt_unit_ids *ids;
};

/* Sets err's file to what the user named (not a temporary copy). */
static void
blame(struct bt_error *err, const char *path)
{
	if (err && err->file && strcmp(err->file, path)) {
		free(err->file);
		err->file = bt_xstrdup(path);
	}
}

/* Reads the whole decoded file into r->text. */
static int
read_text(struct po_reader *r, struct bt_input *in)
{
	for (;;) {
		bt_buf_grow(&r->text, CHUNK);
		ssize_t got = bt_input_read(in, r->text.data + r->text.len,
					    CHUNK, r->err);
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		r->text.len += (size_t) got;
		r->text.data[r->text.len] = '\0';
	}
}

/* s, one of libgettextpo's strings, in UTF-8: s itself, or its
 * conversion in r->conv.  NULL when it does not convert. */
static const char *
utf8_of(struct po_reader *r, const char *s, size_t *len)
{
	*len = strlen(s);
	if (r->cd == (iconv_t) -1)
		return s;
	bt_buf_reset(&r->conv);
	if (bt_iconv_string(r->cd, s, *len, &r->conv) < 0)
		return NULL;
	*len = r->conv.len;
	return r->conv.data ? r->conv.data : "";
}

/* Whether libgettextpo's s and the lexer's b are the same string. */
static bool
same(struct po_reader *r, const char *s, const struct bt_buf *b)
{
	size_t n;
	const char *u = s ? utf8_of(r, s, &n) : NULL;
	return u && n == b->len && !memcmp(u, bt_buf_cstr(b), n);
}

static int
disagree(struct po_reader *r)
{
	bt_error_set(r->err, BT_ESYNTAX, r->path,
		     _("cannot follow this message: bitext's PO lexer and "
		       "libgettextpo read it differently"));
	bt_error_at_line(r->err, r->e.line);
	return -1;
}

/* Checks that the lexer's entry is libgettextpo's message m, string by
 * string, and that its strings are valid UTF-8. */
static int
check_entry(struct po_reader *r, po_message_t m)
{
	const struct bt_po_entry *e = &r->e;
	const char *ctxt = po_message_msgctxt(m);
	const char *plural = po_message_msgid_plural(m);
	if (!ctxt != !e->has_ctxt || !plural != !e->has_plural
	    || (ctxt && !same(r, ctxt, &e->ctxt))
	    || !same(r, po_message_msgid(m), &e->id)
	    || (plural && !same(r, plural, &e->plural)))
		return disagree(r);
	for (size_t i = 0; i < e->n_strs; i++) {
		const char *s = plural
			? po_message_msgstr_plural(m, (int) i)
			: i == 0 ? po_message_msgstr(m) : NULL;
		if (e->strs[i].index != (plural ? (int) i : -1)
		    || !same(r, s, &e->strs[i].value))
			return disagree(r);
	}
	if (plural && po_message_msgstr_plural(m, (int) e->n_strs))
		return disagree(r);
	bool bad = u8_check((const uint8_t *) bt_buf_cstr(&e->id), e->id.len)
		|| u8_check((const uint8_t *) bt_buf_cstr(&e->plural),
			    e->plural.len)
		|| u8_check((const uint8_t *) bt_buf_cstr(&e->ctxt),
			    e->ctxt.len);
	for (size_t i = 0; i < e->n_strs && !bad; i++)
		bad = u8_check((const uint8_t *) bt_buf_cstr(&e->strs[i].value),
			       e->strs[i].value.len) != NULL;
	if (bad) {
		bt_error_set(r->err, BT_EENCODING, r->path,
			     _("a string of this message is not valid text "
			       "once its escapes are decoded"));
		bt_error_at_line(r->err, e->line);
		return -1;
	}
	return 0;
}

/* --- units ------------------------------------------------------------ */

/*
 * A copy of s[0..n) that XML can hold, for a unit's name or note (which
 * do not go back into the file): control characters as PO writes them
 * ("\b", "\x01"), and in a name also tab and line breaks.  Caller frees.
 */
static char *
readable(const char *s, size_t n, bool name)
{
	static const char letters[] = "\aa\bb\ff\vv\tt\nn\rr";
	struct bt_buf b = BT_BUF_INIT;
	bt_buf_grow(&b, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];
		if ((c >= 0x20 && c != 0x7F)
		    || (!name && (c == '\t' || c == '\n' || c == '\r'))) {
			bt_buf_addch(&b, (char) c);
			continue;
		}
		const char *l = c ? memchr(letters, c, sizeof(letters) - 1)
			: NULL;
		if (l && (l - letters) % 2 == 0)
			bt_buf_addf(&b, "\\%c", l[1]);
		else
			bt_buf_addf(&b, "\\x%02x", c);
	}
	return bt_buf_detach(&b, NULL);
}

/* The text of comment line c after its "#x" and one space. */
static void
comment_text(const struct po_reader *r, const struct bt_po_comment *c,
	     size_t *start, size_t *len)
{
	size_t s = c->start + (c->kind == ' ' ? 1 : 2);
	if (s < c->end && r->text.data[s] == ' ')
		s++;
	*start = s < c->end ? s : c->end;
	*len = c->end - *start;
}

/* The entry's comments of one kind, one line each ("location": one line,
 * separated by spaces), as a note. */
static void
add_comment_note(struct po_reader *r, struct bt_unit *u, char kind,
		 const char *category)
{
	struct bt_buf *b = &r->scratch;
	bt_buf_reset(b);
	for (size_t i = 0; i < r->e.n_comments; i++) {
		const struct bt_po_comment *c = &r->e.comments[i];
		if (c->kind != kind)
			continue;
		size_t s, n;
		comment_text(r, c, &s, &n);
		if (b->len)
			bt_buf_addch(b, kind == ':' ? ' ' : '\n');
		bt_buf_add(b, r->text.data + s, n);
	}
	/* Trailing empty comment lines ("#") say nothing. */
	while (b->len && strchr(" \n", b->data[b->len - 1]))
		b->len--;
	if (b->len) {
		char *note = readable(b->data, b->len, false);
		bt_unit_add_note(u, category, note);
		free(note);
	}
}

/* The placeholder syntaxes named by the entry's flags lines. */
static unsigned
entry_syntaxes(const struct po_reader *r)
{
	unsigned syn = 0;
	bool fuzzy, no_wrap;
	for (size_t i = 0; i < r->e.n_comments; i++) {
		const struct bt_po_comment *c = &r->e.comments[i];
		if (c->kind == ',')
			syn |= bt_po_flags(r->text.data + c->start + 2,
					   c->end - c->start - 2, &fuzzy,
					   &no_wrap);
	}
	return syn;
}

static void
add_notes(struct po_reader *r, struct bt_unit *u, po_message_t m)
{
	add_comment_note(r, u, ':', "location");
	add_comment_note(r, u, ' ', "translator");
	add_comment_note(r, u, '.', "developer");
	const char *prev = po_message_is_fuzzy(m) ? po_message_prev_msgid(m)
		: NULL;
	size_t n;
	const char *u8 = prev ? utf8_of(r, prev, &n) : NULL;
	if (u8 && !u8_check((const uint8_t *) u8, n)) {
		char *text = readable(u8, n, false);
		char *note = bt_xasprintf("previous msgid: %s", text);
		bt_unit_add_note(u, "context", note);
		free(note);
		free(text);
	}
}

/*
 * Sets u's only segment's target to msgstr, unless it is empty or keep
 * is false (no target language is known: XLIFF 2 has no targets without
 * one, and merge leaves such msgstr as they are).  Merge wants each of
 * the source's codes once in the target: when the msgstr does not have
 * each placeholder of the msgid exactly once (it says "%2$s" for "%s",
 * or leaves one out), both keep their placeholders as text instead,
 * whether the target is kept or not (so that unit ids do not depend on
 * --trglang).
 */
static void
set_target(struct bt_unit *u, const struct bt_buf *source,
	   const struct bt_buf *msgstr, unsigned syn, bool fuzzy, bool keep)
{
	if (!msgstr || !msgstr->len) {
		bt_unit_set_one_segment(u);
		return;
	}
	struct bt_content *t = bt_xmalloc(sizeof(*t));
	bt_content_init(t);
	bt_po_add_content(t, msgstr->data, msgstr->len, syn, &u->source);
	if (t->n_codes != u->source.n_codes) {
		bt_content_release(t);
		bt_content_release(&u->source);
		bt_content_init(&u->source);
		bt_content_add_text(&u->source, bt_buf_cstr(source),
				    source->len);
		bt_content_add_text(t, msgstr->data, msgstr->len);
	}
	bt_unit_set_one_segment(u);
	if (!keep) {
		bt_content_release(t);
		free(t);
		return;
	}
	u->segments[0].target = t;
	u->segments[0].state = fuzzy ? BT_STATE_INITIAL : BT_STATE_TRANSLATED;
}

static int
emit_unit(struct po_reader *r, po_message_t m, const struct bt_buf *source,
	  const char *name, const struct bt_buf *msgstr, const char *note)
{
	unsigned syn = entry_syntaxes(r);
	struct bt_unit *u = bt_unit_new();
	u->name = name ? readable(name, strlen(name), true) : NULL;
	bt_po_add_content(&u->source, bt_buf_cstr(source), source->len, syn,
			  NULL);
	set_target(u, source, msgstr, syn, po_message_is_fuzzy(m),
		   r->opt->target_lang != NULL);
	add_notes(r, u, m);
	if (note)
		bt_unit_add_note(u, "context", note);
	bt_unit_ids_assign(r->ids, u);
	return r->sink->unit(r->sink->ctx, u, r->err);
}

/* The msgstr[i] of the entry, or NULL. */
static const struct bt_buf *
msgstr_form(const struct bt_po_entry *e, int i)
{
	for (size_t k = 0; k < e->n_strs; k++)
		if (e->strs[k].index == i)
			return &e->strs[k].value;
	return NULL;
}

static int
emit_plural(struct po_reader *r, po_message_t m)
{
	const struct bt_po_entry *e = &r->e;
	int n = r->nplurals;
	for (int i = 0; i < n; i++) {
		char *name = e->has_ctxt
			? bt_xasprintf("%s msgid_plural[%d]",
				       bt_buf_cstr(&e->ctxt), i)
			: bt_xasprintf("msgid_plural[%d]", i);
		char *note = bt_xasprintf("msgstr[%d]: plural form %d of %d "
					  "(plural=%s)", i, i + 1, n,
					  r->plural_expr);
		const struct bt_buf *source = i == 0 && n > 1 ? &e->id
			: &e->plural;
		int rc = emit_unit(r, m, source, name, msgstr_form(e, i),
				   note);
		free(name);
		free(note);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The skeleton up to the end of the entry, then its units. */
static int
emit_message(struct po_reader *r, po_message_t m)
{
	const struct bt_po_entry *e = &r->e;
	if (e->id.len == 0)
		return 0;	/* the header: skeleton */
	if (e->end > r->done
	    && r->sink->skeleton(r->sink->ctx, r->text.data + r->done,
				 e->end - r->done, r->err) < 0)
		return -1;
	r->done = e->end;
	if (e->has_plural)
		return emit_plural(r, m);
	return emit_unit(r, m, &e->id, e->has_ctxt ? e->ctxt.data : NULL,
			 &e->strs[0].value, NULL);
}

static int
lex_next(struct po_reader *r)
{
	int rc = bt_po_lex_entry(&r->lx, &r->e);
	if (rc < 0) {
		bt_error_set(r->err, BT_ESYNTAX, r->path, "%s",
			     _("cannot follow the PO syntax here"));
		bt_error_at_line(r->err, r->lx.error_line);
	}
	return rc;
}

/* Walks libgettextpo's messages and the lexer's entries together. */
static int
walk(struct po_reader *r, po_file_t po)
{
	const char *const *domains = po_file_domains(po);
	for (size_t d = 0; domains && domains[d]; d++) {
		po_message_iterator_t it = po_message_iterator(po, domains[d]);
		po_message_t m;
		int rc = 0;
		while (rc == 0 && (m = po_next_message(it))) {
			if (po_message_is_obsolete(m))
				continue;
			rc = lex_next(r);
			if (rc == 0)
				rc = disagree(r);
			if (rc > 0)
				rc = check_entry(r, m);
			if (rc == 0)
				rc = emit_message(r, m);
		}
		po_message_iterator_free(it);
		if (rc < 0)
			return -1;
	}
	int rc = lex_next(r);
	if (rc > 0)
		return disagree(r);
	if (rc < 0)
		return -1;
	if (r->text.len > r->done
	    && r->sink->skeleton(r->sink->ctx, r->text.data + r->done,
				 r->text.len - r->done, r->err) < 0)
		return -1;
	return 0;
}

/* Warns when the file's translations are not in the target language
 * (a ru.po extracted with --trglang zh-CN): they become its targets. */
static void
warn_language(const struct po_reader *r, const char *lang)
{
	const char *want = r->opt->target_lang;
	if (!want || !lang || !*lang || r->again)
		return;
	size_t a = strcspn(lang, "-_.@"), b = strcspn(want, "-_.@");
	if (a == b && !strncasecmp(lang, want, a))
		return;
	bt_warn(r->opt->diag, r->path, 0,
		_("the file's Language is '%s', not the target language "
		  "'%s', yet its msgstr become the targets"), lang, want);
}

/* nplurals and the plural expression, from the header or the table. */
static void
find_plurals(struct po_reader *r, po_file_t po)
{
	/* A copy the caller frees (gettext-po.c: xstrdup), though the
	 * prototype says const. */
	char *header = (char *) po_file_domain_header(po, NULL);
	char *forms = header ? po_header_field(header, "Plural-Forms") : NULL;
	char *lang = header ? po_header_field(header, "Language") : NULL;
	const char *expr = NULL;
	int n = bt_po_header_nplurals(forms);
	char *p = forms ? strstr(forms, "plural=") : NULL;
	if (n > 0 && p) {
		p += strlen("plural=");
		r->plural_expr = bt_xstrndup(p, strcspn(p, ";\n"));
	} else if ((n = bt_po_lang_plurals(r->opt->target_lang, &expr))
		   || (n = bt_po_lang_plurals(lang, &expr))) {
		r->plural_expr = bt_xstrdup(expr);
	} else {
		n = 2;
		r->plural_expr = bt_xstrdup("(n != 1)");
	}
	r->nplurals = n;
	warn_language(r, lang);
	free(forms);
	free(lang);
	free(header);
}

/*
 * Where to read: the file itself, or for standard input (read more than
 * once) a copy in *spool; and where libgettextpo reads: the same, or for
 * a file with a UTF-8 byte-order mark (which libgettextpo refuses) a copy
 * without it in *nobom.  Sets *charset to the declared charset.
 */
static int
prepare(const char *path, char **spool, char **nobom, char **charset,
	struct bt_error *err)
{
	const char *file = path;
	if (!strcmp(path, "-") && !(file = *spool = copy_to_temp(path, "-", 0,
								   err)))
		return -1;
	char *head = bt_xmalloc(HEAD_BYTES);
	ssize_t n = read_head(path, file, head, HEAD_BYTES, err);
	bool bom = n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3);
	if (n >= 0)
		*charset = sniff_charset(head, (size_t) n);
	free(head);
	if (bom && !(*nobom = copy_to_temp(path, file, 3, err)))
		return -1;
	return n < 0 ? -1 : 0;
}

static void
drop_temp(char *tmp)
{
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
}

static int
read_po(struct po_reader *r, const char *file, po_file_t po,
	const char *encoding)
{
	struct bt_input *in = bt_input_open(file, encoding, r->err);
	if (!in)
		return -1;
	int rc = read_text(r, in);
	const char *enc = bt_input_encoding(in);
	if (rc == 0 && strcmp(enc, "UTF-8")
	    && (r->cd = iconv_open("UTF-8", enc)) == (iconv_t) -1)
		rc = bt_error_set(r->err, BT_EENCODING, r->path,
				  _("unknown encoding '%s'"), enc);
	char *settings = strcmp(enc, "UTF-8")
		? bt_xasprintf("charset=%s", enc) : NULL;
	struct bt_doc_info info = { enc, bt_input_has_bom(in), NULL,
				    settings };
	if (rc == 0 && r->sink->begin)
		rc = r->sink->begin(r->sink->ctx, &info, r->err);
	free(settings);
	if (rc == 0) {
		find_plurals(r, po);
		bt_po_lexer_init(&r->lx, r->text.data ? r->text.data : "",
				 r->text.len);
		rc = walk(r, po);
	}
	bt_input_free(in);
	return rc;
}

static int
po_read(const char *path, const struct bt_filter_options *opt,
	const struct bt_sink *sink, struct bt_error *err)
{
	struct po_reader r = {
		.path = strcmp(path, "-") ? path : _("(standard input)"),
		.opt = opt, .sink = sink, .err = err, .cd = (iconv_t) -1,
		.text = BT_BUF_INIT, .conv = BT_BUF_INIT,
		.scratch = BT_BUF_INIT,
	};
	char *spool = NULL, *nobom = NULL, *charset = NULL;
	struct stat st;
	int rc = prepare(path, &spool, &nobom, &charset, err);
	const char *file = spool ? spool : path;
	po_file_t po = NULL;
	if (rc == 0) {
		bool keep = !spool && stat(path, &st) == 0;
		po = parse(r.path, nobom ? nobom : file, keep ? &st : NULL,
			   &r.again, err);
		rc = po ? 0 : -1;
	}
	if (rc == 0) {
		r.ids = bt_unit_ids_new();
		bt_po_entry_init(&r.e);
		rc = read_po(&r, file, po, opt->encoding ? opt->encoding
			     : charset);
		bt_po_entry_release(&r.e);
		bt_unit_ids_free(r.ids);
	}
	if (rc < 0)
		blame(err, r.path);
	if (po)
		forget(po);
	if (r.cd != (iconv_t) -1)
		iconv_close(r.cd);
	drop_temp(spool);
	drop_temp(nobom);
	free(charset);
	free(r.plural_expr);
	bt_buf_release(&r.text);
	bt_buf_release(&r.conv);
	bt_buf_release(&r.scratch);
	return rc;
}

const struct bt_filter bt_filter_po = {
	.name = "po",
	.version = PO_FILTER_VERSION,
	.summary = N_("PO (gettext): messages with msgctxt, plurals, flags "
		      "and comments; fuzzy as initial"),
	.probe = po_probe,
	.read = po_read,
	.write_begin = bt_po_write_begin,
	.write_skeleton = bt_po_write_skeleton,
	.write_unit = bt_po_write_unit,
	.write_end = bt_po_write_end,
};
