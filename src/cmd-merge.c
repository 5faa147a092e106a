/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext merge: translated XLIFF -> translated documents.  Each <file> is
 * rebuilt from its skeleton and its targets by the filter that read the
 * original, and written in the original's encoding.  Nothing is written
 * unless every file merges: the outputs are committed together at the end.
 *
 * Merge streams: the skeleton comes first in each <file>, so each unit is
 * written out as soon as it arrives, after the skeleton text before it.
 * Units that come earlier than their place (a tool reordered them) wait
 * in a small map; memory does not grow with the document otherwise.
 */
#include "system.h"

#include <getopt.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "core/buf.h"
#include "core/input.h"
#include "core/output.h"
#include "core/strmap.h"
#include "core/xalloc.h"
#include "filter/filter.h"
#include "format/skeleton.h"
#include "format/xliff.h"

enum missing_policy { MISSING_SOURCE, MISSING_EMPTY, MISSING_FAIL };

struct merge_run {
	const char *xliff;
	const char *output;
	const char *source;
	const char *its_rules;		/* --source is read as extract read */
	const char *md_front_matter;	/* the original */
	const char *encoding;
	enum missing_policy missing_policy;
	enum bt_state min_state;	/* BT_STATE_NONE: any target */
	bool output_is_dir;
	struct bt_output **outs;	/* written, not yet committed */
	size_t n_outs;
	size_t n_files;
	/* The <file> being merged. */
	const struct bt_filter *filter;
	void *write_state;		/* the filter's, while it writes */
	struct bt_output *out;		/* also in outs */
	size_t next_part;		/* of f->doc->parts, to write next */
	struct bt_strmap pending_ids;	/* unit id -> index in pending */
	struct bt_unit **pending;	/* arrived before their place */
	size_t n_pending;
	struct bt_strmap layout_ids;	/* the skeleton's unit ids */
	size_t n_missing;		/* segments without a translation */
	size_t n_missing_units;
	struct bt_buf missing;		/* their units, for the message */
};

static void
usage(void)
{
	printf(_("Usage: bitext merge [OPTION]... IN.xlf -o OUT\n"));
	fputs(_("Merge the translations of an XLIFF file made by 'bitext "
		"extract' back into\nthe documents it came from.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -o, --output=OUT       the translated document; a folder "
		"when the XLIFF\n"
		"                         holds several files\n"), stdout);
	fputs(_("      --source=FILE      check that FILE is still the "
		"document the XLIFF was\n"
		"                         extracted from\n"), stdout);
	fputs(_("      --its=FILE, --md-front-matter=KEYS  read the --source "
		"file as\n"
		"                         'bitext extract' did, with these "
		"options\n"), stdout);
	fputs(_("      --missing=WHAT     for segments without a usable "
		"translation: source\n"
		"                         (keep the source text and warn; the "
		"default),\n"
		"                         empty, or fail\n"), stdout);
	fputs(_("      --min-state=STATE  use only targets at least "
		"translated, reviewed or\n"
		"                         final (default: every non-empty "
		"target)\n"), stdout);
	fputs(_("  -e, --encoding=ENC     write in ENC instead of the "
		"original's encoding (and\n"
		"                         say so in its XML declaration, "
		"<meta charset> or\n"
		"                         PO header)\n"), stdout);
	bt_cli_help_footer();
}

/* Where a file of a multi-file XLIFF goes: its original's path inside
 * the output folder, without any way out of it. */
static char *
output_path(const struct merge_run *run, const char *original)
{
	if (!run->output_is_dir)
		return bt_xstrdup(run->output);
	struct bt_buf b = BT_BUF_INIT;
	bt_buf_addstr(&b, run->output);
	const char *p = original;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t) (slash - p) : strlen(p);
		if (n && !(n == 1 && p[0] == '.')
		    && !(n == 2 && p[0] == '.' && p[1] == '.')) {
			bt_buf_addch(&b, '/');
			bt_buf_add(&b, p, n);
		}
		p += n + (slash != NULL);
	}
	return bt_buf_detach(&b, NULL);
}

static int
make_parents(const char *path)
{
	char *copy = bt_xstrdup(path);
	for (char *p = copy + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
				free(copy);
				return -1;
			}
			*p = '/';
		}
	free(copy);
	return 0;
}

/*
 * With --source: refuse a source that is not the one extracted, naming
 * the units whose text changed (or that are new).
 */
