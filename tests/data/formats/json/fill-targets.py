# SPDX-License-Identifier: GPL-3.0-or-later
# fill-targets.py IN.xlf OUT.xlf EXPECT.json: gives every segment of an
# XLIFF 2.x file a target as a translator would: text changed (upper case;
# the first text of each unit also gets a quote, a backslash, a slash, a
# line break and non-ASCII guillemets, which JSON must escape), inline
# codes moved (the first to the end; of the others, the last two swap).
# Writes OUT.xlf, and EXPECT.json: for each unit name, the string that
# merge must write for it, the codes' original data decoded as JSON.
import json, sys
from lxml import etree

NS = 'urn:oasis:names:tc:xliff:document:2.0'
X = '{%s}' % NS
CODES = ('ph', 'pc', 'sc', 'ec')

def tokens(el):
    """The mixed content of el: ('t', text) and ('e', element)."""
    out = []
    if el.text:
        out.append(('t', el.text))
    for c in el:
        out.append(('e', c))
        if c.tail:
            out.append(('t', c.tail))
    return out

def translate(text, n):
    # Text that needs escaping in JSON: quote, backslash, a line break.
    if n == 0:
        return '«' + text.upper() + ' "q" \\ b/\nz»'
    return text.upper()

def build(parent, toks, counter):
    """Appends toks under parent, text translated, elements copied."""
    last = None
    for kind, v in toks:
        if kind == 't':
            t = translate(v, counter[0])
            counter[0] += 1
            if last is None:
                parent.text = (parent.text or '') + t
            else:
                last.tail = (last.tail or '') + t
        else:
            e = etree.SubElement(parent, v.tag, dict(v.attrib))
            build(e, tokens(v), counter)
            last = e

def move_codes(toks):
    """The translator's order: the first code goes to the end, and the
    last two codes (if more than two) swap places."""
    els = [i for i, (k, _) in enumerate(toks) if k == 'e']
    if not els:
        return toks
    toks = list(toks)
    first = toks.pop(els[0])
    toks.append(first)
    els = [i for i, (k, _) in enumerate(toks) if k == 'e']
    if len(els) > 2:
        a, b = els[-3], els[-2]
        toks[a], toks[b] = toks[b], toks[a]
    return toks

def render(el, data):
    """What merge should write for target content el (decoded JSON)."""
    out = [el.text or '']
    for c in el:
        name = etree.QName(c).localname
        if name == 'ph':
            out.append(data[c.get('dataRef')])
        elif name == 'pc':
            out.append(data[c.get('dataRefStart')])
            out.append(render(c, data))
            out.append(data[c.get('dataRefEnd')])
        elif name in ('sc', 'ec'):
            out.append(data[c.get('dataRef')])
        elif name == 'cp':
            out.append(chr(int(c.get('hex'), 16)))
        out.append(c.tail or '')
    return ''.join(out)

src, dst, exp = sys.argv[1:4]
tree = etree.parse(src)
lang = tree.getroot().get('trgLang') or ''
spaced = lang.split('-')[0].lower() not in ('zh', 'ja', 'th', 'lo', 'km',
                                            'my', 'bo', 'yue')
expect = {}
for unit in tree.iter(X + 'unit'):
    data = {}
    for d in unit.iter(X + 'data'):
        raw = d.text or ''
        for cp in d:
            raw += chr(int(cp.get('hex'), 16)) + (cp.tail or '')
        data[d.get('id')] = json.loads('"' + raw + '"')
    value = []
    counter = [0]
    gap = None      # the source's spaces since the last segment
    for part in unit:
        tag = etree.QName(part).localname
        if tag not in ('segment', 'ignorable'):
            continue
        source = part.find(X + 'source')
        if tag == 'ignorable':
            gap = (gap or '') + render(source, data)
            continue
        target = etree.SubElement(part, X + 'target')
        build(target, move_codes(tokens(source)), counter)
        part.set('state', 'translated')
        text = render(target, data)
        # Between two translated sentences, merge puts one space where
        # the target language wants one (and the source had only spaces).
        if gap is not None and (gap.strip(' ') or not value):
            value.append(gap)
        elif value and spaced and not value[-1].endswith(' ') \
                and not text.startswith(' '):
            value.append(' ')
        value.append(text)
        gap = ''
    if gap:
        value.append(gap)
    expect[unit.get('name')] = ''.join(value)
tree.write(dst, xml_declaration=True, encoding='UTF-8')
with open(exp, 'w', encoding='utf-8') as f:
    json.dump(expect, f, ensure_ascii=False, indent=1)
