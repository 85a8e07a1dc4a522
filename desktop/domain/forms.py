"""The organisation's own fields: a form definition, read from its file format and checked.

One definition per organisation holds the custom fields of beneficiaries and of case
sessions (docs/forms.md describes the file). Each publish is a new version; a field is
never deleted, only retired, so stored values always have a field to be read against.

What is derived from a definition: the checking of custom values (``check_values``),
the flags on stored values a newer definition no longer accepts (``stored_flags``), and
(in the services and the UI) the form's widgets, the detail's rows, the list's columns
and filters, the search index's text and the duplicate check's comparisons.

A definition problem names where it is (``beneficiary.fields[3].choices[0].value``) and
what is wrong; ``DefinitionError`` carries all of them, so a file is fixed in one pass.
The domain imports no Qt: labels are the organisation's own, per language, not
translated by Qt.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property
from typing import Any

from . import schema
from .enums import Entity
from .problems import CUSTOM_PREFIX, Problem

FORMAT = "caseload-forms/1"  # the file's "format" value; a new layout gets a new one

KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")  # a field, section or choice key
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")  # BCP 47 language (and region)
MAX_FIELDS = 100  # per record kind
MAX_CHOICES = 200  # per field: a longer list is a lookup table, not a choice
MAX_SECTIONS = 20
MAX_LABEL = 200
MAX_HELP = 1_000
MAX_PATTERN = 200
TEXT_MAX = 200  # a text field's length unless it says less
LONG_TEXT_MAX = 4_000
DECIMAL_DIGITS = 18  # digits a decimal may have in all (money, weights, scores)


class CustomKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    YES_NO = "yes_no"
    CHOICE = "choice"  # one of the choices
    CHOICES = "choices"  # several of the choices

    # What a field of the kind may declare (the file's rules, the editor's rows).
    @property
    def is_text(self) -> bool:
        """A length, a pattern; searchable."""
        return self in (CustomKind.TEXT, CustomKind.LONG_TEXT)

    @property
    def is_bounded(self) -> bool:
        """A minimum and a maximum."""
        return self in (CustomKind.INTEGER, CustomKind.DECIMAL, CustomKind.DATE)

    @property
    def has_choices(self) -> bool:
        return self in (CustomKind.CHOICE, CustomKind.CHOICES)


class RecordKind(StrEnum):
    """The record kinds a definition has fields for (the file's top-level keys)."""

    BENEFICIARY = "beneficiary"
    SESSION = "session"


# The definition's record kind of each stored record kind.
RECORD_KINDS: dict[Entity, RecordKind] = {
    Entity.BENEFICIARY: RecordKind.BENEFICIARY,
    Entity.CASE_SESSION: RecordKind.SESSION,
}


# What can be wrong with a value, as codes the UI translates and the server returns.
class ValueProblem(StrEnum):
    REQUIRED = "required"
    UNKNOWN = "unknown_field"  # the definition has no such field
    RETIRED = "retired"  # a retired field's value cannot change
    WRONG_TYPE = "wrong_type"
    TOO_LONG = "too_long"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    PATTERN = "pattern"
    NOT_A_CHOICE = "not_a_choice"
    REPEATED_CHOICE = "repeated_choice"


# Why a stored value is shown read-only and marked (it stays stored either way).
class StoredFlag(StrEnum):
    UNKNOWN = "unknown_field"  # written by a definition this laptop does not have yet
    KIND_CHANGED = "kind_changed"  # its field now has another kind
    CHOICE_REMOVED = "choice_removed"  # a value no longer among the field's choices
    RETIRED = "retired"


@dataclass(frozen=True)
class Choice:
    value: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class Section:
    key: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class CustomField:
    key: str
    kind: CustomKind
    labels: Mapping[str, str]
    help: Mapping[str, str] = field(default_factory=dict)
    section: str | None = None
    required: bool = False
    minimum: int | Decimal | date | None = None  # integer, decimal or date fields
    maximum: int | Decimal | date | None = None
    max_length: int | None = None  # text fields
    pattern: str | None = None  # text fields: the whole value must match
    choices: tuple[Choice, ...] = ()
    personal: bool = False  # cleared when a record is erased
    column: bool = False  # a column of the caseload list (sortable)
    filter: bool = False  # a filter of the caseload list (choice and yes/no fields)
    searchable: bool = False  # in the search box's index (text fields)
    identifying: bool = False  # compared by the duplicate check
    retired: bool = False  # hidden from entry; stored values kept and shown read-only
    # Sent with a referral to another organisation (never unless marked: docs/forms.md).
    shareable: bool = False

    @cached_property  # asked per value checked: an import checks millions
    def choice_values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    @property
    def length_limit(self) -> int:
        if self.max_length is not None:
            return self.max_length
        return LONG_TEXT_MAX if self.kind is CustomKind.LONG_TEXT else TEXT_MAX

    def label(self, language: str, default_language: str) -> str:
        return _pick(self.labels, language, default_language) or self.key

    def choice_label(self, value: str, language: str, default_language: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return _pick(choice.labels, language, default_language) or value
        return value


@dataclass(frozen=True)
class FormDefinition:
    """The custom fields of one record kind, in form order."""

    kind: RecordKind
    fields: tuple[CustomField, ...] = ()
    sections: tuple[Section, ...] = ()
    # The built-in fields a referral sends (beneficiaries only; SHAREABLE_BUILTINS).
    shareable_builtins: tuple[str, ...] = ()

    def field(self, key: str) -> CustomField | None:
        return self._by_key.get(key)

    @cached_property  # a lookup per value checked, not a scan of the fields
    def _by_key(self) -> dict[str, CustomField]:
        found: dict[str, CustomField] = {}
        for item in self.fields:
            found.setdefault(item.key, item)  # the first of a key, as a scan finds
        return found

    @property
    def active(self) -> tuple[CustomField, ...]:
        return tuple(item for item in self.fields if not item.retired)

    def where(self, **flags: bool) -> tuple[CustomField, ...]:
        """Active fields with every given flag, e.g. ``where(column=True)``."""
        return tuple(
            item for item in self.active if all(getattr(item, k) == v for k, v in flags.items())
        )


@dataclass(frozen=True)
class FormSet:
    """An organisation's definition: its languages and a definition per record kind.

    ``version`` is 0 for a draft; publishing gives it the next number.
    """

    languages: tuple[str, ...] = ("en",)
    beneficiary: FormDefinition = FormDefinition(RecordKind.BENEFICIARY)
    session: FormDefinition = FormDefinition(RecordKind.SESSION)
    version: int = 0
    title: str = ""

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def of(self, kind: RecordKind | str) -> FormDefinition:
        return self.beneficiary if RecordKind(kind) is RecordKind.BENEFICIARY else self.session

    def with_version(self, version: int) -> FormSet:
        return replace(self, version=version)


EMPTY = FormSet()


# -- problems ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DefinitionProblem:
    where: str  # e.g. "beneficiary.fields[2].choices[0].value"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DefinitionError(ValueError):
    """A definition that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[DefinitionProblem]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems[:5]))


# -- reading a definition ------------------------------------------------------------------


def parse(text: str | bytes) -> FormSet:
    """A definition from its file's text (JSON); DefinitionError names every problem."""
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        where = f"line {line}" if line else ""
        raise DefinitionError([DefinitionProblem(where, f"not valid JSON ({exc})")]) from exc
    return from_document(document)


def from_document(document: Any) -> FormSet:
    from .form_reader import Reader  # it builds this module's classes: imported when used

    reader = Reader()
    result = reader.form_set(document)
    if reader.problems:
        raise DefinitionError(reader.problems)
    assert result is not None
    return result


FIELD_FLAGS = (
    "required",
    "personal",
    "column",
    "filter",
    "searchable",
    "identifying",
    "retired",
    "shareable",
)

# The built-in beneficiary fields a definition may mark shareable ("shareable": [...] in
# its beneficiary part): the person's own, typed in the form. Nothing is shared unless
# the definition names it.
SHAREABLE_BUILTINS: tuple[str, ...] = schema.names(schema.BENEFICIARY, personal=True, in_form=True)


def _pick(labels: Mapping[str, str], language: str, default_language: str) -> str:
    if language in labels:
        return labels[language]
    base = language.split("-", 1)[0].split("_", 1)[0]
    return labels.get(base) or labels.get(default_language) or next(iter(labels.values()), "")


def to_decimal(value: Any) -> Decimal | None:
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


# -- writing a definition ------------------------------------------------------------------


def to_document(forms: FormSet) -> dict[str, Any]:
    """The file's object for ``forms``: ``parse(json.dumps(to_document(f)))`` gives ``f``."""
    return {
        "format": FORMAT,
        "title": forms.title,
        "version": forms.version,
        "languages": list(forms.languages),
        **{kind.value: _definition_document(forms.of(kind)) for kind in RecordKind},
    }


def dumps(forms: FormSet) -> str:
    return json.dumps(to_document(forms), ensure_ascii=False, indent=2) + "\n"


def _definition_document(definition: FormDefinition) -> dict[str, Any]:
    document: dict[str, Any] = {
        "sections": [{"key": s.key, "label": dict(s.labels)} for s in definition.sections],
        "fields": [_field_document(item) for item in definition.fields],
    }
    if definition.shareable_builtins:
        document["shareable"] = list(definition.shareable_builtins)
    return document


def _field_document(item: CustomField) -> dict[str, Any]:
    document: dict[str, Any] = {
        "key": item.key,
        "kind": item.kind.value,
        "label": dict(item.labels),
    }
    if item.help:
        document["help"] = dict(item.help)
    if item.section is not None:
        document["section"] = item.section
    for name in ("minimum", "maximum"):
        bound = getattr(item, name)
        if bound is not None:
            document[name] = _bound_document(bound)
    if item.max_length is not None:
        document["max_length"] = item.max_length
    if item.pattern is not None:
        document["pattern"] = item.pattern
    if item.choices:
        document["choices"] = [{"value": c.value, "label": dict(c.labels)} for c in item.choices]
    for flag in FIELD_FLAGS:
        if getattr(item, flag):
            document[flag] = True
    return document


def _bound_document(bound: int | Decimal | date) -> Any:
    if isinstance(bound, date):
        return bound.isoformat()
    if isinstance(bound, Decimal):
        return str(bound)
    return bound


# -- changing a definition -----------------------------------------------------------------


def changes_refused(old: FormSet, new: FormSet) -> list[DefinitionProblem]:
    """What ``new`` may not do to ``old``'s fields: a field's key is forever, so a field
    may be retired but not dropped. Other changes (order, labels, bounds, kind, choices)
    are allowed; stored values the new rules refuse are kept and flagged."""
    problems = []
    for kind in RecordKind:
        kept = {item.key for item in new.of(kind).fields}
        for at, item in enumerate(old.of(kind).fields):
            if item.key not in kept:
                problems.append(
                    DefinitionProblem(
                        f"{kind.value}.fields",
                        f'"{item.key}" (fields[{at}] of version {old.version}) is missing: '
                        'a published field can be retired ("retired": true), not removed',
                    )
                )
    return problems


# -- values --------------------------------------------------------------------------------


def check_values(
    definition: FormDefinition,
    values: Mapping[str, Any],
    *,
    stored: Mapping[str, Any] | None = None,
    require: bool = True,
) -> tuple[dict[str, Any], dict[str, ValueProblem], tuple[str, ...]]:
    """``values`` checked against ``definition``: (cleaned, problems by key, incomplete).

    ``values`` is the whole custom part of a record (keys left out are empty). ``stored``
    is what the record holds now: a retired field, or a value a newer definition refuses,
    may stay as it is but not change. With ``require`` a missing required field is a
    problem; without (a record written with an older definition, or by another laptop),
    it is listed in ``incomplete`` and the record is accepted.
    """
    stored = stored or {}
    cleaned: dict[str, Any] = {}
    problems: dict[str, ValueProblem] = {}
    incomplete: list[str] = []
    for key, value in values.items():
        item = definition.field(key)
        if _empty(value):
            continue
        unchanged = key in stored and stored[key] == value
        if item is None:
            if unchanged:
                cleaned[key] = value  # written by a newer definition: kept as it was
            else:
                problems[key] = ValueProblem.UNKNOWN
            continue
        if item.retired:
            if unchanged:
                cleaned[key] = value
            else:
                problems[key] = ValueProblem.RETIRED
            continue
        result = clean_value(item, value)
        if isinstance(result, ValueProblem):
            if unchanged:
                cleaned[key] = value  # the rules changed since: kept, and flagged
            else:
                problems[key] = result
        else:
            cleaned[key] = result
    for item in definition.active:
        if item.required and item.key not in cleaned and item.key not in problems:
            if require:
                problems[item.key] = ValueProblem.REQUIRED
            else:
                incomplete.append(item.key)
    return cleaned, problems, tuple(incomplete)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def clean_value(item: CustomField, value: Any) -> Any:
    """The value as stored (JSON: text, int, decimal as text, ISO date, bool, list of
    choice values), or the ValueProblem it has."""
    kind = item.kind
    if kind.is_text:
        if not isinstance(value, str):
            return ValueProblem.WRONG_TYPE
        text = value.strip() if kind is CustomKind.TEXT else value.rstrip()
        if len(text) > item.length_limit:
            return ValueProblem.TOO_LONG
        if item.pattern is not None and not re.fullmatch(item.pattern, text):
            return ValueProblem.PATTERN
        return text
    if kind is CustomKind.INTEGER:
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,18}\s*", value):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            return ValueProblem.WRONG_TYPE
        return _in_bounds(item, value, value)
    if kind is CustomKind.DECIMAL:
        number = to_decimal(value)
        if number is None:
            return ValueProblem.WRONG_TYPE
        return _in_bounds(item, number, _decimal_text(number))
    if kind is CustomKind.DATE:
        if isinstance(value, date):
            day = value
        elif isinstance(value, str):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError:
                return ValueProblem.WRONG_TYPE
        else:
            return ValueProblem.WRONG_TYPE
        return _in_bounds(item, day, day.isoformat())
    if kind is CustomKind.YES_NO:
        return value if isinstance(value, bool) else ValueProblem.WRONG_TYPE
    if kind is CustomKind.CHOICE:
        if not isinstance(value, str):
            return ValueProblem.WRONG_TYPE
        return value if value in item.choice_values else ValueProblem.NOT_A_CHOICE
    # several choices: a list of distinct values, kept in the definition's order
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return ValueProblem.WRONG_TYPE
    if len(set(value)) != len(value):
        return ValueProblem.REPEATED_CHOICE
    if not set(value) <= set(item.choice_values):
        return ValueProblem.NOT_A_CHOICE
    return [v for v in item.choice_values if v in value]


def _in_bounds(item: CustomField, compared: Any, stored: Any) -> Any:
    if item.minimum is not None and compared < item.minimum:
        return ValueProblem.TOO_SMALL
    if item.maximum is not None and compared > item.maximum:
        return ValueProblem.TOO_LARGE
    return stored


def _decimal_text(number: Decimal) -> str:
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def value_problem(
    item: CustomField | None, key: str, problem: ValueProblem, value: Any, language: str
) -> Problem:
    """``problem`` of the value given for ``key`` as the Problem a ValidationError holds
    (named ``custom.<key>``, worded by ``desktop.domain.problems``; choices in
    ``language``, the organisation's default when the definition has no such label)."""
    name = CUSTOM_PREFIX + key
    if item is None or problem is ValueProblem.UNKNOWN:
        return Problem("unknown_field", name)
    if problem is ValueProblem.WRONG_TYPE:
        code = _WRONG_TYPE.get(item.kind)
        if code is not None:
            return Problem(code, name)
        problem = ValueProblem.NOT_A_CHOICE
    if problem is ValueProblem.NOT_A_CHOICE:
        labels = ", ".join(item.choice_label(v, language, language) for v in item.choice_values)
        return Problem("not_a_choice", name, {"choices": labels})
    if problem is ValueProblem.TOO_LONG:
        length = len(value) if isinstance(value, str) else 0
        return Problem("too_long", name, {"max": item.length_limit, "length": length})
    if problem in (ValueProblem.TOO_SMALL, ValueProblem.TOO_LARGE):
        low, high = _bound_shown(item.minimum), _bound_shown(item.maximum)
        if low is not None and high is not None:
            return Problem("out_of_range", name, {"low": low, "high": high})
        if problem is ValueProblem.TOO_SMALL:
            return Problem("below_minimum", name, {"min": low})
        return Problem("above_maximum", name, {"max": high})
    return Problem(_PROBLEM_CODES[problem], name)


_WRONG_TYPE = {
    CustomKind.TEXT: "not_text",
    CustomKind.LONG_TEXT: "not_text",
    CustomKind.INTEGER: "not_whole_number",
    CustomKind.DECIMAL: "not_a_number",
    CustomKind.DATE: "not_a_date",
    CustomKind.YES_NO: "not_yes_no",
}
_PROBLEM_CODES = {
    ValueProblem.REQUIRED: "required",
    ValueProblem.RETIRED: "retired_field",
    ValueProblem.PATTERN: "pattern_mismatch",
    ValueProblem.REPEATED_CHOICE: "repeated_choice",
}


def _bound_shown(bound: int | Decimal | date | None) -> int | str | None:
    """A bound as a message shows it: whole numbers stay numbers (the locale groups
    their digits), decimals and dates as written in the file."""
    if bound is None or isinstance(bound, int):
        return bound
    return _bound_document(bound)


def stored_flags(definition: FormDefinition, stored: Mapping[str, Any]) -> dict[str, StoredFlag]:
    """The stored values the definition would not accept now, and why (shown read-only)."""
    flags: dict[str, StoredFlag] = {}
    for key, value in stored.items():
        item = definition.field(key)
        if _empty(value):
            continue
        if item is None:
            flags[key] = StoredFlag.UNKNOWN
        elif item.retired:
            flags[key] = StoredFlag.RETIRED
        else:
            result = clean_value(item, value)
            if not isinstance(result, ValueProblem):
                continue
            if result is ValueProblem.NOT_A_CHOICE:
                flags[key] = StoredFlag.CHOICE_REMOVED
            elif result is ValueProblem.WRONG_TYPE or result is ValueProblem.REPEATED_CHOICE:
                flags[key] = StoredFlag.KIND_CHANGED
            # out of bounds, too long or not matching a newer pattern: kept, not flagged
            # as unreadable; the next edit of that field must meet the rule
    return flags


def read_stored(text: str | None) -> dict[str, Any]:
    """A record's stored custom values (its JSON column): {} for none, and for text that
    is not a JSON object (never written so by this app; no values rather than a crash)."""
    if not text:
        return {}
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def search_text(definition: FormDefinition, stored: Mapping[str, Any]) -> str:
    """The searchable custom fields' text, for the search index's custom column."""
    return " ".join(
        str(stored[item.key])
        for item in definition.where(searchable=True)
        if isinstance(stored.get(item.key), str) and stored[item.key]
    )


def display_value(
    item: CustomField,
    value: Any,
    language: str,
    default_language: str,
    yes_no: tuple[str, str] = ("yes", "no"),
) -> str:
    """A stored value as a person reads it in the detail, list, history and conflicts
    (``yes_no``: the words in the person's language)."""
    if _empty(value):
        return ""
    if item.kind is CustomKind.CHOICE and isinstance(value, str):
        return item.choice_label(value, language, default_language)
    if item.kind is CustomKind.CHOICES and isinstance(value, list):
        return ", ".join(item.choice_label(str(v), language, default_language) for v in value)
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    return str(value)
