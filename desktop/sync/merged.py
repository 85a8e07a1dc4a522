"""A merge heard from the server: this laptop's references follow the survivor.

The server says a beneficiary was merged into another in three ways: the change feed
brings its tombstone with ``merged_into``; a session or task pushed for it comes back
``applied`` on the survivor with ``merged_into``; an edit of it is ``rejected`` with code
``merged``. Each time `forward` moves every local record that links to the merged-away
one (the kinds of services/merges.py's ``LINKED``) to the survivor and keeps the
merged-away one as its tombstone here. Moved records with unsent changes carry the
survivor when they are pushed; the others are already on the survivor on the server,
which sends their new versions through the feed.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.enums import Entity, SyncStatus
from desktop.services.merges import LINKED
from desktop.store.changes import Change, Stamp, record_changes, refresh_next_follow_up
from desktop.store.tables import OutboxRow, utcnow
from desktop.sync.deletes import left_caseload
from desktop.sync.records import ROW_TYPES, find
from desktop.sync.run import SyncReport

log = logging.getLogger(__name__)

ACTION = "sync_merge"


def forward(
    session: Session,
    merged_id: str,
    survivor_id: str,
    report: SyncReport,
    *,
    version: int | None = None,
) -> bool:
    """Moves this laptop's links from ``merged_id`` to ``survivor_id``; True when
    something here changed. ``version``: the tombstone's server version, when known."""
    if merged_id == survivor_id:
        return False
    record = find(session, Entity.BENEFICIARY, merged_id)
    survivor = find(session, Entity.BENEFICIARY, survivor_id, include_deleted=False)
    if survivor is None:
        # The survivor is not in this account's caseload: the person left it.
        if record is None or record.deleted_at is not None:
            return False
        left_caseload(session, Entity.BENEFICIARY, record, report)
        return True
    changed = False
    for entity in LINKED:
        row_type = ROW_TYPES[entity]
        rows = list(
            session.execute(
                select(row_type).where(row_type.beneficiary_id == merged_id).order_by(row_type.id)
            ).scalars()
        )
        if not rows:
            continue
        for row in rows:
            row.beneficiary_id = survivor_id
        # An event in each record's history; no new version: the server has moved them
        # (or will, when their unsent change arrives naming the survivor).
        record_changes(
            session,
            entity,
            [
                Change(row.id, {"beneficiary_id": [merged_id, survivor_id]}, None, survivor_id)
                for row in rows
            ],
            action=ACTION,
            actor_id=None,
            stamp=Stamp.NONE,
        )
        changed = True
    if record is not None and record.merged_into != survivor_id:
        waiting = session.execute(
            delete(OutboxRow)
            .where(OutboxRow.entity == Entity.BENEFICIARY.value, OutboxRow.entity_id == merged_id)
            .returning(OutboxRow.id)
        ).all()
        if waiting:
            report.warnings.append(
                "A beneficiary you changed was merged into another record on the server; "
                "your unsent changes to it were not applied (its history keeps them)."
            )
        record.merged_into = survivor_id
        record.deleted_at = record.deleted_at or utcnow()
        record.sync_status = SyncStatus.SYNCED.value
        record.sync_error = None
        record_changes(
            session,
            Entity.BENEFICIARY,
            [Change(merged_id, {"merged_into": [None, survivor_id]})],
            action=ACTION,
            actor_id=None,
            stamp=Stamp.NONE,
        )
        changed = True
    if record is not None and version is not None:
        record.server_version = max(record.server_version or 0, version)
    refresh_next_follow_up(session, [merged_id, survivor_id])
    if changed:
        log.info("beneficiary %s merged into %s: links forwarded here", merged_id, survivor_id)
    return changed
