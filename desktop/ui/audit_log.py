"""The office-wide audit log (Reports → Audit log; supervisors and admins: VIEW_AUDIT).

Filters by user, action, record (a case number: the beneficiary and its sessions) and
date range; each event's old and new values (``AuditService`` hands them only to a reader
who may see the record). The list is paged by the event id (keyset): the first page on
the worker pool, the next ones as the view scrolls, so a log of 1,000,000 events never
loads whole. Export writes the events the filters select to CSV, page by page.
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.permissions import Permission, can
from desktop.domain.records import AuditEvent
from desktop.domain.tabular import neutralise
from desktop.errors import UserError
from desktop.paths import create_private_file
from desktop.services import Services
from desktop.services.audit import PAGE, AuditQuery
from desktop.ui.dates import format_datetime
from desktop.ui.errors import show_error
from desktop.ui.models.audit_table import (
    ACTION_LABELS,
    COL_CHANGES,
    HEADERS,
    AuditTableModel,
    _tr,
    action_label,
    change_lines,
    display_event,
    entity_label,
)
from desktop.ui.operations import Operation
from desktop.ui.widgets import DateEdit, add_labelled, open_once
from desktop.ui.worker import WorkerContext

log = logging.getLogger(__name__)


def write_log_csv(
    path: Path,
    pages: Callable[[int | None], list[AuditEvent]],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Every event ``pages`` hands out (keyset, newest first) to a CSV file: 0600, whole or
    not at all. Cells are neutralised (no formula runs in a spreadsheet). Returns the count."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.part")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    written = 0
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow([_tr(header) for header in (*HEADERS[:3], HEADERS[4], HEADERS[3])])
            before: int | None = None
            while True:
                if cancelled():
                    raise UserError("Export stopped; no file was written.")
                events = pages(before)
                for event in events:
                    shown = display_event(event)
                    writer.writerow(
                        [
                            neutralise(cell)
                            for cell in (
                                format_datetime(shown.at),
                                shown.username,
                                f"{entity_label(shown.entity)}: {action_label(shown.action)}",
                                shown.record,
                                "\n".join(change_lines(shown)),
                            )
                        ]
                    )
                written += len(events)
                if progress is not None:
                    progress(written)
                if len(events) < PAGE:
                    break
                before = events[-1].id
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


class AuditLogWindow(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("auditLog")
        self.setWindowTitle(self.tr("Audit log"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.operation: Operation | None = None
        self.file_dialog: QFileDialog | None = None
        self.query = AuditQuery()

        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.user.setAccessibleName(self.tr("User"))
        self.user.addItem(self.tr("Anyone"), None)
        for account in services.users.list(include_inactive=True):
            self.user.addItem(account.display_name, account.id)
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("Any action"), None)
        for action in ACTION_LABELS:
            self.action.addItem(action_label(action), action)
        self.record = QLineEdit(self)
        self.record.setObjectName("auditRecord")
        self.record.setAccessibleName(self.tr("Case number"))
        self.record.setPlaceholderText(self.tr("Case no."))
        self.record.returnPressed.connect(self.load)
        self.start_edit = DateEdit(self)
        self.start_edit.setObjectName("auditFrom")
        self.start_edit.setAccessibleName(self.tr("From"))
        self.end_edit = DateEdit(self)
        self.end_edit.setObjectName("auditTo")
        self.end_edit.setAccessibleName(self.tr("To"))
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setObjectName("auditShow")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export_csv)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")

        filters = QHBoxLayout()
        fields = (
            (self.tr("&User"), self.user),
            (self.tr("&Action"), self.action),
            (self.tr("&Record"), self.record),
            (self.tr("&From"), self.start_edit),
            (self.tr("&To"), self.end_edit),
        )
        add_labelled(filters, self, fields, 8)
        filters.addWidget(self.show_button)
        filters.addStretch(1)

        self.model = AuditTableModel(parent=self, office=True)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHANGES, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1150, 650)
        if parent is not None and hasattr(parent, "locked_changed"):
            parent.locked_changed.connect(self._locked)
        self.load()

    def current_query(self) -> AuditQuery | None:
        days: list[date | None] = []
        for edit, name in ((self.start_edit, self.tr("From")), (self.end_edit, self.tr("To"))):
            day = edit.typed_date()
            if edit.text().strip() and day is None:
                self.status.setText(self.tr("%1: not a date.").replace("%1", name))
                edit.setFocus()
                return None
            days.append(day)
        if days[0] and days[1] and days[0] > days[1]:
            self.status.setText(self.tr("The date range starts after it ends."))
            return None
        return AuditQuery(
            user_id=self.user.currentData(),
            action=self.action.currentData(),
            case_number=self.record.text().strip() or None,
            start=days[0],
            end=days[1],
        )

    def _pages(self, query: AuditQuery) -> Callable[[int | None], list[AuditEvent]]:
        audit = self.services.audit
        return lambda before: audit.page(query, before_id=before)

    def load(self) -> None:
        """The first page for the filters, on the worker pool; later pages on scrolling."""
        if self.operation is not None:
            return
        query = self.current_query()
        if query is None:
            return
        self.status.setText(self.tr("Reading the log…"))
        self._busy(True)
        pages = self._pages(query)
        self.operation = (
            Operation(self, lambda: pages(None))
            .success(lambda events: self._loaded(query, events))
            .failure(self._failed)
        )
        self.operation.run_in_background()

    def _busy(self, busy: bool) -> None:
        self.show_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def _loaded(self, query: AuditQuery, events: list[AuditEvent]) -> None:
        self.operation = None
        self._busy(False)
        self.query = query
        self.model.set_events(events, self._pages(query), PAGE)
        if not events:
            self.status.setText(self.tr("No event matches these filters."))
        elif len(events) < PAGE:
            self.status.setText(self.tr("Events: %1").replace("%1", str(len(events))))
        else:
            self.status.setText(
                self.tr("The newest %1 events; scroll for older ones.").replace("%1", str(PAGE))
            )

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        self._busy(False)
        self.status.clear()
        show_error(self, exc)

    # -- export -------------------------------------------------------------------------------

    def ask_path(self) -> str:
        dialog = QFileDialog(self, self.tr("Export the audit log"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV files (*.csv)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("csv")
        dialog.selectFile("audit-log.csv")
        self.file_dialog = dialog
        try:
            chosen = dialog.exec() and dialog.selectedFiles()
        finally:
            self.file_dialog = None
            dialog.deleteLater()
        return chosen[0] if chosen else ""

    def export_csv(self) -> None:
        """The events the shown filters select (every page) to CSV, on the worker pool."""
        if self.operation is not None:
            return
        path = self.ask_path()
        if not path:
            return
        pages = self._pages(self.query)
        audit = self.services.audit

        def run(context: WorkerContext) -> int:
            written = write_log_csv(
                Path(path),
                pages,
                cancelled=lambda: context.cancelled,
                progress=lambda done: context.progress(done, 0, ""),
            )
            audit.record_export(rows=written, format="csv")
            return written

        self._busy(True)
        self.status.setText(self.tr("Exporting…"))
        self.operation = (
            Operation(self, run, with_context=True)
            .progress(
                lambda done, _total, _text: self.status.setText(
                    self.tr("Exporting… %1 events").replace("%1", f"{done:,}")
                )
            )
            .success(lambda written: self._exported(Path(path), written))
            .failure(self._failed)
        )
        self.operation.run_in_background()

    def _exported(self, path: Path, written: int) -> None:
        self.operation = None
        self._busy(False)
        self.status.setText(
            self.tr("Events saved to %1: %2").replace("%1", path.name).replace("%2", str(written))
        )
        log.info("audit log exported: %d events", written)

    def _locked(self, locked: bool) -> None:
        if locked and shiboken6.isValid(self):
            self.close()


def open_audit_log(window) -> AuditLogWindow | None:
    """Reports → Audit log of the main window (one window; raised when already open)."""
    services = window.services
    if services is None or not can(services.actor, Permission.VIEW_AUDIT):
        return None
    return open_once(window, "audit_log", lambda: AuditLogWindow(services, window))
