/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Atomic encoded output: temporary file + rename; see output.h.
 */
#include "system.h"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/output.h"
#include "core/xalloc.h"

enum { FLUSH_AT = 1 << 16 };

struct bt_output {
	char *path;		/* owned: final name */
	char *tmp;		/* owned: temporary name; NULL for stdout */
	int fd;
	iconv_t cd;		/* (iconv_t) -1 for UTF-8 */
	char *encoding;		/* owned */
	struct bt_buf pending;	/* encoded bytes not yet written */
	char carry[4];		/* a UTF-8 character cut between writes */
	size_t n_carry;
	int mode;		/* of the file replaced, or -1 */
	int owns_fd;		/* a device we opened, closed at the end */
};

static int
is_utf8(const char *e)
{
	return !e || !strcasecmp(e, "UTF-8") || !strcasecmp(e, "UTF8");
}

static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) < 0 || stat(b, &sb) < 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

struct bt_output *
bt_output_open(const char *path, const char *encoding, bool bom,
	       const char *const *inputs, struct bt_error *err)
{
	for (size_t i = 0; inputs && inputs[i]; i++)
		if (strcmp(path, "-") && same_file(path, inputs[i])) {
			bt_error_set(err, BT_EUSAGE, path,
				     _("refusing to write over the input file"));
			return NULL;
		}

	struct bt_output *out = bt_xcalloc(1, sizeof(*out));
	out->path = bt_xstrdup(path);
	struct stat st;
	out->mode = strcmp(path, "-") && stat(path, &st) == 0
		? (int) (st.st_mode & 07777) : -1;
	out->cd = (iconv_t) -1;
	/* iconv writes a mark of its own for "UTF-16" and "UTF-32": name
	 * a byte order, and write the mark only when asked.  (Documents
	 * read by bitext name theirs already; see core/input.c.) */
	if (encoding && !strcasecmp(encoding, "UTF-16"))
		encoding = "UTF-16BE";
	else if (encoding && !strcasecmp(encoding, "UTF-32"))
		encoding = "UTF-32BE";
	out->encoding = bt_xstrdup(encoding ? encoding : "UTF-8");
	if (!is_utf8(encoding)) {
		out->cd = iconv_open(encoding, "UTF-8");
		if (out->cd == (iconv_t) -1) {
			bt_error_set(err, BT_EENCODING, path,
				     _("unknown encoding '%s'"), encoding);
			goto fail;
		}
	}
	struct stat target;
	if (!strcmp(path, "-")) {
		out->fd = 1;
	} else if (stat(path, &target) == 0 && !S_ISREG(target.st_mode)) {
		/* A device or a pipe (/dev/null, /dev/full, a FIFO): write
		 * to it; renaming a file over it would replace it. */
		out->fd = open(path, O_WRONLY | O_CLOEXEC);
		if (out->fd < 0) {
			bt_error_set(err, BT_EIO, path, _("cannot open: %s"),
				     strerror(errno));
			goto fail;
		}
		out->owns_fd = 1;
	} else {
		out->tmp = bt_xasprintf("%s.tmpXXXXXX", path);
		out->fd = mkstemp(out->tmp);
		if (out->fd < 0) {
			bt_error_set(err, BT_EIO, path,
				     _("cannot create a file beside it: %s"),
				     strerror(errno));
			free(out->tmp);
			out->tmp = NULL;
			goto fail;
		}
	}
	if (bom) {
		/* The mark is U+FEFF in the output encoding. */
		if (bt_output_write(out, "\xEF\xBB\xBF", 3, err) < 0)
			goto fail;
	}
	return out;
fail:
	bt_output_abort(out);
	return NULL;
}

static int
flush_pending(struct bt_output *out, struct bt_error *err)
{
	size_t done = 0;
	while (done < out->pending.len) {
		ssize_t n = write(out->fd, out->pending.data + done,
				  out->pending.len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return bt_error_set(err, BT_EIO, out->path,
					    _("cannot write: %s"),
					    strerror(errno));
		}
		done += (size_t) n;
	}
	bt_buf_reset(&out->pending);
	return 0;
}

