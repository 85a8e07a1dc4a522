"""Frozen records the services hand out: the UI and the CLI never see ORM objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from desktop.domain.enums import (
    BeneficiaryStatus,
    ClosureReason,
    Gender,
    Role,
    SessionKind,
    SessionStatus,
    SyncStatus,
)
from desktop.domain.forms import read_stored


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service acts."""

    id: str
    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class UserAccount:
    id: str
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True)
class Beneficiary:
    id: str
    case_number: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    gender: Gender | None
    id_number: str
    phone: str
    email: str
    address: str
    preferred_language: str
    status: BeneficiaryStatus
    # Why a closed case was closed (None while active) and what the closer added.
    closure_reason: ClosureReason | None
    closure_note: str
    consent_given: bool
    consent_date: date | None
    notes: str
    caseworker_id: str
    caseworker_name: str
    next_follow_up_on: date | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    version: int
    sync_status: SyncStatus
    sync_error: str | None = None
    # The organisation's own fields as stored (a JSON object; see ``custom``) and the
    # form definition version the record was last written with (0: none).
    custom_json: str = "{}"
    form_version: int = 0
    # The survivor this record was merged into (a tombstone; services/merges.py).
    merged_into: str | None = None
    # Fields a record from the server breaks a local rule in (services/record_checks.py).
    invalid_fields: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @cached_property
    def custom(self) -> Mapping[str, Any]:
        """Custom values by field key (desktop/domain/forms.py); parsed when first read,
        so a list page of 200 rows parses only the rows a person looks at."""
        return MappingProxyType(read_stored(self.custom_json))


@dataclass(frozen=True)
class CaseSession:
    id: str
    beneficiary_id: str
    caseworker_id: str
    starts_at: datetime
    duration_minutes: int
    kind: SessionKind
    location: str
    status: SessionStatus
    summary: str
    outcome: str
    follow_up_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int
    sync_status: SyncStatus
    sync_error: str | None = None
    custom_json: str = "{}"  # as on Beneficiary
    form_version: int = 0
    invalid_fields: tuple[str, ...] = ()

    @cached_property
    def custom(self) -> Mapping[str, Any]:
        return MappingProxyType(read_stored(self.custom_json))


@dataclass(frozen=True)
class FollowUp:
    """A follow-up due: the session that asked for it and whom it concerns."""

    session_id: str
    beneficiary_id: str
    case_number: str
    beneficiary_name: str
    follow_up_on: date
    caseworker_id: str


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: datetime
    user_id: str | None
    username: str
    action: str
    entity: str
    entity_id: str
    changes: dict[str, list] = field(default_factory=dict)
    # The case number of the beneficiary the event is about (the office-wide log).
    record: str = ""


class SortKey(StrEnum):
    """Columns the caseload list can be sorted by (each has an index)."""

    CASE_NUMBER = "case_number"
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    DATE_OF_BIRTH = "date_of_birth"
    STATUS = "status"
    CASEWORKER = "caseworker"
    NEXT_FOLLOW_UP = "next_follow_up_on"
    UPDATED_AT = "updated_at"


@dataclass(frozen=True)
class BeneficiaryQuery:
    """What the caseload list asks for: search, filters, sort.

    ``custom_filters``: (custom field key, stored value) pairs every row must hold, e.g.
    ``(("risk_level", "high"), ("has_disability", True))``; ``custom_sort``: a custom
    field key to sort by instead of ``sort`` (desktop/domain/forms.py has the fields).
    """

    search: str = ""
    status: BeneficiaryStatus | None = None
    caseworker_id: str | None = None
    follow_up_due_by: date | None = None
    sort: SortKey = SortKey.LAST_NAME
    descending: bool = False
    custom_filters: tuple[tuple[str, Any], ...] = ()
    custom_sort: str | None = None


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: tuple[T, ...]
    offset: int
    total: int
    # A search's count stops at a bound (services/beneficiaries.py COUNT_BOUND): True
    # when more rows than ``total`` match ("more than 1,000").
    more: bool = False

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total
