/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bitext convert: between XLIFF 2.1, 2.0 and 1.2 (skeleton, units,
 * segments, targets, states, notes and inline codes kept), from XLIFF to
 * a TMX of its translated segments, and from TMX to bilingual XLIFF.
 */
#include "system.h"

#include <getopt.h>

#include "cli.h"
#include "commands.h"
#include "core/buf.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "core/xml-safe.h"
#include "format/skeleton.h"
#include "format/tmx.h"
#include "format/xliff.h"

struct convert_run {
	const char *input;
	int to_tmx;
	struct bt_xliff_options xo;	/* for XLIFF output */
	const char *srclang, *trglang;	/* from the command line */
	struct bt_output *out;
	struct bt_xliff_writer *xw;
	struct bt_tmx_writer *tw;
	size_t n_files, n_tus;
	/* TMX -> XLIFF: one document of units. */
	struct bt_document *doc;
	char *tmx_srclang;
};

static void
usage(void)
{
	printf(_("Usage: bitext convert [OPTION]... IN -o OUT --to FORMAT\n"));
	fputs(_("Convert between XLIFF 2.1, 2.0 and 1.2, and from XLIFF to "
		"TMX and back.\n"), stdout);
	fputs("\n", stdout);
	fputs(_("  -o, --output=FILE      write to FILE (default: standard "
		"output)\n"), stdout);
	fputs(_("      --to=FORMAT        xliff2.1, xliff2.0, xliff1.2 or "
		"tmx\n"), stdout);
	fputs(_("  -s, --srclang=LANG     source language (TMX input: which "
		"variant is the\n"
		"                         source; default: the header's "
		"srclang)\n"), stdout);
	fputs(_("  -t, --trglang=LANG     target language (TMX input: which "
		"variant is the\n"
		"                         target; default: the first other "
		"one)\n"), stdout);
	bt_cli_help_footer();
}

/* The root element's name of an XML file, or NULL with err. */
static char *
root_name(const char *path, struct bt_error *err)
{
	xmlTextReaderPtr r = bt_xml_reader_open(path, err);
	if (!r)
		return NULL;
	char *name = NULL;
	int rc;
	while ((rc = bt_xml_reader_next(r, path, err)) == 1)
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
			name = bt_xstrdup((const char *)
					  xmlTextReaderConstLocalName(r));
			break;
		}
	if (rc == 0)
		bt_error_set(err, BT_ESYNTAX, path, _("empty file"));
	xmlFreeTextReader(r);
	return name;
}

/* --- from XLIFF ------------------------------------------------------- */

static int
to_xliff(struct convert_run *run, struct bt_xliff_file *f,
	 struct bt_error *err)
{
	if (!run->xw) {
		run->xo.srclang = run->srclang ? run->srclang : f->srclang;
		run->xo.trglang = run->trglang ? run->trglang : f->trglang;
		if (!run->xo.srclang)
			return bt_error_set(err, BT_EINVALID, run->input,
					    _("the source language is not "
					      "known; give it with "
					      "--srclang"));
		if (run->xo.version == BT_XLIFF_12 && !run->xo.trglang)
			return bt_error_set(err, BT_EINVALID, run->input,
					    _("XLIFF 1.2 needs the target "
					      "language; give it with "
					      "--trglang"));
		run->xw = bt_xliff_writer_new(run->out, &run->xo, err);
		if (!run->xw)
			return -1;
	}
	struct bt_buf skel = BT_BUF_INIT;
	if (f->has_skeleton)
		bt_skeleton_write(f->doc, &f->skeleton.info, &skel);
	int rc = bt_xliff_writer_add(run->xw, f->doc, f->id,
				     f->has_skeleton ? skel.data : NULL,
				     skel.len, NULL, err);
	bt_buf_release(&skel);
	return rc;
}

