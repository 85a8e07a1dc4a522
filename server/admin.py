"""Administrative operations: accounts, organisations, and the log of what was done.

The one place for them: the command line (server/__main__.py, `actor` None), the users API
(server/api/users.py) and the web console call these functions. Each takes the session and
the acting User, checks what that actor may do, writes one AdminAction row, and leaves the
commit to the caller, who started the write with `server.db.begin_write`.

An actor (a signed-in user) must be an active admin and may act only on the accounts of
their own organisation; the last active admin of an organisation stays one. The command
line is the server's owner: it acts on any organisation and is not held by that rule.

Organisations are named by their accounts and records (`organisation` columns, one indexed
column scoping every query) and listed in the `organisations` table; a rename changes every
such column, found from the models, in the caller's one transaction.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, case, func, select, update
from sqlalchemy.orm import Session

from server import schema
from server.auth import create_user, password_hasher
from server.db import next_seq, utcnow
from server.errors import ApiError, ValidationFailed
from server.models import AdminAction, Base, Organisation, Synced, TokenFamily, User
from server.schema import ORGANISATION_MAX
from server.validation import ROLES, FieldError, clean_text, validate_password

log = logging.getLogger(__name__)

ADMIN = "admin"
ACTION_LOG_LIMIT = 200

# The actions written by this module (others may record their own through record_action).
USER_ADD = "user.add"
USER_DISABLE = "user.disable"
USER_ENABLE = "user.enable"
USER_RESET_PASSWORD = "user.reset_password"
USER_SET_ROLE = "user.set_role"
USER_CHANGE_PASSWORD = "user.change_password"
ORGANISATION_ADD = "organisation.add"
ORGANISATION_RENAME = "organisation.rename"

# Record fields the laptops hold: a rename that changes one of them is a new version of
# the record, so that the laptops pull it again.
_WIRE_FIELDS = frozenset().union(
    *(
        schema.names(fields)
        for fields in (
            schema.BENEFICIARY,
            schema.CASE_SESSION,
            schema.TASK,
            schema.HOUSEHOLD_LINK,
            schema.REFERRAL,
            schema.TRANSFER,
        )
    )
)


def _forbidden(message: str) -> ApiError:
    return ApiError(403, "forbidden", message)


def _no_user(field: str, actor: User | None) -> ApiError:
    where = "on this server" if actor is None else "of your organisation"
    return ApiError(404, "not_found", "No such user.", {field: f"is not a user {where}"})


def _check_admin(actor: User | None) -> None:
    if actor is not None and (actor.role != ADMIN or not actor.active):
        raise _forbidden("Only an organisation's admins may manage its accounts.")


def _check_scope(actor: User | None, user: User, field: str = "user") -> None:
    _check_admin(actor)
    if actor is not None and user.organisation != actor.organisation:
        raise _no_user(field, actor)


def _check_not_last_admin(session: Session, actor: User | None, user: User, field: str) -> None:
    """An actor may not leave their organisation without an active admin."""
    if actor is None or user.role != ADMIN or not user.active:
        return
    others = session.execute(
        select(func.count())
        .select_from(User)
        .where(
            User.organisation == user.organisation,
            User.role == ADMIN,
            User.active.is_(True),
            User.id != user.id,
        )
    ).scalar_one()
    if others == 0:
        raise ApiError(
            409,
            "last_admin",
            f"{user.username} is the organisation's last active admin.",
            {field: "would leave the organisation without an active admin"},
        )


def _revoke_sessions(session: Session, user: User, reason: str, keep: str | None = None) -> int:
    """Ends the user's logins (their token families), but `keep`; how many it ended."""
    conditions = [TokenFamily.user_id == user.id, TokenFamily.revoked_at.is_(None)]
    if keep is not None:
        conditions.append(TokenFamily.id != keep)
    families = session.execute(select(TokenFamily).where(*conditions)).scalars().all()
    now = utcnow()
    for family in families:
        family.revoked_at, family.revoked_reason = now, reason
    session.flush()
    return len(families)


def record_action(
    session: Session,
    actor: User | None,
    action: str,
    target: str,
    detail: dict[str, Any] | None = None,
    organisation: str | None = None,
) -> AdminAction:
    """Writes one entry of the action log; `organisation` defaults to the actor's."""
    if organisation is None and actor is not None:
        organisation = actor.organisation
    entry = AdminAction(
        at=utcnow(),
        actor_id=None if actor is None else actor.id,
        organisation=organisation,
        action=action,
        target=target[:200],
        detail=detail or {},
    )
    session.add(entry)
    session.flush()
    log.info(
        "admin action %s (entry %d) by %s",
        action,
        entry.id,
        "the command line" if actor is None else f"user {actor.id}",
    )
    return entry


def list_actions(
    session: Session, organisation: str | None, limit: int = ACTION_LOG_LIMIT
) -> list[AdminAction]:
    """The newest entries first; `organisation` None for every organisation's."""
    query = select(AdminAction).order_by(AdminAction.id.desc()).limit(limit)
    if organisation is not None:
        query = query.where(AdminAction.organisation == organisation)
    return list(session.execute(query).scalars())


