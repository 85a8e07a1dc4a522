"""`db.one_of`: ``column IN values`` bound as one parameter, on SQLite and PostgreSQL.

The push's lookups (idempotency keys, the records it touches, case numbers) and the
feed's page rows use it. What it must keep of a plain ``IN``: the same rows for any
number of values (more than SQLite's 32,766 parameters too), text that JSON or an array
must carry intact, numbers as numbers, nothing for an empty list, and a plan that looks
each value up in the column's index.
"""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from server.db import one_of
from server.models import Beneficiary, User
from tests.server.test_push_rows import AWKWARD, _engine, _people, owner_row

# Past SQLite's default limit of bound parameters (32,766), which a plain IN would hit.
MANY = 33_000


@pytest.fixture(params=["sqlite", "postgresql"])
def stored(request, tmp_path):
    engine, schemas = _engine(request.param, tmp_path)
    owner = str(uuid.uuid4())
    people = _people(owner, MANY, 1)
    with engine.begin() as connection:
        connection.execute(sa.insert(User.__table__), [owner_row(owner)])
        connection.execute(sa.insert(Beneficiary.__table__), people)
        if request.param == "postgresql":
            connection.exec_driver_sql("ANALYZE")
    yield engine, people
    engine.dispose()
    if schemas is not None:
        schemas.close()


def _ids(engine, condition) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(sa.select(Beneficiary.id).where(condition)).scalars())


def test_the_same_rows_as_in_for_few_many_and_no_values(stored):
    engine, people = stored
    ids = [person["id"] for person in people]
    few = [*ids[:7], str(uuid.uuid4())]  # one that is not stored
    assert _ids(engine, one_of(engine, Beneficiary.id, few)) == set(ids[:7])
    assert _ids(engine, one_of(engine, Beneficiary.id, ids)) == set(ids)
    assert _ids(engine, one_of(engine, Beneficiary.id, [])) == set()
    # Numbers stay numbers (the feed's page rows by seq); a set is taken as it is.
    seqs = {person["seq"] for person in people[100:130]}
    assert _ids(engine, one_of(engine, Beneficiary.seq, seqs)) == {
        person["id"] for person in people[100:130]
    }


def test_text_arrives_intact(stored):
    engine, people = stored
    # Tabs, newlines, backslashes, "\N", both quotes and emoji: a JSON list or an array.
    odd = [AWKWARD, "O'Neil", "[1, 2]", '"quoted"', "null"]
    found = _ids(engine, one_of(engine, Beneficiary.last_name, odd))
    assert found == {p["id"] for p in people if p["last_name"] in odd}
    assert len(found) == MANY // 2  # every other one is an O'Neil, the rest ""
    with engine.connect() as connection:
        names = connection.execute(
            sa.select(Beneficiary.first_name)
            .where(one_of(engine, Beneficiary.first_name, [AWKWARD]))
            .limit(1)
        ).scalar_one()
    assert names == AWKWARD


def test_one_statement_text_for_any_number_of_values(stored):
    engine, people = stored

    def sql(count: int) -> str:
        values = [person["id"] for person in people[:count]]
        return str(
            sa.select(Beneficiary.id).where(one_of(engine, Beneficiary.id, values)).compile(engine)
        )

    assert sql(1) == sql(100) == sql(MANY)


def test_each_value_is_looked_up_in_the_index(stored):
    engine, people = stored
    values = [person["id"] for person in people[:100]]
    statement = sa.select(Beneficiary.first_name).where(one_of(engine, Beneficiary.id, values))
    compiled = statement.compile(engine)  # the list bound, as the push sends it
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            explain = f"EXPLAIN QUERY PLAN {compiled}"
            rows = connection.exec_driver_sql(explain, tuple(compiled.params.values())).all()
            plan = " | ".join(str(row[-1]) for row in rows)
            assert plan.startswith("SEARCH beneficiaries USING INDEX"), plan
            assert "(id=?)" in plan, plan
            assert "SCAN beneficiaries" not in plan, plan
        else:
            rows = connection.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params).all()
            plan = " | ".join(row[0] for row in rows)
            walks = ("Index Scan using", "Index Only Scan using", "Bitmap Index Scan on")
            assert any(f"{walk} beneficiaries_pkey" in plan for walk in walks), plan
            assert "Seq Scan" not in plan, plan
