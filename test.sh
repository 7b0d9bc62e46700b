#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds everything and runs every test through ctest, then builds
# the libFuzzer targets with clang (build/fuzz) and runs each briefly (ctest fuzz/<parser>).
# Exits non-zero on any failure. Extra arguments go to both ctest runs (e.g. -R core/).
set -euo pipefail
ORRERY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$ORRERY_ROOT/scripts/deps.sh"
orrery_install_deps
build="$ORRERY_ROOT/build/test"
orrery_build "$build" Release ${ORRERY_CMAKE_ARGS:-}
cd "$build"
# Tests never share a home or kubectl cache with the user.
export HOME="$build/test-home"
mkdir -p "$HOME"
status=0
ctest --output-on-failure -j 2 "$@" || status=$?

fuzz="$ORRERY_ROOT/build/fuzz"
orrery_configure_fuzz "$fuzz"
cmake --build "$fuzz" -j "$(nproc)"
cd "$fuzz"
ctest --output-on-failure -j 2 "$@" || status=$?
exit "$status"
