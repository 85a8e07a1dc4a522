"""Accounts and tokens: login, refresh rotation and reuse detection, logout, expiry, throttling."""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest

from tests.server.conftest import PASSWORD, User


def client_from(server, address: str) -> httpx.Client:
    """A client whose requests come from another loopback address (for per-address limits)."""
    transport = httpx.HTTPTransport(local_address=address)
    client = httpx.Client(base_url=server.base_url, transport=transport, timeout=30)
    server._clients.append(client)
    return client


def secret_of(server) -> bytes:
    return bytes.fromhex((server.data_dir / "jwt-secret").read_text().strip())


def assert_401(response: httpx.Response, code: str | None = None) -> None:
    assert response.status_code == 401, response.text
    error = response.json()["error"]
    assert set(error) >= {"code", "message"}
    if code is not None:
        assert error["code"] == code, error


def test_login_returns_tokens_and_user(http, server):
    user = server.new_user("supervisor")
    data = server.login(user)
    assert data["token_type"] == "Bearer"
    assert data["expires_in"] == 15 * 60
    assert data["refresh_expires_in"] == 14 * 24 * 3600
    assert data["user"]["id"] == user.id
    assert data["user"]["role"] == "supervisor"
    claims = jwt.decode(data["access_token"], secret_of(server), algorithms=["HS256"])
    assert claims["sub"] == user.id and isinstance(claims["sub"], str)
    assert claims["type"] == "access"
    profile = http.get("/api/auth/profile", headers=user.headers)
    assert profile.status_code == 200
    assert profile.json()["data"]["username"] == user.username
    assert "password_hash" not in profile.json()["data"]


def test_usernames_are_case_insensitive(http, server):
    user = server.new_user()
    response = http.post(
        "/api/auth/login", json={"username": user.username.upper(), "password": PASSWORD}
    )
    assert response.status_code == 200
    taken = http.post(
        "/api/auth/register", json={"username": user.username.upper(), "password": PASSWORD}
    )
    assert taken.status_code == 409


def test_register_validates_fields(http):
    response = http.post("/api/auth/register", json={"username": "x", "password": "short"})
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"username", "password"}


def test_unknown_user_and_wrong_password_get_the_same_answer(server):
    user = server.new_user()
    client = client_from(server, "127.0.0.5")
    timings: dict[str, list[float]] = {"unknown": [], "wrong": []}
    bodies = set()
    for _ in range(3):
        for kind, name in (("unknown", f"nobody_{uuid.uuid4().hex[:6]}"), ("wrong", user.username)):
            started = time.perf_counter()
            response = client.post(
                "/api/auth/login", json={"username": name, "password": "wrong password"}
            )
            timings[kind].append(time.perf_counter() - started)
            assert response.status_code == 401
            bodies.add(response.text)
    assert len(bodies) == 1
    assert '"wrong username or password"' in bodies.pop()
    # Both run a full argon2 verification; a missing one would be ~100x faster.
    assert min(timings["unknown"]) > 0.2 * statistics.median(timings["wrong"])


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not.a.token"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer " + "a" * 5000},
    ],
)
def test_missing_or_malformed_tokens_are_401_in_the_envelope(http, headers):
    for method, path in (
        ("GET", "/api/auth/profile"),
        ("GET", "/api/beneficiaries"),
        ("POST", "/api/beneficiaries"),
        ("GET", f"/api/beneficiaries/{uuid.uuid4()}"),
        ("POST", "/api/sync/push"),
        ("GET", "/api/sync/changes"),
        ("POST", "/api/auth/refresh"),
        ("POST", "/api/auth/logout"),
    ):
        assert_401(http.request(method, path, headers=headers, json={}))


def forge(server, user_id: str, **claims) -> str:
    now = datetime.now(UTC)
    payload = {
        "sub": user_id,
        "type": "access",
        "fresh": False,
        "jti": uuid.uuid4().hex,
        "iat": now,
        "nbf": now,
        "exp": now + timedelta(minutes=5),
        **claims,
    }
    return jwt.encode(payload, claims.pop("key", None) or secret_of(server), algorithm="HS256")


