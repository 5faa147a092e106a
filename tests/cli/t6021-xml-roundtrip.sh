#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter: lossless round trip.  Every sample file of
# tests/data/formats/xml (a DocBook 5 chapter, a DocBook 4 article in
# ISO-8859-1 with a DOCTYPE and named entities, an app's messages with
# ITS rules inside, Android strings with --its rules) and files made here
# for the corners (CRLF, BOMs, UTF-16, no declaration, an internal subset
# without entities, single quotes, CDATA everywhere, deep nesting):
# extract then merge with no targets gives the input back byte for byte,
# in XLIFF 2.1, 2.0 and 1.2, and after convert.  With a target language,
# merge sets the root's xml:lang (and nothing else changes).
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/xml"

roundtrip() {	# FILE NAME LANG [EXTRACT OPTIONS...]
	xr_file=$1 xr_name=$2 xr_lang=$3
	shift 3
	# 1.2 needs a target language: the document's own, so that its
	# xml:lang stays as it is.
	expect_roundtrip "$xr_file" "$xr_name" "2.1 2.0 1.2" \
		--srclang "$xr_lang" --trglang "$xr_lang" "$@"
	# XLIFF 2.1 without a target language.
	run_bitext extract --srclang "$xr_lang" "$@" -o "$work/$xr_name.xlf" \
		"$xr_file"
	expect_status 0
	run_bitext merge -o "$work/$xr_name.out" "$work/$xr_name.xlf"
	expect_status 0
	expect_same "$work/$xr_name.out" "$xr_file"
	expect_convert_roundtrip "$xr_file" "$xr_name"
}

roundtrip "$data/docbook5-chapter.xml" db5 en
roundtrip "$data/docbook4-article.de.xml" db4 de
roundtrip "$data/lumen-messages.xml" lumen zh-CN
roundtrip "$data/trailhead-strings.xml" trail en --its "$data/android.its"
checks=$((checks + 1))
[ "$(ls "$data"/*.xml | wc -l)" -ge 4 ] || fail "sample files missing"

# Layout and encodings.
tr -d '\r' <"$data/docbook5-chapter.xml" | sed 's/$/\r/' >"$work/crlf.xml"
roundtrip "$work/crlf.xml" crlf en
printf '\357\273\277' >"$work/bom.xml"
cat "$data/lumen-messages.xml" >>"$work/bom.xml"
roundtrip "$work/bom.xml" bom zh-CN
printf '\377\376' >"$work/u16.xml"
sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$data/lumen-messages.xml" |
	iconv -f UTF-8 -t UTF-16LE >>"$work/u16.xml"
roundtrip "$work/u16.xml" u16 zh-CN
printf '<note><to>Tove</to><body>Don'"'"'t forget me this weekend!</body></note>' \
	>"$work/nodecl.xml"
roundtrip "$work/nodecl.xml" nodecl en
cat >"$work/subset.xml" <<'XML'
<?xml version='1.0' standalone='no'?>
<!-- before -->
<!DOCTYPE memo [
  <!ELEMENT memo (#PCDATA|em)*>
  <!ATTLIST memo title CDATA #IMPLIED>
  <!-- a ] and a > in a comment of the subset -->
  <?pi in the subset ?>
]>
<?after-doctype x="1"?>
<memo title = 'It&apos;s "quoted"'  >A memo with <em>inline</em> text &amp; a CDATA <![CDATA[<raw> & stuff]]> part.
  <![CDATA[]]>
</memo>
<!-- trailing comment -->
<?trailing pi?>

XML
cat >"$work/subset.its" <<'XML'
<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
  <its:translateRule selector="//memo/@title" translate="yes"/>
  <its:withinTextRule selector="//em" withinText="yes"/>
</its:rules>
XML
roundtrip "$work/subset.xml" subset en --its "$work/subset.its"
i=0 open= close=
while [ $i -lt 150 ]; do
	open="$open<d$i>" close="</d$i>$close"
	i=$((i + 1))
done
printf '<?xml version="1.0"?>\n%sdeep text%s\n' "$open" "$close" \
	>"$work/deep.xml"
roundtrip "$work/deep.xml" deep en
printf '<?xml version="1.0"?>\n<empty/>' >"$work/empty.xml"
roundtrip "$work/empty.xml" empty en

# The target language goes into the root's xml:lang, nothing else moves.
run_bitext extract --srclang en --trglang fr -o "$work/fr.xlf" \
	"$data/docbook5-chapter.xml"
expect_status 0
run_bitext merge -o "$work/fr.xml" "$work/fr.xlf"
expect_status 0
sed 's/version="5.1" xml:id="ch-install" xml:lang="fr">/version="5.1" xml:id="ch-install" xml:lang="en">/' \
	"$work/fr.xml" >"$work/fr-back.xml"
expect_same "$work/fr-back.xml" "$data/docbook5-chapter.xml"
checks=$((checks + 1))
grep -q 'xml:lang="fr"' "$work/fr.xml" || fail "xml:lang not set to fr"
# DocBook 4 says it with lang=, in ISO-8859-1.
run_bitext extract --srclang de --trglang zh-CN -o "$work/db4.xlf" \
	"$data/docbook4-article.de.xml"
expect_status 0
run_bitext merge -o "$work/db4.xml" "$work/db4.xlf"
expect_status 0
checks=$((checks + 1))
grep -q '<article lang="zh-CN" id="wartung">' "$work/db4.xml" ||
	fail "DocBook 4 lang not set"
finish
