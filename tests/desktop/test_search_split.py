"""A broad search's page read by name (services/search_split.py) is the page SQLite's own
plain query gives: same rows, same order, same count, on every sort, in both directions,
page by page (continuations) and at a jump (OFFSET), with the matches clustered late in
the list's order and spread into other columns, other spellings and other people."""

from __future__ import annotations

import itertools

import pytest

from desktop.domain.records import BeneficiaryQuery, SortKey
from desktop.services import beneficiaries as module
from desktop.services import search_split
from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.services.search_terms import SearchTerms, fts_match

# (first name, last name, how many). The Nguyens sort late by last name; others match
# "nguy" through the first name, a later word of the last name, other ASCII cases, an
# accent the sort does not fold ("Ñ" sorts after "z"), or an accent inside the word.
FILLER_LAST = ("Abboud", "Diallo", "García", "Haddad", "Kovalenko", "Lee", "Mensah")
FIRSTS = ("Amina", "Olena", "Omar", "Zoë")
NAMED = (
    ("Olena", "Nguyen", 25),
    ("Amina", "Nguyen", 20),
    ("Omar", "nguyen", 3),
    ("Zoë", "NGUYEN", 3),
    ("Olena", "Ñguyen", 2),
    ("Amina", "Nguyễn", 2),
    ("Omar", "Tran-Nguyen", 2),
    ("Olena", "Van Nguyen", 2),
    ("Nguyet", "Abboud", 3),
    ("Nguyen", "Zulu", 1),
    ("Nguyet", "Nguyen", 2),  # both parts: the name, and another column
    ("Olena", "Ngo", 4),
)
TYPED = ("nguy", "nguyen", "ng", "n", "olena ng", "nguy n", "ñguy", "van ng", "kov", "o")
REFERENCE_ORDER = {
    SortKey.CASE_NUMBER: ("b.case_number",),
    SortKey.LAST_NAME: ("b.last_name COLLATE NOCASE", "b.first_name COLLATE NOCASE"),
    SortKey.FIRST_NAME: ("b.first_name COLLATE NOCASE",),
    SortKey.DATE_OF_BIRTH: ("b.date_of_birth",),
    SortKey.STATUS: ("b.status",),
    SortKey.CASEWORKER: ("u.display_name", "u.id"),
    SortKey.NEXT_FOLLOW_UP: ("b.next_follow_up_on",),
    SortKey.UPDATED_AT: ("b.updated_at",),
}


def _people():
    names = [(first, last) for first, last, count in NAMED for _ in range(count)]
    names += [(first, last) for last in FILLER_LAST for first in FIRSTS for _ in range(3)]
    # Spread over the insertion order, as people register over the years.
    names = [names[(at * 37) % len(names)] for at in range(len(names))]
    records = demo_records(len(names), 0, seed=3)
    for (first, last), (fields, sessions) in zip(names, records, strict=True):
        yield {**fields, "first_name": first, "last_name": last}, sessions


@pytest.fixture
def clustered(office):
    sam = office.services("sam")
    login = office.login("sam")
    owners = [u.id for u in sam.users.caseworkers() if u.role.value == "caseworker"]
    people = list(_people())
    result = BulkImporter(login.db, login.actor, chunk_size=64).import_records(
        people, total=len(people), caseworker_ids=owners
    )
    assert result.beneficiaries == len(people)
    # A deleted Nguyen stays out of every page and count.
    deleted = sam.beneficiaries.list_page(BeneficiaryQuery(search="nguyen"), 0, 1).rows[0]
    sam.beneficiaries.delete(deleted.id)
    return office, login


def _reference(
    login, typed: str, key: SortKey, descending: bool, owner: str | None, status: str = ""
) -> list[str]:
    """SQLite's own plan over the search index: the matches, sorted."""
    with login.db.read() as uow:
        match = fts_match(typed, SearchTerms().vocabulary(uow.session))
    direction = " DESC" if descending else ""
    order = ", ".join(f"{term}{direction}" for term in (*REFERENCE_ORDER[key], "b.pk"))
    owned = "AND b.caseworker_id = :owner " if owner else ""
    owned += "AND b.status = :status " if status else ""
    sql = (
        "SELECT b.id FROM beneficiaries b JOIN users u ON u.id = b.caseworker_id "
        f"WHERE b.deleted_at IS NULL {owned}AND b.pk IN (SELECT rowid FROM beneficiary_search "
        f"WHERE beneficiary_search MATCH :match) ORDER BY {order}"
    )
    with login.db.raw_connection() as connection:
        return [
            row[0]
            for row in connection.execute(sql, {"match": match, "owner": owner, "status": status})
        ]


def _paged(service, query: BeneficiaryQuery, size: int) -> tuple[list[str], int]:
    ids, offset = [], 0
    while True:
        page = service.list_page(query, offset, size)
        ids += [b.id for b in page.rows]
        offset += len(page.rows)
        if not page.has_more:
            return ids, page.total


