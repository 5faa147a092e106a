#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Lossless round trip of the html filter's own sample pages: a
# documentation page (tables, pre/code, lists, images), a Chinese news page
# (forms, meta description, entities, nbsp), two sloppy legacy pages (one
# ISO-8859-1 with CRLF, one GB2312), an XHTML book chapter and a tokenizer
# torture test; also with a BOM, in UTF-16, with CRLF line ends, and with an
# external skeleton.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

for f in docs-install.html news-zh-CN.html legacy-cafe.html \
	legacy-tea-gb2312.html epub-chapter.xhtml torture.html; do
	name=${f%.*}
	case $f in *zh-CN*|*gb2312*) lang=zh-CN ;; *cafe*) lang=fr ;;
	*) lang=en ;; esac
	html_roundtrip "$hdata/$f" "$lang" "$name"
	expect_units_at_least "$work/$name.2.1.xlf" 10
done

# The same page with a UTF-8 byte-order mark, with CRLF line ends, and in
# UTF-16LE with its mark.
printf '\357\273\277' >"$work/bom.html"
cat "$hdata/docs-install.html" >>"$work/bom.html"
html_roundtrip "$work/bom.html" en bom
sed 's/$/\r/' "$hdata/news-zh-CN.html" >"$work/crlf.html"
html_roundtrip "$work/crlf.html" zh-CN crlf
printf '\377\376' >"$work/u16.html"
iconv -f UTF-8 -t UTF-16LE "$hdata/news-zh-CN.html" >>"$work/u16.html"
html_roundtrip "$work/u16.html" zh-CN u16
expect_units_at_least "$work/u16.2.1.xlf" 40

# Convert 2.1 -> 1.2 -> 2.1 is lossless too.
run_bitext convert --to xliff1.2 -o "$work/c12.xlf" \
	"$work/docs-install.2.1.xlf"
expect_status 0
run_bitext convert --to xliff2.1 -o "$work/c21.xlf" "$work/c12.xlf"
expect_status 0
run_bitext merge -o "$work/c21.html" "$work/c21.xlf"
expect_status 0
expect_same "$work/c21.html" "$hdata/docs-install.html"

# An external skeleton beside the XLIFF.
run_bitext extract --skeleton external --srclang fr \
	-o "$work/ext.xlf" "$hdata/legacy-cafe.html"
expect_status 0
run_bitext merge -o "$work/ext.html" "$work/ext.xlf"
expect_status 0
expect_same "$work/ext.html" "$hdata/legacy-cafe.html"

# Several pages in one XLIFF, merged into a folder.
run_bitext extract --srclang en -o "$work/multi.xlf" \
	"$hdata/docs-install.html" "$hdata/torture.html"
expect_status 0
mkdir -p "$work/multi"
run_bitext merge -o "$work/multi" "$work/multi.xlf"
expect_status 0
expect_same "$(find "$work/multi" -name docs-install.html)" \
	"$hdata/docs-install.html"
expect_same "$(find "$work/multi" -name torture.html)" "$hdata/torture.html"
finish
