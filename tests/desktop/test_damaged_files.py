"""Damaged laptop files: an emptied or broken database, a malformed key-slot file,
damaged pages, a closed output pipe, and file modes under a permissive umask."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.auth import keyslots
from desktop.errors import DatabaseCorrupt, KeySlotFileError, UserError
from desktop.services import Services
from desktop.services.maintenance import restore_backup
from tests.conftest import ADMIN_PASSWORD, PASSWORDS
from tests.desktop.test_cli import PASSWORD, caseload

# -- 13: an empty or damaged database keeps every key slot and offers restore ----------


def _backup_then_close(office, target: Path, beneficiaries: int) -> None:
    login = office.login("admin")
    services = Services.for_session(login, office.accounts)
    for n in range(beneficiaries):
        services.beneficiaries.create({"first_name": f"Kept{n}", "last_name": "Backup"})
    services.maintenance.backup(target)
    login.close()  # no WAL left: the file below is the whole database


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _plain_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(b"SQLite format 3\x00" + data[16:])


def _scrambled_first_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = bytes(range(16))  # SQLCipher's salt: the key no longer opens it
    path.write_bytes(bytes(data))


def _missing(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (_empty, "empty (0 bytes)"),
        (_truncate, "truncated"),
        (_plain_header, "not encrypted"),
        (_scrambled_first_page, "does not open with its key"),
        (_missing, "missing"),
    ],
)
def test_damaged_database_keeps_the_slots_and_restores(office, tmp_path, damage, problem):
    backup = tmp_path / "backups-elsewhere" / "good.db"
    _backup_then_close(office, backup, 3)
    slots_before = office.paths.keyslots.read_bytes()
    damage(office.paths.database)

    for username in ("admin", "cara"):
        with pytest.raises(DatabaseCorrupt, match="Restore it from a backup") as refused:
            office.accounts.login(username, PASSWORDS[username])
        assert problem in refused.value.problem
    assert office.paths.keyslots.read_bytes() == slots_before

    restore_backup(office.accounts, "admin", ADMIN_PASSWORD, backup)
    assert office.paths.keyslots.read_bytes() == slots_before
    login = office.login("admin")
    assert Services.for_session(login, office.accounts).beneficiaries.count_visible() == 3
    login.close()
    office.login("cara").close()  # every other user's slot still opens it


def test_cli_emptied_database_says_so_and_restore_works(tmp_path):
    data_dir = tmp_path / "office"
    assert caseload(data_dir, "init", "--admin", "amina").returncode == 0
    added = caseload(
        data_dir, "users", "add", "omar", "--role", "caseworker", new_password="omar passphrase 1"
    )
    assert added.returncode == 0, added.stderr
    assert caseload(data_dir, "demo", "--beneficiaries", "25").returncode == 0
    backup = tmp_path / "usb" / "office.db"
    assert caseload(data_dir, "backup", str(backup)).returncode == 0
    slots_before = (data_dir / "keyslots.json").read_bytes()
    (data_dir / "caseload.db").write_bytes(b"")

    for _ in range(2):  # and again: the first attempt changed nothing
        status = caseload(data_dir, "status")
        assert status.returncode == 1
        assert status.stderr.count("\n") == 1 and "Traceback" not in status.stderr
        assert "empty (0 bytes)" in status.stderr and "caseload restore FILE" in status.stderr
    check = caseload(data_dir, "check")
    assert check.returncode == 1 and "check failed: " in check.stderr
    assert (data_dir / "keyslots.json").read_bytes() == slots_before

    restored = caseload(data_dir, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert json.loads(caseload(data_dir, "status", "--json").stdout)["beneficiaries"] == 25
    assert caseload(data_dir, "check").returncode == 0
    assert (data_dir / "keyslots.json").read_bytes() == slots_before


def test_login_keeps_the_slot_of_an_account_missing_from_the_database(office, tmp_path):
    """An older backup restored: a newer user's slot names an account the database does
    not have. Login says so and the slot stays: only an admin's deactivation removes one."""
    older = tmp_path / "older.db"
    _backup_then_close(office, older, 1)
    login = office.login("admin")
    Services.for_session(login, office.accounts).users.add(
        "newcomer", "caseworker", "newcomer passphrase"
    )
    login.close()
    restore_backup(office.accounts, "admin", ADMIN_PASSWORD, older)
    slots_before = office.paths.keyslots.read_bytes()
    with pytest.raises(UserError, match="not in this database"):
        office.accounts.login("newcomer", "newcomer passphrase")
    assert office.paths.keyslots.read_bytes() == slots_before
    assert "newcomer" in _slots_json(office)["slots"]


