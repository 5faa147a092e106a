#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Detection: .html, .htm, .xhtml, .xht and .shtml are HTML; so is a file of
# another name that starts with a doctype, <html> or an XML declaration of
# XHTML; --format html forces it on anything.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

filter_of() {	# FILE [OPTIONS...]: prints the filter segment uses
	fo_f=$1
	shift
	"$BITEXT" segment --lang en --format json "$@" "$fo_f" 2>/dev/null |
		sed -n 's/.*"filter": "\([a-z]*\)".*/\1/p' | head -1
}
expect_filter() {	# FILTER FILE [OPTIONS...]
	ef_want=$1
	shift
	checks=$((checks + 1))
	ef_got=$(filter_of "$@")
	[ "$ef_got" = "$ef_want" ] ||
		fail "$1 read by '$ef_got', expected '$ef_want'"
}

printf '<p>Just a paragraph.</p>\n' >"$work/frag.in"
for ext in html htm HTML xhtml xht shtml; do
	cp "$work/frag.in" "$work/page.$ext"
	expect_filter html "$work/page.$ext"
done
printf '<!DOCTYPE html>\n<title>T</title><p>P.</p>\n' >"$work/doctype.txt"
expect_filter html "$work/doctype.txt"
printf '\357\273\277\n  <HTML><body><p>P.</p></body></HTML>\n' >"$work/upper.tmpl"
expect_filter html "$work/upper.tmpl"
printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>P.</p></body></html>\n' \
	>"$work/page.xml.in"
expect_filter html "$work/page.xml.in"
# Not HTML: text, and XML that is not XHTML.
printf 'Plain text with <b>tags</b> in it.\n' >"$work/notes.txt"
expect_filter text "$work/notes.txt"
printf '<?xml version="1.0"?>\n<doc><para>P.</para></doc>\n' >"$work/doc.in"
expect_filter xml "$work/doc.in"
# Forced.
expect_filter html "$work/notes.txt" --filter html
segments "$work/notes.txt" --lang en --filter html
has_segment 'Plain text with <b>tags</b> in it.'
run_bitext extract -s en --format html -o "$work/notes.xlf" "$work/notes.txt"
expect_status 0
run_bitext merge -o "$work/notes.out" "$work/notes.xlf"
expect_status 0
expect_same "$work/notes.out" "$work/notes.txt"
finish
