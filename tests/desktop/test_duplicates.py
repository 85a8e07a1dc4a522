"""The duplicate check before a beneficiary is registered: what counts, what is shown."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.errors import ValidationError
from desktop.services.duplicates import (
    SAME_BIRTH_DATE,
    SAME_NAME,
    SAME_PHONE,
    SIMILAR,
    fold,
    name_similarity,
    phone_key,
)

AMINATA = {
    "first_name": "Aminata",
    "last_name": "Diallo",
    "date_of_birth": date(1988, 3, 14),
    "phone": "+221 77 123 45 67",
}


def test_folding_phone_keys_and_name_similarity():
    assert fold("  Zoë  N'Diaye ") == "zoe n diaye"
    assert phone_key("+221 77 123 45 67") == phone_key("0771234567") == "771234567"
    assert phone_key("12-34") is None
    assert name_similarity("Aminata", "Diallo", "Diallo", "Aminata") == 1.0  # swapped
    assert name_similarity("Aminata", "Diallo", "Aminatta", "Dialo") > 0.82  # typos
    assert name_similarity("Aminata", "Diallo", "Fatou", "Sow") < 0.5


@pytest.fixture
def services(office):
    return {name: office.services(name) for name in ("sam", "cara", "colin")}


def test_typos_accents_and_swapped_names_are_found(services):
    cara = services["cara"].beneficiaries
    registered = cara.create(AMINATA)
    cara.create({"first_name": "Fatou", "last_name": "Sow", "date_of_birth": date(1988, 3, 14)})
    for typed in (
        {"first_name": "Aminatta", "last_name": "Dialo"},  # two typos, no date
        {"first_name": "AMINATA", "last_name": "DIALLO", "date_of_birth": date(1988, 3, 14)},
        {"first_name": "Diallo", "last_name": "Aminata"},  # first and last swapped
        {"first_name": "Aminâta", "last_name": "Diallô"},  # accents typed
    ):
        (match,) = cara.possible_duplicates(typed)
        assert match.id == registered.id and match.visible
        assert match.full_name == "Aminata Diallo"
        assert SAME_NAME in match.reasons or SIMILAR in match.reasons
    exact = cara.possible_duplicates(AMINATA)
    assert exact[0].reasons == (SAME_NAME, SAME_BIRTH_DATE, SAME_PHONE)
    assert [m.id for m in exact] == [registered.id], "same birth date alone is not enough"


def test_a_different_birth_date_means_a_different_person_unless_the_phone_agrees(services):
    cara = services["cara"].beneficiaries
    cara.create(AMINATA)
    other_person = {**AMINATA, "date_of_birth": date(1979, 1, 2), "phone": ""}
    assert cara.possible_duplicates(other_person) == []
    same_phone = {**other_person, "first_name": "Mariam", "phone": "0771234567"}
    (match,) = cara.possible_duplicates(same_phone)
    assert match.reasons == (SAME_PHONE,)


def test_same_birth_date_and_a_loosely_similar_name_is_listed(services):
    cara = services["cara"].beneficiaries
    cara.create(AMINATA)
    (match,) = cara.possible_duplicates(
        {"first_name": "Amina", "last_name": "Diallo-Ba", "date_of_birth": date(1988, 3, 14)}
    )
    assert SAME_BIRTH_DATE in match.reasons


def test_another_caseworkers_record_shows_only_its_case_number(services):
    colins = services["colin"].beneficiaries.create(AMINATA)
    (hidden,) = services["cara"].beneficiaries.possible_duplicates(AMINATA)
    assert hidden.id == colins.id and hidden.case_number == colins.case_number
    assert hidden.caseworker_name == "Colin Caseworker"
    assert not hidden.visible and hidden.full_name is None and hidden.date_of_birth is None
    (shown,) = services["sam"].beneficiaries.possible_duplicates(AMINATA)
    assert shown.visible and shown.full_name == "Aminata Diallo"


def test_deleted_and_the_edited_record_itself_are_not_listed(services):
    cara, sam = services["cara"].beneficiaries, services["sam"].beneficiaries
    kept = cara.create(AMINATA)
    gone = cara.create(AMINATA)
    sam.delete(gone.id)
    assert [m.id for m in cara.possible_duplicates(AMINATA)] == [kept.id]
    assert cara.possible_duplicates(AMINATA, exclude_id=kept.id) == []


def test_invalid_input_names_the_field(services):
    with pytest.raises(ValidationError) as caught:
        services["cara"].beneficiaries.possible_duplicates({"first_name": "A" * 500})
    assert "first_name" in caught.value.errors


def test_phone_lookup_and_the_list_count_go_through_their_indexes(office):
    # The query's expression must be the migration's, character for character in effect,
    # or SQLite reads the whole table (130 ms at 100,000 beneficiaries).
    from desktop.store.tables import PHONE_KEY_SQL

    login = office.login("sam")
    with login.db.engine.connect() as connection:

        def plan(sql: str, *args) -> str:
            return str(connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, args).all())

        assert "ix_beneficiaries_phone_key" in plan(
            f"SELECT id FROM beneficiaries WHERE phone != '' AND {PHONE_KEY_SQL} = ?",
            "771234567",
        )
        # The live rows' own index, or a report index over the same live rows (migration
        # 0011, which SQLite may pick): a count of index entries either way, no table read.
        live_count = plan("SELECT count(*) FROM beneficiaries WHERE deleted_at IS NULL")
        assert "COVERING INDEX ix_beneficiaries_live" in live_count or (
            "COVERING INDEX ix_beneficiaries_report_" in live_count
        ), live_count
