"""The server's answers to one push batch, applied in one pass with a bulk form.

Every answer is first sorted into an outcome; each outcome is then written for the whole
batch at once: acknowledgements (whether or not the record changed during the upload)
and refusals with one statement per table, and only a stale base (the server copy came
back) record by record, because each needs its own three-way merge.

A stale base comes back with the server copy: different fields merge (three-way,
against the copy last synced), the same field changed on both sides becomes a conflict
row with both values. A record deleted here but edited on the server becomes a
conflict on the field ``deleted`` for a supervisor to decide.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import Entity, OutboxOp, OutboxState, SyncStatus
from desktop.store.changes import Change, diff, record_changes
from desktop.store.tables import OutboxRow, SyncBaseRow, SyncConflictRow, new_id, utcnow
from desktop.sync import wire
from desktop.sync.deletes import deleted_on_server, left_caseload
from desktop.sync.merge import Clash, merge, same
from desktop.sync.merged import forward
from desktop.sync.outbox import Upload, move, move_all, requeue, settle_cascade
from desktop.sync.records import (
    ROW_TYPES,
    UserMap,
    chunks,
    in_ids,
    load_plain,
    load_records,
    local_canonical,
    replace_bases,
    set_base,
    set_each,
    write_fields,
)
from desktop.sync.run import SyncReport
from desktop.sync.wire import ProtocolError

log = logging.getLogger(__name__)

STATUSES = ("applied", "conflict", "rejected")


@dataclass(frozen=True)
class _Applied:
    upload: Upload
    version: int
    values: dict[str, Any]
    changed_during_upload: bool


@dataclass(frozen=True)
class _Stale:
    upload: Upload
    values: dict[str, Any]
    version: int
    deleted: bool


def apply_results(
    session: Session,
    users: UserMap,
    uploads: list[Upload],
    results: list[Any],
    report: SyncReport,
    *,
    fallback_owner: str,
) -> None:
    """One batch's per-item results; an answer not understood stops before any write."""
    outbox = OutboxRow.__table__
    changed = {
        row.id: row.changed_during_upload
        for row in session.execute(
            select(outbox.c.id, outbox.c.changed_during_upload).where(
                in_ids(outbox.c.id, [u.outbox_id for u in uploads])
            )
        )
    }
    present = load_plain(session, [(u.entity, u.entity_id) for u in uploads])
    applied: list[_Applied] = []
    gone: list[Upload] = []  # deletes of what the server no longer has
    refused: list[tuple[Upload, str]] = []
    one_by_one: list[Upload | _Stale] = []  # stale bases, and records that left the caseload
    # (merged-away id, survivor id): links to follow here (desktop/sync/merged.py).
    forwarded: list[tuple[str, str]] = []
    merged_away: list[Upload] = []
    for upload, result in zip(uploads, results, strict=True):
        if not isinstance(result, dict) or result.get("status") not in STATUSES:
            raise ProtocolError("a push result has no valid status")
        status = result["status"]
        if status != "rejected":
            record, version = result.get("record"), result.get("version")
            if not isinstance(version, int) or not isinstance(record, dict):
                raise ProtocolError("a push result lacks the record or its version")
        if upload.outbox_id not in changed or (upload.entity, upload.entity_id) not in present:
            continue  # settled meanwhile: nothing left here to apply the answer to
        survivor = result.get("merged_into")
        if isinstance(survivor, str):
            row = present[(upload.entity, upload.entity_id)]
            named = upload.entity_id if upload.entity == Entity.BENEFICIARY else row.beneficiary_id
            forwarded.append((named, survivor))
            if status == "rejected" and result.get("code") == "merged":
                merged_away.append(upload)  # settled by following the survivor
                continue
        if status == "applied":
            values = wire.from_wire(upload.entity, result["record"])
            applied.append(
                _Applied(upload, result["version"], values, bool(changed[upload.outbox_id]))
            )
        elif status == "conflict":
            values = wire.from_wire(upload.entity, result["record"])
            deleted = bool(result["record"].get("deleted"))
            one_by_one.append(_Stale(upload, values, result["version"], deleted))
        else:
            code = str(result.get("code", ""))
            if upload.op == OutboxOp.DELETE and code == "not_found":
                gone.append(upload)
            elif upload.op == OutboxOp.RESYNC and code in ("forbidden", "not_found"):
                # The server has it but this account may no longer see it: it left this
                # caseload (reassigned). It leaves this laptop's list; history keeps it.
                one_by_one.append(upload)
            else:
                refused.append((upload, _reason(result, code)))
                log.warning(
                    "%s %s refused by the server: %s", upload.entity, upload.entity_id, code
                )
    _write_applied(session, applied, report)
    _write_gone(session, gone)
    _write_refused(session, refused, report)
    _write_one_by_one(session, users, one_by_one, report, fallback_owner=fallback_owner)
    if merged_away:
        session.execute(
            delete(OutboxRow).where(OutboxRow.id.in_([u.outbox_id for u in merged_away]))
        )
    for merged_id, survivor_id in dict.fromkeys(forwarded):
        forward(session, merged_id, survivor_id, report)


