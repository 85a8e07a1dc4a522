"""Issue 10 point 17: deactivation and an admin's reset rotate the data key, crash-safely."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import textwrap

import pytest

from desktop.auth import keyslots
from desktop.auth.keyslots import KeySlotFile
from desktop.auth.rotation import REENCRYPTING
from desktop.errors import AuthenticationFailed, DatabaseCorrupt, UserError
from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.store.db import connect_raw
from desktop.store.rekey import DatabaseBusy, key_opens, rotating_path
from tests.conftest import PASSWORDS
from tests.processes import sigkill_after_line, start_python

RECORD_TABLES = ("beneficiaries", "case_sessions", "outbox")


def add_records(office, count: int = 120) -> None:
    login = office.login("admin")
    BulkImporter(login.db, login.actor).import_records(demo_records(count, 3, 5), total=count)
    login.close()


def digest(office, username: str = "admin", password: str | None = None) -> tuple:
    """Counts and a SHA-256 of every row of the record tables, read through a real login."""
    login = office.accounts.login(username, password or PASSWORDS[username], check=False)
    try:
        with login.db.raw_connection() as connection:
            result = []
            for table in RECORD_TABLES:
                rows = connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                result.append((table, len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()))
            return tuple(result)
    finally:
        login.close()


def old_copy_opens(office, slot_copy, username: str, password: str) -> bool:
    """Does the key in a saved copy of the slot file, with that password, open today's file?"""
    _user_id, data_key = office.accounts.unwrap_data_key(
        username, password, slots=KeySlotFile(slot_copy)
    )
    return key_opens(office.paths.database, data_key)


def test_deactivation_rotates_the_key_and_keeps_every_record(office, tmp_path):
    add_records(office)
    before = digest(office)
    saved = tmp_path / "keyslots-before.json"
    shutil.copyfile(office.paths.keyslots, saved)
    assert old_copy_opens(office, saved, "colin", PASSWORDS["colin"])

    admin = office.services("admin")
    steps = []
    result = admin.users.deactivate("colin", progress=lambda d, t, p: steps.append((d, t, p)))
    assert result.must_reset == ()
    # Progress is real: the copy reports pages up to the total, and ends at the total.
    copied = [done for done, _total, phase in steps if phase == REENCRYPTING]
    assert copied == sorted(copied) and copied[-1] > 0
    assert steps[-1][0] == steps[-1][1]

    assert not old_copy_opens(office, saved, "colin", PASSWORDS["colin"])
    assert not old_copy_opens(office, saved, "cara", PASSWORDS["cara"])
    with pytest.raises(DatabaseCorrupt):  # the old key is simply not a key of this file
        connect_raw(
            office.paths.database,
            keyslots.unwrap(KeySlotFile(saved).get("colin"), PASSWORDS["colin"]),
        )
    with pytest.raises(AuthenticationFailed):
        office.accounts.login("colin", PASSWORDS["colin"])
    for username in ("admin", "sam", "cara"):
        assert digest(office, username) == before
    # The admin's open session goes on working under the new key.
    assert len(admin.users.list()) == 4
    assert {a.username: a.active for a in admin.users.list()}["colin"] is False
    assert not rotating_path(office.paths.database).exists()
    assert KeySlotFile(office.paths.keyslots).rotation() is None


def test_admin_reset_rotates_the_key_and_gives_a_new_key_pair(office, tmp_path):
    add_records(office, 40)
    before = digest(office)
    saved = tmp_path / "keyslots-before.json"
    shutil.copyfile(office.paths.keyslots, saved)
    old_public = KeySlotFile(saved).get("cara").public_key

    office.services("admin").users.reset_password("cara", "cara was reset 1")
    assert not old_copy_opens(office, saved, "cara", PASSWORDS["cara"])
    assert KeySlotFile(office.paths.keyslots).get("cara").public_key != old_public
    assert digest(office, "cara", "cara was reset 1") == before
    for username in ("admin", "sam", "colin"):
        assert digest(office, username) == before
    with pytest.raises(AuthenticationFailed):
        office.accounts.login("cara", PASSWORDS["cara"])


