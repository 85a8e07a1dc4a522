"""The organisation's own fields as the server reads and checks them.

The file format is the contract (docs/forms.md, format "caseload-forms/1"); the desktop
reads it with its own code. Both sides must reach the same verdict on a definition (the
same problems, at the same `where` paths) and on a custom value (the same stored form
or the same problem code): tests/e2e/test_forms_drift.py feeds both the same input.

The server keeps of a definition only what it enforces: kinds, bounds, patterns, choice
values and the required, personal and retired flags. Labels, sections and list flags are
checked (a definition that would fail on a laptop is refused here) but not kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from server import schema

FORMAT = "caseload-forms/1"
RECORD_KINDS = ("beneficiary", "session")
KINDS = ("text", "long_text", "integer", "decimal", "date", "yes_no", "choice", "choices")
FLAGS = (
    "required",
    "personal",
    "column",
    "filter",
    "searchable",
    "identifying",
    "retired",
    "shareable",
)
# The built-in beneficiary fields a definition may mark shareable (its beneficiary part's
# "shareable" list): the person's own personal fields; the closure note is the office's.
SHAREABLE_BUILTINS: tuple[str, ...] = tuple(
    f.name for f in schema.BENEFICIARY if f.personal and f.name != "closure_note"
)
FIELD_KEYS = frozenset(
    {"key", "kind", "label", "help", "section", "minimum", "maximum", "max_length"}
    | {"pattern", "choices", *FLAGS}
)
KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,39}")
LANGUAGE_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
INTEGER_TEXT_RE = re.compile(r"\s*-?\d{1,18}\s*")
LIMITS = {"fields": 100, "choices": 200, "sections": 20, "label": 200, "help": 1000}
PATTERN_MAX = 200
TEXT_LIMITS = {"text": 200, "long_text": 4000}
DECIMAL_DIGITS = 18

# Value problem codes (the desktop's ValueProblem values), with the server's message.
VALUE_MESSAGES = {
    "required": "is required",
    "unknown_field": "is not a field of the organisation's form",
    "retired": "is a retired field: its value cannot change",
    "wrong_type": "has the wrong type for this field",
    "too_long": "is longer than this field allows",
    "too_small": "is below this field's minimum",
    "too_large": "is above this field's maximum",
    "pattern": "does not match this field's pattern",
    "not_a_choice": "is not one of this field's choices",
    "repeated_choice": "names a choice more than once",
}


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    required: bool = False
    personal: bool = False
    retired: bool = False
    minimum: Any = None
    maximum: Any = None
    max_length: int | None = None
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    shareable: bool = False  # sent with a referral (server/referrals.py)

    @property
    def length_limit(self) -> int:
        return self.max_length if self.max_length is not None else TEXT_LIMITS[self.kind]


@dataclass(frozen=True)
class Form:
    """One record kind's fields, by key, in form order."""

    fields: Mapping[str, Field]
    # The built-in fields a referral sends (beneficiaries only).
    shareable_builtins: tuple[str, ...] = ()

    @property
    def active(self) -> list[Field]:
        return [f for f in self.fields.values() if not f.retired]

    @cached_property
    def required_keys(self) -> tuple[str, ...]:
        """The active required fields' keys, in form order (asked for every record)."""
        return tuple(f.key for f in self.active if f.required)

    @property
    def shareable(self) -> list[Field]:
        """The active custom fields a referral sends."""
        return [f for f in self.active if f.shareable]


@dataclass(frozen=True)
class Forms:
    version: int
    forms: Mapping[str, Form]

    def of(self, record_kind: str) -> Form:
        return self.forms[record_kind]


EMPTY = Forms(0, {kind: Form({}) for kind in RECORD_KINDS})


def empty_document() -> dict[str, Any]:
    """What an organisation that never published has: no fields (version 0)."""
    return {
        "format": FORMAT,
        "title": "",
        "version": 0,
        "languages": ["en"],
        **{kind: {"sections": [], "fields": []} for kind in RECORD_KINDS},
    }


class DefinitionInvalid(ValueError):
    """Every problem found in a definition, each as (where, message)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{w}: {m}" for w, m in problems[:5]))
        self.problems = problems


def _show(value: Any) -> str:
    text = f'"{value}"' if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> Decimal | None:
    """A decimal value or bound: finite, at most DECIMAL_DIGITS digits."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or len(number.as_tuple().digits) > DECIMAL_DIGITS:
        return None
    return number


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


# Only a beneficiary is referred: a session's part has no "shareable" list.
_NOT_SHARED = {"beneficiary": set(), "session": {"shareable"}}

BOUND_READERS = {
    "integer": (lambda v: v if _is_int(v) else None, "a whole number"),
    "decimal": (_number, "a number"),
    "date": (_day, "a date as YYYY-MM-DD"),
}


