#!/bin/sh
# bench-coverage.sh — throughput and peak memory of `bitext coverage` beside
# `xmllint --stream --noout` and Translate Toolkit's `pocount`.
#
# Builds (once; cached under BENCH_WORK/coverage, rebuilt when this script's generator
# version or its sources change) a folder of BENCH_FILES (default 1000) XLIFF files of
# about BENCH_FILE_KB (default 215) KiB each, at least 200 MB in all: 70% XLIFF 2.1, 30%
# XLIFF 1.2, half with Chinese sources and half English, every state, some inline codes.
# The sentences come from corpora/ cut by `bitext segment` (the seed article and the UDHR
# in Chinese and English); a fixed Park-Miller generator picks them, so every run and
# every awk writes the same bytes.
#
# Then, in the same run, on the page-cached files:
#   xmllint --stream --noout FILES...          (the baseline: libxml2's reader alone)
#   bitext coverage DIR > /dev/null            (BENCH_RUNS times each, alternating)
#   bitext coverage -f json DIR > /dev/null    (once)
#   pocount SUBSET  and  bitext coverage SUBSET (once each; SUBSET: the first XLIFF 1.2
#                                               files making BENCH_POCOUNT_MB, default 25 MB,
#                                               since pocount does not read XLIFF 2)
# and prints a table: best wall time, MB/s, peak RSS (GNU time), and the ratios the
# targets are about: bitext time / xmllint time (target <= 1.5), pocount time / bitext
# time on the subset (target >= 40), bitext peak RSS (target < 50 MB).
#
# Environment: BITEXT, BITEXT_DATADIR, CORPORA, BENCH_WORK (as bench-segment.sh),
# BENCH_FILES, BENCH_FILE_KB, BENCH_RUNS (default 3), BENCH_POCOUNT_MB, XMLLINT, POCOUNT.
# A missing xmllint or pocount skips its line.  Exit status: 0 when every command ran
# and succeeded (targets met or not), 1 when one failed, 2 when it could not start.

set -u

GEN_VERSION=1

me=bench-coverage.sh
here=$(cd "$(dirname "$0")" && pwd) || exit 2
BITEXT=${BITEXT:-$here/../src/bitext}
CORPORA=${CORPORA:-$here/../corpora}
BENCH_WORK=${BENCH_WORK:-./bench-work}
BENCH_FILES=${BENCH_FILES:-1000}
BENCH_FILE_KB=${BENCH_FILE_KB:-215}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_POCOUNT_MB=${BENCH_POCOUNT_MB:-25}
GNU_TIME=${GNU_TIME:-/usr/bin/time}
XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
POCOUNT=${POCOUNT:-$(command -v pocount || true)}
if test -n "${BITEXT_DATADIR:-}"; then export BITEXT_DATADIR; fi

say () { printf '%s: %s\n' "$me" "$*" >&2; }

# --- prerequisites ------------------------------------------------------------------
if ! "$GNU_TIME" -f '%e %M' -o /dev/null true > /dev/null 2>&1; then
  say "GNU time is needed at $GNU_TIME to measure peak RSS; install the Debian package 'time'"
  exit 2
fi
if ! test -x "$BITEXT"; then
  say "bitext program not found at '$BITEXT': run 'make' first, or set BITEXT"
  exit 2
fi
for v in BENCH_FILES BENCH_FILE_KB BENCH_RUNS BENCH_POCOUNT_MB; do
  eval "x=\$$v"
  case $x in ''|*[!0-9]*|0) say "$v must be a positive number"; exit 2 ;; esac
done
case $(date +%N 2>/dev/null) in
  [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) hires=yes ;;
  *) hires=no ;;
esac

mkdir -p "$BENCH_WORK/coverage" || exit 2
BENCH_WORK=$(cd "$BENCH_WORK" && pwd) || exit 2
root=$BENCH_WORK/coverage
dir=$root/xliff
tfile=$root/.time.$$
efile=$root/.stderr.$$
results=$root/.results.$$
trap 'rm -f "$tfile" "$efile" "$results" "$root"/.pool.*.$$' 0
trap 'exit 130' INT TERM HUP
: > "$results"

