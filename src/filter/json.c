/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The JSON filter: i18n key/value files (i18next, ngx-translate, Vue
 * i18n, Chrome's messages.json, Angular's JSON translations, Flutter's
 * ARB, and any nesting of objects and arrays of strings).
 *
 * A string value is a unit, named by its key path: keys joined by '.',
 * array elements as [N] ("app.menu.file", "items[2].label", "[0]" in a
 * top-level array); a '.', '[', ']' or '\' inside a key is escaped with a
 * backslash ("a\.b" is the key "a.b"), a control character as \u00XX.
 * Keys, numbers, true/false/null, empty strings, strings of placeholders
 * only, and the white space at either end of a string, are skeleton,
 * kept byte for byte.  Known shapes (json-scan.c):
 *  - Chrome (every member an object with "message" and perhaps
 *    "description", "placeholders"): only "message" is a unit, with the
 *    description as its developer note and the placeholders listed in
 *    another; $1..$9 and $$ are codes too.
 *  - Angular ({"locale": ..., "translations": {...}}) and ARB ("@@locale",
 *    "@key" metadata): the locale and the metadata are skeleton; an ARB
 *    message gets the notes of its "@key".  The locale is the declared
 *    language; when it comes first, merge sets it to the XLIFF's target
 *    language (settings "locale=OFFSET+LENGTH", see json-write.c).
 * Inside strings, placeholders and markup become inline codes
 * (json-inline.c); escapes are decoded, and those the writer would not
 * write back the same way become codes too (json-string.c).
 *
 * Jansson validates the input first: its message, line and column are
 * the error for invalid JSON, and its tree counts each object's distinct
 * keys, which tells where duplicate keys are.  But Jansson keeps neither
 * escapes nor white space, so a small walker then goes over the original
 * bytes, known to be valid, and cuts them into skeleton and units.  How
 * the file writes strings (\u escapes for non-ASCII, \/, the case of hex
 * digits) is its style, kept in the settings so that merge writes
 * translations the same way.
 *
 * The input is read whole into memory, as Jansson needs it.  Commands
 * read a file more than once (extract: once for the skeleton, once for
 * the units); the text Jansson accepted last is remembered by a hash, so
 * that reading it again costs only the walk, and warnings come once.
 */
#include "system.h"

#include <jansson.h>

#include "filter/filter.h"
#include "filter/json.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/strmap.h"
#include "core/xalloc.h"

#define JSON_FILTER_VERSION "1"

enum { MAX_FILE = 1 << 30, CHUNK = 1 << 16 };

/* An object or array the walk is inside. */
struct frame {
	bool object;
	json_t *node;		/* borrowed from the tree, or NULL */
	size_t count;		/* members or elements so far */
	size_t name_len;	/* length of its own key path */
	size_t start;		/* offset of its '{' or '[' */
	long line;		/* line of its '{' or '[' */
};

struct reader {
	const char *path;
	const struct bt_filter_options *opt;
	const struct bt_sink *sink;
	const char *s;		/* the whole file, NUL-terminated */
	size_t n;
	long line;		/* of the walk's position */
	size_t sk;		/* skeleton not yet handed on starts here */
	unsigned style;		/* enum bt_json_style */
	enum bt_json_shape shape;
	size_t root;		/* offset of the top-level value */
	json_t *tree;		/* Jansson's; NULL when not parsed again */
	struct bt_strmap meta;	/* ARB: "key" to the offset of "@key" */
	struct frame *stack;	/* owned */
	size_t depth, cap;
	struct bt_buf name;	/* key path of the value at hand */
	struct bt_json_string key;	/* the last key read, as a C string */
	bool skip;		/* the top-level member at hand is metadata */
	struct bt_json_string str;	/* scratch */
	struct bt_json_spans spans;	/* scratch */
	struct bt_unit_ids *ids;
};

static int
json_probe(const char *path, const char *head, size_t len)
{
	size_t n = strlen(path), i = 0;
	if ((n > 5 && !strcasecmp(path + n - 5, ".json"))
	    || (n > 4 && !strcasecmp(path + n - 4, ".arb")))
		return 90;
	if (len >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && strchr(" \t\r\n", head[i]) && head[i])
		i++;
	if (i == len || head[i] != '{')
		return 0;
	for (i++; i < len && strchr(" \t\r\n", head[i]) && head[i]; i++)
		;
	return i < len && (head[i] == '"' || head[i] == '}') ? 40 : 0;
}

