"""ORM tables (SQLAlchemy 2.0 typed declarative). Migrations in ``migrations/`` mirror them.

Times are naive UTC. Beneficiaries carry a local integer ``pk`` (the rowid the
full-text index points at, stable across VACUUM) besides the device-made UUID ``id``
that travels in sync.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.domain.enums import OutboxState

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


LIVE = "deleted_at IS NULL"


def report_indexes(table: str, dated_by: str, counted: dict) -> list[Index]:
    """(counted column(s), the report's date, caseworker, deleted_at) on live rows; a None
    column: the caseworker itself is counted (migration 0011 writes the same DDL)."""
    made = []
    for name, columns in counted.items():
        if columns is None:  # the caseworker is what is counted
            lead, tail = ("caseworker_id",), ()
        else:
            lead = columns if isinstance(columns, tuple) else (columns,)
            tail = ("caseworker_id",)
        made.append(
            Index(
                f"ix_{table}_report_{name}",
                *lead,
                dated_by,
                *tail,
                "deleted_at",
                sqlite_where=text(LIVE),
            )
        )
    return made


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64))
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Link to a server account (sync); tokens live only here, inside the encrypted file.
    server_url: Mapped[str | None] = mapped_column(String(500))
    server_username: Mapped[str | None] = mapped_column(String(64))
    server_user_id: Mapped[str | None] = mapped_column(String(64))
    access_token: Mapped[str | None] = mapped_column(Text)
    refresh_token: Mapped[str | None] = mapped_column(Text)
    server_role: Mapped[str | None] = mapped_column(String(16))

    # The caseload sorted by caseworker walks users in this order (unique: one user per
    # entry, so each user's beneficiaries follow in pk order through the index below).
    __table_args__ = (Index("ix_users_display_name", "display_name", "id", unique=True),)


class SyncedColumns:
    """Columns every synced record has."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_version: Mapped[int | None] = mapped_column(Integer)
    sync_status: Mapped[str] = mapped_column(String(16), default="pending")
    sync_error: Mapped[str | None] = mapped_column(Text)
    # JSON list of the fields a record from the server breaks a local rule in (0006).
    invalid_fields: Mapped[str | None] = mapped_column(Text)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The organisation's own fields (0010): a JSON object of values by field key, and the
    # definition version the record was last written with (0: none).
    custom: Mapped[str] = mapped_column(Text, default="{}")
    form_version: Mapped[int] = mapped_column(Integer, default=0)


# The last nine characters of the phone without spaces and -().+/ : an index (0005) and
# the duplicate check's lookup use this same expression, so SQLite matches them up.
PHONE_KEY_SQL = (
    "substr(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), "
    "'-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', ''), -9)"
)
# The phone's digits, then their last nine (migration 0013): the search index's phone column.
PHONE_DIGITS_SQL = (
    "replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), "
    "'-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', '')"
)
PHONE_SEARCH_SQL = f"{PHONE_DIGITS_SQL} || ' ' || substr({PHONE_DIGITS_SQL}, -9)"


class BeneficiaryRow(SyncedColumns, Base):
    __tablename__ = "beneficiaries"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(16))
    # An ID document's number (migration 0008): searched, and compared by the duplicate check.
    id_number: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    preferred_language: Mapped[str] = mapped_column(String(35), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    # Why the case was closed (migration 0007); NULL while active.
    closure_reason: Mapped[str | None] = mapped_column(String(32))
    closure_note: Mapped[str] = mapped_column(Text, default="")
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The searchable custom fields' text, in the search index (0010; kept by the write path).
    custom_search: Mapped[str] = mapped_column(Text, default="")
    # Generated from phone, never written (0013): its digits, searched whatever the format.
    phone_search: Mapped[str | None] = mapped_column(
        Text, Computed(PHONE_SEARCH_SQL, persisted=False)
    )
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    # The survivor of a merge this record was merged into (0015; services/merges.py).
    merged_into: Mapped[str | None] = mapped_column(String(36))
    # The earliest open task's due date (kept by store/changes.py), so that "follow-up due"
    # filters and sorts by index.
    next_follow_up_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index(
            "ix_beneficiaries_last_name",
            text("last_name COLLATE NOCASE"),
            text("first_name COLLATE NOCASE"),
        ),
        Index("ix_beneficiaries_first_name", text("first_name COLLATE NOCASE")),
        Index("ix_beneficiaries_date_of_birth", "date_of_birth"),
        Index("ix_beneficiaries_status", "status"),
        Index("ix_beneficiaries_caseworker", "caseworker_id", "status"),
        Index("ix_beneficiaries_caseworker_pk", "caseworker_id", "pk"),
        Index("ix_beneficiaries_follow_up", "next_follow_up_on"),
        Index("ix_beneficiaries_updated_at", "updated_at"),
        Index("ix_beneficiaries_sync_status", "sync_status"),
        # Migration 0005: the duplicate check's phone lookup and the list's count.
        Index("ix_beneficiaries_phone_key", text(PHONE_KEY_SQL), sqlite_where=text("phone != ''")),
        Index("ix_beneficiaries_live", "caseworker_id", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_beneficiaries_id_number", text("id_number COLLATE NOCASE")),
        # Migration 0009: a search's total, counted as matches minus these.
        Index("ix_beneficiaries_deleted", "pk", sqlite_where=text("deleted_at IS NOT NULL")),
        # Migration 0020: the sync's digest check (sync/verify.py) reads no row.
        Index(
            "ix_beneficiaries_digest",
            "id",
            "server_version",
            "deleted_at",
            "caseworker_id",
            sqlite_where=text(LIVE),
        ),
        # Migration 0011: the reports' counts (services/reports.py), live rows only.
        *report_indexes(
            "beneficiaries",
            "created_at",
            {
                "status": "status",
                "gender": "gender",
                "closure": "closure_reason",
            },
        ),
        Index(
            "ix_beneficiaries_report_registered",
            "created_at",
            "caseworker_id",
            "deleted_at",
            sqlite_where=text(LIVE),
        ),
        Index(
            "ix_beneficiaries_report_follow_up",
            "status",
            "next_follow_up_on",
            "caseworker_id",
            "deleted_at",
            sqlite_where=text(LIVE),
        ),
    )


class CaseSessionRow(SyncedColumns, Base):
    __tablename__ = "case_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"))
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    kind: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_case_sessions_beneficiary_starts", "beneficiary_id", "starts_at"),
        Index("ix_case_sessions_caseworker_starts", "caseworker_id", "starts_at"),
        Index("ix_case_sessions_follow_up", "follow_up_on"),
        Index("ix_case_sessions_updated_at", "updated_at"),
        # Migration 0020: the sync's digest check, a beneficiary's live sessions at a time.
        # Read by nothing else, so a bulk load leaves it out too (deferred_indexes).
        Index(
            "ix_case_sessions_digest",
            "beneficiary_id",
            "id",
            "server_version",
            "deleted_at",
            sqlite_where=text(LIVE),
            info={"deferrable": True},
        ),
        *report_indexes(
            "case_sessions",
            "starts_at",
            {
                "kind": "kind",
                "status": "status",
                "caseworker": None,
            },
        ),
    )


