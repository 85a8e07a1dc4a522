"""The three-way merge as a pure function: properties that hold for any record."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.sync import wire
from desktop.sync.merge import Clash, merge, same

FIELDS = ("first_name", "last_name", "phone", "born_on", "caseworker_id")
# Values of the kinds a canonical record holds: text, dates as text, numbers, flags, None.
values = st.one_of(
    st.none(), st.text(max_size=8), st.integers(-5, 5), st.booleans(), st.sampled_from(["", "x"])
)
records = st.fixed_dictionaries({name: values for name in FIELDS})
field_names = st.sampled_from(FIELDS)

fast = settings(max_examples=200, deadline=None)


@fast
@given(base=records, name=field_names, edit=values, local_side=st.booleans())
def test_a_value_edited_on_one_side_only_survives(base, name, edit, local_side):
    edited = {**base, name: edit}
    local, remote = (edited, base) if local_side else (base, edited)
    result = merge(base, local, remote, fields=FIELDS)
    assert result.values[name] == edit
    assert result.conflicts == ()
    assert result.values == edited


@fast
@given(base=records, name=field_names, mine=values, theirs=values)
def test_two_different_edits_of_one_field_are_a_conflict_holding_both(base, name, mine, theirs):
    if mine == base[name] or theirs == base[name] or mine == theirs:
        mine, theirs = ("mine", base[name]), ("theirs", base[name])  # surely distinct edits
    local, remote = {**base, name: mine}, {**base, name: theirs}
    result = merge(base, local, remote, fields=FIELDS)
    assert result.conflicts == (Clash(name, base[name], mine, theirs),)
    # Until a supervisor decides, the record keeps what the user sees here.
    assert result.values[name] == mine
    assert {k: v for k, v in result.values.items() if k != name} == {
        k: v for k, v in base.items() if k != name
    }


@fast
@given(base=records, name=field_names, edit=values)
def test_the_same_edit_on_both_sides_is_not_a_conflict(base, name, edit):
    edited = {**base, name: edit}
    result = merge(base, dict(edited), dict(edited), fields=FIELDS)
    assert result.conflicts == ()
    assert result.values == edited


@fast
@given(base=st.one_of(st.none(), records), local=records, remote=records)
def test_merging_is_deterministic_whatever_the_key_order(base, local, remote):
    first = merge(base, local, remote)
    reordered = (
        None if base is None else dict(reversed(list(base.items()))),
        dict(reversed(list(local.items()))),
        dict(reversed(list(remote.items()))),
    )
    again = merge(*reordered, fields=list(first.values))
    assert first == merge(base, local, remote)
    assert again == first
    assert [c.field for c in merge(base, local, remote, fields=FIELDS).conflicts] == [
        name for name in FIELDS if name in {c.field for c in first.conflicts}
    ]


@fast
@given(base=records)
def test_merging_with_nothing_changed_returns_the_base(base):
    result = merge(base, dict(base), dict(base), fields=FIELDS)
    assert result.values == base
    assert result.conflicts == ()


@fast
@given(local=records, remote=records)
def test_without_a_base_every_difference_is_a_conflict(local, remote):
    result = merge(None, local, remote, fields=FIELDS)
    assert {c.field for c in result.conflicts} == {n for n in FIELDS if local[n] != remote[n]}
    assert all(c.base is None for c in result.conflicts)


@fast
@given(base=records, remote=records)
def test_an_owner_unknown_here_takes_the_servers(base, remote):
    local = {**base, "caseworker_id": None}
    result = merge(base, local, remote, fields=FIELDS, unknown_if_none=wire.USER_FIELDS)
    assert result.values["caseworker_id"] == remote["caseworker_id"]
    assert "caseworker_id" not in {c.field for c in result.conflicts}


def test_same_ignores_an_owner_one_side_cannot_name():
    assert same(
        {"caseworker_id": None, "a": 1},
        {"caseworker_id": "u1", "a": 1},
        unknown_if_none={"caseworker_id"},
    )
    assert not same(
        {"caseworker_id": "u2"}, {"caseworker_id": "u1"}, unknown_if_none={"caseworker_id"}
    )
    assert not same({"a": 1}, {"a": 2})


def test_custom_values_are_fields_of_their_own_on_the_wire_and_in_a_merge():
    """Each custom value is one canonical field, ``custom.<key>``: merged field by field,
    and a clash on one holds both values (desktop/sync/wire.py)."""
    from desktop.domain.enums import Entity
    from desktop.sync import wire
    from desktop.sync.merge import merge

    entity = Entity.BENEFICIARY.value
    stored = {"first_name": "Amal", "custom": {"risk": "low", "siblings": 2, "notes": ""}}
    base = wire.canonical(entity, stored)
    assert (base["custom.risk"], base["custom.siblings"]) == ("low", 2)
    assert "custom.notes" not in base  # an empty value is no value
    sent = wire.to_wire(entity, base)
    assert sent["custom"] == {"risk": "low", "siblings": 2}
    assert not any(wire.is_custom(name) for name in sent)
    assert wire.from_wire(entity, sent) == base
    with pytest.raises(wire.ProtocolError):
        wire.from_wire(entity, {**sent, "custom": ["risk"]})

    local = {**base, "custom.risk": "high", "custom.services": ["health"]}
    remote = {**base, "custom.siblings": 3}
    both = merge(base, local, remote, fields=wire.merge_fields(entity, base, local, remote))
    assert not both.conflicts
    assert wire.custom_values(both.values) == {
        "risk": "high",
        "siblings": 3,
        "services": ["health"],
    }
    clash = merge(
        base,
        local,
        {**base, "custom.risk": "medium"},
        fields=wire.merge_fields(entity, base, local),
    )
    (only,) = clash.conflicts
    assert (only.field, only.base, only.local, only.remote) == (
        "custom.risk",
        "low",
        "high",
        "medium",
    )
