/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A map from strings to size_t (an index into the caller's array): open
 * addressing, keys copied.  For unit ids, code ids and the like, where a
 * linear search would make large documents quadratic.
 */
#ifndef BT_CORE_STRMAP_H
#define BT_CORE_STRMAP_H

#include <stddef.h>

struct bt_strmap {
	char **keys;		/* owned; NULL = empty slot */
	size_t *hashes;		/* of keys, compared before the strings */
	size_t *values;
	size_t cap, used;
};

void bt_strmap_init(struct bt_strmap *m);
void bt_strmap_release(struct bt_strmap *m);
/* Sets key to value; returns 0, or 1 if the key was there (and keeps
 * the old value). */
int bt_strmap_put(struct bt_strmap *m, const char *key, size_t value);
/* The value of key, or SIZE_MAX. */
size_t bt_strmap_get(const struct bt_strmap *m, const char *key);

#endif /* BT_CORE_STRMAP_H */
