/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing an XML document back: the xml filter's write hooks.
 *
 * Skeleton text goes out as it is, but for the markers of xml-skel.h.
 * A unit goes out rendered with the escaper its place needs (character
 * data, or an attribute value in " or '); a character the document's
 * encoding cannot hold becomes a reference (&#x7EFF;), as the HTML
 * writer does, except in a CDATA section.  A unit with codes that have
 * holes cannot go out at once: the translated text of its regions
 * (attribute values, nested elements) comes after it.  So it is rendered
 * with a sentinel (\1 K \2) in place of each such code, and held in a
 * frame; what the skeleton and units write while a region is open goes
 * into that region; when the unit's end mark comes, each sentinel is
 * replaced by its code's data with the regions in their holes, and the
 * whole goes where the frame below (or the output) takes it.  Frames
 * stack, for a footnote inside a footnote.  The translator may have
 * moved codes: the sentinel names the code, not its place.
 */
#include "system.h"

#include "filter/encodable.h"
#include "filter/encoding-decl.h"
#include "filter/filter.h"
#include "filter/xml-skel.h"
#include "core/input.h"
#include "core/xalloc.h"

struct region {
	size_t code, off, len;	/* the hole it fills */
	struct bt_buf text;
};

/* A unit with holes, waiting for its regions. */
struct frame {
	struct bt_buf rendered;	/* with sentinels */
	struct bt_code *codes;	/* owned; copies of the codes with holes */
	size_t *code_index;	/* owned; their index in the source */
	size_t n_codes;
	struct region *regions;	/* owned */
	size_t n_regions;
	size_t cur;		/* the region open, or SIZE_MAX */
};

struct writer {
	const char *path;	/* borrowed: the document's, for messages */
	struct frame *frames;	/* owned; innermost last */
	size_t n_frames;
	char quote;		/* the next unit is a value in these quotes */
	bool in_lang;		/* in the root's xml:lang value */
	bool drop;		/* the skeleton text is not written */
	bool started;		/* the first skeleton text has come */
	struct bt_encodable *enc;	/* a legacy encoding's, or NULL */
	struct bt_buf scratch;
	struct bt_buf decl;	/* merge --encoding: the declaration set */
};

/* --- escaping -------------------------------------------------------- */

/*
 * The first index >= i of text[..len) that may need escaping: & < > " '
 * or a control character; len if none.  Eight bytes at a time.
 */
static size_t
may_escape(const char *text, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
#define HAS_BYTE(w, c) ((((w) ^ (ones * (c))) - ones) \
			& ~((w) ^ (ones * (c))) & highs)
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, text + i, 8);
		if ((((w & ~highs) - ones * 0x20) & ~w & highs)
		    | HAS_BYTE(w, '&') | HAS_BYTE(w, '<') | HAS_BYTE(w, '>')
		    | HAS_BYTE(w, '"') | HAS_BYTE(w, '\''))
			break;
		i += 8;
	}
#undef HAS_BYTE
	for (; i < len; i++) {
		unsigned char c = (unsigned char) text[i];
		if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"'
		    || c == '\'')
			break;
	}
	return i;
}

/* Appends text escaped for XML, in an attribute value in quote (or in
 * character data when quote is 0); control characters XML cannot carry
 * are dropped. */
static void
escape_with(struct bt_buf *out, const char *text, size_t len, char quote)
{
	size_t done = 0;
	for (size_t i = 0; (i = may_escape(text, i, len)) < len; i++) {
		unsigned char c = (unsigned char) text[i];
		const char *rep;
		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"' && quote == '"')
			rep = "&quot;";
		else if (c == '\'' && quote == '\'')
			rep = "&apos;";
		else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			rep = "";
		else
			continue;
		bt_buf_add(out, text + done, i - done);
		bt_buf_addstr(out, rep);
		done = i + 1;
	}
	bt_buf_add(out, text + done, len - done);
}

/* escape_with(), and with enc (a struct bt_encodable, or NULL) the
 * characters the document's encoding cannot hold as references. */
static void
escape_in(void *enc, struct bt_buf *out, const char *text, size_t len,
	  char quote)
{
	if (!enc) {
		escape_with(out, text, len, quote);
		return;
	}
	struct bt_buf tmp = BT_BUF_INIT;
	escape_with(&tmp, text, len, quote);
	bt_encodable_refs(enc, out, tmp.data ? tmp.data : "", tmp.len);
	bt_buf_release(&tmp);
}

void
xml_escape_text(void *enc, struct bt_buf *out, const char *text, size_t len)
{
	escape_in(enc, out, text, len, 0);
}

