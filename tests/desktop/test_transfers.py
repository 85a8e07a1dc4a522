"""Issue 14 point 4 (local side): transfers proposed, seen by both sides and supervisors,
decided only by whom the rules allow, audited and queued, through the one write path."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.domain.enums import TransferState
from desktop.errors import PermissionDenied, UserError, ValidationError

LAYLA = {"first_name": "Layla", "last_name": "Haddad"}


def rows(login, sql: str, **params):
    with login.db.read() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql), params)]


def _ids(services, *names: str) -> list[str]:
    users = {u.username: u.id for u in services.users.list()}
    return [users[name] for name in names]


def test_a_transfer_is_proposed_seen_by_both_sides_and_accepted_by_the_receiver(office):
    cara, colin, sam = (office.services(name) for name in ("cara", "colin", "sam"))
    (colin_id,) = _ids(sam, "colin")
    person = cara.beneficiaries.create(LAYLA)
    assert colin_id in {uid for uid, _name in cara.transfers.receivers(person.id)}

    with pytest.raises(ValidationError) as bare:
        cara.transfers.propose(person.id, colin_id, "   ")
    assert "note" in bare.value.errors
    made = cara.transfers.propose(person.id, colin_id, "Moving to Colin's area")
    assert (made.state, made.from_name, made.to_name) == (
        TransferState.PROPOSED,
        "Cara Caseworker",
        "Colin Caseworker",
    )
    assert (made.case_number, made.beneficiary_name) == (person.case_number, "Layla Haddad")
    with pytest.raises(UserError):
        cara.transfers.propose(person.id, colin_id, "Twice")  # one pending per case

    # Pending on both sides and for supervisors.
    for side in (cara, colin, sam):
        assert [t.id for t in side.transfers.pending()] == [made.id]
    assert cara.transfers.pending_for(person.id).id == made.id

    # The proposer may not accept; the receiver may not cancel.
    with pytest.raises(PermissionDenied):
        cara.transfers.accept(made.id)
    with pytest.raises(PermissionDenied):
        colin.transfers.cancel(made.id)
    accepted = colin.transfers.accept(made.id, "Welcome", expected_version=made.version)
    assert (accepted.state, accepted.decision_note) == (TransferState.ACCEPTED, "Welcome")
    # Decided, it carries no name; it is final; nothing is pending any more.
    stored = rows(
        office.login("sam"),
        "SELECT case_number, beneficiary_name FROM transfers WHERE id = :i",
        i=made.id,
    )
    assert stored == [("", "")]
    with pytest.raises(UserError):
        sam.transfers.cancel(made.id)
    assert sam.transfers.pending() == []
    # The owner changes at the sync (server/transfers.py), not here.
    assert cara.beneficiaries.get(person.id).caseworker_id != colin_id

    login = office.login("sam")
    events = rows(login, "SELECT action FROM audit_events WHERE entity = 'transfer' ORDER BY id")
    assert events == [("transfer_proposed",), ("transfer_accepted",)]
    assert rows(login, "SELECT entity, op FROM outbox WHERE entity_id = :i", i=made.id) == [
        ("transfer", "upsert")
    ]
    # The name is in no audit event (it would outlive the transfer's clearing there).
    assert rows(login, "SELECT count(*) FROM audit_events WHERE changes LIKE '%Haddad%'") == [
        (1,)  # the beneficiary's own creation only
    ]


def test_only_ones_own_case_is_proposed_and_declining_says_why(office):
    cara, colin, sam = (office.services(name) for name in ("cara", "colin", "sam"))
    cara_id, colin_id = _ids(sam, "cara", "colin")
    hers = cara.beneficiaries.create(LAYLA)
    with pytest.raises(PermissionDenied):
        colin.transfers.propose(hers.id, colin_id, "Mine now")
    with pytest.raises(UserError):
        cara.transfers.propose(hers.id, cara_id, "To myself")

    # A supervisor proposes anyone's case; the receiver declines it, with a reason.
    made = sam.transfers.propose(hers.id, colin_id, "Balance the caseloads")
    assert made.from_id == cara_id
    with pytest.raises(ValidationError) as bare:
        colin.transfers.decline(made.id, "")
    assert "decision_note" in bare.value.errors
    declined = colin.transfers.decline(made.id, "Full caseload")
    assert declined.state is TransferState.DECLINED
    # The case's caseworker may cancel the next one.
    again = sam.transfers.propose(hers.id, colin_id, "Once more")
    assert cara.transfers.cancel(again.id, "Staying with me").state is TransferState.CANCELLED
    assert [
        e
        for (e,) in rows(
            office.login("sam"), "SELECT action FROM audit_events WHERE entity = 'transfer'"
        )
    ] == ["transfer_proposed", "transfer_declined", "transfer_proposed", "transfer_cancelled"]
