"""Issue 12 point 7 in the caseload list's service: custom fields filtered, sorted, searched.

Custom values are written with SQL (``custom`` and ``custom_search``, as the write path
keeps them) on 300 beneficiaries imported through the bulk path; the list must select,
order and count them through SQL and the indexes of desktop/store/custom_indexes.py.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.domain import forms
from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.records import BeneficiaryQuery, SortKey
from desktop.services import beneficiaries as module
from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.store.custom_indexes import ensure_custom_indexes

DEFINITION = forms.from_document(
    {
        "format": forms.FORMAT,
        "languages": ["en", "fr"],
        "beneficiary": {
            "fields": [
                {
                    "key": "risk",
                    "kind": "choice",
                    "label": {"en": "Risk", "fr": "Risque"},
                    "choices": [
                        {"value": v, "label": {"en": v.title(), "fr": v}}
                        for v in ("low", "medium", "high")
                    ],
                    "column": True,
                    "filter": True,
                },
                {
                    "key": "disabled",
                    "kind": "yes_no",
                    "label": {"en": "Disability", "fr": "Handicap"},
                    "filter": True,
                },
                {
                    "key": "household",
                    "kind": "integer",
                    "label": {"en": "Household", "fr": "Ménage"},
                    "column": True,
                },
                {
                    "key": "intake",
                    "kind": "date",
                    "label": {"en": "Intake", "fr": "Accueil"},
                    "column": True,
                },
                {
                    "key": "guardian",
                    "kind": "text",
                    "label": {"en": "Guardian", "fr": "Tuteur"},
                    "column": True,
                    "searchable": True,
                },
                {
                    "key": "story",
                    "kind": "long_text",
                    "label": {"en": "Story", "fr": "Histoire"},
                    "searchable": True,
                },
            ]
        },
    }
)
SORTED = ("risk", "household", "intake", "guardian")
GUARDIANS = ("Zephyrine Okafor", "amadou diallo", "Beatriz Moreno", "yusuf demir", "Ödön Kis")


def _values(rng: random.Random) -> dict:
    values = {
        "risk": rng.choice(("low", "medium", "high", None)),
        "disabled": rng.choice((True, False, None)),
        "household": rng.choice((None, *range(1, 12))),
        "intake": rng.choice((None, (date(2025, 1, 1) + timedelta(rng.randrange(400))))),
        "guardian": rng.choice((None, *GUARDIANS)),
        "story": rng.choice((None, "moved from the coast", "lives with an aunt")),
    }
    if values["intake"] is not None:
        values["intake"] = values["intake"].isoformat()
    return {key: value for key, value in values.items() if value is not None}


def write_custom(login, definition: forms.FormSet, seed: int = 3) -> dict[str, dict]:
    """Seeded custom values on every beneficiary, written as the write path stores them."""
    rng = random.Random(seed)
    with login.db.write() as uow:
        ids = uow.session.execute(text("SELECT id FROM beneficiaries ORDER BY pk")).scalars()
        written = {beneficiary_id: _values(rng) for beneficiary_id in ids}
        uow.session.execute(
            text(
                "UPDATE beneficiaries SET custom = :custom, custom_search = :search WHERE id = :id"
            ),
            [
                {
                    "id": beneficiary_id,
                    "custom": json.dumps(values),
                    "search": forms.search_text(definition.beneficiary, values),
                }
                for beneficiary_id, values in written.items()
            ],
        )
        ensure_custom_indexes(uow.session, definition)
        uow.commit()
    return written


@pytest.fixture
def custom(office):
    """300 beneficiaries with custom values; the supervisor's services and login."""
    sam = office.services("sam")
    login = office.login("sam")
    owners = [u.id for u in sam.users.caseworkers() if u.role.value == "caseworker"]
    BulkImporter(login.db, login.actor, chunk_size=128).import_records(
        demo_records(300, 1, seed=7), total=300, caseworker_ids=owners
    )
    written = write_custom(login, DEFINITION)
    return sam, login, written


def every_page(service, query: BeneficiaryQuery, size: int) -> tuple[list, int]:
    rows, offset = [], 0
    while True:
        page = service.list_page(query, offset, size)
        rows += page.rows
        offset += len(page.rows)
        if not page.rows or not page.has_more:
            return rows, page.total


def use_plan(monkeypatch, plan: str) -> None:
    """Every custom filter takes ``plan`` (chosen from its count otherwise)."""
    monkeypatch.setattr(module, "_custom_plan", lambda matches, rows: plan)


