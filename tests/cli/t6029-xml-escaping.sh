#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter: what text and codes the bytes become, and how translations
# are escaped.  &amp; &lt; &gt; are text (written back escaped); &quot;,
# &apos;, character references, undeclared named entities and a raw '>'
# are standalone codes holding the original bytes (shown decoded);
# comments and processing instructions inside a unit are codes; a CDATA
# section inside other text is a pair of codes with & < > as codes, one
# holding all the text is left around it and written back unescaped; in
# attribute values the quote's own entity is text.  A translator's & < >
# and quotes come out escaped as each place needs, control characters
# XML cannot carry are dropped.
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/e.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE doc SYSTEM "doc.dtd">
<doc xmlns:its="http://www.w3.org/2005/11/its">
  <its:rules version="2.0">
    <its:translateRule selector="//@label" translate="yes"/>
  </its:rules>
  <p n="1">Tom &amp; Jerry &lt;3 &gt; all</p>
  <p n="2">Say &quot;hi&quot; &apos;now&apos; &#169; &#x4E2D;&nbsp;x > y</p>
  <p n="3">Before <!-- note --> middle <?pi data?> after.</p>
  <p n="4">Mixed <![CDATA[a < b & c]]> text.</p>
  <p n="5"><![CDATA[Whole <b>CDATA</b> & more]]></p>
  <p n="6" label='It&apos;s "fine" &amp; &lt;ok&gt;'>Six.</p>
  <p n="7" label="Say &quot;yes&quot; &amp; 'no'">Seven.</p>
  <p n="8">Line one&#13;
line two</p>
</doc>
XML
run_bitext segment --lang en --format tsv "$work/e.xml"
expect_status 0
cut -f 3 "$work/stdout" >"$work/text"
cat >"$work/want" <<'TXT'
Tom & Jerry <3 > all
Say &quot;hi&quot; &apos;now&apos; &#169; &#x4E2D;&nbsp;x > y
Before <!-- note --> middle <?pi data?> after.
Mixed <![CDATA[a < b & c]]> text.
Whole <b>CDATA</b> & more
It's "fine" & <ok>
Six.
Say "yes" & 'no'
Seven.
Line one&#13;\nline two
TXT
expect_same "$work/text" "$work/want"

run_bitext extract --srclang en -o "$work/e.xlf" "$work/e.xml"
expect_status 0
sed 's/^[[:space:]]*//; s#\(</[a-zA-Z]*>\)[[:space:]]*#\1#g' "$work/e.xlf" |
	tr -d '\n' >"$work/flat"
has() {
	checks=$((checks + 1))
	grep -qF -- "$1" "$work/flat" || fail "XLIFF lacks $1"
}
has '<source>Tom &amp; Jerry &lt;3 &gt; all</source>'
has '<data id="d1">&amp;quot;</data>'
has '<ph id="5" dataRef="d5" type="other" disp="©"/>'
has '<ph id="6" dataRef="d6" type="other" disp="中"/>'
has '<data id="d7">&amp;nbsp;</data>'
has 'x <ph id="8" dataRef="d8" type="other" disp="&gt;"/> y'
has '<data id="d1">&lt;!-- note --&gt;</data><data id="d2">&lt;?pi data?&gt;</data>'
has '<data id="d1">&lt;![CDATA[</data><data id="d2">&lt;</data><data id="d3">&amp;</data><data id="d4">]]&gt;</data>'
has '<source>Whole &lt;b&gt;CDATA&lt;/b&gt; &amp; more</source>'
has '<source>It'"'"'s "fine" &amp; &lt;ok&gt;</source>'
run_bitext merge -o "$work/e.out" "$work/e.xlf"
expect_status 0
expect_same "$work/e.out" "$work/e.xml"

# Translations with characters to escape, in each kind of place.
run_bitext segment --lang en --format tsv "$work/e.xml"
ids() { awk -F '\t' -v p="$1" 'index($3, p) == 1 { print $1; exit }' \
	"$work/stdout"; }
{
	printf '%s\t1\tTom & Jerry <3 > "all"\n' "$(ids 'Tom')"
	printf '%s\t1\tEntier <i>CDATA</i> & ]]> plus\n' "$(ids 'Whole')"
	printf '%s\t1\tC'"'"'est "bien" & <ok>\n' "$(ids 'It')"
	printf '%s\t1\tDis "oui" & '"'"'non'"'"'\n' "$(ids 'Say "yes"')"
	printf '%s\t1\tSept\007 bells.\n' "$(ids 'Seven')"
} >"$work/t.tsv"
"$BT_TEST_TOOL" fill-targets "$work/e.xlf" "$work/t.tsv" "$work/t.xlf" ||
	fail "fill-targets"
run_bitext merge -o "$work/t.xml" "$work/t.xlf"
expect_status 0
got() {
	checks=$((checks + 1))
	grep -qF -- "$1" "$work/t.xml" || fail "merged file lacks $1"
}
got '<p n="1">Tom &amp; Jerry &lt;3 &gt; "all"</p>'
got '<p n="5"><![CDATA[Entier <i>CDATA</i> & ]]]]><![CDATA[> plus]]></p>'
got "<p n=\"6\" label='C&apos;est \"bien\" &amp; &lt;ok&gt;'>Six.</p>"
got "<p n=\"7\" label=\"Dis &quot;oui&quot; &amp; 'non'\">Sept bells.</p>"
if [ -n "${XMLLINT:-}" ]; then
	checks=$((checks + 1))
	"$XMLLINT" --noout "$work/t.xml" 2>/dev/null ||
		fail "merged file not well formed"
fi

# Characters that pose as inline-code markers stay text-safe.
printf '<doc><p>Marker \357\267\220 and \357\267\222 here.</p></doc>\n' \
	>"$work/mark.xml"
run_bitext extract --srclang en -o "$work/mark.xlf" "$work/mark.xml"
expect_status 0
run_bitext merge -o "$work/mark.out" "$work/mark.xlf"
expect_status 0
expect_same "$work/mark.out" "$work/mark.xml"
finish
