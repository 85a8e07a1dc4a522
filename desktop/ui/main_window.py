"""The window a caseworker lives in: caseload list, detail, forms, lock, status bar."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.auth.permissions import Permission, can
from desktop.domain.enums import BeneficiaryStatus, Role
from desktop.domain.records import Beneficiary, CaseSession
from desktop.errors import UserError
from desktop.resources import resource_path
from desktop.services import Services
from desktop.services.maintenance import on_same_disk
from desktop.ui import settings as keys
from desktop.ui.caseload import CaseloadPanel
from desktop.ui.close_dialog import ask_closure
from desktop.ui.dates import format_stored_time
from desktop.ui.detail import BeneficiaryDetail
from desktop.ui.duplicates_dialog import DuplicatesDialog
from desktop.ui.errors import show_error
from desktop.ui.forms import BeneficiaryForm, CaseSessionForm, KeepEditing, RecordForm
from desktop.ui.lock import IdleWatcher, LockScreen
from desktop.ui.memory import release_free_memory
from desktop.ui.models.beneficiary_table import BeneficiaryTableModel
from desktop.ui.settings import Settings
from desktop.ui.settings_dialog import same_disk_text
from desktop.ui.widgets import ask_with_safe_default
from desktop.ui.worker import run_task, wait_for_workers

log = logging.getLogger(__name__)

DAILY = timedelta(hours=24)
STATUS_REFRESH_MS = 60_000
# The first window on a 1280×720 screen: its width less a margin, its height less a
# taskbar (Windows' is 40 px).
DEFAULT_SIZE = QSize(1240, 680)


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def role_label(role: Role) -> str:
    return {
        Role.CASEWORKER: QApplication.translate("MainWindow", "caseworker"),
        Role.SUPERVISOR: QApplication.translate("MainWindow", "supervisor"),
        Role.ADMIN: QApplication.translate("MainWindow", "admin"),
    }[role]


class MainWindow(QMainWindow):
    switch_user_requested = Signal()
    quit_requested = Signal()  # closed for good (not to switch user)
    locked_changed = Signal(bool)

    def __init__(
        self,
        login: LoginSession,
        accounts: LocalAccounts,
        settings: Settings,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("caseload"))
        self.accounts = accounts
        self.settings = settings
        self.login: LoginSession | None = login
        self.sync_panel = None
        self.sync_runner = None  # BackgroundSync, made at the first sync
        self.confirm_box: QMessageBox | None = None
        self._open_before_lock: str | None = None
        self.actor = login.actor
        self.services: Services | None = Services.for_session(login, accounts)
        self.locked = False
        self._forms: list[RecordForm] = []
        self._hidden_forms: list[RecordForm] = []
        self._unlock_worker = None
        self.backup_worker = None
        self._closing_for_switch = False
        self.restore_after_logout = False

        self.model = BeneficiaryTableModel(parent=self)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.caseload = CaseloadPanel(self.model, self)
        self.detail = BeneficiaryDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.caseload)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.lock_screen = LockScreen(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)

        self._make_actions()
        self._make_menus_and_toolbar()
        self._make_status_bar()

        self.caseload.current_changed.connect(self._show_detail)
        self.caseload.activated.connect(lambda b: self.edit_beneficiary())
        self.detail.session_activated.connect(self.edit_session)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.switch_user_requested.connect(self.switch_user)

        self.idle = IdleWatcher(settings.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()

        self._restore_geometry()
        self._bind_session()
        self.idle.start()
        QTimer.singleShot(2_000, self.maybe_daily_backup)

    # -- building ------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot,
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown_tip = tip or text.replace("&", "")
        if shortcut is not None:
            shown_tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(shown_tip)
        action.setStatusTip(shown_tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_beneficiary_action = self._action(
            self.tr("&New beneficiary"),
            self.new_beneficiary,
            shortcut=QKeySequence.StandardKey.New,
            icon_name="person-add",
        )
        self.new_session_action = self._action(
            self.tr("New &session"),
            self.new_session,
            shortcut="Ctrl+Shift+N",
            icon_name="session-add",
        )
        self.edit_action = self._action(
            self.tr("&Edit"), self.edit_beneficiary, shortcut="Ctrl+E", icon_name="edit"
        )
        self.save_action = self._action(
            self.tr("&Save"), self.save_current_form, shortcut=QKeySequence.StandardKey.Save
        )
        self.edit_session_action = self._action(
            self.tr("Edit session…"), self.edit_selected_session
        )
        self.cancel_session_action = self._action(self.tr("Cancel session"), self.cancel_session)
        self.delete_session_action = self._action(self.tr("Delete session…"), self.delete_session)
        self.close_case_action = self._action(
            self.tr("&Close case"), self.close_case, shortcut="Ctrl+K", icon_name="close-case"
        )
        self.reopen_action = self._action(self.tr("&Reopen case"), self.reopen_case)
        self.reassign_action = self._action(
            self.tr("Re&assign…"), self.reassign, icon_name="reassign"
        )
        self.delete_action = self._action(
            self.tr("&Delete…"), self.delete_beneficiary, icon_name="delete"
        )
        self.search_action = self._action(
            self.tr("&Find"),
            self.caseload.focus_search,
            shortcut=QKeySequence.StandardKey.Find,
            icon_name="search",
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, shortcut=QKeySequence.StandardKey.Refresh
        )
        self.lock_action = self._action(
            self.tr("&Lock"), self.lock, shortcut="Ctrl+L", icon_name="lock"
        )
        self.switch_user_action = self._action(self.tr("S&witch user…"), self.switch_user)
        self.users_action = self._action(self.tr("&Users…"), self.manage_users, icon_name="users")
        self.settings_action = self._action(
            self.tr("Se&ttings…"), self.open_settings, shortcut=QKeySequence.StandardKey.Preferences
        )
        self.backup_action = self._action(
            self.tr("&Back up now"), self.backup_now, icon_name="backup"
        )
        self.restore_action = self._action(self.tr("&Restore backup…"), self.restore_backup)
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, shortcut=QKeySequence.StandardKey.Quit
        )
        self.about_action = self._action(self.tr("&About Caseload"), self.about)
        self.change_password_action = self._action(
            self.tr("Chan&ge my password…"), self.change_my_password
        )
        self.manual_action = self._action(
            self.tr("User &manual"),
            self.open_manual,
            shortcut=QKeySequence.StandardKey.HelpContents,  # F1
        )
        self.diagnostics_action = self._action(self.tr("&Copy diagnostics"), self.copy_diagnostics)
        self.sync_panel_action = self._action(
            self.tr("S&ync with server…"),
            self.open_sync_panel,
            shortcut="Ctrl+Shift+Y",
            icon_name="sync",
        )

    def _make_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for action in (self.backup_action, self.restore_action, self.settings_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.change_password_action, self.lock_action, self.switch_user_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        records = menu.addMenu(self.tr("&Records"))
        for action in (
            self.new_beneficiary_action,
            self.new_session_action,
            self.edit_action,
            self.search_action,
            self.refresh_action,
        ):
            records.addAction(action)
        records.addSeparator()
        for action in (
            self.close_case_action,
            self.reopen_action,
            self.reassign_action,
            self.delete_action,
        ):
            records.addAction(action)
        self.sync_menu = menu.addMenu(self.tr("S&ync"))
        self.sync_menu.setObjectName("syncMenu")
        self.sync_menu.addAction(self.sync_panel_action)
        admin = menu.addMenu(self.tr("&Admin"))
        admin.addAction(self.users_action)
        self.admin_menu = admin
        help_menu = menu.addMenu(self.tr("&Help"))
        for action in (self.manual_action, self.diagnostics_action):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.new_beneficiary_action,
            self.new_session_action,
            self.search_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.sync_panel_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        for action in (
            self.edit_action,
            self.new_session_action,
            self.close_case_action,
            self.reopen_action,
            self.reassign_action,
            self.delete_action,
        ):
            self.detail.add_action_button(action)
        self.detail.finish_actions()
        for action in (
            self.edit_session_action,
            self.cancel_session_action,
            self.delete_session_action,
        ):
            self.detail.add_session_action(action)

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(bar)
        self.user_label.setObjectName("userLabel")
        self.user_label.setAccessibleName(self.tr("Logged-in user"))
        self.lock_label = QLabel(bar)
        self.lock_label.setObjectName("lockLabel")
        self.pending_label = QLabel(bar)
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setAccessibleName(self.tr("Changes waiting to sync"))
        self.backup_label = QLabel(bar)
        self.backup_label.setObjectName("backupLabel")
        self.backup_label.setAccessibleName(self.tr("Last backup"))
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("taskProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Background task progress"))
        self.progress.hide()
        self.sync_slot = QLabel(bar)
        self.sync_slot.setObjectName("syncSlot")
        self.sync_slot.setAccessibleName(self.tr("Sync state"))
        # A running sync: a compact bar, its line ("Receiving 1,500 of 120,003"), Cancel.
        self.sync_progress = QProgressBar(bar)
        self.sync_progress.setObjectName("syncProgressBar")
        self.sync_progress.setAccessibleName(self.tr("Sync progress"))
        self.sync_progress.setMaximumWidth(120)
        self.sync_progress.setMaximumHeight(14)
        self.sync_progress.setTextVisible(False)
        self.sync_activity = QLabel(bar)
        self.sync_activity.setObjectName("syncActivity")
        self.sync_activity.setAccessibleName(self.tr("Sync activity"))
        self.sync_cancel_button = QToolButton(bar)
        self.sync_cancel_button.setObjectName("syncCancel")
        self.sync_cancel_button.setText(self.tr("Cancel"))
        self.sync_cancel_button.setAccessibleName(self.tr("Cancel sync"))
        self.sync_cancel_button.setToolTip(self.tr("Stop the sync; nothing is lost"))
        self.sync_cancel_button.clicked.connect(self.cancel_sync)
        self._show_sync_running(False)
        for widget in (self.user_label, self.lock_label):
            bar.addWidget(widget)
        for widget in (
            self.progress,
            self.sync_progress,
            self.sync_activity,
            self.sync_cancel_button,
            self.sync_slot,
            self.pending_label,
            self.backup_label,
        ):
            bar.addPermanentWidget(widget)

    # -- session binding -------------------------------------------------------------------

    def _bind_session(self) -> None:
        """(Re)wires everything to the current login: after start and after unlock."""
        actor = self.actor
        self.setWindowTitle(
            self.tr("Caseload — %1 (%2)")
            .replace("%1", actor.display_name)
            .replace("%2", role_label(actor.role))
        )
        self.user_label.setText(
            self.tr("%1 · %2")
            .replace("%1", actor.display_name)
            .replace("%2", role_label(actor.role))
        )
        self.lock_label.setText(self.tr("Unlocked"))
        supervisor = can(actor, Permission.VIEW_ALL_RECORDS)
        self.reassign_action.setVisible(can(actor, Permission.REASSIGN_RECORDS))
        self.delete_action.setVisible(can(actor, Permission.DELETE_RECORDS))
        self.delete_session_action.setVisible(can(actor, Permission.DELETE_RECORDS))
        self.users_action.setVisible(can(actor, Permission.MANAGE_USERS))
        self.admin_menu.menuAction().setVisible(can(actor, Permission.MANAGE_USERS))
        self.backup_action.setVisible(can(actor, Permission.BACKUP))
        self.restore_action.setVisible(can(actor, Permission.BACKUP_RESTORE))
        self.detail.set_audit_visible(can(actor, Permission.VIEW_AUDIT))
        self.caseload.set_caseworkers(self._caseworkers() if supervisor else None)
        self.model.set_service(self.services.beneficiaries)
        self.refresh_status()
        self._update_actions()

    def _caseworkers(self):
        try:
            return self.services.users.caseworkers()
        except UserError as exc:
            show_error(self, exc)
            return []

    # -- detail ----------------------------------------------------------------------------

    def current_beneficiary(self) -> Beneficiary | None:
        return self.detail.beneficiary

    def _show_detail(self, beneficiary: Beneficiary | None) -> None:
        if beneficiary is None or self.services is None:
            self.detail.clear()
            self._update_actions()
            return
        self.show_beneficiary(beneficiary.id)

    def show_beneficiary(self, beneficiary_id: str) -> None:
        services = self.services
        if services is None:
            return
        try:
            beneficiary = services.beneficiaries.get(beneficiary_id)
            sessions = services.case_sessions.timeline(beneficiary_id)
            timeline = services.audit.timeline(beneficiary_id)  # changes only for VIEW_AUDIT
            history = (
                [entry.change for entry in timeline if entry.change is not None]
                if can(self.actor, Permission.VIEW_AUDIT)
                else None
            )
        except UserError as exc:
            self.detail.clear()
            show_error(self, exc)
            return
        self.detail.show_beneficiary(beneficiary, sessions, history, timeline)
        self._update_actions()

    def _update_actions(self) -> None:
        beneficiary = self.detail.beneficiary
        has = beneficiary is not None and not self.locked
        active = has and beneficiary.status is BeneficiaryStatus.ACTIVE
        for action in (self.edit_action, self.reassign_action, self.delete_action):
            action.setEnabled(has)
        self.new_session_action.setEnabled(active)
        self.close_case_action.setEnabled(active)
        self.reopen_action.setEnabled(has and not active)
        self.new_beneficiary_action.setEnabled(not self.locked)
        self.search_action.setEnabled(not self.locked)

    def refresh(self) -> None:
        if self.services is None:
            return
        selected = self.detail.beneficiary
        self.model.reload()
        if selected is not None:
            self._reselect(selected.id)
        self.refresh_status()

    def _reselect(self, beneficiary_id: str) -> None:
        if not self.caseload.select_id(beneficiary_id):
            self.show_beneficiary(beneficiary_id)

    # -- forms -----------------------------------------------------------------------------

    def _open_form(self, form: RecordForm) -> None:
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.setWindowModality(Qt.WindowModality.WindowModal)
        self._forms.append(form)
        form.finished.connect(
            lambda _result, f=form: self._forms.remove(f) if f in self._forms else None
        )
        form.open()

    def _forget_form(self, form: RecordForm) -> None:
        if form in self._forms:
            self._forms.remove(form)

    def open_forms(self) -> list[RecordForm]:
        return list(self._forms)

    def save_current_form(self) -> None:
        for form in reversed(self._forms):
            if form.isVisible():
                form.submit()
                return

    def new_beneficiary(self) -> None:
        if self.locked or self.services is None:
            return
        caseworkers = None
        if can(self.actor, Permission.REASSIGN_RECORDS):
            caseworkers = self._caseworkers()
        form = BeneficiaryForm(
            caseworkers=caseworkers, default_caseworker_id=self.actor.id, parent=self
        )

        def save(values: dict[str, Any]) -> Beneficiary:
            beneficiaries = self._services().beneficiaries
            matches = beneficiaries.possible_duplicates(values)
            if matches:
                dialog = DuplicatesDialog(matches, parent=form)
                dialog.exec()
                choice, chosen = dialog.choice, dialog.selected()
                dialog.deleteLater()
                if choice == DuplicatesDialog.OPEN and chosen is not None:
                    form.discard()
                    self._reselect(chosen.id)
                    raise KeepEditing()
                if choice != DuplicatesDialog.REGISTER:
                    raise KeepEditing()
            return beneficiaries.create(values, caseworker_id=form.caseworker_id)

        form.set_save(save)
        form.saved.connect(self._beneficiary_saved)
        self._open_form(form)

    def edit_beneficiary(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.locked:
            return
        form = BeneficiaryForm(beneficiary, parent=self)
        form.set_save(
            lambda values: self._services().beneficiaries.update(
                beneficiary.id, values, expected_version=beneficiary.version
            )
        )
        form.saved.connect(self._beneficiary_saved)
        self._open_form(form)

    def _beneficiary_saved(self, beneficiary: Beneficiary) -> None:
        self.statusBar().showMessage(
            self.tr("Saved %1.").replace("%1", beneficiary.case_number), 4000
        )
        self.model.reload()
        self._reselect(beneficiary.id)
        self.refresh_status()

    def new_session(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.locked:
            return
        form = CaseSessionForm(beneficiary, parent=self)
        form.set_save(lambda values: self._services().case_sessions.create(beneficiary.id, values))
        form.saved.connect(self._session_saved)
        self._open_form(form)

    def edit_session(self, case_session: CaseSession) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.locked:
            return
        form = CaseSessionForm(beneficiary, case_session, parent=self)
        form.set_save(
            lambda values: self._services().case_sessions.update(
                case_session.id, values, expected_version=case_session.version
            )
        )
        form.saved.connect(self._session_saved)
        self._open_form(form)

    def edit_selected_session(self) -> None:
        case_session = self.detail.selected_session()
        if case_session is not None:
            self.edit_session(case_session)

    def _session_action(self, operation, message: str) -> None:
        case_session = self.detail.selected_session()
        beneficiary = self.current_beneficiary()
        if case_session is None or beneficiary is None or self.services is None:
            return
        try:
            operation(case_session)
        except Exception as exc:
            show_error(self, exc)
            return
        self.statusBar().showMessage(message, 4000)
        self.model.reload()
        self._reselect(beneficiary.id)
        self.refresh_status()

    def cancel_session(self) -> None:
        self._session_action(
            lambda s: self._services().case_sessions.cancel(s.id), self.tr("Session cancelled.")
        )

    def delete_session(self) -> None:
        if not can(self.actor, Permission.DELETE_RECORDS) or self.detail.selected_session() is None:
            return
        if not self.confirm(
            self.tr("Delete session"),
            self.tr("Delete this session, with its summary and outcome?"),
            self.tr("&Delete session"),
        ):
            return
        self._session_action(
            lambda s: self._services().case_sessions.delete(s.id), self.tr("Session deleted.")
        )

    def _session_saved(self, case_session: CaseSession) -> None:
        self.statusBar().showMessage(self.tr("Session saved."), 4000)
        self.model.reload()
        self._reselect(case_session.beneficiary_id)
        self.refresh_status()

    def _services(self) -> Services:
        if self.services is None:
            raise UserError(self.tr("Caseload is locked; unlock it to save."))
        return self.services

    # -- record actions --------------------------------------------------------------------

    def confirm(self, title: str, text: str, action: str | None = None) -> bool:
        """Asks before an action; ``action`` names the button that does it.

        Cancel is the default and the Escape button, so a reflex Enter never deletes or
        replaces anything; the action happens only when its own button is chosen.
        """
        return ask_with_safe_default(
            self, title, text, action or self.tr("&Continue"), exposed_as="confirm_box"
        )

    def _record_action(self, operation, message: str) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.services is None:
            return
        try:
            result = operation(beneficiary)
        except Exception as exc:
            show_error(self, exc)
            return
        self.statusBar().showMessage(message, 4000)
        self.model.reload()
        if isinstance(result, Beneficiary):
            self._reselect(result.id)
        else:
            self.detail.clear()
            self._update_actions()
        self.refresh_status()

    def close_case(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or not self.close_case_action.isEnabled():
            return
        answer = ask_closure(self, beneficiary)  # why: a reason, and a note for "Other"
        if answer is None:
            return
        self._record_action(
            lambda b: self._services().beneficiaries.close(b.id, *answer), self.tr("Case closed.")
        )

    def reopen_case(self) -> None:
        self._record_action(
            lambda b: self._services().beneficiaries.reopen(b.id), self.tr("Case reopened.")
        )

    def reassign(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or not can(self.actor, Permission.REASSIGN_RECORDS):
            return
        caseworkers = self._caseworkers()
        names = [c.display_name for c in caseworkers]
        current = next(
            (i for i, c in enumerate(caseworkers) if c.id == beneficiary.caseworker_id), 0
        )
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Reassign"),
            self.tr("New caseworker for %1:").replace("%1", beneficiary.full_name),
            names,
            current,
            False,
        )
        if not ok:
            return
        target = caseworkers[names.index(name)]
        self._record_action(
            lambda b: self._services().beneficiaries.reassign(b.id, target.id),
            self.tr("Reassigned to %1.").replace("%1", target.display_name),
        )

    def delete_beneficiary(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or not can(self.actor, Permission.DELETE_RECORDS):
            return
        sessions = self.detail.sessions_model.rowCount()  # the detail shows this beneficiary
        if not self.confirm(
            self.tr("Delete beneficiary"),
            self.tr(
                "Delete %1 (%2)? Their personal data and their sessions (%3), with every "
                "summary and outcome, are removed; the deletion is recorded and synced."
            )
            .replace("%3", str(sessions))
            .replace("%1", beneficiary.full_name)
            .replace("%2", beneficiary.case_number),
            self.tr("&Delete"),
        ):
            return
        self._record_action(
            lambda b: self._services().beneficiaries.delete(b.id), self.tr("Deleted.")
        )

    # -- dialogs ---------------------------------------------------------------------------

    def manage_users(self) -> None:
        if self.services is None or not can(self.actor, Permission.MANAGE_USERS):
            return
        from desktop.ui.users_dialog import UsersDialog

        dialog = UsersDialog(self.services.users, self.actor, self)
        dialog.exec()
        if self.services is not None:
            self.caseload.set_caseworkers(self._caseworkers())

    def open_sync_panel(self) -> None:
        """Shows the one Sync panel; while a sync runs it shows that run (no second one)."""
        if self.services is None:
            return
        from desktop.ui.sync_panel import SyncPanel

        if self.sync_panel is None:
            panel = SyncPanel(self.login, self, runner=self._sync_runner())
            panel.finished.connect(lambda _result: self.refresh_status())
            self.sync_panel = panel
        else:
            self.sync_panel.refresh()
        self.sync_panel.show()
        self.sync_panel.raise_()
        self.sync_panel.activateWindow()

    def _sync_runner(self):
        if self.sync_runner is None:
            from desktop.ui.sync_panel import BackgroundSync

            runner = BackgroundSync(self.login, self)
            runner.started.connect(lambda: self._show_sync_running(True))
            runner.progress.connect(self._sync_progress)
            runner.ended.connect(self._sync_ended)
            self.sync_runner = runner
        return self.sync_runner

    def cancel_sync(self) -> None:
        if self.sync_runner is not None:
            self.sync_runner.cancel()
            self.sync_cancel_button.setEnabled(False)

    def _show_sync_running(self, running: bool) -> None:
        for widget in (self.sync_progress, self.sync_activity, self.sync_cancel_button):
            widget.setVisible(running)
        self.sync_cancel_button.setEnabled(running)
        if running:
            self.sync_progress.setRange(0, 0)  # busy until the first total

    def _sync_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.sync_progress.setRange(0, total)
            self.sync_progress.setValue(min(done, total))
        self.sync_activity.setText(text)

    def _sync_ended(self) -> None:
        """One refresh of list, detail and status bar for the whole run, however it ended."""
        self._show_sync_running(False)
        self.sync_activity.clear()
        self.refresh()

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self.settings, self.accounts.paths.backups, self, database=self.accounts.paths.database
        )
        dialog.backup_requested.connect(self.backup_now)
        if dialog.exec():
            self.idle.set_minutes(self.settings.idle_lock_minutes)

    def about(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Caseload"),
            self.tr("Caseload %1\nOffline-first case management with encrypted storage.").replace(
                "%1", __version__
            ),
        )

    def change_my_password(self) -> None:
        if self.services is None:
            return
        from desktop.ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services.users, self)
        dialog.changed.connect(
            lambda: self.statusBar().showMessage(self.tr("Your password was changed."), 8000)
        )
        self.password_dialog = dialog
        dialog.open()

    def open_manual(self) -> None:
        from desktop.ui.help import ManualDialog

        dialog = ManualDialog(self)
        self.manual_dialog = dialog
        dialog.open()

    def copy_diagnostics(self) -> None:
        if self.services is None:
            return
        from desktop.ui.help import copy_diagnostics

        copy_diagnostics(self.login, self.services, self.accounts.paths)
        self.statusBar().showMessage(
            self.tr("Diagnostics copied to the clipboard (no personal data)."), 8000
        )

    def restore_backup(self) -> None:
        """The database cannot be replaced while open: log out, restore from the login window."""
        if not can(self.actor, Permission.BACKUP_RESTORE):
            return
        if not self.confirm(
            self.tr("Restore backup"),
            self.tr(
                "Restoring replaces every record on this computer with the backup's: "
                "whatever was written after the backup was made is lost (the current "
                "database is kept aside in the backup folder). Caseload logs you out; in "
                "the login window enter your password and choose the backup file."
            ),
            self.tr("&Log out and restore"),
        ):
            return
        self.restore_after_logout = True
        self.switch_user()
        if not self._closing_for_switch:
            self.restore_after_logout = False

    # -- status bar and backups ----------------------------------------------------------------

    def refresh_status(self) -> None:
        if self.services is None:
            return
        from desktop.sync.account import SyncAccount
        from desktop.ui.sync_status import pending_changes_text, sync_state_text

        try:
            sync = SyncAccount(self.login.db, self.actor).overview()
            last = self.services.maintenance.last_backup_at()
        except UserError:
            return

        self.pending_label.setText(pending_changes_text(sync))
        self.backup_label.setText(
            self.tr("Last backup: %1").replace("%1", format_stored_time(last))
            if last
            else self.tr("No backup yet")
        )
        self.sync_slot.setText(sync_state_text(sync))

    def backup_target(self) -> Path | None:
        folder = self.settings.get(keys.BACKUP_FOLDER)
        if not folder:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        return Path(folder) / f"caseload-{stamp}.db"

    def backup_now(self, *, automatic: bool = False) -> None:
        if self.services is None or self.backup_worker is not None:
            return
        if not can(self.actor, Permission.BACKUP):
            return
        target = self.backup_target()
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
        maintenance = self.services.maintenance

        def task(context):
            context.progress(0, 0, "")
            return maintenance.backup(target)

        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Backing up…"))
        self.progress.show()
        self.statusBar().showMessage(self.tr("Backing up…"))
        self.backup_worker = run_task(
            task,
            with_context=True,
            on_finished=lambda path: self._backup_done(path, None, automatic),
            on_failed=lambda exc: self._backup_done(None, exc, automatic),
        )

    def _backup_done(self, path: Path | None, exc: BaseException | None, automatic: bool) -> None:
        self.backup_worker = None
        self.progress.hide()
        if exc is not None:
            self.statusBar().clearMessage()
            show_error(self, exc)
            return
        message = self.tr("Backup written: %1").replace("%1", str(path))
        same_disk = path is not None and on_same_disk(path.parent, self.accounts.paths.database)
        if same_disk:
            message += " " + same_disk_text() + " " + self.tr("(File → Settings…)")
        self.statusBar().showMessage(message, 30_000 if same_disk else 8000)
        self.refresh_status()

    def maybe_daily_backup(self) -> None:
        """Automatic daily backup (settings), when the last one is older than a day."""
        if self.services is None or not self.settings.get(keys.DAILY_BACKUP):
            return
        if not can(self.actor, Permission.BACKUP):
            return
        try:
            last = self.services.maintenance.last_backup_at()
        except UserError:
            return
        if last:
            when = datetime.fromisoformat(last)
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            if datetime.now(UTC) - when < DAILY:
                return
        self.backup_now(automatic=True)

    # -- lock, unlock, switch user -------------------------------------------------------------

    def lock(self) -> None:
        """Hides the content and drops the data key; the same password unlocks."""
        if self.locked:
            return
        panel = getattr(self, "sync_panel", None)
        runner = getattr(self, "sync_runner", None)
        if runner is not None:
            runner.cancel()  # a sync stops at its next step; nothing is lost
        if panel is not None:
            panel.close()
            panel.deleteLater()
            self.sync_panel = None
        wait_for_workers(30_000)  # a backup in flight finishes before the key goes
        if runner is not None:  # it holds the closing session; unlocking makes a new one
            runner.blockSignals(True)
            runner.deleteLater()
            self.sync_runner = None
            self._show_sync_running(False)
        # Only the id stays (not personal data): unlocking opens the same record again.
        self._open_before_lock = self.detail.beneficiary.id if self.detail.beneficiary else None
        self.locked = True
        self.idle.stop()
        for form in list(self._forms):
            if form.isVisible():
                form.hide()
                self._hidden_forms.append(form)
        self.model.clear()
        self.detail.clear()
        self.services = None
        if self.login is not None:
            self.login.close()
            self.login = None
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.toolbar.setEnabled(False)
        self.lock_label.setText(self.tr("Locked"))
        self.pending_label.clear()
        self.lock_screen.prepare(self.actor.display_name, self.actor.username)
        self._update_actions()
        log.info("window locked for user %s", self.actor.id)
        self.locked_changed.emit(True)

    def unlock(self, password: str) -> None:
        if not self.locked or self._unlock_worker is not None:
            return
        self.lock_screen.set_busy(True)
        self._unlock_worker = run_task(
            self.accounts.unlock,
            self.actor,
            password,
            on_finished=self._unlocked,
            on_failed=self._unlock_failed,
        )

    def _unlocked(self, login: LoginSession) -> None:
        self._unlock_worker = None
        self.lock_screen.set_busy(False)
        if not self.locked:  # switched user meanwhile
            login.close()
            return
        self.login = login
        self.actor = login.actor
        self.services = Services.for_session(login, self.accounts)
        self.locked = False
        self.stack.setCurrentWidget(self.splitter)
        self.menuBar().setEnabled(True)
        self.toolbar.setEnabled(True)
        release_free_memory()  # what the unlock's worker thread freed
        self._bind_session()
        if self._open_before_lock is not None:
            self._reselect(self._open_before_lock)
            self._open_before_lock = None
        for form in self._hidden_forms:
            if form in self._forms:
                form.open()
        self._hidden_forms.clear()
        self.idle.start()
        log.info("window unlocked for user %s", self.actor.id)
        self.locked_changed.emit(False)

    def _unlock_failed(self, exc: BaseException) -> None:
        self._unlock_worker = None
        self.lock_screen.set_busy(False)
        if isinstance(exc, UserError):
            self.lock_screen.show_error(str(exc))
        else:
            show_error(self, exc)

    def switch_user(self) -> None:
        """Logs out (unsaved forms are discarded) and goes back to the login dialog."""
        dirty = [f for f in self._forms if f.is_dirty()]
        if (
            dirty
            and not self.locked
            and not self.confirm(
                self.tr("Switch user"),
                self.tr("Discard the unsaved changes in %n open form(s)?", "", len(dirty)),
                self.tr("&Discard and switch"),
            )
        ):
            return
        self._closing_for_switch = True
        self.close()

    def shutdown(self) -> None:
        """Closes forms and the database; idempotent."""
        self.cancel_sync()  # before waiting for the workers: a sync stops at its next step
        self.idle.stop()
        self._status_timer.stop()
        QApplication.instance().removeEventFilter(self.idle)
        for form in list(self._forms):
            form.discard()
        self._forms.clear()
        self._hidden_forms.clear()
        wait_for_workers(30_000)
        self.model.clear()
        self.detail.clear()
        self.services = None
        if self.login is not None:
            self.login.close()
            self.login = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_for_switch and not self.locked:
            dirty = [f for f in self._forms if f.is_dirty()]
            if dirty and not self.confirm(
                self.tr("Quit"),
                self.tr("Discard the unsaved changes in %n open form(s)?", "", len(dirty)),
                self.tr("&Discard and quit"),
            ):
                event.ignore()
                return
        self._save_geometry()
        self.shutdown()
        super().closeEvent(event)
        if self._closing_for_switch:
            self.switch_user_requested.emit()
        else:
            self.quit_requested.emit()

    # -- geometry --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.get(keys.MAIN_GEOMETRY)
        if geometry.isEmpty():
            self.resize(default_size(self.screen().availableGeometry().size()))
        else:
            self.restoreGeometry(geometry)
        state = self.settings.get(keys.MAIN_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(keys.SPLITTER_STATE, self.actor.id)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            # The list takes what the detail does not need (the detail keeps its minimum:
            # its buttons); on a wide screen, about three fifths.
            width = self.width()
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])
        header = self.settings.get(keys.CASELOAD_HEADER, self.actor.id)
        if not header.isEmpty():
            self.caseload.restore_header(header)
        sessions = self.settings.get(keys.SESSIONS_HEADER, self.actor.id)
        if not sessions.isEmpty():
            self.detail.sessions_view.horizontalHeader().restoreState(sessions)

    def _save_geometry(self) -> None:
        self.settings.set(keys.MAIN_GEOMETRY, self.saveGeometry())
        self.settings.set(keys.MAIN_STATE, self.saveState())
        self.settings.set(keys.SPLITTER_STATE, self.splitter.saveState(), self.actor.id)
        user = self.actor.id
        self.settings.set(
            keys.CASELOAD_HEADER, self.caseload.view.horizontalHeader().saveState(), user
        )
        self.settings.set(
            keys.SESSIONS_HEADER, self.detail.sessions_view.horizontalHeader().saveState(), user
        )
        self.settings.sync()


def default_size(screen: QSize) -> QSize:
    """The first window's size on a screen with ``screen`` available (taskbar left out):
    DEFAULT_SIZE, or on a smaller screen what it has less the window's frame and title."""
    return DEFAULT_SIZE.boundedTo(screen - QSize(20, 40)).expandedTo(QSize(800, 500))
