"""The audit history of one record (supervisors and admins), newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.records import AuditEvent
from desktop.domain.validation import LABELS

COL_AT = 0
COL_USER = 1
COL_ACTION = 2
COL_CHANGES = 3
COLUMN_COUNT = 4

HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "When (UTC)"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Who"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Changed fields"),
)

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal
_ROOT = QModelIndex()  # the invalid parent of every row


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


def describe_changes(event: AuditEvent) -> str:
    """Field names only in the list; old → new values in the tooltip."""
    return ", ".join(LABELS.get(name, name) for name in event.changes)


def describe_values(event: AuditEvent) -> str:
    lines = []
    for name, pair in event.changes.items():
        old, new = [*pair, None, None][:2]
        lines.append(f"{LABELS.get(name, name)}: {old if old is not None else '–'} → {new}")
    return "\n".join(lines)


class AuditTableModel(QAbstractTableModel):
    def __init__(self, events: list[AuditEvent] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[AuditEvent] = []
        self._display: list[tuple[str, ...]] = []
        if events:
            self.set_events(events)

    def set_events(self, events: list[AuditEvent]) -> None:
        self.beginResetModel()
        self._rows = list(events)
        self._display = [
            (
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.username or "–",
                e.action.replace("_", " "),
                describe_changes(e),
            )
            for e in self._rows
        ]
        self.endResetModel()

    def clear(self) -> None:
        self.set_events([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        if role == DISPLAY_ROLE:
            return self._display[index.row()][index.column()]
        if role == TOOLTIP_ROLE and index.column() == COL_CHANGES:
            return describe_values(self._rows[index.row()]) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation == HORIZONTAL and role == DISPLAY_ROLE and 0 <= section < COLUMN_COUNT:
            return _tr(HEADERS[section])
        return super().headerData(section, orientation, role)
