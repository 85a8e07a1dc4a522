"""Push: the outbox goes to the server in pipelined batches.

Beneficiaries go before their sessions, and deletes of sessions before deletes of
beneficiaries, each row with the idempotency key it keeps across retries. A batch is
marked ``uploading`` (with the payload sent) before it goes out; while the server works
on one batch, one local transaction applies the previous batch's results and marks the
next batch. A session delete that goes with its beneficiary's queued delete is never
sent (`desktop.sync.outbox.cascade_held`). Records of an owner with no server account
wait here (`SyncRun.held`); they are never sent as someone else's.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import Entity, OutboxOp, OutboxState, SyncStatus
from desktop.services.forms import server_version
from desktop.store.tables import BeneficiaryRow, OutboxRow, new_id, utcnow
from desktop.sync import wire
from desktop.sync.client import ApiFailure, SyncCancelled, SyncError
from desktop.sync.outbox import Upload, cascade_held, mark_uploading, move, sources
from desktop.sync.records import (
    ROW_TYPES,
    UserMap,
    chunks,
    in_ids,
    load_plain,
    local_canonical,
    set_record_status,
)
from desktop.sync.results import apply_results
from desktop.sync.run import SyncReport, SyncRun
from desktop.sync.wire import ProtocolError

BACKOFF_FIRST = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)

_Flight = tuple[list[Upload], Future]


def push(run: SyncRun, report: SyncReport, *, respect_schedule: bool = False) -> bool:
    """Sends the pending outbox rows; True when something was sent.

    ``respect_schedule`` (background syncs) skips rows whose backoff has not run out;
    a sync the user asked for sends everything pending at once.
    """
    upsert = OutboxRow.op.in_((OutboxOp.UPSERT.value, OutboxOp.RESYNC.value))
    deletes = OutboxRow.op == OutboxOp.DELETE.value
    # A merge's tombstone goes after the records it moved (services/merges.py): the server
    # moves whatever still links to it when it arrives, and these arrive on their base.
    merged_away = (
        select(BeneficiaryRow.id)
        .where(BeneficiaryRow.id == OutboxRow.entity_id, BeneficiaryRow.merged_into.is_not(None))
        .exists()
    )
    priority = case(
        ((OutboxRow.entity == Entity.BENEFICIARY.value) & upsert & merged_away, 4),
        ((OutboxRow.entity == Entity.BENEFICIARY.value) & upsert, 0),
        ((OutboxRow.entity == Entity.CASE_SESSION.value) & upsert, 1),
        ((OutboxRow.entity == Entity.CASE_SESSION.value) & deletes, 2),
        else_=3,
    )
    # A session delete that goes with its beneficiary's delete is not sent: it is
    # settled with the beneficiary's result.
    conditions = [OutboxRow.state.in_(sources(OutboxState.UPLOADING)), ~cascade_held()]
    if respect_schedule:
        now = utcnow()
        conditions.append(OutboxRow.next_attempt_at.is_(None) | (OutboxRow.next_attempt_at <= now))
    with run.db.read() as uow:
        due = (
            uow.session.execute(
                select(OutboxRow.id).where(*conditions).order_by(priority, OutboxRow.id)
            )
            .scalars()
            .all()
        )
    if not due:
        return False
    total = len(due)
    batches = deque(
        due[start : start + run.batch_size] for start in range(0, total, run.batch_size)
    )
    # Pipelined: while the server works on one batch, this thread applies the results
    # of the batch before it and marks the next one uploading, in one transaction.
    # Requests still go one after another, so the server sees beneficiaries before
    # their sessions exactly as without the overlap.
    sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="caseload-sync-send")
    try:
        run.check_cancel()
        ready = _settle(run, None, None, batches, report, prepare=True)
        flight: _Flight | None = None
        done = 0
        while ready or flight is not None:
            outcome: Any = None
            if flight is not None:
                try:
                    outcome = flight[1].result()
                except ApiFailure as exc:
                    outcome = exc  # the whole batch was refused: the queue goes on
                except BaseException as exc:
                    # Unreachable, cancelled, signed out, an answer not understood:
                    # what was sent goes back to pending with the same keys, what was
                    # only marked goes back as if never touched.
                    _abandon(run, flight[0], ready, exc)
                    if isinstance(exc, ProtocolError):
                        raise SyncError(
                            f"Sync stopped: the server's answer was not understood ({exc})."
                        ) from exc
                    raise
            cancelled = run.is_cancelled()
            sending = None
            if ready and not cancelled:
                sending = (ready, sender.submit(_post, run, ready))
                ready = []
            ready = _settle(run, flight, outcome, batches, report, prepare=not cancelled) + ready
            if flight is not None:
                done += len(flight[0])
                run.progress(min(done, total), total, "sending")
            flight = sending
            if cancelled and flight is None:
                _abandon(run, [], ready, SyncCancelled())
                raise SyncCancelled()
    finally:
        sender.shutdown(wait=True, cancel_futures=True)
    run.progress(total, total, "sending")
    return True


def _post(run: SyncRun, uploads: list[Upload]) -> list[Any]:
    """One push request (on the sender thread); the results, checked for shape."""
    data = run.client.request(
        "POST",
        "/api/sync/push",
        json={"changes": [u.wire for u in uploads]},
        headers={"X-Caseload-Sync-Run": run.run_id},
    )
    results = wire.require_keys(data, "results", what="the push answer")["results"]
    if not isinstance(results, list) or len(results) != len(uploads):
        raise ProtocolError("the push answer does not have one result per change")
    return results


def _settle(
    run: SyncRun,
    flight: _Flight | None,
    outcome: Any,
    batches: deque[list[int]],
    report: SyncReport,
    *,
    prepare: bool,
) -> list[Upload]:
    """Applies a finished batch's outcome and marks the next batch, in one transaction."""
    ready: list[Upload] = []
    with run.db.write() as uow:
        session = uow.session
        users = UserMap(session)
        if flight is not None:
            if isinstance(outcome, ApiFailure):
                _release(
                    session, flight[0], error=f"{outcome.message} ({outcome.status})", failed=True
                )
                report.errors += len(flight[0])
            else:
                apply_results(
                    session, users, flight[0], outcome, report, fallback_owner=run.actor.id
                )
        while prepare and batches and not ready:
            ready = _prepare(run, session, users, batches.popleft())
        uow.commit()
    return ready