def test_tokens_that_are_not_ours_are_401(http, server, caseworker):
    family = jwt.decode(caseworker.access_token, secret_of(server), algorithms=["HS256"])["fam"]
    cases = {
        "wrong key": jwt.encode(
            {"sub": caseworker.id, "type": "access", "fam": family, "jti": "x", "exp": 2**31},
            b"k" * 32,
            algorithm="HS256",
        ),
        "alg none": jwt.encode(
            {"sub": caseworker.id, "type": "access", "fam": family}, None, algorithm="none"
        ),
        "no family": forge(server, caseworker.id),
        "unknown family": forge(server, caseworker.id, fam=str(uuid.uuid4())),
        "unknown user": forge(server, str(uuid.uuid4()), fam=family),
        "expired": forge(
            server, caseworker.id, fam=family, exp=datetime.now(UTC) - timedelta(seconds=5)
        ),
    }
    for name, token in cases.items():
        response = http.get("/api/auth/profile", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert "error" in response.json(), name


def test_refresh_token_is_not_an_access_token_and_vice_versa(http, caseworker):
    assert_401(
        http.get(
            "/api/auth/profile", headers={"Authorization": f"Bearer {caseworker.refresh_token}"}
        )
    )
    assert_401(http.post("/api/auth/refresh", headers=caseworker.headers))


def refresh(http, refresh_token: str) -> httpx.Response:
    return http.post("/api/auth/refresh", headers={"Authorization": f"Bearer {refresh_token}"})


def test_refresh_rotates_and_a_replay_revokes_the_family(http, server):
    user = server.new_user()
    other_login = User(user.id, user.username, user.role, user.organisation)
    server.login(other_login)

    first = refresh(http, user.refresh_token)
    assert first.status_code == 200, first.text
    rotated = first.json()["data"]
    assert rotated["refresh_token"] != user.refresh_token
    assert (
        http.get(
            "/api/auth/profile", headers={"Authorization": f"Bearer {rotated['access_token']}"}
        ).status_code
        == 200
    )

    second = refresh(http, rotated["refresh_token"])
    assert second.status_code == 200
    newest = second.json()["data"]

    # The first refresh token is replayed (stolen copy): the whole family is revoked.
    assert_401(refresh(http, user.refresh_token), "token_reused")
    assert_401(refresh(http, newest["refresh_token"]), "token_revoked")
    assert_401(
        http.get(
            "/api/auth/profile", headers={"Authorization": f"Bearer {newest['access_token']}"}
        ),
        "token_revoked",
    )
    # Another login of the same user is a different family and keeps working.
    assert http.get("/api/auth/profile", headers=other_login.headers).status_code == 200
    assert refresh(http, other_login.refresh_token).status_code == 200


def test_logout_revokes_access_and_refresh_tokens(http, server):
    user = server.new_user()
    response = http.post("/api/auth/logout", headers=user.headers)
    assert response.status_code == 200
    assert_401(http.get("/api/auth/profile", headers=user.headers), "token_revoked")
    assert_401(refresh(http, user.refresh_token), "token_revoked")
    assert_401(http.post("/api/auth/logout", headers=user.headers), "token_revoked")
    server.login(user)
    assert http.get("/api/auth/profile", headers=user.headers).status_code == 200


def test_logout_with_the_refresh_token_also_ends_the_login(http, server):
    user = server.new_user()
    response = http.post(
        "/api/auth/logout", headers={"Authorization": f"Bearer {user.refresh_token}"}
    )
    assert response.status_code == 200
    assert_401(http.get("/api/auth/profile", headers=user.headers), "token_revoked")


def test_login_body_errors(http):
    assert http.post("/api/auth/login", content=b"{").status_code == 400
    missing = http.post("/api/auth/login", json={"username": "someone"})
    assert missing.status_code == 422
    assert "password" in missing.json()["error"]["fields"]


@pytest.fixture(scope="module")
def short_server(servers):
    return servers.start(
        dev=True, CASELOAD_ACCESS_TOKEN_SECONDS="2", CASELOAD_REFRESH_TOKEN_SECONDS="5"
    )


@pytest.fixture(scope="module")
def production(servers):
    return servers.start(dev=False)


class TestShortLivedTokens:
    def test_access_and_refresh_tokens_expire(self, short_server):
        user = short_server.new_user()
        with short_server.client() as http:
            assert http.get("/api/auth/profile", headers=user.headers).status_code == 200
            time.sleep(2.5)
            assert_401(http.get("/api/auth/profile", headers=user.headers), "token_expired")
            renewed = refresh(http, user.refresh_token)
            assert renewed.status_code == 200, renewed.text
            token = renewed.json()["data"]["access_token"]
            assert (
                http.get("/api/auth/profile", headers={"Authorization": f"Bearer {token}"})
            ).status_code == 200
            time.sleep(5.5)
            assert_401(refresh(http, renewed.json()["data"]["refresh_token"]), "token_expired")


class TestProductionMode:
    def test_registration_is_closed(self, production):
        with production.client() as http:
            response = http.post(
                "/api/auth/register", json={"username": "newcomer", "password": PASSWORD}
            )
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "registration_closed"

    def test_accounts_made_by_the_cli_can_sign_in(self, production):
        user = production.new_user("admin")
        with production.client() as http:
            profile = http.get("/api/auth/profile", headers=user.headers).json()["data"]
        assert profile["role"] == "admin"
        again = production.run_cli(
            "create-user", user.username, "--role", "admin", password=PASSWORD
        )
        assert again.returncode == 1
        assert "taken" in again.stderr


def test_parallel_refreshes_of_one_token_issue_one_pair(server):
    user = server.new_user()
    statuses: list[int] = []
    clients = [server.client() for _ in range(6)]
    for client in clients:
        client.get("/health")  # connect first so that the refreshes start together
    barrier = threading.Barrier(len(clients))

    def attempt(client: httpx.Client) -> None:
        barrier.wait()
        statuses.append(refresh(client, user.refresh_token).status_code)

    threads = [threading.Thread(target=attempt, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [200, 401, 401, 401, 401, 401]
