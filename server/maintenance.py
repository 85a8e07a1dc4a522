"""Housekeeping: rows that only matter for a while are deleted once they cannot matter.

- Idempotency records: a laptop retries a push with the same keys after a lost answer,
  possibly after weeks offline, so they are kept `keep_days` (90 by default). A retry
  after that is still safe: the record exists at the version it made, so the change comes back
  as a conflict with the server copy and the client's three-way merge settles it.
- Refresh tokens and revoked access tokens past their expiry (an expired token is refused
  by its signature's `exp` before any lookup), token families left without a refresh token
  (their last access token expired long before), and login failures older than the
  throttling window.
- Sync activity (laptops' reports, server/api/devices.py): older than
  `ACTIVITY_KEEP_DAYS`, and beyond the newest `ACTIVITY_KEEP_ROWS` rows; each laptop's
  last report (`devices`) stays.

Tombstones stay: a laptop that has been offline for months must still learn of a delete.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session

from server.config import IDEMPOTENCY_KEEP_DAYS, ServerConfig
from server.db import utcnow
from server.models import (
    IdempotencyRecord,
    LoginFailure,
    RefreshToken,
    RevokedAccessToken,
    SyncActivity,
    TokenFamily,
)

log = logging.getLogger(__name__)

ACTIVITY_KEEP_DAYS = 90
ACTIVITY_KEEP_ROWS = 100_000


def purge(
    session: Session,
    config: ServerConfig,
    *,
    keep_days: int = IDEMPOTENCY_KEEP_DAYS,
    activity_rows: int = ACTIVITY_KEEP_ROWS,
) -> dict[str, int]:
    """Deletes what has expired; the counts per table. The caller commits."""
    if keep_days < 1:
        raise ValueError("keep_days must be at least 1")
    now = utcnow()
    counts = {}
    statements = {
        "idempotency_records": delete(IdempotencyRecord).where(
            IdempotencyRecord.created_at < now - timedelta(days=keep_days)
        ),
        "refresh_tokens": delete(RefreshToken).where(RefreshToken.expires_at < now),
        "revoked_access_tokens": delete(RevokedAccessToken).where(
            RevokedAccessToken.expires_at < now
        ),
        "token_families": delete(TokenFamily).where(
            TokenFamily.created_at < now - config.access_token_ttl - timedelta(days=1),
            ~exists(select(RefreshToken.jti).where(RefreshToken.family_id == TokenFamily.id)),
        ),
        "login_failures": delete(LoginFailure).where(
            LoginFailure.failed_at < now - config.login_window
        ),
    }
    newest_dropped = session.execute(
        select(SyncActivity.id).order_by(SyncActivity.id.desc()).offset(activity_rows).limit(1)
    ).scalar_one_or_none()
    statements["sync_activity"] = delete(SyncActivity).where(
        or_(
            SyncActivity.at < now - timedelta(days=ACTIVITY_KEEP_DAYS),
            SyncActivity.id <= (newest_dropped or 0),
        )
    )
    for table, statement in statements.items():
        counts[table] = session.execute(statement).rowcount or 0
    log.info(
        "purged %s",
        ", ".join(f"{count} {table}" for table, count in counts.items()) or "nothing",
    )
    return counts
