"""An office syncing at once: the parts the concurrency bench and its e2e test share.

- ``build_laptop``: a laptop's data folder (the real encrypted database made by
  ``LocalAccounts.initialize``), its beneficiaries (and sessions) written by the bulk path
  (`BulkImporter` of `demo_records`), the admin's outbox holding every record.
- ``start_office``: a server of its own: SQLite (the data folder's encrypted file) or a
  fresh schema of the PostgreSQL database; migrations applied once by the command of
  deploy/systemd/caseload-migrate.service (``db upgrade``), one caseworker account per
  laptop added through `server.admin` (what ``caseload-server users add`` runs), then
  ``workers`` processes started with the command line of caseload-server@.service
  (production mode, not ``--dev``), each on its own loopback port. No nginx: the laptops
  are spread over the workers round-robin, each talking to one worker directly.
- ``Laptop``: one laptop signed in locally and linked to its server account; ``sync``
  runs one `SyncAccount.sync` (the desktop's own code, its pipelined push, pull and
  checks) through a transport that times every HTTP request, and reads the laptop's
  outbox and record ids after it.
- ``verify``: the server's own database against the laptops: every record stored once,
  by its owner, none missing, none extra, no case number twice.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

import httpx

from .dataset import ADMIN, PASSWORD, REPO_ROOT
from .write_bench import SERVER_PASSWORD, _free_port, _fresh_accounts, wait_healthy

PG_ENV = "CASELOAD_TEST_POSTGRES_URL"
# caseload-server@.service's command line (the data folder and port added per worker).
SERVE = (sys.executable, "-m", "server", "--host", "127.0.0.1")
PUSH_PATH = "/api/sync/push"
ACCESS_LOGGER = "caseload.access"  # server/observability.py's access log, one JSON line each
# The bench's own settings of the servers (everything else is the production default):
# JSON logs, so that the access log can be read; no per-address request limits, because
# every laptop here comes from 127.0.0.1 (an office's laptops each have their own address).
SERVER_ENV = {
    "PYTHONUNBUFFERED": "1",
    "CASELOAD_LOG_FORMAT": "json",
    "CASELOAD_RATE_LIMIT_API": "off",
    "CASELOAD_RATE_LIMIT_LOGIN": "off",
}


def postgres_url() -> str | None:
    """CASELOAD_TEST_POSTGRES_URL, else the shared machine's /tmp/pgurl, else None."""
    url = os.environ.get(PG_ENV)
    if not url and Path("/tmp/pgurl").exists():
        url = Path("/tmp/pgurl").read_text(encoding="utf-8").strip()
    return url or None


# -- laptops ---------------------------------------------------------------------------


def build_laptop(folder: Path, beneficiaries: int, sessions_per: int, seed: int) -> None:
    """A fresh laptop folder holding ``beneficiaries`` of its admin's, all unsynced."""
    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records

    _accounts, login = _fresh_accounts(folder)
    try:
        BulkImporter(login.db, login.actor).import_records(
            demo_records(beneficiaries, sessions_per, seed), total=beneficiaries
        )
    finally:
        login.close()


