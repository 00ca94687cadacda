#!/usr/bin/env bash
# Score vnseg on the names evaluation set (news.seg.txt / news.raw.txt).
#
# usage: tests/eval/names/score.sh [--show N] [VNSEG]
#
# VNSEG is the vnseg binary (default: build/tools/vnseg of this checkout); it
# segments news.raw.txt with its default dictionary. The scorer is
# $VNSEG_WSEG_EVAL, else DATA_DIR/../eval/wseg_eval.py, where DATA_DIR is
# $VNSEG_DATA_DIR or the VNSEG_DATA_DIR the binary's build was configured with
# (BUILD/vnseg-data-dir.txt). Without a scorer the script says so and exits 77
# (ctest's skip code). The set itself needs nothing outside this folder.
#
# Prints the scorer's JSON line for the whole set, then one line per pattern
# (the 8 blocks of 20 lines described in README.md) with its F1. With
# --show N, also the scorer's N most frequent missed and spurious words.
set -euo pipefail
show=0
if [[ ${1:-} == --show ]]; then
  show=${2:?--show needs a number}
  shift 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
vnseg=${1:-$top/build/tools/vnseg}
if [[ ! -x $vnseg ]]; then
  echo "score.sh: no vnseg binary at $vnseg (build it, or pass its path)" >&2
  exit 1
fi
build=$(cd "$(dirname "$vnseg")/.." && pwd)
data_dir=${VNSEG_DATA_DIR:-$(cat "$build/vnseg-data-dir.txt" 2>/dev/null || true)}
scorer=${VNSEG_WSEG_EVAL:-}
if [[ -z $scorer && -n $data_dir ]]; then
  scorer=$data_dir/../eval/wseg_eval.py
fi
if [[ -z $scorer || ! -f $scorer ]]; then
  echo "SKIPPED: no scorer (set VNSEG_WSEG_EVAL, or VNSEG_DATA_DIR with ../eval/wseg_eval.py next to it)"
  exit 77
fi
python=/usr/bin/python3
[[ -x $python ]] || python=python3

"$python" "$here/../make_raw.py" --check "$here/news.seg.txt" >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$vnseg" segment --no-progress <"$here/news.raw.txt" >"$out/pred.txt"

if [[ $show -gt 0 ]]; then
  "$python" "$scorer" "$here/news.seg.txt" "$out/pred.txt" --show "$show" | sed '$d' || true
fi
all=$("$python" "$scorer" "$here/news.seg.txt" "$out/pred.txt" | tail -n 1 || true)
echo "all  $all"

# One block of 20 lines per pattern, in file order (README.md "Patterns").
patterns=(
  "a title + country + foreign person"
  "b country + agency / company / organisation"
  "c Vietnamese full names with titles and roles"
  "d two names in a row, place then person, lists"
  "e places and organisations"
  "f hyphenated names"
  "g Sino-Vietnamese names"
  "h lower case"
)
for i in "${!patterns[@]}"; do
  first=$((i * 20 + 1))
  last=$((first + 19))
  sed -n "${first},${last}p" "$here/news.seg.txt" >"$out/gold.$i"
  sed -n "${first},${last}p" "$out/pred.txt" >"$out/pred.$i"
  json=$("$python" "$scorer" "$out/gold.$i" "$out/pred.$i" | tail -n 1 || true)
  "$python" -c '
import json, sys
r = json.loads(sys.argv[1])
span = sys.argv[2] + "-" + sys.argv[3]
print("%-7s f1 %.4f  P %.4f  R %.4f  words %3d  mismatch %d  %s" % (
    span, r["f1"], r["precision"], r["recall"], r["gold_words"], r["text_mismatch"], sys.argv[4]))
' "$json" "$first" "$last" "${patterns[$i]}"
done
