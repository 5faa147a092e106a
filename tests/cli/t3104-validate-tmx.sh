#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# TMX 1.4b: the DTD (loaded from the data folder, whatever the DOCTYPE
# says) and what it cannot check: <bpt>/<ept> pairing by i in each <seg>
# and <sub>, i unique per <tuv>, integer i and x, a <tuv> in the source
# language, language tags, <ude>/<map>.  Other TMX versions are refused.
. "$top_srcdir/tests/cli/lib.sh"

# tmx NAME: writes $work/NAME.tmx with standard input as the <body>.
tmx() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<tmx version="1.4">\n'
		printf '<header creationtool="t" creationtoolversion="1" '
		printf 'segtype="sentence" o-tmf="t" adminlang="en" '
		printf 'srclang="en" datatype="plaintext"/>\n<body>\n'
		cat
		printf '</body>\n</tmx>\n'
	} >"$work/$1.tmx"
}

valid() {
	run_bitext validate "$work/$1.tmx"
	expect_status 0
	checks=$((checks + 1))
	[ -s "$work/stderr" ] && fail "$1: $(head -1 "$work/stderr")"
}

invalid() {	# NAME LINE REGEX
	run_bitext validate "$work/$1.tmx"
	expect_status 1
	expect_stderr_match "^bitext: [^ ]*/$1.tmx:$2: $3"
}

tmx codes <<'X'
<tu><tuv xml:lang="en"><seg><bpt i="1" x="1">&lt;b></bpt>Bold<ept i="1">&lt;/b></ept> <ph x="2">&lt;img alt="<sub>Logo <bpt i="2">&lt;i></bpt>x<ept i="2">&lt;/i></ept></sub>"></ph> <it pos="begin" x="3">&lt;u></it>u</seg></tuv>
<tuv xml:lang="de"><seg><bpt i="1" x="1">&lt;b></bpt>Fett<ept i="1">&lt;/b></ept></seg></tuv></tu>
X
valid codes

tmx pairing <<'X'
<tu><tuv xml:lang="en"><seg><ept i="1">&lt;/b></ept>a<bpt i="1">&lt;b></bpt></seg></tuv></tu>
<tu><tuv xml:lang="en"><seg><bpt i="2">&lt;b></bpt>a<ept i="2">&lt;/b></ept><bpt i="2">&lt;b></bpt>b<ept i="2">&lt;/b></ept></seg></tuv></tu>
<tu><tuv xml:lang="en"><seg><bpt i="one">&lt;b></bpt>a<ept i="one">&lt;/b></ept><ph x="1.5">x</ph></seg></tuv></tu>
X
invalid pairing 5 "<ept i='1'> has no open <bpt i='1'> before it"
expect_stderr_match "pairing.tmx:5: <bpt i='1'> has no <ept> after it"
expect_stderr_match "pairing.tmx:6: <bpt i='2'> is used twice in the <tuv>"
expect_stderr_match "pairing.tmx:7: <bpt> i='one' is not an integer"
expect_stderr_match "pairing.tmx:7: <ph> x='1.5' is not an integer"

tmx source <<'X'
<tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>
<tu srclang="de"><tuv xml:lang="de"><seg>Hallo</seg></tuv></tu>
<tu srclang="*all*"><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>
<tu><tuv xml:lang="EN"><seg>Hi</seg></tuv><tuv xml:lang="e_n"><seg>Hi</seg></tuv></tu>
X
invalid source 5 "<tu> has no <tuv> in its source language 'en'"
expect_stderr_match "source.tmx:8: xml:lang 'e_n' is not a well-formed language tag"
checks=$((checks + 1))
[ "$(wc -l <"$work/stderr")" -eq 2 ] || fail "source: $(cat "$work/stderr")"

# <ude>: a base when a <map> has a code; a <map> says something.
tmx ude <<'X'
<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu>
X
sed 's|datatype="plaintext"/>|datatype="plaintext"><ude name="MacRoman"><map unicode="#xF8FF" code="#xF0"/><map unicode="#xE000"/></ude></header>|' \
	"$work/ude.tmx" >"$work/ude2.tmx"
invalid ude2 3 "<ude> needs a base: one of its <map> elements has a code"
expect_stderr_match "ude2.tmx:3: <map> needs at least one of code, ent, subst"

# The DTD, not the file's DOCTYPE, decides.
tmx dtd <<'X'
<tu><tuv xml:lang="en"><seg>x</seg></tuv><prop>no type</prop></tu>
X
sed 's|<tmx version|<!DOCTYPE tmx SYSTEM "nowhere.dtd">\n<tmx version|' \
	"$work/dtd.tmx" >"$work/dtd2.tmx"
invalid dtd2 6 "DTD: Element prop does not carry attribute type"

# TMX 1.1 to 1.3 are not what the TMX 1.4 DTD describes.
sed 's/version="1.4"/version="1.1"/' "$work/codes.tmx" >"$work/old.tmx"
run_bitext validate "$work/old.tmx"
expect_status 2
expect_stderr_match "old.tmx:2: TMX version '1.1' is not one bitext validates \\(1.4\\)"

# UTF-16 with a byte-order mark.
if command -v iconv >/dev/null; then
	sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$work/codes.tmx" |
		iconv -f UTF-8 -t UTF-16 >"$work/utf16.tmx"
	valid utf16
fi
finish
