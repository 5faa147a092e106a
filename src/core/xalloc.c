/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Checked allocation: see xalloc.h for why the library aborts on OOM.
 */
#include "system.h"
#include "core/xalloc.h"

static void
out_of_memory(size_t size)
{
	fprintf(stderr, _("bitext: out of memory (allocating %zu bytes)\n"),
		size);
	abort();
}

void *
bt_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *
bt_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		out_of_memory(nmemb * size);
	return p;
}

void *
bt_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *
bt_xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return bt_xrealloc(ptr, nmemb * size);
}

char *
bt_xstrdup(const char *s)
{
	return s ? bt_xstrndup(s, strlen(s)) : NULL;
}

char *
bt_xstrndup(const char *s, size_t n)
{
	if (!s)
		return NULL;
	size_t len = strnlen(s, n);
	char *p = bt_xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
bt_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		BT_BUG("bad format string");
	char *p = bt_xmalloc((size_t) n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t) n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
bt_bug(const char *file, int line, const char *msg)
{
	fprintf(stderr, "bitext: BUG at %s:%d: %s\n", file, line, msg);
	abort();
}