# --- the corpus ---------------------------------------------------------------------
seed=$CORPORA/seed/health-community.zh-CN.txt
udhr_zh=$CORPORA/udhr/cmn_hans.html
udhr_en=$CORPORA/udhr/eng.html
for f in "$seed" "$udhr_zh" "$udhr_en"; do
  test -r "$f" || { say "cannot read '$f' (set CORPORA)"; exit 2; }
done
stamp="gen=$GEN_VERSION files=$BENCH_FILES kb=$BENCH_FILE_KB sources=$(cat "$seed" "$udhr_zh" "$udhr_en" | cksum | tr ' ' -)"

# html_paragraphs FILE: the text of each <h1>, <h2>, <p>, one a line, blank-line separated.
html_paragraphs () {
  LC_ALL=C awk '
    { buf = buf " " $0 }
    END {
      while (match(buf, /<(p|h1|h2)( [^>]*)?>/)) {
        buf = substr(buf, RSTART + RLENGTH)
        e = match(buf, /<\/(p|h1|h2)>/)
        if (!e) break
        t = substr(buf, 1, RSTART - 1); buf = substr(buf, RSTART + RLENGTH)
        gsub(/<[^>]*>/, "", t); gsub(/[ \t\r\n]+/, " ", t)
        sub(/^ /, "", t); sub(/ $/, "", t)
        if (t != "") print t "\n"
      }
    }' "$1" | sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&nbsp;/ /g' \
                  -e 's/&amp;/\&/g'
}

# pool LANG FILES...: the sentences of the files, one a line, XML-escaped.
pool () {
  lang=$1; shift
  for f in "$@"; do
    "$BITEXT" segment --lang "$lang" --format tsv "$f" || return 1
  done | cut -f3 | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'
}

build_corpus () {
  say "building $BENCH_FILES XLIFF files of ~$BENCH_FILE_KB KiB in $dir (once)"
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  html_paragraphs "$udhr_zh" > "$root/.pool.udhr-zh.$$"
  html_paragraphs "$udhr_en" > "$root/.pool.udhr-en.$$"
  pool zh-CN "$seed" "$root/.pool.udhr-zh.$$" > "$root/.pool.zh.$$" || return 1
  pool en "$root/.pool.udhr-en.$$" > "$root/.pool.en.$$" || return 1
  LC_ALL=C awk -v dir="$dir" -v nfiles="$BENCH_FILES" -v bytes="$((BENCH_FILE_KB * 1024))" \
      -v zhpool="$root/.pool.zh.$$" -v enpool="$root/.pool.en.$$" '
    function rnd() { seed = (seed * 16807) % 2147483647; return seed }
    function pick(lang) { return lang == "zh" ? zh[rnd() % nzh] : en[rnd() % nen] }
    # Inline codes now and then, in the version'"'"'s syntax.
    function codes(s, v2,   k) {
      k = rnd() % 10
      if (k == 0) return v2 ? "<pc id=\"1\">" s "</pc>" : "<g id=\"1\">" s "</g>"
      if (k == 1) return v2 ? s "<ph id=\"2\"/>" : s "<x id=\"2\"/>"
      return s
    }
    BEGIN {
      seed = 20240607
      while ((getline l < zhpool) > 0) if (l != "") zh[nzh++] = l
      while ((getline l < enpool) > 0) if (l != "") en[nen++] = l
      for (f = 0; f < nfiles; f++) {
        v2 = f % 10 < 7
        src = f % 2 ? "zh" : "en"; tgt = src == "zh" ? "en" : "zh"
        slang = src == "zh" ? "zh-CN" : "en"; tlang = tgt == "zh" ? "zh-CN" : "en"
        name = sprintf("%s/f%04d-%s.xlf", dir, f, v2 ? "x21" : "x12")
        n = 0
        if (v2) {
          out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"" slang "\" trgLang=\"" tlang "\">\n<file id=\"f1\" original=\"doc" f ".txt\">\n"
        } else {
          out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"doc" f ".txt\" source-language=\"" slang "\" target-language=\"" tlang "\" datatype=\"plaintext\">\n<body>\n"
        }
        printf "%s", out > name; n += length(out)
        u = 0
        while (n < bytes) {
          u++
          r = rnd() % 100
          # states: 20 untranslated, 10 needs review, 40 translated, 15 reviewed, 15 final
          st = r < 20 ? 0 : r < 30 ? 1 : r < 70 ? 2 : r < 85 ? 3 : 4
          if (v2) {
            out = "<unit id=\"u" u "\">\n"
            nseg = 1 + rnd() % 3
            for (s = 1; s <= nseg; s++) {
              stname = st == 1 ? "initial" : st == 3 ? "reviewed" : st == 4 ? "final" : st == 2 && rnd() % 2 ? "translated" : ""
              out = out "<segment id=\"s" s "\"" (stname == "" ? "" : " state=\"" stname "\"") ">\n<source>" codes(pick(src), 1) "</source>\n"
              if (st > 0) out = out "<target>" codes(pick(tgt), 1) "</target>\n"
              out = out "</segment>\n"
              if (s < nseg) out = out "<ignorable><source> </source></ignorable>\n"
            }
            out = out "</unit>\n"
          } else {
            stname = st == 1 ? "needs-review-translation" : st == 3 ? "signed-off" : st == 4 ? "final" : "translated"
            out = "<trans-unit id=\"u" u "\"" (st == 4 ? " approved=\"yes\"" : "") ">\n<source>" codes(pick(src), 0) "</source>\n"
            if (st > 0) out = out "<target state=\"" stname "\">" codes(pick(tgt), 0) "</target>\n"
            out = out "</trans-unit>\n"
          }
          printf "%s", out > name; n += length(out)
        }
        out = v2 ? "</file>\n</xliff>\n" : "</body>\n</file>\n</xliff>\n"
        printf "%s", out > name
        close(name)
      }
    }' || return 1
  echo "$stamp" > "$root/stamp"
}

