"""Each role on each service operation: the services refuse, whatever the caller."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.errors import PermissionDenied

NEW = {"first_name": "Layla", "last_name": "Haddad"}
SESSION = {"starts_at": datetime(2026, 1, 5, 10), "status": "done", "kind": "office"}


@pytest.fixture
def world(office):
    """cara owns one beneficiary with a session; colin owns another."""
    from desktop.services import Services

    cara_login, colin_login = office.login("cara"), office.login("colin")
    cara = Services.for_session(cara_login, office.accounts)
    colin = Services.for_session(colin_login, office.accounts)
    mine = cara.beneficiaries.create(NEW)
    session = cara.case_sessions.create(mine.id, SESSION)
    theirs = colin.beneficiaries.create({"first_name": "Omar", "last_name": "Saleh"})
    # Logged out again: an admin's key rotation needs the database to itself.
    cara_login.close()
    colin_login.close()
    return office, mine, session, theirs


def test_caseworker_cannot_touch_another_caseload(world):
    office, mine, session, theirs = world
    colin = office.services("colin")
    operations = [
        lambda: colin.beneficiaries.get(mine.id),
        lambda: colin.beneficiaries.update(mine.id, {"notes": "x"}),
        lambda: colin.beneficiaries.close(mine.id, "moved_away"),
        lambda: colin.beneficiaries.reopen(mine.id),
        lambda: colin.case_sessions.timeline(mine.id),
        lambda: colin.case_sessions.create(mine.id, SESSION),
        lambda: colin.case_sessions.get(session.id),
        lambda: colin.case_sessions.update(session.id, {"summary": "x"}),
        lambda: colin.case_sessions.cancel(session.id),
    ]
    for operation in operations:
        with pytest.raises(PermissionDenied):
            operation()
    visible = colin.beneficiaries.list_page(_query(), 0, 100)
    assert [b.id for b in visible.rows] == [theirs.id]
    assert colin.beneficiaries.count_visible() == 1


def test_caseworker_may_not_delete_reassign_audit_or_manage(world):
    office, mine, session, _ = world
    cara = office.services("cara")
    colin_id = office.services("colin").users.caseworkers()[0].id
    for operation in (
        lambda: cara.beneficiaries.delete(mine.id),
        lambda: cara.beneficiaries.reassign(mine.id, colin_id),
        lambda: cara.beneficiaries.create(NEW, caseworker_id=colin_id),
        lambda: cara.case_sessions.delete(session.id),
        lambda: cara.audit.history(mine.id),
        lambda: cara.users.add("newbie", "caseworker", "a fine passphrase"),
        lambda: cara.users.deactivate("colin"),
        lambda: cara.users.reset_password("colin", "a fine passphrase"),
        lambda: cara.users.change_role("colin", "admin"),
        lambda: cara.users.list(),
        lambda: cara.maintenance.status(),
    ):
        with pytest.raises(PermissionDenied):
            operation()
    # What a caseworker may do on their own caseload.
    cara.beneficiaries.update(mine.id, {"notes": "seen"})
    cara.beneficiaries.close(mine.id, "moved_away")
    cara.beneficiaries.reopen(mine.id)
    cara.case_sessions.update(session.id, {"summary": "ok"})
    cara.case_sessions.cancel(session.id)
    assert cara.case_sessions.follow_ups_due(None, date(2030, 1, 1)) == []
    assert [u.username for u in cara.users.caseworkers()] == ["cara"]


def test_supervisor_sees_all_reassigns_deletes_but_does_not_manage_users(world):
    office, mine, session, theirs = world
    sam = office.services("sam")
    assert sam.beneficiaries.count_visible() == 2
    colin_id = next(u.id for u in sam.users.caseworkers() if u.username == "colin")
    assert sam.beneficiaries.reassign(mine.id, colin_id).caseworker_id == colin_id
    assert sam.audit.history(mine.id)[0].action == "reassign"
    sam.case_sessions.delete(session.id)
    sam.beneficiaries.delete(theirs.id)
    assert sam.beneficiaries.count_visible() == 1
    sam.maintenance.status()
    for operation in (
        lambda: sam.users.add("newbie", "caseworker", "a fine passphrase"),
        lambda: sam.users.deactivate("colin"),
        lambda: sam.users.reset_password("colin", "a fine passphrase"),
        lambda: sam.users.change_role("colin", "admin"),
    ):
        with pytest.raises(PermissionDenied):
            operation()


def test_admin_can_do_everything(world):
    office, mine, _, _ = world
    admin = office.services("admin")
    admin.users.add("newbie", "caseworker", "a fine passphrase")
    admin.users.change_role("newbie", "supervisor")
    admin.users.reset_password("newbie", "another fine passphrase")
    admin.users.deactivate("newbie")
    assert {u.username for u in admin.users.list()} >= {"admin", "sam", "cara", "colin", "newbie"}
    admin.beneficiaries.delete(mine.id)


def _query():
    from desktop.domain.records import BeneficiaryQuery

    return BeneficiaryQuery()
