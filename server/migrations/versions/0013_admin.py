"""Administration (server/admin.py): the organisations and the log of administrative actions.

The organisations already named by accounts and records are listed from them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 01:00:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(JSONB(), "postgresql")
# Every column that named an organisation at revision 0012.
NAMED_BY = (
    ("users", "organisation"),
    ("beneficiaries", "organisation"),
    ("referrals", "organisation"),
    ("referrals", "to_organisation"),
    ("transfers", "organisation"),
    ("referral_events", "organisation"),
    ("form_definitions", "organisation"),
)


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "admin_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("organisation", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("detail", DOCUMENT, nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_admin_actions_organisation", "admin_actions", ["organisation"])
    named = " UNION ".join(f"SELECT {column} AS name FROM {table}" for table, column in NAMED_BY)
    now = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the server stores times
    op.get_bind().execute(
        sa.text(
            "INSERT INTO organisations (name, created_at) "
            f"SELECT name, :now FROM ({named}) AS named WHERE name IS NOT NULL"
        ),
        {"now": now},
    )


def downgrade() -> None:
    op.drop_index("ix_admin_actions_organisation", table_name="admin_actions")
    op.drop_table("admin_actions")
    op.drop_table("organisations")
