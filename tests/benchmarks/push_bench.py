"""The server's push path: the same push requests replayed against SQLite and PostgreSQL.

The client is a plain loop POSTing pre-encoded `/api/sync/push` bodies (100 changes each:
a beneficiary and its two sessions, parents first) on one kept-alive connection, so what
is timed is the server, run as deployed (production logging: `--dev` would add a DEBUG
line per record). Beside the wall time the row reports the server process's CPU
time (user + system from /proc/<pid>/stat): the machine is shared, and CPU per record is
what the code costs. Baselines in the same run: the driver's own executemany of the same
rows (the rows the server stored, read back) into an empty copy of the same tables.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path
from time import perf_counter
from typing import Any

from tests.server.conftest import beneficiary_body, session_body

from .report import Row
from .write_bench import Server

BATCH = 100
TABLES = ("beneficiaries", "case_sessions")
PG_ENV = "CASELOAD_TEST_POSTGRES_URL"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _bodies(count: int, batch: int = BATCH) -> list[bytes]:
    """Push bodies of ``batch`` changes: each beneficiary followed by its two sessions."""
    changes: list[dict[str, Any]] = []
    for number in range(count // 3 + 1):
        b_id = str(uuid.uuid4())
        changes.append(_change("beneficiary", b_id, _beneficiary(number)))
        for visit in range(2):
            changes.append(_change("case_session", str(uuid.uuid4()), _session(b_id, visit)))
    changes = changes[:count]
    return [
        json.dumps({"changes": changes[i : i + batch]}).encode()
        for i in range(0, len(changes), batch)
    ]


def _change(entity: str, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": entity,
        "id": record_id,
        "op": "upsert",
        "base_version": None,
        "idempotency_key": uuid.uuid4().hex,
        "data": data,
    }


def _beneficiary(number: int) -> dict[str, Any]:
    """The server tests' valid beneficiary (tests/server/conftest.py), no e-mail."""
    body = beneficiary_body(first_name=f"Amina{number % 997}")
    del body["email"]
    return body


def _session(beneficiary_id: str, visit: int) -> dict[str, Any]:
    """The server tests' valid session, no follow-up (a follow-up would add a task)."""
    body = session_body(beneficiary_id=beneficiary_id, starts_at=f"2024-05-0{visit + 1}T09:30:00Z")
    del body["follow_up_on"]
    return body


def _replay(server: Server, token: str, bodies: list[bytes]) -> dict[str, Any]:
    import httpx

    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    applied = 0
    with httpx.Client(base_url=server.url, timeout=120, headers=headers) as http:
        cpu0, wall0 = _cpu_seconds(server.process.pid), perf_counter()
        for body in bodies:
            began = perf_counter()
            answer = http.post("/api/sync/push", content=body)
            latencies.append(perf_counter() - began)
            assert answer.status_code == 200, answer.text[:500]
            results = answer.json()["data"]["results"]
            applied += sum(1 for r in results if r["status"] == "applied")
        wall, cpu = perf_counter() - wall0, _cpu_seconds(server.process.pid) - cpu0
    ordered = sorted(latencies)
    return {
        "records": applied,
        "wall_s": wall,
        "server_cpu_s": cpu,
        "records_per_s": applied / wall,
        "records_per_cpu_s": applied / cpu if cpu else float("nan"),
        "server_cpu_us_per_record": 1e6 * cpu / applied,
        "batch_p50_ms": 1000 * ordered[len(ordered) // 2],
        "batch_p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
        "batch_first_ms": 1000 * latencies[0],
        "batch_last_ms": 1000 * latencies[-1],
    }


def _stored_rows(engine) -> dict[str, tuple[list[str], list[tuple]]]:
    import sqlalchemy as sa

    found = {}
    with engine.connect() as connection:
        for table in ("users", *TABLES):
            result = connection.execute(sa.text(f"SELECT * FROM {table}"))
            found[table] = (list(result.keys()), [tuple(row) for row in result])
    return found


def _raw_sqlite(work: Path, rows) -> float:
    """records/s of stdlib sqlite3 executemany of the same rows into the same tables."""
    import sqlalchemy as sa
    from sqlalchemy.schema import CreateIndex, CreateTable

    from server.models import Base

    path = work / "raw.db"
    for leftover in work.glob("raw.db*"):
        leftover.unlink()
    dialect = sa.create_engine("sqlite://").dialect
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    for table in TABLES:
        meta = Base.metadata.tables[table]
        connection.execute(str(CreateTable(meta).compile(dialect=dialect)))
        for index in meta.indexes:
            connection.execute(str(CreateIndex(index).compile(dialect=dialect)))
    total, began = 0, perf_counter()
    for table in TABLES:
        columns, values = rows[table]
        values = [tuple(_plain(v) for v in row) for row in values]
        marks = ", ".join("?" for _ in columns)
        connection.execute("BEGIN")
        connection.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
        )
        connection.execute("COMMIT")
        total += len(values)
    rate = total / (perf_counter() - began)
    connection.close()
    return rate


