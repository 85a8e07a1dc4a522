"""Roles, throttling, auto-lock, forms, users admin, settings and backups in the real widgets."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QtMsgType
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.enums import BeneficiaryStatus, Role
from desktop.ui import settings as keys
from desktop.ui.errors import CrashDialog, _qt_message_handler, show_error
from desktop.ui.login import LoginDialog
from desktop.ui.models.beneficiary_table import BeneficiaryRole
from tests.conftest import ADMIN_PASSWORD, PASSWORDS
from tests.desktop.ui.conftest import answer_when_shown, changes_applied, save_ended, submit_login

LEFT = Qt.MouseButton.LeftButton


def log_in(qtbot, controller, username: str, password: str | None = None):
    controller.start()
    assert isinstance(controller.dialog, LoginDialog)
    submit_login(qtbot, controller.dialog, username, password or PASSWORDS[username])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    return controller.window


def names_in(window) -> set[str]:
    model = window.model
    return {model.index(r, 0).data(BeneficiaryRole).full_name for r in range(model.rowCount())}


@pytest.fixture
def two_caseloads(office):
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    office.services("colin").beneficiaries.create({"first_name": "Olena", "last_name": "Melnyk"})
    return office


def test_caseworker_does_not_see_other_caseloads(qtbot, controller, two_caseloads):
    window = log_in(qtbot, controller, "cara")
    assert names_in(window) == {"Amina Haddad"}
    assert window.caseload.count_label.text() == "1 beneficiary"
    window.caseload.search.setText("Melnyk")
    window.caseload.apply_filters()
    assert window.model.total == 0
    assert window.caseload.count_label.text() == "0 of 1"
    assert not window.caseload.caseworker_filter.isVisibleTo(window)
    assert not window.detail.tabs.isTabVisible(window.detail._audit_tab)  # no audit history
    assert not window.delete_session_action.isVisible()


def test_follow_up_filter_and_detail(qtbot, controller, office):
    from datetime import date, datetime, timedelta

    services = office.services("cara")
    due = services.beneficiaries.create({"first_name": "Due", "last_name": "Soon"})
    services.beneficiaries.create({"first_name": "Nothing", "last_name": "Planned"})
    services.case_sessions.create(
        due.id,
        {
            "starts_at": datetime.now() - timedelta(days=3),
            "status": "done",
            "follow_up_on": date.today() + timedelta(days=2),
        },
    )
    window = log_in(qtbot, controller, "cara")
    follow_up = window.caseload.follow_up_filter
    follow_up.setCurrentIndex(follow_up.findData("today"))
    assert window.model.total == 0
    follow_up.setCurrentIndex(follow_up.findData("week"))
    assert names_in(window) == {"Due Soon"}
    window.caseload.select_row(0)
    assert window.detail.follow_ups.count() == 1
    assert "(upcoming)" in window.detail.follow_ups.item(0).text()  # in two days: not yet due


def test_supervisor_sees_all_and_filters_by_caseworker(qtbot, controller, two_caseloads):
    window = log_in(qtbot, controller, "sam")
    assert names_in(window) == {"Amina Haddad", "Olena Melnyk"}
    combo = window.caseload.caseworker_filter
    assert combo.isVisibleTo(window)
    combo.setCurrentIndex(combo.findText("Colin Caseworker"))
    assert names_in(window) == {"Olena Melnyk"}
    assert window.caseload.count_label.text() == "1 of 2"
    status = window.caseload.status_filter
    status.setCurrentIndex(status.findData(BeneficiaryStatus.CLOSED))
    assert window.model.total == 0
    assert window.delete_action.isVisible() and window.reassign_action.isVisible()
    assert not window.users_action.isVisible()  # admins only


def test_record_actions_follow_the_role(qtbot, controller, two_caseloads, monkeypatch):
    window = log_in(qtbot, controller, "sam")
    monkeypatch.setattr(window, "confirm", lambda *_question: True)
    window.caseload.search.setText("Haddad")
    window.caseload.apply_filters()
    window.caseload.select_row(0)
    assert window.detail.beneficiary.full_name == "Amina Haddad"
    assert window.close_case_action.shortcut().toString() == "Ctrl+K"

    def goals_met(dialog) -> None:
        qtbot.keyClicks(dialog.reason_box, "Goals")
        qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Return)

    answer_when_shown(window, "close_dialog", goals_met)
    with changes_applied(qtbot):
        window.close_case_action.trigger()
    assert window.detail.beneficiary.status is BeneficiaryStatus.CLOSED
    assert not window.new_session_action.isEnabled()
    with changes_applied(qtbot):
        window.reopen_action.trigger()
    assert window.detail.beneficiary.status is BeneficiaryStatus.ACTIVE
    assert {e.action for e in window.detail.audit_model._rows} >= {"close", "reopen", "create"}
    monkeypatch.setattr(
        "desktop.ui.record_actions.QInputDialog.getItem",
        lambda *args: ("Colin Caseworker", True),
    )
    with changes_applied(qtbot):
        window.reassign_action.trigger()
    assert window.detail.beneficiary.caseworker_name == "Colin Caseworker"
    window.new_session_action.trigger()
    session_form = window.open_forms()[-1]
    qtbot.keyClicks(session_form.field("kind"), "Home")
    qtbot.keyClicks(session_form.field("status"), "Planned")
    session_form.field("summary").setPlainText("Home visit.")
    session_form.submit()
    save_ended(qtbot, session_form)
    assert window.detail.sessions_model.rowCount() == 1
    window.detail.sessions_view.selectRow(0)
    with changes_applied(qtbot):
        window.cancel_session_action.trigger()
    assert window.detail.sessions_model.session_at(0).status.value == "cancelled"
    window.detail.sessions_view.selectRow(0)
    with changes_applied(qtbot):
        window.delete_session_action.trigger()
    assert window.detail.sessions_model.rowCount() == 0
    with changes_applied(qtbot):
        window.delete_action.trigger()
    assert window.detail.beneficiary is None
    assert window.model.visible_total == 1


def test_failed_logins_count_down_without_freezing(qtbot, controller, office):
    controller.start()
    dialog = controller.dialog
    for _ in range(3):
        submit_login(qtbot, dialog, "cara", "wrong password")
        qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.username.isEnabled())
    # The third failure starts a delay: the button waits and the seconds count down.
    assert dialog.seconds_left >= 1
    assert not dialog.login_button.isEnabled()
    assert "before trying again" in dialog.error.text()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=5_000)
    assert "try again now" in dialog.error.text()
    submit_login(qtbot, dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)


def test_idle_time_locks_the_window(qtbot, controller, office):
    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    assert window.idle.active
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert window.services is None
    assert window.stack.currentWidget() is window.lock_screen
    assert "Ada Admin" in window.lock_screen.who.text()


def test_lock_keeps_an_open_form_and_unlock_brings_it_back(qtbot, controller, office):
    window = log_in(qtbot, controller, "cara")
    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    qtbot.keyClicks(form.field("first_name"), "Layla")
    window.lock()
    assert not form.isVisible()
    window.lock_screen.password.setText(PASSWORDS["cara"])
    qtbot.mouseClick(window.lock_screen.unlock_button, LEFT)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert form.isVisible() and form.field("first_name").text() == "Layla"
    qtbot.keyClicks(form.field("last_name"), "Nasser")
    qtbot.mouseClick(form.save_button, LEFT)
    save_ended(qtbot, form)
    assert window.model.total == 1


def test_unsaved_changes_prompt(qtbot, controller, office, monkeypatch):
    window = log_in(qtbot, controller, "cara")
    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    qtbot.keyClicks(form.field("first_name"), "Nour")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(form, "confirm_discard", lambda: answers.pop(0))
    form.reject()
    assert form.isVisible()  # Cancel: stays open, nothing lost
    form.reject()
    assert not form.isVisible()
    assert window.model.total == 0


def test_users_admin_dialog(qtbot, controller, office, monkeypatch, shown_messages, settings):
    from desktop.ui.users_dialog import UsersDialog

    # The daily backup (on by default) starts 2 s after login; a key rotation while it
    # copies the database is refused as "open elsewhere". Not what this test is about.
    settings.set(keys.DAILY_BACKUP, False)
    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    assert window.users_action.isVisible()
    dialog = UsersDialog(window.services.users, window.actor, window)
    qtbot.addWidget(dialog)
    assert {a.username for a in dialog.accounts} == {"admin", "sam", "cara", "colin"}
    add = dialog.add_dialog()
    add.fields["username"].setText("dina")
    add.fields["display_name"].setText("Dina Caseworker")
    add.fields["password"].setText("short")
    add.fields["password_repeat"].setText("short")
    add.submit()  # checked and saved on the worker pool
    qtbot.waitUntil(lambda: "at least 8" in add.errors["password"].text(), timeout=10_000)
    add.fields["password"].setText("dina passphrase 1")
    add.fields["password_repeat"].setText("dina passphrase 1")
    add.submit()
    qtbot.waitUntil(lambda: add.result() == 1, timeout=10_000)
    dialog.reload()
    assert "dina" in {a.username for a in dialog.accounts}

    dialog.select_username("dina")
    assert dialog.reset_button.isEnabled()
    reset = dialog.reset_dialog(dialog.selected())
    reset.fields["password"].setText("dina passphrase 2")
    reset.fields["password_repeat"].setText("dina passphrase 2")
    reset.submit()
    qtbot.waitUntil(lambda: reset.result() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.rotation_worker is None, timeout=60_000)  # the key change
    office.accounts.login("dina", "dina passphrase 2", check=False).close()

    changing = dialog._run(lambda: window.services.users.change_role("dina", Role.SUPERVISOR))
    qtbot.waitUntil(lambda: not changing.running, timeout=10_000)
    assert {a.username: a.role for a in dialog.accounts}["dina"] is Role.SUPERVISOR
    monkeypatch.setattr(
        "desktop.ui.users_dialog.QMessageBox.question",
        lambda *args: QMessageBox.StandardButton.Yes,
    )
    dialog.select_username("dina")
    dialog.deactivate()
    qtbot.waitUntil(lambda: dialog.rotation_worker is None, timeout=60_000)
    assert {a.username: a.active for a in dialog.accounts}["dina"] is False
    dialog.select_username("admin")
    assert not dialog.deactivate_button.isEnabled()  # not oneself
    assert shown_messages == []


def test_settings_and_backup_in_the_worker(qtbot, controller, office, settings, tmp_path):
    from desktop.ui.settings_dialog import SettingsDialog

    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    assert window.backup_label.text() == "No backup yet"
    dialog = SettingsDialog(settings, office.paths.backups, window)
    qtbot.addWidget(dialog)
    assert dialog.idle_minutes.value() == 5  # the default
    dialog.idle_minutes.setValue(7)
    dialog.backup_folder.setText(str(tmp_path / "my backups"))
    dialog.daily_backup.setChecked(True)
    dialog.accept()
    assert settings.idle_lock_minutes == 7
    assert settings.get(keys.DAILY_BACKUP) is True

    window.maybe_daily_backup()  # daily backup on, none yet: runs now, in the worker
    assert window.backup_worker is not None
    qtbot.waitUntil(lambda: window.backup_worker is None, timeout=20_000)
    assert len(list((tmp_path / "my backups").glob("caseload-*.db"))) == 1
    assert window.backup_label.text().startswith("Last backup: ")
    window.maybe_daily_backup()  # done today: nothing more
    assert window.backup_worker is None


def test_geometry_and_column_widths_are_remembered(qtbot, controller, office, settings):
    window = log_in(qtbot, controller, "cara")
    header = window.caseload.view.horizontalHeader()
    header.resizeSection(1, 222)
    window.switch_user()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    assert settings.store.allKeys()  # saved under cara's id (see test_view_state)
    submit_login(qtbot, controller.dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.window.caseload.view.horizontalHeader().sectionSize(1) == 222


def test_errors_user_message_or_crash_dialog(qtbot, shown_messages, caplog):
    from desktop.errors import ValidationError

    show_error(None, ValidationError({"last_name": "Last name is required."}))
    assert shown_messages == [("user", "Last name: Last name is required.")]
    try:
        raise RuntimeError("a bug")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            show_error(None, exc)
    kind, report = shown_messages[-1]
    assert kind == "crash" and "RuntimeError: a bug" in report and "Traceback" in report
    assert caplog.records[-1].exc_info is not None
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    dialog.copy_report()
    assert QApplication.clipboard().text() == report


def test_qt_messages_go_to_logging(caplog):
    with caplog.at_level(logging.INFO, logger="qt"):
        _qt_message_handler(QtMsgType.QtInfoMsg, None, "hello from Qt")
    assert caplog.records[-1].name == "qt"
    assert caplog.records[-1].getMessage() == "hello from Qt"


def assert_not_loaded(imports: str, modules: tuple[str, ...]) -> None:
    """In a fresh interpreter, importing ``imports`` leaves every one of ``modules`` out."""
    code = (
        f"import sys, {imports};"
        f"loaded = [m for m in {modules!r} if m in sys.modules];"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_login_window_needs_no_sqlalchemy():
    assert_not_loaded(
        "desktop.app, desktop.ui.controller, desktop.ui.login",
        ("sqlalchemy", "desktop.services", "desktop.ui.main_window"),
    )


def test_main_window_needs_no_stdlib_sqlite3_or_ctypes():
    # The app's connections are SQLCipher's: the stdlib module and its libsqlite3 would
    # only add memory (about 1 MB). ctypes (0.4 MB) waits for the first login's trim.
    assert_not_loaded(
        "desktop.app, desktop.auth.accounts, desktop.ui.main_window", ("sqlite3", "ctypes")
    )


OPEN_MAIN_WINDOW = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import open_main_window
from desktop.auth.accounts import LocalAccounts
from desktop.paths import DataPaths
from desktop.ui.settings import Settings

root, password, settings_file, *modules = sys.argv[1:]
app = QApplication(sys.argv[:1])
accounts = LocalAccounts(DataPaths.resolve(root))
login = accounts.login("admin", password)
settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
window = open_main_window(login, accounts, settings)
window.show()
QTimer.singleShot(300, app.quit)
app.exec()
print([name for name in modules if name in sys.modules])
login.close()
"""


