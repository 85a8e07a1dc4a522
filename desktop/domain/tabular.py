"""A record kind as spreadsheet columns: the one list export, import and reports read.

A table of a record kind is its record id, its case number (a session's: its
beneficiary's, so sessions are matched to beneficiaries by it), the built-in fields of
``schema`` in declared order, then the organisation's own fields (``forms``) in the
definition's order. ``to_cell`` writes one value as a cell (dates in ISO 8601, choices as
their stored value or their label); ``from_cell`` reads a cell back into the value the
services take, or raises a ValueError naming the field.

Headers and choice labels are translated by the caller: the domain imports no Qt, so the
UI and the CLI pass a ``translate(context, text)`` (QCoreApplication.translate once the
app's translator is installed). The organisation's labels come from its definition.

A cell a spreadsheet would run as a formula (OWASP "CSV injection": text starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe (``neutralise``); reading a cell takes it off again (``restore``), so a
file exported and imported again gives the same text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from math import isfinite
from typing import Any

from . import schema
from .enums import Entity
from .forms import RECORD_KINDS, CustomField, CustomKind, FormSet
from .problems import CUSTOM_PREFIX
from .schema import QT_TRANSLATE_NOOP, Kind

# The column of a record's id (kept so a re-import can recognise the record).
ID_KEY = "id"
ID_LABEL = QT_TRANSLATE_NOOP("field", "Record ID")
CASE_NUMBER_KEY = "case_number"
# How a yes/no reads (as the UI's ``fields.yes_no``: context "FieldValue").
YES_NO_CONTEXT = "FieldValue"
YES, NO = "yes", "no"
# Between the values of a several-choices field in one cell (choice values are keys
# [a-z0-9_], so it never occurs inside one).
CHOICES_SEPARATOR = "; "
# The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
# The orders a day, month and year may be written in a non-ISO date.
DATE_ORDERS = ("dmy", "mdy", "ymd")


class TableKind(StrEnum):
    """The record kinds files are made of (export, import, reports)."""

    BENEFICIARIES = "beneficiaries"
    SESSIONS = "sessions"
    TASKS = "tasks"


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


Cell = str | int | float | None
Translate = Callable[[str, str], str]


@dataclass(frozen=True)
class TableColumn:
    key: str  # built-in field name, or "custom.<key>" for the organisation's fields
    field: schema.Field | None  # the built-in field, or None
    custom: CustomField | None  # the custom field, or None

    def english(self, default_language: str) -> str:
        """The header in English (the definition's default language for its own fields)."""
        if self.custom is not None:
            return self.custom.label(default_language, default_language)
        if self.field is not None:
            return self.field.label
        return ID_LABEL

    @property
    def custom_key(self) -> str | None:
        return self.custom.key if self.custom is not None else None


def _column(entity: Entity, name: str) -> TableColumn:
    return TableColumn(name, schema.BY_NAME[entity][name], None)


# The beneficiary's case number field: a session's table shows its beneficiary's.
_CASE_NUMBER = schema.BY_NAME[Entity.BENEFICIARY][CASE_NUMBER_KEY]


def columns(entity: Entity | str, forms: FormSet) -> tuple[TableColumn, ...]:
    """Record id, case number, the built-in fields, then the custom fields in order
    (retired ones too: their stored values are still the record's). Tasks have no custom
    fields (a definition has none for them)."""
    entity = Entity(entity)
    if entity not in schema.FIELDS:
        raise ValueError(f"{entity.value} records have no table")
    built_in = schema.FIELDS[entity]
    result = [TableColumn(ID_KEY, None, None)]
    if CASE_NUMBER_KEY not in schema.BY_NAME[entity]:
        result.append(TableColumn(CASE_NUMBER_KEY, _CASE_NUMBER, None))
    result.extend(_column(entity, f.name) for f in built_in)
    if entity in RECORD_KINDS:
        result.extend(
            TableColumn(CUSTOM_PREFIX + item.key, None, item)
            for item in forms.of(RECORD_KINDS[entity]).fields
        )
    return tuple(result)


def header(
    column: TableColumn, *, language: str, default_language: str, translate: Translate
) -> str:
    """The header in ``language``: built-in labels through ``translate`` (context
    ``field``), the organisation's fields in its own labels."""
    if column.custom is not None:
        return column.custom.label(language, default_language)
    return translate(schema.LABEL_CONTEXT, column.english(default_language))


def choice_texts(
    *, language: str, default_language: str, translate: Translate
) -> Callable[[TableColumn, str], str]:
    """The ``choice_text`` for ``to_cell``: a stored choice (or ``yes``/``no``) as the
    person reads it in ``language``."""

    def text(column: TableColumn, value: str) -> str:
        if value in (YES, NO) and _is_yes_no(column):
            return translate(YES_NO_CONTEXT, value)
        if column.custom is not None:
            return column.custom.choice_label(value, language, default_language)
        enum = column.field.choices if column.field is not None else None
        if enum is None:
            return value
        try:
            member = enum(value)
        except ValueError:
            return value  # a value this laptop does not know: as stored
        return translate(schema.CHOICE_CONTEXT, schema.choice_label(member))

    return text


def english_choice(column: TableColumn, value: str) -> str:
    """A stored choice's words in English (the definition's default language)."""
    return choice_texts(language="", default_language="", translate=lambda _c, t: t)(column, value)


def _is_yes_no(column: TableColumn) -> bool:
    if column.custom is not None:
        return column.custom.kind is CustomKind.YES_NO
    return column.field is not None and column.field.kind is Kind.YES_NO


def _is_choice(column: TableColumn) -> bool:
    if column.custom is not None:
        return column.custom.kind in (CustomKind.CHOICE, CustomKind.CHOICES)
    return column.field is not None and column.field.kind is Kind.CHOICE


# -- writing -----------------------------------------------------------------------------


def to_cell(
    column: TableColumn,
    value: Any,
    *,
    as_labels: bool,
    choice_text: Callable[[TableColumn, str], str],
) -> Cell:
    """One stored value as a cell: None for empty, whole numbers as int, decimals as
    float when exact, dates ISO (``1988-03-14``; a date and time in UTC with ``Z``),
    yes/no and choices as their stored value or (``as_labels``) ``choice_text``'s words.
    Not yet neutralised (``neutralise`` is the writer's last step)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        word = YES if value else NO
        return choice_text(column, word) if as_labels else word
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat() + "Z"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        words = [choice_text(column, str(v)) if as_labels else str(v) for v in value]
        return CHOICES_SEPARATOR.join(words)
    if isinstance(value, StrEnum):
        value = value.value
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        return _number(value)
    text = str(value)
    if column.custom is not None and column.custom.kind is CustomKind.DECIMAL:
        return _number(text)
    if as_labels and _is_choice(column):
        return choice_text(column, text)
    return text


_INFINITY = float("inf")

# A choice column's cells remembered per stored value: a million rows hold a handful of
# choices; a column with more distinct values than this stops remembering new ones.
_REMEMBERED = 4_096


def cell_writer(
    column: TableColumn,
    *,
    as_labels: bool,
    choice_text: Callable[[TableColumn, str], str],
) -> Callable[[Any], Cell]:
    """``to_cell`` then ``neutralise`` for one column, as one call per value: what a
    writer of a million rows calls. Text and whole numbers (most cells) skip the rest;
    a choice or yes/no column words each distinct value once."""
    chosen = _is_choice(column) or _is_yes_no(column)
    plain = not chosen and not (
        column.custom is not None and column.custom.kind is CustomKind.DECIMAL
    )
    remembered: dict[Any, Cell] = {}

    def cell(value: Any) -> Cell:
        return neutralise(to_cell(column, value, as_labels=as_labels, choice_text=choice_text))

    def write(value: Any) -> Cell:
        if value is None or value == "":
            return None
        kind = type(value)
        if kind is str and plain:
            return NEUTRALISER + value if value.startswith(FORMULA_STARTS) else value
        if kind is int and not chosen:
            return value
        if kind is datetime and value.tzinfo is None:
            return value.isoformat() + "Z"
        if kind is date:
            return value.isoformat()
        if kind is float and not chosen:
            return _number(value)
        if not chosen:
            return cell(value)
        key = (kind, tuple(value) if kind is list else value)  # True and 1 apart
        found = remembered.get(key, remembered)
        if found is remembered:
            found = cell(value)
            if len(remembered) < _REMEMBERED:
                remembered[key] = found
        return found

    return write


def _number(value: Any) -> Cell:
    """A decimal as a number a spreadsheet sums: int when whole, float when the float is
    exactly it, else its text (18 digits do not fit a float)."""
    if type(value) is float:  # a float is exactly its shortest text (repr): no Decimal
        if value != value or value in (_INFINITY, -_INFINITY):
            return str(value)
        return int(value) if value.is_integer() and abs(value) < 10**15 else value
    if type(value) is str:  # stored decimals are text: most are plain, no Decimal needed
        if value.isascii() and value.isdigit() and len(value) <= 15:
            return int(value)
        try:
            as_float = float(value)
        except ValueError:
            as_float = None  # no number: Decimal says so below
        if (
            as_float is not None
            and isfinite(as_float)
            and not as_float.is_integer()
            and repr(as_float) == value
        ):
            return as_float  # the text is the float's own shortest text: exactly it
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    if number == number.to_integral_value() and abs(number) < 10**15:
        return int(number)
    as_float = float(number)
    if Decimal(repr(as_float)) == number:
        return as_float
    return format(number, "f")


def neutralise(cell: Cell) -> Cell:
    """A text cell a spreadsheet would run as a formula, prefixed with an apostrophe so
    it is read as text (numbers are numbers, never formulas)."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return NEUTRALISER + cell
    return cell


def restore(text: str) -> str:
    """A neutralised cell's text as it was exported (the apostrophe taken off)."""
    if text.startswith(NEUTRALISER) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


# -- reading -----------------------------------------------------------------------------


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OTHER_DATE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")


def possible_date_orders(text: str) -> tuple[str, ...]:
    """The orders (``DATE_ORDERS``) a non-ISO date such as ``14/03/1988`` may be in;
    () for an ISO date or text that is no date. Two or more: ask the person."""
    text = text.strip()
    if _ISO_DATE.fullmatch(text):
        return ()
    match = _OTHER_DATE.fullmatch(text)
    if match is None:
        return ()
    found = []
    for order in DATE_ORDERS:
        try:
            _date_in_order(match, order)
        except ValueError:
            continue
        found.append(order)
    return tuple(found)


def _date_in_order(match: re.Match[str], order: str) -> date:
    parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
    year_text = match.group(order.index("y") + 1)
    if len(year_text) != 4:
        raise ValueError("the year must have four digits")
    return date(parts["y"], parts["m"], parts["d"])


def _date(column: TableColumn, text: str, date_order: str | None, default: str) -> date:
    text = text.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f'{column.english(default)}: "{text}" is not a date') from None
    if "T" in text or " " in text:  # a date and time where a date is asked: its day
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    match = _OTHER_DATE.fullmatch(text)
    if match is None:
        raise ValueError(
            f'{column.english(default)}: "{text}" is not a date (write it as 1988-03-14)'
        )
    if date_order is None:
        raise ValueError(
            f'{column.english(default)}: "{text}" needs the order of day, month and year'
        )
    if date_order not in DATE_ORDERS:
        raise ValueError(f"the date order must be one of {', '.join(DATE_ORDERS)}")
    try:
        return _date_in_order(match, date_order)
    except ValueError:
        raise ValueError(
            f'{column.english(default)}: "{text}" is not a date in the order {date_order}'
        ) from None


