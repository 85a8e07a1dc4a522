"""The desktop's record schema: each beneficiary, case-session and task field declared once.

What is derived from these tuples (and nowhere else written out): the cleaning rules of
``validation``, the labels of forms, details, conflicts and history, the services' row →
record mapping, the bulk importer's rows, the wire format (``desktop/sync/wire.py``), the
form's widgets, the detail's rows and the list's columns. The ORM table and the Alembic
migrations stay explicit; tests/desktop/test_schema.py checks that they agree with this.

The server declares its own fields in its own code (``server/schema.py``): the two sides
share a contract (``server/openapi.yaml``, read by tests/desktop/test_contract.py), not code.

Labels are English here and translated in the UI under the context ``field``; the marker
below is what ``lupdate`` looks for (the domain imports no Qt).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .enums import (
    BeneficiaryStatus,
    ClosureReason,
    Entity,
    Gender,
    ReferralState,
    Relationship,
    SessionKind,
    SessionStatus,
    TaskOrigin,
    TaskState,
    TransferState,
)

LABEL_CONTEXT = "field"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


class Kind(StrEnum):
    """How a field's value is written, checked, stored and edited (one form widget each)."""

    TEXT = "text"
    LONG_TEXT = "long_text"  # several lines
    DATE = "date"
    DATETIME = "datetime"  # naive UTC when stored
    INTEGER = "integer"
    CHOICE = "choice"  # one member of ``choices``
    YES_NO = "yes_no"
    USER = "user"  # a user's id: mapped to the server's account at the sync edge
    REFERENCE = "reference"  # another record's id


