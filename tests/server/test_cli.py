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


def test_db_purge_deletes_only_what_has_expired(tmp_path):
    from datetime import timedelta

    from sqlalchemy import func, select

    from server.auth import create_user
    from server.db import make_engine, make_session_factory, upgrade, utcnow
    from server.models import (
        IdempotencyRecord,
        LoginFailure,
        RefreshToken,
        RevokedAccessToken,
        TokenFamily,
    )

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db_key = os.urandom(32)  # the CLI below opens the same encrypted database
    engine = make_engine(f"sqlite:///{data_dir / 'caseload.db'}", db_key)
    upgrade(engine)
    now = utcnow()
    old, recent = now - timedelta(days=120), now - timedelta(days=10)
    with make_session_factory(engine)() as session:
        user = create_user(session, "keeper", PASSWORD, role="caseworker")
        session.flush()
        for key, at in (("old-key", old), ("recent-key", recent)):
            session.add(
                IdempotencyRecord(
                    user_id=user.id, key=key, fingerprint="f", result="{}", created_at=at
                )
            )
        session.add_all(
            [
                TokenFamily(id="family-expired", user_id=user.id, created_at=old),
                TokenFamily(id="family-live", user_id=user.id, created_at=old),
            ]
        )
        session.flush()
        session.add_all(
            [
                RefreshToken(
                    jti="expired",
                    family_id="family-expired",
                    user_id=user.id,
                    issued_at=old,
                    expires_at=old + timedelta(days=14),
                ),
                RefreshToken(
                    jti="live",
                    family_id="family-live",
                    user_id=user.id,
                    issued_at=now,
                    expires_at=now + timedelta(days=14),
                ),
                RevokedAccessToken(jti="gone", expires_at=old),
                RevokedAccessToken(jti="still", expires_at=now + timedelta(minutes=10)),
                LoginFailure(account_key="keeper", address="127.0.0.1", failed_at=old),
                LoginFailure(account_key="keeper", address="127.0.0.1", failed_at=now),
            ]
        )
        session.commit()

    with_key = {"CASELOAD_DB_KEY": db_key.hex()}
    refused = run("--data-dir", str(data_dir), "db", "purge", "--keep-days", "0", env=with_key)
    assert refused.returncode == 2 and "--keep-days" in refused.stderr
    purged = run("--data-dir", str(data_dir), "db", "purge", env=with_key)
    assert purged.returncode == 0, purged.stderr
    assert "idempotency_records: 1 deleted" in purged.stdout
    with make_session_factory(engine)() as session:

        def left(column):
            return sorted(session.execute(select(column)).scalars())

        assert left(IdempotencyRecord.key) == ["recent-key"]
        assert left(RefreshToken.jti) == ["live"]
        assert left(TokenFamily.id) == ["family-live"]
        assert left(RevokedAccessToken.jti) == ["still"]
        assert session.execute(select(func.count()).select_from(LoginFailure)).scalar() == 1
    engine.dispose()
