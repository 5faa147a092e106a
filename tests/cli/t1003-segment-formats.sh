#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Output formats of `bitext segment`: TSV with its escapes, text, JSON
# (well formed, same segments), -o written atomically, several files.
. "$top_srcdir/tests/cli/lib.sh"

# A paragraph with a hard line break, a tab and a backslash inside.
printf 'First line\nwith a\ttab and a back\\slash.\n\nSecond paragraph.\n' \
	>"$work/in.txt"

run_bitext segment --lang en --format tsv "$work/in.txt"
expect_status 0
cut -f2- "$work/stdout" >"$work/got"
printf '1\tFirst line\\nwith a\\ttab and a back\\\\slash.\n1\tSecond paragraph.\n' \
	>"$work/expect"
expect_same "$work/got" "$work/expect"
# Three columns, the first a unit id.
checks=$((checks + 1))
if grep -Ev "^u[0-9a-f]{8}(-[0-9]+)?$(printf '\t')[0-9]+$(printf '\t')[^$(printf '\t')]*\$" \
	"$work/stdout" | grep -q .; then
	fail "TSV lines are not ID<TAB>N<TAB>TEXT"
fi

# Unit ids are stable: adding a paragraph does not renumber the others.
cut -f1 "$work/stdout" >"$work/ids-before"
printf 'New first paragraph.\n\n' | cat - "$work/in.txt" >"$work/in2.txt"
run_bitext segment --lang en --format tsv "$work/in2.txt"
expect_status 0
tail -n 2 "$work/stdout" | cut -f1 >"$work/ids-after"
expect_same "$work/ids-after" "$work/ids-before"

# The same paragraph twice gets two distinct ids.
printf 'Same.\n\nSame.\n' >"$work/dup.txt"
run_bitext segment --lang en --format tsv "$work/dup.txt"
checks=$((checks + 1))
[ "$(cut -f1 "$work/stdout" | sort -u | wc -l)" -eq 2 ] ||
	fail "duplicate paragraphs share an id"

# Text format: unit id in brackets, numbered segments, blank line after.
printf 'One. Two.\n' >"$work/two.txt"
run_bitext segment --lang en "$work/two.txt"
expect_status 0
expect_stdout_match '^\[u[0-9a-f]{8}\]$'
expect_stdout_match '^   1  One\.$'
expect_stdout_match '^   2  Two\.$'

# JSON: parses, and holds the same segments as TSV.
run_bitext segment --lang en --format json "$work/in.txt" "$work/two.txt"
expect_status 0
cp "$work/stdout" "$work/out.json"
if command -v python3 >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 - "$work/out.json" >"$work/json-segs" <<'PY' ||
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
for f in doc["files"]:
    assert f["language"] == "en" and f["filter"] == "text"
    for u in f["units"]:
        for i, s in enumerate(u["segments"], 1):
            print(u["id"], i, s.replace("\\", "\\\\").replace("\t", "\\t")
                  .replace("\n", "\\n"), sep="\t")
PY
		fail "JSON output does not parse"
	run_bitext segment --lang en --format tsv "$work/in.txt" "$work/two.txt"
	expect_same "$work/json-segs" "$work/stdout"
fi

# -o writes the file atomically and nothing to stdout.
run_bitext segment --lang en --format tsv -o "$work/out.tsv" "$work/in.txt"
expect_status 0
expect_stdout_empty
checks=$((checks + 1))
[ "$(wc -l <"$work/out.tsv")" -eq 2 ] || fail "-o output incomplete"

# -o onto a device writes to it: it must not rename a file over it.
if [ -c /dev/null ]; then
	run_bitext segment --lang en -o /dev/null "$work/in.txt"
	expect_status 0
	checks=$((checks + 1))
	[ -c /dev/null ] || fail "/dev/null is no longer a device"
fi

# Several files: text format shows which file each unit comes from.
run_bitext segment --lang en "$work/in.txt" "$work/two.txt"
expect_status 0
expect_stdout_match "^==> .*two.txt <==$"

# Standard input.
printf 'From stdin. Yes.\n' | "$BITEXT" segment --lang en --format tsv - \
	>"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="bitext segment -"
expect_status 0
checks=$((checks + 1))
[ "$(wc -l <"$work/stdout")" -eq 2 ] || fail "stdin not segmented"
finish
