"""The beneficiary's ID document number: optional, personal, searchable, identifying.

A national ID, passport or refugee registration number. It joins the search index (the
index and its triggers are made again with the new column list, then rebuilt from the
table) and gets an index the duplicate check's case-insensitive lookup uses.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEX = "CREATE INDEX ix_beneficiaries_id_number ON beneficiaries (id_number COLLATE NOCASE)"


def _search(columns: tuple[str, ...]) -> list[str]:
    """The external-content FTS5 index over ``columns`` and the triggers that keep it."""
    listed = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        "DROP TRIGGER IF EXISTS beneficiary_search_insert",
        "DROP TRIGGER IF EXISTS beneficiary_search_delete",
        "DROP TRIGGER IF EXISTS beneficiary_search_update",
        "DROP TABLE IF EXISTS beneficiary_search",
        f"CREATE VIRTUAL TABLE beneficiary_search USING fts5({listed}, "
        "content='beneficiaries', content_rowid='pk', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
        "CREATE TRIGGER beneficiary_search_insert AFTER INSERT ON beneficiaries BEGIN "
        f"INSERT INTO beneficiary_search(rowid, {listed}) VALUES (new.pk, {new}); END",
        "CREATE TRIGGER beneficiary_search_delete AFTER DELETE ON beneficiaries BEGIN "
        f"INSERT INTO beneficiary_search(beneficiary_search, rowid, {listed}) "
        f"VALUES ('delete', old.pk, {old}); END",
        f"CREATE TRIGGER beneficiary_search_update AFTER UPDATE OF {listed} ON beneficiaries "
        f"BEGIN INSERT INTO beneficiary_search(beneficiary_search, rowid, {listed}) "
        f"VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO beneficiary_search(rowid, {listed}) VALUES (new.pk, {new}); END",
        "INSERT INTO beneficiary_search(beneficiary_search) VALUES ('rebuild')",
    ]


BEFORE = ("case_number", "first_name", "last_name")
AFTER = (*BEFORE, "id_number")


def upgrade() -> None:
    op.add_column(
        "beneficiaries",
        sa.Column("id_number", sa.String(50), nullable=False, server_default=""),
    )
    op.execute(INDEX)
    for statement in _search(AFTER):
        op.execute(statement)


def downgrade() -> None:
    for statement in _search(BEFORE):
        op.execute(statement)
    op.execute("DROP INDEX ix_beneficiaries_id_number")
    op.drop_column("beneficiaries", "id_number")