def _reason(result: dict[str, Any], code: str) -> str:
    fields = result.get("errors") if isinstance(result.get("errors"), dict) else {}
    reason = str(result.get("message") or code or "refused by the server")
    if fields:
        reason += " (" + "; ".join(f"{k}: {v}" for k, v in fields.items()) + ")"
    return reason[:1000]


def _write_applied(session: Session, applied: list[_Applied], report: SyncReport) -> None:
    """The server took the change: its copy becomes the base; the row leaves the outbox,
    or (the record changed during the upload) goes again as a new change."""
    if not applied:
        return
    outbox = OutboxRow.__table__
    done = [a.upload.outbox_id for a in applied if not a.changed_during_upload]
    again = [
        {"oid": a.upload.outbox_id, "key": new_id(), "v": a.version}
        for a in applied
        if a.changed_during_upload
    ]
    if done:
        session.execute(delete(outbox).where(in_ids(outbox.c.id, done)))
    move_all(
        session,
        OutboxState.PENDING,
        again,
        changed_during_upload=False,
        idempotency_key=bindparam("key"),
        attempts=0,
        base_version=bindparam("v"),
        sent_payload=None,
    )
    for entity, row_type in ROW_TYPES.items():
        table = row_type.__table__
        for was_changed, values in (
            (False, {"sync_status": SyncStatus.SYNCED.value, "sync_error": None}),
            (True, {"sync_status": SyncStatus.PENDING.value}),
        ):
            pairs = [
                (a.upload.entity_id, a.version)
                for a in applied
                if a.upload.entity == entity and a.changed_during_upload is was_changed
            ]
            set_each(session, table, pairs, "server_version", **values)
    replace_bases(
        session,
        [
            (a.upload.entity.value, a.upload.entity_id, a.version, wire.dumps(a.values))
            for a in applied
        ],
    )
    report.sent += len(applied)
    settle_cascade(session, _beneficiary_deletes(a.upload for a in applied))


def _write_gone(session: Session, gone: list[Upload]) -> None:
    """A delete of a record the server does not have: already done."""
    if not gone:
        return
    session.execute(delete(OutboxRow).where(OutboxRow.id.in_([u.outbox_id for u in gone])))
    for entity, row_type in ROW_TYPES.items():
        ids = [u.entity_id for u in gone if u.entity == entity]
        for chunk in chunks(ids):
            session.execute(
                update(row_type.__table__)
                .where(row_type.__table__.c.id.in_(chunk))
                .values(sync_status=SyncStatus.SYNCED.value)
            )
    settle_cascade(session, _beneficiary_deletes(gone))


def _write_refused(session: Session, refused: list[tuple[Upload, str]], report: SyncReport) -> None:
    """Refused: the row waits in ``error`` until the user changes the record."""
    if not refused:
        return
    move_all(
        session,
        OutboxState.ERROR,
        [{"oid": u.outbox_id, "reason": reason} for u, reason in refused],
        last_error=bindparam("reason"),
        sent_payload=None,
    )
    for entity, row_type in ROW_TYPES.items():
        params = [{"rid": u.entity_id, "reason": r} for u, r in refused if u.entity == entity]
        if params:
            table = row_type.__table__
            session.execute(
                update(table)
                .where(table.c.id == bindparam("rid"))
                .values(sync_status=SyncStatus.ERROR.value, sync_error=bindparam("reason")),
                params,
            )
    report.errors += len(refused)


def _write_one_by_one(
    session: Session,
    users: UserMap,
    items: list[Upload | _Stale],
    report: SyncReport,
    *,
    fallback_owner: str,
) -> None:
    if not items:
        return
    uploads = [item.upload if isinstance(item, _Stale) else item for item in items]
    pairs = [(u.entity, u.entity_id) for u in uploads]
    rows = {
        row.id: row
        for chunk in chunks([u.outbox_id for u in uploads])
        for row in session.execute(select(OutboxRow).where(OutboxRow.id.in_(chunk))).scalars()
    }
    records = load_records(session, pairs)
    for item, upload in zip(items, uploads, strict=True):
        outbox, record = rows.get(upload.outbox_id), records.get((upload.entity, upload.entity_id))
        if outbox is None or record is None:
            continue
        if isinstance(item, _Stale):
            _stale_base(session, users, item, outbox, record, report, fallback_owner)
        else:
            left_caseload(session, upload.entity, record, report)


