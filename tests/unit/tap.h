/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tap.h: a tiny header-only helper for the C unit tests, in the style of
 * Perl's Test::More.  Each check prints "ok N - name" or "not ok N - name"
 * followed by "#" lines saying where the check is and what it got and
 * expected; done_testing() prints the plan "1..N" and returns the exit
 * status (0 if every check passed, 1 otherwise).  The automake driver only
 * looks at that status: 0 pass, 77 skip, 99 hard error, anything else
 * fail.
 *
 *	#include "system.h"
 *	#include "tap.h"
 *	int main(void)
 *	{
 *		is_int(1 + 1, 2, "addition");
 *		is_str(s, "abc", "the name of %s", what);
 *		return done_testing();
 *	}
 *
 * Names are printf formats.  It also has the few file helpers every unit
 * test needs: a scratch folder under $top_builddir/tests/work (the source
 * tree is read-only under make distcheck), and whole-file reads and writes.
 * Helpers that cannot do their job (no disk space...) exit with 99.
 */
#ifndef BT_TESTS_TAP_H
#define BT_TESTS_TAP_H

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__GNUC__)
# define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
# define TAP_PRINTF(f, a)
#endif

static struct {
	int n;		/* checks run */
	int failed;	/* checks failed */
} tap;

/* Prints "# " and the message: a comment the driver ignores. */
static inline TAP_PRINTF(1, 2) void
diag(const char *fmt, ...)
{
	va_list ap;
	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

/* Ends the test at once with status 99 (a broken test, not a failure). */
static inline TAP_PRINTF(1, 2) void
tap_bail(const char *fmt, ...)
{
	va_list ap;
	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
	exit(99);
}

static inline int
tap_report(const char *file, int line, int pass, const char *fmt,
	   va_list ap)
{
	tap.n++;
	if (!pass)
		tap.failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap.n);
	/* A name is one line: control characters are shown escaped. */
	char name[1024];
	vsnprintf(name, sizeof(name), fmt, ap);
	for (const char *p = name; *p; p++)
		if ((unsigned char) *p < 0x20)
			printf("\\x%02X", (unsigned) (unsigned char) *p);
		else
			fputc(*p, stdout);
	fputc('\n', stdout);
	if (!pass)
		printf("#   Failed test at %s line %d.\n", file, line);
	fflush(stdout);
	return pass;
}

static inline TAP_PRINTF(4, 5) int
tap_ok_at(const char *file, int line, int pass, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_report(file, line, pass, fmt, ap);
	va_end(ap);
	return pass;
}

/* Length of the well-formed UTF-8 sequence at s[0..n) (lead byte >= 0x80),
 * 0 if it is not one. */
static inline size_t
tap_utf8_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
		: s[0] >= 0xE0 && s[0] < 0xF0 ? 3
		: s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
	if (!len || len > n)
		return 0;
	for (size_t k = 1; k < len; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return len;
}

/* Prints s[0..len) quoted, with control bytes, quotes and bytes that are
 * not UTF-8 escaped; UTF-8 passes through so that Chinese stays readable.
 * At most max bytes. */
static inline void
tap_quote(const char *s, size_t len, size_t max)
{
	if (!s) {
		fputs("NULL", stdout);
		return;
	}
	fputc('\'', stdout);
	for (size_t i = 0, n; i < len && i < max; i++) {
		unsigned char c = (unsigned char) s[i];
		if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '\'' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			printf("\\x%02X", c);
		else if (c < 0x80)
			fputc(c, stdout);
		else if ((n = tap_utf8_len((const unsigned char *) s + i,
					   len - i)) > 0)
			fwrite(s + i, 1, n, stdout), i += n - 1;
		else
			printf("\\x%02X", c);
	}
	fputc('\'', stdout);
	if (len > max)
		printf("... (%zu bytes)", len);
}

/* Compares two byte strings; on a difference shows where it starts and
 * some bytes of each side from a little before there. */
static inline int
tap_is_mem_va(const char *file, int line, const char *got, size_t glen,
	      const char *exp, size_t elen, const char *fmt, va_list ap)
{
	int pass = got && exp ? glen == elen && !memcmp(got, exp, glen)
		: got == exp;
	tap_report(file, line, pass, fmt, ap);
	if (pass)
		return 1;
	size_t at = 0;
	if (got && exp)
		while (at < glen && at < elen && got[at] == exp[at])
			at++;
	size_t from = at > 20 ? at - 20 : 0;
	if (glen > 120 || elen > 120)
		printf("#     first difference at byte %zu "
		       "(got %zu bytes, expected %zu); from byte %zu:\n",
		       at, glen, elen, from);
	else
		from = 0;
	fputs("#          got: ", stdout);
	tap_quote(got ? got + from : NULL, glen - from, 120);
	fputs("\n#     expected: ", stdout);
	tap_quote(exp ? exp + from : NULL, elen - from, 120);
	fputc('\n', stdout);
	fflush(stdout);
	return 0;
}

