"""File → Import…: beneficiaries from a CSV or XLSX file, in three steps.

1. The file (and, when the file cannot tell, its encoding and the order of its dates: the
   step asks, with the choice's box focused). 2. The mapping: each header's field, chosen
   automatically and editable, remembered for next time in the data folder
   (``import-mapping-beneficiary.json``: headers and field keys only). 3. The preview: the
   first rows with each bad cell marked (its message as the tooltip and in the row's
   problems), likely duplicates flagged, the mode (valid rows with a rejects file, or all
   or nothing), a dry run and the import, on the worker pool with progress and cancel.
The work is ``services.imports`` (desktop/services/imports.py); nothing here checks a value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import tabular
from desktop.domain.enums import Entity
from desktop.errors import UserError
from desktop.services.import_files import ENCODING_CHOICES, EncodingUnsure, as_written
from desktop.services.imports import (
    DateOrderUnsure,
    ImportPlan,
    ImportReport,
    Mode,
    Preview,
    load_mapping,
    save_mapping,
    settle_date_order,
)
from desktop.ui.errors import show_error
from desktop.ui.help import ui_language
from desktop.ui.messages import render
from desktop.ui.operations import Applied, Operation
from desktop.ui.translations import import_translations
from desktop.ui.worker import WorkerContext

BAD_CELL = QColor("#f8d7da")
DUPLICATE_ROW = QColor("#fff3cd")
MAPPING_FILE = "import-mapping-{entity}.json"  # in the data folder, one per record kind
PROBLEMS_WIDTH = 480  # pixels; the whole text is the cell's tooltip


def open_import_dialog(window: Any) -> None:
    """The main window's File → Import… (one action in window_actions.py)."""
    if window.services is None:
        return
    dialog = ImportDialog(window.services, window.paths.root, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.import_dialog = dialog
    dialog.open()
    dialog.path_edit.setFocus()  # shown now: the focus can be given


class ImportDialog(QDialog):
    def __init__(self, services: Any, data_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.data_folder = data_folder
        self.plan: ImportPlan | None = None
        self.shown_preview: Preview | None = None
        self.report: ImportReport | None = None
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Import from a file"))
        self.setAccessibleName(self.tr("Import from a file"))
        self.resize(900, 600)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.message = QLabel(self)
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.dry_run_button = QPushButton(self.tr("&Dry run"), self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.dry_run_button.clicked.connect(lambda: self.start_import(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start_import(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        for button in (
            self.back_button,
            self.next_button,
            self.dry_run_button,
            self.import_button,
            self.cancel_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.next_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.cancel)
        self._show_page(0)

    # -- page 1: the file ------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.path_edit = QLineEdit(page)
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.path_edit.setPlaceholderText(self.tr("A CSV or XLSX file"))
        browse = QPushButton(self.tr("B&rowse…"), page)
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&File:"), page)
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        self.what_combo = QComboBox(page)
        self.what_combo.setAccessibleName(self.tr("What the file holds"))
        self.what_combo.addItem(self.tr("Beneficiaries"), Entity.BENEFICIARY)
        self.what_combo.addItem(
            self.tr("Sessions (matched to beneficiaries by Case no.)"), Entity.CASE_SESSION
        )
        label = QLabel(self.tr("&What:"), page)
        label.setBuddy(self.what_combo)
        form.addRow(label, self.what_combo)
        self.encoding_combo = QComboBox(page)
        self.encoding_combo.setAccessibleName(self.tr("Text encoding"))
        self.encoding_combo.addItem(self.tr("Detect automatically"), None)
        for code, name in ENCODING_CHOICES:
            self.encoding_combo.addItem(name, code)
        label = QLabel(self.tr("&Encoding (CSV):"), page)
        label.setBuddy(self.encoding_combo)
        form.addRow(label, self.encoding_combo)
        self.date_combo = QComboBox(page)
        self.date_combo.setAccessibleName(self.tr("Order of day, month and year"))
        self.date_combo.addItem(self.tr("Detect from the file"), None)
        self.date_combo.addItem(self.tr("Day first (14/03/1988)"), "dmy")
        self.date_combo.addItem(self.tr("Month first (03/14/1988)"), "mdy")
        self.date_combo.addItem(self.tr("Year first (1988/03/14)"), "ymd")
        label = QLabel(self.tr("&Dates:"), page)
        label.setBuddy(self.date_combo)
        form.addRow(label, self.date_combo)
        note = QLabel(
            self.tr(
                "The file holds personal data: import only from a file you were given for "
                "this purpose, and delete copies you no longer need."
            ),
            page,
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    @property
    def mapping_path(self) -> Path:
        entity = self.plan.entity if self.plan is not None else self.chosen_entity
        return self.data_folder / MAPPING_FILE.format(entity=entity.value)

    @property
    def chosen_entity(self) -> Entity:
        return Entity(self.what_combo.currentData())  # Qt hands the enum back as its text

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from a file"),
            "",
            self.tr("Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if name:
            self.path_edit.setText(name)

    # -- page 2: the mapping ---------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr("Each column of the file and the field it fills. Change any that is wrong."),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.mapping_table = QTableWidget(0, 3, page)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setAccessibleName(self.tr("Column mapping"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Field"), self.tr("First value")]
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setTabKeyNavigation(False)
        layout.addWidget(self.mapping_table, 1)
        self.remember_check = QCheckBox(self.tr("&Remember this mapping for the next import"), page)
        self.remember_check.setChecked(True)
        layout.addWidget(self.remember_check)
        return page

    def _field_name(self, column: tabular.TableColumn) -> str:
        assert self.plan is not None
        default = self.plan.forms.default_language
        return tabular.header(
            column,
            language=ui_language(),
            default_language=default,
            translate=QCoreApplication.translate,
        )

    def _fill_mapping(self, first_row: list[str]) -> None:
        assert self.plan is not None
        plan = self.plan
        self.mapping_table.setRowCount(len(plan.headers))
        self.field_combos: list[QComboBox] = []
        for row, (header, target) in enumerate(zip(plan.headers, plan.targets, strict=True)):
            item = QTableWidgetItem(header)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.setAccessibleName(self.tr("Field for the column %1").replace("%1", header))
            combo.addItem(self.tr("— not imported —"), None)
            for column in plan.columns:
                combo.addItem(self._field_name(column), column.key)
            combo.setCurrentIndex(max(combo.findData(target), 0) if target else 0)
            self.mapping_table.setCellWidget(row, 1, combo)
            self.field_combos.append(combo)
            sample = first_row[row] if row < len(first_row) else ""
            shown = QTableWidgetItem(sample)
            shown.setFlags(shown.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(row, 2, shown)

    def chosen_targets(self) -> tuple[str | None, ...]:
        return tuple(combo.currentData() for combo in self.field_combos)

    # -- page 3: the preview ---------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.preview_summary = QLabel(page)
        self.preview_summary.setWordWrap(True)
        layout.addWidget(self.preview_summary)
        self.preview_table = QTableWidget(0, 0, page)
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setAccessibleName(self.tr("Preview of the rows"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setTabKeyNavigation(False)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        layout.addWidget(self.preview_table, 1)
        self.valid_radio = QRadioButton(
            self.tr("Import the &valid rows; write the others and why to:"), page
        )
        self.all_radio = QRadioButton(
            self.tr("&All or nothing: import nothing if any row has a problem"), page
        )
        self.valid_radio.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.valid_radio)
        group.addButton(self.all_radio)
        self.rejects_edit = QLineEdit(page)
        self.rejects_edit.setAccessibleName(self.tr("Rejects file"))
        row = QHBoxLayout()
        row.addWidget(self.valid_radio)
        row.addWidget(self.rejects_edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.all_radio)
        self.skip_duplicates_check = QCheckBox(
            self.tr("&Leave out the rows that look like a record already here"), page
        )
        layout.addWidget(self.skip_duplicates_check)
        return page

    def _fill_preview(self, shown: Preview) -> None:
        plan = shown.plan
        table = self.preview_table
        headers = [self.tr("Row"), *plan.headers, self.tr("Problems")]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setRowCount(len(shown.rows))
        column_of = {key: index for index, key in enumerate(plan.targets) if key}
        bad_rows = duplicates = 0
        for at, row in enumerate(shown.rows):
            table.setItem(at, 0, QTableWidgetItem(str(row.number)))
            for index, _header in enumerate(plan.headers):
                text = row.cells[index] if index < len(row.cells) else ""
                table.setItem(at, index + 1, QTableWidgetItem(as_written(text)))
            messages = []
            for problem in row.problems:
                message = self._message(problem)
                messages.append(message)
                index = column_of.get(problem.field)
                if index is not None:
                    item = table.item(at, index + 1)
                    item.setBackground(QBrush(BAD_CELL))
                    item.setToolTip(message)
                    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, message)
            if row.duplicate is not None:
                duplicates += 1
                messages.append(self._duplicate_message(row.duplicate))
                for column in range(len(headers)):
                    item = table.item(at, column)
                    if item is not None and item.background().color() != BAD_CELL:
                        item.setBackground(QBrush(DUPLICATE_ROW))
            bad_rows += bool(row.problems)
            summary = QTableWidgetItem("; ".join(messages))
            summary.setToolTip("\n".join(messages))
            table.setItem(at, len(headers) - 1, summary)
        table.resizeColumnsToContents()
        last = len(headers) - 1
        table.setColumnWidth(last, min(table.columnWidth(last), PROBLEMS_WIDTH))
        self.preview_summary.setText(
            self.tr(
                "First rows of the file: %1; with problems (marked): %2; likely duplicates: %3. "
                "A dry run checks every row without importing."
            )
            .replace("%1", str(len(shown.rows)))
            .replace("%2", str(bad_rows))
            .replace("%3", str(duplicates))
        )

    def _message(self, problem: Any) -> str:
        if problem.problem is not None:
            # the field's label in the interface's language, as every form words it
            column = next((c for c in self.plan.columns if c.key == problem.field), None)
            label = self._field_name(column) if column is not None else None
            return (
                self.tr("Row %1").replace("%1", str(problem.row))
                + ": "
                + render(problem.problem, label)
            )
        return self.tr("Row %1").replace("%1", str(problem.row)) + ": " + problem.message

    def _duplicate_message(self, flag: Any) -> str:
        if flag.same_as_row is not None:
            return self.tr("looks like row %1 of this file").replace("%1", str(flag.same_as_row))
        return self.tr("looks like %1, already here").replace("%1", ", ".join(flag.case_numbers))

    # -- steps -------------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < 2)
        self.dry_run_button.setVisible(index == 2)
        self.import_button.setVisible(index == 2)
        if index == 2:
            self.import_button.setDefault(True)
        else:
            self.next_button.setDefault(True)
        focus = {0: self.path_edit, 1: self.mapping_table, 2: self.preview_table}[index]
        focus.setFocus()

    def _busy(self, busy: bool) -> None:
        for button in (self.next_button, self.dry_run_button, self.import_button):
            button.setEnabled(not busy)
        self.back_button.setEnabled(not busy and self.pages.currentIndex() > 0)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def back(self) -> None:
        if self.operation is None and self.pages.currentIndex() > 0:
            self._show_page(self.pages.currentIndex() - 1)

    def next(self) -> None:
        if self.operation is not None:
            return
        if self.pages.currentIndex() == 0:
            self._open_file()
        elif self.pages.currentIndex() == 1:
            self._make_preview()

    def _open_file(self) -> None:
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self.message.setText(self.tr("Choose the file to import."))
            return
        encoding = self.encoding_combo.currentData()
        date_order = self.date_combo.currentData()
        entity = self.chosen_entity
        self.plan = None  # the mapping file of the kind chosen now
        saved = None
        if self.mapping_path.exists():
            try:
                saved = load_mapping(self.mapping_path)
            except UserError:  # an unreadable saved mapping: start from the automatic one
                saved = None
        imports = self.services.imports

        def work() -> tuple[ImportPlan, list[str]]:
            plan = imports.plan(
                path,
                entity=entity,
                encoding=encoding,
                mapping=saved,
                translations=import_translations(),
            )
            if date_order is not None:
                plan = plan.with_date_order(date_order)
            rows = plan.table.rows()
            first = next(rows, (0, []))[1]
            rows.close()  # the file, now
            return plan, first

        self._run(work, self._opened, self._open_failed)

    def _opened(self, result: tuple[ImportPlan, list[str]]) -> None:
        self.plan, first = result
        self.message.setText(
            self.tr("%1: columns: %2.")
            .replace("%1", self.plan.table.path.name)
            .replace("%2", str(len(self.plan.headers)))
        )
        self._fill_mapping(first)
        self.rejects_edit.setText(
            str(self.plan.table.path.with_name(self.plan.table.path.stem + "-rejects.csv"))
        )
        self._show_page(1)

    def _open_failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        if isinstance(exc, EncodingUnsure):
            self.message.setText(
                self.tr(
                    "The file's text encoding could not be recognised. Choose it in the "
                    "Encoding box (for a French or Spanish file from Windows: Windows-1252), "
                    "then press Next."
                )
            )
            self.encoding_combo.setFocus()

    def _make_preview(self) -> None:
        assert self.plan is not None
        plan = self.plan.with_targets(self.chosen_targets())
        if self.date_combo.currentData() is not None:
            plan = plan.with_date_order(self.date_combo.currentData())
        self.plan = plan
        imports = self.services.imports

        def work() -> Preview:
            return imports.preview(settle_date_order(plan))

        self._run(work, self._previewed, self._preview_failed)

    def _previewed(self, shown: Preview) -> None:
        self.plan = shown.plan
        self.shown_preview = shown
        if self.remember_check.isChecked():  # with the date order the file settled
            save_mapping(self.mapping_path, shown.plan.mapping_document())
        self.message.setText("")
        self._fill_preview(shown)
        self._show_page(2)

    def _preview_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DateOrderUnsure):
            self.message.setText(
                self.tr(
                    "The dates of this file (e.g. %1) read either as day first or as month "
                    "first. Choose the order in the Dates box, then press Next."
                ).replace("%1", exc.example)
            )
            self._show_page(0)
            self.date_combo.setFocus()
            return
        self.message.setText(str(exc))

    def start_import(self, *, dry_run: bool) -> None:
        if self.operation is not None or self.plan is None:
            return
        plan = self.plan
        mode = Mode.ALL_OR_NOTHING if self.all_radio.isChecked() else Mode.VALID_ROWS
        rejects_text = self.rejects_edit.text().strip()
        rejects = Path(rejects_text) if rejects_text else None
        skip = self.skip_duplicates_check.isChecked()
        imports = self.services.imports

        def work(context: WorkerContext) -> ImportReport:
            return imports.run(
                plan,
                mode=mode,
                dry_run=dry_run,
                rejects=rejects,
                skip_duplicates=skip,
                progress=lambda done, total: context.progress(done, total, ""),
                cancelled=lambda: context.cancelled,
            )

        self._run(work, self._imported, self._import_failed, with_context=True, writes=not dry_run)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        text = report.summary()
        if report.rejects_path is not None:
            text += " " + self.tr("Rejected rows and why: %1").replace(
                "%1", str(report.rejects_path)
            )
        self.message.setText(text)
        if not report.dry_run and report.imported:
            self.import_button.setEnabled(False)
            self.dry_run_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Close"))

    def _import_failed(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def _run(self, work, done, failed, *, with_context: bool = False, writes: bool = False):
        self._busy(True)

        def finished(result: Any) -> None:
            self.operation = None
            self._busy(False)
            done(result)

        def broke(exc: BaseException) -> None:
            self.operation = None
            self._busy(False)
            if isinstance(exc, UserError):
                failed(exc)
            else:
                show_error(self, exc)

        operation = Operation(self, work, with_context=with_context).success(finished)
        operation.failure(broke).progress(lambda d, t, _text: self.progress.setValue(d))
        if writes:
            operation.applies(
                lambda report: Applied(
                    message=self.tr("Beneficiaries imported: %1.").replace(
                        "%1", str(report.imported if report else 0)
                    )
                )
            )
        self.operation = operation
        operation.run_in_background()

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.message.setText(self.tr("Cancelling…"))
            return
        self.reject()
