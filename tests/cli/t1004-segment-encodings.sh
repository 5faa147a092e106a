#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Encodings: UTF-8 with and without BOM and UTF-16LE/BE with BOM are
# detected; legacy encodings are read with --encoding.  Each gives the
# same segments as the UTF-8 original.
. "$top_srcdir/tests/cli/lib.sh"
command -v iconv >/dev/null 2>&1 || skip "no iconv program"

check_same_as_utf8() {	# LANG FILE [OPTIONS...]
	c_lang=$1 c_file=$2
	shift 2
	run_bitext segment --lang "$c_lang" --format tsv "$@" "$c_file"
	expect_status 0
	expect_same "$work/stdout" "$work/$c_lang.expect"
}

# Chinese: Simplified for GB18030/GBK, Traditional for Big5.
printf '中国积极开展抗疫国际合作。习近平主席指出，疫情还在蔓延！\n\n　　第二段。\n' \
	>"$work/zh.txt"
printf '臺灣的天氣很好。我們明天去台北！\n' >"$work/zh-TW.txt"
printf '日本語の文です。二つ目の文です。\n' >"$work/ja.txt"
printf '한국어 문장입니다. 두 번째 문장입니다.\n' >"$work/ko.txt"
printf 'Caf\303\251 cr\303\250me. \303\200 bient\303\264t !\n' >"$work/fr.txt"

for pair in zh:zh.txt zh-TW:zh-TW.txt ja:ja.txt ko:ko.txt fr:fr.txt; do
	lang=${pair%%:*}
	run_bitext segment --lang "$lang" --format tsv "$work/${pair#*:}"
	expect_status 0
	cp "$work/stdout" "$work/$lang.expect"
	checks=$((checks + 1))
	[ "$(wc -l <"$work/$lang.expect")" -ge 2 ] ||
		fail "$lang sample not split into sentences"
done

# Byte-order marks.
printf '\357\273\277' | cat - "$work/zh.txt" >"$work/zh-bom.txt"
check_same_as_utf8 zh "$work/zh-bom.txt"
printf '\377\376' >"$work/zh-16le.txt"
iconv -f UTF-8 -t UTF-16LE "$work/zh.txt" >>"$work/zh-16le.txt"
check_same_as_utf8 zh "$work/zh-16le.txt"
printf '\376\377' >"$work/zh-16be.txt"
iconv -f UTF-8 -t UTF-16BE "$work/zh.txt" >>"$work/zh-16be.txt"
check_same_as_utf8 zh "$work/zh-16be.txt"

# Legacy encodings through iconv.
for spec in zh:zh.txt:GB18030 zh:zh.txt:GBK zh-TW:zh-TW.txt:BIG5 \
	    ja:ja.txt:SHIFT_JIS ko:ko.txt:EUC-KR fr:fr.txt:WINDOWS-1252; do
	lang=${spec%%:*} rest=${spec#*:}
	file=${rest%%:*} enc=${rest#*:}
	iconv -f UTF-8 -t "$enc" "$work/$file" >"$work/$file.$enc"
	check_same_as_utf8 "$lang" "$work/$file.$enc" --encoding "$enc"
	# Lower-case names work as well.
	check_same_as_utf8 "$lang" "$work/$file.$enc" \
		--encoding "$(printf %s "$enc" | tr 'A-Z' 'a-z')"
done
finish