/* --- key paths ------------------------------------------------------------ */

/* Sets the key path back to its first len bytes. */
static void
name_truncate(struct bt_buf *b, size_t len)
{
	b->len = len;
	if (b->data)
		b->data[len] = '\0';
}

/* Appends key k[0..len) to a key path, escaped (see the top); so are
 * U+FFFE and U+FFFF, which XML cannot hold either. */
static void
name_add_key(struct bt_buf *b, const char *k, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) k[i];
		if (c < 0x20) {
			bt_buf_addf(b, "\\u%04x", c);
			continue;
		}
		if (c == 0xEF && i + 2 < len && (unsigned char) k[i + 1] == 0xBF
		    && ((unsigned char) k[i + 2] & 0xFE) == 0xBE) {
			bt_buf_addf(b, "\\u%s", k[i + 2] & 1 ? "ffff" : "fffe");
			i += 2;
			continue;
		}
		if (c == '.' || c == '[' || c == ']' || c == '\\')
			bt_buf_addch(b, '\\');
		bt_buf_addch(b, (char) c);
	}
}

static bool
key_is(const struct bt_json_string *k, const char *word)
{
	return k->len == strlen(word) && !memcmp(k->text, word, k->len);
}

/* --- the walk --------------------------------------------------------- */

static struct frame *
top(struct reader *r)
{
	return r->depth ? &r->stack[r->depth - 1] : NULL;
}

/* The Jansson node of the member or element whose value is at hand, if
 * it is of the type the walk sees (duplicate keys can make them differ). */
static json_t *
child_node(struct reader *r, bool object)
{
	struct frame *f = top(r);
	json_t *node = !f ? r->tree : !f->node ? NULL
		: f->object ? json_object_get(f->node, r->key.text)
		: json_array_get(f->node, f->count - 1);
	if (f && f->object && memchr(r->key.text, 0, r->key.len))
		node = NULL;	/* a key with \u0000: not worth a look */
	if (node && (object ? !json_is_object(node) : !json_is_array(node)))
		node = NULL;
	return node;
}

static void
push_frame(struct reader *r, size_t i, bool object)
{
	json_t *node = r->tree ? child_node(r, object) : NULL;
	if (r->depth == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 32;
		r->stack = bt_xreallocarray(r->stack, r->cap,
					    sizeof(*r->stack));
	}
	r->stack[r->depth++] = (struct frame) {
		object, node, 0, r->name.len, i, r->line,
	};
}

/* Warns about each key that comes twice in the object of frame f. */
static void
warn_duplicates(struct reader *r, const struct frame *f)
{
	struct bt_strmap seen;
	struct bt_buf full = BT_BUF_INIT;
	size_t at = f->start;
	long line = f->line;
	bt_strmap_init(&seen);
	for (size_t k = bt_json_first_member(r->s, r->n, f->start);
	     k != SIZE_MAX; k = bt_json_next_member(r->s, r->n, k)) {
		char *key = bt_json_string_dup(r->s, r->n, k);
		if (bt_strmap_put(&seen, key, 0)) {
			for (; at < k; at++)
				line += r->s[at] == '\n';
			bt_buf_reset(&full);
			bt_buf_add(&full, r->name.data, f->name_len);
			if (r->depth > 1)
				bt_buf_addch(&full, '.');
			name_add_key(&full, key, strlen(key));
			bt_warn(r->opt->diag, r->path, line,
				_("duplicate key '%s': most programs keep "
				  "only the last one"), bt_buf_cstr(&full));
		}
		free(key);
	}
	bt_buf_release(&full);
	bt_strmap_release(&seen);
}

/* The container of the top frame ends.  Where Jansson counted fewer
 * distinct keys than the walk saw members, some came twice. */
static void
pop_frame(struct reader *r)
{
	struct frame *f = top(r);
	if (f->object && r->tree
	    && (!f->node || json_object_size(f->node) != f->count))
		warn_duplicates(r, f);
	r->depth--;
}

/*
 * A member or element starts at s[i]: reads an object's key and colon
 * and names the value; returns where the value starts.
 */
