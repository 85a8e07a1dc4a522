"""`/metrics` of real server processes: requests by route template, records pushed and
pulled, login throttling, the optional token, and two processes sharing
PROMETHEUS_MULTIPROC_DIR (what the deployment runs behind nginx)."""

from __future__ import annotations

import uuid

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, pull_all, push

TOKEN = "monitoring-" + "7" * 24


def samples(http: httpx.Client, **headers: str) -> dict[tuple[str, frozenset], float]:
    """Every sample of /metrics by (name, labels)."""
    answer = http.get("/metrics", headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, frozenset(labels.items())), 0.0)


def total(found: dict, name: str, **labels: str) -> float:
    """The sum over the samples of `name` whose labels include `labels`."""
    wanted = set(labels.items())
    return sum(v for (n, got), v in found.items() if n == name and wanted <= got)


@pytest.fixture(scope="module")
def server(servers):
    return servers.start(
        dev=True,
        CASELOAD_LOGIN_FREE_ATTEMPTS="1",
        CASELOAD_LOGIN_FIRST_DELAY_SECONDS="600",
    )


def test_requests_records_and_throttling_are_counted(server):
    http = server.client()
    user = server.new_user("caseworker")
    b_id = str(uuid.uuid4())
    results = push(
        http,
        user,
        change("beneficiary", b_id, beneficiary_body(case_number=f"M-{b_id[:8]}")),
        change("case_session", str(uuid.uuid4()), session_body(beneficiary_id=b_id)),
        change("beneficiary", "not-a-uuid", {}),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    pulled, _ = pull_all(http, user)
    assert len(pulled) == 2
    assert http.get(f"/api/beneficiaries/{b_id}", headers=user.headers).status_code == 200
    for _ in range(2):  # the second waits: the client's one free failure is used
        http.post("/api/auth/login", json={"username": user.username, "password": "wrong"})

    found = samples(http)
    route = "/api/beneficiaries/<record_id>"
    assert value(found, "caseload_http_requests_total", method="GET", route=route, status="200")
    assert value(
        found,
        "caseload_http_request_duration_seconds_count",
        method="POST",
        route="/api/sync/push",
        status="200",
    ) == pytest.approx(1)
    pushed = "caseload_sync_records_pushed_total"
    assert value(found, pushed, kind="beneficiary", outcome="applied") == 1
    assert value(found, pushed, kind="case_session", outcome="applied") == 1
    assert value(found, pushed, kind="beneficiary", outcome="rejected") == 1
    assert value(found, "caseload_sync_records_pulled_total", kind="beneficiary") == 1
    assert value(found, "caseload_sync_records_pulled_total", kind="case_session") == 1
    assert total(found, "caseload_login_throttled_total") == 1
    assert total(found, "caseload_http_requests_total", status="429") == 1
    # Route templates only: no id, no query string in any label.
    labels = {v for (_name, got) in found for _k, v in got}
    assert not any(b_id in label or "since=" in label for label in labels)


@pytest.fixture(scope="module")
def guarded(servers):
    return servers.start(dev=True, CASELOAD_METRICS_TOKEN=TOKEN)


def test_the_metrics_token_guards_the_metrics_when_set(guarded):
    http = guarded.client()
    refused = http.get("/metrics")
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert http.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert samples(http, Authorization=f"Bearer {TOKEN}")
    done = guarded.run_cli("db", "upgrade", extra_env={"CASELOAD_METRICS_TOKEN": "short"})
    assert done.returncode == 2
    assert "CASELOAD_METRICS_TOKEN must be at least 16 characters" in done.stderr


def test_two_processes_sharing_the_folder_report_their_sum(servers, tmp_path):
    folder = tmp_path / "metrics"
    folder.mkdir()
    first = servers.start(dev=True, PROMETHEUS_MULTIPROC_DIR=str(folder))
    second = servers.start(dev=True, like=first, PROMETHEUS_MULTIPROC_DIR=str(folder))
    assert first.process.pid != second.process.pid
    for server, times in ((first, 3), (second, 2)):
        with server.client() as http:
            for _ in range(times):
                assert http.get("/api/openapi.json").status_code == 200
    route = {"method": "GET", "route": "/api/openapi.json", "status": "200"}
    for server in (first, second):
        with server.client() as http:
            found = samples(http)
        assert value(found, "caseload_http_requests_total", **route) == 5
    written = {path.name for path in folder.iterdir()}
    for pid in (first.process.pid, second.process.pid):
        assert f"counter_{pid}.db" in written


def test_a_missing_multiprocess_folder_stops_the_server(server, tmp_path):
    done = server.run_cli(extra_env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "absent")})
    assert done.returncode == 2
    assert "PROMETHEUS_MULTIPROC_DIR names" in done.stderr
