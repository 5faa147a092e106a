#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The fuzzy flag at merge: a target in state initial adds "fuzzy" (first
# on the flags line, or a "#, fuzzy" line before the #| lines and the
# keywords); translated removes it, with the #| lines, and the line when
# nothing else is on it; a msgstr whose text did not change keeps its
# lines as written; a message without a target is left alone.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po
py=/usr/bin/python3
$py -c 'import lxml' 2>/dev/null || skip "no python3-lxml"

cat >"$work/flags.po" <<'PO'
msgid ""
msgstr ""
"Project-Id-Version: flags 1\n"
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: a.c:1
msgid "Alpha"
msgstr "Alfa"

#, fuzzy
#| msgid "Bet"
msgid "Beta"
msgstr "Bêta ?"

#: b.c:2
#, fuzzy, no-wrap
msgid "Gamma"
msgstr "Gamma ?"

# translator note
#, no-wrap
msgctxt "x"
msgid "Delta"
msgstr ""

#, fuzzy
msgid "Epsilon"
msgstr ""
"Epsi"
"lon"

#| msgid "Zet"
msgid "Zeta"
msgstr ""

msgid "Eta"
msgstr ""
"hand "
"wrapped"

#, fuzzy
msgid "Theta"
msgstr "Thêta ?"

#, fuzzy
#~ msgid "Iota"
#~ msgstr "Iota"

msgid "Kappa"
msgstr "Kappa"
PO
cat >"$work/edits.tsv" <<'TSV'
Alpha	initial	Alfa
Beta	translated	Bêta
Gamma	final	Gamma
Delta	initial	Delta (nouveau)
Epsilon	reviewed	Epsilon
Zeta	initial	Zêta
Eta	translated	hand wrapped
Theta	translated	-
Kappa	translated	Kappa
TSV
cat >"$work/expected.po" <<'PO'
msgid ""
msgstr ""
"Project-Id-Version: flags 1\n"
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#: a.c:1
#, fuzzy
msgid "Alpha"
msgstr "Alfa"

msgid "Beta"
msgstr "Bêta"

#: b.c:2
#, no-wrap
msgid "Gamma"
msgstr "Gamma"

# translator note
#, fuzzy, no-wrap
msgctxt "x"
msgid "Delta"
msgstr "Delta (nouveau)"

msgid "Epsilon"
msgstr ""
"Epsi"
"lon"

#, fuzzy
#| msgid "Zet"
msgid "Zeta"
msgstr "Zêta"

msgid "Eta"
msgstr ""
"hand "
"wrapped"

#, fuzzy
msgid "Theta"
msgstr "Thêta ?"

#, fuzzy
#~ msgid "Iota"
#~ msgstr "Iota"

msgid "Kappa"
msgstr "Kappa"
PO
for v in lf crlf; do
	if [ $v = crlf ]; then
		sed 's/$/\r/' "$work/flags.po" >"$work/in.po"
		sed 's/$/\r/' "$work/expected.po" >"$work/want.po"
	else
		cp "$work/flags.po" "$work/in.po"
		cp "$work/expected.po" "$work/want.po"
	fi
	run_bitext extract --srclang en --trglang fr -o "$work/$v.xlf" \
		"$work/in.po"
	expect_status 0
	checks=$((checks + 1))
	$py "$data/po-cycle.py" set "$work/$v.xlf" "$work/$v.done.xlf" \
		"$work/edits.tsv" || fail "po-cycle.py set failed"
	run_bitext merge -o "$work/$v.po" "$work/$v.done.xlf"
	expect_status 0
	expect_same "$work/$v.po" "$work/want.po"
done
if command -v msgfmt >/dev/null 2>&1; then
	checks=$((checks + 1))
	msgfmt -c -o /dev/null "$work/lf.po" 2>/dev/null ||
		fail "msgfmt -c refuses it"
fi
finish