static int
check_source(struct merge_run *run, const struct bt_xliff_file *f,
	     const struct bt_filter *filter, struct bt_error *err)
{
	char sha[65];
	if (bt_sha256_file(run->source, sha, err) < 0)
		return -1;
	if (f->skeleton.info.sha256 && !strcmp(sha, f->skeleton.info.sha256))
		return 0;
	/* A template's plural units depend on the target language. */
	struct bt_filter_options fopt = { .encoding = f->skeleton.info.encoding,
					  .diag = &bt_cli_diag,
					  .target_lang = f->doc->target_lang,
					  .its_rules = run->its_rules,
					  .md_front_matter = run->md_front_matter };
	struct bt_document *now = bt_filter_read_document(filter, run->source,
							  &fopt, err);
	if (!now)
		return -1;
	struct bt_buf changed = BT_BUF_INIT;
	struct bt_strmap was, is;
	size_t n = 0;
	bt_strmap_init(&was);
	bt_strmap_init(&is);
	for (size_t i = 0; i < f->doc->n_units; i++)
		bt_strmap_put(&was, f->doc->units[i]->id, i);
	for (size_t j = 0; j < now->n_units; j++)
		bt_strmap_put(&is, now->units[j]->id, j);
	/* Units whose text changed have new ids: the old ones are gone... */
	for (size_t i = 0; i < f->doc->n_units; i++) {
		const char *id = f->doc->units[i]->id;
		if (bt_strmap_get(&is, id) == SIZE_MAX && n++ < 10)
			bt_buf_addf(&changed, "%s%s", n > 1 ? ", " : "", id);
	}
	/* ...and the new text is shown, its first 40 bytes or so. */
	for (size_t j = 0; j < now->n_units; j++) {
		const struct bt_unit *u = now->units[j];
		if (bt_strmap_get(&was, u->id) != SIZE_MAX || n++ >= 10)
			continue;
		size_t cut = u->source.len < 40 ? u->source.len : 40;
		while (cut < u->source.len
		       && ((unsigned char) u->source.text[cut] & 0xC0) == 0x80)
			cut++;	/* not inside a character */
		bt_buf_addf(&changed, _("%snew text '%.*s'"),
			    n > 1 ? ", " : "", (int) cut, u->source.text);
	}
	bt_strmap_release(&was);
	bt_strmap_release(&is);
	if (n > 10)
		bt_buf_addf(&changed, _(" and %zu more"), n - 10);
	bt_error_set(err, BT_EMISMATCH, run->source,
		     n ? _("the source has changed since the XLIFF was "
			   "extracted: units %s")
		       : _("the source has changed since the XLIFF was "
			   "extracted (its layout only)%s"),
		     n ? changed.data : "");
	bt_buf_release(&changed);
	bt_document_free(now);
	return -1;
}

/* Applies --min-state and --missing to the targets of u; counts and
 * lists what has no translation. */
static void
settle_targets(struct merge_run *run, struct bt_unit *u)
{
	int listed = 0;
	for (size_t k = 0; k < u->n_segments; k++) {
		struct bt_segment *s = &u->segments[k];
		if (s->target && s->state < run->min_state) {
			bt_content_release(s->target);
			free(s->target);
			s->target = NULL;
		}
		if (s->target || !u->translate)
			continue;
		if (!listed++ && ++run->n_missing_units <= 20)
			bt_buf_addf(&run->missing, "%s%s",
				    run->missing.len ? ", " : "", u->id);
		run->n_missing++;
		if (run->missing_policy == MISSING_EMPTY) {
			s->target = bt_xmalloc(sizeof(*s->target));
			bt_content_init(s->target);
		}
	}
}

/* Frees the filter's writing state of a file that will not be finished. */
static void
abandon_writing(struct merge_run *run)
{
	if (run->write_state && run->filter->write_end)
		run->filter->write_end(run->write_state, NULL, NULL);
	run->write_state = NULL;
}

/* Writes the layout up to and including the place of unit u. */
static int
write_through(struct merge_run *run, struct bt_xliff_file *f,
	      const struct bt_unit *u, struct bt_error *err)
{
	const struct bt_document *doc = f->doc;
	while (run->next_part < doc->n_parts) {
		const struct bt_skeleton_part *p = &doc->parts[run->next_part++];
		if (p->unit == SIZE_MAX) {
			if (run->filter->write_skeleton(run->write_state, doc,
					doc->skeleton + p->offset, p->len,
					run->out, err) < 0)
				return -1;
			continue;
		}
		if (!u || strcmp(doc->units[p->unit]->id, u->id)) {
			run->next_part--;	/* not this one's place */
			return 0;
		}
		return run->filter->write_unit(run->write_state, doc, u,
					       run->out, err);
	}
	return 0;
}

/* The id of the unit whose place comes next, or NULL. */
static const char *
next_unit_id(const struct merge_run *run, const struct bt_document *doc)
{
	for (size_t i = run->next_part; i < doc->n_parts; i++)
		if (doc->parts[i].unit != SIZE_MAX)
			return doc->units[doc->parts[i].unit]->id;
	return NULL;
}

