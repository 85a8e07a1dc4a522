"""Where a sync push's server CPU goes, step by step (issue 16 point 2).

    python -m tests.benchmarks.push_phases                       # 12,000 records, pushes of 100
    python -m tests.benchmarks.push_phases --batch 1 --records 400
    python -m tests.benchmarks.push_phases --postgres             # CASELOAD_TEST_POSTGRES_URL
    python -m tests.benchmarks.push_phases --copy-of build/bench-cache/server-b100000-s10-seed7-v2
        # into a copy of the first-sync bench's office: 100,000 beneficiaries, 1,000,000 sessions

The server's app runs in this process, as deployed (production mode, an encrypted SQLite
database or with ``--postgres`` a fresh schema of CASELOAD_TEST_POSTGRES_URL, the account
made with `users add`), and its test client sends the push bench's
own bodies (`push_bench._bodies`). Named steps of the push path are wrapped so that each
call's CPU time (`time.thread_time`: this thread's user and system time) is charged to
its step less the wrapped steps it calls, so the steps add up to the whole request. No
profiler: a call costs two clock reads, so the numbers are those of the plain code (a
profiler charges every small Python call and inflates the Python share several times).
Not in here: waitress reading the body and writing the answer (about 0.45 ms per push of
100 on this machine, a bare WSGI app under waitress), which `push_bench` includes.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from .dataset import REPO_ROOT
from .push_bench import BATCH, PG_ENV, _bodies
from .write_bench import SERVER_PASSWORD

# (module or class, attribute, what the step is), in the order of a push.
STEPS = (
    ("flask_jwt_extended.view_decorators", "verify_jwt_in_request", "token check"),
    ("server.api.sync", "json_object", "body: JSON read, depth checked"),
    ("server.api.sync", "begin_write", "write lock: begin_write"),
    ("server.api.sync", "_parse", "changes parsed: envelope, fingerprint"),
    ("server.records", "begin_record_cache", "stored records read (record cache)"),
    ("server.api.sync", "_apply", "records validated and built (_apply)"),
    ("server.push_rows", "insert_new_rows", "new rows: values gathered"),
    (
        "server.push_rows",
        "insert_plain",
        "new rows and idempotency records: executemany (PostgreSQL: COPY)",
    ),
    ("server.api.sync", "_process_batch", "the rest of the batch (idempotency query, loop)"),
    (
        "sqlalchemy.orm:Session",
        "commit",
        "commits (on SQLite: SQLCipher encrypts, writes the pages)",
    ),
    ("server.api.sync", "ok", "answer: JSON"),
)
OTHER = "the rest (Flask, limiter, session, the test client)"


class Phases:
    """CPU time per step, each call's own (less the wrapped calls inside it)."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self._stack: list[float] = []  # per open call: CPU time of the calls inside it

    def wrap(self, owner: Any, name: str, label: str) -> Callable[[], None]:
        """Replaces ``owner.name`` by a timed call; returns what puts it back."""
        inner = getattr(owner, name)
        phases = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            phases._stack.append(0.0)
            began = time.thread_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent = time.thread_time() - began
                nested = phases._stack.pop()
                phases.own[label] += spent - nested
                if phases._stack:
                    phases._stack[-1] += spent

        setattr(owner, name, timed)
        return lambda: setattr(owner, name, inner)

    @contextmanager
    def whole(self) -> Iterator[None]:
        """A whole request: what no step took is charged to OTHER."""
        self._stack.append(0.0)
        began = time.thread_time()
        try:
            yield
        finally:
            spent = time.thread_time() - began
            self.own[OTHER] += spent - self._stack.pop()


def _owner(path: str) -> Any:
    module, _, cls = path.partition(":")
    found = importlib.import_module(module)
    return getattr(found, cls) if cls else found


@contextmanager
def _server_environment(postgres: bool) -> Iterator[None]:
    """No CASELOAD_* (and SQLite in the data dir, or with ``postgres`` a fresh schema of
    the test database, DATABASE_URL) while the app is made and used; the caller's
    environment is put back and the schema dropped afterwards."""
    kept = dict(os.environ)
    admin = schema = None
    if postgres:
        import sqlalchemy as sa

        url = kept.get(PG_ENV) or sys.exit(f"--postgres needs {PG_ENV}")
        schema = f"bench_phases_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        in_schema = sa.engine.make_url(url).update_query_dict(
            {"options": f"-csearch_path={schema}"}
        )
    for name in kept:
        if name.startswith("CASELOAD_") or name == "DATABASE_URL":
            del os.environ[name]
    if postgres:
        os.environ["DATABASE_URL"] = in_schema.render_as_string(hide_password=False)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(kept)
        if admin is not None:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            admin.dispose()


