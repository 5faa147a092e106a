#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Input bitext coverage cannot count: truncated and malformed XML, garbage,
# an empty file, other XML, text that is no PO, a PO syntax error, an
# unknown charset, XML that declares entities (XXE, billion laughs).  Each
# is a message "bitext: FILE[:LINE]: ..." and exit status 2; when nothing
# could be counted, nothing is written.
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

# bad NAME REGEX: the file NAME (in $work) is refused with REGEX.
bad() {
	run_bitext coverage "$work/$1"
	expect_status 2
	expect_stderr_match "^bitext: $work/$1(:[0-9]+)?: $2"
	expect_stdout_empty
	run_bitext coverage -f json -o "$work/report.json" "$work/$1"
	expect_status 2
	expect_no_file "$work/report.json"
}

head -c 1000 "$data/xliff21-states.xlf" >"$work/truncated.xlf"
bad truncated.xlf "not well-formed XML"
head -c 400 "$data/aligned.tmx" >"$work/truncated.tmx"
bad truncated.tmx "not well-formed XML"
printf '<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f"><unit id="u"><segment><source>a &bogus; b</source></segment></unit></file></xliff>\n' \
	>"$work/entity.xlf"
bad entity.xlf "not well-formed XML"
head -c 3000 /dev/urandom 2>/dev/null | tr -d '<' >"$work/garbage.xlf" ||
	printf '\001\002\003garbage' >"$work/garbage.xlf"
bad garbage.xlf "(not an XLIFF|bad PO file)"
: >"$work/empty.xlf"
bad empty.xlf "not an XLIFF, TMX or PO file"
printf '<html><body><p>Hello</p></body></html>\n' >"$work/page.xml"
bad page.xml "not XLIFF or TMX: the root element is <html>"
printf 'Just some notes.\n' >"$work/notes.txt"
bad notes.txt "not an XLIFF, TMX or PO file"
printf 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d\n' >"$work/syntax.po"
bad syntax.po "bad PO file"
# The line is the one msgfmt names for the same error.
expect_stderr_match "syntax\.po:6: .*end-of-line within string"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=NO-SUCH-CHARSET\\n"\n\nmsgid "a"\nmsgstr "b"\n' \
	>"$work/charset.po"
run_bitext coverage "$work/charset.po"
expect_status 2
printf 'msgid "caf\351"\nmsgstr ""\n' >"$work/latin1-undeclared.po"
run_bitext coverage "$work/latin1-undeclared.po"
expect_status 2

# XML attacks: entities are refused before anything expands.
cat >"$work/xxe.xlf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<xliff version="1.2"><file source-language="en" original="x" datatype="plaintext"><body>
<trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>
EOF
bad xxe.xlf "the file declares XML entities"
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE tmx ['
	echo ' <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
	prev=a
	for e in b c d e f g h i j; do
		echo " <!ENTITY $e \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"
		prev=$e
	done
	echo ']>'
	echo '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&j;</seg></tuv></tu></body></tmx>'
} >"$work/laughs.tmx"
bad laughs.tmx "the file declares XML entities"

# A folder: the bad files are named, the good one counted.
mkdir -p "$work/tree"
cp "$work/truncated.xlf" "$work/xxe.xlf" "$work/syntax.po" "$work/tree/"
cp "$data/po-states.po" "$work/tree/good.po"
coverage_csv "$work/tree"
expect_status 2
expect_stderr_match "tree/truncated\.xlf:[0-9]+: "
expect_stderr_match "tree/xxe\.xlf:[0-9]+: the file declares XML entities"
expect_stderr_match "tree/syntax\.po:6: "
expect_states "$work/out.csv" units "9 2 2 5 0 0 1"
# And the next good PO file after a bad one is read as well (the PO
# reader keeps no error from the last file).
coverage_csv "$work/syntax.po" "$data/po-states.po"
expect_status 2
expect_states "$work/out.csv" units "9 2 2 5 0 0 1"
finish
