"""Follow-up tasks on the server: checked, versioned and sequenced like case sessions.

A task belongs to a beneficiary: whoever may see the beneficiary may see and change its
tasks (caseworkers their own caseload's, supervisors and admins their organisation's).
It is assigned to a caseworker, oneself unless a supervisor names another. Every write
runs inside the caller's write transaction (`db.begin_write`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import merges, records, schema
from server.db import SYNC_RUN, next_seq, utcnow
from server.models import Beneficiary, Task
from server.observability import record_logger
from server.records import (
    TASK,
    Actor,
    RecordConflict,
    WriteResult,
    _created,
    _flush,
    _forbidden,
    _get,
    _not_found,
    _resolve_caseworker,
    can_see_beneficiary,
    first_version,
    open_departure,
    refuse_stale,
)
from server.validation import FieldRules, merge_fields, parser_for

# Its record writes log at DEBUG inside a sync push (which logs one line for them all).
log = record_logger(__name__)

TASK_VALUE_FIELDS = schema.names(schema.TASK)
TASK_TOMBSTONE_CLEARS = schema.tombstone_clears(schema.TASK)
_RULES: FieldRules = {f.name: parser_for(f) for f in schema.TASK}
_DEFAULTS = schema.defaults(schema.TASK)
_REQUIRED = schema.required(schema.TASK)


def _state_rules(values: dict[str, Any], touched: set[str], errors: dict[str, str]) -> None:
    """A task done says what was done; a task dismissed says why."""
    if values.get("state") == "done" and not (values.get("done_note") or "").strip():
        errors.setdefault("done_note", schema.TASK_NOTE_MISSING)
    if values.get("state") == "dismissed" and not (values.get("dismissed_reason") or "").strip():
        errors.setdefault("dismissed_reason", schema.TASK_REASON_MISSING)


def validate_task(data: Any, current: dict[str, Any] | None) -> dict[str, Any]:
    return merge_fields(data, current, _RULES, _DEFAULTS, _REQUIRED, rules=_state_rules)


def _visible_parent(session: Session, actor: Actor, beneficiary_id: str) -> Beneficiary | None:
    parent = _get(session, Beneficiary, beneficiary_id)
    if parent is None or not (
        can_see_beneficiary(actor, parent) or open_departure(session, actor, parent)
    ):
        return None
    return parent


def upsert_task(
    session: Session,
    actor: Actor,
    record_id: str,
    data: Any,
    base_version: int | None,
    *,
    unconditional: bool = False,
) -> WriteResult:
    """Create or update a task (the same version rules as `records.upsert_case_session`)."""
    now = utcnow()
    existing = _get(session, Task, record_id)
    if existing is None:
        if base_version:
            raise _not_found(TASK)
        values = validate_task(data, None)
        redirected = merges.linked_parent(session, actor, values)
        values["caseworker_id"] = _resolve_caseworker(session, actor, values["caseworker_id"]).id
        record = Task(
            id=record_id,
            **first_version(session, actor, now),
            **values,
        )
        _created(session, record)
        log.info("task %s created by user %s", record_id, actor.id)
        return WriteResult(record, True, merged_into=redirected)

    if _visible_parent(session, actor, existing.beneficiary_id) is None:
        raise _forbidden()
    if existing.deleted:
        raise RecordConflict(existing)
    current = {name: getattr(existing, name) for name in TASK_VALUE_FIELDS}
    values = validate_task(data, current)
    if values["caseworker_id"] is None:
        values["caseworker_id"] = existing.caseworker_id
    changed = values != current
    if not unconditional:
        refuse_stale(existing, changed, base_version)
    if not changed:
        return WriteResult(existing, False)
    redirected = None
    if values["beneficiary_id"] != existing.beneficiary_id:
        redirected = merges.linked_parent(session, actor, values)
    if values["caseworker_id"] != existing.caseworker_id:
        values["caseworker_id"] = _resolve_caseworker(session, actor, values["caseworker_id"]).id
    for name, value in values.items():
        setattr(existing, name, value)
    _bump(session, actor, existing, now)
    _flush(session)
    log.info("task %s updated to v%d by user %s", record_id, existing.version, actor.id)
    return WriteResult(existing, True, merged_into=redirected)


def _bump(session: Session, actor: Actor, record: Task, now: Any) -> None:
    record.version += 1
    record.seq = next_seq(session)
    record.sync_run = session.info.get(SYNC_RUN)
    record.updated_at = now
    record.updated_by = actor.id


def tombstone_task(session: Session, actor: Actor, record: Task, now: Any) -> None:
    for name, value in TASK_TOMBSTONE_CLEARS.items():
        setattr(record, name, value)
    record.deleted = True
    _bump(session, actor, record, now)


def tombstone_tasks_of(session: Session, actor: Actor, beneficiary_id: str, now: Any) -> None:
    """A deleted beneficiary's tasks go with it, in the same write."""
    children = session.execute(
        select(Task)
        .where(Task.beneficiary_id == beneficiary_id, Task.deleted.is_(False))
        .order_by(Task.id)
    ).scalars()
    for child in children:
        tombstone_task(session, actor, child, now)


def delete_task(
    session: Session, actor: Actor, record_id: str, base_version: int | None, *, unconditional: bool
) -> WriteResult:
    return records.delete_child(
        session,
        actor,
        Task,
        TASK,
        record_id,
        base_version,
        tombstone_task,
        unconditional=unconditional,
    )


def task_dict(task: Task) -> dict[str, Any]:
    from server.records import _record_dict

    return _record_dict(task, schema.TASK)


def move_open_tasks(
    session: Session, actor: Actor, beneficiary_id: str, owner_id: str, now: Any
) -> None:
    """A case given to a new caseworker takes its open tasks along (done and dismissed
    ones stay with who closed them), without a sync run: the new owner's laptop pulls them."""
    moving = session.execute(
        select(Task)
        .where(
            Task.beneficiary_id == beneficiary_id,
            Task.deleted.is_(False),
            Task.state == "open",
            Task.caseworker_id != owner_id,
        )
        .order_by(Task.id)
    ).scalars()
    for task in moving:
        task.caseworker_id = owner_id
        _bump(session, actor, task, now)
        task.sync_run = None