void
xml_escape_attr_dq(void *enc, struct bt_buf *out, const char *text,
		   size_t len)
{
	escape_in(enc, out, text, len, '"');
}

void
xml_escape_attr_sq(void *enc, struct bt_buf *out, const char *text,
		   size_t len)
{
	escape_in(enc, out, text, len, '\'');
}

void
xml_escape_cdata(void *ctx, struct bt_buf *out, const char *text, size_t len)
{
	(void) ctx;
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) text[i];
		const char *rep;
		if (c == '>' && i >= 2 && text[i - 1] == ']'
		    && text[i - 2] == ']')
			rep = "]]><![CDATA[>";
		else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			rep = "";
		else
			continue;
		bt_buf_add(out, text + done, i - done);
		bt_buf_addstr(out, rep);
		done = i + 1;
	}
	bt_buf_add(out, text + done, len - done);
}

/* --- frames ---------------------------------------------------------- */

static int
broken(const struct writer *w, struct bt_error *err, const char *what)
{
	return bt_error_set(err, BT_EINVALID, w->path,
			    _("the skeleton of this XML document is damaged "
			      "(%s)"), what);
}

/* Writes text where it goes now: the open region, or the output. */
static int
put(struct writer *w, struct bt_output *out, const char *text, size_t len,
    struct bt_error *err)
{
	if (!len)
		return 0;
	if (!w->n_frames)
		return bt_output_write(out, text, len, err);
	struct frame *f = &w->frames[w->n_frames - 1];
	if (f->cur == SIZE_MAX)
		return broken(w, err, "text between regions");
	bt_buf_add(&f->regions[f->cur].text, text, len);
	return 0;
}

static void
frame_release(struct frame *f)
{
	bt_buf_release(&f->rendered);
	for (size_t i = 0; i < f->n_codes; i++) {
		free(f->codes[i].type);
		free(f->codes[i].data);
		free(f->codes[i].display);
	}
	free(f->codes);
	free(f->code_index);
	for (size_t i = 0; i < f->n_regions; i++)
		bt_buf_release(&f->regions[i].text);
	free(f->regions);
}

static bool
has_holes(const struct bt_code *c)
{
	return c->type && !strcmp(c->type, XML_HOLES_TYPE);
}

/*
 * Where each code of a source is, by kind and id: ids are small numbers
 * (the reader counts them from 1), so a table finds a target's code in
 * the source at once.
 */
struct code_index {
	size_t *at;		/* owned; [kind * (max + 1) + id] */
	int max;
};

static void
code_index_init(struct code_index *ix, const struct bt_content *src)
{
	ix->max = 0;
	for (size_t k = 0; k < src->n_codes; k++)
		if (src->codes[k].id > ix->max)
			ix->max = src->codes[k].id;
	size_t n = 3 * ((size_t) ix->max + 1);
	ix->at = bt_xmalloc(n * sizeof(*ix->at));
	for (size_t i = 0; i < n; i++)
		ix->at[i] = SIZE_MAX;
	for (size_t k = 0; k < src->n_codes; k++)
		if (src->codes[k].id >= 0)
			ix->at[src->codes[k].kind * ((size_t) ix->max + 1)
			       + (size_t) src->codes[k].id] = k;
}

/* The index in the source of the code matching code, or SIZE_MAX. */
static size_t
source_code(const struct code_index *ix, const struct bt_code *code)
{
	if (code->id < 0 || code->id > ix->max)
		return SIZE_MAX;
	return ix->at[code->kind * ((size_t) ix->max + 1)
		      + (size_t) code->id];
}

/* Replaces the data of every code of c that has holes in src by a
 * sentinel naming the source code. */
static void
put_sentinels(struct bt_content *c, const struct bt_content *src,
	      const struct code_index *ix)
{
	for (size_t i = 0; i < c->n_codes; i++) {
		size_t k = source_code(ix, &c->codes[i]);
		if (k == SIZE_MAX || !has_holes(&src->codes[k]))
			continue;
		free(c->codes[i].data);
		c->codes[i].data = bt_xasprintf("%c%zu%c", XML_MARK_REGION,
						k, XML_MARK_REGION_ARGS);
		c->codes[i].data_len = strlen(c->codes[i].data);
	}
}

