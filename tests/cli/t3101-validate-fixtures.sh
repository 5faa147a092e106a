#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bitext validate on the fixtures of tests/data/validate (a subset of the
# OASIS XLIFF 2.1 suite, the LISA TMX kit and tool files; see its
# PROVENANCE.md), so that validation is tested without ../shared: every
# valid file is accepted in silence, every invalid one is rejected with
# status 1 and the reason, named "bitext: FILE:LINE: ...".
. "$top_srcdir/tests/cli/lib.sh"
data="$top_srcdir/tests/data/validate"
prefixes="$data/oasis21_extra-prefixes.properties"

for f in "$data"/valid/*; do
	run_bitext validate --prefixes "$prefixes" "$f"
	expect_status 0
	expect_stdout_empty
	checks=$((checks + 1))
	if [ -s "$work/stderr" ]; then
		fail "$f: valid, but bitext said:"
		head -3 "$work/stderr"
	fi
done

# expect_invalid FILE LINE REGEX: rejected, with REGEX reported at LINE.
expect_invalid() {
	run_bitext validate "$data/invalid/$1"
	expect_status 1
	expect_stdout_empty
	expect_stderr_match "^bitext: [^ ]*/$1:$2: $3"
}
expect_invalid oasis21_bad_EcBeforeSc.xlf 6 \
	"<ec startRef='1'> comes before its <sc>"
expect_invalid oasis21_bad_EcBeforeSc.xlf 9 "<sc id='1'> has no <ec>"
expect_invalid oasis21_bad_DifferentCanCopyInScAndEc.xlf 9 \
	"<ec> has canCopy='yes' but its <sc> \\(line 6\\) has 'no'"
expect_invalid oasis21_bad_DuplicateExtElemIdsInUnit.xlf 17 \
	"extension element id 'x1' is used twice in <unit>"
expect_invalid oasis21_bad_InvalidFragIdUnknownPrefix.xlf 8 \
	"ref='#/f=f1/u=1/my=myid1' is not a valid fragment identifier: prefix 'my' is not registered"
expect_invalid oasis21_bad_InvalidXmlLangInheritedFromGroup.xlf 7 \
	"the source is in 'ja' \\(xml:lang\\) but srcLang is 'en'"
expect_invalid oasis21_bad_MissingNonRemovable1.xlf 18 \
	"<ph id='4'> has canDelete='no' but is missing from the target"
expect_invalid oasis21_bad_WrongReordering2.xlf 7 \
	"the non-reorderable sequence that starts with <pc id='1'> is not kept"
expect_invalid oasis21_Bad-ctr_property-not-content-or-valid-attribute-ref.xlf \
	33 "property 'priority' is neither 'content' nor an attribute of <note>"
expect_invalid oasis21_Bad-mtc_wrong-ref-value.xlf 19 \
	"ref='#u1' must point to content of the same unit"
expect_invalid oasis21_Bad-slr_sizeInfoRef-has-no-data-sib.xlf 26 \
	"slr:sizeInfoRef='sir2' names nothing in an <slr:data>"
expect_invalid oasis21_Bad-val_ExactlyOneAttributeOnRule.xlf 32 \
	"<val:rule> needs exactly one test: .* \\(it has 2\\)"
expect_invalid omegat_invalid-unpaired-bpt.tmx 12 \
	"<ept i='1'> has no open <bpt i='1'> before it"
expect_invalid symfony_non-valid.xlf 5 \
	"schema: Element 'trans-unit': The attribute 'id' is required"

# The suite registers the extension prefix tbx; without it, it is unknown.
run_bitext validate "$data/valid/oasis21_withTBXExtension.xlf"
expect_status 1
expect_stderr_match "withTBXExtension.xlf:57: ref='#f=f1/tbx=tbx44' .*prefix 'tbx' is not registered"

# Registering the suite's prefixes (myNS=my among them) makes that very
# reference valid: the suite means them for its valid files only.
run_bitext validate --prefixes "$prefixes" \
	"$data/invalid/oasis21_bad_InvalidFragIdUnknownPrefix.xlf"
expect_status 0

# Many files at once: every problem of every file, status 1.
run_bitext validate $(ls "$data"/valid/* | grep -v TBX) "$data"/invalid/*
expect_status 1
for f in "$data"/invalid/*; do
	expect_stderr_match "^bitext: [^ ]*/$(basename "$f"):[0-9]+: "
done
checks=$((checks + 1))
if grep -q '/valid/' "$work/stderr"; then
	fail "a valid file was reported: $(grep '/valid/' "$work/stderr" | head -1)"
fi
finish
