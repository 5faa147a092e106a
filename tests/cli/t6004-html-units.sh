#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What the html filter makes units of: block elements (p, headings, li,
# td/th, dt/dd, caption, figcaption, option, label, button, legend,
# title...), the text of a div outside its block children, pre with its
# whitespace; and what stays skeleton: markup, whitespace, text without a
# letter or digit, leading and trailing tags around a unit's text.  Units
# are named by their block path.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

segments "$hdata/torture.html" --lang en
has_segment 'Loose text in a div'
has_segment 'inside a section'
has_segment 'and after it.'
has_segment 'One'
has_segment 'Two'
has_segment 'Three'
has_segment 'A'
has_segment 'D'
has_segment 'Term 2'
has_segment 'Def 2'
has_segment 'First'
has_segment 'Second'
has_segment 'Third'
has_segment 'Custom element text'
has_segment 'Indented\n    preformatted   text'
has_segment 'Carriage\nreturn and \ttab.'
has_segment 'Trailing text without a newline'
# <textarea> is RCDATA: its text, tags included, is text.
has_segment 'Default <b>text</b> & more'
# No letter or digit: no unit.
no_segment '***'
no_text '&nbsp;'
# A pair of tags around the whole text stays outside the unit.
segments "$hdata/docs-install.html"
has_segment 'Overview'
has_segment '--with-postgres'
has_segment 'Minimum and recommended resources'
has_segment 'The login page after a fresh installation.'
has_segment 'Memory'
has_segment '8&nbsp;GB or more'
no_text '<li'
no_text '<td'

# Names: the path of block elements, the attribute for attribute units.
run_bitext extract -s en -o "$work/docs.xlf" "$hdata/docs-install.html"
expect_status 0
for name in html/head/title html/head/meta/@content \
	html/body/main/h1 html/body/main/table/caption \
	html/body/main/table/tbody/tr/td html/body/main/ol/li \
	html/body/main/dl/dd html/body/main/figure/img/@alt \
	html/body/nav/@aria-label html/body/main/pre; do
	checks=$((checks + 1))
	grep -q "<unit id=\"u[0-9a-f-]*\" name=\"$name\"" "$work/docs.xlf" ||
		fail "no unit named $name"
done
# Inline elements are codes with their markup, pairs as <pc>.
checks=$((checks + 1))
grep -q '<pc id="[0-9]*" dataRefStart="d[0-9]*" dataRefEnd="d[0-9]*" type="fmt"[^>]*>Tessera<ph id="[0-9]*" dataRef="d[0-9]*" type="other" disp="[^"]*"/>4.2</pc>' \
	"$work/docs.xlf" || fail "<strong>Tessera&nbsp;4.2</strong> is not a <pc> with a <ph> inside"
checks=$((checks + 1))
grep -q 'type="link"' "$work/docs.xlf" || fail "no link code"
checks=$((checks + 1))
grep -q '<data id="d[0-9]*">&lt;a href="upgrade.html#from-3"&gt;</data>' \
	"$work/docs.xlf" || fail "the <a> code lacks its original markup"
finish
