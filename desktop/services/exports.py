"""Exports: the caseload as the list filters it, or the whole office, to CSV or XLSX.

What a file holds: a table per record kind (``desktop.domain.tabular``: record id, case
number, the built-in fields, the organisation's own), the rows the list would show this
user (a caseworker: their own caseload; the list's own visibility rule and filters,
``BeneficiaryService.selecting``), and for sessions the sessions of those beneficiaries.
Rows come in keyset pages (``PAGE`` beneficiaries and their sessions at a time), so a
million sessions are never in memory at once.

Nothing half-written: the file is written under a temporary name beside the target and
renamed at the end; a failure or a cancel removes it. A password encrypts the XLSX the
way Office does (``msoffcrypto-tool``: ECMA-376 agile encryption, AES-256), so Excel and
LibreOffice ask for it when the file is opened. Each export is an audit event per record
kind ("export": rows, format, protected), never with names or the search text.

The record kinds an export knows are one table, ``EXPORTABLE``: beneficiaries, and their
sessions and follow-up tasks (each read per page of beneficiaries).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import operator
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import and_, func, select
from sqlalchemy import types as sa_types

from desktop.domain import tabular
from desktop.domain.enums import Entity
from desktop.domain.forms import FormSet
from desktop.domain.records import Actor, BeneficiaryQuery
from desktop.errors import UserError
from desktop.paths import make_private
from desktop.store.changes import record_audit
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, TaskRow, UserRow, new_id

from . import xlsx_writer
from .beneficiaries import BeneficiaryService
from .common import visible_case_sessions, visible_tasks
from .forms import current_forms

log = logging.getLogger(__name__)

PAGE = 1_000  # beneficiaries per page (and their sessions: about ten times as many rows)
PROTECTED_FORMATS = frozenset({"xlsx"})
_call = operator.call  # a writer applied to its value, in ``map``'s C loop
# The JSON decoder's C scanner, called directly: ``json.loads`` adds two regular
# expression matches (white space around the value) and two Python calls per record.
_scan = json.JSONDecoder().scan_once


# The kinds and formats, declared with the tables (the CLI's choices, without this module).
ExportKind = tabular.TableKind
ExportFormat = tabular.FileFormat


class ExportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


Row = list[tabular.Cell]
# (the export's reader, the beneficiaries' terms) -> rows of cells, in column order
Reader = Callable[["_Reading", list[Any]], Iterator[Row]]


@dataclass(frozen=True)
class Exportable:
    """One record kind an export can write: its stored kind (the audit row's entity and
    its columns) and how its rows are read; ``reader`` None: not built yet."""

    kind: ExportKind
    entity: Entity | None
    sheet: str  # the sheet's and the CSV file's name (English: a file name, not a label)
    reader: Reader | None
    missing: str = ""  # why it cannot be exported yet


@dataclass(frozen=True)
class ExportRequest:
    """``query`` None: the whole office (what this user may see); else the list's query.
    ``translate(context, text)`` words the headers and choices (the UI's translator;
    identity in the CLI). ``language``: the organisation's labels' language."""

    kinds: tuple[ExportKind, ...]
    format: ExportFormat
    path: Path
    query: BeneficiaryQuery | None = None
    as_labels: bool = True
    password: str | None = field(default=None, repr=False)
    language: str = "en"
    translate: tabular.Translate = lambda _context, text: text


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: ExportFormat
    rows: dict[ExportKind, int]
    protected: bool

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def exportable(kind: ExportKind | str) -> Exportable:
    return EXPORTABLE[ExportKind(kind)]


def available() -> tuple[ExportKind, ...]:
    """The kinds that can be exported today (``--what all``)."""
    return tuple(kind for kind, item in EXPORTABLE.items() if item.reader is not None)


class ExportService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor
        # The list's own visibility and filters (``selecting``), not a copy of them.
        self._beneficiaries = BeneficiaryService(db, actor)

    def export(
        self,
        request: ExportRequest,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Writes ``request.path`` (replacing it) or nothing: raises UserError naming the
        problem, ExportCancelled after a cancel."""
        items = self._checked(request)
        target = request.path
        folder = target.parent
        if not folder.is_dir():
            raise UserError(f"The folder {folder} does not exist; choose another place.")
        progress = progress or (lambda _done, _total: None)
        cancelled = cancelled or (lambda: False)
        terms = self._beneficiaries.selecting(request.query)
        with self._db.read() as uow:
            forms = current_forms(self._db, uow.session)
            users = dict(uow.session.execute(select(UserRow.id, UserRow.username)).all())
        reading = _Reading(self._db, request, forms, users, cancelled)
        totals = {item.kind: self._count(item, request, terms) for item in items}
        reading.total = sum(totals.values())
        reading.progress = progress
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
        os.close(handle)
        temporary = Path(name)
        make_private(temporary)  # personal data: only this user (where the OS allows)
        try:
            counts = self._write(request, items, terms, reading, temporary)
            if cancelled():
                raise ExportCancelled()
            protected = bool(request.password)
            with self._db.write() as uow:
                for item in items:
                    assert item.entity is not None
                    record_audit(
                        uow.session,
                        user_id=self._actor.id,
                        action="export",
                        entity=item.entity.value,
                        entity_id=new_id(),
                        changes={
                            "rows": [None, counts[item.kind]],
                            "format": [None, request.format.value],
                            "protected": [None, protected],
                        },
                    )
                os.replace(temporary, target)  # then the event: no file, no event
                try:
                    uow.commit()
                except BaseException:
                    with contextlib.suppress(OSError):
                        target.unlink()  # no event, no file
                    raise
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        log.info("exported %s rows as %s", counts, request.format.value)
        return ExportResult(target, request.format, counts, protected)

    def _checked(self, request: ExportRequest) -> list[Exportable]:
        if not request.kinds:
            raise UserError("Choose what to export: beneficiaries or sessions.")
        items = [exportable(kind) for kind in dict.fromkeys(request.kinds)]
        for item in items:
            if item.reader is None:
                raise UserError(item.missing)
        several = len(items) > 1
        if request.format is ExportFormat.CSV and several and request.path.suffix.lower() != ".zip":
            raise UserError(
                f"{request.path.name}: several kinds as CSV are written as one ZIP file "
                "(a CSV file each); name the file .zip."
            )
        if request.password is not None:
            if request.format.value not in PROTECTED_FORMATS:
                raise UserError(
                    "Password: only XLSX files can be protected with a password; "
                    "choose XLSX, or export without a password."
                )
            if not request.password:
                raise UserError("Password: the password is empty.")
        return items

    def _count(self, item: Exportable, request: ExportRequest, terms: list[Any] | None) -> int:
        """The rows of ``item`` the export will write, for its progress: the whole office's
        sessions and tasks through the visibility rule (no join for the office's
        readers), a filtered list's through its beneficiaries' ids."""
        if terms is None:
            return 0
        with self._db.read() as uow:
            if item.entity is Entity.BENEFICIARY:
                statement = select(func.count()).select_from(BeneficiaryRow).where(*terms)
            else:
                table, visible = _RECORDS_OF_BENEFICIARIES[item.entity]
                if request.query is None:
                    where = visible(self._actor)
                else:
                    selected = select(BeneficiaryRow.id).where(*terms)
                    where = [table.deleted_at.is_(None), table.beneficiary_id.in_(selected)]
                statement = select(func.count()).select_from(table).where(*where)
            return uow.session.execute(statement).scalar_one()

    def _write(
        self,
        request: ExportRequest,
        items: list[Exportable],
        terms: list[Any] | None,
        reading: _Reading,
        temporary: Path,
    ) -> dict[ExportKind, int]:
        tables = [(item, reading.header(item), _rows(item, reading, terms)) for item in items]
        if request.format is ExportFormat.CSV:
            if len(tables) == 1:
                with temporary.open("w", encoding="utf-8-sig", newline="") as stream:
                    _write_csv(stream, *tables[0][1:])
            else:
                _write_csv_zip(temporary, tables)
        elif request.password:
            plain = io.BytesIO()  # the unencrypted workbook never reaches the disk
            _write_xlsx(plain, tables)
            reading.check()
            with temporary.open("wb") as out:
                _encrypt(plain, out, request.password)
        else:
            _write_xlsx(temporary, tables)
        return dict(reading.counts)


