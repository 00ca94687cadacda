#!/usr/bin/env bash
# Runs `vnseg dict learn` over the same word lists as the shipped
# dictionary (Viet74K, the lexicon tags, the project's name lists), so that
# every model learned in this repository (the shipped one, tools/eval.sh's
# held-out one) sees the same lexicon, and with the same options: half the
# sentences are also learned in lower case and half in ALL CAPS
# (--case-variants 0.5, chosen on dev and the project's lower-case sets;
# they move only the weights of text written without capitals).
#
# usage: dictionaries/model/learn.sh BUILD_DIR -o OUT [dict learn options] CORPUS...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: learn.sh BUILD_DIR -o OUT [options] CORPUS...}" && pwd)
shift
viet74k=$(sed -n 's/^viet74k=//p' "$build/dictionaries/inputs.txt")
names=()
for list in "$here"/../lists/*.txt; do names+=(--names "$list"); done
exec "$build/tools/vnseg" dict learn --base "$viet74k" \
  --tags "$build/dictionaries/lexicon-tags.txt" "${names[@]}" --case-variants 0.5 "$@"
