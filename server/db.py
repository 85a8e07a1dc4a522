"""Engine, sessions, migrations and the write lock that orders server sequence numbers.

A SQLite database is encrypted at rest with SQLCipher (raw 256-bit key from the settings)
and its files are private to the server's user.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    any_,
    bindparam,
    create_engine,
    event,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from server.config import ConfigError, is_plain_sqlite, sqlite_path
from server.models import SyncCounter

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> datetime:
    """Now in UTC, naive (the form stored in the database)."""
    return datetime.now(UTC).replace(tzinfo=None)


# SQLite's companions of a database file; SQLite gives new ones the database file's mode.
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_file(path: Path) -> None:
    """Creates `path` empty with mode 0600, or restricts an existing one to 0600."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
            log.info("restricted %s to its owner (mode 0600)", path)


def key_pragma(key: bytes) -> str:
    # A raw key (x'…'): SQLCipher uses it as is, with no passphrase derivation.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def fsync_dir(path: Path) -> None:
    """A folder's entries (a file just renamed into it) on the disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _encrypt_plain_database(path: Path, key: bytes) -> None:
    """Re-writes an older server's unencrypted database under `key` (sqlcipher_export).

    The encrypted copy is made beside it and moved over it in one rename, so a crash
    leaves either the old file or the encrypted one; a left-over copy is made again.
    """
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    private_file(target)
    plain = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        # Folds the WAL into the file and removes it: nothing plain stays beside it.
        plain.execute("PRAGMA journal_mode = DELETE").fetchone()
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{key.hex()}'"))
        plain.execute("SELECT sqlcipher_export('encrypted')").fetchone()
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in SQLITE_SIDE_FILES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(target, path)
    fsync_dir(path.parent)
    log.warning("encrypted the existing plain-text database %s with the database key", path)


def _open_encrypted(path: Path, key: bytes) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
    try:
        connection.execute(key_pragma(key))
        row = connection.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            # A plain sqlite3 build would silently store everything in clear text.
            raise ConfigError("the sqlcipher3 module has no encryption (SQLCipher is not active)")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise ConfigError(
                f"{path} cannot be opened with the database key (CASELOAD_DB_KEY or the "
                "data folder's db-key file): the key is wrong or the file is not a "
                "Caseload server database"
            ) from exc
    except BaseException:
        connection.close()
        raise
    return connection


def _private_sqlite_files(path: Path) -> None:
    """The database file 0600 before SQLite opens it, so its WAL and -shm are made 0600 too."""
    private_file(path)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            private_file(side)


def prepare_sqlite_file(path: Path, key: bytes) -> None:
    """Before the first connection: an older plain database encrypted, then the key checked."""
    path.with_name(path.name + ".encrypting").unlink(missing_ok=True)
    _private_sqlite_files(path)
    if is_plain_sqlite(path):
        try:
            _encrypt_plain_database(path, key)
        except sqlcipher3.Error as exc:
            raise ConfigError(
                f"{path} is an unencrypted database from an older server and could not be "
                f"encrypted ({exc}); stop every other program using it and start again"
            ) from exc
    _open_encrypted(path, key).close()


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """The engine for `url`; a SQLite file with `key` is encrypted with SQLCipher."""
    path = sqlite_path(url)
    # Statement parameters hold personal data: hide_parameters keeps them out of error logs.
    if path is not None and key is not None:
        prepare_sqlite_file(path, key)
        engine = create_engine(
            "sqlite+pysqlite://",
            module=sqlcipher3.dbapi2,
            creator=lambda: _open_encrypted(path, key),
            poolclass=QueuePool,
            pool_size=10,
            max_overflow=10,
            hide_parameters=True,
        )
    elif url.startswith("sqlite"):
        if path is not None:
            _private_sqlite_files(path)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            hide_parameters=True,
        )
    if url.startswith("sqlite"):

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


# pg_advisory_xact_lock key held while migrations run ("caseload" in ASCII, 8 bytes).
MIGRATION_LOCK_KEY = int.from_bytes(b"caseload", "big") >> 1


def upgrade(engine: Engine) -> None:
    """Apply all alembic migrations (idempotent).

    On PostgreSQL, several workers starting at once on a fresh database take turns: the
    first migrates while the others wait for its lock, then find nothing left to do.
    """
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
        before = MigrationContext.configure(connection).get_current_revision()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
        after = MigrationContext.configure(connection).get_current_revision()
    if before != after:
        # New tables and indexes: the planner's statistics must know them before the
        # first pushes, or PostgreSQL plans sequential scans until autoanalyze runs.
        refresh_statistics(engine)


def refresh_statistics(engine: Engine) -> None:
    """ANALYZE on PostgreSQL, `PRAGMA optimize` on SQLite (both sample: bounded cost)."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("ANALYZE")
        else:
            connection.exec_driver_sql("PRAGMA optimize")


