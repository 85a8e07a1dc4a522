"""Indexes the supervisors' reports count through (desktop/services/reports.py), and the
office-wide audit log's filters (services/audit.AuditService.page).

Each report counts the records of a date range by one column. An index per counted column,
(column, the report's date, caseworker, deleted_at), partial on live records, holds every
value the count reads: the report seeks each known value's range of dates in it and never
reads a table row (one GROUP BY scan of 1,000,000 sessions: 1-5 s; with these: tens of ms).
``deleted_at`` is listed although the index holds only live rows: without it SQLite does
not see the index as covering and reads every row to test the condition.

The indexes on the organisation's own choice fields follow its definition and are made by
``store/custom_indexes.ensure_custom_indexes`` (here too, for the published definition).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

import json

from alembic import op
from sqlalchemy import text

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LIVE = "WHERE deleted_at IS NULL"
INDEXES = {
    "ix_case_sessions_report_kind": "case_sessions (kind, starts_at, caseworker_id, deleted_at)",
    "ix_case_sessions_report_status": "case_sessions (status, starts_at, caseworker_id, "
    "deleted_at)",
    "ix_case_sessions_report_caseworker": "case_sessions (caseworker_id, starts_at, deleted_at)",
    "ix_beneficiaries_report_registered": "beneficiaries (created_at, caseworker_id, deleted_at)",
    "ix_beneficiaries_report_status": "beneficiaries (status, created_at, caseworker_id, "
    "deleted_at)",
    "ix_beneficiaries_report_gender": "beneficiaries (gender, created_at, caseworker_id, "
    "deleted_at)",
    "ix_beneficiaries_report_closure": "beneficiaries (closure_reason, created_at, "
    "caseworker_id, deleted_at)",
    # Status and date first: led by the caseworker, SQLite took ix_beneficiaries_caseworker
    # (caseworker_id, status) and read every row for its follow-up date (1-2 s at 100k).
    "ix_beneficiaries_report_follow_up": "beneficiaries (status, next_follow_up_on, "
    "caseworker_id, deleted_at)",
}
# The office-wide audit log's filters, paged by id (keyset): a rare action among 1,000,000
# events was a walk over every row (seconds); with these, a seek and 200 index entries.
AUDIT_INDEXES = {
    "ix_audit_events_action": "audit_events (action, id)",
    "ix_audit_events_user": "audit_events (user_id, id)",
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {columns} {LIVE}")
    for name, columns in AUDIT_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {columns}")
    connection = op.get_bind()
    body = connection.execute(
        text("SELECT body FROM form_definitions WHERE version > 0 ORDER BY version DESC LIMIT 1")
    ).scalar()
    if body is not None:
        from desktop.domain import forms
        from desktop.store.custom_indexes import ensure_custom_indexes

        ensure_custom_indexes(connection, forms.from_document(json.loads(body)))


def downgrade() -> None:
    for name in (*INDEXES, *AUDIT_INDEXES):
        op.execute(f"DROP INDEX {name}")
    connection = op.get_bind()
    for (name,) in connection.execute(
        text(
            "SELECT name FROM sqlite_master WHERE type = 'index' "
            "AND name LIKE 'ix\\_report\\_%' ESCAPE '\\'"
        )
    ).all():
        op.execute(f'DROP INDEX "{name}"')
