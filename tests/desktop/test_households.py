"""Issue 14 point 6 (local side): beneficiaries linked as a household, with relationships
and one head, role-checked and audited, every change through the one write path."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.domain.enums import Relationship
from desktop.domain.households import HeadProblem
from desktop.errors import PermissionDenied, UserError, ValidationError


def rows(login, sql: str, **params):
    with login.db.read() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql), params)]


@pytest.fixture
def family(office):
    services = office.services("cara")
    mother = services.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    son = services.beneficiaries.create({"first_name": "Omar", "last_name": "Haddad"})
    daughter = services.beneficiaries.create({"first_name": "Nour", "last_name": "Haddad"})
    return office, services, mother, son, daughter


def test_linking_forms_a_household_with_one_head_and_every_change_is_audited_and_queued(family):
    office, services, mother, son, daughter = family
    assert services.households.household_of(son.id).household_id is None

    house = services.households.link(son.id, to=mother.id, relationship="child")
    services.households.link(daughter.id, to=son.id, relationship=Relationship.CHILD)
    house = services.households.household_of(daughter.id)
    assert [(m.name, m.relationship, m.is_head) for m in house.members] == [
        ("Layla Haddad", Relationship.OTHER, True),
        ("Nour Haddad", Relationship.CHILD, False),
        ("Omar Haddad", Relationship.CHILD, False),
    ]
    assert house.head.beneficiary_id == mother.id and house.head_problem is None
    assert services.households.household_of(mother.id) == house

    services.households.set_relationship(mother.id, "parent")
    house = services.households.make_head(son.id)
    assert house.head.beneficiary_id == son.id
    assert [m.is_head for m in house.members].count(True) == 1

    login = office.login("cara")
    links = dict(rows(login, "SELECT beneficiary_id, id FROM household_links"))
    outbox = rows(login, "SELECT entity, entity_id, op FROM outbox WHERE entity='household_link'")
    assert sorted(outbox) == sorted(("household_link", i, "upsert") for i in links.values())
    events = rows(
        login,
        "SELECT action, entity_id, changes FROM audit_events WHERE entity='household_link' "
        "ORDER BY id",
    )
    assert [e[0] for e in events] == ["create"] * 3 + ["update"] * 3
    assert '"is_head": [true, false]' in events[4][2] and events[4][1] == links[mother.id]
    assert office.services("sam").audit.case_history(mother.id)[0].entity == "household_link"


def test_the_head_stays_while_others_remain_and_a_member_leaves_by_a_synced_tombstone(family):
    office, services, mother, son, daughter = family
    services.households.link(son.id, to=mother.id, relationship="child")
    services.households.link(daughter.id, to=mother.id, relationship="child")
    with pytest.raises(UserError, match="make another member head"):
        services.households.unlink(mother.id)
    with pytest.raises(UserError, match="already a member"):
        services.households.link(son.id, to=daughter.id, relationship="sibling")

    services.households.unlink(son.id)
    assert services.households.household_of(son.id).household_id is None
    names = [m.first_name for m in services.households.household_of(mother.id).members]
    assert names == ["Layla", "Nour"]
    login = office.login("cara")
    ((op,),) = rows(
        login,
        "SELECT o.op FROM outbox o JOIN household_links l ON l.id = o.entity_id "
        "WHERE l.beneficiary_id = :b",
        b=son.id,
    )
    assert op == "delete"
    # Removed, they may join again (through any member).
    house = services.households.link(son.id, to=daughter.id, relationship="sibling")
    assert (house.head.beneficiary_id, len(house.members)) == (mother.id, 3)


def test_bad_relationship_and_someone_elses_caseload_are_refused_with_nothing_written(family):
    office, services, mother, son, _daughter = family
    with pytest.raises(ValidationError) as error:
        services.households.link(son.id, to=mother.id, relationship="cousin")
    assert "relationship" in error.value.problems
    colin = office.services("colin")
    his = colin.beneficiaries.create({"first_name": "Sami", "last_name": "Aziz"})
    with pytest.raises(PermissionDenied):
        colin.households.link(his.id, to=mother.id, relationship="spouse")
    with pytest.raises(PermissionDenied):
        colin.households.household_of(mother.id)
    assert rows(office.login("cara"), "SELECT count(*) FROM household_links") == [(0,)]
    # A supervisor links across caseloads; each caseworker sees only their own member.
    office.services("sam").households.link(his.id, to=mother.id, relationship="spouse")
    seen = services.households.household_of(mother.id)
    assert ([m.first_name for m in seen.members], seen.hidden) == (["Layla"], 1)
    assert seen.head_problem is None


def test_two_heads_after_an_offline_clash_are_shown_until_one_is_made_head(family):
    office, services, mother, son, daughter = family
    services.households.link(son.id, to=mother.id, relationship="child")
    services.households.link(daughter.id, to=mother.id, relationship="child")
    login = office.login("cara")
    with login.db.write() as uow:  # what two laptops' syncs leave: each made one head
        uow.session.execute(
            text("UPDATE household_links SET is_head = 1 WHERE beneficiary_id = :b"),
            {"b": son.id},
        )
        uow.commit()
    house = services.households.household_of(mother.id)
    assert house.head_problem is HeadProblem.SEVERAL and house.head is None
    house = services.households.make_head(daughter.id)
    assert house.head_problem is None and house.head.beneficiary_id == daughter.id


def test_a_new_member_sharing_the_households_phone_is_no_duplicate_but_a_real_one_is(family):
    _office, services, mother, son, _daughter = family
    phone = "+961 3 123 456"
    services.beneficiaries.update(mother.id, {"phone": phone, "date_of_birth": "1985-03-02"})
    services.beneficiaries.update(son.id, {"phone": phone, "date_of_birth": "2010-06-15"})
    services.households.link(son.id, to=mother.id, relationship="child")
    baby = {"first_name": "Yara", "last_name": "Haddad", "phone": "961-3-123456"}
    baby["date_of_birth"] = "2019-01-20"

    # Before (no household taken into account): the family's phone flags both of them.
    flagged = services.beneficiaries.possible_duplicates(baby)
    assert sorted((d.full_name, d.reasons) for d in flagged) == [
        ("Layla Haddad", ("same_phone",)),
        ("Omar Haddad", ("same_phone",)),
    ]
    # After: registered as a new member of the household, the shared phone is no reason.
    assert services.beneficiaries.possible_duplicates(baby, household_of=mother.id) == []
    # A real duplicate within the household (same name and date of birth) still is one.
    again = {"first_name": "Omar", "last_name": "Haddad", "phone": phone}
    again["date_of_birth"] = "2010-06-15"
    (twice,) = services.beneficiaries.possible_duplicates(again, household_of=mother.id)
    assert (twice.id, twice.reasons) == (son.id, ("same_name", "same_date_of_birth"))
    # Editing a member: the rest of the family's phone is not a reason either.
    assert (
        services.beneficiaries.possible_duplicates(
            {"first_name": "Omar", "last_name": "Haddad", "phone": phone}, exclude_id=son.id
        )
        == []
    )
    # Someone outside the household with that phone is still flagged by it.
    stranger = {"first_name": "Rami", "last_name": "Saleh", "phone": phone}
    assert {d.id for d in services.beneficiaries.possible_duplicates(stranger)} == {
        mother.id,
        son.id,
    }
