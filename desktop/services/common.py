"""Pieces the services share: row → record mapping, access-checked loading, case numbers."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, column, func, select, table
from sqlalchemy.orm import Session

from desktop.auth.permissions import Permission, can, require_record_access
from desktop.domain import schema
from desktop.domain.enums import SyncStatus
from desktop.domain.records import Actor, Beneficiary, CaseSession
from desktop.errors import NotFound, UserError
from desktop.store.journal import get_state, set_state
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    HouseholdLinkRow,
    LiveCountRow,
    ReferralRow,
    TaskRow,
    UserRow,
)

from .record_checks import flagged

# The FTS5 index made by migration 0002; its rowid is beneficiaries.pk.
SEARCH_INDEX = table("beneficiary_search", column("rowid"))
# Its columns: the declared searchable fields, then the searchable custom fields' text
# (migration 0010) and the phone's digits (0013; generated from phone, see
# services/search_terms.py); tests/desktop/test_schema.py checks the migrated index has these.
SEARCH_INDEX_COLUMNS = (
    *schema.names(schema.BENEFICIARY, searchable=True),
    BeneficiaryRow.custom_search.key,
    BeneficiaryRow.phone_search.key,
)

# Columns of the list and the detail that are not the beneficiary row's own.
_JOINED = {
    "caseworker_name": UserRow.display_name.label("caseworker_name"),
    "custom_json": BeneficiaryRow.custom.label("custom_json"),  # parsed by the record
}
# Read from the row by the services themselves (get adds it; the list does without).
_NOT_SELECTED = {"invalid_fields"}

# Every field of a Beneficiary, by name and in its order (the list's page loader builds
# records from these positions): the declared fields and the bookkeeping columns.
BENEFICIARY_COLUMNS = tuple(
    _JOINED[item.name] if item.name in _JOINED else getattr(BeneficiaryRow, item.name)
    for item in dataclasses.fields(Beneficiary)
    if item.name not in _NOT_SELECTED
)


def _from_stored(field: schema.Field) -> Callable[[Any], Any] | None:
    """How a stored value becomes the record's: a choice its enum member ("" and NULL
    None), yes/no a bool. Dict lookups, not ``Enum(value)``: those were a third of a list
    page's time."""
    if field.kind is schema.Kind.CHOICE and field.choices is not None:
        return {member.value: member for member in field.choices}.get
    if field.kind is schema.Kind.YES_NO:
        return bool
    return None  # stored as the record holds it


def _conversions(declared: tuple[schema.Field, ...]) -> tuple[tuple[str, Callable], ...]:
    return tuple(
        (field.name, convert) for field in declared if (convert := _from_stored(field)) is not None
    )


BENEFICIARY_CONVERSIONS = _conversions(schema.BENEFICIARY)
SYNC_STATES = {state.value: state for state in SyncStatus}
_CASE_SESSION_CONVERSIONS = _conversions(schema.CASE_SESSION)
CASE_SESSION_ATTRIBUTES = tuple(item.name for item in dataclasses.fields(CaseSession))


def caseload_owner(actor: Actor) -> str | None:
    """The one visibility rule: the caseworker whose own caseload is all ``actor`` may see,
    or None when they see the office's (supervisors and admins)."""
    return None if can(actor, Permission.VIEW_ALL_RECORDS) else actor.id


def visible_beneficiaries(
    actor: Actor, owner: Callable[[str], Any] | None = None
) -> list[ColumnElement[bool]]:
    """The conditions on ``beneficiaries`` of the records ``actor`` may see (live ones).

    ``owner``: how the owner's id enters the statement (a named bind of the caller's);
    by default a plain bound value.
    """
    conditions: list[ColumnElement[bool]] = [BeneficiaryRow.deleted_at.is_(None)]
    own = caseload_owner(actor)
    if own is not None:
        conditions.append(BeneficiaryRow.caseworker_id == (owner(own) if owner else own))
    return conditions


def live_count(session: Session, actor: Actor) -> int:
    """How many beneficiaries ``visible_beneficiaries(actor)`` selects, from the counter
    the triggers of migration 0019 keep (a few rows, not the live index)."""
    statement = select(func.coalesce(func.sum(LiveCountRow.live), 0))
    own = caseload_owner(actor)
    if own is not None:
        statement = statement.where(LiveCountRow.caseworker_id == own)
    return session.execute(statement).scalar_one()


def _visible_of_beneficiaries(table: Any, actor: Actor) -> list[ColumnElement[bool]]:
    """The conditions on ``table`` (a beneficiary's sessions, tasks) of the live records
    ``actor`` may see: those of the beneficiaries they may see (no join for the office's
    readers)."""
    conditions: list[ColumnElement[bool]] = [table.deleted_at.is_(None)]
    if caseload_owner(actor) is not None:
        conditions.append(
            table.beneficiary_id.in_(select(BeneficiaryRow.id).where(*visible_beneficiaries(actor)))
        )
    return conditions


def visible_case_sessions(actor: Actor) -> list[ColumnElement[bool]]:
    return _visible_of_beneficiaries(CaseSessionRow, actor)


def visible_tasks(actor: Actor) -> list[ColumnElement[bool]]:
    return _visible_of_beneficiaries(TaskRow, actor)


def visible_household_links(actor: Actor) -> list[ColumnElement[bool]]:
    return _visible_of_beneficiaries(HouseholdLinkRow, actor)


def beneficiary_select() -> Select:
    return select(*BENEFICIARY_COLUMNS).join(UserRow, UserRow.id == BeneficiaryRow.caseworker_id)


def to_beneficiary(row: Any) -> Beneficiary:
    values = row._asdict()
    for name, convert in BENEFICIARY_CONVERSIONS:
        values[name] = convert(values[name])
    values["sync_status"] = SyncStatus(values["sync_status"])
    values["invalid_fields"] = flagged(values.get("invalid_fields"))
    return Beneficiary(**values)


def to_case_session(row: CaseSessionRow) -> CaseSession:
    values = {
        name: getattr(row, "custom" if name == "custom_json" else name)
        for name in CASE_SESSION_ATTRIBUTES
    }
    for name, convert in _CASE_SESSION_CONVERSIONS:
        values[name] = convert(values[name])
    values["sync_status"] = SyncStatus(values["sync_status"])
    values["invalid_fields"] = flagged(values["invalid_fields"])
    return CaseSession(**values)


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
    if entity == "task":
        row = session.execute(
            select(TaskRow.due_on, BeneficiaryRow.case_number)
            .join(BeneficiaryRow, BeneficiaryRow.id == TaskRow.beneficiary_id)
            .where(TaskRow.id == entity_id)
        ).first()
        return f"Task due {row[0]:%Y-%m-%d} · {row[1]}" if row else entity_id
    if entity == "household_link":
        row = session.execute(
            select(BeneficiaryRow.case_number)
            .join(HouseholdLinkRow, HouseholdLinkRow.beneficiary_id == BeneficiaryRow.id)
            .where(HouseholdLinkRow.id == entity_id)
        ).first()
        return f"Household link · {row[0]}" if row else entity_id
    if entity == "referral":
        row = session.execute(
            select(ReferralRow.to_organisation, BeneficiaryRow.case_number)
            .join(BeneficiaryRow, BeneficiaryRow.id == ReferralRow.beneficiary_id)
            .where(ReferralRow.id == entity_id)
        ).first()
        # An incoming referral is not a record here: its id is all there is to show.
        return f"Referral to {row[0]} · {row[1]}" if row else f"Referral {entity_id}"
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