# The shape a text value must have, beyond its length (the rule lives in validation).
class Format(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    LANGUAGE = "language"


# Where a field appears in the form: the person on the left, the rest on the right.
class Column(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Field:
    """One field of a record as this laptop checks, stores, shows and syncs it."""

    name: str
    kind: Kind
    # English; translated in the UI (context ``field``).
    label: str
    required: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    choices: type[StrEnum] | None = None
    # What a new record gets when the field is not given.
    default: Any = None
    format: Format | None = None
    # Personal data: cleared when a record is erased (a tombstone keeps what sync needs).
    personal: bool = False
    # In the full-text index the search box reads (store migration 0002).
    searchable: bool = False
    # Compared by the duplicate check before registering (services/duplicates.py).
    identifying: bool = False
    # A person types it in the form (the rest is assigned: case number, owner, links).
    editable: bool = True
    # A row of the record's plain form; False: a person sets it through its own action
    # (closing asks for the reason and note, and it alone changes the status).
    in_form: bool = True
    # Shown in its own row of the detail pane (long texts are shown under the rows).
    detail: bool = True
    form_column: Column = Column.LEFT
    # An example shown in an empty form field (translated as the label is).
    placeholder: str = ""
    # Its unit, after the value in the form and the detail (translated as the label is).
    unit: str = ""

    @property
    def multiline(self) -> bool:
        return self.kind is Kind.LONG_TEXT


NAME_MAX = 100
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 20_000
CLOSURE_NOTE_MAX = 2_000

BENEFICIARY: tuple[Field, ...] = (
    Field(
        "case_number",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Case no."),
        max_length=50,
        searchable=True,
        editable=False,
    ),
    Field(
        "first_name",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "First name"),
        required=True,
        max_length=NAME_MAX,
        personal=True,
        searchable=True,
        identifying=True,
        detail=False,  # the title
    ),
    Field(
        "last_name",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Last name"),
        required=True,
        max_length=NAME_MAX,
        personal=True,
        searchable=True,
        identifying=True,
        detail=False,
    ),
    Field(
        "date_of_birth",
        Kind.DATE,
        QT_TRANSLATE_NOOP("field", "Date of birth"),
        personal=True,
        identifying=True,
    ),
    Field(
        "gender",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Gender"),
        choices=Gender,
        personal=True,
    ),
    Field(
        "id_number",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "ID number"),
        max_length=50,
        personal=True,
        searchable=True,
        identifying=True,
        placeholder=QT_TRANSLATE_NOOP("field", "ID card or passport no."),
    ),
    Field(
        "phone",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Phone"),
        max_length=50,
        format=Format.PHONE,
        personal=True,
        identifying=True,
        placeholder="+256 700 123456",
    ),
    Field(
        "email",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Email"),
        max_length=254,
        format=Format.EMAIL,
        personal=True,
        placeholder="name@example.org",
    ),
    Field(
        "address",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Address"),
        max_length=500,
        personal=True,
        form_column=Column.RIGHT,
    ),
    Field(
        "preferred_language",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Preferred language"),
        max_length=50,
        format=Format.LANGUAGE,
        personal=True,
        form_column=Column.RIGHT,
        placeholder=QT_TRANSLATE_NOOP("field", "e.g. ar, fr, Swahili"),
    ),
    Field(
        "status",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Status"),
        required=True,
        choices=BeneficiaryStatus,
        default=BeneficiaryStatus.ACTIVE,
        # Closing asks why (ui/close_dialog.py) and reopening is its own action, so the
        # plain form never changes it.
        in_form=False,
        detail=False,  # the chip beside the title
        form_column=Column.RIGHT,
    ),
    # Why the case was closed: set by closing (BeneficiaryService.close), required while
    # closed, cleared by reopening; the audit log keeps every earlier closure.
    Field(
        "closure_reason",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Closure reason"),
        choices=ClosureReason,
        in_form=False,
        form_column=Column.RIGHT,
    ),
    Field(
        "closure_note",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Closure note"),
        max_length=CLOSURE_NOTE_MAX,
        personal=True,
        in_form=False,
        form_column=Column.RIGHT,
    ),
    Field(
        "consent_given",
        Kind.YES_NO,
        QT_TRANSLATE_NOOP("field", "Consent"),
        default=False,
        personal=True,
        form_column=Column.RIGHT,
    ),
    Field(
        "consent_date",
        Kind.DATE,
        QT_TRANSLATE_NOOP("field", "Consent date"),
        personal=True,
        detail=False,  # in the consent row: "given <date>"
        form_column=Column.RIGHT,
    ),
    Field(
        "notes",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Notes"),
        max_length=LONG_TEXT_MAX,
        personal=True,
        detail=False,  # under the rows, as written
        form_column=Column.RIGHT,
    ),
    Field(
        "caseworker_id",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "Caseworker"),
        editable=False,  # chosen on create by a supervisor, changed by a transfer
    ),
    # A record merged into another (services/merges.py) is a tombstone that forwards here:
    # the surviving record's id. Set and cleared only by a merge and its undo.
    Field(
        "merged_into",
        Kind.REFERENCE,
        QT_TRANSLATE_NOOP("field", "Merged into"),
        editable=False,
        in_form=False,
        detail=False,
    ),
)

# The beneficiary a session or a task belongs to (set by where it is made, not typed).
BENEFICIARY_LINK = Field(
    "beneficiary_id",
    Kind.REFERENCE,
    QT_TRANSLATE_NOOP("field", "Beneficiary"),
    required=True,
    editable=False,
    detail=False,
)

CASE_SESSION: tuple[Field, ...] = (
    BENEFICIARY_LINK,
    Field(
        "caseworker_id",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "Caseworker"),
        editable=False,
        detail=False,
    ),
    Field("starts_at", Kind.DATETIME, QT_TRANSLATE_NOOP("field", "Start"), required=True),
    Field(
        "duration_minutes",
        Kind.INTEGER,
        QT_TRANSLATE_NOOP("field", "Duration"),
        required=True,
        minimum=1,
        maximum=12 * 60,
        default=60,
        unit=QT_TRANSLATE_NOOP("field", "min"),
    ),
    Field(
        "kind",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Kind"),
        required=True,
        choices=SessionKind,
        default=SessionKind.OFFICE,
    ),
    Field(
        "location",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Location"),
        max_length=SHORT_TEXT_MAX,
        personal=True,
    ),
    Field(
        "status",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Status"),
        required=True,
        choices=SessionStatus,
        default=SessionStatus.PLANNED,
    ),
    Field(
        "summary",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Summary"),
        max_length=LONG_TEXT_MAX,
        personal=True,
        form_column=Column.RIGHT,
    ),
    Field(
        "outcome",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Outcome"),
        max_length=LONG_TEXT_MAX,
        personal=True,
        form_column=Column.RIGHT,
    ),
    Field(
        "follow_up_on",
        Kind.DATE,
        QT_TRANSLATE_NOOP("field", "Follow-up date"),
        form_column=Column.RIGHT,
    ),
)

