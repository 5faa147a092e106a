#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: bad input.  Invalid JSON (a trailing comma, an unterminated
# string, a bare word, trailing garbage), a truncated file, an empty one,
# invalid UTF-8: a message with the line (and column) on stderr, exit 2,
# nothing on stdout, no output file, for extract (to a file and to
# stdout) and segment.  A duplicate key is only a warning, given once.
# Valid JSON that is not an object or array is read (RFC 8259 allows it).
. "$top_srcdir/tests/cli/lib.sh"

bad() {		# NAME LINE REGEX: the file $work/NAME.json is refused
	b_file="$work/$1.json"
	run_bitext extract --srclang en -o "$work/$1.xlf" "$b_file"
	expect_status 2
	expect_stderr_match "^bitext: $b_file:$2: $3"
	expect_stdout_empty
	expect_no_file "$work/$1.xlf"
	run_bitext extract --srclang en "$b_file"
	expect_status 2
	expect_stdout_empty
	run_bitext segment --lang en "$b_file"
	expect_status 2
	expect_stdout_empty
}

printf '{\n  "a": "x",\n  "b": "y",\n}\n' >"$work/comma.json"
bad comma 4 'invalid JSON at column 1: '
printf '{\n  "a": "one",\n  "b": "two\n}\n' >"$work/unterminated.json"
bad unterminated 3 'invalid JSON at column [0-9]+: .*newline'
printf '{\n  "a": {\n    "b": "x",\n    "c": "y"' >"$work/truncated.json"
bad truncated 4 'invalid JSON at column [0-9]+: .*end of file'
printf '{"a": yes}\n' >"$work/word.json"
bad word 1 'invalid JSON at column [0-9]+: '
printf '{"a": "b"}\n{"c": "d"}\n' >"$work/garbage.json"
bad garbage 2 'invalid JSON at column 1: '
printf '' >"$work/empty.json"
bad empty 1 'invalid JSON'
printf '{"a": "caf\351"}\n' >"$work/latin1.json"
run_bitext extract --srclang en -o "$work/latin1.xlf" "$work/latin1.json"
expect_status 2
expect_stderr_match 'invalid UTF-8 at byte offset 10'
expect_stdout_empty
expect_no_file "$work/latin1.xlf"

# A duplicate key: a warning with its line and key path, once; exit 0.
printf '{\n  "menu": {\n    "file": "File",\n    "file": "Fichier"\n  }\n}\n' \
	>"$work/dup.json"
run_bitext extract --srclang en -o "$work/dup.xlf" "$work/dup.json"
expect_status 0
expect_stderr_match "^bitext: $work/dup.json:4: warning: duplicate key 'menu\.file'"
checks=$((checks + 1))
[ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "the warning is not given once"
run_bitext merge -o "$work/dup.out" "$work/dup.xlf"
expect_status 0
expect_same "$work/dup.out" "$work/dup.json"

# Not an object or array: still JSON, still read.
printf '"Just one sentence."\n' >"$work/string.json"
run_bitext segment --lang en --format tsv "$work/string.json"
expect_status 0
expect_stdout_match '	1	Just one sentence\.$'
finish
