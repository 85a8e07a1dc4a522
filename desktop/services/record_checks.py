"""This laptop's rules applied to records it did not write, and to edits of such records.

A record the server accepted (from another client, or from before the rules agreed) may
break a rule of this laptop. Pull stores it as it is and flags the fields it breaks
(``invalid_fields``, shown in the detail pane); an edit then checks what it changes and
the rules over two fields that read a changed field, never the fields left alone, so the
record stays editable and a supervisor can keep the server's value in a conflict.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from desktop.domain.enums import Entity
from desktop.domain.validation import (
    BENEFICIARY_FIELDS,
    CASE_SESSION_FIELDS,
    CHANGE_ONLY_PROBLEMS,
    CROSS_FIELD_RULES,
    HOUSEHOLD_LINK_FIELDS,
    MAX_LENGTHS,
    REFERRAL_FIELDS,
    TASK_FIELDS,
    TRANSFER_FIELDS,
    validate_beneficiary,
    validate_case_session,
    validate_household_link,
    validate_referral,
    validate_task,
    validate_transfer,
)
from desktop.errors import ValidationError

FIELDS: dict[Entity, tuple[str, ...]] = {
    Entity.BENEFICIARY: BENEFICIARY_FIELDS,
    Entity.CASE_SESSION: CASE_SESSION_FIELDS,
    Entity.TASK: TASK_FIELDS,
    Entity.HOUSEHOLD_LINK: HOUSEHOLD_LINK_FIELDS,
    Entity.REFERRAL: REFERRAL_FIELDS,
    Entity.TRANSFER: TRANSFER_FIELDS,
}
_VALIDATE: dict[Entity, Callable[..., dict[str, Any]]] = {
    Entity.BENEFICIARY: validate_beneficiary,
    Entity.CASE_SESSION: validate_case_session,
    Entity.TASK: validate_task,
    Entity.HOUSEHOLD_LINK: validate_household_link,
    Entity.REFERRAL: validate_referral,
    Entity.TRANSFER: validate_transfer,
}


def problems_of(entity: Entity, values: Mapping[str, Any]) -> list[str]:
    """The fields of a record (by name) that break a rule of this laptop, sorted."""
    case_number = values.get("case_number") if entity == Entity.BENEFICIARY else None
    return _problems(entity, {name: values.get(name) for name in FIELDS[entity]}, case_number)


def _problems(entity: Entity, fields: dict[str, Any], case_number: Any) -> list[str]:
    try:
        _VALIDATE[entity](fields)
        found: set[str] = set()
    except ValidationError as exc:
        found = {name for name, p in exc.problems.items() if p.code not in CHANGE_ONLY_PROBLEMS}
    # Not a form field (the laptop or the server makes it), but bounded all the same.
    if case_number and len(case_number) > MAX_LENGTHS["case_number"]:
        found.add("case_number")
    return sorted(found)


def flag_problems(entity: Entity, record: Any) -> None:
    """Sets ``record.invalid_fields`` from the record's values (None: no problem).

    Run on every pulled record: the fields are read from the record once.
    """
    fields = {name: getattr(record, name, None) for name in FIELDS[entity]}
    case_number = getattr(record, "case_number", None) if entity == Entity.BENEFICIARY else None
    found = _problems(entity, fields, case_number)
    record.invalid_fields = json.dumps(found) if found else None


def flagged(text: str | None) -> tuple[str, ...]:
    """The field names stored in an ``invalid_fields`` column."""
    return tuple(json.loads(text)) if text else ()


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, datetime | date):
        value = value.isoformat()
    if isinstance(value, str):
        value = value.strip()
    return None if value == "" else value


def check_edit(
    entity: Entity,
    old: Mapping[str, Any],
    changes: Mapping[str, Any],
    *,
    accepted: Collection[str] = (),
) -> dict[str, Any]:
    """The record's values after ``changes``, checked the way an edit is.

    ``old`` holds the stored values of every field. Fields whose value the edit does not
    change keep their stored value unchecked, unless a rule over two fields reads one
    that changes. Problems of the ``accepted`` fields (the server's value a supervisor
    keeps) do not refuse the edit: the value is stored as given, and flagged.
    Raises ValidationError naming only what the edit itself got wrong.
    """
    validate = _VALIDATE[entity]
    fields = FIELDS[entity]
    merged = {**old, **changes}
    touched = {name for name in changes if _plain(changes[name]) != _plain(old.get(name))}
    left_alone = {
        name
        for name in fields
        if name not in touched and not touched.intersection(CROSS_FIELD_RULES.get(name, ()))
    }
    keep_given: set[str] = set()
    try:
        cleaned = validate(merged, left_alone=left_alone)
    except ValidationError as exc:
        refused = {name: p for name, p in exc.problems.items() if name not in accepted}
        if refused:
            raise ValidationError(refused) from None
        keep_given = set(exc.errors)
        cleaned = validate(merged, left_alone=left_alone | keep_given)
    for name in left_alone:
        cleaned[name] = old.get(name)
    for name in keep_given:
        cleaned[name] = merged[name]
    return cleaned
