#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile XML given to bitext validate (tests/data/xml-attacks, and files
# made here): an XXE file and a billion-laughs file are refused before any
# entity is expanded; a DOCTYPE or an entity pointing at the network is
# never fetched.  A listener on the loopback interface proves it: it would
# see the connection.  Where it can, the test also runs without any
# network (unshare -n).
. "$top_srcdir/tests/cli/lib.sh"
attacks="$top_srcdir/tests/data/xml-attacks"

run_bitext validate "$attacks/xxe.xlf"
expect_status 1
expect_stderr_match 'xxe.xlf(:[0-9]+)?: the file declares XML entities, which bitext does not expand'
checks=$((checks + 1))
grep -q 'root:' "$work/stdout" "$work/stderr" && fail "/etc/passwd leaked"

start=$(date +%s)
run_bitext validate "$attacks/billion-laughs.xlf"
checks=$((checks + 1))
[ "$status" -eq 1 ] || [ "$status" -eq 2 ] ||
	fail "billion laughs: exit status $status"
expect_stderr_match 'billion-laughs.xlf(:[0-9]+)?: (the file declares XML entities|not well-formed XML: Detected an entity reference loop)'
checks=$((checks + 1))
[ $(( $(date +%s) - start )) -lt 10 ] || fail "billion laughs took long"

# A parameter entity that would read a local file, in a TMX.
cat >"$work/xxe-param.tmx" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx [
  <!ENTITY % secret SYSTEM "file:///etc/passwd">
  <!ENTITY % wrap "<!ENTITY leak '%secret;'>">
  %wrap;
]>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>&leak;</seg></tuv></tu></body></tmx>
X
run_bitext validate "$work/xxe-param.tmx"
checks=$((checks + 1))
[ "$status" -eq 1 ] || [ "$status" -eq 2 ] || fail "xxe-param: status $status"
expect_stderr_match 'xxe-param.tmx(:[0-9]+)?: (the file declares XML entities|not well-formed)'
checks=$((checks + 1))
grep -q 'root:' "$work/stdout" "$work/stderr" && fail "/etc/passwd leaked"

# A DOCTYPE at a network address that nothing answers (TEST-NET-1): read
# without fetching, validated against bitext's own grammar, quickly.
start=$(date +%s)
run_bitext validate "$attacks/network-dtd.xlf" "$attacks/network-dtd.tmx"
expect_status 0
checks=$((checks + 1))
[ $(( $(date +%s) - start )) -lt 10 ] || fail "reading looked like a fetch"

# The same, pointing at a listener of ours on the loopback interface.
if command -v python3 >/dev/null; then
	python3 - "$work/port" "$work/hits" <<'PY' &
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
s.settimeout(20)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
try:
    while True:
        c, _ = s.accept()
        open(sys.argv[2], "a").write("hit\n")
        c.close()
except OSError:
    pass
PY
	listener=$!
	i=0
	while [ ! -s "$work/port" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	port=$(cat "$work/port" 2>/dev/null)
	if [ -n "$port" ]; then
		url="http://127.0.0.1:$port"
		sed "s|http://192.0.2.1/evil.dtd|$url/evil.dtd|" \
			"$attacks/network-dtd.xlf" >"$work/local-dtd.xlf"
		sed "s|http://192.0.2.1/tmx14.dtd|$url/tmx14.dtd|" \
			"$attacks/network-dtd.tmx" >"$work/local-dtd.tmx"
		sed "s|file:///etc/passwd|$url/secret|" "$attacks/xxe.xlf" \
			>"$work/local-xxe.xlf"
		run_bitext validate "$work/local-dtd.xlf" "$work/local-dtd.tmx"
		expect_status 0
		run_bitext validate "$work/local-xxe.xlf"
		expect_status 1
		sleep 0.5
		checks=$((checks + 1))
		[ -s "$work/hits" ] && fail "bitext connected to $url"
	fi
	kill "$listener" 2>/dev/null
	wait "$listener" 2>/dev/null
fi

# With no network at all, if this system lets us make such a namespace.
if command -v unshare >/dev/null && unshare -rn true 2>/dev/null; then
	unshare -rn "$BITEXT" validate "$attacks/network-dtd.xlf" \
		"$attacks/network-dtd.tmx" >"$work/stdout" 2>"$work/stderr"
	status=$?
	last_cmd="unshare -rn bitext validate network-dtd.*"
	expect_status 0
fi
finish
