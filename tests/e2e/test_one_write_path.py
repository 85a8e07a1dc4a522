"""The one write path (desktop/store/changes.py) as the four paths use it, against a real server.

A record made by the services, one imported in bulk, the same records pulled on a second
laptop, and a supervisor's decision of a conflict: their versions, audit events and
outbox rows have one shape, and each keeps the beneficiary's next follow-up by one rule
(the earliest open task; a session's follow-up date is its task, issue 14).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from desktop.services.bulk import BulkImporter
from desktop.services.conflicts import Choice, ConflictService

STORED_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


def rows(laptop, sql: str, *parameters) -> list[dict]:
    with laptop.login.db.raw_connection() as connection:
        cursor = connection.execute(sql, parameters)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def audit_shape(event: dict) -> tuple:
    """What every record's audit event looks like, whichever path wrote it."""
    changes = json.loads(event["changes"])
    canonical = json.dumps(changes, ensure_ascii=False, sort_keys=True) == event["changes"]
    pairs = all(isinstance(v, list) and len(v) == 2 for v in changes.values())
    return (bool(STORED_TIME.match(event["at"])), canonical, pairs, event["entity"])


def outbox_shape(row: dict) -> tuple:
    return (
        row["state"],
        row["attempts"],
        row["changed_during_upload"],
        len(row["idempotency_key"]),
        bool(STORED_TIME.match(row["created_at"])),
        bool(STORED_TIME.match(row["updated_at"])),
    )


def follow_up(laptop, beneficiary_id: str) -> str | None:
    (row,) = rows(
        laptop, "SELECT next_follow_up_on FROM beneficiaries WHERE id = ?", beneficiary_id
    )
    return row["next_follow_up_on"]


def test_services_bulk_pull_and_resolve_write_one_shape(laptops):
    a, b = laptops(), laptops()
    person = a.services.beneficiaries.create({"first_name": "Lina", "last_name": "Haddad"})
    visit = a.services.case_sessions.create(
        person.id, {"starts_at": datetime(2026, 3, 2, 10), "follow_up_on": date(2026, 4, 1)}
    )
    BulkImporter(a.login.db, a.login.actor).import_records(
        [
            (
                {"first_name": "Omar", "last_name": "Saleh"},
                [{"starts_at": datetime(2026, 3, 3, 11), "follow_up_on": date(2026, 4, 2)}],
            )
        ]
    )
    record_events = (
        "SELECT * FROM audit_events WHERE entity IN ('beneficiary', 'case_session', 'task')"
    )
    made_here = rows(a, record_events)
    queued = rows(a, "SELECT * FROM outbox ORDER BY id")
    assert {e["action"] for e in made_here} == {"create", "import"}
    assert len({audit_shape(e) for e in made_here if e["entity"] == "beneficiary"}) == 1
    # Two beneficiaries, two sessions and the task of each session's follow-up date.
    assert len({outbox_shape(row) for row in queued}) == 1 and len(queued) == 6
    assert a.sync().sent == 6

    assert b.sync().received == 6
    pulled = rows(b, record_events)
    assert {e["action"] for e in pulled} == {"sync_create"}
    assert {e["user_id"] for e in pulled} == {None}  # the sync, not a person here
    assert {audit_shape(e) for e in pulled} == {audit_shape(e) for e in made_here}
    assert rows(b, "SELECT * FROM outbox") == []  # what came from the server is not sent back
    for laptop in (a, b):
        versions = rows(
            laptop,
            "SELECT version FROM beneficiaries UNION ALL SELECT version FROM case_sessions "
            "UNION ALL SELECT version FROM tasks",
        )
        assert [v["version"] for v in versions] == [1] * 6
    # Pulled tasks set their beneficiary's next follow-up as a task made here does.
    assert follow_up(b, person.id) == follow_up(a, person.id) == "2026-04-01"

    # Both laptops change the session's follow-up (and so its task's due date); the
    # supervisor keeps the other's values.
    a.services.case_sessions.update(visit.id, {"follow_up_on": date(2026, 5, 1)})
    b.services.case_sessions.update(visit.id, {"follow_up_on": date(2026, 6, 1)})
    assert b.sync().sent == 2
    assert a.sync().conflicts == 2
    assert follow_up(a, person.id) == "2026-05-01"
    conflicts = ConflictService(a.login.db, a.login.actor)
    found = conflicts.open_conflicts()
    assert sorted((c.entity, c.field) for c in found) == [
        ("case_session", "follow_up_on"),
        ("task", "due_on"),
    ]
    for conflict in found:
        conflicts.resolve(conflict.id, Choice.THEIRS)
    decided = rows(a, "SELECT * FROM audit_events WHERE action = 'conflict_resolved'")
    assert {e["user_id"] for e in decided} == {a.login.actor.id}
    assert {audit_shape(e) for e in decided} == {
        audit_shape(next(e for e in made_here if e["entity"] == entity))
        for entity in ("case_session", "task")
    }
    (session_row,) = rows(
        a, "SELECT version, sync_status FROM case_sessions WHERE id = ?", visit.id
    )
    assert session_row == {"version": 3, "sync_status": "pending"}  # created, edited, decided
    # The decision moved the beneficiary's next follow-up with the session's.
    assert follow_up(a, person.id) == "2026-06-01"
    requeued = rows(a, "SELECT * FROM outbox")
    assert [outbox_shape(row) for row in requeued] == [outbox_shape(queued[0])] * 2

    assert a.sync().sent == 2
    b.sync()
    assert follow_up(b, person.id) == follow_up(a, person.id) == "2026-06-01"


def test_a_push_merged_with_the_servers_newer_copy_records_what_it_took(laptops):
    """Two laptops edit different fields; the second push is stale and merges. What the
    merge took from the server is in that laptop's history, as a pull's change is, and
    the record's version moves on (a form opened before it is refused, not overwritten)."""
    a, b = laptops(), laptops()
    record = a.services.beneficiaries.create({"first_name": "Nadia", "last_name": "Kamel"})
    a.sync()
    b.sync()
    b.services.beneficiaries.update(record.id, {"phone": "+20 100 555 0101"})
    assert b.sync().errors == 0
    a.services.beneficiaries.update(record.id, {"notes": "Prefers morning visits."})
    before = a.services.beneficiaries.get(record.id).version
    report = a.sync()
    assert (report.errors, report.conflicts) == (0, 0)

    merged = a.services.beneficiaries.get(record.id)
    assert (merged.phone, merged.notes) == ("+20 100 555 0101", "Prefers morning visits.")
    assert merged.version > before
    taken = [
        event
        for event in a.services.audit.history(record.id)
        if event.action == "sync_update" and "phone" in event.changes
    ]
    assert [event.changes["phone"] for event in taken] == [["", "+20 100 555 0101"]]
    assert "notes" not in taken[0].changes  # this laptop's own edit is not the server's
