"""The bulk import path: what it stores must be what the one-record services store."""

from __future__ import annotations

import gc
import uuid
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table

from desktop.domain.enums import Gender, SessionKind, SessionStatus
from desktop.domain.records import BeneficiaryQuery
from desktop.domain.tasks import session_task_id
from desktop.errors import ValidationError
from desktop.services import Services
from desktop.services.bulk import BulkImporter, _insert_rows, _new_ids
from desktop.services.demo import demo_records

FULL_BENEFICIARY = {
    "first_name": "Layla",
    "last_name": "Haddad",
    "date_of_birth": date(1990, 4, 1),
    "gender": Gender.FEMALE,
    "phone": "+254 700 000001",
    "email": "layla@example.org",
    "address": "12 Market Street\nNairobi",
    "preferred_language": "ar",
    "status": "active",
    "consent_given": True,
    "consent_date": date(2025, 1, 2),
    "notes": "Prefers morning visits.",
}
FULL_SESSION = {
    "starts_at": datetime(2026, 1, 5, 9, 30),
    "duration_minutes": 45,
    "kind": SessionKind.HOME_VISIT,
    "location": "Home",
    "status": SessionStatus.PLANNED,
    "summary": "First visit",
    "outcome": "",
    "follow_up_on": date(2026, 2, 1),
}
# Made at write time, different for every record.
OWN_COLUMNS = {
    "pk",
    "id",
    "case_number",
    "created_at",
    "updated_at",
    "beneficiary_id",
    "entity_id",
    "idempotency_key",
}


@pytest.fixture
def cara(office):
    login = office.login("cara")
    return login, Services.for_session(login, office.accounts)


def stored(login, table: str, entity_id: str, key: str = "id") -> dict:
    """The row exactly as SQLite holds it: the text and numbers the driver wrote."""
    with login.db.raw_connection() as connection:
        cursor = connection.execute(f"SELECT * FROM {table} WHERE {key} = ?", (entity_id,))
        names = [column[0] for column in cursor.description]
        (row,) = cursor.fetchall()
    return {name: value for name, value in zip(names, row, strict=True) if name not in OWN_COLUMNS}


def query(login, sql: str, *parameters) -> list[tuple]:
    with login.db.raw_connection() as connection:
        return connection.execute(sql, parameters).fetchall()


@pytest.mark.parametrize(
    ("beneficiary", "sessions"),
    [
        (FULL_BENEFICIARY, [FULL_SESSION]),
        # Empty dates, gender and follow-up: NULL, as the ORM stores None.
        ({"first_name": "Omar", "last_name": "Ali"}, []),
        (FULL_BENEFICIARY, [{"starts_at": datetime(2026, 1, 5, 9, 30)}]),
    ],
)
def test_bulk_rows_are_stored_as_the_services_store_them(cara, beneficiary, sessions):
    login, services = cara
    by_service = services.beneficiaries.create(beneficiary)
    sessions_by_service = [services.case_sessions.create(by_service.id, s) for s in sessions]
    BulkImporter(login.db, login.actor).import_records([(beneficiary, sessions)])
    (bulk_id,) = [
        b.id
        for b in services.beneficiaries.list_page(BeneficiaryQuery(), 0, 10).rows
        if b.id != by_service.id
    ]
    bulk_sessions = services.case_sessions.timeline(bulk_id)
    # The service sets the follow-up when the session is added; the import from the start.
    assert stored(login, "beneficiaries", bulk_id) == stored(login, "beneficiaries", by_service.id)
    for bulk_session, session_by_service in zip(bulk_sessions, sessions_by_service, strict=True):
        assert stored(login, "case_sessions", bulk_session.id) == stored(
            login, "case_sessions", session_by_service.id
        )
    outbox = stored(login, "outbox", bulk_id, key="entity_id")
    assert outbox == stored(login, "outbox", by_service.id, key="entity_id")
    assert outbox["base_version"] is None and outbox["attempts"] == 0
    (at,) = query(login, "SELECT created_at FROM outbox WHERE entity_id = ?", bulk_id)[0]
    (service_at,) = query(
        login, "SELECT created_at FROM outbox WHERE entity_id = ?", by_service.id
    )[0]
    assert len(at) == len(service_at) == len("2026-01-05 09:30:00.000000")
    imported = services.beneficiaries.get(bulk_id)
    assert imported == replace(
        services.beneficiaries.get(by_service.id),
        **{
            key: getattr(imported, key) for key in ("id", "case_number", "created_at", "updated_at")
        },
    )


