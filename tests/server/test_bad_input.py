"""Hostile bodies on the real server: deep nesting and text no database can store.

Bodies are sent as bytes made with `json.dumps` (ASCII escapes), because a lone surrogate
cannot be encoded as UTF-8 by an HTTP client's own JSON encoder.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import httpx
import pytest

from tests.server.conftest import ServerProcess, User, beneficiary_body, session_body

SURROGATE = "\udc80"
NUL = "\x00"
BAD_TEXT = [
    pytest.param(SURROGATE, "must be valid Unicode text", id="lone-surrogate"),
    pytest.param(NUL, "must not contain NUL characters", id="nul"),
]
# Deep enough that the JSON parser itself gives up (RecursionError); parsed, but deep enough
# to break code that recurses over it later (a change's fingerprint); just over the cap.
DEEP_BODIES = {
    "parser-limit": b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "near-recursion-limit": b'{"a": ' + b"[" * 900 + b"]" * 900 + b"}",
    "over-the-cap": b'{"a": ' + b"[" * 32 + b"]" * 32 + b"}",
}


def send(http: httpx.Client, method: str, path: str, body: Any, user: User | None = None):
    content = body if isinstance(body, bytes) else json.dumps(body).encode("ascii")
    headers = {"Content-Type": "application/json", **(user.headers if user else {})}
    return http.request(method, path, content=content, headers=headers)


def assert_clean_log(server: ServerProcess) -> None:
    log = server.log()
    assert "Traceback" not in log, log[-5000:]
    assert "unexpected error" not in log, log[-5000:]


@pytest.fixture(scope="module")
def supervisor(server: ServerProcess) -> User:
    return server.new_user("supervisor")


def json_operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    """Every documented operation that takes a JSON body, path parameters filled in."""
    found = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method == "parameters" or "requestBody" not in operation:
                continue
            assert "application/json" in operation["requestBody"]["content"], (method, path)
            # Every path parameter is a record id ({beneficiary_id}, {referral_id}, ...).
            concrete = re.sub(r"\{[a-z_]+\}", lambda _name: str(uuid.uuid4()), path)
            found.append((method.upper(), concrete))
    return found


# --- point 8: deep nesting -----------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(DEEP_BODIES))
def test_deeply_nested_json_is_400_on_every_json_endpoint(http, server, supervisor, shape):
    document = http.get("/api/openapi.json").json()
    operations = json_operations(document)
    # The document lists every route (test_openapi_fuzz checks that); these take a body.
    assert {path for _method, path in operations} >= {"/api/auth/login", "/api/sync/push"}
    assert len(operations) >= 7
    for method, path in operations:
        for user in (None, supervisor):
            response = send(http, method, path, DEEP_BODIES[shape], user)
            where = f"{method} {path} signed in: {user is not None}"
            if user is None and response.status_code == 401:
                continue  # the endpoint needs a token; it never read the body
            assert response.status_code == 400, (where, response.text)
            error = response.json()["error"]
            assert error["code"] == "bad_request", where
            assert "nests too deeply" in error["message"], where
    assert_clean_log(server)


def test_a_push_nested_just_within_the_cap_is_answered_per_change(http, server, supervisor):
    """Nesting inside a change's data up to the cap is an ordinary bad field, not a 400."""
    record_id = str(uuid.uuid4())
    nested: Any = "x"
    for _ in range(26):
        nested = [nested]
    response = send(
        http,
        "POST",
        "/api/sync/push",
        {"changes": [_change(record_id, beneficiary_body(notes=nested))]},
        supervisor,
    )
    assert response.status_code == 200, response.text
    (result,) = response.json()["data"]["results"]
    assert result["status"] == "rejected"
    assert result["errors"] == {"notes": "must be a string"}
    assert_clean_log(server)


# --- point 9: text no database can store ---------------------------------------------


def _change(record_id: str, data: Any, entity: str = "beneficiary", **extra: Any):
    return {
        "entity": entity,
        "id": record_id,
        "op": "upsert",
        "base_version": None,
        "idempotency_key": uuid.uuid4().hex,
        "data": data,
        **extra,
    }