ADD_USER = ("users", "add", "bench", "--role", "caseworker", "--organisation", "default")


def _app(data_dir: Path):
    subprocess.run(
        [sys.executable, "-m", "server", "--data-dir", str(data_dir), *ADD_USER],
        cwd=REPO_ROOT,
        env={**os.environ, "CASELOAD_NEW_PASSWORD": SERVER_PASSWORD},
        check=True,
        capture_output=True,
    )
    from server.app import create_app
    from server.config import ServerConfig

    return create_app(ServerConfig.load(data_dir))


def measure(
    records: int,
    batch: int,
    warm: int = 1_500,
    *,
    postgres: bool = False,
    copy_of: Path | None = None,
) -> dict[str, Any]:
    """ms of CPU per push for each step, and the whole, for ``records`` pushed ``batch``
    at a time after ``warm`` records (a database that is not empty, code paths warm).
    ``copy_of``: a server data folder (SQLite) whose copy receives the pushes."""
    work = Path(tempfile.mkdtemp(prefix="push-phases-"))
    if copy_of is not None:
        shutil.copytree(copy_of, work / "server", ignore=shutil.ignore_patterns("*.lock"))
    with _server_environment(postgres):
        return _measure(work, records, batch, warm)


def _measure(work: Path, records: int, batch: int, warm: int) -> dict[str, Any]:
    undo: list[Callable[[], None]] = []
    try:
        app = _app(work / "server")
        client = app.test_client()
        login = client.post(
            "/api/auth/login", json={"username": "bench", "password": SERVER_PASSWORD}
        )
        assert login.status_code == 200, login.get_data(as_text=True)
        headers = {
            "Authorization": f"Bearer {login.get_json()['data']['access_token']}",
            "Content-Type": "application/json",
        }

        def send(bodies: list[bytes], phases: Phases | None) -> None:
            for body in bodies:
                with phases.whole() if phases else nullcontext():
                    answer = client.post("/api/sync/push", data=body, headers=headers)
                assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
                statuses = {r["status"] for r in answer.get_json()["data"]["results"]}
                assert statuses == {"applied"}, statuses

        send(_bodies(warm), None)
        phases = Phases()
        for path, name, label in STEPS:
            undo.append(phases.wrap(_owner(path), name, label))
        bodies = _bodies(records, batch)
        began = time.thread_time()
        send(bodies, phases)
        total = time.thread_time() - began
        app.extensions["caseload"].engine.dispose()
    finally:
        for put_back in reversed(undo):
            put_back()
        shutil.rmtree(work, ignore_errors=True)
    pushes = len(bodies)
    steps = {label: 1000 * seconds / pushes for label, seconds in phases.own.items()}
    return {
        "records": records,
        "batch": batch,
        "pushes": pushes,
        "ms_per_push": 1000 * total / pushes,
        "us_per_record": 1e6 * total / records,
        "steps_ms_per_push": dict(sorted(steps.items(), key=lambda item: -item[1])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=12_000)
    parser.add_argument("--batch", type=int, default=BATCH, help="changes per push")
    parser.add_argument(
        "--postgres", action="store_true", help=f"a fresh schema of {PG_ENV} instead of SQLite"
    )
    parser.add_argument(
        "--copy-of", type=Path, help="push into a copy of this server data folder (SQLite)"
    )
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    found = measure(args.records, args.batch, postgres=args.postgres, copy_of=args.copy_of)
    if args.json:
        print(json.dumps(found, indent=2))
        return 0
    print(
        f"{found['pushes']} pushes of {found['batch']}: {found['ms_per_push']:.2f} ms of CPU "
        f"per push, {found['us_per_record']:.0f} µs per record"
    )
    for label, ms in found["steps_ms_per_push"].items():
        share = 100 * ms / found["ms_per_push"]
        print(f"  {ms:7.2f} ms  {share:4.1f} %  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
