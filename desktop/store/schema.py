"""Opening and creating the database: integrity checks, then migrations (backup first)."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop.errors import DatabaseCorrupt, DatabaseError, DatabaseExists
from desktop.paths import make_private
from desktop.store.backup import backup_to
from desktop.store.db import (
    Database,
    closed_cleanly,
    damage_detail,
    file_problem,
    forget_clean_stamp,
    sidecars,
)

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions: its scripts are named after their revision
# ids ("0007_closure_reason.py", ids in order). Read from the names so that opening an
# up-to-date database needs no alembic import (17 MB and ~100 ms) and a new migration
# needs no edit here; a test checks it is alembic's own head.
HEAD_REVISION = max(
    path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py")
)


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return HEAD_REVISION


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:
            return None  # a new, empty database


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def migrate(db: Database, backups_dir: Path | None) -> str | None:
    """Brings the schema to head; takes a backup first when an existing database changes.

    Returns the backup's path when one was taken.
    """
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return None
    backup_path = None
    if current is not None and backups_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup_path = backups_dir / f"pre-migration-{current}-to-{head}-{stamp}.db"
        backups_dir.mkdir(parents=True, exist_ok=True)
        backup_to(db, backup_path)
        log.info("backup before migration %s -> %s written", current, head)
    upgrade(db)
    log.info("schema migrated from %s to %s", current, head)
    return str(backup_path) if backup_path else None


def _restore_deferred_indexes(db: Database) -> None:
    """Indexes a bulk load dropped and did not make again (it was killed): made now."""
    from desktop.store import deferred_indexes

    with db.engine.connect() as connection:
        if not deferred_indexes.pending(connection):
            return
    try:
        with db.engine.begin() as connection:
            deferred_indexes.restore(connection)
    except OperationalError:  # a load still running elsewhere holds the write lock
        log.warning("deferred indexes not made yet: the database is busy")


def create_database(path: Path) -> tuple[Database, bytes]:
    """A new encrypted database at ``path`` with a fresh random data key, schema at head."""
    if path.exists():
        raise DatabaseExists(f"A database already exists at {path}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    db = Database(path, key)
    db.verified = True  # made just now
    try:
        upgrade(db)
    except BaseException:
        db.close()
        for leftover in (path, *sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    return db, key


def open_database(
    path: Path,
    key: bytes,
    *,
    backups_dir: Path | None = None,
    check: bool | None = None,
    defer_check: bool = False,
) -> Database:
    """Opens, checks integrity (refusing a damaged file), and migrates.

    ``check`` None (the default) runs ``quick_check`` and ``cipher_integrity_check`` over
    every page unless the file is exactly as this app left it at its last clean close
    (seconds on a large office database; every page read is still authenticated by
    SQLCipher's HMAC). True always checks, False never does.

    ``defer_check`` (the desktop's login): the check that None would run is left to the
    caller, marked by ``db.check_pending``, so that login takes the same time after an
    unclean exit (31 s at 330,000 beneficiaries otherwise); the app runs it in the
    background once the list is shown and tells the user if it fails. A file that needs
    a migration is still checked first: it is about to be rewritten.
    """
    if not path.exists():
        raise DatabaseError(f"No database at {path}. Run 'caseload init' first.")
    problem = file_problem(path)
    if problem:
        # Never "opened": SQLCipher would make an empty file a new, empty database.
        log.info("database file refused before opening: %s", problem)
        raise DatabaseCorrupt(problem=problem)
    for existing in (path, *sidecars(path)):  # made wider by an earlier version
        make_private(existing)
    trusted = closed_cleanly(path)
    if check is None:
        check = not trusted
    # Open now: until the next clean close, a crash must make the next open check.
    forget_clean_stamp(path)
    db = Database(path, key)
    db.verified = trusted
    try:
        if check and defer_check and current_revision(db) == head_revision():
            check = False
            db.check_pending = True
            log.info("integrity check deferred to the background")
        if check:
            problems = db.integrity_problems()
            if problems:
                log.error("integrity check failed: %d problem(s)", len(problems))
                raise DatabaseCorrupt("; ".join(problems[:5]))
        if current_revision(db) is None:
            # Only create_database makes the schema: a file without it lost its contents.
            raise DatabaseCorrupt(problem="The database file holds no Caseload tables")
        migrate(db, backups_dir)
        _restore_deferred_indexes(db)
    except BaseException as exc:
        db.close()
        detail = damage_detail(exc)
        if detail is not None and not isinstance(exc, DatabaseCorrupt):
            log.info("database damaged: %s", detail)
            raise DatabaseCorrupt(detail) from exc
        raise
    return db
