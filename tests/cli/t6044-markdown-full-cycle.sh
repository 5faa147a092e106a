#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown: inline codes survive a full cycle.  Extract; a translator
# (xliff-cycle.py, lxml) fills every target with changed text and moves
# codes about; merge.  The merged document must still be the same
# Markdown: read again, it has as many units, and each unit holds each of
# its codes once, in the translator's order.  When md2html (md4c-tools)
# is installed, its HTML has the same block structure as the original's.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/formats/markdown"
/usr/bin/python3 -c 'import lxml' 2>/dev/null ||
	skip "python3-lxml not installed (for /usr/bin/python3)"

# The tags of HTML blocks, in order: the structure without the text.
blocks() {
	md2html --github "$1" | grep -o '<\(/\?\)\(p\|h[1-6]\|ul\|ol\|li\|blockquote\|table\|tr\|th\|td\|pre\)[ >]' |
		tr -d ' >'
}

moved=0
for f in docs-page project-readme blog-zh-CN release-notes-de \
	 hugo-page-ja poeme-setext edge-cases; do
	run_bitext extract -s en -t de -o "$work/$f.xlf" "$data/$f.md"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/xliff-cycle.py" fill "$work/$f.xlf" \
		"$work/$f.t.xlf" "$work/$f.json" >"$work/$f.fill" ||
		fail "$f: xliff-cycle.py fill failed"
	n=$(sed -n 's/.*segments with moved codes \([0-9]*\).*/\1/p' \
		"$work/$f.fill")
	moved=$((moved + ${n:-0}))
	run_bitext merge -o "$work/$f.de.md" "$work/$f.t.xlf"
	expect_status 0
	checks=$((checks + 1))
	cmp -s "$work/$f.de.md" "$data/$f.md" && fail "$f: nothing translated"
	run_bitext extract -s en -o "$work/$f.again.xlf" "$work/$f.de.md"
	expect_status 0
	checks=$((checks + 1))
	/usr/bin/python3 "$data/xliff-cycle.py" check "$work/$f.again.xlf" \
		"$work/$f.json" >"$work/$f.check" 2>&1 || {
		fail "$f: the merged Markdown changed its structure or codes"
		head -5 "$work/$f.check"
	}
	# The same count by `bitext segment`, unit ids aside.
	run_bitext segment --format tsv --lang en "$data/$f.md"
	cut -f1 "$work/stdout" | uniq | wc -l >"$work/$f.n1"
	run_bitext segment --format tsv --lang en "$work/$f.de.md"
	cut -f1 "$work/stdout" | uniq | wc -l >"$work/$f.n2"
	expect_same "$work/$f.n2" "$work/$f.n1"
	if command -v md2html >/dev/null 2>&1; then
		blocks "$data/$f.md" >"$work/$f.b1"
		blocks "$work/$f.de.md" >"$work/$f.b2"
		expect_same "$work/$f.b2" "$work/$f.b1"
	fi
done
checks=$((checks + 1))
[ "$moved" -ge 8 ] || fail "codes moved in only $moved segments"

# A translated line break in a block quote or a list item gets the prefix
# of its lines: see t6046.  Here: the words really are the translator's.
checks=$((checks + 1))
grep -q 'gnirugifnoC eht cnyS ecivreS' "$work/docs-page.de.md" ||
	fail "the translation is not in the merged file"
finish
