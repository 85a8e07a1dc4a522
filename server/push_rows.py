"""The rows a sync push creates, as plain values, inserted with one executemany per table.

Building an ORM object per new record and letting the unit of work insert it costs more
than the rest of the push together (attribute instrumentation, per-object flush
bookkeeping). Inside a push (an active record cache, server/record_cache.py) the writes
of beneficiaries and case sessions build a `NewRow` instead: the same attributes, read
and changed by the same rules (a later change of the batch may update it in memory),
answering `isinstance(row, Beneficiary)` like the record it becomes. `insert_new_rows`
writes them at the end of the batch, parents first, before the ORM flush of the
changes to stored records (whose rows may point at a new parent).
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Sequence
from copy import copy
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, exc, insert, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from server.db import SEQ_BLOCK_KEY, begin_shared_write, one_of, take_seqs
from server.models import Beneficiary, CaseSession, Synced

log = logging.getLogger(__name__)

# Parents before children (case_sessions.beneficiary_id references beneficiaries).
INSERT_ORDER = (Beneficiary, CaseSession)
_COLUMNS = {
    model: [(column.name, column.default) for column in model.__table__.columns]
    for model in INSERT_ORDER
}
_NAMES = {model: frozenset(name for name, _default in _COLUMNS[model]) for model in INSERT_ORDER}


class NewRow:
    """A record this push creates, not yet in the database nor in the ORM session.

    Its class, as `isinstance` sees it, is the model's, so the answer building and the
    write rules treat it as the record; a column never set reads None, as on a new ORM
    object, and is inserted with the column's default.
    """

    def __init__(self, model: type, **values: Any) -> None:
        self.__dict__["_model"] = model
        self.__dict__.update(values)

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance(row, Beneficiary) holds
        return self.__dict__["_model"]

    def __getattr__(self, name: str) -> Any:
        if name in _NAMES[self.__dict__["_model"]]:
            return None
        raise AttributeError(name)

    def row(self) -> dict[str, Any]:
        values = self.__dict__
        return {
            name: values[name] if name in values else _default(default)
            for name, default in _COLUMNS[values["_model"]]
        }

    def values(self) -> list[Any]:
        """The row's values in column order (`_COLUMNS`), defaults filled in."""
        values = self.__dict__
        return [
            values[name] if name in values else _default(default)
            for name, default in _COLUMNS[values["_model"]]
        ]


def _default(default: Any) -> Any:
    """What a column with this default gets when a row does not set it."""
    if default is None:
        return None
    return default.arg(None) if default.is_callable else default.arg


def model_of(record: Any) -> type:
    """The model class of a record or a `NewRow` (`type()` of a NewRow is NewRow)."""
    return record.__dict__["_model"] if type(record) is NewRow else type(record)


def insert_new_rows(session: Session, rows: list[NewRow]) -> int:
    """Write the push's new records: one executemany per table for those not written yet.

    Rows written earlier in the batch (by `flush_new_rows_first`, before a flush that
    needed them) and changed since by a later change of the batch get an UPDATE of
    what changed. Returns how many rows were inserted.
    """
    fresh = [row for row in rows if "_written" not in row.__dict__]
    for model in INSERT_ORDER:
        values = [row.values() for row in fresh if row.__dict__["_model"] is model]
        if values:
            names = [name for name, _default in _COLUMNS[model]]
            insert_plain(session.connection(), model.__table__, names, values)
    for row in fresh:
        row.__dict__["_written"] = True
    for row in rows:
        written = row.__dict__["_written"]
        if written is True:
            continue
        now = row.row()
        changed = {name: value for name, value in now.items() if written.get(name) != value}
        if changed:
            table = row.__dict__["_model"].__table__
            session.connection().execute(
                update(table).where(table.c.id == now["id"]).values(**changed)
            )
        row.__dict__["_written"] = True
    return len(fresh)


