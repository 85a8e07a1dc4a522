#!/usr/bin/env bash
# Turns the PyInstaller bundle (dist/caseload/, from `make package`) into
#   dist/caseload_<version>_amd64.deb          installs to /opt/caseload, /usr/bin/caseload
#   dist/caseload-<version>-linux-x86_64.tar.gz  the bundle, the desktop entry and the icon
#
#     installers/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]      (or: make package-deb)
#
# Needs dpkg-deb (dpkg), objdump and readelf (binutils). No root and no fakeroot: the
# package's files are owned by root through --root-owner-group.
#
# The bundle leaves the system's desktop libraries out (build.spec: LINUX_SYSTEM_LIBS):
# the Depends line is computed from what the bundled binaries link to and are not
# shipped, through the table below. A library missing from the table fails the build, so
# a new Qt that links something new cannot produce a .deb that does not start.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$(cd "${1:-$root/dist/caseload}" && pwd)"
out="${2:-$root/dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

[ -x "$bundle/caseload" ] || { echo "no bundle at $bundle: run make package first" >&2; exit 1; }
version="$("$bundle/caseload" --version | awk '{print $2}')"
[ -n "$version" ] || { echo "cannot read the version from $bundle/caseload --version" >&2; exit 1; }
arch="$(dpkg --print-architecture)"

# soname -> Debian package. glibc and libstdc++ get a version computed below.
declare -A package_of=(
  [libc.so.6]=libc6 [libm.so.6]=libc6 [libpthread.so.0]=libc6 [libdl.so.2]=libc6
  [librt.so.1]=libc6 [libutil.so.1]=libc6 [ld-linux-x86-64.so.2]=libc6
  [libstdc++.so.6]=libstdc++6 [libgcc_s.so.1]=libgcc-s1
  [libGL.so.1]=libgl1 [libEGL.so.1]=libegl1
  [libglib-2.0.so.0]=libglib2.0-0 [libgthread-2.0.so.0]=libglib2.0-0
  [libdbus-1.so.3]=libdbus-1-3
  [libfontconfig.so.1]=libfontconfig1 [libfreetype.so.6]=libfreetype6
  [libX11.so.6]=libx11-6 [libX11-xcb.so.1]=libx11-xcb1
  [libxkbcommon.so.0]=libxkbcommon0 [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
  [libxcb.so.1]=libxcb1 [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-glx.so.0]=libxcb-glx0
  [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-image.so.0]=libxcb-image0
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-randr.so.0]=libxcb-randr0
  [libxcb-render.so.0]=libxcb-render0 [libxcb-render-util.so.0]=libxcb-render-util0
  [libxcb-shape.so.0]=libxcb-shape0 [libxcb-shm.so.0]=libxcb-shm0
  [libxcb-sync.so.1]=libxcb-sync1 [libxcb-util.so.1]=libxcb-util1
  [libxcb-xfixes.so.0]=libxcb-xfixes0 [libxcb-xkb.so.1]=libxcb-xkb1
  [libcups.so.2]=libcups2
)
# GLIBCXX_3.4.N -> the GCC release whose libstdc++6 first has it.
declare -A gcc_of_glibcxx=(
  [3.4.25]=8 [3.4.26]=9 [3.4.27]=10 [3.4.28]=10 [3.4.29]=11 [3.4.30]=12 [3.4.31]=13
  [3.4.32]=13 [3.4.33]=14
)

elfs=()
while IFS= read -r -d '' f; do
  if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then elfs+=("$f"); fi
done < <(find "$bundle" -type f -print0)

declare -A shipped=()
for f in "${elfs[@]}"; do shipped[$(basename "$f")]=1; done
while IFS= read -r -d '' f; do shipped[$(basename "$f")]=1; done < <(find "$bundle" -type l -print0)

declare -A depends=()
unknown=()
while read -r lib; do
  [ -n "$lib" ] || continue
  [ -n "${shipped[$lib]:-}" ] && continue
  pkg="${package_of[$lib]:-}"
  if [ -z "$pkg" ]; then unknown+=("$lib"); else depends[$pkg]=1; fi