@pytest.fixture
def splits(monkeypatch):
    """Every search broad; the splits the pages were read with."""
    monkeypatch.setattr(module, "BROAD_SEARCH", 3)
    used = []
    choose = search_split.choose_split

    def counted(*args, **kwargs):
        split = choose(*args, **kwargs)
        used.append(split)
        return split

    monkeypatch.setattr(module, "choose_split", counted)
    return used


@pytest.mark.parametrize("key", list(SortKey))
def test_split_pages_are_the_plain_querys(clustered, splits, key):
    office, login = clustered
    sam = office.services("sam")
    for typed, descending in itertools.product(TYPED, (False, True)):
        expected = _reference(login, typed, key, descending, None)
        query = BeneficiaryQuery(search=typed, sort=key, descending=descending)
        assert _paged(sam.beneficiaries, query, 7) == (expected, len(expected)), typed
        jumped = sam.beneficiaries.list_page(query, 20, 6)  # OFFSET, no continuation
        assert [b.id for b in jumped.rows] == expected[20:26], typed
    if key in search_split.SPLIT_COLUMNS:
        shapes = {split.shape for split in splits if split is not None}
        # Named rows alone or with other matches, with one word or several.
        assert {(s[1], s[3]) for s in shapes} == {
            (False, False),
            (True, False),
            (False, True),
            (True, True),
        }


@pytest.mark.parametrize("key", [SortKey.LAST_NAME, SortKey.FIRST_NAME])
def test_split_pages_with_filters_and_for_a_caseworker(clustered, splits, monkeypatch, key):
    office, login = clustered
    sam, cara = office.services("sam"), office.services("cara")
    owner = cara.beneficiaries._actor.id
    for typed, descending in itertools.product(("nguy", "olena ng", "o"), (False, True)):
        for status in ("active", "closed"):
            wanted = _reference(login, typed, key, descending, None, status)
            filtered = BeneficiaryQuery(
                search=typed, sort=key, descending=descending, status=status
            )
            assert _paged(sam.beneficiaries, filtered, 5) == (wanted, len(wanted)), typed
    assert any(split is not None for split in splits)
    splits.clear()
    # A small caseload (a caseworker's own records, or the caseworker filter) keeps the
    # walk through the owner's index: the same pages.
    for typed, descending in itertools.product(("nguy", "olena ng", "o"), (False, True)):
        expected = _reference(login, typed, key, descending, owner)
        assert expected
        query = BeneficiaryQuery(search=typed, sort=key, descending=descending)
        assert _paged(cara.beneficiaries, query, 5) == (expected, len(expected)), typed
        mine = BeneficiaryQuery(search=typed, sort=key, descending=descending, caseworker_id=owner)
        assert _paged(sam.beneficiaries, mine, 5) == (expected, len(expected)), typed
    assert not any(splits)
    # A caseload big enough for the split (search_split._large_caseload): the same pages.
    monkeypatch.setattr(search_split, "OWNER_PAGE", 1)
    for typed, descending in itertools.product(("nguy", "olena ng", "o"), (False, True)):
        expected = _reference(login, typed, key, descending, owner)
        query = BeneficiaryQuery(search=typed, sort=key, descending=descending)
        assert _paged(cara.beneficiaries, query, 5) == (expected, len(expected)), typed
        mine = BeneficiaryQuery(search=typed, sort=key, descending=descending, caseworker_id=owner)
        assert _paged(sam.beneficiaries, mine, 5) == (expected, len(expected)), typed
    assert any(splits)


def test_many_other_matches_walk_the_sort_index(clustered, splits, monkeypatch):
    # "o" matches Olena and Omar by first name far more often than the bound: the other
    # matches are walked for, not read and sorted.
    office, login = clustered
    sam = office.services("sam")
    for typed, descending in itertools.product(("o", "n"), (False, True)):
        expected = _reference(login, typed, SortKey.LAST_NAME, descending, None)
        query = BeneficiaryQuery(search=typed, descending=descending)
        assert _paged(sam.beneficiaries, query, 9) == (expected, len(expected))
    assert any(split is not None and split.broad for split in splits)


def test_a_deep_jump_keeps_the_walk(clustered, splits, monkeypatch):
    monkeypatch.setattr(module, "SPLIT_REACH", 10)
    office, login = clustered
    sam = office.services("sam")
    expected = _reference(login, "nguy", SortKey.LAST_NAME, False, None)
    query = BeneficiaryQuery(search="nguy")
    assert [b.id for b in sam.beneficiaries.list_page(query, 30, 8).rows] == expected[30:38]
    assert _paged(sam.beneficiaries, query, 8) == (expected, len(expected))


def test_a_name_saved_between_keystrokes_is_found(clustered, splits):
    office, login = clustered
    sam = office.services("sam")
    query = BeneficiaryQuery(search="nguy")
    before, _ = _paged(sam.beneficiaries, query, 50)
    created = sam.beneficiaries.create({"first_name": "Ada", "last_name": "Nguyenova"})
    after, total = _paged(sam.beneficiaries, query, 50)
    assert created.id in after and total == len(before) + 1
    assert after == _reference(login, "nguy", SortKey.LAST_NAME, False, None)
