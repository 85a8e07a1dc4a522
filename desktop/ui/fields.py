"""How a declared field reads in the interface: its label, its choices and its values.

The fields are declared once in ``desktop.domain.schema`` with English labels; this is
where the UI translates them (context ``field`` for labels, placeholders and units,
``choice`` for the words of a choice) and writes a value as a person reads it. The form,
the detail, the lists, the history and the conflicts all ask here, so a field added to
the declaration reads the same everywhere without a second copy of its label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain import forms, schema
from desktop.domain.enums import Entity
from desktop.domain.problems import CUSTOM_PREFIX
from desktop.domain.schema import CHOICE_CONTEXT, LABEL_CONTEXT, Field, Kind
from desktop.ui.dates import EMPTY, format_date, format_datetime

SHORT_VALUE = 60  # characters of a long text shown in a list; the tooltip has it all


def translated(text: str) -> str:
    """A label, placeholder or unit of the declaration in the interface's language."""
    return QCoreApplication.translate(LABEL_CONTEXT, text) if text else ""


def declared(entity: Entity | str, name: str) -> Field | None:
    """The declared field, read at call time (a field added to the declaration counts)."""
    return schema.BY_NAME.get(Entity(entity), {}).get(name)


def field_text(entity: Entity | str | None, name: str) -> str:
    """A field's label as the interface shows it (no accelerator, no required mark)."""
    kinds = [Entity(entity)] if entity else list(schema.FIELDS)
    for kind in kinds:
        found = declared(kind, name)
        if found is not None:
            return translated(found.label)
    return translated(schema.label(name))


def choice_text(member: StrEnum) -> str:
    return QCoreApplication.translate(CHOICE_CONTEXT, schema.choice_label(member))


def choices(field: Field) -> list[tuple[str, str]]:
    """(shown text, stored value) of each choice, in declared order."""
    return [(choice_text(member), member.value) for member in field.choices or ()]


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("FieldValue", "yes")
        if value
        else QCoreApplication.translate("FieldValue", "no")
    )


def value_text(field: Field | None, value: Any, *, short: bool = False) -> str:
    """One value of ``field`` as a person reads it: a record's value or a stored one
    (JSON-plain: ISO text, enum values), dates in the person's locale, choices in words.
    """
    if value is None or value == "":
        return EMPTY
    kind = field.kind if field is not None else None
    try:
        if kind is Kind.DATE and isinstance(value, str):
            return format_date(date.fromisoformat(value))
        if kind is Kind.DATETIME and isinstance(value, str):
            return format_datetime(datetime.fromisoformat(value))
    except ValueError:
        pass  # kept as stored
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return yes_no(value)
    if kind is Kind.CHOICE and field is not None and field.choices is not None:
        try:
            return choice_text(field.choices(value))
        except ValueError:
            return str(value)  # a value this laptop does not know: as stored
    if kind is Kind.INTEGER and field is not None and field.unit:
        return f"{value} {translated(field.unit)}"
    text = str(value)
    if short:
        lines = text.strip().splitlines() or [""]
        first = lines[0]
        if len(first) > SHORT_VALUE or len(lines) > 1:
            return first[: SHORT_VALUE - 1].rstrip() + "…"
    return text


# -- accelerators ---------------------------------------------------------------------------

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str:
    """The accelerator letter of a widget's text ("&Save", "حفظ (&S)" → "s"), or ""."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else ""


def _letters(text: str) -> list[int]:
    """Positions of the Latin letters of ``text``: each word's first letter, then the rest."""
    starts, rest = [], []
    for i, char in enumerate(text):
        if not (char.isascii() and char.isalpha()):
            continue
        (starts if i == 0 or not text[i - 1].isalnum() else rest).append(i)
    return starts + rest


def with_accelerators(labels: Sequence[tuple[str, str]], taken: Iterable[str] = ()) -> list[str]:
    """Each label with an accelerator no other label of the form (nor ``taken``) has.

    ``labels`` are (shown, English) pairs. A letter of the shown label is marked, word
    beginnings first; a label in another script ("الهاتف") gets a letter of its English
    label in brackets after it ("الهاتف (&P)"), so shortcuts follow the English manual.
    A form has far fewer fields than letters; a label left without one gets none.
    """
    used = {letter.lower() for letter in taken if letter}
    marked = []
    for shown, english in labels:
        text = shown.replace("&", "&&")
        own = [i for i in _letters(shown) if shown[i].lower() not in used]
        if own:
            i = own[0]
            used.add(shown[i].lower())
            marked.append(shown[:i].replace("&", "&&") + "&" + shown[i:].replace("&", "&&"))
            continue
        other = [english[i] for i in _letters(english) if english[i].lower() not in used]
        if other and not any(char.isascii() and char.isalpha() for char in shown):
            used.add(other[0].lower())
            marked.append(f"{text} (&{other[0].upper()})")
        else:
            marked.append(text)
    return marked


# -- changes and conflicts --------------------------------------------------------------------

DELETED = "deleted"  # the pseudo-field of a sync conflict over deleting a record


# The organisation's definition the history and conflicts read custom fields' labels and
# values from (``custom.<key>``): the one the window last read (record_actions).
_DEFINITIONS: list[forms.FormSet] = [forms.EMPTY]


def use_definitions(current: forms.FormSet) -> None:
    _DEFINITIONS[0] = current


def _custom_field(entity: Entity | str, name: str) -> forms.CustomField | None:
    kind = forms.RECORD_KINDS.get(Entity(entity)) if entity in set(Entity) else None
    if kind is None or not name.startswith(CUSTOM_PREFIX):
        return None
    return _DEFINITIONS[0].of(kind).field(name.removeprefix(CUSTOM_PREFIX))


def _language() -> tuple[str, str]:
    from desktop.ui.help import ui_language  # here: help reaches the services

    return ui_language(), _DEFINITIONS[0].default_language


def custom_value_text(
    item: forms.CustomField | None, value: Any, language: str, default_language: str
) -> str:
    """A stored custom value as a person reads it (choices in words, dates in their
    format): the detail, the list's columns, the history and conflicts. ``item`` None:
    a value of a field the definition does not have."""
    if item is None:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return yes_no(value) if isinstance(value, bool) else str(value)
    if item.kind is forms.CustomKind.DATE and isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            pass  # kept as stored (flagged in the detail)
    return forms.display_value(
        item, value, language, default_language, yes_no=(yes_no(True), yes_no(False))
    )


def change_label(entity: Entity | str, name: str) -> str:
    """The label of a changed or conflicting field (history, sync conflicts)."""
    if name == DELETED:
        return QCoreApplication.translate("FieldValue", "Deleted")
    custom = _custom_field(entity, name)
    if custom is not None:
        return custom.label(*_language())
    if entity not in set(Entity) or name.startswith(CUSTOM_PREFIX):
        return name.removeprefix(CUSTOM_PREFIX).replace("_", " ")
    return field_text(entity, name)


def change_value(entity: Entity | str, name: str, value: Any, *, short: bool = False) -> str:
    """A stored, changed or conflicting value (JSON-plain) as a person reads it."""
    custom = _custom_field(entity, name)
    if custom is not None:
        if value is None or value == "" or value == []:
            return EMPTY
        return value_text(None, custom_value_text(custom, value, *_language()), short=short)
    declared_field = declared(entity, name) if entity in set(Entity) else None
    return value_text(declared_field, value, short=short)
