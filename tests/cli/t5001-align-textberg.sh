#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Alignment quality on Text+Berg (German-French, one sentence a line):
# the development document shipped in tests/data/align must keep its
# score, and, when shared/ is beside the checkout, the seven test
# documents must stay at or above the project's bar (strict F1 0.85).
# Scored with tests/cli/align-score.awk, the literature's definitions.
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/align"
score="$top_srcdir/tests/cli/align-score.awk"

# ge X Y: whether the number X >= Y.
ge() {
	awk -v x="$1" -v y="$2" 'BEGIN { exit !(x + 0 >= y + 0) }'
}

check_f1() {	# WHAT STRICT_MIN LAX_MIN SCORES_FILE
	checks=$((checks + 1))
	strict=$(awk '$1 == "strict" { print $4 }' "$4")
	lax=$(awk '$1 == "lax" { print $4 }' "$4")
	if ge "$strict" "$2" && ge "$lax" "$3"; then
		pass "$1: strict F1 $strict (>= $2), lax F1 $lax (>= $3)"
	else
		fail "$1: strict F1 $strict (want >= $2), lax F1 $lax" \
			"(want >= $3)"
	fi
}

run_bitext align --sentences -s de -t fr -f beads -o "$work/dev.beads" \
	"$data/textberg-dev.de" "$data/textberg-dev.fr"
expect_status 0
expect_stderr_match 'aligned 468 source and 554 target sentences'
awk -f "$score" "$data/textberg-dev.defr" "$work/dev.beads" >"$work/dev.score"
check_f1 "Text+Berg dev" 0.84 0.97 "$work/dev.score"

# The beads cover both documents, in order, each sentence once.
checks=$((checks + 1))
if ! tr -d '[] ' <"$work/dev.beads" | awk -F: '
	{ n = split($1, s, ","); for (k = 1; k <= n; k++) if (s[k] != ns++) bad = 1
	  n = split($2, t, ","); for (k = 1; k <= n; k++) if (t[k] != nt++) bad = 1 }
	END { exit bad || ns != 468 || nt != 554 }'; then
	fail "the beads do not cover each sentence once, in order"
fi

tb="$shared/align/textberg"
if [ -f "$tb/test0.de" ]; then
	set --
	for n in 0 1 2 3 4 5 6; do
		"$BITEXT" align -q --sentences -s de -t fr -f beads \
			-o "$work/test$n.beads" "$tb/test$n.de" "$tb/test$n.fr" \
			|| fail "align test$n"
		set -- "$@" "$tb/test$n.defr" "$work/test$n.beads"
	done
	awk -f "$score" "$@" >"$work/test.score"
	check_f1 "Text+Berg test (7 documents)" 0.85 0.95 "$work/test.score"
else
	printf 'note: %s not found; the Text+Berg test set is not checked\n' \
		"$tb"
fi
finish
