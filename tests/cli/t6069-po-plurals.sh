#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Plural messages at merge: each form's target goes to its msgstr[N]; a
# template's two empty forms become the target language's number (one
# for Chinese: msgstr[1] dropped; three for Russian: msgstr[2] added); a
# form left untranslated makes the message fuzzy; a form that did not
# change keeps its line.  msgfmt -c accepts every result.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po
py=/usr/bin/python3
$py -c 'import lxml' 2>/dev/null || skip "no python3-lxml"

cat >"$work/files.pot" <<'PO'
# Messages of a file manager.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: files 2.0\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2025-06-01 12:00+0000\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
"Language-Team: LANGUAGE <LL@li.org>\n"
"Language: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=CHARSET\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"

#: src/delete.c:40
msgid "Delete the selected file?"
msgid_plural "Delete the selected files?"
msgstr[0] ""
msgstr[1] ""

#: src/copy.c:12
msgctxt "progress"
msgid "Copying one file"
msgid_plural "Copying several files"
msgstr[0] ""
msgstr[1] ""
PO

# merge_with LANG NAME EDITS: extract with --trglang LANG, apply the edits
# (lines of the TSV po-cycle.py set reads), merge into NAME.po.
merge_with() {
	run_bitext extract --srclang en --trglang "$1" -o "$work/$2.xlf" \
		"$3"
	expect_status 0
	checks=$((checks + 1))
	$py "$data/po-cycle.py" set "$work/$2.xlf" "$work/$2.done.xlf" \
		"$work/$2.tsv" || fail "$2: po-cycle.py set failed"
	run_bitext merge -o "$work/$2.po" "$work/$2.done.xlf"
	expect_status 0
	if command -v msgfmt >/dev/null 2>&1; then
		checks=$((checks + 1))
		msgfmt -c -o /dev/null "$work/$2.po" 2>"$work/$2.msgfmt" ||
			{ fail "$2: msgfmt -c refuses it";
			  grep -v warning "$work/$2.msgfmt" | head -5; }
	fi
}
# has NAME LINE: NAME.po has the line LINE.
has() {
	checks=$((checks + 1))
	grep -qxF -- "$2" "$work/$1.po" || fail "$1.po lacks: $2"
}
hasnt() {
	checks=$((checks + 1))
	! grep -qxF -- "$2" "$work/$1.po" || fail "$1.po has: $2"
}

printf '%s\t%s\t%s\n' \
	'Delete the selected files?' translated '要删除所选文件吗？' \
	'Copying several files' translated '正在复制文件' >"$work/zh.tsv"
merge_with zh-CN zh "$work/files.pot"
has zh 'msgstr[0] "要删除所选文件吗？"'
hasnt zh 'msgstr[1] ""'
has zh '"Plural-Forms: nplurals=1; plural=0;\n"'

printf '%s\t%s\t%s\t%s\n' \
	'Delete the selected file?' translated 'Удалить выбранный файл?' \
		'msgid_plural[0]' \
	'Delete the selected files?' translated 'Удалить выбранные файлы?' \
		'msgid_plural[1]' \
	'Delete the selected files?' translated 'Удалить выбранные файлы?' \
		'msgid_plural[2]' \
	'Copying one file' translated 'Копируется один файл' \
		'progress msgid_plural[0]' \
	'Copying several files' translated 'Копируются файлы' \
		'progress msgid_plural[1]' >"$work/ru.tsv"
merge_with ru ru "$work/files.pot"
has ru 'msgstr[2] "Удалить выбранные файлы?"'
has ru 'msgstr[1] "Копируются файлы"'
has ru 'msgstr[2] ""'
# The second message lacks its third form: fuzzy.
checks=$((checks + 1))
grep -B2 '^msgctxt "progress"$' "$work/ru.po" | grep -qx '#, fuzzy' ||
	fail "a message with an untranslated form is not fuzzy"
checks=$((checks + 1))
grep -B1 '^msgid "Delete the selected file?"$' "$work/ru.po" |
	grep -qx '#, fuzzy' && fail "a complete message is fuzzy"

# One changed form of an existing Russian message: the others stay.
run_bitext extract --srclang en --trglang ru -o "$work/ru2.xlf" \
	"$data/webapp.ru.po"
expect_status 0
$py - "$work/ru2.xlf" "$work/ru2.done.xlf" <<'PY'
# The second form of the session message gets a new text, the same
# placeholder: 'Сеанс истечёт через {minutes} минуты.'
import sys
from lxml import etree
Q = "{urn:oasis:names:tc:xliff:document:2.0}"
tree = etree.parse(sys.argv[1])
for unit in tree.iter(Q + "unit"):
    t = unit.find(".//" + Q + "target")
    if unit.get("name") == "msgid_plural[1]" and t is not None \
            and "сеанс" in "".join(t.itertext()):
        t.text = "Сеанс истечёт через "
        t[0].tail = " минуты."
tree.write(sys.argv[2], xml_declaration=True, encoding="UTF-8")
PY
run_bitext merge -o "$work/ru2.po" "$work/ru2.done.xlf"
expect_status 0
diff "$work/ru2.po" "$data/webapp.ru.po" >"$work/ru2.diff"
checks=$((checks + 1))
[ "$(grep -c '^[<>]' "$work/ru2.diff")" -eq 2 ] &&
	grep -qx '< msgstr\[1\] "Сеанс истечёт через {minutes} минуты."' \
		"$work/ru2.diff" || { fail "more than msgstr[1] changed";
				      cat "$work/ru2.diff"; }
finish
