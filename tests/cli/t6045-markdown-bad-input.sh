#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown has no syntax errors, but a file can still be bad: an invalid
# UTF-8 byte, a NUL byte, front matter that is never closed.  Each is a
# message with its line on stderr, exit status 2, nothing on stdout, no
# output file, for extract and segment alike.
. "$top_srcdir/tests/cli/lib.sh"

bad() {	# NAME REGEX: the file $work/NAME.md must be refused so
	run_bitext extract -s en -o "$work/$1.xlf" "$work/$1.md"
	expect_status 2
	expect_stderr_match "$2"
	expect_stdout_empty
	expect_no_file "$work/$1.xlf"
	run_bitext extract -s en "$work/$1.md"
	expect_status 2
	expect_stderr_match "$1.md"
	expect_stdout_empty
	run_bitext segment --lang en "$work/$1.md"
	expect_status 2
	expect_stderr_match "$2"
	expect_stdout_empty
}

printf '# Title\n\nSome text,\nand a bad \377 byte here.\n' >"$work/utf8.md"
bad utf8 'utf8\.md:4: invalid UTF-8 at byte offset 30'

printf '# Title\n\nA NUL\000 byte.\n' >"$work/nul.md"
bad nul 'nul\.md:3: a NUL byte at column 6'

printf -- '---\ntitle: Never closed\n\n# Body\n\nText.\n' >"$work/open.md"
bad open "open\\.md:1: the front matter opened by '---' on line 1 is never closed"
printf -- '+++\r\ntitle = "x"\r\n' >"$work/toml.md"
bad toml "toml\\.md:1: the front matter opened by '\\+\\+\\+'"

# A closed front matter, and "---" that is not at the very start, are fine.
printf -- '---\ntitle: x\n---\n' >"$work/ok.md"
run_bitext extract -s en -o "$work/ok.xlf" "$work/ok.md"
expect_status 0
printf -- '\n---\n\nText.\n' >"$work/hr.md"
run_bitext extract -s en -o "$work/hr.xlf" "$work/hr.md"
expect_status 0

# Merge refuses an XLIFF whose target breaks an inline code, naming it.
printf 'Some **bold** text.\n' >"$work/codes.md"
run_bitext extract -s en -t de -o "$work/codes.xlf" "$work/codes.md"
expect_status 0
sed 's|<source>\(.*\)</source>|&<target>Nur Text.</target>|' \
	"$work/codes.xlf" >"$work/codes-t.xlf"
run_bitext merge -o "$work/codes.de.md" "$work/codes-t.xlf"
expect_status 1
expect_stderr_match 'lacks the inline code'
expect_no_file "$work/codes.de.md"
finish
