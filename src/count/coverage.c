/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Coverage counters and the run over files and folders; see coverage.h.
 * The per-format readers (read-*.c) fill units through
 * bt_coverage_file_add_unit(); this file adds them up.
 */
#include "system.h"

#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "count/coverage.h"
#include "count/readers.h"

static const char *const state_names[BT_N_STATES] = {
	"untranslated", "needs_review", "translated", "reviewed", "final",
	"excluded",
};

static const char *const measure_names[BT_N_MEASURES] = {
	"units", "segments", "words", "chars",
};

const char *
bt_state_name(enum bt_state s)
{
	return s < BT_N_STATES ? state_names[s] : "?";
}

const char *
bt_measure_name(enum bt_measure m)
{
	return m < BT_N_MEASURES ? measure_names[m] : "?";
}

int
bt_measure_parse(const char *s, enum bt_measure *m)
{
	for (int i = 0; i < BT_N_MEASURES; i++)
		if (!strcmp(s, measure_names[i])) {
			*m = (enum bt_measure) i;
			return 0;
		}
	return -1;
}

int
bt_min_state_parse(const char *s, enum bt_state *st)
{
	for (int i = BT_TRANSLATED; i <= BT_FINAL; i++)
		if (!strcmp(s, state_names[i])) {
			*st = (enum bt_state) i;
			return 0;
		}
	return -1;
}

uint64_t
bt_counts_total(const struct bt_counts *c, enum bt_measure m)
{
	uint64_t t = 0;
	for (int s = 0; s < BT_EXCLUDED; s++)
		t += c->n[m][s];
	return t;
}

uint64_t
bt_counts_done(const struct bt_counts *c, enum bt_measure m,
	       enum bt_state min)
{
	uint64_t t = 0;
	for (int s = min; s <= BT_FINAL; s++)
		t += c->n[m][s];
	return t;
}

double
bt_counts_percent(const struct bt_counts *c, enum bt_measure m,
		  enum bt_state min)
{
	uint64_t total = bt_counts_total(c, m);
	if (!total)
		return 100.0;
	return 100.0 * (double) bt_counts_done(c, m, min) / (double) total;
}

void
bt_counts_add(struct bt_counts *a, const struct bt_counts *b)
{
	for (int m = 0; m < BT_N_MEASURES; m++)
		for (int s = 0; s < BT_N_STATES; s++)
			a->n[m][s] += b->n[m][s];
}

void
bt_alignment_add(struct bt_alignment *a, const struct bt_alignment *b)
{
	a->present |= b->present;
	a->pairs += b->pairs;
	a->aligned += b->aligned;
	a->unaligned += b->unaligned;
	a->unaligned_target += b->unaligned_target;
	a->low_confidence += b->low_confidence;
	a->low_confidence_pairs += b->low_confidence_pairs;
	a->aligned_chars += b->aligned_chars;
	a->unaligned_chars += b->unaligned_chars;
}

/* --- units ------------------------------------------------------------ */

struct bt_seg_tally *
bt_unit_tally_add(struct bt_unit_tally *u)
{
	if (u->n >= BT_COUNT_MAX_SEGMENTS)
		return NULL;
	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 8;
		u->segs = bt_xreallocarray(u->segs, u->cap, sizeof(*u->segs));
	}
	struct bt_seg_tally *s = &u->segs[u->n++];
	memset(s, 0, sizeof(*s));
	return s;
}

void
bt_unit_tally_reset(struct bt_unit_tally *u)
{
	for (size_t i = 0; i < u->n; i++)
		free(u->segs[i].mid);
	u->n = 0;
}

void
bt_unit_tally_release(struct bt_unit_tally *u)
{
	bt_unit_tally_reset(u);
	free(u->segs);
	u->segs = NULL;
	u->cap = 0;
}

void
bt_coverage_file_add_unit(struct bt_coverage_file *f,
			  const struct bt_unit_tally *u, bool excluded)
{
	enum bt_state unit_state = BT_N_STATES;
	struct bt_counts *c = &f->counts;
	for (size_t i = 0; i < u->n; i++) {
		const struct bt_seg_tally *s = &u->segs[i];
		if (!s->wc.chars)
			continue;	/* empty, or only codes */
		enum bt_state st = excluded ? BT_EXCLUDED : s->state;
		c->n[BT_SEGMENTS][st]++;
		c->n[BT_WORDS][st] += s->wc.words;
		c->n[BT_CHARS][st] += s->wc.chars;
		for (int k = 0; k < BT_GMX_N; k++)
			f->cjk[st][k] += s->wc.cjk[k];
		if (st < unit_state)
			unit_state = st;
	}
	if (unit_state != BT_N_STATES)
		c->n[BT_UNITS][unit_state]++;
}

