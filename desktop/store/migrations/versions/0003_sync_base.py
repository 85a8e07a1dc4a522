"""Sync: the server copy each record was last synced at (three-way merges), sent payloads.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_base",
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name="pk_sync_base"),
    )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("sent_payload", sa.Text(), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("server_role", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("server_role")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("sent_payload")
    op.drop_table("sync_base")
