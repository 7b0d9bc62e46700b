#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds both packages from a build directory (default: test.sh's build/test, which must be
# built; nothing is rebuilt from scratch) and checks them as a user would meet them:
#   the .deb: lintian (no errors), its contents, `apt-get install`, the installed binaries run
#     from /usr/bin with the source and build trees hidden, the installed desktop entry's
#     command finds an exec plugin that only the login shell's PATH has, then purge, and
#     nothing of it is left under /usr;
#   the tarball: unpacked into a temporary directory and run through its ./orrery launcher
#     from another directory, with the source tree and the host's copies of the bundled
#     libraries hidden.
# Needs root (apt-get, and a private mount namespace for the hiding). Called by .ci/run
# after ./test.sh. docs/packaging.md describes the packages.
set -euo pipefail
ORRERY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$ORRERY_ROOT/build/test}" && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "package-check.sh: run as root (it installs the .deb)" >&2; exit 1; }
source "$ORRERY_ROOT/scripts/deps.sh"
orrery_install_deps # lintian, patchelf, ... when run by hand
started=$(date +%s)
step() { echo "== package-check: $* ($(($(date +%s) - started)) s)"; }
fail() { echo "package-check: FAIL: $*" >&2; exit 1; }

work="$(mktemp -d /tmp/orrery-package-check.XXXXXX)"
case "$work/" in "$ORRERY_ROOT/"* | "$build/"*) fail "the temporary directory $work is inside the tree it must hide" ;; esac
sim_pid=""
cleanup() {
    [ -z "$sim_pid" ] || kill "$sim_pid" 2>/dev/null || true
    if dpkg-query -W -f='${Status}' orrery 2>/dev/null | grep -q "ok installed"; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq orrery >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Runs a command as if on a machine without the source and build trees: in a private mount
# namespace where empty tmpfs cover the build directory and $ORRERY_ROOT, with a
# clean environment and the given extra mounts (host files hidden under /dev/null).
# Usage: hidden [--hide FILE]... -- ENV=VALUE... COMMAND ARGS...
# The body is a subshell that ends in exec: run in the background, $! is the command's pid.
hidden() (
    hide=()
    while [ "$1" != "--" ]; do hide+=("$2"); shift 2; done
    shift
    exec unshare --mount --propagation private -- /bin/sh -c '
        build="$1" root="$2"; shift 2
        mount -t tmpfs -o size=1m orrery-hidden "$build" || exit 97
        mount -t tmpfs -o size=1m orrery-hidden "$root" || exit 97
        while [ "$1" != "--" ]; do mount --bind /dev/null "$1" || exit 97; shift; done
        shift
        exec env -i "$@"' hide "$build" "$ORRERY_ROOT" "${hide[@]}" -- "$@"
)
unshare --mount --propagation private -- true || fail "unshare --mount does not work here (root in a container without CAP_SYS_ADMIN?)"

step "building the packages"
"$ORRERY_ROOT/package.sh" "$build" >/dev/null
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")"
deb="$build/packages/orrery_${version}_amd64.deb"
tarball="$build/packages/orrery-$version-linux-x86_64.tar.gz"
[ -f "$deb" ] || fail "no $deb"
[ -f "$tarball" ] || fail "no $tarball"
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; $(basename "$tarball"): $(du -k "$tarball" | cut -f1) KiB"

step "lintian"
# Errors fail; warnings are printed. installer/lintian-overrides would hold reasoned overrides.
lintian --fail-on error --tag-display-limit 0 "$deb" || fail "lintian reports errors"

step "what the .deb contains"
contents="$work/contents.txt"
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$contents"
for f in /usr/bin/orrery /usr/bin/orrery-sim /usr/share/applications/org.orrery.Orrery.desktop \
    /usr/share/metainfo/org.orrery.Orrery.metainfo.xml /usr/share/man/man1/orrery.1.gz \
    /usr/share/man/man1/orrery-sim.1.gz /usr/share/doc/orrery/copyright /usr/share/doc/orrery/changelog.gz \
    /usr/share/icons/hicolor/scalable/apps/orrery.svg /usr/share/icons/hicolor/48x48/apps/orrery.png \
    /usr/share/icons/hicolor/256x256/apps/orrery.png /usr/share/orrery/scenarios/pfe.yaml \
    /usr/share/orrery/runbooks/pfe-load-scale-out.yaml; do
    grep -qx "$f" "$contents" || fail "the .deb has no $f"
done
depends="$(dpkg-deb --field "$deb" Depends)"
for lib in libqt6widgets6 libqt6svg6 libyaml-cpp libcurl; do
    grep -q "$lib" <<<"$depends" || fail "Depends has no $lib: $depends"
done
[ "$(dpkg-deb --field "$deb" Recommends)" = "kubectl" ] || fail "Recommends is not kubectl"
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "the .deb's version is not $version"

step "apt-get install"
before="$work/usr-before.txt"
find /usr /etc /opt -xdev 2>/dev/null | sort > "$before"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null \
    || fail "apt-get install $deb"
dpkg -L orrery > "$work/installed.txt"

home="$work/home"
mkdir -p "$home" "$work/out"
clean_env=(HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)

step "installed binaries, source and build trees hidden"
[ "$(hidden -- "${clean_env[@]}" orrery --version)" = "Orrery $version" ] || fail "orrery --version"
# Captured first: "| grep -q" under pipefail fails as soon as the output outgrows one
# stdio buffer, because grep exits on the first match and the writer dies of SIGPIPE.
help_fr="$(hidden -- "${clean_env[@]}" orrery --language fr --help)" || fail "orrery --language fr --help"
grep -q "Afficher les contextes kubeconfig" <<<"$help_fr" \
    || fail "orrery --language fr --help is not in French (the embedded translations)"
scenarios="$(hidden -- "${clean_env[@]}" orrery-sim --list-scenarios)" || fail "orrery-sim --list-scenarios"
grep -qx pfe <<<"$scenarios" || fail "orrery-sim does not find the installed scenarios"

# orrery-sim from /usr/bin, and --list-contexts / --doctor against it.
hidden -- "${clean_env[@]}" orrery-sim --scenario pfe --kubeconfig-out "$work/sim.yaml" > "$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 100); do grep -q '^ready ' "$work/sim.out" 2>/dev/null && break; sleep 0.2; done
grep -q '^ready ' "$work/sim.out" || fail "orrery-sim did not start: $(cat "$work/sim.err")"
server="$(sed -n 's/^ready //p' "$work/sim.out")"
hidden -- "${clean_env[@]}" orrery --list-contexts --kubeconfig "$work/sim.yaml" > "$work/contexts.json" \
    || fail "orrery --list-contexts"
grep -q '"pfe-k8s-viewer"' "$work/contexts.json" || fail "--list-contexts does not list pfe-k8s-viewer"

hidden -- "${clean_env[@]}" orrery --demo --screenshot "$work/out/demo.png" > "$work/demo.log" 2>&1 \
    || fail "orrery --demo --screenshot: $(tail -5 "$work/demo.log")"
[ "$(head -c 8 "$work/out/demo.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || fail "the demo screenshot is not a PNG"
[ "$(stat -c %s "$work/out/demo.png")" -gt 20000 ] || fail "the demo screenshot is nearly empty"
[ -z "${ORRERY_PACKAGE_CHECK_KEEP:-}" ] || cp "$work/out/demo.png" "$ORRERY_PACKAGE_CHECK_KEEP/deb-demo.png"

step "the installed desktop entry's command, with a desktop session's PATH"
# Exec= of the installed entry, %F given no files (as a menu launch does). The exec plugin's
# directory is only in the PATH that the login shell's profile builds, as with aws or
# kubelogin installed under the home directory.
desktop=/usr/share/applications/org.orrery.Orrery.desktop
exec_line="$(sed -n 's/^Exec=//p' "$desktop")"
[ "$exec_line" = "orrery %F" ] || fail "unexpected Exec=$exec_line"
read -r -a command <<<"${exec_line//%F/}"
mkdir -p "$home/login-bin"
token="$(sed -n '/^- name: pfe-k8s-viewer$/,/token:/s/^ *token: //p' "$work/sim.yaml")"
[ -n "$token" ] || fail "no viewer token in the simulator's kubeconfig"
cat > "$home/login-bin/orrery-check-plugin" <<EOF
#!/bin/sh
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\n' '$token'
EOF
chmod 0755 "$home/login-bin/orrery-check-plugin"
cat > "$work/plugin.yaml" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: sim
  cluster:
    server: $server
    certificate-authority-data: $(sed -n 's/^ *certificate-authority-data: //p' "$work/sim.yaml" | head -1)
users:
- name: plugin-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: orrery-check-plugin
      interactiveMode: Never
contexts:
- name: plugin
  context: {cluster: sim, user: plugin-user, namespace: default}
current-context: plugin
EOF
desktop_env=(HOME="$home" PATH=/usr/bin:/bin SHELL=/bin/bash LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)
# Without the profile the plugin is not found: the check below can fail.
if hidden -- "${desktop_env[@]}" "${command[@]}" --doctor --kubeconfig "$work/plugin.yaml" > "$work/doctor-none.txt" 2>&1; then
    fail "--doctor succeeded although no PATH has the plugin: $(cat "$work/doctor-none.txt")"
fi
echo 'PATH="$HOME/login-bin:$PATH"; export PATH' > "$home/.bash_profile"
hidden -- "${desktop_env[@]}" "${command[@]}" --doctor --kubeconfig "$work/plugin.yaml" > "$work/doctor.txt" 2>&1 \
    || fail "the desktop entry's command did not find the plugin through the login shell: $(cat "$work/doctor.txt")"
echo "without the profile: $(grep -m1 credentials "$work/doctor-none.txt" || tail -1 "$work/doctor-none.txt")"
echo "with it:"; head -5 "$work/doctor.txt"
kill "$sim_pid"
wait "$sim_pid" 2>/dev/null || true
sim_pid=""

step "apt-get purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq orrery >/dev/null || fail "apt-get purge orrery"
if dpkg-query -W -f='${Status}' orrery 2>/dev/null | grep -q "ok installed"; then
    fail "orrery is still known to dpkg after purge"
fi
while read -r f; do
    [ -e "$f" ] || continue
    grep -qx "$f" "$before" || fail "$f was installed by the package and is still there"
done < "$work/installed.txt"
find /usr /etc /opt -xdev 2>/dev/null | sort > "$work/usr-after.txt"
# The desktop's caches that triggers regenerate (not ours) may appear; nothing else may.
left="$(comm -13 "$before" "$work/usr-after.txt" \
    | grep -Ev '^/usr/share/(applications/mimeinfo\.cache|icons/hicolor/icon-theme\.cache)$' || true)"
[ -z "$left" ] || fail "left behind after purge: $left"

step "portable tarball, unpacked elsewhere"
mkdir -p "$work/portable" "$work/elsewhere"
tar -xzf "$tarball" -C "$work/portable"
dir="$work/portable/orrery-$version-linux-x86_64"
[ -x "$dir/orrery" ] || fail "the tarball has no ./orrery launcher"
# Hide the host's copy of every bundled library, and the host's Qt plugins: what runs is the
# tarball's.
hide=()
for lib in "$dir"/lib/*; do
    for host in /usr/lib/x86_64-linux-gnu/"$(basename "$lib")" /lib/x86_64-linux-gnu/"$(basename "$lib")"; do
        [ -e "$host" ] && hide+=(--hide "$(readlink -f "$host")")
    done
done
for plugin in /usr/lib/x86_64-linux-gnu/qt6/plugins/platforms/*.so; do hide+=(--hide "$plugin"); done
portable_env=(HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)
[ "$(cd "$work/elsewhere" && hidden "${hide[@]}" -- "${portable_env[@]}" "$dir/orrery" --version)" = "Orrery $version" ] \
    || fail "the tarball's orrery --version"
(cd "$work/elsewhere" && hidden "${hide[@]}" -- "${portable_env[@]}" QT_DEBUG_PLUGINS=1 \
    "$dir/orrery" --demo --screenshot "$work/out/portable.png") > "$work/portable.log" 2>&1 \
    || fail "the tarball's orrery --demo --screenshot: $(grep -v '^qt\.core\.plugin' "$work/portable.log" | tail -5)"
grep -qF "\"$dir/plugins/platforms/libqoffscreen.so\" loaded library" "$work/portable.log" \
    || fail "the offscreen platform plugin was not loaded from the tarball"
[ "$(stat -c %s "$work/out/portable.png")" -gt 20000 ] || fail "the tarball's demo screenshot is nearly empty"
[ -z "${ORRERY_PACKAGE_CHECK_KEEP:-}" ] || cp "$work/out/portable.png" "$ORRERY_PACKAGE_CHECK_KEEP/portable-demo.png"

step "all package checks passed"