def _abandon(run: SyncRun, sent: list[Upload], unsent: list[Upload], exc: BaseException) -> None:
    with run.db.write() as uow:
        if sent:
            _release(uow.session, sent, error=str(exc), failed=False)
        _unmark(uow.session, unsent)
        uow.commit()


def _prepare(run: SyncRun, session: Session, users: UserMap, outbox_ids: list[int]) -> list[Upload]:
    """Marks a batch uploading (payload kept for a lost answer); its wire changes."""
    outbox = OutboxRow.__table__
    rows = {
        row.id: row
        for row in session.execute(
            select(
                outbox.c.id,
                outbox.c.entity,
                outbox.c.entity_id,
                outbox.c.op,
                outbox.c.state,
                outbox.c.idempotency_key,
                outbox.c.sent_payload,
            ).where(in_ids(outbox.c.id, outbox_ids))
        )
    }
    records = load_plain(session, [(Entity(r.entity), r.entity_id) for r in rows.values()])
    parent_owners = _parent_owners(session, records)
    on_server = server_version(session)
    may_upload = sources(OutboxState.UPLOADING)
    uploads: list[Upload] = []
    marks: list[tuple[int, str]] = []
    uploading: dict[Entity, list[str]] = {}
    dropped: list[int] = []
    never_sent: dict[Entity, list[str]] = {}
    for outbox_id in outbox_ids:
        row = rows.get(outbox_id)
        if row is None or row.state not in may_upload:
            continue
        entity, op = Entity(row.entity), OutboxOp(row.op)
        record = records.get((entity, row.entity_id))
        if record is None:
            dropped.append(row.id)
            continue
        if op == OutboxOp.DELETE and record.server_version is None and not row.sent_payload:
            # Never reached the server: nothing to delete there.
            dropped.append(row.id)
            never_sent.setdefault(entity, []).append(row.entity_id)
            continue
        if op != OutboxOp.DELETE:
            unlinked = [
                owner
                # A household link has no owner of its own: its member's is checked.
                for owner in (record._mapping.get("caseworker_id"), parent_owners.get(record.id))
                if owner is not None and owner not in users.to_server
            ]
            if unlinked:
                # Sent without an owner, the server would make it the sender's.
                run.held.setdefault(unlinked[0], set()).add(row.id)
                continue
        payload = local_canonical(entity, record, users)
        wire_op = OutboxOp.UPSERT if op == OutboxOp.RESYNC else op
        data = None
        if wire_op == OutboxOp.UPSERT:
            data = wire.to_wire(entity, payload)
            # A version published here that the server has not numbered yet (this user
            # may not publish, or another admin was first) is read as the server's
            # newest: values for fields it does not know are refused, with a reason.
            form_version = min(record.form_version, on_server)
            if form_version:
                data[wire.FORM_VERSION] = form_version
        change = {
            "entity": entity.value,
            "id": row.entity_id,
            "op": wire_op.value,
            "base_version": record.server_version,
            "idempotency_key": row.idempotency_key,
            "data": data,
        }
        marks.append((row.id, wire.dumps(payload)))
        uploading.setdefault(entity, []).append(row.entity_id)
        uploads.append(Upload(row.id, entity, row.entity_id, op, change, row.sent_payload is None))
    if dropped:
        session.execute(delete(outbox).where(outbox.c.id.in_(dropped)))
    mark_uploading(session, marks)
    for statuses, status in ((uploading, SyncStatus.UPLOADING), (never_sent, SyncStatus.SYNCED)):
        for entity, ids in statuses.items():
            table = ROW_TYPES[entity].__table__
            session.execute(
                update(table).where(in_ids(table.c.id, ids)).values(sync_status=status.value)
            )
    return uploads


