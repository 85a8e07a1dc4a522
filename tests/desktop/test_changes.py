"""The one write path of a change's bookkeeping (desktop/store/changes.py).

Versions, audit events, outbox rows and the next follow-up are written by one function,
in one set-based form for one record or ten thousand; the services, the bulk importer,
the sync's pull and conflict resolution all use it (the sync and conflict paths against
a real server: tests/e2e/test_one_write_path.py).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.domain.enums import Entity, OutboxOp, SessionStatus, SyncStatus
from desktop.services import Services
from desktop.services.bulk import BulkImporter
from desktop.store.changes import Change, record_changes
from desktop.store.tables import utcnow

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
STORE_WRITER = DESKTOP / "store" / "changes.py"

# Every way the code writes a row of these tables: raw SQL, a Core insert, an ORM object.
WRITES = re.compile(
    r"INSERT\s+INTO\s+(audit_events|outbox)\b"
    r"|INSERT\s+INTO\s+\{(AuditEventRow|OutboxRow)\.__tablename__\}"
    r"|INSERT\s+INTO\s+\{(AUDIT|OUTBOX)\}"
    r"|insert\(\s*(AuditEventRow|OutboxRow)\b"
    r"|(?<!class )\b(AuditEventRow|OutboxRow)\(",
    re.IGNORECASE,
)
# A record's version written by hand instead of by the store's bookkeeping.
VERSION_WRITES = re.compile(r"\.version\s*(\+=|=[^=])|\bmark_changed\b")


def sources() -> list[Path]:
    return sorted(p for p in DESKTOP.rglob("*.py") if "migrations" not in p.parts)


def test_only_the_store_writes_audit_events_and_outbox_rows():
    writers = {
        str(path.relative_to(DESKTOP.parent))
        for path in sources()
        if WRITES.search(path.read_text(encoding="utf-8"))
    }
    assert writers == {"desktop/store/changes.py"}


def test_no_path_bumps_a_record_version_by_hand():
    by_hand = {
        f"{path.relative_to(DESKTOP.parent)}:{number}"
        for path in sources()
        if path != STORE_WRITER
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if VERSION_WRITES.search(line.split("#")[0])
        # The server's version held beside the record, and the merge base's version.
        and "server_version" not in line
        and "row.version = version" not in line
    }
    assert by_hand == set()


def test_the_next_follow_up_rule_is_the_stores_and_sync_does_not_reach_into_services():
    defined = [
        path.relative_to(DESKTOP.parent)
        for path in sources()
        if re.search(r"^def refresh_next_follow_up", path.read_text(encoding="utf-8"), re.M)
    ]
    assert [str(p) for p in defined] == ["desktop/store/changes.py"]
    for path in (DESKTOP / "sync").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "desktop.services.beneficiaries" not in text, path.name
        assert "desktop.services.conflicts" not in text, path.name
    assert not (DESKTOP / "sync" / "conflicts.py").exists()


@pytest.fixture
def cara(office):
    login = office.login("cara")
    return login, Services.for_session(login, office.accounts)


def query(login, sql: str, *parameters) -> list[tuple]:
    with login.db.raw_connection() as connection:
        return connection.execute(sql, parameters).fetchall()


def execute(login, sql: str, *parameters) -> None:
    with login.db.raw_connection() as connection:
        connection.execute(sql, parameters)
        connection.commit()


def test_one_call_for_many_records_applies_each_records_outbox_rule(cara):
    """The bulk form of "repeated edits of an unsent record keep one row", state by state."""
    login, services = cara
    names = ("sent once", "uploading", "refused", "deleted", "untouched", "no row", "conflict")
    ids = {
        name: services.beneficiaries.create({"first_name": name.title(), "last_name": "Row"}).id
        for name in names
    }
    keys = dict(query(login, "SELECT entity_id, idempotency_key FROM outbox"))
    execute(login, "UPDATE outbox SET attempts = 2 WHERE entity_id = ?", ids["sent once"])
    execute(login, "UPDATE outbox SET state = 'uploading' WHERE entity_id = ?", ids["uploading"])
    execute(
        login,
        "UPDATE outbox SET state = 'error', attempts = 1, last_error = 'refused' "
        "WHERE entity_id = ?",
        ids["refused"],
    )
    execute(login, "UPDATE outbox SET op = 'delete' WHERE entity_id = ?", ids["deleted"])
    execute(login, "DELETE FROM outbox WHERE entity_id = ?", ids["no row"])
    execute(login, "UPDATE outbox SET state = 'conflict' WHERE entity_id = ?", ids["conflict"])
    execute(
        login,
        "UPDATE beneficiaries SET server_version = 7, sync_status = 'conflict', "
        "sync_error = 'both changed' WHERE id = ?",
        ids["conflict"],
    )
    execute(login, "UPDATE beneficiaries SET server_version = 4 WHERE id = ?", ids["no row"])

    with login.db.write() as uow:
        record_changes(
            uow.session,
            Entity.BENEFICIARY,
            [
                Change(ids[name], {"notes": ["", name]}, 4 if name == "no row" else None)
                for name in names
            ],
            action="update",
            actor_id=login.actor.id,
            now=datetime(2026, 5, 1, 12, 0, 0, 5),
            status=SyncStatus.PENDING,
            outbox=OutboxOp.UPSERT,
        )
        uow.commit()

    rows = {
        row[0]: row[1:]
        for row in query(
            login,
            "SELECT entity_id, op, state, attempts, changed_during_upload, idempotency_key, "
            "base_version, last_error, updated_at FROM outbox",
        )
    }
    by_name = {name: rows[ids[name]] for name in names}
    assert {name: row[:4] for name, row in by_name.items()} == {
        "sent once": ("upsert", "pending", 0, 0),  # a new payload: a new key
        "uploading": ("upsert", "uploading", 0, 1),  # the ack of the old payload keeps it
        "refused": ("upsert", "pending", 0, 0),  # changed by the user: sent again
        "deleted": ("delete", "pending", 0, 0),  # a queued delete stays a delete
        "untouched": ("upsert", "pending", 0, 0),
        "no row": ("upsert", "pending", 0, 0),
        "conflict": ("upsert", "conflict", 0, 0),  # only a decision ends a conflict
    }
    new_keys = {name for name in names if by_name[name][4] != keys.get(ids[name])}
    assert new_keys == {"sent once", "refused", "no row"}
    assert all(uuid.UUID(row[4]).version == 4 for row in by_name.values())
    assert by_name["no row"][5] == 4 and by_name["untouched"][5] is None
    assert by_name["refused"][6] is None
    assert {row[7] for row in by_name.values()} == {"2026-05-01 12:00:00.000005"}

    records = {
        row[0]: row[1:]
        for row in query(
            login, "SELECT id, version, sync_status, sync_error, updated_at FROM beneficiaries"
        )
    }
    assert {records[ids[n]][0] for n in names} == {2}
    assert records[ids["conflict"]][1:3] == ("conflict", "both changed")
    assert {records[ids[n]][1] for n in names if n != "conflict"} == {"pending"}
    events = query(
        login,
        "SELECT entity_id, user_id, action, changes, at FROM audit_events "
        "WHERE action = 'update' ORDER BY id",
    )
    assert [e[0] for e in events] == [ids[n] for n in names]  # in the order given
    assert {e[1:3] for e in events} == {(login.actor.id, "update")}
    assert [json.loads(e[3]) for e in events] == [{"notes": ["", n]} for n in names]


def test_a_list_of_one_writes_what_the_list_of_many_writes_for_it(cara):
    login, services = cara
    ids = [
        services.beneficiaries.create({"first_name": f"Person{n}", "last_name": "Same"}).id
        for n in range(4)
    ]
    now = utcnow()

    def write(changes):
        with login.db.write() as uow:
            record_changes(
                uow.session,
                Entity.BENEFICIARY,
                changes,
                action="update",
                actor_id=login.actor.id,
                now=now,
                status=SyncStatus.PENDING,
                outbox=OutboxOp.UPSERT,
            )
            uow.commit()

    write([Change(i, {"phone": ["", "+254 700 000001"]}) for i in ids[:2]])
    for i in ids[2:]:
        write([Change(i, {"phone": ["", "+254 700 000001"]})])

    def written(record_id):
        audit = query(
            login,
            "SELECT user_id, action, entity, changes, at FROM audit_events "
            "WHERE entity_id = ? ORDER BY id",
            record_id,
        )
        outbox = query(
            login,
            "SELECT entity, op, base_version, state, changed_during_upload, attempts, "
            "next_attempt_at, last_error, created_at != updated_at FROM outbox "
            "WHERE entity_id = ?",
            record_id,
        )
        record = query(
            login,
            "SELECT version, updated_at, updated_by, sync_status FROM beneficiaries WHERE id = ?",
            record_id,
        )
        return audit[1:], outbox, record  # the create's own event differs in its values

    assert written(ids[0]) == written(ids[1]) == written(ids[2]) == written(ids[3])


def test_imported_next_follow_up_follows_the_same_rule_as_the_services(cara):
    """The latest session is cancelled: the follow-up is the latest live one's (the rule
    the services, the pull and conflict resolution use), for an import too."""
    login, services = cara
    earlier = {
        "starts_at": datetime(2026, 1, 5, 9, 30),
        "status": SessionStatus.DONE,
        "follow_up_on": date(2026, 2, 1),
    }
    cancelled = {
        "starts_at": datetime(2026, 1, 20, 9, 30),
        "status": SessionStatus.CANCELLED,
        "follow_up_on": date(2026, 3, 1),
    }
    person = {"first_name": "Amina", "last_name": "Yusuf"}
    by_service = services.beneficiaries.create(person)
    for fields in (earlier, cancelled):
        services.case_sessions.create(by_service.id, fields)
    BulkImporter(login.db, login.actor).import_records([(person, [earlier, cancelled])])
    follow_ups = dict(query(login, "SELECT id, next_follow_up_on FROM beneficiaries"))
    assert follow_ups.pop(by_service.id) == "2026-02-01"
    assert list(follow_ups.values()) == ["2026-02-01"]