def test_the_plan_follows_the_share_of_rows_a_filter_selects():
    assert [module._custom_plan(n, 100_000) for n in (0, 900, 1_100, 19_000, 21_000)] == [
        "index",
        "index",
        "listed",
        "listed",
        "walk",
    ]


@pytest.mark.parametrize("plan", ["index", "listed", "walk"])
def test_filters_on_a_choice_and_a_yes_no_field(custom, monkeypatch, plan):
    sam, _login, written = custom
    use_plan(monkeypatch, plan)
    for filters in (
        (("risk", "high"),),
        (("disabled", True),),
        (("disabled", False),),
        (("risk", "low"), ("disabled", True)),
    ):
        expected = {
            beneficiary_id
            for beneficiary_id, values in written.items()
            if all(values.get(key) == value for key, value in filters)
        }
        query = BeneficiaryQuery(custom_filters=filters)
        rows, total = every_page(sam.beneficiaries, query, 23)
        ids = [b.id for b in rows]
        assert len(ids) == len(set(ids)) == total == len(expected) > 10, filters
        assert set(ids) == expected
        assert sam.beneficiaries.count(query) == total
        assert all(b.custom.get(key) == value for b in rows for key, value in filters)
        names = [(b.last_name.lower(), b.first_name.lower()) for b in rows]
        assert names == sorted(names)  # still in the list's sort
    # With the other filters: a status and a search narrow it further.
    everyone = sam.beneficiaries.list_page(BeneficiaryQuery(), 0, 300).rows
    closed = {b.id for b in everyone if b.status is BeneficiaryStatus.CLOSED}
    query = BeneficiaryQuery(status=BeneficiaryStatus.CLOSED, custom_filters=(("risk", "high"),))
    rows, total = every_page(sam.beneficiaries, query, 9)
    assert {b.id for b in rows} == {i for i in closed if written[i].get("risk") == "high"}
    assert total == len(rows)


def test_no_value_and_a_value_no_row_holds_select_nothing(custom):
    sam, _login, _written = custom
    for filters in ((("risk", "unheard_of"),), (("household", "1"),)):
        page = sam.beneficiaries.list_page(BeneficiaryQuery(custom_filters=filters))
        assert (page.rows, page.total) == ((), 0)


def _order_key(value):
    # As SQLite orders json_extract's results: NULL, then numbers, then text (binary).
    if value is None:
        return (0, 0)
    if isinstance(value, bool | int | float):
        return (1, int(value) if isinstance(value, bool) else value)
    return (2, value.encode())


@pytest.mark.parametrize("key", SORTED)
def test_sort_by_a_custom_column_both_orders_covers_every_row_once(custom, key):
    sam, login, written = custom
    for descending in (False, True):
        query = BeneficiaryQuery(custom_sort=key, descending=descending, sort=SortKey.STATUS)
        rows, total = every_page(sam.beneficiaries, query, 13)
        ids = [b.id for b in rows]
        assert len(ids) == len(set(ids)) == total == 300
        keys = [_order_key(written[i].get(key)) for i in ids]
        assert keys == sorted(keys, reverse=descending)
        # Keyset pages (continued from the last row) are the pages OFFSET gives.
        fresh = type(sam.beneficiaries)(login.db, login.actor)
        for offset in (13, 130, 286):
            jumped = fresh.list_page(query, offset, 13).rows
            assert [b.id for b in jumped] == ids[offset : offset + 13]
    with_values = [i for i in written if written[i].get(key) is not None]
    filtered = BeneficiaryQuery(custom_sort=key, custom_filters=(("risk", "medium"),))
    rows, total = every_page(sam.beneficiaries, filtered, 11)
    assert total == len(rows) == sum(written[i].get("risk") == "medium" for i in written)
    keys = [_order_key(b.custom.get(key)) for b in rows]
    assert keys == sorted(keys) and len(with_values) > 100


def test_ascending_custom_sort_continues_by_keyset(custom):
    # Scrolling a custom column's order reads on from the last row, not from row 0.
    sam, _login, _written = custom
    query = BeneficiaryQuery(custom_sort="household")
    every_page(sam.beneficiaries, query, 40)
    remembered = [key for key in sam.beneficiaries._continuations if key[0] == query]
    assert len(remembered) >= 5  # every page end after the rows without a value


