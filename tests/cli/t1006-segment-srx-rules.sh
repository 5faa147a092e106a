#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --srx loads a user's rules: break and no-break rules in order, language
# maps, cascading, and unsupported Java constructs as warnings.
. "$top_srcdir/tests/cli/lib.sh"

cat >"$work/rules.srx" <<'SRX'
<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header cascade="yes"/>
<body>
<languagerules>
<languagerule languagerulename="English">
<rule break="no"><beforebreak>\bMr\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="no"><beforebreak>[\p{Ll}&amp;&amp;[^x]]\.</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
<languagerule languagerulename="Default">
<rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\s+\u0041</afterbreak></rule>
<rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\s+\p{Lu}</afterbreak></rule>
</languagerule>
</languagerules>
<maprules>
<languagemap languagepattern="EN.*" languagerulename="English"/>
<languagemap languagepattern=".*" languagerulename="Default"/>
</maprules>
</body>
</srx>
SRX
printf 'Mr. Smith is here. Are you? yes. Mr. Jones left.\n' >"$work/in.txt"

# English: the Mr. rule applies (map "EN.*" matches "en-GB" whatever the
# case), then the default rules cascade.
run_bitext segment --lang en-GB --srx "$work/rules.srx" --format tsv \
	"$work/in.txt"
expect_status 0
cut -f3 "$work/stdout" >"$work/got"
printf 'Mr. Smith is here.\nAre you? yes.\nMr. Jones left.\n' >"$work/expect"
expect_same "$work/got" "$work/expect"
# The class intersection cannot be translated: a warning naming the line.
expect_stderr_match 'rules.srx:8: warning: rule of .English. skipped: character class intersection'

# Another language: only the default rules, so "Mr." breaks.
run_bitext segment --lang de --srx "$work/rules.srx" --format tsv \
	"$work/in.txt"
expect_status 0
cut -f3 "$work/stdout" >"$work/got"
printf 'Mr.\nSmith is here.\nAre you? yes.\nMr.\nJones left.\n' >"$work/expect"
expect_same "$work/got" "$work/expect"

# Without cascading, only the first matching map applies: no breaks.
sed 's/cascade="yes"/cascade="no"/' "$work/rules.srx" >"$work/nocascade.srx"
run_bitext segment --lang en --srx "$work/nocascade.srx" --format tsv \
	"$work/in.txt"
expect_status 0
checks=$((checks + 1))
[ "$(wc -l <"$work/stdout")" -eq 1 ] || fail "cascade=no still cascaded"

# A language no map matches: a warning, and units stay whole.
sed 's/languagepattern=".\*"/languagepattern="fr.*"/' "$work/rules.srx" \
	>"$work/fronly.srx"
run_bitext segment --lang ja --srx "$work/fronly.srx" --format tsv \
	"$work/in.txt"
expect_status 0
expect_stderr_match "no segmentation rules for language 'ja'"
finish
