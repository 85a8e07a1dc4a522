"""Beneficiaries: register, edit, close, reopen, reassign, delete, and the paged caseload list."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, and_, column, func, literal_column, select, table, update

from desktop.auth.permissions import Permission, can, require, require_record_access
from desktop.domain.enums import BeneficiaryStatus, Entity, OutboxOp, SyncStatus
from desktop.domain.records import Actor, Beneficiary, BeneficiaryQuery, Page, SortKey
from desktop.domain.validation import BENEFICIARY_FIELDS, validate_beneficiary
from desktop.errors import NotFound, UserError, ValidationError
from desktop.store.db import Database
from desktop.store.journal import diff, enqueue, record_audit
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, UserRow, new_id, utcnow

from .common import (
    allocate_case_numbers,
    beneficiary_select,
    beneficiary_values,
    load_beneficiary,
    mark_changed,
    to_beneficiary,
)

log = logging.getLogger(__name__)

MAX_PAGE = 1000
# The FTS5 index made by migration 0002; its rowid is beneficiaries.pk.
SEARCH_INDEX = table("beneficiary_search", column("rowid"))
_TOKEN = re.compile(r"\w+", re.UNICODE)

SORT_COLUMNS: dict[SortKey, tuple[ColumnElement, ...]] = {
    SortKey.CASE_NUMBER: (BeneficiaryRow.case_number,),
    SortKey.LAST_NAME: (
        BeneficiaryRow.last_name.collate("NOCASE"),
        BeneficiaryRow.first_name.collate("NOCASE"),
    ),
    SortKey.FIRST_NAME: (BeneficiaryRow.first_name.collate("NOCASE"),),
    SortKey.DATE_OF_BIRTH: (BeneficiaryRow.date_of_birth,),
    SortKey.STATUS: (BeneficiaryRow.status,),
    SortKey.CASEWORKER: (UserRow.display_name.collate("NOCASE"),),
    SortKey.NEXT_FOLLOW_UP: (BeneficiaryRow.next_follow_up_on,),
    SortKey.UPDATED_AT: (BeneficiaryRow.updated_at,),
}


def fts_query(text: str) -> str | None:
    """Each typed word becomes a quoted prefix term; all must match. None: nothing to search."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens[:8])


