"""The change feed's `remaining`: a real progress total for a pull (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid

from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, push


def test_remaining_counts_down_to_zero_over_the_pages(http, server):
    org = f"org-{uuid.uuid4().hex[:6]}"
    laptop = server.new_user("supervisor", organisation=org)
    worker = server.new_user("caseworker", organisation=org)
    elsewhere = server.new_user("supervisor", organisation=f"other-{org}")
    ids = [str(uuid.uuid4()) for _ in range(7)]
    push(http, worker, *(change("beneficiary", i, beneficiary_body()) for i in ids))
    sessions = [session_body(beneficiary_id=i) for i in ids[:4]]
    push(http, worker, *(change("case_session", str(uuid.uuid4()), body) for body in sessions))
    # Another organisation's records are neither listed nor counted.
    push(http, elsewhere, change("beneficiary", str(uuid.uuid4()), beneficiary_body()))

    def page(since: int, **params) -> dict:
        answer = http.get(
            "/api/sync/changes",
            params={"since": since, "limit": 3, **params},
            headers=laptop.headers,
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["data"]

    since, remaining, seen = 0, [], 0
    while True:
        data = page(since, count_remaining=1)
        seen += len(data["changes"])
        remaining.append(data["remaining"])
        since = data["next_since"]
        if not data["has_more"]:
            break
    assert seen == 11
    assert remaining == [8, 5, 2, 0]
    # Not asked: no count (its cost grows with what is left).
    assert "remaining" not in page(0)
    for bad in ("2", "yes", "-1"):
        answer = http.get(
            "/api/sync/changes", params={"count_remaining": bad}, headers=laptop.headers
        )
        assert answer.status_code == 422, answer.text
        assert "count_remaining" in answer.text


def test_a_caseworkers_remaining_counts_only_their_records(http, server):
    org = f"org-{uuid.uuid4().hex[:6]}"
    mine, theirs = server.new_user("caseworker", org), server.new_user("caseworker", org)
    for user, count in ((mine, 3), (theirs, 5)):
        new = [change("beneficiary", str(uuid.uuid4()), beneficiary_body()) for _ in range(count)]
        push(http, user, *new)
    answer = http.get(
        "/api/sync/changes",
        params={"since": 0, "limit": 1, "count_remaining": 1},
        headers=mine.headers,
    ).json()["data"]
    assert (len(answer["changes"]), answer["remaining"]) == (1, 2)


def test_the_page_and_the_count_walk_the_seq_index_on_sqlite(tmp_path):
    from server.db import make_engine, upgrade
    from server.feed import count_after, feed_sources, page_after
    from server.models import User
    from server.records import Actor

    engine = make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    upgrade(engine)
    plans = []
    for role in ("supervisor", "caseworker"):
        who = Actor(User(id=str(uuid.uuid4()), role=role, organisation="o"))
        for model, condition in feed_sources(who, "run-12345678"):
            for statement in (
                # Up to where the feed ends (db.begin_feed_snapshot), as the feed asks.
                page_after(model, condition, 1000, 501, 2**40),
                count_after(model, condition, 1000, 2**40),
            ):
                compiled = statement.compile(engine)
                values = tuple(compiled.params[name] for name in compiled.positiontup)
                with engine.connect() as connection:
                    plan = connection.exec_driver_sql(
                        f"EXPLAIN QUERY PLAN {compiled}", values
                    ).all()
                plans.append((model.__tablename__, " | ".join(row[-1] for row in plan)))
    engine.dispose()
    assert {table for table, _plan in plans} == {
        "beneficiaries",
        "case_sessions",
        "record_departures",
        "tasks",
        "household_links",
        "referrals",
        "transfers",
    }
    for table, plan in plans:
        assert "SCAN" not in plan, (table, plan)
        if table == "record_departures":
            # One caseworker's departures: their own index, not the office.
            assert "ix_record_departures_caseworker_id (caseworker_id=?)" in plan, plan
            continue
        assert "TEMP B-TREE" not in plan, plan
        if table == "beneficiaries":
            # The owner column's equality and the seq range: one index (migration 0015).
            assert plan.startswith("SEARCH beneficiaries USING INDEX ix_beneficiaries_"), plan
            assert "_seq (" in plan and "seq>?" in plan, plan
            continue
        # Sessions and the others: the seq range from the cursor, then at most a
        # primary-key look-up of the beneficiary; never the organisation's or
        # caseworker's index.
        assert plan.startswith(f"SEARCH {table} USING INDEX ix_{table}_seq (seq>? AND seq<?)"), plan
        assert "organisation" not in plan and "caseworker_id" not in plan, plan
