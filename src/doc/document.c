/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Documents and units; see document.h.
 */
#include "system.h"
#include "doc/document.h"
#include "core/xalloc.h"

struct bt_unit *
bt_unit_new(void)
{
	struct bt_unit *u = bt_xcalloc(1, sizeof(*u));
	u->translate = true;
	bt_content_init(&u->source);
	return u;
}

void
bt_unit_free(struct bt_unit *u)
{
	if (!u)
		return;
	free(u->id);
	free(u->name);
	for (size_t i = 0; i < u->n_notes; i++) {
		free(u->notes[i].text);
		free(u->notes[i].category);
	}
	free(u->notes);
	bt_content_release(&u->source);
	for (size_t i = 0; i < u->n_segments; i++)
		if (u->segments[i].target) {
			bt_content_release(u->segments[i].target);
			free(u->segments[i].target);
		}
	free(u->segments);
	free(u);
}

void
bt_unit_add_note(struct bt_unit *u, const char *category, const char *text)
{
	u->notes = bt_xreallocarray(u->notes, u->n_notes + 1,
				    sizeof(*u->notes));
	u->notes[u->n_notes].category = bt_xstrdup(category);
	u->notes[u->n_notes].text = bt_xstrdup(text);
	u->n_notes++;
}

void
bt_unit_set_one_segment(struct bt_unit *u)
{
	u->segments = bt_xreallocarray(u->segments, 1, sizeof(*u->segments));
	u->n_segments = 1;
	u->segments[0] = (struct bt_segment){ 0, u->source.len, NULL,
					      BT_STATE_NONE };
}

/* --- unit ids ---------------------------------------------------------- */

/*
 * An open-addressing set of the 64-bit hashes already given out, with the
 * number of times each was used.  8 + 4 bytes a unit: small next to the
 * units themselves, and needed to keep ids unique.
 */
struct bt_unit_ids {
	uint64_t *keys;		/* 0 = empty slot */
	uint32_t *counts;
	size_t cap, used;
};

struct bt_unit_ids *
bt_unit_ids_new(void)
{
	struct bt_unit_ids *ids = bt_xcalloc(1, sizeof(*ids));
	ids->cap = 1024;
	ids->keys = bt_xcalloc(ids->cap, sizeof(*ids->keys));
	ids->counts = bt_xcalloc(ids->cap, sizeof(*ids->counts));
	return ids;
}

void
bt_unit_ids_free(struct bt_unit_ids *ids)
{
	if (!ids)
		return;
	free(ids->keys);
	free(ids->counts);
	free(ids);
}

/*
 * A 64-bit hash of s[0..len) that reads 8 bytes at a time, as
 * little-endian words whatever the machine, so that ids are the same on
 * every platform.  Fast enough to be invisible next to segmentation.
 */
static uint64_t
hash_bytes(uint64_t h, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	const uint64_t k = 0x9E3779B97F4A7C15ULL;
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w);
#endif
		h = ((h << 5 | h >> 59) ^ w) * k;
		p += 8, len -= 8;
	}
	uint64_t w = 0;
	for (size_t i = len; i > 0; i--)
		w = (w << 8) | p[i - 1];
	h = ((h << 5 | h >> 59) ^ w ^ ((uint64_t) len << 56)) * k;
	/* Final mix (MurmurHash3's fmix64): every bit affects the id. */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return h;
}

static uint32_t *
slot_of(struct bt_unit_ids *ids, uint64_t key)
{
	size_t mask = ids->cap - 1;
	size_t i = (size_t) (key ^ (key >> 29)) & mask;
	while (ids->keys[i] && ids->keys[i] != key)
		i = (i + 1) & mask;
	if (!ids->keys[i]) {
		ids->keys[i] = key;
		ids->used++;
	}
	return &ids->counts[i];
}

static void
grow_ids(struct bt_unit_ids *ids)
{
	struct bt_unit_ids old = *ids;
	ids->cap *= 2;
	ids->used = 0;
	ids->keys = bt_xcalloc(ids->cap, sizeof(*ids->keys));
	ids->counts = bt_xcalloc(ids->cap, sizeof(*ids->counts));
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			*slot_of(ids, old.keys[i]) = old.counts[i];
	free(old.keys);
	free(old.counts);
}

