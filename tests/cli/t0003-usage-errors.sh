#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage errors: a message naming the problem, a pointer to --help, exit 2,
# nothing on stdout.
. "$top_srcdir/tests/cli/lib.sh"

run_bitext
expect_status 2
expect_stderr_match '^bitext: no command given'
expect_stderr_match "Try 'bitext --help'"
expect_stdout_empty

run_bitext frobnicate
expect_status 2
expect_stderr_match "'frobnicate' is not a bitext command"

run_bitext --no-such-option
expect_status 2
expect_stderr_match "Try 'bitext --help'"

run_bitext segment --no-such-option
expect_status 2
expect_stderr_match "Try 'bitext segment --help'"
expect_stdout_empty

run_bitext segment
expect_status 2
expect_stderr_match 'no input file'

printf 'Hello.\n' >"$work/in.txt"
run_bitext segment --format xml --lang en "$work/in.txt"
expect_status 2
expect_stderr_match "unknown output format 'xml'"
expect_stdout_empty

run_bitext segment --filter nope --lang en "$work/in.txt"
expect_status 2
expect_stderr_match "unknown filter 'nope'"
finish