class TimedTransport(httpx.HTTPTransport):
    """Every request's (method, path, status, milliseconds to the answer's headers);
    status 0 for a request that got no answer. The server answers a push only when it
    is done, so the time to the headers is the batch's latency as the laptop sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[str, str, int, float]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        began = perf_counter()
        try:
            response = super().handle_request(request)
        except httpx.TransportError:
            self.requests.append((request.method, request.url.path, 0, _ms(began)))
            raise
        self.requests.append((request.method, request.url.path, response.status_code, _ms(began)))
        return response


def _ms(began: float) -> float:
    return round((perf_counter() - began) * 1000, 2)


class Laptop:
    """A laptop folder signed in (its admin) and linked to its own server account."""

    def __init__(self, folder: Path, url: str, username: str):
        from desktop.auth.accounts import LocalAccounts
        from desktop.paths import DataPaths
        from desktop.services.sync_account import SyncAccount

        self.username = username
        self.url = url
        self.login = LocalAccounts(DataPaths.resolve(folder)).login(ADMIN, PASSWORD)
        self.transport = TimedTransport()
        self.account = SyncAccount(self.login.db, self.login.actor, transport=self.transport)
        self.account.link(url, username, SERVER_PASSWORD)
        self.transport.requests.clear()  # the link's sign-in is not the sync's

    def sync(self) -> dict[str, Any]:
        """One first sync: its times (``began``/``ended``: epoch seconds, comparable
        between processes), every request and the report (``state`` reads the rest)."""
        began, cpu = time.time(), process_time()
        report, error = None, None
        try:
            report = self.account.sync()
        except Exception as exc:  # counted as an error of the run, not raised
            error = f"{type(exc).__name__}: {exc}"
        ended = time.time()
        result: dict[str, Any] = {
            "username": self.username,
            "url": self.url,
            "began": began,
            "ended": ended,
            "wall_s": ended - began,
            "cpu_s": process_time() - cpu,
            "error": error,
            "report": None if report is None else report.summary(),
            "report_errors": None if report is None else report.errors,
            "failed": report is None or report.failed,
            "digest_ok": None if report is None else report.digest_ok,
            "sent": None if report is None else report.sent,
            "requests": self.transport.requests,
        }
        return result

    def state(self) -> dict[str, Any]:
        """What the laptop holds after its sync: its outbox, its records not synced and
        the ids of its records (for `verify`)."""
        with self.login.db.raw_connection() as connection:

            def one(sql: str) -> int:
                return connection.execute(sql).fetchone()[0]

            return {
                "outbox": one("SELECT count(*) FROM outbox"),
                "unsynced": one("SELECT count(*) FROM beneficiaries WHERE sync_status != 'synced'")
                + one("SELECT count(*) FROM case_sessions WHERE sync_status != 'synced'"),
                "ids": [row[0] for row in connection.execute("SELECT id FROM beneficiaries")],
                "session_ids": [
                    row[0] for row in connection.execute("SELECT id FROM case_sessions")
                ],
            }

    def close(self) -> None:
        self.login.close()


# -- the server ------------------------------------------------------------------------


def _clean_env() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_") and k != "DATABASE_URL"
    }


@contextmanager
def _database_env(url: str | None):
    """DATABASE_URL as the server processes have it, for ServerConfig.load here."""
    saved = os.environ.pop("DATABASE_URL", None)
    if url:
        os.environ["DATABASE_URL"] = url
    try:
        yield
    finally:
        os.environ.pop("DATABASE_URL", None)
        if saved is not None:
            os.environ["DATABASE_URL"] = saved


@dataclass
class Office:
    """Server worker processes over one database (SQLite file or PostgreSQL schema)."""

    backend: str  # "SQLite" or "PostgreSQL"
    data_dir: Path
    database_url: str | None  # None: the data folder's SQLite file
    application_name: str | None  # PostgreSQL: what the workers' backends are named
    processes: list[subprocess.Popen] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    schema: str | None = None
    admin_url: str | None = None

    @property
    def pids(self) -> list[int]:
        return [process.pid for process in self.processes]

    def config(self):
        from server.config import ServerConfig

        with _database_env(self.database_url):
            return ServerConfig.load(self.data_dir)

    def engine(self):
        from server.db import make_engine

        config = self.config()
        return make_engine(config.database_url, config.db_key)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if self.schema is not None:
            import sqlalchemy as sa

            admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
            admin.dispose()
            self.schema = None

    def access_log(self) -> list[dict[str, Any]]:
        """Every access-log line of every worker (route, status, duration_ms)."""
        lines = []
        for log in self.logs:
            for text in log.read_text(encoding="utf-8", errors="replace").splitlines():
                if not text.startswith("{"):
                    continue
                entry = json.loads(text)
                if entry.get("logger") == ACCESS_LOGGER:
                    lines.append(entry)
        return lines


def start_office(
    root: Path,
    backend: str,
    workers: int,
    usernames: list[str],
    pg_url: str | None = None,
    threads: int | None = None,
) -> Office:
    """Migrations once, the accounts, then ``workers`` server processes (see the module);
    ``threads``: each worker's waitress threads (None: the server's default)."""
    import sqlalchemy as sa

    shutil.rmtree(root, ignore_errors=True)
    data_dir = root / "server"
    data_dir.mkdir(parents=True)
    env = {**_clean_env(), **SERVER_ENV}
    office = Office(backend, data_dir, None, None)
    if backend == "PostgreSQL":
        if not pg_url:
            raise RuntimeError(f"PostgreSQL needs {PG_ENV} (or /tmp/pgurl)")
        tag = uuid.uuid4().hex[:10]
        office.schema, office.admin_url = f"bench_office_{tag}", pg_url
        office.application_name = f"caseload-office-{tag}"
        admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{office.schema}"')
        admin.dispose()
        url = sa.engine.make_url(pg_url).update_query_dict(
            {
                "options": f"-csearch_path={office.schema}",
                "application_name": office.application_name,
            }
        )
        office.database_url = url.render_as_string(hide_password=False)
        env["DATABASE_URL"] = office.database_url
    try:
        migrated = subprocess.run(
            [sys.executable, "-m", "server", "--data-dir", str(data_dir), "db", "upgrade"],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if migrated.returncode != 0:
            raise RuntimeError(f"db upgrade failed: {migrated.stderr[-2000:]}")
        add_accounts(office, usernames)
        for number in range(workers):
            port = _free_port()
            log = root / f"worker-{number}.log"
            with log.open("w", encoding="utf-8") as out:
                process = subprocess.Popen(
                    [*SERVE, "--data-dir", str(data_dir), "--port", str(port)]
                    + ([] if threads is None else ["--threads", str(threads)]),
                    cwd=REPO_ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            office.processes.append(process)
            office.urls.append(f"http://127.0.0.1:{port}")
            office.logs.append(log)
        for process, url, log in zip(office.processes, office.urls, office.logs, strict=True):
            wait_healthy(process, url, log)
    except BaseException:
        office.stop()
        raise
    return office


def add_accounts(office: Office, usernames: list[str]) -> None:
    """One caseworker account each, as ``caseload-server users add`` makes them."""
    from server import admin
    from server.db import begin_write, make_session_factory

    engine = office.engine()
    try:
        with make_session_factory(engine)() as session:
            begin_write(session)
            for name in usernames:
                admin.add_user(session, None, name, SERVER_PASSWORD, "caseworker", name, "default")
            session.commit()
    finally:
        engine.dispose()


# -- checks ----------------------------------------------------------------------------


def errors_of(results: list[dict[str, Any]], access: list[dict[str, Any]]) -> dict[str, int]:
    """Sync runs that failed or raised, requests answered 5xx or not at all (laptops'
    side), 5xx in the workers' access logs, 429 refusals."""
    statuses = [request[2] for result in results for request in result["requests"]]
    return {
        "failed_syncs": sum(1 for result in results if result["failed"]),
        "raised": sum(1 for result in results if result["error"]),
        "http_5xx": sum(1 for status in statuses if status >= 500),
        "no_answer": sum(1 for status in statuses if status == 0),
        "http_429": sum(1 for status in statuses if status == 429),
        "server_5xx": sum(1 for entry in access if int(entry.get("status", 0)) >= 500),
    }