class _Check:
    """One pass over a document, collecting problems in document order."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []
        self.languages: list[str] = []

    def say(self, where: str, message: str) -> None:
        self.problems.append((where, message))

    def only(self, obj: dict, where: str, allowed: Any) -> None:
        for name in obj:
            if name not in allowed:
                self.say(f"{where}.{name}" if where else name, "is not a known attribute")

    def key(self, value: Any, where: str) -> str | None:
        if isinstance(value, str) and KEY_RE.fullmatch(value):
            return value
        self.say(where, f"must be a key: a-z, 0-9 and _, 1-40, a letter first ({_show(value)})")
        return None

    def text(self, value: Any, where: str, *, required: bool, limit: int) -> None:
        if value is None and not required:
            return
        if isinstance(value, str) and len(self.languages) == 1:
            value = {self.languages[0]: value}
        if not isinstance(value, dict):
            self.say(where, "must map each language to its text")
            return
        for language, words in value.items():
            if language not in self.languages:
                self.say(f"{where}.{language}", "is not a language of this definition")
            elif not isinstance(words, str) or not words.strip():
                self.say(f"{where}.{language}", "must be non-empty text")
            elif len(words) > limit:
                self.say(f"{where}.{language}", f"must be at most {limit} characters")
        if required:
            for language in self.languages:
                if language not in value:
                    self.say(where, f'is missing its "{language}" text')

    def top(self, doc: Any) -> Forms | None:
        if not isinstance(doc, dict):
            self.say("", "a definition is one JSON object")
            return None
        self.only(doc, "", {"format", "title", "version", "languages", *RECORD_KINDS})
        if doc.get("format") != FORMAT:
            self.say("format", f'must be "{FORMAT}"')
        title = doc.get("title", "")
        if not isinstance(title, str) or len(title) > LIMITS["label"]:
            self.say("title", f"must be text of at most {LIMITS['label']} characters")
        version = doc.get("version", 0)
        if not _is_int(version) or version < 0:
            self.say("version", "must be a whole number from 0")
            version = 0
        languages = doc.get("languages")
        valid = isinstance(languages, list) and bool(languages)
        if valid and all(isinstance(x, str) and LANGUAGE_RE.fullmatch(x) for x in languages):
            if len(set(languages)) < len(languages):
                self.say("languages", "names a language more than once")
        else:
            self.say("languages", 'must be a list of language codes, e.g. ["en"]')
            languages = ["en"]
        self.languages = list(dict.fromkeys(languages))
        return Forms(version, {kind: self.form(doc.get(kind, {}), kind) for kind in RECORD_KINDS})

    def form(self, doc: Any, where: str) -> Form:
        if not isinstance(doc, dict):
            self.say(where, "must be an object of sections and fields")
            return Form({})
        self.only(doc, where, {"sections", "fields", "shareable"} - _NOT_SHARED[where])
        sections = self.sections(doc.get("sections", []), f"{where}.sections")
        raw = doc.get("fields", [])
        if not isinstance(raw, list):
            self.say(f"{where}.fields", "must be a list")
            raw = []
        if len(raw) > LIMITS["fields"]:
            self.say(f"{where}.fields", f"must hold at most {LIMITS['fields']} fields")
            raw = raw[: LIMITS["fields"]]
        fields: dict[str, Field] = {}
        first: dict[str, int] = {}
        for at, item in enumerate(raw):
            found = self.field(item, f"{where}.fields[{at}]", sections)
            if found is None:
                continue
            if found.key in fields:
                self.say(f"{where}.fields[{at}].key", f"repeats fields[{first[found.key]}]'s key")
                continue
            first[found.key] = at
            fields[found.key] = found
        return Form(fields, self.shareable(doc.get("shareable", []), f"{where}.shareable"))

    def shareable(self, raw: Any, where: str) -> tuple[str, ...]:
        if not isinstance(raw, list):
            self.say(where, "must be a list of built-in field names")
            return ()
        names: list[str] = []
        for at, name in enumerate(raw):
            if not isinstance(name, str) or name not in SHAREABLE_BUILTINS:
                self.say(f"{where}[{at}]", f"{_show(name)} is not a built-in field to share")
            elif name in names:
                self.say(f"{where}[{at}]", "repeats another name")
            else:
                names.append(name)
        return tuple(names)

    def sections(self, raw: Any, where: str) -> set[str]:
        if not isinstance(raw, list):
            self.say(where, "must be a list")
            return set()
        if len(raw) > LIMITS["sections"]:
            self.say(where, f"must hold at most {LIMITS['sections']} sections")
            raw = raw[: LIMITS["sections"]]
        keys: set[str] = set()
        for at, item in enumerate(raw):
            here = f"{where}[{at}]"
            if not isinstance(item, dict):
                self.say(here, "must be an object with a key and a label")
                continue
            self.only(item, here, {"key", "label"})
            key = self.key(item.get("key"), f"{here}.key")
            self.text(item.get("label"), f"{here}.label", required=True, limit=LIMITS["label"])
            if key in keys:
                self.say(f"{here}.key", "repeats another section's key")
            elif key is not None:
                keys.add(key)
        return keys

    def field(self, raw: Any, where: str, sections: set[str]) -> Field | None:
        if not isinstance(raw, dict):
            self.say(where, "must be an object with a key, a kind and a label")
            return None
        self.only(raw, where, FIELD_KEYS)
        key = self.key(raw.get("key"), f"{where}.key")
        kind = raw.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            self.say(f"{where}.kind", f"must be one of {', '.join(KINDS)} ({_show(kind)})")
            kind = None
        self.text(raw.get("label"), f"{where}.label", required=True, limit=LIMITS["label"])
        self.text(raw.get("help"), f"{where}.help", required=False, limit=LIMITS["help"])
        section = raw.get("section")
        if section is not None and not (isinstance(section, str) and section in sections):
            self.say(f"{where}.section", f"{_show(section)} is not a section of this form")
        flags: dict[str, bool] = {}
        for name in FLAGS:
            flags[name] = raw.get(name, False)
            if not isinstance(flags[name], bool):
                self.say(f"{where}.{name}", "must be true or false")
                flags[name] = False
        if key is None or kind is None:
            return None
        rules = self.bounds(raw, where, kind)
        rules.update(self.text_rules(raw, where, kind))
        choices = self.choices(raw.get("choices"), f"{where}.choices", kind)
        if flags["filter"] and kind not in ("choice", "yes_no"):
            self.say(f"{where}.filter", "only a choice or yes/no field can filter the list")
        if flags["searchable"] and kind not in TEXT_LIMITS:
            self.say(f"{where}.searchable", "only a text field can be searched")
        if flags["column"] and kind in ("long_text", "choices"):
            self.say(f"{where}.column", f"a {kind} field cannot be a list column")
        return Field(
            key,
            kind,
            flags["required"],
            flags["personal"],
            flags["retired"],
            choices=choices,
            shareable=flags["shareable"],
            **rules,
        )

    def bounds(self, raw: dict, where: str, kind: str) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in ("minimum", "maximum"):
            if name not in raw:
                continue
            if kind not in BOUND_READERS:
                self.say(f"{where}.{name}", f"a {kind} field has no {name}")
                continue
            read, expected = BOUND_READERS[kind]
            bound = read(raw[name])
            if bound is None:
                self.say(f"{where}.{name}", f"must be {expected} ({_show(raw[name])})")
            else:
                found[name] = bound
        if len(found) == 2 and found["minimum"] > found["maximum"]:
            self.say(f"{where}.maximum", "is less than the minimum")
        return found

    def text_rules(self, raw: dict, where: str, kind: str) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if "max_length" in raw:
            value, limit = raw["max_length"], TEXT_LIMITS.get(kind, TEXT_LIMITS["text"])
            if kind not in TEXT_LIMITS:
                self.say(f"{where}.max_length", f"a {kind} field has no max_length")
            elif not _is_int(value) or not 1 <= value <= limit:
                self.say(f"{where}.max_length", f"must be a whole number from 1 to {limit}")
            else:
                found["max_length"] = value
        if "pattern" in raw:
            value = raw["pattern"]
            if kind != "text":
                self.say(f"{where}.pattern", "only a text field has a pattern")
            elif not isinstance(value, str) or not 0 < len(value) <= PATTERN_MAX:
                self.say(f"{where}.pattern", f"must be a regular expression, 1-{PATTERN_MAX} long")
            else:
                try:
                    re.compile(value)
                    found["pattern"] = value
                except (re.error, OverflowError) as exc:  # a{99999999999}: OverflowError
                    self.say(f"{where}.pattern", f"is not a regular expression ({exc})")
        return found

    def choices(self, raw: Any, where: str, kind: str) -> tuple[str, ...]:
        wanted = kind in ("choice", "choices")
        if raw is None or not wanted:
            if wanted or raw is not None:
                self.say(where, "is needed by this kind" if wanted else f"a {kind} has no choices")
            return ()
        if not isinstance(raw, list) or not raw:
            self.say(where, "must be a list of one choice or more")
            return ()
        if len(raw) > LIMITS["choices"]:
            self.say(where, f"must hold at most {LIMITS['choices']} choices")
            return ()
        values: list[str] = []
        for at, item in enumerate(raw):
            here = f"{where}[{at}]"
            if not isinstance(item, dict):
                self.say(here, "must be an object with a value and a label")
                continue
            self.only(item, here, {"value", "label"})
            if "value" not in item:
                self.say(f"{here}.value", "is missing: a choice needs a stable value")
                continue
            value = self.key(item["value"], f"{here}.value")
            self.text(item.get("label"), f"{here}.label", required=True, limit=LIMITS["label"])
            if value in values:
                self.say(f"{here}.value", "repeats another choice's value")
            elif value is not None:
                values.append(value)
        return tuple(values)


def read(document: Any) -> Forms:
    """The definition in a parsed document; DefinitionInvalid lists every problem."""
    check = _Check()
    forms = check.top(document)
    if check.problems:
        raise DefinitionInvalid(check.problems)
    assert forms is not None
    return forms


def dropped(old: Forms, new: Forms) -> list[tuple[str, str]]:
    """The published fields `new` leaves out: a field may be retired, never removed."""
    return [
        (
            f"{kind}.fields",
            f'"{key}" of version {old.version} is missing: retire it ("retired": true)',
        )
        for kind in RECORD_KINDS
        for key in old.of(kind).fields
        if key not in new.of(kind).fields
    ]


# -- values --------------------------------------------------------------------------------


class Problem(str):
    """A value problem code (one of VALUE_MESSAGES), told apart from a stored text value."""


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def _within(item: Field, compared: Any, stored: Any) -> Any:
    if item.minimum is not None and compared < item.minimum:
        return Problem("too_small")
    if item.maximum is not None and compared > item.maximum:
        return Problem("too_large")
    return stored


def _decimal_text(number: Decimal) -> str:
    text = format(number, "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("", "-0") else text


def clean_value(item: Field, value: Any) -> Any:
    """The value as stored (text, int, decimal text, ISO date, bool, choice value or a list
    of them in the definition's order), or the Problem it has."""
    kind = item.kind
    if kind in TEXT_LIMITS:
        if not isinstance(value, str):
            return Problem("wrong_type")
        text = value.strip() if kind == "text" else value.rstrip()
        if len(text) > item.length_limit:
            return Problem("too_long")
        if item.pattern is not None and not re.fullmatch(item.pattern, text):
            return Problem("pattern")
        return text
    if kind == "integer":
        if isinstance(value, str) and INTEGER_TEXT_RE.fullmatch(value):
            value = int(value)
        return _within(item, value, value) if _is_int(value) else Problem("wrong_type")
    if kind == "decimal":
        number = _number(value)
        return (
            Problem("wrong_type")
            if number is None
            else _within(item, number, _decimal_text(number))
        )
    if kind == "date":
        day = (
            value
            if isinstance(value, date)
            else _day(value.strip())
            if isinstance(value, str)
            else None
        )
        return Problem("wrong_type") if day is None else _within(item, day, day.isoformat())
    if kind == "yes_no":
        return value if isinstance(value, bool) else Problem("wrong_type")
    if kind == "choice":
        if not isinstance(value, str):
            return Problem("wrong_type")
        return value if value in item.choices else Problem("not_a_choice")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return Problem("wrong_type")
    if len(set(value)) < len(value):
        return Problem("repeated_choice")
    if not set(value) <= set(item.choices):
        return Problem("not_a_choice")
    return [v for v in item.choices if v in value]


def check_values(
    form: Form,
    values: Mapping[str, Any],
    *,
    stored: Mapping[str, Any] | None = None,
    require: bool = True,
) -> tuple[dict[str, Any], dict[str, str], tuple[str, ...]]:
    """(cleaned, problem code by key, incomplete keys) for a record's whole custom part.

    A value equal to the stored one stays whatever the rules say now (a retired field, a
    changed kind); a changed one must pass. A required field left empty is a problem with
    `require`, else it is listed as incomplete.
    """
    stored = stored or {}
    cleaned: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, value in values.items():
        if _blank(value):
            continue
        item = form.fields.get(key)
        if item is None:
            result: Any = Problem("unknown_field")
        elif item.retired:
            result = Problem("retired")
        else:
            result = clean_value(item, value)
        if isinstance(result, Problem) and key in stored and stored[key] == value:
            result = value
        if isinstance(result, Problem):
            problems[key] = str(result)
        else:
            cleaned[key] = result
    missing = [key for key in form.required_keys if key not in cleaned and key not in problems]
    if require:
        problems.update(dict.fromkeys(missing, "required"))
        return cleaned, problems, ()
    return cleaned, problems, tuple(missing)


def missing_required(form: Form, values: Mapping[str, Any]) -> list[str]:
    """The active required fields `values` leaves empty (the record is incomplete)."""
    return [key for key in form.required_keys if _blank(values.get(key))]


def personal_keys(form: Form) -> set[str]:
    """The fields whose values an erasure clears."""
    return {f.key for f in form.fields.values() if f.personal}
