/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing and reading the skeleton text; see skeleton.h for the format.
 */
#include "system.h"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <unistd.h>

#include "format/skeleton.h"
#include "core/xalloc.h"

#define MAGIC "bitext-skeleton 1"

void
bt_skeleton_info_release(struct bt_skeleton_info *info)
{
	free(info->filter);
	free(info->filter_version);
	free(info->encoding);
	free(info->sha256);
	free(info->original);
	free(info->settings);
	memset(info, 0, sizeof(*info));
}

/* Eight bytes at a time: whether any is a space, a control character or
 * a backslash, the bytes add_escaped() must change. */
static bool
may_need_escape(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w, bs, del;
	memcpy(&w, s, 8);
	bs = w ^ (ones * '\\');
	del = w ^ (ones * 0x7F);
	return (((w - ones * 0x21) & ~w) | ((bs - ones) & ~bs)
		| ((del - ones) & ~del)) & highs;
}

/* Appends s[0..len) escaped so that it holds no space or control char
 * (nor is "-", which stands for an empty field). */
static void
add_escaped(struct bt_buf *out, const char *s, size_t len)
{
	if (len == 1 && s[0] == '-') {
		bt_buf_addstr(out, "\\u{2D}");
		return;
	}
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		while (i + 8 <= len && !may_need_escape(s + i))
			i += 8;
		if (i >= len)
			break;
		unsigned char c = (unsigned char) s[i];
		if (c > ' ' && c != '\\' && c != 0x7F)
			continue;
		bt_buf_add(out, s + done, i - done);
		switch (c) {
		case '\\': bt_buf_addstr(out, "\\\\"); break;
		case ' ': bt_buf_addstr(out, "\\s"); break;
		case '\n': bt_buf_addstr(out, "\\n"); break;
		case '\r': bt_buf_addstr(out, "\\r"); break;
		case '\t': bt_buf_addstr(out, "\\t"); break;
		default: bt_buf_addf(out, "\\u{%X}", c); break;
		}
		done = i + 1;
	}
	bt_buf_add(out, s + done, len - done);
}

static void
add_field(struct bt_buf *out, const char *s)
{
	bt_buf_addch(out, ' ');
	if (!s || !*s)
		bt_buf_addch(out, '-');	/* an empty field */
	else
		add_escaped(out, s, strlen(s));
}

void
bt_skeleton_builder_init(struct bt_skeleton_builder *b)
{
	bt_buf_init(&b->codes);
	bt_buf_init(&b->body);
	b->in_text = false;
}

void
bt_skeleton_builder_text(struct bt_skeleton_builder *b, const char *text,
			 size_t len)
{
	if (!len)
		return;
	/* Text handed on in pieces is one part, as in a document. */
	if (b->in_text)
		b->body.len--;	/* reopen the last "t" line */
	else
		bt_buf_addch(&b->body, 't');
	add_escaped(&b->body, text, len);
	bt_buf_addch(&b->body, '\n');
	b->in_text = true;
}

void
bt_skeleton_builder_unit(struct bt_skeleton_builder *b,
			 const struct bt_unit *u)
{
	static const char kinds[] = { 'o', 'c', 's' };
	for (size_t k = 0; k < u->source.n_codes; k++) {
		const struct bt_code *c = &u->source.codes[k];
		/* "code %s %c %d", without printf's cost per code */
		char num[16];
		size_t n = sizeof(num);
		unsigned v = c->id < 0 ? -(unsigned) c->id : (unsigned) c->id;
		do
			num[--n] = (char) ('0' + v % 10);
		while (v /= 10);
		if (c->id < 0)
			num[--n] = '-';
		bt_buf_addstr(&b->codes, "code ");
		bt_buf_addstr(&b->codes, u->id);
		bt_buf_addch(&b->codes, ' ');
		bt_buf_addch(&b->codes, kinds[c->kind]);
		bt_buf_addch(&b->codes, ' ');
		bt_buf_add(&b->codes, num + n, sizeof(num) - n);
		add_field(&b->codes, c->type);
		bt_buf_addch(&b->codes, ' ');
		if (c->data_len)
			add_escaped(&b->codes, c->data, c->data_len);
		else
			bt_buf_addch(&b->codes, '-');
		if (c->display)
			add_field(&b->codes, c->display);
		bt_buf_addch(&b->codes, '\n');
	}
	bt_buf_addch(&b->body, 'u');
	bt_buf_addstr(&b->body, u->id);
	bt_buf_addch(&b->body, '\n');
	b->in_text = false;
}

