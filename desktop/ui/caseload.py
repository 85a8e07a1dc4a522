"""The caseload list: search-as-you-type, filters and the paged table, all asked of SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.records import Beneficiary, UserAccount
from desktop.ui.models.beneficiary_table import (
    COL_CASE_NUMBER,
    COL_CASEWORKER,
    COL_DATE_OF_BIRTH,
    COL_FIRST_NAME,
    COL_LAST_NAME,
    COL_NEXT_FOLLOW_UP,
    COL_STATUS,
    BeneficiaryTableModel,
)
from desktop.ui.widgets import select_row

SEARCH_DEBOUNCE_MS = 150
# After a new sort, the selected record is looked for in this many rows (a few pages);
# further down, the detail keeps showing it while the list starts at the top.
RESELECT_ROWS = 2_000
FOLLOW_UP_ANY, FOLLOW_UP_TODAY, FOLLOW_UP_WEEK = "any", "today", "week"


def format_count(number: int) -> str:
    """1,234 in the user's locale (the C locale of a bare system groups with commas too)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{number:,}"
    return locale.toString(number)


class CaseloadPanel(QWidget):
    current_changed = Signal(object)  # Beneficiary or None
    activated = Signal(object)  # Beneficiary (double-click / Enter)

    def __init__(self, model: BeneficiaryTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseloadPanel")
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search name or case number (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search beneficiaries"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        filters = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.status_filter.addItem(self.tr("Active and closed"), None)
        self.status_filter.addItem(self.tr("Active"), BeneficiaryStatus.ACTIVE)
        self.status_filter.addItem(self.tr("Closed"), BeneficiaryStatus.CLOSED)
        filters.addWidget(self.status_filter)
        self.caseworker_filter = QComboBox(self)
        self.caseworker_filter.setObjectName("caseworkerFilter")
        self.caseworker_filter.setAccessibleName(self.tr("Caseworker filter"))
        self.caseworker_filter.addItem(self.tr("All caseworkers"), None)
        filters.addWidget(self.caseworker_filter)
        self.follow_up_filter = QComboBox(self)
        self.follow_up_filter.setObjectName("followUpFilter")
        self.follow_up_filter.setAccessibleName(self.tr("Follow-up filter"))
        self.follow_up_filter.addItem(self.tr("Any follow-up"), FOLLOW_UP_ANY)
        self.follow_up_filter.addItem(self.tr("Follow-up due today"), FOLLOW_UP_TODAY)
        self.follow_up_filter.addItem(self.tr("Follow-up due in 7 days"), FOLLOW_UP_WEEK)
        filters.addWidget(self.follow_up_filter)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(self.tr("Number of beneficiaries shown"))
        layout.addWidget(self.count_label)

        self.view = QTableView(self)
        self.view.setObjectName("caseloadView")
        self.view.setAccessibleName(self.tr("Caseload"))
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        for column, width in (
            (COL_CASE_NUMBER, 112),
            (COL_LAST_NAME, 120),
            (COL_FIRST_NAME, 110),
            (COL_DATE_OF_BIRTH, 110),
            (COL_STATUS, 68),
            (COL_CASEWORKER, 130),
            (COL_NEXT_FOLLOW_UP, 125),
        ):
            header.resizeSection(column, width)
        # Sorting asks the model, which asks SQL: no proxy, no sort over Python rows.
        header.setSortIndicator(COL_LAST_NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.status_filter, self.caseworker_filter, self.follow_up_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        model.totals_changed.connect(self._show_totals)
        self._kept: tuple[str, object] | None = None  # (selected id, filters) over a reset
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._after_reset)
        self.search.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._activated)
        self._show_totals(model.total, model.visible_total)

    # -- filters -------------------------------------------------------------------------

    def set_caseworkers(self, caseworkers: list[UserAccount] | None) -> None:
        """Supervisors filter by caseworker; caseworkers only ever see their own caseload."""
        current = self.caseworker_filter.currentData()
        self.caseworker_filter.blockSignals(True)
        self.caseworker_filter.clear()
        self.caseworker_filter.addItem(self.tr("All caseworkers"), None)
        for account in caseworkers or []:
            self.caseworker_filter.addItem(account.display_name, account.id)
        index = self.caseworker_filter.findData(current)
        self.caseworker_filter.setCurrentIndex(max(index, 0))
        self.caseworker_filter.blockSignals(False)
        self.caseworker_filter.setVisible(bool(caseworkers))

    def apply_filters(self) -> None:
        self._debounce.stop()
        follow_up = self.follow_up_filter.currentData()
        due_by = None
        if follow_up == FOLLOW_UP_TODAY:
            due_by = date.today()
        elif follow_up == FOLLOW_UP_WEEK:
            due_by = date.today() + timedelta(days=7)
        query = replace(
            self.model.query,
            search=self.search.text(),
            status=self.status_filter.currentData(),
            caseworker_id=self.caseworker_filter.currentData()
            if self.caseworker_filter.isVisibleTo(self)
            else None,
            follow_up_due_by=due_by,
        )
        selected = self.current_beneficiary()
        self.model.set_query(query)
        if selected is not None:
            self.select_id(selected.id, fetch=False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- selection -----------------------------------------------------------------------

    def current_beneficiary(self) -> Beneficiary | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.beneficiary_at(rows[0].row()) if rows else None

    def select_id(self, beneficiary_id: str, *, fetch: bool = True) -> bool:
        row = self.model.row_of(beneficiary_id)
        if row < 0 and fetch:
            return False
        if row < 0:
            return False
        select_row(self.view, row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def select_row(self, row: int) -> None:
        select_row(self.view, row)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.current_changed.emit(self.current_beneficiary())

    def _remember_selection(self) -> None:
        selected = self.current_beneficiary()
        self._kept = (selected.id, _filters(self.model.query)) if selected else None

    def _after_reset(self) -> None:
        kept, self._kept = self._kept, None
        if kept is None or self.model.total == 0:
            self.current_changed.emit(None)
            return
        beneficiary_id, filters = kept
        if filters == _filters(self.model.query):
            # The same rows in a new order (or reloaded): find the record again.
            row = self.model.row_of(beneficiary_id)
            while row < 0 and self.model.loaded < RESELECT_ROWS and self.model.canFetchMore():
                self.model.fetchMore()
                row = self.model.row_of(beneficiary_id)
            if row >= 0:
                select_row(self.view, row)
                self.view.scrollTo(self.model.index(row, 0))
            # Not among the first rows: the detail keeps it (nothing emitted).
            return
        self.current_changed.emit(None)

    def eventFilter(self, watched, event) -> bool:
        # Down or Page Down in the search box goes on to the results, as in a browser's
        # address bar, so the keyboard alone reaches a match.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and self.model.rowCount() > 0
        ):
            if self._debounce.isActive():
                self.apply_filters()
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if self.current_beneficiary() is None:
                select_row(self.view, 0)
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index) -> None:
        beneficiary = self.model.beneficiary_at(index.row())
        if beneficiary is not None:
            self.activated.emit(beneficiary)

    def _show_totals(self, total: int, visible_total: int) -> None:
        shown = format_count(total)
        if total == visible_total:
            text = self.tr("%Ln beneficiaries", "", total)
        else:
            text = (
                self.tr("%1 of %2").replace("%1", shown).replace("%2", format_count(visible_total))
            )
        self.count_label.setText(text)


def _filters(query) -> object:
    """What a query selects, leaving out the order it shows it in."""
    return replace(query, sort=None, descending=False)
