"""What the server tells its operator: the access log, JSON logs, one line per sync push,
`/health` and its checks, and the OpenAPI document served without a YAML parser.

The metrics (one process, two processes sharing PROMETHEUS_MULTIPROC_DIR) are in
test_observability_metrics.py. The log lines are read from real server processes; the
counts of log lines per push from an app in this process (caplog).
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import tomllib
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
import yaml
from flask import Flask
from flask.testing import FlaskClient

from server import health
from server.app import create_app
from server.config import ServerConfig
from tests.server.conftest import PASSWORD, REPO_ROOT, beneficiary_body, free_port
from tests.server.test_sync import change

ACCESS = "caseload.access"
HEX_ID = re.compile(r"[0-9a-f]{32}")


# --- an app in this process ------------------------------------------------------------


@pytest.fixture
def app(tmp_path, monkeypatch) -> Iterator[Flask]:
    for name in list(os.environ):
        if name.startswith("CASELOAD_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    made = create_app(ServerConfig.load(tmp_path / "data", dev=True))
    yield made
    made.extensions["caseload"].engine.dispose()


def sign_in(client: FlaskClient) -> tuple[str, dict[str, str]]:
    """A new caseworker's id and the headers that send its access token."""
    username = f"case_{uuid.uuid4().hex[:10]}"
    made = client.post("/api/auth/register", json={"username": username, "password": PASSWORD})
    assert made.status_code == 201, made.get_data(as_text=True)
    login = client.post("/api/auth/login", json={"username": username, "password": PASSWORD})
    assert login.status_code == 200, login.get_data(as_text=True)
    token = login.get_json()["data"]["access_token"]
    return made.get_json()["data"]["id"], {"Authorization": f"Bearer {token}"}


def new_beneficiaries(count: int) -> list[dict]:
    return [
        change("beneficiary", str(uuid.uuid4()), beneficiary_body(case_number=f"O-{i:06d}"))
        for i in range(count)
    ]


def test_a_sync_push_logs_one_info_line_whatever_its_size(app, caplog):
    client = app.test_client()
    user_id, headers = sign_in(client)
    info_lines: dict[int, list[logging.LogRecord]] = {}
    for size in (1, 300):
        changes = new_beneficiaries(size)
        for item in changes:  # one batch of each size: the case numbers differ
            item["data"]["case_number"] = f"O-{size}-{item['id'][:8]}"
        caplog.clear()
        with caplog.at_level(logging.DEBUG):
            pushed = client.post("/api/sync/push", json={"changes": changes}, headers=headers)
        assert pushed.status_code == 200, pushed.get_data(as_text=True)
        assert {r["status"] for r in pushed.get_json()["data"]["results"]} == {"applied"}
        info_lines[size] = [r for r in caplog.records if r.levelno >= logging.INFO]
        per_record = [r for r in caplog.records if " created by user " in r.getMessage()]
        assert len(per_record) == size
        assert {r.levelno for r in per_record} == {logging.DEBUG}

    # The push's summary and its access line, for one record as for 300.
    assert [r.name for r in info_lines[300]] == ["server.api.sync", ACCESS]
    assert len(info_lines[1]) == len(info_lines[300])
    summary = info_lines[300][0]
    assert summary.getMessage().startswith(
        f"sync push by user {user_id}: 300 changes (beneficiary 300): 300 applied, "
        "0 conflicts, 0 rejected, "
    )
    assert (summary.changes, summary.kinds, summary.applied) == (300, {"beneficiary": 300}, 300)
    assert summary.user_id == user_id and summary.duration_ms >= 0
    assert "Amina" not in summary.getMessage() and "O-300" not in summary.getMessage()


def test_a_push_counts_conflicts_and_rejections(app, caplog):
    client = app.test_client()
    _user, headers = sign_in(client)
    [first] = new_beneficiaries(1)
    assert (
        client.post("/api/sync/push", json={"changes": [first]}, headers=headers).status_code == 200
    )
    # Sent again as new (no base version) with other notes: the server's copy differs.
    stale = {**first, "idempotency_key": uuid.uuid4().hex}
    stale["data"] = {**first["data"], "notes": "changed"}
    bad = change("beneficiary", "not-a-uuid", {})
    with caplog.at_level(logging.INFO):
        pushed = client.post("/api/sync/push", json={"changes": [stale, bad]}, headers=headers)
    statuses = [r["status"] for r in pushed.get_json()["data"]["results"]]
    assert statuses == ["conflict", "rejected"]
    [summary] = [r for r in caplog.records if r.name == "server.api.sync"]
    assert (summary.applied, summary.conflicts, summary.rejected) == (0, 1, 1)


def test_a_single_record_write_keeps_its_info_line(app, caplog):
    client = app.test_client()
    user_id, headers = sign_in(client)
    with caplog.at_level(logging.INFO):
        made = client.post("/api/beneficiaries", json=beneficiary_body(), headers=headers)
    record_id = made.get_json()["data"]["id"]
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert f"beneficiary {record_id} created by user {user_id}" in lines


