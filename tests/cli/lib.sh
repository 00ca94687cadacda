# Shared helpers of the CLI test scripts. Sourced, never run.
#
# A script sets VNSEG (the vnseg binary) and WORK (a scratch directory of its
# own under the build tree), sources this file, makes checks with the
# helpers below, and ends with `finish`, which exits 1 if any check failed.
# Checks keep going after a failure so that one run shows every problem.

# shellcheck shell=bash disable=SC2034  # globals are used by the scripts
set -uo pipefail
export LC_ALL=C.UTF-8

CLI_TEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FAILURES=0
CHECKS=0

fail() {
  FAILURES=$((FAILURES + 1))
  echo "FAIL: $*" >&2
}

pass() { CHECKS=$((CHECKS + 1)); }

# Exit status for ctest's SKIP_RETURN_CODE.
SKIP=77
skip() {
  echo "SKIPPED: $*"
  exit "$SKIP"
}

finish() {
  local total=$((CHECKS + FAILURES))
  echo "$CHECKS passed, $FAILURES failed (of $total checks)"
  [[ $FAILURES -eq 0 ]]
  exit $?
}

# need_work: creates (empties) $WORK. A non-empty folder is emptied only if
# an earlier need_work made it (marker file), never any other folder.
need_work() {
  [[ -n ${WORK:-} ]] || { echo "WORK is not set" >&2; exit 2; }
  if [[ -d $WORK && -n $(ls -A "$WORK") && ! -f $WORK/.vnseg-cli-work ]]; then
    echo "refusing to empty $WORK: not a CLI test work folder" >&2
    exit 2
  fi
  rm -rf "$WORK"
  mkdir -p "$WORK"
  : >"$WORK/.vnseg-cli-work"
}

# run_in FILE ARGS...: runs vnseg with stdin from FILE. Sets RC; stdout and
# stderr are in $WORK/out and $WORK/err.
run_in() {
  local input=$1
  shift
  RC=0
  "$VNSEG" "$@" <"$input" >"$WORK/out" 2>"$WORK/err" || RC=$?
}

# run ARGS...: vnseg with empty stdin.
run() { run_in /dev/null "$@"; }

# Prints what the last run wrote to stderr, indented, at most 20 lines.
show_err() {
  if [[ -s $WORK/err ]]; then
    echo "  stderr:" >&2
    head -n 20 "$WORK/err" | sed 's/^/    /' >&2
  else
    echo "  (stderr empty)" >&2
  fi
}

# expect_rc WANT WHAT: the last run exited with WANT.
expect_rc() {
  local want=$1 what=$2
  if [[ $RC -ne $want ]]; then
    if [[ $RC -ge 128 ]]; then
      fail "$what: killed by signal $((RC - 128)) (exit $RC), expected exit $want"
    else
      fail "$what: exit $RC, expected $want"
    fi
    show_err
  else
    pass
  fi
}

# expect_err_has TEXT WHAT: the last run's stderr contains TEXT (fixed string).
expect_err_has() {
  local text=$1 what=$2
  if grep -qF -- "$text" "$WORK/err"; then
    pass
  else
    fail "$what: stderr does not contain '$text'"
    show_err
  fi
}

# expect_out_empty WHAT: the last run wrote nothing to stdout.
expect_out_empty() {
  if [[ -s $WORK/out ]]; then
    fail "$1: stdout not empty ($(wc -c <"$WORK/out") bytes)"
  else
    pass
  fi
}

# expect_out_has TEXT WHAT: stdout contains TEXT.
expect_out_has() {
  local text=$1 what=$2
  if grep -qF -- "$text" "$WORK/out"; then
    pass
  else
    fail "$what: stdout does not contain '$text'"
  fi
}

# expect_same EXPECTED ACTUAL WHAT: the two files are byte-identical; on a
# difference shows cmp's first differing byte and a short diff.
expect_same() {
  local want=$1 got=$2 what=$3
  if cmp -s -- "$want" "$got"; then
    pass
    return 0
  fi
  fail "$what: $got differs from $want"
  cmp -- "$want" "$got" 2>&1 | head -n 1 | sed 's/^/  /' >&2
  show_diff "$want" "$got"
  return 1
}

# show_diff EXPECTED ACTUAL: a unified diff, then the same diff with
# invisible characters shown (cat -A: ^M is CR, M-BM- starts NBSP, a line
# without $ has no final newline). Large files are summarized.
show_diff() {
  local want=$1 got=$2
  if [[ $(wc -c <"$want") -gt 1000000 || $(wc -c <"$got") -gt 1000000 ]]; then
    echo "  (large files: sizes $(wc -c <"$want") and $(wc -c <"$got") bytes; no diff shown)" >&2
    return
  fi
  echo "  --- diff (expected → actual):" >&2
  diff -u --label expected --label actual -- "$want" "$got" | head -n 60 >&2
  echo "  --- same diff, invisible characters shown (cat -A):" >&2
  diff -u --label expected --label actual <(cat -A -- "$want") <(cat -A -- "$got") | head -n 60 >&2
}

# expect_no_file PATTERN WHAT: no file matches the glob PATTERN.
expect_no_file() {
  local pattern=$1 what=$2 f
  local found=()
  for f in $pattern; do
    [[ -e $f ]] && found+=("$f")
  done
  if [[ ${#found[@]} -gt 0 ]]; then
    fail "$what: left behind: ${found[*]}"
  else
    pass
  fi
}

# round_trip FILE WHAT [OPTS...]: `vnseg segment OPTS | vnseg join OPTS`
# gives FILE back byte for byte, both exiting 0.
round_trip() {
  local file=$1 what=$2
  shift 2
  local back="$WORK/round_trip.out"
  "$VNSEG" segment --no-progress "$@" <"$file" 2>"$WORK/err" |
    "$VNSEG" join --no-progress "$@" >"$back" 2>>"$WORK/err"
  local rcs=("${PIPESTATUS[@]}")
  if [[ ${rcs[0]} -ne 0 || ${rcs[1]} -ne 0 ]]; then
    fail "$what: segment exited ${rcs[0]}, join exited ${rcs[1]}"
    show_err
    return 1
  fi
  expect_same "$file" "$back" "$what: segment | join"
}

# golden_args CASE_DIR: the command line of a golden case, split on white
# space (no quoting: write multi-syllable words with '_'), into ARGS.
golden_args() {
  read -r -a ARGS <"$1/args"
}

# golden_run CASE_DIR OUT: runs one golden case in CASE_DIR (so args may
# name files of the case, e.g. --user-words words.txt) with input.txt on
# stdin, its stdout to OUT, stderr to OUT.err. VNSEG and OUT must be
# absolute. Sets RC, and WANT_RC to the status the case expects (file
# exit_code, default 0).
golden_run() {
  local case_dir=$1 out=$2
  golden_args "$case_dir"
  WANT_RC=0
  [[ -f $case_dir/exit_code ]] && WANT_RC=$(tr -d ' \n' <"$case_dir/exit_code")
  RC=0
  (cd "$case_dir" && exec "$VNSEG" "${ARGS[@]}" <input.txt >"$out" 2>"$out.err") || RC=$?
}

# python3 for the generators; PYTHON3 comes from CMake when set.
find_python() {
  PY=${PYTHON3:-}
  [[ -n $PY && -x $PY ]] || PY=$(command -v python3 || true)
  [[ -n $PY ]]
}
