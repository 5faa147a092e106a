#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What bitext validate prints: one "bitext: FILE:LINE: reason" line per
# problem on stderr, sorted by line, nothing on stdout; --quiet prints
# nothing at all; --format json writes a report on stdout; "-" reads
# standard input.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/validate"
good="$data/valid/lisa_ImportTest2C.tmx"
bad="$data/invalid/oasis21_Bad-val_ExactlyOneAttributeOnRule.xlf"

run_bitext validate "$bad"
expect_status 1
expect_stdout_empty
checks=$((checks + 1))
if grep -qv '^bitext: [^ ]*oasis21_Bad-val_ExactlyOneAttributeOnRule.xlf:[0-9][0-9]*: ' \
	"$work/stderr"; then
	fail "a line not in the form bitext: FILE:LINE: reason"
	head -3 "$work/stderr"
fi
checks=$((checks + 1))
sed 's/^bitext: [^:]*:\([0-9]*\):.*/\1/' "$work/stderr" >"$work/lines"
sort -n "$work/lines" | cmp -s - "$work/lines" || fail "problems not sorted by line"
checks=$((checks + 1))
[ "$(wc -l <"$work/stderr")" -eq 4 ] || fail "expected 4 problems: $(cat "$work/stderr")"

# Quiet: only the status.
for f in "$good" "$bad" "$work/missing.xlf"; do
	run_bitext validate --quiet "$f"
	expect_stdout_empty
	checks=$((checks + 1))
	[ -s "$work/stderr" ] && fail "--quiet $f wrote: $(head -1 "$work/stderr")"
done
run_bitext validate -q "$good"
expect_status 0
run_bitext validate -q "$bad"
expect_status 1
run_bitext validate -q "$work/missing.xlf" "$bad"
expect_status 2

# JSON.
run_bitext validate --format json "$good" "$bad" "$work/missing.xlf"
expect_status 2
expect_stdout_match '^\{"files": \[$'
expect_stdout_match '"path":"[^"]*lisa_ImportTest2C.tmx","format":"TMX 1.4b","valid":true,"problems":\[\]'
expect_stdout_match '"format":"XLIFF 2.0","valid":false,"problems":\[\{"line":18,"message":"<val:rule> needs exactly one test'
expect_stdout_match '"path":"[^"]*missing.xlf","format":null,"valid":null,"error":"cannot open: No such file or directory","line":null'
expect_stderr_match 'missing.xlf: cannot open'
if command -v python3 >/dev/null; then
	checks=$((checks + 1))
	python3 -c 'import json, sys; d = json.load(sys.stdin); assert len(d["files"]) == 3; assert len(d["files"][1]["problems"]) == 4' \
		<"$work/stdout" || fail "--format json: not the expected JSON"
fi
run_bitext validate --format=json --quiet "$bad"
expect_status 1
expect_stdout_empty

# Standard input.
"$BITEXT" validate - <"$bad" >"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="bitext validate - <bad"
expect_status 1
expect_stderr_match '^bitext: -:18: <val:rule> needs exactly one test'
"$BITEXT" validate - <"$good" >"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="bitext validate - <good"
expect_status 0
finish
