"""`make run` on a machine without a display says so instead of starting an invisible window."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def test_make_run_without_a_display_exits_with_a_message():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "MAKEFLAGS"}
    }
    # -o: the venv's stamps count as up to date, so nothing is installed for this check.
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "-o", ".venv/bin/python", "run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "no display found" in result.stderr
    assert "caseload" not in result.stdout  # the app was not started


def test_make_run_with_a_display_starts_the_app_on_that_display():
    result = subprocess.run(
        [
            "make",
            "-n",
            "--no-print-directory",
            "-o",
            ".venv/.installed",
            "-o",
            ".venv/bin/python",
            "run",
            "DISPLAY=:99",
        ],
        cwd=ROOT,
        # Under a parent make (CI runs `make test`), MAKEFLAGS carries -w, whose
        # "Leaving directory" line would follow the command.
        env={
            k: v
            for k, v in os.environ.items()
            if k not in {"QT_QPA_PLATFORM", "MAKEFLAGS", "MAKELEVEL", "MFLAGS"}
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip().splitlines()[-1]
    assert command.endswith("bin/caseload")
    assert "offscreen" not in command
