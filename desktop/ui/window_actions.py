"""The main window's actions, menus, toolbar and status bar (built once, at start).

A part of ``MainWindow`` (``desktop.ui.main_window``): the slots the actions call are
the window's, defined there and in its other parts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QProgressBar, QToolBar, QToolButton

from desktop.resources import resource_path
from desktop.ui.export_dialog import open_export
from desktop.ui.import_dialog import open_import_dialog


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


class WindowBuilding:
    """Mixed into MainWindow (a QMainWindow): makes its actions, menus and status bar."""

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
        self.print_action = self._action(
            self.tr("&Print…"),
            self.print_case,
            shortcut=QKeySequence.StandardKey.Print,  # Ctrl+P
            tip=self.tr("Print the case summary or a referral letter, or save it as PDF"),
        )
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
        self.forms_action = self._action(
            self.tr("&Forms…"),
            self.manage_forms,
            tip=self.tr("The organisation's own fields in the forms"),
        )
        self.settings_action = self._action(
            self.tr("Se&ttings…"), self.open_settings, shortcut=QKeySequence.StandardKey.Preferences
        )
        self.backup_action = self._action(
            self.tr("&Back up now"), self.backup_now, icon_name="backup"
        )
        self.restore_action = self._action(self.tr("&Restore backup…"), self.restore_backup)
        self.export_action = self._action(
            self.tr("E&xport…"),
            lambda: open_export(self),
            shortcut="Ctrl+Shift+E",
            tip=self.tr("The list as filtered, or every record, to CSV or Excel"),
        )
        self.import_action = self._action(
            self.tr("&Import from a file…"),
            lambda: open_import_dialog(self),
            tip=self.tr("Beneficiaries or sessions from a CSV or XLSX file"),
        )
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

        self.tasks_action = self._action(
            self.tr("My &tasks"),
            self.show_tasks,
            shortcut="Ctrl+T",
            tip=self.tr("Follow-ups overdue, due today and this week"),
            icon_name="tasks",
        )
        self.new_task_action = self._action(
            self.tr("New tas&k…"),
            self.new_task,
            shortcut="Ctrl+Shift+T",
            tip=self.tr("A task by hand for the beneficiary shown"),
        )
        self.transfers_action = self._action(
            self.tr("Transfers"),  # no accelerator: every letter is taken in some language
            self.show_transfers,
            shortcut="Ctrl+Shift+R",
            tip=self.tr("Cases proposed to you, and yours waiting for the receiver"),
        )
        self.transfer_case_action = self._action(
            self.tr("Transfer case…"),
            self.transfer_case,
            shortcut="Ctrl+Shift+H",  # hand on
            tip=self.tr("Hand the case shown on to another caseworker"),
        )

        self.refer_action = self._action(
            # No accelerator letter: the Records menu's are taken in every language.
            self.tr("Refer to another organisation…"),
            self.refer,
            tip=self.tr("Send the shareable values, with the person's consent"),
        )
        # The detail's button is short: the pane shares the width with the list.
        self.refer_action.setIconText(self.tr("Refer…"))
        self.incoming_referrals_action = self._action(
            self.tr("Incoming referrals…"),
            self.incoming_referrals,
            tip=self.tr("Referrals other organisations sent to yours: accept or decline"),
        )

    def _make_report_actions(self) -> None:
        # The windows' modules are imported when first opened (start stays as fast).
        def dashboard() -> None:
            from desktop.ui.dashboard import open_dashboard

            open_dashboard(self)

        def audit_log() -> None:
            from desktop.ui.audit_log import open_audit_log

            open_audit_log(self)

        self.dashboard_action = self._action(
            self.tr("&Dashboard…"), dashboard, shortcut="Ctrl+Shift+D"
        )
        self.audit_log_action = self._action(self.tr("&Audit log…"), audit_log)

    def _make_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for action in (self.backup_action, self.restore_action, self.settings_action):
            file_menu.addAction(action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.import_action)
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
            self.tasks_action,
            self.new_task_action,
            self.transfers_action,
        ):
            records.addAction(action)
        records.addSeparator()
        records.addAction(self.refer_action)
        records.addAction(self.incoming_referrals_action)
        records.addSeparator()
        for action in (
            self.close_case_action,
            self.reopen_action,
            self.transfer_case_action,
            self.reassign_action,
            self.delete_action,
        ):
            records.addAction(action)
        records.addSeparator()
        self._make_merge_actions()
        for action in (self.merge_action, self.duplicate_scan_action, self.undo_merge_action):
            records.addAction(action)
        records.addSeparator()
        records.addAction(self.print_action)
        self._make_report_actions()
        reports = menu.addMenu(self.tr("Re&ports"))
        reports.setObjectName("reportsMenu")
        reports.addAction(self.dashboard_action)
        reports.addAction(self.audit_log_action)
        self.sync_menu = menu.addMenu(self.tr("S&ync"))
        self.sync_menu.setObjectName("syncMenu")
        self.sync_menu.addAction(self.sync_panel_action)
        admin = menu.addMenu(self.tr("&Admin"))
        admin.addAction(self.users_action)
        admin.addAction(self.forms_action)
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
            self.tasks_action,
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
            self.transfer_case_action,
            self.reassign_action,
            self.refer_action,
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
        self.tasks_label = QLabel(bar)
        self.tasks_label.setObjectName("overdueTasksLabel")
        self.tasks_label.setAccessibleName(self.tr("Overdue tasks"))
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
        for widget in (self.user_label, self.lock_label, self.tasks_label):
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
