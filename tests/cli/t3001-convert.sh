#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# convert: 2.1 -> 1.2 -> 2.1 keeps every unit, segment, target, state,
# note and inline code (the bytes come back the same), for plain text and
# for every document format, codes with their type and display (disp,
# equiv-text) included; XLIFF -> TMX ->
# XLIFF keeps the sentence pairs; TMX is read in UTF-8 and UTF-16 with
# its codes, notes and several variants; the LISA TMX compliance kit is
# read without error.
. "$top_srcdir/tests/cli/lib.sh"

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
en="$top_srcdir/corpora/seed/health-community.en-sentences.tsv"
run_bitext extract --srclang zh-CN --trglang en -o "$work/seed.xlf" "$seed"
expect_status 0
# Mixed states: the first 20 sentences final, the next 10 reviewed, the
# rest untranslated.
head -n 20 "$en" >"$work/a.tsv"
sed -n '21,30p' "$en" >"$work/b.tsv"
"$BT_TEST_TOOL" fill-targets "$work/seed.xlf" "$work/a.tsv" "$work/a.xlf" \
	final || fail "fill-targets"
"$BT_TEST_TOOL" fill-targets "$work/a.xlf" "$work/b.tsv" "$work/ab.xlf" \
	reviewed || fail "fill-targets"
run_bitext convert --to xliff1.2 -o "$work/ab12.xlf" "$work/ab.xlf"
expect_status 0
run_bitext convert --to xliff2.1 -o "$work/ab21.xlf" "$work/ab12.xlf"
expect_status 0
expect_same "$work/ab21.xlf" "$work/ab.xlf"
checks=$((checks + 1))
[ "$(grep -c 'state="final"' "$work/ab21.xlf")" -eq 20 ] &&
	[ "$(grep -c 'state="reviewed"' "$work/ab21.xlf")" -eq 10 ] ||
	fail "states were not kept"
# Documents whose codes have types and displays: one per format.  The 1.2
# that convert writes is the 1.2 that extract writes.
fdata="$top_srcdir/tests/data/formats"
for f in html/docs-install.html html/epub-chapter.xhtml \
	markdown/docs-page.md po/app.zh_CN.po json/chrome-messages.json \
	xml/docbook5-chapter.xml; do
	name=$(basename "$f")
	[ -f "$fdata/$f" ] || { fail "no $f"; continue; }
	run_bitext extract --srclang en --trglang de -o "$work/$name.21.xlf" \
		"$fdata/$f"
	expect_status 0
	run_bitext extract --xliff 1.2 --srclang en --trglang de \
		-o "$work/$name.12.xlf" "$fdata/$f"
	expect_status 0
	run_bitext convert --to xliff1.2 -o "$work/$name.c12.xlf" \
		"$work/$name.21.xlf"
	expect_status 0
	expect_same "$work/$name.c12.xlf" "$work/$name.12.xlf"
	run_bitext convert --to xliff2.1 -o "$work/$name.c21.xlf" \
		"$work/$name.c12.xlf"
	expect_status 0
	expect_same "$work/$name.c21.xlf" "$work/$name.21.xlf"
done
checks=$((checks + 1))
grep -q 'dispStart="&lt;code&gt;"' "$work/docs-install.html.c21.xlf" ||
	fail "the HTML codes lost their displays"

run_bitext convert --to xliff2.0 -o "$work/ab20.xlf" "$work/ab.xlf"
expect_status 0
expect_stdout_empty
checks=$((checks + 1))
grep -q 'version="2.0"' "$work/ab20.xlf" || fail "no 2.0 output"

