"""Hostile input: each value is rejected with a field-named message or round-trips exactly."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.validation import LABELS, validate_beneficiary, validate_case_session
from desktop.errors import ValidationError

HOSTILE_TEXT = [
    "مريم الحداد",  # right-to-left
    "\u202eevil\u202c",  # bidi override characters (format chars, kept as typed)
    "Zoë 👩🏽‍⚕️ 🇺🇦",
    "Robert'); DROP TABLE beneficiaries;--",
    "<script>alert(1)</script>",
    '" OR 1=1 -- *',
    "名前",
    "x" * 100,
]


@pytest.fixture
def cara(office):
    return office.services("cara")


@pytest.mark.parametrize("value", HOSTILE_TEXT)
def test_hostile_names_round_trip_byte_identical(cara, value):
    created = cara.beneficiaries.create({"first_name": value, "last_name": value, "notes": value})
    stored = cara.beneficiaries.get(created.id)
    expected = unicodedata.normalize("NFC", value).strip()
    assert stored.first_name.encode() == expected.encode()
    assert stored.notes.encode() == expected.encode()


@pytest.mark.parametrize(
    ("values", "field", "fragment"),
    [
        ({"first_name": "A\x00B", "last_name": "C"}, "first_name", "control character"),
        ({"first_name": "", "last_name": "C"}, "first_name", "required"),
        ({"first_name": "   ", "last_name": "C"}, "first_name", "required"),
        ({"first_name": "A", "last_name": "x" * 101}, "last_name", "at most 100"),
        ({"first_name": "A", "last_name": "B", "notes": "n" * 100_000}, "notes", "at most 20,000"),
        (
            {"first_name": "A", "last_name": "B", "date_of_birth": "2024-02-30"},
            "date_of_birth",
            "valid date",
        ),
        (
            {"first_name": "A", "last_name": "B", "date_of_birth": "2999-01-01"},
            "date_of_birth",
            "future",
        ),
        (
            {"first_name": "A", "last_name": "B", "date_of_birth": "1850-01-01"},
            "date_of_birth",
            "plausible",
        ),
        ({"first_name": "A", "last_name": "B", "email": "a@b"}, "email", "valid address"),
        ({"first_name": "A", "last_name": "B", "phone": "call me"}, "phone", "digits"),
        ({"first_name": "A", "last_name": "B", "gender": "x'; --"}, "gender", "one of"),
        ({"first_name": "A", "last_name": "B", "status": "archived"}, "status", "one of"),
        ({"first_name": "A", "last_name": "B", "case_number": "X"}, "case_number", "not a field"),
        ({"first_name": 5, "last_name": "B"}, "first_name", "text"),
    ],
)
def test_bad_beneficiary_fields_are_named(cara, values, field, fragment):
    with pytest.raises(ValidationError) as error:
        cara.beneficiaries.create(values)
    assert field in error.value.errors
    assert fragment in error.value.errors[field]
    assert cara.beneficiaries.count_visible() == 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"starts_at": "2026-13-01T10:00"}, "starts_at"),
        ({"starts_at": None}, "starts_at"),
        ({"starts_at": datetime(1899, 12, 31)}, "starts_at"),
        ({"starts_at": datetime(2026, 1, 1), "duration_minutes": 0}, "duration_minutes"),
        ({"starts_at": datetime(2026, 1, 1), "duration_minutes": 10_000}, "duration_minutes"),
        ({"starts_at": datetime(2026, 1, 1), "duration_minutes": "abc"}, "duration_minutes"),
        ({"starts_at": datetime(2026, 1, 1), "kind": "telepathy"}, "kind"),
        ({"starts_at": datetime(2026, 1, 1), "summary": "s" * 20_001}, "summary"),
        ({"starts_at": datetime(2026, 1, 1), "location": "a\x07b"}, "location"),
    ],
)
def test_bad_session_fields_are_named(values, field):
    with pytest.raises(ValidationError) as error:
        validate_case_session(values)
    assert field in error.value.errors
    assert error.value.errors[field].startswith(LABELS[field])


def test_every_message_starts_with_the_field_label():
    with pytest.raises(ValidationError) as error:
        validate_beneficiary({"first_name": "", "last_name": "", "email": "x", "phone": "y"})
    for field, message in error.value.errors.items():
        assert message.startswith(LABELS[field]), (field, message)


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=120)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=names, last=names, notes=st.text(max_size=300))
def test_fuzzed_text_is_rejected_or_kept_exactly(first, last, notes):
    values = {"first_name": first, "last_name": last, "notes": notes}
    try:
        cleaned = validate_beneficiary(values)
    except ValidationError as exc:
        assert set(exc.errors) <= {"first_name", "last_name", "notes"}
        for field, message in exc.errors.items():
            assert message.startswith(LABELS[field])
        return
    for field in ("first_name", "last_name"):
        assert cleaned[field] == unicodedata.normalize("NFC", values[field]).strip()
        assert 1 <= len(cleaned[field]) <= 100
    assert "\x00" not in cleaned["notes"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=60))
def test_fuzzed_values_round_trip_through_the_database(cara, text):
    try:
        validate_beneficiary({"first_name": text, "last_name": "Fuzz"})
    except ValidationError:
        return
    created = cara.beneficiaries.create({"first_name": text, "last_name": "Fuzz", "notes": text})
    again = cara.beneficiaries.get(created.id)
    assert again.first_name == unicodedata.normalize("NFC", text).strip() == again.notes


def test_dates_accept_iso_strings_and_date_objects():
    cleaned = validate_beneficiary(
        {"first_name": "A", "last_name": "B", "date_of_birth": "2001-03-04"}
    )
    assert cleaned["date_of_birth"] == date(2001, 3, 4)