# -- reading rows --------------------------------------------------------------------------


class _Reading:
    """One export's reading state: its definition, cell writers, counts and progress."""

    def __init__(
        self,
        db: Database,
        request: ExportRequest,
        forms: FormSet,
        users: dict[str, str],
        cancelled: Callable[[], bool],
    ):
        self.db = db
        self.request = request
        self.forms = forms
        self.users = users
        self.cancelled = cancelled
        self.counts: dict[ExportKind, int] = {}
        self.done = 0
        self.total = 0
        self.progress: Callable[[int, int], None] = lambda _d, _t: None
        self.choice_text = tabular.choice_texts(
            language=request.language,
            default_language=forms.default_language,
            translate=request.translate,
        )

    def columns(self, item: Exportable) -> tuple[tabular.TableColumn, ...]:
        assert item.entity is not None
        return tabular.columns(item.entity, self.forms)

    def header(self, item: Exportable) -> list[str]:
        return [
            tabular.header(
                column,
                language=self.request.language,
                default_language=self.forms.default_language,
                translate=self.request.translate,
            )
            for column in self.columns(item)
        ]

    def writers(self, item: Exportable) -> list[Callable[[Any], tabular.Cell]]:
        return [
            tabular.cell_writer(
                column, as_labels=self.request.as_labels, choice_text=self.choice_text
            )
            for column in self.columns(item)
        ]

    def stored_writers(
        self, item: Exportable, stored: Sequence[Any]
    ) -> list[Callable[[Any], tabular.Cell]]:
        """Each column's cell from its value as the driver returns it: ``stored`` are the
        built-in columns' table columns, whose type reads the stored value (dates, yes/no)
        before ``tabular.cell_writer`` writes it; a caseworker is written as their
        username; the custom columns' writers take the decoded values."""
        dialect = self.db.engine.dialect
        writers = self.writers(item)
        users = self.users

        def username(user_id: Any) -> Any:  # the id of a user this laptop does not know
            return users.get(user_id, user_id)

        for at, column in enumerate(stored):
            write = writers[at]
            if column.key == "caseworker_id":
                write = _remembered(_then(username, write))
            read = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if read is not None:
                write = _then(read, write)
                if isinstance(column.type, _FEW_VALUES):
                    write = _remembered(write)
            writers[at] = write
        return writers

    def check(self) -> None:
        if self.cancelled():
            raise ExportCancelled()

    def advance(self, item: Exportable, rows: int) -> None:
        self.counts[item.kind] = self.counts.get(item.kind, 0) + rows
        self.done += rows
        self.progress(self.done, self.total)
        self.check()


