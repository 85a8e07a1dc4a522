"""Reports for supervisors: counts over the caseload, each declared once in ``REPORTS``.

A report is a name, a title, the record kind it counts, its columns and its query. The
CLI (``caseload report``), the dashboard (``desktop/ui/dashboard.py``), the benchmark
(``tests/benchmarks/report_bench.py``) and the tests all read the same table; the counts
by a choice field are derived from the record schema and the organisation's form
definition (``choice_reports``), so a field added to the form has its report at once.

Every query goes through the services' one visibility rule (``common.visible_*``): a
caseworker counts their own caseload, supervisors and admins the office's. The date range
applies to each report's own date (``Report.dated_by``): the registration for
beneficiaries, the start for sessions, the due date for overdue tasks; months
are UTC months, as times are stored.

Titles and column headers are English (translated in the UI under the context
``report``); choice labels are the schema's (context ``choice``) or the form's own.

"Overdue tasks per caseworker" counts the open follow-up tasks (issue 14) due before today.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import Session

from desktop.domain import forms, schema, tabular
from desktop.domain.enums import Entity, TaskState
from desktop.domain.records import Actor
from desktop.domain.validation import username_key
from desktop.errors import PermissionDenied, UserError
from desktop.paths import create_private_file
from desktop.store.changes import record_audit
from desktop.store.custom_indexes import report_path
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, TaskRow, UserRow

from .common import caseload_owner, visible_beneficiaries, visible_case_sessions, visible_tasks
from .forms import current_forms
from .report_counts import Counts, distinct_values, seek_counts

REPORT_CONTEXT = "report"
AUDIT_ACTION = "report"
NO_VALUE = "(none)"  # the row of records without a value; translated as a title is


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


# (context, English text) -> the reader's words; the UI passes QCoreApplication.translate.
Translate = Callable[[str, str], str]


def english(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class ReportFilter:
    """What a report counts: a date range (inclusive; None: open) and one caseworker."""

    start: date | None = None
    end: date | None = None
    caseworker_id: str | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise UserError(
                f"The date range starts after it ends "
                f"({self.start:%Y-%m-%d} > {self.end:%Y-%m-%d})."
            )


@dataclass(frozen=True)
class RecordKind:
    """A counted record kind: its table, the date a range applies to, its caseworker and
    the visibility rule's conditions. Households join here (issue 14)."""

    entity: Entity
    table: Any
    dated_by: ColumnElement
    caseworker: ColumnElement
    visible: Callable[[Actor], list[ColumnElement[bool]]]
    form_kind: forms.RecordKind | None  # None: the organisation's form has no fields for it


RECORD_KINDS: dict[Entity, RecordKind] = {
    Entity.BENEFICIARY: RecordKind(
        Entity.BENEFICIARY,
        BeneficiaryRow,
        BeneficiaryRow.created_at,
        BeneficiaryRow.caseworker_id,
        visible_beneficiaries,
        forms.RecordKind.BENEFICIARY,
    ),
    Entity.CASE_SESSION: RecordKind(
        Entity.CASE_SESSION,
        CaseSessionRow,
        CaseSessionRow.starts_at,
        CaseSessionRow.caseworker_id,
        visible_case_sessions,
        forms.RecordKind.SESSION,
    ),
    Entity.TASK: RecordKind(
        Entity.TASK, TaskRow, TaskRow.due_on, TaskRow.caseworker_id, visible_tasks, None
    ),
}


class Dimension(StrEnum):
    """What a label column holds, so its stored values can be named for a person."""

    MONTH = "month"  # "2026-03"
    CASEWORKER = "caseworker"  # a user id
    CHOICE = "choice"  # a built-in choice's stored value
    CUSTOM = "custom"  # a custom field's stored value (or true/false)


@dataclass(frozen=True)
class ReportColumn:
    key: str
    title: str  # English; context "report"
    dimension: Dimension | None = None  # None: the count
    # Where the title's translation is: "report", a built-in field's "field", or None
    # for the organisation's own label (as written in its definition).
    context: str | None = REPORT_CONTEXT


COUNT = "count"


@dataclass(frozen=True)
class Scope:
    """What a query is built for: who asks, the filter, the organisation's definition."""

    actor: Actor
    filter: ReportFilter
    forms: forms.FormSet
    today: date


