"""Issue 14 point 7: a merge synced to a laptop that wrote for the merged-away record offline.

Real encrypted laptops and a real server process on loopback, SQLite and PostgreSQL:
laptop A (a supervisor) merges two records of one person and syncs; laptop B (the
caseworker), offline meanwhile, made a session (and with its follow-up date a task) for
the merged-away record. B syncs: the server stores them on the survivor and says so, B
follows the survivor, and every side ends with the same sessions on the survivor,
nothing lost or twice. Undoing the merge syncs back too.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from desktop.domain.records import BeneficiaryQuery
from tests.e2e.conftest import server_records
from tests.server.conftest import backend, servers  # noqa: F401  (both backends)

TODAY = date.today()


@pytest.fixture(scope="module")
def sync_server(servers):  # noqa: F811
    return servers.start(dev=True)


def _visit(laptop, person_id: str, days_ago: int, follow_up: date | None = None):
    return laptop.services.case_sessions.create(
        person_id,
        {
            "starts_at": datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()),
            "kind": "home_visit",
            "status": "done",
            "follow_up_on": follow_up,
        },
    )


def _sessions_of(laptop, person_id: str) -> set[str]:
    return {s.id for s in laptop.services.case_sessions.timeline(person_id)}


def _outbox(laptop) -> list[tuple]:
    with laptop.login.db.read() as uow:
        return [tuple(r) for r in uow.session.execute(text("SELECT entity, state FROM outbox"))]


@pytest.fixture
def two_laptops(laptops, sync_server):
    worker = laptops("caseworker")
    boss_user = sync_server.new_user("supervisor", organisation=worker.server_user.organisation)
    boss = laptops("supervisor", server_user=boss_user)
    return worker, boss


def test_a_session_made_offline_for_the_merged_away_record_ends_on_the_survivor(
    two_laptops, sync_server
):
    b, a = two_laptops
    survivor = b.services.beneficiaries.create(
        {"first_name": "Layla", "last_name": "Haddad", "date_of_birth": date(1990, 5, 1)}
    )
    twin = b.services.beneficiaries.create(
        {
            "first_name": "Leila",
            "last_name": "Haddad",
            "date_of_birth": date(1990, 5, 1),
            "phone": "+961 3 123456",
        }
    )
    first_visit = _visit(b, twin.id, 30)
    assert b.sync().errors == 0
    assert a.sync().errors == 0
    assert _sessions_of(a, twin.id) == {first_visit.id}

    # B is offline: a visit to the person it knows as the twin, with a follow-up.
    offline_visit = _visit(b, twin.id, 1, follow_up=TODAY + timedelta(days=7))
    # A merges the twin into the survivor, taking the twin's phone, and syncs.
    a.services.merges.merge(survivor.id, twin.id, take=["phone"])
    report = a.sync()
    assert (report.errors, report.conflicts) == (0, 0)
    on_server = server_records(sync_server, a.server_user, "beneficiary")
    assert twin.id not in on_server
    assert on_server[survivor.id]["data"]["phone"] == "+961 3 123456"
    sessions = server_records(sync_server, a.server_user, "case_session")
    assert sessions[first_visit.id]["data"]["beneficiary_id"] == survivor.id

    # B syncs: the offline visit and its task are stored on the survivor, B follows.
    report = b.sync()
    assert (report.errors, report.conflicts) == (0, 0), report.warnings
    sessions = server_records(sync_server, b.server_user, "case_session")
    assert {sid: s["data"]["beneficiary_id"] for sid, s in sessions.items()} == {
        first_visit.id: survivor.id,
        offline_visit.id: survivor.id,
    }
    tasks = server_records(sync_server, b.server_user, "task")
    assert [t["data"]["beneficiary_id"] for t in tasks.values()] == [survivor.id]
    assert _sessions_of(b, survivor.id) == {first_visit.id, offline_visit.id}
    with b.login.db.read() as uow:
        left_on_twin = uow.session.execute(
            text(
                "SELECT (SELECT count(*) FROM case_sessions WHERE beneficiary_id = :id) + "
                "(SELECT count(*) FROM tasks WHERE beneficiary_id = :id)"
            ),
            {"id": twin.id},
        ).scalar_one()
    assert left_on_twin == 0
    assert [t.beneficiary_id for t in b.services.tasks.for_beneficiary(survivor.id)] == [
        survivor.id
    ]
    listed = b.services.beneficiaries.list_page(BeneficiaryQuery(search="Haddad")).rows
    assert [(p.id, p.phone) for p in listed] == [(survivor.id, "+961 3 123456")]
    assert _outbox(b) == []

    # A hears of B's visit, on the survivor; nobody holds anything twice.
    assert a.sync().errors == 0
    assert _sessions_of(a, survivor.id) == {first_visit.id, offline_visit.id}
    assert _outbox(a) == []
    with b.login.db.read() as uow:
        merged_into = uow.session.execute(
            text("SELECT merged_into FROM beneficiaries WHERE id = :id"), {"id": twin.id}
        ).scalar_one()
    assert merged_into == survivor.id


def test_undoing_a_merge_syncs_to_the_other_laptop(two_laptops, sync_server):
    b, a = two_laptops
    survivor = b.services.beneficiaries.create({"first_name": "Omar", "last_name": "Saleh"})
    twin = b.services.beneficiaries.create({"first_name": "Omer", "last_name": "Saleh"})
    visit = _visit(b, twin.id, 5)
    assert b.sync().errors == 0 and a.sync().errors == 0
    event = a.services.merges.merge(survivor.id, twin.id, take=["first_name"])
    assert a.sync().errors == 0 and b.sync().errors == 0
    assert _sessions_of(b, survivor.id) == {visit.id}

    a.services.merges.undo(event.id)
    assert a.sync().errors == 0
    report = b.sync()
    assert (report.errors, report.conflicts) == (0, 0)
    back = b.services.beneficiaries.get(twin.id)
    assert (back.first_name, back.merged_into) == ("Omer", None)
    assert _sessions_of(b, twin.id) == {visit.id}
    assert b.services.beneficiaries.get(survivor.id).first_name == "Omar"
    on_server = server_records(sync_server, b.server_user, "case_session")
    assert on_server[visit.id]["data"]["beneficiary_id"] == twin.id
    assert _outbox(a) == [] and _outbox(b) == []


def test_a_merge_between_the_pull_and_the_push_is_answered_with_the_survivor(
    two_laptops, sync_server, monkeypatch
):
    """B has pulled (no merge yet) when A's merge reaches the server; B's push of the
    offline session names the merged-away record: the server stores it on the survivor
    and answers with the survivor's id, and B moves its own references there."""
    from desktop.sync.engine import SyncEngine

    b, a = two_laptops
    survivor = b.services.beneficiaries.create({"first_name": "Nadia", "last_name": "Aziz"})
    twin = b.services.beneficiaries.create({"first_name": "Nadja", "last_name": "Aziz"})
    assert b.sync().errors == 0 and a.sync().errors == 0
    offline_visit = _visit(b, twin.id, 2, follow_up=TODAY + timedelta(days=3))
    a.services.merges.merge(survivor.id, twin.id)
    first_push = SyncEngine.push
    pushed: list[bool] = []

    def merge_lands_first(engine, report, **options):
        if not pushed:
            pushed.append(True)
            assert a.sync().errors == 0  # the merge reaches the server now
        return first_push(engine, report, **options)

    monkeypatch.setattr(SyncEngine, "push", merge_lands_first)
    report = b.sync()
    assert (report.errors, report.conflicts) == (0, 0), report.warnings
    sessions = server_records(sync_server, b.server_user, "case_session")
    assert sessions[offline_visit.id]["data"]["beneficiary_id"] == survivor.id
    assert _sessions_of(b, survivor.id) == {offline_visit.id}
    (task,) = b.services.tasks.for_beneficiary(survivor.id)
    assert task.beneficiary_id == survivor.id
    assert _outbox(b) == []
    monkeypatch.undo()
    assert a.sync().errors == 0
    assert _sessions_of(a, survivor.id) == {offline_visit.id}
