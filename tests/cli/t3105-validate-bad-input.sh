#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Files bitext validate cannot judge (missing, unreadable, not
# well-formed, truncated, garbage, not XLIFF or TMX, an unknown version)
# give exit status 2 and a message naming the file and line; the other
# files are still checked.  Usage errors, a data folder without schemas, a
# full disk: status 2 too.
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/validate"
good="$data/valid/oasis21_everything-core.xlf"
bad="$data/invalid/oasis21_bad_EcBeforeSc.xlf"

refused() {	# REGEX, after run_bitext
	expect_status 2
	expect_stderr_match "$1"
	expect_stdout_empty
}

run_bitext validate "$work/missing.xlf"
refused 'missing.xlf: cannot open: No such file or directory'

printf '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en">\n<file id="f1">\n<unit id="u1">\n' >"$work/trunc.xlf"
run_bitext validate "$work/trunc.xlf"
refused 'trunc.xlf:[0-9]+: not well-formed XML'

printf '<xliff><file></xliff>\n' >"$work/mismatch.xlf"
run_bitext validate "$work/mismatch.xlf"
refused 'mismatch.xlf:[0-9]+: not well-formed XML'

: >"$work/empty.xlf"
run_bitext validate "$work/empty.xlf"
refused 'empty.xlf(:[0-9]+)?: not well-formed XML'

head -c 3000 "$BITEXT" >"$work/garbage.xlf"
run_bitext validate "$work/garbage.xlf"
refused 'garbage.xlf(:[0-9]+)?: not well-formed XML'

printf '<?xml version="1.0"?>\n<html><body/></html>\n' >"$work/page.xlf"
run_bitext validate "$work/page.xlf"
refused 'page.xlf:2: not XLIFF or TMX: the root element is <html>'

printf '<?xml version="1.0"?>\n<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"/>\n' >"$work/v11.xlf"
run_bitext validate "$work/v11.xlf"
refused 'v11.xlf:2: XLIFF 1.1 \(namespace urn:oasis:names:tc:xliff:document:1.1\) is not a version bitext validates'

printf '<?xml version="1.0"?>\n<xliff version="3.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"/>\n' >"$work/v30.xlf"
run_bitext validate "$work/v30.xlf"
refused "v30.xlf:2: XLIFF version '3.0' in namespace"

if [ "$(id -u)" -ne 0 ]; then	# root reads anything
	cp "$good" "$work/locked.xlf"
	chmod 000 "$work/locked.xlf"
	run_bitext validate "$work/locked.xlf"
	refused 'locked.xlf: cannot open: Permission denied'
	chmod 644 "$work/locked.xlf"
fi

# A bad file among good and invalid ones: every file is checked, 2 wins.
run_bitext validate "$good" "$work/missing.xlf" "$bad"
refused 'missing.xlf: cannot open'
expect_stderr_match 'oasis21_bad_EcBeforeSc.xlf:6: '
run_bitext validate "$good" "$bad"
expect_status 1

# Usage.
run_bitext validate
refused "no input file"
expect_stderr_match "Try 'bitext validate --help'"
run_bitext validate --format xml "$good"
refused "unknown output format 'xml' \(use text or json\)"
run_bitext validate --no-such-option "$good"
refused "Try 'bitext validate --help'"
run_bitext validate --prefixes "$work/missing.properties" "$good"
refused 'missing.properties: cannot open: No such file or directory'
printf '# prefixes\nurn\\:x-a=ab\nno separator here\n' >"$work/bad.properties"
run_bitext validate --prefixes "$work/bad.properties" "$good"
refused 'bad.properties:3: expected NAMESPACE=PREFIX'
printf 'urn\\:x-a=a\n' >"$work/short.properties"
run_bitext validate --prefixes "$work/short.properties" "$good"
refused "short.properties:1: 'a' is not a valid fragment identifier prefix"

# No schemas where the data folder should be.
mkdir -p "$work/nodata"
BITEXT_DATADIR="$work/nodata" "$BITEXT" validate "$good" \
	>"$work/stdout" 2>"$work/stderr"
status=$?
last_cmd="BITEXT_DATADIR=nodata bitext validate"
refused 'nodata/schemas/xliff20-all.xsd: cannot load the schema .*BITEXT_DATADIR'

# A full disk.
if [ -w /dev/full ]; then
	"$BITEXT" validate --format json "$good" >/dev/full 2>"$work/stderr"
	status=$?
	last_cmd="bitext validate --format json >/dev/full"
	expect_status 2
	expect_stderr_match 'No space left on device'
fi
finish
