#!/bin/sh
# bench-xliff.sh — throughput and peak memory of `bitext extract` and `bitext merge`
# on the 100 MB zh and en corpora of make-corpus.sh, beside `xmllint --stream --noout`
# over the same XLIFF in the same run (the cost of just parsing it).
#
# Environment: BITEXT, BITEXT_DATADIR, CORPORA, BENCH_WORK as for bench-segment.sh;
# BENCH_XLIFF_SIZE (MB, default 100); BENCH_RUNS (default 3).
# Targets (DESIGN.md, issue 3): extract and merge >= 50 MB/s each; merge within 3x of
# the xmllint pass.  Exit status 0 when every command succeeded.  POSIX sh.
set -u
me=bench-xliff.sh
here=$(cd "$(dirname "$0")" && pwd) || exit 2
BITEXT=${BITEXT:-$here/../src/bitext}
CORPORA=${CORPORA:-$here/../corpora}
BENCH_WORK=${BENCH_WORK:-./bench-work}
SIZE=${BENCH_XLIFF_SIZE:-100}
RUNS=${BENCH_RUNS:-3}
GNU_TIME=${GNU_TIME:-/usr/bin/time}
export CORPORA
if test -n "${BITEXT_DATADIR:-}"; then export BITEXT_DATADIR; fi
say () { printf '%s: %s\n' "$me" "$*" >&2; }

"$GNU_TIME" -f '%e %M' -o /dev/null true >/dev/null 2>&1 ||
  { say "GNU time is needed: apt-get install time"; exit 2; }
command -v xmllint >/dev/null 2>&1 ||
  { say "xmllint is needed: apt-get install libxml2-utils"; exit 2; }
mkdir -p "$BENCH_WORK" && BENCH_WORK=$(cd "$BENCH_WORK" && pwd) || exit 2
dir=$BENCH_WORK/corpus-${SIZE}mb
sh "$here/make-corpus.sh" "$dir" "$SIZE" || { say "cannot build the corpora"; exit 1; }
tfile=$BENCH_WORK/.xtime.$$
trap 'rm -f "$tfile" "$tfile.err"' 0

. "$here/lib.sh"

failed=0
printf '\nbitext extract / merge vs xmllint --stream --noout  (best of %s; MB = 2^20 bytes)\n' "$RUNS"
fmt='%-4s %-22s %9s %9s %8s %11s %10s\n'
printf "$fmt" lang step "input MB" seconds "MB/s" "peak RSS MB" "vs xmllint"
for lang in zh en; do
  src=$dir/$lang.txt xlf=$dir/$lang.xlf out=$dir/$lang.merged
  srcmb=$(awk -v b="$(wc -c <"$src")" 'BEGIN { printf "%.1f", b / 1048576 }')
  slang=$lang; test "$lang" = zh && slang=zh-CN
  ex=$(best "$BITEXT" extract --srclang "$slang" --trglang fr -o "$xlf" "$src") || failed=1
  xmb=$(awk -v b="$(wc -c <"$xlf" 2>/dev/null || echo 0)" 'BEGIN { printf "%.1f", b / 1048576 }')
  xl=$(best xmllint --stream --huge --noout "$xlf") || failed=1
  me_=$(best "$BITEXT" merge -o "$out" "$xlf") || failed=1
  cmp -s "$out" "$src" || { say "merge of $lang did not give the original back"; failed=1; }
  for row in "extract (text in)|$srcmb|$ex" "xmllint --stream|$xmb|$xl" "merge (XLIFF in)|$xmb|$me_"; do
    name=${row%%|*} rest=${row#*|} mb=${rest%%|*} res=${rest#*|}
    set -- $res
    if test "$1" = FAILED; then printf "$fmt" "$lang" "$name" "$mb" FAILED - - -; continue; fi
    set -- $xl
    xsecs=$1
    set -- $res
    awk -v l="$lang" -v n="$name" -v mb="$mb" -v s="$1" -v r="$2" -v x="$xsecs" -v f="$fmt" \
      'BEGIN { printf f, l, n, mb, s, (s > 0 ? sprintf("%.1f", mb / s) : "inf"),
               sprintf("%.1f", r / 1024), (x > 0 ? sprintf("%.2fx", s / x) : "-") }'
  done
done
echo "targets: extract and merge >= 50 MB/s; merge <= 3x the xmllint pass; memory bounded by the document"
exit $failed
