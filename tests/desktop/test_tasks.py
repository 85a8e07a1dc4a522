"""Issue 14 points 1-2 (local side): follow-up tasks made by sessions and by hand, closed,
seen by their caseworker and by supervisors, all through the one write path."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from desktop.domain.enums import TaskOrigin, TaskState
from desktop.domain.records import BeneficiaryQuery
from desktop.domain.tasks import (
    DISMISSED_FOLLOW_UP_CLEARED,
    DISMISSED_SESSION_CANCELLED,
    SESSION_TASK_NAMESPACE,
    session_task_id,
)
from desktop.errors import PermissionDenied, ValidationError

TODAY = date.today()
LAYLA = {"first_name": "Layla", "last_name": "Haddad"}


def rows(login, sql: str, **params):
    with login.db.read() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql), params)]


@pytest.fixture
def cara(office):
    services = office.services("cara")
    person = services.beneficiaries.create(LAYLA)
    return office, services, person


def _session(services, person, days_ago: int, follow_up: date | None):
    return services.case_sessions.create(
        person.id,
        {
            "starts_at": datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()),
            "kind": "office",
            "status": "done",
            "follow_up_on": follow_up,
        },
    )


def test_a_sessions_follow_up_date_makes_moves_and_dismisses_its_task(cara):
    office, services, person = cara
    login = office.login("cara")
    visit = _session(services, person, 20, TODAY - timedelta(days=3))
    (task,) = services.tasks.for_beneficiary(person.id)
    assert task.id == session_task_id(visit.id)
    assert (task.origin, task.case_session_id, task.state) == (
        TaskOrigin.SESSION.value,
        visit.id,
        TaskState.OPEN,
    )
    assert (task.caseworker_id, task.due_on) == (services.actor.id, TODAY - timedelta(days=3))
    assert services.beneficiaries.get(person.id).next_follow_up_on == TODAY - timedelta(days=3)
    # The task is a record of its own: audited and queued for the server.
    assert rows(login, "SELECT action FROM audit_events WHERE entity_id = :id", id=task.id) == [
        ("create",)
    ]
    assert rows(login, "SELECT entity, op FROM outbox WHERE entity_id = :id", id=task.id) == [
        ("task", "upsert")
    ]

    services.case_sessions.update(visit.id, {"follow_up_on": TODAY + timedelta(days=2)})
    moved = services.tasks.get(task.id)
    assert (moved.due_on, moved.version, moved.state) == (
        TODAY + timedelta(days=2),
        2,
        TaskState.OPEN,
    )
    assert services.beneficiaries.get(person.id).next_follow_up_on == TODAY + timedelta(days=2)

    services.case_sessions.update(visit.id, {"follow_up_on": None})
    cleared = services.tasks.get(task.id)
    assert (cleared.state, cleared.dismissed_reason) == (
        TaskState.DISMISSED,
        DISMISSED_FOLLOW_UP_CLEARED,
    )
    assert services.beneficiaries.get(person.id).next_follow_up_on is None

    # A date again reopens it; cancelling the session dismisses it, saying so.
    services.case_sessions.update(visit.id, {"follow_up_on": TODAY})
    assert services.tasks.get(task.id).state is TaskState.OPEN
    services.case_sessions.cancel(visit.id)
    cancelled = services.tasks.get(task.id)
    assert (cancelled.state, cancelled.dismissed_reason) == (
        TaskState.DISMISSED,
        DISMISSED_SESSION_CANCELLED,
    )
    actions = rows(
        login,
        "SELECT action, changes FROM audit_events WHERE entity_id = :id ORDER BY id",
        id=task.id,
    )
    assert [a for a, _ in actions] == ["create", "update", "update", "update", "update"]
    assert len(services.tasks.for_beneficiary(person.id)) == 1  # one task per session


def test_a_follow_up_marked_done_stops_being_overdue(cara):
    _, services, person = cara
    older = _session(services, person, 30, TODAY - timedelta(days=10))
    _session(services, person, 5, TODAY + timedelta(days=1))
    assert services.tasks.overdue_count(TODAY) == 1
    query = BeneficiaryQuery(follow_up_due_by=TODAY)
    assert services.beneficiaries.count(query) == 1
    task = services.tasks.get(session_task_id(older.id))

    with pytest.raises(ValidationError) as refused:
        services.tasks.mark_done(task.id, "   ")
    assert "done_note" in refused.value.errors
    assert services.tasks.get(task.id).state is TaskState.OPEN  # nothing half-written

    done = services.tasks.mark_done(task.id, "Called; housing form sent.")
    assert (done.state, done.done_note) == (TaskState.DONE, "Called; housing form sent.")
    assert services.tasks.overdue_count(TODAY) == 0
    assert services.beneficiaries.count(query) == 0
    assert services.beneficiaries.get(person.id).next_follow_up_on == TODAY + timedelta(days=1)
    assert [t.due_on for t in services.tasks.mine(TODAY)] == (
        [TODAY + timedelta(days=1)] if TODAY + timedelta(days=1) <= _week_end() else []
    )


def _week_end() -> date:
    return TODAY + timedelta(days=6 - TODAY.weekday())


def test_tasks_by_hand_visibility_and_the_office_view(office):
    cara, colin, sam = (office.services(name) for name in ("cara", "colin", "sam"))
    hers = cara.beneficiaries.create(LAYLA)
    his = colin.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    made = cara.tasks.create(hers.id, {"due_on": TODAY - timedelta(days=1), "title": "Call back"})
    assert (made.origin, made.state, made.title) == ("manual", TaskState.OPEN, "Call back")
    colin.tasks.create(his.id, {"due_on": TODAY, "title": "Visit"})
    with pytest.raises(ValidationError) as refused:
        cara.tasks.create(hers.id, {"due_on": "not a date", "title": "x"})
    assert "due_on" in refused.value.errors

    assert [t.title for t in cara.tasks.open_tasks()] == ["Call back"]
    assert [t.title for t in colin.tasks.open_tasks()] == ["Visit"]
    assert {t.title for t in sam.tasks.open_tasks()} == {"Call back", "Visit"}
    with pytest.raises(PermissionDenied):
        cara.tasks.office_load(TODAY)
    load = {row.caseworker_name: (row.overdue, row.today) for row in sam.tasks.office_load(TODAY)}
    assert load == {"Cara Caseworker": (1, 0), "Colin Caseworker": (0, 1)}

    dismissed = sam.tasks.dismiss(made.id, "Moved away; case to be closed.")
    assert dismissed.state is TaskState.DISMISSED
    assert cara.tasks.overdue_count(TODAY) == 0


def test_a_reassigned_beneficiarys_open_tasks_go_to_the_new_caseworker(office):
    cara, colin, sam = (office.services(name) for name in ("cara", "colin", "sam"))
    person = cara.beneficiaries.create(LAYLA)
    open_one = cara.tasks.create(person.id, {"due_on": TODAY - timedelta(days=1), "title": "Call"})
    done_one = cara.tasks.create(person.id, {"due_on": TODAY, "title": "Write"})
    cara.tasks.mark_done(done_one.id, "Written.")
    sam.beneficiaries.reassign(person.id, colin.actor.id)
    assert sam.tasks.get(open_one.id).caseworker_id == colin.actor.id
    assert sam.tasks.get(done_one.id).caseworker_id == cara.actor.id
    assert colin.tasks.overdue_count(TODAY) == 1
    assert cara.tasks.overdue_count(TODAY) == 0
    # The case's history has the tasks' events, with the names of the people in them.
    events = [e for e in sam.audit.case_history(person.id) if e.entity == "task"]
    assert [e.action for e in events] == ["reassign", "update", "create", "create"]
    assert events[0].changes["caseworker_id"] == ["Cara Caseworker", "Colin Caseworker"]


def test_a_session_task_id_is_one_per_session_and_keeps_a_time_ordered_sessions_time():
    import uuid

    from desktop.store.changes import new_ids

    # Random and older ids: the UUID-5 of the session's id, as store migration 0012 makes.
    for session_id in ("s-old", str(uuid.uuid4())):
        assert session_task_id(session_id) == str(uuid.uuid5(SESSION_TASK_NAMESPACE, session_id))
    ordered = new_ids(2000, time_ordered=True) + new_ids(2000, time_ordered=True)
    tasks = [session_task_id(i) for i in ordered]
    assert tasks == [session_task_id(i) for i in ordered]  # the same on every laptop
    assert len(set(tasks)) == len(ordered) and not set(tasks) & set(ordered)
    parsed = [uuid.UUID(t) for t in tasks]
    assert [str(p) for p in parsed] == tasks
    assert {(p.version, p.variant) for p in parsed} == {(8, uuid.RFC_4122)}
    # The session's time and order kept: its first 8 bytes but the version nibble.
    assert [t[:14] + t[15:18] for t in tasks] == [i[:14] + i[15:18] for i in ordered]