TASK_TEXT_MAX = 2_000

# A follow-up to do: made and moved by a session's follow-up date (``origin`` session,
# linked by ``case_session_id``) or written by hand; open until done (with a note) or
# dismissed (with a reason). Its state changes only through its own actions.
TASK: tuple[Field, ...] = (
    BENEFICIARY_LINK,
    Field(
        "caseworker_id",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "Caseworker"),
        editable=False,
    ),
    Field("due_on", Kind.DATE, QT_TRANSLATE_NOOP("field", "Due"), required=True),
    Field(
        "title",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Task"),
        max_length=SHORT_TEXT_MAX,
        personal=True,
        placeholder=QT_TRANSLATE_NOOP("field", "e.g. Call about the housing application"),
    ),
    Field(
        "origin",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Origin"),
        required=True,
        choices=TaskOrigin,
        default=TaskOrigin.MANUAL,
        editable=False,
    ),
    Field(
        "case_session_id",
        Kind.REFERENCE,
        QT_TRANSLATE_NOOP("field", "Session"),
        editable=False,
        detail=False,
    ),
    Field(
        "state",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "State"),
        required=True,
        choices=TaskState,
        default=TaskState.OPEN,
        in_form=False,
    ),
    Field(
        "done_note",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Done note"),
        max_length=TASK_TEXT_MAX,
        personal=True,
        in_form=False,
    ),
    Field(
        "dismissed_reason",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Dismissal reason"),
        max_length=TASK_TEXT_MAX,
        personal=True,
        in_form=False,
    ),
)

# A beneficiary's membership of a household (desktop/services/households.py): the members
# of one household share ``household_id`` (a UUID made when the household is formed; there
# is no household record, so two laptops never write one record for it). Exactly one live
# member is the head; a household seen with two heads or none (two laptops each made one
# offline) is shown as a household conflict until a person makes one the head.
HOUSEHOLD_LINK: tuple[Field, ...] = (
    BENEFICIARY_LINK,
    Field(
        "household_id",
        Kind.REFERENCE,
        QT_TRANSLATE_NOOP("field", "Household"),
        required=True,
        editable=False,
        detail=False,
    ),
    Field(
        "relationship",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "Relationship"),
        required=True,
        choices=Relationship,
        default=Relationship.OTHER,
    ),
    Field(
        "is_head",
        Kind.YES_NO,
        QT_TRANSLATE_NOOP("field", "Head of household"),
        default=False,
        in_form=False,  # changed only by "Make head", which moves it from the old head
    ),
)

REFERRAL_TEXT_MAX = 2_000

# A referral of a beneficiary to another organisation on the same server: made here with
# the person's consent recorded (who, when), sent through the outbox; the server sends the
# other organisation only the values the form definition marks shareable. Accepted or
# declined (with the receiver's note) there, or withdrawn here.
REFERRAL: tuple[Field, ...] = (
    BENEFICIARY_LINK,
    Field(
        "caseworker_id",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "Caseworker"),  # who referred
        editable=False,
    ),
    Field(
        "to_organisation",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "To organisation"),
        required=True,
        max_length=100,
    ),
    Field(
        "note",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Referral note"),
        max_length=REFERRAL_TEXT_MAX,
        personal=True,
    ),
    Field(
        "consent_given",
        Kind.YES_NO,
        QT_TRANSLATE_NOOP("field", "Consent"),  # to share with the receiver
        default=False,
    ),
    Field(
        "consent_at",
        Kind.DATETIME,
        QT_TRANSLATE_NOOP("field", "Consent recorded"),
        editable=False,
    ),
    Field(
        "consent_by",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "Consent recorded by"),
        editable=False,
    ),
    Field(
        "state",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "State"),
        required=True,
        choices=ReferralState,
        default=ReferralState.PROPOSED,
        in_form=False,
    ),
    Field(
        "decision_note",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Receiver's note"),
        max_length=REFERRAL_TEXT_MAX,
        editable=False,
        in_form=False,
    ),
    Field(
        "decided_at",
        Kind.DATETIME,
        QT_TRANSLATE_NOOP("field", "Decided"),
        editable=False,
        in_form=False,
    ),
)

