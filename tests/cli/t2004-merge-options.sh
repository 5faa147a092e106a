#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# merge's choices: --missing source|empty|fail, --min-state, --source
# (a changed source is refused, naming its units; read with extract's
# --its), several files into a folder, and never writing over the input.
. "$top_srcdir/tests/cli/lib.sh"

printf 'First sentence. Second sentence.\n\nOther paragraph.\n' >"$work/doc.txt"
run_bitext extract --srclang en --trglang de -o "$work/doc.xlf" "$work/doc.txt"
expect_status 0
run_bitext segment --lang en --format tsv "$work/doc.txt"
cp "$work/stdout" "$work/doc.tsv"
first=$(head -n 1 "$work/doc.tsv" | cut -f1)
other=$(tail -n 1 "$work/doc.tsv" | cut -f1)
printf '%s\t1\tErster Satz.\n' "$first" >"$work/part.tsv"
"$BT_TEST_TOOL" fill-targets "$work/doc.xlf" "$work/part.tsv" \
	"$work/part.xlf" translated || fail "fill-targets"

# Default: keep the source text, warn naming the units.
run_bitext merge -o "$work/out.txt" "$work/part.xlf"
expect_status 0
expect_stderr_match "warning: 2 segments of file 'f1' have no usable translation; their source text was kept \(units $first, $other\)"
printf 'Erster Satz. Second sentence.\n\nOther paragraph.\n' >"$work/expect"
expect_same "$work/out.txt" "$work/expect"

run_bitext merge --missing empty -o "$work/out2.txt" "$work/part.xlf"
expect_status 0
printf 'Erster Satz. \n\n\n' >"$work/expect2"
expect_same "$work/out2.txt" "$work/expect2"

run_bitext merge --missing fail -o "$work/out3.txt" "$work/part.xlf"
expect_status 1
expect_stderr_match "2 segments of file 'f1' have no usable translation \(units $first, $other\)"
expect_no_file "$work/out3.txt"

# --min-state: a translated target is not reviewed.
run_bitext merge --min-state reviewed --missing fail -o "$work/out4.txt" \
	"$work/part.xlf"
expect_status 1
expect_stderr_match "3 segments"
expect_no_file "$work/out4.txt"

# --source: the same source passes; a changed one is refused.
run_bitext merge --source "$work/doc.txt" -o "$work/out5.txt" "$work/part.xlf"
expect_status 0
printf 'First sentence. Second sentence.\n\nOther paragraph, changed.\n' \
	>"$work/changed.txt"
run_bitext merge --source "$work/changed.txt" -o "$work/out6.txt" \
	"$work/part.xlf"
expect_status 1
expect_stderr_match "changed.txt: the source has changed since the XLIFF was extracted: units $other, new text 'Other paragraph, changed.'"
expect_no_file "$work/out6.txt"

# A source extracted with --its is read with the same rules: only the
# string that changed is named (without them the file holds other units).
xml="$top_srcdir/tests/data/formats/xml"
run_bitext extract -s en -t de --its "$xml/android.its" -o "$work/trail.xlf" \
	"$xml/trailhead-strings.xml"
expect_status 0
sed 's/Moderate/Medium/' "$xml/trailhead-strings.xml" >"$work/trail2.xml"
run_bitext merge --source "$work/trail2.xml" --its "$xml/android.its" \
	-o "$work/trail.out" "$work/trail.xlf"
expect_status 1
expect_stderr_match "the source has changed since the XLIFF was extracted: units u[0-9a-f]{8}, new text 'Medium'$"
run_bitext merge --source "$xml/trailhead-strings.xml" \
	--its "$xml/android.its" -o "$work/trail.out" "$work/trail.xlf"
expect_status 0
expect_same "$work/trail.out" "$xml/trailhead-strings.xml"

# Never over the input.
run_bitext merge -o "$work/part.xlf" "$work/part.xlf"
expect_status 2
expect_stderr_match 'refusing to write over the input file'

# Several files: -o names a folder; each document keeps its name.
printf 'Another file.\n' >"$work/two.txt"
run_bitext extract --srclang en -o "$work/multi.xlf" "$work/doc.txt" \
	"$work/two.txt"
expect_status 0
run_bitext merge -o "$work/nofolder.txt" "$work/multi.xlf"
expect_status 2
expect_stderr_match 'holds 2 files: --output must name an existing folder'
expect_no_file "$work/nofolder.txt"
mkdir "$work/outdir"
run_bitext merge -o "$work/outdir" "$work/multi.xlf"
expect_status 0
expect_same "$work/outdir/$work/doc.txt" "$work/doc.txt"
expect_same "$work/outdir/$work/two.txt" "$work/two.txt"
finish
