#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown files are recognised by their name (.md, .markdown...) or, with
# no telling name, by an opening ATX heading; --format markdown forces the
# filter on any file, and a .txt file stays plain text.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/formats/markdown"

filter_of() {	# FILE [OPTIONS]: prints the filter segment used
	f=$1
	shift
	run_bitext segment --format json --lang en "$@" "$f"
	sed -n 's/.*"filter": *"\([a-z]*\)".*/\1/p' "$work/stdout" | head -1
}

for name in doc.md doc.MARKDOWN doc.mdown doc.mkd; do
	cp "$data/docs-page.md" "$work/$name"
	checks=$((checks + 1))
	[ "$(filter_of "$work/$name")" = markdown ] ||
		fail "$name is not read as Markdown"
done
printf '# Notes\n\nSome *text*.\n' >"$work/NOTES"
checks=$((checks + 1))
[ "$(filter_of "$work/NOTES")" = markdown ] ||
	fail "a file opening with a heading is not read as Markdown"
cp "$work/NOTES" "$work/notes.txt"
checks=$((checks + 1))
[ "$(filter_of "$work/notes.txt")" = text ] || fail "a .txt file is not text"
checks=$((checks + 1))
[ "$(filter_of "$work/notes.txt" --filter markdown)" = markdown ] ||
	fail "--filter markdown is not obeyed"
# The skeleton records the filter: merge needs no option.
run_bitext extract -s en -o "$work/notes.xlf" --format markdown \
	"$work/notes.txt"
expect_status 0
run_bitext merge -o "$work/notes.out" "$work/notes.xlf"
expect_status 0
expect_same "$work/notes.out" "$work/notes.txt"
finish
