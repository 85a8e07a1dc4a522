"""The caseload list reaches its last record at once: keys and the scroll bar (issue 17.8)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.caseload import CaseloadPanel
from desktop.ui.models.beneficiary_table import (
    CACHED_PAGES,
    COL_CASE_NUMBER,
    COL_NEXT_FOLLOW_UP,
    PAGE_SIZE,
    BeneficiaryTableModel,
)

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def shown_panel(qtbot, service) -> CaseloadPanel:
    panel = CaseloadPanel(BeneficiaryTableModel(service))
    qtbot.addWidget(panel)
    panel.resize(800, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.setFocus()
    panel.select_row(0)
    return panel


def service_row(service, query, row: int):
    """The service's own row at ``row`` (OFFSET paging, in list order)."""
    return service.list_page(query, row, 1, with_total=False).rows[0]


def click_header(qtbot, panel, column: int) -> None:
    header = panel.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, 5))


def test_ctrl_end_selects_the_last_record_and_ctrl_home_the_first(qtbot, big_admin):
    service = big_admin.beneficiaries
    panel = shown_panel(qtbot, service)
    view, model = panel.view, panel.model
    first = panel.current_beneficiary()

    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)  # one key press
    last = service_row(service, model.query, 9_999)
    assert panel.current_beneficiary().id == last.id
    assert view.rowAt(view.viewport().height() - 2) == 9_999  # and it is in sight

    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    assert panel.current_beneficiary().id == first.id
    assert view.rowAt(1) == 0

    qtbot.keyClick(view, Qt.Key.Key_End)  # End alone: a list of rows has no last column
    assert panel.current_beneficiary().id == last.id
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert panel.current_beneficiary().id == first.id


def test_ctrl_end_reaches_the_end_with_nothing_selected_yet(qtbot, big_admin):
    service = big_admin.beneficiaries
    panel = CaseloadPanel(BeneficiaryTableModel(service))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.current_beneficiary() is None  # the list as it opens
    qtbot.keyClick(panel.view, Qt.Key.Key_End, CTRL)
    last = service_row(service, panel.model.query, 9_999)
    assert panel.current_beneficiary().id == last.id


def test_ctrl_end_in_other_orders_is_the_services_last_row(qtbot, big_admin):
    service = big_admin.beneficiaries
    panel = shown_panel(qtbot, service)
    view, model = panel.view, panel.model
    # Follow-up dates are often empty (NULLs sort first, descending last); case numbers not.
    for column in (COL_NEXT_FOLLOW_UP, COL_NEXT_FOLLOW_UP, COL_CASE_NUMBER):
        click_header(qtbot, panel, column)
        qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
        assert panel.current_beneficiary().id == service_row(service, model.query, 9_999).id
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
        row = view.currentIndex().row()
        assert 9_900 < row < 9_999
        assert panel.current_beneficiary().id == service_row(service, model.query, row).id


def test_page_down_moves_a_screenful_and_on(qtbot, big_admin):
    service = big_admin.beneficiaries
    panel = shown_panel(qtbot, service)
    view, model = panel.view, panel.model
    rows = [view.currentIndex().row()]
    for _ in range(12):  # past the first page of 200 rows
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        rows.append(view.currentIndex().row())
    steps = {b - a for a, b in itertools.pairwise(rows)}
    assert len(steps) == 1 and 10 < steps.pop() < 40  # a screenful each time
    assert rows[-1] > PAGE_SIZE
    assert panel.current_beneficiary().id == service_row(service, model.query, rows[-1]).id


def test_the_scroll_bar_at_its_maximum_shows_the_last_rows(qtbot, big_admin):
    service = big_admin.beneficiaries
    panel = shown_panel(qtbot, service)
    view, model = panel.view, panel.model
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the handle dragged to the bottom
    QApplication.processEvents()
    view.viewport().grab()  # painted: the view asked for the rows it shows
    bottom = view.rowAt(view.viewport().height() - 2)
    assert bottom == 9_999
    top = view.rowAt(1)
    for row in (top, bottom):
        text = model.index(row, COL_CASE_NUMBER).data()
        assert text == service_row(service, model.query, row).case_number

    # Dragged all the way down and back again: memory stays a few pages.
    for value in range(0, bar.maximum(), bar.maximum() // 60):
        bar.setValue(value)
        view.viewport().grab()
    assert model.loaded <= CACHED_PAGES * PAGE_SIZE
