"""Laptop reports: with each sync a laptop says which it is, its app version and what waits.

The server keeps the last report per laptop (`Device`) and one `SyncActivity` row per
report, which the web console shows (server/console/) and `db purge` trims
(server/maintenance.py). Counts only: nothing about the records themselves.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from flask import Blueprint
from flask_jwt_extended import current_user, jwt_required

from server.db import begin_write, utcnow
from server.errors import ValidationFailed
from server.models import Device, SyncActivity
from server.validation import FieldError, parse_int
from server.web import db, json_object, ok

log = logging.getLogger(__name__)

bp = Blueprint("devices", __name__, url_prefix="/api/sync")

DEVICE_ID_RE = re.compile(r"[A-Za-z0-9-]{8,64}")
APP_VERSION_RE = re.compile(r"[A-Za-z0-9.+-]{1,32}")
MAX_COUNT = 1_000_000_000
MAX_DURATION_MS = 7 * 24 * 3600 * 1000
MAX_ERROR_LENGTH = 200
OUTCOMES = ("ok", "failed")
COUNTS = ("records_waiting", "open_conflicts", "sent", "received", "conflicts", "errors")


def _pattern(regex: re.Pattern[str], what: str):
    def parse(value: Any) -> str:
        if not isinstance(value, str) or not regex.fullmatch(value):
            raise FieldError(what)
        return value

    return parse


def _error_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError("must be text or null")
    if len(value) > MAX_ERROR_LENGTH:
        raise FieldError(f"must be at most {MAX_ERROR_LENGTH} characters")
    return value


def _outcome(value: Any) -> str:
    if value not in OUTCOMES:
        raise FieldError("must be one of: " + ", ".join(OUTCOMES))
    return value


# The document's SyncReportInput says the same (server/openapi.yaml).
PARSERS = {
    "device_id": _pattern(DEVICE_ID_RE, "must be 8 to 64 letters, digits or '-'"),
    "app_version": _pattern(APP_VERSION_RE, "must be 1 to 32 letters, digits, '.', '+' or '-'"),
    **{name: (lambda value: parse_int(value, 0, MAX_COUNT)) for name in COUNTS},
    "duration_ms": lambda value: parse_int(value, 0, MAX_DURATION_MS),
    "outcome": _outcome,
    "error": _error_text,
}
REQUIRED = ("device_id", "app_version", "records_waiting", "open_conflicts")
DEFAULTS: dict[str, Any] = {
    "sent": 0,
    "received": 0,
    "conflicts": 0,
    "errors": 0,
    "duration_ms": 0,
    "outcome": "ok",
    "error": None,
}


def parse_report(body: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name in body:
        if name not in PARSERS:
            errors[name] = "is not a report field"
    for name, parse in PARSERS.items():
        if name not in body:
            if name in REQUIRED:
                errors[name] = "is required"
            else:
                values[name] = DEFAULTS[name]
            continue
        try:
            values[name] = parse(body[name])
        except FieldError as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationFailed(errors)
    return values


@bp.post("/report")
@jwt_required()
def report():
    values = parse_report(json_object())
    session = db()
    begin_write(session)
    now = utcnow()
    organisation = current_user.organisation
    device = session.get(Device, (organisation, values["device_id"]))
    if device is None:
        device = Device(organisation=organisation, device_id=values["device_id"], first_seen_at=now)
        session.add(device)
    device.user_id = current_user.id
    device.app_version = values["app_version"]
    device.records_waiting = values["records_waiting"]
    device.open_conflicts = values["open_conflicts"]
    device.last_sync_at = now
    device.last_outcome = values["outcome"]
    session.add(
        SyncActivity(
            at=now,
            organisation=organisation,
            user_id=current_user.id,
            device_id=values["device_id"],
            **{
                name: values[name]
                for name in ("sent", "received", "conflicts", "errors", "duration_ms")
            },
            outcome=values["outcome"],
            error=values["error"],
        )
    )
    session.commit()
    log.info("sync report from device %s (%s)", values["device_id"], values["outcome"])
    return ok({"device_id": values["device_id"], "recorded": True})
