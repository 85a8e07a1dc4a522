"""Issue 12 point 7 in the caseload panel: custom columns sorted by a header click, and a
filter combo per custom filter field, reached and changed with the keyboard."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.domain import forms
from desktop.domain.records import BeneficiaryQuery
from desktop.ui.caseload import CaseloadPanel
from desktop.ui.models.beneficiary_table import COLUMN_COUNT, BeneficiaryTableModel
from tests.desktop.test_custom_list import DEFINITION, custom  # noqa: F401 (the fixture)

LEFT = Qt.MouseButton.LeftButton
CUSTOM_HEADERS = ["Risk", "Household", "Intake", "Guardian"]


@pytest.fixture
def panel(qtbot, custom):  # noqa: F811
    sam, _login, _written = custom
    model = BeneficiaryTableModel()
    panel = CaseloadPanel(model)
    qtbot.addWidget(panel)
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    # As the main window binds a login: the service, and where the definition is read.
    model.set_service(sam.beneficiaries, forms=lambda: DEFINITION)
    return panel


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def click_header(qtbot, panel, column: int) -> None:
    header = panel.view.horizontalHeader()
    panel.view.scrollTo(panel.model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, 5))


def column_texts(model, column: int, rows: int) -> list[str]:
    return [model.index(row, column).data() for row in range(rows)]


def test_custom_columns_are_shown_and_sorted_by_a_header_click(qtbot, panel, custom):  # noqa: F811
    _sam, _login, written = custom
    model = panel.model
    assert headers(model)[COLUMN_COUNT:] == CUSTOM_HEADERS
    household = COLUMN_COUNT + CUSTOM_HEADERS.index("Household")
    risk = COLUMN_COUNT + CUSTOM_HEADERS.index("Risk")

    click_header(qtbot, panel, household)
    assert model.query.custom_sort == "household" and not model.query.descending
    every = [model.index(row, 0).data(0x0100 + 2) for row in range(model.total)]  # IdRole
    values = [written[i].get("household") for i in every]
    assert len(set(every)) == 300
    present = [v for v in values if v is not None]
    assert values == [None] * (300 - len(present)) + sorted(present)  # none first, then 1…11
    shown = column_texts(model, household, model.total)
    assert shown == ["" if v is None else str(v) for v in values]

    click_header(qtbot, panel, household)  # again: the other way round
    assert model.query.descending
    top = [written[model.index(r, 0).data(0x0100 + 2)].get("household") for r in range(5)]
    assert top == [max(present)] * 5

    click_header(qtbot, panel, risk)
    labels = {"low": "Low", "medium": "Medium", "high": "High"}
    ids = [model.index(r, 0).data(0x0100 + 2) for r in range(model.total)]
    assert column_texts(model, risk, model.total) == [
        labels.get(written[i].get("risk"), "") for i in ids
    ]
    click_header(qtbot, panel, 1)  # a built-in column again: its own order
    assert model.query.custom_sort is None and model.query.sort.value == "last_name"
    panel.grab().save("/tmp/forms-list-columns.png")


def test_headers_fall_back_to_the_definitions_default_language(qtbot, panel):
    only_french = replace(DEFINITION, languages=("fr",))
    french = replace(
        only_french,
        beneficiary=replace(
            DEFINITION.beneficiary,
            fields=tuple(
                replace(item, labels={"fr": item.labels["fr"]})
                for item in DEFINITION.beneficiary.fields
            ),
        ),
    )
    panel.model.set_forms(french)
    assert headers(panel.model)[COLUMN_COUNT:] == ["Risque", "Ménage", "Accueil", "Tuteur"]
    combo = panel.findChild(QComboBox, "customFilter_risk")
    assert combo.itemText(0) == "Risque: all"
    panel.model.set_forms(forms.EMPTY)  # no definition: the list of before
    assert panel.model.columnCount() == COLUMN_COUNT
    assert panel.findChildren(QComboBox, "customFilter_risk") == []


def test_filter_combos_are_reached_and_changed_with_the_keyboard(qtbot, panel, custom):  # noqa: F811
    _sam, _login, written = custom
    model = panel.model
    risk = panel.findChild(QComboBox, "customFilter_risk")
    disabled = panel.findChild(QComboBox, "customFilter_disabled")
    assert [risk.itemText(i) for i in range(risk.count())] == [
        "Risk: all",
        "Risk: Low",
        "Risk: Medium",
        "Risk: High",
    ]
    assert [disabled.itemText(i) for i in range(disabled.count())] == [
        "Disability: all",
        "Disability: yes",
        "Disability: no",
    ]
    panel.activateWindow()
    panel.follow_up_filter.setFocus()
    qtbot.waitUntil(lambda: panel.follow_up_filter.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is risk
    qtbot.keyClick(risk, Qt.Key.Key_Down)  # "Low"
    low = {i for i, v in written.items() if v.get("risk") == "low"}
    assert model.query.custom_filters == (("risk", "low"),)
    assert model.total == len(low) and panel.count_label.text() == f"{len(low)} of 300"
    assert {model.index(r, 0).data(0x0100 + 2) for r in range(model.total)} == low

    qtbot.keyClick(risk, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is disabled
    qtbot.keyClick(disabled, Qt.Key.Key_Down)  # "Yes"
    both = {i for i in low if written[i].get("disabled") is True}
    assert model.query.custom_filters == (("risk", "low"), ("disabled", True))
    assert {model.index(r, 0).data(0x0100 + 2) for r in range(model.total)} == both
    qtbot.keyClick(disabled, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.view  # then on to the list
    panel.grab().save("/tmp/forms-list-filters.png")

    qtbot.keyClick(risk, Qt.Key.Key_Up)  # back to "Risk: all"
    assert model.query.custom_filters == (("disabled", True),)
    assert model.total == sum(v.get("disabled") is True for v in written.values())
    # A new definition without the disabled filter: its combo goes, and it stops filtering.
    fewer = replace(
        DEFINITION,
        beneficiary=replace(
            DEFINITION.beneficiary,
            fields=tuple(
                replace(item, filter=False) if item.key == "disabled" else item
                for item in DEFINITION.beneficiary.fields
            ),
        ),
    )
    model.set_forms(fewer)
    assert panel.findChildren(QComboBox, "customFilter_disabled") == []
    assert model.query == BeneficiaryQuery(search="", sort=model.query.sort)
    assert model.total == 300
