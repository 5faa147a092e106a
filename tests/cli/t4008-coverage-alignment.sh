#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Alignment coverage of the TMX and bilingual XLIFF that `bitext align`
# writes: aligned and unaligned source sentences and characters, target
# sentences alone, low-confidence pairs (score < 0.5); bead marks "2-1"
# count two source sentences.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

# aligned.tmx: beads 1-1 (0.901), 2-1 (0.310: low), 1-0, 0-1, 1-2
# (0.750, the source tuv second), one <tu> without marks, one with a score
# only; srclang zh-CN, one tuv says zh-cn and one zh-Hans-CN.
coverage_csv "$data/aligned.tmx"
expect_status 0
expect_value "$work/out.csv" file format tmx
expect_value "$work/out.csv" file language zh-CN
expect_states "$work/out.csv" units "6 1 0 5 0 0 0"
expect_value "$work/out.csv" total pairs 5
expect_value "$work/out.csv" total aligned 6
expect_value "$work/out.csv" total unaligned 1
expect_value "$work/out.csv" total low_confidence 2
expect_value "$work/out.csv" total low_confidence_pairs 1
expect_value "$work/out.csv" total unaligned_target 1
# 这句话没有译文。 is the unaligned source: 8 characters.
expect_value "$work/out.csv" total unaligned_chars 8
expect_value "$work/out.csv" total aligned_chars 38

run_bitext coverage "$data/aligned.tmx"
expect_stdout_match "/aligned\\.tmx +5 +6 +1 +2 +1 +85\\.7%$"

# A bilingual XLIFF 1.2 with bitext's marks as <prop>s, and XLIFF 2 with
# <mda:meta type="x-bitext-score">: alignments too; plain XLIFF is not.
cat >"$work/pairs12.xlf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en" target-language="de" datatype="plaintext">
    <body>
      <trans-unit id="b1">
        <source>One. Two.</source>
        <target>Eins und zwei.</target>
        <prop-group name="bitext"><prop prop-type="x-bitext-score">0.42</prop><prop prop-type="x-bitext-bead">2-1</prop></prop-group>
      </trans-unit>
      <trans-unit id="b2">
        <source>Three.</source>
        <prop-group name="bitext"><prop prop-type="x-bitext-bead">1-0</prop></prop-group>
      </trans-unit>
    </body>
  </file>
</xliff>
EOF
cat >"$work/pairs2.xlf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"
       xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"
       version="2.1" srcLang="en" trgLang="de">
  <file id="f1">
    <unit id="b1">
      <mda:metadata><mda:metaGroup><mda:meta type="x-bitext-score">0.9</mda:meta></mda:metaGroup></mda:metadata>
      <segment state="translated"><source>Four.</source><target>Vier.</target></segment>
    </unit>
    <unit id="b2">
      <segment><source/><target>Fünf.</target></segment>
    </unit>
  </file>
</xliff>
EOF
coverage_csv "$work/pairs12.xlf" "$work/pairs2.xlf" "$data/xliff21-states.xlf"
expect_status 0
expect_value "$work/out.csv" file pairs 1 "$work/pairs12.xlf"
expect_value "$work/out.csv" file aligned 2 "$work/pairs12.xlf"
expect_value "$work/out.csv" file low_confidence 2 "$work/pairs12.xlf"
expect_value "$work/out.csv" file unaligned 1 "$work/pairs12.xlf"
expect_value "$work/out.csv" file pairs 1 "$work/pairs2.xlf"
expect_value "$work/out.csv" file unaligned_target 1 "$work/pairs2.xlf"
expect_value "$work/out.csv" file pairs "" "$data/xliff21-states.xlf"
expect_value "$work/out.csv" total pairs 2

# What `bitext align` writes, when it is there to write it.
if "$BITEXT" --list-commands | grep -qx align; then
	printf 'The weather is nice today.\nI went for a walk.\nWe came home.\n' \
		>"$work/en.txt"
	printf '今天天气很好。\n我去散步了。\n然后下雨了。\n我们回家了。\n' \
		>"$work/zh.txt"
	for fmt in tmx xliff; do
		run_bitext align -q --sentences -s en -t zh-CN -f "$fmt" \
			-o "$work/al.$fmt" "$work/en.txt" "$work/zh.txt"
		expect_status 0
		coverage_csv "$work/al.$fmt"
		expect_status 0
		expect_value "$work/out.csv" total aligned 3
		expect_value "$work/out.csv" total unaligned 0
		checks=$((checks + 1))
		[ -n "$(csv_get "$work/out.csv" total pairs)" ] ||
			fail "bitext align's $fmt is not seen as an alignment"
	done
fi
finish
