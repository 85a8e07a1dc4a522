"""The device's small facts (sync state) and the erasure of audit values.

What a change writes beside itself (version, audit event, outbox row, next follow-up)
is `desktop.store.changes`.
"""

from __future__ import annotations

import json

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.store.tables import AuditEventRow, SyncStateRow


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


def get_state(session: Session, key: str) -> str | None:
    return session.execute(select(SyncStateRow.value).where(SyncStateRow.key == key)).scalar()


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncStateRow, key)
    if row is None:
        session.add(SyncStateRow(key=key, value=value))
    else:
        row.value = value
    session.flush()
