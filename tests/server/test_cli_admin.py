"""`caseload-server users …`, `organisations …`, `backup` and `restore`: one line each, no
migration chatter, and a restore drill on the encrypted SQLite file and on PostgreSQL."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest
import sqlalchemy as sa

from tests.server.conftest import PASSWORD, REPO_ROOT, beneficiary_body
from tests.server.test_cli import run

pytestmark = pytest.mark.slow
NEW_PASSWORD = "another long passphrase"


def cli(data_dir, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {"CASELOAD_NEW_PASSWORD": password} if password else None
    return run("--data-dir", str(data_dir), *args, env=env)


def line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", "no log lines without --verbose"
    (only,) = done.stdout.splitlines()
    return only


def test_users_and_organisations_on_the_command_line(tmp_path):
    data = tmp_path / "data"
    made = line(
        cli(
            data,
            "users",
            "add",
            "Lead",
            "--role",
            "admin",
            "--organisation",
            "north",
            password=PASSWORD,
        )
    )
    assert re.fullmatch(
        r"Created admin account Lead in new organisation north \(id [0-9a-f-]{36}\)\.", made
    )
    line(
        cli(
            data,
            "users",
            "add",
            "worker.one",
            "--role",
            "caseworker",
            "--organisation",
            "north",
            password=PASSWORD,
        )
    )
    listing = cli(data, "users", "list").stdout.splitlines()
    assert listing[0].split() == ["USERNAME", "ROLE", "ORGANISATION", "STATE", "LAST", "SIGN-IN"]
    assert [row.split()[:4] for row in listing[1:]] == [
        ["Lead", "admin", "north", "active"],
        ["worker.one", "caseworker", "north", "active"],
    ]
    assert line(cli(data, "users", "disable", "WORKER.ONE")) == (
        "Disabled the caseworker account worker.one of organisation north; 0 session(s) ended."
    )
    assert "already disabled" in line(cli(data, "users", "disable", "worker.one"))
    assert line(cli(data, "users", "enable", "worker.one")).startswith("Enabled the caseworker")
    reset = line(cli(data, "users", "reset-password", "worker.one", password=NEW_PASSWORD))
    assert reset.startswith("Set a new password for the caseworker account worker.one")
    assert line(cli(data, "users", "set-role", "worker.one", "supervisor")) == (
        "worker.one of organisation north is now supervisor (was caseworker)."
    )
    assert (
        line(cli(data, "organisations", "add", "East Office")) == "Added organisation East Office."
    )
    orgs = cli(data, "organisations", "list").stdout.splitlines()
    assert [row.split()[-2:] for row in orgs[1:]] == [["0", "0"], ["2", "2"]]
    renamed = line(cli(data, "organisations", "rename", "north", "North Office"))
    assert renamed.startswith("Renamed organisation north to North Office: 2 account(s)")
    assert "North Office" in cli(data, "users", "list", "--organisation", "North Office").stdout

    for args, message in (
        (("users", "disable", "nobody"), "No such user. (username is not a user on this server)"),
        (("organisations", "rename", "North Office", "East Office"), "new_name is taken"),
        (("organisations", "add", ""), "name must not be empty"),
    ):
        refused = cli(data, *args)
        assert refused.returncode == 1 and message in refused.stderr, refused.stderr
    weak = cli(data, "users", "reset-password", "Lead", password="short")
    assert weak.returncode == 1 and "password must be at least 8 characters" in weak.stderr
    assert "short" not in weak.stderr.replace("password must be at least", "")
    bad_role = cli(data, "users", "set-role", "Lead", "king")
    assert bad_role.returncode == 2 and "role" in bad_role.stderr
    # The old names still work.
    assert line(cli(data, "disable-user", "worker.one")).startswith("Disabled the supervisor")
    verbose = run("--data-dir", str(tmp_path / "other"), "--verbose", "users", "list")
    assert "Running upgrade" in verbose.stderr and verbose.stdout.strip() == "None found."


def _count(http, user) -> list[str]:
    listed = http.get("/api/beneficiaries", headers=user.headers)
    assert listed.status_code == 200, listed.text
    return sorted(b["last_name"] for b in listed.json()["data"])


def test_restore_drill(servers, tmp_path):
    """Make data, back up while serving, change and destroy it, restore, check the data and
    a laptop's sync against it; a wrong file or another key is refused and changes nothing."""
    first = servers.start(dev=False)
    user = first.new_user("caseworker")
    with first.client() as http:
        kept = http.post(
            "/api/beneficiaries", json=beneficiary_body(last_name="Kept"), headers=user.headers
        )
        assert kept.status_code == 201, kept.text
    backup_file = tmp_path / "caseload.backup"
    done = first.run_cli("backup", str(backup_file))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    (said,) = done.stdout.splitlines()
    assert re.fullmatch(
        r"Backed up the (SQLite|PostgreSQL) database .* at revision \d{4} to "
        + re.escape(str(backup_file))
        + r" \(\d+ bytes\)\.",
        said,
    ), said
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    again = first.run_cli("backup", str(backup_file))
    assert again.returncode == 1 and "exists" in again.stderr

    with first.client() as http:
        later = http.post(
            "/api/beneficiaries", json=beneficiary_body(last_name="Later"), headers=user.headers
        )
        assert later.status_code == 201
        assert _count(http, user) == ["Kept", "Later"]
    sqlite = servers.backend == "sqlite"
    database = first.data_dir / "caseload.db"
    if sqlite:
        content = backup_file.read_bytes()
        assert b"SQLite format 3" not in content[:16] and b"Kept" not in content
        assert b"Haddad" not in content  # encrypted with the database key
        serving = first.run_cli("restore", str(backup_file))
        assert serving.returncode == 1 and "server is running" in serving.stderr
    first.stop()

    # Files that are not this server's backups are refused, and the database stays.
    junk = tmp_path / "junk.backup"
    junk.write_bytes(os.urandom(4096))
    refused = first.run_cli("restore", str(junk))
    assert refused.returncode == 1 and "not a Caseload" in refused.stderr, refused.stderr
    if sqlite:
        stranger = servers.start(dev=False)
        foreign = tmp_path / "other-key.backup"
        assert stranger.run_cli("backup", str(foreign)).returncode == 0
        stranger.stop()
        wrong_key = first.run_cli("restore", str(foreign))
        assert wrong_key.returncode == 1, wrong_key.stderr
        assert "made with another key" in wrong_key.stderr
        assert not database.with_name("caseload.db.restoring").exists()
        # Then the database is destroyed.
        database.write_bytes(os.urandom(8192))
        for side in ("-wal", "-shm"):
            database.with_name(database.name + side).unlink(missing_ok=True)
    else:
        engine = sa.create_engine(first.env["DATABASE_URL"])
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE beneficiaries CASCADE")
        engine.dispose()

    restored = first.run_cli("restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert restored.stderr == "" and restored.stdout.startswith("Restored the ")
    if sqlite:
        assert database.with_name("caseload.db.pre-restore").exists()

    second = servers.start(dev=False, like=first)
    second.login(user)
    with second.client() as http:
        assert _count(http, user) == ["Kept"]
        pulled = http.get("/api/sync/changes", params={"since": 0}, headers=user.headers)
        assert pulled.status_code == 200, pulled.text
        ids = [c["id"] for c in pulled.json()["data"]["changes"]]
        assert kept.json()["data"]["id"] in ids
        pushed = http.post(
            "/api/beneficiaries", json=beneficiary_body(last_name="After"), headers=user.headers
        )
        assert pushed.status_code == 201


def test_restore_refuses_a_backup_of_the_other_engine(servers, tmp_path):
    server = servers.start(dev=False)
    if servers.backend == "sqlite":
        other = tmp_path / "pg.backup"
        other.write_bytes(b"PGDMP" + os.urandom(100))
        expected = "is a PostgreSQL backup; this server uses SQLite"
    else:
        other = tmp_path / "sqlite.backup"
        other.write_bytes(b"SQLite format 3\x00" + os.urandom(100))
        expected = "not a Caseload PostgreSQL backup (an SQLite file)"
    server.stop()
    refused = server.run_cli("restore", str(other))
    assert refused.returncode == 1 and expected in refused.stderr, refused.stderr


def test_postgres_tools_missing_is_a_clear_error(servers, tmp_path):
    if servers.backend != "postgres":
        pytest.skip("pg_dump is used on PostgreSQL only")
    server = servers.start(dev=False)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "--data-dir",
            str(server.data_dir),
            "backup",
            str(tmp_path / "x.backup"),
        ],
        env={**server.env, "PATH": str(tmp_path)},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "pg_dump is not on PATH" in done.stderr
    assert not (tmp_path / "x.backup").exists()
