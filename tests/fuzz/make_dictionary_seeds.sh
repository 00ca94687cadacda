#!/usr/bin/env bash
# Rebuilds the seed dictionaries of fuzz_dictionary (corpus/dictionary/)
# with `vnseg dict build` / `dict learn` from tiny word lists: run it after
# any change of the dictionary format, and commit the result.
# Usage: tests/fuzz/make_dictionary_seeds.sh BUILD_DIR
set -euo pipefail
vnseg=$(cd "$1" && pwd)/tools/vnseg
out=$(cd "$(dirname "$0")" && pwd)/corpus/dictionary
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'hoà bình\nhọc sinh\nTổng thống\nLạng Sơn\nưu tiên\nthủ đô\nHà Nội\nkhoẻ\n' >words.txt
printf 'hoà bình\t1\tnoun,common\nhọc sinh\t5\tverb\n' >tags.txt
printf 'Hà Nội\n' >one.txt
printf 'Tổng_thống Mỹ nói hoà_bình ở Lạng_Sơn là ưu_tiên .\nHọc_sinh học bài ở Hà_Nội .\n' >corpus.txt
rm -f "$out"/*.dic
mkdir -p "$out"
"$vnseg" dict build -o "$out/one.dic" one.txt
"$vnseg" dict build -o "$out/words.dic" words.txt
"$vnseg" dict build -o "$out/tagged.dic" --base words.txt --tags tags.txt one.txt
# With a learned model (the dense and n-gram weight sections).
"$vnseg" dict learn -o "$out/learned.dic" --base words.txt --epochs 2 corpus.txt
