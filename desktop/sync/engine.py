"""The sync run: nothing lost, duplicated or silently overwritten.

One run: recover what a crash left uploading, link owners, pull, push, pull again,
compare digests. Each step lives in its own module; this one puts them in order:

- `desktop.sync.outbox`: the outbox's states and moves, and the rows held with others
  (a beneficiary's delete and its sessions' deletes are one unit on the server);
- `desktop.sync.push`: pipelined batches; `desktop.sync.results`: their answers, in one
  batched pass, a stale base merged by `desktop.sync.merge` (pure, three-way);
- `desktop.sync.pull`: the change feed as typed `PulledChange` records;
- `desktop.sync.deletes`: deleted on the server, reassigned away, erased once settled;
- `desktop.sync.verify`: the digest check.

Records in conflict, and those held with them, wait for a supervisor without making the
rest of the sync fail: the other changes still go out, the digest check compares them at
the version the server holds, and the report counts them (`SyncReport.waiting`).

Owners: a record goes to the server as its local owner's, through the owner's link to a
server account (made by username from the organisation's account list at each
supervisor's sync, or chosen in the Sync panel). Records of an unlinked owner wait here,
with a warning naming them; they are never sent as someone else's.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.records import Actor
from desktop.store.db import Database
from desktop.store.erasure import drop_erased_bytes
from desktop.store.journal import set_state
from desktop.store.tables import UserRow, new_id, utcnow
from desktop.sync import deletes, outbox, pull, push, verify
from desktop.sync.client import ApiFailure, ServerClient
from desktop.sync.forms import sync_forms
from desktop.sync.outbox import Held, cascade_held, held_back
from desktop.sync.pull import PulledChange
from desktop.sync.records import ROW_TYPES, UserMap, local_canonical
from desktop.sync.report import NOT_REPORTED, send_report
from desktop.sync.run import Progress, SyncReport, SyncRun, waiting_text

# Names other modules import from here.
__all__ = [
    "ROW_TYPES",
    "Held",
    "Progress",
    "SyncEngine",
    "SyncReport",
    "UserMap",
    "cascade_held",
    "held_back",
    "local_canonical",
    "waiting_text",
]

log = logging.getLogger(__name__)

CLOCK_WARNING_SECONDS = 300


FEED_PAGE = 1000  # records per change-feed page asked for: the server's largest


class SyncEngine:
    def __init__(
        self,
        db: Database,
        actor: Actor,
        client: ServerClient,
        *,
        server_user_id: str,
        server_role: str,
        batch_size: int = 100,
        page_size: int = FEED_PAGE,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] = lambda: False,
    ):
        self._db = db
        self._client = client
        client.is_cancelled = is_cancelled
        self._run = SyncRun(
            db=db,
            actor=actor,
            client=client,
            server_user_id=server_user_id,
            server_role=server_role,
            batch_size=batch_size,
            page_size=page_size,
            progress=progress or (lambda done, total, text: None),
            is_cancelled=is_cancelled,
        )

    @property
    def cursor_key(self) -> str:
        return pull.cursor_key(self._run)

    def run(self, *, full: bool = False) -> SyncReport:
        """One sync run; the laptop's report goes to the server at the end, also after a
        failure the server answered (a refusal, a bug), not when it cannot be reached."""
        report = SyncReport()
        started = time.monotonic()
        try:
            self._run_steps(report, full=full)
        except NOT_REPORTED:
            raise
        except Exception as exc:
            send_report(self._db, self._client, report, time.monotonic() - started, exc)
            raise
        send_report(self._db, self._client, report, time.monotonic() - started)
        log.info("sync finished: %s", report.summary())
        return report

    def _run_steps(self, report: SyncReport, *, full: bool) -> None:
        self._run.run_id = new_id()
        self._run.held = {}
        self.recover()
        self.link_directory(report)
        sync_forms(self._run, report)  # before any record: records follow its definition
        if full:
            self.full_resync(report)
        else:
            self.pull(report)
        for _ in range(3):  # merged records go out again in the next pass
            if not self.push(report):
                break
        self.erase_settled()
        self.pull(report, exclude_run=True)
        self.verify(report)
        self._report_held(report)
        skew = self._client.clock_skew()
        report.clock_skew = skew
        report.token_refreshes = self._client.refreshes
        if skew is not None and abs(skew) > CLOCK_WARNING_SECONDS:
            report.warnings.append(
                f"This computer's clock differs from the server's by {abs(skew) / 60:.0f} minutes; "
                "correct the date and time."
            )
        if self._client.warning:
            report.warnings.append(self._client.warning)
        with self._db.write() as uow:
            set_state(uow.session, "last_sync_at", utcnow().isoformat(timespec="seconds"))
            set_state(uow.session, "last_sync_summary", report.summary())
            uow.commit()
        drop_erased_bytes(self._db)

    # -- the steps -------------------------------------------------------------------

    def recover(self) -> None:
        """Rows a crash left ``uploading`` go back to pending; their keys stay unless edited."""
        with self._db.write() as uow:
            outbox.recover(uow.session)
            uow.commit()

    def push(self, report: SyncReport, *, respect_schedule: bool = False) -> bool:
        return push.push(self._run, report, respect_schedule=respect_schedule)

    def pull(
        self,
        report: SyncReport,
        *,
        since: int | None = None,
        full: bool = False,
        exclude_run: bool = False,
    ) -> set[tuple[str, str]]:
        return pull.pull(
            self._run, report, self._apply_pulled, since=since, full=full, exclude_run=exclude_run
        )

    def _apply_pulled(
        self,
        session: Session,
        users: UserMap,
        change: PulledChange,
        report: SyncReport,
        **options: Any,
    ) -> bool:
        # A method, so that a test can wrap it on the class to stop a run mid-pull.
        return pull.apply_pulled(self._run, session, users, change, report, **options)

    def full_resync(self, report: SyncReport) -> None:
        pull.full_resync(self._run, report, self._apply_pulled)

    def erase_settled(self) -> None:
        deletes.erase_settled(self._db)

    def verify(self, report: SyncReport) -> None:
        verify.verify(self._run, report, lambda: self.pull(report, exclude_run=True))

    def local_digest(self) -> dict[str, dict[str, Any]]:
        return verify.local_digest(self._run)

    # -- owners ----------------------------------------------------------------------

    def link_directory(self, report: SyncReport) -> None:
        """A supervisor's sync links local users to the organisation's accounts by username.

        Caseworkers may not list accounts (and only send their own records anyway).
        """
        from desktop.services.sync_account import apply_directory, parse_accounts

        if not self._run.sees_all:
            return
        try:
            accounts = parse_accounts(self._client.request("GET", "/api/users"))
        except ApiFailure as exc:
            log.warning("the server's account list is not available (%s)", exc.status)
            return
        self._run.account_names = {a.id: a.display_name or a.username for a in accounts}
        with self._db.write() as uow:
            linked = apply_directory(uow.session, accounts, by=self._run.actor.id)
            uow.commit()
        if linked:
            log.info("linked %d local user(s) to server accounts by username", len(linked))

    def _report_held(self, report: SyncReport) -> None:
        if not self._run.held:
            return
        with self._db.read() as uow:
            for user_id, outbox_ids in sorted(self._run.held.items()):
                row = uow.session.get(UserRow, user_id)
                who = f"{row.display_name} ({row.username})" if row else user_id
                name = row.username if row else user_id
                report.held += len(outbox_ids)
                report.warnings.append(
                    f"{len(outbox_ids)} record(s) of {who} were not sent: {name} is not linked "
                    "to a server account. A supervisor links them in the Sync panel "
                    "(Caseworkers on the server), or an admin creates the account on the server."
                )
