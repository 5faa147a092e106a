#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad HTML input: a file that ends inside a tag, a comment, a doctype, a
# CDATA section, a script or a title; bytes that are not valid in the
# declared encoding.  Each gives a message naming the file, the line and
# the column, exit status 2, nothing on standard output and no output file.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

bad() {	# NAME STDERR-REGEX (the file is $work/NAME.html)
	bd_f="$work/$1.html"
	run_bitext extract -s en -o "$work/$1.xlf" "$bd_f"
	expect_status 2
	expect_stderr_match "^bitext: $bd_f:[0-9]+: $2"
	expect_no_file "$work/$1.xlf"
	run_bitext extract -s en "$bd_f"
	expect_status 2
	expect_stdout_empty
	run_bitext segment --lang en "$bd_f"
	expect_status 2
	expect_stdout_empty
	expect_stderr_match "$2"
}

printf '<!doctype html>\n<html>\n<body>\n<p>Hello <b>world</b></p>\n<p>Cut <a href="x.html" title="unfinished' \
	>"$work/in-tag.html"
bad in-tag 'the file ends inside a tag that starts at line 5, column 8$'
printf '<p>One</p>\n<!-- a comment that never\nends\n' >"$work/in-comment.html"
bad in-comment 'the file ends inside a comment that starts at line 2, column 1$'
printf '<p>x</p>\n  <script>\nvar a = "</scrip";\n' >"$work/in-script.html"
bad in-script 'the file ends inside a <script> element that starts at line 2, column 3$'
printf '<!DOCTYPE html' >"$work/in-doctype.html"
bad in-doctype 'the file ends inside a markup declaration that starts at line 1, column 1$'
printf '<html><head><title>Never closed\n</head><body><p>Text</p>\n' \
	>"$work/in-title.html"
bad in-title 'the file ends inside a <title> element that starts at line 1, column 13$'
printf '<p>Bye</p></p' >"$work/in-end-tag.html"
bad in-end-tag 'the file ends inside a tag that starts at line 1, column 11$'
printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p>a <![CDATA[ b < c \n' \
	>"$work/in-cdata.html"
bad in-cdata 'the file ends inside a CDATA section that starts at line 3, column 6$'
# The "ü" before it counts as one column.
printf '<p>Gr\303\274\303\237e</p>\n<p>Tschüss <img src="a.png"\n     alt="x"' \
	>"$work/in-tag-utf8.html"
bad in-tag-utf8 'the file ends inside a tag that starts at line 2, column 12$'

# Bytes invalid in the declared encoding (0x81 has no character in
# windows-1252; 0xFF 0xFE is no GBK sequence; 0xE9 alone is no UTF-8).
printf '<meta charset="windows-1252">\n<p>Caf\351 \201 ok</p>\n' \
	>"$work/bad-1252.html"
bad bad-1252 'bytes that are not valid WINDOWS-1252 at line 2, column 9 \(byte offset 38\)'
printf '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n<p>\326\320\316\304 and \377\376 bad</p>\n' \
	>"$work/bad-gb.html"
bad bad-gb 'bytes that are not valid GBK at line 2, column 11 \(byte offset 81\)'
printf '<html lang="fr">\n<body>\n<p>D\303\251j\340 vu</p>\n' >"$work/bad-utf8.html"
bad bad-utf8 'bytes that are not valid UTF-8 at line 3, column 7 \(byte offset 31\)'

# Truncated pages of the samples, cut in a tag: all refused.
for cut in 200 1500 3000; do
	head -c "$cut" "$hdata/docs-install.html" >"$work/cut$cut.html"
	printf '<p>Tail <a href="x' >>"$work/cut$cut.html"
	run_bitext extract -s en -o "$work/cut$cut.xlf" "$work/cut$cut.html"
	expect_status 2
	expect_stderr_match 'the file ends inside a tag that starts at line [0-9]+, column [0-9]+$'
	expect_no_file "$work/cut$cut.xlf"
done
finish
