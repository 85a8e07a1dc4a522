"""The UI gets its work done one way: an Operation on the worker pool, then the one
"changes applied" signal that refreshes the list, the detail and the status bar. The UI
is handed services, never the store, and its modules import each other one way."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import UserError
from desktop.ui.operations import Applied, Operation, changes
from tests.desktop.ui.conftest import answer_when_shown, changes_applied
from tests.desktop.ui.test_windows import log_in, names_in

UI = Path(__file__).resolve().parents[3] / "desktop" / "ui"
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def ui_modules() -> dict[str, ast.Module]:
    """Every module of desktop/ui by dotted name, parsed."""
    modules = {}
    for path in sorted(UI.rglob("*.py")):
        name = ".".join(path.relative_to(UI.parents[1]).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"))
    return modules


def imported(tree: ast.Module) -> set[str]:
    """The modules a module imports anywhere in it (inside functions too)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_ui_module_imports_the_store_or_holds_its_database():
    offenders = []
    for name, tree in ui_modules().items():
        for module in imported(tree):
            if module == "desktop.store" or module.startswith("desktop.store."):
                offenders.append(f"{name} imports {module}")
        for node in ast.walk(tree):
            # A LoginSession's or a service's database: the UI is handed services only.
            if isinstance(node, ast.Attribute) and node.attr in ("db", "_db"):
                offenders.append(f"{name} line {node.lineno} reaches .{node.attr}")
    assert offenders == []


def test_users_dialog_does_not_reach_back_to_the_main_window():
    modules = ui_modules()
    graph = {name: {m for m in imported(tree) if m in modules} for name, tree in modules.items()}
    assert "desktop.ui.users_dialog" in graph["desktop.ui.main_window"]
    reached, todo = set(), ["desktop.ui.users_dialog"]
    while todo:
        for target in graph[todo.pop()] - reached:
            reached.add(target)
            todo.append(target)
    assert "desktop.ui.main_window" not in reached


def beneficiary_row_click(qtbot, window, full_name: str) -> None:
    view = window.caseload.view
    model = window.model
    (row,) = [r for r in range(model.rowCount()) if model.beneficiary_at(r).full_name == full_name]
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row, 0)).center())
    assert window.detail.beneficiary.full_name == full_name


def test_an_edit_saved_in_the_form_refreshes_list_detail_and_status_bar(qtbot, controller, office):
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    assert window.pending_label.text() == "1 change waiting to sync"
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    # Written behind the window's back: only a refresh shows it.
    office.services("cara").beneficiaries.create({"first_name": "Olena", "last_name": "Melnyk"})
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = window.open_forms()[-1]
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    first_name = form.field("first_name")
    first_name.selectAll()
    qtbot.keyClicks(first_name, "Aminata")
    with changes_applied(qtbot) as blocker:
        qtbot.keyClick(first_name, Qt.Key.Key_S, CTRL)
    assert blocker.args[0].show_id == window.detail.beneficiary.id
    assert names_in(window) == {"Aminata Haddad", "Olena Melnyk"}
    assert window.detail.beneficiary.full_name == "Aminata Haddad"
    assert window.statusBar().currentMessage().startswith("Saved ")
    assert window.pending_label.text() == "2 changes waiting to sync"


def test_a_delete_runs_in_the_background_and_the_signal_refreshes_everything(
    qtbot, controller, office
):
    sam = office.services("sam")
    sam.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    sam.beneficiaries.create({"first_name": "Olena", "last_name": "Melnyk"})
    window = log_in(qtbot, controller, "sam")
    assert window.pending_label.text() == "2 changes waiting to sync"
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    sam.beneficiaries.create({"first_name": "Yusuf", "last_name": "Haddock"})  # behind its back

    def press_delete(box: QMessageBox) -> None:
        delete = next(b for b in box.buttons() if b.text().replace("&", "") == "Delete")
        qtbot.mouseClick(delete, LEFT)

    answer_when_shown(window, "confirm_box", press_delete)
    with changes_applied(qtbot) as blocker:
        window.delete_action.trigger()
    assert blocker.args[0] == Applied(removed_id=blocker.args[0].removed_id, message="Deleted.")
    assert names_in(window) == {"Olena Melnyk", "Yusuf Haddock"}
    assert window.detail.beneficiary is None and not window.edit_action.isEnabled()
    assert window.statusBar().currentMessage() == "Deleted."
    assert window.pending_label.text() == "3 changes waiting to sync"  # the deletion too


