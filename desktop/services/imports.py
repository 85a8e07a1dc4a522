"""Importing beneficiaries from a CSV or XLSX file: mapping, checks, preview, the import.

The file is read by ``import_files`` (encodings, XLSX, hostile files); its columns are the
record kind's table (``domain/tabular``: the one list export, import and reports read),
matched by header in English, in the organisation's own labels and in the languages the
caller passes a ``translate`` for (the UI and the CLI load French). Each row is read with
``tabular.from_cell`` and checked by the rules every write uses (``validation``'s record
rules and the definition's ``check_custom``, together), so a row the preview accepts is
one a form would accept. Likely duplicates are flagged against the records on this laptop
(``duplicates.find_possible_duplicates``) and between rows of the file.

Writing goes through the one bulk path (``bulk.BulkImporter``), in one of two modes:

- ``VALID_ROWS``: every valid row is imported, the others written with their reasons to
  the rejects file; chunks of 10,000 commit as they go, so a cancel keeps whole chunks.
- ``ALL_OR_NOTHING``: every row is checked first; one bad row and nothing is written;
  otherwise the rows are written in one transaction, so a cancel or a crash writes none.

One audit event ("import", with counts and the file's format; never a name) is written
in the import's last transaction.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.auth.permissions import require_record_access
from desktop.domain import schema, tabular
from desktop.domain.enums import Entity
from desktop.domain.forms import RECORD_KINDS, FormSet, check_values, value_problem
from desktop.domain.problems import CUSTOM_PREFIX, Problem
from desktop.domain.records import Actor
from desktop.domain.tabular import TableColumn
from desktop.domain.validation import MAX_LENGTHS, validate_beneficiary, validate_case_session
from desktop.errors import PermissionDenied, UserError, ValidationError
from desktop.store.changes import record_audit
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow

from .bulk import BulkImporter, ImportResult
from .duplicates import find_possible_duplicates, fold, phone_key
from .forms import checked_together, current_forms
from .import_files import TableFile, as_written, is_formula, open_table

log = logging.getLogger(__name__)

Translate = Callable[[str, str], str]
Progress = Callable[[int, int], None]

MAPPING_FORMAT = "caseload-import-mapping/1"
PREVIEW_ROWS = 200  # rows the preview shows; the counts cover the whole file
LISTED = 1_000  # problems and duplicates a report lists (it counts them all)
_DUPLICATE_QUERIES_EVERY = 500  # rows per read transaction of the duplicate check
_CACHED_TEXTS = 2_000  # distinct cell texts remembered per column (bounded memory)


# The column that matches a session to its beneficiary (a stored beneficiary's case number).
SESSION_LINK = tabular.CASE_NUMBER_KEY
# What each record kind's import validates with: the rules every write uses.
_VALIDATE: dict[Entity, Callable[..., dict[str, Any]]] = {
    Entity.BENEFICIARY: lambda values, left_alone: validate_beneficiary(
        values, left_alone=left_alone
    ),
    Entity.CASE_SESSION: lambda values, left_alone: validate_case_session(
        values, left_alone=left_alone
    ),
}
SAME_START = "same_start"  # a session of the same beneficiary at the same time
NOUNS = {  # (one, several)
    Entity.BENEFICIARY: ("beneficiary", "beneficiaries"),
    Entity.CASE_SESSION: ("session", "sessions"),
}


class Mode(StrEnum):
    VALID_ROWS = "valid"  # import the valid rows, write the others to the rejects file
    ALL_OR_NOTHING = "all"  # one bad row and nothing is imported


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
    if entity not in _VALIDATE:
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


# -- reading and checking rows ------------------------------------------------------------


@dataclass(frozen=True)
class CellProblem:
    """What is wrong with one cell (or the row, when ``field`` is empty)."""

    row: int
    header: str
    field: str  # the column key ("first_name", "custom.household_size"), "" for the row
    message: str  # English (CLI, rejects file); the UI words ``problem`` in its language
    problem: Problem | None = None


@dataclass(frozen=True)
class DuplicateFlag:
    row: int
    # the rows of this file, or the records of this laptop, the row looks like
    same_as_row: int | None = None
    case_numbers: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.same_as_row is not None:
            return f"row {self.row} looks like row {self.same_as_row} of this file"
        return (
            f"row {self.row} looks like {', '.join(self.case_numbers)} ({', '.join(self.reasons)})"
        )


@dataclass(frozen=True)
class CheckedRow:
    number: int
    cells: list[str]
    values: dict[str, Any] | None  # the record's fields (custom under "custom"); None: bad
    problems: tuple[CellProblem, ...] = ()
    duplicate: DuplicateFlag | None = None
    # a session's beneficiary: (its id, its case number)
    beneficiary: tuple[str, str] | None = None


class _RowReader:
    """One row's cells to a checked record, by the plan's mapping."""

    def __init__(self, plan: ImportPlan, db: Database, actor: Actor):
        self.plan = plan
        by_key = {column.key: column for column in plan.columns}
        self.width = len(plan.headers)
        self.mapped = [
            (index, by_key[key], plan.headers[index], *self._reading(by_key[key]))
            for index, key in enumerate(plan.targets)
            if key is not None
        ]
        self.header_of = {column.key: header for _, column, header, _, _ in self.mapped}
        self.definition = plan.forms.of(RECORD_KINDS[plan.entity])
        self.default = plan.forms.default_language
        self.validate = _VALIDATE[plan.entity]
        self.sessions = plan.entity is Entity.CASE_SESSION
        numbered = SESSION_LINK in plan.targets
        self.beneficiaries = _Beneficiaries(db, actor) if numbered else None
        self.numbers_seen: dict[str, int] = {}  # a kept case number's first row

    def _reading(self, column: TableColumn) -> tuple[dict[str, str] | None, dict[str, Any]]:
        """A column's translated choice words (choices and yes/no only) and a cache of
        its cells' values: ``from_cell`` is a pure function of the text, and a column
        repeats a few texts on most rows (choices, yes/no, common names, dates), each
        read once so (a third of the checks' time at 100,000 rows)."""
        kind = column.custom.kind.value if column.custom is not None else column.field.kind.value
        words = self._choice_words(column) if kind in ("choice", "choices", "yes_no") else None
        return words, {}

    def _choice_words(self, column: TableColumn) -> dict[str, str]:
        """Translated choice labels (and yes/no words) to stored values."""
        words: dict[str, str] = {}
        for translate in self.plan.translations:
            for word in (tabular.YES, tabular.NO):
                words.setdefault(translate(tabular.YES_NO_CONTEXT, word).casefold(), word)
            enum = column.field.choices if column.field is not None else None
            for member in enum or ():
                label = translate(schema.CHOICE_CONTEXT, schema.choice_label(member))
                words.setdefault(label.casefold(), member.value)
        return words

    def read(self, number: int, cells: list[str]) -> CheckedRow:
        problems: list[CellProblem] = []
        if len(cells) > self.width and any(cell.strip() for cell in cells[self.width :]):
            problems.append(
                CellProblem(
                    number,
                    "",
                    "",
                    f"row {number} has {len(cells)} cells; the header row has {self.width}",
                )
            )
        built: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        bad: set[str] = set()
        for index, column, header, words, cache in self.mapped:
            text = cells[index] if index < len(cells) else ""
            if not text or text.isspace():
                continue  # empty: the field's default, as a form left blank
            if text in cache:
                value = cache[text]
            elif is_formula(text):
                bad.add(column.key)
                problems.append(
                    CellProblem(
                        number,
                        header,
                        column.key,
                        f"{header}: a formula, not a value; type the value instead",
                    )
                )
                continue
            else:
                try:
                    value = tabular.from_cell(
                        column,
                        text,
                        date_order=self.plan.date_order,
                        choice_words=words,
                        default_language=self.default,
                    )
                except ValueError as exc:
                    bad.add(column.key)
                    problems.append(CellProblem(number, header, column.key, str(exc)))
                    continue
                if len(cache) < _CACHED_TEXTS:
                    cache[text] = value
            if value is None:
                continue
            if column.custom is not None:
                custom[column.custom.key] = value
            else:
                built[column.key] = value
        beneficiary = None
        case_number = built.pop(SESSION_LINK, None)
        header = self.header_of.get(SESSION_LINK, "")
        if self.sessions and self.beneficiaries is not None:
            found = self.beneficiaries.find(case_number)
            if isinstance(found, str):
                problems.append(CellProblem(number, header, SESSION_LINK, found))
            else:
                beneficiary = found
        elif case_number and self.beneficiaries is not None:
            why = self.beneficiaries.unusable(case_number)
            first = self.numbers_seen.setdefault(case_number.casefold(), number)
            if why is None and first != number:
                why = f"Case no. {case_number} is in row {first} too."
            if why is not None:
                bad.add(SESSION_LINK)
                problems.append(CellProblem(number, header, SESSION_LINK, why))
                case_number = None
        try:
            cleaned, custom_values = checked_together(
                lambda: self.validate(built, bad),
                lambda: self._check_custom(
                    {k: v for k, v in custom.items() if CUSTOM_PREFIX + k not in bad}, bad
                ),
            )
        except ValidationError as exc:
            for name, problem in exc.problems.items():
                if name in bad:
                    continue
                header = self.header_of.get(name, "")
                problems.append(CellProblem(number, header, name, problem.english(), problem))
            return CheckedRow(number, cells, None, tuple(problems))
        if problems:
            return CheckedRow(number, cells, None, tuple(problems))
        values = {**cleaned, "custom": custom_values}
        if case_number and not self.sessions:
            values[SESSION_LINK] = case_number  # kept (bulk.CASE_NUMBER)
        return CheckedRow(number, cells, values, beneficiary=beneficiary)

    def _check_custom(self, values: dict[str, Any], bad: set[str]) -> dict[str, Any]:
        """The definition's check of a new record's custom values (``forms.check_values``,
        as ``services.forms.check_custom`` runs it for a create), without the audit diff,
        stored text and search text that a one-record write needs and the bulk path
        makes itself: a third of the import's time at 100,000 rows."""
        cleaned, problems, _incomplete = check_values(self.definition, values, require=True)
        problems = {k: p for k, p in problems.items() if CUSTOM_PREFIX + k not in bad}
        if problems:
            raise ValidationError(
                {
                    CUSTOM_PREFIX + key: value_problem(
                        self.definition.field(key), key, problem, values.get(key), self.default
                    )
                    for key, problem in problems.items()
                }
            )
        return cleaned


class _Beneficiaries:
    """The stored beneficiaries by case number, for matching sessions to them: one query
    (id, owner, status: some tens of bytes a record), then a dict lookup per row."""

    def __init__(self, db: Database, actor: Actor):
        self._actor = actor
        with db.read() as uow:
            rows = uow.session.execute(
                select(
                    BeneficiaryRow.case_number,
                    BeneficiaryRow.id,
                    BeneficiaryRow.caseworker_id,
                    BeneficiaryRow.status,
                ).where(BeneficiaryRow.deleted_at.is_(None))
            )
            self._by_number = {
                number.casefold(): (number, beneficiary_id, owner, status)
                for number, beneficiary_id, owner, status in rows
            }

    def unusable(self, case_number: str) -> str | None:
        """Why a beneficiary cannot keep this case number (None: it can)."""
        if len(case_number) > MAX_LENGTHS[SESSION_LINK]:
            return f"Case no. must be at most {MAX_LENGTHS[SESSION_LINK]} characters."
        found = self._by_number.get(case_number.casefold())
        if found is not None:
            return f"Case no. {found[0]} is already a beneficiary's here."
        return None

    def find(self, case_number: Any) -> tuple[str, str] | str:
        """(beneficiary id, case number), or why the session cannot be matched."""
        if not case_number:
            return "Case no. is required: it says whose session this is."
        found = self._by_number.get(str(case_number).strip().casefold())
        if found is None:
            return f"Case no. {case_number}: no beneficiary here has this case number."
        number, beneficiary_id, owner, status = found
        try:
            require_record_access(self._actor, owner)
        except PermissionDenied as exc:
            return f"Case no. {number}: {exc}"
        if status != "active":
            # the services' rule for a new session (CaseSessionService.create)
            return f"Case no. {number}: this case is closed; reopen it before recording a session."
        return beneficiary_id, number


class _Duplicates:
    """Likely duplicates: between rows of the file, and against this laptop's records.

    The file's rows are remembered by a hash of their folded name and date of birth, and
    of their phone key (a few tens of bytes a row, so a million rows stay bounded); the
    laptop's records are asked through the duplicate check a form uses, one read
    transaction every few hundred rows.
    """

    def __init__(self, db: Database, actor: Actor, forms: FormSet, entity: Entity):
        self._db = db
        self._actor = actor
        self._definition = forms.beneficiary
        self._sessions = entity is Entity.CASE_SESSION
        self._seen: dict[int, int] = {}
        table = CaseSessionRow if self._sessions else BeneficiaryRow
        with db.read() as uow:
            count = uow.session.execute(
                select(func.count()).select_from(table).where(table.deleted_at.is_(None))
            ).scalar_one()
        self._existing = count > 0  # a fresh database has nothing to compare with
        self._uow: Any = None
        self._asked = 0

    def _keys(self, row: CheckedRow) -> list[int]:
        values = row.values or {}
        if self._sessions:  # the same beneficiary seen at the same time twice
            assert row.beneficiary is not None
            return [hash(("session", row.beneficiary[0], str(values.get("starts_at"))))]
        keys = []
        name = fold(f"{values.get('first_name') or ''} {values.get('last_name') or ''}")
        if name:
            born = values.get("date_of_birth")
            keys.append(hash(("name", " ".join(sorted(name.split())), str(born))))
        phone = phone_key(values.get("phone"))
        if phone:
            keys.append(hash(("phone", phone)))
        return keys

    def flag(self, row: CheckedRow) -> DuplicateFlag | None:
        values = row.values
        if values is None:
            return None
        earlier = None
        for key in self._keys(row):
            first = self._seen.setdefault(key, row.number)
            if first != row.number and earlier is None:
                earlier = first
        if earlier is not None:
            return DuplicateFlag(row.number, same_as_row=earlier)
        if not self._existing:
            return None
        if self._sessions:
            return self._same_session(row)
        found = find_possible_duplicates(
            self._session(),
            self._actor,
            values,
            custom=values.get("custom"),
            definition=self._definition,
            limit=3,
        )
        if not found:
            return None
        reasons = tuple(dict.fromkeys(reason for item in found for reason in item.reasons))
        return DuplicateFlag(
            row.number, case_numbers=tuple(item.case_number for item in found), reasons=reasons
        )

    def _same_session(self, row: CheckedRow) -> DuplicateFlag | None:
        assert row.beneficiary is not None and row.values is not None
        beneficiary_id, case_number = row.beneficiary
        same = (
            self._session()
            .execute(
                select(CaseSessionRow.id).where(
                    CaseSessionRow.beneficiary_id == beneficiary_id,
                    CaseSessionRow.starts_at == row.values["starts_at"],
                    CaseSessionRow.deleted_at.is_(None),
                )
            )
            .first()
        )
        if same is None:
            return None
        return DuplicateFlag(row.number, case_numbers=(case_number,), reasons=(SAME_START,))

    def _session(self) -> Session:
        if self._uow is None or self._asked >= _DUPLICATE_QUERIES_EVERY:
            self.close()
            self._uow = self._db.read()
            self._uow.__enter__()
            self._asked = 0
        self._asked += 1
        return self._uow.session

    def close(self) -> None:
        if self._uow is not None:
            self._uow.__exit__(None, None, None)
            self._uow = None


def checked_rows(
    plan: ImportPlan,
    db: Database,
    actor: Actor,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[CheckedRow]:
    """Every data row of the file, read, checked and flagged; stops early on cancel."""
    reader = _RowReader(plan, db, actor)
    duplicates = _Duplicates(db, actor, plan.forms, plan.entity)
    try:
        for number, cells in plan.table.rows(progress):
            if cancelled():
                return
            row = reader.read(number, cells)
            flag = duplicates.flag(row)
            if flag is not None:
                row = CheckedRow(row.number, row.cells, row.values, row.problems, flag)
            yield row
    finally:
        duplicates.close()


@dataclass(frozen=True)
class Preview:
    plan: ImportPlan
    rows: tuple[CheckedRow, ...]  # the first PREVIEW_ROWS rows
    more: bool  # the file has rows after these


def preview(plan: ImportPlan, db: Database, actor: Actor, *, limit: int = PREVIEW_ROWS) -> Preview:
    """The first rows as they would be imported, each bad cell marked, duplicates flagged."""
    rows: list[CheckedRow] = []
    more = False
    for row in checked_rows(plan, db, actor):
        if len(rows) == limit:
            more = True
            break
        rows.append(row)
    return Preview(plan, tuple(rows), more)


# -- the import -----------------------------------------------------------------------------


@dataclass
class ImportReport:
    rows: int = 0  # data rows read
    valid: int = 0
    imported: int = 0
    rejected: int = 0
    duplicates: int = 0
    problems: list[CellProblem] = field(default_factory=list)  # the first LISTED
    duplicate_flags: list[DuplicateFlag] = field(default_factory=list)  # the first LISTED
    dry_run: bool = False
    mode: Mode = Mode.VALID_ROWS
    cancelled: bool = False
    rejects_path: Path | None = None
    date_order: str | None = None
    entity: Entity = Entity.BENEFICIARY

    def note(self, row: CheckedRow, *, rejected: bool) -> None:
        self.rows += 1
        if rejected:
            self.rejected += 1
            room = LISTED - len(self.problems)
            if room > 0:
                self.problems.extend(row.problems[:room])
        else:
            self.valid += 1
        if row.duplicate is not None:
            self.duplicates += 1
            if len(self.duplicate_flags) < LISTED:
                self.duplicate_flags.append(row.duplicate)

    def summary(self) -> str:
        if self.cancelled and not self.imported:
            return "Cancelled; nothing was imported."
        parts = [f"{self.rows:,} rows read", f"{self.valid:,} valid", f"{self.rejected:,} rejected"]
        if self.duplicates:
            parts.append(f"{self.duplicates:,} likely duplicates")
        if self.dry_run:
            return "; ".join(parts) + "; nothing was imported (dry run)."
        if self.mode is Mode.ALL_OR_NOTHING and self.rejected:
            return "; ".join(parts) + "; nothing was imported (all or nothing)."
        noun = NOUNS[self.entity][self.imported != 1]
        text = "; ".join(parts) + f"; {self.imported:,} {noun} imported."
        if self.cancelled:
            text += " Cancelled: the rows after these were not imported."
        return text


class _Rejects:
    """The rejected rows with their reasons: a CSV (UTF-8 with a BOM, so a spreadsheet
    opens it right) written beside its target and renamed into place at the end, 0600
    (it holds personal data). Cells are neutralised against formulas."""

    def __init__(self, path: Path | None, headers: Sequence[str]):
        self.path = path
        self._stream: Any = None
        if path is None:
            return
        # mkstemp makes the file 0600 from the start, whatever the umask
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self._temporary = Path(name)
        self._stream = open(fd, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._stream)
        self._writer.writerow(["Row", *headers, "Problems"])

    def write(self, row: CheckedRow, reasons: Iterable[str]) -> None:
        if self._stream is None:
            return
        cells = [tabular.neutralise(as_written(cell)) for cell in row.cells]
        self._writer.writerow([row.number, *cells, tabular.neutralise("; ".join(reasons))])

    def finish(self) -> Path | None:
        if self._stream is None:
            return None
        self._stream.close()
        os.replace(self._temporary, self.path)
        return self.path

    def discard(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._temporary.unlink(missing_ok=True)


def _audit_event(actor: Actor, plan: ImportPlan, report: ImportReport) -> Callable:
    def record(session: Session, result: ImportResult) -> None:
        imported = result.beneficiaries + result.case_sessions
        report.imported = imported
        if not imported:
            return  # nothing imported: nothing to account for
        record_audit(
            session,
            user_id=actor.id,
            action="import",
            entity=plan.entity.value,
            entity_id=str(uuid.uuid4()),
            changes={
                "rows": [None, imported],
                "rejected": [None, report.rejected],
                "format": [None, plan.table.format],
                "mode": [None, report.mode.value],
            },
        )

    return record


def run_import(
    plan: ImportPlan,
    db: Database,
    actor: Actor,
    *,
    mode: Mode = Mode.VALID_ROWS,
    dry_run: bool = False,
    rejects: Path | None = None,
    skip_duplicates: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Checks every row and, unless ``dry_run``, imports them as ``mode`` says.

    Progress is (done, total) in thousandths of the work. The plan's date order must be
    settled (``settle_date_order``); likely duplicates are imported unless
    ``skip_duplicates`` (then they are rejected, with the record they look like).
    """
    if plan.entity is Entity.CASE_SESSION and SESSION_LINK not in plan.targets:
        raise UserError(
            "Map a column to Case no.: it says whose session each row is. Nothing was imported."
        )
    report = ImportReport(
        dry_run=dry_run, mode=mode, date_order=plan.date_order, entity=plan.entity
    )
    two_passes = dry_run or mode is Mode.ALL_OR_NOTHING
    share = 500 if two_passes and not dry_run else 1000

    def scaled(offset: int) -> Progress | None:
        if progress is None:
            return None
        return lambda done, total: progress(offset + done * share // max(total, 1), 1000)

    rejected_rows = _Rejects(rejects, plan.headers)

    def accepted(rows: Iterable[CheckedRow], *, count: bool) -> Iterator[CheckedRow]:
        for row in rows:
            reasons = [problem.message for problem in row.problems]
            if skip_duplicates and row.duplicate is not None and row.values is not None:
                reasons.append(row.duplicate.message)
            bad = bool(reasons)
            if count:
                report.note(row, rejected=bad)
                if bad:
                    rejected_rows.write(row, reasons)
            if not bad and row.values is not None:
                yield row

    try:
        if two_passes:
            for _ in accepted(
                checked_rows(plan, db, actor, progress=scaled(0), cancelled=cancelled), count=True
            ):
                pass
            if cancelled():
                report.cancelled = True
                rejected_rows.discard()
                return report
            report.rejects_path = rejected_rows.finish()
            if dry_run or report.rejected:
                return report
            records = accepted(
                checked_rows(plan, db, actor, progress=scaled(500), cancelled=cancelled),
                count=False,
            )
        else:
            records = accepted(
                checked_rows(plan, db, actor, progress=scaled(0), cancelled=cancelled), count=True
            )
        importer = BulkImporter(db, actor)
        options: dict[str, Any] = {
            "is_cancelled": cancelled,
            "all_or_nothing": mode is Mode.ALL_OR_NOTHING,
            "event": _audit_event(actor, plan, report),
        }
        if plan.entity is Entity.CASE_SESSION:
            # the owner a session made in the form gets: who records it
            result = importer.import_sessions(
                ((row.beneficiary[0], actor.id, row.values) for row in records if row.beneficiary),
                **options,
            )
        else:
            result = importer.import_records(((row.values, []) for row in records), **options)
        report.imported = result.beneficiaries + result.case_sessions
        report.cancelled = result.cancelled or cancelled()
        if not two_passes:
            if report.cancelled and not report.imported:
                rejected_rows.discard()
            else:  # the rejects of the rows read, whose valid ones were imported
                report.rejects_path = rejected_rows.finish()
    except BaseException:
        rejected_rows.discard()
        raise
    log.info(
        "import: %d rows, %d imported, %d rejected, %d likely duplicates (mode %s)",
        report.rows,
        report.imported,
        report.rejected,
        report.duplicates,
        mode.value,
    )
    return report


class ImportService:
    """The import use case bound to the logged-in user (what the GUI is handed)."""

    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    def plan(self, path: Path, **options: Any) -> ImportPlan:
        return plan_import(path, self._db, **options)

    def preview(self, plan: ImportPlan, *, limit: int = PREVIEW_ROWS) -> Preview:
        return preview(plan, self._db, self._actor, limit=limit)

    def run(self, plan: ImportPlan, **options: Any) -> ImportReport:
        return run_import(plan, self._db, self._actor, **options)
