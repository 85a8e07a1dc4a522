"""server/openapi.yaml states each field as server/schema.py declares it.

Its record schemas are written by server/openapi_gen.py (test_openapi_generated checks the
file is up to date); this reads the document as a client does and checks every declared
field against it, so a fault in the generator cannot hide either.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from server import models, schema
from server.db import make_engine, upgrade
from server.openapi_gen import FORMATS, TYPES
from server.validation import _EMAIL_RE, READ_ONLY_FIELDS, YEAR_PATTERN
from tests.server.conftest import POSTGRES_URL_ENV, PostgresSchemas

DOCUMENT = Path(schema.__file__).with_name("openapi.yaml")
# How each kind is written in the document: the generator's table (one place).
KINDS = [
    (schema.BENEFICIARY, "Beneficiary", "BeneficiaryFields", "BeneficiaryInput"),
    (schema.CASE_SESSION, "CaseSession", "CaseSessionFields", "CaseSessionCreate"),
    (schema.TASK, "Task", "TaskFields", "TaskCreate"),
    (schema.REFERRAL, "Referral", "ReferralFields", "ReferralCreate"),
]


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    return yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))["components"]["schemas"]


def _year_pattern_bounds(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert compiled.match(f"{schema.MIN_YEAR}-01-01")
    assert compiled.match(f"{schema.MAX_YEAR}-12-31")
    assert not compiled.match(f"{schema.MIN_YEAR - 1}-12-31")
    assert not compiled.match(f"{schema.MAX_YEAR + 1}-01-01")


@pytest.mark.parametrize(("fields", "stored", "writable", "create"), KINDS)
def test_every_declared_field_is_stated(schemas, fields, stored, writable, create):
    doc = schemas[writable]
    assert doc["additionalProperties"] is False
    assert set(doc["properties"]) - READ_ONLY_FIELDS == set(schema.names(fields))
    out = schemas[stored]
    assert set(out["properties"]) == {*schema.names(fields), *READ_ONLY_FIELDS} - {
        "created_at",
        "seq",
    }
    assert set(out["required"]) == set(out["properties"])
    create_required = {r for part in schemas[create]["allOf"] for r in part.get("required", [])}
    # On create a session's parent comes from the URL; a sync push must still name it.
    assert create_required == set(schema.required(fields)) - {schema.SESSION_PARENT}

    for f in fields:
        for where in (doc["properties"][f.name], out["properties"][f.name]):
            where = dict(where)
            assert where["type"] == TYPES[f.kind], f.name
            assert where.get("maxLength") == f.max_length, f.name
            assert where.get("enum") == (list(f.choices) or None), f.name
            assert where.get("format") == FORMATS.get(f.kind), f.name
            if f.kind == "integer":
                assert (where["minimum"], where["maximum"]) == (f.minimum, f.maximum), f.name
        prop = doc["properties"][f.name]
        assert prop.get("nullable", False) == f.nullable, f.name
        if f.default is not None:
            assert prop["default"] == f.default, f.name
        if f.not_blank:
            assert prop["minLength"] == 1, f.name
            assert re.search(prop["pattern"], "a") and not re.search(prop["pattern"], " \u3000")
        elif f.kind in ("date", "datetime"):
            _year_pattern_bounds(prop["pattern"])
        elif f.email:
            # Character for character the rule server/validation.py applies.
            assert prop["pattern"] == f"^({_EMAIL_RE.pattern})?$"
        else:
            assert "pattern" not in prop, f.name


def test_consent_date_needs_consent_in_the_document(schemas):
    refused = schemas["BeneficiaryFields"]["not"]
    assert refused["required"] == ["consent_date", "consent_given"]
    assert refused["properties"]["consent_given"] == {"enum": [False]}
    alternatives = schemas["BeneficiaryInput"]["allOf"][1]["anyOf"]
    assert alternatives[1]["properties"]["consent_given"] == {"enum": [True]}


def test_the_year_pattern_states_the_year_bounds():
    _year_pattern_bounds(YEAR_PATTERN)


@pytest.mark.parametrize(
    ("fields", "model"),
    [(schema.BENEFICIARY, models.Beneficiary), (schema.CASE_SESSION, models.CaseSession)],
)
def test_the_models_store_every_declared_field(fields, model):
    """A declared field has its column, as long as its bound and never null when required."""
    columns = model.__table__.columns
    for f in fields:
        assert f.name in columns, f"server/models.py: {model.__name__} has no {f.name}"
        column = columns[f.name]
        if f.kind == "text":
            assert column.type.length == f.max_length, f.name
        if not f.nullable:
            assert not column.nullable, f.name


def test_the_migrations_build_what_the_models_declare(backend, tmp_path):
    """A field added to server/models.py without its migration (or the other way round)
    fails here, on SQLite and on PostgreSQL."""
    schemas = PostgresSchemas(os.environ[POSTGRES_URL_ENV]) if backend == "postgres" else None
    url = schemas.fresh_url() if schemas else f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, models.Base.metadata) == []
    finally:
        engine.dispose()
        if schemas:
            schemas.close()
