"""The change feed's page walks each table's seq index, with no sort (SQLite and PostgreSQL).

Both statements of a page (`page_after`: where it ends; `page_rows`: its rows) are
EXPLAINed for a supervisor (the organisation) and a caseworker (their caseload) on a
database holding two organisations' beneficiaries and sessions, before and after the
planner has statistics. A caseworker's departures use their own index (a caseworker's
few, see test_feed_remaining.py) and are left out here.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import datetime

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import make_url

from server.db import make_engine, upgrade
from server.feed import feed_sources, page_after, page_rows
from server.models import Beneficiary, CaseSession, RecordDeparture, User
from server.records import Actor
from tests.server.conftest import POSTGRES_URL_ENV, PostgresSchemas

PEOPLE = 20_000
# Where the feed ends (db.begin_feed_snapshot), past every row here.
FEED_END = 2**40
NOW = datetime(2026, 1, 5, 9, 0)


def fill(engine) -> tuple[User, User]:
    users = [
        {
            "id": str(uuid.uuid4()),
            "username": name,
            "username_key": name,
            "display_name": "",
            "password_hash": "x",
            "role": role,
            "organisation": org,
            "active": True,
            "created_at": NOW,
        }
        for name, role, org in (
            ("sup", "supervisor", "a"),
            ("cw", "caseworker", "a"),
            ("other", "caseworker", "b"),
        )
    ]
    stamps = {"version": 1, "deleted": False, "created_at": NOW, "updated_at": NOW}
    people, visits = [], []
    seq = 0
    for number in range(PEOPLE):
        owner = users[1 + number % 2]
        seq += 1
        person = str(uuid.uuid4())
        people.append(
            {
                "id": person,
                "case_number": f"P-{number}",
                "caseworker_id": owner["id"],
                "organisation": owner["organisation"],
                "seq": seq,
                **stamps,
            }
        )
        for _ in range(3):
            seq += 1
            visits.append(
                {
                    "id": str(uuid.uuid4()),
                    "beneficiary_id": person,
                    "caseworker_id": owner["id"],
                    "starts_at": NOW,
                    "kind": "office",
                    "seq": seq,
                    **stamps,
                }
            )
    with engine.begin() as connection:
        connection.execute(insert(User.__table__), users)
        connection.execute(insert(Beneficiary.__table__), people)
        connection.execute(insert(CaseSession.__table__), visits)
    made = [User(**{k: v for k, v in user.items()}) for user in users[:2]]
    return made[0], made[1]


def plans(engine, supervisor: User, caseworker: User, explain: str, tables: set[str]):
    found = []
    for user in (supervisor, caseworker):
        for model, condition in feed_sources(Actor(user), None):
            if model is RecordDeparture or model.__tablename__ not in tables:
                continue
            for statement in (
                page_after(model, condition, PEOPLE, 501, FEED_END),
                page_rows(engine, model, list(range(PEOPLE + 1, PEOPLE + 501))),
            ):
                sql = statement.compile(engine, compile_kwargs={"literal_binds": True})
                with engine.connect() as connection:
                    rows = connection.exec_driver_sql(f"{explain} {sql}").all()
                found.append((user.role, model.__tablename__, " | ".join(str(r[-1]) for r in rows)))
    assert found
    return found


ALL = {"beneficiaries", "case_sessions", "tasks", "household_links", "referrals", "transfers"}


def test_sqlite_walks_the_seq_index_without_a_sort(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    upgrade(engine)
    supervisor, caseworker = fill(engine)
    for analysed in (False, True):
        if analysed:
            with engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        for role, table, plan in plans(engine, supervisor, caseworker, "EXPLAIN QUERY PLAN", ALL):
            used = plan.replace("USING COVERING INDEX", "USING INDEX")
            assert used.startswith(f"SEARCH {table} USING INDEX ix_{table}_"), (analysed, plan)
            first = plan.split(" | ")[0]
            assert "seq>?" in first or "seq=?" in first, (analysed, role, plan)
            # A page's rows: one index search per number of the bound list (db.one_of),
            # which SQLite reads from json_each, a virtual table; no table is scanned.
            listed = re.sub(r"LIST SUBQUERY \d+ \| SCAN \w+ VIRTUAL TABLE INDEX \d+:", "", plan)
            assert "TEMP B-TREE" not in plan and "SCAN" not in listed, (analysed, role, plan)
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get(POSTGRES_URL_ENV), reason=f"{POSTGRES_URL_ENV} is not set")
def test_postgresql_walks_the_seq_index_without_a_sort():
    url = make_url(os.environ[POSTGRES_URL_ENV]).set(drivername="postgresql+psycopg")
    schemas = PostgresSchemas(url.render_as_string(hide_password=False))
    try:
        engine = make_engine(schemas.fresh_url())
        upgrade(engine)
        supervisor, caseworker = fill(engine)
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        big = {"beneficiaries", "case_sessions"}  # the others are empty here
        for role, table, plan in plans(engine, supervisor, caseworker, "EXPLAIN", big):
            walks = (f"Index Scan using ix_{table}_", f"Index Only Scan using ix_{table}_")
            # A page's rows by their numbers may also come by a bitmap of the seq index
            # (their order is the caller's, see feed_page).
            walks += (f"Bitmap Index Scan on ix_{table}_seq",)
            assert any(walk in plan for walk in walks), (role, plan)
            assert "seq >" in plan or "seq = ANY" in plan, (role, plan)
            assert "Sort" not in plan and f"Seq Scan on {table}" not in plan, (role, plan)
        engine.dispose()
    finally:
        schemas.close()
