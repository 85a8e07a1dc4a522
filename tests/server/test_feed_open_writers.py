"""PostgreSQL: pushes take their numbers without a lock held to the commit; the feed
stops below the oldest number a transaction still open may commit (server/db.py).

A push is held open inside the real code path (a second server in this process, the
same database, its push paused after it numbered and wrote its rows) while the running
server takes and commits a later one; numbers taken and rolled back leave a gap the
feed passes over; pushes of the same records at once still store each record once.
"""

from __future__ import annotations

import os
import threading
import uuid

import pytest
from sqlalchemy import func, select

from server import push_rows
from server.app import create_app
from server.config import ServerConfig
from server.db import begin_write, make_session_factory, next_seq, take_seqs
from server.models import Beneficiary
from tests.server.conftest import beneficiary_body, postgres_url
from tests.server.test_sync import change, push

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def backend() -> str:
    postgres_url("the feed's end below open writers is PostgreSQL's")
    return "postgres"


@pytest.fixture
def second_server(server, monkeypatch):
    """The same server's code in this process, on the same database and keys."""
    for name in list(os.environ):
        if name.startswith("CASELOAD_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("DATABASE_URL", server.env["DATABASE_URL"])
    app = create_app(ServerConfig.load(server.data_dir, dev=True))
    yield app
    app.extensions["caseload"].engine.dispose()


def feed(http, user, since: int, **params) -> dict:
    response = http.get(
        "/api/sync/changes", params={"since": since, **params}, headers=user.headers
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]


def pushed(http, user, last_name: str) -> str:
    record_id = str(uuid.uuid4())
    results = push(
        http, user, change("beneficiary", record_id, beneficiary_body(last_name=last_name))
    )
    assert results[0]["status"] == "applied", results
    return record_id


class HeldPush:
    """A push through the second server that stops after writing its rows, uncommitted."""

    def __init__(self, app, monkeypatch, user) -> None:
        self.numbered = threading.Event()
        self.release = threading.Event()
        self.answer: list = []
        self.record_id = str(uuid.uuid4())
        original = push_rows.insert_new_rows

        def held(session, rows):
            count = original(session, rows)
            self.numbered.set()
            assert self.release.wait(60), "the test never let the held push go"
            return count

        monkeypatch.setattr(push_rows, "insert_new_rows", held)
        body = {
            "changes": [change("beneficiary", self.record_id, beneficiary_body(last_name="Held"))]
        }

        def run() -> None:
            response = app.test_client().post("/api/sync/push", json=body, headers=user.headers)
            self.answer.append(response)

        self.thread = threading.Thread(target=run)

    def __enter__(self) -> HeldPush:
        self.thread.start()
        assert self.numbered.wait(60), "the held push never numbered its rows"
        return self

    def __exit__(self, *_exc) -> None:
        self.release.set()
        self.thread.join(timeout=60)


def test_the_feed_stops_below_a_push_still_open_then_returns_it(
    http, server, second_server, monkeypatch
):
    user = server.new_user()
    first = pushed(http, user, "First")
    page = feed(http, user, 0)
    assert [c["id"] for c in page["changes"]] == [first]
    cursor = page["next_since"]

    with HeldPush(second_server, monkeypatch, user) as held:
        # Not behind the held push's lock: a later push numbers and commits meanwhile.
        later = pushed(http, user, "Later")
        while_open = feed(http, user, cursor, count_remaining=1)
        # The later push is committed, but its number is above the held one's: the
        # feed gives neither, says nothing more is there, and keeps the cursor below.
        assert while_open["changes"] == []
        assert while_open["has_more"] is False
        assert while_open["remaining"] == 0
        stopped_at = while_open["next_since"]
        assert stopped_at >= cursor
    assert held.answer and held.answer[0].status_code == 200, held.answer
    assert held.answer[0].json["data"]["results"][0]["status"] == "applied"

    after = feed(http, user, stopped_at)
    assert [c["id"] for c in after["changes"]] == [held.record_id, later]
    held_seq, later_seq = (c["seq"] for c in after["changes"])
    assert stopped_at < held_seq < later_seq
    assert after["next_since"] >= later_seq


def test_numbers_rolled_back_leave_a_gap_the_feed_passes(http, server, engine):
    user = server.new_user()
    cursor = feed(http, user, 0)["next_since"]
    with make_session_factory(engine)() as open_writer:
        taken = take_seqs(open_writer, 3)
        after_them = pushed(http, user, "AfterGap")
        while_open = feed(http, user, cursor)
        assert while_open["changes"] == []
        assert while_open["next_since"] < taken[0]
        open_writer.rollback()
    page = feed(http, user, cursor)
    assert [c["id"] for c in page["changes"]] == [after_them]
    assert page["changes"][0]["seq"] > taken[-1]
    assert page["next_since"] >= page["changes"][0]["seq"]


def test_an_edit_under_the_write_lock_keeps_the_feed_below_its_numbers(http, server, engine):
    """Writers outside the pushes (server/records.py under begin_write) count too."""
    user = server.new_user()
    cursor = feed(http, user, 0)["next_since"]
    with make_session_factory(engine)() as editor:
        begin_write(editor)
        number = next_seq(editor)
        assert cursor < number
        assert feed(http, user, cursor)["next_since"] < number
        editor.commit()
    assert feed(http, user, cursor)["next_since"] >= number


def run_at_once(server, user, bodies: list[dict], *, whole: bool = False) -> list:
    """Each body pushed by its own thread, all released together: each push's first
    result, or with `whole` each push's list of results."""
    start = threading.Barrier(len(bodies))
    answers: list = [None] * len(bodies)

    def one(index: int) -> None:
        with server.client() as client:
            start.wait(30)
            answers[index] = client.post("/api/sync/push", json=bodies[index], headers=user.headers)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(a is not None and a.status_code == 200 for a in answers), answers
    results = [a.json()["data"]["results"] for a in answers]
    return results if whole else [each[0] for each in results]


def count(engine, *where) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(Beneficiary).where(*where)
        ).scalar_one()


def test_the_same_record_pushed_at_once_is_stored_once(server, engine):
    user = server.new_user()
    record_id = str(uuid.uuid4())
    data = beneficiary_body(last_name="Twice")
    same_key = {"changes": [change("beneficiary", record_id, data, key="k-" + record_id)]}
    results = run_at_once(server, user, [same_key] * 6)
    assert [r["status"] for r in results] == ["applied"] * 6
    assert {r["version"] for r in results} == {1}
    other_keys = [{"changes": [change("beneficiary", record_id, data)]} for _ in range(6)]
    again = run_at_once(server, user, other_keys)
    # The record exists: each is a conflict (a create over it) or its replay, none a second.
    assert all(r["status"] in ("applied", "conflict") for r in again), again
    assert count(engine, Beneficiary.id == record_id) == 1


def test_one_case_number_pushed_at_once_goes_to_one_record(server, engine):
    user = server.new_user()
    number = f"CN-{uuid.uuid4().hex[:10]}"
    bodies = [
        {
            "changes": [
                change("beneficiary", str(uuid.uuid4()), beneficiary_body(case_number=number))
            ]
        }
        for _ in range(6)
    ]
    results = run_at_once(server, user, bodies)
    assert sorted(r["status"] for r in results) == ["applied"] + ["rejected"] * 5, results
    assert count(engine, Beneficiary.case_number == number) == 1
