"""Merging duplicates (services/merges.py).

- ``beneficiaries.merged_into``: a record merged into another is a tombstone that keeps
  the survivor's id, so that sync and every laptop can forward references to it.
- ``merges``: one row per merge, the event its undo reads: which records moved to the
  survivor and which of the survivor's fields the merge changed (old and new values).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("beneficiaries", sa.Column("merged_into", sa.String(length=36), nullable=True))
    op.create_table(
        "merges",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("survivor_id", sa.String(length=36), nullable=False),
        sa.Column("merged_id", sa.String(length=36), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("merged_by", sa.String(length=36), nullable=False),
        sa.Column("survivor_changes", sa.Text(), nullable=False),
        sa.Column("moved", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_merges"),
    )
    op.create_index("ix_merges_merged_id", "merges", ["merged_id"])
    op.create_index("ix_merges_survivor_id", "merges", ["survivor_id"])


def downgrade() -> None:
    op.drop_table("merges")
    op.drop_column("beneficiaries", "merged_into")
