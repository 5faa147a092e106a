/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * String map with open addressing; see strmap.h.
 */
#include "system.h"
#include "core/strmap.h"
#include "core/xalloc.h"

void
bt_strmap_init(struct bt_strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
bt_strmap_release(struct bt_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->hashes);
	free(m->values);
	bt_strmap_init(m);
}

/* FNV-1a with a final mix: ids that differ only in their last digits
 * ("u1a2b3c4d-17", "-18"...) must not pile up in neighbouring slots. */
static size_t
hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	while (*s) {
		h ^= (unsigned char) *s++;
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t) h;
}

static size_t
slot(const struct bt_strmap *m, const char *key, size_t h)
{
	size_t i = h & (m->cap - 1);
	while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key)))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void
grow(struct bt_strmap *m)
{
	struct bt_strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = bt_xcalloc(m->cap, sizeof(*m->keys));
	m->hashes = bt_xcalloc(m->cap, sizeof(*m->hashes));
	m->values = bt_xcalloc(m->cap, sizeof(*m->values));
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i]) {
			size_t s = slot(m, old.keys[i], old.hashes[i]);
			m->keys[s] = old.keys[i];
			m->hashes[s] = old.hashes[i];
			m->values[s] = old.values[i];
		}
	free(old.keys);
	free(old.hashes);
	free(old.values);
}

int
bt_strmap_put(struct bt_strmap *m, const char *key, size_t value)
{
	/* At most half full: linear probing stays short. */
	if ((m->used + 1) * 2 > m->cap)
		grow(m);
	size_t h = hash(key);
	size_t s = slot(m, key, h);
	if (m->keys[s])
		return 1;
	m->keys[s] = bt_xstrdup(key);
	m->hashes[s] = h;
	m->values[s] = value;
	m->used++;
	return 0;
}

size_t
bt_strmap_get(const struct bt_strmap *m, const char *key)
{
	if (!m->cap)
		return SIZE_MAX;
	size_t s = slot(m, key, hash(key));
	return m->keys[s] ? m->values[s] : SIZE_MAX;
}
