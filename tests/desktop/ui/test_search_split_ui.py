"""Typing in the caseload list's search box, keystroke by keystroke, with broad searches
read by name (services/search_split.py): the list shows SQLite's own plain query's rows,
in its order, with its count, as the person scrolls to the end and sorts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.records import BeneficiaryQuery
from desktop.services import beneficiaries as service_module
from desktop.services.bulk import BulkImporter
from desktop.ui.caseload import CaseloadPanel
from desktop.ui.models import beneficiary_table
from desktop.ui.models.beneficiary_table import BeneficiaryTableModel
from tests.desktop.test_search_split import _people, _reference


@pytest.fixture
def typing(qtbot, office, monkeypatch):
    sam = office.services("sam")
    login = office.login("sam")
    owners = [u.id for u in sam.users.caseworkers() if u.role.value == "caseworker"]
    people = list(_people())
    BulkImporter(login.db, login.actor, chunk_size=64).import_records(
        people, total=len(people), caseworker_ids=owners
    )
    # A deleted Nguyen: left out of the pages and of the count bounded as it grows.
    gone = sam.beneficiaries.list_page(BeneficiaryQuery(search="nguyen"), 0, 1).rows[0]
    sam.beneficiaries.delete(gone.id)
    monkeypatch.setattr(service_module, "BROAD_SEARCH", 3)
    splits = []
    choose = service_module.choose_split
    monkeypatch.setattr(
        service_module, "choose_split", lambda *a: splits.append(choose(*a)) or splits[-1]
    )
    monkeypatch.setattr(beneficiary_table, "COUNT_BOUND", 20)  # the count grows on scroll
    model = BeneficiaryTableModel(sam.beneficiaries, page_size=8)
    panel = CaseloadPanel(model)
    qtbot.addWidget(panel)
    return login, model, panel, splits


def _listed(model) -> list[str]:
    while model.canFetchMore():
        model.fetchMore()  # the view reached the last row
    return [model.beneficiary_at(row).id for row in range(model.rowCount())]


@pytest.mark.parametrize("descending", [False, True])
def test_typing_shows_the_plain_querys_rows(typing, descending):
    login, model, panel, splits = typing
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    for column in (beneficiary_table.COL_LAST_NAME, beneficiary_table.COL_FIRST_NAME):
        key = beneficiary_table.SORT_KEYS[column]
        panel.view.horizontalHeader().setSortIndicator(column, order)
        for typed in ("n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen o", "olena ng"):
            panel.search.setText(typed)
            panel.apply_filters()
            expected = _reference(login, typed, key, descending, None)
            assert _listed(model) == expected, typed
            assert model.total == len(expected) and not model.more
    assert sum(split is not None for split in splits) >= 16  # each sort, each word
