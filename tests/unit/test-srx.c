/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of SRX loading and segmentation (src/segment/srx.h).
 *
 * Each test writes a small SRX 2.0 file into the scratch folder, loads it
 * and segments sample units.  Covered: rule order (at a position the first
 * rule that matches decides, so a no-break rule before a break rule
 * cancels it and one after it does not), cascade on and off, map rules
 * matched case-insensitively against the whole language code, empty
 * after-break patterns, Java syntax in rules, segments trimmed of the
 * whitespace around them (which stays in the unit, between segments),
 * load errors (a rule that does not compile names its <rule> line;
 * malformed XML; a missing file), unsupported Java constructs skipped with
 * a warning, and bitext's own default rules for the languages it ships
 * rules for.
 */
#include "system.h"

#include "core/buf.h"
#include "doc/document.h"
#include "filter/filter.h"
#include "segment/srx.h"
#include "tap.h"

static char *work;	/* scratch folder */

/* Warnings received through struct bt_diag. */
struct warnings {
	int n;
	long line;		/* of the last one */
	char msg[1024];		/* the last one */
};

static void
collect(void *ctx, const char *file, long line, const char *msg)
{
	struct warnings *w = ctx;
	(void) file;
	w->n++;
	w->line = line;
	snprintf(w->msg, sizeof(w->msg), "%s", msg);
}

static const char srx_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n";

/*
 * Writes an SRX file: the header (cascade "yes" or "no"), then body, the
 * XML inside <body>.  Returns its path; caller frees.
 */
static char *
write_srx(const char *name, const char *cascade, const char *body)
{
	struct bt_buf b = BT_BUF_INIT;
	bt_buf_addstr(&b, srx_head);
	bt_buf_addf(&b, "<header segmentsubflows=\"yes\" cascade=\"%s\"/>\n",
		    cascade);
	bt_buf_addf(&b, "<body>\n%s</body>\n</srx>\n", body);
	char *path = t_path(work, name);
	t_write(path, b.data, b.len);
	bt_buf_release(&b);
	return path;
}

/* The line (from 1) of the first occurrence of needle in file path. */
static long
line_of(const char *path, const char *needle)
{
	size_t len;
	char *s = t_read(path, &len);
	char *at = s ? strstr(s, needle) : NULL;
	long line = 0;
	if (at) {
		line = 1;
		for (char *p = s; p < at; p++)
			line += *p == '\n';
	}
	free(s);
	return line;
}

static int
is_space_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;
	if (n >= 1 && (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r')))
		return 1;
	return n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80;
}

static int
ends_with_space(const char *s, size_t n)
{
	return (n >= 1 && is_space_at(s + n - 1, 1))
		|| (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3));
}

/*
 * Splits text with s and returns the segments joined by "|" (caller
 * frees), after checking what must hold for any split: segments in
 * order, inside the text, not empty, without whitespace at either end,
 * and the unit rendering back to its text.
 */
static char *
split(struct bt_segmenter *s, const char *text)
{
	struct bt_unit *u = bt_unit_new();
	struct bt_error err = BT_ERROR_INIT;
	bt_content_add_text(&u->source, text, strlen(text));
	bt_unit_set_one_segment(u);
	int rc = bt_segmenter_split(s, u, &err);
	if (rc < 0)
		diag("split failed: %s", err.msg);
	bt_error_release(&err);

	struct bt_buf out = BT_BUF_INIT;
	int sane = rc == 0;
	size_t prev = 0;
	for (size_t i = 0; i < u->n_segments; i++) {
		const struct bt_segment *g = &u->segments[i];
		const char *t = u->source.text + g->start;
		size_t n = g->end - g->start;
		if (g->start < prev || g->end <= g->start
		    || g->end > u->source.len || is_space_at(t, n)
		    || ends_with_space(t, n) || g->target)
			sane = 0;
		prev = g->end;
		if (i)
			bt_buf_addch(&out, '|');
		bt_buf_add(&out, t, n);
	}
	struct bt_buf r = BT_BUF_INIT;
	bt_unit_render(NULL, u, &r);
	bt_buf_addstr(&r, "");
	if (strcmp(r.data, text))
		sane = 0;
	if (!sane)
		diag("segments of '%s' are not sane", text);
	ok(sane, "segments in order, trimmed, rendering gives the text");
	bt_buf_release(&r);
	bt_unit_free(u);
	bt_buf_addstr(&out, "");
	return bt_buf_detach(&out, NULL);
}

