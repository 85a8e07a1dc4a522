"""The organisation's own fields (desktop/domain/forms.py): definitions and stored values.

- ``form_definitions``: each published version of the organisation's definition (the
  file's JSON), plus at most one draft (version 0) an admin is editing. ``source`` says
  whether a version was published here or pulled from the server.
- ``custom`` on beneficiaries and case sessions: the record's custom values as a JSON
  object ('{}' when none); ``form_version``: the definition version the record was last
  written with (0: none).
- ``custom_search`` on beneficiaries: the searchable custom fields' text, kept by the
  write path and indexed with the built-in searchable fields (the search index and its
  triggers are made again with the new column list, then rebuilt from the table).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


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


BEFORE = ("case_number", "first_name", "last_name", "id_number")
AFTER = (*BEFORE, "custom_search")


def upgrade() -> None:
    op.create_table(
        "form_definitions",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("source", sa.String(16), nullable=False, server_default="local"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(36)),
    )
    for table in ("beneficiaries", "case_sessions"):
        op.add_column(table, sa.Column("custom", sa.Text, nullable=False, server_default="{}"))
        op.add_column(
            table, sa.Column("form_version", sa.Integer, nullable=False, server_default="0")
        )
    op.add_column(
        "beneficiaries",
        sa.Column("custom_search", sa.Text, nullable=False, server_default=""),
    )
    for statement in _search(AFTER):
        op.execute(statement)


def downgrade() -> None:
    for statement in _search(BEFORE):
        op.execute(statement)
    with op.batch_alter_table("beneficiaries") as batch:
        batch.drop_column("custom_search")
    for table in ("beneficiaries", "case_sessions"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("form_version")
            batch.drop_column("custom")
    op.drop_table("form_definitions")
