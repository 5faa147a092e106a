#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The seed article's XLIFF at three stages, fresh, half translated and
# fully translated, gives 0%, the expected middle figure and 100%.
#
# The XLIFF 2.1 files are made here from `bitext segment --format tsv`
# (one <unit> per unit id, one <segment> per sentence), as `bitext
# extract` will write them; "half" translates the first half of the
# sentences.  The middle figure is computed independently: in segments by
# counting, in words with a counter for this text (one word per
# ideograph, one per number; the article has no Latin words).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/cli/coverage-lib.sh"

seed="$top_srcdir/corpora/seed/health-community.zh-CN.txt"
run_bitext segment --lang zh-CN --format tsv "$seed"
expect_status 0
[ "$status" -eq 0 ] || finish
cp "$work/stdout" "$work/seed.tsv"
n=$(wc -l <"$work/seed.tsv")
half=$((n / 2))

# make_xliff TRANSLATED: the XLIFF with the first TRANSLATED sentences
# translated (a target and state="translated"), the others fresh.
make_xliff() {
	xml_escape <"$work/seed.tsv" | awk -F '\t' -v done="$1" '
	BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"" \
			" version=\"2.1\" srcLang=\"zh-CN\" trgLang=\"en\">"
		print "  <file id=\"f1\" original=\"health-community.zh-CN.txt\">"
	}
	$1 != unit {
		if (unit != "")
			print "    </unit>"
		unit = $1
		print "    <unit id=\"" unit "\">"
	}
	{
		text = $3
		gsub(/\\t/, "\t", text); gsub(/\\n/, "\n", text)
		gsub(/\\\\/, "\\", text)
		k++
		if (k <= done)
			printf "      <segment id=\"s%d\" state=\"translated\">" \
				"<source>%s</source><target>Sentence %d.</target>" \
				"</segment>\n", k, text, k
		else
			printf "      <segment id=\"s%d\" state=\"initial\">" \
				"<source>%s</source></segment>\n", k, text
	}
	END {
		if (unit != "")
			print "    </unit>"
		print "  </file>"
		print "</xliff>"
	}'
}
make_xliff 0 >"$work/fresh.xlf"
make_xliff "$half" >"$work/half.xlf"
make_xliff "$n" >"$work/full.xlf"
if [ -n "${XMLLINT:-}" ]; then
	for f in fresh half full; do
		checks=$((checks + 1))
		"$XMLLINT" --noout "$work/$f.xlf" || fail "$f.xlf is not XML"
	done
fi

# Fresh: nothing translated.
coverage_csv "$work/fresh.xlf"
expect_status 0
expect_value "$work/out.csv" total coverage 0.00
expect_value "$work/out.csv" total segments_untranslated "$n"
# Fully translated.
coverage_csv "$work/full.xlf"
expect_status 0
expect_value "$work/out.csv" total coverage 100.00
expect_value "$work/out.csv" total segments_translated "$n"

# Half: in segments, half / n.
coverage_csv --measure segments "$work/half.xlf"
expect_status 0
expected=$(awk -v a="$half" -v b="$n" 'BEGIN {
	h = int(a * 10000 / b); printf "%d.%02d", h / 100, h % 100 }')
expect_value "$work/out.csv" total coverage "$expected"
# In units: a unit is translated when all its sentences are.
units_done=$(awk -F '\t' -v done="$half" '
	{ k++; if (!($1 in last)) order[++u] = $1; last[$1] = k }
	END { for (i = 1; i <= u; i++) if (last[order[i]] <= done) c++
	      print c + 0 }' "$work/seed.tsv")
expect_value "$work/out.csv" total units_translated "$units_done"

# In words: the counter below, on the sentences themselves.
if command -v python3 >/dev/null 2>&1; then
	python3 - "$work/seed.tsv" "$half" >"$work/words" <<'PY'
import re, sys
lines = [l.rstrip("\n").split("\t")[2]
         for l in open(sys.argv[1], encoding="utf-8")]
han = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
num = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
def words(s):
    return len(han.findall(s)) + len(num.findall(s))
done = sum(words(s) for s in lines[:int(sys.argv[2])])
total = sum(words(s) for s in lines)
h = done * 10000 // total
print(done, total, "%d.%02d" % (h // 100, h % 100))
PY
	read -r w_done w_total w_pct <"$work/words"
	coverage_csv "$work/half.xlf"
	expect_value "$work/out.csv" total words_total "$w_total"
	expect_value "$work/out.csv" total words_translated "$w_done"
	expect_value "$work/out.csv" total coverage "$w_pct"
	# And a middle figure it is.
	checks=$((checks + 1))
	case $w_pct in 0.00|100.00) fail "the half stage is at $w_pct" ;; esac
fi

# The three together: the total is their sum, the files below 100% named
# lowest first when the gate fails.
run_bitext coverage --fail-under 100 "$work/full.xlf" "$work/half.xlf" \
	"$work/fresh.xlf"
expect_status 1
expect_stderr_match "files under it: [^ ]*fresh\.xlf \(0\.0%\), [^ ]*half\.xlf \("
finish
