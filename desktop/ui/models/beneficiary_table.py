"""The caseload list: a paged table model over ``BeneficiaryService.list_page``.

Search, filters and sort are asked of the service (SQL). After the built-in columns come
the organisation's own fields marked as list columns (desktop/domain/forms.py), from the
definition the model is given (a FormSet, or a callable returning the current one, read
again on every reload). The model has as many rows as
the query matches; a page is loaded when a view first asks for one of its rows and only
the last few pages stay, so 100,000 beneficiaries never sit in Python at once. Display
strings are made once per row when a page arrives, and ``data()`` compares against a
cached role (PySide's enum lookup costs microseconds per call).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
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
    QTimer,
    Signal,
)

from desktop.domain import schema
from desktop.domain.enums import Entity, SyncStatus
from desktop.domain.forms import EMPTY, CustomField, FormSet
from desktop.domain.records import Beneficiary, BeneficiaryQuery, SortKey
from desktop.ui.dates import format_date, format_datetime, format_local_date
from desktop.ui.fields import choice_text, custom_value_text, field_text
from desktop.ui.help import ui_language

log = logging.getLogger(__name__)

# Rows a page load reads. It runs inside a paint (the view asks for a row it has not got),
# so it must fit in a frame: with 20 custom fields a row is ~2.75x wider than the built-in
# ones alone and each of 200 rows read by name costs an encrypted page read, so a page
# of 200 took 7–9 ms; 100 rows (three screenfuls) take half of that.
PAGE_SIZE = 100
# Pages kept in Python: a screenful is one, finding the selected record again after a
# sort looks through twenty (caseload.RESELECT_ROWS); older pages are dropped.
CACHED_PAGES = 40
# A search is first counted up to this many matches ("more than 1,000 of N"); scrolling
# to the end of them counts on to GROWTH times as many (services/search_counts.py).
COUNT_BOUND = 1000
GROWTH = 4

COL_CASE_NUMBER = 0
COL_LAST_NAME = 1
COL_FIRST_NAME = 2
COL_DATE_OF_BIRTH = 3
COL_STATUS = 4
COL_CASEWORKER = 5
COL_NEXT_FOLLOW_UP = 6
COL_UPDATED_AT = 7
COLUMN_COUNT = 8

# The declared field each column shows (its header is the field's label, translated
# under "field"), or None for a column of the case's own with its own header.
COLUMN_FIELDS: tuple[str | None, ...] = (
    "case_number",
    "last_name",
    "first_name",
    "date_of_birth",
    "status",
    "caseworker_id",
    None,
    None,
)
OWN_HEADERS = {
    COL_NEXT_FOLLOW_UP: QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Next follow-up"),
    COL_UPDATED_AT: QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Updated"),
}
# The headers in English (the benchmark's names for the columns).
HEADERS = tuple(
    OWN_HEADERS[column] if name is None else schema.label(name, Entity.BENEFICIARY)
    for column, name in enumerate(COLUMN_FIELDS)
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

# Cached once: Qt.ItemDataRole.DisplayRole looked up per call costs 4–7 µs.
DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
USER_ROLE = int(Qt.ItemDataRole.UserRole)
BeneficiaryRole = USER_ROLE + 1  # the Beneficiary record of the row
IdRole = USER_ROLE + 2  # its id
SortRole = USER_ROLE + 3  # the raw value the column sorts by (what SQL orders)
_RECORD_ROLES = frozenset({BeneficiaryRole, IdRole, SortRole, int(TOOLTIP_ROLE)})
HORIZONTAL = Qt.Orientation.Horizontal
_ROOT = QModelIndex()  # the invalid parent of every row
DESCENDING = Qt.SortOrder.DescendingOrder
ALIGN_CENTER_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BeneficiaryTableModel", text)


def header(column: int) -> str:
    """A column's header in the person's language."""
    name = COLUMN_FIELDS[column]
    return _tr(OWN_HEADERS[column]) if name is None else field_text(Entity.BENEFICIARY, name)


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
        choice_text(beneficiary.status),
        beneficiary.caseworker_name,
        _date(beneficiary.next_follow_up_on),
        # The day only: with the time the list needs more than a 1280 px screen's width
        # beside the detail; the time is in the cell's tooltip. The person's day, not
        # UTC's (in Kolkata from 18:30 UTC the list showed yesterday).
        format_local_date(beneficiary.updated_at),
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
        and not query.custom_filters
    )


FormsSource = FormSet | Callable[[], FormSet]


def kept_by(query: BeneficiaryQuery, definition: FormSet) -> BeneficiaryQuery:
    """``query`` without the custom sort and filters ``definition`` no longer offers."""
    fields = definition.beneficiary
    columns = {item.key for item in fields.where(column=True)}
    filters = {item.key for item in fields.where(filter=True)}
    sort = query.custom_sort if query.custom_sort in columns else None
    kept = tuple(pair for pair in query.custom_filters if pair[0] in filters)
    if (sort, kept) == (query.custom_sort, query.custom_filters):
        return query
    return replace(query, custom_sort=sort, custom_filters=kept)


class BeneficiaryTableModel(QAbstractTableModel):
    """Every row of the caseload list, each page loaded when a view first asks for it.

    ``rowCount()`` is the whole count, so Ctrl+End, Page Down and the scroll bar reach
    any row at once. The page holding a requested row is asked of the service: keyset
    paging when it continues a page just loaded, otherwise an offset from whichever end
    of the list is nearer (the last page is the reverse order's first page). Only the
    ``cached_pages`` most recently loaded pages stay in Python, so memory stays flat
    however far a person scrolls.
    """

    # (rows matching the query, rows this user may see at all)
    totals_changed = Signal(int, int)
    load_failed = Signal(object)
    definition_changed = Signal(object)  # the FormSet whose columns and filters are shown

    def __init__(
        self,
        service: Any = None,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int | None = CACHED_PAGES,
        forms: FormsSource = EMPTY,
        parent=None,
    ):
        super().__init__(parent)
        self._service = service
        self._forms = forms
        self._definition = EMPTY
        self._custom_columns: tuple[CustomField, ...] = ()
        self._language = ("en", "en")  # (the person's, the definition's default)
        self._page_size = page_size
        self._cached_pages = cached_pages  # None: keep every page (the bench's baseline)
        self._query = BeneficiaryQuery()
        self._rows: dict[int, Beneficiary] = {}
        self._display: dict[int, tuple[str, ...]] = {}
        self._pages: OrderedDict[int, int] = OrderedDict()  # page -> rows held, oldest first
        # Rows from which the service can go on with keyset paging: just after a page
        # loaded in list order, and (counted from the end) after one loaded in reverse.
        self._forward_ends: set[int] = set()
        self._reverse_ends: set[int] = set()
        self._failed_pages: set[int] = set()  # not asked again until the next reset
        self._total = 0
        self._more = False  # a search's count stopped at its bound: more rows match
        self._visible_total = 0
        self._counted = False  # self._total is the count of the current filters
        self._visible_counted = False
        if not callable(forms):
            self._refresh_definition()  # a source is read when there is a login
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
    def more(self) -> bool:
        """More rows match than ``total`` (a search counted up to its bound)."""
        return self._more

    @property
    def visible_total(self) -> int:
        return self._visible_total

    @property
    def loaded(self) -> int:
        """Rows held in Python now (at most ``cached_pages`` pages)."""
        return len(self._rows)

    @property
    def definition(self) -> FormSet:
        return self._definition

    @property
    def language(self) -> str:
        """The person's language, for the definition's labels."""
        return self._language[0]

    @property
    def custom_columns(self) -> tuple[CustomField, ...]:
        return self._custom_columns

    def set_service(self, service: Any, *, forms: FormsSource | None = None) -> None:
        """A new login (after unlock or switch user): same query, fresh rows.

        ``forms``: the definition (or where to read it), when it comes with the login.
        """
        self._service = service
        if forms is not None:
            self._forms = forms
        self._counted = self._visible_counted = False
        self.reload()

    def set_forms(self, forms: FormsSource) -> None:
        """Another definition (or source of it): columns and filters follow at once."""
        self._forms = forms
        self.reload()

    def _refresh_definition(self) -> bool:
        """Reads the definition again; True if it changed (columns, filters, labels)."""
        source = self._forms
        definition = source() if callable(source) else source
        if definition == self._definition:
            return False
        self._use_definition(definition)
        self._query = kept_by(self._query, definition)
        return True

    def _use_definition(self, definition: FormSet) -> None:
        self._definition = definition
        self._custom_columns = definition.beneficiary.where(column=True)
        self._language = (ui_language(), definition.default_language)

    def set_query(self, query: BeneficiaryQuery) -> None:
        if query == self._query and self._service is not None:
            return
        # A new order of the same rows keeps the count: counting 100,000 encrypted rows
        # costs far more than fetching a page through an index.
        resorted = replace(
            query,
            sort=self._query.sort,
            descending=self._query.descending,
            custom_sort=self._query.custom_sort,
        )
        recount = not (self._counted and resorted == self._query)
        self._query = query
        self._load_first_page(refresh_visible=False, recount=recount)

    def reload(self) -> None:
        """After a write or a sync (which may bring a new definition): counts, the
        definition's columns and the first page again."""
        changed = self._refresh_definition()
        self._load_first_page(refresh_visible=True, recount=True)
        if changed:
            self.definition_changed.emit(self._definition)

    def clear(self) -> None:
        """On lock: personal data leaves the model (the service is gone too)."""
        self.beginResetModel()
        self._service = None
        self._forget_pages()
        self._total = self._visible_total = 0
        self._more = False
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
        self._forget_pages()
        self._total = total
        if rows:
            self._keep(0, rows[:total])
            self._forward_ends.add(len(rows))
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
            self._more = False
        else:
            page = service.list_page(
                query, 0, self._page_size, with_total=recount, bound=COUNT_BOUND
            )
            total = page.total if recount else self._total
            if recount:
                self._more = page.more
            if need_visible:
                self._visible_total = service.count_visible()
                self._visible_counted = True
        self._counted = True
        return list(page.rows), total

    # -- paging ------------------------------------------------------------------------------

    def _forget_pages(self) -> None:
        self._rows = {}
        self._display = {}
        self._pages.clear()
        self._forward_ends.clear()
        self._reverse_ends.clear()
        self._failed_pages.clear()

    def _ensure(self, row: int) -> bool:
        """Loads the page holding ``row`` unless it is here; False if it cannot be had."""
        if row in self._rows:
            return True
        if self._service is None or not 0 <= row < self._total:
            return False
        page = row // self._page_size
        if page in self._pages or page in self._failed_pages:
            return False  # loaded short (rows deleted since the count) or failing
        self._load_page(page)
        return row in self._rows

    def _load_page(self, page: int) -> None:
        start = page * self._page_size
        end = min(start + self._page_size, self._total)
        try:
            rows = self._fetch(start, end)
        except Exception as exc:
            log.warning("caseload page failed to load: %s", type(exc).__name__, exc_info=True)
            self._failed_pages.add(page)
            # Views ask from inside a paint: the message waits for the event loop.
            QTimer.singleShot(0, lambda error=exc: self.load_failed.emit(error))
            return
        if len(rows) < end - start:
            # Rows deleted since the count (elsewhere, by a sync): blank until the next
            # reload, which every write and sync does.
            log.info("caseload page %d came back short (%d of %d)", page, len(rows), end - start)
        self._keep(page, rows)

    def _fetch(self, start: int, end: int) -> list[Beneficiary]:
        count = end - start
        from_end = self._total - end
        continues = start in self._forward_ends
        # A bounded count has no known end to count back from: always forward.
        nearer_start = from_end not in self._reverse_ends and start <= from_end
        if continues or self._more or nearer_start:
            page = self._service.list_page(self._query, start, count, with_total=False)
            rows = list(page.rows)
            self._forward_ends.add(start + len(rows))
            return rows
        # Nearer the end: the same rows in the reverse order skip fewer rows, and the
        # last page is the reverse order's first (Ctrl+End costs what opening the list does).
        # Every order ends on the primary key, so the reverse is exactly backwards.
        reverse = replace(self._query, descending=not self._query.descending)
        page = self._service.list_page(reverse, from_end, count, with_total=False)
        rows = list(page.rows)
        self._reverse_ends.add(from_end + len(rows))
        rows.reverse()
        return rows

    def _keep(self, page: int, rows: list[Beneficiary]) -> None:
        start = page * self._page_size
        for row, beneficiary in enumerate(rows, start):
            self._rows[row] = beneficiary
            self._display.pop(row, None)
        self._pages[page] = len(rows)
        limit = self._cached_pages
        while limit is not None and len(self._pages) > max(limit, 1):
            old, held = self._pages.popitem(last=False)
            first = old * self._page_size
            for row in range(first, first + held):
                del self._rows[row]
                self._display.pop(row, None)
            self._forward_ends.discard(first + held)
            self._reverse_ends.discard(self._total - first - held)

    def fetch_all_until(self, row: int) -> None:
        """Loads every page up to ``row`` (as many as the cache keeps: the bench's baseline)."""
        last = min(row, self._total - 1)
        for page in range(last // self._page_size + 1):
            self._ensure(page * self._page_size)

    def locate(self, beneficiary_id: str, within: int) -> int:
        """The row of ``beneficiary_id`` among the first ``within`` rows, loading them; or -1."""
        row = self.row_of(beneficiary_id)
        if row >= 0:
            return row
        for first in range(0, min(within, self._total), self._page_size):
            if first not in self._rows and self._ensure(first):
                row = self.row_of(beneficiary_id)
                if row >= 0:
                    return row
        return -1

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def _forget_cut_page(self) -> None:
        """The page the bounded count cut short is read again once the count grows."""
        if not self._total:
            return
        page = (self._total - 1) // self._page_size
        held = self._pages.get(page)
        if held is None or held >= self._page_size:
            return
        del self._pages[page]
        first = page * self._page_size
        for row in range(first, first + held):
            self._rows.pop(row, None)
            self._display.pop(row, None)
        self._forward_ends.discard(first + held)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and self._service is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        """The view reached the end of a bounded count: counts on, GROWTH times as far."""
        if not self.canFetchMore(parent):
            return
        try:
            total, more = self._service.count_bounded(self._query, self._total * GROWTH)
        except Exception as exc:
            log.warning("caseload count failed: %s", type(exc).__name__, exc_info=True)
            self._more = False
            QTimer.singleShot(0, lambda error=exc: self.load_failed.emit(error))
            return
        if total > self._total:
            self._forget_cut_page()
            self.beginInsertRows(_ROOT, self._total, total - 1)
            self._total = total
            self._more = more
            self.endInsertRows()
        else:
            self._more = False
        self.totals_changed.emit(self._total, self._visible_total)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT + len(self._custom_columns)

    def header(self, column: int) -> str:
        """A column's header: built-in ones translated, custom ones in the definition's
        label for the person's language (else its default language's)."""
        if column < COLUMN_COUNT:
            return header(column)
        return self._custom_columns[column - COLUMN_COUNT].label(*self._language)

    def _display_row(self, beneficiary: Beneficiary) -> tuple[str, ...]:
        shown = display_row(beneficiary)
        if not self._custom_columns:
            return shown
        values = beneficiary.custom
        return shown + tuple(
            custom_value_text(item, values.get(item.key), *self._language)
            for item in self._custom_columns
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == DISPLAY_ROLE:
            display = self._display.get(row)
            if display is None:
                # Formatted when first painted: a page holds 200 rows, a screen shows ~30.
                if not self._ensure(row):
                    return None
                display = self._display[row] = self._display_row(self._rows[row])
            return display[index.column()]
        if role not in _RECORD_ROLES or not self._ensure(row):
            return None
        beneficiary = self._rows[row]
        if role == BeneficiaryRole:
            return beneficiary
        if role == IdRole:
            return beneficiary.id
        if role == SortRole:
            column = index.column()
            if column >= COLUMN_COUNT:
                value = beneficiary.custom.get(self._custom_columns[column - COLUMN_COUNT].key)
                return "" if value is None else str(value)
            return sort_value(beneficiary, column)
        if beneficiary.sync_status in (SyncStatus.ERROR, SyncStatus.CONFLICT):
            return QCoreApplication.translate("BeneficiaryTableModel", "Sync problem: %s") % (
                beneficiary.sync_error or beneficiary.sync_status
            )
        if index.column() == COL_UPDATED_AT:
            return _when(beneficiary.updated_at)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation == HORIZONTAL and 0 <= section < self.columnCount():
            if role == DISPLAY_ROLE:
                return self.header(section)
            if role == ALIGNMENT_ROLE:
                return ALIGN_CENTER_LEFT
            if role == TOOLTIP_ROLE:
                return self.header(section)  # in full, where a narrow column shortens it
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == DESCENDING
        if 0 <= column < COLUMN_COUNT:
            query = replace(
                self._query, sort=SORT_KEYS[column], custom_sort=None, descending=descending
            )
        elif column < self.columnCount():
            key = self._custom_columns[column - COLUMN_COUNT].key
            query = replace(self._query, custom_sort=key, descending=descending)
        else:
            return
        self.set_query(query)

    # -- lookups -----------------------------------------------------------------------------

    def beneficiary_at(self, row: int) -> Beneficiary | None:
        return self._rows[row] if self._ensure(row) else None

    def row_of(self, beneficiary_id: str) -> int:
        """The row of ``beneficiary_id`` among the pages held now, or -1."""
        for row, beneficiary in self._rows.items():
            if beneficiary.id == beneficiary_id:
                return row
        return -1
