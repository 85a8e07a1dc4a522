"""The caseload list's cell painting (desktop/ui/text_cells.py) looks as Qt's own does.

The list draws each cell's text as a laid-out-once ``QStaticText``; these render the same
table with Qt's delegate and with ours and compare the pixels: plain, selected, shortened
with "…", Arabic names, and a right-to-left window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyledItemDelegate, QTableView

from desktop.ui.caseload import CaseloadPanel
from desktop.ui.models.beneficiary_table import BeneficiaryTableModel
from desktop.ui.text_cells import TextCellDelegate
from desktop.ui.widgets import select_row

TEXTS = (
    "Olena Kovalenko",
    "أحمد محمود",  # an Arabic name in a left-to-right window
    "García, José",
    "2026-01-01",
    "Nguyễn Văn An, a name far too long for its column",
    "",
)


def table(qtbot, delegate: bool, rtl: bool) -> QTableView:
    model = QStandardItemModel(0, 6)
    for row in range(12):
        model.appendRow([QStandardItem(TEXTS[(row + c) % len(TEXTS)]) for c in range(6)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    for column in range(6):
        view.horizontalHeader().resizeSection(column, 120)
    view.setItemDelegate(TextCellDelegate(view) if delegate else QStyledItemDelegate(view))
    view.resize(760, 330)
    view.show()
    qtbot.waitExposed(view)
    select_row(view, 2)  # the app's way (QTableView.selectRow misses under RTL)
    view.activateWindow()
    view.setFocus()  # the current cell gets its keyboard focus frame
    QApplication.processEvents()
    return view


def gray(image: QImage) -> tuple[bytes, int, int]:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())
    return b"".join(data[y * stride : y * stride + width] for y in range(height)), width, height


def differing(first: QImage, second: QImage) -> float:
    """The share of pixels of ``first`` that differ clearly (by more than 48 of 255 in
    lightness) from ``second`` at the same place and at both horizontal neighbours: a glyph
    placed a fraction of a pixel apart is the same text."""
    ours, width, height = gray(first)
    theirs, width2, height2 = gray(second)
    assert (width, height) == (width2, height2)
    count = 0
    for at, value in enumerate(ours):
        if abs(value - theirs[at]) <= 48:
            continue
        x = at % width
        left = theirs[at - 1] if x > 0 else theirs[at]
        right = theirs[at + 1] if x < width - 1 else theirs[at]
        if abs(value - left) > 48 and abs(value - right) > 48:
            count += 1
    return count / (width * height)


def ink_columns(image: QImage, view: QTableView, row: int, column: int) -> list[int]:
    """The x positions inside one cell where its text left dark pixels."""
    rect = view.visualRect(view.model().index(row, column))
    xs = []
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top() + 4, rect.bottom() - 4):
            if image.pixelColor(x, y).lightness() < 110:
                xs.append(x)
                break
    return xs


@pytest.mark.parametrize("rtl", [False, True], ids=["left-to-right", "right-to-left"])
def test_cells_look_as_qts_own_painting(qtbot, rtl):
    ours_view, qts_view = table(qtbot, True, rtl), table(qtbot, False, rtl)
    ours = ours_view.viewport().grab().toImage()
    qts = qts_view.viewport().grab().toImage()
    # Glyph edges may land a pixel apart; the text, the shortening with "…", the
    # selection and the alternating rows must be the same.
    assert differing(ours, qts) < 0.001
    highlight = ours_view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    inside = ours_view.visualRect(ours_view.model().index(2, 0)).topLeft()
    # The selected row, as Qt paints it.
    assert ours.pixelColor(inside.x() + 3, inside.y() + 3) == highlight


def test_text_sits_at_the_leading_edge_of_its_cell(qtbot):
    for rtl in (False, True):
        view = table(qtbot, delegate=True, rtl=rtl)
        image = view.viewport().grab().toImage()
        rect = view.visualRect(view.model().index(0, 0))
        ink = ink_columns(image, view, 0, 0)  # "Olena Kovalenko"
        assert ink, "the cell's text is drawn"
        if rtl:
            assert rect.right() - max(ink) < 10 and min(ink) - rect.left() > 12
        else:
            assert min(ink) - rect.left() < 10 and rect.right() - max(ink) > 12


def test_the_caseload_list_paints_with_it(qtbot):
    panel = CaseloadPanel(BeneficiaryTableModel())
    qtbot.addWidget(panel)
    assert isinstance(panel.view.itemDelegate(), TextCellDelegate)
