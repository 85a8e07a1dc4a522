"""Transfers of a case between caseworkers on the server: checked, versioned, sequenced.

A caseworker proposes one of their own cases (a supervisor any case of the organisation)
to another active user of the organisation; the server fills in the case number and name
so the receiver can decide before holding the case, and clears them once it is decided.
Only the receiver (or a supervisor) accepts or declines; the case's caseworker (or a
supervisor) cancels; a decision is final. Accepting reassigns the case through the same
path as a supervisor's reassignment (`records.reassign_beneficiary`), and the case's open
tasks follow it. A transfer is seen by both sides and the organisation's supervisors.
Every write runs inside the caller's write transaction (`db.begin_write`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from server import schema
from server.db import SYNC_RUN, next_seq, utcnow
from server.models import Beneficiary, Transfer, User
from server.observability import record_logger
from server.records import (
    TRANSFER,
    Actor,
    RecordConflict,
    RecordRejected,
    WriteResult,
    _created,
    _flush,
    _forbidden,
    _get,
    _not_found,
    can_see_beneficiary,
    first_version,
    reassign_beneficiary,
    refuse_stale,
)
from server.tasks import move_open_tasks
from server.validation import FieldRules, merge_fields, parser_for

# Its record writes log at DEBUG inside a sync push (which logs one line for them all).
log = record_logger(__name__)

TRANSFER_VALUE_FIELDS = schema.names(schema.TRANSFER)
_RULES: FieldRules = {f.name: parser_for(f) for f in schema.TRANSFER}
_DEFAULTS = schema.defaults(schema.TRANSFER)
_REQUIRED = schema.required(schema.TRANSFER)
PROPOSED = "proposed"
# What a decision may change; the rest is as proposed.
DECISION_FIELDS = ("state", "decision_note")
# Filled in by the server for the receiver to decide on, cleared once decided.
SUMMARY_FIELDS = ("case_number", "beneficiary_name")


def _state_rules(values: dict[str, Any], touched: set[str], errors: dict[str, str]) -> None:
    """A declined transfer says why."""
    if values.get("state") == "declined" and not (values.get("decision_note") or "").strip():
        errors.setdefault("decision_note", schema.TRANSFER_NOTE_MISSING)


def validate_transfer(data: Any, current: dict[str, Any] | None) -> dict[str, Any]:
    return merge_fields(data, current, _RULES, _DEFAULTS, _REQUIRED, rules=_state_rules)


def transfer_visibility(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: the transfers this user sees (both sides; supervisors: the office's)."""
    if actor.sees_organisation:
        return Transfer.organisation == actor.user.organisation
    return or_(Transfer.caseworker_id == actor.id, Transfer.to_caseworker_id == actor.id)


def can_see_transfer(actor: Actor, record: Transfer) -> bool:
    if actor.sees_organisation:
        return record.organisation == actor.user.organisation
    return actor.id in (record.caseworker_id, record.to_caseworker_id)


def _rejected(status: int, code: str, message: str, field: str, problem: str) -> RecordRejected:
    return RecordRejected(status, code, message, {field: problem})


