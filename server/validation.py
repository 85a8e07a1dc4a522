"""Field rules for beneficiaries and case sessions, with messages that name the field."""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from server import schema
from server.errors import ValidationFailed
from server.schema import MAX_YEAR, MIN_YEAR, Field

ROLES = ("caseworker", "supervisor", "admin")

MAX_INT32 = 2**31 - 1
# Request bodies nest a few levels (a push: body, changes, change, data); anything far deeper
# is refused before it reaches code that recurses (json.dumps of a change's fingerprint).
MAX_JSON_DEPTH = 32

# Fields the server owns: accepted in a body (clients echo records back) but ignored.
READ_ONLY_FIELDS = frozenset(
    {"id", "version", "updated_at", "created_at", "deleted", "seq", "incomplete_fields"}
)

# ASCII digits only (`\d` would take any script's digits), matched whole (`$` would let a
# trailing newline through); server/openapi.yaml states the same shapes.
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"([Zz]|[+-][0-9]{2}:?[0-9]{2})?"
)
# Python's str.isspace set, spelled out so the document's pattern can state it in any dialect.
_SPACE = "\\x09-\\x0d\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
# A dot in the domain: an address without one is almost always a typo (`name@gmailcom`).
_EMAIL_RE = re.compile(f"[^@{_SPACE}]+@[^@{_SPACE}]+\\.[^@{_SPACE}]+")
# The same rules as server/openapi.yaml states them (server/openapi_gen.py writes them there).
NOT_BLANK_PATTERN = f"[^{_SPACE}]"
EMAIL_PATTERN = f"^({_EMAIL_RE.pattern})?$"
# The year as written, MIN_YEAR to MAX_YEAR (tests/server/test_schema_contract.py checks it).
YEAR_PATTERN = "^(19[0-9]{2}|2[01][0-9]{2}|2200)-"
_UUID_RE = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_USERNAME_RE = re.compile(r"[A-Za-z0-9._@-]{3,64}")


class FieldError(ValueError):
    """One field's problem; the message is shown to the user."""


def clean_text(value: Any) -> str:
    """A string that every database can store (no NUL, valid Unicode)."""
    if not isinstance(value, str):
        raise FieldError("must be a string")
    if "\x00" in value:
        raise FieldError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FieldError("must be valid Unicode text") from exc
    return value


def printable(text: str) -> str:
    """`text` with NUL and lone surrogates spelled out, safe to put in an answer or a log."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def json_depth(value: Any) -> int:
    """How deeply a parsed JSON value nests (a scalar is 0); iterative, so any depth is safe.

    Only containers are queued: a push's records are mostly scalars.
    """
    if not isinstance(value, dict | list):
        return 0
    deepest = 0
    pending: list[tuple[int, Any]] = [(1, value)]
    while pending:
        depth, item = pending.pop()
        if depth > deepest:
            deepest = depth
        children = item.values() if isinstance(item, dict) else item
        pending.extend((depth + 1, child) for child in children if isinstance(child, dict | list))
    return deepest


# What json.loads needs to make a string clean_text refuses: a \u0000 or surrogate escape,
# the bytes of an encoded surrogate (it decodes with "surrogatepass"), or a text that is
# not UTF-8 (a NUL byte: UTF-16 and UTF-32 have one in every ASCII character).
_UNSTORABLE_SOURCE = re.compile(rb"\\u(?:0000|[dD][89abcdefABCDEF])|\xed[\xa0-\xbf]|\x00")


def storable_json(raw: bytes) -> bool:
    """True when no string json.loads takes from `raw` (object keys included) can be one
    that clean_text refuses, so `unstorable_text` of it would find nothing.

    One scan of the request's bytes instead of a walk over every parsed value; False
    only means "look": an escaped surrogate pair or a literal "\\u0000" in a text makes
    the callers walk the values as before.
    """
    if raw.startswith((codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE)):
        return False
    if raw.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        return False
    return _UNSTORABLE_SOURCE.search(raw) is None


def unstorable_text(value: Any) -> tuple[tuple[Any, ...], str] | None:
    """The first string in a parsed JSON value, object keys included, that clean_text refuses.

    Returns (path, problem): the object keys and list indexes down to that string, and what
    is wrong with it; None when every string can be stored. A request's values reach
    lookups (ids, case numbers) before their field rules run, so this runs first.
    """
    pending: deque[tuple[tuple[Any, ...], Any]] = deque([((), value)])
    while pending:
        path, item = pending.popleft()
        if isinstance(item, str):
            try:
                clean_text(item)
            except FieldError as exc:
                return path, str(exc)
        elif isinstance(item, dict):
            for key, child in item.items():
                try:
                    clean_text(key)
                except FieldError as exc:
                    return (*path, key), f"field name {exc}"
                pending.append(((*path, key), child))
        elif isinstance(item, list):
            pending.extend(((*path, index), child) for index, child in enumerate(item))
    return None


def field_path(path: tuple[Any, ...], whole: str = "body") -> str:
    """A path from `unstorable_text` as the field name an error names ("notes", "tags.0")."""
    if not path:
        return whole
    return ".".join(printable(str(part)) for part in path)


def storable_text(value: Any) -> str:
    """clean_text for a value known to be storable if it is a string (storable_json)."""
    if not isinstance(value, str):
        raise FieldError("must be a string")
    return value


def text_field(
    max_len: int, required: bool = False, clean: Callable[[Any], str] = clean_text
) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None:
            if required:
                raise FieldError("is required")
            return None
        value = clean(value)
        if required and not value.strip():
            raise FieldError("is required")
        if len(value) > max_len:
            raise FieldError(f"must be at most {max_len} characters")
        return value

    return parse


def enum_field(choices: tuple[str, ...], nullable: bool = False) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in choices:
            raise FieldError("must be one of: " + ", ".join(choices))
        return value

    return parse


def parse_date(value: Any) -> date:
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise FieldError("must be a date as YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError as exc:
        raise FieldError("is not a real calendar date") from exc
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise FieldError(f"must be between {MIN_YEAR} and {MAX_YEAR}")
    return parsed


def date_field(nullable: bool = True, not_future: bool = False) -> Callable[[Any], date | None]:
    def parse(value: Any) -> date | None:
        if value is None:
            if nullable:
                return None
            raise FieldError("is required")
        parsed = parse_date(value)
        if not_future and parsed > datetime.now(UTC).date():
            raise FieldError("must not be in the future")
        return parsed

    return parse


def optional_datetime(value: Any) -> datetime | None:
    """A timestamp that may be absent (null)."""
    return None if value is None else parse_datetime(value)


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 timestamp, returned as naive UTC (a timestamp without zone is UTC).

    The year bounds apply to the year as written, which is what a schema can state; the
    conversion to UTC may then cross into the neighbouring year.
    """
    if value is None:
        raise FieldError("is required")
    if not isinstance(value, str) or not _DATETIME_RE.fullmatch(value):
        raise FieldError("must be an ISO 8601 date and time, e.g. 2024-05-01T09:30:00Z")
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError as exc:
        raise FieldError("is not a real date and time") from exc
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise FieldError(f"must be between {MIN_YEAR} and {MAX_YEAR}")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def parse_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError("must be true or false")
    return value


