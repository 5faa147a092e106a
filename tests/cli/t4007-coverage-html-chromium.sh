#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The HTML coverage report, opened in headless Chromium at a desktop and a
# phone width: the screenshot is not blank, and shows the state colours of
# the bars.  Skipped when chromium (Debian package chromium) or python3 is
# absent.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

chromium=$(command -v chromium || command -v chromium-browser) ||
	skip "chromium is not installed (Debian package chromium)"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

run_bitext coverage -f html -o "$work/report.html" "$data/xliff21-states.xlf" \
	"$data/xliff12-states.xlf" "$data/po-states.po" "$data/aligned.tmx"
expect_status 0

# shot WIDTH HEIGHT PNG: a screenshot of the report.
shot() {
	profile=$(mktemp -d "$work/profile.XXXXXX")
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --screenshot="$3" \
		--window-size="$1,$2" "file://$work/report.html" \
		>"$work/chromium.log" 2>&1
	rm -rf "$profile"
}

for size in 800x1000 390x844; do
	png="$work/shot-$size.png"
	shot "${size%x*}" "${size#*x}" "$png"
	checks=$((checks + 1))
	if [ ! -s "$png" ]; then
		fail "chromium made no screenshot at $size"
		tail -5 "$work/chromium.log"
		continue
	fi
	# Decode the PNG (8-bit RGB or RGBA, not interlaced: what Chromium
	# writes), count its colours, and look for the bars' state colours.
	checks=$((checks + 1))
	python3 - "$png" <<'PY' || fail "the screenshot at $size looks wrong"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, hdr = 8, b"", None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        hdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
w, h, depth, ctype, _, _, interlace = hdr
assert depth == 8 and ctype in (2, 6) and interlace == 0, hdr
bpp = 3 if ctype == 2 else 4
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours = {}
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1:
            line[i] = (line[i] + a) & 255
        elif f == 2:
            line[i] = (line[i] + b) & 255
        elif f == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + pr) & 255
    for x in range(0, stride, bpp):
        rgb = bytes(line[x:x + 3])
        colours[rgb] = colours.get(rgb, 0) + 1
    prev = line
print("%dx%d, %d colours" % (w, h, len(colours)))
assert len(colours) > 1, "blank"
# untranslated, needs review, translated, reviewed, final (html.c)
for hexc in ("cf222e", "d4a72c", "3b82f6", "8250df", "1a7f37"):
    rgb = bytes.fromhex(hexc)
    assert colours.get(rgb, 0) > 50, "no bar in #" + hexc
PY
done
finish
