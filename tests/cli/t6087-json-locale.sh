#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# json filter: the locale of Angular ({"locale": ..., "translations": ...})
# and ARB ("@@locale") files is not translated, but merge sets it to the
# XLIFF's target language once a unit has a translation; with no
# translation the file comes back as it was.  ARB's "zh_CN" style stays.
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/json"
helper="$top_builddir/tests/helper/bt-test-tool"

# No targets, a target language: unchanged.
run_bitext extract --srclang fr --trglang zh-CN -o "$work/fr.xlf" \
	"$data/messages.fr.json"
expect_status 0
run_bitext merge -o "$work/fr0.json" "$work/fr.xlf"
expect_status 0
expect_same "$work/fr0.json" "$data/messages.fr.json"

# One unit translated: the locale becomes the target language.
id=$(grep -o 'unit id="[^"]*" name="translations.introductionHeader"' \
	"$work/fr.xlf" | sed 's/unit id="\([^"]*\)".*/\1/')
printf '%s\t1\t你好 i18n！\n' "$id" >"$work/fr.tsv"
"$helper" fill-targets "$work/fr.xlf" "$work/fr.tsv" "$work/fr.t.xlf"
run_bitext merge -o "$work/fr1.json" "$work/fr.t.xlf"
expect_status 0
sed -e 's/"locale": "fr"/"locale": "zh-CN"/' \
	-e 's/"Bonjour i18n !"/"你好 i18n！"/' \
	"$data/messages.fr.json" >"$work/fr1.expect"
expect_same "$work/fr1.json" "$work/fr1.expect"

# ARB, whose locale is written with '_'.
sed 's/"@@locale": "zh"/"@@locale": "zh_CN"/' "$data/app_zh.arb" \
	>"$work/app.arb"
run_bitext extract --srclang zh-CN --trglang en-GB -o "$work/arb.xlf" \
	"$work/app.arb"
expect_status 0
run_bitext merge -o "$work/arb0.arb" "$work/arb.xlf"
expect_status 0
expect_same "$work/arb0.arb" "$work/app.arb"
id=$(grep -o 'unit id="[^"]*" name="appTitle"' "$work/arb.xlf" |
	sed 's/unit id="\([^"]*\)".*/\1/')
printf '%s\t1\tWeather "Now"\n' "$id" >"$work/arb.tsv"
"$helper" fill-targets "$work/arb.xlf" "$work/arb.tsv" "$work/arb.t.xlf"
run_bitext merge -o "$work/arb1.arb" "$work/arb.t.xlf"
expect_status 0
sed -e 's/"@@locale": "zh_CN"/"@@locale": "en_GB"/' \
	-e 's/"appTitle": "天气预报"/"appTitle": "Weather \\"Now\\""/' \
	"$work/app.arb" >"$work/arb1.expect"
expect_same "$work/arb1.arb" "$work/arb1.expect"
finish
