"""Transfers of a case between caseworkers: proposed, then accepted, declined or cancelled.

A caseworker proposes one of their own cases (a supervisor any case) to another
caseworker, with a note. The receiver decides on their own laptop after a sync: the
transfer carries the case number and name (the server fills them in), since that laptop
does not hold the case before accepting. Only the receiver or a supervisor accepts or
declines; the proposing side (the case's caseworker, or a supervisor) may cancel while
it is pending. Every step is the transfer's own change (version, audit event, outbox)
through `record_changes`, with the actions in `ACTIONS`.

Accepting changes only the transfer here: the server applies it through its reassign
path (server/transfers.py), so the new owner's laptop receives the case and its
sessions and tasks, and the previous owner's laptop pushes its unsent edits and then
removes the case (desktop/sync/deletes.py), as for any reassignment.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased

from desktop.auth.permissions import Permission, can
from desktop.domain import schema
from desktop.domain.enums import Entity, OutboxOp, SyncStatus, TransferState
from desktop.domain.problems import Problem
from desktop.domain.records import Actor
from desktop.domain.transfers import TransferView
from desktop.domain.validation import clean_declared
from desktop.errors import NotFound, PermissionDenied, UserError, ValidationError
from desktop.store.changes import Change, Stamp, diff, first_version, record_changes
from desktop.store.db import Database
from desktop.store.erasure import PENDING_KEY
from desktop.store.journal import set_state
from desktop.store.tables import BeneficiaryRow, TransferRow, UserRow, new_id, utcnow

from .common import load_beneficiary, refuse_stale_edit

log = logging.getLogger(__name__)

# The audit action of each step (one per state a transfer can be put in).
ACTIONS = {
    TransferState.PROPOSED: "transfer_proposed",
    TransferState.ACCEPTED: "transfer_accepted",
    TransferState.DECLINED: "transfer_declined",
    TransferState.CANCELLED: "transfer_cancelled",
}
# What a transfer carries for its receiver to decide on, until it is decided.
SUMMARY_FIELDS = ("case_number", "beneficiary_name")
_NOTE = schema.BY_NAME[Entity.TRANSFER]["note"]
_DECISION_NOTE = schema.BY_NAME[Entity.TRANSFER]["decision_note"]

_FROM = aliased(UserRow)
_TO = aliased(UserRow)


class TransferService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def _select(self) -> Any:
        # The case itself where this user may open it here; else what the transfer carries.
        case = [
            BeneficiaryRow.id == TransferRow.beneficiary_id,
            BeneficiaryRow.deleted_at.is_(None),
        ]
        if not can(self._actor, Permission.VIEW_ALL_RECORDS):
            case.append(BeneficiaryRow.caseworker_id == self._actor.id)
        statement = (
            select(
                TransferRow,
                _FROM.display_name,
                _TO.display_name,
                BeneficiaryRow.case_number,
                BeneficiaryRow.first_name,
                BeneficiaryRow.last_name,
            )
            .join(_FROM, _FROM.id == TransferRow.caseworker_id)
            .join(_TO, _TO.id == TransferRow.to_caseworker_id)
            .outerjoin(BeneficiaryRow, and_(*case))
            .where(TransferRow.deleted_at.is_(None))
        )
        if not can(self._actor, Permission.VIEW_ALL_RECORDS):
            # Both sides see it: who hands the case on, and who is asked to take it.
            statement = statement.where(
                or_(
                    TransferRow.caseworker_id == self._actor.id,
                    TransferRow.to_caseworker_id == self._actor.id,
                )
            )
        return statement

    def pending(self) -> list[TransferView]:
        """The pending transfers this user may see, oldest first (for the receiver: the
        ones to decide; for the proposer: the ones waiting; supervisors: the office's)."""
        statement = (
            self._select()
            .where(TransferRow.state == TransferState.PROPOSED.value)
            .order_by(TransferRow.created_at, TransferRow.id)
        )
        with self._db.read() as uow:
            return [_view(*row) for row in uow.session.execute(statement)]

    def pending_for(self, beneficiary_id: str) -> TransferView | None:
        """The case's pending transfer, if any (what the detail shows)."""
        statement = self._select().where(
            TransferRow.beneficiary_id == beneficiary_id,
            TransferRow.state == TransferState.PROPOSED.value,
        )
        with self._db.read() as uow:
            found = uow.session.execute(statement).first()
            return None if found is None else _view(*found)

    def get(self, transfer_id: str) -> TransferView:
        with self._db.read() as uow:
            found = uow.session.execute(self._select().where(TransferRow.id == transfer_id)).first()
            if found is None:
                raise NotFound("That transfer does not exist or is not yours to see.")
            return _view(*found)

    def receivers(self, beneficiary_id: str) -> list[tuple[str, str]]:
        """(user id, name) of whom the case may be proposed to: this laptop's users and
        the server's accounts it knows (linked), other than the case's caseworker."""
        with self._db.read() as uow:
            owner = load_beneficiary(uow.session, self._actor, beneficiary_id).caseworker_id
            rows = uow.session.execute(
                select(UserRow.id, UserRow.display_name)
                .where(
                    UserRow.id != owner,
                    or_(UserRow.active.is_(True), UserRow.server_user_id.is_not(None)),
                )
                .order_by(UserRow.display_name, UserRow.id)
            ).all()
            return [(uid, name) for uid, name in rows]

    # -- writing -----------------------------------------------------------------------

    def propose(self, beneficiary_id: str, to_caseworker_id: str, note: str) -> TransferView:
        """Proposes the case to another caseworker: one's own case, or (supervisors) any."""
        cleaned = clean_declared((_NOTE,), {"note": note})["note"] or ""
        if not cleaned.strip():
            raise ValidationError({"note": Problem("required", "note")})
        now = utcnow()
        with self._db.write() as uow:
            session = uow.session
            person = load_beneficiary(session, self._actor, beneficiary_id)  # own case
            receiver = session.get(UserRow, to_caseworker_id)
            if receiver is None:
                raise ValidationError({"to_caseworker_id": Problem("required", "to_caseworker_id")})
            if receiver.id == person.caseworker_id:
                raise UserError("The case is already this caseworker's.")
            if self._pending_row(session, beneficiary_id) is not None:
                raise UserError("This case already has a pending transfer; decide that one first.")
            row = TransferRow(
                id=new_id(),
                beneficiary_id=beneficiary_id,
                caseworker_id=person.caseworker_id,
                to_caseworker_id=receiver.id,
                case_number=person.case_number,
                beneficiary_name=f"{person.first_name} {person.last_name}",
                note=cleaned,
                state=TransferState.PROPOSED.value,
                decision_note="",
                **first_version(self._actor.id, now),
            )
            session.add(row)
            changed = diff(
                {},
                {
                    "beneficiary_id": beneficiary_id,
                    "caseworker_id": person.caseworker_id,
                    "to_caseworker_id": receiver.id,
                    "state": TransferState.PROPOSED,
                },
            )
            self._record(session, TransferState.PROPOSED, row, changed, stamp=Stamp.NEW)
            uow.commit()
            transfer_id = row.id
        log.info("transfer %s proposed for beneficiary %s", transfer_id, beneficiary_id)
        return self.get(transfer_id)

    def accept(
        self, transfer_id: str, note: str = "", *, expected_version: int | None = None
    ) -> TransferView:
        """The receiver (or a supervisor) takes the case; it moves at the next sync."""
        return self._decide(transfer_id, TransferState.ACCEPTED, note, expected_version)

    def decline(
        self, transfer_id: str, note: str, *, expected_version: int | None = None
    ) -> TransferView:
        """The receiver (or a supervisor) says no, and why."""
        return self._decide(transfer_id, TransferState.DECLINED, note, expected_version)

    def cancel(
        self, transfer_id: str, note: str = "", *, expected_version: int | None = None
    ) -> TransferView:
        """The proposing side (the case's caseworker, or a supervisor) takes it back."""
        return self._decide(transfer_id, TransferState.CANCELLED, note, expected_version)

    def _decide(
        self, transfer_id: str, state: TransferState, note: str, expected_version: int | None
    ) -> TransferView:
        cleaned = clean_declared((_DECISION_NOTE,), {"decision_note": note})["decision_note"]
        cleaned = cleaned or ""
        if state is TransferState.DECLINED and not cleaned.strip():
            raise ValidationError({"decision_note": Problem("required", "decision_note")})
        with self._db.write() as uow:
            session = uow.session
            row = session.execute(
                select(TransferRow).where(
                    TransferRow.id == transfer_id, TransferRow.deleted_at.is_(None)
                )
            ).scalar_one_or_none()
            if row is None:
                raise NotFound("That transfer does not exist.")
            may = may_decide(self._actor, row.caseworker_id, row.to_caseworker_id, state)
            if not may:
                raise PermissionDenied(_REFUSAL[state])
            refuse_stale_edit(row, expected_version, "transfer")
            if row.state != TransferState.PROPOSED.value:
                raise UserError("This transfer has already been decided.")
            changed = diff(
                {"state": row.state, "decision_note": row.decision_note},
                {"state": state, "decision_note": cleaned},
            )
            row.state = state.value
            row.decision_note = cleaned
            # Decided, it no longer carries the case's number and name (the server clears
            # them too): the receiver's laptop keeps no name of a case it did not take.
            # Left out of the audit event, which would keep the name otherwise.
            for name in SUMMARY_FIELDS:
                setattr(row, name, "")
            set_state(session, PENDING_KEY, "1")  # the sync drops the name's old bytes
            self._record(session, state, row, changed)
            uow.commit()
        log.info("transfer %s %s", transfer_id, state.value)
        return self.get(transfer_id)

    def case_id(self, case_number: str) -> str:
        """The beneficiary id of a case number: a case of this user's here, else one a
        pending transfer this user may see is about (the receiver's, held here or not)."""
        wanted = (case_number or "").strip()
        with self._db.read() as uow:
            session = uow.session
            held = session.execute(
                select(BeneficiaryRow.id, BeneficiaryRow.caseworker_id).where(
                    BeneficiaryRow.case_number == wanted, BeneficiaryRow.deleted_at.is_(None)
                )
            ).first()
            if held is not None and may_work_on(self._actor, held.caseworker_id):
                return held.id
            about = TransferRow.case_number == wanted
            if held is not None:
                about = or_(about, TransferRow.beneficiary_id == held.id)
            carried = session.execute(
                self._select()
                .where(about, TransferRow.state == TransferState.PROPOSED.value)
                .limit(1)
            ).first()
            if carried is not None:
                return carried[0].beneficiary_id
            if held is not None:
                load_beneficiary(session, self._actor, held.id)  # says why not
        raise NotFound(f"No case {wanted!r} here, nor a pending transfer of it.")

    def find_pending(self, beneficiary_id: str) -> TransferView:
        """The case's pending transfer, or a clear error (the command line's lookup)."""
        found = self.pending_for(beneficiary_id)
        if found is None:
            raise NotFound("This case has no pending transfer you may see.")
        return found

    def receiver_named(self, beneficiary_id: str, name: str) -> str:
        """The user id of a receiver named by username or display name (the command line)."""
        wanted = (name or "").strip().casefold()
        with self._db.read() as uow:
            rows = uow.session.execute(select(UserRow.id, UserRow.username)).all()
        by_username = {username.casefold(): uid for uid, username in rows}
        for uid, display in self.receivers(beneficiary_id):
            if wanted in (display.casefold(),) or by_username.get(wanted) == uid:
                return uid
        raise NotFound(f"No caseworker named {name!r} to transfer this case to.")

    @staticmethod
    def _pending_row(session: Any, beneficiary_id: str) -> TransferRow | None:
        return session.execute(
            select(TransferRow).where(
                TransferRow.beneficiary_id == beneficiary_id,
                TransferRow.state == TransferState.PROPOSED.value,
                TransferRow.deleted_at.is_(None),
            )
        ).scalar_one_or_none()

    def _record(
        self,
        session: Any,
        state: TransferState,
        row: TransferRow,
        changed: dict,
        *,
        stamp: Stamp = Stamp.CHANGED,
    ) -> None:
        record_changes(
            session,
            Entity.TRANSFER,
            [Change(row.id, changed, row.server_version, row.beneficiary_id)],
            action=ACTIONS[state],
            actor_id=self._actor.id,
            stamp=stamp,
            status=SyncStatus.PENDING,
            outbox=OutboxOp.UPSERT,
        )


_REFUSAL = {
    TransferState.ACCEPTED: "Only the caseworker it is proposed to, or a supervisor, may accept.",
    TransferState.DECLINED: "Only the caseworker it is proposed to, or a supervisor, may decline.",
    TransferState.CANCELLED: "Only the case's caseworker, or a supervisor, may cancel it.",
}


def may_work_on(actor: Actor, caseworker_id: str) -> bool:
    return caseworker_id == actor.id or can(actor, Permission.VIEW_ALL_RECORDS)


def may_decide(actor: Actor, from_id: str, to_id: str, state: TransferState) -> bool:
    """Who may put a pending transfer in ``state`` (the server checks the same by account)."""
    if can(actor, Permission.VIEW_ALL_RECORDS):
        return True
    if state is TransferState.CANCELLED:
        return actor.id == from_id
    return actor.id == to_id


def _view(
    row: TransferRow,
    from_name: str,
    to_name: str,
    case_number: str | None,
    first: str | None,
    last: str | None,
) -> TransferView:
    here = case_number is not None
    return TransferView(
        id=row.id,
        beneficiary_id=row.beneficiary_id,
        case_number=case_number if here else row.case_number,
        beneficiary_name=f"{first} {last}" if here else row.beneficiary_name,
        from_id=row.caseworker_id,
        from_name=from_name,
        to_id=row.to_caseworker_id,
        to_name=to_name,
        note=row.note,
        state=TransferState(row.state),
        decision_note=row.decision_note,
        proposed_at=row.created_at,
        version=row.version,
        case_here=here,
    )
