"""Backup and restore through SQLite's online backup API: encrypted to encrypted.

A file copy of an open WAL database can miss committed pages; the backup API cannot.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import DatabaseCorrupt, DatabaseError
from desktop.paths import PRIVATE_DIR_MODE, private_copy
from desktop.store.db import connect_raw, integrity_problems, sidecars

if TYPE_CHECKING:
    from desktop.store.db import Database

log = logging.getLogger(__name__)


def backup_to(db: Database, target: Path) -> Path:
    """Writes a consistent, encrypted copy of ``db`` to ``target`` (replaced atomically)."""
    target = Path(target)
    # A folder made here is private; one the user chose (a USB stick) is left as it is.
    target.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)  # connect_raw then creates it 0600
    try:
        with db.raw_connection() as source:
            destination = connect_raw(partial, db.key, pragmas=False)
            try:
                source.backup(destination, pages=1024)
                # A backup is one file: no WAL beside it.
                destination.execute("PRAGMA journal_mode = DELETE")
                problems = integrity_problems(destination)
            finally:
                destination.close()
        if problems:
            raise DatabaseError("The backup failed its integrity check and was discarded.")
        _fsync(partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    log.info("backup written (%d bytes)", target.stat().st_size)
    return target


def verify_backup(path: Path, key: bytes) -> None:
    """Raises unless ``path`` opens with ``key`` and passes both integrity checks."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"No backup file at {path}.")
    try:
        connection = connect_raw(path, key, pragmas=False)
    except DatabaseCorrupt as exc:
        raise DatabaseError(
            "That file is not a backup of this database (it does not open with this key)."
        ) from exc
    try:
        problems = integrity_problems(connection)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    if problems:
        raise DatabaseError("The backup is damaged (integrity check failed); nothing was restored.")
    if "beneficiaries" not in tables:
        raise DatabaseError("That file is not a Caseload database; nothing was restored.")


def restore_file(database_path: Path, backup_path: Path, key: bytes) -> None:
    """Replaces the (closed) database with a verified backup; the old file is kept aside."""
    verify_backup(backup_path, key)
    database_path = Path(database_path)
    staged = database_path.with_name(database_path.name + ".restoring")
    private_copy(backup_path, staged)  # the backup's own mode may be wider
    verify_backup(staged, key)
    for sidecar in sidecars(database_path):
        sidecar.unlink(missing_ok=True)
    os.replace(staged, database_path)
    log.info("database restored from backup")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
