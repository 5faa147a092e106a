#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Interop with Translate Toolkit (Debian package translate-toolkit):
# pocount and xliff2po read our XLIFF 1.2, untranslated and translated,
# without error.  Skips when the toolkit is absent.
. "$top_srcdir/tests/cli/lib.sh"

command -v pocount >/dev/null 2>&1 || skip "pocount not installed"
command -v xliff2po >/dev/null 2>&1 || skip "xliff2po not installed"

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
en="$top_srcdir/corpora/seed/health-community.en-sentences.tsv"
run_bitext extract --xliff 1.2 --srclang zh-CN --trglang en \
	-o "$work/seed.xlf" "$seed"
expect_status 0
"$BT_TEST_TOOL" fill-targets "$work/seed.xlf" "$en" "$work/en.xlf" final ||
	fail "fill-targets"
for f in seed en; do
	checks=$((checks + 1))
	if ! pocount --csv "$work/$f.xlf" >"$work/$f.count" 2>"$work/$f.err" ||
		grep -qi 'error' "$work/$f.err"; then
		fail "pocount $f.xlf: $(head -3 "$work/$f.err")"
	fi
	checks=$((checks + 1))
	if ! xliff2po "$work/$f.xlf" "$work/$f.po" >"$work/$f.log" 2>&1 ||
		grep -qi 'error' "$work/$f.log"; then
		fail "xliff2po $f.xlf: $(head -3 "$work/$f.log")"
	fi
	checks=$((checks + 1))
	[ "$(grep -c '^msgid "' "$work/$f.po")" -eq 30 ] ||
		fail "$f.po does not hold 29 messages and the header"
done
# pocount's CSV: translated messages in column 2, untranslated in 7.
# All 29 units untranslated before; all translated (approved) after.
checks=$((checks + 1))
tail -n 1 "$work/seed.count" | awk -F', *' '{ exit !($2 == 0 && $7 == 29) }' ||
	fail "pocount: $(cat "$work/seed.count")"
checks=$((checks + 1))
tail -n 1 "$work/en.count" | awk -F', *' '{ exit !($2 == 29 && $7 == 0) }' ||
	fail "pocount does not count 29 translated: $(cat "$work/en.count")"
finish
