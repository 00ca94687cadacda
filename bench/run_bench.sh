#!/usr/bin/env bash
# vnseg benchmark: single-thread throughput of the CLI, dictionary load
# time and peak memory, each also as a ratio to `cat` on the same data
# (the machine is shared and noisy: the ratios travel better than the
# absolute figures).
#
# usage: bench/run_bench.sh BUILD_DIR
#   BUILD_DIR is a configured and built tree (targets vnseg_cli, dictionary
#   and vnseg_bench). Prints a table and, as its last line, one JSON object.
#
# Corpus: the UD VTB raw text (DATA_DIR/ud-vtb/{train,dev,test}.raw.txt)
# concatenated and repeated to at least 50 MB, written to
# BUILD_DIR/bench/data/. Without it, a synthetic corpus made of the golden
# inputs of tests/cli/golden (said so in the output).
#
# Environment: BENCH_RUNS (default 3; each throughput is the best run),
# BENCH_MIN_BYTES (default 50000000), BENCH_DICT_RUNS (default 200),
# VNSEG_DATA_DIR (default: the build's cache variable VNSEG_DATA_DIR).
#
# Figures:
#   cat        `cat CORPUS > /dev/null`, the I/O baseline every ratio divides by
#   memcpy     memcpy of the corpus in memory (vnseg_bench), a CPU baseline
#   segment    `vnseg segment CORPUS > /dev/null`, MB of input per second
#   segment-t2 `vnseg segment --threads 2 CORPUS` (two blocks at once)
#   segment-mm the same with a dictionary of the same lists but no model
#              (maximal matching): what the learned model costs
#   join       `vnseg join SEGMENTED > /dev/null`, MB of (segmented) input per second
#   normalize  `vnseg normalize CORPUS > /dev/null`
#   normalize-auto  `vnseg normalize --from auto CORPUS` (detection on the first
#              64 KiB, then read as the UTF-8 it is: target >= 100 MB/s);
#              normalize-moji the same with --fix-mojibake
#   dict load  Dictionary::Open + first Lookup in one process, median (vnseg_bench)
#   dict info  process: median `vnseg dict info` minus median `vnseg --version`
#   peak RSS   of `vnseg segment CORPUS` (/usr/bin/time -v, else wait4's ru_maxrss)
# Ratios: throughput / cat's throughput; for times, time / cat's time for the
# whole corpus; for memory, RSS / cat's RSS.
set -euo pipefail
export LC_ALL=C

