"""Closing a case asks why: a reason from the list (and a note for "Other"), by keys and clicks.

The reason then reads in the detail and in the history by its label, in the person's
language, and reopening clears it while the history keeps the closure.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import BeneficiaryStatus, ClosureReason
from desktop.domain.schema import CHOICE_LABELS
from desktop.ui.close_dialog import CloseCaseDialog
from desktop.ui.models.audit_table import COL_ACTION, COL_CHANGES
from tests.desktop.ui.conftest import answer_when_shown, changes_applied
from tests.desktop.ui.test_translation import lrelease
from tests.desktop.ui.test_windows import log_in

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def amina(office):
    return office.services("cara").beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad"}
    )


def open_amina(qtbot, controller, username: str = "sam"):
    window = log_in(qtbot, controller, username)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.caseload.search.setText("Haddad")
    window.caseload.apply_filters()
    window.caseload.select_row(0)
    assert window.detail.beneficiary.full_name == "Amina Haddad"
    return window


def press_close_case(qtbot, window, answer, *, closes: bool = True) -> list[str]:
    """Ctrl+K, as a person closes a case; ``answer(dialog)`` runs once the dialog is up.

    A dialog the answer left open (a failed step) is cancelled, so the test goes on to fail.
    """

    def answer_then_leave(dialog: CloseCaseDialog) -> None:
        try:
            qtbot.waitUntil(dialog.isActiveWindow)
            answer(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    seen = answer_when_shown(window, "close_dialog", answer_then_leave)
    if closes:  # the close runs on the worker pool; the window refreshes after it
        with changes_applied(qtbot):
            qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    else:
        qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    return seen


def history_lines(window) -> list[tuple[str, str]]:
    model = window.detail.audit_model
    return [
        (model.index(row, COL_ACTION).data(), model.index(row, COL_CHANGES).data())
        for row in range(model.rowCount())
    ]


def test_every_reason_has_a_label():
    assert list(CHOICE_LABELS[ClosureReason]) == list(ClosureReason)


def test_enter_on_an_empty_close_dialog_closes_nothing(qtbot, controller, amina):
    window = open_amina(qtbot, controller)
    states = []

    def enter_then_escape(dialog: CloseCaseDialog) -> None:
        # Nothing chosen: the safe default. Enter (in the list, and on the dialog) does nothing.
        states.append((dialog.reason, dialog.close_button.isEnabled()))
        qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Enter)
        states.append(dialog.isVisible())
        dialog.grab().save("/tmp/close_dialog_empty.png")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = press_close_case(qtbot, window, enter_then_escape, closes=False)
    assert seen and "Amina Haddad" in seen[0] and amina.case_number in seen[0]
    assert states == [(None, False), True]
    assert window.detail.beneficiary.status is BeneficiaryStatus.ACTIVE
    assert [action for action, _ in history_lines(window)] == ["Beneficiary: Created"]


def test_a_reason_chosen_by_keys_closes_the_case_and_reads_in_detail_and_history(
    qtbot, controller, amina
):
    window = open_amina(qtbot, controller)
    states = []

    def choose_by_keys(dialog: CloseCaseDialog) -> None:
        assert QApplication.focusWidget() is dialog.reason_box
        qtbot.keyClicks(dialog.reason_box, "Mov")  # type-ahead, as in any list
        states.append((dialog.reason, dialog.close_button.isEnabled()))
        qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.note_box
        qtbot.keyClicks(dialog.note_box, "To her sister in Mombasa.")
        qtbot.keyClick(dialog.note_box, Qt.Key.Key_Tab)  # Tab leaves the note for the buttons
        assert QApplication.focusWidget() is not dialog.note_box
        dialog.grab().save("/tmp/close_dialog_filled.png")
        qtbot.mouseClick(dialog.close_button, LEFT)

    press_close_case(qtbot, window, choose_by_keys)
    assert states == [(ClosureReason.MOVED_AWAY, True)]
    closed = window.detail.beneficiary
    assert (closed.status, closed.closure_reason, closed.closure_note) == (
        BeneficiaryStatus.CLOSED,
        ClosureReason.MOVED_AWAY,
        "To her sister in Mombasa.",
    )
    row, note_row = window.detail.values["closure_reason"], window.detail.values["closure_note"]
    assert row.isVisibleTo(window.detail) and note_row.isVisibleTo(window.detail)
    assert (row.text(), note_row.text()) == ("Moved away", "To her sister in Mombasa.")
    qtbot.wait(50)  # the layout settles (the row grew a line)
    window.detail.grab().save("/tmp/detail_closed.png")
    action, changes = history_lines(window)[0]
    assert action == "Beneficiary: Case closed"
    assert "Closure reason: – → Moved away" in changes.splitlines()
    assert "Status: Active → Closed" in changes.splitlines()

    window.detail.tabs.setCurrentWidget(window.detail.audit_view)
    qtbot.wait(50)
    window.detail.grab().save("/tmp/history_closed.png")

    with changes_applied(qtbot):
        window.reopen_action.trigger()
    reopened = window.detail.beneficiary
    assert (reopened.status, reopened.closure_reason) == (BeneficiaryStatus.ACTIVE, None)
    assert not row.isVisibleTo(window.detail) and not note_row.isVisibleTo(window.detail)
    (reopen, _), (close, _) = history_lines(window)[:2]
    assert (reopen, close) == ("Beneficiary: Case reopened", "Beneficiary: Case closed")
    assert "Closure reason: Moved away → –" in history_lines(window)[0][1].splitlines()


def test_other_needs_a_note_before_close_is_enabled(qtbot, controller, amina):
    window = open_amina(qtbot, controller, "cara")  # a caseworker closes their own case
    states = []

    def other_then_note(dialog: CloseCaseDialog) -> None:
        qtbot.keyClicks(dialog.reason_box, "Oth")
        states.append((dialog.reason, dialog.close_button.isEnabled(), dialog.note_error.text()))
        dialog.grab().save("/tmp/close_dialog_other.png")
        qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Return)  # still nothing closed
        qtbot.mouseClick(dialog.close_button, LEFT)  # disabled: nothing either
        states.append(dialog.isVisible())
        qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.note_box, "   ")
        states.append(dialog.close_button.isEnabled())
        qtbot.keyClicks(dialog.note_box, "Family returned home")
        states.append((dialog.close_button.isEnabled(), dialog.note_error.isVisible()))
        qtbot.mouseClick(dialog.close_button, LEFT)

    press_close_case(qtbot, window, other_then_note)
    assert states == [
        (ClosureReason.OTHER, False, "Note is required when the reason is Other."),
        True,
        False,
        (True, False),
    ]
    closed = window.detail.beneficiary
    assert closed.closure_reason is ClosureReason.OTHER
    assert closed.closure_note == "Family returned home"
    assert window.detail.values["closure_reason"].text() == "Other (say why in the note)"
    assert window.detail.values["closure_note"].text() == "Family returned home"


def test_the_reason_reads_in_the_person_s_language(qtbot, controller, amina, tmp_path):
    """Detail and history show a stored reason by its translated label, never its code."""
    source = tmp_path / "closure_fr.ts"
    root = ET.Element("TS", version="2.1", language="fr")
    for context, english, french in (
        ("choice", CHOICE_LABELS[ClosureReason][ClosureReason.DECEASED], "Décédé(e)"),
        ("field", "Closure reason", "Motif de clôture"),
    ):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        message = ET.SubElement(element, "message")
        ET.SubElement(message, "source").text = english
        ET.SubElement(message, "translation").text = french
    ET.ElementTree(root).write(source, encoding="utf-8", xml_declaration=True)
    lrelease(source, tmp_path / "closure_fr.qm")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "closure_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        window = open_amina(qtbot, controller)

        def deceased(dialog: CloseCaseDialog) -> None:
            qtbot.keyClick(dialog.reason_box, Qt.Key.Key_End)  # "Other", the last
            qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Up)
            qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Return)

        press_close_case(qtbot, window, deceased)
        assert window.detail.beneficiary.closure_reason is ClosureReason.DECEASED
        assert window.detail.values["closure_reason"].text() == "Décédé(e)"
        assert not window.detail.values["closure_note"].isVisibleTo(window.detail)  # none
        changes = history_lines(window)[0][1].splitlines()
        assert "Motif de clôture: – → Décédé(e)" in changes
        assert not any("deceased" in line for line in changes)
    finally:
        QCoreApplication.removeTranslator(translator)
