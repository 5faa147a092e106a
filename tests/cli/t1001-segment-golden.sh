#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Golden segmentation cases with bitext's default rules: every case in
# tests/srx/*.segtest.  The format (one case per '>' input line, then its
# expected segments on '=' lines; 'lang:' sets the language; \n \t \\
# escapes) is described in tests/srx/README.md.
. "$top_srcdir/tests/cli/lib.sh"

set -- "$top_srcdir"/tests/srx/*.segtest
[ -f "$1" ] || skip "no .segtest files"

for segtest in "$@"; do
	name=$(basename "$segtest" .segtest)
	dir="$work/$name"
	mkdir -p "$dir"
	# Split into dir/N.lang, dir/N.in (unescaped), dir/N.expect, N.line.
	awk -v dir="$dir" '
	function unescape(s,   out, i, c, n) {
		out = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\" && i < length(s)) {
				n = substr(s, ++i, 1)
				if (n == "n") c = "\n"
				else if (n == "t") c = "\t"
				else c = n
			}
			out = out c
		}
		return out
	}
	/^#/ { next }
	/^lang:/ { sub(/^lang:[ \t]*/, ""); lang = $0; next }
	/^> ?/ {
		n++
		sub(/^> ?/, "")
		printf "%s", unescape($0) > (dir "/" n ".in")
		print lang > (dir "/" n ".lang")
		print FNR > (dir "/" n ".line")
		printf "" > (dir "/" n ".expect")
		next
	}
	/^= ?/ {
		sub(/^= ?/, "")
		print > (dir "/" n ".expect")
		next
	}
	' "$segtest"

	n=1
	while [ -f "$dir/$n.in" ]; do
		lang=$(cat "$dir/$n.lang")
		line=$(cat "$dir/$n.line")
		"$BITEXT" segment --lang "$lang" --format tsv "$dir/$n.in" \
			>"$dir/$n.tsv" 2>"$dir/$n.err"
		rc=$?
		checks=$((checks + 1))
		if [ $rc -ne 0 ] || [ -s "$dir/$n.err" ]; then
			fail "$name.segtest:$line: bitext failed or warned:" \
				"$(cat "$dir/$n.err")"
		fi
		cut -f3- "$dir/$n.tsv" >"$dir/$n.got"
		if ! cmp -s "$dir/$n.got" "$dir/$n.expect"; then
			fail "$name.segtest:$line ($lang)"
			diff "$dir/$n.expect" "$dir/$n.got" | sed 's/^/  /'
		fi
		n=$((n + 1))
	done
	[ "$n" -gt 1 ] || fail "$name.segtest holds no cases"
done
finish
