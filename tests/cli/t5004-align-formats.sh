#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The output formats of bitext align, on a small German-French pair read
# through the plain-text filter and the segmenter: beads, TSV, TMX (a 0-1
# bead keeps its one side), XLIFF 2.1 (valid against the core and
# metadata schemas when data/schemas has them), HTML; and --sentences.
# (The aligner joins the French photo credit to the sentence before it:
# a 1-2 bead.  An empty side gives the 0-1 beads.)
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/de.txt" <<'TXT'
Die Expedition erreichte am 18. Mai 1956 den Gipfel des Everest. Das Wetter war gut.

Ernst Schmid und Jürg Marmet standen um 14 Uhr oben.
TXT
cat >"$work/fr.txt" <<'TXT'
L'expédition atteignit le sommet de l'Everest le 18 mai 1956. Il faisait beau.

Ernst Schmid et Jürg Marmet y furent à 14 heures. Une photo en témoigne.
TXT
: >"$work/empty.txt"
al() {
	run_bitext align -q -s de -t fr "$@" "$work/de.txt" "$work/fr.txt"
}

al -f beads
expect_status 0
expect_same "$work/stdout" /dev/stdin <<'OUT'
[0]:[0]
[1]:[1]
[2]:[2, 3]
OUT

al -f tsv
expect_status 0
checks=$((checks + 1))
if ! awk -F '\t' 'NF != 4 || $1 !~ /^[01]\.[0-9][0-9][0-9]$/ \
		  || $2 !~ /^[0-3]-[0-3]$/ { bad = 1 }
		  END { exit bad || NR != 3 }' "$work/stdout"; then
	fail "TSV lines are not SCORE, BEAD, SOURCE, TARGET"
	cat "$work/stdout"
fi
expect_stdout_match '^[01]\.[0-9]{3}	1-2	Ernst Schmid und .*	Ernst .* Une photo en témoigne\.$'

al -o "$work/out.tmx"
expect_status 0
expect_stdout_empty
checks=$((checks + 1))
if [ "$(grep -c '<tuv' "$work/out.tmx")" -ne 6 ] \
   || ! grep -q 'x-bitext-bead">1-2<' "$work/out.tmx" \
   || ! grep -q 'srclang="de"' "$work/out.tmx"; then
	fail "TMX: expected 6 <tuv>, a 1-2 bead, srclang de"
fi
run_bitext align -q -s de -t fr -o "$work/gaps.tmx" "$work/empty.txt" \
	"$work/fr.txt"
expect_status 0
checks=$((checks + 1))
if [ "$(grep -c '<tuv' "$work/gaps.tmx")" -ne 4 ] \
   || [ "$(grep -c 'x-bitext-bead">0-1<' "$work/gaps.tmx")" -ne 4 ]; then
	fail "TMX: 0-1 beads should have one <tuv> each"
fi
dtd="$top_srcdir/data/schemas/tmx14.dtd"
if [ -f "$dtd" ] && command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1; then
	for f in out gaps; do
		checks=$((checks + 1))
		"${XMLLINT:-xmllint}" --noout --nonet --dtdvalid "$dtd" \
			"$work/$f.tmx" 2>"$work/xmllint.err" \
			|| fail "$f.tmx does not validate against tmx14.dtd"
	done
fi

al -f xliff -o "$work/out.xlf"
expect_status 0
checks=$((checks + 1))
if ! grep -q '<mda:meta type="bead">1-2</mda:meta>' "$work/out.xlf" \
   || ! grep -q 'version="2.1"' "$work/out.xlf"; then
	fail "XLIFF: no bead metadata or not 2.1"
fi
run_bitext align -q -s de -t fr -f xliff -o "$work/gaps.xlf" \
	"$work/fr.txt" "$work/empty.txt"
expect_status 0
schemas="$top_srcdir/data/schemas"
if [ -f "$schemas/xliff2-all.xsd" ] \
   && command -v "${XMLLINT:-xmllint}" >/dev/null 2>&1; then
	for xsd in xliff_core_2.0.xsd xliff2-all.xsd; do
		checks=$((checks + 1))
		if ! (cd "$schemas" && "${XMLLINT:-xmllint}" --noout --nonet \
			--schema "$xsd" "$work/out.xlf" "$work/gaps.xlf") \
			2>"$work/xsd.err"; then
			fail "XLIFF does not validate against $xsd"
			head -5 "$work/xsd.err"
		fi
	done
else
	printf 'note: no XLIFF schemas in data/schemas; XLIFF not validated\n'
fi

run_bitext align -q -s de -t fr -f html -o "$work/out.html" \
	"$work/de.txt" "$work/empty.txt"
expect_status 0
checks=$((checks + 1))
if ! grep -q '<tr class="gap"' "$work/out.html" \
   || ! grep -q 'Ernst Schmid und Jürg Marmet' "$work/out.html" \
   || grep -q '<script' "$work/out.html"; then
	fail "HTML: no highlighted 0-1 bead, or not self-contained"
fi

# --sentences: one sentence a line, blank lines between paragraphs.
printf 'Eins.\nZwei zwei.\n\nDrei drei drei 3.\n' >"$work/de.lines"
printf 'Un.\nDeux deux.\n\nTrois trois trois 3.\n' >"$work/fr.lines"
run_bitext align -q --sentences -s de -t fr -f beads \
	"$work/de.lines" "$work/fr.lines"
expect_status 0
expect_same "$work/stdout" /dev/stdin <<'OUT'
[0]:[0]
[1]:[1]
[2]:[2]
OUT

# The summary on stderr.
run_bitext align -s de -t fr -f beads "$work/de.txt" "$work/fr.txt"
expect_status 0
expect_stderr_match 'aligned 3 source and 4 target sentences in 3 beads'
expect_stderr_match 'beads by type: 1-1 2 1-2 1'
expect_stderr_match 'unaligned: 0 source, 0 target'
expect_stderr_match 'mean score: [01]\.[0-9]{3}'
# Documents in any format the filters read: the UDHR web pages as they
# are, HTML markup and all.  Each of the 30 "Article N" headings pairs
# with the same article's heading.
udhr="$top_srcdir/corpora/udhr"
for pair in fra:fr deu_1996:de; do
	page=${pair%%:*} lang=${pair#*:}
	run_bitext align -s en -t "$lang" -f tsv "$udhr/eng.html" \
		"$udhr/$page.html"
	expect_status 0
	checks=$((checks + 1))
	got=$(awk -F '\t' '$3 ~ /^Article [0-9]+$/ {
		n++; split($3, a, " ")
		if ($4 ~ ("^(Article|Artikel) " a[2] "$") \
		    || (a[2] == 1 && $4 == "Article premier"))
			ok++ }
		END { print ok + 0 "/" n + 0 }' "$work/stdout")
	[ "$got" = 30/30 ] ||
		fail "eng.html - $page.html: $got article headings aligned"
done
finish
