"""UI fixtures: isolated QSettings, a big office (10,000 beneficiaries), dialog capture."""

from __future__ import annotations

import pytest

from desktop.auth.accounts import LocalAccounts
from desktop.domain.enums import Role
from desktop.paths import DataPaths
from desktop.services import Services
from tests.conftest import ADMIN_PASSWORD, PASSWORDS


@pytest.fixture(scope="session", autouse=True)
def app_translations(qapp):
    """The translations the app installs with no language chosen (English plurals on a
    C/English system), so the tests read what a person reads ("1 beneficiary")."""
    from desktop.app import install_translations

    install_translations(qapp)


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def shown_messages(monkeypatch):
    """Messages that show_error would have shown in a modal dialog: [(kind, text)]."""
    from desktop.ui import errors

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "_dialog_hook", lambda kind, text: shown.append((kind, text)))
    return shown


@pytest.fixture(scope="session")
def big_office(tmp_path_factory):
    """10,000 demo beneficiaries over two caseworkers (built once per test run)."""
    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records

    paths = DataPaths.resolve(tmp_path_factory.mktemp("big") / "data")
    accounts = LocalAccounts(paths)
    login = accounts.initialize("admin", ADMIN_PASSWORD, "Ada Admin")
    services = Services.for_session(login, accounts)
    cara = services.users.add("cara", Role.CASEWORKER, PASSWORDS["cara"], "Cara Caseworker")
    colin = services.users.add("colin", Role.CASEWORKER, PASSWORDS["colin"], "Colin Caseworker")
    BulkImporter(login.db, login.actor).import_records(
        demo_records(10_000, 1, seed=7), total=10_000, caseworker_ids=[cara.id, colin.id]
    )
    login.close()
    return accounts


@pytest.fixture
def big_admin(big_office):
    login = big_office.login("admin", ADMIN_PASSWORD, check=False)
    yield Services.for_session(login, big_office)
    login.close()


def pytest_collection_modifyitems(config, items):
    # The offscreen platform warns that it cannot propagate size hints or raise windows.
    for item in items:
        if "desktop/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture
def controller(qtbot, data_paths, settings):
    """The app's controller on an empty data folder; everything it opened is closed after."""
    from desktop.app import install_translations, open_main_window
    from desktop.ui.controller import AppController
    from desktop.ui.worker import wait_for_workers

    app_controller = AppController(
        data_paths, settings, open_window=open_main_window, apply_language=install_translations
    )
    yield app_controller
    wait_for_workers()
    app_controller.shutdown()
    qtbot.wait(1)  # let deleteLater run


def submit_login(qtbot, dialog, username: str, password: str) -> None:
    from PySide6.QtCore import Qt

    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def answer_when_shown(owner, attribute: str, answer) -> list[str]:
    """Once ``owner.<attribute>`` (a question box) is open, records its text and answers it
    with ``answer(box)``, as a person would; returns the texts seen."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def poll() -> None:
        box = getattr(owner, attribute, None)
        if box is None or not box.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        answer(box)

    QTimer.singleShot(0, poll)
    return seen


def changes_applied(qtbot, timeout: int = 20_000):
    """Waits (a context manager) for the one "changes applied" signal that an operation
    started inside the block sends when its work is done and the window has refreshed."""
    from desktop.ui.operations import changes

    return qtbot.waitSignal(changes().applied, timeout=timeout)


def closed(form) -> bool:
    """The form is gone: hidden, or deleted (the window's forms delete themselves)."""
    import shiboken6

    return not shiboken6.isValid(form) or not form.isVisible()


def save_ended(qtbot, form, timeout: int = 10_000) -> None:
    """Waits for a form's save on the worker pool to end: the form closed, or back with
    the messages beside its fields (or an error shown over it)."""
    import shiboken6

    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.saving, timeout=timeout)