static int
to_tmx(struct convert_run *run, struct bt_xliff_file *f,
       struct bt_error *err)
{
	const char *src = run->srclang ? run->srclang : f->srclang;
	const char *trg = run->trglang ? run->trglang : f->trglang;
	if (!src || !trg)
		return bt_error_set(err, BT_EINVALID, run->input,
				    _("the languages of file '%s' are not "
				      "known; give them with --srclang and "
				      "--trglang"), f->id);
	if (!run->tw) {
		struct bt_tmx_header h = { .srclang = src,
			.datatype = "plaintext" };
		run->tw = bt_tmx_writer_new(run->out, &h, err);
		if (!run->tw)
			return -1;
	}
	for (size_t i = 0; i < f->doc->n_units; i++) {
		const struct bt_unit *u = f->doc->units[i];
		for (size_t k = 0; k < u->n_segments; k++) {
			const struct bt_segment *s = &u->segments[k];
			if (!s->target)
				continue;
			/* The segment's source as content of its own. */
			struct bt_content sc;
			bt_content_init(&sc);
			size_t first = bt_content_count_codes(&u->source, 0,
							      s->start);
			size_t ncodes = bt_content_count_codes(&u->source,
							s->start, s->end);
			size_t done = s->start;
			for (size_t c = first; c < first + ncodes; c++) {
				size_t at = done;
				while (!bt_mark_at(u->source.text + at,
						   s->end - at, NULL))
					at++;
				bt_content_add_text(&sc, u->source.text + done,
						    at - done);
				const struct bt_code *code =
					&u->source.codes[c];
				bt_content_add_code(&sc, code->kind, code->id,
						    code->type, code->data,
						    code->data_len);
				done = at + BT_MARK_LEN;
			}
			bt_content_add_text(&sc, u->source.text + done,
					    s->end - done);
			char tuid[256];
			snprintf(tuid, sizeof(tuid), "%s-%zu", u->id, k + 1);
			struct bt_tmx_tuv tuvs[2] = { { src, &sc },
						      { trg, s->target } };
			struct bt_tmx_tu tu = { .tuid = tuid, .tuvs = tuvs,
						.n_tuvs = 2 };
			int rc = bt_tmx_writer_add(run->tw, &tu, err);
			bt_content_release(&sc);
			if (rc < 0)
				return -1;
			run->n_tus++;
		}
	}
	return 0;
}

static int
on_xliff_file(void *ctx, struct bt_xliff_file *f, struct bt_error *err)
{
	struct convert_run *run = ctx;
	run->n_files++;
	return run->to_tmx ? to_tmx(run, f, err) : to_xliff(run, f, err);
}

/* --- from TMX ----------------------------------------------------------- */

static int
on_tmx_header(void *ctx, const struct bt_tmx_read_header *h,
	      struct bt_error *err)
{
	struct convert_run *run = ctx;
	(void) err;
	run->tmx_srclang = bt_xstrdup(h->srclang);
	return 0;
}

/* Whether s is an XML NMTOKEN we can use as a unit id. */
static int
usable_id(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')
		      || (*s >= '0' && *s <= '9') || strchr("-_.:", *s)))
			return 0;
	return 1;
}

static int
on_tmx_tu(void *ctx, const struct bt_tmx_read_tu *tu, struct bt_error *err)
{
	struct convert_run *run = ctx;
	const char *src = run->srclang ? run->srclang : run->tmx_srclang;
	const struct bt_tmx_read_tuv *sv = NULL, *tv = NULL;
	(void) err;
	for (size_t i = 0; i < tu->n_tuvs; i++) {
		const struct bt_tmx_read_tuv *v = &tu->tuvs[i];
		if (!v->lang)
			continue;
		if (!sv && src && !strcasecmp(v->lang, src))
			sv = v;
		else if (!tv && (run->trglang ? !strcasecmp(v->lang,
							    run->trglang)
				 : !src || strcasecmp(v->lang, src)))
			tv = v;
	}
	if (!sv)
		return 0;	/* nothing in the source language */
	if (!run->trglang && tv)
		run->trglang = bt_xstrdup(tv->lang);	/* kept to the end */
	struct bt_unit *u = bt_unit_new();
	char num[32];
	snprintf(num, sizeof(num), "tu%zu", ++run->n_tus);
	u->id = bt_xstrdup(usable_id(tu->tuid) && !strchr(tu->tuid, ':')
			   ? tu->tuid : num);
	bt_content_copy(&u->source, &sv->content);	/* was empty */
	bt_unit_set_one_segment(u);
	if (tv && tv->content.len) {
		u->segments[0].target = bt_xmalloc(sizeof(struct bt_content));
		bt_content_copy(u->segments[0].target, &tv->content);
		u->segments[0].state = BT_STATE_TRANSLATED;
	}
	for (size_t i = 0; i < tu->n_notes; i++)
		bt_unit_add_note(u, NULL, tu->notes[i]);
	struct bt_sink sink = bt_document_sink(run->doc);
	return sink.unit(sink.ctx, u, NULL);
}

