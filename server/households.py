"""Household links on the server: checked, versioned and sequenced like tasks.

A link belongs to a beneficiary (the member): whoever may see the beneficiary may see and
change their link (caseworkers their own caseload's, supervisors and admins their
organisation's). The members of a household share ``household_id``; the laptops keep one
head per household (desktop/services/households.py). Two laptops that each made another
member head offline send changes of two different links: both are kept, and the laptops
show the household's two heads as a conflict until a person makes one head; the server
does not choose one silently. A clash on one link's field is a version conflict, as for
every record. Every write runs inside the caller's write transaction (`db.begin_write`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import records, schema
from server.db import SYNC_RUN, next_seq, utcnow
from server.models import Beneficiary, HouseholdLink
from server.observability import record_logger
from server.records import (
    HOUSEHOLD_LINK,
    Actor,
    RecordConflict,
    WriteResult,
    _created,
    _flush,
    _forbidden,
    _get,
    _not_found,
    _session_parent,
    can_see_beneficiary,
    first_version,
    open_departure,
    refuse_stale,
)
from server.validation import FieldRules, merge_fields, parser_for

# Its record writes log at DEBUG inside a sync push (which logs one line for them all).
log = record_logger(__name__)

LINK_VALUE_FIELDS = schema.names(schema.HOUSEHOLD_LINK)
_RULES: FieldRules = {f.name: parser_for(f) for f in schema.HOUSEHOLD_LINK}
_DEFAULTS = schema.defaults(schema.HOUSEHOLD_LINK)
_REQUIRED = schema.required(schema.HOUSEHOLD_LINK)


def validate_link(data: Any, current: dict[str, Any] | None) -> dict[str, Any]:
    return merge_fields(data, current, _RULES, _DEFAULTS, _REQUIRED)


def _visible_member(session: Session, actor: Actor, beneficiary_id: str) -> Beneficiary | None:
    member = _get(session, Beneficiary, beneficiary_id)
    if member is None or not (
        can_see_beneficiary(actor, member) or open_departure(session, actor, member)
    ):
        return None
    return member


def upsert_link(
    session: Session,
    actor: Actor,
    record_id: str,
    data: Any,
    base_version: int | None,
    *,
    unconditional: bool = False,
) -> WriteResult:
    """Create or update a household link (the version rules of `tasks.upsert_task`)."""
    now = utcnow()
    existing = _get(session, HouseholdLink, record_id)
    if existing is None:
        if base_version:
            raise _not_found(HOUSEHOLD_LINK)
        values = validate_link(data, None)
        _session_parent(session, actor, values["beneficiary_id"])
        record = HouseholdLink(id=record_id, **first_version(session, actor, now), **values)
        _created(session, record)
        log.info("household link %s created by user %s", record_id, actor.id)
        return WriteResult(record, True)

    if _visible_member(session, actor, existing.beneficiary_id) is None:
        raise _forbidden()
    if existing.deleted:
        raise RecordConflict(existing)
    current = {name: getattr(existing, name) for name in LINK_VALUE_FIELDS}
    values = validate_link(data, current)
    changed = values != current
    if not unconditional:
        refuse_stale(existing, changed, base_version)
    if not changed:
        return WriteResult(existing, False)
    if values["beneficiary_id"] != existing.beneficiary_id:
        _session_parent(session, actor, values["beneficiary_id"])
    for name, value in values.items():
        setattr(existing, name, value)
    _bump(session, actor, existing, now)
    _flush(session)
    log.info("household link %s updated to v%d by user %s", record_id, existing.version, actor.id)
    return WriteResult(existing, True)


def _bump(session: Session, actor: Actor, record: HouseholdLink, now: Any) -> None:
    record.version += 1
    record.seq = next_seq(session)
    record.sync_run = session.info.get(SYNC_RUN)
    record.updated_at = now
    record.updated_by = actor.id


def tombstone_link(session: Session, actor: Actor, record: HouseholdLink, now: Any) -> None:
    record.deleted = True
    _bump(session, actor, record, now)


def tombstone_links_of(session: Session, actor: Actor, beneficiary_id: str, now: Any) -> None:
    """A deleted beneficiary leaves their household, in the same write."""
    links = session.execute(
        select(HouseholdLink)
        .where(HouseholdLink.beneficiary_id == beneficiary_id, HouseholdLink.deleted.is_(False))
        .order_by(HouseholdLink.id)
    ).scalars()
    for link in links:
        tombstone_link(session, actor, link, now)


def delete_link(
    session: Session, actor: Actor, record_id: str, base_version: int | None, *, unconditional: bool
) -> WriteResult:
    return records.delete_child(
        session,
        actor,
        HouseholdLink,
        HOUSEHOLD_LINK,
        record_id,
        base_version,
        tombstone_link,
        unconditional=unconditional,
    )
