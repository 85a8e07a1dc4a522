"""Small widgets shared by the dialogs and forms: inline field errors, form rows, dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCalendarWidget,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.resources import resource_path
from desktop.ui.dates import date_example, format_date, parse_date


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


class DateEdit(QLineEdit):
    """A date typed in the person's own format (or ISO), or picked from a calendar.

    Empty stays possible: the field is a line edit, not a QDateEdit that always holds a
    date. ``iso()`` is what goes to the core: ``YYYY-MM-DD``, ``""`` when empty, or the
    text as typed when it is no date, so that the core's own message names the problem.
    Alt+Down or F4 opens the calendar (as in a combo box); Enter or a click picks a day,
    Escape closes it.
    """

    OLDEST = QDate(1900, 1, 1)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        example = date_example()
        self.setPlaceholderText(self.tr("e.g. %1").replace("%1", example))
        self.setToolTip(
            self.tr("Type the date as %1 or 1990-12-31, or press Alt+Down to pick it.").replace(
                "%1", example
            )
        )
        self.calendar_action = self.addAction(
            QIcon(str(resource_path("icons", "calendar.svg"))),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setObjectName("calendarAction")
        self.calendar_action.setText(self.tr("Pick a date"))
        self.calendar_action.setToolTip(self.tr("Pick a date from a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self._tidy)
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None

    # -- the value the form reads and loads ---------------------------------------------------

    def typed_date(self) -> date | None:
        return parse_date(self.text())

    def iso(self) -> str:
        text = self.text().strip()
        parsed = parse_date(text)
        return parsed.isoformat() if parsed is not None else text

    def set_date(self, value: date | str | None) -> None:
        if isinstance(value, str):
            value = parse_date(value) if value.strip() else None
        self.setText(format_date(value))

    def _tidy(self) -> None:
        """A date typed as ISO, or as 1/3/1988, is shown back in the person's own form."""
        parsed = self.typed_date()
        if parsed is not None and format_date(parsed) != self.text():
            self.setText(format_date(parsed))

    # -- the calendar ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Shows the calendar under the field, on the field's date (or today)."""
        popup, calendar = self._calendar_popup()
        current = self.typed_date() or date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        popup.adjustSize()
        below = self.mapToGlobal(self.rect().bottomLeft())
        screen = self.screen().availableGeometry()
        x = min(max(below.x(), screen.left()), screen.right() - popup.width())
        y = below.y()
        if y + popup.height() > screen.bottom():  # no room below: above the field
            y = self.mapToGlobal(self.rect().topLeft()).y() - popup.height()
        popup.move(x, y)
        popup.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _calendar_popup(self) -> tuple[QFrame, QCalendarWidget]:
        if self.popup is not None and self.calendar is not None:
            return self.popup, self.calendar
        popup = QFrame(self, Qt.WindowType.Popup)  # closes on Escape and on a click outside
        popup.setObjectName("datePopup")
        popup.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(2, 2, 2, 2)
        calendar = QCalendarWidget(popup)
        calendar.setObjectName("datePicker")
        calendar.setAccessibleName(self.tr("Calendar"))
        calendar.setGridVisible(True)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setMinimumDate(self.OLDEST)
        calendar.activated.connect(self._picked)  # Enter, or a double-click
        calendar.clicked.connect(self._picked)
        layout.addWidget(calendar)
        # The calendar's own size hint leaves its last week cut off under the style
        # sheet's row height: room for a header row and six weeks.
        bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
        row = calendar.fontMetrics().height() + 8
        calendar.setMinimumSize(
            max(calendar.sizeHint().width(), 7 * calendar.fontMetrics().horizontalAdvance(" 000 ")),
            (bar.sizeHint().height() if bar is not None else row) + 7 * row,
        )
        self.popup, self.calendar = popup, calendar
        return popup, calendar

    def _picked(self, day: QDate) -> None:
        self.setText(format_date(date(day.year(), day.month(), day.day())))
        if self.popup is not None:
            self.popup.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)


def ask_with_safe_default(
    parent: QWidget,
    title: str,
    text: str,
    proceed: str,
    *,
    safe: str | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    exposed_as: str = "question_box",
) -> bool:
    """True only when the person chooses ``proceed``; the safe button (``safe``, or
    Cancel) is the default and the Escape button, so a reflex Enter changes nothing.

    While open, the box is ``parent.<exposed_as>`` (tests answer it there).
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    chosen = box.addButton(proceed, QMessageBox.ButtonRole.DestructiveRole)
    if safe is None:
        back = box.addButton(QMessageBox.StandardButton.Cancel)
    else:
        back = box.addButton(safe, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    setattr(parent, exposed_as, box)
    try:
        box.exec()
    finally:
        setattr(parent, exposed_as, None)
    return box.clickedButton() is chosen


def add_labelled(
    row: QBoxLayout, parent: QWidget, fields: Sequence[tuple[str, QWidget]], spacing: int
) -> None:
    """Each (label with its mnemonic, field) into ``row``: the label the field's buddy, and
    its own width (a mnemonic label is otherwise squeezed under the next field)."""
    for label, widget in fields:
        caption = QLabel(label, parent)
        caption.setBuddy(widget)
        caption.setMinimumWidth(caption.fontMetrics().horizontalAdvance(label) + 6)
        row.addWidget(caption)
        row.addWidget(widget)
        row.addSpacing(spacing)


def open_once(window: QWidget, attribute: str, make: Callable[[], QWidget]) -> QWidget | None:
    """The main window's one ``attribute`` window (a dashboard, the audit log): raised if
    it is open, else made by ``make``, kept and shown; None when making it is refused
    (the refusal is shown)."""
    import shiboken6

    from desktop.errors import UserError
    from desktop.ui.errors import show_error

    existing = getattr(window, attribute, None)
    if existing is not None and shiboken6.isValid(existing):
        existing.raise_()
        existing.activateWindow()
        return existing
    try:
        opened = make()
    except UserError as exc:
        show_error(window, exc)
        return None
    setattr(window, attribute, opened)
    opened.show()
    return opened
