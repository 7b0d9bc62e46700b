#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the portable tarball orrery-<version>-linux-x86_64.tar.gz from a build directory:
#   installer/portable.sh BUILD_DIR OUT_DIR
# The install tree (cmake --install --strip), plus the Qt plugins Orrery needs and every
# shared library they and the binaries load (a walk with ldd), except the ones listed in
# HOST_LIBRARIES, which come from the host. Binaries, libraries and plugins find each other
# through RUNPATHs relative to $ORIGIN, and Qt finds its plugins through bin/qt.conf, so the
# tree runs from wherever it is unpacked. docs/packaging.md explains the choices.
set -euo pipefail
build="$(cd "$1" && pwd)"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
for tool in patchelf ldd objdump tar; do
    command -v "$tool" >/dev/null || { echo "portable.sh: $tool is missing (scripts/deps.sh installs it)" >&2; exit 1; }
done

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")"
[ -n "$version" ] || { echo "portable.sh: no CMAKE_PROJECT_VERSION in $build/CMakeCache.txt" >&2; exit 1; }
name="orrery-$version-linux-x86_64"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/$name"

cmake --install "$build" --prefix "$root" --strip >/dev/null

# The libraries of the base system, the graphics driver stack, the display server's client
# libraries, fonts and the session bus: every desktop has them, and they must be the host's
# own (a bundled libGL cannot drive the host's GPU, a bundled libc cannot be used at all, a
# second fontconfig or glib beside the host's breaks things). Everything else is bundled.
HOST_LIBRARIES='^(ld-linux-x86-64|libc|libm|libdl|libpthread|librt|libresolv|libutil|libmvec|libanl|libnss_.*|libgcc_s|libstdc\+\+|libGL|libGLX|libEGL|libOpenGL|libGLdispatch|libgbm|libdrm|libvulkan|libX11|libX11-xcb|libxcb|libXau|libXdmcp|libwayland-.*|libfontconfig|libfreetype|libharfbuzz|libexpat|libz|libglib-2\.0|libgobject-2\.0|libgthread-2\.0|libgmodule-2\.0|libdbus-1|libsystemd|libudev)\.so'

# The Qt plugins: the xcb and offscreen platforms (with xcb's GL integrations), the image
# formats (SVG among them) and the SVG icon engine.
qtpaths="$(command -v qtpaths6 || echo /usr/lib/qt6/bin/qtpaths6)"
plugins="$("$qtpaths" --query QT_INSTALL_PLUGINS)"
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so xcbglintegrations/libqxcb-glx-integration.so \
    xcbglintegrations/libqxcb-egl-integration.so iconengines/libqsvgicon.so imageformats/libqsvg.so \
    imageformats/libqgif.so imageformats/libqico.so imageformats/libqjpeg.so; do
    [ -f "$plugins/$plugin" ] || { echo "portable.sh: Qt plugin $plugins/$plugin is missing" >&2; exit 1; }
    mkdir -p "$root/plugins/$(dirname "$plugin")"
    cp "$plugins/$plugin" "$root/plugins/$plugin"
done

# The libraries: ldd lists every library an object loads, directly or not. The host's ones
# (HOST_LIBRARIES) and everything they load themselves stay the host's (one copy of each in
# the process); the rest is copied into lib/.
mkdir -p "$root/lib"
declare -A path_of=() host=()
libraries() { ldd "$1" | awk '$2 == "=>" { print $1, $3 }'; }
for object in "$root"/bin/orrery "$root"/bin/orrery-sim "$root"/plugins/*/*.so; do
    if ldd "$object" | grep -q 'not found'; then
        echo "portable.sh: $object needs a library this machine does not have:" >&2
        ldd "$object" | grep 'not found' >&2
        exit 1
    fi
    while read -r soname path; do path_of[$soname]="$path"; done < <(libraries "$object")
done
for soname in "${!path_of[@]}"; do
    [[ "$soname" =~ $HOST_LIBRARIES ]] || continue
    host[$soname]=1
    while read -r dependency _; do host[$dependency]=1; done < <(libraries "${path_of[$soname]}")
done
for soname in "${!path_of[@]}"; do
    [ -n "${host[$soname]:-}" ] || cp -L "${path_of[$soname]}" "$root/lib/$soname"
done
chmod 0644 "$root"/lib/*.so*
strip --strip-unneeded "$root"/lib/*.so* "$root"/plugins/*/*.so

# RUNPATHs relative to each file, so the tree can move.
for f in "$root"/bin/orrery "$root"/bin/orrery-sim; do patchelf --set-rpath '$ORIGIN/../lib' "$f"; done
for f in "$root"/lib/*.so*; do patchelf --set-rpath '$ORIGIN' "$f"; done
for f in "$root"/plugins/*/*.so; do patchelf --set-rpath '$ORIGIN/../../lib' "$f"; done
# Qt reads qt.conf next to the executable: its plugins are those of the tarball, never the
# host's (which would need the host's Qt libraries).
printf '[Paths]\nPrefix = ..\nPlugins = plugins\nLibraries = lib\n' > "$root/bin/qt.conf"

# Launchers: run ./orrery from anywhere (it follows symlinks to find the tree).
for exe in orrery orrery-sim; do
    cat > "$root/$exe" <<EOF
#!/bin/sh
# Starts the bundled $exe; the libraries and plugins are found relative to it.
here="\$(dirname "\$(readlink -f "\$0")")"
exec "\$here/bin/$exe" "\$@"
EOF
    chmod 0755 "$root/$exe"
done
# The newest glibc and libstdc++ symbol versions anything in the tree needs: the host minimum.
needs() { for f in "$root"/bin/orrery "$root"/bin/orrery-sim "$root"/lib/*.so* "$root"/plugins/*/*.so; do
    objdump -T "$f" | grep -o "$1_[0-9.]*"; done | sort -uV | tail -1 | sed "s/^$1_//"; }
glibc="$(needs GLIBC)" glibcxx="$(needs GLIBCXX)"
cat > "$root/README" <<EOF
Orrery $version, portable build for x86_64 Linux.

  ./orrery --demo        the desktop application on its built-in demo cluster
  ./orrery --help        the command line (also: man share/man/man1/orrery.1.gz)
  ./orrery-sim --help    the simulated Kubernetes API server

Nothing needs installing: unpack anywhere and run ./orrery. It uses the host's C and C++
runtime (glibc $glibc and libstdc++ GLIBCXX_$glibcxx, i.e. GCC 12's, or newer), graphics drivers, X11/xcb client
libraries, fontconfig, freetype, glib and D-Bus; Qt and everything else is in lib/ and plugins/.
To add Orrery to the desktop menu, copy share/applications/org.orrery.Orrery.desktop to
~/.local/share/applications/ and point its Exec= at this directory's orrery.
EOF

tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
