"""A report's table (``ReportResult``): its label columns, then the count, right-aligned."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from desktop.services.reports import ReportResult

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
SortRole = int(Qt.ItemDataRole.UserRole) + 1  # the count as a number
HORIZONTAL = Qt.Orientation.Horizontal
_ROOT = QModelIndex()
ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: ReportResult | None = None
        self._locale = QLocale()

    def set_result(self, result: ReportResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self.result is None:
            return 0
        return len(self.result.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self.result is None:
            return 0
        return len(self.result.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or self.result is None:
            return None
        cell = self.result.rows[index.row()][index.column()]
        last = index.column() == len(self.result.headers) - 1
        if role == DISPLAY_ROLE:
            return self._locale.toString(cell) if last else cell
        if role == SortRole:
            return cell
        if role == ALIGNMENT_ROLE and last:
            return ALIGN_NUMBER
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if (
            orientation == HORIZONTAL
            and role == DISPLAY_ROLE
            and self.result is not None
            and 0 <= section < len(self.result.headers)
        ):
            return self.result.headers[section]
        return super().headerData(section, orientation, role)
