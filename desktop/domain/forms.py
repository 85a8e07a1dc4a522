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
    reader = _Reader()
    result = reader.form_set(document)
    if reader.problems:
        raise DefinitionError(reader.problems)
    assert result is not None
    return result


class _Reader:
    def __init__(self) -> None:
        self.problems: list[DefinitionProblem] = []
        self.languages: tuple[str, ...] = ()

    def problem(self, where: str, message: str) -> None:
        self.problems.append(DefinitionProblem(where, message))

    def form_set(self, document: Any) -> FormSet | None:
        if not isinstance(document, dict):
            self.problem("", "the file must hold one JSON object")
            return None
        self.unknown_keys(document, "", {"format", "title", "version", "languages", *RecordKind})
        if document.get("format") != FORMAT:
            self.problem("format", f'must be "{FORMAT}"')
        title = document.get("title", "")
        if not isinstance(title, str) or len(title) > MAX_LABEL:
            self.problem("title", f"must be text of at most {MAX_LABEL} characters")
            title = ""
        version = document.get("version", 0)
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            self.problem("version", "must be a whole number, 0 or more")
            version = 0
        languages = document.get("languages")
        if (
            not isinstance(languages, list)
            or not languages
            or not all(isinstance(x, str) and LANGUAGE.fullmatch(x) for x in languages)
        ):
            self.problem("languages", 'must list the languages labels are in, e.g. ["en", "fr"]')
            languages = ["en"]
        elif len(set(languages)) != len(languages):
            self.problem("languages", "lists a language twice")
        self.languages = tuple(dict.fromkeys(languages))
        kinds = {kind: self.definition(document.get(kind.value, {}), kind) for kind in RecordKind}
        return FormSet(
            self.languages,
            kinds[RecordKind.BENEFICIARY],
            kinds[RecordKind.SESSION],
            version,
            title,
        )

    def unknown_keys(self, mapping: dict, where: str, known: Iterable[str]) -> None:
        for key in mapping:
            if key not in known:
                self.problem(_at(where, key), "is not a known attribute")

    def definition(self, document: Any, kind: RecordKind) -> FormDefinition:
        where = kind.value
        if not isinstance(document, dict):
            self.problem(where, "must be an object with sections and fields")
            return FormDefinition(kind)
        self.unknown_keys(document, where, {"sections", "fields"})
        sections = self.sections(document.get("sections", []), f"{where}.sections")
        section_keys = {section.key for section in sections}
        raw_fields = document.get("fields", [])
        if not isinstance(raw_fields, list):
            self.problem(f"{where}.fields", "must be a list")
            raw_fields = []
        if len(raw_fields) > MAX_FIELDS:
            self.problem(f"{where}.fields", f"has {len(raw_fields)} fields; at most {MAX_FIELDS}")
            raw_fields = raw_fields[:MAX_FIELDS]
        fields: list[CustomField] = []
        seen: dict[str, int] = {}
        for at, raw in enumerate(raw_fields):
            item_where = f"{where}.fields[{at}]"
            item = self.field(raw, item_where, section_keys)
            if item is None:
                continue
            if item.key in seen:
                self.problem(
                    f"{item_where}.key",
                    f'"{item.key}" is already the key of fields[{seen[item.key]}]',
                )
                continue
            seen[item.key] = at
            fields.append(item)
        return FormDefinition(kind, tuple(fields), sections)

    def sections(self, raw: Any, where: str) -> tuple[Section, ...]:
        if not isinstance(raw, list):
            self.problem(where, "must be a list")
            return ()
        if len(raw) > MAX_SECTIONS:
            self.problem(where, f"has {len(raw)} sections; at most {MAX_SECTIONS}")
            raw = raw[:MAX_SECTIONS]
        sections: list[Section] = []
        for at, item in enumerate(raw):
            item_where = f"{where}[{at}]"
            if not isinstance(item, dict):
                self.problem(item_where, "must be an object with a key and labels")
                continue
            self.unknown_keys(item, item_where, {"key", "label"})
            key = self.key(item.get("key"), f"{item_where}.key")
            labels = self.labels(item.get("label"), f"{item_where}.label", required=True)
            if key is None:
                continue
            if any(section.key == key for section in sections):
                self.problem(f"{item_where}.key", f'"{key}" is already a section')
                continue
            sections.append(Section(key, labels))
        return tuple(sections)

    def key(self, value: Any, where: str) -> str | None:
        if not isinstance(value, str) or not KEY.fullmatch(value):
            self.problem(
                where,
                "must be 1-40 lowercase letters, digits or _, starting with a letter "
                f"(got {_shown(value)})",
            )
            return None
        return value

    def labels(self, value: Any, where: str, *, required: bool, limit: int = MAX_LABEL) -> dict:
        """Text per language; every language of the definition when ``required``."""
        if value is None and not required:
            return {}
        if isinstance(value, str) and len(self.languages) == 1:
            value = {self.languages[0]: value}
        if not isinstance(value, dict):
            self.problem(where, 'must give the text per language, e.g. {"en": "…"}')
            return {}
        labels: dict[str, str] = {}
        for language, text in value.items():
            if language not in self.languages:
                self.problem(_at(where, language), "is not one of the definition's languages")
            elif not isinstance(text, str) or not text.strip():
                self.problem(_at(where, language), "must be text")
            elif len(text) > limit:
                self.problem(_at(where, language), f"is longer than {limit} characters")
            else:
                labels[language] = text.strip()
        if required:
            for language in self.languages:
                if language not in value:
                    self.problem(where, f'has no text in "{language}"')
        return labels

    def field(self, raw: Any, where: str, section_keys: set[str]) -> CustomField | None:
        if not isinstance(raw, dict):
            self.problem(where, "must be an object with a key, a kind and a label")
            return None
        self.unknown_keys(raw, where, _FIELD_ATTRIBUTES)
        key = self.key(raw.get("key"), f"{where}.key")
        try:
            kind = CustomKind(raw.get("kind"))
        except ValueError:
            kinds = ", ".join(k.value for k in CustomKind)
            self.problem(f"{where}.kind", f"must be one of {kinds} (got {_shown(raw.get('kind'))})")
            kind = None
        labels = self.labels(raw.get("label"), f"{where}.label", required=True)
        help_text = self.labels(raw.get("help"), f"{where}.help", required=False, limit=MAX_HELP)
        section = raw.get("section")
        if section is not None and (not isinstance(section, str) or section not in section_keys):
            self.problem(f"{where}.section", f"{_shown(section)} is not one of the sections")
            section = None
        flags = {}
        for flag in _FLAGS:
            value = raw.get(flag, False)
            if not isinstance(value, bool):
                self.problem(f"{where}.{flag}", "must be true or false")
                value = False
            flags[flag] = value
        if key is None or kind is None:
            return None
        bounds = self.bounds(raw, where, kind)
        text_rules = self.text_rules(raw, where, kind)
        choices = self.choices(raw.get("choices"), f"{where}.choices", kind)
        self.flag_fits(flags, kind, where)
        return CustomField(
            key=key,
            kind=kind,
            labels=labels,
            help=help_text,
            section=section,
            choices=choices,
            **bounds,
            **text_rules,
            **flags,
        )

    def bounds(self, raw: dict, where: str, kind: CustomKind) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in ("minimum", "maximum"):
            if name not in raw:
                continue
            value = raw[name]
            if kind not in _BOUNDED:
                self.problem(f"{where}.{name}", f"a {kind.value} field has no {name}")
                continue
            bound = _bound(kind, value)
            if bound is None:
                expected = {"integer": "a whole number", "decimal": "a number"}.get(
                    kind.value, "a date as YYYY-MM-DD"
                )
                self.problem(f"{where}.{name}", f"must be {expected} (got {_shown(value)})")
                continue
            found[name] = bound
        low, high = found.get("minimum"), found.get("maximum")
        if low is not None and high is not None and low > high:
            self.problem(f"{where}.maximum", "is below the minimum")
        return found

    def text_rules(self, raw: dict, where: str, kind: CustomKind) -> dict[str, Any]:
        found: dict[str, Any] = {}
        text = kind in (CustomKind.TEXT, CustomKind.LONG_TEXT)
        if "max_length" in raw:
            value = raw["max_length"]
            limit = LONG_TEXT_MAX if kind is CustomKind.LONG_TEXT else TEXT_MAX
            if not text:
                self.problem(f"{where}.max_length", f"a {kind.value} field has no max_length")
            elif not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= limit:
                self.problem(f"{where}.max_length", f"must be a whole number from 1 to {limit}")
            else:
                found["max_length"] = value
        if "pattern" in raw:
            value = raw["pattern"]
            if kind is not CustomKind.TEXT:
                self.problem(f"{where}.pattern", "only a text field has a pattern")
            elif not isinstance(value, str) or not value or len(value) > MAX_PATTERN:
                self.problem(
                    f"{where}.pattern",
                    f"must be a regular expression of at most {MAX_PATTERN} characters",
                )
            else:
                try:
                    re.compile(value)
                except (re.error, OverflowError, RecursionError) as exc:
                    self.problem(f"{where}.pattern", f"is not a regular expression ({exc})")
                else:
                    found["pattern"] = value
        return found

    def choices(self, raw: Any, where: str, kind: CustomKind) -> tuple[Choice, ...]:
        has_choices = kind in (CustomKind.CHOICE, CustomKind.CHOICES)
        if raw is None:
            if has_choices:
                self.problem(where, f"a {kind.value} field needs its choices")
            return ()
        if not has_choices:
            self.problem(where, f"a {kind.value} field has no choices")
            return ()
        if not isinstance(raw, list) or not raw:
            self.problem(where, "must be a list of at least one choice")
            return ()
        if len(raw) > MAX_CHOICES:
            self.problem(where, f"has {len(raw)} choices; at most {MAX_CHOICES}")
            return ()
        choices: list[Choice] = []
        for at, item in enumerate(raw):
            item_where = f"{where}[{at}]"
            if not isinstance(item, dict):
                self.problem(item_where, "must be an object with a value and labels")
                continue
            self.unknown_keys(item, item_where, {"value", "label"})
            if "value" not in item:
                self.problem(f"{item_where}.value", "is missing: every choice needs a stable value")
                continue
            value = self.key(item.get("value"), f"{item_where}.value")
            labels = self.labels(item.get("label"), f"{item_where}.label", required=True)
            if value is None:
                continue
            if value in (choice.value for choice in choices):
                self.problem(f"{item_where}.value", f'"{value}" is already a choice')
                continue
            choices.append(Choice(value, labels))
        return tuple(choices)

    def flag_fits(self, flags: dict[str, bool], kind: CustomKind, where: str) -> None:
        if flags["filter"] and kind not in (CustomKind.CHOICE, CustomKind.YES_NO):
            self.problem(f"{where}.filter", "only a choice or yes/no field can be a list filter")
        if flags["searchable"] and kind not in (CustomKind.TEXT, CustomKind.LONG_TEXT):
            self.problem(f"{where}.searchable", "only a text field can be searched")
        if flags["column"] and kind in (CustomKind.LONG_TEXT, CustomKind.CHOICES):
            self.problem(f"{where}.column", f"a {kind.value} field cannot be a list column")


