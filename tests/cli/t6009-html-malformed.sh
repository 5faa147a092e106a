#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Malformed real-world HTML: unclosed p, li, td/th/tr, dt/dd and option
# (their end tags implied), stray and crossed end tags, unquoted attribute
# values, upper-case tags, an unclosed inline element, no </body></html>:
# each unit where a browser sees a block, and every byte kept.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

printf '%s\r\n' \
	'<HTML><HEAD><TITLE>Sloppy page</TITLE></HEAD>' \
	'<BODY BGCOLOR=white>' \
	'<P>First paragraph<P>Second paragraph' \
	'<UL><LI>Item one<LI>Item <B>two</UL>' \
	'<TABLE BORDER=1><TR><TH>Head A<TH>Head B<TR><TD>Cell 1<TD>Cell 2</TABLE>' \
	'<DL><DT>Term<DD>Meaning<DT>Other term<DD>Other meaning</DL>' \
	'<SELECT NAME=s><OPTION VALUE=1>Choice one<OPTION VALUE=2 SELECTED>Choice two</SELECT>' \
	'</DIV></SPAN>Text after stray end tags' \
	'<DIV CLASS=box ID=main>Unquoted attributes</DIV>' \
	'<P>Crossed <B>bold <I>both</B> italic</I> end' \
	'<P><FONT COLOR=red>Unclosed font</P>' \
	'<H2>Heading<H3>Next heading</H2>' \
	'<P>Last paragraph, no end tags' >"$work/sloppy.html"
segments "$work/sloppy.html" --lang en
cat >"$work/expect.txt" <<'EOF2'
Sloppy page
First paragraph
Second paragraph
Item one
Item <B>two
Head A
Head B
Cell 1
Cell 2
Term
Meaning
Other term
Other meaning
Choice one
Choice two
Text after stray end tags
Unquoted attributes
Crossed <B>bold <I>both</B> italic</I> end
Unclosed font
Heading
Next heading
Last paragraph, no end tags
EOF2
expect_same "$work/seg.txt" "$work/expect.txt"
html_roundtrip "$work/sloppy.html" en sloppy

# Units are named by the blocks a browser would have open.
for name in html/head/title html/body/p html/body/ul/li \
	html/body/table/tr/th html/body/table/tr/td html/body/dl/dt \
	html/body/dl/dd html/body/select/option html/body/div html/body/h2 \
	html/body/h3; do
	checks=$((checks + 1))
	grep -q "name=\"$name\"" "$work/sloppy.2.1.xlf" ||
		fail "no unit named $name"
done
# The crossed tags: </B> closes <B> (a pair), <I> and </I> cross it
# (standalone codes).
checks=$((checks + 1))
grep -q '<source>Crossed <pc id="[0-9]*" [^>]*>bold <ph [^>]*/>both</pc> italic<ph [^>]*/> end</source>' \
	"$work/sloppy.2.1.xlf" || fail "crossed tags are not a pair and two standalone codes"

# The legacy pages, and a file that stops in the middle of the body.
segments "$hdata/legacy-cafe.html"
has_segment 'Entrée : velouté de potiron'
has_segment 'Dessert : tarte aux pralines roses'
has_segment 'Trio Swing Manouche'
has_segment '6 personnes ou plus'
has_segment 'Réserver'
has_segment 'Effacer'
printf '<html><body><div><p>Cut short <b>here' >"$work/cut.html"
segments "$work/cut.html" --lang en
has_segment 'Cut short <b>here'
html_roundtrip "$work/cut.html" en cut
finish
