#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Lossless round trip: for every file in corpora/, extract -> merge with no
# targets gives the original byte for byte, for XLIFF 2.1, 2.0 and 1.2,
# and again after convert 2.1 -> 1.2 -> 2.1 (which is byte-identical too).
# Also legacy encodings, BOMs and an external skeleton.
. "$top_srcdir/tests/cli/lib.sh"

lang_of() {
	case $1 in
	*zh-CN*|*cmn_hans*) echo zh-CN ;; *cmn_hant*) echo zh-TW ;;
	*kor*) echo ko ;; *rus*) echo ru ;; *fra*) echo fr ;;
	*deu*) echo de ;; *spa*) echo es ;; *arb*) echo ar ;; *) echo en ;;
	esac
}

roundtrip() {	# FILE LANG NAME [EXTRACT OPTIONS...]
	rt_file=$1 rt_lang=$2 rt_name=$3
	shift 3
	for v in 2.1 2.0 1.2; do
		run_bitext extract --xliff "$v" --srclang "$rt_lang" \
			--trglang en "$@" -o "$work/$rt_name.$v.xlf" "$rt_file"
		expect_status 0
		run_bitext merge --missing source -o "$work/$rt_name.$v.out" \
			"$work/$rt_name.$v.xlf"
		expect_status 0
		expect_same "$work/$rt_name.$v.out" "$rt_file"
	done
	run_bitext convert --to xliff1.2 -o "$work/$rt_name.c12.xlf" \
		"$work/$rt_name.2.1.xlf"
	expect_status 0
	run_bitext convert --to xliff2.1 -o "$work/$rt_name.c21.xlf" \
		"$work/$rt_name.c12.xlf"
	expect_status 0
	expect_same "$work/$rt_name.c21.xlf" "$work/$rt_name.2.1.xlf"
	run_bitext merge -o "$work/$rt_name.c21.out" "$work/$rt_name.c21.xlf"
	expect_status 0
	expect_same "$work/$rt_name.c21.out" "$rt_file"
}

n=0
for f in $(find "$top_srcdir/corpora" -type f ! -name '*.md' | sort); do
	n=$((n + 1))
	roundtrip "$f" "$(lang_of "$f")" "c$n"
done
checks=$((checks + 1))
[ "$n" -ge 10 ] || fail "only $n corpus files found"

# Encodings: the merged file is in the original's encoding, BOM included.
cp "$top_srcdir/corpora/seed/health-community.zh-CN.txt" "$work/zh.txt"
iconv -f UTF-8 -t GB18030 "$work/zh.txt" >"$work/zh-gb.txt"
roundtrip "$work/zh-gb.txt" zh-CN gb --encoding GB18030
printf '\377\376' >"$work/zh-16.txt"
iconv -f UTF-8 -t UTF-16LE "$work/zh.txt" >>"$work/zh-16.txt"
roundtrip "$work/zh-16.txt" zh-CN u16
printf '\357\273\277Line one.\r\n\r\n\tIndented two.  \r\n\f\r\n' >"$work/crlf.txt"
roundtrip "$work/crlf.txt" en crlf
# Characters XML cannot hold, and our own code markers, in the text.
printf 'A bell \007 rings. Escape \033 too.\n\nMarker \357\267\222 here.\n' \
	>"$work/ctrl.txt"
roundtrip "$work/ctrl.txt" en ctrl

# An external skeleton, beside the XLIFF.
run_bitext extract --skeleton external --srclang en -o "$work/ext.xlf" \
	"$work/crlf.txt"
expect_status 0
checks=$((checks + 1))
[ -f "$work/ext.xlf.f1.skl" ] || fail "no external skeleton written"
grep -q '<skeleton href="ext.xlf.f1.skl"/>' "$work/ext.xlf" ||
	fail "the XLIFF does not point at its skeleton"
run_bitext merge -o "$work/ext.out" "$work/ext.xlf"
expect_status 0
expect_same "$work/ext.out" "$work/crlf.txt"
finish
