# bench/lib.sh — what the benchmark scripts share; sourced, not run.  POSIX sh.
#
# The sourcing script sets RUNS (how many times), GNU_TIME (GNU time's path), tfile
# (a scratch file name) and a say function for messages.

# best CMD...: runs CMD RUNS times (stdout to /dev/null); prints "SECONDS RSS_KIB" of
# the fastest run and the largest RSS, or "FAILED".  Wall time comes from a nanosecond
# clock around the run, peak RSS from GNU time (%M).
best () {
  b='' m=0 i=1
  while test $i -le "$RUNS"; do
    t0=$(date +%s%N)
    if ! "$GNU_TIME" -f '%M' -o "$tfile" "$@" >/dev/null 2>"$tfile.err"; then
      say "failed: $*"; sed -n '1,5p' "$tfile.err" >&2; echo FAILED; return 1
    fi
    t1=$(date +%s%N)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    r=$(tail -n 1 "$tfile")
    b=$(awk -v a="$s" -v b="$b" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')
    test "$r" -gt "$m" && m=$r
    i=$((i + 1))
  done
  echo "$b $m"
}
