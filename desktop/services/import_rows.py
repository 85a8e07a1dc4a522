"""An import's rows read and checked: each cell through ``tabular.from_cell``, each record
by the rules every write uses, likely duplicates flagged.

A row is checked by ``validation``'s record rules and the definition's ``check_values``
together, so a row the preview accepts is one a form would accept. Duplicates are looked
for against the records on this laptop (``duplicates.find_possible_duplicates``, the
form's check) and between rows of the file. A session is matched to its stored
beneficiary by case number, under the session service's rules (visibility, open case).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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
from desktop.errors import PermissionDenied, ValidationError
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow

from .duplicates import find_possible_duplicates, fold, phone_key
from .forms import checked_together
from .import_files import is_formula
from .import_plan import SESSION_LINK, ImportPlan

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

PREVIEW_ROWS = 200  # rows the preview shows; the counts cover the whole file
_DUPLICATE_QUERIES_EVERY = 500  # rows per read transaction of the duplicate check
_CACHED_TEXTS = 2_000  # distinct cell texts remembered per column (bounded memory)
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