def action_dict(entry: AdminAction, actors: dict[str, str] | None = None) -> dict[str, Any]:
    """An entry as the API and the console show it; `actors` maps user ids to usernames."""
    return {
        "id": entry.id,
        "at": entry.at.isoformat() + "Z",
        "actor_id": entry.actor_id,
        "actor": "command line"
        if entry.actor_id is None
        else (actors or {}).get(entry.actor_id, entry.actor_id),
        "organisation": entry.organisation,
        "action": entry.action,
        "target": entry.target,
        "detail": entry.detail,
    }


# --- accounts ------------------------------------------------------------------------


def list_users(session: Session, organisation: str | None = None) -> list[User]:
    query = select(User).order_by(User.organisation, User.username_key, User.id)
    if organisation is not None:
        query = query.where(User.organisation == organisation)
    return list(session.execute(query).scalars())


def find_user(
    session: Session, actor: User | None, name_or_id: str, field: str = "username"
) -> User:
    """The account with this username (any case) or id, within the actor's organisation."""
    _check_admin(actor)
    key = name_or_id.lower() if isinstance(name_or_id, str) else ""
    user = session.execute(select(User).where(User.username_key == key)).scalar_one_or_none()
    if user is None and _is_uuid(name_or_id):
        user = session.get(User, name_or_id)
    if user is None:
        raise _no_user(field, actor)
    _check_scope(actor, user, field)
    return user


def _is_uuid(value: Any) -> bool:
    try:
        return str(uuid.UUID(str(value))) == value
    except ValueError:
        return False


def _user(session: Session, actor: User | None, username_or_user: str | User) -> User:
    if isinstance(username_or_user, User):
        _check_scope(actor, username_or_user)
        return username_or_user
    return find_user(session, actor, username_or_user)


def add_user(
    session: Session,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    display_name: str = "",
    organisation: str = "default",
) -> User:
    """A new active account. An actor adds it to their own organisation; the command line
    adds the organisation too when it is new."""
    _check_admin(actor)
    if actor is not None:
        if organisation not in ("default", actor.organisation):
            raise _forbidden_field("organisation", "must be your own organisation")
        organisation = actor.organisation
    user = create_user(
        session,
        username,
        password,
        role=role,
        display_name=display_name,
        organisation=organisation,
    )
    new_organisation = _ensure_organisation(session, organisation)
    record_action(
        session,
        actor,
        USER_ADD,
        user.username,
        {"user_id": user.id, "role": role, "new_organisation": new_organisation},
        organisation=organisation,
    )
    return user


def _forbidden_field(field: str, problem: str) -> ApiError:
    return ApiError(403, "forbidden", "You may not do this.", {field: problem})


def set_active(
    session: Session, actor: User | None, username_or_user: str | User, active: bool
) -> User:
    """Enables or disables an account; disabling ends all its sessions at once."""
    user = _user(session, actor, username_or_user)
    if user.active == active:
        return user
    if not active:
        _check_not_last_admin(session, actor, user, "active")
        ended = _revoke_sessions(session, user, "account_disabled")
    else:
        ended = 0
    user.active = active
    record_action(
        session,
        actor,
        USER_ENABLE if active else USER_DISABLE,
        user.username,
        {"user_id": user.id, "sessions_ended": ended},
        organisation=user.organisation,
    )
    return user


def _hashed(password: Any, field: str) -> str:
    try:
        validate_password(password)
    except FieldError as exc:
        raise ValidationFailed({field: str(exc)}) from exc
    return password_hasher.hash(password)


def reset_password(
    session: Session, actor: User | None, user: str | User, new_password: str
) -> User:
    """Sets another account's password and ends all its sessions."""
    user = _user(session, actor, user)
    if actor is not None and actor.id == user.id:
        raise _forbidden_field("user", "is you: change your own password with your current one")
    user.password_hash = _hashed(new_password, "password")
    ended = _revoke_sessions(session, user, "password_reset")
    record_action(
        session,
        actor,
        USER_RESET_PASSWORD,
        user.username,
        {"user_id": user.id, "sessions_ended": ended},
        organisation=user.organisation,
    )
    return user


def change_password(session: Session, user: User, new_password: str, keep_family: str) -> int:
    """The signed-in user's new password (their current one checked by the caller); their
    other sessions end. How many ended."""
    user.password_hash = _hashed(new_password, "new_password")
    ended = _revoke_sessions(session, user, "password_changed", keep=keep_family)
    record_action(
        session,
        user,
        USER_CHANGE_PASSWORD,
        user.username,
        {"user_id": user.id, "sessions_ended": ended},
        organisation=user.organisation,
    )
    return ended


def set_role(session: Session, actor: User | None, user: str | User, role: str) -> User:
    user = _user(session, actor, user)
    if role not in ROLES:
        raise ValidationFailed({"role": "must be one of: " + ", ".join(ROLES)})
    if user.role == role:
        return user
    if role != ADMIN:
        _check_not_last_admin(session, actor, user, "role")
    before, user.role = user.role, role
    record_action(
        session,
        actor,
        USER_SET_ROLE,
        user.username,
        {"user_id": user.id, "from": before, "to": role},
        organisation=user.organisation,
    )
    return user