class TaskRow(SyncedColumns, Base):
    """A follow-up to do (migration 0012). A session's follow-up date makes it with the id
    `desktop.domain.tasks.session_task_id` of the session, so every laptop names it alike."""

    __tablename__ = "tasks"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"))
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200), default="")
    origin: Mapped[str] = mapped_column(String(16), default="manual")
    case_session_id: Mapped[str | None] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(16), default="open")
    done_note: Mapped[str] = mapped_column(Text, default="")
    dismissed_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # "My tasks" and the office's: open ones by assignee and due date.
        Index("ix_tasks_caseworker_state_due", "caseworker_id", "state", "due_on"),
        # The beneficiary's next follow-up: its earliest open task.
        Index("ix_tasks_beneficiary_state_due", "beneficiary_id", "state", "due_on"),
        Index("ix_tasks_case_session", "case_session_id"),
        Index("ix_tasks_updated_at", "updated_at"),
        # Overdue tasks per caseworker (reports): covering, so the count reads no row.
        Index(
            "ix_tasks_report_overdue",
            "caseworker_id",
            "state",
            "due_on",
            "deleted_at",
            sqlite_where=text(LIVE),
        ),
    )


class HouseholdLinkRow(SyncedColumns, Base):
    """A beneficiary's membership of a household (migration 0014): the members of one
    household share ``household_id``; one of them is its head (services/households.py)."""

    __tablename__ = "household_links"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"))
    household_id: Mapped[str] = mapped_column(String(36))
    relationship: Mapped[str] = mapped_column(String(16), default="other")
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("ix_household_links_household", "household_id"),
        Index("ix_household_links_beneficiary", "beneficiary_id"),
        Index("ix_household_links_updated_at", "updated_at"),
    )


