#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# xml filter, ITS Translate: elements are translated and attributes not,
# unless rules say otherwise; a rule's value goes to the descendants of
# what it selects (not to their attributes); local its:translate wins over
# rules, a later rule over an earlier one, the document's rules over
# --its rules, an its:rules element's own rules over those it links with
# xlink:href.  Translatable attributes are units of their own.  Text that
# is not translated stays in the skeleton (no unit at all).
. "$top_srcdir/tests/cli/lib.sh"

# units FILE [OPTIONS...]: the units' text, one line each, in $work/units.
units() {
	u_file=$1
	shift
	run_bitext segment --lang en --format tsv "$@" "$u_file"
	expect_status 0
	cut -f 3 "$work/stdout" >"$work/units"
}

has() {
	checks=$((checks + 1))
	grep -qxF -- "$1" "$work/units" || fail "no unit '$1'"
}

hasnt() {
	checks=$((checks + 1))
	grep -qF -- "$1" "$work/units" && fail "unit '$1' should not be"
}

cat >"$work/tr.xml" <<'XML'
<?xml version="1.0"?>
<doc xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">
  <its:rules version="2.0">
    <its:translateRule selector="//secret" translate="no"/>
    <its:translateRule selector="//secret[@open]" translate="yes"/>
    <its:translateRule selector="//img/@alt | //@title" translate="yes"/>
    <its:translateRule selector="//img/@title" translate="no"/>
    <its:translateRule selector="//keep" translate="no"/>
    <its:locNoteRule selector="//p" locNoteType="alert">
      <its:locNote>A note in the rules is no unit.</its:locNote>
    </its:locNoteRule>
  </its:rules>
  <p>Visible text one.</p>
  <secret>Hidden text two.</secret>
  <secret open="1">Opened text three.</secret>
  <keep its:translate="yes">Local wins four.</keep>
  <div its:translate="no">
    <p>Inherited no five.</p>
    <p its:translate="yes">Override yes six.</p>
    <section><p>Deeper no <b>too</b>.</p></section>
  </div>
  <p title="Title attr seven" code="en-US">Body eight <img src="x.png"
    alt="Alt nine" title="Not ten"/></p>
  <p its:translate="no" title="Title in no eleven">Hidden twelve</p>
  <p title="   ">Empty title thirteen</p>
</doc>
XML
units "$work/tr.xml"
has "Visible text one."
hasnt "Hidden text two."
has "Opened text three."
has "Local wins four."
hasnt "Inherited no five."
has "Override yes six."
hasnt "Deeper no"
has "Title attr seven"
has "Body eight"
has "Alt nine"
hasnt "Not ten"
hasnt "en-US"
has "Title in no eleven"
hasnt "Hidden twelve"
hasnt "A note in the rules"
has "Empty title thirteen"
checks=$((checks + 1))
[ "$(wc -l <"$work/units")" -eq 9 ] || fail "expected 9 units, got:
$(cat "$work/units")"
# Attribute units are named after their element.
run_bitext segment --lang en --format json "$work/tr.xml"
expect_stdout_match '"segments":\["Alt nine"\],"name":"/doc/p/img/@alt"'
expect_stdout_match '"segments":\["Title attr seven"\],"name":"/doc/p/@title"'
# Round trip, and the attribute translated in place.
run_bitext extract --srclang en -o "$work/tr.xlf" "$work/tr.xml"
expect_status 0
run_bitext merge -o "$work/tr.out" "$work/tr.xlf"
expect_status 0
expect_same "$work/tr.out" "$work/tr.xml"

# Precedence between sources of rules: --its < linked < the document's.
cat >"$work/user.its" <<'XML'
<?xml version="1.0"?>
<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
  <its:translateRule selector="//note | //extra" translate="no"/>
  <its:translateRule selector="//linked" translate="yes"/>
</its:rules>
XML
cat >"$work/linked.its" <<'XML'
<?xml version="1.0"?>
<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">
  <its:translateRule selector="//linked | //link-only" translate="no"/>
</its:rules>
XML
cat >"$work/prec.xml" <<'XML'
<?xml version="1.0"?>
<doc xmlns:its="http://www.w3.org/2005/11/its"
     xmlns:xlink="http://www.w3.org/1999/xlink">
  <head>
    <its:rules version="2.0" xlink:type="simple" xlink:href="linked.its">
      <its:translateRule selector="//note" translate="yes"/>
      <its:translateRule selector="//linked[@own]" translate="yes"/>
    </its:rules>
  </head>
  <note>Document rule beats --its.</note>
  <extra>Only --its says no.</extra>
  <linked>Linked rule beats --its.</linked>
  <linked own="1">Own rule beats linked.</linked>
  <link-only>Linked says no.</link-only>
</doc>
XML
units "$work/prec.xml" --its "$work/user.its"
has "Document rule beats --its."
hasnt "Only --its says no."
hasnt "Linked rule beats --its."
has "Own rule beats linked."
hasnt "Linked says no."
# Without --its, the document's rules alone.
units "$work/prec.xml"
has "Only --its says no."

# its:param values are XPath variables of the rules after them.
cat >"$work/param.xml" <<'XML'
<doc xmlns:its="http://www.w3.org/2005/11/its">
  <its:rules version="2.0">
    <its:param name="status">draft</its:param>
    <its:translateRule selector="//msg[@status = $status]" translate="no"/>
  </its:rules>
  <msg status="final">Final message.</msg>
  <msg status="draft">Draft message.</msg>
</doc>
XML
units "$work/param.xml"
has "Final message."
hasnt "Draft message."
finish
