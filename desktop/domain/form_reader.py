"""Reading a form definition's document: every field, choice and label checked, and each
problem named where it is (``beneficiary.fields[3].choices[0].value``).

``forms.parse`` and ``forms.from_document`` are the way in; this module builds their
classes (desktop/domain/forms.py) and collects ``DefinitionProblem``s, so a file is fixed
in one pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from .forms import (
    FIELD_FLAGS,
    FORMAT,
    KEY,
    LANGUAGE,
    LONG_TEXT_MAX,
    MAX_CHOICES,
    MAX_FIELDS,
    MAX_HELP,
    MAX_LABEL,
    MAX_PATTERN,
    MAX_SECTIONS,
    SHAREABLE_BUILTINS,
    TEXT_MAX,
    Choice,
    CustomField,
    CustomKind,
    DefinitionProblem,
    FormDefinition,
    FormSet,
    RecordKind,
    Section,
    to_decimal,
)


class Reader:
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
        known = {"sections", "fields"}
        if kind is RecordKind.BENEFICIARY:
            known.add("shareable")  # a referral sends a beneficiary, never a session
        self.unknown_keys(document, where, known)
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
        shareable = self.shareable(document.get("shareable", []), f"{where}.shareable")
        return FormDefinition(kind, tuple(fields), sections, shareable)

    def shareable(self, raw: Any, where: str) -> tuple[str, ...]:
        """The built-in fields a referral sends: names from SHAREABLE_BUILTINS, once each."""
        if not isinstance(raw, list):
            self.problem(where, "must be a list of built-in field names")
            return ()
        found: list[str] = []
        for at, name in enumerate(raw):
            if not isinstance(name, str) or name not in SHAREABLE_BUILTINS:
                self.problem(
                    f"{where}[{at}]",
                    f"{_shown(name)} is not a built-in field that can be shared "
                    f"(one of {', '.join(SHAREABLE_BUILTINS)})",
                )
            elif name in found:
                self.problem(f"{where}[{at}]", f'"{name}" is listed twice')
            else:
                found.append(name)
        return tuple(found)

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
        for flag in FIELD_FLAGS:
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
            if not kind.is_bounded:
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
        text = kind.is_text
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
        has_choices = kind.has_choices
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
        if flags["searchable"] and not kind.is_text:
            self.problem(f"{where}.searchable", "only a text field can be searched")
        if flags["column"] and kind in (CustomKind.LONG_TEXT, CustomKind.CHOICES):
            self.problem(f"{where}.column", f"a {kind.value} field cannot be a list column")


_FIELD_ATTRIBUTES = frozenset(
    {"key", "kind", "label", "help", "section", "minimum", "maximum", "max_length", "pattern"}
    | {"choices", *FIELD_FLAGS}
)


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "…"


def _bound(kind: CustomKind, value: Any) -> int | Decimal | date | None:
    if kind is CustomKind.INTEGER:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind is CustomKind.DECIMAL:
        return to_decimal(value)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