def begin_write(session: Session) -> None:
    """Start a write transaction holding the global write lock.

    On SQLite the lock is the sync counter row. The statement must be the first one of
    its transaction: a transaction that has already read cannot upgrade to a writer once
    another writer committed. The lock orders the sequence numbers too: they are
    committed in the order they are handed out.

    On PostgreSQL the lock is an exclusive advisory lock (`WRITE_LOCK`), which excludes
    the other holders of `begin_write` and the writing part of the pushes that share it
    (`begin_shared_write`). It is mutual exclusion only: the numbers come from the
    sequence and the feed's order from `begin_feed_snapshot`. The transaction takes its
    place among the writers the feed waits for here, before any savepoint can undo it.
    """
    session.commit()  # ends any read transaction
    # Rows read before the lock (the token checks, the user) may be stale by now: reload
    # them on next use, inside the locked transaction.
    session.expire_all()
    if is_postgres(session):
        session.execute(text(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"))
        _register(session)
        return
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
# PostgreSQL: numbers a block in memory takes from the sequence at a time (see SeqBlock).
SEQ_CHUNK = 32


class SeqBlock:
    """Sequence numbers handed out in memory during one write transaction.

    On SQLite `begin_write` holds the counter row, so no other writer can take numbers
    until this transaction ends: the numbers are counted here and the counter is written
    once, by `end_seq_block`, before the commit. On PostgreSQL (`pool` not None) they
    are taken from the sequence `SEQ_CHUNK` at a time; the ones left unused are gaps.
    """

    def __init__(self, start: int, *, deferred: bool = False, pool: list[int] | None = None):
        self.start = start
        self.value = start
        self.deferred = deferred
        self.pool = pool
        self.take = SEQ_CHUNK  # how many the pool takes when it runs out next


def begin_deferred_seq_block(session: Session) -> SeqBlock:
    """Without the lock: `next_seq` hands out placeholders -1, -2, ... (never a real
    number) until `push_rows.lock_and_number` takes the real numbers (`take_seqs`) and
    gives each placeholder -k the k-th of them."""
    block = SeqBlock(0, deferred=True)
    session.info[SEQ_BLOCK_KEY] = block
    return block


def begin_seq_block(session: Session, expected: int = SEQ_CHUNK) -> SeqBlock:
    """After `begin_write`: let `next_seq` count in memory until `end_seq_block`.

    On PostgreSQL the first numbers are taken `expected` at a time (a push: one per
    change, so few are left unused), then `SEQ_CHUNK` at a time.
    """
    if is_postgres(session):
        block = SeqBlock(0, pool=[])
        block.take = max(1, expected)
    else:
        block = SeqBlock(current_seq(session))
    session.info[SEQ_BLOCK_KEY] = block
    return block


def end_seq_block(session: Session, *, write: bool = True) -> None:
    """Stop counting in memory; with `write`, store the last number handed out (SQLite)."""
    block = session.info.pop(SEQ_BLOCK_KEY, None)
    if (
        write
        and block is not None
        and not block.deferred
        and block.pool is None
        and block.value != block.start
    ):
        session.execute(update(SyncCounter).where(SyncCounter.id == 1).values(value=block.value))


def next_seq(session: Session) -> int:
    block = session.info.get(SEQ_BLOCK_KEY)
    if block is not None:
        if block.pool is not None:
            if not block.pool:
                block.pool = take_seqs(session, block.take)[::-1]
                block.take = SEQ_CHUNK
            return block.pool.pop()
        block.value += 1
        return -block.value if block.deferred else block.value
    if is_postgres(session):
        return take_seqs(session, 1)[0]
    return session.execute(
        update(SyncCounter)
        .where(SyncCounter.id == 1)
        .values(value=SyncCounter.value + 1)
        .returning(SyncCounter.value)
    ).scalar_one()


def current_seq(session: Session) -> int:
    """The last sequence number handed out (on PostgreSQL maybe not committed yet)."""
    if is_postgres(session):
        return session.execute(text(_HEAD)).scalar_one()
    return session.execute(select(SyncCounter.value).where(SyncCounter.id == 1)).scalar_one()


# --- PostgreSQL: numbers from a sequence, the feed reading below open writers ---------
#
# A writer takes its numbers with nextval (migration 0016), which holds no lock, so
# writers commit in any order: seq 7 may commit while 5 is still open. The feed must
# never move a reader's cursor past 5 then, or 5 would be skipped for good. So before a
# writer takes numbers it registers: a transaction-level advisory lock whose key is a
# lower bound of every number it will take (the sequence's next value at that moment;
# the sequence only grows). The lock goes with the transaction, at commit or rollback.
# The feed (`begin_feed_snapshot`) reads first the last number handed out, L, then the
# smallest registered key, M, and reads rows up to min(L, M - 1) in a snapshot taken
# after both. Every number up to there was handed out before L was read, so to a writer
# that had registered before that; that writer is not open any more (else M would be at
# most its number), so its rows are committed and in the snapshot, or rolled back: a
# gap, which the keyset feed passes over.
#
# Advisory lock keys are per database, and tests and benches keep several schemas in
# one: keys carry a tag of this schema's sequence (its oid, folded to 15 bits) above the
# 48 bits of a number. Two schemas with the same tag only make each other's feed wait
# for the other's open writers; never wrong.

SEQUENCE = "caseload_seq"
SEQ_BITS = 48
_TAG = f"('{SEQUENCE}'::regclass::oid::bigint % 32767 + 1)"
# The write lock: the two-int form (another key space than the registrations' bigint).
WRITE_LOCK = f"{_TAG}::int, 0"
_HEAD = f"SELECT last_value - CASE WHEN is_called THEN 0 ELSE 1 END FROM {SEQUENCE}"
_REGISTER = (
    f"SELECT pg_advisory_xact_lock_shared(({_TAG} << {SEQ_BITS})"
    f" + last_value + CASE WHEN is_called THEN 1 ELSE 0 END) FROM {SEQUENCE}"
)
_OLDEST_OPEN = (
    f"SELECT min(((classid::bigint & {(1 << (SEQ_BITS - 32)) - 1}) << 32) | objid::bigint)"
    " FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    f" AND classid::bigint >> {SEQ_BITS - 32} = {_TAG}"
)
_TAKE = f"SELECT nextval('{SEQUENCE}') FROM generate_series(1, :count)"
# Session.info key: the transaction that registered (see _register).
_REGISTERED = "caseload_seq_registered"


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def one_of(
    on: Session | Engine | Connection, column: Any, values: Iterable[Any]
) -> ColumnElement[bool]:
    """``column IN values`` with the values bound as one parameter: an array read by
    ``= ANY`` on PostgreSQL, a JSON list read by ``json_each`` on SQLite.

    The statement's text is the same for any number of values, so nothing renders a
    placeholder per value on each call (psycopg parses a statement longer than its cache
    takes anew every time: about 0.4 ms of CPU for 100 ids), the drivers' statement
    caches hit, and no list needs cutting into chunks. Both forms walk the column's
    index (tests/server/test_one_of.py checks the plans).
    """
    listed = list(values)
    dialect = on.get_bind().dialect if isinstance(on, Session) else on.dialect
    if dialect.name == "postgresql":
        return column == any_(bindparam(None, listed, type_=ARRAY(column.type)))
    each = func.json_each(json.dumps(listed)).table_valued("value")
    return column.in_(select(each.c.value))


def _register(session: Session) -> None:
    """This transaction's place among the writers the feed waits for (see above)."""
    session.execute(text(_REGISTER))
    session.info[_REGISTERED] = session.get_transaction()


def begin_shared_write(session: Session) -> None:
    """PostgreSQL: the write lock in shared mode, held until the transaction ends.

    For a push that changes no stored record (`push_rows.lock_and_number`): such pushes
    run side by side, while a `begin_write` holder waits for them and they for it. The
    lock manager queues a shared request behind a waiting exclusive one, so a
    `begin_write` is not starved by a stream of pushes.
    """
    session.execute(text(f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK})"))


def take_seqs(session: Session, count: int) -> list[int]:
    """PostgreSQL: `count` new sequence numbers, ascending (not always consecutive).

    The transaction registers first unless it did already (`begin_write`). Inside a
    savepoint it must have: a registration made there would go with a rollback to the
    savepoint while the numbers taken after it stayed.
    """
    session.connection()
    if session.info.get(_REGISTERED) is not session.get_transaction():
        if session.in_nested_transaction():
            raise RuntimeError("sequence numbers inside a savepoint need begin_write first")
        _register(session)
    if count <= 0:
        return []
    return sorted(session.execute(text(_TAKE), {"count": count}).scalars())


def begin_feed_snapshot(session: Session) -> tuple[int, int]:
    """Start the feed's snapshot (`begin_snapshot`); (the last number, the feed's end).

    Every change with a number up to the feed's end is in the snapshot, or was rolled
    back; none will commit later. On SQLite both are the counter, read in the snapshot
    (its one writer commits numbers in order). On PostgreSQL the end may be lower than
    the last number while writers are open (see above); both are read before the
    snapshot begins.
    """
    if not is_postgres(session):
        begin_snapshot(session)
        head = current_seq(session)
        return head, head
    session.commit()
    head = session.execute(text(_HEAD)).scalar_one()
    oldest = session.execute(text(_OLDEST_OPEN)).scalar()
    begin_snapshot(session)  # commits this read; the snapshot is the next statement's
    return head, head if oldest is None else min(head, oldest - 1)
