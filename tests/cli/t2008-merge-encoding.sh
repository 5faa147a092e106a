#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# merge --encoding writes a document in another encoding than it was
# read in (characters the encoding cannot hold as references in HTML and
# XML), and the document's own declaration of its encoding follows:
# the XML declaration (added where only UTF-8 may go without), HTML's
# <meta charset> and http-equiv Content-Type (a <meta charset> added to a
# page that had none), a PO header's charset.  Each output, decoded from
# the new encoding, is the UTF-8 merge but for the declaration; XML
# parses, msgfmt -c accepts the PO file.  Naming the original encoding
# changes nothing.
. "$top_srcdir/tests/cli/lib.sh"

# merged_in ENC FILE LANG NAME: extract FILE, merge it as UTF-8 into
# $work/NAME.utf8 and in ENC into $work/NAME.enc.
merged_in() {
	run_bitext extract -s "$3" -t en -o "$work/$4.xlf" "$2"
	expect_status 0
	run_bitext merge -o "$work/$4.utf8" "$work/$4.xlf"
	expect_status 0
	run_bitext merge -e "$1" -o "$work/$4.enc" "$work/$4.xlf"
	expect_status 0
}

# expect_decoded ENC NAME SED: $work/NAME.enc decoded from ENC, with SED
# applied, is $work/NAME.utf8.
expect_decoded() {
	checks=$((checks + 1))
	if ! iconv -f "$1" -t UTF-8 "$work/$2.enc" | sed "$3" \
		| cmp -s - "$work/$2.utf8"; then
		fail "$2 in $1 is not the UTF-8 merge but for its declaration"
		iconv -f "$1" -t UTF-8 "$work/$2.enc" | diff - "$work/$2.utf8" \
			| head -10
	fi
}

# expect_grep PATTERN FILE: FILE has a line matching PATTERN (ERE).
expect_grep() {
	checks=$((checks + 1))
	grep -Eq "$1" "$2" || fail "$2 has no line matching $1"
}

xml_ok() {
	if command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1; then
		checks=$((checks + 1))
		"${XMLLINT:-xmllint}" --noout "$1" 2>"$work/xmllint.err" \
			|| fail "$1 does not parse: $(head -2 "$work/xmllint.err")"
	fi
}

# --- XML: declaration with encoding, without, and none at all ------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<doc><p>Du thé vert, s'"'"'il vous plaît.</p></doc>\n' \
	>"$work/a.xml"
merged_in ISO-8859-1 "$work/a.xml" fr a
expect_grep '^<\?xml version="1.0" encoding="ISO-8859-1"\?>$' "$work/a.enc"
expect_decoded ISO-8859-1 a 's/encoding="ISO-8859-1"/encoding="UTF-8"/'
xml_ok "$work/a.enc"

printf "<?xml version='1.0' standalone='yes'?>\n<doc><p>Un café.</p></doc>\n" \
	>"$work/b.xml"
merged_in ISO-8859-1 "$work/b.xml" fr b
expect_grep "^<\\?xml version='1.0' encoding=\"ISO-8859-1\" standalone='yes'\\?>$" \
	"$work/b.enc"
xml_ok "$work/b.enc"

# Characters ISO-8859-1 cannot hold become references.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<doc><p>Thé vert — 绿茶.</p></doc>\n' \
	>"$work/h.xml"
merged_in ISO-8859-1 "$work/h.xml" fr h
expect_grep 'vert &#x2014; &#x7EFF;&#x8336;\.</p></doc>$' "$work/h.enc"
expect_decoded ISO-8859-1 h 's/encoding="ISO-8859-1"/encoding="UTF-8"/; s/&#x2014;/—/; s/&#x7EFF;&#x8336;/绿茶/'
xml_ok "$work/h.enc"

printf '<doc><p>绿茶和红茶。</p></doc>\n' >"$work/c.xml"
merged_in GB18030 "$work/c.xml" zh-CN c
expect_grep '^<\?xml version="1.0" encoding="GB18030"\?>$' "$work/c.enc"
expect_decoded GB18030 c '1d'
xml_ok "$work/c.enc"

# --- HTML: <meta charset>, http-equiv, and none ---------------------------
printf '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>茶</title></head><body><p>绿茶和红茶。</p></body></html>\n' \
	>"$work/d.html"
merged_in GB18030 "$work/d.html" zh-CN d
expect_grep '<meta charset="GB18030">' "$work/d.enc"
expect_decoded GB18030 d 's/charset="GB18030"/charset="utf-8"/'

printf '<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8"><title>Thé</title></head><body><p>Un thé.</p></body></html>\n' \
	>"$work/e.html"
merged_in windows-1252 "$work/e.html" fr e
expect_grep 'CONTENT="text/html; charset=windows-1252"' "$work/e.enc"
expect_decoded windows-1252 e 's/charset=windows-1252/charset=utf-8/'

printf '<html><head><title>Thé</title></head><body><p>Un thé.</p></body></html>\n' \
	>"$work/f.html"
merged_in windows-1252 "$work/f.html" fr f
expect_grep '<title>Thé</title><meta charset="windows-1252"></head>' \
	"$(iconv -f windows-1252 -t UTF-8 "$work/f.enc" >"$work/f.dec"; \
	   echo "$work/f.dec")"

# Characters the new encoding cannot hold become references.
run_bitext merge -e ISO-8859-1 -o "$work/d.latin" "$work/d.xlf"
expect_status 0
expect_grep '<meta charset="ISO-8859-1"><title>&#x8336;</title>' "$work/d.latin"
expect_grep '<p>&#x7EFF;&#x8336;&#x548C;&#x7EA2;&#x8336;&#x3002;</p>' \
	"$work/d.latin"

# --- PO: the header's charset ---------------------------------------------
po="$top_srcdir/tests/data/formats/po/app.zh_CN.po"
merged_in GB18030 "$po" en g
expect_grep '^"Content-Type: text/plain; charset=GB18030\\n"$' "$work/g.enc"
expect_decoded GB18030 g 's/charset=GB18030/charset=UTF-8/'
if command -v msgfmt >/dev/null 2>&1; then
	checks=$((checks + 1))
	msgfmt -c -o /dev/null "$work/g.enc" 2>"$work/msgfmt.err" \
		|| fail "msgfmt -c refuses the GB18030 PO file: $(head -2 "$work/msgfmt.err")"
fi

# --- the original encoding, however spelt, changes nothing ----------------
run_bitext merge -e utf8 -o "$work/a.same" "$work/a.xlf"
expect_status 0
expect_same "$work/a.same" "$work/a.xml"
run_bitext merge -e UTF-8 -o "$work/d.same" "$work/d.xlf"
expect_status 0
expect_same "$work/d.same" "$work/d.html"

finish
