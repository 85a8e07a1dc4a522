"""The audit trail, read-only: who changed what on a record, and a case's timeline.

Old and new values are personal data. They are handed out only to a reader who may see
the record itself; anyone else with the audit permission gets the names of the changed
fields (``{field: [None, None]}``, the same shape an erasure leaves behind).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import and_, or_, select

from desktop.auth.permissions import Permission, can, require
from desktop.domain.enums import Entity
from desktop.domain.records import Actor, AuditEvent, CaseSession
from desktop.services.common import load_beneficiary, to_case_session
from desktop.store.changes import record_audit
from desktop.store.db import Database
from desktop.store.tables import (
    AuditEventRow,
    BeneficiaryRow,
    CaseSessionRow,
    HouseholdLinkRow,
    ReferralRow,
    TaskRow,
    UserRow,
)

# Fields whose values are user ids: shown as the person's name (an id means nothing to
# the reader of a history).
USER_FIELDS = ("caseworker_id", "to_caseworker_id")
RECORD_ENTITIES = (
    Entity.BENEFICIARY.value,
    Entity.CASE_SESSION.value,
    Entity.TASK.value,
    Entity.HOUSEHOLD_LINK.value,
    Entity.REFERRAL.value,
)


class TimelineKind(StrEnum):
    """What an entry of a case's timeline is. Tasks, referrals and transfers join here."""

    SESSION = "session"
    CHANGE = "change"


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened in a case: when (naive UTC), by whom, and the record."""

    at: datetime
    who: str
    kind: TimelineKind
    session: CaseSession | None = None
    change: AuditEvent | None = None


@dataclass(frozen=True)
class AuditQuery:
    """The office-wide log's filters (None: any). ``case_number``: a beneficiary's events
    and its sessions'; ``start``/``end``: days, inclusive, as stored (UTC)."""

    user_id: str | None = None
    action: str | None = None
    case_number: str | None = None
    start: date | None = None
    end: date | None = None


