# SPDX-License-Identifier: GPL-3.0-or-later
# dump-units.py FILE.xlf: the units of an XLIFF 2.x file, one line each, as
# NAME <TAB> CONTENT, with inline codes shown as [ph TYPE DATA (DISP)],
# [pc TYPE DATA]...[/pc DATA], and each note on a line of its own; first
# the skeleton's settings line, if any.  For golden files of what the
# json filter extracts.
import base64, sys
from lxml import etree

NS = '{urn:oasis:names:tc:xliff:document:2.0}'

def show(el, data):
    out = [el.text or '']
    for c in el:
        tag = c.tag[len(NS):]
        typ = c.get('type', '-')
        if tag == 'ph':
            disp = ' (%s)' % c.get('disp') if c.get('disp') else ''
            out.append('[ph %s %s%s]' % (typ, data[c.get('dataRef')], disp))
        elif tag == 'pc':
            out.append('[pc %s %s]' % (typ, data[c.get('dataRefStart')]))
            out.append(show(c, data))
            out.append('[/pc %s]' % data[c.get('dataRefEnd')])
        elif tag in ('sc', 'ec'):
            out.append('[%s %s %s]' % (tag, typ, data[c.get('dataRef')]))
        elif tag == 'cp':
            out.append('[cp %s]' % c.get('hex'))
        out.append(c.tail or '')
    return ''.join(out)

tree = etree.parse(sys.argv[1])
skel = tree.find('.//' + NS + 'skeleton')
if skel is not None and skel.text:
    for line in base64.b64decode(skel.text).decode('utf-8').split('\n'):
        if line.startswith('settings '):
            print(line)
for unit in tree.iter(NS + 'unit'):
    data = {d.get('id'): d.text or '' for d in unit.iter(NS + 'data')}
    text = []
    for part in unit:
        if part.tag in (NS + 'segment', NS + 'ignorable'):
            text.append(show(part.find(NS + 'source'), data))
    print('%s\t%s' % (unit.get('name'), ''.join(text).replace('\n', '\\n')
                      .replace('\t', '\\t')))
    for note in unit.iter(NS + 'note'):
        print('\tnote %s: %s' % (note.get('category'), note.text))
