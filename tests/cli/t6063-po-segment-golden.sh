#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bitext segment on PO files shows the expected units: one per message
# (not the header, not the obsolete ones), one per plural form named
# msgid_plural[N] after the msgctxt, sentences split only in messages
# that have no translation yet.  Golden files in tests/data/formats/po/.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/formats/po

run_bitext segment --lang en --format json "$data/webapp.ru.po"
expect_status 0
sed 's|"path": "[^"]*/webapp.ru.po"|"path": "webapp.ru.po"|' \
	"$work/stdout" >"$work/webapp.json"
expect_same "$work/webapp.json" "$data/golden/webapp.ru.json"

run_bitext segment --lang en --format tsv "$data/tarsync.pot"
expect_status 0
expect_same "$work/stdout" "$data/golden/tarsync.tsv"

run_bitext segment --lang en --format tsv "$data/app.zh_CN.po"
expect_status 0
expect_same "$work/stdout" "$data/golden/app.zh_CN.tsv"
finish
