#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Orrery's two packages (docs/packaging.md):
#   build/packages/orrery_<version>_amd64.deb              (cpack -G DEB)
#   build/packages/orrery-<version>-linux-x86_64.tar.gz    (installer/portable.sh)
# Without an argument it installs what is missing and builds Release in build/release first;
# with a build directory (already configured and built, e.g. test.sh's build/test) it packages
# that one, building only what is out of date, into BUILD_DIR/packages.
set -euo pipefail
ORRERY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$ORRERY_ROOT/scripts/deps.sh"
if [ $# -ge 1 ]; then
    build="$(cd "$1" && pwd)"
    out="$build/packages"
    cmake --build "$build" -j "$(nproc)"
else
    orrery_install_deps
    build="$ORRERY_ROOT/build/release"
    out="$ORRERY_ROOT/build/packages"
    orrery_build "$build" Release -DORRERY_BUILD_TESTS=OFF
fi
mkdir -p "$out"
# CPack stages its own install tree under $out/_CPack_Packages and runs dpkg-shlibdeps there.
(cd "$out" && cpack -G DEB --config "$build/CPackConfig.cmake" >/dev/null)
rm -rf "$out/_CPack_Packages"
ls "$out"/orrery_*_amd64.deb
"$ORRERY_ROOT/installer/portable.sh" "$build" "$out"
