"""A case closed with a reason on one laptop arrives closed, with that reason, on another.

Two real encrypted laptop databases and a real server process on loopback.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from desktop.domain.enums import BeneficiaryStatus, ClosureReason
from desktop.store.tables import AuditEventRow
from tests.e2e.conftest import server_records


def history(laptop, beneficiary_id: str) -> list[tuple[str, dict]]:
    with laptop.login.db.read() as uow:
        rows = uow.session.execute(
            select(AuditEventRow.action, AuditEventRow.changes)
            .where(AuditEventRow.entity_id == beneficiary_id)
            .order_by(AuditEventRow.id)
        ).all()
    return [(action, json.loads(changes)) for action, changes in rows]


def test_closure_reason_and_note_travel_between_laptops(laptops, sync_server):
    a, b = laptops(), laptops()
    created = a.services.beneficiaries.create({"first_name": "Farah", "last_name": "Idris"})
    a.sync()
    b.sync()
    assert b.services.beneficiaries.get(created.id).status is BeneficiaryStatus.ACTIVE

    a.services.beneficiaries.close(created.id, ClosureReason.OTHER, "Resettled in Canada.")
    assert a.sync().errors == 0
    on_server = server_records(sync_server, a.server_user, "beneficiary")[created.id]["data"]
    assert (on_server["status"], on_server["closure_reason"], on_server["closure_note"]) == (
        "closed",
        "other",
        "Resettled in Canada.",
    )

    b.sync()
    arrived = b.services.beneficiaries.get(created.id)
    assert (arrived.status, arrived.closure_reason, arrived.closure_note) == (
        BeneficiaryStatus.CLOSED,
        ClosureReason.OTHER,
        "Resettled in Canada.",
    )
    assert arrived.invalid_fields == ()
    # The other laptop's history says what the server changed, reason included.
    _action, changes = history(b, created.id)[-1]
    assert changes["closure_reason"] == [None, "other"]
    assert changes["closure_note"] == ["", "Resettled in Canada."]

    # Reopened there, the reason is cleared here too.
    b.services.beneficiaries.reopen(created.id)
    b.sync()
    a.sync()
    back = a.services.beneficiaries.get(created.id)
    assert (back.status, back.closure_reason, back.closure_note) == (
        BeneficiaryStatus.ACTIVE,
        None,
        "",
    )
