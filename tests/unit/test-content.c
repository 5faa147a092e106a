/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of the document model: content with inline-code markers
 * (src/doc/content.h), units, unit ids and the document sink
 * (src/doc/document.h).
 *
 * What matters most here: a marker character met in input text can never
 * pose as a code (it becomes a standalone code holding itself, so
 * rendering gives the input back); unit ids are "u" + 8 hex digits, the
 * same for the same name and text in any document and any run, with
 * "-2", "-3"... for repeats, and unchanged when other paragraphs come and
 * go; the sink merges neighbouring skeleton text and places every unit.
 */
#include "system.h"

#include "core/buf.h"
#include "core/xalloc.h"
#include "doc/content.h"
#include "doc/document.h"
#include "tap.h"

#define M_OPEN "\xEF\xB7\x90"	/* U+FDD0 */
#define M_CLOSE "\xEF\xB7\x91"	/* U+FDD1 */
#define M_ALONE "\xEF\xB7\x92"	/* U+FDD2 */

/* The text of c[start..end) rendered with codes as their data. */
static char *
render(const struct bt_content *c, size_t start, size_t end,
       size_t first_code)
{
	struct bt_buf b = BT_BUF_INIT;
	bt_content_render(c, start, end, first_code, &b);
	bt_buf_addstr(&b, "");	/* never NULL, even when empty */
	return bt_buf_detach(&b, NULL);
}

static void
test_content_init(void)
{
	struct bt_content c;
	bt_content_init(&c);
	is_str(c.text, "", "a fresh content has empty text");
	is_int(c.len, 0, "and length 0");
	is_int(c.n_codes, 0, "and no codes");
	char *r = render(&c, 0, 0, 0);
	is_str(r, "", "it renders to nothing");
	free(r);
	bt_content_release(&c);
	bt_content_release(&c);	/* released twice: harmless */
	ok(c.text == NULL && c.n_codes == 0, "release resets the fields");
}

static void
test_content_codes(void)
{
	struct bt_content c;
	bt_content_init(&c);
	bt_content_add_text(&c, "Hello ", 6);
	size_t k0 = bt_content_add_code(&c, BT_CODE_OPEN, 1, "fmt", "<b>", 3);
	bt_content_add_text(&c, "bold", 4);
	size_t k1 = bt_content_add_code(&c, BT_CODE_CLOSE, 1, "fmt", "</b>",
					4);
	bt_content_add_text(&c, " and", 4);
	size_t k2 = bt_content_add_code(&c, BT_CODE_STANDALONE, 2, NULL,
					"<br/>", 5);
	bt_content_add_text(&c, "end", 3);

	is_int(k0, 0, "first code has index 0");
	is_int(k1, 1, "second code has index 1");
	is_int(k2, 2, "third code has index 2");
	is_int(c.n_codes, 3, "three codes");
	is_str(c.text, "Hello " M_OPEN "bold" M_CLOSE " and" M_ALONE "end",
	       "each code is one marker in the text");
	is_int(c.len, strlen(c.text), "len counts the marker bytes");
	is_int(c.codes[0].kind, BT_CODE_OPEN, "code 0 is an opening code");
	is_int(c.codes[1].kind, BT_CODE_CLOSE, "code 1 is a closing code");
	is_int(c.codes[2].kind, BT_CODE_STANDALONE, "code 2 is standalone");
	is_int(c.codes[0].id, c.codes[1].id, "open and close share an id");
	is_str(c.codes[0].type, "fmt", "the type is kept");
	is_str(c.codes[2].type, NULL, "a NULL type stays NULL");
	is_mem(c.codes[1].data, c.codes[1].data_len, "</b>", 4,
	       "the data is kept");
	is_str(c.codes[2].data, "<br/>", "the data is NUL-terminated");

	char *r = render(&c, 0, c.len, 0);
	is_str(r, "Hello <b>bold</b> and<br/>end",
	       "render puts the original data back");
	free(r);

	is_int(bt_content_count_codes(&c, 0, c.len), 3, "count: whole text");
	is_int(bt_content_count_codes(&c, 0, 6), 0, "count: before any");
	/* "bold" + closing marker: text[9..16) */
	size_t bold = 6 + BT_MARK_LEN;
	is_int(bt_content_count_codes(&c, bold, bold + 4 + BT_MARK_LEN), 1,
	       "count: a range with one marker");
	is_int(bt_content_count_codes(&c, bold, bold + 4 + 2), 0,
	       "count: a marker cut by the range end is not counted");

	r = render(&c, bold, c.len, 1);
	is_str(r, "bold</b> and<br/>end", "render from the middle, "
	       "first_code = 1");
	free(r);
	r = render(&c, 0, bold + 4, 0);
	is_str(r, "Hello <b>bold", "render of a prefix");
	free(r);
	r = render(&c, 6, 6 + BT_MARK_LEN, 0);
	is_str(r, "<b>", "render of a lone marker");
	free(r);

	/* Deep copy. */
	struct bt_content d;
	bt_content_copy(&d, &c);
	bt_content_release(&c);
	is_int(d.n_codes, 3, "copy has the codes");
	is_str(d.codes[0].type, "fmt", "copy has the types");
	r = render(&d, 0, d.len, 0);
	is_str(r, "Hello <b>bold</b> and<br/>end",
	       "copy renders the same after the original is released");
	free(r);

	/* set_text replaces text and codes. */
	bt_content_set_text(&d, "plain", 5);
	is_str(d.text, "plain", "set_text replaces the text");
	is_int(d.n_codes, 0, "set_text drops the codes");
	bt_content_set_text(&d, "abcdef", 3);
	is_str(d.text, "abc", "set_text copies only len bytes");
	is_int(d.len, 3, "and sets len");
	bt_content_release(&d);
}

