"""Validation of what a caseworker types: every rule names its field.

Text is trimmed and NFC-normalised, so what is stored round-trips byte-identical on
every later read. Control characters are refused (NUL would truncate C strings down
the line); newlines and tabs are allowed only in the long free-text fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from . import schema
from .enums import BeneficiaryStatus, ClosureReason, Entity, SessionStatus
from .errors import ValidationError
from .problems import Problem
from .schema import LONG_TEXT_MAX as LONG_TEXT_MAX
from .schema import NAME_MAX, SHORT_TEXT_MAX, Field, Format, Kind

OLDEST_BIRTH_YEAR = 1900
# As the server: sessions from paper files of the 1990s and before are kept (server/openapi.yaml).
OLDEST_SESSION_YEAR = 1900


def _bounds(field: Field) -> tuple[int, int]:
    if field.minimum is None or field.maximum is None:
        raise ValueError(f"the whole-number field {field.name} declares no bounds")
    return field.minimum, field.maximum


SESSION_MIN_MINUTES, SESSION_MAX_MINUTES = _bounds(
    schema.BY_NAME[Entity.CASE_SESSION]["duration_minutes"]
)

_EVERY_FIELD = (
    *schema.BENEFICIARY,
    *schema.CASE_SESSION,
    *schema.TASK,
    *schema.HOUSEHOLD_LINK,
    *schema.REFERRAL,
    *schema.TRANSFER,
)
# The longest value of each text field, as the server's (tests/desktop/test_contract.py).
MAX_LENGTHS: dict[str, int] = {
    f.name: f.max_length for f in _EVERY_FIELD if f.max_length is not None
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_NOT_DIGIT = re.compile(r"\D")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_USERNAME = re.compile(r"^[\w.@-]{2,64}$")
# Unicode category Cc: C0 controls, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_EXCEPT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# The fields of a user account (not records: no schema of their own).
ACCOUNT_LABELS = {
    "username": "Username",
    "display_name": "Display name",
    "role": "Role",
    "password": "Password",
}
# Every field's English label; a name both records have (status, caseworker_id) has one.
LABELS: dict[str, str] = {
    **{f.name: f.label for f in schema.HOUSEHOLD_LINK},
    **{f.name: f.label for f in schema.REFERRAL},
    **{f.name: f.label for f in schema.TRANSFER},
    **{f.name: f.label for f in schema.TASK},
    **{f.name: f.label for f in schema.CASE_SESSION},
    **{f.name: f.label for f in schema.BENEFICIARY},
    **ACCOUNT_LABELS,
}

# The fields a person edits (the rest are assigned: case number, owner, links).
BENEFICIARY_FIELDS = schema.names(schema.BENEFICIARY, editable=True)
CASE_SESSION_FIELDS = schema.names(schema.CASE_SESSION, editable=True)
TASK_FIELDS = schema.names(schema.TASK, editable=True)
HOUSEHOLD_LINK_FIELDS = schema.names(schema.HOUSEHOLD_LINK, editable=True)
REFERRAL_FIELDS = schema.names(schema.REFERRAL, editable=True)
TRANSFER_FIELDS = schema.names(schema.TRANSFER, editable=True)
# Personal data about the beneficiary: what an erasure clears (a deleted record, or one
# that left this laptop's caseload, keeps only what sync needs to recognise it).
BENEFICIARY_PERSONAL_FIELDS = schema.names(schema.BENEFICIARY, personal=True)
CASE_SESSION_PERSONAL_FIELDS = schema.names(schema.CASE_SESSION, personal=True)
# The rules over two fields: the field a message names, and the fields the rule also
# reads. An edit of any of them checks the rule again, even if the named one is untouched.
CROSS_FIELD_RULES = {
    "consent_date": ("consent_given",),
    "status": ("starts_at",),
    "follow_up_on": ("starts_at",),
    # A closed case says why; "other" says it in the note.
    "closure_reason": ("status",),
    "closure_note": ("closure_reason",),
}
# Rules about a change, not about what is stored: a case closed before closing asked why
# has no reason and is not flagged for it (services/record_checks.py); closing it, or
# creating it closed, is refused without one.
CHANGE_ONLY_PROBLEMS = frozenset({"closure_reason_required"})


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


# One field's rule with its declaration bound in: (collector, given value) -> cleaned value.
# Made once per field at import, so that checking a record (the bulk import's hot path)
# is one call per field, as when the rules were written out by hand.
Rule = Callable[[_Collector, Any], Any]


def text_rule(name: str, required: bool, max_length: int, multiline: bool = False) -> Rule:
    control = _CONTROL_EXCEPT_LINES if multiline else _CONTROL

    def clean(check: _Collector, value: Any) -> str:
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
        if control.search(text):
            check.fail(name, "control_character")
            return text
        if required and not text:
            check.fail(name, "required")
        elif len(text) > max_length:
            check.fail(name, "too_long", max=max_length, length=len(text))
        return text

    return clean


def choice_rule(name: str, enum: type[StrEnum], required: bool, default: Any = None) -> Rule:
    # Looked up by text first (what a form, a file or the server gives): one dictionary
    # get, where ``enum(value)`` costs a call through the enum machinery per value.
    members = {member.value: member for member in enum}
    choices = ", ".join(members)

    def clean(check: _Collector, value: Any) -> Any:
        if default is not None and not value:
            value = default  # an empty choice (the form's blank entry, an empty cell)
        if value is None or value == "":
            if required:
                check.fail(name, "required")
            return None
        if type(value) is str and value in members:
            return members[value]
        if isinstance(value, enum):  # a declared default
            return value
        try:
            return enum(value)
        except ValueError:
            check.fail(name, "not_a_choice", choices=choices)
            return None

    return clean


def date_rule(name: str, required: bool) -> Rule:
    def clean(check: _Collector, value: Any) -> date | None:
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

    return clean


def datetime_rule(name: str, required: bool) -> Rule:
    """Accepts aware or naive (taken as UTC) datetimes or ISO strings; returns naive UTC."""

    def clean(check: _Collector, value: Any) -> datetime | None:
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

    return clean


def yes_no_rule(name: str) -> Rule:
    def clean(check: _Collector, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if value in (0, 1, None):
            return bool(value)
        check.fail(name, "not_yes_no")
        return False

    return clean


def integer_rule(name: str, low: int, high: int) -> Rule:
    def clean(check: _Collector, value: Any) -> int | None:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            check.fail(name, "not_whole_number")
            return None
        if not low <= value <= high:
            check.fail(name, "out_of_range", low=low, high=high)
            return None
        return value

    return clean


def clean_text(
    check: _Collector,
    name: str,
    value: Any,
    *,
    required: bool = False,
    max_length: int = SHORT_TEXT_MAX,
    multiline: bool = False,
) -> str:
    """One text value outside a record (a username, a display name)."""
    return text_rule(name, required, max_length, multiline)(check, value)


def _unknown_fields(check: _Collector, values: Mapping[str, Any], known: Collection[str]) -> None:
    for name in values:
        if name not in known:
            check.fail(name, "unknown_field")


def field_rule(field: Field) -> Rule:
    """The rule of one declared field: its kind, bounds, required, default and choices."""
    name, required = field.name, field.required
    kind = field.kind
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        return text_rule(name, required, field.max_length or SHORT_TEXT_MAX, field.multiline)
    if kind is Kind.DATE:
        return date_rule(name, required)
    if kind is Kind.DATETIME:
        return datetime_rule(name, required)
    if kind is Kind.INTEGER:
        return integer_rule(name, *_bounds(field))
    if kind is Kind.CHOICE:
        if field.choices is None:
            raise ValueError(f"the choice field {name} declares no choices")
        return choice_rule(name, field.choices, required, field.default)
    if kind is Kind.YES_NO:
        return yes_no_rule(name)
    raise ValueError(f"no rule for a person to edit the {kind.value} field {name}")


# (name, what a missing key means, rule): integers and yes/no take their declared default
# when the key is absent (a given None is not a number); choices when empty (choice_rule).
Step = tuple[str, Any, Rule]


def cleaning_plan(fields: tuple[Field, ...]) -> tuple[Step, ...]:
    """The steps of the fields a person edits, in declared order."""
    return tuple(
        (
            field.name,
            field.default if field.kind in (Kind.INTEGER, Kind.YES_NO) else None,
            field_rule(field),
        )
        for field in fields
        if field.editable
    )


def _clean_fields(
    check: _Collector, values: Mapping[str, Any], plan: tuple[Step, ...]
) -> dict[str, Any]:
    get = values.get
    return {name: clean(check, get(name, missing)) for name, missing, clean in plan}


# -- the shape of a text value (Field.format) ------------------------------------------


def _phone_format(check: _Collector, name: str, phone: str) -> None:
    if not _PHONE.match(phone) or not 6 <= len(_NOT_DIGIT.sub("", phone)) <= 17:
        check.fail(name, "phone_format", min=6, max=17)


def _email_format(check: _Collector, name: str, email: str) -> None:
    if not _EMAIL.match(email):
        check.fail(name, "email_format")


def _language_format(check: _Collector, name: str, language: str) -> None:
    # A code (ar, fr-CA) or a name in words (Swahili, Sign language).
    if not _LANGUAGE.match(language) and not all(ch.isalpha() or ch == " " for ch in language):
        check.fail(name, "language_format")


FormatRule = Callable[[_Collector, str, str], None]
FORMAT_RULES: dict[Format, FormatRule] = {
    Format.PHONE: _phone_format,
    Format.EMAIL: _email_format,
    Format.LANGUAGE: _language_format,
}


def format_plan(fields: tuple[Field, ...]) -> tuple[tuple[str, FormatRule], ...]:
    """The shape rules of the fields a person edits that declare a format."""
    return tuple(
        (field.name, FORMAT_RULES[field.format])
        for field in fields
        if field.editable and field.format is not None
    )


def _check_formats(
    check: _Collector, cleaned: Mapping[str, Any], plan: tuple[tuple[str, FormatRule], ...]
) -> None:
    for name, rule in plan:
        value = cleaned[name]
        if value:  # an empty optional value has no shape to check
            rule(check, name, value)


_BENEFICIARY_PLAN = cleaning_plan(schema.BENEFICIARY)
_BENEFICIARY_FORMATS = format_plan(schema.BENEFICIARY)
_BENEFICIARY_KNOWN = frozenset(BENEFICIARY_FIELDS)
_CASE_SESSION_PLAN = cleaning_plan(schema.CASE_SESSION)
_CASE_SESSION_FORMATS = format_plan(schema.CASE_SESSION)
_CASE_SESSION_KNOWN = frozenset(CASE_SESSION_FIELDS)


def clean_declared(
    fields: tuple[Field, ...], values: Mapping[str, Any], *, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks values against any declaration by its fields' own rules (kind, bounds,
    required, default, choices, format), without a record's rules over two fields."""
    check = _Collector(left_alone)
    _unknown_fields(check, values, frozenset(f.name for f in fields if f.editable))
    cleaned = _clean_fields(check, values, cleaning_plan(fields))
    _check_formats(check, cleaned, format_plan(fields))
    check.raise_if_any()
    return cleaned


