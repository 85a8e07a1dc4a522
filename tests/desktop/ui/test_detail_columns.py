"""The detail's two columns of rows sit side by side only when both fit the panel: in a
narrow one (the main window at 1280 pixels with the list beside it) the case's column,
with the address and the sync state, was cut off at the scroll area's edge."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QBoxLayout

from desktop.ui.detail import BeneficiaryDetail

LONG = {
    "first_name": "Marie-Bernadette",
    "last_name": "Nkurunziza-Habimana",
    "email": "marie-bernadette.nkurunziza-habimana@example.org",
    "address": "Plot 1142, Nakawa Industrial Area, off Old Port Bell Road, Kampala",
    "phone": "+256 700 123456",
}


def _cut_off(detail: BeneficiaryDetail) -> list[str]:
    """The value labels whose right edge is past the record's visible width."""
    viewport = detail.record_scroll.viewport()
    cut = []
    for name, label in detail.values.items():
        right = label.mapTo(viewport, QPoint(label.width(), 0)).x()
        if label.isVisible() and label.text() and right > viewport.width():
            cut.append(name)
    return cut


def test_narrow_panel_stacks_the_columns_and_a_wide_one_keeps_them_side_by_side(qtbot, office):
    cara = office.services("cara")
    person = cara.beneficiaries.get(cara.beneficiaries.create(LONG).id)
    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    detail.resize(480, 700)
    detail.show()
    qtbot.waitExposed(detail)
    detail.show_beneficiary(person, [], None)
    qtbot.waitUntil(lambda: detail._columns.direction() == QBoxLayout.Direction.TopToBottom)
    assert detail.values["address"].text().startswith("Plot 1142")
    assert _cut_off(detail) == []

    detail.resize(1400, 700)
    qtbot.waitUntil(lambda: detail._columns.direction() == QBoxLayout.Direction.LeftToRight)
    assert _cut_off(detail) == []
    # Narrowed again by the person dragging the window's splitter: stacked again.
    detail.resize(480, 700)
    qtbot.waitUntil(lambda: detail._columns.direction() == QBoxLayout.Direction.TopToBottom)
    assert _cut_off(detail) == []
