"""Local accounts: first set-up, login (unwrap the data key, open the database), unlock."""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select, update

from desktop.auth import keyslots, rotation
from desktop.auth.passwords import check_password
from desktop.auth.throttle import LoginThrottle
from desktop.domain.enums import Role
from desktop.domain.records import Actor
from desktop.domain.validation import clean_display_name, clean_username, username_key
from desktop.errors import (
    AuthenticationFailed,
    DatabaseCorrupt,
    DatabaseError,
    DatabaseExists,
    UserError,
)
from desktop.paths import DataPaths
from desktop.store.changes import record_audit
from desktop.store.db import Database, damage_detail, file_problem
from desktop.store.journal import set_state
from desktop.store.rekey import key_opens
from desktop.store.schema import create_database, open_database
from desktop.store.tables import UserRow, new_id, utcnow

log = logging.getLogger(__name__)

CASE_PREFIX_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
CASE_PREFIX_LENGTH = 5


@dataclass
class LoginSession:
    """An unlocked database and the user who unlocked it."""

    db: Database
    actor: Actor
    paths: DataPaths

    def close(self) -> None:
        self.db.close()


def actor_from_row(row: UserRow) -> Actor:
    return Actor(
        id=row.id, username=row.username, display_name=row.display_name, role=Role(row.role)
    )