/* Renders u into f->rendered with sentinels for its codes with holes. */
static void
render_with_sentinels(const struct bt_document *doc, const struct bt_unit *u,
		      bt_escape_fn *escape, void *enc, struct frame *f)
{
	struct bt_unit copy = *u;
	struct code_index ix;
	code_index_init(&ix, &u->source);
	bt_content_copy(&copy.source, &u->source);
	put_sentinels(&copy.source, &u->source, &ix);
	copy.segments = bt_xcalloc(u->n_segments + 1, sizeof(*copy.segments));
	for (size_t i = 0; i < u->n_segments; i++) {
		copy.segments[i] = u->segments[i];
		if (!u->segments[i].target)
			continue;
		copy.segments[i].target = bt_xmalloc(sizeof(struct bt_content));
		bt_content_copy(copy.segments[i].target, u->segments[i].target);
		put_sentinels(copy.segments[i].target, &u->source, &ix);
	}
	bt_unit_render_escaped(doc, &copy, escape, enc, &f->rendered);
	for (size_t i = 0; i < u->n_segments; i++)
		if (copy.segments[i].target) {
			bt_content_release(copy.segments[i].target);
			free(copy.segments[i].target);
		}
	free(copy.segments);
	bt_content_release(&copy.source);
	free(ix.at);
}

static void
push_frame(struct writer *w, const struct bt_document *doc,
	   const struct bt_unit *u, bt_escape_fn *escape)
{
	w->frames = bt_xreallocarray(w->frames, w->n_frames + 1,
				     sizeof(*w->frames));
	struct frame *f = &w->frames[w->n_frames++];
	memset(f, 0, sizeof(*f));
	f->cur = SIZE_MAX;
	render_with_sentinels(doc, u, escape, w->enc, f);
	const struct bt_content *src = &u->source;
	for (size_t k = 0; k < src->n_codes; k++) {
		if (!has_holes(&src->codes[k]))
			continue;
		f->codes = bt_xreallocarray(f->codes, f->n_codes + 1,
					    sizeof(*f->codes));
		f->code_index = bt_xreallocarray(f->code_index,
			f->n_codes + 1, sizeof(*f->code_index));
		struct bt_code *c = &f->codes[f->n_codes];
		*c = src->codes[k];
		c->type = bt_xstrdup(c->type);
		c->data = bt_xstrndup(c->data, c->data_len);
		c->display = NULL;
		f->code_index[f->n_codes++] = k;
	}
}

/* Appends code k of frame f with its regions in its holes. */
static int
fill_code(const struct writer *w, const struct frame *f, size_t k,
	  struct bt_buf *out, struct bt_error *err)
{
	size_t j = 0;
	while (j < f->n_codes && f->code_index[j] != k)
		j++;
	if (j == f->n_codes)
		return broken(w, err, "unknown code");
	const struct bt_code *c = &f->codes[j];
	size_t pos = 0;
	for (size_t i = 0; i < f->n_regions; i++) {
		const struct region *g = &f->regions[i];
		if (g->code != k)
			continue;
		if (g->off < pos || g->off + g->len > c->data_len)
			return broken(w, err, "region out of its code");
		bt_buf_add(out, c->data + pos, g->off - pos);
		bt_buf_add(out, g->text.data, g->text.len);
		pos = g->off + g->len;
	}
	bt_buf_add(out, c->data + pos, c->data_len - pos);
	return 0;
}

/* The unit of the innermost frame is complete: writes it out. */
static int
pop_frame(struct writer *w, struct bt_output *out, struct bt_error *err)
{
	if (!w->n_frames)
		return broken(w, err, "no unit to end");
	struct frame f = w->frames[--w->n_frames];
	struct bt_buf *b = &w->scratch;
	const char *s = f.rendered.data ? f.rendered.data : "";
	size_t n = f.rendered.len, done = 0;
	int rc = 0;
	bt_buf_reset(b);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (s[i] != XML_MARK_REGION)
			continue;
		bt_buf_add(b, s + done, i - done);
		char *end;
		size_t k = strtoul(s + i + 1, &end, 10);
		if (*end != XML_MARK_REGION_ARGS) {
			rc = broken(w, err, "sentinel");
			break;
		}
		rc = fill_code(w, &f, k, b, err);
		i = (size_t) (end - s);
		done = i + 1;
	}
	if (rc == 0) {
		bt_buf_add(b, s + done, n - done);
		rc = put(w, out, b->data, b->len, err);
	}
	frame_release(&f);
	return rc;
}

/* \1 K,OFF,LEN \2 at text[i]: opens a region of the innermost frame.
 * Returns the index of the \2, or SIZE_MAX when it is damaged. */
static size_t
open_region(struct writer *w, const char *text, size_t len, size_t i)
{
	const char *args = text + i + 1;
	const char *close = memchr(args, XML_MARK_REGION_ARGS, len - i - 1);
	if (!w->n_frames || !close)
		return SIZE_MAX;
	char buf[96];
	size_t n = (size_t) (close - args);
	if (n >= sizeof(buf))
		return SIZE_MAX;
	memcpy(buf, args, n);
	buf[n] = '\0';
	struct region g = { 0, 0, 0, BT_BUF_INIT };
	if (sscanf(buf, "%zu,%zu,%zu", &g.code, &g.off, &g.len) != 3)
		return SIZE_MAX;
	struct frame *f = &w->frames[w->n_frames - 1];
	f->regions = bt_xreallocarray(f->regions, f->n_regions + 1,
				      sizeof(*f->regions));
	f->regions[f->n_regions] = g;
	f->cur = f->n_regions++;
	return (size_t) (close - text);
}

