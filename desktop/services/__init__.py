"""Use cases: every read and write of the app goes through here and is authorised here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.domain.records import Actor
from desktop.paths import DataPaths
from desktop.services.audit import AuditService
from desktop.services.beneficiaries import BeneficiaryService
from desktop.services.case_sessions import CaseSessionService
from desktop.services.exports import ExportService
from desktop.services.forms import FormService
from desktop.services.households import HouseholdService
from desktop.services.imports import ImportService
from desktop.services.maintenance import MaintenanceService
from desktop.services.merges import MergeService
from desktop.services.printouts import PrintoutService
from desktop.services.referrals import ReferralService
from desktop.services.reports import ReportService
from desktop.services.sync_account import SyncAccount
from desktop.services.tasks import TaskService
from desktop.services.transfers import TransferService
from desktop.services.users import UserService

if TYPE_CHECKING:
    from desktop.services.conflicts import ConflictService


@dataclass
class Services:
    """Every service, bound to one logged-in user and their open database.

    What the windows are handed (by ``desktop.app``): they reach the records only through
    these, and ``close()`` ends the session; the database itself stays in here.
    """

    actor: Actor
    paths: DataPaths
    beneficiaries: BeneficiaryService
    case_sessions: CaseSessionService
    users: UserService
    audit: AuditService
    maintenance: MaintenanceService
    sync: SyncAccount
    conflicts: ConflictService
    forms: FormService
    printouts: PrintoutService
    tasks: TaskService
    households: HouseholdService
    merges: MergeService
    referrals: ReferralService
    transfers: TransferService
    exports: ExportService
    imports: ImportService
    reports: ReportService
    _login: LoginSession = field(repr=False)

    @classmethod
    def for_session(cls, login: LoginSession, accounts: LocalAccounts) -> Services:
        # Here, not at the top: the sync modules import services, and may come first.
        from desktop.services.conflicts import ConflictService

        db, actor = login.db, login.actor
        return cls(
            actor=actor,
            paths=login.paths,
            beneficiaries=BeneficiaryService(db, actor),
            case_sessions=CaseSessionService(db, actor),
            users=UserService(db, actor, accounts),
            audit=AuditService(db, actor),
            maintenance=MaintenanceService(db, actor, login.paths),
            sync=SyncAccount(db, actor),
            conflicts=ConflictService(db, actor),
            forms=FormService(db, actor),
            printouts=PrintoutService(db, actor),
            tasks=TaskService(db, actor),
            households=HouseholdService(db, actor),
            merges=MergeService(db, actor),
            referrals=ReferralService(db, actor),
            transfers=TransferService(db, actor),
            exports=ExportService(db, actor),
            imports=ImportService(db, actor),
            reports=ReportService(db, actor),
            _login=login,
        )

    def close(self) -> None:
        """Closes the session's database (lock, switch user, quit)."""
        self._login.close()
