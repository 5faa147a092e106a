#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The processing requirements of XLIFF 2.x (and a few of XLIFF 1.2) on
# small hand-written documents: what must pass (codes spanning segments,
# isolated codes, reordered targets, references that resolve, languages
# that match up to case) and what must not, each with its message.
. "$top_srcdir/tests/cli/lib.sh"

# x2 NAME [ROOT-ATTRIBUTES]: writes $work/NAME.xlf, an XLIFF 2.1 document
# whose <file id="f1"> holds standard input.
x2() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
		printf 'version="2.1" srcLang="en" trgLang="de"%s>\n' "${2:-}"
		printf '<file id="f1">\n'
		cat
		printf '</file>\n</xliff>\n'
	} >"$work/$1.xlf"
}

valid() {	# NAME
	run_bitext validate "$work/$1.xlf"
	expect_status 0
	checks=$((checks + 1))
	[ -s "$work/stderr" ] && fail "$1: $(head -1 "$work/stderr")"
}

invalid() {	# NAME LINE REGEX
	run_bitext validate "$work/$1.xlf"
	expect_status 1
	expect_stderr_match "^bitext: [^ ]*/$1.xlf:$2: $3"
}

# A code that opens in one segment and closes in the next; an isolated
# pair across units; a target that reorders segments.
x2 spans <<'X'
<unit id="u1">
 <segment><source>One <sc id="1"/>two.</source><target order="2">Zwei.</target></segment>
 <segment><source>Three<ec startRef="1"/>.</source><target order="1"><sc id="1"/>Drei<ec startRef="1"/>.</target></segment>
</unit>
<unit id="u2"><segment><source><sc id="a" isolated="yes"/>Start.</source></segment></unit>
<unit id="u3"><segment><source>End.<ec id="a" isolated="yes"/></source></segment></unit>
X
valid spans

# Unit ids are per file; group and unit ids do not clash.
x2 ids <<'X'
<group id="g1"><unit id="u1"><segment><source>a</source></segment></unit></group>
<group id="g2"><unit id="g1"><segment><source>b</source></segment></unit>
<unit id="u1"><segment><source>c</source></segment></unit></group>
X
invalid ids 6 "unit id 'u1' is used twice in the file \\(first at line 4\\)"

# Comment annotations must point to a note of their own unit.
x2 comments <<'X'
<unit id="u1"><notes><note id="n1">A note.</note></notes>
 <segment><source><mrk id="m1" type="comment" ref="#n=n1">a</mrk> <mrk id="m2" type="comment" ref="#f=f1/u=u1/n=n1">b</mrk> <mrk id="m3" type="comment" value="c">c</mrk></source></segment>
