#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# merge accepts what CAT tools make of our files: re-indented XML,
# attributes in another order, extra namespaces and attributes, notes,
# <mtc:matches> (2.x) and <alt-trans> (1.2), a CRLF line break inside a
# paragraph written as &#13;, and a target written without <mrk> for a
# unit of several sentences (as some tools write 1.2).
. "$top_srcdir/tests/cli/lib.sh"

printf 'One. Two.\r\nThree.\n\nFour & <five>.\n' >"$work/doc.txt"
run_bitext segment --lang en --format tsv "$work/doc.txt"
u1=$(head -n 1 "$work/stdout" | cut -f1)
u2=$(tail -n 1 "$work/stdout" | cut -f1)
printf '%s\t1\tEins.\n%s\t2\tZwei.\n%s\t3\tDrei.\n%s\t1\tVier & <fünf>.\n' \
	"$u1" "$u1" "$u1" "$u2" >"$work/de.tsv"
printf 'Eins. Zwei.\r\nDrei.\n\nVier & <fünf>.\n' >"$work/expect.txt"

for v in 2.1 1.2; do
	run_bitext extract --xliff "$v" --srclang en --trglang de \
		-o "$work/doc.$v.xlf" "$work/doc.txt"
	expect_status 0
	"$BT_TEST_TOOL" fill-targets "$work/doc.$v.xlf" "$work/de.tsv" \
		"$work/de.$v.xlf" || fail "fill-targets"
	run_bitext merge -o "$work/plain.$v.txt" "$work/de.$v.xlf"
	expect_status 0
	expect_same "$work/plain.$v.txt" "$work/expect.txt"
done

# 2.1, as a CAT tool may save it.
sed -e 's|<xliff |<xliff xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:x="urn:example:tool" |' \
    -e 's|<segment id="\(s[0-9]*\)" state="\([a-z]*\)">|\n  <segment   x:tool="yes"\n     state="\2"  id="\1" >|g' \
    -e "s|<unit id=\"$u2\">|<unit id=\"$u2\" x:flag=\"1\"><notes><note category=\"tool\">checked</note></notes><mtc:matches><mtc:match ref=\"#s1\"><source>Four</source><target>Vier</target></mtc:match></mtc:matches>|" \
    "$work/de.2.1.xlf" >"$work/cat.2.1.xlf"
run_bitext merge -o "$work/cat.2.1.txt" "$work/cat.2.1.xlf"
expect_status 0
expect_same "$work/cat.2.1.txt" "$work/expect.txt"

# Units in another order than the document's: merge puts them back.
awk '/<unit /{ n++; inunit = 1 } inunit { u[n] = u[n] $0 "\n" }
	!inunit && !n { head = head $0 "\n" } !inunit && n { tail = tail $0 "\n" }
	/<\/unit>/ { inunit = 0 }
	END { printf "%s%s%s%s", head, u[2], u[1], tail }' \
	"$work/de.2.1.xlf" >"$work/swapped.2.1.xlf"
checks=$((checks + 1))
[ "$(grep -o '<unit id="[^"]*"' "$work/swapped.2.1.xlf" | head -n 1)" = "<unit id=\"$u2\"" ] ||
	fail "the units were not swapped"
run_bitext merge -o "$work/swapped.txt" "$work/swapped.2.1.xlf"
expect_status 0
expect_same "$work/swapped.txt" "$work/expect.txt"

# 1.2 with <alt-trans>, a note, and one target for a whole unit.
sed -e "s|</trans-unit>|<alt-trans><target>Alt</target></alt-trans><note>from tool</note></trans-unit>|" \
    -e 's|<xliff |<xliff xmlns:x="urn:example:tool" |' \
    "$work/de.1.2.xlf" >"$work/cat.1.2.xlf"
run_bitext merge -o "$work/cat.1.2.txt" "$work/cat.1.2.xlf"
expect_status 0
expect_same "$work/cat.1.2.txt" "$work/expect.txt"
sed -z 's|<target state="translated"><mrk mtype="seg" mid="1">Eins\.[^<]*</mrk>[^<]*<mrk mtype="seg" mid="2">Zwei\.</mrk>[^<]*<mrk mtype="seg" mid="3">Drei\.</mrk></target>|<target>Alles in einem.</target>|' \
	"$work/de.1.2.xlf" >"$work/whole.1.2.xlf"
run_bitext merge -o "$work/whole.txt" "$work/whole.1.2.xlf"
expect_status 0
printf 'Alles in einem.\n\nVier & <fünf>.\n' >"$work/whole.expect"
expect_same "$work/whole.txt" "$work/whole.expect"
finish
