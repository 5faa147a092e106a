#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A new msgstr is written as msgcat writes it: escapes, lines of at most
# 79 columns broken where Unicode allows (Chinese between characters),
# a break after each \n, msgstr "" first when the text takes more than
# one line, none with no-wrap.  Checked by running msgcat on merged files
# whose other lines are msgcat's already.  And the header: a merge that
# changes a message fills a template's Language, Plural-Forms and charset
# (wrapped as msgcat would); one that changes nothing leaves it alone.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po
py=/usr/bin/python3
$py -c 'import lxml' 2>/dev/null || skip "no python3-lxml"
command -v msgcat >/dev/null 2>&1 || skip "no msgcat"

# like_msgcat FILE: msgcat writes FILE the same.
like_msgcat() {
	checks=$((checks + 1))
	msgcat "$1" >"$1.msgcat" 2>/dev/null || fail "msgcat refuses $1"
	cmp -s "$1" "$1.msgcat" || { fail "$(basename "$1") is not as msgcat \
writes it"; diff -u "$1.msgcat" "$1" | head -20; }
}

cat >"$work/wrap.pot" <<'PO'
msgid ""
msgstr ""
"Project-Id-Version: wrap 1\n"
"Language: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"

msgid "short"
msgstr ""

msgid "long Chinese"
msgstr ""

msgid "long German"
msgstr ""

msgid "a URL"
msgstr ""

msgid "lines"
msgstr ""

msgid "escapes"
msgstr ""

#, no-wrap
msgid "no wrap"
msgstr ""

msgid "exactly"
msgstr ""

msgid "one over"
msgstr ""
PO
cat >"$work/edits.tsv" <<'TSV'
short	translated	短
long Chinese	translated	这是一段很长的中文译文，用来检查合并时的换行是否与 msgcat 完全一致：每行不超过七十九列，中文字符占两列，标点符号不能出现在行首。
long German	translated	Die Datenschutzgrundverordnungsbestimmungen werden in den Einstellungen unter „Konto“ → „Sicherheit“ ausführlich erläutert, sobald Sie angemeldet sind.
a URL	translated	Siehe https://example.org/a/very/long/path/that/does/not/fit/on/one/line/of/a/po/file/at/all.html für Details.
lines	translated	Erste Zeile\nzweite Zeile, die etwas länger ist und deshalb vielleicht umbrochen werden muss, wer weiß\ndritte\n
escapes	translated	Tab:\there, "quoted", back\\slash.
no wrap	translated	Diese Zeile ist sehr lang und wird trotzdem nicht umbrochen, weil die Nachricht no-wrap trägt.\nZweite.
exactly	translated	0123456789012345678901234567890123456789012345678901234567890123456789
one over	translated	aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaa
TSV
run_bitext extract --srclang en --trglang de -o "$work/wrap.xlf" \
	"$work/wrap.pot"
expect_status 0
checks=$((checks + 1))
$py "$data/po-cycle.py" set "$work/wrap.xlf" "$work/wrap.done.xlf" \
	"$work/edits.tsv" || fail "po-cycle.py set failed"
run_bitext merge -o "$work/wrap.po" "$work/wrap.done.xlf"
expect_status 0
like_msgcat "$work/wrap.po"
checks=$((checks + 1))
grep -q '^"Language: de\\n"$' "$work/wrap.po" || fail "Language not set"
checks=$((checks + 1))
grep -q '^"Plural-Forms: nplurals=2; plural=(n != 1);\\n"$' "$work/wrap.po" ||
	fail "Plural-Forms not set"
checks=$((checks + 1))
grep -q '^msgstr "Tab:\\there, \\"quoted\\", back\\\\slash."$' \
	"$work/wrap.po" || fail "escapes not written as msgcat does"

# Whole files translated by po-cycle.py fill, in three languages.
for f in tarsync.pot bitext.zh_CN.po webapp.ru.po; do
	for lang in zh-CN ru ar; do
		x=$work/$f.$lang
		run_bitext extract --srclang en --trglang "$lang" -o "$x.xlf" \
			"$data/$f"
		expect_status 0
		$py "$data/po-cycle.py" fill "$x.xlf" "$x.done.xlf" "$x.json"
		run_bitext merge -o "$x.po" "$x.done.xlf"
		expect_status 0
		like_msgcat "$x.po"
	done
done
checks=$((checks + 1))
grep -q '^"Language: zh_CN\\n"$' "$work/tarsync.pot.zh-CN.po" ||
	fail "the template's Language is not set"
checks=$((checks + 1))
grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"$' \
	"$work/tarsync.pot.zh-CN.po" || fail "the template's charset is not set"
checks=$((checks + 1))
grep -q '^"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"$' \
	"$work/tarsync.pot.ru.po" || fail "Plural-Forms not wrapped as msgcat"

# No change, no header change (round trip), even with a target language.
run_bitext extract --srclang en --trglang zh-CN -o "$work/same.xlf" \
	"$data/tarsync.pot"
run_bitext merge -o "$work/same.pot" "$work/same.xlf"
expect_status 0
expect_same "$work/same.pot" "$data/tarsync.pot"
finish