static size_t
start_member(struct reader *r, size_t i)
{
	struct frame *f = top(r);
	f->count++;
	if (!f->object) {
		bt_buf_addf(&r->name, "[%zu]", f->count - 1);
		return i;
	}
	size_t e = bt_json_string_end(r->s, r->n, i);
	bt_json_string_decode(&r->key, r->s + i + 1, e - i - 1, 0);
	if (r->key.text != r->key.buf.data) {	/* make it a C string */
		bt_buf_reset(&r->key.buf);
		bt_buf_add(&r->key.buf, r->key.text, r->key.len);
		r->key.text = bt_buf_cstr(&r->key.buf);
	}
	if (r->depth > 1)
		bt_buf_addch(&r->name, '.');
	name_add_key(&r->name, r->key.text, r->key.len);
	if (r->depth == 1)
		r->skip = (r->shape == BT_JSON_ARB && r->key.text[0] == '@')
			|| (r->shape == BT_JSON_ANGULAR
			    && key_is(&r->key, "locale"));
	i = bt_json_skip_ws(r->s, e + 1, &r->line);
	return bt_json_skip_ws(r->s, i + 1, &r->line);
}

/* Whether a string at this place in the file may be a unit. */
static bool
may_be_unit(struct reader *r)
{
	if (r->skip)
		return false;
	if (r->shape == BT_JSON_CHROME)
		return r->depth == 2 && top(r)->object
			&& key_is(&r->key, "message");
	return true;
}

/* Notes from the file: a Chrome message's description and placeholders,
 * an ARB message's "@key" metadata. */
static void
add_notes(struct reader *r, struct bt_unit *u)
{
	if (r->shape == BT_JSON_CHROME)
		bt_json_add_metadata_notes(u, r->s, r->n, top(r)->start, true);
	else if (r->shape == BT_JSON_ARB && r->depth == 1)
		bt_json_add_metadata_notes(u, r->s, r->n,
					   bt_strmap_get(&r->meta,
							 r->key.text), false);
}

