"""A search's count stops at a bound ("more than 1,000 of N", in every language) and the
list grows past it as the person scrolls to its end; the "of N" is the live counter."""

from __future__ import annotations

import pytest

from desktop.ui.caseload import CaseloadPanel
from desktop.ui.models import beneficiary_table
from desktop.ui.models.beneficiary_table import BeneficiaryTableModel

PEOPLE = 23
BOUND = 5
WORDING = {
    "en": "more than 5 of 25",
    "fr": "plus de 5 sur 25",
    "es": "más de 5 de 25",
    "ar": "أكثر من ٥ من ٢٥",  # Arabic-Indic digits (format_count)
}


@pytest.fixture
def searched(qtbot, office, monkeypatch):
    admin = office.services("admin")
    for number in range(PEOPLE):
        admin.beneficiaries.create({"first_name": f"Hana{number}", "last_name": "Haddad"})
    for name in ("Olena", "Omar"):
        admin.beneficiaries.create({"first_name": name, "last_name": "Kovalenko"})
    monkeypatch.setattr(beneficiary_table, "COUNT_BOUND", BOUND)
    model = BeneficiaryTableModel(admin.beneficiaries)
    panel = CaseloadPanel(model)
    qtbot.addWidget(panel)
    return admin, model, panel


def test_a_broad_search_is_counted_up_to_the_bound_then_grows(searched):
    _admin, model, panel = searched
    assert model.total == PEOPLE + 2 and not model.more  # unfiltered: the counter
    panel.search.setText("had")
    panel.apply_filters()
    assert (model.total, model.more, model.visible_total) == (BOUND, True, PEOPLE + 2)
    assert model.canFetchMore()
    model.fetchMore()  # the view reached the last row: counts on to 4 x 5
    assert (model.total, model.more) == (BOUND * 4, True)
    model.fetchMore()
    assert (model.total, model.more) == (PEOPLE, False)
    assert not model.canFetchMore()
    assert panel.count_label.text() == f"{PEOPLE} of {PEOPLE + 2}"
    names = {model.beneficiary_at(row).first_name for row in range(model.total)}
    assert names == {f"Hana{number}" for number in range(PEOPLE)}

    panel.search.setText("kov")  # under the bound: exact
    panel.apply_filters()
    assert (model.total, model.more) == (2, False)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_bounded_count_reads_in_every_language(searched, qapp, language):
    from desktop.app import install_translations

    _admin, model, panel = searched
    try:
        if language != "en":
            assert install_translations(qapp, language) == language
        panel.search.setText("had")
        panel.apply_filters()
        assert model.more
        assert panel.count_label.text().replace("\u00a0", " ").replace("\u202f", " ") == WORDING[
            language
        ].replace("\u00a0", " ")
    finally:
        install_translations(qapp)