def test_every_record_has_its_own_audit_event_and_outbox_row(cara):
    login, _ = cara
    result = BulkImporter(login.db, login.actor, chunk_size=7).import_records(
        demo_records(30, 2, seed=5), total=30
    )
    assert (result.beneficiaries, result.case_sessions) == (30, 60)
    # A session's follow-up date is a task of its own (issue 14), imported with it.
    tasks = query(login, "SELECT 'task', id FROM tasks")
    assert (
        len(tasks)
        == len(
            query(
                login,
                "SELECT id FROM case_sessions WHERE follow_up_on IS NOT NULL "
                "AND status != 'cancelled'",
            )
        )
        > 0
    )
    records = (
        query(login, "SELECT 'beneficiary', id FROM beneficiaries")
        + query(login, "SELECT 'case_session', id FROM case_sessions")
        + tasks
    )
    audit = query(
        login,
        "SELECT entity, entity_id, user_id, action FROM audit_events "
        "WHERE entity IN ('beneficiary', 'case_session', 'task')",
    )
    outbox = query(login, "SELECT entity, entity_id, op, state, idempotency_key FROM outbox")
    assert sorted(e[:2] for e in audit) == sorted(records)
    assert sorted(o[:2] for o in outbox) == sorted(records)
    assert {(e[2], e[3]) for e in audit} == {(login.actor.id, "import")}
    assert {(o[2], o[3]) for o in outbox} == {("upsert", "pending")}
    keys = [o[4] for o in outbox]
    assert len(set(keys)) == len(keys) and {uuid.UUID(k).version for k in keys} == {4}


def test_ids_are_unique_time_ordered_uuids_in_import_order(cara):
    login, _ = cara
    BulkImporter(login.db, login.actor, chunk_size=16).import_records(
        demo_records(50, 1, seed=1), total=50
    )
    rows = query(login, "SELECT id, case_number FROM beneficiaries ORDER BY pk")
    ids = [row[0] for row in rows]
    assert len(set(ids)) == 50 and {uuid.UUID(i).version for i in ids} == {7}
    assert ids == sorted(ids)  # id index inserts go to its end
    numbers = [row[1] for row in rows]
    assert len(set(numbers)) == 50 and numbers == sorted(numbers)
    sessions = [row[0] for row in query(login, "SELECT id FROM case_sessions")]
    assert len(set(sessions)) == 50 and {uuid.UUID(i).version for i in sessions} == {7}

    # Their tasks' ids follow them (domain/tasks.py): in the order the sessions were made.
    tasks = query(
        login,
        "SELECT t.id, t.case_session_id FROM tasks AS t "
        "JOIN case_sessions AS s ON s.id = t.case_session_id ORDER BY s.rowid",
    )
    assert tasks and [t[0] for t in tasks] == [session_task_id(t[1]) for t in tasks]
    assert {uuid.UUID(t[0]).version for t in tasks} == {8}
    assert [t[0][:18] for t in tasks] == sorted(t[0][:18] for t in tasks)


def test_new_ids_are_well_formed():
    for version, time_ordered in ((4, False), (7, True)):
        ids = _new_ids(1000, time_ordered=time_ordered)
        parsed = [uuid.UUID(i) for i in ids]
        assert [str(p) for p in parsed] == ids and len(set(ids)) == 1000
        assert {p.version for p in parsed} == {version}
        assert {p.variant for p in parsed} == {uuid.RFC_4122}
    assert _new_ids(0) == []


def test_search_index_stays_in_step(cara):
    login, services = cara
    BulkImporter(login.db, login.actor, chunk_size=10).import_records(
        demo_records(25, 0, seed=2), total=25
    )
    everyone = services.beneficiaries.list_page(BeneficiaryQuery(), 0, 100).rows
    for beneficiary in everyone[::6]:
        found = services.beneficiaries.list_page(
            BeneficiaryQuery(search=beneficiary.case_number), 0, 10
        )
        assert [b.id for b in found.rows] == [beneficiary.id]
    # The per-row trigger is back: a record added one at a time is found too.
    single = services.beneficiaries.create({"first_name": "Zebedee", "last_name": "Quill"})
    found = services.beneficiaries.list_page(BeneficiaryQuery(search="Zebedee"), 0, 10)
    assert [b.id for b in found.rows] == [single.id]
    (count,) = query(login, "SELECT count(*) FROM beneficiary_search")[0]
    assert count == 26


