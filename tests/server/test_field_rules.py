"""The push's quicker paths give the same verdicts as the plain rules they stand for.

A sync push skips work the plain rules do when it can prove the outcome: the walk over
every value for unstorable text (`storable_json` of the request's bytes), clean_text's
scan of each text (the `*_STORABLE_FIELDS` rules), Core's per-row work on inserts
(`push_rows.insert_plain`), a new JSON encoder per fingerprint or remembered answer.
Each is held here to the plain path on varied inputs, refusals and their field-naming
messages included.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import uuid
from datetime import date, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from server import push_rows, schema
from server.api.sync import REMEMBERED, _canonical, _plain_json
from server.errors import ValidationFailed
from server.models import Base, Beneficiary, CaseSession, IdempotencyRecord, User
from server.validation import (
    BENEFICIARY_FIELDS,
    BENEFICIARY_STORABLE_FIELDS,
    SESSION_FIELDS,
    SESSION_STORABLE_FIELDS,
    FieldError,
    json_depth,
    parse_uuid,
    storable_json,
    unstorable_text,
    validate_beneficiary,
    validate_case_session,
)
from tests.server.conftest import (
    POSTGRES_URL_ENV,
    PostgresSchemas,
    beneficiary_body,
    session_body,
)

# Values of every shape a JSON body can carry, right and wrong for each kind of field.
VALUES: list[Any] = [
    None,
    "",
    " ",
    "   \t",
    "x",
    "Amina",
    "  padded  ",
    "é ü 中文 \u2028",
    "x" * 50,
    "x" * 51,
    "x" * 100,
    "x" * 101,
    "x" * 254,
    "x" * 255,
    "x" * 2000,
    "x" * 2001,
    "y" * 20_001,
    "a@b.org",
    "a@b",
    "a b@c.org",
    "@b.org",
    "name@example.org ",
    "1987-04-12",
    "2024-02-30",
    "2999-01-01",
    "1899-12-31",
    "20240101",
    "2024-05-01T09:30:00Z",
    "2024-05-01 09:30",
    "2024-05-01T09:30:00+02:00",
    "2024-05-01t09:30z",
    "2024-05-01T25:00",
    "2200-12-31T23:59:59Z",
    "female",
    "closed",
    "other",
    "home_visit",
    "planned",
    "6513270e-269e-4d37-b2a7-4de452e6b438",
    "6513270E-269E-4D37-B2A7-4DE452E6B438",
    "6513270e269e4d37b2a74de452e6b438",
    "not-a-uuid",
    0,
    1,
    -1,
    45,
    720,
    721,
    2**31,
    True,
    False,
    1.5,
    45.0,
    [],
    ["a"],
    {},
    {"a": 1},
]


def verdict(rule, value: Any) -> tuple[str, Any]:
    try:
        return ("ok", rule(value))
    except FieldError as exc:
        return ("refused", str(exc))


@pytest.mark.parametrize(
    ("plain", "storable"),
    [(BENEFICIARY_FIELDS, BENEFICIARY_STORABLE_FIELDS), (SESSION_FIELDS, SESSION_STORABLE_FIELDS)],
    ids=["beneficiary", "case_session"],
)
def test_each_storable_rule_answers_as_the_plain_one(plain, storable):
    assert plain.keys() == storable.keys()
    compared = 0
    for name, rule in plain.items():
        for value in VALUES:
            assert verdict(storable[name], value) == verdict(rule, value), (name, value)
            compared += 1
    assert compared == len(plain) * len(VALUES)


def _bodies(make, names: list[str], seed: int) -> list[dict[str, Any]]:
    """Valid bodies with one to three fields swapped for a varied value (or dropped)."""
    rng = random.Random(seed)
    out = []
    for _ in range(400):
        body = make()
        for name in rng.sample(names, rng.randint(1, 3)):
            if rng.random() < 0.15:
                body.pop(name, None)
            else:
                body[name] = rng.choice(VALUES)
        if rng.random() < 0.1:
            body[rng.choice(["unknown", "x" * 150, "version", "id"])] = 1
        out.append(body)
    return out


def outcome(validate, *args, **kwargs) -> tuple[str, Any]:
    try:
        return ("ok", validate(*args, **kwargs))
    except ValidationFailed as exc:
        return ("refused", exc.fields)


def test_whole_records_get_the_same_values_and_refusals_either_way():
    stored = validate_beneficiary(beneficiary_body(), None)
    names = [f.name for f in schema.BENEFICIARY]
    refused = 0
    for body in _bodies(beneficiary_body, names, seed=1):
        for current in (None, stored):
            plain = outcome(validate_beneficiary, body, current)
            assert outcome(validate_beneficiary, body, current, storable=True) == plain, body
            refused += plain[0] == "refused"
    parent = str(uuid.uuid4())
    stored = validate_case_session(session_body(beneficiary_id=parent), None)
    names = [f.name for f in schema.CASE_SESSION]
    for body in _bodies(lambda: session_body(beneficiary_id=parent), names, seed=2):
        for current, fixed in ((None, None), (stored, None), (None, {"beneficiary_id": parent})):
            plain = outcome(validate_case_session, body, current, fixed)
            assert outcome(validate_case_session, body, current, fixed, storable=True) == plain
            refused += plain[0] == "refused"
    assert refused > 300  # the inputs do reach the refusals, not only the happy path


UNSTORABLE_SOURCES = [
    rb'{"a": "\u0000"}',
    rb'{"a": "x\ud800"}',
    rb'{"a": "\uDFFF"}',
    rb'{"\u0000": 1}',
    rb'{"a": ["ok", {"b": "\udc80"}]}',
    b'{"a": "\xed\xb2\x80"}',  # a surrogate's own UTF-8 bytes (json.loads: surrogatepass)
    '{"a": "\udc80"}'.encode("utf-16", "surrogatepass"),
]
STORABLE_SOURCES = [
    b'{"a": "x"}',
    rb'{"a": "\u00e9", "b": "\\u0000", "c": [1, 2.5, null, true]}',
    '{"a": "é ü 中文 \u2028"}'.encode(),
    rb'{"a": "\ud83d\ude00"}',  # a pair is one character: refused by the scan, harmlessly
    codecs.BOM_UTF8 + b'{"a": "x"}',
    codecs.BOM_UTF32_LE + '{"a": "x"}'.encode("utf-32-le"),  # not UTF-8: looked at
]


def test_storable_json_never_passes_a_body_holding_unstorable_text():
    for raw in UNSTORABLE_SOURCES:
        assert unstorable_text(json.loads(raw)) is not None, raw
        assert not storable_json(raw), raw
    passed = 0
    for raw in STORABLE_SOURCES:
        assert unstorable_text(json.loads(raw)) is None, raw
        passed += storable_json(raw)
    assert passed == len(STORABLE_SOURCES) - 3  # the "\\u0000" text, the pair, UTF-32
    rng = random.Random(3)
    pieces = ["a", "é", "\x00", "\ud800", "\udfff", "\ud83d\ude00", "\\u0000", "\u2028", '"']
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        value = {text: [text, {"k": text}]}
        for raw in (
            json.dumps(value).encode("ascii"),
            json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        ):
            if storable_json(raw):
                assert unstorable_text(json.loads(raw)) is None, raw


def _old_json_depth(value: Any) -> int:
    """json_depth as it was before it queued only containers."""
    deepest = 0
    pending: list[tuple[int, Any]] = [(0, value)]
    while pending:
        depth, item = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth + 1)
            pending.extend((depth + 1, child) for child in item)
    return deepest


def test_json_depth_and_parse_uuid_answer_as_before():
    rng = random.Random(4)

    def nested(level: int) -> Any:
        if level == 0 or rng.random() < 0.3:
            return rng.choice([1, "x", None, [], {}])
        if rng.random() < 0.5:
            return [nested(level - 1) for _ in range(rng.randint(0, 3))]
        return {str(i): nested(level - 1) for i in range(rng.randint(0, 3))}

    for _ in range(500):
        value = nested(rng.randint(0, 8))
        assert json_depth(value) == _old_json_depth(value)
    for _ in range(200):
        made = str(uuid.uuid4())
        mixed = "".join(c.upper() if rng.random() < 0.5 else c for c in made)
        assert parse_uuid(mixed) == str(uuid.UUID(mixed)) == made


def test_the_fingerprint_and_remembered_texts_are_json_dumps_own():
    values = [
        {"b": 1, "a": [1.5, -0.0, 1e300, float("inf"), float("nan"), True, None]},
        {"é": "中文 \u2028 \udc80", "nested": {"z": {"y": []}, "a": {}}},
        {"entity": "beneficiary", "id": str(uuid.uuid4()), "data": beneficiary_body()},
        [],
        "text",
        12,
        2**70,
    ]
    for value in values:
        expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        assert _canonical(value) == expected
        assert _plain_json(value) == json.dumps(value)


def _rows(model: type, count: int) -> list[dict[str, Any]]:
    now = datetime(2024, 5, 1, 9, 30, 0, 123456)
    on_the_second = datetime(2024, 5, 1, 9, 30)
    shared: dict[str, Any] = {"k": ["a", 1]}
    rows = []
    for n in range(count):
        row = {
            "id": str(uuid.uuid4()),
            "version": 1,
            "seq": n + 1,
            "sync_run": None if n % 2 else "run-1",
            "deleted": bool(n % 3 == 0),
            "created_at": now,
            "updated_at": now if n % 2 else on_the_second,
            "updated_by": "u1",
            "caseworker_id": "u1",
            "custom": shared if n % 4 == 0 else {} if n % 4 == 1 else {"n": n, "é": "中文"},
            "form_version": n,
            "incomplete_fields": None if n == 5 else [] if n % 3 == 1 else [f"custom.f{n}"],
        }
        if model is Beneficiary:
            row.update(
                case_number=f"C-{n}",
                first_name="Amina",
                last_name="Haddad",
                date_of_birth=None if n % 2 else date(1987, 4, 12),
                consent_given=n % 2 == 0,
                consent_date=date(2024, 1, 15),
                notes="é ü 中文" if n % 2 else None,
                organisation="default",
                status="active",
            )
        else:
            row.update(
                beneficiary_id="b1",
                starts_at=datetime(2024, 5, 1 + n % 20, 7, 30),
                duration_minutes=45,
                kind="home_visit",
                status="done",
                follow_up_on=None if n % 2 else date(2024, 5, 15),
            )
        rows.append(row)
    return rows


def _stored(engine: sa.Engine, table: sa.Table) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(sa.select(table).order_by(table.c.id))]


def test_plain_inserts_store_what_core_inserts_store(tmp_path, request):
    """Both ways into two copies of the tables (SQLite, and PostgreSQL when the tests have
    one); then the stored rows are compared, JSON columns as their stored text too."""
    backends = [("sqlite", f"sqlite:///{tmp_path / 'core.db'}", f"sqlite:///{tmp_path / 'p.db'}")]
    if os.environ.get(POSTGRES_URL_ENV):
        schemas = PostgresSchemas(os.environ[POSTGRES_URL_ENV])
        request.addfinalizer(schemas.close)
        backends.append(("postgresql", schemas.fresh_url(), schemas.fresh_url()))
    tables = [User.__table__, Beneficiary.__table__, CaseSession.__table__]
    tables.append(IdempotencyRecord.__table__)
    for name, core_url, plain_url in backends:
        core, plain = sa.create_engine(core_url), sa.create_engine(plain_url)
        for engine in (core, plain):
            Base.metadata.create_all(engine, tables=tables)
            with engine.begin() as connection:
                connection.execute(sa.insert(User.__table__), _user())
        for model in (Beneficiary, CaseSession):
            rows = _rows(model, 12)
            if model is CaseSession:
                rows = [{**row, "beneficiary_id": "b0"} for row in rows]
                for engine in (core, plain):
                    with engine.begin() as connection:
                        connection.execute(sa.insert(Beneficiary.__table__), _parent())
            names = list(rows[0])
            with core.begin() as connection:
                connection.execute(sa.insert(model.__table__), rows)
            with plain.begin() as connection:
                push_rows.insert_plain(
                    connection, model.__table__, names, [tuple(r[n] for n in names) for r in rows]
                )
            assert _stored(plain, model.__table__) == _stored(core, model.__table__), name
        now = datetime(2024, 5, 1, 9, 30)
        keys = [("u1", f"k{n}", "f" * 64, json.dumps({"n": n}), now) for n in range(5)]
        with core.begin() as connection:
            connection.execute(
                sa.insert(IdempotencyRecord.__table__),
                [dict(zip(REMEMBERED, key, strict=True)) for key in keys],
            )
        with plain.begin() as connection:
            push_rows.insert_plain(connection, IdempotencyRecord.__table__, REMEMBERED, keys)
        table = IdempotencyRecord.__table__
        assert _stored(plain, table) == _stored(core, table), name
        with core.connect() as connection:  # the raw column text, not only its parsed value
            raw_core = connection.exec_driver_sql(
                "SELECT id, CAST(custom AS TEXT), CAST(incomplete_fields AS TEXT) "
                "FROM case_sessions ORDER BY id"
            ).all()
        with plain.connect() as connection:
            raw_plain = connection.exec_driver_sql(
                "SELECT id, CAST(custom AS TEXT), CAST(incomplete_fields AS TEXT) "
                "FROM case_sessions ORDER BY id"
            ).all()
        assert raw_plain == raw_core
        assert any(row[2] == "null" for row in raw_core)  # a JSON null stays a JSON null
        core.dispose()
        plain.dispose()


def _user() -> dict[str, Any]:
    return {
        "id": "u1",
        "username": "u1",
        "username_key": "u1",
        "display_name": "",
        "password_hash": "x",
        "role": "caseworker",
        "organisation": "default",
        "active": True,
        "created_at": datetime(2024, 1, 1),
    }


def _parent() -> dict[str, Any]:
    return {
        **_rows(Beneficiary, 1)[0],
        "id": "b0",
        "case_number": "C-parent",
    }
