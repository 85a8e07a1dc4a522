"""Conflicts that wait: a beneficiary's delete with its sessions, later edits, held records.

Two or three laptops (real encrypted databases) and a real server on loopback, SQLite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.services import Services
from desktop.services.sync_account import SyncAccount
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, OutboxRow
from desktop.sync.conflicts import Choice, ConflictService, waiting_records
from desktop.ui.sync_panel import SyncPanel
from tests.e2e.conftest import FAST_RETRIES, Laptop, server_records
from tests.server.conftest import PASSWORD as SERVER_PASSWORD

CASEWORKER_PASSWORD = "caseworker kim's passphrase"


def live(laptop, row_type, record_id: str):
    """The laptop's row of a record, or None when it is deleted or absent."""
    with laptop.login.db.read() as uow:
        row = uow.session.execute(
            select(row_type).where(row_type.id == record_id, row_type.deleted_at.is_(None))
        ).scalar_one_or_none()
        if row is not None:
            uow.session.expunge(row)
        return row


def outbox(laptop) -> list[tuple[str, str, str]]:
    with laptop.login.db.read() as uow:
        return uow.session.execute(
            select(OutboxRow.entity, OutboxRow.op, OutboxRow.state).order_by(OutboxRow.id)
        ).all()


def beneficiary_with_session(services: Services) -> tuple[str, str]:
    created = services.beneficiaries.create(
        {"first_name": "Nadia", "last_name": "Karimi", "notes": "first visit"}
    )
    session = services.case_sessions.create(
        created.id,
        {
            "starts_at": datetime(2026, 3, 2, 10),
            "status": "done",
            "summary": "Talked about housing",
            "outcome": "Referral to the tenancy clinic",
        },
    )
    return created.id, session.id


def delete_in_conflict(supervisor: Laptop, caseworker: Laptop) -> tuple[str, str]:
    """The caseworker's beneficiary (with a session) is deleted by the supervisor, offline,
    while the caseworker edits it: the supervisor's sync finds a "deleted" conflict."""
    beneficiary, session = beneficiary_with_session(caseworker.services)
    caseworker.sync()
    supervisor.sync()
    supervisor.services.beneficiaries.delete(beneficiary)
    caseworker.services.beneficiaries.update(beneficiary, {"notes": "moved to Lyon"})
    caseworker.sync()
    report = supervisor.sync()
    assert report.conflicts == 1
    return beneficiary, session


@pytest.mark.parametrize("choice", [Choice.THEIRS, Choice.MINE])
def test_a_beneficiary_delete_in_conflict_leaves_its_sessions_and_resolves_as_one(
    laptops, sync_server, choice
):
    supervisor = laptops("supervisor")
    caseworker = laptops("caseworker")
    beneficiary, session = delete_in_conflict(supervisor, caseworker)

    # Nothing of the unit was applied: the session keeps its summary and outcome.
    on_server = server_records(sync_server, caseworker.server_user, "case_session")
    assert on_server[session]["data"]["summary"] == "Talked about housing"
    assert on_server[session]["data"]["outcome"] == "Referral to the tenancy clinic"
    caseworker.sync()
    kept = live(caseworker, CaseSessionRow, session)
    assert kept is not None and kept.summary == "Talked about housing"

    (conflict,) = ConflictService(supervisor.login.db, supervisor.login.actor).open_conflicts()
    assert (conflict.field, conflict.local_value) == ("deleted", True)
    ConflictService(supervisor.login.db, supervisor.login.actor).resolve(conflict.id, choice)
    report = supervisor.sync()
    assert (report.errors, report.conflicts, report.waiting, report.digest_ok) == (0, 0, 0, True)
    caseworker_report = caseworker.sync()
    assert caseworker_report.digest_ok and not caseworker_report.failed

    beneficiaries = server_records(sync_server, supervisor.server_user, "beneficiary")
    sessions = server_records(sync_server, supervisor.server_user, "case_session")
    for laptop in (supervisor, caseworker):
        assert outbox(laptop) == []
        here_b = live(laptop, BeneficiaryRow, beneficiary)
        here_s = live(laptop, CaseSessionRow, session)
        if choice == Choice.MINE:  # deleted together, everywhere
            assert here_b is None and here_s is None
        else:  # back together, with the caseworker's edit, everywhere
            assert here_b.notes == "moved to Lyon"
            assert here_s.summary == "Talked about housing"
            assert here_s.outcome == "Referral to the tenancy clinic"
            assert here_s.server_version == sessions[session]["version"]
    if choice == Choice.MINE:
        assert beneficiary not in beneficiaries and session not in sessions
    else:
        assert beneficiaries[beneficiary]["data"]["notes"] == "moved to Lyon"
        assert sessions[session]["data"]["summary"] == "Talked about housing"