def _datetime(column: TableColumn, text: str, date_order: str | None, default: str) -> datetime:
    text = text.strip()
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        # a day alone (a paper file's session): midnight UTC
        day = _date(column, text, date_order, default)
        return datetime(day.year, day.month, day.day)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _yes_no(column: TableColumn, text: str, words: Mapping[str, str], default: str) -> bool:
    word = text.strip().casefold()
    word = words.get(word, word)
    if word in ("yes", "true", "1", "y"):
        return True
    if word in ("no", "false", "0", "n"):
        return False
    raise ValueError(f'{column.english(default)}: "{text}" must be yes or no')


def _choice_value(column: TableColumn, text: str, words: Mapping[str, str], default: str) -> str:
    """A choice written as its stored value, its English (default) label, a label in any
    of the definition's languages, or one of ``words`` (casefolded label → value)."""
    text = text.strip()
    known: dict[str, str] = {}
    if column.custom is not None:
        for choice in column.custom.choices:
            known[choice.value.casefold()] = choice.value
            for label in choice.labels.values():
                known.setdefault(label.casefold(), choice.value)
    elif column.field is not None and column.field.choices is not None:
        for member in column.field.choices:
            known[member.value.casefold()] = member.value
            known.setdefault(schema.choice_label(member).casefold(), member.value)
    found = known.get(text.casefold()) or words.get(text.casefold())
    if found is None:
        shown = ", ".join(dict.fromkeys(known.values()))
        raise ValueError(f'{column.english(default)}: "{text}" is not one of {shown}')
    return found


