"""Households as the services hand them out: members, their relationships and the head.

A household has no record of its own: it is the live household links that share one
``household_id`` (desktop/domain/schema.py HOUSEHOLD_LINK). The one-head rule is kept by
every local change ("Make head" moves it in one transaction); two laptops that each made
a different member head while offline both sync, and the household then has two heads.
That is not overwritten silently: `Household.head_problem` names it and the detail view,
the CLI and the printed summary show it until a person makes one member the head.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .enums import Relationship


class HeadProblem(StrEnum):
    """Why a household does not have exactly one head."""

    NONE = "none"  # no live member is the head (its head was removed elsewhere)
    SEVERAL = "several"  # two laptops each made a different member head


@dataclass(frozen=True)
class HouseholdMember:
    """One member as the detail, the CLI and the printout list them."""

    link_id: str
    beneficiary_id: str
    case_number: str
    first_name: str
    last_name: str
    relationship: Relationship
    is_head: bool
    version: int

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Household:
    """A beneficiary's household: the members the reader may see, the head first.

    ``hidden``: how many members belong to caseloads the reader may not see (counted,
    never named). An empty household (``household_id`` None): not in one.
    """

    household_id: str | None
    members: tuple[HouseholdMember, ...] = ()
    hidden: int = 0

    @property
    def heads(self) -> tuple[HouseholdMember, ...]:
        return tuple(m for m in self.members if m.is_head)

    @property
    def head(self) -> HouseholdMember | None:
        heads = self.heads
        return heads[0] if len(heads) == 1 else None

    @property
    def head_problem(self) -> HeadProblem | None:
        if self.household_id is None or self.hidden:
            return None  # a head in another caseload is not seen from here
        count = len(self.heads)
        if count == 1:
            return None
        return HeadProblem.NONE if count == 0 else HeadProblem.SEVERAL

    def member(self, beneficiary_id: str) -> HouseholdMember | None:
        return next((m for m in self.members if m.beneficiary_id == beneficiary_id), None)
