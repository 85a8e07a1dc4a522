"""The desktop's rules agree with server/openapi.yaml, read as a file (the contract).

The desktop never imports the server: the OpenAPI document is what both sides are held
to. Every field the desktop syncs is checked: its bound, its choices, and whether it must
be given.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.domain import validation
from desktop.domain.enums import (
    BeneficiaryStatus,
    ClosureReason,
    Gender,
    SessionKind,
    SessionStatus,
)
from desktop.errors import ValidationError
from desktop.sync import wire

DOCUMENT = Path(__file__).resolve().parents[2] / "server" / "openapi.yaml"
ENUMS = {
    ("beneficiary", "gender"): Gender,
    ("beneficiary", "status"): BeneficiaryStatus,
    ("beneficiary", "closure_reason"): ClosureReason,
    ("case_session", "kind"): SessionKind,
    ("case_session", "status"): SessionStatus,
}
SCHEMAS = {"beneficiary": "BeneficiaryFields", "case_session": "CaseSessionFields"}
CREATE = {"beneficiary": "BeneficiaryInput", "case_session": "CaseSessionCreate"}
# Links the desktop fills itself (the record's owner, a session's parent), not form fields.
LINKS = {"caseworker_id", "beneficiary_id"}


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    return yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))["components"]["schemas"]


def _fields(entity: str) -> tuple[str, ...]:
    return wire.BENEFICIARY_FIELDS if entity == "beneficiary" else wire.CASE_SESSION_FIELDS


@pytest.mark.parametrize("entity", ["beneficiary", "case_session"])
def test_same_fields_and_bounds(schemas, entity):
    properties = schemas[SCHEMAS[entity]]["properties"]
    assert set(_fields(entity)) <= set(properties)
    for name in _fields(entity):
        stated = properties[name]
        assert validation.MAX_LENGTHS.get(name) == stated.get("maxLength"), name
        enum = ENUMS.get((entity, name))
        assert ([m.value for m in enum] if enum else None) == stated.get("enum"), name
    duration = properties["duration_minutes"] if entity == "case_session" else None
    if duration is not None:
        assert (duration["minimum"], duration["maximum"]) == (
            validation.SESSION_MIN_MINUTES,
            validation.SESSION_MAX_MINUTES,
        )


def test_same_oldest_year(schemas):
    years = re.compile(schemas["BeneficiaryFields"]["properties"]["date_of_birth"]["pattern"])
    for oldest in (validation.OLDEST_BIRTH_YEAR, validation.OLDEST_SESSION_YEAR):
        assert years.match(f"{oldest}-01-01") and not years.match(f"{oldest - 1}-12-31")
    assert (
        schemas["CaseSessionFields"]["properties"]["starts_at"]["pattern"]
        == schemas["BeneficiaryFields"]["properties"]["date_of_birth"]["pattern"]
    )


def _minimal(entity: str) -> dict[str, Any]:
    if entity == "beneficiary":
        return {"first_name": "Amal", "last_name": "Haddad"}
    return {"starts_at": datetime(2024, 5, 1, 9, 30), "kind": "office"}


@pytest.mark.parametrize("entity", ["beneficiary", "case_session"])
def test_same_required_fields(schemas, entity):
    """A field the server requires on create the desktop requires too, and the other way."""
    validate = (
        validation.validate_beneficiary
        if entity == "beneficiary"
        else validation.validate_case_session
    )
    required = {r for part in schemas[CREATE[entity]]["allOf"] for r in part.get("required", [])}
    validate(_minimal(entity))
    desktop_required = set()
    for name in _fields(entity):
        if name in LINKS or name == "case_number":
            continue
        without = {key: value for key, value in _minimal(entity).items() if key != name}
        try:
            cleaned = validate(without)
        except ValidationError as exc:
            assert set(exc.errors) == {name}
            desktop_required.add(name)
            continue
        if name in required:
            # The desktop fills a value the server would want sent (the form's default);
            # what the wire sends is never empty.
            assert cleaned[name] not in (None, ""), name
    assert desktop_required <= required
    assert required - LINKS - desktop_required <= {"kind"}


def test_consent_date_needs_consent_on_both_sides(schemas):
    refused = schemas["BeneficiaryFields"]["not"]
    assert refused["required"] == ["consent_date", "consent_given"]
    with pytest.raises(ValidationError) as error:
        validation.validate_beneficiary(
            {**_minimal("beneficiary"), "consent_date": date(2024, 1, 1), "consent_given": False}
        )
    assert set(error.value.errors) == {"consent_date"}


def test_same_email_rule(schemas):
    pattern = re.compile(schemas["BeneficiaryFields"]["properties"]["email"]["pattern"])
    for email in ("a@b.org", "a@b", "a b@c.org", "a@@b.org", "@b.org", "a@b.", "ab"):
        server_ok = bool(pattern.search(email))
        try:
            validation.validate_beneficiary({**_minimal("beneficiary"), "email": email})
            desktop_ok = True
        except ValidationError:
            desktop_ok = False
        assert desktop_ok == server_ok, email
