"""Database tables of the central server (SQLAlchemy 2.0 typed declarative models)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import JSON

# Timestamps are stored as naive UTC: SQLite has no time zones and PostgreSQL would
# otherwise convert them to the session's zone.
UtcDateTime = DateTime(timezone=False)
# JSON documents: JSONB on PostgreSQL (stored parsed, queryable), JSON text on SQLite.
Document = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class Synced:
    """The bookkeeping columns of every synced record kind: its version (the conflict
    check), its place in the change feed, and its tombstone."""

    version: Mapped[int] = mapped_column(Integer, default=1)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    # The sync run (a client-made id) whose push wrote this version; None for other writes.
    # That run's closing pull leaves these out: the laptop has them already.
    sync_run: Mapped[str | None] = mapped_column(String(64), nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    # Usernames are unique without regard to case.
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(100), default="default")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SyncCounter(Base):
    """One row: the last server sequence number handed out (SQLite).

    Every write transaction updates this row first, which serialises writers, so sequence
    numbers commit in order and a change-feed reader never skips one that commits later.
    On PostgreSQL the numbers come from the sequence `caseload_seq` since migration 0016
    and the row keeps the value it had then (server/db.py).
    """

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Beneficiary(Synced, Base):
    __tablename__ = "beneficiaries"
    # The change feed's pages: an owner column's equality, then seq (migration 0015).
    __table_args__ = (
        Index("ix_beneficiaries_organisation_seq", "organisation", "seq"),
        Index("ix_beneficiaries_caseworker_seq", "caseworker_id", "seq"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(50), unique=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    gender: Mapped[str | None] = mapped_column(String(20), nullable=True)
    id_number: Mapped[str | None] = mapped_column(String(50), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(50), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    address: Mapped[str | None] = mapped_column(String(500), nullable=True)
    preferred_language: Mapped[str | None] = mapped_column(String(50), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    closure_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    closure_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The organisation's own fields (server/forms.py): key -> stored value, the form
    # version the values were written with, and the required ones it lacks ("custom.<key>").
    custom: Mapped[dict] = mapped_column(Document, default=dict, server_default=text("'{}'"))
    form_version: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    incomplete_fields: Mapped[list] = mapped_column(
        Document, default=list, server_default=text("'[]'")
    )
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    # Copied from the owner so that organisation scoping is one indexed column.
    organisation: Mapped[str] = mapped_column(String(100), index=True)
    # The survivor of a merge (server/merges.py); the record is then a tombstone.
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True)


class CaseSession(Synced, Base):
    __tablename__ = "case_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    kind: Mapped[str] = mapped_column(String(20))
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str | None] = mapped_column(Text, nullable=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The organisation's own fields (server/forms.py): key -> stored value, the form
    # version the values were written with, and the required ones it lacks ("custom.<key>").
    custom: Mapped[dict] = mapped_column(Document, default=dict, server_default=text("'{}'"))
    form_version: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    incomplete_fields: Mapped[list] = mapped_column(
        Document, default=list, server_default=text("'[]'")
    )


class Task(Synced, Base):
    """A follow-up task for a beneficiary (server/tasks.py); synced like sessions."""

    __tablename__ = "tasks"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    origin: Mapped[str] = mapped_column(String(16), default="manual")
    # No foreign key: a laptop may send a session's task in the same push as the session.
    case_session_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="open")
    done_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    dismissed_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class HouseholdLink(Synced, Base):
    """A beneficiary's membership of a household (server/households.py); synced like tasks."""

    __tablename__ = "household_links"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    relationship: Mapped[str] = mapped_column(String(16), default="other")
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)


class Referral(Synced, Base):
    """A beneficiary referred to another organisation (server/referrals.py).

    Synced to the sender's organisation like tasks (its beneficiary's visibility). The
    receiving organisation never reads this row as a record: it reads `shared`, the copy
    of the shareable values the server built when the referral arrived, through
    /api/referrals/incoming.
    """

    __tablename__ = "referrals"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    organisation: Mapped[str] = mapped_column(String(100), index=True)  # the sender's
    to_organisation: Mapped[str] = mapped_column(String(100), index=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    consent_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="proposed")
    decision_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The receiver's side, never in the sender's feed: who decided, the beneficiary an
    # acceptance made in their organisation, and the shared copy (a list of fields).
    decided_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    accepted_beneficiary_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    shared: Mapped[list] = mapped_column(Document, default=list)


