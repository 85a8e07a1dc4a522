"""Issue 14 point 7 (server): a merge travels as the tombstone with ``merged_into``; what
still links to the merged-away record moves; a push naming it is answered with the
survivor's id; a supervisor undoes it; caseworkers may not merge. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, pull_all, push


@pytest.fixture
def pair(server, http):
    """A caseworker's two records of one person, one session on each (pushed by them)."""
    worker = server.new_user("caseworker")
    boss = server.new_user("supervisor")
    survivor, twin = str(uuid.uuid4()), str(uuid.uuid4())
    on_twin, on_survivor = str(uuid.uuid4()), str(uuid.uuid4())
    results = push(
        http,
        worker,
        change("beneficiary", survivor, beneficiary_body(first_name="Layla")),
        change("beneficiary", twin, beneficiary_body(first_name="Leila")),
        change("case_session", on_survivor, session_body(beneficiary_id=survivor)),
        change("case_session", on_twin, session_body(beneficiary_id=twin)),
    )
    assert {r["status"] for r in results} == {"applied"}
    return worker, boss, survivor, twin, on_survivor, on_twin, results[1]["record"]


def test_a_merge_moves_what_links_and_forwards_later_pushes(http, pair):
    worker, boss, survivor, twin, _on_survivor, on_twin, twin_record = pair
    # The caseworker may not merge.
    (refused,) = push(
        http,
        worker,
        change("beneficiary", twin, {**twin_record, "merged_into": survivor}, base_version=1),
    )
    assert (refused["status"], refused["code"]) == ("rejected", "forbidden")

    (merged,) = push(
        http,
        boss,
        change("beneficiary", twin, {**twin_record, "merged_into": survivor}, base_version=1),
    )
    assert merged["status"] == "applied", merged
    assert merged["record"]["deleted"] is True
    assert merged["record"]["merged_into"] == survivor
    # The session the supervisor's laptop did not move (it was never pulled) moved here.
    moved = http.get(f"/api/sessions/{on_twin}", headers=boss.headers).json()["data"]
    assert moved["beneficiary_id"] == survivor and moved["version"] == 2

    # The caseworker, offline meanwhile, made a session and a task for the twin.
    late_session, late_task = str(uuid.uuid4()), str(uuid.uuid4())
    results = push(
        http,
        worker,
        change("case_session", late_session, session_body(beneficiary_id=twin)),
        change(
            "task",
            late_task,
            {"beneficiary_id": twin, "due_on": "2026-12-24", "title": "Call back"},
        ),
        change("beneficiary", twin, {**twin_record, "notes": "edited offline"}, base_version=1),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert [r.get("merged_into") for r in results] == [survivor, survivor, survivor]
    assert results[0]["record"]["beneficiary_id"] == survivor
    assert results[1]["record"]["beneficiary_id"] == survivor
    assert results[2]["code"] == "merged" and results[2]["http_status"] == 409
    sessions = http.get(f"/api/beneficiaries/{survivor}/sessions", headers=worker.headers)
    assert {s["id"] for s in sessions.json()["data"]} >= {late_session, on_twin}

    # The feed carries the tombstone with merged_into, to the caseworker too.
    feed, _ = pull_all(http, worker)
    tombstone = [c for c in feed if c["id"] == twin][-1]
    assert tombstone["deleted"] is True and tombstone["data"]["merged_into"] == survivor

    # The same tombstone sent again is applied unchanged.
    (again,) = push(
        http,
        boss,
        change("beneficiary", twin, merged["record"], base_version=merged["version"]),
    )
    assert (again["status"], again["version"]) == ("applied", merged["version"])


def test_a_supervisor_undoes_a_merge(http, pair):
    _worker, boss, survivor, twin, _on_survivor, on_twin, twin_record = pair
    (merged,) = push(
        http,
        boss,
        change("beneficiary", twin, {**twin_record, "merged_into": survivor}, base_version=1),
    )
    moved = http.get(f"/api/sessions/{on_twin}", headers=boss.headers).json()["data"]
    results = push(
        http,
        boss,
        change(
            "beneficiary",
            twin,
            {**merged["record"], "merged_into": None},
            base_version=merged["version"],
        ),
        change(
            "case_session",
            on_twin,
            {**moved, "beneficiary_id": twin},
            base_version=moved["version"],
        ),
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    back = http.get(f"/api/beneficiaries/{twin}", headers=boss.headers).json()["data"]
    assert (back["deleted"], back["merged_into"], back["first_name"]) == (False, None, "Leila")
    assert results[1]["record"]["beneficiary_id"] == twin


def test_a_merge_into_nothing_is_refused(http, pair):
    _worker, boss, _survivor, twin, _on_survivor, _on_twin, twin_record = pair
    for target in (twin, str(uuid.uuid4())):
        (refused,) = push(
            http,
            boss,
            change("beneficiary", twin, {**twin_record, "merged_into": target}, base_version=1),
        )
        assert refused["status"] == "rejected"
        assert "merged_into" in refused["errors"]
    assert http.get(f"/api/beneficiaries/{twin}", headers=boss.headers).status_code == 200
