"""A first pull killed (SIGKILL) midway resumes from its checkpoint: every record once.

The child process pulls in pages of 20, two pages to a transaction (``GROUP_RECORDS``),
and is killed while it writes its fourth page (the third and fourth pages' rows inserted,
their transaction not committed). The next sync starts from the cursor the second page
committed with: the records of the pages before are not applied again, the killed
transaction's are applied once, none is missing. The first pull of the empty laptop had
left out the indexes on random keys (``deferred_indexes``): the next open makes them.
"""

from __future__ import annotations

import textwrap
from datetime import datetime

import pytest

from tests.e2e.conftest import LOCAL_PASSWORD, server_records
from tests.processes import sigkill_after_line, start_python

CHILD = textwrap.dedent(
    """
    import sys, time
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services.sync_account import SyncAccount
    from desktop.sync import engine as engine_module, pull, pulled
    from desktop.sync.client import RetryPolicy

    data_dir, password = sys.argv[1:3]
    login = LocalAccounts(DataPaths.resolve(data_dir)).login("admin", password, check=False)

    original_init = engine_module.SyncEngine.__init__
    def init(self, *args, **kwargs):
        kwargs["page_size"] = 20
        original_init(self, *args, **kwargs)
    engine_module.SyncEngine.__init__ = init
    pull.GROUP_RECORDS, pull.GROUP_SECONDS = 40, 600.0  # two pages per transaction
    pull.PageFetcher.ready = lambda self: True  # whether or not the next one is here yet

    original_write = pulled.PulledWrites.write
    pages = [0]
    def write(self, session):
        original_write(self, session)
        pages[0] += 1
        if pages[0] == 4:  # written, not committed
            print("MARK", flush=True)
            time.sleep(120)
    pulled.PulledWrites.write = write

    SyncAccount(login.db, login.actor).sync(policy=RetryPolicy(attempts=2, first_delay=0.01))
    print("DONE", flush=True)
    """
)


def local_counts(laptop, sql: str) -> dict[str, int]:
    with laptop.login.db.raw_connection() as connection:
        return dict(connection.execute(sql).fetchall())


@pytest.mark.slow
def test_a_pull_killed_midway_resumes_from_its_checkpoint(laptops, sync_server):
    writer = laptops()
    for n in range(60):
        person = writer.services.beneficiaries.create({"first_name": f"P{n}", "last_name": "K"})
        writer.services.case_sessions.create(person.id, {"starts_at": datetime(2026, 3, 2, 10)})
    assert writer.sync().errors == 0
    laptop = laptops()
    laptop.login.close()
    child = start_python(CHILD, str(laptop.paths.root), LOCAL_PASSWORD)
    sigkill_after_line(child, "MARK")

    laptop.reopen()
    with laptop.login.db.read() as uow:
        from desktop.store.journal import get_state

        cursor = get_state(uow.session, f"pull_since:{laptop.server_user.id}")
    assert cursor is not None and int(cursor) > 0  # two pages committed with their cursor
    kept = local_counts(
        laptop,
        "SELECT 'b', count(*) FROM beneficiaries UNION ALL SELECT 's', count(*) FROM case_sessions",
    )
    assert sum(kept.values()) == 2 * 20  # the killed transaction left nothing behind
    with laptop.login.db.raw_connection() as connection:
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        noted = connection.execute(
            "SELECT count(*) FROM sync_state WHERE key = 'deferred_indexes'"
        ).fetchone()[0]
    assert {"ix_case_sessions_follow_up", "ix_beneficiaries_last_name"} <= indexes
    assert noted == 0

    report = laptop.sync()
    assert report.errors == 0 and report.digest_ok, report
    people = server_records(sync_server, laptop.server_user, "beneficiary")
    visits = server_records(sync_server, laptop.server_user, "case_session")
    assert (len(people), len(visits)) == (60, 60)
    rows = local_counts(
        laptop,
        "SELECT id, count(*) FROM (SELECT id FROM beneficiaries UNION ALL "
        "SELECT id FROM case_sessions) GROUP BY id",
    )
    assert rows == dict.fromkeys([*people, *visits], 1)
    # One creation event per record: nothing was applied twice.
    created = local_counts(
        laptop,
        "SELECT entity_id, count(*) FROM audit_events WHERE action = 'sync_create' "
        "GROUP BY entity_id",
    )
    assert created == dict.fromkeys([*people, *visits], 1)
    with laptop.login.db.raw_connection() as connection:
        bases = connection.execute("SELECT count(*) FROM sync_base").fetchone()[0]
    assert bases == 120


def test_a_first_pull_leaves_the_random_key_indexes_out_and_makes_them_after(
    laptops, sync_server, monkeypatch
):
    """An empty laptop's first pull writes without the indexes on random keys and makes
    them once at its end; a laptop that already holds records keeps them throughout."""
    from desktop.sync import pulled

    writer = laptops()
    for n in range(5):
        person = writer.services.beneficiaries.create({"first_name": f"P{n}", "last_name": "K"})
        writer.services.case_sessions.create(person.id, {"starts_at": datetime(2026, 3, 2, 10)})
    assert writer.sync().errors == 0

    seen_during: list[bool] = []
    original_write = pulled.PulledWrites.write

    def write(self, session):
        original_write(self, session)
        names = session.connection().exec_driver_sql("SELECT name FROM sqlite_master")
        seen_during.append("ix_case_sessions_follow_up" in {row[0] for row in names})

    monkeypatch.setattr(pulled.PulledWrites, "write", write)
    fresh = laptops()
    assert fresh.sync().errors == 0
    # Left out while the first pull's page was written (the sync's closing pull, after
    # it, starts from a cursor: its writes see them).
    assert seen_during[:1] == [False]

    def indexes(laptop) -> set[tuple[str, str]]:
        with laptop.login.db.raw_connection() as connection:
            return set(
                connection.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                )
            )

    made_again = indexes(fresh)
    assert made_again == indexes(writer)  # every index back, as its migration made it
    assert {"ix_case_sessions_follow_up", "ix_beneficiaries_last_name"} <= {
        name for name, _sql in made_again
    }

    seen_during.clear()
    holding = laptops()
    holding.services.beneficiaries.create({"first_name": "Own", "last_name": "Record"})
    assert holding.sync().errors == 0
    assert seen_during and all(seen_during)  # not empty: its indexes stay
