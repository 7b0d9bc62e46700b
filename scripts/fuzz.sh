#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The long fuzzing campaign: builds the libFuzzer targets (tests/fuzz, clang, ASan + UBSan)
# into build/fuzz and runs each for SECONDS, one after another, at low priority.
#
#   scripts/fuzz.sh [SECONDS] [PARSER...]      e.g. scripts/fuzz.sh 1800 manifest kubeconfig
#
# SECONDS defaults to 1800 per target; without PARSERs every target runs. FUZZ_RUNS=N stops a
# target after N executions (the goal below is 10^6). FUZZ_PARALLEL=N
# runs N targets at once. The corpus grows in build/fuzz/campaign/corpus/<parser>/ (seeded
# from tests/fuzz/corpus and tests/data, reused by the next run); crashes, leaks and hangs are
# written to build/fuzz/campaign/artifacts/<parser>/ and listed at the end. The goal, and the
# figures of the last campaign, are in docs/RELIABILITY.md ("Fuzzing").
# A finding is replayed with: build/fuzz/tests/fuzz/fuzz_<parser> <artifact>
# ORRERY_FUZZ_TOLERATE_JSON_EXCEPTIONS=1 skips nlohmann type errors (tests/fuzz/fuzzinput.h).
set -euo pipefail
ORRERY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ORRERY_ROOT/scripts/deps.sh"
orrery_install_deps
seconds="${1:-1800}"
shift || true
build="$ORRERY_ROOT/build/fuzz"
orrery_configure_fuzz "$build"
parsers=("$@")
if [ ${#parsers[@]} -eq 0 ]; then
    for source in "$ORRERY_ROOT"/tests/fuzz/fuzz_*.cpp; do
        name="$(basename "$source" .cpp)"
        parsers+=("${name#fuzz_}")
    done
fi
cmake --build "$build" -j "$(nproc)" --target "${parsers[@]/#/fuzz_}"

campaign="$build/campaign"
data="$ORRERY_ROOT/tests/data"
declare -A extra=([kubeconfig]="$data/kubeconfig" [manifest]="$data/apply $data/runbooks/manifests"
                  [runbook]="$data/runbooks" [helmrelease]="$data/helm")
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {
    local parser="$1"
    local corpus="$campaign/corpus/$parser" artifacts="$campaign/artifacts/$parser"
    mkdir -p "$corpus" "$artifacts"
    # shellcheck disable=SC2086 # the extra seed directories are a word list
    nice -n 10 "$build/tests/fuzz/fuzz_$parser" -max_total_time="$seconds" -runs="${FUZZ_RUNS:--1}" -timeout=30 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$corpus" "$ORRERY_ROOT/tests/fuzz/corpus/$parser" ${extra[$parser]:-} \
        >"$campaign/$parser.log" 2>&1 || true
}

mkdir -p "$campaign"
running=0
for parser in "${parsers[@]}"; do
    echo "fuzzing $parser for ${seconds}s (log: $campaign/$parser.log)"
    run_one "$parser" &
    running=$((running + 1))
    if [ "$running" -ge "${FUZZ_PARALLEL:-1}" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

# One line per target: executions, seconds, findings (crash-, leak-, timeout-, oom- files).
status=0
printf '%-16s %14s %8s %9s\n' parser executions seconds findings
for parser in "${parsers[@]}"; do
    log="$campaign/$parser.log"
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    secs="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
    findings="$(find "$campaign/artifacts/$parser" -type f | wc -l)"
    printf '%-16s %14s %8s %9s\n' "$parser" "${execs:-?}" "${secs:-?}" "$findings"
    [ "$findings" -eq 0 ] && [ -n "$execs" ] || status=1
done
exit "$status"
