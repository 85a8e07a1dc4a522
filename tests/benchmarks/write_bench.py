"""Write paths: the bulk importer against raw sqlite3, a sync push against one POST per record."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

from .dataset import ADMIN, PASSWORD, REPO_ROOT
from .report import Row, median

SERVER_PASSWORD = "bench-server-passphrase-9"


def _fresh_accounts(folder: Path):
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    shutil.rmtree(folder, ignore_errors=True)
    accounts = LocalAccounts(DataPaths.resolve(folder))
    return accounts, accounts.initialize(ADMIN, PASSWORD, "Bench Admin")


def _slow_end(rates: list[float]) -> float:
    """The p95 column of a rate: its 5th percentile (the slow end); the worst of a few runs."""
    ordered = sorted(rates)
    return ordered[max(0, int(0.05 * len(ordered)))]


def bench_bulk(work: Path, count: int, seed: int, runs: int, details: dict[str, Any]) -> Row:
    from desktop.domain.validation import validate_beneficiary
    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records
    from desktop.store.tables import new_id, utcnow

    records = [(fields, []) for fields, _sessions in demo_records(count, 0, seed)]
    app_rates, raw_rates = [], []
    for run in range(runs):
        _accounts, login = _fresh_accounts(work / f"bulk-{run}")
        try:
            started = perf_counter()
            result = BulkImporter(login.db, login.actor).import_records(records, total=count)
            app_rates.append(result.beneficiaries / (perf_counter() - started))
            with login.db.raw_connection() as connection:
                ddl = [
                    sql
                    for (sql,) in connection.execute(
                        "SELECT sql FROM sqlite_master WHERE tbl_name = 'beneficiaries' "
                        "AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC"
                    )
                ]
            actor_id = login.actor.id
        finally:
            login.close()
        # Baseline: stdlib sqlite3 (no encryption), the same CREATE TABLE and CREATE INDEX
        # statements, the same pragmas, the same (already validated) values, one executemany
        # in one transaction. No FTS triggers, audit or outbox rows: the bare insert.
        now = utcnow()
        rows = []
        for number, (fields, _sessions) in enumerate(records, start=1):
            cleaned = validate_beneficiary(fields)
            rows.append(
                {
                    **cleaned,
                    "id": new_id(),
                    "case_number": f"RAW00-{number:06d}",
                    "caseworker_id": actor_id,
                    "next_follow_up_on": None,
                    "created_at": now,
                    "created_by": actor_id,
                    "updated_at": now,
                    "updated_by": actor_id,
                    "version": 1,
                    "sync_status": "pending",
                }
            )
        for row in rows:
            for key, value in row.items():
                if hasattr(value, "value"):
                    row[key] = value.value
                elif hasattr(value, "isoformat"):
                    row[key] = value.isoformat(" ") if key.endswith("_at") else value.isoformat()
        columns = list(rows[0])
        raw_path = work / f"raw-{run}.db"
        for leftover in work.glob(f"raw-{run}.db*"):
            leftover.unlink()
        connection = sqlite3.connect(raw_path, isolation_level=None)
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA cache_size = -32768",
        ):
            connection.execute(pragma)
        for statement in ddl:
            connection.execute(statement)
        insert = (
            f"INSERT INTO beneficiaries ({', '.join(columns)}) "
            f"VALUES ({', '.join(':' + c for c in columns)})"
        )
        started = perf_counter()
        connection.execute("BEGIN")
        connection.executemany(insert, rows)
        connection.execute("COMMIT")
        raw_rates.append(len(rows) / (perf_counter() - started))
        connection.close()
        shutil.rmtree(work / f"bulk-{run}", ignore_errors=True)
        for leftover in work.glob(f"raw-{run}.db*"):
            leftover.unlink()
    details["bulk"] = {"count": count, "app_rows_per_s": app_rates, "raw_rows_per_s": raw_rates}
    app, raw = median(app_rates), median(raw_rates)
    ratio = app / raw
    return Row(
        "bulk write",
        app,
        _slow_end(app_rates),
        "rows/s",
        raw,
        ratio,
        "≥ 0.5× of raw executemany",
        ratio >= 0.5,
        "of raw sqlite3",
    )


# -- sync ------------------------------------------------------------------------------


def wait_healthy(process: subprocess.Popen, url: str, log: Path, seconds: float = 90) -> None:
    """Until the server at ``url`` answers /health; its log's end if it exits first."""
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"server {url} did not start in {seconds} s")
        time.sleep(0.2)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``python -m server --dev`` on a free loopback port, its own data dir.

    With ``dev=False`` it runs as deployed (production logging, no open registration):
    accounts are then made with the ``users add`` command.
    """

    def __init__(
        self,
        data_dir: Path,
        extra_env: dict[str, str] | None = None,
        *,
        keep: bool = False,
        dev: bool = True,
    ):

        if not keep:  # keep: a prepared folder (tests/benchmarks/sync_server_data.py)
            shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("CASELOAD_") and k != "DATABASE_URL"
        }
        env.update(extra_env or {})
        self.data_dir, self.env, self.dev = data_dir, env, dev
        self.log = (data_dir / "server.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "--data-dir",
                str(data_dir),
                "--port",
                str(port),
                *(["--dev"] if dev else []),
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_healthy(self.process, self.url, data_dir / "server.log", seconds=60)

    def register(self, username: str, role: str = "caseworker") -> None:
        """A new account, password SERVER_PASSWORD: registered (dev mode: open
        registration), else made with the `users add` command."""
        import httpx

        if not self.dev:
            command = ["users", "add", username, "--role", role, "--organisation", "default"]
            subprocess.run(
                [sys.executable, "-m", "server", "--data-dir", str(self.data_dir), *command],
                cwd=REPO_ROOT,
                env={**self.env, "CASELOAD_NEW_PASSWORD": SERVER_PASSWORD},
                check=True,
                capture_output=True,
            )
            return

        made = httpx.post(
            f"{self.url}/api/auth/register",
            json={
                "username": username,
                "password": SERVER_PASSWORD,
                "role": role,
                "organisation": "default",
            },
            timeout=30,
        )
        assert made.status_code == 201, made.text

    def new_user(self, role: str = "caseworker") -> tuple[str, str]:
        """(username, access token) of a fresh account (dev mode: open registration)."""
        import httpx

        username = f"bench_{uuid.uuid4().hex[:10]}"
        self.register(username, role)
        with httpx.Client(base_url=self.url, timeout=30) as http:
            signed = http.post(
                "/api/auth/login", json={"username": username, "password": SERVER_PASSWORD}
            )
            assert signed.status_code == 200, signed.text
        return username, signed.json()["data"]["access_token"]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def bench_sync(
    work: Path, count: int, baseline_count: int, seed: int, details: dict[str, Any]
) -> Row:
    import httpx

    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records
    from desktop.services.sync_account import SyncAccount
    from desktop.sync import wire

    server = Server(work / "server")
    try:
        server_user, token = server.new_user()
        records = [(fields, []) for fields, _sessions in demo_records(count, 0, seed + 1)]
        _accounts, login = _fresh_accounts(work / "sync-client")
        try:
            BulkImporter(login.db, login.actor).import_records(records, total=count)
            account = SyncAccount(login.db, login.actor)
            account.link(server.url, server_user, SERVER_PASSWORD)
            pushed_at: list[float] = []
            started, cpu_started = perf_counter(), process_time()
            report = account.sync(
                progress=lambda done, total, text: (
                    pushed_at.append(perf_counter())
                    if text == "sending" and done == total
                    else None
                )
            )
            elapsed = perf_counter() - started
            # This process is the laptop (the server is a process of its own).
            laptop_cpu = process_time() - cpu_started
            pushed = report.sent
            push_only = (pushed_at[-1] - started) if pushed_at else elapsed
        finally:
            login.close()
        # Baseline: the original API, one POST /api/beneficiaries per record, one kept-alive
        # connection, the same fields the sync push carries.
        sample = [fields for fields, _ in demo_records(baseline_count, 0, seed + 2)]
        bodies = []
        for fields in sample:
            body = wire.to_wire("beneficiary", wire.canonical("beneficiary", fields))
            body.pop("case_number", None)
            bodies.append(body)
        with httpx.Client(
            base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {token}"}
        ) as http:
            answer = http.post("/api/beneficiaries", json=bodies[0])
            assert answer.status_code == 201, answer.text
            begun = perf_counter()
            for body in bodies[1:]:
                answer = http.post("/api/beneficiaries", json=body)
                assert answer.status_code == 201, answer.text
            baseline_rate = (len(bodies) - 1) / (perf_counter() - begun)
    finally:
        server.stop()
    if report.failed or pushed != count:
        raise RuntimeError(f"the sync did not push every record: {report.summary()}")
    rate = count / elapsed
    details["sync"] = {
        "records": count,
        "pushed": pushed,
        "sync_seconds": elapsed,
        "push_phase_seconds": push_only,
        "push_phase_records_per_s": count / push_only,
        "laptop_cpu_s": laptop_cpu,
        "records_per_laptop_cpu_s": count / laptop_cpu,
        "report": report.summary(),
        "baseline_records": len(bodies) - 1,
        "baseline_records_per_s": baseline_rate,
    }
    ratio = rate / baseline_rate
    return Row(
        f"sync push ({count:,} records; laptop CPU {1e6 * laptop_cpu / count:.0f} µs a record)",
        rate,
        rate,  # one sync of `count` records: a single sample
        "records/s",
        baseline_rate,
        ratio,
        "≥ 10× one POST per record",
        ratio >= 10,
        "of one POST each",
    )


# -- data-key rotation -----------------------------------------------------------------


def _export_seconds(database: Path, key: bytes, target: Path) -> float:
    """Baseline: a bare ``sqlcipher_export`` of the same file to a new key, synced."""
    import secrets

    from desktop.store.db import connect_raw

    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    connection = connect_raw(database, key, pragmas=False)
    try:
        started = perf_counter()
        connection.execute(
            f"ATTACH DATABASE '{target}' AS rotated KEY \"x'{secrets.token_bytes(32).hex()}'\""
        )
        connection.execute("SELECT sqlcipher_export('rotated')")
        connection.execute("DETACH DATABASE rotated")
        fd = os.open(target, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
        return perf_counter() - started
    finally:
        connection.close()
        target.unlink(missing_ok=True)


def _copy_seconds(database: Path, target: Path) -> float:
    """For the details: a plain file copy of the same bytes, synced (no crypto at all)."""
    started = perf_counter()
    shutil.copyfile(database, target)
    fd = os.open(target, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    elapsed = perf_counter() - started
    target.unlink()
    return elapsed


def bench_rotation(dataset, work: Path, details: dict[str, Any]) -> Row:
    """A deactivation and a reset, each a full data-key rotation, against a bare export."""
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services import Services

    from .dataset import CASEWORKERS, copy_folder, ensure_room, folder_bytes

    copy = work / "data"
    shutil.rmtree(work, ignore_errors=True)
    # Beside its own copy, one more database at a time: the baseline's export, the plain
    # copy, then the rotation's re-encrypted file.
    ensure_room(work, 2 * folder_bytes(dataset.root), "key rotation (a copy, then a new file)")
    copy_folder(dataset.root, copy)
    accounts = LocalAccounts(DataPaths.resolve(copy))
    login = accounts.login(ADMIN, PASSWORD, check=False)
    database = login.db.path
    size = database.stat().st_size
    rotations, exports, copies, phases = [], [], [], []
    try:
        users = Services.for_session(login, accounts).users
        operations = [
            lambda progress: users.deactivate(CASEWORKERS[0], progress=progress),
            lambda progress: users.reset_password(CASEWORKERS[1], PASSWORD, progress=progress),
        ]
        for operation in operations:
            exports.append(_export_seconds(database, login.db.key, work / "export.db"))
            copies.append(_copy_seconds(database, work / "copy.db"))
            seen: dict[str, float] = {}
            started = perf_counter()
            operation(lambda _d, _t, phase, seen=seen: seen.setdefault(phase, perf_counter()))
            rotations.append(perf_counter() - started)
            phases.append({phase: at - started for phase, at in seen.items()})
    finally:
        login.close()
        shutil.rmtree(work, ignore_errors=True)
    details["rotation"] = {
        "database_bytes": size,
        "rotation_s": rotations,
        "phase_started_at_s": phases,
        "sqlcipher_export_s": exports,
        "file_copy_s": copies,
    }
    rotation, export = median(rotations), median(exports)
    ratio = rotation / export
    return Row(
        f"key rotation (deactivate / reset, {dataset.beneficiaries:,} beneficiaries)",
        rotation,
        max(rotations),
        "s",
        export,
        ratio,
        "≤ 3× a bare sqlcipher_export",
        ratio <= 3,
        "of sqlcipher_export",
    )
