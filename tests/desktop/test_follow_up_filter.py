"""Issue 14 point 3: the "follow-up due" filter, the detail's next follow-up and the tasks agree.

Before tasks the filter read the latest session's follow-up date only, so demo data
listed fewer beneficiaries than have a past-due follow-up, and a person could show "Next
follow-up: –" above overdue ones. These tests use the demo generator through the bulk
importer (the one write path), as the demo and bench data are made.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from desktop.domain.records import BeneficiaryQuery, BeneficiaryStatus
from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records

TODAY = date.today()


@pytest.fixture
def demo_office(office):
    sam = office.services("sam")
    login = office.login("sam")
    owners = [u.id for u in sam.users.caseworkers() if u.role.value == "caseworker"]
    BulkImporter(login.db, login.actor, chunk_size=97).import_records(
        demo_records(400, 4, seed=14, today=TODAY), total=400, caseworker_ids=owners
    )
    return office, sam, login


def _earliest_follow_ups(login) -> dict[str, date]:
    """Each active beneficiary's earliest follow-up asked for by a live, not cancelled session."""
    with login.db.read() as uow:
        rows = uow.session.execute(
            text(
                "SELECT s.beneficiary_id, min(s.follow_up_on) FROM case_sessions AS s "
                "JOIN beneficiaries AS b ON b.id = s.beneficiary_id "
                "WHERE s.deleted_at IS NULL AND s.status != 'cancelled' "
                "AND s.follow_up_on IS NOT NULL AND b.deleted_at IS NULL AND b.status = 'active' "
                "GROUP BY s.beneficiary_id"
            )
        ).all()
    return {bid: date.fromisoformat(str(due)) for bid, due in rows}


def _listed(sam, due_by: date) -> set[str]:
    query = BeneficiaryQuery(status=BeneficiaryStatus.ACTIVE, follow_up_due_by=due_by)
    found: set[str] = set()
    offset = 0
    while True:
        page = sam.beneficiaries.list_page(query, offset, 100)
        found |= {b.id for b in page.rows}
        offset += len(page.rows)
        if not page.has_more:
            return found


def test_the_filter_lists_everyone_with_a_past_due_follow_up(demo_office):
    _, sam, login = demo_office
    earliest = _earliest_follow_ups(login)
    past_due = {bid for bid, due in earliest.items() if due <= TODAY}
    assert len(past_due) > 50  # the demo data has plenty
    assert _listed(sam, TODAY) == past_due


def test_the_detail_shows_the_earliest_follow_up_not_the_latest_sessions(demo_office):
    _, sam, login = demo_office
    earliest = _earliest_follow_ups(login)
    shown = {bid: sam.beneficiaries.get(bid).next_follow_up_on for bid in sorted(earliest)}
    assert shown == earliest
