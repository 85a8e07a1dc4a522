"""Household links (server/households.py): beneficiaries linked as a family, synced like tasks.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_links",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("relationship", sa.String(length=16), nullable=False),
        sa.Column("is_head", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("sync_run", sa.String(length=64), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["beneficiary_id"], ["beneficiaries.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("household_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_links_beneficiary_id"), ["beneficiary_id"])
        batch_op.create_index(batch_op.f("ix_household_links_household_id"), ["household_id"])
        batch_op.create_index(batch_op.f("ix_household_links_seq"), ["seq"])


def downgrade() -> None:
    op.drop_table("household_links")
