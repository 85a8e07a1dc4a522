"""Self-help as a caseworker meets it: own password, backups, the manual (F1), diagnostics."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop import __version__
from desktop.ui import settings as keys
from desktop.ui.login import LoginDialog
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import submit_login
from tests.desktop.ui.test_translation import language  # noqa: F401  (fixture)
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
NEW_PASSWORD = "river lantern orchard"
ROOT = Path(__file__).resolve().parents[3]


def menu_actions(window, title: str) -> list:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)
    return [a for a in menu.actions() if not a.isSeparator()]


def open_password_dialog(qtbot, window):
    action = window.change_password_action
    assert action in menu_actions(window, "File") and action.isVisible()
    action.trigger()
    dialog = window.password_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill_password_dialog(qtbot, dialog, old: str, new: str, repeat: str | None = None) -> None:
    from desktop.ui.password_dialog import NEW, OLD, REPEAT

    for field, text in ((OLD, old), (NEW, new), (REPEAT, new if repeat is None else repeat)):
        edit = dialog.fields[field]
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.ok_button, LEFT)


def test_caseworker_changes_their_password_from_the_file_menu(qtbot, controller, office):
    window = log_in(qtbot, controller, "cara")
    dialog = open_password_dialog(qtbot, window)
    fill_password_dialog(qtbot, dialog, PASSWORDS["cara"], NEW_PASSWORD)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    assert "password was changed" in window.statusBar().currentMessage()

    window.switch_user()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    login = controller.dialog
    submit_login(qtbot, login, "cara", PASSWORDS["cara"])  # the old one no longer opens
    qtbot.waitUntil(lambda: login.error.isVisible() and login.username.isEnabled(), timeout=10_000)
    assert controller.window is None
    submit_login(qtbot, login, "cara", NEW_PASSWORD)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.window.actor.username == "cara"


def test_wrong_current_or_weak_new_password_names_the_field(qtbot, controller, office):
    from desktop.ui.password_dialog import NEW, OLD, REPEAT

    window = log_in(qtbot, controller, "cara")
    dialog = open_password_dialog(qtbot, window)

    fill_password_dialog(qtbot, dialog, "not my password", NEW_PASSWORD)
    qtbot.waitUntil(lambda: dialog.errors[OLD].isVisible(), timeout=15_000)
    assert dialog.errors[OLD].text() == "Current password is wrong."
    assert not dialog.errors[NEW].isVisible() and dialog.isVisible()

    qtbot.keyClicks(dialog.fields[OLD], "x")  # editing the field clears its message
    assert not dialog.errors[OLD].isVisible()

    fill_password_dialog(qtbot, dialog, PASSWORDS["cara"], "password")
    qtbot.waitUntil(lambda: dialog.errors[NEW].isVisible(), timeout=15_000)
    assert "too common" in dialog.errors[NEW].text()

    fill_password_dialog(qtbot, dialog, PASSWORDS["cara"], "short")
    qtbot.waitUntil(lambda: dialog.errors[NEW].isVisible(), timeout=15_000)
    assert "at least 8 characters" in dialog.errors[NEW].text()

    fill_password_dialog(qtbot, dialog, PASSWORDS["cara"], NEW_PASSWORD, "river lantern")
    assert "not the same" in dialog.errors[REPEAT].text() and dialog.worker is None

    # Nothing was changed by the refused attempts: the old password still opens.
    office.login("cara")


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_a_wrong_current_password_is_said_in_french(qtbot, office, language):  # noqa: F811
    from desktop.ui.password_dialog import OLD, ChangePasswordDialog

    dialog = ChangePasswordDialog(office.services("cara").users)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill_password_dialog(qtbot, dialog, "not my password", NEW_PASSWORD)
    qtbot.waitUntil(lambda: dialog.errors[OLD].isVisible(), timeout=15_000)
    assert dialog.errors[OLD].text() == "Le mot de passe actuel est incorrect."


def test_caseworker_backs_up_from_the_file_menu(qtbot, controller, office):
    window = log_in(qtbot, controller, "cara")
    assert window.backup_action in menu_actions(window, "File")
    assert window.backup_action.isVisible()
    assert not window.restore_action.isVisible()  # restore replaces everyone's records
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backup_worker is None, timeout=20_000)
    backups = list(office.paths.backups.glob("caseload-*.db"))
    assert len(backups) == 1
    assert stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
    message = window.statusBar().currentMessage()
    assert message.startswith("Backup written: ")
    # The default folder is in the data folder, on the database's own disk: say so.
    assert "same disk" in message and "USB drive" in message


def test_daily_backup_is_on_in_a_fresh_settings_file(qtbot, controller, office, settings):
    from desktop.ui.settings_dialog import SettingsDialog

    assert settings.get(keys.DAILY_BACKUP) is True
    dialog = SettingsDialog(settings, office.paths.backups)
    qtbot.addWidget(dialog)
    assert dialog.daily_backup.isChecked()

    window = log_in(qtbot, controller, "cara")
    window.maybe_daily_backup()  # no backup yet: a caseworker's laptop gets one too
    assert window.backup_worker is not None
    qtbot.waitUntil(lambda: window.backup_worker is None, timeout=20_000)
    assert list(office.paths.backups.glob("caseload-*.db"))


def test_settings_says_when_the_backup_folder_is_on_the_database_disk(
    qtbot, office, settings, tmp_path
):
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, office.paths.backups, database=office.paths.database)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.same_disk_hint
    assert hint.isVisible() and "USB drive or another disk" in hint.text()

    other_disk = next(
        Path(p)
        for p in ("/dev/shm", "/run", "/proc")
        if Path(p).exists() and os.stat(p).st_dev != os.stat(office.paths.database).st_dev
    )
    dialog.backup_folder.clear()
    qtbot.keyClicks(dialog.backup_folder, str(other_disk / "caseload-backups"))
    assert not hint.isVisible()
    dialog.backup_folder.clear()
    qtbot.keyClicks(dialog.backup_folder, str(tmp_path / "later" / "backups"))  # not made yet
    assert hint.isVisible()
    dialog.grab().save(str(tmp_path / "settings.png"))


def press_f1_and_read_manual(qtbot, window) -> str:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "manual_dialog", None) is not None)
    dialog = window.manual_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert window.manual_action in menu_actions(window, window.tr("&Help").replace("&", ""))
    return dialog.browser.toPlainText()


def test_f1_opens_the_manual_in_english(qtbot, controller, office, tmp_path):
    window = log_in(qtbot, controller, "cara")
    text = press_f1_and_read_manual(qtbot, window)
    assert text.startswith("Caseload user manual")
    for topic in ("First start", "Sync and conflicts", "When the laptop is lost"):
        assert topic in text
    window.manual_dialog.grab().save(str(tmp_path / "manual.png"))


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_f1_opens_the_manual_in_french(qtbot, controller, office, language):  # noqa: F811
    window = log_in(qtbot, controller, "cara")
    text = press_f1_and_read_manual(qtbot, window)
    assert text.startswith("Manuel d'utilisation de Caseload")
    assert "Ordinateur perdu ou volé" in text


def test_a_language_without_its_manual_yet_reads_english():
    from desktop.ui.help import manual_path

    assert manual_path("fr").name == "manual_fr.md"
    assert manual_path("sw").name == "manual_en.md"


def test_copied_diagnostics_hold_versions_and_counts_but_no_personal_data(
    qtbot, controller, office
):
    cara = office.services("cara")
    amina = cara.beneficiaries.create(
        {
            "first_name": "Amina",
            "last_name": "Haddad",
            "phone": "+44 7700 900123",
            "email": "amina.haddad@example.org",
        }
    )
    cara.case_sessions.create(
        amina.id, {"kind": "home_visit", "status": "done", "starts_at": "2026-11-02T10:00"}
    )
    office.services("colin").beneficiaries.create({"first_name": "Olena", "last_name": "Melnyk"})
    stamp = "2026-12-01 09:12:03,456 INFO"
    planted = [
        f"{stamp} desktop.services.beneficiaries: beneficiary {amina.id} created",
        f"{stamp} desktop.x: saved {{'first_name': 'Amina', 'last_name': 'Haddad'}}",
        f"{stamp} desktop.x: opened Amina Haddad",
        f"{stamp} desktop.x: contact amina.haddad@example.org",
        f"{stamp} desktop.x: calling 07700 900123",
        f"{stamp} desktop.x: calling +44 7700 900123",
        f"{stamp} desktop.x: sent Authorization: Bearer abc.def",
        f"{stamp} desktop.x: refresh_token=Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA",
        f"{stamp} desktop.x: login password: caseworker passphrase",
        f"{stamp} desktop.ui.main_window: window locked for user {amina.caseworker_id}",
    ]
    office.paths.logs.mkdir(parents=True, exist_ok=True)
    log = office.paths.logs / "caseload.log"
    log.write_text(
        "".join(f"{stamp} desktop.x: filler {i}\n" for i in range(80)) + "\n".join(planted) + "\n"
    )

    window = log_in(qtbot, controller, "cara")
    assert window.diagnostics_action in menu_actions(window, "Help")
    QGuiApplication.clipboard().clear()
    window.diagnostics_action.trigger()
    text = QGuiApplication.clipboard().text()

    assert f"Caseload {__version__}" in text
    for fact in ("Python ", "Qt ", "PySide6 ", "SQLCipher 4.", "Platform ", "Locale "):
        assert fact in text
    assert "Database schema revision " in text
    assert "Beneficiaries 1\n" in text  # cara's caseload, not colin's
    assert "Sessions 1\n" in text
    assert "Pending changes 3\n" in text
    assert "Last sync never" in text
    for personal in ("Amina", "Haddad", "amina.haddad", "7700", "900123", "Melnyk"):
        assert personal not in text
    for secret in ("Bearer", "Zm9vYmFy", "caseworker passphrase", "password"):
        assert secret not in text
    assert f"beneficiary {amina.id} created" in text  # ids only: kept
    assert f"window locked for user {amina.caseworker_id}" in text
    assert "filler 79" in text and "filler 30" not in text  # the last 50 lines only
    assert "8 left out" in text


def test_the_manual_files_are_in_the_bundle_data():
    """build.spec's data list (its part that needs no PyInstaller) ships every manual."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    data_part = spec.split("# --- Python modules")[0]
    scope: dict = {"SPECPATH": str(ROOT)}
    exec(compile(data_part, "build.spec", "exec"), scope)
    shipped = {Path(source).name for source, dest in scope["datas"] if dest == "resources/manual"}
    manuals = {p.name for p in (ROOT / "resources" / "manual").glob("manual_*.md")}
    assert {"manual_en.md", "manual_fr.md"} <= manuals
    assert shipped == manuals
