#!/bin/sh
# bench-segment.sh — throughput and peak memory of `bitext segment` against `wc -m`.
#
# For each size in BENCH_SIZES (MB; default "10 100") and each of zh, en, builds the corpus
# with make-corpus.sh (cached under BENCH_WORK), then times, BENCH_RUNS times each
# (default 3) and alternating, on the same file:
#   bitext segment --lang LANG --format tsv FILE > /dev/null
#   LC_ALL=C.UTF-8 wc -m FILE > /dev/null                      (the baseline)
# and prints a table: best wall time, MB/s, largest peak RSS, and bitext time / wc time.
# Peak RSS comes from GNU time (%M); wall time from a nanosecond clock around it
# (GNU time's %e, 10 ms resolution, when `date +%N` is not available).
#
# Environment: BITEXT (the program; default ../src/bitext beside this script),
# BITEXT_DATADIR (passed on to bitext), CORPORA (the corpora/ directory), BENCH_WORK
# (where corpora are built; default ./bench-work), BENCH_SIZES, BENCH_RUNS.
# Exit status: 0 when every command ran and succeeded (whether or not the targets were
# met), 1 when one failed, 2 when the benchmark could not start.  POSIX sh.

set -u

me=bench-segment.sh
here=$(cd "$(dirname "$0")" && pwd) || exit 2
BITEXT=${BITEXT:-$here/../src/bitext}
CORPORA=${CORPORA:-$here/../corpora}
BENCH_WORK=${BENCH_WORK:-./bench-work}
BENCH_SIZES=${BENCH_SIZES:-10 100}
BENCH_RUNS=${BENCH_RUNS:-3}
GNU_TIME=${GNU_TIME:-/usr/bin/time}
export CORPORA
if test -n "${BITEXT_DATADIR:-}"; then export BITEXT_DATADIR; fi

say () { printf '%s: %s\n' "$me" "$*" >&2; }

# --- prerequisites ------------------------------------------------------------------
if ! "$GNU_TIME" -f '%e %M' -o /dev/null true > /dev/null 2>&1; then
  say "GNU time is needed at $GNU_TIME to measure peak RSS and it is missing (or is not GNU time)."
  say "Install the Debian package 'time':  apt-get install time"
  exit 2
fi
if ! test -x "$BITEXT"; then
  say "bitext program not found at '$BITEXT': run 'make' first, or set BITEXT"
  exit 2
fi
case $BENCH_RUNS in ''|*[!0-9]*|0) say "BENCH_RUNS must be a positive number"; exit 2 ;; esac
if test "$(printf '\303\251' | LC_ALL=C.UTF-8 wc -m | tr -d ' ')" != 1; then
  say "warning: the C.UTF-8 locale is missing, so 'wc -m' counts bytes and its time is not a fair baseline"
fi
case $(date +%N 2>/dev/null) in
  [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) hires=yes ;;
  *) hires=no ;;
esac

mkdir -p "$BENCH_WORK" || exit 2
BENCH_WORK=$(cd "$BENCH_WORK" && pwd) || exit 2
tfile=$BENCH_WORK/.time.$$
efile=$BENCH_WORK/.stderr.$$
results=$BENCH_WORK/.results.$$
trap 'rm -f "$tfile" "$efile" "$results"' 0
trap 'exit 130' INT TERM HUP
: > "$results"

failed=0

# run_once LABEL CMD...: runs CMD once with stdout to /dev/null; sets R_SECS and R_RSS
# (KiB); on failure reports the command's stderr and returns non-zero.
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
    sed -n '1,20p' "$efile" >&2
    return 1
  fi
  return 0
}

