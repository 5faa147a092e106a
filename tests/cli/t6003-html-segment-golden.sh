#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `bitext segment` on HTML: the UDHR in English gives the title, headings
# and the articles' sentences (golden file), with the language taken from
# <html lang>; the documentation page gives its units with their inline
# markup and attribute units (golden file).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

udhr="$top_srcdir/corpora/udhr"
[ -f "$udhr/eng.html" ] || skip "no UDHR in corpora/udhr"

# No --lang: the page says lang="en".
run_bitext segment --format tsv "$udhr/eng.html"
expect_status 0
expect_same "$work/stdout" "$hdata/eng.segments.tsv"

run_bitext segment --format tsv "$hdata/docs-install.html"
expect_status 0
expect_same "$work/stdout" "$hdata/docs-install.segments.tsv"

# Text format and JSON give the same units.
run_bitext segment --format json "$udhr/eng.html"
expect_status 0
expect_stdout_match '"filter": "html"'
expect_stdout_match '"language": "en"'
checks=$((checks + 1))
n_json=$(grep -c '"id":"u' "$work/stdout")
n_tsv=$(cut -f1 "$hdata/eng.segments.tsv" | sort -u | wc -l)
[ "$n_json" -eq "$n_tsv" ] || fail "JSON has $n_json units, TSV $n_tsv"
finish