class LocalAccounts:
    def __init__(self, paths: DataPaths):
        self.paths = paths
        self.slots = keyslots.KeySlotFile(paths.keyslots)
        self.throttle = LoginThrottle(paths.login_attempts)

    @cached_property
    def _decoy(self) -> keyslots.KeySlot:
        """A slot with the real parameters and random contents, used for unknown usernames:
        unwrapping it costs the same full derivation and fails, so neither the answer nor
        its timing tells an unknown user from a wrong password. Making it costs nothing."""
        return keyslots.decoy_slot()

    def database_exists(self) -> bool:
        return self.paths.database.exists()

    def default_admin(self) -> str | None:
        try:
            return json.loads(self.paths.config.read_text(encoding="utf-8")).get("default_admin")
        except (FileNotFoundError, ValueError):
            return None

    def initialize(
        self, admin_username: str, password: str, display_name: str = ""
    ) -> LoginSession:
        """Creates the encrypted database and its first admin (``caseload init``)."""
        if self.database_exists() or self.paths.keyslots.exists():
            raise DatabaseExists(
                f"A Caseload database already exists in {self.paths.root}; nothing was changed."
            )
        username = clean_username(admin_username)
        check_password(password, username=username)
        display = clean_display_name(display_name, username)
        self.paths.ensure()
        db, data_key = create_database(self.paths.database)
        try:
            user_id = new_id()
            with db.write() as uow:
                uow.session.add(
                    UserRow(
                        id=user_id,
                        username=username,
                        username_key=username_key(username),
                        display_name=display,
                        role=Role.ADMIN.value,
                        active=True,
                        created_at=utcnow(),
                        last_login_at=utcnow(),
                    )
                )
                set_state(uow.session, "device_id", new_id())
                prefix = "".join(
                    secrets.choice(CASE_PREFIX_ALPHABET) for _ in range(CASE_PREFIX_LENGTH)
                )
                set_state(uow.session, "case_prefix", prefix)
                set_state(uow.session, "case_seq", "0")
                record_audit(
                    uow.session,
                    user_id=user_id,
                    action="init",
                    entity="user",
                    entity_id=user_id,
                    changes={"role": [None, Role.ADMIN.value]},
                )
                uow.commit()
            self.slots.put(username_key(username), keyslots.new_slot(user_id, password, data_key))
            keyslots.atomic_write_json(self.paths.config, {"default_admin": username})
        except BaseException:
            db.close()
            for leftover in (self.paths.database, self.paths.keyslots):
                leftover.unlink(missing_ok=True)
            raise
        log.info("database created with first admin %s", user_id)
        return LoginSession(db, Actor(user_id, username, display, Role.ADMIN), self.paths)

    def unwrap_data_key(
        self, username: str, password: str, *, slots: keyslots.KeySlotFile | None = None
    ) -> tuple[str, bytes]:
        """(user id, data key) for a correct password; the same error otherwise.

        ``slots``: another key-slot file (one saved beside a backup) instead of this laptop's.
        """
        user_id, keys, _slot = self._unwrap_keys(username, password, slots=slots)
        return user_id, keys.current or keys.next

    def _unwrap_keys(
        self, username: str, password: str, *, slots: keyslots.KeySlotFile | None = None
    ) -> tuple[str, keyslots.SlotKeys, keyslots.KeySlot]:
        """(user id, the data keys the password opens, its slot); the same error otherwise."""
        if not isinstance(username, str) or not isinstance(password, str):
            raise AuthenticationFailed()
        key = username_key(username)
        self.throttle.check(key)
        slot = (slots or self.slots).get(key) if key else None
        opened = keyslots.unwrap_keys(slot or self._decoy, password)
        if slot is None or opened is None or not (opened.current or opened.next):
            delay = self.throttle.failed(key)
            log.info("failed login attempt")
            if delay:
                raise AuthenticationFailed(
                    f"Wrong username or password. Wait {round(delay)} seconds before trying again."
                )
            raise AuthenticationFailed()
        self.throttle.succeeded(key)
        return slot.user_id, opened, slot

    def _usable_key(self, username: str, keys: keyslots.SlotKeys, slot: keyslots.KeySlot) -> bytes:
        """The key that opens the database now, finishing or rolling back a rotation."""
        if slot.stale:
            raise UserError(
                "The data key was changed and your key slot could not follow (it was in the "
                "old format, or failed its check). Ask an admin to reset your password."
            )
        fallback = keys.current or keys.next
        interrupted = keys.next is not None or self.slots.rotation() is not None
        if not interrupted or not self.database_exists():
            return fallback
        if keys.current and key_opens(self.paths.database, keys.current):
            rotation.roll_back(self.slots, self.paths.database)
            return keys.current
        if keys.next and key_opens(self.paths.database, keys.next):
            rotation.finish(self.slots)
            log.info("an interrupted data-key rotation was finished at login")
            return keys.next
        if rotation.is_being_removed(self.slots, username):
            raise UserError("This account has been deactivated.")
        return fallback  # opening reports what is wrong with the file

    def _upgrade_slot(
        self, username: str, user_id: str, password: str, data_key: bytes, slot: keyslots.KeySlot
    ) -> None:
        """A format 1 slot becomes format 2 (a key pair) now that its password is known."""
        if slot.has_key_pair:
            return
        self.slots.put(username_key(username), keyslots.new_slot(user_id, password, data_key))
        log.info("key slot of user %s upgraded to format %d", user_id, keyslots.SLOT_FORMAT)

    def login(
        self,
        username: str,
        password: str,
        *,
        check: bool | None = None,
        defer_check: bool = False,
    ) -> LoginSession:
        """Opens the database for ``username``; ``check`` and ``defer_check`` as
        ``open_database``'s (the desktop defers the check after an unclean exit)."""
        if not self.database_exists():
            if self.paths.keyslots.exists():
                # Key slots without their database: it was deleted or moved, not never made.
                raise DatabaseCorrupt(problem=file_problem(self.paths.database) or "")
            raise DatabaseError(f"No Caseload database in {self.paths.root}. Run 'caseload init'.")
        user_id, keys, slot = self._unwrap_keys(username, password)
        data_key = self._usable_key(username, keys, slot)
        db = open_database(
            self.paths.database,
            data_key,
            backups_dir=self.paths.backups,
            check=check,
            defer_check=defer_check,
        )
        try:
            with db.write() as uow:
                row = uow.session.get(UserRow, user_id)
                # The slot is kept whatever this database says: only an admin's deactivation
                # removes one. A database restored from an older backup, or a damaged one,
                # must not cost anyone their way back in.
                if row is None:
                    raise UserError(
                        "Your account is not in this database (it may be an older backup). "
                        "Ask an admin."
                    )
                if not row.active:
                    raise UserError("This account has been deactivated.")
                uow.session.execute(
                    update(UserRow).where(UserRow.id == user_id).values(last_login_at=utcnow())
                )
                record_audit(
                    uow.session, user_id=user_id, action="login", entity="user", entity_id=user_id
                )
                actor = actor_from_row(row)
                uow.commit()
        except BaseException as exc:
            db.close()
            detail = damage_detail(exc)
            if detail is not None:  # a damaged page under the users table or the journal
                log.info("database damaged at login: %s", detail)
                raise DatabaseCorrupt(detail) from exc
            raise
        self._upgrade_slot(username, user_id, password, data_key, slot)
        log.info("user %s logged in", user_id)
        return LoginSession(db, actor, self.paths)

    def unlock(self, actor: Actor, password: str) -> LoginSession:
        """After an idle lock: the same user's password opens the database again."""
        user_id, keys, slot = self._unwrap_keys(actor.username, password)
        if user_id != actor.id:
            raise AuthenticationFailed()
        data_key = self._usable_key(actor.username, keys, slot)
        db = open_database(
            self.paths.database, data_key, backups_dir=self.paths.backups, check=False
        )
        with db.read() as uow:
            row = uow.session.execute(
                select(UserRow).where(UserRow.id == user_id)
            ).scalar_one_or_none()
            # Read inside the unit of work: leaving it expires the row.
            current = actor_from_row(row) if row is not None and row.active else None
        if current is None:
            db.close()
            raise UserError("This account has been deactivated.")
        return LoginSession(db, current, self.paths)

    # Slots are managed by the users service, which holds the data key while logged in.
    def write_slot(self, user_id: str, username: str, password: str, data_key: bytes) -> None:
        # A new key pair with every new password: an old password (and its copy of the
        # slot) must not open keys sealed after it was replaced.
        self.slots.put(username_key(username), keyslots.new_slot(user_id, password, data_key))

    def remove_slot(self, username: str) -> None:
        self.slots.remove(username_key(username))
