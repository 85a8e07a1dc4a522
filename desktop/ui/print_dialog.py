"""Print… (Ctrl+P) in the main window: what to print about the shown case, and where.

The dialog asks for the paper (the case summary, or a referral letter with its recipient
and reason) and where it goes (the print dialog, or a PDF file, which it says is not
encrypted). The paper is then made and painted on the worker pool (a case with 200
sessions is 39 pages: about 0.4 s of layout and painting), the window staying usable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import Beneficiary
from desktop.errors import ValidationError
from desktop.ui.errors import show_error
from desktop.ui.operations import Operation
from desktop.ui.paper import page_layout
from desktop.ui.printing import Printout, Referral, print_on, save_pdf
from desktop.ui.widgets import ask_with_safe_default


class PrintCaseDialog(QDialog):
    """Asks what to print about ``beneficiary`` and where: ``choice`` is PRINT or PDF."""

    PRINT = "print"
    PDF = "pdf"

    def __init__(self, beneficiary: Beneficiary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("printCaseDialog")
        self.setWindowTitle(self.tr("Print %1").replace("%1", beneficiary.case_number))
        self.beneficiary = beneficiary
        self.choice: str | None = None
        self.replace_box = None  # the "replace the file?" question while it is open
        layout = QVBoxLayout(self)

        self.summary = QRadioButton(self.tr("&Case summary"), self)
        self.summary.setObjectName("printSummary")
        self.summary.setToolTip(self.tr("The record, the organisation's fields and every session"))
        self.letter = QRadioButton(self.tr("&Referral letter"), self)
        self.letter.setObjectName("printLetter")
        self.letter.setToolTip(self.tr("A letter referring this person to a partner"))
        kinds = QButtonGroup(self)
        for button in (self.summary, self.letter):
            kinds.addButton(button)
            layout.addWidget(button)
        self.summary.setChecked(True)

        self.referral_box = QGroupBox(self.tr("Referral"), self)
        form = QFormLayout(self.referral_box)
        self.recipient = QLineEdit(self.referral_box)
        self.recipient.setObjectName("referralRecipient")
        self.organisation = QLineEdit(self.referral_box)
        self.organisation.setObjectName("referralOrganisation")
        self.reason = QPlainTextEdit(self.referral_box)
        self.reason.setObjectName("referralReason")
        self.reason.setTabChangesFocus(True)  # Tab leaves the box; the keyboard reaches all
        self.reason.setFixedHeight(80)
        for label, widget in (
            (self.tr("Recipient's &name:"), self.recipient),
            (self.tr("&Organisation:"), self.organisation),
            (self.tr("Rea&son:"), self.reason),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        layout.addWidget(self.referral_box)
        self.letter.toggled.connect(self._kind_changed)

        file_row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("printPdfPath")
        self.path.setAccessibleName(self.tr("PDF file"))
        self.path.setText(str(_documents() / f"{beneficiary.case_number}.pdf"))
        file_label = QLabel(self.tr("PDF &file:"), self)
        file_label.setBuddy(self.path)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("printBrowse")
        browse.clicked.connect(self._browse)
        file_row.addWidget(file_label)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        layout.addLayout(file_row)
        self.notice = QLabel(
            self.tr(
                "The PDF is not encrypted and holds this person's personal data: keep it "
                "where only people who may read the case can open it, and delete it when "
                "it is no longer needed."
            ),
            self,
        )
        self.notice.setObjectName("printPdfNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.notice)
        self.problem = QLabel(self)
        self.problem.setObjectName("printProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")
        self.problem.hide()
        layout.addWidget(self.problem)

        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button.setObjectName("printToPrinter")
        self.pdf_button = buttons.addButton(
            self.tr("Save as P&DF"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.pdf_button.setObjectName("printToPdf")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.print_button.clicked.connect(lambda: self._choose(self.PRINT))
        self.pdf_button.clicked.connect(lambda: self._choose(self.PDF))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)
        self._kind_changed(False)
        self.summary.setFocus()

    def window_locked(self, locked: bool) -> None:
        """The window locks: what was typed here (a referral's reason) goes with it."""
        if locked:
            self.reject()

    def _kind_changed(self, letter: bool) -> None:
        self.referral_box.setEnabled(letter)
        if letter:
            self.recipient.setFocus()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF (not encrypted)"),
            self.path.text(),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            self.path.setText(chosen)

    def _replace_asked(self) -> bool:
        """A file of that name exists: replaced only when the person says so."""
        return ask_with_safe_default(
            self,
            self.tr("Replace the file?"),
            self.tr("%1 exists. Replace it with this paper?").replace("%1", str(self.pdf_path())),
            self.tr("&Replace"),
            exposed_as="replace_box",
        )

    def printout(self) -> Printout:
        """What was asked for; a ValidationError naming what is missing."""
        referral = None
        if self.letter.isChecked():
            referral = Referral(
                self.recipient.text(), self.organisation.text(), self.reason.toPlainText()
            ).checked()
        return Printout(self.beneficiary.id, referral)

    def pdf_path(self) -> Path:
        text = self.path.text().strip()
        if not text:
            raise ValidationError({"file": self.tr("Name the PDF file to write.")})
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _choose(self, choice: str) -> None:
        try:
            self.printout()
            if choice == self.PDF:
                self.pdf_path()
        except ValidationError as exc:
            self.problem.setText(" ".join(exc.errors.values()))
            self.problem.show()
            return
        if choice == self.PDF and self.pdf_path().exists() and not self._replace_asked():
            return
        self.choice = choice
        self.accept()


def _documents() -> Path:
    """The person's documents folder (their home when it has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def print_case(window) -> PrintCaseDialog | None:
    """The Print… action of the main window, for the beneficiary it shows. The dialogs
    are window-modal and open without a nested event loop (as the record forms)."""
    beneficiary = window.current_beneficiary()
    if beneficiary is None or window.services is None or window.locked:
        return None
    dialog = PrintCaseDialog(beneficiary, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    window.print_dialog = dialog  # tests find it here
    dialog.accepted.connect(lambda: _chosen(window, dialog.printout(), dialog.choice, dialog))
    window.locked_changed.connect(dialog.window_locked)
    dialog.open()
    return dialog


def _chosen(window, printout: Printout, choice: str | None, dialog: PrintCaseDialog) -> None:
    services = window.services
    if services is None:  # locked meanwhile
        return
    if choice == PrintCaseDialog.PDF:
        path = dialog.pdf_path()
        _run(
            window,
            lambda context: save_pdf(
                services.printouts,
                printout,
                path,
                progress=lambda done, total: context.progress(done, total),
                cancelled=lambda: context.cancelled,
            ),
            lambda pages: PrintCaseDialog.tr(
                "Saved %1 (%n page(s)); the PDF is not encrypted.", "", pages
            ).replace("%1", str(path)),
        )
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(dialog.beneficiary.case_number)
    chooser = QPrintDialog(printer, window)
    chooser.setObjectName("systemPrintDialog")
    chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    chooser.setWindowModality(Qt.WindowModality.WindowModal)
    window.system_print_dialog = chooser
    window.locked_changed.connect(chooser.reject)  # nothing printed from a locked window
    chooser.accepted.connect(
        lambda: _run(
            window,
            lambda context: print_on(
                services.printouts,
                printout,
                printer,  # kept alive by this lambda until its pages are painted
                progress=lambda done, total: context.progress(done, total),
                cancelled=lambda: context.cancelled,
            ),
            lambda pages: PrintCaseDialog.tr("Sent to the printer (%n page(s)).", "", pages),
        )
    )
    QDialog.open(chooser)  # QPrintDialog's own open() wants a slot to call


def _run(window, op, message: Callable[[int], str]) -> None:
    """Paints on the worker pool, the status bar's bar counting pages."""
    window.progress.setRange(0, 0)
    window.progress.setFormat(PrintCaseDialog.tr("Printing…"))
    window.progress.show()

    def progressed(done: int, total: int, _text: str) -> None:
        window.progress.setRange(0, total)
        window.progress.setValue(done)

    def ended(pages: int | None, exc: BaseException | None) -> None:
        window.progress.hide()
        window.print_operation = None
        if exc is not None:
            show_error(window, exc)
            return
        window.statusBar().showMessage(message(pages or 0), 8000)

    window.print_operation = (
        Operation(window, op, with_context=True)
        .progress(progressed)
        .success(lambda pages: ended(pages, None))
        .failure(lambda exc: ended(None, exc))
    )
    window.print_operation.run_in_background()