# -- 14: a malformed key-slot file --------------------------------------------------------


def _slots_json(office) -> dict:
    return json.loads(office.paths.keyslots.read_text(encoding="utf-8"))


def _write_slots(office, payload: dict) -> None:
    office.paths.keyslots.write_text(json.dumps(payload), encoding="utf-8")


UNREADABLE = ["{not json", "", "[1, 2]", '{"slots": []}', "[" * 100_000, "\xff\xfe"]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_slot_file_is_one_clear_error(office, text):
    office.paths.keyslots.write_text(text, encoding="latin-1" if "\xff" in text else "utf-8")
    before = office.paths.keyslots.read_bytes()
    with pytest.raises(KeySlotFileError) as refused:
        office.accounts.login("admin", ADMIN_PASSWORD)
    message = str(refused.value)
    assert str(office.paths.keyslots) in message and "\n" not in message
    # Nothing may overwrite a file it cannot read: that would drop every slot in it.
    with pytest.raises(KeySlotFileError):
        office.accounts.write_slot("user-x", "xavier", "xavier passphrase", bytes(32))
    assert office.paths.keyslots.read_bytes() == before


BAD_ENTRIES = [
    ("kdf.memory_kib must be a whole number", lambda s: s["kdf"].update(memory_kib="65536")),
    ("kdf.time_cost must be a whole number", lambda s: s["kdf"].update(time_cost=True)),
    ("kdf must be a JSON object", lambda s: s.update(kdf=None)),
    ("kdf has unknown field", lambda s: s["kdf"].update(lanes=4)),
    ("salt must be base64 text", lambda s: s.update(salt=12345)),
    ("nonce is not valid base64", lambda s: s.update(nonce="not base64!")),
    ("wrapped_key holds 3 bytes", lambda s: s.update(wrapped_key="AAAA")),
    ("user_id must be a non-empty text", lambda s: s.pop("user_id")),
    # format 2 (a key pair per slot, issue 10 point 17)
    ("public_key holds 3 bytes", lambda s: s.update(public_key="AAAA")),
    ("sealed_key must be a JSON object", lambda s: s.update(sealed_key=None)),
    ("sealed_key.ciphertext holds 3 bytes", lambda s: s["sealed_key"].update(ciphertext="AAAA")),
    ("next_sealed_key.ephemeral must be base64", lambda s: s.update(next_sealed_key={})),
    ("stale must be true or false", lambda s: s.update(stale="yes")),
]


