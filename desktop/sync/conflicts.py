"""Sync conflicts: a field changed on both sides, both values kept until a supervisor decides.

Resolving the last open field of a record queues the record for the next push, based on
the server version the conflict was found against.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from desktop.auth.permissions import Permission, require
from desktop.domain.enums import Entity, OutboxOp, SyncStatus
from desktop.domain.records import Actor
from desktop.domain.validation import (
    BENEFICIARY_FIELDS,
    CASE_SESSION_FIELDS,
    LABELS,
    validate_beneficiary,
    validate_case_session,
)
from desktop.errors import NotFound, UserError, ValidationError
from desktop.services.common import describe_record
from desktop.store.db import Database
from desktop.store.journal import record_audit
from desktop.store.tables import (
    OutboxRow,
    SyncBaseRow,
    SyncConflictRow,
    new_id,
    utcnow,
)
from desktop.sync import wire
from desktop.sync.engine import ROW_TYPES, UserMap

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


def _value(text: str | None) -> Any:
    loaded = wire.loads(text)
    return None if loaded is None else loaded.get("v")


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
            rows = uow.session.execute(statement).scalars().all()
            labels = {
                row.entity_id: describe_record(uow.session, row.entity, row.entity_id)
                for row in rows
            }
            return [
                Conflict(
                    id=row.id,
                    entity=row.entity,
                    entity_id=row.entity_id,
                    record_label=labels[row.entity_id],
                    field=row.field,
                    field_label="Deleted"
                    if row.field == "deleted"
                    else LABELS.get(row.field, row.field),
                    base_value=_value(row.base_value),
                    local_value=_value(row.local_value),
                    server_value=_value(row.server_value),
                    server_version=row.server_version,
                    created_at=row.created_at,
                )
                for row in rows
            ]

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
            record = session.execute(
                select(ROW_TYPES[entity]).where(ROW_TYPES[entity].id == conflict.entity_id)
            ).scalar_one()
            outbox = session.execute(
                select(OutboxRow).where(
                    OutboxRow.entity == entity.value, OutboxRow.entity_id == conflict.entity_id
                )
            ).scalar_one_or_none()
            if conflict.field == "deleted":
                chosen = self._resolve_deletion(session, entity, record, outbox, choice)
            else:
                chosen = self._resolve_field(session, entity, record, conflict, choice, value)
            conflict.resolved_at = utcnow()
            conflict.resolved_by = self._actor.id
            record_audit(
                session,
                user_id=self._actor.id,
                action="conflict_resolved",
                entity=entity.value,
                entity_id=record.id,
                changes={
                    conflict.field: [_value(conflict.local_value), chosen],
                    "choice": [None, choice.value],
                },
            )
            session.flush()
            still_open = session.execute(
                select(SyncConflictRow.id).where(
                    SyncConflictRow.entity_id == record.id, SyncConflictRow.resolved_at.is_(None)
                )
            ).first()
            if still_open is None and outbox is not None and outbox.state == "conflict":
                outbox.state = "pending"
                outbox.idempotency_key = new_id()
                outbox.attempts = 0
                outbox.base_version = record.server_version
                outbox.next_attempt_at = None
                record.sync_status = SyncStatus.PENDING.value
            uow.commit()
        log.info("conflict %d on %s %s resolved (%s)", conflict_id, entity, record.id, choice)

    def _resolve_field(self, session, entity, record, conflict, choice: Choice, value: Any) -> Any:
        if choice == Choice.MINE:
            chosen = _value(conflict.local_value)
        elif choice == Choice.THEIRS:
            chosen = _value(conflict.server_value)
        else:
            chosen = value
        name = conflict.field
        users = UserMap(session)
        if name == "caseworker_id":
            if chosen is not None:
                record.caseworker_id = users.local_for(session, chosen, record.caseworker_id)
        else:
            fields = BENEFICIARY_FIELDS if entity == Entity.BENEFICIARY else CASE_SESSION_FIELDS
            validate = (
                validate_beneficiary if entity == Entity.BENEFICIARY else validate_case_session
            )
            if name in fields:
                current = {field: getattr(record, field) for field in fields}
                try:
                    cleaned = validate({**current, name: _from_canonical(name, chosen)})
                except ValidationError as exc:
                    if name in exc.errors:
                        raise ValidationError({name: exc.errors[name]}) from None
                    raise
                setattr(record, name, cleaned[name])
                chosen = wire.canonical(entity, {name: cleaned[name]}).get(name)
            else:
                # Fields the form does not edit (case number, beneficiary link).
                setattr(record, name, chosen)
        record.version += 1
        record.updated_at = utcnow()
        record.updated_by = self._actor.id
        return chosen

    def _resolve_deletion(self, session, entity, record, outbox, choice: Choice) -> Any:
        if choice == Choice.EDIT:
            raise UserError("A deletion is kept or undone; it cannot be edited.")
        if choice == Choice.MINE:
            if outbox is not None:
                outbox.op = OutboxOp.DELETE.value
            return True
        # Theirs: the record comes back as the server has it.
        base = session.get(SyncBaseRow, (entity.value, record.id))
        if base is not None:
            values = wire.loads(base.data) or {}
            users = UserMap(session)
            for name in wire.FIELDS[entity]:
                if name == "caseworker_id":
                    record.caseworker_id = users.local_for(
                        session, values.get(name), record.caseworker_id
                    )
                elif name in values:
                    setattr(record, name, _from_canonical(name, values[name]))
        record.deleted_at = None
        record.version += 1
        record.sync_status = SyncStatus.SYNCED.value
        if outbox is not None:
            session.delete(outbox)
        return False


def _from_canonical(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in wire.DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    if name in wire.DATETIME_FIELDS and isinstance(value, str):
        return datetime.fromisoformat(value.removesuffix("Z"))
    return value