@pytest.mark.parametrize("broad_from", [0, 10**9])
def test_search_finds_searchable_custom_text(custom, monkeypatch, broad_from):
    sam, _login, written = custom
    monkeypatch.setattr(module, "BROAD_SEARCH", broad_from)
    for typed, word in (("zephy", "Zephyrine"), ("odon", "Ödön"), ("aunt", "aunt")):
        expected = {
            i
            for i, values in written.items()
            if word in values.get("guardian", "") or word in values.get("story", "")
        }
        query = BeneficiaryQuery(search=typed)
        rows, total = every_page(sam.beneficiaries, query, 17)
        assert {b.id for b in rows} == expected and total == len(expected) > 5
        # The same search with a custom filter: counted through the filter's index.
        both = BeneficiaryQuery(search=typed, custom_filters=(("risk", "low"),))
        rows, total = every_page(sam.beneficiaries, both, 5)
        low = {i for i in expected if written[i].get("risk") == "low"}
        assert {b.id for b in rows} == low and total == len(low) == sam.beneficiaries.count(both)


def _plans(login, monkeypatch, service, query: BeneficiaryQuery) -> list[str]:
    """EXPLAIN QUERY PLAN of each statement the list runs for ``query``'s first page."""
    statements: list[tuple[str, list]] = []
    original = module.PageSql.rows

    def recording(self, connection, values):
        parameters = [
            process(values[name]) if process else values[name] for name, process in self.parameters
        ]
        statements.append((self.sql, parameters))
        return original(self, connection, values)

    monkeypatch.setattr(module.PageSql, "rows", recording)
    monkeypatch.setattr(module, "PAGE_SQL", {})
    service.list_page(query, 0, 50)
    with login.db.raw_connection() as connection:
        return [
            " | ".join(row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, args))
            for sql, args in statements
        ]


def test_the_filter_and_the_sort_go_through_the_custom_index(custom, monkeypatch):
    sam, login, _written = custom
    use_plan(monkeypatch, "index")
    (filtered,) = _plans(
        login, monkeypatch, sam.beneficiaries, BeneficiaryQuery(custom_filters=(("risk", "high"),))
    )
    assert "USING INDEX ix_custom_risk (<expr>=?)" in filtered, filtered
    (by_household,) = _plans(
        login, monkeypatch, sam.beneficiaries, BeneficiaryQuery(custom_sort="household")
    )
    assert "SCAN beneficiaries USING INDEX ix_custom_household" in by_household, by_household
    assert "TEMP B-TREE" not in by_household  # the index gives the order
    with login.db.raw_connection() as connection:
        count = " | ".join(
            row[-1]
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM beneficiaries "
                "WHERE deleted_at IS NULL AND json_extract(custom, '$.risk') = ?",
                ("high",),
            )
        )
    assert "ix_custom_risk" in count, count
    # Listed: the matches' pks through the filter's index, the page through the sort's.
    use_plan(monkeypatch, "listed")
    (listed,) = _plans(
        login, monkeypatch, sam.beneficiaries, BeneficiaryQuery(custom_filters=(("risk", "high"),))
    )
    assert "SCAN beneficiaries USING INDEX ix_beneficiaries_last_name" in listed, listed
    assert "USING INDEX ix_custom_risk (<expr>=?)" in listed and "TEMP B-TREE" not in listed
    # Walking the sort's index instead: the filter's index is not used for the page.
    use_plan(monkeypatch, "walk")
    (walked,) = _plans(
        login, monkeypatch, sam.beneficiaries, BeneficiaryQuery(custom_filters=(("risk", "high"),))
    )
    assert "ix_beneficiaries_last_name" in walked and "ix_custom_risk" not in walked, walked


def test_keys_that_are_not_field_keys_are_refused(custom):
    sam, _login, _written = custom
    hostile = ("risk') = 1 OR ('1", "Risk", "", "a" * 41, "risk.level", "risk\n", 7)
    for key in hostile:
        with pytest.raises(ValueError, match="not a custom field key"):
            sam.beneficiaries.list_page(BeneficiaryQuery(custom_filters=((key, "x"),)))
        with pytest.raises(ValueError, match="not a custom field key"):
            sam.beneficiaries.list_page(BeneficiaryQuery(custom_sort=key))  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="not a custom field key"):
            sam.beneficiaries.count(BeneficiaryQuery(custom_filters=((key, "x"),)))
    with pytest.raises(ValueError, match="a choice value or yes/no"):
        sam.beneficiaries.list_page(BeneficiaryQuery(custom_filters=(("risk", ["high"]),)))


