"""The organisation's own fields: published form definitions, and custom values on records.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 15:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
RECORDS = ("beneficiaries", "case_sessions")


def upgrade() -> None:
    op.create_table(
        "form_definitions",
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", DOCUMENT, nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["published_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("organisation", "version"),
    )
    for table in RECORDS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("custom", DOCUMENT, nullable=False, server_default=sa.text("'{}'"))
            )
            batch_op.add_column(
                sa.Column("form_version", sa.Integer(), nullable=False, server_default="0")
            )
            batch_op.add_column(
                sa.Column(
                    "incomplete_fields", DOCUMENT, nullable=False, server_default=sa.text("'[]'")
                )
            )


def downgrade() -> None:
    for table in RECORDS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("incomplete_fields")
            batch_op.drop_column("form_version")
            batch_op.drop_column("custom")
    op.drop_table("form_definitions")
