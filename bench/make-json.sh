#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-json.sh OUT MB — write a realistic nested i18n JSON file of at least MB
# megabytes (1 MB = 1,048,576 bytes) for benchmarking the json filter.
#
# One i18next-style object, two spaces of indentation, UTF-8, a final newline:
# numbered namespaces ("ns1", "ns2"...), each a copy of one of the json
# filter's sample files (tests/data/formats/json/: en.json, zh-CN.json,
# vue-ja.json, ngx-de.json, messages.fr.json's translations) with their
# nesting, arrays, plurals, interpolations ({{x}}, {x}, %d), $t() nesting,
# HTML and ICU plural/select; every copy also gets a "pages" array of
# articles whose titles and paragraphs are sentences of the corpora (the
# seed article in Chinese, the UDHR in English and Chinese), so the text
# varies from copy to copy.  Every seventh copy is written with \uXXXX
# escapes for non-ASCII (as Python's ensure_ascii does) inside an otherwise
# UTF-8 file, as merged files from several tools look.  The output depends
# only on its sources.  Needs POSIX sh and /usr/bin/python3 (standard
# library only).
set -u
me=make-json.sh
die () { printf '%s: %s\n' "$me" "$*" >&2; exit 2; }
test $# -eq 2 || die "usage: $me OUT MB"
case $2 in
  ''|*[!0-9.]*) die "MB must be a number, not '$2'" ;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
data=${JSON_DATA:-$here/../tests/data/formats/json}
corpora=${CORPORA:-$here/../corpora}
test -f "$data/en.json" || die "no $data/en.json"
test -d "$corpora" || die "no corpora folder $corpora (set CORPORA)"
PYTHON=${PYTHON:-/usr/bin/python3}
test -x "$PYTHON" || PYTHON=python3

exec "$PYTHON" - "$1" "$2" "$data" "$corpora" <<'EOF'
import html
import json
import os
import re
import sys

out, mb, data, corpora = sys.argv[1], float(sys.argv[2]), sys.argv[3], \
    sys.argv[4]
want = int(mb * 1048576)


def load(name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        return json.load(f)


templates = [load("en.json"), load("zh-CN.json"), load("vue-ja.json"),
             load("ngx-de.json"), load("messages.fr.json")["translations"]]


def sentences(path, pattern):
    """Sentences of a corpus file: the text of its paragraphs, split."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return []
    if path.endswith(".html"):
        text = "\n".join(html.unescape(re.sub(r"<[^>]+>", "", p))
                         for p in re.findall(r"<p[^>]*>(.*?)</p>", text,
                                             re.S))
    out = []
    for para in text.split("\n"):
        out += [s.strip() for s in re.findall(pattern, para) if s.strip()]
    return out


zh = sentences(os.path.join(corpora, "seed", "health-community.zh-CN.txt"),
               r"[^。！？]+[。！？]?")
zh += sentences(os.path.join(corpora, "udhr", "cmn_hans.html"),
                r"[^。！？]+[。！？]?")
en = sentences(os.path.join(corpora, "udhr", "eng.html"), r"[^.!?]+[.!?]?")
if not zh or not en:
    sys.exit("make-json.sh: no text found in the corpora")


def pages(n, pool):
    """Articles made of corpus sentences, with placeholders and markup."""
    result = []
    for p in range(4):
        k = (n * 7 + p * 13) % len(pool)
        body = [pool[(k + i) % len(pool)] for i in range(1, 6)]
        result.append({
            "title": pool[k][:60],
            "intro": "<strong>{{author}}</strong>: " + body[0],
            "body": " ".join(body[1:]),
            "readTime_one": "{{count}} minute",
            "readTime_other": "{{count}} minutes",
            "views": "{views, plural, one {# view} other {# views}}",
            "id": n * 10 + p,
            "draft": p == 3,
        })
    return result



def module(n):
    m = dict(templates[n % len(templates)])
    m["pages"] = pages(n, zh if n % 2 else en)
    return m


with open(out, "w", encoding="utf-8") as f:
    f.write("{\n")
    size, n = 2, 0
    while size < want:
        n += 1
        body = json.dumps(module(n), ensure_ascii=(n % 7 == 0), indent=2)
        chunk = '%s  "ns%d": %s' % (",\n" if n > 1 else "", n,
                                    body.replace("\n", "\n  "))
        f.write(chunk)
        size += len(chunk.encode("utf-8"))
    f.write("\n}\n")
EOF