@dataclass(frozen=True)
class Report:
    """One report: its stable name (CLI, bench), title, counted kind, columns, and query
    (a statement whose columns are the label columns' stored values and the count)."""

    name: str
    title: str
    entity: Entity
    columns: tuple[ReportColumn, ...]
    query: Callable[[Session, Scope], Counts]
    dated_by: str  # English: what the date range applies to
    # A built-in choice field or a custom field, for counts by a choice field.
    choice_field: schema.Field | None = None
    custom_field: forms.CustomField | None = None

    @property
    def kind(self) -> RecordKind:
        return RECORD_KINDS[self.entity]

    @property
    def label_columns(self) -> tuple[ReportColumn, ...]:
        return tuple(c for c in self.columns if c.dimension is not None)


@dataclass(frozen=True)
class ReportResult:
    """A report's rows: label cells (what a person reads) then the count."""

    report: Report
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    keys: tuple[tuple[Any, ...], ...]  # the stored values behind each row's labels
    filter: ReportFilter

    @property
    def total(self) -> int:
        return sum(row[-1] for row in self.rows)

    def csv_text(self) -> str:
        """The table as CSV (labels neutralised so a spreadsheet runs no formula)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([tabular.neutralise(h) for h in self.headers])
        for row in self.rows:
            writer.writerow([tabular.neutralise(c) for c in row])
        return out.getvalue()

    def text_table(self) -> str:
        widths = [
            max(len(str(self.headers[i])), *(len(_shown(r[i])) for r in self.rows))
            if self.rows
            else len(self.headers[i])
            for i in range(len(self.headers))
        ]
        lines = ["  ".join(str(h).ljust(w) for h, w in zip(self.headers, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        for row in self.rows:
            cells = []
            for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
                text = _shown(cell)
                cells.append(text.rjust(width) if i == len(row) - 1 else text.ljust(width))
            lines.append("  ".join(cells))
        return "\n".join(lines)


def _shown(cell: Any) -> str:
    return f"{cell:,}" if isinstance(cell, int) else str(cell)


# Cells a spreadsheet would run as a formula start with one of these.


# -- the queries -----------------------------------------------------------------------------


def _where(
    kind: RecordKind, scope: Scope, month: tuple[datetime, datetime] | None = None
) -> list[ColumnElement[bool]]:
    """Visibility, date range and caseworker: every report's common conditions. ``month``:
    only its part of the range, as ONE pair of bounds (given two pairs, SQLite seeks the
    index by one and filters by the other: each month read the whole range)."""
    conditions = list(kind.visible(scope.actor))
    start, end = scope.filter.start, scope.filter.end
    low = datetime.combine(start, time.min) if start is not None else None
    high = datetime.combine(end + timedelta(days=1), time.min) if end is not None else None
    if month is not None:
        low = month[0] if low is None else max(low, month[0])
        high = month[1] if high is None else min(high, month[1])
    if low is not None:
        conditions.append(kind.dated_by >= low)
    if high is not None:
        conditions.append(kind.dated_by < high)
    if scope.filter.caseworker_id is not None:
        conditions.append(kind.caseworker == scope.filter.caseworker_id)
    return conditions


def _months(
    session: Session,
    kind: RecordKind,
    scope: Scope,
    then: ColumnElement | None,
    then_values: Sequence[Any],
) -> list[tuple[str, datetime, datetime]]:
    """Every month of the range (of the records, when it is open) and its bounds, in order.

    An open end is read from the report index: min() and max() of the date, per counted
    value when the index starts with one (each a single seek)."""
    live = kind.table.deleted_at.is_(None)

    def bound(first: bool) -> Any:
        pick = func.min if first else func.max
        if then is None:
            return session.execute(select(pick(kind.dated_by)).where(live)).scalar()
        found = [
            session.execute(select(pick(kind.dated_by)).where(live, then == value)).scalar()
            for value in then_values
        ]
        found = [value for value in found if value is not None]
        return (min if first else max)(found) if found else None

    first = scope.filter.start or bound(True)
    last = scope.filter.end or bound(False)
    if first is None or last is None:
        return []
    months = []
    year, number = first.year, first.month
    while (year, number) <= (last.year, last.month):
        following = (year + 1, 1) if number == 12 else (year, number + 1)
        months.append(
            (f"{year:04d}-{number:02d}", datetime(year, number, 1), datetime(*following, 1))
        )
        year, number = following
    return months


def _order(known: Sequence[Any], value: Any) -> tuple:
    return (value is None, known.index(value) if value in known else len(known), str(value))


def _choice_values(item: schema.Field) -> list[str]:
    return [member.value for member in item.choices or ()]


def _user_ids(session: Session) -> list[str]:
    # In the order the rows are shown: by name.
    return list(session.execute(select(UserRow.id).order_by(UserRow.display_name)).scalars())


def _by_column(entity: Entity, name: str) -> Callable[[Session, Scope], Counts]:
    """Counts by a built-in choice column of ``entity``'s table."""
    kind = RECORD_KINDS[entity]
    item = schema.field(entity, name)
    assert item is not None
    column = getattr(kind.table, name)

    def query(session: Session, scope: Scope) -> Counts:
        return seek_counts(session, kind.table, _where(kind, scope), column, _choice_values(item))

    return query


