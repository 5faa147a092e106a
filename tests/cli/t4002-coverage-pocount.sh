#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bitext coverage agrees with Translate Toolkit's pocount on XLIFF 1.2 and
# PO: the number of units in each state and the English source words.
# Skipped when pocount (Debian package translate-toolkit) is absent.
#
# pocount has three states.  For PO they are bitext's: translated, fuzzy =
# needs review, untranslated.  For XLIFF 1.2 pocount's "translated" is
# approved="yes" (bitext: final), its "fuzzy" any other filled target
# (bitext: needs review + translated + reviewed), its "untranslated" no
# target.  The fixtures avoid what the two count differently on purpose
# (README.md, "Word counting": placeholders, tags, "e.g.", slashes).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

command -v pocount >/dev/null 2>&1 ||
	skip "pocount is not installed (Debian package translate-toolkit)"

# pocount_csv FILE: "translated tr_words fuzzy fz_words untranslated
# un_words total total_words" for FILE (pocount --csv, whose line may end
# without a newline when pocount stumbles after it).
pocount_csv() {
	(cd "$(dirname "$1")" && pocount --csv "$(basename "$1")" 2>/dev/null) |
		awk -F', *' -v f="$(basename "$1")" '
			$1 == f { print $2 + 0, $3 + 0, $5 + 0, $6 + 0,
				  $7 + 0, $8 + 0, $9 + 0, $10 + 0 }'
}

# compare FILE KIND: runs both and compares.
compare() {
	cp "$1" "$work/$(basename "$1")"
	f="$work/$(basename "$1")"
	pc=$(pocount_csv "$f")
	checks=$((checks + 1))
	if [ -z "$pc" ]; then
		fail "pocount gave no figures for $f"
		return
	fi
	coverage_csv --measure words "$f"
	expect_status 0
	set -- $(states "$work/out.csv" total units)
	u_tot=$1 u_un=$2 u_nr=$3 u_tr=$4 u_rv=$5 u_fi=$6
	set -- $(states "$work/out.csv" total words)
	w_tot=$1 w_un=$2 w_nr=$3 w_tr=$4 w_rv=$5 w_fi=$6
	if [ "$kind" = po ]; then
		ours="$u_tr $w_tr $u_nr $w_nr $u_un $w_un $u_tot $w_tot"
	else
		ours="$u_fi $w_fi $((u_nr + u_tr + u_rv)) $((w_nr + w_tr + w_rv))"
		ours="$ours $u_un $w_un $u_tot $w_tot"
	fi
	if [ "$ours" != "$pc" ]; then
		fail "$(basename "$f"): bitext '$ours', pocount '$pc'" \
			"(translated, words, fuzzy, words, untranslated, words," \
			"total, words)"
	else
		pass "$(basename "$f"): bitext = pocount: $pc"
	fi
}

kind=xliff
compare "$data/xliff12-states.xlf"
kind=po
compare "$data/po-states.po"

# And the Chinese pocount gets wrong: a sentence without spaces is one
# word to it, fifteen to bitext (one per ideograph); --cjk-words spaces
# counts as pocount does.
cp "$data/cjk.xlf" "$work/cjk.xlf"
pc=$(pocount_csv "$work/cjk.xlf")
coverage_csv --cjk-words spaces "$work/cjk.xlf"
expect_value "$work/out.csv" total words_total "$(echo "$pc" | cut -d' ' -f8)"
coverage_csv "$work/cjk.xlf"
expect_value "$work/out.csv" total words_translated 15
checks=$((checks + 1))
[ "$(echo "$pc" | cut -d' ' -f4)" = 1 ] ||
	fail "pocount counts the Chinese sentence as '$(echo "$pc" |
		cut -d' ' -f4)' words; this test expected its known 1"
finish