</unit>
<unit id="u2"><segment><source><mrk id="m1" type="comment" ref="#f=f1/u=u1/n=n1">x</mrk></source></segment></unit>
X
invalid comments 7 "ref='#f=f1/u=u1/n=n1' of a comment annotation must point to a <note> of the same unit"
checks=$((checks + 1))
[ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "comments: $(cat "$work/stderr")"

# Languages: inherited xml:lang counts, case does not.
x2 langs ' xml:lang="en-US"' <<'X'
<unit id="u1"><segment><source>a</source><target xml:lang="DE">b</target></segment></unit>
X
sed -i 's/srcLang="en"/srcLang="en-us"/' "$work/langs.xlf"
valid langs
x2 badlang <<'X'
<group id="g1" xml:lang="fr"><unit id="u1"><segment><source xml:lang="en">a</source><target>b</target></segment></unit></group>
X
invalid badlang 4 "the target is in 'fr' \\(xml:lang\\) but trgLang is 'de'"
sed 's/srcLang="en"/srcLang="en-"/' "$work/spans.xlf" >"$work/tag.xlf"
invalid tag 2 "srcLang 'en-' is not a well-formed BCP 47 language tag"

# Target order: a permutation of 1..N.
x2 order <<'X'
<unit id="u1">
 <segment><source>a</source><target order="3">A</target></segment>
 <segment><source>b</source><target order="1">B</target></segment>
</unit>
X
invalid order 5 "order='3' is outside 1 to 2"

# copyOf: a copy of a code without original data is fine.
x2 copy <<'X'
<unit id="u1"><segment><source><ph id="1"/>a<ph id="2" copyOf="1"/></source></segment></unit>
X
valid copy

# Data references resolve, data ids are unique.
x2 data <<'X'
<unit id="u1"><originalData><data id="d1">&lt;br/&gt;</data></originalData>
 <segment><source>a<ph id="1" dataRef="d1"/><ph id="2" dataRef="d2"/></source></segment></unit>
X
invalid data 5 "dataRef='d2' names no <data> of the unit"

# canReorder: a sequence starts with firstNo; no/firstNo need
# canCopy="no" and canDelete="no"; the target keeps the sequence.
x2 reorder <<'X'
<unit id="u1"><segment>
 <source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/> <ph id="3"/></source>
 <target><ph id="3"/> <ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/></target>
</segment></unit>
X
valid reorder
sed 's|<ph id="3"/> <ph id="1"|<ph id="1"|; s|canDelete="no"/></target>|canDelete="no"/><ph id="3"/></target>|' \
	"$work/reorder.xlf" >"$work/reorder2.xlf"
valid reorder2
x2 reorder3 <<'X'
<unit id="u1"><segment>
 <source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/> <ph id="3"/></source>
 <target><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="3"/> <ph id="2" canReorder="no" canCopy="no" canDelete="no"/></target>
</segment></unit>
X
invalid reorder3 5 "the non-reorderable sequence that starts with <ph id='1'> is not kept together"

# subFlows name units of the same file.
x2 subflows <<'X'
<unit id="u1"><segment><source>Click <ph id="1" subFlows="u2"/>.</source></segment></unit>
<unit id="u2"><segment><source>OK</source></segment></unit>
<unit id="u3"><segment><source><ph id="1" subFlows="u2 u9"/></source></segment></unit>
X
invalid subflows 6 "subFlows names unit 'u9', which is not in this file"

# Module elements only at their extension points; no foreign attribute on
# inline codes; an unknown module attribute.
x2 modules ' xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:my="urn:x-my" xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0"' <<'X'
<mtc:matches><mtc:match ref="#s1"><source>a</source><target>b</target></mtc:match></mtc:matches>
<unit id="u1" my:flag="1"><segment id="s1"><source><pc id="1" my:flag="1" fs:fs="b">a</pc></source></segment></unit>
X
invalid modules 4 "<matches> of module urn:oasis:names:tc:xliff:matches:2.0 is not allowed in <file>"
expect_stderr_match "modules.xlf:5: <pc> takes no extension attribute: flag \\(namespace urn:x-my\\)"

# XLIFF 2.0 and 2.2 are recognised by namespace and version.
sed 's/version="2.1"/version="2.0"/' "$work/spans.xlf" >"$work/v20.xlf"
valid v20
sed 's/document:2.0" version="2.1"/document:2.2" version="2.2"/' \
	"$work/spans.xlf" >"$work/v22.xlf"
valid v22
run_bitext validate --format json "$work/v20.xlf" "$work/v22.xlf"
expect_stdout_match '"format":"XLIFF 2.0"'
expect_stdout_match '"format":"XLIFF 2.2"'

# XLIFF 1.2: <bpt>/<ept> and <bx>/<ex> paired in order.
cat >"$work/x12.xlf" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="a.txt" source-language="en" datatype="plaintext">
  <body>
   <trans-unit id="1"><source><bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept> <bx id="2"/>x<ex id="2"/></source></trans-unit>
   <trans-unit id="2"><source><ept id="3">&lt;/b&gt;</ept>late<bpt id="3">&lt;b&gt;</bpt></source></trans-unit>
  </body>
 </file>
</xliff>
X
invalid x12 6 "<ept> '3' has no <bpt> before it"
expect_stderr_match "x12.xlf:6: <bpt> '3' has no <ept> after it"

# The strict XLIFF 1.2 schema refuses tool extensions the transitional one
# admits.
sed 's|<trans-unit id="2">.*</trans-unit>||; s|datatype="plaintext"|datatype="plaintext" xmlns:okp="okapi-framework:xliff-extensions" okp:x="1"|' \
	"$work/x12.xlf" >"$work/x12ext.xlf"
valid x12ext
run_bitext validate --strict "$work/x12ext.xlf"
expect_status 1
expect_stderr_match "x12ext.xlf:3: schema: Element 'file', attribute '\\{okapi-framework:xliff-extensions\\}x'"
finish