def from_cell(
    column: TableColumn,
    text: Any,
    *,
    date_order: str | None,
    choice_words: Mapping[str, str] | None = None,
    default_language: str = "en",
) -> Any:
    """A cell's text as the value the services take: None for an empty cell, int for
    whole numbers, date/datetime for built-in dates, ISO text for custom dates, decimals
    as text, bool for yes/no, a choice's stored value (a list for several). Raises a
    ValueError whose message names the field.

    ``date_order`` (``dmy``, ``mdy``, ``ymd``) reads a non-ISO date; None accepts ISO
    only. ``choice_words`` adds translated labels (casefolded → stored value, e.g. the
    French words of built-in choices) to the stored values and English labels known here.
    """
    if text is None:
        return None
    text = restore(_as_text(text))
    if not text.strip():
        return None
    words = {k.casefold(): v for k, v in (choice_words or {}).items()}
    default = default_language
    name = column.english(default)
    if column.custom is not None:
        kind = column.custom.kind
        if kind in (CustomKind.TEXT, CustomKind.LONG_TEXT):
            return text if kind is CustomKind.LONG_TEXT else text.strip()
        if kind is CustomKind.INTEGER:
            return _integer(name, text)
        if kind is CustomKind.DECIMAL:
            try:
                number = Decimal(text.strip().replace(",", "."))
            except InvalidOperation:
                raise ValueError(f'{name}: "{text}" is not a number') from None
            if not number.is_finite():
                raise ValueError(f'{name}: "{text}" is not a number')
            return format(number, "f")
        if kind is CustomKind.DATE:
            return _date(column, text, date_order, default).isoformat()
        if kind is CustomKind.YES_NO:
            return _yes_no(column, text, words, default)
        if kind is CustomKind.CHOICE:
            return _choice_value(column, text, words, default)
        parts = [p for p in re.split(r"[;\n]", text) if p.strip()]
        return [_choice_value(column, p, words, default) for p in parts]
    kind = column.field.kind if column.field is not None else Kind.TEXT
    if kind is Kind.LONG_TEXT:
        return text
    if kind is Kind.DATE:
        return _date(column, text, date_order, default)
    if kind is Kind.DATETIME:
        return _datetime(column, text, date_order, default)
    if kind is Kind.INTEGER:
        return _integer(name, text)
    if kind is Kind.YES_NO:
        return _yes_no(column, text, words, default)
    if kind is Kind.CHOICE:
        return _choice_value(column, text, words, default)
    return text.strip()


def _as_text(cell: Any) -> str:
    """A typed cell (a spreadsheet's number or date) as the text it stands for."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, datetime):
        return cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def _integer(name: str, text: str) -> int:
    cleaned = text.strip()
    if re.fullmatch(r"-?\d{1,18}(\.0+)?", cleaned):
        return int(cleaned.split(".")[0])
    raise ValueError(f'{name}: "{text}" is not a whole number')
