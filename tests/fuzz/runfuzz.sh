#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One bounded fuzz run, as ctest's fuzz/<parser> test runs it:
#   runfuzz.sh BINARY PARSER SECONDS WORK_CORPUS_DIR [SEED_DIR...]
# 1. replays every saved crash in regressions/PARSER/ (each must now pass);
# 2. fuzzes for SECONDS from the seeds in corpus/PARSER/ and SEED_DIRs (new inputs go to
#    WORK_CORPUS_DIR, never into the source tree). Any crash, leak, timeout or OOM fails the test.
set -euo pipefail
binary="$1" parser="$2" seconds="$3" work="$4"
shift 4
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$work"
artifacts="$(dirname "$work")/artifacts/$parser"
mkdir -p "$artifacts"
# Leaks fail the run; symbolized stacks make the ctest log useful.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
common=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/")

regressions=("$here/regressions/$parser"/*)
if [ -e "${regressions[0]}" ]; then
    echo "replaying ${#regressions[@]} saved crash(es) from regressions/$parser"
    "$binary" "${common[@]}" "${regressions[@]}"
fi
seeds=("$@")
[ -d "$here/corpus/$parser" ] && seeds+=("$here/corpus/$parser")
"$binary" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work" "${seeds[@]}"
