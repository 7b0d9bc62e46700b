#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Orrery needs to build, run, test and package (the last line:
# package.sh and scripts/package-check.sh), when any is missing.
# Sourced by run.sh and test.sh.
ORRERY_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-svg-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libgl-dev libqt6opengl6-dev libvulkan-dev
    libyaml-cpp-dev libcurl4-openssl-dev nlohmann-json3-dev libcpp-httplib-dev libssl-dev zlib1g-dev
    xvfb xauth fonts-dejavu-core
    python3-h2 openssl
    clang libclang-rt-14-dev clang-format-14
    dpkg-dev file patchelf lintian desktop-file-utils appstream
    prometheus prometheus-alertmanager
    qtkeychain-qt6-dev libvterm-dev
    gh python3-gitlab python3-jenkins
    python3-graphql-core
    python3-kubernetes
    libsimdjson-dev
    azure-cli
)

# The official JavaScript Kubernetes client, a judge of orrery-sim in the tests
# (tests/sim/tst_officialclients_sim). Pinned: 2.x needs Node.js 22.19 (undici 8), the machines
# have Node.js 20. npm installs it into a cache directory here, at install time, never during a
# build or a test; the tests read it from there (tests/CMakeLists.txt resolves the same path).
ORRERY_NODE_CLIENT="@kubernetes/client-node@1.4.0"

# Packages whose Debian maintainer scripts enable and start a system service. Orrery only runs
# their binaries itself (tests and the demo start private instances on loopback ports with
# temporary directories), so when deps.sh is what installed them it stops and disables the
# services again: nothing of ours listens on 9090/9093 afterwards or depends on those daemons.
# In containers without systemd, policy-rc.d usually denies the start already; then there is
# nothing to stop.
ORRERY_SERVICE_PACKAGES=(prometheus prometheus-alertmanager)

# Where the npm packages of the tests live: $ORRERY_NODE_DEPS, else a cache directory.
orrery_node_deps_dir() {
    echo "${ORRERY_NODE_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/orrery/node-deps}"
}

# Installs ORRERY_NODE_CLIENT with npm into orrery_node_deps_dir unless that version is there.
# Without node and npm it says so and returns: the JavaScript judge then fails, naming why.
orrery_install_node_deps() {
    local dir version
    dir="$(orrery_node_deps_dir)"
    version="${ORRERY_NODE_CLIENT##*@}"
    if grep -qs "\"version\": \"$version\"" "$dir/node_modules/@kubernetes/client-node/package.json"; then
        return 0
    fi
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "deps: node and npm are needed to install $ORRERY_NODE_CLIENT (tests/sim/tst_officialclients_sim)" >&2
        return 0
    fi
    echo "Installing $ORRERY_NODE_CLIENT into $dir"
    mkdir -p "$dir"
    [ -f "$dir/package.json" ] || echo '{"private": true}' >"$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --omit=dev --loglevel=error "$ORRERY_NODE_CLIENT") ||
        echo "deps: npm could not install $ORRERY_NODE_CLIENT into $dir" >&2
    return 0
}

orrery_install_deps() {
    orrery_install_node_deps
    local missing=()
    for pkg in "${ORRERY_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    orrery_quiet_services "${missing[@]}"
}

# Stops and disables the system services of the packages named in $@ that are in
# ORRERY_SERVICE_PACKAGES (only when systemd runs; elsewhere invoke-rc.d/policy-rc.d decided).
orrery_quiet_services() {
    [ -d /run/systemd/system ] || return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    local pkg svc
    for pkg in "$@"; do
        for svc in "${ORRERY_SERVICE_PACKAGES[@]}"; do
            [ "$pkg" = "$svc" ] && $sudo systemctl disable --now "$svc.service" >/dev/null 2>&1
        done
    done
    return 0
}

# Configures and builds into $1 with build type $2, using both cores.
orrery_build() {
    local dir="$1" type="$2"
    shift 2
    cmake -S "$ORRERY_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}

# Configures $1 for the libFuzzer targets (tests/fuzz): clang, ORRERY_FUZZ=ON, ccache when
# present. Only the fuzz targets and the core and sim libraries are in that build.
orrery_configure_fuzz() {
    local dir="$1"
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    CC=clang CXX=clang++ cmake -S "$ORRERY_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DORRERY_FUZZ=ON "${launcher[@]}" >/dev/null
}
