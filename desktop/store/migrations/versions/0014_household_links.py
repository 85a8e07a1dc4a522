"""Households (desktop/services/households.py): beneficiaries linked as one family.

- ``household_links``: one row per member of a household; the members share
  ``household_id``, each has a relationship and one is the head. Synced like tasks
  (the SyncedColumns).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_links",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("beneficiary_id", sa.String(36), nullable=False),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("relationship", sa.String(16), nullable=False),
        sa.Column("is_head", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("server_version", sa.Integer),
        sa.Column("sync_status", sa.String(16), nullable=False),
        sa.Column("sync_error", sa.Text),
        sa.Column("invalid_fields", sa.Text),
        sa.Column("deleted_at", sa.DateTime),
        sa.Column("custom", sa.Text, nullable=False, server_default="{}"),
        sa.Column("form_version", sa.Integer, nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"],
            ["beneficiaries.id"],
            name="fk_household_links_beneficiary_id_beneficiaries",
        ),
    )
    op.create_index("ix_household_links_household", "household_links", ["household_id"])
    op.create_index("ix_household_links_beneficiary", "household_links", ["beneficiary_id"])
    op.create_index("ix_household_links_updated_at", "household_links", ["updated_at"])


def downgrade() -> None:
    op.drop_table("household_links")