def test_the_access_line_names_the_route_not_the_path(app, caplog):
    client = app.test_client()
    user_id, headers = sign_in(client)
    record_id = client.post("/api/beneficiaries", json=beneficiary_body(), headers=headers)
    record_id = record_id.get_json()["data"]["id"]
    token = headers["Authorization"].split()[1]
    with caplog.at_level(logging.INFO, logger=ACCESS):
        caplog.clear()
        got = client.get(f"/api/beneficiaries/{record_id}?search=Amina", headers=headers)
        missing = client.get(f"/api/nothing/{record_id}?email=amina@example.org")
    [found, unmatched] = [r for r in caplog.records if r.name == ACCESS]
    assert (found.method, found.route, found.status) == (
        "GET",
        "/api/beneficiaries/<record_id>",
        200,
    )
    assert found.user_id == user_id and found.duration_ms >= 0
    assert found.request_id == got.headers["X-Request-ID"]
    assert (unmatched.route, unmatched.status, unmatched.user_id) == ("<unmatched>", 404, None)
    assert unmatched.request_id == missing.headers["X-Request-ID"]
    for line in (found.getMessage(), unmatched.getMessage()):
        for secret in (record_id, "Amina", "amina", "search", token):
            assert secret not in line


def test_health_checks_the_database_and_the_listed_checks(app):
    client = app.test_client()
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.get_json()["data"]["database"] == "ok"

    calls = []
    health.health_checks(app).append(
        health.HealthCheck("probe", calls.append, "probe_unavailable", "The probe failed.")
    )
    answer = client.get("/health").get_json()["data"]
    assert (answer["database"], answer["probe"], calls) == ("ok", "ok", [app])

    def broken(_app: Flask) -> None:
        raise ConnectionError("refused")

    health.health_checks(app)[-1] = health.HealthCheck(
        "probe", broken, "probe_unavailable", "The probe failed."
    )
    answer = client.get("/health")
    assert answer.status_code == 503
    assert answer.get_json()["error"] == {
        "code": "probe_unavailable",
        "message": "The probe failed.",
        "check": "probe",
    }


def test_health_answers_503_when_the_database_is_unreachable(app):
    state = app.extensions["caseload"]
    working = state.engine
    # Nothing listens on this port: the driver's connection is refused.
    state.engine = sa.create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    try:
        answer = app.test_client().get("/health")
    finally:
        state.engine.dispose()
        state.engine = working
    assert answer.status_code == 503
    error = answer.get_json()["error"]
    assert (error["code"], error["check"]) == ("database_unavailable", "database")


# --- a real server writing JSON lines --------------------------------------------------


@pytest.fixture(scope="module")
def json_server(servers):
    return servers.start(dev=True, CASELOAD_LOG_FORMAT="json")


def access_lines(server) -> list[dict]:
    lines = [json.loads(line) for line in server.log().splitlines() if line.strip()]
    return [line for line in lines if line["logger"] == ACCESS]


def test_every_line_is_json_and_the_request_id_is_kept_or_made(json_server):
    user = json_server.new_user("caseworker")
    http = json_server.client()
    sent = uuid.uuid4().hex
    kept = http.get("/api/auth/profile", headers={**user.headers, "X-Request-ID": sent})
    assert kept.headers["X-Request-ID"] == sent
    # Not an id a proxy makes (it could carry anything): replaced.
    made = http.get("/api/auth/profile", headers={"X-Request-ID": "Amina Haddad 1987"})
    assert made.status_code == 401
    assert HEX_ID.fullmatch(made.headers["X-Request-ID"])
    fresh = http.get("/health")
    assert HEX_ID.fullmatch(fresh.headers["X-Request-ID"])

    text = json_server.log()
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]  # all JSON
    assert {"time", "level", "logger", "message"} <= set(lines[0])
    by_id = {line.get("request_id"): line for line in access_lines(json_server)}
    assert by_id[sent]["route"] == "/api/auth/profile"
    assert (by_id[sent]["status"], by_id[sent]["user_id"]) == (200, user.id)
    assert by_id[made.headers["X-Request-ID"]]["status"] == 401
    assert by_id[fresh.headers["X-Request-ID"]]["route"] == "/health"
    # The sign-in's own line carries the request's id too.
    signed_in = [line for line in lines if line["message"] == f"user {user.id} signed in"]
    assert signed_in and HEX_ID.fullmatch(signed_in[-1]["request_id"])
    for secret in ("Amina", user.access_token, PASSWORD):
        assert secret not in text


def test_a_bad_log_format_stops_the_server_with_its_name(json_server):
    done = json_server.run_cli("db", "upgrade", extra_env={"CASELOAD_LOG_FORMAT": "xml"})
    assert done.returncode == 2
    assert "CASELOAD_LOG_FORMAT must be one of: text, json" in done.stderr
    done = json_server.run_cli("--log-format", "json", "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert all(json.loads(line) for line in done.stderr.splitlines())


# --- the OpenAPI document without PyYAML -----------------------------------------------

SERVE_WITHOUT_YAML = """
import sys
sys.modules["yaml"] = None  # any import of it fails
from server.app import create_app
from server.config import ServerConfig
app = create_app(ServerConfig.load(sys.argv[1], dev=True))
answer = app.test_client().get("/api/openapi.json")
assert answer.status_code == 200, answer.status_code
sys.stdout.write(answer.get_data(as_text=True))
"""


def test_the_document_is_served_without_a_yaml_parser(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_")}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", SERVE_WITHOUT_YAML, str(tmp_path / "data")],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    source = REPO_ROOT / "server" / "openapi.yaml"
    assert json.loads(done.stdout) == yaml.safe_load(source.read_text(encoding="utf-8"))


def test_the_server_extra_needs_no_yaml_and_ships_the_json():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"]["optional-dependencies"]
    names = [re.match(r"[A-Za-z0-9_.-]+", spec)[0].lower() for spec in extras["server"]]
    assert "pyyaml" not in names and "prometheus_client" in names
    assert any(spec.lower().startswith("pyyaml") for spec in extras["dev"])
    package_data = project["tool"]["setuptools"]["package-data"]
    assert "openapi.json" in package_data["server"]
