"""Issue 14 point 7 (local side): a supervisor merges two records of one person, field by
field; sessions and tasks move to the survivor; one transaction; undo puts it all back."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from desktop.domain.records import BeneficiaryQuery
from desktop.errors import NotFound, PermissionDenied, UserError, ValidationError
from desktop.services.merges import LINKED

TODAY = date.today()


def rows(login, sql: str, **params):
    with login.db.read() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql), params)]


@pytest.fixture
def twins(office):
    """Cara registered Layla twice; the second copy has her phone and two sessions."""
    cara = office.services("cara")
    first = cara.beneficiaries.create(
        {"first_name": "Layla", "last_name": "Haddad", "date_of_birth": date(1990, 5, 1)}
    )
    second = cara.beneficiaries.create(
        {
            "first_name": "Leila",
            "last_name": "Haddad",
            "date_of_birth": date(1990, 5, 1),
            "phone": "+961 3 123456",
        }
    )
    visits = [
        cara.case_sessions.create(
            second.id,
            {
                "starts_at": datetime.combine(TODAY - timedelta(days=days), datetime.min.time()),
                "kind": "office",
                "status": "done",
                "follow_up_on": TODAY + timedelta(days=days),
            },
        )
        for days in (3, 10)
    ]
    return office, cara, first, second, visits


def test_the_linked_kinds_come_from_the_declaration():
    assert {entity.value for entity in LINKED} >= {"case_session", "task"}
    assert "beneficiary" not in {entity.value for entity in LINKED}


def test_a_supervisor_merges_field_by_field_and_the_children_move(twins):
    office, _cara, first, second, visits = twins
    sam = office.services("sam")
    plan = sam.merges.plan(first.id, second.id)
    differing = {f.name for f in plan.fields if f.differs}
    assert {"first_name", "phone"} <= differing and "last_name" not in differing
    nothing = {entity.value: 0 for entity in LINKED}  # every kind with a beneficiary link
    assert plan.moving == {**nothing, "case_session": 2, "task": 2}

    event = sam.merges.merge(first.id, second.id, take=["phone"])

    survivor = sam.beneficiaries.get(first.id)
    assert (survivor.first_name, survivor.phone) == ("Layla", "+961 3 123456")
    assert sorted(s.id for s in sam.case_sessions.timeline(first.id)) == sorted(
        v.id for v in visits
    )
    assert len(sam.tasks.for_beneficiary(first.id)) == 2
    assert survivor.next_follow_up_on == TODAY + timedelta(days=3)
    with pytest.raises(NotFound):
        sam.beneficiaries.get(second.id)
    login = office.login("sam")
    assert rows(
        login,
        "SELECT merged_into, deleted_at IS NOT NULL, first_name FROM beneficiaries WHERE id = :id",
        id=second.id,
    ) == [(first.id, 1, "Leila")]
    # The list shows one Layla now.
    page = sam.beneficiaries.list_page(BeneficiaryQuery(search="Haddad"))
    assert [b.id for b in page.rows] == [first.id]
    # Every record's change is queued for the server, the tombstone with merged_into.
    queued = set(rows(login, "SELECT entity, entity_id FROM outbox"))
    assert ("beneficiary", second.id) in queued and ("beneficiary", first.id) in queued
    assert {("case_session", v.id) for v in visits} <= queued
    # One event: what moved and the survivor's field that changed.
    assert event.moved["case_session"] == tuple(sorted(v.id for v in visits))
    assert event.survivor_changes == {"phone": ["", "+961 3 123456"]}
    # Written at one instant: the survivor, two sessions, two tasks, the tombstone.
    actions = rows(
        login,
        "SELECT action, count(*) FROM audit_events WHERE at = "
        "(SELECT max(at) FROM audit_events WHERE action = 'merge') GROUP BY action",
    )
    assert actions == [("merge", 6)]


def test_undo_puts_the_record_back_and_moves_exactly_what_moved(twins):
    office, cara, first, second, visits = twins
    sam = office.services("sam")
    # A session the survivor had before the merge stays with it after the undo.
    own = cara.case_sessions.create(
        first.id, {"starts_at": datetime(2026, 1, 5, 9), "kind": "phone", "status": "done"}
    )
    event = sam.merges.merge(first.id, second.id, take=["phone", "first_name"])
    assert sam.merges.undoable(second.id) == event
    # A session written on the survivor after the merge is not the merge's: it stays.
    later = cara.case_sessions.create(
        first.id, {"starts_at": datetime(2026, 2, 5, 9), "kind": "phone", "status": "done"}
    )

    undone = sam.merges.undo(event.id)

    assert undone.undone
    back = sam.beneficiaries.get(second.id)
    assert (back.first_name, back.phone, back.merged_into) == ("Leila", "+961 3 123456", None)
    assert sorted(s.id for s in sam.case_sessions.timeline(second.id)) == sorted(
        v.id for v in visits
    )
    assert {s.id for s in sam.case_sessions.timeline(first.id)} == {own.id, later.id}
    survivor = sam.beneficiaries.get(first.id)
    assert (survivor.first_name, survivor.phone) == ("Layla", "")
    assert len(sam.tasks.for_beneficiary(second.id)) == 2
    with pytest.raises(UserError, match="already been undone"):
        sam.merges.undo(event.id)
    assert sam.merges.undoable(second.id) is None


def test_a_caseworker_may_not_merge_or_undo(twins):
    office, cara, first, second, _visits = twins
    with pytest.raises(PermissionDenied):
        cara.merges.merge(first.id, second.id)
    with pytest.raises(PermissionDenied):
        cara.merges.plan(first.id, second.id)
    event = office.services("sam").merges.merge(first.id, second.id)
    with pytest.raises(PermissionDenied):
        cara.merges.undo(event.id)
    assert cara.beneficiaries.get(first.id)


def test_bad_choices_are_named_and_change_nothing(twins):
    office, _cara, first, second, _visits = twins
    sam = office.services("sam")
    with pytest.raises(ValidationError) as caught:
        sam.merges.merge(first.id, second.id, take=["favourite_colour"])
    assert "favourite_colour" in caught.value.problems
    with pytest.raises(UserError, match="itself"):
        sam.merges.merge(first.id, first.id)
    assert sam.beneficiaries.get(second.id).merged_into is None
    assert len(sam.case_sessions.timeline(second.id)) == 2


def test_a_failure_at_the_last_step_leaves_nothing_half_written(twins):
    """The database refuses the tombstone (after the survivor and the sessions were
    written in the same transaction): nothing of the merge stays."""
    office, _cara, first, second, visits = twins
    sam = office.services("sam")
    login = office.login("sam")
    before = rows(login, "SELECT count(*) FROM outbox") + rows(
        login, "SELECT count(*) FROM audit_events"
    )
    with login.db.write() as uow:
        uow.session.execute(
            text(
                "CREATE TRIGGER refuse_tombstone BEFORE UPDATE OF merged_into ON beneficiaries "
                "BEGIN SELECT RAISE(ABORT, 'disk refused the write'); END"
            )
        )
        uow.commit()
    with pytest.raises(Exception, match="disk refused"):
        sam.merges.merge(first.id, second.id, take=["phone"])
    assert sam.beneficiaries.get(first.id).phone == ""
    assert sam.beneficiaries.get(second.id).merged_into is None
    assert {s.beneficiary_id for s in sam.case_sessions.timeline(second.id)} == {second.id}
    assert len(sam.case_sessions.timeline(second.id)) == len(visits)
    assert rows(login, "SELECT count(*) FROM merges") == [(0,)]
    after = rows(login, "SELECT count(*) FROM outbox") + rows(
        login, "SELECT count(*) FROM audit_events"
    )
    assert after == before


def test_the_merged_records_household_link_moves_and_two_households_are_refused(twins):
    office, cara, first, second, _visits = twins
    mother = cara.beneficiaries.create({"first_name": "Rana", "last_name": "Haddad"})
    cara.households.link(second.id, mother.id, "child", to_relationship="parent")
    sam = office.services("sam")
    assert sam.merges.plan(first.id, second.id).moving["household_link"] == 1

    event = sam.merges.merge(first.id, second.id)
    members = {m.beneficiary_id for m in sam.households.household_of(mother.id).members}
    assert members == {mother.id, first.id}  # the survivor took the duplicate's place

    sam.merges.undo(event.id)
    members = {m.beneficiary_id for m in sam.households.household_of(mother.id).members}
    assert members == {mother.id, second.id}

    cara.households.link(first.id, mother.id, "child")  # both copies in the family now
    with pytest.raises(UserError, match="both members of a household") as refused:
        sam.merges.merge(first.id, second.id)
    assert second.case_number in str(refused.value)
    assert len(sam.households.household_of(mother.id).members) == 3  # nothing changed