@pytest.mark.parametrize(("expected", "spoil"), BAD_ENTRIES, ids=[e for e, _ in BAD_ENTRIES])
def test_one_bad_slot_names_its_problem_and_the_others_still_log_in(office, expected, spoil):
    payload = _slots_json(office)
    spoil(payload["slots"]["sam"])
    _write_slots(office, payload)
    with pytest.raises(KeySlotFileError) as refused:
        office.accounts.login("sam", PASSWORDS["sam"])
    message = str(refused.value)
    assert expected in message and str(office.paths.keyslots) in message and "'sam'" in message
    office.login("cara").close()
    # A write (here: a new user) keeps the damaged entry as it was, for an admin to reset.
    admin = office.services("admin")
    admin.users.add("newcomer", "caseworker", "newcomer passphrase")
    assert _slots_json(office)["slots"]["sam"] == payload["slots"]["sam"]
    office.accounts.login("newcomer", "newcomer passphrase").close()
    admin.users.reset_password("sam", "a fresh passphrase")
    office.accounts.login("sam", "a fresh passphrase").close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 4 * 1024 * 1024),  # 4 GiB
        ("memory_kib", 1024 * 1024 + 1),
        ("time_cost", 21),
        ("time_cost", 10**9),
        ("parallelism", 17),
        ("memory_kib", 8),  # too weak: a copied file would be cheap to attack
        ("time_cost", 1),
        ("parallelism", 0),
        ("memory_kib", -1),
    ],
)
def test_kdf_parameters_outside_the_bounds_are_refused_before_deriving(office, field, value):
    payload = _slots_json(office)
    payload["slots"]["sam"]["kdf"][field] = value
    _write_slots(office, payload)
    with pytest.raises(ValueError, match=f"kdf.{field} is {value}, outside"):
        keyslots.KeySlot.from_json(payload["slots"]["sam"])
    with pytest.raises(KeySlotFileError, match=f"kdf.{field} is {value}"):
        office.accounts.login("sam", PASSWORDS["sam"])
    assert set(keyslots.KeySlotFile(office.paths.keyslots).load()) == {"admin", "cara", "colin"}


def test_kdf_bounds_accept_what_the_app_writes():
    params = keyslots.KdfParams()
    assert keyslots.kdf_from_json(vars(params)) == params


def test_cli_malformed_slot_file_is_one_line(tmp_path):
    data_dir = tmp_path / "office"
    assert caseload(data_dir, "init", "--admin", "amina").returncode == 0
    slots = data_dir / "keyslots.json"
    slots.write_text('{"format": 1, "slots": {"amina": {"user_id": ', encoding="utf-8")
    status = caseload(data_dir, "status")
    assert status.returncode == 1 and "Traceback" not in status.stderr
    assert status.stderr.count("\n") == 1
    assert str(slots) in status.stderr and "not valid JSON" in status.stderr


# -- 15: damaged pages, a closed pipe ------------------------------------------------------


