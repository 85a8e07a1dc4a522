"""The Sync panel driven like a person would, against a real server on loopback."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.sync_account import SyncAccount
from desktop.ui.sync_panel import SyncPanel
from desktop.ui.sync_status import sync_state_text
from tests.desktop.ui.conftest import changes_applied
from tests.e2e.test_sync_faults import create_many
from tests.server.conftest import PASSWORD as SERVER_PASSWORD


def test_sign_in_sync_and_resolve_a_conflict(qtbot, laptops, tmp_path):
    a, b = laptops(), laptops()
    (record,) = create_many(a, 1)
    a.sync()
    b.sync()
    b.account.unlink()  # b signs in again through the panel
    a.services.beneficiaries.update(record, {"notes": "from A"})
    b.services.beneficiaries.update(record, {"notes": "from B", "phone": "+49 30 1234567"})
    a.sync()

    panel = SyncPanel(b.services)
    qtbot.addWidget(panel)
    panel.show()
    assert "Not signed in" in panel.account_state.text()
    assert not panel.sync_button.isEnabled()
    panel.server_edit.setText(b.server.base_url)
    panel.username_edit.setText(b.server_user.username)
    panel.password_edit.setText(SERVER_PASSWORD)
    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    assert panel.password_edit.text() == ""  # the password is not kept
    assert "Signed in" in panel.account_state.text() and panel.sync_button.isEnabled()

    with qtbot.waitSignal(panel.synced, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report.conflicts == 1
    qtbot.waitUntil(lambda: panel.worker is None)
    assert panel.conflicts_table.rowCount() == 1
    assert panel.conflicts_table.item(0, 2).text() == "from B"
    assert panel.conflicts_table.item(0, 3).text() == "from A"
    panel.grab().save(str(tmp_path / "sync-panel.png"))

    panel.conflicts_table.selectRow(0)
    with changes_applied(qtbot):  # resolving runs on the worker pool
        qtbot.mouseClick(panel.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert panel.conflicts_table.rowCount() == 0
    with qtbot.waitSignal(panel.synced, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].sent == 1
    qtbot.waitUntil(lambda: panel.worker is None)
    a.sync()
    merged = a.services.beneficiaries.get(record)
    assert (merged.notes, merged.phone) == ("from A", "+49 30 1234567")
    assert "last sync" in sync_state_text(SyncAccount(b.login.db, b.login.actor).overview())


def test_cancel_keeps_everything(qtbot, laptops):
    laptop = laptops()
    create_many(laptop, 30)
    panel = SyncPanel(laptop.services)
    qtbot.addWidget(panel)
    worker = panel.sync_now()
    panel.cancel_sync()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60_000)
    assert worker.is_cancelled
    overview = laptop.account.overview()
    assert overview.pending + laptop.sync().sent >= 30 or overview.pending == 0


def test_main_window_opens_the_panel_and_shows_the_sync_state(
    qtbot, controller, office, sync_server
):
    from tests.conftest import ADMIN_PASSWORD
    from tests.desktop.ui.test_windows import log_in

    office.services("admin").beneficiaries.create({"first_name": "Grace", "last_name": "Mensah"})
    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    assert window.sync_slot.text() == "Sync: not set up"
    window.sync_panel_action.trigger()
    panel = window.sync_panel
    qtbot.waitUntil(panel.isVisible)
    user = sync_server.new_user("supervisor", organisation="panel-org")
    panel.server_edit.setText(sync_server.base_url)
    panel.username_edit.setText(user.username)
    panel.password_edit.setText(SERVER_PASSWORD)
    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        panel.sign_in_button.click()
    with qtbot.waitSignal(panel.synced, timeout=60_000) as blocker:
        panel.sync_button.click()
    assert blocker.args[0].sent == 1
    qtbot.waitUntil(lambda: "last sync" in window.sync_slot.text(), timeout=10_000)
    assert window.pending_label.text().startswith("0 change")  # "changes" with English plurals
    window.lock()
    assert window.sync_panel is None and not panel.isVisible()
