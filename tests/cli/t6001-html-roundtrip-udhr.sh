#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The html filter on the UDHR pages of corpora/udhr (nine languages:
# Arabic, Chinese Simplified and Traditional, English, French, German,
# Korean, Russian, Spanish): extract then merge with no translation gives
# each page back byte for byte, through XLIFF 2.1, 2.0 and 1.2, and after
# convert 2.1 -> 1.2 -> 2.1; every heading and paragraph is a unit.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

udhr="$top_srcdir/corpora/udhr"
[ -f "$udhr/eng.html" ] || skip "no UDHR in corpora/udhr"

n=0
for f in "$udhr"/*.html; do
	n=$((n + 1))
	name=$(basename "$f" .html)
	case $name in
	arb) lang=ar ;; cmn_hans) lang=zh-CN ;; cmn_hant) lang=zh-TW ;;
	deu_1996) lang=de ;; eng) lang=en ;; fra) lang=fr ;; kor) lang=ko ;;
	rus) lang=ru ;; spa) lang=es ;; *) lang=en ;;
	esac
	html_roundtrip "$f" "$lang" "$name"
	# Title, h1, the preamble, 30 articles with their h2 and paragraphs.
	expect_units_at_least "$work/$name.2.1.xlf" 90
	run_bitext convert --to xliff1.2 -o "$work/$name.c12.xlf" \
		"$work/$name.2.1.xlf"
	expect_status 0
	run_bitext convert --to xliff2.1 -o "$work/$name.c21.xlf" \
		"$work/$name.c12.xlf"
	expect_status 0
	run_bitext merge -o "$work/$name.c21.out" "$work/$name.c21.xlf"
	expect_status 0
	expect_same "$work/$name.c21.out" "$f"
	# The file names its filter and its encoding in the skeleton.
	checks=$((checks + 1))
	grep -q 'datatype="html"' "$work/$name.1.2.xlf" ||
		fail "$name: the XLIFF 1.2 does not say datatype html"
done
checks=$((checks + 1))
[ "$n" -eq 9 ] || fail "expected the 9 UDHR pages, found $n"

# Headings and paragraphs, not the markup around them.
run_bitext segment --format tsv "$udhr/eng.html"
expect_status 0
expect_stdout_match '	1	Universal Declaration of Human Rights$'
expect_stdout_match '	1	Article 30$'
checks=$((checks + 1))
! grep -q '<' "$work/stdout" || fail "markup in the segments of eng.html"
finish
