/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Content with inline codes; see content.h for the marker scheme.
 */
#include "system.h"
#include "doc/content.h"
#include "core/xalloc.h"

/* The text of empty content: shared, so that a unit costs no allocation
 * until it has text.  Never written to or freed. */
static char empty_text[1];

void
bt_content_init(struct bt_content *c)
{
	c->text = empty_text;
	c->len = 0;
	c->codes = NULL;
	c->n_codes = 0;
	c->text_cap = 0;
	c->codes_cap = 0;
	c->next_id = 0;
}

void
bt_content_release(struct bt_content *c)
{
	for (size_t i = 0; i < c->n_codes; i++) {
		free(c->codes[i].type);
		free(c->codes[i].data);
		free(c->codes[i].display);
	}
	free(c->codes);
	if (c->text != empty_text)
		free(c->text);
	c->text = NULL;
	c->len = 0;
	c->codes = NULL;
	c->n_codes = 0;
	c->text_cap = 0;
	c->codes_cap = 0;
	c->next_id = 0;
}

/*
 * Text and codes grow by doubling: a unit is built one piece at a time,
 * and growing by the piece made a unit with many codes quadratic.
 */
static void
append_raw(struct bt_content *c, const char *text, size_t len)
{
	if (!len)
		return;
	if (c->len + len + 1 > c->text_cap) {
		/* Exact the first time: most text comes in one piece. */
		size_t cap = 2 * c->text_cap;
		if (cap < c->len + len + 1)
			cap = c->len + len + 1;
		c->text = bt_xrealloc(c->text == empty_text ? NULL : c->text,
				      cap);
		c->text_cap = cap;
	}
	memcpy(c->text + c->len, text, len);
	c->len += len;
	c->text[c->len] = '\0';
}

void
bt_content_set_text(struct bt_content *c, const char *text, size_t len)
{
	bt_content_release(c);
	bt_content_init(c);
	bt_content_add_text(c, text, len);
}

int
bt_mark_at(const char *s, size_t len, enum bt_code_kind *kind)
{
	const unsigned char *u = (const unsigned char *) s;
	if (len < BT_MARK_LEN || u[0] != 0xEF || u[1] != 0xB7
	    || u[2] < 0x90 || u[2] > 0x92)
		return 0;
	if (kind)
		*kind = u[2] == 0x90 ? BT_CODE_OPEN
			: u[2] == 0x91 ? BT_CODE_CLOSE : BT_CODE_STANDALONE;
	return 1;
}

/* The next possible marker at or after s[i], or n: markers are the only
 * characters that start with 0xEF 0xB7. */
static size_t
next_mark(const char *s, size_t i, size_t n)
{
	while (i + BT_MARK_LEN <= n) {
		const char *p = memchr(s + i, 0xEF, n - i - BT_MARK_LEN + 1);
		if (!p)
			break;
		i = (size_t) (p - s);
		if (bt_mark_at(p, n - i, NULL))
			return i;
		i++;
	}
	return n;
}

void
bt_content_add_text(struct bt_content *c, const char *text, size_t len)
{
	size_t done = 0, i;
	while ((i = next_mark(text, done, len)) < len) {
		append_raw(c, text + done, i - done);
		/* The input holds a marker character: keep it as data. */
		bt_content_add_code(c, BT_CODE_STANDALONE, -1, NULL,
				    text + i, BT_MARK_LEN);
		done = i + BT_MARK_LEN;
	}
	append_raw(c, text + done, len - done);
}

/*
 * The id for a code of its own: above every id in c, and at least 1.
 * Found by one scan the first time and then kept up to date in
 * c->next_id, so that adding n such codes costs n, not n * n.
 */
static int
next_free_id(struct bt_content *c)
{
	if (!c->next_id) {
		c->next_id = 1;
		for (size_t i = 0; i < c->n_codes; i++)
			if (c->codes[i].id >= c->next_id)
				c->next_id = c->codes[i].id + 1;
	}
	return c->next_id;
}

