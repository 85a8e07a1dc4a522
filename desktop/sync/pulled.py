"""A pulled page's writes, gathered while its changes are applied and written once.

The change-by-change rules stay in `desktop.sync.pull.apply_pulled`; what they write goes
here and out in bulk at the end of the page, in the page's one transaction (with its
cursor):

- new records: each built on a plain namespace by the same `write_fields` as an
  edited one (owners mapped, custom values kept, problems flagged), then one
  ``executemany`` insert per record kind, parents first, of plain tuples
  (`_insert_plain`);
- base copies (the next three-way merge's base): one ``INSERT OR REPLACE`` executemany;
- versions, audit events and sessions' next follow-ups: one `record_changes` per record
  kind and action (`desktop.store.changes`, the one write path);
- which of the page's records have unsent local changes: one query for the page.

A change that needs the ORM (an update, a delete, a merge) first writes the new records
gathered so far (`flush_new`), so it sees every earlier change of the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop.domain.enums import Entity, SyncStatus
from desktop.store.changes import Change, Stamp, record_changes
from desktop.store.tables import OutboxRow, utcnow
from desktop.sync import wire
from desktop.sync.records import ROW_TYPES, in_ids, replace_bases

# Parents before what links to them (the order of ROW_TYPES).
WRITE_ORDER = tuple(ROW_TYPES)
_COLUMN_KEYS = {
    entity: frozenset(c.key for c in row_type.__table__.columns)
    for entity, row_type in ROW_TYPES.items()
}


@dataclass
class PulledWrites:
    """The bookkeeping of a page's applied changes, written once for the page.

    Grouped by record kind and action, in the order first met: one version bump, one
    audit insert and one follow-up refresh per group (`desktop.store.changes`).
    """

    groups: dict[tuple[Entity, str, Stamp], list[Change]] = field(default_factory=dict)
    # When the page's new records were made here (one clock read per page).
    now: datetime = field(default_factory=utcnow)
    # New records' column values, per kind, not yet inserted.
    new: dict[Entity, list[dict[str, Any]]] = field(default_factory=dict)
    # (entity, id) -> the sync_base row (records.BASE_COLUMNS), by its key.
    bases: dict[tuple[str, str], tuple[str, str, int, str]] = field(default_factory=dict)
    # (entity, id) of the page's records with an outbox row; None: ask per record.
    queued: set[tuple[str, str]] | None = None
    new_ids: set[tuple[Entity, str]] = field(default_factory=set)
    # The audit fields of a record received at a version, one object per version: the
    # page's creation events then share their text (`desktop.store.changes._audit`).
    created_fields: dict[int, dict[str, list[Any]]] = field(default_factory=dict)

    def add(
        self, entity: Entity, action: str, change: Change, stamp: Stamp = Stamp.CHANGED
    ) -> None:
        """``stamp``: NEW for a record inserted here with its first version's columns
        (`add_new`), CHANGED for one the page changed."""
        self.groups.setdefault((entity, action, stamp), []).append(change)

    def created(self, version: int) -> dict[str, list[Any]]:
        """The audit fields of a record received at ``version`` (read, never changed)."""
        fields = self.created_fields.get(version)
        if fields is None:
            fields = self.created_fields[version] = {"version": [None, version]}
        return fields

    def load_queued(self, session: Session, pairs: list[tuple[Entity, str]]) -> None:
        """Which of these records have unsent local changes: one query."""
        ids = {record_id for _entity, record_id in pairs}
        rows = session.execute(
            select(OutboxRow.entity, OutboxRow.entity_id).where(in_ids(OutboxRow.entity_id, ids))
        )
        self.queued = {(entity, record_id) for entity, record_id in rows}

    def has_queued(self, session: Session, entity: Entity, record_id: str) -> bool:
        if self.queued is not None:
            return (entity.value, record_id) in self.queued
        return (
            session.execute(
                select(OutboxRow.id).where(
                    OutboxRow.entity == entity.value, OutboxRow.entity_id == record_id
                )
            ).first()
            is not None
        )

    def outbox_may_change(self) -> None:
        """A delete or a merge may queue records: the page's outbox set is no longer known."""
        self.queued = None

    def add_new(self, entity: Entity, record: Any) -> None:
        """A new record (its column values as attributes), to be inserted with the page."""
        columns = _COLUMN_KEYS[entity]
        self.new_ids.add((entity, record.id))
        self.new.setdefault(entity, []).append(
            {key: value for key, value in vars(record).items() if key in columns}
        )

    def is_new(self, entity: Entity, record_id: str) -> bool:
        return (entity, record_id) in self.new_ids

    def set_base(self, entity: Entity, record_id: str, version: int, values: dict) -> None:
        key = (entity.value, record_id)
        self.bases[key] = (*key, version, wire.dumps(values))

    def flush_new(self, session: Session) -> None:
        """Inserts the new records gathered so far (parents first) and their base copies."""
        if self.new:
            session.flush()  # the ORM's pending writes (a placeholder owner) come first
            for entity in WRITE_ORDER:
                rows = self.new.pop(entity, None)
                if not rows:
                    continue
                table = ROW_TYPES[entity].__table__
                # executemany wants one set of columns; rows differ only in what a
                # field's writer left unset.
                shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
                for row in rows:
                    shapes.setdefault(tuple(row), []).append(row)
                for names, same in shapes.items():
                    _insert_plain(session, table, names, same)
            self.new_ids.clear()
        if self.bases:
            # Plain text and integers: nothing for Core's per-row parameter processing.
            replace_bases(session, list(self.bases.values()))
            self.bases.clear()

    def write(self, session: Session) -> None:
        self.flush_new(session)
        now = utcnow()
        for (entity, action, stamp), changes in self.groups.items():
            record_changes(
                session,
                entity,
                changes,
                action=action,
                actor_id=None,  # the sync: no local user; updated_by stays the last editor
                now=now,
                stamp=stamp,
                status=SyncStatus.SYNCED if stamp is Stamp.CHANGED else None,
            )
        self.groups.clear()


def _insert_plain(
    session: Session, table: Table, names: tuple[str, ...], rows: list[dict[str, Any]]
) -> None:
    """One executemany of ``rows`` (each with exactly the columns ``names``) as tuples.

    What Core's ``insert`` would bind, without its per-row parameter processing (a
    third of a pulled record's write): each column's own bind processor, applied a
    column at a time, and the Python-side defaults of the columns left out, called per
    row as Core calls them. A default made by SQL is left to Core.
    """
    connection = session.connection()
    dialect = connection.dialect
    left_out = [c for c in table.columns if c.key not in names and c.default is not None]
    if any(not (c.default.is_scalar or c.default.is_callable) for c in left_out):
        connection.execute(insert(table), rows)
        return
    columns: list[list[Any]] = [[row[name] for row in rows] for name in names]
    for column in left_out:
        default = column.default
        if default.is_scalar:
            columns.append([default.arg] * len(rows))
        else:
            columns.append([default.arg(None) for _row in rows])
    every = [*(table.c[name] for name in names), *left_out]
    for index, column in enumerate(every):
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            columns[index] = [process(value) for value in columns[index]]
    marks = ", ".join("?" for _column in every)
    statement = f"INSERT INTO {table.name} ({', '.join(c.name for c in every)}) VALUES ({marks})"
    connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))