@pytest.mark.parametrize("wire", ["escaped", "raw-utf8"])
@pytest.mark.parametrize(("bad", "problem"), BAD_TEXT)
def test_push_rejects_only_the_changes_with_unstorable_text(
    http, server, supervisor, bad, problem, wire
):
    """`raw-utf8`: the body's text is UTF-8, a lone surrogate written as its three bytes
    (json.loads takes them, "surrogatepass"); NUL is escaped either way."""
    parent = str(uuid.uuid4())
    good = [parent, str(uuid.uuid4()), str(uuid.uuid4())]
    tag = uuid.uuid4().hex[:8]
    batch = [
        _change(good[0], beneficiary_body(case_number=f"OK-{tag}")),
        _change(str(uuid.uuid4()), beneficiary_body(case_number=f"X{bad}")),
        _change(
            str(uuid.uuid4()),
            session_body(beneficiary_id=f"{parent[:-1]}{bad}"),
            entity="case_session",
        ),
        _change(f"{uuid.uuid4()}{bad}", beneficiary_body()),
        _change(good[1], session_body(beneficiary_id=parent), entity="case_session"),
        {**_change(str(uuid.uuid4()), beneficiary_body()), "idempotency_key": f"k{bad}"},
        _change(str(uuid.uuid4()), {**beneficiary_body(), f"field{bad}": 1}),
        _change(str(uuid.uuid4()), beneficiary_body(notes=["fine", {"deep": bad}])),
        _change(str(uuid.uuid4()), beneficiary_body(), entity=f"beneficiary{bad}"),
        _change(good[2], beneficiary_body(last_name="Still applied")),
    ]
    body = json.dumps({"changes": batch}, ensure_ascii=wire == "escaped")
    content = body.encode("utf-8", "surrogatepass")
    response = send(http, "POST", "/api/sync/push", content, supervisor)
    assert response.status_code == 200, response.text
    results = response.json()["data"]["results"]
    assert [r["status"] for r in results] == ["applied"] + ["rejected"] * 3 + ["applied"] + [
        "rejected"
    ] * 4 + ["applied"]
    escaped = bad.encode("utf-8", "backslashreplace").decode().replace(NUL, "\\x00")
    assert [r.get("errors") for r in results if r["status"] == "rejected"] == [
        {"case_number": problem},
        {"beneficiary_id": problem},
        {"id": problem},
        {"idempotency_key": problem},
        {f"field{escaped}": f"field name {problem}"},
        {"notes.1.deep": problem},
        {"entity": problem},
    ]
    for result in results:
        if result["status"] == "rejected":
            assert result["code"] == "validation_error"
            assert result["http_status"] == 422
            # Nothing unstorable is repeated back to the client either.
            assert all(bad not in str(result.get(name)) for name in ("id", "idempotency_key"))
    assert results[3]["id"] is None
    assert results[5]["idempotency_key"] is None
    assert [r["id"] for r in results if r["status"] == "applied"] == good
    fetched = send(http, "GET", f"/api/sessions/{good[1]}", b"", supervisor)
    assert fetched.status_code == 200
    assert fetched.json()["data"]["beneficiary_id"] == parent
    assert_clean_log(server)


@pytest.mark.parametrize(("bad", "problem"), BAD_TEXT)
def test_rest_endpoints_answer_422_naming_the_field(http, server, supervisor, bad, problem):
    created = send(http, "POST", "/api/beneficiaries", beneficiary_body(), supervisor)
    assert created.status_code == 201, created.text
    b_id = created.json()["data"]["id"]
    made = send(http, "POST", f"/api/beneficiaries/{b_id}/sessions", session_body(), supervisor)
    assert made.status_code == 201, made.text
    s_id = made.json()["data"]["id"]
    escaped = bad.encode("utf-8", "backslashreplace").decode().replace(NUL, "\\x00")
    cases = [
        ("POST", "/api/beneficiaries", beneficiary_body(case_number=f"C{bad}"), "case_number"),
        ("POST", "/api/beneficiaries", beneficiary_body(caseworker_id=bad), "caseworker_id"),
        ("PUT", f"/api/beneficiaries/{b_id}", {"case_number": f"C{bad}"}, "case_number"),
        ("PUT", f"/api/beneficiaries/{b_id}", {"notes": ["a", bad]}, "notes.1"),
        ("POST", f"/api/beneficiaries/{b_id}/sessions", session_body(location=bad), "location"),
        ("PUT", f"/api/sessions/{s_id}", {"beneficiary_id": f"{b_id}{bad}"}, "beneficiary_id"),
        ("POST", "/api/auth/login", {"username": f"sup{bad}", "password": "x" * 10}, "username"),
        ("POST", "/api/auth/login", {"username": "someone", "password": f"p{bad}"}, "password"),
        ("POST", "/api/auth/register", {"username": f"u{bad}", "password": "x" * 10}, "username"),
        ("POST", "/api/sync/push", {"changes": [], "note": bad}, "note"),
    ]
    for method, path, body, field in cases:
        response = send(http, method, path, body, supervisor)
        assert response.status_code == 422, (method, path, field, response.text)
        error = response.json()["error"]
        assert error["code"] == "validation_error"
        assert error["fields"] == {field: problem}, (method, path)
    named = send(http, "PUT", f"/api/sessions/{s_id}", {f"x{bad}": 1}, supervisor)
    assert named.status_code == 422
    assert named.json()["error"]["fields"] == {f"x{escaped}": f"field name {problem}"}
    # Nothing was written by any of them.
    record = send(http, "GET", f"/api/beneficiaries/{b_id}", b"", supervisor).json()["data"]
    assert record["version"] == 1
    assert_clean_log(server)


def test_query_parameters_and_path_ids_with_nul_are_refused(http, server, supervisor):
    for path, expected in [
        ("/api/beneficiaries?search=a%00b", 422),
        ("/api/beneficiaries?status=active%00", 422),
        ("/api/beneficiaries?page=1%00", 422),
        ("/api/sync/changes?since=1%00", 422),
        ("/api/sync/changes?exclude_run=abcdefgh%00", 422),
        ("/api/beneficiaries/%00", 404),
        ("/api/beneficiaries/a%00b/sessions", 404),
        ("/api/sessions/a%00b", 404),
    ]:
        response = http.get(path, headers=supervisor.headers)
        assert response.status_code == expected, (path, response.text)
        assert "error" in response.json()
    for method in ("PUT", "DELETE"):
        for path in ("/api/beneficiaries/a%00b", "/api/sessions/a%00b"):
            response = send(http, method, path, {}, supervisor)
            assert response.status_code == 404, (method, path, response.text)
    assert_clean_log(server)