class Transfer(Synced, Base):
    """A case proposed to another caseworker (server/transfers.py); synced like tasks.

    `case_number` and `beneficiary_name` are filled in from the beneficiary when it is
    proposed, for the receiver to decide on, and cleared once it is decided.
    """

    __tablename__ = "transfers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    to_caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    case_number: Mapped[str | None] = mapped_column(String(50), nullable=True)
    beneficiary_name: Mapped[str | None] = mapped_column(String(201), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="proposed")
    decision_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    organisation: Mapped[str] = mapped_column(String(100), index=True)


class ReferralEvent(Base):
    """The server's audit of a referral: each step, by whom, of which organisation."""

    __tablename__ = "referral_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    referral_id: Mapped[str] = mapped_column(ForeignKey("referrals.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    organisation: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))  # proposed, withdrawn, accepted, declined


class FormDefinition(Base):
    """One published version of an organisation's form definition (server/forms.py).

    `body` is the definition's document as published (its "version" set to `version`);
    versions count 1, 2, ... per organisation and are never changed or removed.
    """

    __tablename__ = "form_definitions"

    organisation: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[dict] = mapped_column(Document)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    published_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class Device(Base):
    """A laptop's last report (POST /api/sync/report), for the web console's laptops page.

    Keyed by organisation and the laptop's own id (one per data folder): counts only,
    nothing about the records themselves.
    """

    __tablename__ = "devices"

    organisation: Mapped[str] = mapped_column(String(100), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    app_version: Mapped[str] = mapped_column(String(32))
    records_waiting: Mapped[int] = mapped_column(Integer)
    open_conflicts: Mapped[int] = mapped_column(Integer)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_sync_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_outcome: Mapped[str] = mapped_column(String(16))


class SyncActivity(Base):
    """One laptop sync run as its report told it; kept a while (maintenance.purge)."""

    __tablename__ = "sync_activity"
    __table_args__ = (Index("ix_sync_activity_organisation_at", "organisation", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    organisation: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str] = mapped_column(String(64))
    sent: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer)
    conflicts: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))  # "ok" or "failed"
    error: Mapped[str | None] = mapped_column(String(200), nullable=True)


class IdempotencyRecord(Base):
    """The stored answer to a sync change, replayed when the same key comes again.

    `result` never holds the record itself (personal data would outlive its erasure by
    the retention period): a replay reads the record as it is now.
    """

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_idempotency_user_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RecordDeparture(Base):
    """A beneficiary reassigned away from a caseworker: their laptop removes it.

    The caseworker's change feed lists it (with its sessions) until it comes back to
    them; `version` is the beneficiary's version the reassignment wrote, so that their
    unsent edits from before can still be delivered while nobody changed it since.
    """

    __tablename__ = "record_departures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    beneficiary_id: Mapped[str] = mapped_column(ForeignKey("beneficiaries.id"), index=True)
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TokenFamily(Base):
    """All tokens descended from one login; revoking the family ends that login."""

    __tablename__ = "token_families"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(50), nullable=True)


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    family_id: Mapped[str] = mapped_column(ForeignKey("token_families.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class RevokedAccessToken(Base):
    """Access tokens ended by logout, keyed by jti (kept until they would expire anyway)."""

    __tablename__ = "revoked_access_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoginFailure(Base):
    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_account", "account_key", "failed_at"),
        Index("ix_login_failures_address", "address", "failed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_key: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Organisation(Base):
    """An organisation on the server, by its name (server/admin.py).

    Records and accounts name their organisation in their own `organisation` columns (one
    indexed column scopes every query); this table lists the organisations, those with no
    account yet included, and a rename changes every such column in one transaction.
    """

    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AdminAction(Base):
    """One administrative action (server/admin.py): who, what, on which account or
    organisation. `actor_id` is None for the command line on the server."""

    __tablename__ = "admin_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # The organisation the action concerns (a rename changes it with the rest).
    organisation: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict] = mapped_column(Document, default=dict)
