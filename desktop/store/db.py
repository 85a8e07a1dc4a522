"""The encrypted database: SQLCipher connections, pragmas, checks, unit of work.

The data key is a random 256-bit key handed in raw (``x'…'``), so SQLCipher skips its
own PBKDF2: the password work is done once, by Argon2id, when the key slot is opened.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from desktop.errors import CheckInterrupted, DatabaseCorrupt, DatabaseError
from desktop.paths import create_private_file, make_private

log = logging.getLogger(__name__)

KEY_BYTES = 32
# SQLCipher 4 encrypts whole pages of this size: a healthy file is a whole number of them.
PAGE_BYTES = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's result codes for a damaged file, SQLITE_CORRUPT and SQLITE_NOTADB (the low
# byte of an extended code).
_DAMAGE_CODES = frozenset({11, 26})
CACHE_KIB = 32 * 1024  # each connection's page cache
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA temp_store = MEMORY",
    # Erased personal data is overwritten with zeros, not left in free pages (store/erasure.py).
    "PRAGMA secure_delete = ON",
    # The page cache (default 2 MB): random UUID keys touch many index pages.
    f"PRAGMA cache_size = -{CACHE_KIB}",
)
_BEGIN_OPTION = "caseload_begin"


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_raw(path: Path, key: bytes, *, pragmas: bool = True) -> sqlcipher3.Connection:
    """One SQLCipher connection with the key applied, checked to be encrypted and readable.

    A file that does not exist yet is created 0600 first, so that SQLite's -wal and -shm
    files (which copy the database file's mode) are private too.
    """
    path = Path(path)
    if not path.exists():
        create_private_file(path)
    connection = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # SQLCipher's own log prints every failed page's HMAC to stderr; the checks below
        # report damage as one message instead.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(_key_pragma(key))
        row = connection.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            # A plain sqlite3 build would silently store everything in clear text.
            raise DatabaseError("The database engine has no encryption (SQLCipher is not active).")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            # The key came from a verified slot: page 1 is damaged or the file is not ours.
            raise DatabaseCorrupt(
                str(exc),
                problem="The database file does not open with its key "
                "(its first page is damaged, or it is not this database)",
            ) from exc
        if pragmas:
            for pragma in PRAGMAS:
                connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


def file_problem(path: Path) -> str | None:
    """What is visibly wrong with a database file before it is opened, or None.

    SQLCipher takes an empty file for a new database: opening it would create a fresh,
    empty one under the user's key, so these are refused before any connection is made.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(len(PLAIN_SQLITE_HEADER))
    except FileNotFoundError:
        return f"The database file {path} is missing"
    except OSError as exc:
        return f"The database file cannot be read ({exc.strerror})"
    if size == 0:
        return "The database file is empty (0 bytes)"
    if head == PLAIN_SQLITE_HEADER:
        return "The database file is not encrypted (a plain SQLite file, not this database)"
    if size % PAGE_BYTES:
        return f"The database file is truncated ({size} bytes is not a whole number of pages)"
    return None


def damage_detail(exc: BaseException) -> str | None:
    """SQLite's message when ``exc`` (or the driver error it wraps) reports a damaged file."""
    seen: BaseException | None = exc
    for _ in range(4):  # SQLAlchemy's error wraps the driver's: a short chain
        if seen is None:
            break
        code = getattr(seen, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _DAMAGE_CODES:
            return str(seen)
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def integrity_problems(connection: Any) -> list[str]:
    """``quick_check`` and ``cipher_integrity_check``; an empty list means healthy."""
    problems: list[str] = []
    # A stdlib sqlite3 connection can only come from a caller that imported sqlite3; the
    # app's own are SQLCipher's, so the GUI process never loads the stdlib module for this.
    stdlib = sys.modules.get("sqlite3")
    errors = (sqlcipher3.DatabaseError, *((stdlib.DatabaseError,) if stdlib else ()))
    try:
        problems += [
            f"cipher: {row[0]}" for row in connection.execute("PRAGMA cipher_integrity_check")
        ]
        quick = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if quick != ["ok"]:
            problems += [f"quick_check: {line}" for line in quick]
    except errors as exc:
        problems.append(f"error: {exc}")
    return problems


class UnitOfWork:
    """``with db.write() as uow: ...; uow.commit()``: leaving without commit rolls back."""

    def __init__(self, factory: sessionmaker[Session]):
        self._factory = factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class Database:
    """An open encrypted database. ``close()`` disposes every connection and forgets the key."""

    def __init__(self, path: Path, key: bytes):
        self.path = Path(path)
        self._key: bytes | None = bytes(key)
        # Known healthy: checked at open, or left cleanly by a healthy session. Only then
        # may the close claim a clean file for the next open to trust.
        self.verified = False
        # Opened without the full check it needed (after an unclean exit): the caller runs
        # ``integrity_problems`` in the background once the user sees their list.
        self.check_pending = False
        self._checking: sqlcipher3.Connection | None = None
        self._check_stopped = False
        self.engine: Engine = create_engine(
            "sqlite+pysqlite://",
            module=sqlcipher3.dbapi2,
            creator=self._connect,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
        )
        event.listen(self.engine, "begin", _begin)
        # The page cache a connection is given when it is checked out (`larger_cache`).
        self._cache_kib = CACHE_KIB
        event.listen(self.engine, "checkout", self._size_cache)
        self._reads = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        writer = self.engine.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        self._writes = sessionmaker(writer, expire_on_commit=False, autoflush=False)

    @property
    def key(self) -> bytes:
        if self._key is None:
            raise DatabaseError("The database is locked.")
        return self._key

    def switch_key(self, key: bytes) -> None:
        """After a key rotation replaced the file: pooled connections go, new ones use ``key``."""
        self.engine.dispose()
        if self._key is not None:  # locked meanwhile: the key stays out of memory
            self._key = bytes(key)

    def _connect(self) -> sqlcipher3.Connection:
        return connect_raw(self.path, self.key)

    def _size_cache(self, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        wanted = self._cache_kib
        if record.info.get("cache_kib", CACHE_KIB) != wanted:
            dbapi_connection.execute(f"PRAGMA cache_size = -{wanted}")
            record.info["cache_kib"] = wanted

    @contextmanager
    def larger_cache(self, mebibytes: int) -> Iterator[None]:
        """Connections checked out in the body get a page cache of ``mebibytes``: a long
        load into indexes on random keys (a first pull) then finds their pages in memory
        instead of reading and decrypting them again. After it the pooled connections are
        closed, which gives the memory back, and the next use opens new ones; one checked
        out meanwhile is closed once returned and its pool is dropped."""
        self._cache_kib = mebibytes * 1024
        try:
            yield
        finally:
            self._cache_kib = CACHE_KIB
            self.engine.dispose()

    def read(self) -> UnitOfWork:
        """A unit of work for reading (deferred transaction: many readers at once)."""
        return UnitOfWork(self._reads)

    def write(self) -> UnitOfWork:
        """A unit of work that writes: takes the write lock at BEGIN, so no lost updates."""
        return UnitOfWork(self._writes)

    @contextmanager
    def raw_connection(self) -> Iterator[sqlcipher3.Connection]:
        """A DB-API connection outside the pool (backup, checks, bulk paths)."""
        connection = self._connect()
        try:
            yield connection
        finally:
            connection.close()

    def integrity_problems(self) -> list[str]:
        """Both full checks on a connection of their own (safe from a worker thread while
        the app reads and writes). A ``close`` meanwhile interrupts them: DatabaseError."""
        self._check_stopped = False
        with self.raw_connection() as connection:
            self._checking = connection
            try:
                problems = integrity_problems(connection)
            finally:
                self._checking = None
        if self._check_stopped or not self.is_open:
            raise CheckInterrupted("The database was closed during its integrity check.")
        self.verified = not problems
        self.check_pending = False
        return problems

    def stop_check(self) -> None:
        """Stops a running ``integrity_problems`` at its next step (it raises
        CheckInterrupted); the file stays unverified."""
        checking = self._checking
        if checking is not None:
            self._check_stopped = True
            checking.interrupt()

    def close(self) -> None:
        was_open = self._key is not None
        self.stop_check()  # a background check
        self.engine.dispose()
        self._key = None
        if was_open and self.verified:
            write_clean_stamp(self.path)

    @property
    def is_open(self) -> bool:
        return self._key is not None


def sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory index beside the database file."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".clean")


def _file_state(path: Path) -> dict[str, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


def write_clean_stamp(path: Path) -> None:
    """Records the file's size and time as this app left it, after its last connection closed.

    The next open compares: the same means nothing wrote the file since (no crash mid-write,
    no other program, no disk-level damage that changed it), so the full-file integrity
    check can be skipped there; anything else makes the next open check every page.
    """
    state = _file_state(path)
    if state is None or path.with_name(path.name + "-wal").exists():
        return  # another connection (process) still has it open: no claim to make
    try:
        stamp = _stamp_path(path)
        stamp.write_text(json.dumps(state), encoding="utf-8")
        make_private(stamp)
    except OSError:
        log.warning("could not write the clean-close stamp")


def closed_cleanly(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False  # open elsewhere, or a crash left committed pages in the log
    try:
        stamp = json.loads(_stamp_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == _file_state(path)


def forget_clean_stamp(path: Path) -> None:
    _stamp_path(path).unlink(missing_ok=True)


def _begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(_BEGIN_OPTION, "BEGIN")
    connection.exec_driver_sql(mode)
