#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The tokenizer on the torture page (tests/data/formats/html/torture.html):
# comments "<!-->", "<!--->" and "--!>", bogus comments (<?php ?>, <!x>,
# </ >), "</>", a '<' or '&' that is text, references with and without
# ';' (&notit; is &not + "it;"), numeric references out of range, raw text
# in script and style with "</p>" and "</scripty>" inside, RCDATA in title
# and textarea, unquoted and single-quoted attributes, upper-case tags,
# our own code markers (U+FDD0-U+FDD2) in the text, CR and tabs, no final
# newline.  Units as in the golden file; every byte back.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

t="$hdata/torture.html"
run_bitext segment --format tsv --lang en "$t"
expect_status 0
expect_same "$work/stdout" "$hdata/torture.segments.tsv"
html_roundtrip "$t" en torture

x="$work/torture.2.1.xlf"
expect_code() {	# DATA DISPLAY: a code with this data shows this
	checks=$((checks + 1))
	ec_id=$(grep -o "<data id=\"d[0-9]*\">$1</data>" "$x" | head -1 |
		sed 's/.*id="\(d[0-9]*\)".*/\1/')
	[ -n "$ec_id" ] || { fail "no code with data $1"; return; }
	grep -q "dataRef=\"$ec_id\"[^>]*disp=\"$2\"" "$x" ||
		fail "code $1 does not show $2"
}
expect_code '&amp;not' '¬'
expect_code '&amp;copy' '©'
expect_code '&amp;#169' '©'
expect_code '&amp;#0;' '�'
expect_code '&amp;#x110000;' '�'
expect_code '&amp;#xFDD0;' '&amp;#xFDD0;'
expect_code '&gt;' '&gt;'
expect_code '&lt;' '&lt;'
expect_code '&lt;?php echo "x" ?&gt;' '&lt;?php echo &quot;x&quot; ?&gt;'
expect_code '&lt;!-- inside --&gt;' '&lt;!----&gt;'
# &bogus; is no reference: a lone '&' and the text "bogus;".
checks=$((checks + 1))
grep -q '<ph id="[0-9]*" dataRef="d[0-9]*" type="other" disp="&amp;"/>bogus; and a ' "$x" ||
	fail "&bogus; is not '&' and text"
# The markers in the text are codes holding themselves.
checks=$((checks + 1))
grep -q "<data id=\"d[0-9]*\">$(printf '\357\267\220')</data>" "$x" ||
	fail "U+FDD0 in the text is not a code"

# Split anywhere, the tokenizer gives the same units: the reader holds
# what a token needs across reads (64 KB each), here at every offset of a
# long page whose markup straddles the reads.
{
	i=0
	while [ $i -lt 30 ]; do
		cat "$t"
		printf '\n'
		i=$((i + 1))
	done
} >"$work/long.html"
html_roundtrip "$work/long.html" en long
run_bitext segment --format tsv --lang en "$work/long.html"
expect_status 0
checks=$((checks + 1))
n1=$(wc -l <"$hdata/torture.segments.tsv")
n30=$(wc -l <"$work/stdout")
[ "$n30" -eq $((30 * n1)) ] || fail "30 copies give $n30 segments, not $((30 * n1))"
finish
