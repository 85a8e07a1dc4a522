"""The organisation's accounts for linking, departures of reassigned records, lean replays."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, pull_all, push


def server_engine(server) -> sa.Engine:
    """The test server's database as the server opens it (SQLite: with its key file)."""
    from server.db import make_engine

    url = server.env.get("DATABASE_URL")
    if url:
        return make_engine(url)
    key = bytes.fromhex((server.data_dir / "db-key").read_text(encoding="ascii").strip())
    return make_engine(f"sqlite:///{server.data_dir / 'caseload.db'}", key)


def test_supervisors_list_their_organisations_accounts_and_caseworkers_may_not(http, server):
    organisation = f"org-{uuid.uuid4().hex[:8]}"
    supervisor = server.new_user("supervisor", organisation=organisation)
    caseworkers = [server.new_user("caseworker", organisation=organisation) for _ in range(2)]
    server.new_user("caseworker", organisation="someone-else")

    response = http.get("/api/users", headers=supervisor.headers)
    assert response.status_code == 200, response.text
    listed = response.json()["data"]
    expected = sorted([supervisor, *caseworkers], key=lambda user: user.username.lower())
    assert [(a["id"], a["username"], a["role"], a["active"]) for a in listed] == [
        (user.id, user.username, user.role, True) for user in expected
    ]
    refused = http.get("/api/users", headers=caseworkers[0].headers)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"


def test_reassigned_record_leaves_the_previous_owners_feed_after_their_last_edits(http, server):
    organisation = f"org-{uuid.uuid4().hex[:8]}"
    supervisor = server.new_user("supervisor", organisation=organisation)
    cara = server.new_user("caseworker", organisation=organisation)
    omar = server.new_user("caseworker", organisation=organisation)
    b_id, s_id = str(uuid.uuid4()), str(uuid.uuid4())
    push(
        http,
        cara,
        change("beneficiary", b_id, beneficiary_body(notes="cara's")),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
    )
    _, cursor = pull_all(http, cara)
    [moved] = push(
        http,
        supervisor,
        change(
            "beneficiary",
            b_id,
            beneficiary_body(notes="cara's", caseworker_id=omar.id),
            base_version=1,
        ),
    )
    assert moved["status"] == "applied" and moved["record"]["caseworker_id"] == omar.id

    feed, _ = pull_all(http, cara, since=cursor)
    assert [(c["id"], c.get("left"), c["version"], c["data"]) for c in feed] == [
        (b_id, True, 2, None)
    ]
    assert b_id in {c["id"] for c in pull_all(http, omar)[0]}

    # Her offline edit (made on v1) comes back as a conflict with the reassigned copy...
    [stale] = push(
        http, cara, change("beneficiary", b_id, beneficiary_body(notes="late"), base_version=1)
    )
    assert stale["status"] == "conflict" and stale["record"]["caseworker_id"] == omar.id
    # ...taking it back is refused; the merged edit on v2 arrives, owner unchanged.
    [grab] = push(
        http,
        cara,
        change(
            "beneficiary",
            b_id,
            beneficiary_body(notes="late", caseworker_id=cara.id),
            base_version=2,
        ),
    )
    assert grab["status"] == "rejected" and grab["code"] == "forbidden"
    [late, late_session] = push(
        http,
        cara,
        change(
            "beneficiary",
            b_id,
            beneficiary_body(notes="late", caseworker_id=omar.id),
            base_version=2,
        ),
        change(
            "case_session",
            s_id,
            session_body(beneficiary_id=b_id, outcome="done late"),
            base_version=1,
        ),
    )
    assert (late["status"], late["record"]["caseworker_id"], late["record"]["notes"]) == (
        "applied",
        omar.id,
        "late",
    )
    assert late_session["status"] == "applied"
    # Once someone else changed it after the reassignment, the door is closed.
    [omars] = push(
        http,
        omar,
        change(
            "beneficiary",
            b_id,
            beneficiary_body(notes="omar's", caseworker_id=omar.id),
            base_version=3,
        ),
    )
    assert omars["status"] == "applied"
    [after] = push(
        http,
        cara,
        change(
            "beneficiary", b_id, beneficiary_body(notes="x", caseworker_id=omar.id), base_version=4
        ),
    )
    assert after["status"] == "rejected" and after["code"] == "forbidden"
    feed, _ = pull_all(http, cara, since=cursor)
    assert [(c["id"], c.get("left")) for c in feed] == [(b_id, True)]


def test_stored_push_answers_hold_no_personal_data_and_replay_the_current_record(http, server):
    owner = server.new_user("caseworker")
    marker = f"Idem{uuid.uuid4().hex[:10]}"
    b_id = str(uuid.uuid4())
    batch = [change("beneficiary", b_id, beneficiary_body(first_name=marker, notes=marker))]
    [first] = push(http, owner, *batch)
    assert first["status"] == "applied" and first["record"]["first_name"] == marker

    engine = server_engine(server)
    try:
        with engine.connect() as connection:
            stored = connection.execute(sa.text("SELECT result FROM idempotency_records"))
            assert not [text for text in stored.scalars() if marker in text]
    finally:
        engine.dispose()
    [again] = push(http, owner, *batch)
    assert again == first, "a replay answers with the record as it is"

    [edited] = push(
        http,
        owner,
        change("beneficiary", b_id, beneficiary_body(first_name="Other"), base_version=1),
    )
    assert edited["status"] == "applied"
    [late] = push(http, owner, *batch)
    assert (late["status"], late["version"], late["record"]["first_name"]) == (
        "conflict",
        2,
        "Other",
    )
