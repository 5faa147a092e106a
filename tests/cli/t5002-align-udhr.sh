#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The UDHR in several languages has the same 30 articles in each: turned
# into plain text (one paragraph per <h1>, <h2> and <p>), aligned with
# English, at least 99% of the pairs must lie within one article.
. "$top_srcdir/tests/cli/lib.sh"

udhr="$top_srcdir/corpora/udhr"
[ -f "$udhr/eng.html" ] || skip "no UDHR in corpora/udhr"

# to_text LANG: the page as paragraphs in $work/LANG.txt, and the article
# of each paragraph (0 for the title and preamble) in $work/LANG.art.
to_text() {
	awk -v txt="$work/$1.txt" -v art="$work/$1.art" '
		/<article / { match($0, /data-number="[0-9]+"/)
			      a = substr($0, RSTART + 13, RLENGTH - 14) + 0 }
		/<(h1|h2|p)>/ {
			s = $0
			gsub(/<[^>]*>/, "", s)
			gsub(/^[ \t]+|[ \t]+$/, "", s)
			gsub(/&amp;/, "\\&", s); gsub(/&lt;/, "<", s)
			gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
			gsub(/&#39;/, "'\''", s)
			if (s == "")
				next
			printf "%s\n\n", s > txt
			print a + 0 > art
		}' "$udhr/$1.html"
}

# The paragraph of each sentence, from `bitext segment`: a new unit id
# starts a new paragraph.
paragraphs() {	# LANG BCP47
	"$BITEXT" segment --lang "$2" --format tsv "$work/$1.txt" \
		| awk -F '\t' '$1 != last { n++; last = $1 } { print n - 1 }' \
		>"$work/$1.para"
}

check_pair() {	# SRC_FILE SRC_LANG TGT_FILE TGT_LANG
	to_text "$1"
	to_text "$3"
	paragraphs "$1" "$2"
	paragraphs "$3" "$4"
	run_bitext align -s "$2" -t "$4" -f beads -o "$work/$1-$3.beads" \
		"$work/$1.txt" "$work/$3.txt"
	expect_status 0
	checks=$((checks + 1))
	result=$(tr -d '[] ' <"$work/$1-$3.beads" | awk -F: \
		-v sp="$work/$1.para" -v sa="$work/$1.art" \
		-v tp="$work/$3.para" -v ta="$work/$3.art" '
		BEGIN {
			while ((getline l < sa) > 0) sart[n1++] = l
			while ((getline l < ta) > 0) tart[n2++] = l
			while ((getline l < sp) > 0) sart_of[n3++] = sart[l]
			while ((getline l < tp) > 0) tart_of[n4++] = tart[l]
		}
		$1 != "" && $2 != "" {
			pairs++
			a = -1; ok = 1
			n = split($1, s, ",")
			for (k = 1; k <= n; k++) {
				if (a < 0) a = sart_of[s[k]]
				if (sart_of[s[k]] != a) ok = 0
			}
			n = split($2, t, ",")
			for (k = 1; k <= n; k++)
				if (tart_of[t[k]] != a) ok = 0
			good += ok
		}
		END { printf "%d %d %.2f", good, pairs, pairs ? 100 * good / pairs : 0 }')
	set -- "$1" "$3" $result
	if awk -v p="$5" 'BEGIN { exit !(p >= 99) }'; then
		pass "$1-$2: $3 of $4 pairs within one article ($5%)"
	else
		fail "$1-$2: only $3 of $4 pairs within one article ($5%)"
	fi
}

check_pair cmn_hans zh-CN eng en
check_pair fra fr eng en
check_pair deu_1996 de eng en
check_pair rus ru eng en
finish
