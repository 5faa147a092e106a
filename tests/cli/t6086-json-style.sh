#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: a file's way of writing strings is kept for translations.
# ensure_ascii files (Python's lower-case hex, Java's upper case, PHP's \/
# as well): the escaped Chinese is text for the translator, and merge
# writes the translation's non-ASCII characters (beyond the BMP as
# surrogate pairs) and slashes escaped the same way.  A UTF-8 file writes
# translations as UTF-8, its odd escapes kept as they were.
. "$top_srcdir/tests/cli/lib.sh"

/usr/bin/python3 -c 'import lxml' 2>/dev/null ||
	skip "python3-lxml not installed (for /usr/bin/python3)"
data="$top_srcdir/tests/data/formats/json"

cycle() {	# FILE SETTINGS [CHECK OPTIONS...]
	c_file=$1 c_settings=$2
	c_name=$(basename "$c_file")
	shift 2
	run_bitext extract --srclang zh-CN --trglang en \
		-o "$work/$c_name.xlf" "$c_file"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/dump-units.py" "$work/$c_name.xlf" \
		>"$work/$c_name.units"
	if [ -n "$c_settings" ]; then
		grep -qx "settings $c_settings" "$work/$c_name.units" ||
			fail "$c_name: not 'settings $c_settings'"
	elif grep -q '^settings' "$work/$c_name.units"; then
		fail "$c_name: settings where none were expected"
	fi
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

# Python's ensure_ascii: lower-case hex; the emoji is a surrogate pair.
cycle "$data/zh-ascii.json" ascii ASCII=1 \
	'RAW=\u4eca\u5929\u5fc3\u60c5\u4e0d\u9519 \ud83d\ude00' \
	'RAW=\u00ab\u4e91\u7b14\u8bb0 \"q\" \\ b/\nz\u00bb'
checks=$((checks + 1))
grep -q "^app\.emoji	今天心情不错 😀\$" "$work/zh-ascii.json.units" ||
	fail "zh-ascii.json: the escaped Chinese is not text"

# Java: upper-case hex digits.
printf '%s\n' '{' \
	'    "title": "\u4E2D\u6587\u6807\u9898",' \
	'    "emoji": "\u8868\u60C5 \uD83D\uDE00 ok",' \
	'    "path": "a/b"' \
	'}' >"$work/java.json"
cycle "$work/java.json" ascii,upper ASCII=1 \
	'RAW=\u00AB\u4E2D\u6587\u6807\u9898 \"q\" \\ b/\nz\u00BB' \
	'RAW=\u8868\u60C5 \uD83D\uDE00 OK'

# PHP's json_encode: \uXXXX and \/ for every slash.
printf '%s' '{"title":"\u4e2d\u6587","url":"\u4e3b\u9875 https:\/\/x.cn\/a","n":1}' \
	>"$work/php.json"
cycle "$work/php.json" ascii,slash ASCII=1 \
	'RAW="\u00ab\u4e2d\u6587 \"q\" \\ b\/\nz\u00bb"' \
	'RAW=HTTPS:\/\/X.CN\/A'

# UTF-8 files write UTF-8; \u00e9 and \/ stay codes, written as they were.
cycle "$data/messages.fr.json" locale=17+2 locale=en \
	'RAW=«BONJOUR I18N ! \"q\" \\ b/\nz»' 'RAW=EST PRÊT.\u00e9"'
finish