static int
hand_skeleton(struct reader *r, size_t end, struct bt_error *err)
{
	size_t from = r->sk;
	r->sk = end;
	if (end == from)
		return 0;
	return r->sink->skeleton(r->sink->ctx, r->s + from, end - from, err);
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * The string s[q..e] (quotes included) is a value: a unit if it holds
 * text, else it stays in the skeleton.
 */
static int
string_value(struct reader *r, size_t q, size_t e, struct bt_error *err)
{
	if (e == q + 1 || !may_be_unit(r))
		return 0;
	const char *raw = r->s + q + 1;
	struct bt_json_string *js = &r->str;
	bt_json_string_decode(js, raw, e - q - 1, r->style);
	size_t t0 = 0, t1 = js->len;
	while (t0 < t1 && is_blank(js->text[t0]))
		t0++;
	while (t1 > t0 && is_blank(js->text[t1 - 1]))
		t1--;
	if (t0 == t1)
		return 0;
	unsigned flags = r->shape == BT_JSON_CHROME ? BT_JSON_CHROME_CODES : 0;
	bt_json_find_codes(js->text, js->len, flags, &r->spans);
	if (!bt_json_has_text(js, t0, t1, &r->spans))
		return 0;

	struct bt_unit *u = bt_unit_new();
	bt_json_add_content(&u->source, js, raw, t0, t1, &r->spans);
	if (r->name.len)
		u->name = bt_xstrdup(bt_buf_cstr(&r->name));
	add_notes(r, u);
	bt_unit_ids_assign(r->ids, u);
	bt_unit_set_one_segment(u);
	if (hand_skeleton(r, q + 1 + bt_json_raw_offset(js, t0), err) < 0) {
		bt_unit_free(u);
		return -1;
	}
	r->sk = q + 1 + bt_json_raw_offset(js, t1);
	return r->sink->unit(r->sink->ctx, u, err);
}

/* Walks the whole text, handing on skeleton and units. */
static int
walk(struct reader *r, struct bt_error *err)
{
	const char *s = r->s;
	size_t i = r->root;
	for (;;) {
		/* A value starts at s[i]. */
		if (s[i] == '{' || s[i] == '[') {
			push_frame(r, i, s[i] == '{');
			i = bt_json_skip_ws(s, i + 1, &r->line);
			if (s[i] != '}' && s[i] != ']') {
				i = start_member(r, i);
				continue;
			}
		} else if (s[i] == '"') {
			size_t e = bt_json_string_end(s, r->n, i);
			if (string_value(r, i, e, err) < 0)
				return -1;
			i = e + 1;
		} else {
			i = bt_json_skip_value(s, r->n, i, &r->line);
		}
		/* After a value: commas and ends of containers. */
		for (;;) {
			i = bt_json_skip_ws(s, i, &r->line);
			struct frame *f = top(r);
			if (!f)
				return hand_skeleton(r, r->n, err);
			name_truncate(&r->name, f->name_len);
			if (s[i] == ',') {
				i = bt_json_skip_ws(s, i + 1, &r->line);
				i = start_member(r, i);
				break;
			}
			pop_frame(r);
			i++;
		}
	}
}

/* --- settings, reading ------------------------------------------------- */

/*
 * The inside of the locale string of an Angular or ARB file, when only
 * metadata (members whose keys start with '@') comes before it, so that
 * its offset in the skeleton is its offset in the file.
 */
static bool
find_locale(const struct reader *r, size_t *off, size_t *len)
{
	const char *want = r->shape == BT_JSON_ANGULAR ? "locale"
		: "@@locale";
	for (size_t k = bt_json_first_member(r->s, r->n, r->root);
	     k != SIZE_MAX; k = bt_json_next_member(r->s, r->n, k)) {
		if (bt_json_key_is(r->s, r->n, k, want)) {
			size_t v = bt_json_member_value(r->s, r->n, k);
			if (r->s[v] != '"')
				return false;
			*off = v + 1;
			*len = bt_json_string_end(r->s, r->n, v) - v - 1;
			return true;
		}
		if (r->s[k + 1] != '@')
			return false;
	}
	return false;
}

/* The settings of the document: its style and the place of its locale;
 * written into buf[size]. */
static const char *
make_settings(const struct reader *r, char *buf, size_t size)
{
	size_t off, len, used = 0;
	buf[0] = '\0';
	if (r->style & BT_JSON_ASCII)
		used += (size_t) snprintf(buf + used, size - used, ",ascii");
	if (r->style & BT_JSON_UPPER)
		used += (size_t) snprintf(buf + used, size - used, ",upper");
	if (r->style & BT_JSON_SLASH)
		used += (size_t) snprintf(buf + used, size - used, ",slash");
	if ((r->shape == BT_JSON_ANGULAR || r->shape == BT_JSON_ARB)
	    && find_locale(r, &off, &len))
		snprintf(buf + used, size - used, ",locale=%zu+%zu", off, len);
	return buf[0] ? buf + 1 : NULL;
}

/* The declared language: an Angular or ARB file's locale, or NULL.
 * Caller frees. */
static char *
declared_lang(const struct reader *r)
{
	const char *key = r->shape == BT_JSON_ANGULAR ? "locale"
		: r->shape == BT_JSON_ARB ? "@@locale" : NULL;
	if (!key)
		return NULL;
	return bt_json_string_dup(r->s, r->n,
				  bt_json_find_member(r->s, r->n, r->root,
						      key));
}

/* Reads the whole input into b. */
static int
slurp(struct bt_input *in, struct bt_buf *b, struct bt_error *err)
{
	for (;;) {
		bt_buf_grow(b, CHUNK);
		ssize_t got = bt_input_read(in, b->data + b->len, CHUNK, err);
		if (got <= 0)
			return (int) got;
		b->len += (size_t) got;
		b->data[b->len] = '\0';
		if (b->len > MAX_FILE)
			return bt_error_set(err, BT_ELIMIT, bt_input_path(in),
					    _("the file is larger than %d MB"),
					    MAX_FILE >> 20);
	}
}

/* A 64-bit hash of s[0..n) (FNV-1a over 8-byte words). */
static uint64_t
hash_text(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 0x100000001b3ULL;
	return h;
}

/* The text Jansson accepted last: its path, length and hash. */
static struct {
	char *path;		/* owned; kept to the end of the process */
	size_t len;
	uint64_t hash;
} accepted;

/* Whether the text of path, n bytes hashing to hash, is the one Jansson
 * accepted last. */
static bool
accepted_before(const char *path, size_t n, uint64_t hash)
{
	return accepted.path && !strcmp(accepted.path, path)
		&& accepted.len == n && accepted.hash == hash;
}

static void
remember_accepted(const char *path, size_t n, uint64_t hash)
{
	free(accepted.path);
	accepted.path = bt_xstrdup(path);
	accepted.len = n;
	accepted.hash = hash;
}

/* Parses b with Jansson: the tree, or NULL with Jansson's complaint. */
static json_t *
validate(struct bt_input *in, const struct bt_buf *b, struct bt_error *err)
{
	json_error_t je;
	size_t flags = JSON_DECODE_ANY | JSON_ALLOW_NUL;
	json_t *tree = json_loadb(b->data, b->len, flags, &je);
#if JANSSON_VERSION_HEX >= 0x020b00
	/* Valid JSON all the same: integers beyond 64 bits. */
	if (!tree && json_error_code(&je) == json_error_numeric_overflow)
		tree = json_loadb(b->data, b->len,
				  flags | JSON_DECODE_INT_AS_REAL, &je);
#endif
	if (tree)
		return tree;
	bt_error_set(err, BT_ESYNTAX, bt_input_path(in),
		     _("invalid JSON at column %d: %s"), je.column, je.text);
	bt_error_at_line(err, je.line);
	if (!strcmp(bt_input_encoding(in), "UTF-8"))
		bt_error_at_offset(err, je.position
				   + (bt_input_has_bom(in) ? 3 : 0));
	return NULL;
}

static void
reader_release(struct reader *r)
{
	bt_unit_ids_free(r->ids);
	bt_strmap_release(&r->meta);
	bt_json_spans_release(&r->spans);
	bt_json_string_release(&r->str);
	bt_json_string_release(&r->key);
	bt_buf_release(&r->name);
	free(r->stack);
	json_decref(r->tree);
}

static int
json_read(const char *path, const struct bt_filter_options *opt,
	  const struct bt_sink *sink, struct bt_error *err)
{
	struct bt_input *in = bt_input_open(path, opt->encoding, err);
	if (!in)
		return -1;
	struct bt_buf b = BT_BUF_INIT;
	json_t *tree = NULL;
	int rc = slurp(in, &b, err);
	uint64_t hash = hash_text(b.data, b.len);
	if (rc == 0 && !accepted_before(path, b.len, hash)
	    && !(tree = validate(in, &b, err)))
		rc = -1;
	if (rc < 0) {
		bt_buf_release(&b);
		bt_input_free(in);
		return -1;
	}
	struct reader r = {
		.path = bt_input_path(in), .opt = opt, .sink = sink,
		.s = bt_buf_cstr(&b), .n = b.len, .line = 1,
		.style = bt_json_detect_style(b.data, b.len), .tree = tree,
		.name = BT_BUF_INIT, .key = BT_JSON_STRING_INIT,
		.str = BT_JSON_STRING_INIT, .ids = bt_unit_ids_new(),
	};
	r.shape = bt_json_shape_of(path, r.s, r.n, &r.root);
	bt_json_skip_ws(r.s, 0, &r.line);
	bt_strmap_init(&r.meta);
	if (r.shape == BT_JSON_ARB)
		bt_json_index_metadata(r.s, r.n, r.root, &r.meta);
	bt_buf_addstr(&r.key.buf, "");
	r.key.text = bt_buf_cstr(&r.key.buf);

	char settings[96];
	char *lang = declared_lang(&r);
	struct bt_doc_info info = {
		bt_input_encoding(in), bt_input_has_bom(in), lang,
		make_settings(&r, settings, sizeof(settings)),
	};
	rc = sink->begin ? sink->begin(sink->ctx, &info, err) : 0;
	if (rc == 0)
		rc = walk(&r, err);
	if (rc == 0 && tree)
		remember_accepted(path, b.len, hash);
	free(lang);
	reader_release(&r);
	bt_buf_release(&b);
	bt_input_free(in);
	return rc;
}

const struct bt_filter bt_filter_json = {
	.name = "json",
	.version = JSON_FILTER_VERSION,
	.summary = N_("JSON i18n files: string values as units named by "
		      "their key path"),
	.probe = json_probe,
	.read = json_read,
	.write_skeleton = bt_json_write_skeleton,
	.write_unit = bt_json_write_unit,
	.write_begin = bt_json_write_begin,
	.write_end = bt_json_write_end,
};
