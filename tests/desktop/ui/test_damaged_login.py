"""The login window on a damaged or missing database: it says so and restores a backup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import Services
from desktop.ui.login import LoginDialog
from tests.conftest import ADMIN_PASSWORD, PASSWORDS
from tests.desktop.ui.conftest import submit_login

LEFT = Qt.MouseButton.LeftButton


@pytest.mark.parametrize(
    ("damage", "problem"),
    [("empty", "The database file is empty (0 bytes)"), ("missing", "is missing")],
)
def test_login_on_a_damaged_database_offers_restore_which_works(
    qtbot, controller, office, monkeypatch, tmp_path, damage, problem
):
    login = office.login("admin")
    services = Services.for_session(login, office.accounts)
    services.beneficiaries.create({"first_name": "Kept", "last_name": "Safe"})
    backup = services.maintenance.backup(tmp_path / "stick" / "office.db")
    login.close()
    slots_before = office.paths.keyslots.read_bytes()
    if damage == "empty":
        office.paths.database.write_bytes(b"")
    else:
        office.paths.database.unlink()

    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    assert not dialog.restore_button.isVisible()
    submit_login(qtbot, dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: dialog.restore_button.isVisible(), timeout=20_000)
    message = dialog.error.text()
    assert problem in message and "Restore backup…" in message
    assert "Wrong username or password" not in message
    assert controller.window is None
    assert office.paths.keyslots.read_bytes() == slots_before

    monkeypatch.setattr(LoginDialog, "choose_backup_file", lambda self: backup)
    dialog.username.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    # Restored, then logged in with the same password.
    qtbot.waitUntil(lambda: controller.window is not None, timeout=20_000)
    assert controller.window.model.total == 1
    assert office.paths.keyslots.read_bytes() == slots_before
