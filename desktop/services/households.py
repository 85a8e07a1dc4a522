"""Households: beneficiaries linked as one family, each with a relationship, one the head.

A household is the live household links sharing one ``household_id`` (no record of its
own, so two laptops never write one household record). Linking a beneficiary to one who
is in no household yet forms a household with the latter as its head. Every change is a
change of links and goes through `record_changes` (version, audit event, outbox row), so
links sync like tasks; unlinking is the link's tombstone (an outbox delete).

The one-head rule: "Make head" sets the new head and clears the old one in one
transaction, and the head is not removed while others remain. Offline, two laptops may
each make a different member head; both changes are of different records, so both sync,
and the household then shows two heads as a conflict (`Household.head_problem`) until a
person makes one member head: nothing is overwritten without a person seeing it. A
clash on one link's own field (both changed one member's relationship) is the sync's
usual field conflict.

Visibility is the beneficiaries': a caseworker sees and changes the links of their own
caseload (both ends of a new link must be theirs); supervisors and admins the office's.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.enums import Entity, OutboxOp, Relationship, SyncStatus
from desktop.domain.households import Household, HouseholdMember
from desktop.domain.records import Actor
from desktop.domain.validation import validate_household_link
from desktop.errors import NotFound, UserError
from desktop.store.changes import Change, Stamp, diff, first_version, record_changes
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, HouseholdLinkRow, new_id, utcnow

from .common import caseload_owner, load_beneficiary, refuse_stale_edit

log = logging.getLogger(__name__)


def relationship_of(value: Any) -> Relationship:
    """A relationship by its stored value, checked by its declaration (a clear error)."""
    return Relationship(validate_household_link({"relationship": value})["relationship"])


class HouseholdService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def household_of(self, beneficiary_id: str) -> Household:
        """The beneficiary's household (members the actor may see, the head first), or an
        empty one when they are in none."""
        with self._db.read() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)  # access check
            return self._household(uow.session, beneficiary_id)

    def _household(self, session: Session, beneficiary_id: str) -> Household:
        link = _link_of(session, beneficiary_id)
        if link is None:
            return Household(None)
        rows = session.execute(
            select(
                HouseholdLinkRow,
                BeneficiaryRow.case_number,
                BeneficiaryRow.first_name,
                BeneficiaryRow.last_name,
                BeneficiaryRow.caseworker_id,
            )
            .join(BeneficiaryRow, BeneficiaryRow.id == HouseholdLinkRow.beneficiary_id)
            .where(
                HouseholdLinkRow.household_id == link.household_id,
                HouseholdLinkRow.deleted_at.is_(None),
                BeneficiaryRow.deleted_at.is_(None),
            )
            .order_by(
                HouseholdLinkRow.is_head.desc(),
                BeneficiaryRow.last_name,
                BeneficiaryRow.first_name,
                HouseholdLinkRow.id,
            )
        ).all()
        owner = caseload_owner(self._actor)
        members = []
        hidden = 0
        for row, case_number, first, last, caseworker_id in rows:
            if owner is not None and caseworker_id != owner:
                hidden += 1
                continue
            members.append(
                HouseholdMember(
                    link_id=row.id,
                    beneficiary_id=row.beneficiary_id,
                    case_number=case_number,
                    first_name=first,
                    last_name=last,
                    relationship=Relationship(row.relationship),
                    is_head=bool(row.is_head),
                    version=row.version,
                )
            )
        return Household(link.household_id, tuple(members), hidden)

    # -- writing -----------------------------------------------------------------------

    def link(
        self,
        beneficiary_id: str,
        to: str,
        relationship: Relationship | str,
        *,
        to_relationship: Relationship | str = Relationship.OTHER,
    ) -> Household:
        """Adds ``beneficiary_id`` to the household of ``to`` with ``relationship``; when
        ``to`` is in no household, one is formed with ``to`` as its head (with
        ``to_relationship``)."""
        chosen = relationship_of(relationship)
        theirs = relationship_of(to_relationship)
        if beneficiary_id == to:
            raise UserError("A beneficiary cannot be linked to themselves.")
        now = utcnow()
        with self._db.write() as uow:
            session = uow.session
            load_beneficiary(session, self._actor, beneficiary_id)
            load_beneficiary(session, self._actor, to)
            target = _link_of(session, to)
            existing = _link_of(session, beneficiary_id)
            if existing is not None:
                if target is not None and existing.household_id == target.household_id:
                    raise UserError("This beneficiary is already a member of that household.")
                raise UserError(
                    "This beneficiary is already in another household; remove them from it first."
                )
            made: list[HouseholdLinkRow] = []
            if target is None:
                household_id = new_id()
                made.append(self._new_link(session, to, household_id, theirs, True, now))
            else:
                household_id = target.household_id
            made.append(self._new_link(session, beneficiary_id, household_id, chosen, False, now))
            for row in made:
                self._record(
                    session,
                    "create",
                    [row],
                    diff(
                        {},
                        {
                            "beneficiary_id": row.beneficiary_id,
                            "household_id": row.household_id,
                            "relationship": row.relationship,
                            "is_head": row.is_head,
                        },
                    ),
                    stamp=Stamp.NEW,
                )
            uow.commit()
        log.info("beneficiary %s linked to household %s", beneficiary_id, household_id)
        return self.household_of(beneficiary_id)

    def unlink(self, beneficiary_id: str) -> None:
        """Removes the beneficiary from their household (the link's tombstone syncs). The
        head stays while other members remain: another is made head first."""
        with self._db.write() as uow:
            session = uow.session
            load_beneficiary(session, self._actor, beneficiary_id)
            row = self._own_link(session, beneficiary_id)
            if row.is_head:
                others = session.execute(
                    select(HouseholdLinkRow.id).where(
                        HouseholdLinkRow.household_id == row.household_id,
                        HouseholdLinkRow.id != row.id,
                        HouseholdLinkRow.deleted_at.is_(None),
                    )
                ).first()
                if others is not None:
                    raise UserError(
                        "This member is the head of the household; make another member "
                        "head before removing them."
                    )
            row.deleted_at = utcnow()
            self._record(session, "delete", [row], {}, op=OutboxOp.DELETE)
            uow.commit()
        log.info("beneficiary %s removed from household %s", beneficiary_id, row.household_id)

    def set_relationship(
        self,
        beneficiary_id: str,
        relationship: Relationship | str,
        *,
        expected_version: int | None = None,
    ) -> Household:
        chosen = relationship_of(relationship)
        with self._db.write() as uow:
            session = uow.session
            load_beneficiary(session, self._actor, beneficiary_id)
            row = self._own_link(session, beneficiary_id)
            refuse_stale_edit(row, expected_version, "household member")
            changed = diff({"relationship": row.relationship}, {"relationship": chosen})
            if changed:
                row.relationship = chosen.value
                self._record(session, "update", [row], changed)
            uow.commit()
        log.info("household link %s relationship changed", row.id)
        return self.household_of(beneficiary_id)

    def make_head(self, beneficiary_id: str) -> Household:
        """The beneficiary becomes the head; whoever was head (one, or two after an
        offline clash) no longer is: the one-head rule, in one transaction."""
        with self._db.write() as uow:
            session = uow.session
            load_beneficiary(session, self._actor, beneficiary_id)
            row = self._own_link(session, beneficiary_id)
            others = (
                session.execute(
                    select(HouseholdLinkRow).where(
                        HouseholdLinkRow.household_id == row.household_id,
                        HouseholdLinkRow.id != row.id,
                        HouseholdLinkRow.is_head.is_(True),
                        HouseholdLinkRow.deleted_at.is_(None),
                    )
                )
                .scalars()
                .all()
            )
            for other in others:
                load_beneficiary(session, self._actor, other.beneficiary_id)  # theirs to change
                other.is_head = False
            if others:
                self._record(session, "update", others, {"is_head": [True, False]})
            if not row.is_head:
                row.is_head = True
                self._record(session, "update", [row], {"is_head": [False, True]})
            uow.commit()
        log.info("household link %s made head", row.id)
        return self.household_of(beneficiary_id)

    # -- helpers -----------------------------------------------------------------------

    def _new_link(
        self,
        session: Session,
        beneficiary_id: str,
        household_id: str,
        relationship: Relationship,
        is_head: bool,
        now: Any,
    ) -> HouseholdLinkRow:
        row = HouseholdLinkRow(
            id=new_id(),
            beneficiary_id=beneficiary_id,
            household_id=household_id,
            relationship=relationship.value,
            is_head=is_head,
            **first_version(self._actor.id, now),
        )
        session.add(row)
        return row

    def _own_link(self, session: Session, beneficiary_id: str) -> HouseholdLinkRow:
        row = _link_of(session, beneficiary_id)
        if row is None:
            raise NotFound("This beneficiary is not in a household.")
        return row

    def _record(
        self,
        session: Session,
        action: str,
        rows: Sequence[HouseholdLinkRow],
        changed: dict,
        *,
        stamp: Stamp = Stamp.CHANGED,
        op: OutboxOp = OutboxOp.UPSERT,
    ) -> None:
        """The change's version, audit event and outbox row (store/changes.py)."""
        record_changes(
            session,
            Entity.HOUSEHOLD_LINK,
            [Change(row.id, changed, row.server_version, row.beneficiary_id) for row in rows],
            action=action,
            actor_id=self._actor.id,
            stamp=stamp,
            status=SyncStatus.PENDING,
            outbox=op,
        )


def _link_of(session: Session, beneficiary_id: str) -> HouseholdLinkRow | None:
    """The beneficiary's live link; the oldest, should two laptops have put them in two
    households offline (the other stays listed in its own household)."""
    return (
        session.execute(
            select(HouseholdLinkRow)
            .where(
                HouseholdLinkRow.beneficiary_id == beneficiary_id,
                HouseholdLinkRow.deleted_at.is_(None),
            )
            .order_by(HouseholdLinkRow.created_at, HouseholdLinkRow.id)
            .limit(1)
        )
        .scalars()
        .first()
    )