def parse_int(value: Any, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError("must be a whole number")
    if not low <= value <= high:
        raise FieldError(f"must be between {low} and {high}")
    return value


def parse_uuid(value: Any) -> str:
    """A UUID written 8-4-4-4-12 (as the document's `format: uuid`), in lowercase."""
    if not isinstance(value, str) or not _UUID_RE.fullmatch(value):
        raise FieldError("must be a UUID")
    # The pattern is the 8-4-4-4-12 form str(uuid.UUID(value)) writes, in either case.
    return value.lower()


def optional_uuid(value: Any) -> str | None:
    return None if value is None else parse_uuid(value)


def _not_blank(max_len: int, clean: Callable[[Any], str]) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value is None:
            return None
        value = clean(value)
        if not value.strip():
            raise FieldError("must not be empty")
        if len(value) > max_len:
            raise FieldError(f"must be at most {max_len} characters")
        return value

    return parse


def _email(max_len: int, clean: Callable[[Any], str]) -> Callable[[Any], str | None]:
    text = text_field(max_len, clean=clean)

    def parse(value: Any) -> str | None:
        value = text(value)
        if value and not _EMAIL_RE.fullmatch(value):
            raise FieldError("must be an email address (name@example.org)")
        return value

    return parse


def _integer(low: int, high: int) -> Callable[[Any], int]:
    return lambda value: parse_int(value, low, high)


def parse_custom(value: Any) -> dict[str, Any]:
    """The custom part's shape; its values are checked against the organisation's form
    definition when the record is written (server/records.py, server/forms.py)."""
    if not isinstance(value, dict):
        raise FieldError("must be an object of the organisation's fields")
    return dict(value)


def parser_for(f: Field, clean: Callable[[Any], str] = clean_text) -> Callable[[Any], Any]:
    """The rule of one declared field (server/schema.py).

    `clean` is what a text must pass first: clean_text, or storable_text in the rules
    for a request whose strings are all known to be storable (`*_STORABLE_FIELDS`).
    """
    if f.kind in ("text", "long_text"):
        assert f.max_length is not None
        if f.email:
            return _email(f.max_length, clean)
        if f.not_blank and not f.required:
            return _not_blank(f.max_length, clean)
        return text_field(f.max_length, required=f.required, clean=clean)
    if f.kind == "choice":
        return enum_field(f.choices, nullable=f.nullable)
    if f.kind == "date":
        return date_field(nullable=f.nullable, not_future=f.not_future)
    if f.kind == "datetime":
        return optional_datetime if f.nullable else parse_datetime
    if f.kind == "integer":
        assert f.minimum is not None and f.maximum is not None
        return _integer(f.minimum, f.maximum)
    if f.kind == "yes_no":
        return parse_bool
    if f.kind == "uuid":
        return optional_uuid if f.nullable else parse_uuid
    if f.kind == "custom":
        return parse_custom
    raise AssertionError(f"no rule for kind {f.kind}")


FieldRules = dict[str, Callable[[Any], Any]]

BENEFICIARY_FIELDS: FieldRules = {f.name: parser_for(f) for f in schema.BENEFICIARY}
BENEFICIARY_DEFAULTS = schema.defaults(schema.BENEFICIARY)
BENEFICIARY_REQUIRED = schema.required(schema.BENEFICIARY)

SESSION_FIELDS: FieldRules = {f.name: parser_for(f) for f in schema.CASE_SESSION}
SESSION_DEFAULTS = schema.defaults(schema.CASE_SESSION)
SESSION_REQUIRED = schema.required(schema.CASE_SESSION)

# The same rules for the records of a request whose every string is known to be storable
# (storable_json, a sync push): the same answers without clean_text's scan of each text
# (tests/server/test_field_rules.py holds the two sets to the same verdicts).
BENEFICIARY_STORABLE_FIELDS: FieldRules = {
    f.name: parser_for(f, storable_text) for f in schema.BENEFICIARY
}
SESSION_STORABLE_FIELDS: FieldRules = {
    f.name: parser_for(f, storable_text) for f in schema.CASE_SESSION
}


def _beneficiary_rules(values: dict[str, Any], touched: set[str], errors: dict[str, str]) -> None:
    """Rules over two fields, checked when the body changes either of them (a stored
    record that breaks one stays editable in its other fields)."""
    if (
        {"consent_date", "consent_given"} & touched
        and "consent_date" not in errors
        and values.get("consent_date") is not None
        and not values.get("consent_given")
    ):
        errors["consent_date"] = schema.CONSENT_DATE_WITHOUT_CONSENT
    if (
        {"status", "closure_reason"} & touched
        and "closure_reason" not in errors
        and values.get("status") == "closed"
        and values.get("closure_reason") is None
    ):
        errors["closure_reason"] = schema.CLOSURE_REASON_MISSING
    if (
        {"closure_reason", "closure_note"} & touched
        and "closure_note" not in errors
        and values.get("closure_reason") == "other"
        and not (values.get("closure_note") or "").strip()
    ):
        errors["closure_note"] = schema.CLOSURE_NOTE_MISSING


def merge_fields(
    data: Any,
    current: dict[str, Any] | None,
    fields: dict[str, Callable[[Any], Any]],
    defaults: dict[str, Any],
    required: tuple[str, ...],
    fixed: dict[str, Any] | None = None,
    rules: Callable[[dict[str, Any], set[str], dict[str, str]], None] | None = None,
) -> dict[str, Any]:
    """Validate `data` over `current` (or the defaults) and return the resulting values.

    Fields absent from `data` keep their current value; `fixed` values (for example a
    beneficiary id taken from the URL) win over the body. Raises ValidationFailed naming
    every bad field.
    """
    if not isinstance(data, dict):
        raise ValidationFailed({"data": "must be a JSON object"})
    errors: dict[str, str] = {}
    values = dict(current) if current is not None else dict(defaults)
    for name, raw in data.items():
        if name in READ_ONLY_FIELDS:
            continue
        parser = fields.get(name)
        if parser is None:
            errors[str(name)[:100]] = "is not a known field"
            continue
        try:
            # A fixed field's value is still checked, so a body is valid or not by its own
            # content (as the document describes it), whatever the URL says.
            values[name] = parser(raw)
        except FieldError as exc:
            errors[name] = str(exc)
    if fixed:
        values.update(fixed)
    for name in required:
        if name not in errors and values.get(name) in (None, ""):
            errors[name] = "is required"
    if rules is not None:
        base = current if current is not None else {}
        rules(values, {n for n in values if n not in base or base[n] != values[n]}, errors)
    if errors:
        raise ValidationFailed(errors)
    return values


def validate_beneficiary(
    data: Any, current: dict[str, Any] | None, *, storable: bool = False
) -> dict[str, Any]:
    """`storable`: every string of `data` is known to pass clean_text (storable_json)."""
    return merge_fields(
        data,
        current,
        BENEFICIARY_STORABLE_FIELDS if storable else BENEFICIARY_FIELDS,
        BENEFICIARY_DEFAULTS,
        BENEFICIARY_REQUIRED,
        rules=_beneficiary_rules,
    )


def validate_case_session(
    data: Any,
    current: dict[str, Any] | None,
    fixed: dict[str, Any] | None = None,
    *,
    storable: bool = False,
) -> dict[str, Any]:
    """`storable`: as for validate_beneficiary."""
    fields = SESSION_STORABLE_FIELDS if storable else SESSION_FIELDS
    return merge_fields(data, current, fields, SESSION_DEFAULTS, SESSION_REQUIRED, fixed)


def validate_username(value: Any) -> str:
    value = clean_text(value)
    if not _USERNAME_RE.fullmatch(value):
        raise FieldError("must be 3 to 64 letters, digits or . _ @ -")
    return value


def validate_password(value: Any) -> str:
    value = clean_text(value)
    if len(value) < 8:
        raise FieldError("must be at least 8 characters")
    if len(value) > 1024:
        raise FieldError("must be at most 1024 characters")
    return value
