"""The password change and the organisation admins' account endpoints, on the real server."""

from __future__ import annotations

import uuid

import pytest

from tests.server.conftest import PASSWORD, User

NEW_PASSWORD = "a brand new passphrase"


def _org() -> str:
    return f"org-{uuid.uuid4().hex[:8]}"


def _fields(response) -> dict[str, str]:
    return response.json()["error"].get("fields", {})


def test_password_change_ends_the_other_sessions(server, http):
    user = server.new_user("caseworker")
    other_login = User(user.id, user.username, user.role, user.organisation)
    server.login(other_login)
    wrong = http.post(
        "/api/auth/password",
        json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
        headers=user.headers,
    )
    assert wrong.status_code == 403
    assert _fields(wrong) == {"current_password": "is not your current password"}
    missing = http.post("/api/auth/password", json={}, headers=user.headers)
    assert set(_fields(missing)) == {"current_password", "new_password"}
    weak = http.post(
        "/api/auth/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=user.headers,
    )
    assert weak.status_code == 422 and "new_password" in _fields(weak)

    changed = http.post(
        "/api/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=user.headers,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["data"] == {"changed": True, "sessions_ended": 1}
    assert http.get("/api/auth/profile", headers=user.headers).status_code == 200
    ended = http.get("/api/auth/profile", headers=other_login.headers)
    assert ended.status_code == 401
    refresh = http.post(
        "/api/auth/refresh", headers={"Authorization": f"Bearer {other_login.refresh_token}"}
    )
    assert refresh.status_code == 401
    old = http.post("/api/auth/login", json={"username": user.username, "password": PASSWORD})
    assert old.status_code == 401
    new = http.post("/api/auth/login", json={"username": user.username, "password": NEW_PASSWORD})
    assert new.status_code == 200
    assert NEW_PASSWORD not in server.log() and PASSWORD not in server.log()


def test_wrong_current_passwords_are_throttled_like_sign_ins(servers):
    server = servers.start(dev=True, CASELOAD_LOGIN_FIRST_DELAY_SECONDS="600")
    user = server.new_user("caseworker")
    body = {"current_password": "wrong guess", "new_password": NEW_PASSWORD}
    with server.client() as http:
        answers = [
            http.post("/api/auth/password", json=body, headers=user.headers).status_code
            for _ in range(6)
        ]
        assert answers == [403] * 5 + [429]
        held = http.post(
            "/api/auth/password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers=user.headers,
        )
        assert held.status_code == 429 and int(held.headers["Retry-After"]) > 0
        # The guesses count against signing in to the account too.
        login = http.post("/api/auth/login", json={"username": user.username, "password": PASSWORD})
        assert login.status_code == 429


@pytest.fixture
def office(server):
    org = _org()
    boss = server.new_user("admin", org)
    return org, boss


def test_an_organisation_admin_manages_their_accounts(server, http, office):
    org, boss = office
    made = http.post(
        "/api/users",
        json={"username": f"w_{uuid.uuid4().hex[:8]}", "password": PASSWORD, "role": "caseworker"},
        headers=boss.headers,
    )
    assert made.status_code == 201, made.text
    account = made.json()["data"]
    assert (account["organisation"], account["role"], account["active"]) == (
        org,
        "caseworker",
        True,
    )
    worker = User(account["id"], account["username"], "caseworker", org)
    server.login(worker)
    taken = http.post(
        "/api/users",
        json={"username": worker.username.upper(), "password": PASSWORD, "role": "caseworker"},
        headers=boss.headers,
    )
    assert taken.status_code == 409 and _fields(taken) == {"username": "is taken"}
    bad = http.post(
        "/api/users",
        json={"username": "ab", "password": "x", "role": "king"},
        headers=boss.headers,
    )
    assert bad.status_code == 422 and set(_fields(bad)) == {"username", "password", "role"}
    elsewhere = http.post(
        "/api/users",
        json={
            "username": f"x_{uuid.uuid4().hex[:8]}",
            "password": PASSWORD,
            "role": "caseworker",
            "organisation": "someone-else",
        },
        headers=boss.headers,
    )
    assert elsewhere.status_code == 403 and "organisation" in _fields(elsewhere)

    listed = http.get("/api/users", headers=boss.headers).json()["data"]
    assert {u["username"] for u in listed} == {boss.username, worker.username}

    base = f"/api/users/{worker.id}"
    disabled = http.post(f"{base}/disable", headers=boss.headers)
    assert disabled.status_code == 200 and disabled.json()["data"]["active"] is False
    assert http.get("/api/auth/profile", headers=worker.headers).status_code == 401
    assert http.post(f"{base}/enable", headers=boss.headers).json()["data"]["active"] is True
    reset = http.post(f"{base}/password", json={"password": NEW_PASSWORD}, headers=boss.headers)
    assert reset.status_code == 200
    signed_in = http.post(
        "/api/auth/login", json={"username": worker.username, "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 200
    role = http.post(f"{base}/role", json={"role": "supervisor"}, headers=boss.headers)
    assert role.json()["data"]["role"] == "supervisor"
    bad_role = http.post(f"{base}/role", json={"role": "owner"}, headers=boss.headers)
    assert bad_role.status_code == 422 and "role" in _fields(bad_role)

    log = http.get("/api/users/actions", headers=boss.headers)
    assert log.status_code == 200
    entries = log.json()["data"]
    assert [e["action"] for e in entries] == [
        "user.set_role",
        "user.reset_password",
        "user.enable",
        "user.disable",
        "user.add",
    ]
    assert {e["actor"] for e in entries} == {boss.username}
    assert all(NEW_PASSWORD not in str(e) and PASSWORD not in str(e) for e in entries)


def test_the_admin_endpoints_stay_within_the_organisation(server, http, office):
    org, boss = office
    stranger = server.new_user("caseworker", _org())
    for path, body in (
        ("disable", None),
        ("enable", None),
        ("password", {"password": NEW_PASSWORD}),
        ("role", {"role": "admin"}),
    ):
        answer = http.post(
            f"/api/users/{stranger.id}/{path}", json=body or {}, headers=boss.headers
        )
        assert answer.status_code == 404, (path, answer.text)
    assert http.get("/api/auth/profile", headers=stranger.headers).status_code == 200

    supervisor = server.new_user("supervisor", org)
    for method, path, body in (
        ("post", "/api/users", {"username": "abcdef", "password": PASSWORD, "role": "admin"}),
        ("post", f"/api/users/{boss.id}/disable", None),
        ("post", f"/api/users/{boss.id}/role", {"role": "caseworker"}),
        ("get", "/api/users/actions", None),
    ):
        answer = http.request(method, path, json=body, headers=supervisor.headers)
        assert answer.status_code == 403, (path, answer.text)

    last = http.post(f"/api/users/{boss.id}/disable", headers=boss.headers)
    assert last.status_code == 409 and last.json()["error"]["code"] == "last_admin"
    demote = http.post(
        f"/api/users/{boss.id}/role", json={"role": "caseworker"}, headers=boss.headers
    )
    assert demote.status_code == 409 and _fields(demote) == {
        "role": "would leave the organisation without an active admin"
    }
    own = http.post(
        f"/api/users/{boss.id}/password", json={"password": NEW_PASSWORD}, headers=boss.headers
    )
    assert own.status_code == 403 and "user" in _fields(own)
