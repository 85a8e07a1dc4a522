"""A sync started from the window is an operation like any other: when it is done, the
one "changes applied" signal refreshes the list, the detail and the status bar.

Real server on loopback, real encrypted database, the panel driven by keys and clicks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.enums import SyncStatus
from tests.conftest import ADMIN_PASSWORD
from tests.desktop.ui.conftest import changes_applied
from tests.desktop.ui.test_operations import beneficiary_row_click
from tests.desktop.ui.test_windows import log_in, names_in
from tests.e2e.conftest import FAST_RETRIES
from tests.server.conftest import PASSWORD as SERVER_PASSWORD

LEFT = Qt.MouseButton.LeftButton
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_sync_refreshes_list_detail_and_status_bar_through_the_one_signal(
    qtbot, controller, office, laptops
):
    colleague = laptops()  # another supervisor of the organisation, who synced a record
    colleague.services.beneficiaries.create({"first_name": "Grace", "last_name": "Mensah"})
    colleague.sync()
    user = colleague.server.new_user("supervisor", organisation=colleague.server_user.organisation)
    office.services("admin").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})

    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    assert window.detail.beneficiary.sync_status is SyncStatus.PENDING
    assert window.pending_label.text().startswith("1 change")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL_SHIFT)
    panel = window.sync_panel
    qtbot.waitUntil(panel.isVisible)
    window.sync_runner.client_options.update(policy=FAST_RETRIES)
    for field, text in (
        (panel.server_edit, colleague.server.base_url),
        (panel.username_edit, user.username),
        (panel.password_edit, SERVER_PASSWORD),
    ):
        qtbot.mouseClick(field, LEFT)
        field.selectAll()
        qtbot.keyClicks(field, text)
    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        qtbot.mouseClick(panel.sign_in_button, LEFT)
    assert "Signed in" in panel.account_state.text()

    with changes_applied(qtbot, timeout=60_000):
        qtbot.mouseClick(panel.sync_button, LEFT)
    assert names_in(window) == {"Amina Haddad", "Grace Mensah"}  # the list: Grace pulled
    shown = window.detail.beneficiary  # the detail: the same record, as it is now
    assert shown.full_name == "Amina Haddad" and shown.sync_status is SyncStatus.SYNCED
    assert window.pending_label.text().startswith("0 change")  # the status bar
    assert "last sync" in window.sync_slot.text()
    qtbot.waitUntil(lambda: not window.sync_runner.running)
