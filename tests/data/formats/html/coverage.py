# SPDX-License-Identifier: GPL-3.0-or-later
"""No text lost: a cross-check of the html filter against libxml2's HTML
parser (through lxml.html, which reads with network access off).

  coverage.py PAGE.html EXTRACTED.xlf [ENCODING]

Every text node libxml2 finds in PAGE.html that has a letter or a digit
must be inside the text of a unit of EXTRACTED.xlf (XLIFF 2, from bitext
extract), whitespace collapsed, references decoded (a reference is a code
whose disp is its character), unless it is text the filter must not
translate: in script, style, template, svg, math, a comment, or an element
with translate="no" or class="notranslate".  Exit 1 with the text nodes
not found on stderr.
"""
import re
import sys

from lxml import etree
import lxml.html

NS = "urn:oasis:names:tc:xliff:document:2.0"
SKIP = {"script", "style", "template", "svg", "math", "noscript"}


def unit_text(el):
    """Text of a <source>: codes that are references show their character."""
    out = [el.text or ""]
    for c in el:
        name = etree.QName(c).localname
        if name == "pc":
            out.append(unit_text(c))
        elif name == "ph" and (c.get("disp") or "") and \
                not (c.get("disp") or "").startswith("<"):
            out.append(c.get("disp"))
        out.append(c.tail or "")
    return "".join(out)


def c1(m):
    """&#150; is U+2013 in HTML (windows-1252), not the control U+0096."""
    return bytes([ord(m.group(0))]).decode("cp1252", "replace")


def norm(t):
    t = re.sub("[\u0080-\u009f]", c1, t)
    return re.sub(r"[\s\u00a0]+", " ", t).strip()


def untranslated(el):
    while el is not None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.split("}")[-1].lower()
        if tag in SKIP:
            return True
        if (el.get("translate") or "").lower() == "no":
            return True
        if "notranslate" in (el.get("class") or "").split():
            return True
        el = el.getparent()
    return False


def main(page, xlf, encoding="utf-8"):
    tree = etree.parse(xlf)
    units = []
    for unit in tree.iter("{%s}unit" % NS):
        text = []
        for part in unit:
            src = part.find("{%s}source" % NS)
            if src is not None:
                text.append(unit_text(src))
        units.append(norm("".join(text)))
    everything = " | ".join(units)
    text = open(page, "rb").read().decode(encoding)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)   # lxml wants no declaration
    doc = lxml.html.document_fromstring(text)
    missing = []
    n = 0
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue        # comments, processing instructions
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            t = norm(text or "")
            if not any(ch.isalnum() for ch in t) or owner is None:
                continue
            if untranslated(owner):
                continue
            n += 1
            if t not in everything:
                missing.append(t)
    for t in missing[:10]:
        print("not in any unit: %r" % t, file=sys.stderr)
    print("%s: %d text nodes, %d not in a unit" % (page, n, len(missing)))
    return 1 if missing or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
