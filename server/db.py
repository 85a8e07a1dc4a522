"""Engine, sessions, migrations and the write lock that orders server sequence numbers."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from server.models import SyncCounter

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> datetime:
    """Now in UTC, naive (the form stored in the database)."""
    return datetime.now(UTC).replace(tzinfo=None)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            # Statement parameters hold personal data; keep them out of error logs.
            hide_parameters=True,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record) -> None:
            # Let SQLAlchemy emit BEGIN itself so SAVEPOINTs work (pysqlite's own
            # transaction handling breaks them).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def upgrade(engine: Engine) -> None:
    """Apply all alembic migrations (idempotent)."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def begin_write(session: Session) -> None:
    """Start a write transaction holding the global write lock.

    The lock is the sync counter row. The statement must be the first one of its
    transaction: on SQLite a transaction that has already read cannot upgrade to a
    writer once another writer committed, and on PostgreSQL the row lock makes later
    writers wait, so sequence numbers are committed in the order they are handed out.
    """
    session.commit()  # ends any read transaction
    # Rows read before the lock (the token checks, the user) may be stale by now: reload
    # them on next use, inside the locked transaction.
    session.expire_all()
    session.execute(update(SyncCounter).where(SyncCounter.id == 1).values(value=SyncCounter.value))


def begin_snapshot(session: Session) -> None:
    """Start a read transaction whose statements all see one snapshot of the database.

    SQLite (WAL) gives every transaction a snapshot at its first read; PostgreSQL needs
    REPEATABLE READ for that (READ COMMITTED takes a new snapshot per statement).
    """
    session.commit()
    session.expire_all()
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


SEQ_BLOCK_KEY = "caseload_seq_block"
# Session.info key: the sync run a push belongs to, stamped on every record it writes.
SYNC_RUN = "caseload_sync_run"


class SeqBlock:
    """Sequence numbers handed out in memory during one locked write transaction.

    `begin_write` already holds the counter row, so no other writer can take numbers
    until this transaction ends: the numbers are counted here and the counter is written
    once, by `end_seq_block`, before the commit.
    """

    def __init__(self, start: int) -> None:
        self.start = start
        self.value = start


def begin_seq_block(session: Session) -> SeqBlock:
    """After `begin_write`: let `next_seq` count in memory until `end_seq_block`."""
    block = SeqBlock(current_seq(session))
    session.info[SEQ_BLOCK_KEY] = block
    return block


def end_seq_block(session: Session, *, write: bool = True) -> None:
    """Stop counting in memory; with `write`, store the last number handed out."""
    block = session.info.pop(SEQ_BLOCK_KEY, None)
    if write and block is not None and block.value != block.start:
        session.execute(update(SyncCounter).where(SyncCounter.id == 1).values(value=block.value))


def next_seq(session: Session) -> int:
    block = session.info.get(SEQ_BLOCK_KEY)
    if block is not None:
        block.value += 1
        return block.value
    return session.execute(
        update(SyncCounter)
        .where(SyncCounter.id == 1)
        .values(value=SyncCounter.value + 1)
        .returning(SyncCounter.value)
    ).scalar_one()


def current_seq(session: Session) -> int:
    return session.execute(select(SyncCounter.value).where(SyncCounter.id == 1)).scalar_one()
