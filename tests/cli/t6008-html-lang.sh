#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Languages: the lang (or xml:lang) of <html> is the document's language
# (segment needs no --lang).  Merge with translations sets the lang and
# xml:lang of <html> to the XLIFF's target language, as written (quotes
# kept) or adds lang, when a unit is translated, even if the first units
# are not; with no translation the page comes back unchanged.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"

# segment takes the page's language.
run_bitext segment --format json "$hdata/news-zh-CN.html"
expect_status 0
expect_stdout_match '"language": "zh-CN"'
run_bitext segment --format json "$hdata/epub-chapter.xhtml"
expect_status 0
expect_stdout_match '"language": "en"'
printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><body><p>Guten Tag. Wie geht es?</p></body></html>\n' \
	>"$work/xmllang.xhtml"
run_bitext segment --format json "$work/xmllang.xhtml"
expect_status 0
expect_stdout_match '"language": "de"'
# A comment and spaces before <html> do not hide it.
printf '\n<!-- generated -->\n<!DOCTYPE html>\n<HTML LANG = "pt-BR" ><p>Olá.</p>\n' \
	>"$work/late.html"
run_bitext segment --format json "$work/late.html"
expect_status 0
expect_stdout_match '"language": "pt-BR"'
# No lang at all: segment asks for one.
printf '<html><p>Hello.</p></html>\n' >"$work/nolang.html"
run_bitext segment "$work/nolang.html"
expect_status 2
expect_stderr_match 'give it with --lang'

# Merging translations: lang follows the target language.  (Languages
# that space sentences alike, so that only the <html> line changes.)
translate_all() {	# IN.xlf OUT.xlf
	# Every segment's target is a copy of its source (a translation).
	sed 's|<source>\(.*\)</source>|<source>\1</source><target>\1</target>|' \
		"$1" >"$2"
}
merge_lang() {	# FILE SRCLANG TRGLANG EXPECTED-HTML-TAG
	ml_name=$(basename "$1")
	run_bitext extract -s "$2" -t "$3" -o "$work/$ml_name.xlf" "$1"
	expect_status 0
	translate_all "$work/$ml_name.xlf" "$work/$ml_name.t.xlf"
	run_bitext merge -o "$work/$ml_name.out" "$work/$ml_name.t.xlf"
	expect_status 0
	checks=$((checks + 1))
	grep -Fq -- "$4" "$work/$ml_name.out" ||
		fail "$ml_name: no '$4' in $(grep -i '<html' "$work/$ml_name.out")"
	# Nothing else changed.
	checks=$((checks + 1))
	[ "$(diff "$work/$ml_name.out" "$1" | grep -c '^<')" -eq 1 ] ||
		fail "$ml_name: more than the <html> line changed"
}
merge_lang "$hdata/news-zh-CN.html" zh-CN zh-TW '<html lang="zh-TW">'
merge_lang "$hdata/epub-chapter.xhtml" en de \
	'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="de" lang="de">'
merge_lang "$hdata/legacy-cafe.html" fr de '<HTML LANG=de>'
merge_lang "$work/late.html" pt-BR es '<HTML LANG = "es" >'
merge_lang "$work/nolang.html" en fr '<html lang="fr">'
printf "<html lang='en' class=x><body><p>Hi there.</p></body></html>\n" \
	>"$work/single.html"
merge_lang "$work/single.html" en zh-Hant "<html lang='zh-Hant' class=x>"

# Only a unit far down the page is translated: lang still changes.
"$PY" - "$work/news-zh-CN.html.xlf" "$work/one.xlf" <<'PY' || fail "one.xlf"
import sys
from lxml import etree
NS = "urn:oasis:names:tc:xliff:document:2.0"
tree = etree.parse(sys.argv[1])
seg = [s for s in tree.iter("{%s}segment" % NS)][-3]
etree.SubElement(seg, "{%s}target" % NS).text = "Translated."
tree.write(sys.argv[2], xml_declaration=True, encoding="UTF-8")
PY
run_bitext merge -o "$work/one.html" "$work/one.xlf"
expect_status 0
checks=$((checks + 1))
grep -q '<html lang="zh-TW">' "$work/one.html" || fail "lang not set"
checks=$((checks + 1))
grep -q 'Translated\.' "$work/one.html" || fail "the translation is lost"

# No translation: the page is unchanged, lang included.
run_bitext extract -s zh-CN -t en -o "$work/none.xlf" "$hdata/news-zh-CN.html"
expect_status 0
run_bitext merge -o "$work/none.html" "$work/none.xlf"
expect_status 0
expect_same "$work/none.html" "$hdata/news-zh-CN.html"
finish