static void
test_mark_at(void)
{
	enum bt_code_kind kind = BT_CODE_CLOSE;
	ok(bt_mark_at(M_OPEN, 3, &kind) && kind == BT_CODE_OPEN,
	   "mark_at: U+FDD0 opens");
	ok(bt_mark_at(M_CLOSE "x", 4, &kind) && kind == BT_CODE_CLOSE,
	   "mark_at: U+FDD1 closes");
	ok(bt_mark_at(M_ALONE, 3, &kind) && kind == BT_CODE_STANDALONE,
	   "mark_at: U+FDD2 stands alone");
	ok(bt_mark_at(M_ALONE, 3, NULL), "mark_at: kind may be NULL");
	ok(!bt_mark_at(M_OPEN, 2, NULL), "mark_at: cut marker is not one");
	ok(!bt_mark_at("\xEF\xB7\x8F", 3, NULL), "mark_at: U+FDCF is not one");
	ok(!bt_mark_at("\xEF\xB7\x93", 3, NULL), "mark_at: U+FDD3 is not one");
	ok(!bt_mark_at("\xEF\xBB\xBF", 3, NULL), "mark_at: U+FEFF is not one");
	ok(!bt_mark_at("abc", 3, NULL), "mark_at: ASCII is not one");
	ok(!bt_mark_at("", 0, NULL), "mark_at: empty is not one");
}

