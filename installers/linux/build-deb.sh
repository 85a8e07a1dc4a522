#!/usr/bin/env bash
# Turns the PyInstaller bundle (dist/caseload/, from `make package`) into
#   dist/caseload_<version>_amd64.deb          installs to /usr/lib/caseload, /usr/bin/caseload
#   dist/caseload-<version>-linux-x86_64.tar.gz  the bundle, the desktop entry and the icon
#
#     installers/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]      (or: make package-deb)
#
# Needs dpkg-deb and dpkg-shlibdeps (dpkg, dpkg-dev), patchelf, help2man. No root and no
# fakeroot: the package's files are owned by root through --root-owner-group. lintian
# checks the result in tests/packaging/test_deb.py (the exceptions, each with its reason,
# are in caseload.lintian-overrides beside this script).
#
# The bundle leaves the system's desktop libraries out (build.spec: LINUX_SYSTEM_LIBS).
# The Depends line is dpkg-shlibdeps' answer for the bundle's ELF files: the libraries the
# bundle ships resolve inside the package (-l, one per folder that holds them), every
# other one to the installed package that provides it, with the version its symbols
# need. A library that no installed package provides fails the build: install it (the
# packages are listed in .ci/run) rather than ship a .deb that does not start.
#
# Release builds set CASELOAD_DEB_MAINTAINER="Name <address>" (the Maintainer field and
# the changelog's signature); SOURCE_DATE_EPOCH (default: the last commit's time) dates
# the changelog and the manual page.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$(cd "${1:-$root/dist/caseload}" && pwd)"
out="${2:-$root/dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

