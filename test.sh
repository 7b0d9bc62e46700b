#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds everything and runs every test through ctest, then builds
# the libFuzzer targets with clang (build/fuzz) and runs each briefly (ctest fuzz/<parser>).
# Exits non-zero on any failure. Extra arguments go to both ctest runs (e.g. -R core/).
# Each phase prints how long it took ("== test.sh: <phase> took N s"), and a summary at the
# end, so CI logs show where the time goes. ORRERY_CTEST_JOBS sets the test parallelism
# (default 3 on any machine: the long tests mostly wait for simulated clusters, using 1-6 s of
# CPU in 20-106 s, so a third slot overlaps them with the CPU-bound short ones;
# docs/PERFORMANCE.md, "CI time").
set -euo pipefail
ORRERY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$ORRERY_ROOT/scripts/deps.sh"
orrery_install_deps
build="$ORRERY_ROOT/build/test"
jobs="${ORRERY_CTEST_JOBS:-3}"

timings=()
phase_start=0
phase() { phase_start=$(date +%s); echo "== test.sh: $1"; }
phase_end() {
    local took=$(($(date +%s) - phase_start))
    echo "== test.sh: $1 took $took s"
    timings+=("$(printf '%-12s %5d s' "$1" "$took")")
}

phase "build (Release, $build)"
orrery_build "$build" Release ${ORRERY_CMAKE_ARGS:-}
phase_end build
cd "$build"
# Tests never share a home or kubectl cache with the user.
export HOME="$build/test-home"
mkdir -p "$HOME"
status=0
phase "ctest -j $jobs"
ctest --output-on-failure -j "$jobs" "$@" || status=$?
phase_end ctest

fuzz="$ORRERY_ROOT/build/fuzz"
phase "fuzz build (clang, $fuzz)"
orrery_configure_fuzz "$fuzz"
cmake --build "$fuzz" -j "$(nproc)"
phase_end "fuzz build"
cd "$fuzz"
# libFuzzer uses a core per target: one target per core.
phase "fuzz ctest -j $(nproc)"
ctest --output-on-failure -j "$(nproc)" "$@" || status=$?
phase_end "fuzz ctest"
echo "== test.sh: timings"
printf '   %s\n' "${timings[@]}"
exit "$status"
