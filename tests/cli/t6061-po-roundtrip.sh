#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The po filter's lossless round trip: extract, then merge with the XLIFF
# as extracted (the file's own translations as targets), gives back every
# test file byte for byte, in XLIFF 2.1, 2.0 and 1.2, with and without a
# target language; also a file whose header does not give the number of
# plural forms, a copy with CRLF line ends and a UTF-8 byte-order mark,
# and one read from standard input.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po

roundtrip() {	# FILE NAME [EXTRACT OPTIONS...]
	pr_file=$1 pr_name=$2
	shift 2
	expect_roundtrip "$pr_file" "$pr_name" "2.1 2.0 1.2" --srclang en "$@"
}

for f in app.zh_CN.po tarsync.pot webapp.ru.po notes.de.po \
	bitext.zh_CN.po; do
	roundtrip "$data/$f" "$f" --trglang zh-CN
	roundtrip "$data/$f" "$f-ru" --trglang ru
done
# Without a target language (not for 1.2, which needs one).
run_bitext extract --srclang en -o "$work/nolang.xlf" "$data/app.zh_CN.po"
expect_status 0
run_bitext merge -o "$work/nolang.out" "$work/nolang.xlf"
expect_status 0
expect_same "$work/nolang.out" "$data/app.zh_CN.po"

# The file's translations are the targets, fuzzy ones in state initial.
checks=$((checks + 1))
grep -q '<target>Lumen 照片管理器</target>' "$work/app.zh_CN.po.2.1.xlf" ||
	fail "the msgstr is not the target"
checks=$((checks + 1))
grep -q 'state="initial"' "$work/app.zh_CN.po.2.1.xlf" ||
	fail "the fuzzy message is not in state initial"

# A header without Plural-Forms: as many units as the target language has
# forms, more or fewer than the file's msgstr[N].
grep -v '^"Plural-Forms:' "$data/notes.de.po" >"$work/no-forms.po"
roundtrip "$work/no-forms.po" no-forms-ru --trglang ru
roundtrip "$work/no-forms.po" no-forms-ja --trglang ja
checks=$((checks + 1))
grep -q 'name="msgid_plural\[2\]"' "$work/no-forms-ru.2.1.xlf" ||
	fail "no third plural form for Russian"

# CRLF and a byte-order mark (which libgettextpo itself refuses).
{ printf '\357\273\277'; sed 's/$/\r/' "$data/webapp.ru.po"; } \
	>"$work/crlf-bom.po"
roundtrip "$work/crlf-bom.po" crlf-bom --trglang ru

# Standard input.
"$BITEXT" extract --format po --srclang en --trglang zh-CN -o - - \
	<"$data/app.zh_CN.po" >"$work/stdin.xlf" 2>"$work/stderr"
status=$? last_cmd="bitext extract - <app.zh_CN.po"
expect_status 0
run_bitext merge -o "$work/stdin.out" "$work/stdin.xlf"
expect_status 0
expect_same "$work/stdin.out" "$data/app.zh_CN.po"

# The project's own catalogue is the copy in the test data.
if [ -f "$top_srcdir/po/zh_CN.po" ]; then
	roundtrip "$top_srcdir/po/zh_CN.po" project-zh_CN --trglang zh-CN
fi
finish
