"""The .deb and .tar.gz from installers/linux/build-deb.sh: installed into a temporary
root with ``dpkg -x`` (no root, no Depends), then the installed app's self-test."""

from __future__ import annotations

import os
import platform
import subprocess
import tarfile

import pytest

from tests.packaging.artifacts import DIST, app_version, need, requires_package, run_frozen

pytestmark = [requires_package, pytest.mark.slow]

XCB_DEPENDS = {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"}


def _deb():
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return need(DIST / f"caseload_{app_version()}_{arch}.deb", "the .deb")


def _field(deb, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_deb_control_fields():
    deb = _deb()
    assert _field(deb, "Package") == "caseload"
    assert _field(deb, "Version") == app_version()
    depends = {item.split()[0] for item in _field(deb, "Depends").split(", ")}
    assert depends >= XCB_DEPENDS | {"libc6", "libfontconfig1", "libglib2.0-0", "libdbus-1-3"}


def test_deb_installs_into_a_temporary_root_and_passes_its_self_test(tmp_path):
    deb = _deb()
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)

    assert os.readlink(root / "usr" / "bin" / "caseload") == "/opt/caseload/caseload"
    desktop = (root / "usr/share/applications/caseload.desktop").read_text()
    assert "\nExec=caseload\n" in desktop
    assert "\nIcon=caseload\n" in desktop
    assert (root / "usr/share/icons/hicolor/scalable/apps/caseload.svg").is_file()

    installed = root / "opt" / "caseload" / "caseload"
    assert os.access(installed, os.X_OK)
    result = run_frozen(installed, "--self-test", home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout


def test_tarball_unpacks_and_starts(tmp_path):
    version = app_version()
    tarball = need(DIST / f"caseload-{version}-linux-{platform.machine()}.tar.gz", "the .tar.gz")
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        assert all(name.startswith(f"caseload-{version}") for name in names)
        archive.extractall(tmp_path, filter="data")
    top = tmp_path / f"caseload-{version}"
    assert (top / "caseload.desktop").is_file()
    assert (top / "caseload.svg").is_file()
    result = run_frozen(top / "caseload", "--self-test", home=tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
