/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which files coverage reads: telling XML from PO by their first bytes,
 * and walking folders for the files with the right names (and the *.xml
 * files whose root element is <xliff> or <tmx>).
 */
#include "system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "count/readers.h"

enum { SNIFF_BYTES = 4096 };

/* Reads up to SNIFF_BYTES of path into buf; the count, or -1 with err. */
static ssize_t
read_head(const char *path, char *buf, struct bt_error *err)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				    strerror(errno));
	ssize_t got = 0;
	while (got < SNIFF_BYTES) {
		ssize_t n = read(fd, buf + got, (size_t) (SNIFF_BYTES - got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			return bt_error_set(err, BT_EIO, path,
					    _("cannot read: %s"), strerror(e));
		}
		if (n == 0)
			break;
		got += n;
	}
	close(fd);
	return got;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcasecmp(s + n - k, suffix);
}

/* Whether the text holds a line that starts with "msgid" or "msgctxt". */
static bool
looks_like_po(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != '\n')
			continue;
		if ((n - i >= 6 && !memcmp(s + i, "msgid ", 6))
		    || (n - i >= 8 && !memcmp(s + i, "msgctxt ", 8)))
			return true;
	}
	return false;
}

int
bt_input_sniff(const char *path, enum bt_input_kind *kind,
	       struct bt_error *err)
{
	char buf[SNIFF_BYTES];
	ssize_t n = read_head(path, buf, err);
	if (n < 0)
		return -1;
	const unsigned char *p = (const unsigned char *) buf;
	size_t len = (size_t) n;
	*kind = BT_INPUT_UNKNOWN;
	/* UTF-16 or UTF-32: only XML comes so (PO must be ASCII-based). */
	if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF)
			 || (p[0] == 0xFF && p[1] == 0xFE)
			 || (p[0] == 0 && p[1] == '<')
			 || (p[0] == '<' && p[1] == 0))) {
		*kind = BT_INPUT_XML;
		return 0;
	}
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		p += 3;
		len -= 3;
	}
	size_t i = 0;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n'
			   || p[i] == '\r'))
		i++;
	if (i < len && p[i] == '<')
		*kind = BT_INPUT_XML;
	else if (ends_with(path, ".po") || ends_with(path, ".pot")
		 || looks_like_po((const char *) p, len))
		*kind = BT_INPUT_PO;
	return 0;
}

/* The local name of the root element of the XML in buf, or "" when it is
 * not within the first bytes: skips the XML declaration, processing
 * instructions, comments and the document type declaration. */
static void
xml_root_name(const char *buf, size_t n, char *name, size_t size)
{
	const char *p = buf, *end = buf + n;
	name[0] = '\0';
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'
				   || *p == '\r'))
			p++;
		if (p >= end || *p != '<')
			return;
		const char *close = NULL;	/* the last byte of it */
		if (end - p >= 2 && p[1] == '?') {
			close = memmem(p, (size_t) (end - p), "?>", 2);
			if (close)
				close++;
		} else if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
			close = memmem(p, (size_t) (end - p), "-->", 3);
			if (close)
				close += 2;
		} else if (end - p >= 2 && p[1] == '!') {
			/* <!DOCTYPE ...> with an optional [internal subset] */
			const char *q = p;
			int bracket = 0;
			while (q < end && (*q != '>' || bracket)) {
				bracket += *q == '[' ? 1 : *q == ']' ? -1 : 0;
				q++;
			}
			close = q < end ? q : NULL;
		} else {
			const char *s = p + 1, *e = s;
			while (e < end && *e != ' ' && *e != '>' && *e != '/'
			       && *e != '\t' && *e != '\n' && *e != '\r')
				e++;
			const char *colon = memchr(s, ':', (size_t) (e - s));
			if (colon)
				s = colon + 1;
			if ((size_t) (e - s) < size) {
				memcpy(name, s, (size_t) (e - s));
				name[e - s] = '\0';
			}
			return;
		}
		if (!close)
			return;
		p = close + 1;
	}
}

static bool
wanted_by_name(const char *name)
{
	static const char *const exts[] = {
		".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx", ".po",
		".pot",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(exts); i++)
		if (ends_with(name, exts[i]))
			return true;
	return false;
}

/* Whether an *.xml file is XLIFF or TMX (read errors: let the reader say
 * them, so yes). */
static bool
xml_is_ours(const char *path)
{
	char buf[SNIFF_BYTES], name[16];
	struct bt_error err = BT_ERROR_INIT;
	ssize_t n = read_head(path, buf, &err);
	if (n < 0) {
		bt_error_release(&err);
		return true;
	}
	xml_root_name(buf, (size_t) n, name, sizeof(name));
	return !strcmp(name, "xliff") || !strcmp(name, "tmx");
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

int
bt_input_walk(const char *dir, void (*fn)(void *ctx, const char *path),
	      void (*err_fn)(void *ctx, struct bt_error *err), void *ctx)
{
	DIR *d = opendir(dir);
	if (!d) {
		struct bt_error err = BT_ERROR_INIT;
		bt_error_set(&err, BT_EIO, dir, _("cannot open: %s"),
			     strerror(errno));
		err_fn(ctx, &err);
		bt_error_release(&err);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;	/* ., .., .git, hidden files */
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			names = bt_xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = bt_xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);

	int rc = 0;
	size_t dlen = strlen(dir);
	bool slash = dlen && dir[dlen - 1] == '/';
	for (size_t i = 0; i < n; i++) {
		char *path = bt_xasprintf("%s%s%s", dir, slash ? "" : "/",
					  names[i]);
		struct stat st, lst;
		if (lstat(path, &lst) == 0 && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				/* A link to a folder may make a loop. */
				if (!S_ISLNK(lst.st_mode)
				    && bt_input_walk(path, fn, err_fn, ctx) < 0)
					rc = -1;
			} else if (S_ISREG(st.st_mode)
				   && (wanted_by_name(names[i])
				       || (ends_with(names[i], ".xml")
					   && xml_is_ours(path)))) {
				fn(ctx, path);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}
