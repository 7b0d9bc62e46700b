#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds everything and runs every test through ctest while the
# libFuzzer targets build with clang (build/fuzz) in the background, then runs each of those
# briefly (ctest fuzz/<parser>).
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
# The fuzz build runs beside ctest at the lowest priority: ctest's long tests mostly wait for
# simulated clusters and leave the cores partly idle, and nice 19 hands a core back to a test
# whenever one wants it. Its output is shown once it has finished.
fuzz="$ORRERY_ROOT/build/fuzz"
fuzz_log="$build/fuzz-build.log"
(orrery_configure_fuzz "$fuzz" && nice -n 19 cmake --build "$fuzz" -j "$(nproc)") >"$fuzz_log" 2>&1 &
fuzz_pid=$!
phase "ctest -j $jobs (fuzz build in the background: clang, $fuzz)"
ctest --output-on-failure -j "$jobs" "$@" || status=$?
phase_end ctest

phase "fuzz build (what is left once ctest has finished)"
fuzz_built=0
wait "$fuzz_pid" || fuzz_built=$?
cat "$fuzz_log"
phase_end "fuzz build"
if [ "$fuzz_built" -ne 0 ]; then
    echo "== test.sh: the fuzz build failed (exit $fuzz_built)"
    exit 1
fi
cd "$fuzz"
# libFuzzer uses a core per target: one target per core.
phase "fuzz ctest -j $(nproc)"
ctest --output-on-failure -j "$(nproc)" "$@" || status=$?
phase_end "fuzz ctest"
echo "== test.sh: timings"
printf '   %s\n' "${timings[@]}"
exit "$status"
