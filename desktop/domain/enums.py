"""Enumerations shared by the store, the services and the UI."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "caseworker"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def sees_all_records(self) -> bool:
        return self in (Role.SUPERVISOR, Role.ADMIN)


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class BeneficiaryStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class ClosureReason(StrEnum):
    """Why a case was closed: the outcomes social-service and humanitarian case management
    reports on (needs met, handed on, left the area or the programme, refused, died, out of
    reach), and ``other`` with a note for the rest.

    Declared once here; an organisation's form definition adds its own choices later.
    """

    GOALS_MET = "goals_met"
    REFERRED_ELSEWHERE = "referred_elsewhere"
    MOVED_AWAY = "moved_away"
    NO_LONGER_ELIGIBLE = "no_longer_eligible"
    DECLINED_SERVICES = "declined_services"
    LOST_CONTACT = "lost_contact"
    DECEASED = "deceased"
    OTHER = "other"


class SessionKind(StrEnum):
    HOME_VISIT = "home_visit"
    OFFICE = "office"
    PHONE = "phone"
    VIDEO = "video"
    GROUP = "group"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class TaskState(StrEnum):
    """Where a follow-up task is: to do, done (with a note) or dismissed (with a reason)."""

    OPEN = "open"
    DONE = "done"
    DISMISSED = "dismissed"


class TaskOrigin(StrEnum):
    """What made a task: a session's follow-up date (linked to it) or a person by hand."""

    SESSION = "session"
    MANUAL = "manual"


class Relationship(StrEnum):
    """How a household member is related to its head (desktop/services/households.py)."""

    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    SPOUSE = "spouse"
    GUARDIAN = "guardian"
    OTHER = "other"


class TransferState(StrEnum):
    """Where a proposed transfer of a case to another caseworker is (desktop/services/transfers.py).

    Proposed until the receiver (or a supervisor) accepts or declines it, or its proposer
    cancels it; the three decisions are final.
    """

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class ReferralState(StrEnum):
    """Where a referral to another organisation is: sent and waiting, or decided there,
    or taken back by its sender."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class SyncStatus(StrEnum):
    """Per-record sync state (DESIGN.md §4)."""

    SYNCED = "synced"
    PENDING = "pending"
    UPLOADING = "uploading"
    ERROR = "error"
    CONFLICT = "conflict"


class OutboxState(StrEnum):
    """Where an outbox row is on its way to the server (the moves: desktop/sync/outbox.py).

    Declared here, beside the record's `SyncStatus`, because the store's outbox table
    stores these values and the store imports nothing above the domain.
    """

    PENDING = "pending"
    UPLOADING = "uploading"
    ERROR = "error"
    CONFLICT = "conflict"


class OutboxOp(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"
    # Sent as an upsert; queued by a full resync for a record the server did not list.
    RESYNC = "resync"


class Entity(StrEnum):
    BENEFICIARY = "beneficiary"
    CASE_SESSION = "case_session"
    TASK = "task"  # a follow-up to do for a beneficiary (desktop/services/tasks.py)
    # A beneficiary's membership of a household (desktop/services/households.py).
    HOUSEHOLD_LINK = "household_link"
    REFERRAL = "referral"  # to another organisation (desktop/services/referrals.py)
    TRANSFER = "transfer"  # a case proposed to another caseworker (services/transfers.py)
    USER = "user"
    FORM_DEFINITION = "form_definition"  # a version of the organisation's own fields
