"""Follow-up tasks: my tasks, the office's by caseworker, made by hand, done or dismissed.

A session's follow-up date makes and moves its task in the store's write path
(store/changes.py); here a person reads them, writes one by hand, marks one done (with a
note) or dismisses it (with a reason). Every change goes through `record_changes`, which
also keeps the beneficiary's next follow-up (its earliest open task).

Visibility is the beneficiaries': a caseworker sees the tasks of their own caseload,
supervisors and admins the office's.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select

from desktop.auth.permissions import Permission, can, require
from desktop.domain import schema
from desktop.domain.enums import Entity, OutboxOp, SyncStatus, TaskOrigin, TaskState
from desktop.domain.problems import Problem
from desktop.domain.records import Actor
from desktop.domain.tasks import CaseworkerLoad, TaskView, week_end
from desktop.domain.validation import clean_declared
from desktop.errors import NotFound, UserError, ValidationError
from desktop.store.changes import Change, Stamp, diff, first_version, record_changes
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, TaskRow, UserRow, new_id, utcnow

from .common import load_beneficiary, refuse_stale_edit

log = logging.getLogger(__name__)

# What a person writes when making a task by hand, and what closing one asks for.
MANUAL_FIELDS = schema.names(schema.TASK, editable=True, in_form=True)
_NOTE_FIELD = schema.BY_NAME[Entity.TASK]["done_note"]
_REASON_FIELD = schema.BY_NAME[Entity.TASK]["dismissed_reason"]


class TaskService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def _select(self) -> Select:
        conditions: list[ColumnElement[bool]] = [
            TaskRow.deleted_at.is_(None),
            BeneficiaryRow.deleted_at.is_(None),
        ]
        if not can(self._actor, Permission.VIEW_ALL_RECORDS):
            conditions.append(BeneficiaryRow.caseworker_id == self._actor.id)
        return (
            select(
                TaskRow,
                BeneficiaryRow.case_number,
                BeneficiaryRow.first_name,
                BeneficiaryRow.last_name,
                UserRow.display_name,
            )
            .join(BeneficiaryRow, BeneficiaryRow.id == TaskRow.beneficiary_id)
            .join(UserRow, UserRow.id == TaskRow.caseworker_id)
            .where(and_(*conditions))
        )

    def open_tasks(
        self,
        *,
        due_by: date | None = None,
        overdue_on: date | None = None,
        caseworker_id: str | None = None,
        limit: int = 2_000,
    ) -> list[TaskView]:
        """Open tasks the actor may see, earliest due first: due by ``due_by``, or only
        those overdue on ``overdue_on``; of one caseworker if named."""
        statement = self._select().where(TaskRow.state == TaskState.OPEN.value)
        if due_by is not None:
            statement = statement.where(TaskRow.due_on <= due_by)
        if overdue_on is not None:
            statement = statement.where(TaskRow.due_on < overdue_on)
        if caseworker_id is not None:
            statement = statement.where(TaskRow.caseworker_id == caseworker_id)
        statement = statement.order_by(TaskRow.due_on, BeneficiaryRow.last_name, TaskRow.id)
        with self._db.read() as uow:
            return [_view(*row) for row in uow.session.execute(statement.limit(limit))]

    def mine(self, today: date) -> list[TaskView]:
        """The actor's own open tasks that are overdue, due today or later this week."""
        return self.open_tasks(due_by=week_end(today), caseworker_id=self._actor.id)

    def overdue_count(self, today: date) -> int:
        """How many of the actor's own open tasks are overdue (what login tells them)."""
        statement = (
            select(func.count())
            .select_from(TaskRow)
            .join(BeneficiaryRow, BeneficiaryRow.id == TaskRow.beneficiary_id)
            .where(
                TaskRow.caseworker_id == self._actor.id,
                TaskRow.state == TaskState.OPEN.value,
                TaskRow.due_on < today,
                TaskRow.deleted_at.is_(None),
                BeneficiaryRow.deleted_at.is_(None),
            )
        )
        if not can(self._actor, Permission.VIEW_ALL_RECORDS):
            statement = statement.where(BeneficiaryRow.caseworker_id == self._actor.id)
        with self._db.read() as uow:
            return uow.session.execute(statement).scalar_one()

    def office_load(self, today: date) -> list[CaseworkerLoad]:
        """Supervisors: each caseworker's open tasks overdue, due today, due this week."""
        require(self._actor, Permission.VIEW_ALL_RECORDS)
        end = week_end(today)

        def counted(condition: ColumnElement[bool]) -> Any:
            return func.count().filter(condition)

        statement = (
            select(
                UserRow.id,
                UserRow.display_name,
                counted(TaskRow.due_on < today),
                counted(TaskRow.due_on == today),
                counted(and_(TaskRow.due_on > today, TaskRow.due_on <= end)),
            )
            .join(TaskRow, TaskRow.caseworker_id == UserRow.id)
            .join(BeneficiaryRow, BeneficiaryRow.id == TaskRow.beneficiary_id)
            .where(
                TaskRow.state == TaskState.OPEN.value,
                TaskRow.due_on <= end,
                TaskRow.deleted_at.is_(None),
                BeneficiaryRow.deleted_at.is_(None),
            )
            .group_by(UserRow.id, UserRow.display_name)
            .order_by(UserRow.display_name)
        )
        with self._db.read() as uow:
            return [CaseworkerLoad(*row) for row in uow.session.execute(statement)]

    def for_beneficiary(self, beneficiary_id: str) -> list[TaskView]:
        """Every live task of one beneficiary, open ones first, earliest due first."""
        with self._db.read() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)
            statement = (
                self._select()
                .where(TaskRow.beneficiary_id == beneficiary_id)
                .order_by(TaskRow.state != TaskState.OPEN.value, TaskRow.due_on, TaskRow.id)
            )
            return [_view(*row) for row in uow.session.execute(statement)]

    def get(self, task_id: str) -> TaskView:
        with self._db.read() as uow:
            found = uow.session.execute(self._select().where(TaskRow.id == task_id)).first()
            if found is None:
                raise NotFound("That task does not exist or is not in your caseload.")
            return _view(*found)

    # -- writing -----------------------------------------------------------------------

    def create(
        self,
        beneficiary_id: str,
        values: dict[str, Any],
        *,
        caseworker_id: str | None = None,
    ) -> TaskView:
        """A task written by hand (due date and what to do); assigned to the beneficiary's
        caseworker unless a supervisor names another."""
        cleaned = clean_declared(
            schema.TASK, {name: values.get(name) for name in MANUAL_FIELDS if name in values}
        )
        if not cleaned.get("title"):
            raise ValidationError({"title": Problem("required", "title")})
        now = utcnow()
        with self._db.write() as uow:
            beneficiary = load_beneficiary(uow.session, self._actor, beneficiary_id)
            owner = caseworker_id or beneficiary.caseworker_id
            if owner != beneficiary.caseworker_id:
                require(self._actor, Permission.REASSIGN_RECORDS)
            row = TaskRow(
                id=new_id(),
                beneficiary_id=beneficiary_id,
                caseworker_id=owner,
                origin=TaskOrigin.MANUAL.value,
                state=TaskState.OPEN.value,
                **first_version(self._actor.id, now),
                **{name: value for name, value in cleaned.items() if name != "state"},
            )
            uow.session.add(row)
            changed = diff({}, {**cleaned, "state": TaskState.OPEN, "origin": TaskOrigin.MANUAL})
            self._record(uow.session, "create", [row], changed, stamp=Stamp.NEW)
            uow.commit()
            task_id = row.id
        log.info("task %s created for beneficiary %s", task_id, beneficiary_id)
        return self.get(task_id)

    def mark_done(
        self, task_id: str, note: str, *, expected_version: int | None = None
    ) -> TaskView:
        """Done, with what was done: no longer due, so no longer overdue anywhere."""
        return self._close(task_id, TaskState.DONE, _NOTE_FIELD, note, expected_version)

    def dismiss(
        self, task_id: str, reason: str, *, expected_version: int | None = None
    ) -> TaskView:
        """Not to be done, with why."""
        return self._close(task_id, TaskState.DISMISSED, _REASON_FIELD, reason, expected_version)

    def _close(
        self,
        task_id: str,
        state: TaskState,
        field: schema.Field,
        text: str,
        expected_version: int | None,
    ) -> TaskView:
        cleaned = clean_declared((field,), {field.name: text})[field.name]
        if not cleaned:
            raise ValidationError({field.name: Problem("required", field.name)})
        with self._db.write() as uow:
            row = self._load(uow.session, task_id)
            refuse_stale_edit(row, expected_version, "task")
            if row.state != TaskState.OPEN.value:
                raise UserError("This task is no longer open.")
            changed = diff(
                {"state": row.state, field.name: getattr(row, field.name)},
                {"state": state, field.name: cleaned},
            )
            row.state = state.value
            setattr(row, field.name, cleaned)
            self._record(uow.session, "update", [row], changed)
            uow.commit()
        log.info("task %s %s", task_id, state.value)
        return self.get(task_id)

    def _load(self, session: Any, task_id: str) -> TaskRow:
        row = session.execute(
            select(TaskRow).where(TaskRow.id == task_id, TaskRow.deleted_at.is_(None))
        ).scalar_one_or_none()
        if row is None:
            raise NotFound("That task does not exist or has been deleted.")
        load_beneficiary(session, self._actor, row.beneficiary_id)  # access check
        return row

    def _record(
        self,
        session: Any,
        action: str,
        rows: Sequence[TaskRow],
        changed: dict,
        *,
        stamp: Stamp = Stamp.CHANGED,
    ) -> None:
        """The change's version, audit event, outbox row and the beneficiary's follow-up."""
        record_changes(
            session,
            Entity.TASK,
            [Change(row.id, changed, row.server_version, row.beneficiary_id) for row in rows],
            action=action,
            actor_id=self._actor.id,
            stamp=stamp,
            status=SyncStatus.PENDING,
            outbox=OutboxOp.UPSERT,
        )


