"""Referrals between organisations: the organisations on the server, and the receiving
organisation's incoming referrals with accept and decline (server/referrals.py).

The sending side pushes and pulls its referrals through /api/sync like any record.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask_jwt_extended import jwt_required

from server import referrals
from server.api.records import _rejected
from server.db import begin_snapshot, begin_write
from server.errors import ValidationFailed
from server.records import RecordRejected, beneficiary_dict
from server.schema import REFERRAL_STATES, REFERRAL_TEXT_MAX
from server.web import actor, db, json_object, ok, path_id, query_text

bp = Blueprint("referrals", __name__, url_prefix="/api")


@bp.get("/organisations")
@jwt_required()
def list_organisations():
    """The organisations a referral may go to: every other one with an active user."""
    who = actor()
    names = referrals.organisations(db())
    return ok({"organisations": [n for n in names if n != who.user.organisation]})


@bp.get("/referrals/incoming")
@jwt_required()
def list_incoming():
    state = query_text("state", 16)
    if state is not None and state not in REFERRAL_STATES:
        raise ValidationFailed({"state": "must be one of: " + ", ".join(REFERRAL_STATES)})
    session = db()
    begin_snapshot(session)
    try:
        found = referrals.incoming(session, actor(), state)
    except RecordRejected as exc:
        raise _rejected(exc) from exc
    return ok({"referrals": [referrals.incoming_dict(r) for r in found]})


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > REFERRAL_TEXT_MAX:
        raise ValidationFailed({name: f"must be text of at most {REFERRAL_TEXT_MAX} characters"})
    return value


@bp.post("/referrals/<referral_id>/accept")
@jwt_required()
def accept_referral(referral_id: str):
    referral_id = path_id(referral_id, "referral")
    body = json_object()
    note = _text(body, "note")
    caseworker_id = body.get("caseworker_id")
    if caseworker_id is not None and not isinstance(caseworker_id, str):
        raise ValidationFailed({"caseworker_id": "must be a user id"})
    session = db()
    begin_write(session)
    try:
        referral, made = referrals.accept(session, actor(), referral_id, caseworker_id, note)
    except RecordRejected as exc:
        raise _rejected(exc) from exc
    session.commit()
    return ok(
        {"referral": referrals.incoming_dict(referral), "beneficiary": beneficiary_dict(made)}
    )


@bp.post("/referrals/<referral_id>/decline")
@jwt_required()
def decline_referral(referral_id: str):
    referral_id = path_id(referral_id, "referral")
    body = json_object()
    reason = _text(body, "reason")
    session = db()
    begin_write(session)
    try:
        referral = referrals.decline(session, actor(), referral_id, reason)
    except RecordRejected as exc:
        raise _rejected(exc) from exc
    session.commit()
    return ok({"referral": referrals.incoming_dict(referral)})
