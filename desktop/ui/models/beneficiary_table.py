"""The caseload list: a paged table model over ``BeneficiaryService.list_page``.

Search, filters and sort are asked of the service (SQL); rows arrive a page at a time
through ``canFetchMore``/``fetchMore``, so 100,000 beneficiaries never sit in Python
at once. Display strings are made once per row when a page arrives, and ``data()``
compares against a cached role (PySide's enum lookup costs microseconds per call).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.domain.enums import BeneficiaryStatus, SyncStatus
from desktop.domain.records import Beneficiary, BeneficiaryQuery, SortKey
from desktop.ui.dates import format_date, format_datetime

log = logging.getLogger(__name__)

PAGE_SIZE = 200

COL_CASE_NUMBER = 0
COL_LAST_NAME = 1
COL_FIRST_NAME = 2
COL_DATE_OF_BIRTH = 3
COL_STATUS = 4
COL_CASEWORKER = 5
COL_NEXT_FOLLOW_UP = 6
COL_UPDATED_AT = 7
COLUMN_COUNT = 8

HEADERS = (
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Case no."),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Last name"),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "First name"),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Date of birth"),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Status"),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Caseworker"),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Next follow-up"),
    QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Updated"),
)

SORT_KEYS = (
    SortKey.CASE_NUMBER,
    SortKey.LAST_NAME,
    SortKey.FIRST_NAME,
    SortKey.DATE_OF_BIRTH,
    SortKey.STATUS,
    SortKey.CASEWORKER,
    SortKey.NEXT_FOLLOW_UP,
    SortKey.UPDATED_AT,
)

STATUS_LABELS = {
    BeneficiaryStatus.ACTIVE: QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Active"),
    BeneficiaryStatus.CLOSED: QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Closed"),
}

# Cached once: Qt.ItemDataRole.DisplayRole looked up per call costs 4–7 µs.
DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
USER_ROLE = int(Qt.ItemDataRole.UserRole)
BeneficiaryRole = USER_ROLE + 1  # the Beneficiary record of the row
IdRole = USER_ROLE + 2  # its id
SortRole = USER_ROLE + 3  # the raw value the column sorts by (what SQL orders)
HORIZONTAL = Qt.Orientation.Horizontal
_ROOT = QModelIndex()  # the invalid parent of every row
DESCENDING = Qt.SortOrder.DescendingOrder
ALIGN_CENTER_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BeneficiaryTableModel", text)


def _date(value: date | None) -> str:
    return format_date(value)


def _when(value: datetime | None) -> str:
    return format_datetime(value)  # stored in UTC, read in the person's time zone


def display_row(beneficiary: Beneficiary) -> tuple[str, ...]:
    return (
        beneficiary.case_number,
        beneficiary.last_name,
        beneficiary.first_name,
        _date(beneficiary.date_of_birth),
        _tr(STATUS_LABELS[beneficiary.status]),
        beneficiary.caseworker_name,
        _date(beneficiary.next_follow_up_on),
        _when(beneficiary.updated_at),
    )


def sort_value(beneficiary: Beneficiary, column: int) -> Any:
    key = SORT_KEYS[column]
    if key is SortKey.CASEWORKER:
        return beneficiary.caseworker_name
    value = getattr(beneficiary, key.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value is not None else ""


def is_unfiltered(query: BeneficiaryQuery) -> bool:
    return (
        not query.search.strip()
        and query.status is None
        and not query.caseworker_id
        and query.follow_up_due_by is None
    )


class BeneficiaryTableModel(QAbstractTableModel):
    """Rows of the caseload list, a page at a time, from a ``BeneficiaryService``."""

    # (rows matching the query, rows this user may see at all)
    totals_changed = Signal(int, int)
    load_failed = Signal(object)

    def __init__(self, service: Any = None, *, page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._query = BeneficiaryQuery()
        self._rows: list[Beneficiary] = []
        self._display: list[tuple[str, ...]] = []
        self._total = 0
        self._visible_total = 0
        self._fetching = False  # views and testers may call fetchMore while rows go in
        self._counted = False  # self._total is the count of the current filters
        self._visible_counted = False
        if service is not None:
            self.reload()

    # -- what is shown -----------------------------------------------------------------------

    @property
    def query(self) -> BeneficiaryQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def visible_total(self) -> int:
        return self._visible_total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    def set_service(self, service: Any) -> None:
        """A new login (after unlock or switch user): same query, fresh rows."""
        self._service = service
        self._counted = self._visible_counted = False
        self.reload()

    def set_query(self, query: BeneficiaryQuery) -> None:
        if query == self._query and self._service is not None:
            return
        # A new order of the same rows keeps the count: counting 100,000 encrypted rows
        # costs far more than fetching a page through an index.
        resorted = replace(query, sort=self._query.sort, descending=self._query.descending)
        recount = not (self._counted and resorted == self._query)
        self._query = query
        self._load_first_page(refresh_visible=False, recount=recount)

    def reload(self) -> None:
        """After a write: counts and the first page again."""
        self._load_first_page(refresh_visible=True, recount=True)

    def clear(self) -> None:
        """On lock: personal data leaves the model (the service is gone too)."""
        self.beginResetModel()
        self._service = None
        self._rows = []
        self._display = []
        self._total = self._visible_total = 0
        self._counted = self._visible_counted = False
        self.endResetModel()
        self.totals_changed.emit(0, 0)

    def _load_first_page(self, *, refresh_visible: bool, recount: bool) -> None:
        rows: list[Beneficiary] = []
        total = 0
        service = self._service
        if service is not None:
            try:
                rows, total = self._first_page(service, refresh_visible, recount)
            except Exception as exc:
                log.warning("caseload page failed to load: %s", type(exc).__name__, exc_info=True)
                self.load_failed.emit(exc)
                rows, total = [], 0
                self._counted = False
        self.beginResetModel()
        self._rows = rows
        self._display = [display_row(b) for b in rows]
        self._total = total
        self.endResetModel()
        self.totals_changed.emit(self._total, self._visible_total)

    def _first_page(self, service: Any, refresh_visible: bool, recount: bool):
        query = self._query
        need_visible = refresh_visible or not self._visible_counted
        if is_unfiltered(query):
            # Everything this user may see: one count serves both numbers.
            if need_visible or recount:
                self._visible_total = service.count_visible()
                self._visible_counted = True
            page = service.list_page(query, 0, self._page_size, with_total=False)
            total = self._visible_total
        else:
            page = service.list_page(query, 0, self._page_size, with_total=recount)
            total = page.total if recount else self._total
            if need_visible:
                self._visible_total = service.count_visible()
                self._visible_counted = True
        self._counted = True
        return list(page.rows), total

    # -- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        if parent.isValid() or self._service is None or self._fetching:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        offset = len(self._rows)
        try:
            page = self._service.list_page(self._query, offset, self._page_size, with_total=False)
        except Exception as exc:
            log.warning("caseload page failed to load: %s", type(exc).__name__, exc_info=True)
            self.load_failed.emit(exc)
            return
        rows = list(page.rows)[: self._total - offset]
        if not rows:
            # Rows vanished since the count (deleted elsewhere): stop asking.
            self._total = offset
            self.totals_changed.emit(self._total, self._visible_total)
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self._display.extend(display_row(b) for b in rows)
            self.endInsertRows()
        finally:
            self._fetching = False

    def fetch_all_until(self, row: int) -> None:
        """Loads pages until ``row`` exists (keyboard navigation, tests)."""
        while row >= len(self._rows) and self.canFetchMore():
            self.fetchMore()

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if role == DISPLAY_ROLE:
            if not index.isValid():
                return None
            return self._display[index.row()][index.column()]
        if not index.isValid():
            return None
        row = index.row()
        if role == BeneficiaryRole:
            return self._rows[row]
        if role == IdRole:
            return self._rows[row].id
        if role == SortRole:
            return sort_value(self._rows[row], index.column())
        if role == TOOLTIP_ROLE:
            beneficiary = self._rows[row]
            if beneficiary.sync_status in (SyncStatus.ERROR, SyncStatus.CONFLICT):
                return _tr("Sync problem: %s") % (beneficiary.sync_error or beneficiary.sync_status)
            return None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation == HORIZONTAL and 0 <= section < COLUMN_COUNT:
            if role == DISPLAY_ROLE:
                return _tr(HEADERS[section])
            if role == ALIGNMENT_ROLE:
                return ALIGN_CENTER_LEFT
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        query = replace(self._query, sort=SORT_KEYS[column], descending=order == DESCENDING)
        self.set_query(query)

    # -- lookups -----------------------------------------------------------------------------

    def beneficiary_at(self, row: int) -> Beneficiary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, beneficiary_id: str) -> int:
        for row, beneficiary in enumerate(self._rows):
            if beneficiary.id == beneficiary_id:
                return row
        return -1
