#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What the po filter makes of messages: msgctxt as the unit's name;
# references, translator and extracted comments and a fuzzy message's
# previous msgid as notes; placeholders as <ph> per format flag (and none
# without a flag); one unit per plural form of the target language; and
# the XLIFF is valid.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po

# has FILE TEXT: FILE contains TEXT (a fixed string).
has() {
	checks=$((checks + 1))
	grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks: $2"
}
hasnt() {
	checks=$((checks + 1))
	! grep -qF -- "$2" "$1" || fail "$(basename "$1") has: $2"
}
# count FILE TEXT N: TEXT is on N lines of FILE.
count() {
	checks=$((checks + 1))
	c_n=$(grep -cF -- "$2" "$1")
	[ "$c_n" -eq "$3" ] || fail "$(basename "$1"): $c_n times $2, not $3"
}

x=$work/app.xlf
run_bitext extract --srclang en --trglang zh-CN -o "$x" "$data/app.zh_CN.po"
expect_status 0
count "$x" '<unit ' 18
has "$x" '<unit id="u1f7c7125" name="menu">'
has "$x" 'name="toolbar"'
has "$x" '<note category="location">src/main.c:88 data/lumen.desktop.in:3</note>'
has "$x" '<note category="developer">TRANSLATORS: the application name, shown in the window title.</note>'
has "$x" '<note category="translator">这里的“相册”指用户创建的集合，不是文件夹。</note>'
has "$x" '<note category="context">previous msgid: Exporting %s to %s</note>'
# c-format: %s %d %.1f %% %c %1$s; qt-format: %1; no flag: no codes.
has "$x" 'Cannot open “<ph id="1" dataRef="d1" type="other" disp="%s"/>”'
has "$x" '<ph id="3" dataRef="d3" type="other" disp="%.1f"/><ph id="4" dataRef="d4" type="other" disp="%%"/> done)'
has "$x" '<ph id="1" dataRef="d1" type="other" disp="%1$s"/> found'
has "$x" 'Scanned <ph id="1" dataRef="d1" type="other" disp="%1"/> folders'
has "$x" '<source>100% free software</source>'
has "$x" '<target>100% 自由软件</target>'
# The header and the obsolete messages are not units.
hasnt "$x" 'Project-Id-Version'
hasnt "$x" 'Slideshow'
# Fuzzy: initial; translated; untranslated: no target.
has "$x" '<segment id="s1" state="initial">'
checks=$((checks + 1))
grep -A1 -F '<source>Export finished.</source>' "$x" | grep -q '</segment>' \
	|| fail "the untranslated message has a target"
# zh has one plural form: its source is the msgid_plural.
count "$x" 'msgid_plural[0]' 2
hasnt "$x" 'msgid_plural[1]'
has "$x" '<source>Delete <ph id="1" dataRef="d1" type="other" disp="%d"/> photos?</source>'
# A msgstr that has "%2$s" for the msgid's "%s": both keep them as text.
has "$x" '<source>%d photos were added to album “%s”.</source>'
has "$x" '<target>已向相册“%2$s”添加 %1$d 张照片。</target>'

x=$work/webapp.xlf
run_bitext extract --srclang en --trglang ru -o "$x" "$data/webapp.ru.po"
expect_status 0
count "$x" 'name="msgid_plural[2]"' 3
has "$x" 'name="button"'
has "$x" 'name="data"'
has "$x" 'Welcome back, <ph id="1" dataRef="d1" type="other" disp="{name}"/>!'
has "$x" '<ph id="1" dataRef="d1" type="other" disp="%(done)d"/> of'
has "$x" '<source>Use {{braces}} to insert a column, for example {{price}}.</source>'
has "$x" '<note category="developer">Shown on the project page; {count} is never zero.</note>'
has "$x" '<note category="context">msgstr[2]: plural form 3 of 3 (plural=(n%10==1 &amp;&amp; n%100!=11 ? 0 : n%10&gt;=2 &amp;&amp; n%10&lt;=4 &amp;&amp; (n%100&lt;10 || n%100&gt;=20) ? 1 : 2))</note>'
has "$x" '<target>Ваш сеанс истечёт через <ph id="1" dataRef="d1" type="other" disp="{minutes}"/> минут.</target>'

# A template says no number of forms: the target language's, else 2.
for lang in ru:3 uk:3 ar:6 fr:2 pt-BR:2 de:2 ja:1 zh-CN:1 none:2; do
	l=${lang%:*} n=${lang#*:}
	if [ "$l" = none ]; then
		run_bitext extract --srclang en -o "$work/t-$l.xlf" \
			"$data/tarsync.pot"
	else
		run_bitext extract --srclang en --trglang "$l" \
			-o "$work/t-$l.xlf" "$data/tarsync.pot"
	fi
	expect_status 0
	count "$work/t-$l.xlf" "name=\"msgid_plural[$((n - 1))]\"" 2
	count "$work/t-$l.xlf" "name=\"msgid_plural[$n]\"" 0
done
x=$work/t-ru.xlf
has "$x" 'name="size unit"'
has "$x" '<ph id="1" dataRef="d1" type="other" disp="%-20s"/>'
has "$x" 'disp="%llu"'
has "$x" 'disp="%zu"'
has "$x" '<source>progress: 100%</source>'

# What extract writes is valid XLIFF (schemas and processing rules).
for v in 2.1 1.2; do
	for f in app.zh_CN.po webapp.ru.po tarsync.pot; do
		run_bitext extract --xliff "$v" --srclang en --trglang zh-CN \
			-o "$work/valid.xlf" "$data/$f"
		expect_status 0
		run_bitext validate "$work/valid.xlf"
		expect_status 0
	done
done
# A PO file on standard input is told from its first bytes, as a file
# is; and '-' can be given only once.
"$BITEXT" extract --srclang en --trglang zh-CN - <"$data/tarsync.pot" \
	>"$work/stdin.xlf" 2>"$work/stderr"
status=$?
last_cmd="bitext extract - <tarsync.pot"
expect_status 0
checks=$((checks + 1))
[ "$(grep -c '<note category="location">' "$work/stdin.xlf")" -eq 12 ] \
	|| fail "a POT on standard input is not read as PO"
"$BITEXT" extract --srclang en - - </dev/null >"$work/stdout" \
	2>"$work/stderr"
status=$?
last_cmd="bitext extract - -"
expect_status 2
expect_stderr_match "read only once"
expect_stdout_empty
finish