/* Checks that s splits text into want (segments joined by "|"). */
static void
check_split(struct bt_segmenter *s, const char *text, const char *want,
	    const char *name)
{
	char *got = split(s, text);
	is_str(got, want, "%s", name);
	free(got);
}

/* An SRX file's rules for lang, with no warnings expected. */
static struct bt_segmenter *
segmenter(struct bt_srx *srx, const char *lang)
{
	struct warnings w = { 0, 0, "" };
	struct bt_diag dg = { collect, &w };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_segmenter *s = bt_segmenter_new(srx, lang, &dg, &err);
	if (!s)
		tap_bail("bt_segmenter_new failed: %s", err.msg);
	if (w.n)
		diag("warning for %s: %s", lang, w.msg);
	bt_error_release(&err);
	return s;
}

static struct bt_srx *
load(const char *path, struct warnings *w)
{
	struct bt_diag dg = { collect, w };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_srx *srx = bt_srx_load(path, &dg, &err);
	if (!srx)
		diag("cannot load %s: %s", path, err.msg);
	bt_error_release(&err);
	return srx;
}

#define RULE(brk, before, after) \
	"<rule break=\"" brk "\">\n<beforebreak>" before "</beforebreak>\n" \
	"<afterbreak>" after "</afterbreak>\n</rule>\n"

/* --- segmentation ---------------------------------------------------- */

