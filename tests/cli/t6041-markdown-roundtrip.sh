#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Markdown: lossless round trip.  Every test file, extracted to XLIFF 2.1
# and 1.2 and merged back with no translation, gives the input byte for
# byte, with and without front matter keys to translate; so do CR LF
# copies, a UTF-8 BOM, GB18030 with --encoding, mixed and lone-CR line
# ends, and a conversion 2.1 -> 1.2 -> 2.1 before the merge.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/formats/markdown"

lang_of() {
	case $1 in
	*zh-CN*) echo zh-CN ;; *-de*) echo de ;; *-ja*) echo ja ;;
	*poeme*) echo fr ;; *) echo en ;;
	esac
}

roundtrip() {	# FILE NAME [EXTRACT OPTIONS...]
	mr_file=$1 mr_name=$2
	shift 2
	expect_roundtrip "$mr_file" "$mr_name" "2.1 1.2" \
		-s "$(lang_of "$mr_file")" -t en "$@"
}

keys=title,description,tags,sidebar_label,keywords,seo.title,params.subtitle
n=0
for f in "$data"/*.md; do
	n=$((n + 1))
	name=$(basename "$f" .md)
	roundtrip "$f" "$name" --format markdown
	roundtrip "$f" "$name.fm" --md-front-matter "$keys"
	# The same file with CR LF line ends.
	sed 's/$/\r/' "$f" >"$work/$name.crlf.md"
	roundtrip "$work/$name.crlf.md" "$name.crlf" --md-front-matter "$keys"
done
checks=$((checks + 1))
[ "$n" -ge 5 ] || fail "only $n Markdown test files"

# Translatable units there are: the round trip is not of skeleton alone.
run_bitext segment --format tsv --lang en "$data/docs-page.md"
checks=$((checks + 1))
[ "$(wc -l <"$work/stdout")" -ge 50 ] || fail "docs-page.md: few segments"

# A UTF-8 byte-order mark, kept.
printf '\357\273\277' >"$work/bom.md"
cat "$data/project-readme.md" >>"$work/bom.md"
roundtrip "$work/bom.md" bom

# A legacy encoding, given with --encoding; the output is in it again.
iconv -f UTF-8 -t GB18030 "$data/blog-zh-CN.md" >"$work/gb-zh-CN.md"
roundtrip "$work/gb-zh-CN.md" gb --encoding GB18030 --md-front-matter title

# Mixed line ends: LF, then CR LF and a lone CR inside paragraphs and a
# quote; and a file whose first line ends with CR LF but not the others.
printf '# Mixed\n\nOne line\r\ntwo lines\rthree.\n\n> quote\r\n> more\n' \
	>"$work/mixed.md"
roundtrip "$work/mixed.md" mixed
printf 'First\r\nsecond\nthird\r\n\n- item\n  more\r\n' >"$work/mixed2.md"
roundtrip "$work/mixed2.md" mixed2
# No line end at the end, trailing blanks, an empty file, only blanks.
printf 'No final line end,  \nwith trailing blanks   ' >"$work/noeol.md"
roundtrip "$work/noeol.md" noeol
: >"$work/empty.md"
roundtrip "$work/empty.md" empty
printf '\n\n   \n' >"$work/blank.md"
roundtrip "$work/blank.md" blank

# Through XLIFF 1.2 and back: the same document.
run_bitext extract -s en -t de -o "$work/c.xlf" "$data/docs-page.md"
expect_status 0
run_bitext convert --to xliff1.2 -o "$work/c12.xlf" "$work/c.xlf"
expect_status 0
run_bitext convert --to xliff2.1 -o "$work/c21.xlf" "$work/c12.xlf"
expect_status 0
run_bitext merge -o "$work/c.out" "$work/c21.xlf"
expect_status 0
expect_same "$work/c.out" "$data/docs-page.md"
finish
