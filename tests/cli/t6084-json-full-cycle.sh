#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: a full translation cycle.  Extract, give every segment a
# target whose text changed (with a quote, a backslash, a slash and a line
# break, which JSON must escape) and whose inline codes moved
# (fill-targets.py edits the XLIFF 2.1 with lxml), merge.  The output must
# parse with Python's json module, keep the keys, their order and the
# structure, hold in each unit's value exactly the translator's text with
# each code once and in the translator's order (check-merged.py), and
# leave every other string as it was.
. "$top_srcdir/tests/cli/lib.sh"

/usr/bin/python3 -c 'import lxml' 2>/dev/null ||
	skip "python3-lxml not installed (for /usr/bin/python3)"
data="$top_srcdir/tests/data/formats/json"

cycle() {	# FILE [CHECK OPTIONS...]
	c_file=$1
	c_name=$(basename "$c_file")
	shift
	run_bitext extract --srclang en --trglang de \
		-o "$work/$c_name.xlf" "$c_file"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/fill-targets.py" "$work/$c_name.xlf" \
		"$work/$c_name.t.xlf" "$work/$c_name.expect" ||
		fail "$c_name: fill-targets.py failed"
	run_bitext merge -o "$work/$c_name.out" "$work/$c_name.t.xlf"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/check-merged.py" "$c_file" "$work/$c_name.out" \
		"$work/$c_name.expect" "$@" >"$work/$c_name.check" 2>&1 ||
		fail "$c_name: $(cat "$work/$c_name.check")"
}

cycle "$data/en.json" 'RAW="«WELCOME BACK,  \"q\" \\ b/\nz»!{{name}}"' \
	'RAW=<strong>{{- name}}</strong>'
cycle "$data/zh-CN.json"
cycle "$data/chrome-messages.json" 'RAW=$DOMAIN$.$COUNT$'
cycle "$data/messages.fr.json" locale=de
cycle "$data/ngx-de.json"
cycle "$data/zh-ascii.json" ASCII=1 'RAW=\u00ab\u4e91\u7b14\u8bb0 \"q\" \\ b/\nz\u00bb'
cycle "$data/app_zh.arb" @@locale=de
cycle "$data/vue-ja.json"

# A code moved by the translator is written once, where it was put.
checks=$((checks + 1))
grep -q '"welcome": "«WELCOME BACK,  \\"q\\" \\\\ b/\\nz»!{{name}}",' \
	"$work/en.json.out" || fail "en.json: welcome is not as translated"
finish
