"""Reading and writing beneficiaries and case sessions: visibility, versions, sequence numbers.

Tasks (server/tasks.py) are written with the helpers here and serialised by `record_dict`.

Every write here runs inside a transaction opened with `db.begin_write`, so the record
checks below and the writes that follow cannot interleave with another writer. On
PostgreSQL a push that only adds records shares the lock instead, and checks what it
read once it holds it (`push_rows.lock_and_number`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, partial
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from server import forms, schema
from server.db import SYNC_RUN, next_seq, utcnow
from server.models import (
    Beneficiary,
    CaseSession,
    FormDefinition,
    HouseholdLink,
    RecordDeparture,
    Referral,
    Task,
    Transfer,
    User,
)
from server.observability import record_logger
from server.record_cache import (  # noqa: F401 (the push and the merges read them here)
    _cache,
    _created,
    _flush,
    _get,
    begin_record_cache,
    end_record_cache,
    generate_case_number,
    new_record,
)
from server.validation import printable, validate_beneficiary, validate_case_session

# Its record writes log at DEBUG inside a sync push (which logs one line for them all).
log = record_logger(__name__)

BENEFICIARY = "beneficiary"
CASE_SESSION = "case_session"
TASK = "task"
HOUSEHOLD_LINK = "household_link"
REFERRAL = "referral"  # server/referrals.py
TRANSFER = "transfer"
ENTITIES = (BENEFICIARY, CASE_SESSION, TASK, HOUSEHOLD_LINK, REFERRAL, TRANSFER)

BENEFICIARY_VALUE_FIELDS = schema.names(schema.BENEFICIARY)
SESSION_VALUE_FIELDS = schema.names(schema.CASE_SESSION)
# Personal data removed from a tombstone; what stays is what sync needs to match it.
BENEFICIARY_TOMBSTONE_CLEARS = schema.tombstone_clears(schema.BENEFICIARY)
SESSION_TOMBSTONE_CLEARS = schema.tombstone_clears(schema.CASE_SESSION)


class RecordRejected(Exception):
    """A change the server refuses; nothing was written."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str],
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.extra = extra or {}


class RecordConflict(Exception):
    """The client's base version is not the server's; carries the server copy."""

    def __init__(self, record: Beneficiary | CaseSession) -> None:
        super().__init__("version conflict")
        self.record = record


def first_version(session: Session, actor: Actor, now: datetime) -> dict[str, Any]:
    """The bookkeeping columns of a record the server creates: version 1, the next change
    feed number, this sync run, and who and when."""
    return {
        "version": 1,
        "seq": next_seq(session),
        "sync_run": session.info.get(SYNC_RUN),
        "deleted": False,
        "created_at": now,
        "updated_at": now,
        "updated_by": actor.id,
    }


def refuse_stale(existing: Any, changed: bool, base_version: int | None) -> None:
    """A write based on another version than the stored one is a conflict; one with no
    base version is a conflict only when it would change something."""
    if base_version is None:
        if changed:
            raise RecordConflict(existing)
    elif base_version != existing.version:
        raise RecordConflict(existing)


@dataclass
class Actor:
    """The signed-in user a request acts for."""

    user: User
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def id(self) -> str:  # read once: a push asks per record, and it never changes
        return self.user.id

    @property
    def sees_organisation(self) -> bool:
        return self.user.role in ("supervisor", "admin")


# --- serialisation ---------------------------------------------------------------