def test_reset_of_a_deactivated_user_brings_them_back(office):
    admin = office.services("admin")
    admin.users.deactivate("colin")
    assert office.accounts.slots.get("colin") is None
    admin.users.reset_password("colin", "colin is back again")
    assert office.accounts.login("colin", "colin is back again").actor.username == "colin"
    for username in ("admin", "sam", "cara"):
        office.login(username)


def legacy_slot(office, username: str) -> None:
    """Puts back a format 1 slot (the data key wrapped directly), as older releases wrote."""
    login = office.login("admin")
    slot = office.accounts.slots.get(username)
    office.accounts.slots.put(
        username, keyslots.wrap(slot.user_id, PASSWORDS[username], login.db.key)
    )
    login.close()


def test_old_format_slot_is_upgraded_at_login(office):
    legacy_slot(office, "cara")
    assert not office.accounts.slots.get("cara").has_key_pair
    office.login("cara").close()
    upgraded = office.accounts.slots.get("cara")
    assert upgraded.has_key_pair
    raw = json.loads(office.paths.keyslots.read_text())
    assert raw["format"] == 2 and "public_key" in raw["slots"]["cara"]
    office.login("cara").close()


def test_old_format_slot_at_rotation_time_must_be_reset(office):
    add_records(office, 20)
    before = digest(office)
    legacy_slot(office, "colin")  # colin has not logged in since the upgrade
    admin = office.services("admin")
    result = admin.users.deactivate("cara")
    assert result.must_reset == ("colin",)
    with pytest.raises(UserError, match="Ask an admin to reset your password"):
        office.accounts.login("colin", PASSWORDS["colin"])
    admin.users.reset_password("colin", "colin after reset 1")
    assert digest(office, "colin", "colin after reset 1") == before


def test_the_admin_own_slot_must_be_re_wrappable_or_nothing_starts(office):
    admin = office.services("admin")
    legacy_slot(office, "admin")  # e.g. an older release wrote it while this one ran
    before = office.paths.keyslots.read_bytes()
    with pytest.raises(UserError, match="Your own key slot cannot be re-wrapped"):
        admin.users.deactivate("colin")
    assert office.paths.keyslots.read_bytes() == before
    office.login("colin").close()


def test_a_planted_public_key_is_not_given_the_next_key(office, tmp_path):
    """Someone who can still write the slot file swaps in a public key of their own."""
    planted = keyslots.new_slot("attacker", "attacker passphrase", bytes(32))
    cara = office.accounts.slots.get("cara")
    office.accounts.slots.put(
        "cara", keyslots.KeySlot(**{**cara.__dict__, "public_key": planted.public_key})
    )
    result = office.services("admin").users.deactivate("colin")
    assert result.must_reset == ("cara",)
    assert office.accounts.slots.get("cara").stale
    assert office.accounts.slots.get("cara").sealed_key == cara.sealed_key  # not re-sealed


def test_rotation_refuses_while_the_database_is_open_elsewhere(office):
    other = office.login("sam")  # another window of the app
    connection = other.db.engine.raw_connection()  # held open, as a busy window would
    try:
        with pytest.raises(DatabaseBusy, match="open elsewhere"):
            office.services("admin").users.deactivate("colin")
    finally:
        connection.close()
        other.close()
    assert office.accounts.slots.get("colin") is not None
    assert office.accounts.slots.rotation() is None
    office.login("colin").close()  # nothing changed


