#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# XHTML goes through the html filter: found by its .xhtml name or its XML
# declaration; "/>" closes any element (<a id="p1"/>, <br/> kept as
# written); a CDATA section is one code; after translation the page is
# still well-formed XML with xml:lang and lang set.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"
x="$hdata/epub-chapter.xhtml"

run_bitext segment --format json "$x"
expect_status 0
expect_stdout_match '"filter": "html"'
segments "$x"
has_segment 'The boat left Kirkwall before dawn.'
has_segment 'Stroma lighthouse, <i>c.</i>&#160;1950.'
has_segment 'The sea has neither meaning nor pity.<br/>&#8212; Anton Chekhov'
no_text 'first-letter'
no_text '<a id="p1"/>'
html_roundtrip "$x" en epub

# A self-closed <a/> is empty in XHTML: the text after it is not a link.
run_bitext extract -s en -t de -o "$work/x.xlf" "$x"
expect_status 0
checks=$((checks + 1))
grep -Fq '<source>The boat left Kirkwall before dawn.</source>' "$work/x.xlf" ||
	fail "<a id=\"p1\"/> is not left out of the unit"
checks=$((checks + 1))
grep -Fq '<data id="d1">&lt;br/&gt;</data>' "$work/x.xlf" ||
	fail "<br/> is not kept as written"

# Translated: well-formed, lang and xml:lang set, codes in order.
"$PY" "$hdata/cycle.py" translate "$work/x.xlf" "$work/x-de.xlf" ||
	fail "cycle.py translate"
run_bitext merge -o "$work/x-de.xhtml" "$work/x-de.xlf"
expect_status 0
checks=$((checks + 1))
"$PY" "$hdata/cycle.py" check "$x" "$work/x-de.xhtml" "$work/x-de.xlf" de \
	xhtml || fail "cycle.py check"
checks=$((checks + 1))
grep -q 'xml:lang="de" lang="de"' "$work/x-de.xhtml" || fail "xml:lang not set"

# The same page named .html, found by its XML declaration; CDATA inside a
# paragraph is a code, and in plain HTML it is a bogus comment up to '>'.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body>\n<p>Use <![CDATA[a <b> c]]> here.</p><div/><p>After an empty div.</p>\n</body></html>\n' \
	>"$work/cdata.html"
segments "$work/cdata.html"
has_segment 'Use <![CDATA[a <b> c]]> here.'
has_segment 'After an empty div.'
html_roundtrip "$work/cdata.html" en cdata
run_bitext extract -s en -o "$work/cdata.xlf" "$work/cdata.html"
checks=$((checks + 1))
grep -q '<source>Use <ph id="1" dataRef="d1"[^>]*/> here.</source>' \
	"$work/cdata.xlf" || fail "the CDATA section is not one code"
printf '<html lang="en"><body><p>Use <![CDATA[a <b> c]]> here.</p></body></html>\n' \
	>"$work/cdata-html.html"
segments "$work/cdata-html.html"
has_segment 'Use <![CDATA[a <b> c]]> here.'
html_roundtrip "$work/cdata-html.html" en cdatahtml
finish
