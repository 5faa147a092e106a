#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter: `bitext segment` shows the expected units and sentences for
# three sample files (golden files beside them): the app's messages (TSV),
# the DocBook 5 chapter (JSON, with the units' names) and the Android
# strings read with --its rules (TSV).
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/xml"
# Relative names, so that the JSON output does not depend on the tree.
cd "$data" || exit 99

run_bitext segment --format tsv lumen-messages.xml
expect_status 0
expect_same "$work/stdout" lumen-messages.segment.tsv

run_bitext segment --format json docbook5-chapter.xml
expect_status 0
expect_same "$work/stdout" docbook5-chapter.segment.json

run_bitext segment --format tsv --lang en --its android.its \
	trailhead-strings.xml
expect_status 0
expect_same "$work/stdout" trailhead-strings.segment.tsv

# Without its rules the Android file is plain XML: every string is a unit,
# the untranslatable ones too, and placeholders split nothing.
run_bitext segment --format tsv --lang en trailhead-strings.xml
expect_status 0
checks=$((checks + 1))
grep -q '	1	https://staging.example.com/api$' "$work/stdout" ||
	fail "without rules, translatable=\"false\" strings are units too"
finish