@pytest.fixture(scope="module")
def healthy_office(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("damaged-pages") / "office"
    assert caseload(data_dir, "init", "--admin", "amina").returncode == 0
    demo = caseload(data_dir, "demo", "--beneficiaries", "300", "--sessions-per-beneficiary", "2")
    assert demo.returncode == 0, demo.stderr
    return data_dir


@pytest.mark.parametrize("where", ["page 2", "page 5", "middle", "last page"])
def test_check_on_a_damaged_page_fails_in_one_line(healthy_office, tmp_path, where):
    data_dir = tmp_path / "office"
    subprocess.run(["cp", "-r", str(healthy_office), str(data_dir)], check=True)
    database = data_dir / "caseload.db"
    data = bytearray(database.read_bytes())
    offset = {
        "page 2": 4096 + 200,
        "page 5": 4 * 4096 + 200,
        "middle": len(data) // 2,
        "last page": len(data) - 2000,
    }[where]
    data[offset : offset + 64] = b"\xaa" * 64
    database.write_bytes(bytes(data))

    check = caseload(data_dir, "check")
    assert check.returncode == 1
    assert "Traceback" not in check.stderr and "ERROR CORE" not in check.stderr
    last_line = check.stderr.strip().splitlines()[-1]
    assert last_line.startswith("caseload: check failed: ") and "caseload restore FILE" in last_line
    for command in (("status", "--json"), ("users", "list"), ("backup", str(tmp_path / "b.db"))):
        result = caseload(data_dir, *command)
        assert "Traceback" not in result.stderr, (command, result.stderr)


def test_status_into_a_closed_pipe_exits_quietly(healthy_office):
    env = {**os.environ, "CASELOAD_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    for command in (("status", "--json"), ("users", "list", "--json")):
        child = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(healthy_office), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        child.stdout.close()  # the reader is gone before anything is written (``| head -0``)
        _, stderr = child.communicate(timeout=120)
        assert b"Traceback" not in stderr and b"BrokenPipe" not in stderr, stderr
        assert child.returncode == 1
    shell = subprocess.run(
        f"{sys.executable} -m desktop --data-dir '{healthy_office}' status --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert shell.stdout == "{\n" and "Traceback" not in shell.stderr


# -- 16: files private to the OS account whatever the umask --------------------------------

UMASK_CHILD = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    os.umask(0o022)
    from desktop.cli import run

    data_dir, export, password = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    os.environ["CASELOAD_PASSWORD"] = password

    def cli(*args):
        code = run(["--data-dir", data_dir, *args], gui=None)
        assert code == 0, (args, code)

    cli("init", "--admin", "amina")
    from desktop.auth.accounts import LocalAccounts
    from desktop.errors import AuthenticationFailed
    from desktop.paths import DataPaths
    from desktop.services import Services

    accounts = LocalAccounts(DataPaths.resolve(data_dir))
    try:
        accounts.login("amina", "not the password")  # writes the login-attempts file
    except AuthenticationFailed:
        pass
    login = accounts.login("amina", password)
    services = Services.for_session(login, accounts)
    services.beneficiaries.create({"first_name": "Private", "last_name": "Person"})
    services.maintenance.backup()  # into the backups folder
    services.maintenance.backup(export / "new-folder" / "copy.db")
    open_files = {
        p.name: oct(p.stat().st_mode & 0o777) for p in Path(data_dir).rglob("*") if p.is_file()
    }
    login.close()
    cli("restore", str(export / "new-folder" / "copy.db"))
    print(json.dumps(open_files))
    """
)


def test_files_are_private_whatever_the_umask(tmp_path):
    data_dir, export = tmp_path / "office", tmp_path / "export"
    export.mkdir()
    child = subprocess.run(
        [sys.executable, "-c", UMASK_CHILD, str(data_dir), str(export), PASSWORD],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr
    while_open = json.loads(child.stdout.strip().splitlines()[-1])
    assert {"caseload.db-wal", "caseload.db-shm", "caseload.log", "keyslots.json"} <= set(
        while_open
    )
    assert {name: mode for name, mode in while_open.items() if mode != "0o600"} == {}

    def modes(root: Path) -> dict[str, str]:
        return {
            str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode))
            for p in root.rglob("*")
        }

    found = {**modes(data_dir), **modes(export)}
    names = {Path(p).name for p in found}
    assert {"caseload.db", "login-attempts.json", "config.json", "copy.db.keys.json"} <= names
    assert any(n.startswith("replaced-by-restore-") for n in names)
    wrong = {
        path: mode
        for path, mode in found.items()
        if mode != ("0o700" if (tmp_path / path).is_dir() else "0o600")
    }
    assert wrong == {}
    assert oct(stat.S_IMODE(data_dir.stat().st_mode)) == "0o700"


def test_rotated_logs_are_private_whatever_the_umask(tmp_path):
    from desktop.cli import PrivateRotatingFileHandler

    previous = os.umask(0o022)
    try:
        handler = PrivateRotatingFileHandler(
            tmp_path / "caseload.log", maxBytes=200, backupCount=2, encoding="utf-8"
        )
        record = logging.makeLogRecord({"msg": "user u-1 logged in " * 5})
        for _ in range(6):  # several rollovers: each new file is opened by the handler
            handler.emit(record)
        handler.close()
    finally:
        os.umask(previous)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["caseload.log", "caseload.log.1", "caseload.log.2"]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in tmp_path.iterdir()} == {"0o600"}


def test_files_left_readable_by_an_earlier_version_are_made_private_at_open(office):
    for path in (office.paths.database, office.paths.logs, office.paths.root):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    office.paths.ensure()
    office.login("admin").close()
    assert oct(stat.S_IMODE(office.paths.database.stat().st_mode)) == "0o600"
    assert oct(stat.S_IMODE(office.paths.logs.stat().st_mode)) == "0o700"
    assert oct(stat.S_IMODE(office.paths.root.stat().st_mode)) == "0o700"
