"""Indexes for the caseload list and reports, and the FTS5 name search kept by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = (
    "CREATE INDEX ix_beneficiaries_last_name ON beneficiaries "
    "(last_name COLLATE NOCASE, first_name COLLATE NOCASE)",
    "CREATE INDEX ix_beneficiaries_first_name ON beneficiaries (first_name COLLATE NOCASE)",
    "CREATE INDEX ix_beneficiaries_date_of_birth ON beneficiaries (date_of_birth)",
    "CREATE INDEX ix_beneficiaries_status ON beneficiaries (status)",
    "CREATE INDEX ix_beneficiaries_caseworker ON beneficiaries (caseworker_id, status)",
    "CREATE INDEX ix_beneficiaries_follow_up ON beneficiaries (next_follow_up_on)",
    "CREATE INDEX ix_beneficiaries_updated_at ON beneficiaries (updated_at)",
    "CREATE INDEX ix_beneficiaries_sync_status ON beneficiaries (sync_status)",
    "CREATE INDEX ix_case_sessions_beneficiary_starts ON case_sessions (beneficiary_id, starts_at)",
    "CREATE INDEX ix_case_sessions_caseworker_starts ON case_sessions (caseworker_id, starts_at)",
    "CREATE INDEX ix_case_sessions_follow_up ON case_sessions (follow_up_on)",
    "CREATE INDEX ix_case_sessions_updated_at ON case_sessions (updated_at)",
    "CREATE INDEX ix_audit_events_entity ON audit_events (entity_id, id)",
    "CREATE INDEX ix_sync_conflicts_entity ON sync_conflicts (entity_id, resolved_at)",
)

# External-content FTS5 over the names and case number: the text lives once, in
# beneficiaries; the index points at its integer pk. Prefix indexes make
# search-as-you-type a lookup, not a scan.
SEARCH = (
    "CREATE VIRTUAL TABLE beneficiary_search USING fts5("
    "case_number, first_name, last_name, content='beneficiaries', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
    "CREATE TRIGGER beneficiary_search_insert AFTER INSERT ON beneficiaries BEGIN "
    "INSERT INTO beneficiary_search(rowid, case_number, first_name, last_name) "
    "VALUES (new.pk, new.case_number, new.first_name, new.last_name); END",
    "CREATE TRIGGER beneficiary_search_delete AFTER DELETE ON beneficiaries BEGIN "
    "INSERT INTO beneficiary_search(beneficiary_search, rowid, case_number, first_name, last_name) "
    "VALUES ('delete', old.pk, old.case_number, old.first_name, old.last_name); END",
    "CREATE TRIGGER beneficiary_search_update "
    "AFTER UPDATE OF case_number, first_name, last_name ON beneficiaries BEGIN "
    "INSERT INTO beneficiary_search(beneficiary_search, rowid, case_number, first_name, last_name) "
    "VALUES ('delete', old.pk, old.case_number, old.first_name, old.last_name); "
    "INSERT INTO beneficiary_search(rowid, case_number, first_name, last_name) "
    "VALUES (new.pk, new.case_number, new.first_name, new.last_name); END",
    # Rows written before this revision join the index.
    "INSERT INTO beneficiary_search(beneficiary_search) VALUES ('rebuild')",
)


def upgrade() -> None:
    for statement in (*INDEXES, *SEARCH):
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER beneficiary_search_{trigger}")
    op.execute("DROP TABLE beneficiary_search")
    for statement in INDEXES:
        op.execute(f"DROP INDEX {statement.split()[2]}")
