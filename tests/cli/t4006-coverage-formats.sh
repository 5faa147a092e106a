#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The report formats of bitext coverage: the aligned table (colour only
# when asked or on a terminal), JSON, CSV (RFC 4180), Markdown and HTML
# (self-contained, names escaped); -o written atomically; a full disk;
# usage errors.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

# File names that need escaping in every format.
cp "$data/po-states.po" "$work/a,b.po"
cp "$data/xliff21-states.xlf" "$work/x|y*z_<b>&.xlf"
cp "$data/aligned.tmx" "$work/memory.tmx"
set -- "$work/a,b.po" "$work/x|y*z_<b>&.xlf" "$work/memory.tmx"

# --- table ------------------------------------------------------------
run_bitext coverage "$@"
expect_status 0
expect_stdout_match '^file +format +units +words +untranslated +needs review +translated +reviewed +final +excluded +coverage$'
expect_stdout_match '^total +25 +129 +26 +19 +77 +3 +4 +13 +65\.1%$'
expect_stdout_match '^65\.1% of 129 words are translated or better\.$'
expect_stdout_match '^alignment +pairs +aligned +unaligned +low confidence +target only +aligned %$'
# Columns line up: every line of the table is as long as the header.
checks=$((checks + 1))
head -5 "$work/stdout" | awk 'NR == 1 { n = length($0) }
	length($0) != n { bad = 1 } END { exit bad }' ||
	fail "table rows are not aligned"
# No colour into a file, colour when asked.
checks=$((checks + 1))
! grep -q "$(printf '\033')" "$work/stdout" || fail "colour in a file"
run_bitext coverage --color=always --fail-under 70 "$@"
expect_status 1
checks=$((checks + 1))
grep -q "$(printf '\033\\[31m')65\.1%" "$work/stdout" ||
	fail "--color=always: the total is not red under the threshold"
run_bitext coverage --color=sometimes "$@"
expect_status 2
expect_stderr_match "color wants auto, always or never"

# --- CSV --------------------------------------------------------------
coverage_csv "$@"
expect_status 0
checks=$((checks + 1))
[ "$(wc -l <"$work/out.csv")" -eq 5 ] || fail "CSV: not 1 + 3 + 1 lines"
checks=$((checks + 1))
grep -q "^file,\"$work/a,b.po\",po," "$work/out.csv" ||
	fail "CSV: a comma in a name is not quoted"
checks=$((checks + 1))
[ "$(tr -d '\r' <"$work/out.csv" | awk -F, 'NR == 1 { print NF }')" = 41 ] ||
	fail "CSV: not 41 columns"
expect_value "$work/out.csv" total pairs 5
expect_value "$work/out.csv" file pairs "" "$work/x|y*z_<b>&.xlf"
checks=$((checks + 1))
grep -q "$(printf '\r')\$" "$work/out.csv" || fail "CSV lines do not end in CRLF"

# --- Markdown ---------------------------------------------------------
run_bitext coverage -f markdown --fail-under 60 "$@"
expect_status 0
expect_stdout_match '^### Translation coverage$'
expect_stdout_match '^:white_check_mark: 65\.1% of 129 words are translated or better; the threshold is 60\.0%\.$'
expect_stdout_match '^\| file \| format \| units \| words \|'
expect_stdout_match '^\|:--\|:--(\|--:){9}\|$'
expect_stdout_match '^\| .*x\\\|y\\\*z\\_\\<b\\>\\&\.xlf \| xliff-2\.1 \| 10 \| 32 \|'
expect_stdout_match '^\| \*\*total\*\* \|  \| 25 \| 129 \| .* \| \*\*65\.1%\*\* \|$'
expect_stdout_match '^#### Alignment$'
run_bitext coverage -f md --fail-under 70 "$@"
expect_status 1
expect_stdout_match '^:x: 65\.1% of 129 words'

# --- HTML -------------------------------------------------------------
run_bitext coverage -f html -o "$work/report.html" "$@"
expect_status 0
expect_stdout_empty
html="$work/report.html"
checks=$((checks + 1))
grep -q '^<!DOCTYPE html>' "$html" || fail "HTML: no doctype"
checks=$((checks + 1))
grep -q 'x|y\*z_&lt;b&gt;&amp;\.xlf' "$html" || fail "HTML: name not escaped"
checks=$((checks + 1))
! grep -Eiq '<script|<link|<img|src=|@import|url\(' "$html" ||
	fail "HTML: not self-contained"
checks=$((checks + 1))
[ "$(grep -c '<section class="file' "$html")" -eq 4 ] ||
	fail "HTML: not one block per file and one for the total"
checks=$((checks + 1))
grep -q 'name="viewport"' "$html" && grep -q '@media print' "$html" ||
	fail "HTML: no viewport or print styles"
if command -v python3 >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 - "$html" <<'PY' || fail "HTML does not parse into balanced tags"
import sys
from html.parser import HTMLParser
void = {"meta", "br", "img", "link", "input", "hr"}
class P(HTMLParser):
    stack = []
    def handle_starttag(self, tag, attrs):
        if tag not in void:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
assert not p.stack, p.stack
PY
fi

# --- JSON -------------------------------------------------------------
run_bitext coverage -f json "$@" "$work/missing.po"
expect_status 2
if command -v python3 >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 - "$work/stdout" "$work" <<'PY' || fail "JSON report"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
w = sys.argv[2]
assert [f["path"] for f in doc["files"]] == \
    [w + "/a,b.po", w + "/x|y*z_<b>&.xlf", w + "/memory.tmx"]
assert doc["files"][2]["alignment"] == {
    "pairs": 5, "aligned": 6, "unaligned": 1, "low_confidence": 2,
    "low_confidence_pairs": 1, "unaligned_target": 1,
    "aligned_chars": 38, "unaligned_chars": 8}, doc["files"][2]
assert doc["total"]["alignment"]["pairs"] == 5
assert doc["total"]["coverage"] == 65.11, doc["total"]["coverage"]
assert doc["errors"][0]["path"] == w + "/missing.po", doc["errors"]
assert "cannot open" in doc["errors"][0]["message"]
PY
fi

# --- output files -----------------------------------------------------
run_bitext coverage -f csv -o "$work/out2.csv" "$@"
expect_status 0
expect_stdout_empty
checks=$((checks + 1))
[ -s "$work/out2.csv" ] || fail "-o wrote nothing"
cp "$work/a,b.po" "$work/keep.po"
run_bitext coverage -o "$work/a,b.po" "$@"
expect_status 2
expect_stderr_match "refusing to write over the input file"
expect_same "$work/a,b.po" "$work/keep.po"
if [ -w /dev/full ]; then
	"$BITEXT" coverage "$@" >/dev/full 2>"$work/stderr"
	status=$?
	last_cmd="bitext coverage >/dev/full"
	expect_status 2
fi

# --- usage errors -----------------------------------------------------
run_bitext coverage
expect_status 2
expect_stderr_match "no input file or folder"
expect_stderr_match "Try 'bitext coverage --help'"
run_bitext coverage -f xml "$@"
expect_status 2
expect_stderr_match "unknown output format 'xml'"
run_bitext coverage --measure lines "$@"
expect_status 2
expect_stderr_match "unknown measure 'lines'"
run_bitext coverage --min-state needs_review "$@"
expect_status 2
expect_stderr_match "unknown state 'needs_review'"
run_bitext coverage --no-such-option "$@"
expect_status 2
expect_stdout_empty
finish