static int encode_part(struct bt_output *out, const char *text, size_t len,
		       struct bt_error *err);

static int
encode(struct bt_output *out, const char *text, size_t len,
       struct bt_error *err)
{
	/* Complete a character cut at the end of the last write. */
	while (out->n_carry && len) {
		out->carry[out->n_carry++] = *text++;
		len--;
		unsigned char lead = (unsigned char) out->carry[0];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
		if (out->n_carry == need || out->n_carry == 4) {
			size_t n = out->n_carry;
			out->n_carry = 0;
			if (encode_part(out, out->carry, n, err) < 0)
				return -1;
		}
	}
	return encode_part(out, text, len, err);
}

static int
encode_part(struct bt_output *out, const char *text, size_t len,
	    struct bt_error *err)
{
	char *src = (char *) text;
	size_t left = len;
	while (left) {
		bt_buf_grow(&out->pending, left * 4 + 16);
		char *dst = out->pending.data + out->pending.len;
		size_t room = out->pending.cap - out->pending.len - 1;
		size_t r = iconv(out->cd, &src, &left, &dst, &room);
		out->pending.len = (size_t) (dst - out->pending.data);
		if (r == (size_t) -1 && errno == EINVAL && left < 4) {
			memcpy(out->carry, src, left);
			out->n_carry = left;
			break;
		}
		if (r == (size_t) -1 && errno != E2BIG) {
			/* Show the character that has no equivalent. */
			size_t n = 1;
			while (n < left && n < 4
			       && ((unsigned char) src[n] & 0xC0) == 0x80)
				n++;
			return bt_error_set(err, BT_EENCODING, out->path,
					    _("the text holds '%.*s', which "
					      "%s cannot represent"),
					    (int) n, src, out->encoding);
		}
	}
	return 0;
}

int
bt_output_write(struct bt_output *out, const char *text, size_t len,
		struct bt_error *err)
{
	if (out->cd == (iconv_t) -1)
		bt_buf_add(&out->pending, text, len);
	else if (encode(out, text, len, err) < 0)
		return -1;
	if (out->pending.len >= FLUSH_AT)
		return flush_pending(out, err);
	return 0;
}

int
bt_output_puts(struct bt_output *out, const char *s, struct bt_error *err)
{
	return bt_output_write(out, s, strlen(s), err);
}

int
bt_output_commit(struct bt_output *out, struct bt_error *err)
{
	int rc = out->n_carry ? bt_error_set(err, BT_EENCODING, out->path,
		_("the text ends inside a UTF-8 character"))
		: flush_pending(out, err);
	if (rc == 0 && out->tmp) {
		/* Give the new file the usual permissions, not mkstemp's. */
		mode_t mask = umask(0);
		umask(mask);
		mode_t mode = out->mode >= 0 ? (mode_t) out->mode
			: 0666 & ~mask;
		if (fchmod(out->fd, mode) < 0 || fsync(out->fd) < 0)
			rc = bt_error_set(err, BT_EIO, out->path,
					  _("cannot write: %s"),
					  strerror(errno));
		if (close(out->fd) < 0 && rc == 0)
			rc = bt_error_set(err, BT_EIO, out->path,
					  _("cannot write: %s"),
					  strerror(errno));
		out->fd = -1;
		if (rc == 0 && rename(out->tmp, out->path) < 0)
			rc = bt_error_set(err, BT_EIO, out->path,
					  _("cannot rename into place: %s"),
					  strerror(errno));
		if (rc == 0) {
			free(out->tmp);
			out->tmp = NULL;
		}
	}
	bt_output_abort(out);
	return rc;
}

void
bt_output_abort(struct bt_output *out)
{
	if (!out)
		return;
	if (out->tmp) {
		if (out->fd >= 0)
			close(out->fd);
		unlink(out->tmp);
		free(out->tmp);
	} else if (out->owns_fd && out->fd >= 0) {
		close(out->fd);
	}
	if (out->cd != (iconv_t) -1)
		iconv_close(out->cd);
	bt_buf_release(&out->pending);
	free(out->encoding);
	free(out->path);
	free(out);
}
