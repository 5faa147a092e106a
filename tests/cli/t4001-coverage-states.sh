#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bitext coverage: every state of XLIFF 1.2, XLIFF 2.1 and PO counted in
# units, segments, words and characters; translate="no" and obsolete
# entries excluded; --measure and --min-state; the JSON shape; folders
# searched recursively; standard input.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

# --- XLIFF 1.2 --------------------------------------------------------
# approved="yes" is final; needs-review-*/needs-l10n need review; a target
# without state (or state="translated") is translated; signed-off is
# reviewed; no target, an empty target and state="needs-translation" are
# untranslated; translate="no" is excluded; a blank source is no unit.
coverage_csv "$data/xliff12-states.xlf"
expect_status 0
expect_states "$work/out.csv" units "9 3 2 1 1 2 1"
expect_states "$work/out.csv" segments "9 3 2 1 1 2 1"
expect_states "$work/out.csv" words "62 20 15 4 8 15 8"
expect_value "$work/out.csv" total format ""
expect_value "$work/out.csv" file format xliff-1.2
expect_value "$work/out.csv" file language en

# <seg-source> segments; a unit is as advanced as its least segment;
# state="new" is untranslated; group translate="no" is inherited; <bpt>,
# <ph> content is code, not words; <bin-unit> is not counted.
coverage_csv "$data/xliff12-segments.xlf"
expect_status 0
expect_states "$work/out.csv" units "4 2 1 0 0 1 1"
expect_states "$work/out.csv" segments "5 2 1 1 0 1 1"
expect_states "$work/out.csv" words "17 7 4 3 0 3 6"

# --- XLIFF 2.1 --------------------------------------------------------
# initial with a target needs review, without one is untranslated; a
# target without state is translated (OmegaT); reviewed and final; a final
# segment with an empty target is untranslated; <pc>, <sc>/<ec> join
# words, <ph/> separates them, <mrk translate="no"> is not counted;
# translate="no" on a group is inherited unless a unit says yes.
coverage_csv "$data/xliff21-states.xlf"
expect_status 0
expect_value "$work/out.csv" file format xliff-2.1
expect_states "$work/out.csv" units "10 2 1 5 1 1 2"
expect_states "$work/out.csv" segments "11 2 1 5 1 2 2"
expect_states "$work/out.csv" words "32 5 4 16 3 4 6"
expect_states "$work/out.csv" chars "160 30 18 74 15 23 28"
# Coverage: translated or better, by words: 23 of 32.
expect_value "$work/out.csv" total coverage 71.87

coverage_csv --min-state reviewed "$data/xliff21-states.xlf"
expect_value "$work/out.csv" total coverage 21.87
coverage_csv --min-state final --measure units "$data/xliff21-states.xlf"
expect_value "$work/out.csv" total coverage 10.00
coverage_csv --measure segments "$data/xliff21-states.xlf"
expect_value "$work/out.csv" total coverage 72.72

# --- PO ---------------------------------------------------------------
# translated, fuzzy (needs review), untranslated, plurals (both msgids
# counted), msgctxt, obsolete (excluded), the header not counted.
coverage_csv "$data/po-states.po"
expect_status 0
expect_value "$work/out.csv" file format po
expect_states "$work/out.csv" units "9 2 2 5 0 0 1"
expect_states "$work/out.csv" words "58 14 15 29 0 0 7"

# Placeholders of the message's format and markup are not words; %s is
# text where no format flag says otherwise; a fuzzy message without a
# translation is untranslated; ISO-8859-1 is decoded.
coverage_csv "$data/po-edge.po"
expect_status 0
expect_states "$work/out.csv" units "7 3 0 4 0 0 0"
expect_states "$work/out.csv" words "19 8 0 11 0 0 0"

# --- several files, folders, standard input ---------------------------
mkdir -p "$work/tree/b/c" "$work/tree/a" "$work/tree/.git" "$work/tree/d"
cp "$data/po-states.po" "$work/tree/b/de.po"
cp "$data/xliff21-states.xlf" "$work/tree/b/c/app.xliff"
cp "$data/xliff12-states.xlf" "$work/tree/a/guide.xml"
cp "$data/aligned.tmx" "$work/tree/d/memory.TMX"
cp "$data/xliff12-states.xlf" "$work/tree/.git/ignored.xlf"
printf '<html><body>not XLIFF</body></html>\n' >"$work/tree/a/page.xml"
printf 'msgid "x"\nmsgstr ""\n' >"$work/tree/a/notes.txt"
ln -s .. "$work/tree/d/loop"
coverage_csv "$work/tree"
expect_status 0
checks=$((checks + 1))
tr -d '\r' <"$work/out.csv" | awk -F, 'NR > 1 { print $1, $2, $3 }' \
	>"$work/files"
cat >"$work/files.expect" <<EOF
file $work/tree/a/guide.xml xliff-1.2
file $work/tree/b/c/app.xliff xliff-2.1
file $work/tree/b/de.po po
file $work/tree/d/memory.TMX tmx
total  
EOF
cmp -s "$work/files" "$work/files.expect" || {
	fail "the folder walk found other files"
	diff "$work/files.expect" "$work/files" | head
}
# The total is the sum of the files.
expect_states "$work/out.csv" units "34 8 5 16 2 3 4"

# A folder and a file, and standard input ("-").
"$BITEXT" coverage -f csv - <"$data/po-states.po" >"$work/out.csv" \
	2>"$work/stderr"
status=$?
last_cmd="bitext coverage -f csv - <po-states.po"
expect_status 0
expect_value "$work/out.csv" file path -
expect_states "$work/out.csv" words "58 14 15 29 0 0 7"

# --- the JSON shape scripts rely on -----------------------------------
run_bitext coverage -f json "$data/xliff12-states.xlf" "$data/po-states.po"
expect_status 0
cp "$work/stdout" "$work/out.json"
if command -v python3 >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 - "$work/out.json" <<'PY' || fail "JSON shape"
import json, os, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
states = ["total", "untranslated", "needs_review", "translated",
          "reviewed", "final", "excluded"]
def check(c):
    assert sorted(c) == sorted(states), c
    assert all(isinstance(c[k], int) for k in states), c
    assert c["total"] == sum(c[k] for k in states[1:6]), c
assert [os.path.basename(f["path"]) for f in doc["files"]] == \
    ["xliff12-states.xlf", "po-states.po"], doc["files"]
assert [f["format"] for f in doc["files"]] == ["xliff-1.2", "po"]
for f in doc["files"] + [doc["total"]]:
    for m in ("units", "segments", "words", "chars"):
        check(f[m])
    assert "alignment" not in f
assert doc["total"]["words"]["total"] == 62 + 58
assert doc["total"]["units"]["excluded"] == 2
assert doc["files"][0]["words"]["final"] == 15
assert doc["measure"] == "words" and doc["min_state"] == "translated"
assert doc["errors"] == []
PY
fi
finish
