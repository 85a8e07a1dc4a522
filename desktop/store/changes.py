"""The one write path of a record's bookkeeping: version, audit event, outbox row, next follow-up.

Every change of a beneficiary or a session writes these in its own transaction, through
`record_changes`: the services (one record), the bulk importer (ten thousand a chunk),
the sync's pull (a page) and a supervisor's conflict decision. Each part is one set-based
statement however many records change: their ids and values go to SQLite as one JSON
array, read back by ``json_each``, so a list of one costs what a single-row write costs
and a chunk of an import costs no bind and no statement per row.

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

from desktop.domain.enums import Entity, OutboxOp, OutboxState, SessionStatus, SyncStatus
from desktop.store.tables import (
    AuditEventRow,
    BeneficiaryRow,
    CaseSessionRow,
    OutboxRow,
    utcnow,
)

TABLES = {
    Entity.BENEFICIARY: BeneficiaryRow.__table__,
    Entity.CASE_SESSION: CaseSessionRow.__table__,
}
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
    - a session's change refreshes its beneficiary's next follow-up.

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
    if entity == Entity.CASE_SESSION and stamp is not Stamp.NONE:
        refresh_next_follow_up(session, (c.beneficiary_id for c in changes))
    if written and isinstance(session, Session):
        _forget(session, entity, changes, written)


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
            texts[key] = json.dumps(fields or {}, ensure_ascii=False, sort_keys=True)
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
    row_type = BeneficiaryRow if entity == Entity.BENEFICIARY else CaseSessionRow
    ids = {change.entity_id for change in changes}
    for record in list(session.identity_map.values()):
        if type(record) is row_type and record.id in ids:
            session.expire(record, columns)


def refresh_next_follow_up(
    session: Session | Connection, beneficiary_ids: Iterable[str | None]
) -> None:
    """Each beneficiary's next follow-up: that of its latest live, not cancelled session.

    The one rule for the derived column, kept by every session change (`record_changes`)
    and by a session deleted on the server.
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
        "SELECT s.follow_up_on FROM case_sessions AS s "
        "WHERE s.beneficiary_id = value AND s.deleted_at IS NULL "
        f"AND s.status != '{SessionStatus.CANCELLED.value}' "
        "ORDER BY s.starts_at DESC LIMIT 1) FROM json_each(:ids)) "
        "UPDATE beneficiaries SET next_follow_up_on = latest.follow_up_on FROM latest "
        "WHERE beneficiaries.id = latest.id "
        "AND beneficiaries.next_follow_up_on IS NOT latest.follow_up_on",
        {"ids": json.dumps(sorted(wanted))},
    )
    if isinstance(session, Session):
        for record in list(session.identity_map.values()):
            if type(record) is BeneficiaryRow and record.id in wanted:
                session.expire(record, ["next_follow_up_on"])


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
