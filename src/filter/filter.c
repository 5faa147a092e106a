/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The filter table, format detection, and what all filters share.
 */
#include "system.h"

#include <fcntl.h>
#include <unistd.h>

#include "filter/filter.h"
#include "core/xalloc.h"

/* Most specific first: the text filter reads anything, so it is last. */
static const struct bt_filter *const filters[] = {
	&bt_filter_html,
	&bt_filter_json,
	&bt_filter_markdown,
	&bt_filter_po,
	&bt_filter_xml,
	&bt_filter_text,
};

const struct bt_filter *
bt_filter_at(size_t i)
{
	return i < BT_ARRAY_SIZE(filters) ? filters[i] : NULL;
}

const struct bt_filter *
bt_filter_find(const char *name)
{
	for (size_t i = 0; i < BT_ARRAY_SIZE(filters); i++)
		if (!strcmp(filters[i]->name, name))
			return filters[i];
	return NULL;
}

const struct bt_filter *
bt_filter_detect(const char *path, struct bt_error *err)
{
	char head[4096];
	ssize_t n = 0;
	if (strcmp(path, "-")) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				     strerror(errno));
			return NULL;
		}
		n = read(fd, head, sizeof(head));
		close(fd);
		if (n < 0) {
			bt_error_set(err, BT_EIO, path, _("cannot read: %s"),
				     strerror(errno));
			return NULL;
		}
	}
	const struct bt_filter *best = NULL;
	int best_score = 0;
	for (size_t i = 0; i < BT_ARRAY_SIZE(filters); i++) {
		int score = filters[i]->probe(path, head, (size_t) n);
		if (score > best_score)
			best = filters[i], best_score = score;
	}
	if (!best)
		bt_error_set(err, BT_EUSAGE, path,
			     _("cannot tell the file's format; "
			       "name it with --filter"));
	return best;
}

bool
bt_lang_spaces_sentences(const char *lang)
{
	static const char *const unspaced[] = {
		"zh", "ja", "th", "lo", "km", "my", "bo", "yue", "cmn", "wuu",
		"lzh",
	};
	if (!lang)
		return true;
	for (size_t i = 0; i < BT_ARRAY_SIZE(unspaced); i++) {
		size_t n = strlen(unspaced[i]);
		if (!strncasecmp(lang, unspaced[i], n)
		    && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_'))
			return false;
	}
	return true;
}

/* Whether text[0..len) is only ASCII spaces (or empty). */
static bool
only_spaces(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] != ' ')
			return false;
	return true;
}

void
bt_unit_render(const struct bt_document *doc, const struct bt_unit *u,
	       struct bt_buf *out)
{
	bt_unit_render_escaped(doc, u, NULL, NULL, out);
}

void
bt_unit_render_escaped(const struct bt_document *doc,
		       const struct bt_unit *u, bt_escape_fn *escape,
		       void *ctx, struct bt_buf *out)
{
	const struct bt_content *src = &u->source;
	if (!u->n_segments) {
		bt_content_render_escaped(src, 0, src->len, 0, escape, ctx,
					  out);
		return;
	}
	const char *target_lang = doc ? doc->target_lang : NULL;
	bool spaced = bt_lang_spaces_sentences(target_lang);
	size_t pos = 0, code = 0;
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *s = &u->segments[i];
		/* Ignorable text before the segment, from the source, but
		 * for the space between two translated sentences. */
		bool between = i > 0 && s->target && u->segments[i - 1].target
			&& target_lang
			&& only_spaces(src->text + pos, s->start - pos);
		if (between) {
			const struct bt_content *prev = u->segments[i - 1].target;
			bool has_space = (prev->len && prev->text[prev->len - 1]
					  == ' ')
				|| (s->target->len && s->target->text[0] == ' ');
			if (spaced && !has_space)
				bt_buf_addch(out, ' ');
		} else {
			bt_content_render_escaped(src, pos, s->start, code,
						  escape, ctx, out);
		}
		code += bt_content_count_codes(src, pos, s->start);
		size_t in_seg = bt_content_count_codes(src, s->start, s->end);
		if (s->target)
			bt_content_render_escaped(s->target, 0,
						  s->target->len, 0, escape,
						  ctx, out);
		else
			bt_content_render_escaped(src, s->start, s->end, code,
						  escape, ctx, out);
		code += in_seg;
		pos = s->end;
	}
	bt_content_render_escaped(src, pos, src->len, code, escape, ctx,
				  out);
}

int
bt_filter_write(const struct bt_filter *f, const struct bt_document *doc,
		struct bt_output *out, struct bt_error *err)
{
	void *state = f->write_begin ? f->write_begin(doc) : NULL;
	for (size_t i = 0; i < doc->n_parts; i++) {
		const struct bt_skeleton_part *p = &doc->parts[i];
		int rc = p->unit == SIZE_MAX
			? f->write_skeleton(state, doc, doc->skeleton
					    + p->offset, p->len, out, err)
			: f->write_unit(state, doc, doc->units[p->unit], out,
					err);
		if (rc < 0) {
			if (f->write_end)
				f->write_end(state, NULL, NULL);
			return -1;
		}
	}
	return f->write_end ? f->write_end(state, out, err) : 0;
}

static int
discard_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	(void) ctx, (void) info, (void) err;
	return 0;
}

static int
discard_skeleton(void *ctx, const char *text, size_t len,
		 struct bt_error *err)
{
	(void) ctx, (void) text, (void) len, (void) err;
	return 0;
}

static int
discard_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	(void) ctx, (void) err;
	bt_unit_free(u);
	return 0;
}

int
bt_filter_check(const struct bt_filter *f, const char *path,
		const struct bt_filter_options *opt, struct bt_error *err)
{
	struct bt_sink sink = { discard_begin, discard_skeleton, discard_unit,
				NULL };
	return f->read(path, opt, &sink, err);
}

struct bt_document *
bt_filter_read_document(const struct bt_filter *f, const char *path,
			const struct bt_filter_options *opt,
			struct bt_error *err)
{
	struct bt_document *doc = bt_document_new(path);
	doc->filter = bt_xstrdup(f->name);
	struct bt_sink sink = bt_document_sink(doc);
	if (f->read(path, opt, &sink, err) < 0) {
		bt_document_free(doc);
		return NULL;
	}
	return doc;
}
