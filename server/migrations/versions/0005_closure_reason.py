"""Closed cases say why: a closure reason and a closure note on beneficiaries.

Cases closed before this revision keep no reason (none was asked for).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 11:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("beneficiaries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closure_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("closure_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("beneficiaries", schema=None) as batch_op:
        batch_op.drop_column("closure_note")
        batch_op.drop_column("closure_reason")
