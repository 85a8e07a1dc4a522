"""Fixtures: the real server in a subprocess on a free loopback port, on SQLite or PostgreSQL."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL_ENV = "CASELOAD_TEST_POSTGRES_URL"
PASSWORD = "correct horse battery"


def postgres_url(why: str = "") -> str:
    """The test database's URL; without it a skip, or a failure when CI requires
    PostgreSQL (CASELOAD_REQUIRE_POSTGRES=1). ``why`` is said in the skip."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        if os.environ.get("CASELOAD_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"CASELOAD_REQUIRE_POSTGRES=1 but {POSTGRES_URL_ENV} is not set")
        pytest.skip(f"{POSTGRES_URL_ENV} is not set{f' ({why})' if why else ''}")
    return url


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresSchemas:
    """Hands out fresh schemas in the test database and drops them afterwards."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.engine = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def fresh_url(self) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        self.created.append(schema)
        url = self.url.update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def close(self) -> None:
        with self.engine.connect() as conn:
            for schema in self.created:
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        self.engine.dispose()


@dataclass
class User:
    id: str
    username: str
    role: str
    organisation: str
    access_token: str = ""
    refresh_token: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


@dataclass
class ServerProcess:
    base_url: str
    data_dir: Path
    process: subprocess.Popen
    log_path: Path
    env: dict[str, str]
    dev: bool
    _clients: list[httpx.Client] = field(default_factory=list)

    def client(self) -> httpx.Client:
        client = httpx.Client(base_url=self.base_url, timeout=30)
        self._clients.append(client)
        return client

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        for client in self._clients:
            client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def run_cli(
        self, *args: str, password: str | None = None, extra_env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        env = {**self.env, **(extra_env or {})}
        if password is not None:
            env["CASELOAD_NEW_PASSWORD"] = password
        return subprocess.run(
            [sys.executable, "-m", "server", "--data-dir", str(self.data_dir), *args],
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    # --- account helpers ---------------------------------------------------------

    def new_user(self, role: str = "caseworker", organisation: str = "default") -> User:
        """A fresh account (made with the CLI when registration is closed), signed in."""
        username = f"{role[:4]}_{uuid.uuid4().hex[:10]}"
        if self.dev:
            with self.client() as http:
                response = http.post(
                    "/api/auth/register",
                    json={
                        "username": username,
                        "password": PASSWORD,
                        "role": role,
                        "organisation": organisation,
                    },
                )
                assert response.status_code == 201, response.text
                user_id = response.json()["data"]["id"]
        else:
            done = self.run_cli(
                "create-user",
                username,
                "--role",
                role,
                "--organisation",
                organisation,
                password=PASSWORD,
            )
            assert done.returncode == 0, done.stderr
            user_id = re.search(r"\(id ([0-9a-f-]{36})\)", done.stdout).group(1)
        user = User(user_id, username, role, organisation)
        self.login(user)
        return user

    def login(self, user: User) -> dict[str, Any]:
        with self.client() as http:
            response = http.post(
                "/api/auth/login", json={"username": user.username, "password": PASSWORD}
            )
        assert response.status_code == 200, response.text
        data = response.json()["data"]
        user.access_token = data["access_token"]
        user.refresh_token = data["refresh_token"]
        return data


class ServerFactory:
    def __init__(self, backend: str, tmp_root: Path, schemas: PostgresSchemas | None) -> None:
        self.backend = backend
        self.tmp_root = tmp_root
        self.schemas = schemas
        self.started: list[ServerProcess] = []

    def start(
        self,
        dev: bool = True,
        like: ServerProcess | None = None,
        root: Path = REPO_ROOT,
        **extra_env: str,
    ) -> ServerProcess:
        """Start a server; `like` reuses another's data dir and database (a restart); `root`
        is the source tree whose `server` package runs."""
        data_dir = self.tmp_root / f"server-{len(self.started)}"
        data_dir.mkdir(parents=True)
        if like is not None:
            data_dir = like.data_dir
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("CASELOAD_") and k != "DATABASE_URL"
        }
        env.update(extra_env)
        env["PYTHONUNBUFFERED"] = "1"
        if like is not None and "DATABASE_URL" in like.env:
            env["DATABASE_URL"] = like.env["DATABASE_URL"]
        elif self.schemas is not None:
            env["DATABASE_URL"] = self.schemas.fresh_url()
        port = free_port()
        log_path = data_dir / f"server-{len(self.started)}.log"
        args = [sys.executable, "-m", "server", "--data-dir", str(data_dir), "--port", str(port)]
        if dev:
            args.append("--dev")
        with log_path.open("w", encoding="utf-8") as log_file:
            process = subprocess.Popen(
                args, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT
            )
        server = ServerProcess(f"http://127.0.0.1:{port}", data_dir, process, log_path, env, dev)
        self.started.append(server)
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{server.log()}")
            try:
                if httpx.get(f"{server.base_url}/health", timeout=2).status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                server.stop()
                raise RuntimeError(f"server did not become healthy:\n{server.log()}")
            time.sleep(0.1)

    def stop_all(self) -> None:
        for server in self.started:
            server.stop()


def _backends() -> list[Any]:
    return ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=_backends())
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres":
        postgres_url()
    return request.param


@pytest.fixture(scope="module")
def servers(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerFactory]:
    """Starts servers for one test module; all are stopped (and their schemas dropped) after."""
    schemas = PostgresSchemas(os.environ[POSTGRES_URL_ENV]) if backend == "postgres" else None
    factory = ServerFactory(backend, tmp_path_factory.mktemp(f"srv-{backend}"), schemas)
    try:
        yield factory
    finally:
        factory.stop_all()
        if schemas is not None:
            schemas.close()


@pytest.fixture(scope="module")
def server(servers: ServerFactory) -> ServerProcess:
    """The shared development-mode server of a test module."""
    return servers.start(dev=True)


@pytest.fixture
def engine(server: ServerProcess) -> Iterator[Any]:
    """An engine on the server's own database (its schema), for checks beside the API."""
    from server.db import make_engine

    made = make_engine(server.env["DATABASE_URL"])
    yield made
    made.dispose()


@pytest.fixture
def http(server: ServerProcess) -> Iterator[httpx.Client]:
    with server.client() as client:
        yield client


@pytest.fixture(scope="module")
def caseworker(server: ServerProcess) -> User:
    """One caseworker per module (accounts cost two argon2 runs); tests that need a clean
    caseload make their own with `server.new_user()`."""
    return server.new_user("caseworker")


def beneficiary_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "first_name": "Amina",
        "last_name": "Haddad",
        "date_of_birth": "1987-04-12",
        "gender": "female",
        "phone": "+961 1 234 567",
        "email": "amina@example.org",
        "address": "Rue 12, Beirut",
        "preferred_language": "ar",
        "status": "active",
        "consent_given": True,
        "consent_date": "2024-01-15",
        "notes": "Prefers afternoon visits.",
    }
    body.update(overrides)
    return body


def session_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "starts_at": "2024-05-01T09:30:00Z",
        "duration_minutes": 45,
        "kind": "home_visit",
        "location": "Home",
        "status": "done",
        "summary": "Discussed housing.",
        "outcome": "Referral made.",
        "follow_up_on": "2024-05-15",
    }
    body.update(overrides)
    return body