def reassign_open_tasks(session: Any, actor_id: str, beneficiary_id: str, owner: str) -> None:
    """A reassigned beneficiary's open tasks go to its new caseworker, in the caller's
    transaction (done and dismissed ones stay with who closed them)."""
    rows = session.execute(
        select(TaskRow).where(
            TaskRow.beneficiary_id == beneficiary_id,
            TaskRow.state == TaskState.OPEN.value,
            TaskRow.deleted_at.is_(None),
            TaskRow.caseworker_id != owner,
        )
    ).scalars()
    changes = []
    for row in rows:
        changes.append(
            Change(
                row.id,
                {"caseworker_id": [row.caseworker_id, owner]},
                row.server_version,
                beneficiary_id,
            )
        )
        row.caseworker_id = owner
    record_changes(
        session,
        Entity.TASK,
        changes,
        action="reassign",
        actor_id=actor_id,
        status=SyncStatus.PENDING,
        outbox=OutboxOp.UPSERT,
    )


def _view(row: TaskRow, case_number: str, first: str, last: str, owner: str) -> TaskView:
    return TaskView(
        id=row.id,
        beneficiary_id=row.beneficiary_id,
        case_number=case_number,
        beneficiary_name=f"{first} {last}",
        caseworker_id=row.caseworker_id,
        caseworker_name=owner,
        due_on=row.due_on,
        title=row.title,
        origin=row.origin,
        case_session_id=row.case_session_id,
        state=TaskState(row.state),
        done_note=row.done_note,
        dismissed_reason=row.dismissed_reason,
        version=row.version,
    )


def caseworker_named(users: Sequence[Any], name: str) -> Any:
    """The caseworker whose username or display name is ``name`` (case-insensitive)."""
    wanted = name.casefold()
    for user in users:
        if wanted in (user.username.casefold(), user.display_name.casefold()):
            return user
    raise UserError(f"No user named {name!r}.")