[ -x "$bundle/caseload" ] || { echo "no bundle at $bundle: run make package first" >&2; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps patchelf help2man; do
  command -v "$tool" >/dev/null || {
    echo "build-deb.sh: $tool is missing (apt-get install dpkg-dev patchelf help2man)" >&2
    exit 1
  }
done
version="$("$bundle/caseload" --version | awk '{print $2}')"
[ -n "$version" ] || { echo "cannot read the version from $bundle/caseload --version" >&2; exit 1; }
arch="$(dpkg --print-architecture)"
maintainer="${CASELOAD_DEB_MAINTAINER:-Caseload maintainers <maintainers@users.noreply.r-seed-96eb174f.example>}"
summary="offline-first case management for caseworkers"
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH
prefix=usr/lib/caseload # where the bundle goes: the package's private folder

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
# dpkg-shlibdeps reads a source package's layout: debian/control, and the binary
# package's tree in debian/<package>/ (with its DEBIAN/ folder).
pkg="$stage/debian/caseload"
mkdir -p "$pkg/DEBIAN" "$pkg/usr/lib" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/scalable/apps" "$pkg/usr/share/doc/caseload" \
  "$pkg/usr/share/man/man1" "$pkg/usr/share/lintian/overrides"
cp -a "$bundle" "$pkg/$prefix"

elfs=()
while IFS= read -r -d '' f; do
  if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then elfs+=("$f"); fi
done < <(find "$pkg/$prefix" -type f -print0 | sort -z)

# The Python runtime's modules keep the search path of the machine that built Python
# (RUNPATH /root/.pyenv/...): on a user's machine it points at nothing, or at someone
# else's files. Only $ORIGIN-relative entries are kept.
for f in "${elfs[@]}"; do
  rpath="$(patchelf --print-rpath "$f" 2>/dev/null)" || continue
  [ -n "$rpath" ] || continue
  kept="$(tr ':' '\n' <<<"$rpath" | grep -E '^\$(ORIGIN|\{ORIGIN\})' | paste -sd: || true)"
  [ "$kept" = "$rpath" ] && continue
  if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$f"; else patchelf --remove-rpath "$f"; fi
done

chmod -R u=rwX,go=rX "$pkg"
# Shared libraries are loaded, not run: 0644. The one executable is the app.
find "$pkg/$prefix" -type f -name '*.so*' -exec chmod 0644 {} +

ln -s ../lib/caseload/caseload "$pkg/usr/bin/caseload"
install -m 0644 "$here/caseload.desktop" "$pkg/usr/share/applications/caseload.desktop"
install -m 0644 "$root/resources/icons/caseload.svg" \
  "$pkg/usr/share/icons/hicolor/scalable/apps/caseload.svg"
install -m 0644 "$here/caseload.lintian-overrides" "$pkg/usr/share/lintian/overrides/caseload"

# The manual page is the command line's own --help (help2man runs the bundle).
help2man --no-info --no-discard-stderr --name="$summary" --version-string="$version" \
  "$pkg/$prefix/caseload" | sed "s|$pkg/$prefix/||g" | gzip -9n >"$pkg/usr/share/man/man1/caseload.1.gz"
chmod 0644 "$pkg/usr/share/man/man1/caseload.1.gz"

# A native package's changelog: one entry for the version built.
{
  echo "caseload ($version) unstable; urgency=medium"
  echo
  echo "  * Caseload $version, built from the PyInstaller bundle (docs/packaging.md)."
  echo
  echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$pkg/usr/share/doc/caseload/changelog.gz"
years="2026"
year="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)"
[ "$year" = "$years" ] || years="$years-$year"
cat >"$pkg/usr/share/doc/caseload/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Caseload
Comment: /usr/lib/caseload bundles Python (PSF-2.0), Qt for Python (LGPL-3.0), SQLCipher
 (BSD-3-Clause), OpenSSL (Apache-2.0), SQLAlchemy and Alembic (MIT), argon2-cffi (MIT),
 cryptography (Apache-2.0 or BSD-3-Clause), httpx (BSD-3-Clause), rapidfuzz (MIT),
 openpyxl (MIT), msoffcrypto-tool (MIT); their copyright notices and licences are in the
 *.dist-info folders under /usr/lib/caseload/_internal.

Files: *
Copyright: $years Caseload maintainers
License: AGPL-3.0-or-later
 On Debian systems the full text of the GNU Affero General Public License version 3
 is at https://www.gnu.org/licenses/agpl-3.0.txt (Debian ships no copy in
 /usr/share/common-licenses).
EOF
chmod 0644 "$pkg/usr/share/doc/caseload/copyright" "$pkg/usr/share/doc/caseload/changelog.gz"

# Depends: dpkg-shlibdeps over every ELF file, the bundle's own library folders private.
# Its warnings are off: the bindings' Python symbols come from the interpreter that loads
# them (found in no linked library), and upstream's links carry unused libraries.
cat >"$stage/debian/control" <<EOF
Source: caseload
Maintainer: $maintainer

Package: caseload
Architecture: $arch
Description: $summary
EOF
libdirs=()
while IFS= read -r dir; do libdirs+=("-l/$dir"); done < <(
  find "$pkg/$prefix" \( -type f -o -type l \) -name '*.so*' -printf '%h\n' \
    | sed "s|^$pkg/||" | sort -u)
depends_line="$(cd "$stage" && dpkg-shlibdeps -O --warnings=0 "${libdirs[@]}" \
  "${elfs[@]/#$stage\//}" | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends_line" ] || { echo "build-deb.sh: dpkg-shlibdeps gave no Depends" >&2; exit 1; }

installed_kib="$(du -sk --apparent-size "$pkg/usr" | awk '{print $1}')"
cat >"$pkg/DEBIAN/control" <<EOF
Package: caseload
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_kib
Depends: $depends_line
Recommends: fonts-dejavu-core | fonts-liberation2 | fonts-noto-core
Section: misc
Priority: optional
Description: $summary
 Caseload keeps beneficiaries, sessions and follow-ups in an encrypted local
 database (SQLCipher, Argon2id key slots) and syncs them with the office server
 when a connection is available.
EOF
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
  | xargs -0 md5sum) >"$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"

deb="$out/caseload_${version}_${arch}.deb"
tarball="$out/caseload-${version}-linux-$(uname -m).tar.gz"
rm -f "$deb" "$tarball"
# The tarball: caseload-<version>/ with the bundle, the desktop entry and the icon.
top="caseload-$version"
mkdir "$stage/tar"
cp -a "$pkg/$prefix" "$stage/tar/$top"
install -m 0644 "$here/caseload.desktop" "$root/resources/icons/caseload.svg" "$stage/tar/$top/"

# Both compressors are single-threaded: run them side by side.
# xz for the .deb: every dpkg reads it (zstd needs dpkg >= 1.21.18).
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null &
deb_job=$!
tar -C "$stage/tar" --owner=0 --group=0 --numeric-owner --sort=name -cf - "$top" \
  | gzip -9n >"$tarball"
wait "$deb_job"

echo "Depends: $depends_line"
ls -l "$deb" "$tarball"
