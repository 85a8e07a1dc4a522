"""Local user management: add, deactivate, reset password, change role, own password."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from desktop.auth.accounts import LocalAccounts
from desktop.auth.passwords import check_password
from desktop.auth.permissions import Permission, can, require
from desktop.auth.rotation import (
    ResetSlot,
    RotationProgress,
    RotationResult,
    must_reset_after,
    rotate_data_key,
)
from desktop.domain.enums import Entity, Role
from desktop.domain.problems import Problem
from desktop.domain.records import Actor, UserAccount
from desktop.domain.validation import clean_display_name, clean_username, username_key
from desktop.errors import AuthenticationFailed, NotFound, UserError, ValidationError
from desktop.store.changes import record_audit
from desktop.store.db import Database
from desktop.store.tables import UserRow, new_id, utcnow

log = logging.getLogger(__name__)


def _to_account(row: UserRow) -> UserAccount:
    return UserAccount(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        active=row.active,
        created_at=row.created_at,
        last_login_at=row.last_login_at,
    )


def _role(value: str | Role) -> Role:
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(role.value for role in Role)
        raise ValidationError(
            {"role": Problem("not_a_choice", "role", {"choices": choices})}
        ) from None


class UserService:
    def __init__(self, db: Database, actor: Actor, accounts: LocalAccounts):
        self._db = db
        self._actor = actor
        self._accounts = accounts

    def list(self, *, include_inactive: bool = True) -> list[UserAccount]:
        """Every local account (admin), or the active ones (supervisor, for filters)."""
        if not can(self._actor, Permission.MANAGE_USERS):
            require(self._actor, Permission.VIEW_ALL_RECORDS)
            include_inactive = False
        statement = select(UserRow).order_by(func.lower(UserRow.display_name))
        if not include_inactive:
            statement = statement.where(UserRow.active.is_(True))
        with self._db.read() as uow:
            return [_to_account(row) for row in uow.session.execute(statement).scalars()]

    def caseworkers(self) -> list[UserAccount]:
        """Who a caseload can belong to: everyone active for supervisors, oneself otherwise."""
        if can(self._actor, Permission.VIEW_ALL_RECORDS):
            return self.list(include_inactive=False)
        with self._db.read() as uow:
            return [_to_account(uow.session.get(UserRow, self._actor.id))]

    def _by_username(self, session, username: str) -> UserRow:
        row = session.execute(
            select(UserRow).where(UserRow.username_key == username_key(username))
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(f"No local user named {username!r}.")
        return row

    def add(
        self, username: str, role: Role | str, password: str, display_name: str = ""
    ) -> UserAccount:
        require(self._actor, Permission.MANAGE_USERS)
        username = clean_username(username)
        chosen_role = _role(role)
        check_password(password, username=username)
        display = clean_display_name(display_name, username)
        with self._db.write() as uow:
            taken = uow.session.execute(
                select(UserRow.id).where(UserRow.username_key == username_key(username))
            ).scalar()
            if taken:
                raise ValidationError(
                    {
                        "username": Problem(
                            "username_taken", "username", {"username": repr(username)}
                        )
                    }
                )
            row = UserRow(
                id=new_id(),
                username=username,
                username_key=username_key(username),
                display_name=display,
                role=chosen_role.value,
                active=True,
                created_at=utcnow(),
            )
            uow.session.add(row)
            self._journal(uow.session, "user_add", row.id, {"role": [None, chosen_role.value]})
            uow.session.flush()
            # Slot written before commit: if the commit fails the slot names a user id
            # that does not exist and login refuses it; the reverse would lose the account.
            self._accounts.write_slot(row.id, username, password, self._db.key)
            uow.commit()
            account = _to_account(row)
        log.info("user %s added", account.id)
        return account

    def deactivate(
        self, username: str, *, progress: RotationProgress | None = None
    ) -> RotationResult:
        """Deactivates a user and rotates the data key (their slot goes; the others are
        re-wrapped). The result names users who need a password reset (old-format slots)."""
        require(self._actor, Permission.MANAGE_USERS)
        with self._db.read() as uow:
            row = self._by_username(uow.session, username)
            if row.id == self._actor.id:
                raise UserError("You cannot deactivate your own account.")
            if row.role == Role.ADMIN.value and self._active_admins(uow.session) <= 1:
                raise UserError("The last active admin cannot be deactivated.")
            user_id, username = row.id, row.username
            remaining = self._active_users(uow.session, without=user_id)

        def apply(session) -> None:
            # In the re-encrypted copy: visible together with the new key, or not at all.
            row = session.get(UserRow, user_id)
            row.active = False
            row.access_token = row.refresh_token = None
            self._journal(session, "user_deactivate", user_id, {"active": [True, False]})

        result = rotate_data_key(
            self._db,
            self._accounts.slots,
            acting_user_id=self._actor.id,
            remaining=remaining,
            remove_username=username,
            apply=apply,
            progress=progress,
        )
        log.info("user %s deactivated", user_id)
        return result

    def must_reset_if_deactivated(self, username: str) -> list[str]:
        """Users whose key slot a deactivation of ``username`` could not re-wrap (to warn)."""
        require(self._actor, Permission.MANAGE_USERS)
        with self._db.read() as uow:
            row = self._by_username(uow.session, username)
            remaining = self._active_users(uow.session, without=row.id)
        return must_reset_after(self._accounts.slots, remaining, self._db.key)

    def validate_reset(self, username: str, new_password: str) -> str:
        """Checks an admin's reset before it runs (fast); returns the user's username."""
        require(self._actor, Permission.MANAGE_USERS)
        with self._db.read() as uow:
            row = self._by_username(uow.session, username)
            check_password(new_password, username=row.username)
            return row.username

    def reset_password(
        self, username: str, new_password: str, *, progress: RotationProgress | None = None
    ) -> RotationResult:
        """An admin sets another user's password (reactivating them): the data key is
        rotated and the user gets a new slot with a new key pair, so their old slot opens
        nothing current."""
        require(self._actor, Permission.MANAGE_USERS)
        self.validate_reset(username, new_password)
        with self._db.read() as uow:
            row = self._by_username(uow.session, username)
            user_id, username = row.id, row.username
            remaining = [*self._active_users(uow.session, without=user_id), (user_id, username)]

        def apply(session) -> None:
            session.get(UserRow, user_id).active = True
            self._journal(session, "user_reset_password", user_id, {})

        result = rotate_data_key(
            self._db,
            self._accounts.slots,
            acting_user_id=self._actor.id,
            remaining=remaining,
            reset=ResetSlot(user_id, username, new_password),
            apply=apply,
            progress=progress,
        )
        log.info("password of user %s reset", user_id)
        return result

    def _active_users(self, session, *, without: str) -> list[tuple[str, str]]:
        rows = session.execute(
            select(UserRow.id, UserRow.username).where(
                UserRow.active.is_(True), UserRow.id != without
            )
        )
        return [(user_id, username) for user_id, username in rows]

    def change_password(self, old_password: str, new_password: str) -> None:
        """The logged-in user changes their own password: the data key is re-wrapped."""
        try:
            user_id, _ = self._accounts.unwrap_data_key(self._actor.username, old_password)
        except AuthenticationFailed:
            raise ValidationError(
                {"old_password": Problem("wrong_password", "old_password")}
            ) from None
        if user_id != self._actor.id:
            raise ValidationError({"old_password": Problem("wrong_password", "old_password")})
        check_password(new_password, username=self._actor.username, field="new_password")
        with self._db.write() as uow:
            self._journal(uow.session, "password_change", self._actor.id, {})
            self._accounts.write_slot(
                self._actor.id, self._actor.username, new_password, self._db.key
            )
            uow.commit()

    def change_role(self, username: str, role: Role | str) -> UserAccount:
        require(self._actor, Permission.MANAGE_USERS)
        new_role = _role(role)
        with self._db.write() as uow:
            row = self._by_username(uow.session, username)
            if row.role == new_role.value:
                return _to_account(row)
            if row.role == Role.ADMIN.value and self._active_admins(uow.session) <= 1:
                raise UserError("The last active admin must stay an admin.")
            self._journal(uow.session, "user_role", row.id, {"role": [row.role, new_role.value]})
            row.role = new_role.value
            uow.commit()
            return _to_account(row)

    def _active_admins(self, session) -> int:
        return session.execute(
            select(func.count()).where(UserRow.role == Role.ADMIN.value, UserRow.active.is_(True))
        ).scalar_one()

    def _journal(self, session, action: str, user_id: str, changes: dict) -> None:
        record_audit(
            session,
            user_id=self._actor.id,
            action=action,
            entity=Entity.USER,
            entity_id=user_id,
            changes=changes,
        )
