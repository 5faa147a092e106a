#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-xml.sh OUT MB — write a DocBook 5 book of at least MB megabytes
# (1 MB = 1,048,576 bytes) for benchmarking the xml filter.
#
# Each chapter is built like the filter's test chapter (tests/data/formats/
# xml/docbook5-chapter.xml): sections with titles and paragraphs whose
# sentences carry inline markup (emphasis, application, literal, command,
# links, xrefs, character references), itemized lists, a table, a program
# listing in CDATA, a footnote and an index term now and then, remarks and
# comments.  The sentences come from corpora/: the English and Chinese
# UDHR and the seed article, in numbered copies whose order a fixed
# pseudo-random sequence shuffles, so the output is the same on every run.
# Every third chapter is in Chinese (xml:lang on the chapter; the root has
# none, so that merge with any target language gives the input back).
# Needs POSIX sh and /usr/bin/python3 (standard library only).
set -u
me=make-xml.sh
die () { printf '%s: %s\n' "$me" "$*" >&2; exit 2; }
test $# -eq 2 || die "usage: $me OUT MB"
here=$(cd "$(dirname "$0")" && pwd) || exit 2
corpora=${CORPORA:-$here/../corpora}
test -f "$corpora/udhr/eng.html" || die "no $corpora/udhr/eng.html"
PYTHON=${PYTHON:-/usr/bin/python3}
test -x "$PYTHON" || PYTHON=python3

exec "$PYTHON" - "$1" "$2" "$corpora" <<'EOF'
import html
import random
import re
import sys

out, mb, corpora = sys.argv[1], float(sys.argv[2]), sys.argv[3]
want = int(mb * 1048576)
rnd = random.Random(6021)


def paragraphs(path):
    text = open(path, encoding="utf-8").read()
    found = re.findall(r"<(?:p|h[12])[^>]*>(.*?)</(?:p|h[12])>", text, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", p)).split())
            for p in found]


def sentences(paras, zh):
    out = []
    for p in paras:
        parts = re.split(r"(?<=。)" if zh else r"(?<=[.;:])\s+", p)
        out += [s.strip() for s in parts if len(s.strip()) > 3]
    return out


en = sentences(paragraphs(corpora + "/udhr/eng.html"), False)
en += sentences(open(corpora + "/seed/health-community.en.txt",
                     encoding="utf-8").read().split("\n"), False)
ZH = sentences(paragraphs(corpora + "/udhr/cmn_hans.html"), True)
ZH += sentences(open(corpora + "/seed/health-community.zh-CN.txt",
                     encoding="utf-8").read().split("\u3000\u3000"), True)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


INLINE = [
    lambda w: "<emphasis>%s</emphasis>" % w,
    lambda w: "<application>%s</application>" % w,
    lambda w: "<literal>%s</literal>" % w,
    lambda w: "<command>%s</command>" % w,
    lambda w: '<link xlink:href="https://example.org/%d">%s</link>'
    % (rnd.randrange(1000), w),
    lambda w: "<quote>%s</quote>" % w,
    lambda w: "%s&#160;%d" % (w, rnd.randrange(100)),
    lambda w: "<guilabel>%s</guilabel>&#x2192;<guimenuitem>%s</guimenuitem>"
    % (w, w),
]


def marked(s, zh):
    """A sentence with one piece of inline markup in it."""
    if zh:
        cut = rnd.randrange(1, max(2, len(s) - 1))
        k = rnd.randrange(2, 6)
        return esc(s[:cut]) + INLINE[rnd.randrange(len(INLINE))](
            esc(s[cut:cut + k])) + esc(s[cut + k:])
    words = s.split(" ")
    i = rnd.randrange(len(words))
    words[i] = INLINE[rnd.randrange(len(INLINE))](esc(words[i]))
    return " ".join(esc(w) if j != i else w for j, w in enumerate(words))


def para(pool, zh, n, ids):
    sents = [marked(rnd.choice(pool), zh) if rnd.random() < 0.6
             else esc(rnd.choice(pool)) for _ in range(rnd.randrange(2, 6))]
    text = ("" if zh else " ").join(sents)
    r = rnd.random()
    if r < 0.08:
        text += ("<footnote><para>%s</para></footnote>"
                 % esc(rnd.choice(pool)))
    elif r < 0.12:
        text = ("<indexterm><primary>%s</primary></indexterm>"
                % esc(rnd.choice(pool)[:20])) + text
    elif r < 0.16 and ids:
        text += ' <xref linkend="%s"/>' % rnd.choice(ids)
    elif r < 0.18:
        text += "<remark>Check this with the %d edition.</remark>" % n
    return "      <para>%s</para>\n" % text


def chapter(n):
    zh = n % 3 == 2
    pool = ZH if zh else en
    lang = ' xml:lang="zh-CN"' if zh else ""
    b = ['  <chapter xml:id="ch%d"%s>\n' % (n, lang),
         "    <title>%s %d</title>\n" % (esc(rnd.choice(pool)[:40]), n)]
    ids = []
    for s in range(rnd.randrange(3, 7)):
        sid = "ch%d-s%d" % (n, s)
        ids.append(sid)
        b.append('    <section xml:id="%s">\n      <title>%s</title>\n'
                 % (sid, esc(rnd.choice(pool)[:50])))
        for p in range(rnd.randrange(3, 9)):
            b.append(para(pool, zh, n, ids[:-1]))
            if rnd.random() < 0.1:
                b.append("      <!-- revised in %d -->\n" % (2000 + p))
        if rnd.random() < 0.5:
            b.append("      <itemizedlist>\n")
            for _ in range(rnd.randrange(2, 5)):
                b.append("        <listitem>\n  " + para(pool, zh, n, [])
                         + "        </listitem>\n")
            b.append("      </itemizedlist>\n")
        if rnd.random() < 0.3:
            b.append('      <programlisting language="sh"><![CDATA['
                     "lantern --check --port=%d && echo \"<ok>\"]]>"
                     "</programlisting>\n" % rnd.randrange(9000))
        if rnd.random() < 0.25:
            b.append('      <table frame="all"><title>%s</title>\n'
                     '        <tgroup cols="2"><tbody>\n'
                     % esc(rnd.choice(pool)[:30]))
            for _ in range(rnd.randrange(2, 6)):
                b.append("          <row><entry><literal>%d</literal>"
                         "</entry><entry>%s</entry></row>\n"
                         % (rnd.randrange(65536), esc(rnd.choice(pool))))
            b.append("        </tbody></tgroup>\n      </table>\n")
        b.append("    </section>\n")
    b.append("  </chapter>\n")
    return "".join(b)


with open(out, "w", encoding="utf-8") as f:
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<book xmlns="http://docbook.org/ns/docbook"'
            ' xmlns:xlink="http://www.w3.org/1999/xlink" version="5.1">\n'
            "  <info><title>Lantern: the complete guide</title></info>\n")
    f.write(head)
    size, n = len(head.encode()), 0
    while size < want:
        c = chapter(n)
        f.write(c)
        size += len(c.encode())
        n += 1
    f.write("</book>\n")
EOF
