#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Interop of the html filter with a real CAT tool: OmegaT 3.6, run headless
# by shared/tools/omegat-roundtrip.sh on the XLIFF 1.2 of a UDHR page with
# inline codes (links, emphasis, &nbsp;, a <br>).
#  1. OmegaT translates our XLIFF 1.2 (--copy-source) from a TMX we wrote;
#     merging what it wrote gives a page that parses, in French, with every
#     inline element of the source once.
#  2. OmegaT reads and writes back translated targets whose codes a
#     translator moved (the XLIFF 1.2 passed through as it is, -r); merging
#     gives each segment with its codes in the translator's order.
# Skips when OmegaT, the shared tools or python3-lxml are absent.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/data/formats/html/html-lib.sh"

script="$shared/tools/omegat-roundtrip.sh"
[ -f "$script" ] || skip "shared/tools/omegat-roundtrip.sh not present"
[ -f /usr/share/omegat/OmegaT.jar ] || skip "OmegaT not installed"
have_lxml || skip "python3-lxml not installed (for $PY)"
[ -f "$top_srcdir/corpora/udhr/eng.html" ] || skip "no UDHR in corpora/udhr"

# The English UDHR with the inline markup an edited page has.
"$PY" - "$top_srcdir/corpora/udhr/eng.html" "$work/eng.html" <<'PY' ||
import sys
src = open(sys.argv[1], encoding="utf-8").read()
for old, new in [
    ("Universal Declaration of Human Rights</h1>",
     "<em>Universal Declaration</em> of Human&nbsp;Rights</h1>"),
    ("the Charter reaffirmed",
     'the <a href="https://www.un.org/en/about-us/un-charter">Charter</a> reaffirmed'),
    ("All human beings are born free and equal",
     "All human beings are born <strong>free and equal</strong>"),
    ("the right to life, liberty", "the right to <b>life</b>, <i>liberty</i>"),
    ("No one shall be held in slavery or servitude;",
     "No one shall be held in slavery or servitude;<br>"),
    ("Everyone has the right to a nationality.",
     'Everyone has the right to a nationality&nbsp;(<a href="#art15">Article&nbsp;15</a>).'),
]:
    assert old in src, old
    src = src.replace(old, new, 1)
open(sys.argv[2], "w", encoding="utf-8").write(src)
PY
	fail "making eng.html"

# 1. Pre-translation from a TMX.
run_bitext extract --xliff 1.2 -s en -t fr --copy-source \
	-o "$work/eng.xlf" "$work/eng.html"
expect_status 0
run_bitext extract -s en -t fr -o "$work/eng21.xlf" "$work/eng.html"
expect_status 0
"$PY" "$hdata/cycle.py" translate "$work/eng21.xlf" "$work/fr21.xlf" ||
	fail "cycle.py translate"
run_bitext convert --to tmx -o "$work/fr.tmx" "$work/fr21.xlf"
expect_status 0
checks=$((checks + 1))
if ! bash "$script" -q -o "$work/omegat" "$work/eng.xlf" "$work/fr.tmx" \
	>"$work/omegat.path" 2>"$work/omegat.err"; then
	fail "OmegaT failed: $(tail -3 "$work/omegat.err")"
	finish
fi
run_bitext merge -o "$work/fr.html" "$(cat "$work/omegat.path")"
expect_status 0
checks=$((checks + 1))
"$PY" - "$work/eng.html" "$work/fr.html" <<'PY' || fail "OmegaT's page"
import sys
from collections import Counter
from html.parser import HTMLParser
import lxml.html
class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = Counter()
    def handle_starttag(self, tag, attrs):
        # Each element once, with its attributes (but the lang of <html>).
        self.tags[(tag, tuple(attrs) if tag != "html" else ())] += 1
    def handle_endtag(self, tag):
        self.tags["/" + tag] += 1
def tags(path):
    p = Tags()
    p.feed(open(path, encoding="utf-8").read())
    return p.tags
ok = True
doc = lxml.html.document_fromstring(open(sys.argv[2], "rb").read())
if doc.get("lang") != "fr":
    print("FAIL: lang is %r" % doc.get("lang"), file=sys.stderr); ok = False
if tags(sys.argv[1]) != tags(sys.argv[2]):
    print("FAIL: the tags differ", file=sys.stderr); ok = False
text = doc.text_content()
if "FR: aRTICLE 30" not in text:
    print("FAIL: OmegaT translated nothing", file=sys.stderr); ok = False
sys.exit(0 if ok else 1)
PY

# 2. Translated targets with moved codes, through OmegaT as they are.
run_bitext convert --to xliff1.2 -o "$work/fr12.xlf" "$work/fr21.xlf"
expect_status 0
checks=$((checks + 1))
if ! bash "$script" -q -r -o "$work/omegat-raw" "$work/fr12.xlf" \
	"$work/fr.tmx" >"$work/omegat-raw.path" 2>"$work/omegat-raw.err"; then
	fail "OmegaT failed: $(tail -3 "$work/omegat-raw.err")"
	finish
fi
run_bitext merge --missing fail -o "$work/fr-moved.html" \
	"$(cat "$work/omegat-raw.path")"
expect_status 0
checks=$((checks + 1))
"$PY" "$hdata/cycle.py" check "$work/eng.html" "$work/fr-moved.html" \
	"$work/fr21.xlf" fr || fail "the codes did not survive OmegaT"
finish
