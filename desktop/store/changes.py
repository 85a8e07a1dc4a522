"""The one write path of a record's bookkeeping: version, audit event, outbox row, next follow-up.

Every change of a beneficiary, a session or a task writes these in its own transaction, through
`record_changes`: the services (one record), the bulk importer (ten thousand a chunk),
the sync's pull (a page) and a supervisor's conflict decision. Each part is one set-based
statement however many records change: their ids and values go to SQLite as one JSON
array, read back by ``json_each``, so a list of one costs what a single-row write costs
and a chunk of an import costs no bind and no statement per row.

A session's follow-up date is a task (desktop/domain/tasks.py): a local change of sessions
makes, moves or dismisses their tasks here, in the same transaction, as changes of their
own (version, audit, outbox); a beneficiary's next follow-up is its earliest open task's
due date, refreshed by every task change. A pulled session brings no task: its task comes
from the server as a record of its own.

Only this module adds rows to ``audit_events`` and ``outbox`` (tests/desktop/
test_changes.py checks that); an outbox row's later moves (uploading, acknowledged, in
conflict) are the sync's state machine, `desktop.sync.outbox`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from desktop.domain.enums import (
    Entity,
    OutboxOp,
    OutboxState,
    SyncStatus,
    TaskOrigin,
    TaskState,
)
from desktop.domain.tasks import session_task_id, session_wants_task
from desktop.store.tables import (
    AuditEventRow,
    BeneficiaryRow,
    CaseSessionRow,
    HouseholdLinkRow,
    OutboxRow,
    ReferralRow,
    TaskRow,
    TransferRow,
    utcnow,
)

ROW_TYPES: dict[Entity, Any] = {
    Entity.BENEFICIARY: BeneficiaryRow,
    Entity.CASE_SESSION: CaseSessionRow,
    Entity.TASK: TaskRow,
    Entity.HOUSEHOLD_LINK: HouseholdLinkRow,
    Entity.REFERRAL: ReferralRow,
    Entity.TRANSFER: TransferRow,
}
TABLES = {entity: row_type.__table__ for entity, row_type in ROW_TYPES.items()}
AUDIT = AuditEventRow.__tablename__
OUTBOX = OutboxRow.__tablename__
AUDIT_COLUMNS = ("at", "user_id", "action", "entity", "entity_id", "changes")
OUTBOX_COLUMNS = (
    "entity",
    "entity_id",
    "op",
    "base_version",
    "idempotency_key",
    "state",
    "changed_during_upload",
    "attempts",
    "created_at",
    "updated_at",
)


def _require_given(table: Any, names: tuple[str, ...]) -> None:
    """A column with a Python-side default that the SQL below leaves out would be NULL."""
    missing = [c.key for c in table.columns if c.key not in names and c.default is not None]
    if missing:
        raise RuntimeError(f"changes.py must write {table.name}.{', '.join(missing)}")


_require_given(AuditEventRow.__table__, AUDIT_COLUMNS)
_require_given(OutboxRow.__table__, OUTBOX_COLUMNS)


class Change(NamedTuple):
    """One record's change, as its bookkeeping needs it.

    ``fields`` is the audit's ``{field: [old, new]}`` (see `diff`); ``base_version`` the
    server version a new outbox row is based on; ``beneficiary_id`` (a session's) names
    the beneficiary whose next follow-up the session's change may move.
    """

    entity_id: str
    fields: Mapping[str, list[Any]] | None = None
    base_version: int | None = None
    beneficiary_id: str | None = None


class Stamp(Enum):
    """What a change does to the record's own version columns."""

    # The record changed: version + 1, updated at now (and by the actor, if there is one).
    CHANGED = "changed"
    # Just inserted with `first_version` (version 1) and no outbox row yet.
    NEW = "new"
    # An event about the record (kept, hidden, deleted on the server): no new version.
    NONE = "none"


def first_version(actor_id: str, now: datetime) -> dict[str, Any]:
    """The version columns of a record made here: what `Stamp.NEW` expects to find."""
    return {
        "created_at": now,
        "created_by": actor_id,
        "updated_at": now,
        "updated_by": actor_id,
        "version": 1,
        "sync_status": SyncStatus.PENDING.value,
    }


def stored(value: Any) -> Any:
    """A date or time as SQLAlchemy's SQLite types store it (for SQL written by hand)."""
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def new_ids(count: int, *, time_ordered: bool = False) -> list[str]:
    """``count`` UUIDs as text from one ``os.urandom`` call: random (version 4), or version 7.

    ``uuid4()`` builds a UUID object per id, five times the cost of this. Version 7 ids
    (RFC 9562) start with the time in milliseconds and keep 74 random bits, so they are as
    unique as version 4 ones; returned sorted, they reach the end of the id indexes in
    order instead of touching a random page of each index per row. The ids of one call
    share one time stamp and the next call's is later.
    """
    raw = bytearray(os.urandom(16 * count))
    version = 0x40
    if time_ordered:
        version = 0x70
        stamp = (time.time_ns() // 1_000_000).to_bytes(6, "big")
        for position in range(6):
            raw[position::16] = stamp[position : position + 1] * count
    raw[6::16] = bytes(byte & 0x0F | version for byte in raw[6::16])
    raw[8::16] = bytes(byte & 0x3F | 0x80 for byte in raw[8::16])  # RFC 4122 variant
    hexed = raw.hex()
    ids = [
        f"{hexed[i : i + 8]}-{hexed[i + 8 : i + 12]}-{hexed[i + 12 : i + 16]}-"
        f"{hexed[i + 16 : i + 20]}-{hexed[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]
    if time_ordered:
        ids.sort()
    return ids


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed (JSON-ready)."""
    changes: dict[str, list[Any]] = {}
    for field, value in new.items():
        before = _plain(old.get(field))
        after = _plain(value)
        if before != after:
            changes[field] = [before, after]
    return changes


def record_changes(
    session: Session | Connection,
    entity: Entity | str,
    changes: Sequence[Change],
    *,
    action: str,
    actor_id: str | None,
    now: datetime | None = None,
    stamp: Stamp = Stamp.CHANGED,
    status: SyncStatus | None = None,
    outbox: OutboxOp | None = None,
) -> None:
    """The bookkeeping of ``changes`` (distinct records of one kind), in the caller's transaction.

    - ``stamp``: the records' version columns (see `Stamp`); ``actor_id`` None (the sync)
      leaves ``updated_by`` as it was.
    - ``status``: with `Stamp.CHANGED`, the records' sync status after the change (a
      new record's is in `first_version`); PENDING (a change to send) leaves a record
      in conflict as it is, since only a supervisor's decision ends that.
    - one audit event each: ``action`` by ``actor_id`` with the change's ``fields``.
    - ``outbox``: queues each record with that operation, merged into its unsent row
      (see `_enqueue`).
    - a local session change (``outbox`` given) makes, moves or dismisses its task
      (`_follow_session_tasks`); a task's change refreshes its beneficiary's next follow-up.

    A `Session` is flushed first, so the ORM's pending writes come before these
    statements; the ORM objects of these records forget the columns written here and
    load them again when next read.
    """
    if not changes:
        return
    entity = Entity(entity)
    now = now or utcnow()
    if isinstance(session, Session):
        session.flush()
        connection = session.connection()
    else:
        connection = session
    at = stored(now)
    written: list[str] = []
    if stamp is Stamp.CHANGED:
        written = _bump(connection, entity, changes, at, actor_id, status)
    _audit(connection, entity.value, changes, at, actor_id, action)
    if outbox is not None:
        _enqueue(connection, entity, changes, at, outbox, merge=stamp is not Stamp.NEW)
    if written and isinstance(session, Session):
        _forget(session, entity, changes, written)
    if entity == Entity.CASE_SESSION and stamp is not Stamp.NONE and outbox is not None:
        # A task made with new sessions is written as they are (an import's is "import").
        made_as = action if stamp is Stamp.NEW else "create"
        _follow_session_tasks(session, connection, changes, now, actor_id, made_as)
    if entity == Entity.TASK and stamp is not Stamp.NONE:
        refresh_next_follow_up(session, (c.beneficiary_id for c in changes))


def _ids(changes: Sequence[Change]) -> str:
    return json.dumps([change.entity_id for change in changes])


def _status_sql(status: SyncStatus) -> tuple[str, dict[str, Any]]:
    if status is SyncStatus.PENDING:
        conflict = SyncStatus.CONFLICT.value
        return (
            f"sync_status = CASE WHEN sync_status = '{conflict}' THEN sync_status "
            "ELSE :status END, "
            f"sync_error = CASE WHEN sync_status = '{conflict}' THEN sync_error ELSE NULL END",
            {"status": status.value},
        )
    return "sync_status = :status, sync_error = NULL", {"status": status.value}


def _bump(
    connection: Connection,
    entity: Entity,
    changes: Sequence[Change],
    at: str,
    actor_id: str | None,
    status: SyncStatus | None,
) -> list[str]:
    """version + 1, updated at and by; returns the columns written."""
    table = TABLES[entity].name
    sets = "version = version + 1, updated_at = :at, updated_by = coalesce(:by, updated_by)"
    params: dict[str, Any] = {"at": at, "by": actor_id, "ids": _ids(changes)}
    columns = ["version", "updated_at", "updated_by"]
    if status is not None:
        status_sets, status_params = _status_sql(status)
        sets += ", " + status_sets
        params.update(status_params)
        columns += ["sync_status", "sync_error"]
    connection.exec_driver_sql(
        f"UPDATE {table} SET {sets} WHERE id IN (SELECT value FROM json_each(:ids))", params
    )
    return columns


# An audit event's fields as stored; made once (json.dumps builds an encoder per call
# when given options, and a pulled page has an event per record).
_FIELDS_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _audit(
    connection: Connection,
    entity: str,
    changes: Sequence[Change],
    at: str,
    actor_id: str | None,
    action: str,
) -> None:
    """One event per change, in the order given."""
    texts: dict[int, str] = {}  # one dump per distinct fields object (an import shares one)

    def text(fields: Mapping[str, list[Any]] | None) -> str:
        key = id(fields)
        if key not in texts:
            texts[key] = _FIELDS_TEXT(fields or {})
        return texts[key]

    if len({id(change.fields) for change in changes}) == 1:
        connection.exec_driver_sql(
            f"INSERT INTO {AUDIT} ({', '.join(AUDIT_COLUMNS)}) "
            "SELECT :at, :by, :action, :entity, value, :changes FROM json_each(:ids)",
            {
                "at": at,
                "by": actor_id,
                "action": action,
                "entity": entity,
                "changes": text(changes[0].fields),
                "ids": _ids(changes),
            },
        )
        return
    rows = json.dumps([[change.entity_id, text(change.fields)] for change in changes])
    connection.exec_driver_sql(
        f"INSERT INTO {AUDIT} ({', '.join(AUDIT_COLUMNS)}) "
        "SELECT :at, :by, :action, :entity, value ->> 0, value ->> 1 FROM json_each(:rows)",
        {"at": at, "by": actor_id, "action": action, "entity": entity, "rows": rows},
    )


def _enqueue(
    connection: Connection,
    entity: Entity,
    changes: Sequence[Change],
    at: str,
    op: OutboxOp,
    *,
    merge: bool,
) -> None:
    """Adds or merges each record's outbox row.

    Repeated edits of an unsent record keep one row (based on the version its first
    unsent change was made on). A row already sent once gets a new idempotency key,
    because its payload changes; a row being uploaded is marked so that the
    acknowledgement of the older payload leaves it pending; a row the server refused goes
    back to pending, as the user changed the record; a queued delete stays a delete.
    Without ``merge`` (records just made) the rows are only inserted.
    """
    keys = new_ids(len(changes))
    ids = [change.entity_id for change in changes]
    bases = [change.base_version for change in changes]
    keyed = json.dumps(list(zip(ids, keys, bases, strict=True)))
    params = {"entity": entity.value, "op": op.value, "at": at, "keyed": keyed}
    if merge:
        uploading, error = OutboxState.UPLOADING.value, OutboxState.ERROR.value
        connection.exec_driver_sql(
            f"UPDATE {OUTBOX} SET updated_at = :at, last_error = NULL, next_attempt_at = NULL, "
            f"op = CASE WHEN op = '{OutboxOp.DELETE.value}' THEN op ELSE :op END, "
            f"changed_during_upload = CASE WHEN state = '{uploading}' THEN 1 "
            "ELSE changed_during_upload END, "
            f"idempotency_key = CASE WHEN state != '{uploading}' AND attempts > 0 "
            "THEN k.value ->> 1 ELSE idempotency_key END, "
            f"attempts = CASE WHEN state != '{uploading}' AND attempts > 0 THEN 0 "
            "ELSE attempts END, "
            f"state = CASE WHEN state = '{error}' THEN '{OutboxState.PENDING.value}' "
            "ELSE state END "
            f"FROM json_each(:keyed) AS k "
            f"WHERE {OUTBOX}.entity = :entity AND {OUTBOX}.entity_id = k.value ->> 0",
            params,
        )
    missing = (
        f"WHERE NOT EXISTS (SELECT 1 FROM {OUTBOX} AS o "
        "WHERE o.entity = :entity AND o.entity_id = k.value ->> 0)"
        if merge
        else ""
    )
    connection.exec_driver_sql(
        f"INSERT INTO {OUTBOX} ({', '.join(OUTBOX_COLUMNS)}) "
        "SELECT :entity, k.value ->> 0, :op, k.value ->> 2, k.value ->> 1, "
        f"'{OutboxState.PENDING.value}', 0, 0, :at, :at FROM json_each(:keyed) AS k {missing}",
        params,
    )


def _forget(
    session: Session, entity: Entity, changes: Sequence[Change], columns: list[str]
) -> None:
    """The session's objects of these records load the columns written by SQL again."""
    row_type = ROW_TYPES[entity]
    ids = {change.entity_id for change in changes}
    for record in list(session.identity_map.values()):
        if type(record) is row_type and record.id in ids:
            session.expire(record, columns)


def refresh_next_follow_up(
    session: Session | Connection, beneficiary_ids: Iterable[str | None]
) -> None:
    """Each beneficiary's next follow-up: the earliest due date of its live open tasks.

    The one rule for the derived column, kept by every task change (`record_changes`)
    and by a record deleted on the server. A task done or dismissed is no longer due.
    """
    wanted = {bid for bid in beneficiary_ids if bid}
    if not wanted:
        return
    if isinstance(session, Session):
        session.flush()
        connection = session.connection()
    else:
        connection = session
    # Each value is worked out once; a row whose value stays (a new record's NULL, most
    # often) is not written again.
    connection.exec_driver_sql(
        "WITH latest(id, follow_up_on) AS (SELECT value, ("
        "SELECT min(t.due_on) FROM tasks AS t "
        "WHERE t.beneficiary_id = value AND t.deleted_at IS NULL "
        f"AND t.state = '{TaskState.OPEN.value}') FROM json_each(:ids)) "
        "UPDATE beneficiaries SET next_follow_up_on = latest.follow_up_on FROM latest "
        "WHERE beneficiaries.id = latest.id "
        "AND beneficiaries.next_follow_up_on IS NOT latest.follow_up_on",
        {"ids": json.dumps(sorted(wanted))},
    )
    if isinstance(session, Session):
        for record in list(session.identity_map.values()):
            if type(record) is BeneficiaryRow and record.id in wanted:
                session.expire(record, ["next_follow_up_on"])


TASK_INSERT_COLUMNS = (
    "id",
    "beneficiary_id",
    "caseworker_id",
    "due_on",
    "title",
    "origin",
    "case_session_id",
    "state",
    "done_note",
    "dismissed_reason",
    "custom",
    "form_version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "version",
    "sync_status",
)
_require_given(TaskRow.__table__, TASK_INSERT_COLUMNS)


def _follow_session_tasks(
    session: Session | Connection,
    connection: Connection,
    changes: Sequence[Change],
    now: datetime,
    actor_id: str | None,
    made_as: str,
) -> None:
    """Each changed session's task as its follow-up date asks (domain/tasks.py): made
    (open, due that day, assigned to the beneficiary's caseworker), moved (and open
    again: a new date is a new follow-up), or dismissed with the reason; every task
    change goes through `record_changes` as the task's own (version, audit, outbox)."""
    at = stored(now)
    rows = connection.exec_driver_sql(
        "SELECT s.id, s.beneficiary_id, s.status, s.deleted_at IS NOT NULL, s.follow_up_on, "
        "b.caseworker_id, t.id, t.due_on, t.state, t.dismissed_reason, t.server_version, "
        "t.deleted_at IS NOT NULL "
        "FROM json_each(:ids) AS j JOIN case_sessions AS s ON s.id = j.value "
        "JOIN beneficiaries AS b ON b.id = s.beneficiary_id "
        "LEFT JOIN tasks AS t ON t.case_session_id = s.id",
        {"ids": _ids(changes)},
    ).all()
    made: list[list[Any]] = []
    made_changes: list[Change] = []
    moved: list[list[Any]] = []
    moved_changes: list[Change] = []
    open_ = TaskState.OPEN.value
    for sid, bid, status, deleted, follow_up, owner, tid, due, state, reason, base, gone in rows:
        dismissal = session_wants_task(status, bool(deleted), follow_up)
        if tid is None:
            if dismissal is None:
                tid = session_task_id(sid)
                made.append([tid, bid, owner, follow_up, sid])
                made_changes.append(
                    Change(tid, {"due_on": [None, follow_up], "state": [None, open_]}, None, bid)
                )
            continue
        if gone:
            continue  # deleted by a supervisor: the session does not bring it back
        if dismissal is None and (due != follow_up or state != open_):
            fields = diff(
                {"due_on": due, "state": state, "dismissed_reason": reason},
                {"due_on": follow_up, "state": open_, "dismissed_reason": ""},
            )
            moved.append([tid, follow_up, open_, ""])
        elif dismissal is not None and state == open_:
            fields = {
                "state": [state, TaskState.DISMISSED.value],
                "dismissed_reason": [reason, dismissal],
            }
            moved.append([tid, due, TaskState.DISMISSED.value, dismissal])
        else:
            continue
        moved_changes.append(Change(tid, fields, base, bid))
    if made:
        connection.exec_driver_sql(
            f"INSERT INTO tasks ({', '.join(TASK_INSERT_COLUMNS)}) "
            "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, '', :origin, "
            "value ->> 4, :open, '', '', '{}', 0, :at, :by, :at, :by, 1, :pending "
            "FROM json_each(:rows)",
            {
                "rows": json.dumps(made),
                "origin": TaskOrigin.SESSION.value,
                "open": open_,
                "at": at,
                "by": actor_id or "",
                "pending": SyncStatus.PENDING.value,
            },
        )
        record_changes(
            session,
            Entity.TASK,
            made_changes,
            action=made_as,
            actor_id=actor_id,
            now=now,
            stamp=Stamp.NEW,
            outbox=OutboxOp.UPSERT,
        )
    if moved:
        connection.exec_driver_sql(
            "UPDATE tasks SET due_on = j.value ->> 1, state = j.value ->> 2, "
            "dismissed_reason = j.value ->> 3 "
            "FROM json_each(:rows) AS j WHERE tasks.id = j.value ->> 0",
            {"rows": json.dumps(moved)},
        )
        if isinstance(session, Session):
            _forget(session, Entity.TASK, moved_changes, ["due_on", "state", "dismissed_reason"])
        record_changes(
            session,
            Entity.TASK,
            moved_changes,
            action="update",
            actor_id=actor_id,
            now=now,
            status=SyncStatus.PENDING,
            outbox=OutboxOp.UPSERT,
        )


# -- one row: the records of other kinds (users, the device) and single events ---------


def record_audit(
    session: Session,
    *,
    user_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
    changes: dict[str, list[Any]] | None = None,
) -> None:
    """One audit event that is not a record's change (a user account, a link, a check)."""
    session.flush()
    _audit(
        session.connection(),
        str(entity),
        [Change(entity_id, changes)],
        stored(utcnow()),
        user_id,
        action,
    )


def enqueue(
    session: Session,
    *,
    entity: Entity | str,
    entity_id: str,
    op: OutboxOp,
    base_version: int | None,
) -> None:
    """Queues one record without a new version or an audit event (see `enqueue_all`)."""
    enqueue_all(session, entity=entity, ids=[(entity_id, base_version)], op=op)


def enqueue_all(
    session: Session,
    *,
    entity: Entity | str,
    ids: Sequence[tuple[str, int | None]],
    op: OutboxOp,
) -> None:
    """Queues records without a new version or an audit event: a sync's own re-sends.

    ``ids``: (record id, base version) pairs.
    """
    if not ids:
        return
    session.flush()
    _enqueue(
        session.connection(),
        Entity(entity),
        [Change(record_id, base_version=base) for record_id, base in ids],
        stored(utcnow()),
        op,
        merge=True,
    )
