"""The bulk path for imports and demo data: validated rows, Core executemany, chunked commits.

One ORM object at a time manages ~10k rows/s; one ``executemany`` per table is several
times faster. The rows go to the driver as tuples of stored values (what SQLAlchemy's
SQLite types would write: ISO dates, ``YYYY-MM-DD HH:MM:SS.ffffff`` times), because Core's
per-row parameter processing cost as much as SQLite's own insert work; plain str and int
only, because the driver looks anything else (enums, bools, None) up in its adapter
registry, at about 30 times the cost of binding a str. Records get time-ordered ids so
that the id indexes of records, audit events and outbox rows grow at their end. Each chunk
(beneficiaries, their sessions, audit events and outbox rows) is one transaction: a crash
keeps whole chunks.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table

from desktop.auth.permissions import Permission, require
from desktop.domain.enums import (
    BeneficiaryStatus,
    ClosureReason,
    Entity,
    Gender,
    OutboxOp,
    SessionKind,
    SessionStatus,
    SyncStatus,
)
from desktop.domain.records import Actor
from desktop.domain.validation import (
    BENEFICIARY_FIELDS,
    CASE_SESSION_FIELDS,
    validate_beneficiary,
    validate_case_session,
)
from desktop.errors import ValidationError
from desktop.store.db import Database
from desktop.store.tables import (
    AuditEventRow,
    BeneficiaryRow,
    CaseSessionRow,
    OutboxRow,
    utcnow,
)

from .common import allocate_case_numbers

log = logging.getLogger(__name__)

Record = tuple[Mapping[str, Any], list[Mapping[str, Any]]]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    beneficiaries: int
    case_sessions: int
    cancelled: bool = False


def _stored(value: Any) -> Any:
    """A date or time as SQLAlchemy's SQLite types store it."""
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


# Enum members as their plain text and booleans as 0/1: the driver binds exact str and int
# directly, but looks every subclass (StrEnum, bool) up in its adapter registry first,
# about 5% of an import's time.
_TEXT: dict[Any, str] = {
    member: member.value
    for kind in (Gender, BeneficiaryStatus, ClosureReason, SessionKind, SessionStatus)
    for member in kind
}

STAMP_COLUMNS = ("created_at", "created_by", "updated_at", "updated_by", "version", "sync_status")


