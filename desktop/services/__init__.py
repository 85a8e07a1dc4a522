"""Use cases: every read and write of the app goes through here and is authorised here."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.services.audit import AuditService
from desktop.services.beneficiaries import BeneficiaryService
from desktop.services.case_sessions import CaseSessionService
from desktop.services.maintenance import MaintenanceService
from desktop.services.users import UserService


@dataclass
class Services:
    """Every service, bound to one logged-in user and their open database."""

    beneficiaries: BeneficiaryService
    case_sessions: CaseSessionService
    users: UserService
    audit: AuditService
    maintenance: MaintenanceService

    @classmethod
    def for_session(cls, login: LoginSession, accounts: LocalAccounts) -> Services:
        db, actor = login.db, login.actor
        return cls(
            beneficiaries=BeneficiaryService(db, actor),
            case_sessions=CaseSessionService(db, actor),
            users=UserService(db, actor, accounts),
            audit=AuditService(db, actor),
            maintenance=MaintenanceService(db, actor, login.paths),
        )