_FLAGS = (
    "required",
    "personal",
    "column",
    "filter",
    "searchable",
    "identifying",
    "retired",
)
_FIELD_ATTRIBUTES = frozenset(
    {"key", "kind", "label", "help", "section", "minimum", "maximum", "max_length", "pattern"}
    | {"choices", *_FLAGS}
)
_BOUNDED = (CustomKind.INTEGER, CustomKind.DECIMAL, CustomKind.DATE)


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "…"


def _pick(labels: Mapping[str, str], language: str, default_language: str) -> str:
    if language in labels:
        return labels[language]
    base = language.split("-", 1)[0].split("_", 1)[0]
    return labels.get(base) or labels.get(default_language) or next(iter(labels.values()), "")


def _bound(kind: CustomKind, value: Any) -> int | Decimal | date | None:
    if kind is CustomKind.INTEGER:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind is CustomKind.DECIMAL:
        return _decimal(value)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _decimal(value: Any) -> Decimal | None:
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
    return {
        "sections": [{"key": s.key, "label": dict(s.labels)} for s in definition.sections],
        "fields": [_field_document(item) for item in definition.fields],
    }


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
    for flag in _FLAGS:
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
    if kind in (CustomKind.TEXT, CustomKind.LONG_TEXT):
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
        number = _decimal(value)
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
