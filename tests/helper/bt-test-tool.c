/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bt-test-tool: internals of the library for the shell tests, after git's
 * t/helper/test-tool.c.  Not installed.
 *
 *   bt-test-tool fill-targets IN.xlf TARGETS.tsv OUT.xlf [STATE]
 *	Sets segment targets from TSV lines UNIT_ID<TAB>N<TAB>TEXT (the
 *	format of `bitext segment --format tsv`, with its escapes) and
 *	writes the XLIFF again in the same version, skeleton included.
 *	STATE is initial, translated (default), reviewed or final.
 */
#include "system.h"

#include "core/buf.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "format/skeleton.h"
#include "format/xliff.h"

struct fill {
	char **ids;
	size_t *nums;
	char **texts;
	size_t n;
	enum bt_state state;
	struct bt_output *out;
	struct bt_xliff_writer *w;
	size_t used;
};

static char *
unescape_tsv(const char *s)
{
	struct bt_buf b = BT_BUF_INIT;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			bt_buf_addch(&b, *s == 'n' ? '\n' : *s == 't' ? '\t'
				     : *s == 'r' ? '\r' : *s);
		} else {
			bt_buf_addch(&b, *s);
		}
	}
	return bt_buf_detach(&b, NULL);
}

static int
on_file(void *ctx, struct bt_xliff_file *f, struct bt_error *err)
{
	struct fill *fl = ctx;
	if (!fl->w) {
		struct bt_xliff_options o = { f->version, f->srclang,
					      f->trglang, false };
		fl->w = bt_xliff_writer_new(fl->out, &o, err);
		if (!fl->w)
			return -1;
	}
	for (size_t i = 0; i < f->doc->n_units; i++) {
		struct bt_unit *u = f->doc->units[i];
		for (size_t k = 0; k < fl->n; k++) {
			if (strcmp(fl->ids[k], u->id) || !fl->nums[k]
			    || fl->nums[k] > u->n_segments)
				continue;
			struct bt_segment *s = &u->segments[fl->nums[k] - 1];
			if (s->target) {
				bt_content_release(s->target);
				free(s->target);
			}
			s->target = bt_xmalloc(sizeof(*s->target));
			bt_content_init(s->target);
			bt_content_add_text(s->target, fl->texts[k],
					    strlen(fl->texts[k]));
			s->state = fl->state;
			fl->used++;
		}
	}
	struct bt_buf skel = BT_BUF_INIT;
	if (f->has_skeleton)
		bt_skeleton_write(f->doc, &f->skeleton.info, &skel);
	int rc = bt_xliff_writer_add(fl->w, f->doc, f->id,
				     f->has_skeleton ? skel.data : NULL,
				     skel.len, NULL, err);
	bt_buf_release(&skel);
	return rc;
}

static int
fill_targets(int argc, char **argv)
{
	if (argc < 4)
		return 2;
	struct fill fl = { .state = BT_STATE_TRANSLATED };
	if (argc > 4) {
		static const char *const names[] = { "", "initial",
			"translated", "reviewed", "final" };
		for (int i = 1; i < 5; i++)
			if (!strcmp(argv[4], names[i]))
				fl.state = (enum bt_state) i;
	}
	FILE *fp = fopen(argv[2], "r");
	if (!fp) {
		perror(argv[2]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t')
						      : NULL;
		if (!t2)
			continue;
		*t1 = *t2 = '\0';
		fl.ids = bt_xreallocarray(fl.ids, fl.n + 1, sizeof(char *));
		fl.nums = bt_xreallocarray(fl.nums, fl.n + 1, sizeof(size_t));
		fl.texts = bt_xreallocarray(fl.texts, fl.n + 1,
					    sizeof(char *));
		fl.ids[fl.n] = bt_xstrdup(line);
		fl.nums[fl.n] = strtoul(t1 + 1, NULL, 10);
		fl.texts[fl.n++] = unescape_tsv(t2 + 1);
	}
	free(line);
	fclose(fp);

	struct bt_error err = BT_ERROR_INIT;
	int status = 0;
	fl.out = bt_output_open(argv[3], NULL, false, NULL, &err);
	if (!fl.out || bt_xliff_read(argv[1], on_file, &fl, &err) < 0
	    || !fl.w || bt_xliff_writer_finish(fl.w, &err) < 0
	    || bt_output_commit(fl.out, &err) < 0) {
		fprintf(stderr, "bt-test-tool: %s: %s\n",
			err.file ? err.file : "?", err.msg ? err.msg : "?");
		status = 1;
	} else if (fl.used != fl.n) {
		fprintf(stderr, "bt-test-tool: %zu of %zu targets matched no "
			"segment\n", fl.n - fl.used, fl.n);
		status = 1;
	}
	bt_error_release(&err);
	for (size_t i = 0; i < fl.n; i++) {
		free(fl.ids[i]);
		free(fl.texts[i]);
	}
	free(fl.ids);
	free(fl.nums);
	free(fl.texts);
	return status;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "fill-targets"))
		return fill_targets(argc - 1, argv + 1);
	fprintf(stderr, "usage: bt-test-tool fill-targets IN.xlf TSV OUT.xlf "
		"[STATE]\n");
	return 2;
}
