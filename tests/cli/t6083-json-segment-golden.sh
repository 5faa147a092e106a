#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: `bitext segment --format tsv` on the i18next files, English
# and Chinese, gives the golden units and sentences (inline codes shown as
# their original text).
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/json"
for f in en:en.json zh-CN:zh-CN.json; do
	lang=${f%%:*} file=${f#*:}
	run_bitext segment --lang "$lang" --format tsv "$data/$file"
	expect_status 0
	checks=$((checks + 1))
	[ -s "$work/stderr" ] && fail "$file: warnings: $(cat "$work/stderr")"
	expect_same "$work/stdout" "$data/$file.tsv"
done
finish