def _receiver(session: Session, parent: Beneficiary, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active or user.organisation != parent.organisation:
        raise _rejected(
            422,
            "validation_error",
            "Unknown caseworker.",
            "to_caseworker_id",
            "is not an active user of your organisation",
        )
    if user.id == parent.caseworker_id:
        raise _rejected(
            422,
            "validation_error",
            "The case is already this caseworker's.",
            "to_caseworker_id",
            "is the case's caseworker already",
        )
    return user


def _pending_of(session: Session, beneficiary_id: str) -> Transfer | None:
    return (
        session.execute(
            select(Transfer).where(
                Transfer.beneficiary_id == beneficiary_id,
                Transfer.state == PROPOSED,
                Transfer.deleted.is_(False),
            )
        )
        .scalars()
        .first()
    )


def _propose(session: Session, actor: Actor, record_id: str, data: Any) -> WriteResult:
    values = validate_transfer(data, None)
    if values["state"] != PROPOSED:
        raise _rejected(
            422, "validation_error", "A new transfer is proposed.", "state", "must be proposed"
        )
    parent = _get(session, Beneficiary, values["beneficiary_id"])
    if parent is None or not can_see_beneficiary(actor, parent):
        raise _rejected(
            422, "validation_error", "Unknown beneficiary.", "beneficiary_id", "no such beneficiary"
        )
    if parent.deleted:
        raise _rejected(
            422,
            "validation_error",
            "The beneficiary has been deleted.",
            "beneficiary_id",
            "the beneficiary has been deleted",
        )
    receiver = _receiver(session, parent, values["to_caseworker_id"])
    if _pending_of(session, parent.id) is not None:
        raise _rejected(
            409,
            "transfer_pending",
            "This case already has a pending transfer.",
            "beneficiary_id",
            "has a pending transfer already",
        )
    values.update(
        caseworker_id=parent.caseworker_id,
        to_caseworker_id=receiver.id,
        case_number=parent.case_number,
        beneficiary_name=f"{parent.first_name} {parent.last_name}",
        decision_note=None,
    )
    record = Transfer(
        id=record_id,
        organisation=parent.organisation,
        **first_version(session, actor, utcnow()),
        **values,
    )
    _created(session, record)
    log.info("transfer %s of beneficiary %s proposed by user %s", record_id, parent.id, actor.id)
    return WriteResult(record, True)


def _may_decide(actor: Actor, record: Transfer, state: str) -> bool:
    if actor.sees_organisation:
        return record.organisation == actor.user.organisation
    if state == "cancelled":
        return actor.id == record.caseworker_id
    return actor.id == record.to_caseworker_id


def upsert_transfer(
    session: Session,
    actor: Actor,
    record_id: str,
    data: Any,
    base_version: int | None,
    *,
    unconditional: bool = False,
) -> WriteResult:
    """Propose a transfer, or decide a pending one (accept, decline, cancel)."""
    existing = _get(session, Transfer, record_id)
    if existing is None:
        if base_version:
            raise _not_found(TRANSFER)
        return _propose(session, actor, record_id, data)
    if not can_see_transfer(actor, existing):
        raise _forbidden()
    if existing.deleted:
        raise RecordConflict(existing)
    current = {name: getattr(existing, name) for name in TRANSFER_VALUE_FIELDS}
    sent = validate_transfer(data, current)
    # Only the decision travels; the rest stays as proposed (and the summary the server's).
    values = {**current, **{name: sent[name] for name in DECISION_FIELDS}}
    changed = values != current
    if not unconditional:
        refuse_stale(existing, changed, base_version)
    if not changed:
        return WriteResult(existing, False)
    state = values["state"]
    if existing.state != PROPOSED:
        raise _rejected(
            409, "transfer_decided", "This transfer has been decided.", "state", "is final"
        )
    if state == PROPOSED:
        raise _rejected(
            422,
            "validation_error",
            "A pending transfer is accepted, declined or cancelled.",
            "state",
            "must be accepted, declined or cancelled",
        )
    if not _may_decide(actor, existing, state):
        raise _rejected(
            403,
            "forbidden",
            "Only the receiver or a supervisor decides; the case's caseworker cancels.",
            "state",
            "not yours to decide",
        )
    now = utcnow()
    if state == "accepted":
        _accept(session, actor, existing, now)
    for name, value in values.items():
        setattr(existing, name, value)
    for name in SUMMARY_FIELDS:
        setattr(existing, name, None)
    existing.version += 1
    existing.seq = next_seq(session)
    existing.sync_run = session.info.get(SYNC_RUN)
    existing.updated_at = now
    existing.updated_by = actor.id
    _flush(session)
    log.info("transfer %s %s by user %s", record_id, state, actor.id)
    return WriteResult(existing, True)


def _accept(session: Session, actor: Actor, record: Transfer, now: Any) -> None:
    """The case goes to the receiver as a reassignment does; its open tasks follow."""
    parent = _get(session, Beneficiary, record.beneficiary_id)
    if parent is None or parent.deleted:
        raise _rejected(
            409,
            "case_gone",
            "The case has been deleted.",
            "beneficiary_id",
            "the beneficiary has been deleted",
        )
    if parent.caseworker_id != record.caseworker_id:
        raise _rejected(
            409,
            "case_moved",
            "The case has another caseworker since it was proposed.",
            "beneficiary_id",
            "has another caseworker since it was proposed",
        )
    receiver = session.get(User, record.to_caseworker_id)
    if receiver is None or not receiver.active:
        raise _rejected(
            422,
            "validation_error",
            "The receiver's account is not active.",
            "to_caseworker_id",
            "is not an active user of your organisation",
        )
    reassign_beneficiary(session, actor, parent, receiver, now)
    move_open_tasks(session, actor, parent.id, receiver.id, now)
    log.info("beneficiary %s reassigned by transfer %s", parent.id, record.id)


def tombstone_transfers_of(session: Session, actor: Actor, beneficiary_id: str, now: Any) -> None:
    """A deleted beneficiary's transfers go with it, in the same write, without the name
    and notes they carried: every laptop that holds one erases it (a deleted record)."""
    children = session.execute(
        select(Transfer)
        .where(Transfer.beneficiary_id == beneficiary_id, Transfer.deleted.is_(False))
        .order_by(Transfer.id)
    ).scalars()
    for record in children:
        for name, value in schema.tombstone_clears(schema.TRANSFER).items():
            setattr(record, name, value)
        record.case_number = None
        record.deleted = True
        record.version += 1
        record.seq = next_seq(session)
        record.sync_run = session.info.get(SYNC_RUN)
        record.updated_at = now
        record.updated_by = actor.id


def delete_transfer(
    session: Session, actor: Actor, record_id: str, base_version: int | None, *, unconditional: bool
) -> WriteResult:
    """A transfer is history: it is cancelled, never deleted."""
    existing = _get(session, Transfer, record_id)
    if existing is None:
        raise _not_found(TRANSFER)
    raise _rejected(
        409,
        "transfer_kept",
        "A transfer is not deleted; cancel it while it is pending.",
        "op",
        "transfers are cancelled, not deleted",
    )
