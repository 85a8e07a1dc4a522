"""An import's plan: the file, each header's field (the mapping), and the date order.

The columns are the record kind's table (``domain/tabular``: the one list export, import
and reports read). Headers are matched in English, in the organisation's own labels and in
the languages the caller passes a ``translate`` for (the UI and the CLI load French); a
mapping is saved as a small JSON file (headers and field keys, no personal data).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.domain import schema, tabular
from desktop.domain.enums import Entity
from desktop.domain.forms import FormSet
from desktop.domain.problems import CUSTOM_PREFIX
from desktop.domain.tabular import TableColumn
from desktop.errors import UserError
from desktop.store.db import Database

from .duplicates import fold
from .forms import current_forms
from .import_files import TableFile, open_table

Translate = Callable[[str, str], str]

MAPPING_FORMAT = "caseload-import-mapping/1"
# The record kinds a file can hold.
IMPORTABLE = (Entity.BENEFICIARY, Entity.CASE_SESSION)
# The column that matches a session to its beneficiary (a stored beneficiary's case number).
SESSION_LINK = tabular.CASE_NUMBER_KEY


class DateOrderUnsure(UserError):
    """Every date of the file reads in more than one order (03/04/1988): ask which."""

    def __init__(self, orders: tuple[str, ...], example: str):
        self.orders = orders
        self.example = example
        super().__init__(
            f"The dates of this file (e.g. {example}) can be read as "
            f"{' or '.join(orders)}: say which (--date-order); nothing was imported."
        )


# -- columns and mapping ------------------------------------------------------------------


def importable_columns(entity: Entity, forms: FormSet) -> tuple[TableColumn, ...]:
    """The columns a file may fill: the fields a person types and the organisation's
    active fields (id, owner and retired fields are assigned, not typed), and the case
    number: a beneficiary's own (kept when given, else this laptop's next one), a
    session's beneficiary's (how sessions are matched)."""
    return tuple(
        column
        for column in tabular.columns(entity, forms)
        if (column.field is not None and column.field.editable and column.custom is None)
        or (column.custom is not None and not column.custom.retired)
        or column.key == tabular.CASE_NUMBER_KEY
    )


def _aliases(column: TableColumn, forms: FormSet, translations: Sequence[Translate]) -> set[str]:
    """The folded headers a column is recognised by."""
    default = forms.default_language
    names = {column.key, column.key.removeprefix(CUSTOM_PREFIX), column.english(default)}
    if column.custom is not None:
        names.update(column.custom.labels.values())
    else:
        for translate in translations:
            names.add(
                tabular.header(
                    column, language=default, default_language=default, translate=translate
                )
            )
    return {fold(name) for name in names if name}


def auto_mapping(
    headers: Sequence[str],
    columns: Sequence[TableColumn],
    forms: FormSet,
    translations: Sequence[Translate] = (),
) -> tuple[str | None, ...]:
    """Each header's column key (None: not imported), by its words in any language known.

    The first header naming a column takes it; a column is never filled twice.
    """
    by_alias: dict[str, str] = {}
    for column in columns:
        for alias in _aliases(column, forms, translations):
            by_alias.setdefault(alias, column.key)
    taken: set[str] = set()
    result: list[str | None] = []
    for header in headers:
        key = by_alias.get(fold(header))
        if key is None or key in taken:
            result.append(None)
        else:
            taken.add(key)
            result.append(key)
    return tuple(result)


def mapping_document(
    entity: Entity, headers: Sequence[str], targets: Sequence[str | None], date_order: str | None
) -> dict[str, Any]:
    return {
        "format": MAPPING_FORMAT,
        "entity": entity.value,
        "columns": dict(zip(headers, targets, strict=True)),
        "date_order": date_order,
    }


def save_mapping(path: Path, document: dict[str, Any]) -> None:
    """Writes a mapping file (headers and field keys, no personal data), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def load_mapping(path: Path) -> dict[str, Any]:
    """A mapping file's document, or a UserError naming what is wrong with it."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserError(f"Cannot read the mapping file {path}: {exc.strerror or exc}.") from None
    except ValueError as exc:
        raise UserError(f"The mapping file {path} is not JSON ({exc}).") from None
    if not isinstance(document, dict) or document.get("format") != MAPPING_FORMAT:
        raise UserError(f"{path} is not a Caseload import mapping (format {MAPPING_FORMAT}).")
    columns = document.get("columns")
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in columns.items()
    ):
        raise UserError(f"{path}: 'columns' must map each header to a field key or null.")
    order = document.get("date_order")
    if order is not None and order not in tabular.DATE_ORDERS:
        raise UserError(f"{path}: date_order must be one of {', '.join(tabular.DATE_ORDERS)}.")
    return document


def apply_mapping(
    document: dict[str, Any],
    headers: Sequence[str],
    automatic: Sequence[str | None],
    columns: Sequence[TableColumn],
) -> tuple[str | None, ...]:
    """The saved mapping's choice for each header it names, the automatic one for the rest."""
    known = {column.key for column in columns}
    saved = document["columns"]
    for key in saved.values():
        if key is not None and key not in known:
            raise UserError(
                f"The mapping names {key!r}, which is not a field that can be imported."
            )
    return tuple(saved.get(header, auto) for header, auto in zip(headers, automatic, strict=True))


