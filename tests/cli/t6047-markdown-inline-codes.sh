#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown inline codes, as translators see them in XLIFF 2.1 and 1.2:
# emphasis, strikethrough, links and images are pairs around their text
# (the URL is in the closing code, shown); code spans, autolinks, bare
# URLs, entities, backslash escapes and hard breaks are standalone codes
# showing what they stand for; matching inline HTML tags are a pair.
# The XLIFF files are valid.
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/codes.md" <<'MD'
Use **bold**, *italic*, ~~old~~ and `make check` here.

See [the manual](docs/manual.md "Manual") and ![the logo](logo.png).

Write to <help@example.org> or visit https://example.org/help today.

Press <kbd>Ctrl</kbd> and \*not\* &copy; 2024&nbsp;AD.

First line  
second line.
MD
run_bitext extract -s en -o "$work/codes.xlf" "$work/codes.md"
expect_status 0
x="$work/codes.xlf"

has() {	# REGEX MESSAGE
	checks=$((checks + 1))
	grep -Eq -- "$1" "$x" || fail "$2"
}
has '<pc id="[0-9]+" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:b" dispStart="\*\*" dispEnd="\*\*">bold</pc>' \
	"strong emphasis is not a pair"
has 'type="fmt" subType="xlf:i" dispStart="\*" dispEnd="\*">italic</pc>' \
	"emphasis"
has 'dispStart="~~" dispEnd="~~">old</pc>' "strikethrough"
has '<data id="d7">`make check`</data>' "a code span is not one code"
has '<ph id="[0-9]+" dataRef="d7" disp="make check"/>' "code span display"
has 'type="link" dispStart="\[" dispEnd="docs/manual.md">the manual</pc>' \
	"a link is not a pair showing its target"
has '<data id="d2">\]\(docs/manual.md "Manual"\)</data>' \
	"the link's target and title are not in its closing code"
has 'type="image" dispStart="!\[" dispEnd="logo.png">the logo</pc>' \
	"an image's alt text is not translatable"
has '<ph id="[0-9]+" dataRef="d1" type="link" disp="help@example.org"/>' \
	"an autolink is not one code"
has '<ph id="[0-9]+" dataRef="d2" type="link" disp="https://example.org/help"/>' \
	"a bare URL is not one code"
has 'dispStart="&lt;kbd&gt;" dispEnd="&lt;/kbd&gt;">Ctrl</pc>' \
	"matching HTML tags are not a pair"
has '<ph id="[0-9]+" dataRef="d3" disp="\*"/>not<ph id="[0-9]+" dataRef="d4" disp="\*"/>' \
	"backslash escapes are not codes showing the character"
has '<data id="d3">\\\*</data>' "an escape's code lacks its backslash"
nbsp=$(printf '\302\240')
has "disp=\"©\"/> 2024<ph id=\"[0-9]+\" dataRef=\"d6\" disp=\"$nbsp\"/>AD" \
	"entities are not codes showing the character"
has 'First line<ph id="1" dataRef="d1" [^>]*disp="↵"/>second line' \
	"a hard break is not a code"
run_bitext validate "$x"
expect_status 0

# XLIFF 1.2: link and image kinds, valid too; and the round trip.
run_bitext extract --xliff 1.2 -s en -t de -o "$work/codes12.xlf" \
	"$work/codes.md"
expect_status 0
x="$work/codes12.xlf"
has 'ctype="link"' "XLIFF 1.2: no link ctype"
has 'ctype="bold"' "XLIFF 1.2: no bold ctype"
has 'ctype="lb"' "XLIFF 1.2: no line break ctype"
run_bitext validate "$x"
expect_status 0
run_bitext merge -o "$work/codes.out" "$x"
expect_status 0
expect_same "$work/codes.out" "$work/codes.md"

# Translated text is written as it is: translators write Markdown.
run_bitext extract -s en -t de -o "$work/t.xlf" "$work/codes.md"
sed 's|<source>Write to \(<ph[^>]*>\) or visit \(<ph[^>]*>\) today.</source>|&<target>Siehe *hier*: \2 oder \1 \&amp; \\_mehr_.</target>|' \
	"$work/t.xlf" >"$work/t2.xlf"
run_bitext merge -o "$work/t.md" "$work/t2.xlf"
expect_status 0
checks=$((checks + 1))
grep -qx 'Siehe \*hier\*: https://example.org/help oder <help@example.org> & \\_mehr_\.' \
	"$work/t.md" || fail "translated Markdown was not written as it is"
finish
