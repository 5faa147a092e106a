#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-po.sh OUT MB — write a realistic PO file of at least MB megabytes
# (1 MB = 1,048,576 bytes) for benchmarking the po filter.
#
# The messages are those of the po filter's test files (tests/data/formats/
# po/: bitext's own zh_CN catalogue and the Lumen app's, with their
# comments, references, c-format and qt-format flags, msgctxt, plurals,
# fuzzy entries and wrapped strings), repeated in numbered copies.  Each
# copy puts its messages in a context of its own ("m17" or "m17|menu"),
# so every message stays unique and msgfmt accepts the result, and moves
# its source references to a module folder of its own.  Every fifth copy
# drops the translations (an untranslated module); obsolete entries are
# left out.  One header, Plural-Forms nplurals=1.  The output depends only
# on the test files.  Needs POSIX sh and /usr/bin/python3 (standard
# library only).
set -u
me=make-po.sh
die () { printf '%s: %s\n' "$me" "$*" >&2; exit 2; }
test $# -eq 2 || die "usage: $me OUT MB"
here=$(cd "$(dirname "$0")" && pwd) || exit 2
data=${PO_DATA:-$here/../tests/data/formats/po}
test -f "$data/bitext.zh_CN.po" || die "no $data/bitext.zh_CN.po"
PYTHON=${PYTHON:-/usr/bin/python3}
test -x "$PYTHON" || PYTHON=python3

exec "$PYTHON" - "$1" "$2" "$data/bitext.zh_CN.po" "$data/app.zh_CN.po" <<'EOF'
import re
import sys

out, mb, sources = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
want = int(mb * 1048576)


def entries(path):
    """The entries of a PO file, as lists of lines, header first."""
    text = open(path, encoding="utf-8").read()
    return [e.split("\n") for e in re.split(r"\n\s*\n", text.strip("\n"))]


header = None
messages = []
for path in sources:
    first, *rest = entries(path)
    header = header or first
    messages += [e for e in rest if not any(l.startswith("#~") for l in e)]


def copy(e, n, untranslated):
    lines, seen_ctxt, in_msgstr = [], False, False
    for l in e:
        if l.startswith("#:"):
            l = re.sub(r"(\s)(src|data)/", r"\1\2/m%d/" % n, l)
        if l.startswith("msgctxt "):
            l = 'msgctxt "m%d|' % n + l[len('msgctxt "'):]
            seen_ctxt = True
        elif l.startswith("msgid ") and not seen_ctxt:
            lines.append('msgctxt "m%d"' % n)
        if l.startswith("msgstr"):
            in_msgstr = True
            if untranslated:
                lines.append(l.split(" ", 1)[0] + ' ""')
                continue
        elif in_msgstr and untranslated and l.startswith('"'):
            continue
        if untranslated and l.startswith("#,"):
            l = l.replace("fuzzy, ", "").replace("#, fuzzy", "#,")
            if l == "#,":
                continue
        lines.append(l)
    return "\n".join(lines) + "\n"


with open(out, "w", encoding="utf-8") as f:
    size = f.write("\n".join(header) + "\n")
    n = 0
    while size < want:
        n += 1
        for e in messages:
            size += len(("\n" + copy(e, n, n % 5 == 0)).encode("utf-8"))
            f.write("\n" + copy(e, n, n % 5 == 0))
EOF
