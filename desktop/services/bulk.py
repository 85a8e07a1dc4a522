"""The bulk path for imports and demo data: validated rows, Core executemany, chunked commits.

One ORM object at a time manages ~10k rows/s; one ``executemany`` per table is several
times faster. The rows go to the driver as tuples of stored values (what SQLAlchemy's
SQLite types would write: ISO dates, ``YYYY-MM-DD HH:MM:SS.ffffff`` times), because Core's
per-row parameter processing cost as much as SQLite's own insert work; plain str and int
only, because the driver looks anything else (enums, bools, None) up in its adapter
registry, at about 30 times the cost of binding a str. The rows are built by field name
from the record schema (`desktop.domain.schema`), so a new field needs no edit here.
Records get time-ordered ids so that the id indexes of records, audit events and outbox
rows grow at their end. Their audit events, outbox rows and next follow-ups are the
store's one write path (`desktop.store.changes`), in its bulk form. Each chunk
(beneficiaries, their sessions and that bookkeeping) is one transaction: a crash keeps
whole chunks.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice, repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.orm import Session

from desktop import cyclic_gc
from desktop.auth.permissions import Permission, require
from desktop.domain import forms, schema
from desktop.domain.enums import Entity, OutboxOp
from desktop.domain.problems import CUSTOM_PREFIX, Problem
from desktop.domain.records import Actor
from desktop.domain.schema import Field, Kind
from desktop.domain.validation import validate_beneficiary, validate_case_session
from desktop.errors import ValidationError
from desktop.store import deferred_indexes
from desktop.store.changes import (
    Change,
    Stamp,
    first_version,
    new_ids,
    record_changes,
    stored,
)
from desktop.store.db import Database, UnitOfWork
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, utcnow

from .common import SEARCH_INDEX_COLUMNS, allocate_case_numbers
from .forms import current_forms

log = logging.getLogger(__name__)

Record = tuple[Mapping[str, Any], list[Mapping[str, Any]]]
# A beneficiary's case number may be given (an import keeping a file's numbers, checked
# unused by the importer; the unique index refuses the chunk otherwise); else this
# laptop's series gives the next one.
CASE_NUMBER = "case_number"
# A session of a stored beneficiary: (beneficiary id, owner id, fields with "custom").
SessionRecord = tuple[str, str, Mapping[str, Any]]
Progress = Callable[[int, int], None]
_new_ids = new_ids  # the record ids come from the store's id maker too


@dataclass(frozen=True)
class ImportResult:
    beneficiaries: int
    case_sessions: int
    cancelled: bool = False


# What an import records in its last transaction (its own audit event), given its result.
Event = Callable[[Session, ImportResult], None]


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


class _Rows:
    """A record kind's bulk rows, built by field name from the schema.

    ``columns``: ``id``, the fields a person types (in the schema's order), then the
    assigned ``fixed`` columns (owner, links, case number) and the first version's
    stamps. Each typed value is stored as SQLAlchemy would store it, as exact str and
    int (see the module's docstring): enum members as their text, yes/no as 0/1, dates
    as ISO text; an optional date or choice left empty is "" (NULL once inserted, see
    _insert_rows). The values are converted a column at a time, one comprehension per
    field and no call per value: as fast as the positional tuples this replaced.
    """

    def __init__(
        self, fields: tuple[Field, ...], fixed: tuple[str, ...], constants: Mapping[str, Any]
    ):
        typed = tuple(f for f in fields if f.editable)
        self.columns = ("id", *(f.name for f in typed), *fixed, *STAMP_COLUMNS, *constants)
        self._constants = tuple(constants.values())
        self.empty_is_null = frozenset(
            f.name for f in typed if f.kind in (Kind.DATE, Kind.CHOICE) and not f.required
        )
        names = [f.name for f in typed]
        self._values = lambda cleaned: tuple(cleaned[name] for name in names)
        if len(names) > 1:  # itemgetter of one name returns the value, not a tuple
            self._values = itemgetter(*names)
        self._converters = [
            (index, _COLUMN_TO_STORED[f.kind])
            for index, f in enumerate(typed)
            if f.kind in _COLUMN_TO_STORED
        ]

    def rows(
        self, ids: list[str], cleaned: list[Mapping[str, Any]], *fixed: Iterable[Any]
    ) -> list[tuple[Any, ...]]:
        """One row per cleaned record: its id, typed fields, ``fixed`` columns, stamps."""
        if not cleaned:
            return []
        columns: list[Iterable[Any]] = list(zip(*map(self._values, cleaned), strict=True))
        for index, convert in self._converters:
            columns[index] = convert(columns[index])
        constants = (repeat(value) for value in self._constants)
        return list(zip(ids, *columns, *fixed, *constants, strict=False))


def _choice_texts(fields: Iterable[Field]) -> dict[Any, str]:
    # Enum members as their plain text: the driver binds exact str and int directly, but
    # looks every subclass (StrEnum, bool) up in its adapter registry first, about 5% of
    # an import's time.
    return {member: member.value for f in fields if f.choices for member in f.choices}


_TEXT = _choice_texts((*schema.BENEFICIARY, *schema.CASE_SESSION))

# A column of cleaned values as the driver binds them; the kinds not named are bound as
# they are (text, integers).
_COLUMN_TO_STORED: dict[Kind, Callable[[Iterable[Any]], list[Any]]] = {
    Kind.DATE: lambda column: [value.isoformat() if value else "" for value in column],
    Kind.DATETIME: lambda column: [
        None if value is None else value.isoformat(" ", "microseconds") for value in column
    ],
    Kind.CHOICE: lambda column: [_TEXT.get(value, "") for value in column],
    Kind.YES_NO: lambda column: [1 if value else 0 for value in column],
}


STAMP_COLUMNS = tuple(first_version("", datetime.min))
# The organisation's own fields (migration 0010): each record's values as stored JSON,
# the definition version and, for beneficiaries, the searchable fields' text.
CUSTOM_COLUMNS = ("custom", "form_version")
BENEFICIARY_ROWS = _Rows(
    schema.BENEFICIARY, ("caseworker_id", "case_number", *CUSTOM_COLUMNS, "custom_search"), {}
)
CASE_SESSION_ROWS = _Rows(
    schema.CASE_SESSION, ("beneficiary_id", "caseworker_id", *CUSTOM_COLUMNS), {}
)
# Custom values as the ``custom`` column holds them (services/forms.stored_text), with
# one encoder made once: json.dumps builds one per call when given options.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_NONE: dict[str, Any] = {}


def _split_custom(fields: Mapping[str, Any]) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """A record's built-in fields and its ``custom`` values (one C-level copy, if any)."""
    if "custom" not in fields:
        return fields, _NONE
    built_in = dict(fields)
    custom = built_in.pop("custom") or _NONE
    return built_in, custom


class _CustomColumns:
    """The stored custom columns of a chunk's records, for one definition.

    The values are taken as stored (``forms.clean_value``'s form: the demo generator
    makes them so, an importer checks them first); only their keys are checked here, a
    set comparison per record, so that the bulk path keeps its speed.
    """

    def __init__(self, definition: forms.FormSet, kind: forms.RecordKind):
        fields = definition.of(kind)
        self.known = frozenset(item.key for item in fields.fields)  # retired ones too
        self.searchable = tuple(item.key for item in fields.where(searchable=True))

    def unknown(self, custom: Mapping[str, Any]) -> list[str]:
        return sorted(custom.keys() - self.known) if custom else []

    def texts(self, customs: list[Mapping[str, Any]]) -> list[str]:
        return [_ENCODE(custom) if custom else "{}" for custom in customs]

    def search(self, customs: list[Mapping[str, Any]]) -> list[str]:
        if not self.searchable:
            return [""] * len(customs)
        keys = self.searchable
        return [
            " ".join(v for k in keys if isinstance(v := custom.get(k), str) and v) if custom else ""
            for custom in customs
        ]


SEARCH_TRIGGER = "beneficiary_search_insert"  # migration 0002: one FTS5 insert per new row
COUNT_TRIGGER = "beneficiary_live_insert"  # migration 0019: the live count, row by row
SEARCH_COLUMNS = ", ".join(SEARCH_INDEX_COLUMNS)


def _insert_beneficiaries(connection: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Inserts the rows, indexes their names and counts them with one INSERT ... SELECT
    each (the search index's and the live count's triggers dropped meanwhile).

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
            BENEFICIARY_ROWS.columns,
            rows,
            empty_is_null=BENEFICIARY_ROWS.empty_is_null,
        )

    counter = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (COUNT_TRIGGER,)
    ).scalar()
    if trigger is None or counter is None:  # not the schema this was written for
        insert()
        return
    before = connection.exec_driver_sql("SELECT coalesce(max(pk), 0) FROM beneficiaries").scalar()
    connection.exec_driver_sql(f"DROP TRIGGER {SEARCH_TRIGGER}")
    connection.exec_driver_sql(f"DROP TRIGGER {COUNT_TRIGGER}")
    insert()
    connection.exec_driver_sql(
        f"INSERT INTO beneficiary_search(rowid, {SEARCH_COLUMNS}) "
        f"SELECT pk, {SEARCH_COLUMNS} FROM beneficiaries WHERE pk > ?",
        (before,),
    )
    # What the counter's trigger adds row by row, for the chunk at once (migration 0019).
    connection.exec_driver_sql(
        "INSERT INTO live_counts (caseworker_id, live) SELECT caseworker_id, count(*) "
        "FROM beneficiaries WHERE pk > ? AND deleted_at IS NULL GROUP BY caseworker_id "
        "ON CONFLICT (caseworker_id) DO UPDATE SET live = live + excluded.live",
        (before,),
    )
    connection.exec_driver_sql(trigger)
    connection.exec_driver_sql(counter)


IMPORT_CHANGES = {"import": [None, True]}  # one object: the audit's text is made once


def _insert_journal(
    connection: Connection, entity: Entity, changes: list[Change], now: datetime, actor_id: str
) -> None:
    """The records' audit events, outbox rows and (sessions) their beneficiaries' next
    follow-ups: the store's one write path, once for the whole chunk."""
    record_changes(
        connection,
        entity,
        changes,
        action="import",
        actor_id=actor_id,
        now=now,
        stamp=Stamp.NEW,
        outbox=OutboxOp.UPSERT,
    )


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
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        chunk_size: int = CHUNK_SIZE,
        defer_indexes: bool = False,
    ):
        """``defer_indexes``: the tables' random-order indexes are dropped for the load and
        made again after it (``caseload demo``: a rate that does not fall as the file
        grows); readers meanwhile see a slow list, so not for an office's live import."""
        self._db = db
        self._actor = actor
        self._chunk_size = chunk_size
        self._defer_indexes = defer_indexes

    def import_records(
        self,
        records: Iterable[Record],
        *,
        total: int = 0,
        caseworker_ids: list[str] | None = None,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
        all_or_nothing: bool = False,
        event: Event | None = None,
    ) -> ImportResult:
        """Imports (beneficiary, [sessions]) field pairs; owners rotate over ``caseworker_ids``.

        ``all_or_nothing``: every chunk in one transaction, committed after the last, so
        a bad record, a cancel or a crash leaves none of them (the write lock is held
        meanwhile). ``event`` is called with the result in the last transaction (the
        import's own audit event); on a cancel in chunks, with what the done chunks hold.
        """
        owners = caseworker_ids or [self._actor.id]
        if owners != [self._actor.id]:
            require(self._actor, Permission.REASSIGN_RECORDS)

        def write(chunk: list[Record], first_index: int, shared: UnitOfWork | None):
            return self._import_chunk(chunk, owners, first_index, shared)

        return self._run(write, records, total, progress, is_cancelled, all_or_nothing, event)

    def import_sessions(
        self,
        sessions: Iterable[SessionRecord],
        *,
        total: int = 0,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
        all_or_nothing: bool = False,
        event: Event | None = None,
    ) -> ImportResult:
        """Imports sessions of beneficiaries already stored: (beneficiary id, the owner
        the session gets, its fields with ``custom``). The caller has checked that the
        actor may work on each beneficiary (``require_record_access``). Options as
        ``import_records``'."""
        return self._run(
            self._import_session_chunk,
            sessions,
            total,
            progress,
            is_cancelled,
            all_or_nothing,
            event,
        )

    def _run(
        self,
        write: Callable[[list[Any], int, UnitOfWork | None], tuple[int, int]],
        records: Iterable[Any],
        total: int,
        progress: Progress | None,
        is_cancelled: Callable[[], bool],
        all_or_nothing: bool,
        event: Event | None,
    ) -> ImportResult:
        with contextlib.ExitStack() as stack:
            if self._defer_indexes:
                stack.enter_context(deferred_indexes.deferred(self._db, "bulk import"))
            shared = stack.enter_context(self._db.write()) if all_or_nothing else None
            result = self._import_chunks(write, records, shared, total, progress, is_cancelled)
            if result.cancelled and shared is not None:
                return ImportResult(0, 0, cancelled=True)  # the transaction rolls back
            if event is not None:
                with contextlib.ExitStack() as own:
                    uow = shared or own.enter_context(self._db.write())
                    event(uow.session, result)
                    uow.commit()
            elif shared is not None:
                shared.commit()
        log.info(
            "bulk import: %d beneficiaries, %d sessions", result.beneficiaries, result.case_sessions
        )
        return result

    def _import_chunks(
        self,
        write: Callable[[list[Any], int, UnitOfWork | None], tuple[int, int]],
        records: Iterable[Any],
        shared: UnitOfWork | None,
        total: int,
        progress: Progress | None,
        is_cancelled: Callable[[], bool],
    ) -> ImportResult:
        done_beneficiaries = done_sessions = 0
        for number, chunk in enumerate(_chunks(records, self._chunk_size)):
            if is_cancelled():
                return ImportResult(done_beneficiaries, done_sessions, cancelled=True)
            with cyclic_gc.paused():
                added = write(chunk, number * self._chunk_size, shared)
            done_beneficiaries += added[0]
            done_sessions += added[1]
            if progress:
                progress(done_beneficiaries or done_sessions, total)
        return ImportResult(done_beneficiaries, done_sessions)

    def _import_session_chunk(
        self, chunk: list[SessionRecord], first_index: int, shared: UnitOfWork | None
    ) -> tuple[int, int]:
        validated = []
        customs: list[Mapping[str, Any]] = []
        with self._db.read() as uow:
            current = current_forms(self._db, uow.session)
        of_sessions = _CustomColumns(current, forms.RecordKind.SESSION)
        for offset, (_beneficiary_id, _owner_id, session_fields) in enumerate(chunk):
            try:
                fields, custom = _split_custom(session_fields)
                unknown = of_sessions.unknown(custom)
                if unknown:
                    raise ValidationError(
                        {
                            CUSTOM_PREFIX + key: Problem("unknown_field", CUSTOM_PREFIX + key)
                            for key in unknown
                        }
                    )
                validated.append(validate_case_session(fields))
                customs.append(custom)
            except ValidationError as exc:
                raise ValidationError(
                    {
                        f"record {first_index + offset + 1}: {field}": message
                        for field, message in exc.errors.items()
                    }
                ) from None
        now = utcnow()
        actor_id = self._actor.id
        stamps = tuple(stored(value) for value in first_version(actor_id, now).values())
        session_ids = new_ids(len(validated), time_ordered=True)
        parent_ids = [beneficiary_id for beneficiary_id, _, _ in chunk]
        with contextlib.ExitStack() as own:
            uow = shared or own.enter_context(self._db.write())
            rows = CASE_SESSION_ROWS.rows(
                session_ids,
                validated,
                parent_ids,
                [owner_id for _, owner_id, _ in chunk],
                of_sessions.texts(customs),
                repeat(current.version),
                *map(repeat, stamps),
            )
            connection = uow.session.connection()
            _insert_rows(
                connection,
                CaseSessionRow.__table__,
                CASE_SESSION_ROWS.columns,
                rows,
                empty_is_null=CASE_SESSION_ROWS.empty_is_null,
            )
            changes = list(
                map(Change, session_ids, repeat(IMPORT_CHANGES), repeat(None), parent_ids)
            )
            _insert_journal(connection, Entity.CASE_SESSION, changes, now, actor_id)
            if shared is None:
                uow.commit()
        return 0, len(rows)

    def _import_chunk(
        self, chunk: list[Record], owners: list[str], first_index: int, shared: UnitOfWork | None
    ) -> tuple[int, int]:
        today = date.today()
        validated = []
        beneficiary_custom: list[Mapping[str, Any]] = []
        given_numbers: list[str | None] = []
        session_custom: list[Mapping[str, Any]] = []
        with self._db.read() as uow:
            current = current_forms(self._db, uow.session)
        of_beneficiaries = _CustomColumns(current, forms.RecordKind.BENEFICIARY)
        of_sessions = _CustomColumns(current, forms.RecordKind.SESSION)
        for offset, (beneficiary_fields, session_fields) in enumerate(chunk):
            try:
                fields, custom = _split_custom(beneficiary_fields)
                if CASE_NUMBER in fields:  # kept from the file (the importer checked it)
                    given_numbers.append(fields[CASE_NUMBER])
                    fields = {k: v for k, v in fields.items() if k != CASE_NUMBER}
                else:
                    given_numbers.append(None)
                split_sessions = [_split_custom(item) for item in session_fields]
                unknown = of_beneficiaries.unknown(custom) + [
                    key for _, values in split_sessions for key in of_sessions.unknown(values)
                ]
                if unknown:
                    raise ValidationError(
                        {
                            CUSTOM_PREFIX + key: Problem("unknown_field", CUSTOM_PREFIX + key)
                            for key in unknown
                        }
                    )
                validated.append(
                    (
                        validate_beneficiary(fields, today=today),
                        [validate_case_session(item) for item, _ in split_sessions],
                    )
                )
                beneficiary_custom.append(custom)
                session_custom.extend(values for _, values in split_sessions)
            except ValidationError as exc:
                raise ValidationError(
                    {
                        f"record {first_index + offset + 1}: {field}": message
                        for field, message in exc.errors.items()
                    }
                ) from None
        now = utcnow()
        actor_id = self._actor.id
        stamps = tuple(stored(value) for value in first_version(actor_id, now).values())
        beneficiary_ids = new_ids(len(validated), time_ordered=True)
        session_ids = new_ids(sum(len(sessions) for _, sessions in validated), time_ordered=True)
        with contextlib.ExitStack() as own:
            uow = shared or own.enter_context(self._db.write())
            new_numbers = iter(allocate_case_numbers(uow.session, given_numbers.count(None)))
            numbers = [given or next(new_numbers) for given in given_numbers]
            owner_of = [owners[(first_index + n) % len(owners)] for n in range(len(validated))]
            beneficiaries = BENEFICIARY_ROWS.rows(
                beneficiary_ids,
                [cleaned for cleaned, _ in validated],
                owner_of,
                numbers,
                of_beneficiaries.texts(beneficiary_custom),
                repeat(current.version),
                of_beneficiaries.search(beneficiary_custom),
                *map(repeat, stamps),
            )
            # Each session's beneficiary, by the beneficiary's position in the chunk.
            parent_at = [n for n, (_, sessions) in enumerate(validated) for _ in sessions]
            parent_ids = [beneficiary_ids[n] for n in parent_at]
            sessions = CASE_SESSION_ROWS.rows(
                session_ids,
                [fields for _, cleaned_sessions in validated for fields in cleaned_sessions],
                parent_ids,
                [owner_of[n] for n in parent_at],
                of_sessions.texts(session_custom),
                repeat(current.version),
                *map(repeat, stamps),
            )
            session_changes = list(
                map(Change, session_ids, repeat(IMPORT_CHANGES), repeat(None), parent_ids)
            )
            connection = uow.session.connection()
            _insert_beneficiaries(connection, beneficiaries)
            _insert_rows(
                connection,
                CaseSessionRow.__table__,
                CASE_SESSION_ROWS.columns,
                sessions,
                empty_is_null=CASE_SESSION_ROWS.empty_is_null,
            )
            _insert_journal(
                connection,
                Entity.BENEFICIARY,
                list(map(Change, beneficiary_ids, repeat(IMPORT_CHANGES))),
                now,
                actor_id,
            )
            _insert_journal(connection, Entity.CASE_SESSION, session_changes, now, actor_id)
            if shared is None:
                uow.commit()
        return len(beneficiaries), len(sessions)
