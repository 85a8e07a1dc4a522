"""The server's SQLite data at rest (issue 10 point 12): encrypted, and private to its owner.

Every server here runs under umask 022, the usual default that made the files 0644.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.server.conftest import PASSWORD, REPO_ROOT, ServerFactory, ServerProcess, User
from tests.server.test_sync import change, push

WRONG_KEY = "ab" * 32


@pytest.fixture
def umask_022() -> Iterator[None]:
    """Servers (subprocesses) inherit the umask of the test process."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def factory(tmp_path: Path, umask_022: None) -> Iterator[ServerFactory]:
    servers = ServerFactory("sqlite", tmp_path, None)
    try:
        yield servers
    finally:
        servers.stop_all()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def database_bytes(data_dir: Path) -> bytes:
    """The database file and whatever SQLite keeps beside it."""
    return b"".join(
        path.read_bytes()
        for path in sorted(data_dir.iterdir())
        if path.name.startswith("caseload.db")
    )


def push_beneficiary(server: ServerProcess, last_name: str) -> tuple[User, str]:
    user = server.new_user()
    record_id = str(uuid.uuid4())
    data = {
        "first_name": "Amina",
        "last_name": last_name,
        "case_number": f"R-{record_id[:8]}",
        "notes": f"Lives with {last_name}'s aunt.",
    }
    with server.client() as http:
        [result] = push(http, user, change("beneficiary", record_id, data))
    assert result["status"] == "applied", result
    return user, record_id


def test_files_and_folder_are_private_whatever_the_umask(factory):
    server = factory.start(dev=True)
    # The test made the data folder 0755 (an older server's), the server tightened it.
    assert mode(server.data_dir) == 0o700
    push_beneficiary(server, "Quartermaine")
    names = {path.name for path in server.data_dir.iterdir()}
    assert {"caseload.db", "caseload.db-wal", "caseload.db-shm", "db-key", "jwt-secret"} <= names
    for name in ("caseload.db", "caseload.db-wal", "caseload.db-shm", "db-key", "jwt-secret"):
        assert mode(server.data_dir / name) == 0o600, name
    # A data folder the server makes itself.
    fresh = server.data_dir.parent / "fresh" / "data"
    done = subprocess.run(
        [sys.executable, "-m", "server", "--data-dir", str(fresh), "db", "upgrade"],
        env=server.env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert mode(fresh) == 0o700
    assert {mode(path) for path in fresh.iterdir()} == {0o600}


def test_the_database_holds_no_plaintext_of_a_pushed_record(factory):
    server = factory.start(dev=True)
    surname = f"Vanterpool{uuid.uuid4().hex[:6]}"
    user, record_id = push_beneficiary(server, surname)
    raw = database_bytes(server.data_dir)
    assert len(raw) > 4096
    assert not raw.startswith(b"SQLite format 3")
    for text in (surname, user.username):
        assert text.encode() not in raw
        assert text.encode("utf-16-le") not in raw
    # The server reads it back after a restart (same key file).
    server.stop()
    again = factory.start(dev=True, like=server)
    again.login(user)
    with again.client() as http:
        found = http.get(f"/api/beneficiaries/{record_id}", headers=user.headers)
    assert found.status_code == 200, found.text
    assert found.json()["data"]["last_name"] == surname


def test_a_wrong_or_missing_key_gives_a_clear_error(factory):
    server = factory.start(dev=True)
    push_beneficiary(server, "Keyholder")
    server.stop()
    wrong = server.run_cli("db", "upgrade", extra_env={"CASELOAD_DB_KEY": WRONG_KEY})
    assert wrong.returncode == 2
    assert "cannot be opened with the database key" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    # The server itself refuses to start with it.
    serving = server.run_cli(extra_env={"CASELOAD_DB_KEY": WRONG_KEY})
    assert serving.returncode == 2
    assert "cannot be opened with the database key" in serving.stderr
    malformed = server.run_cli("db", "upgrade", extra_env={"CASELOAD_DB_KEY": "not hex"})
    assert malformed.returncode == 2
    assert "CASELOAD_DB_KEY must hold 64 hexadecimal characters" in malformed.stderr
    # A lost key file is named as such (and no new key is made over the data).
    key_file = server.data_dir / "db-key"
    key = key_file.read_text()
    key_file.unlink()
    missing = server.run_cli("db", "upgrade")
    assert missing.returncode == 2
    assert "is encrypted but its key file" in missing.stderr
    assert not key_file.exists()
    key_file.write_text(key)
    assert server.run_cli("db", "upgrade").returncode == 0


def test_the_key_can_come_from_the_environment(factory):
    key = os.urandom(32).hex()
    server = factory.start(dev=True, CASELOAD_DB_KEY=key)
    push_beneficiary(server, "Envkey")
    assert not (server.data_dir / "db-key").exists()
    server.stop()
    assert server.run_cli("db", "upgrade").returncode == 0  # server.env holds the key
    assert server.run_cli("db", "upgrade", extra_env={"CASELOAD_DB_KEY": ""}).returncode == 2


def test_a_plaintext_database_from_an_older_server_is_encrypted_in_place(factory, tmp_path):
    from sqlalchemy import text

    from server.auth import create_user
    from server.db import make_engine, make_session_factory, upgrade

    data_dir = tmp_path / "old-server"
    data_dir.mkdir()
    # What an older server left: a plain SQLite file (0644 under umask 022) with an account.
    engine = make_engine(f"sqlite:///{data_dir / 'caseload.db'}")
    upgrade(engine)
    with make_session_factory(engine)() as session:
        create_user(session, "oldtimer", PASSWORD, display_name="Philippa Oldcastle")
        session.commit()
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()
    (data_dir / "caseload.db").chmod(0o644)
    assert b"Philippa Oldcastle" in database_bytes(data_dir)

    server = factory.start(dev=True, like=SimpleNamespace(data_dir=data_dir, env={}))
    assert "encrypted the existing plain-text database" in server.log()
    raw = database_bytes(data_dir)
    assert not raw.startswith(b"SQLite format 3")
    assert b"Philippa Oldcastle" not in raw
    assert not (data_dir / "caseload.db.encrypting").exists()
    assert mode(data_dir / "caseload.db") == 0o600
    with server.client() as http:
        signed_in = http.post(
            "/api/auth/login", json={"username": "oldtimer", "password": PASSWORD}
        )
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["data"]["user"]["display_name"] == "Philippa Oldcastle"