if test "$(cat "$root/stamp" 2>/dev/null)" != "$stamp" || ! test -d "$dir"; then
  build_corpus || { say "could not build the corpus"; exit 1; }
fi
set -- "$dir"/*.xlf
nfiles=$#
bytes=$(cat "$@" | wc -c | tr -d ' ')
say "corpus: $nfiles files, $bytes bytes in $dir"

# The pocount subset: XLIFF 1.2 files up to BENCH_POCOUNT_MB.
subset=$root/subset.list
: > "$subset"
sub_bytes=0
for f in "$dir"/*-x12.xlf; do
  test "$sub_bytes" -ge $((BENCH_POCOUNT_MB * 1048576)) && break
  echo "$f" >> "$subset"
  sub_bytes=$((sub_bytes + $(wc -c < "$f")))
done

# --- measuring ----------------------------------------------------------------------
failed=0

# run_once LABEL CMD...: as in bench-segment.sh; sets R_SECS and R_RSS (KiB).
run_once () {
  label=$1; shift
  if test $hires = yes; then t0=$(date +%s%N); fi
  "$GNU_TIME" -f '%e %M' -o "$tfile" "$@" > /dev/null 2> "$efile"
  st=$?
  if test $hires = yes; then t1=$(date +%s%N); fi
  last=$(tail -n 1 "$tfile" 2> /dev/null)
  R_SECS=${last% *} R_RSS=${last#* }
  case $R_SECS in ''|*[!0-9.]*) R_SECS=0 ;; esac
  case $R_RSS in ''|*[!0-9]*) R_RSS=0 ;; esac
  if test $hires = yes; then
    R_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  fi
  if test $st -ne 0; then
    say "$label failed (exit status $st):"
    sed -n '1,10p' "$efile" >&2
    return 1
  fi
  return 0
}

# record NAME BYTES SECS RSS
record () { echo "$1 $2 $3 $4" >> "$results"; }

cat "$@" > /dev/null                  # into the page cache
xl_best='' xl_rss=0 bt_best='' bt_rss=0
run=1
while test $run -le "$BENCH_RUNS"; do
  say "run $run/$BENCH_RUNS"
  if test -n "$XMLLINT"; then
    if run_once "xmllint --stream" "$XMLLINT" --stream --noout "$@"; then
      xl_best=$(awk -v a="$R_SECS" -v b="$xl_best" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')
      test "$R_RSS" -gt "$xl_rss" && xl_rss=$R_RSS
    else failed=1; fi
  fi
  if run_once "bitext coverage" "$BITEXT" coverage "$dir"; then
    bt_best=$(awk -v a="$R_SECS" -v b="$bt_best" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')
    test "$R_RSS" -gt "$bt_rss" && bt_rss=$R_RSS
  else failed=1; fi
  run=$((run + 1))
done
test -n "$bt_best" && record bitext "$bytes" "$bt_best" "$bt_rss"
test -n "$xl_best" && record xmllint "$bytes" "$xl_best" "$xl_rss"
if run_once "bitext coverage -f json" "$BITEXT" coverage -f json "$dir"; then
  record bitext-json "$bytes" "$R_SECS" "$R_RSS"
else failed=1; fi

# shellcheck disable=SC2046
set -- $(cat "$subset")
say "pocount subset: $# XLIFF 1.2 files, $sub_bytes bytes"
if run_once "bitext coverage (subset)" "$BITEXT" coverage "$@"; then
  record bitext-subset "$sub_bytes" "$R_SECS" "$R_RSS"
else failed=1; fi
if test -n "$POCOUNT"; then
  if run_once "pocount (subset)" "$POCOUNT" "$@"; then
    record pocount-subset "$sub_bytes" "$R_SECS" "$R_RSS"
  else failed=1; fi
else
  say "pocount not found (Debian package translate-toolkit): its line is skipped"
fi

# --- report -------------------------------------------------------------------------
echo
echo "bitext coverage: $nfiles XLIFF files (best of $BENCH_RUNS for bitext and xmllint; MB = 2^20 bytes)"
awk '
  { name[NR] = $1; bytes[NR] = $2; secs[NR] = $3; rss[NR] = $4; s[$1] = $3; r[$1] = $4 }
  END {
    fmt = "%-32s %9s %8s %9s %12s\n"
    printf fmt, "command", "size MB", "seconds", "MB/s", "peak RSS MB"
    printf fmt, "-------", "-------", "-------", "----", "-----------"
    label["bitext"] = "bitext coverage DIR"
    label["xmllint"] = "xmllint --stream --noout FILES"
    label["bitext-json"] = "bitext coverage -f json DIR"
    label["bitext-subset"] = "bitext coverage SUBSET"
    label["pocount-subset"] = "pocount SUBSET"
    for (i = 1; i <= NR; i++) {
      mb = bytes[i] / 1048576
      rate = secs[i] > 0 ? sprintf("%.1f", mb / secs[i]) : "inf"
      printf "%-32s %9.1f %8.3f %9s %12.1f\n", label[name[i]], mb, secs[i], rate, rss[i] / 1024
    }
    print ""
    if (("bitext" in s) && ("xmllint" in s) && s["xmllint"] > 0)
      printf "bitext / xmllint time:        %6.2f   (target <= 1.5)\n", s["bitext"] / s["xmllint"]
    if (("pocount-subset" in s) && ("bitext-subset" in s) && s["bitext-subset"] > 0)
      printf "pocount / bitext time:        %6.1f   (target >= 40; DESIGN.md bar >= 50)\n", s["pocount-subset"] / s["bitext-subset"]
    if ("bitext" in r)
      printf "bitext peak RSS:              %6.1f MB (target < 50)\n", r["bitext"] / 1024
    if ("bitext" in s && s["bitext"] > 0)
      printf "bitext throughput:            %6.1f MB/s (DESIGN.md bar >= 200 per core)\n", bytes[1] / 1048576 / s["bitext"]
  }' "$results"

if test $failed -ne 0; then
  say "some commands failed; see the messages above"
  exit 1
fi
exit 0
