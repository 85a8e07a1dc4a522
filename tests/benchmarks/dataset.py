"""The benchmark database: made once through the real CLI (`caseload init/users add/demo`), cached.

The cache key is (beneficiaries, sessions per beneficiary, schema head revision, seed), so a
new migration or another size makes a new database and a repeated run reuses the old one.
Every run works on a copy of the cached folder, so the cache never changes under a benchmark
(logins write audit rows, the app writes logs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_ROOT = REPO_ROOT / "build" / "bench-cache"
ADMIN = "benchadmin"
PASSWORD = "bench-secret-passphrase-7"
CASEWORKERS = ("amara.okoye", "jonas.berg", "leila.haddad", "pedro.souza", "mai.tran")


@dataclass(frozen=True)
class Dataset:
    root: Path  # the data dir (database, key slots) of this run's copy
    beneficiaries: int
    sessions_per: int
    seed: int
    revision: str
    generated_in: float | None  # seconds, when this run generated it (None: cache hit)


def head_revision() -> str:
    from desktop.store.schema import head_revision as head

    return head()


def cache_dir(beneficiaries: int, sessions_per: int, seed: int) -> Path:
    return CACHE_ROOT / f"b{beneficiaries}-s{sessions_per}-rev{head_revision()}-seed{seed}"


def _cli(*args: str, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"caseload {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def generate(target: Path, beneficiaries: int, sessions_per: int, seed: int) -> float:
    """`caseload init`, five caseworkers, `caseload demo`; returns seconds taken."""
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    env = {**os.environ, "CASELOAD_PASSWORD": PASSWORD, "CASELOAD_NEW_PASSWORD": PASSWORD}
    started = time.perf_counter()
    data = ["--data-dir", str(building)]
    _cli(*data, "init", "--admin", ADMIN, "--display-name", "Bench Admin", env=env)
    for username in CASEWORKERS:
        display = username.replace(".", " ").title()
        _cli(
            *data,
            "users",
            "add",
            username,
            "--role",
            "caseworker",
            "--display-name",
            display,
            env=env,
        )
    _cli(
        *data,
        "demo",
        "--beneficiaries",
        str(beneficiaries),
        "--sessions-per-beneficiary",
        str(sessions_per),
        "--seed",
        str(seed),
        "--user",
        ADMIN,
        env=env,
    )
    elapsed = time.perf_counter() - started
    shutil.rmtree(building / "logs", ignore_errors=True)
    shutil.rmtree(building / "backups", ignore_errors=True)
    building.rename(target)
    return elapsed


def prepare(work: Path, beneficiaries: int, sessions_per: int, seed: int) -> Dataset:
    """A fresh copy of the cached database in ``work`` (generated first when missing)."""
    cached = cache_dir(beneficiaries, sessions_per, seed)
    generated_in = None
    if not (cached / "caseload.db").exists():
        shutil.rmtree(cached, ignore_errors=True)
        cached.parent.mkdir(parents=True, exist_ok=True)
        print(
            f"generating {beneficiaries:,} beneficiaries x {sessions_per} sessions "
            f"(cached in {cached.relative_to(REPO_ROOT)}) ...",
            file=sys.stderr,
            flush=True,
        )
        generated_in = generate(cached, beneficiaries, sessions_per, seed)
    copy = work / "data"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(cached, copy)
    return Dataset(copy, beneficiaries, sessions_per, seed, head_revision(), generated_in)


if __name__ == "__main__":  # python -m tests.benchmarks.dataset N M SEED: warm the cache
    count, per, seed_arg = (int(a) for a in sys.argv[1:4])
    target_dir = cache_dir(count, per, seed_arg)
    if target_dir.exists():
        print(f"cached: {target_dir}")
    else:
        target_dir.parent.mkdir(parents=True, exist_ok=True)
        print(f"generated in {generate(target_dir, count, per, seed_arg):.1f} s: {target_dir}")