void
bt_unit_ids_assign(struct bt_unit_ids *ids, struct bt_unit *u)
{
	uint64_t h = 0;
	if (u->name)
		h = hash_bytes(h, u->name, strlen(u->name) + 1);
	h = hash_bytes(h, u->source.text, u->source.len);
	/* The id shows 32 bits; count repeats of exactly those. */
	uint32_t shown = (uint32_t) (h >> 32);
	uint64_t key = (uint64_t) shown | (1ULL << 32);
	if ((ids->used + 1) * 4 > ids->cap * 3)
		grow_ids(ids);
	uint32_t n = ++*slot_of(ids, key);
	/* "u" + 8 hex digits [+ "-" + n], by hand: printf would show up in
	 * profiles of large files. */
	char id[24], digits[12];
	static const char hex[] = "0123456789abcdef";
	size_t k = 0, d = 0;
	id[k++] = 'u';
	for (int i = 0; i < 8; i++)
		id[k++] = hex[(shown >> (28 - 4 * i)) & 0xF];
	if (n > 1) {
		id[k++] = '-';
		do
			digits[d++] = (char) ('0' + n % 10);
		while (n /= 10);
		while (d)
			id[k++] = digits[--d];
	}
	id[k] = '\0';
	u->id = bt_xstrndup(id, k);
}

/* --- documents --------------------------------------------------------- */

struct bt_document *
bt_document_new(const char *path)
{
	struct bt_document *doc = bt_xcalloc(1, sizeof(*doc));
	doc->path = bt_xstrdup(path);
	doc->encoding = bt_xstrdup("UTF-8");
	doc->skeleton = bt_xstrdup("");
	return doc;
}

void
bt_document_free(struct bt_document *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_units; i++)
		bt_unit_free(doc->units[i]);
	free(doc->units);
	free(doc->parts);
	free(doc->skeleton);
	free(doc->path);
	free(doc->filter);
	free(doc->encoding);
	free(doc->lang);
	free(doc->settings);
	free(doc->target_lang);
	free(doc);
}

static void
add_part(struct bt_document *doc, struct bt_skeleton_part part)
{
	if (doc->n_parts == doc->cap_parts) {
		doc->cap_parts = doc->cap_parts ? doc->cap_parts * 2 : 64;
		doc->parts = bt_xreallocarray(doc->parts, doc->cap_parts,
					      sizeof(*doc->parts));
	}
	doc->parts[doc->n_parts++] = part;
}

static int
doc_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	struct bt_document *doc = ctx;
	(void) err;
	free(doc->encoding);
	doc->encoding = bt_xstrdup(info->encoding ? info->encoding : "UTF-8");
	doc->bom = info->bom;
	free(doc->lang);
	doc->lang = bt_xstrdup(info->lang);
	free(doc->settings);
	doc->settings = bt_xstrdup(info->settings);
	return 0;
}

static int
doc_skeleton(void *ctx, const char *text, size_t len, struct bt_error *err)
{
	struct bt_document *doc = ctx;
	(void) err;
	if (!len)
		return 0;
	if (doc->skeleton_len + len + 1 > doc->cap_skeleton) {
		size_t cap = doc->cap_skeleton ? doc->cap_skeleton : 256;
		while (cap < doc->skeleton_len + len + 1)
			cap *= 2;
		doc->skeleton = bt_xrealloc(doc->skeleton, cap);
		doc->cap_skeleton = cap;
	}
	memcpy(doc->skeleton + doc->skeleton_len, text, len);
	/* Neighbouring text pieces merge into one part. */
	if (doc->n_parts && doc->parts[doc->n_parts - 1].unit == SIZE_MAX)
		doc->parts[doc->n_parts - 1].len += len;
	else
		add_part(doc, (struct bt_skeleton_part){ doc->skeleton_len,
							 len, SIZE_MAX });
	doc->skeleton_len += len;
	doc->skeleton[doc->skeleton_len] = '\0';
	return 0;
}

static int
doc_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	struct bt_document *doc = ctx;
	(void) err;
	if (doc->n_units == doc->cap_units) {
		doc->cap_units = doc->cap_units ? doc->cap_units * 2 : 64;
		doc->units = bt_xreallocarray(doc->units, doc->cap_units,
					      sizeof(*doc->units));
	}
	add_part(doc, (struct bt_skeleton_part){ doc->skeleton_len, 0,
						 doc->n_units });
	doc->units[doc->n_units++] = u;
	return 0;
}

struct bt_sink
bt_document_sink(struct bt_document *doc)
{
	return (struct bt_sink){ doc_begin, doc_skeleton, doc_unit, doc };
}
