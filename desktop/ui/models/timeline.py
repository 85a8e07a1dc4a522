"""A case's timeline as one list, newest first: sessions and changes (tasks join later).

Each entry reads: when (the person's time), who, and what — a session's kind, status and
the start of its summary; a change's record and action, then ``Field: old → new`` lines.
A new kind of entry (``TimelineKind``) needs a headline and detail lines here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from desktop.resources import resource_path
from desktop.services.audit import TimelineEntry, TimelineKind
from desktop.ui.dates import EMPTY, format_datetime
from desktop.ui.fields import choice_text
from desktop.ui.models.audit_table import (
    action_label,
    change_lines,
    display_event,
    entity_label,
)

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
DECORATION_ROLE = Qt.ItemDataRole.DecorationRole
ACCESSIBLE_ROLE = Qt.ItemDataRole.AccessibleTextRole
TimelineEntryRole = int(Qt.ItemDataRole.UserRole) + 1
_ROOT = QModelIndex()
SUMMARY_START = 100  # characters of a session's summary shown in the list
ICONS = {TimelineKind.SESSION: "session-add", TimelineKind.CHANGE: "edit"}
INDENT = "    "


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineModel", text)


def headline(entry: TimelineEntry) -> str:
    """``when · who · what`` of one entry."""
    when = format_datetime(entry.at)
    if entry.kind is TimelineKind.SESSION and entry.session is not None:
        what = _tr("Session: %1, %2").replace("%1", choice_text(entry.session.kind))
        what = what.replace("%2", choice_text(entry.session.status))
    elif entry.change is not None:
        change = entry.change
        what = f"{entity_label(change.entity)}: {action_label(change.action)}"
    else:
        what = entry.kind.value
    return f"{when} · {entry.who or EMPTY} · {what}"


def detail_lines(entry: TimelineEntry, *, short: bool = True) -> list[str]:
    if entry.kind is TimelineKind.SESSION and entry.session is not None:
        summary = entry.session.summary.strip()
        if not summary:
            return []
        if not short:
            return summary.splitlines()
        first = summary.splitlines()[0]
        cut = len(first) > SUMMARY_START or "\n" in summary
        return [first[: SUMMARY_START - 1].rstrip() + "…" if cut else first]
    if entry.change is not None:
        return change_lines(display_event(entry.change), short=short)
    return []


class TimelineModel(QAbstractListModel):
    """A few hundred entries at most: set as a whole list, texts made once."""

    def __init__(self, entries: Sequence[TimelineEntry] = (), parent=None):
        super().__init__(parent)
        self._rows: list[TimelineEntry] = []
        self._display: list[str] = []
        self._icons = {
            kind: QIcon(str(resource_path("icons", f"{name}.svg"))) for kind, name in ICONS.items()
        }
        if entries:
            self.set_entries(entries)

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self._display = [
            "\n".join([headline(e), *(INDENT + line for line in detail_lines(e))])
            for e in self._rows
        ]
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def entry_at(self, row: int) -> TimelineEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        if role in (DISPLAY_ROLE, ACCESSIBLE_ROLE):
            return self._display[index.row()]
        entry = self._rows[index.row()]
        if role == TOOLTIP_ROLE:
            return "\n".join([headline(entry), *detail_lines(entry, short=False)])
        if role == DECORATION_ROLE:
            return self._icons.get(entry.kind)
        if role == TimelineEntryRole:
            return entry
        return None
