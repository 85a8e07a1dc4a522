"""Registering someone who may already be here: the dialog, and each of its three ways out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer

from desktop.ui.duplicates_dialog import DuplicatesDialog
from tests.desktop.ui.conftest import closed
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
AMINATA = {"first_name": "Aminata", "last_name": "Diallo", "date_of_birth": date(1988, 3, 14)}


def answer_duplicates(qtbot, form, button: str, seen: list) -> None:
    """When the dialog opens (modal, inside Save), records what it shows and clicks ``button``."""

    def click() -> None:
        shown = [d for d in form.findChildren(DuplicatesDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(20, click)
            return
        (dialog,) = shown
        table = dialog.table
        seen.append(
            {
                "rows": [
                    [table.item(r, c).text() for c in range(table.columnCount())]
                    for r in range(table.rowCount())
                ],
                "can_open": dialog.open_button.isEnabled(),
                "dialog": dialog,
            }
        )
        if button == "screenshot":
            dialog.grab().save("/tmp/duplicates-dialog.png")
            button_name = "go_back"
        else:
            button_name = button
        qtbot.mouseClick(dialog.findChild(type(dialog.open_button), button_name), LEFT)

    QTimer.singleShot(0, click)


def new_form(window, qtbot, first: str, last: str):
    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    qtbot.keyClicks(form.field("first_name"), first)
    qtbot.keyClicks(form.field("last_name"), last)
    return form


def test_go_back_register_anyway_or_open_the_existing_record(
    qtbot, controller, office, shown_messages
):
    existing = office.services("cara").beneficiaries.create(AMINATA)
    window = log_in(qtbot, controller, "cara")
    seen: list = []

    form = new_form(window, qtbot, "Aminatta", "Dialo")
    answer_duplicates(qtbot, form, "screenshot", seen)
    qtbot.mouseClick(form.save_button, LEFT)
    (first,) = seen
    assert first["rows"] == [
        [existing.case_number, "Aminata Diallo", "1988-03-14", "Cara Caseworker", "similar name"]
    ]
    assert first["can_open"]
    assert form.isVisible() and window.model.total == 1, "Go back: nothing registered"

    answer_duplicates(qtbot, form, "register_anyway", seen)
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: closed(form), timeout=5_000)
    assert window.model.total == 2

    form = new_form(window, qtbot, "Aminata", "Diallo")
    answer_duplicates(qtbot, form, "open_existing", seen)
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: closed(form), timeout=5_000)
    assert shown_messages == []
    assert window.model.total == 2, "Open: nothing registered"
    assert window.current_beneficiary().id in {existing.id, seen[-1]["dialog"].matches[0].id}
    assert window.current_beneficiary().full_name == "Aminata Diallo"


def test_another_caseload_is_named_but_cannot_be_opened(qtbot, controller, office):
    colins = office.services("colin").beneficiaries.create(AMINATA)
    window = log_in(qtbot, controller, "cara")
    seen: list = []
    form = new_form(window, qtbot, "Aminata", "Diallo")
    answer_duplicates(qtbot, form, "go_back", seen)
    qtbot.mouseClick(form.save_button, LEFT)
    (shown,) = seen
    assert shown["rows"] == [
        [colins.case_number, "(another caseload)", "", "Colin Caseworker", "same name"]
    ]
    assert not shown["can_open"]
    assert form.isVisible() and window.model.total == 0


def test_no_dialog_when_nobody_matches(qtbot, controller, office):
    office.services("cara").beneficiaries.create(AMINATA)
    window = log_in(qtbot, controller, "cara")
    form = new_form(window, qtbot, "Fatou", "Sow")
    dialogs: list = []
    # Read when the save is done, before the form closes and deletes itself (a modal
    # dialog shown inside Save would also have kept the form from closing at all).
    form.saved.connect(lambda _record: dialogs.extend(form.findChildren(DuplicatesDialog)))
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: closed(form), timeout=5_000)
    assert window.model.total == 2 and dialogs == []
