"""Issue 14 point 6 in the real widgets: the detail's Household tab lists the members
(relationship, head marked), opens one by keys, adds an existing beneficiary, registers a
new member from a form pre-filled with the household's address and phone (no duplicate
warning for the shared phone), makes a member head and removes one, by keys and clicks."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.desktop.ui.conftest import changes_applied, closed
from tests.desktop.ui.test_form_saves import keyboard_form
from tests.desktop.ui.test_operations import beneficiary_row_click
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SCREENSHOT = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "household.png"
PHONE = "+961 3 123 456"
ADDRESS = "Rue Hamra 12, Beirut"
HIS_ADDRESS = "Rue Hamra 14, Beirut"


def _family(office):
    cara = office.services("cara")
    mother = cara.beneficiaries.create(
        {
            "first_name": "ليلى",
            "last_name": "حداد",
            "phone": PHONE,
            "address": ADDRESS,
            "date_of_birth": "1984-05-02",
        }
    )
    son = cara.beneficiaries.create(
        {
            "first_name": "Omar",
            "last_name": "Haddad",
            "phone": PHONE,
            "address": HIS_ADDRESS,
            "date_of_birth": "2010-06-15",
        }
    )
    daughter = cara.beneficiaries.create(
        {"first_name": "Nour", "last_name": "Haddad", "date_of_birth": "2013-09-01"}
    )
    cara.beneficiaries.create(
        {"first_name": "Salma", "last_name": "Khoury", "phone": "+961 1 765 432"}
    )
    cara.households.link(son.id, to=mother.id, relationship="child", to_relationship="parent")
    cara.households.link(daughter.id, to=mother.id, relationship="child")
    cara.close()
    return mother, son, daughter


def _texts(panel) -> list[str]:
    return [panel.members.item(row).text() for row in range(panel.members.count())]


def _choose_member(qtbot, panel, name: str) -> None:
    (row,) = [r for r, text in enumerate(_texts(panel)) if name in text]
    view = panel.members
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualItemRect(view.item(row)).center())
    assert name in panel.current_member().name


def _answer_relationship(qtbot, label: str) -> None:
    """Picks ``label`` in the relationship question once it is shown, by keys."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.setTextValue(label)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_the_household_tab_shows_opens_adds_registers_heads_and_removes(qtbot, controller, office):
    mother, son, _daughter = _family(office)
    window = log_in(qtbot, controller, "cara")
    beneficiary_row_click(qtbot, window, "ليلى حداد")
    detail, panel = window.detail, window.detail.household
    tabs = detail.tabs
    index = tabs.indexOf(panel)
    assert tabs.tabText(index) == "Household (3)"
    qtbot.mouseClick(tabs.tabBar(), LEFT, pos=tabs.tabBar().tabRect(index).center())
    assert tabs.currentWidget() is panel
    assert _texts(panel) == [
        f"★ Head of household · ليلى حداد · Parent · {mother.case_number} · this record",
        f"Nour Haddad · Child · {_daughter.case_number}",
        f"Omar Haddad · Child · {son.case_number}",
    ]
    assert panel.members.item(0).font().bold() and not panel.problem.isVisible()

    # A member opens by keys: Down to Omar, Enter.
    panel.members.setFocus()
    qtbot.keyClick(panel.members, Qt.Key.Key_Down)
    qtbot.keyClick(panel.members, Qt.Key.Key_Down)
    qtbot.keyClick(panel.members, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.beneficiary.id == son.id)
    assert f"Omar Haddad · Child · {son.case_number} · this record" in _texts(panel)

    # Make head, by a click, from Omar's own detail.
    _choose_member(qtbot, panel, "Omar Haddad")
    with changes_applied(qtbot):
        qtbot.mouseClick(panel.head_button, LEFT)
    qtbot.waitUntil(lambda: _texts(panel)[0].startswith("★ Head of household · Omar Haddad"))
    assert sum(t.startswith("★") for t in _texts(panel)) == 1

    # Add an existing beneficiary: find by name, Down, Enter.
    qtbot.mouseClick(panel.add_button, LEFT)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    qtbot.keyClicks(dialog.search, "Khoury")
    qtbot.waitUntil(lambda: dialog.found.count() == 1)
    dialog.relationship_box.setCurrentIndex(dialog.relationship_box.findText("Guardian"))
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    with changes_applied(qtbot):
        qtbot.keyClick(dialog.found, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("Salma Khoury · Guardian" in t for t in _texts(panel)))

    # Register a new member: the form starts with the head's address and phone, and the
    # shared phone does not stop the save as a possible duplicate.
    _answer_relationship(qtbot, "Child")
    qtbot.mouseClick(panel.register_button, LEFT)
    qtbot.waitUntil(lambda: len(window.open_forms()) == 1)
    form = keyboard_form(qtbot, window)
    assert form.field("phone").text() == PHONE
    assert form.field("address").toPlainText() == HIS_ADDRESS  # the head's (Omar's)
    qtbot.keyClicks(form.field("first_name"), "Yara")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    with changes_applied(qtbot):
        qtbot.keyClick(form.field("last_name"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form))
    qtbot.waitUntil(lambda: detail.beneficiary.full_name == "Yara Haddad")
    assert detail.tabs.tabText(detail.tabs.indexOf(panel)) == "Household (5)"
    assert any(t.startswith("Yara Haddad · Child") for t in _texts(panel))

    # Remove a member: chosen, then the button (the head stays while others remain).
    _choose_member(qtbot, panel, "Salma Khoury")
    with changes_applied(qtbot):
        qtbot.mouseClick(panel.remove_button, LEFT)
    qtbot.waitUntil(lambda: not any("Salma Khoury" in t for t in _texts(panel)))
    assert len(window.services.households.household_of(son.id).members) == 4


def test_without_a_household_the_form_starts_from_the_shown_record_and_a_screenshot(
    qtbot, controller, office
):
    mother, _son, _daughter = _family(office)
    window = log_in(qtbot, controller, "cara")
    beneficiary_row_click(qtbot, window, "Salma Khoury")
    panel = window.detail.household
    window.detail.tabs.setCurrentWidget(panel)
    assert _texts(panel) == ["Not in a household."]
    assert not panel.head_button.isEnabled() and panel.register_button.isEnabled()
    _answer_relationship(qtbot, "Spouse")
    panel.register_button.setFocus()
    qtbot.keyClick(panel.register_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(window.open_forms()) == 1)
    form = keyboard_form(qtbot, window)
    assert form.field("phone").text() == "+961 1 765 432"
    form.reject()
    qtbot.waitUntil(lambda: closed(form))

    salma = window.detail.beneficiary
    window.services.households.link(salma.id, to=mother.id, relationship="guardian")
    beneficiary_row_click(qtbot, window, "ليلى حداد")
    window.detail.tabs.setCurrentWidget(panel)
    assert len(_texts(panel)) == 4
    _choose_member(qtbot, panel, "Omar Haddad")
    if os.environ.get("CASELOAD_SCREENSHOTS"):
        window.resize(1240, 720)
        qtbot.wait(50)
        window.grab().save(str(SCREENSHOT))