if [[ $# -ne 1 || ! -d $1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
VNSEG="$BUILD/tools/vnseg"
VNSEG_BENCH="$BUILD/bench/vnseg_bench"
VNSEG_DICT_FILE="$BUILD/dictionaries/vnseg.dic"
VNSEG_SOURCE_DIR=$(cd "$HERE/.." && pwd)
if [[ -f $BUILD/bench/bench_paths.sh ]]; then
  # shellcheck source=/dev/null
  source "$BUILD/bench/bench_paths.sh"
fi
for f in "$VNSEG" "$VNSEG_BENCH"; do
  [[ -x $f ]] || { echo "missing $f: build first (cmake --build $BUILD)" >&2; exit 2; }
done
[[ -f $VNSEG_DICT_FILE ]] || { echo "missing dictionary $VNSEG_DICT_FILE: build first" >&2; exit 2; }
export VNSEG_DICT="$VNSEG_DICT_FILE"

RUNS=${BENCH_RUNS:-3}
MIN_BYTES=${BENCH_MIN_BYTES:-50000000}
DICT_RUNS=${BENCH_DICT_RUNS:-200}
DATA="$BUILD/bench/data"
mkdir -p "$DATA"

# --- Corpus -----------------------------------------------------------------
data_dir=${VNSEG_DATA_DIR:-$(cat "$BUILD/vnseg-data-dir.txt" 2>/dev/null || true)}
ud=$data_dir/ud-vtb
if [[ -f $ud/train.raw.txt && -f $ud/dev.raw.txt && -f $ud/test.raw.txt ]]; then
  corpus_kind="ud-vtb"
  cat "$ud/train.raw.txt" "$ud/dev.raw.txt" "$ud/test.raw.txt" >"$DATA/unit.txt"
  corpus_note="UD VTB raw train+dev+test"
else
  corpus_kind="synthetic"
  : >"$DATA/unit.txt"
  for f in "$VNSEG_SOURCE_DIR"/tests/cli/golden/*/input.txt; do
    cat "$f" >>"$DATA/unit.txt"
    printf '\n' >>"$DATA/unit.txt"
  done
  corpus_note="golden inputs of tests/cli ($ud not found)"
  echo "note: $ud not found; using a synthetic corpus made of the golden inputs" >&2
fi
unit_bytes=$(wc -c <"$DATA/unit.txt")
copies=$(((MIN_BYTES + unit_bytes - 1) / unit_bytes))
corpus="$DATA/corpus.txt"
for ((i = 0; i < copies; i++)); do cat "$DATA/unit.txt"; done >"$corpus"
corpus_bytes=$(wc -c <"$corpus")
"$VNSEG" segment --no-progress -o "$DATA/corpus.seg" "$corpus"
seg_bytes=$(wc -c <"$DATA/corpus.seg")

# --- Helpers ----------------------------------------------------------------
# kv KEY LINE: the value of KEY=VALUE in LINE.
kv() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }

# best_wall NAME -- COMMAND...: best wall time of RUNS runs (stdout to
# /dev/null); sets BEST_S and MAXRSS_KB (largest over the runs).
best_wall() {
  shift  # NAME, for readability at the call site
  [[ $1 == -- ]] && shift
  BEST_S=""
  MAXRSS_KB=0
  local r line s rss
  for ((r = 0; r < RUNS; r++)); do
    line=$("$VNSEG_BENCH" run -- "$@")
    s=$(kv wall_s "$line")
    rss=$(kv maxrss_kb "$line")
    if [[ -z $BEST_S ]] || awk "BEGIN { exit !($s < $BEST_S) }"; then BEST_S=$s; fi
    if ((rss > MAXRSS_KB)); then MAXRSS_KB=$rss; fi
  done
  return 0
}

median_of() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# --- Measurements -----------------------------------------------------------
cat "$corpus" "$DATA/corpus.seg" >/dev/null  # page cache warm for everyone

best_wall cat -- cat "$corpus"
cat_s=$BEST_S
cat_rss_kb=$MAXRSS_KB
cat_mbps=$(calc "$corpus_bytes / 1e6 / $cat_s" 1)

memcpy_line=$("$VNSEG_BENCH" memcpy "$corpus" 20)
memcpy_mbps=$(kv MBps "$memcpy_line")

best_wall segment -- "$VNSEG" segment --no-progress "$corpus"
segment_s=$BEST_S
segment_mbps=$(calc "$corpus_bytes / 1e6 / $segment_s" 2)

best_wall segment-t2 -- "$VNSEG" segment --no-progress --threads 2 "$corpus"
segment_t2_mbps=$(calc "$corpus_bytes / 1e6 / $BEST_S" 2)

viet74k=$(sed -n 's/^viet74k=//p' "$BUILD/dictionaries/inputs.txt")
"$VNSEG" dict build -o "$DATA/no-model.dic" --base "$viet74k" \
  --tags "$BUILD/dictionaries/lexicon-tags.txt" "$HERE"/../dictionaries/lists/*.txt 2>/dev/null
best_wall segment-mm -- "$VNSEG" segment --no-progress --dict "$DATA/no-model.dic" "$corpus"
segment_mm_mbps=$(calc "$corpus_bytes / 1e6 / $BEST_S" 2)

best_wall join -- "$VNSEG" join --no-progress "$DATA/corpus.seg"
join_s=$BEST_S
join_mbps=$(calc "$seg_bytes / 1e6 / $join_s" 1)

best_wall normalize -- "$VNSEG" normalize --no-progress "$corpus"
normalize_s=$BEST_S
normalize_mbps=$(calc "$corpus_bytes / 1e6 / $normalize_s" 1)
best_wall normalize-auto -- "$VNSEG" normalize --no-progress --from auto "$corpus"
normalize_auto_mbps=$(calc "$corpus_bytes / 1e6 / $BEST_S" 1)
best_wall normalize-moji -- "$VNSEG" normalize --no-progress --from auto --fix-mojibake "$corpus"
normalize_moji_mbps=$(calc "$corpus_bytes / 1e6 / $BEST_S" 1)

load_line=$("$VNSEG_BENCH" dict-load "$VNSEG_DICT_FILE" "$DICT_RUNS")
load_ms=$(kv median_ms "$load_line")
load_min_ms=$(kv min_ms "$load_line")
load_p90_ms=$(kv p90_ms "$load_line")

proc_ms() {  # median wall ms of 20 runs of a command
  local i
  for ((i = 0; i < 20; i++)); do kv wall_s "$("$VNSEG_BENCH" run -- "$@")"; done |
    median_of | awk '{ printf "%.3f", $1 * 1000 }'
}
info_ms=$(proc_ms "$VNSEG" dict info)
version_ms=$(proc_ms "$VNSEG" --version)
info_extra_ms=$(calc "$info_ms - $version_ms" 3)

if [[ -x /usr/bin/time ]]; then
  rss_source="/usr/bin/time -v"
  rss_kb=$( { /usr/bin/time -v "$VNSEG" segment --no-progress "$corpus" >/dev/null; } 2>&1 |
           sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p')
  cat_rss_kb=$( { /usr/bin/time -v cat "$corpus" >/dev/null; } 2>&1 |
               sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p')
else
  rss_source="wait4 ru_maxrss (no /usr/bin/time)"
  best_wall rss -- "$VNSEG" segment --no-progress "$corpus"
  rss_kb=$MAXRSS_KB
fi
rss_mb=$(calc "$rss_kb / 1024" 1)
cat_rss_mb=$(calc "$cat_rss_kb / 1024" 1)

# --- Report -----------------------------------------------------------------
r_tp() { calc "$1 / $cat_mbps" 4; }             # throughput ratio
r_time() { calc "($1 / 1000) / $cat_s" 3; }      # time (ms) ratio to cat's whole-corpus time
verdict() { awk "BEGIN { exit !($1) }" && echo "ok" || echo "MISSED"; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "vnseg benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
echo "  corpus:  $corpus_kind: $corpus_note x$copies = $corpus_bytes bytes ($seg_bytes segmented)"
echo "  machine: ${cpu:-unknown CPU}, $(nproc) cores, load average $load"
echo "  single thread (one vnseg process); throughputs best of $RUNS runs; MB = 10^6 bytes"
echo
printf '%-34s %14s %12s  %-12s %s\n' "figure" "value" "ratio to cat" "target" ""
printf '%-34s %14s %12s\n' "cat (file -> /dev/null)" "$cat_mbps MB/s" "1"
printf '%-34s %14s %12s\n' "memcpy (in memory)" "$memcpy_mbps MB/s" "$(r_tp "$memcpy_mbps")"
printf '%-34s %14s %12s  %-12s %s\n' "segment" "$segment_mbps MB/s" "$(r_tp "$segment_mbps")" \
  ">= 30 MB/s" "$(verdict "$segment_mbps >= 30")"
printf '%-34s %14s %12s  %-12s %s\n' "segment --threads 2" "$segment_t2_mbps MB/s" \
  "$(r_tp "$segment_t2_mbps")" "" ""
printf '%-34s %14s %12s  %-12s %s\n' "segment, no model (max. matching)" "$segment_mm_mbps MB/s" \
  "$(r_tp "$segment_mm_mbps")" "" ""
printf '%-34s %14s %12s  %-12s %s\n' "join (on segmented text)" "$join_mbps MB/s" "$(r_tp "$join_mbps")" \
  ">= 500 MB/s" "$(verdict "$join_mbps >= 500")"
printf '%-34s %14s %12s\n' "normalize" "$normalize_mbps MB/s" "$(r_tp "$normalize_mbps")"
printf '%-34s %14s %12s  %-12s %s\n' "normalize --from auto" "$normalize_auto_mbps MB/s" \
  "$(r_tp "$normalize_auto_mbps")" ">= 100 MB/s" "$(verdict "$normalize_auto_mbps >= 100")"
printf '%-34s %14s %12s\n' "  --from auto --fix-mojibake" "$normalize_moji_mbps MB/s" "$(r_tp "$normalize_moji_mbps")"
printf '%-34s %14s %12s  %-12s %s\n' "dict load (Open + lookup, median)" "$load_ms ms" "$(r_time "$load_ms")" \
  "<= 10 ms" "$(verdict "$load_ms <= 10")"
printf '%-34s %14s %12s\n' "  dict info - --version (process)" "$info_extra_ms ms" "$(r_time "$info_extra_ms")"
printf '%-34s %14s %12s  %-12s %s\n' "peak RSS, segment" "$rss_mb MB" "$(calc "$rss_kb / $cat_rss_kb" 2)" \
  "<= 50 MB" "$(verdict "$rss_mb <= 50")"
echo
echo "  cat: $cat_s s for the corpus, peak RSS $cat_rss_mb MB; dict load min $load_min_ms ms, p90 $load_p90_ms ms ($DICT_RUNS runs); RSS via $rss_source"
echo "  time ratios are the figure's time over cat's time for the whole corpus"

printf '{"corpus":"%s","corpus_bytes":%s,"segmented_bytes":%s,"runs":%s,' \
  "$corpus_kind" "$corpus_bytes" "$seg_bytes" "$RUNS"
printf '"cat_MBps":%s,"cat_s":%s,"memcpy_MBps":%s,"segment_MBps":%s,"segment_threads2_MBps":%s,"segment_no_model_MBps":%s,"join_MBps":%s,"normalize_MBps":%s,"normalize_auto_MBps":%s,"normalize_auto_mojibake_MBps":%s,' \
  "$cat_mbps" "$cat_s" "$memcpy_mbps" "$segment_mbps" "$segment_t2_mbps" "$segment_mm_mbps" "$join_mbps" "$normalize_mbps" \
  "$normalize_auto_mbps" "$normalize_moji_mbps"
printf '"dict_load_ms":%s,"dict_load_min_ms":%s,"dict_info_minus_version_ms":%s,"peak_rss_MB":%s,"cat_peak_rss_MB":%s,' \
  "$load_ms" "$load_min_ms" "$info_extra_ms" "$rss_mb" "$cat_rss_mb"
printf '"ratio_to_cat":{"memcpy":%s,"segment":%s,"join":%s,"normalize":%s,"dict_load_time":%s,"peak_rss":%s}}\n' \
  "$(r_tp "$memcpy_mbps")" "$(r_tp "$segment_mbps")" "$(r_tp "$join_mbps")" "$(r_tp "$normalize_mbps")" \
  "$(r_time "$load_ms")" "$(calc "$rss_kb / $cat_rss_kb" 2)"
