# SPDX-License-Identifier: GPL-3.0-or-later
# check-merged.py ORIGINAL MERGED EXPECT.json [OPTION]...: the merged JSON
# file parses (Python's json module), has the original's keys, order and
# structure, the expected text (from fill-targets.py) in each unit's
# value, and every other string unchanged.  Options:
#   PATH=VALUE   the string at key path PATH must be VALUE (a locale)
#   ASCII=1      the file must hold no byte beyond ASCII
#   RAW=TEXT     the file's bytes must contain TEXT (escapes as written)
# Key paths are named as the json filter names units.
import json, sys

def name_key(k):
    out = []
    for ch in k:
        if ord(ch) < 0x20:
            out.append('\\u%04x' % ord(ch))
        elif ch in '.[]\\':
            out.append('\\' + ch)
        else:
            out.append(ch)
    return ''.join(out)

def flatten(v, path, top, out, shape):
    if isinstance(v, Obj):
        shape.append('{')
        for k, x in v:
            shape.append(repr(k))
            p = name_key(k) if top else path + '.' + name_key(k)
            flatten(x, p, False, out, shape)
        shape.append('}')
    elif isinstance(v, list):
        shape.append('[')
        for i, x in enumerate(v):
            flatten(x, '%s[%d]' % (path, i), False, out, shape)
        shape.append(']')
    elif isinstance(v, str):
        shape.append('S')
        out[path] = v
    else:
        shape.append(repr(v))

class Obj(list):
    pass

def load(path, ascii_only=False):
    with open(path, 'rb') as f:
        raw = f.read()
    if raw.startswith(b'\xef\xbb\xbf'):
        raw = raw[3:]
    v = json.loads(raw.decode('utf-8'), object_pairs_hook=Obj)
    out, shape = {}, []
    flatten(v, '', True, out, shape)
    return raw, out, shape

orig_path, merged_path, exp_path = sys.argv[1:4]
changes = dict(a.split('=', 1) for a in sys.argv[4:]
               if not a.startswith('RAW='))
raws = [a[4:] for a in sys.argv[4:] if a.startswith('RAW=')]
ascii_file = changes.pop('ASCII', None)
_, orig, oshape = load(orig_path)
raw, merged, mshape = load(merged_path)
with open(exp_path, encoding='utf-8') as f:
    expect = json.load(f)
bad = 0
def fail(msg):
    global bad
    bad += 1
    print('FAIL:', msg)
if oshape != mshape:
    fail('the structure or keys changed')
for path, value in orig.items():
    got = merged.get(path)
    if path in expect:
        want = expect[path]
        if got.strip() != want.strip():
            fail('%s: %r, expected %r' % (path, got, want))
    elif path in changes:
        if got != changes[path]:
            fail('%s: %r, expected %r' % (path, got, changes[path]))
    elif got != value:
        fail('%s changed: %r -> %r' % (path, value, got))
missing = set(expect) - set(orig)
if missing:
    fail('units with no string: %s' % sorted(missing))
if ascii_file and any(b >= 0x80 for b in raw):
    fail('non-ASCII bytes in a file that escapes them')
for r in raws:
    if r.encode('utf-8') not in raw:
        fail('the file does not contain %r' % r)
print('%d values checked, %d units' % (len(orig), len(expect)))
sys.exit(1 if bad else 0)
