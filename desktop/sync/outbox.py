"""The outbox's state machine: the states a row is in, the moves between them, held rows.

A row is ``pending`` until a push marks it ``uploading`` (with the payload it carries);
the server's answer removes it (applied), or moves it to ``error`` (refused),
``conflict`` (a field changed on both sides) or back to ``pending`` (merged, changed
during the upload, or not sent after all). ``error`` goes back to ``pending`` when the
user edits the record, ``conflict`` when a supervisor decides. Leaving the outbox (the
row is deleted) is not a state: it is the end of every path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, exists, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from desktop.domain.enums import Entity, OutboxOp, OutboxState, SyncStatus
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    HouseholdLinkRow,
    OutboxRow,
    ReferralRow,
    TaskRow,
    TransferRow,
    new_id,
    utcnow,
)
from desktop.sync.records import chunks, set_record_status

__all__ = [
    "MOVES",
    "Held",
    "OutboxState",
    "OutboxStateError",
    "Upload",
    "cascade_held",
    "held_back",
    "move",
    "move_all",
    "recover",
    "requeue",
    "settle_cascade",
    "sources",
]

# Every move an outbox row may make; to ``pending`` from anywhere (a retry, a merge, a
# decision, a crash recovered), the others only as an upload's outcome.
MOVES: dict[OutboxState, frozenset[OutboxState]] = {
    OutboxState.PENDING: frozenset({OutboxState.PENDING, OutboxState.UPLOADING}),
    OutboxState.UPLOADING: frozenset(
        {OutboxState.PENDING, OutboxState.ERROR, OutboxState.CONFLICT}
    ),
    OutboxState.ERROR: frozenset({OutboxState.PENDING}),
    OutboxState.CONFLICT: frozenset({OutboxState.PENDING}),
}


class OutboxStateError(RuntimeError):
    """A move the outbox never makes: a bug, not bad input."""


def sources(target: OutboxState) -> list[str]:
    """The states a row may be in to move to ``target`` (for bulk ``WHERE`` clauses)."""
    return [state.value for state, targets in MOVES.items() if target in targets]


def move(row: OutboxRow, target: OutboxState) -> None:
    """Moves one ORM row, refusing a move that is not in `MOVES`."""
    current = OutboxState(row.state)
    if target not in MOVES[current]:
        raise OutboxStateError(f"outbox row {row.id}: {current} → {target} is not a move")
    row.state = target.value


def move_all(
    session: Session, target: OutboxState, params: list[dict[str, Any]], **values: Any
) -> None:
    """The bulk form of `move`: one statement for the rows named by ``oid`` in ``params``.

    ``values`` may bind per-row parameters; a row in a state that may not move to
    ``target`` is left as it is.
    """
    if not params:
        return
    table = OutboxRow.__table__
    session.execute(
        update(table)
        # Equalities, not IN: an expanding IN cannot go into an executemany.
        .where(table.c.id == bindparam("oid"), or_(*(table.c.state == s for s in sources(target))))
        .values(state=target.value, **values),
        params,
    )


def mark_uploading(session: Session, marks: list[tuple[int, str]]) -> None:
    """Rows (outbox id, the payload being sent) move to ``uploading`` in one statement,
    their pairs as one JSON list: an attempt more, nothing changed during it yet, and the
    payload kept unless one is kept already (a lost answer's retry compares with the
    first). A row in a state that may not move there is left as it is (`move_all`)."""
    if not marks:
        return
    table = OutboxRow.__tablename__
    states = ", ".join(f"'{state}'" for state in sources(OutboxState.UPLOADING))
    session.connection().exec_driver_sql(
        f"UPDATE {table} SET state = :state, changed_during_upload = 0, "
        "attempts = attempts + 1, sent_payload = coalesce(sent_payload, j.value ->> 1) "
        f"FROM json_each(:marks) AS j WHERE {table}.id = j.value ->> 0 "
        # "+": not through ix_outbox_state, which would walk every pending row and read
        # the list for each (a push of 10,000 took 15x as long); by id, a row a mark.
        f"AND +{table}.state IN ({states})",
        {"state": OutboxState.UPLOADING.value, "marks": json.dumps(marks)},
    )


def requeue(row: OutboxRow, version: int | None, record: Any = None) -> None:
    """Back to ``pending`` as a new change based on ``version``: a new key, no backoff."""
    move(row, OutboxState.PENDING)
    row.idempotency_key = new_id()
    row.attempts = 0
    row.base_version = version
    row.next_attempt_at = None
    if record is not None:
        record.sync_status = SyncStatus.PENDING.value


def recover(session: Session) -> None:
    """Rows a crash left ``uploading`` go back to pending; their keys stay unless edited."""
    rows = session.execute(
        select(OutboxRow).where(OutboxRow.state == OutboxState.UPLOADING.value)
    ).scalars()
    for row in rows:
        move(row, OutboxState.PENDING)
        if row.changed_during_upload:
            # The payload changed: the old key may not be reused for it.
            row.idempotency_key = new_id()
            row.changed_during_upload = False
        set_record_status(session, row.entity, row.entity_id, SyncStatus.PENDING)


# -- rows held with others ------------------------------------------------------------


@dataclass(frozen=True)
class Held:
    """A record that waits for a supervisor's decision on a conflict."""

    entity: Entity
    entity_id: str
    beneficiary_id: str
    # Held with another record (a session deleted with its beneficiary), not in conflict itself.
    dependant: bool


