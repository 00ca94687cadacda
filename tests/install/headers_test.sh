#!/usr/bin/env bash
# Installs the vnseg build into a fresh prefix and checks its public API:
# include/vnseg holds exactly the headers lib/CMakeLists.txt lists, none of
# them names the engine (the trie, the lattice, the model) or declares a
# friend, and each compiles on its own from the prefix.
#
# Usage: headers_test.sh BUILD_DIR WORK_DIR CXX HEADER...
set -euo pipefail
build=$1 work=$2 cxx=$3
shift 3
rm -rf "$work"
mkdir -p "$work"
prefix=$(cd "$work" && pwd -P)/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
include=$prefix/include/vnseg
[ -d "$include" ] || fail "no $include"

expected=$(printf '%s\n' "$@" | sort)
installed=$(cd "$include" && find . -type f | sed 's|^\./||' | sort)
[ "$installed" = "$expected" ] ||
  fail "installed headers differ from the list in lib/CMakeLists.txt:
$(diff <(echo "$expected") <(echo "$installed") || true)"
echo "    ${#@} headers, as listed"

# Words that name the engine: engine headers stay in lib/src.
# TODO(issue 12 merge): segmenter.h's `friend class ModelTrainer` goes with
# the engine branch's rewrite; then delete this exception.
pending=segmenter.h
for h in "$@"; do
  for word in friend TrieNode TrieEdge Lattice 'model::' DictionaryImage; do
    [ "$h" = "$pending" ] && [ "$word" = friend ] && continue
    if grep -n -- "$word" "$include/$h" >"$work/hit.txt"; then
      fail "$h names '$word': $(cat "$work/hit.txt")"
    fi
  done
  while read -r inc; do
    case "$inc" in
      vnseg/*) [ -f "$prefix/include/$inc" ] || fail "$h includes $inc, which is not installed" ;;
      absl/*) ;;
      *) fail "$h includes \"$inc\", neither a vnseg nor an abseil header" ;;
    esac
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$include/$h")
done
echo "    none names the trie, lattice, model or a friend"

# Each header on its own, from the prefix only (abseil from the system).
for h in "$@"; do
  case "$h" in
    vnseg.h) lang=c std=-std=c11 ;;
    *) lang=c++ std=-std=c++17 ;;
  esac
  echo "#include \"vnseg/$h\"" | "$cxx" -x "$lang" $std -fsyntax-only -Wall -Werror \
    -I"$prefix/include" - 2>"$work/compile.log" ||
    { cat "$work/compile.log"; fail "$h does not compile on its own"; }
done
echo "    each compiles on its own"
echo "PASS"
