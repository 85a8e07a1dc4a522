"""A record kind's spreadsheet columns (desktop/domain/tabular.py): their order, how a
value is written as a cell and read back, formula neutralisation, and the messages of
a bad cell. The shipped cash-assistance definition is the organisation's form."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.domain import forms, schema, tabular
from desktop.domain.enums import Entity

ROOT = Path(__file__).resolve().parents[2]
CASH = forms.parse((ROOT / "resources" / "forms" / "cash_assistance.json").read_text("utf-8"))


def by_key(entity: Entity) -> dict[str, tabular.TableColumn]:
    return {c.key: c for c in tabular.columns(entity, CASH)}


def english() -> tabular.Callable[[tabular.TableColumn, str], str]:
    return tabular.choice_texts(language="en", default_language="en", translate=lambda c, t: t)


def test_columns_are_id_case_number_built_ins_then_custom_fields_in_order():
    keys = [c.key for c in tabular.columns(Entity.BENEFICIARY, CASH)]
    built_in = [f.name for f in schema.BENEFICIARY]
    custom = ["custom." + f.key for f in CASH.beneficiary.fields]
    assert keys == ["id", *built_in, *custom]
    assert keys[1] == "case_number"

    session = [c.key for c in tabular.columns(Entity.CASE_SESSION, CASH)]
    assert session[:2] == ["id", "case_number"]  # the beneficiary's, to match on import
    assert session[2:] == [f.name for f in schema.CASE_SESSION] + [
        "custom." + f.key for f in CASH.session.fields
    ]
    with pytest.raises(ValueError, match="user records have no table"):
        tabular.columns(Entity.USER, CASH)


def test_headers_in_the_persons_language():
    columns = by_key(Entity.BENEFICIARY)
    french = {"First name": "Prénom"}

    def translate(context: str, text: str) -> str:
        assert context == "field"
        return french.get(text, text)

    shown = {
        key: tabular.header(columns[key], language="fr", default_language="en", translate=translate)
        for key in ("id", "first_name", "custom.household_size")
    }
    assert shown == {
        "id": "Record ID",
        "first_name": "Prénom",
        "custom.household_size": "Taille du ménage",
    }
    assert columns["custom.household_size"].english("en") == "Household size"


def test_cells_dates_iso_choices_as_values_or_labels():
    c = by_key(Entity.BENEFICIARY)
    s = by_key(Entity.CASE_SESSION)
    labels = english()

    def cell(column, value, as_labels=False):
        return tabular.to_cell(column, value, as_labels=as_labels, choice_text=labels)

    assert cell(c["date_of_birth"], date(1988, 3, 14)) == "1988-03-14"
    assert cell(s["starts_at"], datetime(2026, 3, 2, 9, 30)) == "2026-03-02T09:30:00Z"
    assert cell(c["gender"], schema.Gender.UNDISCLOSED) == "undisclosed"
    assert cell(c["gender"], schema.Gender.UNDISCLOSED, True) == "Prefers not to say"
    assert cell(c["consent_given"], True) == "yes"
    assert cell(c["custom.shelter"], "informal", True) == "Informal settlement"
    assert cell(c["custom.shelter"], "informal") == "informal"
    several = ["disability", "older_person"]
    assert cell(c["custom.vulnerability"], several) == "disability; older_person"
    assert cell(c["custom.monthly_income"], "120.5") == 120.5
    assert cell(c["custom.monthly_income"], "120") == 120
    assert cell(c["custom.monthly_income"], "12345678901234567.5") == "12345678901234567.5"
    assert cell(c["custom.monthly_income"], "900.90") == 900.9
    assert cell(c["custom.monthly_income"], "007") == 7
    assert cell(c["custom.monthly_income"], "1e3") == 1000
    assert cell(c["custom.monthly_income"], "nan") == "nan"  # no number: its text
    assert cell(c["custom.monthly_income"], "١٢٣") == 123  # Arabic-Indic digits
    assert cell(c["custom.household_size"], 4) == 4
    assert cell(c["custom.registered_on"], "2025-01-31") == "2025-01-31"
    assert cell(c["notes"], "") is None
    assert cell(c["custom.vulnerability"], []) is None


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"],
)
def test_formula_cells_are_neutralised_and_restored(hostile):
    written = tabular.neutralise(hostile)
    assert written == "'" + hostile
    assert tabular.restore(written) == hostile
    assert tabular.neutralise("Layla") == "Layla"
    assert tabular.neutralise(-5) == -5  # a number is never a formula
    assert tabular.restore("'quoted") == "'quoted"  # an apostrophe of the name's own


def test_every_column_reads_back_what_it_wrote():
    c = by_key(Entity.BENEFICIARY)
    values = {
        "first_name": "=Layla",
        "date_of_birth": date(1988, 3, 14),
        "gender": "female",
        "consent_given": False,
        "status": "closed",
        "custom.household_size": 6,
        "custom.shelter": "informal",
        "custom.vulnerability": ["disability", "older_person"],
        "custom.monthly_income": "120.5",
        "custom.eligible": True,
        "custom.registered_on": "2025-01-31",
    }
    for as_labels in (False, True):
        for key, value in values.items():
            cell = tabular.neutralise(
                tabular.to_cell(c[key], value, as_labels=as_labels, choice_text=english())
            )
            assert tabular.from_cell(c[key], cell, date_order=None) == value, (key, as_labels)


def test_the_exports_cell_writer_writes_what_to_cell_and_neutralise_write():
    """``cell_writer`` (an export's million calls) takes shortcuts by the value's type;
    every column and every kind of stored value gives the same cell as the long way."""
    values = [
        None, "", [], "Layla", "=SUM(A1)", "+961 70 123 456", "-", " spaced ", "informal",
        0, 4, -7, True, False, 0.0, -0.0, 1.5, 120.0, 1e15, 1e16, 1632.03, float("inf"),
        float("nan"), "120.5", "12345678901234567.5", date(1988, 3, 14),
        datetime(2026, 3, 2, 9, 30), datetime(2026, 3, 2, 9, 30, 0, 125), schema.Gender.FEMALE,
        ["disability", "older_person"], ["=x"],
    ]  # fmt: skip
    for entity in (Entity.BENEFICIARY, Entity.CASE_SESSION, Entity.TASK):
        for column in tabular.columns(entity, CASH):
            for as_labels in (False, True):
                write = tabular.cell_writer(column, as_labels=as_labels, choice_text=english())
                for value in values * 2:  # the second time from a choice's memory
                    long_way = tabular.neutralise(
                        tabular.to_cell(column, value, as_labels=as_labels, choice_text=english())
                    )
                    written = write(value)
                    assert repr(written) == repr(long_way), (column.key, value, as_labels)
                    assert type(written) is type(long_way), (column.key, value)


def test_reading_cells_names_the_field_and_asks_for_a_date_order():
    c = by_key(Entity.BENEFICIARY)
    assert tabular.from_cell(c["date_of_birth"], "14/03/1988", date_order="dmy") == date(
        1988, 3, 14
    )
    assert tabular.from_cell(c["date_of_birth"], "03/14/1988", date_order="mdy") == date(
        1988, 3, 14
    )
    assert tabular.possible_date_orders("14/03/1988") == ("dmy",)
    assert tabular.possible_date_orders("03/04/1988") == ("dmy", "mdy")
    assert tabular.possible_date_orders("1988-03-14") == ()
    with pytest.raises(ValueError, match=r"Date of birth.*needs the order"):
        tabular.from_cell(c["date_of_birth"], "03/04/1988", date_order=None)
    with pytest.raises(ValueError, match=r"Date of birth.*not a date"):
        tabular.from_cell(c["date_of_birth"], "soon", date_order=None)
    with pytest.raises(ValueError, match=r"Gender.*not one of"):
        tabular.from_cell(c["gender"], "robot", date_order=None)
    with pytest.raises(ValueError, match=r"Household size.*whole number"):
        tabular.from_cell(c["custom.household_size"], "six", date_order=None)
    with pytest.raises(ValueError, match=r"Monthly income.*not a number"):
        tabular.from_cell(c["custom.monthly_income"], "lots", date_order=None)
    assert (
        tabular.from_cell(c["gender"], "Femme", date_order=None, choice_words={"femme": "female"})
        == "female"
    )
    assert (
        tabular.from_cell(c["custom.shelter"], "Campement informel", date_order=None) == "informal"
    )
    assert tabular.from_cell(c["first_name"], "   ", date_order=None) is None
    assert tabular.from_cell(c["custom.household_size"], 6.0, date_order=None) == 6
    assert tabular.from_cell(c["date_of_birth"], datetime(1988, 3, 14), date_order=None) == date(
        1988, 3, 14
    )
