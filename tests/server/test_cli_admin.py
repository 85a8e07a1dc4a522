"""`caseload-server users …`, `organisations …`, `backup` and `restore`: one line each, no
migration chatter, and a restore drill on the encrypted SQLite file and on PostgreSQL
(whose backups are sealed with the backup key)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest
import sqlalchemy as sa

from server import sealed
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


def _with_one_record(server, last_name: str):
    """A new caseworker and one beneficiary of theirs: (the user, the answer)."""
    user = server.new_user("caseworker")
    with server.client() as http:
        made = http.post(
            "/api/beneficiaries", json=beneficiary_body(last_name=last_name), headers=user.headers
        )
    assert made.status_code == 201, made.text
    return user, made


def test_restore_drill(servers, tmp_path):
    """Make data, back up while serving, change and destroy it, restore, check the data and
    a laptop's sync against it; a wrong file or another key is refused and changes nothing."""
    first = servers.start(dev=False)
    user, kept = _with_one_record(first, "Kept")
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
    content = backup_file.read_bytes()
    # Encrypted with the database key (SQLite) or sealed with the backup key (PostgreSQL).
    assert b"SQLite format 3" not in content[:16] and not content.startswith(b"PGDMP")
    assert b"Kept" not in content and b"Haddad" not in content
    if sqlite:
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


def test_postgres_backups_are_sealed(servers, tmp_path):
    """The dump never reaches the disk in plain text; a changed, cut or foreign backup,
    or a missing key, is refused and changes nothing; an older unsealed archive is still
    restored."""
    if servers.backend != "postgres":
        pytest.skip("SQLite backups are encrypted with the database key (the drill above)")
    server = servers.start(dev=False)
    _with_one_record(server, "Sealed")
    key_file = server.data_dir / "backup-key"
    assert not key_file.exists()
    backup_file = tmp_path / "sealed.backup"
    assert server.run_cli("backup", str(backup_file)).returncode == 0
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    content = backup_file.read_bytes()
    assert content.startswith(b"CASELOAD-SEALED") and b"PGDMP" not in content
    assert b"Sealed" not in content and b"beneficiaries" not in content
    server.stop()
    engine = sa.create_engine(server.env["DATABASE_URL"])

    def names() -> list[str]:
        with engine.connect() as conn:
            return list(conn.exec_driver_sql("SELECT last_name FROM beneficiaries").scalars())

    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE beneficiaries SET last_name = 'Later'")

    def refused(path, expected: str, env: dict[str, str] | None = None) -> None:
        done = server.run_cli("restore", str(path), extra_env=env)
        assert done.returncode == 1 and expected in done.stderr, done.stderr
        assert names() == ["Later"], "a refused restore changes nothing"

    changed = tmp_path / "changed.backup"
    flipped = bytearray(content)
    flipped[len(flipped) // 2] ^= 0x01
    changed.write_bytes(bytes(flipped))
    refused(changed, "damaged or cut short")
    cut = tmp_path / "cut.backup"
    cut.write_bytes(content[:-40])
    refused(cut, "damaged or cut short")
    refused(backup_file, "sealed with another key", {"CASELOAD_BACKUP_KEY": "ab" * 32})
    key_file.rename(tmp_path / "kept-key")
    refused(backup_file, "backup key file")
    (tmp_path / "kept-key").rename(key_file)

    # A backup made before they were sealed: the plain pg_dump archive.
    key = bytes.fromhex(key_file.read_text())
    older = tmp_path / "older.backup"
    with backup_file.open("rb") as source:
        older.write_bytes(b"".join(sealed.unseal(source, key)))
    assert older.read_bytes().startswith(b"PGDMP")
    restored = server.run_cli("restore", str(older))
    assert restored.returncode == 0, restored.stderr
    assert names() == ["Sealed"]

    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE beneficiaries SET last_name = 'Later'")
    restored = server.run_cli("restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert names() == ["Sealed"]
    engine.dispose()


def test_sealed_files_refuse_every_change(tmp_path):
    """Round trips at chunk boundaries, and every cut or swap of chunks is refused."""
    key = os.urandom(32)
    sizes = (0, 1, sealed.CHUNK - 1, sealed.CHUNK, sealed.CHUNK + 1, 2 * sealed.CHUNK + 5)
    for size in sizes:
        plain = os.urandom(size)
        path = tmp_path / f"s{size}"
        with path.open("wb") as out:
            sealed.seal([plain[:7], plain[7:]], out, key)
        with path.open("rb") as source:
            assert b"".join(sealed.unseal(source, key)) == plain
    whole = (tmp_path / f"s{sizes[-1]}").read_bytes()  # three chunks: full, full, 5 bytes
    first_end = sealed.HEADER_BYTES + 4 + sealed.CHUNK + 16
    second_end = first_end + 4 + sealed.CHUNK + 16
    header, one = whole[: sealed.HEADER_BYTES], whole[sealed.HEADER_BYTES : first_end]
    two, last = whole[first_end:second_end], whole[second_end:]
    for variant in (
        header + one,  # cut at a chunk's end
        header + one + two,  # the last chunk dropped
        header + two + one + last,  # chunks swapped
        whole + b"\x00",  # something appended
        whole[:-1],
    ):
        path = tmp_path / "variant"
        path.write_bytes(variant)
        with path.open("rb") as source, pytest.raises(sealed.SealError):
            b"".join(sealed.unseal(source, key))
    with (tmp_path / "s1").open("rb") as source, pytest.raises(sealed.SealError, match="key"):
        b"".join(sealed.unseal(source, os.urandom(32)))
