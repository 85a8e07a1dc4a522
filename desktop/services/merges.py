"""Merging duplicates: two records of one person become one, and a supervisor can undo it.

A merge, in one transaction (nothing is written when any part fails):

- the survivor takes the values chosen field by field (built-in and the organisation's
  own fields, read from the form definition), checked as an edit is;
- every record whose fields include ``schema.BENEFICIARY_LINK`` (sessions, tasks and any
  later kind that links to a beneficiary) moves from the merged-away record to the
  survivor;
- the merged-away record becomes a tombstone whose ``merged_into`` names the survivor.
  It keeps its values (it is not erased like a delete), so that the merge can be undone;
- a ``merges`` row is the event: what moved, and the survivor's fields before and after.

Each record's change goes through the one write path (version, audit, outbox), so the
merge syncs as the survivor's update, the moved records and the tombstone; the push
sends the tombstone after the moved records (desktop/sync/push.py) and the server
moves whatever else still links to the merged-away record. Undo puts the merged-away
record back and moves exactly the records the merge moved (those still on the survivor)
back to it; the survivor's fields the merge changed go back where nobody changed them
since.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.auth.permissions import Permission, require, require_record_access
from desktop.domain import schema
from desktop.domain.enums import Entity, OutboxOp, SyncStatus
from desktop.domain.forms import RecordKind
from desktop.domain.problems import CUSTOM_PREFIX, Problem
from desktop.domain.records import Actor, Beneficiary
from desktop.domain.validation import BENEFICIARY_FIELDS
from desktop.errors import NotFound, UserError, ValidationError
from desktop.store.changes import (
    ROW_TYPES,
    Change,
    diff,
    record_changes,
    refresh_next_follow_up,
)
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, MergeRow, new_id, utcnow

from .beneficiaries import BeneficiaryService
from .common import beneficiary_values, load_beneficiary
from .duplicate_scan import DuplicatePair, scan_duplicates
from .forms import check_record_custom, current_forms, read_stored
from .record_checks import check_edit, flag_problems

log = logging.getLogger(__name__)

# Every record kind that belongs to a beneficiary through the one declared link.
LINKED: tuple[Entity, ...] = tuple(
    entity
    for entity, fields in schema.FIELDS.items()
    if entity != Entity.BENEFICIARY and schema.BENEFICIARY_LINK in fields
)
MERGE_ACTION = "merge"
UNDO_ACTION = "unmerge"
# The survivor's value is kept unless the field is named in ``take``: then the merged
# record's is taken.
SURVIVOR, MERGED = "survivor", "merged"


@dataclass(frozen=True)
class MergeField:
    """One row of the side-by-side choice: a built-in field or ``custom.<key>``."""

    name: str
    label: str  # English for built-in fields (translated in the UI), the form's for custom
    custom: bool
    survivor_value: Any
    merged_value: Any

    @property
    def differs(self) -> bool:
        return _plain(self.survivor_value) != _plain(self.merged_value)


@dataclass(frozen=True)
class MergePlan:
    survivor: Beneficiary
    merged: Beneficiary
    fields: tuple[MergeField, ...]
    # How many records of each linked kind would move to the survivor.
    moving: Mapping[str, int]


@dataclass(frozen=True)
class MergeEvent:
    id: str
    survivor_id: str
    merged_id: str
    merged_at: datetime
    merged_by: str
    moved: Mapping[str, tuple[str, ...]]
    survivor_changes: Mapping[str, list[Any]]
    undone_at: datetime | None

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


def _plain(value: Any) -> Any:
    if hasattr(value, "value"):
        value = value.value
    return None if value in ("", [], None) else value


def _json(value: Any) -> Any:
    """A value as the audit's ``{field: [old, new]}`` holds it."""
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _event(row: MergeRow) -> MergeEvent:
    return MergeEvent(
        row.id,
        row.survivor_id,
        row.merged_id,
        row.merged_at,
        row.merged_by,
        {entity: tuple(ids) for entity, ids in json.loads(row.moved).items()},
        json.loads(row.survivor_changes),
        row.undone_at,
    )