def test_a_change_made_elsewhere_shows_once_the_signal_says_so(qtbot, controller, office):
    """The window refreshes from the signal alone: whoever announces a change."""
    sam = office.services("sam")
    amina = sam.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "sam")
    beneficiary_row_click(qtbot, window, "Amina Haddad")
    sam.beneficiaries.update(amina.id, {"phone": "+49 30 7654321"})
    sam.beneficiaries.create({"first_name": "Olena", "last_name": "Melnyk"})
    assert "Olena Melnyk" not in names_in(window)  # nobody said so yet
    assert window.pending_label.text() == "1 change waiting to sync"
    changes().applied.emit(Applied(message="Changed elsewhere."))
    assert names_in(window) == {"Amina Haddad", "Olena Melnyk"}
    assert window.detail.beneficiary.phone == "+49 30 7654321"  # the shown record, again
    assert window.statusBar().currentMessage() == "Changed elsewhere."
    assert window.pending_label.text() == "2 changes waiting to sync"


def test_an_operation_runs_off_the_gui_thread_and_reports_in_it(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[int, int]] = []
    announced: list[Applied] = []
    changes().applied.connect(announced.append)
    try:
        operation = Operation(owner, threading.get_ident).applies(Applied(message="done"))
        operation.success(lambda worker_thread: seen.append((worker_thread, threading.get_ident())))
        operation.run_in_background()
        assert operation.running
        qtbot.waitUntil(lambda: not operation.running, timeout=5_000)
        ((worker_thread, reported_in),) = seen
        assert worker_thread != threading.get_ident() and reported_in == threading.get_ident()
        assert announced == [Applied(message="done")] and not operation.running
    finally:
        changes().applied.disconnect(announced.append)


def test_a_failure_is_shown_over_the_owner_and_nothing_follows_once_it_is_gone(
    qtbot, shown_messages
):
    owner = QWidget()
    qtbot.addWidget(owner)

    def refuse() -> None:
        raise UserError("The record was changed meanwhile.")

    refused = Operation(owner, refuse)
    refused.run_in_background()
    qtbot.waitUntil(lambda: not refused.running, timeout=5_000)
    assert shown_messages == [("user", "The record was changed meanwhile.")]

    gone = QWidget()
    reported: list[object] = []
    late = Operation(gone, lambda: "result").success(reported.append).failure(reported.append)
    late.run_in_background()
    shiboken6.delete(gone)  # the window closed before the work came back
    qtbot.waitUntil(lambda: not late.running, timeout=5_000)
    assert reported == []


def test_record_actions_wait_while_one_runs(qtbot, controller, office):
    office.services("sam").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "sam")
    beneficiary_row_click(qtbot, window, "Amina Haddad")

    def moved_away(dialog) -> None:  # the close dialog asks why
        qtbot.keyClicks(dialog.reason_box, "Moved")
        qtbot.keyClick(dialog.reason_box, Qt.Key.Key_Return)

    answer_when_shown(window, "close_dialog", moved_away)
    with changes_applied(qtbot):
        qtbot.keyClick(window, Qt.Key.Key_K, CTRL)  # Close case
        # Until the close is done, the record's actions wait: a second press does nothing.
        assert window.record_operation is not None
        assert not window.close_case_action.isEnabled() and not window.delete_action.isEnabled()
        qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.record_operation is None
    assert window.detail.beneficiary.status.value == "closed"
    assert window.reopen_action.isEnabled() and window.delete_action.isEnabled()
    assert [e.action for e in window.detail.audit_model._rows].count("close") == 1


def test_the_sync_modules_import_first_though_services_hand_out_their_objects():
    # Services carries the sync account and the conflicts; the sync modules import
    # services. Either may be the first a process imports (the CLI, a worker).
    import subprocess
    import sys

    for module in ("desktop.services.conflicts", "desktop.sync.records", "desktop.services"):
        result = subprocess.run(
            [sys.executable, "-c", f"import {module}"], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
