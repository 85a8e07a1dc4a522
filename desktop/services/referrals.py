"""Referrals to another organisation on the same server (issue 14 point 5).

Sending is offline: a referral is a record of this laptop (beneficiary, receiving
organisation, note, the person's consent: who recorded it and when), written through
`record_changes` (version, audit, outbox) and pushed at the next sync. It is refused
here without consent, and again by the server. What leaves is decided by the server,
from the organisation's form definition (only fields marked shareable, docs/forms.md);
``shared_preview`` shows the caseworker the same list from this laptop's copy of the
definition before they send. The receiver's answer (accepted, declined with a note)
comes back through the change feed.

The receiving side is online (the referral is not a record of the receiving
organisation's laptops): its supervisors and admins list incoming referrals, accept one
(the server makes a beneficiary of theirs from the shared values, which arrives here at
the next sync) or decline it with a reason. Each decision is audited here too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desktop.auth.permissions import Permission, require
from desktop.domain import forms, schema
from desktop.domain.enums import Entity, OutboxOp, ReferralState, SyncStatus
from desktop.domain.problems import Problem
from desktop.domain.records import Actor
from desktop.domain.validation import validate_referral
from desktop.errors import NotFound, UserError, ValidationError
from desktop.services.forms import current_forms
from desktop.store.changes import Change, Stamp, diff, first_version, record_audit, record_changes
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, ReferralRow, new_id, utcnow

from .common import load_beneficiary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SharedItem:
    """One value a referral sends: a built-in field (``label`` English, translated by the
    UI under ``field``) or a custom one (``label`` the definition's own, ``custom``)."""

    name: str
    label: str
    value: Any
    custom: bool = False

    @property
    def shown(self) -> str:
        if isinstance(self.value, bool):
            return "yes" if self.value else "no"
        if isinstance(self.value, list):
            return ", ".join(str(v) for v in self.value)
        if isinstance(self.value, date | datetime):
            return self.value.isoformat()
        return str(self.value)


@dataclass(frozen=True)
class ReferralView:
    id: str
    beneficiary_id: str
    case_number: str
    beneficiary_name: str
    to_organisation: str
    note: str
    consent_at: datetime | None
    state: ReferralState
    decision_note: str
    decided_at: datetime | None
    sync_status: str


@dataclass(frozen=True)
class IncomingReferral:
    """A referral sent to this organisation, as the server tells it (nothing more)."""

    id: str
    from_organisation: str
    note: str
    state: str
    created_at: str
    decision_note: str
    shared: tuple[SharedItem, ...]


class ReferralService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- the sender ----------------------------------------------------------------------

    def shared_preview(self, beneficiary_id: str) -> list[SharedItem]:
        """What a referral of this beneficiary sends, as this laptop's definition says."""
        with self._db.read() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            return shared_items(current_forms(self._db, uow.session), row)

    def send(
        self, beneficiary_id: str, to_organisation: str, note: str, *, consent: bool
    ) -> ReferralView:
        """A new referral, proposed, with the consent recorded now by the actor."""
        if consent is not True:
            # "Consent is required." (the field's label): the referral needs it first.
            raise ValidationError({"consent_given": Problem("required", "consent_given")})
        cleaned = validate_referral(
            {"to_organisation": to_organisation, "note": note, "consent_given": True}
        )
        if not cleaned.get("to_organisation"):
            raise ValidationError({"to_organisation": Problem("required", "to_organisation")})
        now = utcnow()
        with self._db.write() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)
            values = {
                **cleaned,
                "beneficiary_id": beneficiary_id,
                "caseworker_id": self._actor.id,
                "consent_at": now.replace(microsecond=0),
                "consent_by": self._actor.id,
                "state": ReferralState.PROPOSED.value,
                "decision_note": "",
                "decided_at": None,
            }
            row = ReferralRow(id=new_id(), **first_version(self._actor.id, now), **values)
            uow.session.add(row)
            self._record(uow.session, "create", row, diff({}, values), stamp=Stamp.NEW)
            uow.commit()
            referral_id = row.id
        log.info("referral %s made for beneficiary %s", referral_id, beneficiary_id)
        return self.get(referral_id)

    def withdraw(self, referral_id: str) -> ReferralView:
        with self._db.write() as uow:
            row = self._load(uow.session, referral_id)
            if row.state != ReferralState.PROPOSED.value:
                raise UserError("Only a referral waiting for an answer can be withdrawn.")
            changed = diff({"state": row.state}, {"state": ReferralState.WITHDRAWN.value})
            row.state = ReferralState.WITHDRAWN.value
            self._record(uow.session, "update", row, changed)
            uow.commit()
        log.info("referral %s withdrawn", referral_id)
        return self.get(referral_id)

    def for_beneficiary(self, beneficiary_id: str) -> list[ReferralView]:
        with self._db.read() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)
        return self._views(ReferralRow.beneficiary_id == beneficiary_id)

    def sent(self) -> list[ReferralView]:
        """Every referral the actor may see (their caseload's, or the office's)."""
        return self._views()

    def get(self, referral_id: str) -> ReferralView:
        found = self._views(ReferralRow.id == referral_id)
        if not found:
            raise NotFound("That referral does not exist or is not in your caseload.")
        return found[0]

    def _views(self, *conditions: Any) -> list[ReferralView]:
        from desktop.auth.permissions import can

        statement = (
            select(
                ReferralRow,
                BeneficiaryRow.case_number,
                BeneficiaryRow.first_name,
                BeneficiaryRow.last_name,
            )
            .join(BeneficiaryRow, BeneficiaryRow.id == ReferralRow.beneficiary_id)
            .where(ReferralRow.deleted_at.is_(None), *conditions)
            .order_by(ReferralRow.created_at.desc(), ReferralRow.id)
        )
        if not can(self._actor, Permission.VIEW_ALL_RECORDS):
            statement = statement.where(BeneficiaryRow.caseworker_id == self._actor.id)
        with self._db.read() as uow:
            return [
                ReferralView(
                    id=row.id,
                    beneficiary_id=row.beneficiary_id,
                    case_number=number,
                    beneficiary_name=f"{first} {last}",
                    to_organisation=row.to_organisation,
                    note=row.note,
                    consent_at=row.consent_at,
                    state=ReferralState(row.state),
                    decision_note=row.decision_note,
                    decided_at=row.decided_at,
                    sync_status=row.sync_status,
                )
                for row, number, first, last in uow.session.execute(statement)
            ]

    def _load(self, session: Any, referral_id: str) -> ReferralRow:
        row = session.get(ReferralRow, referral_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("That referral does not exist.")
        load_beneficiary(session, self._actor, row.beneficiary_id)  # access check
        return row

    def _record(
        self, session: Any, action: str, row: ReferralRow, changed: dict, **options: Any
    ) -> None:
        record_changes(
            session,
            Entity.REFERRAL,
            [Change(row.id, changed, row.server_version, row.beneficiary_id)],
            action=action,
            actor_id=self._actor.id,
            status=SyncStatus.PENDING,
            outbox=OutboxOp.UPSERT,
            **options,
        )

    # -- the receiver (online) -----------------------------------------------------------

    def organisations(self, account: Any) -> list[str]:
        """The other organisations on the server (network: off the GUI thread)."""
        with account.client() as client:
            return list(client.request("GET", "/api/organisations")["organisations"])

    def incoming(self, account: Any, *, state: str | None = None) -> list[IncomingReferral]:
        require(self._actor, Permission.REASSIGN_RECORDS)
        params = {"state": state} if state else None
        with account.client() as client:
            data = client.request("GET", "/api/referrals/incoming", params=params)
        return [_incoming(item) for item in data["referrals"]]

    def accept(
        self, account: Any, referral_id: str, *, note: str = "", caseworker_id: str | None = None
    ) -> str:
        """Accepts; the server makes the beneficiary (it arrives with the next sync).
        Returns the new beneficiary's case number. ``caseworker_id``: a server user id."""
        require(self._actor, Permission.REASSIGN_RECORDS)
        body = {"note": note, "caseworker_id": caseworker_id}
        with account.client() as client:
            data = client.request("POST", f"/api/referrals/{referral_id}/accept", json=body)
        self._audit("referral_accept", referral_id, {"state": ["proposed", "accepted"]})
        log.info("incoming referral %s accepted", referral_id)
        return data["beneficiary"]["case_number"]

    def decline(self, account: Any, referral_id: str, reason: str) -> None:
        require(self._actor, Permission.REASSIGN_RECORDS)
        if not reason.strip():
            raise ValidationError({"decision_note": Problem("required", "decision_note")})
        with account.client() as client:
            client.request(
                "POST", f"/api/referrals/{referral_id}/decline", json={"reason": reason.strip()}
            )
        self._audit("referral_decline", referral_id, {"state": ["proposed", "declined"]})
        log.info("incoming referral %s declined", referral_id)

    def _audit(self, action: str, referral_id: str, changes: dict) -> None:
        with self._db.write() as uow:
            record_audit(
                uow.session,
                user_id=self._actor.id,
                action=action,
                entity=Entity.REFERRAL.value,
                entity_id=referral_id,
                changes=changes,
            )
            uow.commit()


def shared_items(definitions: forms.FormSet, row: BeneficiaryRow) -> list[SharedItem]:
    """The shareable values of a beneficiary row under ``definitions`` (empty left out)."""
    definition = definitions.beneficiary
    items = [
        SharedItem(name, schema.label(name, Entity.BENEFICIARY), getattr(row, name))
        for name in definition.shareable_builtins
        if getattr(row, name) not in (None, "")
    ]
    stored = forms.read_stored(row.custom)
    language = definitions.default_language
    for item in definition.where(shareable=True):
        value = stored.get(item.key)
        if value not in (None, "", []):
            items.append(
                SharedItem(f"custom.{item.key}", item.label(language, language), value, True)
            )
    return items


def _incoming(item: dict[str, Any]) -> IncomingReferral:
    shared = []
    for value in item.get("shared", []):
        name = value["name"]
        labels = value.get("label") or {}
        custom = name.startswith("custom.")
        label = next(iter(labels.values()), name) if custom else schema.label(name)
        shared.append(SharedItem(name, label, value["value"], custom))
    return IncomingReferral(
        id=item["id"],
        from_organisation=item["from_organisation"],
        note=item.get("note", ""),
        state=item["state"],
        created_at=item.get("created_at") or "",
        decision_note=item.get("decision_note", ""),
        shared=tuple(shared),
    )
