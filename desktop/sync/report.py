"""The laptop's report to the server at the end of each sync run (POST /api/sync/report).

Which laptop this is (a random id made once per data folder, in the encrypted state
table), the app version, how many records wait in the outbox and how many have open
conflicts, and what the run did. The server's web console shows them to admins and
supervisors. Counts only; a run that failed says why in the words it showed the user.

A report that cannot be delivered is logged and forgotten: it never fails a sync.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import func, select

from desktop import __version__
from desktop.errors import UserError
from desktop.store.db import Database
from desktop.store.journal import get_state, set_state
from desktop.store.tables import OutboxRow, new_id
from desktop.sync.client import (
    ApiFailure,
    CaFileError,
    CertificateNotTrusted,
    ServerClient,
    ServerUnreachable,
    SignInRequired,
    SyncCancelled,
    SyncError,
)
from desktop.sync.run import SyncReport

log = logging.getLogger(__name__)

REPORT_PATH = "/api/sync/report"
DEVICE_STATE = "device_id"  # made when the data folder is (desktop/auth/accounts.py)
MAX_ERROR_LENGTH = 200
# Failures after which the server cannot take a report (or the user stopped): none is sent.
NOT_REPORTED = (
    SyncCancelled,
    ServerUnreachable,
    CertificateNotTrusted,
    CaFileError,
    SignInRequired,
)


def device_id(db: Database) -> str:
    """This data folder's laptop id; made now for a folder older than the ids."""
    with db.read() as uow:
        found = get_state(uow.session, DEVICE_STATE)
    if found:
        return found
    with db.write() as uow:
        found = get_state(uow.session, DEVICE_STATE)
        if not found:
            found = new_id()
            set_state(uow.session, DEVICE_STATE, found)
            uow.commit()
    return found


def laptop_counts(db: Database) -> tuple[int, int]:
    """(records waiting in the outbox, records with an open conflict)."""
    from desktop.sync.results import open_conflict_count

    with db.read() as uow:
        waiting = uow.session.execute(select(func.count()).select_from(OutboxRow)).scalar_one()
        return waiting, open_conflict_count(uow.session)


def failure_text(exc: BaseException) -> str:
    """What the user was shown; a bug's own message stays on the laptop (it may hold data)."""
    text = str(exc) if isinstance(exc, UserError) else f"internal error ({type(exc).__name__})"
    return text[:MAX_ERROR_LENGTH]


def report_body(
    db: Database, report: SyncReport, duration: float, failure: BaseException | None
) -> dict[str, Any]:
    waiting, conflicts = laptop_counts(db)
    return {
        "device_id": device_id(db),
        "app_version": __version__,
        "records_waiting": waiting,
        "open_conflicts": conflicts,
        "sent": report.sent,
        "received": report.received,
        "conflicts": report.conflicts,
        "errors": report.errors,
        "duration_ms": max(0, int(duration * 1000)),
        "outcome": "ok" if failure is None and not report.failed else "failed",
        "error": None if failure is None else failure_text(failure),
    }


def send_report(
    db: Database,
    client: ServerClient,
    report: SyncReport,
    duration: float,
    failure: BaseException | None = None,
) -> bool:
    """Sends the report; True if delivered. After a failed run it is tried once (the
    server may be the failure); the next sync sends a new one anyway."""
    try:
        body = report_body(db, report, duration, failure)
    except Exception:
        # After a failed run the database may be the failure: that error is the one to see.
        log.warning("the sync report could not be made", exc_info=failure is None)
        return False
    try:
        client.request("POST", REPORT_PATH, json=body, retry=failure is None)
    except (SyncError, ApiFailure) as exc:
        log.info("the sync report was not delivered (%s)", exc)
        return False
    return True
