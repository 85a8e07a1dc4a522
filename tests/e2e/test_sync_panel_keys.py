"""The Sync panel from the keyboard: Enter signs in, Alt+N and Ctrl+Return sync, and neither
shortcut types into the field that has the focus (issue 17, point 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.sync_panel import SyncPanel
from tests.desktop.ui.conftest import shown_messages  # noqa: F401 (GUI fixture)
from tests.server.conftest import PASSWORD as SERVER_PASSWORD


def test_enter_signs_in_and_alt_n_syncs_from_the_password_field(
    qtbot,
    laptops,
    shown_messages,  # noqa: F811
):
    laptop = laptops()
    laptop.account.unlink()  # signs in again through the panel
    laptop.services.beneficiaries.create({"first_name": "Keys", "last_name": "Person"})
    panel = SyncPanel(laptop.services)
    qtbot.addWidget(panel)
    with qtbot.waitActive(panel):  # shortcuts work in the active window, as for a person
        panel.show()
        panel.activateWindow()

    assert panel.server_edit.text() == laptop.server.base_url  # kept from the last sign-in
    assert panel.username_edit.text() == laptop.server_user.username
    panel.password_edit.setFocus()
    qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD + "x")
    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)
    assert shown_messages == [("user", "The server refused this username or password.")]
    shown_messages.clear()
    qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD)
    # Not signed in yet, "Sync now" is off: Alt+N must not put an "n" into the password.
    qtbot.keyClick(panel.password_edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert panel.password_edit.text() == SERVER_PASSWORD

    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)
    assert shown_messages == []
    assert "Signed in" in panel.account_state.text()
    assert panel.password_edit.text() == ""  # not kept
    assert panel.worker is None  # Enter signed in; it did not also start a sync

    with qtbot.waitSignal(panel.synced, timeout=60_000) as synced:
        qtbot.keyClick(panel.password_edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert synced.args[0].sent == 1
    assert panel.password_edit.text() == ""
    qtbot.waitUntil(lambda: panel.worker is None)

    # Ctrl+Return, the panel's other shortcut, still syncs.
    with qtbot.waitSignal(panel.synced, timeout=60_000) as synced:
        qtbot.keyClick(panel.username_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert synced.args[0].sent == 0
    qtbot.waitUntil(lambda: panel.worker is None)


def test_a_server_address_with_a_bad_port_is_a_clear_message(qtbot, laptops, shown_messages):  # noqa: F811
    laptop = laptops()
    laptop.account.unlink()
    panel = SyncPanel(laptop.services)
    qtbot.addWidget(panel)
    panel.server_edit.clear()
    qtbot.keyClicks(panel.server_edit, laptop.server.base_url + "http://")  # pasted twice
    qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD)
    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    assert shown_messages == [
        ("user", "The server address's port must be a number from 1 to 65535.")
    ]
    assert "Not signed in" in panel.account_state.text()