static void
test_forged_markers(void)
{
	/* Input text that holds the marker characters themselves. */
	static const char in[] = "a" M_OPEN "b" M_CLOSE "c" M_ALONE
		"d\xEF\xB7\x8F" "e\xEF\xB7\x93" M_ALONE M_ALONE;
	struct bt_content c;
	bt_content_init(&c);
	bt_content_add_text(&c, in, sizeof(in) - 1);
	is_int(c.n_codes, 5, "each literal marker becomes a code");
	int all_alone = 1;
	for (size_t i = 0; i < c.n_codes; i++)
		all_alone = all_alone && c.codes[i].kind == BT_CODE_STANDALONE;
	ok(all_alone, "all of them standalone codes, whatever the marker");
	is_mem(c.codes[0].data, c.codes[0].data_len, M_OPEN, 3,
	       "code 0 holds U+FDD0 itself");
	is_mem(c.codes[1].data, c.codes[1].data_len, M_CLOSE, 3,
	       "code 1 holds U+FDD1 itself");
	is_mem(c.codes[4].data, c.codes[4].data_len, M_ALONE, 3,
	       "code 4 holds U+FDD2 itself");
	is_str(c.text, "a" M_ALONE "b" M_ALONE "c" M_ALONE
	       "d\xEF\xB7\x8F" "e\xEF\xB7\x93" M_ALONE M_ALONE,
	       "the text holds standalone markers only");
	is_int(bt_content_count_codes(&c, 0, c.len), c.n_codes,
	       "count_codes agrees with n_codes");
	char *r = render(&c, 0, c.len, 0);
	is_mem(r, strlen(r), in, sizeof(in) - 1,
	       "render gives the input back byte for byte");
	free(r);

	/* Mixed with real codes: indices stay in text order. */
	bt_content_release(&c);
	bt_content_init(&c);
	bt_content_add_code(&c, BT_CODE_OPEN, 7, "fmt", "<i>", 3);
	bt_content_add_text(&c, "x" M_CLOSE "y", 5);
	bt_content_add_code(&c, BT_CODE_CLOSE, 7, "fmt", "</i>", 4);
	is_int(c.n_codes, 3, "a real code, a forged one, a real one");
	is_int(c.codes[1].kind, BT_CODE_STANDALONE, "the forged one alone");
	is_int(c.codes[2].kind, BT_CODE_CLOSE, "the real close after it");
	r = render(&c, 0, c.len, 0);
	is_str(r, "<i>x" M_CLOSE "y</i>", "render of the mix");
	free(r);
	bt_content_release(&c);

	/* Text with a NUL byte and a length shorter than the string. */
	bt_content_init(&c);
	bt_content_add_text(&c, "a\0b" M_OPEN "zzz", 6);
	is_int(c.len, 3 + BT_MARK_LEN, "NUL bytes are text like others");
	is_int(c.n_codes, 1, "marker after a NUL found");
	r = render(&c, 0, c.len, 0);
	is_mem(r, 6, "a\0b" M_OPEN, 6, "render with a NUL byte");
	free(r);
	bt_content_release(&c);
}

/* --- units and ids --------------------------------------------------- */

static struct bt_unit *
unit_of(const char *name, const char *text)
{
	struct bt_unit *u = bt_unit_new();
	u->name = name ? strdup(name) : NULL;
	bt_content_add_text(&u->source, text, strlen(text));
	return u;
}

/* The id that ids gives a unit with this name and text.  Caller frees. */
static char *
id_of(struct bt_unit_ids *ids, const char *name, const char *text)
{
	struct bt_unit *u = unit_of(name, text);
	bt_unit_ids_assign(ids, u);
	char *id = u->id;
	u->id = NULL;
	bt_unit_free(u);
	return id;
}

static int
is_id(const char *id)
{
	if (!id || id[0] != 'u' || strlen(id) < 9)
		return 0;
	for (int i = 1; i <= 8; i++)
		if (!strchr("0123456789abcdef", id[i]) || !id[i])
			return 0;
	return id[9] == '\0' || id[9] == '-';
}

static void
test_unit_new(void)
{
	struct bt_unit *u = bt_unit_new();
	ok(u->translate, "a new unit is translatable");
	ok(u->id == NULL && u->name == NULL, "with no id and no name");
	is_str(u->source.text, "", "and an empty source");
	is_int(u->n_segments, 0, "and no segments");
	bt_content_add_text(&u->source, "One. Two.", 9);
	bt_unit_set_one_segment(u);
	is_int(u->n_segments, 1, "set_one_segment: one segment");
	ok(u->segments[0].start == 0 && u->segments[0].end == 9
	   && u->segments[0].target == NULL
	   && u->segments[0].state == BT_STATE_NONE,
	   "set_one_segment: the whole source, untranslated");
	bt_unit_set_one_segment(u);
	is_int(u->n_segments, 1, "set_one_segment twice: still one");
	bt_unit_add_note(u, "translator", "check the term");
	bt_unit_add_note(u, NULL, "second");
	is_int(u->n_notes, 2, "two notes");
	is_str(u->notes[0].category, "translator", "note category");
	is_str(u->notes[0].text, "check the term", "note text");
	is_str(u->notes[1].category, NULL, "a note without category");
	bt_unit_free(u);
	bt_unit_free(NULL);
	ok(1, "bt_unit_free(NULL) does nothing");
}

