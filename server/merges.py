"""Merged beneficiaries on the server: the tombstone that forwards, its undo, redirects.

A supervisor's laptop merges two records and pushes the survivor's update, the records
it moved (sessions, tasks: every kind whose fields include ``beneficiary_id``) and last
the merged-away record with ``merged_into`` set. That write (`merge`) moves whatever
still links to the merged-away record here (written meanwhile by other laptops), and
tombstones it; its values stay, so that the merge can be undone (`unmerge`: the same
record pushed with ``merged_into`` null on the tombstone's version).

Afterwards a push that names the merged-away record is answered with the survivor's id:
a session or task for it is stored on the survivor (`linked_parent`), an edit of the
record itself is refused with code ``merged`` (`MergedAway`). The change feed carries
the tombstone with ``merged_into``, so every laptop forwards its own references.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import records, schema
from server.db import SYNC_RUN, next_seq
from server.models import Beneficiary, CaseSession, Task
from server.observability import record_logger
from server.records import (
    CASE_SESSION,
    TASK,
    Actor,
    RecordConflict,
    RecordRejected,
    WriteResult,
)
from server.validation import validate_beneficiary

# Its record writes log at DEBUG inside a sync push (which logs one line for them all).
log = record_logger(__name__)

FIELD = "merged_into"
# The record kinds that link to a beneficiary, by their declared fields.
_MODELS = {CASE_SESSION: (CaseSession, schema.CASE_SESSION), TASK: (Task, schema.TASK)}
LINKED: tuple[Any, ...] = tuple(
    model for model, fields in _MODELS.values() if schema.SESSION_PARENT in schema.names(fields)
)
MAX_CHAIN = 50  # a survivor merged later into a third record, and so on


def survivor_of(session: Session, record: Beneficiary) -> Beneficiary:
    """The live record a merged-away one forwards to (through later merges too)."""
    seen = {record.id}
    while record.merged_into is not None and len(seen) < MAX_CHAIN:
        following = records._get(session, Beneficiary, record.merged_into)
        if following is None or following.id in seen:
            break
        seen.add(following.id)
        record = following
    return record


def merged_away(record: Beneficiary, survivor: Beneficiary) -> RecordRejected:
    return RecordRejected(
        409,
        "merged",
        "This record was merged into another; its changes belong on the survivor.",
        {"id": "was merged into another record"},
        extra={FIELD: survivor.id},
    )


def _supervisor(actor: Actor) -> None:
    if not actor.sees_organisation:
        raise RecordRejected(
            403,
            "forbidden",
            "Only supervisors and admins may merge records or undo a merge.",
            {FIELD: "only supervisors and admins may merge"},
        )


def merged_change(
    session: Session,
    actor: Actor,
    existing: Beneficiary,
    data: dict[str, Any],
    base_version: int | None,
    now: datetime,
) -> WriteResult | None:
    """A push of a merged record, or one that merges it; None: an ordinary write."""
    current = records._values(existing, records.BENEFICIARY_VALUE_FIELDS)
    if existing.merged_into is None:
        if data.get(FIELD) is None:
            return None
        values = validate_beneficiary(data, current)
        return _merge(session, actor, existing, values, base_version, now)
    survivor = survivor_of(session, existing)
    if data.get(FIELD, existing.merged_into) == existing.merged_into:
        return WriteResult(existing, False, merged_into=survivor.id)  # already so
    if base_version != existing.version or not actor.sees_organisation:
        # Written without knowing of the merge: the survivor is where it belongs now.
        raise merged_away(existing, survivor)
    values = validate_beneficiary(data, current)
    return _unmerge(session, actor, existing, values, now)


def _merge(
    session: Session,
    actor: Actor,
    existing: Beneficiary,
    values: dict[str, Any],
    base_version: int | None,
    now: datetime,
) -> WriteResult:
    _supervisor(actor)
    if existing.deleted:
        raise RecordConflict(existing)
    records.refuse_stale(existing, True, base_version)
    target = records._get(session, Beneficiary, values[FIELD])
    if target is not None:
        target = survivor_of(session, target)
    if (
        target is None
        or target.deleted
        or target.id == existing.id
        or not records.can_see_beneficiary(actor, target)
    ):
        raise RecordRejected(
            422,
            "validation_error",
            "The record to merge into does not exist, is deleted, or is this one.",
            {FIELD: "is not another live record of your organisation"},
        )
    values[FIELD] = target.id
    values["caseworker_id"] = values["caseworker_id"] or existing.caseworker_id
    values["case_number"] = values["case_number"] or existing.case_number
    moved = move_linked(session, actor, existing.id, target.id, now)
    for name, value in values.items():
        setattr(existing, name, value)
    existing.deleted = True
    _bump(session, actor, existing, now)
    records._flush(session)
    log.info(
        "beneficiary %s merged into %s by user %s (%d linked records moved here)",
        existing.id,
        target.id,
        actor.id,
        moved,
    )
    return WriteResult(existing, True, merged_into=target.id)


def _unmerge(
    session: Session, actor: Actor, existing: Beneficiary, values: dict[str, Any], now: datetime
) -> WriteResult:
    """The merge undone: the record lives again (its moved records come back as their
    own pushes, each naming it again)."""
    values["caseworker_id"] = values["caseworker_id"] or existing.caseworker_id
    values["case_number"] = values["case_number"] or existing.case_number
    for name, value in values.items():
        setattr(existing, name, value)
    existing.merged_into = None
    existing.deleted = False
    _bump(session, actor, existing, now)
    records._flush(session)
    log.info("merge of beneficiary %s undone by user %s", existing.id, actor.id)
    return WriteResult(existing, True)


def move_linked(session: Session, actor: Actor, source: str, target: str, now: datetime) -> int:
    """What still links to ``source`` moves to ``target``; written by the server itself,
    so every laptop's feed carries it (the pushing run's included: it may not know them)."""
    moved = 0
    for model in LINKED:
        rows = session.execute(
            select(model)
            .where(model.beneficiary_id == source, model.deleted.is_(False))
            .order_by(model.id)
        ).scalars()
        for row in rows:
            row.beneficiary_id = target
            _bump(session, actor, row, now)
            row.sync_run = None
            moved += 1
    return moved


def _bump(session: Session, actor: Actor, record: Any, now: datetime) -> None:
    record.version += 1
    record.seq = next_seq(session)
    record.sync_run = session.info.get(SYNC_RUN)
    record.updated_at = now
    record.updated_by = actor.id


def linked_parent(session: Session, actor: Actor, values: dict[str, Any]) -> str | None:
    """The beneficiary a session or task names, checked; a merged-away one is replaced
    by its survivor in ``values``, whose id is returned (None: no redirect)."""
    named = values[schema.SESSION_PARENT]
    parent = records._get(session, Beneficiary, named)
    if parent is not None and parent.merged_into is not None:
        survivor = survivor_of(session, parent)
        if not survivor.deleted:
            values[schema.SESSION_PARENT] = survivor.id
    records._session_parent(session, actor, values[schema.SESSION_PARENT])
    return None if values[schema.SESSION_PARENT] == named else values[schema.SESSION_PARENT]
