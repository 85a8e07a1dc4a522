"""Opening and creating the database: integrity checks, then migrations (backup first)."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.errors import DatabaseCorrupt, DatabaseError, DatabaseExists
from desktop.store.backup import backup_to
from desktop.store.db import Database

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
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


def create_database(path: Path) -> tuple[Database, bytes]:
    """A new encrypted database at ``path`` with a fresh random data key, schema at head."""
    if path.exists():
        raise DatabaseExists(f"A database already exists at {path}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    db = Database(path, key)
    try:
        upgrade(db)
    except BaseException:
        db.close()
        for leftover in (path, *_sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    return db, key


def open_database(
    path: Path, key: bytes, *, backups_dir: Path | None = None, check: bool = True
) -> Database:
    """Opens, checks integrity (refusing a damaged file), and migrates."""
    if not path.exists():
        raise DatabaseError(f"No database at {path}. Run 'caseload init' first.")
    db = Database(path, key)
    try:
        if check:
            problems = db.integrity_problems()
            if problems:
                log.error("integrity check failed: %d problem(s)", len(problems))
                raise DatabaseCorrupt("; ".join(problems[:5]))
        migrate(db, backups_dir)
    except BaseException:
        db.close()
        raise
    return db


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