static void
test_unit_ids(void)
{
	struct bt_unit_ids *ids = bt_unit_ids_new();
	char *a = id_of(ids, NULL, "Hello, world.");
	char *a2 = id_of(ids, NULL, "Hello, world.");
	char *b = id_of(ids, NULL, "Another paragraph.");
	char *a3 = id_of(ids, NULL, "Hello, world.");
	char *e = id_of(ids, NULL, "");

	ok(is_id(a) && strlen(a) == 9, "id is u + 8 lower-case hex digits "
	   "(%s)", a);
	ok(is_id(b) && strlen(b) == 9, "another text: the same form (%s)", b);
	ok(strcmp(a, b), "different texts, different ids");
	char want[64];
	snprintf(want, sizeof(want), "%s-2", a);
	is_str(a2, want, "second unit with the same text gets -2");
	snprintf(want, sizeof(want), "%s-3", a);
	is_str(a3, want, "third one gets -3");
	ok(is_id(e) && strlen(e) == 9, "an empty text has an id too (%s)", e);

	/* Same text in another document: the same id. */
	struct bt_unit_ids *other = bt_unit_ids_new();
	char *o = id_of(other, NULL, "Hello, world.");
	is_str(o, a, "the id depends only on the text, not on the document");


	/* The name is part of the id. */
	char *n1 = id_of(other, "p", "Hello, world.");
	char *n2 = id_of(other, "title", "Hello, world.");
	char *n3 = id_of(other, "ab", "c");
	char *n4 = id_of(other, "a", "bc");
	char *n5 = id_of(other, NULL, "abc");
	ok(is_id(n1) && strlen(n1) == 9, "a named unit: a plain id (%s)", n1);
	ok(strcmp(n1, a) && strcmp(n1, n2),
	   "the name changes the id (%s %s %s)", a, n1, n2);
	ok(strcmp(n3, n4) && strcmp(n3, n5) && strcmp(n4, n5),
	   "name and text do not run together (%s %s %s)", n3, n4, n5);
	free(n1);
	free(n2);
	free(n3);
	free(n4);
	free(n5);
	free(o);
	bt_unit_ids_free(other);

	free(a);
	free(a2);
	free(a3);
	free(b);
	free(e);
	bt_unit_ids_free(ids);
	bt_unit_ids_free(NULL);
	ok(1, "bt_unit_ids_free(NULL) does nothing");
}

/* Ids of a list of paragraphs read as one document. */
static char **
ids_of_list(const char *const *texts, size_t n)
{
	struct bt_unit_ids *ids = bt_unit_ids_new();
	char **out = calloc(n, sizeof(*out));
	for (size_t i = 0; i < n; i++)
		out[i] = id_of(ids, NULL, texts[i]);
	bt_unit_ids_free(ids);
	return out;
}

