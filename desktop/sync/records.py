"""Local records as sync sees them: batched loading, canonical values, owners, base copies."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, inspect, select, update
from sqlalchemy.orm import Session

from desktop.domain import forms
from desktop.domain.enums import Entity, Role, SyncStatus
from desktop.domain.validation import username_key
from desktop.services.forms import definitions_in, read_stored, stored_text
from desktop.services.record_checks import flag_problems
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    HouseholdLinkRow,
    ReferralRow,
    SyncBaseRow,
    TaskRow,
    TransferRow,
    UserRow,
    new_id,
    utcnow,
)
from desktop.sync import wire

ROW_TYPES = {
    Entity.BENEFICIARY: BeneficiaryRow,
    Entity.CASE_SESSION: CaseSessionRow,
    Entity.TASK: TaskRow,
    Entity.HOUSEHOLD_LINK: HouseholdLinkRow,
    Entity.REFERRAL: ReferralRow,
    Entity.TRANSFER: TransferRow,
}
IN_CHUNK = 500


def in_ids(column: Any, ids: Iterable[str]) -> Any:
    """``column IN ids`` with the ids as one JSON parameter (``json_each``): a page's
    lookups bind one value, not one per id (and need no chunks)."""
    listed = func.json_each(json.dumps(list(ids))).table_valued("value")
    return column.in_(select(listed.c.value))


def set_each(
    session: Session, table: Any, pairs: list[tuple[str, Any]], column: str, **values: Any
) -> None:
    """``column`` set per row (``pairs``: id and its value) and ``values`` for every one of
    them: one statement whatever the number of rows (their pairs as one JSON list read by
    ``json_each``), not one bound row per record."""
    if not pairs:
        return
    sets = "".join(f", {name} = :{name}" for name in values)
    session.connection().exec_driver_sql(
        f"UPDATE {table.name} SET {column} = j.value ->> 1{sets} "
        f"FROM json_each(:pairs) AS j WHERE {table.name}.id = j.value ->> 0",
        {"pairs": json.dumps(pairs), **values},
    )


# A base row as a tuple in the table's column order (entity, entity_id, version, data).
BASE_COLUMNS = tuple(column.name for column in SyncBaseRow.__table__.columns)
_REPLACE_BASE = (
    f"INSERT OR REPLACE INTO {SyncBaseRow.__tablename__} ({', '.join(BASE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _column in BASE_COLUMNS)})"
)


def replace_bases(session: Session, rows: list[tuple[str, str, int, str]]) -> None:
    """Base copies (tuples in BASE_COLUMNS' order) in one executemany: plain text and
    integers, nothing for Core's per-row parameter processing."""
    if rows:
        session.connection().exec_driver_sql(_REPLACE_BASE, rows)


def chunks(ids: list) -> Iterable[list]:
    """``IN`` lists of at most IN_CHUNK values (SQLite's parameter limit stays far away)."""
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start : start + IN_CHUNK]


