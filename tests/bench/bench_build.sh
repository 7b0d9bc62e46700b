#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Build-time benchmark (issue 12): a clean Release build of every target without ccache, then
# the rebuild after touching one source file of each layer, all with -j2 (the CI machine has
# 2 cores). Results: docs/PERFORMANCE.md ("Build time").
#
#   tests/bench/bench_build.sh [SOURCE_DIR] [BUILD_DIR]
#
# SOURCE_DIR defaults to this checkout, BUILD_DIR to SOURCE_DIR/build/bench-build (wiped first).
# Measure on an otherwise idle machine: a concurrent build or test run inflates the clean build.
set -euo pipefail
src="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd)"
build="${2:-$src/build/bench-build}"
rm -rf "$build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
seconds() { python3 -c 'import sys,time; print(f"{time.time()-float(sys.argv[1]):.1f}")' "$1"; }
start=$(date +%s.%N)
ninja -C "$build" -j2 >"$build/clean.log"
echo "clean build: $(seconds "$start") s, $(grep -c '^\[' "$build/clean.log") steps"
for file in core/kube/informer.cpp models/resourcetablemodel.cpp ui/mainwindow.cpp; do
    [ -f "$src/$file" ] || continue
    touch "$src/$file"
    start=$(date +%s.%N)
    ninja -C "$build" -j2 >"$build/one.log"
    echo "rebuild after touching $file: $(seconds "$start") s, $(grep -c '^\[' "$build/one.log") steps"
done
