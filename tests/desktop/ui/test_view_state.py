"""The record a person had open survives sorting and locking; each user keeps their own view."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.login import LoginDialog
from desktop.ui.models.beneficiary_table import COL_CASE_NUMBER, COL_FIRST_NAME
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import submit_login
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
FIRST_NAMES = ["Amina", "Bea", "Chidi", "Dana", "Emre", "Farah"]


def register(office, username: str = "cara") -> None:
    services = office.services(username)
    for first, last in zip(FIRST_NAMES, reversed(FIRST_NAMES), strict=True):
        services.beneficiaries.create({"first_name": first, "last_name": last + "son"})


def select_first_name(window, first_name: str) -> None:
    model = window.model
    row = next(
        r for r in range(model.rowCount()) if model.beneficiary_at(r).first_name == first_name
    )
    window.caseload.select_row(row)
    assert window.detail.beneficiary.first_name == first_name


def click_header(qtbot, window, column: int) -> None:
    header = window.caseload.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, 5))


def test_sorting_keeps_the_open_record(qtbot, controller, office):
    register(office)
    window = log_in(qtbot, controller, "cara")
    select_first_name(window, "Chidi")
    click_header(qtbot, window, COL_FIRST_NAME)
    assert window.model.query.sort.name == "FIRST_NAME"
    assert window.caseload.current_beneficiary().first_name == "Chidi"
    assert window.detail.beneficiary.first_name == "Chidi"
    click_header(qtbot, window, COL_FIRST_NAME)  # descending now
    assert window.model.query.descending
    assert window.caseload.current_beneficiary().first_name == "Chidi"


def test_unlocking_reopens_the_record(qtbot, controller, office):
    register(office)
    window = log_in(qtbot, controller, "cara")
    select_first_name(window, "Emre")
    window.lock()
    assert window.detail.beneficiary is None  # nothing personal shown while locked
    qtbot.keyClicks(window.lock_screen.password, PASSWORDS["cara"])
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert window.detail.beneficiary.first_name == "Emre"
    assert window.caseload.current_beneficiary().first_name == "Emre"


def test_each_user_keeps_their_own_sort_order(qtbot, controller, office, settings):
    register(office, "cara")
    window = log_in(qtbot, controller, "cara")
    click_header(qtbot, window, COL_CASE_NUMBER)
    assert window.model.query.sort.name == "CASE_NUMBER"
    window.switch_user()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    submit_login(qtbot, controller.dialog, "sam", PASSWORDS["sam"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.window.model.query.sort.name == "LAST_NAME"  # sam's own (default)
    controller.window.switch_user()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, LoginDialog))
    submit_login(qtbot, controller.dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.window.model.query.sort.name == "CASE_NUMBER"  # cara's, kept
    per_user = [k for k in settings.store.allKeys() if k.startswith("users/")]
    assert per_user and all(k.count("/") >= 3 for k in per_user)


def test_down_from_the_search_box_reaches_the_results(qtbot, controller, office):
    register(office)
    window = log_in(qtbot, controller, "cara")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.caseload.search, "farah")
    qtbot.keyClick(window.caseload.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.caseload.view
    assert window.caseload.current_beneficiary().first_name == "Farah"
    qtbot.keyClick(window.caseload.view, Qt.Key.Key_Return)  # Enter opens it
    form = window.open_forms()[-1]
    assert form.beneficiary.first_name == "Farah"