def _per_month(entity: Entity, then: str | None = None) -> Callable[[Session, Scope], Counts]:
    """Counts per month (then per ``then``'s value): a range count per month, through the
    index that starts with the date (or with ``then``, seeking each of its values)."""
    kind = RECORD_KINDS[entity]
    then_column = getattr(kind.table, then) if then else None
    then_field = schema.field(entity, then) if then else None
    then_values = _choice_values(then_field) if then_field else []

    def query(session: Session, scope: Scope) -> Counts:
        where = _where(kind, scope)
        found: Counts = []
        for month, start, end in _months(session, kind, scope, then_column, then_values):
            in_month = _where(kind, scope, (start, end))
            if then_column is None:
                count = session.execute(
                    select(func.count()).select_from(kind.table).where(*in_month)
                ).scalar_one()
                found += [(month, count)] if count else []
            else:
                found += [
                    (month, *row)
                    for row in seek_counts(
                        session, kind.table, in_month, then_column, then_values, complete=True
                    )
                ]
        if then_column is not None:
            # Values outside the known ones, once for the whole range (a few seeks), by month.
            month_of = func.substr(kind.dated_by, 1, 7)
            strays = seek_counts(
                session, kind.table, where, then_column, then_values, then=month_of, rest_only=True
            )
            found = sorted(
                found + [(month, value, count) for value, month, count in strays],
                key=lambda row: (row[0], _order(then_values, row[1])),
            )
        return found

    return query


def _per_caseworker(entity: Entity) -> Callable[[Session, Scope], Counts]:
    kind = RECORD_KINDS[entity]

    def query(session: Session, scope: Scope) -> Counts:
        return seek_counts(
            session,
            kind.table,
            _where(kind, scope),
            kind.caseworker,
            _user_ids(session),
            complete=True,
        )

    return query


def _overdue_tasks(session: Session, scope: Scope) -> Counts:
    """Open follow-up tasks due before today, per assigned caseworker, of the beneficiaries
    this reader may see; the range applies to the due date. Through
    ix_tasks_report_overdue (migration 0018), a seek per caseworker."""
    # One upper bound, the earlier of today and the range's end (two, and SQLite seeks by
    # one and reads every row the other leaves out).
    before = scope.today
    if scope.filter.end is not None:
        before = min(before, scope.filter.end + timedelta(days=1))
    where = [
        *visible_tasks(scope.actor),
        TaskRow.state == TaskState.OPEN.value,
        TaskRow.due_on < before,
    ]
    if scope.filter.start is not None:
        where.append(TaskRow.due_on >= scope.filter.start)
    if scope.filter.caseworker_id is not None:
        where.append(TaskRow.caseworker_id == scope.filter.caseworker_id)
    return seek_counts(
        session, TaskRow, where, TaskRow.caseworker_id, _user_ids(session), complete=True
    )


_MONTH = ReportColumn("month", QT_TRANSLATE_NOOP("report", "Month"), Dimension.MONTH)
_CASEWORKER = ReportColumn(
    "caseworker", QT_TRANSLATE_NOOP("report", "Caseworker"), Dimension.CASEWORKER
)
_REGISTERED = QT_TRANSLATE_NOOP("report", "registration date")
_STARTS = QT_TRANSLATE_NOOP("report", "session start")


def _count(title: str) -> ReportColumn:
    return ReportColumn(COUNT, title)


