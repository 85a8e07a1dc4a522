"""The app log of a sync: one line per batch from the sync client, none from httpx's
per-request logging (issue 17, point 14). The command line writes the same log file as
the app (both use ``cli.setup_logging``)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.e2e.conftest import LOCAL_PASSWORD
from tests.e2e.test_sync_faults import create_many
from tests.server.conftest import REPO_ROOT


def test_a_sync_logs_one_line_per_batch(laptops):
    laptop = laptops()
    create_many(laptop, 250)
    laptop.close()  # the command line opens the laptop itself
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_")}
    env["CASELOAD_PASSWORD"] = LOCAL_PASSWORD
    command = [sys.executable, "-m", "desktop", "--data-dir", str(laptop.paths.root), "sync"]
    command += ["--user", "admin", "--server", laptop.server.base_url]
    command += ["--server-user", laptop.server_user.username]
    done = subprocess.run(
        command,
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Sync: sent 250," in done.stdout
    lines = (laptop.paths.logs / "caseload.log").read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if " httpx: " in line or " httpcore" in line]
    pushes = [line for line in lines if "desktop.sync.client: POST /api/sync/push: 200" in line]
    assert [line.rsplit(", ", 1)[1] for line in pushes] == [
        "100 changes sent",
        "100 changes sent",
        "50 changes sent",
    ]
    assert any("GET /api/sync/changes: 200" in line for line in lines)
    assert any("sync finished: sent 250," in line for line in lines)
