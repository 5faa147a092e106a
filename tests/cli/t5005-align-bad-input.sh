#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bitext align on bad input: usage errors (exit 2), unreadable input (exit
# 2, nothing written), and input that aligns badly (an empty side, very
# different lengths, a side in the wrong language): a warning, never a
# crash or a hang.
. "$top_srcdir/tests/cli/lib.sh"

# Never hang: every run has a time limit when timeout(1) is there.
if command -v timeout >/dev/null 2>&1; then
	run_bitext() {
		timeout 120 "$BITEXT" "$@" >"$work/stdout" 2>"$work/stderr"
		status=$?
		last_cmd="bitext $*"
	}
fi

printf 'Ein Satz. Noch einer.\n' >"$work/de.txt"
printf 'Une phrase. Encore une.\n' >"$work/fr.txt"

run_bitext align -s de -t fr "$work/de.txt"
expect_status 2
expect_stderr_match 'two input files are needed'
expect_stderr_match "Try 'bitext align --help'"
run_bitext align -s de -t fr "$work/de.txt" "$work/fr.txt" "$work/fr.txt"
expect_status 2
run_bitext align -s de "$work/de.txt" "$work/fr.txt"
expect_status 2
expect_stderr_match 'srclang and --trglang'
run_bitext align -s de -t fr -f pdf "$work/de.txt" "$work/fr.txt"
expect_status 2
expect_stderr_match "unknown output format 'pdf'"
run_bitext align -s de -t fr --bogus "$work/de.txt" "$work/fr.txt"
expect_status 2

# Unreadable or undecodable input: exit 2, the file named, no output.
run_bitext align -s de -t fr -o "$work/out.tmx" "$work/none.txt" \
	"$work/fr.txt"
expect_status 2
expect_stderr_match 'none\.txt'
expect_no_file "$work/out.tmx"
printf 'Kaputt \377.\n' >"$work/bad.txt"
run_bitext align -s de -t fr -o "$work/out.tmx" "$work/bad.txt" \
	"$work/fr.txt"
expect_status 2
expect_stderr_match 'bad\.txt: invalid UTF-8 at byte offset 7'
expect_no_file "$work/out.tmx"
run_bitext align --sentences -s de -t fr "$work/de.txt" "$work/bad.txt"
expect_status 2
expect_stderr_match 'bad\.txt: invalid UTF-8'
printf 'x @\n' >"$work/bad.dic"
run_bitext align --dict "$work/bad.dic" -s de -t fr "$work/de.txt" \
	"$work/fr.txt"
expect_status 2
expect_stderr_match 'bad\.dic:1: not a dictionary entry'

# Never write over an input; a full disk is an error.
run_bitext align -s de -t fr -o "$work/fr.txt" "$work/de.txt" "$work/fr.txt"
expect_status 2
checks=$((checks + 1))
grep -q 'Une phrase' "$work/fr.txt" || fail "an input was overwritten"
# (Standard output, never -o: output files are renamed into place.)
if [ -c /dev/full ]; then
	"$BITEXT" align -s de -t fr -f tsv "$work/de.txt" "$work/fr.txt" \
		>/dev/full 2>"$work/stderr"
	status=$?
	last_cmd="bitext align ... >/dev/full"
	expect_status 2
fi

# An empty side: a warning, and the other side's sentences, unaligned.
: >"$work/empty.txt"
run_bitext align -s de -t fr -f beads "$work/empty.txt" "$work/fr.txt"
expect_status 0
expect_stderr_match 'empty\.txt: warning: no sentences to align'
expect_same "$work/stdout" /dev/stdin <<'OUT'
[]:[0]
[]:[1]
OUT
run_bitext align -s de -t fr -o "$work/empty.tmx" "$work/empty.txt" \
	"$work/empty.txt"
expect_status 0
expect_stderr_match 'warning: no sentences to align'
run_bitext align -s de -t fr -f xliff "$work/empty.txt" "$work/empty.txt"
expect_status 0
expect_stdout_match '<source'

# Very different lengths: a warning; the extra sentences stay unaligned.
awk 'BEGIN { for (i = 1; i <= 60; i++) printf "Satz Nummer %d ist hier.\n", i }' \
	>"$work/long.txt"
run_bitext align --sentences -s de -t fr -f beads "$work/long.txt" \
	"$work/fr.txt"
expect_status 0
expect_stderr_match 'differ greatly in length \(60 and 1 sentences\)'
checks=$((checks + 1))
[ "$(tr -d '[] ' <"$work/stdout" | tr ':,' '\n\n' | grep -c .)" -eq 61 ] \
	|| fail "not every sentence placed"

# A side in the wrong language (German text said to be Chinese), or not a
# translation at all: warnings.
run_bitext align -s zh-CN -t fr "$work/long.txt" "$work/fr.txt"
expect_status 0
expect_stderr_match "long\.txt: warning: .*Latin script.*'zh-CN'"
awk 'BEGIN { for (i = 1; i <= 40; i++) printf "Le chat dort sur le toit%s.\n",
	substr("aeiou", i % 5 + 1, 1) }' >"$work/other.txt"
run_bitext align --sentences -s de -t fr -f tsv "$work/long.txt" \
	"$work/other.txt"
expect_status 0
expect_stderr_match 'warning: only [0-9]+ of [0-9]+ aligned pairs share words'

# Binary junk and one very long line: no crash, no hang.
head -c 20000 /dev/urandom | tr -d '\000' | iconv -f latin1 -t utf-8 \
	>"$work/junk.txt"
run_bitext align -s de -t fr -f beads "$work/junk.txt" "$work/fr.txt"
expect_status 0
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Wort%d ", i; print "" }' \
	>"$work/oneline.txt"
run_bitext align --sentences -s de -t fr -f beads "$work/oneline.txt" \
	"$work/long.txt"
expect_status 0
finish
