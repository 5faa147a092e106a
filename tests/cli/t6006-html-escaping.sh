#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Entities and escaping.  &amp; &lt; &gt; decode to text (and &quot; in a
# double-quoted attribute value, &#39; in a single-quoted one); every other
# reference, and raw characters the writer would escape, are standalone
# codes showing their character.  Translations with & < > " ' = and spaces
# are written back escaped for where they go: element content, or an
# attribute value double-quoted, single-quoted or unquoted; a parser reads
# exactly the translation back.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"

run_bitext extract -s en -t fr -o "$work/t.xlf" "$hdata/torture.html"
expect_status 0
x="$work/t.xlf"
expect_in_xliff() {	# FIXED-STRING
	checks=$((checks + 1))
	grep -Fq -- "$1" "$x" || fail "the XLIFF lacks: $1"
}
# Decoded to text.
expect_in_xliff '<source>Tags &amp; entities: a <ph id="1" dataRef="d1" type="other" disp="&lt;"/>test<ph'
expect_in_xliff '<source>A "quoted" title &amp; more</source>'
expect_in_xliff "<source>Single \"quoted\" 'title'</source>"
expect_in_xliff '<source>Unquoted&amp;short</source>'
# Codes that show their character.
expect_in_xliff '<data id="d6">&amp;copy;</data>'
expect_in_xliff 'type="other" disp="©"/>'
expect_in_xliff '<data id="d1">&gt;</data>'
expect_in_xliff 'disp="&gt;"/> sign'
expect_in_xliff '<data id="d7">&amp;#xA9;</data>'
expect_in_xliff '<data id="d4">&amp;not</data>'

# Translations with the characters that need escaping, in a page of each
# context (html.parser, which reads it back, knows no HTML5 comments like
# the torture test's <!-->).
cat >"$work/esc.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><title>Tags &amp; entities</title>
<meta name=description content=Unquoted&amp;short>
<meta property='og:title' content='Single "quoted" &#39;title&#39;'>
</head><body>
<p title="A &quot;quoted&quot; title &amp; more">Raw > sign, AT&T, &copy; &#xA9; &eacute;t&eacute; &#x4E2D;&#25991;.</p>
<my-widget data-x=1>Custom element text</my-widget>
<button type=button aria-label="Close dialog">&times;</button>
<img src=x.png alt=Unquoted>
</body></html>
HTML
run_bitext extract -s en -t fr -o "$work/esc.xlf" "$work/esc.html"
expect_status 0
"$PY" - "$work/esc.xlf" "$work/t-fr.xlf" <<'PY' || fail "writing the translations"
import sys
from lxml import etree
NS = "urn:oasis:names:tc:xliff:document:2.0"
tr = {
    "A \"quoted\" title & more": "Un titre « cité » & <plus> \"x\" 'y' = z",
    "Single \"quoted\" 'title'": "Titre 'simple' & \"double\"",
    "Unquoted&short": "Non cité & \"court\" 'x' = `y`",
    "Close dialog": "Fermer <la> fenêtre & \"tout\"",
    "Custom element text": "Texte <b>pas une balise</b> & \"guillemets\" 'x'",
    "Unquoted": "Non cité",
}
tree = etree.parse(sys.argv[1])
for seg in tree.iter("{%s}segment" % NS):
    src = seg.find("{%s}source" % NS)
    if len(src) == 0 and src.text in tr:
        assert seg.find("{%s}target" % NS) is None
        t = etree.SubElement(seg, "{%s}target" % NS)
        t.text = tr[src.text]
tree.write(sys.argv[2], xml_declaration=True, encoding="UTF-8")
PY
run_bitext merge -o "$work/t-fr.html" "$work/t-fr.xlf"
expect_status 0
checks=$((checks + 1))
"$PY" - "$work/t-fr.html" <<'PY' || fail "the translations do not read back"
import sys
from html.parser import HTMLParser
want_attrs = {
    ("p", "title"): "Un titre « cité » & <plus> \"x\" 'y' = z",
    ("meta", "content"): None,
    ("button", "aria-label"): "Fermer <la> fenêtre & \"tout\"",
    ("img", "alt"): "Non cité",
}
seen = {}
texts = []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            seen.setdefault((tag, k), []).append(v)
    def handle_data(self, d):
        texts.append(d)
p = P(convert_charrefs=True)
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
ok = True
def need(cond, what):
    global ok
    if not cond:
        print("FAIL: " + what, file=sys.stderr)
        ok = False
need(want_attrs[("p", "title")] in seen[("p", "title")], "p title: %r" % seen[("p", "title")])
need("Non cité & \"court\" 'x' = `y`" in seen[("meta", "content")], "unquoted meta: %r" % seen[("meta", "content")])
need("Titre 'simple' & \"double\"" in seen[("meta", "content")], "single-quoted meta: %r" % seen[("meta", "content")])
need(want_attrs[("button", "aria-label")] in seen[("button", "aria-label")], "aria-label")
need("Non cité" in seen[("img", "alt")], "unquoted alt: %r" % seen[("img", "alt")])
need("Texte <b>pas une balise</b> & \"guillemets\" 'x'" in "".join(texts), "element text")
# The attribute after the empty unquoted value is still its own.
need(("img", "src") in seen and "x.png" in seen[("img", "src")], "img src")
sys.exit(0 if ok else 1)
PY
# As written: the quote styles kept, unquoted values without spaces.
checks=$((checks + 1))
grep -Fq "content='Titre &#39;simple&#39; &amp; \"double\"'" \
	"$work/t-fr.html" || fail "single-quoted value not escaped with &#39;"
checks=$((checks + 1))
grep -Fq 'content=Non&#32;cité&#32;&amp;&#32;&quot;court&quot;&#32;&#39;x&#39;&#32;&#61;&#32;&#96;y&#96;>' \
	"$work/t-fr.html" || fail "unquoted value not escaped"
checks=$((checks + 1))
grep -Fq '<img src=x.png alt=Non&#32;cité>' "$work/t-fr.html" ||
	fail "an unquoted value with a space is not escaped"
# An empty translation of an unquoted value is written "", so that what
# follows does not become the value.
printf '<p>Logo:</p><img alt=Logo src=logo.png>\n' >"$work/empty.html"
run_bitext extract -s en -t fr -o "$work/empty.xlf" "$work/empty.html"
expect_status 0
run_bitext merge --missing empty -o "$work/empty.out" "$work/empty.xlf"
expect_status 0
printf '<p></p><img alt="" src=logo.png>\n' >"$work/empty.expect"
expect_same "$work/empty.out" "$work/empty.expect"
checks=$((checks + 1))
grep -Fq 'Texte &lt;b&gt;pas une balise&lt;/b&gt; &amp; "guillemets"' \
	"$work/t-fr.html" || fail "element text not escaped"
finish
