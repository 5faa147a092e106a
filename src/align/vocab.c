/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The aligner's vocabulary: token strings to dense ids, shared by both
 * sides so that a token spelt alike on both is one id.  Open addressing
 * with linear probing; strings in one buffer.
 */
#include "system.h"
#include "align/align-internal.h"
#include "core/xalloc.h"

void
vocab_init(struct vocab *v)
{
	memset(v, 0, sizeof(*v));
	bt_buf_init(&v->strings);
	v->n_slots = 1024;
	v->slots = bt_xcalloc(v->n_slots, sizeof(*v->slots));
}

void
vocab_release(struct vocab *v)
{
	free(v->slots);
	free(v->off);
	free(v->len);
	bt_buf_release(&v->strings);
	memset(v, 0, sizeof(*v));
}

/* FNV-1a, 64 bits. */
static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char) s[i];
		h *= 0x100000001b3ULL;
	}
	return h ^ (h >> 29);
}

static bool
same(const struct vocab *v, uint32_t id, const char *s, size_t len)
{
	return v->len[id] == len
		&& !memcmp(v->strings.data + v->off[id], s, len);
}

static size_t
slot_of(const struct vocab *v, const char *s, size_t len)
{
	size_t mask = v->n_slots - 1;
	size_t i = (size_t) hash(s, len) & mask;
	while (v->slots[i] && !same(v, v->slots[i] - 1, s, len))
		i = (i + 1) & mask;
	return i;
}

static void
grow(struct vocab *v)
{
	uint32_t *old = v->slots;
	size_t n_old = v->n_slots;
	v->n_slots *= 2;
	v->slots = bt_xcalloc(v->n_slots, sizeof(*v->slots));
	size_t mask = v->n_slots - 1;
	for (size_t k = 0; k < n_old; k++) {
		if (!old[k])
			continue;
		uint32_t id = old[k] - 1;
		size_t i = (size_t) hash(v->strings.data + v->off[id],
					 v->len[id]) & mask;
		while (v->slots[i])
			i = (i + 1) & mask;
		v->slots[i] = old[k];
	}
	free(old);
}

uint32_t
vocab_find(const struct vocab *v, const char *s, size_t len)
{
	size_t i = slot_of(v, s, len);
	return v->slots[i] ? v->slots[i] - 1 : UINT32_MAX;
}

uint32_t
vocab_intern(struct vocab *v, const char *s, size_t len)
{
	size_t i = slot_of(v, s, len);
	if (v->slots[i])
		return v->slots[i] - 1;
	if (v->n == UINT32_MAX - 1)
		BT_BUG("vocabulary overflow");
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 1024;
		v->off = bt_xreallocarray(v->off, v->cap, sizeof(*v->off));
		v->len = bt_xreallocarray(v->len, v->cap, sizeof(*v->len));
	}
	uint32_t id = (uint32_t) v->n++;
	v->off[id] = v->strings.len;
	v->len[id] = (uint32_t) len;
	bt_buf_add(&v->strings, s, len);
	bt_buf_addch(&v->strings, '\0');
	v->slots[i] = id + 1;
	if (2 * v->n > v->n_slots)
		grow(v);
	return id;
}

const char *
vocab_str(const struct vocab *v, uint32_t id, size_t *len)
{
	if (len)
		*len = v->len[id];
	return v->strings.data + v->off[id];
}
