"""Records remember the sync run that wrote them, so that run's closing pull skips them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("beneficiaries", "case_sessions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("sync_run", sa.String(length=64), nullable=True))


def downgrade() -> None:
    for table in ("beneficiaries", "case_sessions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("sync_run")