static void
test_basic(void)
{
	char *path = write_srx("basic.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"Default\">\n"
		RULE("no", "\\b(?:Mr|Dr)\\.", "\\s")
		RULE("yes", "[.?!]+", "\\s+\\p{Lu}")
		/* An empty after-break: an element with nothing in it. */
		"<rule break=\"yes\">\n<beforebreak>[\\u3002\\uFF01\\uFF1F]"
		"</beforebreak>\n<afterbreak/>\n</rule>\n"
		/* No after-break element at all. */
		"<rule break=\"yes\">\n<beforebreak>;;</beforebreak>\n"
		"</rule>\n"
		"</languagerule>\n"
		"</languagerules>\n"
		"<maprules>\n"
		"<languagemap languagepattern=\".*\" "
		"languagerulename=\"Default\"/>\n"
		"</maprules>\n");
	struct warnings w = { 0, 0, "" };
	struct bt_srx *srx = load(path, &w);
	ok(srx != NULL, "a simple SRX file loads");
	if (!srx) {
		free(path);
		return;
	}
	is_int(w.n, 0, "without warnings");
	is_int(bt_srx_count_languages(srx), 1, "one language rule");
	is_int(bt_srx_count_rules(srx), 4, "four rules");
	struct bt_segmenter *s = segmenter(srx, "en");
	is_int(bt_segmenter_count_rules(s), 4, "the segmenter has all four");

	check_split(s, "Hello world. How are you? Fine!",
		    "Hello world.|How are you?|Fine!", "three sentences");
	check_split(s, "Mr. Smith came. Dr. Who left.",
		    "Mr. Smith came.|Dr. Who left.",
		    "a no-break rule before the break rule cancels it");
	check_split(s, "It costs 5. not much.", "It costs 5. not much.",
		    "the after-break pattern must match too");
	check_split(s, "Wait... What?!  Yes.", "Wait...|What?!|Yes.",
		    "a run of stops is one match");
	check_split(s, "\xE7\xAC\xAC\xE4\xB8\x80\xE5\x8F\xA5\xE3\x80\x82"
		    "\xE7\xAC\xAC\xE4\xBA\x8C\xE5\x8F\xA5\xEF\xBC\x81"
		    "\xE7\xAC\xAC\xE4\xB8\x89\xE5\x8F\xA5",
		    "\xE7\xAC\xAC\xE4\xB8\x80\xE5\x8F\xA5\xE3\x80\x82|"
		    "\xE7\xAC\xAC\xE4\xBA\x8C\xE5\x8F\xA5\xEF\xBC\x81|"
		    "\xE7\xAC\xAC\xE4\xB8\x89\xE5\x8F\xA5",
		    "an empty after-break element breaks after the stop");
	check_split(s, "a;;b;;c", "a;;|b;;|c",
		    "a rule without after-break element");
	check_split(s, "Ends with a stop.", "Ends with a stop.",
		    "a match at the end of the text makes no empty segment");
	check_split(s, "No stop at all", "No stop at all", "no rule matches");
	check_split(s, "", "", "empty unit: no segment");
	check_split(s, " \t\n ", "", "whitespace-only unit: no segment");
	check_split(s, "\n  Leading. Trailing.  \n", "Leading.|Trailing.",
		    "whitespace at both ends is trimmed");
	check_split(s, "One.\n\nTwo.", "One.|Two.",
		    "line breaks between segments stay out of them");
	check_split(s, "\xE3\x80\x80\xE3\x80\x80\xE7\xAC\xAC\xE4\xB8\x80"
		    "\xE3\x80\x82\xE3\x80\x80\xE7\xAC\xAC\xE4\xBA\x8C"
		    "\xE3\x80\x82\xE3\x80\x80",
		    "\xE7\xAC\xAC\xE4\xB8\x80\xE3\x80\x82|"
		    "\xE7\xAC\xAC\xE4\xBA\x8C\xE3\x80\x82",
		    "ideographic spaces are trimmed too");

	/* The offsets themselves, and the whitespace left between. */
	struct bt_unit *u = bt_unit_new();
	struct bt_error err = BT_ERROR_INIT;
	const char *text = "  Hello.   World.  ";
	bt_content_add_text(&u->source, text, strlen(text));
	is_int(bt_segmenter_split(s, u, &err), 0, "split a unit");
	is_int(u->n_segments, 2, "two segments");
	if (u->n_segments == 2) {
		ok(u->segments[0].start == 2 && u->segments[0].end == 8,
		   "segment 1 is [2, 8) (got [%zu, %zu))",
		   u->segments[0].start, u->segments[0].end);
		ok(u->segments[1].start == 11 && u->segments[1].end == 17,
		   "segment 2 is [11, 17) (got [%zu, %zu))",
		   u->segments[1].start, u->segments[1].end);
		ok(u->segments[0].state == BT_STATE_NONE
		   && !u->segments[0].target, "segments are untranslated");
	}
	is_str(u->source.text, text, "the source text is unchanged");

	/* A target on a segment, then a new split: the unit is kept as it
	 * is, since a translation read with the document cannot be split. */
	if (u->n_segments == 2) {
		u->segments[1].target = calloc(1, sizeof(struct bt_content));
		bt_content_init(u->segments[1].target);
		bt_content_add_text(u->segments[1].target, "Welt.", 5);
		u->segments[1].state = BT_STATE_TRANSLATED;
		struct bt_buf r = BT_BUF_INIT;
		bt_unit_render(NULL, u, &r);
		is_str(bt_buf_cstr(&r), "  Hello.   Welt.  ",
		       "render uses the target, keeps the whitespace");
		bt_buf_release(&r);
	}
	is_int(bt_segmenter_split(s, u, &err), 0, "split again");
	ok(u->n_segments == 2 && u->segments[1].target
	   && u->segments[1].state == BT_STATE_TRANSLATED,
	   "splitting a unit with a target keeps its segments and target");
	bt_unit_free(u);
	bt_error_release(&err);

	/* Many sentences in one paragraph. */
	struct bt_buf big = BT_BUF_INIT, want = BT_BUF_INIT;
	for (int i = 0; i < 5000; i++) {
		bt_buf_addf(&big, "%sSentence number %d ends here.",
			    i ? " " : "", i);
		bt_buf_addf(&want, "%sSentence number %d ends here.",
			    i ? "|" : "", i);
	}
	char *got = split(s, big.data);
	ok(got && !strcmp(got, want.data), "5000 sentences in one unit");
	free(got);
	bt_buf_release(&big);
	bt_buf_release(&want);

	bt_segmenter_free(s);
	bt_segmenter_free(NULL);
	bt_srx_free(srx);
	bt_srx_free(NULL);
	free(path);
}