# -- plausibility and the rules over two fields ---------------------------------------


def _birth_date_plausible(check: _Collector, birth: date | None, today: date) -> None:
    if birth is None:
        return
    if birth > today:
        check.fail("date_of_birth", "in_future")
    elif birth.year < OLDEST_BIRTH_YEAR or (today - birth) > timedelta(days=366 * 125):
        check.fail("date_of_birth", "birth_too_old", years=125)


def _consent_date_needs_consent(check: _Collector, cleaned: Mapping[str, Any], today: date) -> None:
    consent_date = cleaned["consent_date"]
    if consent_date is None:
        return
    if not cleaned["consent_given"]:
        check.fail("consent_date", "consent_date_without_consent")
    elif consent_date > today:
        check.fail("consent_date", "in_future")


def _session_start_plausible(check: _Collector, starts_at: datetime, now: datetime) -> bool:
    if starts_at.year < OLDEST_SESSION_YEAR or starts_at > now + timedelta(days=5 * 366):
        check.fail("starts_at", "start_implausible", first_year=str(OLDEST_SESSION_YEAR), years=5)
        return False
    return True


def _done_not_before_start(
    check: _Collector, cleaned: Mapping[str, Any], starts_at: datetime, now: datetime
) -> None:
    if cleaned["status"] in (
        SessionStatus.DONE,
        SessionStatus.NO_SHOW,
    ) and starts_at > now + timedelta(hours=12):
        check.fail("status", "done_before_start")


