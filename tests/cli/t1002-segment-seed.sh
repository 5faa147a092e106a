#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed article: one line of Chinese web text whose paragraphs start
# with two ideographic spaces.  The title, each heading and sub-heading
# and each sentence are segments of their own, no segment starts with
# U+3000, and the whole agrees with the golden file, which was checked by
# hand once (tests/golden/segment/seed/README.md says how).
. "$top_srcdir/tests/cli/lib.sh"

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
golden="$top_srcdir/tests/golden/segment/seed"

run_bitext segment --lang zh-CN --format tsv "$seed"
expect_status 0
checks=$((checks + 1))
[ -s "$work/stderr" ] && fail "warnings: $(cat "$work/stderr")"
expect_same "$work/stdout" "$golden/expect.tsv"

# No segment starts (or ends) with whitespace, U+3000 included.
checks=$((checks + 1))
if cut -f3 "$work/stdout" | grep -q '^　\|　$\|^ \| $'; then
	fail "a segment starts or ends with whitespace"
fi
# The title is the first unit, one segment, without the paragraphs after.
checks=$((checks + 1))
head -n 1 "$work/stdout" | cut -f2,3 >"$work/title"
printf '1\t一年来，中国积极开展抗疫国际合作，以实际行动践行人类卫生健康共同体理念——努力共创健康安全的未来（命运与共）\n' \
	>"$work/title.expect"
expect_same "$work/title" "$work/title.expect"
# Headings are units of one segment each.
for heading in '逻辑内涵：' '与人类命运共同体一脉相承'; do
	checks=$((checks + 1))
	line=$(grep -n "	$heading\$" "$work/stdout" | cut -d: -f1)
	if [ -z "$line" ]; then
		fail "heading '$heading' is not a segment of its own"
		continue
	fi
	sed -n "${line}p" "$work/stdout" | cut -f2 | grep -qx 1 ||
		fail "heading '$heading' does not start its unit"
done
# Every sentence ends its segment: no 。！？ followed by more text inside
# one segment, unless a closing quote or bracket follows.
checks=$((checks + 1))
if cut -f3 "$work/stdout" | grep -E '[。！？][”」』）]*[^”」』）。！？…]' |
	grep -v '“[^”]*[。！？][^”]*”' >"$work/unsplit"; then
	fail "sentences left unsplit:"
	cat "$work/unsplit"
fi
finish
