# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh: what every CLI test sources.  Gives a scratch folder in the build
# tree ($work), the program ($BITEXT), and small check helpers that count
# failures.  A test ends with `finish`, which exits 0, 1, or 77 (skip).
#
#	. "$top_srcdir/tests/cli/lib.sh"
#	run_bitext segment --lang en "$work/in.txt"
#	expect_status 0
#	expect_stdout_file "$top_srcdir/tests/golden/..."
#	finish

set -u
: "${BITEXT:?BITEXT must name the bitext program}"
: "${top_srcdir:?}" "${top_builddir:?}"

LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LANG

test_name=$(basename "$0" .sh)
work="$top_builddir/tests/work/$test_name"
rm -rf "$work"
mkdir -p "$work"
failures=0
checks=0

# Where the read-only shared material is, if present (optional checks).
shared="${BITEXT_SHARED:-$top_srcdir/../shared}"

fail() {
	failures=$((failures + 1))
	printf 'FAIL: %s\n' "$*"
}

pass() {
	printf 'ok: %s\n' "$*"
}

# run_bitext ARGS...: runs bitext, keeping stdout, stderr and status.
run_bitext() {
	"$BITEXT" "$@" >"$work/stdout" 2>"$work/stderr"
	status=$?
	last_cmd="bitext $*"
}

expect_status() {
	checks=$((checks + 1))
	if [ "$status" -ne "$1" ]; then
		fail "$last_cmd: exit status $status, expected $1"
		sed 's/^/  stderr: /' "$work/stderr" | head -5
	fi
}

# expect_stderr_match REGEX: stderr matches the extended regex.
expect_stderr_match() {
	checks=$((checks + 1))
	if ! grep -Eq -- "$1" "$work/stderr"; then
		fail "$last_cmd: stderr does not match /$1/"
		sed 's/^/  stderr: /' "$work/stderr" | head -5
	fi
}

expect_stdout_match() {
	checks=$((checks + 1))
	if ! grep -Eq -- "$1" "$work/stdout"; then
		fail "$last_cmd: stdout does not match /$1/"
	fi
}

expect_stdout_empty() {
	checks=$((checks + 1))
	if [ -s "$work/stdout" ]; then
		fail "$last_cmd: wrote to stdout, expected nothing"
		head -3 "$work/stdout" | sed 's/^/  stdout: /'
	fi
}

# expect_same FILE_GOT FILE_EXPECTED: byte-identical files.
expect_same() {
	checks=$((checks + 1))
	if ! cmp -s "$1" "$2"; then
		fail "$last_cmd: $1 differs from $2"
		diff -u "$2" "$1" | head -20
	fi
}

# expect_roundtrip FILE NAME VERSIONS [EXTRACT OPTIONS...]: for each XLIFF
# version of VERSIONS ("2.1 2.0 1.2"), extract FILE and merge it back with
# no translation: FILE again, byte for byte.  Leaves $work/NAME.V.xlf.
expect_roundtrip() {
	rt_file=$1 rt_name=$2 rt_versions=$3
	shift 3
	for rt_v in $rt_versions; do
		run_bitext extract --xliff "$rt_v" "$@" \
			-o "$work/$rt_name.$rt_v.xlf" "$rt_file"
		expect_status 0
		run_bitext merge -o "$work/$rt_name.$rt_v.out" \
			"$work/$rt_name.$rt_v.xlf"
		expect_status 0
		expect_same "$work/$rt_name.$rt_v.out" "$rt_file"
	done
}

# expect_convert_roundtrip FILE NAME: $work/NAME.2.1.xlf (from
# expect_roundtrip) converted to XLIFF 1.2 and merged gives FILE again.
expect_convert_roundtrip() {
	run_bitext convert --to xliff1.2 -o "$work/$2.c12.xlf" \
		"$work/$2.2.1.xlf"
	expect_status 0
	run_bitext merge -o "$work/$2.c12.out" "$work/$2.c12.xlf"
	expect_status 0
	expect_same "$work/$2.c12.out" "$1"
}

# segments FILE [OPTIONS...]: `bitext segment --format tsv` of FILE into
# $work/seg.tsv, and its third column alone into $work/seg.txt.
segments() {
	sg_file=$1
	shift
	run_bitext segment --format tsv "$@" "$sg_file"
	expect_status 0
	cp "$work/stdout" "$work/seg.tsv"
	cut -f3- "$work/seg.tsv" >"$work/seg.txt"
}

# has_segment TEXT / no_segment TEXT: a segment of $work/seg.txt is (is
# not) exactly TEXT.
has_segment() {
	checks=$((checks + 1))
	grep -Fqx -- "$1" "$work/seg.txt" || fail "no segment '$1'"
}

no_segment() {
	checks=$((checks + 1))
	! grep -Fqx -- "$1" "$work/seg.txt" || fail "unexpected segment '$1'"
}

# no_text TEXT: no segment holds TEXT at all.
no_text() {
	checks=$((checks + 1))
	! grep -Fq -- "$1" "$work/seg.txt" || fail "a segment holds '$1'"
}

# has_text TEXT: a segment holds TEXT.
has_text() {
	checks=$((checks + 1))
	grep -Fq -- "$1" "$work/seg.txt" || fail "no segment holds '$1'"
}

expect_no_file() {
	checks=$((checks + 1))
	if [ -e "$1" ]; then
		fail "$last_cmd: $1 exists, expected no output file"
	fi
	# Nor any temporary file left beside it.
	if ls "$1".tmp* >/dev/null 2>&1; then
		fail "$last_cmd: a temporary file was left beside $1"
	fi
}

skip() {
	printf 'SKIP: %s\n' "$*"
	exit 77
}

finish() {
	if [ "$failures" -ne 0 ]; then
		printf '%s: %d of %d checks failed\n' "$test_name" \
			"$failures" "$checks"
		exit 1
	fi
	printf '%s: %d checks passed\n' "$test_name" "$checks"
	exit 0
}
