#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile XML: an XXE file and a billion-laughs file are refused before
# any entity is expanded; a DOCTYPE pointing at a network URL is read
# without fetching anything (the address is TEST-NET-1, where nothing
# answers: a fetch would hang or fail, not pass).
. "$top_srcdir/tests/cli/lib.sh"
attacks="$top_srcdir/tests/data/xml-attacks"

for cmd in merge convert; do
	case $cmd in
	merge) set -- merge -o "$work/out" ;;
	convert) set -- convert --to tmx -o "$work/out" ;;
	esac
	run_bitext "$@" "$attacks/xxe.xlf"
	expect_status 1
	expect_stderr_match 'xxe.xlf:[0-9]+: the file declares XML entities, which bitext does not expand'
	expect_no_file "$work/out"
	checks=$((checks + 1))
	grep -q 'root:' "$work/stderr" "$work/stdout" && fail "/etc/passwd leaked"
	# libxml2 may see the entity loop before we see the declarations:
	# either way the file is refused, nothing expanded.
	run_bitext "$@" "$attacks/billion-laughs.xlf"
	checks=$((checks + 1))
	[ "$status" -eq 1 ] || [ "$status" -eq 2 ] ||
		fail "billion laughs: exit status $status"
	expect_stderr_match 'billion-laughs.xlf:[0-9]+: (the file declares XML entities|not well-formed XML: Detected an entity reference loop)'
	expect_no_file "$work/out"
done
# Read without fetching: convert works, quickly.
start=$(date +%s)
run_bitext convert --to tmx -o "$work/net.tmx" "$attacks/network-dtd.xlf"
expect_status 0
run_bitext convert --to xliff2.1 -o "$work/net.xlf" "$attacks/network-dtd.tmx"
expect_status 0
checks=$((checks + 1))
[ $(( $(date +%s) - start )) -lt 20 ] || fail "reading looked like a fetch"
finish
