#!/usr/bin/env bash
# Word-segmentation accuracy on UD Vietnamese VTB (../shared, not part of
# the repository): segments dev and test with the built CLI and scores them
# with ../shared/eval/wseg_eval.py. Usage: tools/eval.sh [BUILD_DIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
data=$top/../shared/data/ud-vtb
eval=$top/../shared/eval/wseg_eval.py
if [ ! -f "$data/test.raw.txt" ] || [ ! -f "$eval" ]; then
  echo "eval.sh: $data or $eval not found (the treebank lives in ../shared)" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for split in dev test; do
  "$build/tools/vnseg" segment --no-progress < "$data/$split.raw.txt" > "$out/$split.txt"
  printf '%-5s ' "$split"
  python3 "$eval" "$data/$split.seg.txt" "$out/$split.txt" --train "$data/train.seg.txt" | tail -n 1
done