# XLIFF -> TMX: one <tu> per translated sentence, then back.
run_bitext convert --to tmx -o "$work/ab.tmx" "$work/ab.xlf"
expect_status 0
checks=$((checks + 1))
[ "$(grep -c '<tu ' "$work/ab.tmx")" -eq 30 ] || fail "TMX has not 30 <tu>"
for attr in 'creationtool="bitext"' 'creationtoolversion=' \
	    'segtype="sentence"' 'o-tmf=' 'adminlang="en"' \
	    'srclang="zh-CN"' 'datatype="plaintext"'; do
	checks=$((checks + 1))
	grep -q "$attr" "$work/ab.tmx" || fail "TMX header lacks $attr"
done
run_bitext convert --to xliff2.1 -o "$work/back.xlf" "$work/ab.tmx"
expect_status 0
checks=$((checks + 1))
[ "$(grep -c '<target>' "$work/back.xlf")" -eq 30 ] ||
	fail "TMX -> XLIFF lost targets"

# Codes, notes, several variants; and the same file in UTF-16.
tmx="$top_srcdir/tests/data/tmx/codes-notes.tmx"
run_bitext convert --to xliff2.1 --trglang de -o "$work/codes.xlf" "$tmx"
expect_status 0
for want in '<pc id="1" dataRefStart="d1" dataRefEnd="d2">here</pc>' \
	    '<ph id="2" dataRef="d3"/>' '<sc id="1" isolated="yes"' \
	    '<note>A note on the unit.</note>' '&lt;b&gt;</data>'; do
	checks=$((checks + 1))
	grep -qF "$want" "$work/codes.xlf" || fail "codes.xlf lacks $want"
done
# TMX: a <seg> with codes is mixed content, written without indentation.
run_bitext convert --to tmx -o "$work/codes.tmx" "$work/codes.xlf"
expect_status 0
checks=$((checks + 1))
grep -qF '<seg>Click <bpt i="1" x="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> now<ph x="2">&lt;br/&gt;</ph></seg>' \
	"$work/codes.tmx" || fail "TMX <seg> with codes is not written as it is"
run_bitext convert --to xliff1.2 -o "$work/codes12.xlf" "$work/codes.xlf"
expect_status 0
run_bitext convert --to xliff2.1 -o "$work/codes21.xlf" "$work/codes12.xlf"
expect_status 0
expect_same "$work/codes21.xlf" "$work/codes.xlf"
run_bitext convert --to xliff2.1 --trglang fr -o "$work/fr.xlf" "$tmx"
expect_status 0
checks=$((checks + 1))
grep -qF '<target>Cliquez ici.</target>' "$work/fr.xlf" ||
	fail "the fr variant with <hi> was not read"
if command -v iconv >/dev/null 2>&1; then
	{ printf '\377\376'; sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$tmx" |
		iconv -f UTF-8 -t UTF-16LE; } >"$work/utf16.tmx"
	run_bitext convert --to xliff2.1 --trglang de -o "$work/codes16.xlf" \
		"$work/utf16.tmx"
	expect_status 0
	sed 's|original="[^"]*/[^"/]*"|original=""|' "$work/codes16.xlf" \
		>"$work/codes16.norm"
	sed 's|original="[^"]*/[^"/]*"|original=""|' "$work/codes.xlf" \
		>"$work/codes.norm"
	expect_same "$work/codes16.norm" "$work/codes.norm"
fi

# The LISA TMX compliance kit: every file is read (a file that holds no
# unit in the header's source language is reported as such, not as an
# error of reading).
kit="$shared/formats/testsuites/tmx-compliance-kit-lisa"
if [ -d "$kit" ]; then
	n=0
	for f in "$kit"/*.tmx; do
		n=$((n + 1))
		run_bitext convert --to xliff2.1 -o "$work/kit.xlf" "$f"
		checks=$((checks + 1))
		if [ "$status" -ne 0 ] && ! grep -q 'no translation unit in the source language' "$work/stderr"; then
			fail "$f: $(cat "$work/stderr")"
		fi
	done
	checks=$((checks + 1))
	[ "$n" -eq 23 ] || fail "the kit has $n files, not 23"
fi
finish