def test_a_failure_before_the_swap_changes_nothing(office, tmp_path):
    """A cancel (or a full disk) part-way through the copy: everything as it was."""
    add_records(office, 200)
    before = digest(office)
    slots_before = office.accounts.slots.load()
    saved = tmp_path / "keyslots-before.json"
    shutil.copyfile(office.paths.keyslots, saved)

    class Stop(Exception):
        pass

    def progress(done, total, phase):
        if phase == REENCRYPTING and done > 0:
            raise Stop()

    admin = office.services("admin")
    with pytest.raises(Stop):
        admin.users.deactivate("colin", progress=progress)
    assert office.accounts.slots.load() == slots_before
    assert office.accounts.slots.rotation() is None
    assert not rotating_path(office.paths.database).exists()
    assert old_copy_opens(office, saved, "colin", PASSWORDS["colin"])  # no rotation happened
    assert {a.username: a.active for a in admin.users.list()}["colin"] is True
    assert digest(office, "colin") == before


def test_a_backup_from_before_the_rotation_restores_with_its_own_key_slots(office, tmp_path):
    from desktop.services.maintenance import restore_backup

    add_records(office, 30)
    before = digest(office)
    admin = office.services("admin")
    backup = admin.maintenance.backup(tmp_path / "usb" / "office.db")
    admin.users.deactivate("colin")
    admin.users.reset_password("cara", "cara after reset 1")
    restore_backup(office.accounts, "admin", PASSWORDS["admin"], backup)
    # The office as it was when the backup was taken: its slots, its passwords.
    assert digest(office, "cara") == before
    office.login("colin").close()


HOLDING_CHILD = textwrap.dedent(
    """
    import sys, time
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    login = LocalAccounts(DataPaths.resolve(sys.argv[1])).login("sam", sys.argv[2], check=False)
    with login.db.read() as uow:  # a window that has read something keeps its connection
        uow.session.connection()
        print("open", flush=True)
        time.sleep(120)
    """
)


def test_rotation_refuses_while_another_process_has_the_database_open(office):
    child = start_python(HOLDING_CHILD, str(office.paths.root), PASSWORDS["sam"])
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseBusy, match="open elsewhere"):
            office.services("admin").users.deactivate("colin")
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
    assert office.accounts.slots.rotation() is None
    assert not rotating_path(office.paths.database).exists()
    office.login("colin").close()  # nothing changed
    office.services("admin").users.deactivate("colin")  # and with the other one gone, it runs


def test_rotated_files_are_private_whatever_the_umask(office):
    previous = os.umask(0o022)
    try:
        office.services("admin").users.deactivate("colin")
    finally:
        os.umask(previous)
    for path in (office.paths.database, office.paths.keyslots):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


# -- SIGKILL at each step ----------------------------------------------------------------

ROTATION_CHILD = textwrap.dedent(
    """
    import sys, time
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services import Services

    root, password, operation, username, new_password, kill_point = sys.argv[1:]
    accounts = LocalAccounts(DataPaths.resolve(root))
    login = accounts.login("admin", password, check=False)
    users = Services.for_session(login, accounts).users

    def progress(done, total, phase):
        point = phase
        if phase == "re-encrypting":
            point = "copy-start" if done == 0 else "copy-middle" if done < total - 2 else None
        if point == kill_point:
            print(kill_point, flush=True)
            time.sleep(120)  # killed here

    if operation == "deactivate":
        users.deactivate(username, progress=progress)
    else:
        users.reset_password(username, new_password, progress=progress)
    print("done", flush=True)
    """
)

# (kill point, has the swap happened?)
KILL_POINTS = [
    ("copy-start", False),  # step 1 written, nothing copied
    ("copy-middle", False),  # part of the copy written
    ("checking", False),  # copy complete and changed, not yet swapped in
    ("finishing", True),  # swapped in, slot file not yet final
]


