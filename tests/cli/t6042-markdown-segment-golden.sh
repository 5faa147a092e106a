#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown: `bitext segment` shows the expected units and segments of a
# project README (badges, task lists, a table, inline HTML, autolinks)
# and of a Chinese blog post with its front matter's title, description
# and tags; the post declares its language (lang: zh-CN) itself.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/formats/markdown"

run_bitext segment --format tsv --lang en "$data/project-readme.md"
expect_status 0
expect_same "$work/stdout" "$data/project-readme.segments.tsv"

run_bitext segment --format tsv --md-front-matter title,description,tags \
	"$data/blog-zh-CN.md"
expect_status 0
expect_same "$work/stdout" "$data/blog-zh-CN.segments.tsv"
finish