class _PlainInsert:
    """One table's INSERT as the driver takes it: the SQL text, and the values the
    dialect converts (dates as text on SQLite, JSON documents serialised), by position."""

    def __init__(self, dialect: Dialect, table: Table, names: Sequence[str]) -> None:
        compiled = insert(table).compile(
            dialect=dialect, column_keys=list(names), for_executemany=True
        )
        self.sql = compiled.string  # SQLite's, positional; PostgreSQL copies (`_copy`)
        processors = compiled._bind_processors
        # SQLite takes the values in the statement's order, COPY in that of `names`.
        order = list(compiled.positiontup or names)
        at = {name: index for index, name in enumerate(names)}
        self.take = [at[name] for name in order]
        self.names = order
        # (place, conversion, which memo): one memo per distinct conversion.
        memo_of: dict[Any, int] = {}
        self.converts = [
            (place, processors[name], memo_of.setdefault(processors[name], len(memo_of)))
            for place, name in enumerate(order)
            if name in processors
        ]
        self.memos = len(memo_of)


_EMPTY_ALIKE = (dict, list)
_plain_inserts: weakref.WeakKeyDictionary[Dialect, dict[tuple, _PlainInsert]] = (
    weakref.WeakKeyDictionary()
)


def insert_plain(
    connection: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """One executemany of `rows` (values in the order of `names`) into `table` (on
    PostgreSQL one COPY).

    What `connection.execute(insert(table), dicts)` stores, without its per-row work:
    the statement is compiled once per dialect, each value goes through the same bind
    conversion the dialect would apply, and the driver gets plain tuples. A value object
    met twice in one call (a record's created_at and updated_at) is converted once, and
    so is every empty document.
    """
    dialect = connection.dialect
    known = _plain_inserts.setdefault(dialect, {})
    key = (table.name, tuple(names))
    plan = known.get(key)
    if plan is None:
        plan = known[key] = _PlainInsert(dialect, table, names)
    take, converts, names = plan.take, plan.converts, plan.names
    # Per conversion, id(value) -> converted value (`rows` keeps the values alive
    # meanwhile), and an empty dict or list by its type: every one converts alike.
    memos: list[dict[Any, Any]] = [{} for _ in range(plan.memos)]
    params: list[Any] = []
    for row in rows:
        values = [row[at] for at in take]
        for place, convert, which in converts:
            value = values[place]
            memo = memos[which]
            key = type(value) if not value and type(value) in _EMPTY_ALIKE else id(value)
            found = memo.get(key, memo)
            if found is memo:
                found = memo[key] = convert(value)
            values[place] = found
        params.append(tuple(values))
    if dialect.name == "postgresql":
        _copy(connection, table, names, params)
    else:
        connection.exec_driver_sql(plan.sql, params)


def _copy(connection: Connection, table: Table, names: Sequence[str], rows: list[Any]) -> None:
    """PostgreSQL: the rows by COPY, in this transaction. psycopg's executemany sends
    and reads back one statement per row (2.4–2.6 ms of CPU per 100 session rows, COPY
    1.1). A failure is raised as SQLAlchemy's own exception (IntegrityError for a key
    another writer stored first, OperationalError for a deadlock), as executemany's."""
    import psycopg

    columns = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in names)
    statement = (
        f"COPY {connection.dialect.identifier_preparer.format_table(table)} ({columns}) FROM STDIN"
    )
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as error:
        raise exc.DBAPIError.instance(statement, None, error, psycopg.Error) from error
    finally:
        cursor.close()


def flush_new_rows_first(session: Session, rows: list[NewRow]) -> None:
    """Before an ORM flush inside the batch: the new records go first (the flushed rows
    may point at them), remembered as written so later changes become UPDATEs."""
    fresh = [row for row in rows if "_written" not in row.__dict__]
    if not fresh:
        return
    insert_new_rows(session, fresh)
    for row in fresh:
        snapshot = row.row()
        row.__dict__["_written"] = {
            name: copy(value) if isinstance(value, dict | list) else value
            for name, value in snapshot.items()
        }


