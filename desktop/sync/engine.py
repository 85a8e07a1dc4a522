"""The push/pull engine: nothing lost, duplicated or silently overwritten.

One run: recover what a crash left uploading, pull, push, pull again, compare digests.

- Push sends the outbox in batches, beneficiaries before their sessions and deletes of
  sessions before deletes of beneficiaries, each row with the idempotency key it keeps
  across retries. A batch is marked ``uploading`` (with the payload sent) before it
  goes out; the requests are pipelined: while the server works on one batch, one local
  transaction applies the previous batch's per-item results and marks the next batch.
- Pull applies the server's change feed page by page, each page with its cursor in one
  local transaction, and never overwrites a record that has unsent local changes.
- A stale base version comes back with the server copy: different fields merge
  (three-way, against the copy last synced), the same field changed on both sides
  becomes a conflict row with both values.
- Documented outcomes of delete against edit: a record deleted on the server stays
  deleted and its personal data is erased here as it was there (store/erasure.py),
  unsent local edits to it included; its local sessions go with it, so no session is
  left without its beneficiary. A record deleted here but edited on the server becomes
  a conflict on the field ``deleted`` for a supervisor to decide.
- A beneficiary's delete and its sessions' deletes are one unit on the server. The
  laptop never sends a session delete that goes with its beneficiary's queued delete
  (see `cascade_held`): the server's beneficiary delete tombstones the sessions in the
  same transaction, so they are applied together or not at all. The held session rows
  are settled from their beneficiary's result: applied (or already gone) drops them; a
  conflict leaves them waiting with it, and the supervisor's decision restores or
  deletes them together (`desktop.sync.conflicts`). Each row keeps its own idempotency
  key, and none of them is ever sent on its own while the beneficiary's delete is
  queued, so a retry, a lost answer or a crash can never apply half of the unit.
- A record in conflict, and the records held with it, wait for a supervisor without
  making the rest of the sync fail: the other changes still go out, the digest check
  compares them at the version the server holds (`held_back`), and the report counts
  them (`SyncReport.waiting`).
- Owners: a record goes to the server as its local owner's, through the owner's link to
  a server account (made by username from the organisation's account list at each
  supervisor's sync, or chosen in the Sync panel). Records of an unlinked owner wait
  here, with a warning naming them; they are never sent as someone else's.
- A beneficiary reassigned away from this caseworker on the server (a ``left`` entry in
  the feed) is hidden at once; its unsent edits are pushed, then it is erased here.
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, case, delete, exists, func, inspect, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from desktop.domain.enums import Entity, OutboxOp, Role, SyncStatus
from desktop.domain.records import Actor
from desktop.domain.validation import username_key
from desktop.services.beneficiaries import refresh_next_follow_up
from desktop.services.record_checks import flag_problems
from desktop.store.db import Database
from desktop.store.erasure import PERSONAL, blank, drop_erased_bytes, erase_rows, not_erased
from desktop.store.journal import diff, get_state, record_audit, set_state
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    OutboxRow,
    SyncBaseRow,
    SyncConflictRow,
    UserRow,
    new_id,
    utcnow,
)
from desktop.sync import wire
from desktop.sync.client import ApiFailure, ServerClient, SyncCancelled, SyncError
from desktop.sync.wire import ProtocolError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
ROW_TYPES = {Entity.BENEFICIARY: BeneficiaryRow, Entity.CASE_SESSION: CaseSessionRow}
CLOCK_WARNING_SECONDS = 300
BACKOFF_FIRST = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
IN_CHUNK = 500
HELD_FETCH_LIMIT = 100  # requests the digest check may make for records held by conflicts


@dataclass
class SyncReport:
    sent: int = 0
    received: int = 0
    merged: int = 0
    conflicts: int = 0
    errors: int = 0
    deleted_on_server: int = 0
    clock_skew: float | None = None
    digest_ok: bool | None = None
    token_refreshes: int = 0
    warnings: list[str] = field(default_factory=list)
    # Records held back by an open conflict (and the records held with them, like the
    # sessions deleted with a beneficiary whose delete is in conflict): not a failure.
    waiting: int = 0
    held: int = 0  # records not sent: their owner has no server account linked

    @property
    def failed(self) -> bool:
        return self.errors > 0 or self.digest_ok is False

    def summary(self) -> str:
        text = (
            f"sent {self.sent}, received {self.received}, conflicts {self.conflicts}, "
            f"errors {self.errors}"
        )
        if self.merged:
            text += f", merged {self.merged}"
        if self.waiting:
            text += f"; {waiting_text(self.waiting)}"
        return text


def waiting_text(count: int) -> str:
    if count == 1:
        return "1 record waits for a supervisor's decision"
    return f"{count} records wait for a supervisor's decision"


@dataclass(frozen=True)
class Held:
    """A record that waits for a supervisor's decision on a conflict."""

    entity: Entity
    entity_id: str
    beneficiary_id: str
    # Held with another record (a session deleted with its beneficiary), not in conflict itself.
    dependant: bool


def cascade_held(parent_state: str | None = None) -> ColumnElement[bool]:
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
        conditions.append(parent.state == parent_state)
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
        select(OutboxRow.entity, OutboxRow.entity_id).where(OutboxRow.state == "conflict")
    ).all()
    session_ids = [rid for entity, rid in in_conflict if entity == Entity.CASE_SESSION.value]
    parents = {
        rid: bid
        for chunk in _chunks(session_ids)
        for rid, bid in session.execute(
            select(CaseSessionRow.id, CaseSessionRow.beneficiary_id).where(
                CaseSessionRow.id.in_(chunk)
            )
        )
    }
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
        .where(cascade_held("conflict"), OutboxRow.state != "conflict")
        .order_by(OutboxRow.id)
    ).all()
    held += [Held(Entity.CASE_SESSION, rid, bid, True) for rid, bid in dependants]
    if owners is not None and held:
        allowed = set(owners)
        owner_of = {
            bid: owner
            for chunk in _chunks(sorted({h.beneficiary_id for h in held}))
            for bid, owner in session.execute(
                select(BeneficiaryRow.id, BeneficiaryRow.caseworker_id).where(
                    BeneficiaryRow.id.in_(chunk)
                )
            )
        }
        held = [h for h in held if owner_of.get(h.beneficiary_id) in allowed]
    return held


@dataclass
class _Change:
    outbox_id: int
    entity: Entity
    entity_id: str
    op: OutboxOp
    wire: dict[str, Any]
    payload_was_unset: bool = False