int
cmd_convert(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "to", required_argument, NULL, 'T' },
		{ "srclang", required_argument, NULL, 's' },
		{ "trglang", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct convert_run run = { 0 };
	const char *output = "-", *to = NULL;
	char *trglang_owned = NULL;
	struct bt_error err = BT_ERROR_INIT;
	int c, status = BT_EXIT_OK;

	while ((c = getopt_long(argc, argv, "o:s:t:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'T': to = optarg; break;
		case 's': run.srclang = optarg; break;
		case 't': run.trglang = optarg; break;
		case 'h':
			usage();
			return BT_EXIT_OK;
		default:
			return bt_cli_try_help("convert");
		}
	}
	if (optind != argc - 1) {
		bt_cli_error(optind >= argc ? _("no input file")
			     : _("convert takes one input file"));
		return bt_cli_try_help("convert");
	}
	int v = -1;
	if (!to || (strcmp(to, "tmx")
		    && (v = bt_xliff_version_parse(to)) < 0)) {
		bt_cli_error(to ? _("unknown format '%s' (use xliff2.1, "
				    "xliff2.0, xliff1.2 or tmx)")
			     : _("the output format is required (--to)%s"),
			     to ? to : "");
		return bt_cli_try_help("convert");
	}
	run.to_tmx = v < 0;
	run.xo.version = v < 0 ? BT_XLIFF_21 : (enum bt_xliff_version) v;
	run.input = argv[optind];

	char *root = root_name(run.input, &err);
	if (!root)
		return bt_cli_report(&err);
	run.out = bt_output_open(output, NULL, false,
				 (const char *const *) argv + optind, &err);
	if (!run.out) {
		free(root);
		return bt_cli_report(&err);
	}
	int rc;
	if (!strcmp(root, "xliff")) {
		rc = bt_xliff_read(run.input, on_xliff_file, &run, &err);
	} else if (!strcmp(root, "tmx")) {
		if (run.to_tmx) {
			rc = bt_error_set(&err, BT_EUSAGE, run.input,
					  _("the input is TMX already"));
		} else {
			const char *given = run.trglang;
			run.doc = bt_document_new(run.input);
			rc = bt_tmx_read(run.input, on_tmx_header, on_tmx_tu,
					 &run, &err);
			if (run.trglang != given)
				trglang_owned = (char *) run.trglang;
			if (rc == 0 && !run.doc->n_units)
				rc = bt_error_set(&err, BT_EINVALID, run.input,
					_("no translation unit in the source "
					  "language '%s'"),
					run.srclang ? run.srclang
					: run.tmx_srclang ? run.tmx_srclang
					: "?");
			if (rc == 0) {
				run.xo.srclang = run.srclang ? run.srclang
					: run.tmx_srclang;
				run.xo.trglang = run.trglang;
				run.xw = bt_xliff_writer_new(run.out, &run.xo,
							     &err);
				rc = run.xw ? bt_xliff_writer_add(run.xw,
					run.doc, "f1", NULL, 0, NULL, &err)
					: -1;
			}
		}
	} else {
		rc = bt_error_set(&err, BT_EINVALID, run.input,
				  _("neither XLIFF nor TMX (the root element "
				    "is <%s>)"), root);
	}
	if (rc == 0 && run.xw) {
		rc = bt_xliff_writer_finish(run.xw, &err);
		run.xw = NULL;
	}
	if (rc == 0 && run.tw) {
		rc = bt_tmx_writer_finish(run.tw, &err);
		run.tw = NULL;
	}
	if (rc == 0 && !run.n_files && !run.doc)
		rc = bt_error_set(&err, BT_EINVALID, run.input,
				  _("no <file> in the XLIFF%s"), "");
	if (rc == 0 && run.to_tmx && !run.n_tus)
		bt_warn(&bt_cli_diag, run.input, 0,
			_("no translated segment: the TMX is empty"));
	if (rc == 0)
		rc = bt_output_commit(run.out, &err);
	else
		bt_output_abort(run.out);
	if (rc < 0)
		status = bt_cli_report(&err);
	bt_xliff_writer_free(run.xw);
	bt_tmx_writer_free(run.tw);
	bt_document_free(run.doc);
	free(run.tmx_srclang);
	free(trglang_owned);
	free(root);
	return status;
}
