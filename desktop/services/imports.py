"""Importing beneficiaries or sessions from a CSV or XLSX file: the dry run and the import.

The parts: ``import_files`` reads the file (encodings, XLSX, hostile files);
``import_plan`` maps its headers to the record kind's columns and settles the date order;
``import_rows`` reads and checks each row by the rules every write uses and flags likely
duplicates. This module runs them over the whole file and writes the result.

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
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain import tabular
from desktop.domain.enums import Entity
from desktop.domain.records import Actor
from desktop.errors import UserError
from desktop.store.changes import record_audit
from desktop.store.db import Database

from .bulk import BulkImporter, ImportResult
from .import_files import as_written
from .import_plan import (
    MAPPING_FORMAT,
    SESSION_LINK,
    DateOrderUnsure,
    ImportPlan,
    auto_mapping,
    importable_columns,
    load_mapping,
    plan_import,
    save_mapping,
    settle_date_order,
)
from .import_rows import (
    PREVIEW_ROWS,
    CellProblem,
    CheckedRow,
    DuplicateFlag,
    Preview,
    checked_rows,
    preview,
)

__all__ = [  # the import's API, in one place for the UI and the CLI
    "MAPPING_FORMAT",
    "PREVIEW_ROWS",
    "CellProblem",
    "CheckedRow",
    "DateOrderUnsure",
    "DuplicateFlag",
    "ImportPlan",
    "ImportReport",
    "ImportService",
    "Mode",
    "Preview",
    "auto_mapping",
    "checked_rows",
    "importable_columns",
    "load_mapping",
    "plan_import",
    "preview",
    "run_import",
    "save_mapping",
    "settle_date_order",
]

log = logging.getLogger(__name__)

Translate = Callable[[str, str], str]
Progress = Callable[[int, int], None]

LISTED = 1_000  # problems and duplicates a report lists (it counts them all)
NOUNS = {  # (one, several)
    Entity.BENEFICIARY: ("beneficiary", "beneficiaries"),
    Entity.CASE_SESSION: ("session", "sessions"),
}


class Mode(StrEnum):
    VALID_ROWS = "valid"  # import the valid rows, write the others to the rejects file
    ALL_OR_NOTHING = "all"  # one bad row and nothing is imported


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