def iso_datetime(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat() + "Z"


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_WIRE = {"date": iso_date, "datetime": iso_datetime}


def _wire(f: schema.Field, value: Any) -> Any:
    return value if (wire := _WIRE.get(f.kind)) is None else wire(value)


# Each record kind's fields (a case session's for any other), and per kind (keyed by the
# tuple's identity: cheaper than hashing it) each field's name and wire form (None: as is).
_FIELDS_OF: dict[type, tuple[schema.Field, ...]] = {
    Beneficiary: schema.BENEFICIARY,
    Task: schema.TASK,
    HouseholdLink: schema.HOUSEHOLD_LINK,
    Referral: schema.REFERRAL,
    Transfer: schema.TRANSFER,
}
_WIRE_PLANS = {
    id(fields): [(f.name, _WIRE.get(f.kind)) for f in fields]
    for fields in (*_FIELDS_OF.values(), schema.CASE_SESSION)
}


def _record_dict(record: Beneficiary | CaseSession, fields: tuple[schema.Field, ...]) -> dict:
    plan = _WIRE_PLANS.get(id(fields)) or [(f.name, _WIRE.get(f.kind)) for f in fields]
    out = {"id": record.id}
    out.update((n, getattr(record, n) if w is None else w(getattr(record, n))) for n, w in plan)
    out["incomplete_fields"] = list(getattr(record, "incomplete_fields", None) or [])
    out["version"] = record.version
    out["updated_at"] = iso_datetime(record.updated_at)
    out["deleted"] = record.deleted
    return out


def beneficiary_dict(b: Beneficiary) -> dict[str, Any]:
    return _record_dict(b, schema.BENEFICIARY)


def case_session_dict(s: CaseSession) -> dict[str, Any]:
    return _record_dict(s, schema.CASE_SESSION)


def record_dict(record: Beneficiary | CaseSession | Task) -> dict[str, Any]:
    # __class__, not type(): a push's new rows (push_rows.NewRow) answer as their model.
    return _record_dict(record, _FIELDS_OF.get(record.__class__, schema.CASE_SESSION))


def entity_of(record: Beneficiary | CaseSession | Task | Transfer) -> str:
    if isinstance(record, Task):
        return TASK
    if isinstance(record, HouseholdLink):
        return HOUSEHOLD_LINK
    if isinstance(record, Referral):
        return REFERRAL
    if isinstance(record, Transfer):
        return TRANSFER
    return BENEFICIARY if isinstance(record, Beneficiary) else CASE_SESSION


def _values(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


# --- visibility --------------------------------------------------------------------


def beneficiary_visibility(actor: Actor) -> ColumnElement[bool]:
    """SQL condition: the beneficiaries this user may read and write."""
    if actor.sees_organisation:
        return Beneficiary.organisation == actor.user.organisation
    return Beneficiary.caseworker_id == actor.id


def can_see_beneficiary(actor: Actor, beneficiary: Beneficiary) -> bool:
    if actor.sees_organisation:
        return beneficiary.organisation == actor.user.organisation
    return beneficiary.caseworker_id == actor.id


def get_visible_beneficiary(
    session: Session, actor: Actor, record_id: str, include_deleted: bool = False
) -> Beneficiary | None:
    """The beneficiary, or None when it does not exist or the user may not see it."""
    stmt = select(Beneficiary).where(Beneficiary.id == record_id, beneficiary_visibility(actor))
    if not include_deleted:
        stmt = stmt.where(Beneficiary.deleted.is_(False))
    return session.execute(stmt).scalar_one_or_none()


def get_visible_case_session(
    session: Session, actor: Actor, record_id: str, include_deleted: bool = False
) -> CaseSession | None:
    stmt = (
        select(CaseSession)
        .join(Beneficiary, Beneficiary.id == CaseSession.beneficiary_id)
        .where(CaseSession.id == record_id, beneficiary_visibility(actor))
    )
    if not include_deleted:
        stmt = stmt.where(CaseSession.deleted.is_(False))
    return session.execute(stmt).scalar_one_or_none()


def open_departure(
    session: Session, actor: Actor, beneficiary: Beneficiary
) -> RecordDeparture | None:
    """The caller's departure of this beneficiary, while only they changed it since.

    Their unsent offline work from before the reassignment (edits, new sessions) may
    still arrive: the laptop pushes it before it removes the record. Their own writes
    keep the door open (a push may take several batches); anyone else's closes it.
    """
    if actor.sees_organisation:
        return None
    return (
        session.execute(
            select(RecordDeparture).where(
                RecordDeparture.beneficiary_id == beneficiary.id,
                RecordDeparture.caseworker_id == actor.id,
                RecordDeparture.version == beneficiary.version,
            )
        )
        .scalars()
        .first()
    )


def _resolve_caseworker(session: Session, actor: Actor, requested: str | None) -> User:
    """The owner a write may assign: oneself, or (supervisors) anyone of the organisation."""
    if requested is None or requested == actor.id:
        return actor.user
    if not actor.sees_organisation:
        raise RecordRejected(
            403,
            "forbidden",
            "Caseworkers can only assign records to themselves.",
            {"caseworker_id": "caseworkers can only assign records to themselves"},
        )
    owner = session.get(User, requested)
    if owner is None or not owner.active or owner.organisation != actor.user.organisation:
        raise RecordRejected(
            422,
            "validation_error",
            "Unknown caseworker.",
            {"caseworker_id": "is not an active user of your organisation"},
        )
    return owner


def _forbidden() -> RecordRejected:
    return RecordRejected(
        403, "forbidden", "This record belongs to someone else.", {"id": "not yours to change"}
    )


def _not_found(entity: str) -> RecordRejected:
    return RecordRejected(
        404, "not_found", f"No such {entity.replace('_', ' ')}.", {"id": "no such record"}
    )


def _check_case_number(session: Session, case_number: str, own_id: str) -> None:
    cache = _cache(session)
    if cache is not None:
        if case_number not in cache.case_numbers:
            cache.case_numbers[case_number] = session.execute(
                select(Beneficiary.id).where(Beneficiary.case_number == case_number)
            ).scalar_one_or_none()
        holder = cache.case_numbers[case_number]
        other = None if holder is None or holder == own_id else holder
    else:
        other = session.execute(
            select(Beneficiary.id).where(
                Beneficiary.case_number == case_number, Beneficiary.id != own_id
            )
        ).first()
    if other is not None:
        raise RecordRejected(
            422,
            "validation_error",
            "The case number is already used.",
            {"case_number": "is already used by another beneficiary"},
        )


# --- the organisation's own fields -----------------------------------------------------

FORMS_KEY = "caseload_forms"
# The definition's name for each record kind.
FORM_OF = {BENEFICIARY: "beneficiary", CASE_SESSION: "session"}


def current_form_version(session: Session, organisation: str) -> int:
    found = session.execute(
        select(func.max(FormDefinition.version)).where(FormDefinition.organisation == organisation)
    ).scalar_one()
    return found or 0


def forms_of(session: Session, organisation: str, version: int | None = None) -> forms.Forms:
    """The organisation's definition: its current one, or the given published version.

    Remembered for the session (one request or push batch), so a batch reads each once;
    a sync push that starts again forgets them (see api/sync.py).
    """
    known: dict[tuple[str, int | None], forms.Forms] = session.info.setdefault(FORMS_KEY, {})
    if (organisation, version) not in known:
        wanted = current_form_version(session, organisation) if version is None else version
        row = session.get(FormDefinition, (organisation, wanted)) if wanted else None
        known[(organisation, version)] = (
            forms.EMPTY if row is None else forms.read({**row.body, "version": wanted})
        )
    return known[(organisation, version)]


def _check_custom(
    session: Session,
    entity: str,
    organisation: str,
    values: dict[str, Any],
    data: dict[str, Any],
    existing: Beneficiary | CaseSession | None,
) -> list[str]:
    """Check `values["custom"]` against the definition it was written with; clean it in
    place and return the record's incomplete fields ("custom.<key>").

    A record written with an older definition is checked against that version (what its
    laptop knew); a required field missing is not refused but listed as incomplete, by
    the current definition. A value equal to the stored one stays as it is.
    """
    current = forms_of(session, organisation)
    if "form_version" not in data and (existing is None or "custom" in data):
        values["form_version"] = current.version
    version = values["form_version"]
    if version > current.version:
        raise RecordRejected(
            422,
            "validation_error",
            "The record was written with a form newer than the organisation's.",
            {"form_version": "is newer than the organisation's published form"},
        )
    written_with = (
        current if version == current.version else forms_of(session, organisation, version)
    )
    kind = FORM_OF[entity]
    stored = existing.custom if existing is not None else {}
    cleaned, problems, _ = forms.check_values(
        written_with.of(kind), values["custom"] or {}, stored=stored, require=False
    )
    if problems:
        named = {printable(f"custom.{key}")[:100]: code for key, code in problems.items()}
        unknown = "unknown_field" in problems.values()
        raise RecordRejected(
            422,
            "unknown_field" if unknown else "validation_error",
            "The organisation's form has no such field."
            if unknown
            else "Some custom fields are not valid.",
            {name: forms.VALUE_MESSAGES[code] for name, code in named.items()},
            extra={"value_problems": named},
        )
    values["custom"] = cleaned
    return [f"custom.{key}" for key in forms.missing_required(current.of(kind), cleaned)]


def _erase_custom(session: Session, organisation: str, entity: str, record: Any) -> None:
    """A tombstone keeps no personal custom value (personal by the current definition or
    by the one the record was written with)."""
    kind = FORM_OF[entity]
    personal = forms.personal_keys(forms_of(session, organisation).of(kind))
    if record.form_version:
        personal |= forms.personal_keys(
            forms_of(session, organisation, record.form_version).of(kind)
        )
    if personal & set(record.custom or {}):
        record.custom = {k: v for k, v in record.custom.items() if k not in personal}


# --- writes --------------------------------------------------------------------------


@dataclass
class WriteResult:
    record: Beneficiary | CaseSession
    changed: bool
    # The survivor's id, when the change named a merged-away beneficiary (server/merges.py).
    merged_into: str | None = None


def upsert_beneficiary(
    session: Session,
    actor: Actor,
    record_id: str,
    data: Any,
    base_version: int | None,
    *,
    unconditional: bool = False,
    storable: bool = False,
) -> WriteResult:
    """Create or update a beneficiary.

    `base_version` None on an existing record applies only when nothing would change;
    `unconditional` (the REST PUT without a version) updates whatever the version.
    `storable`: every string of `data` is known to pass clean_text (a sync push's).
    """
    now = utcnow()
    existing = _get(session, Beneficiary, record_id)
    if existing is None:
        if base_version:
            raise _not_found(BENEFICIARY)
        values = validate_beneficiary(data, None, storable=storable)
        merged_into = values.pop("merged_into", None)
        owner = _resolve_caseworker(session, actor, values["caseworker_id"])
        incomplete = _check_custom(session, BENEFICIARY, owner.organisation, values, data, None)
        if values["case_number"] is None:
            values["case_number"] = generate_case_number(session, now)
        else:
            _check_case_number(session, values["case_number"], record_id)
        values["caseworker_id"] = owner.id
        # Made and merged on one laptop: an ORM object, for the merge's own writes.
        make = Beneficiary if merged_into is not None else partial(new_record, session, Beneficiary)
        record = make(
            id=record_id,
            organisation=owner.organisation,
            incomplete_fields=incomplete,
            **first_version(session, actor, now),
            **values,
        )
        _created(session, record)
        log.info("beneficiary %s created by user %s", record_id, actor.id)
        if merged_into is not None:
            # Made and merged on one laptop before either reached the server.
            from server import merges

            result = merges.merged_change(
                session, actor, record, {"merged_into": merged_into}, record.version, now
            )
            assert result is not None
            return result
        return WriteResult(record, True)

    departure = None
    if not can_see_beneficiary(actor, existing):
        departure = open_departure(session, actor, existing)
        if departure is None:
            raise _forbidden()
    from server import merges  # merges build on this module

    merged = merges.merged_change(session, actor, existing, data, base_version, now)
    if merged is not None:
        return merged
    if existing.deleted:
        raise RecordConflict(existing)
    current = _values(existing, BENEFICIARY_VALUE_FIELDS)
    values = validate_beneficiary(data, current, storable=storable)
    incomplete = _check_custom(session, BENEFICIARY, existing.organisation, values, data, existing)
    if values["case_number"] is None:
        values["case_number"] = existing.case_number
    if values["caseworker_id"] is None:
        values["caseworker_id"] = existing.caseworker_id
    changed = values != current
    if not unconditional:
        refuse_stale(existing, changed, base_version)
    if departure is not None and values["caseworker_id"] != existing.caseworker_id:
        raise _forbidden()  # their last edits arrive; the record stays reassigned
    if not changed:
        return WriteResult(existing, False)
    owner = None
    if values["caseworker_id"] != existing.caseworker_id:
        owner = _resolve_caseworker(session, actor, values["caseworker_id"])
    if values["case_number"] != existing.case_number:
        _check_case_number(session, values["case_number"], record_id)
        cache = _cache(session)
        if cache is not None:
            cache.case_numbers[existing.case_number] = None
            cache.case_numbers[values["case_number"]] = record_id
    if owner is not None:
        existing.organisation = owner.organisation
    previous_owner = existing.caseworker_id
    for name, value in values.items():
        setattr(existing, name, value)
    existing.incomplete_fields = incomplete
    existing.version += 1
    existing.seq = next_seq(session)
    existing.sync_run = session.info.get(SYNC_RUN)
    existing.updated_at = now
    existing.updated_by = actor.id
    if departure is not None:
        departure.version = existing.version
    if owner is not None:
        depart(session, existing, previous_owner, now)
    _flush(session)
    log.info("beneficiary %s updated to v%d by user %s", record_id, existing.version, actor.id)
    return WriteResult(existing, True)


def depart(session: Session, record: Beneficiary, previous_owner: str, now: datetime) -> None:
    """The bookkeeping of a beneficiary just given a new owner (at its new version).

    The previous owner's change feed tells their laptop to remove it (a departure). The
    new owner's feed must bring the case's older records too, whose sequence numbers lie
    before that caseworker's cursor: they are numbered again (same version, no sync run),
    so every feed that may now see them lists them once more; a laptop that holds that
    version already passes over it.
    """
    session.add(
        RecordDeparture(
            beneficiary_id=record.id,
            caseworker_id=previous_owner,
            version=record.version,
            seq=record.seq,
            created_at=now,
        )
    )
    for model in (CaseSession, Task):
        for child in session.execute(
            select(model)
            .where(model.beneficiary_id == record.id, model.deleted.is_(False))
            .order_by(model.id)
        ).scalars():
            child.seq = next_seq(session)
            child.sync_run = None


def reassign_beneficiary(
    session: Session, actor: Actor, record: Beneficiary, owner: User, now: datetime
) -> None:
    """Gives the beneficiary to ``owner`` as a supervisor's reassignment does (`depart`).

    Written with no sync run: the laptop whose push caused it (an accepted transfer) does
    not hold the case, so its closing pull must bring it.
    """
    previous_owner = record.caseworker_id
    record.caseworker_id = owner.id
    record.organisation = owner.organisation
    record.version += 1
    record.seq = next_seq(session)
    record.sync_run = None
    record.updated_at = now
    record.updated_by = actor.id
    depart(session, record, previous_owner, now)


def _tombstone_session(
    session: Session, actor: Actor, record: CaseSession, now: datetime, organisation: str
) -> None:
    for name, value in SESSION_TOMBSTONE_CLEARS.items():
        setattr(record, name, value)
    _erase_custom(session, organisation, CASE_SESSION, record)
    record.deleted = True
    record.version += 1
    record.seq = next_seq(session)
    record.sync_run = session.info.get(SYNC_RUN)
    record.updated_at = now
    record.updated_by = actor.id


def delete_beneficiary(
    session: Session, actor: Actor, record_id: str, base_version: int | None, *, unconditional: bool
) -> WriteResult:
    """Soft-delete a beneficiary and its sessions (tombstones without personal data).

    The sessions are deleted in the same write as their beneficiary: the two are one
    unit, applied together or not at all (a stale `base_version` changes neither).
    """
    existing = _get(session, Beneficiary, record_id)
    if existing is None:
        raise _not_found(BENEFICIARY)
    if not can_see_beneficiary(actor, existing):
        raise _forbidden()
    if existing.deleted:
        return WriteResult(existing, False)
    if not unconditional and base_version != existing.version:
        raise RecordConflict(existing)
    now = utcnow()
    children = session.execute(
        select(CaseSession)
        .where(CaseSession.beneficiary_id == record_id, CaseSession.deleted.is_(False))
        .order_by(CaseSession.id)
    ).scalars()
    for child in children:
        _tombstone_session(session, actor, child, now, existing.organisation)
    from server.tasks import tombstone_tasks_of  # tasks build on this module

    tombstone_tasks_of(session, actor, record_id, now)
    from server.households import tombstone_links_of

    tombstone_links_of(session, actor, record_id, now)
    from server.referrals import tombstone_referrals_of

    tombstone_referrals_of(session, actor, record_id, now)
    from server.transfers import tombstone_transfers_of  # transfers build on this module

    tombstone_transfers_of(session, actor, record_id, now)
    for name, value in BENEFICIARY_TOMBSTONE_CLEARS.items():
        setattr(existing, name, value)
    _erase_custom(session, existing.organisation, BENEFICIARY, existing)
    existing.deleted = True
    existing.version += 1
    existing.seq = next_seq(session)
    existing.sync_run = session.info.get(SYNC_RUN)
    existing.updated_at = now
    existing.updated_by = actor.id
    _flush(session)
    log.info("beneficiary %s deleted by user %s", record_id, actor.id)
    return WriteResult(existing, True)


def _session_parent(session: Session, actor: Actor, beneficiary_id: str) -> Beneficiary:
    parent = _get(session, Beneficiary, beneficiary_id)
    if parent is None or not (
        can_see_beneficiary(actor, parent) or open_departure(session, actor, parent)
    ):
        raise RecordRejected(
            422,
            "validation_error",
            "Unknown beneficiary.",
            {"beneficiary_id": "no such beneficiary"},
        )
    if parent.deleted:
        raise RecordRejected(
            422,
            "validation_error",
            "The beneficiary has been deleted.",
            {"beneficiary_id": "the beneficiary has been deleted"},
        )
    return parent


def upsert_case_session(
    session: Session,
    actor: Actor,
    record_id: str,
    data: Any,
    base_version: int | None,
    *,
    unconditional: bool = False,
    fixed: dict[str, Any] | None = None,
    storable: bool = False,
) -> WriteResult:
    now = utcnow()
    existing = _get(session, CaseSession, record_id)
    if existing is None:
        if base_version:
            raise _not_found(CASE_SESSION)
        values = validate_case_session(data, None, fixed, storable=storable)
        from server import merges

        redirected = merges.linked_parent(session, actor, values)
        parent = _get(session, Beneficiary, values["beneficiary_id"])
        values["caseworker_id"] = _resolve_caseworker(session, actor, values["caseworker_id"]).id
        incomplete = _check_custom(session, CASE_SESSION, parent.organisation, values, data, None)
        record = new_record(
            session,
            CaseSession,
            id=record_id,
            incomplete_fields=incomplete,
            **first_version(session, actor, now),
            **values,
        )
        _created(session, record)
        log.info("case session %s created by user %s", record_id, actor.id)
        return WriteResult(record, True, merged_into=redirected)

    parent = _get(session, Beneficiary, existing.beneficiary_id)
    if parent is None or not (
        can_see_beneficiary(actor, parent) or open_departure(session, actor, parent)
    ):
        raise _forbidden()
    if existing.deleted:
        raise RecordConflict(existing)
    current = _values(existing, SESSION_VALUE_FIELDS)
    values = validate_case_session(data, current, fixed, storable=storable)
    incomplete = _check_custom(session, CASE_SESSION, parent.organisation, values, data, existing)
    if values["caseworker_id"] is None:
        values["caseworker_id"] = existing.caseworker_id
    changed = values != current
    if not unconditional:
        refuse_stale(existing, changed, base_version)
    if not changed:
        return WriteResult(existing, False)
    redirected = None
    if values["beneficiary_id"] != existing.beneficiary_id:
        from server import merges

        redirected = merges.linked_parent(session, actor, values)
    if values["caseworker_id"] != existing.caseworker_id:
        values["caseworker_id"] = _resolve_caseworker(session, actor, values["caseworker_id"]).id
    for name, value in values.items():
        setattr(existing, name, value)
    existing.incomplete_fields = incomplete
    existing.version += 1
    existing.seq = next_seq(session)
    existing.sync_run = session.info.get(SYNC_RUN)
    existing.updated_at = now
    existing.updated_by = actor.id
    _flush(session)
    log.info("case session %s updated to v%d by user %s", record_id, existing.version, actor.id)
    return WriteResult(existing, True, merged_into=redirected)


def case_session_parent(session: Session, record_id: str) -> str | None:
    """The beneficiary id of a stored case session (None: no such session)."""
    existing = _get(session, CaseSession, record_id)
    return None if existing is None else existing.beneficiary_id


def delete_case_session(
    session: Session, actor: Actor, record_id: str, base_version: int | None, *, unconditional: bool
) -> WriteResult:
    existing = _get(session, CaseSession, record_id)
    if existing is None:
        raise _not_found(CASE_SESSION)
    parent = _get(session, Beneficiary, existing.beneficiary_id)
    if parent is None or not can_see_beneficiary(actor, parent):
        raise _forbidden()
    if existing.deleted:
        return WriteResult(existing, False)
    if not unconditional and base_version != existing.version:
        raise RecordConflict(existing)
    _tombstone_session(session, actor, existing, utcnow(), parent.organisation)
    _flush(session)
    log.info("case session %s deleted by user %s", record_id, actor.id)
    return WriteResult(existing, True)


def new_id() -> str:
    return str(uuid.uuid4())


def delete_child(
    session: Session,
    actor: Actor,
    model: Any,
    entity: str,
    record_id: str,
    base_version: int | None,
    tombstone: Any,
    *,
    unconditional: bool,
) -> WriteResult:
    """A beneficiary's child record (a task, a household link) deleted: its tombstone, by
    whoever may see its beneficiary; a repeated delete changes nothing."""
    existing = _get(session, model, record_id)
    if existing is None:
        raise _not_found(entity)
    parent = _get(session, Beneficiary, existing.beneficiary_id)
    if parent is None or not can_see_beneficiary(actor, parent):
        raise _forbidden()
    if existing.deleted:
        return WriteResult(existing, False)
    if not unconditional and base_version != existing.version:
        raise RecordConflict(existing)
    tombstone(session, actor, existing, utcnow())
    _flush(session)
    log.info("%s %s deleted by user %s", entity, record_id, actor.id)
    return WriteResult(existing, True)
