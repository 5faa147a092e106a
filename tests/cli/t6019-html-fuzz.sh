#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Random HTML (a fixed seed: the same files on every run) built from the
# pieces real pages are made of, well and badly formed, some cut short,
# some in windows-1252: extract then merge gives every file back byte for
# byte, or extract refuses it with exit status 2 and a line and column;
# never a crash.  Every fifth accepted file is also translated (codes
# moved) and merged.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

have_lxml || skip "python3-lxml not installed (for $PY)"
N=${HTML_FUZZ_FILES:-120}
mkdir -p "$work/in"
"$PY" - "$work/in" "$N" <<'PY' || fail "generating the files"
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(6019)
WORDS = ("the quick brown fox jumps over the lazy dog. Déjà vu, naïve café! "
         "中文网页的标题。第二句话！ 東京タワー。 مرحبا بالعالم. Привет, мир. "
         "😀 emoji; 1 < 2 > 0 && AT&T \u3000\u3000缩进 \ufdd0 \ufdd1 \ufdd2").split(" ")
BLOCKS = ["p", "div", "li", "td", "th", "h1", "h2", "dt", "dd", "option",
          "section", "blockquote", "pre", "caption", "label", "button",
          "title", "textarea", "figcaption", "tr", "table", "ul", "ol"]
INLINE = ["b", "i", "em", "strong", "a", "span", "code", "kbd", "abbr",
          "sub", "sup", "small", "q", "u", "s", "font", "my-elem"]
VOID = ["br", "img", "input", "wbr", "hr", "meta", "br/"]
ATTRS = ["href", "title", "alt", "class", "id", "lang", "placeholder",
         "aria-label", "value", "type", "translate", "data-x", "style"]
MISC = ["<!-->", "<!--->", "<!-- comment -->", "<!-- c --!>", "<?php x ?>",
        "<!bogus>", "</ >", "</>", "<![CDATA[ a < b ]]>", "&amp;", "&lt;",
        "&gt;", "&nbsp;", "&copy", "&#169;", "&#x4E2D;", "&bogus;", "&",
        "<", ">", "\r\n", "\t", "\n\n", "&#0;", "&notit;", "&quot;",
        "<script>var s = '</p>';</script>", "<style>p > b {}</style>",
        "<svg><title>t</title><path d='M0'/></svg>", "<math><mi>x</mi></math>",
        "<template><p>t</p></template>"]


def value():
    v = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4)))
    q = rng.choice(['"', "'", ""])
    if q == "":
        v = v.replace(" ", "") or "x"
        v = v.replace(">", "")
        return "=" + v
    return "=" + q + v.replace(q, "") + q


def tag(name):
    a = "".join(" %s%s" % (rng.choice(ATTRS), value() if rng.random() < 0.8 else "")
                for _ in range(rng.randint(0, 3)))
    if rng.random() < 0.15:
        name = name.upper()
    return "<%s%s>" % (name, a)


def piece(depth):
    r = rng.random()
    if r < 0.35:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
    if r < 0.5:
        return rng.choice(MISC)
    if r < 0.6:
        return tag(rng.choice(VOID))
    if r < 0.8 and depth < 6:
        name = rng.choice(INLINE)
        inner = "".join(piece(depth + 1) for _ in range(rng.randint(0, 3)))
        end = "</%s>" % name if rng.random() < 0.85 else ""
        return tag(name) + inner + end
    if depth < 6:
        name = rng.choice(BLOCKS)
        inner = "".join(piece(depth + 1) for _ in range(rng.randint(0, 4)))
        end = "</%s>" % name if rng.random() < 0.7 else ""
        return tag(name) + inner + end
    return rng.choice(WORDS)


for i in range(n):
    head = rng.choice(["", "<!DOCTYPE html>\n", "<?xml version='1.0'?>\n"])
    enc = "utf-8"
    if rng.random() < 0.15:
        enc = "cp1252"
        head += '<meta charset="windows-1252">\n'
    html = head + rng.choice(["<html>", "<html lang=en>", "<HTML LANG='fr'>",
                              ""]) + "".join(piece(0) for _ in range(rng.randint(3, 25)))
    if rng.random() < 0.5:
        html += "</body></html>\n"
    if enc == "cp1252":
        data = html.encode("cp1252", "ignore")
    else:
        data = html.encode("utf-8")
    if rng.random() < 0.2:
        data = data[:rng.randint(1, len(data))]
    with open(os.path.join(out, "f%03d.html" % i), "wb") as f:
        f.write(data)
PY

ok=0 refused=0 translated=0
for f in "$work"/in/*.html; do
	b=$(basename "$f" .html)
	"$BITEXT" extract -s en -t de -o "$work/$b.xlf" "$f" 2>"$work/$b.err"
	st=$?
	checks=$((checks + 1))
	if [ $st -eq 2 ]; then
		refused=$((refused + 1))
		grep -Eq 'line [0-9]+, column [0-9]+' "$work/$b.err" ||
			fail "$b: refused without line and column: $(cat "$work/$b.err")"
		[ ! -e "$work/$b.xlf" ] || fail "$b: refused, but wrote its XLIFF"
		continue
	fi
	[ $st -eq 0 ] || { fail "$b: extract exit status $st"; continue; }
	"$BITEXT" merge -o "$work/$b.out" "$work/$b.xlf" 2>"$work/$b.err"
	st=$?
	checks=$((checks + 1))
	[ $st -eq 0 ] || { fail "$b: merge exit status $st"; continue; }
	checks=$((checks + 1))
	cmp -s "$work/$b.out" "$f" || fail "$b: merge does not give the file back"
	ok=$((ok + 1))
	[ $((ok % 5)) -eq 0 ] || continue
	checks=$((checks + 1))
	"$PY" "$hdata/cycle.py" translate "$work/$b.xlf" "$work/$b.de.xlf" ||
		{ fail "$b: cycle.py translate"; continue; }
	"$BITEXT" merge -o "$work/$b.de.html" "$work/$b.de.xlf" 2>"$work/$b.err"
	st=$?
	checks=$((checks + 1))
	[ $st -eq 0 ] || fail "$b: merging a translation: exit status $st: $(head -2 "$work/$b.err")"
	translated=$((translated + 1))
done
printf 'fuzz: %d files back byte for byte, %d refused, %d translated\n' \
	"$ok" "$refused" "$translated"
checks=$((checks + 1))
[ "$ok" -ge $((N / 2)) ] || fail "only $ok of $N files accepted"
finish
