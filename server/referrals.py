"""Referrals to another organisation on the same server (issue 14 point 5).

A referral is made on the sender's laptop and pushed like a task: it belongs to a
beneficiary of the sender's organisation, and is in that organisation's change feed
(the beneficiary's visibility). It is refused without the person's consent recorded.

When it arrives the server builds the **shared copy** itself, from the sending
organisation's form definition of that moment: the built-in fields its beneficiary part
lists as shareable and the custom fields marked ``shareable`` (server/forms.py), nothing
else; the laptop's own filtering is never trusted. The receiving organisation reads only
that copy, the referral's own id, the organisations' names, the note and the consent and
state (``incoming_dict``): never the beneficiary's id, its other fields, sessions, tasks
or users. Its supervisors and admins accept (a new beneficiary of theirs is made from the
shared values, with its own id and case number) or decline (with a reason); the sender's
laptops see the outcome in their feed. Every step is a `ReferralEvent`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import forms, records, schema
from server.db import SYNC_RUN, next_seq, utcnow
from server.models import Beneficiary, FormDefinition, Referral, ReferralEvent, User
from server.observability import record_logger
from server.records import (
    Actor,
    RecordConflict,
    RecordRejected,
    WriteResult,
    _created,
    _flush,
    _forbidden,
    _get,
    _not_found,
    _resolve_caseworker,
    _session_parent,
    can_see_beneficiary,
    first_version,
    refuse_stale,
)
from server.validation import FieldRules, merge_fields, parser_for

# Its record writes log at DEBUG inside a sync push (which logs one line for them all).
log = record_logger(__name__)

REFERRAL = "referral"
VALUE_FIELDS = schema.names(schema.REFERRAL)
_RULES: FieldRules = {f.name: parser_for(f) for f in schema.REFERRAL}
_DEFAULTS = schema.defaults(schema.REFERRAL)
_REQUIRED = schema.required(schema.REFERRAL)
# What only the receiving side writes; a sender's push may repeat it unchanged.
RECEIVER_FIELDS = ("decision_note", "decided_at")
BUILT_IN = {f.name: f for f in schema.BENEFICIARY}
# A new beneficiary needs a name: what it gets when the sender's definition shares none.
NAME_NOT_SHARED = "Not shared"


def validate_referral(data: Any, current: dict[str, Any] | None) -> dict[str, Any]:
    return merge_fields(data, current, _RULES, _DEFAULTS, _REQUIRED)


def _event(session: Session, actor: Actor, referral: Referral, action: str, now: Any) -> None:
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            at=now,
            user_id=actor.id,
            organisation=actor.user.organisation,
            action=action,
        )
    )
    log.info("referral %s %s by user %s", referral.id, action, actor.id)


def organisations(session: Session) -> list[str]:
    """Every organisation with an active user on this server, by name."""
    return list(
        session.execute(
            select(User.organisation)
            .where(User.active.is_(True))
            .distinct()
            .order_by(User.organisation)
        ).scalars()
    )


def _rejected(code: str, message: str, fields: dict[str, str], status: int = 422):
    return RecordRejected(status, code, message, fields)


def shared_copy(session: Session, beneficiary: Beneficiary) -> list[dict[str, Any]]:
    """The shareable values of ``beneficiary`` under its organisation's current definition.

    Each item is ``{"name", "value"}`` (built-in: its field name; custom: ``custom.<key>``
    with the definition's ``label`` per language). Empty values are left out.
    """
    definition = records.forms_of(session, beneficiary.organisation).of("beneficiary")
    items: list[dict[str, Any]] = []
    for name in definition.shareable_builtins:
        value = records._wire(BUILT_IN[name], getattr(beneficiary, name))
        if value not in (None, ""):
            items.append({"name": name, "value": value})
    labels = _custom_labels(session, beneficiary.organisation)
    stored = beneficiary.custom or {}
    for item in definition.shareable:
        value = stored.get(item.key)
        if value not in (None, "", []):
            items.append(
                {
                    "name": f"custom.{item.key}",
                    "label": labels.get(item.key, {}),
                    "value": value,
                }
            )
    return items


def _custom_labels(session: Session, organisation: str) -> dict[str, dict[str, str]]:
    """The current definition's beneficiary field labels (forms.read keeps no labels)."""
    version = records.current_form_version(session, organisation)
    row = session.get(FormDefinition, (organisation, version)) if version else None
    if row is None:
        return {}
    languages = row.body.get("languages") or ["en"]
    found: dict[str, dict[str, str]] = {}
    for item in row.body.get("beneficiary", {}).get("fields", []):
        label = item.get("label")
        found[item["key"]] = {languages[0]: label} if isinstance(label, str) else dict(label)
    return found


def _organisation_exists(session: Session, name: str) -> bool:
    return (
        session.execute(
            select(User.id).where(User.organisation == name, User.active.is_(True)).limit(1)
        ).first()
        is not None
    )


def _consent_user(session: Session, actor: Actor, requested: str | None) -> str:
    if requested is None or requested == actor.id:
        return actor.id
    user = session.get(User, requested)
    if user is None or user.organisation != actor.user.organisation:
        raise _rejected(
            "validation_error",
            "Unknown user for the consent.",
            {"consent_by": "is not a user of your organisation"},
        )
    return user.id


def upsert_referral(
    session: Session, actor: Actor, record_id: str, data: Any, base_version: int | None
) -> WriteResult:
    """A sender's push: a new referral (proposed, with consent), or its withdrawal."""
    now = utcnow()
    existing = _get(session, Referral, record_id)
    if existing is None:
        if base_version:
            raise _not_found(REFERRAL)
        values = validate_referral(data, None)
        if values["consent_given"] is not True:
            raise _rejected(
                "consent_missing",
                "A referral needs the person's consent to share their data.",
                {"consent_given": "must be true: the person's consent is recorded first"},
            )
        if values["state"] != "proposed":
            raise _rejected(
                "validation_error",
                "A new referral is proposed.",
                {"state": "must be proposed on create"},
            )
        parent = _session_parent(session, actor, values["beneficiary_id"])
        target = values["to_organisation"]
        if target == parent.organisation or not _organisation_exists(session, target):
            raise _rejected(
                "validation_error",
                "Unknown receiving organisation.",
                {"to_organisation": "is not another organisation on this server"},
            )
        values["caseworker_id"] = _resolve_caseworker(session, actor, values["caseworker_id"]).id
        values["consent_by"] = _consent_user(session, actor, values["consent_by"])
        values["consent_at"] = values["consent_at"] or now
        values.update(decision_note=None, decided_at=None)
        record = Referral(
            id=record_id,
            organisation=parent.organisation,
            shared=shared_copy(session, parent),
            **first_version(session, actor, now),
            **values,
        )
        _created(session, record)
        _event(session, actor, record, "proposed", now)
        return WriteResult(record, True)

    parent = _get(session, Beneficiary, existing.beneficiary_id)
    if parent is None or not can_see_beneficiary(actor, parent):
        raise _forbidden()
    if existing.deleted:
        raise RecordConflict(existing)
    current = {name: getattr(existing, name) for name in VALUE_FIELDS}
    values = validate_referral(data, current)
    if values["caseworker_id"] is None:
        values["caseworker_id"] = existing.caseworker_id
    if values["consent_by"] is None:
        values["consent_by"] = existing.consent_by
    changed = values != current
    refuse_stale(existing, changed, base_version)
    if not changed:
        return WriteResult(existing, False)
    fixed = [n for n in VALUE_FIELDS if n != "state" and values[n] != current[n]]
    if fixed:
        raise _rejected(
            "referral_fixed",
            "A referral sent cannot be changed, only withdrawn.",
            dict.fromkeys(fixed, "cannot change once the referral is sent"),
        )
    if not (existing.state == "proposed" and values["state"] == "withdrawn"):
        raise _rejected(
            "invalid_transition",
            "Only a proposed referral can be withdrawn by its sender.",
            {"state": f"cannot go from {existing.state} to {values['state']} by the sender"},
        )
    existing.state = "withdrawn"
    _bump(session, actor, existing, now)
    _event(session, actor, existing, "withdrawn", now)
    _flush(session)
    return WriteResult(existing, True)


def delete_referral(
    session: Session, actor: Actor, record_id: str, base_version: int | None
) -> WriteResult:
    """A referral is withdrawn, never deleted from the sender's side."""
    raise _rejected(
        "invalid_transition",
        "A referral cannot be deleted; withdraw it instead.",
        {"id": "withdraw the referral instead"},
    )


def _bump(session: Session, actor: Actor, record: Referral, now: datetime) -> None:
    record.version += 1
    record.seq = next_seq(session)
    record.sync_run = session.info.get(SYNC_RUN)
    record.updated_at = now
    record.updated_by = actor.id


def tombstone_referrals_of(
    session: Session, actor: Actor, beneficiary_id: str, now: datetime
) -> None:
    """A deleted beneficiary's referrals go with it: a proposed one is withdrawn, and the
    note and the shared copy (personal data) are cleared, so nothing is left to accept."""
    for referral in session.execute(
        select(Referral)
        .where(Referral.beneficiary_id == beneficiary_id, Referral.deleted.is_(False))
        .order_by(Referral.id)
    ).scalars():
        if referral.state == "proposed":
            referral.state = "withdrawn"
            _event(session, actor, referral, "withdrawn", now)
        referral.note = None
        referral.shared = []
        referral.deleted = True
        _bump(session, actor, referral, now)


def referral_dict(referral: Referral) -> dict[str, Any]:
    """The sender's record (feed, push results): the declared fields only."""
    return records._record_dict(referral, schema.REFERRAL)


# -- the receiving organisation ------------------------------------------------------------


def _require_receiver(actor: Actor) -> None:
    if not actor.sees_organisation:
        raise _rejected(
            "forbidden",
            "Only supervisors and admins see and decide incoming referrals.",
            {},
            status=403,
        )


def incoming(session: Session, actor: Actor, state: str | None = None) -> list[Referral]:
    _require_receiver(actor)
    statement = select(Referral).where(
        Referral.to_organisation == actor.user.organisation, Referral.deleted.is_(False)
    )
    if state is not None:
        statement = statement.where(Referral.state == state)
    return list(session.execute(statement.order_by(Referral.created_at, Referral.id)).scalars())


def incoming_dict(referral: Referral) -> dict[str, Any]:
    """What the receiving organisation reads of a referral: nothing else crosses."""
    return {
        "id": referral.id,
        "from_organisation": referral.organisation,
        "to_organisation": referral.to_organisation,
        "note": referral.note or "",
        "consent_given": referral.consent_given,
        "consent_at": records.iso_datetime(referral.consent_at),
        "state": referral.state,
        "decision_note": referral.decision_note or "",
        "decided_at": records.iso_datetime(referral.decided_at),
        "created_at": records.iso_datetime(referral.created_at),
        "shared": list(referral.shared or []),
    }


def _incoming_one(session: Session, actor: Actor, referral_id: str) -> Referral:
    _require_receiver(actor)
    found = _get(session, Referral, referral_id)
    if found is None or found.deleted or found.to_organisation != actor.user.organisation:
        raise _not_found(REFERRAL)
    if found.state != "proposed":
        raise _rejected(
            "invalid_transition",
            f"The referral is {found.state}; only a proposed one can be decided.",
            {"state": f"is {found.state}"},
            status=409,
        )
    return found


def _decided(session: Session, actor: Actor, referral: Referral, state: str, note: str) -> None:
    now = utcnow()
    referral.state = state
    referral.decision_note = note or None
    referral.decided_at = now
    referral.decided_by = actor.id
    _bump(session, actor, referral, now)
    _event(session, actor, referral, state, now)


def decline(session: Session, actor: Actor, referral_id: str, reason: str) -> Referral:
    referral = _incoming_one(session, actor, referral_id)
    if not reason.strip():
        raise _rejected(
            "validation_error",
            "Say why the referral is declined.",
            {"reason": "is required when declining"},
        )
    _decided(session, actor, referral, "declined", reason.strip())
    _flush(session)
    return referral


def accept(
    session: Session, actor: Actor, referral_id: str, caseworker_id: str | None, note: str
) -> tuple[Referral, Beneficiary]:
    """A new beneficiary of the receiver's organisation from the shared values only."""
    referral = _incoming_one(session, actor, referral_id)
    owner = _resolve_caseworker(session, actor, caseworker_id)
    data = _new_beneficiary(session, referral, owner.organisation)
    data["caseworker_id"] = owner.id
    made = records.upsert_beneficiary(session, actor, records.new_id(), data, None).record
    referral.accepted_beneficiary_id = made.id
    _decided(session, actor, referral, "accepted", note.strip())
    _flush(session)
    return referral, made


def _new_beneficiary(session: Session, referral: Referral, organisation: str) -> dict[str, Any]:
    """The values of the receiver's new beneficiary: shared built-ins as they are, shared
    custom values their own definition has (and accepts) as custom values, the rest (and
    the referral's note) written in its notes so that nothing shared is lost."""
    mine = records.forms_of(session, organisation).of("beneficiary")
    data: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    lines = [f"Referred by {referral.organisation}."]
    if referral.note:
        lines.append(f"Referral note: {referral.note}")
    for item in referral.shared or []:
        name, value = item["name"], item["value"]
        if name in BUILT_IN:
            data[name] = value
            continue
        key = name.removeprefix("custom.")
        field = mine.fields.get(key)
        if field is not None and not field.retired:
            cleaned = forms.clean_value(field, value)
            if not isinstance(cleaned, forms.Problem):
                custom[key] = cleaned
                continue
        label = next(iter(item.get("label") or {}), None)
        shown = (item.get("label") or {}).get(label, key) if label else key
        lines.append(f"{shown}: {', '.join(value) if isinstance(value, list) else value}")
    for name in ("first_name", "last_name"):
        data.setdefault(name, NAME_NOT_SHARED)
    shared_notes = data.pop("notes", None)
    data["notes"] = "\n".join([*lines, *([shared_notes] if shared_notes else [])])
    data["custom"] = custom
    return data
