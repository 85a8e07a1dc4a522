"""Issue 14 point 4 in the real widgets: "Transfer case…" (Ctrl+Shift+H) with a caseworker
picker and a note, the pending transfer in the detail, and the Transfers panel
(Ctrl+Shift+R) where the receiver accepts (Ctrl+Return) or declines (Delete, with a
reason) and the proposer cancels, by keys and clicks."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.domain.enums import TransferState
from tests.desktop.ui.conftest import changes_applied
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SCREENSHOT = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "transfers.png"


def _user_id(office, username: str) -> str:
    sam = office.services("sam")
    try:
        return next(u.id for u in sam.users.list() if u.username == username)
    finally:
        sam.close()


def _tree_texts(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _decide(qtbot, panel, text: str) -> None:
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    qtbot.keyClicks(dialog.text, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with changes_applied(qtbot):
        qtbot.mouseClick(ok, LEFT)


def test_a_caseworker_proposes_a_case_by_keys_and_sees_it_pending(qtbot, controller, office):
    cara = office.services("cara")
    person = cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    cara.close()
    window = log_in(qtbot, controller, "cara")
    window.caseload.select_row(0)
    qtbot.waitUntil(lambda: window.detail.beneficiary is not None)
    assert window.transfer_case_action.isEnabled()
    assert not window.detail.transfer_line.isVisible()

    window.activateWindow()  # a window shortcut reaches the active window only
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "transfer_dialog", None) is not None)
    dialog = window.transfer_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.receiver)
    qtbot.keyClicks(dialog.receiver, "Colin")
    assert dialog.receiver.currentText() == "Colin Caseworker"
    qtbot.keyClick(dialog.receiver, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)  # without a note: refused in the dialog, back to the note
    assert dialog.problem.isVisible() and window.services.transfers.pending() == []
    assert QApplication.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "Moving to Colin's district")
    with changes_applied(qtbot):
        qtbot.mouseClick(ok, LEFT)
    (pending,) = window.services.transfers.pending()
    assert (pending.beneficiary_id, pending.to_name) == (person.id, "Colin Caseworker")
    qtbot.waitUntil(lambda: window.detail.transfer_line.isVisible())
    assert "to Colin Caseworker" in window.detail.transfer_line.text()
    assert "Moving to Colin's district" in window.detail.transfer_line.text()
    assert not window.transfer_case_action.isEnabled()  # one pending at a time

    # The proposer's panel: waiting, not theirs to accept; cancelled by a click.
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # back from the dialog (offscreen does not do it by itself)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    panel = window.transfers_panel
    qtbot.waitUntil(lambda: window.transfers_dock.isVisible())
    assert QApplication.focusWidget() is panel.tree
    assert _tree_texts(panel.tree) == ["Waiting for the receiver (1)"]
    assert not panel.accept_button.isEnabled() and panel.cancel_button.isEnabled()
    qtbot.mouseClick(panel.cancel_button, LEFT)
    _decide(qtbot, panel, "Staying with me after all")
    assert window.services.transfers.get(pending.id).state is TransferState.CANCELLED
    assert _tree_texts(panel.tree) == []
    qtbot.waitUntil(lambda: not window.detail.transfer_line.isVisible())


def test_the_receiver_accepts_and_declines_in_the_transfers_panel(qtbot, controller, office):
    cara = office.services("cara")
    colin_id = _user_id(office, "colin")
    layla = cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    amina = cara.beneficiaries.create({"first_name": "Amina", "last_name": "Yusuf"})
    first = cara.transfers.propose(layla.id, colin_id, "Moving to your district in March")
    second = cara.transfers.propose(amina.id, colin_id, "Speaks Somali; you do too")
    cara.close()
    window = log_in(qtbot, controller, "colin")

    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    panel = window.transfers_panel
    qtbot.waitUntil(lambda: window.transfers_dock.isVisible())
    assert QApplication.focusWidget() is panel.tree
    assert _tree_texts(panel.tree) == ["To decide (2)"]
    assert panel.summary.text() == "Transfers for you to decide: 2"
    group = panel.tree.topLevelItem(0)
    # What colin decides on: the case number and name the transfer carries.
    assert group.child(0).text(0) == f"Layla Haddad ({layla.case_number})"
    assert group.child(0).text(1) == "Cara Caseworker → Colin Caseworker"
    assert panel.about.text().endswith(":\nMoving to your district in March")
    assert panel.accept_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert not panel.open_button.isEnabled()  # not colin's case to open yet

    if os.environ.get("CASELOAD_SCREENSHOTS"):
        window.resize(1240, 680)
        window.resizeDocks([window.transfers_dock], [520], Qt.Orientation.Horizontal)
        qtbot.wait(50)
        window.grab().save(str(SCREENSHOT))

    # Accepted by keys: Ctrl+Return, a note, Accept.
    assert panel.current_transfer().id == first.id
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _decide(qtbot, panel, "Welcome, Layla")
    accepted = window.services.transfers.get(first.id)
    assert (accepted.state, accepted.decision_note) == (TransferState.ACCEPTED, "Welcome, Layla")
    assert _tree_texts(panel.tree) == ["To decide (1)"]

    # Declined by Delete: an empty reason is refused in the dialog, then it goes.
    assert panel.current_transfer().id == second.id
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    ok = panel.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    assert panel.dialog.isVisible() and panel.dialog.problem.isVisible()
    assert window.services.transfers.get(second.id).state is TransferState.PROPOSED
    _decide(qtbot, panel, "My caseload is full this month")
    assert window.services.transfers.get(second.id).state is TransferState.DECLINED
    assert _tree_texts(panel.tree) == []
    assert panel.summary.text() == "No transfer waits for your decision."