def _stale_base(
    session: Session,
    users: UserMap,
    stale: _Stale,
    outbox: OutboxRow,
    record: Any,
    report: SyncReport,
    fallback_owner: str,
) -> None:
    """The server holds a newer version: merge with it, or keep both values in conflict."""
    upload, server, version = stale.upload, stale.values, stale.version
    entity, record_id = upload.entity, upload.entity_id
    sent = wire.loads(outbox.sent_payload)
    base_row = session.get(SyncBaseRow, (entity.value, record_id))
    if sent is not None and _same(server, sent):
        base = sent  # the server applied our earlier send; its answer was lost
    elif base_row is not None:
        base = wire.loads(base_row.data)
    else:
        base = sent
    outbox.sent_payload = None
    if stale.deleted:
        if upload.op == OutboxOp.DELETE:
            session.delete(outbox)
            record.server_version = version
            record.sync_status = SyncStatus.SYNCED.value
            settle_cascade(session, _beneficiary_deletes([upload]))
            return
        deleted_on_server(session, entity, record, version, report)
        return
    record.server_version = version
    set_base(session, entity, record_id, version, server)
    if upload.op == OutboxOp.DELETE:
        if base is not None and _same(server, base):
            requeue(outbox, version, record)
            report.merged += 1
        else:
            _in_conflict(session, outbox, record, [Clash("deleted", False, True, False)], version)
            report.conflicts += 1
        return
    local = local_canonical(entity, record, users)
    merged = merge(
        base,
        local,
        server,
        fields=wire.merge_fields(entity, base, local, server),
        unknown_if_none=wire.USER_FIELDS,
    )
    write_fields(session, users, entity, record, merged.values, fallback_owner=fallback_owner)
    taken = diff(local, merged.values)
    if taken:  # what the server's copy brought in: a new version, in the history as a pull
        change = Change(record_id, taken, beneficiary_id=getattr(record, "beneficiary_id", None))
        record_changes(session, entity, [change], action="sync_update", actor_id=None)
    if merged.conflicts:
        _in_conflict(session, outbox, record, merged.conflicts, version)
        report.conflicts += 1
        log.info("%s %s: %d field(s) in conflict", entity, record_id, len(merged.conflicts))
    elif _same(merged.values, server):
        session.delete(outbox)
        record.sync_status = SyncStatus.SYNCED.value
    else:
        requeue(outbox, version, record)
        report.merged += 1


def _in_conflict(
    session: Session, outbox: OutboxRow, record: Any, clashes: Any, version: int
) -> None:
    """Conflict rows with both values; the record waits for a supervisor's decision."""
    for clash in clashes:
        # One open conflict per field: a newer server value replaces the older one.
        session.execute(
            delete(SyncConflictRow).where(
                SyncConflictRow.entity_id == outbox.entity_id,
                SyncConflictRow.field == clash.field,
                SyncConflictRow.resolved_at.is_(None),
            )
        )
        session.add(
            SyncConflictRow(
                entity=outbox.entity,
                entity_id=outbox.entity_id,
                field=clash.field,
                base_value=wire.dumps({"v": clash.base}),
                local_value=wire.dumps({"v": clash.local}),
                server_value=wire.dumps({"v": clash.remote}),
                server_version=version,
                created_at=utcnow(),
            )
        )
    move(outbox, OutboxState.CONFLICT)
    record.sync_status = SyncStatus.CONFLICT.value


def _beneficiary_deletes(uploads: Any) -> list[str]:
    return [
        u.entity_id for u in uploads if u.entity == Entity.BENEFICIARY and u.op == OutboxOp.DELETE
    ]


def _same(left: dict[str, Any], right: dict[str, Any]) -> bool:
    """Equal on every field both sides know (an unknown owner compares equal)."""
    return same(left, right, unknown_if_none=wire.USER_FIELDS)


def open_conflict_count(session) -> int:
    """Records with an open conflict (a record with several conflicting fields counts once)."""
    return session.execute(
        select(func.count(func.distinct(SyncConflictRow.entity_id))).where(
            SyncConflictRow.resolved_at.is_(None)
        )
    ).scalar_one()
