#!/usr/bin/env bash
# Runs one golden case: `vnseg $(cat CASE/args) < CASE/input.txt` must print
# exactly CASE/expected.txt and exit with CASE/exit_code (default 0).
#
# usage: run_golden.sh VNSEG WORK_DIR CASE_DIR
#   The actual output is left in WORK_DIR/actual.txt (stderr in
#   actual.txt.err) for inspection. To accept new output after a deliberate
#   change, use update_golden.sh and review the result.
VNSEG=$1
WORK=$2
CASE=$3
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
need_work

name=$(basename "$CASE")
for f in args input.txt expected.txt; do
  [[ -f $CASE/$f ]] || { fail "$name: $CASE/$f is missing"; finish; }
done

golden_run "$CASE" "$WORK/actual.txt"
echo "case $name: vnseg ${ARGS[*]} < input.txt (exit $RC)"
cp "$WORK/actual.txt.err" "$WORK/err"
if [[ $RC -ne $WANT_RC ]]; then
  fail "$name: exit $RC, expected $WANT_RC"
  show_err
else
  pass
fi
expect_same "$CASE/expected.txt" "$WORK/actual.txt" "$name" ||
  echo "  actual output kept in $WORK/actual.txt" >&2
finish
