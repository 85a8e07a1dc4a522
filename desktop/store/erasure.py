"""Erasure: a record's personal data leaves this laptop, every copy of it, bytes included.

What stays of an erased record: its id, case number (made by the app, not personal),
status, owner, versions, times and tombstone, so that sync still recognises it. Its
personal columns are cleared (and the organisation's own fields marked personal, with
the custom search text), and so are the other places that held its values: the
search index, the audit events' values, the merge base, the outbox and conflicts.
``secure_delete`` (db.py) zeroes the freed space; `drop_erased_bytes` then merges the
search index (old segments still hold the names) and truncates the WAL.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import delete, false, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain import forms, schema
from desktop.domain.enums import Entity
from desktop.domain.forms import RECORD_KINDS
from desktop.store.db import Database
from desktop.store.journal import get_state, scrub_audit_values, set_state
from desktop.store.tables import (
    BeneficiaryRow,
    CaseSessionRow,
    FormDefinitionRow,
    HouseholdLinkRow,
    OutboxRow,
    ReferralRow,
    SyncBaseRow,
    SyncConflictRow,
    TaskRow,
    TransferRow,
)

log = logging.getLogger(__name__)

ROW_TYPES = {
    Entity.BENEFICIARY: BeneficiaryRow,
    Entity.CASE_SESSION: CaseSessionRow,
    Entity.TASK: TaskRow,
    Entity.HOUSEHOLD_LINK: HouseholdLinkRow,
    Entity.REFERRAL: ReferralRow,
    Entity.TRANSFER: TransferRow,
}
# Derived columns that repeat personal data.
DERIVED = {
    Entity.BENEFICIARY: ("next_follow_up_on",),
    Entity.CASE_SESSION: (),
    Entity.TASK: (),
    Entity.HOUSEHOLD_LINK: (),
    Entity.REFERRAL: (),
    Entity.TRANSFER: (),
}
# The declared personal fields (Field.personal) and the columns derived from them.
PERSONAL = {
    entity: (*schema.names(declared, personal=True), *DERIVED[entity])
    for entity, declared in schema.FIELDS.items()
}
# Set in the erasing transaction, cleared once the bytes are gone: a crash in between
# makes the next sync finish the job.
PENDING_KEY = "erasure_bytes_pending"


def blank(entity: Entity, name: str) -> Any:
    """The value an erased column holds: NULL where allowed, else the column's empty default."""
    column = ROW_TYPES[entity].__table__.c[name]
    if column.nullable:
        return None
    if column.default is not None and not callable(column.default.arg):
        return column.default.arg
    return ""


def not_erased(entity: Entity):
    """SQL condition: the row still holds some personal value."""
    columns = ROW_TYPES[entity].__table__.c
    conditions = []
    for name in PERSONAL[entity]:
        empty = blank(entity, name)
        column = columns[name]
        conditions.append(column.is_not(None) if empty is None else column != empty)
    return or_(false(), *conditions)  # a household link holds none


def erase_rows(session: Session, entity: Entity, rows: list[Any]) -> None:
    """Clears these (ORM) rows' personal data and every copy of it in this database."""
    if not rows:
        return
    kept = _kept_custom(session, entity)
    for row in rows:
        for name in PERSONAL[entity]:
            setattr(row, name, blank(entity, name))
        row.custom = _without_personal(row.custom, kept)
        if entity is Entity.BENEFICIARY:
            row.custom_search = ""  # the searchable custom fields' text
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for table, entity_column in (
            (OutboxRow, OutboxRow.entity),
            (SyncBaseRow, SyncBaseRow.entity),
            (SyncConflictRow, SyncConflictRow.entity),
        ):
            session.execute(
                delete(table).where(entity_column == entity.value, table.entity_id.in_(chunk))
            )
    scrub_audit_values(session, ids)
    session.flush()  # the search index's triggers replace the names now
    set_state(session, PENDING_KEY, "1")
    log.info("erased the personal data of %d %s record(s)", len(ids), entity.value)


def _kept_custom(session: Session, entity: Entity) -> frozenset[str]:
    """The custom fields an erasure keeps: those of the latest definition not marked
    personal (retired ones included). A key the definition does not know (written by a
    newer one) may be personal, so it goes. Tasks have no custom fields."""
    if entity not in RECORD_KINDS:
        return frozenset()
    body = session.execute(
        select(FormDefinitionRow.body)
        .where(FormDefinitionRow.version > 0)
        .order_by(FormDefinitionRow.version.desc())
        .limit(1)
    ).scalar()
    if body is None:
        return frozenset()
    kind = RECORD_KINDS[entity]
    return frozenset(item.key for item in forms.parse(body).of(kind).fields if not item.personal)


def _without_personal(text: str | None, kept: frozenset[str]) -> str:
    try:
        values = json.loads(text or "{}")
    except ValueError:
        values = {}
    if not isinstance(values, dict):
        values = {}
    left = {key: value for key, value in values.items() if key in kept}
    return json.dumps(left, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def drop_erased_bytes(db: Database) -> bool:
    """Rewrites the search index without erased names and truncates the WAL.

    True when nothing is left to do. The WAL truncation waits for readers (busy
    timeout); if one holds it, the flag stays and the next sync tries again.
    """
    with db.write() as uow:
        if get_state(uow.session, PENDING_KEY) != "1":
            return True
        # FTS5 keeps deleted terms in old segments until they are merged.
        uow.session.execute(
            text("INSERT INTO beneficiary_search(beneficiary_search) VALUES ('optimize')")
        )
        uow.commit()
    with db.raw_connection() as connection:
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        log.info("WAL checkpoint after an erasure was busy; the next sync retries it")
        return False
    with db.write() as uow:
        set_state(uow.session, PENDING_KEY, "0")
        uow.commit()
    # That last write left a few frames (no personal data): truncate again for tidiness.
    with db.raw_connection() as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True
