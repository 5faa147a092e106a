#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every command in the table answers --help and `bitext help CMD` on
# stdout with status 0, and the top-level help lists it; --list-formats
# lists the filters.
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

# The document formats, one a line with a description; each can be
# forced by name.
run_bitext --list-formats
expect_status 0
for name in html json markdown po text xml; do
	expect_stdout_match "^$name +[a-zA-Z]"
done
run_bitext extract --format nope -s en "$top_srcdir/corpora/seed/health-community.en.txt"
expect_status 2
expect_stderr_match "unknown format 'nope'"

run_bitext help no-such-command
expect_status 2
expect_stderr_match "'no-such-command' is not a bitext command"
finish
