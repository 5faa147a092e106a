#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translator's side of a full cycle, for the Markdown filter's tests.

  xliff-cycle.py fill IN.xlf OUT.xlf EXPECT.json
      Gives every segment of an XLIFF 2.1 file a target: a copy of its
      source whose text is changed (each word spelt backwards) and whose
      first and last inline codes trade places (a <pc> moves with its
      content).  Writes, for each unit in order, the original data of its
      codes in the translator's order to EXPECT.json.

  xliff-cycle.py check XLF EXPECT.json
      Reads the XLIFF 2.1 extracted again from the merged document and
      checks that it has as many units as before and that each unit holds
      each code once, in the translator's order.  Exit status 1 if not.
"""
import copy
import json
import re
import sys

from lxml import etree

NS = "urn:oasis:names:tc:xliff:document:2.0"
Q = "{%s}" % NS
CODES = (Q + "pc", Q + "ph", Q + "sc", Q + "ec")


def local(el):
    return etree.QName(el).localname


def data_map(unit):
    return {d.get("id"): d.text or "" for d in unit.iter(Q + "data")}


def codes_in(el, data, out):
    """Appends the original data of the codes under el, in order."""
    for child in el:
        name = local(child)
        if name == "pc":
            out.append(data.get(child.get("dataRefStart"), ""))
            codes_in(child, data, out)
            out.append(data.get(child.get("dataRefEnd"), ""))
        elif name in ("ph", "sc", "ec"):
            out.append(data.get(child.get("dataRef"), ""))


def unit_codes(unit, part):
    """Codes of a unit, segments read from part ('target' or 'source')."""
    data = data_map(unit)
    out = []
    for piece in unit:
        if local(piece) not in ("segment", "ignorable"):
            continue
        el = piece.find(Q + part) if local(piece) == "segment" else None
        if el is None:
            el = piece.find(Q + "source")
        codes_in(el, data, out)
    return out


def change_text(el):
    """Spells every word of el's own text and children's tails
    backwards."""
    flip = lambda s: re.sub(r"\w+", lambda m: m.group(0)[::-1], s)
    if el.text:
        el.text = flip(el.text)
    for child in el:
        change_text(child)
        if child.tail:
            child.tail = flip(child.tail)


def movable(el, data):
    """Codes that may move anywhere: not a line break (its place in the
    line matters) nor a half of a pair split over segments."""
    if local(el) not in ("pc", "ph") or el.get("disp") == "\u21b5":
        return False
    first = data.get(el.get("dataRef") or el.get("dataRefStart"), "")
    return not first.startswith("_")


def swap_codes(target, data):
    """Swaps the first and last movable top-level codes; the text around
    them stays where it is.  Returns whether anything moved."""
    kids = [c for c in target if movable(c, data)]
    if len(kids) < 2:
        return False
    a, b = kids[0], kids[-1]
    # An image's "!" or a link's "[" must not land after a "!".
    for el, other in ((a, b), (b, a)):
        prev = other.getprevious()
        before = prev.tail if prev is not None else target.text
        if (before or "").endswith("!"):
            return False
    pa, pb = a.getparent(), b.getparent()
    ia, ib = pa.index(a), pb.index(b)
    ta, tb = a.tail, b.tail
    pa.remove(a)
    pb.remove(b)
    a.tail, b.tail = tb, ta
    target.insert(ia, b)
    target.insert(ib, a)
    return True


def fill(src, dst, expect):
    tree = etree.parse(src)
    expected, moved = [], 0
    for unit in tree.iter(Q + "unit"):
        data = data_map(unit)
        for seg in unit.iter(Q + "segment"):
            source = seg.find(Q + "source")
            target = copy.deepcopy(source)
            target.tag = Q + "target"
            change_text(target)
            moved += swap_codes(target, data)
            source.addnext(target)
            seg.set("state", "translated")
        expected.append(unit_codes(unit, "target"))
    tree.write(dst, xml_declaration=True, encoding="UTF-8")
    with open(expect, "w", encoding="utf-8") as f:
        json.dump({"units": expected, "moved": moved}, f,
                  ensure_ascii=False, indent=1)
    print("units %d, segments with moved codes %d" % (len(expected), moved))


def check(xlf, expect):
    with open(expect, encoding="utf-8") as f:
        want = json.load(f)["units"]
    got = [unit_codes(u, "source")
           for u in etree.parse(xlf).iter(Q + "unit")]
    bad = 0
    if len(got) != len(want):
        print("units: %d after merge, %d before" % (len(got), len(want)))
        bad += 1
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            print("unit %d: codes %r, expected %r" % (i + 1, g, w))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "fill":
        fill(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
