"""PostgreSQL: two pushes that add the same new records in opposite orders deadlock, and
the one PostgreSQL picks to fail is redone change by change (server/api/sync.py: push).

Pushes that only add rows share the write lock (push_rows.lock_and_number), so nothing
orders their inserts. A trigger in the test's schema slows each insert of the two
records, so both pushes hold their first record before either reaches its second:
each then waits on the other's uncommitted row, and PostgreSQL breaks the cycle with
SQLSTATE 40P01 after `deadlock_timeout`.
"""

from __future__ import annotations

import time
import uuid

import pytest
from sqlalchemy import select, text

from server.models import Beneficiary
from tests.server.conftest import beneficiary_body, postgres_url
from tests.server.test_feed_open_writers import count, run_at_once
from tests.server.test_sync import change

pytestmark = pytest.mark.postgres

SLOW_NAME = "SlowInsert"  # the trigger waits only on rows with this last name
PAUSE_S = 1.0


@pytest.fixture(scope="module")
def backend() -> str:
    postgres_url("pushes sharing the write lock are PostgreSQL's")
    return "postgres"


@pytest.fixture
def slow_inserts(engine):
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN IF NEW.last_name = '{SLOW_NAME}' THEN PERFORM pg_sleep({PAUSE_S}); "
                "END IF; RETURN NEW; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER slow_insert BEFORE INSERT ON beneficiaries "
                "FOR EACH ROW EXECUTE FUNCTION slow_insert()"
            )
        )
    yield
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER slow_insert ON beneficiaries"))
        connection.execute(text("DROP FUNCTION slow_insert()"))


def deadlocks(engine) -> int:
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_stat_clear_snapshot()"))
        return connection.execute(
            text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        ).scalar_one()


def test_two_pushes_deadlocked_on_new_records_store_each_once(server, engine, slow_inserts):
    user = server.new_user()
    first, second = str(uuid.uuid4()), str(uuid.uuid4())

    def body(laptop: str, *order: str) -> dict:
        """The two records as one laptop wrote them, in its order."""
        return {
            "changes": [
                change(
                    "beneficiary",
                    record_id,
                    beneficiary_body(
                        first_name=laptop, last_name=SLOW_NAME, case_number=f"CN-{record_id[:12]}"
                    ),
                )
                for record_id in order
            ]
        }

    before = deadlocks(engine)
    answers = run_at_once(
        server, user, [body("Ayla", first, second), body("Bako", second, first)], whole=True
    )

    # One push stored both records; the other, redone change by change after it, finds
    # them stored with other values: each of its creations is a conflict, not a second
    # record and not an overwrite.
    statuses = [[r["status"] for r in results] for results in answers]
    assert sorted(statuses) == [["applied", "applied"], ["conflict", "conflict"]], answers
    winner = "Ayla" if statuses[0] == ["applied", "applied"] else "Bako"
    with engine.connect() as connection:
        stored = connection.execute(
            select(Beneficiary.first_name, Beneficiary.version).where(
                Beneficiary.id.in_([first, second])
            )
        ).all()
    assert sorted(stored) == [(winner, 1), (winner, 1)]
    assert count(engine, Beneficiary.id.in_([first, second])) == 2
    assert "raced; redoing it change by change" in server.log()
    # It was a deadlock PostgreSQL broke, not a wait then a unique violation (the other
    # redo): the database's counter moved (its statistics are flushed within a second).
    deadline = time.monotonic() + 10
    while deadlocks(engine) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert deadlocks(engine) == before + 1