class MergeService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def plan(self, survivor_id: str, merged_id: str) -> MergePlan:
        """Both records side by side, every field that may be chosen, what would move."""
        require(self._actor, Permission.MERGE_RECORDS)
        records = BeneficiaryService(self._db, self._actor)
        survivor, merged = records.get(survivor_id), records.get(merged_id)
        _refuse_same(survivor_id, merged_id)
        with self._db.read() as uow:
            definition = current_forms(self._db, uow.session).beneficiary
            moving = {
                entity.value: len(_live_children(uow.session, entity, merged_id))
                for entity in LINKED
            }
        fields = [
            MergeField(
                name,
                schema.label(name, Entity.BENEFICIARY),
                False,
                getattr(survivor, name),
                getattr(merged, name),
            )
            for name in BENEFICIARY_FIELDS
        ]
        keys = [item.key for item in definition.active]
        keys += sorted((set(survivor.custom) | set(merged.custom)) - set(keys))
        for key in keys:
            item = definition.field(key)
            label = item.label("en", "en") if item is not None else key
            fields.append(
                MergeField(
                    CUSTOM_PREFIX + key,
                    label,
                    True,
                    survivor.custom.get(key),
                    merged.custom.get(key),
                )
            )
        return MergePlan(survivor, merged, tuple(fields), moving)

    def record_id(self, case_number: str) -> str:
        """The id of the record with this case number, a merged-away one included."""
        require(self._actor, Permission.MERGE_RECORDS)
        with self._db.read() as uow:
            found = uow.session.execute(
                select(BeneficiaryRow.id).where(BeneficiaryRow.case_number == case_number.strip())
            ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"No record has the case number {case_number.strip()!r}.")
        return found

    def scan(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        limit: int | None = None,
    ) -> list[DuplicatePair]:
        """The office-wide possible duplicates (services/duplicate_scan.py)."""
        return scan_duplicates(
            self._db, self._actor, progress=progress, cancelled=cancelled, limit=limit
        )

    def events(self, beneficiary_id: str | None = None) -> list[MergeEvent]:
        """Merges made on this laptop, newest first (of one record, as either side)."""
        require(self._actor, Permission.MERGE_RECORDS)
        with self._db.read() as uow:
            statement = select(MergeRow).order_by(MergeRow.merged_at.desc())
            if beneficiary_id is not None:
                statement = statement.where(
                    (MergeRow.survivor_id == beneficiary_id)
                    | (MergeRow.merged_id == beneficiary_id)
                )
            return [_event(row) for row in uow.session.execute(statement).scalars()]

    def undoable(self, beneficiary_id: str) -> MergeEvent | None:
        """The latest merge of this record (either side) that may still be undone."""
        for event in self.events(beneficiary_id):
            if not event.undone:
                return event
        return None

    # -- writing -----------------------------------------------------------------------

    def merge(self, survivor_id: str, merged_id: str, take: Iterable[str] = ()) -> MergeEvent:
        """Merges ``merged_id`` into ``survivor_id``; ``take``: the fields (built-in
        names or ``custom.<key>``) whose value comes from the merged record."""
        require(self._actor, Permission.MERGE_RECORDS)
        _refuse_same(survivor_id, merged_id)
        taken = set(take)
        now = utcnow()
        with self._db.write() as uow:
            session = uow.session
            survivor = load_beneficiary(session, self._actor, survivor_id)
            merged = load_beneficiary(session, self._actor, merged_id)
            known = set(BENEFICIARY_FIELDS)
            definition = current_forms(self._db, session).beneficiary
            unknown = {
                name
                for name in taken
                if name not in known
                and not (
                    name.startswith(CUSTOM_PREFIX)
                    and (
                        definition.field(name[len(CUSTOM_PREFIX) :]) is not None
                        or name[len(CUSTOM_PREFIX) :] in read_stored(merged.custom)
                    )
                )
            }
            if unknown:
                raise ValidationError(
                    {name: Problem("unknown_field", name) for name in sorted(unknown)}
                )
            _refuse_two_households(session, survivor, merged)
            changed = self._take(session, survivor, merged, taken)
            flag_problems(Entity.BENEFICIARY, survivor)
            self._record(
                session,
                Entity.BENEFICIARY,
                [Change(survivor.id, changed, survivor.server_version)],
                MERGE_ACTION,
                now,
            )
            moved = self._move(session, merged.id, survivor.id, None, now, MERGE_ACTION)
            merged.merged_into = survivor.id
            merged.deleted_at = now
            self._record(
                session,
                Entity.BENEFICIARY,
                [Change(merged.id, {"merged_into": [None, survivor.id]}, merged.server_version)],
                MERGE_ACTION,
                now,
            )
            refresh_next_follow_up(session, [survivor.id, merged.id])
            event = MergeRow(
                id=new_id(),
                survivor_id=survivor.id,
                merged_id=merged.id,
                merged_at=now,
                merged_by=self._actor.id,
                survivor_changes=json.dumps(changed, ensure_ascii=False, sort_keys=True),
                moved=json.dumps(moved, sort_keys=True),
            )
            session.add(event)
            session.flush()
            result = _event(event)
            uow.commit()
        log.info(
            "beneficiary %s merged into %s (%s)",
            merged_id,
            survivor_id,
            ", ".join(f"{len(ids)} {entity}" for entity, ids in moved.items()) or "nothing moved",
        )
        return result

    def undo(self, merge_id: str) -> MergeEvent:
        """Puts the merged-away record back and moves back what the merge moved."""
        require(self._actor, Permission.MERGE_RECORDS)
        now = utcnow()
        with self._db.write() as uow:
            session = uow.session
            row = session.get(MergeRow, merge_id)
            if row is None:
                raise NotFound("No such merge.")
            if row.undone_at is not None:
                raise UserError("This merge has already been undone.")
            event = _event(row)
            merged = session.execute(
                select(BeneficiaryRow).where(BeneficiaryRow.id == event.merged_id)
            ).scalar_one_or_none()
            if merged is None or merged.merged_into != event.survivor_id:
                raise UserError(
                    "The merged record is no longer a tombstone of this merge; "
                    "it cannot be put back."
                )
            survivor = load_beneficiary(session, self._actor, event.survivor_id)
            require_record_access(self._actor, merged.caseworker_id)
            merged.merged_into = None
            merged.deleted_at = None
            self._record(
                session,
                Entity.BENEFICIARY,
                [Change(merged.id, {"merged_into": [survivor.id, None]}, merged.server_version)],
                UNDO_ACTION,
                now,
            )
            self._move(session, survivor.id, merged.id, event.moved, now, UNDO_ACTION)
            changed = self._put_back(session, survivor, event.survivor_changes)
            flag_problems(Entity.BENEFICIARY, survivor)
            self._record(
                session,
                Entity.BENEFICIARY,
                [Change(survivor.id, changed, survivor.server_version)],
                UNDO_ACTION,
                now,
            )
            refresh_next_follow_up(session, [survivor.id, merged.id])
            row.undone_at = now
            row.undone_by = self._actor.id
            session.flush()
            result = _event(row)
            uow.commit()
        log.info("merge %s undone: beneficiary %s is back", merge_id, event.merged_id)
        return result

    # -- pieces ------------------------------------------------------------------------

    def _take(
        self, session: Session, survivor: BeneficiaryRow, merged: BeneficiaryRow, taken: set[str]
    ) -> dict[str, list[Any]]:
        """The chosen values written into the survivor; the audit's ``{field: [old, new]}``."""
        built = {name: getattr(merged, name) for name in taken if name in BENEFICIARY_FIELDS}
        theirs = read_stored(merged.custom)
        custom = {
            name[len(CUSTOM_PREFIX) :]: theirs.get(name[len(CUSTOM_PREFIX) :])
            for name in taken
            if name.startswith(CUSTOM_PREFIX)
        }
        return self._write(session, survivor, built, custom)

    def _put_back(
        self, session: Session, survivor: BeneficiaryRow, changes: Mapping[str, list[Any]]
    ) -> dict[str, list[Any]]:
        """The survivor's fields the merge changed, back, unless changed again since."""
        current = beneficiary_values(survivor, BENEFICIARY_FIELDS)
        stored = read_stored(survivor.custom)
        built: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        for name, (old, new) in changes.items():
            if name.startswith(CUSTOM_PREFIX):
                key = name[len(CUSTOM_PREFIX) :]
                if _plain(stored.get(key)) == _plain(new):
                    custom[key] = old
            elif name in current and _plain(_json(current[name])) == _plain(new):
                built[name] = old
        return self._write(session, survivor, built, custom)

    def _write(
        self,
        session: Session,
        row: BeneficiaryRow,
        built: Mapping[str, Any],
        custom: Mapping[str, Any],
    ) -> dict[str, list[Any]]:
        old = beneficiary_values(row, BENEFICIARY_FIELDS)
        cleaned = check_edit(Entity.BENEFICIARY, old, built) if built else old
        changed = diff(old, cleaned)
        for name in changed:
            setattr(row, name, cleaned[name])
        if custom:
            checked = check_record_custom(
                self._db, session, RecordKind.BENEFICIARY, dict(custom), row.custom
            )
            if checked.changes:
                changed.update(checked.changes)
                row.custom = checked.text
                row.form_version = checked.version
                row.custom_search = checked.search
        return changed

    def _move(
        self,
        session: Session,
        source: str,
        target: str,
        only: Mapping[str, Iterable[str]] | None,
        now: datetime,
        action: str,
    ) -> dict[str, list[str]]:
        """Every live linked record of ``source`` (or, ``only``, those named) to ``target``."""
        moved: dict[str, list[str]] = {}
        for entity in LINKED:
            rows = _live_children(session, entity, source)
            if only is not None:
                wanted = set(only.get(entity.value, ()))
                rows = [row for row in rows if row.id in wanted]
            if not rows:
                continue
            for row in rows:
                row.beneficiary_id = target
            self._record(
                session,
                entity,
                [
                    Change(row.id, {"beneficiary_id": [source, target]}, row.server_version, target)
                    for row in rows
                ],
                action,
                now,
            )
            moved[entity.value] = sorted(row.id for row in rows)
        return moved

    def _record(
        self, session: Session, entity: Entity, changes: list[Change], action: str, now: datetime
    ) -> None:
        record_changes(
            session,
            entity,
            changes,
            action=action,
            actor_id=self._actor.id,
            now=now,
            status=SyncStatus.PENDING,
            outbox=OutboxOp.UPSERT,
        )


def _live_children(session: Session, entity: Entity, beneficiary_id: str) -> list[Any]:
    row_type = ROW_TYPES[entity]
    return list(
        session.execute(
            select(row_type)
            .where(row_type.beneficiary_id == beneficiary_id, row_type.deleted_at.is_(None))
            .order_by(row_type.id)
        ).scalars()
    )


def _refuse_two_households(session: Session, survivor: Any, merged: Any) -> None:
    """A person is a member of one household: when both records are in one (the same or
    two), moving the merged one's link would make the survivor a member twice. The
    supervisor takes the duplicate out of its household first (nothing of it is lost)."""
    if _live_children(session, Entity.HOUSEHOLD_LINK, survivor.id) and _live_children(
        session, Entity.HOUSEHOLD_LINK, merged.id
    ):
        raise UserError(
            f"{survivor.case_number} and {merged.case_number} are both members of a "
            f"household: remove {merged.case_number} from its household first, then merge."
        )


def _refuse_same(survivor_id: str, merged_id: str) -> None:
    if survivor_id == merged_id:
        raise UserError("A record cannot be merged into itself: choose two different records.")
