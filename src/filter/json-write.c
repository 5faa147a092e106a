/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing JSON documents back: skeleton as it is, units rendered with
 * their translations, text escaped in the file's style (the "ascii",
 * "upper" and "slash" settings, see json.h), inline codes as their
 * original bytes.
 *
 * An Angular or ARB file's locale, when the reader found it before any
 * unit ("locale=OFFSET+LENGTH": its place in the skeleton), becomes the
 * XLIFF's target language; but only once a unit has a translation, since
 * a file merged with none must come back as it was.  So the output from
 * the locale on is held back until the first translated unit (or the
 * end), which in the worst case holds the document.
 */
#include "system.h"
#include "filter/json.h"
#include "core/output.h"
#include "core/xalloc.h"

/* The writer's state: the style, and the locale to replace. */
struct writer {
	unsigned style;
	size_t lo, hi;		/* the locale's place, or SIZE_MAX */
	size_t pos;		/* skeleton bytes seen */
	const char *lang;	/* borrowed from the document */
	bool holding, translated;
	struct bt_buf orig;	/* the locale as it was */
	struct bt_buf held;	/* the output after it, held back */
	struct bt_buf tmp;	/* a unit's rendering */
};

void *
bt_json_write_begin(const struct bt_document *doc)
{
	struct writer *w = bt_xcalloc(1, sizeof(*w));
	w->lo = w->hi = SIZE_MAX;
	w->lang = doc->target_lang;
	for (const char *p = doc->settings; p && *p; ) {
		size_t len = strcspn(p, ",");
		if (len == 5 && !strncmp(p, "ascii", 5))
			w->style |= BT_JSON_ASCII;
		else if (len == 5 && !strncmp(p, "upper", 5))
			w->style |= BT_JSON_UPPER;
		else if (len == 5 && !strncmp(p, "slash", 5))
			w->style |= BT_JSON_SLASH;
		else if (!strncmp(p, "locale=", 7) && w->lang && *w->lang) {
			char *end;
			unsigned long long off = strtoull(p + 7, &end, 10);
			if (*end == '+') {
				w->lo = (size_t) off;
				w->hi = w->lo + (size_t) strtoull(end + 1, NULL,
								  10);
			}
		}
		p += len + (p[len] == ',');
	}
	return w;
}

/* Output goes out, or is held back while the locale waits. */
static int
emit(struct writer *w, const char *text, size_t len, struct bt_output *out,
     struct bt_error *err)
{
	if (w->holding) {
		bt_buf_add(&w->held, text, len);
		return 0;
	}
	return bt_output_write(out, text, len, err);
}

/* Writes what was held back, with the target language as the locale
 * when a unit was translated.  Written as "zh_CN" if the original used
 * '_'. */
static int
flush(struct writer *w, struct bt_output *out, struct bt_error *err)
{
	if (!w->holding || (w->translated && w->pos < w->hi))
		return 0;
	struct bt_buf *locale = &w->orig, lang = BT_BUF_INIT;
	if (w->translated) {
		const char *was = bt_buf_cstr(&w->orig);
		bool underscore = memchr(was, '_', w->orig.len)
			&& !memchr(was, '-', w->orig.len);
		bt_json_escape(&lang, w->lang, strlen(w->lang), w->style);
		for (size_t i = 0; underscore && i < lang.len; i++)
			if (lang.data[i] == '-')
				lang.data[i] = '_';
		locale = &lang;
	}
	int rc = bt_output_write(out, bt_buf_cstr(locale), locale->len, err);
	if (rc == 0)
		rc = bt_output_write(out, bt_buf_cstr(&w->held), w->held.len,
				     err);
	bt_buf_release(&lang);
	bt_buf_release(&w->orig);
	bt_buf_release(&w->held);
	w->holding = false;
	w->lo = w->hi = SIZE_MAX;
	return rc;
}

int
bt_json_write_skeleton(void *state, const struct bt_document *doc,
		       const char *text, size_t len, struct bt_output *out,
		       struct bt_error *err)
{
	(void) doc;
	struct writer *w = state;
	size_t a = w->pos;
	w->pos += len;
	if (w->pos <= w->lo || a >= w->hi)
		return emit(w, text, len, out, err);
	size_t x = w->lo > a ? w->lo - a : 0;
	size_t y = (w->hi < w->pos ? w->hi : w->pos) - a;
	if (emit(w, text, x, out, err) < 0)
		return -1;
	w->holding = true;
	bt_buf_add(&w->orig, text + x, y - x);
	bt_buf_add(&w->held, text + y, len - y);
	return w->translated ? flush(w, out, err) : 0;
}

int
bt_json_write_unit(void *state, const struct bt_document *doc,
		   const struct bt_unit *u, struct bt_output *out,
		   struct bt_error *err)
{
	struct writer *w = state;
	bt_buf_reset(&w->tmp);
	bt_unit_render_escaped(doc, u, bt_json_escape_styled, &w->style,
			       &w->tmp);
	if (emit(w, bt_buf_cstr(&w->tmp), w->tmp.len, out, err) < 0)
		return -1;
	for (size_t i = 0; i < u->n_segments && !w->translated; i++)
		w->translated = u->segments[i].target != NULL;
	return w->translated ? flush(w, out, err) : 0;
}

int
bt_json_write_end(void *state, struct bt_output *out, struct bt_error *err)
{
	struct writer *w = state;
	int rc = 0;
	if (!w)
		return 0;
	if (out) {
		w->translated = false;
		rc = flush(w, out, err);
	}
	bt_buf_release(&w->orig);
	bt_buf_release(&w->held);
	bt_buf_release(&w->tmp);
	free(w);
	return rc;
}
