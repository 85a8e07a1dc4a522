"""Issue 14 point 7 in the real widgets: two rows of the list → Merge… (keys and clicks in
the side-by-side dialog), Undo merge from the record's notice, the registration's
duplicate dialog, and the office-wide Possible duplicates window on the worker pool."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QRadioButton

from desktop.ui.duplicates_dialog import DuplicatesDialog
from tests.desktop.ui.conftest import answer_when_shown, changes_applied
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def twins(office):
    cara = office.services("cara")
    layla = cara.beneficiaries.create(
        {"first_name": "Layla", "last_name": "Haddad", "date_of_birth": date(1990, 5, 1)}
    )
    leila = cara.beneficiaries.create(
        {
            "first_name": "Leila",
            "last_name": "Haddad",
            "date_of_birth": date(1990, 5, 1),
            "phone": "+961 3 123456",
            "address": "12 Rue Hamra, Beirut",
        }
    )
    visit = cara.case_sessions.create(
        leila.id, {"starts_at": datetime(2026, 3, 1, 10), "kind": "office", "status": "done"}
    )
    cara.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    cara.close()
    return layla, leila, visit


def _click_row(qtbot, window, beneficiary_id: str, modifier=Qt.KeyboardModifier.NoModifier):
    view = window.caseload.view
    row = window.model.row_of(beneficiary_id)
    assert row >= 0
    rect = view.visualRect(window.model.index(row, 1))
    qtbot.mouseClick(view.viewport(), LEFT, modifier, rect.center())


FAILURES: list[BaseException] = []


def _when_open(owner, attribute: str, act) -> None:
    """Acts in ``owner.<attribute>`` (a modal dialog) once it is shown, as a person would;
    a failed check closes the dialog and fails the test afterwards (`_no_failures`)."""

    def poll() -> None:
        dialog = getattr(owner, attribute, None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:
            FAILURES.append(exc)
            dialog.reject()

    QTimer.singleShot(0, poll)


@pytest.fixture(autouse=True)
def _no_failures():
    FAILURES.clear()
    yield
    if FAILURES:
        raise FAILURES[0]


def test_two_rows_of_the_list_merge_side_by_side_and_undo(qtbot, controller, office, twins):
    layla, leila, visit = twins
    window = log_in(qtbot, controller, "sam")
    qtbot.waitUntil(lambda: window.model.row_of(leila.id) >= 0)
    assert window.merge_action.isVisible()
    _click_row(qtbot, window, layla.id)
    assert not window.merge_action.isEnabled()  # one record: nothing to merge
    _click_row(qtbot, window, leila.id, Qt.KeyboardModifier.ControlModifier)
    assert {b.id for b in window.caseload.selected_beneficiaries()} == {layla.id, leila.id}
    assert window.merge_action.isEnabled()
    seen: dict[str, object] = {}

    def choose_and_merge(dialog) -> None:
        survivor, merged = dialog.plan.survivor, dialog.plan.merged
        seen["survivor"] = survivor.id
        # The rows that differ are highlighted and open to choice; equal ones are not.
        assert {"first_name", "phone", "address"} <= set(dialog.differing)
        assert "last_name" not in dialog.differing
        last_name = dialog.radios["last_name"]
        assert not last_name[0].isEnabled() and "fff1c2" not in last_name[0].styleSheet()
        assert "fff1c2" in dialog.radios["phone"][0].styleSheet()
        # Keys: focus starts on the first differing row's "stays" side; the arrow key
        # takes the other record's value, Tab goes on to the next row.
        first_row = dialog.differing[0]
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.radios[first_row][0])
        if os.environ.get("CASELOAD_SCREENSHOTS"):
            dialog.grab().save(str(SHOTS / "merge.png"))
        # The arrow keys move between the row's two sides, and choose.
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
        assert dialog.radios[first_row][1].isChecked()
        assert dialog.taken() == [first_row]
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
        assert dialog.radios[first_row][0].isChecked() and dialog.taken() == []
        keep_phone_from = "merged" if merged.phone else "survivor"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert isinstance(QApplication.focusWidget(), QRadioButton)
        # A click on the phone of the record that has one.
        radio = dialog.radios["phone"][1 if keep_phone_from == "merged" else 0]
        qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))  # its circle
        seen["taken"] = dialog.taken()
        assert seen["taken"] == ["phone"], seen
        qtbot.keyClick(dialog.merge_button, Qt.Key.Key_Return)

    _when_open(window, "merge_dialog", choose_and_merge)
    with changes_applied(qtbot):
        qtbot.keyClick(
            window,
            Qt.Key.Key_M,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    survivor_id = seen["survivor"]
    merged_id = leila.id if survivor_id == layla.id else layla.id
    sam = office.services("sam")
    kept = sam.beneficiaries.get(survivor_id)
    assert kept.phone == "+961 3 123456"
    assert [s.id for s in sam.case_sessions.timeline(survivor_id)] == [visit.id]
    assert window.model.row_of(merged_id) < 0
    qtbot.waitUntil(lambda: window.detail.beneficiary is not None)
    assert window.detail.beneficiary.id == survivor_id
    assert window.detail.merge_notice.isVisible()
    assert "merged into this one" in window.detail.merge_notice.text()
    assert window.undo_merge_action.isEnabled()

    def confirm(box) -> None:
        (undo,) = [b for b in box.buttons() if "Undo merge" in b.text().replace("&", "")]
        qtbot.mouseClick(undo, LEFT)

    answer_when_shown(window, "question_box", confirm)
    with changes_applied(qtbot):
        window.undo_merge_action.trigger()
    assert sam.beneficiaries.get(merged_id).merged_into is None
    assert [s.id for s in sam.case_sessions.timeline(leila.id)] == [visit.id]
    qtbot.waitUntil(lambda: window.model.row_of(merged_id) >= 0)
    sam.close()


def test_a_caseworker_has_no_merge(qtbot, controller, office, twins):
    window = log_in(qtbot, controller, "cara")
    assert not window.merge_action.isVisible()
    assert not window.duplicate_scan_action.isVisible()


def test_the_possible_duplicates_window_scans_and_merges_by_keys(qtbot, controller, office, twins):
    layla, leila, _visit = twins
    colin = office.services("colin")
    for first, phone in (("Mohamed", "+20 100 555 0101"), ("Muhammad", "0100 555 0101")):
        colin.beneficiaries.create({"first_name": first, "last_name": "Salah", "phone": phone})
    for first, born in (("Grace", date(1979, 1, 2)), ("Grace", date(1985, 7, 9))):
        colin.beneficiaries.create(
            {"first_name": first, "last_name": "Okafor", "date_of_birth": born}
        )  # the same name, two people: not a pair
    colin.close()
    window = log_in(qtbot, controller, "sam")
    window.duplicate_scan_action.trigger()
    scan = window.duplicate_scan_window
    qtbot.waitUntil(lambda: scan.operation is None and bool(scan.pairs), timeout=20_000)
    assert scan.progress_bar.value() == scan.progress_bar.maximum()
    assert not scan.stop_button.isEnabled() and scan.scan_button.isEnabled()
    assert [{p.first.full_name, p.second.full_name} for p in scan.pairs] == [
        {"Mohamed Salah", "Muhammad Salah"},
        {"Layla Haddad", "Leila Haddad"},
    ]
    assert "same phone number" in scan.table.item(0, 6).text()
    assert "same date of birth" in scan.table.item(1, 6).text()
    assert scan.status.text() == "2 possible pair(s)."
    if os.environ.get("CASELOAD_SCREENSHOTS"):
        scan.grab().save(str(SHOTS / "possible-duplicates.png"))
    qtbot.keyClick(scan.table, Qt.Key.Key_Down)  # the Haddads

    # Enter opens the merge; Escape there changes nothing.
    _when_open(scan, "merge_dialog", lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    qtbot.keyClick(scan.table, Qt.Key.Key_Return)
    assert len(scan.pairs) == 2

    # Enter again, and Enter in the dialog merges with the kept record's values.
    def merge_haddads(dialog) -> None:
        assert {dialog.plan.survivor.id, dialog.plan.merged.id} == {layla.id, leila.id}
        qtbot.keyClick(dialog.merge_button, Qt.Key.Key_Return)

    _when_open(scan, "merge_dialog", merge_haddads)
    with changes_applied(qtbot):
        qtbot.keyClick(scan.table, Qt.Key.Key_Return)
    assert [p.first.full_name for p in scan.pairs] in (["Mohamed Salah"], ["Muhammad Salah"])
    assert scan.merged_ids in ([layla.id], [leila.id])
    assert scan.status.text() == "1 possible pair(s)."
    qtbot.keyClick(scan, Qt.Key.Key_Escape)
    assert not scan.isVisible()


def test_the_registration_duplicate_dialog_merges_two_of_its_matches(
    qtbot, controller, office, twins
):
    layla, leila, _visit = twins
    window = log_in(qtbot, controller, "sam")
    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    qtbot.keyClicks(form.field("first_name"), "Layla")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    seen: list[str] = []

    def in_duplicates() -> None:
        shown = [d for d in form.findChildren(DuplicatesDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(20, in_duplicates)
            return
        (dialog,) = shown
        table = dialog.table
        assert dialog.merge_button.isVisible() and not dialog.merge_button.isEnabled()
        # Click the first match, Ctrl+click the second: the two are one person too.
        for row, modifier in (
            (0, Qt.KeyboardModifier.NoModifier),
            (1, Qt.KeyboardModifier.ControlModifier),
        ):
            rect = table.visualRect(table.model().index(row, 1))
            qtbot.mouseClick(table.viewport(), LEFT, modifier, rect.center())
        assert dialog.merge_button.isEnabled()
        seen.append("duplicates")
        _when_open(form, "merge_dialog", lambda d: qtbot.mouseClick(d.merge_button, LEFT))
        qtbot.mouseClick(dialog.merge_button, LEFT)

    QTimer.singleShot(0, in_duplicates)
    with changes_applied(qtbot):
        form.submit()
    assert seen == ["duplicates"]
    sam = office.services("sam")
    assert all(sam.merges.undoable(p) is not None for p in (layla.id, leila.id))
    qtbot.waitUntil(lambda: not form.saving)
    assert form.isVisible()  # back to the new registration: nothing registered yet
    sam.close()
