#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: lossless round trip.  Every sample file of
# tests/data/formats/json, and files made here for the corners (no final
# newline, CRLF, BOM, UTF-16, top-level array/string/number, deep nesting,
# every kind of escape, ensure_ascii in both hex cases, PHP's \/, duplicate
# keys, 128-bit integers): extract then merge with no targets gives the
# input back byte for byte, in XLIFF 2.1, 2.0 and 1.2, and after convert.
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/json"

roundtrip() {	# FILE NAME [EXTRACT OPTIONS...]
	jr_file=$1 jr_name=$2
	shift 2
	expect_roundtrip "$jr_file" "$jr_name" "2.1 2.0 1.2" \
		--srclang en --trglang fr "$@"
	expect_convert_roundtrip "$jr_file" "$jr_name"
}

n=0
for f in "$data"/*.json "$data"/*.arb; do
	n=$((n + 1))
	roundtrip "$f" "d$n"
done
checks=$((checks + 1))
[ "$n" -ge 6 ] || fail "only $n sample files found"

# Layout: no final newline, CRLF, a BOM, UTF-16 with a BOM.
printf '{"a": "Hello world",  "b":"x"}' >"$work/nonl.json"
printf '{\r\n  "a": "Line one.",\r\n  "b": [ "x", "y" ]\r\n}\r\n' \
	>"$work/crlf.json"
printf '\357\273\277{"greeting": "Hi there"}\n' >"$work/bom.json"
printf '\377\376' >"$work/u16.json"
iconv -f UTF-8 -t UTF-16LE "$data/zh-CN.json" >>"$work/u16.json"
# Shapes: top-level array, string, number; empty containers; deep nesting.
printf '["One", "Two", ["Three", {"x": "Four"}], 5, null]' >"$work/arr.json"
printf '"A lone string."' >"$work/str.json"
printf '  3.14e10  \n' >"$work/num.json"
printf '{}' >"$work/obj0.json"
printf '[\n]\n' >"$work/arr0.json"
i=0 open= close=
while [ $i -lt 200 ]; do
	open="$open{\"k$i\": " close="$close}"
	i=$((i + 1))
done
printf '%s"deep text"%s\n' "$open" "$close" >"$work/deep.json"
# Escapes: NUL, control characters in both cases, short forms, a \u000a
# the writer would write \n, an escaped ASCII letter and quote, \/ beside
# a raw /, a surrogate pair in a UTF-8 file, code markers escaped and raw,
# blanks around text, keys that need escaping in unit names.
printf '%s\n' '{' \
	' "nul": "a\u0000b",' \
	' "ctl": "bell\u0007 and \u001f and \u001F",' \
	' "bf": "x\b\fy\r",' \
	' "lf": "not\u000acanonical",' \
	' "A": "\u0041BC",' \
	' "mix": "a/b and a\/b",' \
	' "pair": "smile \ud83d\ude00 ok",' \
	' "mark": "marker \ufdd2 and raw ﷐ here",' \
	' "q": "\u0022quoted\u0022 and \"real\"",' \
	' "ws": "  padded\n\t",' \
	' "blank": " \n ",' \
	' "only": "{{x}} %s",' \
	' "dot.key": {"[0]": {"back\\slash": "v", "": "empty key",' \
	'   "ctl\u0001": "ctl key"}}' \
	'}' >"$work/esc.json"
# ensure_ascii, lower case (Python) and upper case (Java) hex, and PHP.
printf '%s\n' '{' \
	'    "title": "\u4E2D\u6587\u6807\u9898",' \
	'    "emoji": "\u8868\u60C5 \uD83D\uDE00 ok",' \
	'    "url": "https://\u4F8B\u5B50.com/a/b"' \
	'}' >"$work/upper.json"
printf '%s' '{"title":"\u4e2d\u6587","url":"https:\/\/x.cn\/a","n":1}' \
	>"$work/php.json"
printf '%s\n' '{' ' "a": "first",' ' "a": {"b": "second"},' \
	' "c": ["x", "x"]' '}' >"$work/dup.json"
printf '%s' '{"id": 123456789012345678901234567890, "label": "Big"}' \
	>"$work/bigint.json"
for f in nonl crlf bom u16 arr str num obj0 arr0 deep esc upper php dup \
	 bigint; do
	roundtrip "$work/$f.json" "$f"
done

# The external skeleton works too.
run_bitext extract --skeleton external --srclang en -o "$work/ext.xlf" \
	"$data/chrome-messages.json"
expect_status 0
run_bitext merge -o "$work/ext.out" "$work/ext.xlf"
expect_status 0
expect_same "$work/ext.out" "$data/chrome-messages.json"
finish
