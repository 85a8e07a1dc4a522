"""Status, integrity check and backup of the open database."""

from __future__ import annotations

import logging
import os
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from desktop.auth.accounts import LocalAccounts
from desktop.auth.keyslots import KeySlotFile
from desktop.auth.permissions import Permission, can, require
from desktop.domain.enums import Role
from desktop.domain.records import Actor
from desktop.errors import PermissionDenied
from desktop.paths import DataPaths, private_copy
from desktop.store.backup import backup_to, restore_file, verify_backup
from desktop.store.changes import record_audit
from desktop.store.db import Database, connect_raw
from desktop.store.journal import get_state, set_state
from desktop.store.rekey import key_opens
from desktop.store.schema import current_revision, open_database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, OutboxRow, TaskRow, UserRow

log = logging.getLogger(__name__)


class MaintenanceService:
    def __init__(self, db: Database, actor: Actor, paths: DataPaths):
        self._db = db
        self._actor = actor
        self._paths = paths

    def status(self) -> dict[str, object]:
        """Counts and schema revision (supervisor+: they cover every record on the laptop)."""
        require(self._actor, Permission.VIEW_ALL_RECORDS)
        with self._db.read() as uow:
            session = uow.session

            def count(table, *where) -> int:
                return session.execute(
                    select(func.count()).select_from(table).where(*where)
                ).scalar_one()

            result = {
                "beneficiaries": count(BeneficiaryRow, BeneficiaryRow.deleted_at.is_(None)),
                "case_sessions": count(CaseSessionRow, CaseSessionRow.deleted_at.is_(None)),
                "tasks": count(TaskRow, TaskRow.deleted_at.is_(None)),
                "pending_outbox": count(OutboxRow),
                "users": count(UserRow, UserRow.active.is_(True)),
                "last_backup_at": get_state(session, "last_backup_at"),
            }
        result["schema_revision"] = current_revision(self._db)
        result["database"] = str(self._paths.database)
        return result

    def diagnostics(self) -> dict[str, object]:
        """Counts for a support report, within what this user may see (no personal data)."""
        mine = (
            ()
            if can(self._actor, Permission.VIEW_ALL_RECORDS)
            else (BeneficiaryRow.caseworker_id == self._actor.id,)
        )
        with self._db.read() as uow:
            session = uow.session
            beneficiaries = session.execute(
                select(func.count())
                .select_from(BeneficiaryRow)
                .where(BeneficiaryRow.deleted_at.is_(None), *mine)
            ).scalar_one()
            case_sessions = session.execute(
                select(func.count())
                .select_from(CaseSessionRow)
                .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
                .where(
                    CaseSessionRow.deleted_at.is_(None),
                    BeneficiaryRow.deleted_at.is_(None),
                    *mine,
                )
            ).scalar_one()
            pending = session.execute(select(func.count()).select_from(OutboxRow)).scalar_one()
            last_backup = get_state(session, "last_backup_at")
        with self._db.raw_connection() as connection:
            sqlcipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
            sqlite = connection.execute("SELECT sqlite_version()").fetchone()[0]
        return {
            "sqlcipher_version": f"{sqlcipher} (SQLite {sqlite})",
            "beneficiaries": beneficiaries,
            "case_sessions": case_sessions,
            "pending_changes": pending,
            "last_backup_at": last_backup,
            "schema_revision": current_revision(self._db),
        }

    def last_backup_at(self) -> str | None:
        with self._db.read() as uow:
            return get_state(uow.session, "last_backup_at")

    def check(self) -> list[str]:
        """``quick_check`` + ``cipher_integrity_check``; empty means healthy."""
        return self._db.integrity_problems()

    def stop_check(self) -> None:
        """A running ``check`` stops at its next step (logout, lock, quit)."""
        self._db.stop_check()

    @property
    def check_pending(self) -> bool:
        """The login deferred the full check this file needs (after an unclean exit)."""
        return self._db.check_pending

    def backup(self, target: Path | None = None) -> Path:
        """An encrypted copy (online backup API); default name in the backups folder."""
        require(self._actor, Permission.BACKUP)
        now = datetime.now(UTC)
        if target is None:
            target = self._paths.backups / f"caseload-{now.strftime('%Y%m%dT%H%M%SZ')}.db"
        path = backup_to(self._db, Path(target))
        if self._paths.keyslots.exists():
            # Wrapped keys only (no password, no data key in clear): with them the backup
            # can be restored on a new laptop by a user who knows their password.
            copy_atomically(self._paths.keyslots, keys_beside(path))
        with self._db.write() as uow:
            set_state(uow.session, "last_backup_at", now.replace(microsecond=0).isoformat())
            record_audit(
                uow.session,
                user_id=self._actor.id,
                action="backup",
                entity="database",
                entity_id="-",
            )
            uow.commit()
        return path