# --- PostgreSQL: the write lock shared, taken at the end --------------------------------


class LockFirst(Exception):
    """The batch cannot be written without the lock held from its start: redo it so."""


def watch_stored_writes(session: Session, cache: Any) -> None:
    """Inside a lock-late batch: note when a flush would change a stored record."""

    def before_flush(flushed: Session, _context: Any, _instances: Any) -> None:
        if flushed.dirty or flushed.deleted:
            cache.stored_written = True

    cache.stored_written = False
    event.listen(session, "before_flush", before_flush)
    cache.unwatch = lambda: event.remove(session, "before_flush", before_flush)


def lock_and_number(session: Session, cache: Any) -> None:
    """Take the write lock, shared, for a batch built without it, and number its writes.

    The batch was validated and built with placeholder numbers (`db.next_seq` in a
    deferred block). It is safe to finish without having held the lock from its start
    only when it changed no stored record (creations and replays: a concurrent creation
    of the same id, key or case number fails on its unique index and the push is redone
    change by change) and every stored record it read is still the version it read (a
    parent deleted or moved meanwhile): else `LockFirst`. Such batches share the lock
    (`db.begin_shared_write`): they only add rows, so they may run side by side, while
    every writer that changes stored records holds it alone (`db.begin_write`) and so
    cannot change what this batch read until it commits. The versions are checked once
    the lock is held; then the numbers come from the sequence (`db.take_seqs`, whose
    registration keeps the feed below them until the commit).
    """
    block = session.info.get(SEQ_BLOCK_KEY)
    count = block.value if block is not None else 0
    if cache.stored_written or session.dirty or session.deleted:
        raise LockFirst()
    numbered = [*cache.new_rows, *session.identity_map.values(), *session.new]
    read = [obj for obj in session.identity_map.values() if isinstance(obj, Synced)]
    with session.no_autoflush:  # nothing goes out before it has its real number
        begin_shared_write(session)
        by_model: dict[type, dict[str, int]] = {}
        for obj in read:
            if obj.seq is not None and obj.seq >= 0:
                by_model.setdefault(type(obj), {})[obj.id] = obj.version
        for model, versions in by_model.items():
            now = session.execute(
                select(model.id, model.version).where(one_of(session, model.id, versions))
            ).all()
            if len(now) != len(versions) or any(versions[i] != v for i, v in now):
                raise LockFirst()
        numbers = take_seqs(session, count)
    for record in numbered:
        seq = getattr(record, "seq", None)
        if seq is not None and seq < 0:
            record.seq = numbers[-seq - 1]


# --- statistics that follow the tables' growth ------------------------------------------

# After this many rows inserted by pushes since the last refresh (doubling each time, to
# at most `_GROWTH_MAX`), the statistics are refreshed in the background.
_GROWTH_FIRST = 5_000
INSERTED_KEY = "caseload_push_inserted"  # Session.info: rows the last push inserted
_GROWTH_MAX = 1_000_000
_growth_lock = threading.Lock()
_growth: dict[int, list[int]] = {}  # id(engine) -> [inserted since refresh, next mark]


def note_inserted(engine: Engine, count: int) -> bool:
    """Count rows a committed push inserted; start a refresh when they grew a lot."""
    if count <= 0:
        return False
    with _growth_lock:
        state = _growth.setdefault(id(engine), [0, _GROWTH_FIRST])
        state[0] += count
        if state[0] < state[1]:
            return False
        state[0], state[1] = 0, min(2 * state[1], _GROWTH_MAX)
    threading.Thread(target=_refresh, args=(engine,), name="caseload-analyze", daemon=True).start()
    return True


def _refresh(engine: Engine) -> None:
    from server.db import refresh_statistics

    try:
        refresh_statistics(engine)
        log.info("table statistics refreshed after large pushes")
    except Exception:  # a busy database: the next mark tries again
        log.warning("refreshing table statistics failed", exc_info=True)
