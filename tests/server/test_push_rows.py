"""The push's bulk path: plain new rows, numbers handed out at the end, fresh statistics."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from server import push_rows
from server.db import make_engine, upgrade
from server.models import Beneficiary, User
from tests.server.conftest import PostgresSchemas, beneficiary_body, postgres_url, session_body
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


# --- insert_plain stores what the ORM's insert stores (executemany, COPY on PostgreSQL) ---

AWKWARD = "tab\there, line\nbreak, back\\slash, \\N, quote ' \" and Ünïcödé 💬"


def _engine(kind: str, tmp_path):
    if kind == "sqlite":
        engine, schemas = make_engine(f"sqlite:///{tmp_path / 'rows.db'}"), None
    else:
        schemas = PostgresSchemas(postgres_url("COPY of the push's new rows"))
        engine = make_engine(schemas.fresh_url())
    upgrade(engine)
    return engine, schemas


def owner_row(owner: str) -> dict:
    """A caseworker of organisation "o" as a users row, the owner of `_people`."""
    return {
        "id": owner,
        "username": "u",
        "username_key": "u",
        "display_name": "",
        "password_hash": "x",
        "role": "caseworker",
        "organisation": "o",
        "active": True,
        "created_at": datetime(2026, 1, 1),
    }


def _people(owner: str, count: int, start: int) -> list[dict]:
    made = []
    for number in range(start, start + count):
        values = {column.name: None for column in Beneficiary.__table__.columns}
        values.update(
            id=str(uuid.uuid4()),
            case_number=f"R-{number}",
            first_name=AWKWARD,
            last_name="" if number % 2 else "O'Neil",
            date_of_birth=date(1990, 2, 28),
            notes=AWKWARD if number % 2 else None,
            status="active",
            consent_given=bool(number % 2),
            custom={"note": AWKWARD, "count": 3, "share": 0.25, "list": [1, "two", None]},
            form_version=2,
            incomplete_fields=["phone"] if number % 2 else [],
            caseworker_id=owner,
            organisation="o",
            version=1,
            seq=number,
            deleted=False,
            created_at=datetime(2026, 1, 5, 9, 0, 0, 123456),
            updated_at=datetime(2026, 1, 5, 9, 0, 1),
        )
        made.append(values)
    return made


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_plain_rows_are_stored_as_the_orm_stores_them(kind, tmp_path):
    engine, schemas = _engine(kind, tmp_path)
    table = Beneficiary.__table__
    names = [column.name for column in table.columns]
    try:
        owner = str(uuid.uuid4())
        with engine.begin() as connection:
            connection.execute(sa.insert(User.__table__), [owner_row(owner)])
            plain, orm = _people(owner, 4, 0), _people(owner, 4, 100)
            push_rows.insert_plain(connection, table, names, [[r[n] for n in names] for r in plain])
            connection.execute(sa.insert(table), orm)
        with engine.connect() as connection:
            stored = {
                row.case_number: row._mapping
                for row in connection.execute(sa.select(table).order_by(table.c.seq))
            }
        assert len(stored) == 8
        for a, b in zip(plain, orm, strict=True):
            mine, theirs = dict(stored[a["case_number"]]), dict(stored[b["case_number"]])
            for name in ("id", "case_number", "seq"):
                del mine[name], theirs[name]
            assert mine == theirs
            assert mine["first_name"] == AWKWARD and mine["custom"]["note"] == AWKWARD
        # A key stored already: SQLAlchemy's IntegrityError (the push redoes it change by
        # change), whichever way the rows went in.
        again = _people(owner, 1, 200)
        again[0]["id"] = plain[0]["id"]
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
            push_rows.insert_plain(connection, table, names, [[again[0][n] for n in names]])
    finally:
        engine.dispose()
        if schemas is not None:
            schemas.close()