REPORTS: tuple[Report, ...] = (
    Report(
        "cases",
        QT_TRANSLATE_NOOP("report", "Active and closed cases"),
        Entity.BENEFICIARY,
        (
            ReportColumn("status", QT_TRANSLATE_NOOP("report", "Status"), Dimension.CHOICE),
            _count(QT_TRANSLATE_NOOP("report", "Cases")),
        ),
        _by_column(Entity.BENEFICIARY, "status"),
        _REGISTERED,
        choice_field=schema.field(Entity.BENEFICIARY, "status"),
    ),
    Report(
        "registrations",
        QT_TRANSLATE_NOOP("report", "New registrations per month"),
        Entity.BENEFICIARY,
        (_MONTH, _count(QT_TRANSLATE_NOOP("report", "Registrations"))),
        _per_month(Entity.BENEFICIARY),
        _REGISTERED,
    ),
    Report(
        "sessions-per-month",
        QT_TRANSLATE_NOOP("report", "Sessions per month by kind"),
        Entity.CASE_SESSION,
        (
            _MONTH,
            ReportColumn("kind", QT_TRANSLATE_NOOP("report", "Kind"), Dimension.CHOICE),
            _count(QT_TRANSLATE_NOOP("report", "Sessions")),
        ),
        _per_month(Entity.CASE_SESSION, "kind"),
        _STARTS,
        choice_field=schema.field(Entity.CASE_SESSION, "kind"),
    ),
    Report(
        "sessions-per-caseworker",
        QT_TRANSLATE_NOOP("report", "Sessions per caseworker"),
        Entity.CASE_SESSION,
        (_CASEWORKER, _count(QT_TRANSLATE_NOOP("report", "Sessions"))),
        _per_caseworker(Entity.CASE_SESSION),
        _STARTS,
    ),
    Report(
        "overdue-tasks",
        QT_TRANSLATE_NOOP("report", "Overdue tasks per caseworker"),
        Entity.TASK,
        (_CASEWORKER, _count(QT_TRANSLATE_NOOP("report", "Overdue tasks"))),
        _overdue_tasks,
        QT_TRANSLATE_NOOP("report", "due date (before today)"),
    ),
)

_KIND_WORDS = {
    Entity.BENEFICIARY: QT_TRANSLATE_NOOP("report", "Beneficiaries by %1"),
    Entity.CASE_SESSION: QT_TRANSLATE_NOOP("report", "Sessions by %1"),
}
_KIND_NAMES = {Entity.BENEFICIARY: "beneficiaries", Entity.CASE_SESSION: "sessions"}
_DATED = {Entity.BENEFICIARY: _REGISTERED, Entity.CASE_SESSION: _STARTS}
CHOICE_KINDS = (forms.CustomKind.CHOICE, forms.CustomKind.YES_NO, forms.CustomKind.CHOICES)


def _by_built_in(entity: Entity, item: schema.Field) -> Report:
    return Report(
        f"{_KIND_NAMES[entity]}-by-{item.name}",
        _KIND_WORDS[entity],
        entity,
        (
            ReportColumn(item.name, item.label, Dimension.CHOICE, context=schema.LABEL_CONTEXT),
            _count(_count_title(entity)),
        ),
        _by_column(entity, item.name),
        _DATED[entity],
        choice_field=item,
    )


def _custom_value(kind: RecordKind, key: str) -> ColumnElement:
    # As the report index writes it (store/custom_indexes.report_index_sql).
    return func.json_extract(kind.table.custom, literal_column(report_path(key)))


def _by_custom(entity: Entity, item: forms.CustomField, default_language: str) -> Report:
    kind = RECORD_KINDS[entity]
    value = _custom_value(kind, item.key)

    def query(session: Session, scope: Scope) -> Counts:
        where = _where(kind, scope)
        if item.kind is forms.CustomKind.YES_NO:
            return seek_counts(session, kind.table, where, value, [1, 0])
        if item.kind is forms.CustomKind.CHOICE:
            return seek_counts(session, kind.table, where, value, item.choice_values)
        # Several choices: counted by each stored list (a few distinct ones), then once
        # per chosen value; a record that chose none counts as "(none)".
        per_value: dict[Any, int] = {}
        stored_lists = distinct_values(session, kind.table, value)
        for stored, count in seek_counts(session, kind.table, where, value, stored_lists):
            chosen = _chosen(stored)
            for choice in chosen or [None]:
                per_value[choice] = per_value.get(choice, 0) + count
        order = {v: at for at, v in enumerate(item.choice_values)}
        return sorted(
            per_value.items(),
            key=lambda row: (row[0] is None, order.get(row[0], len(order)), str(row[0])),
        )

    return Report(
        f"{_KIND_NAMES[entity]}-by-custom.{item.key}",
        _KIND_WORDS[entity],
        entity,
        (
            ReportColumn(
                f"custom.{item.key}",
                item.label(default_language, default_language),
                Dimension.CUSTOM,
                context=None,
            ),
            _count(_count_title(entity)),
        ),
        query,
        _DATED[entity],
        custom_field=item,
    )


