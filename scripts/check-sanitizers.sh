#!/usr/bin/env bash
# The sanitizer part of CI (the README's test command runs it after the
# release build's ctest). Three builds beside `build/`, each in its own
# folder, reused by the next run:
#   build-asan  gcc, -DVNSEG_SANITIZE=address,undefined: the whole ctest suite
#               (CLI, install, SQLite and Python tests included)
#   build-fuzz  clang, -DVNSEG_FUZZ=ON: every harness of tests/fuzz on its
#               committed regressions, then FUZZ_SECONDS (30) of fuzzing
#               from its committed corpus. Configured and built with
#               -DVNSEG_BUILD_DICTIONARY=OFF and node and npm off the PATH
#               (which shows such a build needs neither); the harnesses load
#               the release build's build/dictionaries/vnseg.dic
#   build-tsan  gcc, -DVNSEG_SANITIZE=thread: the threaded tests (--threads,
#               the C API from several threads, Python segment_many and threads)
# Any sanitizer report, fuzzer finding or failed test fails the run.
# Usage: scripts/check-sanitizers.sh [asan] [fuzz] [tsan]   (default: all)
# Environment: FUZZ_SECONDS (30), JOBS (2).
set -uo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
jobs=${JOBS:-2}
fuzz_seconds=${FUZZ_SECONDS:-30}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(asan fuzz tsan)

passed=0 failed=0 failures=()
# run NAME COMMAND...: one counted step; its output goes to the terminal.
run() {
  local name=$1 start=$SECONDS
  shift
  echo "== check-sanitizers: $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "== $name: passed ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "== $name: FAILED ($((SECONDS - start)) s)"
    return 1
  fi
}

# Reuse the word list the release build fetched (no second npm install).
vntk=()
if [ -f build/dictionaries/npm/node_modules/@vntk/dictionary/data/Viet74K.txt ]; then
  vntk=(-DVNSEG_VNTK_DICTIONARY="$src/build/dictionaries/npm/node_modules/@vntk/dictionary")
fi
common=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNSEG_BUILD_BENCH=OFF
        -DPython3_EXECUTABLE=/usr/bin/python3 "${vntk[@]}")
# configure DIR ARGS...: logs in DIR/configure.log, shown on failure.
# $CMAKE_WRAPPER, if set, runs cmake (scripts/without-node.sh).
configure() {
  mkdir -p "$1"
  ${CMAKE_WRAPPER:-} cmake -S . -B "$@" >"$1/configure.log" 2>&1 || { cat "$1/configure.log"; return 1; }
}

# Sanitizer reports abort the program (-fno-sanitize-recover, and these).
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$src/tests/tsan_suppressions.txt}

asan_build() {
  configure build-asan "${common[@]}" -DCMAKE_CXX_COMPILER=g++ -DVNSEG_SANITIZE=address,undefined &&
    cmake --build build-asan -j"$jobs" >build-asan/build.log 2>&1 ||
    { tail -50 build-asan/build.log; return 1; }
}
asan_ctest() { ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 600; }

