#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Source rules (`make lint` runs this too): no strcpy, sprintf, atoi or
# strtok in src/; every file that uses _() is in po/POTFILES.in; every
# source file opens with an SPDX line; the zh_CN catalogue is complete,
# with no fuzzy entry, its header included.
. "$top_srcdir/tests/cli/lib.sh"

cd "$top_srcdir" || exit 99
for f in $(find src -name '*.[ch]' | sort); do
	checks=$((checks + 1))
	if grep -nE '\b(strcpy|sprintf|vsprintf|atoi|atol|strtok|gets)[[:space:]]*\(' "$f" |
		grep -v '^\S*:[0-9]*:[[:space:]]*/\?\*' >"$work/banned"; then
		fail "$f uses a banned function: $(head -1 "$work/banned")"
	fi
	checks=$((checks + 1))
	if grep -q '[^A-Za-z_]_("' "$f" && ! grep -qx "$f" po/POTFILES.in; then
		fail "$f uses _() but is missing from po/POTFILES.in"
	fi
	checks=$((checks + 1))
	head -2 "$f" | grep -q 'SPDX-License-Identifier' ||
		fail "$f has no SPDX line"
done

if command -v msgfmt >/dev/null 2>&1; then
	checks=$((checks + 1))
	stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null po/zh_CN.po 2>&1)
	case $stats in
	*fuzzy*|*untranslated*|*rror*) fail "po/zh_CN.po: $stats" ;;
	esac
	checks=$((checks + 1))
	sed -n '1,/^$/p' po/zh_CN.po | grep -q '^#, fuzzy' &&
		fail "po/zh_CN.po: the header entry is fuzzy"
fi
finish
