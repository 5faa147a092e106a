#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown line breaks inside a unit.  A soft break is the text "\n" and
# the writer puts the prefix of the unit's lines ("> ", a list item's
# indentation) back after every line break, the translator's own too:
# a translation with more, fewer or other line breaks keeps its block
# quote or list item.  CR LF files get CR LF.  A hard break, or a lazy
# continuation line, is a code that holds the break and its prefix.
. "$top_srcdir/tests/cli/lib.sh"

# translate FILE LANG TEXT: every segment's target is TEXT (TSV escapes).
translate() {
	run_bitext extract -s "$2" -t en -o "$work/tr.xlf" "$1"
	expect_status 0
	run_bitext segment --format tsv --lang "$2" "$1"
	T=$3 awk -F '\t' 'BEGIN { OFS = "\t" } { $3 = ENVIRON["T"]; print }' \
		"$work/stdout" >"$work/tr.tsv"
	"$top_builddir/tests/helper/bt-test-tool" fill-targets "$work/tr.xlf" \
		"$work/tr.tsv" "$work/tr-t.xlf"
	run_bitext merge -o "$work/tr.out" "$work/tr-t.xlf"
	expect_status 0
}

cat >"$work/nest.md" <<'MD'
> Erste Zeile des Zitats
> geht hier weiter.

- Ein Punkt
  mit zweiter Zeile.
  > Zitat im Punkt
  > zweite Zeile.

1. Nummer

   Absatz im Punkt.
MD
run_bitext segment --format tsv --lang de "$work/nest.md"
expect_status 0
expect_stdout_match '	Erste Zeile des Zitats\\ngeht hier weiter\.$'
translate "$work/nest.md" de 'Line one\nline two\nline three.'
cat >"$work/nest.want" <<'MD'
> Line one
> line two
> line three.

- Line one
  line two
  line three.
  > Line one
  > line two
  > line three.

1. Line one
   line two
   line three.

   Line one
   line two
   line three.
MD
expect_same "$work/tr.out" "$work/nest.want"
# Fewer line breaks than the source: one line, still in its quote.
translate "$work/nest.md" de 'One line only.'
checks=$((checks + 1))
[ "$(grep -c '^> One line only\.$' "$work/tr.out")" -eq 1 ] ||
	fail "a one-line translation lost its quote"

# CR LF: the translator's line breaks are written CR LF, with the prefix.
sed 's/$/\r/' "$work/nest.md" >"$work/nest-crlf.md"
translate "$work/nest-crlf.md" de 'Line one\nline two\nline three.'
sed 's/$/\r/' "$work/nest.want" >"$work/nest-crlf.want"
expect_same "$work/tr.out" "$work/nest-crlf.want"

# Hard breaks (two spaces, a backslash) are codes: the translator keeps
# them where the lines break; the prefix comes with them.
printf '> Adresse :  \n> 12, rue des Lilas\\\n> 69003 Lyon\n' >"$work/hard.md"
run_bitext extract -s fr -o "$work/hard.xlf" "$work/hard.md"
expect_status 0
checks=$((checks + 1))
[ "$(grep -o '<ph [^>]*disp="↵"' "$work/hard.xlf" | wc -l)" -eq 2 ] ||
	fail "hard breaks are not two codes"
checks=$((checks + 1))
grep -q '<data id="d1">  
&gt; </data>' "$work/hard.xlf" || fail "a hard break code lacks its prefix"

# A lazy continuation line (no "> ") is a code too, and keeps its bytes.
printf '> Quote\nlazy line\n> back.\n' >"$work/lazy.md"
run_bitext extract -s en -o "$work/lazy.xlf" "$work/lazy.md"
expect_status 0
checks=$((checks + 1))
grep -q 'Quote<ph id="1" dataRef="d1" [^>]*disp="↵"/>lazy line' "$work/lazy.xlf" ||
	fail "a lazy continuation line is not a code"
run_bitext merge -o "$work/lazy.out" "$work/lazy.xlf"
expect_status 0
expect_same "$work/lazy.out" "$work/lazy.md"

# Sentences moved across a line end: each segment gets its target, and
# the line break the translator wrote gets the list item's indentation.
printf -- '- First sentence. Second\n  sentence here.\n' >"$work/move.md"
translate "$work/move.md" en 'Zweiter Satz\nhier.'
printf -- '- Zweiter Satz\n  hier. Zweiter Satz\n  hier.\n' >"$work/move.want"
expect_same "$work/tr.out" "$work/move.want"
finish