def _chosen(stored: Any) -> list[Any]:
    try:
        chosen = json.loads(stored) if isinstance(stored, str) else stored
    except ValueError:
        return [stored]
    return list(chosen) if isinstance(chosen, list) else [chosen]


def _count_title(entity: Entity) -> str:
    if entity is Entity.BENEFICIARY:
        return QT_TRANSLATE_NOOP("report", "Beneficiaries")
    return QT_TRANSLATE_NOOP("report", "Sessions")


def choice_reports(definition: forms.FormSet) -> tuple[Report, ...]:
    """A count by every choice field: the built-in ones of each record kind, then the
    organisation's active choice, yes/no and several-choices fields."""
    found: list[Report] = []
    for entity, kind in RECORD_KINDS.items():
        if kind.form_kind is None:
            continue  # tasks: counted in their own report (overdue tasks)
        for item in schema.FIELDS[entity]:
            if item.kind is schema.Kind.CHOICE:
                found.append(_by_built_in(entity, item))
        for custom in definition.of(kind.form_kind).active:
            if custom.kind in CHOICE_KINDS:
                found.append(_by_custom(entity, custom, definition.default_language))
    return tuple(found)


def all_reports(definition: forms.FormSet) -> tuple[Report, ...]:
    """Every report of an organisation: the fixed ones, then the counts by choice field."""
    return REPORTS + choice_reports(definition)


def _labels(report: Report, scope: Scope, names: dict[str, str], translate: Translate):
    """How each label column's stored values read (one function per column)."""
    language = scope.forms.default_language

    def month(value: Any) -> str:
        return value or translate(REPORT_CONTEXT, NO_VALUE)

    def caseworker(value: Any) -> str:
        return names.get(value, value or translate(REPORT_CONTEXT, NO_VALUE))

    def choice_of(item: schema.Field | None) -> Callable[[Any], str]:
        members = {m.value: m for m in item.choices} if item and item.choices else {}

        def read(value: Any) -> str:
            if value in (None, ""):
                return translate(REPORT_CONTEXT, NO_VALUE)
            member = members.get(value)
            if member is None:
                return str(value)
            return translate(schema.CHOICE_CONTEXT, schema.choice_label(member))

        return read

    def custom(value: Any) -> str:
        item = report.custom_field
        if value is None:
            return translate(REPORT_CONTEXT, NO_VALUE)
        if item is not None and item.kind is forms.CustomKind.YES_NO:
            return translate(REPORT_CONTEXT, "Yes" if value else "No")
        return item.choice_label(str(value), language, language) if item else str(value)

    readers = []
    for column in report.label_columns:
        if column.dimension is Dimension.MONTH:
            readers.append(month)
        elif column.dimension is Dimension.CASEWORKER:
            readers.append(caseworker)
        elif column.dimension is Dimension.CHOICE:
            item = report.choice_field or schema.field(report.entity, column.key)
            readers.append(choice_of(item))
        else:
            readers.append(custom)
    return readers


# Yes and No, for lupdate (a yes/no field's rows).
_YES_NO = (QT_TRANSLATE_NOOP("report", "Yes"), QT_TRANSLATE_NOOP("report", "No"))


def report_title(report: Report, definition: forms.FormSet, translate: Translate) -> str:
    title = translate(REPORT_CONTEXT, report.title)
    if report.choice_field is not None and "%1" in title:
        field_label = translate(schema.LABEL_CONTEXT, report.choice_field.label).lower()
        return title.replace("%1", field_label)
    if report.custom_field is not None:
        language = definition.default_language
        return title.replace("%1", report.custom_field.label(language, language))
    return title


def column_title(column: ReportColumn, translate: Translate) -> str:
    return column.title if column.context is None else translate(column.context, column.title)


