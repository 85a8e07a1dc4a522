"""The server's record schema: each beneficiary, case-session and task field declared once.

The rules (server/validation.py), the record dicts and defaults (server/records.py), the
list search (server/api/records.py) and the record schemas of server/openapi.yaml (written
by server/openapi_gen.py, `make openapi`) are derived from these tuples. The desktop
declares its own fields in its own code; the two sides share a contract (the OpenAPI
document), not code. Adding a field: docs/server-fields.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal[
    "text", "long_text", "date", "datetime", "integer", "choice", "yes_no", "uuid", "custom"
]

GENDERS = ("female", "male", "other", "undisclosed")
BENEFICIARY_STATUSES = ("active", "closed")
# Why a case was closed; "other" is explained in the closure note.
CLOSURE_REASONS = (
    "goals_met",
    "referred_elsewhere",
    "moved_away",
    "no_longer_eligible",
    "declined_services",
    "lost_contact",
    "deceased",
    "other",
)
SESSION_KINDS = ("home_visit", "office", "phone", "video", "group")
SESSION_STATUSES = ("planned", "done", "cancelled", "no_show")
# A follow-up task: made by a session's follow-up date or by hand; open until done (with a
# note) or dismissed (with a reason).
TASK_ORIGINS = ("session", "manual")
TASK_STATES = ("open", "done", "dismissed")
TASK_TEXT_MAX = 2_000
# A household member's relationship (to the household's head).
RELATIONSHIPS = ("parent", "child", "sibling", "spouse", "guardian", "other")
# A case proposed to another caseworker: pending until accepted, declined or cancelled.
TRANSFER_STATES = ("proposed", "accepted", "declined", "cancelled")
TRANSFER_NOTE_MAX = 2_000

NAME_MAX = 100
LONG_TEXT_MAX = 20_000
CLOSURE_NOTE_MAX = 2_000
# Dates and timestamps, as written (the document states the same bound as a pattern).
MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_DURATION_MINUTES = 720
FORM_VERSION_MAX = 2**31 - 1


@dataclass(frozen=True)
class Field:
    """One writable field of a record, as the server checks and stores it."""

    name: str
    kind: Kind
    max_length: int | None = None
    # Required on create (a body must give it, or the URL does for a session's parent).
    required: bool = False
    # Null accepted in a body (an absent optional value).
    nullable: bool = True
    # The value a create without it gets; also what `required` fields never have.
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    # Text that may not be empty or only white space when given.
    not_blank: bool = False
    # A date that may not be after today (answered as a state rule: it depends on the day).
    not_future: bool = False
    # An e-mail address: `name@domain.tld`, no white space.
    email: bool = False
    # Personal data: cleared from a tombstone (the value it is cleared to is `cleared`).
    personal: bool = False
    cleared: Any = None
    # Matched by the beneficiary list's `search` (a case-insensitive substring).
    searchable: bool = False
    # What server/openapi.yaml says about the field to a client sending it, and (when it
    # differs in a returned record) about the stored value.
    doc: str = ""
    doc_stored: str = ""


# The organisation's own fields (server/forms.py), the same two on both record kinds.
CUSTOM_DOC = (
    "The organisation's own fields: key -> value as its form definition (GET /api/forms)"
    " stores it. Replaces the record's custom values as a whole (a key left out or null is"
    " empty); checked against the definition of `form_version`. A key the definition does"
    " not have, or a value it refuses, is answered 422 naming `custom.<key>`."
)
FORM_VERSION_DOC = (
    "The form definition version the custom values were written with. Absent: the"
    " organisation's current version on create or when `custom` is sent, else unchanged."
    " Older versions are accepted; a newer one than the server's is refused."
)


def _custom_fields() -> tuple[Field, ...]:
    return (
        Field("custom", "custom", nullable=False, doc=CUSTOM_DOC),
        Field(
            "form_version",
            "integer",
            nullable=False,
            minimum=0,
            maximum=FORM_VERSION_MAX,
            doc=FORM_VERSION_DOC,
        ),
    )


BENEFICIARY: tuple[Field, ...] = (
    Field(
        "case_number",
        "text",
        max_length=50,
        not_blank=True,
        searchable=True,
        doc="Made by the server when absent or null on create; not only spaces.",
    ),
    Field(
        "first_name",
        "text",
        max_length=NAME_MAX,
        required=True,
        nullable=False,
        not_blank=True,
        personal=True,
        cleared="",
        searchable=True,
    ),
    Field(
        "last_name",
        "text",
        max_length=NAME_MAX,
        required=True,
        nullable=False,
        not_blank=True,
        personal=True,
        cleared="",
        searchable=True,
    ),
    Field(
        "date_of_birth",
        "date",
        not_future=True,
        personal=True,
        doc=f"YYYY-MM-DD, a real calendar date from {MIN_YEAR}, not in the future.",
    ),
    Field("gender", "choice", choices=GENDERS, personal=True),
    Field(
        "id_number",
        "text",
        max_length=50,
        personal=True,
        searchable=True,
        doc="An ID document's number (national ID, passport, registration); empty if none.",
    ),
    Field("phone", "text", max_length=50, personal=True),
    Field(
        "email",
        "text",
        max_length=254,
        email=True,
        personal=True,
        doc="Empty, or an address `name@domain.tld` (one `@`, a dot in the domain, no spaces).",
    ),
    Field("address", "text", max_length=500, personal=True),
    Field("preferred_language", "text", max_length=50, personal=True),
    Field("status", "choice", choices=BENEFICIARY_STATUSES, nullable=False, default="active"),
    Field(
        "closure_reason",
        "choice",
        choices=CLOSURE_REASONS,
        doc="Why the case was closed; required while it is closed (cleared on reopening).",
    ),
    Field(
        "closure_note",
        "long_text",
        max_length=CLOSURE_NOTE_MAX,
        personal=True,
        doc="What the caseworker added on closing; required (not only spaces) for `other`.",
    ),
    Field("consent_given", "yes_no", nullable=False, default=False, personal=True, cleared=False),
    Field("consent_date", "date", personal=True),
    Field("notes", "long_text", max_length=LONG_TEXT_MAX, personal=True),
    Field(
        "caseworker_id",
        "uuid",
        doc="Owner; defaults to the caller. Only supervisors and admins may name another user"
        " of their organisation.",
        doc_stored="Server user id of the owner.",
    ),
    Field(
        "merged_into",
        "uuid",
        doc="Set by a supervisor's merge: this record becomes a tombstone (deleted) and what"
        " links to it (sessions, tasks) moves to the survivor named here; null on a tombstone"
        " whose version is the base undoes the merge. A push naming a merged-away record is"
        " answered with the survivor's id (`merged_into` in the result).",
        doc_stored="The survivor's id when this record was merged into another, else null.",
    ),
    *_custom_fields(),
)

CASE_SESSION: tuple[Field, ...] = (
    Field(
        "beneficiary_id",
        "uuid",
        required=True,
        nullable=False,
        doc="Required in sync pushes. On create the URL's beneficiary is used; a value sent"
        " here must still be a UUID.",
    ),
    Field("caseworker_id", "uuid", doc="Who ran the session; defaults to the caller."),
    Field(
        "starts_at",
        "datetime",
        required=True,
        nullable=False,
        doc="ISO 8601; stored and returned in UTC. Also taken without seconds, without an"
        " offset (UTC), or with a space for the `T`.",
    ),
    Field(
        "duration_minutes",
        "integer",
        nullable=False,
        default=60,
        minimum=1,
        maximum=MAX_DURATION_MINUTES,
    ),
    Field("kind", "choice", choices=SESSION_KINDS, required=True, nullable=False),
    Field("location", "text", max_length=200, personal=True),
    Field("status", "choice", choices=SESSION_STATUSES, nullable=False, default="planned"),
    Field("summary", "long_text", max_length=LONG_TEXT_MAX, personal=True),
    Field("outcome", "long_text", max_length=LONG_TEXT_MAX, personal=True),
    Field("follow_up_on", "date"),
    *_custom_fields(),
)

TASK: tuple[Field, ...] = (
    Field(
        "beneficiary_id",
        "uuid",
        required=True,
        nullable=False,
        doc="The beneficiary the task is for; who may see the beneficiary may see its tasks.",
    ),
    Field(
        "caseworker_id",
        "uuid",
        doc="Assigned caseworker; defaults to the caller. Only supervisors and admins may"
        " name another user of their organisation.",
        doc_stored="Server user id of the assigned caseworker.",
    ),
    Field("due_on", "date", required=True, nullable=False, doc="YYYY-MM-DD, the day it is due."),
    Field("title", "text", max_length=200, personal=True, doc="What is to be done."),
    Field("origin", "choice", choices=TASK_ORIGINS, nullable=False, default="manual"),
    Field(
        "case_session_id",
        "uuid",
        doc="The session whose follow-up date made the task (origin `session`); null otherwise.",
    ),
    Field("state", "choice", choices=TASK_STATES, nullable=False, default="open"),
    Field(
        "done_note",
        "long_text",
        max_length=TASK_TEXT_MAX,
        personal=True,
        doc="What was done; required (not only spaces) when the state is `done`.",
    ),
    Field(
        "dismissed_reason",
        "long_text",
        max_length=TASK_TEXT_MAX,
        personal=True,
        doc="Why it is not to be done; required (not only spaces) when `dismissed`.",
    ),
)

HOUSEHOLD_LINK: tuple[Field, ...] = (
    Field(
        "beneficiary_id",
        "uuid",
        required=True,
        nullable=False,
        doc="The member; who may see the beneficiary may see and change their link.",
    ),
    Field(
        "household_id",
        "uuid",
        required=True,
        nullable=False,
        doc="Shared by the members of one household (made by the laptop that formed it).",
    ),
    Field("relationship", "choice", choices=RELATIONSHIPS, nullable=False, default="other"),
    Field(
        "is_head",
        "yes_no",
        nullable=False,
        default=False,
        doc="The head of the household. The laptops keep one head per household; two"
        " heads after two offline changes are kept as sent and shown there as a conflict.",
    ),
)

# A referral to another organisation on the same server (server/referrals.py): proposed by
# the sender's laptop with the person's consent recorded; accepted, declined (with a
# reason) by the receiving organisation, or withdrawn by the sender.
REFERRAL_STATES = ("proposed", "accepted", "declined", "withdrawn")
REFERRAL_TEXT_MAX = 2_000
ORGANISATION_MAX = 100

REFERRAL: tuple[Field, ...] = (
    Field(
        "beneficiary_id",
        "uuid",
        required=True,
        nullable=False,
        doc="The beneficiary referred; only its shareable values leave the organisation.",
    ),
    Field(
        "caseworker_id",
        "uuid",
        doc="Who referred; defaults to the caller.",
        doc_stored="Server user id of who referred.",
    ),
    Field(
        "to_organisation",
        "text",
        max_length=ORGANISATION_MAX,
        required=True,
        nullable=False,
        not_blank=True,
        doc="The receiving organisation (GET /api/organisations); not the sender's own.",
    ),
    Field(
        "note",
        "long_text",
        max_length=REFERRAL_TEXT_MAX,
        personal=True,
        doc="Why the person is referred; the receiving organisation reads it.",
    ),
    Field(
        "consent_given",
        "yes_no",
        nullable=False,
        default=False,
        doc="The person agreed to the referral; a referral without it is refused"
        " (`consent_missing`).",
    ),
    Field("consent_at", "datetime", doc="When consent was recorded (ISO 8601, UTC)."),
    Field(
        "consent_by",
        "uuid",
        doc="Who recorded the consent; defaults to the caller.",
        doc_stored="Server user id of who recorded the consent.",
    ),
    Field(
        "state",
        "choice",
        choices=REFERRAL_STATES,
        nullable=False,
        default="proposed",
        doc="`proposed` on create; the sender may only change it to `withdrawn` (while"
        " proposed); `accepted` and `declined` are the receiver's (POST"
        " /api/referrals/{id}/accept or /decline).",
    ),
    Field(
        "decision_note",
        "long_text",
        max_length=REFERRAL_TEXT_MAX,
        doc="The receiver's note or reason for declining; read-only to the sender.",
    ),
    Field("decided_at", "datetime", doc="When the receiver decided; read-only to the sender."),
)

TRANSFER: tuple[Field, ...] = (
    Field(
        "beneficiary_id",
        "uuid",
        required=True,
        nullable=False,
        doc="The case proposed: one the caller may see (their own, or a supervisor's"
        " organisation's).",
    ),
    Field(
        "caseworker_id",
        "uuid",
        doc="Ignored when sent: the server sets the case's caseworker when it is proposed.",
        doc_stored="Server user id of the caseworker handing the case on.",
    ),
    Field(
        "to_caseworker_id",
        "uuid",
        required=True,
        nullable=False,
        doc="The receiver: an active user of the organisation other than the case's caseworker.",
    ),
    Field(
        "case_number",
        "text",
        max_length=50,
        doc="Ignored when sent: the case's number, for the receiver to decide on; cleared"
        " once the transfer is decided.",
    ),
    Field(
        "beneficiary_name",
        "text",
        max_length=2 * NAME_MAX + 1,
        personal=True,
        doc="Ignored when sent: the case's first and last name, for the receiver to decide"
        " on; cleared once the transfer is decided.",
    ),
    Field(
        "note",
        "long_text",
        max_length=TRANSFER_NOTE_MAX,
        personal=True,
        doc="Why the case is handed on; set when proposed, not changed afterwards.",
    ),
    Field(
        "state",
        "choice",
        choices=TRANSFER_STATES,
        nullable=False,
        default="proposed",
        doc="`proposed` on create. The receiver (or a supervisor) accepts or declines; the"
        " case's caseworker (or a supervisor) cancels. A decision is final; accepting"
        " reassigns the case to the receiver.",
    ),
    Field(
        "decision_note",
        "long_text",
        max_length=TRANSFER_NOTE_MAX,
        personal=True,
        doc="The decider's note; required (not only spaces) when `declined`.",
    ),
)

# A session's parent: on create through /api/beneficiaries/{id}/sessions the URL names it,
# so only a sync push must send it.
SESSION_PARENT = "beneficiary_id"

# Rules over two fields: the field named in the answer, and the one it is read with.
# A consent date without consent is contradictory (what did the person agree to, when?).
CONSENT_DATE_WITHOUT_CONSENT = "is set but consent is not given"
# A closed case says why it was closed, and a reason of "other" says it in the note.
CLOSURE_REASON_MISSING = "is required when the case is closed"
CLOSURE_NOTE_MISSING = "is required when the closure reason is other"
# A task done says what was done; one dismissed says why.
TASK_NOTE_MISSING = "is required when the task is done"
TASK_REASON_MISSING = "is required when the task is dismissed"
TRANSFER_NOTE_MISSING = "is required when the transfer is declined"


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def defaults(fields: tuple[Field, ...]) -> dict[str, Any]:
    """What a create without the optional fields stores."""
    return {f.name: f.default for f in fields if not f.required}


def required(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields if f.required)


def searchable(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields if f.searchable)


def tombstone_clears(fields: tuple[Field, ...]) -> dict[str, Any]:
    """Personal data removed from a tombstone; what stays is what sync needs to match it."""
    return {f.name: f.cleared for f in fields if f.personal}
