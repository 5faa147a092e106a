#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# PO files in the charset their header declares: a GB2312 zh_CN.po and an
# ISO-8859-1 de.po are read through the declared charset (the XLIFF holds
# the decoded text) and merged back in it, byte for byte, or with a new
# translation that msgfmt accepts; --encoding overrides the header.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po
command -v iconv >/dev/null 2>&1 || skip "no iconv"

sed 's/charset=UTF-8/charset=GB2312/' "$data/app.zh_CN.po" |
	iconv -f UTF-8 -t GB2312 >"$work/gb.po" || skip "no GB2312 in iconv"
sed 's/charset=UTF-8/charset=ISO-8859-1/' "$data/notes.de.po" |
	iconv -f UTF-8 -t ISO-8859-1 >"$work/latin1.po"

for f in gb latin1; do
	for v in 2.1 1.2; do
		run_bitext extract --xliff "$v" --srclang en --trglang zh-CN \
			-o "$work/$f.$v.xlf" "$work/$f.po"
		expect_status 0
		run_bitext merge -o "$work/$f.$v.out" "$work/$f.$v.xlf"
		expect_status 0
		expect_same "$work/$f.$v.out" "$work/$f.po"
	done
done
checks=$((checks + 1))
grep -q '<target>Lumen 照片管理器</target>' "$work/gb.2.1.xlf" ||
	fail "the GB2312 msgstr was not decoded"
checks=$((checks + 1))
grep -q '<source>Größe: unbekannt</source>' "$work/latin1.2.1.xlf" ||
	fail "the ISO-8859-1 msgid was not decoded"

# A new translation goes back in the file's charset.
cat >"$work/edits.tsv" <<'TSV'
Export finished.	translated	导出完成。
Rotate	translated	旋转照片
TSV
if /usr/bin/python3 -c 'import lxml' 2>/dev/null; then
	/usr/bin/python3 "$data/po-cycle.py" set "$work/gb.2.1.xlf" \
		"$work/gb-new.xlf" "$work/edits.tsv"
	run_bitext merge -o "$work/gb-new.po" "$work/gb-new.xlf"
	expect_status 0
	checks=$((checks + 1))
	iconv -f GB2312 -t UTF-8 "$work/gb-new.po" >"$work/gb-new.utf8" ||
		fail "the merged file is not GB2312"
	checks=$((checks + 1))
	grep -q '^msgstr "导出完成。"$' "$work/gb-new.utf8" ||
		fail "the new translation is not in the GB2312 file"
	if command -v msgfmt >/dev/null 2>&1; then
		checks=$((checks + 1))
		msgfmt -c -o /dev/null "$work/gb-new.po" ||
			fail "msgfmt -c refuses the merged GB2312 file"
	fi
fi

# --encoding wins over the header (here both say the same thing).
run_bitext extract --encoding GB2312 --srclang en --trglang zh-CN \
	-o "$work/enc.xlf" "$work/gb.po"
expect_status 0
run_bitext merge -o "$work/enc.out" "$work/enc.xlf"
expect_status 0
expect_same "$work/enc.out" "$work/gb.po"
finish
