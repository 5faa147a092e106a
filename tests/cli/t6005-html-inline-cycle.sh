#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Inline codes survive a full translation cycle: extract to XLIFF 2.1, a
# Python/lxml "translator" changes every segment's text and moves its last
# inline code (<pc> or <ph>) to the front, merge; the page parses (lxml.html
# and html.parser), has the same start and end tags as the source, each
# translated segment is in it in the translator's order with its codes as
# their original markup, and <html lang> is the target language.  A broken
# output must fail the same check.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"

cycle() {	# FILE SRCLANG TRGLANG [xhtml]
	cy_file=$1 cy_name=$(basename "$1")
	run_bitext extract -s "$2" -t "$3" -o "$work/$cy_name.xlf" "$cy_file"
	expect_status 0
	checks=$((checks + 1))
	"$PY" "$hdata/cycle.py" translate "$work/$cy_name.xlf" \
		"$work/$cy_name.$3.xlf" || fail "cycle.py translate $cy_name"
	run_bitext merge --missing fail -o "$work/$cy_name.$3.out" \
		"$work/$cy_name.$3.xlf"
	expect_status 0
	checks=$((checks + 1))
	"$PY" "$hdata/cycle.py" check "$cy_file" "$work/$cy_name.$3.out" \
		"$work/$cy_name.$3.xlf" "$3" ${4:-} ||
		fail "cycle.py check $cy_name"
}

cycle "$hdata/docs-install.html" en de
cycle "$hdata/news-zh-CN.html" zh-CN en
cycle "$hdata/legacy-cafe.html" fr zh-CN
cycle "$hdata/legacy-tea-gb2312.html" zh-CN fr
# html.parser does not know RCDATA (the torture test's <textarea>): only
# the segments and the parse are checked there.
cycle "$hdata/torture.html" en ja loose
cycle "$hdata/epub-chapter.xhtml" en zh-TW xhtml
cycle "$top_srcdir/corpora/udhr/cmn_hans.html" zh-CN en

# The check can fail: drop a closing tag, swap two codes back, lose the lang.
out="$work/docs-install.html.de.out"
sed '0,/<\/strong>/s///' "$out" >"$work/broken1.html"
sed 's/lang="de"/lang="en"/' "$out" >"$work/broken2.html"
sed '0,/<kbd>/s///' "$out" >"$work/broken3.html"
for b in broken1 broken2 broken3; do
	checks=$((checks + 1))
	cmp -s "$work/$b.html" "$out" && fail "$b: the sed changed nothing"
	if "$PY" "$hdata/cycle.py" check "$hdata/docs-install.html" \
		"$work/$b.html" "$work/docs-install.html.de.xlf" de \
		2>/dev/null >&2; then
		fail "cycle.py check accepts $b.html"
	fi
done
finish
