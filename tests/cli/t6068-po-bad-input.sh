#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad PO input: a syntax error, a truncated file, an invalid byte for the
# declared charset (UTF-8, GB2312; in a string or in a comment), a
# duplicate message.  Each is refused with its location on stderr and
# exit status 2; nothing on stdout, no output file.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po
# In a sanitizer build: libgettextpo itself leaks on syntax errors.
LSAN_OPTIONS="suppressions=$data/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS

# refused FILE REGEX: extract (to a file and to stdout) and segment fail.
refused() {
	run_bitext extract --srclang en --trglang zh-CN -o "$work/out.xlf" "$1"
	expect_status 2
	expect_stderr_match "$2"
	expect_stdout_empty
	expect_no_file "$work/out.xlf"
	run_bitext extract --srclang en --trglang zh-CN "$1"
	expect_status 2
	expect_stdout_empty
	run_bitext segment --lang en "$1"
	expect_status 2
	expect_stderr_match "$2"
	expect_stdout_empty
}

sed '30s/^msgstr /msgstrx /' "$data/app.zh_CN.po" >"$work/syntax.po"
refused "$work/syntax.po" '^bitext: .*/syntax\.po:30: .*msgstrx'

head -c 2990 "$data/app.zh_CN.po" >"$work/truncated.po"
refused "$work/truncated.po" '^bitext: .*/truncated\.po:[0-9]+: '
printf 'msgid "Lost"\n' >"$work/no-msgstr.po"
refused "$work/no-msgstr.po" '^bitext: .*/no-msgstr\.po:[0-9]+: '

sed '42s/添加/\xff\xfe/' "$data/app.zh_CN.po" >"$work/bad-utf8.po"
refused "$work/bad-utf8.po" '^bitext: .*/bad-utf8\.po:42: '
sed '1s/Chinese/Chin\xffese/' "$data/app.zh_CN.po" >"$work/bad-comment.po"
refused "$work/bad-comment.po" 'bad-comment\.po: .*byte offset 6'

if sed 's/charset=UTF-8/charset=GB2312/' "$data/app.zh_CN.po" |
	iconv -f UTF-8 -t GB2312 >"$work/gb.po" 2>/dev/null; then
	# A byte that GB2312 has no character for, in a msgstr.
	/usr/bin/python3 -c 'import sys
d = open(sys.argv[1], "rb").read()
t = "添加".encode("gb2312")
open(sys.argv[2], "wb").write(d.replace(t, b"\xff\xfe", 1))' \
		"$work/gb.po" "$work/bad-gb.po"
	refused "$work/bad-gb.po" '^bitext: .*/bad-gb\.po:42: '
fi

printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'\
'msgid "Open"\nmsgstr "Ouvrir"\n\nmsgid "Open"\nmsgstr "Ouvre"\n' \
	>"$work/duplicate.po"
refused "$work/duplicate.po" '^bitext: .*/duplicate\.po:7: .*duplicate'

printf 'msgid "a"\nmsgstr "b\\q"\n' >"$work/escape.po"
refused "$work/escape.po" '^bitext: .*/escape\.po:2: '

# A file that is not there.
run_bitext extract --srclang en --format po -o "$work/out.xlf" \
	"$work/missing.po"
expect_status 2
expect_stderr_match 'missing\.po'
expect_no_file "$work/out.xlf"
finish