void
bt_skeleton_builder_finish(struct bt_skeleton_builder *b,
			   const struct bt_skeleton_info *info,
			   struct bt_buf *out)
{
	bt_buf_addstr(out, MAGIC "\nfilter");
	add_field(out, info->filter);
	add_field(out, info->filter_version);
	bt_buf_addstr(out, "\nencoding");
	add_field(out, info->encoding);
	bt_buf_addstr(out, info->bom ? " 1\nsha256" : " 0\nsha256");
	add_field(out, info->sha256);
	bt_buf_addstr(out, "\noriginal");
	add_field(out, info->original);
	bt_buf_addch(out, '\n');
	if (info->settings && *info->settings) {
		bt_buf_addstr(out, "settings");
		add_field(out, info->settings);
		bt_buf_addch(out, '\n');
	}
	bt_buf_add(out, b->codes.data, b->codes.len);
	bt_buf_addstr(out, "-\n");
	bt_buf_add(out, b->body.data, b->body.len);
	bt_buf_release(&b->codes);
	bt_buf_release(&b->body);
}

void
bt_skeleton_write(const struct bt_document *doc,
		  const struct bt_skeleton_info *info, struct bt_buf *out)
{
	struct bt_skeleton_builder b;
	bt_skeleton_builder_init(&b);
	for (size_t i = 0; i < doc->n_parts; i++) {
		const struct bt_skeleton_part *p = &doc->parts[i];
		if (p->unit == SIZE_MAX)
			bt_skeleton_builder_text(&b, doc->skeleton + p->offset,
						 p->len);
		else
			bt_skeleton_builder_unit(&b, doc->units[p->unit]);
	}
	bt_skeleton_builder_finish(&b, info, out);
}

/* Unescapes s[0..len) into out.  Returns -1 on a bad escape. */
static int
unescape(const char *s, size_t len, struct bt_buf *out)
{
	if (len == 1 && s[0] == '-')
		return 0;
	for (size_t i = 0; i < len; i++) {
		/* The run up to the next escape, in one piece. */
		const char *bs = memchr(s + i, '\\', len - i);
		size_t run = bs ? (size_t) (bs - s) - i : len - i;
		bt_buf_add(out, s + i, run);
		i += run;
		if (i >= len)
			break;
		if (++i >= len)
			return -1;
		switch (s[i]) {
		case '\\': bt_buf_addch(out, '\\'); break;
		case 's': bt_buf_addch(out, ' '); break;
		case 'n': bt_buf_addch(out, '\n'); break;
		case 'r': bt_buf_addch(out, '\r'); break;
		case 't': bt_buf_addch(out, '\t'); break;
		case 'u': {
			if (i + 1 >= len || s[i + 1] != '{')
				return -1;
			char *end;
			unsigned long c = strtoul(s + i + 2, &end, 16);
			if (end == s + i + 2 || (size_t) (end - s) >= len
			    || *end != '}' || c >= 0x80)
				return -1;
			bt_buf_addch(out, (char) c);
			i = (size_t) (end - s);
			break;
		}
		default:
			return -1;
		}
	}
	return 0;
}

/* Splits line[0..len) at spaces into at most max fields. */
static size_t
split_fields(const char *line, size_t len, const char **f, size_t *flen,
	     size_t max)
{
	size_t n = 0, start = 0;
	while (n < max) {
		const char *sp = memchr(line + start, ' ', len - start);
		size_t end = sp ? (size_t) (sp - line) : len;
		f[n] = line + start;
		flen[n++] = end - start;
		if (!sp)
			break;
		start = end + 1;
	}
	return n;
}

