#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a tracked C++ file differs from what the committed .clang-format makes of it.
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
# Debian 12's clang-format is 14; another major version may format a few constructs
# differently, so the check uses the same binary as the rest of the toolchain (scripts/deps.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
formatter="$(command -v clang-format-14 || command -v clang-format)"
if ! git ls-files -z '*.cpp' '*.h' | xargs -0 "$formatter" --dry-run --Werror 2>/tmp/orrery-format.$$; then
    grep -E '^[^ ].*: (error|warning):' /tmp/orrery-format.$$ | cut -d: -f1 | sort -u \
        | sed 's/^/not formatted: /'
    echo "Run: git ls-files '*.cpp' '*.h' | xargs clang-format -i"
    rm -f /tmp/orrery-format.$$
    exit 1
fi
rm -f /tmp/orrery-format.$$
echo "format: all $(git ls-files '*.cpp' '*.h' | wc -l) C++ files follow .clang-format"
