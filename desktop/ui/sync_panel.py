"""The Sync panel: server account, last sync, pending changes, refused records, conflicts.

"Sync now" starts the window's one background sync (``BackgroundSync``, on the worker
pool): its progress (records sent / received of a real total) and Cancel are shown here
and in the main window's status bar, and the panel may be closed while it runs.
Signing in, signing out and resolving run as ``Operation``s too: an unreachable server
never holds the window, and a pending sign-in can be cancelled.
Conflicts are resolved field by field (keep mine / keep theirs / edit) by a supervisor.
The records a conflict holds back are listed for everyone, with who may decide them:
a caseworker sees which of their records wait and cannot resolve them.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.permissions import Permission, can
from desktop.errors import UserError
from desktop.services import Services
from desktop.services.sync_account import SIGN_IN_TIMEOUT, SyncAccount
from desktop.sync.client import ServerUnreachable, SyncCancelled
from desktop.sync.conflicts import Choice
from desktop.sync.engine import SyncReport
from desktop.ui.caseload import format_count
from desktop.ui.dates import format_stored_time
from desktop.ui.errors import show_error
from desktop.ui.fields import change_label, change_value
from desktop.ui.operations import Applied, Operation
from desktop.ui.sync_status import pending_count_text
from desktop.ui.user_links import UserLinksPage
from desktop.ui.widgets import add_labelled_row
from desktop.ui.worker import Worker

log = logging.getLogger(__name__)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


class BackgroundSync(QObject):
    """A window's one sync at a time, on the worker pool; whoever shows it listens.

    The window stays usable meanwhile: what is edited during a run goes to the outbox
    like any edit, and the run (or the next one) sends it.
    """

    started = Signal()
    progress = Signal(int, int, str)  # done, total (0: not known yet), the line to show
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # the exception; SyncCancelled after a cancel
    ended = Signal()  # after finished or failed

    def __init__(self, account: SyncAccount, parent: QObject | None = None):
        super().__init__(parent)
        self.account = account
        # Passed to SyncAccount.sync and .link for the HTTP client (retry policy, transport).
        self.client_options: dict[str, Any] = {}
        self.operation: Operation | None = None
        self.last_progress: tuple[int, int, str] = (0, 0, "")

    @property
    def worker(self) -> Worker | None:
        return self.operation.worker if self.operation is not None else None

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self, *, full: bool = False) -> Worker | None:
        """Starts a sync; None (nothing started) while one runs."""
        if self.worker is not None:
            return None
        account, options = self.account, dict(self.client_options)

        def task(context):
            return account.sync(
                full=full,
                progress=context.progress,
                is_cancelled=lambda: context.cancelled,
                **options,
            )

        self.last_progress = (0, 0, self.tr("Starting…"))
        # However the run ends, what it applied is shown (list, detail, status bar).
        self.operation = (
            Operation(self, task, with_context=True)
            .applies(Applied(), even_on_failure=True)
            .success(self._finished)
            .failure(self._failed)
            .progress(self._progress)
        )
        worker = self.operation.run_in_background()
        self.started.emit()
        self.progress.emit(*self.last_progress)
        return worker

    def cancel(self) -> None:
        """The run stops at its next step; what was applied stays, nothing is lost."""
        if self.worker is None or self.worker.is_cancelled:
            return
        self.worker.cancel()
        done, total, _text = self.last_progress
        self.last_progress = (done, total, self.tr("Cancelling…"))
        self.progress.emit(*self.last_progress)

    def _progress(self, done: int, total: int, kind: str) -> None:
        if self.worker is None or self.worker.is_cancelled:
            return
        line = self.tr("Sending %1 of %2") if kind == "sending" else self.tr("Receiving %1 of %2")
        text = line.replace("%1", format_count(done)).replace("%2", format_count(total))
        self.last_progress = (done, total, text)
        self.progress.emit(*self.last_progress)

    def _finished(self, report: SyncReport) -> None:
        self.operation = None
        self.finished.emit(report)
        self.ended.emit()

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        self.failed.emit(exc)
        self.ended.emit()


class SyncPanel(QDialog):
    """Opened from the main window (Ctrl+Shift+Y); ``synced`` is emitted after each run.

    Not modal: the window stays usable while a sync runs. Without a ``runner`` of the
    window's, the panel has its own, and closing the panel cancels it.
    """

    synced = Signal(object)
    sign_in_ended = Signal()  # signed in, refused, failed or cancelled: the panel shows which

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        runner: BackgroundSync | None = None,
    ):
        super().__init__(parent)
        self.setModal(False)
        self.account = services.sync
        self.conflicts = services.conflicts
        self.may_resolve = can(services.actor, Permission.RESOLVE_CONFLICTS)
        self._own_runner = runner is None
        self.runner = runner or BackgroundSync(services.sync, self)
        self.sign_in_operation: Operation | None = None
        self.account_operation: Operation | None = None  # signing out, resolving
        self.last_report: SyncReport | None = None
        self.setWindowTitle(self.tr("Sync with the central server"))
        self.setObjectName("syncPanel")
        self.resize(760, 520)
        layout = QVBoxLayout(self)

        account_box = QGroupBox(self.tr("Server account"))
        form = QFormLayout(account_box)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://caseload.example.org")
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.username_edit = QLineEdit()
        self.username_edit.setAccessibleName(self.tr("Server username"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Server password"))
        self.password_edit.setPlaceholderText(self.tr("asked once; only a token is kept"))
        form.addRow(self.tr("&Server:"), self.server_edit)
        # An organisation's own certificate authority, kept per server on this laptop.
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("caFile")
        self.ca_edit.setAccessibleName(self.tr("Certificate authority file"))
        self.ca_edit.setPlaceholderText(self.tr("none: the usual trusted authorities"))
        ca_browse = QPushButton(self.tr("B&rowse…"))
        ca_browse.setAccessibleName(self.tr("Browse for a certificate authority file"))
        ca_browse.clicked.connect(self._browse_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(ca_browse)
        add_labelled_row(form, self.tr("Certificate &authority:"), ca_row, self.ca_edit)
        form.addRow(self.tr("&Username:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        account_buttons = QHBoxLayout()
        self.sign_in_button = QPushButton(self.tr("Sign &in"))
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.cancel_sign_in_button = QPushButton(self.tr("Cancel sign-in"))
        self.cancel_sign_in_button.setObjectName("cancelSignIn")
        self.cancel_sign_in_button.hide()  # shown while a sign-in waits for the server
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.cancel_sign_in_button.clicked.connect(self.cancel_sign_in)
        account_buttons.addWidget(self.sign_in_button)
        account_buttons.addWidget(self.sign_out_button)
        account_buttons.addWidget(self.cancel_sign_in_button)
        account_buttons.addStretch(1)
        form.addRow(account_buttons)
        self.account_state = QLabel()
        self.account_state.setObjectName("accountState")
        self.account_state.setWordWrap(True)
        form.addRow(self.account_state)
        layout.addWidget(account_box)

        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.problems_table = self._table(
            [self.tr("Record"), self.tr("Reason the server gave")], "problemsTable"
        )
        self.conflicts_table = self._table(
            [self.tr("Record"), self.tr("Field"), self.tr("Here"), self.tr("On the server")],
            "conflictsTable",
        )
        conflicts_page = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_page)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts_table)
        resolve_row = QHBoxLayout()
        self.keep_mine_button = QPushButton(self.tr("Keep &mine"))
        self.keep_theirs_button = QPushButton(self.tr("Keep &theirs"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        for button, choice in (
            (self.keep_mine_button, Choice.MINE),
            (self.keep_theirs_button, Choice.THEIRS),
            (self.edit_button, Choice.EDIT),
        ):
            button.clicked.connect(lambda _checked=False, c=choice: self.resolve_selected(c))
            button.setEnabled(False)
            resolve_row.addWidget(button)
        resolve_row.addStretch(1)
        conflicts_layout.addLayout(resolve_row)
        self.conflicts_table.itemSelectionChanged.connect(self._update_resolve_buttons)
        self.waiting_table = self._table(
            [self.tr("Case number"), self.tr("What waits"), self.tr("Who can decide")],
            "waitingTable",
        )
        self.tabs.addTab(self.problems_table, self.tr("Refused records"))
        self.tabs.addTab(conflicts_page, self.tr("Conflicts"))
        self.tabs.addTab(self.waiting_table, self.tr("Waiting for a decision"))
        # Who owns records on the server is a supervisor's decision.
        self.user_links: UserLinksPage | None = None
        if can(services.actor, Permission.REASSIGN_RECORDS):
            self.user_links = UserLinksPage(self.account, self)
            self.tabs.addTab(self.user_links, self.tr("Caseworkers on the server"))
        layout.addWidget(self.tabs, 1)

        run_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.sync_button = QPushButton(self.tr("Sync &now"))
        self.sync_button.setObjectName("syncNow")
        # The label's Alt+N and Ctrl+Return as dialog shortcuts, on even while the button is
        # disabled, so that neither types into the focused field (a button's own shortcut is
        # off while it is disabled, and setShortcut() would replace the label's Alt+N).
        mnemonic = self.sync_button.shortcut()
        self.sync_button.setShortcut(QKeySequence())
        for keys in (mnemonic, QKeySequence("Ctrl+Return")):
            if not keys.isEmpty():
                QShortcut(keys, self, activated=self.sync_button.animateClick)
        self.sync_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel sync"))
        self.cancel_button.setEnabled(False)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel_sync)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.sync_button)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.runner.started.connect(self._started)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.refresh()
        self.ca_edit.setText(self.account.ca_file() or "")
        if self.runner.running:  # opened while a sync runs: the same progress
            self._started()
            self._progress(*self.runner.last_progress)

    @property
    def worker(self) -> Worker | None:
        return self.runner.worker

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        return table

    # -- state ---------------------------------------------------------------------------

    def refresh(self) -> None:
        overview = self.account.overview()
        if overview.server_url and not self.server_edit.text():
            self.server_edit.setText(overview.server_url)
        if overview.server_username and not self.username_edit.text():
            self.username_edit.setText(overview.server_username)
        if overview.signed_in:
            self.account_state.setText(
                self.tr("Signed in to %1 as %2.")
                .replace("%1", overview.server_url or "")
                .replace("%2", overview.server_username or "")
            )
        else:
            self.account_state.setText(self.tr("Not signed in to a server."))
        self.sign_out_button.setEnabled(overview.signed_in)
        self.sync_button.setEnabled(overview.signed_in and self.worker is None)
        lines = [
            self.tr("Changes waiting to be sent: %1").replace("%1", pending_count_text(overview)),
            self.tr("Last sync: %1").replace(
                "%1",
                format_stored_time(overview.last_sync_at, self.tr("never"))
                + (f" ({overview.last_summary})" if overview.last_summary else ""),
            ),
        ]
        if self.last_report is not None:
            lines += [f"⚠ {warning}" for warning in self.last_report.warnings]
        self.summary.setText("\n".join(lines))
        self._fill_problems()
        self._fill_conflicts()
        if self.user_links is not None:
            self.user_links.refresh()  # a sync links users by username
        self.tabs.setTabText(
            0, self.tr("Refused records (%1)").replace("%1", str(self.problems_table.rowCount()))
        )
        self.tabs.setTabText(
            1, self.tr("Conflicts (%1)").replace("%1", str(self.conflicts_table.rowCount()))
        )
        self._fill_waiting()
        self.tabs.setTabText(
            2,
            self.tr("Waiting for a decision (%1)").replace(
                "%1", str(self.waiting_table.rowCount())
            ),
        )
        if self.conflicts_table.rowCount() and not self.problems_table.rowCount():
            self.tabs.setCurrentIndex(1)
        elif self.waiting_table.rowCount() and not self.problems_table.rowCount():
            self.tabs.setCurrentIndex(2)

    def _fill_problems(self) -> None:
        problems = self.account.problems()
        self.problems_table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            self.problems_table.setItem(row, 0, QTableWidgetItem(problem.label))
            self.problems_table.setItem(row, 1, QTableWidgetItem(problem.reason))

    def _fill_conflicts(self) -> None:
        items = self.conflicts.open_conflicts() if self.may_resolve else []
        self.conflicts_table.setRowCount(len(items))
        for row, conflict in enumerate(items):
            cells = (
                conflict.record_label,
                change_label(conflict.entity, conflict.field),
                change_value(conflict.entity, conflict.field, conflict.local_value),
                change_value(conflict.entity, conflict.field, conflict.server_value),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, conflict)
                item.setToolTip(text)
                self.conflicts_table.setItem(row, column, item)
        self._update_resolve_buttons()

    def _fill_waiting(self) -> None:
        waiting = self.account.waiting_records()
        names = ", ".join(self.account.deciders())
        who = (
            self.tr("a supervisor (%1)").replace("%1", names) if names else self.tr("a supervisor")
        )
        if self.may_resolve:
            who = self.tr("you, in the Conflicts tab")
        self.waiting_table.setRowCount(len(waiting))
        for row, record in enumerate(waiting):
            cells = (record.case_number, record.reason, who)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.waiting_table.setItem(row, column, item)

    def _selected_conflict(self):
        items = self.conflicts_table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _update_resolve_buttons(self) -> None:
        selected = self._selected_conflict() is not None
        for button in (self.keep_mine_button, self.keep_theirs_button, self.edit_button):
            button.setEnabled(selected and self.may_resolve)

    # -- actions -------------------------------------------------------------------------

    def _browse_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate authority file"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def _keep_ca_file(self, server_url: str | None) -> None:
        """The typed CA file is kept for the server before it is used (refused if unusable)."""
        self.account.set_ca_file(server_url, self.ca_edit.text().strip() or None)

    def sign_in(self) -> None:
        """Signs in on the worker pool: the window stays usable while the server is asked,
        and Cancel sign-in (or the timeout) ends the wait."""
        if self.sign_in_operation is not None:
            return
        account = self.account
        server, ca_file = self.server_edit.text(), self.ca_edit.text().strip() or None
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        self.password_edit.clear()  # the password is not kept, not even in the field
        options = dict(self.runner.client_options)

        def op(context) -> str | None:
            # The typed CA file is kept for the server before it is used (refused if unusable).
            account.set_ca_file(server, ca_file)
            return account.link(
                server, username, password, is_cancelled=lambda: context.cancelled, **options
            )

        self.sign_in_operation = (
            Operation(self, op, with_context=True)
            .success(self._signed_in)
            .failure(self._sign_in_failed)
        )
        self.sign_in_operation.run_in_background()
        self._show_signing_in(True)
        self.account_state.setText(
            self.tr("Signing in to %1…").replace("%1", server.strip() or "?")
        )

    def _show_signing_in(self, pending: bool) -> None:
        self.sign_in_button.setEnabled(not pending)
        self.cancel_sign_in_button.setVisible(pending)
        self.cancel_sign_in_button.setEnabled(pending)
        if pending:
            self.sign_out_button.setEnabled(False)

    def cancel_sign_in(self) -> None:
        """Stops waiting for the server; nothing is kept even if it answers later."""
        operation, self.sign_in_operation = self.sign_in_operation, None
        if operation is None:
            return
        operation.cancel()
        self._show_signing_in(False)
        self.refresh()
        self.account_state.setText(self.tr("Sign-in cancelled; nothing was kept."))
        self.sign_in_ended.emit()

    def _signed_in(self, warning: str | None) -> None:
        if self.sign_in_operation is None:  # cancelled meanwhile (and so not kept)
            return
        self.sign_in_operation = None
        self._show_signing_in(False)
        self.refresh()
        self.sign_in_ended.emit()
        if warning:
            QMessageBox.warning(self, self.tr("Unencrypted connection"), warning)

    def _sign_in_failed(self, exc: BaseException) -> None:
        if self.sign_in_operation is None:  # cancelled: the user was told then
            return
        self.sign_in_operation = None
        self._show_signing_in(False)
        self.refresh()
        if isinstance(exc, ServerUnreachable):
            waited = math.ceil(self.runner.client_options.get("timeout", SIGN_IN_TIMEOUT))
            self.account_state.setText(self.tr("Not signed in: the server did not answer."))
            exc = UserError(
                self.tr(
                    "The server did not answer the sign-in (waited %1 s). Check the server "
                    "address and the network connection, then sign in again."
                ).replace("%1", str(waited))
            )
        self.sign_in_ended.emit()
        show_error(self, exc)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the account fields signs in, rather than pressing the default button.
        account_fields = (self.server_edit, self.ca_edit, self.username_edit, self.password_edit)
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.focusWidget() in account_fields
        ):
            event.accept()
            self.sign_in()
            return
        super().keyPressEvent(event)

    def sign_out(self) -> None:
        self._account_operation(self.account.unlink)

    def _account_operation(self, op, *, changes_records: bool = False) -> Operation | None:
        """Signing out or resolving: on the worker pool, the panel refreshed after it."""
        if self.account_operation is not None:
            return None
        operation = Operation(self, op)
        if changes_records:  # the window shows the records a resolution changed
            operation.applies(Applied())
        self.account_operation = operation.success(
            lambda _result: self._account_operation_done()
        ).failure(self._account_operation_failed)
        self.account_operation.run_in_background()
        return self.account_operation

    def _account_operation_done(self) -> None:
        self.account_operation = None
        self.refresh()

    def _account_operation_failed(self, exc: BaseException) -> None:
        self._account_operation_done()
        show_error(self, exc)

    def sync_now(self, *, full: bool = False) -> Worker | None:
        if self.runner.running:
            return None
        try:
            self._keep_ca_file(None)
        except Exception as exc:
            show_error(self, exc)
            return None
        return self.runner.start(full=full)

    def cancel_sync(self) -> None:
        self.runner.cancel()

    def _started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)

    def _progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.progress.setFormat(text)
        self.cancel_button.setEnabled(self.runner.running and not self.runner.worker.is_cancelled)

    def _end_run(self) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        self.refresh()

    def _finished(self, report: SyncReport) -> None:
        self.last_report = report
        self._end_run()
        self.synced.emit(report)
        if report.digest_ok is False and self.isVisible():
            answer = QMessageBox.question(
                self,
                self.tr("Records differ from the server"),
                self.tr(
                    "After this sync the records here do not match the server's. "
                    "Run a full resync now? Changes not yet sent are kept."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.sync_now(full=True)

    def _failed(self, exc: BaseException) -> None:
        self._end_run()
        if isinstance(exc, SyncCancelled):
            self.summary.setText(
                self.summary.text() + "\n" + self.tr("Sync cancelled; nothing was lost.")
            )
            return
        show_error(self, exc)

    def resolve_selected(self, choice: Choice) -> None:
        conflict = self._selected_conflict()
        if conflict is None:
            return
        value = None
        if choice == Choice.EDIT:
            value, accepted = QInputDialog.getMultiLineText(
                self,
                self.tr("Edit value"),
                change_label(conflict.entity, conflict.field),
                _shown(conflict.local_value) if conflict.local_value is not None else "",
            )
            if not accepted:
                return
        conflicts = self.conflicts
        self._account_operation(
            lambda: conflicts.resolve(conflict.id, choice, value), changes_records=True
        )

    def done(self, result: int) -> None:
        self.cancel_sign_in()
        if self._own_runner:  # nobody else shows this panel's sync
            self.cancel_sync()
        super().done(result)
