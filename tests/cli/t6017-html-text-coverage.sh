#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# No text lost: a cross-check against libxml2's HTML parser (lxml.html).
# Every text node it finds with a letter or digit, outside script, style,
# template, svg, math, comments and translate="no", is inside a unit of
# the XLIFF, on every sample page, every UDHR page and a generated page.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"

covered() {	# FILE LANG [ENCODING]
	cv_name=$(basename "$1")
	run_bitext extract -s "$2" -o "$work/$cv_name.xlf" "$1"
	expect_status 0
	checks=$((checks + 1))
	"$PY" "$hdata/coverage.py" "$1" "$work/$cv_name.xlf" ${3:-utf-8} ||
		fail "text of $cv_name not in its units"
}
covered "$hdata/docs-install.html" en
covered "$hdata/news-zh-CN.html" zh-CN
covered "$hdata/legacy-cafe.html" fr cp1252
covered "$hdata/legacy-tea-gb2312.html" zh-CN gbk
covered "$hdata/epub-chapter.xhtml" en
for f in "$top_srcdir"/corpora/udhr/*.html; do
	covered "$f" en
done
CORPORA="$top_srcdir/corpora" sh "$top_srcdir/bench/make-html.sh" \
	"$work/gen.html" 1 || fail "make-html.sh"
covered "$work/gen.html" en

# The check can fail: a page whose paragraph the filter would have lost.
printf '<html><body><p>Kept.</p><p>Lost paragraph.</p></body></html>\n' \
	>"$work/lost.html"
run_bitext extract -s en -o "$work/lost.xlf" "$work/lost.html"
sed 's/Lost paragraph\./Other text./' "$work/lost.xlf" >"$work/lost2.xlf"
checks=$((checks + 1))
if "$PY" "$hdata/coverage.py" "$work/lost.html" "$work/lost2.xlf" \
	>/dev/null 2>&1; then
	fail "coverage.py misses a lost paragraph"
fi
finish
