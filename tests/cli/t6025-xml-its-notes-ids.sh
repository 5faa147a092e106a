#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter, ITS Localization Note, Id Value and Preserve Space.
# Notes come from locNoteRule (its:locNote, locNotePointer, locNoteRef,
# locNoteRefPointer) and local its:locNote / its:locNoteRef; they go to
# the units of the element and of its descendants (not its attributes),
# as XLIFF notes of category "description" or "alert".  A unit's name is
# its Id Value (xml:id, or idValueRule's XPath, xml:id winning), or the
# path of its element from the nearest one with an id.  Preserve Space
# keeps the white space at a unit's edges in the unit.
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/n.xml" <<'XML'
<?xml version="1.0"?>
<res xmlns:its="http://www.w3.org/2005/11/its" xmlns:x="urn:x">
  <its:rules version="2.0">
    <its:locNoteRule selector="//msg[@max]" locNoteType="alert">
      <its:locNote>  Keep it short.  </its:locNote>
    </its:locNoteRule>
    <its:locNoteRule selector="//msg[@hint]" locNoteType="description"
                     locNotePointer="@hint"/>
    <its:locNoteRule selector="//msg[@doc]" locNoteType="description"
                     locNoteRefPointer="@doc"/>
    <its:locNoteRule selector="//group" locNoteType="description"
                     locNoteRef="https://example.org/style#menus"/>
    <its:idValueRule selector="//msg" idValue="@key"/>
    <its:idValueRule selector="//x:label" idValue="concat('label-', @n)"/>
    <its:translateRule selector="//msg/@tip" translate="yes"/>
    <its:preserveSpaceRule selector="//msg[@pre]" space="preserve"/>
  </its:rules>
  <msg key="k1" max="10">Save</msg>
  <msg key="k2" hint="Verb, on a button">Open</msg>
  <msg key="k3" doc="https://example.org/help#k3">Close</msg>
  <msg key="k4" its:locNote="Local note wins." hint="Rule note">Print</msg>
  <msg key="k5" its:locNoteRef="https://example.org/k5">Share</msg>
  <msg key="k6" xml:id="local-id">Rename</msg>
  <msg key="k7" tip="Tip text">Delete</msg>
  <group xml:id="menu">
    <title>Menu</title>
    <x:label n="7">Label seven</x:label>
    <msg its:locNoteType="alert" its:locNote="An alert.">Quit</msg>
    <div><p>No id here</p></div>
  </group>
  <msg key="k8" pre="1">  Spaced text  </msg>
  <msg key="k9" xml:space="preserve">
    Local preserve
  </msg>
  <msg key="k10">  Trimmed text  </msg>
</res>
XML
run_bitext extract --srclang en -o "$work/n.xlf" "$work/n.xml"
expect_status 0
# One line, without the writer's indentation (text keeps its spaces).
sed 's/^[[:space:]]*//; s#\(</[a-zA-Z]*>\)[[:space:]]*#\1#g' "$work/n.xlf" |
	tr -d '\n' >"$work/flat"

unit() {	# NAME NOTES-XML: the unit named NAME starts with these notes
	checks=$((checks + 1))
	grep -qF "name=\"$1\">$2" "$work/flat" ||
		fail "unit $1: expected $2"
}

unit k1 '<notes><note category="alert">Keep it short.</note></notes>'
unit k2 '<notes><note category="description">Verb, on a button</note></notes>'
unit k3 '<notes><note category="description">https://example.org/help#k3</note></notes>'
unit k4 '<notes><note category="description">Local note wins.</note></notes>'
unit k5 '<notes><note category="description">https://example.org/k5</note></notes>'
unit local-id '<segment'
unit k7 '<segment'
unit k7/@tip '<segment'
unit menu/title '<notes><note category="description">https://example.org/style#menus</note></notes>'
unit label-7 '<notes><note category="description">https://example.org/style#menus</note></notes>'
unit menu/msg '<notes><note category="alert">An alert.</note></notes>'
unit menu/div/p '<notes><note category="description">https://example.org/style#menus</note></notes>'

# Preserve Space: the white space around the text stays in the unit.
run_bitext segment --lang en --format json "$work/n.xml"
expect_status 0
expect_stdout_match '"name":"k8"'
unit k8 '<ignorable id="i1"><source>  </source></ignorable><segment id="s1"><source>Spaced text</source></segment><ignorable id="i2"><source>  </source>'

checks=$((checks + 1))
grep -qF 'name="k10"><segment id="s1"><source>Trimmed text</source>' \
	"$work/flat" || fail "k10: spaces at the edges should be skeleton"
checks=$((checks + 1))
grep -qF 'Local preserve' "$work/flat" || fail "k9 missing"
checks=$((checks + 1))
grep -qF 'name="k10"><segment id="s1"><source>  ' "$work/flat" &&
	fail "k10 keeps its spaces"
run_bitext merge -o "$work/n.out" "$work/n.xlf"
expect_status 0
expect_same "$work/n.out" "$work/n.xml"
finish