done < <(for f in "${elfs[@]}"; do readelf -d "$f" 2>/dev/null; done \
  | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
if [ "${#unknown[@]}" -gt 0 ]; then
  echo "build-deb.sh: the bundle links to libraries it does not ship and that have no" >&2
  echo "package in installers/linux/build-deb.sh: ${unknown[*]}" >&2
  exit 1
fi

# Highest symbol versions needed from glibc and libstdc++ (objdump's version references).
needs="$(objdump -p "${elfs[@]}" 2>/dev/null | awk '
  /required from/ { lib = $3; sub(":", "", lib) }
  /^ +0x[0-9a-f]+ 0x[0-9a-f]+ [0-9]+ / { print lib, $4 }' | sort -u)"
glibc="$(awk '$2 ~ /^GLIBC_[0-9.]+$/ { sub("GLIBC_", "", $2); print $2 }' <<<"$needs" | sort -V | tail -1)"
glibcxx="$(awk '$2 ~ /^GLIBCXX_[0-9.]+$/ { sub("GLIBCXX_", "", $2); print $2 }' <<<"$needs" | sort -V | tail -1)"
deps=()
for pkg in $(printf '%s\n' "${!depends[@]}" | sort); do
  case "$pkg" in
    libc6) deps+=("libc6 (>= ${glibc:?})") ;;
    libstdc++6)
      gcc="${gcc_of_glibcxx[${glibcxx:-3.4.25}]:-}"
      [ -n "$gcc" ] || { echo "build-deb.sh: add GLIBCXX_$glibcxx to gcc_of_glibcxx" >&2; exit 1; }
      deps+=("libstdc++6 (>= $gcc)") ;;
    *) deps+=("$pkg") ;;
  esac
done
depends_line="$(IFS=,; echo "${deps[*]}" | sed 's/,/, /g')"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/pkg"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/scalable/apps" "$pkg/usr/share/doc/caseload"
cp -a "$bundle" "$pkg/opt/caseload"
ln -s /opt/caseload/caseload "$pkg/usr/bin/caseload"
install -m 0644 "$here/caseload.desktop" "$pkg/usr/share/applications/caseload.desktop"
install -m 0644 "$root/resources/icons/caseload.svg" \
  "$pkg/usr/share/icons/hicolor/scalable/apps/caseload.svg"
cat >"$pkg/usr/share/doc/caseload/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Caseload
License: AGPL-3.0-or-later
Comment: /opt/caseload bundles Python, Qt for Python (LGPL-3.0), SQLCipher (BSD-3-Clause),
 OpenSSL (Apache-2.0), SQLAlchemy and Alembic (MIT), argon2-cffi (MIT), cryptography
 (Apache-2.0 or BSD-3-Clause), httpx (BSD-3-Clause); their licences are in the
 *.dist-info folders under /opt/caseload/_internal.
EOF
chmod -R u=rwX,go=rX "$pkg"
installed_kib="$(du -sk --apparent-size "$pkg/opt" "$pkg/usr" | awk '{s += $1} END {print s}')"
cat >"$pkg/DEBIAN/control" <<EOF
Package: caseload
Version: $version
Architecture: $arch
Maintainer: Caseload maintainers <caseload@localhost>
Installed-Size: $installed_kib
Depends: $depends_line
Recommends: fonts-dejavu-core | fonts-liberation2 | fonts-noto-core
Section: misc
Priority: optional
Description: offline-first case management for caseworkers
 Caseload keeps beneficiaries, sessions and follow-ups in an encrypted local
 database (SQLCipher, Argon2id key slots) and syncs them with the office server
 when a connection is available.
EOF

deb="$out/caseload_${version}_${arch}.deb"
tarball="$out/caseload-${version}-linux-$(uname -m).tar.gz"
rm -f "$deb" "$tarball"
# The tarball: caseload-<version>/ with the bundle, the desktop entry and the icon.
top="caseload-$version"
mkdir "$stage/tar"
cp -a "$pkg/opt/caseload" "$stage/tar/$top"
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
