#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Raw HTML blocks in Markdown: the text between block-level tags is a
# unit, with inline tags (paired when they match) and entities as codes;
# <pre>, <script>, comments and tags without text stay skeleton.  In a
# block quote the "> " of each line is not text.  Lossless.
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/html.md" <<'MD'
<p align="center">
  <img src="docs/logo.png" alt="Logo" width="120">
</p>

<details>
<summary>Why <em>another</em> tool?</summary>

Because **Markdown** inside is Markdown.

</details>

> <div class="note">
> Keep the key
> pressed, then wait.
> </div>

<pre>
Not <b>this</b> text.
</pre>
<!-- nor
this comment -->
<table><tr><td>Cell <code>a &lt; b</code></td><td>Press <kbd>Esc</kbd> &amp; wait</td></tr></table>
MD
run_bitext segment --format tsv --lang en "$work/html.md"
expect_status 0
cut -f3 "$work/stdout" >"$work/texts"
cat >"$work/want" <<'TXT'
Why <em>another</em> tool?
Because **Markdown** inside is Markdown.
Keep the key\npressed, then wait.
Cell <code>a &lt; b</code>
Press <kbd>Esc</kbd> &amp; wait
TXT
expect_same "$work/texts" "$work/want"

run_bitext extract -s en -t de -o "$work/html.xlf" "$work/html.md"
expect_status 0
checks=$((checks + 1))
grep -q 'Why <pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:i" dispStart="&lt;em&gt;" dispEnd="&lt;/em&gt;">another</pc> tool?' \
	"$work/html.xlf" || fail "inline HTML tags are not a pair"
checks=$((checks + 1))
grep -q 'Cell <ph id="1" dataRef="d1" disp="a &amp;lt; b"/>' "$work/html.xlf" &&
	grep -q '<data id="d1">&lt;code&gt;a &amp;lt; b&lt;/code&gt;</data>' \
		"$work/html.xlf" || fail "a <code> element is not one code"
run_bitext merge -o "$work/html.out" "$work/html.xlf"
expect_status 0
expect_same "$work/html.out" "$work/html.md"

# A translated line break in the quoted <div> keeps its "> ".
run_bitext segment --format tsv --lang en "$work/html.md"
awk -F '\t' 'BEGIN { OFS = "\t" }
	/Keep the key/ { $3 = "Die Taste\\ngedrückt halten\\nund warten."; print }' \
	"$work/stdout" >"$work/html.tsv"
"$top_builddir/tests/helper/bt-test-tool" fill-targets "$work/html.xlf" \
	"$work/html.tsv" "$work/html-t.xlf"
run_bitext merge -o "$work/html.de" "$work/html-t.xlf"
expect_status 0
checks=$((checks + 1))
grep -q '^> <div class="note">$' "$work/html.de" &&
	grep -q '^> Die Taste$' "$work/html.de" &&
	grep -q '^> gedrückt halten$' "$work/html.de" &&
	grep -q '^> und warten\.$' "$work/html.de" ||
	fail "the translated lines of the quoted <div> lost their '> '"
finish