def test_keep_mine_keeps_an_edit_made_after_the_conflict_was_found(laptops, sync_server):
    a, b = laptops(), laptops()
    record = a.services.beneficiaries.create({"first_name": "Ilse", "last_name": "Berg"}).id
    a.sync()
    b.sync()
    a.services.beneficiaries.update(record, {"notes": "from A"})
    b.services.beneficiaries.update(record, {"notes": "from B"})
    b.sync()
    assert a.sync().conflicts == 1
    a.services.beneficiaries.update(record, {"notes": "from A, corrected later"})

    conflicts = ConflictService(a.login.db, a.login.actor)
    (conflict,) = conflicts.open_conflicts()
    assert (conflict.local_value, conflict.server_value) == ("from A, corrected later", "from B")
    conflicts.resolve(conflict.id, Choice.MINE)
    assert a.sync().sent == 1
    b.sync()
    on_server = server_records(sync_server, a.server_user, "beneficiary")[record]
    assert on_server["data"]["notes"] == "from A, corrected later"
    for laptop in (a, b):
        assert laptop.services.beneficiaries.get(record).notes == "from A, corrected later"
    history = a.services.audit.history(record)
    resolved = next(event for event in history if event.action == "conflict_resolved")
    assert resolved.changes["notes"] == ["from A, corrected later", "from A, corrected later"]


def test_an_open_conflict_does_not_hold_back_other_changes_or_fail_the_sync(laptops, sync_server):
    supervisor = laptops("supervisor")
    caseworker = laptops("caseworker")
    unrelated = supervisor.services.beneficiaries.create({"first_name": "Tom", "last_name": "Ek"})
    supervisor.sync()
    beneficiary, session = delete_in_conflict(supervisor, caseworker)
    supervisor.services.beneficiaries.delete(unrelated.id)

    for _ in range(2):  # the next sync too: nothing a full resync would have to fix
        report = supervisor.sync()
        assert report.digest_ok is True and not report.failed
        assert report.waiting == 2  # the beneficiary and the session deleted with it
        assert "2 records wait for a supervisor's decision" in " ".join(report.warnings)
        assert not any("differ" in warning for warning in report.warnings)
        assert "2 records wait for a supervisor's decision" in report.summary()
    assert unrelated.id not in server_records(sync_server, supervisor.server_user, "beneficiary")
    assert outbox(supervisor) == [
        ("case_session", "delete", "pending"),  # held with its beneficiary
        ("beneficiary", "delete", "conflict"),
    ]
    waiting = waiting_records(supervisor.login.db, supervisor.login.actor)
    assert [(w.entity, w.entity_id) for w in waiting] == [
        ("beneficiary", beneficiary),
        ("case_session", session),
    ]


@dataclass
class SharedLaptop:
    """A supervisor's laptop with a local caseworker linked to their own server account."""

    laptop: Laptop
    kim: Services
    kim_login: object
    kim_account: SyncAccount
    beneficiary: str
    session: str
    case_number: str