def _then(read: Callable[[Any], Any], write: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: write(read(value))


# Stored types with few distinct values in an office (days, yes/no): their cells are
# remembered per stored text rather than read and written again for every row.
_FEW_VALUES = (sa_types.Date, sa_types.Boolean)
_REMEMBERED = 4_096  # distinct stored values remembered per column; the rest written each time


def _remembered(write: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``write`` remembering its cell per stored value (a user id, a day's text): a column
    of a million rows holds a few thousand of them."""
    cells: dict[Any, Any] = {}

    def cell(stored: Any) -> Any:
        found = cells.get(stored, cells)
        if found is cells:
            found = write(stored)
            if len(cells) < _REMEMBERED:
                cells[stored] = found
        return found

    return cell


def _rows(item: Exportable, reading: _Reading, terms: list[Any] | None) -> Iterator[Row]:
    reading.counts.setdefault(item.kind, 0)
    if terms is None:  # a search of punctuation only: nothing matches
        return iter(())
    assert item.reader is not None
    return item.reader(reading, terms)


def _stored(connection: Any, statement: Any) -> list[Any]:
    """``statement``'s rows as the driver returns them (stored text and numbers), past
    SQLAlchemy's result rows and processors: the export turns each stored value into its
    cell itself (``_Reading.stored_writers``), which halves the reading of a million rows."""
    result = connection.execute(statement)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _beneficiary_pages(
    reading: _Reading, terms: list[Any], columns: Sequence[Any]
) -> Iterator[list[Any]]:
    """The selected beneficiaries' stored ``columns`` (then pk), ``PAGE`` at a time by pk."""
    after = 0
    while True:
        reading.check()
        with reading.db.read() as uow:
            page = _stored(
                uow.session.connection(),
                select(*columns, BeneficiaryRow.pk)
                .where(and_(*terms), BeneficiaryRow.pk > after)
                .order_by(BeneficiaryRow.pk)
                .limit(PAGE),
            )
        if not page:
            return
        yield page
        after = page[-1][-1]


def _custom_part(
    columns: tuple[tabular.TableColumn, ...],
) -> tuple[int, list[str]]:
    """Where the custom columns start, and their keys."""
    keys = [column.custom.key for column in columns if column.custom is not None]
    return len(columns) - len(keys), keys


def _custom_values(text: str | None, keys: list[str]) -> Iterator[Any]:
    """A record's stored custom values of ``keys``, in order (``read_stored``'s reading:
    nothing for text that is not a JSON object)."""
    if not text:
        return iter(())  # every key absent: the writers' None
    try:
        values, end = _scan(text, 0)
        if end != len(text):  # white space or more after the value: read it all
            values = json.loads(text)
    except (StopIteration, ValueError):
        try:
            values = json.loads(text)
        except ValueError:
            return iter(())
    return map(values.get, keys) if type(values) is dict else iter(())


def _beneficiary_rows(reading: _Reading, terms: list[Any]) -> Iterator[Row]:
    item = EXPORTABLE[ExportKind.BENEFICIARIES]
    columns = reading.columns(item)
    start, keys = _custom_part(columns)
    built_in = [getattr(BeneficiaryRow, c.key) for c in columns[:start]]
    writers = reading.stored_writers(item, built_in)
    stored_part, custom_part = writers[:start], writers[start:]
    pages = _beneficiary_pages(reading, terms, [*built_in, BeneficiaryRow.custom])
    for page in pages:
        for stored in page:
            row = list(map(_call, stored_part, stored))
            row.extend(map(_call, custom_part, _custom_values(stored[start], keys)))
            if len(row) < len(writers):  # custom values absent: empty cells
                row.extend([None] * (len(writers) - len(row)))
            yield row
        reading.advance(item, len(page))


def _rows_by_beneficiary(
    reading: _Reading, terms: list[Any], item: Exportable, table: Any, order: Any
) -> Iterator[Row]:
    """The records of ``table`` (sessions, tasks) of each page of beneficiaries, grouped by
    beneficiary (in the beneficiaries' order), then by ``order``."""
    columns = reading.columns(item)
    start, keys = _custom_part(columns)
    names = [c.key for c in columns[:start]]
    case_number_at = names.index(tabular.CASE_NUMBER_KEY)
    stored_names = [name for name in names if name != tabular.CASE_NUMBER_KEY]
    selected = [getattr(table, name) for name in stored_names]
    beneficiary_at = stored_names.index("beneficiary_id")
    writers = reading.stored_writers(
        item, [*selected[:case_number_at], BeneficiaryRow.case_number, *selected[case_number_at:]]
    )
    case_number = writers.pop(case_number_at)
    stored_part, custom_part = writers[: start - 1], writers[start - 1 :]
    width = len(writers) + 1
    pages = _with_records(reading, terms, [*selected, table.custom], table, order)
    for page, records in pages:
        by_beneficiary: dict[str, list[Any]] = {}
        for stored in records:
            by_beneficiary.setdefault(stored[beneficiary_at], []).append(stored)
        written = 0
        for beneficiary_id, number, _pk in page:
            number_cell = case_number(number)
            for stored in by_beneficiary.get(beneficiary_id, ()):
                row = list(map(_call, stored_part, stored))
                row.insert(case_number_at, number_cell)
                row.extend(map(_call, custom_part, _custom_values(stored[-1], keys)))
                if len(row) < width:
                    row.extend([None] * (width - len(row)))
                yield row
                written += 1
        reading.advance(item, written)


def _with_records(
    reading: _Reading, terms: list[Any], selected: list[Any], table: Any, order: Any
) -> Iterator[tuple[list[Any], list[Any]]]:
    """Each page of beneficiaries (id, case number, pk) with the stored ``selected``
    columns of their live records in ``table``, by beneficiary then ``order``."""
    for page in _beneficiary_pages(reading, terms, [BeneficiaryRow.id, BeneficiaryRow.case_number]):
        with reading.db.read() as uow:
            records = _stored(
                uow.session.connection(),
                select(*selected)
                .where(
                    table.beneficiary_id.in_([row[0] for row in page]),
                    table.deleted_at.is_(None),
                )
                .order_by(table.beneficiary_id, order),
            )
        yield page, records


def _session_rows(reading: _Reading, terms: list[Any]) -> Iterator[Row]:
    """Through ix_case_sessions_beneficiary_starts."""
    item = EXPORTABLE[ExportKind.SESSIONS]
    return _rows_by_beneficiary(reading, terms, item, CaseSessionRow, CaseSessionRow.starts_at)


def _task_rows(reading: _Reading, terms: list[Any]) -> Iterator[Row]:
    """Open, done and dismissed, by due date."""
    item = EXPORTABLE[ExportKind.TASKS]
    return _rows_by_beneficiary(reading, terms, item, TaskRow, TaskRow.due_on)


# A beneficiary's records an export reads, and who may see them (services.common).
_RECORDS_OF_BENEFICIARIES: dict[Entity, tuple[Any, Callable[[Actor], list[Any]]]] = {
    Entity.CASE_SESSION: (CaseSessionRow, visible_case_sessions),
    Entity.TASK: (TaskRow, visible_tasks),
}

EXPORTABLE: dict[ExportKind, Exportable] = {
    ExportKind.BENEFICIARIES: Exportable(
        ExportKind.BENEFICIARIES, Entity.BENEFICIARY, "beneficiaries", _beneficiary_rows
    ),
    ExportKind.SESSIONS: Exportable(
        ExportKind.SESSIONS, Entity.CASE_SESSION, "sessions", _session_rows
    ),
    ExportKind.TASKS: Exportable(ExportKind.TASKS, Entity.TASK, "tasks", _task_rows),
}


# -- writing files -------------------------------------------------------------------------

Table = tuple[Exportable, list[str], Iterator[Row]]


def _write_csv(stream: Any, header: list[str], rows: Iterator[Row]) -> None:
    """UTF-8 with a byte-order mark (Excel reads the file's accents right), CRLF lines."""
    writer = csv.writer(stream)
    writer.writerow([tabular.neutralise(text) for text in header])
    writer.writerows(rows)


def _write_csv_zip(path: Path, tables: list[Table]) -> None:
    """Several kinds as CSV: one ZIP, a file per kind (one file to rename at the end)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item, header, rows in tables:
            with archive.open(f"{item.sheet}.csv", "w", force_zip64=True) as raw:
                stream = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                _write_csv(stream, header, rows)
                stream.flush()
                stream.detach()


def _write_xlsx(target: Path | BinaryIO, tables: list[Table]) -> None:
    """A sheet per kind, streamed into the file (``xlsx_writer``: openpyxl's writer takes
    a quarter of an hour for an office); the header bold and frozen."""
    with xlsx_writer.Workbook(target) as book:
        for item, header, rows in tables:
            book.sheet(item.sheet, [tabular.neutralise(text) for text in header], rows)


# msoffcrypto-tool writes an encrypted package under 4,096 bytes (the compound file's
# mini-stream cutoff) that it cannot read back (its decrypt fails on the block length);
# a small workbook is padded with a ZIP comment, which spreadsheets ignore, up to it.
_SMALLEST_ENCRYPTED = 4_096


def _encrypt(plain: io.BytesIO, out: BinaryIO, password: str) -> None:
    """The workbook encrypted as Office does (ECMA-376 agile, AES-256, SHA-512)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    size = plain.getbuffer().nbytes
    if size < _SMALLEST_ENCRYPTED:
        with zipfile.ZipFile(plain, "a") as package:
            package.comment = b" " * (_SMALLEST_ENCRYPTED - size)
    plain.seek(0)
    OOXMLFile(plain).encrypt(password, out)
