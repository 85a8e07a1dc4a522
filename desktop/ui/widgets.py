"""Small widgets shared by the dialogs and forms: inline field errors, form rows."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget


class FieldError(QLabel):
    """The message shown beside (under) a field when the core rejects its value."""

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"error_{field}")
        self.setProperty("role", "field-error")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(f"{field} error")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Styles the field itself (style.qss: *[invalid="true"])."""
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def add_labelled_row(form, text: str, field, buddy: QWidget) -> QLabel:
    """A form row whose label's mnemonic (&x) focuses ``buddy``, even inside a layout."""
    label = QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)
    return label


def select_row(view: QAbstractItemView, row: int) -> None:
    """Selects and makes current a whole row, in either layout direction.

    QTableView.selectRow() finds the row's first column at the viewport's right edge
    under a right-to-left layout and selects nothing there (seen under Arabic).
    """
    model = view.model()
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else None
    column = 0
    if header is not None:
        shown = (header.logicalIndex(v) for v in range(header.count()))
        column = next((c for c in shown if not header.isSectionHidden(c)), 0)
    index = model.index(row, column)
    if not index.isValid():
        return
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
