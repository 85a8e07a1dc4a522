"""Issue 14 point 4: a case transferred between two caseworkers' laptops, on both backends.

Real encrypted laptops and a real server process on loopback. Caseworker A proposes a
case to caseworker B and syncs; B's laptop, which does not hold the case, sees the
pending transfer with the case number and name, accepts it and syncs; A's unsent edit
reaches the server at A's next sync, and then the case's personal data is gone from
A's database file, while B's laptop holds the case with its older session. A declined
transfer leaves the case where it was and the receiver's laptop without the name.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.domain.enums import TransferState
from desktop.errors import NotFound
from desktop.services.sync_account import ServerAccount
from tests.bytesearch import laptop_leaks
from tests.e2e.conftest import server_records
from tests.server.conftest import backend, servers  # noqa: F401  (both backends)


@pytest.fixture(scope="module")
def sync_server(servers):  # noqa: F811
    return servers.start(dev=True)


def _colleague(laptop, other) -> str:
    """The receiver as the proposer's laptop knows them: a local user linked to their
    server account (what a supervisor's account linking sets up)."""
    user = laptop.services.users.add(
        other.server_user.username, "caseworker", "colleague passphrase 1", "Bea Receiver"
    )
    laptop.services.sync.link_user(
        user.id,
        ServerAccount(other.server_user.id, other.server_user.username, "", "caseworker", True),
    )
    return user.id


def _case(laptop, secret: str):
    person = laptop.services.beneficiaries.create(
        {"first_name": "Yusra", "last_name": "Quillfeather", "notes": secret}
    )
    visit = laptop.services.case_sessions.create(
        person.id,
        {
            "starts_at": datetime.now().replace(microsecond=0) - timedelta(days=9),
            "kind": "office",
            "status": "done",
            "summary": secret + " visit",
        },
    )
    return person, visit


def test_a_case_proposed_accepted_and_moved_between_two_laptops(laptops, sync_server):
    a, b = laptops("caseworker"), laptops("caseworker")
    bea = _colleague(a, b)
    secret = f"Quillfeather-{a.server_user.id[:8]}"
    person, visit = _case(a, secret)
    assert a.sync().errors == 0
    assert b.sync().errors == 0  # B's cursor is now past the case's session

    proposed = a.services.transfers.propose(person.id, bea, "Moving to Bea's district")
    assert a.services.transfers.pending_for(person.id).to_name == "Bea Receiver"
    assert a.sync().errors == 0

    assert b.sync().errors == 0
    (seen,) = b.services.transfers.pending()
    # B decides on what the transfer carries: B's laptop does not hold the case yet.
    assert (seen.id, seen.case_number, seen.beneficiary_name, seen.case_here) == (
        proposed.id,
        person.case_number,
        "Yusra Quillfeather",
        False,
    )
    assert seen.note == "Moving to Bea's district"
    with pytest.raises(NotFound):
        b.services.beneficiaries.get(person.id)

    # A edits the case offline before hearing of the acceptance.
    phone = "+256 700 991122"
    a.services.beneficiaries.update(person.id, {"phone": phone})

    b.services.transfers.accept(seen.id, "Welcome")
    assert b.sync().errors == 0
    # B now holds the case and its older session, although their sequence numbers were
    # before B's cursor.
    assert b.services.beneficiaries.get(person.id).first_name == "Yusra"
    assert [s.id for s in b.services.case_sessions.timeline(person.id)] == [visit.id]
    assert b.services.transfers.pending() == []
    assert b.services.transfers.get(seen.id).state is TransferState.ACCEPTED

    report = a.sync()
    assert not report.failed, report.warnings
    # A's unsent edit reached the server first, then the case left A's laptop.
    on_server = server_records(sync_server, b.server_user, "beneficiary")[person.id]["data"]
    assert (on_server["phone"], on_server["caseworker_id"]) == (phone, b.server_user.id)
    with pytest.raises(NotFound):
        a.services.beneficiaries.get(person.id)
    assert a.services.transfers.pending() == []
    assert laptop_leaks(a.paths.database, a.login.db.key, [secret, phone]) == {}
    assert b.sync().errors == 0
    assert b.services.beneficiaries.get(person.id).phone == phone

    # Every step is in each laptop's audit log.
    assert "transfer_proposed" in {e.action for e in a.services.audit.history(proposed.id)}
    assert "transfer_accepted" in {e.action for e in b.services.audit.history(proposed.id)}


def test_a_declined_transfer_leaves_the_case_and_takes_the_name_off_the_receiver(
    laptops, sync_server
):
    a, b = laptops("caseworker"), laptops("caseworker")
    bea = _colleague(a, b)
    secret = f"Quillfeather-{b.server_user.id[:8]}"
    person, _visit = _case(a, secret)
    assert a.sync().errors == 0
    proposed = a.services.transfers.propose(person.id, bea, "Could you take this one?")
    assert a.sync().errors == 0
    assert b.sync().errors == 0
    (seen,) = b.services.transfers.pending()
    b.services.transfers.decline(seen.id, "My caseload is full")
    assert b.sync().errors == 0
    # The server cleared what the receiver decided on: B's laptop keeps no name.
    assert b.services.transfers.get(seen.id).beneficiary_name == ""
    assert laptop_leaks(b.paths.database, b.login.db.key, ["Quillfeather"]) == {}

    assert a.sync().errors == 0
    decided = a.services.transfers.get(proposed.id)
    assert (decided.state, decided.decision_note) == (TransferState.DECLINED, "My caseload is full")
    assert a.services.beneficiaries.get(person.id).first_name == "Yusra"  # still A's
    assert a.services.transfers.pending_for(person.id) is None
    on_server = server_records(sync_server, a.server_user, "beneficiary")[person.id]["data"]
    assert on_server["caseworker_id"] == a.server_user.id


def test_the_server_refuses_a_decision_the_laptop_role_check_would_allow(laptops, sync_server):
    """The laptop's local admin may decide anything here; the server checks the account."""
    a, b = laptops("caseworker"), laptops("caseworker")
    bea = _colleague(a, b)
    person, _visit = _case(a, "refused")
    assert a.sync().errors == 0
    proposed = a.services.transfers.propose(person.id, bea, "Please take it")
    assert a.sync().errors == 0
    a.services.transfers.accept(proposed.id)  # the proposer's own laptop: local admin
    report = a.sync()
    assert report.errors == 1
    assert (
        server_records(sync_server, b.server_user, "transfer")[proposed.id]["data"]["state"]
        == "proposed"
    )
    assert a.services.beneficiaries.get(person.id).first_name == "Yusra"
