#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A translator, and a check of what merge made of the work, for the po
filter's tests (tests/cli/t606*-po-*.sh).

  po-cycle.py fill IN.xlf OUT.xlf EXPECT.json
      Gives every segment of an XLIFF 2.x file a target: its source with
      the words replaced (CJK characters, so lines wrap as Chinese does)
      and the placeholders (<ph>) moved: reversed where the format allows
      it (positional, named, brace and Qt placeholders, or identical
      ones), else the first one moved to the start of the target, so that
      msgfmt -c still accepts the C format string.  A fuzzy message
      (state initial) comes back "translated"; of the others, every
      third is left "initial" (fuzzy in PO), the rest "translated".
      EXPECT.json: for each message (msgctxt, source, plural form) the
      msgstr merge must write and whether it must be fuzzy.

  po-cycle.py set IN.xlf OUT.xlf EDITS.tsv
      Sets or removes targets: each line of EDITS.tsv is SOURCE, TAB,
      STATE, TAB, TARGET [, TAB, NAME], with \\n \\t \\\\ escaped; every
      unit whose source is SOURCE (and whose name is NAME, if given) gets
      TARGET (plain text: for one-segment units without placeholders) in
      STATE, or loses its target when TARGET is "-".

  po-cycle.py check MERGED.po EXPECT.json
      Reads MERGED.po with a small PO parser and checks each expectation:
      the msgstr text (so each placeholder is there once, in the
      translator's order) and the fuzzy flag.  Exit status 1 on a
      difference.
"""
import copy
import json
import re
import sys

from lxml import etree

NS = "urn:oasis:names:tc:xliff:document:2.0"
Q = "{%s}" % NS
PLURAL = re.compile(r"^(?:(.*) )?msgid_plural\[(\d+)\]$")


# What looks like a placeholder keeps its letters, in case the filter left
# it as text (a msgstr with "%2$s" for the msgid's "%s").
KEEP = re.compile(r"(%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[hlqjzt]*[a-zA-Z%]"
                  r"|%\([a-z_]+\)[a-z]|\{[^{}]*\})")


def words_to_cjk(text):
    if not text:
        return text
    return "".join(piece if KEEP.fullmatch(piece) else
                   re.sub(r"[A-Za-z]+",
                          lambda m: "译文字"[: min(3, len(m.group()))], piece)
                   for piece in KEEP.split(text))


def data_of(unit):
    od = unit.find(Q + "originalData")
    return {} if od is None else {d.get("id"): d.text or ""
                                  for d in od.findall(Q + "data")}


def reorderable(datas):
    return len(set(datas)) <= 1 or all(
        "$" in d or d.startswith(("{", "%(", "%{")) or re.match(r"%L?\d", d)
        for d in datas)


def move_codes(target, data):
    phs = target.findall(Q + "ph")
    if len(phs) >= 2 and reorderable([data[p.get("dataRef")] for p in phs]):
        attrs = [dict(p.attrib) for p in phs]
        for p, a in zip(phs, reversed(attrs)):
            p.attrib.clear()
            p.attrib.update(a)
    elif phs and (target.text or "") != "":
        first = phs[0]
        prev = first.getprevious()
        tail = first.tail or ""
        if prev is None:
            target.text = (target.text or "") + tail
        else:
            prev.tail = (prev.tail or "") + tail
        target.remove(first)
        first.tail = target.text
        target.text = ""
        target.insert(0, first)


def render(elem, data):
    out = elem.text or ""
    for child in elem:
        if child.tag == Q + "ph":
            out += data[child.get("dataRef")]
        else:
            out += render(child, data)
        out += child.tail or ""
    return out


def fill(src, dst, expect_path):
    tree = etree.parse(src)
    lang = (tree.getroot().get("trgLang") or "").lower()
    unspaced = re.match(r"(zh|ja|th|lo|km|my|bo|yue)\b", lang) is not None
    expect = []
    for n, unit in enumerate(tree.iter(Q + "unit")):
        data = data_of(unit)
        # A fuzzy message comes back translated; every third other one
        # becomes fuzzy.
        was_fuzzy = any(seg.get("state") == "initial"
                        and seg.find(Q + "target") is not None
                        for seg in unit.iter(Q + "segment"))
        initial = n % 3 == 2 and not was_fuzzy
        parts = [p for p in unit if p.tag in (Q + "segment",
                                               Q + "ignorable")]
        source_text, target_text = "", ""
        for k, part in enumerate(parts):
            source = part.find(Q + "source")
            source_text += render(source, data)
            if part.tag == Q + "ignorable":
                # Between two translated sentences, Chinese wants no space.
                between = 0 < k < len(parts) - 1
                if not (unspaced and between
                        and not (source.text or "").strip(" ")):
                    target_text += source.text or ""
                continue
            old = part.find(Q + "target")
            if old is not None:
                part.remove(old)
            target = etree.SubElement(part, Q + "target")
            target.text = source.text
            for child in source:
                target.append(copy.deepcopy(child))
            target.text = words_to_cjk(target.text)
            for child in target:
                child.tail = words_to_cjk(child.tail)
            move_codes(target, data)
            target.tail = source.tail
            part.set("state", "initial" if initial else "translated")
            target_text += render(target, data)
        name = unit.get("name")
        m = PLURAL.match(name or "")
        expect.append({"ctxt": m.group(1) if m else name,
                       "form": int(m.group(2)) if m else -1,
                       "source": source_text, "msgstr": target_text,
                       "fuzzy": initial})
    tree.write(dst, xml_declaration=True, encoding="UTF-8")
    with open(expect_path, "w", encoding="utf-8") as f:
        json.dump(expect, f, ensure_ascii=False, indent=1)


def unescape_tsv(s):
    return re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t"}.get(
        e.group(1), e.group(1)), s)


def set_targets(src, dst, edits_path):
    tree = etree.parse(src)
    edits = [[unescape_tsv(f) for f in line.rstrip("\n").split("\t")]
             for line in open(edits_path, encoding="utf-8") if line.strip()]
    used = set()
    for unit in tree.iter(Q + "unit"):
        segs = unit.findall(Q + "segment")
        source = "".join(render(p.find(Q + "source"), data_of(unit))
                         for p in unit if p.tag in (Q + "segment",
                                                    Q + "ignorable"))
        for k, e in enumerate(edits):
            if e[0] != source or (len(e) > 3 and e[3] != unit.get("name")):
                continue
            used.add(k)
            if len(segs) != 1:
                sys.exit("%r has %d segments" % (source, len(segs)))
            old = segs[0].find(Q + "target")
            if old is not None:
                segs[0].remove(old)
            if e[2] == "-":
                segs[0].attrib.pop("state", None)
                continue
            etree.SubElement(segs[0], Q + "target").text = e[2]
            segs[0].set("state", e[1])
    missing = [e[0] for k, e in enumerate(edits) if k not in used]
    if missing:
        sys.exit("no unit for %r" % missing)
    tree.write(dst, xml_declaration=True, encoding="UTF-8")


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
           "v": "\v", "\\": "\\", '"': '"'}


def parse_po(path):
    """The messages of a PO file whose entries are separated by blank
    lines, obsolete ones left out."""
    messages = []
    for entry in re.split(r"\n\s*\n", open(path, encoding="utf-8").read()):
        m, key = {"flags": set()}, None
        for line in entry.split("\n"):
            if line.startswith("#,"):
                m["flags"] |= {f.strip() for f in line[2:].split(",")}
            if not line.startswith('"') and not line.startswith("msg"):
                continue
            k = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)'
                         r'\s+(".*)$', line)
            if k:
                key, line = k.group(1), k.group(2)
            text = re.match(r'^"(.*)"$', line).group(1)
            value = re.sub(r'\\(.)', lambda e: ESCAPES[e.group(1)], text)
            m[key] = m.get(key, "") + value
        if "msgid" in m:
            messages.append(m)
    return messages


def check(merged, expect_path):
    messages = parse_po(merged)
    expect = json.load(open(expect_path, encoding="utf-8"))
    failures = 0
    fuzzy = {}	# message index -> whether one of its forms is initial
    for e in expect:
        form = "msgstr" if e["form"] < 0 else "msgstr[%d]" % e["form"]
        found = [i for i, m in enumerate(messages)
                 if m.get("msgctxt") == e["ctxt"]
                 and e["source"] in (m.get("msgid"), m.get("msgid_plural"))
                 and form in m]
        if len(found) != 1:
            print("FAIL: %d messages for %r" % (len(found), e["source"]))
            failures += 1
            continue
        m = messages[found[0]]
        if m[form] != e["msgstr"]:
            print("FAIL: %s of %r is %r, expected %r"
                  % (form, e["source"], m[form], e["msgstr"]))
            failures += 1
        fuzzy[found[0]] = fuzzy.get(found[0], False) or e["fuzzy"]
    for i, want in fuzzy.items():
        if ("fuzzy" in messages[i]["flags"]) != want:
            print("FAIL: %r is%s fuzzy" % (messages[i]["msgid"],
                                         "" if want else " not"))
            failures += 1
    print("%d expectations, %d failures" % (len(expect), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["fill"] and len(sys.argv) == 5:
        fill(*sys.argv[2:])
    elif sys.argv[1:2] == ["set"] and len(sys.argv) == 5:
        set_targets(*sys.argv[2:])
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 4:
        sys.exit(check(*sys.argv[2:]))
    else:
        sys.exit("usage: po-cycle.py fill IN.xlf OUT.xlf EXPECT.json | "
                 "set IN.xlf OUT.xlf EDITS.tsv | check MERGED.po EXPECT.json")
