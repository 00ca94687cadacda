#!/usr/bin/env bash
# Regenerates the shipped segmentation model (udvtb-model.tsv) and corpus
# word counts (udvtb-words.txt) from the UD Vietnamese VTB treebank, train
# and dev parts only (never test: it is what the accuracy is reported on).
#
# usage: dictionaries/model/regenerate.sh BUILD_DIR [UD_VTB_DIR]
#   BUILD_DIR   a configured and built vnseg tree (for tools/vnseg, the npm
#               copy of Viet74K and the lexicon tags extracted from it)
#   UD_VTB_DIR  holds train.seg.txt and dev.seg.txt (default: ud-vtb in
#               $VNSEG_DATA_DIR, else in the build's cache variable VNSEG_DATA_DIR)
# Learning is deterministic: the same inputs give the same files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: regenerate.sh BUILD_DIR [UD_VTB_DIR]}" && pwd)
data_dir=${VNSEG_DATA_DIR:-$(cat "$build/vnseg-data-dir.txt" 2>/dev/null || true)}
data=${2:-$data_dir/ud-vtb}
if [[ ! -f $data/train.seg.txt || ! -f $data/dev.seg.txt ]]; then
  echo "regenerate.sh: no train.seg.txt and dev.seg.txt in '$data' (pass UD_VTB_DIR or set VNSEG_DATA_DIR)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/learn.sh" "$build" -o "$tmp/learned.dic" \
  --export-model "$tmp/model.tsv" --export-words "$tmp/words.txt" \
  "$data/train.seg.txt" "$data/dev.seg.txt"

notice() {
  cat <<NOTICE
# $1 learned by \`vnseg dict learn\` (dictionaries/model/regenerate.sh)
# from the UD Vietnamese VTB treebank, train and dev parts
# (https://universaldependencies.org/treebanks/vi_vtb/, CC BY-SA 4.0).
# Derived statistics, shared under the same license: CC BY-SA 4.0.
NOTICE
}
# The model's first line must stay its format header.
{ head -n 1 "$tmp/model.tsv"; notice "Segmentation model weights"; tail -n +2 "$tmp/model.tsv"; } \
  > "$here/udvtb-model.tsv"
{ notice "Word counts"; cat "$tmp/words.txt"; } > "$here/udvtb-words.txt"
echo "regenerate.sh: wrote $here/udvtb-model.tsv and $here/udvtb-words.txt"
