"""First start and login: the setup wizard (first admin) and the login dialog.

Kept light on purpose: this module is imported before the login window is shown, so
it must not pull in SQLAlchemy, the services or the main window. The Argon2id key
derivation (and opening the database) runs in the worker, never in the GUI thread.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.problems import Problem
from desktop.errors import UserError, ValidationError
from desktop.ui.errors import show_error
from desktop.ui.messages import field_label, plain_label, rendered
from desktop.ui.operations import Operation
from desktop.ui.widgets import FieldError, add_labelled_row, mark_invalid

log = logging.getLogger(__name__)

Authenticate = Callable[[str, str], Any]  # (username, password) -> LoginSession
Restore = Callable[[str, str, Path], Any]  # (username, password, backup file) -> kept file


def brand_header(parent: QWidget, subtitle: str) -> QWidget:
    from desktop.resources import resource_path

    header = QWidget(parent)
    header.setObjectName("brandHeader")
    layout = QHBoxLayout(header)
    layout.setContentsMargins(0, 0, 0, 8)
    logo = QLabel(header)
    logo.setPixmap(QIcon(str(resource_path("icons", "caseload.svg"))).pixmap(48, 48))
    logo.setAccessibleName(QCoreApplication.translate("BrandHeader", "Caseload logo"))
    layout.addWidget(logo)
    text = QVBoxLayout()
    title = QLabel(QCoreApplication.translate("BrandHeader", "Caseload"), header)
    title.setObjectName("brandTitle")
    text.addWidget(title)
    sub = QLabel(subtitle, header)
    sub.setObjectName("brandSubtitle")
    sub.setWordWrap(True)
    text.addWidget(sub)
    layout.addLayout(text, 1)
    return header


class _BusyMixin:
    """A thin indeterminate progress bar while the worker derives the key."""

    busy_bar: QProgressBar

    def _make_busy_bar(self, parent: QWidget) -> QProgressBar:
        bar = QProgressBar(parent)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setMaximumHeight(6)
        bar.setAccessibleName(QCoreApplication.translate("BusyBar", "Working"))
        bar.hide()
        return bar


class LoginDialog(QDialog, _BusyMixin):
    """Username and password; a clear error; after failures the delay counts down."""

    logged_in = Signal(object)  # LoginSession

    def __init__(
        self,
        authenticate: Authenticate,
        *,
        username: str = "",
        restore: Restore | None = None,
        backups_dir: Path | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._authenticate = authenticate
        self._restore = restore
        self._backups_dir = backups_dir
        self._worker = None
        self._wait_until_tick = 0
        self.session = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Caseload: log in"))
        self.setWindowIcon(_app_icon())
        self.setMinimumWidth(400)

        layout = QVBoxLayout(self)
        layout.addWidget(brand_header(self, self.tr("Log in to open the encrypted case records.")))
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("Username"))
        form.addRow(self.tr("&Username"), self.username)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)

        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Login error"))
        self.error.hide()
        layout.addWidget(self.error)
        self.busy_bar = self._make_busy_bar(self)
        layout.addWidget(self.busy_bar)

        self.buttons = QDialogButtonBox(self)
        self.login_button = self.buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setObjectName("loginButton")
        self.login_button.setAccessibleName(self.tr("Log in"))
        self.login_button.setDefault(True)
        quit_button = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setAccessibleName(self.tr("Quit"))
        # Shown when the database is damaged, or when File → Restore backup sent us here.
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore backup…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setAccessibleName(self.tr("Restore backup"))
        self.restore_button.clicked.connect(self.restore_backup)
        self.restore_button.hide()
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._countdown = QTimer(self)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline = 0.0
        self._countdown.timeout.connect(self._tick)
        self._seconds_left = 0
        (self.password if username else self.username).setFocus()

    # -- flow ------------------------------------------------------------------------------

    def attempt(self) -> None:
        if self._worker is not None or self._seconds_left > 0:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self._show_error(self.tr("Enter your username and password."))
            return
        self._set_busy(True)
        authenticate = self._authenticate
        self._worker = (
            Operation(self, lambda: authenticate(username, password))
            .success(self._succeeded)
            .failure(self._failed)
            .run_in_background()
        )

    def _succeeded(self, session: Any) -> None:
        self._worker = None
        self._set_busy(False)
        self.password.clear()
        self.session = session
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._worker = None
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        if not isinstance(exc, UserError):
            show_error(self, exc)
            return
        from desktop.errors import DatabaseCorrupt

        if isinstance(exc, DatabaseCorrupt):
            # Say what is wrong with the file and what to do here, not on the command line.
            self.offer_restore()
            text = self.tr("%1. It was not opened, and nothing was changed.").replace(
                "%1", exc.problem
            )
            if self._restore is not None:
                text += " " + self.tr(
                    "Enter your username and password, then choose “Restore backup…” "
                    "to replace it with a backup."
                )
            self._show_error(text)
            return
        wait = getattr(exc, "retry_after", 0.0) or 0.0
        if wait > 0:
            self._start_countdown(wait, str(exc).split(".")[0] + ".")
        else:
            self._show_error(str(exc))

    # -- restore -------------------------------------------------------------------------

    def offer_restore(self) -> None:
        if self._restore is not None:
            self.restore_button.show()

    def choose_backup_file(self) -> Path | None:
        """The backup to restore (tests replace this to answer without a file dialog)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Caseload backup"),
            str(self._backups_dir or ""),
            self.tr("Caseload backups (*.db);;All files (*)"),
        )
        return Path(chosen) if chosen else None

    def restore_backup(self) -> None:
        if self._restore is None or self._worker is not None:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self._show_error(
                self.tr("Enter your username and password first: they prove who restores.")
            )
            return
        backup = self.choose_backup_file()
        if backup is None:
            return
        self._set_busy(True)
        restore = self._restore
        self._worker = (
            Operation(self, lambda: restore(username, password, backup))
            .success(self._restored)
            .failure(self._failed)
            .run_in_background()
        )

    def _restored(self, kept: Any) -> None:
        self._worker = None
        self._set_busy(False)
        self.restore_button.hide()
        self._show_error(
            self.tr("The backup was restored (the replaced file is kept in %1). Log in.").replace(
                "%1", str(Path(kept).parent) if kept else ""
            )
        )
        self.attempt()

    def _start_countdown(self, seconds: float, reason: str) -> None:
        # A deadline, not a count of ticks: timers may fire a little early or late.
        self._deadline = time.monotonic() + seconds
        self._seconds_left = max(1, math.ceil(seconds))
        self._countdown_reason = reason
        self.login_button.setEnabled(False)
        self._render_countdown()
        self._countdown.start(min(1000, max(50, int((seconds % 1 or 1) * 1000))))

    def _tick(self) -> None:
        remaining = self._deadline - time.monotonic()
        self._seconds_left = max(0, math.ceil(remaining))
        self._countdown.start(min(1000, max(50, int((remaining % 1 or 1) * 1000) + 20)))
        if remaining <= 0:
            self._countdown.stop()
            self._seconds_left = 0
            self.login_button.setEnabled(True)
            self._show_error(self._countdown_reason + " " + self.tr("You can try again now."))
            return
        self._render_countdown()

    def _render_countdown(self) -> None:
        self._show_error(
            self._countdown_reason
            + " "
            + self.tr("Wait %n second(s) before trying again.", "", self._seconds_left)
        )

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for widget in (self.username, self.password, self.login_button, self.restore_button):
            widget.setEnabled(not busy)
        if busy:
            self._show_error("")

    @property
    def seconds_left(self) -> int:
        return self._seconds_left

    def reject(self) -> None:
        if self._worker is not None:
            return  # a derivation is running; its session must not leak
        super().reject()


