#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown front matter: never given to the Markdown parser; keys never
# translated; the values of the keys named with --md-front-matter (nested
# keys as seo.title, the items of a list) are units named after their
# key, others skeleton.  YAML and TOML.  At merge, translations are
# escaped as their quotes need and a plain value that plain YAML cannot
# hold is put in double quotes.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/formats/markdown"

# Without --md-front-matter: no unit from the front matter at all.
run_bitext segment --format json "$data/blog-zh-CN.md"
expect_status 0
checks=$((checks + 1))
! grep -q '"name"' "$work/stdout" || fail "a front matter unit without keys"
checks=$((checks + 1))
! grep -q 'Markdown 的一些笔记\|从标题层级\|林晓\|2024-03-15' "$work/stdout" ||
	fail "front matter text became a unit"
expect_stdout_match '"language": "zh-CN"'

# With keys: title, description and both tags, named; not date or author.
run_bitext segment --format json --md-front-matter 'title, description,tags' \
	"$data/blog-zh-CN.md"
expect_status 0
for want in '"name":"title"' '"name":"description"' '"name":"tags"'; do
	checks=$((checks + 1))
	tr -d ' ' <"$work/stdout" | grep -q "$want" || fail "no unit $want"
done
checks=$((checks + 1))
[ "$(tr -d ' ' <"$work/stdout" | grep -o '"name":"tags"' | wc -l)" -eq 2 ] ||
	fail "the two tags are not two units"
checks=$((checks + 1))
! grep -q '林晓\|2024-03-15' "$work/stdout" || fail "unnamed keys translated"

# Nested keys, quotes and escapes; a folded block scalar stays skeleton.
run_bitext extract -s de -t en -o "$work/de.xlf" --md-front-matter \
	title,sidebar_label,description,seo.title,keywords,summary \
	"$data/release-notes-de.md"
expect_status 0
for name in title sidebar_label description seo.title keywords; do
	checks=$((checks + 1))
	grep -q "<unit id=\"[^\"]*\" name=\"$name\"" "$work/de.xlf" ||
		fail "no unit named $name"
done
checks=$((checks + 1))
! grep -q 'name="summary"\|name="slug"\|name="seo.image"' "$work/de.xlf" ||
	fail "a block scalar or an unnamed key became a unit"
# \" and '' are codes showing the character.
checks=$((checks + 1))
grep -q 'disp="&quot;"/>Schneller<ph' "$work/de.xlf" ||
	fail "the escaped quotes of title are not codes"
checks=$((checks + 1))
grep -q "Jan<ph id=\"1\" dataRef=\"d1\" disp=\"'\"/>s Liste" "$work/de.xlf" ||
	fail "the doubled quote of sidebar_label is not a code"
run_bitext merge -o "$work/de.md" "$work/de.xlf"
expect_status 0
expect_same "$work/de.md" "$data/release-notes-de.md"

# TOML: basic and literal strings, a key of a table.
run_bitext segment --format json --lang ja \
	--md-front-matter title,description,params.subtitle,tags,date \
	"$data/hugo-page-ja.md"
expect_status 0
for name in title description params.subtitle; do
	checks=$((checks + 1))
	tr -d ' ' <"$work/stdout" | grep -q "\"name\":\"$name\"" ||
		fail "TOML: no unit named $name"
done
checks=$((checks + 1))
! tr -d ' ' <"$work/stdout" | grep -q '"name":"tags"\|"name":"date"' ||
	fail "TOML: an array or a date became a unit"

# Translations are written as the quotes need.
cat >"$work/fm.md" <<'MD'
---
title: Getting started
subtitle: 'A short guide'
description: "Read this first"
tags:
  - basics
---
Body text.
MD
run_bitext extract -s en -t fr --md-front-matter title,subtitle,description,tags \
	-o "$work/fm.xlf" "$work/fm.md"
expect_status 0
run_bitext segment --format tsv --lang en \
	--md-front-matter title,subtitle,description,tags "$work/fm.md"
expect_status 0
awk -F '\t' 'BEGIN { OFS = "\t" }
	$3 == "Getting started" { $3 = "Démarrer : le guide # 1" }
	$3 == "A short guide" { $3 = "Le guide d'"'"'Anne" }
	$3 == "Read this first" { $3 = "Lisez \"ceci\" d'"'"'abord \\\\ ici" }
	$3 == "basics" { $3 = "- bases" }
	$3 == "Body text." { $3 = "Le texte." }
	{ print }' "$work/stdout" >"$work/fm.tsv"
"$top_builddir/tests/helper/bt-test-tool" fill-targets "$work/fm.xlf" \
	"$work/fm.tsv" "$work/fm-t.xlf"
run_bitext merge -o "$work/fm-fr.md" "$work/fm-t.xlf"
expect_status 0
cat >"$work/fm-want.md" <<'MD'
---
title: "Démarrer : le guide # 1"
subtitle: 'Le guide d''Anne'
description: "Lisez \"ceci\" d'abord \\ ici"
tags:
  - "- bases"
---
Le texte.
MD
expect_same "$work/fm-fr.md" "$work/fm-want.md"
# And YAML reads the values as the translator wrote them.
if /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	checks=$((checks + 1))
	/usr/bin/python3 - "$work/fm-fr.md" <<'PY' || fail "YAML values differ"
import sys, yaml
fm = yaml.safe_load(open(sys.argv[1], encoding="utf-8").read().split("---")[1])
assert fm["title"] == "Démarrer : le guide # 1", fm
assert fm["subtitle"] == "Le guide d'Anne", fm
assert fm["description"] == 'Lisez "ceci" d\'abord \\ ici', fm
assert fm["tags"] == ["- bases"], fm
PY
fi

# A TOML literal string cannot hold an apostrophe: merge says so.
printf "+++\ntitle = 'Plain'\n+++\nText.\n" >"$work/lit.md"
run_bitext extract -s en -t fr --md-front-matter title -o "$work/lit.xlf" \
	"$work/lit.md"
expect_status 0
run_bitext segment --format tsv --lang en --md-front-matter title "$work/lit.md"
awk -F '\t' 'BEGIN { OFS = "\t" } NR == 1 { $3 = "L'"'"'idée" } { print }' \
	"$work/stdout" >"$work/lit.tsv"
"$top_builddir/tests/helper/bt-test-tool" fill-targets "$work/lit.xlf" \
	"$work/lit.tsv" "$work/lit-t.xlf"
run_bitext merge -o "$work/lit-fr.md" "$work/lit-t.xlf"
expect_status 1
expect_stderr_match "front matter key 'title'.*TOML literal string"
expect_no_file "$work/lit-fr.md"
finish
