/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The PO filter: merging translations back into the file.
 *
 * The skeleton is the file itself, cut just after each message's last
 * msgstr string, where the message's units (one, or one per plural form)
 * take their place.  So the writer holds the skeleton of one message (its
 * comments, flags, keywords and msgstr lines) until its units have come,
 * and then writes it with two kinds of changes:
 *
 *  - msgstr: a unit whose rendered translation equals the msgstr as
 *    decoded is left exactly as it was written (its line wrapping too); a
 *    new translation replaces the msgstr's strings with the text written
 *    as msgcat writes it (po-wrap.c); a plural form the file lacks is
 *    added after the others, and empty forms past the language's number
 *    of forms are dropped;
 *  - the fuzzy flag: a target in state initial (or a unit only partly
 *    translated, or a plural message with an empty form) makes the
 *    message fuzzy, adding "fuzzy" first on its flags line or a "#, fuzzy"
 *    line where msgcat puts it; translated, reviewed and final remove the
 *    flag, and the previous msgid (#|) lines with it, as msgattr
 *    --clear-fuzzy --clear-previous does.
 *
 * A unit with no target at all leaves its msgstr as the file had it
 * (empty, for an untranslated message): PO files say "untranslated" with
 * an empty msgstr, so merge never copies a msgid into its msgstr.
 *
 * The header changes only when the merge changes a message: then an
 * empty Language gets the XLIFF's target language (zh-CN as zh_CN), and a
 * template's placeholders "nplurals=INTEGER" and "charset=CHARSET" get
 * the language's plural forms and UTF-8, which msgfmt -c needs.  Since
 * the header comes first, the output is held until the first changed
 * message (all of it, for a file merged without changes).  A file written
 * in another encoding (merge --encoding) gets it as its charset in any
 * case.
 */
#include "system.h"

#include "filter/filter.h"
#include "filter/po-internal.h"
#include "core/xalloc.h"

/* What the writer keeps of one unit (the units themselves are gone by the
 * time the message is written). */
struct form {
	bool has_target;	/* at least one segment has a target */
	bool partial;		/* and one has none */
	enum bt_state state;	/* the lowest state of its targets */
	struct bt_buf text;	/* its rendering, when has_target */
};

struct po_writer {
	const struct bt_document *doc;
	const char *charset;		/* for character widths */
	struct bt_buf held;		/* skeleton not yet written */
	struct form *forms;		/* the units after held */
	size_t n_forms, cap_forms;
	struct bt_buf front;		/* output held until settled */
	bool settled;			/* the header is decided */
	size_t header_kw, header_end;	/* its msgstr, in front */
	bool has_header;
	struct bt_buf out;		/* a message being rebuilt */
	struct bt_po_entry e;
};

void *
bt_po_write_begin(const struct bt_document *doc)
{
	struct po_writer *w = bt_xcalloc(1, sizeof(*w));
	w->doc = doc;
	w->charset = doc->settings && !strncmp(doc->settings, "charset=", 8)
		? doc->settings + 8 : "UTF-8";
	bt_po_entry_init(&w->e);
	return w;
}

static void
writer_free(struct po_writer *w)
{
	bt_buf_release(&w->held);
	for (size_t i = 0; i < w->cap_forms; i++)
		bt_buf_release(&w->forms[i].text);
	free(w->forms);
	bt_buf_release(&w->front);
	bt_buf_release(&w->out);
	bt_po_entry_release(&w->e);
	free(w);
}

static int
damaged(struct bt_error *err, const char *why)
{
	return bt_error_set(err, BT_EINVALID, NULL,
			    _("the skeleton is not the PO file bitext "
			      "extracted: %s"), why);
}

/* --- the header ------------------------------------------------------- */

/* "zh-CN" as a PO Language value ("zh_CN"); caller frees. */
static char *
po_language(const char *lang)
{
	char *s = bt_xstrdup(lang);
	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = '_';
	return s;
}

/*
 * The new text of one string s[0..n) of the header's msgstr (between its
 * quotes, escaped), decoded into b; false when it stays as it is.  Only
 * strings that are one whole field ("Language: \n") are changed.
 */
static bool
header_field(const struct po_writer *w, const char *s, size_t n, bool fill,
	     struct bt_buf *b)
{
	const char *lang = fill ? w->doc->target_lang : NULL;
	const char *expr;
	int np;
	if (n < 2 || memcmp(s + n - 2, "\\n", 2)
	    || memchr(s, '\\', n - 2))
		return false;
	n -= 2;
	const char *cs = memmem(s, n, "charset=", 8);
	if (w->doc->encoding_changed && cs && n >= 13
	    && !strncasecmp(s, "Content-Type:", 13)) {
		size_t v = (size_t) (cs - s) + 8, e = v;
		while (e < n && s[e] != ' ' && s[e] != ';')
			e++;
		bt_buf_add(b, s, v);
		bt_buf_addstr(b, w->doc->encoding);
		bt_buf_add(b, s + e, n - e);
		bt_buf_addch(b, '\n');
		return true;
	}
	if (!lang)
		return false;
	if (n >= 9 && !memcmp(s, "Language:", 9)) {
		size_t k = 9;
		while (k < n && s[k] == ' ')
			k++;
		if (k < n)
			return false;	/* not empty */
		char *v = po_language(lang);
		bt_buf_addf(b, "Language: %s\n", v);
		free(v);
		return true;
	}
	if (n >= 13 && !memcmp(s, "Plural-Forms:", 13)
	    && memmem(s, n, "nplurals=INTEGER", 16)
	    && (np = bt_po_lang_plurals(lang, &expr))) {
		bt_buf_addf(b, "Plural-Forms: nplurals=%d; plural=%s;\n", np,
			    expr);
		return true;
	}
	cs = memmem(s, n, "charset=CHARSET", 15);
	if (cs && !strcmp(w->charset, "UTF-8")) {
		bt_buf_add(b, s, (size_t) (cs - s));
		bt_buf_addstr(b, "charset=UTF-8");
		bt_buf_add(b, cs + 15, n - (size_t) (cs + 15 - s));
		bt_buf_addch(b, '\n');
		return true;
	}
	return false;
}

/*
 * Writes front with the header's template fields filled in (when fill),
 * and its charset set when the encoding changes, each changed field
 * wrapped as msgcat would.
 */
static int
settle(struct po_writer *w, bool fill, struct bt_output *out,
       struct bt_error *err)
{
	struct bt_buf b = BT_BUF_INIT, field = BT_BUF_INIT;
	const char *s = w->front.data;
	size_t pos = 0;
	const char *nl = w->has_header
		? memchr(s + w->header_kw, '\n', w->front.len - w->header_kw)
		: NULL;
	const char *eol = nl && nl > s && nl[-1] == '\r' ? "\r\n" : "\n";
	bool edit = (fill && w->doc->target_lang) || w->doc->encoding_changed;
	for (size_t i = w->header_kw; w->has_header && edit
	     && i < w->header_end; i++) {
		if (s[i] != '"')
			continue;
		size_t j = i + 1;
		while (j < w->header_end && s[j] != '"')
			j += s[j] == '\\' ? 2 : 1;
		bt_buf_reset(&field);
		if (j < w->header_end
		    && header_field(w, s + i + 1, j - i - 1, fill, &field)) {
			bt_buf_add(&b, s + pos, i - pos);
			bt_po_wrap(&b, NULL, field.data, field.len, 0, false,
				   w->charset, eol);
			pos = j + 1;
		}
		i = j;
	}
	bt_buf_add(&b, s + pos, w->front.len - pos);
	int rc = b.len ? bt_output_write(out, b.data, b.len, err) : 0;
	bt_buf_release(&b);
	bt_buf_release(&field);
	bt_buf_release(&w->front);
	w->settled = true;
	return rc;
}

/* Writes text, or holds it while the header is not decided. */
static int
emit(struct po_writer *w, const char *text, size_t len, bool changed,
     struct bt_output *out, struct bt_error *err)
{
	if (w->settled)
		return len ? bt_output_write(out, text, len, err) : 0;
	bt_buf_add(&w->front, text, len);
	return changed ? settle(w, true, out, err) : 0;
}

/* --- one message ------------------------------------------------------ */

/* The message's flags: syntaxes, fuzzy, no-wrap. */
static unsigned
entry_flags(const struct po_writer *w, bool *fuzzy, bool *no_wrap)
{
	unsigned syn = 0;
	*fuzzy = *no_wrap = false;
	for (size_t i = 0; i < w->e.n_comments; i++) {
		const struct bt_po_comment *c = &w->e.comments[i];
		if (c->kind == ',')
			syn |= bt_po_flags(w->held.data + c->start + 2,
					   c->end - c->start - 2, fuzzy,
					   no_wrap);
	}
	return syn;
}

/* The line ending the message's lines use. */
static const char *
entry_eol(const struct po_writer *w)
{
	const char *nl = memchr(w->held.data + w->e.kw_line, '\n',
				w->held.len - w->e.kw_line);
	return nl && nl > w->held.data && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* Just after the line break that ends the line at pos (or the end). */
static size_t
next_line(const struct po_writer *w, size_t pos)
{
	const char *nl = memchr(w->held.data + pos, '\n', w->held.len - pos);
	return nl ? (size_t) (nl - w->held.data) + 1 : w->held.len;
}

/* Copies held[*pos..to) to w->out and moves *pos there. */
static void
copy_to(struct po_writer *w, size_t *pos, size_t to)
{
	if (to > *pos) {
		bt_buf_add(&w->out, w->held.data + *pos, to - *pos);
		*pos = to;
	}
}

/* Rewrites the flags lines: fuzzy added or removed (with #| lines). */
static void
rewrite_flags(struct po_writer *w, bool fuzzy, const char *eol, size_t *pos)
{
	const struct bt_po_entry *e = &w->e;
	const char *s = w->held.data;
	if (fuzzy) {
		size_t at = e->kw_line;
		for (size_t i = 0; i < e->n_comments; i++) {
			const struct bt_po_comment *c = &e->comments[i];
			if (c->kind == ',') {
				copy_to(w, pos, c->start);
				bt_buf_addstr(&w->out, "#, fuzzy");
				size_t k = c->start + 2;
				while (k < c->end && s[k] == ' ')
					k++;
				if (k < c->end)
					bt_buf_addstr(&w->out, ", ");
				*pos = k;
				return;
			}
			if (c->kind == '|' && at == e->kw_line)
				at = c->start;
		}
		copy_to(w, pos, at);
		bt_buf_addf(&w->out, "#, fuzzy%s", eol);
		return;
	}
	for (size_t i = 0; i < e->n_comments; i++) {
		const struct bt_po_comment *c = &e->comments[i];
		if (c->kind != ',' && c->kind != '|')
			continue;
		bool has_fuzzy = false, no_wrap;
		if (c->kind == ',')
			bt_po_flags(s + c->start + 2, c->end - c->start - 2,
				    &has_fuzzy, &no_wrap);
		if (c->kind == ',' && !has_fuzzy)
			continue;
		copy_to(w, pos, c->start);
		size_t mark = w->out.len;
		if (c->kind == ',') {
			/* The other flags, as they were written. */
			size_t k = c->start + 2;
			while (k < c->end) {
				while (k < c->end && strchr(", \t", s[k]))
					k++;
				size_t start = k;
				while (k < c->end && !strchr(", \t", s[k]))
					k++;
				if (k == start || (k - start == 5
						   && !memcmp(s + start,
							      "fuzzy", 5)))
					continue;
				bt_buf_addstr(&w->out, w->out.len > mark
					      ? ", " : "#, ");
				bt_buf_add(&w->out, s + start, k - start);
			}
		}
		*pos = w->out.len > mark ? c->end : next_line(w, c->end);
	}
}

/* The msgstr of plural form i, or the plain msgstr (i -1). */
static const struct bt_po_msgstr *
find_msgstr(const struct bt_po_entry *e, int i)
{
	for (size_t k = 0; k < e->n_strs; k++)
		if (e->strs[k].index == i)
			return &e->strs[k];
	return NULL;
}

/* Whether unit form i brings a text that differs from the file's. */
static bool
form_is_new(const struct po_writer *w, size_t i)
{
	const struct form *f = &w->forms[i];
	const struct bt_po_msgstr *m = find_msgstr(&w->e, w->e.has_plural
						   ? (int) i : -1);
	return f->has_target && (!m || m->value.len != f->text.len
				 || (f->text.len && memcmp(m->value.data,
							   f->text.data,
							   f->text.len)));
}

/* The text form i will have: the new one, or the file's. */
static size_t
form_len(const struct po_writer *w, size_t i)
{
	const struct bt_po_msgstr *m = find_msgstr(&w->e, w->e.has_plural
						   ? (int) i : -1);
	if (i < w->n_forms && form_is_new(w, i))
		return w->forms[i].text.len;
	return m ? m->value.len : 0;
}

/*
 * Whether the message's translation makes it fuzzy: a target in state
 * initial or partly there, or (when a text is new) a form left empty.
 * Without any target the flag stays as it was.
 */
static bool
wants_fuzzy(const struct po_writer *w, bool was, bool new_text)
{
	bool any = false, fuzzy = false, empty = false, filled = false;
	size_t n = w->n_forms;
	if (w->e.has_plural && w->e.n_strs > n)
		n = w->e.n_strs;
	for (size_t i = 0; i < w->n_forms; i++) {
		const struct form *f = &w->forms[i];
		any |= f->has_target;
		fuzzy |= f->has_target && (f->partial
					   || f->state <= BT_STATE_INITIAL);
	}
	if (!any)
		return was;
	for (size_t i = 0; i < n; i++) {
		if (form_len(w, i))
			filled = true;
		else if (i < w->n_forms)
			empty = true;
	}
	return filled && (fuzzy || (new_text && empty));
}

static void
write_form(struct po_writer *w, size_t i, unsigned syn, bool no_wrap,
	   const char *eol)
{
	char name[32];
	if (w->e.has_plural)
		snprintf(name, sizeof(name), "msgstr[%zu]", i);
	else
		snprintf(name, sizeof(name), "msgstr");
	const struct form *f = i < w->n_forms ? &w->forms[i] : NULL;
	const char *text = f && f->has_target ? bt_buf_cstr(&f->text) : "";
	bt_po_wrap(&w->out, name, text, f && f->has_target ? f->text.len : 0,
		   syn, no_wrap, w->charset, eol);
}

/* Rebuilds the held message into w->out; *changed when anything is. */
static void
rewrite(struct po_writer *w, bool *changed)
{
	const struct bt_po_entry *e = &w->e;
	bool fuzzy, no_wrap;
	unsigned syn = entry_flags(w, &fuzzy, &no_wrap);
	bool new_text = false;
	for (size_t i = 0; i < w->n_forms; i++)
		new_text |= form_is_new(w, i);
	bool want = wants_fuzzy(w, fuzzy, new_text);
	const char *eol = entry_eol(w);
	*changed = new_text || want != fuzzy;
	bt_buf_reset(&w->out);
	if (!*changed)
		return;
	size_t pos = 0, prev_end = 0;
	if (want != fuzzy)
		rewrite_flags(w, want, eol, &pos);
	for (size_t k = 0; k < e->n_strs; k++) {
		const struct bt_po_msgstr *m = &e->strs[k];
		size_t i = e->has_plural ? (size_t) m->index : 0;
		if (i < w->n_forms && form_is_new(w, i)) {
			copy_to(w, &pos, m->kw);
			write_form(w, i, syn, no_wrap, eol);
			pos = m->end;
		} else if (e->has_plural && new_text && i >= w->n_forms
			   && !m->value.len && k > 0) {
			copy_to(w, &pos, prev_end);	/* an extra form */
			pos = m->end;
		}
		prev_end = m->end;
	}
	if (e->has_plural && new_text)
		for (size_t i = e->n_strs; i < w->n_forms; i++) {
			copy_to(w, &pos, e->end);
			bt_buf_addstr(&w->out, eol);
			write_form(w, i, syn, no_wrap, eol);
		}
	copy_to(w, &pos, w->held.len);
}

/*
 * Finds the message the held units belong to (the last entry of held,
 * which ends where they were), and notes the header on the way.
 */
static int
find_message(struct po_writer *w, struct bt_error *err)
{
	struct bt_po_lexer lx;
	bt_po_lexer_init(&lx, w->held.data ? w->held.data : "", w->held.len);
	for (;;) {
		int rc = bt_po_lex_entry(&lx, &w->e);
		if (rc <= 0)
			return damaged(err, rc < 0 ? lx.error
				       : "a unit is not after a message");
		if (!w->settled && !w->has_header
		    && bt_po_entry_is_header(&w->e)) {
			w->has_header = true;
			w->header_kw = w->front.len + w->e.strs[0].kw;
			w->header_end = w->front.len + w->e.end;
		}
		if (w->e.end == w->held.len)
			return 0;
	}
}

/* Writes the held message with the translations of its units. */
static int
flush_message(struct po_writer *w, struct bt_output *out,
	      struct bt_error *err)
{
	bool changed = false;
	if (find_message(w, err) < 0)
		return -1;
	if (w->n_forms)
		rewrite(w, &changed);
	int rc = changed ? emit(w, w->out.data, w->out.len, true, out, err)
		: emit(w, w->held.data, w->held.len, false, out, err);
	bt_buf_reset(&w->held);
	w->n_forms = 0;
	return rc;
}

int
bt_po_write_skeleton(void *state, const struct bt_document *doc,
		     const char *text, size_t len, struct bt_output *out,
		     struct bt_error *err)
{
	struct po_writer *w = state;
	(void) doc;
	if (w->n_forms && flush_message(w, out, err) < 0)
		return -1;
	bt_buf_add(&w->held, text, len);
	return 0;
}

int
bt_po_write_unit(void *state, const struct bt_document *doc,
		 const struct bt_unit *u, struct bt_output *out,
		 struct bt_error *err)
{
	struct po_writer *w = state;
	(void) out, (void) err;
	if (w->n_forms == w->cap_forms) {
		size_t cap = w->cap_forms ? 2 * w->cap_forms : 8;
		w->forms = bt_xreallocarray(w->forms, cap, sizeof(*w->forms));
		for (size_t i = w->cap_forms; i < cap; i++)
			bt_buf_init(&w->forms[i].text);
		w->cap_forms = cap;
	}
	struct form *f = &w->forms[w->n_forms++];
	f->has_target = f->partial = false;
	f->state = BT_STATE_FINAL;
	bt_buf_reset(&f->text);
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *s = &u->segments[i];
		if (!s->target) {
			f->partial = true;
			continue;
		}
		f->has_target = true;
		if (s->state < f->state)
			f->state = s->state;
	}
	f->partial &= f->has_target;
	if (f->has_target)
		bt_unit_render(doc, u, &f->text);
	return 0;
}

int
bt_po_write_end(void *state, struct bt_output *out, struct bt_error *err)
{
	struct po_writer *w = state;
	int rc = 0;
	if (!w)
		return 0;	/* merge may end a finished file again */
	if (out) {
		if (w->n_forms)
			rc = flush_message(w, out, err);
		if (rc == 0)
			rc = emit(w, w->held.data, w->held.len, false, out,
				  err);
		if (rc == 0 && !w->settled)
			rc = settle(w, false, out, err);
	}
	writer_free(w);
	return rc;
}