TRANSFER_NOTE_MAX = 2_000

# A case proposed to another caseworker (desktop/services/transfers.py). The receiver does
# not hold the beneficiary before accepting, so the transfer carries what they decide on:
# the case number and the name, filled in by the server from the beneficiary and cleared
# by it once the transfer is decided (server/transfers.py). No field is typed in a form:
# proposing names the receiver and the note, deciding adds the decision's note.
TRANSFER: tuple[Field, ...] = (
    BENEFICIARY_LINK,
    # The owner when proposed: who hands the case on.
    Field(
        "caseworker_id",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "Caseworker"),
        editable=False,
    ),
    Field(
        "to_caseworker_id",
        Kind.USER,
        QT_TRANSLATE_NOOP("field", "To"),
        required=True,
        editable=False,
    ),
    Field(
        "case_number",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Case no."),
        max_length=50,
        editable=False,
    ),
    Field(
        "beneficiary_name",
        Kind.TEXT,
        QT_TRANSLATE_NOOP("field", "Name"),
        max_length=2 * NAME_MAX + 1,
        personal=True,
        editable=False,
    ),
    Field(
        "note",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Note"),
        max_length=TRANSFER_NOTE_MAX,
        personal=True,
        in_form=False,  # typed when proposing (ui/transfer_dialog.py)
    ),
    Field(
        "state",
        Kind.CHOICE,
        QT_TRANSLATE_NOOP("field", "State"),
        required=True,
        choices=TransferState,
        default=TransferState.PROPOSED,
        in_form=False,
    ),
    Field(
        "decision_note",
        Kind.LONG_TEXT,
        QT_TRANSLATE_NOOP("field", "Decision note"),
        max_length=TRANSFER_NOTE_MAX,
        personal=True,
        in_form=False,
    ),
)