static int
begin_file(void *ctx, struct bt_xliff_file *f, struct bt_error *err)
{
	struct merge_run *run = ctx;
	run->n_files++;
	if (!f->has_skeleton)
		return bt_error_set(err, BT_EINVALID, run->xliff,
				    _("file '%s' has no skeleton: it was not "
				      "made by 'bitext extract'"), f->id);
	const struct bt_skeleton_info *info = &f->skeleton.info;
	run->filter = bt_filter_find(info->filter);
	if (!run->filter)
		return bt_error_set(err, BT_EINVALID, run->xliff,
				    _("file '%s' needs the filter '%s', which "
				      "this bitext does not have"), f->id,
				    info->filter);
	if (strcmp(run->filter->version, info->filter_version))
		bt_warn(&bt_cli_diag, run->xliff, f->line,
			_("file '%s' was extracted by version %s of the %s "
			  "filter; this is version %s"), f->id,
			info->filter_version, run->filter->name,
			run->filter->version);
	if (run->source && check_source(run, f, run->filter, err) < 0)
		return -1;

	char *path = output_path(run, f->doc->path);
	const char *inputs[] = { run->xliff, run->source, NULL };
	if (run->output_is_dir && make_parents(path) < 0) {
		bt_error_set(err, BT_EIO, path, _("cannot create its folder: "
						  "%s"), strerror(errno));
		free(path);
		return -1;
	}
	run->out = bt_output_open(path,
		run->encoding ? run->encoding : info->encoding,
		run->encoding ? false : info->bom, inputs, err);
	free(path);
	if (!run->out)
		return -1;
	run->outs = bt_xreallocarray(run->outs, run->n_outs + 1,
				     sizeof(*run->outs));
	run->outs[run->n_outs++] = run->out;
	if (run->encoding && !bt_same_encoding(run->encoding,
					       f->doc->encoding)) {
		free(f->doc->encoding);
		f->doc->encoding = bt_xstrdup(run->encoding);
		f->doc->encoding_changed = true;
	}
	if (run->filter->write_begin)
		run->write_state = run->filter->write_begin(f->doc);
	run->next_part = 0;
	run->n_missing = run->n_missing_units = 0;
	bt_buf_reset(&run->missing);
	bt_strmap_release(&run->layout_ids);
	for (size_t i = 0; i < f->doc->n_units; i++)
		bt_strmap_put(&run->layout_ids, f->doc->units[i]->id, i);
	return 0;
}

/* Writes u and then every waiting unit whose place has come. */
static int
on_unit(void *ctx, struct bt_xliff_file *f, struct bt_unit *u,
	struct bt_error *err)
{
	struct merge_run *run = ctx;
	if (bt_strmap_get(&run->layout_ids, u->id) == SIZE_MAX) {
		bt_error_set(err, BT_EMISMATCH, run->xliff,
			     _("unit %s is not in the skeleton"), u->id);
		bt_unit_free(u);
		return -1;
	}
	settle_targets(run, u);
	const char *next = next_unit_id(run, f->doc);
	if (!next || strcmp(next, u->id)) {
		bt_strmap_put(&run->pending_ids, u->id, run->n_pending);
		run->pending = bt_xreallocarray(run->pending,
						run->n_pending + 1,
						sizeof(*run->pending));
		run->pending[run->n_pending++] = u;
		return 0;
	}
	int rc = write_through(run, f, u, err);
	bt_unit_free(u);
	while (rc == 0 && run->n_pending
	       && (next = next_unit_id(run, f->doc))) {
		size_t j = bt_strmap_get(&run->pending_ids, next);
		if (j == SIZE_MAX || !run->pending[j])
			break;
		rc = write_through(run, f, run->pending[j], err);
		bt_unit_free(run->pending[j]);
		run->pending[j] = NULL;
	}
	return rc;
}

static void
drop_pending(struct merge_run *run)
{
	for (size_t j = 0; j < run->n_pending; j++)
		bt_unit_free(run->pending[j]);
	free(run->pending);
	run->pending = NULL;
	run->n_pending = 0;
	bt_strmap_release(&run->pending_ids);
}

