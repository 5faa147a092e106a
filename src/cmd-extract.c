/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext extract: documents -> XLIFF for translators.  Each input is read
 * by its filter, segmented with the SRX rules of the source language, and
 * written as one <file> with its skeleton, so that merge needs nothing
 * but the XLIFF.
 */
#include "system.h"

#include <getopt.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "core/buf.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "filter/filter.h"
#include "format/skeleton.h"
#include "format/xliff.h"
#include "segment/srx.h"

static void
usage(void)
{
	printf(_("Usage: bitext extract [OPTION]... FILE... -o OUT.xlf\n"));
	fputs(_("Write documents as XLIFF for translators and their CAT "
		"tools.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -o, --output=FILE      write the XLIFF to FILE (default: "
		"standard output)\n"), stdout);
	fputs(_("  -s, --srclang=LANG     the documents' language (BCP 47), "
		"required\n"), stdout);
	fputs(_("  -t, --trglang=LANG     the language to translate into "
		"(required for 1.2)\n"), stdout);
	fputs(_("      --xliff=VERSION    2.1 (default), 2.0 or 1.2\n"),
	      stdout);
	fputs(_("      --copy-source      fill each target with a copy of "
		"its source\n"
		"                         (OmegaT 3.6 translates only such "
		"targets)\n"), stdout);
	fputs(_("      --skeleton=WHERE   internal (default: inside the "
		"XLIFF) or external\n"
		"                         (OUT.fN.skl files beside it)\n"),
	      stdout);
	fputs(_("      --srx=FILE         segmentation rules instead of "
		"bitext's own\n"), stdout);
	fputs(_("  -e, --encoding=ENC     the inputs' encoding when they "
		"have no byte-order mark\n"), stdout);
	fputs(_("      --format=NAME      read the inputs as NAME: text, html, "
		"xml, markdown,\n"
		"                         po or json (default: detected; "
		"also --filter)\n"), stdout);
	fputs(_("      --its=FILE         ITS 2.0 rules for XML inputs, "
		"besides their own\n"), stdout);
	fputs(_("      --md-front-matter=KEYS  translate these "
		"comma-separated front matter\n"
		"                         keys of Markdown inputs\n"), stdout);
	bt_cli_help_footer();
}

struct extract_options {
	struct bt_xliff_options xliff;
	const char *output;
	const char *srx;
	const char *encoding;
	const char *filter;
	const char *its_rules;
	const char *md_front_matter;
	bool external;
};

/*
 * Extract streams each input twice through its filter: the first pass
 * builds the skeleton (which XLIFF puts before the units), the second
 * segments and writes each unit as it comes.  Memory thus holds the
 * skeleton, never the whole document.
 */
struct first_pass {
	struct bt_skeleton_builder skel;
	char *encoding;		/* owned */
	bool bom;
	char *settings;		/* owned; the filter's, or NULL */
};

static int
first_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	struct first_pass *fp = ctx;
	(void) err;
	free(fp->encoding);
	fp->encoding = bt_xstrdup(info->encoding ? info->encoding : "UTF-8");
	fp->bom = info->bom;
	free(fp->settings);
	fp->settings = bt_xstrdup(info->settings);
	return 0;
}

static int
first_skeleton(void *ctx, const char *text, size_t len, struct bt_error *err)
{
	struct first_pass *fp = ctx;
	(void) err;
	bt_skeleton_builder_text(&fp->skel, text, len);
	return 0;
}

static int
first_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	struct first_pass *fp = ctx;
	(void) err;
	bt_skeleton_builder_unit(&fp->skel, u);
	bt_unit_free(u);
	return 0;
}

struct second_pass {
	struct bt_segmenter *seg;
	struct bt_xliff_writer *w;
};

static int
second_unit(void *ctx, struct bt_unit *u, struct bt_error *err)
{
	struct second_pass *sp = ctx;
	int rc = bt_segmenter_split(sp->seg, u, err);
	if (rc == 0)
		rc = bt_xliff_writer_unit(sp->w, u, err);
	bt_unit_free(u);
	return rc;
}

static int
ignore_begin(void *ctx, const struct bt_doc_info *info, struct bt_error *err)
{
	(void) ctx, (void) info, (void) err;
	return 0;
}

static int
ignore_skeleton(void *ctx, const char *text, size_t len,
		struct bt_error *err)
{
	(void) ctx, (void) text, (void) len, (void) err;
	return 0;
}

