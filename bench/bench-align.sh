#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-align.sh: `make bench` for bitext align.
#
# Quality: strict and lax precision, recall and F1 on the seven Text+Berg
# test documents (German-French, one sentence a line; shared/align/textberg
# beside the checkout), scored with tests/cli/align-score.awk, the
# literature's definitions.  Published figures for comparison: Gale-Church
# 0.678, hunalign (no dictionary) 0.751, Bleualign 0.808, Vecalign 0.902.
#
# Speed: about 10k, 100k and 1M sentences a side, made by repeating every
# Text+Berg document (so the text is real and has the gaps and merges of
# real translations), aligned with --sentences -f beads; seconds and peak
# RSS from GNU time.  hunalign beside it when installed (Debian package
# hunalign), with an empty dictionary, up to 100k (it is quadratic).
#
# Environment: BITEXT, BITEXT_DATADIR, BENCH_WORK (scratch), SHARED (the
# shared folder, default $top_srcdir/../shared), ALIGN_SIZES (default
# "10000 100000 1000000").
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
: "${BITEXT:?}" "${BENCH_WORK:=$PWD/bench/work}"
shared=${SHARED:-$top/../shared}
tb=$shared/align/textberg
work=$BENCH_WORK/align
mkdir -p "$work"

if [ ! -f "$tb/test0.de" ]; then
	echo "bench-align: $tb not found; skipped"
	exit 0
fi

echo "== bitext align: Text+Berg de-fr test set (7 documents)"
set --
for n in 0 1 2 3 4 5 6; do
	"$BITEXT" align -q --sentences -s de -t fr -f beads \
		-o "$work/test$n.beads" "$tb/test$n.de" "$tb/test$n.fr" || exit 1
	set -- "$@" "$tb/test$n.defr" "$work/test$n.beads"
done
awk -f "$top/tests/cli/align-score.awk" "$@" | awk '
	BEGIN { printf "%-8s %9s %9s %9s\n", "", "precision", "recall", "F1" }
	{ printf "%-8s %9s %9s %9s\n", $1, $2, $3, $4 }'
echo "published strict F1: Gale-Church 0.678, hunalign 0.751," \
	"Bleualign 0.808, Vecalign 0.902"

time_of() {	# COMMAND...: prints "SECONDS PEAK_KB", or "- -"
	if /usr/bin/time -f '%e %M' -o "$work/time" "$@" \
		>/dev/null 2>"$work/err"; then
		cat "$work/time"
	else
		echo "- -"
	fi
}

# One copy of every document, then N sentences a side (about).
: >"$work/all.de"
: >"$work/all.fr"
for f in "$tb"/*.de; do
	cat "$f" >>"$work/all.de"
	cat "${f%.de}.fr" >>"$work/all.fr"
done
per=$(wc -l <"$work/all.de")

echo
echo "== bitext align: time and memory (--sentences, beads)"
printf '%-10s %10s %10s %9s %11s   %s\n' sentences de fr seconds "peak RSS" \
	"hunalign seconds, RSS"
: >"$work/empty.dic"
for n in ${ALIGN_SIZES:-10000 100000 1000000}; do
	copies=$(( (n + per / 2) / per ))
	[ "$copies" -ge 1 ] || copies=1
	for s in de fr; do
		k=0
		: >"$work/big.$s"
		while [ "$k" -lt "$copies" ]; do
			cat "$work/all.$s" >>"$work/big.$s"
			k=$((k + 1))
		done
	done
	set -- $(time_of "$BITEXT" align -q --sentences -s de -t fr \
		-f beads -o "$work/big.beads" "$work/big.de" "$work/big.fr")
	hun="not installed"
	if command -v hunalign >/dev/null 2>&1; then
		if [ "$n" -le 100000 ]; then
			set -- "$@" $(time_of hunalign "$work/empty.dic" \
				"$work/big.de" "$work/big.fr")
			hun="$3 s, $(( ${4:-0} / 1024 )) MB"
		else
			hun="not run (quadratic)"
		fi
	fi
	printf '%-10s %10s %10s %9s %8s MB   %s\n' "$n" \
		"$(wc -l <"$work/big.de")" "$(wc -l <"$work/big.fr")" "$1" \
		"$(( ${2#-} / 1024 ))" "$hun"
	rm -f "$work/big.beads"
done
echo "bar: 100,000 sentences a side in < 5 s and < 1 GB; near-linear to 1M"

# Chinese-English, where bitext takes its own dictionary (CC-CEDICT,
# 266,075 entries): the seed article and its natural English translation,
# repeated to about 100,000 sentences a side, with and without it.
seed=$top/corpora/seed
if [ -f "$seed/health-community.zh-CN.txt" ]; then
	echo
	echo "== bitext align: zh-en, with and without bitext's dictionary"
	printf '%-22s %10s %10s %9s %11s\n' "" zh en seconds "peak RSS"
	for s in zh-CN en-natural; do
		: >"$work/seed.$s"
		k=0
		while [ "$k" -lt 2000 ]; do
			cat "$seed/health-community.$s.txt" >>"$work/seed.$s"
			printf '\n\n' >>"$work/seed.$s"
			k=$((k + 1))
		done
	done
	for d in "" --no-dict; do
		set -- $(time_of "$BITEXT" align -q $d -s zh-CN -t en -f beads \
			-o "$work/seed.beads" "$work/seed.zh-CN" \
			"$work/seed.en-natural")
		printf '%-22s %10s %10s %9s %8s MB\n' \
			"${d:-with the dictionary}" \
			$(( 50 * 2000 )) $(( 53 * 2000 )) "$1" \
			"$(( ${2#-} / 1024 ))"
	done
	rm -f "$work/seed.beads" "$work/seed.zh-CN" "$work/seed.en-natural"
fi
