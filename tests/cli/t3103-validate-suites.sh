#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bitext validate on the full conformance material of ../shared/formats
# (skipped when it is absent):
#   - the OASIS XLIFF 2.1 test suite: all 77 valid documents (core/valid,
#     core/in-out, modules/valid) accepted, all 162 invalid ones rejected;
#   - the hand-picked samples: samples/*/valid accepted, */invalid rejected;
#   - the 23 files of the LISA TMX compliance kit, all meant to be valid;
#   - the OASIS XLIFF 2.2 suite: every invalid document rejected, every
#     valid one accepted but three that upstream itself gets wrong.
# The suite registers extension prefixes for its valid files only
# (core/valid/extra-prefixes.properties): they go with --prefixes there.
. "$top_srcdir/tests/cli/lib.sh"
formats="$shared/formats"
[ -d "$formats/testsuites/xliff21-oasis" ] ||
	skip "no $formats (the shared conformance material)"

# The files of a list that bitext reported, one a line, in $work/named.
named() {
	: >"$work/named"
	for f in "$@"; do
		grep -qF "bitext: $f:" "$work/stderr" && echo "$f" >>"$work/named"
	done
	wc -l <"$work/named" | tr -d ' '
}

# accept_all LABEL [OPTION...] -- FILE...: one run, status 0, no output.
accept_all() {
	label=$1
	shift
	opts=
	while [ "$1" != -- ]; do opts="$opts $1"; shift; done
	shift
	run_bitext validate $opts "$@"
	rejected=$(named "$@")
	printf '%s: %d of %d accepted\n' "$label" $(($# - rejected)) $#
	expect_status 0
	checks=$((checks + 1))
	if [ "$rejected" -ne 0 ]; then
		fail "$label: valid files rejected:"
		sed 's/^/  /' "$work/named"
		head -5 "$work/stderr"
	fi
}

# reject_all LABEL FILE...: one run, status 1, every file reported.
reject_all() {
	label=$1
	shift
	run_bitext validate "$@"
	rejected=$(named "$@")
	printf '%s: %d of %d rejected\n' "$label" "$rejected" $#
	expect_status 1
	checks=$((checks + 1))
	if [ "$rejected" -ne $# ]; then
		fail "$label: invalid files accepted:"
		for f in "$@"; do
			grep -qxF "$f" "$work/named" || echo "  $f"
		done
	fi
}

s21="$formats/testsuites/xliff21-oasis"
prefixes="$s21/core/valid/extra-prefixes.properties"
set -- "$s21"/core/valid/*.xlf "$s21"/core/in-out/*.xlf \
	"$s21"/modules/valid/*.xlf
checks=$((checks + 1))
[ $# -eq 77 ] || fail "the 2.1 suite has $# valid documents, not 77"
accept_all "OASIS XLIFF 2.1 suite, valid" --prefixes "$prefixes" -- "$@"
set -- "$s21"/core/invalid/*.xlf "$s21"/modules/invalid/*.xlf
checks=$((checks + 1))
[ $# -eq 162 ] || fail "the 2.1 suite has $# invalid documents, not 162"
reject_all "OASIS XLIFF 2.1 suite, invalid" "$@"

for kind in xliff12 xliff2 tmx; do
	accept_all "samples/$kind/valid" -- "$formats/samples/$kind"/valid/*
	reject_all "samples/$kind/invalid" "$formats/samples/$kind"/invalid/*
done

kit="$formats/testsuites/tmx-compliance-kit-lisa"
set -- "$kit"/*.tmx
checks=$((checks + 1))
[ $# -eq 23 ] || fail "the LISA kit has $# TMX files, not 23"
accept_all "LISA TMX compliance kit" -- "$@"

# XLIFF 2.2 (a bonus; the suite is still changing upstream).  Three valid
# documents are wrong upstream: its:version="2.2" where its.xsd allows
# "2.0"; <meta> in the core namespace; an undeclared pgs: prefix (not
# namespace-well-formed XML).
s22="$formats/testsuites/xliff22-oasis"
if [ -d "$s22" ]; then
	known="Good-itsm_text-analytics.xlf Good-mda_top-level.xlf Good-pgs_plural.xlf"
	set --
	for f in "$s22"/core/valid/*.xlf "$s22"/modules/valid/*.xlf; do
		case " $known " in *" $(basename "$f") "*) continue ;; esac
		set -- "$@" "$f"
	done
	accept_all "OASIS XLIFF 2.2 suite, valid (less 3)" \
		--prefixes "$s22/core/valid/extra-prefixes.properties" -- "$@"
	reject_all "OASIS XLIFF 2.2 suite, invalid" \
		"$s22"/core/invalid/*.xlf "$s22"/modules/invalid/*.xlf
	run_bitext validate "$s22/modules/valid/Good-pgs_plural.xlf"
	expect_status 2
	expect_stderr_match 'Good-pgs_plural.xlf:[0-9]+: not well-formed XML'
fi
finish
