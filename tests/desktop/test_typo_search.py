"""The caseload search finds people despite typos, other spellings and phone formats
(issue 14 point 8), on a real encrypted database; the duplicate check matches the same."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.matching import Vocabulary, name_similarity
from desktop.domain.records import BeneficiaryQuery
from desktop.services.duplicates import SIMILAR
from desktop.ui.caseload import CaseloadPanel
from desktop.ui.models.beneficiary_table import BeneficiaryRole, BeneficiaryTableModel

PEOPLE = (
    ("Zara", "Abboud", "+47 965 750 464"),
    ("Muhammad", "Haddad", "+256 700 123456"),
    ("Olena", "Kovalenko", ""),
    ("محمد", "عبود", "0791 234 567"),
    ("Yusuf", "Le", ""),
)


@pytest.fixture
def cara(office):
    service = office.services("cara").beneficiaries
    for first, last, phone in PEOPLE:
        service.create({"first_name": first, "last_name": last, "phone": phone})
    return service


def found(service, typed: str) -> list[str]:
    page = service.list_page(BeneficiaryQuery(search=typed))
    assert page.total == len(page.rows)
    return sorted(f"{b.first_name} {b.last_name}" for b in page.rows)


@pytest.mark.parametrize("typed", ["Aboud", "Abboux", "abboud", "ABBOUD", "Zara Aboud", "Abb"])
def test_a_misspelt_last_name_finds_the_person(cara, typed):
    assert found(cara, typed) == ["Zara Abboud"]


def test_a_name_written_as_it_sounds_finds_the_person(cara):
    # "Mohamed" is three edits from "Muhammad": only its sound (Double Metaphone) matches.
    assert found(cara, "Mohamed") == ["Muhammad Haddad"]
    assert found(cara, "Mohammed Hadad") == ["Muhammad Haddad"]
    assert found(cara, "Yousuf") == ["Yusuf Le"]


def test_what_is_not_similar_is_not_found(cara):
    assert found(cara, "Abdullah") == []
    assert found(cara, "Kowalski") == []
    assert found(cara, "Zara Haddad") == []  # every word must match someone's name
    # Short words are prefixes being typed: "ole" is one edit from "Le" but finds Olena only.
    assert found(cara, "ole") == ["Olena Kovalenko"]


def test_names_in_arabic_script_are_found_exactly_and_by_prefix(cara):
    assert found(cara, "محمد") == ["محمد عبود"]
    assert found(cara, "محمد عبود") == ["محمد عبود"]
    assert found(cara, "عب") == ["محمد عبود"]
    assert found(cara, "عبو") == ["محمد عبود"]
    assert found(cara, "Abboud") == ["Zara Abboud"]  # another script is another name


@pytest.mark.parametrize(
    "typed",
    [
        "+47 965 750 464",
        "965750464",
        "(965) 750-464",
        "965-750-464",
        "0047 965 750 464",  # another international prefix: the last nine digits agree
        "+47965750464",
        "965 75",  # typed so far
        "47 965",
    ],
)
def test_a_phone_number_in_any_format_finds_the_person(cara, typed):
    assert found(cara, typed) == ["Zara Abboud"]


def test_a_trunk_prefix_and_a_changed_phone(cara):
    assert found(cara, "791 234 567") == ["محمد عبود"]
    assert found(cara, "+962 791 234 567") == ["محمد عبود"]
    (zara,) = cara.list_page(BeneficiaryQuery(search="Abboud")).rows
    cara.update(zara.id, {"phone": "+47 412 000 999"}, expected_version=zara.version)
    assert found(cara, "412000999") == ["Zara Abboud"]
    assert found(cara, "965750464") == []  # the old number left the index


def test_a_name_registered_after_a_search_is_found_misspelt(cara):
    assert found(cara, "Kovalenka") == ["Olena Kovalenko"]
    # The index changed: the vocabulary the search compares with is read again.
    cara.create({"first_name": "Iryna", "last_name": "Shevchenko"})
    assert found(cara, "Shevchenco") == ["Iryna Shevchenko"]
    assert found(cara, "Kovalenka") == ["Olena Kovalenko"]


def test_the_duplicate_check_finds_another_spelling(office):
    service = office.services("cara").beneficiaries
    registered = service.create({"first_name": "Muhammad", "last_name": "Abboud"})
    service.create({"first_name": "Mariam", "last_name": "Saleh"})
    (match,) = service.possible_duplicates({"first_name": "Mohamed", "last_name": "Aboud"})
    assert match.id == registered.id and SIMILAR in match.reasons
    (swapped,) = service.possible_duplicates({"first_name": "Abboux", "last_name": "Mohammed"})
    assert swapped.id == registered.id
    assert service.possible_duplicates({"first_name": "Mahmoud", "last_name": "Salah"}) == []


def test_name_similarity_and_the_vocabulary_agree_on_the_examples():
    assert name_similarity("Mohamed", "Aboud", "Muhammad", "Abboud") >= 0.82
    assert name_similarity("Ali", "Hassan", "Ali", "Hassan Farah") < 0.82
    vocabulary = Vocabulary.of(["abboud", "muhammad", "haddad", "le", "965750464", "محمد"])
    assert vocabulary.similar("Aboud") == ["abboud"]
    assert vocabulary.similar("Abboux") == ["abboud"]
    assert vocabulary.similar("Mohamed") == ["muhammad"]
    assert vocabulary.similar("ole") == []
    assert vocabulary.similar("965750465") == []  # numbers are matched by prefix only
    assert vocabulary.similar("محمود") == ["محمد"]  # one letter more, in any script
    # A name that exists is what was meant: no other name a slip away, and sounds alike
    # only when the letters look alike too (Double Metaphone gives both KRS).
    others = Vocabulary.of(["grace", "garcia", "camila", "amina", "rahul"])
    assert others.similar("Grace") == [] and others.similar("Camila") == []
    assert others.similar("Rhaul") == ["rahul"]  # two letters swapped: one slip


def test_typing_a_misspelling_in_the_caseload_search_box_lists_the_person(qtbot, cara):
    panel = CaseloadPanel(BeneficiaryTableModel(cara))
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    assert model.total == len(PEOPLE)
    qtbot.mouseClick(panel.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.search, "Mohamed")
    qtbot.waitUntil(lambda: model.total == 1)
    assert model.index(0, 0).data(BeneficiaryRole).full_name == "Muhammad Haddad"
    panel.search.clear()
    qtbot.waitUntil(lambda: model.total == len(PEOPLE))
    qtbot.keyClicks(panel.search, "(965) 750-464")
    qtbot.waitUntil(lambda: model.total == 1)
    assert model.index(0, 0).data(BeneficiaryRole).full_name == "Zara Abboud"
    panel.grab().save("/tmp/typo_search.png")
