/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Allocation that never returns NULL.  Running out of memory is the one
 * condition on which the library ends the process: every caller would have
 * nothing better to do, and checking each allocation hides the real errors.
 */
#ifndef BT_CORE_XALLOC_H
#define BT_CORE_XALLOC_H

#include <stddef.h>

/* Like malloc(), but aborts with a message when memory runs out. */
void *bt_xmalloc(size_t size);
/* Like calloc(); zeroed memory, overflow of nmemb * size checked. */
void *bt_xcalloc(size_t nmemb, size_t size);
/* Like realloc(). */
void *bt_xrealloc(void *ptr, size_t size);
/* realloc() of an array of nmemb elements of size bytes, overflow checked. */
void *bt_xreallocarray(void *ptr, size_t nmemb, size_t size);
/* strdup() / strndup(); NULL gives NULL. */
char *bt_xstrdup(const char *s);
char *bt_xstrndup(const char *s, size_t n);
/* Returns a new string formatted as by printf().  Caller frees. */
char *bt_xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Aborts the process: a broken invariant, never a user error. */
#define BT_BUG(msg) bt_bug(__FILE__, __LINE__, (msg))
void bt_bug(const char *file, int line, const char *msg)
	__attribute__((noreturn));

#endif /* BT_CORE_XALLOC_H */