def _parent_owners(session: Session, records: dict[tuple[Entity, str], Any]) -> dict[str, str]:
    """Session (or household link) id -> its beneficiary's owner, for those among ``records``."""
    parents: dict[str, list[str]] = {}
    for (entity, record_id), record in records.items():
        if entity in (Entity.CASE_SESSION, Entity.HOUSEHOLD_LINK):
            parents.setdefault(record.beneficiary_id, []).append(record_id)
    owners: dict[str, str] = {}
    for chunk in chunks(sorted(parents)):
        for beneficiary_id, owner in session.execute(
            select(BeneficiaryRow.id, BeneficiaryRow.caseworker_id).where(
                BeneficiaryRow.id.in_(chunk)
            )
        ):
            for session_id in parents[beneficiary_id]:
                owners[session_id] = owner
    return owners


def _unmark(session: Session, uploads: list[Upload]) -> None:
    """Undoes `_prepare` for a batch that was never sent."""
    for upload in uploads:
        outbox = session.get(OutboxRow, upload.outbox_id)
        if outbox is None or outbox.state != OutboxState.UPLOADING.value:
            continue
        move(outbox, OutboxState.PENDING)
        outbox.attempts = max(0, outbox.attempts - 1)
        outbox.changed_during_upload = False  # the key was never used: it stays valid
        if upload.payload_was_unset:
            outbox.sent_payload = None
        set_record_status(session, upload.entity.value, upload.entity_id, SyncStatus.PENDING)


def _release(session: Session, uploads: list[Upload], *, error: str, failed: bool) -> None:
    """A batch that got no per-item answer: refused as a whole (``failed``) or to retry."""
    for upload in uploads:
        outbox = session.get(OutboxRow, upload.outbox_id)
        if outbox is None:
            continue
        outbox.last_error = error[:500]
        if failed:
            move(outbox, OutboxState.ERROR)
            set_record_status(session, upload.entity, upload.entity_id, SyncStatus.ERROR, error)
            continue
        move(outbox, OutboxState.PENDING)
        if outbox.changed_during_upload:
            outbox.idempotency_key = new_id()
            outbox.changed_during_upload = False
        delay = min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** max(0, outbox.attempts - 1))
        outbox.next_attempt_at = utcnow() + delay
        set_record_status(session, upload.entity, upload.entity_id, SyncStatus.PENDING)