class SetupWizard(QDialog, _BusyMixin):
    """First start: creates the encrypted database and its first admin (as ``caseload init``)."""

    created = Signal(object)  # LoginSession of the new admin
    # A language picked in the wizard: the controller applies it and shows the wizard again.
    language_chosen = Signal(str)

    def __init__(
        self,
        initialize: Callable[[str, str, str], Any],
        parent: QWidget | None = None,
        *,
        language: str = "",
    ):
        super().__init__(parent)
        self._initialize = initialize
        self._worker = None
        self.session = None
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Caseload: first start"))
        self.setWindowIcon(_app_icon())
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            brand_header(
                self,
                self.tr(
                    "Welcome. Caseload keeps case records encrypted on this computer. "
                    "Create the first administrator account; it can add the other users."
                ),
            )
        )
        form = QFormLayout()
        from desktop.ui.settings_dialog import language_combo

        self.language = language_combo(self, language)
        add_labelled_row(form, self.tr("Lan&guage"), self.language, self.language)
        self.language.activated.connect(
            lambda _index: self.language_chosen.emit(self.language.currentData())
        )
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, FieldError] = {}

        def add(name: str, label: str, *, secret: bool = False) -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setAccessibleName(plain_label(label))
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            error = FieldError(name, self)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            add_labelled_row(form, label, box, edit)
            self.fields[name] = edit
            self.errors[name] = error
            return edit

        add("username", self.tr("Admin &username"))
        add("display_name", self.tr("&Display name"))
        add("password", self.tr("&Password"), secret=True)
        add("password_repeat", self.tr("&Repeat password"), secret=True)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Use a long passphrase (at least 8 characters). There is no way to recover "
                "the records if every password is lost."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.busy_bar = self._make_busy_bar(self)
        layout.addWidget(self.busy_bar)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("Create database"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createButton")
        self.create_button.setAccessibleName(self.tr("Create database"))
        self.create_button.setDefault(True)
        quit_button = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setAccessibleName(self.tr("Quit"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_errors(self, errors: Mapping[str, str | Problem]) -> None:
        labels = {n: field_label(edit.accessibleName()) for n, edit in self.fields.items()}
        errors = rendered(errors, labels)
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.show_message(message)
            mark_invalid(self.fields[name], bool(message))
        for name in errors:
            if name in self.fields:
                self.fields[name].setFocus()
                break

    def attempt(self) -> None:
        if self._worker is not None:
            return
        values = {name: edit.text() for name, edit in self.fields.items()}
        if values["password"] != values["password_repeat"]:
            self.show_errors({"password_repeat": self.tr("The two passwords differ.")})
            return
        self.show_errors({})
        self._set_busy(True)
        initialize = self._initialize
        self._worker = (
            Operation(
                self,
                lambda: initialize(values["username"], values["password"], values["display_name"]),
            )
            .success(self._succeeded)
            .failure(self._failed)
            .run_in_background()
        )

    def _succeeded(self, session: Any) -> None:
        self._worker = None
        self._set_busy(False)
        self.session = session
        self.created.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._worker = None
        self._set_busy(False)
        if isinstance(exc, ValidationError) and set(exc.errors) <= set(self.fields):
            self.show_errors(exc.problems)
        else:
            show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.create_button.setEnabled(not busy)
        for edit in self.fields.values():
            edit.setEnabled(not busy)

    def reject(self) -> None:
        if self._worker is not None:
            return
        super().reject()


def _app_icon() -> QIcon:
    from desktop.resources import resource_path

    return QIcon(QPixmap(str(resource_path("icons", "caseload.svg"))))
