#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed article (Chinese) against a natural English translation whose
# sentences are merged, split and once added as a translator would
# (corpora/seed/health-community.en-natural.txt), scored against its
# hand-checked gold alignment, with and without bitext's own dictionary
# and in both directions; and the TMX that comes out valid against the
# TMX 1.4 DTD, with the score and bead type of each <tu>.
. "$top_srcdir/tests/cli/lib.sh"

seed="$top_srcdir/corpora/seed"
zh="$seed/health-community.zh-CN.txt"
en="$seed/health-community.en-natural.txt"
gold="$seed/health-community.zh-en.gold"
score="$top_srcdir/tests/cli/align-score.awk"

# expect_f1 BEADS MIN WHAT: the strict F1 of BEADS against the gold is
# MIN or more.
expect_f1() {
	checks=$((checks + 1))
	f1=$(awk -f "$score" "$gold" "$1" | awk '$1 == "strict" { print $4 }')
	if awk -v f="$f1" -v min="$2" 'BEGIN { exit !(f >= min) }'; then
		pass "seed $3: strict F1 $f1"
	else
		fail "seed $3: strict F1 $f1 < $2"
	fi
}

# Without any dictionary: lengths, paragraphs, numbers, dates, names.
run_bitext align --no-dict -s zh-CN -t en -f beads -o "$work/seed.beads" \
	"$zh" "$en"
expect_status 0
expect_stderr_match 'dictionary: none'
expect_f1 "$work/seed.beads" 0.85 "zh-en without a dictionary"

# With bitext's own Chinese-English dictionary (CC-CEDICT, taken by
# default for the pair), every bead of the gold but the one the
# translator added (a sentence explaining what the Africa CDC is, which
# the aligner joins to the sentence before it).
run_bitext align -s zh-CN -t en -f beads -o "$work/dict.beads" "$zh" "$en"
expect_status 0
expect_stderr_match 'dictionary: .*dict/zh-en\.dic \([0-9]+ entries\)'
diff "$gold" "$work/dict.beads" >"$work/dict.diff"
checks=$((checks + 1))
if [ "$(grep -c '^[<>]' "$work/dict.diff")" -ne 3 ] \
   || ! grep -q '^> \[29\]:\[31, 32\]$' "$work/dict.diff"; then
	fail "seed zh-en with the dictionary differs from the gold:"
	cat "$work/dict.diff"
fi

# The other way round (English source, Chinese target), the same
# dictionary read backwards: the gold's beads mirrored, all but two.
run_bitext align -s en -t zh-CN -f beads -o "$work/rev.beads" "$en" "$zh"
expect_status 0
expect_stderr_match 'dictionary: .*zh-en\.dic \([0-9]+ entries, read the other way round\)'
awk -F: '{ print $2 ":" $1 }' "$work/rev.beads" >"$work/rev-mirrored.beads"
expect_f1 "$work/rev-mirrored.beads" 0.9 "en-zh with the dictionary reversed"

# A dictionary given with --dict replaces bitext's own.
printf 'WHO @ 世卫组织\n' >"$work/one.dic"
run_bitext align --dict "$work/one.dic" -s zh-CN -t en -f beads \
	-o "$work/one.beads" "$zh" "$en"
expect_status 0
expect_stderr_match 'dictionary: .*one\.dic \(1 entry\)'

# TMX: valid, one <tu> per bead, with its score and bead type.
run_bitext align -s zh-CN -t en -o "$work/seed.tmx" "$zh" "$en"
expect_status 0
expect_stderr_match 'mean score: 0\.[0-9]{3}'
checks=$((checks + 1))
tus=$(grep -c '<tu>' "$work/seed.tmx")
scores=$(grep -c '<prop type="x-bitext-score">[01]\.[0-9][0-9][0-9]</prop>' \
	"$work/seed.tmx")
beads=$(grep -c '<prop type="x-bitext-bead">[0-3]-[0-3]</prop>' \
	"$work/seed.tmx")
if [ "$tus" -ne "$(wc -l <"$work/seed.beads")" ] || [ "$tus" -ne "$scores" ] \
   || [ "$tus" -ne "$beads" ]; then
	fail "TMX: $tus <tu>, $scores scores, $beads bead types"
fi
expect_stdout_empty
dtd="$top_srcdir/data/schemas/tmx14.dtd"
if [ -f "$dtd" ] && command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1; then
	checks=$((checks + 1))
	if ! "${XMLLINT:-xmllint}" --noout --nonet --dtdvalid "$dtd" \
		"$work/seed.tmx" 2>"$work/xmllint.err"; then
		fail "the TMX does not validate against tmx14.dtd"
		head -5 "$work/xmllint.err"
	fi
else
	printf 'note: no data/schemas/tmx14.dtd or xmllint; TMX not validated\n'
fi
finish
