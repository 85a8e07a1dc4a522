"""Issue 14 point 1: tasks sync like sessions, on SQLite and on PostgreSQL servers.

Real encrypted laptops and a real server process on loopback: a session's follow-up made
on one laptop arrives as a task on another; marked done there, it is done (and no longer
overdue) on the first; two laptops changing one task merge per field, or show a conflict
on the field both changed; a caseworker cannot see or write another caseload's tasks.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import httpx
import pytest

from desktop.domain.enums import TaskState
from desktop.domain.tasks import session_task_id
from desktop.services.conflicts import Choice
from tests.e2e.conftest import server_records
from tests.server.conftest import backend, servers  # noqa: F401  (both backends)

TODAY = date.today()


@pytest.fixture(scope="module")
def sync_server(servers):  # noqa: F811
    return servers.start(dev=True)


def _follow_up_session(laptop, days_ago: int = 20, follow_up_days_ago: int = 4):
    person = laptop.services.beneficiaries.create({"first_name": "Farah", "last_name": "Idris"})
    visit = laptop.services.case_sessions.create(
        person.id,
        {
            "starts_at": datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()),
            "kind": "home_visit",
            "status": "done",
            "follow_up_on": TODAY - timedelta(days=follow_up_days_ago),
        },
    )
    return person, visit


def test_a_follow_up_travels_as_a_task_and_done_there_is_done_here(laptops, sync_server):
    worker = laptops("caseworker")
    office = laptops("supervisor", server_user=None)
    # The supervisor's account must be in the caseworker's organisation.
    office_user = sync_server.new_user("supervisor", organisation=worker.server_user.organisation)
    office.close()
    office = laptops("supervisor", server_user=office_user)

    person, visit = _follow_up_session(worker)
    task_id = session_task_id(visit.id)
    assert worker.services.tasks.overdue_count(TODAY) == 1
    assert worker.sync().errors == 0
    on_server = server_records(sync_server, worker.server_user, "task")[task_id]["data"]
    assert {k: on_server[k] for k in ("due_on", "origin", "case_session_id", "state")} == {
        "due_on": (TODAY - timedelta(days=4)).isoformat(),
        "origin": "session",
        "case_session_id": visit.id,
        "state": "open",
    }
    assert on_server["caseworker_id"] == worker.server_user.id

    assert office.sync().errors == 0
    (load,) = office.services.tasks.office_load(TODAY)
    assert (load.overdue, load.today) == (1, 0)
    assert office.services.beneficiaries.get(person.id).next_follow_up_on == TODAY - timedelta(
        days=4
    )
    office.services.tasks.mark_done(task_id, "Visited with the housing officer.")
    assert office.sync().errors == 0

    assert worker.sync().errors == 0
    arrived = worker.services.tasks.get(task_id)
    assert (arrived.state, arrived.done_note) == (
        TaskState.DONE,
        "Visited with the housing officer.",
    )
    assert worker.services.tasks.overdue_count(TODAY) == 0
    assert worker.services.beneficiaries.get(person.id).next_follow_up_on is None

    # The session's date moved again on the caseworker's laptop: the task is open again,
    # on the supervisor's too.
    worker.services.case_sessions.update(visit.id, {"follow_up_on": TODAY + timedelta(days=1)})
    assert worker.sync().errors == 0
    assert office.sync().errors == 0
    moved = office.services.tasks.get(task_id)
    assert (moved.state, moved.due_on) == (TaskState.OPEN, TODAY + timedelta(days=1))


def test_two_laptops_merge_a_task_per_field_and_conflict_on_the_same_field(laptops):
    a, b = laptops(), laptops()
    person, visit = _follow_up_session(a)
    task_id = session_task_id(visit.id)
    a.sync()
    b.sync()

    # Different fields: a moves the date (through the session), b dismisses the task.
    a.services.case_sessions.update(visit.id, {"follow_up_on": TODAY - timedelta(days=1)})
    b.services.tasks.dismiss(task_id, "Family moved to another district.")
    assert a.sync().errors == 0
    report = b.sync()
    assert report.conflicts == 0
    merged = b.services.tasks.get(task_id)
    # Both changes kept: the new due date and the dismissal.
    assert (merged.due_on, merged.state) == (TODAY - timedelta(days=1), TaskState.DISMISSED)
    a.sync()
    assert a.services.tasks.get(task_id).state is TaskState.DISMISSED

    # The same field: both laptops close the same new task with different notes.
    other = a.services.tasks.create(person.id, {"due_on": TODAY, "title": "Call the school"})
    a.sync()
    b.sync()
    a.services.tasks.mark_done(other.id, "School called: enrolled.")
    b.services.tasks.mark_done(other.id, "Spoke to the head teacher.")
    assert a.sync().errors == 0
    b.sync()
    conflicts = b.services.conflicts.open_conflicts(other.id)
    assert [c.field for c in conflicts] == ["done_note"]
    assert (conflicts[0].local_value, conflicts[0].server_value) == (
        "Spoke to the head teacher.",
        "School called: enrolled.",
    )
    b.services.conflicts.resolve(conflicts[0].id, Choice.THEIRS)
    assert b.sync().errors == 0
    assert b.services.tasks.get(other.id).done_note == "School called: enrolled."


def test_a_caseworker_cannot_see_or_write_another_caseloads_tasks(laptops, sync_server):
    mine = laptops("caseworker")
    theirs = laptops("caseworker")
    _person, visit = _follow_up_session(mine)
    assert mine.sync().errors == 0
    assert theirs.sync().errors == 0
    assert theirs.services.tasks.open_tasks() == []
    assert session_task_id(visit.id) not in server_records(sync_server, theirs.server_user, "task")

    # Pushed by hand: a change to the task, and a new task on that beneficiary.
    task = server_records(sync_server, mine.server_user, "task")[session_task_id(visit.id)]
    sync_server.login(theirs.server_user)
    changes = [
        {
            "entity": "task",
            "id": task["id"],
            "op": "upsert",
            "base_version": task["version"],
            "idempotency_key": "k-1",
            "data": {**task["data"], "state": "dismissed", "dismissed_reason": "not mine"},
        },
        {
            "entity": "task",
            "id": "3f8e1c1e-0d7a-4c55-9a52-5e8a4ad3f001",
            "op": "upsert",
            "base_version": None,
            "idempotency_key": "k-2",
            "data": {"beneficiary_id": task["data"]["beneficiary_id"], "due_on": "2026-01-05"},
        },
    ]
    with httpx.Client(base_url=sync_server.base_url, timeout=30) as http:
        answer = http.post(
            "/api/sync/push", json={"changes": changes}, headers=theirs.server_user.headers
        ).json()["data"]["results"]
    assert [(r["status"], r.get("code")) for r in answer] == [
        ("rejected", "forbidden"),
        ("rejected", "validation_error"),
    ]
    assert answer[1]["errors"] == {"beneficiary_id": "no such beneficiary"}
    assert (
        server_records(sync_server, mine.server_user, "task")[task["id"]]["version"]
        == (task["version"])
    )


def test_a_task_leaves_the_laptop_with_its_beneficiary_bytes_included(laptops, sync_server):
    from desktop.errors import NotFound
    from tests.bytesearch import laptop_leaks

    supervisor = laptops()
    laptop = laptops("caseworker")
    other = sync_server.new_user("caseworker", organisation=supervisor.server_user.organisation)
    person, _visit = _follow_up_session(laptop)
    secret = f"Ring Mrs Quillfeather-{person.id[:8]} about the eviction"
    by_hand = laptop.services.tasks.create(person.id, {"due_on": TODAY, "title": secret})
    assert laptop.sync().errors == 0
    laptop.services.tasks.mark_done(by_hand.id, secret + ": done")  # unsent when it moves

    sync_server.login(supervisor.server_user)
    with httpx.Client(base_url=sync_server.base_url, timeout=30) as http:
        moved = http.put(
            f"/api/beneficiaries/{person.id}",
            json={"caseworker_id": other.id},
            headers=supervisor.server_user.headers,
        )
    assert moved.status_code == 200, moved.text
    report = laptop.sync()
    assert not report.failed, report.warnings
    # The unsent change arrived first, then the task left this laptop with its person.
    assert server_records(sync_server, other, "task")[by_hand.id]["data"]["state"] == "done"
    with pytest.raises(NotFound):
        laptop.services.tasks.get(by_hand.id)
    assert laptop.services.tasks.overdue_count(TODAY) == 0
    assert laptop_leaks(laptop.paths.database, laptop.login.db.key, [secret]) == {}
