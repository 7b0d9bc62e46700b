#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest packaging/metadata: what the packages say about Orrery agrees with Orrery.
#   metadata.sh ORRERY_BINARY VERSION SOURCE_DIR INSTALLER_BUILD_DIR
# - one version: `orrery --version`, CHANGELOG.md's newest section, the AppStream release;
# - the man page documents every option `orrery --help` lists;
# - the desktop entry and the AppStream metainfo validate.
set -euo pipefail
app="$1" version="$2" src="$3" built="$4"
fail=0
problem() { echo "FAIL: $*"; fail=1; }

shown="$("$app" --version)"
[ "$shown" = "Orrery $version" ] || problem "orrery --version says '$shown', CMake says $version"
newest="$(grep -m1 -o '^## \[[^]]*\]' "$src/CHANGELOG.md" | tr -d '#[] ')"
[ "$newest" = "$version" ] || problem "CHANGELOG.md's newest section is '$newest', not $version"
metainfo="$built/org.orrery.Orrery.metainfo.xml"
grep -q "<release version=\"$version\"" "$metainfo" || problem "$metainfo has no release $version"

# Every --long option of --help (English) appears in the man page as \-\-long.
options="$("$app" --language en --help | grep -o -- '--[a-z][a-z-]*' | sort -u)"
[ -n "$options" ] || problem "orrery --help lists no options"
for option in $options; do
    grep -qF -- "${option//-/\\-}" "$src/installer/orrery.1" || problem "orrery.1 does not document $option"
done
grep -q '\[manifest...\]' <<<"$("$app" --language en --help)" || problem "--help does not list [manifest...]"

desktop-file-validate "$src/installer/org.orrery.Orrery.desktop" || problem "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" || problem "appstreamcli validate"
exit "$fail"
