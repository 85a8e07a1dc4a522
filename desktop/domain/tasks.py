"""Follow-up tasks: which task a session's follow-up date asks for, and when a task is due.

The rules live here once; the store's write path (store/changes.py) applies them in the
transaction of the session's change, the services and the UI read the buckets.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .enums import SessionStatus, TaskState

# A session's task has the id made from the session's id in this namespace, so the laptop
# that records the follow-up and every laptop that migrates old sessions (store migration
# 0012 writes the same literal) name it alike: one task per session, never two.
SESSION_TASK_NAMESPACE = uuid.UUID("6f1b3c52-8a55-4a8e-9a52-3f0d6b1c7e21")


def session_task_id(case_session_id: str) -> str:
    """The id of the session's task: the UUID-5 of the session's id in the namespace above.

    A time-ordered (version 7) session id, which bulk loads give (store/changes.py
    `new_ids`), gives a version-8 id (RFC 9562's own-layout UUID) that keeps the session
    id's first 8 bytes (its time) and takes the other 8 from that UUID-5: still one id per
    session, the same on every laptop, but a load's tasks then reach the end of the id
    indexes (the tasks', the outbox's, the audit's) in order as their sessions do. With
    the UUID-5 alone each new task touched a random page of each of them, and
    `caseload demo` slowed as the file outgrew the page cache (issue 16 point 4).
    """
    hashed = uuid.uuid5(SESSION_TASK_NAMESPACE, case_session_id)
    if not _time_ordered(case_session_id):
        return str(hashed)
    tail = hashed.hex[16:]  # its variant bits stay those of RFC 4122
    return f"{case_session_id[:14]}8{case_session_id[15:18]}-{tail[:4]}-{tail[4:]}"


def _time_ordered(text: str) -> bool:
    return len(text) == 36 and text[14] == "7" and text[8] == text[13] == text[18] == "-"


# Why a session's task was dismissed without a person dismissing it (English, as stored;
# the audit event says who changed the session).
DISMISSED_FOLLOW_UP_CLEARED = "The session's follow-up date was cleared."
DISMISSED_SESSION_CANCELLED = "The session was cancelled."
DISMISSED_SESSION_DELETED = "The session was deleted."


def session_wants_task(status: str | None, deleted: bool, follow_up_on: date | None) -> str | None:
    """None when a session with these values asks for an open task, else the reason its
    task (if any) is dismissed."""
    if deleted:
        return DISMISSED_SESSION_DELETED
    if status == SessionStatus.CANCELLED.value:
        return DISMISSED_SESSION_CANCELLED
    if follow_up_on is None:
        return DISMISSED_FOLLOW_UP_CLEARED
    return None


class Due(StrEnum):
    """Where an open task stands on a given day ("My tasks" groups by it)."""

    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"  # from tomorrow to the end of the week (Sunday)
    LATER = "later"


def week_end(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def due_bucket(due_on: date, today: date) -> Due:
    if due_on < today:
        return Due.OVERDUE
    if due_on == today:
        return Due.TODAY
    if due_on <= week_end(today):
        return Due.THIS_WEEK
    return Due.LATER


@dataclass(frozen=True)
class TaskView:
    """A task as the lists show it, with whom it concerns."""

    id: str
    beneficiary_id: str
    case_number: str
    beneficiary_name: str
    caseworker_id: str
    caseworker_name: str
    due_on: date
    title: str
    origin: str
    case_session_id: str | None
    state: TaskState
    done_note: str
    dismissed_reason: str
    version: int

    def due(self, today: date) -> Due:
        return due_bucket(self.due_on, today)


@dataclass(frozen=True)
class CaseworkerLoad:
    """A caseworker's open tasks on a day, for the supervisor's office view."""

    caseworker_id: str
    caseworker_name: str
    overdue: int
    today: int
    this_week: int