/*
 * A language mark: the first opens the root's xml:lang value, the second
 * closes it.  With a target language, that is written instead of the
 * value, which is dropped (w->drop) until the closing mark.
 */
static int
lang_mark(struct writer *w, const struct bt_document *doc,
	  struct bt_output *out, struct bt_error *err)
{
	w->in_lang = !w->in_lang;
	w->drop = false;
	if (!w->in_lang || !doc || !doc->target_lang || !*doc->target_lang)
		return 0;
	bt_buf_reset(&w->scratch);
	xml_escape_attr_dq(NULL, &w->scratch, doc->target_lang,
			   strlen(doc->target_lang));
	w->drop = true;
	return put(w, out, w->scratch.data, w->scratch.len, err);
}

/* --- the hooks ------------------------------------------------------- */

void *
xml_write_begin(const struct bt_document *doc)
{
	struct writer *w = bt_xcalloc(1, sizeof(*w));
	w->path = doc ? doc->path : NULL;
	w->enc = doc ? bt_encodable_new(doc->encoding) : NULL;
	return w;
}

int
xml_write_skeleton(void *state, const struct bt_document *doc,
		   const char *text, size_t len, struct bt_output *out,
		   struct bt_error *err)
{
	struct writer *w = state;
	size_t done = 0;
	int rc = 0;
	if (!w->started && doc && doc->encoding_changed) {
		/* Written in another encoding: the XML declaration says which
		 * (one is added: only UTF-8 and UTF-16 may go without). */
		bt_set_xml_encoding(&w->decl, text, len, doc->encoding,
				    !bt_same_encoding(doc->encoding, "UTF-8"));
		text = w->decl.data;
		len = w->decl.len;
	}
	w->started = true;
	for (size_t i = 0; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char) text[i];
		if (c > XML_MARK_LAST || c == 0)
			continue;
		if (!w->drop && (rc = put(w, out, text + done, i - done,
					     err)) < 0)
			break;
		switch (c) {
		case XML_MARK_REGION:
			i = open_region(w, text, len, i);
			if (i == SIZE_MAX)
				return broken(w, err, "region");
			break;
		case XML_MARK_REGION_END:
			if (!w->n_frames)
				return broken(w, err, "region end");
			w->frames[w->n_frames - 1].cur = SIZE_MAX;
			break;
		case XML_MARK_UNIT_END:
			rc = pop_frame(w, out, err);
			break;
		case XML_MARK_QUOTE:
			if (i + 1 < len)
				w->quote = text[++i];
			break;
		case XML_MARK_LANG:
			rc = lang_mark(w, doc, out, err);
			break;
		default:
			return broken(w, err, "unknown mark");
		}
		done = i + 1;
	}
	if (rc == 0 && done < len && !w->drop)
		rc = put(w, out, text + done, len - done, err);
	return rc;
}

int
xml_write_unit(void *state, const struct bt_document *doc,
	       const struct bt_unit *u, struct bt_output *out,
	       struct bt_error *err)
{
	struct writer *w = state;
	bt_escape_fn *escape = w->quote == '"' ? xml_escape_attr_dq
		: w->quote == '\'' ? xml_escape_attr_sq
		: w->quote == XML_QUOTE_CDATA ? xml_escape_cdata
		: xml_escape_text;
	w->quote = 0;
	for (size_t k = 0; k < u->source.n_codes; k++)
		if (has_holes(&u->source.codes[k])) {
			push_frame(w, doc, u, escape);
			return 0;
		}
	bt_buf_reset(&w->scratch);
	bt_unit_render_escaped(doc, u, escape, w->enc, &w->scratch);
	return put(w, out, w->scratch.data, w->scratch.len, err);
}

int
xml_write_end(void *state, struct bt_output *out, struct bt_error *err)
{
	struct writer *w = state;
	int rc = 0;
	if (!w)
		return 0;
	if (out && w->n_frames)
		rc = broken(w, err, "a unit never ended");
	for (size_t i = 0; i < w->n_frames; i++)
		frame_release(&w->frames[i]);
	free(w->frames);
	bt_buf_release(&w->scratch);
	bt_buf_release(&w->decl);
	bt_encodable_free(w->enc);
	free(w);
	return rc;
}
