"""The status bar's sync counts: exact when small, capped past PENDING_CAP, via the index."""

from __future__ import annotations

from sqlalchemy import update

from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.services.sync_account import PENDING_CAP, SyncAccount
from desktop.store.tables import OutboxRow


def test_counts_are_exact_below_the_cap_and_capped_above(office):
    login = office.login("sam")
    account = SyncAccount(login.db, login.actor)
    BulkImporter(login.db, login.actor).import_records(demo_records(50, 0, seed=3), total=50)
    with login.db.write() as uow:
        uow.session.execute(update(OutboxRow).where(OutboxRow.id <= 3).values(state="error"))
        uow.commit()
    small = account.overview()
    assert (small.pending, small.pending_more, small.errors) == (47, False, 3)

    count = PENDING_CAP + 10
    BulkImporter(login.db, login.actor).import_records(demo_records(count, 0, seed=4), total=count)
    big = account.overview()
    assert (big.pending, big.pending_more, big.errors) == (PENDING_CAP, True, 3)
    with login.db.engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM outbox WHERE state = 'error'"
        ).all()
    assert "ix_outbox_state" in str(plan)