class MergeRow(Base):
    """One merge of two beneficiaries (migration 0015): what its undo puts back.

    ``moved``: JSON {entity: [record ids]} of the records moved to the survivor;
    ``survivor_changes``: JSON {field: [old, new]} of the survivor's fields it changed.
    Kept on the laptop that merged (the records themselves sync).
    """

    __tablename__ = "merges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    survivor_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_at: Mapped[datetime] = mapped_column(DateTime)
    merged_by: Mapped[str] = mapped_column(String(36))
    survivor_changes: Mapped[str] = mapped_column(Text)
    moved: Mapped[str] = mapped_column(Text)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str | None] = mapped_column(String(36))


class ReferralRow(SyncedColumns, Base):
    """A referral to another organisation (migration 0017; services/referrals.py)."""

    __tablename__ = "referrals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"))
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    to_organisation: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    consent_by: Mapped[str | None] = mapped_column(String(36))
    state: Mapped[str] = mapped_column(String(16), default="proposed")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_referrals_beneficiary", "beneficiary_id"),)


class TransferRow(SyncedColumns, Base):
    """A case proposed to another caseworker (migration 0016; desktop/services/transfers.py).

    No foreign key to the beneficiary: the receiver's laptop holds the transfer before it
    holds the case (it decides on the case number and name carried here).
    """

    __tablename__ = "transfers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    beneficiary_id: Mapped[str] = mapped_column(String(36))
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    to_caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    case_number: Mapped[str] = mapped_column(String(50), default="")
    beneficiary_name: Mapped[str] = mapped_column(String(201), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="proposed")
    decision_note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # The pending transfers of a case, and what each side sees.
        Index("ix_transfers_beneficiary_state", "beneficiary_id", "state"),
        Index("ix_transfers_to_state", "to_caseworker_id", "state"),
        Index("ix_transfers_from_state", "caseworker_id", "state"),
        Index("ix_transfers_updated_at", "updated_at"),
    )


class AuditEventRow(Base):
    """Who changed what. Written in the change's own transaction; never edited, except that
    an erasure removes the values (journal.scrub_audit_values)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    changes: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (
        Index("ix_audit_events_entity", "entity_id", "id"),
        # Migration 0011: the office-wide log's filters, paged by id.
        Index("ix_audit_events_action", "action", "id"),
        Index("ix_audit_events_user", "user_id", "id"),
    )


class OutboxRow(Base):
    """One row per record with unsent changes; the payload is read from the record at send time."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(16))
    base_version: Mapped[int | None] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String(36), default=new_id)
    state: Mapped[str] = mapped_column(String(16), default=OutboxState.PENDING.value)
    # Set when the record changes while its upload is under way: the ack must not clear it.
    changed_during_upload: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # What the last upload carried: if its acknowledgement was lost, the server copy is
    # compared with it to know whether the server applied it.
    sent_payload: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("entity", "entity_id"),
        # Migration 0005: the status bar's counts read a few index pages, not every row.
        Index("ix_outbox_state", "state"),
    )


class SyncStateRow(Base):
    """Small key/value facts of this device: its id, case-number prefix, sync cursor."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncBaseRow(Base):
    """The server copy a record was last synced at: the base of a three-way merge."""

    __tablename__ = "sync_base"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)


class SyncConflictRow(Base):
    """A field changed on both sides: both values kept until a supervisor decides."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    base_value: Mapped[str | None] = mapped_column(Text)
    local_value: Mapped[str | None] = mapped_column(Text)
    server_value: Mapped[str | None] = mapped_column(Text)
    server_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (Index("ix_sync_conflicts_entity", "entity_id", "resolved_at"),)


class FormDefinitionRow(Base):
    """A version of the organisation's form definition (0010): its file's JSON.

    Version 0 is the draft an admin is editing; published versions count up from 1.
    """

    __tablename__ = "form_definitions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16), default="local")  # local or server
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36))


class LiveCountRow(Base):
    """How many live (not deleted) beneficiaries each caseworker holds (0019): the list's
    "of N" read from a few rows instead of counted over the live index on every login.

    Kept by triggers on ``beneficiaries`` (``migrations/versions/0019_live_counts.py``),
    so every writer keeps it in the same transaction: the services' write path, sync
    apply, merges, erasure and the bulk path (which adds a chunk's counts in one
    statement, ``services/bulk.py``).
    """

    __tablename__ = "live_counts"

    caseworker_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    live: Mapped[int] = mapped_column(Integer)

    __table_args__ = {"sqlite_with_rowid": False}
