#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-html.sh OUT MB — write a realistic HTML page of at least MB megabytes
# (1 MB = 1,048,576 bytes) for benchmarking the html filter.
#
# One UTF-8 HTML5 document (doctype, <html lang="en">, a head with meta
# description, style and script) whose body is a long run of <article>s, as
# a single-page manual or a news archive looks.  The articles are built
# from the html filter's sample pages (tests/data/formats/html/: the
# documentation page, the Chinese news page, the XHTML book chapter; their
# <body> content with tables, lists, pre/code, forms, figures, entities
# and comments) and from the UDHR pages of corpora/udhr (English, Chinese,
# French, Russian, Arabic...), whose paragraphs get inline markup here:
# <b>, <em>, <a href>, <code>, <span translate="no">, &nbsp; &amp; &copy;,
# a <br> now and then, an <img alt> in a figure, a comment inside a
# paragraph.  Every article is numbered and the UDHR paragraphs are
# shuffled with a fixed pseudo-random sequence, so the output depends only
# on its sources.  Needs POSIX sh and /usr/bin/python3 (standard library).
set -u
me=make-html.sh
die () { printf '%s: %s\n' "$me" "$*" >&2; exit 2; }
test $# -eq 2 || die "usage: $me OUT MB"
case $2 in
  ''|*[!0-9.]*) die "MB must be a number, not '$2'" ;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
data=${HTML_DATA:-$here/../tests/data/formats/html}
corpora=${CORPORA:-$here/../corpora}
test -f "$data/docs-install.html" || die "no $data/docs-install.html"
test -d "$corpora/udhr" || die "no corpora folder $corpora/udhr (set CORPORA)"
PYTHON=${PYTHON:-/usr/bin/python3}
test -x "$PYTHON" || PYTHON=python3

exec "$PYTHON" - "$1" "$2" "$data" "$corpora" <<'EOF'
import os
import random
import re
import sys

out_path, mb, data, corpora = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
target = int(mb * 1048576)
rng = random.Random(20240518)


def body_of(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"<body[^>]*>(.*)</body>", text, re.S | re.I)
    body = m.group(1) if m else text
    # Long scripts once are enough: keep the page's markup and text.
    return re.sub(r"<script\b.*?</script>", "", body, flags=re.S | re.I)


samples = [body_of(os.path.join(data, n)) for n in
           ("docs-install.html", "news-zh-CN.html", "epub-chapter.xhtml")]
samples = [s.replace(' xmlns:epub="http://www.idpf.org/2007/ops"', "")
           for s in samples]

udhr = []
for name in sorted(os.listdir(os.path.join(corpora, "udhr"))):
    if not name.endswith(".html"):
        continue
    text = open(os.path.join(corpora, "udhr", name), encoding="utf-8").read()
    lang = re.search(r'<html[^>]*\blang="([^"]+)"', text)
    paras = [(tag, " ".join(re.sub(r"<[^>]+>", " ", body).split()))
             for tag, body in re.findall(r"<(h[12]|p|li)>(.*?)</\1>", text,
                                         re.S)]
    udhr.append((lang.group(1) if lang else "en", name[:-5], paras))

LINKS = ["https://www.un.org/en/about-us/universal-declaration-of-human-rights",
         "/docs/article-%d.html", "#note-%d", "../glossary.html#term-%d"]


def mark_up(text, n):
    """Inline markup on some words of a paragraph, as editors add it."""
    words = text.split(" ")
    if len(words) < 6:
        return text
    out = []
    for i, w in enumerate(words):
        r = rng.random()
        if r < 0.03 and w:
            w = "<b>%s</b>" % w
        elif r < 0.05 and w:
            w = "<em>%s</em>" % w
        elif r < 0.065 and i + 1 < len(words):
            href = rng.choice(LINKS)
            if "%d" in href:
                href = href % n
            w = '<a href="%s">%s' % (href, w)
            words[i + 1] = words[i + 1] + "</a>"
        elif r < 0.07:
            w = w + "&nbsp;"
        elif r < 0.072:
            w = w + ' <span translate="no">UN&nbsp;GA&nbsp;217&nbsp;A</span>'
        elif r < 0.074:
            w = w + " <!-- ref %d -->" % n
        elif r < 0.076:
            w = w + "<br>"
        elif r < 0.078:
            w = w + " &amp;"
        out.append(w)
    return " ".join(out)


HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="The collected handbook: documentation, news and the Universal Declaration of Human Rights in many languages, on one page.">
<title>The Collected Handbook &mdash; single-page edition</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48em; margin: auto; }
article + article { border-top: 1px solid #ccc; }
pre { background: #f6f6f6; padding: .5em; overflow-x: auto; }
</style>
<script>
document.addEventListener("DOMContentLoaded", function () {
  for (const a of document.querySelectorAll("a[href^='http']")) a.rel = "noopener";
});
</script>
</head>
<body>
<header><h1>The Collected Handbook</h1>
<p>All chapters on one page. Use <kbd>Ctrl</kbd>+<kbd>F</kbd> to search; every article has a permanent link.</p>
</header>
<main>
"""
TAIL = """</main>
<footer><p>&copy; 2024 The Handbook authors. Texts of the Declaration: &copy; United Nations, reproduced with permission.</p></footer>
</body>
</html>
"""

with open(out_path, "w", encoding="utf-8", newline="\n") as out:
    out.write(HEAD)
    size = len(HEAD.encode("utf-8"))
    n = 0
    while size < target:
        n += 1
        parts = ['<article id="a%d">\n' % n]
        if n % 4 == 0:
            parts.append(samples[(n // 4) % len(samples)])
        else:
            lang, code, paras = udhr[n % len(udhr)]
            parts.append('<section lang="%s" data-source="udhr/%s">\n' % (lang, code))
            parts.append("<h2>%s &#8212; %d</h2>\n" % (paras[0][1], n))
            body = paras[1:]
            start = rng.randrange(len(body))
            chunk = body[start:start + 24] or body[:24]
            chunk = chunk[:]
            rng.shuffle(chunk)
            in_list = False
            for tag, text in chunk:
                if tag == "li" and not in_list:
                    parts.append("<ol>\n")
                    in_list = True
                elif tag != "li" and in_list:
                    parts.append("</ol>\n")
                    in_list = False
                if tag == "li":
                    parts.append("  <li>%s</li>\n" % mark_up(text, n))
                elif tag == "h2":
                    parts.append("<h3>%s</h3>\n" % text)
                else:
                    parts.append("<p>%s</p>\n" % mark_up(text, n))
            if in_list:
                parts.append("</ol>\n")
            if n % 3 == 0:
                parts.append('<figure><img src="/img/udhr-%d.jpg" alt="%s" '
                             'width="640" height="360"><figcaption>%s</figcaption>'
                             '</figure>\n' % (n, paras[0][1], paras[0][1]))
            if n % 5 == 0:
                parts.append('<table><caption>Article %d</caption><tr><th>Language'
                             '</th><th>Source</th></tr><tr><td>%s</td><td><a href='
                             '"https://www.ohchr.org/">OHCHR</a></td></tr></table>\n'
                             % (n, lang))
            parts.append("</section>\n")
        parts.append('<p class="permalink"><a href="#a%d" title="Permanent link '
                     'to this article">Link to this article</a></p>\n</article>\n' % n)
        chunk = "".join(parts)
        out.write(chunk)
        size += len(chunk.encode("utf-8"))
    out.write(TAIL)
EOF