class UserMap:
    """Local user ids ↔ server user ids; unknown server users get an inactive placeholder.

    A local user without a server account maps to nothing: their records are held back
    (`SyncEngine._prepare`), never sent without an owner for the server to fill in.
    """

    def __init__(self, session: Session, names: dict[str, str] | None = None):
        rows = session.execute(select(UserRow.id, UserRow.server_user_id)).all()
        self.to_server = {local: server for local, server in rows if server}
        self.to_local = {server: local for local, server in rows if server}
        # Server account names (the organisation's list), for new placeholders.
        self.names = names or {}

    def local_for(self, session: Session, server_id: str | None, fallback: str) -> str:
        if not server_id:
            return fallback
        local = self.to_local.get(server_id)
        if local is None:
            local = new_id()
            session.add(
                UserRow(
                    id=local,
                    username=f"server-{server_id}"[:64],
                    username_key=username_key(f"server-{server_id}"[:64]),
                    display_name=(self.names.get(server_id) or f"Server user {server_id[:8]}")[
                        :100
                    ],
                    role=Role.CASEWORKER.value,
                    active=False,
                    created_at=utcnow(),
                    server_user_id=server_id,
                )
            )
            session.flush()
            self.to_local[server_id] = local
            self.to_server[local] = server_id
        return local


def local_canonical(entity: Entity, row: Any, users: UserMap) -> dict[str, Any]:
    values = {name: getattr(row, name, None) for name in wire.FIELDS[entity]}
    values["caseworker_id"] = users.to_server.get(row.caseworker_id)
    return wire.canonical(entity, values)