/* Writes the skeleton beside the XLIFF; sets *href to its name. */
static int
write_external(const char *output, const char *id, const struct bt_buf *skel,
	       char **href, struct bt_error *err)
{
	char *skl_path = bt_xasprintf("%s.%s.skl", output, id);
	const char *slash = strrchr(skl_path, '/');
	*href = bt_xstrdup(slash ? slash + 1 : skl_path);
	struct bt_output *so = bt_output_open(skl_path, NULL, false, NULL,
					      err);
	int rc = so ? bt_output_write(so, skel->data, skel->len, err) : -1;
	if (rc == 0)
		rc = bt_output_commit(so, err);
	else
		bt_output_abort(so);
	free(skl_path);
	return rc;
}

static struct bt_filter_options
filter_options(const struct extract_options *o)
{
	return (struct bt_filter_options){
		.encoding = o->encoding,
		.diag = &bt_cli_diag,
		.target_lang = o->xliff.trglang,
		.its_rules = o->its_rules,
		.md_front_matter = o->md_front_matter,
	};
}

/* Reads, segments and writes one input as <file> number n.  name is what
 * the XLIFF calls it; path is where it is read (a copy, for stdin). */
static int
extract_one(const char *name, const char *path, const struct bt_filter *f,
	    size_t n, const struct extract_options *o,
	    struct bt_segmenter *seg, struct bt_xliff_writer *w,
	    struct bt_error *err)
{
	struct bt_filter_options fopt = filter_options(o);
	struct first_pass fp = { .encoding = NULL };
	bt_skeleton_builder_init(&fp.skel);
	struct bt_sink first = { first_begin, first_skeleton, first_unit, &fp };
	char sha[65] = "";
	struct bt_buf skel = BT_BUF_INIT;
	char *href = NULL;
	char id[24];
	snprintf(id, sizeof(id), "f%zu", n);

	int rc = f->read(path, &fopt, &first, err);
	if (rc == 0)
		rc = bt_sha256_file(path, sha, err);
	struct bt_skeleton_info info = {
		.filter = (char *) f->name,
		.filter_version = (char *) f->version,
		.encoding = fp.encoding,
		.bom = fp.bom,
		.sha256 = sha,
		.original = (char *) name,
		.settings = fp.settings,
	};
	bt_skeleton_builder_finish(&fp.skel, &info, &skel);
	if (rc == 0 && o->external)
		rc = write_external(o->output, id, &skel, &href, err);
	if (rc == 0)
		rc = bt_xliff_writer_begin_file(w, id, name, f->name,
						href ? NULL : skel.data,
						skel.len, href, err);
	bt_buf_release(&skel);
	struct second_pass sp = { seg, w };
	struct bt_sink second = { ignore_begin, ignore_skeleton, second_unit,
				  &sp };
	if (rc == 0)
		rc = f->read(path, &fopt, &second, err);
	if (rc == 0)
		rc = bt_xliff_writer_end_file(w, err);
	free(href);
	free(fp.encoding);
	free(fp.settings);
	return rc;
}

/* Copies standard input to a temporary file, so that it can be read
 * twice.  Returns its name (caller unlinks and frees) or NULL. */
