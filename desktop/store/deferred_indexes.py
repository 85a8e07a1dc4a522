"""Secondary indexes left out while a large bulk load runs, made again once it ends.

A session's caseworker-and-date, follow-up and report indexes, a beneficiary's name and
birth-date indexes take each new row at a random place: once they outgrow the page cache
every insert reads and rewrites encrypted pages all over the file, and ``caseload demo``
fell from ~1,000 to ~530 beneficiaries/s as the file grew (issue 16 point 4). Made again
after the load, each index is built from one sorted pass.

Kept: unique indexes (they refuse duplicates while the rows arrive) and the indexes that
start with a parent's id (``beneficiary_id``, ``case_session_id``): the bulk path's new
ids are time-ordered, so those grow at their end, and the load reads through them (a
beneficiary's next follow-up from its tasks); but not one its table declares
``deferrable`` (``info``), which only a later step reads (the sync's digest check). The
dropped indexes' SQL is kept in ``sync_state`` in the same transaction as the drop, so
an open after a crash mid-load makes them again (``restore``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

log = logging.getLogger(__name__)

STATE_KEY = "deferred_indexes"
# The tables whose secondary indexes a bulk load leaves out until its end: ``caseload
# demo`` (services/bulk.py) and a fresh laptop's first pull (sync/pull.py).
TABLES = ("beneficiaries", "case_sessions", "tasks")
KEPT_LEADING = frozenset({"beneficiary_id", "case_session_id"})


def _declared() -> frozenset[str]:
    """The indexes the tables declare ``deferrable`` whatever their leading column."""
    from desktop.store.tables import Base

    return frozenset(
        index.name
        for table in Base.metadata.tables.values()
        for index in table.indexes
        if index.info.get("deferrable")
    )


def _deferrable(connection: Any, tables: Iterable[str]) -> list[tuple[str, str]]:
    names = list(tables)
    marks = ", ".join("?" for _ in names)
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(names),
    ).all()
    declared = _declared()
    deferred = []
    for name, sql in found:
        if sql.lstrip().upper().startswith("CREATE UNIQUE"):
            continue
        leading = connection.exec_driver_sql(f'PRAGMA index_info("{name}")').first()
        if leading is not None and leading[2] in KEPT_LEADING and name not in declared:
            continue
        deferred.append((name, sql))
    return deferred


def drop(connection: Any, tables: Iterable[str]) -> list[str]:
    """Drops the deferrable indexes of ``tables`` in the caller's transaction, noting their
    SQL for ``restore``; returns their names."""
    deferred = _deferrable(connection, tables)
    if not deferred:
        return []
    pending = json.loads(_pending(connection) or "[]")
    connection.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (STATE_KEY, json.dumps(pending + [sql for _name, sql in deferred])),
    )
    for name, _sql in deferred:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [name for name, _sql in deferred]


def _pending(connection: Any) -> str | None:
    return connection.exec_driver_sql(
        "SELECT value FROM sync_state WHERE key = ?", (STATE_KEY,)
    ).scalar()


def restore(connection: Any) -> int:
    """Makes the noted indexes again (those not already there) in the caller's
    transaction; returns how many were noted."""
    pending = _pending(connection)
    if pending is None:
        return 0
    statements = json.loads(pending)
    for sql in statements:
        head, rest = sql.split(" ON ", 1)
        connection.exec_driver_sql(
            head.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1) + " ON " + rest
        )
    connection.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (STATE_KEY,))
    log.info("%d deferred index(es) made again", len(statements))
    return len(statements)


def pending(connection: Any) -> bool:
    """Whether indexes dropped for a bulk load wait to be made again."""
    return _pending(connection) is not None


@contextmanager
def deferred(db: Any, what: str) -> Iterator[None]:
    """``TABLES``' deferrable indexes dropped (one committed transaction) for the body,
    made again after it, also when it fails; ``what`` names the load in the log."""
    with db.write() as uow:
        dropped = drop(uow.session.connection(), TABLES)
        uow.commit()
    log.info("%s: %d indexes deferred", what, len(dropped))
    try:
        yield
    finally:
        with db.write() as uow:
            restore(uow.session.connection())
            uow.commit()
