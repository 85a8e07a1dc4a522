"""The .deb and .tar.gz from installers/linux/build-deb.sh: installed into a temporary
root with ``dpkg -x`` (no root, no Depends), then the installed app's self-test; its
Depends are dpkg-shlibdeps' and lintian passes it with the overrides file's exceptions."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.packaging.artifacts import (
    DIST,
    ROOT,
    app_version,
    need,
    requires_package,
    run_frozen,
)

pytestmark = [requires_package, pytest.mark.slow]

XCB_DEPENDS = {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"}
OVERRIDES = ROOT / "installers" / "linux" / "caseload.lintian-overrides"
PREFIX = Path("usr/lib/caseload")
# docs/packaging.md, "Measured (Linux)": each download at most 60 MB.
DOWNLOAD_LIMIT = 60 * 1000 * 1000


def _arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _deb() -> Path:
    return need(DIST / f"caseload_{app_version()}_{_arch()}.deb", "the .deb")


def _tarball() -> Path:
    name = f"caseload-{app_version()}-linux-{platform.machine()}.tar.gz"
    return need(DIST / name, "the .tar.gz")


def _field(deb, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def _names(depends: str) -> set[str]:
    return {item.split()[0] for item in depends.split(", ")}


def _unpack(deb: Path, tree: Path) -> None:
    tree.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tree / "DEBIAN")], check=True)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def test_deb_control_fields():
    deb = _deb()
    assert _field(deb, "Package") == "caseload"
    assert _field(deb, "Version") == app_version()
    depends = _names(_field(deb, "Depends"))
    assert depends >= XCB_DEPENDS | {"libc6", "libfontconfig1", "libglib2.0-0", "libdbus-1-3"}
    assert "@" in _field(deb, "Maintainer")


def test_depends_are_what_dpkg_shlibdeps_finds_and_installed_packages(tmp_path):
    """Computed again here from the unpacked package: the bundle's own library folders
    private (-l), every other library mapped by dpkg-shlibdeps to its package."""
    deb = _deb()
    source = tmp_path / "src"
    tree = source / "debian" / "caseload"
    _unpack(deb, tree)
    (source / "debian" / "control").write_text(
        f"Source: caseload\nMaintainer: {_field(deb, 'Maintainer')}\n\n"
        f"Package: caseload\nArchitecture: {_arch()}\nDescription: test\n"
    )
    bundle = tree / PREFIX
    elfs = sorted(
        p.relative_to(source)
        for p in bundle.rglob("*")
        if p.is_file() and not p.is_symlink() and _is_elf(p)
    )
    private = sorted({p.parent.relative_to(tree) for p in bundle.rglob("*.so*")})
    result = subprocess.run(
        ["dpkg-shlibdeps", "-O", "--warnings=0", *[f"-l/{d}" for d in private], *map(str, elfs)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    expected = re.search(r"^shlibs:Depends=(.*)$", result.stdout, re.M).group(1)
    assert _field(deb, "Depends") == expected

    # Every package named is a real one, installed on this (the building) machine.
    query = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package} ${db:Status-Status}\n", *_names(expected)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert query.returncode == 0, query.stderr
    assert all(line.endswith(" installed") for line in query.stdout.splitlines()), query.stdout


def test_no_soname_table_remains():
    script = (ROOT / "installers" / "linux" / "build-deb.sh").read_text()
    assert "dpkg-shlibdeps" in script
    assert not re.search(r"\[lib[^\]]*\.so[^\]]*\]=", script)


def test_lintian_passes_with_only_the_documented_overrides():
    """No error or warning, and no override left unused (the file lists only what is
    still needed); each override has its reason, the comment line above it."""
    deb = _deb()
    result = subprocess.run(
        ["lintian", "--display-info", "--tag-display-limit", "0", str(deb)],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    tags = [line for line in result.stdout.splitlines() if re.match(r"^[EWIX]: ", line)]
    bad = [t for t in tags if t.startswith(("E:", "W:")) or " unused-override " in t]
    assert not bad, "\n".join(bad)
    assert result.returncode == 0, result.stdout + result.stderr

    lines = OVERRIDES.read_text().splitlines()
    overrides = [i for i, line in enumerate(lines) if line.startswith("caseload: ")]
    assert overrides
    for i in overrides:
        assert lines[i - 1].startswith("# "), f"no reason above: {lines[i]}"


def test_deb_installs_into_a_temporary_root_and_passes_its_self_test(tmp_path):
    deb = _deb()
    root = tmp_path / "root"
    _unpack(deb, root)

    assert os.readlink(root / "usr" / "bin" / "caseload") == "../lib/caseload/caseload"
    desktop = (root / "usr/share/applications/caseload.desktop").read_text()
    assert "\nExec=caseload\n" in desktop
    assert "\nIcon=caseload\n" in desktop
    assert (root / "usr/share/icons/hicolor/scalable/apps/caseload.svg").is_file()
    assert (root / "usr/share/man/man1/caseload.1.gz").is_file()
    assert (root / "usr/share/doc/caseload/changelog.gz").is_file()
    assert "Copyright: " in (root / "usr/share/doc/caseload/copyright").read_text()
    # md5sums: every file, and each sum right.
    listed = (root / "DEBIAN" / "md5sums").read_text().splitlines()
    files = {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink() and p.parts[len(root.parts)] != "DEBIAN"
    }
    assert {line.split("  ", 1)[1] for line in listed} == files
    check = subprocess.run(
        ["md5sum", "--check", "--quiet", str(root / "DEBIAN" / "md5sums")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr

    installed = root / PREFIX / "caseload"
    assert os.access(installed, os.X_OK)
    result = run_frozen(installed, "--self-test", home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout
    # The build machine's library path is gone from the Python runtime's modules.
    for path in (root / PREFIX).rglob("*.so*"):
        if path.is_file() and not path.is_symlink():
            out = subprocess.run(
                ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
            ).stdout
            for rpath in re.findall(r"\((?:RPATH|RUNPATH)\).*\[(.*)\]", out):
                assert all(p.startswith("$ORIGIN") for p in rpath.split(":")), (path, rpath)


def test_downloads_are_within_their_size_limit():
    for artefact in (_deb(), _tarball()):
        size = artefact.stat().st_size
        assert size <= DOWNLOAD_LIMIT, f"{artefact.name}: {size / 1e6:.1f} MB"


def test_tarball_unpacks_and_starts(tmp_path):
    version = app_version()
    with tarfile.open(_tarball()) as archive:
        names = archive.getnames()
        assert all(name.startswith(f"caseload-{version}") for name in names)
        archive.extractall(tmp_path, filter="data")
    top = tmp_path / f"caseload-{version}"
    assert (top / "caseload.desktop").is_file()
    assert (top / "caseload.svg").is_file()
    result = run_frozen(top / "caseload", "--self-test", home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
