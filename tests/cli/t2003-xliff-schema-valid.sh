#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What extract and convert write validates with xmllint against the
# official schemas bundled in data/schemas: XLIFF 2.x against the core
# schema plus every module, XLIFF 1.2 against the strict schema, TMX
# against tmx14.dtd.  With translations, inline codes, notes-free units,
# several files, and characters XML cannot hold.
. "$top_srcdir/tests/cli/lib.sh"

command -v xmllint >/dev/null 2>&1 || skip "xmllint not installed"
schemas="$top_srcdir/data/schemas"
[ -f "$schemas/xliff2-all.xsd" ] || skip "no bundled schemas"

valid() {	# SCHEMA-OPTION FILE
	checks=$((checks + 1))
	if ! xmllint --nonet --noout --path "$schemas" $1 "$2" \
		>"$work/xmllint.out" 2>&1; then
		fail "$2 is not valid ($1)"
		head -5 "$work/xmllint.out"
	fi
}

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
en="$top_srcdir/corpora/seed/health-community.en-sentences.tsv"
printf 'A bell \007 rings. Marker \357\267\222 here.\n\nSecond one.\n' \
	>"$work/ctrl.txt"
for v in 2.1 2.0 1.2; do
	case $v in
	1.2) schema="--schema $schemas/xliff-core-1.2-strict.xsd" ;;
	2.0) schema="--schema $schemas/xliff20-all.xsd" ;;
	*) schema="--schema $schemas/xliff2-all.xsd" ;;
	esac
	[ -f "${schema#--schema }" ] || schema="--schema $schemas/xliff2-all.xsd"
	run_bitext extract --xliff "$v" --srclang zh-CN --trglang en \
		-o "$work/seed.$v.xlf" "$seed" "$work/ctrl.txt" \
		"$top_srcdir/corpora/udhr/eng.html"
	expect_status 0
	valid "$schema" "$work/seed.$v.xlf"
	run_bitext extract --xliff "$v" --copy-source --srclang zh-CN \
		--trglang en -o "$work/copy.$v.xlf" "$seed"
	expect_status 0
	valid "$schema" "$work/copy.$v.xlf"
	"$BT_TEST_TOOL" fill-targets "$work/seed.$v.xlf" "$en" \
		"$work/en.$v.xlf" reviewed || fail "fill-targets"
	valid "$schema" "$work/en.$v.xlf"
	# Half translated: states differ between segments of a unit.
	head -n 25 "$en" >"$work/half.tsv"
	"$BT_TEST_TOOL" fill-targets "$work/seed.$v.xlf" "$work/half.tsv" \
		"$work/half.$v.xlf" final || fail "fill-targets"
	valid "$schema" "$work/half.$v.xlf"
	run_bitext convert --to tmx -o "$work/en.$v.tmx" "$work/en.$v.xlf"
	expect_status 0
	valid "--dtdvalid $schemas/tmx14.dtd" "$work/en.$v.tmx"
done
# Every document format, with its inline codes (types, subtypes and
# what they show), notes and names.
formats="$top_srcdir/tests/data/formats"
for f in html/docs-install.html html/news-zh-CN.html xml/docbook5-chapter.xml \
	 xml/lumen-messages.xml po/app.zh_CN.po po/webapp.ru.po \
	 json/chrome-messages.json json/en.json json/zh-ascii.json \
	 markdown/docs-page.md; do
	[ -f "$formats/$f" ] || continue
	name=$(basename "$f")
	run_bitext extract --srclang en --trglang zh-CN -o "$work/$name.xlf" \
		"$formats/$f"
	expect_status 0
	valid "--schema $schemas/xliff2-all.xsd" "$work/$name.xlf"
	run_bitext extract --xliff 1.2 --srclang en --trglang zh-CN \
		-o "$work/$name.12.xlf" "$formats/$f"
	expect_status 0
	valid "--schema $schemas/xliff-core-1.2-strict.xsd" "$work/$name.12.xlf"
done

# TMX -> XLIFF.
run_bitext convert --to xliff2.1 -o "$work/from-tmx.xlf" "$work/en.2.1.tmx"
expect_status 0
valid "--schema $schemas/xliff2-all.xsd" "$work/from-tmx.xlf"
run_bitext convert --to xliff1.2 -o "$work/from-tmx12.xlf" "$work/en.2.1.tmx"
expect_status 0
valid "--schema $schemas/xliff-core-1.2-strict.xsd" "$work/from-tmx12.xlf"
# With inline codes of every kind (1.2 then carries them as <bpt>/<ept>/
# <ph>/<it> with their data, there being no skeleton).
codes="$top_srcdir/tests/data/tmx/codes-notes.tmx"
for v in 2.1 1.2; do
	run_bitext convert --to "xliff$v" --trglang de -o "$work/codes.$v.xlf" \
		"$codes"
	expect_status 0
	case $v in
	1.2) valid "--schema $schemas/xliff-core-1.2-strict.xsd" "$work/codes.$v.xlf" ;;
	*) valid "--schema $schemas/xliff2-all.xsd" "$work/codes.$v.xlf" ;;
	esac
done
run_bitext convert --to tmx -o "$work/codes.tmx" "$work/codes.2.1.xlf"
expect_status 0
valid "--dtdvalid $schemas/tmx14.dtd" "$work/codes.tmx"
finish
