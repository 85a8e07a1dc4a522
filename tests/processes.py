"""Killing a child process at a known point, as a power cut or a crash would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def start_python(code: str, *args: str) -> subprocess.Popen:
    """``python -c code args…`` with its stdout readable line by line."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def sigkill_after_line(child: subprocess.Popen, expected: str, *, delay: float = 0.0) -> None:
    """Waits for the child to print ``expected``, then SIGKILLs it (after ``delay`` s)."""
    try:
        assert child.stdout.readline().strip() == expected
        if delay:
            time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
