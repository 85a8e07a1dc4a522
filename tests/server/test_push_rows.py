"""The push's bulk path: plain new rows, numbers handed out at the end, fresh statistics."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from server import push_rows
from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, pull_all, push


def test_every_kind_a_push_creates_gets_a_real_number_in_feed_order(http, caseworker):
    b_id, s_id, t_id = (str(uuid.uuid4()) for _ in range(3))
    results = push(
        http,
        caseworker,
        change("beneficiary", b_id, beneficiary_body(first_name="Rana")),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
        change("task", t_id, {"beneficiary_id": b_id, "due_on": "2026-12-20", "title": "Call"}),
    )
    assert [r["status"] for r in results] == ["applied"] * 3
    # A stored record changed: this one is written with the lock held throughout.
    s2 = str(uuid.uuid4())
    results = push(
        http,
        caseworker,
        change("beneficiary", b_id, beneficiary_body(first_name="Rania"), base_version=1),
        change("case_session", s2, session_body(beneficiary_id=b_id)),
    )
    assert [r["status"] for r in results] == ["applied"] * 2
    feed, cursor = pull_all(http, caseworker)
    seqs = [c["seq"] for c in feed]
    assert all(seq > 0 for seq in seqs)
    assert seqs == sorted(set(seqs))
    assert cursor == max(seqs)
    latest = {c["id"]: c for c in feed}
    assert set(latest) == {b_id, s_id, t_id, s2}
    assert (latest[b_id]["version"], latest[b_id]["data"]["first_name"]) == (2, "Rania")


def test_a_record_created_and_changed_in_one_push_is_stored_as_last_changed(http, caseworker):
    b_id, s_id = str(uuid.uuid4()), str(uuid.uuid4())
    results = push(
        http,
        caseworker,
        change("beneficiary", b_id, beneficiary_body(first_name="Hala")),
        change("case_session", s_id, session_body(beneficiary_id=b_id)),
        change("beneficiary", b_id, beneficiary_body(first_name="Huda"), base_version=1),
    )
    assert [(r["status"], r["version"]) for r in results] == [
        ("applied", 1),
        ("applied", 1),
        ("applied", 2),
    ]
    fetched = http.get(f"/api/beneficiaries/{b_id}", headers=caseworker.headers).json()["data"]
    assert (fetched["first_name"], fetched["version"]) == ("Huda", 2)
    feed, _cursor = pull_all(http, caseworker)
    mine = [c for c in feed if c["id"] == b_id]
    assert [(c["version"], c["data"]["first_name"]) for c in mine] == [(2, "Huda")]


def test_large_pushes_refresh_the_statistics_once_per_mark(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'stats.db'}")
    try:
        assert not push_rows.note_inserted(engine, push_rows._GROWTH_FIRST - 1)
        assert push_rows.note_inserted(engine, 1)
        assert not push_rows.note_inserted(engine, push_rows._GROWTH_FIRST)
        assert push_rows.note_inserted(engine, push_rows._GROWTH_FIRST)  # the mark doubled
    finally:
        engine.dispose()