def test_the_shown_main_window_loads_no_http_client(office, tmp_path):
    # httpx (and, beside it, its command line's click, rich and pygments when installed)
    # loads on a sync's first use: 7.5 MB of the main window's RSS at 100,000 records.
    modules = ("httpx", "httpcore", "desktop.sync.client")
    arguments = [str(office.paths.root), ADMIN_PASSWORD, str(tmp_path / "settings.ini")]
    result = subprocess.run(
        [sys.executable, "-c", OPEN_MAIN_WINDOW, *arguments, *modules],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout


@pytest.mark.slow
def test_self_test_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("caseload self-test OK")


def test_restore_backup_from_the_file_menu(qtbot, controller, office, monkeypatch, tmp_path):
    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    window.services.beneficiaries.create({"first_name": "Kept", "last_name": "Before"})
    window.backup_now()
    qtbot.waitUntil(lambda: window.backup_worker is None, timeout=20_000)
    backup = sorted(office.paths.backups.glob("caseload-*.db"))[-1]
    window.services.beneficiaries.create({"first_name": "Made", "last_name": "After"})
    window.refresh()
    assert window.model.total == 2

    monkeypatch.setattr(window, "confirm", lambda *_question: True)
    monkeypatch.setattr(LoginDialog, "choose_backup_file", lambda self: backup)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    dialog = controller.dialog
    assert dialog.restore_button.isVisible()
    dialog.password.setText(ADMIN_PASSWORD)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    # Restored, then logged in with the same password.
    qtbot.waitUntil(lambda: controller.window is not None, timeout=20_000)
    assert names_in(controller.window) == {"Kept Before"}
    assert list(office.paths.backups.glob("replaced-by-restore-*.db"))
