"""The dashboard (Reports → Dashboard): every report as a chart and a table, CSV export.

The reports are ``desktop/services/reports.py``'s table; what each counts follows the
person's role (a caseworker their own caseload, supervisors the office). The counts run
on the worker pool, all in one read (one consistent picture), with progress and cancel;
the window stays usable. Exporting a table to CSV is recorded in the audit trail.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services import Services
from desktop.services.reports import Report, ReportFilter, ReportResult, save_csv
from desktop.ui.bar_chart import BarChart
from desktop.ui.errors import show_error
from desktop.ui.models.report_table import ReportTableModel
from desktop.ui.operations import Operation
from desktop.ui.widgets import DateEdit, add_labelled, open_once
from desktop.ui.worker import WorkerContext

log = logging.getLogger(__name__)

DEFAULT_DAYS = 365  # the default range: the last twelve months, today included


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class Dashboard(QWidget):
    """A window of its own (not modal): filters above, reports on the left, the shown
    report's chart and table on the right."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Dashboard"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.reports: tuple[Report, ...] = services.reports.reports()
        self.results: dict[str, ReportResult] = {}
        self.operation: Operation | None = None
        self.file_dialog: QFileDialog | None = None
        self.shown_filter = ReportFilter()

        today = date.today()
        self.start_edit = DateEdit(self)
        self.start_edit.setObjectName("reportFrom")
        self.start_edit.setAccessibleName(self.tr("From"))
        self.start_edit.set_date(today - timedelta(days=DEFAULT_DAYS - 1))
        self.end_edit = DateEdit(self)
        self.end_edit.setObjectName("reportTo")
        self.end_edit.setAccessibleName(self.tr("To"))
        self.end_edit.set_date(today)
        self.caseworker = QComboBox(self)
        self.caseworker.setObjectName("reportCaseworker")
        self.caseworker.setAccessibleName(self.tr("Caseworker"))
        self.caseworker.addItem(self.tr("All caseworkers"), None)
        for account in services.users.caseworkers():
            self.caseworker.addItem(account.display_name, account.id)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setObjectName("reportShow")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("reportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportProgress")
        self.progress.setAccessibleName(self.tr("Reports progress"))
        self.progress.setMaximumWidth(160)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")

        filters = QFormLayout()
        filters.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        row = QHBoxLayout()
        fields = (
            (self.tr("&From"), self.start_edit),
            (self.tr("&To"), self.end_edit),
            (self.tr("Case&worker"), self.caseworker),
        )
        add_labelled(row, self, fields, 10)
        row.addWidget(self.show_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        filters.addRow(row)

        self.report_list = QListWidget(self)
        self.report_list.setObjectName("reportList")
        self.report_list.setAccessibleName(self.tr("Reports"))
        for report in self.reports:
            item = QListWidgetItem(services.reports.title(report, translate))
            item.setData(Qt.ItemDataRole.UserRole, report.name)
            self.report_list.addItem(item)
        self.report_list.currentRowChanged.connect(self._show_current)

        self.title = QLabel(self)
        self.title.setObjectName("reportTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.dated = QLabel(self)
        self.dated.setObjectName("reportDated")
        self.chart = BarChart(self)
        self.chart_area = QScrollArea(self)
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setWidget(self.chart)
        self.model = ReportTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("reportTable")
        self.table.setAccessibleName(self.tr("Report table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.setObjectName("reportExport")
        self.export_button.clicked.connect(self.export_csv)

        shown = QWidget(self)
        right = QVBoxLayout(shown)
        right.addWidget(self.title)
        right.addWidget(self.dated)
        views = QSplitter(Qt.Orientation.Vertical, shown)
        views.addWidget(self.chart_area)
        views.addWidget(self.table)
        views.setSizes([420, 220])
        right.addWidget(views, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        right.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.report_list)
        splitter.addWidget(shown)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.resize(1100, 700)
        self._set_running(False)
        if parent is not None and hasattr(parent, "locked_changed"):
            # The window shows counts of the office's records: it goes with the key.
            parent.locked_changed.connect(self._locked)
        if self.reports:
            self.report_list.setCurrentRow(0)
        self.load()

    # -- loading ----------------------------------------------------------------------------

    def current_filter(self) -> ReportFilter | None:
        """The filter as typed, or None after saying what is wrong with it."""
        values = []
        for edit, name in ((self.start_edit, self.tr("From")), (self.end_edit, self.tr("To"))):
            text = edit.text().strip()
            day = edit.typed_date()
            if text and day is None:
                self.status.setText(self.tr("%1: not a date.").replace("%1", name))
                edit.setFocus()
                return None
            values.append(day)
        try:
            return ReportFilter(values[0], values[1], self.caseworker.currentData())
        except UserError as exc:
            self.status.setText(str(exc))
            return None

    def load(self) -> None:
        """Runs every report for the filter on the worker pool (one read)."""
        if self.operation is not None:
            return
        report_filter = self.current_filter()
        if report_filter is None:
            return
        reports, service = self.reports, self.services.reports

        def run(context: WorkerContext) -> list[ReportResult]:
            return service.run_many(
                reports,
                report_filter,
                translate=translate,
                cancelled=lambda: context.cancelled,
                progress=lambda done, total: context.progress(done, total, ""),
            )

        self.status.setText(self.tr("Counting…"))
        self.progress.setRange(0, len(reports))
        self.progress.setValue(0)
        self._set_running(True)
        self.operation = (
            Operation(self, run, with_context=True)
            .progress(lambda done, total, _text: self.progress.setValue(done))
            .success(lambda results: self._loaded(results, report_filter))
            .failure(self._failed)
        )
        self.operation.run_in_background()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _set_running(self, running: bool) -> None:
        self.show_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        self.export_button.setEnabled(not running and self.model.result is not None)

    def _loaded(self, results: list[ReportResult], report_filter: ReportFilter) -> None:
        self.operation = None
        self.results = {result.report.name: result for result in results}
        self.shown_filter = report_filter
        self.status.setText(self.tr("Reports counted: %1").replace("%1", str(len(results))))
        self._set_running(False)
        self._show_current()

    def _failed(self, exc: BaseException) -> None:
        cancelled = self.operation is not None and self.operation.cancelled
        self.operation = None
        self._set_running(False)
        if cancelled:
            self.status.setText(self.tr("Stopped; the counts shown are the earlier ones."))
            return
        self.status.setText("")
        show_error(self, exc)

    def _show_current(self) -> None:
        item = self.report_list.currentItem()
        result = self.results.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        self.model.set_result(result)
        if result is None:
            self.title.setText(item.text() if item else "")
            self.dated.clear()
            self.chart.set_rows([], stacked=False)
        else:
            self.title.setText(result.title)
            self.dated.setText(
                self.tr("The date range applies to the %1. Counted: %2")
                .replace("%1", translate("report", result.report.dated_by))
                .replace("%2", QLocale().toString(result.total))
            )
            stacked = len(result.report.label_columns) > 1
            self.chart.set_rows(
                list(result.rows), stacked=stacked, empty_text=self.tr("Nothing to count.")
            )
        self.export_button.setEnabled(self.operation is None and result is not None)

    def show_report(self, name: str) -> None:
        for row in range(self.report_list.count()):
            if self.report_list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.report_list.setCurrentRow(row)
                return

    # -- export -------------------------------------------------------------------------------

    def ask_path(self, suggested: str) -> str:
        dialog = QFileDialog(self, self.tr("Export the report"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV files (*.csv)"), self.tr("All files (*)")])
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(suggested)
        self.file_dialog = dialog
        try:
            chosen = dialog.exec() and dialog.selectedFiles()
        finally:
            self.file_dialog = None
            dialog.deleteLater()
        return chosen[0] if chosen else ""

    def export_csv(self) -> None:
        """The shown table (the numbers on screen) to a CSV file; audited."""
        result = self.model.result
        if result is None or self.operation is not None:
            return
        path = self.ask_path(f"{result.report.name}.csv")
        if not path:
            return
        service = self.services.reports

        def run() -> Path:
            saved = save_csv(result, Path(path))
            try:  # the file is whole before the audit trail says it was written
                service.export(result.report, result.filter, format="csv", result=result)
            except BaseException:
                saved.unlink(missing_ok=True)
                raise
            return saved

        self._set_running(True)
        self.progress.setRange(0, 0)
        self.operation = Operation(self, run).success(self._exported).failure(self._failed)
        self.operation.run_in_background()

    def _exported(self, path: Path) -> None:
        self.operation = None
        self._set_running(False)
        self.status.setText(self.tr("Saved %1.").replace("%1", path.name))
        log.info("report exported to CSV")

    # -- lock ---------------------------------------------------------------------------------

    def _locked(self, locked: bool) -> None:
        if locked and shiboken6.isValid(self):
            self.close()


def open_dashboard(window) -> Dashboard | None:
    """Reports → Dashboard of the main window (one window; raised when already open)."""
    if window.services is None:
        return None
    return open_once(window, "dashboard", lambda: Dashboard(window.services, window))
