#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every third-party SRX file in shared/formats/srx (Okapi, LanguageTool,
# OmegaT, OpenXLIFF) loads and segments text in several languages:
# warnings for what PCRE2 cannot do, never an error or a crash.
. "$top_srcdir/tests/cli/lib.sh"

[ -d "$shared/formats/srx" ] || skip "shared/formats/srx not present"

printf 'Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson there? Yes: both are. "Right?" Yes.\n\n' \
	>"$work/in.txt"
printf 'Am 3. Oktober z. B. um 14.30 Uhr. Das ist gut! Wirklich?\n\n' >>"$work/in.txt"
printf '« Bonjour ! » dit-il. M. Dupont arrive. Vraiment ?\n\n' >>"$work/in.txt"
cat "$top_srcdir/corpora/seed/health-community.zh-CN.txt" >>"$work/in.txt"

for srx in "$shared"/formats/srx/*.srx; do
	for lang in en de fr es it pt ru ja ko zh-CN zh-TW pl; do
		run_bitext segment --lang "$lang" --srx "$srx" --format tsv \
			"$work/in.txt"
		expect_status 0
		checks=$((checks + 1))
		[ -s "$work/stdout" ] || fail "$srx ($lang): no output"
		if grep -v ': warning: ' "$work/stderr" | grep -q .; then
			fail "$srx ($lang): $(grep -v ': warning: ' "$work/stderr" | head -2)"
		fi
	done
	pass "$(basename "$srx")"
done
finish
