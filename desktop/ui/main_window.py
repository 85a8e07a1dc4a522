"""The window a caseworker lives in: caseload list, detail, forms, lock, status bar.

It is handed its ``Services`` (``desktop.app`` composes them) and never the database.
Its parts: ``window_actions`` (actions, menus, status bar), ``record_actions`` (forms and
the actions on a record), ``window_sync`` (the Sync panel and the background run); here
are the session, the detail, the one refresh after changes, lock and backups.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop.auth.permissions import Permission, can
from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.records import Actor, Beneficiary
from desktop.errors import UserError
from desktop.services import Services
from desktop.services.maintenance import on_same_disk
from desktop.ui import settings as keys
from desktop.ui.caseload import CaseloadPanel
from desktop.ui.detail import BeneficiaryDetail
from desktop.ui.errors import show_error
from desktop.ui.forms import RecordForm
from desktop.ui.integrity_banner import IntegrityBanner, banner_above, check_in_background
from desktop.ui.lock import IdleWatcher, LockScreen
from desktop.ui.memory import release_free_memory
from desktop.ui.merge_actions import MergeActions
from desktop.ui.models.beneficiary_table import BeneficiaryTableModel
from desktop.ui.operations import Applied, Operation, changes
from desktop.ui.record_actions import RecordActions
from desktop.ui.roles import role_label
from desktop.ui.settings import Settings
from desktop.ui.settings_dialog import same_disk_text
from desktop.ui.tasks_panel import TasksPanel
from desktop.ui.transfers_panel import TransferDialog, TransfersPanel
from desktop.ui.window_actions import WindowBuilding, icon
from desktop.ui.window_sync import SyncControls
from desktop.ui.worker import wait_for_workers

log = logging.getLogger(__name__)

DAILY = timedelta(hours=24)


STATUS_REFRESH_MS = 60_000
TASKS_WIDTH = 480  # the Tasks dock: a due date, a name with its case number, a task
# The first window on a 1280×720 screen: its width less a margin, its height less a
# taskbar (Windows' is 40 px).
DEFAULT_SIZE = QSize(1240, 680)


# How the window gets the services again after an unlock (desktop.app provides it):
# the actor and the password in, a new session's services out (raises UserError).
Unlock = Callable[[Actor, str], Services]


class MainWindow(WindowBuilding, RecordActions, MergeActions, SyncControls, QMainWindow):
    switch_user_requested = Signal()
    quit_requested = Signal()  # closed for good (not to switch user)
    locked_changed = Signal(bool)

    def __init__(
        self,
        services: Services,
        settings: Settings,
        *,
        unlock: Unlock,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("caseload"))
        self.settings = settings
        self.paths = services.paths
        self._unlock_services = unlock
        self.sync_panel = None
        self.sync_runner = None  # BackgroundSync, made at the first sync
        self.confirm_box: QMessageBox | None = None
        self._open_before_lock: str | None = None
        self.actor = services.actor
        self.services: Services | None = services
        self.locked = False
        self._forms: list[RecordForm] = []
        self._hidden_forms: list[RecordForm] = []
        self._unlock_operation: Operation | None = None
        self.record_operation: Operation | None = None  # a record action on the worker pool
        self.backup_worker = None  # the backup's Operation while one runs
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
        self.integrity_banner = IntegrityBanner(self)
        self.setCentralWidget(banner_above(self.integrity_banner, self.stack))
        self.tasks_panel = TasksPanel(lambda: self.services, self)
        self.tasks_panel.open_requested.connect(self._reselect)
        self.tasks_dock = QDockWidget(self.tr("Tasks"), self)
        self.tasks_dock.setObjectName("tasksDock")
        self.tasks_dock.setWidget(self.tasks_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tasks_dock)
        self.tasks_dock.hide()
        self.transfers_panel = TransfersPanel(lambda: self.services, self)
        self.transfers_panel.open_requested.connect(self._reselect)
        self.transfers_panel.decided.connect(self._transfer_decided)
        self.transfers_dock = QDockWidget(self.tr("Transfers"), self)
        self.transfers_dock.setObjectName("transfersDock")
        self.transfers_dock.setWidget(self.transfers_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.transfers_dock)
        self.transfers_dock.hide()

        self._make_actions()
        self._make_menus_and_toolbar()
        self._make_status_bar()

        self.caseload.current_changed.connect(self._show_detail)
        self.caseload.activated.connect(lambda b: self.edit_beneficiary())
        self.detail.session_activated.connect(self.edit_session)
        self.detail.household.set_services(lambda: self.services)
        self.detail.household.open_requested.connect(self._reselect)
        self.detail.household.register_requested.connect(self.register_household_member)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.switch_user_requested.connect(self.switch_user)
        changes().applied.connect(self.apply_changes)
        self._listening = True

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
        self.integrity_check = None  # the deferred check's Worker, once started
        QTimer.singleShot(0, self.check_deferred_integrity)

    def check_deferred_integrity(self) -> None:
        """The full check the login left for later (after an unclean exit), in the pool."""
        services = self.services
        if services is not None and services.maintenance.check_pending:
            check = services.maintenance.check
            self.integrity_check = check_in_background(check, self.integrity_banner)

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
        self.incoming_referrals_action.setVisible(can(actor, Permission.REASSIGN_RECORDS))
        self.delete_action.setVisible(can(actor, Permission.DELETE_RECORDS))
        self.delete_session_action.setVisible(can(actor, Permission.DELETE_RECORDS))
        self.users_action.setVisible(can(actor, Permission.MANAGE_USERS))
        self.forms_action.setVisible(can(actor, Permission.MANAGE_FORMS))
        self.admin_menu.menuAction().setVisible(
            can(actor, Permission.MANAGE_USERS) or can(actor, Permission.MANAGE_FORMS)
        )
        self.backup_action.setVisible(can(actor, Permission.BACKUP))
        self.restore_action.setVisible(can(actor, Permission.BACKUP_RESTORE))
        self.detail.set_audit_visible(can(actor, Permission.VIEW_AUDIT))
        self.audit_log_action.setVisible(can(actor, Permission.VIEW_AUDIT))
        self._merge_visibility()
        self.caseload.set_caseworkers(self._caseworkers() if supervisor else None)
        self.model.set_service(self.services.beneficiaries, forms=self.current_forms)
        self.refresh_status()
        self._update_actions()
        self._tell_overdue_tasks()

    def _show_overdue_count(self) -> int:
        """The status bar's count of the user's own overdue tasks (hidden when none)."""
        if self.services is None:
            return 0
        try:
            overdue = self.services.tasks.overdue_count(date.today())
        except UserError:
            return 0
        self.tasks_label.setText(
            self.tr("%n overdue task(s) · My tasks: Ctrl+T", "", overdue) if overdue else ""
        )
        self.tasks_label.setVisible(bool(overdue))
        return overdue

    def _tell_overdue_tasks(self) -> None:
        """At login and unlock: how many of the user's own tasks are overdue (the status
        bar's count, and its message line for a while)."""
        self._show_overdue_count()

    def show_tasks(self) -> None:
        """The Tasks dock, shown and focused (Ctrl+T again when it is focused hides it)."""
        if self.services is None:
            return
        if self.tasks_dock.isVisible() and self.tasks_panel.isAncestorOf(
            QApplication.focusWidget()
        ):
            self.tasks_dock.hide()
            return
        self.tasks_dock.show()
        self.tasks_dock.raise_()
        self.resizeDocks([self.tasks_dock], [TASKS_WIDTH], Qt.Orientation.Horizontal)
        self.tasks_panel.reload()
        self.tasks_panel.mine.setFocus()

    def show_transfers(self) -> None:
        """The Transfers dock, shown and focused (Ctrl+Shift+R again when focused hides it)."""
        if self.services is None:
            return
        if self.transfers_dock.isVisible() and self.transfers_panel.isAncestorOf(
            QApplication.focusWidget()
        ):
            self.transfers_dock.hide()
            return
        self.transfers_dock.show()
        self.transfers_dock.raise_()
        self.resizeDocks([self.transfers_dock], [TASKS_WIDTH], Qt.Orientation.Horizontal)
        self.transfers_panel.reload()
        self.transfers_panel.tree.setFocus()

    def _transfer_decided(self, beneficiary_id: str) -> None:
        """The case shown had its transfer decided: its detail drops the pending line."""
        shown = self.detail.beneficiary
        if shown is not None and shown.id == beneficiary_id:
            self.show_beneficiary(beneficiary_id)

    def transfer_case(self) -> None:
        """Proposes the case shown to another caseworker (whom to, and a note)."""
        beneficiary = self.detail.beneficiary
        if self.services is None or beneficiary is None:
            return
        try:
            receivers = self.services.transfers.receivers(beneficiary.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self.transfer_dialog = TransferDialog(
            self, beneficiary, receivers, self.services.transfers.propose
        )
        self.transfer_dialog.open()

    def new_task(self) -> None:
        """A task by hand for the beneficiary shown (due date and what to do)."""
        beneficiary = self.detail.beneficiary
        if self.services is None or beneficiary is None:
            return
        from desktop.ui.task_dialog import NewTaskDialog

        self.task_dialog = NewTaskDialog(self, beneficiary, self.services.tasks.create)
        self.task_dialog.open()

    def refer(self) -> None:
        """The beneficiary shown, referred to another organisation (sent at the next sync)."""
        beneficiary = self.detail.beneficiary
        if self.services is None or beneficiary is None:
            return
        from desktop.ui.referral_dialog import ReferralDialog

        services = self.services
        try:
            shared = services.referrals.shared_preview(beneficiary.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self.referral_dialog = ReferralDialog(
            self,
            beneficiary,
            shared,
            lambda: services.referrals.organisations(services.sync),
            lambda bid, to, note, consent: services.referrals.send(bid, to, note, consent=consent),
        )
        self.referral_dialog.open()

    def incoming_referrals(self) -> None:
        """Supervisors and admins: the referrals sent to this organisation (online)."""
        if self.services is None or not can(self.actor, Permission.REASSIGN_RECORDS):
            return
        from desktop.ui.referral_dialog import IncomingReferralsDialog

        services = self.services
        self.incoming_dialog = IncomingReferralsDialog(
            self,
            lambda: services.referrals.incoming(services.sync, state="proposed"),
            lambda rid, note: services.referrals.accept(services.sync, rid, note=note),
            lambda rid, note: services.referrals.decline(services.sync, rid, note),
        )
        self.incoming_dialog.open()

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
            tasks = services.tasks.for_beneficiary(beneficiary_id)
            household = services.households.household_of(beneficiary_id)
            referrals = services.referrals.for_beneficiary(beneficiary_id)
            transfer = services.transfers.pending_for(beneficiary_id)
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
        self.detail.set_forms(self.current_forms())
        self.detail.show_beneficiary(
            beneficiary, sessions, history, timeline, tasks, household, referrals
        )
        self.detail.show_transfer(transfer)
        self._update_actions()

    def _update_actions(self) -> None:
        beneficiary = self.detail.beneficiary
        idle = self.record_operation is None  # one record action at a time
        has = beneficiary is not None and not self.locked and idle
        active = has and beneficiary.status is BeneficiaryStatus.ACTIVE
        for action in (self.edit_action, self.reassign_action, self.delete_action):
            action.setEnabled(has)
        self.new_session_action.setEnabled(active)
        self.new_task_action.setEnabled(active)
        self.refer_action.setEnabled(active)
        self.transfer_case_action.setEnabled(active and self.detail.transfer is None)
        self.close_case_action.setEnabled(active)
        self.reopen_action.setEnabled(has and not active)
        self.print_action.setEnabled(has)
        self.new_beneficiary_action.setEnabled(not self.locked)
        self.search_action.setEnabled(not self.locked)
        self._update_merge_actions(idle)

    def refresh(self) -> None:
        """The Refresh action: the same refresh as after any change."""
        changes().applied.emit(Applied())

    def apply_changes(self, applied: Applied) -> None:
        """The one refresh after a change (``changes().applied``): list, detail, status bar."""
        if self.services is None:
            return
        if applied.message:
            self.statusBar().showMessage(applied.message, 4000)
        shown = self.detail.beneficiary
        show_id = applied.show_id or (shown.id if shown is not None else None)
        self.model.reload()
        if show_id is not None and show_id != applied.removed_id:
            self._reselect(show_id)
        elif shown is not None and shown.id == applied.removed_id:
            self.detail.clear()
            self._update_actions()
        self.refresh_status()
        self._show_overdue_count()

    def _reselect(self, beneficiary_id: str) -> None:
        if not self.caseload.select_id(beneficiary_id):
            self.show_beneficiary(beneficiary_id)

    # -- dialogs ---------------------------------------------------------------------------

    def manage_users(self) -> None:
        if self.services is None or not can(self.actor, Permission.MANAGE_USERS):
            return
        from desktop.ui.users_dialog import UsersDialog

        dialog = UsersDialog(self.services.users, self.actor, self)
        dialog.exec()
        if self.services is not None:
            self.caseload.set_caseworkers(self._caseworkers())

    def manage_forms(self) -> None:
        """Admin → Forms: the draft definition, its preview, import/export and publish."""
        if self.services is None or not can(self.actor, Permission.MANAGE_FORMS):
            return
        store = self.services.forms
        from desktop.ui.forms_admin import FormsAdminDialog

        try:
            dialog = FormsAdminDialog(store, parent=self)
        except UserError as exc:
            show_error(self, exc)
            return
        # Published: the list, the detail and the forms opened from now on use it.
        dialog.published_version.connect(
            lambda version: changes().applied.emit(
                Applied(message=self.tr("Form version %1 published.").replace("%1", str(version)))
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.forms_dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        paths = self.paths
        dialog = SettingsDialog(self.settings, paths.backups, self, database=paths.database)
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

        copy_diagnostics(self.services)
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

        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Backing up…"))
        self.progress.show()
        self.statusBar().showMessage(self.tr("Backing up…"))
        self.backup_worker = (
            Operation(self, lambda: maintenance.backup(target))
            .success(lambda path: self._backup_done(path, None, automatic))
            .failure(lambda exc: self._backup_done(None, exc, automatic))
        )
        self.backup_worker.run_in_background()

    def _backup_done(self, path: Path | None, exc: BaseException | None, automatic: bool) -> None:
        self.backup_worker = None
        self.progress.hide()
        if exc is not None:
            self.statusBar().clearMessage()
            show_error(self, exc)
            return
        message = self.tr("Backup written: %1").replace("%1", str(path))
        same_disk = path is not None and on_same_disk(path.parent, self.paths.database)
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
        forms_dialog = getattr(self, "forms_dialog", None)
        if forms_dialog is not None and shiboken6.isValid(forms_dialog):
            forms_dialog.discard()  # its store is the session that closes now
        self.forms_dialog = None
        if self.services is not None:  # a deferred integrity check stops; it runs again
            self.services.maintenance.stop_check()  # at the next login (no clean stamp)
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
        services, self.services = self.services, None
        if services is not None:
            services.close()
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
        if not self.locked or self._unlock_operation is not None:
            return
        self.lock_screen.set_busy(True)
        unlock, actor = self._unlock_services, self.actor
        self._unlock_operation = (
            Operation(self, lambda: unlock(actor, password))
            .success(self._unlocked)
            .failure(self._unlock_failed)
        )
        self._unlock_operation.run_in_background()

    def _unlocked(self, services: Services) -> None:
        self._unlock_operation = None
        self.lock_screen.set_busy(False)
        if not self.locked:  # switched user meanwhile
            services.close()
            return
        self.actor = services.actor
        self.services = services
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
        self._unlock_operation = None
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
        if self._listening:  # the app-wide signal outlives this window
            changes().applied.disconnect(self.apply_changes)
            self._listening = False
        self.idle.stop()
        self._status_timer.stop()
        QApplication.instance().removeEventFilter(self.idle)
        for form in list(self._forms):
            form.discard()
        self._forms.clear()
        self._hidden_forms.clear()
        if self.services is not None:  # a deferred integrity check: not waited for
            self.services.maintenance.stop_check()
        wait_for_workers(30_000)
        self.model.clear()
        self.detail.clear()
        services, self.services = self.services, None
        if services is not None:
            services.close()

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
