# SPDX-License-Identifier: GPL-3.0-or-later
# coverage-lib.sh: what the t4xxx (bitext coverage) tests share, sourced
# after lib.sh.  They read the CSV report, whose columns have stable names:
# row, path, format, language, MEASURE_total, MEASURE_untranslated,
# MEASURE_needs_review, MEASURE_translated, MEASURE_reviewed,
# MEASURE_final, MEASURE_excluded (MEASURE: units segments words chars),
# coverage, pairs, aligned, unaligned, low_confidence,
# low_confidence_pairs, unaligned_target, aligned_chars, unaligned_chars.

data="$top_srcdir/tests/data/coverage"

# Under --enable-sanitizers: libgettextpo leaks the msgctxt strings it
# parses (see the file); that is not bitext's leak to report.
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$data/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS

# csv_get CSV ROW COLUMN [PATH]: the value of COLUMN in the first row whose
# "row" field is ROW (file or total) and, if given, whose path is PATH.
csv_get() {
	tr -d '\r' <"$1" | awk -F, -v row="$2" -v col="$3" -v path="${4-}" '
		NR == 1 { for (i = 1; i <= NF; i++) idx[$i] = i; next }
		$1 == row && (path == "" || $2 == path) {
			if (!(col in idx)) { print "no-such-column"; exit }
			print $idx[col]; exit
		}'
}

# states CSV ROW MEASURE [PATH]: "total untranslated needs_review
# translated reviewed final excluded" of MEASURE on one line.
states() {
	_out=
	for _s in total untranslated needs_review translated reviewed final \
		excluded; do
		_out="$_out $(csv_get "$1" "$2" "${3}_$_s" "${4-}")"
	done
	echo $_out
}

# expect_states CSV MEASURE "T U NR TR R F EX" [PATH]: the total row (or
# the file row of PATH) holds these counts.
expect_states() {
	checks=$((checks + 1))
	if [ -n "${4-}" ]; then
		_got=$(states "$1" file "$2" "$4")
	else
		_got=$(states "$1" total "$2")
	fi
	if [ "$_got" != "$3" ]; then
		fail "$last_cmd: $2 ${4-total}: got '$_got', expected '$3'"
	fi
}

# expect_value CSV ROW COLUMN VALUE [PATH]
expect_value() {
	checks=$((checks + 1))
	_got=$(csv_get "$1" "$2" "$3" "${5-}")
	if [ "$_got" != "$4" ]; then
		fail "$last_cmd: $3 of ${5-$2}: got '$_got', expected '$4'"
	fi
}

# coverage_csv ARGS...: runs bitext coverage -f csv ARGS, keeping the CSV
# in $work/out.csv.
coverage_csv() {
	run_bitext coverage -f csv "$@"
	cp "$work/stdout" "$work/out.csv"
}

# xml_escape: stdin to stdout with &, < and > escaped.
xml_escape() {
	sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'
}