class UserMap:
    """Local user ids ↔ server user ids; unknown server users get an inactive placeholder.

    A local user without a server account maps to nothing: their records are held back
    (`desktop.sync.push`), never sent without an owner for the server to fill in.
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
    # Every field naming a person (the owner; a referral's consent recorder) is mapped.
    for name in wire.USER_FIELDS & values.keys():
        values[name] = users.to_server.get(values[name])
    values[wire.CUSTOM] = read_stored(row.custom)
    return wire.canonical(entity, values)


_USER, _TEXT = "user", "text"


def _how_written(name: str) -> Any:
    if name in wire.USER_FIELDS:
        return _USER
    if name in wire.DATE_FIELDS:
        return date.fromisoformat
    if name in wire.DATETIME_FIELDS:
        return datetime.fromisoformat
    return _TEXT if name in wire.TEXT_FIELDS else None


# Per record kind, each field and how its canonical value is written (worked out once:
# write_fields runs for every pulled record).
_WRITE_PLAN = {
    entity: tuple((name, _how_written(name)) for name in names)
    for entity, names in wire.FIELDS.items()
}


def write_fields(
    session: Session,
    users: UserMap,
    entity: Entity,
    record: Any,
    values: dict[str, Any],
    *,
    fallback_owner: str,
) -> None:
    """Canonical values into the ORM record; an unknown owner becomes ``fallback_owner``."""
    get = values.get
    for name, how in _WRITE_PLAN[entity]:
        value = get(name)
        if how is None:
            pass
        elif how is _USER:
            current = getattr(record, name, None)
            value = users.local_for(session, value, current or fallback_owner)
        elif how is _TEXT:
            value = value or ""
        elif value is not None:
            value = how(value)  # a date's or a time's ISO text
        setattr(record, name, value)
    store_custom(session, entity, record, wire.custom_values(values))
    flag_problems(entity, record)  # what breaks a local rule is kept, and flagged


def store_custom(session: Session, entity: Entity, record: Any, values: dict[str, Any]) -> None:
    """A synced record's custom values, kept as they came, known to this laptop's
    definition or not: a value is never lost to an older definition (the form shows it
    read-only, flagged). A beneficiary's search text follows the current definition."""
    record.custom = stored_text(values)
    if entity == Entity.BENEFICIARY:
        record.custom_search = forms.search_text(definitions_in(session).beneficiary, values)


def find(session: Session, entity: Entity, record_id: str, *, include_deleted: bool = True):
    row_type = ROW_TYPES[entity]
    statement = select(row_type).where(row_type.id == record_id)
    if not include_deleted:
        statement = statement.where(row_type.deleted_at.is_(None))
    return session.execute(statement).scalar_one_or_none()


def load_records(
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
        for row in session.execute(select(row_type).where(in_ids(row_type.id, ids))).scalars():
            found[(entity, row.id)] = row
    return found


def load_plain(session: Session, pairs: list[tuple[Entity, str]]) -> dict[tuple[Entity, str], Any]:
    """Like `load_records`, as plain rows (no ORM objects): for reading, not changing."""
    wanted: dict[Entity, list[str]] = {}
    for entity, record_id in pairs:
        wanted.setdefault(entity, []).append(record_id)
    found: dict[tuple[Entity, str], Any] = {}
    for entity, ids in wanted.items():
        table = ROW_TYPES[entity].__table__
        for row in session.execute(select(table).where(in_ids(table.c.id, ids))):
            found[(entity, row.id)] = row
    return found


def known_record(
    session: Session, known: dict[tuple[Entity, str], Any], entity: Entity, record_id: str
):
    """`find` (deleted included) answered from `known` while that row is still live."""
    key = (entity, record_id)
    if key in known:
        record = known[key]
        if record is None:
            return None
        if inspect(record).persistent and record not in session.deleted:
            return record
    return find(session, entity, record_id)


def set_base(
    session: Session,
    entity: Entity,
    record_id: str,
    version: int,
    values: dict[str, Any],
) -> None:
    """Keeps the server's copy at ``version`` as the base of the next three-way merge."""
    row = session.get(SyncBaseRow, (entity.value, record_id))
    if row is None:
        row = SyncBaseRow(
            entity=entity.value,
            entity_id=record_id,
            version=version,
            data=wire.dumps(values),
        )
        session.add(row)
    else:
        row.version = version
        row.data = wire.dumps(values)


def set_record_status(
    session: Session, entity: str, record_id: str, status: SyncStatus, error: str | None = None
) -> None:
    """The record's sync status, unless it is in conflict (only a decision ends that)."""
    row_type = ROW_TYPES[Entity(entity)]
    session.execute(
        update(row_type)
        .where(row_type.id == record_id, row_type.sync_status != SyncStatus.CONFLICT.value)
        .values(sync_status=status.value, sync_error=error)
    )
