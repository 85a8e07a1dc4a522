"""Sync conflicts: a field changed on both sides, both values kept until a supervisor decides.

A use case like the others (it reads and writes records, authorised here); the sync
finds the conflicts (`desktop.sync.results`), this service lists and resolves them. A
decision's version, audit event and the restored sessions' next follow-up are the
store's one write path (`desktop.store.changes`); the record's outbox row moves by the
sync's state machine (`desktop.sync.outbox`).

Resolving the last open field of a record queues the record for the next push, based on
the server version the conflict was found against.

"Mine" is always the record's current local value, not a copy taken when the conflict
was found: an edit made after that is part of the conflict (DESIGN.md §4), so it is what
the dialog shows and what "keep mine" keeps; nothing typed later is replaced.

A beneficiary's delete in conflict holds the deletes of the sessions deleted with it
(see `desktop.sync.outbox.cascade_held`). Keeping the delete sends it again and the
sessions go with it; keeping theirs brings the beneficiary and those sessions back
together, the sessions queued as they are so the server confirms (or merges) them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from desktop.auth.permissions import ROLE_PERMISSIONS, Permission, can, require
from desktop.domain.enums import Entity, OutboxOp, OutboxState, SyncStatus
from desktop.domain.forms import RECORD_KINDS
from desktop.domain.records import Actor
from desktop.domain.validation import LABELS
from desktop.errors import NotFound, UserError
from desktop.store.changes import Change, Stamp, record_changes
from desktop.store.db import Database
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    OutboxRow,
    SyncBaseRow,
    SyncConflictRow,
    UserRow,
    utcnow,
)
from desktop.sync import wire
from desktop.sync.outbox import held_back, requeue
from desktop.sync.records import ROW_TYPES, UserMap, local_canonical, store_custom

from .common import describe_record
from .forms import check_record_custom, read_stored
from .record_checks import FIELDS as EDITABLE
from .record_checks import check_edit, flag_problems

log = logging.getLogger(__name__)


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    EDIT = "edit"


@dataclass(frozen=True)
class Conflict:
    id: int
    entity: str
    entity_id: str
    record_label: str
    field: str
    field_label: str
    base_value: Any
    local_value: Any
    server_value: Any
    server_version: int | None
    created_at: datetime


@dataclass(frozen=True)
class WaitingRecord:
    """A record a sync holds back until a supervisor decides a conflict."""

    entity: str
    entity_id: str
    case_number: str
    # What is undecided: the fields in conflict, or what the record is held with.
    reason: str


def _value(text: str | None) -> Any:
    loaded = wire.loads(text)
    return None if loaded is None else loaded.get("v")


def _current(users: UserMap, entity: Entity, record: Any, name: str) -> Any:
    """The record's value of a conflict's field as it is here now ("mine")."""
    if name == "deleted":
        return record.deleted_at is not None
    return local_canonical(entity, record, users).get(name)


def deciders(db: Database) -> list[str]:
    """The active local users who may resolve conflicts on this laptop, by display name."""
    with db.read() as uow:
        rows = uow.session.execute(
            select(UserRow.display_name, UserRow.username)
            .where(
                UserRow.active.is_(True),
                UserRow.role.in_(
                    [
                        role.value
                        for role, allowed in ROLE_PERMISSIONS.items()
                        if Permission.RESOLVE_CONFLICTS in allowed
                    ]
                ),
            )
            .order_by(UserRow.display_name, UserRow.username)
        ).all()
    return [display or username for display, username in rows]


def waiting_records(db: Database, actor: Actor) -> list[WaitingRecord]:
    """Records held back by an open conflict; a caseworker sees only their own."""
    with db.read() as uow:
        session = uow.session
        owners = None if can(actor, Permission.VIEW_ALL_RECORDS) else [actor.id]
        held = held_back(session, owners)
        fields: dict[str, list[str]] = {}
        for entity_id, name in session.execute(
            select(SyncConflictRow.entity_id, SyncConflictRow.field)
            .where(SyncConflictRow.resolved_at.is_(None))
            .order_by(SyncConflictRow.id)
        ):
            fields.setdefault(entity_id, []).append(_field_label(name))
        numbers = dict(
            session.execute(
                select(BeneficiaryRow.id, BeneficiaryRow.case_number).where(
                    BeneficiaryRow.id.in_(sorted({h.beneficiary_id for h in held}))
                )
            ).all()
        )
        waiting = []
        for h in held:
            case_number = numbers.get(h.beneficiary_id) or h.beneficiary_id
            if h.dependant:
                reason = f"deleted with beneficiary {case_number}, whose delete is in conflict"
            else:
                reason = "in conflict: " + ", ".join(fields.get(h.entity_id, ["?"]))
            if h.entity == Entity.CASE_SESSION:
                reason = "a session: " + reason
            waiting.append(WaitingRecord(h.entity.value, h.entity_id, case_number, reason))
        return waiting


def _field_label(name: str) -> str:
    return "Deleted" if name == "deleted" else LABELS.get(name, name)


class ConflictService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    def open_conflicts(self, entity_id: str | None = None) -> list[Conflict]:
        require(self._actor, Permission.RESOLVE_CONFLICTS)
        statement = select(SyncConflictRow).where(SyncConflictRow.resolved_at.is_(None))
        if entity_id is not None:
            statement = statement.where(SyncConflictRow.entity_id == entity_id)
        statement = statement.order_by(SyncConflictRow.entity_id, SyncConflictRow.id)
        with self._db.read() as uow:
            session = uow.session
            rows = session.execute(statement).scalars().all()
            labels = {
                row.entity_id: describe_record(session, row.entity, row.entity_id) for row in rows
            }
            users = UserMap(session)
            records = {
                (row.entity, row.entity_id): self._record(
                    session, Entity(row.entity), row.entity_id
                )
                for row in rows
            }
            return [
                Conflict(
                    id=row.id,
                    entity=row.entity,
                    entity_id=row.entity_id,
                    record_label=labels[row.entity_id],
                    field=row.field,
                    field_label=_field_label(row.field),
                    base_value=_value(row.base_value),
                    local_value=_current(
                        users,
                        Entity(row.entity),
                        records[(row.entity, row.entity_id)],
                        row.field,
                    ),
                    server_value=_value(row.server_value),
                    server_version=row.server_version,
                    created_at=row.created_at,
                )
                for row in rows
            ]

    @staticmethod
    def _record(session, entity: Entity, record_id: str) -> Any:
        return session.execute(
            select(ROW_TYPES[entity]).where(ROW_TYPES[entity].id == record_id)
        ).scalar_one()

    def resolve(self, conflict_id: int, choice: Choice | str, value: Any = None) -> None:
        """Keep mine, keep theirs, or an edited value (validated like a form)."""
        require(self._actor, Permission.RESOLVE_CONFLICTS)
        choice = Choice(choice)
        with self._db.write() as uow:
            session = uow.session
            conflict = session.get(SyncConflictRow, conflict_id)
            if conflict is None or conflict.resolved_at is not None:
                raise NotFound("That conflict does not exist or is already resolved.")
            entity = Entity(conflict.entity)
            record = self._record(session, entity, conflict.entity_id)
            # "Mine" as it is now: an edit made after the conflict was found is part of it.
            mine = _current(UserMap(session), entity, record, conflict.field)
            conflict.local_value = wire.dumps({"v": mine})
            outbox = session.execute(
                select(OutboxRow).where(
                    OutboxRow.entity == entity.value, OutboxRow.entity_id == conflict.entity_id
                )
            ).scalar_one_or_none()
            stamp, status = Stamp.CHANGED, None
            if conflict.field == "deleted":
                chosen = self._resolve_deletion(session, entity, record, outbox, choice)
                if choice == Choice.MINE:
                    stamp = Stamp.NONE  # the delete stays as it was queued
                else:
                    status = SyncStatus.SYNCED  # back as the server has it
            else:
                chosen = self._resolve_field(session, entity, record, conflict, choice, value)
            conflict.resolved_at = utcnow()
            conflict.resolved_by = self._actor.id
            decided = {
                conflict.field: [_value(conflict.local_value), chosen],
                "choice": [None, choice.value],
            }
            # A session's decision may move its beneficiary's next follow-up.
            parent = getattr(record, "beneficiary_id", None)
            record_changes(
                session,
                entity,
                [Change(record.id, decided, beneficiary_id=parent)],
                action="conflict_resolved",
                actor_id=self._actor.id,
                stamp=stamp,
                status=status,
            )
            session.flush()
            still_open = session.execute(
                select(SyncConflictRow.id).where(
                    SyncConflictRow.entity_id == record.id, SyncConflictRow.resolved_at.is_(None)
                )
            ).first()
            if (
                still_open is None
                and outbox is not None
                and outbox.state == OutboxState.CONFLICT.value
            ):
                requeue(outbox, record.server_version, record)
            uow.commit()
        log.info("conflict %d on %s %s resolved (%s)", conflict_id, entity, record.id, choice)

    def _resolve_field(self, session, entity, record, conflict, choice: Choice, value: Any) -> Any:
        if choice == Choice.MINE:
            chosen = _value(conflict.local_value)  # the current value, set by resolve()
        elif choice == Choice.THEIRS:
            chosen = _value(conflict.server_value)
        else:
            chosen = value
        name = conflict.field
        users = UserMap(session)
        if name in wire.USER_FIELDS:
            if chosen is not None:
                setattr(record, name, users.local_for(session, chosen, getattr(record, name)))
        elif wire.is_custom(name):
            chosen = self._resolve_custom(session, entity, record, name, choice, chosen)
        else:
            fields = EDITABLE[entity]
            if name in fields:
                current = {field: getattr(record, field) for field in fields}
                # The server's value is kept even where it breaks a local rule (flagged,
                # as a pull would store it); a value of one's own is checked like an edit.
                cleaned = check_edit(
                    entity,
                    current,
                    {name: _from_canonical(name, chosen)},
                    accepted=(name,) if choice == Choice.THEIRS else (),
                )
                setattr(record, name, cleaned[name])
                chosen = wire.canonical(entity, {name: cleaned[name]}).get(name)
            else:
                # Fields the form does not edit (case number, beneficiary link).
                setattr(record, name, chosen)
            flag_problems(entity, record)
        return chosen

    def _resolve_custom(
        self, session, entity: Entity, record: Any, name: str, choice: Choice, chosen: Any
    ) -> Any:
        """A custom field's decided value into the record's ``custom`` values.

        The server's value is kept as it came (as a pull keeps it); a value of one's own
        (mine or edited) is checked against the current definition like an edit.
        """
        key = name.removeprefix(wire.CUSTOM_PREFIX)
        kind = RECORD_KINDS[entity]
        if choice == Choice.THEIRS:
            values = {k: v for k, v in read_stored(record.custom).items() if k != key}
            if chosen not in (None, "", []):
                values[key] = chosen
            store_custom(session, entity, record, values)  # as a pull stores it
            return values.get(key)
        checked = check_record_custom(self._db, session, kind, {key: chosen}, record.custom)
        record.custom = checked.text
        if entity == Entity.BENEFICIARY:
            record.custom_search = checked.search
        return checked.values.get(key)

    def _resolve_deletion(self, session, entity, record, outbox, choice: Choice) -> Any:
        if choice == Choice.EDIT:
            raise UserError("A deletion is kept or undone; it cannot be edited.")
        if choice == Choice.MINE:
            if outbox is not None:
                outbox.op = OutboxOp.DELETE.value
            return True
        # Theirs: the record comes back as the server has it.
        if entity == Entity.BENEFICIARY and record.deleted_at is not None:
            self._restore_sessions(session, record)
        _as_last_synced(session, entity, record, UserMap(session))
        record.deleted_at = None
        if outbox is not None:
            session.delete(outbox)
        return False

    def _restore_sessions(self, session, beneficiary: Any) -> None:
        """The sessions deleted with a beneficiary whose delete is undone come back too.

        Only those deleted in the same step (the same deletion time); a session deleted
        on its own before keeps its delete, which then goes out by itself. The restored
        ones come back as the server last had them (edits made here before the delete
        went with the delete, which the supervisor has just undone) and are queued against
        their server version: the server confirms them, or a change made there meanwhile
        merges in at the next sync.
        """
        rows = session.execute(
            select(CaseSessionRow, OutboxRow)
            .join(
                OutboxRow,
                (OutboxRow.entity == Entity.CASE_SESSION.value)
                & (OutboxRow.entity_id == CaseSessionRow.id),
            )
            .where(
                CaseSessionRow.beneficiary_id == beneficiary.id,
                CaseSessionRow.deleted_at == beneficiary.deleted_at,
                OutboxRow.op == OutboxOp.DELETE.value,
            )
        ).all()
        users = UserMap(session)
        restored = []
        for case_session, outbox in rows:
            _as_last_synced(session, Entity.CASE_SESSION, case_session, users)
            case_session.deleted_at = None
            outbox.op = OutboxOp.UPSERT.value
            requeue(outbox, case_session.server_version)
            outbox.sent_payload = None
            outbox.last_error = None
            restored.append(Change(case_session.id, beneficiary_id=beneficiary.id))
        record_changes(
            session,
            Entity.CASE_SESSION,
            restored,
            action="restored_with_beneficiary",
            actor_id=self._actor.id,
            status=SyncStatus.PENDING,
        )


def _as_last_synced(session, entity: Entity, record: Any, users: UserMap) -> None:
    """The record's fields as the server had them at the last sync (its merge base)."""
    base = session.get(SyncBaseRow, (entity.value, record.id))
    if base is None:
        return
    values = wire.loads(base.data) or {}
    store_custom(session, entity, record, wire.custom_values(values))
    for name in wire.FIELDS[entity]:
        if name in wire.USER_FIELDS:
            setattr(record, name, users.local_for(session, values.get(name), getattr(record, name)))
        elif name in values:
            setattr(record, name, _from_canonical(name, values[name]))


def _from_canonical(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in wire.DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    if name in wire.DATETIME_FIELDS and isinstance(value, str):
        return datetime.fromisoformat(value.removesuffix("Z"))
    return value
