"""First sync of a fresh laptop (issue 16 point 1), against a real server process.

    python -m tests.benchmarks.sync_bench --size 10k     # 10,000 / 100,000 (iterating)
    python -m tests.benchmarks.sync_bench                # 100,000 / 1,000,000

The server's database is made once and cached (`sync_server_data`); each run copies it
and starts ``python -m server`` on 127.0.0.1. A supervisor on a freshly made laptop then
runs one whole sync (`SyncAccount.sync`: forms, pull, push, the closing pull, the digest
check). Reported: records per second of that sync, wall time and CPU time of the laptop
(this process) and of the server process (judge on CPU time: the machine is shared);
then the wall and CPU time of the next sync, nothing new on either side (what a laptop of
this size pays at every sync: its digest check reads every live record's version).

Baselines, same run, same server:
- raw fetch: every feed page fetched in order with httpx (gzip, JSON decoded), nothing
  applied; its per-page server CPU time at the start and the end of the feed (flat =
  a page costs the same whatever the cursor);
- raw insert: the same pages' rows into stdlib sqlite3 (the laptop's own CREATE TABLE
  statements, no triggers, no audit), one executemany per table per page, one
  transaction per page.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import zlib
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

import httpx

from .dataset import REPO_ROOT
from .report import Row, save_details, table
from .sync_server_data import SUPERVISOR, prepare
from .write_bench import SERVER_PASSWORD, Server, _fresh_accounts

PAGE = 1000  # what the laptop asks for (the server's largest page)
EDGE_PAGES = 20  # pages at each end of the feed for the start/end comparison


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of another process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


def raw_fetch(server: Server, work: Path) -> dict[str, Any]:
    """Every page, in order, kept gzipped in memory for the insert baseline."""
    pages: list[bytes] = []
    per_page_cpu: list[float] = []
    with httpx.Client(base_url=server.url, timeout=120) as http:
        answer = http.post(
            "/api/auth/login", json={"username": SUPERVISOR, "password": SERVER_PASSWORD}
        )
        http.headers["Authorization"] = f"Bearer {answer.json()['data']['access_token']}"
        since, records, packed, packed_cpu = 0, 0, 0.0, 0.0
        began, cpu, server_cpu = perf_counter(), process_time(), process_cpu(server.process.pid)
        while True:
            before = process_cpu(server.process.pid)
            answer = http.get("/api/sync/changes", params={"since": since, "limit": PAGE})
            per_page_cpu.append(process_cpu(server.process.pid) - before)
            answer.raise_for_status()
            data = answer.json()["data"]
            packing, packing_cpu = perf_counter(), process_time()  # not counted: kept
            pages.append(zlib.compress(answer.content, 1))  # small for the insert baseline
            packed += perf_counter() - packing
            packed_cpu += process_time() - packing_cpu
            records += len(data["changes"])
            since = data["next_since"]
            if not data["has_more"]:
                break
        wall = perf_counter() - began - packed
        cpu = process_time() - cpu - packed_cpu
        server_cpu = process_cpu(server.process.pid) - server_cpu
    return {
        "records": records,
        "pages": len(pages),
        "wall_s": wall,
        "client_cpu_s": cpu,
        "server_cpu_s": server_cpu,
        "records_per_s": records / wall,
        "records_per_server_cpu_s": records / server_cpu if server_cpu else None,
        "server_cpu_ms_per_page_start": 1000 * _median(per_page_cpu[:EDGE_PAGES]),
        "server_cpu_ms_per_page_end": 1000 * _median(per_page_cpu[-EDGE_PAGES - 1 : -1]),
        "_pages": pages,
    }


def raw_insert(pages: list[bytes], laptop_db: Path, work: Path) -> dict[str, Any]:
    """The same rows into plain sqlite3: one executemany per table and page."""
    ddl = _laptop_ddl(laptop_db)
    target = work / "raw-insert.db"
    for leftover in work.glob("raw-insert.db*"):
        leftover.unlink()
    connection = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY"):
        connection.execute(f"PRAGMA {pragma}")
    for statement in ddl.values():
        connection.execute(statement)
    info = {  # the row id ("pk") is the table's to give
        name: [row for row in connection.execute(f"PRAGMA table_info({name})") if row[1] != "pk"]
        for name in ddl
    }
    columns = {name: [row[1] for row in rows] for name, rows in info.items()}
    # What the app stores for a value the wire leaves out (NOT NULL columns: their
    # default, else ""), so that the baseline writes the same rows.
    filler = {
        name: [(row[4] or "''").strip("'") if row[3] else None for row in rows]
        for name, rows in info.items()
    }
    tables = {"beneficiary": "beneficiaries", "case_session": "case_sessions"}
    spent = 0.0
    records = 0
    for packed in pages:
        changes = json.loads(zlib.decompress(packed))["data"]["changes"]
        batches: dict[str, list[tuple]] = {}
        for change in changes:
            name = tables[change["entity"]]
            data = change["data"]
            batches.setdefault(name, []).append(
                tuple(
                    _plain(data.get(column), empty)
                    for column, empty in zip(columns[name], filler[name], strict=True)
                )
            )
        began = perf_counter()
        connection.execute("BEGIN")
        for name, rows in batches.items():
            marks = ", ".join("?" * len(columns[name]))
            names = ", ".join(columns[name])
            connection.executemany(f"INSERT INTO {name} ({names}) VALUES ({marks})", rows)
            records += len(rows)
        connection.execute("COMMIT")
        spent += perf_counter() - began
    connection.close()
    for leftover in work.glob("raw-insert.db*"):
        leftover.unlink()
    return {"records": records, "seconds": spent, "records_per_s": records / spent}


def _plain(value: Any, empty: Any) -> Any:
    if value is None:
        return empty
    return json.dumps(value) if isinstance(value, dict | list) else value


def _laptop_ddl(folder: Path) -> dict[str, str]:
    """The laptop's CREATE TABLE of beneficiaries and sessions (no FOREIGN KEY clauses
    matter: sqlite3 does not enforce them unless asked)."""
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    from .dataset import ADMIN, PASSWORD

    login = LocalAccounts(DataPaths.resolve(folder)).login(ADMIN, PASSWORD, check=False)
    try:
        with login.db.raw_connection() as connection:
            return {
                name: sql
                for name, sql in connection.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                    "AND name IN ('beneficiaries', 'case_sessions')"
                )
            }
    finally:
        login.close()


def first_sync(server: Server, work: Path) -> tuple[dict[str, Any], Path]:
    from desktop.services.sync_account import SyncAccount

    folder = work / "laptop"
    _accounts, login = _fresh_accounts(folder)
    marks: dict[str, float] = {}
    try:
        account = SyncAccount(login.db, login.actor)
        account.link(server.url, SUPERVISOR, SERVER_PASSWORD)

        def progress(done: int, total: int, text: str) -> None:
            if text == "receiving":
                marks.setdefault("pull_start", perf_counter())
                if done == total:
                    marks.setdefault("pull_end", perf_counter())

        began, cpu, server_cpu = perf_counter(), process_time(), process_cpu(server.process.pid)
        report = account.sync(progress=progress)
        wall = perf_counter() - began
        cpu = process_time() - cpu
        server_cpu = process_cpu(server.process.pid) - server_cpu
        # The next sync, nothing new on either side: what a supervisor's laptop of this
        # size pays at every sync after the first (its digest check above all).
        again, again_cpu = perf_counter(), process_time()
        next_report = account.sync()
        next_wall, next_cpu = perf_counter() - again, process_time() - again_cpu
        with login.db.raw_connection() as connection:
            counts = [
                connection.execute(f"SELECT count(*), count(invalid_fields) FROM {name}").fetchone()
                for name in ("beneficiaries", "case_sessions")
            ]
        stored = sum(count for count, _flagged in counts)
        flagged = sum(flagged for _count, flagged in counts)
    finally:
        login.close()
    if report.failed or not report.digest_ok:
        raise RuntimeError(f"the first sync failed: {report.summary()}")
    if next_report.failed or not next_report.digest_ok or next_report.received:
        raise RuntimeError(f"the next sync was not a quiet one: {next_report.summary()}")
    return {
        "received": report.received,
        "stored": stored,
        # Records stored with a field this laptop's rules refuse (the data is made valid
        # for the server; what the laptop flags costs the exception path).
        "flagged": flagged,
        "wall_s": wall,
        "laptop_cpu_s": cpu,
        "server_cpu_s": server_cpu,
        "records_per_s": report.received / wall,
        "records_per_laptop_cpu_s": report.received / cpu,
        "pull_phase_s": marks.get("pull_end", began + wall) - began,
        "report": report.summary(),
        "next_sync_wall_s": next_wall,
        "next_sync_laptop_cpu_s": next_cpu,
    }, folder


def bench_first_sync(work: Path, beneficiaries: int, seed: int, details: dict[str, Any]) -> Row:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    folder, built = prepare(work, beneficiaries, 10, seed)
    load = os.getloadavg()
    server = Server(folder, keep=True)
    try:
        sync, laptop = first_sync(server, work)
        fetch = raw_fetch(server, work)
    finally:
        server.stop()
    pages = fetch.pop("_pages")
    insert = raw_insert(pages, laptop, work)
    shutil.rmtree(work, ignore_errors=True)
    details["first_sync"] = {
        "beneficiaries": beneficiaries,
        "sessions": beneficiaries * 10,
        "server_built_s": built,
        "load_average_at_start": load,
        "load_average_at_end": os.getloadavg(),
        "sync": sync,
        "raw_fetch": fetch,
        "raw_insert": insert,
    }
    rate = sync["records_per_s"]
    size = f"{beneficiaries // 1000}k / {beneficiaries * 10 // 1000}k"
    return Row(
        f"first sync ({size}; CPU laptop {sync['laptop_cpu_s']:.0f} s, "
        f"server {sync['server_cpu_s']:.0f} s, wall {sync['wall_s']:.0f} s; "
        f"the next sync {sync['next_sync_wall_s']:.1f} s)",
        rate,
        rate,  # one sync: a single sample
        "records/s",
        fetch["records_per_s"],
        rate / fetch["records_per_s"],
        "≥ 10,000 records/s",
        rate >= 10_000,
        "of a raw fetch of the pages",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k", help="beneficiaries: 10k, 100k, ...")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    text = args.size.lower()
    count = (
        int(float(text[:-1]) * (1000 if text.endswith("k") else 1_000_000))
        if text[-1:] in ("k", "m")
        else int(text)
    )
    details: dict[str, Any] = {}
    row = bench_first_sync(REPO_ROOT / "build" / "bench-work" / "pull", count, args.seed, details)
    save_details(details, REPO_ROOT / "build" / "bench-first-sync.json")
    print(json.dumps(details["first_sync"], indent=2, default=str))
    print(table([row]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
