#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# HTML on standard input: extract keeps a copy, so the declared charset is
# read as from a file; segment reads the stream once, so a legacy page
# there needs --encoding (UTF-8 otherwise).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

"$BITEXT" extract -s zh-CN --format html -o "$work/news.xlf" - \
	<"$hdata/news-zh-CN.html" 2>"$work/stderr"
status=$?
last_cmd="bitext extract - <news-zh-CN.html"
expect_status 0
run_bitext merge -o "$work/news.out" "$work/news.xlf"
expect_status 0
expect_same "$work/news.out" "$hdata/news-zh-CN.html"

"$BITEXT" extract -s fr --format html -o "$work/cafe.xlf" - \
	<"$hdata/legacy-cafe.html" 2>"$work/stderr"
status=$?
last_cmd="bitext extract - <legacy-cafe.html"
expect_status 0
checks=$((checks + 1))
grep -q 'Le Café du Coin - Lyon 2e' "$work/cafe.xlf" ||
	fail "the ISO-8859-1 page from stdin is not decoded"
run_bitext merge -o "$work/cafe.out" "$work/cafe.xlf"
expect_status 0
expect_same "$work/cafe.out" "$hdata/legacy-cafe.html"

"$BITEXT" segment --format tsv --filter html - <"$hdata/news-zh-CN.html" \
	>"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="bitext segment - <news-zh-CN.html"
expect_status 0
expect_stdout_match '	1	三大亮点$'
"$BITEXT" segment --format tsv --filter html --encoding GBK --lang zh-CN - \
	<"$hdata/legacy-tea-gb2312.html" >"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="bitext segment --encoding GBK - <legacy-tea-gb2312.html"
expect_status 0
expect_stdout_match '	1	本站公告$'
"$BITEXT" segment --format tsv --filter html --lang zh-CN - \
	<"$hdata/legacy-tea-gb2312.html" >"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="bitext segment - <legacy-tea-gb2312.html"
expect_status 2
expect_stderr_match 'UTF-8 at byte offset 88'
finish
