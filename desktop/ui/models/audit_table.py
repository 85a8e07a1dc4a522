"""The audit history of one case (supervisors and admins), newest first, with old → new values.

How a change reads (``Field: old → new``, values in the person's locale and time zone,
choices by their labels) is written here once and used by the history table and by the
detail's timeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.enums import Entity
from desktop.domain.records import AuditEvent
from desktop.ui import fields
from desktop.ui.dates import EMPTY, format_datetime

COL_AT = 0
COL_USER = 1
COL_ACTION = 2
COL_CHANGES = 3
COLUMN_COUNT = 4
COL_RECORD = 4  # the office-wide log's own column (``AuditTableModel(office=True)``)

HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "When"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Who"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Changes"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
)

ACTION_LABELS = {
    "create": QT_TRANSLATE_NOOP("AuditTableModel", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditTableModel", "Changed"),
    "close": QT_TRANSLATE_NOOP("AuditTableModel", "Case closed"),
    "reopen": QT_TRANSLATE_NOOP("AuditTableModel", "Case reopened"),
    "reassign": QT_TRANSLATE_NOOP("AuditTableModel", "Reassigned"),
    "delete": QT_TRANSLATE_NOOP("AuditTableModel", "Deleted"),
    "import": QT_TRANSLATE_NOOP("AuditTableModel", "Imported"),
    "sync_create": QT_TRANSLATE_NOOP("AuditTableModel", "Received from the server"),
    "sync_update": QT_TRANSLATE_NOOP("AuditTableModel", "Changed on the server"),
    "conflict_resolved": QT_TRANSLATE_NOOP("AuditTableModel", "Sync conflict resolved"),
    "deleted_on_server": QT_TRANSLATE_NOOP("AuditTableModel", "Deleted on the server"),
    "left_caseload": QT_TRANSLATE_NOOP("AuditTableModel", "Left this laptop's caseload"),
    "report": QT_TRANSLATE_NOOP("AuditTableModel", "Report run or exported"),
    "export": QT_TRANSLATE_NOOP("AuditTableModel", "Exported"),
}
ENTITY_LABELS = {
    Entity.BENEFICIARY.value: QT_TRANSLATE_NOOP("AuditTableModel", "Beneficiary"),
    Entity.CASE_SESSION.value: QT_TRANSLATE_NOOP("AuditTableModel", "Session"),
    Entity.TASK.value: QT_TRANSLATE_NOOP("AuditTableModel", "Task"),
    Entity.HOUSEHOLD_LINK.value: QT_TRANSLATE_NOOP("AuditTableModel", "Household member"),
    Entity.USER.value: QT_TRANSLATE_NOOP("AuditTableModel", "User"),
    "audit_event": QT_TRANSLATE_NOOP("AuditTableModel", "Audit log"),
}
ARROW = "→"
# Events whose values were set, not changed: "Field: value", no "– →" (a record made, or
# an export, report or print described by its values).
SETTING_ACTIONS = ("create", "sync_create", "import", "export", "report", "print")

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
AuditEventRole = int(Qt.ItemDataRole.UserRole) + 1
HORIZONTAL = Qt.Orientation.Horizontal
_ROOT = QModelIndex()  # the invalid parent of every row
ALIGN_TOP_LEFT = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


def action_label(action: str) -> str:
    known = ACTION_LABELS.get(action)
    return _tr(known) if known else action.replace("_", " ")


def entity_label(entity: str) -> str:
    known = ENTITY_LABELS.get(entity)
    return _tr(known) if known else entity.replace("_", " ")


def change_lines(event: AuditEvent, *, short: bool = False) -> list[str]:
    """``Field: old → new`` per changed field (``Field: new`` for what a creation set).

    A field whose values are not shown (erased, or a record the reader may not see)
    is named alone.
    """
    lines = []
    for name, pair in event.changes.items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        label = fields.change_label(event.entity, name)
        if old is None and new is None:
            lines.append(label)
        elif old in (None, "") and event.action in SETTING_ACTIONS:
            lines.append(f"{label}: {fields.change_value(event.entity, name, new, short=short)}")
        else:
            before = fields.change_value(event.entity, name, old, short=short)
            after = fields.change_value(event.entity, name, new, short=short)
            lines.append(f"{label}: {before} {ARROW} {after}")
    return lines


def describe_changes(event: AuditEvent) -> str:
    """The changes in a list cell: one short line per field."""
    return "\n".join(change_lines(event, short=True))


def describe_values(event: AuditEvent) -> str:
    """The changes in full (the tooltip)."""
    return "\n".join(change_lines(event))


def display_event(event: AuditEvent) -> AuditEvent:
    """A creation lists what was filled in, not every empty field it also stored."""
    if event.action != "create":
        return event
    kept = {name: pair for name, pair in event.changes.items() if not _set_empty(pair)}
    return replace(event, changes=kept)


def _set_empty(pair: Any) -> bool:
    return isinstance(pair, list) and len(pair) == 2 and pair[0] is None and pair[1] in ("", False)


# One page of the office-wide log: the events older than the given id (None: the newest).
FetchOlder = Callable[[int | None], list[AuditEvent]]


class AuditTableModel(QAbstractTableModel):
    """A case's history, or (``office=True``) the office-wide log with a Record column,
    fed page by page: ``set_events(first_page, fetch_older)`` and Qt's ``fetchMore`` asks
    ``fetch_older(last id)`` for the next page when the view scrolls to the end."""

    def __init__(self, events: list[AuditEvent] | None = None, parent=None, *, office=False):
        super().__init__(parent)
        self._office = office
        self._rows: list[AuditEvent] = []
        self._display: list[tuple[str, ...]] = []
        self._fetch_older: FetchOlder | None = None
        self._more = False
        self.page_size = 0
        if events:
            self.set_events(events)

    def _shown(self, events: list[AuditEvent]) -> list[tuple[str, ...]]:
        return [
            (
                format_datetime(e.at),
                e.username or EMPTY,
                f"{entity_label(e.entity)}: {action_label(e.action)}",
                describe_changes(e),
                e.record or EMPTY,
            )
            for e in events
        ]

    def set_events(
        self, events: list[AuditEvent], fetch_older: FetchOlder | None = None, page_size: int = 0
    ) -> None:
        """The first page; with ``fetch_older``, more follow while a page comes back full."""
        self.beginResetModel()
        self._rows = [display_event(e) for e in events]
        self._display = self._shown(self._rows)
        self._fetch_older = fetch_older
        self.page_size = page_size
        self._more = fetch_older is not None and len(events) >= page_size > 0
        self.endResetModel()

    def clear(self) -> None:
        self.set_events([])

    def events(self) -> list[AuditEvent]:
        return list(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if parent.isValid() or not self._more or self._fetch_older is None:
            return
        older = self._fetch_older(self._rows[-1].id if self._rows else None)
        self._more = len(older) >= self.page_size > 0
        if not older:
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(older) - 1)
        added = [display_event(e) for e in older]
        self._rows.extend(added)
        self._display.extend(self._shown(added))
        self.endInsertRows()

    def event_at(self, row: int) -> AuditEvent | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid():
            return 0
        return COLUMN_COUNT + 1 if self._office else COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        if role == DISPLAY_ROLE:
            return self._display[index.row()][index.column()]
        if role == TOOLTIP_ROLE and index.column() == COL_CHANGES:
            return describe_values(self._rows[index.row()]) or None
        if role == ALIGNMENT_ROLE:
            return ALIGN_TOP_LEFT
        if role == AuditEventRole:
            return self._rows[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation == HORIZONTAL and role == DISPLAY_ROLE and 0 <= section < self.columnCount():
            return _tr(HEADERS[section])
        return super().headerData(section, orientation, role)
