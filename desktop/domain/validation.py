"""Validation of what a caseworker types: every rule names its field.

Text is trimmed and NFC-normalised, so what is stored round-trips byte-identical on
every later read. Control characters are refused (NUL would truncate C strings down
the line); newlines and tabs are allowed only in the long free-text fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.errors import ValidationError

from .enums import BeneficiaryStatus, ClosureReason, Gender, SessionKind, SessionStatus
from .problems import Problem
from .schema import CLOSURE_NOTE_MAX

NAME_MAX = 100
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 20_000
OLDEST_BIRTH_YEAR = 1900
# As the server: sessions from paper files of the 1990s and before are kept (server/openapi.yaml).
OLDEST_SESSION_YEAR = 1900
SESSION_MIN_MINUTES = 1
SESSION_MAX_MINUTES = 12 * 60

# The longest value of each text field, as the server's (tests/desktop/test_contract.py).
MAX_LENGTHS = {
    "case_number": 50,
    "first_name": NAME_MAX,
    "last_name": NAME_MAX,
    "phone": 50,
    "email": 254,
    "address": 500,
    "preferred_language": 50,
    "notes": LONG_TEXT_MAX,
    "closure_note": CLOSURE_NOTE_MAX,
    "location": SHORT_TEXT_MAX,
    "summary": LONG_TEXT_MAX,
    "outcome": LONG_TEXT_MAX,
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_NOT_DIGIT = re.compile(r"\D")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_USERNAME = re.compile(r"^[\w.@-]{2,64}$")
# Unicode category Cc: C0 controls, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_EXCEPT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "date_of_birth": "Date of birth",
    "gender": "Gender",
    "phone": "Phone",
    "email": "Email",
    "address": "Address",
    "preferred_language": "Preferred language",
    "status": "Status",
    "closure_reason": "Closure reason",
    "closure_note": "Closure note",
    "consent_given": "Consent",
    "consent_date": "Consent date",
    "notes": "Notes",
    "caseworker_id": "Caseworker",
    "starts_at": "Start",
    "duration_minutes": "Duration",
    "kind": "Kind",
    "location": "Location",
    "summary": "Summary",
    "outcome": "Outcome",
    "follow_up_on": "Follow-up date",
    "username": "Username",
    "display_name": "Display name",
    "role": "Role",
    "password": "Password",
}

BENEFICIARY_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "gender",
    "phone",
    "email",
    "address",
    "preferred_language",
    "status",
    "closure_reason",
    "closure_note",
    "consent_given",
    "consent_date",
    "notes",
)
CASE_SESSION_FIELDS = (
    "starts_at",
    "duration_minutes",
    "kind",
    "location",
    "status",
    "summary",
    "outcome",
    "follow_up_on",
)
# Personal data about the beneficiary: what an erasure clears (a deleted record, or one
# that left this laptop's caseload, keeps only what sync needs to recognise it).
BENEFICIARY_PERSONAL_FIELDS = tuple(
    name for name in BENEFICIARY_FIELDS if name not in ("status", "closure_reason")
)
CASE_SESSION_PERSONAL_FIELDS = ("location", "summary", "outcome")
# The rules over two fields: the field a message names, and the fields the rule also
# reads. An edit of any of them checks the rule again, even if the named one is untouched.
# Rules about a change, not about what is stored: a case closed before closing asked why
# has no reason and is not flagged for it (services/record_checks.py); closing it, or
# creating it closed, is refused without one.
CHANGE_ONLY_PROBLEMS = frozenset({"closure_reason_required"})
CROSS_FIELD_RULES = {
    "consent_date": ("consent_given",),
    # A closed case says why; "other" says it in the note.
    "closure_reason": ("status",),
    "closure_note": ("closure_reason",),
    "status": ("starts_at",),
    "follow_up_on": ("starts_at",),
}


class _Collector:
    """Gathers one message per bad field, so a form can show them all at once."""

    def __init__(self, left_alone: Collection[str] = ()) -> None:
        self.errors: dict[str, Problem] = {}
        # Fields an edit did not touch: a stored value that breaks a rule is not refused.
        self.left_alone = left_alone

    def fail(self, name: str, code: str, **params: Any) -> None:
        if name not in self.left_alone:
            self.errors.setdefault(name, Problem(code, name, params))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def clean_text(
    check: _Collector,
    name: str,
    value: Any,
    *,
    required: bool = False,
    max_length: int = SHORT_TEXT_MAX,
    multiline: bool = False,
) -> str:
    if value is None or value == "":  # most optional fields (the bulk import's hot path)
        if required:
            check.fail(name, "required")
        return ""
    if not isinstance(value, str):
        check.fail(name, "not_text")
        return ""
    # ASCII is already in NFC; normalising it would only copy it.
    text = (value if value.isascii() else unicodedata.normalize("NFC", value)).strip()
    if multiline:
        text = text.replace("\r\n", "\n")
    if (_CONTROL_EXCEPT_LINES if multiline else _CONTROL).search(text):
        check.fail(name, "control_character")
        return text
    if required and not text:
        check.fail(name, "required")
    elif len(text) > max_length:
        check.fail(name, "too_long", max=max_length, length=len(text))
    return text


def clean_enum(
    check: _Collector, name: str, value: Any, enum: type[StrEnum], *, required: bool = True
) -> Any:
    if value is None or value == "":
        if required:
            check.fail(name, "required")
        return None
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        check.fail(name, "not_a_choice", choices=choices)
        return None


def clean_date(check: _Collector, name: str, value: Any, *, required: bool = False) -> date | None:
    if value is None or value == "":
        if required:
            check.fail(name, "required")
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            check.fail(name, "not_a_date")
            return None
    check.fail(name, "not_a_date")
    return None


def clean_datetime(
    check: _Collector, name: str, value: Any, *, required: bool = False
) -> datetime | None:
    """Accepts aware or naive (taken as UTC) datetimes or ISO strings; returns naive UTC."""
    if value is None or value == "":
        if required:
            check.fail(name, "required")
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            check.fail(name, "not_a_datetime")
            return None
    if not isinstance(value, datetime):
        check.fail(name, "not_a_datetime")
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def clean_bool(check: _Collector, name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1, None):
        return bool(value)
    check.fail(name, "not_yes_no")
    return False


def clean_int(check: _Collector, name: str, value: Any, low: int, high: int) -> int | None:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        check.fail(name, "not_whole_number")
        return None
    if not low <= value <= high:
        check.fail(name, "out_of_range", low=low, high=high)
        return None
    return value


def _unknown_fields(check: _Collector, values: Mapping[str, Any], known: tuple[str, ...]) -> None:
    for name in values:
        if name not in known:
            check.fail(name, "unknown_field")


def validate_beneficiary(
    values: Mapping[str, Any], *, today: date | None = None, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a complete set of beneficiary fields; returns them cleaned.

    Problems of the ``left_alone`` fields are not reported (their cleaned value is then
    not to be used): an edit keeps what it did not touch (services/record_checks.py).
    """
    today = today or date.today()
    check = _Collector(left_alone)
    _unknown_fields(check, values, BENEFICIARY_FIELDS)
    get = values.get
    cleaned: dict[str, Any] = {
        "first_name": clean_text(
            check, "first_name", get("first_name"), required=True, max_length=NAME_MAX
        ),
        "last_name": clean_text(
            check, "last_name", get("last_name"), required=True, max_length=NAME_MAX
        ),
        "date_of_birth": clean_date(check, "date_of_birth", get("date_of_birth")),
        "gender": clean_enum(check, "gender", get("gender"), Gender, required=False),
        "phone": clean_text(check, "phone", get("phone"), max_length=MAX_LENGTHS["phone"]),
        "email": clean_text(check, "email", get("email"), max_length=MAX_LENGTHS["email"]),
        "address": clean_text(
            check, "address", get("address"), max_length=MAX_LENGTHS["address"], multiline=True
        ),
        "preferred_language": clean_text(
            check,
            "preferred_language",
            get("preferred_language"),
            max_length=MAX_LENGTHS["preferred_language"],
        ),
        "status": clean_enum(
            check, "status", get("status") or BeneficiaryStatus.ACTIVE, BeneficiaryStatus
        ),
        "closure_reason": clean_enum(
            check, "closure_reason", get("closure_reason"), ClosureReason, required=False
        ),
        "closure_note": clean_text(
            check,
            "closure_note",
            get("closure_note"),
            max_length=CLOSURE_NOTE_MAX,
            multiline=True,
        ),
        "consent_given": clean_bool(check, "consent_given", get("consent_given", False)),
        "consent_date": clean_date(check, "consent_date", get("consent_date")),
        "notes": clean_text(check, "notes", get("notes"), max_length=LONG_TEXT_MAX, multiline=True),
    }
    birth = cleaned["date_of_birth"]
    if birth is not None:
        if birth > today:
            check.fail("date_of_birth", "in_future")
        elif birth.year < OLDEST_BIRTH_YEAR or (today - birth) > timedelta(days=366 * 125):
            check.fail("date_of_birth", "birth_too_old", years=125)
    phone = cleaned["phone"]
    if phone and (not _PHONE.match(phone) or not 6 <= len(_NOT_DIGIT.sub("", phone)) <= 17):
        check.fail("phone", "phone_format", min=6, max=17)
    email = cleaned["email"]
    if email and not _EMAIL.match(email):
        check.fail("email", "email_format")
    language = cleaned["preferred_language"]
    if (
        language
        and not _LANGUAGE.match(language)
        and not all(ch.isalpha() or ch == " " for ch in language)
    ):
        check.fail("preferred_language", "language_format")
    _closure_rules(check, cleaned["status"], cleaned["closure_reason"], cleaned["closure_note"])
    consent_date = cleaned["consent_date"]
    if consent_date is not None:
        if not cleaned["consent_given"]:
            check.fail("consent_date", "consent_date_without_consent")
        elif consent_date > today:
            check.fail("consent_date", "in_future")
    check.raise_if_any()
    return cleaned


