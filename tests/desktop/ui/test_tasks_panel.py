"""Issue 14 point 2 in the real widgets: the overdue count at login, My tasks (Ctrl+T),
marking done with a note and dismissing with a reason by keys, the office's tasks."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.domain.enums import TaskState
from tests.desktop.ui.conftest import changes_applied
from tests.desktop.ui.test_windows import log_in

TODAY = date.today()
LEFT = Qt.MouseButton.LeftButton
SCREENSHOT = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "my-tasks.png"


def _office_with_tasks(office):
    cara, colin = office.services("cara"), office.services("colin")
    layla = cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    amina = cara.beneficiaries.create({"first_name": "Amina", "last_name": "Yusuf"})
    visit = cara.case_sessions.create(
        layla.id,
        {
            "starts_at": datetime.combine(TODAY - timedelta(days=20), datetime.min.time()),
            "kind": "home_visit",
            "status": "done",
            "follow_up_on": TODAY - timedelta(days=6),
        },
    )
    cara.tasks.create(amina.id, {"due_on": TODAY - timedelta(days=2), "title": "Call back"})
    cara.tasks.create(layla.id, {"due_on": TODAY, "title": "Send the housing form"})
    omar = colin.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    colin.tasks.create(omar.id, {"due_on": TODAY - timedelta(days=1), "title": "Visit"})
    for services in (cara, colin):
        services.close()
    return visit


def _tree_texts(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _answer(qtbot, panel, text: str) -> None:
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    qtbot.keyClicks(dialog.text, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with changes_applied(qtbot):
        qtbot.mouseClick(ok, LEFT)


def test_a_caseworker_sees_overdue_tasks_at_login_and_closes_them_by_keys(
    qtbot, controller, office
):
    _office_with_tasks(office)
    window = log_in(qtbot, controller, "cara")
    assert window.tasks_label.text() == "2 overdue tasks · My tasks: Ctrl+T"
    assert window.tasks_label.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    panel = window.tasks_panel
    qtbot.waitUntil(lambda: window.tasks_dock.isVisible())
    assert QApplication.focusWidget() is panel.mine
    assert _tree_texts(panel.mine) == ["Overdue (2)", "Today (1)", "This week (0)"]
    assert not panel.tabs.isTabVisible(panel.office_index)  # a caseworker: no office tab
    first = panel.current_task()
    assert (first.due_on, first.title) == (TODAY - timedelta(days=6), "")

    if os.environ.get("CASELOAD_SCREENSHOTS"):
        window.resize(1240, 680)
        qtbot.wait(50)
        window.grab().save(str(SCREENSHOT))

    # Done, with a note: Ctrl+Return on the chosen task.
    qtbot.keyClick(panel.mine, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _answer(qtbot, panel, "Visited; rent arrears plan agreed.")
    services = window.services
    assert services.tasks.get(first.id).state is TaskState.DONE
    assert services.tasks.get(first.id).done_note == "Visited; rent arrears plan agreed."
    assert _tree_texts(panel.mine) == ["Overdue (1)", "Today (1)", "This week (0)"]
    assert window.tasks_label.text() == "1 overdue task · My tasks: Ctrl+T"

    # Dismissed, with a reason: Delete; an empty reason is refused in the dialog.
    second = panel.current_task()
    assert second.title == "Call back"
    qtbot.keyClick(panel.mine, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    ok = panel.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    assert panel.dialog.isVisible() and panel.dialog.problem.isVisible()
    assert services.tasks.get(second.id).state is TaskState.OPEN
    _answer(qtbot, panel, "Reached her by phone yesterday.")
    assert services.tasks.get(second.id).state is TaskState.DISMISSED
    assert _tree_texts(panel.mine) == ["Overdue (0)", "Today (1)", "This week (0)"]
    assert not window.tasks_label.isVisible()

    # Enter opens the task's record in the detail.
    qtbot.keyClick(panel.mine, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.detail.beneficiary is not None
            and window.detail.beneficiary.last_name == "Haddad"
        )
    )


def test_a_supervisor_sees_the_offices_due_and_overdue_tasks_per_caseworker(
    qtbot, controller, office
):
    _office_with_tasks(office)
    window = log_in(qtbot, controller, "sam")
    assert not window.tasks_label.isVisible()  # none of sam's own
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    panel = window.tasks_panel
    qtbot.waitUntil(lambda: window.tasks_dock.isVisible())
    assert panel.tabs.isTabVisible(panel.office_index)
    qtbot.keyClick(panel.tabs, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert panel.tabs.currentWidget() is panel.office
    assert _tree_texts(panel.office) == [
        "Cara Caseworker: 2 overdue, 1 today, 0 later this week",
        "Colin Caseworker: 1 overdue, 0 today, 0 later this week",
    ]
    colin = panel.office.topLevelItem(1)
    assert colin.child(0).text(2).startswith("Omar Nasser (")
    assert colin.child(0).text(1) == "Visit"


def test_the_detail_shows_the_overdue_follow_up_of_an_older_session(qtbot, controller, office):
    """Before tasks: "Next follow-up: –" above an overdue follow-up of an older session."""
    cara = office.services("cara")
    person = cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    for days_ago, follow_up in ((30, TODAY - timedelta(days=9)), (3, None)):
        cara.case_sessions.create(
            person.id,
            {
                "starts_at": datetime.combine(
                    TODAY - timedelta(days=days_ago), datetime.min.time()
                ),
                "kind": "office",
                "status": "done",
                "follow_up_on": follow_up,
            },
        )
    cara.close()
    window = log_in(qtbot, controller, "cara")
    window.caseload.select_row(0)
    qtbot.waitUntil(lambda: window.detail.beneficiary is not None)
    overdue = (TODAY - timedelta(days=9)).isoformat()
    assert window.detail.values["next_follow_up_on"].text() == overdue
    assert window.detail.follow_ups.item(0).text().startswith(f"{overdue} (overdue)")
    follow_up = window.caseload.follow_up_filter
    follow_up.setCurrentIndex(follow_up.findData("today"))
    assert window.model.total == 1


def test_a_task_by_hand_for_the_beneficiary_shown(qtbot, controller, office, shown_messages):
    cara = office.services("cara")
    cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    cara.close()
    window = log_in(qtbot, controller, "cara")
    window.caseload.select_row(0)
    qtbot.waitUntil(lambda: window.detail.beneficiary is not None)
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: getattr(window, "task_dialog", None) is not None)
    dialog = window.task_dialog
    dialog.due.clear()
    qtbot.keyClicks(dialog.due, "31st of never")
    qtbot.keyClicks(dialog.title_edit, "Call about the housing application")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "Due" in dialog.problem.text()
    assert window.services.tasks.open_tasks() == []  # nothing written

    dialog.due.clear()
    qtbot.keyClicks(dialog.due, (TODAY - timedelta(days=1)).isoformat())
    with changes_applied(qtbot):
        qtbot.mouseClick(ok, LEFT)
    (task,) = window.services.tasks.open_tasks()
    assert (task.title, task.origin, task.due_on) == (
        "Call about the housing application",
        "manual",
        TODAY - timedelta(days=1),
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.tasks_label.text() == "1 overdue task · My tasks: Ctrl+T"
    assert window.detail.follow_ups.item(0).text().endswith(": Call about the housing application")
