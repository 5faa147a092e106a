#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Interop with a real CAT tool: OmegaT 3.6 (Debian package omegat), run
# headless by shared/tools/omegat-roundtrip.sh on our XLIFF 1.2 and a TMX
# we wrote, fills every target; our merge of OmegaT's output gives the
# English article.  Skips when OmegaT or the shared tools are absent.
. "$top_srcdir/tests/cli/lib.sh"

script="$shared/tools/omegat-roundtrip.sh"
[ -f "$script" ] || skip "shared/tools/omegat-roundtrip.sh not present"
[ -f /usr/share/omegat/OmegaT.jar ] || skip "OmegaT not installed"
/usr/bin/python3 -c 'import lxml' 2>/dev/null ||
	skip "python3-lxml not installed (for /usr/bin/python3)"

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
en="$top_srcdir/corpora/seed/health-community.en-sentences.tsv"
awk -F'\t' '{ if ($1 != unit) { if (unit != "") printf "　　"; unit = $1 }
	      else printf " "; printf "%s", $3 }' "$en" >"$work/expect.txt"

run_bitext extract --xliff 1.2 --srclang zh-CN --trglang en \
	-o "$work/seed.xlf" "$seed"
expect_status 0
"$BT_TEST_TOOL" fill-targets "$work/seed.xlf" "$en" "$work/en.xlf" ||
	fail "fill-targets"
run_bitext convert --to tmx -o "$work/en.tmx" "$work/en.xlf"
expect_status 0

checks=$((checks + 1))
if ! bash "$script" -q -o "$work/omegat" "$work/seed.xlf" "$work/en.tmx" \
	>"$work/omegat.path" 2>"$work/omegat.err"; then
	fail "OmegaT failed: $(tail -3 "$work/omegat.err")"
	finish
fi
out=$(cat "$work/omegat.path")
run_bitext merge --missing fail -o "$work/omegat-en.txt" "$out"
expect_status 0
expect_same "$work/omegat-en.txt" "$work/expect.txt"
# OmegaT wrote no state: --min-state would refuse it, rightly.
run_bitext merge --missing fail --min-state reviewed -o "$work/strict.txt" "$out"
expect_status 1
finish
