#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every command in the table answers --help and `bitext help CMD` on
# stdout with status 0, and the top-level help lists it.
. "$top_srcdir/tests/cli/lib.sh"

run_bitext --help
expect_status 0
expect_stdout_match '^Usage: bitext COMMAND'

run_bitext --list-commands
expect_status 0
commands=$(cat "$work/stdout")
[ -n "$commands" ] || fail "--list-commands printed nothing"

for cmd in $commands; do
	run_bitext "$cmd" --help
	expect_status 0
	expect_stdout_match "^Usage: bitext $cmd|^Usage: bitext COMMAND"
	run_bitext help "$cmd"
	expect_status 0
	expect_stdout_match "^Usage: bitext $cmd|^Usage: bitext COMMAND"
	run_bitext --help
	expect_stdout_match "^  $cmd "
	# Help text goes to stdout, and a full stdout is an error.
	if [ -w /dev/full ]; then
		"$BITEXT" "$cmd" --help >/dev/full 2>"$work/stderr"
		status=$?
		last_cmd="bitext $cmd --help >/dev/full"
		expect_status 2
	fi
done

run_bitext help no-such-command
expect_status 2
expect_stderr_match "'no-such-command' is not a bitext command"
finish
