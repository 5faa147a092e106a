#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter: the rules bitext brings (data/its/).  A document whose root
# is DocBook 5 or DocBook 4 gets data/its/docbook.xml: inline elements are
# codes, computer text (literal, filename, command...) one code each,
# footnotes and index terms units of their own, program listings and
# screens not translated, a remark a note; XHTML gets data/its/xhtml.xml
# and its translate attribute.  Any other vocabulary gets none of them.
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/xml"

# DocBook 5.
segments "$data/docbook5-chapter.xml" --lang en
no_text 'dpkg -i'
no_text 'CDATA'
has_text 'If <command>dpkg</command> reports missing dependencies, run'
has_text 'and try again.<footnote></footnote> The program is then in <filename>/usr/bin/lantern</filename>.'
has_text 'On older systems the package manager may ask you to confirm the'
has_text 'This is <emphasis>normal</emphasis>.'
# The footnote's unit comes right after the paragraph it is in.
checks=$((checks + 1))
grep -A1 'try again.<footnote></footnote>' "$work/seg.txt" |
	grep -q '^On older systems' || fail "footnote unit not after its paragraph"
checks=$((checks + 1))
grep -qx 'installation' "$work/seg.txt" && grep -qx 'Linux' "$work/seg.txt" ||
	fail "index term parts are units"
has_text 'See <xref linkend="sec-requirements"/> if a'
no_text '8080'
has_text 'The web console over <acronym>TLS</acronym>'
checks=$((checks + 1))
[ "$(grep -cx 'System requirements' "$work/seg.txt")" -eq 2 ] ||
	fail "xreflabel is a unit (beside the title)"
run_bitext extract --srclang en -o "$work/db5.xlf" \
	"$data/docbook5-chapter.xml"
expect_status 0
checks=$((checks + 1))
grep -qF '<note category="description">Check the Windows 11 steps again before release.</note>' \
	"$work/db5.xlf" || fail "remark as a note"
checks=$((checks + 1))
grep -qF '&lt;userinput&gt;sudo apt-get install -f&lt;/userinput&gt;</data>' \
	"$work/db5.xlf" || fail "userinput as one code"
checks=$((checks + 1))
grep -q 'sudo apt-get install -f</pc>' "$work/db5.xlf" &&
	fail "userinput's text is not to be translated"

# DocBook 4, in ISO-8859-1 with named entities (the DTD is not read).
segments "$data/docbook4-article.de.xml" --lang de --lang en
has_text 'Überschüssiges Öl nach 10&nbsp;Minuten abwischen.'
has_text 'kostet weniger als 15&nbsp;&euro; und zeigt'
no_text 'bike-log'
no_text '2023-11-02'
has_text 'Ein <ulink url="https://example.de/kettenlehre">Kettenverschleißmesser</ulink>'
run_bitext extract --srclang de -o "$work/db4.xlf" \
	"$data/docbook4-article.de.xml"
expect_status 0
checks=$((checks + 1))
grep -q 'disp="&lt;userinput&gt;\|<data id="d[0-9]*">&amp;euro;</data>' \
	"$work/db4.xlf" || fail "&euro; as a code"

# The same elements in another vocabulary: no DocBook rules.
cat >"$work/other.xml" <<'XML'
<manual><para>Text with <emphasis>emphasis</emphasis> here.</para>
<programlisting>make install</programlisting></manual>
XML
segments "$work/other.xml" --lang en
has_text 'Text with'
has_text 'make install'
no_text '<emphasis>'

# XHTML.
cat >"$work/page.xhtml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
  <head><title>Lantern</title>
    <meta name="description" content="A lamp for your network"/>
    <script>var greeting = "not text";</script></head>
  <body>
    <p title="Paragraph title">A <b>bold</b> and <span translate="no">Lantern&#8482;</span> word,
      <img src="l.png" alt="The logo"/> and <code>lantern --check</code>.</p>
    <div translate="no"><p>Not this.</p></div>
    <input type="submit" value="Send"/>
  </body>
</html>
XML
segments "$work/page.xhtml" --filter xml --lang en
has_text 'Lantern'
has_text 'A lamp for your network'
no_text 'not text'
has_text 'A <b>bold</b> and <span translate="no">Lantern&#8482;</span> word,'
has_text 'The logo'
has_text 'Paragraph title'
no_text 'Not this.'
has_text 'Send'
run_bitext extract --srclang en --format xml -o "$work/page.xlf" \
	"$work/page.xhtml"
expect_status 0
run_bitext merge -o "$work/page.out" "$work/page.xlf"
expect_status 0
expect_same "$work/page.out" "$work/page.xhtml"

# The rules are found in the data folder: without them, a clear error.
BITEXT_DATADIR="$work/nowhere" "$BITEXT" segment --lang en \
	"$data/docbook5-chapter.xml" >"$work/stdout" 2>"$work/stderr"
status=$? last_cmd="bitext segment (no data folder)"
expect_status 2
expect_stderr_match 'nowhere/its/docbook.xml: cannot read'
finish
