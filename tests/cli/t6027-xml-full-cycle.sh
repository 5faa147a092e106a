#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter: inline codes survive a full cycle.  A translator (a small
# lxml script, tests/data/formats/xml/translate.py) fills every target of
# the XLIFF 2.1 with changed text (upper case, a prefix, & < " ') and
# inline codes moved (two placeholders swapped, a pair moved to the end);
# merge; the result is well formed, says xml:lang="fr", and extracting it
# again gives, unit by unit, the translator's text with each inline code
# once, in the translator's order: footnotes, attribute values of inline
# elements and CDATA sections included.
. "$top_srcdir/tests/cli/lib.sh"

/usr/bin/python3 -c 'import lxml' 2>/dev/null ||
	skip "python3-lxml not installed (for /usr/bin/python3)"
data="$top_srcdir/tests/data/formats/xml"

cycle() {	# FILE NAME LANG [EXTRACT OPTIONS...]
	c_file=$1 c_name=$2 c_lang=$3
	shift 3
	run_bitext extract --srclang "$c_lang" "$@" -o "$work/$c_name.xlf" \
		"$c_file"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/translate.py" fill "$work/$c_name.xlf" \
		"$work/$c_name.fr.xlf" || fail "$c_name: translate.py fill"
	run_bitext merge -o "$work/$c_name.fr.xml" "$work/$c_name.fr.xlf"
	expect_status 0
	if [ -n "${XMLLINT:-}" ]; then
		checks=$((checks + 1))
		"$XMLLINT" --noout "$work/$c_name.fr.xml" 2>/dev/null ||
			fail "$c_name: merged file not well formed"
	fi
	checks=$((checks + 1))
	/usr/bin/python3 -c 'import sys; from lxml import etree
p = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
etree.parse(sys.argv[1], p)' "$work/$c_name.fr.xml" ||
		fail "$c_name: lxml cannot parse the merged file"
	run_bitext extract --srclang fr "$@" -o "$work/$c_name.again.xlf" \
		"$work/$c_name.fr.xml"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/translate.py" compare "$work/$c_name.fr.xlf" \
		"$work/$c_name.again.xlf" ||
		fail "$c_name: the merged file does not hold the translation"
}

cycle "$data/docbook5-chapter.xml" db5 en
cycle "$data/lumen-messages.xml" lumen zh-CN
cycle "$data/trailhead-strings.xml" trail en --its "$data/android.its"
cycle "$data/docbook4-article.de.xml" db4 de
checks=$((checks + 1))
grep -q 'xml:lang="fr"' "$work/db5.fr.xml" || fail "xml:lang not set"

# Moved codes, by hand: in this paragraph the footnote's placeholder and
# a cross-reference with a translatable label are the first two <ph>: the
# translator swaps them, and they swap in the merged file, each with its
# translation inside; the <emphasis> pair goes to the end.
cat >"$work/move.xml" <<'XML'
<?xml version="1.0"?>
<book xmlns="http://docbook.org/ns/docbook" version="5.1">
  <para>First<footnote><para>Note text.</para></footnote> then
    <xref linkend="s1" xreflabel="Label text"/> and <emphasis>this</emphasis> last.</para>
</book>
XML
cycle "$work/move.xml" move en
cat >"$work/move.want" <<'XML'
<?xml version="1.0"?>
<book xmlns="http://docbook.org/ns/docbook" version="5.1">
  <para>«FR» FIRST<xref linkend="s1" xreflabel="«FR» LABEL TEXT &amp; &lt;x&gt; &quot;q&quot; 'a'"/> THEN
    <footnote><para>«FR» NOTE TEXT. &amp; &lt;x&gt; "q" 'a'</para></footnote> AND  LAST. &amp; &lt;x&gt; "q" 'a'<emphasis>THIS</emphasis></para>
</book>
XML
expect_same "$work/move.fr.xml" "$work/move.want"
finish