def _follow_up_not_before_session(
    check: _Collector, cleaned: Mapping[str, Any], starts_at: datetime
) -> None:
    follow_up = cleaned["follow_up_on"]
    if follow_up is not None and follow_up < starts_at.date():
        check.fail("follow_up_on", "follow_up_before_session")


def _closure_rules(check: _Collector, status: Any, reason: ClosureReason | None, note: str) -> None:
    if status is BeneficiaryStatus.CLOSED and reason is None:
        check.fail("closure_reason", "closure_reason_required")
    if reason is ClosureReason.OTHER and not note:
        check.fail("closure_note", "closure_note_required")


_CLOSURE_REASON = field_rule(schema.BY_NAME[Entity.BENEFICIARY]["closure_reason"])
_CLOSURE_NOTE = field_rule(schema.BY_NAME[Entity.BENEFICIARY]["closure_note"])


def closure_problems(reason: Any, note: Any) -> dict[str, Problem]:
    """What is wrong with closing a case for ``reason`` with ``note`` (empty: nothing).

    The close dialog asks this as the person types; closing checks the same rules.
    """
    check = _Collector()
    cleaned_reason = _CLOSURE_REASON(check, reason)
    cleaned_note = _CLOSURE_NOTE(check, note)
    _closure_rules(check, BeneficiaryStatus.CLOSED, cleaned_reason, cleaned_note)
    return check.errors


