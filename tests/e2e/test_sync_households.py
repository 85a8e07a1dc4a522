"""Issue 14 point 6: households sync like tasks, on SQLite and on PostgreSQL servers.

Real encrypted laptops and a real server process on loopback: two laptops work on one
household while offline (each adds a member, changes a relationship); after both sync
they hold the same household. A clash on one member's relationship is a field conflict;
two heads made offline are both kept and shown as the household's conflict until one is
made head. A caseworker cannot see or write another caseload's links.
"""

from __future__ import annotations

import httpx
import pytest

from desktop.domain.enums import Relationship
from desktop.domain.households import HeadProblem
from desktop.services.conflicts import Choice
from tests.e2e.conftest import server_records
from tests.server.conftest import backend, servers  # noqa: F401  (both backends)


@pytest.fixture(scope="module")
def sync_server(servers):  # noqa: F811
    return servers.start(dev=True)


def _person(laptop, first: str, last: str = "Haddad", **more):
    return laptop.services.beneficiaries.create({"first_name": first, "last_name": last, **more})


def _shape(laptop, beneficiary_id: str):
    """The household as a person reads it: who, how related, who is head."""
    house = laptop.services.households.household_of(beneficiary_id)
    return sorted((m.name, m.relationship.value, m.is_head) for m in house.members)


def _both_synced(a, b):
    for laptop in (a, b, a):
        report = laptop.sync()
        assert report.errors == 0, report.warnings


def test_two_laptops_working_offline_on_one_household_end_with_the_same_one(laptops, sync_server):
    a, b = laptops(), laptops()
    mother = _person(a, "Layla")
    son = _person(a, "Omar")
    a.services.households.link(son.id, to=mother.id, relationship="child")
    _both_synced(a, b)
    on_server = server_records(sync_server, a.server_user, "household_link")
    assert sorted(
        (r["data"]["relationship"], r["data"]["is_head"]) for r in on_server.values()
    ) == [
        ("child", False),
        ("other", True),
    ]
    assert _shape(b, son.id) == _shape(a, son.id)

    # Offline: each laptop registers a member into the household and changes a relationship.
    baby = _person(a, "Yara")
    a.services.households.link(baby.id, to=mother.id, relationship="child")
    a.services.households.set_relationship(mother.id, "parent")
    grandma = _person(b, "Salma", "Khoury")
    b.services.households.link(grandma.id, to=son.id, relationship=Relationship.GUARDIAN)
    b.services.households.set_relationship(son.id, "sibling")
    _both_synced(a, b)

    expected = [
        ("Layla Haddad", "parent", True),
        ("Omar Haddad", "sibling", False),
        ("Salma Khoury", "guardian", False),
        ("Yara Haddad", "child", False),
    ]
    assert _shape(a, mother.id) == expected
    assert _shape(b, mother.id) == expected

    # The same field on both: the second to sync sees a conflict, nothing is lost.
    a.services.households.set_relationship(baby.id, "sibling")
    b.services.households.set_relationship(baby.id, "guardian")
    assert a.sync().errors == 0
    b.sync()
    link_id = b.services.households.household_of(baby.id).member(baby.id).link_id
    conflicts = b.services.conflicts.open_conflicts(link_id)
    assert [(c.field, c.local_value, c.server_value) for c in conflicts] == [
        ("relationship", "guardian", "sibling")
    ]
    b.services.conflicts.resolve(conflicts[0].id, Choice.MINE)
    _both_synced(a, b)
    for laptop in (a, b):
        assert laptop.services.households.household_of(baby.id).member(baby.id).relationship == (
            Relationship.GUARDIAN
        )

    # Two heads made offline: both kept and shown, until one laptop makes one head.
    a.services.households.make_head(son.id)
    b.services.households.make_head(grandma.id)
    _both_synced(a, b)
    for laptop in (a, b):
        house = laptop.services.households.household_of(mother.id)
        assert house.head_problem is HeadProblem.SEVERAL
        assert sorted(m.first_name for m in house.heads) == ["Omar", "Salma"]
    b.services.households.make_head(grandma.id)
    _both_synced(a, b)
    assert _shape(a, mother.id) == _shape(b, mother.id)
    for laptop in (a, b):
        house = laptop.services.households.household_of(mother.id)
        assert house.head_problem is None and house.head.first_name == "Salma"

    # A member leaves on one laptop: gone from the household on the other.
    a.services.households.unlink(baby.id)
    _both_synced(a, b)
    assert "Yara Haddad" not in [name for name, _r, _h in _shape(b, mother.id)]
    assert b.services.households.household_of(baby.id).household_id is None


def test_a_caseworker_cannot_see_or_write_another_caseloads_links(laptops, sync_server):
    mine = laptops("caseworker")
    theirs = laptops("caseworker")
    mother = _person(mine, "Rana", "Aziz")
    son = _person(mine, "Karim", "Aziz")
    mine.services.households.link(son.id, to=mother.id, relationship="child")
    assert mine.sync().errors == 0
    assert theirs.sync().errors == 0
    assert server_records(sync_server, theirs.server_user, "household_link") == {}

    links = server_records(sync_server, mine.server_user, "household_link")
    link = next(iter(links.values()))
    changes = [
        {
            "entity": "household_link",
            "id": link["id"],
            "op": "upsert",
            "base_version": link["version"],
            "idempotency_key": "h-1",
            "data": {**link["data"], "relationship": "spouse"},
        },
        {
            "entity": "household_link",
            "id": "5c1d0b7e-2f4a-4e55-9a52-5e8a4ad3f0aa",
            "op": "upsert",
            "base_version": None,
            "idempotency_key": "h-2",
            "data": {
                "beneficiary_id": link["data"]["beneficiary_id"],
                "household_id": link["data"]["household_id"],
                "relationship": "child",
            },
        },
        {
            "entity": "household_link",
            "id": link["id"],
            "op": "delete",
            "base_version": link["version"],
            "idempotency_key": "h-3",
        },
    ]
    with httpx.Client(base_url=sync_server.base_url, timeout=30) as http:
        answer = http.post(
            "/api/sync/push", json={"changes": changes}, headers=theirs.server_user.headers
        ).json()["data"]["results"]
    assert [(r["status"], r.get("code")) for r in answer] == [
        ("rejected", "forbidden"),
        ("rejected", "validation_error"),
        ("rejected", "forbidden"),
    ]
    after = server_records(sync_server, mine.server_user, "household_link")[link["id"]]
    assert (after["version"], after["data"]) == (link["version"], link["data"])  # untouched
    # A relationship the server does not know is refused, naming the field.
    with httpx.Client(base_url=sync_server.base_url, timeout=30) as http:
        bad = http.post(
            "/api/sync/push",
            json={
                "changes": [
                    {
                        "entity": "household_link",
                        "id": link["id"],
                        "op": "upsert",
                        "base_version": link["version"],
                        "idempotency_key": "h-4",
                        "data": {**link["data"], "relationship": "cousin"},
                    }
                ]
            },
            headers=mine.server_user.headers,
        ).json()["data"]["results"]
    assert (bad[0]["status"], list(bad[0]["errors"])) == ("rejected", ["relationship"])
