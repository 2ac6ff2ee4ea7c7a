#!/bin/sh
# Runs the test suite (the default CTest suite: everything but the `slow`
# label) on the build made by scripts/bootstrap.sh, configuring and building
# it first if needed.
set -eu
cd "$(dirname "$0")/.."
[ -f build/CMakeCache.txt ] || cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" -LE slow "$@"
