"""Records leaving this laptop: deleted on the server, reassigned away, erased once settled.

A record deleted on the server stays deleted and its personal data is erased here as it
was there (store/erasure.py), unsent local edits to it included; its local sessions go
with it, so no session is left without its beneficiary. A beneficiary reassigned away
from this caseworker is hidden at once; its unsent edits are pushed, then it is erased.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.domain import schema
from desktop.domain.enums import Entity, SyncStatus
from desktop.store.changes import Change, Stamp, record_changes, refresh_next_follow_up
from desktop.store.db import Database
from desktop.store.erasure import PERSONAL, blank, erase_rows, not_erased
from desktop.store.tables import CaseSessionRow, OutboxRow, utcnow
from desktop.sync.records import ROW_TYPES, find
from desktop.sync.run import SyncReport

# The record kinds that belong to a beneficiary, and leave with it.
LINKED = {
    entity: ROW_TYPES[entity]
    for entity, fields in schema.FIELDS.items()
    if schema.BENEFICIARY_LINK in fields and entity in ROW_TYPES
}


def deleted_on_server(
    session: Session,
    entity: Entity,
    record: Any,
    version: int,
    report: SyncReport,
    *,
    had_local_changes: bool = True,
) -> None:
    """Delete wins over unsent local edits; the record's personal data is erased here."""
    now = utcnow()
    rows = with_sessions(session, entity, record)
    _note(
        session,
        "deleted_on_server",
        [(e, row) for e, row in rows if row.deleted_at is None or row is record],
    )
    for _row_entity, row in rows:
        row.deleted_at = row.deleted_at or now
        row.sync_status = SyncStatus.SYNCED.value
        row.sync_error = None
    _erase(session, rows)
    record.server_version = version
    report.deleted_on_server += 1
    if entity in (Entity.CASE_SESSION, Entity.TASK):
        refresh_next_follow_up(session, [record.beneficiary_id])
    if had_local_changes:
        report.warnings.append(
            f"A {entity.value.replace('_', ' ')} you changed was deleted on the server; "
            "its data, your unsent changes included, was erased from this laptop."
        )


def left_caseload(session: Session, entity: Entity, record: Any, report: SyncReport) -> None:
    """The server has it, but this account may no longer see it: erased here."""
    rows = with_sessions(session, entity, record)
    _hide(session, rows)
    _erase(session, rows)
    report.warnings.append(
        f"A {entity.value.replace('_', ' ')} is no longer in this account's caseload on the "
        "server; its data was removed from this laptop."
    )


def departed(session: Session, record_id: str, report: SyncReport) -> bool:
    """A ``left`` feed entry: hidden now; erased now, or once its unsent edits are pushed."""
    record = find(session, Entity.BENEFICIARY, record_id)
    if record is None:
        return False
    rows = with_sessions(session, Entity.BENEFICIARY, record)
    if record.deleted_at is not None and not any(_holds_personal(rows)):
        return False
    _hide(session, rows)
    waiting = session.execute(
        select(OutboxRow.id).where(OutboxRow.entity_id.in_([row.id for _, row in rows]))
    ).first()
    if waiting is None:
        _erase(session, rows)
    report.warnings.append(
        "A beneficiary was reassigned to another caseworker on the server; "
        + (
            "its data was removed from this laptop."
            if waiting is None
            else "your unsent changes go to the server first, then it leaves this laptop."
        )
    )
    return True


def erase_settled(db: Database) -> None:
    """Erases records deleted or departed here once the server has settled them.

    A record waits while it, or (for a beneficiary) one of its sessions, still has an
    outbox row: an unsent change, a delete in conflict, a refusal to look at.
    """
    with db.write() as uow:
        session = uow.session
        waiting = select(OutboxRow.entity_id)
        sessions_waiting = select(CaseSessionRow.beneficiary_id).where(
            CaseSessionRow.id.in_(waiting)
        )
        for entity, row_type in ROW_TYPES.items():
            statement = select(row_type).where(
                row_type.deleted_at.is_not(None),
                not_erased(entity),
                ~exists().where(
                    OutboxRow.entity == entity.value, OutboxRow.entity_id == row_type.id
                ),
            )
            if entity == Entity.BENEFICIARY:
                # A merged-away record keeps its values: its merge may be undone.
                statement = statement.where(
                    row_type.id.not_in(sessions_waiting), row_type.merged_into.is_(None)
                )
            else:
                statement = statement.where(row_type.beneficiary_id.not_in(waiting))
            erase_rows(session, entity, list(session.execute(statement).scalars()))
        uow.commit()


def with_sessions(session: Session, entity: Entity, record: Any) -> list[tuple[Entity, Any]]:
    """The record, and for a beneficiary every record linked to it (its sessions, tasks,
    transfers: each kind declaring `schema.BENEFICIARY_LINK`), deleted ones included."""
    rows: list[tuple[Entity, Any]] = [(entity, record)]
    if entity == Entity.BENEFICIARY:
        for child_entity, row_type in LINKED.items():
            children = session.execute(
                select(row_type).where(row_type.beneficiary_id == record.id)
            ).scalars()
            rows += [(child_entity, child) for child in children]
    return rows


def _hide(session: Session, rows: list[tuple[Entity, Any]]) -> None:
    now = utcnow()
    live = [(row_entity, row) for row_entity, row in rows if row.deleted_at is None]
    _note(session, "left_caseload", live)
    for _row_entity, row in live:
        row.deleted_at = now


def _note(session: Session, action: str, rows: list[tuple[Entity, Any]]) -> None:
    """An audit event per record, made by the sync (no local user), with no new version."""
    for entity in ROW_TYPES:
        changes = [Change(row.id) for row_entity, row in rows if row_entity == entity]
        record_changes(session, entity, changes, action=action, actor_id=None, stamp=Stamp.NONE)


def _holds_personal(rows: list[tuple[Entity, Any]]) -> Iterable[bool]:
    for row_entity, row in rows:
        yield any(getattr(row, name) != blank(row_entity, name) for name in PERSONAL[row_entity])


def _erase(session: Session, rows: list[tuple[Entity, Any]]) -> None:
    for entity in ROW_TYPES:
        erase_rows(session, entity, [row for row_entity, row in rows if row_entity == entity])
