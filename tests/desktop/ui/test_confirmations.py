"""Destructive confirmations: Enter and Escape choose the safe button; the text names the loss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.desktop.ui.conftest import answer_when_shown, changes_applied
from tests.desktop.ui.test_windows import log_in, names_in

LEFT = Qt.MouseButton.LeftButton


def select_amina(window) -> None:
    window.caseload.search.setText("Haddad")
    window.caseload.apply_filters()
    window.caseload.select_row(0)
    assert window.detail.beneficiary.full_name == "Amina Haddad"


def test_enter_on_delete_beneficiary_keeps_the_record(qtbot, controller, office):
    cara = office.services("cara")
    amina = cara.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    cara.case_sessions.create(
        amina.id, {"kind": "home_visit", "status": "done", "starts_at": "2026-11-02T10:00"}
    )
    window = log_in(qtbot, controller, "sam")
    select_amina(window)

    seen = answer_when_shown(
        window, "confirm_box", lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)
    )
    window.delete_action.trigger()
    assert seen and "Amina Haddad" in seen[0] and amina.case_number in seen[0]
    assert "sessions (1)" in seen[0]
    assert "Amina Haddad" in names_in(window)  # a reflex Enter deleted nothing

    seen = answer_when_shown(
        window, "confirm_box", lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)
    )
    window.delete_action.trigger()
    assert seen and "Amina Haddad" in names_in(window)

    def press_delete(box: QMessageBox) -> None:
        delete = next(b for b in box.buttons() if b.text().replace("&", "") == "Delete")
        qtbot.mouseClick(delete, LEFT)

    seen = answer_when_shown(window, "confirm_box", press_delete)
    with changes_applied(qtbot):
        window.delete_action.trigger()
    assert seen and "Amina Haddad" not in names_in(window)


def test_enter_on_restore_backup_does_not_log_out(qtbot, controller, office):
    window = log_in(qtbot, controller, "admin")
    seen = answer_when_shown(
        window, "confirm_box", lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)
    )
    window.restore_action.trigger()
    assert seen and "lost" in seen[0]
    assert controller.window is window and not window.restore_after_logout