static char *
field_string(const char *f, size_t len)
{
	struct bt_buf b = BT_BUF_INIT;
	if (unescape(f, len, &b) < 0) {
		bt_buf_release(&b);
		return NULL;
	}
	return bt_buf_detach(&b, NULL);
}

/*
 * Whether an array of n entries, grown only here, must grow before one
 * more goes in: it holds 2 * n + 1 after growing at n = 0, 1, 3, 7...
 * (n + 1 a power of two), so growing costs n in all, not n * n, with no
 * capacity to keep.
 */
static bool
must_grow(size_t n)
{
	return ((n + 1) & n) == 0;
}

static int
parse_code(struct bt_skeleton *skel, const char **f, const size_t *fl,
	   size_t n)
{
	if ((n != 6 && n != 7) || fl[2] != 1 || !strchr("ocs", f[2][0]))
		return -1;
	char *unit = bt_xstrndup(f[1], fl[1]);
	size_t k = skel->n_code_units;
	if (!k || strcmp(skel->code_units[k - 1], unit)) {
		/* The codes of the unit before are complete and kept. */
		if (k)
			bt_content_trim(&skel->codes[k - 1]);
		if (must_grow(k)) {
			skel->code_units = bt_xreallocarray(skel->code_units,
				2 * k + 1, sizeof(char *));
			skel->codes = bt_xreallocarray(skel->codes, 2 * k + 1,
						       sizeof(*skel->codes));
		}
		skel->code_units[k] = unit;
		bt_content_init(&skel->codes[k]);
		bt_strmap_put(&skel->code_index, unit, k);
		skel->n_code_units = ++k;
	} else {
		free(unit);
	}
	struct bt_buf type = BT_BUF_INIT, data = BT_BUF_INIT;
	struct bt_buf display = BT_BUF_INIT;
	char *end;
	long id = strtol(f[3], &end, 10);
	int rc = -1;
	if (end == f[3] + fl[3] && unescape(f[4], fl[4], &type) == 0
	    && unescape(f[5], fl[5], &data) == 0
	    && (n == 6 || unescape(f[6], fl[6], &display) == 0)) {
		enum bt_code_kind kind = f[2][0] == 'o' ? BT_CODE_OPEN
			: f[2][0] == 'c' ? BT_CODE_CLOSE : BT_CODE_STANDALONE;
		struct bt_content *c = &skel->codes[k - 1];
		size_t at = bt_content_add_code(c, kind, (int) id,
						type.len ? type.data : NULL,
						data.len ? data.data : "",
						data.len);
		if (display.len)
			c->codes[at].display = bt_xstrdup(display.data);
		rc = 0;
	}
	bt_buf_release(&type);
	bt_buf_release(&data);
	bt_buf_release(&display);
	return rc;
}

