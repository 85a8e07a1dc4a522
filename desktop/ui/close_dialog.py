"""Closing a case: the person says why (a reason from the list, and a note).

No reason is chosen at first and "Close case" stays disabled until the choice (and,
for "Other", the note) is valid, so a reflex Enter closes nothing. The reasons' labels
are the declaration's (domain/schema.py CHOICE_LABELS), as the detail and history read them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ClosureReason
from desktop.domain.records import Beneficiary
from desktop.domain.validation import closure_problems
from desktop.ui.fields import choice_text
from desktop.ui.messages import field_label, render
from desktop.ui.widgets import FieldError, add_labelled_row, mark_invalid


class CloseCaseDialog(QDialog):
    def __init__(self, beneficiary: Beneficiary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closeCaseDialog")
        self.setWindowTitle(self.tr("Close case"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.question = QLabel(
            self.tr("Why is the case of %1 (%2) being closed? It can be reopened later.")
            .replace("%1", beneficiary.full_name)
            .replace("%2", beneficiary.case_number),
            self,
        )
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        form = QFormLayout()
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("closure_reason")
        self.reason_box.setAccessibleName(self.tr("Closure reason"))
        self.reason_box.addItem(self.tr("Choose a reason…"), None)
        for reason in ClosureReason:
            self.reason_box.addItem(choice_text(reason), reason)
        add_labelled_row(form, self.tr("&Reason *"), self.reason_box, self.reason_box)
        self.note_box = QPlainTextEdit(self)
        self.note_box.setObjectName("closure_note")
        self.note_box.setAccessibleName(self.tr("Closure note"))
        self.note_box.setTabChangesFocus(True)  # Tab moves on to the buttons
        self.note_box.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.note_label = add_labelled_row(form, self.tr("&Note"), self.note_box, self.note_box)
        self.note_error = FieldError("closure_note", self)
        form.addRow("", self.note_error)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.close_button.setText(self.tr("&Close case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_box.currentIndexChanged.connect(self._check)
        self.note_box.textChanged.connect(self._check)
        self._check()
        self.reason_box.setFocus()

    def text(self) -> str:
        """The question asked (what a test or a screen reader reads first)."""
        return self.question.text()

    @property
    def reason(self) -> ClosureReason | None:
        return self.reason_box.currentData()

    @property
    def note(self) -> str:
        return self.note_box.toPlainText()

    def _check(self) -> None:
        """ "Close case" is enabled only for what closing accepts (the domain's own rules)."""
        problems = closure_problems(self.reason, self.note)
        note_problem = problems.get("closure_note")
        # Nothing is said before a reason is chosen; then the note's rule, as it applies.
        shown = note_problem if self.reason is not None else None
        label = field_label(self.note_label.text())
        self.note_error.show_message(render(shown, label) if shown else "")
        mark_invalid(self.note_box, shown is not None)
        self.close_button.setEnabled(not problems)

    def accept(self) -> None:
        if closure_problems(self.reason, self.note):
            return  # Enter on the disabled button's dialog: nothing is closed
        super().accept()


def ask_closure(parent: QWidget, beneficiary: Beneficiary) -> tuple[ClosureReason, str] | None:
    """The reason and note for closing ``beneficiary``, or None when the person cancels.

    While open, the dialog is ``parent.close_dialog`` (tests answer it there).
    """
    dialog = CloseCaseDialog(beneficiary, parent)
    parent.close_dialog = dialog
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        reason, note = dialog.reason, dialog.note
    finally:
        parent.close_dialog = None
        dialog.deleteLater()
    if not accepted or reason is None:
        return None
    return reason, note