# --- organisations -------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationSummary:
    name: str
    created_at: datetime | None
    users: int
    active_users: int


def _organisation_columns() -> list[Column]:
    """Every column that names an organisation: `organisation`, `*_organisation`."""
    return [
        column
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.name == "organisation" or column.name.endswith("_organisation")
    ]


def _synced_tables() -> set[str]:
    return {
        mapper.local_table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Synced)
    }


def _organisation_known(session: Session, name: str) -> bool:
    if session.get(Organisation, name) is not None:
        return True
    return any(
        session.execute(select(column).where(column == name).limit(1)).first() is not None
        for column in _organisation_columns()
    )


def _ensure_organisation(session: Session, name: str) -> bool:
    """Lists `name` in the organisations table; True when it was not listed."""
    if session.get(Organisation, name) is not None:
        return False
    session.add(Organisation(name=name, created_at=utcnow()))
    session.flush()
    return True


def _valid_name(value: Any, field: str) -> str:
    try:
        name = clean_text(value)
    except FieldError as exc:
        raise ValidationFailed({field: str(exc)}) from exc
    if not name.strip():
        raise ValidationFailed({field: "must not be empty"})
    if name != name.strip():
        raise ValidationFailed({field: "must not start or end with spaces"})
    if len(name) > ORGANISATION_MAX:
        raise ValidationFailed({field: f"must be at most {ORGANISATION_MAX} characters"})
    return name


def list_organisations(session: Session) -> list[OrganisationSummary]:
    """Every organisation, listed or named by an account, with its number of accounts."""
    counts = {
        name: (total, active or 0)
        for name, total, active in session.execute(
            select(
                User.organisation,
                func.count(),
                func.sum(case((User.active.is_(True), 1), else_=0)),
            ).group_by(User.organisation)
        )
    }
    listed = dict(session.execute(select(Organisation.name, Organisation.created_at)).all())
    names = sorted(set(listed) | set(counts))
    return [
        OrganisationSummary(name, listed.get(name), *counts.get(name, (0, 0))) for name in names
    ]


def add_organisation(session: Session, actor: User | None, name: str) -> Organisation:
    """A new organisation with no accounts yet (the command line only)."""
    if actor is not None:
        raise _forbidden("Organisations are added on the server's command line.")
    name = _valid_name(name, "name")
    if _organisation_known(session, name):
        raise ApiError(
            409, "organisation_exists", "This organisation exists.", {"name": "is taken"}
        )
    organisation = Organisation(name=name, created_at=utcnow())
    session.add(organisation)
    session.flush()
    record_action(session, actor, ORGANISATION_ADD, name, {}, organisation=name)
    return organisation


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    users: int
    rows: int  # every row changed, the accounts included
    resent: int  # records the laptops pull again (their organisation field changed)


def rename_organisation(session: Session, actor: User | None, old: str, new: str) -> Renamed:
    """Renames an organisation everywhere it is named, in the caller's transaction (which
    holds the write lock: records the laptops hold get new sequence numbers). An actor may
    rename only their own organisation."""
    if actor is not None:
        _check_admin(actor)
        if actor.organisation != old:
            raise _forbidden_field("name", "must be your own organisation")
    if not isinstance(old, str) or not _organisation_known(session, old):
        raise ApiError(
            404, "not_found", "No such organisation.", {"name": "is not an organisation"}
        )
    new = _valid_name(new, "new_name")
    if new == old:
        raise ValidationFailed({"new_name": "is the organisation's name already"})
    if _organisation_known(session, new):
        raise ApiError(
            409, "organisation_exists", "This organisation exists.", {"new_name": "is taken"}
        )
    _ensure_organisation(session, old)
    session.flush()
    now = utcnow()
    users = rows = resent = 0
    synced = _synced_tables()
    for column in _organisation_columns():
        table = column.table
        if table.name in synced and column.name in _WIRE_FIELDS:
            ids = list(
                session.execute(
                    select(table.c.id).where(column == old).order_by(table.c.id)
                ).scalars()
            )
            for record_id in ids:
                session.execute(
                    update(table)
                    .where(table.c.id == record_id)
                    .values(
                        {
                            column.name: new,
                            "version": table.c.version + 1,
                            "seq": next_seq(session),
                            "sync_run": None,
                            "updated_at": now,
                            "updated_by": None if actor is None else actor.id,
                        }
                    )
                )
            resent += len(ids)
            changed = len(ids)
        else:
            changed = session.execute(
                update(table).where(column == old).values({column.name: new})
            ).rowcount
        if table.name == User.__tablename__:
            users += changed
        rows += changed
    session.execute(update(Organisation).where(Organisation.name == old).values(name=new))
    session.expire_all()  # loaded rows hold the old name
    record_action(
        session,
        actor,
        ORGANISATION_RENAME,
        new,
        {"from": old, "to": new, "users": users, "rows": rows, "resent": resent},
        organisation=new,
    )
    return Renamed(old, new, users, rows, resent)
