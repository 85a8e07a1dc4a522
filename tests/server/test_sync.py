"""Sync: batched push with idempotency keys, conflicts, the change feed and the digest."""

from __future__ import annotations

import hashlib
import threading
import uuid

from tests.server.conftest import beneficiary_body, session_body


def change(entity, record_id, data=None, *, op="upsert", base_version=None, key=None):
    return {
        "entity": entity,
        "id": record_id,
        "op": op,
        "base_version": base_version,
        "idempotency_key": key or uuid.uuid4().hex,
        "data": data,
    }


def push(http, user, *changes, expect=200):
    response = http.post("/api/sync/push", json={"changes": list(changes)}, headers=user.headers)
    assert response.status_code == expect, response.text
    return response.json()["data"]["results"] if expect == 200 else response.json()


def pull_all(http, user, since=0, limit=500):
    changes = []
    while True:
        response = http.get(
            "/api/sync/changes", params={"since": since, "limit": limit}, headers=user.headers
        )
        assert response.status_code == 200, response.text
        page = response.json()["data"]
        changes.extend(page["changes"])
        since = page["next_since"]
        if not page["has_more"]:
            return changes, since


def test_push_creates_records_with_client_ids(http, caseworker):
    b_id, s_id = str(uuid.uuid4()), str(uuid.uuid4())
    results = push(
        http,
        caseworker,
        change("beneficiary", b_id, beneficiary_body(case_number=f"L-{b_id[:8]}")),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert [r["id"] for r in results] == [b_id, s_id]
    assert [r["entity"] for r in results] == ["beneficiary", "case_session"]
    assert results[0]["version"] == 1
    assert results[0]["record"]["case_number"] == f"L-{b_id[:8]}"
    assert results[1]["record"]["caseworker_id"] == caseworker.id
    fetched = http.get(f"/api/sessions/{s_id}", headers=caseworker.headers).json()["data"]
    assert fetched == results[1]["record"]


def test_one_bad_change_does_not_block_the_batch(http, caseworker):
    good = [str(uuid.uuid4()) for _ in range(3)]
    bad = str(uuid.uuid4())
    results = push(
        http,
        caseworker,
        change("beneficiary", good[0], beneficiary_body()),
        change("beneficiary", bad, beneficiary_body(date_of_birth="2024-02-30")),
        change("beneficiary", good[1], beneficiary_body()),
        {"entity": "nonsense", "id": 5},
        change("beneficiary", good[2], beneficiary_body()),
    )
    assert [r["status"] for r in results] == [
        "applied",
        "rejected",
        "applied",
        "rejected",
        "applied",
    ]
    assert results[1]["errors"] == {"date_of_birth": "is not a real calendar date"}
    assert results[1]["http_status"] == 422
    assert results[1]["id"] == bad
    assert {"entity", "id", "idempotency_key"} <= set(results[3]["errors"])
    assert http.get(f"/api/beneficiaries/{bad}", headers=caseworker.headers).status_code == 404
    for record_id in good:
        assert (
            http.get(f"/api/beneficiaries/{record_id}", headers=caseworker.headers).status_code
            == 200
        )


def test_same_push_twice_stores_each_record_once(http, caseworker):
    b_id = str(uuid.uuid4())
    batch = [
        change("beneficiary", b_id, beneficiary_body(first_name="Once")),
        change("case_session", str(uuid.uuid4()), session_body(beneficiary_id=b_id)),
    ]
    first = push(http, caseworker, *batch)
    second = push(http, caseworker, *batch)
    assert second == first, "a repeated key replays the stored result"
    listed = http.get("/api/beneficiaries", params={"search": "Once"}, headers=caseworker.headers)
    assert [b["id"] for b in listed.json()["data"]] == [b_id]
    sessions = http.get(f"/api/beneficiaries/{b_id}/sessions", headers=caseworker.headers)
    assert len(sessions.json()["data"]) == 1
    record = http.get(f"/api/beneficiaries/{b_id}", headers=caseworker.headers).json()["data"]
    assert record["version"] == 1


def test_parallel_identical_pushes_store_each_record_once(http, server):
    user = server.new_user()
    ids = [str(uuid.uuid4()) for _ in range(20)]
    batch = [change("beneficiary", i, beneficiary_body(last_name="Parallel")) for i in ids]
    outcomes: list = []
    errors: list = []

    def worker() -> None:
        try:
            with server.client() as client:
                outcomes.append(push(client, user, *batch))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(outcomes) == 4
    for results in outcomes:
        assert [r["status"] for r in results] == ["applied"] * 20
        assert all(r["version"] == 1 for r in results)
    listed = http.get(
        "/api/beneficiaries", params={"search": "Parallel", "per_page": 100}, headers=user.headers
    ).json()
    assert listed["meta"]["total"] == 20
    changes, _ = pull_all(http, user)
    assert sorted(c["id"] for c in changes) == sorted(ids)


def test_same_key_with_a_different_payload_is_rejected(http, caseworker):
    b_id = str(uuid.uuid4())
    key = uuid.uuid4().hex
    first = push(http, caseworker, change("beneficiary", b_id, beneficiary_body(), key=key))
    assert first[0]["status"] == "applied"
    other = push(
        http, caseworker, change("beneficiary", b_id, beneficiary_body(notes="changed"), key=key)
    )
    assert other[0]["status"] == "rejected"
    assert other[0]["code"] == "idempotency_key_reused"
    assert other[0]["http_status"] == 422
    assert "idempotency_key" in other[0]["errors"]
    record = http.get(f"/api/beneficiaries/{b_id}", headers=caseworker.headers).json()["data"]
    assert record["notes"] == beneficiary_body()["notes"]


def test_idempotency_keys_are_per_user(http, server):
    alice, bob = server.new_user(), server.new_user()
    key = uuid.uuid4().hex
    a = push(http, alice, change("beneficiary", str(uuid.uuid4()), beneficiary_body(), key=key))
    b = push(http, bob, change("beneficiary", str(uuid.uuid4()), beneficiary_body(), key=key))
    assert a[0]["status"] == b[0]["status"] == "applied"


def test_update_with_current_base_version_applies(http, caseworker):
    b_id = str(uuid.uuid4())
    push(http, caseworker, change("beneficiary", b_id, beneficiary_body()))
    results = push(
        http, caseworker, change("beneficiary", b_id, {"notes": "Second visit."}, base_version=1)
    )
    assert results[0]["status"] == "applied"
    assert results[0]["version"] == 2
    assert results[0]["record"]["notes"] == "Second visit."
    assert results[0]["record"]["first_name"] == "Amina"


def test_stale_base_version_returns_the_server_copy_and_changes_nothing(http, caseworker):
    b_id = str(uuid.uuid4())
    push(http, caseworker, change("beneficiary", b_id, beneficiary_body()))
    push(http, caseworker, change("beneficiary", b_id, {"notes": "Server side."}, base_version=1))
    before = http.get(f"/api/beneficiaries/{b_id}", headers=caseworker.headers).json()["data"]
    _, cursor = pull_all(http, caseworker)

    stale = push(
        http, caseworker, change("beneficiary", b_id, {"notes": "Laptop side."}, base_version=1)
    )
    assert stale[0]["status"] == "conflict"
    assert stale[0]["version"] == 2
    assert stale[0]["record"] == before
    after = http.get(f"/api/beneficiaries/{b_id}", headers=caseworker.headers).json()["data"]
    assert after == before
    new_changes, _ = pull_all(http, caseworker, since=cursor)
    assert new_changes == [], "a conflict bumps no sequence number"

    stale_delete = push(http, caseworker, change("beneficiary", b_id, op="delete", base_version=1))
    assert stale_delete[0]["status"] == "conflict"
    assert http.get(f"/api/beneficiaries/{b_id}", headers=caseworker.headers).status_code == 200


def test_null_base_version_on_existing_record(http, caseworker):
    b_id = str(uuid.uuid4())
    body = beneficiary_body()
    first = push(http, caseworker, change("beneficiary", b_id, body))
    # A lost acknowledgement retried with a new key: identical content is the same record.
    same = push(http, caseworker, change("beneficiary", b_id, body))
    assert same[0]["status"] == "applied"
    assert same[0]["version"] == first[0]["version"] == 1
    different = push(http, caseworker, change("beneficiary", b_id, {**body, "notes": "other"}))
    assert different[0]["status"] == "conflict"
    assert different[0]["record"]["notes"] == body["notes"]


def test_delete_makes_a_tombstone_without_personal_data(http, caseworker):
    b_id, s_id = str(uuid.uuid4()), str(uuid.uuid4())
    push(
        http,
        caseworker,
        change("beneficiary", b_id, beneficiary_body()),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
    )
    _, cursor = pull_all(http, caseworker)
    results = push(http, caseworker, change("beneficiary", b_id, op="delete", base_version=1))
    assert results[0]["status"] == "applied"
    assert results[0]["version"] == 2
    tombstone = results[0]["record"]
    assert tombstone["deleted"] is True
    for name in ("date_of_birth", "phone", "email", "address", "notes"):
        assert tombstone[name] is None, name
    assert tombstone["first_name"] == tombstone["last_name"] == ""

    feed, _ = pull_all(http, caseworker, since=cursor)
    assert [(c["entity"], c["id"], c["deleted"], c["version"]) for c in feed] == [
        ("case_session", s_id, True, 2),
        ("beneficiary", b_id, True, 2),
    ]
    assert feed[0]["data"]["summary"] is None

    again = push(http, caseworker, change("beneficiary", b_id, op="delete", base_version=1))
    assert again[0]["status"] == "applied", "deleting a tombstone again is harmless"
    revived = push(
        http, caseworker, change("beneficiary", b_id, beneficiary_body(), base_version=2)
    )
    assert revived[0]["status"] == "conflict", "a tombstone is final"
    missing = push(http, caseworker, change("beneficiary", str(uuid.uuid4()), op="delete"))
    assert missing[0]["status"] == "rejected"
    assert missing[0]["code"] == "not_found"


def test_session_deletes_in_a_push_go_with_their_beneficiarys_delete(http, caseworker):
    b_id, s_id, other_id = (str(uuid.uuid4()) for _ in range(3))
    push(
        http,
        caseworker,
        change("beneficiary", b_id, beneficiary_body()),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
        change("case_session", other_id, session_body(beneficiary_id=b_id)),
    )
    edited = push(
        http, caseworker, change("beneficiary", b_id, {"notes": "edited"}, base_version=1)
    )
    assert edited[0]["version"] == 2
    # Children first, as a client sends them; the beneficiary's base version is stale.
    stale = [
        change("case_session", s_id, op="delete", base_version=1),
        change("beneficiary", b_id, op="delete", base_version=1),
    ]
    results = push(http, caseworker, *stale)
    assert [(r["id"], r["status"]) for r in results] == [(s_id, "rejected"), (b_id, "conflict")]
    assert (results[0]["code"], results[0]["http_status"]) == ("parent_not_deleted", 409)
    kept = http.get(f"/api/sessions/{s_id}", headers=caseworker.headers).json()["data"]
    assert (kept["version"], kept["summary"], kept["outcome"]) == (
        1,
        "Discussed housing.",
        "Referral made.",
    )
    # The same keys again: nothing was stored for them, so they are answered afresh.
    assert [r["status"] for r in push(http, caseworker, *stale)] == ["rejected", "conflict"]

    current = [
        change("case_session", s_id, op="delete", base_version=1),
        change("beneficiary", b_id, op="delete", base_version=2),
    ]
    applied = push(http, caseworker, *current)
    assert [r["status"] for r in applied] == ["applied", "applied"]
    assert applied[0]["record"]["deleted"] is True and applied[0]["record"]["summary"] is None
    assert push(http, caseworker, *current) == applied  # a retry replays both answers
    gone = http.get(f"/api/sessions/{other_id}", headers=caseworker.headers)
    assert gone.status_code == 404  # deleted with its beneficiary, though not named


def test_session_for_unknown_beneficiary_is_rejected(http, caseworker):
    results = push(
        http,
        caseworker,
        change("case_session", str(uuid.uuid4()), session_body(beneficiary_id=str(uuid.uuid4()))),
    )
    assert results[0]["status"] == "rejected"
    assert "beneficiary_id" in results[0]["errors"]


def test_caseworker_cannot_push_over_another_caseworkers_record(http, server):
    owner, other = server.new_user(), server.new_user()
    b_id = str(uuid.uuid4())
    push(http, owner, change("beneficiary", b_id, beneficiary_body()))
    results = push(http, other, change("beneficiary", b_id, {"notes": "mine now"}, base_version=1))
    assert results[0]["status"] == "rejected"
    assert results[0]["code"] == "forbidden"
    assert results[0]["http_status"] == 403
    record = http.get(f"/api/beneficiaries/{b_id}", headers=owner.headers).json()["data"]
    assert record["notes"] == beneficiary_body()["notes"]
    feed, _ = pull_all(http, other)
    assert b_id not in [c["id"] for c in feed]


def test_change_feed_orders_by_seq_and_pages(http, server):
    user = server.new_user()
    ids = [str(uuid.uuid4()) for _ in range(7)]
    push(http, user, *[change("beneficiary", i, beneficiary_body()) for i in ids])
    push(http, user, change("beneficiary", ids[0], {"notes": "edited"}, base_version=1))

    feed, cursor = pull_all(http, user, limit=3)
    seqs = [c["seq"] for c in feed]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert [c["id"] for c in feed] == [*ids[1:], ids[0]], "an edited record moves to the end"
    assert feed[-1]["version"] == 2
    assert feed[-1]["data"]["notes"] == "edited"
    assert cursor >= seqs[-1]  # the last page moves the cursor to the server's head

    first_page = http.get(
        "/api/sync/changes", params={"since": 0, "limit": 3}, headers=user.headers
    ).json()["data"]
    assert len(first_page["changes"]) == 3
    assert first_page["has_more"] is True
    assert first_page["next_since"] == first_page["changes"][-1]["seq"]

    empty = http.get("/api/sync/changes", params={"since": cursor}, headers=user.headers)
    assert empty.json()["data"] == {"changes": [], "next_since": cursor, "has_more": False}


def test_the_pushing_run_can_leave_its_own_records_out_of_the_feed(http, server):
    org = f"org-{uuid.uuid4().hex[:6]}"
    laptop = server.new_user("supervisor", organisation=org)
    other = server.new_user("caseworker", organisation=org)
    run = str(uuid.uuid4())
    _, start = pull_all(http, laptop)
    mine, theirs, shared = (str(uuid.uuid4()) for _ in range(3))
    response = http.post(
        "/api/sync/push",
        json={
            "changes": [
                change("beneficiary", mine, beneficiary_body()),
                change("beneficiary", shared, beneficiary_body()),
            ]
        },
        headers={**laptop.headers, "X-Caseload-Sync-Run": run},
    )
    assert response.status_code == 200, response.text
    push(http, other, change("beneficiary", theirs, beneficiary_body()))
    # Someone else edits a record this run wrote: that newer version must come back.
    edited = push(http, laptop, change("beneficiary", shared, {"notes": "x"}, base_version=1))
    assert edited[0]["status"] == "applied"

    def feed(**params):
        answer = http.get(
            "/api/sync/changes", params={"since": start, **params}, headers=laptop.headers
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["data"]

    everything = feed()
    assert {c["id"] for c in everything["changes"]} == {mine, theirs, shared}
    without_run = feed(exclude_run=run)
    assert {c["id"] for c in without_run["changes"]} == {theirs, shared}
    assert without_run["next_since"] == everything["next_since"]
    assert feed(exclude_run=str(uuid.uuid4()))["changes"] == everything["changes"]
    for bad in ("short", "x" * 65, "not/allowed-run-id"):
        assert (
            http.get(
                "/api/sync/changes", params={"exclude_run": bad}, headers=laptop.headers
            ).status_code
            == 422
        )
    refused = http.post(
        "/api/sync/push",
        json={"changes": [change("beneficiary", str(uuid.uuid4()), beneficiary_body())]},
        headers={**laptop.headers, "X-Caseload-Sync-Run": "bad run id"},
    )
    assert refused.status_code == 422
    assert "X-Caseload-Sync-Run" in refused.json()["error"]["fields"]


def test_change_feed_rejects_bad_cursors(http, caseworker):
    for params in ({"since": -1}, {"since": "abc"}, {"limit": 0}, {"limit": 1001}):
        response = http.get("/api/sync/changes", params=params, headers=caseworker.headers)
        assert response.status_code == 422, params
    ahead = http.get("/api/sync/changes", params={"since": 10**15}, headers=caseworker.headers)
    assert ahead.status_code == 410
    assert ahead.json()["error"]["code"] == "sync_reset"


def test_supervisor_feed_sees_the_organisation(http, server):
    org = f"org-{uuid.uuid4().hex[:6]}"
    worker = server.new_user("caseworker", organisation=org)
    supervisor = server.new_user("supervisor", organisation=org)
    b_id = str(uuid.uuid4())
    push(http, worker, change("beneficiary", b_id, beneficiary_body()))
    feed, _ = pull_all(http, supervisor)
    assert b_id in [c["id"] for c in feed]
    edited = push(
        http,
        supervisor,
        change(
            "beneficiary",
            b_id,
            {"status": "closed", "closure_reason": "referred_elsewhere"},
            base_version=1,
        ),
    )
    assert edited[0]["status"] == "applied"


def test_digest_matches_the_records(http, server):
    user = server.new_user()
    ids = [str(uuid.uuid4()) for _ in range(3)]
    s_id = str(uuid.uuid4())
    push(
        http,
        user,
        *[change("beneficiary", i, beneficiary_body()) for i in ids],
        change("case_session", s_id, session_body(beneficiary_id=ids[0])),
    )
    push(http, user, change("beneficiary", ids[1], {"notes": "v2"}, base_version=1))
    push(http, user, change("beneficiary", ids[2], op="delete", base_version=1))
    digest = http.get("/api/sync/digest", headers=user.headers).json()["data"]
    expected = "\n".join(sorted([f"{ids[0]}:1", f"{ids[1]}:2"]))
    assert digest["entities"]["beneficiary"] == {
        "count": 2,
        "sha256": hashlib.sha256(expected.encode()).hexdigest(),
    }
    assert digest["entities"]["case_session"] == {
        "count": 1,
        "sha256": hashlib.sha256(f"{s_id}:1".encode()).hexdigest(),
    }
    assert isinstance(digest["seq"], int)


def test_push_envelope_errors(http, caseworker):
    assert http.post("/api/sync/push", json={}, headers=caseworker.headers).status_code == 422
    too_many = [change("beneficiary", str(uuid.uuid4()), beneficiary_body())] * 501
    response = http.post("/api/sync/push", json={"changes": too_many}, headers=caseworker.headers)
    assert response.status_code == 422
    assert "changes" in response.json()["error"]["fields"]
    assert http.post("/api/sync/push", json={"changes": []}, headers=caseworker.headers).json() == {
        "data": {"results": []}
    }


def test_a_reader_following_the_feed_during_parallel_pushes_misses_nothing(server):
    org = f"org-{uuid.uuid4().hex[:6]}"
    writers = [server.new_user("caseworker", organisation=org) for _ in range(4)]
    reader = server.new_user("supervisor", organisation=org)
    pushed: list[str] = []
    seen: set[str] = set()
    done = threading.Event()
    failures: list[BaseException] = []

    def write(user) -> None:
        try:
            with server.client() as client:
                for _ in range(8):
                    ids = [str(uuid.uuid4()) for _ in range(5)]
                    results = push(
                        client, user, *[change("beneficiary", i, beneficiary_body()) for i in ids]
                    )
                    assert all(r["status"] == "applied" for r in results)
                    pushed.extend(ids)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    def read() -> None:
        cursor = 0
        try:
            with server.client() as client:
                while True:
                    finished = done.is_set()
                    changes, cursor = pull_all(client, reader, since=cursor, limit=7)
                    seen.update(c["id"] for c in changes)
                    if finished:
                        return
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    writer_threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    for thread in writer_threads:
        thread.start()
    for thread in writer_threads:
        thread.join(timeout=120)
    done.set()
    reader_thread.join(timeout=120)
    assert not failures, failures
    assert len(pushed) == 4 * 8 * 5
    assert set(pushed) <= seen, "the cursor skipped changes that committed late"
