"""Where the built artefacts are, and how to run the frozen app. The packaging tests run
against built artefacts (``make package-deb``, CI).

They are skipped unless CASELOAD_TEST_PACKAGE=1; with it set, a missing bundle, .deb or
makensis is a failure, not a skip, so CI cannot pass without building them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUNDLE = DIST / "caseload"
REQUIRED = os.environ.get("CASELOAD_TEST_PACKAGE") == "1"

requires_package = pytest.mark.skipif(
    not REQUIRED, reason="packaging test: set CASELOAD_TEST_PACKAGE=1 (make package-deb)"
)


def frozen_env(home: Path) -> dict[str, str]:
    """Offscreen, and a throwaway home: the frozen app must not touch the real one."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CASELOAD_", "PYTHON", "QT_", "LD_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def run_frozen(executable: Path, *args: str, home: Path, timeout: float = 120):
    return subprocess.run(
        [str(executable), *args],
        env=frozen_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    return __version__


def need(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.fail(f"{what} not found at {path}: build it first (make package-deb)")
    return path
