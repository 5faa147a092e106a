#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The full cycle on PO files: extract, translate every segment with its
# text changed and its placeholders moved (po-cycle.py fill, with lxml),
# merge; then msgfmt -c accepts the result, each msgstr is the
# translator's text with each placeholder once and in the translator's
# order, and the fuzzy flag follows the states (initial: fuzzy; a fuzzy
# message translated: no longer fuzzy, its #| lines gone).
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po
py=/usr/bin/python3
$py -c 'import lxml' 2>/dev/null || skip "no python3-lxml"
command -v msgfmt >/dev/null 2>&1 || skip "no msgfmt"

cycle() {	# FILE LANG NAME
	run_bitext extract --srclang en --trglang "$2" -o "$work/$3.xlf" "$1"
	expect_status 0
	checks=$((checks + 1))
	$py "$data/po-cycle.py" fill "$work/$3.xlf" "$work/$3.done.xlf" \
		"$work/$3.json" || fail "$3: po-cycle.py fill failed"
	run_bitext merge -o "$work/$3.po" "$work/$3.done.xlf"
	expect_status 0
	checks=$((checks + 1))
	msgfmt -c -o /dev/null "$work/$3.po" 2>"$work/$3.msgfmt" ||
		{ fail "$3: msgfmt -c refuses the merged file";
		  head -5 "$work/$3.msgfmt"; }
	checks=$((checks + 1))
	$py "$data/po-cycle.py" check "$work/$3.po" "$work/$3.json" \
		>"$work/$3.check" || { fail "$3: wrong msgstr or flags";
				       head -5 "$work/$3.check"; }
}

cycle "$data/app.zh_CN.po" zh-CN app
cycle "$data/webapp.ru.po" ru webapp
cycle "$data/notes.de.po" de notes
cycle "$data/tarsync.pot" zh-CN tarsync-zh
cycle "$data/tarsync.pot" ru tarsync-ru
cycle "$data/bitext.zh_CN.po" zh-CN bitext

# The fuzzy message came back translated: flag and previous msgid gone.
checks=$((checks + 1))
grep -q '^#| msgid "Exporting %s to %s"$' "$work/app.po" &&
	fail "the #| line of an unfuzzied message is still there"
checks=$((checks + 1))
grep -B1 '^msgid "Exporting “%s” to folder “%s”"$' "$work/app.po" |
	grep -q '^#, c-format$' || fail "fuzzy not removed from its flags"
# Placeholders moved: %1$s and %2$d in the translator's order.
checks=$((checks + 1))
grep -q '^msgstr "%2$d 译文字 %1$s 译文字"$' "$work/app.po" ||
	fail "the reordered placeholders are not where the translator put them"
finish
