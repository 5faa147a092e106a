#!/bin/sh
# bench-formats.sh — throughput and peak memory of `bitext extract` and `bitext merge`
# for each document format (HTML, XML, Markdown, PO, JSON) on a generated input of
# BENCH_FORMAT_SIZE MB, beside a reader of the same format measured in the same run:
# xmllint (HTML and XML), msgfmt (PO), python3 -m json.tool (JSON), md2html when it is
# installed (Markdown) and `wc -m` for every one.
#
# Each format's input comes from bench/make-FORMAT.sh OUT MB.  Merge takes the XLIFF as
# extract wrote it (no targets), so its output must be the input byte for byte: the
# benchmark checks that too.
#
# Environment: BITEXT, BITEXT_DATADIR, CORPORA, BENCH_WORK as for bench-segment.sh;
# BENCH_FORMAT_SIZE (MB, default 50); BENCH_RUNS (default 3); BENCH_FORMATS (default
# "html xml markdown po json").  Exit status 0 when every command succeeded.  POSIX sh.
set -u
me=bench-formats.sh
here=$(cd "$(dirname "$0")" && pwd) || exit 2
BITEXT=${BITEXT:-$here/../src/bitext}
CORPORA=${CORPORA:-$here/../corpora}
BENCH_WORK=${BENCH_WORK:-./bench-work}
SIZE=${BENCH_FORMAT_SIZE:-50}
RUNS=${BENCH_RUNS:-3}
FORMATS=${BENCH_FORMATS:-html xml markdown po json}
GNU_TIME=${GNU_TIME:-/usr/bin/time}
export CORPORA
if test -n "${BITEXT_DATADIR:-}"; then export BITEXT_DATADIR; fi
say () { printf '%s: %s\n' "$me" "$*" >&2; }

"$GNU_TIME" -f '%e %M' -o /dev/null true >/dev/null 2>&1 ||
  { say "GNU time is needed: apt-get install time"; exit 2; }
mkdir -p "$BENCH_WORK/formats" && BENCH_WORK=$(cd "$BENCH_WORK" && pwd) || exit 2
dir=$BENCH_WORK/formats
tfile=$BENCH_WORK/.ftime.$$
trap 'rm -f "$tfile" "$tfile.err"' 0

. "$here/lib.sh"

# The reader each format is measured beside: prints a command, or nothing.
baseline () {
  case $1 in
  html) command -v xmllint >/dev/null 2>&1 && echo "xmllint --html --huge --noout" ;;
  xml) command -v xmllint >/dev/null 2>&1 && echo "xmllint --stream --huge --noout" ;;
  po) command -v msgfmt >/dev/null 2>&1 && echo "msgfmt -o /dev/null" ;;
  json) command -v python3 >/dev/null 2>&1 && echo "python3 -m json.tool" ;;
  markdown) command -v md2html >/dev/null 2>&1 && echo "md2html --github" ;;
  esac
}

# row FORMAT STEP MB "SECONDS RSS"
fmt='%-9s %-30s %8s %8s %8s %11s\n'
row () {
  set -- "$1" "$2" "$3" $4
  if test "$4" = FAILED; then printf "$fmt" "$1" "$2" "$3" FAILED - -; return; fi
  awk -v f="$fmt" -v a="$1" -v n="$2" -v mb="$3" -v s="$4" -v r="$5" \
    'BEGIN { printf f, a, n, mb, s, (s > 0 ? sprintf("%.1f", mb / s) : "inf"),
             sprintf("%.1f", r / 1024) }'
}

failed=0
printf '\nbitext extract / merge per document format  (best of %s; MB = 2^20 bytes)\n' "$RUNS"
printf "$fmt" format step "input MB" seconds "MB/s" "peak RSS MB"
for f in $FORMATS; do
  gen=$here/make-$f.sh
  if ! test -f "$gen"; then say "no $gen: $f skipped"; continue; fi
  case $f in markdown) ext=md ;; *) ext=$f ;; esac
  src=$dir/bench.$ext xlf=$dir/bench-$f.xlf out=$dir/merged.$ext
  if ! test -s "$src" || test "$(cat "$dir/.size-$f" 2>/dev/null)" != "$SIZE"; then
    sh "$gen" "$src" "$SIZE" || { say "cannot build the $f input"; failed=1; continue; }
    echo "$SIZE" >"$dir/.size-$f"
  fi
  mb=$(awk -v b="$(wc -c <"$src")" 'BEGIN { printf "%.1f", b / 1048576 }')
  r=$(best "$BITEXT" extract --srclang en --trglang zh-CN -o "$xlf" "$src") || failed=1
  row "$f" "bitext extract" "$mb" "$r"
  xmb=$(awk -v b="$(wc -c <"$xlf" 2>/dev/null || echo 0)" 'BEGIN { printf "%.1f", b / 1048576 }')
  r=$(best "$BITEXT" merge -o "$out" "$xlf") || failed=1
  row "$f" "bitext merge (XLIFF $xmb MB)" "$mb" "$r"
  cmp -s "$out" "$src" || { say "merge of $f did not give the input back"; failed=1; }
  base=$(baseline "$f")
  if test -n "$base"; then
    r=$(best $base "$src") || failed=1
    row "$f" "$base" "$mb" "$r"
  fi
  r=$(LC_ALL=C.UTF-8 best wc -m "$src") || failed=1
  row "$f" "wc -m" "$mb" "$r"
done
echo "target (issue 6): extract and merge throughput and peak RSS for every format on >= 50 MB"
exit $failed
