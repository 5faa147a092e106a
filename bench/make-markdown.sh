#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-markdown.sh OUT MB — write a realistic Markdown file of at least MB
# megabytes (1 MB = 1,048,576 bytes) for benchmarking the markdown filter.
#
# The output is a documentation site's pages joined into one file: YAML
# front matter, then numbered chapters.  Each chapter is one of the markdown
# filter's test files (tests/data/formats/markdown/: a user guide with
# tables, code blocks, nested quotes, links and images; a project README
# with badges, task lists and HTML; German release notes; a Chinese blog
# post; a Japanese tutorial; a French text with setext headings and hard
# breaks), their front matter dropped, their headings numbered and their
# link targets moved to the chapter's own folder, followed by a section of
# news paragraphs made of the sentences of corpora/seed/ (English and
# Chinese) with emphasis, links and code spans put in.  The output depends
# only on those files.  Needs POSIX sh and /usr/bin/python3 (standard
# library only).
set -u
me=make-markdown.sh
die () { printf '%s: %s\n' "$me" "$*" >&2; exit 2; }
test $# -eq 2 || die "usage: $me OUT MB"
here=$(cd "$(dirname "$0")" && pwd) || exit 2
data=${MD_DATA:-$here/../tests/data/formats/markdown}
seed=${MD_SEED:-$here/../corpora/seed}
test -f "$data/docs-page.md" || die "no $data/docs-page.md"
test -f "$seed/health-community.en-natural.txt" ||
	die "no $seed/health-community.en-natural.txt"
PYTHON=${PYTHON:-/usr/bin/python3}
test -x "$PYTHON" || PYTHON=python3

exec "$PYTHON" - "$1" "$2" "$data" "$seed" <<'EOF'
import os
import re
import sys

out, mb, data, seed = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
want = int(mb * 1048576)
PAGES = ["docs-page.md", "project-readme.md", "release-notes-de.md",
         "blog-zh-CN.md", "hugo-page-ja.md", "poeme-setext.md"]


def body(name):
    """A test file without its front matter."""
    text = open(os.path.join(data, name), encoding="utf-8").read()
    m = re.match(r"(---|\+\+\+)\n.*?\n\1\n", text, re.S)
    return text[m.end():] if m else text


def sentences(name, pattern):
    text = open(os.path.join(seed, name), encoding="utf-8").read()
    return [s.strip() for s in re.findall(pattern, text) if s.strip()]


pages = [body(p) for p in PAGES]
english = sentences("health-community.en-natural.txt", r"[^.!?]+[.!?]")
chinese = sentences("health-community.zh-CN.txt", r"[^。！？]+[。！？]")


def chapter_page(n):
    """Test page n % 6, numbered and linked as chapter n."""
    text = pages[n % len(pages)]
    text = re.sub(r"^(#+) ", lambda m: "%s %d. " % (m.group(1), n), text,
                  flags=re.M)
    text = re.sub(r"\]\((?!https?:)([^)\s]+)", r"](/ch%d/\1" % n, text)
    return text


def marked(s, k):
    """Sentence s with one inline span put in, chosen by k."""
    words = s.split(" ")
    if len(words) < 6:
        return s
    i = 1 + k % (len(words) - 3)
    w = words[i]
    kind = k % 5
    if kind == 0:
        words[i] = "**%s**" % w
    elif kind == 1:
        words[i] = "[%s](https://news.example.org/%d)" % (w, k)
    elif kind == 2:
        words[i] = "*%s*" % w
    elif kind == 3:
        words[i] = "`%s`" % w.strip(",.;:")
    return " ".join(words)


def wrap(text, width=76):
    """Hard-wraps a paragraph at spaces, as editors do."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    lines.append(line)
    return "\n".join(lines)


def news(n):
    """A section of paragraphs from the seed corpus, in both languages."""
    parts = ["## %d.9 News digest\n" % n]
    for p in range(4):
        k = n * 7 + p
        en = [marked(english[(k * 3 + j) % len(english)], k + j)
              for j in range(3)]
        parts.append(wrap(" ".join(en)) + "\n")
        zh = "".join(chinese[(k * 2 + j) % len(chinese)] for j in range(2))
        parts.append("> " + zh + "\n")
    parts.append("| Item | Value |\n|------|------:|\n"
                 "| Chapter | %d |\n| Sentences | %d |\n" % (n, 12))
    return "\n".join(parts)


with open(out, "w", encoding="utf-8") as f:
    f.write("---\ntitle: \"Sync service documentation\"\n"
            "description: All pages of the manual in one file.\n"
            "lang: en\n---\n\n")
    size, n = 0, 1
    while size < want:
        chunk = chapter_page(n) + "\n" + news(n) + "\n"
        f.write(chunk)
        size += len(chunk.encode("utf-8"))
        n += 1
EOF
