#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed article: extract -> targets filled from the English fixture
# (corpora/seed/health-community.en-sentences.tsv, one target per source
# sentence) -> merge -> the English article in the original layout: one
# line, paragraphs after two ideographic spaces, sentences of a paragraph
# separated by one space (the Chinese had none).  For each XLIFF version.
. "$top_srcdir/tests/cli/lib.sh"

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
en="$top_srcdir/corpora/seed/health-community.en-sentences.tsv"
# The expected article, built from the fixture.
awk -F'\t' '{ if ($1 != unit) { if (unit != "") printf "　　"; unit = $1 }
	      else printf " "; printf "%s", $3 }' "$en" >"$work/expect.txt"

for v in 2.1 2.0 1.2; do
	run_bitext extract --xliff "$v" --srclang zh-CN --trglang en \
		-o "$work/seed.$v.xlf" "$seed"
	expect_status 0
	"$BT_TEST_TOOL" fill-targets "$work/seed.$v.xlf" "$en" \
		"$work/en.$v.xlf" || fail "fill-targets $v"
	run_bitext merge -o "$work/en.$v.txt" "$work/en.$v.xlf"
	expect_status 0
	checks=$((checks + 1))
	[ -s "$work/stderr" ] && fail "merge $v warned: $(cat "$work/stderr")"
	expect_same "$work/en.$v.txt" "$work/expect.txt"
	# All translated: --missing fail and --min-state translated pass.
	run_bitext merge --missing fail --min-state translated \
		-o "$work/en2.$v.txt" "$work/en.$v.xlf"
	expect_status 0
	expect_same "$work/en2.$v.txt" "$work/expect.txt"
done
# The same through TMX: XLIFF -> TMX holds one <tu> per sentence.
run_bitext convert --to tmx -o "$work/seed.tmx" "$work/en.2.1.xlf"
expect_status 0
checks=$((checks + 1))
[ "$(grep -c '<tu ' "$work/seed.tmx")" -eq "$(wc -l <"$en")" ] ||
	fail "the TMX does not hold one <tu> per sentence"
finish
