#!/usr/bin/env bash
# build.no_dictionary: -DVNSEG_BUILD_DICTIONARY=OFF configures with node and
# npm off the PATH (scripts/without-node.sh), never looks for them, and
# registers only the tests that need no dictionary. Configure only: the fuzz build of
# scripts/check-sanitizers.sh compiles the library that way.
# usage: no_dictionary_test.sh SOURCE_DIR WORK_DIR [PYTHON3]
set -euo pipefail
src=$1 work=$2
args=(-DVNSEG_BUILD_DICTIONARY=OFF)
[[ -n ${3:-} ]] && args+=(-DPython3_EXECUTABLE="$3")
rm -rf "$work"
if ! "$src/scripts/without-node.sh" "$work.bin" cmake -S "$src" -B "$work" "${args[@]}" >"$work.log" 2>&1; then
  cat "$work.log"
  echo "FAIL: configure with VNSEG_BUILD_DICTIONARY=OFF and no node" >&2
  exit 1
fi
tests=$(ctest --test-dir "$work" -N | sed -n 's/^ *Test *#[0-9]*: //p')
failed=0
expect() {  # registered|absent TEST
  local found=absent
  grep -qxF "$2" <<<"$tests" && found=registered
  [[ $found == "$1" ]] || { echo "FAIL: $2 is $found, expected $1" >&2; failed=1; }
}
expect registered cli.golden.join
expect registered cli.golden.normalize
expect registered cli.help
expect absent cli.golden.segment
expect absent cli.round_trip.golden
expect absent install.consumer
expect absent sqlite.fts5
expect absent python.pytest
expect absent accuracy.ud_vtb
[[ ! -e $work/dictionaries ]] || { echo "FAIL: dictionaries/ was configured" >&2; failed=1; }
# find_program also searches /usr/bin whatever PATH says: that node was
# never looked for is what shows it is not needed.
if grep -E '^(NODE|NPM)_EXECUTABLE' "$work/CMakeCache.txt" >&2; then
  echo "FAIL: the configure looked for node or npm" >&2
  failed=1
fi
[[ $failed == 0 ]] && rm -rf "$work" "$work.bin" "$work.log"
exit $failed
