#!/usr/bin/env bash
# Installs what vnseg needs to build and test on Debian 12 (bookworm), from
# Debian's packages. Safe to run again. Runs apt-get through sudo when not
# root; never asks questions (CI runs it with no terminal).
set -euo pipefail

packages=(
  build-essential cmake pkg-config sqlite3 libsqlite3-dev time
  libicu-dev libutfcpp-dev libabsl-dev libgtest-dev libbenchmark-dev libcli11-dev
  python3 python3-dev python3-pybind11 python3-pytest pybind11-dev
  # The pip-installable package and its wheel (python/pyproject.toml) and
  # the ctest python.wheel_venv, which installs the wheel into a fresh venv.
  python3-pip python3-venv python3-setuptools python3-wheel python3-build
  # vnseg.dask (python/vnseg/dask) and its tests: files converted on a Dask
  # cluster (a LocalCluster in the tests; fsspec comes with python3-dask).
  python3-dask python3-distributed
  # scripts/check-sanitizers.sh: clang with libFuzzer and its sanitizer
  # runtimes (tests/fuzz), llvm-symbolizer for readable reports. gcc's
  # ASan/UBSan/TSan runtimes come with build-essential.
  clang libclang-rt-14-dev llvm
)
# npm installs the base word list. Debian's nodejs and npm come together;
# a machine that already has node from elsewhere (NodeSource bundles npm)
# must not get Debian's npm, which conflicts with it.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "install-deps: installing ${missing[*]}"
run env DEBIAN_FRONTEND=noninteractive apt-get update -q
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
