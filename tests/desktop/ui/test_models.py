"""Every table model passes qtmodeltester, including 10,000 rows loaded a page at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.records import BeneficiaryQuery, SortKey
from desktop.ui.models.audit_table import AuditTableModel
from desktop.ui.models.beneficiary_table import (
    CACHED_PAGES,
    COL_CASE_NUMBER,
    COL_LAST_NAME,
    COLUMN_COUNT,
    PAGE_SIZE,
    BeneficiaryRole,
    BeneficiaryTableModel,
    SortRole,
)
from desktop.ui.models.case_session_table import CaseSessionTableModel


def test_beneficiary_model_pages_10k_rows(qtmodeltester, big_admin):
    model = BeneficiaryTableModel(big_admin.beneficiaries)
    assert model.total == 10_000
    assert model.visible_total == 10_000
    assert model.rowCount() == 10_000  # every row is reachable at once
    assert model.loaded == PAGE_SIZE  # but only the first page is in Python
    qtmodeltester.check(model)

    # Read top to bottom, then bottom to top (the reverse order's pages): the same rows.
    paged = BeneficiaryTableModel(big_admin.beneficiaries)
    down = [paged.index(r, 0).data(BeneficiaryRole).id for r in range(10_000)]
    assert paged.loaded <= CACHED_PAGES * PAGE_SIZE  # memory stays flat
    upward = BeneficiaryTableModel(big_admin.beneficiaries)
    up = [upward.index(r, 0).data(BeneficiaryRole).id for r in reversed(range(10_000))]
    assert up[::-1] == down
    assert len(set(down)) == 10_000  # paging neither repeats nor skips rows
    names = [
        (paged.index(r, COL_LAST_NAME).data(SortRole) or "").casefold()
        for r in range(0, 10_000, 97)
    ]
    assert names == sorted(names)
    qtmodeltester.check(paged)


def test_jumps_load_the_same_rows_as_the_service_pages_in_every_order(big_admin):
    """A jump anywhere (offset from the nearer end) shows the service's row at that offset."""
    service = big_admin.beneficiaries
    for column in range(COLUMN_COUNT):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model = BeneficiaryTableModel(service)
            model.sort(column, order)
            for row in (9_999, 7_345, 5_001, 4_999, 201, 9_800, 9_799):
                expected = service.list_page(model.query, row, 1, with_total=False).rows[0]
                assert model.beneficiary_at(row).id == expected.id, (column, order, row)


def test_beneficiary_model_sort_filter_search(qtmodeltester, big_admin):
    model = BeneficiaryTableModel(big_admin.beneficiaries)
    model.sort(COL_CASE_NUMBER, Qt.SortOrder.DescendingOrder)
    assert model.query.sort is SortKey.CASE_NUMBER and model.query.descending
    numbers = [model.index(r, COL_CASE_NUMBER).data() for r in range(model.rowCount())]
    assert numbers == sorted(numbers, reverse=True)
    model.set_query(BeneficiaryQuery(status=BeneficiaryStatus.CLOSED))
    assert 0 < model.total < 10_000
    assert model.visible_total == 10_000
    assert all(
        model.index(r, 0).data(BeneficiaryRole).status is BeneficiaryStatus.CLOSED
        for r in range(model.rowCount())
    )
    model.set_query(BeneficiaryQuery(search="Haddad"))
    assert 0 < model.total < 10_000
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_beneficiary_model_caseworker_sees_own_caseload(big_office):
    from desktop.services import Services
    from tests.conftest import PASSWORDS

    login = big_office.login("cara", PASSWORDS["cara"], check=False)
    try:
        model = BeneficiaryTableModel(Services.for_session(login, big_office).beneficiaries)
        assert model.visible_total == 5_000
        assert {model.index(r, 0).data(BeneficiaryRole).caseworker_id for r in range(200)} == {
            login.actor.id
        }
    finally:
        login.close()


def test_case_session_and_audit_models(qtmodeltester, office):
    services = office.services("cara")
    beneficiary = services.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    now = datetime.now().replace(microsecond=0)
    for days in (3, 1, 2):
        services.case_sessions.create(
            beneficiary.id,
            {"starts_at": now - timedelta(days=days), "status": "done", "summary": "Met.\nMore."},
        )
    model = CaseSessionTableModel(services.case_sessions.timeline(beneficiary.id))
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, 0).data() for r in range(3)]
    assert dates == sorted(dates)
    assert model.index(0, 6).data() == "Met."
    qtmodeltester.check(model)

    audit = AuditTableModel(office.services("sam").audit.history(beneficiary.id))
    assert audit.rowCount() == 1
    assert audit.index(0, 2).data() == "Beneficiary: Created"
    qtmodeltester.check(audit)


class CountingService:
    """The real service, noting which (expensive) counts the model asks for."""

    def __init__(self, service):
        self._service = service
        self.counts: list[str] = []

    def list_page(self, query, offset=0, limit=100, *, with_total=True, bound=None):
        if with_total:
            self.counts.append("total")
        return self._service.list_page(query, offset, limit, with_total=with_total)

    def count_visible(self):
        self.counts.append("visible")
        return self._service.count_visible()


def test_sorting_does_not_recount_and_one_count_serves_the_unfiltered_list(big_admin):
    service = CountingService(big_admin.beneficiaries)
    model = BeneficiaryTableModel(service)
    assert service.counts == ["visible"]  # unfiltered: total == visible
    assert model.total == model.visible_total == 10_000
    model.sort(COL_CASE_NUMBER, Qt.SortOrder.DescendingOrder)
    model.beneficiary_at(5_000)  # a page further down
    assert service.counts == ["visible"]
    model.set_query(replace(model.query, search="Haddad"))
    assert service.counts == ["visible", "total"]
    searched = model.total
    model.sort(COL_LAST_NAME, Qt.SortOrder.AscendingOrder)
    assert service.counts == ["visible", "total"]
    assert model.total == searched
    model.reload()  # after a write: both counts again
    assert service.counts == ["visible", "total", "total", "visible"]
