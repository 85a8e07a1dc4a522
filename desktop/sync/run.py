"""What one sync run shares between its steps: settings, connection, report, cancel check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.enums import Role
from desktop.domain.records import Actor
from desktop.store.db import Database
from desktop.store.tables import UserRow, new_id

if TYPE_CHECKING:
    # httpx loads with the client on a sync's first use, not with the main window
    # (which reaches this module through the record services' delete rules).
    from desktop.sync.client import ServerClient

Progress = Callable[[int, int, str], None]


@dataclass
class SyncReport:
    sent: int = 0
    received: int = 0
    merged: int = 0
    conflicts: int = 0
    errors: int = 0
    deleted_on_server: int = 0
    clock_skew: float | None = None
    digest_ok: bool | None = None
    token_refreshes: int = 0
    warnings: list[str] = field(default_factory=list)
    # Records held back by an open conflict (and the records held with them, like the
    # sessions deleted with a beneficiary whose delete is in conflict): not a failure.
    waiting: int = 0
    held: int = 0  # records not sent: their owner has no server account linked
    forms_version: int = 0  # a form definition version this sync brought (0: none)

    @property
    def failed(self) -> bool:
        return self.errors > 0 or self.digest_ok is False

    def summary(self) -> str:
        text = (
            f"sent {self.sent}, received {self.received}, conflicts {self.conflicts}, "
            f"errors {self.errors}"
        )
        if self.merged:
            text += f", merged {self.merged}"
        if self.waiting:
            text += f"; {waiting_text(self.waiting)}"
        return text


def waiting_text(count: int) -> str:
    if count == 1:
        return "1 record waits for a supervisor's decision"
    return f"{count} records wait for a supervisor's decision"


@dataclass
class SyncRun:
    """One run's settings and state, handed to push, pull and verify."""

    db: Database
    actor: Actor
    client: ServerClient
    server_user_id: str
    server_role: str
    batch_size: int
    page_size: int
    progress: Progress
    is_cancelled: Callable[[], bool]
    # Records this run's pushes write carry its id on the server; the closing pull
    # leaves them out instead of downloading what was just uploaded.
    run_id: str = field(default_factory=new_id)
    held: dict[str, set[int]] = field(default_factory=dict)  # owner id -> outbox ids held
    account_names: dict[str, str] = field(default_factory=dict)  # server id -> name

    @property
    def sees_all(self) -> bool:
        """Supervisors and admins sync every record; a caseworker only their own."""
        return self.server_role in (Role.SUPERVISOR.value, Role.ADMIN.value)

    def check_cancel(self) -> None:
        if self.is_cancelled():
            from desktop.sync.client import SyncCancelled

            raise SyncCancelled()

    def owners(self, session: Session) -> list[str] | None:
        """Local users whose records this account syncs; None: every record (supervisors)."""
        if self.sees_all:
            return None
        return list(
            session.execute(
                select(UserRow.id).where(UserRow.server_user_id == self.server_user_id)
            ).scalars()
        )
