"""What a printed case summary or referral letter is made of, and the audit of printing it.

The documents themselves are laid out in the UI (``desktop/ui/printing.py``: Qt's text
document and PDF writer); this reads the record for them through the same access rule as
the detail (a caseworker prints only their own caseload) and records each printout as an
audit event that names the record's id, never its personal data.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from desktop.domain.enums import Entity
from desktop.domain.forms import FormSet
from desktop.domain.households import Household
from desktop.domain.records import Actor, Beneficiary, CaseSession
from desktop.domain.tasks import TaskView
from desktop.errors import NotFound, UserError
from desktop.services.beneficiaries import BeneficiaryService
from desktop.services.case_sessions import CaseSessionService
from desktop.services.common import load_beneficiary
from desktop.services.forms import current_forms
from desktop.services.households import HouseholdService
from desktop.services.tasks import TaskService
from desktop.store.changes import record_audit
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, utcnow

PRINT_ACTION = "print"


class Document(StrEnum):
    """What can be printed about a case (stored in the audit event)."""

    CASE_SUMMARY = "case_summary"
    REFERRAL_LETTER = "referral_letter"


class Output(StrEnum):
    PDF = "pdf"
    PRINTER = "printer"


@dataclass(frozen=True)
class CaseFile:
    """Everything a printout of one case reads: the record, its sessions (newest first),
    its follow-up tasks, the form definition its custom fields are read with, who printed
    it when, and their household (the members the printer may see)."""

    beneficiary: Beneficiary
    sessions: tuple[CaseSession, ...]
    tasks: tuple[TaskView, ...]
    forms: FormSet
    printed_by: str
    printed_at: datetime  # naive UTC, as every stored time
    household: Household = field(default_factory=lambda: Household(None))


class PrintoutService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    def find(self, case_number: str) -> str:
        """The id of the live beneficiary with ``case_number`` (access checked by ``case_file``)."""
        wanted = case_number.strip()
        if not wanted:
            raise UserError("Give a case number.")
        with self._db.read() as uow:
            found = uow.session.execute(
                select(BeneficiaryRow.id).where(
                    BeneficiaryRow.case_number == wanted, BeneficiaryRow.deleted_at.is_(None)
                )
            ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"No beneficiary has the case number {wanted}.")
        return found

    def case_file(self, beneficiary_id: str) -> CaseFile:
        """The case as the detail shows it; refused as reading the record is."""
        beneficiary = BeneficiaryService(self._db, self._actor).get(beneficiary_id)
        sessions = CaseSessionService(self._db, self._actor).timeline(beneficiary_id)
        tasks = TaskService(self._db, self._actor).for_beneficiary(beneficiary_id)
        household = HouseholdService(self._db, self._actor).household_of(beneficiary_id)
        with self._db.read() as uow:
            forms = current_forms(self._db, uow.session)
        return CaseFile(
            beneficiary=beneficiary,
            sessions=tuple(sessions),
            tasks=tuple(tasks),
            forms=forms,
            printed_by=self._actor.display_name or self._actor.username,
            printed_at=utcnow(),
            household=household,
        )

    def record_printed(
        self, beneficiary_id: str, document: Document, output: Output, pages: int
    ) -> None:
        """One audit event per printout: which record (its id), what, how, how many pages.

        Names, the letter's recipient and reason stay out of the trail: they are personal
        data, and the trail outlives an erasure of the record."""
        with self._db.write() as uow:
            load_beneficiary(uow.session, self._actor, beneficiary_id)  # access check
            record_audit(
                uow.session,
                user_id=self._actor.id,
                action=PRINT_ACTION,
                entity=Entity.BENEFICIARY.value,
                entity_id=str(uuid.uuid4()),
                changes={
                    "record": [None, beneficiary_id],
                    "document": [None, Document(document).value],
                    "format": [None, Output(output).value],
                    "pages": [None, pages],
                },
            )
            uow.commit()
