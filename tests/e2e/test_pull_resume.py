"""A first pull killed (SIGKILL) midway resumes from its checkpoint: every record once.

The child process pulls in pages of 40 and is killed while it writes its fourth page
(that page's rows inserted, its transaction not committed). The next sync starts from
the cursor the third page committed with: the records of the pages before are not
applied again, the killed page's are applied once, none is missing.
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
    from desktop.sync import engine as engine_module, pulled
    from desktop.sync.client import RetryPolicy

    data_dir, password = sys.argv[1:3]
    login = LocalAccounts(DataPaths.resolve(data_dir)).login("admin", password, check=False)

    original_init = engine_module.SyncEngine.__init__
    def init(self, *args, **kwargs):
        kwargs["page_size"] = 40
        original_init(self, *args, **kwargs)
    engine_module.SyncEngine.__init__ = init

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
    assert cursor is not None and int(cursor) > 0  # three pages committed with their cursor
    kept = local_counts(
        laptop,
        "SELECT 'b', count(*) FROM beneficiaries UNION ALL SELECT 's', count(*) FROM case_sessions",
    )
    assert sum(kept.values()) == 3 * 40  # the fourth page left nothing behind

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