# -- the plan: a file, its mapping, and how to read it ---------------------------------------


@dataclass(frozen=True)
class ImportPlan:
    table: TableFile
    entity: Entity
    forms: FormSet
    columns: tuple[TableColumn, ...]  # the importable columns
    targets: tuple[str | None, ...]  # per header: the column key it fills, or None
    date_order: str | None = None
    translations: tuple[Translate, ...] = ()

    @property
    def headers(self) -> tuple[str, ...]:
        return self.table.headers

    def with_targets(self, targets: Sequence[str | None]) -> ImportPlan:
        return _replace(self, targets=tuple(targets))

    def with_date_order(self, date_order: str | None) -> ImportPlan:
        return _replace(self, date_order=date_order)

    def mapping_document(self) -> dict[str, Any]:
        return mapping_document(self.entity, self.headers, self.targets, self.date_order)


def _replace(plan: ImportPlan, **changes: Any) -> ImportPlan:
    return replace(plan, **changes)


def plan_import(
    path: Path,
    db: Database,
    *,
    entity: Entity = Entity.BENEFICIARY,
    encoding: str | None = None,
    mapping: dict[str, Any] | None = None,
    translations: Sequence[Translate] = (),
) -> ImportPlan:
    """Opens the file (EncodingUnsure, ImportFileError) and maps its headers."""
    if entity not in IMPORTABLE:
        raise UserError(f"{entity.value} records cannot be imported from a file.")
    table = open_table(Path(path), encoding=encoding)
    with db.read() as uow:
        forms = current_forms(db, uow.session)
    columns = importable_columns(entity, forms)
    targets = auto_mapping(table.headers, columns, forms, translations)
    date_order = None
    if mapping is not None:
        if mapping.get("entity", entity.value) != entity.value:
            raise UserError(
                f"The mapping is for {mapping['entity']} records, not {entity.value} records."
            )
        targets = apply_mapping(mapping, table.headers, targets, columns)
        date_order = mapping.get("date_order")
    return ImportPlan(table, entity, forms, columns, targets, date_order, tuple(translations))


def _date_columns(plan: ImportPlan) -> list[int]:
    by_key = {column.key: column for column in plan.columns}
    found = []
    for index, key in enumerate(plan.targets):
        column = by_key.get(key) if key else None
        if column is None:
            continue
        kind = column.field.kind if column.field is not None else None
        if kind in (schema.Kind.DATE, schema.Kind.DATETIME) or (
            column.custom is not None and column.custom.kind.value == "date"
        ):
            found.append(index)
    return found


def detect_date_order(
    plan: ImportPlan, cancelled: Callable[[], bool] = lambda: False
) -> tuple[str, ...]:
    """The orders every non-ISO date of the file's date columns may be in.

    () when the dates are ISO (or there are none), one order when the file tells
    (14/03/1988 is day first), several when every date reads either way (03/04/1988):
    then the person is asked. Reads the whole file (the order holds for all of it).
    """
    indexes = _date_columns(plan)
    if not indexes:
        return ()
    possible: set[str] | None = None
    for _number, cells in plan.table.rows():
        if cancelled():
            break
        for index in indexes:
            if index < len(cells) and (text := cells[index].strip()):
                orders = tabular.possible_date_orders(text)
                if orders:
                    possible = set(orders) if possible is None else possible & set(orders)
        if possible is not None and len(possible) <= 1:
            break  # decided (or inconsistent: those cells are reported one by one)
    if not possible:
        return ()
    return tuple(order for order in tabular.DATE_ORDERS if order in possible)


def example_date(plan: ImportPlan) -> str:
    for _number, cells in plan.table.rows():
        for index in _date_columns(plan):
            if index < len(cells) and tabular.possible_date_orders(cells[index]):
                return cells[index].strip()
    return ""


def settle_date_order(plan: ImportPlan) -> ImportPlan:
    """The plan with the file's date order, or DateOrderUnsure when only a person can tell."""
    if plan.date_order is not None:
        return plan
    orders = detect_date_order(plan)
    if len(orders) > 1:
        raise DateOrderUnsure(orders, example_date(plan))
    return plan.with_date_order(orders[0] if orders else None)
