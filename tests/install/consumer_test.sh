#!/usr/bin/env bash
# Installs the vnseg build into a fresh prefix, builds examples/consumer
# against it through the CMake package and through pkg-config, installs the
# programs into the same prefix and runs them.
#
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
#
# The programs must find the dictionary *of the prefix* with no VNSEG_DICT:
# each prints the path it found and the test compares it with the prefix,
# because the build tree's dictionary (also on the lookup list) would make
# segmentation work for the wrong reason.
set -euo pipefail
build=$1 src=$(cd "$2" && pwd) work=$3
unset VNSEG_DICT
rm -rf "$work"
mkdir -p "$work"
prefix=$(cd "$work" && pwd -P)/prefix
consumer_src="$src/examples/consumer"

fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
pc_file=$(find "$prefix" -name vnseg.pc)
[ -n "$pc_file" ] || fail "no vnseg.pc installed"
[ -f "$prefix/share/vnseg/vnseg.dic" ] || fail "no dictionary installed"

# Checks one program: its dictionary is the prefix's, its output is right.
check_program() {
  local program=$1 out
  out=$("$program") || fail "$program exited with $?"
  printf '%s\n' "$out" | sed 's/^/    /'
  case "$program" in
    *consumer_cpp) ;;  # the C++ example prints only the segmented text
    *) [ "$(realpath -m "$(sed -n 's/^vnseg [0-9.]*, dictionary //p' <<<"$out")")" = \
         "$prefix/share/vnseg/vnseg.dic" ] || fail "$program did not use the prefix's dictionary" ;;
  esac
  grep -qxF "Tổng_thống Mỹ nói hoà_bình." <<<"$out" || fail "$program: wrong segmentation"
}

echo "== find_package(vnseg)"
cmake -S "$consumer_src" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_INSTALL_PREFIX="$prefix" >"$work/cmake-configure.log" ||
  { cat "$work/cmake-configure.log"; fail "configure against the package"; }
cmake --build "$work/cmake-build" >"$work/cmake-build.log" 2>&1 ||
  { cat "$work/cmake-build.log"; fail "build against the package"; }
cmake --install "$work/cmake-build" >/dev/null
check_program "$prefix/bin/consumer_c"
check_program "$prefix/bin/consumer_cpp"
grep -qxF "user words: nói zip_zap; hoà bình is a base-list word" <<<"$("$prefix/bin/consumer_cpp")" ||
  fail "consumer_cpp: user words or lookup"
grep -qF "  [0,14) Tổng thống" <<<"$("$prefix/bin/consumer_c")" || fail "token offsets"
# The check above can fail: with the static library, the same program
# outside the prefix finds another dictionary (the build tree's or none).
# (A shared libvnseg finds its prefix's dictionary from anywhere.)
# Here-strings, not `| grep -q`: with pipefail, the writer killed by
# SIGPIPE when grep quits early would turn a match into a miss.
if ! grep -q libvnseg <<<"$(ldd "$prefix/bin/consumer_c")"; then
  mkdir -p "$work/elsewhere"
  cp "$prefix/bin/consumer_c" "$work/elsewhere/"
  if grep -qF "dictionary $prefix/" <<<"$("$work/elsewhere/consumer_c" 2>/dev/null)"; then
    fail "a program outside the prefix found the prefix's dictionary: the lookup check proves nothing"
  fi
fi

echo "== find_package(vnseg) from a C-only project"
cmake -S "$consumer_src" -B "$work/c-only-build" -DCMAKE_PREFIX_PATH="$prefix" -DCONSUMER_CXX=OFF \
  >"$work/c-only.log" && cmake --build "$work/c-only-build" >>"$work/c-only.log" 2>&1 ||
  { cat "$work/c-only.log"; fail "C-only project against the package"; }
grep -qxF "Tổng_thống Mỹ nói hoà_bình." <<<"$("$work/c-only-build/consumer_c")" ||
  fail "C-only consumer: wrong segmentation"
echo "    built and ran"

echo "== pkg-config --libs --static vnseg"
mkdir -p "$work/make-build"
PKG_CONFIG_PATH="$(dirname "$pc_file")" make -C "$work/make-build" -f "$consumer_src/Makefile" \
  SRCDIR="$consumer_src" PREFIX="$prefix" install >"$work/make.log" 2>&1 ||
  { cat "$work/make.log"; fail "build with pkg-config"; }
grep -E '^(cc|gcc)' "$work/make.log" | sed 's/^/    /'
check_program "$prefix/bin/consumer_c_pc"

echo "== the installed SQLite extension"
extension=$(find "$prefix" -name vnseg_fts5.so)
if [ -z "$extension" ]; then
  echo "    not built (VNSEG_BUILD_SQLITE=OFF)"
elif ! command -v sqlite3 >/dev/null; then
  echo "    no sqlite3 shell: skipped"
else
  # A sanitizer build's extension needs its runtime in the uninstrumented
  # shell; preloading the extension too keeps it mapped after SQLite unloads
  # it, so that LeakSanitizer still sees its static caches at exit.
  out=$(LD_PRELOAD=${VNSEG_SANITIZER_PRELOAD:+$VNSEG_SANITIZER_PRELOAD:$extension} sqlite3 :memory: ".load ${extension%.so}" "SELECT vnseg_dictionary_path();" \
    "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='vnseg');" \
    "INSERT INTO t VALUES ('Tổng thống Mỹ');" \
    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'thống';")
  printf '%s\n' "$out" | sed 's/^/    /'
  [ "$(realpath -m "$(head -1 <<<"$out")")" = "$prefix/share/vnseg/vnseg.dic" ] ||
    fail "the installed extension did not find the prefix's dictionary"
  [ "$(tail -1 <<<"$out")" = "[Tổng thống] Mỹ" ] || fail "the installed extension's query"
fi

echo "PASS"
