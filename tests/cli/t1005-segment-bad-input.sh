#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input: a clear message naming the file (and byte offset or line),
# exit status 2, and no output: nothing on stdout, no -o file.
. "$top_srcdir/tests/cli/lib.sh"

expect_refused() {	# REGEX, after run_bitext
	expect_status 2
	expect_stderr_match "$1"
	expect_stdout_empty
}

# Invalid UTF-8 deep in the file: offset and a hint about --encoding, and
# not one line of the valid text before it is printed.
printf 'Good sentence. Another one.\n\nStill good.\n\n' >"$work/bad.txt"
printf 'Broken \377 byte.\n' >>"$work/bad.txt"
run_bitext segment --lang en --format tsv "$work/bad.txt"
expect_refused 'bad.txt: invalid UTF-8 at byte offset 49; .*--encoding'
run_bitext segment --lang en -o "$work/out.tsv" "$work/bad.txt"
expect_refused 'invalid UTF-8 at byte offset 49'
expect_no_file "$work/out.tsv"

# A multibyte character cut off at the end of the file.
printf 'Truncated \344\270' >"$work/trunc.txt"
run_bitext segment --lang zh "$work/trunc.txt"
expect_refused 'trunc.txt: invalid UTF-8 at byte offset 10'

# An overlong encoding and a UTF-16 surrogate written as UTF-8.
printf 'A \300\257 B\n' >"$work/overlong.txt"
run_bitext segment --lang en "$work/overlong.txt"
expect_refused 'invalid UTF-8 at byte offset 2'
printf 'A \355\240\200 B\n' >"$work/surrogate.txt"
run_bitext segment --lang en "$work/surrogate.txt"
expect_refused 'invalid UTF-8 at byte offset 2'

# Bytes invalid in the encoding named with --encoding.
printf 'ok \201\060 bad\n' >"$work/bad-gb.txt"	# 0x81 0x30 is half a char
run_bitext segment --lang zh --encoding GB18030 "$work/bad-gb.txt"
expect_refused 'invalid GB18030 at byte offset 3'

# An odd number of bytes in UTF-16.
printf '\377\376A\000B' >"$work/odd16.txt"
run_bitext segment --lang en "$work/odd16.txt"
expect_refused 'odd16.txt: invalid UTF-16LE at byte offset 4'

# An unknown encoding name.
printf 'Hello.\n' >"$work/ok.txt"
run_bitext segment --lang en --encoding NO-SUCH-ENC "$work/ok.txt"
expect_refused "unknown encoding 'NO-SUCH-ENC'"

# A missing file, among good ones: nothing is written for any.
run_bitext segment --lang en -o "$work/out2.tsv" "$work/ok.txt" \
	"$work/missing.txt"
expect_refused 'missing.txt: cannot open: No such file or directory'
expect_no_file "$work/out2.tsv"

# No language, and none declared by the format.
run_bitext segment "$work/ok.txt"
expect_refused 'ok.txt: the file does not say its language; give it with --lang'

# Malformed SRX, an SRX regex that does not compile, a missing SRX.
printf '<srx version="2.0"><body><languagerules>\n' >"$work/broken.srx"
run_bitext segment --lang en --srx "$work/broken.srx" "$work/ok.txt"
expect_refused 'broken.srx:[0-9]+: not well-formed XML'
cat >"$work/badregex.srx" <<'SRX'
<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header cascade="yes"/>
<body>
<languagerules>
<languagerule languagerulename="Bad">
<rule break="yes"><beforebreak>[.?!</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="Bad"/></maprules>
</body>
</srx>
SRX
run_bitext segment --lang en --srx "$work/badregex.srx" "$work/ok.txt"
expect_refused "badregex.srx:7: rule of 'Bad' does not compile: .*before-break '\[\.\?!'"
run_bitext segment --lang en --srx "$work/none.srx" "$work/ok.txt"
expect_refused 'none.srx: cannot read SRX rules'

# Output over the input is refused, and the input is untouched.
cp "$work/ok.txt" "$work/keep.txt"
run_bitext segment --lang en -o "$work/ok.txt" "$work/ok.txt"
expect_refused 'refusing to write over the input file'
expect_same "$work/ok.txt" "$work/keep.txt"

# A full disk.
if [ -w /dev/full ]; then
	"$BITEXT" segment --lang en "$work/ok.txt" >/dev/full 2>"$work/stderr"
	status=$?
	last_cmd="bitext segment >/dev/full"
	expect_status 2
	expect_stderr_match 'No space left on device'
fi
finish