# The words a person reads for each choice, English; translated in the UI under the
# context ``choice`` (one table for the form, the detail, the lists and the history).
CHOICE_CONTEXT = "choice"
CHOICE_LABELS: dict[type[StrEnum], dict[Any, str]] = {
    TransferState: {
        TransferState.PROPOSED: QT_TRANSLATE_NOOP("choice", "Pending"),
        TransferState.ACCEPTED: QT_TRANSLATE_NOOP("choice", "Accepted"),
        TransferState.DECLINED: QT_TRANSLATE_NOOP("choice", "Declined"),
        TransferState.CANCELLED: QT_TRANSLATE_NOOP("choice", "Cancelled"),
    },
    ClosureReason: {
        ClosureReason.GOALS_MET: QT_TRANSLATE_NOOP("choice", "Goals met, needs addressed"),
        ClosureReason.REFERRED_ELSEWHERE: QT_TRANSLATE_NOOP(
            "choice", "Referred to another service"
        ),
        ClosureReason.MOVED_AWAY: QT_TRANSLATE_NOOP("choice", "Moved away"),
        ClosureReason.NO_LONGER_ELIGIBLE: QT_TRANSLATE_NOOP("choice", "No longer eligible"),
        ClosureReason.DECLINED_SERVICES: QT_TRANSLATE_NOOP("choice", "Declined further services"),
        ClosureReason.LOST_CONTACT: QT_TRANSLATE_NOOP("choice", "Lost contact"),
        ClosureReason.DECEASED: QT_TRANSLATE_NOOP("choice", "Deceased"),
        ClosureReason.OTHER: QT_TRANSLATE_NOOP("choice", "Other (say why in the note)"),
    },
    Gender: {
        Gender.FEMALE: QT_TRANSLATE_NOOP("choice", "Female"),
        Gender.MALE: QT_TRANSLATE_NOOP("choice", "Male"),
        Gender.OTHER: QT_TRANSLATE_NOOP("choice", "Other"),
        Gender.UNDISCLOSED: QT_TRANSLATE_NOOP("choice", "Prefers not to say"),
    },
    BeneficiaryStatus: {
        BeneficiaryStatus.ACTIVE: QT_TRANSLATE_NOOP("choice", "Active"),
        BeneficiaryStatus.CLOSED: QT_TRANSLATE_NOOP("choice", "Closed"),
    },
    SessionKind: {
        SessionKind.HOME_VISIT: QT_TRANSLATE_NOOP("choice", "Home visit"),
        SessionKind.OFFICE: QT_TRANSLATE_NOOP("choice", "Office"),
        SessionKind.PHONE: QT_TRANSLATE_NOOP("choice", "Phone"),
        SessionKind.VIDEO: QT_TRANSLATE_NOOP("choice", "Video"),
        SessionKind.GROUP: QT_TRANSLATE_NOOP("choice", "Group"),
    },
    TaskState: {
        TaskState.OPEN: QT_TRANSLATE_NOOP("choice", "Open"),
        TaskState.DONE: QT_TRANSLATE_NOOP("choice", "Done"),
        TaskState.DISMISSED: QT_TRANSLATE_NOOP("choice", "Dismissed"),
    },
    ReferralState: {
        ReferralState.PROPOSED: QT_TRANSLATE_NOOP("choice", "Waiting for an answer"),
        ReferralState.ACCEPTED: QT_TRANSLATE_NOOP("choice", "Accepted"),
        ReferralState.DECLINED: QT_TRANSLATE_NOOP("choice", "Declined"),
        ReferralState.WITHDRAWN: QT_TRANSLATE_NOOP("choice", "Withdrawn"),
    },
    TaskOrigin: {
        TaskOrigin.SESSION: QT_TRANSLATE_NOOP("choice", "Session's follow-up"),
        TaskOrigin.MANUAL: QT_TRANSLATE_NOOP("choice", "Created by hand"),
    },
    Relationship: {
        Relationship.PARENT: QT_TRANSLATE_NOOP("choice", "Parent"),
        Relationship.CHILD: QT_TRANSLATE_NOOP("choice", "Child"),
        Relationship.SIBLING: QT_TRANSLATE_NOOP("choice", "Sibling"),
        Relationship.SPOUSE: QT_TRANSLATE_NOOP("choice", "Spouse"),
        Relationship.GUARDIAN: QT_TRANSLATE_NOOP("choice", "Guardian"),
        Relationship.OTHER: QT_TRANSLATE_NOOP("choice", "Other relative"),
    },
    SessionStatus: {
        SessionStatus.PLANNED: QT_TRANSLATE_NOOP("choice", "Planned"),
        SessionStatus.DONE: QT_TRANSLATE_NOOP("choice", "Done"),
        SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("choice", "Cancelled"),
        SessionStatus.NO_SHOW: QT_TRANSLATE_NOOP("choice", "No-show"),
    },
}


def choice_label(member: StrEnum) -> str:
    """The English words for one choice (its value, for a choice without a label)."""
    return CHOICE_LABELS.get(type(member), {}).get(member, member.value.replace("_", " "))


FIELDS: dict[Entity, tuple[Field, ...]] = {
    Entity.BENEFICIARY: BENEFICIARY,
    Entity.CASE_SESSION: CASE_SESSION,
    Entity.TASK: TASK,
    Entity.HOUSEHOLD_LINK: HOUSEHOLD_LINK,
    Entity.REFERRAL: REFERRAL,
    Entity.TRANSFER: TRANSFER,
}
BY_NAME: dict[Entity, dict[str, Field]] = {
    entity: {f.name: f for f in fields} for entity, fields in FIELDS.items()
}


def names(fields: tuple[Field, ...], **where: Any) -> tuple[str, ...]:
    """The names of the fields whose attributes have the given values, in declared order:
    ``names(BENEFICIARY, editable=True)``."""
    return tuple(
        f.name for f in fields if all(getattr(f, key) == value for key, value in where.items())
    )


def field(entity: Entity | str, name: str) -> Field | None:
    return BY_NAME[Entity(entity)].get(name)


def label(name: str, entity: Entity | str | None = None) -> str:
    """The English label of a field, of the given record kind or of either."""
    for kind in (Entity(entity),) if entity else FIELDS:
        found = BY_NAME[kind].get(name)
        if found is not None:
            return found.label
    return name.replace("_", " ").capitalize()
