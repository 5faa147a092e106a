#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter, ITS Elements Within Text: "yes" elements are inline codes in
# the unit of the text around them (a pair, or one code when empty, or one
# code for all of an untranslatable one); "no" elements (the default) end
# the text before them and make units of their own; "nested" elements are
# units of their own that come after the unit they sit in, where a code
# keeps their place.  Local its:withinText wins over rules, its:span is
# inline by default.  A translated nested element and a translated
# attribute of an inline element go back in their place at merge.
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/wt.xml" <<'XML'
<?xml version="1.0"?>
<doc xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">
  <its:rules version="2.0">
    <its:withinTextRule selector="//b | //code | //br | //a | //img"
                        withinText="yes"/>
    <its:withinTextRule selector="//fn | //idx" withinText="nested"/>
    <its:translateRule selector="//code" translate="no"/>
    <its:translateRule selector="//a/@title | //img/@alt" translate="yes"/>
  </its:rules>
  <p>One <b>bold</b> word,<br/>a <code>x &lt; y</code> sample.</p>
  <p>Before the list <list><item>First item</item></list> after the list.</p>
  <p>Main text<fn>The footnote text.</fn> goes on.</p>
  <p><idx>Index entry</idx>Starts with an index entry.</p>
  <p>Local <em its:withinText="yes">inline</em> element and <its:span>span</its:span>.</p>
  <p>Local <b its:withinText="no">block</b> element.</p>
  <p>A <a href="/x" title="Link title">link</a> and <img src="i.png" alt="An image"/> here.</p>
</doc>
XML
run_bitext segment --lang en --format tsv "$work/wt.xml"
expect_status 0
cut -f 1,3 "$work/stdout" >"$work/units"
cut -f 2 "$work/units" >"$work/text"
cat >"$work/want" <<'TXT'
One <b>bold</b> word,<br/>a <code>x &lt; y</code> sample.
Before the list
First item
after the list.
Main text<fn></fn> goes on.
The footnote text.
Index entry
Starts with an index entry.
Local <em its:withinText="yes">inline</em> element and <its:span>span</its:span>.
Local
block
element.
A <a href="/x" title="Link title">link</a> and <img src="i.png" alt="An image"/> here.
Link title
An image
TXT
expect_same "$work/text" "$work/want"

# The codes: a pair for <b>, standalone for <br/> and the untranslatable
# <code> (all of it), one for the footnote's place.
run_bitext extract --srclang en -o "$work/wt.xlf" "$work/wt.xml"
expect_status 0
checks=$((checks + 1))
tr -d '\n' <"$work/wt.xlf" | grep -q '<source>One <pc id="1"[^>]*>bold</pc> word,<ph id="2"[^>]*/>a <ph id="3"[^>]*/> sample.</source>' ||
	fail "codes of the first paragraph"
checks=$((checks + 1))
grep -q '<data id="d[0-9]">&lt;code&gt;x &amp;lt; y&lt;/code&gt;</data>' \
	"$work/wt.xlf" || fail "the untranslatable inline element is one code"
checks=$((checks + 1))
grep -q '<source>Main text<ph id="1" dataRef="d1"[^>]*/> goes on.</source>' \
	"$work/wt.xlf" || fail "the footnote's place"
run_bitext merge -o "$work/wt.out" "$work/wt.xlf"
expect_status 0
expect_same "$work/wt.out" "$work/wt.xml"

# Translate the footnote and the attributes only: they go back in place.
id_of() { grep -F "	$1" "$work/units" | cut -f 1; }
{
	printf '%s\t1\tLe texte de la note & <co>.\n' "$(id_of 'The footnote')"
	printf '%s\t1\tTitre du "lien"\n' "$(id_of 'Link title')"
	printf '%s\t1\tUne image\n' "$(id_of 'An image')"
	printf '%s\t1\tEntrée d'"'"'index\n' "$(id_of 'Index entry')"
} >"$work/targets.tsv"
"$BT_TEST_TOOL" fill-targets "$work/wt.xlf" "$work/targets.tsv" \
	"$work/fr.xlf" || fail "fill-targets"
run_bitext merge -o "$work/fr.xml" "$work/fr.xlf"
expect_status 0
checks=$((checks + 1))
grep -qF '<p>Main text<fn>Le texte de la note &amp; &lt;co&gt;.</fn> goes on.</p>' \
	"$work/fr.xml" || fail "nested text not in its place"
checks=$((checks + 1))
grep -qF '<a href="/x" title="Titre du &quot;lien&quot;">link</a> and <img src="i.png" alt="Une image"/> here.' \
	"$work/fr.xml" || fail "attributes of inline elements not in place"
checks=$((checks + 1))
grep -qF "<p><idx>Entrée d'index</idx>Starts with an index entry.</p>" \
	"$work/fr.xml" || fail "nested element at the start of a unit"
if [ -n "${XMLLINT:-}" ]; then
	checks=$((checks + 1))
	"$XMLLINT" --noout "$work/fr.xml" || fail "merged file not well formed"
fi

# A footnote in a footnote, and in a list item inside it.
cat >"$work/deep.xml" <<'XML'
<doc xmlns:its="http://www.w3.org/2005/11/its">
  <its:rules version="2.0">
    <its:withinTextRule selector="//fn" withinText="nested"/>
    <its:withinTextRule selector="//a" withinText="yes"/>
    <its:translateRule selector="//a/@title" translate="yes"/>
  </its:rules>
  <p>Outer<fn>Inner<fn>Innermost <a title="Deep title">x</a> text.</fn> rest.</fn> end.</p>
</doc>
XML
run_bitext segment --lang en --format tsv "$work/deep.xml"
expect_status 0
cut -f 3 "$work/stdout" >"$work/text"
printf '%s\n' 'Outer<fn></fn> end.' 'Inner<fn></fn> rest.' \
	'Innermost <a title="Deep title">x</a> text.' 'Deep title' \
	>"$work/want"
expect_same "$work/text" "$work/want"
run_bitext extract --srclang en -o "$work/deep.xlf" "$work/deep.xml"
expect_status 0
run_bitext segment --lang en --format tsv "$work/deep.xml"
cut -f 1 "$work/stdout" >"$work/ids"
printf '%s\t1\tTITRE PROFOND\n' "$(sed -n 4p "$work/ids")" >"$work/deep.tsv"
"$BT_TEST_TOOL" fill-targets "$work/deep.xlf" "$work/deep.tsv" \
	"$work/deep-fr.xlf" || fail "fill-targets"
run_bitext merge -o "$work/deep-fr.xml" "$work/deep-fr.xlf"
expect_status 0
checks=$((checks + 1))
grep -qF '<p>Outer<fn>Inner<fn>Innermost <a title="TITRE PROFOND">x</a> text.</fn> rest.</fn> end.</p>' \
	"$work/deep-fr.xml" || fail "nested regions inside nested regions"
finish