class ReportService:
    """Runs the reports for one user; each is role-checked by the visibility rule."""

    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    def reports(self) -> tuple[Report, ...]:
        with self._db.read() as uow:
            return all_reports(current_forms(self._db, uow.session))

    def title(self, report: Report, translate: Translate = english) -> str:
        with self._db.read() as uow:
            return report_title(report, current_forms(self._db, uow.session), translate)

    def caseworker_id(self, username: str) -> str:
        """The id of the caseworker a report is filtered to; a caseworker names only
        themselves (their own caseload is all they count)."""
        with self._db.read() as uow:
            found = uow.session.execute(
                select(UserRow.id).where(UserRow.username_key == username_key(username))
            ).scalar_one_or_none()
        if found is None:
            raise UserError(f"--caseworker: no local user named {username!r}.")
        if caseload_owner(self._actor) not in (None, found):
            raise PermissionDenied("A caseworker's reports count their own caseload only.")
        return found

    def find(self, name: str) -> Report:
        found = {report.name: report for report in self.reports()}
        if name not in found:
            raise UserError(f"No report named {name!r}. The reports: {', '.join(found)}.")
        return found[name]

    def run(
        self,
        report: Report | str,
        report_filter: ReportFilter = ReportFilter(),
        *,
        translate: Translate = english,
        today: date | None = None,
    ) -> ReportResult:
        """The report's rows (read only; nothing is audited: see ``export``)."""
        with self._db.read() as uow:
            return self._run(uow.session, report, report_filter, translate, today)

    def run_many(
        self,
        reports: Sequence[Report],
        report_filter: ReportFilter = ReportFilter(),
        *,
        translate: Translate = english,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[ReportResult]:
        """Several reports in one read transaction (the dashboard: one consistent picture)."""
        results = []
        with self._db.read() as uow:
            for done, report in enumerate(reports):
                if cancelled is not None and cancelled():
                    raise UserError("Reports stopped.")
                results.append(self._run(uow.session, report, report_filter, translate, None))
                if progress is not None:
                    progress(done + 1, len(reports))
        return results

    def export(
        self,
        report: Report | str,
        report_filter: ReportFilter = ReportFilter(),
        *,
        format: str,
        translate: Translate = english,
        result: ReportResult | None = None,
    ) -> ReportResult:
        """Runs the report (or takes the shown ``result``) and records the event in the
        audit trail: which report, how many rows, the format; no personal data."""
        with self._db.write() as uow:
            if result is None:
                result = self._run(uow.session, report, report_filter, translate, None)
            record_audit(
                uow.session,
                user_id=self._actor.id,
                action=AUDIT_ACTION,
                entity=result.report.entity.value,
                entity_id=str(uuid.uuid4()),
                changes={
                    "report": [None, result.report.name],
                    "rows": [None, len(result.rows)],
                    "format": [None, format],
                },
            )
            uow.commit()
        return result

    def _run(
        self,
        session: Session,
        report: Report | str,
        report_filter: ReportFilter,
        translate: Translate,
        today: date | None,
    ) -> ReportResult:
        definition = current_forms(self._db, session)
        if isinstance(report, str):
            by_name = {r.name: r for r in all_reports(definition)}
            if report not in by_name:
                raise UserError(f"No report named {report!r}. The reports: {', '.join(by_name)}.")
            report = by_name[report]
        scope = Scope(self._actor, report_filter, definition, today or date.today())
        keys = [tuple(row) for row in report.query(session, scope)]
        names = (
            {uid: name for uid, name in session.execute(select(UserRow.id, UserRow.display_name))}
            if any(c.dimension is Dimension.CASEWORKER for c in report.columns)
            else {}
        )
        readers = _labels(report, scope, names, translate)
        rows = tuple(
            (*(read(value) for read, value in zip(readers, key[:-1], strict=True)), key[-1])
            for key in keys
        )
        return ReportResult(
            report=report,
            title=report_title(report, definition, translate),
            headers=tuple(column_title(c, translate) for c in report.columns),
            rows=rows,
            keys=tuple(key[:-1] for key in keys),
            filter=report_filter,
        )


def save_csv(result: ReportResult, path: Path) -> Path:
    """The report's table as a CSV file, 0600, whole or not at all (a temporary file in
    the same folder renamed over the target at the end)."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.part")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as out:
            out.write(result.csv_text())
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option}: {text!r} is not a date (YYYY-MM-DD).") from None