double
bt_count_parse_score(const char *s)
{
	if (!s)
		return -1;
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
		end++;
	if (end == s || *end || errno || !(d >= 0 && d <= 1))
		return -1;
	return d;
}

/* Parses a bead "N-M" into its two sides; 0 on success. */
static int
parse_bead(const char *bead, uint64_t *src, uint64_t *tgt)
{
	if (!bead)
		return -1;
	while (*bead == ' ')
		bead++;
	char *end;
	unsigned long a = strtoul(bead, &end, 10);
	if (end == bead || *end != '-')
		return -1;
	const char *p = end + 1;
	unsigned long b = strtoul(p, &end, 10);
	if (end == p || a > 100 || b > 100)
		return -1;
	*src = a;
	*tgt = b;
	return 0;
}

void
bt_coverage_file_add_pair(struct bt_coverage_file *f, uint64_t src_chars,
			  bool target, const char *bead, double score)
{
	struct bt_alignment *a = &f->align;
	uint64_t ns = src_chars ? 1 : 0, nt = target ? 1 : 0, bs, bt;
	if (parse_bead(bead, &bs, &bt) == 0) {
		/* The mark says how many sentences; an empty side has none
		 * whatever it says. */
		ns = src_chars ? (bs ? bs : 1) : 0;
		nt = target ? (bt ? bt : 1) : 0;
	}
	if (ns && nt) {
		a->pairs++;
		a->aligned += ns;
		a->aligned_chars += src_chars;
		if (score >= 0 && score < 0.5) {
			a->low_confidence += ns;
			a->low_confidence_pairs++;
		}
	} else if (ns) {
		a->unaligned += ns;
		a->unaligned_chars += src_chars;
	} else {
		a->unaligned_target += nt;
	}
}

/* Folds the GMX tallies into the words, once the file is read. */
static void
file_finish(struct bt_coverage_file *f)
{
	for (int s = 0; s < BT_N_STATES; s++) {
		f->counts.n[BT_WORDS][s] += bt_words_gmx(f->cjk[s]);
		memset(f->cjk[s], 0, sizeof(f->cjk[s]));
	}
}

static void
file_release(struct bt_coverage_file *f)
{
	free(f->path);
	free(f->lang);
	memset(f, 0, sizeof(*f));
}

/* --- the run ---------------------------------------------------------- */

struct bt_coverage *
bt_coverage_new(const struct bt_coverage_options *opt)
{
	struct bt_coverage *cov = bt_xcalloc(1, sizeof(*cov));
	cov->opt = *opt;
	bt_words_init(&cov->words, opt->cjk_words);
	return cov;
}

void
bt_coverage_free(struct bt_coverage *cov)
{
	if (!cov)
		return;
	for (size_t i = 0; i < cov->n_files; i++)
		file_release(&cov->files[i]);
	free(cov->files);
	for (size_t i = 0; i < cov->n_failed; i++) {
		free(cov->failed[i].path);
		free(cov->failed[i].msg);
	}
	free(cov->failed);
	file_release(&cov->total);
	bt_words_release(&cov->words);
	free(cov);
}

static void
report_error(struct bt_coverage *cov, struct bt_error *err)
{
	cov->failed = bt_xreallocarray(cov->failed, cov->n_failed + 1,
				       sizeof(*cov->failed));
	struct bt_coverage_failure *f = &cov->failed[cov->n_failed++];
	f->path = bt_xstrdup(err->file ? err->file : "?");
	f->line = err->line;
	f->msg = bt_xstrdup(err->msg ? err->msg : "?");
	if (cov->opt.file_error)
		cov->opt.file_error(cov->opt.ctx, err);
	bt_error_release(err);
}

/*
 * Copies standard input to a temporary file, whose name the caller frees
 * after unlinking it: the readers need to read twice (sniffing) and
 * libgettextpo wants a name.
 */
