"""Sessions with a beneficiary: record, edit, cancel, delete, timeline, follow-ups due."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import and_, select

from desktop.auth.permissions import Permission, require
from desktop.domain.enums import Entity, OutboxOp, SessionStatus, SyncStatus
from desktop.domain.forms import RecordKind
from desktop.domain.records import Actor, CaseSession, FollowUp
from desktop.domain.validation import CASE_SESSION_FIELDS, validate_case_session
from desktop.errors import NotFound, UserError
from desktop.store.changes import Change, Stamp, diff, first_version, record_changes
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, new_id, utcnow

from .common import caseload_owner, load_beneficiary, refuse_stale_edit, to_case_session
from .forms import CheckedCustom, built_in, check_record_custom, checked_together
from .record_checks import check_edit, flag_problems

log = logging.getLogger(__name__)


class CaseSessionService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    def _load(self, session, case_session_id: str) -> CaseSessionRow:
        row = session.execute(
            select(CaseSessionRow).where(
                CaseSessionRow.id == case_session_id, CaseSessionRow.deleted_at.is_(None)
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFound("That session does not exist or has been deleted.")
        load_beneficiary(session, self._actor, row.beneficiary_id)  # access check
        return row

    def get(self, case_session_id: str) -> CaseSession:
        with self._db.read() as uow:
            return to_case_session(self._load(uow.session, case_session_id))

    def timeline(self, beneficiary_id: str) -> list[CaseSession]:
        """The beneficiary's sessions, newest first."""
        with self._db.read() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)
            rows = uow.session.execute(
                select(CaseSessionRow)
                .where(
                    CaseSessionRow.beneficiary_id == beneficiary_id,
                    CaseSessionRow.deleted_at.is_(None),
                )
                .order_by(CaseSessionRow.starts_at.desc(), CaseSessionRow.id)
            ).scalars()
            return [to_case_session(row) for row in rows]

    def follow_ups_due(self, start: date | None, end: date, *, limit: int = 500) -> list[FollowUp]:
        """Follow-ups asked for by live sessions, from ``start`` (None: any time) to ``end``."""
        conditions = [
            CaseSessionRow.deleted_at.is_(None),
            CaseSessionRow.status != SessionStatus.CANCELLED.value,
            CaseSessionRow.follow_up_on.is_not(None),
            CaseSessionRow.follow_up_on <= end,
            BeneficiaryRow.deleted_at.is_(None),
            BeneficiaryRow.status == "active",
        ]
        if start is not None:
            conditions.append(CaseSessionRow.follow_up_on >= start)
        owner = caseload_owner(self._actor)
        if owner is not None:
            conditions.append(BeneficiaryRow.caseworker_id == owner)
        statement = (
            select(
                CaseSessionRow.id,
                CaseSessionRow.beneficiary_id,
                BeneficiaryRow.case_number,
                BeneficiaryRow.first_name,
                BeneficiaryRow.last_name,
                CaseSessionRow.follow_up_on,
                BeneficiaryRow.caseworker_id,
            )
            .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
            .where(and_(*conditions))
            .order_by(CaseSessionRow.follow_up_on, BeneficiaryRow.last_name)
            .limit(limit)
        )
        with self._db.read() as uow:
            rows = uow.session.execute(statement).all()
        return [
            FollowUp(
                session_id=row.id,
                beneficiary_id=row.beneficiary_id,
                case_number=row.case_number,
                beneficiary_name=f"{row.first_name} {row.last_name}",
                follow_up_on=row.follow_up_on,
                caseworker_id=row.caseworker_id,
            )
            for row in rows
        ]

    def create(self, beneficiary_id: str, values: Mapping[str, Any]) -> CaseSession:
        """Records a session; ``values["custom"]``: the organisation's own fields by key."""
        now = utcnow()
        with self._db.write() as uow:
            cleaned, custom = checked_together(
                lambda: validate_case_session(built_in(values)),
                lambda: self._custom(uow.session, values.get("custom"), None),
            )
            beneficiary = load_beneficiary(uow.session, self._actor, beneficiary_id)
            if beneficiary.status != "active":
                raise UserError("This case is closed; reopen it before recording a session.")
            row = CaseSessionRow(
                id=new_id(),
                beneficiary_id=beneficiary_id,
                caseworker_id=self._actor.id,
                **first_version(self._actor.id, now),
                **cleaned,
                custom=custom.text,
                form_version=custom.version,
            )
            uow.session.add(row)
            changed = {**diff({}, cleaned), **custom.changes}
            self._record(uow.session, "create", row, changed, stamp=Stamp.NEW)
            uow.commit()
            case_session_id = row.id
        log.info("session %s created for beneficiary %s", case_session_id, beneficiary_id)
        return self.get(case_session_id)

    def update(
        self,
        case_session_id: str,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> CaseSession:
        with self._db.write() as uow:
            row = self._load(uow.session, case_session_id)
            refuse_stale_edit(row, expected_version, "session")
            old = {field: getattr(row, field) for field in CASE_SESSION_FIELDS}
            cleaned, custom = checked_together(
                lambda: check_edit(Entity.CASE_SESSION, old, built_in(changes)),
                lambda: (
                    self._custom(uow.session, changes["custom"], row.custom)
                    if "custom" in changes
                    else None
                ),
            )
            changed = diff(old, cleaned)
            if custom is not None and custom.changes:
                changed.update(custom.changes)
                row.custom, row.form_version = custom.text, custom.version
            if not changed:
                return to_case_session(row)
            for field in changed:
                if field in cleaned:
                    setattr(row, field, cleaned[field])
            flag_problems(Entity.CASE_SESSION, row)
            self._record(uow.session, "update", row, changed)
            uow.commit()
        return self.get(case_session_id)

    def cancel(self, case_session_id: str) -> CaseSession:
        return self.update(case_session_id, {"status": SessionStatus.CANCELLED})

    def delete(self, case_session_id: str) -> None:
        """Soft delete (supervisor+): the tombstone syncs; the audit keeps what it was."""
        require(self._actor, Permission.DELETE_RECORDS)
        now = utcnow()
        with self._db.write() as uow:
            row = self._load(uow.session, case_session_id)
            row.deleted_at = now
            self._record(uow.session, "delete", row, {}, op=OutboxOp.DELETE)
            uow.commit()

    def _custom(self, session, given: Any, stored: str | None) -> CheckedCustom:
        return check_record_custom(self._db, session, RecordKind.SESSION, given, stored)

    def _record(
        self,
        session,
        action: str,
        row: CaseSessionRow,
        changed: dict,
        *,
        stamp: Stamp = Stamp.CHANGED,
        op: OutboxOp = OutboxOp.UPSERT,
    ) -> None:
        """The change's version, audit event, outbox row and the beneficiary's follow-up."""
        record_changes(
            session,
            Entity.CASE_SESSION,
            [Change(row.id, changed, row.server_version, row.beneficiary_id)],
            action=action,
            actor_id=self._actor.id,
            stamp=stamp,
            status=SyncStatus.PENDING,
            outbox=op,
        )
