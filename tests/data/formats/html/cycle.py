# SPDX-License-Identifier: GPL-3.0-or-later
"""Full translation cycle of the html filter's tests, with lxml.

  cycle.py translate IN.xlf OUT.xlf
      Gives every segment of an XLIFF 2.x file a <target>: a copy of its
      <source> whose text is changed ("FR: " first, letters' case swapped)
      and whose last top-level inline code (<pc> or <ph>) is moved to the
      front, as a translator reorders a sentence.

  cycle.py check SRC.html OUT.html TRANSLATED.xlf LANG [xhtml|loose]
      Checks the merged OUT.html: it parses (lxml.html, and html.parser with
      the same start and end tags as SRC.html, each as many times: every
      inline element of the source appears once); each translated segment
      is in it as the translator ordered it, its text escaped and its codes
      as their original markup; the <html> lang is LANG.  With "xhtml",
      OUT.html must also be well-formed XML; with "loose", tags are not
      counted (html.parser knows no RCDATA: <textarea><b>...).

Exit status 0 when all holds, 1 with the failures on stderr.
"""
import copy
import html
import sys
from collections import Counter
from html.parser import HTMLParser

from lxml import etree
import lxml.html

NS = "urn:oasis:names:tc:xliff:document:2.0"
Q = lambda name: "{%s}%s" % (NS, name)
CODES = (Q("pc"), Q("ph"))


def change_text(el):
    """Swaps the case of all text below el (el's own text included)."""
    if el.text:
        el.text = el.text.swapcase()
    for child in el:
        change_text(child)
        if child.tail:
            child.tail = child.tail.swapcase()


def move_last_code_first(target):
    kids = [c for c in target if c.tag in CODES]
    if not kids:
        return
    el = kids[-1]
    tail = el.tail or ""
    el.tail = None
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        target.text = (target.text or "") + tail
    target.remove(el)
    rest = target.text or ""
    target.text = None
    target.insert(0, el)
    el.tail = " " + rest if rest and not rest.startswith(" ") else rest


def translate(src, dst):
    tree = etree.parse(src)
    for seg in tree.iter(Q("segment")):
        source = seg.find(Q("source"))
        for old in seg.findall(Q("target")):
            seg.remove(old)
        target = copy.deepcopy(source)
        target.tag = Q("target")
        target.tail = None
        change_text(target)
        move_last_code_first(target)
        target.text = "FR: " + (target.text or "")
        source.addnext(target)
    tree.write(dst, xml_declaration=True, encoding="UTF-8")


def render(el, data, attr):
    """The markup a target becomes: codes as their data, text escaped."""
    esc = (lambda t: html.escape(t, quote=True).replace("&#x27;", "'")) \
        if attr else (lambda t: html.escape(t, quote=False))
    out = [esc(el.text or "")]
    for c in el:
        if c.tag == Q("pc"):
            out.append(data[c.get("dataRefStart")])
            out.append(render(c, data, attr))
            out.append(data[c.get("dataRefEnd")])
        elif c.tag in (Q("ph"), Q("sc"), Q("ec")):
            out.append(data[c.get("dataRef")])
        out.append(esc(c.tail or ""))
    return "".join(out)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()

    def handle_starttag(self, tag, attrs):
        self.tags["<" + tag] += 1

    def handle_startendtag(self, tag, attrs):
        self.tags["<" + tag] += 1

    def handle_endtag(self, tag):
        self.tags["</" + tag] += 1


def tags_of(text):
    p = Tags()
    p.feed(text)
    p.close()
    return p.tags


def check(src_path, out_path, xlf, lang, mode=""):
    xhtml, loose = mode == "xhtml", mode == "loose"
    fails = []
    raw_src = open(src_path, "rb").read()
    raw_out = open(out_path, "rb").read()
    # The merged file is in the source's encoding: what the XLIFF says.
    tree = etree.parse(xlf)
    enc = "utf-8"
    skel = tree.find(".//" + Q("skeleton"))
    if skel is not None and skel.text:
        import base64
        try:
            head = base64.b64decode(skel.text.strip())[:400].decode("utf-8",
                                                                    "replace")
        except Exception:
            head = skel.text[:400]
        for line in head.splitlines():
            if line.startswith("encoding "):
                enc = line.split()[1]
                if enc.upper().startswith("WINDOWS-"):
                    enc = "cp" + enc[8:]
    src = raw_src.decode(enc)
    out = raw_out.decode(enc)
    try:
        doc = lxml.html.document_fromstring(raw_out)
    except Exception as e:  # noqa: BLE001
        fails.append("lxml.html cannot parse the output: %s" % e)
        doc = None
    if doc is not None and doc.get("lang") != lang:
        fails.append("<html lang> is %r, not %r" % (doc.get("lang"), lang))
    if xhtml:
        try:
            etree.fromstring(raw_out)
        except etree.XMLSyntaxError as e:
            fails.append("the XHTML output is not well-formed: %s" % e)
    t_src, t_out = tags_of(src), tags_of(out)
    if t_src != t_out and not loose:
        diff = (t_src - t_out) + (t_out - t_src)
        fails.append("start/end tags differ: %s" % dict(diff))
    values = set()
    if doc is not None:
        for el in doc.iter():
            if isinstance(el.tag, str):
                values.update(el.attrib.values())
    n_seg = n_codes = 0
    for unit in tree.iter(Q("unit")):
        data = {d.get("id"): "".join(d.itertext())
                for d in unit.iter(Q("data"))}
        attr = "/@" in (unit.get("name") or "")
        for d in data.values():
            if d.startswith("<") and src.count(d) != out.count(d) \
                    and not loose:
                fails.append("unit %s: %r is %d times in the output, %d in "
                             "the source" % (unit.get("id"), d,
                                             out.count(d), src.count(d)))
        for seg in unit.iter(Q("segment")):
            target = seg.find(Q("target"))
            if target is None:
                continue
            n_seg += 1
            n_codes += len([c for c in target.iter() if c.tag in CODES])
            want = render(target, data, attr)
            if attr:
                # The value as a parser reads it, however it was quoted.
                if not any(html.unescape(want) in v for v in values):
                    fails.append("unit %s: no attribute value holds %r"
                                 % (unit.get("id"), html.unescape(want)))
            elif want not in out:
                fails.append("unit %s: %r is not in the output"
                             % (unit.get("id"), want))
    if n_seg == 0:
        fails.append("no translated segment in %s" % xlf)
    for f in fails[:20]:
        print("FAIL: " + f, file=sys.stderr)
    print("%s: %d segments, %d codes checked" % (out_path, n_seg, n_codes))
    return 1 if fails else 0


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "translate":
        translate(sys.argv[2], sys.argv[3])
        sys.exit(0)
    if len(sys.argv) >= 6 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5],
                       sys.argv[6] if len(sys.argv) > 6 else ""))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