static void
test_rule_order(void)
{
	/* A break rule, then a no-break rule for the same position. */
	char *path = write_srx("order1.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("yes", "\\.", "\\s")
		RULE("no", "\\bMr\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	struct warnings w = { 0, 0, "" };
	struct bt_srx *srx = load(path, &w);
	free(path);
	if (srx) {
		struct bt_segmenter *s = segmenter(srx, "en");
		check_split(s, "Mr. Smith. Ok", "Mr.|Smith.|Ok",
			    "a no-break rule after the break rule does not "
			    "cancel it");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}

	/* No-break, then break: the no-break rule decides. */
	path = write_srx("order2.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("no", "\\bMr\\.", "\\s")
		RULE("yes", "\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	srx = load(path, &w);
	free(path);
	if (srx) {
		struct bt_segmenter *s = segmenter(srx, "en");
		check_split(s, "Mr. Smith. Ok", "Mr. Smith.|Ok",
			    "a no-break rule before the break rule cancels "
			    "it");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}

	/* Break, no-break, break: each position has its own first rule. */
	path = write_srx("order3.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("yes", "!", "\\s")
		RULE("no", "\\b\\p{Lu}\\.", "\\s")
		RULE("no", "!", "\\s")
		RULE("yes", "[.!]", "\\s")
		RULE("no", "\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	srx = load(path, &w);
	free(path);
	if (srx) {
		struct bt_segmenter *s = segmenter(srx, "en");
		check_split(s, "J. Smith! Yes. No", "J. Smith!|Yes.|No",
			    "break before no-break at '!', no-break before "
			    "break at 'J.', break before no-break at 'Yes.'");
		check_split(s, "A. B. C! D", "A. B. C!|D",
			    "initials: the no-break rule comes first");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}

	/* Empty matches: a rule with only an after-break, and a rule
	 * without a break attribute (SRX's default is "yes"). */
	path = write_srx("empty-match.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("no", "^", "")
		"<rule>\n<beforebreak></beforebreak>\n"
		"<afterbreak>\\p{Lu}</afterbreak>\n</rule>\n"
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	srx = load(path, &w);
	free(path);
	if (srx) {
		struct bt_segmenter *s = segmenter(srx, "en");
		check_split(s, "aBcD", "a|Bc|D",
			    "a rule with an empty before-break breaks before "
			    "each match of its after-break");
		check_split(s, "\xC3\xA9\xC3\x89\xC3\xA9\xE4\xB8\xAD\xC3\x89",
			    "\xC3\xA9|\xC3\x89\xC3\xA9\xE4\xB8\xAD|\xC3\x89",
			    "empty matches step over multibyte characters");
		check_split(s, "Abc", "Abc", "no break at the start");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}

	/* Only no-break rules: nothing breaks. */
	path = write_srx("order4.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("no", "\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	srx = load(path, &w);
	free(path);
	if (srx) {
		struct bt_segmenter *s = segmenter(srx, "en");
		check_split(s, "One. Two. Three.", "One. Two. Three.",
			    "positions no break rule speaks for do not break");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}
}

static void
test_java_in_rules(void)
{
	char *path = write_srx("java.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("no", "(?iu)\\bmr\\.", "\\s")
		RULE("no", "(?&lt;=\\s\\p{javaUpperCase})\\.", "\\s")
		RULE("yes", "[\\u3002\\uFF01]", "")
		RULE("yes", "[.?!\\p{InHiragana}]", "\\s+[^\\p{javaLowerCase}]")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	struct warnings w = { 0, 0, "" };
	struct bt_srx *srx = load(path, &w);
	free(path);
	ok(srx != NULL, "rules in Java syntax load");
	is_int(w.n, 0, "without warnings (%s)", w.msg);
	if (!srx)
		return;
	struct bt_segmenter *s = segmenter(srx, "en");
	check_split(s, "Ask MR. Smith. He knows.", "Ask MR. Smith.|He knows.",
		    "(?iu) makes a rule caseless");
	check_split(s, "Ask J. Smith. Ok.", "Ask J. Smith.|Ok.",
		    "a lookbehind with a Java property");
	check_split(s, "It is done. and then. So", "It is done. and then.|So",
		    "[^\\p{javaLowerCase}] in an after-break");
	check_split(s, "\xE5\xA5\xBD\xE3\x80\x82\xE5\x95\x8A\xEF\xBC\x81"
		    "\xE5\xA5\xBD",
		    "\xE5\xA5\xBD\xE3\x80\x82|\xE5\x95\x8A\xEF\xBC\x81|"
		    "\xE5\xA5\xBD", "\\uXXXX in a rule");
	bt_segmenter_free(s);
	bt_srx_free(srx);
}

/* --- cascade and map rules ------------------------------------------- */

/* Language rules A (1 rule), B (2 rules), C (4 rules), so that the rule
 * count of a segmenter tells which of them it got. */
#define ABC_RULES \
	"<languagerules>\n" \
	"<languagerule languagerulename=\"A\">\n" \
	RULE("no", "\\bMr\\.", "\\s") \
	"</languagerule>\n" \
	"<languagerule languagerulename=\"B\">\n" \
	RULE("yes", "\\.", "\\s") \
	RULE("yes", "!", "\\s") \
	"</languagerule>\n" \
	"<languagerule languagerulename=\"C\">\n" \
	RULE("yes", "\\?", "\\s") \
	RULE("yes", "\\?", "\\s") \
	RULE("yes", "\\?", "\\s") \
	RULE("yes", "\\?", "\\s") \
	"</languagerule>\n" \
	"</languagerules>\n"

static size_t
rules_for(struct bt_srx *srx, const char *lang, int *warned)
{
	struct warnings w = { 0, 0, "" };
	struct bt_diag dg = { collect, &w };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_segmenter *s = bt_segmenter_new(srx, lang, &dg, &err);
	size_t n = s ? bt_segmenter_count_rules(s) : (size_t) -1;
	if (warned)
		*warned = w.n;
	bt_segmenter_free(s);
	bt_error_release(&err);
	return n;
}

static void
test_cascade(void)
{
	char *yes;
	yes = write_srx("cascade-yes.srx", "yes", ABC_RULES
			"<maprules>\n"
			"<languagemap languagepattern=\"EN.*\" "
			"languagerulename=\"A\"/>\n"
			"<languagemap languagepattern=\"de\" "
			"languagerulename=\"C\"/>\n"
			"<languagemap languagepattern=\"fr|it\" "
			"languagerulename=\"C\"/>\n"
			"<languagemap languagepattern=\".*\" "
			"languagerulename=\"B\"/>\n"
			"</maprules>\n");
	struct warnings w = { 0, 0, "" };
	struct bt_srx *srx = load(yes, &w);
	free(yes);
	ok(srx != NULL, "cascade=yes file loads");
	if (srx) {
		is_int(bt_srx_count_languages(srx), 3, "three language rules");
		is_int(bt_srx_count_rules(srx), 7, "seven rules");
		is_int(rules_for(srx, "en-US", NULL), 3,
		       "cascade: en-US gets A and B ('EN.*' matches "
		       "'en-US' whatever the case)");
		is_int(rules_for(srx, "en", NULL), 3, "cascade: en gets A+B");
		is_int(rules_for(srx, "EN_gb", NULL), 3,
		       "cascade: EN_gb gets A+B");
		is_int(rules_for(srx, "de", NULL), 6, "cascade: de gets C+B");
		is_int(rules_for(srx, "DE", NULL), 6, "cascade: DE gets C+B");
		is_int(rules_for(srx, "de-AT", NULL), 2,
		       "cascade: 'de' must match the whole code: de-AT gets "
		       "only B");
		is_int(rules_for(srx, "it", NULL), 6,
		       "cascade: 'fr|it' matches it");
		is_int(rules_for(srx, "fr-CA", NULL), 2,
		       "cascade: 'fr|it' does not match fr-CA");
		is_int(rules_for(srx, "ben", NULL), 2,
		       "cascade: 'EN.*' does not match inside 'ben'");
		is_int(rules_for(srx, "zh-CN", NULL), 2,
		       "cascade: zh-CN gets B");

		/* What cascading does to the text: A's no-break rule comes
		 * first and cancels B's break after "Mr.". */
		struct bt_segmenter *s = segmenter(srx, "en-US");
		check_split(s, "Mr. Smith came. He left.",
			    "Mr. Smith came.|He left.",
			    "cascade: en-US uses A's no-break and B's break");
		bt_segmenter_free(s);
		s = segmenter(srx, "ru");
		check_split(s, "Mr. Smith came. He left.",
			    "Mr.|Smith came.|He left.",
			    "cascade: ru uses B only");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}

	char *no = write_srx("cascade-no.srx", "no", ABC_RULES
			     "<maprules>\n"
			     "<languagemap languagepattern=\"EN.*\" "
			     "languagerulename=\"A\"/>\n"
			     "<languagemap languagepattern=\"de\" "
			     "languagerulename=\"C\"/>\n"
			     "<languagemap languagepattern=\".*\" "
			     "languagerulename=\"B\"/>\n"
			     "</maprules>\n");
	srx = load(no, &w);
	free(no);
	ok(srx != NULL, "cascade=no file loads");
	if (srx) {
		is_int(rules_for(srx, "en-US", NULL), 1,
		       "no cascade: en-US gets A only");
		is_int(rules_for(srx, "de", NULL), 4,
		       "no cascade: de gets C only");
		is_int(rules_for(srx, "de-AT", NULL), 2,
		       "no cascade: de-AT gets B");
		struct bt_segmenter *s = segmenter(srx, "en-US");
		check_split(s, "Mr. Smith came. He left.",
			    "Mr. Smith came. He left.",
			    "no cascade: en-US has no break rule at all");
		bt_segmenter_free(s);
		bt_srx_free(srx);
	}

	/* No map matches: a warning, and units stay whole. */
	char *none = write_srx("no-match.srx", "yes", ABC_RULES
			       "<maprules>\n"
			       "<languagemap languagepattern=\"xx\" "
			       "languagerulename=\"B\"/>\n"
			       "</maprules>\n");
	srx = load(none, &w);
	free(none);
	if (srx) {
		int warned = 0;
		is_int(rules_for(srx, "en", &warned), 0,
		       "no map matches: no rules");
		is_int(warned, 1, "no map matches: a warning");
		struct bt_error err = BT_ERROR_INIT;
		struct bt_segmenter *s = bt_segmenter_new(srx, "en", NULL,
							  &err);
		check_split(s, "  One. Two.  ", "One. Two.",
			    "no rules: the unit is one (trimmed) segment");
		bt_segmenter_free(s);
		bt_error_release(&err);
		bt_srx_free(srx);
	}
}

/* --- errors and warnings --------------------------------------------- */

static void
expect_load_error(const char *name, const char *body, const char *marker,
		  enum bt_error_code code, const char *what)
{
	char *path = write_srx(name, "yes", body);
	long line = marker ? line_of(path, marker) : 0;
	struct warnings w = { 0, 0, "" };
	struct bt_diag dg = { collect, &w };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_srx *srx = bt_srx_load(path, &dg, &err);
	ok(srx == NULL, "%s: load fails", what);
	is_int(err.code, code, "%s: error code", what);
	is_str(err.file, path, "%s: the error names the file", what);
	/* Past line 65535 libxml2 only knows an element's line from the
	 * text after it, which may be on the next line. */
	if (marker && line <= 65535)
		is_int(err.line, line, "%s: the error names line %ld", what,
		       line);
	else if (marker)
		ok(err.line == line || err.line == line + 1,
		   "%s: the error names line %ld (got %ld)", what, line,
		   err.line);
	ok(err.msg && *err.msg, "%s: with a message (%s)", what,
	   err.msg ? err.msg : "");
	bt_srx_free(srx);
	bt_error_release(&err);
	free(path);
}

static void
test_errors(void)
{
	expect_load_error("unbalanced.srx",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("yes", "\\.", "\\s")
		"<rule break=\"yes\"><!-- bad -->\n"
		"<beforebreak>(abc</beforebreak>\n"
		"<afterbreak>\\s</afterbreak>\n</rule>\n"
		RULE("yes", "!", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n",
		"<rule break=\"yes\"><!-- bad -->", BT_ESYNTAX,
		"a rule with an unbalanced parenthesis");

	expect_load_error("bad-after.srx",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("yes", "\\.", "\\s")
		"<rule break=\"no\"><!-- bad -->\n"
		"<beforebreak>x</beforebreak>\n"
		"<afterbreak>[a-</afterbreak>\n</rule>\n"
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n",
		"<rule break=\"no\"><!-- bad -->", BT_ESYNTAX,
		"a rule with a broken after-break");

	expect_load_error("backslash.srx",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		"<rule break=\"yes\">\n"
		"<beforebreak>\\.</beforebreak>\n"
		"<afterbreak>\\s</afterbreak>\n</rule>\n"
		"<rule break=\"yes\"><!-- bad -->\n"
		"<beforebreak>abc\\</beforebreak>\n"
		"</rule>\n"
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n",
		"<rule break=\"yes\"><!-- bad -->", BT_ESYNTAX,
		"a rule ending in a backslash");

	expect_load_error("bad-map.srx",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("yes", "\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n"
		"<languagemap languagepattern=\"en\" "
		"languagerulename=\"L\"/>\n"
		"<languagemap languagepattern=\"(en\" "
		"languagerulename=\"L\"/><!-- bad -->\n"
		"</maprules>\n",
		"<languagemap languagepattern=\"(en\"", BT_ESYNTAX,
		"a map pattern that does not compile");

	/* A big file: the line is right past line 65535 too (libxml2
	 * keeps line numbers in 16 bits unless asked for more). */
	struct bt_buf big = BT_BUF_INIT;
	bt_buf_addstr(&big, "<languagerules>\n"
		      "<languagerule languagerulename=\"L\">\n");
	for (int i = 0; i < 35000; i++)
		bt_buf_addstr(&big, RULE("yes", "\\.", "\\s"));
	bt_buf_addstr(&big, "<rule break=\"yes\"><!-- bad -->\n"
		      "<beforebreak>(abc</beforebreak>\n</rule>\n"
		      "</languagerule>\n</languagerules>\n");
	expect_load_error("big.srx", big.data,
			  "<rule break=\"yes\"><!-- bad -->", BT_ESYNTAX,
			  "a broken rule after line 65535");
	bt_buf_release(&big);

	expect_load_error("malformed.srx",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		"<rule break=\"yes\">\n"
		"<beforebreak>\\.</afterbreak>\n"
		"</rule>\n"
		"</languagerule>\n</languagerules>\n",
		NULL, BT_ESYNTAX, "malformed XML");

	/* Not an SRX document at all. */
	char *path = t_path(work, "other.xml");
	t_write(path, "<?xml version=\"1.0\"?>\n<html><body/></html>\n", 43);
	struct bt_error err = BT_ERROR_INIT;
	struct bt_srx *srx = bt_srx_load(path, NULL, &err);
	ok(srx == NULL && err.code == BT_ESYNTAX,
	   "an XML file that is not SRX: BT_ESYNTAX");
	bt_srx_free(srx);
	bt_error_release(&err);
	t_write(path, "", 0);
	srx = bt_srx_load(path, NULL, &err);
	ok(srx == NULL && err.code == BT_ESYNTAX, "an empty file: BT_ESYNTAX");
	bt_srx_free(srx);
	bt_error_release(&err);
	t_write(path, "\x01\x02garbage", 9);
	srx = bt_srx_load(path, NULL, &err);
	ok(srx == NULL && err.code == BT_ESYNTAX, "garbage: BT_ESYNTAX");
	bt_srx_free(srx);
	bt_error_release(&err);
	free(path);

	path = t_path(work, "no-such-file.srx");
	srx = bt_srx_load(path, NULL, &err);
	ok(srx == NULL, "a missing file: load fails");
	is_int(err.code, BT_EIO, "a missing file: BT_EIO");
	is_str(err.file, path, "a missing file: named");
	bt_srx_free(srx);
	bt_error_release(&err);
	free(path);
}

static void
test_warnings(void)
{
	/* Class intersection: a Java feature PCRE2 lacks. */
	char *path = write_srx("intersection.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("no", "\\bMr\\.", "\\s")
		"<rule break=\"yes\"><!-- unsupported -->\n"
		"<beforebreak>[a-z&amp;&amp;[^aeiou]]\\.</beforebreak>\n"
		"<afterbreak>\\s</afterbreak>\n</rule>\n"
		RULE("yes", "[.!?]", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	long line = line_of(path, "<!-- unsupported -->");
	struct warnings w = { 0, 0, "" };
	struct bt_diag dg = { collect, &w };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_srx *srx = bt_srx_load(path, &dg, &err);
	ok(srx != NULL, "a rule with class intersection: the file loads");
	is_int(err.code, BT_OK, "and no error is left behind");
	is_int(w.n, 1, "one warning through the diag callback");
	is_int(w.line, line, "the warning names the rule's line");
	ok(strstr(w.msg, "&&") != NULL, "the warning names the construct "
	   "(%s)", w.msg);
	if (srx) {
		is_int(bt_srx_count_rules(srx), 2, "the rule is skipped");
		struct bt_segmenter *s = segmenter(srx, "en");
		check_split(s, "Ask Mr. Smith. Then go!", "Ask Mr. Smith.|"
			    "Then go!", "the other rules still apply");
		bt_segmenter_free(s);
	}
	bt_srx_free(srx);
	bt_error_release(&err);

	/* Without a diag callback the warning is dropped, not an error. */
	srx = bt_srx_load(path, NULL, &err);
	ok(srx != NULL, "the same file loads without a diag callback");
	bt_srx_free(srx);
	bt_error_release(&err);
	free(path);

	/* A map rule naming a language rule that does not exist. */
	path = write_srx("unknown-lang.srx", "yes",
		"<languagerules>\n"
		"<languagerule languagerulename=\"L\">\n"
		RULE("yes", "\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n"
		"<languagemap languagepattern=\"en.*\" "
		"languagerulename=\"Nowhere\"/>\n"
		"<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n");
	line = line_of(path, "Nowhere");
	w.n = 0;
	srx = bt_srx_load(path, &dg, &err);
	ok(srx != NULL, "a map to an unknown language rule: loads");
	is_int(w.n, 1, "with a warning");
	is_int(w.line, line, "on the map's line");
	ok(strstr(w.msg, "Nowhere") != NULL, "naming it (%s)", w.msg);
	if (srx)
		is_int(rules_for(srx, "en", NULL), 1,
		       "the unknown rule contributes nothing");
	bt_srx_free(srx);
	bt_error_release(&err);
	free(path);

	/* Another SRX version: a warning, read as 2.0. */
	path = t_path(work, "v1.srx");
	static const char v1[] =
		"<?xml version=\"1.0\"?>\n"
		"<srx version=\"1.0\">\n"
		"<header cascade=\"yes\"/>\n<body>\n"
		"<languagerules>\n<languagerule languagerulename=\"L\">\n"
		RULE("yes", "\\.", "\\s")
		"</languagerule>\n</languagerules>\n"
		"<maprules>\n<languagemap languagepattern=\".*\" "
		"languagerulename=\"L\"/>\n</maprules>\n"
		"</body>\n</srx>\n";
	t_write(path, v1, sizeof(v1) - 1);
	w.n = 0;
	srx = bt_srx_load(path, &dg, &err);
	ok(srx != NULL, "SRX 1.0 loads");
	is_int(w.n, 1, "with a warning about the version");
	bt_srx_free(srx);
	bt_error_release(&err);
	free(path);
}

/* --- the default rules ----------------------------------------------- */

static void
test_default_rules(void)
{
	const char *dir = getenv("BITEXT_DATADIR");
	char want[4096];
	snprintf(want, sizeof(want), "%s/srx/bitext.srx", dir ? dir : "");
	if (dir)
		is_str(bt_srx_default_path(), want,
		       "the default path follows BITEXT_DATADIR");
	else
		diag("BITEXT_DATADIR is not set");

	struct warnings w = { 0, 0, "" };
	struct bt_diag dg = { collect, &w };
	struct bt_error err = BT_ERROR_INIT;
	struct bt_srx *srx = bt_srx_load(bt_srx_default_path(), &dg, &err);
	ok(srx != NULL, "the default rules load (%s)",
	   srx ? bt_srx_default_path() : err.msg);
	is_int(w.n, 0, "without warnings (%s)", w.msg);
	bt_error_release(&err);
	if (!srx)
		return;
	static const char *const langs[] = {
		"en", "de", "fr", "es", "it", "pt", "ru", "ja", "ko", "zh-CN",
		"zh-TW",
	};
	for (size_t i = 0; i < BT_ARRAY_SIZE(langs); i++) {
		int warned = 0;
		size_t n = rules_for(srx, langs[i], &warned);
		ok(n > 0 && n != (size_t) -1, "default rules for %s: %zu",
		   langs[i], n);
		is_int(warned, 0, "default rules for %s: no warning",
		       langs[i]);
	}
	struct bt_segmenter *s = segmenter(srx, "en");
	check_split(s, "This is one sentence. This is another one.",
		    "This is one sentence.|This is another one.",
		    "default rules: two English sentences");
	bt_segmenter_free(s);
	s = segmenter(srx, "zh-CN");
	check_split(s, "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94"
		    "\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE4\xBB"
		    "\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE5\x90\xA7"
		    "\xEF\xBC\x81",
		    "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94"
		    "\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82|\xE6\x88\x91\xE4\xBB"
		    "\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE5\x90\xA7"
		    "\xEF\xBC\x81", "default rules: two Chinese sentences");

	/* <b>第一句！</b>第二句。: the closing code ends the first sentence. */
	struct bt_unit *u = bt_unit_new();
	bt_content_add_code(&u->source, BT_CODE_OPEN, 1, "fmt", "<b>", 3);
	bt_content_add_text(&u->source, "\xE7\xAC\xAC\xE4\xB8\x80"
			    "\xE5\x8F\xA5\xEF\xBC\x81", 12);
	bt_content_add_code(&u->source, BT_CODE_CLOSE, 1, "fmt", "</b>", 4);
	bt_content_add_text(&u->source, "\xE7\xAC\xAC\xE4\xBA\x8C"
			    "\xE5\x8F\xA5\xE3\x80\x82", 12);
	ok(bt_segmenter_split(s, u, &err) == 0 && u->n_segments == 2
	   && u->segments[0].end == 2 * BT_MARK_LEN + 12,
	   "a break before a closing code moves after it");
	bt_unit_free(u);
	bt_segmenter_free(s);
	bt_srx_free(srx);
}

int
main(void)
{
	work = t_workdir("test-srx");
	test_basic();
	test_rule_order();
	test_java_in_rules();
	test_cascade();
	test_errors();
	test_warnings();
	test_default_rules();
	t_cleanup(work);
	return done_testing();
}
