#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Turns CC-CEDICT (cedict_ts.u8) into a bilingual dictionary for
# `bitext align --dict`, in hunalign's format: "English @ Chinese", one
# translation a line, for the simplified headword and, where it differs,
# the traditional one.
#
#	awk -f tools/cedict-to-dic.awk cedict_ts.u8 > data/dict/zh-en.dic
#
# A gloss becomes a translation when it is one: cross-references
# ("variant of", "see", "abbr. for", "CL:"), surnames and explanations
# longer than MAX_WORDS words are left out; "(...)" notes are dropped
# except an abbreviation in capitals after the words, which becomes a
# translation of its own ("World Health Organization (WHO)"); what follows a comma in a
# name's gloss is a description ("Emmanuel Macron (1977-), president of
# France"), and a leading "to " marks a verb.  Words that carry no
# meaning of their own (of, the, sb, sth) are left out of the English.

BEGIN {
	MAX_WORDS = 4
	split("a an the of to for and or in on at by with from as is be " \
	      "sb sth sb's sth's one one's oneself etc", w, " ")
	for (i in w)
		stop[w[i]] = 1
}

# The header: what this is, where it comes from, under which licence.
/^#! date=/ && !header_done {
	print "# bitext's Chinese-English dictionary for `bitext align`, in hunalign's"
	print "# format (English @ Chinese), made by tools/cedict-to-dic.awk from"
	print "# CC-CEDICT of " substr($0, 9, 10) " (https://www.mdbg.net/chinese/dictionary?page=cc-cedict),"
	print "# a community-maintained dictionary published by MDBG under the Creative"
	print "# Commons Attribution-ShareAlike 4.0 International License"
	print "# (https://creativecommons.org/licenses/by-sa/4.0/); this file is under the"
	print "# same licence.  Referenced works: CEDICT, Copyright (C) 1997, 1998 Paul"
	print "# Andrew Denisowski.  See data/dict/PROVENANCE.md."
	header_done = 1
}

/^#/ { next }

function emit(en, zh,    n, i, words, out, key) {
	gsub(/^[ \t]+|[ \t]+$/, "", en)
	n = split(en, words, " ")
	if (n == 0 || n > MAX_WORDS)
		return
	out = ""
	for (i = 1; i <= n; i++)
		if (!(tolower(words[i]) in stop))
			out = out (out == "" ? "" : " ") words[i]
	if (out == "")
		return
	key = out " @ " zh
	if (key in seen)
		return
	seen[key] = 1
	print key
}

function gloss(g, trad, simp,    abbr, s) {
	if (g ~ /^(variant of|old variant of|archaic variant of|see |see also |abbr\. for|abbr\. to|CL:|used in |surname |also written |erhua variant|Japanese variant|unofficial variant|\(old\) variant|\(archaic\)|\(Tw\) variant)/)
		return
	# An abbreviation in capitals after the name, "(WHO)", is a
	# translation too; at the start, "(ACG)", "(TCM)", it is a label.
	abbr = ""
	if (match(g, /[A-Za-z] \([A-Z][A-Z0-9&.-]+\)/))
		abbr = substr(g, RSTART + 3, RLENGTH - 4)
	s = g
	while (gsub(/\([^()]*\)/, "", s))
		;
	sub(/,.*/, "", s)
	sub(/;.*/, "", s)
	sub(/^ *to /, "", s)
	gsub(/ +/, " ", s)
	# Glosses that still hold Chinese or brackets are references.
	if (s !~ /[\[\]|]/ && s ~ /[A-Za-z]/ && s !~ /[\200-\377]/) {
		emit(s, simp)
		if (trad != simp)
			emit(s, trad)
	}
	if (abbr != "") {
		emit(abbr, simp)
		if (trad != simp)
			emit(abbr, trad)
	}
}

{
	sub(/\r$/, "")
	trad = $1
	simp = $2
	if (!match($0, /\] \//))
		next
	rest = substr($0, RSTART + 3)
	sub(/\/$/, "", rest)
	n = split(rest, gl, "/")
	for (i = 1; i <= n; i++)
		gloss(gl[i], trad, simp)
}
