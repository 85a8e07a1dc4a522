"""The wire format shared with ``server/`` (server/openapi.yaml): records as JSON objects.

Every comparison in the sync engine is made between *canonical* dicts: the server's
field names, text with None as "", dates as ISO strings, times as naive-UTC ISO strings.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from desktop.domain import validation
from desktop.domain.enums import Entity

# The record fields a person edits (domain/validation.py) plus those that link records.
BENEFICIARY_FIELDS = ("case_number", *validation.BENEFICIARY_FIELDS, "caseworker_id")
CASE_SESSION_FIELDS = ("beneficiary_id", "caseworker_id", *validation.CASE_SESSION_FIELDS)
FIELDS = {Entity.BENEFICIARY: BENEFICIARY_FIELDS, Entity.CASE_SESSION: CASE_SESSION_FIELDS}
TEXT_FIELDS = frozenset(
    {
        "phone",
        "email",
        "address",
        "preferred_language",
        "notes",
        "closure_note",
        "location",
        "summary",
        "outcome",
    }
)
DATE_FIELDS = frozenset({"date_of_birth", "consent_date", "follow_up_on"})
DATETIME_FIELDS = frozenset({"starts_at"})
# A field that names a person on the server: mapped to the local user at the edge.
USER_FIELDS = frozenset({"caseworker_id"})


class ProtocolError(Exception):
    """The server's answer is not what the protocol promises: never applied."""


def _date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


def _datetime(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, datetime):
        text = str(value)
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        value = datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


def canonical(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """The comparable form of a record's fields (from the server or from a local row)."""
    result: dict[str, Any] = {}
    for field in FIELDS[Entity(entity)]:
        value = values.get(field)
        if hasattr(value, "value"):  # enums
            value = value.value
        if field in TEXT_FIELDS:
            value = value or ""
        elif field in DATE_FIELDS:
            value = _date(value)
        elif field in DATETIME_FIELDS:
            value = _datetime(value)
        elif field == "consent_given":
            value = bool(value)
        result[field] = value
    return result


def to_wire(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """A canonical dict as sent: times gain their UTC marker; an unknown owner is omitted."""
    payload = dict(values)
    for field in DATETIME_FIELDS & payload.keys():
        if payload[field] is not None:
            payload[field] = payload[field] + "Z"
    if payload.get("caseworker_id") is None:
        payload.pop("caseworker_id", None)
    return payload


def from_wire(entity: str, data: Any) -> dict[str, Any]:
    """A server record's fields, checked for shape, in canonical form."""
    if not isinstance(data, dict):
        raise ProtocolError(f"a {entity} record is not an object")
    try:
        return canonical(entity, data)
    except (TypeError, ValueError) as exc:
        raise ProtocolError(f"a {entity} record has a malformed field: {exc}") from None


def dumps(values: dict[str, Any]) -> str:
    return json.dumps(values, sort_keys=True, ensure_ascii=False)


def loads(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def expect_data(body: Any) -> Any:
    """The ``data`` of a ``{"data": ...}`` envelope, or ProtocolError."""
    if not isinstance(body, dict) or "data" not in body:
        raise ProtocolError("the answer has no 'data' envelope")
    return body["data"]


def require_keys(value: Any, *keys: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict) or any(key not in value for key in keys):
        raise ProtocolError(f"{what} lacks {', '.join(keys)}")
    return value
