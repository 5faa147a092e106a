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
segments "$work/tr.xml" --lang en
has_segment "Visible text one."
no_text "Hidden text two."
has_segment "Opened text three."
has_segment "Local wins four."
no_text "Inherited no five."
has_segment "Override yes six."
no_text "Deeper no"
has_segment "Title attr seven"
has_segment "Body eight"
has_segment "Alt nine"
no_text "Not ten"
no_text "en-US"
has_segment "Title in no eleven"
no_text "Hidden twelve"
no_text "A note in the rules"
has_segment "Empty title thirteen"
checks=$((checks + 1))
[ "$(wc -l <"$work/seg.txt")" -eq 9 ] || fail "expected 9 units, got:
$(cat "$work/seg.txt")"
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
segments "$work/prec.xml" --its "$work/user.its" --lang en
has_segment "Document rule beats --its."
no_text "Only --its says no."
no_text "Linked rule beats --its."
has_segment "Own rule beats linked."
no_text "Linked says no."
# Without --its, the document's rules alone.
segments "$work/prec.xml" --lang en
has_segment "Only --its says no."

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
segments "$work/param.xml" --lang en
has_segment "Final message."
no_text "Draft message."
finish
