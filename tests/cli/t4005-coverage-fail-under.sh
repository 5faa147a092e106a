#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --fail-under: exit status 0 at or over the threshold, 1 under it with a
# message naming the files that pull the total down (lowest first, ten at
# most); a file that cannot be read is reported with its location, the
# others are still counted, and the status is 2.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

# xliff21-states.xlf: 23 of 32 words translated or better (71.87%),
# 8 of 11 segments, 7 of 32 words reviewed or better (21.87%).
x2="$data/xliff21-states.xlf"

run_bitext coverage --fail-under 71 "$x2"
expect_status 0
run_bitext coverage --fail-under 71.875 "$x2"
expect_status 0
run_bitext coverage --fail-under 72 "$x2"
expect_status 1
expect_stderr_match "^bitext: coverage 71\.8% of words \(translated or better\) is under 72\.0%; files under it: .*xliff21-states\.xlf \(71\.8%\)$"
# The report is still written, with the verdict in it.
expect_stdout_match "under the threshold of 72\.0%"
run_bitext coverage --fail-under 72 --measure segments "$x2"
expect_status 0
run_bitext coverage --fail-under 22 --min-state reviewed "$x2"
expect_status 1
expect_stderr_match "of words \(reviewed or better\) is under 22\.0%"
run_bitext coverage --fail-under 0 "$x2"
expect_status 0
run_bitext coverage --fail-under 100% "$x2"
expect_status 1

# Several files: only those under the threshold are named, lowest first.
cp "$data/po-states.po" "$work/de.po"		# 50.00%
cp "$data/xliff12-states.xlf" "$work/guide.xlf"	# 43.54%
cp "$x2" "$work/app.xlf"			# 71.87%
run_bitext coverage --fail-under 60 "$work/app.xlf" "$work/de.po" \
	"$work/guide.xlf"
expect_status 1
expect_stderr_match "files under it: [^ ]*guide\.xlf \(43\.5%\), [^ ]*de\.po \(50\.0%\)$"

# At most ten files are named.
i=0
while [ $i -lt 12 ]; do
	cp "$data/po-states.po" "$work/f$i.po"
	i=$((i + 1))
done
run_bitext coverage --fail-under 90 "$work"/f*.po
expect_status 1
expect_stderr_match "f7\.po \(50\.0%\) and 2 more files$"

# Bad thresholds are usage errors.
for bad in abc 101 -1 ""; do
	run_bitext coverage --fail-under "$bad" "$x2"
	expect_status 2
	expect_stderr_match "fail-under wants a percentage from 0 to 100"
	expect_stdout_empty
done

# A corrupt file among good ones: reported with file and line, the good
# ones counted and reported, status 2.
head -c 700 "$data/xliff12-states.xlf" >"$work/truncated.xlf"
printf '<?xml version="1.0"?>\n<xliff version="2.1">\n<file id="x">\n<unit id="1"><segment><source>a</sourc></segment></unit>\n</file></xliff>\n' \
	>"$work/bad-tag.xlf"
coverage_csv "$work/app.xlf" "$work/truncated.xlf" "$work/bad-tag.xlf" \
	"$work/de.po"
expect_status 2
expect_stderr_match "^bitext: [^ ]*truncated\.xlf:[0-9]+: "
expect_stderr_match "^bitext: [^ ]*bad-tag\.xlf:4: not well-formed XML"
checks=$((checks + 1))
[ "$(tr -d '\r' <"$work/out.csv" | cut -d, -f1 | grep -c '^file$')" = 2 ] ||
	fail "the two good files are not both in the report"
expect_states "$work/out.csv" units "19 4 3 10 1 1 3"

# With --fail-under, a corrupt file still makes the status 2, and the
# threshold is still checked on the rest.
run_bitext coverage --fail-under 99 "$work/app.xlf" "$work/truncated.xlf"
expect_status 2
expect_stderr_match "truncated\.xlf"
expect_stderr_match "is under 99\.0%"
run_bitext coverage --fail-under 10 "$work/app.xlf" "$work/truncated.xlf"
expect_status 2

# A folder without anything to count: a warning, nothing fails.
mkdir -p "$work/empty"
run_bitext coverage --fail-under 90 "$work/empty"
expect_status 0
expect_stderr_match "warning: no XLIFF, TMX or PO file found"

# A missing file, and a folder holding a corrupt file.
run_bitext coverage "$work/app.xlf" "$work/no-such.xlf"
expect_status 2
expect_stderr_match "^bitext: [^ ]*no-such\.xlf: cannot open: No such file"
mkdir -p "$work/tree"
cp "$work/truncated.xlf" "$work/app.xlf" "$work/tree/"
run_bitext coverage -f csv "$work/tree"
expect_status 2
expect_stdout_match "app\.xlf"
finish
