# SPDX-License-Identifier: GPL-3.0-or-later
# align-score.awk: scores sentence alignments against gold, with the
# definitions of the alignment literature (Sennrich & Volk 2010; the
# scorer of shared/tools), for the tests that must run without it.
#
#	awk -f align-score.awk GOLD TEST [GOLD TEST...]
#
# Files hold one bead a line, "[0]:[0, 1]", "[3]:[]", "[]:[4]".
#   strict: a test bead is correct only if the identical bead is in gold.
#   lax: also if it shares a source sentence with a gold bead and one of
#        that gold bead's target sentences.
#   precision: over the test beads (not both sides empty) judged by gold;
#   recall: over the gold beads with both sides, judged by the test beads
#           with both sides.  Counts are summed over all pairs of files.
# Prints "strict P R F1" and "lax P R F1" lines.

function side(s,    n, i, a, out) {
	gsub(/[][ ]/, "", s)
	n = split(s, a, ",")
	out = ""
	for (i = 1; i <= n; i++)
		if (a[i] != "")
			out = out (out == "" ? "" : ",") a[i]
	return out
}

# Reads FILE's beads into beads[tag, k] ("SRC:TGT"), nb[tag].
function read(file, tag,    line, p, n) {
	n = 0
	while ((getline line < file) > 0) {
		if (line ~ /^[ \t]*$/)
			continue
		p = index(line, ":")
		if (!p) {
			print "align-score.awk: " file ": not a bead: " line \
				> "/dev/stderr"
			exit 2
		}
		beads[tag, ++n] = side(substr(line, 1, p - 1)) ":" \
			side(substr(line, p + 1))
	}
	close(file)
	nb[tag] = n
}

# Judges the beads of `cand` by those of `ref`; only beads with both
# sides when both_only.  Adds to ok_s, bad_s, ok_l, bad_l.
function judge(ref, cand, both_only,    k, b, p, s, t, n, i, j, sa, ta, \
	       inref, links, seen, m, reach) {
	delete inref
	delete links
	for (k = 1; k <= nb[ref]; k++) {
		b = beads[ref, k]
		p = index(b, ":")
		s = substr(b, 1, p - 1)
		t = substr(b, p + 1)
		if (s == "" && t == "")
			continue
		if (both_only && (s == "" || t == ""))
			continue
		inref[b] = 1
		n = split(s, sa, ",")
		m = split(t, ta, ",")
		for (i = 1; i <= n; i++)
			for (j = 1; j <= m; j++)
				links[sa[i], ta[j]] = 1
	}
	delete seen
	for (k = 1; k <= nb[cand]; k++) {
		b = beads[cand, k]
		p = index(b, ":")
		s = substr(b, 1, p - 1)
		t = substr(b, p + 1)
		if ((s == "" && t == "") || (b in seen))
			continue
		if (both_only && (s == "" || t == ""))
			continue
		seen[b] = 1
		if (b in inref) {
			ok_s++
			ok_l++
			continue
		}
		bad_s++
		reach = 0
		n = split(s, sa, ",")
		m = split(t, ta, ",")
		for (i = 1; i <= n && !reach; i++)
			for (j = 1; j <= m && !reach; j++)
				if ((sa[i], ta[j]) in links)
					reach = 1
		if (reach)
			ok_l++
		else
			bad_l++
	}
}

function f1(p, r) {
	return p + r > 0 ? 2 * p * r / (p + r) : 0
}

function ratio(a, b) {
	return a + b > 0 ? a / (a + b) : 0
}

BEGIN {
	if (ARGC < 3 || (ARGC - 1) % 2) {
		print "usage: awk -f align-score.awk GOLD TEST..." > "/dev/stderr"
		exit 2
	}
	for (f = 1; f < ARGC; f += 2) {
		read(ARGV[f], "g")
		read(ARGV[f + 1], "t")
		ok_s = bad_s = ok_l = bad_l = 0
		judge("g", "t", 0)
		ps += ok_s; pbs += bad_s; pl += ok_l; pbl += bad_l
		ok_s = bad_s = ok_l = bad_l = 0
		judge("t", "g", 1)
		rs += ok_s; rbs += bad_s; rl += ok_l; rbl += bad_l
	}
	p = ratio(ps, pbs); r = ratio(rs, rbs)
	printf "strict %.3f %.3f %.3f\n", p, r, f1(p, r)
	p = ratio(pl, pbl); r = ratio(rl, rbl)
	printf "lax %.3f %.3f %.3f\n", p, r, f1(p, r)
	exit 0
}
