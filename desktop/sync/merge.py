"""The three-way merge of one record's fields: a pure function, no database, no I/O.

``base`` is the copy both sides last agreed on, ``local`` this laptop's, ``remote`` the
server's. A field changed on one side only takes that side's value; the same change on
both sides is no conflict; two different changes of one field are a conflict that keeps
both values (and the base) for a supervisor to decide. Without a base nothing is known
to be unchanged, so every difference is a conflict.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Clash:
    """One field changed differently on both sides."""

    field: str
    base: Any
    local: Any
    remote: Any


@dataclass(frozen=True)
class Merged:
    # Where a field clashes, ``values`` holds the local value: it stays what the user
    # sees here until the conflict is decided.
    values: dict[str, Any]
    conflicts: tuple[Clash, ...]


def merge(
    base: Mapping[str, Any] | None,
    local: Mapping[str, Any],
    remote: Mapping[str, Any],
    *,
    fields: Iterable[str] | None = None,
    unknown_if_none: Collection[str] = (),
) -> Merged:
    """Merges ``fields`` (default: every key of the three, in order of first appearance).

    A field in ``unknown_if_none`` whose local value is None is not known here (an owner
    without a server account): there is nothing to compare, the remote value stands.
    """
    names = list(fields) if fields is not None else _names(base, local, remote)
    values: dict[str, Any] = {}
    clashes: list[Clash] = []
    for name in names:
        mine, theirs = local.get(name), remote.get(name)
        if name in unknown_if_none and mine is None:
            mine = theirs
        was = None if base is None else base.get(name)
        if mine == theirs or (base is not None and mine == was):
            values[name] = theirs
        elif base is not None and theirs == was:
            values[name] = mine
        else:
            values[name] = mine
            clashes.append(Clash(name, was, local.get(name), remote.get(name)))
    return Merged(values, tuple(clashes))


def same(
    left: Mapping[str, Any], right: Mapping[str, Any], *, unknown_if_none: Collection[str] = ()
) -> bool:
    """Equal on every field; a field of ``unknown_if_none`` that is None on either side
    compares equal (an owner one side cannot name)."""
    for name in left.keys() | right.keys():
        a, b = left.get(name), right.get(name)
        if name in unknown_if_none and (a is None or b is None):
            continue
        if a != b:
            return False
    return True


def _names(*sides: Mapping[str, Any] | None) -> list[str]:
    seen: dict[str, None] = {}
    for side in sides:
        for name in side or {}:
            seen.setdefault(name, None)
    return list(seen)
