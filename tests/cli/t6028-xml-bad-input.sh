#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter: bad input is refused with its location on stderr, exit
# status 2, nothing on stdout and no output file: XML that is not well
# formed (line and column), a truncated file, an ITS rule whose selector
# is not XPath (the rules file, its line, the selector), in the document
# or in --its, and the other ways rules can be wrong; a file declaring
# entities; a rules file that cannot be read; bytes that do not decode.
. "$top_srcdir/tests/cli/lib.sh"

data="$top_srcdir/tests/data/formats/xml"

refused() {	# REGEX FILE [OPTIONS...]
	r_regex=$1 r_file=$2
	shift 2
	rm -f "$work/out.xlf"
	run_bitext extract --srclang en "$@" -o "$work/out.xlf" "$r_file"
	expect_status 2
	expect_stderr_match "$r_regex"
	expect_stdout_empty
	expect_no_file "$work/out.xlf"
	# To stdout: nothing is written either.
	run_bitext extract --srclang en "$@" "$r_file"
	expect_status 2
	expect_stdout_empty
	run_bitext segment --lang en "$@" "$r_file"
	expect_status 2
	expect_stderr_match "$r_regex"
	expect_stdout_empty
}

printf '<?xml version="1.0"?>\n<doc>\n  <p>text</q>\n</doc>\n' >"$work/tag.xml"
refused 'tag.xml:3: not well-formed XML \(line 3, column 14\): Opening and ending tag mismatch' \
	"$work/tag.xml"
head -c 1000 "$data/lumen-messages.xml" >"$work/truncated.xml"
refused 'truncated.xml:[0-9]+: not well-formed XML \(line [0-9]+, column [0-9]+\)' \
	"$work/truncated.xml"
head -c 2500 "$data/docbook5-chapter.xml" >"$work/truncated2.xml"
refused 'truncated2.xml:[0-9]+: not well-formed XML \(line [0-9]+, column [0-9]+\): Premature end of data' \
	"$work/truncated2.xml"
printf '<doc>caf&eacute;</doc>\n' >"$work/undeclared.xml"
refused "undeclared.xml:1: not well-formed XML \\(line 1, column [0-9]+\\): Entity 'eacute' not defined" \
	"$work/undeclared.xml"
: >"$work/empty.xml"
refused 'empty.xml:1: not well-formed XML .*Document is empty' "$work/empty.xml"
printf 'just some text\n' >"$work/text.xml"
refused 'text.xml:1: not well-formed XML' "$work/text.xml"
printf '<a>caf\351</a>\n' >"$work/latin.xml"
refused 'latin.xml: invalid UTF-8 at byte offset 6' "$work/latin.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE d [\n<!ENTITY lol "lol">\n]>\n<d>&lol;</d>\n' \
	>"$work/entity.xml"
refused 'entity.xml:[0-9]+: the file declares XML entities, which bitext does not expand' \
	"$work/entity.xml"

# ITS rules in the document.
rules_doc() {	# NAME RULE...: a document whose rules are these
	n=$1
	shift
	{
		printf '<?xml version="1.0"?>\n'
		printf '<doc xmlns:its="http://www.w3.org/2005/11/its">\n'
		printf '  <its:rules version="2.0">\n'
		for rule; do printf '    %s\n' "$rule"; done
		printf '  </its:rules>\n  <p>Text.</p>\n</doc>\n'
	} >"$work/$n.xml"
}
rules_doc sel '<its:translateRule selector="//p" translate="no"/>' \
	'<its:translateRule selector="//p[" translate="yes"/>'
refused "sel.xml:5: bad ITS selector '//p\\[': Invalid expression" \
	"$work/sel.xml"
rules_doc prefix '<its:withinTextRule selector="//zz:p" withinText="yes"/>'
refused "prefix.xml:4: bad ITS selector '//zz:p': Undefined namespace prefix" \
	"$work/prefix.xml"
rules_doc value '<its:translateRule selector="count(//p)" translate="no"/>'
refused "value.xml:4: the ITS selector 'count\\(//p\\)' selects no nodes" \
	"$work/value.xml"
rules_doc pointer '<its:idValueRule selector="//p" idValue="@@name"/>'
refused "pointer.xml:4: bad ITS selector '@@name'" "$work/pointer.xml"
rules_doc noattr '<its:translateRule translate="no"/>'
refused 'noattr.xml:4: ITS translateRule needs the attribute selector' \
	"$work/noattr.xml"
rules_doc maybe '<its:translateRule selector="//p" translate="maybe"/>'
refused "maybe.xml:4: ITS translateRule: 'maybe' is not a value of translate" \
	"$work/maybe.xml"
rules_doc nonote '<its:locNoteRule selector="//p" locNoteType="alert"/>'
refused 'nonote.xml:4: ITS locNoteRule has no note' "$work/nonote.xml"
printf '<doc xmlns:its="http://www.w3.org/2005/11/its">\n<p its:translate="perhaps">x</p></doc>\n' \
	>"$work/local.xml"
refused "local.xml:2: 'perhaps' is not a value of translate" "$work/local.xml"
printf '<doc xmlns:its="http://www.w3.org/2005/11/its">\n<its:rules version="2.0" queryLanguage="css"/>\n<p>x</p></doc>\n' \
	>"$work/css.xml"
refused "css.xml:2: ITS rules in the query language 'css' are not supported" \
	"$work/css.xml"
printf '<doc xmlns:its="http://www.w3.org/2005/11/its" xmlns:xlink="http://www.w3.org/1999/xlink">\n<its:rules version="2.0" xlink:href="http://192.0.2.1/rules.its"/>\n<p>x</p></doc>\n' \
	>"$work/net.xml"
refused "net.xml:2: ITS rules at 'http://192.0.2.1/rules.its' are not read: only local files are" \
	"$work/net.xml"
printf '<doc xmlns:its="http://www.w3.org/2005/11/its" xmlns:xlink="http://www.w3.org/1999/xlink">\n<its:rules version="2.0" xlink:href="loop.xml"/>\n<p>x</p></doc>\n' \
	>"$work/loop.xml"
refused "loop.xml:2: ITS rules link 'loop.xml' too deep" "$work/loop.xml"

# ITS rules in --its.
printf '<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">\n\n  <its:translateRule selector="//string[@a=" translate="no"/>\n</its:rules>\n' \
	>"$work/bad.its"
refused "bad.its:3: bad ITS selector '//string\\[@a=': Invalid expression" \
	"$data/trailhead-strings.xml" --its "$work/bad.its"
printf '<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">\n' \
	>"$work/cut.its"
refused 'cut.its:[0-9]+: not well-formed XML' "$data/trailhead-strings.xml" \
	--its "$work/cut.its"
refused "$work/missing.its: cannot read" "$data/trailhead-strings.xml" \
	--its "$work/missing.its"

# Merge refuses a skeleton whose markers were damaged: here the end of
# the paragraph that holds a footnote.
run_bitext extract --srclang en --skeleton external -o "$work/ext.xlf" \
	"$data/docbook5-chapter.xml"
expect_status 0
checks=$((checks + 1))
grep -q '\\u{4}' "$work/ext.xlf.f1.skl" || fail "no end mark in the skeleton"
sed 's/\\u{4}//' "$work/ext.xlf.f1.skl" >"$work/damaged.skl"
mv "$work/damaged.skl" "$work/ext.xlf.f1.skl"
run_bitext merge -o "$work/ext.out" "$work/ext.xlf"
expect_status 1
expect_stderr_match 'docbook5-chapter.xml: the skeleton of this XML document is damaged'
expect_no_file "$work/ext.out"
finish