int
bt_skeleton_parse(const char *data, size_t len, struct bt_skeleton *skel,
		  const char *where, struct bt_error *err)
{
	memset(skel, 0, sizeof(*skel));
	skel->doc = bt_document_new(where);
	struct bt_sink sink = bt_document_sink(skel->doc);
	struct bt_buf text = BT_BUF_INIT;
	size_t pos = 0;
	long line = 0;
	int in_body = 0, rc = 0;

	while (pos < len && rc == 0) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t) (nl - data) : len;
		const char *l = data + pos;
		size_t n = end - pos;
		pos = end + 1;
		line++;
		if (line == 1) {
			if (n != strlen(MAGIC) || memcmp(l, MAGIC, n))
				rc = -1;
			continue;
		}
		if (in_body) {
			if (n == 0 || (l[0] != 't' && l[0] != 'u')) {
				rc = -1;
			} else if (l[0] == 't') {
				bt_buf_reset(&text);
				rc = unescape(l + 1, n - 1, &text);
				if (rc == 0 && text.len)
					sink.skeleton(sink.ctx, text.data,
						      text.len, NULL);
			} else {
				/* A placeholder unit, named by its id. */
				struct bt_unit *u = bt_unit_new();
				u->id = bt_xstrndup(l + 1, n - 1);
				size_t k = skel->n_unit_ids;
				if (must_grow(k))
					skel->unit_ids = bt_xreallocarray(
						skel->unit_ids, 2 * k + 1,
						sizeof(char *));
				skel->unit_ids[skel->n_unit_ids++] =
					bt_xstrdup(u->id);
				sink.unit(sink.ctx, u, NULL);
			}
			continue;
		}
		const char *f[7];
		size_t fl[7];
		size_t nf = split_fields(l, n, f, fl, 7);
		struct bt_skeleton_info *in = &skel->info;
		if (n == 1 && l[0] == '-') {
			in_body = 1;
		} else if (nf == 3 && fl[0] == 6 && !memcmp(f[0], "filter", 6)) {
			in->filter = field_string(f[1], fl[1]);
			in->filter_version = field_string(f[2], fl[2]);
		} else if (nf == 3 && fl[0] == 8
			   && !memcmp(f[0], "encoding", 8)) {
			in->encoding = field_string(f[1], fl[1]);
			in->bom = fl[2] == 1 && f[2][0] == '1';
		} else if (nf == 2 && fl[0] == 6 && !memcmp(f[0], "sha256", 6)) {
			in->sha256 = field_string(f[1], fl[1]);
		} else if (nf == 2 && fl[0] == 8
			   && !memcmp(f[0], "original", 8)) {
			in->original = field_string(f[1], fl[1]);
		} else if (nf == 2 && fl[0] == 8
			   && !memcmp(f[0], "settings", 8)) {
			in->settings = field_string(f[1], fl[1]);
		} else if (nf >= 1 && fl[0] == 4 && !memcmp(f[0], "code", 4)) {
			rc = parse_code(skel, f, fl, nf);
		} else {
			rc = -1;
		}
	}
	bt_buf_release(&text);
	if (rc == 0 && (!in_body || !skel->info.filter
			|| !skel->info.encoding))
		rc = -1;
	if (rc < 0) {
		bt_error_set(err, BT_ESYNTAX, where,
			     _("the skeleton is damaged (line %ld): it was "
			       "not written by bitext or has been changed"),
			     line);
		bt_skeleton_release(skel);
		return -1;
	}
	if (skel->n_code_units)
		bt_content_trim(&skel->codes[skel->n_code_units - 1]);
	skel->doc->settings = bt_xstrdup(skel->info.settings);
	return 0;
}

void
bt_skeleton_release(struct bt_skeleton *skel)
{
	bt_skeleton_info_release(&skel->info);
	bt_document_free(skel->doc);
	for (size_t i = 0; i < skel->n_unit_ids; i++)
		free(skel->unit_ids[i]);
	free(skel->unit_ids);
	for (size_t i = 0; i < skel->n_code_units; i++) {
		free(skel->code_units[i]);
		bt_content_release(&skel->codes[i]);
	}
	free(skel->code_units);
	free(skel->codes);
	bt_strmap_release(&skel->code_index);
	memset(skel, 0, sizeof(*skel));
}

const struct bt_content *
bt_skeleton_codes(const struct bt_skeleton *skel, const char *unit_id)
{
	size_t i = bt_strmap_get(&skel->code_index, unit_id);
	return i == SIZE_MAX ? NULL : &skel->codes[i];
}

int
bt_sha256_file(const char *path, char hex[65], struct bt_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				    strerror(errno));
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	char *buf = bt_xmalloc(1 << 16);
	ssize_t n;
	while ((n = read(fd, buf, 1 << 16)) > 0)
		sha256_update(&ctx, (size_t) n, (const uint8_t *) buf);
	int saved = errno;
	free(buf);
	close(fd);
	if (n < 0)
		return bt_error_set(err, BT_EIO, path, _("cannot read: %s"),
				    strerror(saved));
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return 0;
}
