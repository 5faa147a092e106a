#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Encodings: without --encoding, the html filter reads the charset the
# first 1024 bytes declare (<meta charset>, <meta http-equiv=Content-Type>,
# an XML declaration), labels mapped as browsers map them (iso-8859-1 is
# windows-1252, gb2312 is GBK); a byte-order mark and --encoding win.
# Merge writes the original encoding, and a translated character that
# encoding cannot hold as a numeric character reference.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"

expect_in() {	# FILE FIXED-STRING
	checks=$((checks + 1))
	grep -Fq -- "$2" "$1" || fail "$1 lacks: $2"
}

# ISO-8859-1 declared, windows-1252 bytes (0x92, 0x80) used: as browsers do.
cafe="$hdata/legacy-cafe.html"
run_bitext extract -s fr -t zh-CN -o "$work/cafe.xlf" "$cafe"
expect_status 0
expect_in "$work/cafe.xlf" '<source>Le Café du Coin - Lyon 2e</source>'
expect_in "$work/cafe.xlf" 'Plan d’accès'
expect_in "$work/cafe.xlf" '<source>Menu du jour – 12,50 €</source>'
run_bitext segment --format json "$cafe"
expect_status 0
expect_stdout_match '"encoding": "WINDOWS-1252"'
expect_stdout_match '"language": "fr"'

# GB2312 declared in an unquoted http-equiv: read as GBK.
tea="$hdata/legacy-tea-gb2312.html"
run_bitext extract -s zh-CN -t en -o "$work/tea.xlf" "$tea"
expect_status 0
expect_in "$work/tea.xlf" '<source>欢迎光临江南茶叶网 -- 正宗西湖龙井、碧螺春批发零售</source>'
expect_in "$work/tea.xlf" '<source>江南茶叶网</source>'

# Translations the page's encoding cannot hold: numeric references.
translate() {	# IN.xlf OUT.xlf SOURCE TARGET
	"$PY" - "$@" <<'PY' || fail "translating $3"
import sys
from lxml import etree
NS = "urn:oasis:names:tc:xliff:document:2.0"
tree = etree.parse(sys.argv[1])
n = 0
for seg in tree.iter("{%s}segment" % NS):
    src = seg.find("{%s}source" % NS)
    if len(src) == 0 and src.text == sys.argv[3]:
        etree.SubElement(seg, "{%s}target" % NS).text = sys.argv[4]
        n += 1
tree.write(sys.argv[2], xml_declaration=True, encoding="UTF-8")
sys.exit(0 if n else 1)
PY
}
translate "$work/cafe.xlf" "$work/cafe-zh.xlf" 'Le Café du Coin - Lyon 2e' \
	'角落咖啡馆 – 里昂第二区 (Café)'
run_bitext merge -o "$work/cafe-zh.html" "$work/cafe-zh.xlf"
expect_status 0
expect_in "$work/cafe-zh.html" \
	'&#x89D2;&#x843D;&#x5496;&#x5561;&#x9986; '
checks=$((checks + 1))
"$PY" - "$work/cafe-zh.html" <<'PY' || fail "the Chinese title does not read back"
import html, re, sys
text = open(sys.argv[1], encoding="cp1252").read()
title = re.search(r"<TITLE>(.*?)</TITLE>", text).group(1)
sys.exit(0 if html.unescape(title) == "角落咖啡馆 – 里昂第二区 (Café)" else 1)
PY
# Only the lines of the translated title and of <html lang> changed.
checks=$((checks + 1))
[ "$(diff "$work/cafe-zh.html" "$cafe" | grep -c '^<')" -eq 2 ] ||
	fail "the merged page differs in more than two lines"

translate "$work/tea.xlf" "$work/tea-x.xlf" '江南茶叶网' '江南茶叶网 😀 ŋ'
run_bitext merge -o "$work/tea-x.html" "$work/tea-x.xlf"
expect_status 0
checks=$((checks + 1))
iconv -f GBK -t UTF-8 "$work/tea-x.html" >"$work/tea-x.utf8" ||
	fail "the merged page is not GBK"
# (ŋ is not in GBK either; the value is unquoted: no raw spaces.)
expect_in "$work/tea-x.utf8" 'alt=江南茶叶网&#32;&#x1F600;&#32;&#x14B; src='


# --encoding wins over the declaration.
html_roundtrip "$tea" zh-CN tea18030 --encoding GB18030
run_bitext segment --format json --lang zh-CN --encoding GB18030 "$tea"
expect_status 0
expect_stdout_match '"encoding": "GB18030"'

# A byte-order mark wins too: this page is UTF-8 whatever it says.
printf '\357\273\277<meta charset="gb2312"><p>中文网页</p>\n' >"$work/bom.html"
run_bitext segment --format tsv --lang zh-CN "$work/bom.html"
expect_status 0
expect_stdout_match '	1	中文网页$'
html_roundtrip "$work/bom.html" zh-CN bom

# An XML declaration's encoding (XHTML).
printf '<?xml version="1.0" encoding="ISO-8859-15"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr"><body><p>Prix : 5 \244, d\351j\340 pay\351.</p></body></html>\n' \
	>"$work/x15.xhtml"
run_bitext segment --format tsv "$work/x15.xhtml"
expect_status 0
expect_stdout_match '	1	Prix : 5 €, déjà payé\.$'
html_roundtrip "$work/x15.xhtml" fr x15

# Shift_JIS in http-equiv.
printf '<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>\n<body><p>日本語のページです。</p></body></html>\n' |
	iconv -f UTF-8 -t SHIFT_JIS >"$work/sjis.html"
run_bitext segment --format tsv "$work/sjis.html"
expect_status 0
expect_stdout_match '	1	日本語のページです。$'
html_roundtrip "$work/sjis.html" ja sjis

# A declaration after the first 1024 bytes does not count (as in
# browsers): this page is read as UTF-8, and its é is not.
{
	printf '<!-- %01100d -->\n' 0
	printf '<meta charset="windows-1252"><p>Caf\351</p>\n'
} >"$work/late.html"
run_bitext extract -s fr -o "$work/late.xlf" "$work/late.html"
expect_status 2
expect_stderr_match 'not valid UTF-8 at line 2, column'
expect_no_file "$work/late.xlf"
# An unknown label: UTF-8.
printf '<meta charset="x-no-such-charset"><p>Déjà vu</p>\n' >"$work/unknown.html"
run_bitext segment --format tsv --lang fr "$work/unknown.html"
expect_status 0
expect_stdout_match '	1	Déjà vu$'
finish