def verify(office: Office, results: list[dict[str, Any]]) -> dict[str, Any]:
    """The server's database against what each laptop holds after its sync."""
    import sqlalchemy as sa

    engine = office.engine()
    try:
        with engine.connect() as connection:
            users = dict(
                connection.execute(
                    sa.text("SELECT username, id FROM users WHERE username IN :names").bindparams(
                        sa.bindparam("names", expanding=True)
                    ),
                    {"names": [result["username"] for result in results]},
                ).all()
            )
            owners = list(users.values())

            def stored(table: str) -> list[tuple]:
                query = sa.text(
                    f"SELECT id, caseworker_id FROM {table} WHERE caseworker_id IN :owners"
                ).bindparams(sa.bindparam("owners", expanding=True))
                return [tuple(row) for row in connection.execute(query, {"owners": owners})]

            people, visits = stored("beneficiaries"), stored("case_sessions")
            numbers = connection.execute(
                sa.text("SELECT count(*) - count(DISTINCT case_number) FROM beneficiaries")
            ).scalar_one()
    finally:
        engine.dispose()
    out: dict[str, Any] = {"duplicate_case_numbers": int(numbers)}
    for name, rows, key in (
        ("beneficiaries", people, "ids"),
        ("sessions", visits, "session_ids"),
    ):
        expected = {
            record_id: users.get(result["username"])
            for result in results
            for record_id in result[key]
        }
        held = sum(len(result[key]) for result in results)
        on_server = [record_id for record_id, _owner in rows]
        server_ids = set(on_server)
        out[name] = {
            "on_laptops": held,
            "on_server": len(on_server),
            "duplicated": len(on_server) - len(server_ids) + held - len(expected),
            "lost": len(set(expected) - server_ids),
            "extra": len(server_ids - set(expected)),
            "wrong_owner": sum(1 for record_id, owner in rows if expected.get(record_id) != owner),
        }
    out["outbox_left"] = sum(result["outbox"] for result in results)
    out["unsynced_left"] = sum(result["unsynced"] for result in results)
    problems = out["duplicate_case_numbers"] + out["outbox_left"] + out["unsynced_left"]
    for name in ("beneficiaries", "sessions"):
        part = out[name]
        problems += part["duplicated"] + part["lost"] + part["extra"] + part["wrong_owner"]
    out["clean"] = problems == 0
    return out
