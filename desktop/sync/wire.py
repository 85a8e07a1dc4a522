"""The wire format shared with ``server/`` (server/openapi.yaml): records as JSON objects.

Every comparison in the sync engine is made between *canonical* dicts: the server's
field names, text with None as "", dates as ISO strings, times as naive-UTC ISO strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from desktop.domain import schema
from desktop.domain.enums import Entity
from desktop.domain.problems import CUSTOM_PREFIX
from desktop.domain.schema import Kind

# Every declared field travels (domain/schema.py), in declared order.
FIELDS = {entity: schema.names(declared) for entity, declared in schema.FIELDS.items()}
BENEFICIARY_FIELDS = FIELDS[Entity.BENEFICIARY]
CASE_SESSION_FIELDS = FIELDS[Entity.CASE_SESSION]


def _of_kind(*kinds: Kind) -> frozenset[str]:
    return frozenset(
        f.name for declared in schema.FIELDS.values() for f in declared if f.kind in kinds
    )


TEXT_FIELDS = _of_kind(Kind.TEXT, Kind.LONG_TEXT)
DATE_FIELDS = _of_kind(Kind.DATE)
DATETIME_FIELDS = _of_kind(Kind.DATETIME)
YES_NO_FIELDS = _of_kind(Kind.YES_NO)
# A field that names a person on the server: mapped to the local user at the edge.
USER_FIELDS = _of_kind(Kind.USER)


# The organisation's own fields (desktop/domain/forms.py) travel as one object, "custom";
# in canonical values each is a field of its own, "custom.<key>", so that comparing,
# merging, conflicts and history treat it as they treat a declared field. The definition
# version a record was written with travels beside them ("form_version"), outside the
# canonical values: it is bookkeeping, never merged.
CUSTOM = "custom"
FORM_VERSION = "form_version"


def custom_name(key: str) -> str:
    return CUSTOM_PREFIX + key


def is_custom(name: str) -> bool:
    return name.startswith(CUSTOM_PREFIX)


def custom_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The custom values of canonical ``values``, by key (what a record's JSON holds)."""
    start = len(CUSTOM_PREFIX)
    return {
        name[start:]: value
        for name, value in values.items()
        if name.startswith(CUSTOM_PREFIX) and value not in (None, "", [])
    }


def merge_fields(entity: str, *sides: Mapping[str, Any] | None) -> list[str]:
    """The fields a merge compares: the declared ones, then every custom field any side has."""
    custom = {name for side in sides for name in side or {} if is_custom(name)}
    return [*FIELDS[Entity(entity)], *sorted(custom)]


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


def _text(value: Any) -> Any:
    return value or ""


_CANONICAL = {
    Kind.TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.DATE: _date,
    Kind.DATETIME: _datetime,
    Kind.YES_NO: bool,
}
# Per record kind: each field and how its value is made canonical (None: as it is).
# Keyed by the entity's text too (an Entity is equal to its text), so that a record's
# lookup is one dictionary get.
_PLAN = {
    entity: tuple((f.name, _CANONICAL.get(f.kind)) for f in declared)
    for entity, declared in schema.FIELDS.items()
}
# What a JSON value or a stored column holds: never an enum, so no ``value`` to look for.
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), list, dict})


def canonical(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The comparable form of a record's fields (from the server or from a local row).

    Custom values come as the object ``custom`` (key → value, as forms.clean_value
    stores them) or already as ``custom.<key>`` fields; an empty one is left out.
    Called for every pulled record: one pass over the kind's fields, no call per
    value that needs none.
    """
    plan = _PLAN.get(entity)
    if plan is None:
        plan = _PLAN[Entity(entity)]
    plain = _PLAIN_TYPES
    get = values.get
    result: dict[str, Any] = {}
    for field, normalise in plan:
        value = get(field)
        if type(value) not in plain and hasattr(value, "value"):  # enums
            value = value.value
        if normalise is _text:
            value = value or ""  # as _text does, without the call
        elif normalise is not None:
            value = normalise(value)
        result[field] = value
    custom = get(CUSTOM) or {}
    if not isinstance(custom, dict):
        raise TypeError("custom values must be an object")
    named = {CUSTOM_PREFIX + str(key): value for key, value in custom.items()}
    named.update((name, value) for name, value in values.items() if name.startswith(CUSTOM_PREFIX))
    for name in sorted(named):
        if named[name] not in (None, "", []):
            result[name] = named[name]
    return result


def to_wire(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """A canonical dict as sent: times gain their UTC marker; an unknown owner is omitted."""
    payload = {name: value for name, value in values.items() if not is_custom(name)}
    custom = custom_values(values)
    if custom:  # without any, the record reads as a server without custom fields expects
        payload[CUSTOM] = custom
    for field in DATETIME_FIELDS & payload.keys():
        if payload[field] is not None:
            payload[field] = payload[field] + "Z"
    for field in USER_FIELDS:
        if payload.get(field) is None:
            payload.pop(field, None)
    return payload


def from_wire(entity: str, data: Any) -> dict[str, Any]:
    """A server record's fields, checked for shape, in canonical form."""
    if not isinstance(data, dict):
        raise ProtocolError(f"a {entity} record is not an object")
    try:
        return canonical(entity, data)
    except (TypeError, ValueError) as exc:
        raise ProtocolError(f"a {entity} record has a malformed field: {exc}") from None


# One encoder made once: json.dumps builds one per call when given options (a pulled
# record's base copy is dumped once per record).
_DUMPS = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def dumps(values: dict[str, Any]) -> str:
    return _DUMPS(values)


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
