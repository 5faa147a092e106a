#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: what becomes a unit, its name, inline codes (type, original
# data, display) and notes, for each sample file, against golden dumps
# (tests/data/formats/json/*.units, made by dump-units.py from XLIFF 2.1).
# Then the facts the dumps show, checked one by one: key paths, Chrome's
# message/description/placeholders, Angular's and ARB's locale, empty and
# placeholder-only strings left in the skeleton, escapes as codes, the
# file's style in the settings; and format detection.
. "$top_srcdir/tests/cli/lib.sh"

/usr/bin/python3 -c 'import lxml' 2>/dev/null ||
	skip "python3-lxml not installed (for /usr/bin/python3)"
data="$top_srcdir/tests/data/formats/json"
dump="/usr/bin/python3 $data/dump-units.py"

for f in "$data"/*.json "$data"/*.arb; do
	name=$(basename "$f")
	run_bitext extract --srclang en -o "$work/$name.xlf" "$f"
	expect_status 0
	$dump "$work/$name.xlf" >"$work/$name.units"
	expect_same "$work/$name.units" "$f.units"
done

# has FILE REGEX / lacks FILE REGEX: a line of FILE.units (does not) match.
has() {
	checks=$((checks + 1))
	grep -Eq -- "$2" "$work/$1.units" || fail "$1: no unit line /$2/"
}
lacks() {
	checks=$((checks + 1))
	! grep -Eq -- "$2" "$work/$1.units" || fail "$1: a unit line /$2/"
}
tab=$(printf '\t')

# Key paths: nested keys, array elements, escaped dots.
has en.json "^app\.menu\.file${tab}File\$"
has en.json "^onboarding\.steps\[2\]\.title${tab}Share\$"
has en.json '^key\\\.with\\\.dots'"$tab"
has ngx-de.json "^MENU\.ITEMS\[1\]${tab}Zweiter Eintrag\$"
has vue-ja.json "^nav\[3\]$tab"
# Not units: empty strings, placeholders alone, numbers, booleans, null.
lacks en.json '^notes\.empty'
lacks en.json '^common\.placeholder'
lacks en.json '^onboarding\.(version|enabled|beta)'
# Inline codes and their types.
has en.json '\[ph fmt \{\{- name\}\}\]'
has en.json '\[ph ui \$t\(common\.trash\)\]'
has en.json '\[pc link <a href=\\"https://example\.com/share\\">\]learn more\[/pc </a>\]'
has en.json '\[ph fmt <br/>\]'
has en.json '\[pc fmt <1>\]\[ph fmt \{\{count\}\}\] unread messages\[/pc </1>\]'
has zh-ascii.json '\[ph fmt %\(attempts\)d\]'
has ngx-de.json '\[ph fmt %d\]'
has vue-ja.json '\[ph ui @\.upper:message\.brand\]'
# ICU: the structure as nested pairs, the sub-messages as text, # a code.
has messages.fr.json '\[pc fmt \{count, plural, offset:1\]\[pc fmt  =0 \{\]Aucun fichier\[/pc \}\]'
has messages.fr.json '\[ph fmt #\] autres\[/pc \}\]\[/pc \}\] sélectionné'
has messages.fr.json '\[pc fmt \{\$START_BOLD_TEXT\}\]attentivement\[/pc \{\$CLOSE_BOLD_TEXT\}\]'
# Chrome: only "message"; the description and placeholders as notes.
has chrome-messages.json "^tabsClosed\.message${tab}Closed \[ph fmt \\\$COUNT\\\$\] tabs"
has chrome-messages.json 'note developer: Notification after duplicate tabs'
has chrome-messages.json 'note developer: placeholders: \$count\$ = \$1 \(example: 12\)'
has chrome-messages.json '\[ph fmt \$\$\]\[ph fmt \$PRICE\$\]'
lacks chrome-messages.json '^[a-zA-Z]+\.(description|placeholders)'
# Angular and ARB: the locale and the @metadata are not units.
lacks messages.fr.json '^locale'
lacks app_zh.arb '^@'
has app_zh.arb 'note developer: 主屏幕上的当前温度'
# Escapes the writer would not write so: codes showing the character.
has messages.fr.json '\[ph - \\u00e9 \(é\)\]'
has messages.fr.json 'https:\[ph - \\/ \(/\)\]'
has ngx-de.json 'Ihre \[ph - \\u00dc \(Ü\)\]bersicht'
# The file's style: ensure_ascii Chinese is text; Angular's locale place.
has zh-ascii.json '^settings ascii$'
has zh-ascii.json "^app\.slogan${tab}记录生活，分享快乐。\$"
has messages.fr.json '^settings locale=17\+2$'
lacks en.json '^settings '

# Detection: .json and .arb by name, JSON objects by content.
cp "$data/en.json" "$work/noext"
run_bitext segment --lang en --format json "$work/noext"
expect_status 0
expect_stdout_match '"filter": "json"'
run_bitext segment --lang zh --format json "$data/app_zh.arb"
expect_status 0
expect_stdout_match '"filter": "json"'
finish
