#!/usr/bin/env bash
# Regenerates the expected.txt (and exit_code, when not 0) of golden cases
# from what vnseg prints today.
#
# usage: tests/cli/update_golden.sh [-b BUILD_DIR] [CASE...]
#   BUILD_DIR defaults to ./build of the repository; CASEs default to all
#   folders under tests/cli/golden/. The dictionary is the build tree's
#   (VNSEG_DICT), as in ctest. Cases of known bugs (a file `disabled` in the
#   folder) are never touched: their expected.txt is the correct output.
#
# REVIEW EVERY REGENERATED FILE BY EYE before committing it (`git diff
# tests/cli/golden`, `cat -A` for CR, NBSP and the final newline). This script
# writes whatever the program prints, right or wrong: a golden file is only
# worth something if a person has checked that it is the correct output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build="$repo/build"
if [[ ${1:-} == -b ]]; then
  build=$(cd "$2" && pwd)
  shift 2
fi
VNSEG="$build/tools/vnseg"
[[ -x $VNSEG ]] || { echo "no vnseg at $VNSEG (build first, or give -b BUILD_DIR)" >&2; exit 2; }
export VNSEG_DICT=${VNSEG_DICT:-$build/dictionaries/vnseg.dic}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/cli/lib.sh
source "$here/lib.sh"
set -e

cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  for d in "$here"/golden/*/; do cases+=("$(basename "$d")"); done
fi
for name in "${cases[@]}"; do
  dir="$here/golden/$name"
  [[ -f $dir/args && -f $dir/input.txt ]] || { echo "$name: no args or input.txt in $dir" >&2; exit 2; }
  if [[ -f $dir/disabled ]]; then
    # A known bug's case: expected.txt is the correct output, written by hand.
    echo "skipped    $name (known bug, see $dir/disabled)"
    continue
  fi
  golden_run "$dir" "$WORK/out"
  if cmp -s "$WORK/out" "$dir/expected.txt" 2>/dev/null && [[ $RC -eq $WANT_RC ]]; then
    echo "unchanged  $name"
    continue
  fi
  cp "$WORK/out" "$dir/expected.txt"
  if [[ $RC -eq 0 ]]; then rm -f "$dir/exit_code"; else echo "$RC" >"$dir/exit_code"; fi
  echo "UPDATED    $name (exit $RC) -- review: git diff -- $dir"
done
echo "Review every UPDATED case by eye before committing (see the comment at the top)."