def test_custom_indexes_follow_the_definition(custom):
    _sam, login, _written = custom

    def indexes() -> set[str]:
        with login.db.raw_connection() as connection:
            rows = connection.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE 'ix_custom_%'"
            ).fetchall()
        return {name for (name,) in rows}

    assert indexes() == {
        f"ix_custom_{k}" for k in ("risk", "disabled", "household", "intake", "guardian")
    }
    with login.db.write() as uow:
        assert ensure_custom_indexes(uow.session, DEFINITION) == ([], [])  # nothing to do
    # Guardian retired, intake no longer a column, a new filter: the indexes follow.
    fields = []
    for item in DEFINITION.beneficiary.fields:
        if item.key == "guardian":
            item = replace(item, retired=True)
        elif item.key == "intake":
            item = replace(item, column=False)
        elif item.key == "story":
            continue
        fields.append(item)
    newer = replace(
        DEFINITION,
        beneficiary=replace(DEFINITION.beneficiary, fields=tuple(fields)),
    )
    with login.db.write() as uow:
        created, dropped = ensure_custom_indexes(uow.session, newer)
        uow.commit()
    assert (created, sorted(dropped)) == ([], ["ix_custom_guardian", "ix_custom_intake"])
    assert indexes() == {"ix_custom_risk", "ix_custom_disabled", "ix_custom_household"}
    with login.db.write() as uow:
        ensure_custom_indexes(uow.session, forms.EMPTY)
        uow.commit()
    assert indexes() == set()


def test_a_caseworker_filters_and_sorts_only_her_own_caseload(custom, office):
    _sam, _login, written = custom
    cara = office.services("cara")
    mine = {b.id for b in every_page(cara.beneficiaries, BeneficiaryQuery(), 50)[0]}
    assert 0 < len(mine) < 300
    query = BeneficiaryQuery(custom_filters=(("risk", "high"),), custom_sort="guardian")
    rows, total = every_page(cara.beneficiaries, query, 9)
    expected = {i for i in mine if written[i].get("risk") == "high"}
    assert {b.id for b in rows} == expected and total == len(rows) == len(expected)
    keys = [_order_key(written[b.id].get("guardian")) for b in rows]
    assert keys == sorted(keys)


def test_publishing_and_pulling_keep_the_list_s_indexes(office):
    """FormService makes the indexes of the fields a version lists or filters by, in
    the transaction that stores it: published here, or pulled from the server."""
    from desktop.services.forms import template_text

    sam = office.services("sam")
    login = office.login("sam")

    def custom_indexes() -> set[str]:
        with login.db.read() as uow:
            names = uow.session.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'ix_custom_%'")
            ).scalars()
            return set(names)

    admin = office.services("admin")
    admin.forms.import_text(template_text("child_protection"))
    admin.forms.publish()
    first = admin.forms.current()
    wanted = {f"ix_custom_{f.key}" for f in first.beneficiary.active if f.filter or f.column}
    assert wanted and custom_indexes() == wanted
    cash = forms.parse(template_text("cash_assistance")).with_version(2)
    assert sam.forms.store_pulled(cash)
    assert custom_indexes() == {
        f"ix_custom_{f.key}" for f in cash.beneficiary.active if f.filter or f.column
    }


def test_a_decimal_column_sorts_as_numbers_through_its_index(office):
    """A decimal is stored as exact text ("10.5"); as text "10.5" would sort before "9"."""
    admin = office.services("admin")
    document = {
        "format": forms.FORMAT,
        "languages": ["en"],
        "beneficiary": {
            "fields": [{"key": "income", "kind": "decimal", "label": "Income", "column": True}]
        },
    }
    admin.forms.import_text(json.dumps(document))
    admin.forms.publish()
    incomes = ["9", "10.5", "100", "-2", "0.25", None, "9.75"]
    for at, income in enumerate(incomes):
        custom = {} if income is None else {"income": income}
        admin.beneficiaries.create({"first_name": f"P{at}", "last_name": "Q", "custom": custom})
    expected = sorted(float(v) for v in incomes if v is not None)
    for descending in (False, True):
        query = BeneficiaryQuery(custom_sort="income", descending=descending)
        rows, total = every_page(admin.beneficiaries, query, 2)  # keyset pages of two
        numbers = [float(b.custom["income"]) for b in rows if "income" in b.custom]
        assert total == len(incomes)
        assert numbers == (sorted(expected, reverse=True) if descending else expected)
    login = office.login("admin")
    with login.db.read() as uow:
        sql = uow.session.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'ix_custom_income'")
        ).scalar_one()
    assert "CAST(json_extract(custom, '$.income') AS REAL)" in sql