def test_invalid_record_names_record_and_field_and_writes_nothing_of_its_chunk(cara):
    login, _ = cara
    records = list(demo_records(12, 1, seed=3))
    records[7] = ({**records[7][0], "email": "not an address"}, records[7][1])
    with pytest.raises(ValidationError) as raised:
        BulkImporter(login.db, login.actor, chunk_size=5).import_records(records, total=12)
    assert list(raised.value.errors) == ["record 8: email"]
    # The first chunk (records 1-5) is kept whole; nothing of the second is written.
    for table in ("beneficiaries", "case_sessions", "beneficiary_search"):
        assert query(login, f"SELECT count(*) FROM {table}")[0][0] == 5
    # Each record, and the task of each session's follow-up date (issue 14), imported with it.
    tasks = query(login, "SELECT count(*) FROM tasks")[0][0]
    assert query(login, "SELECT count(*) FROM outbox")[0][0] == 10 + tasks
    assert query(login, "SELECT count(*) FROM audit_events WHERE action = 'import'")[0][0] == (
        10 + tasks
    )
    assert gc.isenabled()


def test_a_failed_write_leaves_nothing_of_its_chunk(cara, monkeypatch):
    login, services = cara
    from desktop.services import bulk

    calls = []

    def failing(connection, entity, entity_ids, now, actor_id):
        calls.append(entity)
        if len(calls) == 3:  # the second chunk, after its records were inserted
            raise RuntimeError("disk full")
        original(connection, entity, entity_ids, now, actor_id)

    original = bulk._insert_journal
    monkeypatch.setattr(bulk, "_insert_journal", failing)
    with pytest.raises(RuntimeError):
        BulkImporter(login.db, login.actor, chunk_size=4).import_records(
            demo_records(10, 1, seed=4), total=10
        )
    for table in ("beneficiaries", "case_sessions", "beneficiary_search"):
        assert query(login, f"SELECT count(*) FROM {table}")[0][0] == 4
    tasks = query(login, "SELECT count(*) FROM tasks")[0][0]
    assert query(login, "SELECT count(*) FROM outbox")[0][0] == 8 + tasks
    assert gc.isenabled()
    # The search trigger dropped inside the failed transaction came back with its rollback.
    single = services.beneficiaries.create({"first_name": "Zebedee", "last_name": "Quill"})
    found = services.beneficiaries.list_page(BeneficiaryQuery(search="Zebedee"), 0, 10)
    assert [b.id for b in found.rows] == [single.id]


def test_case_numbers_continue_across_imports(cara):
    login, services = cara
    services.beneficiaries.create(FULL_BENEFICIARY)
    importer = BulkImporter(login.db, login.actor, chunk_size=3)
    importer.import_records(demo_records(5, 0, seed=6))
    importer.import_records(demo_records(4, 0, seed=7))
    numbers = [row[0] for row in query(login, "SELECT case_number FROM beneficiaries ORDER BY pk")]
    assert len(set(numbers)) == 10
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == list(range(1, 11))


def test_a_column_with_a_default_cannot_be_left_out():
    table = Table(
        "example",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("state", String, default="pending"),
    )
    with pytest.raises(ValueError, match="must give state"):
        _insert_rows(None, table, ("id",), [(1,)])
    with pytest.raises(ValueError, match="NOT NULL"):
        _insert_rows(None, table, ("id", "state"), [(1, "")], empty_is_null=frozenset({"id"}))


def test_bulk_rows_are_built_by_name_from_the_schema():
    """A new optional field in the schema needs no edit of the bulk path."""
    from itertools import repeat

    from desktop.domain import schema
    from desktop.services.bulk import BENEFICIARY_ROWS, _Rows

    typed = schema.names(schema.BENEFICIARY, editable=True)
    assert BENEFICIARY_ROWS.columns[: 1 + len(typed)] == ("id", *typed)
    extra = schema.Field("id_number", schema.Kind.TEXT, "ID number", max_length=50)
    joined = schema.Field("joined_on", schema.Kind.DATE, "Joined")
    rows = _Rows((*schema.BENEFICIARY, extra, joined), ("caseworker_id", "case_number"), {})
    assert rows.columns[len(typed) + 1 : len(typed) + 3] == ("id_number", "joined_on")
    assert "joined_on" in rows.empty_is_null and "id_number" not in rows.empty_is_null
    from desktop.domain.validation import validate_beneficiary

    cleaned = {
        **validate_beneficiary(FULL_BENEFICIARY),  # every typed field, as the import has it
        "id_number": "AB 123",
        "joined_on": date(2026, 1, 2),
    }
    (row,) = rows.rows(["the-id"], [cleaned], ["owner"], ["CASE-1"], *map(repeat, "abcdef"))
    by_name = dict(zip(rows.columns, row, strict=True))
    assert by_name["id_number"] == "AB 123" and by_name["joined_on"] == "2026-01-02"
    assert (by_name["gender"], by_name["consent_given"], by_name["status"]) == (
        "female",
        1,
        "active",
    )
    assert (by_name["caseworker_id"], by_name["case_number"], by_name["sync_status"]) == (
        "owner",
        "CASE-1",
        "f",
    )
    assert all(type(value) in (str, int) for value in row)  # what the driver binds fastest