@pytest.fixture
def shared_laptop(laptops, sync_server):
    supervisor = laptops("supervisor")
    kim_server = sync_server.new_user(
        "caseworker", organisation=supervisor.server_user.organisation
    )
    supervisor.services.users.add("kim", "caseworker", CASEWORKER_PASSWORD, "Kim Caseworker")
    kim_login = supervisor.accounts.login("kim", CASEWORKER_PASSWORD)
    kim_account = SyncAccount(kim_login.db, kim_login.actor)
    kim_account.link(sync_server.base_url, kim_server.username, SERVER_PASSWORD)
    kim = Services.for_session(kim_login, supervisor.accounts)
    beneficiary, session = beneficiary_with_session(kim)
    kim_account.sync(policy=FAST_RETRIES)
    # Kim's other laptop edits the record while the supervisor deletes it here.
    other = laptops("caseworker", server_user=kim_server)
    other.sync()
    supervisor.sync()
    supervisor.services.beneficiaries.delete(beneficiary)
    other.services.beneficiaries.update(beneficiary, {"notes": "moved to Lyon"})
    other.sync()
    assert supervisor.sync().conflicts == 1
    case_number = other.services.beneficiaries.get(beneficiary).case_number
    shared = SharedLaptop(
        supervisor, kim, kim_login, kim_account, beneficiary, session, case_number
    )
    yield shared
    kim_login.close()


def test_a_caseworker_sync_on_the_shared_laptop_reports_the_records_waiting(shared_laptop):
    report = shared_laptop.kim_account.sync(policy=FAST_RETRIES)
    assert report.digest_ok is True and not report.failed and report.waiting == 2
    waiting = waiting_records(shared_laptop.kim_login.db, shared_laptop.kim_login.actor)
    assert [w.case_number for w in waiting] == [shared_laptop.case_number] * 2
    assert "in conflict: Deleted" in waiting[0].reason


def test_the_sync_command_exits_3_and_names_the_records_waiting(shared_laptop, sync_server):
    laptop = shared_laptop.laptop
    kim_server = shared_laptop.kim_account.overview().server_username
    shared_laptop.kim_login.close()
    laptop.login.close()
    env = {**os.environ, "CASELOAD_PASSWORD": CASEWORKER_PASSWORD}
    env.pop("CASELOAD_SERVER_PASSWORD", None)
    command = [
        sys.executable,
        "-m",
        "desktop",
        "--data-dir",
        str(laptop.paths.root),
        "sync",
        "--server",
        sync_server.base_url,
        "--user",
        "kim",
        "--server-user",
        kim_server,
    ]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 3, done.stderr
    assert "2 records wait for a supervisor's decision" in done.stdout
    assert f"{shared_laptop.case_number} waits for a supervisor (Laptop Admin)" in done.stderr
    assert "differ" not in done.stderr
    assert "Nadia" not in done.stderr + done.stdout  # case numbers, not names

    # The supervisor decides; the same command then exits 0.
    laptop.reopen()
    conflicts = ConflictService(laptop.login.db, laptop.login.actor)
    (conflict,) = conflicts.open_conflicts()
    conflicts.resolve(conflict.id, Choice.THEIRS)
    laptop.login.close()
    again = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert again.returncode == 0, again.stderr
    assert "waits for a supervisor" not in again.stderr
    laptop.reopen()
    shared_laptop.kim_login = laptop.accounts.login("kim", CASEWORKER_PASSWORD)


def test_the_sync_panel_shows_a_caseworker_what_waits_and_for_whom(qtbot, shared_laptop):
    kim = Services.for_session(shared_laptop.kim_login, shared_laptop.laptop.accounts)
    panel = SyncPanel(kim)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.synced, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].waiting == 2
    qtbot.waitUntil(lambda: panel.worker is None)
    table = panel.waiting_table
    assert panel.tabs.currentIndex() == 2
    assert panel.tabs.tabText(2) == "Waiting for a decision (2)"
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [row[0] for row in rows] == [shared_laptop.case_number] * 2
    assert all(row[2] == "a supervisor (Laptop Admin)" for row in rows)
    assert "2 records wait for a supervisor's decision" in panel.summary.text()
    assert panel.conflicts_table.rowCount() == 0  # a caseworker cannot resolve
