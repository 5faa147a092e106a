# SPDX-License-Identifier: GPL-3.0-or-later
# html-lib.sh: what the html filter's tests share; sourced after
# tests/cli/lib.sh.  $hdata is this folder; $PY the Python with lxml.

hdata="$top_srcdir/tests/data/formats/html"
PY=/usr/bin/python3

# have_lxml: whether $PY can import lxml (python3-lxml).
have_lxml() {
	[ -x "$PY" ] && "$PY" -c 'import lxml.html, lxml.etree' 2>/dev/null
}

# html_roundtrip FILE LANG NAME [EXTRACT OPTIONS...]: extract, then merge
# with no translation, gives FILE back byte for byte, through XLIFF 2.1,
# 2.0 and 1.2; leaves $work/NAME.2.1.xlf.
html_roundtrip() {
	rt_file=$1 rt_lang=$2 rt_name=$3
	shift 3
	expect_roundtrip "$rt_file" "$rt_name" "2.1 2.0 1.2" \
		--srclang "$rt_lang" --trglang fr "$@"
}

# count_units XLIFF: the number of units of an XLIFF 2 file.
count_units() {
	grep -c '<unit ' "$1"
}

# expect_units_at_least XLIFF N: the filter found text to translate.
expect_units_at_least() {
	checks=$((checks + 1))
	eu_n=$(count_units "$1")
	[ "$eu_n" -ge "$2" ] || fail "$1 has $eu_n units, expected $2 or more"
}

