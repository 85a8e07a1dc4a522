"""The `caseload-server` command: accounts, migrations, the signing key, restarts."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from tests.server.conftest import PASSWORD, REPO_ROOT

pytestmark = pytest.mark.slow


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_")}
    full_env.pop("DATABASE_URL", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=REPO_ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_db_upgrade_and_create_user_on_sqlite(tmp_path):
    data_dir = str(tmp_path / "data")
    upgraded = run("--data-dir", data_dir, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    again = run("--data-dir", data_dir, "db", "upgrade")
    assert again.returncode == 0, "upgrading twice is harmless"
    assert (tmp_path / "data" / "caseload.db").exists()

    made = run(
        "--data-dir",
        data_dir,
        "create-user",
        "Boss",
        "--role",
        "admin",
        env={"CASELOAD_NEW_PASSWORD": PASSWORD},
    )
    assert made.returncode == 0, made.stderr
    weak = run(
        "--data-dir",
        data_dir,
        "create-user",
        "weakling",
        "--role",
        "caseworker",
        env={"CASELOAD_NEW_PASSWORD": "short"},
    )
    assert weak.returncode == 1
    assert "password" in weak.stderr
    assert PASSWORD not in made.stdout + made.stderr


def test_bad_role_is_refused():
    result = run("create-user", "someone", "--role", "king")
    assert result.returncode == 2
    assert "role" in result.stderr


def test_jwt_secret_file_is_private_and_survives_restarts(servers):
    first = servers.start(dev=True)
    secret_file = first.data_dir / "jwt-secret"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert len(bytes.fromhex(secret_file.read_text().strip())) == 32
    user = first.new_user()
    first.stop()

    second = servers.start(dev=True, like=first)
    with second.client() as http:
        profile = http.get("/api/auth/profile", headers=user.headers)
    assert profile.status_code == 200, "tokens stay valid across a restart"
    log = first.log() + second.log()
    assert user.access_token not in log
    assert PASSWORD not in log


def test_jwt_secret_from_the_environment(servers):
    server = servers.start(dev=True, CASELOAD_JWT_SECRET="s" * 40)
    assert not (server.data_dir / "jwt-secret").exists()
    user = server.new_user()
    with server.client() as http:
        assert http.get("/api/auth/profile", headers=user.headers).status_code == 200


def test_too_short_jwt_secret_is_refused(tmp_path):
    result = run("--data-dir", str(tmp_path), env={"CASELOAD_JWT_SECRET": "short"})
    assert result.returncode == 2
    assert "CASELOAD_JWT_SECRET" in result.stderr


def test_logs_hold_no_personal_data(servers):
    server = servers.start(dev=True)
    user = server.new_user()
    with server.client() as http:
        created = http.post(
            "/api/beneficiaries",
            json={"first_name": "Quintessa", "last_name": "Marvellous", "notes": "Secretive"},
            headers=user.headers,
        )
        assert created.status_code == 201
        http.post("/api/auth/login", json={"username": user.username, "password": "WrongPass!"})
    log = server.log()
    assert created.json()["data"]["id"] in log
    for secret in ("Quintessa", "Marvellous", "Secretive", "WrongPass!", PASSWORD):
        assert secret not in log


def test_disable_user_ends_every_session(servers):
    server = servers.start(dev=True)
    user = server.new_user()
    with server.client() as http:
        assert http.get("/api/auth/profile", headers=user.headers).status_code == 200
        done = server.run_cli("disable-user", user.username.upper())
        assert done.returncode == 0, done.stderr
        profile = http.get("/api/auth/profile", headers=user.headers)
        assert profile.status_code == 401
        assert profile.json()["error"]["code"] in ("token_revoked", "user_not_found")
        refreshed = http.post(
            "/api/auth/refresh", headers={"Authorization": f"Bearer {user.refresh_token}"}
        )
        assert refreshed.status_code == 401
        login = http.post("/api/auth/login", json={"username": user.username, "password": PASSWORD})
        assert login.status_code == 401
    assert server.run_cli("disable-user", "nobody-here").returncode == 1