def _plain(value: Any) -> Any:
    return value.isoformat(" ") if hasattr(value, "isoformat") else value


def _pg(value: Any) -> Any:
    from psycopg.types.json import Jsonb

    return Jsonb(value) if isinstance(value, dict | list) else value


def _raw_postgres(url: str, rows) -> float:
    """records/s of psycopg executemany of the same rows into a fresh schema's tables."""
    import sqlalchemy as sa

    from server.models import Base

    schema = f"bench_raw_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        engine = sa.create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        Base.metadata.create_all(
            engine, tables=[Base.metadata.tables[t] for t in ("users", *TABLES)]
        )
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            rows = {
                table: (columns, [tuple(map(_pg, row)) for row in values])
                for table, (columns, values) in rows.items()
            }
            columns, values = rows["users"]
            marks = ", ".join("%s" for _ in columns)
            cursor.executemany(f"INSERT INTO users ({', '.join(columns)}) VALUES ({marks})", values)
            raw.commit()
            total, began = 0, perf_counter()
            for table in TABLES:
                columns, values = rows[table]
                marks = ", ".join("%s" for _ in columns)
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
                )
                total += len(values)
            raw.commit()
            rate = total / (perf_counter() - began)
        finally:
            raw.close()
        engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
    return rate


def _one(engine_name: str, work: Path, count: int, details: dict[str, Any]) -> Row:
    import sqlalchemy as sa

    from server.config import ServerConfig
    from server.db import make_engine

    pg_url = os.environ.get(PG_ENV)
    schema = None
    env: dict[str, str] = {}
    admin = None
    if engine_name == "PostgreSQL":
        schema = f"bench_push_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        url = sa.engine.make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"})
        env["DATABASE_URL"] = url.render_as_string(hide_password=False)
    try:
        server = Server(work / "server", extra_env=env, dev=False)
        try:
            _user, token = server.new_user()
            measured = _replay(server, token, _bodies(count))
        finally:
            server.stop()
        if schema is None:
            config = ServerConfig.load(work / "server")
            engine = make_engine(config.database_url, config.db_key)
        else:
            engine = sa.create_engine(env["DATABASE_URL"])
        rows = _stored_rows(engine)
        engine.dispose()
        raw = _raw_sqlite(work, rows) if schema is None else _raw_postgres(pg_url, rows)
    finally:
        if admin is not None:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            admin.dispose()
    measured["raw_executemany_records_per_s"] = raw
    details.setdefault("server_push", {})[engine_name] = measured
    rate = measured["records_per_cpu_s"]
    return Row(
        f"server push ({engine_name}, {measured['records']:,} records)",
        measured["records_per_s"],
        rate,  # the p95 column carries records per server-CPU second
        "records/s (wall; p95 col: per CPU s)",
        raw,
        measured["records_per_s"] / raw,
        "≥ 10,000 records per server CPU second",
        rate >= 10_000,
        "of raw executemany",
    )


def bench_server_push(work: Path, count: int, details: dict[str, Any]) -> list[Row]:
    rows = [_one("SQLite", work / "sqlite", count, details)]
    if os.environ.get(PG_ENV):
        rows.append(_one("PostgreSQL", work / "postgresql", count, details))
    return rows
