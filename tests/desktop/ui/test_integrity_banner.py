"""After an unclean exit the login does not wait for the full integrity check: the list
opens, the check runs in the background, and a damaged file is reported in a banner."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import DatabaseCorrupt
from desktop.services import Services
from desktop.store.db import PAGE_BYTES, closed_cleanly, forget_clean_stamp
from desktop.store.schema import open_database
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import submit_login

PEOPLE = 40
# An index the login and the first page of the list never read: only a full check does.
UNREAD_INDEX = "ix_case_sessions_updated_at"


def _office_with_damage(office, *, damaged: bool) -> Path:
    """Cara's caseload of PEOPLE with sessions; then an unclean exit (no clean-close
    stamp) and, if ``damaged``, one page of UNREAD_INDEX overwritten."""
    login = office.login("admin")
    services = Services.for_session(login, office.accounts)
    cara = next(u for u in services.users.caseworkers() if u.username == "cara")
    for number in range(PEOPLE):
        person = services.beneficiaries.create(
            {"first_name": f"Person{number}", "last_name": "Banda"}, caseworker_id=cara.id
        )
        services.case_sessions.create(
            person.id, {"starts_at": "2026-11-02 10:00", "kind": "office", "status": "done"}
        )
    with login.db.raw_connection() as connection:
        page = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (UNREAD_INDEX,)
        ).fetchone()[0]
    login.db.verified = True  # a healthy session: its close writes the clean stamp
    login.close()
    database = office.paths.database
    assert closed_cleanly(database)
    forget_clean_stamp(database)  # the app was killed: the next open must check
    if damaged:
        data = bytearray(database.read_bytes())
        offset = (page - 1) * PAGE_BYTES + 300
        data[offset : offset + 64] = b"\xaa" * 64
        database.write_bytes(bytes(data))
    return database


def test_the_deferred_check_still_finds_damage_when_asked(office):
    database = _office_with_damage(office, damaged=True)
    key = office.login("admin").db.key  # check=False: opens the damaged file
    with pytest.raises(DatabaseCorrupt):
        open_database(database, key)  # the CLI's open: the check runs before anything
    db = open_database(database, key, defer_check=True)
    try:
        assert db.check_pending
        problems = db.integrity_problems()
        assert problems and not db.check_pending and not db.verified
    finally:
        db.close()


@pytest.mark.parametrize("damaged", [True, False], ids=["damaged", "healthy"])
def test_login_after_an_unclean_exit_shows_the_list_then_reports_damage(
    qtbot, controller, office, damaged
):
    _office_with_damage(office, damaged=damaged)
    controller.start()
    submit_login(qtbot, controller.dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=30_000)
    window = controller.window
    assert window.model.total == PEOPLE  # the list is there, whatever the check finds
    banner = window.integrity_banner
    qtbot.waitUntil(lambda: window.integrity_check is not None, timeout=10_000)
    worker = window.integrity_check
    qtbot.waitUntil(lambda: not worker.running and worker not in _active(), timeout=30_000)
    if damaged:
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        text = banner.label.text()
        assert "damaged" in text and "Restore backup" in text and "caseload check" in text
        assert banner.problems
    else:
        qtbot.wait(50)
        assert not banner.isVisible()
        assert not window.services.maintenance.check_pending


def _active():
    from desktop.ui.worker import _active as active

    return active


def test_a_running_check_stops_when_asked_and_leaves_the_file_unverified(office):
    import threading

    from desktop.errors import CheckInterrupted

    database = _office_with_damage(office, damaged=False)
    key = office.login("admin").db.key
    db = open_database(database, key, defer_check=True)
    outcome: list[BaseException | list[str]] = []

    def run() -> None:
        try:
            outcome.append(db.integrity_problems())
        except CheckInterrupted as exc:
            outcome.append(exc)

    db.stop_check()  # nothing running: no effect
    worker = threading.Thread(target=run)
    worker.start()
    db.close()  # interrupts it if it is still running
    worker.join(30)
    assert outcome and (isinstance(outcome[0], CheckInterrupted) or outcome[0] == [])
    assert not closed_cleanly(database) or outcome[0] == []