static int
end_file(void *ctx, struct bt_xliff_file *f, struct bt_error *err)
{
	struct merge_run *run = ctx;
	int rc = write_through(run, f, NULL, err);
	if (rc == 0 && run->filter->write_end)
		rc = run->filter->write_end(run->write_state, run->out, err);
	else
		abandon_writing(run);
	run->write_state = NULL;
	const char *next = next_unit_id(run, f->doc);
	if (rc == 0 && next) {
		rc = bt_error_set(err, BT_EMISMATCH, run->xliff,
				  _("unit %s of the skeleton is missing from "
				    "the XLIFF"), next);
		bt_error_at_line(err, f->line);
	}
	drop_pending(run);
	if (rc < 0)
		return -1;
	if (run->n_missing && run->missing_policy == MISSING_FAIL)
		return bt_error_set(err, BT_EMISMATCH, run->xliff,
				    ngettext("%zu segment of file '%s' has no "
					     "usable translation (units %s%s)",
					     "%zu segments of file '%s' have no "
					     "usable translation (units %s%s)",
					     run->n_missing),
				    run->n_missing, f->id, run->missing.data,
				    run->n_missing_units > 20 ? ", ..." : "");
	if (run->n_missing && run->missing_policy == MISSING_SOURCE)
		bt_warn(&bt_cli_diag, run->xliff, 0,
			ngettext("%zu segment of file '%s' has no usable "
				 "translation; its source text was kept "
				 "(units %s%s)",
				 "%zu segments of file '%s' have no usable "
				 "translation; their source text was kept "
				 "(units %s%s)", run->n_missing),
			run->n_missing, f->id, run->missing.data,
			run->n_missing_units > 20 ? ", ..." : "");
	return 0;
}

static int
parse_state(const char *s, enum bt_state *st)
{
	if (!strcmp(s, "translated"))
		*st = BT_STATE_TRANSLATED;
	else if (!strcmp(s, "reviewed"))
		*st = BT_STATE_REVIEWED;
	else if (!strcmp(s, "final"))
		*st = BT_STATE_FINAL;
	else
		return -1;
	return 0;
}

int
cmd_merge(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "source", required_argument, NULL, 'S' },
		{ "its", required_argument, NULL, 'I' },
		{ "md-front-matter", required_argument, NULL, 'F' },
		{ "missing", required_argument, NULL, 'M' },
		{ "min-state", required_argument, NULL, 'T' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct merge_run run = { .missing_policy = MISSING_SOURCE };
	struct bt_error err = BT_ERROR_INIT;
	int c;

	while ((c = getopt_long(argc, argv, "o:e:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': run.output = optarg; break;
		case 'S': run.source = optarg; break;
		case 'I': run.its_rules = optarg; break;
		case 'F': run.md_front_matter = optarg; break;
		case 'e': run.encoding = optarg; break;
		case 'M':
			if (!strcmp(optarg, "source"))
				run.missing_policy = MISSING_SOURCE;
			else if (!strcmp(optarg, "empty"))
				run.missing_policy = MISSING_EMPTY;
			else if (!strcmp(optarg, "fail"))
				run.missing_policy = MISSING_FAIL;
			else {
				bt_cli_error(_("--missing takes source, empty "
					       "or fail, not '%s'"), optarg);
				return bt_cli_try_help("merge");
			}
			break;
		case 'T':
			if (parse_state(optarg, &run.min_state) < 0) {
				bt_cli_error(_("--min-state takes translated, "
					       "reviewed or final, not '%s'"),
					     optarg);
				return bt_cli_try_help("merge");
			}
			break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("merge");
		}
	}
	if (optind != argc - 1) {
		bt_cli_error(optind >= argc ? _("no input file")
			     : _("merge takes one XLIFF file"));
		return bt_cli_try_help("merge");
	}
	if (!run.output) {
		bt_cli_error(_("the output is required (--output)"));
		return bt_cli_try_help("merge");
	}
	if (bt_cli_check_encoding(run.encoding) != BT_EXIT_OK)
		return BT_EXIT_ERROR;
	run.xliff = argv[optind];
	struct stat st;
	run.output_is_dir = stat(run.output, &st) == 0 && S_ISDIR(st.st_mode);

	int status = BT_EXIT_OK;
	struct bt_xliff_handler h = { begin_file, on_unit, end_file, &run };
	if (bt_xliff_read_stream(run.xliff, &h, &err) < 0) {
		status = bt_cli_report(&err);
	} else if (run.n_files == 0) {
		status = bt_cli_error(_("%s: no <file> in the XLIFF"),
				      run.xliff);
	} else if (run.n_files > 1 && !run.output_is_dir) {
		status = bt_cli_error(_("%s holds %zu files: --output must "
					"name an existing folder"), run.xliff,
				      run.n_files);
	}
	/* All or nothing. */
	for (size_t i = 0; i < run.n_outs; i++) {
		if (status == BT_EXIT_OK) {
			if (bt_output_commit(run.outs[i], &err) < 0)
				status = bt_cli_report(&err);
		} else {
			bt_output_abort(run.outs[i]);
		}
	}
	free(run.outs);
	abandon_writing(&run);
	drop_pending(&run);
	bt_strmap_release(&run.layout_ids);
	bt_buf_release(&run.missing);
	return status;
}
