#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Orrery (Release) and starts it. Arguments go to orrery.
# With no usable kubeconfig, or with --demo, Orrery runs on its embedded simulated cluster.
# With no display, it runs offscreen and writes a screenshot, saying where.
set -euo pipefail
ORRERY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$ORRERY_ROOT/scripts/deps.sh"
orrery_install_deps
orrery_build "$ORRERY_ROOT/build/release" Release -DORRERY_BUILD_TESTS=OFF
app="$ORRERY_ROOT/build/release/app/orrery"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    shot="$ORRERY_ROOT/build/orrery-screenshot.png"
    echo "No display found: running offscreen."
    QT_QPA_PLATFORM=offscreen "$app" --screenshot "$shot" "$@"
    echo "Screenshot written to $shot"
else
    exec "$app" "$@"
fi
