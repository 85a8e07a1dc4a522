"""The caseload list: search-as-you-type, filters and the paged table, all asked of SQL."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
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
from desktop.domain.forms import CustomKind, FormSet
from desktop.domain.records import Beneficiary, UserAccount
from desktop.ui.models.beneficiary_table import (
    COL_CASEWORKER,
    COL_FIRST_NAME,
    COL_LAST_NAME,
    BeneficiaryTableModel,
)
from desktop.ui.text_cells import TextCellDelegate
from desktop.ui.widgets import select_row

SEARCH_DEBOUNCE_MS = 150
# After a new sort, the selected record is looked for in this many rows (a few pages);
# further down, the detail keeps showing it while the list starts at the top.
RESELECT_ROWS = 2_000
# When the list is too narrow for every value, these columns are shortened first.
SHORTENED_FIRST = (COL_LAST_NAME, COL_FIRST_NAME, COL_CASEWORKER)
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
        # The organisation's filters get a row of their own: beside the built-in three,
        # six combos share a 600 px pane and each shows half its text.
        self._custom_filters_row = QHBoxLayout()
        self._custom_filters_row.addStretch(1)
        layout.addLayout(self._custom_filters_row)
        # One per custom choice or yes/no field marked as a filter (the model's definition).
        self.custom_filters: dict[str, QComboBox] = {}

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(self.tr("Number of beneficiaries shown"))
        layout.addWidget(self.count_label)

        self.view = QTableView(self)
        self.view.setObjectName("caseloadView")
        self.view.setAccessibleName(self.tr("Caseload"))
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ctrl+click (or Shift) selects a second row: two records to merge (Records → Merge…).
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Each shown string laid out once (13 columns repainted at 60 fps; text_cells.py).
        self.view.setItemDelegate(TextCellDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        # Widths come from what the visible rows hold (fit_columns); measuring more rows
        # would load pages only to measure them.
        self.view.verticalHeader().setResizeContentsPrecision(0)
        self._auto_fit = True  # until the person drags a column edge or theirs are restored
        self._fitting = False
        self._header_pressed = False
        header.sectionResized.connect(self._section_resized)
        header.viewport().installEventFilter(self)
        self.view.viewport().installEventFilter(self)
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
        model.definition_changed.connect(self._show_custom_filters)
        self._kept: tuple[str, object] | None = None  # (selected id, filters) over a reset
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._after_reset)
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._activated)
        self._show_totals(model.total, model.visible_total)
        self._show_custom_filters(model.definition)

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

    def _show_custom_filters(self, definition: FormSet) -> None:
        """A combo per custom filter field, after the built-in filters and before the list
        in the tab order; a choice kept where the new definition still offers it."""
        kept = {key: combo.currentData() for key, combo in self.custom_filters.items()}
        for combo in self.custom_filters.values():
            self._custom_filters_row.removeWidget(combo)
            combo.setParent(None)  # gone from the panel now, not at the next event loop
            combo.deleteLater()
        self.custom_filters = {}
        language = (self.model.language, definition.default_language)
        previous: QWidget = self.follow_up_filter
        for item in definition.beneficiary.where(filter=True):
            label = item.label(*language)
            combo = QComboBox(self)
            combo.setObjectName(f"customFilter_{item.key}")
            combo.setAccessibleName(self.tr("%1 filter").replace("%1", label))
            combo.setToolTip(label)
            combo.addItem(self.tr("%1: all").replace("%1", label), None)
            if item.kind is CustomKind.YES_NO:
                # With the field's name: a combo showing "Yes" alone would not say what is.
                combo.addItem(self.tr("%1: yes").replace("%1", label), True)
                combo.addItem(self.tr("%1: no").replace("%1", label), False)
            else:
                # With the field's name too: once picked, "Cash in hand" alone would not
                # say which of the filters it is (seen in a real window).
                for choice in item.choices:
                    text = self.tr("%1: %2").replace("%1", label)
                    text = text.replace("%2", item.choice_label(choice.value, *language))
                    combo.addItem(text, choice.value)
            combo.setCurrentIndex(max(combo.findData(kept.get(item.key)), 0))
            combo.currentIndexChanged.connect(self.apply_filters)
            # Before the stretch at the row's end.
            self._custom_filters_row.insertWidget(self._custom_filters_row.count() - 1, combo)
            QWidget.setTabOrder(previous, combo)
            previous = combo
            self.custom_filters[item.key] = combo
        QWidget.setTabOrder(previous, self.view)
        if any(data is not None for data in kept.values()):
            self.apply_filters()  # a filter gone with the old definition stops filtering

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
            custom_filters=tuple(
                (key, combo.currentData())
                for key, combo in self.custom_filters.items()
                if combo.currentData() is not None
            ),
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

    def selected_beneficiaries(self) -> list[Beneficiary]:
        """Every selected row's record, in the list's order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        found = [self.model.beneficiary_at(row) for row in rows]
        return [beneficiary for beneficiary in found if beneficiary is not None]

    def select_id(self, beneficiary_id: str, *, fetch: bool = True) -> bool:
        """Selects the record if it is among the loaded rows (``fetch``: the first few pages)."""
        if fetch:
            row = self.model.locate(beneficiary_id, RESELECT_ROWS)
        else:
            row = self.model.row_of(beneficiary_id)
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
            row = self.model.locate(beneficiary_id, RESELECT_ROWS)
            if row >= 0:
                select_row(self.view, row)
                self.view.scrollTo(self.model.index(row, 0))
            # Not among the first rows: the detail keeps it (nothing emitted).
            return
        self.current_changed.emit(None)

    # -- column widths -------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Every column within the list's width: each gets what its visible values need and,
        where there is room, its heading too; when even the values do not fit, the names
        and the caseworker give way (shortened with "…", the full text in the detail)."""
        view, header = self.view, self.view.horizontalHeader()
        room = view.viewport().width()
        if not view.isVisible() or room <= 0 or self.model.rowCount() == 0:
            return  # hidden, sizeHintForColumn would measure every row
        least = header.minimumSectionSize()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        values = {c: max(view.sizeHintForColumn(c), least) for c in columns}
        headings = {c: max(header.sectionSizeHint(c), values[c]) for c in columns}
        spare = room - sum(values.values())
        widths = dict(values)
        if spare >= 0:
            lacking = sum(headings[c] - values[c] for c in columns)
            share = min(1.0, spare / lacking) if lacking else 0.0
            for c in columns:
                widths[c] += int((headings[c] - values[c]) * share)
        else:
            give = {c: values[c] - least for c in SHORTENED_FIRST if c in values}
            can_give = sum(give.values())
            if can_give:
                cut = min(-spare, can_give)
                for c, most in give.items():
                    widths[c] -= math.ceil(cut * most / can_give)
        self._fitting = True
        try:
            for c in columns:
                header.resizeSection(c, widths[c])
        finally:
            self._fitting = False

    def restore_header(self, state: QByteArray) -> None:
        """The person's own column widths and order (saved per user): no more fitting."""
        if self.view.horizontalHeader().restoreState(state):
            self._auto_fit = False

    def _section_resized(self, column: int, old: int, new: int) -> None:
        if self._header_pressed and not self._fitting:
            self._auto_fit = False  # a column edge dragged: the person's widths from now on

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self.view.viewport() and kind == QEvent.Type.Resize:
            if self._auto_fit and not self._fitting:
                self.fit_columns()
            return False
        if watched is self.view.horizontalHeader().viewport():
            if kind == QEvent.Type.MouseButtonPress:
                self._header_pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
            return False
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            return self._list_key(event)
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

    def _list_key(self, event: QKeyEvent) -> bool:
        """End, Home and Page keys in the list (True: handled here)."""
        key = event.key()
        if key not in (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            return False
        if not self.view.currentIndex().isValid() and self.model.rowCount() > 0:
            # Nothing current (a new list, or the record is not among the first rows after
            # a sort): Qt would make the first row current and stop there; these keys move
            # from the first row instead.
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            # In a list of whole rows, Home and End go to the first and last record (a
            # table would go to the first and last column, which shows nothing here).
            self.view.keyPressEvent(
                QKeyEvent(
                    QEvent.Type.KeyPress,
                    key,
                    event.modifiers() | Qt.KeyboardModifier.ControlModifier,
                )
            )
            # The list selects several rows with Ctrl (two to merge), where Qt moves the
            # current row only: Home and End select the record they reach, as before.
            current = self.view.currentIndex()
            if current.isValid() and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                select_row(self.view, current.row())
            return True
        return False

    def _activated(self, index) -> None:
        beneficiary = self.model.beneficiary_at(index.row())
        if beneficiary is not None:
            self.activated.emit(beneficiary)

    def _show_totals(self, total: int, visible_total: int) -> None:
        shown = format_count(total)
        if self.model.more:  # a search counted up to its bound (services/search_counts.py)
            text = (
                self.tr("more than %1 of %2")
                .replace("%1", shown)
                .replace("%2", format_count(visible_total))
            )
        elif total == visible_total:
            text = self.tr("%Ln beneficiaries", "", total)
        else:
            text = (
                self.tr("%1 of %2").replace("%1", shown).replace("%2", format_count(visible_total))
            )
        self.count_label.setText(text)


def _filters(query) -> object:
    """What a query selects, leaving out the order it shows it in."""
    return replace(query, sort=None, descending=False, custom_sort=None)
