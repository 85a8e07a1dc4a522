"""The beneficiary detail: fields, sessions, the case timeline, follow-ups and history.

The timeline and history (old → new values) show changes only to readers of the audit
trail (supervisor+); every date and time is in the person's locale and time zone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import schema
from desktop.domain.enums import BeneficiaryStatus, Entity, SyncStatus, TaskState
from desktop.domain.forms import EMPTY as NO_CUSTOM_FIELDS
from desktop.domain.forms import FormDefinition, FormSet, check_values, stored_flags
from desktop.domain.households import Household
from desktop.domain.records import AuditEvent, Beneficiary, CaseSession
from desktop.domain.schema import Column, Field, Format
from desktop.domain.tasks import Due, TaskView
from desktop.domain.transfers import TransferView
from desktop.services.audit import TimelineEntry
from desktop.services.referrals import ReferralView
from desktop.ui.custom_fields import MARK, flag_text, grouped, pick_label
from desktop.ui.dates import EMPTY, format_date, format_local_date
from desktop.ui.fields import choice_text, custom_value_text, field_text, translated, value_text
from desktop.ui.help import ui_language
from desktop.ui.household_panel import HouseholdPanel
from desktop.ui.models.audit_table import AuditTableModel
from desktop.ui.models.case_session_table import (
    COL_DURATION,
    COL_LOCATION,
    COL_SUMMARY,
    CaseSessionTableModel,
)
from desktop.ui.models.timeline import TimelineModel
from desktop.ui.referral_dialog import referral_state_text

# The record's rows and the tabs below them never shrink past these (px), and until the
# person drags the line between them the rows take at most this share of the height.
MIN_RECORD_HEIGHT = 120
MIN_TABS_HEIGHT = 150
RECORD_SHARE = 0.6


def _date(value: date | None) -> str:
    return format_date(value, EMPTY)


ACTIONS_PER_ROW = 4  # the detail's action buttons per row


class BeneficiaryDetail(QWidget):
    session_activated = Signal(object)  # CaseSession double-clicked: edit it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("beneficiaryDetail")
        self.setAccessibleName(self.tr("Beneficiary detail"))
        self.beneficiary: Beneficiary | None = None
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.empty = QLabel(
            self.tr("Select a beneficiary in the list, or press Ctrl+N to register one."), self
        )
        self.empty.setObjectName("emptyDetail")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 12, 8)
        head = QHBoxLayout()
        self.title = QLabel(page)
        self.title.setObjectName("detailTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title, 1)
        self.status_chip = QLabel(page)
        self.status_chip.setObjectName("statusChip")
        head.addWidget(self.status_chip)
        layout.addLayout(head)
        # A record from the server that breaks a rule of this laptop: kept, and named here.
        self.invalid = QLabel(page)
        self.invalid.setObjectName("detailInvalidFields")
        self.invalid.setWordWrap(True)
        self.invalid.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.invalid)
        # Required fields the form has asked for since the record was written (accepted
        # as it was, issue 12 point 6): named, so the caseworker can complete them.
        self.incomplete = QLabel(page)
        self.incomplete.setObjectName("detailIncompleteFields")
        self.incomplete.setWordWrap(True)
        self.incomplete.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.incomplete)
        # A merge made this record (Records → Undo merge puts the other one back).
        self.merge_notice = QLabel(page)
        self.merge_notice.setObjectName("detailMergeNotice")
        self.merge_notice.setWordWrap(True)
        self.merge_notice.hide()
        layout.addWidget(self.merge_notice)
        # A pending transfer of the case (desktop/services/transfers.py): to whom, and why.
        self.transfer: TransferView | None = None
        self.transfer_line = QLabel(page)
        self.transfer_line.setObjectName("detailTransfer")
        self.transfer_line.setWordWrap(True)
        self.transfer_line.setStyleSheet("color: #0b5394;")
        self.transfer_line.hide()
        layout.addWidget(self.transfer_line)
        # The record's actions in rows of ACTIONS_PER_ROW: eight in one row made the
        # detail wider than a 1280-pixel screen leaves it beside the list's columns.
        self.actions_rows = QVBoxLayout()
        self.actions_rows.setSpacing(2)
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(4)
        self.actions_rows.addLayout(self.actions_row)
        layout.addLayout(self.actions_rows)
        self._actions_in_row = 0

        self.fields = QFormLayout()
        self.fields.setHorizontalSpacing(16)
        self.fields.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        columns = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(4)
            columns.addLayout(form, 1)
        # The declared rows (detail=True) in declared order, in the column the form has
        # them in (the person on the left), then the case's own rows on the right.
        self.shown_fields: list[Field] = [f for f in schema.BENEFICIARY if f.detail]
        rows = [
            (f.name, translated(f.label), left if f.form_column is Column.LEFT else right)
            for f in self.shown_fields
        ]
        rows += [
            ("next_follow_up_on", self.tr("Next follow-up"), right),
            ("sync_status", self.tr("Sync"), right),
        ]
        self._row_forms: dict[str, QFormLayout] = {}
        for name, label, form in rows:
            value = QLabel(page)
            value.setObjectName(f"detail_{name}")
            value.setAccessibleName(label)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label + ":", value)
            self.values[name] = value
            self._row_forms[name] = form
        # The record's rows scroll on their own, above the tabs: with the organisation's
        # fields a record has 30 rows, and a detail as tall as them grew the window past
        # the screen and squeezed the sessions to two lines.
        self.record = QWidget()
        self.record.setObjectName("detailRecord")
        record_layout = QVBoxLayout(self.record)
        record_layout.setContentsMargins(0, 0, 4, 0)
        record_layout.addLayout(columns)
        self.notes = QLabel(page)
        self.notes.setObjectName("detail_notes")
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(field_text(Entity.BENEFICIARY, "notes"))
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        record_layout.addWidget(self.notes)
        # The organisation's own fields, after the built-in ones, by section: rebuilt for
        # each record (the definition may have changed with a sync).
        self.forms: FormSet = NO_CUSTOM_FIELDS
        self.custom_box = QWidget(page)
        self.custom_box.setObjectName("detailCustom")
        self.custom_layout = QVBoxLayout(self.custom_box)
        self.custom_layout.setContentsMargins(0, 0, 0, 0)
        self.custom_layout.setSpacing(2)
        self.custom_values: dict[str, QLabel] = {}  # key → its value's label
        self._custom_shape: tuple | None = None  # what the rows were built for
        record_layout.addWidget(self.custom_box)
        record_layout.addStretch(1)
        self.record_scroll = QScrollArea(page)
        self.record_scroll.setObjectName("detailRecordScroll")
        self.record_scroll.setWidgetResizable(True)
        self.record_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.record_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record_scroll.setWidget(self.record)
        self.record_scroll.setMinimumHeight(MIN_RECORD_HEIGHT)
        # Side by side only when both columns fit: a narrow panel cut off the right one
        # (the address, the sync state) behind the scroll area's edge.
        self._columns, self._column_forms = columns, (left, right)
        self.record_scroll.viewport().installEventFilter(self)

        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("detailTabs")
        self.sessions_model = CaseSessionTableModel(parent=self)
        self.sessions_view = QTableView(page)
        self.sessions_view.setObjectName("sessionsView")
        self.sessions_view.setAccessibleName(self.tr("Sessions timeline"))
        self.sessions_view.setModel(self.sessions_model)
        _table_defaults(self.sessions_view)
        self.sessions_view.setSortingEnabled(False)
        self.sessions_view.horizontalHeader().setSectionResizeMode(
            COL_SUMMARY, QHeaderView.ResizeMode.Stretch
        )
        # Room for the summary in a narrow pane: duration and location are in the form.
        self.sessions_view.setColumnHidden(COL_DURATION, True)
        self.sessions_view.setColumnHidden(COL_LOCATION, True)
        self.sessions_view.doubleClicked.connect(self._session_double_clicked)
        self.sessions_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tabs.addTab(self.sessions_view, self.tr("Sessions"))
        self.timeline_model = TimelineModel(parent=self)
        self.timeline_view = QListView(page)
        self.timeline_view.setObjectName("timelineView")
        self.timeline_view.setAccessibleName(self.tr("Case timeline"))
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.setSpacing(1)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline_view.activated.connect(self._timeline_activated)
        self._timeline_tab = self.tabs.addTab(self.timeline_view, self.tr("Timeline"))
        self.follow_ups = QListWidget(page)
        self.follow_ups.setObjectName("followUps")
        self.follow_ups.setAccessibleName(self.tr("Follow-ups"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.household = HouseholdPanel(page)
        self._household_tab = self.tabs.addTab(self.household, self.tr("Household"))
        # Referrals to other organisations, with their answer (services/referrals.py).
        self.referrals = QListWidget(page)
        self.referrals.setObjectName("detailReferrals")
        self.referrals.setAccessibleName(self.tr("Referrals"))
        self._referrals_tab = self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.audit_model = AuditTableModel(parent=self)
        self.audit_view = QTableView(page)
        self.audit_view.setObjectName("auditView")
        self.audit_view.setAccessibleName(self.tr("History"))
        self.audit_view.setModel(self.audit_model)
        _table_defaults(self.audit_view)
        self.audit_view.horizontalHeader().setStretchLastSection(True)
        # A change lists one "Field: old → new" line per field: rows as tall as that.
        self.audit_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self._audit_tab = self.tabs.addTab(self.audit_view, self.tr("History"))
        self.tabs.setMinimumHeight(MIN_TABS_HEIGHT)
        # The person may drag the line between the record and its sessions; until they
        # do, each record gets the rows it needs up to RECORD_SHARE of the height.
        self.splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.record_scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(self._split_moved)
        layout.addWidget(self.splitter, 1)
        self.stack.addWidget(page)
        self.page = page

    def sync_label(self, status: SyncStatus) -> str:
        return {
            SyncStatus.SYNCED: self.tr("synced"),
            SyncStatus.PENDING: self.tr("waiting to sync"),
            SyncStatus.UPLOADING: self.tr("uploading"),
            SyncStatus.ERROR: self.tr("sync error"),
            SyncStatus.CONFLICT: self.tr("conflict: a supervisor must resolve it"),
        }[status]

    def set_forms(self, forms: FormSet) -> None:
        """The organisation's form definition the custom rows are read with."""
        self.forms = forms

    def _show_custom(self, beneficiary: Beneficiary) -> None:
        """A row per custom field (and per stored value the definition no longer accepts,
        marked, with why in its tooltip), in section order. The rows are built once per
        shape (definition, language, which rows) and only their texts change from one
        record to the next: building 20 selectable labels took half of opening a record."""
        definition = self.forms.beneficiary
        default = self.forms.default_language
        language = ui_language()
        stored = dict(beneficiary.custom)
        flags = stored_flags(definition, stored)
        structure = grouped(definition, flags)
        shape = (
            id(definition),
            language,
            tuple((s.key if s else None, tuple(key for _, key in rows)) for s, rows in structure),
        )
        if shape != self._custom_shape:
            self._build_custom(structure, language, default)
            self._custom_shape = shape
        items = {key: item for _section, rows in structure for item, key in rows}
        for key, shown in self.custom_values.items():
            item = items[key]
            value = stored.get(key)
            empty = value in (None, "", [])
            text = EMPTY if empty else custom_value_text(item, value, language, default)
            flag = flags.get(key)
            shown.setText(f"{text} {MARK}" if flag else text)
            why = flag_text(flag) if flag else ""
            shown.setToolTip(why)
            shown.setAccessibleDescription(why)
            if shown.property("flagged") != bool(flag):
                shown.setProperty("flagged", bool(flag))
                shown.setStyleSheet("color: #8a4b00;" if flag else "")
        self.custom_box.setVisible(bool(self.custom_values))

    def _build_custom(self, structure, language: str, default: str) -> None:
        self._clear_custom()
        for section, rows in structure:
            if section is not None:
                heading = QLabel(pick_label(section.labels, language, default) or section.key)
                heading.setObjectName(f"detailSection_{section.key}")
                heading.setStyleSheet("font-weight: bold; color: #1f3f6e; padding-top: 4px;")
                self.custom_layout.addWidget(heading)
            form = QFormLayout()
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(4)
            for item, key in rows:
                label = item.label(language, default) if item is not None else key
                shown = QLabel()
                shown.setObjectName(f"detail_custom_{key}")
                shown.setAccessibleName(label)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(label + ":", shown)
                self.custom_values[key] = shown
            self.custom_layout.addLayout(form)

    def _incomplete(self, definition: FormDefinition, stored: Mapping[str, Any]) -> list[str]:
        """The labels of the required fields ``stored`` lacks (written before they were)."""
        missing = check_values(definition, stored, stored=stored, require=False)[2]
        language, default = ui_language(), self.forms.default_language
        return [definition.field(key).label(language, default) for key in missing]

    def _clear_custom(self) -> None:
        self.custom_values = {}
        self._custom_shape = None
        while self.custom_layout.count():
            entry = self.custom_layout.takeAt(0)
            _delete_layout_item(entry)

    def add_session_action(self, action: QAction) -> None:
        """Right-click menu of the sessions timeline."""
        self.sessions_view.addAction(action)

    def add_action_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self.page)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(action.text().replace("&", ""))
        if self._actions_in_row == ACTIONS_PER_ROW:
            self.actions_row.addStretch(1)
            self.actions_row = QHBoxLayout()
            self.actions_row.setSpacing(4)
            self.actions_rows.addLayout(self.actions_row)
            self._actions_in_row = 0
        self.actions_row.addWidget(button)
        self._actions_in_row += 1
        return button

    def finish_actions(self) -> None:
        self.actions_row.addStretch(1)

    def show_merge_notice(self, text: str) -> None:
        self.merge_notice.setText(text)
        self.merge_notice.setVisible(bool(text))

    def set_audit_visible(self, visible: bool) -> None:
        self.tabs.setTabVisible(self._audit_tab, visible)

    def _list_follow_ups(self, tasks: Sequence[TaskView], sessions: dict) -> None:
        """The Follow-ups tab: the tasks, as the list's filter and "Next follow-up" read
        them (the earliest open one is the next follow-up)."""
        self.follow_ups.clear()
        today = date.today()
        for task in tasks:
            if task.state is TaskState.DONE:
                state = self.tr("done")
            elif task.state is TaskState.DISMISSED:
                state = self.tr("dismissed")
            else:
                state = {
                    Due.OVERDUE: self.tr("overdue"),
                    Due.TODAY: self.tr("due today"),
                }.get(task.due(today), self.tr("upcoming"))
            asked_in = sessions.get(task.case_session_id)
            if asked_in is not None and not task.title:
                text = self.tr("%1 (%2), asked for in the session of %3").replace(
                    "%3", format_local_date(asked_in.starts_at)
                )
            else:
                text = self.tr("%1 (%2): %3").replace(
                    "%3", task.title or self.tr("Session's follow-up")
                )
            self.follow_ups.addItem(
                text.replace("%1", format_date(task.due_on)).replace("%2", state)
            )

    def show_beneficiary(
        self,
        beneficiary: Beneficiary,
        sessions: list[CaseSession],
        history: list[AuditEvent] | None,
        timeline: Sequence[TimelineEntry] = (),
        tasks: Sequence[TaskView] = (),
        household: Household | None = None,
        referrals: Sequence[ReferralView] = (),
    ) -> None:
        """``tasks``: the beneficiary's follow-up tasks (the Follow-ups tab lists them);
        ``household``: their household (the Household tab lists its members);
        ``referrals``: its referrals to other organisations and their state."""
        self.beneficiary = beneficiary
        self.title.setText(f"{beneficiary.full_name}")
        closed = beneficiary.status is BeneficiaryStatus.CLOSED
        self.status_chip.setText(choice_text(beneficiary.status))
        self.status_chip.setProperty("closed", closed)
        self.status_chip.style().unpolish(self.status_chip)
        self.status_chip.style().polish(self.status_chip)
        shown = {f.name: declared_text(beneficiary, f) for f in self.shown_fields}
        shown["next_follow_up_on"] = _date(beneficiary.next_follow_up_on)
        shown["sync_status"] = self.sync_label(beneficiary.sync_status) + (
            f" ({beneficiary.sync_error})" if beneficiary.sync_error else ""
        )
        for name, text in shown.items():
            self.values[name].setText(text)
        # Why the case was closed: shown while it is closed (a case closed before reasons
        # were asked has none: "–"); reopening clears them, the history keeps them.
        for name in ("closure_reason", "closure_note"):
            shows = closed and (name == "closure_reason" or bool(beneficiary.closure_note))
            self._row_forms[name].setRowVisible(self.values[name], shows)
        self.notes.setText(beneficiary.notes)
        self.notes.setVisible(bool(beneficiary.notes))
        self._show_custom(beneficiary)
        flagged = [field_text(Entity.BENEFICIARY, name) for name in beneficiary.invalid_fields] + [
            format_local_date(s.starts_at) + ": " + field_text(Entity.CASE_SESSION, name)
            for s in sessions
            for name in s.invalid_fields
        ]
        self.invalid.setText(
            self.tr(
                "From the server, outside this laptop's rules (correct when you can): %1"
            ).replace("%1", ", ".join(flagged))
        )
        self.invalid.setVisible(bool(flagged))
        missing = self._incomplete(self.forms.beneficiary, beneficiary.custom) + [
            format_local_date(s.starts_at) + ": " + name
            for s in sessions
            for name in self._incomplete(self.forms.session, s.custom)
        ]
        self.incomplete.setText(
            self.tr("Incomplete: the form now also asks for %1").replace("%1", ", ".join(missing))
        )
        self.incomplete.setVisible(bool(missing))
        self.sessions_model.set_sessions(
            sessions,
            self.forms.session.where(column=True),
            (ui_language(), self.forms.default_language),
        )
        self._summary_last()
        self.sessions_view.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("Sessions (%n)", "", len(sessions)))
        self._list_follow_ups(tasks, {s.id: s for s in sessions})
        if self.follow_ups.count() == 0:
            self.follow_ups.addItem(self.tr("No follow-ups asked for."))
        household = household or Household(None)
        self.household.set_household(beneficiary, household)
        count = len(household.members) + household.hidden
        self.tabs.setTabText(
            self._household_tab,
            self.tr("Household (%n)", "", count) if count else self.tr("Household"),
        )
        self.referrals.clear()
        for referral in referrals:
            self.referrals.addItem(referral_state_text(referral))
        self.tabs.setTabText(self._referrals_tab, self.tr("Referrals (%n)", "", len(referrals)))
        if not referrals:
            self.referrals.addItem(self.tr("Not referred to another organisation."))
        self.timeline_model.set_entries(timeline)
        if history is not None:
            self.audit_model.set_events(history)
            self.audit_view.resizeColumnsToContents()
        else:
            self.audit_model.clear()
        self.stack.setCurrentIndex(1)
        self._fit_columns()
        self._fit_split()

    def _summary_last(self) -> None:
        """The summary (stretched to the pane's edge) stays the last column shown, after
        the organisation's session columns."""
        header = self.sessions_view.horizontalHeader()
        header.moveSection(header.visualIndex(COL_SUMMARY), header.count() - 1)

    def _split_moved(self, _position: int, _index: int) -> None:
        self._split_by_hand = True

    def _fit_split(self) -> None:
        """The record's rows as tall as they need, up to RECORD_SHARE of the room."""
        if self._split_by_hand:
            return
        room = self.splitter.height()
        if room <= 0:
            return
        wanted = self.record.sizeHint().height() + 2
        rows = max(MIN_RECORD_HEIGHT, min(wanted, int(room * RECORD_SHARE)))
        self.splitter.setSizes([rows, max(MIN_TABS_HEIGHT, room - rows)])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.beneficiary is not None:
            self._fit_split()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.record_scroll.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The person's rows beside the case's when both fit the panel, else above them.

        They fit when every value's longest word does: values wrap at spaces, and a word
        wider than its column was cut off at the scroll area's edge.
        """
        margins = self.record.layout().contentsMargins()
        needed = sum(_column_width(form) for form in self._column_forms)
        needed += self._columns.spacing() + margins.left() + margins.right()
        fits = needed <= self.record_scroll.viewport().width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
            if self.beneficiary is not None:
                self._fit_split()

    def show_transfer(self, transfer: TransferView | None) -> None:
        """The case's pending transfer, if any: from whom to whom, and the note."""
        self.transfer = transfer
        if transfer is not None:
            self.transfer_line.setText(
                self.tr("Transfer pending from %1 to %2 (since %3): %4")
                .replace("%1", transfer.from_name)
                .replace("%2", transfer.to_name)
                .replace("%3", _date(transfer.proposed_at.date()))
                .replace("%4", transfer.note)
            )
        self.transfer_line.setVisible(transfer is not None)

    def clear(self) -> None:
        """On lock or when nothing is selected: no personal data left in widgets."""
        self.beneficiary = None
        self.invalid.clear()
        self.incomplete.clear()
        self.show_merge_notice("")
        self.show_transfer(None)
        self.transfer_line.clear()
        self.sessions_model.clear()
        self.timeline_model.clear()
        self.audit_model.clear()
        self.follow_ups.clear()
        self.household.clear()
        self.title.clear()
        self.notes.clear()
        self._clear_custom()
        for label in self.values.values():
            label.clear()
        self.stack.setCurrentIndex(0)

    def selected_session(self) -> CaseSession | None:
        index = self.sessions_view.currentIndex()
        return self.sessions_model.session_at(index.row()) if index.isValid() else None

    def _timeline_activated(self, index) -> None:
        """Enter or a double-click on a session of the timeline opens it, as in Sessions."""
        entry = self.timeline_model.entry_at(index.row())
        if entry is not None and entry.session is not None:
            self.session_activated.emit(entry.session)

    def _session_double_clicked(self, index) -> None:
        case_session = self.sessions_model.session_at(index.row())
        if case_session is not None:
            self.session_activated.emit(case_session)


