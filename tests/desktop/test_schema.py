"""The record schema (desktop/domain/schema.py) is the one place a field is declared.

The ORM tables and the Alembic migrations stay written out by hand; these tests hold them
to the declaration, hold what is derived from it to the declaration, and keep the
domain free of imports from the rest of the desktop.
"""

from __future__ import annotations

import ast
import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from desktop.domain import schema, validation
from desktop.domain.enums import Entity, Gender
from desktop.domain.records import Beneficiary, CaseSession
from desktop.domain.schema import Field, Format, Kind
from desktop.errors import ValidationError
from desktop.services import common, duplicates
from desktop.services.common import SEARCH_INDEX_COLUMNS
from desktop.services.demo import demo_records
from desktop.store import erasure
from desktop.store.schema import create_database
from desktop.store.tables import (
    Base,
    BeneficiaryRow,
    CaseSessionRow,
    HouseholdLinkRow,
    ReferralRow,
    TaskRow,
    TransferRow,
)
from desktop.sync import wire

DOMAIN = Path(__file__).resolve().parents[2] / "desktop" / "domain"
ROW_TYPES = {
    Entity.BENEFICIARY: BeneficiaryRow,
    Entity.CASE_SESSION: CaseSessionRow,
    Entity.TASK: TaskRow,
    Entity.HOUSEHOLD_LINK: HouseholdLinkRow,
    Entity.REFERRAL: ReferralRow,
    Entity.TRANSFER: TransferRow,
}
TEXT_KINDS = (Kind.TEXT, Kind.LONG_TEXT)
# What SQLite makes of each kind's column (DATE, DATETIME and BOOLEAN are NUMERIC).
KIND_AFFINITY = {
    Kind.TEXT: "TEXT",
    Kind.LONG_TEXT: "TEXT",
    Kind.CHOICE: "TEXT",
    Kind.USER: "TEXT",
    Kind.REFERENCE: "TEXT",
    Kind.INTEGER: "INTEGER",
    Kind.DATE: "NUMERIC",
    Kind.DATETIME: "NUMERIC",
    Kind.YES_NO: "NUMERIC",
}
# Not ours to import in the domain either (DESIGN.md §1: no SQLAlchemy, no Qt).
FOREIGN_LAYERS = ("sqlalchemy", "PySide6", "shiboken6", "alembic")