class BeneficiaryService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def get(self, beneficiary_id: str) -> Beneficiary:
        with self._db.read() as uow:
            row = uow.session.execute(
                beneficiary_select().where(
                    BeneficiaryRow.id == beneficiary_id, BeneficiaryRow.deleted_at.is_(None)
                )
            ).one_or_none()
        if row is None:
            raise NotFound("That beneficiary does not exist or has been deleted.")
        require_record_access(self._actor, row.caseworker_id)
        return to_beneficiary(row)

    def _visible(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [BeneficiaryRow.deleted_at.is_(None)]
        if not can(self._actor, Permission.VIEW_ALL_RECORDS):
            conditions.append(BeneficiaryRow.caseworker_id == self._actor.id)
        return conditions

    def _conditions(self, query: BeneficiaryQuery) -> list[ColumnElement[bool]] | None:
        conditions = self._visible()
        if query.status is not None:
            conditions.append(BeneficiaryRow.status == BeneficiaryStatus(query.status).value)
        if query.caseworker_id:
            conditions.append(BeneficiaryRow.caseworker_id == query.caseworker_id)
        if query.follow_up_due_by is not None:
            conditions.append(BeneficiaryRow.next_follow_up_on <= query.follow_up_due_by)
        if query.search.strip():
            match = fts_query(query.search)
            if match is None:
                return None  # only punctuation typed: nothing can match
            matching = select(SEARCH_INDEX.c.rowid).where(
                literal_column("beneficiary_search").op("MATCH")(match)
            )
            conditions.append(BeneficiaryRow.pk.in_(matching))
        return conditions

    def count_visible(self) -> int:
        """Every beneficiary this user may see: the "of N" in "1,234 of N"."""
        with self._db.read() as uow:
            return uow.session.execute(
                select(func.count()).select_from(BeneficiaryRow).where(and_(*self._visible()))
            ).scalar_one()

    def count(self, query: BeneficiaryQuery) -> int:
        conditions = self._conditions(query)
        if conditions is None:
            return 0
        with self._db.read() as uow:
            statement = select(func.count()).select_from(BeneficiaryRow).where(and_(*conditions))
            return uow.session.execute(statement).scalar_one()

    def list_page(
        self, query: BeneficiaryQuery, offset: int = 0, limit: int = 100, *, with_total: bool = True
    ) -> Page[Beneficiary]:
        """One page of the caseload list; search, filters and sort all run in SQL."""
        limit = max(1, min(limit, MAX_PAGE))
        conditions = self._conditions(query)
        if conditions is None:
            return Page((), offset, 0)
        sort_columns = SORT_COLUMNS[SortKey(query.sort)]
        tie_breaker = BeneficiaryRow.pk
        order = [c.desc() if query.descending else c.asc() for c in (*sort_columns, tie_breaker)]
        statement = (
            beneficiary_select()
            .where(and_(*conditions))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        )
        with self._db.read() as uow:
            rows = uow.session.execute(statement).all()
            total = -1
            if with_total:
                total = uow.session.execute(
                    select(func.count()).select_from(BeneficiaryRow).where(and_(*conditions))
                ).scalar_one()
        return Page(tuple(to_beneficiary(row) for row in rows), offset, total)

    # -- writing -----------------------------------------------------------------------

    def create(self, values: Mapping[str, Any], *, caseworker_id: str | None = None) -> Beneficiary:
        cleaned = validate_beneficiary(values)
        owner = caseworker_id or self._actor.id
        if owner != self._actor.id:
            require(self._actor, Permission.REASSIGN_RECORDS)
        now = utcnow()
        with self._db.write() as uow:
            _require_active_user(uow.session, owner)
            (case_number,) = allocate_case_numbers(uow.session, 1)
            row = BeneficiaryRow(
                id=new_id(),
                case_number=case_number,
                caseworker_id=owner,
                created_at=now,
                created_by=self._actor.id,
                updated_at=now,
                updated_by=self._actor.id,
                version=1,
                sync_status=SyncStatus.PENDING.value,
                **cleaned,
            )
            uow.session.add(row)
            uow.session.flush()
            self._journal(
                uow.session, "create", row.id, diff({}, {**cleaned, "caseworker_id": owner})
            )
            enqueue(
                uow.session,
                entity=Entity.BENEFICIARY,
                entity_id=row.id,
                op=OutboxOp.UPSERT,
                base_version=None,
            )
            uow.commit()
            beneficiary_id = row.id
        log.info("beneficiary %s created", beneficiary_id)
        return self.get(beneficiary_id)

    def update(
        self,
        beneficiary_id: str,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> Beneficiary:
        """Changes some fields. With ``expected_version``, refuses to overwrite a newer edit."""
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            if expected_version is not None and row.version != expected_version:
                raise UserError(
                    "This beneficiary was changed elsewhere since you opened it. "
                    "Reopen it to see the latest version; your edits were not saved."
                )
            old = beneficiary_values(row, BENEFICIARY_FIELDS)
            cleaned = validate_beneficiary({**old, **changes})
            changed = diff(old, cleaned)
            if not changed:
                return self.get(beneficiary_id)
            for field in changed:
                setattr(row, field, cleaned[field])
            self._save_change(uow.session, row, "update", changed)
            uow.commit()
        log.info("beneficiary %s updated (%s)", beneficiary_id, ", ".join(sorted(changed)))
        return self.get(beneficiary_id)

    def close(self, beneficiary_id: str) -> Beneficiary:
        return self._set_status(beneficiary_id, BeneficiaryStatus.CLOSED, "close")

    def reopen(self, beneficiary_id: str) -> Beneficiary:
        return self._set_status(beneficiary_id, BeneficiaryStatus.ACTIVE, "reopen")

    def _set_status(
        self, beneficiary_id: str, status: BeneficiaryStatus, action: str
    ) -> Beneficiary:
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            if row.status == status.value:
                return self.get(beneficiary_id)
            changed = {"status": [row.status, status.value]}
            row.status = status.value
            self._save_change(uow.session, row, action, changed)
            uow.commit()
        return self.get(beneficiary_id)

    def reassign(self, beneficiary_id: str, caseworker_id: str) -> Beneficiary:
        require(self._actor, Permission.REASSIGN_RECORDS)
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            _require_active_user(uow.session, caseworker_id)
            if row.caseworker_id == caseworker_id:
                return self.get(beneficiary_id)
            changed = {"caseworker_id": [row.caseworker_id, caseworker_id]}
            row.caseworker_id = caseworker_id
            self._save_change(uow.session, row, "reassign", changed)
            uow.commit()
        return self.get(beneficiary_id)

    def delete(self, beneficiary_id: str) -> None:
        """Soft delete (a tombstone that syncs), with the beneficiary's sessions."""
        require(self._actor, Permission.DELETE_RECORDS)
        now = utcnow()
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            sessions = uow.session.execute(
                select(CaseSessionRow).where(
                    CaseSessionRow.beneficiary_id == beneficiary_id,
                    CaseSessionRow.deleted_at.is_(None),
                )
            ).scalars()
            for case_session in sessions:
                case_session.deleted_at = now
                mark_changed(case_session, self._actor, now)
                record_audit(
                    uow.session,
                    user_id=self._actor.id,
                    action="delete",
                    entity=Entity.CASE_SESSION,
                    entity_id=case_session.id,
                )
                enqueue(
                    uow.session,
                    entity=Entity.CASE_SESSION,
                    entity_id=case_session.id,
                    op=OutboxOp.DELETE,
                    base_version=case_session.server_version,
                )
            row.deleted_at = now
            self._save_change(uow.session, row, "delete", {}, op=OutboxOp.DELETE)
            uow.commit()
        log.info("beneficiary %s deleted", beneficiary_id)

    def _save_change(
        self,
        session,
        row: BeneficiaryRow,
        action: str,
        changed: dict,
        op: OutboxOp = OutboxOp.UPSERT,
    ) -> None:
        mark_changed(row, self._actor, utcnow())
        self._journal(session, action, row.id, changed)
        enqueue(
            session,
            entity=Entity.BENEFICIARY,
            entity_id=row.id,
            op=op,
            base_version=row.server_version,
        )

    def _journal(self, session, action: str, entity_id: str, changed: dict) -> None:
        record_audit(
            session,
            user_id=self._actor.id,
            action=action,
            entity=Entity.BENEFICIARY,
            entity_id=entity_id,
            changes=changed,
        )


def _require_active_user(session, user_id: str) -> None:
    active = session.execute(select(UserRow.active).where(UserRow.id == user_id)).scalar()
    if not active:
        raise ValidationError({"caseworker_id": "Caseworker is not an active user."})


def refresh_next_follow_up(session, beneficiary_id: str) -> None:
    """The latest live session's follow-up date becomes the beneficiary's next follow-up."""
    latest = (
        select(CaseSessionRow.follow_up_on)
        .where(
            CaseSessionRow.beneficiary_id == beneficiary_id,
            CaseSessionRow.deleted_at.is_(None),
            CaseSessionRow.status != "cancelled",
        )
        .order_by(CaseSessionRow.starts_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    session.execute(
        update(BeneficiaryRow)
        .where(BeneficiaryRow.id == beneficiary_id)
        .values(next_follow_up_on=latest)
    )