def _new_ids(count: int, *, time_ordered: bool = False) -> list[str]:
    """``count`` UUIDs as text from one ``os.urandom`` call: random (version 4), or version 7.

    ``uuid4()`` builds a UUID object per id, five times the cost of this. Version 7 ids
    (RFC 9562) start with the time in milliseconds and keep 74 random bits, so they are as
    unique as version 4 ones; returned sorted, they reach the end of the id indexes in
    order instead of touching a random page of each index per row. The ids of a
    chunk share one time stamp and the next chunk's is later.
    """
    raw = bytearray(os.urandom(16 * count))
    version = 0x40
    if time_ordered:
        version = 0x70
        stamp = (time.time_ns() // 1_000_000).to_bytes(6, "big")
        for position in range(6):
            raw[position::16] = stamp[position : position + 1] * count
    raw[6::16] = bytes(byte & 0x0F | version for byte in raw[6::16])
    raw[8::16] = bytes(byte & 0x3F | 0x80 for byte in raw[8::16])  # RFC 4122 variant
    hexed = raw.hex()
    ids = [
        f"{hexed[i : i + 8]}-{hexed[i + 8 : i + 12]}-{hexed[i + 12 : i + 16]}-"
        f"{hexed[i + 16 : i + 20]}-{hexed[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]
    if time_ordered:
        ids.sort()
    return ids


def _check_columns(table: Table, names: tuple[str, ...]) -> None:
    """Refuses to leave out a column that has a Python-side default.

    A column left out is stored as NULL: one added later with a default must not be
    skipped silently by the bulk path.
    """
    missing = [c.key for c in table.columns if c.key not in names and c.default is not None]
    if missing:
        raise ValueError(f"bulk rows of {table.name} must give {', '.join(missing)}")


def _insert_rows(
    connection: Connection,
    table: Table,
    names: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    *,
    empty_is_null: frozenset[str] = frozenset(),
) -> None:
    """One executemany of ``rows`` (tuples of stored values, in ``names`` order) into ``table``.

    Columns left out are stored as NULL (see _check_columns). The columns in
    ``empty_is_null`` take "" for NULL: the driver binds None at 30 times the cost of a
    string (it searches its adapter registry for every value that is not exactly a str,
    int or float), a few microseconds per row with a handful of empty dates.
    """
    if not rows:
        return
    _check_columns(table, names)
    if not all(table.c[name].nullable for name in empty_is_null):
        raise ValueError(f"an empty_is_null column of {table.name} is NOT NULL")
    values = ", ".join("nullif(?, '')" if name in empty_is_null else "?" for name in names)
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({values})"
    connection.exec_driver_sql(statement, rows)


# Column orders of the row tuples _import_chunk builds.
BENEFICIARY_COLUMNS = (
    "id",
    *BENEFICIARY_FIELDS,
    "caseworker_id",
    "next_follow_up_on",
    *STAMP_COLUMNS,
    "case_number",
)
CASE_SESSION_COLUMNS = (
    "id",
    "beneficiary_id",
    "caseworker_id",
    *CASE_SESSION_FIELDS,
    *STAMP_COLUMNS,
)
# Nullable columns given as "" for NULL (see _insert_rows).
BENEFICIARY_EMPTY_IS_NULL = frozenset(
    {"date_of_birth", "gender", "closure_reason", "consent_date", "next_follow_up_on"}
)
CASE_SESSION_EMPTY_IS_NULL = frozenset({"follow_up_on"})
AUDIT_COLUMNS = ("at", "user_id", "action", "entity", "entity_id", "changes")
OUTBOX_COLUMNS = (
    "entity",
    "entity_id",
    "op",
    "idempotency_key",
    "state",
    "changed_during_upload",
    "attempts",
    "created_at",
    "updated_at",
)

SEARCH_TRIGGER = "beneficiary_search_insert"  # migration 0002: one FTS5 insert per new row


def _insert_beneficiaries(connection: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Inserts the rows and indexes their names with one INSERT ... SELECT.

    The per-row trigger halved the insert rate (31k vs 64k rows/s with the index filled
    in one statement, 50k rows, same run). The trigger is dropped and made again inside
    this chunk's transaction, which holds the write lock: no other writer can insert
    meanwhile, readers keep seeing the old schema until the commit, and a crash rolls the
    schema back with the rows.
    """
    trigger = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (SEARCH_TRIGGER,)
    ).scalar()

    def insert() -> None:
        _insert_rows(
            connection,
            BeneficiaryRow.__table__,
            BENEFICIARY_COLUMNS,
            rows,
            empty_is_null=BENEFICIARY_EMPTY_IS_NULL,
        )

    if trigger is None:  # not the schema this was written for: the plain path
        insert()
        return
    before = connection.exec_driver_sql("SELECT coalesce(max(pk), 0) FROM beneficiaries").scalar()
    connection.exec_driver_sql(f"DROP TRIGGER {SEARCH_TRIGGER}")
    insert()
    connection.exec_driver_sql(
        "INSERT INTO beneficiary_search(rowid, case_number, first_name, last_name) "
        "SELECT pk, case_number, first_name, last_name FROM beneficiaries WHERE pk > ?",
        (before,),
    )
    connection.exec_driver_sql(trigger)


IMPORT_CHANGES = json.dumps({"import": [None, True]})


def _insert_journal(
    connection: Connection, entity: str, entity_ids: list[str], now: str, actor_id: str
) -> None:
    """Each record's own audit event and outbox row (journal.record_audit and enqueue, in bulk).

    The ids go to SQLite as one JSON array per table, read back by ``json_each``: the
    same rows as an executemany of tuples, without a Python tuple and a bind per row
    (3% of an import).
    """
    if not entity_ids:
        return
    _check_columns(AuditEventRow.__table__, AUDIT_COLUMNS)
    _check_columns(OutboxRow.__table__, OUTBOX_COLUMNS)
    connection.exec_driver_sql(
        f"INSERT INTO {AuditEventRow.__tablename__} ({', '.join(AUDIT_COLUMNS)}) "
        "SELECT ?, ?, 'import', ?, value, ? FROM json_each(?)",
        (now, actor_id, entity, IMPORT_CHANGES, json.dumps(entity_ids)),
    )
    keyed = json.dumps(list(zip(entity_ids, _new_ids(len(entity_ids)), strict=True)))
    connection.exec_driver_sql(
        f"INSERT INTO {OutboxRow.__tablename__} ({', '.join(OUTBOX_COLUMNS)}) "
        "SELECT ?, value ->> 0, ?, value ->> 1, 'pending', 0, 0, ?, ? FROM json_each(?)",
        (entity, OutboxOp.UPSERT.value, now, now, keyed),
    )


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a chunk is built and written.

    A chunk allocates a few hundred thousand dicts and tuples, none in a reference cycle,
    and every few thousand allocations start a collection that walks the whole heap (the
    records still to import among it): a tenth of the import's time. The collector runs
    again, and collects anything left, after each chunk.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


# Records per transaction. Each commit rewrites the pages that the chunk touched in the
# name and birth-date indexes (random positions) and the search index: 10,000 wrote 323 MB
# for 100k records where 5,000 wrote 413 MB (the file is 124 MB), 8% faster. Larger chunks
# gain little more and hold the write lock longer (0.2-0.3 s each here; other writers
# wait up to busy_timeout, 5 s).
CHUNK_SIZE = 10_000


class BulkImporter:
    def __init__(self, db: Database, actor: Actor, *, chunk_size: int = CHUNK_SIZE):
        self._db = db
        self._actor = actor
        self._chunk_size = chunk_size

    def import_records(
        self,
        records: Iterable[Record],
        *,
        total: int = 0,
        caseworker_ids: list[str] | None = None,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
    ) -> ImportResult:
        """Imports (beneficiary, [sessions]) field pairs; owners rotate over ``caseworker_ids``."""
        owners = caseworker_ids or [self._actor.id]
        if owners != [self._actor.id]:
            require(self._actor, Permission.REASSIGN_RECORDS)
        done_beneficiaries = done_sessions = 0
        for number, chunk in enumerate(_chunks(records, self._chunk_size)):
            if is_cancelled():
                return ImportResult(done_beneficiaries, done_sessions, cancelled=True)
            with _cyclic_gc_paused():
                added = self._import_chunk(chunk, owners, first_index=number * self._chunk_size)
            done_beneficiaries += added[0]
            done_sessions += added[1]
            if progress:
                progress(done_beneficiaries, total)
        log.info("bulk import: %d beneficiaries, %d sessions", done_beneficiaries, done_sessions)
        return ImportResult(done_beneficiaries, done_sessions)

    def _import_chunk(
        self, chunk: list[Record], owners: list[str], first_index: int
    ) -> tuple[int, int]:
        today = date.today()
        validated = []
        for offset, (beneficiary_fields, session_fields) in enumerate(chunk):
            try:
                validated.append(
                    (
                        validate_beneficiary(beneficiary_fields, today=today),
                        [validate_case_session(fields) for fields in session_fields],
                    )
                )
            except ValidationError as exc:
                raise ValidationError(
                    {
                        f"record {first_index + offset + 1}: {field}": message
                        for field, message in exc.errors.items()
                    }
                ) from None
        now = _stored(utcnow())
        actor_id = self._actor.id
        stamps = (now, actor_id, now, actor_id, 1, SyncStatus.PENDING.value)
        beneficiary_ids = _new_ids(len(validated), time_ordered=True)
        session_ids = _new_ids(sum(len(sessions) for _, sessions in validated), time_ordered=True)
        with self._db.write() as uow:
            numbers = allocate_case_numbers(uow.session, len(validated))
            beneficiaries = []
            sessions = []
            for offset, (cleaned, cleaned_sessions) in enumerate(validated):
                beneficiary_id = beneficiary_ids[offset]
                owner = owners[(first_index + offset) % len(owners)]
                follow_up = ""
                for fields in cleaned_sessions:
                    session_follow_up = fields["follow_up_on"]
                    sessions.append(
                        (
                            session_ids[len(sessions)],
                            beneficiary_id,
                            owner,
                            _stored(fields["starts_at"]),
                            fields["duration_minutes"],
                            _TEXT[fields["kind"]],
                            fields["location"],
                            _TEXT[fields["status"]],
                            fields["summary"],
                            fields["outcome"],
                            session_follow_up.isoformat() if session_follow_up else "",
                            *stamps,
                        )
                    )
                if cleaned_sessions:
                    latest = max(cleaned_sessions, key=lambda s: s["starts_at"])
                    if latest["status"] != SessionStatus.CANCELLED and latest["follow_up_on"]:
                        follow_up = latest["follow_up_on"].isoformat()
                birth = cleaned["date_of_birth"]
                consent = cleaned["consent_date"]
                beneficiaries.append(
                    (
                        beneficiary_id,
                        cleaned["first_name"],
                        cleaned["last_name"],
                        birth.isoformat() if birth else "",
                        _TEXT.get(cleaned["gender"], ""),
                        cleaned["phone"],
                        cleaned["email"],
                        cleaned["address"],
                        cleaned["preferred_language"],
                        _TEXT[cleaned["status"]],
                        _TEXT.get(cleaned["closure_reason"], ""),
                        cleaned["closure_note"],
                        1 if cleaned["consent_given"] else 0,
                        consent.isoformat() if consent else "",
                        cleaned["notes"],
                        owner,
                        follow_up,
                        *stamps,
                        numbers[offset],
                    )
                )
            connection = uow.session.connection()
            _insert_beneficiaries(connection, beneficiaries)
            _insert_rows(
                connection,
                CaseSessionRow.__table__,
                CASE_SESSION_COLUMNS,
                sessions,
                empty_is_null=CASE_SESSION_EMPTY_IS_NULL,
            )
            _insert_journal(connection, Entity.BENEFICIARY.value, beneficiary_ids, now, actor_id)
            _insert_journal(connection, Entity.CASE_SESSION.value, session_ids, now, actor_id)
            uow.commit()
        return len(beneficiaries), len(sessions)