def declared_text(beneficiary: Beneficiary, declared: Field) -> str:
    """A declared field's row: its value as written for its kind, with the few rows that
    read more than the one value (the detail and the printed case summary)."""
    value = getattr(beneficiary, declared.name)
    if declared.name == "caseworker_id":
        return beneficiary.caseworker_name or EMPTY
    if declared.name == "consent_given":
        if not value:
            return QCoreApplication.translate("BeneficiaryDetail", "not given")
        return QCoreApplication.translate("BeneficiaryDetail", "given %s") % _date(
            beneficiary.consent_date
        )
    if declared.format is Format.LANGUAGE:
        return language_name(value)
    return value_text(declared, value)


def _delete_layout_item(entry) -> None:
    """A widget or a nested layout taken out of a layout, and everything in it, deleted."""
    if entry.widget() is not None:
        entry.widget().deleteLater()
    elif entry.layout() is not None:
        nested = entry.layout()
        while nested.count():
            _delete_layout_item(nested.takeAt(0))
        nested.deleteLater()


def _table_defaults(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)


_LEFT_TO_RIGHT_MARK = "\u200e"


def _turns_around(text: str) -> bool:
    """Whether a right-to-left ``text`` leading a line would turn a left-to-right window's
    whole line around ("(ar) العربية" at the far edge of the row, not "العربية (ar)")."""
    from PySide6.QtGui import QGuiApplication

    return unicodedata.bidirectional(text[:1]) in ("R", "AL") and not (
        QGuiApplication.isRightToLeft()
    )


def language_name(text: str | None) -> str:
    """A language code as the language's own name ("sw" → "Kiswahili (sw)"); other text as typed."""
    if not text:
        return "–"
    code = text.strip()
    if 2 <= len(code) <= 3 and code.isascii() and code.isalpha():
        from PySide6.QtCore import QLocale

        locale = QLocale(code.lower())
        language = locale.language()
        if language == QLocale.Language.English:
            return f"English ({code})"  # not the default territory's "American English"
        if language != QLocale.Language.C and locale.nativeLanguageName():
            native = locale.nativeLanguageName()
            return f"{_LEFT_TO_RIGHT_MARK if _turns_around(native) else ''}{native} ({code})"
    return text


def _column_width(form: QFormLayout) -> int:
    """The width a column of label: value rows needs to show each value's longest word."""
    labels = values = 0
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and label.widget() is not None:
            labels = max(labels, label.widget().sizeHint().width())
        shown = value.widget() if value is not None else None
        if isinstance(shown, QLabel) and shown.text():
            metrics = shown.fontMetrics()
            words = max(metrics.horizontalAdvance(word) for word in shown.text().split() or [""])
            values = max(values, words + 2 * shown.margin())
    return labels + form.horizontalSpacing() + values
