"""Who is on screen: setup wizard or login, then the main window; switch user loops back.

Imported before the first window is shown, so the heavy modules (SQLAlchemy through
the accounts, the services, the main window) are imported lazily: in a worker thread
while the login dialog waits for the password, and for real when it is needed.

``desktop.app`` (the composition root) hands it the two things it cannot make itself:
how a login becomes a main window (``open_window``) and how a language is applied.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desktop.paths import DataPaths
from desktop.ui.login import LoginDialog, SetupWizard
from desktop.ui.memory import release_free_memory
from desktop.ui.settings import LANGUAGE, LAST_USERNAME, Settings
from desktop.ui.worker import run_task

if TYPE_CHECKING:
    from desktop.auth.accounts import LocalAccounts
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _preload() -> None:
    """Imports what the main window needs while the user types the password."""
    import desktop.auth.accounts
    import desktop.services  # noqa: F401


class AppController(QObject):
    window_shown = Signal(object)  # MainWindow
    login_shown = Signal(object)  # LoginDialog or SetupWizard

    def __init__(
        self,
        paths: DataPaths,
        settings: Settings,
        *,
        open_window: Callable[[Any, LocalAccounts, Settings], MainWindow],
        apply_language: Callable[[QApplication, str], str],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self._open_window = open_window
        self._apply_language = apply_language
        self._accounts: LocalAccounts | None = None
        self.window: MainWindow | None = None
        self.dialog: LoginDialog | SetupWizard | None = None

    @property
    def accounts(self) -> LocalAccounts:
        if self._accounts is None:
            from desktop.auth.accounts import LocalAccounts

            self._accounts = LocalAccounts(self.paths)
        return self._accounts

    def start(self) -> None:
        # Key slots without a database: the file went missing; the login offers restore.
        if self.paths.database.exists() or self.paths.keyslots.exists():
            self.show_login()
        else:
            self.show_setup()
        run_task(_preload)

    # -- first start ---------------------------------------------------------------------

    def show_setup(self) -> None:
        wizard = SetupWizard(self._initialize, language=self.settings.get(LANGUAGE))
        wizard.language_chosen.connect(self._choose_language)
        wizard.created.connect(self._logged_in)
        wizard.rejected.connect(self._gave_up)
        self.dialog = wizard
        wizard.show()
        self.login_shown.emit(wizard)

    def _choose_language(self, code: str) -> None:
        """The wizard's language chooser: saved, applied, and the wizard shown in it."""
        self.settings.set(LANGUAGE, code)
        self.settings.sync()
        self._apply_language(QApplication.instance(), code)
        old = self.dialog
        if old is not None:
            old.rejected.disconnect(self._gave_up)
            old.close()
            old.deleteLater()
        self.show_setup()

    def _initialize(self, username: str, password: str, display_name: str) -> Any:
        return self.accounts.initialize(username, password, display_name)

    # -- login ---------------------------------------------------------------------------

    def show_login(self, *, offer_restore: bool = False) -> None:
        username = self.settings.get(LAST_USERNAME) or ""
        dialog = LoginDialog(
            self._authenticate,
            username=username,
            restore=self._restore,
            backups_dir=self.paths.backups,
        )
        if offer_restore:
            dialog.offer_restore()
        dialog.logged_in.connect(self._logged_in)
        dialog.rejected.connect(self._gave_up)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        self.login_shown.emit(dialog)

    def _authenticate(self, username: str, password: str) -> Any:
        """Runs in the worker: Argon2id, unwrap the key, open and check the database.

        After a failure the remaining wait is attached as ``retry_after`` so that the
        dialog can count it down.
        """
        from desktop.domain.validation import username_key
        from desktop.errors import AuthenticationFailed, LoginThrottled

        accounts = self.accounts
        try:
            # After an unclean exit the full check runs once the list is shown
            # (MainWindow, ui/integrity_banner.py), not before it.
            return accounts.login(username, password, defer_check=True)
        except AuthenticationFailed as exc:
            try:
                accounts.throttle.check(username_key(username))
            except LoginThrottled as throttled:
                exc.retry_after = throttled.retry_after
            raise

    def _restore(self, username: str, password: str, backup: Any) -> Any:
        """Runs in the worker: verifies the backup and replaces the database with it."""
        from desktop.services.maintenance import restore_backup

        return restore_backup(self.accounts, username, password, backup)

    def _logged_in(self, login: Any) -> None:
        self.dialog = None
        self.settings.set(LAST_USERNAME, login.actor.username)
        # The login ran in a worker thread, whose malloc arena keeps what it freed.
        release_free_memory()
        window = self._open_window(login, self.accounts, self.settings)
        window.switch_user_requested.connect(self._switch_user)
        window.quit_requested.connect(QApplication.instance().quit)
        self.window = window
        window.show()
        self.window_shown.emit(window)

    def _switch_user(self) -> None:
        window = self.window
        self.window = None
        offer_restore = False
        if window is not None:
            offer_restore = window.restore_after_logout
            window.deleteLater()
        self.show_login(offer_restore=offer_restore)

    def _gave_up(self) -> None:
        self.dialog = None
        if self.window is None:
            QApplication.instance().quit()

    def shutdown(self) -> None:
        """Closes whatever is open (tests, and the app's aboutToQuit)."""
        if self.window is not None:
            window, self.window = self.window, None
            window.switch_user_requested.disconnect(self._switch_user)
            window.quit_requested.disconnect()
            window._closing_for_switch = True
            window.close()
            window.deleteLater()
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.blockSignals(True)
            dialog.done(0)
            dialog.deleteLater()
