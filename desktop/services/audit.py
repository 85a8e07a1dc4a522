"""The audit trail, read-only: who changed what on a record (supervisors and admins)."""

from __future__ import annotations

import json

from sqlalchemy import select

from desktop.auth.permissions import Permission, require
from desktop.domain.records import Actor, AuditEvent
from desktop.store.db import Database
from desktop.store.tables import AuditEventRow, UserRow


class AuditService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    def history(self, entity_id: str, *, limit: int = 500) -> list[AuditEvent]:
        """Events about one record, newest first."""
        require(self._actor, Permission.VIEW_AUDIT)
        return self._events(AuditEventRow.entity_id == entity_id, limit)

    def recent(self, *, limit: int = 200) -> list[AuditEvent]:
        require(self._actor, Permission.VIEW_AUDIT)
        return self._events(None, limit)

    def _events(self, condition, limit: int) -> list[AuditEvent]:
        statement = (
            select(AuditEventRow, UserRow.username)
            .outerjoin(UserRow, UserRow.id == AuditEventRow.user_id)
            .order_by(AuditEventRow.id.desc())
            .limit(limit)
        )
        if condition is not None:
            statement = statement.where(condition)
        with self._db.read() as uow:
            rows = uow.session.execute(statement).all()
            return [
                AuditEvent(
                    id=event.id,
                    at=event.at,
                    user_id=event.user_id,
                    username=username or "",
                    action=event.action,
                    entity=event.entity,
                    entity_id=event.entity_id,
                    changes=json.loads(event.changes or "{}"),
                )
                for event, username in rows
            ]
