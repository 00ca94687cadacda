#!/usr/bin/env bash
# Runs COMMAND with node and npm out of reach: PATH becomes BIN_DIR, made
# afresh with links to the programs on the current PATH, less node, nodejs,
# npm, npx and corepack. BIN_DIR is kept: CMake caches the paths it found
# there (the compiler, make). Shows that -DVNSEG_BUILD_DICTIONARY=OFF needs
# neither (scripts/check-sanitizers.sh fuzz, ctest build.no_dictionary).
# CMake's find_program still searches /usr/bin: those also check that
# CMakeCache.txt has no NODE_EXECUTABLE or NPM_EXECUTABLE.
# usage: scripts/without-node.sh BIN_DIR COMMAND [ARG...]
set -euo pipefail
bin=${1:?usage: without-node.sh BIN_DIR COMMAND [ARG...]}
shift
rm -rf "$bin"
mkdir -p "$bin"
bin=$(cd "$bin" && pwd)  # commands change directory: PATH must not be relative
declare -A seen=([node]=1 [nodejs]=1 [npm]=1 [npx]=1 [corepack]=1)
links=()
IFS=: read -ra dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [[ $dir -ef $bin ]] && continue  # run again from inside itself
  for f in "$dir"/*; do
    name=${f##*/}
    # The first on PATH wins, as it would without this.
    [[ -z ${seen[$name]:-} && -f $f && -x $f ]] || continue
    seen[$name]=1
    links+=("$f")
  done
done
ln -s -t "$bin" "${links[@]}"
if PATH=$bin command -v node npm nodejs >/dev/null; then
  echo "without-node.sh: node or npm still on PATH" >&2
  exit 2
fi
PATH=$bin exec "$@"