def _imports(path: Path) -> list[tuple[int, str, int]]:
    """(line, module, relative level) of every import in the file, nested ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or "", node.level))
    return found


def test_the_domain_imports_nothing_of_ours():
    files = sorted(DOMAIN.glob("*.py"))
    assert DOMAIN / "schema.py" in files and DOMAIN / "validation.py" in files
    wrong = []
    for path in files:
        for line, module, level in _imports(path):
            top = module.split(".")[0]
            outside = (
                level > 1  # from .. import: the package above the domain
                or (level == 0 and top == "desktop" and not module.startswith("desktop.domain"))
                or (level == 0 and top in FOREIGN_LAYERS)
            )
            if outside:
                wrong.append(f"{path.name}:{line}: {'.' * level}{module}")
    assert wrong == []


def test_the_old_error_names_still_work():
    """ValidationError moved into the domain; callers importing desktop.errors get it."""
    from desktop import errors
    from desktop.domain import errors as domain_errors

    assert errors.ValidationError is domain_errors.ValidationError
    assert errors.UserError is domain_errors.UserError
    assert issubclass(errors.NotFound, domain_errors.UserError)
    with pytest.raises(errors.ValidationError) as raised:
        validation.validate_beneficiary({"first_name": "", "last_name": "Haddad"})
    assert raised.value.problems["first_name"].code == "required"


def _affinity(declared: str) -> str:
    """SQLite's rules (datatype3.html §3.1), in their order."""
    name = declared.upper()
    if "INT" in name:
        return "INTEGER"
    if any(part in name for part in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in name or not name:
        return "BLOB"
    if any(part in name for part in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> dict[str, dict[str, tuple[str, bool, bool]]]:
    """Each table of a real encrypted database migrated to head: column -> (type, NOT NULL, pk)."""
    db, _key = create_database(tmp_path_factory.mktemp("schema") / "c.db")
    try:
        with db.engine.connect() as connection:
            return {
                table: {
                    name: (declared, bool(notnull), bool(pk))
                    # xinfo: generated columns too (beneficiaries.phone_search, 0013).
                    for _cid, name, declared, notnull, _default, pk, _hidden in (
                        connection.exec_driver_sql(f"PRAGMA table_xinfo({table})")
                    )
                }
                for table in Base.metadata.tables
            }
    finally:
        db.close()


def test_the_models_and_the_migrated_database_agree(migrated):
    dialect = sqlite.dialect()
    for name, table in Base.metadata.tables.items():
        stored = migrated[name]
        assert set(stored) == set(table.c.keys()), name
        for column in table.c:
            declared, not_null, primary = stored[column.name]
            where = f"{name}.{column.name}"
            assert _affinity(declared) == _affinity(column.type.compile(dialect)), where
            if not primary:  # SQLite reports an INTEGER PRIMARY KEY as nullable
                assert not_null == (not column.nullable), where


@pytest.mark.parametrize("entity", list(schema.FIELDS))
def test_every_declared_field_has_its_column(migrated, entity):
    table = ROW_TYPES[entity].__table__
    for field in schema.FIELDS[entity]:
        assert field.name in table.c, field.name
        declared, not_null, _primary = migrated[table.name][field.name]
        assert _affinity(declared) == KIND_AFFINITY[field.kind], field.name
        if field.required or field.kind in TEXT_KINDS:
            # Text is stored as "" when empty: the wire's canonical form and the bulk
            # importer's rows rely on it.
            assert not_null, field.name
        elif field.kind in (Kind.DATE, Kind.DATETIME, Kind.CHOICE):
            assert not not_null, field.name  # "not given" is NULL


def _text_of_length(field: Field, length: int) -> str:
    """A value of exactly ``length`` characters that has the field's format."""
    if field.format is Format.PHONE:
        return "+256" + "-" * (length - 13) + "700123456"
    if field.format is Format.EMAIL:
        return "a" * (length - len("@example.org")) + "@example.org"
    return "x" * length  # a name, a text, or a language named in letters


def _assert_longest_accepted(update, get, fields: tuple[Field, ...]) -> None:
    texts = [f for f in fields if f.editable and f.kind in TEXT_KINDS]
    assert texts
    for field in texts:
        assert field.max_length is not None, field.name
        longest = _text_of_length(field, field.max_length)
        update({field.name: longest})
        assert getattr(get(), field.name) == longest, field.name
        with pytest.raises(ValidationError) as raised:
            update({field.name: longest + "1"})
        problem = raised.value.problems[field.name]
        assert (problem.code, problem.params["max"]) == ("too_long", field.max_length)
        assert getattr(get(), field.name) == longest, field.name


def test_a_text_fields_declared_length_is_what_the_services_accept(office):
    services = office.services("cara")
    person = services.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    session = services.case_sessions.create(person.id, {"starts_at": datetime(2024, 5, 1, 9)})
    _assert_longest_accepted(
        lambda changes: services.beneficiaries.update(person.id, changes),
        lambda: services.beneficiaries.get(person.id),
        schema.BENEFICIARY,
    )
    _assert_longest_accepted(
        lambda changes: services.case_sessions.update(session.id, changes),
        lambda: services.case_sessions.get(session.id),
        schema.CASE_SESSION,
    )


def test_what_is_derived_follows_the_declaration():
    every = {f.name: f for declared in schema.FIELDS.values() for f in declared}

    def of_kind(*kinds: Kind) -> frozenset[str]:
        return frozenset(name for name, f in every.items() if f.kind in kinds)

    for entity, declared in schema.FIELDS.items():
        assert wire.FIELDS[entity] == schema.names(declared)
        assert erasure.PERSONAL[entity][: len(schema.names(declared, personal=True))] == (
            schema.names(declared, personal=True)
        )
    assert schema.names(schema.BENEFICIARY, editable=True) == validation.BENEFICIARY_FIELDS
    assert schema.names(schema.CASE_SESSION, editable=True) == validation.CASE_SESSION_FIELDS
    assert of_kind(Kind.TEXT, Kind.LONG_TEXT) == wire.TEXT_FIELDS
    assert of_kind(Kind.DATE) == wire.DATE_FIELDS
    assert of_kind(Kind.DATETIME) == wire.DATETIME_FIELDS
    assert of_kind(Kind.YES_NO) == wire.YES_NO_FIELDS
    assert of_kind(Kind.USER) == wire.USER_FIELDS
    assert {
        name: f.max_length for name, f in every.items() if f.max_length is not None
    } == validation.MAX_LENGTHS
    for name, f in every.items():
        assert validation.LABELS[name] == f.label
    assert (validation.SESSION_MIN_MINUTES, validation.SESSION_MAX_MINUTES) == (1, 12 * 60)
    identifying = schema.names(schema.BENEFICIARY, identifying=True)
    assert identifying and {c.key for c in duplicates.CANDIDATE_COLUMNS} >= set(identifying)


def test_records_carry_every_declared_field_by_name():
    """The services' row mapping reads the columns by the record's field names, in the
    record's order (the list's page loader builds records from these positions)."""
    beneficiary = [f.name for f in dataclasses.fields(Beneficiary)]
    assert set(schema.names(schema.BENEFICIARY)) <= set(beneficiary)
    columns = [column.key for column in common.BENEFICIARY_COLUMNS]
    assert columns == [name for name in beneficiary if name != "invalid_fields"]
    assert set(schema.names(schema.CASE_SESSION)) <= set(common.CASE_SESSION_ATTRIBUTES)
    assert tuple(f.name for f in dataclasses.fields(CaseSession)) == common.CASE_SESSION_ATTRIBUTES


def test_a_field_added_to_the_declaration_is_checked_by_its_kind():
    """No list to extend: the rules come from the declaration (here one made up in place)."""
    extended = (
        *schema.BENEFICIARY,
        Field("id_number", Kind.TEXT, "ID number", max_length=30, personal=True),
        Field("household_size", Kind.INTEGER, "Household", minimum=1, maximum=40, default=1),
        Field("registered_on", Kind.DATE, "Registered on", required=True),
        Field("second_gender", Kind.CHOICE, "Other gender", choices=Gender),
        Field("contact_ok", Kind.YES_NO, "Contact", default=True),
        Field("work_phone", Kind.TEXT, "Work phone", max_length=50, format=Format.PHONE),
    )
    given = {
        "first_name": "Amal",
        "last_name": "Haddad",
        "id_number": "  AB-123  ",
        "registered_on": "2024-03-01",
        "second_gender": "female",
    }
    cleaned = validation.clean_declared(extended, given)
    assert cleaned["id_number"] == "AB-123"
    assert cleaned["household_size"] == 1 and cleaned["contact_ok"] is True
    assert cleaned["registered_on"] == date(2024, 3, 1)
    assert cleaned["second_gender"] is Gender.FEMALE and cleaned["work_phone"] == ""
    bad = {
        **given,
        "id_number": "x" * 31,
        "household_size": 41,
        "registered_on": "",
        "second_gender": "none",
        "contact_ok": "perhaps",
        "work_phone": "call me",
    }
    with pytest.raises(ValidationError) as raised:
        validation.clean_declared(extended, bad)
    codes = {name: problem.code for name, problem in raised.value.problems.items()}
    assert codes == {
        "id_number": "too_long",
        "household_size": "out_of_range",
        "registered_on": "required",
        "second_gender": "not_a_choice",
        "contact_ok": "not_yes_no",
        "work_phone": "phone_format",
    }


def test_a_declaration_without_what_its_kind_needs_is_refused():
    with pytest.raises(ValueError, match="household_size"):
        validation.cleaning_plan((Field("household_size", Kind.INTEGER, "Household"),))
    with pytest.raises(ValueError, match="tone"):
        validation.cleaning_plan((Field("tone", Kind.CHOICE, "Tone"),))


def test_demo_records_need_no_edit_for_a_new_optional_field():
    """The demo gives declared fields only and every required one without a default; an
    optional field it does not know takes its empty value in validation."""
    editable = {
        entity: set(schema.names(declared, editable=True))
        for entity, declared in schema.FIELDS.items()
    }
    required = {
        entity: {f.name for f in declared if f.editable and f.required and f.default is None}
        for entity, declared in schema.FIELDS.items()
    }
    for beneficiary, sessions in demo_records(20, 2, seed=3, today=date(2025, 6, 1)):
        assert required[Entity.BENEFICIARY] <= set(beneficiary) <= editable[Entity.BENEFICIARY]
        validation.validate_beneficiary(beneficiary, today=date(2025, 6, 1))
        for values in sessions:
            assert required[Entity.CASE_SESSION] <= set(values) <= editable[Entity.CASE_SESSION]


def test_the_search_index_holds_exactly_the_searchable_fields(tmp_path):
    """A field marked searchable needs its migration to rebuild the index and its triggers;
    this names the one that was forgotten."""
    db, _key = create_database(tmp_path / "search.db")
    try:
        with db.engine.connect() as connection:
            indexed = [
                row[1]
                for row in connection.exec_driver_sql("PRAGMA table_info(beneficiary_search)")
            ]
            triggers = dict(
                connection.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND tbl_name = 'beneficiaries' AND name LIKE 'beneficiary_search_%'"
                ).all()
            )
    finally:
        db.close()
    searchable = schema.names(schema.BENEFICIARY, searchable=True)
    assert indexed == [*searchable, "custom_search", "phone_search"] == list(SEARCH_INDEX_COLUMNS)
    assert set(triggers) == {
        "beneficiary_search_insert",
        "beneficiary_search_delete",
        "beneficiary_search_update",
    }
    for name, sql in triggers.items():
        for field in SEARCH_INDEX_COLUMNS:
            assert f"new.{field}" in sql or f"old.{field}" in sql, (name, field)
    from desktop.services.bulk import SEARCH_COLUMNS

    assert SEARCH_COLUMNS.split(", ") == list(SEARCH_INDEX_COLUMNS)