@pytest.mark.slow
@pytest.mark.parametrize(("kill_point", "swapped"), KILL_POINTS)
def test_sigkill_during_deactivation_leaves_every_user_able_to_log_in(
    office, tmp_path, kill_point, swapped
):
    add_records(office, 300)
    before = digest(office)
    saved = tmp_path / "keyslots-before.json"
    shutil.copyfile(office.paths.keyslots, saved)
    child = start_python(
        ROTATION_CHILD,
        str(office.paths.root),
        PASSWORDS["admin"],
        "deactivate",
        "colin",
        "-",
        kill_point,
    )
    sigkill_after_line(child, kill_point)

    # Whoever logs in first (here a caseworker) finishes or rolls back the rotation.
    for username in ("cara", "admin", "sam"):
        assert digest(office, username) == before
    assert not rotating_path(office.paths.database).exists()
    assert KeySlotFile(office.paths.keyslots).rotation() is None
    if swapped:
        with pytest.raises((AuthenticationFailed, UserError)):
            office.accounts.login("colin", PASSWORDS["colin"])
    else:
        office.login("colin").close()  # the deactivation did not happen: run it again
        office.services("admin").users.deactivate("colin")
    assert not old_copy_opens(office, saved, "colin", PASSWORDS["colin"])
    assert digest(office, "sam") == before


@pytest.mark.slow
@pytest.mark.parametrize(("kill_point", "swapped"), [KILL_POINTS[1], KILL_POINTS[3]])
def test_sigkill_during_reset_leaves_every_user_able_to_log_in(
    office, tmp_path, kill_point, swapped
):
    add_records(office, 300)
    before = digest(office)
    saved = tmp_path / "keyslots-before.json"
    shutil.copyfile(office.paths.keyslots, saved)
    new_password = "cara after the reset 1"
    child = start_python(
        ROTATION_CHILD,
        str(office.paths.root),
        PASSWORDS["admin"],
        "reset",
        "cara",
        new_password,
        kill_point,
    )
    sigkill_after_line(child, kill_point)

    # The reset user's new slot is written at step 1: their new password is the current one.
    assert digest(office, "cara", new_password) == before
    for username in ("admin", "sam", "colin"):
        assert digest(office, username) == before
    assert old_copy_opens(office, saved, "cara", PASSWORDS["cara"]) is not swapped
    if not swapped:  # rolled back: the admin runs it again
        office.services("admin").users.reset_password("cara", new_password)
    assert not old_copy_opens(office, saved, "cara", PASSWORDS["cara"])
    assert digest(office, "cara", new_password) == before


# -- the command line ----------------------------------------------------------------------


def test_cli_shows_progress_and_names_users_to_reset(tmp_path):
    from tests.desktop.test_cli import PASSWORD, caseload

    data_dir = tmp_path / "office"
    assert caseload(data_dir, "init", "--admin", "amina").returncode == 0
    for username in ("omar", "lina"):
        added = caseload(
            data_dir,
            "users",
            "add",
            username,
            "--role",
            "caseworker",
            new_password=f"{username} pw 12",
        )
        assert added.returncode == 0, added.stderr
    # lina's slot as an older release wrote it (she has not logged in since the upgrade)
    slots = KeySlotFile(data_dir / "keyslots.json")
    _user_id, data_key = accounts_for(data_dir).unwrap_data_key("amina", PASSWORD)
    slots.put("lina", keyslots.wrap(slots.get("lina").user_id, "lina pw 12", data_key))

    done = caseload(data_dir, "users", "deactivate", "omar")
    assert done.returncode == 0, done.stderr
    assert "changing the data key: re-encrypting" in done.stderr and "100%" in done.stderr
    assert "data key changed" in done.stdout
    assert "the key slot of 'lina' could not be re-wrapped (old format" in done.stderr
    refused = caseload(data_dir, "status", "--user", "lina", password="lina pw 12")
    assert refused.returncode == 1 and "reset your password" in refused.stderr

    reset = caseload(data_dir, "users", "reset-password", "lina", new_password="lina pw 34")
    assert reset.returncode == 0, reset.stderr
    assert "changing the data key" in reset.stderr and "'lina'" not in reset.stderr
    accounts_for(data_dir).login("lina", "lina pw 34", check=False).close()
    assert caseload(data_dir, "check", "--user", "amina").returncode == 0


def accounts_for(data_dir):
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    return LocalAccounts(DataPaths.resolve(data_dir))
