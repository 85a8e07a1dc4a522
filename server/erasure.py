"""Erased records leave no bytes behind on SQLite: the WAL is checkpointed after a delete.

Tombstones clear personal fields (records.py) and `secure_delete` zeroes the freed
space, but the WAL still holds the pages as they were until a checkpoint copies
the new ones into the database file; truncating it then drops the old frames.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from server.models import Beneficiary, CaseSession, HouseholdLink, Referral, Task, Transfer

log = logging.getLogger(__name__)

ERASED = "caseload_erased"
# A checkpoint waits for readers this long at most; a busy one is retried at the next erasure.
CHECKPOINT_BUSY_MS = 200
BUSY_MS = 30000


def secure_delete(engine: Engine) -> None:
    """Every SQLite connection overwrites deleted content with zeros (before migrations run)."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _zero_freed_space(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


def install(factory: sessionmaker[Session], engine: Engine) -> None:
    """Watches the factory's sessions for tombstones; checkpoints after their commit."""
    if engine.dialect.name != "sqlite":
        return  # PostgreSQL: (auto)vacuum and the storage's own protection (see the README)

    @event.listens_for(factory, "before_flush")
    def _watch(session: Session, _context, _instances) -> None:
        for record in session.dirty:
            erasable = Beneficiary | CaseSession | Task | HouseholdLink | Referral | Transfer
            if isinstance(record, erasable) and becomes_tombstone(record):
                session.info[ERASED] = True
                return

    @event.listens_for(factory, "after_commit")
    def _checkpoint(session: Session) -> None:
        if session.info.pop(ERASED, False):
            checkpoint(engine)

    @event.listens_for(factory, "after_soft_rollback")
    def _forget(session: Session, _previous) -> None:
        session.info.pop(ERASED, None)


def becomes_tombstone(
    record: Beneficiary | CaseSession | Task | HouseholdLink | Referral | Transfer,
) -> bool:
    """True when the coming flush sets `deleted` (its personal fields were just cleared)."""
    return True in inspect(record).attrs.deleted.history.added


def checkpoint(engine: Engine) -> bool:
    """Copies the WAL into the database and truncates it; False when readers kept it busy."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={CHECKPOINT_BUSY_MS}")
        busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        cursor.close()
    finally:
        connection.close()
    if busy:
        log.info("WAL checkpoint after an erasure was busy; it runs again at the next one")
    return not busy
