"""installers/windows/caseload.nsi compiles with Debian's makensis (apt package nsis)
against a placeholder payload: the real payload needs a Windows build."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.packaging.artifacts import REQUIRED, ROOT, app_version

MAKENSIS = shutil.which("makensis")

pytestmark = pytest.mark.skipif(
    MAKENSIS is None and not REQUIRED, reason="makensis not installed (apt install nsis)"
)


def test_nsis_script_compiles_against_a_placeholder_payload(tmp_path):
    if MAKENSIS is None:
        pytest.fail("makensis not found: apt-get install nsis")
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "caseload.exe").write_bytes(b"MZ placeholder")
    (payload / "_internal" / "placeholder.txt").write_text("placeholder\n")
    installer = tmp_path / "caseload-placeholder-installer.exe"
    result = subprocess.run(
        [
            MAKENSIS,
            "-V2",
            "-WX",  # warnings are errors
            f"-DVERSION={app_version()}",
            f"-DPAYLOAD={payload}",
            f"-DOUTFILE={installer}",
            str(ROOT / "installers" / "windows" / "caseload.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert installer.read_bytes()[:2] == b"MZ"
