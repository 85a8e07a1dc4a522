"""A real office stack (conftest.py): laptops sync through nginx's TLS to two workers on
PostgreSQL, nginx adds its headers, compresses JSON and refuses large bodies, and the
rate-limit counters in Redis are shared by both workers."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.paths import DataPaths
from desktop.services import Services
from tests.e2e.conftest import FAST_RETRIES, LOCAL_PASSWORD
from tests.server.conftest import PASSWORD as SERVER_PASSWORD
from tests.server.conftest import REPO_ROOT, User, beneficiary_body

from .conftest import LOGIN_LIMIT, Office, unit_exec_start

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@dataclass
class OfficeLaptop:
    paths: DataPaths
    login: LoginSession
    services: Services
    server_user: User

    def sync_command(self, office: Office) -> list[str]:
        """`caseload sync` of this laptop through nginx, as a caseworker runs it."""
        command = [sys.executable, "-m", "desktop", "--data-dir", str(self.paths.root), "sync"]
        command += ["--user", "admin", "--server", office.url]
        return [*command, "--server-user", self.server_user.username]


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_")}
    env.update(CASELOAD_PASSWORD=LOCAL_PASSWORD, CASELOAD_SERVER_PASSWORD=SERVER_PASSWORD)
    return env


@pytest.fixture(scope="module")
def organisation() -> str:
    return f"org-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def new_laptop(tmp_path, office, organisation):
    made: list[OfficeLaptop] = []

    def make(records: int = 0) -> OfficeLaptop:
        paths = DataPaths.resolve(tmp_path / f"laptop-{len(made)}")
        accounts = LocalAccounts(paths)
        login = accounts.initialize("admin", LOCAL_PASSWORD, "Laptop Admin")
        services = Services.for_session(login, accounts)
        for n in range(records):
            services.beneficiaries.create(
                {"first_name": f"Office{len(made)}", "last_name": f"P{n}"}
            )
        user = office.workers[0].new_user("supervisor", organisation=organisation)
        laptop = OfficeLaptop(paths, login, services, user)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.login.close()


def link(laptop: OfficeLaptop, office: Office) -> None:
    laptop.services.sync.set_ca_file(office.url, str(office.ca_file))
    laptop.services.sync.link(office.url, laptop.server_user.username, SERVER_PASSWORD)


def test_a_laptop_syncs_through_nginx_and_tls_with_two_workers(office, new_laptop):
    sender, receiver = new_laptop(records=3), new_laptop()
    link(sender, office)
    report = sender.services.sync.sync(policy=FAST_RETRIES)
    assert (report.sent, report.errors) == (3, 0)
    link(receiver, office)
    report = receiver.services.sync.sync(policy=FAST_RETRIES)
    assert report.errors == 0 and report.received >= 3
    assert receiver.services.beneficiaries.count_visible() >= 3
    # nginx spread the requests over both workers.
    assert office.upstreams_used() >= {w.base_url.removeprefix("http://") for w in office.workers}


def test_two_laptops_sync_at_once_through_the_workers(office, new_laptop):
    laptops = [new_laptop(records=40), new_laptop(records=40)]
    for laptop in laptops:
        link(laptop, office)
        laptop.login.close()  # the command line opens the laptop itself
    runs = [
        subprocess.Popen(
            laptop.sync_command(office),
            env=cli_env(),
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for laptop in laptops
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert "Sync: sent 40," in out and "errors 0" in out, out
        # A laptop whose digest check comes after the other's push pulls up to the
        # digest's seq and compares again (desktop/sync/verify.py): no false alarm.
        assert run.returncode == 0, err
        assert "digest mismatch" not in err, err
    # Each then receives the other's 40 (and any earlier test's, same organisation).
    for laptop in laptops:
        again = subprocess.run(
            laptop.sync_command(office),
            env=cli_env(),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        # Nobody else pushes now: the digests agree.
        assert again.returncode == 0, again.stderr
        assert "errors 0" in again.stdout and "differ" not in again.stderr
    for laptop in laptops:
        accounts = LocalAccounts(laptop.paths)
        login = accounts.login("admin", LOCAL_PASSWORD)
        try:
            assert Services.for_session(login, accounts).beneficiaries.count_visible() >= 80
        finally:
            login.close()


@pytest.fixture(scope="module")
def supervisor(office, organisation) -> User:
    return office.workers[0].new_user("supervisor", organisation=organisation)


def test_nginx_adds_the_security_headers(office, supervisor):
    with office.client() as http:
        api = http.get("/api/auth/profile", headers=supervisor.headers)
        console = http.get("/")
        missing = http.get("/api/no-such-thing")
    for response in (api, console, missing):
        headers = response.headers
        # Each once, whatever the app sent (nginx hides the app's own).
        assert headers.get_list("strict-transport-security") == ["max-age=63072000"]
        assert headers.get_list("x-content-type-options") == ["nosniff"]
        assert headers.get_list("x-frame-options") == ["DENY"]
        assert headers.get_list("referrer-policy") == ["same-origin"]
        assert headers["server"] == "nginx"  # no version
        (csp,) = headers.get_list("content-security-policy")
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "retry-after" not in headers
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_plain_http_is_sent_to_https(office):
    with httpx.Client(base_url=office.http_url, timeout=30) as http:
        response = http.get("/api/sync/changes?since=0")
    assert response.status_code == 301
    assert response.headers["location"].startswith("https://127.0.0.1")


def test_a_json_feed_page_is_gzipped_when_asked(office, supervisor):
    with office.client() as http:
        for n in range(30):
            body = beneficiary_body(first_name=f"Gzip{n}")
            created = http.post("/api/beneficiaries", json=body, headers=supervisor.headers)
            assert created.status_code == 201, created.text
        feed = "/api/sync/changes?since=0&limit=1000"
        zipped = http.get(feed, headers={**supervisor.headers, "Accept-Encoding": "gzip"})
        plain = http.get(feed, headers={**supervisor.headers, "Accept-Encoding": "identity"})
    assert zipped.status_code == plain.status_code == 200
    assert zipped.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["vary"]
    assert "content-encoding" not in plain.headers
    assert zipped.json()["data"]["changes"] == plain.json()["data"]["changes"]
    assert len(zipped.json()["data"]["changes"]) >= 30
    # httpx decoded it; the bytes on the wire were gzip, and smaller.
    wire = len(gzip.compress(plain.content))
    print(f"feed page: {len(plain.content)} bytes plain, about {wire} gzipped")


def test_a_body_over_16_mib_is_refused_by_nginx(office, supervisor):
    body = b'{"changes": "' + b"x" * (17 * 1024 * 1024) + b'"}'
    headers = {**supervisor.headers, "Content-Type": "application/json"}
    with office.client() as http:
        response = http.post("/api/sync/push", content=body, headers=headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_entity_too_large"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_nginx_limits_sign_ins_per_address(office):
    # From an address of its own: 20 at once pass (the burst), then nginx refuses.
    with office.client("127.0.0.7") as http:
        statuses = [http.post("/api/auth/login", json={}).status_code for _ in range(24)]
        refused = http.post("/api/auth/login", json={})
    assert 429 not in statuses[:20]
    assert statuses[-1] == 429
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert refused.headers["retry-after"] == "10"
    # Another address is not held.
    with office.client("127.0.0.8") as http:
        assert http.post("/api/auth/login", json={}).status_code != 429


def test_rate_limits_are_shared_by_the_workers(office):
    """Sign-ins from one address, sent in turn to each worker, count once in Redis."""
    address = "203.0.113.9"  # behind nginx (a trusted proxy to the workers)
    clients = [httpx.Client(base_url=w.base_url, timeout=30) for w in office.workers]
    try:
        headers = {"X-Forwarded-For": address}
        statuses = [
            clients[n % 2].post("/api/auth/login", json={}, headers=headers).status_code
            for n in range(LOGIN_LIMIT)
        ]
        assert 429 not in statuses
        refused = [c.post("/api/auth/login", json={}, headers=headers) for c in clients]
        other = clients[1].post(
            "/api/auth/login", json={}, headers={"X-Forwarded-For": "203.0.113.10"}
        )
    finally:
        for client in clients:
            client.close()
    for response in refused:
        assert response.status_code == 429
        error = response.json()["error"]
        assert error["code"] == "rate_limited"
        assert int(response.headers["retry-after"]) == error["retry_after"] > 0
    assert other.status_code != 429
    # The one sign-in counter both workers used, in Redis (the API limit has its own).
    keys = [key.decode() for key in office.redis.client.scan_iter("*")]
    counters = {key.split("/")[3] for key in keys if f"/caseload/{address}/" in key}
    assert counters == {"login", "api"}, keys
    (login,) = [key for key in keys if f"/caseload/{address}/login/" in key]
    assert int(office.redis.client.get(login)) == LOGIN_LIMIT + 2
    for worker in office.workers:
        assert address not in worker.log()  # which limit is logged, not who


def test_health_checks_redis_on_each_worker(office):
    for worker in office.workers:
        body = httpx.get(f"{worker.base_url}/health", timeout=10).json()["data"]
        assert (body["status"], body["database"], body["redis"]) == ("ok", "ok", "ok")


def test_worker_logs_hold_no_tokens(office, supervisor):
    for worker in office.workers:
        assert supervisor.access_token not in worker.log()
    assert Path(office.nginx_root / "error.log").read_text().count("[emerg]") == 0


def test_the_purge_units_command_runs_beside_the_workers(office):
    """caseload-purge.timer's service, while both workers serve (systemd does not run here)."""
    command = unit_exec_start("caseload-purge.service").split()
    assert command[0] == "/opt/caseload/bin/caseload-server"
    args = [str(office.workers[0].data_dir) if a == "/var/lib/caseload" else a for a in command]
    done = subprocess.run(
        [sys.executable, "-m", "server", *args[1:]],
        env=office.workers[0].env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "refresh_tokens:" in done.stdout and "deleted" in done.stdout
    for worker in office.workers:
        assert httpx.get(f"{worker.base_url}/health", timeout=10).status_code == 200