static inline TAP_PRINTF(7, 8) int
tap_is_mem_at(const char *file, int line, const char *got, size_t glen,
	      const char *exp, size_t elen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int pass = tap_is_mem_va(file, line, got, glen, exp, elen, fmt, ap);
	va_end(ap);
	return pass;
}

static inline TAP_PRINTF(5, 6) int
tap_is_str_at(const char *file, int line, const char *got, const char *exp,
	      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int pass = tap_is_mem_va(file, line, got, got ? strlen(got) : 0,
				 exp, exp ? strlen(exp) : 0, fmt, ap);
	va_end(ap);
	return pass;
}

static inline TAP_PRINTF(5, 6) int
tap_is_int_at(const char *file, int line, long long got, long long exp,
	      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int pass = tap_report(file, line, got == exp, fmt, ap);
	va_end(ap);
	if (!pass) {
		printf("#          got: %lld\n", got);
		printf("#     expected: %lld\n", exp);
		fflush(stdout);
	}
	return pass;
}

/* ok(cond, "name %d", ...): passes when cond is true. */
#define ok(cond, ...) \
	tap_ok_at(__FILE__, __LINE__, (cond) ? 1 : 0, __VA_ARGS__)
/* is_str(got, expected, "name"): C strings; NULL equals only NULL. */
#define is_str(got, exp, ...) \
	tap_is_str_at(__FILE__, __LINE__, (got), (exp), __VA_ARGS__)
/* is_mem(got, got_len, expected, expected_len, "name"): bytes. */
#define is_mem(...) tap_is_mem_at(__FILE__, __LINE__, __VA_ARGS__)
/* is_int(got, expected, "name"): any integers, compared as long long. */
#define is_int(got, exp, ...) \
	tap_is_int_at(__FILE__, __LINE__, (long long) (got), \
		      (long long) (exp), __VA_ARGS__)

/* Prints the plan; returns the exit status for main(). */
static inline int
done_testing(void)
{
	printf("1..%d\n", tap.n);
	if (tap.failed)
		diag("Looks like you failed %d test%s of %d.", tap.failed,
		     tap.failed == 1 ? "" : "s", tap.n);
	fflush(stdout);
	return tap.failed ? 1 : 0;
}

/* --- files ------------------------------------------------------------ */

/* "dir/name", which the caller frees. */
static inline char *
t_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (!p)
		tap_bail("out of memory");
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static inline void
t_mkdir(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		tap_bail("cannot create %s: %s", path, strerror(errno));
}

/*
 * Creates a fresh folder $top_builddir/tests/work/NAME.XXXXXX for this
 * test's files (top_builddir defaults to ".").  Caller frees the name and
 * ends with t_cleanup().
 */
static inline char *
t_workdir(const char *name)
{
	const char *top = getenv("top_builddir");
	char *tests = t_path(top && *top ? top : ".", "tests");
	char *work = t_path(tests, "work");
	t_mkdir(tests);
	t_mkdir(work);
	size_t n = strlen(work) + strlen(name) + 9;
	char *dir = malloc(n);
	if (!dir)
		tap_bail("out of memory");
	snprintf(dir, n, "%s/%s.XXXXXX", work, name);
	if (!mkdtemp(dir))
		tap_bail("cannot create %s: %s", dir, strerror(errno));
	free(tests);
	free(work);
	return dir;
}

/* Writes data[0..len) to path, replacing it. */
static inline void
t_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		tap_bail("cannot write %s: %s", path, strerror(errno));
}

/* The contents of path, NUL-terminated, which the caller frees; NULL if
 * it does not exist.  *len gets the size. */
static inline char *
t_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno == ENOENT)
			return NULL;
		tap_bail("cannot open %s: %s", path, strerror(errno));
	}
	size_t cap = 4096, n = 0, got;
	char *buf = malloc(cap + 1);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			char *more = realloc(buf, cap + 1);
			if (!more)
				free(buf);
			buf = more;
		}
	}
	if (!buf || ferror(f))
		tap_bail("cannot read %s", path);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

/* Whether path exists (as anything). */
static inline int
t_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static inline int
t_remove_one(const char *path, const struct stat *st, int flag,
	     struct FTW *ftw)
{
	(void) st;
	(void) flag;
	(void) ftw;
	return remove(path);
}

/* Removes the scratch folder if every check passed, else keeps it for
 * inspection and says where it is.  Frees dir. */
static inline void
t_cleanup(char *dir)
{
	if (tap.failed)
		diag("test files kept in %s", dir);
	else
		nftw(dir, t_remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

#endif /* BT_TESTS_TAP_H */
