#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Word counts of Chinese, Japanese and Korean in the three --cjk-words
# modes (README.md, "Word counting").
#
# Default (ideographs): each Han ideograph and each kana is a word; Korean
# counts its space-delimited words (eojeol), as Korean is written with
# spaces: a Hangul syllable is not a word by itself.  Numbers between
# ideographs are words.  gmx: CJK characters divided by the factor of the
# file's source language (zh 2.8, ja 3.0, ko 3.3), rounded once per state
# and file.  spaces: space-delimited runs, as pocount.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

# cjk.xlf: zh1 一年来，中国积极开展抗疫国际合作。 (15 ideographs,
# translated); zh2 2020年5月18日，世界卫生大会开幕。 (3 numbers, 11
# ideographs); ja1 日本語のテキストを数えます。 (4 kanji, 9 kana); ko1
# 모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.
# (10 words, 29 Hangul syllables).
coverage_csv "$data/cjk.xlf"
expect_status 0
# 15 + (3 + 11) + 13 + 10
expect_states "$work/out.csv" words "52 37 0 15 0 0 0"
expect_value "$work/out.csv" file language zh-CN

# One file per language, to see each alone.
sed -n '1,4p' "$data/cjk.xlf" >"$work/head"
for lang in zh ja ko; do
	{
		cat "$work/head"
		awk -v l="$lang" '
			/<file / { on = index($0, "original=\"" l ".txt\"") > 0 }
			on { print }
			/<\/file>/ { on = 0 }' "$data/cjk.xlf"
		echo '</xliff>'
	} >"$work/$lang.xlf"
done
coverage_csv "$work/zh.xlf"
expect_value "$work/out.csv" total words_total 29
coverage_csv "$work/ja.xlf"
expect_value "$work/out.csv" total words_total 13
coverage_csv "$work/ko.xlf"
expect_value "$work/out.csv" total words_total 10
expect_value "$work/out.csv" total chars_total 30

# gmx: zh 15 / 2.8 = 5.4 -> 5 translated; untranslated: 3 numbers +
# (11 / 2.8 + 13 / 3.0 + 29 / 3.3 = 17.05 -> 17).
coverage_csv --cjk-words gmx "$data/cjk.xlf"
expect_states "$work/out.csv" words "25 20 0 5 0 0 0"
coverage_csv --cjk-words gmx "$work/ja.xlf"
expect_value "$work/out.csv" total words_total 4
coverage_csv --cjk-words gmx "$work/ko.xlf"
expect_value "$work/out.csv" total words_total 9
# The factor follows the source language: the same Han text in a file
# that says it is Japanese is divided by 3.0.
sed 's/source-language="zh-CN"/source-language="ja-JP"/' "$work/zh.xlf" \
	>"$work/zh-as-ja.xlf"
coverage_csv --cjk-words gmx "$work/zh-as-ja.xlf"
# 3 numbers + 26 ideographs / 3.0 = 8.67: 5 translated, 3 + 4 others
expect_states "$work/out.csv" words "12 7 0 5 0 0 0"

# spaces: one word per space-delimited run, as pocount.
coverage_csv --cjk-words spaces "$data/cjk.xlf"
expect_states "$work/out.csv" words "13 12 0 1 0 0 0"

# Characters do not depend on the mode (white space is not counted).
for mode in ideographs gmx spaces; do
	coverage_csv --cjk-words "$mode" "$data/cjk.xlf"
	expect_value "$work/out.csv" total chars_total 81
done

# A bad mode is a usage error.
run_bitext coverage --cjk-words chars "$data/cjk.xlf"
expect_status 2
expect_stderr_match "unknown --cjk-words mode 'chars'"
finish