static char *
spool_stdin(struct bt_error *err)
{
	const char *dir = getenv("TMPDIR");
	char *path = bt_xasprintf("%s/bitext-stdin.XXXXXX",
				  dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	char buf[65536];
	size_t n;
	int ok = fp != NULL;
	while (ok && (n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		ok = fwrite(buf, 1, n, fp) == n;
	ok = ok && !ferror(stdin);
	if (fp && fclose(fp) != 0)
		ok = 0;
	if (!ok) {
		bt_error_set(err, BT_EIO, _("(standard input)"),
			     _("cannot keep a copy: %s"), strerror(errno));
		if (fd >= 0)
			unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

int
cmd_extract(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "srclang", required_argument, NULL, 's' },
		{ "trglang", required_argument, NULL, 't' },
		{ "xliff", required_argument, NULL, 'X' },
		{ "copy-source", no_argument, NULL, 'C' },
		{ "skeleton", required_argument, NULL, 'K' },
		{ "srx", required_argument, NULL, 'S' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "filter", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'F' },
		{ "its", required_argument, NULL, 'I' },
		{ "md-front-matter", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct extract_options o = { .output = "-" };
	struct bt_error err = BT_ERROR_INIT;
	int c, v;

	while ((c = getopt_long(argc, argv, "o:s:t:e:h", options, NULL))
	       != -1) {
		switch (c) {
		case 'o': o.output = optarg; break;
		case 's': o.xliff.srclang = optarg; break;
		case 't': o.xliff.trglang = optarg; break;
		case 'C': o.xliff.copy_source = true; break;
		case 'S': o.srx = optarg; break;
		case 'e': o.encoding = optarg; break;
		case 'F': o.filter = optarg; break;
		case 'I': o.its_rules = optarg; break;
		case 'M': o.md_front_matter = optarg; break;
		case 'X':
			if ((v = bt_xliff_version_parse(optarg)) < 0) {
				bt_cli_error(_("unknown XLIFF version '%s' "
					       "(use 2.1, 2.0 or 1.2)"),
					     optarg);
				return bt_cli_try_help("extract");
			}
			o.xliff.version = (enum bt_xliff_version) v;
			break;
		case 'K':
			if (strcmp(optarg, "internal")
			    && strcmp(optarg, "external")) {
				bt_cli_error(_("--skeleton takes internal or "
					       "external, not '%s'"), optarg);
				return bt_cli_try_help("extract");
			}
			o.external = !strcmp(optarg, "external");
			break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("extract");
		}
	}
	if (optind >= argc) {
		bt_cli_error(_("no input file"));
		return bt_cli_try_help("extract");
	}
	if (!o.xliff.srclang) {
		bt_cli_error(_("the source language is required (--srclang)"));
		return bt_cli_try_help("extract");
	}
	if (o.xliff.version == BT_XLIFF_12 && !o.xliff.trglang) {
		bt_cli_error(_("XLIFF 1.2 needs the target language "
			       "(--trglang)"));
		return bt_cli_try_help("extract");
	}
	if (o.external && !strcmp(o.output, "-")) {
		bt_cli_error(_("--skeleton=external needs --output"));
		return bt_cli_try_help("extract");
	}
	if (bt_cli_check_encoding(o.encoding) != BT_EXIT_OK)
		return BT_EXIT_ERROR;
	const struct bt_filter *forced = NULL;
	if (o.filter && !(forced = bt_filter_find(o.filter)))
		return bt_cli_error(_("unknown format '%s'"), o.filter);

	int status = BT_EXIT_OK;
	size_t n_in = (size_t) (argc - optind);
	const struct bt_filter **filters = bt_xcalloc(n_in, sizeof(*filters));
	/* Standard input is kept in a file first: its format is told from
	 * its first bytes, and it is read more than once. */
	char *spooled = NULL;
	struct bt_srx *srx = NULL;
	struct bt_segmenter *seg = NULL;
	struct bt_output *out = NULL;
	struct bt_xliff_writer *w = NULL;

	for (size_t i = 0; i < n_in; i++) {
		const char *path = argv[optind + (int) i];
		if (!strcmp(path, "-")) {
			if (spooled) {
				bt_error_set(&err, BT_EUSAGE, NULL,
					     _("standard input ('-') can be "
					       "read only once"));
				goto fail;
			}
			if (!(spooled = spool_stdin(&err)))
				goto fail;
			path = spooled;
		}
		filters[i] = forced ? forced : bt_filter_detect(path, &err);
		if (!filters[i])
			goto fail;
		/* Bad input must not leave half an XLIFF on stdout. */
		struct bt_filter_options fopt = filter_options(&o);
		if (!strcmp(o.output, "-")
		    && bt_filter_check(filters[i], path, &fopt, &err) < 0)
			goto fail;
	}
	srx = bt_srx_load(o.srx ? o.srx : bt_srx_default_path(), &bt_cli_diag,
			  &err);
	if (!srx)
		goto fail;
	seg = bt_segmenter_new(srx, o.xliff.srclang, &bt_cli_diag, &err);
	if (!seg)
		goto fail;
	out = bt_output_open(o.output, NULL, false,
			     (const char *const *) argv + optind, &err);
	if (!out)
		goto fail;
	w = bt_xliff_writer_new(out, &o.xliff, &err);
	if (!w)
		goto fail;
	for (size_t i = 0; i < n_in; i++) {
		const char *name = argv[optind + (int) i];
		if (extract_one(name, strcmp(name, "-") ? name : spooled,
				filters[i], i + 1, &o, seg, w, &err) < 0)
			goto fail;
	}
	int rc = bt_xliff_writer_finish(w, &err);
	w = NULL;
	if (rc < 0)
		goto fail;
	rc = bt_output_commit(out, &err);
	out = NULL;
	if (rc < 0)
		goto fail;
	goto done;
fail:
	status = bt_cli_report(&err);
	bt_xliff_writer_free(w);
	bt_output_abort(out);
done:
	if (spooled) {
		unlink(spooled);
		free(spooled);
	}
	bt_segmenter_free(seg);
	bt_srx_free(srx);
	free(filters);
	return status;
}
