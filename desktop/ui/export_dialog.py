"""Export…: the list as filtered now, or the whole caseload, to CSV or XLSX.

The dialog says plainly that the file holds personal data, and offers a password (an
encrypted XLSX, opened by Excel and LibreOffice with it). The export runs on the worker
pool with a progress bar and Cancel; a cancelled or failed export leaves no file (the
service writes a temporary file and renames it at the end). A problem is shown under the
field it concerns, named.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.permissions import Permission, can
from desktop.domain.records import BeneficiaryQuery
from desktop.errors import UserError
from desktop.services import Services
from desktop.services.exports import (
    EXPORTABLE,
    ExportCancelled,
    ExportFormat,
    ExportKind,
    ExportRequest,
    ExportResult,
)
from desktop.ui.errors import show_error, user_message
from desktop.ui.help import ui_language
from desktop.ui.operations import Operation
from desktop.ui.widgets import FieldError
from desktop.ui.worker import WorkerContext

# The fields a message can be shown under.
WHAT, FILE, PASSWORD, REPEAT = "what", "file", "password", "repeat"


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class ExportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        query: BeneficiaryQuery | None,
        listed: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export records"))
        self.setMinimumWidth(600)
        self._services = services
        self._query = query
        self.operation: Operation | None = None
        self.result: ExportResult | None = None
        self.question: QMessageBox | None = None
        layout = QVBoxLayout(self)

        self.warning = QLabel(
            self.tr(
                "<b>This file will hold personal data</b> about the people in your "
                "caseload: names, dates of birth, contact details and notes. Anyone who "
                "has the file can read them. Keep it only where it needs to be, delete it "
                "when you are done, and protect it with a password if it leaves this laptop."
            ),
            self,
        )
        self.warning.setObjectName("personalDataWarning")
        self.warning.setWordWrap(True)
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setMargin(8)
        self.warning.setStyleSheet(
            "background: #fff4e5; border: 1px solid #d9a441; color: #4a3200; padding: 6px;"
        )
        self.warning.setAccessibleName(self.tr("Personal data warning"))
        layout.addWidget(self.warning)

        form = QFormLayout()
        self.errors: dict[str, FieldError] = {}

        # Which records: the list as it is filtered now, or everything this user sees.
        scope = QVBoxLayout()
        self.scope_group = QButtonGroup(self)
        whole = (
            self.tr("The &whole office")
            if can(services.actor, Permission.VIEW_ALL_RECORDS)
            else self.tr("My &whole caseload")
        )
        if listed is not None:
            filtered = self.tr("The list as &filtered now (records listed: %1)").replace(
                "%1", f"{listed:,}"
            )
        else:
            filtered = self.tr("The list as &filtered now")
        self.filtered_radio = QRadioButton(filtered, self)
        self.filtered_radio.setObjectName("scopeFiltered")
        self.whole_radio = QRadioButton(whole, self)
        self.whole_radio.setObjectName("scopeWhole")
        for radio in (self.filtered_radio, self.whole_radio):
            self.scope_group.addButton(radio)
            scope.addWidget(radio)
        (self.filtered_radio if query is not None else self.whole_radio).setChecked(True)
        self.filtered_radio.setEnabled(query is not None)
        form.addRow(self.tr("Records:"), scope)

        # What: a box per record kind of the exports' table (tasks: not yet, and why).
        kinds = QHBoxLayout()
        self.kind_boxes: dict[ExportKind, QCheckBox] = {}
        names = {
            ExportKind.BENEFICIARIES: self.tr("&Beneficiaries"),
            ExportKind.SESSIONS: self.tr("&Sessions"),
            ExportKind.TASKS: self.tr("Tasks"),
        }
        for kind, item in EXPORTABLE.items():
            box = QCheckBox(names.get(kind, kind.value), self)
            box.setObjectName(f"kind_{kind.value}")
            box.setChecked(kind is ExportKind.BENEFICIARIES)
            if item.reader is None:
                box.setEnabled(False)
                box.setToolTip(self.tr("Not available yet: this version has no tasks."))
            box.toggled.connect(lambda _on: self._clear(WHAT))
            box.toggled.connect(lambda _on: self._suffix_follows())
            kinds.addWidget(box)
            self.kind_boxes[kind] = box
        kinds.addStretch(1)
        self.what_label = QLabel(self.tr("What:"), self)
        form.addRow(self.what_label, self._with_error(WHAT, kinds))

        # Format.
        formats = QHBoxLayout()
        self.format_group = QButtonGroup(self)
        self.xlsx_radio = QRadioButton(self.tr("E&xcel (XLSX)"), self)
        self.xlsx_radio.setObjectName("formatXlsx")
        self.csv_radio = QRadioButton(self.tr("&CSV"), self)
        self.csv_radio.setObjectName("formatCsv")
        for radio in (self.xlsx_radio, self.csv_radio):
            self.format_group.addButton(radio)
            formats.addWidget(radio)
        formats.addStretch(1)
        self.xlsx_radio.setChecked(True)
        self.xlsx_radio.toggled.connect(self._format_changed)
        form.addRow(self.tr("Format:"), formats)

        # Choices as their words or as the values stored.
        choices = QVBoxLayout()
        self.choices_group = QButtonGroup(self)
        self.labels_radio = QRadioButton(self.tr("As &labels, as the app shows them"), self)
        self.labels_radio.setObjectName("choicesLabels")
        self.values_radio = QRadioButton(
            self.tr("As stored &values (for another program or a re-import)"), self
        )
        self.values_radio.setObjectName("choicesValues")
        for radio in (self.labels_radio, self.values_radio):
            self.choices_group.addButton(radio)
            choices.addWidget(radio)
        self.labels_radio.setChecked(True)
        form.addRow(self.tr("Choices:"), choices)

        # The password: XLSX only.
        self.protect_box = QCheckBox(self.tr("&Protect the file with a password"), self)
        self.protect_box.setObjectName("protect")
        self.protect_box.setChecked(True)
        self.protect_box.toggled.connect(self._protection_changed)
        form.addRow("", self.protect_box)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("File password"))
        self.password_edit.textEdited.connect(lambda _t: self._clear(PASSWORD))
        self.password_label = QLabel(self.tr("P&assword:"), self)
        self.password_label.setBuddy(self.password_edit)
        form.addRow(self.password_label, self._with_error(PASSWORD, self.password_edit))
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the file password"))
        self.repeat_edit.textEdited.connect(lambda _t: self._clear(REPEAT))
        self.repeat_label = QLabel(self.tr("&Repeat password:"), self)
        self.repeat_label.setBuddy(self.repeat_edit)
        form.addRow(self.repeat_label, self._with_error(REPEAT, self.repeat_edit))
        self.password_note = QLabel(
            self.tr(
                "Excel and LibreOffice ask for the password when the file is opened. "
                "Give it to the recipient another way than the file (by phone, not in "
                "the same e-mail). CSV files cannot be protected."
            ),
            self,
        )
        self.password_note.setObjectName("passwordNote")
        self.password_note.setWordWrap(True)
        form.addRow("", self.password_note)

        # The file.
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("file")
        self.file_edit.setAccessibleName(self.tr("File to write"))
        self.file_edit.setText(str(self._default_path()))
        self.file_edit.textEdited.connect(lambda _t: self._clear(FILE))
        self.browse_button = QPushButton(self.tr("Br&owse…"), self)
        self.browse_button.setObjectName("browse")
        self.browse_button.clicked.connect(self.browse)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.file_label = QLabel(self.tr("F&ile:"), self)
        self.file_label.setBuddy(self.file_edit)
        form.addRow(self.file_label, self._with_error(FILE, file_row))
        layout.addLayout(form)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("exportProgress")
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)
        layout.addWidget(self.buttons)
        self._format_changed()

    # -- the form ------------------------------------------------------------------------

    def _with_error(self, field: str, inner: QWidget | QHBoxLayout) -> QVBoxLayout:
        """The field with its message under it (hidden until there is one)."""
        error = FieldError(field, self)
        self.errors[field] = error
        column = QVBoxLayout()
        column.setSpacing(2)
        if isinstance(inner, QWidget):
            column.addWidget(inner)
        else:
            column.addLayout(inner)
        column.addWidget(error)
        return column

    def _clear(self, field: str) -> None:
        self.errors[field].clear_message()

    def show_field_error(self, field: str, message: str) -> None:
        self.errors[field].show_message(message)
        focus = {
            WHAT: self.kind_boxes[ExportKind.BENEFICIARIES],
            FILE: self.file_edit,
            PASSWORD: self.password_edit,
            REPEAT: self.repeat_edit,
        }[field]
        focus.setFocus()

    def _default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        return Path(folder) / f"caseload-export-{date.today().isoformat()}.xlsx"

    def chosen_kinds(self) -> tuple[ExportKind, ...]:
        return tuple(kind for kind, box in self.kind_boxes.items() if box.isChecked())

    def chosen_format(self) -> ExportFormat:
        return ExportFormat.XLSX if self.xlsx_radio.isChecked() else ExportFormat.CSV

    def _suffix(self) -> str:
        several = len(self.chosen_kinds()) > 1
        if self.chosen_format() is ExportFormat.CSV:
            return ".zip" if several else ".csv"
        return ".xlsx"

    def _suffix_follows(self) -> None:
        """The file's name ends as the chosen format writes it."""
        text = self.file_edit.text().strip()
        if not text:
            return
        path = Path(text)
        if path.suffix.lower() in (".csv", ".xlsx", ".zip"):
            self.file_edit.setText(str(path.with_suffix(self._suffix())))

    def _format_changed(self, *_args: object) -> None:
        xlsx = self.chosen_format() is ExportFormat.XLSX
        self.protect_box.setEnabled(xlsx)
        if not xlsx:
            self.protect_box.setChecked(False)
        self._protection_changed()
        self._suffix_follows()

    def _protection_changed(self, *_args: object) -> None:
        on = self.protect_box.isChecked() and self.protect_box.isEnabled()
        for widget in (
            self.password_edit,
            self.repeat_edit,
            self.password_label,
            self.repeat_label,
        ):
            widget.setEnabled(on)
        if not on:
            self._clear(PASSWORD)
            self._clear(REPEAT)

    def browse(self) -> None:
        csv = self.chosen_format() is ExportFormat.CSV
        if csv and len(self.chosen_kinds()) > 1:
            pattern = self.tr("ZIP of CSV files (*.zip)")
        elif csv:
            pattern = self.tr("CSV files (*.csv)")
        else:
            pattern = self.tr("Excel workbooks (*.xlsx)")
        name, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.file_edit.text(), pattern
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != self._suffix():
                path = path.with_name(path.name + self._suffix())
            self.file_edit.setText(str(path))
            self._clear(FILE)

    # -- running -------------------------------------------------------------------------

    def request(self) -> ExportRequest | None:
        """What the form asks for, or None after showing what is missing under its field."""
        for field in self.errors:
            self._clear(field)
        kinds = self.chosen_kinds()
        if not kinds:
            self.show_field_error(WHAT, self.tr("What: choose beneficiaries, sessions or both."))
            return None
        password = None
        if self.protect_box.isChecked() and self.protect_box.isEnabled():
            password = self.password_edit.text()
            if not password:
                self.show_field_error(
                    PASSWORD,
                    self.tr("Password: enter the password the file will open with."),
                )
                return None
            if len(password) < 8:
                self.show_field_error(PASSWORD, self.tr("Password: use at least 8 characters."))
                return None
            if self.repeat_edit.text() != password:
                self.show_field_error(
                    REPEAT, self.tr("Repeat password: the two passwords are not the same.")
                )
                return None
        text = self.file_edit.text().strip()
        if not text:
            self.show_field_error(FILE, self.tr("File: choose where to write the export."))
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != self._suffix():
            self.show_field_error(
                FILE,
                self.tr("File: the name must end in %1 for this format.").replace(
                    "%1", self._suffix()
                ),
            )
            return None
        if not path.parent.is_dir():
            self.show_field_error(
                FILE, self.tr("File: the folder %1 does not exist.").replace("%1", str(path.parent))
            )
            return None
        if path.is_dir():
            self.show_field_error(FILE, self.tr("File: %1 is a folder.").replace("%1", str(path)))
            return None
        return ExportRequest(
            kinds=kinds,
            format=self.chosen_format(),
            path=path,
            query=self._query if self.filtered_radio.isChecked() else None,
            as_labels=self.labels_radio.isChecked(),
            password=password,
            language=ui_language(),
            translate=_translate,
        )

    def submit(self) -> None:
        if self.operation is not None:
            return
        request = self.request()
        if request is None:
            return
        if request.path.exists() and not self._replace_confirmed(request.path):
            return
        exports = self._services.exports

        def work(context: WorkerContext) -> ExportResult:
            return exports.export(
                request,
                progress=lambda done, total: context.progress(done, total, ""),
                cancelled=lambda: context.cancelled,
            )

        self._set_running(True)
        self.operation = (
            Operation(self, work, with_context=True)
            .progress(self._progressed)
            .success(self._finished)
            .failure(self._failed)
        )
        self.operation.run_in_background()

    def _replace_confirmed(self, path: Path) -> bool:
        self.question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace the file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self.question.setDefaultButton(QMessageBox.StandardButton.No)
        answer = self.question.exec()
        self.question = None
        return answer == QMessageBox.StandardButton.Yes

    def _set_running(self, running: bool) -> None:
        for widget in (
            *self.kind_boxes.values(),
            self.filtered_radio,
            self.whole_radio,
            self.xlsx_radio,
            self.csv_radio,
            self.labels_radio,
            self.values_radio,
            self.file_edit,
            self.browse_button,
            self.export_button,
        ):
            widget.setEnabled(not running)
        for kind, item in EXPORTABLE.items():
            if item.reader is None:
                self.kind_boxes[kind].setEnabled(False)
        self.filtered_radio.setEnabled(not running and self._query is not None)
        if running:
            for widget in (self.protect_box, self.password_edit, self.repeat_edit):
                widget.setEnabled(False)
        else:
            self._format_changed()
        self.progress_bar.setVisible(running)
        self.progress_bar.setRange(0, 0)
        self.status.setVisible(running)
        if running:
            self.status.setText(self.tr("Exporting…"))
        self.cancel_button.setText(self.tr("&Stop export") if running else self.tr("Cancel"))

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if done >= total:  # every row read: the file is being compressed and closed
            self.status.setText(self.tr("Finishing the file…"))
            return
        self.status.setText(
            self.tr("Exported %1 of %2 rows…")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{total:,}")
        )

    def cancel(self) -> None:
        """Cancel: closes the dialog; while exporting, stops the export (no file is left)."""
        if self.operation is not None and self.operation.running:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))
            return
        self.reject()

    def _finished(self, result: ExportResult) -> None:
        self.operation = None
        self.result = result
        self._set_running(False)
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        self._set_running(False)
        self.cancel_button.setEnabled(True)
        if isinstance(exc, ExportCancelled):
            self.status.setText(self.tr("The export was stopped; no file was written."))
            self.status.show()
            return
        if isinstance(exc, UserError):
            message = user_message(exc)
            if message.startswith("Password:"):
                self.show_field_error(PASSWORD, message)
            else:
                self.show_field_error(FILE, message)
            return
        show_error(self, exc)

    def summary(self) -> str:
        """A line for the status bar after the export."""
        if self.result is None:
            return ""
        return (
            self.tr("Export written: %1 (rows: %2).")
            .replace("%1", str(self.result.path))
            .replace("%2", f"{self.result.total:,}")
        )


def open_export(window) -> None:
    """The main window's Export… action: the list as it is filtered, or everything."""
    services = getattr(window, "services", None)
    if services is None:
        return
    model = window.caseload.model
    query = getattr(model, "query", None)
    listed = getattr(model, "total", None)
    dialog = ExportDialog(services, query, listed if isinstance(listed, int) else None, window)
    window.export_dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: window.statusBar().showMessage(dialog.summary(), 10_000))
    dialog.open()
