"""Records → Possible duplicates…: the office-wide scan for likely pairs (supervisors).

The scan (services/duplicate_scan.py) runs on the worker pool with a progress bar and
Stop; the window stays usable meanwhile. Each pair lists both records and why they look
alike (the duplicate check's own words); Enter, a double click or "Merge…" opens the
side-by-side merge (ui/merge_dialog.py), and a merged pair leaves the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import Services
from desktop.services.duplicate_scan import DuplicatePair, ScanCancelled
from desktop.ui.dates import format_date
from desktop.ui.duplicates_dialog import DuplicatesDialog
from desktop.ui.operations import Operation
from desktop.ui.widgets import select_row
from desktop.ui.worker import WorkerContext

COL_WHY = 6


class DuplicateScanWindow(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicate_scan_window")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(980, 520)
        self._services = services
        self.pairs: list[DuplicatePair] = []
        self.operation: Operation | None = None
        self.merged_ids: list[str] = []  # what this window merged away (for the caller)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Records across the caseload that may be one person registered twice, most "
                "likely first. Merge a pair to keep one record with the sessions and tasks "
                "of both."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("scanProgress")
        self.progress_bar.setAccessibleName(self.tr("Scan progress"))
        layout.addWidget(self.progress_bar)
        self.status = QLabel(self)
        self.status.setObjectName("scanStatus")
        layout.addWidget(self.status)
        self.table = QTableWidget(0, COL_WHY + 1, self)
        self.table.setObjectName("scanTable")
        self.table.setAccessibleName(self.tr("Possible duplicate pairs"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Name"),
                self.tr("Case number"),
                self.tr("Name"),
                self.tr("Born"),
                self.tr("Caseworkers"),
                self.tr("Why"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.merge_selected())
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.scan_button = QPushButton(self.tr("&Scan again"), self)
        self.scan_button.setObjectName("scanAgain")
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("scanMerge")
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setObjectName("scanStop")
        close = QPushButton(self.tr("&Close"), self)
        close.setObjectName("scanClose")
        for button, role in (
            (self.scan_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.merge_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.stop_button, QDialogButtonBox.ButtonRole.ActionRole),
            (close, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button.setAutoDefault(False)
            buttons.addButton(button, role)
        self.scan_button.clicked.connect(self.scan)
        self.merge_button.clicked.connect(self.merge_selected)
        self.stop_button.clicked.connect(self.stop)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- the scan ------------------------------------------------------------------------

    def scan(self) -> None:
        if self.operation is not None:
            return
        merges = self._services.merges

        def work(context: WorkerContext) -> list[DuplicatePair]:
            return merges.scan(
                progress=lambda done, total: context.progress(done, total, ""),
                cancelled=lambda: context.cancelled,
            )

        self.progress_bar.setRange(0, 0)
        self.status.setText(self.tr("Scanning…"))
        self.operation = (
            Operation(self, work, with_context=True)
            .progress(self._progressed)
            .success(self._scanned)
            .failure(self._failed)
        )
        self._update_buttons()
        self.operation.run_in_background()

    def stop(self) -> None:
        if self.operation is not None and self.operation.running:
            self.operation.cancel()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _scanned(self, pairs: list[DuplicatePair]) -> None:
        self.operation = None
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self._show(pairs)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if isinstance(exc, ScanCancelled):
            self.status.setText(self.tr("The scan was stopped."))
        else:
            from desktop.ui.errors import show_error

            self.status.setText(self.tr("The scan failed."))
            show_error(self, exc)
        self._update_buttons()

    def _show(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = list(pairs)
        words = DuplicatesDialog.reason_words()
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            a, b = pair.first, pair.second
            born = {format_date(a.date_of_birth), format_date(b.date_of_birth)}
            owners = {a.caseworker_name, b.caseworker_name}
            cells = (
                a.case_number,
                a.full_name,
                b.case_number,
                b.full_name,
                " / ".join(sorted(born)),
                " / ".join(sorted(owners)),
                ", ".join(DuplicatesDialog.reason_text(words, r) for r in pair.reasons),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(self.tr("%1 possible pair(s).").replace("%1", f"{len(self.pairs):,}"))
        if self.pairs:
            select_row(self.table, 0)
            self.table.setFocus()

    # -- merging -------------------------------------------------------------------------

    def selected(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows else None

    def merge_selected(self) -> None:
        pair = self.selected()
        if pair is None or self.operation is not None:
            return
        from desktop.ui.merge_dialog import open_merge

        event = open_merge(self._services, pair.first.id, pair.second.id, self)
        if event is None:
            return
        self.merged_ids.append(event.merged_id)
        gone = {event.merged_id}
        at = self.table.currentRow()
        kept = [p for p in self.pairs if not gone & {p.first.id, p.second.id}]
        self._show(kept)
        if kept:
            select_row(self.table, min(at, len(kept) - 1))

    def _update_buttons(self) -> None:
        running = self.operation is not None
        self.scan_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.merge_button.setEnabled(not running and self.selected() is not None)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.merge_selected()
            return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:
        if self.operation is not None and self.operation.running:
            self.stop()
            return
        super().reject()
