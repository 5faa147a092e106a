#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# merge refuses what does not fit: malformed XML, a tampered skeleton, an
# unsupported version, missing or duplicated unit ids, a target with
# broken inline codes.  Each: a message naming the file (and line or
# unit), the right exit status, and no output file.
. "$top_srcdir/tests/cli/lib.sh"

# A document with inline codes: the noncharacters U+FDD0..FDD2 in plain
# text become codes (an opening, a closing and a standalone one).
printf 'Press \357\267\220here\357\267\221 now \357\267\222 please.\n\nNext.\n' \
	>"$work/doc.txt"
run_bitext extract --srclang en --trglang de -o "$work/doc.xlf" "$work/doc.txt"
expect_status 0
run_bitext extract --xliff 1.2 --srclang en --trglang de \
	-o "$work/doc12.xlf" "$work/doc.txt"
expect_status 0

refused() {	# STATUS REGEX XLIFF
	run_bitext merge -o "$work/out.txt" "$3"
	expect_status "$1"
	expect_stderr_match "$2"
	expect_no_file "$work/out.txt"
}

# Malformed XML (truncated).
head -c 400 "$work/doc.xlf" >"$work/trunc.xlf"
refused 2 'trunc.xlf:[0-9]+: not well-formed XML' "$work/trunc.xlf"
printf '' >"$work/empty.xlf"
refused 2 'empty.xlf' "$work/empty.xlf"
refused 2 'missing.xlf: cannot open' "$work/missing.xlf"

# A tampered skeleton: not base64, and valid base64 of something else.
sed 's|<skeleton>[A-Za-z0-9+/=]*|<skeleton>@@@@|' "$work/doc.xlf" \
	>"$work/skel1.xlf"
# (base64 spans lines: damage the first line only)
sed '0,/<skeleton>/s|<skeleton>\(....\)|<skeleton>@@@@|' "$work/doc.xlf" \
	>"$work/skel1.xlf"
refused 2 'skel1.xlf:[0-9]+: the skeleton is damaged' "$work/skel1.xlf"
sed '0,/<skeleton>/s|<skeleton>\(....\)|<skeleton>QUFB|' "$work/doc.xlf" \
	>"$work/skel2.xlf"
refused 2 'skel2.xlf:[0-9]+: the skeleton is damaged' "$work/skel2.xlf"

# Unsupported version, and not XLIFF at all.
sed 's/version="2.1"/version="3.0"/' "$work/doc.xlf" >"$work/v3.xlf"
refused 2 "v3.xlf:[0-9]+: unsupported XLIFF version '3.0'" "$work/v3.xlf"
printf '<?xml version="1.0"?>\n<html/>\n' >"$work/html.xlf"
refused 2 'html.xlf:[0-9]+: not an XLIFF file' "$work/html.xlf"

# Unit ids: a unit removed, a unit renamed, a unit without id.
first=$(grep -o '<unit id="[^"]*"' "$work/doc.xlf" | head -n 1 | cut -d'"' -f2)
awk -v id="$first" '$0 ~ "<unit id=\"" id "\"" { skip = 1 }
	!skip { print } /<\/unit>/ { skip = 0 }' "$work/doc.xlf" >"$work/nounit.xlf"
refused 1 "unit $first of the skeleton is missing from the XLIFF" \
	"$work/nounit.xlf"
sed "s/<unit id=\"$first\"/<unit id=\"uother\"/" "$work/doc.xlf" \
	>"$work/renamed.xlf"
refused 1 "unit uother is not in the skeleton" "$work/renamed.xlf"
sed "s/<unit id=\"$first\"/<unit/" "$work/doc.xlf" >"$work/noid.xlf"
refused 1 'noid.xlf:[0-9]+: a unit without an id' "$work/noid.xlf"
second=$(grep -o '<trans-unit id="[^"]*"' "$work/doc12.xlf" | sed -n 2p | cut -d'"' -f2)
sed "s/<trans-unit id=\"$second\"/<trans-unit id=\"$first\"/" \
	"$work/doc12.xlf" >"$work/dup12.xlf"
refused 1 "the unit id $first is used twice" "$work/dup12.xlf"

# Broken inline codes in a target: missing, duplicated, unknown.  Plain
# text has no markup, but the noncharacters U+FDD0..FDD2 in it become
# standalone codes (<ph> in 2.x), which is enough to check merge's rules.
tgt() {	# NAME TARGET-CONTENT
	sed "0,/<\/source>/s|</source>|</source><target>$2</target>|" \
		"$work/doc.xlf" >"$work/$1.xlf"
}
tgt ok 'Dr\&#252;cken <ph id="1"/>hier<ph id="2"/> jetzt <ph id="3"/> bitte.'
run_bitext merge -o "$work/ok.txt" "$work/ok.xlf"
expect_status 0
printf 'Dr\303\274cken \357\267\220hier\357\267\221 jetzt \357\267\222 bitte.\n\nNext.\n' \
	>"$work/ok.expect"
expect_same "$work/ok.txt" "$work/ok.expect"
# Codes may move: the translator's order is kept.
tgt moved '<ph id="3"/> Dr\&#252;cken <ph id="2"/>hier<ph id="1"/> jetzt.'
run_bitext merge -o "$work/moved.txt" "$work/moved.xlf"
expect_status 0
printf '\357\267\222 Dr\303\274cken \357\267\221hier\357\267\220 jetzt.\n\nNext.\n' \
	>"$work/moved.expect"
expect_same "$work/moved.txt" "$work/moved.expect"
tgt lost 'Dr\&#252;cken hier<ph id="2"/> jetzt <ph id="3"/> bitte.'
refused 1 "lost.xlf:[0-9]+: unit $first: the target lacks the inline code 1" \
	"$work/lost.xlf"
tgt twice 'A <ph id="1"/> <ph id="2"/> <ph id="3"/> <ph id="1"/>'
refused 1 "unit $first: the target has the inline code 1 more than once" \
	"$work/twice.xlf"
tgt alien 'A <ph id="1"/> <ph id="2"/> <ph id="3"/> <ph id="9"/>'
refused 1 "unit $first: the target has an inline code the source does not have \(id 9\)" \
	"$work/alien.xlf"
# The same in XLIFF 1.2 (<x/>).
sed "0,/<target state=\"new\"\/>/s|<target state=\"new\"/>|<target><mrk mtype=\"seg\" mid=\"1\">A <x id=\"1\"/> <x id=\"3\"/></mrk></target>|" \
	"$work/doc12.xlf" >"$work/lost12.xlf"
refused 1 "lost12.xlf:[0-9]+: unit $first: the target lacks the inline code 2" \
	"$work/lost12.xlf"
finish
