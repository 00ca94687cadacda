#!/usr/bin/env bash
# The tokenizer's time per MB on adversarial input: runs without white space
# made to defeat its look-ahead (every word start looks like the start of an
# e-mail address, a domain, a URL, a number, an abbreviation). Linear
# scanners give a flat time per MB from 10 KB runs to 10 MB runs; the
# quadratic e-mail scan of main 4d69068 took ~20 s on 200 KB of "a.".
#
# usage: bench/adversarial_bench.sh BUILD_DIR
#   BUILD_DIR is a configured and built tree (targets vnseg_cli, dictionary).
#
# For each pattern and run length S (10 KB, 100 KB, 1 MB, 10 MB) it writes a
# file of BENCH_TOTAL_MB (default 10) MB made of lines of S bytes, each line
# one run of the pattern, and times `cat FILE`, `vnseg segment --tokenize
# FILE` and `vnseg segment FILE` (output to /dev/null, best of BENCH_RUNS).
# A file of the same size at every S keeps the process start-up from
# dominating the small runs: the time per MB then depends on S only if the
# cost of a run grows faster than its length. The last columns divide the
# slowest S's time per MB by the fastest's, per mode (1 = flat).
#
# Environment: BENCH_RUNS (default 3), BENCH_TOTAL_MB (default 10),
# BENCH_TIMEOUT seconds per command (default 60; slower shows as ">T s"),
# BENCH_SIZES (default "10000 100000 1000000 10000000" bytes),
# BENCH_PATTERNS (names of the patterns below to run; default all),
# VNSEG and VNSEG_DICT (default: the build's; set them to time another
# binary, e.g. an older one, with its own dictionary).
set -euo pipefail
export LC_ALL=C

if [[ $# -ne 1 || ! -d $1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
vnseg=${VNSEG:-$build/tools/vnseg}
dict=${VNSEG_DICT:-$build/dictionaries/vnseg.dic}
runs=${BENCH_RUNS:-3}
total=$(( ${BENCH_TOTAL_MB:-10} * 1000000 ))
limit=${BENCH_TIMEOUT:-60}
read -r -a sizes <<<"${BENCH_SIZES:-10000 100000 1000000 10000000}"
[[ -x $vnseg ]] || { echo "no vnseg at $vnseg (build target vnseg_cli)" >&2; exit 2; }
[[ -f $dict ]] || { echo "no dictionary at $dict (build target dictionary)" >&2; exit 2; }
data=$build/bench/adversarial
mkdir -p "$data"

# name and pattern; a run is the pattern repeated (no white space).
patterns=(
  "a.            a."
  "a%            a%"
  "a+            a+"
  "a_.           a_."
  "a.b.c         a.b.c"
  "a-            a-"
  "a@            a@"
  "a@a-          a@a-"
  "a.a.a@        a.a.a@"
  "digits-dots   1.1."
  "A.B.          A.B."
  "punct         !?,;"
  "url           http://x.vn/a"
  "letters       a"
  "vietnamese    Tổngthống"
)

# write_file PATTERN S FILE: lines of whole repetitions of PATTERN, each at
# most S bytes, BENCH_TOTAL_MB in all (at least one line).
write_file() {
  local pattern=$1 size=$2 file=$3 line="" n
  # pattern * (size / its length), by doubling: appending one at a time
  # copies the line each time (quadratic itself).
  for ((n = size / ${#pattern}; n > 0; n >>= 1)); do
    if (( n & 1 )); then line+=$pattern; fi
    pattern+=$pattern
  done
  local lines=$(( total / (${#line} + 1) ))
  (( lines > 0 )) || lines=1
  for ((n = 0; n < lines; ++n)); do printf '%s\n' "$line"; done >"$file"
}

# best_ms CMD...: the fastest of $runs runs in milliseconds, or "" if one
# exceeded the time limit.
best_ms() {
  local best="" r start end ms
  for ((r = 0; r < runs; ++r)); do
    start=$(date +%s%N)
    if ! timeout "$limit" "$@" >/dev/null 2>&1; then
      echo ""
      return
    fi
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [[ -z $best ]] || (( ms < best )); then best=$ms; fi
  done
  echo "$best"
}

# per_mb MS BYTES: milliseconds per MB, one decimal; ">T s" for a timeout.
per_mb() {
  if [[ -z $1 ]]; then echo ">${limit} s"; return; fi
  awk -v ms="$1" -v b="$2" 'BEGIN { printf "%.1f", ms * 1000000 / b }'
}

# flatness PER_MB...: the largest over the smallest, or "timeout".
flatness() {
  printf '%s\n' "$@" | awk '/>/ { t = 1 } { v[NR] = $1 } END {
    if (t) { print "timeout"; exit }
    mn = mx = v[1]
    for (i in v) { if (v[i] < mn) mn = v[i]; if (v[i] > mx) mx = v[i] }
    printf "%.2f", mx / (mn > 0 ? mn : 0.1) }'
}

human() {
  awk -v b="$1" 'BEGIN { if (b >= 1e6) printf "%g MB", b / 1e6; else printf "%g KB", b / 1e3 }'
}

echo "vnseg: $vnseg ($("$vnseg" --version 2>&1 | head -n 1))"
echo "dictionary: $dict"
echo "files of $((total / 1000000)) MB, lines of S bytes; best of $runs; ms per MB of input"
printf '%-13s %-7s %9s %10s %9s\n' pattern S cat tokenize segment
summary=()
for entry in "${patterns[@]}"; do
  read -r name pattern <<<"$entry"
  if [[ -n ${BENCH_PATTERNS:-} && " $BENCH_PATTERNS " != *" $name "* ]]; then continue; fi
  tok_all=() seg_all=()
  for size in "${sizes[@]}"; do
    file=$data/$name.$size.txt
    write_file "$pattern" "$size" "$file"
    bytes=$(wc -c <"$file")
    cat_ms=$(best_ms cat "$file")
    tok_ms=$(best_ms "$vnseg" segment --tokenize --dict "$dict" "$file")
    seg_ms=$(best_ms "$vnseg" segment --dict "$dict" "$file")
    tok=$(per_mb "$tok_ms" "$bytes")
    seg=$(per_mb "$seg_ms" "$bytes")
    printf '%-13s %-7s %9s %10s %9s\n' "$name" "$(human "$size")" "$(per_mb "$cat_ms" "$bytes")" \
      "$tok" "$seg"
    tok_all+=("$tok") seg_all+=("$seg")
    rm -f "$file"
  done
  summary+=("$(printf '%-13s %10s %9s' "$name" "$(flatness "${tok_all[@]}")" \
    "$(flatness "${seg_all[@]}")")")
done
echo
echo "slowest / fastest ms per MB over the run lengths (1 = flat)"
printf '%-13s %10s %9s\n' pattern tokenize segment
printf '%s\n' "${summary[@]}"
