"""The OpenAPI document is served, and a schema-driven fuzz run against it finds no 5xx."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Every check schemathesis has. A schema-valid request that the server refuses because of
# what it holds (an unknown caseworker, a cursor ahead of the server) is listed in the
# document's `x-state-rules`; the run lets positive_data_acceptance take those statuses on
# those operations only, and the `state_rules_only` check (schemathesis_hooks.py) fails any
# such answer that is not exactly one of the listed rules.
CHECKS = "all"
HOOKS = Path(__file__).with_name("schemathesis_hooks.py")
# positive_data_acceptance's own default (5xx is left to not_a_server_error).
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
# Examples per operation: a few in `make test` (CI's time), many in `make fuzz`.
MAX_EXAMPLES = os.environ.get("CASELOAD_FUZZ_MAX_EXAMPLES", "10")
SEED = os.environ.get("CASELOAD_FUZZ_SEED", "20240501")


def schemathesis_command() -> list[str]:
    exe = Path(sys.executable).with_name("schemathesis")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("schemathesis") or shutil.which("st")
    assert found, "schemathesis is not installed (pip install -e '.[dev]')"
    return [found]


def fuzz_config(document: dict, bearer: dict[str, str]) -> str:
    """schemathesis.toml: whose token each operation sends, and the statuses a schema-valid
    request may also get where the document lists state rules.

    `bearer` maps an operation id to a token ("*" for every other operation): refresh
    needs a refresh token, and logout revokes its own login, so each gets a login of its own.
    """
    default = bearer["*"]
    lines = [
        f'headers = {{ Authorization = "Bearer {default}" }}',
        # No NUL in generated strings: the document states in prose that every string is
        # refused with one (OpenAPI 3.0 cannot say it of object keys); test_bad_input.py
        # sends them on purpose.
        "generation.allow-x00 = false",
        "",
    ]
    for item in document["paths"].values():
        for method, operation in item.items():
            if method == "parameters":
                continue
            operation_id = operation["operationId"]
            token = bearer.get(operation_id)
            statuses = sorted({str(rule["status"]) for rule in operation.get("x-state-rules", [])})
            if token is None and not statuses:
                continue
            lines += ["[[operations]]", f'include-operation-id = "{operation_id}"']
            if token is not None:
                lines.append(f'headers = {{ Authorization = "Bearer {token}" }}')
            if statuses:
                lines.append(
                    "checks.positive_data_acceptance.expected-statuses = "
                    + json.dumps([*ACCEPTED, *statuses])
                )
            lines.append("")
    return "\n".join(lines)


def run_schemathesis(
    schema_url: str,
    workdir: Path,
    *extra: str,
    config: str = "",
    checks: str = CHECKS,
    timeout: int = max(240, 20 * int(MAX_EXAMPLES)),  # 100 examples: ~400 s per engine
) -> subprocess.CompletedProcess:
    config_path = workdir / "schemathesis.toml"
    config_path.write_text(config, encoding="utf-8")
    return subprocess.run(
        [
            *schemathesis_command(),
            "--config-file",
            str(config_path),
            "run",
            schema_url,
            "--checks",
            checks,
            "--max-examples",
            MAX_EXAMPLES,
            "--seed",
            SEED,
            "--workers",
            "1",
            "--no-shrink",
            "--request-timeout",
            "20",
            # Fixed seed, no example database: the same cases on every run and machine.
            "--generation-database",
            "none",
            *extra,
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={
            **os.environ,
            "NO_COLOR": "1",
            "SCHEMATHESIS_TELEMETRY": "false",
            "SCHEMATHESIS_HOOKS": str(HOOKS),
        },
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
        ("post", "/api/sync/report"),
        ("get", "/api/users"),
        ("post", "/api/auth/password"),
        ("post", "/api/users"),
        ("post", "/api/users/{user_id}/disable"),
        ("post", "/api/users/{user_id}/enable"),
        ("post", "/api/users/{user_id}/password"),
        ("post", "/api/users/{user_id}/role"),
        ("get", "/api/users/actions"),
        ("get", "/api/forms"),
        ("post", "/api/forms"),
        ("get", "/api/organisations"),
        ("get", "/api/referrals/incoming"),
        ("post", "/api/referrals/{referral_id}/accept"),
        ("post", "/api/referrals/{referral_id}/decline"),
        ("get", "/health"),
        ("get", "/metrics"),
        ("get", "/api/openapi.json"),
    }
    documented = {
        (method, path)
        for path, item in document["paths"].items()
        for method in item
        if method != "parameters"
    }
    assert documented == expected


def test_schemathesis_with_every_check_finds_nothing(servers, tmp_path):
    """Every operation, every check: no server error and no difference from the document."""
    fuzz_server = servers.start(dev=True)
    supervisor = fuzz_server.new_user("supervisor")
    # Three logins of one supervisor (login() also stores each on the User).
    tokens = {"*": supervisor.access_token}
    tokens["refresh"] = fuzz_server.login(supervisor)["refresh_token"]
    tokens["logout"] = fuzz_server.login(supervisor)["access_token"]
    with fuzz_server.client() as http:
        document = http.get("/api/openapi.json").json()
    config = fuzz_config(document, tokens)
    # Loaded from a file: schemathesis leaves out the operation serving the schema it loads.
    schema_file = tmp_path / "openapi.json"
    schema_file.write_text(json.dumps(document), encoding="utf-8")
    result = run_schemathesis(
        str(schema_file),
        tmp_path,
        "--url",
        fuzz_server.base_url,
        # A generator's health check, not the API's: with the fixed seed and the document's
        # 27 operations, the session create's generator filters too many of its own drafts
        # (the operation is unchanged; the referrals branch alone passed it). No check on
        # the answers is suppressed.
        "--suppress-health-check",
        "filter_too_much",
        config=config,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, (
        output[-20000:] + "\n--- server log ---\n" + fuzz_server.log()[-5000:]
    )
    assert "generated" in output and "passed" in output
    tested = re.search(r"Tested: (\d+)", output)
    operations = sum(1 for item in document["paths"].values() for m in item if m != "parameters")
    assert tested and int(tested.group(1)) == operations, output[-3000:]
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


def test_the_fuzz_harness_fails_on_a_server_error(tmp_path):
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


class _RuleApi(BaseHTTPRequestHandler):
    """POST /things refuses every body with the same 422; the document lists one state rule."""

    ERROR: dict = {}
    DOCUMENT = {
        "openapi": "3.0.3",
        "info": {"title": "rules", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "makeThing",
                    "x-state-rules": [
                        {"status": 422, "code": "validation_error", "fields": {"name": "is taken"}}
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["name"],
                                    "properties": {"name": {"type": "string"}},
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": {"description": "made"},
                        "422": {
                            "description": "refused",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                    },
                }
            }
        },
    }

    def _answer(self, status: int, document: dict) -> None:
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(200, self.DOCUMENT)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer(422, {"error": self.ERROR})

    def log_message(self, *_args) -> None:
        pass


@pytest.mark.parametrize(
    ("error", "passes"),
    [
        ({"code": "validation_error", "fields": {"name": "is taken"}}, True),
        ({"code": "validation_error", "fields": {"name": "must be 1900 or later"}}, False),
        ({"code": "validation_error", "fields": {"other": "is taken"}}, False),
        ({"code": "bad_request"}, False),
    ],
    ids=["listed", "other-message", "other-field", "other-code"],
)
def test_the_fuzz_harness_takes_only_the_listed_state_rules(tmp_path, error, passes):
    """The 422 a state rule allows is no blank cheque: any other reason fails the run."""
    handler = type("Handler", (_RuleApi,), {"ERROR": error})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        result = run_schemathesis(
            f"http://127.0.0.1:{httpd.server_port}/openapi.json",
            tmp_path,
            "--phases",
            "fuzzing",
            "--max-examples",
            "5",
            config=fuzz_config(_RuleApi.DOCUMENT, {"*": "unused"}),
            checks="positive_data_acceptance,state_rules_only",
            timeout=120,
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert (result.returncode == 0) is passes, result.stdout[-5000:]
    if not passes:
        assert "x-state-rules do not list" in result.stdout, result.stdout[-5000:]
