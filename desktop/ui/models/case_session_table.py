"""The sessions timeline of one beneficiary (newest first), fed by ``CaseSessionService``.

After the built-in columns come the organisation's session fields marked as list columns
(desktop/domain/forms.py), as the caseload list has its beneficiary fields.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.forms import CustomField
from desktop.domain.records import CaseSession
from desktop.ui.dates import format_date, format_datetime
from desktop.ui.fields import choice_text, custom_value_text

COL_STARTS_AT = 0
COL_KIND = 1
COL_STATUS = 2
COL_DURATION = 3
COL_LOCATION = 4
COL_FOLLOW_UP = 5
COL_SUMMARY = 6
COLUMN_COUNT = 7

HEADERS = (
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Date"),
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Kind"),
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Status"),
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Minutes"),
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Location"),
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Follow-up"),
    QT_TRANSLATE_NOOP("CaseSessionTableModel", "Summary"),
)

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
USER_ROLE = int(Qt.ItemDataRole.UserRole)
CaseSessionRole = USER_ROLE + 1
SortRole = USER_ROLE + 3
HORIZONTAL = Qt.Orientation.Horizontal
_ROOT = QModelIndex()  # the invalid parent of every row
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseSessionTableModel", text)


def _first_line(text: str, limit: int = 120) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def display_row(case_session: CaseSession) -> tuple[str, ...]:
    return (
        format_datetime(case_session.starts_at),
        choice_text(case_session.kind),
        choice_text(case_session.status),
        str(case_session.duration_minutes),
        case_session.location,
        format_date(case_session.follow_up_on),
        _first_line(case_session.summary),
    )


def sort_value(case_session: CaseSession, column: int) -> Any:
    value: Any = (
        case_session.starts_at,
        case_session.kind.value,
        case_session.status.value,
        case_session.duration_minutes,
        case_session.location,
        case_session.follow_up_on,
        case_session.summary,
    )[column]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


class CaseSessionTableModel(QAbstractTableModel):
    """A beneficiary's sessions; small (tens of rows), so it is set as a whole list."""

    def __init__(self, sessions: list[CaseSession] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[CaseSession] = []
        self._display: list[tuple[str, ...]] = []
        self._custom: tuple[CustomField, ...] = ()
        self._language = ("en", "en")  # (the person's, the definition's default)
        if sessions:
            self.set_sessions(sessions)

    def set_sessions(
        self,
        sessions: list[CaseSession],
        custom_columns: tuple[CustomField, ...] | None = None,
        language: tuple[str, str] | None = None,
    ) -> None:
        """The sessions and, when given, the custom fields shown as columns after the
        built-in ones (labels in ``language``: the person's, the definition's default)."""
        self.beginResetModel()
        if custom_columns is not None:
            self._custom = tuple(custom_columns)
        if language is not None:
            self._language = language
        self._rows = list(sessions)
        self._display = [self._display_row(s) for s in self._rows]
        self.endResetModel()

    @property
    def custom_columns(self) -> tuple[CustomField, ...]:
        return self._custom

    def _display_row(self, case_session: CaseSession) -> tuple[str, ...]:
        shown = display_row(case_session)
        if not self._custom:
            return shown
        values = case_session.custom
        return shown + tuple(
            custom_value_text(item, values.get(item.key), *self._language) for item in self._custom
        )

    def _sort_value(self, case_session: CaseSession, column: int) -> Any:
        if column < COLUMN_COUNT:
            return sort_value(case_session, column)
        value = case_session.custom.get(self._custom[column - COLUMN_COUNT].key)
        return None if value in (None, "", []) else str(value)

    def clear(self) -> None:
        self.set_sessions([])

    def session_at(self, row: int) -> CaseSession | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT + len(self._custom)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        if role == DISPLAY_ROLE:
            return self._display[index.row()][index.column()]
        if role == CaseSessionRole:
            return self._rows[index.row()]
        if role == SortRole:
            return self._sort_value(self._rows[index.row()], index.column())
        if role == TOOLTIP_ROLE:
            case_session = self._rows[index.row()]
            where = f"{case_session.duration_minutes} min, {case_session.location}".rstrip(", ")
            return f"{where}\n{case_session.summary}".strip()
        if role == ALIGNMENT_ROLE:
            return ALIGN_RIGHT if index.column() == COL_DURATION else ALIGN_LEFT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation == HORIZONTAL and role == DISPLAY_ROLE:
            if 0 <= section < COLUMN_COUNT:
                return tr(HEADERS[section])
            if section < self.columnCount():
                return self._custom[section - COLUMN_COUNT].label(*self._language)
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A few dozen rows: list.sort and a layout change (no proxy model)."""
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda s: (
                self._sort_value(s, column) is None,
                self._sort_value(s, column) or "",
            ),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._display = [self._display_row(s) for s in self._rows]
        self.layoutChanged.emit()