def _closure_rules(check: _Collector, status: Any, reason: ClosureReason | None, note: str) -> None:
    if status is BeneficiaryStatus.CLOSED and reason is None:
        check.fail("closure_reason", "closure_reason_required")
    if reason is ClosureReason.OTHER and not note:
        check.fail("closure_note", "closure_note_required")


def closure_problems(reason: Any, note: Any) -> dict[str, Problem]:
    """What is wrong with closing a case for ``reason`` with ``note`` (empty: nothing).

    The close dialog asks this as the person types; closing checks the same rules.
    """
    check = _Collector()
    cleaned_reason = clean_enum(check, "closure_reason", reason, ClosureReason, required=False)
    cleaned_note = clean_text(
        check, "closure_note", note, max_length=CLOSURE_NOTE_MAX, multiline=True
    )
    _closure_rules(check, BeneficiaryStatus.CLOSED, cleaned_reason, cleaned_note)
    return check.errors


def validate_case_session(
    values: Mapping[str, Any], *, now: datetime | None = None, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a complete set of session fields; returns them cleaned (``starts_at`` naive UTC).

    ``left_alone`` as for validate_beneficiary.
    """
    now = now or datetime.now(UTC).replace(tzinfo=None)
    check = _Collector(left_alone)
    _unknown_fields(check, values, CASE_SESSION_FIELDS)
    get = values.get
    cleaned: dict[str, Any] = {
        "starts_at": clean_datetime(check, "starts_at", get("starts_at"), required=True),
        "duration_minutes": clean_int(
            check,
            "duration_minutes",
            get("duration_minutes", 60),
            SESSION_MIN_MINUTES,
            SESSION_MAX_MINUTES,
        ),
        "kind": clean_enum(check, "kind", get("kind") or SessionKind.OFFICE, SessionKind),
        "location": clean_text(check, "location", get("location")),
        "status": clean_enum(
            check, "status", get("status") or SessionStatus.PLANNED, SessionStatus
        ),
        "summary": clean_text(
            check, "summary", get("summary"), max_length=LONG_TEXT_MAX, multiline=True
        ),
        "outcome": clean_text(
            check, "outcome", get("outcome"), max_length=LONG_TEXT_MAX, multiline=True
        ),
        "follow_up_on": clean_date(check, "follow_up_on", get("follow_up_on")),
    }
    starts_at = cleaned["starts_at"]
    if starts_at is not None:
        if starts_at.year < OLDEST_SESSION_YEAR or starts_at > now + timedelta(days=5 * 366):
            check.fail(
                "starts_at", "start_implausible", first_year=str(OLDEST_SESSION_YEAR), years=5
            )
        elif cleaned["status"] in (
            SessionStatus.DONE,
            SessionStatus.NO_SHOW,
        ) and starts_at > now + timedelta(hours=12):
            check.fail("status", "done_before_start")
        follow_up = cleaned["follow_up_on"]
        if follow_up is not None and follow_up < starts_at.date():
            check.fail("follow_up_on", "follow_up_before_session")
    check.raise_if_any()
    return cleaned


def clean_username(value: Any) -> str:
    check = _Collector()
    text = clean_text(check, "username", value, required=True, max_length=64)
    if not check.errors and not _USERNAME.match(text):
        check.fail("username", "username_format", min=2, max=64)
    check.raise_if_any()
    return text


def username_key(username: str) -> str:
    """The case-insensitive identity of a username (Unicode-aware, unlike NOCASE)."""
    return unicodedata.normalize("NFC", username.strip()).casefold()


def clean_display_name(value: Any, fallback: str) -> str:
    check = _Collector()
    text = clean_text(check, "display_name", value, max_length=NAME_MAX)
    check.raise_if_any()
    return text or fallback