PAGE = 200
AUDIT_ENTITY = "audit_event"  # what the log's own export is about


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

    def page(
        self, query: AuditQuery = AuditQuery(), *, before_id: int | None = None, limit: int = PAGE
    ) -> list[AuditEvent]:
        """One page of the office's log, newest first: the events older than ``before_id``
        (keyset on the id, so the 5,000th page costs what the first does)."""
        require(self._actor, Permission.VIEW_AUDIT)
        conditions = []
        if before_id is not None:
            conditions.append(AuditEventRow.id < before_id)
        if query.user_id is not None:
            conditions.append(AuditEventRow.user_id == query.user_id)
        if query.action is not None:
            conditions.append(AuditEventRow.action == query.action)
        if query.start is not None:
            conditions.append(AuditEventRow.at >= datetime.combine(query.start, time.min))
        if query.end is not None:
            end = datetime.combine(query.end + timedelta(days=1), time.min)
            conditions.append(AuditEventRow.at < end)
        if query.case_number:
            with self._db.read() as uow:
                found = uow.session.execute(
                    select(BeneficiaryRow.id).where(
                        BeneficiaryRow.case_number == query.case_number.strip()
                    )
                ).scalar_one_or_none()
            if found is None:
                return []
            sessions = select(CaseSessionRow.id).where(CaseSessionRow.beneficiary_id == found)
            conditions.append(
                or_(AuditEventRow.entity_id == found, AuditEventRow.entity_id.in_(sessions))
            )
        events = self._events(and_(*conditions) if conditions else None, limit)
        return self._with_records(events)

    def record_export(self, *, rows: int, format: str) -> None:
        """The log's own export, in the log: how many events, the format (no filters: a
        case number or a name would be personal data in a row everyone here reads)."""
        require(self._actor, Permission.VIEW_AUDIT)
        with self._db.write() as uow:
            record_audit(
                uow.session,
                user_id=self._actor.id,
                action="export",
                entity=AUDIT_ENTITY,
                entity_id=str(uuid.uuid4()),
                changes={"rows": [None, rows], "format": [None, format]},
            )
            uow.commit()

    def _with_records(self, events: list[AuditEvent]) -> list[AuditEvent]:
        """Each event with the case number of the beneficiary it is about (two lookups)."""
        beneficiaries = {e.entity_id for e in events if e.entity == Entity.BENEFICIARY.value}
        sessions = {e.entity_id for e in events if e.entity == Entity.CASE_SESSION.value}
        numbers: dict[str, str] = {}
        with self._db.read() as uow:
            if beneficiaries:
                numbers.update(
                    uow.session.execute(
                        select(BeneficiaryRow.id, BeneficiaryRow.case_number).where(
                            BeneficiaryRow.id.in_(beneficiaries)
                        )
                    ).all()
                )
            if sessions:
                numbers.update(
                    uow.session.execute(
                        select(CaseSessionRow.id, BeneficiaryRow.case_number)
                        .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
                        .where(CaseSessionRow.id.in_(sessions))
                    ).all()
                )
        return [replace(e, record=numbers.get(e.entity_id, "")) for e in events]

    def case_history(self, beneficiary_id: str, *, limit: int = 500) -> list[AuditEvent]:
        """Events about a beneficiary and every session and task of theirs (deleted ones too)."""
        require(self._actor, Permission.VIEW_AUDIT)
        with self._db.read() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)  # access check
        sessions = select(CaseSessionRow.id).where(CaseSessionRow.beneficiary_id == beneficiary_id)
        tasks = select(TaskRow.id).where(TaskRow.beneficiary_id == beneficiary_id)
        links = select(HouseholdLinkRow.id).where(HouseholdLinkRow.beneficiary_id == beneficiary_id)
        referrals = select(ReferralRow.id).where(ReferralRow.beneficiary_id == beneficiary_id)
        return self._events(
            or_(
                AuditEventRow.entity_id == beneficiary_id,
                AuditEventRow.entity_id.in_(sessions),
                AuditEventRow.entity_id.in_(tasks),
                AuditEventRow.entity_id.in_(links),
                AuditEventRow.entity_id.in_(referrals),
            ),
            limit,
        )

    def timeline(self, beneficiary_id: str) -> list[TimelineEntry]:
        """The case as one list, newest first: its sessions and, for readers of the audit
        trail, the changes to the beneficiary and to the sessions."""
        with self._db.read() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)  # access check
            rows = uow.session.execute(
                select(CaseSessionRow, UserRow.display_name)
                .outerjoin(UserRow, UserRow.id == CaseSessionRow.caseworker_id)
                .where(
                    CaseSessionRow.beneficiary_id == beneficiary_id,
                    CaseSessionRow.deleted_at.is_(None),
                )
            ).all()
            entries = [
                TimelineEntry(
                    at=row.starts_at,
                    who=name or "",
                    kind=TimelineKind.SESSION,
                    session=to_case_session(row),
                )
                for row, name in rows
            ]
            names = self._names(uow.session)
        if can(self._actor, Permission.VIEW_AUDIT):
            entries += [
                TimelineEntry(
                    at=event.at,
                    who=names.get(event.user_id or "", event.username),
                    kind=TimelineKind.CHANGE,
                    change=event,
                )
                for event in self.case_history(beneficiary_id)
            ]
        # Newest first; a change made at the very moment of a session comes after it.
        entries.sort(key=lambda e: (e.at, e.kind is TimelineKind.SESSION), reverse=True)
        return entries

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
            events = [
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
            hidden = self._unseen(uow.session, events)
            names = self._names(uow.session) if events else {}
        return [self._readable(event, event.entity_id in hidden, names) for event in events]

    def _unseen(self, session, events: list[AuditEvent]) -> set[str]:
        """Ids of the records among ``events`` whose values this reader may not see."""
        if can(self._actor, Permission.VIEW_ALL_RECORDS):
            return set()
        ids = {e.entity_id for e in events if e.entity in RECORD_ENTITIES}
        if not ids:
            return set()
        own = set(
            session.execute(
                select(BeneficiaryRow.id).where(
                    BeneficiaryRow.id.in_(ids), BeneficiaryRow.caseworker_id == self._actor.id
                )
            ).scalars()
        )
        own |= set(
            session.execute(
                select(CaseSessionRow.id)
                .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
                .where(CaseSessionRow.id.in_(ids), BeneficiaryRow.caseworker_id == self._actor.id)
            ).scalars()
        )
        for child in (TaskRow, HouseholdLinkRow, ReferralRow):
            own |= set(
                session.execute(
                    select(child.id)
                    .join(BeneficiaryRow, BeneficiaryRow.id == child.beneficiary_id)
                    .where(child.id.in_(ids), BeneficiaryRow.caseworker_id == self._actor.id)
                ).scalars()
            )
        return ids - own

    @staticmethod
    def _names(session) -> dict[str, str]:
        return {
            user_id: name
            for user_id, name in session.execute(select(UserRow.id, UserRow.display_name))
        }

    @staticmethod
    def _readable(event: AuditEvent, hidden: bool, names: dict[str, str]) -> AuditEvent:
        if hidden:
            return replace(event, changes={name: [None, None] for name in event.changes})
        if not any(name in event.changes for name in USER_FIELDS):
            return event
        changes = dict(event.changes)
        for name in USER_FIELDS:
            if name in changes:
                changes[name] = [names.get(v, v) if v else v for v in changes[name]]
        return replace(event, changes=changes)