static void
free_list(char **l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

static void
test_ids_stable(void)
{
	static const char *const v1[] = {
		"Title", "First paragraph.", "Second paragraph.", "Same.",
		"Same.", "Last.",
	};
	static const char *const v2[] = {	/* two added, one removed */
		"New first.", "Title", "First paragraph.", "Inserted.",
		"Same.", "Same.", "Last.",
	};
	char **i1 = ids_of_list(v1, BT_ARRAY_SIZE(v1));
	char **i2 = ids_of_list(v2, BT_ARRAY_SIZE(v2));
	is_str(i2[1], i1[0], "adding a paragraph before: title id unchanged");
	is_str(i2[2], i1[1], "adding a paragraph before: next id unchanged");
	is_str(i2[4], i1[3], "removing one: first repeat id unchanged");
	is_str(i2[5], i1[4], "removing one: second repeat (-2) unchanged");
	is_str(i2[6], i1[5], "last id unchanged");
	free_list(i1, BT_ARRAY_SIZE(v1));
	free_list(i2, BT_ARRAY_SIZE(v2));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static void
test_ids_many(void)
{
	/* Enough units to make the id table grow several times. */
	enum { N = 5000 };
	struct bt_unit_ids *ids = bt_unit_ids_new();
	char *first = id_of(ids, NULL, "repeated");
	char **all = calloc(N, sizeof(*all));
	char text[64];
	for (int i = 0; i < N; i++) {
		snprintf(text, sizeof(text), "Paragraph number %d.", i);
		all[i] = id_of(ids, NULL, text);
	}
	char *again = id_of(ids, NULL, "repeated");
	char want[64];
	snprintf(want, sizeof(want), "%s-2", first);
	is_str(again, want, "a repeat is still counted after the table grew");

	qsort(all, N, sizeof(*all), cmp_str);
	int unique = 1, plain = 1;
	for (int i = 0; i < N; i++) {
		plain = plain && is_id(all[i]);
		if (i && !strcmp(all[i], all[i - 1]))
			unique = 0;
	}
	ok(plain, "%d distinct texts: every id well-formed", N);
	ok(unique, "%d distinct texts: %d distinct ids", N, N);
	free_list(all, N);

	char *last = NULL;
	for (int i = 0; i < 2999; i++) {
		free(last);
		last = id_of(ids, NULL, "repeated");
	}
	snprintf(want, sizeof(want), "%s-3001", first);
	is_str(last, want, "the 3001st repeat is -3001");
	free(last);
	free(first);
	free(again);
	bt_unit_ids_free(ids);
}

/* --- the document sink ----------------------------------------------- */

static void
test_sink(void)
{
	struct bt_document *doc = bt_document_new("in.txt");
	struct bt_sink sink = bt_document_sink(doc);
	struct bt_error err = BT_ERROR_INIT;
	struct bt_doc_info info = { "GB18030", true, "zh-CN", NULL };

	is_str(doc->path, "in.txt", "document path");
	is_str(doc->encoding, "UTF-8", "a new document is UTF-8");
	is_int(doc->n_units, 0, "with no units");
	is_int(doc->n_parts, 0, "and no skeleton");

	is_int(sink.begin(sink.ctx, &info, &err), 0, "begin");
	is_str(doc->encoding, "GB18030", "begin records the encoding");
	ok(doc->bom, "begin records the BOM");
	is_str(doc->lang, "zh-CN", "begin records the language");

	struct bt_unit *u0 = unit_of(NULL, "first");
	struct bt_unit *u1 = unit_of(NULL, "second");
	struct bt_unit *u2 = unit_of(NULL, "third");
	int rc = 0;
	rc |= sink.skeleton(sink.ctx, "<<", 2, &err);
	rc |= sink.skeleton(sink.ctx, "ab", 1, &err);
	rc |= sink.unit(sink.ctx, u0, &err);
	rc |= sink.skeleton(sink.ctx, "", 0, &err);
	rc |= sink.unit(sink.ctx, u1, &err);
	rc |= sink.skeleton(sink.ctx, "\n\n", 2, &err);
	rc |= sink.unit(sink.ctx, u2, &err);
	rc |= sink.skeleton(sink.ctx, "\n", 1, &err);
	is_int(rc, 0, "every sink call succeeds");
	is_int(err.code, BT_OK, "and sets no error");

	is_int(doc->n_units, 3, "three units");
	ok(doc->units[0] == u0 && doc->units[1] == u1 && doc->units[2] == u2,
	   "the units, in order, owned by the document");
	is_mem(doc->skeleton, doc->skeleton_len, "<<a\n\n\n", 6,
	       "the skeleton text is all pieces joined");
	is_int(doc->n_parts, 6, "parts: text, unit, unit, text, unit, text");
	if (doc->n_parts == 6) {
		const struct bt_skeleton_part *p = doc->parts;
		ok(p[0].unit == SIZE_MAX && p[0].offset == 0 && p[0].len == 3,
		   "part 0: neighbouring text merged, empty piece dropped");
		ok(p[1].unit == 0 && p[1].len == 0, "part 1: unit 0");
		ok(p[2].unit == 1 && p[2].len == 0,
		   "part 2: unit 1 (an empty piece makes no part)");
		ok(p[3].unit == SIZE_MAX && p[3].offset == 3 && p[3].len == 2,
		   "part 3: the blank line");
		ok(p[4].unit == 2, "part 4: unit 2");
		ok(p[5].unit == SIZE_MAX && p[5].offset == 5 && p[5].len == 1,
		   "part 5: the final newline");
	}

	/* Many units and much skeleton: the arrays grow. */
	char piece[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(piece, sizeof(piece), "[%04d]", i);
		sink.skeleton(sink.ctx, piece, 6, &err);
		sink.unit(sink.ctx, unit_of(NULL, piece), &err);
	}
	is_int(doc->n_units, 1003, "1003 units after growing");
	/* The first "[0000]" merges with the final "\n" part. */
	is_int(doc->n_parts, 2005, "2005 parts after growing");
	const struct bt_skeleton_part *last = &doc->parts[doc->n_parts - 2];
	is_mem(doc->skeleton + last->offset, last->len, "[0999]", 6,
	       "the last skeleton part points at its text");
	is_str(doc->units[1002]->source.text, "[0999]", "the last unit");
	bt_document_free(doc);
	bt_document_free(NULL);
	ok(1, "bt_document_free(NULL) does nothing");
	bt_error_release(&err);
}

/*
 * Codes of their own (id < 0) take the next id above all others, after
 * explicit ids, copies and set_text too; many of them cost linear time
 * (the next id is kept, not searched for, and the arrays double).
 */
static void
test_next_id(void)
{
	struct bt_content c;
	bt_content_init(&c);
	bt_content_add_code(&c, BT_CODE_STANDALONE, -1, NULL, "a", 1);
	is_int(c.codes[0].id, 1, "the first code of its own has id 1");
	bt_content_add_code(&c, BT_CODE_OPEN, 7, NULL, "<b>", 3);
	bt_content_add_code(&c, BT_CODE_STANDALONE, -1, NULL, "b", 1);
	is_int(c.codes[2].id, 8, "after an explicit 7, the next is 8");
	bt_content_add_code(&c, BT_CODE_CLOSE, 7, NULL, "</b>", 4);
	bt_content_add_code(&c, BT_CODE_STANDALONE, 3, NULL, "c", 1);
	bt_content_add_code(&c, BT_CODE_STANDALONE, -1, NULL, "d", 1);
	is_int(c.codes[5].id, 9, "a lower explicit id changes nothing");

	struct bt_content d;
	bt_content_copy(&d, &c);
	bt_content_add_code(&d, BT_CODE_STANDALONE, -1, NULL, "e", 1);
	is_int(d.codes[6].id, 10, "a copy goes on from the original");
	bt_content_release(&d);

	/* Made by hand, as the aligner does: the next id is looked for. */
	bt_content_init(&d);
	d.codes = bt_xcalloc(2, sizeof(*d.codes));
	d.codes[0] = (struct bt_code){ BT_CODE_STANDALONE, 41, NULL,
				       bt_xstrdup("x"), 1, NULL };
	d.codes[1] = (struct bt_code){ BT_CODE_STANDALONE, 5, NULL,
				       bt_xstrdup("y"), 1, NULL };
	d.n_codes = 2;
	bt_content_add_code(&d, BT_CODE_STANDALONE, -1, NULL, "z", 1);
	is_int(d.codes[2].id, 42, "a content made by hand is scanned once");
	bt_content_release(&d);

	bt_content_set_text(&c, "plain " M_ALONE, 6 + BT_MARK_LEN);
	is_int(c.n_codes, 1, "set_text: a forged marker is a code");
	is_int(c.codes[0].id, 1, "set_text starts the ids again");

	/* 300,000 codes: minutes when each looked at all before it. */
	enum { MANY = 300000 };
	bt_content_release(&c);
	bt_content_init(&c);
	for (int i = 0; i < MANY; i++) {
		bt_content_add_text(&c, "x", 1);
		bt_content_add_code(&c, BT_CODE_STANDALONE, -1, NULL, "%s", 2);
	}
	ok(c.n_codes == MANY && c.codes[MANY - 1].id == MANY
	   && c.len == (size_t) MANY * (1 + BT_MARK_LEN),
	   "many codes of their own: ids 1..n, all the text");
	bt_content_release(&c);
}

int
main(void)
{
	test_content_init();
	test_content_codes();
	test_next_id();
	test_mark_at();
	test_forged_markers();
	test_unit_new();
	test_unit_ids();
	test_ids_stable();
	test_ids_many();
	test_sink();
	return done_testing();
}