# The release build's dictionary: the fuzz build compiles none.
export VNSEG_FUZZ_DICT=${VNSEG_FUZZ_DICT:-$src/build/dictionaries/vnseg.dic}
fuzz_build() {
  [ -f "$VNSEG_FUZZ_DICT" ] ||
    { echo "fuzz: no dictionary $VNSEG_FUZZ_DICT (build the release tree first, or set VNSEG_FUZZ_DICT)"; return 1; }
  # The compiler by its own path, not the link's: a change of path would
  # make CMake drop the cache and these options. -U: a folder configured
  # before the fuzz build was OFF cached where node was.
  local clang
  clang=$(command -v clang++) || { echo "fuzz: clang++ not found"; return 1; }
  CMAKE_WRAPPER="scripts/without-node.sh build-fuzz/without-node-bin" configure build-fuzz "${common[@]}" \
      -DCMAKE_CXX_COMPILER="$clang" -DVNSEG_FUZZ=ON -DVNSEG_BUILD_DICTIONARY=OFF \
      -UNODE_EXECUTABLE -UNPM_EXECUTABLE -DVNSEG_BUILD_TESTS=OFF -DVNSEG_BUILD_PYTHON=OFF || return 1
  if grep -E '^(NODE|NPM)_EXECUTABLE' build-fuzz/CMakeCache.txt; then
    echo "fuzz: the VNSEG_BUILD_DICTIONARY=OFF configure looked for node or npm"
    return 1
  fi
  scripts/without-node.sh build-fuzz/without-node-bin cmake --build build-fuzz --target fuzz -j"$jobs" \
      >build-fuzz/build.log 2>&1 ||
    { tail -50 build-fuzz/build.log; return 1; }
}
# fuzz_one NAME: the regressions once each, then fuzz_seconds of fuzzing.
# New inputs go to a scratch folder, never into the committed corpus.
fuzz_one() {
  local name=$1 bin=build-fuzz/tests/fuzz/fuzz_$1 work=build-fuzz/fuzz-work/$1
  rm -rf "$work" && mkdir -p "$work/new" "$work/artifacts"
  # Inputs up to 4 KB of text; dictionaries up to 16 KB (a seed with a
  # model is 5 KB: a shorter limit would cut its model sections off).
  local max_len=4096
  [ "$name" = dictionary ] && max_len=16384
  local regressions=(tests/fuzz/regressions/"$name"/*)
  if [ -e "${regressions[0]}" ]; then
    "$bin" -timeout=10 -artifact_prefix="$work/artifacts/" "${regressions[@]}" >"$work/regressions.log" 2>&1 ||
      { tail -60 "$work/regressions.log"; echo "fuzz_$name: a regression input fails (log: $work/regressions.log)"; return 1; }
  fi
  "$bin" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2560 -max_len="$max_len" -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/" "$work/new" "tests/fuzz/corpus/$name" >"$work/fuzz.log" 2>&1 ||
    { tail -60 "$work/fuzz.log"; echo "fuzz_$name: finding in $work/artifacts/ (log: $work/fuzz.log)"; return 1; }
  grep -E "stat::number_of_executed_units" "$work/fuzz.log" | sed "s/^/    fuzz_$name /"
}

tsan_build() {
  configure build-tsan "${common[@]}" -DCMAKE_CXX_COMPILER=g++ -DVNSEG_SANITIZE=thread &&
    cmake --build build-tsan -j"$jobs" --target vnseg_cli vnseg_unit_tests _vnseg dictionary python_dictionary \
      >build-tsan/build.log 2>&1 || { tail -50 build-tsan/build.log; return 1; }
}
tsan_ctest() { ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R 'cli\.threads|Thread'; }
# Python threads and segment_many under the TSan runtime (preloaded: python3
# itself is not instrumented).
tsan_python() {
  local preload
  preload=$(g++ -print-file-name=libtsan.so):$(g++ -print-file-name=libstdc++.so.6)
  PYTHONPATH=build-tsan/python PYTHONDONTWRITEBYTECODE=1 LD_PRELOAD="$preload" \
    /usr/bin/python3 -m pytest -q -p no:cacheprovider python/tests/test_threads.py
}

for step in "${steps[@]}"; do
  case "$step" in
    asan) run asan.build asan_build && run asan.ctest asan_ctest ;;
    fuzz)
      if run fuzz.build fuzz_build; then
        while read -r name; do
          [ -n "$name" ] && run "fuzz.$name" fuzz_one "$name"
        done <build-fuzz/tests/fuzz/harnesses.txt
      fi ;;
    tsan) run tsan.build tsan_build && run tsan.ctest tsan_ctest && run tsan.python tsan_python ;;
    *) echo "check-sanitizers: unknown step '$step' (asan, fuzz, tsan)" >&2; exit 2 ;;
  esac
done

[ $failed -eq 0 ] || echo "check-sanitizers: failed: ${failures[*]}"
echo "check-sanitizers: $passed passed, $failed failed"
[ $failed -eq 0 ]