def restore_backup(accounts: LocalAccounts, username: str, password: str, backup: Path) -> Path:
    """Replaces the database with a verified backup; works even when the current file is damaged.

    The password proves the user; their role is read from the backup being restored
    (the current file may not open). The replaced file is kept in the backups folder.
    """
    paths = accounts.paths
    backup_keys = keys_beside(Path(backup))
    # On a laptop without a database or slots (a replacement), the key slots saved beside
    # the backup unlock it; otherwise this laptop's own slots do, and stay as they are.
    from_backup = (
        not paths.database.exists() and not paths.keyslots.exists() and backup_keys.exists()
    )
    user_id, data_key = accounts.unwrap_data_key(
        username, password, slots=KeySlotFile(backup_keys) if from_backup else None
    )
    if not from_backup and backup_keys.exists() and not key_opens(Path(backup), data_key):
        # Taken before a data-key rotation: the key slots saved beside it open it, and come
        # back with it (the current ones open only the current key).
        from_backup = True
        user_id, data_key = accounts.unwrap_data_key(
            username, password, slots=KeySlotFile(backup_keys)
        )
    verify_backup(Path(backup), data_key)
    with closing(connect_raw(Path(backup), data_key, pragmas=False)) as connection:
        row = connection.execute(
            "SELECT role, active FROM users WHERE id = ?", (user_id,)
        ).fetchone()
    if row is None or not row[1]:
        raise PermissionDenied("Your account is not in that backup; it cannot be restored by you.")
    actor = Actor(user_id, username, username, Role(row[0]))
    require(actor, Permission.BACKUP_RESTORE)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = paths.backups / f"replaced-by-restore-{stamp}.db"
    paths.ensure()
    if paths.database.exists():
        private_copy(paths.database, kept)
    restore_file(paths.database, Path(backup), data_key)
    if from_backup:
        copy_atomically(backup_keys, paths.keyslots)
    db = open_database(paths.database, data_key, backups_dir=paths.backups)
    try:
        with db.write() as uow:
            record_audit(
                uow.session, user_id=user_id, action="restore", entity="database", entity_id="-"
            )
            uow.commit()
    finally:
        db.close()
    log.info("database restored by user %s", user_id)
    return kept


def on_same_disk(folder: Path, database: Path) -> bool:
    """Whether a backup in ``folder`` would share the database's disk (st_dev), and so be
    lost with it when the laptop is lost or the disk fails. A folder not made yet counts
    by its nearest existing parent."""

    def existing(path: Path) -> Path:
        path = Path(path).expanduser().absolute()
        while not path.exists() and path != path.parent:
            path = path.parent
        return path

    try:
        return existing(folder).stat().st_dev == existing(database).stat().st_dev
    except OSError:
        return False


def keys_beside(backup: Path) -> Path:
    return backup.with_name(backup.name + ".keys.json")


def copy_atomically(source: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    private_copy(source, partial)  # wrapped keys: 0600 like the slot file itself
    os.replace(partial, target)
