"""The OpenAPI document is served, and a schema-driven fuzz run against it finds no 5xx."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Checks that hold for any request schemathesis makes. `negative_data_rejection` and
# `positive_data_acceptance` are left out on purpose: a sync push answers a malformed change
# per item inside a 200, and business rules (a date of birth in the future, an unknown
# caseworker) reject some schema-valid bodies with 422.
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
    ]
)
MAX_EXAMPLES = os.environ.get("CASELOAD_FUZZ_MAX_EXAMPLES", "25")
SEED = os.environ.get("CASELOAD_FUZZ_SEED", "20240501")


def schemathesis_command() -> list[str]:
    exe = Path(sys.executable).with_name("schemathesis")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("schemathesis") or shutil.which("st")
    assert found, "schemathesis is not installed (pip install -e '.[dev]')"
    return [found]


def run_schemathesis(
    schema_url: str, workdir: Path, *extra: str, timeout: int = 240
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            *schemathesis_command(),
            "run",
            schema_url,
            "--checks",
            CHECKS,
            "--max-examples",
            MAX_EXAMPLES,
            "--seed",
            SEED,
            "--workers",
            "1",
            "--no-shrink",
            "--request-timeout",
            "20",
            *extra,
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_TELEMETRY": "false"},
    )


def test_openapi_document_lists_every_route(http):
    response = http.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    document = response.json()
    assert document["openapi"].startswith("3.")
    expected = {
        ("post", "/api/auth/register"),
        ("post", "/api/auth/login"),
        ("post", "/api/auth/refresh"),
        ("post", "/api/auth/logout"),
        ("get", "/api/auth/profile"),
        ("get", "/api/beneficiaries"),
        ("post", "/api/beneficiaries"),
        ("get", "/api/beneficiaries/{beneficiary_id}"),
        ("put", "/api/beneficiaries/{beneficiary_id}"),
        ("delete", "/api/beneficiaries/{beneficiary_id}"),
        ("get", "/api/beneficiaries/{beneficiary_id}/sessions"),
        ("post", "/api/beneficiaries/{beneficiary_id}/sessions"),
        ("get", "/api/sessions/{session_id}"),
        ("put", "/api/sessions/{session_id}"),
        ("delete", "/api/sessions/{session_id}"),
        ("post", "/api/sync/push"),
        ("get", "/api/sync/changes"),
        ("get", "/api/sync/digest"),
        ("get", "/api/users"),
        ("get", "/health"),
        ("get", "/api/openapi.json"),
    }
    documented = {
        (method, path)
        for path, item in document["paths"].items()
        for method in item
        if method != "parameters"
    }
    assert documented == expected


def test_schemathesis_finds_no_server_errors(servers, tmp_path):
    fuzz_server = servers.start(dev=True)
    supervisor = fuzz_server.new_user("supervisor")
    result = run_schemathesis(
        f"{fuzz_server.base_url}/api/openapi.json",
        tmp_path,
        "--header",
        f"Authorization: Bearer {supervisor.access_token}",
        # Logging out would revoke the token the rest of the run uses.
        "--exclude-operation-id",
        "logout",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, (
        output[-20000:] + "\n--- server log ---\n" + fuzz_server.log()[-5000:]
    )
    assert "generated" in output and "passed" in output
    assert "Traceback" not in fuzz_server.log(), fuzz_server.log()[-5000:]


class _BrokenApi(BaseHTTPRequestHandler):
    """One documented operation that answers 500: the harness above must notice."""

    DOCUMENT = {
        "openapi": "3.0.3",
        "info": {"title": "broken", "version": "1"},
        "paths": {
            "/boom": {
                "get": {
                    "parameters": [{"name": "n", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }

    def do_GET(self) -> None:
        if self.path == "/openapi.json":
            body, status = json.dumps(self.DOCUMENT).encode(), 200
        else:
            body, status = b'{"error": "boom"}', 500
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


def test_the_fuzz_harness_fails_on_a_server_error(tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("independent of the database")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _BrokenApi)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        result = run_schemathesis(
            f"http://127.0.0.1:{httpd.server_port}/openapi.json", tmp_path, timeout=120
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert result.returncode != 0
    assert "Server error" in result.stdout, result.stdout
