"""Re-encrypting the database under a new key: a copy written beside it, then swapped in.

Why a copy and a rename rather than ``PRAGMA rekey``: rekey rewrites every page of the
live file in place (in WAL mode the whole database passes through the WAL, doubling the
disk it needs), so no untouched copy exists while it runs, and the key change cannot be
made one atomic step with the change that caused it (a deactivation). Here the old file
stays as it was until one ``rename``, which POSIX and NTFS make atomic: before it the
database is the old file under the old key, after it the new file under the new key.

The copy is made with SQLite's online backup API (page by page, so progress is real and
the copy is exact: schema cookie, user_version, FTS shadow tables, everything), from a
connection that holds the only, exclusive lock on the file, so nothing can be written to
the old file while it is copied and then lost with it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from desktop.errors import DatabaseError
from desktop.store.db import connect_raw, integrity_problems

log = logging.getLogger(__name__)

ROTATING_SUFFIX = ".rotating"
SIDECARS = ("-wal", "-shm", "-journal")
LOCK_TIMEOUT_MS = 2000
PROGRESS_STEPS = 100  # backup steps per copy: fine enough for a progress bar, cheap

Progress = Callable[[int, int], None]


class DatabaseBusy(DatabaseError):
    """Another connection (window, command, process) has the database open."""


def rotating_path(path: Path) -> Path:
    """Where the re-encrypted copy is written before it replaces ``path``."""
    return path.with_name(path.name + ROTATING_SUFFIX)


def remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in SIDECARS)):
        leftover.unlink(missing_ok=True)


def key_opens(path: Path, key: bytes) -> bool:
    """True when ``key`` decrypts ``path``; DatabaseBusy when a rotation holds it locked."""
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is an answer here
        connection.execute(f"PRAGMA busy_timeout = {LOCK_TIMEOUT_MS * 5}")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.OperationalError as exc:
            if "locked" in str(exc):
                raise DatabaseBusy(
                    "The database is busy (a key change may be running); try again in a moment."
                ) from exc
            return False
        except sqlcipher3.DatabaseError:
            return False
        return True
    finally:
        connection.close()


class ExclusiveHold:
    """The only connection to the database, holding its exclusive lock until closed.

    Switching out of WAL mode checkpoints the WAL into the file and needs every other
    connection (in this process or another) to be closed, so it doubles as the check that
    nobody else has the database open. Exclusive locking mode then keeps the lock.
    """

    def __init__(self, path: Path, key: bytes):
        self.path = Path(path)
        self.connection = connect_raw(self.path, key, pragmas=False)
        try:
            self.connection.execute(f"PRAGMA busy_timeout = {LOCK_TIMEOUT_MS}")
            try:
                mode = self.connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                self.connection.execute("PRAGMA locking_mode = EXCLUSIVE")
                self.connection.execute("BEGIN EXCLUSIVE")
                self.connection.execute("COMMIT")
            except sqlcipher3.OperationalError as exc:
                raise DatabaseBusy(
                    "Caseload has this database open elsewhere (another window, a sync or a "
                    "command). Close it there and try again; nothing was changed."
                ) from exc
            if mode != "delete":
                raise DatabaseBusy("The database could not be taken for the key change.")
        except BaseException:
            self.connection.close()
            raise

    def page_count(self) -> int:
        return int(self.connection.execute("PRAGMA page_count").fetchone()[0])

    def copy_to(self, target: Path, new_key: bytes, progress: Progress | None = None) -> None:
        """Writes every page to ``target`` (a new 0600 file) encrypted under ``new_key``."""
        remove_with_sidecars(target)
        destination = connect_raw(target, new_key, pragmas=False)  # made 0600
        try:
            # The copy is thrown away if anything stops it, so it needs no journal of its
            # own; it is synced once, whole, before it may replace the database.
            destination.execute("PRAGMA journal_mode = OFF")
            destination.execute("PRAGMA synchronous = OFF")
            total = self.page_count()
            step = max(16, -(-total // PROGRESS_STEPS))

            def report(_status: int, remaining: int, pages: int) -> None:
                if progress is not None:
                    progress(pages - remaining, pages)

            self.connection.backup(destination, pages=step, progress=report)
        finally:
            destination.close()

    def replace_with(self, target: Path) -> None:
        """Renames ``target`` over the database (synced first), then lets the lock go."""
        fsync_path(target)
        for sidecar in SIDECARS:
            # None should exist (the hold left WAL mode and wrote nothing); one that did
            # would be applied to the new file as if it were its own.
            self.path.with_name(self.path.name + sidecar).unlink(missing_ok=True)
        old = os.open(self.path, os.O_RDWR)
        try:
            os.replace(target, self.path)
        except BaseException:
            os.close(old)
            self.close()
            raise
        # From here the new file is the database: nothing below may fail the rotation
        # (its caller would otherwise undo the key slots of a swap that happened).
        fsync_path(self.path.parent)  # never raises for a folder
        try:
            # A handle still open on the replaced file (one that raced the lock) now sees
            # an empty database and fails loudly, instead of writing where nobody reads.
            os.ftruncate(old, 0)
        except OSError:
            log.warning("the replaced database file could not be emptied")
        finally:
            os.close(old)
            with contextlib.suppress(Exception):
                self.close()

    def close(self) -> None:
        self.connection.close()


def check_copy(target: Path, key: bytes) -> list[str]:
    """``cipher_integrity_check`` + ``quick_check`` of the copy under its new key."""
    connection = connect_raw(target, key, pragmas=False)
    try:
        return integrity_problems(connection)
    finally:
        connection.close()


def fsync_path(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        if not path.is_dir():  # some platforms cannot sync a folder; a file must sync
            raise
    finally:
        os.close(fd)
