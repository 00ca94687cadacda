#!/usr/bin/env bash
# Word-segmentation accuracy on UD Vietnamese VTB (not part of the
# repository), scored by wseg_eval.py.
#
# usage: tools/eval.sh [--check] [BUILD_DIR]
#
# The treebank is DATA_DIR/ud-vtb: $VNSEG_DATA_DIR, else the build's cache
# variable VNSEG_DATA_DIR. The scorer is $VNSEG_WSEG_EVAL, else
# DATA_DIR/../eval/wseg_eval.py (the layout of ../shared).
#
# Prints one line per figure (the JSON of wseg_eval.py):
#   dev-heldout   dev, by a model learned here from train only (the shipped
#                 model learned from train + dev, so its dev figure would be
#                 in-sample; this is the figure to tune against)
#   test          test, by the shipped dictionary and model
#   test-natural  test written as natural text (punctuation attached, from
#                 `vnseg join --detok` of the gold), by `segment --tokenize`
#   test-lower    test in lower case only (text and gold lowered), as chat
#                 and search queries write it; ALL-CAPS text scores the same
#                 (the model reads a run in capitals as lower case)
# With --check, exits 1 if a figure is below its floor (a regression guard,
# set a little under what the shipped model reaches; see README "Accuracy").
set -euo pipefail
check=0
if [[ ${1:-} == --check ]]; then
  check=1
  shift
fi
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
data_dir=${VNSEG_DATA_DIR:-$(cat "$build/vnseg-data-dir.txt" 2>/dev/null || true)}
if [[ -z $data_dir ]]; then
  echo "eval.sh: no data folder: set VNSEG_DATA_DIR or configure $build with -DVNSEG_DATA_DIR=DIR" >&2
  exit 1
fi
data=$data_dir/ud-vtb
eval=${VNSEG_WSEG_EVAL:-$data_dir/../eval/wseg_eval.py}
vnseg=$build/tools/vnseg
if [[ ! -f $data/test.raw.txt || ! -f $eval ]]; then
  echo "eval.sh: $data/test.raw.txt or $eval not found (VNSEG_DATA_DIR=$data_dir)" >&2
  exit 1
fi

# Floors: F1 and OOV recall that the figures may not fall below.
floor_dev_f1=0.965
floor_test_f1=0.975
floor_test_oov=0.92
max_natural_gap=0.005
floor_lower_f1=0.97

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
score() {  # GOLD PRED -> the JSON line
  python3 "$eval" "$1" "$2" --train "$data/train.seg.txt" | tail -n 1
}
field() {  # JSON NAME -> value
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"
}

# Over the same lists as the shipped model.
"$top/dictionaries/model/learn.sh" "$build" -o "$out/train-only.dic" "$data/train.seg.txt" 2>/dev/null
"$vnseg" segment --no-progress --dict "$out/train-only.dic" <"$data/dev.raw.txt" >"$out/dev.txt"
dev=$(score "$data/dev.seg.txt" "$out/dev.txt")

"$vnseg" segment --no-progress <"$data/test.raw.txt" >"$out/test.txt"
test=$(score "$data/test.seg.txt" "$out/test.txt")

"$vnseg" join --detok <"$data/test.seg.txt" >"$out/natural.txt"
"$vnseg" segment --tokenize --no-progress <"$out/natural.txt" >"$out/natural.seg.txt"
natural=$(score "$data/test.seg.txt" "$out/natural.seg.txt")

lower() {  # stdin -> stdout, UTF-8 whatever the locale
  python3 -c 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").lower().encode("utf-8"))'
}
lower <"$data/test.raw.txt" >"$out/lower.raw.txt"
lower <"$data/test.seg.txt" >"$out/lower.gold.txt"
"$vnseg" segment --no-progress <"$out/lower.raw.txt" >"$out/lower.txt"
lowered=$(score "$out/lower.gold.txt" "$out/lower.txt")
printf 'dev-heldout   %s\ntest          %s\ntest-natural  %s\ntest-lower    %s\n' \
  "$dev" "$test" "$natural" "$lowered"
[[ $check == 1 ]] || exit 0

failed=0
below() {  # NAME VALUE FLOOR
  if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$2" "$3"; then
    echo "eval.sh: $1 = $2 is below its floor $3" >&2
    failed=1
  fi
}
below "dev-heldout F1" "$(field "$dev" f1)" "$floor_dev_f1"
below "test F1" "$(field "$test" f1)" "$floor_test_f1"
below "test OOV recall" "$(field "$test" oov_recall)" "$floor_test_oov"
below "test-lower F1" "$(field "$lowered" f1)" "$floor_lower_f1"
gap=$(python3 -c 'import sys; print(float(sys.argv[1]) - float(sys.argv[2]))' \
  "$(field "$test" f1)" "$(field "$natural" f1)")
below "natural-text F1 margin ($max_natural_gap minus the gap to tokenized)" \
  "$(python3 -c 'import sys; print(float(sys.argv[1]) - float(sys.argv[2]))' "$max_natural_gap" "$gap")" 0
for json in "$dev" "$test" "$natural" "$lowered"; do
  if [[ $(field "$json" text_mismatch) != 0 ]]; then
    echo "eval.sh: the segmenter changed the text of some lines: $json" >&2
    failed=1
  fi
done
exit $failed