size_t
bt_content_add_code(struct bt_content *c, enum bt_code_kind kind, int id,
		    const char *type, const char *data, size_t data_len)
{
	static const char marks[3][BT_MARK_LEN] = {
		"\xEF\xB7\x90", "\xEF\xB7\x91", "\xEF\xB7\x92",
	};
	if (c->n_codes >= c->codes_cap) {
		c->codes_cap = c->n_codes ? 2 * c->n_codes : 1;
		c->codes = bt_xreallocarray(c->codes, c->codes_cap,
					    sizeof(*c->codes));
	}
	struct bt_code *code = &c->codes[c->n_codes];
	if (id < 0)
		id = next_free_id(c);	/* a code of its own */
	if (c->next_id && id >= c->next_id)
		c->next_id = id + 1;
	code->kind = kind;
	code->id = id;
	code->type = bt_xstrdup(type);
	code->data = bt_xmalloc(data_len + 1);
	memcpy(code->data, data, data_len);
	code->data[data_len] = '\0';
	code->data_len = data_len;
	code->display = NULL;
	append_raw(c, marks[kind], BT_MARK_LEN);
	return c->n_codes++;
}

void
bt_content_trim(struct bt_content *c)
{
	if (c->text_cap > c->len + 1) {
		c->text = bt_xrealloc(c->text, c->len + 1);
		c->text_cap = c->len + 1;
	}
	if (c->codes_cap > c->n_codes && c->n_codes) {
		c->codes = bt_xreallocarray(c->codes, c->n_codes,
					    sizeof(*c->codes));
		c->codes_cap = c->n_codes;
	}
}

void
bt_content_copy(struct bt_content *dst, const struct bt_content *src)
{
	dst->text = bt_xstrndup(src->text, src->len);
	dst->len = src->len;
	dst->text_cap = src->len + 1;
	dst->n_codes = src->n_codes;
	dst->codes_cap = src->n_codes;
	dst->next_id = src->next_id;
	dst->codes = src->n_codes
		? bt_xcalloc(src->n_codes, sizeof(*dst->codes)) : NULL;
	for (size_t i = 0; i < src->n_codes; i++) {
		const struct bt_code *s = &src->codes[i];
		struct bt_code *d = &dst->codes[i];
		d->kind = s->kind;
		d->id = s->id;
		d->type = bt_xstrdup(s->type);
		d->data = bt_xmalloc(s->data_len + 1);
		memcpy(d->data, s->data, s->data_len + 1);
		d->data_len = s->data_len;
		d->display = bt_xstrdup(s->display);
	}
}

size_t
bt_content_count_codes(const struct bt_content *c, size_t start, size_t end)
{
	size_t n = 0;
	if (!c->n_codes)
		return 0;
	while ((start = next_mark(c->text, start, end)) < end)
		n++, start += BT_MARK_LEN;
	return n;
}

void
bt_content_render(const struct bt_content *c, size_t start, size_t end,
		  size_t first_code, struct bt_buf *out)
{
	bt_content_render_escaped(c, start, end, first_code, NULL, NULL, out);
}

static void
add_text(struct bt_buf *out, const char *text, size_t len,
	 bt_escape_fn *escape, void *ctx)
{
	if (escape)
		escape(ctx, out, text, len);
	else
		bt_buf_add(out, text, len);
}

void
bt_content_render_escaped(const struct bt_content *c, size_t start,
			  size_t end, size_t first_code, bt_escape_fn *escape,
			  void *ctx, struct bt_buf *out)
{
	size_t code = first_code;
	size_t done = start, i;
	if (!c->n_codes) {
		add_text(out, c->text + start, end - start, escape, ctx);
		return;
	}
	while ((i = next_mark(c->text, done, end)) < end) {
		if (code >= c->n_codes)
			BT_BUG("more markers than codes");
		add_text(out, c->text + done, i - done, escape, ctx);
		bt_buf_add(out, c->codes[code].data, c->codes[code].data_len);
		code++;
		done = i + BT_MARK_LEN;
	}
	add_text(out, c->text + done, end - done, escape, ctx);
}