def validate_beneficiary(
    values: Mapping[str, Any], *, today: date | None = None, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a complete set of beneficiary fields; returns them cleaned.

    Problems of the ``left_alone`` fields are not reported (their cleaned value is then
    not to be used): an edit keeps what it did not touch (services/record_checks.py).
    """
    today = today or date.today()
    check = _Collector(left_alone)
    _unknown_fields(check, values, _BENEFICIARY_KNOWN)
    cleaned = _clean_fields(check, values, _BENEFICIARY_PLAN)
    _birth_date_plausible(check, cleaned["date_of_birth"], today)
    _check_formats(check, cleaned, _BENEFICIARY_FORMATS)
    _consent_date_needs_consent(check, cleaned, today)
    _closure_rules(check, cleaned["status"], cleaned["closure_reason"], cleaned["closure_note"])
    check.raise_if_any()
    return cleaned


def validate_case_session(
    values: Mapping[str, Any], *, now: datetime | None = None, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a complete set of session fields; returns them cleaned (``starts_at`` naive UTC).

    ``left_alone`` as for validate_beneficiary.
    """
    now = now or datetime.now(UTC).replace(tzinfo=None)
    check = _Collector(left_alone)
    _unknown_fields(check, values, _CASE_SESSION_KNOWN)
    cleaned = _clean_fields(check, values, _CASE_SESSION_PLAN)
    _check_formats(check, cleaned, _CASE_SESSION_FORMATS)
    starts_at = cleaned["starts_at"]
    if starts_at is not None:
        if _session_start_plausible(check, starts_at, now):
            _done_not_before_start(check, cleaned, starts_at, now)
        _follow_up_not_before_session(check, cleaned, starts_at)
    check.raise_if_any()
    return cleaned


def validate_task(values: Mapping[str, Any], *, left_alone: Collection[str] = ()) -> dict[str, Any]:
    """Checks a task's fields by their declared rules (services/tasks.py adds what closing
    one asks for: a note, a reason)."""
    return clean_declared(schema.TASK, values, left_alone=left_alone)


def validate_household_link(
    values: Mapping[str, Any], *, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a household link's fields by their declared rules (services/households.py
    keeps the one-head rule)."""
    return clean_declared(schema.HOUSEHOLD_LINK, values, left_alone=left_alone)


def validate_referral(
    values: Mapping[str, Any], *, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a referral's fields by their declared rules (services/referrals.py adds
    the consent the referral needs)."""
    return clean_declared(schema.REFERRAL, values, left_alone=left_alone)


def validate_transfer(
    values: Mapping[str, Any], *, left_alone: Collection[str] = ()
) -> dict[str, Any]:
    """Checks a transfer's fields by their declared rules (services/transfers.py adds who
    may decide, and that a decision is final)."""
    return clean_declared(schema.TRANSFER, values, left_alone=left_alone)


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