static char *
spool_stdin(struct bt_error *err)
{
	const char *dir = getenv("TMPDIR");
	char *name = bt_xasprintf("%s/bitext-stdin.XXXXXX",
				  dir && *dir ? dir : "/tmp");
	int fd = mkstemp(name);
	if (fd < 0) {
		bt_error_set(err, BT_EIO, "-",
			     _("cannot create a temporary file: %s"),
			     strerror(errno));
		free(name);
		return NULL;
	}
	char buf[65536];
	ssize_t n;
	while ((n = read(0, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write(fd, buf, (size_t) n) != n) {
			bt_error_set(err, BT_EIO, "-", _("cannot read: %s"),
				     strerror(errno));
			close(fd);
			unlink(name);
			free(name);
			return NULL;
		}
	}
	if (close(fd) < 0) {
		bt_error_set(err, BT_EIO, "-", _("cannot read: %s"),
			     strerror(errno));
		unlink(name);
		free(name);
		return NULL;
	}
	return name;
}

/* Counts one file, read from real_path and reported as path. */
static int
count_file(struct bt_coverage *cov, const char *path, const char *real_path)
{
	struct bt_error err = BT_ERROR_INIT;
	struct bt_coverage_file f;
	memset(&f, 0, sizeof(f));
	enum bt_input_kind kind;
	int rc = bt_input_sniff(real_path, &kind, &err);
	if (rc == 0 && kind == BT_INPUT_XML)
		rc = bt_count_xml(real_path, &f, &cov->words, &err);
	else if (rc == 0 && kind == BT_INPUT_PO)
		rc = bt_count_po(real_path, &f, &cov->words, &err);
	else if (rc == 0)
		rc = bt_error_set(&err, BT_EINVALID, real_path,
				  _("not an XLIFF, TMX or PO file"));
	if (rc < 0) {
		if (strcmp(path, real_path)) {
			/* Name the file as the user did. */
			free(err.file);
			err.file = bt_xstrdup(path);
		}
		/* Unreadable is exit status 2 whatever the cause. */
		if (err.code == BT_EINVALID || err.code == BT_EMISMATCH)
			err.code = BT_ESYNTAX;
		file_release(&f);
		report_error(cov, &err);
		return -1;
	}
	file_finish(&f);
	f.path = bt_xstrdup(path);
	if (cov->n_files == cov->cap) {
		cov->cap = cov->cap ? 2 * cov->cap : 16;
		cov->files = bt_xreallocarray(cov->files, cov->cap,
					      sizeof(*cov->files));
	}
	bt_counts_add(&cov->total.counts, &f.counts);
	bt_alignment_add(&cov->total.align, &f.align);
	cov->files[cov->n_files++] = f;
	return 0;
}

struct walk_ctx {
	struct bt_coverage *cov;
	int rc;
};

static void
walk_file(void *ctx, const char *path)
{
	struct walk_ctx *w = ctx;
	if (count_file(w->cov, path, path) < 0)
		w->rc = -1;
}

static void
walk_error(void *ctx, struct bt_error *err)
{
	struct walk_ctx *w = ctx;
	w->rc = -1;
	report_error(w->cov, err);
}

int
bt_coverage_add(struct bt_coverage *cov, const char *path)
{
	struct bt_error err = BT_ERROR_INIT;
	if (!strcmp(path, "-")) {
		char *tmp = spool_stdin(&err);
		if (!tmp) {
			report_error(cov, &err);
			return -1;
		}
		int rc = count_file(cov, "-", tmp);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	struct stat st;
	if (stat(path, &st) < 0) {
		bt_error_set(&err, BT_EIO, path, _("cannot open: %s"),
			     strerror(errno));
		report_error(cov, &err);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return count_file(cov, path, path);
	struct walk_ctx w = { cov, 0 };
	bt_input_walk(path, walk_file, walk_error, &w);
	return w.rc;
}

/* For qsort: files by coverage, then by index. */
struct ranked {
	double pct;
	size_t index;
};

static int
by_pct(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->pct != y->pct)
		return x->pct < y->pct ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t
bt_coverage_below(const struct bt_coverage *cov, enum bt_measure m,
		  enum bt_state min, double pct, size_t **out)
{
	struct ranked *r = bt_xcalloc(cov->n_files ? cov->n_files : 1,
				      sizeof(*r));
	size_t n = 0;
	for (size_t i = 0; i < cov->n_files; i++) {
		const struct bt_counts *c = &cov->files[i].counts;
		if (!bt_counts_total(c, m))
			continue;
		double p = bt_counts_percent(c, m, min);
		if (p < pct)
			r[n++] = (struct ranked) { p, i };
	}
	qsort(r, n, sizeof(*r), by_pct);
	*out = bt_xcalloc(n ? n : 1, sizeof(**out));
	for (size_t i = 0; i < n; i++)
		(*out)[i] = r[i].index;
	free(r);
	return n;
}