# bench_file SIZE LANG FILE: measures both tools on FILE, appends to $results the lines
# "SIZE LANG BYTES TOOL BEST_SECS MAX_RSS_KIB OK".
bench_file () {
  size=$1 lang=$2 file=$3
  bytes=$(wc -c < "$file" | tr -d ' ')
  cat "$file" > /dev/null                       # warm the page cache for both tools
  wc_best='' wc_rss=0 wc_ok=1 bt_best='' bt_rss=0 bt_ok=1
  run=1
  while test $run -le "$BENCH_RUNS"; do
    say "  $lang ${size} MB: run $run/$BENCH_RUNS"
    if run_once "wc -m ($lang, $size MB)" env LC_ALL=C.UTF-8 wc -m "$file"; then
      wc_best=$(awk -v a="$R_SECS" -v b="$wc_best" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')
      test "$R_RSS" -gt "$wc_rss" && wc_rss=$R_RSS
    else
      wc_ok=0 failed=1
    fi
    if test $bt_ok -eq 0; then
      :                                         # failed once: do not repeat it
    elif run_once "bitext segment ($lang, $size MB)" "$BITEXT" segment --lang "$lang" --format tsv "$file"; then
      bt_best=$(awk -v a="$R_SECS" -v b="$bt_best" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')
      test "$R_RSS" -gt "$bt_rss" && bt_rss=$R_RSS
    else
      bt_ok=0 failed=1
    fi
    run=$((run + 1))
  done
  printf '%s %s %s bitext %s %s %s\n' "$size" "$lang" "$bytes" "${bt_best:-0}" "$bt_rss" "$bt_ok" >> "$results"
  printf '%s %s %s wc-m %s %s %s\n' "$size" "$lang" "$bytes" "${wc_best:-0}" "$wc_rss" "$wc_ok" >> "$results"
}

# --- corpora and measurements -------------------------------------------------------
say "bitext: $BITEXT"
for size in $BENCH_SIZES; do
  dir=$BENCH_WORK/corpus-${size}mb
  if ! sh "$here/make-corpus.sh" "$dir" "$size"; then
    say "could not build the $size MB corpora"
    failed=1
    continue
  fi
  for lang in zh en; do
    bench_file "$size" "$lang" "$dir/$lang.txt"
  done
done

# --- report -------------------------------------------------------------------------
echo
echo "bitext segment --format tsv vs LC_ALL=C.UTF-8 wc -m  (best of $BENCH_RUNS; MB = 2^20 bytes; peak RSS = max over runs)"
awk -v runs="$BENCH_RUNS" '
  function mb(b) { return b / 1048576 }
  {
    size[NR] = $1; lang[NR] = $2; bytes[NR] = $3; tool[NR] = $4
    secs[NR] = $5; rss[NR] = $6; ok[NR] = $7
    if ($4 == "wc-m") wc[$1 " " $2] = $5
    if ($4 == "bitext") { btsecs[$1 " " $2] = $5; btrss[$1 " " $2] = $6; btok[$1 " " $2] = $7 }
  }
  END {
    fmt = "%-6s %8s  %-7s %8s %9s %13s %14s\n"
    printf fmt, "corpus", "size MB", "tool", "seconds", "MB/s", "peak RSS MB", "bitext/wc time"
    printf fmt, "------", "-------", "-------", "-------", "----", "-----------", "--------------"
    for (i = 1; i <= NR; i++) {
      k = size[i] " " lang[i]
      if (!ok[i]) { printf "%-6s %8.2f  %-7s %8s %9s %13s %14s\n", lang[i], mb(bytes[i]), tool[i], "FAILED", "-", "-", "-"; continue }
      rate = secs[i] > 0 ? sprintf("%.1f", mb(bytes[i]) / secs[i]) : "inf"
      ratio = "-"
      if (tool[i] == "bitext" && (k in wc) && wc[k] > 0) ratio = sprintf("%.2f", secs[i] / wc[k])
      printf "%-6s %8.2f  %-7s %8.3f %9s %13.1f %14s\n", lang[i], mb(bytes[i]), tool[i], secs[i], rate, rss[i] / 1024, ratio
    }
    # Memory growth between the smallest and the largest corpus, per language.
    print ""
    for (k in btrss) {
      split(k, p, " ")
      if (!btok[k]) continue
      if (!(p[2] in lo) || p[1] + 0 < lo[p[2]] + 0) lo[p[2]] = p[1]
      if (!(p[2] in hi) || p[1] + 0 > hi[p[2]] + 0) hi[p[2]] = p[1]
    }
    nl = split("zh en", langs, " ")
    for (j = 1; j <= nl; j++) {
      l = langs[j]
      if (!(l in lo) || hi[l] == lo[l]) continue
      a = btrss[lo[l] " " l]; b = btrss[hi[l] " " l]
      growth = (a > 0) ? b / a : 0
      printf "bitext peak RSS, %s: %.1f MB at %s MB -> %.1f MB at %s MB (x%.2f)\n", l, a / 1024, lo[l], b / 1024, hi[l], growth
    }
  }
' "$results"
echo
echo "target: segment ≤ 1.5 × wc -m time; peak RSS flat in input size"
echo "(DESIGN.md bar: segment ≥ 100 MB/s per core on zh and en with the default rules)"

if test $failed -ne 0; then
  say "some commands failed; see the messages above"
  exit 1
fi
exit 0
