#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Large input: the benchmark generator's page (several MB), a paragraph,
# a comment, a script and an attribute value each far longer than a read:
# all come back byte for byte, with the right units, and memory stays
# bounded by the largest piece, not the file.  A paragraph with 100,000
# inline codes takes seconds, not minutes.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

[ -x "$PY" ] || skip "no $PY for bench/make-html.sh"
gen="$top_srcdir/bench/make-html.sh"
CORPORA="$top_srcdir/corpora" sh "$gen" "$work/big.html" 3 ||
	fail "make-html.sh failed"
checks=$((checks + 1))
[ "$(wc -c <"$work/big.html")" -ge 3145728 ] || fail "big.html under 3 MB"
run_bitext extract -s en -o "$work/big.xlf" "$work/big.html"
expect_status 0
run_bitext merge -o "$work/big.out" "$work/big.xlf"
expect_status 0
expect_same "$work/big.out" "$work/big.html"
expect_units_at_least "$work/big.xlf" 5000

# One paragraph of 400 KB, a 300 KB comment, a 300 KB script, a 500 KB
# data: URI, a 200 KB run of text without a single block.
"$PY" - "$work/long.html" <<'PY'
import sys
s = "Sentence number %d of a very long paragraph. "
para = "".join(s % i for i in range(9000))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html>\n<html lang="en"><body>\n')
    f.write("<p>" + para + "<b>end</b></p>\n")
    f.write("<!-- " + "x-" * 150000 + " -->\n")
    f.write("<script>var s = '" + "<p>" * 100000 + "';</script>\n")
    f.write('<img alt="Pixel" src="data:image/png;base64,' + "QUJD" * 125000 + '">\n')
    f.write("<p>After the big pieces.</p>\n")
    f.write("Loose text " * 20000 + "\n</body></html>\n")
PY
segments "$work/long.html"
checks=$((checks + 1))
[ "$(wc -l <"$work/seg.txt")" -eq 9004 ] ||
	fail "expected 9004 segments, got $(wc -l <"$work/seg.txt")"
has_segment 'Sentence number 8999 of a very long paragraph.'
has_segment '<b>end</b>'
has_segment 'Pixel'
has_segment 'After the big pieces.'
html_roundtrip "$work/long.html" en long

# One paragraph with 100,000 inline codes: extract and merge take linear
# time (a search through all the unit's codes for each code once made
# this minutes), also with targets that hold every code.
"$PY" - "$work/codes.html" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html>\n<html lang="en"><body>\n<p>')
    f.write("".join('<b>a</b> <i>x%d</i><br>' % i for i in range(20000)))
    f.write("<span>end</span>.</p>\n</body></html>\n")
PY
html_roundtrip "$work/codes.html" en codes
run_bitext extract --copy-source -s en -t fr -o "$work/codes.copy.xlf" \
	"$work/codes.html"
expect_status 0
run_bitext merge -o "$work/codes.copy.out" "$work/codes.copy.xlf"
expect_status 0
sed 's/<html lang="fr">/<html lang="en">/' "$work/codes.copy.out" \
	>"$work/codes.copy.en"
expect_same "$work/codes.copy.en" "$work/codes.html"
finish
