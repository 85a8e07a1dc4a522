"""Issue 14 point 4 on the server: transfers proposed, decided and applied, on both backends.

A real server process (SQLite, and PostgreSQL where CASELOAD_TEST_POSTGRES_URL is set):
the receiver sees the case number and name before holding the case; only the receiver
(or a supervisor) decides, only the case's side cancels; accepting reassigns the case so
the receiver's feed brings its older sessions and tasks (from before its cursor), and the
previous owner's feed says it left.
"""

from __future__ import annotations

import uuid

from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, pull_all, push


def _office(server):
    organisation = f"org-{uuid.uuid4().hex[:8]}"
    return (
        server.new_user("supervisor", organisation=organisation),
        server.new_user("caseworker", organisation=organisation),
        server.new_user("caseworker", organisation=organisation),
    )


def _case(http, owner):
    b_id, s_id, t_id = (str(uuid.uuid4()) for _ in range(3))
    results = push(
        http,
        owner,
        change("beneficiary", b_id, beneficiary_body(first_name="Amal", last_name="Haddad")),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
        change("task", t_id, {"beneficiary_id": b_id, "due_on": "2026-12-20", "title": "Call"}),
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    return b_id, s_id, t_id, results[0]["record"]["case_number"]


def _transfer(beneficiary_id, to_id, **more):
    return {"beneficiary_id": beneficiary_id, "to_caseworker_id": to_id, "note": "Moving", **more}


def test_an_accepted_transfer_moves_the_case_with_its_older_records(http, server):
    _supervisor, cara, omar = _office(server)
    b_id, s_id, t_id, number = _case(http, cara)
    _, omar_cursor = pull_all(http, omar)  # omar's laptop is up to date, without the case
    _, cara_cursor = pull_all(http, cara)
    x_id = str(uuid.uuid4())
    [proposed] = push(
        http, cara, change("transfer", x_id, _transfer(b_id, omar.id, case_number="fake"))
    )
    assert proposed["status"] == "applied", proposed
    record = proposed["record"]
    # The server fills in what the receiver decides on (what was sent is ignored).
    assert (record["case_number"], record["beneficiary_name"], record["caseworker_id"]) == (
        number,
        "Amal Haddad",
        cara.id,
    )
    feed, omar_cursor = pull_all(http, omar, since=omar_cursor)
    assert [(c["entity"], c["id"]) for c in feed] == [("transfer", x_id)]
    assert feed[0]["data"]["beneficiary_name"] == "Amal Haddad"

    # A second pending transfer of the same case is refused.
    [again] = push(http, cara, change("transfer", str(uuid.uuid4()), _transfer(b_id, omar.id)))
    assert (again["status"], again["code"]) == ("rejected", "transfer_pending")

    [accepted] = push(
        http,
        omar,
        change("transfer", x_id, {**record, "state": "accepted"}, base_version=1),
    )
    assert accepted["status"] == "applied", accepted
    assert accepted["record"]["state"] == "accepted"
    assert (accepted["record"]["case_number"], accepted["record"]["beneficiary_name"]) == (
        None,
        None,
    )
    # Omar's feed now brings the case and its older session and task, although their
    # sequence numbers were before his cursor; the open task is his.
    feed, _ = pull_all(http, omar, since=omar_cursor)
    got = {(c["entity"], c["id"]): c for c in feed}
    assert {("beneficiary", b_id), ("case_session", s_id), ("task", t_id)} <= set(got)
    assert got[("beneficiary", b_id)]["data"]["caseworker_id"] == omar.id
    assert got[("task", t_id)]["data"]["caseworker_id"] == omar.id
    # Cara's feed says the case left her caseload.
    feed, _ = pull_all(http, cara, since=cara_cursor)
    assert (b_id, True) in [(c["id"], c.get("left")) for c in feed]
    assert ("transfer", x_id) in [(c["entity"], c["id"]) for c in feed]
    # Decided is final.
    [late] = push(
        http,
        cara,
        change("transfer", x_id, {**record, "state": "cancelled"}, base_version=2),
    )
    assert (late["status"], late["code"]) == ("rejected", "transfer_decided")


def test_only_the_receiver_or_a_supervisor_decides_and_the_case_side_cancels(http, server):
    supervisor, cara, omar = _office(server)
    stranger = server.new_user("caseworker", organisation="elsewhere-" + uuid.uuid4().hex[:6])
    b_id, *_ = _case(http, cara)
    x_id = str(uuid.uuid4())
    [proposed] = push(http, cara, change("transfer", x_id, _transfer(b_id, omar.id)))
    record = proposed["record"]
    # Someone else's case cannot be proposed by a caseworker.
    [theirs] = push(http, omar, change("transfer", str(uuid.uuid4()), _transfer(b_id, cara.id)))
    assert (theirs["status"], theirs["errors"]) == (
        "rejected",
        {"beneficiary_id": "no such beneficiary"},
    )
    # The proposer may not accept; the receiver may not cancel; a stranger sees nothing.
    [own] = push(
        http, cara, change("transfer", x_id, {**record, "state": "accepted"}, base_version=1)
    )
    assert (own["status"], own["code"]) == ("rejected", "forbidden")
    [back] = push(
        http, omar, change("transfer", x_id, {**record, "state": "cancelled"}, base_version=1)
    )
    assert (back["status"], back["code"]) == ("rejected", "forbidden")
    [peek] = push(
        http, stranger, change("transfer", x_id, {**record, "state": "accepted"}, base_version=1)
    )
    assert (peek["status"], peek["code"]) == ("rejected", "forbidden")
    assert x_id not in {c["id"] for c in pull_all(http, stranger)[0]}
    # Declining needs a note.
    [bare] = push(
        http, omar, change("transfer", x_id, {**record, "state": "declined"}, base_version=1)
    )
    assert bare["errors"] == {"decision_note": "is required when the transfer is declined"}
    [declined] = push(
        http,
        omar,
        change(
            "transfer",
            x_id,
            {**record, "state": "declined", "decision_note": "Full caseload"},
            base_version=1,
        ),
    )
    assert declined["status"] == "applied"
    assert declined["record"]["beneficiary_name"] is None  # the receiver keeps no name
    # The case stayed with Cara; a supervisor may propose it again and cancel it.
    assert b_id in {c["id"] for c in pull_all(http, cara)[0] if c["entity"] == "beneficiary"}
    y_id = str(uuid.uuid4())
    [again] = push(http, supervisor, change("transfer", y_id, _transfer(b_id, omar.id)))
    assert again["status"] == "applied" and again["record"]["caseworker_id"] == cara.id
    [cancelled] = push(
        http,
        supervisor,
        change("transfer", y_id, {**again["record"], "state": "cancelled"}, base_version=1),
    )
    assert cancelled["status"] == "applied"
    [deleted] = push(http, supervisor, change("transfer", y_id, op="delete", base_version=2))
    assert (deleted["status"], deleted["code"]) == ("rejected", "transfer_kept")


def test_a_deleted_case_takes_its_transfers_and_their_name_along(http, server):
    supervisor, cara, omar = _office(server)
    b_id, *_ = _case(http, cara)
    x_id = str(uuid.uuid4())
    [proposed] = push(http, cara, change("transfer", x_id, _transfer(b_id, omar.id)))
    _, cursor = pull_all(http, omar)
    [gone] = push(http, supervisor, change("beneficiary", b_id, op="delete", base_version=1))
    assert gone["status"] == "applied", gone
    feed, _ = pull_all(http, omar, since=cursor)
    (entry,) = [c for c in feed if c["id"] == x_id]
    assert entry["deleted"] is True
    data = entry["data"]
    assert (data["beneficiary_name"], data["note"], data["case_number"]) == (None, None, None)
    assert proposed["record"]["beneficiary_name"] == "Amal Haddad"
