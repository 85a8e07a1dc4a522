"""The Sync panel's "Caseworkers on the server" page, clicked through against a real server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.domain.enums import Role
from desktop.store.tables import UserRow
from desktop.ui.sync_panel import SyncPanel
from tests.e2e.conftest import server_records
from tests.e2e.test_ownership_and_erasure import LOCAL_PASSWORD, make_record, personal_values


def test_a_supervisor_links_a_caseworker_to_a_server_account_in_the_panel(
    qtbot, laptops, sync_server, tmp_path
):
    laptop = laptops()
    organisation = laptop.server_user.organisation
    nadia = laptop.services.users.add("nadia_local", Role.CASEWORKER, LOCAL_PASSWORD, "Nadia K.")
    record, _ = make_record(laptop, personal_values(), caseworker_id=nadia.id)
    # Her server account has another username: the sync cannot match it by itself.
    nadia_server = sync_server.new_user("caseworker", organisation=organisation)

    panel = SyncPanel(laptop.services)
    qtbot.addWidget(panel)
    panel.show()
    page = panel.user_links
    with qtbot.waitSignal(panel.synced, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].held == 2
    qtbot.waitUntil(lambda: panel.worker is None)
    assert any("Nadia K. (nadia_local)" in warning for warning in panel.last_report.warnings)
    assert "Nadia K. (nadia_local) were not sent" in panel.summary.text()

    panel.tabs.setCurrentWidget(page)
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    nadia_row = rows["Nadia K. (nadia_local)"]
    assert page.table.item(nadia_row, 2).text() == "not linked: records wait here"
    assert not page.link_button.isEnabled()
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None and page.accounts_combo.count() > 0, timeout=30_000)
    page.table.selectRow(nadia_row)
    labels = [page.accounts_combo.itemText(i) for i in range(page.accounts_combo.count())]
    page.accounts_combo.setCurrentIndex(labels.index(nadia_server.username))
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(  # linked on the worker pool, then the table shows it
        lambda: page.table.item(nadia_row, 2).text() == nadia_server.username, timeout=10_000
    )
    panel.grab().save(str(tmp_path / "user-links.png"))
    with laptop.login.db.read() as uow:
        linked = uow.session.execute(
            select(UserRow.server_user_id).where(UserRow.id == nadia.id)
        ).scalar_one()
    assert linked == nadia_server.id

    with qtbot.waitSignal(panel.synced, timeout=60_000) as blocker:
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert (blocker.args[0].held, blocker.args[0].sent) == (0, 2)
    qtbot.waitUntil(lambda: panel.worker is None)
    on_server = server_records(sync_server, laptop.server_user, "beneficiary")
    assert on_server[record]["data"]["caseworker_id"] == nadia_server.id
