"""What every change writes beside itself, in the same transaction: audit event and outbox row."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import OutboxOp
from desktop.store.tables import AuditEventRow, OutboxRow, SyncStateRow, new_id, utcnow


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed (JSON-ready)."""
    changes: dict[str, list[Any]] = {}
    for field, value in new.items():
        before = _plain(old.get(field))
        after = _plain(value)
        if before != after:
            changes[field] = [before, after]
    return changes


def record_audit(
    session: Session,
    *,
    user_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    changes: dict[str, list[Any]] | None = None,
) -> None:
    session.execute(
        insert(AuditEventRow).values(
            at=utcnow(),
            user_id=user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=json.dumps(changes or {}, ensure_ascii=False, sort_keys=True),
        )
    )


def scrub_audit_values(session: Session, entity_ids: list[str]) -> None:
    """Erasure: these records' audit events keep who, when, the action and which fields
    changed, not the values (``{field: [None, None]}``)."""
    for start in range(0, len(entity_ids), 500):
        rows = session.execute(
            select(AuditEventRow.id, AuditEventRow.changes).where(
                AuditEventRow.entity_id.in_(entity_ids[start : start + 500])
            )
        ).all()
        for event_id, changes in rows:
            fields = json.loads(changes or "{}")
            scrubbed = {name: [None, None] for name in fields}
            if scrubbed != fields:
                session.execute(
                    update(AuditEventRow)
                    .where(AuditEventRow.id == event_id)
                    .values(changes=json.dumps(scrubbed, sort_keys=True))
                )


def enqueue(
    session: Session, *, entity: str, entity_id: str, op: OutboxOp, base_version: int | None
) -> None:
    """Adds or merges the record's outbox row.

    Repeated edits of an unsent record keep one row. A row already sent once gets a
    new idempotency key, because its payload changes; a row being uploaded is marked so
    that the acknowledgement of the older payload leaves it pending.
    """
    now = utcnow()
    existing = session.execute(
        select(OutboxRow).where(OutboxRow.entity == entity, OutboxRow.entity_id == entity_id)
    ).scalar_one_or_none()
    if existing is None:
        session.execute(
            insert(OutboxRow).values(
                entity=entity,
                entity_id=entity_id,
                op=op.value,
                base_version=base_version,
                idempotency_key=new_id(),
                state="pending",
                changed_during_upload=False,
                attempts=0,
                created_at=now,
                updated_at=now,
            )
        )
        return
    values: dict[str, Any] = {"updated_at": now, "last_error": None, "next_attempt_at": None}
    if existing.op != OutboxOp.DELETE.value:
        values["op"] = op.value
    if existing.state == "uploading":
        values["changed_during_upload"] = True
    elif existing.attempts > 0:
        values["idempotency_key"] = new_id()
        values["attempts"] = 0
    if existing.state == "error":
        # A record the server refused is sent again only after the user changed it.
        values["state"] = "pending"
    session.execute(update(OutboxRow).where(OutboxRow.id == existing.id).values(**values))


def get_state(session: Session, key: str) -> str | None:
    return session.execute(select(SyncStateRow.value).where(SyncStateRow.key == key)).scalar()


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncStateRow, key)
    if row is None:
        session.add(SyncStateRow(key=key, value=value))
    else:
        row.value = value
    session.flush()
