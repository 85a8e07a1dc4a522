"""A page's session whose beneficiary is on no page yet: the parent is fetched, never
with the pull's write transaction open.

The feed lists each record at its last write: a beneficiary edited after its sessions
comes after them, on a later page. The laptop asks the server for it when the session
arrives; the pages of the group written before are committed first, so a caseworker's
save is not kept waiting across a request.
"""

from __future__ import annotations

from datetime import datetime

import httpx
import sqlcipher3

from desktop.sync import engine as engine_module
from desktop.sync import pull
from tests.e2e.conftest import server_records


class WatchParents(httpx.HTTPTransport):
    """A real transport that, before each request for one beneficiary, has another
    connection to the laptop's file take the write lock (and count what it can read)."""

    def __init__(self, laptop):
        super().__init__()
        self.laptop = laptop
        self.seen: list[tuple[bool, int]] = []  # (write lock free, beneficiaries readable)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path.startswith("/api/beneficiaries/"):
            with self.laptop.login.db.raw_connection() as connection:
                connection.execute("PRAGMA busy_timeout = 0")
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute(
                        "INSERT INTO sync_state (key, value) VALUES ('parent-probe', '1')"
                    )
                    connection.execute("DELETE FROM sync_state WHERE key = 'parent-probe'")
                    connection.execute("COMMIT")
                    free = True
                except sqlcipher3.OperationalError:  # 'database is locked'
                    free = False
                count = connection.execute("SELECT count(*) FROM beneficiaries").fetchone()[0]
            self.seen.append((free, count))
        return super().handle_request(request)


def test_a_session_whose_parent_comes_later_is_pulled_with_its_parent(
    laptops, sync_server, monkeypatch
):
    writer = laptops()

    def made(count: int) -> list:
        people = []
        for n in range(count):
            person = writer.services.beneficiaries.create({"first_name": f"P{n}", "last_name": "K"})
            writer.services.case_sessions.create(person.id, {"starts_at": datetime(2026, 3, 2, 10)})
            people.append(person)
        assert writer.sync().errors == 0  # one push each: the feed keeps these groups apart
        return people

    made(10)  # the first page of 20
    later = made(5)
    made(10)
    # Edited after their sessions: in the feed, after them (on the third page, while
    # their sessions are on the second).
    for person in later:
        writer.services.beneficiaries.update(person.id, {"phone": "+961 70 000000"})
    assert writer.sync().errors == 0

    # Pages of 20, grouped in one transaction while the next is here: the first page
    # (ten beneficiaries and their sessions) is in the group when the second page's
    # sessions ask for their parents.
    original_init = engine_module.SyncEngine.__init__

    def init(self, *args, **kwargs):
        kwargs["page_size"] = 20
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(engine_module.SyncEngine, "__init__", init)
    monkeypatch.setattr(pull.PageFetcher, "ready", lambda self: True)

    fresh = laptops()
    transport = WatchParents(fresh)
    report = fresh.sync(transport=transport)
    assert report.errors == 0 and report.digest_ok, report
    # Five parents fetched, each with the write lock free and the first page committed.
    assert transport.seen == [(True, 10)] * 5
    assert report.received == 50  # each record once: the parents not again from the feed

    on_server = {
        entity: server_records(sync_server, fresh.server_user, entity)
        for entity in ("beneficiary", "case_session")
    }
    with fresh.login.db.raw_connection() as connection:
        here = {
            "beneficiary": dict(connection.execute("SELECT id, server_version FROM beneficiaries")),
            "case_session": dict(
                connection.execute("SELECT id, server_version FROM case_sessions")
            ),
        }
        created = connection.execute(
            "SELECT count(*), count(DISTINCT entity_id) FROM audit_events "
            "WHERE action = 'sync_create'"
        ).fetchone()
    for entity, records in on_server.items():
        assert here[entity] == {i: r["version"] for i, r in records.items()}
    assert len(here["beneficiary"]) == 25 and len(here["case_session"]) == 25
    assert tuple(created) == (50, 50)
    phones = {fresh.services.beneficiaries.get(p.id).phone for p in later}
    assert phones == {"+961 70 000000"}
