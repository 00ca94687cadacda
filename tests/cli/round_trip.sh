#!/usr/bin/env bash
# Round trips over real text: for every file,
#   vnseg segment | vnseg join            gives the file back byte for byte,
#   vnseg resegment of the segmented text gives the segmented text back
#                                         (re-segmenting our own output is a no-op).
#
# usage: round_trip.sh VNSEG WORK_DIR PATH...
#   A PATH that is a directory stands for its golden cases' */input.txt.
VNSEG=$1
WORK=$2
shift 2
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
need_work

files=()
for p in "$@"; do
  if [[ -d $p ]]; then
    for f in "$p"/*/input.txt; do [[ -f $f ]] && files+=("$f"); done
  else
    files+=("$p")
  fi
done
[[ ${#files[@]} -gt 0 ]] || { fail "no input files in: $*"; finish; }

for f in "${files[@]}"; do
  what=${f#"$CLI_TEST_DIR"/}
  echo "round trip: $what ($(wc -c <"$f") bytes)"
  round_trip "$f" "$what"
  run_in "$f" segment
  expect_rc 0 "$what: segment"
  cp "$WORK/out" "$WORK/segmented"
  run_in "$WORK/segmented" resegment
  expect_rc 0 "$what: resegment"
  expect_same "$WORK/segmented" "$WORK/out" "$what: resegment of segment output"
done
finish
