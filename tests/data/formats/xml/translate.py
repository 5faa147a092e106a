#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A translator, for the xml filter's full-cycle tests (needs lxml).

  translate.py fill IN.xlf OUT.xlf
      Gives every segment of an XLIFF 2.x file a target: its source with
      the text changed (upper case, a prefix, and characters XML must
      escape: & < " ') and the inline codes moved: the first two <ph> of
      a target swap places, and the first <pc> goes to the end.

  translate.py compare TRANSLATED.xlf REEXTRACTED.xlf
      Checks that extracting the merged document again gives, unit by
      unit (matched by name), the translator's targets: the same text, the
      same codes in the same order (each once).  Attribute values inside a code's data
      are not compared (they are translated units of their own).
"""
import re
import sys

from lxml import etree

NS = "urn:oasis:names:tc:xliff:document:2.0"
X = "{%s}" % NS
CODES = ("ph", "pc", "sc", "ec")


def local(el):
    return etree.QName(el).localname


def change_text(s, first, last):
    if s is None:
        return s
    out = s.upper()
    if first:
        lead = len(out) - len(out.lstrip())
        out = out[:lead] + "«FR» " + out[lead:]
    if last:
        trail = len(out) - len(out.rstrip())
        out = out[:len(out) - trail] + " & <x> \"q\" 'a'" \
            + out[len(out) - trail:]
    return out


def detach(el):
    """Removes el from its parent, its tail staying where it was."""
    parent = el.getparent()
    prev = el.getprevious()
    tail = el.tail or ""
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    el.tail = None
    parent.remove(el)


def move_codes(target):
    phs = [c for c in target if local(c) == "ph"]
    if len(phs) >= 2:
        a, b = phs[0], phs[1]
        ma, mb = etree.Element("mark"), etree.Element("mark")
        a.addprevious(ma)
        b.addprevious(mb)
        detach(a)
        detach(b)
        ma.addnext(b)
        mb.addnext(a)
        detach(ma)
        detach(mb)
    pcs = [c for c in target if local(c) == "pc"]
    if pcs and len(target) > 1:
        pc = pcs[0]
        detach(pc)
        target.append(pc)


def texts(el):
    """Every text slot of el and its descendants, in document order."""
    slots = [(el, "text")]
    for c in el.iterdescendants():
        slots.append((c, "text"))
        slots.append((c, "tail"))
    return [(e, w) for (e, w) in slots if (getattr(e, w) or "").strip()]


def fill(src, dst):
    tree = etree.parse(src)
    root = tree.getroot()
    for seg in root.iter(X + "segment"):
        source = seg.find(X + "source")
        old = seg.find(X + "target")
        if old is not None:
            seg.remove(old)
        target = etree.fromstring(etree.tostring(source))
        target.tag = X + "target"
        target.tail = source.tail
        slots = texts(target)
        for i, (e, w) in enumerate(slots):
            setattr(e, w, change_text(getattr(e, w), i == 0,
                                      i == len(slots) - 1))
        move_codes(target)
        source.addnext(target)
        seg.set("state", "translated")
    root.set("trgLang", "fr")
    tree.write(dst, xml_declaration=True, encoding="UTF-8")


def data_of(unit):
    od = unit.find(X + "originalData")
    if od is None:
        return {}
    return {d.get("id"): (d.text or "") for d in od}


def flatten(el, data, out):
    """Tokens of a <source> or <target>: text, and ("code", data)."""
    def text(s):
        if s:
            if out and isinstance(out[-1], str):
                out[-1] += s
            else:
                out.append(s)
    text(el.text)
    for c in el:
        name = local(c)
        if name == "pc":
            out.append(("code", data.get(c.get("dataRefStart"), "")))
            flatten(c, data, out)
            out.append(("code", data.get(c.get("dataRefEnd"), "")))
        elif name in CODES:
            out.append(("code", data.get(c.get("dataRef"), "")))
        text(c.tail)


def unit_tokens(unit, use_target):
    data = data_of(unit)
    out = []
    for part in unit:
        if local(part) not in ("segment", "ignorable"):
            continue
        el = part.find(X + "target") if use_target else None
        if el is None:
            el = part.find(X + "source")
        flatten(el, data, out)
    norm = []
    for t in out:
        if isinstance(t, tuple):
            norm.append(("code", re.sub(r'="[^"]*"', '=""', t[1])))
        else:
            norm.append(t)
    # Merge adapts the space between sentences to the target language:
    # compare without white space.
    return [("".join(t.split()) if isinstance(t, str) else t)
            for t in norm]


def compare(translated, again):
    """Each translated unit must have its match (same name, same tokens)
    among the units extracted again; moving a nested element or an
    inline element with a translatable attribute moves its units, so
    their order is not compared."""
    ua = list(etree.parse(translated).getroot().iter(X + "unit"))
    ub = list(etree.parse(again).getroot().iter(X + "unit"))
    if len(ua) != len(ub):
        print("unit count: %d translated, %d extracted again"
              % (len(ua), len(ub)))
        return 1
    left = [(y.get("name"), unit_tokens(y, False)) for y in ub]
    bad = 0
    for x in ua:
        want = (x.get("name"), unit_tokens(x, True))
        if want in left:
            left.remove(want)
            continue
        bad += 1
        same = [t for (n, t) in left if n == want[0]]
        print("unit %s (%s):\n  want %r\n  got  %r"
              % (x.get("id"), want[0], want[1], same[:1]))
    return 1 if bad else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(sys.argv[2], sys.argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