def _digest(pairs: Iterable[tuple[str, int]]) -> dict[str, Any]:
    lines = sorted(f"{record_id}:{version}" for record_id, version in pairs)
    return {"count": len(lines), "sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()}


class SyncEngine:
    def __init__(
        self,
        db: Database,
        actor: Actor,
        client: ServerClient,
        *,
        server_user_id: str,
        server_role: str,
        batch_size: int = 100,
        page_size: int = 500,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
    ):
        self._db = db
        self._actor = actor
        self._client = client
        self._server_user_id = server_user_id
        self._server_role = server_role
        self._batch_size = batch_size
        self._page_size = page_size
        self._progress = progress or (lambda done, total, text: None)
        self._is_cancelled = is_cancelled
        client.is_cancelled = is_cancelled
        self._run_id = new_id()
        self._held: dict[str, set[int]] = {}  # local owner id -> outbox ids held back
        self._account_names: dict[str, str] = {}

    @property
    def cursor_key(self) -> str:
        return f"pull_since:{self._server_user_id}"

    def run(self, *, full: bool = False) -> SyncReport:
        report = SyncReport()
        # Records this run's pushes write carry its id on the server; the closing pull
        # leaves them out instead of downloading what was just uploaded.
        self._run_id = new_id()
        self._held = {}
        self.recover()
        self.link_directory(report)
        if full:
            self.full_resync(report)
        else:
            self.pull(report)
        for _ in range(3):  # merged records go out again in the next pass
            if not self.push(report):
                break
        self.erase_settled()
        self.pull(report, exclude_run=True)
        self.verify(report)
        self._report_held(report)
        skew = self._client.clock_skew()
        report.clock_skew = skew
        report.token_refreshes = self._client.refreshes
        if skew is not None and abs(skew) > CLOCK_WARNING_SECONDS:
            report.warnings.append(
                f"This computer's clock differs from the server's by {abs(skew) / 60:.0f} minutes; "
                "correct the date and time."
            )
        if self._client.warning:
            report.warnings.append(self._client.warning)
        with self._db.write() as uow:
            set_state(uow.session, "last_sync_at", utcnow().isoformat(timespec="seconds"))
            set_state(uow.session, "last_sync_summary", report.summary())
            uow.commit()
        drop_erased_bytes(self._db)
        log.info("sync finished: %s", report.summary())
        return report

    def _check_cancel(self) -> None:
        if self._is_cancelled():
            raise SyncCancelled()

    # -- owners ----------------------------------------------------------------------

    def link_directory(self, report: SyncReport) -> None:
        """A supervisor's sync links local users to the organisation's accounts by username.

        Caseworkers may not list accounts (and only send their own records anyway).
        """
        from desktop.sync.account import apply_directory, parse_accounts

        if self._server_role not in (Role.SUPERVISOR.value, Role.ADMIN.value):
            return
        try:
            accounts = parse_accounts(self._client.request("GET", "/api/users"))
        except ApiFailure as exc:
            log.warning("the server's account list is not available (%s)", exc.status)
            return
        self._account_names = {a.id: a.display_name or a.username for a in accounts}
        with self._db.write() as uow:
            linked = apply_directory(uow.session, accounts, by=self._actor.id)
            uow.commit()
        if linked:
            log.info("linked %d local user(s) to server accounts by username", len(linked))

    def _report_held(self, report: SyncReport) -> None:
        if not self._held:
            return
        with self._db.read() as uow:
            for user_id, outbox_ids in sorted(self._held.items()):
                row = uow.session.get(UserRow, user_id)
                who = f"{row.display_name} ({row.username})" if row else user_id
                name = row.username if row else user_id
                report.held += len(outbox_ids)
                report.warnings.append(
                    f"{len(outbox_ids)} record(s) of {who} were not sent: {name} is not linked "
                    "to a server account. A supervisor links them in the Sync panel "
                    "(Caseworkers on the server), or an admin creates the account on the server."
                )

    # -- crash recovery --------------------------------------------------------------

    def recover(self) -> None:
        """Rows a crash left ``uploading`` go back to pending; their keys stay unless edited."""
        with self._db.write() as uow:
            session = uow.session
            rows = session.execute(
                select(OutboxRow).where(OutboxRow.state == "uploading")
            ).scalars()
            for row in rows:
                row.state = "pending"
                if row.changed_during_upload:
                    # The payload changed: the old key may not be reused for it.
                    row.idempotency_key = new_id()
                    row.changed_during_upload = False
                self._set_record_status(session, row.entity, row.entity_id, SyncStatus.PENDING)
            uow.commit()

    # -- push ------------------------------------------------------------------------

    def push(self, report: SyncReport, *, respect_schedule: bool = False) -> bool:
        """Sends the pending outbox rows; True when something was sent.

        ``respect_schedule`` (background syncs) skips rows whose backoff has not run out;
        a sync the user asked for sends everything pending at once.
        """
        upsert = OutboxRow.op.in_((OutboxOp.UPSERT.value, OutboxOp.RESYNC.value))
        priority = case(
            ((OutboxRow.entity == Entity.BENEFICIARY.value) & upsert, 0),
            ((OutboxRow.entity == Entity.CASE_SESSION.value) & upsert, 1),
            ((OutboxRow.entity == Entity.CASE_SESSION.value) & (OutboxRow.op == "delete"), 2),
            else_=3,
        )
        # A session delete that goes with its beneficiary's delete is not sent: it is
        # settled with the beneficiary's result (see the module docstring).
        conditions = [OutboxRow.state == "pending", ~cascade_held()]
        if respect_schedule:
            now = utcnow()
            conditions.append(
                OutboxRow.next_attempt_at.is_(None) | (OutboxRow.next_attempt_at <= now)
            )
        with self._db.read() as uow:
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
            due[start : start + self._batch_size] for start in range(0, total, self._batch_size)
        )
        # Pipelined: while the server works on one batch, this thread applies the results
        # of the batch before it and marks the next one uploading, in one transaction.
        # Requests still go one after another, so the server sees beneficiaries before
        # their sessions exactly as without the overlap.
        sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="caseload-sync-send")
        try:
            self._check_cancel()
            ready = self._settle(None, None, batches, report, prepare=True)
            flight: tuple[list[_Change], Future] | None = None
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
                        self._abandon(flight[0], ready, exc)
                        if isinstance(exc, ProtocolError):
                            raise SyncError(
                                f"Sync stopped: the server's answer was not understood ({exc})."
                            ) from exc
                        raise
                cancelled = self._is_cancelled()
                sending = None
                if ready and not cancelled:
                    sending = (ready, sender.submit(self._post, ready))
                    ready = []
                ready = (
                    self._settle(flight, outcome, batches, report, prepare=not cancelled) + ready
                )
                if flight is not None:
                    done += len(flight[0])
                    self._progress(min(done, total), total, "sending")
                flight = sending
                if cancelled and flight is None:
                    self._abandon([], ready, SyncCancelled())
                    raise SyncCancelled()
        finally:
            sender.shutdown(wait=True, cancel_futures=True)
        self._progress(total, total, "sending")
        return True

    def _post(self, changes: list[_Change]) -> list[Any]:
        """One push request (on the sender thread); the results, checked for shape."""
        data = self._client.request(
            "POST",
            "/api/sync/push",
            json={"changes": [c.wire for c in changes]},
            headers={"X-Caseload-Sync-Run": self._run_id},
        )
        results = wire.require_keys(data, "results", what="the push answer")["results"]
        if not isinstance(results, list) or len(results) != len(changes):
            raise ProtocolError("the push answer does not have one result per change")
        return results

    def _settle(
        self,
        flight: tuple[list[_Change], Future] | None,
        outcome: Any,
        batches: deque[list[int]],
        report: SyncReport,
        *,
        prepare: bool,
    ) -> list[_Change]:
        """Applies a finished batch's outcome and marks the next batch, in one transaction."""
        ready: list[_Change] = []
        with self._db.write() as uow:
            session = uow.session
            users = UserMap(session)
            if flight is not None:
                if isinstance(outcome, ApiFailure):
                    self._release(
                        session,
                        flight[0],
                        error=f"{outcome.message} ({outcome.status})",
                        failed=True,
                    )
                    report.errors += len(flight[0])
                else:
                    self._apply_results(session, users, flight[0], outcome, report)
            while prepare and batches and not ready:
                ready = self._prepare(session, users, batches.popleft())
            uow.commit()
        return ready

    def _abandon(self, sent: list[_Change], unsent: list[_Change], exc: BaseException) -> None:
        with self._db.write() as uow:
            if sent:
                self._release(uow.session, sent, error=str(exc), failed=False)
            self._unmark(uow.session, unsent)
            uow.commit()

    def _prepare(self, session: Session, users: UserMap, outbox_ids: list[int]) -> list[_Change]:
        """Marks a batch uploading (payload kept for a lost answer); its wire changes."""
        outbox = OutboxRow.__table__
        rows = {
            row.id: row
            for chunk in _chunks(outbox_ids)
            for row in session.execute(
                select(
                    outbox.c.id,
                    outbox.c.entity,
                    outbox.c.entity_id,
                    outbox.c.op,
                    outbox.c.state,
                    outbox.c.idempotency_key,
                    outbox.c.sent_payload,
                ).where(outbox.c.id.in_(chunk))
            )
        }
        records = self._load_plain(
            session, [(Entity(r.entity), r.entity_id) for r in rows.values()]
        )
        parent_owners = self._parent_owners(session, records)
        changes: list[_Change] = []
        marks: list[dict[str, Any]] = []
        uploading: dict[Entity, list[dict[str, Any]]] = {}
        dropped: list[int] = []
        never_sent: dict[Entity, list[dict[str, Any]]] = {}
        for outbox_id in outbox_ids:
            row = rows.get(outbox_id)
            if row is None or row.state != "pending":
                continue
            entity, op = Entity(row.entity), OutboxOp(row.op)
            record = records.get((entity, row.entity_id))
            if record is None:
                dropped.append(row.id)
                continue
            if op == OutboxOp.DELETE and record.server_version is None and not row.sent_payload:
                # Never reached the server: nothing to delete there.
                dropped.append(row.id)
                never_sent.setdefault(entity, []).append({"rid": row.entity_id})
                continue
            if op != OutboxOp.DELETE:
                unlinked = [
                    owner
                    for owner in (record.caseworker_id, parent_owners.get(record.id))
                    if owner is not None and owner not in users.to_server
                ]
                if unlinked:
                    # Sent without an owner, the server would make it the sender's.
                    self._held.setdefault(unlinked[0], set()).add(row.id)
                    continue
            payload = local_canonical(entity, record, users)
            wire_op = OutboxOp.UPSERT if op == OutboxOp.RESYNC else op
            change = {
                "entity": entity.value,
                "id": row.entity_id,
                "op": wire_op.value,
                "base_version": record.server_version,
                "idempotency_key": row.idempotency_key,
                "data": wire.to_wire(entity, payload) if wire_op == OutboxOp.UPSERT else None,
            }
            marks.append({"oid": row.id, "payload": wire.dumps(payload)})
            uploading.setdefault(entity, []).append({"rid": row.entity_id})
            changes.append(
                _Change(row.id, entity, row.entity_id, op, change, row.sent_payload is None)
            )
        if dropped:
            session.execute(delete(outbox).where(outbox.c.id.in_(dropped)))
        if marks:
            session.execute(
                update(outbox)
                .where(outbox.c.id == bindparam("oid"))
                .values(
                    state="uploading",
                    changed_during_upload=False,
                    attempts=outbox.c.attempts + 1,
                    sent_payload=func.coalesce(outbox.c.sent_payload, bindparam("payload")),
                ),
                marks,
            )
        for statuses, status in (
            (uploading, SyncStatus.UPLOADING),
            (never_sent, SyncStatus.SYNCED),
        ):
            for entity, params in statuses.items():
                table = ROW_TYPES[entity].__table__
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("rid"))
                    .values(sync_status=status.value),
                    params,
                )
        return changes

    @staticmethod
    def _parent_owners(session: Session, records: dict[tuple[Entity, str], Any]) -> dict[str, str]:
        """Session id -> its beneficiary's owner, for the sessions among ``records``."""
        parents: dict[str, list[str]] = {}
        for (entity, record_id), record in records.items():
            if entity == Entity.CASE_SESSION:
                parents.setdefault(record.beneficiary_id, []).append(record_id)
        owners: dict[str, str] = {}
        for chunk in _chunks(sorted(parents)):
            for beneficiary_id, owner in session.execute(
                select(BeneficiaryRow.id, BeneficiaryRow.caseworker_id).where(
                    BeneficiaryRow.id.in_(chunk)
                )
            ):
                for session_id in parents[beneficiary_id]:
                    owners[session_id] = owner
        return owners

    def _unmark(self, session: Session, changes: list[_Change]) -> None:
        """Undoes `_prepare` for a batch that was never sent."""
        for change in changes:
            outbox = session.get(OutboxRow, change.outbox_id)
            if outbox is None or outbox.state != "uploading":
                continue
            outbox.state = "pending"
            outbox.attempts = max(0, outbox.attempts - 1)
            outbox.changed_during_upload = False  # the key was never used: it stays valid
            if change.payload_was_unset:
                outbox.sent_payload = None
            self._set_record_status(
                session, change.entity.value, change.entity_id, SyncStatus.PENDING
            )

    def _apply_results(
        self,
        session: Session,
        users: UserMap,
        changes: list[_Change],
        results: list[Any],
        report: SyncReport,
    ) -> None:
        """Per-item results of one batch.

        The common answer (applied, the record not edited meanwhile) is written with one
        statement per table for the whole batch; anything else takes `_apply_result`.
        """
        for result in results:
            if not isinstance(result, dict) or result.get("status") not in (
                "applied",
                "conflict",
                "rejected",
            ):
                raise ProtocolError("a push result has no valid status")
        outbox = OutboxRow.__table__
        states = {
            row.id: row.changed_during_upload
            for chunk in _chunks([c.outbox_id for c in changes])
            for row in session.execute(
                select(outbox.c.id, outbox.c.changed_during_upload).where(outbox.c.id.in_(chunk))
            )
        }
        present = self._load_plain(session, [(c.entity, c.entity_id) for c in changes])
        acknowledged: list[dict[str, Any]] = []
        versions: dict[Entity, list[dict[str, Any]]] = {}
        bases: list[dict[str, Any]] = []
        others: list[tuple[_Change, Any]] = []
        for change, result in zip(changes, results, strict=True):
            simple = (
                result["status"] == "applied"
                and states.get(change.outbox_id) is False
                and (change.entity, change.entity_id) in present
            )
            if not simple:
                others.append((change, result))
                continue
            server_record, version = result.get("record"), result.get("version")
            if not isinstance(version, int) or not isinstance(server_record, dict):
                raise ProtocolError("a push result lacks the record or its version")
            values = wire.from_wire(change.entity, server_record)
            acknowledged.append({"oid": change.outbox_id})
            versions.setdefault(change.entity, []).append({"rid": change.entity_id, "v": version})
            bases.append(
                {
                    "entity": change.entity.value,
                    "entity_id": change.entity_id,
                    "version": version,
                    "data": wire.dumps(values),
                }
            )
        if acknowledged:
            session.execute(delete(outbox).where(outbox.c.id == bindparam("oid")), acknowledged)
            for entity, params in versions.items():
                table = ROW_TYPES[entity].__table__
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("rid"))
                    .values(
                        server_version=bindparam("v"),
                        sync_status=SyncStatus.SYNCED.value,
                        sync_error=None,
                    ),
                    params,
                )
            session.execute(sqlite_insert(SyncBaseRow.__table__).prefix_with("OR REPLACE"), bases)
            report.sent += len(acknowledged)
            done = {row["oid"] for row in acknowledged}
            self._settle_cascade(
                session,
                [
                    c.entity_id
                    for c in changes
                    if c.entity == Entity.BENEFICIARY
                    and c.op == OutboxOp.DELETE
                    and c.outbox_id in done
                ],
            )
        if others:
            pairs = [(c.entity, c.entity_id) for c, _ in others]
            outbox_rows = self._load_outbox(session, [c.outbox_id for c, _ in others])
            known = self._load_records(session, pairs)
            known_bases = self._load_bases(session, pairs)
            for change, result in others:
                self._apply_result(session, users, change, result, report, known, known_bases)
            del outbox_rows

    def _release(
        self, session: Session, changes: list[_Change], *, error: str, failed: bool
    ) -> None:
        for change in changes:
            outbox = session.get(OutboxRow, change.outbox_id)
            if outbox is None:
                continue
            outbox.last_error = error[:500]
            if failed:
                outbox.state = "error"
                self._set_record_status(
                    session, change.entity, change.entity_id, SyncStatus.ERROR, error
                )
                continue
            outbox.state = "pending"
            if outbox.changed_during_upload:
                outbox.idempotency_key = new_id()
                outbox.changed_during_upload = False
            delay = min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** max(0, outbox.attempts - 1))
            outbox.next_attempt_at = utcnow() + delay
            self._set_record_status(session, change.entity, change.entity_id, SyncStatus.PENDING)

    def _apply_result(
        self,
        session: Session,
        users: UserMap,
        change: _Change,
        result: Any,
        report: SyncReport,
        known: dict[tuple[Entity, str], Any] | None = None,
        bases: dict[tuple[str, str], SyncBaseRow | None] | None = None,
    ) -> None:
        if not isinstance(result, dict) or result.get("status") not in (
            "applied",
            "conflict",
            "rejected",
        ):
            raise ProtocolError("a push result has no valid status")
        outbox = session.get(OutboxRow, change.outbox_id)
        record = self._known_record(session, known or {}, change.entity, change.entity_id)
        if outbox is None or record is None:
            return
        status = result["status"]
        if status == "rejected":
            code = str(result.get("code", ""))
            if change.op == OutboxOp.DELETE and code == "not_found":
                session.delete(outbox)  # already gone on the server
                record.sync_status = SyncStatus.SYNCED.value
                if change.entity == Entity.BENEFICIARY:
                    self._settle_cascade(session, [change.entity_id])
                return
            if change.op == OutboxOp.RESYNC and code in ("forbidden", "not_found"):
                # The server has it but this account may no longer see it: it left this
                # caseload (reassigned). It leaves this laptop's list; history keeps it.
                self._left_caseload(session, change.entity, record, report)
                return
            fields = result.get("errors") if isinstance(result.get("errors"), dict) else {}
            reason = str(result.get("message") or code or "refused by the server")
            if fields:
                reason += " (" + "; ".join(f"{k}: {v}" for k, v in fields.items()) + ")"
            outbox.state = "error"
            outbox.last_error = reason[:1000]
            outbox.sent_payload = None
            record.sync_status = SyncStatus.ERROR.value
            record.sync_error = reason[:1000]
            report.errors += 1
            log.warning("%s %s refused by the server: %s", change.entity, change.entity_id, code)
            return
        server_record = result.get("record")
        version = result.get("version")
        if not isinstance(version, int) or not isinstance(server_record, dict):
            raise ProtocolError("a push result lacks the record or its version")
        server_values = wire.from_wire(change.entity, server_record)
        if status == "applied":
            report.sent += 1
            record.server_version = version
            self._set_base(
                session, change.entity, change.entity_id, version, server_values, known=bases
            )
            outbox.sent_payload = None
            if outbox.changed_during_upload:
                outbox.state = "pending"
                outbox.changed_during_upload = False
                outbox.idempotency_key = new_id()
                outbox.attempts = 0
                outbox.base_version = version
                record.sync_status = SyncStatus.PENDING.value
            else:
                session.delete(outbox)
                record.sync_status = SyncStatus.SYNCED.value
                record.sync_error = None
            if change.entity == Entity.BENEFICIARY and change.op == OutboxOp.DELETE:
                self._settle_cascade(session, [change.entity_id])
            return
        self._merge(
            session,
            users,
            change,
            outbox,
            record,
            server_values,
            version,
            bool(server_record.get("deleted")),
            report,
        )

    # -- conflicts -------------------------------------------------------------------

    def _merge(
        self,
        session: Session,
        users: UserMap,
        change: _Change,
        outbox: OutboxRow,
        record: Any,
        server: dict[str, Any],
        version: int,
        server_deleted: bool,
        report: SyncReport,
    ) -> None:
        entity = change.entity
        sent = wire.loads(outbox.sent_payload)
        base_row = session.get(SyncBaseRow, (entity.value, change.entity_id))
        if sent is not None and _same(server, sent):
            base = sent  # the server applied our earlier send; its answer was lost
        elif base_row is not None:
            base = wire.loads(base_row.data)
        else:
            base = sent
        outbox.sent_payload = None
        if server_deleted:
            if change.op == OutboxOp.DELETE:
                session.delete(outbox)
                record.server_version = version
                record.sync_status = SyncStatus.SYNCED.value
                if entity == Entity.BENEFICIARY:
                    self._settle_cascade(session, [change.entity_id])
                return
            self._deleted_on_server(session, entity, record, version, report)
            return
        record.server_version = version
        self._set_base(session, entity, change.entity_id, version, server)
        if change.op == OutboxOp.DELETE:
            if base is not None and _same(server, base):
                self._requeue(outbox, version, record)
                report.merged += 1
            else:
                self._conflict(
                    session, entity, change.entity_id, "deleted", False, True, False, version
                )
                outbox.state = "conflict"
                record.sync_status = SyncStatus.CONFLICT.value
                report.conflicts += 1
            return
        local = local_canonical(entity, record, users)
        merged: dict[str, Any] = {}
        clashes: list[str] = []
        for name in wire.FIELDS[entity]:
            mine, theirs = local.get(name), server.get(name)
            if name in wire.USER_FIELDS and mine is None:
                mine = theirs  # owner not known on the server: nothing to compare
            if mine == theirs or (base is not None and mine == base.get(name)):
                merged[name] = theirs
            elif base is not None and theirs == base.get(name):
                merged[name] = mine
            else:
                merged[name] = mine
                clashes.append(name)
        self._write_fields(session, users, entity, record, merged)
        if clashes:
            for name in clashes:
                self._conflict(
                    session,
                    entity,
                    change.entity_id,
                    name,
                    None if base is None else base.get(name),
                    local.get(name),
                    server.get(name),
                    version,
                )
            outbox.state = "conflict"
            record.sync_status = SyncStatus.CONFLICT.value
            report.conflicts += 1
            log.info("%s %s: %d field(s) in conflict", entity, change.entity_id, len(clashes))
        elif _same(merged, server):
            session.delete(outbox)
            record.sync_status = SyncStatus.SYNCED.value
        else:
            self._requeue(outbox, version, record)
            report.merged += 1

    @staticmethod
    def _settle_cascade(session: Session, beneficiary_ids: list[str]) -> None:
        """The sessions of beneficiaries whose delete the server has applied.

        The server's beneficiary delete tombstoned every session of it in the same
        transaction: the held session deletes leave the outbox as acknowledged, and a
        session pulled here after the local delete (made elsewhere meanwhile, so the local
        delete could not cascade to it) is tombstoned too; the closing pull leaves out this
        run's own writes, so it would never hear of that tombstone. ``erase_settled``
        then erases them like every other settled delete.
        """
        for chunk in _chunks(beneficiary_ids):
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
                    OutboxRow.state.in_(("pending", "error")),
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

    @staticmethod
    def _requeue(outbox: OutboxRow, version: int, record: Any) -> None:
        outbox.state = "pending"
        outbox.idempotency_key = new_id()
        outbox.attempts = 0
        outbox.base_version = version
        outbox.next_attempt_at = None
        record.sync_status = SyncStatus.PENDING.value

    @staticmethod
    def _conflict(
        session: Session,
        entity: Entity,
        entity_id: str,
        name: str,
        base: Any,
        local: Any,
        server: Any,
        version: int,
    ) -> None:
        # One open conflict per field: a newer server value replaces the older one.
        session.execute(
            delete(SyncConflictRow).where(
                SyncConflictRow.entity_id == entity_id,
                SyncConflictRow.field == name,
                SyncConflictRow.resolved_at.is_(None),
            )
        )
        session.add(
            SyncConflictRow(
                entity=entity.value,
                entity_id=entity_id,
                field=name,
                base_value=wire.dumps({"v": base}),
                local_value=wire.dumps({"v": local}),
                server_value=wire.dumps({"v": server}),
                server_version=version,
                created_at=utcnow(),
            )
        )

    def _deleted_on_server(
        self,
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
        rows = self._with_sessions(session, entity, record)
        for row_entity, row in rows:
            if row.deleted_at is None or row is record:
                record_audit(
                    session,
                    user_id=None,
                    action="deleted_on_server",
                    entity=row_entity.value,
                    entity_id=row.id,
                )
            row.deleted_at = row.deleted_at or now
            row.sync_status = SyncStatus.SYNCED.value
            row.sync_error = None
        self._erase(session, rows)
        record.server_version = version
        report.deleted_on_server += 1
        if entity == Entity.CASE_SESSION:
            refresh_next_follow_up(session, record.beneficiary_id)
        if had_local_changes:
            report.warnings.append(
                f"A {entity.value.replace('_', ' ')} you changed was deleted on the server; "
                "its data, your unsent changes included, was erased from this laptop."
            )

    def _left_caseload(
        self, session: Session, entity: Entity, record: Any, report: SyncReport
    ) -> None:
        """The server has it, but this account may no longer see it: erased here."""
        rows = self._with_sessions(session, entity, record)
        self._hide(session, rows)
        self._erase(session, rows)
        report.warnings.append(
            f"A {entity.value.replace('_', ' ')} is no longer in this account's caseload on the "
            "server; its data was removed from this laptop."
        )

    def _departed(self, session: Session, record_id: str, report: SyncReport) -> bool:
        """A ``left`` feed entry: hidden now; erased now, or once its unsent edits are pushed."""
        record = self._record(session, Entity.BENEFICIARY, record_id)
        if record is None:
            return False
        rows = self._with_sessions(session, Entity.BENEFICIARY, record)
        if record.deleted_at is not None and not any(self._holds_personal(rows)):
            return False
        self._hide(session, rows)
        waiting = session.execute(
            select(OutboxRow.id).where(OutboxRow.entity_id.in_([row.id for _, row in rows]))
        ).first()
        if waiting is None:
            self._erase(session, rows)
        report.warnings.append(
            "A beneficiary was reassigned to another caseworker on the server; "
            + (
                "its data was removed from this laptop."
                if waiting is None
                else "your unsent changes go to the server first, then it leaves this laptop."
            )
        )
        return True

    @staticmethod
    def _with_sessions(session: Session, entity: Entity, record: Any) -> list[tuple[Entity, Any]]:
        """The record, and for a beneficiary every session of it (deleted ones included)."""
        rows: list[tuple[Entity, Any]] = [(entity, record)]
        if entity == Entity.BENEFICIARY:
            children = session.execute(
                select(CaseSessionRow).where(CaseSessionRow.beneficiary_id == record.id)
            ).scalars()
            rows += [(Entity.CASE_SESSION, child) for child in children]
        return rows

    @staticmethod
    def _hide(session: Session, rows: list[tuple[Entity, Any]]) -> None:
        now = utcnow()
        for row_entity, row in rows:
            if row.deleted_at is None:
                record_audit(
                    session,
                    user_id=None,
                    action="left_caseload",
                    entity=row_entity.value,
                    entity_id=row.id,
                )
                row.deleted_at = now

    @staticmethod
    def _holds_personal(rows: list[tuple[Entity, Any]]) -> Iterable[bool]:
        for row_entity, row in rows:
            yield any(
                getattr(row, name) != blank(row_entity, name) for name in PERSONAL[row_entity]
            )

    @staticmethod
    def _erase(session: Session, rows: list[tuple[Entity, Any]]) -> None:
        for entity in ROW_TYPES:
            erase_rows(session, entity, [row for row_entity, row in rows if row_entity == entity])

    def erase_settled(self) -> None:
        """Erases records deleted or departed here once the server has settled them.

        A record waits while it, or (for a beneficiary) one of its sessions, still has an
        outbox row: an unsent change, a delete in conflict, a refusal to look at.
        """
        with self._db.write() as uow:
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
                    statement = statement.where(row_type.id.not_in(sessions_waiting))
                else:
                    statement = statement.where(row_type.beneficiary_id.not_in(waiting))
                erase_rows(session, entity, list(session.execute(statement).scalars()))
            uow.commit()

    # -- pull ------------------------------------------------------------------------

    def pull(
        self,
        report: SyncReport,
        *,
        since: int | None = None,
        full: bool = False,
        exclude_run: bool = False,
    ) -> set[tuple[str, str]]:
        """Applies the change feed; returns the (entity, id) pairs the server listed.

        ``full`` (a full resync) takes the server's version as the truth even where the
        local record claims a newer one. ``exclude_run`` leaves out what this run's
        pushes wrote: their results were applied here before the pull.
        """
        seen: set[tuple[str, str]] = set()
        if since is None:
            with self._db.read() as uow:
                since = int(get_state(uow.session, self.cursor_key) or "0")
        while True:
            self._check_cancel()
            try:
                params: dict[str, Any] = {"since": since, "limit": self._page_size}
                if exclude_run and not full:
                    params["exclude_run"] = self._run_id
                data = self._client.request("GET", "/api/sync/changes", params=params)
            except ApiFailure as exc:
                if exc.status == 410 and since:
                    report.warnings.append("The server was restored from a backup: full resync.")
                    return self.pull(report, since=0, full=True)
                raise SyncError(f"The server refused the change feed: {exc.message}") from exc
            page = wire.require_keys(
                data, "changes", "next_since", "has_more", what="the change feed"
            )
            changes, next_since = page["changes"], page["next_since"]
            if (
                not isinstance(changes, list)
                or not isinstance(next_since, int)
                or next_since < since
            ):
                raise ProtocolError("the change feed page is malformed")
            departed = [str(item["id"]) for item in changes if _is_departure(item)]
            parsed = [self._parse_change(item) for item in changes if not _is_departure(item)]
            parents = self._missing_parents(parsed)
            with self._db.write() as uow:
                session = uow.session
                users = UserMap(session, self._account_names)
                touched: set[str] = set()
                ordered = [*parents, *sorted(parsed, key=lambda c: c[0] != Entity.BENEFICIARY)]
                known = self._load_records(session, [(item[0], item[1]) for item in ordered])
                for item in ordered:
                    if self._apply_pulled(session, users, item, report, full=full, known=known):
                        report.received += 1
                    if item[0] == Entity.CASE_SESSION and not item[3]:
                        touched.add(item[4]["beneficiary_id"])
                    seen.add((item[0].value, item[1]))
                for beneficiary_id in departed:
                    if self._departed(session, beneficiary_id, report):
                        report.received += 1
                for beneficiary_id in touched:
                    refresh_next_follow_up(session, beneficiary_id)
                set_state(session, self.cursor_key, str(next_since))
                uow.commit()
            self._progress(report.received, report.received, "receiving")
            since = next_since
            if not page["has_more"]:
                return seen

    @staticmethod
    def _parse_change(item: Any) -> tuple[Entity, str, int, bool, dict[str, Any]]:
        item = wire.require_keys(
            item, "entity", "id", "version", "deleted", "data", what="a change"
        )
        try:
            entity = Entity(item["entity"])
        except ValueError:
            raise ProtocolError("a change names an unknown entity") from None
        if entity not in ROW_TYPES or not isinstance(item["version"], int):
            raise ProtocolError("a change names an unknown entity or has no version")
        deleted = bool(item["deleted"])
        values = {} if deleted else wire.from_wire(entity, item["data"])
        return entity, str(item["id"]), item["version"], deleted, values

    def _missing_parents(self, parsed: list) -> list:
        """Sessions whose beneficiary is neither here nor on this page: fetch the parent."""
        on_page = {item[1] for item in parsed if item[0] == Entity.BENEFICIARY}
        wanted = {
            item[4]["beneficiary_id"]
            for item in parsed
            if item[0] == Entity.CASE_SESSION and not item[3]
        } - on_page
        if not wanted:
            return []
        with self._db.read() as uow:
            present = set(
                uow.session.execute(
                    select(BeneficiaryRow.id).where(BeneficiaryRow.id.in_(wanted))
                ).scalars()
            )
        parents = []
        for beneficiary_id in sorted(wanted - present):
            data = self._client.request("GET", f"/api/beneficiaries/{beneficiary_id}")
            data = wire.require_keys(data, "version", what="a beneficiary")
            parents.append(
                (
                    Entity.BENEFICIARY,
                    beneficiary_id,
                    data["version"],
                    bool(data.get("deleted")),
                    wire.from_wire(Entity.BENEFICIARY, data),
                )
            )
        return parents

    def _apply_pulled(
        self,
        session: Session,
        users: UserMap,
        item: tuple[Entity, str, int, bool, dict[str, Any]],
        report: SyncReport,
        *,
        full: bool = False,
        known: dict[tuple[Entity, str], Any] | None = None,
    ) -> bool:
        entity, record_id, version, deleted, values = item
        record = self._known_record(session, known or {}, entity, record_id)
        held = None if record is None else record.server_version
        if held is not None and (held == version or (held > version and not full)):
            return False
        pending = session.execute(
            select(OutboxRow.id).where(
                OutboxRow.entity == entity.value, OutboxRow.entity_id == record_id
            )
        ).first()
        if deleted:
            if record is None or (record.deleted_at is not None and pending is None):
                if record is not None:
                    record.server_version = version
                return False
            self._deleted_on_server(
                session, entity, record, version, report, had_local_changes=pending is not None
            )
            return True
        if pending is not None:
            return False  # unsent local changes win until the push settles them
        now = utcnow()
        if record is None:
            row_type = ROW_TYPES[entity]
            record = row_type(
                id=record_id,
                created_at=now,
                created_by=self._actor.id,
                version=0,
            )
            old: dict[str, Any] = {}
            action = "sync_create"
        else:
            old = local_canonical(entity, record, users)
            action = "sync_update"
        self._write_fields(session, users, entity, record, values)
        session.add(record)
        record.version = (record.version or 0) + 1
        record.updated_at = now
        record.updated_by = record.updated_by or self._actor.id
        record.server_version = version
        record.sync_status = SyncStatus.SYNCED.value
        record.sync_error = None
        record.deleted_at = None
        session.flush()
        self._set_base(session, entity, record_id, version, values)
        record_audit(
            session,
            user_id=None,
            action=action,
            entity=entity.value,
            entity_id=record_id,
            changes=diff(old, values) if old else {"version": [None, version]},
        )
        return True

    def _write_fields(
        self, session: Session, users: UserMap, entity: Entity, record: Any, values: dict[str, Any]
    ) -> None:
        from datetime import date, datetime

        for name in wire.FIELDS[entity]:
            value = values.get(name)
            if name == "caseworker_id":
                current = getattr(record, "caseworker_id", None)
                value = users.local_for(session, value, current or self._actor.id)
            elif name in wire.DATE_FIELDS and value is not None:
                value = date.fromisoformat(value)
            elif name in wire.DATETIME_FIELDS and value is not None:
                value = datetime.fromisoformat(value)
            elif name in wire.TEXT_FIELDS:
                value = value or ""
            setattr(record, name, value)
        flag_problems(entity, record)

    # -- verification ----------------------------------------------------------------

    def verify(self, report: SyncReport) -> None:
        """Counts and a digest of (id, version) per entity, compared with the server's.

        Records held back by a conflict (and those held with them) differ from the
        server's on purpose until a supervisor decides: they are counted in
        ``report.waiting`` and enter the comparison at the version the server holds, so
        only a real difference is reported as one.
        """
        data = self._client.request("GET", "/api/sync/digest")
        entities = wire.require_keys(data, "entities", what="the digest")["entities"]
        with self._db.read() as uow:
            pairs = self._local_pairs(uow.session)
            held = held_back(uow.session, self._owners(uow.session))
        if held:
            on_server = self._server_versions(held)
            held_ids = {(h.entity.value, h.entity_id) for h in held}
            for entity, entity_pairs in pairs.items():
                entity_pairs[:] = [p for p in entity_pairs if (entity, p[0]) not in held_ids]
            for (entity, record_id), version in on_server.items():
                pairs[entity].append((record_id, version))
            report.waiting = len(held)
            report.warnings.append(
                waiting_text(len(held)) + "; the other changes were synced. "
                "Supervisors resolve conflicts in the Sync panel."
            )
            log.info("%d record(s) wait for a conflict's decision", len(held))
        local = {entity: _digest(entity_pairs) for entity, entity_pairs in pairs.items()}
        mismatched = [
            entity
            for entity, ours in local.items()
            if not isinstance(entities, dict) or entities.get(entity) != ours
        ]
        report.digest_ok = not mismatched
        if mismatched:
            report.warnings.append(
                "The records here differ from the server's ("
                + ", ".join(mismatched)
                + "). Run a full resync; unsent changes are kept."
            )
            log.warning("digest mismatch after sync: %s", ", ".join(mismatched))

    def _owners(self, session: Session) -> list[str] | None:
        """Local users whose records this account syncs; None: every record (supervisors)."""
        if self._server_role in (Role.SUPERVISOR.value, Role.ADMIN.value):
            return None
        return list(
            session.execute(
                select(UserRow.id).where(UserRow.server_user_id == self._server_user_id)
            ).scalars()
        )

    def _server_versions(self, held: list[Held]) -> dict[tuple[str, str], int]:
        """The server's versions of held records that are live there (absent: deleted).

        One request per held beneficiary and per beneficiary of held sessions; beyond
        HELD_FETCH_LIMIT requests the versions last seen here are used instead.
        """
        wanted_sessions: dict[str, set[str]] = {}
        wanted_beneficiaries: set[str] = set()
        for h in held:
            if h.entity == Entity.BENEFICIARY:
                wanted_beneficiaries.add(h.entity_id)
            else:
                wanted_sessions.setdefault(h.beneficiary_id, set()).add(h.entity_id)
        found: dict[tuple[str, str], int] = {}
        if len(wanted_beneficiaries) + len(wanted_sessions) > HELD_FETCH_LIMIT:
            with self._db.read() as uow:
                for h in held:
                    row = self._record(uow.session, h.entity, h.entity_id)
                    if row is not None and row.server_version is not None:
                        found[(h.entity.value, h.entity_id)] = row.server_version
            return found
        for beneficiary_id in sorted(wanted_beneficiaries):
            self._check_cancel()
            try:
                data = self._client.request("GET", f"/api/beneficiaries/{beneficiary_id}")
            except ApiFailure as exc:
                if exc.status in (403, 404):
                    continue  # deleted on the server, or no longer this account's
                raise SyncError(f"The server refused a record check: {exc.message}") from exc
            data = wire.require_keys(data, "version", what="a beneficiary")
            if not data.get("deleted"):
                found[(Entity.BENEFICIARY.value, beneficiary_id)] = data["version"]
        for beneficiary_id, session_ids in sorted(wanted_sessions.items()):
            self._check_cancel()
            try:
                listed = self._client.request(
                    "GET", f"/api/beneficiaries/{beneficiary_id}/sessions"
                )
            except ApiFailure as exc:
                if exc.status in (403, 404):
                    continue
                raise SyncError(f"The server refused a record check: {exc.message}") from exc
            if not isinstance(listed, list):
                raise ProtocolError("the session list is not a list")
            for item in listed:
                item = wire.require_keys(item, "id", "version", what="a session")
                if item["id"] in session_ids and not item.get("deleted"):
                    found[(Entity.CASE_SESSION.value, item["id"])] = item["version"]
        return found

    def local_digest(self) -> dict[str, dict[str, Any]]:
        with self._db.read() as uow:
            pairs = self._local_pairs(uow.session)
        return {entity: _digest(entity_pairs) for entity, entity_pairs in pairs.items()}

    def _local_pairs(self, session: Session) -> dict[str, list[tuple[str, int]]]:
        """(id, server version) of the synced live records this account's digest covers."""
        owners = None
        if self._server_role not in (Role.SUPERVISOR.value, Role.ADMIN.value):
            owners = select(UserRow.id).where(UserRow.server_user_id == self._server_user_id)
        beneficiaries = select(BeneficiaryRow.id, BeneficiaryRow.server_version).where(
            BeneficiaryRow.server_version.is_not(None), BeneficiaryRow.deleted_at.is_(None)
        )
        case_sessions = (
            select(CaseSessionRow.id, CaseSessionRow.server_version)
            .join(BeneficiaryRow, BeneficiaryRow.id == CaseSessionRow.beneficiary_id)
            .where(
                CaseSessionRow.server_version.is_not(None),
                CaseSessionRow.deleted_at.is_(None),
                BeneficiaryRow.deleted_at.is_(None),
            )
        )
        if owners is not None:
            beneficiaries = beneficiaries.where(BeneficiaryRow.caseworker_id.in_(owners))
            case_sessions = case_sessions.where(BeneficiaryRow.caseworker_id.in_(owners))
        return {
            Entity.BENEFICIARY.value: [tuple(r) for r in session.execute(beneficiaries)],
            Entity.CASE_SESSION.value: [tuple(r) for r in session.execute(case_sessions)],
        }

    def full_resync(self, report: SyncReport) -> None:
        """Pull everything again; synced records the server does not have are queued again."""
        seen = self.pull(report, since=0, full=True)
        with self._db.write() as uow:
            session = uow.session
            for entity, row_type in ROW_TYPES.items():
                rows = session.execute(
                    select(row_type).where(
                        row_type.server_version.is_not(None), row_type.deleted_at.is_(None)
                    )
                ).scalars()
                for row in rows:
                    if (entity.value, row.id) in seen:
                        continue
                    has_outbox = session.execute(
                        select(func.count()).where(
                            OutboxRow.entity == entity.value, OutboxRow.entity_id == row.id
                        )
                    ).scalar_one()
                    if has_outbox:
                        continue
                    row.server_version = None
                    row.sync_status = SyncStatus.PENDING.value
                    session.add(
                        OutboxRow(
                            entity=entity.value,
                            entity_id=row.id,
                            op=OutboxOp.RESYNC.value,
                            base_version=None,
                            idempotency_key=new_id(),
                            state="pending",
                            changed_during_upload=False,
                            attempts=0,
                            created_at=utcnow(),
                            updated_at=utcnow(),
                        )
                    )
            uow.commit()

    # -- small helpers -----------------------------------------------------------------

    @staticmethod
    def _record(session: Session, entity: Entity, record_id: str, *, include_deleted: bool = True):
        row_type = ROW_TYPES[entity]
        statement = select(row_type).where(row_type.id == record_id)
        if not include_deleted:
            statement = statement.where(row_type.deleted_at.is_(None))
        return session.execute(statement).scalar_one_or_none()

    @staticmethod
    def _load_records(
        session: Session, pairs: list[tuple[Entity, str]]
    ) -> dict[tuple[Entity, str], Any]:
        """The records of a batch with one `IN` query per entity.

        A record that does not exist maps to None, so that looking it up again costs no
        query; that is only said when every pair is distinct (a record created while the
        batch is applied is then the only one with its key).
        """
        wanted: dict[Entity, set[str]] = {}
        for entity, record_id in pairs:
            wanted.setdefault(entity, set()).add(record_id)
        distinct = len(set(pairs)) == len(pairs)
        found: dict[tuple[Entity, str], Any] = {pair: None for pair in pairs} if distinct else {}
        for entity, ids in wanted.items():
            row_type = ROW_TYPES[entity]
            for chunk in _chunks(sorted(ids)):
                for row in session.execute(
                    select(row_type).where(row_type.id.in_(chunk))
                ).scalars():
                    found[(entity, row.id)] = row
        return found

    @staticmethod
    def _load_plain(
        session: Session, pairs: list[tuple[Entity, str]]
    ) -> dict[tuple[Entity, str], Any]:
        """Like `_load_records`, as plain rows (no ORM objects): for reading, not changing."""
        wanted: dict[Entity, list[str]] = {}
        for entity, record_id in pairs:
            wanted.setdefault(entity, []).append(record_id)
        found: dict[tuple[Entity, str], Any] = {}
        for entity, ids in wanted.items():
            table = ROW_TYPES[entity].__table__
            for chunk in _chunks(ids):
                for row in session.execute(select(table).where(table.c.id.in_(chunk))):
                    found[(entity, row.id)] = row
        return found

    def _known_record(
        self, session: Session, known: dict[tuple[Entity, str], Any], entity: Entity, record_id: str
    ):
        """`_record` (deleted included) answered from `known` while that row is still live."""
        key = (entity, record_id)
        if key in known:
            record = known[key]
            if record is None:
                return None
            if inspect(record).persistent and record not in session.deleted:
                return record
        return self._record(session, entity, record_id)

    @staticmethod
    def _load_outbox(session: Session, outbox_ids: list[int]) -> list[OutboxRow]:
        rows: list[OutboxRow] = []
        for chunk in _chunks(outbox_ids):
            rows.extend(session.execute(select(OutboxRow).where(OutboxRow.id.in_(chunk))).scalars())
        return rows

    @staticmethod
    def _load_bases(
        session: Session, pairs: list[tuple[Entity, str]]
    ) -> dict[tuple[str, str], SyncBaseRow | None] | None:
        """Base rows by key, None for missing ones; None when a record appears twice."""
        if len(set(pairs)) != len(pairs):
            return None
        wanted: dict[str, list[str]] = {}
        for entity, record_id in pairs:
            wanted.setdefault(entity.value, []).append(record_id)
        bases: dict[tuple[str, str], SyncBaseRow | None] = {
            (entity.value, record_id): None for entity, record_id in pairs
        }
        for entity, ids in wanted.items():
            for chunk in _chunks(ids):
                rows = session.execute(
                    select(SyncBaseRow).where(
                        SyncBaseRow.entity == entity, SyncBaseRow.entity_id.in_(chunk)
                    )
                ).scalars()
                for row in rows:
                    bases[(row.entity, row.entity_id)] = row
        return bases

    @staticmethod
    def _set_base(
        session: Session,
        entity: Entity,
        record_id: str,
        version: int,
        values: dict[str, Any],
        *,
        known: dict[tuple[str, str], SyncBaseRow | None] | None = None,
    ) -> None:
        key = (entity.value, record_id)
        row = known.get(key, False) if known is not None else False
        if row is False or (
            row is not None and (not inspect(row).persistent or row in session.deleted)
        ):
            row = session.get(SyncBaseRow, key)
        if row is None:
            row = SyncBaseRow(
                entity=entity.value,
                entity_id=record_id,
                version=version,
                data=wire.dumps(values),
            )
            session.add(row)
            if known is not None:
                known[key] = row
        else:
            row.version = version
            row.data = wire.dumps(values)

    @staticmethod
    def _set_record_status(
        session: Session, entity: str, record_id: str, status: SyncStatus, error: str | None = None
    ) -> None:
        row_type = ROW_TYPES[Entity(entity)]
        session.execute(
            update(row_type)
            .where(row_type.id == record_id, row_type.sync_status != SyncStatus.CONFLICT.value)
            .values(sync_status=status.value, sync_error=error)
        )


def _is_departure(item: Any) -> bool:
    """A feed entry saying a beneficiary left this caseworker's caseload (no record data)."""
    return isinstance(item, dict) and item.get("left") is True and isinstance(item.get("id"), str)


def _chunks(ids: list) -> Iterable[list]:
    """``IN`` lists of at most IN_CHUNK values (SQLite's parameter limit stays far away)."""
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start : start + IN_CHUNK]


def _same(left: dict[str, Any], right: dict[str, Any]) -> bool:
    """Equal on every field both sides know (an unknown owner compares equal)."""
    for name in left.keys() | right.keys():
        a, b = left.get(name), right.get(name)
        if name in wire.USER_FIELDS and (a is None or b is None):
            continue
        if a != b:
            return False
    return True