def cascade_held(parent_state: OutboxState | None = None) -> ColumnElement[bool]:
    """Outbox condition: a session's delete that goes with its beneficiary's queued delete.

    Such a row is never sent on its own (the server's beneficiary delete covers it); with
    ``parent_state``, only rows whose beneficiary's delete is in that state.
    """
    parent = aliased(OutboxRow)
    conditions = [
        parent.entity == Entity.BENEFICIARY.value,
        parent.op == OutboxOp.DELETE.value,
        CaseSessionRow.id == OutboxRow.entity_id,
    ]
    if parent_state is not None:
        conditions.append(parent.state == parent_state.value)
    return (
        (OutboxRow.entity == Entity.CASE_SESSION.value)
        & (OutboxRow.op == OutboxOp.DELETE.value)
        & (
            select(parent.id)
            .join(CaseSessionRow, CaseSessionRow.beneficiary_id == parent.entity_id)
            .where(*conditions)
            .exists()
        )
    )


def held_back(session: Session, owners: Iterable[str] | None = None) -> list[Held]:
    """Records waiting for a conflict's decision, optionally only those of ``owners``."""
    in_conflict = session.execute(
        select(OutboxRow.entity, OutboxRow.entity_id).where(
            OutboxRow.state == OutboxState.CONFLICT.value
        )
    ).all()
    parents: dict[str, str] = {}
    for child, row_type in (
        (Entity.CASE_SESSION, CaseSessionRow),
        (Entity.TASK, TaskRow),
        (Entity.HOUSEHOLD_LINK, HouseholdLinkRow),
        (Entity.REFERRAL, ReferralRow),
        (Entity.TRANSFER, TransferRow),
    ):
        ids = [rid for entity, rid in in_conflict if entity == child.value]
        for chunk in chunks(ids):
            parents.update(
                session.execute(
                    select(row_type.id, row_type.beneficiary_id).where(row_type.id.in_(chunk))
                ).all()
            )
    held = [
        Held(
            Entity(entity),
            rid,
            rid if entity == Entity.BENEFICIARY.value else parents.get(rid, ""),
            False,
        )
        for entity, rid in in_conflict
    ]
    dependants = session.execute(
        select(OutboxRow.entity_id, CaseSessionRow.beneficiary_id)
        .join(CaseSessionRow, CaseSessionRow.id == OutboxRow.entity_id)
        .where(cascade_held(OutboxState.CONFLICT), OutboxRow.state != OutboxState.CONFLICT.value)
        .order_by(OutboxRow.id)
    ).all()
    held += [Held(Entity.CASE_SESSION, rid, bid, True) for rid, bid in dependants]
    # Sessions made elsewhere and pulled after this laptop deleted their beneficiary: live
    # here under a deleted beneficiary whose delete waits, so they wait with it.
    deleted_here = [rid for entity, rid in in_conflict if entity == Entity.BENEFICIARY.value]
    listed = {h.entity_id for h in held}
    for chunk in chunks(deleted_here):
        held += [
            Held(Entity.CASE_SESSION, rid, bid, True)
            for rid, bid in session.execute(
                select(CaseSessionRow.id, CaseSessionRow.beneficiary_id)
                .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
                .where(
                    CaseSessionRow.beneficiary_id.in_(chunk),
                    CaseSessionRow.deleted_at.is_(None),
                    BeneficiaryRow.deleted_at.is_not(None),
                )
                .order_by(CaseSessionRow.id)
            )
            if rid not in listed
        ]
    if owners is not None and held:
        allowed = set(owners)
        owner_of = {
            bid: owner
            for chunk in chunks(sorted({h.beneficiary_id for h in held}))
            for bid, owner in session.execute(
                select(BeneficiaryRow.id, BeneficiaryRow.caseworker_id).where(
                    BeneficiaryRow.id.in_(chunk)
                )
            )
        }
        held = [h for h in held if owner_of.get(h.beneficiary_id) in allowed]
    return held


def settle_cascade(session: Session, beneficiary_ids: list[str]) -> None:
    """The sessions of beneficiaries whose delete the server has applied.

    The server's beneficiary delete tombstoned every session of it in the same
    transaction: the held session deletes leave the outbox as acknowledged, and a session
    pulled here after the local delete (made elsewhere meanwhile, so the local delete
    could not cascade to it) is tombstoned too; the closing pull leaves out this run's own
    writes, so it would never hear of that tombstone. ``erase_settled`` then erases them
    like every other settled delete.
    """
    for chunk in chunks(beneficiary_ids):
        session.execute(
            update(CaseSessionRow)
            .where(
                CaseSessionRow.beneficiary_id.in_(chunk),
                CaseSessionRow.deleted_at.is_(None),
                ~exists().where(
                    OutboxRow.entity == Entity.CASE_SESSION.value,
                    OutboxRow.entity_id == CaseSessionRow.id,
                ),
            )
            .values(deleted_at=utcnow(), sync_status=SyncStatus.SYNCED.value, sync_error=None)
        )
        rows = session.execute(
            select(OutboxRow.id, OutboxRow.entity_id)
            .join(CaseSessionRow, CaseSessionRow.id == OutboxRow.entity_id)
            .where(
                OutboxRow.entity == Entity.CASE_SESSION.value,
                OutboxRow.op == OutboxOp.DELETE.value,
                OutboxRow.state.in_((OutboxState.PENDING.value, OutboxState.ERROR.value)),
                CaseSessionRow.beneficiary_id.in_(chunk),
            )
        ).all()
        if not rows:
            continue
        session.execute(delete(OutboxRow).where(OutboxRow.id.in_([r.id for r in rows])))
        session.execute(
            update(CaseSessionRow)
            .where(CaseSessionRow.id.in_([r.entity_id for r in rows]))
            .values(sync_status=SyncStatus.SYNCED.value, sync_error=None)
        )


@dataclass
class Upload:
    """An outbox row marked ``uploading`` and the change it carries on the wire."""

    outbox_id: int
    entity: Entity
    entity_id: str
    op: OutboxOp
    wire: dict[str, Any]
    payload_was_unset: bool = False
