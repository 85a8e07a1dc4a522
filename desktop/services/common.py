"""Pieces the services share: row → record mapping, access-checked loading, case numbers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, column, select, table
from sqlalchemy.orm import Session

from desktop.auth.permissions import require_record_access
from desktop.domain.enums import (
    BeneficiaryStatus,
    ClosureReason,
    Gender,
    SessionKind,
    SessionStatus,
    SyncStatus,
)
from desktop.domain.records import Actor, Beneficiary, CaseSession
from desktop.errors import NotFound, UserError
from desktop.store.journal import get_state, set_state
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, UserRow

from .record_checks import flagged

# The FTS5 index made by migration 0002; its rowid is beneficiaries.pk.
SEARCH_INDEX = table("beneficiary_search", column("rowid"))

BENEFICIARY_COLUMNS = (
    BeneficiaryRow.id,
    BeneficiaryRow.case_number,
    BeneficiaryRow.first_name,
    BeneficiaryRow.last_name,
    BeneficiaryRow.date_of_birth,
    BeneficiaryRow.gender,
    BeneficiaryRow.phone,
    BeneficiaryRow.email,
    BeneficiaryRow.address,
    BeneficiaryRow.preferred_language,
    BeneficiaryRow.status,
    BeneficiaryRow.closure_reason,
    BeneficiaryRow.closure_note,
    BeneficiaryRow.consent_given,
    BeneficiaryRow.consent_date,
    BeneficiaryRow.notes,
    BeneficiaryRow.caseworker_id,
    UserRow.display_name.label("caseworker_name"),
    BeneficiaryRow.next_follow_up_on,
    BeneficiaryRow.created_at,
    BeneficiaryRow.created_by,
    BeneficiaryRow.updated_at,
    BeneficiaryRow.updated_by,
    BeneficiaryRow.version,
    BeneficiaryRow.sync_status,
    BeneficiaryRow.sync_error,
)


def beneficiary_select() -> Select:
    return select(*BENEFICIARY_COLUMNS).join(UserRow, UserRow.id == BeneficiaryRow.caseworker_id)


def to_beneficiary(row: Any) -> Beneficiary:
    values = row._asdict()
    values["status"] = BeneficiaryStatus(values["status"])
    values["gender"] = Gender(values["gender"]) if values["gender"] else None
    reason = values["closure_reason"]
    values["closure_reason"] = ClosureReason(reason) if reason else None
    values["sync_status"] = SyncStatus(values["sync_status"])
    values["consent_given"] = bool(values["consent_given"])
    values["invalid_fields"] = flagged(values.get("invalid_fields"))
    return Beneficiary(**values)


def to_case_session(row: CaseSessionRow) -> CaseSession:
    return CaseSession(
        id=row.id,
        beneficiary_id=row.beneficiary_id,
        caseworker_id=row.caseworker_id,
        starts_at=row.starts_at,
        duration_minutes=row.duration_minutes,
        kind=SessionKind(row.kind),
        location=row.location,
        status=SessionStatus(row.status),
        summary=row.summary,
        outcome=row.outcome,
        follow_up_on=row.follow_up_on,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        sync_status=SyncStatus(row.sync_status),
        sync_error=row.sync_error,
        invalid_fields=flagged(row.invalid_fields),
    )


def load_beneficiary(session: Session, actor: Actor, beneficiary_id: str) -> BeneficiaryRow:
    """The live (not deleted) row, after checking the actor may work on it."""
    row = session.execute(
        select(BeneficiaryRow).where(
            BeneficiaryRow.id == beneficiary_id, BeneficiaryRow.deleted_at.is_(None)
        )
    ).scalar_one_or_none()
    if row is None:
        raise NotFound("That beneficiary does not exist or has been deleted.")
    require_record_access(actor, row.caseworker_id)
    return row


def mark_changed(row: BeneficiaryRow | CaseSessionRow, actor: Actor, now: Any) -> None:
    """Bumps the local version and marks the record as having unsent changes."""
    row.version += 1
    row.updated_at = now
    row.updated_by = actor.id
    if row.sync_status != SyncStatus.CONFLICT.value:
        row.sync_status = SyncStatus.PENDING.value
        row.sync_error = None


def allocate_case_numbers(session: Session, count: int) -> list[str]:
    """Case numbers made offline: this device's random prefix and its own counter.

    Two laptops collide only if they drew the same 5-character prefix (1 in 33 million).
    """
    prefix = get_state(session, "case_prefix") or "LOCAL"
    start = int(get_state(session, "case_seq") or "0")
    set_state(session, "case_seq", str(start + count))
    return [f"{prefix}-{number:05d}" for number in range(start + 1, start + count + 1)]


def beneficiary_values(row: BeneficiaryRow, fields: tuple[str, ...]) -> dict[str, Any]:
    return {field: getattr(row, field) for field in fields}


def describe_record(session: Session, entity: str, entity_id: str) -> str:
    """A short label a person recognises: case number and name, or a session's date."""
    if entity == "beneficiary":
        row = session.execute(
            select(
                BeneficiaryRow.case_number, BeneficiaryRow.first_name, BeneficiaryRow.last_name
            ).where(BeneficiaryRow.id == entity_id)
        ).first()
        return f"{row[0]} · {row[1]} {row[2]}" if row else entity_id
    row = session.execute(
        select(CaseSessionRow.starts_at, BeneficiaryRow.case_number)
        .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
        .where(CaseSessionRow.id == entity_id)
    ).first()
    return f"Session {row[0]:%Y-%m-%d %H:%M} · {row[1]}" if row else entity_id


def refuse_stale_edit(row: Any, expected_version: int | None, what: str) -> None:
    """An edit made on an older copy than the stored one is refused, never written over it."""
    if expected_version is not None and row.version != expected_version:
        raise UserError(
            f"This {what} was changed elsewhere since you opened it. "
            "Reopen it to see the latest version; your edits were not saved."
        )
